/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* FurrowEdit: one undoable change to the project — the one command type every editor uses
 * (docs/architecture.md, "Edits"). It has a label for the Undo/Redo menu items ("Rename
 * household"), one apply function that does the change (forward) or undoes it (backward),
 * normally as one store transaction, and optionally a merge rule: a later edit with the same
 * merge key may be folded into this one, so that, say, nudging one value ten times is undone in
 * one step. Edits do not refresh any view: the store announces what changed (furrow-store.h)
 * and the views listen. FurrowHistory keeps them. */

/* Does (forward) or undoes (!forward) the change; FALSE with error set when refused, leaving the
 * project as it was. */
typedef gboolean (*FurrowEditApply) (gpointer   data,
                                     gboolean   forward,
                                     GError   **error);

/* Called on the newest recorded edit with the data of the next edit, which has already been
 * done and has the same merge key: TRUE when data now also covers next's change (its undo
 * restores what was before both), so that next need not be recorded on its own. */
typedef gboolean (*FurrowEditMerge) (gpointer   data,
                                     gpointer   next_data);

#define FURROW_TYPE_EDIT (furrow_edit_get_type ())

G_DECLARE_FINAL_TYPE (FurrowEdit, furrow_edit, FURROW, EDIT, GObject)

/* Takes ownership of data (destroy frees it with the edit). */
FurrowEdit *furrow_edit_new           (const char       *label,
                                       FurrowEditApply   apply,
                                       gpointer          data,
                                       GDestroyNotify    destroy);
const char *furrow_edit_get_label     (FurrowEdit       *self);
gpointer    furrow_edit_get_data      (FurrowEdit       *self);
gboolean    furrow_edit_apply         (FurrowEdit       *self,
                                       gboolean          forward,
                                       GError          **error);
/* TRUE when next was folded into self (same key, and self's merge rule accepted it). */
gboolean    furrow_edit_merge         (FurrowEdit       *self,
                                       FurrowEdit       *next);

G_END_DECLS
