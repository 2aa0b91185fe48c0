/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Publish and checkout (docs/architecture.md, The backend seam, Publish and checkout), on the
 * throwaway cluster of suite pg: the demo project (app/core/register/furrow-demo.h: 40 fields,
 * 300 households, 1,000 parcels, the settled and partly paid season "2025 秋季" with a notice)
 * goes to the server with `furrow-cli publish` and back into a new file with `furrow-cli
 * checkout`. Every table is compared through a dump made here, around Furrow — SQLite's C API on
 * the files, psql on the server — with each value in a form both sides write independently: an
 * integer as decimal, a double as the hex of its 64 bits (float8send ()), text as the hex of its
 * UTF-8 bytes, a geometry as the hex of its little-endian WKB (the GeoPackage blob after its
 * header; ST_AsBinary (geom, 'NDR')), rows sorted. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-test-cli.h"
#include "furrow-test-pg.h"
#include "furrow-test.h"

#define SEASON "2025 秋季"
#define DEMO_CODE "37078210220101"   /* FURROW_DEMO_VILLAGE_CODE, the code publish takes */

static char *
hex (const guint8 *data,
     gsize         size)
{
  GString *text = g_string_sized_new (size * 2 + 1);

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (text, "%02x", data[i]);
  return g_string_free (text, FALSE);
}

/* The WKB of a GeoPackage blob: after "GP", version, flags, srs_id and the envelope its flags
 * announce (OGC 12-128r18 §2.1.3: none, 32, 48, 48 or 64 bytes). */
static char *
blob_wkb_hex (const guint8 *blob,
              gsize         size)
{
  static const gsize envelopes[] = { 0, 32, 48, 48, 64 };
  guint indicator;

  g_assert_cmpuint (size, >=, 8);
  g_assert_true (blob[0] == 'G' && blob[1] == 'P');
  indicator = (blob[3] >> 1) & 7;
  g_assert_cmpuint (indicator, <, G_N_ELEMENTS (envelopes));
  g_assert_cmpuint (size, >=, 8 + envelopes[indicator]);
  return hex (blob + 8 + envelopes[indicator], size - 8 - envelopes[indicator]);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The tables of a file but GeoPackage's and SQLite's own, sorted. */
static GPtrArray *
file_tables (sqlite3 *db)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT LIKE 'gpkg%' AND name NOT LIKE 'sqlite%'"
                                           " AND name NOT LIKE 'rtree%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return tables;
}

/* Every table of the file `path` as sorted lines of its rows, columns by name. */
static GHashTable *
dump_file (const char *path)
{
  GHashTable *dump = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) tables = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  tables = file_tables (db);
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *names_sql = g_strdup_printf ("SELECT group_concat (name, ', ') FROM"
                                                    " (SELECT name FROM pragma_table_info ('%s')"
                                                    " ORDER BY name)", table);
      g_autofree char *sql = NULL;
      GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, names_sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      sql = g_strdup_printf ("SELECT %s FROM %s", sqlite3_column_text (stmt, 0), table);
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              g_autofree char *value = NULL;

              switch (sqlite3_column_type (stmt, i))
                {
                case SQLITE_NULL:
                  value = g_strdup ("-");
                  break;
                case SQLITE_INTEGER:
                  value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           (gint64) sqlite3_column_int64 (stmt, i));
                  break;
                case SQLITE_FLOAT:
                  {
                    double d = sqlite3_column_double (stmt, i);
                    guint64 bits;

                    memcpy (&bits, &d, sizeof bits);
                    value = g_strdup_printf ("%016" G_GINT64_MODIFIER "x", bits);
                  }
                  break;
                case SQLITE_TEXT:
                  {
                    g_autofree char *bytes =
                      hex (sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i));

                    value = g_strconcat ("t", bytes, NULL);
                  }
                  break;
                default:
                  value = blob_wkb_hex (sqlite3_column_blob (stmt, i),
                                        sqlite3_column_bytes (stmt, i));
                }
              g_string_append_printf (line, "%s%s", i > 0 ? "|" : "", value);
            }
          g_ptr_array_add (lines, g_strdup (line->str));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (lines, compare_lines);
      g_hash_table_insert (dump, g_strdup (table), lines);
    }
  sqlite3_close (db);
  return dump;
}

