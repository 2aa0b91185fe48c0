/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster's totals row of a settlement (furrow_distribution_result_paid_fen(),
 * furrow_distribution_result_roster_area_mu()): what the households are paid in all and their
 * area, worked by hand on a small settlement and checked against the sum of the engine's rows. */

#include "config.h"


#include "furrow-distribution.h"
#include "furrow-test.h"

/* Three households: A and B full custody (2.00 and 3.00 mu), C half custody (1.50 mu) billed
 * 30 yuan/mu. Base 500 yuan/mu fixed; revenue 6,000 yuan, cost 1,000 yuan (total); split
 * 10/0/30/60.
 *
 *   pool area   = 2.00 + 3.00 = 5.00 mu; roster area = 5.00 + 1.50 = 6.50 mu
 *   base total  = 50,000 fen × 5.00 = 250,000 fen (A 100,000, B 150,000)
 *   surplus     = 600,000 − 100,000 − 250,000 = 250,000 fen
 *   households  = 60 % = 150,000 fen (A 60,000, B 90,000)
 *   fees        = 3,000 fen × 1.50 = 4,500 fen (C)
 *   paid        = 250,000 + 150,000 − 4,500 = 395,500 fen
 *               = A 160,000 + B 240,000 + C (−4,500) */
static void
test_hand_worked (void)
{
  FurrowDistributionHousehold households[] = {
    { .code = "A", .name = "A", .area_mu = 2.0, .custody = FURROW_CUSTODY_FULL },
    { .code = "B", .name = "B", .area_mu = 3.0, .custody = FURROW_CUSTODY_FULL },
    { .code = "C", .name = "C", .area_mu = 1.5, .custody = FURROW_CUSTODY_HALF,
      .fee_fen_per_mu = 3000 },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 600000,
    .cost_is_total = TRUE,
    .cost_fen = 100000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 50000 },
    .split = { 10, 0, 30, 60 },
    .households = households,
    .n_households = G_N_ELEMENTS (households),
  };
  FurrowDistributionShare shares[G_N_ELEMENTS (households)];
  FurrowDistributionResult result;
  g_autoptr(GError) error = NULL;
  gint64 sum_total = 0;
  double sum_area = 0.0;

  g_assert_true (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_no_error (error);

  g_assert_cmpint (result.base_total_fen, ==, 250000);
  g_assert_cmpint (result.households_dividend_fen, ==, 150000);
  g_assert_cmpint (result.fees_fen, ==, 4500);
  g_assert_cmpint (furrow_distribution_result_paid_fen (&result), ==, 395500);
  g_assert_cmpfloat_with_epsilon (furrow_distribution_result_roster_area_mu (&result), 6.5, 1e-9);

  g_assert_cmpint (shares[0].total_fen, ==, 160000);
  g_assert_cmpint (shares[1].total_fen, ==, 240000);
  g_assert_cmpint (shares[2].total_fen, ==, -4500);
  for (gsize i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      sum_total += shares[i].total_fen;
      sum_area += shares[i].area_mu;
    }
  g_assert_cmpint (furrow_distribution_result_paid_fen (&result), ==, sum_total);
  g_assert_cmpfloat_with_epsilon (furrow_distribution_result_roster_area_mu (&result), sum_area,
                                  1e-9);
}
FURROW_TEST ("/furrow/core/distribution-totals/hand-worked", test_hand_worked);

/* A deficit season: the base is still paid, no dividend. Revenue 2,000 yuan, cost 1,000 yuan,
 * base 500 yuan/mu on 5.00 mu = 2,500 yuan: surplus −1,500 yuan; paid = the base, 250,000 fen. */
static void
test_deficit (void)
{
  FurrowDistributionHousehold households[] = {
    { .code = "A", .name = "A", .area_mu = 2.0, .custody = FURROW_CUSTODY_FULL },
    { .code = "B", .name = "B", .area_mu = 3.0, .custody = FURROW_CUSTODY_FULL },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 200000,
    .cost_is_total = TRUE,
    .cost_fen = 100000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 50000 },
    .split = { 10, 0, 30, 60 },
    .households = households,
    .n_households = G_N_ELEMENTS (households),
  };
  FurrowDistributionShare shares[G_N_ELEMENTS (households)];
  FurrowDistributionResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.deficit_fen, ==, 150000);
  g_assert_cmpint (result.households_dividend_fen, ==, 0);
  g_assert_cmpint (furrow_distribution_result_paid_fen (&result), ==, 250000);
  g_assert_cmpint (shares[0].total_fen + shares[1].total_fen, ==, 250000);
  g_assert_cmpfloat_with_epsilon (furrow_distribution_result_roster_area_mu (&result), 5.0, 1e-9);
}
FURROW_TEST ("/furrow/core/distribution-totals/deficit", test_deficit);

FURROW_TEST_MAIN (.locale = "C");
