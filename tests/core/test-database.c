/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement layer under the store (app/core/store/furrow-database.h): its statement cache,
 * its typed binds and columns, and the one place that turns SQLite's result codes into
 * FURROW_STORE_ERROR_* codes. The failures are made real: a second connection holding the lock,
 * a file of random bytes, a read-only connection, a page limit that fills the "disk". */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "furrow-database-testing.h"
#include "furrow-store.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

typedef FurrowTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, "test.db");
}

static FurrowDatabase *
open_with_table (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FurrowDatabase *db = furrow_database_open (fixture->path, FURROW_DATABASE_CREATE, &error);

  g_assert_no_error (error);
  furrow_database_exec (db,
                        "PRAGMA foreign_keys = ON;"
                        "CREATE TABLE owner (id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL);"
                        "CREATE TABLE item (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES owner,"
                        " n INTEGER, x REAL, t TEXT, b BLOB);",
                        &error);
  g_assert_no_error (error);
  return db;
}

static const char *insert_owner = "INSERT INTO owner (code) VALUES (?1)";
static const char *select_owners = "SELECT id, code FROM owner ORDER BY id";

/* A released statement comes back from the cache; one still in use is not handed out twice. */
static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_with_table (fixture);
  g_autoptr(GError) error = NULL;
  FurrowStatement *first, *again, *outer, *inner;
  guint pairs = 0;

  first = furrow_database_prepare (db, insert_owner, &error);
  g_assert_no_error (error);
  furrow_statement_bind_text (first, 1, "A");
  g_assert_true (furrow_statement_run (first, &error));
  furrow_statement_release (first);

  again = furrow_database_prepare (db, insert_owner, &error);
  g_assert_true (again == first);
  furrow_statement_bind_text (again, 1, "B");
  g_assert_true (furrow_statement_run (again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_database_last_insert_id (db), ==, 2);
  g_assert_cmpint (furrow_database_changes (db), ==, 1);
  furrow_statement_release (again);

  /* A nested loop over the same query: 2 × 2 pairs. */
  outer = furrow_database_prepare (db, select_owners, &error);
  while (furrow_statement_step (outer, &error))
    {
      inner = furrow_database_prepare (db, select_owners, &error);
      g_assert_true (inner != outer);
      while (furrow_statement_step (inner, &error))
        pairs++;
      g_assert_no_error (error);
      furrow_statement_release (inner);
    }
  g_assert_no_error (error);
  furrow_statement_release (outer);
  g_assert_cmpuint (pairs, ==, 4);
}
FURROW_TEST_FIXTURE ("/furrow/core/database/cache", Fixture, fixture_set_up, test_cache,
                     furrow_test_store_fixture_tear_down);

