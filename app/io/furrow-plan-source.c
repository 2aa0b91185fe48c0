/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-plan-source.h"

#include <glib/gi18n.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

G_DEFINE_QUARK (furrow-plan-source-error-quark, furrow_plan_source_error)

static void
add_polygon (FurrowGeometry *out,
             OGRGeometryH    polygon)
{
  guint idx = furrow_geometry_add_polygon (out);
  int n_rings = OGR_G_GetGeometryCount (polygon);

  for (int r = 0; r < n_rings; r++)
    {
      OGRGeometryH ring = OGR_G_GetGeometryRef (polygon, r);
      int n = OGR_G_GetPointCount (ring);
      g_autofree FurrowPoint *pts = g_new (FurrowPoint, MAX (n, 1));

      for (int i = 0; i < n; i++)
        {
          pts[i].x = OGR_G_GetX (ring, i);
          pts[i].y = OGR_G_GetY (ring, i);
        }
      furrow_geometry_add_ring (out, idx, pts, n);
    }
}

static gboolean
collect (FurrowGeometry *out,
         OGRGeometryH    geometry)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == wkbPolygon)
    {
      add_polygon (out, geometry);
      return TRUE;
    }
  if (type == wkbMultiPolygon || type == wkbGeometryCollection)
    {
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        if (!collect (out, OGR_G_GetGeometryRef (geometry, i)))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

GPtrArray *
furrow_plan_source_read (const char  *path,
                         GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_geometry_unref);
  GDALDatasetH ds;
  OGRSpatialReferenceH wgs84;
  guint index = 0;
  gboolean ok = TRUE;

  GDALAllRegister ();
  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  if (ds == NULL)
    {
      g_set_error (error, FURROW_PLAN_SOURCE_ERROR, FURROW_PLAN_SOURCE_ERROR_OPEN,
                   _("%s: cannot be opened as a vector file"), path);
      return NULL;
    }

  wgs84 = OSRNewSpatialReference (NULL);
  OSRImportFromEPSG (wgs84, 4326);
  OSRSetAxisMappingStrategy (wgs84, OAMS_TRADITIONAL_GIS_ORDER);

  for (int l = 0; ok && l < GDALDatasetGetLayerCount (ds); l++)
    {
      OGRLayerH layer = GDALDatasetGetLayer (ds, l);
      OGRSpatialReferenceH srs = OGR_L_GetSpatialRef (layer);
      OGRCoordinateTransformationH ct = NULL;
      OGRFeatureH feature;

      if (srs != NULL && !OSRIsSame (srs, wgs84))
        {
          OGRSpatialReferenceH src = OSRClone (srs);

          OSRSetAxisMappingStrategy (src, OAMS_TRADITIONAL_GIS_ORDER);
          ct = OCTNewCoordinateTransformation (src, wgs84);
          OSRDestroySpatialReference (src);
          if (ct == NULL)
            {
              g_set_error (error, FURROW_PLAN_SOURCE_ERROR, FURROW_PLAN_SOURCE_ERROR_CRS,
                           _("%s: layer %s cannot be reprojected to WGS84"),
                           path, OGR_L_GetName (layer));
              ok = FALSE;
              break;
            }
        }

      OGR_L_ResetReading (layer);
      while (ok && (feature = OGR_L_GetNextFeature (layer)) != NULL)
        {
          OGRGeometryH geometry = OGR_F_GetGeometryRef (feature);
          g_autoptr(FurrowGeometry) g = furrow_geometry_new ();

          if (geometry != NULL && ct != NULL)
            OGR_G_Transform (geometry, ct);
          if (geometry != NULL && OGR_G_IsEmpty (geometry))
            geometry = NULL;
          if (geometry == NULL || !collect (g, geometry) || g->n_polygons == 0)
            {
              g_set_error (error, FURROW_PLAN_SOURCE_ERROR, FURROW_PLAN_SOURCE_ERROR_GEOMETRY,
                           _("%s: feature %u has no polygon geometry"), path, index);
              ok = FALSE;
            }
          else
            {
              g_ptr_array_add (out, g_steal_pointer (&g));
            }
          OGR_F_Destroy (feature);
          index++;
        }
      if (ct != NULL)
        OCTDestroyCoordinateTransformation (ct);
    }

  OSRDestroySpatialReference (wgs84);
  GDALClose (ds);

  if (!ok)
    return NULL;
  if (out->len == 0)
    {
      g_set_error (error, FURROW_PLAN_SOURCE_ERROR, FURROW_PLAN_SOURCE_ERROR_NO_FEATURES,
                   _("%s: no polygon features"), path);
      return NULL;
    }
  return g_steal_pointer (&out);
}
