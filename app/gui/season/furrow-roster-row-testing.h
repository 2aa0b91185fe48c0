/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only: a roster row's amounts as numbers, to sum them against the totals. */

#include "furrow-roster-row.h"

G_BEGIN_DECLS

const char      *furrow_roster_row_get_name         (FurrowRosterRow *self);
gint64           furrow_roster_row_get_base_fen     (FurrowRosterRow *self);
gint64           furrow_roster_row_get_dividend_fen (FurrowRosterRow *self);
gint64           furrow_roster_row_get_fee_fen      (FurrowRosterRow *self);

G_END_DECLS
