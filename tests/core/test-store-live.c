/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several users at once (docs/architecture.md, Several users at once; app/core/store/
 * furrow-store-live.c): two stores on one project — two connections to one file, or on the pg
 * run two database users on one cooperative. A stale update or deletion is refused with
 * CONFLICT naming the record and who changed it, nothing is overwritten, and the refused store
 * shows what is stored; on a server, a store that listens hears the other's commits through its
 * change signals. Every wait is on a signal, with a 30 s main-loop timeout. */

#include "config.h"

#include <string.h>

#include "furrow-database.h"
#include "furrow-edit-plan.h"
#include "furrow-edit-record.h"
#include "furrow-edit-season.h"
#include "furrow-history.h"
#include "furrow-store-private.h"
#include "furrow-store-season-testing.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-store.h"
#include "furrow-test-cli.h"
#include "furrow-test-pg.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

#define HOUSEHOLD "371426101201010001"
#define PARCEL    "3714261012010100010001"

/* The fixture's store is B (the test cluster's user `furrow`, or the login name on a file); A is a
 * second connection, on the server as another database user so that the messages can name it. */
typedef struct
{
  FurrowTestStore  base;
  FurrowStore     *a;
  char            *a_user;   /* who A's changes are by */
  char            *b_user;
} Fixture;

/* A database user of its own for A, a superuser like the cluster's own (roles are issue 15's
 * other part; here only the name matters). */
static char *
make_role (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowDatabase) db = furrow_database_open (furrow_test_pg_uri (),
                                                       FURROW_DATABASE_READ_WRITE, &error);
  char *name = furrow_test_pg_unique_name ("clerk_a");
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE \"%s\" LOGIN SUPERUSER", name);

  g_assert_no_error (error);
  g_assert_true (furrow_database_exec (db, sql, &error));
  g_assert_no_error (error);
  return name;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(GListModel) parcels = NULL;

  furrow_test_store_set_up (&fixture->base, FURROW_TEST_STORE_EMPTY, NULL);
  furrow_household_set_code (household, HOUSEHOLD);
  furrow_household_set_name (household, "王建国");
  g_assert_true (furrow_store_add_household (fixture->base.store, household, &error));
  g_assert_no_error (error);
  furrow_parcel_set_code (parcel, PARCEL);
  furrow_parcel_set_household_code (parcel, HOUSEHOLD);
  furrow_parcel_set_registered_area_m2 (parcel, 2000.0);
  g_assert_true (furrow_store_add_parcel (fixture->base.store, parcel, &error));
  g_assert_no_error (error);
  /* B has read the register. */
  parcels = furrow_store_get_parcels (fixture->base.store);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 1);

  if (furrow_test_pg ())
    {
      g_auto(GStrv) parts = g_strsplit (furrow_test_pg_uri (), "user=furrow", 2);
      g_autofree char *uri = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      fixture->a_user = make_role ();
      uri = g_strdup_printf ("%suser=%s%s", parts[0], fixture->a_user, parts[1]);
      fixture->a = furrow_store_open_server (uri, fixture->base.path, &error);
      g_assert_no_error (error);
      fixture->b_user = g_strdup ("furrow");
    }
  else
    {
      fixture->a = furrow_test_store_reopen (&fixture->base);
      fixture->a_user = g_strdup (g_get_user_name ());
      fixture->b_user = g_strdup (g_get_user_name ());
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_pointer (&fixture->a_user, g_free);
  g_clear_pointer (&fixture->b_user, g_free);
  furrow_test_store_tear_down (&fixture->base);
}

/* A changes the parcel's registered area through a copy it reads now. */
static void
a_sets_area (Fixture *fixture,
             double   area_m2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowParcel) parcel = furrow_store_find_parcel (fixture->a, PARCEL);

  g_assert_nonnull (parcel);
  furrow_parcel_set_registered_area_m2 (parcel, area_m2);
  g_assert_true (furrow_store_update_parcel (fixture->a, parcel, &error));
  g_assert_no_error (error);
}

static FurrowParcel *
live_parcel (FurrowStore *store)
{
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, 0);

  /* The model holds its own reference. */
  return parcel;
}

typedef struct
{
  guint               n;
  FurrowRecordChange  change;
  double              area_m2;  /* the parcel's registered area when it was announced */
} Heard;

static void
parcel_changed_cb (FurrowStore        *store,
                   GObject            *object,
                   FurrowRecordChange  change,
                   Heard              *heard)
{
  heard->n++;
  heard->change = change;
  heard->area_m2 = object != NULL
                   ? furrow_parcel_get_registered_area_m2 (FURROW_PARCEL (object)) : -1.0;
}

/* The message a user reads (po/zh_CN.po has its translation): who changed the parcel and when,
 * the changed_at stored (schema step 13) read around Furrow. */
static char *
changed_message (Fixture *fixture)
{
  g_autofree char *who = furrow_test_store_changed_by (fixture->base.path, fixture->a_user,
                                                       "SELECT changed_at FROM parcels");

  return g_strdup_printf ("parcel " PARCEL " was changed by %s after you opened it: your change "
                          "was not saved, and their values are shown now", who);
}

/* A changes the parcel from 2000 to 2500 m²; B, which read 2000, then asks for 3000 m²: CONFLICT
 * naming the parcel and A; the project keeps A's 2500; B's model shows 2500 at once, announced
 * by parcel-changed; one audit row, A's. B's second try, on what it now shows, is written. */
