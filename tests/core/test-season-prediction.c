/* SPDX-License-Identifier: GPL-3.0-or-later */
/* furrow_store_build_prediction_input(): the settlement engine's input from a season's predicted
 * figures (what the economics page previews for every household), next to the actuals' input of
 * furrow_store_build_settlement_input(). The expected numbers are worked by hand below. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "furrow-season.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

typedef struct
{
  FurrowTestStore project;
  FurrowStore    *store;    /* project.store */
  FurrowField    *field;
} Fixture;

/* Taozhuang's four households (docs/domain.md §8): 100.00 + 90.56 + 60.00 + 40.00 = 290.56 mu, all
 * full custody, on one field F1 without an outline. */
static const double areas_mu[] = { 100.00, 90.56, 60.00, 40.00 };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_store_set_up (&fixture->project, FURROW_TEST_STORE_EMPTY, NULL);
  fixture->store = fixture->project.store;
  fixture->field = furrow_test_store_add_cooperative (fixture->store, "F1", NULL, areas_mu,
                                                      G_N_ELEMENTS (areas_mu), 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->field);
  furrow_test_store_tear_down (&fixture->project);
}

/* Cost 286 yuan/mu of maize, no subsidy, 100,000 yuan of insurance, base 50 yuan/mu fixed,
 * split 10/0/30/60. */
static FurrowSeason *
add_season (FurrowStore *store)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("2026 秋", 2026);
  FurrowBaseRule base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 5000 };
  FurrowSurplusSplit split = { 10, 0, 30, 60 };
  g_autoptr(GError) error = NULL;

  furrow_season_clear_costs (season);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "all", 0, 28600);
  furrow_season_set_subsidy (season, "strip intercropping subsidy", -1, TRUE);
  furrow_season_set_other_income (season, "insurance", 10000000);
  furrow_season_set_base_rule (season, &base);
  furrow_season_set_split (season, &split, NULL);
  furrow_store_add_season (store, season, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&season);
}

/* The split check the economics page runs before writing: 10/0/30/60 passes; 10/0/30/59 adds
 * up to 99 %; 10/0/40/50 gives households 50/90 = 55.56 % < 60 % of the distributable surplus
 * and needs a reason; 0/0/40/60 is exactly 60 % and does not. */