static char *
psql_admin (const char *sql)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (furrow_test_pg_psql ("furrow", sql, &out, &err) != 0)
    g_error ("psql: %s", err);
  return g_steal_pointer (&out);
}

static GPtrArray *
psql_lines (const char *sql)
{
  g_autofree char *out = psql_admin (sql);
  g_auto(GStrv) split = g_strsplit (out, "\n", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (lines, g_strdup (split[i]));
  return lines;
}

/* The same dump of the cooperative `code` on the server, in the same forms. */
static GHashTable *
dump_server (const char *code)
{
  GHashTable *dump = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *schema = g_strdup_printf ("coop_%s", code);
  g_autofree char *tables_sql = g_strdup_printf ("SELECT tablename FROM pg_tables WHERE"
                                                 " schemaname = '%s'", schema);
  g_autoptr(GPtrArray) tables = psql_lines (tables_sql);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *columns_sql =
        g_strdup_printf ("SELECT column_name || ' ' || udt_name FROM information_schema.columns"
                         " WHERE table_schema = '%s' AND table_name = '%s'"
                         " ORDER BY column_name COLLATE \"C\"", schema, table);
      g_autoptr(GPtrArray) columns = psql_lines (columns_sql);
      g_autoptr(GString) select = g_string_new ("SELECT concat_ws ('|'");
      g_autofree char *sql = NULL;
      GPtrArray *lines;

      for (guint i = 0; i < columns->len; i++)
        {
          g_auto(GStrv) column = g_strsplit (g_ptr_array_index (columns, i), " ", 2);
          const char *name = column[0], *type = column[1];

          if (g_str_equal (type, "float8"))
            g_string_append_printf (select, ", coalesce (encode (float8send (%s), 'hex'), '-')",
                                    name);
          else if (g_str_equal (type, "text"))
            g_string_append_printf (select, ", coalesce ('t' || encode (convert_to (%s, 'UTF8'),"
                                            " 'hex'), '-')", name);
          else if (g_str_equal (type, "geometry"))
            g_string_append_printf (select, ", coalesce (encode (ST_AsBinary (%s, 'NDR'), 'hex'),"
                                            " '-')", name);
          else
            {
              g_assert_true (g_str_has_prefix (type, "int"));
              g_string_append_printf (select, ", coalesce (%s::text, '-')", name);
            }
        }
      sql = g_strdup_printf ("%s) FROM %s.%s", select->str, schema, table);
      lines = psql_lines (sql);
      g_ptr_array_sort (lines, compare_lines);
      g_hash_table_insert (dump, g_strdup (table), lines);
    }
  return dump;
}

static void
assert_lines_equal (const char *table,
                    GPtrArray  *a,
                    GPtrArray  *b)
{
  if (a->len != b->len)
    g_error ("table %s: %u rows against %u", table, a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      g_error ("table %s, row %u: %s against %s", table, i, (char *) g_ptr_array_index (a, i),
               (char *) g_ptr_array_index (b, i));
}

/* Every table of `copy` equal to `original`'s, but the audit log, which has every row of the
 * original and `n_new` more: those are returned. */
static GPtrArray *
assert_dumps_equal (GHashTable *original,
                    GHashTable *copy,
                    guint       n_new)
{
  GHashTableIter iter;
  gpointer key, value;
  GPtrArray *added = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (g_hash_table_size (original), ==, g_hash_table_size (copy));
  g_assert_cmpuint (g_hash_table_size (original), ==, 22);
  g_hash_table_iter_init (&iter, original);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *a = value;
      GPtrArray *b = g_hash_table_lookup (copy, key);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_nonnull (b);
      if (!g_str_equal (key, "audit_log"))
        {
          assert_lines_equal (key, a, b);
          continue;
        }
      g_assert_cmpuint (b->len, ==, a->len + n_new);
      for (guint i = 0; i < a->len; i++)
        g_hash_table_add (seen, g_ptr_array_index (a, i));
      for (guint i = 0; i < b->len; i++)
        if (!g_hash_table_remove (seen, g_ptr_array_index (b, i)))
          g_ptr_array_add (added, g_strdup (g_ptr_array_index (b, i)));
      g_assert_cmpuint (g_hash_table_size (seen), ==, 0);
    }
  g_assert_cmpuint (added->len, ==, n_new);
  return added;
}

