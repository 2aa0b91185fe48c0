/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-geodesy.h"
#include "furrow-layout.h"
#include "furrow-local-frame.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* Test fields are drawn in metres in a local frame around Weifang (119.4 E, 36.5 N,
 * docs/domain.md §4) and handed to the layout as WGS84 lon/lat, as a real field would be. */
#define LON0 119.4
#define LAT0 36.5

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* Adds the rectangle as a ring (counter-clockwise for an outline, clockwise for a hole), after
 * turning it clockwise by `rotate_deg` about the origin (a point at bearing β goes to β + α). */
static void
add_box (FurrowGeometry   *g,
         FurrowLocalFrame *frame,
         guint             polygon,
         const Box        *b,
         gboolean          hole,
         double            rotate_deg)
{
  FurrowPoint pts[4] = {
    { b->x0, b->y0 }, { b->x1, b->y0 }, { b->x1, b->y1 }, { b->x0, b->y1 },
  };
  double a = rotate_deg * G_PI / 180.0;

  if (hole)
    {
      FurrowPoint t = pts[1];

      pts[1] = pts[3];
      pts[3] = t;
    }
  for (guint i = 0; i < 4; i++)
    {
      double x = pts[i].x, y = pts[i].y;

      pts[i].x = x * cos (a) + y * sin (a);
      pts[i].y = -x * sin (a) + y * cos (a);
    }
  furrow_local_frame_inverse (frame, pts, pts, 4);
  furrow_geometry_add_ring (g, polygon, pts, 4);
}

static FurrowGeometry *
make_field (const Box *outline,
            const Box *hole,
            double     rotate_deg)
{
  g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (LON0, LAT0, NULL);
  FurrowGeometry *g = furrow_geometry_new ();
  guint p = furrow_geometry_add_polygon (g);

  add_box (g, frame, p, outline, FALSE, rotate_deg);
  if (hole)
    add_box (g, frame, p, hole, TRUE, rotate_deg);
  return g;
}

