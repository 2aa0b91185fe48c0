/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-new-season-dialog.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-new-season-dialog.h"

G_BEGIN_DECLS

GtkEditable           *furrow_new_season_dialog_get_name   (FurrowNewSeasonDialog *self);
GtkSpinButton         *furrow_new_season_dialog_get_year   (FurrowNewSeasonDialog *self);

G_END_DECLS
