/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A season's plans field by field (furrow-season-plans.h) on the demo cooperative: every row of
 * the table checked against an independent computation — the layouts and predictions of
 * furrow_plan_batch() and the economics formulas of docs/domain.md §7 worked here from the season's
 * prices, cost items and subsidies — and the total against the sum of the rows; batches that
 * plan and restore in one transaction; a settled season refused. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "furrow-demo.h"
#include "furrow-plan-batch.h"
#include "furrow-season-plans.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* The demo made once for the whole run (valgrind runs this suite: creating it is the costly
 * part); each case opens a copy. */
static FurrowTestStore demo;

typedef struct
{
  FurrowTestStore project;
  FurrowStore    *store;    /* project.store */
  FurrowSeason   *season;
  GPtrArray      *fields;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fields = NULL;

  furrow_test_store_set_up (&fixture->project, FURROW_TEST_STORE_FOLDER, "demo.gpkg");
  furrow_test_store_open_copy (&fixture->project, demo.path);
  fixture->store = fixture->project.store;
  fixture->season = furrow_season_new ("2027", 2027);
  g_assert_true (furrow_store_add_season (fixture->store, fixture->season, &error));
  g_assert_no_error (error);
  fields = furrow_store_get_fields (fixture->store);
  fixture->fields = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    g_ptr_array_add (fixture->fields, g_list_model_get_item (fields, i));
  g_assert_cmpuint (fixture->fields->len, ==, FURROW_DEMO_N_FIELDS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->fields, g_ptr_array_unref);
  g_clear_object (&fixture->season);
  furrow_test_store_tear_down (&fixture->project);
}

/* round (x) half away from zero, as docs/domain.md §7 rounds money. */
static gint64
round_fen (double x)
{
  return (gint64) (x < 0 ? -floor (-x + 0.5) : floor (x + 0.5));
}

/* Σ full-custody registered area of the field's parcels, in whole hundredths of a mu. */
static gint64
custody_cmu (FurrowStore *store,
             gint64       field_id)
{
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  double area_m2 = 0;

  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (furrow_parcel_get_field_id (parcel) == field_id &&
          furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_FULL)
        area_m2 += furrow_parcel_get_registered_area_m2 (parcel);
    }
  return (gint64) floor (area_m2 * 15.0 / 10000.0 * 100.0 + 0.5);
}

/* Every row of `table` equals the independent computation for a season planned with `preset`
 * on every field, and the total is the sum of the rows. */
