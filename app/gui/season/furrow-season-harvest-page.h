/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-season-page.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_HARVEST_PAGE (furrow_season_harvest_page_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonHarvestPage, furrow_season_harvest_page, FURROW,
                      SEASON_HARVEST_PAGE, FurrowSeasonPage)

/* The "harvest" page of the season view (the page contract of furrow-season-view.h): per field,
 * the harvested kg and sale revenue of maize and soybean in an editable grid next to the
 * predicted kg, with the predicted and actual net and the season's totals
 * (furrow_economics_season()); and the actual costs, of the whole season or of one field. Each
 * change is one undoable store write; the store moves a planning season to harvested on its
 * first harvest. A settled season is shown locked. */
FurrowSeasonHarvestPage *furrow_season_harvest_page_new (void);

G_END_DECLS
