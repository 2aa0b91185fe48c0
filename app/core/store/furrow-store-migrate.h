/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-database.h"

G_BEGIN_DECLS

/* The migrations of the project file (docs/architecture.md, "Migrations"): step v takes a file
 * from schema v - 1 to v; its SQL is schema/v00v.sql in a GResource compiled into furrow-core.
 * Steps are only ever appended: a released step never changes. */

/* The SQL of step `version` (1 … n_steps), NUL-terminated; NULL for another number. */
GBytes   *furrow_store_migrate_get_step    (int              version);

/* Runs steps from + 1 … to in order, each in its own immediate transaction together with
 * furrow_meta.schema_version; stops at the first failure (that step rolled back, the earlier
 * ones kept) with an error that names the file and the step. */
gboolean  furrow_store_migrate             (FurrowDatabase  *database,
                                            int              from,
                                            int              to,
                                            GError         **error);

G_END_DECLS
