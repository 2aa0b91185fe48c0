/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project file's migrations (app/core/store/furrow-store-migrate.h; docs/architecture.md,
 * "Migrations"): the steps are the .sql files of the schema resource, applied in order, each with
 * its version; a step that fails leaves the file at the step before. */

#include "config.h"

#include <string.h>

#include "furrow-database-testing.h"
#include "furrow-store-migrate-testing.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-store.h"
#include "furrow-test-pg.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

typedef FurrowTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, "project.gpkg");
}

static FurrowDatabase *
open_empty (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FurrowDatabase *db = furrow_database_open (fixture->path, FURROW_DATABASE_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
query (FurrowDatabase *db,
       const char     *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (furrow_database_query_int (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

static const char version_sql[] =
  "SELECT CAST (value AS INTEGER) FROM furrow_meta WHERE key = 'schema_version'";
static const char has_index_sql[] =
  "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'parcels_household_id'";
static const char has_fee_area_sql[] =
  "SELECT count(*) FROM pragma_table_info ('settlements') WHERE name = 'fee_area_m2'";

/* One step a schema version, 1 … FURROW_STORE_SCHEMA_VERSION, each a script SQLite accepts. */
static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpint (furrow_store_migrate_get_n_steps (), ==, FURROW_STORE_SCHEMA_VERSION);
  g_assert_null (furrow_store_migrate_get_step (0));
  g_assert_null (furrow_store_migrate_get_step (FURROW_STORE_SCHEMA_VERSION + 1));
  for (int v = 1; v <= FURROW_STORE_SCHEMA_VERSION; v++)
    {
      g_autoptr(GBytes) step = furrow_store_migrate_get_step (v);
      gsize size;
      const char *sql = g_bytes_get_data (step, &size);

      g_assert_nonnull (step);
      g_assert_cmpuint (size, >, 100);
      g_assert_cmpint (sql[size], ==, '\0');
      g_assert_true (g_str_has_prefix (sql, "-- SPDX-License-Identifier"));
    }
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/steps", Fixture, fixture_set_up, test_steps,
                     furrow_test_store_fixture_tear_down);

/* A version-1 file upgraded in order: step 2's index, step 3's tables and step 5's column
 * arrive, and the version follows. */
static void
test_upgrade_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_empty (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_migrate (db, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, version_sql), ==, 1);
  g_assert_cmpint (query (db, "PRAGMA application_id"), ==, 0x47504B47);
  g_assert_cmpint (query (db, "PRAGMA user_version"), ==, 10300);
  g_assert_cmpint (query (db, has_index_sql), ==, 0);
  g_assert_cmpint (query (db, "SELECT count(*) FROM sqlite_master WHERE name = 'season_prices'"),
                   ==, 0);

  g_assert_true (furrow_store_migrate (db, 1, FURROW_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, version_sql), ==, FURROW_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query (db, has_index_sql), ==, 1);
  g_assert_cmpint (query (db, "SELECT count(*) FROM sqlite_master WHERE name = 'season_prices'"),
                   ==, 1);
  g_assert_cmpint (query (db, has_fee_area_sql), ==, 1);
  g_assert_false (furrow_database_in_transaction (db));
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v1", Fixture, fixture_set_up,
                     test_upgrade_v1, furrow_test_store_fixture_tear_down);

/* The households table as version 1 wrote it from a C string, to the byte: SQLite keeps the
 * CREATE text, so files made before and after the move to .sql files are the same (up to
 * version 6: step 7 adds the payee account's columns, which SQLite appends to that text). */
static void
test_same_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_empty (fixture);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_migrate (db, 0, 6, &error));
  stmt = furrow_database_prepare (db, "SELECT sql FROM sqlite_master WHERE name = 'households'",
                                  &error);
  g_assert_true (furrow_statement_step (stmt, &error));
  g_assert_cmpstr (furrow_statement_get_text (stmt, 0), ==,
                   "CREATE TABLE households (\n"
                   "  id INTEGER PRIMARY KEY,\n"
                   "  code TEXT NOT NULL UNIQUE CHECK (code <> ''),\n"
                   "  name TEXT NOT NULL DEFAULT '',\n"
                   "  members INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),\n"
                   "  phone TEXT,\n"
                   "  id_number TEXT,\n"
                   "  notes TEXT\n"
                   ")");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/same-text", Fixture, fixture_set_up,
                     test_same_text, furrow_test_store_fixture_tear_down);

/* 6 → 7: a household of version 6 keeps its row and has no account yet (NULL, the household
 * page's "no account"); the payments table arrives, refuses a status it does not know and one
 * household twice in a season, and keeps a household with payments from being deleted. */
static void
test_upgrade_v6 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_empty (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_migrate (db, 0, 6, &error));
  g_assert_true (furrow_database_exec (db,
                   "INSERT INTO households (code, name, phone) VALUES"
                   " ('371426101201010001', '王建国', '13800000001');"
                   "INSERT INTO seasons (name, crop_year) VALUES ('2024 秋', 2024)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, "SELECT count(*) FROM pragma_table_info ('households')"
                              " WHERE name = 'account_number'"), ==, 0);

  g_assert_true (furrow_store_migrate (db, 6, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, version_sql), ==, 7);
  g_assert_cmpint (query (db, "SELECT count(*) FROM pragma_table_info ('households')"
                              " WHERE name IN ('bank', 'bank_branch', 'account_number',"
                              " 'account_holder')"), ==, 4);
  g_assert_cmpint (query (db, "SELECT count(*) FROM households WHERE code = '371426101201010001'"
                              " AND phone = '13800000001' AND account_number IS NULL"), ==, 1);
  g_assert_true (furrow_database_exec (db, "INSERT INTO payments (season_id, household_id, status)"
                                           " VALUES (1, 1, 'sent')", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, "SELECT count(*) FROM payments WHERE status = 'sent'"
                              " AND reason = '' AND changed LIKE '20%Z'"), ==, 1);
  g_assert_false (furrow_database_exec (db, "INSERT INTO payments (season_id, household_id,"
                                            " status) VALUES (1, 1, 'lost')", &error));
  g_clear_error (&error);
  g_assert_false (furrow_database_exec (db, "INSERT INTO payments (season_id, household_id,"
                                            " status) VALUES (1, 1, 'paid')", &error));
  g_clear_error (&error);
  /* The store opens every connection with foreign keys on; this bare one turns them on too
   * (outside the migration's transaction, where the pragma does nothing). */
  g_assert_true (furrow_database_exec (db, "PRAGMA foreign_keys = ON", &error));
  g_assert_cmpint (query (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_false (furrow_database_exec (db, "DELETE FROM households WHERE id = 1", &error));
  g_clear_error (&error);
  g_assert_cmpint (query (db, "SELECT count(*) FROM payments"), ==, 1);
  g_assert_false (furrow_database_in_transaction (db));
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v6", Fixture, fixture_set_up,
                     test_upgrade_v6, furrow_test_store_fixture_tear_down);

/* A project of version 8 with a household, a field and a parcel, opened by this Furrow: step 9
 * adds the row versions (docs/architecture.md, Several users at once) and keeps every value;
 * each row starts at version 1, an update makes it 2, and a copy read before that update is
 * refused (CONFLICT) instead of writing over it. */
static void
test_upgrade_v8 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;
  g_autoptr(FurrowParcel) stale = NULL;
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(FurrowField) field = NULL;

  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);

    g_assert_true (furrow_store_migrate (db, 0, 8, &error));
    g_assert_true (furrow_database_exec (db,
                     "INSERT INTO households (code, name, phone) VALUES"
                     " ('371426101201010001', '王建国', '13800000001');"
                     "INSERT INTO fields (code, name, measured_area_m2) VALUES"
                     " ('T01', '东大块', 61234.5);"
                     "INSERT INTO parcels (code, household_id, field_id, name,"
                     " registered_area_m2) VALUES ('3714261012010100010001', 1, 1, '东地',"
                     " 2000.25)", &error));
    g_assert_no_error (error);
    g_assert_cmpint (query (db, "SELECT count(*) FROM pragma_table_info ('parcels')"
                                " WHERE name = 'row_version'"), ==, 0);
  }

  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
  household = furrow_store_find_household (store, "371426101201010001");
  g_assert_cmpstr (furrow_household_get_name (household), ==, "王建国");
  g_assert_cmpstr (furrow_household_get_phone (household), ==, "13800000001");
  field = furrow_store_find_field (store, "T01");
  g_assert_cmpstr (furrow_field_get_name (field), ==, "东大块");
  g_assert_cmpfloat (furrow_field_get_registered_area_m2 (field), ==, 2000.25);
  parcel = furrow_store_find_parcel (store, "3714261012010100010001");
  stale = furrow_store_find_parcel (store, "3714261012010100010001");
  g_assert_cmpstr (furrow_parcel_get_name (parcel), ==, "东地");
  g_assert_cmpstr (furrow_parcel_get_household_code (parcel), ==, "371426101201010001");
  g_assert_cmpint (furrow_parcel_get_field_id (parcel), ==, furrow_field_get_id (field));
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, 2000.25);

  furrow_parcel_set_registered_area_m2 (parcel, 2100.0);
  g_assert_true (furrow_store_update_parcel (store, parcel, &error));
  g_assert_no_error (error);
  furrow_parcel_set_name (stale, "西地");
  g_assert_false (furrow_store_update_parcel (store, stale, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&store);

  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);

    g_assert_cmpint (query (db, version_sql), ==, FURROW_STORE_SCHEMA_VERSION);
    g_assert_cmpint (query (db, "SELECT row_version FROM parcels"), ==, 2);
    g_assert_cmpint (query (db, "SELECT row_version FROM households"), ==, 1);
    g_assert_cmpint (query (db, "SELECT count(*) FROM parcels WHERE name = '东地'"
                                " AND registered_area_m2 = 2100.0"), ==, 1);
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v8", Fixture, fixture_set_up,
                     test_upgrade_v8, furrow_test_store_fixture_tear_down);

