/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Two programs on one project (issue 12, "Also deliver"): while one `furrow-cli import` writes
 * 10,000 parcels into a project, a second furrow-cli creates seasons and imports households
 * into the same file, one command after the other, for as long as the import runs. SQLite lets
 * one writer in at a time (WAL: docs/architecture.md, The store); every command must either
 * wait for the other and succeed, or give up after the busy timeout (5 s, furrow-database.c)
 * with exit 1 and the one line "P is in use by another program; try again when it is done".
 * Afterwards nothing is lost: the parcels are all there (or, if the import gave up, none), every
 * season and household a command reported is there and no other, there is one audit row per
 * command that succeeded, and `furrow-cli check` finds no problem. Three rounds, each from the
 * same project. */

#include "config.h"

#include <gdal.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "import-test-data.h"

#define N_PARCELS 10000
#define N_ROUNDS  3

static gint64
count_object (const char *path,
              const char *table,
              const char *column,
              const char *value)
{
  g_autofree char *sql = NULL;
  char *quoted = sqlite3_mprintf ("%Q", value);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = %s", table, column, quoted);
  sqlite3_free (quoted);
  return furrow_test_store_query_int (path, sql);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  test_write_file (to, contents, len);
}

static void
import_exited_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gint64 *ended = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *ended = g_get_monotonic_time ();
}

/* A furrow-cli that lost the race: exit 1, exactly the busy line. */
static void
assert_busy (const char *project,
             const char *err)
{
  g_autofree char *line = g_strdup_printf ("furrow-cli: %s is in use by another program; try "
                                           "again when it is done\n", project);

  g_assert_cmpstr (err, ==, line);
}

typedef struct
{
  char  *object;     /* its audit_log object: "season:NAME" or "import:FILE" */
  char  *name;       /* the season, or the first household code of the file */
  gboolean is_season;
  int    status;
  gint64 started, ended;
} Command;

static void
command_free (Command *command)
{
  g_free (command->object);
  g_free (command->name);
  g_free (command);
}

