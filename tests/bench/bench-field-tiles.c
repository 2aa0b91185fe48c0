/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <time.h>

#include "bench-fields.h"
#include "furrow-field-tile-source.h"
#include "furrow-field-tile-source-testing.h"

/* Field tiles (issue 6, item 10: a tile in ≤ 5 ms, median, with 10,000 fields): N generated
 * custody fields (argument, 10,000 by default; irregular quadrilaterals of 30–110 m in a grid
 * around 36.45 N 119.40 E, four parcels each), drawn with FurrowFieldTileSource's renderer in
 * this thread. Prints the median and mean ms per tile at zoom 14, 16 and 17 over the fields'
 * extent (tiles that hold fields only), and a cold full-viewport render (1280×800 px: 6×5 tiles at
 * zoom 16, labels on) as one thread and as two. */

static guint n_fields = 10000;

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

/* CPU time of this thread, µs: under a loaded machine the wall clock also counts other work. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Every tile of zoom @z inside the fields' extent (at most @max_tiles, spread over it). */
static void
bench_zoom (FurrowFieldTileSource *source,
            int                    z,
            double                 west,
            double                 south,
            double                 east,
            double                 north,
            int                    max_tiles)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  int x0, y0, x1, y1, stride = 1;
  double total = 0;
  gsize bytes = 0;

  world_tile (west + 1e-6, north - 1e-6, z, &x0, &y0);
  world_tile (east - 1e-6, south + 1e-6, z, &x1, &y1);
  while (((x1 - x0) / stride + 1) * ((y1 - y0) / stride + 1) > max_tiles)
    stride++;
  for (int y = y0; y <= y1; y += stride)
    for (int x = x0; x <= x1; x += stride)
      {
        gint64 start = g_get_monotonic_time ();
        gint64 cpu_start = thread_cpu_us ();
        GBytes *png = furrow_field_tile_source_render_tile (source, x, y, z);
        double ms = (g_get_monotonic_time () - start) / 1000.0;
        double cpu_ms = (thread_cpu_us () - cpu_start) / 1000.0;

        bytes += g_bytes_get_size (png);
        g_bytes_unref (png);
        g_array_append_val (times, ms);
        g_array_append_val (cpu, cpu_ms);
        total += ms;
      }
  g_array_sort (times, compare_double);
  g_array_sort (cpu, compare_double);
  g_print ("zoom %d: %u tiles, median %.2f ms per tile (CPU %.2f ms), mean %.2f ms, max %.2f ms, "
           "%.0f KiB a tile\n",
           z, times->len, g_array_index (times, double, times->len / 2),
           g_array_index (cpu, double, cpu->len / 2), total / times->len,
           g_array_index (times, double, times->len - 1), bytes / 1024.0 / times->len);
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
  g_autoptr(GListStore) parcels = g_list_store_new (FURROW_TYPE_PARCEL);
  g_autoptr(FurrowFieldTileSource) source = furrow_field_tile_source_new ();
  BenchBounds bounds;
  double west, south, east, north;
  gint64 start;
  int cx, cy;

  if (argc > 1)
    n_fields = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  fields = G_LIST_MODEL (bench_generate_fields (n_fields, parcels, TRUE, &bounds));
  west = bounds.west;
  south = bounds.south;
  east = bounds.east;
  north = bounds.north;
  start = g_get_monotonic_time ();
  furrow_field_tile_source_set_fields (source, fields);
  furrow_field_tile_source_set_parcels (source, G_LIST_MODEL (parcels));
  g_print ("%u fields, %u parcels: snapshot (Web-Mercator + grid) in %.1f ms\n", n_fields,
           g_list_model_get_n_items (G_LIST_MODEL (parcels)),
           (g_get_monotonic_time () - start) / 1000.0);

  /* An edit: one field moved 10 m east, announced as the store does; the snapshot reuses every
   * other shape and only the touched tiles are dropped. */
  {
    g_autoptr(FurrowField) field = g_list_model_get_item (fields, n_fields / 2);
    g_autoptr(FurrowGeometry) moved = furrow_geometry_copy (furrow_field_get_geometry (field));

    for (guint i = 0; i < moved->polygons[0].rings[0].n_points; i++)
      moved->polygons[0].rings[0].points[i].x += 0.0001;
    furrow_field_set_geometry (field, moved);
    start = g_get_monotonic_time ();
    g_list_model_items_changed (fields, n_fields / 2, 1, 1);
    g_print ("one field edited: snapshot again in %.1f ms\n",
             (g_get_monotonic_time () - start) / 1000.0);
  }

  bench_zoom (source, 14, west, south, east, north, 1000);
  bench_zoom (source, 16, west, south, east, north, 400);
  bench_zoom (source, 17, west, south, east, north, 400);

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
