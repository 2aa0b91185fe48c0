/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"

G_BEGIN_DECLS

/* FurrowStore functions only the tests use (HACKING.md, Where things go): the app reads none of
 * these, so they stay out of furrow-store.h. */

/* The schema version of the open file (furrow_meta.schema_version). */
int              furrow_store_get_schema_version    (FurrowStore      *self);

/* PRAGMA integrity_check (1), as furrow_store_open() runs it: FALSE with
 * FURROW_STORE_ERROR_CORRUPT (and the store marked damaged) on its first finding. For the
 * benchmark that times it. */
gboolean         furrow_store_integrity_check       (FurrowStore      *self,
                                                     GError          **error);

/* SQLite's integrity and foreign-key checks: TRUE when both are clean, else
 * FURROW_STORE_ERROR_CORRUPT naming the first problems. */
gboolean         furrow_store_check                 (FurrowStore      *self,
                                                     GError          **error);

/* One row of the audit log: when (ISO 8601 UTC), who (the store's actor, the login name), what
 * (an action such as "season.settle" or "season.print.statements"), on which object
 * ("season:NAME") and its detail (may be NULL). Never personal data. */
typedef struct
{
  gint64  id;
  char   *time;
  char   *actor;
  char   *action;
  char   *object;
  char   *detail;
} FurrowAuditEntry;

void             furrow_audit_entry_free            (FurrowAuditEntry *entry);

/* The audit log, oldest first: every row when `object` is NULL, else the rows about that object.
 * A GPtrArray of FurrowAuditEntry, or NULL with `error` set. */
GPtrArray       *furrow_store_get_audit_log         (FurrowStore      *self,
                                                     const char       *object,
                                                     GError          **error);

/* The live parcel of the model by row id (transfer none), as furrow_store_get_field_by_id();
 * NULL when absent. */
FurrowParcel    *furrow_store_get_parcel_by_id      (FurrowStore      *self,
                                                     gint64            id);

/* Output paths (docs/architecture.md, Opening, backup, check): whether writing `path` would
 * replace or damage the project at `project_path` — the same file by device and inode (a hard
 * link, a symlink to it, a name through a symlinked folder), or its SQLite companions (`-wal`,
 * `-shm`, `-journal`) under either the given or the resolved name. A path that does not exist yet
 * is compared by its resolved folder and name. Writers call furrow_store_check_output(). */
gboolean         furrow_store_path_is_project       (const char       *project_path,
                                                     const char       *path);

G_END_DECLS