static void
test_update_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowParcel *parcel = live_parcel (b);
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowParcel) stored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *audit_update = NULL;
  g_auto(GStrv) audit = NULL;
  Heard heard = { 0 };

  a_sets_area (fixture, 2500.0);
  expected = changed_message (fixture);
  g_signal_connect (b, "parcel-changed", G_CALLBACK (parcel_changed_cb), &heard);

  furrow_parcel_set_registered_area_m2 (parcel, 3000.0);
  g_assert_false (furrow_store_update_parcel (b, parcel, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* B shows what is stored, announced once as an update of the same object. */
  g_assert_true (live_parcel (b) == parcel);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, 2500.0);
  g_assert_cmpuint (heard.n, ==, 1);
  g_assert_cmpint (heard.change, ==, FURROW_RECORD_UPDATED);
  g_assert_cmpfloat (heard.area_m2, ==, 2500.0);

  /* Nothing was overwritten: the project and its audit log hold A's change only. */
  stored = furrow_store_find_parcel (fixture->a, PARCEL);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (stored), ==, 2500.0);
  audit = _furrow_store_get_audit (b, "parcel:" PARCEL);
  g_assert_cmpuint (g_strv_length (audit), ==, 2);
  g_assert_cmpstr (audit[1], ==, "update|registered_area_m2 2000.00 -> 2500.00");

  /* On what it now shows, B's change is written (version 2 read, 3 stored). */
  furrow_parcel_set_registered_area_m2 (parcel, 3000.0);
  g_assert_true (furrow_store_update_parcel (b, parcel, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = furrow_store_find_parcel (fixture->a, PARCEL);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (stored), ==, 3000.0);
  g_strfreev (g_steal_pointer (&audit));
  audit = _furrow_store_get_audit (b, "parcel:" PARCEL);
  g_assert_cmpuint (g_strv_length (audit), ==, 3);
  audit_update = g_strdup (audit[2]);
  g_assert_cmpstr (audit_update, ==, "update|registered_area_m2 2500.00 -> 3000.00");
  g_signal_handlers_disconnect_by_data (b, &heard);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/update-conflict", Fixture, fixture_set_up,
                     test_update_conflict, fixture_tear_down);

/* An undoable edit on stale data (the household page's "Change Registered Area"): refused with
 * the conflict, not recorded, and the object keeps A's value rather than B's old one. */
static void
test_edit_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowParcel *parcel = live_parcel (b);
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  FurrowEdit *edit;  /* the history takes it */
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  a_sets_area (fixture, 2500.0);
  expected = changed_message (fixture);
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 2833.33);
  edit = furrow_edit_record_new_set (b, G_OBJECT (parcel), "registered-area-m2", &value,
                                     "Change Registered Area");
  g_assert_false (furrow_history_push (history, edit, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (furrow_history_get_can_undo (history));
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, 2500.0);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/edit-conflict", Fixture, fixture_set_up,
                     test_edit_conflict, fixture_tear_down);

/* Deletions: B deletes a parcel A changed — CONFLICT, the parcel stays; A updates a parcel B
 * deleted — CONFLICT naming B as the one who deleted it (the audit log's actor). */
