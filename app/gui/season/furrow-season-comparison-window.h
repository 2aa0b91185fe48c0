/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-comparison-chart.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_COMPARISON_WINDOW (furrow_season_comparison_window_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonComparisonWindow, furrow_season_comparison_window, FURROW,
                      SEASON_COMPARISON_WINDOW, AdwWindow)

/* Issue 7 item 3 for the whole season: a modal window, transient for @parent, charting LER and
 * net yuan/mu of every pattern preset on all of @store's fields together under each yield
 * preset, with @season's prices, costs and subsidies; Export… writes the chart as PNG or SVG. */
FurrowSeasonComparisonWindow *furrow_season_comparison_window_new       (GtkWindow    *parent,
                                                                         FurrowStore  *store,
                                                                         FurrowSeason *season);

G_END_DECLS
