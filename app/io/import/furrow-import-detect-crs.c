/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Detection of a source's coordinate system: what its .prj or layer declares, checked against
 * where its coordinates lie, and 3-degree Gauss–Krüger zones read from the eastings
 * (docs/toolchain.md "GEOS, PROJ, GDAL"; docs/domain.md §4). The format, encoding and dataset
 * are detected in furrow-import-detect.c. */

#include "config.h"

#include "furrow-importer-private.h"

#include <glib/gi18n-lib.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <math.h>
#include <string.h>

/* 3-degree Gauss–Krüger CGCS2000 with the zone prefixed to the easting (docs/domain.md §4):
 * 8-digit eastings "40xxxxxx" are zone 40, EPSG:4513 + zone − 25. 0 when not such eastings. */
int
furrow_import_gauss_kruger_epsg (double min_x,
                                 double max_x)
{
  int zone;

  if (!(min_x >= 1.0e7 && max_x < 1.0e8))
    return 0;
  zone = (int) floor (min_x / 1.0e6);
  if (zone != (int) floor (max_x / 1.0e6) || zone < 25 || zone > 45)
    return 0;
  return 4513 + zone - 25;
}

/* The EPSG code of a CGCS2000 3-degree Gauss–Krüger system given by its parameters (a .prj
 * without an authority code), or 0. */
static int
identify_gauss_kruger (OGRSpatialReferenceH srs)
{
  const char *datum = OSRGetAttrValue (srs, "DATUM", 0);
  const char *projection = OSRGetAttrValue (srs, "PROJECTION", 0);
  double cm, fe;
  int zone;

  if (datum == NULL || projection == NULL || strstr (datum, "2000") == NULL ||
      g_ascii_strcasecmp (projection, SRS_PT_TRANSVERSE_MERCATOR) != 0 ||
      fabs (OSRGetProjParm (srs, SRS_PP_SCALE_FACTOR, 1.0, NULL) - 1.0) > 1e-9)
    return 0;
  cm = OSRGetProjParm (srs, SRS_PP_CENTRAL_MERIDIAN, 0.0, NULL);
  fe = OSRGetProjParm (srs, SRS_PP_FALSE_EASTING, 0.0, NULL);
  if (fabs (cm / 3.0 - round (cm / 3.0)) > 1e-9)
    return 0;
  zone = (int) round (cm / 3.0);
  if (zone < 25 || zone > 45)
    return 0;
  if (fabs (fe - 500000.0) < 1e-6)
    return 4534 + zone - 25;
  if (fabs (fe - (zone * 1.0e6 + 500000.0)) < 1e-6)
    return 4513 + zone - 25;
  return 0;
}

static int
srs_epsg (OGRSpatialReferenceH srs)
{
  const char *name = OSRIsProjected (srs) ? "PROJCS" : "GEOGCS";
  const char *authority = OSRGetAuthorityName (srs, name);
  const char *code = OSRGetAuthorityCode (srs, name);
  int gk;

  if (authority != NULL && code != NULL && g_ascii_strcasecmp (authority, "EPSG") == 0)
    return atoi (code);
  if ((gk = identify_gauss_kruger (srs)) != 0)
    return gk;
  if (OSRAutoIdentifyEPSG (srs) == OGRERR_NONE &&
      (code = OSRGetAuthorityCode (srs, name)) != NULL)
    return atoi (code);
  return 0;
}

