/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "furrow-store-restore.h"
#include "furrow-store-season.h"
#include "furrow-store.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* furrow-cli restore-points and restore (docs/architecture.md, Restore points), run as a script
 * would on the demo cooperative: a bulk plan leaves a point, restoring it takes the plans away
 * again and leaves a point of its own; bad calls exit 1 or 2 with one line. */

typedef FurrowTestStore Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_DEMO_FILE, "demo.gpkg");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  furrow_test_store_tear_down (fixture);
}

/* The plans of season S in the file, read through a store of the test's own. */
static guint
count_plans (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_store_open (path, &error);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GArray) plans = NULL;

  g_assert_no_error (error);
  season = furrow_test_store_find_season (store, "S");
  g_assert_nonnull (season);
  plans = furrow_store_get_plans (store, season, &error);
  g_assert_no_error (error);
  return plans->len;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_list_and_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first;
  int status;

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore-points", "--project", fixture->path,
                                        NULL), ==, 0);
  g_assert_nonnull (strstr (out, "has no restore points yet"));
  g_clear_pointer (&out, g_free);

  /* A season planned whole: 40 fields (the demo's, docs/domain.md, The demo cooperative). */
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", fixture->path,
                                        "create", "S", "--year", "2026", NULL), ==, 0);
  status = furrow_test_run_cli (NULL, &err, "season", "--project", fixture->path, "plan", "S",
                                "--all", NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_plans (fixture->path), ==, 40);

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore-points", "--project", fixture->path,
                                        "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==,
                   "Before applying a pattern to many fields");
  g_assert_cmpint (json_object_get_int_member (first, "size"), >, 100000);
  id = g_strdup (json_object_get_string_member (first, "id"));
  g_assert_cmpuint (strlen (id), ==, strlen ("20261207-004118"));
  g_clear_pointer (&out, g_free);

  /* The text listing: id, date and time, size, reason on one line. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore-points", "--project", fixture->path,
                                        NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_assert_true (g_str_has_prefix (out, id));
  g_assert_nonnull (strstr (out, "Before applying a pattern to many fields"));
  g_clear_pointer (&out, g_free);

  /* Back to before the plans: the counts of the demo, no plans, a point of the state before. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore", "--project", fixture->path, id,
                                        NULL), ==, 0);
  expected = g_strdup_printf ("Restored %s from restore point %s: 40 fields, 300 households, "
                              "1000 parcels.", fixture->path, id);
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_cmpuint (count_plans (fixture->path), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore-points", "--project", fixture->path,
                                        NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 2);
  g_assert_nonnull (strstr (out, "Before going back to a restore point"));
  g_clear_pointer (&out, g_free);

  /* --json: going back to the same point again keeps the present state first, a third point. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore", "--project", fixture->path, id,
                                        "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  first = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (first, "restored"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (first, "kept"), !=, id);
  g_assert_cmpint (json_object_get_int_member (first, "parcels"), ==, 1000);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore-points", "--project", fixture->path,
                                        NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 3);
}
FURROW_TEST_FIXTURE ("/furrow/cli/restore/list-and-restore", Fixture, set_up,
                     test_list_and_restore, tear_down);

/* The commits in a WAL file (SQLite's file format, section 4.1): a 32-byte header (the page size
 * at bytes 8–11, two salts at 16–23), then frames of a 24-byte header and a page; a frame whose
 * bytes 4–7 (the database size after it) are not 0 ends a transaction, and a frame of this WAL
 * carries the header's salts at its bytes 8–15. */
static guint
count_wal_commits (const char *wal_path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const guchar *bytes;
  gsize length, page_size;
  guint commits = 0;

  g_file_get_contents (wal_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 32);
  bytes = (const guchar *) contents;
  page_size = (gsize) bytes[8] << 24 | (gsize) bytes[9] << 16 | (gsize) bytes[10] << 8 | bytes[11];
  g_assert_cmpuint (page_size, >=, 512);
  for (gsize frame = 32; frame + 24 + page_size <= length; frame += 24 + page_size)
    {
      if (memcmp (bytes + frame + 8, bytes + 16, 8) != 0)
        break;   /* left over from before the WAL restarted */
      if (bytes[frame + 4] != 0 || bytes[frame + 5] != 0 || bytes[frame + 6] != 0 ||
          bytes[frame + 7] != 0)
        commits++;
    }
  return commits;
}