static void
test_binds (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_with_table (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStatement) insert = NULL;
  g_autoptr(FurrowStatement) select = NULL;
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) copy = NULL;
  const guint8 blob[] = { 0x47, 0x50, 0x00, 0x01 };
  gsize size = 0;
  gint64 count = -1;

  insert = furrow_database_prepare (db, "INSERT INTO item (owner, n, x, t, b)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5)", &error);
  g_assert_no_error (error);
  furrow_statement_bind_id (insert, 1, 0);
  furrow_statement_bind_int64 (insert, 2, G_GINT64_CONSTANT (9007199254740993));
  furrow_statement_bind_double (insert, 3, 666.6666666666667);
  furrow_statement_bind_text (insert, 4, "田垄 “合作社”");
  furrow_statement_bind_blob (insert, 5, blob, sizeof blob);
  g_assert_true (furrow_statement_run (insert, &error));
  furrow_statement_release (g_steal_pointer (&insert));

  insert = furrow_database_prepare (db, "INSERT INTO item (owner, n, x, t, b)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5)", &error);
  furrow_statement_bind_null (insert, 1);
  furrow_statement_bind_boolean (insert, 2, TRUE);
  furrow_statement_bind_double (insert, 3, -0.5);
  furrow_statement_bind_text (insert, 4, NULL);
  furrow_statement_bind_bytes (insert, 5, empty);
  g_assert_true (furrow_statement_run (insert, &error));
  g_assert_no_error (error);

  select = furrow_database_prepare (db, "SELECT owner, n, x, t, b FROM item ORDER BY id", &error);
  g_assert_cmpint (furrow_statement_get_column_count (select), ==, 5);
  g_assert_cmpstr (furrow_statement_get_column_name (select, 3), ==, "t");
  g_assert_true (furrow_statement_step (select, &error));
  g_assert_true (furrow_statement_is_null (select, 0));
  g_assert_cmpint (furrow_statement_get_int64 (select, 1), ==,
                   G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpfloat (furrow_statement_get_double (select, 2), ==, 666.6666666666667);
  g_assert_cmpstr (furrow_statement_get_text (select, 3), ==, "田垄 “合作社”");
  g_assert_cmpmem (furrow_statement_get_blob (select, 4, &size), size, blob, sizeof blob);
  g_assert_true (furrow_statement_step (select, &error));
  g_assert_true (furrow_statement_get_boolean (select, 1));
  g_assert_null (furrow_statement_get_text (select, 3));
  g_assert_null (furrow_statement_dup_text (select, 3));
  g_assert_false (furrow_statement_is_null (select, 4));
  copy = furrow_statement_dup_bytes (select, 4);
  g_assert_cmpuint (g_bytes_get_size (copy), ==, 0);
  g_assert_false (furrow_statement_step (select, &error));
  g_assert_no_error (error);

  g_assert_true (furrow_database_query_int (db, "SELECT count(*) FROM item", &count, &error));
  g_assert_cmpint (count, ==, 2);

  /* A bind to a position the statement does not have fails on the step, and nothing is written. */
  furrow_statement_release (g_steal_pointer (&insert));
  insert = furrow_database_prepare (db, insert_owner, &error);
  furrow_statement_bind_text (insert, 2, "no such position");
  g_assert_false (furrow_statement_run (insert, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED);
  g_clear_error (&error);
  count = -1;
  g_assert_true (furrow_database_query_int (db, "SELECT count(*) FROM owner", &count, &error));
  g_assert_cmpint (count, ==, 0);
}
FURROW_TEST_FIXTURE ("/furrow/core/database/binds", Fixture, fixture_set_up, test_binds,
                     furrow_test_store_fixture_tear_down);

static void
test_constraints (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_with_table (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;

  g_assert_true (furrow_database_exec (db, "INSERT INTO owner (code) VALUES ('A')", &error));
  g_assert_false (furrow_database_exec (db, "INSERT INTO owner (code) VALUES ('A')", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_cmpint (furrow_database_get_constraint (db), ==, FURROW_DATABASE_CONSTRAINT_UNIQUE);
  g_clear_error (&error);

  stmt = furrow_database_prepare (db, "INSERT INTO item (owner) VALUES (?1)", &error);
  furrow_statement_bind_id (stmt, 1, 42);
  g_assert_false (furrow_statement_run (stmt, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (furrow_database_get_constraint (db), ==,
                   FURROW_DATABASE_CONSTRAINT_FOREIGN_KEY);
  g_clear_error (&error);

  g_assert_false (furrow_database_exec (db, "INSERT INTO owner (code) VALUES (NULL)", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (furrow_database_get_constraint (db), ==, FURROW_DATABASE_CONSTRAINT_CHECK);
  g_clear_error (&error);

  g_assert_null (furrow_database_prepare (db, "SELEKT 1", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED);
  g_assert_cmpint (furrow_database_get_constraint (db), ==, FURROW_DATABASE_CONSTRAINT_NONE);
}
FURROW_TEST_FIXTURE ("/furrow/core/database/constraints", Fixture, fixture_set_up, test_constraints,
                     furrow_test_store_fixture_tear_down);

/* Another connection holds the write lock: BUSY, and the message says the file is in use. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_with_table (fixture);
  g_autoptr(FurrowDatabase) other = NULL;
  g_autoptr(GError) error = NULL;

  other = furrow_database_open (fixture->path, FURROW_DATABASE_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_database_exec (other, "BEGIN EXCLUSIVE", &error));
  g_assert_true (furrow_database_in_transaction (other));
  g_assert_false (furrow_database_in_transaction (db));
  g_assert_true (furrow_database_exec (db, "PRAGMA busy_timeout = 0", &error));
  g_assert_false (furrow_database_exec (db, "INSERT INTO owner (code) VALUES ('A')", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);
  g_assert_true (furrow_database_exec (other, "ROLLBACK", &error));
  g_assert_true (furrow_database_exec (db, "INSERT INTO owner (code) VALUES ('A')", &error));
  g_assert_no_error (error);
}
FURROW_TEST_FIXTURE ("/furrow/core/database/busy", Fixture, fixture_set_up, test_busy,
                     furrow_test_store_fixture_tear_down);

/* 8 KiB of random bytes where a database should be: CORRUPT on first use, naming the file. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint8 bytes[8192];
  gint64 value = -1;

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (fixture->path, (const char *) bytes, sizeof bytes, &error));
  db = furrow_database_open (fixture->path, FURROW_DATABASE_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (furrow_database_query_int (db, "SELECT count(*) FROM sqlite_master", &value,
                                             &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_cmpint (value, ==, -1);
}
FURROW_TEST_FIXTURE ("/furrow/core/database/damaged", Fixture, fixture_set_up, test_damaged,
                     furrow_test_store_fixture_tear_down);

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_with_table (fixture);
  g_autoptr(FurrowDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = furrow_database_open (fixture->path, FURROW_DATABASE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (furrow_database_exec (reader, "INSERT INTO owner (code) VALUES ('A')", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FILE_READ_ONLY);
  g_clear_error (&error);

  /* No file and no CREATE flag: nothing is made. */
  g_clear_pointer (&reader, furrow_database_free);
  g_unlink (fixture->path);
  g_assert_null (furrow_database_open (fixture->path, FURROW_DATABASE_READ_WRITE, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/core/database/read-only", Fixture, fixture_set_up, test_read_only,
                     furrow_test_store_fixture_tear_down);

/* A page limit stands in for a full disk: FULL, and the transaction can be rolled back. */
static void
test_full (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_with_table (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (4000, 'x');
  gint64 pages = 0, count = -1;

  g_assert_true (furrow_database_query_int (db, "PRAGMA page_count", &pages, &error));
  g_assert_true (furrow_database_exec (db, "PRAGMA max_page_count = 8", &error));
  g_assert_true (furrow_database_exec (db, "BEGIN", &error));
  for (int i = 0; i < 100 && error == NULL; i++)
    {
      g_autoptr(FurrowStatement) stmt =
        furrow_database_prepare (db, "INSERT INTO item (t) VALUES (?1)", &error);

      furrow_statement_bind_text (stmt, 1, text);
      furrow_statement_run (stmt, &error);
    }
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FULL);
  g_clear_error (&error);
  /* SQLite may already have rolled the transaction back on SQLITE_FULL. */
  if (furrow_database_in_transaction (db))
    g_assert_true (furrow_database_exec (db, "ROLLBACK", &error));
  g_assert_true (furrow_database_query_int (db, "SELECT count(*) FROM item", &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 0);
  g_assert_cmpint (pages, <, 8);
}
FURROW_TEST_FIXTURE ("/furrow/core/database/full", Fixture, fixture_set_up, test_full,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
