/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-season-view.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-season-view.h"

G_BEGIN_DECLS

const char       *furrow_season_view_get_visible_page (FurrowSeasonView *self);
/* Shows the page added under `name`. */
void              furrow_season_view_show_page   (FurrowSeasonView *self,
                                                  const char       *name);

G_END_DECLS
