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

#define FURROW_TYPE_MBTILES (furrow_mbtiles_get_type ())

G_DECLARE_FINAL_TYPE (FurrowMbtiles, furrow_mbtiles, FURROW, MBTILES, GObject)

GQuark         furrow_mbtiles_error_quark      (void);

FurrowMbtiles *furrow_mbtiles_open             (const char      *path,
                                                GError         **error);

const char    *furrow_mbtiles_get_name         (FurrowMbtiles   *self);
const char    *furrow_mbtiles_get_attribution  (FurrowMbtiles   *self);
int            furrow_mbtiles_get_min_zoom     (FurrowMbtiles   *self);
int            furrow_mbtiles_get_max_zoom     (FurrowMbtiles   *self);

GBytes        *furrow_mbtiles_get_tile         (FurrowMbtiles   *self,
                                                int              x,
                                                int              y,
                                                int              z,
                                                GError         **error);

GBytes        *furrow_mbtiles_get_any_tile     (FurrowMbtiles   *self,
                                                GError         **error);

G_END_DECLS
