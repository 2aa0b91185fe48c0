/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The record edits (app/core/edit/furrow-edit-record.h) through FurrowHistory, as the household
 * page pushes them: do, undo and redo of an add, a delete and a property set of fields,
 * households and parcels, checked in the store's models and in the file; no merging; and a
 * refused edit that leaves the history, the models and the file as they were. */

#include "config.h"


#include "furrow-edit-record.h"
#include "furrow-history-testing.h"
#include "furrow-history.h"
#include "furrow-store-testing.h"
#include "furrow-store.h"
#include "furrow-test.h"

typedef struct
{
  FurrowStore   *store;
  FurrowHistory *history;
} Fixture;

/* 2,000 m² registered: the area the docs/architecture.md example ("How a change flows") starts
 * from. */
#define PARCEL_AREA_M2 2000.0

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "coop.gpkg", NULL);
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fixture->store = furrow_store_create (path, &error);
  g_assert_no_error (error);
  fixture->history = furrow_history_new ();

  furrow_household_set_code (household, "371426101201010001");
  furrow_household_set_name (household, "王建国");
  furrow_household_set_members (household, 4);
  furrow_store_add_household (fixture->store, household, &error);
  g_assert_no_error (error);

  furrow_parcel_set_code (parcel, "3714261012010100010001");
  furrow_parcel_set_household_code (parcel, "371426101201010001");
  furrow_parcel_set_registered_area_m2 (parcel, PARCEL_AREA_M2);
  furrow_store_add_parcel (fixture->store, parcel, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
}

static gpointer
model_item (FurrowStore *store,
            GListModel *(*get_model) (FurrowStore *),
            guint        position)
{
  g_autoptr(GListModel) model = get_model (store);

  return g_list_model_get_item (model, position);
}

static guint
model_n_items (FurrowStore *store,
               GListModel *(*get_model) (FurrowStore *))
{
  g_autoptr(GListModel) model = get_model (store);

  return g_list_model_get_n_items (model);
}

/* The object with this code as the file holds it: read through a second connection, whose models
 * are loaded from the file (transfer full), or NULL. */
static GObject *
stored_object (FurrowStore  *store,
               GListModel  *(*get_model) (FurrowStore *),
               const char   *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) file = furrow_store_open (furrow_store_get_path (store), &error);
  g_autoptr(GListModel) model = NULL;

  g_assert_no_error (error);
  model = get_model (file);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      g_autofree char *object_code = NULL;

      g_object_get (object, "code", &object_code, NULL);
      if (g_strcmp0 (object_code, code) == 0)
        return g_steal_pointer (&object);
    }
  return NULL;
}

static double
stored_parcel_area_m2 (FurrowStore *store)
{
  g_autoptr(GObject) parcel = stored_object (store, furrow_store_get_parcels,
                                             "3714261012010100010001");

  g_assert_nonnull (parcel);
  return furrow_parcel_get_registered_area_m2 (FURROW_PARCEL (parcel));
}

static gboolean
household_stored (FurrowStore *store,
                  const char  *code)
{
  g_autoptr(GObject) household = stored_object (store, furrow_store_get_households, code);

  return household != NULL;
}

static gboolean
set_double (FurrowHistory  *history,
            FurrowStore    *store,
            GObject        *object,
            const char     *property,
            double          value,
            const char     *label,
            GError        **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);
  return furrow_history_push (history,
                              furrow_edit_record_new_set (store, object, property, &gvalue, label),
                              error);
}

/* The flow of docs/architecture.md, "How a change flows": 4.25 mu = 4.25 × 2,000 / 3 m² =
 * 2,833.33 m² (docs/domain.md: 1 mu = 2,000/3 m²), undone and redone. */
