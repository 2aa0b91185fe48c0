/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-import-validate.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "furrow-geodesy.h"

static char *
format_location (double lon,
                 double lat)
{
  char x[32], y[32];

  /* TRANSLATORS: a location, "119.402 E 36.510 N" */
  g_ascii_formatd (x, sizeof x, "%.3f", fabs (lon));
  g_ascii_formatd (y, sizeof y, "%.3f", fabs (lat));
  return g_strdup_printf ("%s %s %s %s", x, lon >= 0 ? "E" : "W", y, lat >= 0 ? "N" : "S");
}

gboolean
furrow_import_validate_geometry (FurrowGeosContext    *ctx,
                                 const FurrowGeometry *geometry,
                                 double               *area_m2,
                                 char                **reason)
{
  GEOSContextHandle_t h = furrow_geos_context_get_handle (ctx);
  GEOSGeometry *geos;
  GEOSGeometry *location = NULL;
  char *geos_reason = NULL;
  char valid;

  *area_m2 = NAN;
  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        const FurrowRing *ring = &geometry->polygons[p].rings[r];

        for (guint i = 0; i < ring->n_points; i++)
          {
            double x = ring->points[i].x, y = ring->points[i].y;

            if (!isfinite (x) || !isfinite (y))
              {
                *reason = g_strdup_printf (_("point %u of ring %u is not a number (NaN or infinite)"), i + 1, r + 1);
                return FALSE;
              }
            if (fabs (x) > 180.0 || fabs (y) > 90.0)
              {
                *reason = g_strdup_printf (_("point %u of ring %u is outside longitude and latitude (%.6f, %.6f)"),
                                           i + 1, r + 1, x, y);
                return FALSE;
              }
          }
        if (ring->n_points < 4)
          {
            *reason = g_strdup_printf (_("ring %u has %u points; a polygon ring needs at least 3 distinct corners"),
                                       r + 1, ring->n_points);
            return FALSE;
          }
      }

  geos = furrow_geometry_to_geos (ctx, geometry);
  if (geos == NULL)
    {
      *reason = g_strdup_printf (_("the polygon cannot be built (%s)"), furrow_geos_context_get_error (ctx));
      return FALSE;
    }
  valid = GEOSisValidDetail_r (h, geos, 0, &geos_reason, &location);
  if (valid != 1)
    {
      double lon = 0, lat = 0;
      g_autofree char *where = NULL;
      g_autofree char *what = NULL;

      if (location != NULL)
        {
          GEOSGeomGetX_r (h, location, &lon);
          GEOSGeomGetY_r (h, location, &lat);
        }
      where = format_location (lon, lat);
      what = g_ascii_strdown (geos_reason != NULL ? geos_reason : "invalid geometry", -1);
      /* TRANSLATORS: GEOS's reason (English, e.g. "self-intersection") and the location */
      *reason = g_strdup_printf (_("%s at %s"), what, where);
      GEOSFree_r (h, geos_reason);
      if (location != NULL)
        GEOSGeom_destroy_r (h, location);
      GEOSGeom_destroy_r (h, geos);
      return FALSE;
    }
  GEOSGeom_destroy_r (h, geos);

  *area_m2 = furrow_geodesy_area_m2 (geometry);
  if (!(*area_m2 > 0.0))
    {
      *reason = g_strdup (_("the polygon has zero area"));
      return FALSE;
    }
  return TRUE;
}
