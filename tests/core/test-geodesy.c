/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "furrow-geodesy.h"
#include "furrow-geometry.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* One row of tests/data/geodesic_area_reference_cases.csv (GeographicLib's own test suite,
 * geographiclib-rs and sgo; provenance in tests/data/README.md). */
typedef struct
{
  char        *id;
  FurrowPoint *points;           /* x = lon, y = lat: the CSV gives "lat, lon" */
  guint        n_points;
  double       area_m2;          /* signed, + for counter-clockwise */
  double       tol_area_m2;
  double       perimeter_m;      /* NAN when the CSV has none */
  double       tol_perimeter_m;
  double       py_perimeter_m;   /* python3-geographiclib's figure, a second opinion */
  gboolean     pass_py;
} ReferenceCase;

static void
reference_case_free (gpointer data)
{
  ReferenceCase *rc = data;

  g_free (rc->id);
  g_free (rc->points);
  g_free (rc);
}

static double
parse_number_or_nan (const char *text)
{
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return NAN;
  v = g_ascii_strtod (text, &end);
  g_assert_true (end != text && *end == '\0');
  return v;
}

/* "[[89, 0], [89, 90], …]" as lat, lon pairs. */
static FurrowPoint *
parse_vertices (const char *text,
                guint      *n_points)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (FurrowPoint));
  const char *c = text;

  while ((c = strchr (c, '[')) != NULL)
    {
      char *end = NULL;
      FurrowPoint pt;

      c++;
      if (*c == '[')
        continue;
      pt.y = g_ascii_strtod (c, &end);
      g_assert_true (end != c && *end == ',');
      c = end + 1;
      pt.x = g_ascii_strtod (c, &end);
      g_assert_true (end != c && *end == ']');
      c = end + 1;
      g_array_append_val (points, pt);
    }
  *n_points = points->len;
  return (FurrowPoint *) g_array_free (g_steal_pointer (&points), FALSE);
}

static GPtrArray *
load_reference_cases (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "geodesic_area_reference_cases.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (reference_case_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0],
                                   "id,source,n,vertices_lat_lon,expected_area_m2,tol_area_m2,"
                                   "expected_perimeter_m,tol_perimeter_m,py_area,py_perimeter,"
                                   "cli_area,cli_perimeter,pass_py"));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) f = NULL;
      ReferenceCase *rc;

      if (*lines[i] == '\0')
        continue;
      f = furrow_test_split_csv_line (lines[i]);
      g_assert_cmpuint (f->len, ==, 13);

      rc = g_new0 (ReferenceCase, 1);
      rc->id = g_strdup (f->pdata[0]);
      rc->points = parse_vertices (f->pdata[3], &rc->n_points);
      g_assert_cmpuint (rc->n_points, ==, (guint) g_ascii_strtoull (f->pdata[2], NULL, 10));
      rc->area_m2 = parse_number_or_nan (f->pdata[4]);
      rc->tol_area_m2 = parse_number_or_nan (f->pdata[5]);
      rc->perimeter_m = parse_number_or_nan (f->pdata[6]);
      rc->tol_perimeter_m = parse_number_or_nan (f->pdata[7]);
      rc->py_perimeter_m = parse_number_or_nan (f->pdata[9]);
      rc->pass_py = g_str_equal (f->pdata[12], "True");
      g_ptr_array_add (cases, rc);
    }
  return cases;
}

/* Every row through furrow_geodesy_ring (the API, never a text round trip: the README notes
 * that the Planimeter6 cases, a longitude difference of about 180°, hold only through the API). */
static void
test_reference_case (gconstpointer data)
{
  const ReferenceCase *rc = data;
  double area_m2 = NAN, perimeter_m = NAN;

  if (!rc->pass_py)
    {
      g_test_skip ("the reference marks this case as not reproducible through the API");
      return;
    }

  furrow_geodesy_ring (rc->points, rc->n_points, &area_m2, &perimeter_m);
  g_test_message ("%s: area %.6f m² (expected %.6f ± %g), perimeter %.6f m",
                  rc->id, area_m2, rc->area_m2, rc->tol_area_m2, perimeter_m);

  g_assert_cmpfloat_with_epsilon (area_m2, rc->area_m2, rc->tol_area_m2);
  if (!isnan (rc->perimeter_m))
    g_assert_cmpfloat_with_epsilon (perimeter_m, rc->perimeter_m, rc->tol_perimeter_m);
  else
    /* No expected perimeter in the C suite: python3-geographiclib's, to the millimetre. */
    g_assert_cmpfloat_with_epsilon (perimeter_m, rc->py_perimeter_m, 1e-3);
}

