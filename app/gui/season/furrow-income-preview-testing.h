/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only (through the economics page's own testing API): what the predicted
 * income shows. */

#include "furrow-income-preview.h"

G_BEGIN_DECLS

/* The text in `column` (FurrowRosterColumn) of the household `code`, or of the totals row when
 * code is NULL; NULL when absent or when the preview shows the engine's refusal. */
char *furrow_income_preview_get_text (FurrowIncomePreview *self,
                                      const char          *code,
                                      guint                column);

G_END_DECLS
