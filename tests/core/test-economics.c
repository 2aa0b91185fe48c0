/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"


#include "furrow-economics.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* A 10.00 mu strip field with the docs/domain.md §7 defaults. */
static void
strip_field (FurrowEconomicsField *f)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("test", 2024);

  *f = (FurrowEconomicsField) { .field_id = 1, .area_m2 = furrow_mu_to_m2 (10.0),
                                .grows = { TRUE, TRUE }, .strip = TRUE };
  furrow_season_get_rates (season, 1, &f->rates);
  /* 495 kg/mu maize (pLER 0.9 × 550), 120 kg/mu soybean (0.6 × 200): docs/domain.md §6 practical */
  f->predicted_yield_kg[FURROW_CROP_MAIZE] = 4950;
  f->predicted_yield_kg[FURROW_CROP_SOYBEAN] = 1200;
}

/* Worked by hand, 10.00 mu strip field:
 *   revenue maize   4,950 kg × 240 fen/kg = 1,188,000 fen
 *   revenue soybean 1,200 kg × 460 fen/kg =   552,000 fen          → 1,740,000 fen
 *   cost maize   (45+30+55+235+40+60+60+75 = 600 yuan/mu) × 10 mu =   600,000 fen
 *   cost soybean (25+60+30+50 = 165 yuan/mu) × 10 mu               =   165,000 fen → 765,000
 *   subsidy strip 150 yuan/mu × 10 mu                               =   150,000 fen
 *   net 1,740,000 + 150,000 − 765,000 = 1,125,000 fen (1,125 yuan/mu). */
static void
test_predict_field (void)
{
  FurrowEconomicsField f;
  FurrowEconomicsFigures out;

  strip_field (&f);
  furrow_economics_predict_field (&f, &out);
  g_assert_cmpint (out.revenue_fen[FURROW_CROP_MAIZE], ==, 1188000);
  g_assert_cmpint (out.revenue_fen[FURROW_CROP_SOYBEAN], ==, 552000);
  g_assert_cmpint (out.revenue_total_fen, ==, 1740000);
  g_assert_cmpint (out.cost_fen, ==, 765000);
  g_assert_cmpint (out.subsidy_fen, ==, 150000);
  g_assert_cmpint (out.net_fen, ==, 1125000);

  /* Sole maize on the same field: no soybean costs, no strip subsidy:
   * 5,500 kg × 240 = 1,320,000 − 600,000 = 720,000 fen. */
  f.grows[FURROW_CROP_SOYBEAN] = FALSE;
  f.strip = FALSE;
  f.predicted_yield_kg[FURROW_CROP_MAIZE] = 5500;
  f.predicted_yield_kg[FURROW_CROP_SOYBEAN] = 0;
  furrow_economics_predict_field (&f, &out);
  g_assert_cmpint (out.net_fen, ==, 720000);
}
FURROW_TEST ("/furrow/core/economics/predict-field", test_predict_field);

/* Actuals: the harvest's sale revenue, not yield × price; recorded costs replace the items. */
static void
test_actual_field (void)
{
  FurrowEconomicsField f;
  FurrowEconomicsFigures out;

  strip_field (&f);
  f.harvested = TRUE;
  f.actual_yield_kg[FURROW_CROP_MAIZE] = 5000;
  f.actual_revenue_fen[FURROW_CROP_MAIZE] = 1150000;   /* sold wet: 230 fen/kg */
  f.actual_yield_kg[FURROW_CROP_SOYBEAN] = 1000;
  f.actual_revenue_fen[FURROW_CROP_SOYBEAN] = 470000;
  furrow_economics_actual_field (&f, &out);
  /* 1,150,000 + 470,000 + 150,000 − 765,000 = 1,005,000 */
  g_assert_cmpint (out.cost_fen, ==, 765000);
  g_assert_cmpint (out.net_fen, ==, 1005000);
  f.has_actual_cost = TRUE;
  f.actual_cost_fen = 800000;
  furrow_economics_actual_field (&f, &out);
  /* 1,620,000 + 150,000 − 800,000 = 970,000 */
  g_assert_cmpint (out.net_fen, ==, 970000);
}
FURROW_TEST ("/furrow/core/economics/actual-field", test_actual_field);

/* Two fields (the strip field above and a sole-maize field of 5.00 mu with 2,600 kg predicted),
 * 20,000 fen of insurance, 12,345 fen of season-wide actual costs.
 *   predicted: 1,125,000 + (2,600 × 240 = 624,000 − 300,000 = 324,000) + 20,000 = 1,469,000
 *   actual (no harvest recorded): revenue 0; costs 765,000 + 300,000 + 12,345 = 1,077,345;
 *     subsidy 150,000; net 0 + 150,000 + 20,000 − 1,077,345 = −907,345 */
