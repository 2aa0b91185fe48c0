/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-season-settlement-page.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-season-settlement-page.h"

G_BEGIN_DECLS

/* The roster shown (FurrowRosterRow, household rows in code order, then the totals row). */
GListModel *furrow_season_settlement_page_get_roster          (FurrowSeasonSettlementPage *self);
gboolean    furrow_season_settlement_page_is_exporting        (FurrowSeasonSettlementPage *self);
/* The Payment column's status of household `code` ("Paid"), NULL when the season is not
 * settled. */
const char *furrow_season_settlement_page_get_payment_text    (FurrowSeasonSettlementPage *self,
                                                               const char                 *code);

G_END_DECLS
