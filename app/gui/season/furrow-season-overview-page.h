/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-season-page.h"
#include "furrow-season-plans.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_OVERVIEW_PAGE (furrow_season_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonOverviewPage, furrow_season_overview_page, FURROW,
                      SEASON_OVERVIEW_PAGE, FurrowSeasonPage)

/* The "overview" page of a season (furrow-season-view.h page contract): a sortable table of
 * every field — pattern, registered, measured and planted mu, predicted maize and soybean kg,
 * revenue, cost and net — with the season's totals below it (furrow_season_table_compute()),
 * and "Apply Pattern" to the selected fields or to all of them (one store transaction, undone
 * with the window's other edits). A settled season is shown locked. */
FurrowSeasonOverviewPage *furrow_season_overview_page_new (void);

/* What the actions overview.apply-selected and overview.apply-all do: plans the fields with the
 * chosen presets, recorded in the view's history. FALSE with the store's error (a settled
 * season: FURROW_STORE_ERROR_READ_ONLY) or when no field is selected. */
gboolean                 furrow_season_overview_page_apply         (FurrowSeasonOverviewPage *self,
                                                                    gboolean                  all,
                                                                    GError                  **error);
/* What overview.compare ("Compare Patterns…") does: presents a FurrowSeasonComparisonWindow of
 * all the fields with the season's prices and costs (transfer none; NULL without a season). */
GtkWindow               *furrow_season_overview_page_compare       (FurrowSeasonOverviewPage *self);

G_END_DECLS
