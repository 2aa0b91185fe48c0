/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "furrow-field-editor.h"
#include "furrow-field-tile-source.h"
#include "furrow-selection-layer.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_FIELD_MAP (furrow_field_map_get_type ())

G_DECLARE_FINAL_TYPE (FurrowFieldMap, furrow_field_map, FURROW, FIELD_MAP, GObject)

FurrowFieldMap        *furrow_field_map_new                 (ShumateMap     *map);
void                   furrow_field_map_set_store           (FurrowFieldMap *self,
                                                             FurrowStore    *store);
FurrowFieldTileSource *furrow_field_map_get_tile_source     (FurrowFieldMap *self);
FurrowSelectionLayer  *furrow_field_map_get_selection_layer (FurrowFieldMap *self);
FurrowFieldEditor     *furrow_field_map_get_editor          (FurrowFieldMap *self);
void                   furrow_field_map_set_labels          (FurrowFieldMap   *self,
                                                             ShumateMapSource *source);
ShumateMapSource      *furrow_field_map_get_labels          (FurrowFieldMap *self);
void                   furrow_field_map_show_household      (FurrowFieldMap *self,
                                                             const char     *household_code);

G_END_DECLS