static OGRSpatialReferenceH
srs_from_epsg (int epsg)
{
  OGRSpatialReferenceH srs = OSRNewSpatialReference (NULL);

  CPLPushErrorHandler (CPLQuietErrorHandler);
  if (OSRImportFromEPSG (srs, epsg) != OGRERR_NONE)
    g_clear_pointer (&srs, OSRDestroySpatialReference);
  CPLPopErrorHandler ();
  if (srs != NULL)
    OSRSetAxisMappingStrategy (srs, OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

/* Both CGCS2000 and WGS84 geographic coordinates are taken as they are (docs/domain.md §4:
 * practically identical at field scale). */
static gboolean
is_wgs84_like (OGRSpatialReferenceH srs)
{
  OGRErr err = OGRERR_NONE;
  double a;

  if (!OSRIsGeographic (srs))
    return FALSE;
  a = OSRGetSemiMajor (srs, &err);
  return err == OGRERR_NONE && fabs (a - 6378137.0) < 0.5 &&
         fabs (OSRGetAngularUnits (srs, NULL) - 0.0174532925199433) < 1e-12 &&
         fabs (OSRGetPrimeMeridian (srs, NULL)) < 1e-12;
}

static char *
describe_crs (int epsg)
{
  return epsg != 0 ? g_strdup_printf ("EPSG:%d", epsg) : g_strdup (_("the file’s coordinate system"));
}

static char *
suggest_gauss_kruger (double min_x,
                      double max_x)
{
  int gk = furrow_import_gauss_kruger_epsg (min_x, max_x);

  if (gk == 0)
    return g_strdup ("");
  return g_strdup_printf (_(" (the eastings look like CGCS2000 Gauss–Krüger zone %d: EPSG:%d)"),
                          gk - 4513 + 25, gk);
}

gboolean
furrow_import_detect_crs (FurrowImporter  *self,
                          GError         **error)
{
  g_auto(OGRSpatialReferenceH) src = NULL;
  g_auto(OGRSpatialReferenceH) wgs84 = NULL;
  OGREnvelope env;
  gboolean has_extent;

  self->epsg = 0;
  if (!self->has_geometry)
    return TRUE;

  CPLPushErrorHandler (CPLQuietErrorHandler);
  has_extent = OGR_L_GetExtent (self->layer, &env, TRUE) == OGRERR_NONE &&
               isfinite (env.MinX) && isfinite (env.MaxX) && isfinite (env.MinY) && isfinite (env.MaxY);
  CPLPopErrorHandler ();

  if (self->epsg_override != 0)
    {
      src = srs_from_epsg (self->epsg_override);
      if (src == NULL)
        {
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                       _("%s: EPSG:%d is not a known coordinate system"),
                       self->display_name, self->epsg_override);
          return FALSE;
        }
      self->epsg = self->epsg_override;
    }
  else if (OGR_L_GetSpatialRef (self->layer) != NULL)
    {
      src = OSRClone (OGR_L_GetSpatialRef (self->layer));
      OSRSetAxisMappingStrategy (src, OAMS_TRADITIONAL_GIS_ORDER);
      self->epsg = srs_epsg (src);
    }
  else if (has_extent && (self->epsg = furrow_import_gauss_kruger_epsg (env.MinX, env.MaxX)) != 0)
    src = srs_from_epsg (self->epsg);
  else
    {
      g_autofree char *prj = self->format == FURROW_IMPORT_FORMAT_SHAPEFILE
                             ? furrow_import_find_side_file (self->gdal_path, "prj") : NULL;

      /* A .prj that is there but not a coordinate system (empty, damaged, another format) is
       * not a missing one: the person would look for a file they can see (issue 12). */
      if (prj != NULL)
        {
          g_autofree char *prj_name = g_path_get_basename (prj);

          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                       _("%s: %s is not a coordinate system Furrow can read (empty or damaged), so the coordinate system is unknown; give it with --crs EPSG:n"),
                       self->display_name, prj_name);
        }
      else if (self->format == FURROW_IMPORT_FORMAT_SHAPEFILE)
        g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                     _("%s: the .prj file is missing, so the coordinate system is unknown; give it with --crs EPSG:n"),
                     self->display_name);
      else
        g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                     _("%s: the file declares no coordinate system; give it with --crs EPSG:n"),
                     self->display_name);
      return FALSE;
    }

  if (has_extent)
    {
      gboolean in_degrees = fabs (env.MinX) <= 180.0 && fabs (env.MaxX) <= 180.0 &&
                            fabs (env.MinY) <= 90.0 && fabs (env.MaxY) <= 90.0;
      g_autofree char *crs = describe_crs (self->epsg);

      if (OSRIsGeographic (src) && !in_degrees)
        {
          g_autofree char *hint = suggest_gauss_kruger (env.MinX, env.MaxX);

          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                       _("%s: %s is in degrees but the coordinates (%.1f, %.1f) are projected metres%s; give the right system with --crs EPSG:n"),
                       self->display_name, crs, env.MinX, env.MinY, hint);
          return FALSE;
        }
      if (OSRIsProjected (src) && in_degrees)
        {
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                       _("%s: %s is projected (metres) but the coordinates (%.6f, %.6f) look like longitude and latitude; give the right system with --crs EPSG:n"),
                       self->display_name, crs, env.MinX, env.MinY);
          return FALSE;
        }
      if (self->epsg >= 4513 && self->epsg <= 4533)
        {
          int zone = self->epsg - 4513 + 25;
          int file_gk = furrow_import_gauss_kruger_epsg (env.MinX, env.MaxX);

          if (file_gk != self->epsg)
            {
              g_autofree char *hint = suggest_gauss_kruger (env.MinX, env.MaxX);

              g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                           _("%s: EPSG:%d is Gauss–Krüger zone %d but the eastings (%.1f) do not start with %d%s"),
                           self->display_name, self->epsg, zone, env.MinX, zone, hint);
              return FALSE;
            }
        }
    }

  if (is_wgs84_like (src))
    return TRUE;

  wgs84 = srs_from_epsg (4326);
  CPLPushErrorHandler (CPLQuietErrorHandler);
  self->transform = OCTNewCoordinateTransformation (src, wgs84);
  CPLPopErrorHandler ();
  if (self->transform == NULL)
    {
      g_autofree char *crs = describe_crs (self->epsg);

      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS,
                   _("%s: cannot convert %s to longitude and latitude"), self->display_name, crs);
      return FALSE;
    }
  return TRUE;
}
