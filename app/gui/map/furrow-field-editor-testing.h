/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-field-editor.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-field-editor.h"

G_BEGIN_DECLS

FurrowHistory     *furrow_field_editor_get_history     (FurrowFieldEditor *self);
const char        *furrow_field_editor_get_measurement (FurrowFieldEditor *self);
guint              furrow_field_editor_get_n_vertices  (FurrowFieldEditor *self);
const char        *furrow_field_editor_get_problem     (FurrowFieldEditor *self);
void               furrow_field_editor_get_vertex      (FurrowFieldEditor *self,
                                                        guint              index,
                                                        double            *lon,
                                                        double            *lat);

G_END_DECLS
