/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "furrow-field.h"
#include "furrow-history.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_FIELD_EDITOR (furrow_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (FurrowFieldEditor, furrow_field_editor, FURROW, FIELD_EDITOR, ShumateLayer)

/* Vertices snap to other fields' corners and edges closer than this, in pixels. */
#define FURROW_FIELD_EDITOR_SNAP_PX 8.0

FurrowFieldEditor *furrow_field_editor_new             (ShumateViewport   *viewport);
void               furrow_field_editor_set_store       (FurrowFieldEditor *self,
                                                        FurrowStore       *store);
void               furrow_field_editor_set_history     (FurrowFieldEditor *self,
                                                        FurrowHistory     *history);
/* TRUE while a field is drawn or reshaped (the "drawing" property). */
gboolean           furrow_field_editor_get_drawing     (FurrowFieldEditor *self);
void               furrow_field_editor_start           (FurrowFieldEditor *self);
/* Starts reshaping `field` (win.reshape-field): its outline's corners become the handles. */
void               furrow_field_editor_edit            (FurrowFieldEditor *self,
                                                        FurrowField       *field);
void               furrow_field_editor_cancel          (FurrowFieldEditor *self);
gboolean           furrow_field_editor_finish          (FurrowFieldEditor *self,
                                                        GError           **error);
void               furrow_field_editor_press           (FurrowFieldEditor *self,
                                                        int                n_press,
                                                        guint              button,
                                                        double             x,
                                                        double             y);
void               furrow_field_editor_move_vertex     (FurrowFieldEditor *self,
                                                        guint              index,
                                                        double             x,
                                                        double             y);
gboolean           furrow_field_editor_delete_vertex   (FurrowFieldEditor *self,
                                                        guint              index);
gboolean           furrow_field_editor_undo            (FurrowFieldEditor *self,
                                                        GError           **error);
gboolean           furrow_field_editor_redo            (FurrowFieldEditor *self,
                                                        GError           **error);
gboolean           furrow_field_editor_can_undo        (FurrowFieldEditor *self);
gboolean           furrow_field_editor_can_redo        (FurrowFieldEditor *self);

G_END_DECLS