static void
test_two_processes (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "concurrency", NULL);
  g_autofree char *shp = g_build_filename (dir, "parcels.shp", NULL);
  g_autofree char *csv = g_build_filename (dir, "households.csv", NULL);
  g_autofree char *base = g_build_filename (dir, "base.gpkg", NULL);
  g_autofree char *project = g_build_filename (dir, "project.gpkg", NULL);
  guint households = test_household_count (N_PARCELS);
  guint n_busy = 0, n_overlapping = 0;
  gint64 base_audit, base_seasons;

  g_mkdir_with_parents (dir, 0700);
  test_write_parcels_shp (shp, N_PARCELS, 4490, NULL);
  test_write_households_csv (csv, N_PARCELS);
  {
    const char *args[] = { "import", "--project", base, csv, NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (furrow_test_run_cliv (args, &out, NULL), ==, 0);
  }
  g_assert_cmpint (furrow_test_store_query_int (base, "SELECT count(*) FROM households"), ==,
                   households);
  base_audit = furrow_test_store_query_int (base, "SELECT count(*) FROM audit_log");
  base_seasons = furrow_test_store_query_int (base, "SELECT count(*) FROM seasons");

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) import = NULL;
      g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *import_out = NULL;
      g_autofree char *import_err = NULL;
      g_autofree char *check_out = NULL;
      g_autofree char *clean = NULL;
      gint64 import_started, import_ended = 0;
      guint n_ok = 0, n_seasons = 0, n_household_files = 0;
      gboolean ran_after = FALSE;
      int import_status;

      g_remove (project);
      copy_file (base, project);

      /* The first program: the import, as furrow-cli runs it (restore points in the test's
       * data folder, as furrow_test_run_cliv() gives them). */
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
      import_started = g_get_monotonic_time ();
      import = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("FURROW_CLI"), "import",
                                            "--project", project, shp, NULL);
      g_assert_no_error (error);
      g_subprocess_wait_async (import, NULL, import_exited_cb, &import_ended);

      /* The second program, one command after the other while the import runs (and one more
       * after it ended, so that the last one certainly met a finished import). */
      for (guint j = 0; !ran_after; j++)
        {
          Command *command = g_new0 (Command, 1);
          g_autofree char *err = NULL;
          g_autofree char *out = NULL;

          ran_after = import_ended != 0;

          g_usleep (20000 + 40000 * (j % 3));
          command->is_season = j % 2 == 0;
          if (command->is_season)
            {
              const char *args[] = { "season", "--project", project, "create", NULL, "--year",
                                     "2025", NULL };

              command->name = g_strdup_printf ("第%u轮 %u", round + 1, j + 1);
              command->object = g_strconcat ("season:", command->name, NULL);
              args[4] = command->name;
              command->started = g_get_monotonic_time ();
              command->status = furrow_test_run_cliv (args, &out, &err);
            }
          else
            {
              g_autofree char *file = g_strdup_printf ("more-%u-%u.csv", round + 1, j + 1);
              g_autofree char *path = g_build_filename (dir, file, NULL);
              g_autofree char *rows = NULL;
              const char *args[] = { "import", "--project", project, path, NULL };

              /* Two households of codes no other file uses: 37078210229RRJJ1 and …2. */
              command->name = g_strdup_printf ("3707821022%02u%02u%02u01", 90 + round, j + 1,
                                               round + 1);
              rows = g_strdup_printf ("CBFBM,CBFMC\n%s,并发户甲\n3707821022%02u%02u%02u02,并发户乙\n",
                                      command->name, 90 + round, j + 1, round + 1);
              test_write_file (path, rows, -1);
              command->object = g_strconcat ("import:", file, NULL);
              command->started = g_get_monotonic_time ();
              command->status = furrow_test_run_cliv (args, &out, &err);
            }
          command->ended = g_get_monotonic_time ();
          g_ptr_array_add (commands, command);
          /* Deliver the import's exit, if it came, before deciding on the next command. */
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_test_message ("round %u: %s: exit %d after %.2f s%s", round + 1, command->object,
                          command->status, (command->ended - command->started) / 1e6,
                          import_ended == 0 ? " (the import is still running)" : "");
          if (command->status == 0)
            {
              n_ok++;
              if (command->is_season)
                n_seasons++;
              else
                n_household_files++;
              g_assert_cmpstr (err, ==, "");
            }
          else
            {
              g_assert_cmpint (command->status, ==, 1);
              assert_busy (project, err);
              n_busy++;
            }
          if (command->started < (import_ended ? import_ended : G_MAXINT64))
            n_overlapping++;
          g_assert_cmpuint (commands->len, <, 90);   /* two digits of the codes */
        }

      g_assert_true (g_subprocess_communicate_utf8 (import, NULL, NULL, &import_out, &import_err,
                                                    &error));
      g_assert_no_error (error);
      import_status = g_subprocess_get_exit_status (import);
      g_test_message ("round %u: the import took %.2f s, exit %d: %s%s", round + 1,
                      (import_ended - import_started) / 1e6, import_status, import_out,
                      import_err);

      /* Nothing lost, nothing half: the import whole or (busy) not at all, every command that
       * said it succeeded is in the file with its audit row, none that failed is. */
      if (import_status == 0)
        {
          g_assert_cmpstr (import_err, ==, "");
          g_assert_cmpint (furrow_test_store_query_int (project, "SELECT count(*) FROM parcels"),
                           ==, N_PARCELS);
          n_ok++;
        }
      else
        {
          g_assert_cmpint (import_status, ==, 1);
          assert_busy (project, import_err);
          g_assert_cmpint (furrow_test_store_query_int (project, "SELECT count(*) FROM parcels"),
                           ==, 0);
        }
      g_assert_cmpint (furrow_test_store_query_int (project,
                                                    "SELECT count(DISTINCT code) FROM parcels"),
                       ==, furrow_test_store_query_int (project, "SELECT count(*) FROM parcels"));
      g_assert_cmpint (furrow_test_store_query_int (project, "SELECT count(*) FROM seasons"), ==,
                       base_seasons + n_seasons);
      g_assert_cmpint (furrow_test_store_query_int (project, "SELECT count(*) FROM households"), ==,
                       households + 2 * n_household_files);
      g_assert_cmpint (furrow_test_store_query_int (project, "SELECT count(*) FROM audit_log"), ==,
                       base_audit + n_ok);
      for (guint i = 0; i < commands->len; i++)
        {
          Command *command = commands->pdata[i];
          gint64 expected = command->status == 0 ? 1 : 0;

          g_assert_cmpint (count_object (project, "audit_log", "object", command->object), ==,
                           expected);
          if (command->is_season)
            g_assert_cmpint (count_object (project, "seasons", "name", command->name), ==,
                             expected);
          else
            g_assert_cmpint (count_object (project, "households", "code", command->name), ==,
                             expected);
        }

      {
        const char *args[] = { "check", "--project", project, NULL };

        g_assert_cmpint (furrow_test_run_cliv (args, &check_out, NULL), ==, 0);
      }
      clean = g_strdup_printf ("%s: no problems found\n", project);
      g_assert_cmpstr (check_out, ==, clean);
      g_test_message ("round %u: %u commands beside the import, %u succeeded", round + 1,
                      commands->len, n_ok);
    }

  g_test_message ("%u commands started while the import ran; %u gave up as busy",
                  n_overlapping, n_busy);
  /* The rounds really overlapped: in each, the second program ran commands while the import
   * ran (a test in which the two never meet proves nothing). Whether one of them met the
   * import's transaction is up to the scheduler; the test below makes that certain. */
  g_assert_cmpuint (n_overlapping, >=, N_ROUNDS);
}
FURROW_TEST ("/furrow/cli/concurrency/two-processes", test_two_processes);

