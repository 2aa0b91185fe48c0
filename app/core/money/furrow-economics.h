/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-pattern.h"
#include "furrow-season.h"

G_BEGIN_DECLS

/* Season economics (docs/architecture.md "Plan"): predicted and actual figures per field and per
 * season, side by side. Pure functions on plain structs; money integer fen.
 *
 * Per field, with the field's rates (furrow_season_get_rates(): overrides resolved) and its
 * custody area A — the registered area of its full-custody parcels, held as whole hundredths of
 * a mu (cmu = round (A_m2 × 0.15)), the area costs and subsidies are paid on, as in the
 * settlement engine:
 *
 *   revenue_c = round (yield_kg_c × price_fen_per_kg_c)              for each crop c
 *   cost      = Σ over the crops the field grows of round (cost_fen_per_mu_c × cmu / 100)
 *               + round (shared_cost_fen_per_mu × cmu / 100) if it grows soybean but no maize
 *               (the shared items — tillage, sowing, irrigation, management — sit under maize:
 *               furrow_season_cost_item_is_shared())
 *   subsidy   = round ((subsidy_fen_per_mu + strip_subsidy_fen_per_mu if strip) × cmu / 100)
 *   net       = revenue + subsidy − cost
 *
 * Predicted: yields from the planner (layout + yield model, furrow-yield-model.h), costs from the
 * cost items. Actual: yields and sale revenue from the harvest records; costs are the field's
 * recorded actual costs when it has any, else the cost items. A season adds its fields, its
 * other income, and its actual costs not tied to a field. Rounding is half away from zero. */

typedef struct
{
  gint64            field_id;
  char              code[64];
  double            area_m2;                             /* full-custody registered area */
  gboolean          grows[FURROW_N_CROPS];               /* from the plan */
  gboolean          strip;                               /* both crops in strips */
  gboolean          planned;                             /* the field has a plan */
  FurrowSeasonRates rates;

  /* predicted */
  double            planted_area_m2[FURROW_N_CROPS];
  double            predicted_yield_kg[FURROW_N_CROPS];

  /* actual */
  gboolean          harvested;                           /* at least one harvest record */
  double            actual_yield_kg[FURROW_N_CROPS];
  gint64            actual_revenue_fen[FURROW_N_CROPS];
  gboolean          has_actual_cost;
  gint64            actual_cost_fen;
} FurrowEconomicsField;

typedef struct
{
  double yield_kg[FURROW_N_CROPS];
  gint64 revenue_fen[FURROW_N_CROPS];
  gint64 revenue_total_fen;
  gint64 cost_fen;
  gint64 subsidy_fen;
  gint64 other_income_fen;                               /* season totals only */
  gint64 net_fen;                                        /* revenue + subsidy + other − cost */
} FurrowEconomicsFigures;

typedef struct
{
  FurrowEconomicsFigures predicted;
  FurrowEconomicsFigures actual;
} FurrowEconomicsComparison;

/* Hundredths of a mu, as the settlement engine holds areas. */
gint64 furrow_economics_area_cmu        (double                       area_m2);
/* round (fen_per_mu × cmu / 100), half away from zero. */
gint64 furrow_economics_per_mu_fen      (gint64                       fen_per_mu,
                                         gint64                       area_cmu);

void   furrow_economics_predict_field   (const FurrowEconomicsField *field,
                                         FurrowEconomicsFigures     *out);
void   furrow_economics_actual_field    (const FurrowEconomicsField *field,
                                         FurrowEconomicsFigures     *out);

/* Both sides for every field (`per_field`: n entries, may be NULL) and the season's totals. */
void   furrow_economics_season          (const FurrowEconomicsField *fields,
                                         gsize                       n_fields,
                                         gint64                      other_income_fen,
                                         gint64                      season_actual_cost_fen,
                                         FurrowEconomicsComparison  *per_field,
                                         FurrowEconomicsComparison  *total);

/* A season's net among households by their share of full-custody registered area (largest
 * remainder in fen, ties to the lower index): Σ out_fen == net_fen exactly; a negative net is
 * shared as a negative amount. Households with no area get 0. */
void   furrow_economics_share_by_area   (gint64                      net_fen,
                                         const double               *area_m2,
                                         gsize                       n,
                                         gint64                     *out_fen);

G_END_DECLS
