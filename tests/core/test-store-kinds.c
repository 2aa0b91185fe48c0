/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The record-kind table of the store (furrow-store-kinds.c, docs/architecture.md "The store"):
 * each row's statements agree with its columns, and fields, households and parcels are added,
 * found, updated and deleted through the one generic path with each kind's hooks (a parcel's
 * household, a field's registered area, a household's code followed by its parcels). */

#include "config.h"

#include <string.h>

#include "furrow-database-testing.h"
#include "furrow-store-private.h"
#include "furrow-store-testing.h"
#include "furrow-store.h"
#include "furrow-test-pg.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* The distinct ?N placeholders of a statement. */
static guint
count_placeholders (const char *sql)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = strchr (sql, '?'); p != NULL; p = strchr (p + 1, '?'))
    {
      gsize n = strspn (p + 1, "0123456789");

      g_hash_table_add (seen, g_strndup (p, n + 1));
    }
  return g_hash_table_size (seen);
}

/* Each row: a written column is a placeholder of INSERT (and of UPDATE, which adds the row id,
 * the writer, the row version read (v9) and the time it is written (v13); DELETE has the id and
 * the version, v9);
 * the SELECTs give the read columns, the code where the column named "code" is among them; the
 * kind's type is its model's and its objects'. */
static void
test_table (FurrowTestStore *fixture,
            gconstpointer    data)
{
  FurrowDatabase *database = _furrow_store_get_database (fixture->store);

  for (FurrowKind kind_id = 0; kind_id < FURROW_N_KINDS; kind_id++)
    {
      const FurrowRecordKind *kind = _furrow_store_kind (kind_id);
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowStatement) stmt = NULL;
      g_autoptr(GObject) object = g_object_new (kind->get_type (), NULL);
      guint n_written = 0, n_read = 0;
      int code_read = -1;

      for (guint i = 0; i < kind->n_columns; i++)
        {
          n_written += kind->columns[i].name != NULL;
          if (kind->columns[i].set != NULL && g_strcmp0 (kind->columns[i].name, "code") == 0)
            code_read = (int) n_read;
          n_read += kind->columns[i].set != NULL;
        }
      g_assert_cmpint (code_read, >=, 0);
      g_assert_cmpuint (count_placeholders (_furrow_store_kind_write_sql (kind_id,
                                                                          FURROW_RECORD_ADDED)),
                        ==, n_written);
      g_assert_cmpuint (count_placeholders (_furrow_store_kind_write_sql (kind_id,
                                                                          FURROW_RECORD_UPDATED)),
                        ==, n_written + 4);
      g_assert_cmpuint (count_placeholders (kind->delete), ==, 2);
      g_assert_cmpuint (count_placeholders (_furrow_store_kind_sql (kind_id,
                                                                    FURROW_KIND_SQL_SELECT_ID)),
                        ==, 1);
      g_assert_cmpuint (count_placeholders (kind->select_changed_by), ==, 1);
      g_assert_cmpuint (count_placeholders (kind->select_stored), ==, 1);
      g_assert_nonnull (kind->read_stored);

      stmt = furrow_database_prepare (database,
                                      _furrow_store_kind_sql (kind_id, FURROW_KIND_SQL_SELECT_ALL),
                                      &error);
      g_assert_no_error (error);
      g_assert_cmpint (furrow_statement_get_column_count (stmt), ==, (int) n_read);
      g_assert_cmpstr (furrow_statement_get_column_name (stmt, code_read), ==, "code");
      g_clear_pointer (&stmt, furrow_statement_release);
      stmt = furrow_database_prepare (database,
                                      _furrow_store_kind_sql (kind_id,
                                                              FURROW_KIND_SQL_SELECT_CODE),
                                      &error);
      g_assert_no_error (error);
      g_assert_cmpint (furrow_statement_get_column_count (stmt), ==, (int) n_read);
      g_clear_pointer (&stmt, furrow_statement_release);
      stmt = furrow_database_prepare (database,
                                      _furrow_store_kind_sql (kind_id, FURROW_KIND_SQL_SELECT_ID),
                                      &error);
      g_assert_no_error (error);
      g_assert_cmpint (furrow_statement_get_column_count (stmt), ==, (int) n_read);
      /* The row version is the last column read (v9). */
      g_assert_cmpstr (furrow_statement_get_column_name (stmt, (int) n_read - 1), ==,
                       "row_version");

      g_assert_cmpint (_furrow_store_kind_of (object), ==, kind_id);
      g_assert_true (g_list_model_get_item_type (_furrow_store_get_model (fixture->store,
                                                                          kind_id)) ==
                     kind->get_type ());
    }
}
FURROW_TEST_FIXTURE ("/furrow/core/store-kinds/table", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_table,
                     furrow_test_store_fixture_tear_down);

