/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "furrow-geodesy.h"
#include "furrow-geometry.h"
#include "furrow-test.h"
#include "furrow-validate-testing.h"
#include "furrow-validate.h"

#define LABEL "parcels.shp feature 12 (DKBM 3707831012010100012)"

/* A field-sized square near Weifang, 0.002° a side, lon/lat, counter-clockwise and closed. */
#define SQ_W 119.400
#define SQ_E 119.402
#define SQ_S 36.510
#define SQ_N 36.512

static GPtrArray *
validate_ring (const FurrowPoint *points,
               guint              n_points)
{
  FurrowRing ring = { (FurrowPoint *) points, n_points };
  FurrowPolygon polygon = { &ring, 1 };

  return furrow_validate_polygons (NULL, LABEL, &polygon, 1);
}

static const FurrowValidationIssue *
only_issue (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    g_test_message ("issue %u: %s", i, ((FurrowValidationIssue *) issues->pdata[i])->message);
  g_assert_cmpuint (issues->len, ==, 1);
  return issues->pdata[0];
}

static void
test_location_format (void)
{
  g_autofree char *ne = furrow_validate_format_location (119.4018, 36.5104);
  g_autofree char *sw = furrow_validate_format_location (-58.38159, -34.60372);

  g_assert_cmpstr (ne, ==, "119.402 E 36.510 N");
  g_assert_cmpstr (sw, ==, "58.382 W 34.604 S");
}
FURROW_TEST ("/furrow/core/validate/location-format", test_location_format);

/* Vertices A(W,S) B(E,N) C(E,S) D(W,N): edges AB and CD are the two diagonals of the square and
 * cross at its centre, by hand ((119.400 + 119.402)/2, (36.510 + 36.512)/2) = (119.401, 36.511). */
static const FurrowPoint bow_tie[] = {
  { SQ_W, SQ_S }, { SQ_E, SQ_N }, { SQ_E, SQ_S }, { SQ_W, SQ_N }, { SQ_W, SQ_S },
};

static void
test_bow_tie (void)
{
  g_autoptr(GPtrArray) issues = validate_ring (bow_tie, G_N_ELEMENTS (bow_tie));
  const FurrowValidationIssue *issue = only_issue (issues);

  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_SELF_INTERSECTION);
  g_assert_cmpfloat_with_epsilon (issue->lon, 119.401, 1e-9);
  g_assert_cmpfloat_with_epsilon (issue->lat, 36.511, 1e-9);
  g_assert_cmpstr (issue->message, ==, LABEL ": self-intersection at 119.401 E 36.511 N");
}
FURROW_TEST ("/furrow/core/validate/bow-tie", test_bow_tie);

/* The bow-tie repaired: two triangles, the left one A, X, D and the right one X, B, C, with
 * X = (119.401, 36.511). Each is 0.001° wide and 0.002° tall: 2 × ½ × 0.001 × 0.002 = 2e-6 deg².
 * At 36.511° N on WGS84 (a = 6378137, e² = 0.00669437999014) M = 6358026.767 m and
 * N = 6385707.899 m, so 1° of latitude is M·π/180 = 110968.501 m and 1° of longitude is
 * N·cos φ·π/180 = 89578.427 m: 2e-6 × 110968.501 × 89578.427 = 19880.767 m². Planimeter gives
 * 9940.38371 m² for each triangle (19880.76742 m²) and 39761.53486 m² for the whole square. */
