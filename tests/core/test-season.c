/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "furrow-demo.h"
#include "furrow-season.h"
#include "furrow-store-private.h"
#include "furrow-store-season-testing.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-test-store.h"
#include "furrow-units.h"

typedef FurrowTestStore Fixture;

/* One field F1 "Taozhuang" (no outline) and households with full-custody parcels of the given
 * areas in mu, plus `n_half` half-custody households of 2.00 mu each in the same field. */
static FurrowField *
add_cooperative (FurrowStore  *store,
                 const double *areas_mu,
                 guint         n_areas,
                 guint         n_half)
{
  return furrow_test_store_add_cooperative (store, "F1", "Taozhuang", areas_mu, n_areas, n_half);
}

/* Taozhuang 2016 (docs/domain.md §8): cost 286 yuan/mu, base 550 kg × 1.36 yuan/kg less the cost,
 * split 50/50 with the reason recorded, no subsidy. */
static FurrowSeason *
add_taozhuang_season (FurrowStore *store,
                      const char  *name)
{
  g_autoptr(FurrowSeason) season = furrow_season_new (name, 2016);
  FurrowBaseRule base = { .kind = FURROW_BASE_IN_KIND, .kg_per_mu = 550,
                          .price_fen_per_kg = 136, .less_cost_per_mu = TRUE };
  FurrowSurplusSplit split = { 0, 0, 50, 50 };
  g_autoptr(GError) error = NULL;

  furrow_season_clear_costs (season);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "all", 0, 28600);
  furrow_season_set_subsidy (season, "strip intercropping subsidy", -1, TRUE);
  furrow_season_set_base_rule (season, &base);
  furrow_season_set_split (season, &split, "村民大会决定合作社留存一半用于购置农机");
  furrow_store_add_season (store, season, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&season);
}

static void
plan_sole_maize (FurrowStore  *store,
                 FurrowSeason *season,
                 FurrowField  *field)
{
  FurrowPattern pattern;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_pattern_preset ("sole-maize", &pattern));
  furrow_store_set_plan (store, season, field, &pattern, "sole-maize", "practical", &error);
  g_assert_no_error (error);
}

static const double taozhuang_mu[] = { 100.00, 90.56, 60.00, 40.00 };  /* Σ 290.56 mu */

static void
test_defaults (void)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("2024 秋", 2024);
  FurrowSeasonRates rates;

  /* docs/domain.md §7 */
  g_assert_cmpfloat (furrow_season_get_price (season, FURROW_CROP_MAIZE)->price_fen_per_kg, ==, 240);
  g_assert_cmpfloat (furrow_season_get_price (season, FURROW_CROP_MAIZE)->moisture_pct, ==, 14);
  g_assert_cmpfloat (furrow_season_get_price (season, FURROW_CROP_SOYBEAN)->price_fen_per_kg, ==,
                     460);
  /* 45 + 30 + 55 + 235 + 40 + 60 + 60 + 75 = 600 yuan; soybean 25 + 60 + 30 + 50 = 165 yuan */
  g_assert_cmpint (furrow_season_cost_fen_per_mu (season, FURROW_CROP_MAIZE, 0), ==, 60000);
  g_assert_cmpint (furrow_season_cost_fen_per_mu (season, FURROW_CROP_SOYBEAN, 0), ==, 16500);
  /* A per-field override replaces the default item on that field only: fertilizer 235 → 200. */
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "fertilizer", 7, 20000);
  g_assert_cmpint (furrow_season_cost_fen_per_mu (season, FURROW_CROP_MAIZE, 7), ==, 56500);
  g_assert_cmpint (furrow_season_cost_fen_per_mu (season, FURROW_CROP_MAIZE, 8), ==, 60000);
  furrow_season_get_rates (season, 7, &rates);
  g_assert_cmpint (rates.strip_subsidy_fen_per_mu, ==, 15000);
  g_assert_cmpint (rates.subsidy_fen_per_mu, ==, 0);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_PLANNING);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowField) field = add_cooperative (fixture->store, taozhuang_mu, 4, 0);
  g_autoptr(FurrowSeason) season = add_taozhuang_season (fixture->store, "2016 秋");
  g_autoptr(FurrowSeason) found = NULL;
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (fixture->store);
  g_autoptr(FurrowSeason) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) reopened = NULL;
  g_auto(GStrv) audit = NULL;
  guint notified = 0;

  g_assert_cmpint (furrow_season_get_id (season), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 1);
  listed = g_list_model_get_item (seasons, 0);
  g_signal_connect (listed, "notify::state", G_CALLBACK (count_notify), &notified);

  /* Rules survive the round trip. */
  found = furrow_store_find_season (fixture->store, "2016 秋");
  g_assert_nonnull (found);
  {
    g_autofree char *a = furrow_season_describe_rules (season);
    g_autofree char *b = furrow_season_describe_rules (found);

    g_assert_cmpstr (a, ==, b);
  }
  g_assert_cmpint (furrow_season_get_base_rule (found)->kind, ==, FURROW_BASE_IN_KIND);
  g_assert_cmpstr (furrow_season_get_split_reason (found), ==,
                   "村民大会决定合作社留存一半用于购置农机");

  /* A price change is written and audited. */
  furrow_season_set_price (found, FURROW_CROP_MAIZE, 136, 14);
  furrow_store_update_season (fixture->store, found, &error);
  g_assert_no_error (error);
  audit = _furrow_store_get_audit (fixture->store, "season:2016 秋");
  g_assert_cmpuint (g_strv_length (audit), ==, 2);
  g_assert_true (g_str_has_prefix (audit[1], "season.rules|"));
  g_assert_nonnull (strstr (audit[1], "- price maize 240 fen/kg at 14 %"));
  g_assert_nonnull (strstr (audit[1], "+ price maize 136 fen/kg at 14 %"));

  /* planning → harvested with the first harvest → settled */
  plan_sole_maize (fixture->store, found, field);
  furrow_store_set_harvest (fixture->store, found, field, FURROW_CROP_MAIZE, 173840, 23641200,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_season_get_state (found), ==, FURROW_SEASON_HARVESTED);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (furrow_season_get_state (listed), ==, FURROW_SEASON_HARVESTED);
  furrow_store_settle_season (fixture->store, found, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_season_get_state (found), ==, FURROW_SEASON_SETTLED);
  g_assert_cmpint (furrow_season_get_state (listed), ==, FURROW_SEASON_SETTLED);
  g_assert_cmpuint (notified, ==, 2);

  /* The state is in the file. */
  g_clear_object (&fixture->store);
  reopened = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&found);
  found = furrow_store_find_season (reopened, "2016 秋");
  g_assert_cmpint (furrow_season_get_state (found), ==, FURROW_SEASON_SETTLED);
  g_assert_cmpfloat (furrow_season_get_price (found, FURROW_CROP_MAIZE)->price_fen_per_kg, ==, 136);
  fixture->store = g_steal_pointer (&reopened);
}

