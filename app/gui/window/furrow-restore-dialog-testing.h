/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-restore-dialog.h"

G_BEGIN_DECLS

/* FurrowRestoreDialog functions only the tests use (HACKING.md, Where things go). */

/* The number of points listed. */
guint                furrow_restore_dialog_get_n_points     (FurrowRestoreDialog *self);
/* The confirmation after "Restore" (NULL until then): answer it with "restore" or "cancel". */
AdwMessageDialog    *furrow_restore_dialog_get_confirmation (FurrowRestoreDialog *self);

G_END_DECLS
