/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>


#include "furrow-comparison.h"
#include "furrow-local-frame.h"
#include "furrow-test.h"

/* docs/domain.md §7 defaults, per mu on the ideal strip, `practical` (pLER 0.90 / 0.60):
 *   2+4: maize 550 × 0.90 = 495 kg × 2.40 = 1,188.00 yuan; soybean 200 × 0.60 = 120 kg × 4.60 =
 *        552.00 yuan; + subsidy 150; − cost 600 + 165 = 765: net 1,125.00 yuan/mu.
 *   sole maize: 550 × 2.40 = 1,320.00 − 600 = 720.00 yuan/mu.
 *   sole soybean: 200 × 4.60 = 920.00 − (210 + 165) = 545.00 yuan/mu. */
static void
test_ideal_per_mu (void)
{
  FurrowPattern patterns[3];
  FurrowYieldModel model;
  FurrowEconomics econ;
  g_autoptr(GArray) rows = NULL;
  const FurrowComparisonRow *r;

  furrow_pattern_preset ("sole-maize", &patterns[0]);
  furrow_pattern_preset ("sole-soybean", &patterns[1]);
  furrow_pattern_preset ("2+4", &patterns[2]);
  furrow_yield_model_preset ("practical", &model, NULL);
  furrow_economics_init_defaults (&econ);
  g_assert_cmpint (furrow_economics_cost_per_mu (&econ, &patterns[2]), ==, 76500);
  g_assert_cmpint (furrow_economics_cost_per_mu (&econ, &patterns[0]), ==, 60000);
  g_assert_cmpint (furrow_economics_cost_per_mu (&econ, &patterns[1]), ==, 37500);

  rows = furrow_comparison_compute (NULL, 0, patterns, 3, &model, &econ, NULL);
  g_assert_cmpuint (rows->len, ==, 3);

  r = &g_array_index (rows, FurrowComparisonRow, 0);
  g_assert_cmpuint (r->input_index, ==, 2);
  g_assert_cmpfloat_with_epsilon (r->maize_kg, 495.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->soy_kg, 120.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->ler, 1.50, 1e-12);
  g_assert_cmpint (r->revenue_fen, ==, 174000);
  g_assert_cmpint (r->subsidy_fen, ==, 15000);
  g_assert_cmpint (r->cost_fen, ==, 76500);
  g_assert_cmpint (r->net_fen_per_mu, ==, 112500);

  r = &g_array_index (rows, FurrowComparisonRow, 1);
  g_assert_cmpuint (r->input_index, ==, 0);
  g_assert_cmpint (r->net_fen_per_mu, ==, 72000);
  g_assert_cmpint (r->subsidy_fen, ==, 0);

  r = &g_array_index (rows, FurrowComparisonRow, 2);
  g_assert_cmpuint (r->input_index, ==, 1);
  g_assert_cmpint (r->net_fen_per_mu, ==, 54500);
}
FURROW_TEST ("/furrow/core/comparison/ideal-per-mu", test_ideal_per_mu);

/* On a 500 m × 500 m field (375 mu): costs are per mu of field, 375 × 765.00 = 286,875.00
 * yuan for 2+4, and the field totals add up: net = revenue + subsidy − cost, to the fen. */
static void
test_field (void)
{
  g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (119.4, 36.5, NULL);
  g_autoptr(FurrowGeometry) field = furrow_geometry_new ();
  FurrowPoint pts[4] = { { -250, -250 }, { 250, -250 }, { 250, 250 }, { -250, 250 } };
  FurrowGeometry *fields[1];
  FurrowPattern patterns[2];
  FurrowYieldModel model;
  FurrowEconomics econ;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  furrow_local_frame_inverse (frame, pts, pts, 4);
  furrow_geometry_add_ring (field, furrow_geometry_add_polygon (field), pts, 4);
  fields[0] = field;
  furrow_pattern_preset ("2+4", &patterns[0]);
  furrow_pattern_preset ("4+6", &patterns[1]);
  furrow_yield_model_preset ("survey", &model, NULL);
  furrow_economics_init_defaults (&econ);

  rows = furrow_comparison_compute (fields, 1, patterns, 2, &model, &econ, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const FurrowComparisonRow *r = &g_array_index (rows, FurrowComparisonRow, i);

      g_assert_cmpfloat_with_epsilon (r->area_mu, 375.0, 0.001);
      g_assert_cmpint (r->cost_fen, ==, 28687500);
      g_assert_cmpint (r->subsidy_fen, ==, 5625000);
      g_assert_cmpint (r->net_fen, ==, r->revenue_fen + r->subsidy_fen - r->cost_fen);
      g_assert_cmpfloat (r->ler, <, 0.85 + 0.45 + 0.05);
      if (i > 0)
        g_assert_cmpint (r->net_fen_per_mu, <=,
                         g_array_index (rows, FurrowComparisonRow, i - 1).net_fen_per_mu);
    }
}
FURROW_TEST ("/furrow/core/comparison/field", test_field);

/* A season's rates: its prices, per-crop cost items (shared items listed under maize, so no
 * common part) and subsidies. On the ideal strip of one mu:
 *   2+4 costs 600 + 165 = 765 yuan, sole maize 600, sole soybean 165;
 *   subsidy 80 yuan for every pattern, plus 150 for a strip;
 *   maize revenue = round (kg × 300). */
static void
test_season_rates (void)
{
  FurrowSeasonRates rates = {
    .price_fen_per_kg = { 300.0, 512.5 },
    .cost_fen_per_mu = { 60000, 16500 },
    .subsidy_fen_per_mu = 8000,
    .strip_subsidy_fen_per_mu = 15000,
  };
  FurrowPattern patterns[3];
  FurrowYieldModel model;
  FurrowEconomics econ;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  furrow_economics_init_from_rates (&econ, &rates);
  furrow_pattern_preset ("2+4", &patterns[0]);
  furrow_pattern_preset ("sole-maize", &patterns[1]);
  furrow_pattern_preset ("sole-soybean", &patterns[2]);
  g_assert_cmpint (furrow_economics_cost_per_mu (&econ, &patterns[0]), ==, 76500);
  g_assert_cmpint (furrow_economics_cost_per_mu (&econ, &patterns[1]), ==, 60000);
  g_assert_cmpint (furrow_economics_cost_per_mu (&econ, &patterns[2]), ==, 16500);

  furrow_yield_model_preset ("practical", &model, NULL);
  rows = furrow_comparison_compute (NULL, 0, patterns, 3, &model, &econ, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const FurrowComparisonRow *r = &g_array_index (rows, FurrowComparisonRow, i);
      gboolean strip = r->input_index == 0;

      g_assert_cmpint (r->maize_revenue_fen, ==, (gint64) round (r->maize_kg * 300.0));
      g_assert_cmpint (r->soy_revenue_fen, ==, (gint64) round (r->soy_kg * 512.5));
      g_assert_cmpint (r->revenue_fen, ==,
                       (gint64) round (r->maize_kg * 300.0 + r->soy_kg * 512.5));
      g_assert_cmpint (r->subsidy_fen, ==, strip ? 23000 : 8000);
    }
}
FURROW_TEST ("/furrow/core/comparison/season-rates", test_season_rates);

FURROW_TEST_MAIN (.locale = "");
