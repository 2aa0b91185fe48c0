/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-polygon-file.h"

#include <cpl_error.h>
#include <gdal.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "furrow-ogr-geometry.h"

G_DEFINE_QUARK (furrow-polygon-file-error-quark, furrow_polygon_file_error)

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (GDALDatasetH, GDALClose, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRFeatureH, OGR_F_Destroy, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRGeometryH, OGR_G_DestroyGeometry, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRSpatialReferenceH, OSRRelease, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRCoordinateTransformationH, OCTDestroyCoordinateTransformation, NULL)

void
furrow_polygon_feature_free (FurrowPolygonFeature *feature)
{
  if (feature == NULL)
    return;
  g_clear_pointer (&feature->geometry, furrow_geometry_unref);
  g_free (feature->layer);
  g_free (feature);
}

/* The first vertex outside lon/lat range (or not finite); FALSE when there is none. */
static gboolean
find_bad_coordinate (const FurrowGeometry *geometry,
                     FurrowPoint          *bad)
{
  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      for (guint i = 0; i < geometry->polygons[p].rings[r].n_points; i++)
        {
          const FurrowPoint *pt = &geometry->polygons[p].rings[r].points[i];

          if (!(fabs (pt->x) <= 180 && fabs (pt->y) <= 90))
            {
              *bad = *pt;
              return TRUE;
            }
        }
  return FALSE;
}

static char *
format_coordinate (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.3f", value));
}

/* The layer's transformation to EPSG:4326 lon/lat, NULL when the layer is already geographic
 * or has no CRS (`*has_crs` tells which). */
static gboolean
layer_transform (const char                    *path,
                 OGRLayerH                      layer,
                 OGRCoordinateTransformationH  *transform,
                 gboolean                      *has_crs,
                 GError                       **error)
{
  OGRSpatialReferenceH layer_srs = OGR_L_GetSpatialRef (layer);
  g_auto(OGRSpatialReferenceH) source = NULL;
  g_auto(OGRSpatialReferenceH) wgs84 = NULL;

  *transform = NULL;
  *has_crs = layer_srs != NULL;
  if (layer_srs == NULL || OSRIsGeographic (layer_srs))
    return TRUE;

  /* docs/toolchain.md: PROJ uses the authority's axis order (lat, lon for EPSG:4326) unless
   * told. */
  source = OSRClone (layer_srs);
  wgs84 = OSRNewSpatialReference (NULL);
  OSRImportFromEPSG (wgs84, 4326);
  OSRSetAxisMappingStrategy (source, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy (wgs84, OAMS_TRADITIONAL_GIS_ORDER);
  *transform = OCTNewCoordinateTransformation (source, wgs84);
  if (*transform == NULL)
    {
      g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_CRS,
                   _("%s: layer “%s”: its coordinate reference system cannot be converted to "
                     "WGS84 (%s)"),
                   path, OGR_L_GetName (layer), CPLGetLastErrorMsg ());
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_layer (const char  *path,
            OGRLayerH    layer,
            GPtrArray   *features,
            GError     **error)
{
  g_auto(OGRCoordinateTransformationH) transform = NULL;
  gboolean has_crs;
  OGRFeatureH f;

  if (!layer_transform (path, layer, &transform, &has_crs, error))
    return FALSE;

  OGR_L_ResetReading (layer);
  while ((f = OGR_L_GetNextFeature (layer)) != NULL)
    {
      g_auto(OGRFeatureH) feature = f;
      g_auto(OGRGeometryH) geometry = NULL;
      g_autoptr(FurrowGeometry) polygons = NULL;
      g_autoptr(GError) local_error = NULL;
      FurrowPolygonFeature *out;
      OGRGeometryH ref = OGR_F_GetGeometryRef (feature);
      guint index = features->len;
      guint number = index + 1;   /* in messages: feature 1 is the first (issue 12) */
      FurrowPoint bad;

      if (ref == NULL)
        {
          g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_GEOMETRY,
                       _("%s: feature %u has no geometry"), path, number);
          return FALSE;
        }

      geometry = OGR_G_Clone (ref);
      if (transform != NULL && OGR_G_Transform (geometry, transform) != OGRERR_NONE)
        {
          g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_COORDINATES,
                       _("%s: feature %u cannot be converted to WGS84 (%s)"),
                       path, number, CPLGetLastErrorMsg ());
          return FALSE;
        }

      polygons = furrow_geometry_from_ogr (geometry, &local_error);
      if (polygons == NULL)
        {
          g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_GEOMETRY,
                       /* Translators: "fields.shp: feature 3: the geometry is empty" */
                       _("%s: feature %u: %s"), path, number, local_error->message);
          return FALSE;
        }

      if (find_bad_coordinate (polygons, &bad))
        {
          g_autofree char *x = format_coordinate (bad.x);
          g_autofree char *y = format_coordinate (bad.y);

          if (!has_crs)
            g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_CRS,
                         _("%s: the layer has no coordinate reference system and its coordinates "
                           "(%s, %s) are not longitude and latitude; add the .prj file or convert "
                           "the file to WGS84"),
                         path, x, y);
          else
            g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_COORDINATES,
                         _("%s: feature %u has the coordinate (%s, %s), which is not a longitude "
                           "and latitude; is its coordinate reference system declared wrongly?"),
                         path, number, x, y);
          return FALSE;
        }

      out = g_new0 (FurrowPolygonFeature, 1);
      out->index = index;
      out->fid = OGR_F_GetFID (feature);
      out->layer = g_strdup (OGR_L_GetName (layer));
      out->geometry = g_steal_pointer (&polygons);
      g_ptr_array_add (features, out);
    }
  return TRUE;
}