static void
test_repair_bow_tie (void)
{
  g_autoptr(FurrowGeometry) g = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) repaired = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;

  furrow_geometry_add_ring (g, furrow_geometry_add_polygon (g), bow_tie, G_N_ELEMENTS (bow_tie));
  /* The signed areas of the two loops cancel: what the raw ring measures is not the field. */
  g_assert_cmpfloat (furrow_geodesy_area_m2 (g), <, 1.0);

  repaired = furrow_validate_repair (NULL, g, &error);
  g_assert_no_error (error);
  g_assert_nonnull (repaired);
  g_assert_cmpuint (repaired->n_polygons, ==, 2);
  for (guint p = 0; p < 2; p++)
    {
      g_assert_cmpuint (repaired->polygons[p].n_rings, ==, 1);
      g_assert_cmpuint (repaired->polygons[p].rings[0].n_points, ==, 4);   /* a closed triangle */
    }
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (repaired), 19880.767, 0.01);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (repaired), 19880.76742, 0.0001);

  issues = furrow_validate_geometry (NULL, LABEL, repaired);
  g_assert_cmpuint (issues->len, ==, 0);

  /* The input is left alone. */
  g_assert_cmpuint (g->n_polygons, ==, 1);
  g_assert_cmpuint (g->polygons[0].rings[0].n_points, ==, 5);
}
FURROW_TEST ("/furrow/core/validate/repair-bow-tie", test_repair_bow_tie);

static void
test_unclosed (void)
{
  static const FurrowPoint open_square[] = {
    { SQ_W, SQ_S }, { SQ_E, SQ_S }, { SQ_E, SQ_N }, { SQ_W, SQ_N },
  };
  g_autoptr(GPtrArray) issues = validate_ring (open_square, G_N_ELEMENTS (open_square));
  const FurrowValidationIssue *issue = only_issue (issues);

  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_UNCLOSED_RING);
  g_assert_cmpfloat (issue->lon, ==, SQ_W);
  g_assert_cmpfloat (issue->lat, ==, SQ_S);
  g_assert_cmpstr (issue->message, ==, LABEL ": a ring is not closed: it starts at 119.400 E 36.510 N "
                   "and ends at 119.400 E 36.512 N");
}
FURROW_TEST ("/furrow/core/validate/unclosed", test_unclosed);

/* Three points including the closing one: a line out and back, two distinct points. */
static void
test_too_few_points (void)
{
  static const FurrowPoint three[] = { { SQ_W, SQ_S }, { SQ_E, SQ_N }, { SQ_W, SQ_S } };
  g_autoptr(GPtrArray) issues = validate_ring (three, G_N_ELEMENTS (three));
  const FurrowValidationIssue *issue = only_issue (issues);

  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_TOO_FEW_POINTS);
  g_assert_cmpstr (issue->message, ==,
                   LABEL ": a ring at 119.400 E 36.510 N has 2 points; a polygon needs at least 3");
}
FURROW_TEST ("/furrow/core/validate/too-few-points", test_too_few_points);

/* Four points on one meridian (a geodesic), closed: no area at all. Points on one parallel
 * would not do: the parallel is no geodesic and encloses a sliver (0.04 m² over 180 m). */
static void
test_zero_area (void)
{
  static const FurrowPoint line[] = {
    { SQ_W, 36.500 }, { SQ_W, 36.501 }, { SQ_W, 36.502 }, { SQ_W, 36.500 },
  };
  g_autoptr(GPtrArray) issues = validate_ring (line, G_N_ELEMENTS (line));
  const FurrowValidationIssue *issue = only_issue (issues);

  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_ZERO_AREA);
  g_assert_cmpstr (issue->message, ==, LABEL ": a ring at 119.400 E 36.500 N encloses no area");
}
FURROW_TEST ("/furrow/core/validate/zero-area", test_zero_area);

static void
test_not_finite (void)
{
  FurrowPoint square[] = {
    { SQ_W, SQ_S }, { SQ_E, SQ_S }, { SQ_E, SQ_N }, { SQ_W, SQ_N }, { SQ_W, SQ_S },
  };
  const double bad[] = { NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) issues = NULL;
      const FurrowValidationIssue *issue;

      square[2].y = bad[i];
      issues = validate_ring (square, G_N_ELEMENTS (square));
      issue = only_issue (issues);
      g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_NOT_FINITE);
      g_assert_true (isnan (issue->lon) && isnan (issue->lat));
      g_assert_true (g_str_has_prefix (issue->message,
                                       LABEL ": vertex 3 has a coordinate that is not a finite number (119.402, "));
    }
}
FURROW_TEST ("/furrow/core/validate/not-finite", test_not_finite);