/* The same reference case as a FurrowGeometry: area is the magnitude. */
static void
test_reference_geometry (void)
{
  /* rs_doc_1deg_square: 12308778361.469452 m², 443770.917248302 m (geographiclib-rs docs). */
  static const FurrowPoint square[] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };
  g_autoptr(FurrowGeometry) g = furrow_geometry_new ();

  furrow_geometry_add_ring (g, furrow_geometry_add_polygon (g), square, G_N_ELEMENTS (square));
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g), 12308778361.469452, 0.001);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_perimeter_m (g), 443770.917248302, 1e-6);
}
FURROW_TEST ("/furrow/core/geodesy/reference-geometry", test_reference_geometry);

/* A lon/lat box as a ring, counter-clockwise unless `clockwise`. */
static void
box (FurrowPoint out[5],
     double      lon0,
     double      lat0,
     double      lon1,
     double      lat1,
     gboolean    clockwise)
{
  FurrowPoint ccw[5] = { { lon0, lat0 }, { lon1, lat0 }, { lon1, lat1 }, { lon0, lat1 }, { lon0, lat0 } };

  for (guint i = 0; i < 5; i++)
    out[i] = ccw[clockwise ? 4 - i : i];
}

static double
box_area_m2 (double lon0,
             double lat0,
             double lon1,
             double lat1)
{
  FurrowPoint ring[5];
  double area_m2;

  box (ring, lon0, lat0, lon1, lat1, FALSE);
  furrow_geodesy_ring (ring, 5, &area_m2, NULL);
  return area_m2;
}

/* A 0.01° field near Weifang with a 0.003° square hole. Planimeter (geographiclib-tools 1.52,
 * `Planimeter -p 12`, vertices "lat lon") gives 994114.08608 m² for the shell and 89470.83569 m²
 * for the hole on their own; the polygon with the hole must be their difference, and the
 * difference of the two squares computed separately through the API. */
static FurrowGeometry *
holed_field (gboolean shell_clockwise,
             gboolean hole_clockwise)
{
  FurrowGeometry *g = furrow_geometry_new ();
  FurrowPoint shell[5], hole[5];
  guint p = furrow_geometry_add_polygon (g);

  box (shell, 119.400, 36.500, 119.410, 36.510, shell_clockwise);
  box (hole, 119.403, 36.503, 119.406, 36.506, hole_clockwise);
  furrow_geometry_add_ring (g, p, shell, 5);
  furrow_geometry_add_ring (g, p, hole, 5);
  return g;
}

static void
test_hole (void)
{
  g_autoptr(FurrowGeometry) g = holed_field (FALSE, TRUE);
  double outer_m2, inner_m2;

  outer_m2 = box_area_m2 (119.400, 36.500, 119.410, 36.510);
  inner_m2 = box_area_m2 (119.403, 36.503, 119.406, 36.506);
  g_assert_cmpfloat_with_epsilon (outer_m2, 994114.08608, 0.00001);
  g_assert_cmpfloat_with_epsilon (inner_m2, 89470.83569, 0.00001);

  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g), outer_m2 - inner_m2, 1e-6);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g), 994114.08608 - 89470.83569, 0.00002);

  /* The perimeter counts both rings: 4011.0745760440 m + 1203.3257754493 m (Planimeter). */
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_perimeter_m (g), 4011.0745760440 + 1203.3257754493,
                                  1e-6);
}
FURROW_TEST ("/furrow/core/geodesy/hole", test_hole);

/* Whatever the orientation of shell and hole (a hole drawn the same way as its shell too), the
 * hole is subtracted. */
static void
test_hole_orientation (void)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(FurrowGeometry) g = holed_field (i & 1, (i >> 1) & 1);

      g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g), 994114.08608 - 89470.83569,
                                      0.00002);
    }
}
FURROW_TEST ("/furrow/core/geodesy/hole-orientation", test_hole_orientation);