static void
check_table_all (Fixture           *fixture,
                 FurrowSeasonTable *table,
                 const char        *preset)
{
  g_autofree FurrowGeometry **geometries = g_new0 (FurrowGeometry *, fixture->fields->len);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;
  FurrowYieldModel model;
  double sum_planted = 0, sum_kg[FURROW_N_CROPS] = { 0, 0 };
  gint64 sum_revenue = 0, sum_cost = 0, sum_net = 0;
  gint64 maize_cost = furrow_season_cost_fen_per_mu (fixture->season, FURROW_CROP_MAIZE, 0);
  gint64 soy_cost = furrow_season_cost_fen_per_mu (fixture->season, FURROW_CROP_SOYBEAN, 0);

  g_assert_true (furrow_pattern_preset (preset, &pattern));
  g_assert_true (furrow_yield_model_preset ("practical", &model, NULL));
  for (guint i = 0; i < fixture->fields->len; i++)
    geometries[i] = furrow_field_get_geometry (g_ptr_array_index (fixture->fields, i));
  results = furrow_plan_batch ((FurrowGeometry * const *) geometries, fixture->fields->len,
                               &pattern, &model, FURROW_LAYOUT_QUANTITIES_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_rows, ==, fixture->fields->len);
  g_assert_cmpuint (table->n_planned, ==, fixture->fields->len);

  for (guint i = 0; i < table->n_rows; i++)
    {
      const FurrowSeasonTableRow *row = &table->rows[i];
      FurrowField *field = g_ptr_array_index (fixture->fields, i);
      FurrowPlanResult *result = g_ptr_array_index (results, i);
      double planted = result->layout->crop[FURROW_CROP_MAIZE].band_area_m2 +
                       result->layout->crop[FURROW_CROP_SOYBEAN].band_area_m2;
      gint64 cmu = custody_cmu (fixture->store, furrow_field_get_id (field));
      gint64 revenue = round_fen (result->prediction.yield_kg[FURROW_CROP_MAIZE] * 240) +
                       round_fen (result->prediction.yield_kg[FURROW_CROP_SOYBEAN] * 460);
      gint64 cost = round_fen (maize_cost * cmu / 100.0) + round_fen (soy_cost * cmu / 100.0);
      /* The strip intercropping subsidy: 150 yuan/mu on strip fields only. */
      gint64 subsidy = round_fen (15000.0 * cmu / 100.0);

      g_assert_cmpstr (row->code, ==, furrow_field_get_code (field));
      g_assert_true (row->planned);
      g_assert_cmpstr (row->preset, ==, preset);
      g_assert_cmpstr (row->yield_preset, ==, "practical");
      g_assert_cmpfloat_with_epsilon (row->measured_area_m2,
                                      furrow_field_get_measured_area_m2 (field), 1e-9);
      g_assert_cmpfloat_with_epsilon (row->planted_area_m2, planted, 1e-6);
      /* Headlands and the edge are not sown: planted < measured on every demo field. */
      g_assert_cmpfloat (row->planted_area_m2, >, 0);
      g_assert_cmpfloat (row->planted_area_m2, <, row->measured_area_m2);
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        g_assert_cmpfloat_with_epsilon (row->yield_kg[c], result->prediction.yield_kg[c], 1e-6);
      g_assert_cmpint (row->revenue_fen, ==, revenue);
      g_assert_cmpint (row->cost_fen, ==, cost);
      g_assert_cmpint (row->subsidy_fen, ==, subsidy);
      g_assert_cmpint (row->net_fen, ==, revenue + subsidy - cost);

      sum_planted += row->planted_area_m2;
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        sum_kg[c] += row->yield_kg[c];
      sum_revenue += row->revenue_fen;
      sum_cost += row->cost_fen;
      sum_net += row->net_fen;
    }
  g_assert_cmpfloat_with_epsilon (table->total.planted_area_m2, sum_planted, 1e-6);
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    g_assert_cmpfloat_with_epsilon (table->total.yield_kg[c], sum_kg[c], 1e-6);
  g_assert_cmpint (table->total.revenue_fen, ==, sum_revenue);
  g_assert_cmpint (table->total.cost_fen, ==, sum_cost);
  g_assert_cmpint (table->total.net_fen, ==, sum_net);
  g_assert_cmpint (table->season_net_fen, ==, sum_net + table->other_income_fen);
}