/* A Gauss–Krüger zone-40 field (zone-prefixed easting, docs/domain.md §4) read as if it were
 * degrees. */
static void
test_out_of_range (void)
{
  static const FurrowPoint metres[] = {
    { 40500000, 4036000 }, { 40500100, 4036000 }, { 40500100, 4036100 }, { 40500000, 4036100 },
    { 40500000, 4036000 },
  };
  static const FurrowPoint lat_too_big[] = {
    { 119.4, 89.9 }, { 119.5, 89.9 }, { 119.5, 90.5 }, { 119.4, 89.9 },
  };
  g_autoptr(GPtrArray) issues = validate_ring (metres, G_N_ELEMENTS (metres));
  g_autoptr(GPtrArray) issues2 = validate_ring (lat_too_big, G_N_ELEMENTS (lat_too_big));
  const FurrowValidationIssue *issue = only_issue (issues);

  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_OUT_OF_RANGE);
  g_assert_cmpfloat (issue->lon, ==, 40500000);
  g_assert_cmpfloat (issue->lat, ==, 4036000);
  g_assert_cmpstr (issue->message, ==,
                   LABEL ": the coordinate 40500000.000 E 4036000.000 N is outside the range of "
                   "longitude and latitude; are these projected metres declared as degrees?");

  issue = only_issue (issues2);
  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_OUT_OF_RANGE);
  g_assert_cmpfloat (issue->lat, ==, 90.5);
}
FURROW_TEST ("/furrow/core/validate/out-of-range", test_out_of_range);

static void
add_box (FurrowGeometry *g,
         guint           polygon,
         double          w,
         double          s,
         double          e,
         double          n)
{
  const FurrowPoint ring[] = { { w, s }, { e, s }, { e, n }, { w, n }, { w, s } };

  furrow_geometry_add_ring (g, polygon, ring, G_N_ELEMENTS (ring));
}

/* A hole entirely east of its shell: GEOS places the problem at the hole's first vertex. */
static void
test_hole_outside_shell (void)
{
  g_autoptr(FurrowGeometry) g = furrow_geometry_new ();
  g_autoptr(GPtrArray) issues = NULL;
  const FurrowValidationIssue *issue;
  guint p = furrow_geometry_add_polygon (g);

  add_box (g, p, SQ_W, SQ_S, SQ_E, SQ_N);
  add_box (g, p, 119.405, 36.5106, 119.406, 36.5116);
  issues = furrow_validate_geometry (NULL, LABEL, g);
  issue = only_issue (issues);
  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_HOLE_OUTSIDE_SHELL);
  g_assert_cmpfloat (issue->lon, ==, 119.405);
  g_assert_cmpfloat (issue->lat, ==, 36.5106);
  g_assert_cmpstr (issue->message, ==, LABEL ": a hole lies outside its polygon at 119.405 E 36.511 N");
}
FURROW_TEST ("/furrow/core/validate/hole-outside-shell", test_hole_outside_shell);

