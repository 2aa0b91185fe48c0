/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "furrow-field.h"
#include "furrow-geometry.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SELECTION_LAYER (furrow_selection_layer_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSelectionLayer, furrow_selection_layer, FURROW, SELECTION_LAYER,
                      ShumateLayer)

FurrowSelectionLayer *furrow_selection_layer_new                (ShumateViewport      *viewport);
void                  furrow_selection_layer_set_fields         (FurrowSelectionLayer *self,
                                                                 GListModel           *fields);
void                  furrow_selection_layer_set_selected_field (FurrowSelectionLayer *self,
                                                                 FurrowField          *field);
FurrowField          *furrow_selection_layer_field_at           (FurrowSelectionLayer *self,
                                                                 double                x,
                                                                 double                y);
gboolean              furrow_selection_layer_click              (FurrowSelectionLayer *self,
                                                                 double                x,
                                                                 double                y);
void                  furrow_selection_layer_highlight          (FurrowSelectionLayer *self,
                                                                 GPtrArray            *geometries);
void                  furrow_selection_layer_show_highlighted   (FurrowSelectionLayer *self);

G_END_DECLS