static void
test_plan_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FurrowSeasonTable) empty = NULL;
  g_autoptr(FurrowSeasonTable) table = NULL;
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;

  /* Nothing planned yet: every row unplanned, nothing sown, no yield. */
  empty = furrow_season_table_compute (fixture->store, fixture->season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->n_rows, ==, FURROW_DEMO_N_FIELDS);
  g_assert_cmpuint (empty->n_planned, ==, 0);
  g_assert_cmpfloat (empty->total.planted_area_m2, ==, 0);
  g_assert_cmpfloat (empty->total.yield_kg[FURROW_CROP_MAIZE], ==, 0);

  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  g_assert_true (furrow_season_plan_fields (fixture->store, fixture->season,
                                            (FurrowField * const *) fixture->fields->pdata,
                                            fixture->fields->len, NULL, &pattern, "2+4",
                                            "practical", &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (previous->len, ==, 0);

  table = furrow_season_table_compute (fixture->store, fixture->season, &error);
  g_assert_no_error (error);
  check_table_all (fixture, table, "2+4");

  /* Undone: no field has a plan again. */
  g_assert_true (furrow_season_restore_plans (fixture->store, fixture->season,
                                              (FurrowField * const *) fixture->fields->pdata,
                                              fixture->fields->len, previous, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) plans = furrow_store_get_plans (fixture->store, fixture->season, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 0);
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/season-plans/plan-all", Fixture, fixture_set_up, test_plan_all,
                     fixture_tear_down);

static void
test_plan_some (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  FurrowField *two[2];
  FurrowPattern p24, p46;

  g_assert_true (furrow_pattern_preset ("2+4", &p24));
  g_assert_true (furrow_pattern_preset ("4+6", &p46));
  g_assert_true (furrow_season_plan_fields (fixture->store, fixture->season,
                                            (FurrowField * const *) fixture->fields->pdata,
                                            fixture->fields->len, NULL, &p24, "2+4", NULL, NULL,
                                            &error));
  g_assert_no_error (error);
  two[0] = g_ptr_array_index (fixture->fields, 3);
  two[1] = g_ptr_array_index (fixture->fields, 17);
  g_assert_true (furrow_season_plan_fields (fixture->store, fixture->season, two, 2, NULL, &p46,
                                            "4+6", "practical", &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (previous->len, ==, 2);
  g_assert_cmpstr (g_array_index (previous, FurrowSeasonPlan, 0).preset, ==, "2+4");

  plans = furrow_store_get_plans (fixture->store, fixture->season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, FURROW_DEMO_N_FIELDS);
  for (guint i = 0; i < plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);
      gboolean changed = plan->field_id == furrow_field_get_id (two[0]) ||
                          plan->field_id == furrow_field_get_id (two[1]);

      g_assert_cmpstr (plan->preset, ==, changed ? "4+6" : "2+4");
      g_assert_cmpuint (plan->pattern.maize_rows, ==, changed ? 4 : 2);
      g_assert_cmpuint (plan->pattern.soy_rows, ==, changed ? 6 : 4);
    }

  /* Restored: the two fields have 2+4 again. */
  g_assert_true (furrow_season_restore_plans (fixture->store, fixture->season, two, 2, previous,
                                              NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plans, g_array_unref);
  plans = furrow_store_get_plans (fixture->store, fixture->season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, FURROW_DEMO_N_FIELDS);
  for (guint i = 0; i < plans->len; i++)
    {
      g_assert_cmpstr (g_array_index (plans, FurrowSeasonPlan, i).preset, ==, "2+4");
      g_assert_cmpuint (g_array_index (plans, FurrowSeasonPlan, i).pattern.soy_rows, ==, 4);
    }
}
FURROW_TEST_FIXTURE ("/furrow/core/season-plans/plan-some", Fixture, fixture_set_up, test_plan_some,
                     fixture_tear_down);

static void
test_settled_refuses (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPattern p24, p46;

  g_assert_true (furrow_pattern_preset ("2+4", &p24));
  g_assert_true (furrow_pattern_preset ("4+6", &p46));
  g_assert_true (furrow_season_plan_fields (fixture->store, fixture->season,
                                            (FurrowField * const *) fixture->fields->pdata,
                                            fixture->fields->len, NULL, &p24, "2+4", NULL, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_set_harvest (fixture->store, fixture->season,
                                           g_ptr_array_index (fixture->fields, 0),
                                           FURROW_CROP_MAIZE, 100000, 24000000, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_settle_season (fixture->store, fixture->season, NULL, &error));
  g_assert_no_error (error);

  before = furrow_store_get_plans (fixture->store, fixture->season, &error);
  g_assert_false (furrow_season_plan_fields (fixture->store, fixture->season,
                                             (FurrowField * const *) fixture->fields->pdata,
                                             fixture->fields->len, NULL, &p46, "4+6", NULL,
                                             &previous, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  g_assert_null (previous);
  g_clear_error (&error);
  after = furrow_store_get_plans (fixture->store, fixture->season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (g_array_index (after, FurrowSeasonPlan, i).preset, ==, "2+4");
}
FURROW_TEST_FIXTURE ("/furrow/core/season-plans/settled-refuses", Fixture, fixture_set_up,
                     test_settled_refuses, fixture_tear_down);

/* furrow_store_set_plans(): one field of the list not in the project (never stored) and no plan
 * is written, none of the other fields' either; all stored, one season-changed for the lot. */
static void
count_changes_cb (FurrowStore        *store,
                  FurrowSeason       *season,
                  FurrowSeasonChange  what,
                  guint              *n)
{
  g_assert_cmpint (what, ==, FURROW_SEASON_CHANGE_PLANS);
  (*n)++;
}
static void
test_set_plans (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowField) stranger = furrow_field_new ();
  g_autoptr(GPtrArray) some = g_ptr_array_new ();
  g_autoptr(GArray) plans = NULL;
  FurrowPattern pattern;
  guint n_changes = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_pattern_preset ("4+6", &pattern));
  g_ptr_array_add (some, fixture->fields->pdata[0]);
  g_ptr_array_add (some, fixture->fields->pdata[1]);
  g_ptr_array_add (some, stranger);
  g_assert_false (furrow_store_set_plans (fixture->store, fixture->season,
                                          (FurrowField * const *) some->pdata, some->len,
                                          &pattern, "4+6", NULL, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  plans = furrow_store_get_plans (fixture->store, fixture->season, &error);
  g_assert_cmpuint (plans->len, ==, 0);
  g_clear_pointer (&plans, g_array_unref);

  g_ptr_array_remove_index (some, 2);
  g_signal_connect (fixture->store, "season-changed", G_CALLBACK (count_changes_cb), &n_changes);
  g_assert_true (furrow_store_set_plans (fixture->store, fixture->season,
                                         (FurrowField * const *) some->pdata, some->len,
                                         &pattern, "4+6", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->store, count_changes_cb, &n_changes);
  plans = furrow_store_get_plans (fixture->store, fixture->season, &error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpuint (g_array_index (plans, FurrowSeasonPlan, 1).pattern.soy_rows, ==, 6);
}
FURROW_TEST_FIXTURE ("/furrow/core/season-plans/set-plans", Fixture, fixture_set_up, test_set_plans,
                     fixture_tear_down);

/* furrow_season_field_is_settled(): a field planned (field 0) or harvested (field 1) in a settled
 * season keeps its shape; the others (field 2) and every field of a season not settled, or
 * settled and reopened, do not. */
static void
test_field_is_settled (Fixture       *fixture,
                       gconstpointer  data)
{
  FurrowField *planned = g_ptr_array_index (fixture->fields, 0);
  FurrowField *harvested = g_ptr_array_index (fixture->fields, 1);
  FurrowField *other = g_ptr_array_index (fixture->fields, 2);
  g_autoptr(GError) error = NULL;
  FurrowPattern p24;

  /* The demo's own settled season harvested every field: without it, none is settled. */
  g_assert_true (furrow_season_field_is_settled (fixture->store, other));
  furrow_test_store_remove_demo_season (fixture->store);
  g_assert_false (furrow_season_field_is_settled (fixture->store, other));
  g_assert_true (furrow_pattern_preset ("2+4", &p24));
  g_assert_true (furrow_season_plan_fields (fixture->store, fixture->season, &planned, 1, NULL,
                                            &p24, "2+4", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_set_harvest (fixture->store, fixture->season, harvested,
                                           FURROW_CROP_MAIZE, 100000, 24000000, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < fixture->fields->len; i++)
    g_assert_false (furrow_season_field_is_settled (fixture->store,
                                                    g_ptr_array_index (fixture->fields, i)));

  g_assert_true (furrow_store_settle_season (fixture->store, fixture->season, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_season_field_is_settled (fixture->store, planned));
  g_assert_true (furrow_season_field_is_settled (fixture->store, harvested));
  g_assert_false (furrow_season_field_is_settled (fixture->store, other));

  g_assert_true (furrow_store_reopen_season (fixture->store, fixture->season,
                                             "harvest weighed again", &error));
  g_assert_no_error (error);
  g_assert_false (furrow_season_field_is_settled (fixture->store, planned));
  g_assert_false (furrow_season_field_is_settled (fixture->store, harvested));
}
FURROW_TEST_FIXTURE ("/furrow/core/season-plans/field-is-settled", Fixture, fixture_set_up,
                     test_field_is_settled, fixture_tear_down);

static void
make_demo (void)
{
  furrow_test_store_set_up (&demo, FURROW_TEST_STORE_DEMO, "demo.gpkg");
  g_clear_object (&demo.store);
}

static void
remove_demo (void)
{
  furrow_test_store_tear_down (&demo);
}

FURROW_TEST_MAIN (.set_up = make_demo, .tear_down = remove_demo);
