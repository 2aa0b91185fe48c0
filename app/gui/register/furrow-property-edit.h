/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-history.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* An undoable edit of one property of a stored object (FurrowField, FurrowHousehold or
 * FurrowParcel): the object in the store's model with the same id gets the new value and is
 * written with furrow_store_update_*() (one transaction, in audit_log); undo writes the old value
 * back. On failure the object keeps its value and nothing is recorded. */
gboolean furrow_property_edit_push (FurrowHistory  *history,
                                    FurrowStore    *store,
                                    GObject        *object,
                                    const char     *property,
                                    const GValue   *value,
                                    const char     *label,
                                    GError        **error);

G_END_DECLS
