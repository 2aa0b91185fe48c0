/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-database.h"

G_BEGIN_DECLS

/* The migrations of the project file (docs/architecture.md, "Migrations"): step v takes a file
 * from schema v - 1 to v; its SQL is schema/v00v.sql in a GResource compiled into furrow-core.
 * Steps are only ever appended: a released step never changes. */

/* The SQL of step `version` (1 … n_steps), NUL-terminated; NULL for another number. */
GBytes   *furrow_store_migrate_get_step    (int              version);

/* On a PostgreSQL server (docs/architecture.md, The backend seam) the steps are
 * schema/pg/vNNN.sql: the baseline FURROW_STORE_PG_BASELINE takes a new cooperative from 0 to
 * that version at once, and each later version has its twin of the SQLite step.
 * furrow_store_migrate_get_pg_version() is the highest version the twins reach (at most
 * FURROW_STORE_SCHEMA_VERSION): a server cooperative is migrated that far. */
#define FURROW_STORE_PG_BASELINE 6

GBytes   *furrow_store_migrate_get_pg_step (int              version);
int       furrow_store_migrate_get_pg_version (void);
/* The server-wide part (pg/server.sql): PostGIS, the schema furrow, the cooperatives. */
GBytes   *furrow_store_migrate_get_pg_server (void);

/* Runs steps from + 1 … to in order, each in its own immediate transaction together with
 * furrow_meta.schema_version; stops at the first failure (that step rolled back, the earlier
 * ones kept) with an error that names the file and the step. */
gboolean  furrow_store_migrate             (FurrowDatabase  *database,
                                            int              from,
                                            int              to,
                                            GError         **error);
/* The same steps inside the caller's transaction, which it commits or rolls back as a whole (a
 * new cooperative on a server, docs/architecture.md, The backend seam). */
gboolean  furrow_store_migrate_in_transaction (FurrowDatabase  *database,
                                               int              from,
                                               int              to,
                                               GError         **error);

G_END_DECLS
