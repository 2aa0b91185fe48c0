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

/* The table shown (NULL without a season). */
const FurrowSeasonTable *furrow_season_overview_page_get_table     (FurrowSeasonOverviewPage *self);
/* The rows as shown (sorted), FurrowSeasonFieldRow items; the user's selection. */
GtkSelectionModel       *furrow_season_overview_page_get_selection (FurrowSeasonOverviewPage *self);
/* Chooses the pattern preset ("2+4") and yield preset ("practical") "Apply Pattern" uses, as the
 * user does in its popover; FALSE when one is not in the lists. */
gboolean                 furrow_season_overview_page_choose        (FurrowSeasonOverviewPage *self,
                                                                    const char               *pattern_preset,
                                                                    const char               *yield_preset);
/* What the actions overview.apply-selected and overview.apply-all do: plans the fields with the
 * chosen presets, recorded in the view's history. FALSE with the store's error (a settled
 * season: FURROW_STORE_ERROR_READ_ONLY) or when no field is selected. */
gboolean                 furrow_season_overview_page_apply         (FurrowSeasonOverviewPage *self,
                                                                    gboolean                  all,
                                                                    GError                  **error);
/* What overview.compare ("Compare Patterns…") does: presents a FurrowSeasonComparisonWindow of
 * all the fields with the season's prices and costs (transfer none; NULL without a season). */
GtkWindow               *furrow_season_overview_page_compare       (FurrowSeasonOverviewPage *self);

/* Large projects: the table is read in a thread (its own store connection) from this many fields
 * on, a spinner showing meanwhile; get_busy() is TRUE until it is shown. */
void                     furrow_season_overview_page_set_async_fields (FurrowSeasonOverviewPage *self,
                                                                       guint                     n_fields);
gboolean                 furrow_season_overview_page_get_busy         (FurrowSeasonOverviewPage *self);

G_END_DECLS
