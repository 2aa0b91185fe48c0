/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-season-comparison-window.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-season-comparison-window.h"

G_BEGIN_DECLS

FurrowComparisonChart        *furrow_season_comparison_window_get_chart (FurrowSeasonComparisonWindow *self);

G_END_DECLS
