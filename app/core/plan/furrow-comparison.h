/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"
#include "furrow-pattern.h"
#include "furrow-season.h"
#include "furrow-yield-model.h"

G_BEGIN_DECLS

/* Patterns side by side on a field or a whole season (docs/domain.md §7): predicted maize and
 * soybean kg, LER, revenue, cost and net, sorted by net per mu. Money is integer fen.
 *
 * Costs per mu [est.] from docs/domain.md §7, split so every pattern gets its share:
 *   common to every crop: tillage 45, irrigation and other 60, management and labour 75,
 *   sowing 30                                                  = 210 yuan
 *   maize: seed 55, fertilizer 235, pesticide 40, harvest 60   = 390 yuan (sole maize 600)
 *   soybean: seed 25, fertilizer 60, spraying 30, harvest 50   = 165 yuan (the strip additions;
 *   used for sole soybean too: 375 yuan)
 * A strip pays all three (765 yuan/mu) and gets the strip subsidy (150 yuan/mu, a placeholder
 * to confirm locally). Prices: maize 2.40, soybean 4.60 yuan/kg. Costs and subsidies are per mu
 * of field (headlands are farmed too); revenue follows the predicted yield of the layout.
 *
 * A season's rates (furrow_economics_init_from_rates()) replace the defaults: its prices, its
 * cost items per crop and its subsidies. A season lists the shared items (tillage, sowing,
 * irrigation, management) under maize: they become the common part (shared_cost_fen_per_mu) and
 * the rest of maize's items the maize part, so a pattern pays what the season's own predicted
 * figures charge (furrow-economics.h), sole soybean included. */

typedef struct
{
  double maize_price_fen_per_kg;
  double soy_price_fen_per_kg;
  gint64 common_cost_fen_per_mu;
  gint64 maize_cost_fen_per_mu;
  gint64 soy_cost_fen_per_mu;
  gint64 subsidy_fen_per_mu;         /* every pattern (0 in the defaults) */
  gint64 strip_subsidy_fen_per_mu;   /* strip patterns only */
} FurrowEconomics;

typedef struct
{
  FurrowPattern pattern;
  guint         input_index;     /* position in the list given */
  double        area_mu;
  double        maize_kg;
  double        soy_kg;
  double        ler;             /* area-weighted over the fields */
  gint64        maize_revenue_fen; /* round (maize_kg × maize price) */
  gint64        soy_revenue_fen;
  gint64        revenue_fen;     /* round (maize_kg × maize price + soy_kg × soybean price) */
  gint64        subsidy_fen;
  gint64        cost_fen;
  gint64        net_fen;         /* revenue + subsidy − cost */
  gint64        net_fen_per_mu;
} FurrowComparisonRow;

void    furrow_economics_init_defaults (FurrowEconomics         *self);
/* A season's rates on a field (furrow_season_get_rates()). */
void    furrow_economics_init_from_rates (FurrowEconomics         *self,
                                          const FurrowSeasonRates *rates);

/* Cost of one mu of the pattern, in fen. */
gint64  furrow_economics_cost_per_mu   (const FurrowEconomics   *self,
                                        const FurrowPattern     *pattern);

/* One row per pattern over all the fields (a season: every field of it), sorted by net per mu
 * (highest first; equal nets keep the given order). With n_fields = 0 the ideal strip of one
 * mu is used. NULL and an error when a layout fails. */
GArray *furrow_comparison_compute      (FurrowGeometry * const  *fields,
                                        guint                    n_fields,
                                        const FurrowPattern     *patterns,
                                        guint                    n_patterns,
                                        const FurrowYieldModel  *model,
                                        const FurrowEconomics   *economics,
                                        GError                 **error);

G_END_DECLS