static FurrowLayout *
lay (const FurrowGeometry *field,
     const FurrowPattern  *pattern)
{
  g_autoptr(GError) error = NULL;
  FurrowLayout *layout = furrow_layout_compute (field, pattern, FURROW_LAYOUT_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* docs/domain.md §5, 2 + 4: one mu holds 247 m of strip, 494 m of maize row, 988 m of soybean row,
 * about 4,290 maize and 8,590 soybean hills at 11.5 cm.
 *
 * A 500 m × 500 m field (375 mu), rows north–south, no headland. Units start at the western
 * edge every 2.70 m: 185 whole units fill 499.50 m, and of the 186th only the first maize row
 * (at 499.50 + 0.35 = 499.85 m) is inside. Exactly: maize 2 × 185 + 1 = 371 rows, soybean
 * 4 × 185 = 740 rows, 500 m each: 185,500 m and 370,000 m, i.e. 494.67 and 986.67 m per mu.
 * Edge effect: a finite field gains or loses at most one unit's rows at its side, 2.70 m of
 * 500 m = 0.54 %; the published figures are rounded (4,290 to ±5 = 0.12 %): tolerance
 * 0.54 % + 0.2 %. */
static void
test_arithmetic_2_4 (void)
{
  Box outline = { -250, -250, 250, 250 };
  g_autoptr(FurrowGeometry) field = make_field (&outline, NULL, 0.0);
  g_autoptr(FurrowLayout) layout = NULL;
  FurrowPattern p;
  double mu, tol = 2.70 / 500.0 + 0.002;
  const FurrowCropQuantities *maize, *soy;

  furrow_pattern_preset ("2+4", &p);
  p.headland_m = 0.0;
  layout = lay (field, &p);
  maize = &layout->crop[FURROW_CROP_MAIZE];
  soy = &layout->crop[FURROW_CROP_SOYBEAN];

  mu = furrow_m2_to_mu (layout->field_area_m2);
  g_assert_cmpfloat_with_epsilon (mu, 375.0, 0.001);
  g_assert_cmpfloat_with_epsilon (layout->unit_width_m, 2.70, 1e-12);
  g_assert_cmpuint (layout->units, ==, 186);
  g_assert_cmpuint (maize->rows, ==, 371);
  g_assert_cmpuint (soy->rows, ==, 740);
  g_assert_cmpfloat_with_epsilon (maize->row_m, 185500.0, 0.5);
  g_assert_cmpfloat_with_epsilon (soy->row_m, 370000.0, 0.5);

  g_assert_cmpfloat (fabs (layout->units * 500.0 / mu / 247.0 - 1.0), <, tol);
  g_assert_cmpfloat (fabs (maize->row_m / mu / 494.0 - 1.0), <, tol);
  g_assert_cmpfloat (fabs (soy->row_m / mu / 988.0 - 1.0), <, tol);
  g_assert_cmpfloat (fabs (maize->hills / mu / 4290.0 - 1.0), <, tol);
  g_assert_cmpfloat (fabs (soy->hills / mu / 8590.0 - 1.0), <, tol);
  g_test_message ("2+4 per mu: %.1f m maize row, %.1f m soybean row, %.0f maize hills, "
                  "%.0f soybean hills", maize->row_m / mu, soy->row_m / mu,
                  maize->hills / mu, soy->hills / mu);

  /* Seeds: one a hill; plants × germination (0.90 / 0.85); seed mass with 33 g / 22 g per 100. */
  g_assert_cmpfloat_with_epsilon (maize->seeds, 185500.0 / 0.115, 1.0);
  g_assert_cmpfloat_with_epsilon (maize->plants, 0.90 * 185500.0 / 0.115, 1.0);
  g_assert_cmpfloat_with_epsilon (maize->seed_kg, 185500.0 / 0.115 * 0.33 / 1000.0, 0.01);
  g_assert_cmpfloat_with_epsilon (soy->seed_kg, 370000.0 / 0.115 * 0.22 / 1000.0, 0.01);

  /* Bands: 185 × 1.10 m × 500 m of maize plus the last row's 0.50 m (its band 499.50–500.05 m
   * clipped at the edge); 185 × 1.60 m × 500 m of soybean: together exactly the field. */
  g_assert_cmpfloat_with_epsilon (maize->band_area_m2, 185 * 1.10 * 500 + 0.50 * 500, 1.0);
  g_assert_cmpfloat_with_epsilon (soy->band_area_m2, 185 * 1.60 * 500, 1.0);
  g_assert_cmpfloat (layout->planted_area_m2, <=, layout->field_area_m2 * (1 + 1e-9));
  g_assert_cmpfloat_with_epsilon (layout->planted_area_m2, layout->field_area_m2, 1.0);

  /* one guidance line per strip, the full 500 m */
  g_assert_cmpuint (layout->guidance->len, ==, 186);
  for (guint i = 0; i < layout->guidance->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (layout->guidance, FurrowGuidanceLine,
                                                   i).length_m, 500.0, 0.01);
  /* the rows come back in WGS84, inside the field's box, south to north */
  g_assert_cmpuint (layout->rows->len, ==, 371 + 740);
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const FurrowRowSegment *seg = &g_array_index (layout->rows, FurrowRowSegment, i);
      double len = furrow_geodesy_distance_m (seg->a.x, seg->a.y, seg->b.x, seg->b.y);

      g_assert_cmpfloat_with_epsilon (len, seg->length_m, 0.01);
      g_assert_cmpfloat (seg->b.y, >, seg->a.y);
    }
}
FURROW_TEST ("/furrow/core/layout/arithmetic-2-4", test_arithmetic_2_4);

/* Headlands shorten every row by 2 × headland: 500 − 2 × 2.70 (one unit, the default) = 494.6 m,
 * and 500 − 2 × 10 = 480 m. */
static void
test_headlands (void)
{
  Box outline = { -250, -250, 250, 250 };
  g_autoptr(FurrowGeometry) field = make_field (&outline, NULL, 0.0);
  g_autoptr(FurrowLayout) by_default = NULL;
  g_autoptr(FurrowLayout) ten = NULL;
  FurrowPattern p;

  furrow_pattern_preset ("2+4", &p);
  by_default = lay (field, &p);
  g_assert_cmpfloat_with_epsilon (by_default->headland_m, 2.70, 1e-12);
  g_assert_cmpfloat_with_epsilon (by_default->crop[FURROW_CROP_MAIZE].row_m, 371 * 494.6, 0.5);
  g_assert_cmpfloat_with_epsilon (by_default->crop[FURROW_CROP_SOYBEAN].row_m, 740 * 494.6, 0.5);

  p.headland_m = 10.0;
  ten = lay (field, &p);
  g_assert_cmpfloat_with_epsilon (ten->crop[FURROW_CROP_MAIZE].row_m, 371 * 480.0, 0.5);
  g_assert_cmpfloat_with_epsilon (ten->crop[FURROW_CROP_SOYBEAN].row_m, 740 * 480.0, 0.5);
  /* the bands end where the rows end */
  g_assert_cmpfloat_with_epsilon (ten->planted_area_m2, 500.0 * 480.0, 1.0);
  /* guidance lines keep the full length */
  g_assert_cmpfloat_with_epsilon (g_array_index (ten->guidance, FurrowGuidanceLine, 0).length_m,
                                  500.0, 0.01);
}
FURROW_TEST ("/furrow/core/layout/headlands", test_headlands);

/* A square hole of side 50 m with its sides along the rows removes 50 m from every row that
 * crosses it, and cuts each of them in two. The hole spans 350.1–400.1 m from the western edge;
 * the rows crossing it are counted from the pattern offsets (0.35, 0.75 maize; 1.45, 1.75,
 * 2.05, 2.35 soybean, every 2.70 m): about 50 × 6 / 2.70 = 111 rows, 5,556 m. */
static void
test_hole (void)
{
  Box outline = { -250, -250, 250, 250 };
  Box hole = { 100.1, 0.0, 150.1, 50.0 };
  g_autoptr(FurrowGeometry) solid = make_field (&outline, NULL, 0.0);
  g_autoptr(FurrowGeometry) holed = make_field (&outline, &hole, 0.0);
  g_autoptr(FurrowLayout) a = NULL;
  g_autoptr(FurrowLayout) b = NULL;
  static const double offsets[] = { 0.35, 0.75, 1.45, 1.75, 2.05, 2.35 };
  guint through[FURROW_N_CROPS] = { 0, 0 };
  FurrowPattern p;

  for (guint k = 0; k < 186; k++)
    for (guint i = 0; i < 6; i++)
      {
        double x = k * 2.70 + offsets[i];

        if (x > 350.1 && x < 400.1)
          through[i < 2 ? FURROW_CROP_MAIZE : FURROW_CROP_SOYBEAN]++;
      }
  g_assert_cmpuint (through[0] + through[1], >=, 110);
  g_assert_cmpuint (through[0] + through[1], <=, 112);

  furrow_pattern_preset ("2+4", &p);
  p.headland_m = 0.0;
  a = lay (solid, &p);
  b = lay (holed, &p);
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      g_assert_cmpfloat_with_epsilon (a->crop[c].row_m - b->crop[c].row_m, 50.0 * through[c], 0.1);
      g_assert_cmpuint (b->crop[c].rows, ==, a->crop[c].rows + through[c]);
    }
  /* The hole's 2,500 m² leave the planted area too, and so do the slivers beside it that
   * belong to a cut row's band (rows stop at y = 0 and resume at y = 50): at most a band of
   * 0.70 m (the widest, a maize border row's) along each of the two 50 m sides. */
  g_assert_cmpfloat (a->planted_area_m2 - b->planted_area_m2, >=, 2500.0 - 0.5);
  g_assert_cmpfloat (a->planted_area_m2 - b->planted_area_m2, <=, 2500.0 + 2 * 50 * 0.70);
  g_assert_cmpfloat (b->planted_area_m2, <=, b->field_area_m2 * (1 + 1e-9));

  /* with a headland the rows also stop short of the hole: 2 × 5 m more per cut row */
  p.headland_m = 5.0;
  {
    g_autoptr(FurrowLayout) c = lay (solid, &p);
    g_autoptr(FurrowLayout) d = lay (holed, &p);

    g_assert_cmpfloat_with_epsilon (c->crop[FURROW_CROP_SOYBEAN].row_m -
                                    d->crop[FURROW_CROP_SOYBEAN].row_m,
                                    60.0 * through[FURROW_CROP_SOYBEAN], 0.1);
  }
}
FURROW_TEST ("/furrow/core/layout/hole", test_hole);

