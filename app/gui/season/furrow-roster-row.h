/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-custody.h"
#include "furrow-distribution.h"

G_BEGIN_DECLS

#define FURROW_TYPE_ROSTER_ROW (furrow_roster_row_get_type ())

G_DECLARE_FINAL_TYPE (FurrowRosterRow, furrow_roster_row, FURROW, ROSTER_ROW, GObject)

/* FurrowRosterRow: one line of the settlement page's roster — a household's settled (or, before
 * settling, previewed) amounts in integer fen, or the totals row (code NULL, is-total TRUE). An
 * immutable item for a GListModel. */
FurrowRosterRow *furrow_roster_row_new          (const char      *code,
                                                 const char      *name,
                                                 FurrowCustody    custody,
                                                 double           area_m2,
                                                 gint64           base_fen,
                                                 gint64           dividend_fen,
                                                 gint64           fee_fen,
                                                 gint64           total_fen);
FurrowRosterRow *furrow_roster_row_new_total    (const FurrowDistributionResult    *totals);
/* A household's row of the engine's result. */
FurrowRosterRow *furrow_roster_row_new_share    (const FurrowDistributionHousehold *household,
                                                 const FurrowDistributionShare     *share);

gboolean         furrow_roster_row_is_total     (FurrowRosterRow *self);
const char      *furrow_roster_row_get_code     (FurrowRosterRow *self);
const char      *furrow_roster_row_get_name     (FurrowRosterRow *self);
FurrowCustody    furrow_roster_row_get_custody  (FurrowRosterRow *self);
double           furrow_roster_row_get_area_m2  (FurrowRosterRow *self);
gint64           furrow_roster_row_get_base_fen (FurrowRosterRow *self);
gint64           furrow_roster_row_get_dividend_fen (FurrowRosterRow *self);
gint64           furrow_roster_row_get_fee_fen  (FurrowRosterRow *self);
gint64           furrow_roster_row_get_total_fen (FurrowRosterRow *self);

G_END_DECLS