static void
test_set_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FurrowParcel) parcel = model_item (fixture->store, furrow_store_get_parcels, 0);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const double area_m2 = 4.25 * 2000.0 / 3.0;

  g_assert_true (set_double (fixture->history, fixture->store, G_OBJECT (parcel),
                             "registered-area-m2", area_m2, "Change Registered Area", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_registered_area_m2 (parcel), 2833.3333, 1e-3);
  g_assert_cmpfloat_with_epsilon (stored_parcel_area_m2 (fixture->store), 2833.3333, 1e-3);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Change Registered Area");

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, PARCEL_AREA_M2);
  g_assert_cmpfloat (stored_parcel_area_m2 (fixture->store), ==, PARCEL_AREA_M2);
  g_assert_false (furrow_history_get_can_undo (fixture->history));
  g_assert_cmpstr (furrow_history_get_redo_label (fixture->history), ==, "Change Registered Area");

  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_registered_area_m2 (parcel), 2833.3333, 1e-3);
  g_assert_cmpfloat_with_epsilon (stored_parcel_area_m2 (fixture->store), 2833.3333, 1e-3);

  /* Each write is one audit row with the areas before and after, in m². */
  audit = furrow_store_get_audit_log (fixture->store, "parcel:3714261012010100010001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);  /* the add, the edit, its undo, its redo */
  g_assert_cmpstr (((FurrowAuditEntry *) audit->pdata[1])->detail, ==,
                   "registered_area_m2 2000.00 -> 2833.33");
  g_assert_cmpstr (((FurrowAuditEntry *) audit->pdata[2])->detail, ==,
                   "registered_area_m2 2833.33 -> 2000.00");
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-record/set-round-trip", Fixture, fixture_set_up,
                     test_set_round_trip, fixture_tear_down);

/* Record edits have no merge rule: two changes of the same value are undone one at a time. */
static void
test_no_merge (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FurrowParcel) parcel = model_item (fixture->store, furrow_store_get_parcels, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (set_double (fixture->history, fixture->store, G_OBJECT (parcel),
                             "registered-area-m2", 2100.0, "First", &error));
  g_assert_true (set_double (fixture->history, fixture->store, G_OBJECT (parcel),
                             "registered-area-m2", 2200.0, "Second", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Second");

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_cmpfloat (stored_parcel_area_m2 (fixture->store), ==, 2100.0);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "First");
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (stored_parcel_area_m2 (fixture->store), ==, PARCEL_AREA_M2);
  g_assert_false (furrow_history_get_can_undo (fixture->history));
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-record/no-merge", Fixture, fixture_set_up, test_no_merge,
                     fixture_tear_down);

/* A set the store refuses (a parcel of a household that does not exist) is not recorded and
 * leaves the object, the file and the stacks as they were. */
static void
test_refused_set (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FurrowParcel) parcel = model_item (fixture->store, furrow_store_get_parcels, 0);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (set_double (fixture->history, fixture->store, G_OBJECT (parcel),
                             "registered-area-m2", 2100.0, "Change Registered Area", &error));
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_history_get_can_redo (fixture->history));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "371426101201019999");
  g_assert_false (furrow_history_push (fixture->history,
                                       furrow_edit_record_new_set (fixture->store,
                                                                   G_OBJECT (parcel),
                                                                   "household-code", &value,
                                                                   "Change Household"),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (furrow_parcel_get_household_code (parcel), ==, "371426101201010001");
  {
    g_autoptr(GObject) stored = stored_object (fixture->store, furrow_store_get_parcels,
                                               "3714261012010100010001");

    g_assert_cmpstr (furrow_parcel_get_household_code (FURROW_PARCEL (stored)), ==,
                     "371426101201010001");
  }
  /* The redo stack survives a refused edit. */
  g_assert_false (furrow_history_get_can_undo (fixture->history));
  g_assert_true (furrow_history_get_can_redo (fixture->history));
  g_assert_cmpstr (furrow_history_get_redo_label (fixture->history), ==, "Change Registered Area");
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-record/refused-set", Fixture, fixture_set_up,
                     test_refused_set, fixture_tear_down);

/* A new household: undo deletes it, redo adds it back with the same properties. */
static void
test_add_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(GError) error = NULL;

  furrow_household_set_code (household, "371426101201010002");
  furrow_household_set_name (household, "李秀英");
  furrow_household_set_members (household, 3);
  g_assert_true (furrow_history_push (fixture->history,
                                      furrow_edit_record_new (fixture->store, FURROW_RECORD_ADDED,
                                                              G_OBJECT (household),
                                                              "Add Household"),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_households (fixture->store, NULL), ==, 2);
  g_assert_cmpuint (model_n_items (fixture->store, furrow_store_get_households), ==, 2);

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_households (fixture->store, NULL), ==, 1);
  g_assert_cmpuint (model_n_items (fixture->store, furrow_store_get_households), ==, 1);
  g_assert_false (household_stored (fixture->store, "371426101201010002"));

  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  {
    g_autoptr(FurrowHousehold) live = model_item (fixture->store, furrow_store_get_households, 1);

    g_assert_cmpstr (furrow_household_get_code (live), ==, "371426101201010002");
    g_assert_cmpstr (furrow_household_get_name (live), ==, "李秀英");
    g_assert_cmpuint (furrow_household_get_members (live), ==, 3);
    g_assert_cmpint (furrow_household_get_id (live), >, 0);
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-record/add-round-trip", Fixture, fixture_set_up,
                     test_add_round_trip, fixture_tear_down);

/* Deleting a parcel and undoing it brings back every stored property; the delete of a household
 * that still has parcels is refused and not recorded. */
static void
test_delete_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FurrowHousehold) household = model_item (fixture->store,
                                                     furrow_store_get_households, 0);
  g_autoptr(FurrowParcel) parcel = model_item (fixture->store, furrow_store_get_parcels, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (furrow_history_push (fixture->history,
                                       furrow_edit_record_new (fixture->store,
                                                               FURROW_RECORD_REMOVED,
                                                               G_OBJECT (household),
                                                               "Delete Household"),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (furrow_history_get_can_undo (fixture->history));
  g_assert_cmpint (furrow_store_count_households (fixture->store, NULL), ==, 1);

  g_assert_true (furrow_history_push (fixture->history,
                                      furrow_edit_record_new (fixture->store,
                                                              FURROW_RECORD_REMOVED,
                                                              G_OBJECT (parcel),
                                                              "Delete Parcel"),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_parcels (fixture->store, NULL), ==, 0);
  {
    g_autoptr(GObject) stored = stored_object (fixture->store, furrow_store_get_parcels,
                                               "3714261012010100010001");

    g_assert_null (stored);
  }

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_parcels (fixture->store, NULL), ==, 1);
  g_assert_cmpfloat (stored_parcel_area_m2 (fixture->store), ==, PARCEL_AREA_M2);
  {
    g_autoptr(FurrowParcel) live = model_item (fixture->store, furrow_store_get_parcels, 0);

    g_assert_cmpstr (furrow_parcel_get_household_code (live), ==, "371426101201010001");
    g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (live), ==, PARCEL_AREA_M2);
  }

  /* Now the household's delete works, and its undo brings it back before the parcel's redo. */
  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_history_push (fixture->history,
                                      furrow_edit_record_new (fixture->store,
                                                              FURROW_RECORD_REMOVED,
                                                              G_OBJECT (household),
                                                              "Delete Household"),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_households (fixture->store, NULL), ==, 0);
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_households (fixture->store, NULL), ==, 1);
  g_assert_cmpint (furrow_store_count_parcels (fixture->store, NULL), ==, 1);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-record/delete-round-trip", Fixture, fixture_set_up,
                     test_delete_round_trip, fixture_tear_down);

