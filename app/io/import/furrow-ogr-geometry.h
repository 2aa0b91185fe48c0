/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <ogr_api.h>

#include "furrow-geometry.h"
#include "furrow-geos.h"

G_BEGIN_DECLS

/* OGR geometries ↔ FurrowGeometry, and validation of an OGR geometry as read (before its rings
 * are closed). Coordinates are copied as they are: reproject to EPSG:4326 (traditional GIS
 * order, lon/lat) before converting. */

#define FURROW_OGR_GEOMETRY_ERROR (furrow_ogr_geometry_error_quark ())

typedef enum
{
  FURROW_OGR_GEOMETRY_ERROR_EMPTY,
  FURROW_OGR_GEOMETRY_ERROR_NOT_POLYGON,
} FurrowOgrGeometryError;

GQuark          furrow_ogr_geometry_error_quark (void);

/* Polygon, MultiPolygon, their curved forms (linearised) and collections of polygons; Z and M
 * are dropped. Anything else is FURROW_OGR_GEOMETRY_ERROR_NOT_POLYGON, with a message that
 * names the type ("the geometry is a LINESTRING, not a polygon"). */
FurrowGeometry *furrow_geometry_from_ogr        (OGRGeometryH           geometry,
                                                 GError               **error);

/* A new Polygon (one part) or MultiPolygon; free with OGR_G_DestroyGeometry. */
OGRGeometryH    furrow_geometry_to_ogr          (const FurrowGeometry  *geometry);

/* furrow_validate_polygons on the rings exactly as OGR holds them (an unclosed ring is
 * reported as such); a geometry that is no polygon gives one FURROW_VALIDATION_NOT_POLYGON
 * issue. Returns a GPtrArray of FurrowValidationIssue; `ctx` may be NULL. */
GPtrArray      *furrow_ogr_geometry_validate    (FurrowGeosContext     *ctx,
                                                 const char            *label,
                                                 OGRGeometryH           geometry);
/* The same, and the ellipsoidal area of a valid geometry in `area_m2` (m²; NAN when there is an
 * issue, as furrow_validate_polygons_measured()) and, when there is no issue, the geometry
 * itself in `out` (else NULL): the points are copied out of OGR once, for both (what an importer
 * wants; furrow_geometry_from_ogr() copies them again). `area_m2` and `out` may be NULL. */
GPtrArray      *furrow_ogr_geometry_read        (FurrowGeosContext     *ctx,
                                                 const char            *label,
                                                 OGRGeometryH           geometry,
                                                 double                *area_m2,
                                                 FurrowGeometry       **out);

G_END_DECLS