/* A project of version FROM (a file) with one parcel 东地 of AREA_M2 (SQL text) in field T01
 * of household 王建国, at ROW_VERSION and last changed by clerk_a. */
static void
write_parcel_at (Fixture    *fixture,
                 int         from,
                 const char *area_m2,
                 int         row_version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowDatabase) db = open_empty (fixture);
  g_autofree char *sql = NULL;

  g_assert_true (furrow_store_migrate (db, 0, from, &error));
  sql = g_strdup_printf ("INSERT INTO households (code, name) VALUES ('371426101201010001', '王建国');"
                         "INSERT INTO fields (code, name) VALUES ('T01', '东大块');"
                         "INSERT INTO parcels (code, household_id, field_id, name,"
                         " registered_area_m2, row_version, changed_by) VALUES"
                         " ('3714261012010100010001', 1, 1, '东地', %s, %d, 'clerk_a')",
                         area_m2, row_version);
  g_assert_true (furrow_database_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, version_sql), ==, from);
}

/* The fixture's project opened by Furrow, which upgrades it to the latest version. */
static FurrowStore *
open_upgraded (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FurrowStore *store = furrow_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
  return store;
}

/* A project of version `from` whose parcel was changed twice by clerk_a, upgraded by the next
 * open: the parcel keeps its values, its row version 3 and who changed it, and the file says
 * the latest version. */
