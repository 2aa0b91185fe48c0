/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* The online base maps besides OpenStreetMap: Tianditu (天地图, with the user's key) and any XYZ
 * URL template with {x}, {y} and {z}. Not a class: the sources are plain ShumateRasterRenderers. */

/* OpenStreetMap's standard tiles, as libshumate's SHUMATE_MAP_SOURCE_OSM_MAPNIK fetches them. */
#define FURROW_OSM_TEMPLATE "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define FURROW_TIANDITU_IMAGERY_TEMPLATE \
  "http://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img" \
  "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}"
#define FURROW_TIANDITU_LABELS_TEMPLATE \
  "http://t0.tianditu.gov.cn/cia_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cia" \
  "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}"

gboolean          furrow_base_map_template_is_valid  (const char  *url_template);
gboolean          furrow_base_map_template_is_gcj02  (const char  *url_template);
char             *furrow_base_map_template_host      (const char  *url_template);
ShumateMapSource *furrow_base_map_new_xyz_source     (const char  *id,
                                                      const char  *name,
                                                      const char  *url_template,
                                                      const char  *key);
void              furrow_base_map_probe_async        (const char          *url_template,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          furrow_base_map_probe_finish       (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