/* Rotating the field and the row azimuth together leaves every quantity unchanged (≤ 0.1 %). */
static void
test_rotation (void)
{
  Box outline = { -180.3, -95.7, 151.9, 130.2 };
  Box hole = { -40.2, -20.1, 10.7, 35.3 };
  static const double angles[] = { 17.0, 30.0, 45.0, 90.0, 123.4, 179.0 };
  g_autoptr(FurrowGeometry) field = make_field (&outline, &hole, 0.0);
  g_autoptr(FurrowLayout) ref = NULL;
  FurrowPattern p;
  double worst = 0.0;

  furrow_pattern_preset ("4+6", &p);
  p.orientation = FURROW_ORIENTATION_AZIMUTH;
  p.azimuth_deg = 0.0;
  ref = lay (field, &p);

  for (guint i = 0; i < G_N_ELEMENTS (angles); i++)
    {
      g_autoptr(FurrowGeometry) turned = make_field (&outline, &hole, angles[i]);
      g_autoptr(FurrowLayout) l = NULL;
      double values[][2] = {
        { ref->crop[0].row_m, 0 }, { ref->crop[1].row_m, 0 },
        { ref->crop[0].band_area_m2, 0 }, { ref->crop[1].band_area_m2, 0 },
        { ref->crop[0].hills, 0 }, { ref->crop[1].seed_kg, 0 },
        { ref->planted_area_m2, 0 }, { ref->field_area_m2, 0 },
      };

      p.azimuth_deg = angles[i];
      l = lay (turned, &p);
      values[0][1] = l->crop[0].row_m;
      values[1][1] = l->crop[1].row_m;
      values[2][1] = l->crop[0].band_area_m2;
      values[3][1] = l->crop[1].band_area_m2;
      values[4][1] = l->crop[0].hills;
      values[5][1] = l->crop[1].seed_kg;
      values[6][1] = l->planted_area_m2;
      values[7][1] = l->field_area_m2;
      g_assert_cmpfloat_with_epsilon (l->azimuth_deg, angles[i], 1e-9);
      g_assert_cmpuint (l->units, ==, ref->units);
      g_assert_cmpuint (l->crop[0].rows, ==, ref->crop[0].rows);
      g_assert_cmpuint (l->crop[1].rows, ==, ref->crop[1].rows);
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          double rel = fabs (values[v][1] / values[v][0] - 1.0);

          worst = MAX (worst, rel);
          g_assert_cmpfloat (rel, <, 0.001);
        }
    }
  /* "along the longest edge" follows the field round by itself */
  p.orientation = FURROW_ORIENTATION_LONGEST_EDGE;
  {
    g_autoptr(FurrowLayout) a = lay (field, &p);

    for (guint i = 0; i < G_N_ELEMENTS (angles); i++)
      {
        g_autoptr(FurrowGeometry) turned = make_field (&outline, &hole, angles[i]);
        g_autoptr(FurrowLayout) b = lay (turned, &p);
        double rel = fabs (b->crop[1].row_m / a->crop[1].row_m - 1.0);

        g_assert_cmpfloat (rel, <, 0.001);
        g_assert_cmpfloat (fabs (b->planted_area_m2 / a->planted_area_m2 - 1.0), <, 0.001);
        worst = MAX (worst, rel);
      }
  }
  g_test_message ("rotation invariance: worst relative difference %.2e", worst);
}
FURROW_TEST ("/furrow/core/layout/rotation", test_rotation);

