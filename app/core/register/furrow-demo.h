/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"

G_BEGIN_DECLS

/* The demo cooperative: a synthetic but realistic village near 36.45 N 119.40 E (Weifang,
 * Shandong), plainly marked as demo data in the cooperative's name. Deterministic (fixed seed):
 * 40 custody fields of 20–200 mu in a grid along the roads, 300 households (CBFBM = the village
 * group's FBFBM FURROW_DEMO_VILLAGE_CODE + a 4-digit serial) and 1,000 parcels (DKBM = FBFBM +
 * a 5-digit serial) that subdivide the fields into strips, with registered areas 1–6 % off the
 * measured ones, a few half-custody households, fake phones (1380000xxxx) and fake ID numbers
 * (region 000000, which does not exist), and made-up payee accounts (docs/domain.md §14). */

#define FURROW_DEMO_VILLAGE_CODE "37078210220101"
#define FURROW_DEMO_N_FIELDS      40
#define FURROW_DEMO_N_HOUSEHOLDS  300
#define FURROW_DEMO_N_PARCELS     1000
/* Its past season, settled, posted and partly paid: the payroll, bank files, contracts, ledger
 * and 会农社02 all have it to print (furrow-demo.c, add_settled_season()). */
#define FURROW_DEMO_SEASON        "2025 秋季"

/* Writes the demo into an empty store: the register in one transaction, then its season in
 * another (settling reads the committed register). */
gboolean     furrow_demo_populate (FurrowStore  *store,
                                   GError      **error);
/* Creates a new project file at path (refused when it exists; nothing is left on failure). */
FurrowStore *furrow_demo_create   (const char   *path,
                                   GError      **error);

G_END_DECLS
