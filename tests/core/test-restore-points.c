/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Restore points (app/core/store/furrow-store-restore.h; docs/architecture.md, Restore points):
 * taken before an import, a bulk plan and a migration, kept by the rules (the newest 20, the
 * newest of each of the last 30 days), and restored to the exact rows. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "furrow-household.h"
#include "furrow-store-private.h"
#include "furrow-store-restore-testing.h"
#include "furrow-store-testing.h"
#include "furrow-store.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

typedef FurrowTestStore Fixture;

static void
set_up_demo (Fixture       *fixture,
             gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_DEMO, NULL);
}

static void
set_up_empty (Fixture       *fixture,
              gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_EMPTY, NULL);
}

static void
set_up_folder (Fixture       *fixture,
               gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, NULL);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  furrow_test_store_tear_down (fixture);
}

/* An independent reading of the file through SQLite itself, not the store: every row of every
 * table but the audit log, in rowid order, each value with its type, hashed (SHA-256). */
static char *
hash_rows (const char *path,
           gint64     *n_audit)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'rtree_%'"
                                       " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 10);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);

      if (strcmp (table, "audit_log") == 0)
        {
          g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

          g_assert_cmpint (sqlite3_prepare_v2 (db, count, -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          *n_audit = sqlite3_column_int64 (stmt, 0);
          sqlite3_finalize (stmt);
          continue;
        }
      g_checksum_update (checksum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            int type = sqlite3_column_type (stmt, c);
            const guchar *bytes = sqlite3_column_blob (stmt, c);

            g_checksum_update (checksum, (const guchar *) &type, sizeof type);
            if (bytes != NULL)
              g_checksum_update (checksum, bytes, sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
count_cb (FurrowStore        *store,
          GObject            *object,
          FurrowRecordChange  change,
          guint              *count)
{
  if (object == NULL)
    (*count)++;
}

static gboolean
add_bad_households (FurrowStore  *store,
                    gpointer      user_data,
                    GError      **error)
{
  for (guint i = 1; i <= 5; i++)
    {
      g_autoptr(FurrowHousehold) household = furrow_household_new ();
      g_autofree char *code = g_strdup_printf ("37078210220109%04u", i);

      g_object_set (household, "code", code, "name", "错户", NULL);
      if (!furrow_store_add_household (store, household, error))
        return FALSE;
    }
  return TRUE;
}

/* The demo (300 households, docs/domain.md, The demo cooperative) gets a bad import of five
 * households; restoring the point taken before it gives back every row as it was. */
static void
test_restore_after_bad_import (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_import = NULL;
  g_autofree char *after_restore = NULL;
  g_autofree char *import_id = NULL;
  g_autoptr(GListModel) households = furrow_store_get_households (fixture->store);
  gint64 audit_before = -1, audit_after = -1, audit_restored = -1;
  guint signalled = 0;
  FurrowRestorePoint *point;

  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 300);
  before = hash_rows (fixture->path, &audit_before);
  g_signal_connect (fixture->store, "household-changed", G_CALLBACK (count_cb), &signalled);

  /* The import takes its point before it begins. */
  g_assert_true (furrow_store_begin_import (fixture->store, "bad.csv", &error));
  g_assert_no_error (error);
  g_assert_true (add_bad_households (fixture->store, NULL, &error));
  g_assert_true (furrow_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 305);
  after_import = hash_rows (fixture->path, &audit_after);
  g_assert_cmpstr (after_import, !=, before);
  g_assert_cmpint (audit_after, ==, audit_before + 1);  /* the import's one audit row */

  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  point = g_ptr_array_index (points, 0);
  g_assert_cmpint (point->reason, ==, FURROW_RESTORE_REASON_IMPORT);
  g_assert_cmpuint (point->size, >, 0);
  g_assert_false (furrow_store_path_is_project (fixture->path, point->path));
  import_id = g_strdup (point->id);
  g_clear_pointer (&points, g_ptr_array_unref);

  signalled = 0;
  g_assert_true (furrow_store_restore (fixture->store, import_id, &error));
  g_assert_no_error (error);
  /* The store reloaded: the model holds the 300 again, and said so once. */
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 300);
  g_assert_cmpuint (signalled, ==, 1);
  g_assert_cmpint (furrow_store_count_households (fixture->store, NULL), ==, 300);
  g_assert_null (furrow_store_find_household (fixture->store, "370782102201090001"));

  /* Every row as before the import; the audit log as before plus the restore's own row (the
   * import's row went with the import). */
  after_restore = hash_rows (fixture->path, &audit_restored);
  g_assert_cmpstr (after_restore, ==, before);
  g_assert_cmpint (audit_restored, ==, audit_before + 1);

  /* The restore left a point of the state it replaced, newest first. */
  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_cmpint (((FurrowRestorePoint *) g_ptr_array_index (points, 0))->reason, ==,
                   FURROW_RESTORE_REASON_RESTORE);
  g_assert_cmpstr (((FurrowRestorePoint *) g_ptr_array_index (points, 1))->id, ==, import_id);

  /* And that one brings the bad import back: nothing is lost by restoring. */
  g_assert_true (furrow_store_restore (fixture->store,
                                       ((FurrowRestorePoint *) g_ptr_array_index (points, 0))->id,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 305);
}
FURROW_TEST_FIXTURE ("/furrow/core/restore-points/restore-after-bad-import", Fixture,
                     set_up_demo, test_restore_after_bad_import, tear_down);

static void
test_unknown_id (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (furrow_store_restore (fixture->store, "20200101-000000", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "20200101-000000"));
}
FURROW_TEST_FIXTURE ("/furrow/core/restore-points/unknown-id", Fixture,
                     set_up_empty, test_unknown_id, tear_down);

static gboolean
has_point (GPtrArray  *points,
           const char *id)
{
  for (guint i = 0; i < points->len; i++)
    if (strcmp (((FurrowRestorePoint *) g_ptr_array_index (points, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

/* Pruning with made-up times (UTC is the local time here): points on 2026-04-01 and 2026-05-01
 * 10:00, then three a day (08:00, 09:00, 10:00) from 2026-06-01 to 2026-06-30. At 2026-06-30
 * 12:00 the rules keep:
 *   the newest 20: 06-30 … 06-25 (6 days × 3 = 18), 06-24 10:00 and 06-24 09:00;
 *   the newest of each day after 2026-05-31 12:00: 06-23 … 06-01 at 10:00 (23 more; 06-24 and
 *   later are already kept);
 * 20 + 23 = 43. Gone: 06-24 08:00, the 08:00 and 09:00 of 06-01 … 06-23, 05-01 and 04-01. */
static void
test_prune (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 30, 12, 0, 0);
  static const int old_months[] = { 4, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (old_months); i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (2026, old_months[i], 1, 10, 0, 0);

      g_assert_true (furrow_store_take_restore_point_at (fixture->store,
                                                         FURROW_RESTORE_REASON_IMPORT, time,
                                                         &error));
      g_assert_no_error (error);
    }
  for (int day = 1; day <= 30; day++)
    for (int hour = 8; hour <= 10; hour++)
      {
        g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 6, day, hour, 0, 0);

        g_assert_true (furrow_store_take_restore_point_at (fixture->store,
                                                           FURROW_RESTORE_REASON_SETTLE, time,
                                                           &error));
        g_assert_no_error (error);
      }
  furrow_restore_points_prune (fixture->path, now);

  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 43);
  g_assert_cmpstr (((FurrowRestorePoint *) g_ptr_array_index (points, 0))->id, ==,
                   "20260630-100000");
  g_assert_true (has_point (points, "20260624-090000"));   /* the 20th newest */
  g_assert_false (has_point (points, "20260624-080000"));  /* the 21st, not its day's newest */
  g_assert_true (has_point (points, "20260601-100000"));   /* its day's newest, 29 days back */
  g_assert_false (has_point (points, "20260601-090000"));
  g_assert_false (has_point (points, "20260501-100000"));  /* over 30 days */
  g_assert_false (has_point (points, "20260401-100000"));

  /* A month later with nothing new, the newest 20 stay. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 8, 30, 12, 0, 0);
    g_autoptr(GPtrArray) left = NULL;

    furrow_restore_points_prune (fixture->path, later);
    left = furrow_restore_points_list (fixture->path, NULL);
    g_assert_cmpuint (left->len, ==, 20);
    g_assert_true (has_point (left, "20260624-090000"));
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/restore-points/prune", Fixture,
                     set_up_empty, test_prune, tear_down);

/* Opening a file of schema 1 takes a point of it as it was; restoring that point migrates it
 * forward again. */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(FurrowStore) store = NULL;
  FurrowRestorePoint *point;

  {
    g_autoptr(FurrowStore) v1 = _furrow_store_create_at_version (fixture->path, 1, &error);

    g_assert_no_error (error);
  }
  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_cmpuint (points->len, ==, 0);
  g_clear_pointer (&points, g_ptr_array_unref);

  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_cmpuint (points->len, ==, 1);
  point = g_ptr_array_index (points, 0);
  g_assert_cmpint (point->reason, ==, FURROW_RESTORE_REASON_MIGRATION);

  g_assert_true (furrow_store_restore (store, point->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
}
FURROW_TEST_FIXTURE ("/furrow/core/restore-points/migration", Fixture,
                     set_up_folder, test_migration, tear_down);

static void
set_utc (void)
{
  g_setenv ("TZ", "UTC", TRUE);
}

FURROW_TEST_MAIN (.set_up = set_utc);
