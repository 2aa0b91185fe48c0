/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only: what the economics page shows, reached without its struct. */

#include "furrow-season-economics-page.h"

G_BEGIN_DECLS

/* The widget of the page's template with this id in the .ui (e.g. "maize_price_spin"); a
 * missing id is a programming error. */
GtkWidget *furrow_season_economics_page_get_child (FurrowSeasonEconomicsPage *self,
                                                   const char                *name);
/* The FurrowItemRow `index` of the list `list` (0 costs, 1 subsidies, 2 income, 3 fees), or
 * NULL past its end. */
GtkWidget *furrow_season_economics_page_get_item_row (FurrowSeasonEconomicsPage *self,
                                                      guint                      list,
                                                      guint                      index);
/* Computes the preview now instead of after the debounce. */
void       furrow_season_economics_page_update_preview (FurrowSeasonEconomicsPage *self);
/* The preview's text in `column` (FurrowRosterColumn) of the household `code`, or of the totals
 * row when code is NULL; NULL when absent or when the preview shows an error. */
char      *furrow_season_economics_page_get_preview_text (FurrowSeasonEconomicsPage *self,
                                                          const char                *code,
                                                          guint                      column);

/* The preview of a paste while it is open (docs/architecture.md, Pasting rows), else NULL. */
AdwMessageDialog *furrow_season_economics_page_get_paste_dialog (FurrowSeasonEconomicsPage *self);
/* The i-th line of the last preview (one per pasted row), NULL past the last. */
const char *furrow_season_economics_page_get_paste_line (FurrowSeasonEconomicsPage *self,
                                                         guint                      i);

G_END_DECLS
