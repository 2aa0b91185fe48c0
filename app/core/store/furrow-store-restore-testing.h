/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store-restore.h"

G_BEGIN_DECLS

/* Restore-point functions only the tests use (HACKING.md, Where things go). */

/* furrow_store_take_restore_point() as if it were `now` (UTC), pruning against `now`. */
gboolean            furrow_store_take_restore_point_at (FurrowStore       *self,
                                                        FurrowRestoreReason reason,
                                                        GDateTime         *now,
                                                        GError           **error);

/* Deletes the points of the project that the rules no longer keep at `now`: all but the newest
 * 20 and, of those taken in the 30 days before `now`, the newest of each day (local time). */
void                furrow_restore_points_prune        (const char        *project_path,
                                                        GDateTime         *now);

G_END_DECLS
