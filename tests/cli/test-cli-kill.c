/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Kill test over the three operations that change much at once (issue 12, "Also deliver"):
 * `furrow-cli import` of 4,000 households, `season settle` of the demo cooperative and
 * `restore` of the restore point taken before that settlement, each killed with SIGKILL 50
 * times in all (round-robin) after a random delay (GRand, seed printed) between 0.3 and 1.5 times
 * what the operation takes uninterrupted (every other round below 0.8 times). After each kill
 * `furrow-cli check` finds no problem, `furrow-cli restore-points` still lists the points, and
 * the project's rows are exactly those before the operation or exactly those after it (a SHA-256
 * of every row of every table but the time stamps, compared with uninterrupted runs), never
 * anything in between: a restore's own "project.restore" audit row comes with the restored rows
 * or not at all, and a restore that happened always left the restore point that undoes it. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

#define N_KILLS      50
#define N_HOUSEHOLDS 4000
#define SEED         20261207
#define SEASON       "2025 秋"

typedef enum
{
  OP_IMPORT,
  OP_SETTLE,
  OP_RESTORE,
  N_OPS
} Op;

static const char *const op_names[N_OPS] = { "import", "settle", "restore" };

typedef struct
{
  char   *dir;
  char   *data_dir;        /* XDG_DATA_HOME of every furrow-cli here */
  char   *points;          /* its restore-points folder as the set-up left it … */
  char   *saved_points;    /* … and a copy, put back before each run */
  char   *project;         /* the one path every run uses (restore points follow the path) */
  char   *households;      /* the file of OP_IMPORT */
  char   *restore_id;      /* the point of OP_RESTORE: before the settlement */
  guint   n_points;        /* how many points the set-up left */
  char   *base[N_OPS];     /* the project before each operation */
  char   *before[N_OPS];   /* its row digest */
  char   *after[N_OPS];    /* the digest after the operation, uninterrupted */
  gint64  took_us[N_OPS];  /* how long the operation takes uninterrupted (the shorter of two) */
} Kill;

/* The rows of every table, in rowid order, but for the columns a clock fills (audit_log.time,
 * settlements.created, gpkg_contents.last_change …): equal for two runs of the same operation.
 * Opens the project read-write, as the next program would, so a hot WAL is recovered first. */
