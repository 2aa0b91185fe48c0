/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A client killed mid-transaction on a server (issue 15, item 6; docs/architecture.md, The
 * backend seam): `furrow-cli import` of 4,000 households and `season settle` of the demo
 * cooperative on the throwaway cluster of suite pg, each killed with SIGKILL 8 times. Every run
 * starts from its own copy of the set-up's database (CREATE DATABASE … TEMPLATE: the same rows
 * and the same sequences), and after each kill the cooperative's rows are exactly those before
 * the operation or exactly those after it (an MD5 of every row of every table of its schema but
 * the time stamps, compared with two uninterrupted runs), never anything in between; and the
 * next write succeeds (the killed client left no lock).
 *
 * The kill points are the server's, not a clock's. Half the kills are made while the client is
 * certainly inside its transaction: a trigger the test adds to the cooperative's audit_log (which
 * both operations write at the end, before their COMMIT) takes an advisory lock the test holds,
 * so the client waits there; the test kills it when pg_stat_activity shows it waiting for a lock
 * with a transaction id (it has written), and then lets go. (A lock on the table itself would
 * hold the client earlier, when it prepares its INSERT, before it has written anything.) The
 * other half wait until pg_stat_activity shows the client's transaction has written, then let it
 * run a growing share of the operation's uninterrupted time (0 to 1.4 times), so kills land
 * early, late and after the commit; their outcome may be either, and must be one of the two. */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>

#include "furrow-database.h"
#include "furrow-test-cli.h"
#include "furrow-test-pg.h"
#include "furrow-test.h"

#define N_KILLS      16
#define N_HOUSEHOLDS 4000
#define SEASON       "2025 秋"
#define CODE         "kill"
#define HOLD_KEY     "4242"

typedef enum
{
  OP_IMPORT,
  OP_SETTLE,
  N_OPS
} Op;

static const char *const op_names[N_OPS] = { "import", "settle" };

typedef struct
{
  char   *households;      /* the CSV of OP_IMPORT */
  char   *before;          /* the cooperative's digest before either operation */
  char   *after[N_OPS];    /* the digest after the operation, uninterrupted */
  gint64  took_us[N_OPS];  /* the operation's uninterrupted time (the shorter of two) */
  guint   n_databases;
} Kill;

/* The cluster's URI with its database replaced by `name`. */
static char *
database_uri (const char *name)
{
  const char *uri = furrow_test_pg_uri ();
  const char *query = strchr (uri, '?');
  const char *slash = strstr (uri, ":///");

  g_assert_nonnull (query);
  g_assert_nonnull (slash);
  return g_strdup_printf ("%.*s/%s%s", (int) (slash + 3 - uri), uri, name, query);
}

static FurrowDatabase *
connect (const char *name)
{
  g_autofree char *uri = database_uri (name);
  g_autoptr(GError) error = NULL;
  FurrowDatabase *database = furrow_database_open (uri, 0, &error);

  g_assert_no_error (error);
  return database;
}

static void
exec_on (const char *name,
         const char *sql)
{
  g_autoptr(FurrowDatabase) database = connect (name);
  g_autoptr(GError) error = NULL;

  furrow_database_exec (database, sql, &error);
  g_assert_no_error (error);
}

/* A copy of the set-up's database (no one may be connected to it then): its name. */
static char *
copy_database (Kill *kill_test)
{
  char *name = g_strdup_printf ("kill_%u", ++kill_test->n_databases);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE furrow_test", name);

  exec_on ("postgres", create);
  return name;
}

static void
drop_database (const char *name)
{
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", name);

  exec_on ("postgres", drop);
}

/* Every row of every table of the cooperative's schema but the columns a clock fills, each
 * table's rows as JSON in text order: equal for two runs of one operation on two copies. */
