/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <shumate/shumate.h>
#include <stdlib.h>

#include "bench-fields.h"
#include "furrow-field-tile-source.h"
#include "furrow-field-tile-source-testing.h"

/* Panning a map of 10,000 fields (issue 6, item 10: ≥ 30 frames/s under Xvfb with the cairo
 * renderer, and Furrow's field tiles ≥ 10× faster than one ShumatePathLayer per field). In one
 * run, on the same generated fields (bench-fields.c) and the same 1024×768 window at zoom 16:
 *
 * 1. a ShumateMap with FurrowFieldTileSource's layer (tiles drawn in threads as they come into
 *    view, none cached beforehand);
 * 2. the same map with one ShumatePathLayer per field, filled and outlined in the same colours.
 *
 * Each pans east by 8 px a frame, the step set from a tick callback so every frame moves. The
 * window's GdkFrameClock gives the figures: frames per second over the pan (after-paint to
 * after-paint) and the main thread's work per frame (before-paint to after-paint), median and
 * mean, with the spread (quartiles, minimum and maximum). Both start at the same place and take
 * the same steps, so the path layers' frames are the first frames of the tiles' pan. Arguments:
 * number of fields (10,000), frames of the tile pan (120), frames of the path layer pan (30,
 * about 0.1 s each: enough for a stable median). */

#define STEP_PX 8.0
#define ZOOM    16.0

typedef struct
{
  ShumateViewport *viewport;
  GArray          *work_ms;      /* before-paint → after-paint, per frame */
  gint64           frame_start;
  gint64           first_paint;
  gint64           last_paint;
  guint            n_painted;
  guint            n_frames;
  double           lat, lon, step_lon;
  gboolean         panning;
  gboolean         done;
} Pan;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Pan           *pan)
{
  pan->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Pan           *pan)
{
  gint64 now = g_get_monotonic_time ();

  pan->n_painted++;
  if (!pan->panning)
    return;
  if (pan->first_paint == 0)
    pan->first_paint = now;
  else
    {
      double ms = (now - pan->frame_start) / 1000.0;

      g_array_append_val (pan->work_ms, ms);
    }
  pan->last_paint = now;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Pan *pan = data;

  if (pan->work_ms->len + 1 >= pan->n_frames)
    {
      pan->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  pan->lon += pan->step_lon;
  shumate_location_set_location (SHUMATE_LOCATION (pan->viewport), pan->lat, pan->lon);
  return G_SOURCE_CONTINUE;
}

static void
iterate_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  double fps;
  double median_ms;
  double mean_ms;
  double min_ms, q1_ms, q3_ms, max_ms;
  guint  n_frames;
} PanResult;

/* The @q quantile (0…1) of the @n sorted values @v, by nearest rank. */
static double
quantile (const double *v,
          guint         n,
          double        q)
{
  return v[MIN (n - 1, (guint) (q * n))];
}

/* Shows @map in a new window at the west of the fields, waits until it is painted and @settle_ms
 * more, then pans @n_frames frames. */
static PanResult
pan_map (ShumateMap        *map,
         const BenchBounds *bounds,
         guint              n_frames,
         guint              settle_ms)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  Pan pan = { 0 };
  GdkFrameClock *clock;
  PanResult result = { 0 };
  double total = 0;

  gtk_window_set_default_size (window, 1024, 768);
  gtk_window_set_child (window, GTK_WIDGET (map));
  pan.viewport = shumate_map_get_viewport (map);
  pan.work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  pan.n_frames = n_frames;
  pan.lat = (bounds->south + bounds->north) / 2;
  pan.lon = bounds->west + 0.01;
  pan.step_lon = STEP_PX * 360.0 / (256.0 * exp2 (ZOOM));
  shumate_viewport_set_zoom_level (pan.viewport, ZOOM);
  shumate_location_set_location (SHUMATE_LOCATION (pan.viewport), pan.lat, pan.lon);
  gtk_window_present (window);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &pan);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &pan);
  while (pan.n_painted == 0)
    g_main_context_iteration (NULL, TRUE);
  iterate_ms (settle_ms);

  pan.panning = TRUE;
  gtk_widget_add_tick_callback (GTK_WIDGET (map), tick_cb, &pan, NULL);
  while (!pan.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &pan);

  g_array_sort (pan.work_ms, compare_double);
  for (guint i = 0; i < pan.work_ms->len; i++)
    total += g_array_index (pan.work_ms, double, i);
  result.n_frames = pan.work_ms->len;
  result.fps = pan.work_ms->len / ((pan.last_paint - pan.first_paint) / (double) G_USEC_PER_SEC);
  result.median_ms = quantile ((double *) pan.work_ms->data, pan.work_ms->len, 0.5);
  result.min_ms = quantile ((double *) pan.work_ms->data, pan.work_ms->len, 0);
  result.q1_ms = quantile ((double *) pan.work_ms->data, pan.work_ms->len, 0.25);
  result.q3_ms = quantile ((double *) pan.work_ms->data, pan.work_ms->len, 0.75);
  result.max_ms = quantile ((double *) pan.work_ms->data, pan.work_ms->len, 1);
  result.mean_ms = total / pan.work_ms->len;
  g_array_unref (pan.work_ms);
  gtk_window_destroy (window);
  iterate_ms (200);
  return result;
}

