/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store-season.h"

G_BEGIN_DECLS

/* What became of each household's money in a settled season (docs/domain.md, "Bank accounts"
 * status; table `payments`, schema v7): unpaid until a bank file holds it, sent when one was
 * written, then paid or failed (with the bank's reason) as the bank's return file says, and
 * reissued when a file of the failed ones was written. Every change is one audit row
 * ("payment.<status>", object "season:NAME", detail "<CBFBM>: <old> -> <new>[: reason]; <source>")
 * and, after the commit, settlement-changed (and season-changed with no flag) for the season.
 * The account number is never part of it. */

typedef enum
{
  FURROW_PAYMENT_UNPAID,
  FURROW_PAYMENT_SENT,
  FURROW_PAYMENT_PAID,
  FURROW_PAYMENT_FAILED,
  FURROW_PAYMENT_REISSUED,
} FurrowPaymentStatus;

/* The key stored and printed by --json: "unpaid", "sent", "paid", "failed", "reissued". */
const char *furrow_payment_status_to_key   (FurrowPaymentStatus  status);
gboolean    furrow_payment_status_from_key (const char          *key,
                                            FurrowPaymentStatus *status);
/* The status in the interface's language ("Paid", "已支付"). */
const char *furrow_payment_status_label    (FurrowPaymentStatus  status);

typedef struct
{
  char                *code;     /* the household's CBFBM */
  FurrowPaymentStatus  status;
  char                *reason;   /* why it failed, as the bank wrote it; "" otherwise */
  char                *changed;  /* ISO 8601 UTC of the last change; "" for unpaid */
} FurrowPayment;

void        furrow_payment_free            (FurrowPayment       *payment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowPayment, furrow_payment_free)

/* The payment of every household of a settled season's settlement (code → FurrowPayment, the
 * households without a row unpaid; transfer full); NULL with NOT_FOUND when the season is not
 * settled. */
GHashTable *furrow_store_get_payments      (FurrowStore         *self,
                                            FurrowSeason        *season,
                                            GError             **error);

typedef struct
{
  const char          *code;
  FurrowPaymentStatus  status;
  const char          *reason;   /* required for FAILED; ignored otherwise */
} FurrowPaymentChange;

/* Sets the status of these households of a settled season, all in one transaction or none:
 * NOT_FOUND for a household not in the season's settlement and for a season not settled,
 * INVALID for a change the order above does not allow — sent from unpaid or sent, paid or failed
 * from sent or reissued (or paid and failed again, as a later return corrects an earlier one),
 * reissued from failed, unpaid from anything (a correction) — and for a failure without a
 * reason; each message names the household. A change to the status a household has is not
 * written. `source` (a file name, "window") goes into each audit row. */
gboolean    furrow_store_set_payments      (FurrowStore               *self,
                                            FurrowSeason              *season,
                                            const FurrowPaymentChange *changes,
                                            gsize                      n_changes,
                                            const char                *source,
                                            GError                   **error);

G_END_DECLS