static void
test_season (void)
{
  FurrowEconomicsField f[2];
  FurrowEconomicsComparison per_field[2];
  FurrowEconomicsComparison total;

  strip_field (&f[0]);
  strip_field (&f[1]);
  f[1].field_id = 2;
  f[1].area_m2 = furrow_mu_to_m2 (5.0);
  f[1].grows[FURROW_CROP_SOYBEAN] = FALSE;
  f[1].strip = FALSE;
  f[1].predicted_yield_kg[FURROW_CROP_MAIZE] = 2600;
  f[1].predicted_yield_kg[FURROW_CROP_SOYBEAN] = 0;
  furrow_economics_season (f, 2, 20000, 12345, per_field, &total);
  g_assert_cmpint (per_field[1].predicted.net_fen, ==, 324000);
  g_assert_cmpint (total.predicted.net_fen, ==, 1469000);
  g_assert_cmpint (total.predicted.other_income_fen, ==, 20000);
  g_assert_cmpint (total.actual.cost_fen, ==, 1077345);
  g_assert_cmpint (total.actual.net_fen, ==, -907345);
}
FURROW_TEST ("/furrow/core/economics/season", test_season);

static void
test_rounding (void)
{
  /* 4,446.67 m² × 0.15 = 667.0005 → 667 cmu (6.67 mu) */
  g_assert_cmpint (furrow_economics_area_cmu (4446.67), ==, 667);
  g_assert_cmpint (furrow_economics_area_cmu (-1), ==, 0);
  /* 12,345 fen/mu × 3.33 mu = 41,108.85 → 41,109; half away from zero both ways */
  g_assert_cmpint (furrow_economics_per_mu_fen (12345, 333), ==, 41109);
  g_assert_cmpint (furrow_economics_per_mu_fen (-12345, 333), ==, -41109);
  g_assert_cmpint (furrow_economics_per_mu_fen (50, 1), ==, 1);   /* 0.5 → 1 */
}
FURROW_TEST ("/furrow/core/economics/rounding", test_rounding);

/* 100 fen among three equal households: 34, 33, 33, the extra fen to the first; a loss alike. */
static void
test_share (void)
{
  double area_m2[] = { 1000, 1000, 1000, 0 };
  gint64 out[4];

  furrow_economics_share_by_area (100, area_m2, 4, out);
  g_assert_cmpint (out[0], ==, 34);
  g_assert_cmpint (out[1], ==, 33);
  g_assert_cmpint (out[2], ==, 33);
  g_assert_cmpint (out[3], ==, 0);
  furrow_economics_share_by_area (-100, area_m2, 4, out);
  g_assert_cmpint (out[0] + out[1] + out[2], ==, -100);
  g_assert_cmpint (out[0], ==, -34);
}
FURROW_TEST ("/furrow/core/economics/share", test_share);

/* Sole soybean with a season: the shared items (listed under maize) are charged too. By hand,
 * 10.00 mu, docs/domain.md §7 defaults, 2,000 kg predicted:
 *   soybean items     25 + 60 + 30 + 50          = 165 yuan/mu
 *   shared items      45 + 30 + 60 + 75          = 210 yuan/mu (tillage, sowing, irrigation
 *                                                   and other, management and labour)
 *   cost  (165 + 210) × 10 mu                     = 375,000 fen (the 375 yuan of
 *                                                   furrow-comparison.h's sole soybean)
 *   revenue 2,000 kg × 460 fen/kg                 = 920,000 fen; no strip subsidy
 *   net 920,000 − 375,000                         = 545,000 fen
 * A field override of a shared item counts: tillage 45 → 80 yuan/mu on this field adds
 * 35 × 10 mu = 35,000 fen. Sole maize and strip are unchanged (test_predict_field). */
static void
test_sole_soybean (void)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("test", 2024);
  FurrowEconomicsField f;
  FurrowEconomicsFigures out;

  strip_field (&f);
  f.grows[FURROW_CROP_MAIZE] = FALSE;
  f.strip = FALSE;
  f.predicted_yield_kg[FURROW_CROP_MAIZE] = 0;
  f.predicted_yield_kg[FURROW_CROP_SOYBEAN] = 2000;
  g_assert_cmpint (f.rates.shared_cost_fen_per_mu, ==, 21000);
  furrow_economics_predict_field (&f, &out);
  g_assert_cmpint (out.cost_fen, ==, 375000);
  g_assert_cmpint (out.subsidy_fen, ==, 0);
  g_assert_cmpint (out.net_fen, ==, 545000);

  /* the actual side charges the same items when no actual cost is recorded */
  f.harvested = TRUE;
  f.actual_yield_kg[FURROW_CROP_SOYBEAN] = 2000;
  f.actual_revenue_fen[FURROW_CROP_SOYBEAN] = 920000;
  furrow_economics_actual_field (&f, &out);
  g_assert_cmpint (out.cost_fen, ==, 375000);

  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "tillage", 1, 8000);
  furrow_season_get_rates (season, 1, &f.rates);
  g_assert_cmpint (f.rates.shared_cost_fen_per_mu, ==, 24500);
  furrow_economics_predict_field (&f, &out);
  g_assert_cmpint (out.cost_fen, ==, 410000);

  /* an item of the cooperative's own under maize is maize's, not shared */
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "drying", 0, 2000);
  furrow_season_get_rates (season, 1, &f.rates);
  g_assert_cmpint (f.rates.shared_cost_fen_per_mu, ==, 24500);
  g_assert_cmpint (f.rates.cost_fen_per_mu[FURROW_CROP_MAIZE], ==, 60000 + 3500 + 2000);
}
FURROW_TEST ("/furrow/core/economics/sole-soybean", test_sole_soybean);

FURROW_TEST_MAIN (.locale = "");