static void
test_multipolygon (void)
{
  g_autoptr(FurrowGeometry) disjoint = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) island = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) overlapping = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) nested = furrow_geometry_new ();
  g_autoptr(GPtrArray) ok1 = NULL;
  g_autoptr(GPtrArray) ok2 = NULL;
  g_autoptr(GPtrArray) bad1 = NULL;
  g_autoptr(GPtrArray) bad2 = NULL;
  const FurrowValidationIssue *issue;
  guint p;

  /* Two fields side by side. */
  add_box (disjoint, furrow_geometry_add_polygon (disjoint), SQ_W, SQ_S, SQ_E, SQ_N);
  add_box (disjoint, furrow_geometry_add_polygon (disjoint), 119.403, SQ_S, 119.405, SQ_N);
  ok1 = furrow_validate_geometry (NULL, LABEL, disjoint);
  g_assert_cmpuint (ok1->len, ==, 0);

  /* A field with a pond, and an island in the pond: nested but not overlapping. */
  p = furrow_geometry_add_polygon (island);
  add_box (island, p, 119.400, 36.500, 119.410, 36.510);
  add_box (island, p, 119.403, 36.503, 119.407, 36.507);
  add_box (island, furrow_geometry_add_polygon (island), 119.404, 36.504, 119.406, 36.506);
  ok2 = furrow_validate_geometry (NULL, LABEL, island);
  g_assert_cmpuint (ok2->len, ==, 0);

  /* Two parts sharing the strip 119.401–119.402: their boundaries cross at (119.402, 36.5105)
   * and (119.402, 36.5115); GEOS reports one of the crossings. */
  add_box (overlapping, furrow_geometry_add_polygon (overlapping), SQ_W, SQ_S, SQ_E, SQ_N);
  add_box (overlapping, furrow_geometry_add_polygon (overlapping), 119.401, 36.5105, 119.403, 36.5115);
  bad1 = furrow_validate_geometry (NULL, LABEL, overlapping);
  issue = only_issue (bad1);
  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_OVERLAPPING_PARTS);
  g_assert_cmpfloat (issue->lon, ==, SQ_E);
  g_assert_true (issue->lat == 36.5105 || issue->lat == 36.5115);

  /* One part wholly inside the other (no hole for it): nested shells. */
  add_box (nested, furrow_geometry_add_polygon (nested), 119.400, 36.500, 119.410, 36.510);
  add_box (nested, furrow_geometry_add_polygon (nested), 119.404, 36.504, 119.406, 36.506);
  bad2 = furrow_validate_geometry (NULL, LABEL, nested);
  issue = only_issue (bad2);
  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_OVERLAPPING_PARTS);
}
FURROW_TEST ("/furrow/core/validate/multipolygon", test_multipolygon);

/* Several problems in one geometry: each is reported. */
static void
test_every_problem (void)
{
  static const FurrowPoint open_square[] = {
    { SQ_W, SQ_S }, { SQ_E, SQ_S }, { SQ_E, SQ_N }, { SQ_W, SQ_N },
  };
  static const FurrowPoint metres[] = {
    { 40500000, 4036000 }, { 40500100, 4036000 }, { 40500100, 4036100 }, { 40500000, 4036000 },
  };
  FurrowRing rings[] = {
    { (FurrowPoint *) open_square, G_N_ELEMENTS (open_square) },
    { (FurrowPoint *) metres, G_N_ELEMENTS (metres) },
    { (FurrowPoint *) bow_tie, G_N_ELEMENTS (bow_tie) },
  };
  FurrowPolygon parts[] = { { &rings[0], 1 }, { &rings[1], 1 }, { &rings[2], 1 } };
  g_autoptr(GPtrArray) issues = furrow_validate_polygons (NULL, LABEL, parts, G_N_ELEMENTS (parts));

  g_assert_cmpuint (issues->len, ==, 3);
  g_assert_cmpint (((FurrowValidationIssue *) issues->pdata[0])->kind, ==, FURROW_VALIDATION_UNCLOSED_RING);
  g_assert_cmpint (((FurrowValidationIssue *) issues->pdata[1])->kind, ==, FURROW_VALIDATION_OUT_OF_RANGE);
  g_assert_cmpint (((FurrowValidationIssue *) issues->pdata[2])->kind, ==, FURROW_VALIDATION_SELF_INTERSECTION);
}
FURROW_TEST ("/furrow/core/validate/every-problem", test_every_problem);