static void
assert_audit (FurrowStore *store,
              const char  *object,
              const char  *expected)
{
  g_auto(GStrv) rows = _furrow_store_get_audit (store, object);
  g_autofree char *text = g_strjoinv ("\n", rows);

  g_assert_cmpstr (text, ==, expected);
}

/* The statements made from the columns are the text the store always wrote (the statement cache
 * and SQLite see the same SQL as before the table), an UPDATE with v9's row version: raised by
 * one, ?n+2 the writer, ?n+4 the time (v13), and only where it is still the version read,
 * ?n+3 (NULL: any). */
static void
test_write_sql (void)
{
  g_assert_cmpstr (_furrow_store_kind_write_sql (FURROW_KIND_FIELD, FURROW_RECORD_ADDED), ==,
                   "INSERT INTO fields (geom, code, name, notes, custody, measured_area_m2)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
  g_assert_cmpstr (_furrow_store_kind_write_sql (FURROW_KIND_HOUSEHOLD, FURROW_RECORD_UPDATED),
                   ==,
                   "UPDATE households SET code = ?1, name = ?2, members = ?3, phone = ?4,"
                   " id_number = ?5, notes = ?6, bank = ?7, bank_branch = ?8,"
                   " account_number = ?9, account_holder = ?10,"
                   " row_version = row_version + 1, changed_by = ?12, changed_at = ?14"
                   " WHERE id = ?11 AND row_version = coalesce (?13, row_version)");
  g_assert_cmpstr (_furrow_store_kind_write_sql (FURROW_KIND_PARCEL, FURROW_RECORD_ADDED), ==,
                   "INSERT INTO parcels (geom, code, household_id, field_id, name,"
                   " registered_area_m2, surveyed_area_m2, measured_area_m2, land_use,"
                   " land_grade, neighbour_east, neighbour_west, neighbour_south,"
                   " neighbour_north, custody, entrusted_from, entrusted_to)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                   " ?15, ?16, ?17) RETURNING id");
  g_assert_cmpstr (_furrow_store_kind_write_sql (FURROW_KIND_PARCEL, FURROW_RECORD_UPDATED), ==,
                   "UPDATE parcels SET geom = ?1, code = ?2, household_id = ?3,"
                   " field_id = ?4, name = ?5, registered_area_m2 = ?6,"
                   " surveyed_area_m2 = ?7, measured_area_m2 = ?8, land_use = ?9,"
                   " land_grade = ?10, neighbour_east = ?11, neighbour_west = ?12,"
                   " neighbour_south = ?13, neighbour_north = ?14, custody = ?15,"
                   " entrusted_from = ?16, entrusted_to = ?17,"
                   " row_version = row_version + 1, changed_by = ?19, changed_at = ?21"
                   " WHERE id = ?18 AND row_version = coalesce (?20, row_version)");
  /* The SELECTs, now made from the read columns too: the text the kinds' hand-written column
   * lists gave before (FIELD_COLUMNS, HOUSEHOLD_COLUMNS, PARCEL_COLUMNS of r15a's v9). */
  g_assert_cmpstr (_furrow_store_kind_sql (FURROW_KIND_FIELD, FURROW_KIND_SQL_SELECT_ALL), ==,
                   "SELECT f.id, f.geom, f.code, f.name, f.notes, f.custody,"
                   " (SELECT total (p.registered_area_m2) FROM parcels p WHERE p.field_id = f.id),"
                   " f.row_version FROM fields f ORDER BY f.id");
  g_assert_cmpstr (_furrow_store_kind_sql (FURROW_KIND_HOUSEHOLD, FURROW_KIND_SQL_SELECT_CODE),
                   ==,
                   "SELECT id, code, name, members, phone, id_number, notes, bank, bank_branch,"
                   " account_number, account_holder, row_version FROM households WHERE code = ?1");
  g_assert_cmpstr (_furrow_store_kind_sql (FURROW_KIND_PARCEL, FURROW_KIND_SQL_SELECT_ID), ==,
                   "SELECT p.id, p.geom, p.code, h.code, p.field_id, p.name,"
                   " p.registered_area_m2, p.surveyed_area_m2, p.land_use, p.land_grade,"
                   " p.neighbour_east, p.neighbour_west, p.neighbour_south, p.neighbour_north,"
                   " p.custody, p.entrusted_from, p.entrusted_to, p.row_version"
                   " FROM parcels p JOIN households h ON h.id = p.household_id"
                   " WHERE p.id = ?1");
  /* Made once: the same text, the same address. */
  g_assert_true (_furrow_store_kind_write_sql (FURROW_KIND_PARCEL, FURROW_RECORD_ADDED) ==
                 _furrow_store_kind_write_sql (FURROW_KIND_PARCEL, FURROW_RECORD_ADDED));
}
FURROW_TEST ("/furrow/core/store-kinds/write-sql", test_write_sql);

/* One household, field and parcel added, changed and deleted: the ids, the live objects, the
 * audit rows and the hooks of each kind. */
static void
test_round_trip (FurrowTestStore *fixture,
                 gconstpointer    data)
{
  FurrowStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(FurrowParcel) stray = furrow_parcel_new ();
  g_autoptr(FurrowParcel) copy = NULL;
  g_autoptr(FurrowField) found = NULL;
  /* The models loaded first: an added object is then the model's own. */
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);

  furrow_household_set_code (household, "371426101201010001");
  furrow_household_set_name (household, "王建国");
  g_assert_true (furrow_store_add_household (store, household, &error));
  g_assert_no_error (error);
  furrow_field_set_code (field, "N001");
  g_assert_true (furrow_store_add_field (store, field, &error));
  g_assert_no_error (error);
  /* A NULL name is written as "" (a NAME column). */
  found = furrow_store_find_field (store, "N001");
  g_assert_cmpstr (furrow_field_get_name (found), ==, "");

  furrow_parcel_set_code (parcel, "3714261012010100010001");
  furrow_parcel_set_household_code (parcel, "371426101201010001");
  furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
  furrow_parcel_set_registered_area_m2 (parcel, 2000.0);
  g_assert_true (furrow_store_add_parcel (store, parcel, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_parcel_get_id (parcel), >, 0);
  g_assert_true (furrow_store_get_parcel_by_id (store, furrow_parcel_get_id (parcel)) == parcel);
  g_assert_true (furrow_store_get_household_by_id (store, furrow_household_get_id (household)) ==
                 household);
  g_assert_true (furrow_store_get_field_by_id (store, furrow_field_get_id (field)) == field);
  /* The parcel hook found the household's row; the field's registered area followed the commit. */
  copy = furrow_store_find_parcel (store, "3714261012010100010001");
  g_assert_cmpstr (furrow_parcel_get_household_code (copy), ==, "371426101201010001");
  g_assert_cmpint (furrow_parcel_get_field_id (copy), ==, furrow_field_get_id (field));
  g_assert_cmpfloat (furrow_field_get_registered_area_m2 (field), ==, 2000.0);

  /* A parcel of a household not in the project is refused before anything is written. */
  furrow_parcel_set_code (stray, "3714261012010100010002");
  furrow_parcel_set_household_code (stray, "371426101201019999");
  g_assert_false (furrow_store_add_parcel (store, stray, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (furrow_parcel_get_id (stray), ==, 0);

  /* A household's new code: audited with both codes, followed by its parcels in the model. */
  furrow_household_set_code (household, "371426101201010002");
  furrow_household_set_members (household, 4);
  g_assert_true (furrow_store_update_household (store, household, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_parcel_get_household_code (parcel), ==, "371426101201010002");
  furrow_parcel_set_registered_area_m2 (parcel, 2833.33);
  g_assert_true (furrow_store_update_parcel (store, parcel, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (furrow_field_get_registered_area_m2 (field), ==, 2833.33);

  /* The household keeps its parcel: IN_USE; then the parcel, the household, the field. */
  g_assert_false (furrow_store_delete_household (store, household, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (furrow_store_delete_parcel (store, parcel, &error) &&
                 furrow_store_delete_household (store, household, &error) &&
                 furrow_store_delete_field (store, field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_parcel_get_id (parcel), ==, 0);
  g_assert_cmpint (furrow_household_get_id (household), ==, 0);
  g_assert_cmpint (furrow_field_get_id (field), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 0);
  g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 0);
  g_assert_cmpint (furrow_store_count_households (store, NULL), ==, 0);
  g_assert_cmpint (furrow_store_count_fields (store, NULL), ==, 0);

  assert_audit (store, "parcel:3714261012010100010001",
                "add|registered_area_m2 2000.00; measured_area_m2 0.00\n"
                "update|registered_area_m2 2000.00 -> 2833.33\n"
                "delete|registered_area_m2 2833.33 -> 0.00");
  assert_audit (store, "household:371426101201010001", "add|");
  assert_audit (store, "household:371426101201010002",
                "update|code 371426101201010001 -> 371426101201010002; members changed\n"
                "delete|");
  assert_audit (store, "field:N001", "add|measured_area_m2 0.00\ndelete|");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-kinds/round-trip", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_round_trip,
                     furrow_test_store_fixture_tear_down);

/* In one import batch, households …0001 to …0003 when the store lacks them and `n` parcels
 * numbered from `first` + 1 (parcel i of household i mod 3 + 1, i m², outlined by `geometry`
 * when it is not NULL), the parcel `duplicate_at` (0: none) numbered 1 instead; returns the
 * batch's outcome, the first failure in error. */
static gboolean
import_batch (FurrowStore           *store,
              const char            *source,
              guint                  first,
              guint                  n,
              guint                  duplicate_at,
              const FurrowGeometry  *geometry,
              GPtrArray             *parcels,
              GError               **error)
{
  if (!furrow_store_begin_import (store, source, error))
    return FALSE;
  for (guint i = 1; i <= 3 && furrow_store_count_households (store, NULL) < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("37142610120101%04u", i);
      g_autoptr(FurrowHousehold) household = furrow_household_new ();

      furrow_household_set_code (household, code);
      if (!furrow_store_add_household (store, household, error))
        goto failed;
    }
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *code = g_strdup_printf ("371426101201010001%05u",
                                               i == duplicate_at ? 1 : first + i);
      g_autofree char *household = g_strdup_printf ("37142610120101%04u", i % 3 + 1);
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();

      furrow_parcel_set_code (parcel, code);
      furrow_parcel_set_household_code (parcel, household);
      furrow_parcel_set_registered_area_m2 (parcel, i);
      if (geometry != NULL)
        furrow_parcel_set_geometry (parcel, geometry);
      if (!furrow_store_add_parcel (store, parcel, error))
        goto failed;
      g_ptr_array_add (parcels, g_steal_pointer (&parcel));
    }
  return furrow_store_commit (store, error);

failed:
  furrow_store_rollback (store);
  return FALSE;
}

/* An import batch (on a server its rows are sent in pipeline mode, answered 1,000 at a time,
 * docs/benchmarks.md): every parcel gets the id of its row, one audit row counts them; a
 * duplicate code among the first thousand or after fails the whole batch with the duplicate's
 * own message, and nothing of it is written. */
static void
test_import_batch (FurrowTestStore *fixture,
                   gconstpointer    data)
{
  FurrowStore *store = fixture->store;
  g_autoptr(GPtrArray) parcels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (import_batch (store, "parcels.shp", 0, 1500, 0, NULL, parcels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parcels->len, ==, 1500);
  for (guint i = 0; i < parcels->len; i++)
    {
      FurrowParcel *parcel = parcels->pdata[i];
      g_autoptr(FurrowParcel) stored = furrow_store_find_parcel (store,
                                                                 furrow_parcel_get_code (parcel));
      gint64 id = furrow_parcel_get_id (parcel);

      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (furrow_parcel_get_id (stored), ==, id);
      g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (stored), ==, i + 1);
      g_assert_true (g_hash_table_add (ids, g_memdup2 (&id, sizeof id)));
    }
  g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 1500);
  assert_audit (store, "import:parcels.shp", "import|households 3; parcels 1500");

  /* The duplicate answered at the 1,001st parcel's flush, then at the commit's. */
  for (guint duplicate_at = 700; duplicate_at <= 1200; duplicate_at += 500)
    {
      g_assert_false (import_batch (store, "again.shp", 2000, 1500, duplicate_at, NULL, failed,
                                   &error));
      g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE);
      g_assert_nonnull (strstr (error->message, "parcel 37142610120101000100001 "));
      g_clear_error (&error);
      g_assert_false (furrow_store_in_transaction (store));
      g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 1500);
      assert_audit (store, "import:again.shp", "");
    }
}
FURROW_TEST_FIXTURE ("/furrow/core/store-kinds/import-batch", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_import_batch,
                     furrow_test_store_fixture_tear_down);

/* An import batch on a server sends its parcels a thousand to a statement, outlines included
 * (docs/benchmarks.md, Where the server's time goes): until 909ca24 binding each parcel's
 * outline sent the rows kept before it, so that 2,500 parcels went as 2,500 INSERTs. The
 * statements that write parcels are counted around Furrow, by a statement trigger that psql
 * adds to the cooperative's table; the ids and codes of the rows, read back by psql, are the
 * ones Furrow gave its parcels. */
static void
test_import_batch_statements (FurrowTestStore *fixture,
                              gconstpointer    data)
{
  static const FurrowPoint square[] = {
    { 119.400, 36.450 }, { 119.401, 36.450 }, { 119.401, 36.451 }, { 119.400, 36.451 },
    { 119.400, 36.450 },
  };
  static const char count_statements[] =
    "CREATE TABLE test_parcel_statements (n bigint NOT NULL);"
    " INSERT INTO test_parcel_statements VALUES (0);"
    " CREATE FUNCTION count_parcel_statements () RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN EXECUTE format ('UPDATE %I.test_parcel_statements SET n = n + 1', TG_TABLE_SCHEMA);"
    " RETURN NULL; END $$;"
    " CREATE TRIGGER test_count_statements AFTER INSERT ON parcels"
    " FOR EACH STATEMENT EXECUTE FUNCTION count_parcel_statements ();"
    " SELECT n FROM test_parcel_statements";
  const guint n = 2500;
  g_autoptr(FurrowGeometry) geometry = furrow_geometry_new ();
  g_autoptr(GPtrArray) parcels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  if (!furrow_test_pg ())
    {
      g_test_skip ("PostgreSQL only (suite pg)");
      return;
    }
  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), square,
                            G_N_ELEMENTS (square));
  g_assert_cmpint (furrow_test_store_query_int (fixture->path, count_statements), ==, 0);

  g_assert_true (import_batch (fixture->store, "parcels.shp", 0, n, 0, geometry, parcels,
                               &error));
  g_assert_no_error (error);
  /* ceil (2,500 / 1,000) INSERTs, and one to spare. */
  g_assert_cmpint (furrow_test_store_query_int (fixture->path,
                                                "SELECT n FROM test_parcel_statements"),
                   <=, (n + 999) / 1000 + 1);
  g_assert_cmpint (furrow_test_store_query_int (fixture->path,
                                                "SELECT count (*) FROM parcels"
                                                " WHERE geom IS NOT NULL"), ==, n);
  g_assert_cmpuint (parcels->len, ==, n);
  for (guint i = 0; i < parcels->len; i++)
    g_string_append_printf (expected, "%s%" G_GINT64_FORMAT "|%s", i > 0 ? "\n" : "",
                            furrow_parcel_get_id (parcels->pdata[i]),
                            furrow_parcel_get_code (parcels->pdata[i]));
  rows = furrow_test_store_query_pg_text (fixture->path,
                                          "SELECT id, code FROM parcels ORDER BY id");
  g_assert_cmpstr (rows, ==, expected->str);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-kinds/import-batch-statements", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_import_batch_statements,
                     furrow_test_store_fixture_tear_down);

/* Every text column of every kind is checked before a write (furrow_register_check_text(),
 * issue 12, item 5), whoever writes — the window, an import, furrow-cli: no control character
 * in one-line texts, tabs and line breaks allowed in notes; the code is named by the kind, never
 * repeated when it is itself the bad text. Nothing refused reaches the file. */
static void
test_control_characters (FurrowTestStore *fixture,
                         gconstpointer    data)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(GListModel) households = furrow_store_get_households (fixture->store);
  g_autoptr(GError) error = NULL;

  furrow_household_set_code (household, "370782102201010001");
  furrow_household_set_name (household, "王\033[2J五");
  g_assert_false (furrow_store_add_household (fixture->store, household, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "household 370782102201010001: the column name holds a "
                                       "control character (U+001B); remove it");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 0);

  furrow_household_set_name (household, "王五");
  furrow_household_set_notes (household, "第一行\n\t第二行");
  g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  g_assert_no_error (error);
  furrow_household_set_phone (household, "138\t0000 1234");
  g_assert_false (furrow_store_update_household (fixture->store, household, &error));
  g_assert_cmpstr (error->message, ==, "household 370782102201010001: the column phone holds a "
                                       "control character (U+0009); remove it");
  g_clear_error (&error);

  furrow_field_set_code (field, "T\302\23301");
  g_assert_false (furrow_store_add_field (fixture->store, field, &error));
  g_assert_cmpstr (error->message, ==, "the field’s code holds a control character (U+009B); "
                                       "remove it");
  g_clear_error (&error);

  furrow_parcel_set_code (parcel, "3707821022010100011");
  furrow_parcel_set_household_code (parcel, "370782102201010001");
  furrow_parcel_set_neighbour_east (parcel, "\342\200\256路");
  g_assert_false (furrow_store_add_parcel (fixture->store, parcel, &error));
  g_assert_cmpstr (error->message, ==, "parcel 3707821022010100011: the column neighbour_east "
                                       "holds a control character (U+202E); remove it");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-kinds/control-characters", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_control_characters,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
