/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-pg.h"

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
