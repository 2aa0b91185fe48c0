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
/* Chooses the point at `index` (0 the newest, chosen when the dialog opens). */
void                 furrow_restore_dialog_select         (FurrowRestoreDialog *self,
                                                           guint                index);

G_END_DECLS