static char *
row_digest (FurrowDatabase *database)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  char *digest;

  stmt = furrow_database_prepare (database,
    "SELECT md5 (string_agg (t.table_name || ' ' || md5 (query_to_xml (format ("
    "  'SELECT coalesce (string_agg (j, E''\\n'' ORDER BY j), '''') AS d FROM (SELECT"
    "   (to_jsonb (r) - ARRAY[''time'', ''created'', ''last_change'', ''changed_at''])::text AS j"
    "   FROM %I.%I r) s', t.table_schema, t.table_name), false, true, '')::text), ' '"
    " ORDER BY t.table_name))"
    " FROM information_schema.tables t"
    " WHERE t.table_schema = 'coop_" CODE "' AND t.table_type = 'BASE TABLE'", &error);
  g_assert_no_error (error);
  g_assert_true (furrow_statement_step (stmt, &error));
  g_assert_no_error (error);
  digest = furrow_statement_dup_text (stmt, 0);
  g_assert_nonnull (digest);
  return digest;
}

static gint64
count_households (FurrowDatabase *database)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;

  furrow_database_query_int (database, "SELECT count(*) FROM coop_" CODE ".households", &n,
                             &error);
  g_assert_no_error (error);
  return n;
}

/* The client's server process (application_name `app`): 1 when it has written in an open
 * transaction (it has a transaction id) and, with `waiting`, waits for a lock; 0 otherwise. */
static gint64
client_state (FurrowDatabase *database,
              const char     *app,
              gboolean        waiting)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = furrow_database_prepare (database,
                                  "SELECT count(*) FROM pg_stat_activity"
                                  " WHERE application_name = ?1 AND backend_xid IS NOT NULL"
                                  " AND (?2 = 0 OR wait_event_type = 'Lock')", &error);
  g_assert_no_error (error);
  furrow_statement_bind_text (stmt, 1, app);
  furrow_statement_bind_int64 (stmt, 2, waiting);
  g_assert_true (furrow_statement_step (stmt, &error));
  return furrow_statement_get_int64 (stmt, 0);
}

static gint64
client_sessions (FurrowDatabase *database,
                 const char     *app)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = furrow_database_prepare (database, "SELECT count(*) FROM pg_stat_activity"
                                            " WHERE application_name = ?1", &error);
  g_assert_no_error (error);
  furrow_statement_bind_text (stmt, 1, app);
  g_assert_true (furrow_statement_step (stmt, &error));
  return furrow_statement_get_int64 (stmt, 0);
}

static GSubprocess *
spawn_op (Kill       *kill_test,
          Op          op,
          const char *database,
          const char *app)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = database_uri (database);
  g_autofree char *project = g_strdup_printf ("%s#" CODE, uri);
  const char *cli = g_getenv ("FURROW_CLI");
  GSubprocess *process;

  /* libpq's application name: how the test finds the client's session on the server. */
  g_subprocess_launcher_setenv (launcher, "PGAPPNAME", app, TRUE);
  if (op == OP_IMPORT)
    process = g_subprocess_launcher_spawn (launcher, &error, cli, "import", "--project", project,
                                           kill_test->households, NULL);
  else
    process = g_subprocess_launcher_spawn (launcher, &error, cli, "season", "--project", project,
                                           "settle", SEASON, "--force", NULL);
  g_assert_no_error (error);
  return process;
}

/* Polls `client_state` (a condition on the server, never a time) until it holds or the client
 * has ended; 10 minutes at most. TRUE when it held. */
static gboolean
wait_for_client (FurrowDatabase *observer,
                 GSubprocess    *process,
                 const char     *app,
                 gboolean        waiting)
{
  gint64 limit = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < limit)
    {
      if (client_state (observer, app, waiting) > 0)
        return TRUE;
      if (g_subprocess_get_identifier (process) == NULL)
        return FALSE;
      g_usleep (2000);
    }
  g_error ("%s never showed an open transaction on the server", app);
}