static void
assert_read_only (GError *error)
{
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowField) field = add_cooperative (fixture->store, taozhuang_mu, 4, 0);
  g_autoptr(FurrowSeason) season = add_taozhuang_season (fixture->store, "2016 秋");
  g_autoptr(FurrowSeasonSettlement) before = NULL;
  g_autoptr(FurrowSeasonSettlement) after = NULL;
  g_autoptr(FurrowSeason) stored = NULL;
  g_autofree char *rules_before = NULL;
  g_autofree char *rules_after = NULL;
  g_auto(GStrv) audit_before = NULL;
  g_auto(GStrv) audit_after = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GArray) harvests = NULL;
  FurrowPattern pattern;
  FurrowSurplusSplit split = { 10, 0, 30, 60 };
  GError *error = NULL;

  plan_sole_maize (fixture->store, season, field);
  furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 173840, 23641200,
                            &error);
  g_assert_no_error (error);
  furrow_store_settle_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);

  before = furrow_store_get_settlement (fixture->store, season, &error);
  g_assert_no_error (error);
  rules_before = furrow_season_describe_rules (season);
  audit_before = _furrow_store_get_audit (fixture->store, "season:2016 秋");

  /* Every mutating call is refused. */
  furrow_season_set_price (season, FURROW_CROP_MAIZE, 300, 14);
  furrow_store_update_season (fixture->store, season, &error);
  assert_read_only (error);
  g_clear_error (&error);
  furrow_season_set_split (season, &split, NULL);
  furrow_store_update_season (fixture->store, season, &error);
  assert_read_only (error);
  g_clear_error (&error);
  furrow_store_delete_season (fixture->store, season, &error);
  assert_read_only (error);
  g_clear_error (&error);
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  furrow_store_set_plan (fixture->store, season, field, &pattern, "2+4", NULL, &error);
  assert_read_only (error);
  g_clear_error (&error);
  furrow_store_delete_plan (fixture->store, season, field, &error);
  assert_read_only (error);
  g_clear_error (&error);
  furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 1, 1, &error);
  assert_read_only (error);
  g_clear_error (&error);
  furrow_store_set_actual_cost (fixture->store, season, field, "diesel", 100, &error);
  assert_read_only (error);
  g_clear_error (&error);
  furrow_store_settle_season (fixture->store, season, "again", &error);
  assert_read_only (error);
  g_clear_error (&error);

  /* … and the file is unchanged: the stored rules are the season's as settled. */
  stored = furrow_store_find_season (fixture->store, "2016 秋");
  rules_after = furrow_season_describe_rules (stored);
  {
    g_autoptr(FurrowSeason) fresh = add_taozhuang_season (fixture->store, "copy");
    g_autofree char *expected = furrow_season_describe_rules (fresh);

    g_assert_cmpstr (rules_after, ==, expected);
  }
  audit_after = _furrow_store_get_audit (fixture->store, "season:2016 秋");
  g_assert_cmpuint (g_strv_length (audit_after), ==, g_strv_length (audit_before));
  after = furrow_store_get_settlement (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->n_rows, ==, before->n_rows);
  g_assert_cmpint (after->totals.households_dividend_fen, ==,
                   before->totals.households_dividend_fen);
  plans = furrow_store_get_plans (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpuint (g_array_index (plans, FurrowSeasonPlan, 0).pattern.soy_rows, ==, 0);
  harvests = furrow_store_get_harvests (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (harvests->len, ==, 1);
  g_assert_cmpint (g_array_index (harvests, FurrowSeasonHarvest, 0).revenue_fen, ==, 23641200);
  g_assert_cmpint (furrow_season_get_state (stored), ==, FURROW_SEASON_SETTLED);

  /* Printing is recorded, and allowed on a settled season. */
  furrow_store_record_print (fixture->store, season, "statements", "4 households -> s.pdf",
                             &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) audit = _furrow_store_get_audit (fixture->store, "season:2016 秋");

    g_assert_cmpstr (audit[g_strv_length (audit) - 1], ==,
                     "season.print.statements|4 households -> s.pdf");
  }
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowField) field = add_cooperative (fixture->store, taozhuang_mu, 4, 0);
  g_autoptr(FurrowSeason) season = add_taozhuang_season (fixture->store, "2016 秋");
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;
  g_auto(GStrv) audit = NULL;
  GError *error = NULL;
  guint n;

  plan_sole_maize (fixture->store, season, field);
  furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 173840, 23641200,
                            &error);
  g_assert_no_error (error);
  furrow_store_settle_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);

  /* No reason, no reopening. */
  furrow_store_reopen_season (fixture->store, season, NULL, &error);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  furrow_store_reopen_season (fixture->store, season, "   ", &error);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_SETTLED);

  furrow_store_reopen_season (fixture->store, season, "收购站补付了水分扣款", &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_HARVESTED);
  audit = _furrow_store_get_audit (fixture->store, "season:2016 秋");
  n = g_strv_length (audit);
  g_assert_true (g_str_has_prefix (audit[n - 1], "season.reopen|reason: 收购站补付了水分扣款"));
  /* The history stays in the log: the frozen totals removed. */
  g_assert_nonnull (strstr (audit[n - 1], "4 households"));
  g_assert_nonnull (strstr (audit[n - 1], "dividends 953656 fen"));
  settlement = furrow_store_get_settlement (fixture->store, season, &error);
  g_assert_null (settlement);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Changeable again: a corrected harvest, settled again. */
  furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 173840, 23700000,
                            &error);
  g_assert_no_error (error);
  furrow_store_settle_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
}