/* Multi-polygon: the sum of its parts. Parts: the holed field above and a 0.005° square
 * (248473.30460 m², Planimeter -p 12). */
static void
test_multipolygon (void)
{
  g_autoptr(FurrowGeometry) g = furrow_geometry_new ();
  FurrowPoint shell[5], hole[5], other[5];
  guint p;

  box (shell, 119.400, 36.500, 119.410, 36.510, FALSE);
  box (hole, 119.403, 36.503, 119.406, 36.506, FALSE);
  box (other, 119.420, 36.520, 119.425, 36.525, TRUE);
  p = furrow_geometry_add_polygon (g);
  furrow_geometry_add_ring (g, p, shell, 5);
  furrow_geometry_add_ring (g, p, hole, 5);
  p = furrow_geometry_add_polygon (g);
  furrow_geometry_add_ring (g, p, other, 5);

  g_assert_cmpuint (g->n_polygons, ==, 2);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g),
                                  994114.08608 - 89470.83569 + 248473.30460, 0.00003);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (g),
                                  box_area_m2 (119.400, 36.500, 119.410, 36.510)
                                  - box_area_m2 (119.403, 36.503, 119.406, 36.506)
                                  + box_area_m2 (119.420, 36.520, 119.425, 36.525), 1e-6);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_perimeter_m (g),
                                  4011.0745760440 + 1203.3257754493 + 2005.3388826739, 1e-6);
}
FURROW_TEST ("/furrow/core/geodesy/multipolygon", test_multipolygon);

/* Orientation and starting vertex change the sign of the ring area, never the polygon area. */
static void
test_orientation (void)
{
  /* sgo_lewis_field (cran/sgo test-area.R): 133610.63495 m² (clockwise in the CSV), 8 vertices
   * as lon, lat. */
  static const FurrowPoint field[] = {
    { -6.43698696, 58.21740316 }, { -6.43166843, 58.21930597 }, { -6.42706831, 58.22014035 },
    { -6.42102546, 58.22034112 }, { -6.42248238, 58.21849188 }, { -6.42639092, 58.21853606 },
    { -6.42998435, 58.21824033 }, { -6.43321409, 58.21748949 },
  };
  const guint n = G_N_ELEMENTS (field);
  FurrowPoint reversed[G_N_ELEMENTS (field)], rotated[G_N_ELEMENTS (field)];
  g_autoptr(FurrowGeometry) a = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) b = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) c = furrow_geometry_new ();
  double signed_cw, signed_ccw, closed_m2;

  for (guint i = 0; i < n; i++)
    {
      reversed[i] = field[n - 1 - i];
      rotated[i] = field[(i + 3) % n];
    }

  furrow_geodesy_ring (field, n, &signed_cw, NULL);
  furrow_geodesy_ring (reversed, n, &signed_ccw, NULL);
  g_assert_cmpfloat_with_epsilon (signed_cw, -133610.63495, 0.0001);
  g_assert_cmpfloat_with_epsilon (signed_ccw, 133610.63495, 0.0001);

  furrow_geometry_add_ring (a, furrow_geometry_add_polygon (a), field, n);
  furrow_geometry_add_ring (b, furrow_geometry_add_polygon (b), reversed, n);
  furrow_geometry_add_ring (c, furrow_geometry_add_polygon (c), rotated, n);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (a), 133610.63495, 0.0001);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (b), furrow_geodesy_area_m2 (a), 1e-6);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (c), furrow_geodesy_area_m2 (a), 1e-6);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_perimeter_m (b), furrow_geodesy_perimeter_m (a), 1e-6);

  /* An open ring and the same ring closed give the same figures (the geometry stores it closed). */
  furrow_geodesy_ring (a->polygons[0].rings[0].points, a->polygons[0].rings[0].n_points,
                       &closed_m2, NULL);
  g_assert_cmpuint (a->polygons[0].rings[0].n_points, ==, n + 1);
  g_assert_cmpfloat (closed_m2, ==, signed_cw);
}
FURROW_TEST ("/furrow/core/geodesy/orientation", test_orientation);

