/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"

G_BEGIN_DECLS

/* Generated cooperatives for the server benchmarks (bench-server.c, docs/benchmarks.md), written
 * through the store's own batch API on either backend, so a file and a server hold the same rows.
 *
 * Cooperative number `index` (0–99) is the village group 370782102201II (II = index + 1, its
 * FBFBM): `n_fields` square custody fields of 100 m on a grid of 50 columns, each cut into
 * n_parcels / n_fields north–south strips; household h (CBFBM = FBFBM + 4-digit serial) holds the
 * parcels p with p % n_households == h (DKBM = FBFBM + 5-digit serial), so with n_parcels ≥
 * n_households every household has land. One import batch (no audit row per addition), then with
 * `season` a second transaction: the season BENCH_COUNTY_SEASON (crop year 2026) with every
 * field planned 2+4 and both crops harvested at fixed yields, ready to settle. Deterministic: no
 * random numbers. */
#define BENCH_COUNTY_SEASON "2026 秋季"

gboolean bench_county_populate (FurrowStore  *store,
                                guint         index,
                                guint         n_fields,
                                guint         n_households,
                                guint         n_parcels,
                                gboolean      season,
                                GError      **error);

G_END_DECLS