/* An edge margin of 5 m: the sowable square is 490 m; 181 whole units fill 488.70 m and the
 * first two maize rows of the next unit (0.35, 0.75 < 1.30 m) fit: 364 maize, 724 soybean
 * rows of 490 m. The margin is an inward GEOS buffer: a 490 m square. */
static void
test_margin (void)
{
  Box outline = { -250, -250, 250, 250 };
  g_autoptr(FurrowGeometry) field = make_field (&outline, NULL, 0.0);
  g_autoptr(FurrowLayout) layout = NULL;
  FurrowPattern p;

  furrow_pattern_preset ("2+4", &p);
  p.headland_m = 0.0;
  p.margin_m = 5.0;
  layout = lay (field, &p);
  g_assert_cmpuint (layout->crop[FURROW_CROP_MAIZE].rows, ==, 364);
  g_assert_cmpuint (layout->crop[FURROW_CROP_SOYBEAN].rows, ==, 724);
  g_assert_cmpfloat_with_epsilon (layout->crop[FURROW_CROP_MAIZE].row_m, 364 * 490.0, 0.5);
  g_assert_cmpfloat_with_epsilon (layout->sowable_area_m2, 490.0 * 490.0, 1.0);
  /* the partial unit's maize band ends at 1.10 m of its 1.30 m: 0.20 m × 490 m unsown */
  g_assert_cmpfloat_with_epsilon (layout->planted_area_m2, 490.0 * (490.0 - 0.20), 1.0);
}
FURROW_TEST ("/furrow/core/layout/margin", test_margin);

