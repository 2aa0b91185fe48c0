/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-edit.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The edits of the land register (docs/architecture.md, "Edits"): adding, changing and deleting a
 * field, a household or a parcel. One edit type for the three kinds: the object's type chooses the
 * store's model and its add, update and delete (one transaction each, in audit_log). The edit
 * finds its object in the store's model by code when it is applied, so it still applies after
 * undo and redo deleted and added the object again (with a new row id). Edits refresh no view:
 * the store's field-changed, household-changed and parcel-changed signals do. Record edits have
 * no merge rule: each one is undone on its own. */

/* Adds (change FURROW_RECORD_ADDED; object not stored yet, id 0) or deletes
 * (FURROW_RECORD_REMOVED; a stored object) a FurrowField, FurrowHousehold or FurrowParcel. The
 * edit keeps a copy of the object's properties: undoing a delete adds that copy back. */
FurrowEdit *furrow_edit_record_new        (FurrowStore         *store,
                                           FurrowRecordChange   change,
                                           GObject             *object,
                                           const char          *label);
/* Sets one property of a stored object to value (transformed to the property's type) and writes
 * the object; undo writes the old value (read from object now) back. When the store refuses, the
 * object keeps its value. */
FurrowEdit *furrow_edit_record_new_set    (FurrowStore         *store,
                                           GObject             *object,
                                           const char          *property,
                                           const GValue        *value,
                                           const char          *label);
/* The live object of the store's model that an edit of furrow_edit_record_new*() adds or
 * changes, as it stands now (transfer full); NULL when it is not in the model (not done yet, or
 * deleted). */
GObject    *furrow_edit_record_get_object (FurrowEdit          *edit);

G_END_DECLS