GPtrArray *
furrow_polygon_file_read (const char  *path,
                          GError     **error)
{
  g_autoptr(GPtrArray) features = NULL;
  g_autofree char *gdal_path = NULL;
  g_auto(GDALDatasetH) dataset = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  GDALAllRegister ();

  /* GDAL 3.6 opens a zipped shapefile only through /vsizip/ (docs/toolchain.md). */
  if (g_str_has_suffix (path, ".zip") || g_str_has_suffix (path, ".ZIP"))
    gdal_path = g_strconcat (g_str_has_prefix (path, "/vsi") ? "" : "/vsizip/", path, NULL);
  else
    gdal_path = g_strdup (path);

  /* GDAL's own messages would go to stderr: keep them for ours. */
  CPLPushErrorHandler (CPLQuietErrorHandler);
  CPLErrorReset ();

  dataset = GDALOpenEx (gdal_path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);

  if (dataset == NULL)
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_str_has_prefix (path, "/vsi"))
        g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_OPEN,
                     _("%s: no such file"), path);
      else
        g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_OPEN,
                     _("%s: not a vector file that GDAL can read"), path);
      CPLPopErrorHandler ();
      return NULL;
    }

  /* GDAL opens any folder as a (possibly empty) set of shapefiles. */
  if (GDALDatasetGetLayerCount (dataset) == 0)
    {
      g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_OPEN,
                   _("%s: no vector layer found"), path);
      CPLPopErrorHandler ();
      return NULL;
    }

  features = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_polygon_feature_free);
  for (int i = 0; ok && i < GDALDatasetGetLayerCount (dataset); i++)
    {
      OGRLayerH layer = GDALDatasetGetLayer (dataset, i);

      /* Attribute tables (no geometry column) have no polygons to measure. */
      if (OGR_L_GetGeomType (layer) == wkbNone)
        continue;
      ok = read_layer (path, layer, features, error);
    }
  CPLPopErrorHandler ();

  if (!ok)
    return NULL;

  if (features->len == 0)
    {
      g_set_error (error, FURROW_POLYGON_FILE_ERROR, FURROW_POLYGON_FILE_ERROR_NO_FEATURES,
                   _("%s: the file has no features"), path);
      return NULL;
    }
  return g_steal_pointer (&features);
}