static void
test_delete_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowParcel *parcel = live_parcel (b);
  g_autoptr(FurrowParcel) a_copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *deleted = NULL;

  a_sets_area (fixture, 2500.0);
  changed = changed_message (fixture);
  g_assert_false (furrow_store_delete_parcel (b, parcel, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, changed);
  g_clear_error (&error);
  g_assert_cmpint (furrow_store_count_parcels (fixture->a, NULL), ==, 1);

  /* A read the parcel (version 2); B, now up to date, deletes it. */
  a_copy = furrow_store_find_parcel (fixture->a, PARCEL);
  g_assert_true (furrow_store_delete_parcel (b, parcel, &error));
  g_assert_no_error (error);
  furrow_parcel_set_registered_area_m2 (a_copy, 4000.0);
  g_assert_false (furrow_store_update_parcel (fixture->a, a_copy, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  deleted = g_strdup_printf ("parcel " PARCEL " was deleted by %s after you opened it: your "
                             "change was not saved", fixture->b_user);
  g_assert_cmpstr (error->message, ==, deleted);
  g_assert_cmpint (furrow_store_count_parcels (fixture->a, NULL), ==, 0);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/delete-conflict", Fixture, fixture_set_up,
                     test_delete_conflict, fixture_tear_down);

/* Two processes: furrow-cli sets the household's payee account while B holds the household as
 * it read it; B's change of the name is refused naming the CLI's user (the same login, or the
 * cluster's user), B then shows the account the CLI wrote and the name stays as stored. */
static void
test_other_process (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  g_autoptr(GListModel) households = furrow_store_get_households (b);
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 0);
  g_autoptr(FurrowHousehold) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project = furrow_test_pg () ? g_strdup (furrow_test_pg_uri ())
                                               : g_strdup (fixture->base.path);
  g_autofree char *expected = NULL;
  g_autofree char *who = NULL;
  g_autofree char *out = NULL;

  if (!furrow_test_pg ())
    {
      const char *file_args[] = { "household", "set-account", "--project", project, "--code",
                                  HOUSEHOLD, "--bank", "中国农业银行", "--account",
                                  "6228 4800 0000 0000 018", NULL };

      g_assert_cmpint (furrow_test_run_cliv (file_args, &out, NULL), ==, 0);
    }
  else
    {
      const char *server_args[] = { "household", "set-account", "--project", project,
                                    "--cooperative", fixture->base.path, "--code", HOUSEHOLD,
                                    "--bank", "中国农业银行", "--account",
                                    "6228 4800 0000 0000 018", NULL };

      g_assert_cmpint (furrow_test_run_cliv (server_args, &out, NULL), ==, 0);
    }

  g_assert_null (furrow_household_get_account_number (household));
  furrow_household_set_name (household, "王建军");
  g_assert_false (furrow_store_update_household (b, household, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  who = furrow_test_store_changed_by (fixture->base.path, fixture->b_user,
                                      "SELECT changed_at FROM households");
  expected = g_strdup_printf ("household " HOUSEHOLD " was changed by %s after you opened it: "
                              "your change was not saved, and their values are shown now", who);
  g_assert_cmpstr (error->message, ==, expected);

  stored = furrow_store_find_household (fixture->a, HOUSEHOLD);
  g_assert_cmpstr (furrow_household_get_name (stored), ==, "王建国");
  g_assert_cmpstr (furrow_household_get_bank (stored), ==, "中国农业银行");
  g_assert_nonnull (furrow_household_get_account_number (stored));
  g_assert_cmpstr (furrow_household_get_name (household), ==, "王建国");
  g_assert_cmpstr (furrow_household_get_account_number (household), ==,
                   furrow_household_get_account_number (stored));
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/other-process", Fixture, fixture_set_up,
                     test_other_process, fixture_tear_down);

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until *n reaches `want` or 30 s pass (then the test fails). */
static void
wait_for (guint *n,
          guint  want)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (30, timed_out_cb, &timed_out);

  while (*n < want && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
  g_assert_cmpuint (*n, ==, want);
}

typedef struct
{
  guint               n;
  FurrowRecordChange  change;
  char               *code;
} HeardHousehold;

static void
household_changed_cb (FurrowStore        *store,
                      GObject            *object,
                      FurrowRecordChange  change,
                      HeardHousehold     *heard)
{
  heard->n++;
  heard->change = change;
  g_free (heard->code);
  heard->code = object != NULL ? g_strdup (furrow_household_get_code (FURROW_HOUSEHOLD (object)))
                               : NULL;
}

typedef struct
{
  guint               n;
  FurrowSeasonChange  what;
  char               *name;
} HeardSeason;

static void
season_changed_cb (FurrowStore        *store,
                   FurrowSeason       *season,
                   FurrowSeasonChange  what,
                   HeardSeason        *heard)
{
  heard->n++;
  heard->what = what;
  g_free (heard->name);
  heard->name = season != NULL ? g_strdup (furrow_season_get_name (season)) : NULL;
}

/* Live updates on a server: B listens; A's update, addition and new season reach B's models and
 * its change signals (one each, with the new values) while B's main loop runs, and B's own
 * commits are not announced twice. */
static void
test_notify (Fixture       *fixture,
             gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowParcel *parcel = live_parcel (b);
  g_autoptr(FurrowHousehold) added = furrow_household_new ();
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GListModel) households = furrow_store_get_households (b);
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (b);
  g_autoptr(GError) error = NULL;
  Heard heard = { 0 };
  HeardHousehold heard_household = { 0 };
  HeardSeason heard_season = { 0 };

  if (!furrow_test_pg ())
    {
      g_test_skip ("a file sends no notifications: the server's LISTEN/NOTIFY");
      return;
    }
  g_assert_true (furrow_store_listen (b, &error));
  g_assert_no_error (error);
  g_signal_connect (b, "parcel-changed", G_CALLBACK (parcel_changed_cb), &heard);
  g_signal_connect (b, "household-changed", G_CALLBACK (household_changed_cb), &heard_household);
  g_signal_connect (b, "season-changed", G_CALLBACK (season_changed_cb), &heard_season);

  a_sets_area (fixture, 2500.0);
  wait_for (&heard.n, 1);
  g_assert_cmpint (heard.change, ==, FURROW_RECORD_UPDATED);
  g_assert_cmpfloat (heard.area_m2, ==, 2500.0);
  g_assert_true (live_parcel (b) == parcel);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, 2500.0);

  /* B is up to date: its own change is written, and announced once (by its commit). */
  furrow_parcel_set_registered_area_m2 (parcel, 3000.0);
  g_assert_true (furrow_store_update_parcel (b, parcel, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.n, ==, 2);

  furrow_household_set_code (added, "371426101201010002");
  furrow_household_set_name (added, "李秀英");
  g_assert_true (furrow_store_add_household (fixture->a, added, &error));
  g_assert_no_error (error);
  wait_for (&heard_household.n, 1);
  g_assert_cmpint (heard_household.change, ==, FURROW_RECORD_ADDED);
  g_assert_cmpstr (heard_household.code, ==, "371426101201010002");
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 2);

  season = furrow_season_new ("2025 秋", 2025);
  g_assert_true (furrow_store_add_season (fixture->a, season, &error));
  g_assert_no_error (error);
  wait_for (&heard_season.n, 1);
  g_assert_cmpint (heard_season.what & FURROW_SEASON_CHANGE_ADDED, !=, 0);
  g_assert_cmpstr (heard_season.name, ==, "2025 秋");
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 1);

  /* B's own commit: nothing more was heard from the server about it. */
  g_assert_cmpuint (heard.n, ==, 2);
  g_signal_handlers_disconnect_by_data (b, &heard);
  g_signal_handlers_disconnect_by_data (b, &heard_household);
  g_signal_handlers_disconnect_by_data (b, &heard_season);
  g_free (heard_household.code);
  g_free (heard_season.name);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/notify", Fixture, fixture_set_up, test_notify,
                     fixture_tear_down);

static void
heard_payloads_cb (GPtrArray *payloads,
                   gpointer   user_data)
{
  GPtrArray *heard = user_data;

  for (guint i = 0; i < payloads->len; i++)
    g_ptr_array_add (heard, g_strdup (g_ptr_array_index (payloads, i)));
}

/* Runs the main context until a payload `last` was heard (30 s at most: a condition, not a
 * timed assertion); returns the payloads before it, one a line. */
static char *
payloads_before (GPtrArray  *heard,
                 const char *last)
{
  g_autoptr(GString) before = g_string_new (NULL);
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (30, timed_out_cb, &timed_out);
  guint end = 0;

  while (!timed_out)
    {
      for (end = 0; end < heard->len && g_strcmp0 (heard->pdata[end], last) != 0; end++)
        ;
      if (end < heard->len)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
  for (guint i = 0; i < end; i++)
    g_string_append_printf (before, "%s\n", (char *) heard->pdata[i]);
  g_ptr_array_remove_range (heard, 0, end + 1);
  return g_string_free (g_steal_pointer (&before), FALSE);
}

/* A's import of `n` parcels of household …0002 (areas 1 … n m²), in one batch. */
static void
a_imports (Fixture *fixture,
           guint    n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_begin_import (fixture->a, "village.shp", &error));
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *code = g_strdup_printf ("37142610120101000200%02u", i);
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();

      furrow_parcel_set_code (parcel, code);
      furrow_parcel_set_household_code (parcel, "371426101201010002");
      furrow_parcel_set_registered_area_m2 (parcel, i);
      g_assert_true (furrow_store_add_parcel (fixture->a, parcel, &error));
      g_assert_no_error (error);
    }
  g_assert_true (furrow_store_commit (fixture->a, &error));
  g_assert_no_error (error);
}

