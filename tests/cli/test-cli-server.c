/* SPDX-License-Identifier: GPL-3.0-or-later */
/* furrow-cli against a custody centre's server (docs/architecture.md, The backend seam; README,
 * A custody centre's server): `server init`, `server create --demo`, `server list`, and a project
 * command on a cooperative with --project postgresql://… --cooperative CODE, on the throwaway
 * cluster of suite pg. The figures are the demo's (app/core/register/furrow-demo.h: 40 fields,
 * 300 households, 1000 parcels), the same a file made by `furrow-cli demo` holds. */

#include "config.h"

#include <string.h>

#include "furrow-test-cli.h"
#include "furrow-test-pg.h"
#include "furrow-test.h"

static void
test_server (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *code = furrow_test_pg_unique_name ("cli");
  g_autofree char *upper = g_ascii_strup (code, -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *project = NULL;

  /* Init twice: the second run changes nothing and succeeds. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "server", "init", uri, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "server", "init", uri, "--json", NULL), ==,
                   0);
  g_assert_nonnull (strstr (out, "\"schema_version\""));
  g_clear_pointer (&out, g_free);

  /* A cooperative with the demo register, named in capitals and kept in lowercase. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "server", "create", uri, "--cooperative",
                                        upper, "--demo", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"fields\" : 40"));
  g_assert_nonnull (strstr (out, "\"households\" : 300"));
  g_assert_nonnull (strstr (out, "\"parcels\" : 1000"));
  project = g_strdup_printf ("#%s\"", code);
  g_assert_nonnull (strstr (out, project));
  g_clear_pointer (&out, g_free);

  /* Twice is refused, with one line naming it. */
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "server", "create", uri, "--cooperative",
                                        code, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already holds cooperative"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "server", "list", uri, NULL), ==, 0);
  g_assert_nonnull (strstr (out, code));
  g_clear_pointer (&out, g_free);

  /* A project command reads the cooperative: 300 households, one line each after the header
   * (as `list` prints a file's). */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "list", "--project", uri, "--cooperative",
                                        code, "households", "--json", NULL), ==, 0);
  {
    guint n = 0;

    for (const char *p = out; (p = strstr (p, "\"code\" :")) != NULL; p++)
      n++;
    g_assert_cmpuint (n, ==, 300);
  }
  g_clear_pointer (&out, g_free);

  /* Usage errors exit 2; a cooperative that is not there, 1. */
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "list", "--project", "x.gpkg",
                                        "--cooperative", code, "fields", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "create", uri, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "list", "--project", uri, "--cooperative",
                                        "no_such_coop", "fields", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "cooperative no_such_coop is not on"));
  g_clear_pointer (&err, g_free);

  /* A password in the address is never printed, even when the connection fails. */
  wrong = g_strdup_printf ("postgresql://furrow:Pa55-w0rd@/no_such_db?host=%s",
                           g_getenv ("FURROW_TEST_PG_DIR"));
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "server", "list", wrong, NULL), ==, 1);
  g_assert_null (strstr (err, "Pa55-w0rd"));
  g_assert_null (strstr (out, "Pa55-w0rd"));
  g_assert_nonnull (strstr (err, "no_such_db"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
}
FURROW_TEST ("/furrow/cli/server/commands", test_server);

FURROW_TEST_MAIN ();
