/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-geodesy.h"

#include <geodesic.h>
#include <math.h>

/* WGS84: a = 6378137 m, f = 1/298.257223563 (EPSG:7030). */
static const struct geod_geodesic *
wgs84 (void)
{
  static struct geod_geodesic g;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      geod_init (&g, 6378137.0, 1.0 / 298.257223563);
      g_once_init_leave (&initialized, 1);
    }
  return &g;
}

void
furrow_geodesy_ring (const FurrowPoint *points,
                     guint              n_points,
                     double            *signed_area_m2,
                     double            *perimeter_m)
{
  const struct geod_geodesic *g = wgs84 ();
  struct geod_polygon p;
  double area = 0, perimeter = 0;
  guint n = n_points;

  /* A closed ring repeats its first point: geod_polygon closes the ring itself. */
  if (n > 1 && points[0].x == points[n - 1].x && points[0].y == points[n - 1].y)
    n--;

  geod_polygon_init (&p, 0);
  for (guint i = 0; i < n; i++)
    geod_polygon_addpoint (g, &p, points[i].y, points[i].x);
  if (n >= 3)
    geod_polygon_compute (g, &p, 0, 1, &area, &perimeter);
  else if (n == 2)
    perimeter = 2 * furrow_geodesy_distance_m (points[0].x, points[0].y, points[1].x, points[1].y);

  if (signed_area_m2)
    *signed_area_m2 = area;
  if (perimeter_m)
    *perimeter_m = perimeter;
}

double
furrow_geodesy_area_m2 (const FurrowGeometry *geometry)
{
  double total = 0;

  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      const FurrowPolygon *poly = &geometry->polygons[p];

      for (guint r = 0; r < poly->n_rings; r++)
        {
          double area;

          furrow_geodesy_ring (poly->rings[r].points, poly->rings[r].n_points, &area, NULL);
          total += (r == 0 ? 1 : -1) * fabs (area);
        }
    }
  return total;
}

double
furrow_geodesy_perimeter_m (const FurrowGeometry *geometry)
{
  double total = 0;

  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        double perimeter;

        furrow_geodesy_ring (geometry->polygons[p].rings[r].points,
                             geometry->polygons[p].rings[r].n_points,
                             NULL, &perimeter);
        total += perimeter;
      }
  return total;
}

double
furrow_geodesy_distance_m (double lon1,
                           double lat1,
                           double lon2,
                           double lat2)
{
  double s12 = 0;

  geod_inverse (wgs84 (), lat1, lon1, lat2, lon2, &s12, NULL, NULL);
  return s12;
}
