/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <ogr_api.h>

#include "furrow-geodesy.h"
#include "furrow-ogr-geometry.h"
#include "furrow-test.h"
#include "furrow-validate.h"

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRGeometryH, OGR_G_DestroyGeometry, NULL)

static OGRGeometryH
from_wkt (const char *wkt)
{
  char *text = (char *) wkt;
  OGRGeometryH geometry = NULL;

  g_assert_cmpint (OGR_G_CreateFromWkt (&text, NULL, &geometry), ==, OGRERR_NONE);
  return geometry;
}

/* The holed field of test-geodesy: 994114.08608 − 89470.83569 m² (Planimeter -p 12), plus a
 * second part of 248473.30460 m²; round trip through OGR keeps every coordinate. */
#define HOLED_FIELD \
  "((119.400 36.500,119.410 36.500,119.410 36.510,119.400 36.510,119.400 36.500)," \
  "(119.403 36.503,119.403 36.506,119.406 36.506,119.406 36.503,119.403 36.503))"
#define OTHER_FIELD \
  "((119.420 36.520,119.425 36.520,119.425 36.525,119.420 36.525,119.420 36.520))"

static void
test_round_trip (void)
{
  g_auto(OGRGeometryH) ogr = from_wkt ("MULTIPOLYGON (" HOLED_FIELD "," OTHER_FIELD ")");
  g_auto(OGRGeometryH) back = NULL;
  g_autoptr(FurrowGeometry) g = NULL;
  g_autoptr(FurrowGeometry) again = NULL;
  g_autoptr(GError) error = NULL;

  g = furrow_geometry_from_ogr (ogr, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->n_polygons, ==, 2);
  g_assert_cmpuint (g->polygons[0].n_rings, ==, 2);
  g_assert_cmpuint (g->polygons[1].n_rings, ==, 1);
  g_assert_cmpfloat (g->polygons[0].rings[1].points[2].x, ==, 119.406);
  g_assert_cmpfloat (g->polygons[0].rings[1].points[2].y, ==, 36.506);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g),
                                  994114.08608 - 89470.83569 + 248473.30460, 0.00003);

  back = furrow_geometry_to_ogr (g);
  g_assert_cmpint (wkbFlatten (OGR_G_GetGeometryType (back)), ==, wkbMultiPolygon);
  g_assert_true (OGR_G_Equals (back, ogr));
  again = furrow_geometry_from_ogr (back, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_geometry_equal (g, again));
}
FURROW_TEST ("/furrow/io/ogr-geometry/round-trip", test_round_trip);

/* A single polygon stays a Polygon; Z is dropped. */
static void
test_polygon_z (void)
{
  g_auto(OGRGeometryH) ogr = from_wkt ("POLYGON Z ((119.4 36.5 10,119.41 36.5 11,119.41 36.51 12,"
                                       "119.4 36.5 10))");
  g_auto(OGRGeometryH) back = NULL;
  g_autoptr(FurrowGeometry) g = NULL;
  g_autoptr(GError) error = NULL;

  g = furrow_geometry_from_ogr (ogr, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_geometry_count_points (g), ==, 4);
  back = furrow_geometry_to_ogr (g);
  g_assert_cmpint (OGR_G_GetGeometryType (back), ==, wkbPolygon);
}
FURROW_TEST ("/furrow/io/ogr-geometry/polygon-z", test_polygon_z);

/* A curved polygon is linearised. A circle of radius 0.001° in lon/lat around 119.4 E 36.5 N is
 * on the ground an ellipse with semi-axes 0.001 × 89578 m (1° of longitude at 36.5° N, the hand
 * figure of test-validate) and 0.001 × 110968 m (1° of latitude): π × 89.58 × 110.97 = 31230 m²;
 * the linearised polygon is within 1 % of it. */
static void
test_curve (void)
{
  g_auto(OGRGeometryH) ogr = from_wkt ("CURVEPOLYGON (CIRCULARSTRING (119.399 36.5,119.401 36.5,"
                                       "119.399 36.5))");
  g_autoptr(FurrowGeometry) g = NULL;
  g_autoptr(GError) error = NULL;

  g = furrow_geometry_from_ogr (ogr, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->n_polygons, ==, 1);
  g_assert_cmpuint (g->polygons[0].rings[0].n_points, >, 20);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g), G_PI * 89.58 * 110.97, 312);
}
FURROW_TEST ("/furrow/io/ogr-geometry/curve", test_curve);

