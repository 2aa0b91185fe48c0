/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* Ellipsoidal measurements on WGS84 (Karney's algorithm through PROJ's geod_polygonarea;
 * docs/domain.md §3: never the planar Web-Mercator area). Coordinates are lon (x) / lat (y). */

/* Signed area of one ring (counter-clockwise positive) and its perimeter, in m² and m.
 * The ring may be open or closed. Either output may be NULL. */
void   furrow_geodesy_ring          (const FurrowPoint *points,
                                     guint              n_points,
                                     double            *signed_area_m2,
                                     double            *perimeter_m);

/* Area of a (multi-)polygon: Σ over parts of |exterior| − Σ |holes|, in m². */
double furrow_geodesy_area_m2       (const FurrowGeometry *geometry);

/* Perimeter of a (multi-)polygon: the length of every ring, holes included, in m. */
double furrow_geodesy_perimeter_m   (const FurrowGeometry *geometry);

/* Geodesic distance between two lon/lat points, in m. */
double furrow_geodesy_distance_m    (double lon1,
                                     double lat1,
                                     double lon2,
                                     double lat2);

G_END_DECLS
