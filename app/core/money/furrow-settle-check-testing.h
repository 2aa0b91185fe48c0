/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the tests read of a settle check (furrow-settle-check.h); the window and the CLI show
 * it through furrow_settle_check_format(). */
#pragma once

#include "furrow-settle-check.h"

G_BEGIN_DECLS

/* `n_fields` as set by furrow_settle_check_set_n_fields(). */
guint              furrow_settle_check_get_n_fields (const FurrowSettleCheck *check);
/* How many items of `kind` were added. */
guint              furrow_settle_check_get_count    (const FurrowSettleCheck *check,
                                                     FurrowSettleCheckKind    kind);
/* The items of a kind, in order (owned by the check). */
const char        *furrow_settle_check_get_item     (const FurrowSettleCheck *check,
                                                     FurrowSettleCheckKind    kind,
                                                     guint                    index);

G_END_DECLS
