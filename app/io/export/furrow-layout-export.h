/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-layout.h"

G_BEGIN_DECLS

/* Row lines and guidance (AB) lines of one or more laid-out fields as GeoJSON (RFC 7946:
 * lon/lat LineStrings) and as KML 2.2 (for auto-steer consoles and Google Earth).
 *
 * `codes[i]` labels layout i: the field code (CBDKBM of a project field), or for a polygon
 * file the feature's label; NULL (or a NULL entry) falls back to the index in the list.
 *
 * GeoJSON: one Feature per row piece with properties `kind` "row", `field` (the code, a
 * string), `crop` "maize" / "soybean", `strip`, `slot`, `length_m`; one per strip with `kind`
 * "guidance", `field`, `strip`, `length_m`. KML: a Folder per field named by its code with the
 * rows (styled by crop) and the AB lines. Layouts computed with FURROW_LAYOUT_QUANTITIES_ONLY
 * add nothing. */

char     *furrow_layout_export_geojson (FurrowLayout * const *layouts,
                                        const char * const   *codes,
                                        guint                n_layouts);
char     *furrow_layout_export_kml     (FurrowLayout * const *layouts,
                                        const char * const   *codes,
                                        guint                n_layouts,
                                        const char          *name);

/* Writes the file named by `path` (".kml" → KML, anything else GeoJSON) atomically. */
gboolean  furrow_layout_export_file    (FurrowLayout * const *layouts,
                                        const char * const   *codes,
                                        guint                n_layouts,
                                        const char          *path,
                                        GError             **error);

G_END_DECLS
