/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define FURROW_TYPE_FIELD_TILE_SOURCE (furrow_field_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (FurrowFieldTileSource, furrow_field_tile_source, FURROW, FIELD_TILE_SOURCE,
                      ShumateDataSource)

/* The tile size of the rasterised fields, in pixels. */
#define FURROW_FIELD_TILE_SIZE 256
/* Field names and areas are written on tiles from this zoom level on. */
#define FURROW_FIELD_TILE_LABEL_ZOOM 16
/* Parcel outlines are drawn on tiles from this zoom level on. */
#define FURROW_FIELD_TILE_PARCEL_ZOOM 17
/* Colours by custody type (GNOME palette): full custody orange, half custody blue. */
#define FURROW_FIELD_TILE_RGB_FULL 0xe66100
#define FURROW_FIELD_TILE_RGB_HALF 0x1c71d8
/* The fill of a field: its colour at this opacity over the base map. */
#define FURROW_FIELD_TILE_FILL_ALPHA 0.45

FurrowFieldTileSource *furrow_field_tile_source_new           (void);
void                   furrow_field_tile_source_set_fields    (FurrowFieldTileSource *self,
                                                               GListModel            *fields);
void                   furrow_field_tile_source_set_content   (FurrowFieldTileSource *self,
                                                               GListModel            *fields,
                                                               GListModel            *parcels,
                                                               GHashTable            *colours,
                                                               guint32                default_rgb);
void                   furrow_field_tile_source_set_colours   (FurrowFieldTileSource *self,
                                                               GHashTable            *colours,
                                                               guint32                default_rgb);
ShumateMapLayer       *furrow_field_tile_source_get_layer     (FurrowFieldTileSource *self);
ShumateMapLayer       *furrow_field_tile_source_attach        (FurrowFieldTileSource *self,
                                                               ShumateMap            *map);

G_END_DECLS