static void
upgrade_parcel_from (Fixture *fixture,
                     int      from)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;

  write_parcel_at (fixture, from, "2000.25", 3);
  store = open_upgraded (fixture);
  parcel = furrow_store_find_parcel (store, "3714261012010100010001");
  g_assert_cmpstr (furrow_parcel_get_name (parcel), ==, "东地");
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, 2000.25);
  g_clear_object (&store);

  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);

    g_assert_cmpint (query (db, version_sql), ==, FURROW_STORE_SCHEMA_VERSION);
    g_assert_cmpint (query (db, "SELECT count(*) FROM parcels WHERE row_version = 3"
                                " AND changed_by = 'clerk_a'"), ==, 1);
  }
}

/* From version 9: step 10 changes nothing in a file (its work is on a server, below), nor do
 * steps 11 and 12 to a parcel. */
static void
test_upgrade_v9 (Fixture       *fixture,
                 gconstpointer  data)
{
  upgrade_parcel_from (fixture, 9);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v9", Fixture, fixture_set_up,
                     test_upgrade_v9, furrow_test_store_fixture_tear_down);

/* A project of version 10 with a season, its maize harvest of 6,420 kg on T01 and an actual
 * cost: step 11 gives the season, the harvest and the cost a row version 1 and keeps their
 * values; a harvest or a season's rules written over version 1 is stored (version 2), and a
 * second write over version 1 is refused (CONFLICT) and leaves the first one's values. */