/* docs/domain.md §8, Taozhuang 2016 maize, to the fen:
 *   area 290.56 mu; revenue 23,641,200 fen; cost 28,600 fen/mu × 290.56 = 8,310,016 fen;
 *   base 550 kg × 136 fen − 28,600 = 46,200 fen/mu, × 290.56 mu = 13,423,872 fen;
 *   surplus 23,641,200 − 8,310,016 − 13,423,872 = 1,907,312 fen (65.64 yuan/mu ≈ the 66);
 *   50/50: cooperative 953,656, households 953,656.
 *   Dividends by area: 953,656 × {100, 90.56, 60, 40} / 290.56 =
 *   328,213.11 / 297,229.79 / 196,927.86 / 131,285.24: floors sum to 953,654, the 2 fen left go
 *   to the largest remainders (.86, .79): 328,213 / 297,230 / 196,928 / 131,285.
 *   Bases 46,200 × area: 4,620,000 / 4,183,872 / 2,772,000 / 1,848,000. */
static void
test_taozhuang (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowField) field = add_cooperative (fixture->store, taozhuang_mu, 4, 0);
  g_autoptr(FurrowSeason) season = add_taozhuang_season (fixture->store, "2016 秋");
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  static const gint64 base[] = { 4620000, 4183872, 2772000, 1848000 };
  static const gint64 dividend[] = { 328213, 297230, 196928, 131285 };
  GError *error = NULL;

  plan_sole_maize (fixture->store, season, field);
  furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 173840, 23641200,
                            &error);
  g_assert_no_error (error);

  /* Households get 50 % < 60 %: without the season's reason the engine refuses, and nothing
   * is written. */
  {
    g_autoptr(FurrowSeason) no_reason = furrow_store_find_season (fixture->store, "2016 秋");
    FurrowSurplusSplit split = { 0, 0, 50, 50 };

    furrow_season_set_split (no_reason, &split, NULL);
    furrow_store_update_season (fixture->store, no_reason, &error);
    g_assert_no_error (error);
    furrow_store_settle_season (fixture->store, no_reason, NULL, &error);
    g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED);
    g_clear_error (&error);
    g_assert_null (furrow_store_get_settlement (fixture->store, no_reason, NULL));
    g_assert_cmpint (furrow_season_get_state (no_reason), ==, FURROW_SEASON_HARVESTED);
  }
  furrow_store_settle_season (fixture->store, season, "村民大会决定合作社留存一半用于购置农机",
                              &error);
  g_assert_no_error (error);

  s = furrow_store_get_settlement (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (s->totals.total_area_mu, 290.56, 1e-9);
  g_assert_cmpint (s->totals.revenue_fen, ==, 23641200);
  g_assert_cmpint (s->totals.cost_fen, ==, 8310016);
  g_assert_cmpint (s->totals.base_fen_per_mu, ==, 46200);
  g_assert_cmpint (s->totals.base_total_fen, ==, 13423872);
  g_assert_cmpint (s->totals.surplus_fen, ==, 1907312);
  g_assert_cmpint (s->totals.cooperative_fen, ==, 953656);
  g_assert_cmpint (s->totals.households_dividend_fen, ==, 953656);
  g_assert_cmpint (s->totals.deficit_fen, ==, 0);
  g_assert_cmpstr (s->reason, ==, "村民大会决定合作社留存一半用于购置农机");
  g_assert_cmpuint (s->n_rows, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (s->rows[i].base_fen, ==, base[i]);
      g_assert_cmpint (s->rows[i].dividend_fen, ==, dividend[i]);
      g_assert_cmpint (s->rows[i].total_fen, ==, base[i] + dividend[i]);
      g_assert_nonnull (s->rows[i].rule_text);
    }
}

