/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store-season.h"

G_BEGIN_DECLS

/* FurrowStore season functions only the tests use (HACKING.md, Where things go): the app sets a
 * household's operations (furrow-cli season set-operations) and the settlement reads them itself
 * (furrow_store_build_settlement_input()), so this stays out of furrow-store-season.h. */

/* The operations the household takes (transfer full; empty: none), in the season's fee order;
 * `all` (may be NULL) is set when it takes all of them by default. NULL with an error for an
 * unknown household. */
GStrv             furrow_store_get_household_operations (FurrowStore       *self,
                                                      FurrowSeason         *season,
                                                      const char           *household_code,
                                                      gboolean             *all,
                                                      GError              **error);

G_END_DECLS
