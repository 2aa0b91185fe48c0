/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* Every polygon feature of any OGR-readable file, in WGS84 lon/lat: what `furrow-cli area`
 * measures. A projected layer is reprojected to EPSG:4326 (traditional GIS order); a layer
 * without a CRS is taken as lon/lat only if its coordinates are in range. A `.zip` is read
 * through /vsizip/. */

#define FURROW_POLYGON_FILE_ERROR (furrow_polygon_file_error_quark ())

typedef enum
{
  FURROW_POLYGON_FILE_ERROR_OPEN,
  FURROW_POLYGON_FILE_ERROR_NO_FEATURES,
  FURROW_POLYGON_FILE_ERROR_CRS,
  FURROW_POLYGON_FILE_ERROR_GEOMETRY,
  FURROW_POLYGON_FILE_ERROR_COORDINATES,
} FurrowPolygonFileError;

typedef struct
{
  guint           index;     /* position in the file, from 0, counted across layers */
  gint64          fid;       /* the feature id in its layer (OGR_F_GetFID) */
  char           *layer;
  FurrowGeometry *geometry;  /* WGS84 lon/lat */
} FurrowPolygonFeature;

GQuark     furrow_polygon_file_error_quark (void);
void       furrow_polygon_feature_free     (FurrowPolygonFeature  *feature);

/* A GPtrArray of FurrowPolygonFeature, or NULL and an error whose message names the file
 * (and the feature) and what is wrong. Features without a geometry, or with a geometry that
 * is not polygonal, are errors. */
GPtrArray *furrow_polygon_file_read        (const char            *path,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowPolygonFeature, furrow_polygon_feature_free)

G_END_DECLS