static char *
hex_text (const char *text)
{
  g_autofree char *bytes = hex ((const guint8 *) text, strlen (text));

  return g_strconcat ("t", bytes, NULL);
}

/* The audit row `line` (columns by name: action, actor, detail, id, object, time) says who did
 * `action` and where from. */
static void
assert_audit (const char *line,
              const char *action,
              const char *actor,
              const char *detail)
{
  g_auto(GStrv) columns = g_strsplit (line, "|", -1);
  g_autofree char *want_action = hex_text (action);
  g_autofree char *want_actor = hex_text (actor);
  g_autofree char *want_detail = hex_text (detail);
  g_autofree char *want_object = hex_text ("cooperative:" DEMO_CODE);

  g_assert_cmpuint (g_strv_length (columns), ==, 6);
  g_assert_cmpstr (columns[0], ==, want_action);
  g_assert_cmpstr (columns[1], ==, want_actor);
  g_assert_cmpstr (columns[2], ==, want_detail);
  g_assert_cmpstr (columns[4], ==, want_object);
}

/* The settled season as `season show --json` gives it, and settled once more after a reopen:
 * the same bytes on the file, the server and the file checked out. */
static void
settle_json (const char  *project,
             char       **shown,
             char       **settled)
{
  *shown = furrow_test_run_cli_ok_output ("season", "--project", project, "show", SEASON,
                                          "--json", NULL);
  furrow_test_run_cli_ok ("season", "--project", project, "reopen", SEASON, "--reason",
                          "publish check", NULL);
  *settled = furrow_test_run_cli_ok_output ("season", "--project", project, "settle", SEASON,
                                            "--json", NULL);
}

static gint64
json_int (const char *json,
          const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                     member);
}

