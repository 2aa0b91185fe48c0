/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-custody.h"
#include "furrow-distribution.h"

G_BEGIN_DECLS

#define FURROW_TYPE_ROSTER_ROW (furrow_roster_row_get_type ())

G_DECLARE_FINAL_TYPE (FurrowRosterRow, furrow_roster_row, FURROW, ROSTER_ROW, GObject)

/* FurrowRosterRow: one household's line of a distribution — the settlement page's roster
 * (settled, or previewed before settling) and the economics page's predicted income — in integer
 * fen, or the totals row (is-total TRUE). An immutable item for a GListModel. */

/* The columns a row can show (furrow_roster_row_get_text()). */
typedef enum
{
  FURROW_ROSTER_COLUMN_CODE,
  FURROW_ROSTER_COLUMN_NAME,
  FURROW_ROSTER_COLUMN_CUSTODY,
  FURROW_ROSTER_COLUMN_AREA,
  FURROW_ROSTER_COLUMN_BASE,
  FURROW_ROSTER_COLUMN_DIVIDEND,
  FURROW_ROSTER_COLUMN_FEE,
  FURROW_ROSTER_COLUMN_TOTAL,
  FURROW_ROSTER_N_COLUMNS
} FurrowRosterColumn;

FurrowRosterRow *furrow_roster_row_new          (const char      *code,
                                                 const char      *name,
                                                 FurrowCustody    custody,
                                                 double           area_m2,
                                                 gint64           base_fen,
                                                 gint64           dividend_fen,
                                                 gint64           fee_fen,
                                                 gint64           total_fen);
/* The totals row of the engine's result (code and name NULL). */
FurrowRosterRow *furrow_roster_row_new_total    (const FurrowDistributionResult *totals);
/* A row of one share of the engine's result (a household's, or, with @is_total, a sum of
 * shares under the name @name). */
FurrowRosterRow *furrow_roster_row_new_share    (const char                    *code,
                                                 const char                    *name,
                                                 const FurrowDistributionShare *share,
                                                 gboolean                       is_total);

gboolean         furrow_roster_row_is_total     (FurrowRosterRow *self);
const char      *furrow_roster_row_get_code     (FurrowRosterRow *self);
gint64           furrow_roster_row_get_total_fen (FurrowRosterRow *self);
/* What @column shows, never NULL: the code and the name as stored ("" for none), the custody
 * (Full or Half; "" on the totals row), mu to 0.01, yuan from fen. */
char            *furrow_roster_row_get_text     (FurrowRosterRow    *self,
                                                 FurrowRosterColumn  column);

G_END_DECLS