/* Runs the main context until the model holds `want` items (30 s at most). */
static void
wait_for_items (GListModel *model,
                guint       want)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (30, timed_out_cb, &timed_out);

  while (g_list_model_get_n_items (model) < want && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, want);
}

/* An import on a server writes its rows with one INSERT a thousand (furrow-database-pg-rows.c)
 * and each statement sends one notification (schema/pg/v012.sql). A third connection that
 * listens hears A's import of two households as one payload naming both ids, and A's import of
 * 99 parcels as one "parcel *" (more than 64 ids), each before A's next change of the fixture's
 * parcel (its own payload, "parcel ID"). B, listening too, adds the two households one by one
 * (two signals, the last with its code) and reads the parcels again, after which its model holds
 * the 100 parcels and their 2,100 + (1 + … + 99) = 2,100 + 4,950 = 7,050 m². */
static void
test_notify_import (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (b);
  g_autoptr(GListModel) households = furrow_store_get_households (b);
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FurrowDatabase) c = NULL;
  g_autoptr(GSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *sentinel = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  HeardHousehold heard_household = { 0 };
  double total_m2 = 0.0;

  if (!furrow_test_pg ())
    {
      g_test_skip ("a file sends no notifications: the server's LISTEN/NOTIFY");
      return;
    }
  c = furrow_database_open (furrow_test_pg_uri (), FURROW_DATABASE_READ_WRITE, &error);
  g_assert_no_error (error);
  channel = _furrow_store_server_channel (b);
  source = furrow_database_listen (c, channel, heard_payloads_cb, heard, &error);
  g_assert_no_error (error);
  g_source_attach (source, NULL);
  g_assert_true (furrow_store_listen (b, &error));
  g_assert_no_error (error);
  g_signal_connect (b, "household-changed", G_CALLBACK (household_changed_cb), &heard_household);
  sentinel = g_strdup_printf ("parcel %" G_GINT64_FORMAT, furrow_parcel_get_id (live_parcel (b)));

  g_assert_true (furrow_store_begin_import (fixture->a, "households.csv", &error));
  for (guint i = 2; i <= 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("37142610120101000%u", i);
      FurrowHousehold *household = furrow_household_new ();

      furrow_household_set_code (household, code);
      g_ptr_array_add (added, household);
      g_assert_true (furrow_store_add_household (fixture->a, household, &error));
      g_assert_no_error (error);
    }
  g_assert_true (furrow_store_commit (fixture->a, &error));
  g_assert_no_error (error);
  a_sets_area (fixture, 2050.0);
  before = payloads_before (heard, sentinel);
  expected = g_strdup_printf ("household %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              furrow_household_get_id (added->pdata[0]),
                              furrow_household_get_id (added->pdata[1]));
  g_assert_cmpstr (before, ==, expected);
  wait_for (&heard_household.n, 2);
  g_assert_cmpint (heard_household.change, ==, FURROW_RECORD_ADDED);
  g_assert_cmpstr (heard_household.code, ==, "371426101201010003");
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 3);

  a_imports (fixture, 99);
  a_sets_area (fixture, 2100.0);
  g_free (before);
  before = payloads_before (heard, sentinel);
  g_assert_cmpstr (before, ==, "parcel *\n");
  wait_for_items (parcels, 100);
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      total_m2 += furrow_parcel_get_registered_area_m2 (parcel);
    }
  g_assert_cmpfloat (total_m2, ==, 7050.0);
  g_signal_handlers_disconnect_by_data (b, &heard_household);
  g_free (heard_household.code);
  g_source_destroy (source);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/notify-import", Fixture, fixture_set_up,
                     test_notify_import, fixture_tear_down);

static void
connected_cb (FurrowStore *store,
              GParamSpec  *pspec,
              guint       *n)
{
  (*n)++;
}

/* Runs the main context until the store's FurrowStore:connected is `want` (60 s at most: a
 * condition, not a timed assertion). */
static void
wait_connected (FurrowStore *store,
                gboolean     want)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (furrow_store_get_connected (store) != want && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
}

static void
add_household (FurrowStore  *store,
               const char   *code,
               GError      **error)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();

  furrow_household_set_code (household, code);
  furrow_household_set_name (household, "张桂兰");
  furrow_store_add_household (store, household, error);
}

