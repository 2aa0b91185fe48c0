/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Layout benchmark (`make bench`): prints its figures, asserts only that the work succeeds and
 * that the analytic clipping agrees with GEOS. Times are CPU time of the planning thread, the
 * best of three runs.
 *
 *   1. the 800 real fields of tests/data/fields with 2+4: quantities only, and with the row and
 *      guidance lines in WGS84;
 *   2. one 100-mu field of 9 vertices (the GUI recomputes it live: it needs ≤ 50 ms);
 *   3. 2,000 generated fields (≈ 20,000 mu, 8–60 vertices, every fifth with a hole);
 *   4. the same row lines clipped one by one with GEOSIntersection_r on the real fields, rows
 *      north–south, no headland: total row metres must agree within 0.01 %; both times and
 *      their ratio are printed. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <time.h>

#include "furrow-geos.h"
#include "furrow-layout.h"
#include "furrow-local-frame.h"
#include "furrow-polygon-file.h"
#include "furrow-units.h"

#include "furrow-test-rows.h"

static const char *files[] = {
  "bf_jecam_sample", "de_bb_antrag_sample", "dk_marker_2026_sample", "in_india_10k_sample",
  "jp_fude_2024_sample", "kh_ai4smallfarms_sample", "nl_brp_2023_sample",
  "vn_ai4smallfarms_sample",
};

static GPtrArray *
read_real_fields (const char *srcdir)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_geometry_unref);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *name = g_strconcat (files[f], ".wgs84.geojson", NULL);
      g_autofree char *path = g_build_filename (srcdir, "data", "fields", name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) fields = furrow_polygon_file_read (path, &error);

      if (fields == NULL)
        g_error ("%s", error->message);
      for (guint i = 0; i < fields->len; i++)
        g_ptr_array_add (all, furrow_geometry_ref (
          ((FurrowPolygonFeature *) g_ptr_array_index (fields, i))->geometry));
    }
  return all;
}

/* CPU time of this thread, ms: the build machines are shared, wall time is noisy. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Plans every field; returns the best CPU time of three runs, ms. */
static double
plan_all (GPtrArray           *fields,
          const FurrowPattern *p,
          FurrowLayoutFlags    flags,
          double              *row_m)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < 3; run++)
    {
      double t0 = cpu_ms ();

      *row_m = 0.0;
      for (guint i = 0; i < fields->len; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(FurrowLayout) l = furrow_layout_compute (g_ptr_array_index (fields, i), p,
                                                             flags, &error);

          if (l == NULL)
            g_error ("field %u: %s", i, error->message);
          *row_m += l->crop[0].row_m + l->crop[1].row_m;
        }
      best = MIN (best, cpu_ms () - t0);
    }
  return best;
}

/* A field of about `area_m2` around (lon, lat): n vertices at radii 0.8–1.2 of the mean, in
 * a local frame, optionally with a square hole in the middle. */
static FurrowGeometry *
generated_field (GRand  *rand,
                 double  lon,
                 double  lat,
                 double  area_m2,
                 guint   n,
                 gboolean hole)
{
  g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (lon, lat, NULL);
  g_autofree FurrowPoint *pts = g_new (FurrowPoint, n);
  FurrowGeometry *g = furrow_geometry_new ();
  guint p = furrow_geometry_add_polygon (g);
  double r = sqrt (area_m2 / G_PI);
  double stretch = g_rand_double_range (rand, 1.0, 3.0);
  double turn = g_rand_double_range (rand, 0.0, G_PI);

  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * i / n;
      double k = r * g_rand_double_range (rand, 0.8, 1.2);
      double x = k * cos (a) * sqrt (stretch), y = k * sin (a) / sqrt (stretch);

      pts[i].x = x * cos (turn) - y * sin (turn);
      pts[i].y = x * sin (turn) + y * cos (turn);
    }
  furrow_local_frame_inverse (frame, pts, pts, n);
  furrow_geometry_add_ring (g, p, pts, n);
  if (hole)
    {
      double s = r / 5;
      FurrowPoint h[4] = { { -s, -s }, { -s, s }, { s, s }, { s, -s } };

      furrow_local_frame_inverse (frame, h, h, 4);
      furrow_geometry_add_ring (g, p, h, 4);
    }
  return g;
}

