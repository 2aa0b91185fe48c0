/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "furrow-field-editor.h"
#include "furrow-field-tile-source.h"
#include "furrow-map-legend.h"
#include "furrow-selection-layer.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* What the fields on the map are coloured by (GSettings key field-colouring, same nicks). */
typedef enum
{
  FURROW_FIELD_COLOURING_PATTERN,    /*< nick=pattern >*/
  FURROW_FIELD_COLOURING_CUSTODY,    /*< nick=custody >*/
  FURROW_FIELD_COLOURING_HOUSEHOLD,  /*< nick=household >*/
} FurrowFieldColouring;

#define FURROW_TYPE_FIELD_COLOURING (furrow_field_colouring_get_type ())
GType furrow_field_colouring_get_type (void);

/* The colour of fields with nothing to colour them by (no plan, no parcels). */
#define FURROW_FIELD_MAP_RGB_NONE 0x9a9996
/* Households are listed in the legend up to this many; more get a note instead. */
#define FURROW_FIELD_MAP_LEGEND_MAX 12

#define FURROW_TYPE_FIELD_MAP (furrow_field_map_get_type ())

G_DECLARE_FINAL_TYPE (FurrowFieldMap, furrow_field_map, FURROW, FIELD_MAP, GObject)

FurrowFieldMap        *furrow_field_map_new                 (ShumateMap     *map);
void                   furrow_field_map_set_store           (FurrowFieldMap *self,
                                                             FurrowStore    *store);
FurrowSelectionLayer  *furrow_field_map_get_selection_layer (FurrowFieldMap *self);
FurrowFieldEditor     *furrow_field_map_get_editor          (FurrowFieldMap *self);
void                   furrow_field_map_set_labels          (FurrowFieldMap   *self,
                                                             ShumateMapSource *source);
void                   furrow_field_map_refresh_colours     (FurrowFieldMap *self);
void                   furrow_field_map_set_legend          (FurrowFieldMap  *self,
                                                             FurrowMapLegend *legend);
void                   furrow_field_map_show_household      (FurrowFieldMap *self,
                                                             const char     *household_code);

G_END_DECLS