/* A change of the code itself: undo finds the object under its new code. After the add below
 * it was undone and redone (the household is a new object, its row written again), the code
 * edit still applies. */
static void
test_code_change (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowHousehold) live = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowHousehold) redone = NULL;

  furrow_household_set_code (household, "371426101201010002");
  g_assert_true (furrow_history_push (fixture->history,
                                      furrow_edit_record_new (fixture->store, FURROW_RECORD_ADDED,
                                                              G_OBJECT (household), "Add"),
                                      &error));
  live = model_item (fixture->store, furrow_store_get_households, 1);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "371426101201010003");
  g_assert_true (furrow_history_push (fixture->history,
                                      furrow_edit_record_new_set (fixture->store, G_OBJECT (live),
                                                                  "code", &value, "Change Code"),
                                      &error));
  g_assert_no_error (error);
  g_assert_true (household_stored (fixture->store, "371426101201010003"));

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_households (fixture->store, NULL), ==, 1);
  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_no_error (error);

  redone = model_item (fixture->store, furrow_store_get_households, 1);
  g_assert_cmpstr (furrow_household_get_code (redone), ==, "371426101201010003");
  g_assert_true (redone != live);
  g_assert_false (household_stored (fixture->store, "371426101201010002"));
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-record/code-change", Fixture, fixture_set_up,
                     test_code_change, fixture_tear_down);

FURROW_TEST_MAIN (.locale = "C");