int
main (int   argc,
      char *argv[])
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autoptr(GPtrArray) real = NULL;
  g_autoptr(GPtrArray) generated = g_ptr_array_new_with_free_func (
    (GDestroyNotify) furrow_geometry_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231127);
  FurrowPattern p;
  double ms, row_m, area_m2 = 0.0;

  setlocale (LC_ALL, "");
  if (srcdir == NULL)
    srcdir = "tests";
  furrow_pattern_preset ("2+4", &p);

  /* 1. the real fields */
  real = read_real_fields (srcdir);
  ms = plan_all (real, &p, FURROW_LAYOUT_QUANTITIES_ONLY, &row_m);
  g_print ("800 real fields, 2+4, quantities only: %.1f ms (%.3f ms a field), %.0f m of row\n",
           ms, ms / real->len, row_m);
  ms = plan_all (real, &p, FURROW_LAYOUT_DEFAULT, &row_m);
  g_print ("800 real fields, 2+4, with row and AB lines in WGS84: %.1f ms (%.3f ms a field)\n",
           ms, ms / real->len);

  /* 2. one 100-mu field: 66,667 m², 9 vertices */
  {
    g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (119.4, 36.5, NULL);
    g_autoptr(FurrowGeometry) field = furrow_geometry_new ();
    g_autoptr(GPtrArray) one = g_ptr_array_new ();
    FurrowPoint pts[9] = { { 0, 0 }, { 150, -4 }, { 301, 2 }, { 305, 110 }, { 298, 221 },
                           { 160, 226 }, { 2, 219 }, { -3, 120 }, { 1, 60 } };
    const guint repeats = 50;
    double area, ms_q, ms_g;

    furrow_local_frame_inverse (frame, pts, pts, 9);
    furrow_geometry_add_ring (field, furrow_geometry_add_polygon (field), pts, 9);
    for (guint i = 0; i < repeats; i++)
      g_ptr_array_add (one, field);
    {
      g_autoptr(FurrowLayout) l = furrow_layout_compute (field, &p, FURROW_LAYOUT_DEFAULT, NULL);

      area = furrow_m2_to_mu (l->field_area_m2);
      g_print ("100-mu field: %.1f mu, %u strips, %u row pieces\n", area, l->units,
               l->rows->len);
    }
    ms_q = plan_all (one, &p, FURROW_LAYOUT_QUANTITIES_ONLY, &row_m) / repeats;
    ms_g = plan_all (one, &p, FURROW_LAYOUT_DEFAULT, &row_m) / repeats;
    g_print ("100-mu field: %.3f ms a plan (quantities), %.3f ms with the lines "
             "(GUI budget 50 ms)\n", ms_q, ms_g);
  }

  /* 3. 2,000 generated fields of about 10 mu */
  for (guint i = 0; i < 2000; i++)
    {
      double mu = g_rand_double_range (rand, 2.0, 18.0);
      guint n = g_rand_int_range (rand, 8, 61);
      FurrowGeometry *g = generated_field (rand, 119.2 + (i % 50) * 0.01,
                                           36.4 + (i / 50) * 0.01, furrow_mu_to_m2 (mu), n,
                                           i % 5 == 0);

      g_ptr_array_add (generated, g);
    }
  for (guint i = 0; i < generated->len; i++)
    {
      g_autoptr(FurrowLayout) l = furrow_layout_compute (g_ptr_array_index (generated, i), &p,
                                                         FURROW_LAYOUT_QUANTITIES_ONLY, NULL);
      area_m2 += l->field_area_m2;
    }
  ms = plan_all (generated, &p, FURROW_LAYOUT_QUANTITIES_ONLY, &row_m);
  g_print ("2,000 generated fields (%.0f mu, 8–60 vertices, 400 with holes), 2+4: %.1f ms "
           "(goal ≤ 100 ms on 2 cores)\n",
           furrow_m2_to_mu (area_m2), ms);

  /* 4. analytic vs per-row GEOS on the real fields */
  {
    g_autoptr(FurrowGeosContext) ctx = furrow_geos_context_new ();
    FurrowPattern bare = p;
    double analytic_m = 0.0, geos_m = 0.0, ms_a, ms_g;
    double t0;

    bare.headland_m = 0.0;
    ms_a = plan_all (real, &bare, FURROW_LAYOUT_QUANTITIES_ONLY, &analytic_m);
    t0 = cpu_ms ();
    for (guint i = 0; i < real->len; i++)
      geos_m += furrow_test_geos_row_m (ctx, g_ptr_array_index (real, i), &bare);
    ms_g = cpu_ms () - t0;
    g_print ("800 real fields, no headland: analytic %.1f ms, GEOS row by row %.1f ms "
             "(%.1f×, goal ≥ 20×); row metres %.1f vs %.1f (%.2e relative, limit 1e-4)\n",
             ms_a, ms_g, ms_g / ms_a, analytic_m, geos_m, fabs (analytic_m / geos_m - 1.0));
    if (fabs (analytic_m / geos_m - 1.0) > 1e-4)
      {
        g_printerr ("analytic and GEOS clipping disagree by more than 0.01 %%\n");
        return 1;
      }
  }
  return 0;
}
