/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-pg.h"

#include <string.h>
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

char *
furrow_test_pg_unique_name (const char *prefix)
{
  static guint n;

  return g_strdup_printf ("%s_%d_%u", prefix, (int) getpid (), ++n);
}

gboolean
furrow_test_skip_on_pg (const char *why)
{
  if (!furrow_test_pg ())
    return FALSE;
  g_test_skip (why);
  return TRUE;
}