static void
test_empty_and_not_polygon (void)
{
  g_autoptr(FurrowGeometry) empty = furrow_geometry_new ();
  g_autoptr(GPtrArray) issues = furrow_validate_geometry (NULL, LABEL, empty);
  g_autoptr(GPtrArray) line = furrow_validate_not_polygon (LABEL, "LINESTRING");
  const FurrowValidationIssue *issue = only_issue (issues);

  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_EMPTY);
  g_assert_cmpstr (issue->message, ==, LABEL ": the geometry is empty");

  issue = only_issue (line);
  g_assert_cmpint (issue->kind, ==, FURROW_VALIDATION_NOT_POLYGON);
  g_assert_cmpstr (issue->message, ==, LABEL ": the geometry is a LINESTRING, not a polygon");
}
FURROW_TEST ("/furrow/core/validate/empty-and-not-polygon", test_empty_and_not_polygon);

/* Repair refuses what cannot become a polygon. */
static void
test_repair_refuses (void)
{
  static const FurrowPoint line[] = {
    { SQ_W, 36.500 }, { SQ_W, 36.501 }, { SQ_W, 36.502 }, { SQ_W, 36.500 },
  };
  static const FurrowPoint nan_square[] = {
    { SQ_W, SQ_S }, { SQ_E, SQ_S }, { SQ_E, NAN }, { SQ_W, SQ_N }, { SQ_W, SQ_S },
  };
  g_autoptr(FurrowGeometry) a = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) b = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) ra = NULL;
  g_autoptr(FurrowGeometry) rb = NULL;
  g_autoptr(GError) ea = NULL;
  g_autoptr(GError) eb = NULL;

  furrow_geometry_add_ring (a, furrow_geometry_add_polygon (a), line, G_N_ELEMENTS (line));
  furrow_geometry_add_ring (b, furrow_geometry_add_polygon (b), nan_square, G_N_ELEMENTS (nan_square));
  ra = furrow_validate_repair (NULL, a, &ea);
  rb = furrow_validate_repair (NULL, b, &eb);
  g_assert_null (ra);
  g_assert_null (rb);
  g_assert_error (ea, FURROW_VALIDATE_ERROR, FURROW_VALIDATE_ERROR_NOT_REPAIRABLE);
  g_assert_error (eb, FURROW_VALIDATE_ERROR, FURROW_VALIDATE_ERROR_NOT_REPAIRABLE);
}
FURROW_TEST ("/furrow/core/validate/repair-refuses", test_repair_refuses);

/* A crude reader for one polygon of a GeoJSON file (core has no JSON library): the rings of the
 * `"coordinates"` that follow `anchor`. */
static void
skip_space (const char **c)
{
  while (g_ascii_isspace (**c))
    (*c)++;
}

static void
expect_char (const char **c,
             char         ch)
{
  skip_space (c);
  g_assert_cmpint (**c, ==, ch);
  (*c)++;
}

static gboolean
next_item (const char **c)
{
  skip_space (c);
  if (**c == ',')
    {
      (*c)++;
      return TRUE;
    }
  return FALSE;
}

static FurrowGeometry *
read_geojson_polygon (const char *path,
                      const char *anchor)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  FurrowGeometry *g = furrow_geometry_new ();
  guint p = furrow_geometry_add_polygon (g);
  const char *c;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  c = strstr (contents, anchor);
  g_assert_nonnull (c);
  c = strstr (c, "\"type\": \"Polygon\", \"coordinates\": ");
  g_assert_nonnull (c);
  c = strchr (c, '[');

  expect_char (&c, '[');
  do
    {
      g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (FurrowPoint));

      expect_char (&c, '[');
      do
        {
          FurrowPoint pt;
          char *end;

          expect_char (&c, '[');
          pt.x = g_ascii_strtod (c, &end);
          c = end;
          expect_char (&c, ',');
          pt.y = g_ascii_strtod (c, &end);
          c = end;
          expect_char (&c, ']');
          g_array_append_val (ring, pt);
        }
      while (next_item (&c));
      expect_char (&c, ']');
      furrow_geometry_add_ring (g, p, (FurrowPoint *) ring->data, ring->len);
    }
  while (next_item (&c));
  expect_char (&c, ']');
  return g;
}

