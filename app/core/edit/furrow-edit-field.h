/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-edit.h"
#include "furrow-geometry.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The edits of the field editor (docs/architecture.md, "Edits"), record edits
 * (furrow-edit-record.h) of a field's boundary. */

/* "Draw field": adds a new full-custody field with this boundary, the first free code of N001,
 * N002, … and the name "New field N" (N: the number of fields plus one). */
FurrowEdit  *furrow_edit_field_new_draw    (FurrowStore          *store,
                                            const FurrowGeometry *geometry);
/* "Reshape field": gives a stored field a new boundary; undo gives back the one it has now. */
FurrowEdit  *furrow_edit_field_new_reshape (FurrowStore          *store,
                                            FurrowField          *field,
                                            const FurrowGeometry *geometry);
/* The live field of the store's model that the edit drew or reshaped (transfer full), NULL when
 * it is not in the project. */
FurrowField *furrow_edit_field_get_field   (FurrowEdit           *edit);

G_END_DECLS