/* Another program holds the project's write lock (BEGIN IMMEDIATE, as any SQLite program
 * writing does): held 1.5 s, furrow-cli waits for it and then writes; held longer than the
 * busy timeout (5 s), furrow-cli gives up with the busy line, and the project is byte for byte
 * what it was. */
static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_lock_held (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "lock", NULL);
  g_autofree char *project = g_build_filename (dir, "P.gpkg", NULL);
  g_autofree char *csv = g_build_filename (dir, "more.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;
  gint64 start, took;

  g_mkdir_with_parents (dir, 0700);
  {
    const char *args[] = { "demo", project, NULL };

    g_assert_cmpint (furrow_test_run_cliv (args, &out, NULL), ==, 0);
  }
  test_write_file (csv, "CBFBM,CBFMC\n370782102201019001,锁户甲\n", -1);
  g_assert_cmpint (sqlite3_open_v2 (project, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  /* Held 1.5 s while `season create` starts: it waits, then writes. */
  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GSubprocess) season = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *season_out = NULL;
    g_autofree char *season_err = NULL;

    g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
    start = g_get_monotonic_time ();
    season = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("FURROW_CLI"), "season",
                                          "--project", project, "create", "等锁", "--year",
                                          "2025", NULL);
    g_assert_no_error (error);
    g_usleep (1500000);
    g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_true (g_subprocess_communicate_utf8 (season, NULL, NULL, &season_out, &season_err,
                                                  &error));
    took = g_get_monotonic_time () - start;
    g_test_message ("season create with the lock held 1.5 s: exit %d after %.2f s: %s",
                    g_subprocess_get_exit_status (season), took / 1e6, season_err);
    g_assert_cmpint (g_subprocess_get_exit_status (season), ==, 0);
    g_assert_cmpstr (season_err, ==, "");
    g_assert_cmpint (took, >=, 1500000);
    g_assert_cmpint (count_object (project, "seasons", "name", "等锁"), ==, 1);
    g_assert_cmpint (count_object (project, "audit_log", "object", "season:等锁"), ==, 1);
  }

  /* Held all along: an import and a season give up after the busy timeout, nothing written.
   * The file is read for its SHA-256 while no connection of this process is open: closing
   * another descriptor of it would drop the process's locks on it (SQLite, "How To Corrupt An
   * SQLite Database File", 2.2), and then a furrow-cli ending would delete the -wal and -shm
   * under the lock, letting the next one write beside it. */
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = file_sha256 (project);
  g_assert_cmpint (sqlite3_open_v2 (project, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    const char *import[] = { "import", "--project", project, csv, NULL };
    const char *season[] = { "season", "--project", project, "create", "不等", "--year", "2025",
                             NULL };
    const char *const *commands[] = { import, season };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autofree char *err = NULL;
        g_autofree char *cmd_out = NULL;

        start = g_get_monotonic_time ();
        g_assert_cmpint (furrow_test_run_cliv (commands[i], &cmd_out, &err), ==, 1);
        took = g_get_monotonic_time () - start;
        g_test_message ("%s with the lock held: exit 1 after %.2f s: %s", commands[i][0],
                        took / 1e6, err);
        assert_busy (project, err);
        g_assert_cmpstr (cmd_out, ==, "");
        g_assert_cmpint (took, >=, 5000000);    /* it waited the busy timeout first */
      }
  }
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  after = file_sha256 (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_object (project, "households", "code", "370782102201019001"), ==, 0);
  g_assert_cmpint (count_object (project, "seasons", "name", "不等"), ==, 0);
  g_assert_cmpint (count_object (project, "audit_log", "object", "import:more.csv"), ==, 0);
}
FURROW_TEST ("/furrow/cli/concurrency/lock-held", test_lock_held);

static void
set_up (void)
{
  GDALAllRegister ();
}

FURROW_TEST_MAIN (.set_up = set_up);
