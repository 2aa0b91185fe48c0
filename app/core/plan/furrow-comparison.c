/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-comparison.h"

#include <math.h>

#include "furrow-layout.h"
#include "furrow-units.h"

void
furrow_economics_init_defaults (FurrowEconomics *self)
{
  /* docs/domain.md §7 [est.] */
  self->maize_price_fen_per_kg = 240;
  self->soy_price_fen_per_kg = 460;
  self->common_cost_fen_per_mu = (45 + 60 + 75 + 30) * 100;
  self->maize_cost_fen_per_mu = (55 + 235 + 40 + 60) * 100;
  self->soy_cost_fen_per_mu = (25 + 60 + 30 + 50) * 100;
  self->subsidy_fen_per_mu = 0;
  self->strip_subsidy_fen_per_mu = 150 * 100;
}

void
furrow_economics_init_from_rates (FurrowEconomics         *self,
                                  const FurrowSeasonRates *rates)
{
  self->maize_price_fen_per_kg = rates->price_fen_per_kg[FURROW_CROP_MAIZE];
  self->soy_price_fen_per_kg = rates->price_fen_per_kg[FURROW_CROP_SOYBEAN];
  self->common_cost_fen_per_mu = rates->shared_cost_fen_per_mu;
  self->maize_cost_fen_per_mu = rates->cost_fen_per_mu[FURROW_CROP_MAIZE] -
                                rates->shared_cost_fen_per_mu;
  self->soy_cost_fen_per_mu = rates->cost_fen_per_mu[FURROW_CROP_SOYBEAN];
  self->subsidy_fen_per_mu = rates->subsidy_fen_per_mu;
  self->strip_subsidy_fen_per_mu = rates->strip_subsidy_fen_per_mu;
}

gint64
furrow_economics_cost_per_mu (const FurrowEconomics *self,
                              const FurrowPattern   *pattern)
{
  gint64 cost = self->common_cost_fen_per_mu;

  if (pattern->maize_rows > 0)
    cost += self->maize_cost_fen_per_mu;
  if (pattern->soy_rows > 0)
    cost += self->soy_cost_fen_per_mu;
  return cost;
}

/* fen from a real amount: rounded half away from zero, once, at the end of each sum */
static gint64
to_fen (double fen)
{
  return (gint64) llround (fen);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const FurrowComparisonRow *ra = a, *rb = b;

  if (ra->net_fen_per_mu != rb->net_fen_per_mu)
    return ra->net_fen_per_mu > rb->net_fen_per_mu ? -1 : 1;
  return (ra->input_index > rb->input_index) - (ra->input_index < rb->input_index);
}

GArray *
furrow_comparison_compute (FurrowGeometry * const  *fields,
                           guint                    n_fields,
                           const FurrowPattern     *patterns,
                           guint                    n_patterns,
                           const FurrowYieldModel  *model,
                           const FurrowEconomics   *economics,
                           GError                 **error)
{
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, TRUE, sizeof (FurrowComparisonRow),
                                              n_patterns);

  for (guint i = 0; i < n_patterns; i++)
    {
      FurrowComparisonRow row = { 0 };
      const FurrowPattern *p = &patterns[i];
      double revenue = 0.0, ler_mu = 0.0;
      gboolean strip = !furrow_pattern_is_sole (p);

      row.pattern = *p;
      row.input_index = i;

      if (n_fields == 0)
        {
          FurrowYieldPrediction y;

          furrow_yield_model_predict (model, p, &y);
          row.area_mu = 1.0;
          row.maize_kg = y.yield_kg_per_mu[FURROW_CROP_MAIZE];
          row.soy_kg = y.yield_kg_per_mu[FURROW_CROP_SOYBEAN];
          ler_mu = y.ler;
        }
      for (guint f = 0; f < n_fields; f++)
        {
          g_autoptr(FurrowLayout) l = furrow_layout_compute (fields[f], p,
                                                             FURROW_LAYOUT_QUANTITIES_ONLY, error);
          FurrowYieldPrediction y;
          double mu;

          if (l == NULL)
            return NULL;
          furrow_yield_model_predict_layout (model, l, &y);
          mu = furrow_m2_to_mu (l->field_area_m2);
          row.area_mu += mu;
          row.maize_kg += y.yield_kg[FURROW_CROP_MAIZE];
          row.soy_kg += y.yield_kg[FURROW_CROP_SOYBEAN];
          ler_mu += y.ler * mu;
        }
      if (n_fields > 0 && row.area_mu > 0.0)
        ler_mu /= row.area_mu;
      row.ler = ler_mu;

      revenue = row.maize_kg * economics->maize_price_fen_per_kg +
                row.soy_kg * economics->soy_price_fen_per_kg;
      row.maize_revenue_fen = to_fen (row.maize_kg * economics->maize_price_fen_per_kg);
      row.soy_revenue_fen = to_fen (row.soy_kg * economics->soy_price_fen_per_kg);
      row.revenue_fen = to_fen (revenue);
      row.cost_fen = to_fen (row.area_mu * furrow_economics_cost_per_mu (economics, p));
      row.subsidy_fen = to_fen (row.area_mu * (economics->subsidy_fen_per_mu +
                                               (strip ? economics->strip_subsidy_fen_per_mu : 0)));
      row.net_fen = row.revenue_fen + row.subsidy_fen - row.cost_fen;
      row.net_fen_per_mu = row.area_mu > 0.0 ? to_fen (row.net_fen / row.area_mu) : 0;
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}