/* A deficit season: revenue 10,000,000 fen. Income − cost − base = 10,000,000 − 8,310,016 −
 * 13,423,872 = −11,733,888 fen: the base is still paid in full, the shortfall is reported, no
 * dividend. */
static void
test_deficit (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowField) field = add_cooperative (fixture->store, taozhuang_mu, 4, 0);
  g_autoptr(FurrowSeason) season = add_taozhuang_season (fixture->store, "2016 秋");
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  GError *error = NULL;
  gint64 base = 0;

  plan_sole_maize (fixture->store, season, field);
  furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 80000, 10000000,
                            &error);
  g_assert_no_error (error);
  furrow_store_settle_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  s = furrow_store_get_settlement (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->totals.surplus_fen, ==, -11733888);
  g_assert_cmpint (s->totals.deficit_fen, ==, 11733888);
  g_assert_cmpint (s->totals.base_total_fen, ==, 13423872);
  g_assert_cmpint (s->totals.households_dividend_fen, ==, 0);
  for (guint i = 0; i < s->n_rows; i++)
    {
      g_assert_cmpint (s->rows[i].dividend_fen, ==, 0);
      base += s->rows[i].base_fen;
    }
  g_assert_cmpint (base, ==, 13423872);
}

/* The demo cooperative with the default rules, a 2+4 plan on every field, the predicted harvest
 * recorded as the actual one, half-custody households billed a 30 yuan/mu sowing fee: the rows
 * sum to the settlement's totals to the fen. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("2024 秋", 2024);
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GArray) economics = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  FurrowPattern pattern;
  gint64 season_cost = 0, base = 0, dividend = 0, fee = 0, total = 0;
  guint n_half = 0;
  GError *error = NULL;

  furrow_demo_populate (fixture->store, &error);
  g_assert_no_error (error);
  furrow_season_set_fee (season, "sowing", 3000);
  furrow_store_add_season (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  fields = furrow_store_get_fields (fixture->store);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      furrow_store_set_plan (fixture->store, season, field, &pattern, "2+4", NULL, &error);
      g_assert_no_error (error);
    }
  economics = furrow_store_get_season_fields (fixture->store, season, &season_cost, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (economics->len, ==, FURROW_DEMO_N_FIELDS);
  for (guint i = 0; i < economics->len; i++)
    {
      const FurrowEconomicsField *f = &g_array_index (economics, FurrowEconomicsField, i);
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      FurrowEconomicsFigures predicted;

      g_assert_true (f->strip);
      g_assert_cmpfloat (f->predicted_yield_kg[FURROW_CROP_MAIZE], >, 0);
      g_assert_cmpfloat (f->predicted_yield_kg[FURROW_CROP_SOYBEAN], >, 0);
      furrow_economics_predict_field (f, &predicted);
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        {
          furrow_store_set_harvest (fixture->store, season, field, c, predicted.yield_kg[c],
                                    predicted.revenue_fen[c], &error);
          g_assert_no_error (error);
        }
    }
  furrow_store_settle_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  s = furrow_store_get_settlement (fixture->store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->totals.deficit_fen, ==, 0);
  g_assert_cmpint (s->totals.households_dividend_fen, >, 0);
  for (guint i = 0; i < s->n_rows; i++)
    {
      base += s->rows[i].base_fen;
      dividend += s->rows[i].dividend_fen;
      fee += s->rows[i].fee_fen;
      total += s->rows[i].total_fen;
      if (s->rows[i].custody == FURROW_CUSTODY_HALF)
        {
          n_half++;
          g_assert_cmpint (s->rows[i].fee_fen_per_mu, ==, 3000);
          g_assert_cmpint (s->rows[i].total_fen, ==, -s->rows[i].fee_fen);
        }
    }
  g_assert_cmpuint (n_half, >, 0);
  g_assert_cmpint (base, ==, s->totals.base_total_fen);
  g_assert_cmpint (dividend, ==, s->totals.households_dividend_fen);
  g_assert_cmpint (fee, ==, s->totals.fees_fen);
  g_assert_cmpint (total, ==, s->totals.base_total_fen + s->totals.households_dividend_fen -
                              s->totals.fees_fen);
  /* Fixed base 500 yuan/mu on the pool's area. */
  g_assert_cmpint (s->totals.base_fen_per_mu, ==, 50000);
  g_assert_cmpint (s->totals.base_total_fen, ==, 50000 * s->totals.total_area_cmu / 100);
}