static gboolean
model_has_household (GListModel *households,
                     const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);

      if (g_strcmp0 (furrow_household_get_code (household), code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The server restarted during a session (docs/architecture.md, The backend seam, Reconnecting):
 * B listens; the server stops; B notices (FurrowStore:connected FALSE) and a write fails with
 * CONNECTION, "cannot be reached … nothing was changed", writing nothing; the server starts
 * again and, before B's main loop runs, A changes the parcel and adds a household (B hears
 * nothing of it: it is not listening then); B connects again by itself and its models show A's
 * changes; A's next change reaches B live (B listens again), and B's writes are written. */
static void
test_reconnect (Fixture       *fixture,
                gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  g_autoptr(GListModel) households = furrow_store_get_households (b);
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) a = NULL;
  g_autoptr(FurrowHousehold) absent = NULL;
  g_autoptr(FurrowHousehold) written = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *a_uri = NULL;
  Heard heard = { 0 };
  guint n_connected = 0;
  gint64 start;

  if (!furrow_test_pg ())
    {
      g_test_skip ("a file has no connection to lose");
      return;
    }
  g_assert_true (furrow_store_listen (b, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_get_connected (b));
  g_signal_connect (b, "notify::connected", G_CALLBACK (connected_cb), &n_connected);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 1);

  start = g_get_monotonic_time ();
  furrow_test_pg_ctl ("stop");
  g_test_message ("the server stopped in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  wait_connected (b, FALSE);
  g_test_message ("the loss noticed %.3f s after that",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_connected, ==, 1);

  /* A write now fails, clearly, and changes nothing. */
  add_household (b, "371426101201010003", &error);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  g_clear_error (&error);
  g_assert_false (furrow_store_in_transaction (b));
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 1);

  furrow_test_pg_ctl ("restart");
  /* Another user's changes while B is away (its loop has not run: it has not reconnected). */
  parts = g_strsplit (furrow_test_pg_uri (), "user=furrow", 2);
  a_uri = g_strdup_printf ("%suser=%s%s", parts[0], fixture->a_user, parts[1]);
  a = furrow_store_open_server (a_uri, fixture->base.path, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->a);
  fixture->a = g_object_ref (a);
  a_sets_area (fixture, 2600.0);
  add_household (a, "371426101201010004", &error);
  g_assert_no_error (error);
  g_assert_false (furrow_store_get_connected (b));

  start = g_get_monotonic_time ();
  wait_connected (b, TRUE);
  g_test_message ("connected again and reloaded %.3f s after its loop ran again",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_connected, ==, 2);
  /* What A committed meanwhile is in B's models; B's refused household is nowhere. */
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (live_parcel (b)), ==, 2600.0);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 2);
  g_assert_true (model_has_household (households, "371426101201010004"));
  absent = furrow_store_find_household (a, "371426101201010003");
  g_assert_null (absent);

  /* B listens again: A's next change reaches it live. */
  g_signal_connect (b, "parcel-changed", G_CALLBACK (parcel_changed_cb), &heard);
  a_sets_area (fixture, 2800.0);
  wait_for (&heard.n, 1);
  g_assert_cmpfloat (heard.area_m2, ==, 2800.0);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (live_parcel (b)), ==, 2800.0);

  /* And B writes again (its statements prepared again on the new connection). */
  add_household (b, "371426101201010003", &error);
  g_assert_no_error (error);
  written = furrow_store_find_household (a, "371426101201010003");
  g_assert_nonnull (written);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 3);
  g_signal_handlers_disconnect_by_data (b, &heard);
  g_signal_handlers_disconnect_by_data (b, &n_connected);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/reconnect", Fixture, fixture_set_up,
                     test_reconnect, fixture_tear_down);

/* A season with field T01 in B's project, and the copy of it in B's seasons model. */
static FurrowSeason *
add_season (Fixture      *fixture,
            FurrowField **field)
{
  g_autoptr(FurrowField) t01 = furrow_field_new ();
  g_autoptr(FurrowSeason) season = furrow_season_new ("2026 秋", 2026);
  g_autoptr(GError) error = NULL;

  furrow_field_set_code (t01, "T01");
  g_assert_true (furrow_store_add_field (fixture->base.store, t01, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_add_season (fixture->base.store, season, &error));
  g_assert_no_error (error);
  *field = furrow_store_get_field_by_id (fixture->base.store, furrow_field_get_id (t01));
  return furrow_store_get_season_by_id (fixture->base.store, furrow_season_get_id (season));
}

typedef struct
{
  guint  n;
  char  *message;
} HeardConflict;

static void
conflict_cb (FurrowStore   *store,
             const char    *message,
             HeardConflict *heard)
{
  heard->n++;
  g_free (heard->message);
  heard->message = g_strdup (message);
}

/* What B hears while it and A write the same row of a season: season-changed and `conflict`. */
typedef struct
{
  HeardSeason   season;
  HeardConflict conflict;
} HeardRace;

/* B listens to the server (on the PostgreSQL run) and follows both signals into HEARD. */
static void
race_listen (FurrowStore *b,
             HeardRace   *heard)
{
  g_autoptr(GError) error = NULL;

  if (furrow_test_pg ())
    {
      g_assert_true (furrow_store_listen (b, &error));
      g_assert_no_error (error);
    }
  g_signal_connect (b, "season-changed", G_CALLBACK (season_changed_cb), &heard->season);
  g_signal_connect (b, "conflict", G_CALLBACK (conflict_cb), &heard->conflict);
}

/* On a server, A's first write reaches B by a notification before B tries: waits for the
 * season-changed that says WHAT, then forgets it. FALSE on a file, where nothing is heard. */
static gboolean
race_heard_a (HeardRace          *heard,
              FurrowSeasonChange  what)
{
  if (!furrow_test_pg ())
    return FALSE;
  wait_for (&heard->season.n, 1);
  g_assert_cmpint (heard->season.what & what, !=, 0);
  heard->season.n = 0;
  return TRUE;
}

/* B's write was refused with CONFLICT and the message EXPECTED (ERROR is cleared); B heard of
 * the row (season-changed saying WHAT) and then the conflict with the same message, once each. */
static void
race_assert_refused (HeardRace           *heard,
                     GError             **error,
                     const char          *expected,
                     FurrowSeasonChange   what)
{
  g_assert_error (*error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr ((*error)->message, ==, expected);
  g_clear_error (error);
  g_assert_cmpuint (heard->season.n, ==, 1);
  g_assert_cmpint (heard->season.what & what, !=, 0);
  g_assert_cmpuint (heard->conflict.n, ==, 1);
  g_assert_cmpstr (heard->conflict.message, ==, expected);
}

static void
race_stop (FurrowStore *b,
           HeardRace   *heard)
{
  g_signal_handlers_disconnect_by_data (b, &heard->season);
  g_signal_handlers_disconnect_by_data (b, &heard->conflict);
  g_free (heard->season.name);
  g_free (heard->conflict.message);
}

/* B's harvest of maize on T01 as stored: its kg, version (FURROW_ROW_VERSION_NONE: none). */
static gint64
harvest_version (FurrowStore  *store,
                 FurrowSeason *season,
                 double       *kg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) harvests = furrow_store_get_harvests (store, season, &error);

  g_assert_no_error (error);
  *kg = -1;
  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);

      if (h->crop == FURROW_CROP_MAIZE)
        {
          *kg = h->yield_kg;
          return h->row_version;
        }
    }
  return FURROW_ROW_VERSION_NONE;
}

