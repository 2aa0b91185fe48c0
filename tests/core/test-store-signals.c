/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's change signals (furrow-store.h): emitted once per committed change, after the
 * commit, with the live object of the model, never for a rolled-back change; a bulk change is
 * one "many changed"; a season's changes in one transaction arrive as one signal with every
 * kind of change that happened; the list models follow the commits. */

#include "config.h"

#include <glib/gstdio.h>

#include "furrow-store-season-testing.h"
#include "furrow-store-season.h"
#include "furrow-store.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

typedef struct
{
  FurrowTestStore project;
  FurrowStore    *store;    /* project.store */
  GPtrArray      *log;  /* "signal:CODE-OR-*:FLAGS", in order */
} Fixture;

static char *
flags_text (GType flags_type,
            guint value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    if (value & klass->values[i].value)
      g_string_append_printf (text, "%s%s", text->len ? "+" : "", klass->values[i].value_nick);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
record_changed_cb (FurrowStore        *store,
                   GObject            *object,
                   FurrowRecordChange  change,
                   Fixture            *fixture)
{
  g_autofree char *code = NULL;
  g_autofree char *flags = flags_text (FURROW_TYPE_RECORD_CHANGE, change);
  const char *signal = g_signal_name (g_signal_get_invocation_hint (store)->signal_id);

  /* Emitted after the commit, with the models in step. */
  g_assert_false (furrow_store_in_transaction (store));
  if (object != NULL)
    g_object_get (object, "code", &code, NULL);
  g_ptr_array_add (fixture->log, g_strdup_printf ("%s:%s:%s", signal, code ? code : "*", flags));
}

static void
season_changed_cb (FurrowStore        *store,
                   FurrowSeason       *season,
                   FurrowSeasonChange  what,
                   Fixture            *fixture)
{
  g_autofree char *flags = flags_text (FURROW_TYPE_SEASON_CHANGE, what);

  if (season != NULL && !(what & FURROW_SEASON_CHANGE_REMOVED))
    {
      g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);
      gboolean live = FALSE;

      /* The object of the seasons model, holding the committed state. */
      for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
        {
          g_autoptr(FurrowSeason) item = g_list_model_get_item (seasons, i);

          live |= item == season;
        }
      g_assert_true (live);
    }
  g_ptr_array_add (fixture->log, g_strdup_printf ("season-changed:%s:%s",
                                                  season ? furrow_season_get_name (season) : "*",
                                                  flags));
}

static void
settlement_changed_cb (FurrowStore  *store,
                       FurrowSeason *season,
                       Fixture      *fixture)
{
  g_ptr_array_add (fixture->log, g_strdup_printf ("settlement-changed:%s:%s",
                                                  furrow_season_get_name (season),
                                                  furrow_season_state_to_string (
                                                    furrow_season_get_state (season))));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) parcels = NULL;

  furrow_test_store_set_up (&fixture->project, FURROW_TEST_STORE_EMPTY, NULL);
  fixture->store = fixture->project.store;
  fixture->log = g_ptr_array_new_with_free_func (g_free);
  /* Loaded models, as the window has them. */
  fields = furrow_store_get_fields (fixture->store);
  households = furrow_store_get_households (fixture->store);
  parcels = furrow_store_get_parcels (fixture->store);
  g_signal_connect (fixture->store, "field-changed", G_CALLBACK (record_changed_cb), fixture);
  g_signal_connect (fixture->store, "household-changed", G_CALLBACK (record_changed_cb), fixture);
  g_signal_connect (fixture->store, "parcel-changed", G_CALLBACK (record_changed_cb), fixture);
  g_signal_connect (fixture->store, "season-changed", G_CALLBACK (season_changed_cb), fixture);
  g_signal_connect (fixture->store, "settlement-changed", G_CALLBACK (settlement_changed_cb),
                    fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_store_tear_down (&fixture->project);
  g_ptr_array_unref (fixture->log);
}

