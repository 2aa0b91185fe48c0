/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-pg.h"

#include "furrow-test-cli.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

gboolean
furrow_test_pg (void)
{
  return g_strcmp0 (g_getenv ("FURROW_TEST_BACKEND"), "postgresql") == 0;
}

const char *
furrow_test_pg_uri (void)
{
  const char *uri = g_getenv ("FURROW_TEST_PG_URI");

  if (uri == NULL || *uri == '\0')
    g_error ("FURROW_TEST_PG_URI is not set: run this test through tests/lib/furrow-pg-run "
             "(meson test --suite pg), which starts the PostgreSQL cluster it needs");
  return uri;
}

char *
furrow_test_pg_uri_as (const char *user)
{
  const char *uri = furrow_test_pg_uri ();
  const char *at = strstr (uri, "user=furrow");

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*suser=%s%s", (int) (at - uri), uri, user,
                          at + strlen ("user=furrow"));
}

void
furrow_test_pg_create_demo (const char *code)
{
  const char *uri = furrow_test_pg_uri ();

  furrow_test_run_cli_ok ("server", "init", uri, NULL);
  furrow_test_run_cli_ok ("server", "create", uri, "--cooperative", code, "--demo", NULL);
}

char *
furrow_test_pg_unique_name (const char *prefix)
{
  static guint n;

  return g_strdup_printf ("%s_%d_%u", prefix, (int) getpid (), ++n);
}

static char **
psql_argv (const char *user,
           const char *sql)
{
  const char *bindir = g_getenv ("FURROW_TEST_PG_BINDIR");
  g_autofree char *psql = g_build_filename (bindir != NULL ? bindir : "/usr/lib/postgresql/15/bin",
                                            "psql", NULL);
  const char *argv[] = { psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                         "-h", g_getenv ("FURROW_TEST_PG_DIR"), "-U", user, "-d", "furrow_test",
                         "-c", sql, NULL };

  g_assert_nonnull (g_getenv ("FURROW_TEST_PG_DIR"));
  return g_strdupv ((char **) argv);
}

int
furrow_test_pg_psql (const char  *user,
                     const char  *sql,
                     char       **out,
                     char       **err)
{
  g_auto(GStrv) argv = psql_argv (user, sql);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

GPid
furrow_test_pg_psql_async (const char *user,
                           const char *sql)
{
  g_auto(GStrv) argv = psql_argv (user, sql);
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_true (g_spawn_async (NULL, argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

gboolean
furrow_test_skip_on_pg (const char *why)
{
  if (!furrow_test_pg ())
    return FALSE;
  g_test_skip (why);
  return TRUE;
}

void
furrow_test_pg_ctl (const char *action)
{
  const char *dir = g_getenv ("FURROW_TEST_PG_DIR");
  const char *bindir = g_getenv ("FURROW_TEST_PG_BINDIR");
  g_autofree char *data = NULL;
  g_autofree char *log = NULL;
  g_autofree char *pg_ctl = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  struct stat st;
  int status = 0;

  if (dir == NULL || bindir == NULL)
    g_error ("FURROW_TEST_PG_DIR and FURROW_TEST_PG_BINDIR are not set: run this test through "
             "tests/lib/furrow-pg-run");
  data = g_build_filename (dir, "data", NULL);
  log = g_build_filename (dir, "server.log", NULL);
  pg_ctl = g_build_filename (bindir, "pg_ctl", NULL);
  g_assert_cmpint (g_stat (data, &st), ==, 0);
  /* As the cluster's owner: furrow-pg-run runs it as `postgres` (or `nobody`) when run as root. */
  if (getuid () == 0 && st.st_uid != 0)
    {
      struct passwd *owner = getpwuid (st.st_uid);

      g_assert_nonnull (owner);
      g_ptr_array_add (argv, (gpointer) "runuser");
      g_ptr_array_add (argv, (gpointer) "-u");
      g_ptr_array_add (argv, owner->pw_name);
      g_ptr_array_add (argv, (gpointer) "--");
    }
  g_ptr_array_add (argv, pg_ctl);
  g_ptr_array_add (argv, (gpointer) "-D");
  g_ptr_array_add (argv, data);
  /* The server's output to its log (an inherited pipe would never close); "restart" takes the
   * options the server was started with (postmaster.opts), also when it is stopped. */
  g_ptr_array_add (argv, (gpointer) "-l");
  g_ptr_array_add (argv, log);
  g_ptr_array_add (argv, (gpointer) "-w");
  g_ptr_array_add (argv, (gpointer) "-t");
  g_ptr_array_add (argv, (gpointer) "300");
  g_ptr_array_add (argv, (gpointer) "-m");
  g_ptr_array_add (argv, (gpointer) "fast");
  g_ptr_array_add (argv, (gpointer) action);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pg_ctl %s failed: %s%s", action, out, err);
}