/* Two clerks enter the maize harvest of T01. Both opened the season before it had one; A enters
 * 6,420 kg (6,420 × 1.36 = ¥8,731.20) first. B's 7,000 kg over "none there" is refused with
 * CONFLICT naming T01, A and what it reads now, and A's value is stored; B is told by
 * season-changed (harvests) then `conflict` with the same message, and its harvests read 6,420.
 * Then both hold version 1: A writes 6,500, B's 7,000 over version 1 is refused again. B's try on
 * what it now reads is written. On a server B listens, and A's first entry reaches it by a
 * notification before it tries. The audit log has A's two entries and B's one. */
static void
test_harvest_conflict (Fixture       *fixture,
                       gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowField *field = NULL;
  FurrowSeason *season = add_season (fixture, &field);
  g_autoptr(FurrowSeason) a_season = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *who = NULL;
  g_auto(GStrv) audit = NULL;
  HeardRace heard = { 0 };
  FurrowSeasonHarvest a_entry = { 0, FURROW_CROP_MAIZE, 6420, 873120, FALSE,
                                  FURROW_ROW_VERSION_NONE };
  FurrowSeasonHarvest b_entry = { 0, FURROW_CROP_MAIZE, 7000, 952000, FALSE,
                                  FURROW_ROW_VERSION_NONE };
  double kg;

  a_entry.field_id = b_entry.field_id = furrow_field_get_id (field);
  a_season = furrow_store_find_season (fixture->a, "2026 秋");
  g_assert_nonnull (a_season);
  g_assert_cmpint (harvest_version (b, season, &kg), ==, FURROW_ROW_VERSION_NONE);
  race_listen (b, &heard);

  g_assert_true (furrow_store_set_harvests (fixture->a, a_season, &a_entry, 1, &error));
  g_assert_no_error (error);
  if (race_heard_a (&heard, FURROW_SEASON_CHANGE_HARVESTS))
    {
      /* The other window follows at once: B's model and views hear of A's entry. */
      g_assert_cmpint (harvest_version (b, season, &kg), ==, 1);
      g_assert_cmpfloat (kg, ==, 6420);
    }

  who = furrow_test_store_changed_by (fixture->base.path, fixture->a_user,
                                      "SELECT changed_at FROM harvests WHERE crop = 'maize'");
  expected = g_strdup_printf ("The maize harvest of field T01 was changed by %s after you opened "
                              "it; it now reads 6420 kg. Your change was not saved.", who);
  g_assert_false (furrow_store_set_harvests (b, season, &b_entry, 1, &error));
  race_assert_refused (&heard, &error, expected, FURROW_SEASON_CHANGE_HARVESTS);
  g_assert_cmpint (harvest_version (fixture->a, a_season, &kg), ==, 1);
  g_assert_cmpfloat (kg, ==, 6420);

  /* Both read version 1: A's 6,500 is written, B's 7,000 over version 1 is not. */
  a_entry.row_version = 1;
  a_entry.yield_kg = 6500;
  g_assert_true (furrow_store_set_harvests (fixture->a, a_season, &a_entry, 1, &error));
  g_assert_no_error (error);
  b_entry.row_version = 1;
  g_assert_false (furrow_store_set_harvests (b, season, &b_entry, 1, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (harvest_version (b, season, &kg), ==, 2);
  g_assert_cmpfloat (kg, ==, 6500);

  /* On what it now reads, B's entry is written. */
  b_entry.row_version = 2;
  g_assert_true (furrow_store_set_harvests (b, season, &b_entry, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (harvest_version (fixture->a, a_season, &kg), ==, 3);
  g_assert_cmpfloat (kg, ==, 7000);
  audit = _furrow_store_get_audit (b, "season:2026 秋");
  g_assert_cmpuint (g_strv_length (audit), ==, 5);
  g_assert_cmpstr (audit[1], ==, "season.harvest|field T01 maize: 6420.0 kg, revenue 873120 fen");
  g_assert_cmpstr (audit[3], ==, "season.harvest|field T01 maize: 6500.0 kg, revenue 873120 fen");
  g_assert_cmpstr (audit[4], ==, "season.harvest|field T01 maize: 7000.0 kg, revenue 952000 fen");
  race_stop (b, &heard);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/harvest-conflict", Fixture, fixture_set_up,
                     test_harvest_conflict, fixture_tear_down);

/* A season's money rules and actual costs, changed by A after B opened the season. B's maize
 * price of 1.40 yuan/kg, written as an edit over what its window shows, is refused naming A;
 * the project keeps A's 1.36 and B's live season shows it. B's actual costs, saved over the list
 * it read (seed ¥1,200.00), are refused naming A and A's ¥1,250.00; nothing of B's is stored.
 * Undone nothing: the refused edits are not in the history. */
static void
test_rules_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowField *field = NULL;
  FurrowSeason *season = add_season (fixture, &field);
  g_autoptr(FurrowSeason) a_copy = NULL;
  g_autoptr(FurrowSeason) before = NULL;
  g_autoptr(FurrowSeason) after = NULL;
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GArray) b_shown = NULL;
  g_autoptr(GArray) costs = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonActualCost));
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *who = NULL;
  FurrowSeasonActualCost seed = { 0, "seed", 120000, 0 };

  g_array_append_val (costs, seed);
  g_assert_true (furrow_store_save_actual_costs (b, season, NULL, costs, &error));
  g_assert_no_error (error);
  b_shown = furrow_store_get_actual_costs (b, season, &error);
  g_assert_no_error (error);

  /* A: the maize price 1.36 yuan/kg and the seed ¥1,250.00. */
  a_copy = furrow_store_find_season (fixture->a, "2026 秋");
  furrow_season_set_price (a_copy, FURROW_CROP_MAIZE, 136, 0);
  g_assert_true (furrow_store_update_season (fixture->a, a_copy, &error));
  g_assert_no_error (error);
  g_array_index (costs, FurrowSeasonActualCost, 0).fen = 125000;
  g_assert_true (furrow_store_save_actual_costs (fixture->a, a_copy, NULL, costs, &error));
  g_assert_no_error (error);

  /* B: 1.40 yuan/kg over what its window shows. */
  before = furrow_store_find_season (b, "2026 秋");
  after = furrow_store_find_season (b, "2026 秋");
  furrow_season_set_price (after, FURROW_CROP_MAIZE, 140, 0);
  who = furrow_test_store_changed_by (fixture->base.path, fixture->a_user,
                                      "SELECT changed_at FROM seasons");
  expected = g_strdup_printf ("The rules of season “2026 秋” were changed by %s after you opened "
                              "them: your change was not saved, and their rules are shown now.",
                              who);
  g_assert_false (furrow_history_push (history, furrow_edit_season_rules (b,
                                                                          furrow_season_get_id (season),
                                                                          before, after),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_false (furrow_history_get_can_undo (history));
  g_assert_cmpfloat (furrow_season_get_price (season, FURROW_CROP_MAIZE)->price_fen_per_kg, ==,
                     136);

  /* B: the seed ¥1,300.00 over the ¥1,200.00 it read. */
  g_free (expected);
  g_free (who);
  who = furrow_test_store_changed_by (fixture->base.path, fixture->a_user,
                                      "SELECT changed_at FROM season_actual_costs");
  expected = g_strdup_printf ("The actual cost “seed” of season “2026 秋” was changed by %s after "
                              "you opened it; it now reads ¥1,250.00. Your change was not saved.",
                              who);
  g_array_index (costs, FurrowSeasonActualCost, 0).fen = 130000;
  g_assert_false (furrow_history_push (history, furrow_edit_season_actual_costs (b, season, b_shown,
                                                                                 costs, &error),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  stored = furrow_store_get_actual_costs (fixture->a, a_copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (g_array_index (stored, FurrowSeasonActualCost, 0).fen, ==, 125000);
  g_clear_object (&a_copy);
  a_copy = furrow_store_find_season (fixture->a, "2026 秋");
  g_assert_cmpfloat (furrow_season_get_price (a_copy, FURROW_CROP_MAIZE)->price_fen_per_kg, ==,
                     136);

  /* On what it now shows, B's price is written. */
  g_clear_object (&before);
  g_clear_object (&after);
  before = furrow_store_find_season (b, "2026 秋");
  after = furrow_store_find_season (b, "2026 秋");
  furrow_season_set_price (after, FURROW_CROP_MAIZE, 140, 0);
  g_assert_true (furrow_history_push (history, furrow_edit_season_rules (b,
                                                                         furrow_season_get_id (season),
                                                                         before, after),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (furrow_season_get_price (season, FURROW_CROP_MAIZE)->price_fen_per_kg, ==,
                     140);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/rules-conflict", Fixture, fixture_set_up,
                     test_rules_conflict, fixture_tear_down);

/* The plan of T01 as `store` reads it: its version (FURROW_ROW_VERSION_NONE: none) and preset. */
static gint64
plan_version (FurrowStore  *store,
              FurrowSeason *season,
              const char  **preset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plans = furrow_store_get_plans (store, season, &error);
  static char read[32];

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, <=, 1);
  *preset = NULL;
  if (plans->len == 0)
    return FURROW_ROW_VERSION_NONE;
  g_strlcpy (read, g_array_index (plans, FurrowSeasonPlan, 0).preset, sizeof read);
  *preset = read;
  return g_array_index (plans, FurrowSeasonPlan, 0).row_version;
}

/* `store` plans T01 with the preset `id`, over the plan version it read. */
static gboolean
save_plan (FurrowStore   *store,
           FurrowSeason  *season,
           FurrowField   *field,
           const char    *id,
           gint64         version,
           GError       **error)
{
  FurrowSeasonPlan plan = { .field_id = furrow_field_get_id (field), .row_version = version };

  g_assert_true (furrow_pattern_preset (id, &plan.pattern));
  g_strlcpy (plan.preset, id, sizeof plan.preset);
  return furrow_store_save_plans (store, season, &plan, 1, error);
}

/* Two agronomists plan T01 (issue 15: the planner checks the version it read). Both opened the
 * season before it had a plan; A plans 4 maize + 6 soybean rows first. B's 2+4 over "none there"
 * is refused with CONFLICT naming T01, A and the pattern it now is — 4 maize + 6 soybean rows,
 * a unit of 0.40 + 0.80 + 0.40 m of maize, 5 × 0.30 m of soybean and 2 × 0.60 m gaps = 4.30 m
 * (the preset, furrow-pattern.c) — announced by season-changed (plans) then `conflict`. Both at
 * version 1: A's 2+6 is written, B's 2+4 over version 1 refused; over version 2 written. A
 * removes the plan: B's 4+6 over version 3 is refused naming A ("removed"). On a server B
 * listens, and A's first plan reaches it by a notification before it tries. Nothing of the
 * refused writes is in the audit log. */
static void
test_plan_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowField *field = NULL;
  FurrowSeason *season = add_season (fixture, &field);
  g_autoptr(FurrowSeason) a_season = furrow_store_find_season (fixture->a, "2026 秋");
  FurrowField *a_field = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *who = NULL;
  g_auto(GStrv) audit = NULL;
  HeardRace heard = { 0 };
  const char *preset;

  g_assert_nonnull (a_season);
  g_assert_true (furrow_store_reload (fixture->a, &error));
  g_assert_no_error (error);
  a_field = furrow_store_get_field_by_id (fixture->a, furrow_field_get_id (field));
  g_assert_nonnull (a_field);
  g_assert_cmpint (plan_version (b, season, &preset), ==, FURROW_ROW_VERSION_NONE);
  race_listen (b, &heard);

  g_assert_true (save_plan (fixture->a, a_season, a_field, "4+6", FURROW_ROW_VERSION_NONE,
                            &error));
  g_assert_no_error (error);
  if (race_heard_a (&heard, FURROW_SEASON_CHANGE_PLANS))
    g_assert_cmpint (plan_version (b, season, &preset), ==, 1);

  who = furrow_test_store_changed_by (fixture->base.path, fixture->a_user,
                                      "SELECT changed_at FROM plans");
  expected = g_strdup_printf ("The plan of field T01 was changed by %s after you opened it; it is "
                              "now 4 maize + 6 soybean rows, 4.30 m unit. Your change was not "
                              "saved.", who);
  g_assert_false (save_plan (b, season, field, "2+4", FURROW_ROW_VERSION_NONE, &error));
  race_assert_refused (&heard, &error, expected, FURROW_SEASON_CHANGE_PLANS);
  g_assert_cmpint (plan_version (b, season, &preset), ==, 1);
  g_assert_cmpstr (preset, ==, "4+6");

  /* Both read version 1: A's 2+6 is written, B's 2+4 over version 1 is not. */
  g_assert_true (save_plan (fixture->a, a_season, a_field, "2+6", 1, &error));
  g_assert_no_error (error);
  g_assert_false (save_plan (b, season, field, "2+4", 1, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (plan_version (b, season, &preset), ==, 2);
  g_assert_cmpstr (preset, ==, "2+6");

  /* On what it now reads, B's plan is written. */
  g_assert_true (save_plan (b, season, field, "2+4", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_version (fixture->a, a_season, &preset), ==, 3);
  g_assert_cmpstr (preset, ==, "2+4");

  /* A removes it; B's change over version 3 names A. */
  g_assert_true (furrow_store_delete_plan (fixture->a, a_season, a_field, &error));
  g_assert_no_error (error);
  g_free (expected);
  expected = g_strdup_printf ("The plan of field T01 was removed by %s after you opened it. Your "
                              "change was not saved.", fixture->a_user);
  g_assert_false (save_plan (b, season, field, "4+6", 3, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_cmpint (plan_version (b, season, &preset), ==, FURROW_ROW_VERSION_NONE);

  /* A's two plans and its removal, B's one plan: none of the refused. */
  audit = _furrow_store_get_audit (b, "season:2026 秋");
  g_assert_cmpuint (g_strv_length (audit), ==, 5);
  g_assert_true (g_str_has_prefix (audit[1], "season.plan|field T01: strip 4 maize + 6 soybean"));
  g_assert_true (g_str_has_prefix (audit[2], "season.plan|field T01: strip 2 maize + 6 soybean"));
  g_assert_true (g_str_has_prefix (audit[3], "season.plan|field T01: strip 2 maize + 4 soybean"));
  g_assert_cmpstr (audit[4], ==, "season.plan.delete|field T01");
  race_stop (b, &heard);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/plan-conflict", Fixture, fixture_set_up,
                     test_plan_conflict, fixture_tear_down);

/* The undo of a plan edit over a plan another agronomist changed since: B plans T01 2+4 (an edit
 * of its history), A changes it to 4+6; B's Undo is refused naming A and 4 maize + 6 soybean
 * rows (4.30 m, test_plan_conflict()), the plan stays A's and B's Undo stays offered. An edit B
 * makes over what it now reads (2+6) is undone to A's 4+6 and redone to 2+6: its own writes are
 * no conflict. */
static void
test_plan_undo_conflict (Fixture       *fixture,
                         gconstpointer  data)
{
  FurrowStore *b = fixture->base.store;
  FurrowField *field = NULL;
  FurrowSeason *season = add_season (fixture, &field);
  g_autoptr(FurrowSeason) a_season = furrow_store_find_season (fixture->a, "2026 秋");
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *who = NULL;
  HeardConflict heard_conflict = { 0 };
  FurrowPattern pattern;
  FurrowField *a_field;
  gint64 version;
  const char *preset;

  g_assert_true (furrow_store_reload (fixture->a, &error));
  g_assert_no_error (error);
  a_field = furrow_store_get_field_by_id (fixture->a, furrow_field_get_id (field));
  g_signal_connect (b, "conflict", G_CALLBACK (conflict_cb), &heard_conflict);

  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  version = FURROW_ROW_VERSION_NONE;
  g_assert_true (furrow_history_push (history, furrow_edit_season_plan ("Plan T01", b, season,
                                                                        &field, 1, &version,
                                                                        &pattern, "2+4", NULL),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_version (fixture->a, a_season, &preset), ==, 1);
  g_assert_true (save_plan (fixture->a, a_season, a_field, "4+6", 1, &error));
  g_assert_no_error (error);

  who = furrow_test_store_changed_by (fixture->base.path, fixture->a_user,
                                      "SELECT changed_at FROM plans");
  expected = g_strdup_printf ("The plan of field T01 was changed by %s after you opened it; it is "
                              "now 4 maize + 6 soybean rows, 4.30 m unit. Your change was not "
                              "saved.", who);
  g_assert_false (furrow_history_undo (history, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_cmpuint (heard_conflict.n, ==, 1);
  g_assert_cmpint (plan_version (b, season, &preset), ==, 2);
  g_assert_cmpstr (preset, ==, "4+6");
  g_assert_true (furrow_history_get_can_undo (history));

  /* Over what B now reads: written, undone to A's plan and redone. */
  furrow_history_clear (history);
  g_assert_true (furrow_pattern_preset ("2+6", &pattern));
  version = 2;
  g_assert_true (furrow_history_push (history, furrow_edit_season_plan ("Plan T01", b, season,
                                                                        &field, 1, &version,
                                                                        &pattern, "2+6", NULL),
                                      &error));
  g_assert_no_error (error);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_version (fixture->a, a_season, &preset), ==, 4);
  g_assert_cmpstr (preset, ==, "4+6");
  g_assert_true (furrow_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_version (fixture->a, a_season, &preset), ==, 5);
  g_assert_cmpstr (preset, ==, "2+6");
  g_assert_cmpuint (heard_conflict.n, ==, 1);
  g_signal_handlers_disconnect_by_data (b, &heard_conflict);
  g_free (heard_conflict.message);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-live/plan-undo-conflict", Fixture, fixture_set_up,
                     test_plan_undo_conflict, fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