/* A restore is one transaction on the project (docs/architecture.md, Restore points): the
 * restored rows and the "project.restore" audit row that says so are committed together, so a
 * kill -9 at any moment leaves the project before or after, never restored without its row
 * (issue 12; tests/cli/test-cli-kill.c kills it at random moments, this counts). The test keeps
 * a connection of its own on the project, so furrow-cli is not the last to close it and leaves
 * its WAL as written: after a checkpoint that empties it, the restore must add exactly one
 * commit (the backup, with the audit row inside; the restore point is read from the project,
 * the reload only reads). Two commits were the gap: the copy, then the audit row. */
static void
test_restore_one_commit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *object = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", fixture->path,
                                        "create", "S", "--year", "2026", NULL), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", fixture->path,
                                        "plan", "S", "--all", NULL), ==, 0);
  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  id = g_strdup (((FurrowRestorePoint *) g_ptr_array_index (points, 0))->id);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  /* A read joins the WAL: this connection now counts as one that has the project open. */
  g_assert_cmpint (sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "restore", "--project", fixture->path, id,
                                        NULL), ==, 0);
  g_assert_cmpuint (count_wal_commits (wal), ==, 1);

  /* That one commit holds the restored rows (no plans) and, last, the audit row. */
  object = g_strdup_printf ("restore-point:%s", id);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, object FROM audit_log"
                                       " ORDER BY id DESC LIMIT 1", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "project.restore");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, object);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM plans", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}
FURROW_TEST_FIXTURE ("/furrow/cli/restore/one-commit", Fixture, set_up, test_restore_one_commit,
                     tear_down);

/* A damaged project cannot be opened (docs/architecture.md, Opening, backup, check), so it is
 * replaced whole: 4 KiB of noise 200 KiB into the demo, then restore → the demo's counts. */
static void
test_restore_damaged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autofree char *id = NULL;
  guint8 noise[4096];
  FILE *file;

  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", fixture->path,
                                        "create", "S", "--year", "2026", NULL), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", fixture->path,
                                        "plan", "S", "--all", NULL), ==, 0);
  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  id = g_strdup (((FurrowRestorePoint *) g_ptr_array_index (points, 0))->id);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int ();
  file = fopen (fixture->path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 200 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (noise, 1, sizeof noise, file), ==, sizeof noise);
  fclose (file);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "list", "--project", fixture->path, "parcels",
                                        NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is damaged"));

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "restore", "--project", fixture->path, id,
                                        NULL), ==, 0);
  expected = g_strdup_printf ("Restored %s from restore point %s: 40 fields, 300 households, "
                              "1000 parcels.", fixture->path, id);
  g_assert_true (g_str_has_prefix (out, expected));
  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 1000);
  /* The file that replaced the damaged one says so in its own audit log: the point's rows and
   * then one row, "project.restore" of that point (written into the copy before the rename, so
   * never the one without the other). */
  {
    g_autofree char *object = g_strdup_printf ("restore-point:%s", id);
    sqlite3_stmt *stmt;
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, object FROM audit_log"
                                         " ORDER BY id DESC LIMIT 1", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "project.restore");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, object);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  /* The damaged bytes were kept as a point too. */
  g_clear_pointer (&points, g_ptr_array_unref);
  points = furrow_restore_points_list (fixture->path, &error);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_cmpint (((FurrowRestorePoint *) g_ptr_array_index (points, 0))->reason, ==,
                   FURROW_RESTORE_REASON_RESTORE);
}
FURROW_TEST_FIXTURE ("/furrow/cli/restore/damaged", Fixture, set_up, test_restore_damaged,
                     tear_down);

static void
test_bad_calls (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *missing = furrow_test_store_file (fixture, "missing.gpkg");

  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "restore", "--project", fixture->path,
                                        "20200101-000000", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "has no restore point 20200101-000000"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "restore", "--project", fixture->path, NULL),
                   ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "restore-points", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "restore-points", "--project", missing, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "no such file"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/cli/restore/bad-calls", Fixture, set_up, test_bad_calls,
                     tear_down);

FURROW_TEST_MAIN ();