static void
test_not_polygon (void)
{
  const struct { const char *wkt; const char *message; } cases[] = {
    { "POINT (119.4 36.5)", "the geometry is a POINT, not a polygon" },
    { "LINESTRING (119.4 36.5,119.5 36.6)", "the geometry is a LINESTRING, not a polygon" },
    { "GEOMETRYCOLLECTION (" "POLYGON " OTHER_FIELD ",POINT (1 2))",
      "the geometry is a POINT, not a polygon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(OGRGeometryH) ogr = from_wkt (cases[i].wkt);
      g_autoptr(FurrowGeometry) g = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autofree char *expected = g_strconcat ("feature 3: ", cases[i].message, NULL);

      g = furrow_geometry_from_ogr (ogr, &error);
      g_assert_null (g);
      g_assert_error (error, FURROW_OGR_GEOMETRY_ERROR, FURROW_OGR_GEOMETRY_ERROR_NOT_POLYGON);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      issues = furrow_ogr_geometry_validate (NULL, "feature 3", ogr);
      g_assert_cmpuint (issues->len, ==, 1);
      g_assert_cmpint (((FurrowValidationIssue *) issues->pdata[0])->kind, ==,
                       FURROW_VALIDATION_NOT_POLYGON);
      g_assert_cmpstr (((FurrowValidationIssue *) issues->pdata[0])->message, ==, expected);
    }
}
FURROW_TEST ("/furrow/io/ogr-geometry/not-polygon", test_not_polygon);

static void
test_empty (void)
{
  g_auto(OGRGeometryH) ogr = from_wkt ("POLYGON EMPTY");
  g_autoptr(FurrowGeometry) g = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  g = furrow_geometry_from_ogr (ogr, &error);
  g_assert_null (g);
  g_assert_error (error, FURROW_OGR_GEOMETRY_ERROR, FURROW_OGR_GEOMETRY_ERROR_EMPTY);

  issues = furrow_ogr_geometry_validate (NULL, "feature 3", ogr);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpint (((FurrowValidationIssue *) issues->pdata[0])->kind, ==, FURROW_VALIDATION_EMPTY);
}
FURROW_TEST ("/furrow/io/ogr-geometry/empty", test_empty);

/* Validation sees the rings as OGR holds them: an unclosed ring is reported (the conversion
 * closes it), and a bow-tie is found at its crossing (119.401 E 36.511 N, see test-validate). */
static void
test_validate_raw (void)
{
  g_auto(OGRGeometryH) open_ring = from_wkt ("POLYGON ((119.400 36.510,119.402 36.510,"
                                             "119.402 36.512,119.400 36.512))");
  g_auto(OGRGeometryH) bow_tie = from_wkt ("MULTIPOLYGON (" OTHER_FIELD ",((119.400 36.510,"
                                           "119.402 36.512,119.402 36.510,119.400 36.512,"
                                           "119.400 36.510)))");
  g_auto(OGRGeometryH) good = from_wkt ("POLYGON " HOLED_FIELD);
  g_autoptr(GPtrArray) a = furrow_ogr_geometry_validate (NULL, "f", open_ring);
  g_autoptr(GPtrArray) b = furrow_ogr_geometry_validate (NULL, "f", bow_tie);
  g_autoptr(GPtrArray) c = furrow_ogr_geometry_validate (NULL, "f", good);
  g_autoptr(FurrowGeometry) closed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpint (((FurrowValidationIssue *) a->pdata[0])->kind, ==, FURROW_VALIDATION_UNCLOSED_RING);
  closed = furrow_geometry_from_ogr (open_ring, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closed->polygons[0].rings[0].n_points, ==, 5);

  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpint (((FurrowValidationIssue *) b->pdata[0])->kind, ==, FURROW_VALIDATION_SELF_INTERSECTION);
  g_assert_cmpstr (((FurrowValidationIssue *) b->pdata[0])->message, ==,
                   "f: self-intersection at 119.401 E 36.511 N");

  g_assert_cmpuint (c->len, ==, 0);
}
FURROW_TEST ("/furrow/io/ogr-geometry/validate-raw", test_validate_raw);

/* furrow_ogr_geometry_read(): validation and the geometry from one copy of the points. A valid
 * geometry is the one furrow_geometry_from_ogr() builds, measured as test_round_trip's Planimeter
 * figures; an invalid one gives its issues and no geometry. */
static void
test_read (void)
{
  g_auto(OGRGeometryH) multi = from_wkt ("MULTIPOLYGON (" HOLED_FIELD "," OTHER_FIELD ")");
  g_auto(OGRGeometryH) open_ring = from_wkt ("POLYGON ((119.400 36.510,119.402 36.510,"
                                             "119.402 36.512,119.400 36.512))");
  g_auto(OGRGeometryH) line = from_wkt ("LINESTRING (119.4 36.5,119.41 36.5)");
  g_autoptr(FurrowGeometry) expected = NULL;
  g_autoptr(FurrowGeometry) g = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  double area_m2 = 0;

  issues = furrow_ogr_geometry_read (NULL, "f", multi, &area_m2, &g);
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_nonnull (g);
  expected = furrow_geometry_from_ogr (multi, NULL);
  g_assert_true (furrow_geometry_equal (g, expected));
  g_assert_cmpuint (g->polygons[0].rings[1].n_points, ==, 5);
  g_assert_cmpfloat_with_epsilon (area_m2, 994114.08608 - 89470.83569 + 248473.30460, 0.00003);
  g_assert_cmpfloat (area_m2, ==, furrow_geodesy_area_m2 (g));
  g_clear_pointer (&issues, g_ptr_array_unref);
  g_clear_pointer (&g, furrow_geometry_unref);

  issues = furrow_ogr_geometry_read (NULL, "f", open_ring, &area_m2, &g);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpint (((FurrowValidationIssue *) issues->pdata[0])->kind, ==,
                   FURROW_VALIDATION_UNCLOSED_RING);
  g_assert_null (g);
  g_assert_true (isnan (area_m2));
  g_clear_pointer (&issues, g_ptr_array_unref);

  issues = furrow_ogr_geometry_read (NULL, "f", line, NULL, &g);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpint (((FurrowValidationIssue *) issues->pdata[0])->kind, ==,
                   FURROW_VALIDATION_NOT_POLYGON);
  g_assert_null (g);
}
FURROW_TEST ("/furrow/io/ogr-geometry/read", test_read);

FURROW_TEST_MAIN (.locale = "C.UTF-8");