/* A real Dutch field with two holes (PDOK BRP 2023, tests/data/fields, _src_fid 68): valid.
 * Planimeter: 39378.22186 − 188.17295 − 1088.52843 = 38101.52048 m²; the source's planar RD New
 * area is 38099.058 m². */
static void
test_real_field (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fields",
                                                 "nl_brp_2023_sample.wgs84.geojson", NULL);
  g_autoptr(FurrowGeometry) g = read_geojson_polygon (path, "\"_src_fid\": 68,");
  g_autoptr(GPtrArray) issues = furrow_validate_geometry (NULL, "brp feature 68", g);

  g_assert_cmpuint (g->polygons[0].n_rings, ==, 3);
  g_assert_cmpuint (furrow_geometry_count_points (g), ==, 173 + 60 + 96);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g), 38101.52048, 0.0001);
  for (guint i = 0; i < issues->len; i++)
    g_test_message ("%s", ((FurrowValidationIssue *) issues->pdata[i])->message);
  g_assert_cmpuint (issues->len, ==, 0);
}
FURROW_TEST ("/furrow/core/validate/real-field", test_real_field);

/* The area validation measures is the area a parcel shows: furrow_geodesy_area_m2() to the last
 * bit (the same rings summed in the same order) for a field with two holes (38101.52048 m², as
 * test_real_field) and a multi-polygon with a hole and an island; NAN for a geometry with an
 * issue, which has no area to show. */
static void
test_measured_area (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fields",
                                                 "nl_brp_2023_sample.wgs84.geojson", NULL);
  g_autoptr(FurrowGeometry) field = read_geojson_polygon (path, "\"_src_fid\": 68,");
  g_autoptr(FurrowGeometry) island = furrow_geometry_new ();
  g_autoptr(GPtrArray) ok1 = NULL;
  g_autoptr(GPtrArray) ok2 = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  FurrowRing ring = { (FurrowPoint *) bow_tie, G_N_ELEMENTS (bow_tie) };
  FurrowPolygon polygon = { &ring, 1 };
  double area_m2 = 0;
  guint p;

  ok1 = furrow_validate_polygons_measured (NULL, LABEL, field->polygons, field->n_polygons,
                                           &area_m2);
  g_assert_cmpuint (ok1->len, ==, 0);
  g_assert_cmpfloat (area_m2, ==, furrow_geodesy_area_m2 (field));
  g_assert_cmpfloat_with_epsilon (area_m2, 38101.52048, 0.0001);

  p = furrow_geometry_add_polygon (island);
  add_box (island, p, 119.400, 36.500, 119.410, 36.510);
  add_box (island, p, 119.403, 36.503, 119.407, 36.507);
  add_box (island, furrow_geometry_add_polygon (island), 119.404, 36.504, 119.406, 36.506);
  ok2 = furrow_validate_polygons_measured (NULL, LABEL, island->polygons, island->n_polygons,
                                           &area_m2);
  g_assert_cmpuint (ok2->len, ==, 0);
  g_assert_cmpfloat (area_m2, ==, furrow_geodesy_area_m2 (island));
  g_assert_cmpfloat (area_m2, >, 0);

  bad = furrow_validate_polygons_measured (NULL, LABEL, &polygon, 1, &area_m2);
  g_assert_cmpuint (bad->len, ==, 1);
  g_assert_true (isnan (area_m2));
}
FURROW_TEST ("/furrow/core/validate/measured-area", test_measured_area);

FURROW_TEST_MAIN (.locale = "C.UTF-8");
