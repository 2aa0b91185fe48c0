/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-economics.h"

#include <math.h>

gint64
furrow_economics_area_cmu (double area_m2)
{
  if (!(area_m2 > 0))
    return 0;
  /* 1 m² = 0.0015 mu = 0.15 cmu */
  return (gint64) llround (area_m2 * 0.15);
}

gint64
furrow_economics_per_mu_fen (gint64 fen_per_mu,
                             gint64 area_cmu)
{
  gint64 product = fen_per_mu * area_cmu;

  return product >= 0 ? (product + 50) / 100 : -((-product + 50) / 100);
}

static void
field_costs (const FurrowEconomicsField *field,
             FurrowEconomicsFigures     *out)
{
  gint64 cmu = furrow_economics_area_cmu (field->area_m2);
  gint64 subsidy_fen_per_mu = field->rates.subsidy_fen_per_mu;

  out->cost_fen = 0;
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    if (field->grows[c])
      out->cost_fen += furrow_economics_per_mu_fen (field->rates.cost_fen_per_mu[c], cmu);
  /* the shared items sit under maize: a field without maize pays them besides its own */
  if (!field->grows[FURROW_CROP_MAIZE] && field->grows[FURROW_CROP_SOYBEAN])
    out->cost_fen += furrow_economics_per_mu_fen (field->rates.shared_cost_fen_per_mu, cmu);
  if (field->strip)
    subsidy_fen_per_mu += field->rates.strip_subsidy_fen_per_mu;
  out->subsidy_fen = furrow_economics_per_mu_fen (subsidy_fen_per_mu, cmu);
}

static void
finish (FurrowEconomicsFigures *out)
{
  out->revenue_total_fen = 0;
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    out->revenue_total_fen += out->revenue_fen[c];
  out->net_fen = out->revenue_total_fen + out->subsidy_fen + out->other_income_fen - out->cost_fen;
}

void
furrow_economics_predict_field (const FurrowEconomicsField *field,
                                FurrowEconomicsFigures     *out)
{
  *out = (FurrowEconomicsFigures) { 0 };
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      out->yield_kg[c] = field->predicted_yield_kg[c];
      out->revenue_fen[c] = (gint64) llround (field->predicted_yield_kg[c] *
                                              field->rates.price_fen_per_kg[c]);
    }
  field_costs (field, out);
  finish (out);
}

void
furrow_economics_actual_field (const FurrowEconomicsField *field,
                               FurrowEconomicsFigures     *out)
{
  *out = (FurrowEconomicsFigures) { 0 };
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      out->yield_kg[c] = field->actual_yield_kg[c];
      out->revenue_fen[c] = field->actual_revenue_fen[c];
    }
  field_costs (field, out);
  if (field->has_actual_cost)
    out->cost_fen = field->actual_cost_fen;
  finish (out);
}

static void
add_figures (FurrowEconomicsFigures       *sum,
             const FurrowEconomicsFigures *figures)
{
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      sum->yield_kg[c] += figures->yield_kg[c];
      sum->revenue_fen[c] += figures->revenue_fen[c];
    }
  sum->cost_fen += figures->cost_fen;
  sum->subsidy_fen += figures->subsidy_fen;
}

void
furrow_economics_season (const FurrowEconomicsField *fields,
                         gsize                       n_fields,
                         gint64                      other_income_fen,
                         gint64                      season_actual_cost_fen,
                         FurrowEconomicsComparison  *per_field,
                         FurrowEconomicsComparison  *total)
{
  *total = (FurrowEconomicsComparison) { 0 };
  for (gsize i = 0; i < n_fields; i++)
    {
      FurrowEconomicsComparison one;

      furrow_economics_predict_field (&fields[i], &one.predicted);
      furrow_economics_actual_field (&fields[i], &one.actual);
      add_figures (&total->predicted, &one.predicted);
      add_figures (&total->actual, &one.actual);
      if (per_field != NULL)
        per_field[i] = one;
    }
  total->predicted.other_income_fen = other_income_fen;
  total->actual.other_income_fen = other_income_fen;
  total->actual.cost_fen += season_actual_cost_fen;
  finish (&total->predicted);
  finish (&total->actual);
}

void
furrow_economics_share_by_area (gint64        net_fen,
                                const double *area_m2,
                                gsize         n,
                                gint64       *out_fen)
{
  g_autofree gint64 *weights = g_new0 (gint64, n + 1);
  g_autofree guint *rank = g_new0 (guint, n + 1);
  gint64 sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      weights[i] = furrow_economics_area_cmu (area_m2[i]);
      rank[i] = i;
      sum += weights[i];
      out_fen[i] = 0;
    }
  if (sum == 0 || n == 0)
    return;
  furrow_distribution_largest_remainder (net_fen >= 0 ? net_fen : -net_fen, weights, rank, n,
                                         out_fen);
  if (net_fen < 0)
    for (gsize i = 0; i < n; i++)
      out_fen[i] = -out_fen[i];
}