static void
set_up_kill (Kill *kill_test)
{
  g_autoptr(GString) csv = g_string_new ("CBFBM,CBFMC,CBFCYSL\n");
  g_autofree char *project = g_strdup_printf ("%s#" CODE, furrow_test_pg_uri ());
  const char *fields[] = { "T01", "T02", "T03", "T04" };

  kill_test->households = g_build_filename (g_get_user_cache_dir (), "households.csv", NULL);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  /* 4,000 households of a village group the demo does not have (3707821022 99 …). */
  for (guint i = 0; i < N_HOUSEHOLDS; i++)
    g_string_append_printf (csv, "370782102299%06u,试验户%u,%u\n", i + 1, i + 1, 1 + i % 6);
  g_assert_true (g_file_set_contents (kill_test->households, csv->str, csv->len, NULL));

  /* The demo with a season planned on every field and four harvests: ready to settle. */
  furrow_test_pg_create_demo (CODE);
  furrow_test_run_cli_ok ("season", "--project", project, "create", SEASON, "--year", "2025",
                          NULL);
  furrow_test_run_cli_ok ("season", "--project", project, "plan", SEASON, "--all", "--preset",
                          "2+4", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    furrow_test_run_cli_ok ("season", "--project", project, "harvest", SEASON, "--field",
                            fields[i], "--crop", "maize", "--kg", "30000", "--revenue-fen",
                            "8160000", NULL);

  /* The hold point: the audit row's insert waits while the test holds the advisory lock. */
  exec_on ("furrow_test",
           "CREATE FUNCTION public.furrow_test_hold () RETURNS trigger LANGUAGE plpgsql AS"
           " $$ BEGIN PERFORM pg_advisory_xact_lock_shared (" HOLD_KEY "); RETURN NEW; END $$;"
           " CREATE TRIGGER furrow_test_hold BEFORE INSERT ON coop_" CODE ".audit_log"
           " FOR EACH ROW EXECUTE FUNCTION public.furrow_test_hold ()");

  /* Each operation uninterrupted, twice, on two copies: its time and the digest after it, the
   * same both times (else the digest would hold something a clock fills). */
  for (Op op = 0; op < N_OPS; op++)
    {
      kill_test->took_us[op] = G_MAXINT64;
      for (guint run = 0; run < 2; run++)
        {
          g_autofree char *name = copy_database (kill_test);
          g_autofree char *digest = NULL;
          g_autoptr(GSubprocess) process = NULL;
          gint64 start;

          {
            g_autoptr(FurrowDatabase) database = connect (name);

            digest = row_digest (database);
            if (kill_test->before == NULL)
              kill_test->before = g_steal_pointer (&digest);
            else
              g_assert_cmpstr (digest, ==, kill_test->before);
            g_clear_pointer (&digest, g_free);
          }
          start = g_get_monotonic_time ();
          process = spawn_op (kill_test, op, name, "furrow-kill-setup");
          g_assert_true (g_subprocess_wait_check (process, NULL, NULL));
          kill_test->took_us[op] = MIN (kill_test->took_us[op], g_get_monotonic_time () - start);
          {
            g_autoptr(FurrowDatabase) database = connect (name);

            digest = row_digest (database);
            if (op == OP_IMPORT)
              g_assert_cmpint (count_households (database), ==, 300 + N_HOUSEHOLDS);
          }
          if (kill_test->after[op] == NULL)
            kill_test->after[op] = g_steal_pointer (&digest);
          else
            g_assert_cmpstr (digest, ==, kill_test->after[op]);
          drop_database (name);
        }
      g_assert_cmpstr (kill_test->after[op], !=, kill_test->before);
      g_test_message ("%s uninterrupted: %.3f s", op_names[op], kill_test->took_us[op] / 1e6);
    }
}

static void
test_kill (void)
{
  Kill kill_test = { 0 };
  guint n_before[N_OPS] = { 0 }, n_after[N_OPS] = { 0 };
  gint64 start = g_get_monotonic_time ();

  set_up_kill (&kill_test);

  for (guint i = 0; i < N_KILLS; i++)
    {
      Op op = i % N_OPS;
      /* Rounds 0–3, 8–11: held at the audit row; the others after a growing delay. */
      gboolean locked = (i / 4) % 2 == 0;
      guint timed = (i / 8) * 2 + (i % 4) / 2;   /* 0 … 3 for the timed rounds of one op */
      gint64 delay_us = locked ? 0 : kill_test.took_us[op] * timed * 7 / 15;
      g_autofree char *name = copy_database (&kill_test);
      g_autofree char *app = g_strdup_printf ("furrow-kill-%u", i + 1);
      g_autofree char *uri = database_uri (name);
      g_autofree char *project = g_strdup_printf ("%s#" CODE, uri);
      g_autofree char *digest = NULL;
      g_autoptr(FurrowDatabase) observer = connect (name);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      gboolean seen, killed;

      if (locked)
        {
          furrow_database_exec (observer, "SELECT pg_advisory_lock (" HOLD_KEY ")", &error);
          g_assert_no_error (error);
        }
      process = spawn_op (&kill_test, op, name, app);
      seen = wait_for_client (observer, process, app, locked);
      /* Held at the lock, the client cannot have ended: it is inside its transaction. */
      if (locked)
        g_assert_true (seen);
      if (delay_us > 0)
        g_usleep (delay_us);
      g_subprocess_send_signal (process, SIGKILL);
      g_assert_true (g_subprocess_wait (process, NULL, NULL));
      killed = g_subprocess_get_if_signaled (process);
      if (locked)
        {
          g_assert_true (killed);
          furrow_database_exec (observer, "SELECT pg_advisory_unlock (" HOLD_KEY ")", &error);
          g_assert_no_error (error);
        }

      /* The server ends the dead client's session when it next reads from its socket; until
       * then its locks are held (a condition, waited for). */
      {
        gint64 limit = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;

        while (client_sessions (observer, app) > 0)
          {
            g_assert_cmpint (g_get_monotonic_time (), <, limit);
            g_usleep (2000);
          }
      }

      digest = row_digest (observer);
      g_test_message ("kill %u: %s, %s %.3f s: %s, %s", i + 1, op_names[op],
                      locked ? "held at the audit row" : "after", delay_us / 1e6,
                      killed ? "killed" : "had finished",
                      g_str_equal (digest, kill_test.before) ? "before" :
                      g_str_equal (digest, kill_test.after[op]) ? "after" : "NEITHER");
      if (g_str_equal (digest, kill_test.before))
        {
          n_before[op]++;
          if (op == OP_IMPORT)
            g_assert_cmpint (count_households (observer), ==, 300);
        }
      else
        {
          /* Exactly the other one, its audit row included. */
          g_assert_cmpstr (digest, ==, kill_test.after[op]);
          g_assert_false (locked);
          n_after[op]++;
        }

      /* The next write is not held by anything the killed client left. */
      furrow_test_run_cli_ok ("season", "--project", project, "create", "2026 春", "--year",
                              "2026", NULL);
      g_clear_pointer (&observer, furrow_database_free);
      drop_database (name);
    }

  for (Op op = 0; op < N_OPS; op++)
    g_test_message ("%s: %u kills left it before, %u after", op_names[op], n_before[op],
                    n_after[op]);
  g_test_message ("%u kills in %.1f s", N_KILLS, (g_get_monotonic_time () - start) / 1e6);
  /* The four kills of each operation held at the lock left it before, whatever the timing. */
  for (Op op = 0; op < N_OPS; op++)
    g_assert_cmpuint (n_before[op], >=, 4);

  g_free (kill_test.households);
  g_free (kill_test.before);
  for (Op op = 0; op < N_OPS; op++)
    g_free (kill_test.after[op]);
}
FURROW_TEST ("/furrow/cli/kill-server/import-settle", test_kill);

FURROW_TEST_MAIN ();
