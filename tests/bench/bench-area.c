/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Area of the 800 real fields of tests/data/fields (issue 3, item 9): furrow_geodesy_area_m2
 * over every field, repeated for stable figures; beside it the one-off costs of reading the
 * files (GDAL) and of validating every field (GEOS). Prints its figures; never a timed test.
 *
 * Usage: bench-area FIELDS_DIR [REPEATS] */

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "furrow-geodesy.h"
#include "furrow-polygon-file.h"
#include "furrow-validate.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_geometry_unref);
  g_autoptr(FurrowGeosContext) ctx = furrow_geos_context_new ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint repeats = argc > 2 ? (guint) atoi (argv[2]) : 100;
  guint n_points = 0, n_issues = 0;
  gint64 t0, t_read, t_area, t_validate;
  volatile double sink = 0;
  double total_m2 = 0, best_pass_us = G_MAXDOUBLE;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 2 || repeats == 0)
    {
      g_printerr ("usage: bench-area FIELDS_DIR [REPEATS]\n");
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_printerr ("bench-area: %s\n", error->message);
      return 1;
    }

  t0 = g_get_monotonic_time ();
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) features = NULL;

      if (!g_str_has_suffix (name, ".wgs84.geojson"))
        continue;
      path = g_build_filename (argv[1], name, NULL);
      features = furrow_polygon_file_read (path, &error);
      if (features == NULL)
        {
          g_printerr ("bench-area: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; i < features->len; i++)
        {
          FurrowPolygonFeature *f = features->pdata[i];

          n_points += furrow_geometry_count_points (f->geometry);
          g_ptr_array_add (fields, furrow_geometry_ref (f->geometry));
        }
    }
  t_read = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  for (guint r = 0; r < repeats; r++)
    {
      gint64 pass0 = g_get_monotonic_time ();
      double pass_m2 = 0;

      for (guint i = 0; i < fields->len; i++)
        pass_m2 += furrow_geodesy_area_m2 (fields->pdata[i]);
      best_pass_us = MIN (best_pass_us, (double) (g_get_monotonic_time () - pass0));
      sink += pass_m2;
      total_m2 = pass_m2;
    }
  t_area = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < fields->len; i++)
    {
      g_autoptr(GPtrArray) issues = furrow_validate_geometry (ctx, "bench", fields->pdata[i]);

      n_issues += issues->len;
    }
  t_validate = g_get_monotonic_time () - t0;

  g_print ("bench-area: %u fields, %u vertices, total %.2f m² (%.2f mu)\n",
           fields->len, n_points, total_m2, total_m2 * 0.0015);
  g_print ("bench-area: area of all fields: %.3f ms a pass (mean of %u), best %.3f ms; "
           "%.2f µs a field, %.3f µs a vertex\n",
           t_area / 1000.0 / repeats, repeats, best_pass_us / 1000.0,
           (double) t_area / repeats / fields->len, (double) t_area / repeats / n_points);
  g_print ("bench-area: reading the 8 GeoJSON files with GDAL: %.1f ms; validating every field "
           "with GEOS: %.1f ms (%.1f µs a field, %u issues)\n",
           t_read / 1000.0, t_validate / 1000.0, (double) t_validate / fields->len, n_issues);
  return sink > 0 ? 0 : 1;
}
