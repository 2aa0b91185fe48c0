/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A whole season kept and put back (furrow_store_snapshot_season(), _restore_season()), and the
 * actual costs saved as one list (furrow_store_save_actual_costs()). */

#include "config.h"

#include <string.h>

#include "furrow-season.h"
#include "furrow-store-private.h"
#include "furrow-store-season-testing.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

typedef FurrowTestStore Fixture;

/* Three households of 10, 20 and 30 mu in full custody and one of 2 mu in half custody on field
 * F1 (furrow_test_store_add_cooperative()). */
static const double areas_mu[] = { 10, 20, 30 };
static const char *half_household = "370782102201010004";

/* A season "2026 秋" with a rule of every table, a plan, a harvest, two actual costs (one of the
 * season, one of F1) and a household that takes no half-custody operation. */
static FurrowSeason *
add_full_season (FurrowStore *store,
                 FurrowField *field)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("2026 秋", 2026);
  FurrowSurplusSplit split = { 10, 10, 30, 50 };
  FurrowPattern pattern;
  const char *none[] = { NULL };
  g_autoptr(GError) error = NULL;

  furrow_season_set_price (season, FURROW_CROP_MAIZE, 250, 14);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "fertilizer", furrow_field_get_id (field),
                          20000);
  furrow_season_set_subsidy (season, "strip intercropping subsidy", 15000, TRUE);
  furrow_season_set_other_income (season, "straw", 120000);
  furrow_season_set_fee (season, "plough", 3000);
  furrow_season_set_split (season, &split, "村民大会决定");
  furrow_season_set_notes (season, "备注");
  g_assert_true (furrow_store_add_season (store, season, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  g_assert_true (furrow_store_set_plan (store, season, field, &pattern, "2+4", "practical",
                                        &error));
  g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, 5400,
                                           1350000, &error));
  g_assert_true (furrow_store_set_actual_cost (store, season, NULL, "diesel", 50000, &error));
  g_assert_true (furrow_store_set_actual_cost (store, season, field, "labour", 120000, &error));
  g_assert_true (furrow_store_set_household_operations (store, season, half_household, none,
                                                        &error));
  g_assert_no_error (error);
  return g_steal_pointer (&season);
}

static void
count_changes_cb (FurrowStore        *store,
                  FurrowSeason       *season,
                  FurrowSeasonChange  what,
                  gpointer            user_data)
{
  FurrowSeasonChange *seen = user_data;

  /* One emission per transaction: a second one would show as a repeated flag. */
  g_assert_true ((*seen & what) == 0);
  *seen |= what;
}

static void
assert_same_plans (GArray *a,
                   GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const FurrowSeasonPlan *p = &g_array_index (a, FurrowSeasonPlan, i);
      const FurrowSeasonPlan *q = &g_array_index (b, FurrowSeasonPlan, i);

      g_assert_cmpint (p->field_id, ==, q->field_id);
      g_assert_cmpuint (p->pattern.maize_rows, ==, q->pattern.maize_rows);
      g_assert_cmpuint (p->pattern.soy_rows, ==, q->pattern.soy_rows);
      g_assert_cmpfloat (p->pattern.gap_m, ==, q->pattern.gap_m);
      g_assert_cmpstr (p->preset, ==, q->preset);
      g_assert_cmpstr (p->yield_preset, ==, q->yield_preset);
    }
}

