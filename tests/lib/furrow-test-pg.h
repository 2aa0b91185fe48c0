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

/* Makes the cluster's database a Furrow server (`furrow-cli server init`, which leaves one that
 * is already) and creates on it the demo cooperative CODE (`server create --cooperative CODE
 * --demo`); a step that fails ends the test program. */
void         furrow_test_pg_create_demo     (const char *code);

/* A name no other test case of this program or of another program on the cluster has used:
 * PREFIX_PID_N in lowercase (a schema, a cooperative code). */
char        *furrow_test_pg_unique_name     (const char *prefix);

/* psql as `user` on the cluster's database, going around Furrow: runs `sql` (-X -q -A -t,
 * ON_ERROR_STOP) with its output unaligned, one row a line, to OUT and ERR when not NULL. Returns
 * psql's exit status (0, or 1 when the server refused). */
int          furrow_test_pg_psql            (const char  *user,
                                             const char  *sql,
                                             char       **out,
                                             char       **err);
/* The same in the background, its output thrown away: the caller waits for it (waitpid ()). */
GPid         furrow_test_pg_psql_async      (const char  *user,
                                             const char  *sql);

/* For a case that checks what only SQLite does (a file's lock, its pages): skips it on the
 * PostgreSQL run, saying why, and returns TRUE. */
gboolean     furrow_test_skip_on_pg         (const char *why);

/* Runs `pg_ctl ACTION` (stop, restart: a fast shutdown, waiting until it is done) on the test
 * cluster, as the user the cluster runs as; restart also starts a stopped cluster with the
 * options it had. For a test of what the store does when the server goes away. */
void         furrow_test_pg_ctl             (const char *action);

G_END_DECLS