/* Half-custody fees per operation chosen, and a household with both kinds of land (issue 5).
 * Taozhuang's four full-custody households (as test_taozhuang) where household 4 also has a
 * 3.00 mu half-custody parcel, and two half-custody households of 2.00 mu. Fees per mu: sowing
 * 30, harvest 60, plant protection 25 yuan (115 yuan in all).
 *   household 4 takes all (the default): settled on its 40 mu of full custody as before —
 *     base 1,848,000 + dividend 131,285 fen — and billed 11,500 × 3.00 = 34,500 fen:
 *     total 1,979,285 − 34,500 = 1,944,785 fen;
 *   household 5 takes harvest only: 6,000 × 2.00 = 12,000 fen owed (total −12,000);
 *   household 6 takes none: no fee (total 0).
 * The pool (290.56 mu), its base and dividends do not change; fees 34,500 + 12,000 = 46,500 fen;
 * half-custody land 3 + 2 + 2 = 7.00 mu. */
static void
test_operations (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FurrowField) field = add_cooperative (fixture->store, taozhuang_mu, 4, 2);
  g_autoptr(FurrowSeason) season = add_taozhuang_season (fixture->store, "2016 秋");
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  static const gint64 totals[] = { 4948213, 4481102, 2968928, 1944785, -12000, 0 };
  static const gint64 fees[] = { 0, 0, 0, 34500, 12000, 0 };
  const char *harvest_only[] = { "harvest", NULL };
  const char *nothing[] = { NULL };
  const char *unknown[] = { "harvest", "weeding", NULL };
  g_auto(GStrv) taken = NULL;
  gboolean all = FALSE;
  GError *error = NULL;

  furrow_parcel_set_code (parcel, "3707821022010100099");
  furrow_parcel_set_household_code (parcel, "370782102201010004");
  furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
  furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (3.00));
  furrow_parcel_set_custody (parcel, FURROW_CUSTODY_HALF);
  furrow_store_add_parcel (fixture->store, parcel, &error);
  g_assert_no_error (error);
  furrow_season_set_fee (season, "sowing", 3000);
  furrow_season_set_fee (season, "harvest", 6000);
  furrow_season_set_fee (season, "plant protection", 2500);
  furrow_store_update_season (fixture->store, season, &error);
  g_assert_no_error (error);

  /* Everything by default; then the choices. */
  taken = furrow_store_get_household_operations (fixture->store, season, "370782102201010005",
                                                 &all, &error);
  g_assert_no_error (error);
  g_assert_true (all);
  g_assert_cmpuint (g_strv_length (taken), ==, 3);
  g_clear_pointer (&taken, g_strfreev);
  furrow_store_set_household_operations (fixture->store, season, "370782102201010005",
                                         harvest_only, &error);
  g_assert_no_error (error);
  furrow_store_set_household_operations (fixture->store, season, "370782102201010006", nothing,
                                         &error);
  g_assert_no_error (error);
  taken = furrow_store_get_household_operations (fixture->store, season, "370782102201010005",
                                                 &all, &error);
  g_assert_no_error (error);
  g_assert_false (all);
  g_assert_cmpuint (g_strv_length (taken), ==, 1);
  g_assert_cmpstr (taken[0], ==, "harvest");
  g_clear_pointer (&taken, g_strfreev);
  taken = furrow_store_get_household_operations (fixture->store, season, "370782102201010006",
                                                 &all, &error);
  g_assert_no_error (error);
  g_assert_false (all);
  g_assert_cmpuint (g_strv_length (taken), ==, 0);
  g_clear_pointer (&taken, g_strfreev);

  /* Refused, and nothing changes: an operation the season has no fee for, an unknown
   * household. */
  furrow_store_set_household_operations (fixture->store, season, "370782102201010005", unknown,
                                         &error);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "weeding"));
  g_clear_error (&error);
  furrow_store_set_household_operations (fixture->store, season, "370782102201019999", NULL,
                                         &error);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  taken = furrow_store_get_household_operations (fixture->store, season, "370782102201010005",
                                                 &all, &error);
  g_assert_cmpuint (g_strv_length (taken), ==, 1);
  g_clear_pointer (&taken, g_strfreev);

  plan_sole_maize (fixture->store, season, field);
  furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 173840, 23641200,
                            &error);
  g_assert_no_error (error);
  furrow_store_settle_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  s = furrow_store_get_settlement (fixture->store, season, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (s->n_rows, ==, 6);
  g_assert_cmpfloat_with_epsilon (s->totals.total_area_mu, 290.56, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->totals.half_custody_area_mu, 7.00, 1e-9);
  g_assert_cmpint (s->totals.base_total_fen, ==, 13423872);
  g_assert_cmpint (s->totals.households_dividend_fen, ==, 953656);
  g_assert_cmpint (s->totals.fees_fen, ==, 46500);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpint (s->rows[i].total_fen, ==, totals[i]);
      g_assert_cmpint (s->rows[i].fee_fen, ==, fees[i]);
    }
  g_assert_cmpint (s->rows[3].custody, ==, FURROW_CUSTODY_FULL);
  g_assert_cmpint (s->rows[3].base_fen, ==, 1848000);
  g_assert_cmpint (s->rows[3].dividend_fen, ==, 131285);
  g_assert_cmpint (s->rows[3].fee_fen_per_mu, ==, 11500);
  g_assert_cmpfloat_with_epsilon (s->rows[3].fee_area_m2, furrow_mu_to_m2 (3.00), 1e-6);
  g_assert_nonnull (strstr (s->rows[3].rule_text, "× 3.00 mu = ¥345.00"));
  g_assert_cmpint (s->rows[4].custody, ==, FURROW_CUSTODY_HALF);
  g_assert_cmpint (s->rows[4].fee_fen_per_mu, ==, 6000);
  g_assert_cmpint (s->rows[5].fee_fen_per_mu, ==, 0);

  /* A settled season's choices are read-only too. */
  furrow_store_set_household_operations (fixture->store, season, "370782102201010005", NULL,
                                         &error);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
}