static void
test_upgrade_v10 (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeason) stale = NULL;
  g_autoptr(GArray) harvests = NULL;
  g_autoptr(GArray) costs = NULL;
  FurrowSeasonHarvest harvest;

  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);

    g_assert_true (furrow_store_migrate (db, 0, 10, &error));
    g_assert_true (furrow_database_exec (db,
                     "INSERT INTO fields (code, name) VALUES ('T01', '东大块');"
                     "INSERT INTO seasons (name, crop_year, state) VALUES ('2026', 2026,"
                     " 'harvested');"
                     "INSERT INTO harvests (season_id, field_id, crop, yield_kg, revenue_fen)"
                     " VALUES (1, 1, 'maize', 6420, 873120);"
                     "INSERT INTO season_actual_costs (season_id, field_id, item, fen)"
                     " VALUES (1, NULL, 'seed', 125000)", &error));
    g_assert_no_error (error);
  }

  store = open_upgraded (fixture);
  season = furrow_store_find_season (store, "2026");
  stale = furrow_store_find_season (store, "2026");
  g_assert_cmpint (furrow_store_season_get_version (season), ==, 1);
  harvests = furrow_store_get_harvests (store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (harvests->len, ==, 1);
  harvest = g_array_index (harvests, FurrowSeasonHarvest, 0);
  g_assert_cmpfloat (harvest.yield_kg, ==, 6420);
  g_assert_cmpint (harvest.revenue_fen, ==, 873120);
  g_assert_cmpint (harvest.row_version, ==, 1);
  costs = furrow_store_get_actual_costs (store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (costs->len, ==, 1);
  g_assert_cmpint (g_array_index (costs, FurrowSeasonActualCost, 0).fen, ==, 125000);
  g_assert_cmpint (g_array_index (costs, FurrowSeasonActualCost, 0).row_version, ==, 1);

  harvest.yield_kg = 6500;
  g_assert_true (furrow_store_set_harvests (store, season, &harvest, 1, &error));
  g_assert_no_error (error);
  harvest.yield_kg = 7000;
  g_assert_false (furrow_store_set_harvests (store, season, &harvest, 1, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  furrow_season_set_notes (season, "dry year");
  g_assert_true (furrow_store_update_season (store, season, &error));
  g_assert_no_error (error);
  furrow_season_set_notes (stale, "wet year");
  g_assert_false (furrow_store_update_season (store, stale, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&store);

  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);

    g_assert_cmpint (query (db, version_sql), ==, FURROW_STORE_SCHEMA_VERSION);
    g_assert_cmpint (query (db, "SELECT count(*) FROM harvests WHERE yield_kg = 6500"
                                " AND row_version = 2"), ==, 1);
    g_assert_cmpint (query (db, "SELECT count(*) FROM seasons WHERE notes = 'dry year'"
                                " AND row_version = 2"), ==, 1);
    g_assert_cmpint (query (db, "SELECT row_version FROM season_actual_costs"), ==, 1);
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v10", Fixture, fixture_set_up,
                     test_upgrade_v10, furrow_test_store_fixture_tear_down);

/* PostgreSQL run only (NULL, and the test skipped, on the file run): a new cooperative for the
 * fixture taken back to version FROM by BACK, SQL run in its schema before the version is set
 * to FROM. Returns the schema's name. */
static char *
server_cooperative_at (Fixture    *fixture,
                       int         from,
                       const char *back)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autofree char *sql = NULL;
  char *schema = NULL;

  if (!furrow_test_pg ())
    {
      g_test_skip ("the PostgreSQL run upgrades a cooperative on a server");
      return NULL;
    }
  store = furrow_test_store_create_at (fixture);
  g_clear_object (&store);
  sql = g_strdup_printf ("SELECT schema_name FROM furrow.cooperatives"
                         " WHERE lower (code) = lower ('%s')", fixture->path);
  g_assert_cmpint (furrow_test_pg_psql ("furrow", sql, &schema, NULL), ==, 0);
  g_strstrip (schema);
  g_assert_cmpstr (schema, !=, "");
  g_free (sql);
  sql = g_strdup_printf ("SET search_path = \"%s\";%s"
                         "UPDATE furrow_meta SET value = '%d' WHERE key = 'schema_version'",
                         schema, back, from);
  g_assert_cmpint (furrow_test_pg_psql ("furrow", sql, NULL, NULL), ==, 0);
  return schema;
}

/* What `sql` reads on the test cluster, through psql. */
static void
assert_psql (const char *sql,
             const char *expected)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (furrow_test_pg_psql ("furrow", sql, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

/* The triggers of `schema` whose name is LIKE `name_like`, counted by COLUMNS (of t, the
 * trigger, and p, its function), one row per value of those, in their order. */
static char *
triggers_sql (const char *schema,
              const char *columns,
              const char *group,
              const char *name_like)
{
  return g_strdup_printf ("SELECT %s, count(*) FROM pg_trigger t"
                          " JOIN pg_proc p ON p.oid = t.tgfoid"
                          " JOIN pg_class c ON c.oid = t.tgrelid"
                          " JOIN pg_namespace n ON n.oid = c.relnamespace"
                          " WHERE n.nspname = '%s' AND t.tgname LIKE '%s'"
                          " GROUP BY %s ORDER BY %s", columns, schema, name_like, group, group);
}

/* The cooperative of server_cooperative_at() opened again by Furrow, which upgrades it: `sql`
 * reads BEFORE, then the store and the cooperative's furrow_meta say the latest version and
 * `sql` reads AFTER. */
static FurrowStore *
reopen_upgraded (Fixture    *fixture,
                 const char *schema,
                 const char *sql,
                 const char *before,
                 const char *after)
{
  g_autofree char *latest_sql = NULL;
  FurrowStore *store;

  assert_psql (sql, before);
  store = furrow_test_store_reopen (fixture);
  g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
  latest_sql = g_strdup_printf ("SELECT value::int = %d FROM \"%s\".furrow_meta"
                                " WHERE key = 'schema_version'", FURROW_STORE_SCHEMA_VERSION,
                                schema);
  assert_psql (latest_sql, "t\n");
  assert_psql (sql, after);
  return store;
}

/* The same on a server (PostgreSQL run only): a cooperative whose parcels' and harvests'
 * triggers are still step 9's (furrow.notify_change (), which turns the whole row into JSON to
 * read one id), whose harvests have no row version yet (step 11) and whose version says 9 is
 * upgraded by the next open: none of its notification triggers then calls step 9's function,
 * every table has step 12's three statement triggers (5 record tables, 14 of a season's rows),
 * the harvests have their row version and the trigger that names who changed them, and the
 * version is the latest. */
static void
test_upgrade_v9_server (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *sql = NULL;

  schema = server_cooperative_at (fixture, 9,
                                  "CREATE OR REPLACE TRIGGER parcels_notify"
                                  " AFTER INSERT OR UPDATE OR DELETE"
                                  " ON parcels FOR EACH ROW EXECUTE FUNCTION"
                                  " furrow.notify_change ('parcel', 'id');"
                                  "CREATE OR REPLACE TRIGGER harvests_notify"
                                  " AFTER INSERT OR UPDATE OR DELETE"
                                  " ON harvests FOR EACH ROW EXECUTE FUNCTION"
                                  " furrow.notify_change ('season', 'season_id');"
                                  "DROP TRIGGER harvests_changed_by ON harvests;"
                                  "ALTER TABLE harvests DROP COLUMN row_version,"
                                  " DROP COLUMN changed_by;");
  if (schema == NULL)
    return;
  sql = triggers_sql (schema, "p.proname", "1", "%_notify%");
  store = reopen_upgraded (fixture, schema, sql,
                           "notify_change|2\nnotify_records|15\nnotify_season_rows|42\n",
                           "notify_records|15\nnotify_season_rows|42\n");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM information_schema.columns WHERE table_schema ="
                         " '%s' AND table_name = 'harvests' AND column_name IN ('row_version',"
                         " 'changed_by');"
                         "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                         " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '%s'"
                         " AND t.tgname = 'harvests_changed_by'", schema, schema);
  assert_psql (sql, "2\n1\n");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v9-server", Fixture, fixture_set_up,
                     test_upgrade_v9_server, furrow_test_store_fixture_tear_down);

/* From version 11: step 12 changes nothing in a file (its notifications are a server's,
 * below). */
static void
test_upgrade_v11 (Fixture       *fixture,
                  gconstpointer  data)
{
  upgrade_parcel_from (fixture, 11);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v11", Fixture, fixture_set_up,
                     test_upgrade_v11, furrow_test_store_fixture_tear_down);

/* The same on a server (PostgreSQL run only): a cooperative at version 11, its 19 tables each
 * with step 10's row trigger (step 12's taken away and step 10 run again, as a cooperative
 * written before step 12 has them), is upgraded by the next open: no row trigger notifies any
 * more, each table has three statement triggers (INSERT, UPDATE, DELETE) instead, and the
 * version is the latest. */
static void
test_upgrade_v11_server (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GBytes) step10 = furrow_store_migrate_get_pg_step (10);
  g_autofree char *schema = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("DO $$DECLARE t record; BEGIN FOR t IN SELECT g.tgname, c.relname"
                         " FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid"
                         " WHERE c.relnamespace = current_schema ()::regnamespace"
                         " AND g.tgname LIKE '%%_notify_%%' LOOP"
                         " EXECUTE format ('DROP TRIGGER %%I ON %%I', t.tgname, t.relname);"
                         " END LOOP; END$$;"
                         "%s;", (const char *) g_bytes_get_data (step10, NULL));
  schema = server_cooperative_at (fixture, 11, sql);
  if (schema == NULL)
    return;
  g_free (sql);
  /* Each trigger's function, and whether it fires for each row (tgtype bit 0). */
  sql = triggers_sql (schema, "p.proname, (t.tgtype & 1) = 1", "1, 2", "%_notify%");
  store = reopen_upgraded (fixture, schema, sql, "notify_record|t|5\nnotify_season_row|t|14\n",
                           "notify_records|f|15\nnotify_season_rows|f|42\n");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v11-server", Fixture, fixture_set_up,
                     test_upgrade_v11_server, furrow_test_store_fixture_tear_down);

/* A project of version 12 whose parcel was changed by clerk_a: step 13 gives the seven
 * versioned tables changed_at, NULL for the rows written before it (their time is not known),
 * so the parcel keeps its values, version and author; the next change through Furrow writes the
 * time it was made, between the clock read before and after it. */
static void
test_upgrade_v12 (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;
  gint64 before, after;

  write_parcel_at (fixture, 12, "812.4", 2);
  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);

    g_assert_cmpint (query (db, "SELECT count(*) FROM pragma_table_info ('parcels')"
                                " WHERE name = 'changed_at'"), ==, 0);
  }
  store = open_upgraded (fixture);
  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);

    g_assert_cmpint (query (db, "SELECT count(*) FROM parcels WHERE row_version = 2"
                                " AND changed_by = 'clerk_a' AND changed_at IS NULL"), ==, 1);
    g_assert_cmpint (query (db, "SELECT count(*) FROM sqlite_master m,"
                                " pragma_table_info (m.name) c WHERE m.type = 'table'"
                                " AND c.name = 'changed_at' AND c.type = 'INTEGER'"), ==, 7);
  }
  parcel = furrow_store_find_parcel (store, "3714261012010100010001");
  furrow_parcel_set_registered_area_m2 (parcel, 820.0);
  before = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (furrow_store_update_parcel (store, parcel, &error));
  g_assert_no_error (error);
  after = g_get_real_time () / G_USEC_PER_SEC;
  g_clear_object (&store);
  {
    g_autoptr(FurrowDatabase) db = open_empty (fixture);
    gint64 at = query (db, "SELECT changed_at FROM parcels WHERE row_version = 3");

    g_assert_cmpint (at, >=, before);
    g_assert_cmpint (at, <=, after);
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v12", Fixture, fixture_set_up,
                     test_upgrade_v12, furrow_test_store_fixture_tear_down);

