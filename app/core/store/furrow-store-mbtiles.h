/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A read-only MBTiles 1.3 file (https://github.com/mapbox/mbtiles-spec): an SQLite database with
 * a `metadata` table (name, value) and a `tiles` table or view (zoom_level, tile_column,
 * tile_row, tile_data) whose rows are in TMS order. Tiles are asked for in XYZ order (row 0 at
 * the north); the flip happens here. One object may be used from several threads at once. */

#define FURROW_MBTILES_ERROR (furrow_mbtiles_error_quark ())

typedef enum
{
  FURROW_MBTILES_ERROR_OPEN,
  FURROW_MBTILES_ERROR_NOT_MBTILES,
  FURROW_MBTILES_ERROR_READ,
  FURROW_MBTILES_ERROR_NO_TILE,
} FurrowMbtilesError;

/* What an MBTiles file says about itself in its `metadata` table, with the spec's defaults
 * filled in. */
typedef struct
{
  const char *name;         /* `name`, or the file's name when it has none */
  const char *format;       /* `format` ("png", "jpg", "webp", "pbf"); "png" when it has none */
  const char *attribution;  /* the credit the map's licence asks for, or NULL */
  int         min_zoom;     /* `minzoom` and `maxzoom`, or those of its tiles when it has none */
  int         max_zoom;
  gboolean    has_bounds;   /* FALSE when it has no `bounds` (or an unreadable one) */
  double      bounds[4];    /* `bounds`: west, south, east, north in WGS84 degrees */
} FurrowMbtilesMetadata;

#define FURROW_TYPE_MBTILES (furrow_mbtiles_get_type ())

G_DECLARE_FINAL_TYPE (FurrowMbtiles, furrow_mbtiles, FURROW, MBTILES, GObject)

GQuark         furrow_mbtiles_error_quark      (void);

FurrowMbtiles *furrow_mbtiles_open             (const char      *path,
                                                GError         **error);

const FurrowMbtilesMetadata *
               furrow_mbtiles_get_metadata     (FurrowMbtiles   *self);

GBytes        *furrow_mbtiles_get_tile         (FurrowMbtiles   *self,
                                                int              x,
                                                int              y,
                                                int              z,
                                                GError         **error);

GBytes        *furrow_mbtiles_get_any_tile     (FurrowMbtiles   *self,
                                                GError         **error);

G_END_DECLS
