/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"

G_BEGIN_DECLS

/* Restore points (docs/architecture.md, Restore points): before an import, a settlement, a
 * reopening, a bulk pattern application and a migration the store copies the whole project
 * with SQLite's online backup into a private folder of the user's data folder,
 * $XDG_DATA_HOME/furrow/restore-points/<hash of the project's path>/, never the project's own
 * folder; each copy <id>.gpkg has a metadata record <id>.ini (time, reason, project, size). The
 * newest 20 are kept, and the newest of each day of the last 30 days; older ones are pruned
 * whenever a new one is taken. */

/* What a restore point was taken before (its reason, stored as the nick). */
typedef enum
{
  FURROW_RESTORE_REASON_IMPORT,      /* "import" */
  FURROW_RESTORE_REASON_SETTLE,      /* "settle" */
  FURROW_RESTORE_REASON_REOPEN,      /* "reopen" */
  FURROW_RESTORE_REASON_PLAN,        /* "plan": one pattern applied to many fields */
  FURROW_RESTORE_REASON_MIGRATION,   /* "migration": a file written by an older Furrow */
  FURROW_RESTORE_REASON_RESTORE,     /* "restore": before going back to another point */
  FURROW_RESTORE_REASON_UNKNOWN,
} FurrowRestoreReason;

typedef struct
{
  char               *id;            /* "20261207-003600", unique in its folder */
  char               *path;          /* the copy */
  GDateTime          *time;          /* when it was taken (UTC) */
  FurrowRestoreReason reason;
  char               *project_path;  /* the project it was taken of */
  guint64             size;          /* bytes of the copy */
} FurrowRestorePoint;

void                furrow_restore_point_free        (FurrowRestorePoint *point);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowRestorePoint, furrow_restore_point_free)

/* "before an import" … translated, for lists. */
const char         *furrow_restore_reason_to_label   (FurrowRestoreReason reason);

/* The folder that holds the restore points of the project at project_path (newly allocated;
 * it may not exist yet). */
char               *furrow_restore_points_folder     (const char        *project_path);

/* The restore points of the project, newest first (GPtrArray of FurrowRestorePoint, empty when
 * there are none), or NULL with error when the folder cannot be read. */
GPtrArray          *furrow_restore_points_list       (const char        *project_path,
                                                      GError           **error);

/* Takes a restore point of the open store now, then prunes older ones. Inside a batch it takes
 * none and returns TRUE (the batch's own caller took one before it began). FALSE with error
 * when the copy cannot be written: the operation it was for does not go ahead. */
gboolean            furrow_store_take_restore_point  (FurrowStore       *self,
                                                      FurrowRestoreReason reason,
                                                      GError           **error);

/* Replaces the whole content of the open store by restore point `id` in one write transaction
 * of SQLite's backup (another program sees the project before or after, never half), after
 * taking a restore point of the present state (reason "restore"); migrates a copy written by
 * an older Furrow, then reloads the store (its signals tell every view). NOT_FOUND when there
 * is no such point. */
gboolean            furrow_store_restore             (FurrowStore       *self,
                                                      const char        *id,
                                                      GError           **error);

G_END_DECLS