/* The same on a server (PostgreSQL run only): a cooperative at version 12, without changed_at
 * and with steps 9 and 11's triggers (the column dropped and the triggers pointed back), is
 * upgraded by the next open: the seven tables have changed_at as bigint (int8, which publish and
 * checkout copy as a file's INTEGER), their triggers call step 13's functions, none step 9's or
 * 11's, and the version is the latest. */
static void
test_upgrade_v12_server (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *const tables[] = { "fields", "households", "parcels", "seasons", "harvests",
                                        "season_actual_costs", "plans" };
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GString) back = g_string_new (NULL);
  g_autofree char *schema = NULL;
  g_autofree char *functions_sql = NULL;
  g_autofree char *columns_sql = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (back, "ALTER TABLE %s DROP COLUMN changed_at;"
                                  "CREATE OR REPLACE TRIGGER %s_changed_by BEFORE INSERT OR UPDATE"
                                  " ON %s FOR EACH ROW EXECUTE FUNCTION furrow.%s ();",
                            tables[i], tables[i], tables[i],
                            g_str_equal (tables[i], "seasons") ? "season_changed_by"
                                                               : "row_changed_by");
  schema = server_cooperative_at (fixture, 12, back->str);
  if (schema == NULL)
    return;
  functions_sql = triggers_sql (schema, "p.proname", "1", "%_changed_by");
  columns_sql = g_strdup_printf ("SELECT udt_name, count(*) FROM information_schema.columns"
                                 " WHERE table_schema = '%s' AND column_name = 'changed_at'"
                                 " GROUP BY 1", schema);
  assert_psql (columns_sql, "");
  store = reopen_upgraded (fixture, schema, functions_sql,
                           "row_changed_by|6\nseason_changed_by|1\n",
                           "row_changed_by_at|6\nseason_changed_by_at|1\n");
  assert_psql (columns_sql, "int8|7\n");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/upgrade-v12-server", Fixture, fixture_set_up,
                     test_upgrade_v12_server, furrow_test_store_fixture_tear_down);

