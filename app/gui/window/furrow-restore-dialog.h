/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-store.h"

G_BEGIN_DECLS

/* Restore… (docs/architecture.md, Restore points): the project's restore points, newest first,
 * each with its date and time and what it was taken before; "Restore" asks for a confirmation,
 * then restores the chosen point on the store, which reloads and tells every view. Emits
 * "restored" (const char *id) after a restore, and shows an error dialog when it fails. */

#define FURROW_TYPE_RESTORE_DIALOG (furrow_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FurrowRestoreDialog, furrow_restore_dialog, FURROW, RESTORE_DIALOG,
                      AdwMessageDialog)

FurrowRestoreDialog *furrow_restore_dialog_new            (GtkWindow           *parent,
                                                           FurrowStore         *store);
/* The number of points listed, and choosing the one at `index` (0 the newest). */
guint                furrow_restore_dialog_get_n_points   (FurrowRestoreDialog *self);
void                 furrow_restore_dialog_select         (FurrowRestoreDialog *self,
                                                           guint                index);
/* The confirmation after "Restore" (NULL until then): answer it with "restore" or "cancel". */
AdwMessageDialog    *furrow_restore_dialog_get_confirmation (FurrowRestoreDialog *self);

G_END_DECLS