static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (fixture->dir, "v2.gpkg", NULL);
  g_autoptr(FurrowStore) store = _furrow_store_create_at_version (old, 2, &error);
  g_autoptr(FurrowStore) migrated = NULL;
  g_autoptr(FurrowSeason) season = furrow_season_new ("2024 秋", 2024);

  g_assert_no_error (error);
  g_clear_object (&store);
  migrated = furrow_store_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_get_schema_version (migrated), ==, FURROW_STORE_SCHEMA_VERSION);
  furrow_store_add_season (migrated, season, &error);
  g_assert_no_error (error);
}

static void
count_changed (FurrowSeason *season,
               guint        *n)
{
  (*n)++;
}

/* Other income and fees: add, change, the same again (no change), remove, remove again. */
static void
test_named_amounts (void)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("test", 2024);
  const FurrowSeasonIncome *income;
  const FurrowSeasonFee *fees;
  guint n_changed = 0, n;

  g_signal_connect (season, "changed", G_CALLBACK (count_changed), &n_changed);
  furrow_season_set_other_income (season, "insurance", 120000);
  furrow_season_set_other_income (season, "straw", 30000);
  furrow_season_set_other_income (season, "insurance", 125000);
  furrow_season_set_other_income (season, "insurance", 125000);
  g_assert_cmpuint (n_changed, ==, 3);
  /* 1,250 + 300 yuan */
  g_assert_cmpint (furrow_season_other_income_fen (season), ==, 155000);
  income = furrow_season_get_other_income (season, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (income[0].name, ==, "insurance");
  g_assert_cmpint (income[0].fen, ==, 125000);
  furrow_season_set_other_income (season, "insurance", -1);
  furrow_season_set_other_income (season, "insurance", -1);
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_cmpint (furrow_season_other_income_fen (season), ==, 30000);

  furrow_season_set_fee (season, "sowing", 3000);
  furrow_season_set_fee (season, "harvest", 6000);
  furrow_season_set_fee (season, "harvest", 6000);
  g_assert_cmpuint (n_changed, ==, 6);
  /* 30 + 60 yuan/mu */
  g_assert_cmpint (furrow_season_fees_fen_per_mu (season), ==, 9000);
  fees = furrow_season_get_fees (season, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (fees[1].operation, ==, "harvest");
  g_assert_cmpint (fees[1].fen_per_mu, ==, 6000);
  furrow_season_set_fee (season, "sowing", -1);
  g_assert_cmpuint (n_changed, ==, 7);
  g_assert_cmpint (furrow_season_fees_fen_per_mu (season), ==, 6000);
  /* the income is untouched by the fees */
  g_assert_cmpint (furrow_season_other_income_fen (season), ==, 30000);
}

/* Costs and subsidies go through the same list helper as income and fees: a cost is keyed by
 * crop, item and field (an override is its own entry), a subsidy by name; the same value again
 * changes nothing, a negative amount removes the entry. */
static void
test_cost_and_subsidy_entries (void)
{
  g_autoptr(FurrowSeason) season = furrow_season_new_empty ();
  const FurrowSeasonSubsidy *subsidies;
  guint n_changed = 0, n;

  g_signal_connect (season, "changed", G_CALLBACK (count_changed), &n_changed);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "seed", 0, 5500);
  furrow_season_set_cost (season, FURROW_CROP_SOYBEAN, "seed", 0, 2500);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "seed", 7, 6000);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "seed", 7, 6000);
  g_assert_cmpuint (n_changed, ==, 3);
  furrow_season_get_costs (season, &n);
  g_assert_cmpuint (n, ==, 3);
  /* The override replaces the default seed item on field 7 only. */
  g_assert_cmpint (furrow_season_cost_fen_per_mu (season, FURROW_CROP_MAIZE, 0), ==, 5500);
  g_assert_cmpint (furrow_season_cost_fen_per_mu (season, FURROW_CROP_MAIZE, 7), ==, 6000);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "seed", 0, 5800);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "seed", 7, -1);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "seed", 7, -1);
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_cmpint (furrow_season_cost_fen_per_mu (season, FURROW_CROP_MAIZE, 7), ==, 5800);

  furrow_season_set_subsidy (season, "strip", 15000, TRUE);
  furrow_season_set_subsidy (season, "strip", 15000, TRUE);
  g_assert_cmpuint (n_changed, ==, 6);
  /* strip_only is part of the value: changing it alone is a change. */
  furrow_season_set_subsidy (season, "strip", 15000, FALSE);
  g_assert_cmpuint (n_changed, ==, 7);
  subsidies = furrow_season_get_subsidies (season, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (subsidies[0].strip_only);
  furrow_season_set_subsidy (season, "strip", -1, FALSE);
  furrow_season_get_subsidies (season, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (n_changed, ==, 8);
}

/* "New Season… → Copy of": the new season carries the earlier one's prices, costs, subsidies,
 * fees, base rule and split, but not its other income (a one-off insurance payout of that year)
 * nor its notes; the earlier season is left as it was. */
static void
test_new_from (void)
{
  g_autoptr(FurrowSeason) source = furrow_season_new ("2024 autumn", 2024);
  g_autoptr(FurrowSeason) copy = NULL;
  FurrowBaseRule base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 62000 };
  FurrowSurplusSplit split = { 10, 5, 35, 50 };
  const FurrowSeasonCost *costs;
  const FurrowSeasonSubsidy *subsidies;
  const FurrowSeasonFee *fees;
  guint n, n_source;

  furrow_season_set_notes (source, "hail in July");
  furrow_season_set_price (source, FURROW_CROP_MAIZE, 251, 14);
  furrow_season_set_cost (source, FURROW_CROP_MAIZE, "tillage", 0, 5200);
  furrow_season_set_cost (source, FURROW_CROP_MAIZE, "tillage", 7, 6100);
  furrow_season_set_subsidy (source, "grain producer subsidy", 9000, FALSE);
  furrow_season_set_fee (source, "harvest", 6000);
  furrow_season_set_base_rule (source, &base);
  furrow_season_set_split (source, &split, "members voted for a larger reserve");
  furrow_season_set_other_income (source, "insurance", 125000);
  furrow_season_set_other_income (source, "straw", 30000);

  copy = furrow_season_new_from ("2025 autumn", 2025, source);
  g_assert_cmpstr (furrow_season_get_name (copy), ==, "2025 autumn");
  g_assert_cmpuint (furrow_season_get_crop_year (copy), ==, 2025);
  g_assert_cmpint (furrow_season_get_id (copy), ==, 0);
  g_assert_cmpint (furrow_season_get_state (copy), ==, FURROW_SEASON_PLANNING);
  g_assert_true (furrow_season_get_notes (copy) == NULL || *furrow_season_get_notes (copy) == '\0');

  /* no other income: 0 fen, not the 1,250 + 300 yuan of 2024 */
  furrow_season_get_other_income (copy, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (furrow_season_other_income_fen (copy), ==, 0);

  /* the rules, as set above */
  g_assert_cmpfloat (furrow_season_get_price (copy, FURROW_CROP_MAIZE)->price_fen_per_kg, ==, 251);
  g_assert_cmpfloat (furrow_season_get_price (copy, FURROW_CROP_SOYBEAN)->price_fen_per_kg, ==,
                     460);
  costs = furrow_season_get_costs (copy, &n);
  furrow_season_get_costs (source, &n_source);
  g_assert_cmpuint (n, ==, n_source);
  g_assert_cmpint (furrow_season_cost_fen_per_mu (copy, FURROW_CROP_MAIZE, 0), ==,
                   furrow_season_cost_fen_per_mu (source, FURROW_CROP_MAIZE, 0));
  g_assert_cmpint (furrow_season_cost_fen_per_mu (copy, FURROW_CROP_MAIZE, 7), ==,
                   furrow_season_cost_fen_per_mu (source, FURROW_CROP_MAIZE, 7));
  /* the override of field 7 is 9 yuan/mu above the default tillage */
  g_assert_cmpint (furrow_season_cost_fen_per_mu (copy, FURROW_CROP_MAIZE, 7) -
                   furrow_season_cost_fen_per_mu (copy, FURROW_CROP_MAIZE, 0), ==, 900);
  g_assert_nonnull (costs);
  subsidies = furrow_season_get_subsidies (copy, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (subsidies[1].name, ==, "grain producer subsidy");
  g_assert_cmpint (subsidies[1].fen_per_mu, ==, 9000);
  fees = furrow_season_get_fees (copy, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (fees[0].operation, ==, "harvest");
  g_assert_cmpint (furrow_season_fees_fen_per_mu (copy), ==, 6000);
  g_assert_cmpint (furrow_season_get_base_rule (copy)->kind, ==, FURROW_BASE_FIXED);
  g_assert_cmpint (furrow_season_get_base_rule (copy)->fen_per_mu, ==, 62000);
  g_assert_cmpfloat (furrow_season_get_split (copy)->collective_pct, ==, 5);
  g_assert_cmpfloat (furrow_season_get_split (copy)->households_pct, ==, 50);
  g_assert_cmpstr (furrow_season_get_split_reason (copy), ==,
                   "members voted for a larger reserve");

  /* the earlier season keeps its income and notes */
  g_assert_cmpint (furrow_season_other_income_fen (source), ==, 155000);
  g_assert_cmpstr (furrow_season_get_notes (source), ==, "hail in July");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/furrow/core/season/defaults", test_defaults);
  g_test_add_func ("/furrow/core/season/named-amounts", test_named_amounts);
  g_test_add_func ("/furrow/core/season/cost-and-subsidy-entries", test_cost_and_subsidy_entries);
  g_test_add_func ("/furrow/core/season/new-from", test_new_from);
#define ADD(name, func) \
  g_test_add ("/furrow/core/season/" name, Fixture, NULL, furrow_test_store_set_up_empty, func, \
              furrow_test_store_fixture_tear_down)
  ADD ("lifecycle", test_lifecycle);
  ADD ("read-only", test_read_only);
  ADD ("reopen", test_reopen);
  ADD ("taozhuang", test_taozhuang);
  ADD ("deficit", test_deficit);
  ADD ("demo", test_demo);
  ADD ("operations", test_operations);
  ADD ("migration", test_migration);
  return g_test_run ();
}