static GdkRGBA
rgba (guint32 rgb,
      double  alpha)
{
  return (GdkRGBA) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                     (rgb & 0xff) / 255.0, alpha };
}

int
main (int   argc,
      char *argv[])
{
  guint n_fields = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint tile_frames = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 120;
  guint path_frames = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 30;
  g_autoptr(GListStore) fields = NULL;
  g_autoptr(FurrowFieldTileSource) source = NULL;
  BenchBounds bounds;
  PanResult tiles, paths;
  ShumateMap *map;
  gint64 start;

  gtk_init ();
  g_print ("renderer: GSK_RENDERER=%s\n", g_getenv ("GSK_RENDERER") ?: "(default)");
  fields = bench_generate_fields (n_fields, NULL, TRUE, &bounds);

  /* 1. Furrow's field tiles. */
  map = shumate_map_new ();
  source = furrow_field_tile_source_new ();
  start = g_get_monotonic_time ();
  furrow_field_tile_source_set_fields (source, G_LIST_MODEL (fields));
  furrow_field_tile_source_attach (source, map);
  g_print ("field tiles: %u fields set up in %.1f ms\n", n_fields,
           (g_get_monotonic_time () - start) / 1000.0);
  tiles = pan_map (map, &bounds, tile_frames, 1000);
  g_print ("field tiles: %u frames, %.1f frames/s, work per frame median %.2f ms (quartiles "
           "%.2f–%.2f, min %.2f, max %.2f), mean %.2f ms, %u tiles drawn\n", tiles.n_frames,
           tiles.fps, tiles.median_ms, tiles.q1_ms, tiles.q3_ms, tiles.min_ms, tiles.max_ms,
           tiles.mean_ms, furrow_field_tile_source_get_n_rendered (source));

  if (path_frames == 0)
    return EXIT_SUCCESS;

  /* 2. One ShumatePathLayer per field. */
  map = shumate_map_new ();
  {
    ShumateViewport *viewport = shumate_map_get_viewport (map);
    g_autoptr(FurrowFieldTileSource) empty = furrow_field_tile_source_new ();
    g_autoptr(ShumateRasterRenderer) renderer = NULL;

    /* The same reference projection as the tile layer gives its map, with no tiles drawn. */
    renderer = shumate_raster_renderer_new_full ("bench-reference", "reference", "", "", 0, 22, 256,
                                                 SHUMATE_MAP_PROJECTION_MERCATOR,
                                                 SHUMATE_DATA_SOURCE (empty));
    shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (renderer));

    start = g_get_monotonic_time ();
    for (guint i = 0; i < n_fields; i++)
      {
        g_autoptr(FurrowField) field = g_list_model_get_item (G_LIST_MODEL (fields), i);
        const FurrowRing *ring = &furrow_field_get_geometry (field)->polygons[0].rings[0];
        ShumatePathLayer *layer = shumate_path_layer_new (viewport);
        guint32 rgb = furrow_field_get_custody (field) == FURROW_CUSTODY_HALF
                      ? FURROW_FIELD_TILE_RGB_HALF : FURROW_FIELD_TILE_RGB_FULL;
        GdkRGBA fill = rgba (rgb, FURROW_FIELD_TILE_FILL_ALPHA);
        GdkRGBA stroke = rgba (rgb, 1.0);

        shumate_path_layer_set_fill (layer, TRUE);
        shumate_path_layer_set_fill_color (layer, &fill);
        shumate_path_layer_set_stroke_color (layer, &stroke);
        shumate_path_layer_set_stroke_width (layer, 2.0);
        shumate_path_layer_set_closed (layer, TRUE);
        for (guint k = 0; k + 1 < ring->n_points; k++)
          shumate_path_layer_add_node (layer,
                                       SHUMATE_LOCATION (shumate_coordinate_new_full (ring->points[k].y,
                                                                                      ring->points[k].x)));
        shumate_map_add_layer (map, SHUMATE_LAYER (layer));
      }
    g_print ("path layers: %u layers built in %.1f ms\n", n_fields,
             (g_get_monotonic_time () - start) / 1000.0);
  }
  paths = pan_map (map, &bounds, path_frames, 0);
  g_print ("path layers: %u frames, %.2f frames/s, work per frame median %.2f ms (quartiles "
           "%.2f–%.2f, min %.2f, max %.2f), mean %.2f ms\n", paths.n_frames, paths.fps,
           paths.median_ms, paths.q1_ms, paths.q3_ms, paths.min_ms, paths.max_ms, paths.mean_ms);

  g_print ("pan %u fields: field tiles %.1f frames/s (goal 30: %s), %.2f ms a frame; one "
           "ShumatePathLayer per field %.2f frames/s, %.2f ms a frame; tiles %.1fx faster by "
           "frame time (goal 10x: %s; %.1fx–%.1fx from the quartiles), %.1fx by frames/s\n",
           n_fields, tiles.fps, tiles.fps >= 30 ? "met" : "missed", tiles.median_ms, paths.fps,
           paths.median_ms, paths.median_ms / tiles.median_ms,
           paths.median_ms / tiles.median_ms >= 10 ? "met" : "missed",
           paths.q1_ms / tiles.q3_ms, paths.q3_ms / tiles.q1_ms, tiles.fps / paths.fps);
  return EXIT_SUCCESS;
}