static void
assert_same_harvests (GArray *a,
                      GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (a, FurrowSeasonHarvest, i);
      const FurrowSeasonHarvest *k = &g_array_index (b, FurrowSeasonHarvest, i);

      g_assert_cmpint (h->field_id, ==, k->field_id);
      g_assert_cmpint (h->crop, ==, k->crop);
      g_assert_cmpfloat (h->yield_kg, ==, k->yield_kg);
      g_assert_cmpint (h->revenue_fen, ==, k->revenue_fen);
    }
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowStore *store = fixture->store;
  g_autoptr(FurrowField) field = furrow_test_store_add_cooperative (store, "F1", NULL, areas_mu,
                                                                   G_N_ELEMENTS (areas_mu), 1);
  g_autoptr(FurrowSeason) season = add_full_season (store, field);
  g_autoptr(FurrowSeason) stored = furrow_store_find_season (store, "2026 秋");
  g_autoptr(FurrowSeasonSnapshot) snapshot = NULL;
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);
  g_autoptr(GArray) plans = furrow_store_get_plans (store, season, NULL);
  g_autoptr(GArray) harvests = furrow_store_get_harvests (store, season, NULL);
  g_autoptr(GArray) costs = furrow_store_get_actual_costs (store, season, NULL);
  g_autofree char *rules = furrow_season_describe_rules (stored);
  g_auto(GStrv) audit_before = NULL;
  g_auto(GStrv) audit_after = NULL;
  g_auto(GStrv) ops = NULL;
  FurrowSeasonChange seen = 0;
  FurrowSeason *back;
  gboolean all = TRUE;
  gint64 id;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpuint (harvests->len, ==, 1);
  g_assert_cmpuint (costs->len, ==, 2);

  snapshot = furrow_store_snapshot_season (store, season, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  audit_before = _furrow_store_get_audit (store, "season:2026 秋");
  g_assert_true (furrow_store_delete_season (store, season, &error));
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 0);

  g_signal_connect (store, "season-changed", G_CALLBACK (count_changes_cb), &seen);
  id = furrow_store_restore_season (store, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (seen, ==, FURROW_SEASON_CHANGE_ADDED | FURROW_SEASON_CHANGE_PLANS |
                             FURROW_SEASON_CHANGE_HARVESTS | FURROW_SEASON_CHANGE_STATE |
                             FURROW_SEASON_CHANGE_OPERATIONS);
  g_signal_handlers_disconnect_by_func (store, count_changes_cb, &seen);

  /* The same season: name, year, notes, every rule, state, plans, harvests, costs, operations. */
  back = furrow_store_get_season_by_id (store, id);
  g_assert_nonnull (back);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 1);
  g_assert_cmpstr (furrow_season_get_name (back), ==, "2026 秋");
  g_assert_cmpuint (furrow_season_get_crop_year (back), ==, 2026);
  g_assert_cmpstr (furrow_season_get_notes (back), ==, "备注");
  g_assert_cmpint (furrow_season_get_state (back), ==, FURROW_SEASON_HARVESTED);
  {
    g_autofree char *rules_back = furrow_season_describe_rules (back);

    g_assert_cmpstr (rules_back, ==, rules);
  }
  {
    g_autoptr(GArray) plans_back = furrow_store_get_plans (store, back, &error);
    g_autoptr(GArray) harvests_back = furrow_store_get_harvests (store, back, &error);
    g_autoptr(GArray) costs_back = furrow_store_get_actual_costs (store, back, &error);

    g_assert_no_error (error);
    assert_same_plans (plans_back, plans);
    assert_same_harvests (harvests_back, harvests);
    g_assert_true (furrow_actual_costs_equal (costs_back, costs));
  }
  ops = furrow_store_get_household_operations (store, back, half_household, &all, &error);
  g_assert_no_error (error);
  g_assert_false (all);
  g_assert_cmpuint (g_strv_length (ops), ==, 0);

  /* Written as the single calls write it: added, planned, harvested, costs, operations. */
  audit_after = _furrow_store_get_audit (store, "season:2026 秋");
  g_assert_cmpuint (g_strv_length (audit_after), ==, 2 * g_strv_length (audit_before) + 1);
  g_assert_true (g_str_has_prefix (audit_after[g_strv_length (audit_before)], "season.delete|"));
}
FURROW_TEST_FIXTURE ("/furrow/core/season-snapshot/restore", Fixture,
                     furrow_test_store_set_up_empty, test_restore,
                     furrow_test_store_fixture_tear_down);

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowStore *store = fixture->store;
  g_autoptr(FurrowField) field = furrow_test_store_add_cooperative (store, "F1", NULL, areas_mu,
                                                                   G_N_ELEMENTS (areas_mu), 1);
  g_autoptr(FurrowSeason) season = add_full_season (store, field);
  g_autoptr(FurrowSeason) other = furrow_season_new ("2026 秋", 2027);
  g_autoptr(FurrowSeasonSnapshot) snapshot = NULL;
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);
  g_auto(GStrv) audit_before = NULL;
  g_auto(GStrv) audit_after = NULL;
  FurrowSeasonChange seen = 0;
  g_autoptr(GError) error = NULL;

  snapshot = furrow_store_snapshot_season (store, season, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_store_delete_season (store, season, &error));
  /* Another season took the name in between: nothing of the snapshot is written. */
  g_assert_true (furrow_store_add_season (store, other, &error));
  audit_before = _furrow_store_get_audit (store, "season:2026 秋");
  g_signal_connect (store, "season-changed", G_CALLBACK (count_changes_cb), &seen);
  g_assert_cmpint (furrow_store_restore_season (store, snapshot, &error), ==, 0);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (seen, ==, 0);
  g_signal_handlers_disconnect_by_func (store, count_changes_cb, &seen);
  audit_after = _furrow_store_get_audit (store, "season:2026 秋");
  g_assert_cmpstrv (audit_after, audit_before);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 1);
  {
    g_autoptr(GArray) plans = furrow_store_get_plans (store, other, &error);
    g_autoptr(GArray) harvests = furrow_store_get_harvests (store, other, &error);
    g_autoptr(GArray) costs = furrow_store_get_actual_costs (store, other, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 0);
    g_assert_cmpuint (harvests->len, ==, 0);
    g_assert_cmpuint (costs->len, ==, 0);
    g_assert_cmpint (furrow_season_get_state (other), ==, FURROW_SEASON_PLANNING);
  }

  /* Once the name is free again it comes back. */
  g_assert_true (furrow_store_delete_season (store, other, &error));
  g_assert_cmpint (furrow_store_restore_season (store, snapshot, &error), >, 0);
  g_assert_no_error (error);

  /* A season not in the file has no snapshot. */
  g_assert_null (furrow_store_snapshot_season (store, other, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
}
FURROW_TEST_FIXTURE ("/furrow/core/season-snapshot/refused", Fixture,
                     furrow_test_store_set_up_empty, test_refused,
                     furrow_test_store_fixture_tear_down);

static void
test_save_costs (Fixture       *fixture,
                 gconstpointer  data)
{
  FurrowStore *store = fixture->store;
  g_autoptr(FurrowField) field = furrow_test_store_add_cooperative (store, "F1", NULL, areas_mu,
                                                                   G_N_ELEMENTS (areas_mu), 1);
  g_autoptr(FurrowSeason) season = add_full_season (store, field);
  g_autoptr(GArray) target = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonActualCost));
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) now = NULL;
  FurrowSeasonActualCost cost = { 0 };
  FurrowSeasonChange seen = 0;
  g_auto(GStrv) audit_before = NULL;
  g_auto(GStrv) audit_after = NULL;
  g_autoptr(GError) error = NULL;

  /* diesel changes, labour of F1 goes, seed comes: one transaction, one season-changed. */
  g_strlcpy (cost.item, "diesel", sizeof cost.item);
  cost.fen = 65000;
  g_array_append_val (target, cost);
  g_strlcpy (cost.item, "seed", sizeof cost.item);
  cost.field_id = furrow_field_get_id (field);
  cost.fen = 30000;
  g_array_append_val (target, cost);
  audit_before = _furrow_store_get_audit (store, "season:2026 秋");
  g_signal_connect (store, "season-changed", G_CALLBACK (count_changes_cb), &seen);
  g_assert_true (furrow_store_save_actual_costs (store, season, NULL, target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen, ==, FURROW_SEASON_CHANGE_HARVESTS);
  now = furrow_store_get_actual_costs (store, season, &error);
  g_assert_true (furrow_actual_costs_equal (now, target));
  /* Each change audited as furrow_store_set_actual_cost() audits it. */
  audit_after = _furrow_store_get_audit (store, "season:2026 秋");
  g_assert_cmpuint (g_strv_length (audit_after), ==, g_strv_length (audit_before) + 3);

  /* A cost of a field not in the project: refused, nothing written. */
  before = g_steal_pointer (&now);
  cost.field_id = 999;
  g_array_index (target, FurrowSeasonActualCost, 0).fen = 1;
  g_array_append_val (target, cost);
  g_assert_false (furrow_store_save_actual_costs (store, season, NULL, target, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  now = furrow_store_get_actual_costs (store, season, &error);
  g_assert_true (furrow_actual_costs_equal (now, before));
  g_signal_handlers_disconnect_by_func (store, count_changes_cb, &seen);
}
FURROW_TEST_FIXTURE ("/furrow/core/season-snapshot/save-costs", Fixture,
                     furrow_test_store_set_up_empty, test_save_costs,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
