/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-season-overview-page.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-season-overview-page.h"

G_BEGIN_DECLS

/* Chooses the pattern preset ("2+4") and yield preset ("practical") "Apply Pattern" uses, as the
 * user does in its popover; FALSE when one is not in the lists. */
gboolean                 furrow_season_overview_page_choose        (FurrowSeasonOverviewPage *self,
                                                                    const char               *pattern_preset,
                                                                    const char               *yield_preset);
gboolean                 furrow_season_overview_page_get_busy         (FurrowSeasonOverviewPage *self);
/* The rows as shown (sorted), FurrowSeasonFieldRow items; the user's selection. */
GtkSelectionModel       *furrow_season_overview_page_get_selection (FurrowSeasonOverviewPage *self);
/* The table shown (NULL without a season). */
const FurrowSeasonTable *furrow_season_overview_page_get_table     (FurrowSeasonOverviewPage *self);
/* Large projects: the table is read in a thread (its own store connection) from this many fields
 * on, a spinner showing meanwhile; get_busy() is TRUE until it is shown. */
void                     furrow_season_overview_page_set_async_fields (FurrowSeasonOverviewPage *self,
                                                                       guint                     n_fields);

G_END_DECLS