static char *
row_digest (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      g_checksum_update (sum, (const guchar *) tables->pdata[t], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *name = sqlite3_column_name (stmt, c);
            int type = sqlite3_column_type (stmt, c);
            const void *blob;

            if (g_str_equal (name, "time") || g_str_equal (name, "created") ||
                g_str_equal (name, "last_change"))
              continue;
            blob = sqlite3_column_blob (stmt, c);
            g_checksum_update (sum, (const guchar *) &type, sizeof type);
            if (blob != NULL)
              g_checksum_update (sum, blob, sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

static void
run_tool (const char *const *argv)
{
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The project as BASE left it, without a -wal or -shm of an earlier run, and the restore points
 * as the set-up left them. */
static void
reset (Kill *kill_test,
       Op    op)
{
  g_autofree char *wal = g_strconcat (kill_test->project, "-wal", NULL);
  g_autofree char *shm = g_strconcat (kill_test->project, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  copy_file (kill_test->base[op], kill_test->project);
  furrow_test_remove_tree (kill_test->points);
  run_tool ((const char *[]) { "cp", "-a", kill_test->saved_points, kill_test->points, NULL });
}

static GSubprocess *
spawn_op (Kill *kill_test,
          Op    op)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("FURROW_CLI");
  GSubprocess *process = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", kill_test->data_dir, TRUE);
  switch (op)
    {
    case OP_IMPORT:
      process = g_subprocess_launcher_spawn (launcher, &error, cli, "import", "--project",
                                             kill_test->project, kill_test->households, NULL);
      break;
    case OP_SETTLE:
      process = g_subprocess_launcher_spawn (launcher, &error, cli, "season", "--project",
                                             kill_test->project, "settle", SEASON, "--force",
                                             NULL);
      break;
    case OP_RESTORE:
      process = g_subprocess_launcher_spawn (launcher, &error, cli, "restore", "--project",
                                             kill_test->project, kill_test->restore_id, NULL);
      break;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  return process;
}

/* furrow-cli with XDG_DATA_HOME set as for the operations; returns its exit status. */
static int
run_cli (Kill        *kill_test,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FURROW_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", kill_test->data_dir, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* The newest restore point's id (furrow-cli restore-points --json lists newest first), how many
 * there are and, when `reason` is given, the newest one's reason as listed. */
static char *
newest_restore_point_full (Kill   *kill_test,
                           guint  *n_points,
                           char  **reason)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonArray *points;

  g_assert_cmpint (run_cli (kill_test, &out, "restore-points", "--project", kill_test->project,
                            "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  points = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (points), >=, 1);
  *n_points = json_array_get_length (points);
  if (reason != NULL)
    *reason = g_strdup (json_object_get_string_member (json_array_get_object_element (points, 0),
                                                       "reason"));
  return g_strdup (json_object_get_string_member (json_array_get_object_element (points, 0),
                                                  "id"));
}

static char *
newest_restore_point (Kill  *kill_test,
                      guint *n_points)
{
  return newest_restore_point_full (kill_test, n_points, NULL);
}

/* After a restore that happened: the set-up's points and one more, the newest, taken "before
 * going back to a restore point" (its label in furrow_restore_reason_to_label()). */
static void
assert_restore_kept (Kill *kill_test)
{
  g_autofree char *reason = NULL;
  g_autofree char *id = NULL;
  guint n_points = 0;

  id = newest_restore_point_full (kill_test, &n_points, &reason);
  g_assert_cmpuint (n_points, ==, kill_test->n_points + 1);
  g_assert_cmpstr (reason, ==, "Before going back to a restore point");
  g_assert_cmpstr (id, !=, kill_test->restore_id);
}

/* The newest audit row is `action` on the restore point of the restore runs, so the digest
 * "after" a restore includes the row that says so. */
static void
assert_last_audit (Kill       *kill_test,
                   const char *action)
{
  g_autofree char *object = g_strdup_printf ("restore-point:%s", kill_test->restore_id);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (kill_test->project, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, object FROM audit_log"
                                       " ORDER BY id DESC LIMIT 1", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, action);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, object);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
set_up_kill (Kill *kill_test)
{
  g_autoptr(GString) csv = g_string_new ("CBFBM,CBFMC,CBFCYSL\n");
  g_autofree char *out = NULL;
  const char *fields[] = { "T01", "T02", "T03", "T04" };

  kill_test->dir = g_build_filename (g_get_user_cache_dir (), "kill", NULL);
  kill_test->data_dir = g_build_filename (kill_test->dir, "data", NULL);
  kill_test->points = g_build_filename (kill_test->data_dir, "furrow", "restore-points", NULL);
  kill_test->saved_points = g_build_filename (kill_test->dir, "saved-points", NULL);
  kill_test->project = g_build_filename (kill_test->dir, "P.gpkg", NULL);
  kill_test->households = g_build_filename (kill_test->dir, "households.csv", NULL);
  g_mkdir_with_parents (kill_test->data_dir, 0700);

  /* 4,000 households of a village group the demo does not have (3707821022 99 …). */
  for (guint i = 0; i < N_HOUSEHOLDS; i++)
    g_string_append_printf (csv, "370782102299%06u,试验户%u,%u\n", i + 1, i + 1, 1 + i % 6);
  g_assert_true (g_file_set_contents (kill_test->households, csv->str, csv->len, NULL));

  /* The demo with a season planned on every field and four harvests: ready to settle. */
  g_assert_cmpint (run_cli (kill_test, &out, "demo", kill_test->project, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (kill_test, &out, "season", "--project", kill_test->project, "create",
                            SEASON, "--year", "2025", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (kill_test, &out, "season", "--project", kill_test->project, "plan",
                            SEASON, "--all", "--preset", "2+4", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_clear_pointer (&out, g_free);
      g_assert_cmpint (run_cli (kill_test, &out, "season", "--project", kill_test->project,
                                "harvest", SEASON, "--field", fields[i], "--crop", "maize",
                                "--kg", "30000", "--revenue-fen", "8160000", NULL), ==, 0);
    }
  kill_test->base[OP_IMPORT] = g_build_filename (kill_test->dir, "before-import.gpkg", NULL);
  kill_test->base[OP_SETTLE] = g_build_filename (kill_test->dir, "before-settle.gpkg", NULL);
  kill_test->base[OP_RESTORE] = g_build_filename (kill_test->dir, "before-restore.gpkg", NULL);
  g_free (row_digest (kill_test->project));   /* checkpoints the WAL into the file */
  copy_file (kill_test->project, kill_test->base[OP_IMPORT]);
  copy_file (kill_test->project, kill_test->base[OP_SETTLE]);

  /* Settled: the state OP_RESTORE starts from; its point is the one taken before settling. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (kill_test, &out, "season", "--project", kill_test->project, "settle",
                            SEASON, "--force", NULL), ==, 0);
  kill_test->restore_id = newest_restore_point (kill_test, &kill_test->n_points);
  g_free (row_digest (kill_test->project));
  copy_file (kill_test->project, kill_test->base[OP_RESTORE]);
  run_tool ((const char *[]) { "cp", "-a", kill_test->points, kill_test->saved_points, NULL });
  g_test_message ("the restore point of the restore runs: %s", kill_test->restore_id);

  /* Each operation uninterrupted, twice: its duration and the digest after it, the same both
   * times (else the digest would hold something a clock or a random number fills). */
  for (Op op = 0; op < N_OPS; op++)
    {
      kill_test->took_us[op] = G_MAXINT64;
      for (guint run = 0; run < 2; run++)
        {
          g_autoptr(GSubprocess) process = NULL;
          g_autofree char *digest = NULL;
          gint64 start;

          reset (kill_test, op);
          if (kill_test->before[op] == NULL)
            kill_test->before[op] = row_digest (kill_test->project);
          start = g_get_monotonic_time ();
          process = spawn_op (kill_test, op);
          g_assert_true (g_subprocess_wait_check (process, NULL, NULL));
          kill_test->took_us[op] = MIN (kill_test->took_us[op], g_get_monotonic_time () - start);
          digest = row_digest (kill_test->project);
          if (op == OP_RESTORE)
            {
              assert_last_audit (kill_test, "project.restore");
              assert_restore_kept (kill_test);
            }
          if (kill_test->after[op] == NULL)
            kill_test->after[op] = g_steal_pointer (&digest);
          else
            g_assert_cmpstr (digest, ==, kill_test->after[op]);
        }
      g_assert_cmpstr (kill_test->after[op], !=, kill_test->before[op]);
      g_test_message ("%s uninterrupted: %.3f s", op_names[op], kill_test->took_us[op] / 1e6);
    }
}

static void
tear_down_kill (Kill *kill_test)
{
  furrow_test_remove_tree (kill_test->dir);
  for (Op op = 0; op < N_OPS; op++)
    {
      g_free (kill_test->base[op]);
      g_free (kill_test->before[op]);
      g_free (kill_test->after[op]);
    }
  g_free (kill_test->restore_id);
  g_free (kill_test->households);
  g_free (kill_test->project);
  g_free (kill_test->saved_points);
  g_free (kill_test->points);
  g_free (kill_test->data_dir);
  g_free (kill_test->dir);
}

static void
test_kill (void)
{
  Kill kill_test = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *clean = NULL;
  guint n_before[N_OPS] = { 0 }, n_after[N_OPS] = { 0 };
  gint64 start = g_get_monotonic_time ();

  set_up_kill (&kill_test);
  clean = g_strdup_printf ("%s: no problems found\n", kill_test.project);
  g_test_message ("seed %u", SEED);

  for (guint i = 0; i < N_KILLS; i++)
    {
      Op op = i % N_OPS;
      /* The start (process, opening, quick_check) is the same for all three; the writing is
       * at the end. Every other round of an operation kills it early, from 0.3 to 0.8 times
       * the uninterrupted run (before its commit, nearly always), the others late, from 0.8 to
       * 1.5 times (around and after it; a loaded machine ends later than the uninterrupted
       * runs did): both outcomes are met without depending on the machine's speed. */
      gboolean early = (i / N_OPS) % 2 == 0;
      gint64 delay_us = g_rand_int_range (rand,
                                          (gint32) (kill_test.took_us[op] * (early ? 0.3 : 0.8)),
                                          (gint32) (kill_test.took_us[op] * (early ? 0.8 : 1.5)));
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *digest = NULL;
      g_autofree char *check = NULL;
      g_autofree char *points = NULL;
      gboolean killed;

      reset (&kill_test, op);
      process = spawn_op (&kill_test, op);
      g_usleep (delay_us);
      g_subprocess_send_signal (process, SIGKILL);
      g_assert_true (g_subprocess_wait (process, NULL, NULL));
      killed = g_subprocess_get_if_signaled (process);

      g_assert_cmpint (run_cli (&kill_test, &check, "check", "--project", kill_test.project, NULL),
                       ==, 0);
      g_assert_cmpstr (check, ==, clean);
      g_assert_cmpint (run_cli (&kill_test, &points, "restore-points", "--project",
                                kill_test.project, NULL), ==, 0);
      digest = row_digest (kill_test.project);
      g_test_message ("kill %u: %s after %.3f s: %s, %s", i + 1, op_names[op], delay_us / 1e6,
                      killed ? "killed" : "had finished",
                      g_str_equal (digest, kill_test.before[op]) ? "before" :
                      g_str_equal (digest, kill_test.after[op]) ? "after" : "NEITHER");
      /* Exactly one of the two, the audit log included: a restore stages the point with its
       * "project.restore" audit row and copies that in with one backup step. */
      if (g_str_equal (digest, kill_test.before[op]))
        n_before[op]++;
      else
        {
          g_assert_cmpstr (digest, ==, kill_test.after[op]);
          n_after[op]++;
          /* A restore that happened left the point that undoes it: one more point than the
           * set-up's, the newest, taken before the restore. */
          if (op == OP_RESTORE)
            assert_restore_kept (&kill_test);
        }
    }

  for (Op op = 0; op < N_OPS; op++)
    g_test_message ("%s: %u kills left it before, %u after", op_names[op], n_before[op],
                    n_after[op]);
  g_test_message ("%u kills in %.1f s", N_KILLS, (g_get_monotonic_time () - start) / 1e6);
  /* Kills land both before and after the commit of each operation (a test that never
   * interrupts one, or never lets one finish, proves little). */
  for (Op op = 0; op < N_OPS; op++)
    g_assert_cmpuint (n_before[op], >=, 2);
  tear_down_kill (&kill_test);
}
FURROW_TEST ("/furrow/cli/kill/import-settle-restore", test_kill);

FURROW_TEST_MAIN ();
