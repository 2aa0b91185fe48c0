/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-new-season-dialog.h"
#include "furrow-window.h"

G_BEGIN_DECLS

/* The window's seasons: `win.new-season` (FurrowNewSeasonDialog; the season is created through
 * the store, audited, then shown) and `win.delete-season` (the season chosen in the Seasons
 * list, after a confirmation; refused for a settled season). Both are undone with the window's
 * other edits. Hooked into FurrowWindow with one call from its class_init and one from its
 * init. */
void                   furrow_window_seasons_class_init (GtkWidgetClass *widget_class);
void                   furrow_window_seasons_init       (FurrowWindow   *self);
/* Opens the dialog of win.new-season (NULL without a project). */
FurrowNewSeasonDialog *furrow_window_new_season         (FurrowWindow   *self);
/* Opens the confirmation of win.delete-season for `season` (NULL when it cannot be deleted:
 * a toast says why). */
AdwMessageDialog      *furrow_window_delete_season      (FurrowWindow   *self,
                                                         FurrowSeason   *season);

G_END_DECLS