static void
assert_log (Fixture    *fixture,
            const char *expected)
{
  g_ptr_array_add (fixture->log, NULL);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) fixture->log->pdata);

    g_assert_cmpstr (joined, ==, expected);
  }
  g_ptr_array_set_size (fixture->log, 0);
}

static FurrowHousehold *
new_household (const char *code)
{
  FurrowHousehold *household = furrow_household_new ();

  furrow_household_set_code (household, code);
  furrow_household_set_name (household, "户主");
  return household;
}

static FurrowParcel *
new_parcel (const char *code,
            const char *household_code)
{
  FurrowParcel *parcel = furrow_parcel_new ();

  furrow_parcel_set_code (parcel, code);
  furrow_parcel_set_household_code (parcel, household_code);
  furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (2.0));
  return parcel;
}

static void
test_records (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(FurrowHousehold) household = new_household ("370782102201010001");
  g_autoptr(FurrowParcel) parcel = new_parcel ("3707821022010100001", "370782102201010001");
  g_autoptr(GError) error = NULL;

  furrow_field_set_code (field, "F1");
  g_assert_true (furrow_store_add_field (fixture->store, field, &error));
  g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  g_assert_true (furrow_store_add_parcel (fixture->store, parcel, &error));
  furrow_field_set_name (field, "桃庄");
  g_assert_true (furrow_store_update_field (fixture->store, field, &error));
  g_assert_true (furrow_store_delete_parcel (fixture->store, parcel, &error));
  g_assert_no_error (error);
  assert_log (fixture,
              "field-changed:F1:added\n"
              "household-changed:370782102201010001:added\n"
              "parcel-changed:3707821022010100001:added\n"
              "field-changed:F1:updated\n"
              "parcel-changed:3707821022010100001:removed");

  /* Refused changes announce nothing. */
  g_assert_false (furrow_store_add_household (fixture->store, household, &error));
  g_clear_error (&error);
  assert_log (fixture, "");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-signals/records", Fixture, fixture_set_up, test_records,
                     fixture_tear_down);

/* Inside a batch nothing is announced until the commit; a rollback announces nothing. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_begin (fixture->store, &error));
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("37078210220101%04u", i);
      g_autoptr(FurrowHousehold) household = new_household (code);

      g_assert_true (furrow_store_add_household (fixture->store, household, &error));
    }
  assert_log (fixture, "");
  g_assert_true (furrow_store_commit (fixture->store, &error));
  assert_log (fixture,
              "household-changed:370782102201010001:added\n"
              "household-changed:370782102201010002:added\n"
              "household-changed:370782102201010003:added");

  g_assert_true (furrow_store_begin (fixture->store, &error));
  {
    g_autoptr(FurrowHousehold) household = new_household ("370782102201010009");

    g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  }
  furrow_store_rollback (fixture->store);
  assert_log (fixture, "");
  g_assert_no_error (error);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-signals/batch", Fixture, fixture_set_up, test_batch,
                     fixture_tear_down);

/* An import of 200 parcels: one "many parcels changed", after its one commit. */
static void
test_bulk (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FurrowHousehold) household = new_household ("370782102201010001");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (fixture->store);

  g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  g_ptr_array_set_size (fixture->log, 0);
  g_assert_true (furrow_store_begin_import (fixture->store, "parcels.shp", &error));
  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *code = g_strdup_printf ("37078210220101%05u", i);
      g_autoptr(FurrowParcel) parcel = new_parcel (code, "370782102201010001");

      g_assert_true (furrow_store_add_parcel (fixture->store, parcel, &error));
    }
  g_assert_true (furrow_store_commit (fixture->store, &error));
  assert_log (fixture, "parcel-changed:*:added+updated+removed");
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 200);

  g_assert_true (furrow_store_reload (fixture->store, &error));
  assert_log (fixture,
              "field-changed:*:added+updated+removed\n"
              "household-changed:*:added+updated+removed\n"
              "parcel-changed:*:added+updated+removed\n"
              "season-changed:*:added+removed+rules+plans+harvests+operations+state");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-signals/bulk", Fixture, fixture_set_up, test_bulk,
                     fixture_tear_down);

