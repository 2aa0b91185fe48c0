/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `furrow-cli season plan` checks the versions of the plans it read (docs/architecture.md,
 * Several users at once; README, A custody centre's server): another program changes field
 * T01's plan (2+4 → 4+6, by "clerk_a") in a transaction it holds open while furrow-cli reads
 * the plans and tries to write T01 as 3+4; when furrow-cli is waiting for that transaction (the
 * file's write lock, the server's row lock) the other program commits. furrow-cli is the second
 * writer: exit 1, nothing on standard output, one line "The plan of field T01 was changed by
 * clerk_a (on the server: the database user, furrow) at … after you opened it; it is now 4 maize + 6 soybean rows …"; and, read around
 * Furrow (sqlite3 on the file, psql on the server), T01 still holds the first writer's 4+6 at
 * row version 2, and the audit log has no plan row for the refused write. The same program runs
 * in suite cli on a GeoPackage file and in suite pg on the test cluster. */

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-test-cli.h"
#include "furrow-test-pg.h"
#include "furrow-test.h"

#define SEASON "2026 夏"

/* What the first writer does: T01 takes T02's plan (4+6), one version up, by clerk_a. */
#define FIRST_WRITE \
  "UPDATE plans SET (pattern, parameters_json, overrides_json) = " \
  "(SELECT pattern, parameters_json, overrides_json FROM plans AS p " \
  "WHERE p.season_id = plans.season_id " \
  "AND p.field_id = (SELECT id FROM fields WHERE code = 'T02')), " \
  "changed_by = 'clerk_a', changed_at = 1767225600, row_version = row_version + 1 " \
  "WHERE field_id = (SELECT id FROM fields WHERE code = 'T01') " \
  "AND season_id = (SELECT id FROM seasons WHERE name = '" SEASON "')"

/* T01's pattern preset (a plan's preset is in overrides_json, its yield preset in preset) and
 * version, and how many audit rows of plans name it: "4+6|2|1". */
#define T01_NOW \
  "SELECT overrides_json || '|' || row_version || '|' || (SELECT count(*) FROM audit_log " \
  "WHERE action = 'season.plan' AND object = 'season:" SEASON "' " \
  "AND detail LIKE 'field T01:%') FROM plans " \
  "WHERE field_id = (SELECT id FROM fields WHERE code = 'T01') " \
  "AND season_id = (SELECT id FROM seasons WHERE name = '" SEASON "')"

/* ------------------------------------------------------------------------------------------ */
/* Around Furrow                                                                              */

static char *
sqlite_text (const char *path,
             const char *sql)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
psql_text (const char *code,
           const char *sql)
{
  g_autofree char *text = g_strdup_printf ("SET search_path TO coop_%s, furrow, public; %s",
                                           code, sql);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (furrow_test_pg_psql ("furrow", text, &out, &err) != 0)
    g_error ("psql: %s", err);
  return g_strchomp (g_steal_pointer (&out));
}

/* ------------------------------------------------------------------------------------------ */

static GSubprocess *
spawn_plan (const char *const *project)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *cli;

  g_ptr_array_add (argv, (char *) g_getenv ("FURROW_CLI"));
  g_ptr_array_add (argv, (char *) "season");
  for (guint i = 0; project[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) project[i]);
  g_ptr_array_add (argv, (char *) "plan");
  g_ptr_array_add (argv, (char *) SEASON);
  g_ptr_array_add (argv, (char *) "--field");
  g_ptr_array_add (argv, (char *) "T01");
  g_ptr_array_add (argv, (char *) "--preset");
  g_ptr_array_add (argv, (char *) "3+4");
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  cli = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  return cli;
}

/* The refused second writer: exit 1, one line naming the field, the first writer and its plan. */
static void
assert_conflict (GSubprocess *cli,
                 const char  *who)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *by = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("furrow-cli season plan, second writer: exit %d: %s",
                  g_subprocess_get_exit_status (cli), err);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  by = g_strdup_printf ("The plan of field T01 was changed by %s at ", who);
  g_assert_nonnull (strstr (err, by));
  g_assert_nonnull (strstr (err, "after you opened it; it is now 4 maize + 6 soybean rows"));
  g_assert_nonnull (strstr (err, "Your change was not saved."));
}

/* furrow-cli season PROJECT… ARGS… (NULL last), which must succeed. */
static void
run_season (const char *const *project,
            const char        *first,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) "season");
  for (guint i = 0; project[i] != NULL; i++)
    g_ptr_array_add (args, (char *) project[i]);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (furrow_test_run_cliv ((const char *const *) args->pdata, &out, NULL), ==, 0);
}