static void
test_check_split (void)
{
  FurrowSurplusSplit ok = { 10, 0, 30, 60 };
  FurrowSurplusSplit short_sum = { 10, 0, 30, 59 };
  FurrowSurplusSplit low = { 10, 0, 40, 50 };
  FurrowSurplusSplit edge = { 0, 0, 40, 60 };
  gboolean required = TRUE;
  GError *error = NULL;

  g_assert_true (furrow_distribution_check_split (&ok, NULL, &required, &error));
  g_assert_no_error (error);
  g_assert_false (required);
  g_assert_false (furrow_distribution_check_split (&short_sum, NULL, NULL, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_SPLIT);
  g_clear_error (&error);
  g_assert_false (furrow_distribution_check_split (&low, "", &required, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED);
  g_assert_true (required);
  g_clear_error (&error);
  g_assert_true (furrow_distribution_check_split (&low, "members' resolution", &required,
                                                  &error));
  g_assert_no_error (error);
  g_assert_true (required);
  g_assert_true (furrow_distribution_check_split (&edge, NULL, &required, &error));
  g_assert_no_error (error);
  g_assert_false (required);
}
FURROW_TEST ("/furrow/core/season-prediction/check-split", test_check_split);

/* No plan: no predicted yield, sole maize for the costs. By hand: cost 28,600 × 290.56 =
 * 8,310,016 fen; base 5,000 × 290.56 = 1,452,800; surplus 10,000,000 − 8,310,016 − 1,452,800 =
 * 237,184; households 60 % = 142,310.4 and reserve 10 % = 23,718.4 tie on .4, the odd fen goes
 * to the households: 142,311. */
static void
test_unplanned (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = add_season (fixture->store);
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  FurrowDistributionResult result;
  FurrowDistributionShare sum;
  g_autoptr(GError) error = NULL;

  in = furrow_store_build_prediction_input (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in->input.n_households, ==, 4);
  g_assert_cmpint (in->input.revenue_fen, ==, 0);
  g_assert_cmpint (in->input.cost_fen, ==, 8310016);
  g_assert_cmpint (in->input.other_income_fen, ==, 10000000);
  shares = g_new0 (FurrowDistributionShare, in->input.n_households);
  g_assert_true (furrow_distribution_compute (&in->input, &result, shares, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.base_total_fen, ==, 1452800);
  g_assert_cmpint (result.surplus_fen, ==, 237184);
  g_assert_cmpint (result.households_dividend_fen, ==, 142311);
  /* The 100.00-mu household: base 5,000 × 100 = 500,000 fen exactly. */
  g_assert_cmpstr (shares[0].code, ==, "370782102201010001");
  g_assert_cmpint (shares[0].base_fen, ==, 500000);

  /* The preview's totals row: 290.56 mu, 1,452,800 + 142,311 fen, no fees. */
  furrow_distribution_sum_shares (shares, in->input.n_households, &sum);
  g_assert_cmpint (sum.area_cmu, ==, 29056);
  g_assert_cmpint (sum.base_fen, ==, 1452800);
  g_assert_cmpint (sum.dividend_fen, ==, 142311);
  g_assert_cmpint (sum.fee_fen, ==, 0);
  g_assert_cmpint (sum.total_fen, ==, 1452800 + 142311);
}
FURROW_TEST_FIXTURE ("/furrow/core/season-prediction/unplanned", Fixture, fixture_set_up,
                     test_unplanned, fixture_tear_down);

/* A sole-maize plan: the predicted revenue is the planner's kg at the season's price (of the
 * object as given, edited or not), while the actuals have none until a harvest is recorded. */
static void
test_planned (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = add_season (fixture->store);
  g_autoptr(FurrowSeason) edited = NULL;
  g_autoptr(FurrowSeasonSettlementInput) predicted = NULL;
  g_autoptr(FurrowSeasonSettlementInput) repriced = NULL;
  g_autoptr(FurrowSeasonSettlementInput) actual = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;
  gint64 season_cost = 0;
  double kg;
  double price;

  g_assert_true (furrow_pattern_preset ("sole-maize", &pattern));
  furrow_store_set_plan (fixture->store, season, fixture->field, &pattern, "sole-maize",
                         "practical", &error);
  g_assert_no_error (error);
  fields = furrow_store_get_season_fields (fixture->store, season, &season_cost, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 1);
  kg = g_array_index (fields, FurrowEconomicsField, 0).predicted_yield_kg[FURROW_CROP_MAIZE];
  g_assert_cmpfloat (kg, >, 100000);   /* a practical maize yield on 290 mu */

  price = furrow_season_get_price (season, FURROW_CROP_MAIZE)->price_fen_per_kg;
  g_assert_cmpfloat (price, >, 0);
  predicted = furrow_store_build_prediction_input (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpint (predicted->input.revenue_fen, ==, (gint64) round (kg * price));
  g_assert_cmpint (predicted->input.cost_fen, ==, 8310016);

  /* An edit not yet written: 3.00 yuan/kg. */
  edited = furrow_store_find_season (fixture->store, "2026 秋");
  furrow_season_set_price (edited, FURROW_CROP_MAIZE, 300, 14);
  repriced = furrow_store_build_prediction_input (fixture->store, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (repriced->input.revenue_fen, ==, (gint64) round (kg * 300));

  /* The actuals: nothing harvested, then 150,000 kg sold for 360,000 yuan. */
  actual = furrow_store_build_settlement_input (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (actual->input.revenue_fen, ==, 0);
  g_clear_pointer (&actual, furrow_season_settlement_input_free);
  furrow_store_set_harvest (fixture->store, season, fixture->field, FURROW_CROP_MAIZE, 150000,
                            36000000, &error);
  g_assert_no_error (error);
  actual = furrow_store_build_settlement_input (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (actual->input.revenue_fen, ==, 36000000);
  g_clear_pointer (&predicted, furrow_season_settlement_input_free);
  predicted = furrow_store_build_prediction_input (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpint (predicted->input.revenue_fen, ==, (gint64) round (kg * price));
}
FURROW_TEST_FIXTURE ("/furrow/core/season-prediction/planned", Fixture, fixture_set_up,
                     test_planned, fixture_tear_down);

FURROW_TEST_MAIN ();