/* Degenerate input gives zero area, never garbage. */
static void
test_degenerate (void)
{
  static const FurrowPoint two[] = { { 119.4, 36.5 }, { 119.401, 36.5 } };
  /* Three points on one meridian (a geodesic); three points on one parallel are not collinear
   * on the ellipsoid: the parallel is no geodesic and the sliver between them has an area. */
  static const FurrowPoint line[] = { { 119.4, 36.5 }, { 119.4, 36.501 }, { 119.4, 36.502 } };
  g_autoptr(FurrowGeometry) empty = furrow_geometry_new ();
  double area_m2 = -1, perimeter_m = -1;

  furrow_geodesy_ring (two, 0, &area_m2, &perimeter_m);
  g_assert_cmpfloat (area_m2, ==, 0);
  g_assert_cmpfloat (perimeter_m, ==, 0);

  /* Out and back: twice the geodesic distance. */
  furrow_geodesy_ring (two, 2, &area_m2, &perimeter_m);
  g_assert_cmpfloat (area_m2, ==, 0);
  g_assert_cmpfloat_with_epsilon (perimeter_m,
                                  2 * furrow_geodesy_distance_m (119.4, 36.5, 119.401, 36.5), 1e-9);

  furrow_geodesy_ring (line, 3, &area_m2, NULL);
  g_assert_cmpfloat_with_epsilon (area_m2, 0, 1e-6);

  g_assert_cmpfloat (furrow_geodesy_area_m2 (empty), ==, 0);
  g_assert_cmpfloat (furrow_geodesy_perimeter_m (empty), ==, 0);
}
FURROW_TEST ("/furrow/core/geodesy/degenerate", test_degenerate);

/* On WGS84 the equatorial quadrant 0°,0° → 0°,90° is a·π/2 = 10018754.171394622 m (the
 * equator is a geodesic), and the meridian quadrant 0°,0° → 90°,0° is 10001965.729312724 m
 * (geographiclib-tools: `echo "0 0 90 0" | GeodSolve -i -p 9`). */
static void
test_distance (void)
{
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_distance_m (0, 0, 90, 0),
                                  6378137.0 * G_PI / 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_distance_m (0, 0, 0, 90),
                                  10001965.729312724, 1e-6);
}
FURROW_TEST ("/furrow/core/geodesy/distance", test_distance);

/* docs/domain.md §2: 1 mu = 10000/15 m²; m² × 0.0015 = mu; 1 ha = 15 mu. */
static void
test_mu (void)
{
  g_autoptr(FurrowGeometry) g = furrow_geometry_new ();
  FurrowPoint ring[5];
  g_autofree char *shown = NULL;

  g_assert_cmpfloat_with_epsilon (FURROW_M2_PER_MU, 666.6666666666666, 1e-12);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (10000), 15, 1e-12);
  g_assert_cmpfloat_with_epsilon (furrow_mu_to_m2 (15), 10000, 1e-9);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (666.6666666666666), 1, 1e-12);

  /* The 0.005° square of test_multipolygon, 248473.30460 m² (Planimeter) = 372.7099569 mu,
   * shown as 372.71. */
  box (ring, 119.420, 36.520, 119.425, 36.525, FALSE);
  furrow_geometry_add_ring (g, furrow_geometry_add_polygon (g), ring, 5);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (furrow_geodesy_area_m2 (g)),
                                  248473.30460 * 0.0015, 1e-7);
  shown = furrow_format_mu (furrow_geodesy_area_m2 (g));
  g_assert_cmpstr (shown, ==, "372.71");
}
FURROW_TEST ("/furrow/core/geodesy/mu", test_mu);

/* The reference cases of tests/data/geodesic_area_reference_cases.csv, one test each; they live
 * until the run ends. */
static GPtrArray *reference_cases;

static void
add_reference_cases (void)
{
  reference_cases = load_reference_cases ();
  g_assert_cmpuint (reference_cases->len, >=, 16);
  for (guint i = 0; i < reference_cases->len; i++)
    {
      const ReferenceCase *rc = reference_cases->pdata[i];
      g_autofree char *path = g_strdup_printf ("/furrow/core/geodesy/reference/%s", rc->id);

      g_test_add_data_func (path, rc, test_reference_case);
    }
}

static void
free_reference_cases (void)
{
  g_clear_pointer (&reference_cases, g_ptr_array_unref);
}

FURROW_TEST_MAIN (.locale = "C.UTF-8", .set_up = add_reference_cases,
                  .tear_down = free_reference_cases);
