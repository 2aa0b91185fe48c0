/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-season-page.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_ECONOMICS_PAGE (furrow_season_economics_page_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonEconomicsPage, furrow_season_economics_page, FURROW,
                      SEASON_ECONOMICS_PAGE, FurrowSeasonPage)

/* The "economics" page of the season view (the page contract of furrow-season-view.h): the
 * season's money rules — prices, cost items, subsidies, other income, half-custody fees, the
 * base rule and the surplus split — in an editor whose every valid change is written with
 * furrow_store_update_season() as one undoable step, next to a preview of each household's
 * predicted income (the settlement engine on the predicted figures,
 * furrow_store_build_prediction_input()). Invalid values are marked on their row and not
 * written; a settled season is shown locked. */
FurrowSeasonEconomicsPage *furrow_season_economics_page_new (void);

G_END_DECLS
