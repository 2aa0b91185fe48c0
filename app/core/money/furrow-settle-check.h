/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What is missing before a season is settled (docs/domain.md §8, Before settling): settling
 * freezes the amounts, so the window's confirmation and `furrow-cli season settle` list these
 * first and settle only when asked again (--force). furrow_store_check_settlement()
 * (furrow-store-season.h) fills one from the project; this unit only holds and words it.
 *
 * - NO_HARVEST: a field with full-custody land and no harvest record: its revenue counts as 0;
 * - ZERO_PRICE: a crop the season grows (planned, or maize on an unplanned field) priced at 0;
 * - ZERO_FEE: a household with half-custody land billed ¥0 of service fees (no fee set, or it
 *   takes none of the fee operations);
 * - NO_PARCELS: a household of the register with no parcel: it is not in the settlement and gets
 *   no statement.
 *
 * Each kind keeps its items in order, as a person reads them: "N003 东洼" (code and name) for a
 * field or household, the crop's name for a price. */

typedef enum
{
  FURROW_SETTLE_CHECK_NO_HARVEST,
  FURROW_SETTLE_CHECK_ZERO_PRICE,
  FURROW_SETTLE_CHECK_ZERO_FEE,
  FURROW_SETTLE_CHECK_NO_PARCELS,
  FURROW_SETTLE_CHECK_N_KINDS,
} FurrowSettleCheckKind;

typedef struct _FurrowSettleCheck FurrowSettleCheck;

FurrowSettleCheck *furrow_settle_check_new       (void);
void               furrow_settle_check_free      (FurrowSettleCheck     *check);

/* `n_fields`: how many fields have full-custody land, for "2 of 4 fields". */
void               furrow_settle_check_set_n_fields (FurrowSettleCheck  *check,
                                                     guint               n_fields);
void               furrow_settle_check_add       (FurrowSettleCheck     *check,
                                                  FurrowSettleCheckKind  kind,
                                                  const char            *item);
/* TRUE when nothing is missing. */
gboolean           furrow_settle_check_is_empty  (const FurrowSettleCheck *check);

/* The list in words, one line per kind found ("2 of 4 fields have no harvest: F003 东洼,
 * F004 西坡"), each naming at most `max_items` items and counting the rest ("… and 3 more");
 * "" when nothing is missing. Translated. */
char              *furrow_settle_check_format    (const FurrowSettleCheck *check,
                                                  guint                  max_items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowSettleCheck, furrow_settle_check_free)

G_END_DECLS
