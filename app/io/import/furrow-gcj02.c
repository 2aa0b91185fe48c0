/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-gcj02.h"

#include <math.h>

/* The published GCJ-02 forward transform: Krasovsky 1940 ellipsoid constants and the
 * sinusoidal offset polynomials that every open implementation (e.g. eviltransform) shares. */
#define GCJ_A  6378245.0
#define GCJ_EE 0.00669342162296594323

gboolean
furrow_gcj02_in_china (double lon,
                       double lat)
{
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

static double
transform_lat (double x,
               double y)
{
  double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt (fabs (x));

  ret += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  ret += (20.0 * sin (y * G_PI) + 40.0 * sin (y / 3.0 * G_PI)) * 2.0 / 3.0;
  ret += (160.0 * sin (y / 12.0 * G_PI) + 320.0 * sin (y * G_PI / 30.0)) * 2.0 / 3.0;
  return ret;
}

static double
transform_lon (double x,
               double y)
{
  double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt (fabs (x));

  ret += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  ret += (20.0 * sin (x * G_PI) + 40.0 * sin (x / 3.0 * G_PI)) * 2.0 / 3.0;
  ret += (150.0 * sin (x / 12.0 * G_PI) + 300.0 * sin (x / 30.0 * G_PI)) * 2.0 / 3.0;
  return ret;
}

void
furrow_wgs84_to_gcj02 (double  lon,
                       double  lat,
                       double *out_lon,
                       double *out_lat)
{
  double dlat, dlon, radlat, magic, sqrtmagic;

  if (!furrow_gcj02_in_china (lon, lat))
    {
      *out_lon = lon;
      *out_lat = lat;
      return;
    }

  dlat = transform_lat (lon - 105.0, lat - 35.0);
  dlon = transform_lon (lon - 105.0, lat - 35.0);
  radlat = lat / 180.0 * G_PI;
  magic = sin (radlat);
  magic = 1 - GCJ_EE * magic * magic;
  sqrtmagic = sqrt (magic);
  dlat = (dlat * 180.0) / ((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtmagic) * G_PI);
  dlon = (dlon * 180.0) / (GCJ_A / sqrtmagic * cos (radlat) * G_PI);
  *out_lat = lat + dlat;
  *out_lon = lon + dlon;
}

void
furrow_gcj02_to_wgs84 (double  lon,
                       double  lat,
                       double *out_lon,
                       double *out_lat)
{
  double wlon = lon, wlat = lat;

  /* Fixed-point iteration: the offset varies slowly, so each step gains about three
   * orders of magnitude; 1e-10 degrees is about 0.01 mm. */
  for (guint i = 0; i < 30; i++)
    {
      double glon, glat, dlon, dlat;

      furrow_wgs84_to_gcj02 (wlon, wlat, &glon, &glat);
      dlon = glon - lon;
      dlat = glat - lat;
      wlon -= dlon;
      wlat -= dlat;
      if (fabs (dlon) < 1e-10 && fabs (dlat) < 1e-10)
        break;
    }

  *out_lon = wlon;
  *out_lat = wlat;
}