/* A new file in the test's own folder (G_TEST_OPTION_ISOLATE_DIRS removes it). */
static char *
test_file (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static gint64
server_int (const char *sql)
{
  g_autofree char *out = psql_admin (sql);

  return g_ascii_strtoll (out, NULL, 10);
}

static void
test_round_trip (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *demo = test_file ("demo.gpkg");
  g_autofree char *out = test_file ("out.gpkg");
  g_autofree char *server = g_strdup_printf ("%s#%s", uri, DEMO_CODE);
  g_autofree char *published = NULL;
  g_autofree char *checked_out = NULL;
  g_autofree char *from_file = g_strconcat ("from ", demo, NULL);
  g_autoptr(GHashTable) original = NULL;
  g_autoptr(GHashTable) on_server = NULL;
  g_autoptr(GHashTable) copy = NULL;
  g_autoptr(GPtrArray) published_rows = NULL;
  g_autoptr(GPtrArray) checked_out_rows = NULL;
  g_auto(GStrv) checkout_row = NULL;
  g_autofree char *checkout = hex_text ("checkout");
  g_autofree char *me = hex_text (g_get_user_name ());
  g_autofree char *suffix = hex ((const guint8 *) "#" DEMO_CODE, strlen ("#" DEMO_CODE));
  char *shown[3], *settled[3];
  const char *projects[] = { demo, server, out };
  gint64 last_season;

  furrow_test_run_cli_ok ("demo", demo, NULL);
  furrow_test_run_cli_ok ("server", "init", uri, NULL);
  original = dump_file (demo);

  /* No --cooperative: the project's village code. The demo's register, hand-counted. */
  published = furrow_test_run_cli_ok_output ("publish", demo, uri, "--json", NULL);
  g_assert_cmpint (json_int (published, "fields"), ==, 40);
  g_assert_cmpint (json_int (published, "households"), ==, 300);
  g_assert_cmpint (json_int (published, "parcels"), ==, 1000);
  on_server = dump_server (DEMO_CODE);
  published_rows = assert_dumps_equal (original, on_server, 1);
  /* The server's actor is the database user (the cluster's superuser, furrow-pg-run). */
  assert_audit (g_ptr_array_index (published_rows, 0), "publish", "furrow", from_file);

  checked_out = furrow_test_run_cli_ok_output ("checkout", uri, "--cooperative", DEMO_CODE, out,
                                               "--json", NULL);
  g_assert_cmpint (json_int (checked_out, "parcels"), ==, 1000);
  copy = dump_file (out);
  checked_out_rows = assert_dumps_equal (on_server, copy, 1);
  /* By the local user, from the server's address as Furrow names it (no password). */
  checkout_row = g_strsplit (g_ptr_array_index (checked_out_rows, 0), "|", -1);
  g_assert_cmpstr (checkout_row[0], ==, checkout);
  g_assert_cmpstr (checkout_row[1], ==, me);
  g_assert_true (g_str_has_suffix (checkout_row[2], suffix));

  /* A new row continues after the ids copied, on every side. */
  last_season = server_int ("SELECT max (id) FROM coop_" DEMO_CODE ".seasons");
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    furrow_test_run_cli_ok ("season", "--project", projects[i], "create", "2027 秋季", "--year",
                            "2027", NULL);
  g_assert_cmpint (server_int ("SELECT max (id) FROM coop_" DEMO_CODE ".seasons"), ==,
                   last_season + 1);

  /* The settled season reads, and settles again, to the same bytes on all three. */
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    settle_json (projects[i], &shown[i], &settled[i]);
  for (guint i = 1; i < G_N_ELEMENTS (projects); i++)
    {
      g_assert_cmpstr (shown[i], ==, shown[0]);
      g_assert_cmpstr (settled[i], ==, settled[0]);
    }
  g_assert_nonnull (strstr (settled[0], "\"season\" : \"" SEASON "\""));
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_free (shown[i]);
      g_free (settled[i]);
    }
}
FURROW_TEST ("/furrow/cli/transfer/round-trip", test_round_trip);

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* furrow-cli refused with exit 1, its message holding `text`. */
static void
assert_refused (const char *text,
                const char *first,
                ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, first);
  status = furrow_test_run_cli_valist (&out, &err, first, ap);
  va_end (ap);
  g_assert_cmpint (status, ==, 1);
  if (strstr (err, text) == NULL)
    g_error ("furrow-cli %s: “%s” without “%s”", first, err, text);
  g_assert_cmpstr (out, ==, "");
}

/* Nothing of cooperative `code` on the server: no register row, no schema, no roles. */
static void
assert_no_cooperative (const char *code)
{
  g_autofree char *rows = g_strdup_printf ("SELECT count (*) FROM furrow.cooperatives"
                                           " WHERE code = '%s'", code);
  g_autofree char *schemas = g_strdup_printf ("SELECT count (*) FROM pg_namespace"
                                              " WHERE nspname = 'coop_%s'", code);
  g_autofree char *roles = g_strdup_printf ("SELECT count (*) FROM pg_roles"
                                            " WHERE rolname LIKE 'coop\\_%s\\_%%'", code);

  g_assert_cmpint (server_int (rows), ==, 0);
  g_assert_cmpint (server_int (schemas), ==, 0);
  g_assert_cmpint (server_int (roles), ==, 0);
}

/* A cooperative already on the server is never overwritten, and a checkout never writes over an
 * existing file (here the project itself): both refused, everything as it was. */
static void
test_refused (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *code = furrow_test_pg_unique_name ("refused");
  g_autofree char *demo = test_file ("demo.gpkg");
  g_autofree char *before_file = NULL;
  g_autofree char *after_file = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) added = NULL;

  furrow_test_run_cli_ok ("demo", demo, NULL);
  furrow_test_run_cli_ok ("server", "init", uri, NULL);
  furrow_test_run_cli_ok ("publish", demo, uri, "--cooperative", code, NULL);
  before = dump_server (code);
  before_file = file_checksum (demo);

  assert_refused ("already holds cooperative", "publish", demo, uri, "--cooperative", code,
                  NULL);
  after = dump_server (code);
  added = assert_dumps_equal (before, after, 0);
  assert_refused ("already exists", "checkout", uri, "--cooperative", code, demo, NULL);
  after_file = file_checksum (demo);
  g_assert_cmpstr (after_file, ==, before_file);
  assert_refused ("not on", "checkout", uri, "--cooperative", "nowhere", "new.gpkg", NULL);
  g_assert_false (g_file_test ("new.gpkg", G_FILE_TEST_EXISTS));
}
FURROW_TEST ("/furrow/cli/transfer/refused", test_refused);