static void
test_seasons (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("2024 秋", 2024);
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(FurrowHousehold) household = new_household ("370782102201010001");
  g_autoptr(FurrowParcel) parcel = new_parcel ("3707821022010100001", "370782102201010001");
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (fixture->store);
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;

  furrow_field_set_code (field, "F1");
  g_assert_true (furrow_store_add_field (fixture->store, field, &error));
  g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
  g_assert_true (furrow_store_add_parcel (fixture->store, parcel, &error));
  g_ptr_array_set_size (fixture->log, 0);

  g_assert_true (furrow_store_add_season (fixture->store, season, &error));
  g_assert_true (furrow_pattern_preset ("sole-maize", &pattern));
  g_assert_true (furrow_store_set_plan (fixture->store, season, field, &pattern, "sole-maize",
                                        "practical", &error));
  g_assert_true (furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE,
                                           1300, 176800, &error));
  g_assert_no_error (error);
  assert_log (fixture,
              "season-changed:2024 秋:added\n"
              "season-changed:2024 秋:plans\n"
              "season-changed:2024 秋:harvests+state");

  /* Two changes to one season in one batch: one signal with both. */
  g_assert_true (furrow_store_begin (fixture->store, &error));
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "all", 0, 28600);
  g_assert_true (furrow_store_update_season (fixture->store, season, &error));
  g_assert_true (furrow_store_delete_plan (fixture->store, season, field, &error));
  g_assert_true (furrow_store_commit (fixture->store, &error));
  assert_log (fixture, "season-changed:2024 秋:rules+plans");

  g_assert_true (furrow_store_settle_season (fixture->store, season, NULL, &error));
  g_assert_no_error (error);
  assert_log (fixture,
              "season-changed:2024 秋:state\n"
              "settlement-changed:2024 秋:settled");
  g_assert_true (furrow_store_reopen_season (fixture->store, season, "收成录错", &error));
  g_assert_no_error (error);
  assert_log (fixture,
              "season-changed:2024 秋:state\n"
              "settlement-changed:2024 秋:harvested");

  g_assert_true (furrow_store_delete_season (fixture->store, season, &error));
  assert_log (fixture, "season-changed:2024 秋:removed");
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 0);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-signals/seasons", Fixture, fixture_set_up, test_seasons,
                     fixture_tear_down);

/* A list model first read inside an open transaction shows the file as the transaction sees
 * it, its own additions included; the commit then adds nothing twice (each addition once, as
 * the object added, which is the model's live object), and a rollback takes the additions out
 * of it again. */
static void
test_model_read_in_transaction (FurrowTestStore *fixture,
                                gconstpointer    data)
{
  FurrowStore *store = fixture->store;
  g_autoptr(FurrowHousehold) first = new_household ("370782102201010001");
  g_autoptr(FurrowHousehold) second = new_household ("370782102201010002");
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(FurrowField) dropped = furrow_field_new ();
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(FurrowHousehold) item = NULL;
  g_autoptr(FurrowField) kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_begin (store, &error));
  g_assert_true (furrow_store_add_household (store, first, &error));
  g_assert_true (furrow_store_add_household (store, second, &error));
  households = furrow_store_get_households (store);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 2);
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 2);
  item = g_list_model_get_item (households, 0);
  g_assert_true (item == first);
  g_clear_object (&item);
  item = g_list_model_get_item (households, 1);
  g_assert_true (item == second);

  furrow_field_set_code (field, "F1");
  g_assert_true (furrow_store_add_field (store, field, &error));
  g_assert_true (furrow_store_begin (store, &error));
  furrow_field_set_code (dropped, "F2");
  g_assert_true (furrow_store_add_field (store, dropped, &error));
  fields = furrow_store_get_fields (store);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 2);
  furrow_store_rollback (store);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 1);
  kept = g_list_model_get_item (fields, 0);
  g_assert_cmpstr (furrow_field_get_code (kept), ==, "F1");
  g_assert_no_error (error);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-signals/model-read-in-transaction", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_model_read_in_transaction,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
