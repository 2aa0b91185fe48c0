/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Server addresses (docs/architecture.md, The backend seam, Passwords): the parts libpq would
 * read from a connection URI and its parameters, the defaults it would use (port 5432, the
 * database named after the user), a password typed into the address taken out of it wherever it
 * was, and anything but postgresql:// refused with a message. The expected parts are those of
 * libpq's documentation of connection URIs (PostgreSQL 15, §34.1.1), written out by hand. */

#include "config.h"

#include <string.h>

#include "furrow-server-address.h"
#include "furrow-store.h"
#include "furrow-test.h"

static void
test_parts (void)
{
  g_autoptr(FurrowServerAddress) plain = NULL;
  g_autoptr(FurrowServerAddress) socket = NULL;
  g_autoptr(FurrowServerAddress) project = NULL;
  g_autoptr(GError) error = NULL;

  plain = furrow_server_address_parse ("postgresql://li_clerk@centre/furrow", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain->uri, ==, "postgresql://li_clerk@centre/furrow");
  g_assert_cmpstr (plain->user, ==, "li_clerk");
  g_assert_cmpstr (plain->host, ==, "centre");
  g_assert_cmpint (plain->port, ==, 5432);
  g_assert_cmpstr (plain->dbname, ==, "furrow");
  g_assert_null (plain->password);
  g_assert_null (plain->cooperative);

  /* The form of the test cluster's address: host and user as parameters, a socket folder. */
  socket = furrow_server_address_parse ("postgres:///furrow_test?host=/tmp/pg%20x&user=furrow"
                                        "&port=5433", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (socket->user, ==, "furrow");
  g_assert_cmpstr (socket->host, ==, "/tmp/pg x");
  g_assert_cmpint (socket->port, ==, 5433);
  g_assert_cmpstr (socket->dbname, ==, "furrow_test");

  /* A project: the cooperative after '#', not part of the server's address; no database named
   * is the user's. */
  project = furrow_server_address_parse ("postgresql://wang@[::1]:6543#3707821022", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (project->uri, ==, "postgresql://wang@[::1]:6543");
  g_assert_cmpstr (project->host, ==, "::1");
  g_assert_cmpint (project->port, ==, 6543);
  g_assert_cmpstr (project->dbname, ==, "wang");
  g_assert_cmpstr (project->cooperative, ==, "3707821022");
}
FURROW_TEST ("/furrow/core/server-address/parts", test_parts);

/* A password in the address, as user:password@ (percent-encoded) or ?password=, is handed over
 * once and is in no part that is kept. */
static void
test_password_taken_out (void)
{
  g_autoptr(FurrowServerAddress) userinfo = NULL;
  g_autoptr(FurrowServerAddress) parameter = NULL;
  g_autoptr(GError) error = NULL;

  userinfo = furrow_server_address_parse ("postgresql://li_clerk:s%40cret@centre/furrow#coop",
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (userinfo->password, ==, "s@cret");
  g_assert_cmpstr (userinfo->uri, ==, "postgresql://li_clerk@centre/furrow");
  g_assert_cmpstr (userinfo->user, ==, "li_clerk");

  parameter = furrow_server_address_parse ("postgresql://centre/furrow?user=li&password=pw1"
                                           "&sslmode=require", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parameter->password, ==, "pw1");
  g_assert_cmpstr (parameter->uri, ==, "postgresql://centre/furrow?user=li&sslmode=require");
  g_assert_cmpstr (parameter->user, ==, "li");
}
FURROW_TEST ("/furrow/core/server-address/password-taken-out", test_password_taken_out);

static void
test_refused (void)
{
  const char *bad[] = { "centre/furrow", "http://centre/furrow", "coop.gpkg",
                        "postgresql://centre/furrow?port=none", "postgresql://centre:99999/db" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowServerAddress) address = furrow_server_address_parse (bad[i], &error);

      g_assert_null (address);
      g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
      g_assert_true (strstr (error->message, "is not a server address") != NULL ||
                     strstr (error->message, "is not a port") != NULL);
    }
}
FURROW_TEST ("/furrow/core/server-address/refused", test_refused);

FURROW_TEST_MAIN ();
