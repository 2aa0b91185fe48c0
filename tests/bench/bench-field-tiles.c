/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-field.h"
#include "furrow-field-tile-source.h"

/* Field tiles: 2,000 generated custody fields (irregular quadrilaterals of 30–110 m in a grid
 * around 36.45 N 119.40 E), drawn with FurrowFieldTileSource's renderer in this thread. Prints
 * ms per tile at zoom 14 and 17 over the fields' extent, and a cold full-viewport render
 * (1280×800 px: 6×5 tiles at zoom 16, labels on) as one thread and as two. */

#define N_FIELDS 2000
#define COLUMNS  50

static void
world_tile (double  lon,
            double  lat,
            int     z,
            int    *x,
            int    *y)
{
  double phi = lat * G_PI / 180.0;
  double n = 1 << z;

  *x = (int) floor ((lon + 180.0) / 360.0 * n);
  *y = (int) floor ((1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0 * n);
}

static GListModel *
generate_fields (double *west,
                 double *south,
                 double *east,
                 double *north)
{
  GListStore *store = g_list_store_new (FURROW_TYPE_FIELD);
  GRand *rand = g_rand_new_with_seed (42);
  const double step_lon = 0.0013, step_lat = 0.0010;

  *west = 119.38;
  *north = 36.47;
  *east = *west + COLUMNS * step_lon;
  *south = *north - (N_FIELDS / COLUMNS) * step_lat;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autoptr(FurrowField) field = furrow_field_new ();
      g_autoptr(FurrowGeometry) geometry = furrow_geometry_new ();
      g_autofree char *code = g_strdup_printf ("B%04u", i);
      double x0 = *west + (i % COLUMNS) * step_lon;
      double y0 = *north - (i / COLUMNS + 1) * step_lat;
      double w = step_lon * g_rand_double_range (rand, 0.3, 0.9);
      double h = step_lat * g_rand_double_range (rand, 0.3, 0.9);
      FurrowPoint ring[] = {
        { x0, y0 },
        { x0 + w, y0 + h * g_rand_double_range (rand, 0, 0.1) },
        { x0 + w * g_rand_double_range (rand, 0.9, 1.0), y0 + h },
        { x0 + w * g_rand_double_range (rand, 0, 0.1), y0 + h * 0.95 },
        { x0, y0 },
      };

      furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring, 5);
      furrow_field_set_code (field, code);
      furrow_field_set_name (field, code);
      furrow_field_set_custody (field, i % 7 == 0 ? FURROW_CUSTODY_HALF : FURROW_CUSTODY_FULL);
      furrow_field_set_geometry (field, geometry);
      g_list_store_append (store, field);
    }
  g_rand_free (rand);
  return G_LIST_MODEL (store);
}

static void
bench_zoom (FurrowFieldTileSource *source,
            int                    z,
            double                 west,
            double                 south,
            double                 east,
            double                 north,
            int                    max_tiles)
{
  int x0, y0, x1, y1, n = 0;
  gint64 start;

  world_tile (west, north, z, &x0, &y0);
  world_tile (east, south, z, &x1, &y1);
  start = g_get_monotonic_time ();
  for (int y = y0; y <= y1 && n < max_tiles; y++)
    for (int x = x0; x <= x1 && n < max_tiles; x++, n++)
      g_bytes_unref (furrow_field_tile_source_render_tile (source, x, y, z));
  g_print ("zoom %d: %d tiles, %.2f ms per tile\n", z, n,
           (g_get_monotonic_time () - start) / 1000.0 / n);
}

typedef struct
{
  FurrowFieldTileSource *source;
  int x0, y0, z, first, step;
} Worker;

static gpointer
render_viewport (gpointer data)
{
  Worker *worker = data;

  for (int k = worker->first; k < 30; k += worker->step)
    g_bytes_unref (furrow_field_tile_source_render_tile (worker->source, worker->x0 + k % 6,
                                                         worker->y0 + k / 6, worker->z));
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(FurrowFieldTileSource) source = furrow_field_tile_source_new ();
  double west, south, east, north;
  gint64 start;
  int cx, cy;

  fields = generate_fields (&west, &south, &east, &north);
  start = g_get_monotonic_time ();
  furrow_field_tile_source_set_fields (source, fields);
  g_print ("%d fields: snapshot (Web-Mercator + grid) in %.1f ms\n", N_FIELDS,
           (g_get_monotonic_time () - start) / 1000.0);

  bench_zoom (source, 14, west, south, east, north, 1000);
  bench_zoom (source, 17, west, south, east, north, 300);

  /* The viewport: 1280×800 px is 6×5 tiles at most; zoom 16, around the middle. */
  world_tile ((west + east) / 2, (south + north) / 2, 16, &cx, &cy);
  for (int threads = 1; threads <= 2; threads++)
    {
      Worker workers[2];
      GThread *handles[2];

      start = g_get_monotonic_time ();
      for (int t = 0; t < threads; t++)
        {
          workers[t] = (Worker) { source, cx - 3, cy - 2, 16, t, threads };
          handles[t] = g_thread_new ("tiles", render_viewport, &workers[t]);
        }
      for (int t = 0; t < threads; t++)
        g_thread_join (handles[t]);
      g_print ("cold viewport 1280x800 (30 tiles, zoom 16, labels), %d thread%s: %.1f ms\n",
               threads, threads > 1 ? "s" : "", (g_get_monotonic_time () - start) / 1000.0);
    }
  return 0;
}