/* Plans every field of a new season 2+4 (version 1), then T02 4+6 (version 2). */
static void
plan_season (const char *const *project)
{
  run_season (project, "create", SEASON, "--year", "2026", NULL);
  run_season (project, "plan", SEASON, "--all", "--preset", "2+4", NULL);
  run_season (project, "plan", SEASON, "--field", "T02", "--preset", "4+6", NULL);
}

/* The kernel's name for where a process sleeps: SQLite's busy handler waiting for the lock
 * sleeps in hrtimer_nanosleep (furrow-cli does not sleep otherwise). */
static gboolean
sleeping (GSubprocess *cli)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/wchan", g_subprocess_get_identifier (cli));
  g_autofree char *wchan = NULL;

  return g_file_get_contents (path, &wchan, NULL, NULL) && strstr (wchan, "nanosleep") != NULL;
}

static void
test_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "conflict", NULL);
  g_autofree char *path = g_build_filename (dir, "P.gpkg", NULL);
  const char *project[] = { "--project", path, NULL };
  g_autoptr(GSubprocess) cli = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;
  guint waited = 0;

  if (furrow_test_skip_on_pg ("the file's write lock; the server's case is /server"))
    return;
  g_mkdir_with_parents (dir, 0700);
  furrow_test_run_cli_ok ("demo", path, NULL);
  plan_season (project);
  before = sqlite_text (path, T01_NOW);
  g_assert_cmpstr (before, ==, "2+4|1|1");

  /* The first writer holds its change uncommitted; furrow-cli reads the plans (WAL: the
   * committed ones) and waits for the write lock. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, FIRST_WRITE, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  cli = spawn_plan (project);
  while (!sleeping (cli) && waited++ < 2000)
    g_usleep (5000);
  g_assert_true (sleeping (cli));
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_conflict (cli, "clerk_a");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  after = sqlite_text (path, T01_NOW);
  g_assert_cmpstr (after, ==, "4+6|2|1");
}
FURROW_TEST ("/furrow/cli/plan-conflict/file", test_file);

/* The first writer, psql, changes T01 and then waits, in its transaction, until another backend
 * waits for a lock (furrow-cli's UPDATE on T01's row), then commits (pg_locks is read live, at
 * most 30 s). */
#define WAIT_AND_COMMIT \
  "; DO $$ BEGIN FOR i IN 1 .. 600 LOOP " \
  "EXIT WHEN EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted); " \
  "PERFORM pg_sleep (0.05); END LOOP; END $$; COMMIT;"

static void
test_server (void)
{
  g_autofree char *code = NULL;
  g_autofree char *script = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  const char *project[] = { "--project", NULL, "--cooperative", NULL, NULL };
  int status;
  GPid psql;

  if (!furrow_test_pg ())
    {
      g_test_skip ("the server's case runs in suite pg");
      return;
    }
  project[1] = furrow_test_pg_uri ();
  code = furrow_test_pg_unique_name ("plan");
  furrow_test_pg_create_demo (code);
  project[3] = code;
  plan_season (project);
  before = psql_text (code, T01_NOW);
  g_assert_cmpstr (before, ==, "2+4|1|1");

  script = g_strdup_printf ("SET search_path TO coop_%s, furrow, public; BEGIN; %s"
                            WAIT_AND_COMMIT, code, FIRST_WRITE);
  psql = furrow_test_pg_psql_async ("furrow", script);
  /* furrow-cli starts once the first writer holds T01's row. */
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *held = psql_text (code, "SELECT count(*) FROM pg_locks JOIN pg_class ON "
                                               "pg_class.oid = relation WHERE relname = 'plans' "
                                               "AND mode = 'RowExclusiveLock'");

      if (g_str_equal (held, "1"))
        break;
      g_usleep (50000);
    }
  cli = spawn_plan (project);
  /* The server's triggers write who changed a row: the database user (docs/architecture.md). */
  assert_conflict (cli, "furrow");
  g_assert_cmpint (waitpid (psql, &status, 0), ==, psql);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  after = psql_text (code, T01_NOW);
  g_assert_cmpstr (after, ==, "4+6|2|1");
}
FURROW_TEST ("/furrow/cli/plan-conflict/server", test_server);

FURROW_TEST_MAIN ();
