/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-ledger.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The member accounts (docs/domain.md §16) built from the frozen settlements of every settled
 * season: one account per household that was in one (only `household_code`'s when not NULL; a
 * code that is no household is NOT_FOUND), its seasons by crop year then the order they were
 * made, and every settled season's art. 44 check as recorded with the settlement. */
FurrowLedger *furrow_store_get_ledger (FurrowStore  *self,
                                       const char   *household_code,
                                       GError      **error);

/* Records in the audit log that the ledger was exported (action "ledger.export", object
 * "ledger" or "ledger:CODE"; `detail`: counts and the destination, never personal data). */
gboolean      furrow_store_record_ledger_export (FurrowStore  *self,
                                                 const char   *household_code,
                                                 const char   *detail,
                                                 GError      **error);

G_END_DECLS