/* A publish that fails half-way — the last parcel of the file names a household that is not
 * there, which SQLite let through (foreign keys off on this connection) and the server refuses
 * after the households, fields and 999 parcels are in — leaves nothing on the server; the
 * mended file then publishes under the same code. */
static void
test_failure (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *code = furrow_test_pg_unique_name ("failed");
  g_autofree char *demo = test_file ("demo.gpkg");
  sqlite3 *db;

  furrow_test_run_cli_ok ("demo", demo, NULL);
  furrow_test_run_cli_ok ("server", "init", uri, NULL);
  g_assert_cmpint (sqlite3_open (demo, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE parcels SET household_id = household_id + 1000000"
                                     " WHERE id = (SELECT max (id) FROM parcels)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);

  assert_refused ("foreign key", "publish", demo, uri, "--cooperative", code, NULL);
  assert_no_cooperative (code);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE parcels SET household_id = household_id - 1000000"
                                     " WHERE id = (SELECT max (id) FROM parcels)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  furrow_test_run_cli_ok ("publish", demo, uri, "--cooperative", code, NULL);
  g_assert_cmpint (server_int ("SELECT count (*) FROM furrow.cooperatives"), >=, 1);
}
FURROW_TEST ("/furrow/cli/transfer/failure", test_failure);

/* Waits (a generous limit, never a fixed time) until `sql` counts `count`. */
static void
wait_for_count (const char *sql,
                gint64      count)
{
  for (guint i = 0; server_int (sql) != count; i++)
    {
      if (i > 6000)
        g_error ("still waiting for %s = %" G_GINT64_FORMAT, sql, count);
      g_usleep (G_USEC_PER_SEC / 20);
    }
}

/* A publish killed (SIGKILL) while it runs leaves nothing. It is stopped at a known point
 * first: another session holds, uncommitted, the role the new cooperative's grants create, so
 * the publish waits inside its transaction once its schema, register row and tables are made. */
static void
test_killed (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *code = furrow_test_pg_unique_name ("killed");
  g_autofree char *demo = test_file ("demo.gpkg");
  g_autofree char *terminated = NULL;
  g_autofree char *hold = g_strdup_printf ("BEGIN; CREATE ROLE coop_%s_manager NOLOGIN;"
                                           " SELECT pg_sleep (3600)", code);
  const char *others = "SELECT count (*) FROM pg_stat_activity WHERE pid <> pg_backend_pid ()"
                       " AND backend_type = 'client backend'";
  const char *argv[] = { g_getenv ("FURROW_CLI"), "publish", demo, uri, "--cooperative", code,
                         NULL };
  g_autoptr(GError) error = NULL;
  GPid holder, publisher;
  int status;

  furrow_test_run_cli_ok ("demo", demo, NULL);
  furrow_test_run_cli_ok ("server", "init", uri, NULL);
  holder = furrow_test_pg_psql_async ("furrow", hold);
  wait_for_count ("SELECT count (*) FROM pg_stat_activity WHERE pid <> pg_backend_pid ()"
                  " AND state = 'active' AND query LIKE '%pg_sleep (3600)%'", 1);
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &publisher, &error));
  g_assert_no_error (error);
  wait_for_count ("SELECT count (*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", 1);

  g_assert_cmpint (kill (publisher, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (publisher, &status, 0), ==, publisher);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  terminated = psql_admin ("SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity"
                           " WHERE pid <> pg_backend_pid () AND backend_type = 'client backend'");
  g_assert_cmpint (waitpid (holder, &status, 0), ==, holder);
  wait_for_count (others, 0);
  assert_no_cooperative (code);

  furrow_test_run_cli_ok ("publish", demo, uri, "--cooperative", code, NULL);
}
FURROW_TEST ("/furrow/cli/transfer/killed", test_killed);

FURROW_TEST_MAIN ();