/* Step 2 fails (its index is there already): the file stays at version 1, step 2 left nothing,
 * and the error names the step. */
static void
test_failed_step (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FurrowDatabase) db = open_empty (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_migrate (db, 0, 1, &error));
  g_assert_true (furrow_database_exec (db, "CREATE INDEX parcels_field_id ON parcels (field_id)",
                                       &error));
  g_assert_false (furrow_store_migrate (db, 1, FURROW_STORE_SCHEMA_VERSION, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_cmpint (query (db, version_sql), ==, 1);
  g_assert_cmpint (query (db, has_index_sql), ==, 0);
  g_assert_false (furrow_database_in_transaction (db));
}
FURROW_TEST_FIXTURE ("/furrow/core/store-migrate/failed-step", Fixture, fixture_set_up,
                     test_failed_step, furrow_test_store_fixture_tear_down);

/* Every SQLite step after the server's baseline has its PostgreSQL twin (docs/architecture.md,
 * The backend seam), so a cooperative on a server reaches the same schema version as a file. */
static void
test_pg_twins (void)
{
  for (int version = FURROW_STORE_PG_BASELINE; version <= FURROW_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GBytes) twin = furrow_store_migrate_get_pg_step (version);

      if (twin == NULL)
        g_test_message ("schema/pg/v%03d.sql is missing: write the PostgreSQL twin of "
                        "schema/v%03d.sql", version, version);
      g_assert_nonnull (twin);
    }
  g_assert_cmpint (furrow_store_migrate_get_pg_version (), ==, FURROW_STORE_SCHEMA_VERSION);
  /* The server-wide part and nothing before the baseline. */
  {
    g_autoptr(GBytes) server = furrow_store_migrate_get_pg_server ();
    g_autoptr(GBytes) before = furrow_store_migrate_get_pg_step (FURROW_STORE_PG_BASELINE - 1);

    g_assert_nonnull (server);
    g_assert_null (before);
  }
}
FURROW_TEST ("/furrow/core/store-migrate/pg-twins", test_pg_twins);

FURROW_TEST_MAIN (.locale = "");
