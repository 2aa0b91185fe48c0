/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* The standard GeoPackage geometry blob (OGC 12-128r18 §2.1.3) for the MULTIPOLYGON columns of
 * the project file: "GP", version 0, flags (little-endian, envelope [minx, maxx, miny, maxy]),
 * srs_id 4326, the envelope, then an ISO WKB MultiPolygon (x = lon, y = lat).
 *
 * furrow_gpkg_blob_encode() never fails. A geometry with no points is written with the empty flag
 * and no envelope.
 *
 * furrow_gpkg_blob_decode() reads what any GeoPackage writer produces for a polygon column: either
 * byte order, any envelope kind, Polygon or MultiPolygon, ISO or EWKB Z/M flags (Z and M are
 * dropped). Anything else — truncated or oversized counts, other geometry types, extended blobs,
 * non-finite coordinates, trailing bytes — is refused with FURROW_STORE_ERROR_CORRUPT and a message
 * naming the byte offset; it never reads outside [data, data + size) and allocates at most in
 * proportion to size (it is fuzzed: tests/fuzz/fuzz-gpkg-blob.c). */

#define FURROW_GPKG_SRS_WGS84 4326

GBytes         *furrow_gpkg_blob_encode (const FurrowGeometry *geometry);
FurrowGeometry *furrow_gpkg_blob_decode (const guint8         *data,
                                         gsize                 size,
                                         GError              **error);

/* The PostgreSQL backend's geometries (furrow-database-pg.c): a GeoPackage blob as PostGIS's EWKB
 * with SRID 4326 (the header and envelope dropped, the WKB bytes untouched; NULL when data is not
 * a GeoPackage blob), and a geometry column's EWKB (binary, or hex text) back as a GeoPackage
 * blob without envelope. */
GBytes         *furrow_gpkg_blob_to_ewkb       (const guint8         *data,
                                                gsize                 size);
GBytes         *furrow_gpkg_blob_from_ewkb     (const guint8         *wkb,
                                                gsize                 n);
GBytes         *furrow_gpkg_blob_from_ewkb_hex (const char           *hex);

G_END_DECLS
