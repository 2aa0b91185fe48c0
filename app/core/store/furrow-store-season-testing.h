/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only: what the store's seasons hold that the application reads otherwise (the
 * settlement input, furrow_store_build_settlement_input(), applies the operations). */

#include "furrow-store-season.h"

G_BEGIN_DECLS

/* The operations the household takes (transfer full; empty: none), in the season's fee order;
 * `all` (may be NULL) is set when it takes all of them by default. NULL with an error for an
 * unknown household. */
GStrv furrow_store_get_household_operations (FurrowStore   *self,
                                             FurrowSeason  *season,
                                             const char    *household_code,
                                             gboolean      *all,
                                             GError       **error);

G_END_DECLS
