/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-gcj02.h"
#include "furrow-test.h"

static double
distance_m (double lon1,
            double lat1,
            double lon2,
            double lat2)
{
  /* Local equirectangular distance: exact enough for offsets of a few metres. */
  double dx = (lon2 - lon1) * cos (lat1 * G_PI / 180.0) * 111319.49;
  double dy = (lat2 - lat1) * 110574.0;

  return sqrt (dx * dx + dy * dy);
}

/* Published fixtures of the reference implementation's test suite (googollee/eviltransform,
 * go/transform_test.go): WGS84 (lat, lon) → GCJ-02 (lat, lon) for Shanghai, Shenzhen, Beijing. */
static const double fixtures[][4] = {
  { 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },
  { 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },
  { 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 },
};

static void
test_forward_reference (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      double lon, lat, wlon, wlat;

      furrow_wgs84_to_gcj02 (fixtures[i][1], fixtures[i][0], &lon, &lat);
      g_assert_cmpfloat_with_epsilon (lat, fixtures[i][2], 1e-9);
      g_assert_cmpfloat_with_epsilon (lon, fixtures[i][3], 1e-9);

      /* And back: the iterative inverse recovers the WGS84 point to well under 0.5 m. */
      furrow_gcj02_to_wgs84 (fixtures[i][3], fixtures[i][2], &wlon, &wlat);
      g_assert_cmpfloat (distance_m (wlon, wlat, fixtures[i][1], fixtures[i][0]), <, 0.01);
    }
}
FURROW_TEST ("/furrow/io/gcj02/forward-reference", test_forward_reference);

/* The inverse is checked against the forward transform over Weifang (36.45 N 119.40 E)
 * and the whole of mainland China: forward(inverse(p)) == p within 0.5 m. */
static void
test_inverse_round_trip (void)
{
  double worst = 0;

  for (double lat = 18.5; lat < 53.0; lat += 0.73)
    for (double lon = 74.0; lon < 134.0; lon += 0.91)
      {
        double wlon, wlat, glon, glat, d;

        furrow_gcj02_to_wgs84 (lon, lat, &wlon, &wlat);
        furrow_wgs84_to_gcj02 (wlon, wlat, &glon, &glat);
        d = distance_m (lon, lat, glon, glat);
        worst = MAX (worst, d);
        /* The offset itself is hundreds of metres: the inverse must move the point. */
        g_assert_cmpfloat (distance_m (lon, lat, wlon, wlat), >, 1.0);
      }
  g_test_message ("worst GCJ-02 round trip error: %.6f m", worst);
  g_assert_cmpfloat (worst, <, 0.5);
}
FURROW_TEST ("/furrow/io/gcj02/inverse-round-trip", test_inverse_round_trip);

static void
test_outside_china (void)
{
  double lon, lat;

  furrow_gcj02_to_wgs84 (13.4, 52.5, &lon, &lat);
  g_assert_cmpfloat (lon, ==, 13.4);
  g_assert_cmpfloat (lat, ==, 52.5);
}
FURROW_TEST ("/furrow/io/gcj02/outside-china", test_outside_china);

FURROW_TEST_MAIN ();
