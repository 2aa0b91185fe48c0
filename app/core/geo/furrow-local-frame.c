/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-local-frame.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

/* WGS84 */
#define WGS84_A  6378137.0
#define WGS84_F  (1.0 / 298.257223563)
#define WGS84_E2 (WGS84_F * (2.0 - WGS84_F))
#define WGS84_B  (WGS84_A * (1.0 - WGS84_F))

#define DEG (G_PI / 180.0)

/* The local tangent plane (east, north) at the origin, the ellipsoid projected onto it along
 * the origin's normal (an ellipsoidal orthographic projection). Everything is computed in an
 * earth-centred frame turned so the origin's meridian is the X–Z plane: X along the equator
 * under the origin's meridian, Y east, Z the axis. */
struct _FurrowLocalFrame
{
  double lon0;      /* degrees */
  double sin_lat0;
  double cos_lat0;
  double x0;        /* origin, turned earth-centred frame */
  double z0;
};

FurrowLocalFrame *
furrow_local_frame_new (double   lon0_deg,
                        double   lat0_deg,
                        GError **error)
{
  FurrowLocalFrame *self;
  double n;

  if (!(lat0_deg >= -89.0 && lat0_deg <= 89.0 && lon0_deg >= -540.0 && lon0_deg <= 540.0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("coordinates %g, %g are not a longitude and latitude in degrees away from "
                     "the poles"), lon0_deg, lat0_deg);
      return NULL;
    }

  self = g_new0 (FurrowLocalFrame, 1);
  self->lon0 = lon0_deg;
  self->sin_lat0 = sin (lat0_deg * DEG);
  self->cos_lat0 = cos (lat0_deg * DEG);
  n = WGS84_A / sqrt (1.0 - WGS84_E2 * self->sin_lat0 * self->sin_lat0);
  self->x0 = n * self->cos_lat0;
  self->z0 = n * (1.0 - WGS84_E2) * self->sin_lat0;
  return self;
}

void
furrow_local_frame_free (FurrowLocalFrame *self)
{
  g_free (self);
}

/* Geodetic → earth-centred (turned) → east, north. */
void
furrow_local_frame_forward (FurrowLocalFrame  *self,
                            const FurrowPoint *lonlat,
                            FurrowPoint       *xy,
                            guint              n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      double lat = lonlat[i].y * DEG;
      double dlon = (lonlat[i].x - self->lon0) * DEG;
      double s = sin (lat), c = cos (lat);
      double n = WGS84_A / sqrt (1.0 - WGS84_E2 * s * s);
      double dx = n * c * cos (dlon) - self->x0;
      double y = n * c * sin (dlon);
      double dz = n * (1.0 - WGS84_E2) * s - self->z0;

      xy[i].x = y;
      xy[i].y = -self->sin_lat0 * dx + self->cos_lat0 * dz;
    }
}

/* East, north → the point of the ellipsoid below it along the origin's normal (the root near
 * zero of a quadratic in the height u above the plane) → geodetic. On the ellipsoid itself
 * tan φ = Z / ((1 − e²) p) exactly. */
void
furrow_local_frame_inverse (FurrowLocalFrame  *self,
                            const FurrowPoint *xy,
                            FurrowPoint       *lonlat,
                            guint              n_points)
{
  const double a2 = WGS84_A * WGS84_A, b2 = WGS84_B * WGS84_B;
  double s0 = self->sin_lat0, c0 = self->cos_lat0;
  double alpha = c0 * c0 / a2 + s0 * s0 / b2;

  for (guint i = 0; i < n_points; i++)
    {
      double e = xy[i].x, nn = xy[i].y;
      double ax = self->x0 - nn * s0;       /* X at u = 0 */
      double cz = self->z0 + nn * c0;       /* Z at u = 0 */
      double beta = ax * c0 / a2 + cz * s0 / b2;
      double q = (ax * ax + e * e) / a2 + cz * cz / b2 - 1.0;
      double u = -q / (beta + sqrt (beta * beta - alpha * q));
      double x = ax + u * c0, z = cz + u * s0;
      double p = hypot (x, e);

      lonlat[i].x = self->lon0 + atan2 (e, x) / DEG;
      lonlat[i].y = atan2 (z, (1.0 - WGS84_E2) * p) / DEG;
    }
}
