/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The PostgreSQL side of the tests (docs/architecture.md, The backend seam). A test program runs
 * against PostgreSQL when its meson entry is in suite `pg`: tests/lib/furrow-pg-run starts a
 * throwaway cluster around it and sets FURROW_TEST_PG_URI, and the entry sets
 * FURROW_TEST_BACKEND=postgresql (tests/meson.build, pg_tests). */

/* TRUE when this run is the PostgreSQL one. */
gboolean     furrow_test_pg                 (void);

/* The cluster's database (libpq URI). Aborts the test program, loudly, when there is none: a test
 * that needs the server never passes without it. */
const char  *furrow_test_pg_uri             (void);

/* The cluster's address as another user (newly allocated): the cluster trusts every user on its
 * socket, so a test of roles connects as each of them without a password. */
char        *furrow_test_pg_uri_as          (const char *user);

/* A name no other test case of this program or of another program on the cluster has used:
 * PREFIX_PID_N in lowercase (a schema, a cooperative code). */
char        *furrow_test_pg_unique_name     (const char *prefix);

/* For a case that checks what only SQLite does (a file's lock, its pages): skips it on the
 * PostgreSQL run, saying why, and returns TRUE. */
gboolean     furrow_test_skip_on_pg         (const char *why);

G_END_DECLS
