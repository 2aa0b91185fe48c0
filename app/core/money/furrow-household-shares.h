/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A season's net income among the households (`furrow-cli season predict`): each household's
 * share is its full-custody registered area (half-custody parcels keep their own harvest and
 * pay fees instead, docs/domain.md §8); the amounts are furrow_economics_share_by_area(),
 * exact to the fen. */

/* The full-custody registered area of every household of `households` (a model of
 * FurrowHousehold), in the model's order, summed over the parcels of `parcels` (a model of
 * FurrowParcel): n entries, 0 for a household without such parcels. */
double *furrow_household_shares_area_m2 (GListModel *households,
                                         GListModel *parcels);

/* `net_fen` shared among the households: out_fen[i] for the household at position i of
 * `households` (n entries, Σ out_fen == net_fen). Returns the areas as
 * furrow_household_shares_area_m2() does. */
double *furrow_household_shares         (GListModel *households,
                                         GListModel *parcels,
                                         gint64      net_fen,
                                         gint64     *out_fen);

G_END_DECLS