/* Two parts lying one above the other: every row crosses both, so the quantities double. */
static void
test_multipart (void)
{
  g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (LON0, LAT0, NULL);
  g_autoptr(FurrowGeometry) one = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) two = furrow_geometry_new ();
  g_autoptr(FurrowLayout) a = NULL;
  g_autoptr(FurrowLayout) b = NULL;
  Box south = { -100, -150, 100, -50 };
  Box north = { -100, 50, 100, 150 };
  FurrowPattern p;

  add_box (one, frame, furrow_geometry_add_polygon (one), &south, FALSE, 0.0);
  add_box (two, frame, furrow_geometry_add_polygon (two), &south, FALSE, 0.0);
  add_box (two, frame, furrow_geometry_add_polygon (two), &north, FALSE, 0.0);
  furrow_pattern_preset ("3+4", &p);
  a = lay (one, &p);
  b = lay (two, &p);
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      g_assert_cmpuint (b->crop[c].rows, ==, 2 * a->crop[c].rows);
      g_assert_cmpfloat_with_epsilon (b->crop[c].row_m, 2 * a->crop[c].row_m, 0.1);
    }
  /* 3+4 with a 3.30 m headland: 100 − 6.60 = 93.40 m rows */
  g_assert_cmpfloat_with_epsilon (a->crop[FURROW_CROP_MAIZE].row_m,
                                  a->crop[FURROW_CROP_MAIZE].rows * 93.4, 0.1);
}
FURROW_TEST ("/furrow/core/layout/multipart", test_multipart);

/* "Along the longest edge": a 400 m × 60 m field turned 30° gets rows at azimuth 30°, every
 * row running the 400 m length less the headlands. */
static void
test_longest_edge (void)
{
  Box outline = { -30, -200, 30, 200 };
  g_autoptr(FurrowGeometry) field = make_field (&outline, NULL, 30.0);
  g_autoptr(FurrowLayout) layout = NULL;
  FurrowPattern p;

  furrow_pattern_preset ("2+4", &p);
  p.orientation = FURROW_ORIENTATION_LONGEST_EDGE;
  layout = lay (field, &p);
  g_assert_cmpfloat_with_epsilon (layout->azimuth_deg, 30.0, 0.01);
  for (guint i = 0; i < layout->rows->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (layout->rows, FurrowRowSegment, i).length_m,
                                    400.0 - 2 * 2.70, 0.01);
}
FURROW_TEST ("/furrow/core/layout/longest-edge", test_longest_edge);

/* Sole maize: rows every 0.60 m from 0.30 m; 200 m × 200 m with no headland: 0.30 + 0.60 k < 200
 * for k = 0 … 332, 333 rows (the last at 199.50 m) of 200 m; their bands cover 333 × 0.60 =
 * 199.80 m of the width: 39,960 m². */
static void
test_sole (void)
{
  Box outline = { -100, -100, 100, 100 };
  g_autoptr(FurrowGeometry) field = make_field (&outline, NULL, 0.0);
  g_autoptr(FurrowLayout) layout = NULL;
  FurrowPattern p;

  furrow_pattern_preset ("sole-maize", &p);
  p.headland_m = 0.0;
  layout = lay (field, &p);
  g_assert_cmpuint (layout->crop[FURROW_CROP_MAIZE].rows, ==, 333);
  g_assert_cmpuint (layout->crop[FURROW_CROP_SOYBEAN].rows, ==, 0);
  g_assert_cmpfloat_with_epsilon (layout->crop[FURROW_CROP_MAIZE].row_m, 333 * 200.0, 0.1);
  g_assert_cmpfloat_with_epsilon (layout->planted_area_m2, 39960.0, 1.0);
}
FURROW_TEST ("/furrow/core/layout/sole", test_sole);

static void
test_errors (void)
{
  g_autoptr(FurrowGeometry) empty = furrow_geometry_new ();
  g_autoptr(GError) error = NULL;
  FurrowPattern p;

  furrow_pattern_preset ("2+4", &p);
  g_assert_null (furrow_layout_compute (empty, &p, FURROW_LAYOUT_DEFAULT, &error));
  g_assert_error (error, FURROW_LAYOUT_ERROR, FURROW_LAYOUT_ERROR_EMPTY_FIELD);
  g_clear_error (&error);

  {
    Box outline = { -10, -10, 10, 10 };
    g_autoptr(FurrowGeometry) field = make_field (&outline, NULL, 0.0);

    p.gap_m = 0.0;
    g_assert_null (furrow_layout_compute (field, &p, FURROW_LAYOUT_DEFAULT, &error));
    g_assert_error (error, FURROW_LAYOUT_ERROR, FURROW_LAYOUT_ERROR_INVALID_PATTERN);
  }
}
FURROW_TEST ("/furrow/core/layout/errors", test_errors);

FURROW_TEST_MAIN (.locale = "");
