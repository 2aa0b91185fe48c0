/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>

#include "furrow-mbtiles-source.h"
#include "furrow-field-tile-renderer.h"
#include "furrow-test-gui.h"
#include "furrow-test-mbtiles.h"
#include "furrow-mbtiles-source-testing.h"

/* libshumate 1.0.x paints only the bytes carried by `received-data`: the source must emit it,
 * on the main thread, before the tile request completes. */

typedef struct
{
  GPtrArray *events;     /* "signal x/y/z bytes" and "done …" lines, in order */
  GBytes    *result;
  GError    *error;
  gboolean   done;
  GThread   *main_thread;
} Request;

static void
received_data_cb (ShumateDataSource *source,
                  int                x,
                  int                y,
                  int                z,
                  GBytes            *bytes,
                  Request           *request)
{
  g_assert_true (g_thread_self () == request->main_thread);
  g_ptr_array_add (request->events,
                   g_strdup_printf ("signal %d/%d/%d %.*s", z, x, y,
                                    (int) g_bytes_get_size (bytes),
                                    (const char *) g_bytes_get_data (bytes, NULL)));
}

static void
tile_data_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *request = user_data;

  request->result = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object),
                                                              result, &request->error);
  g_ptr_array_add (request->events, g_strdup (request->result != NULL ? "done" : "failed"));
  request->done = TRUE;
}

static void
request_tile (ShumateDataSource *source,
              Request           *request,
              int                x,
              int                y,
              int                z)
{
  gulong handler;

  request->done = FALSE;
  request->events = g_ptr_array_new_with_free_func (g_free);
  request->main_thread = g_thread_self ();
  handler = g_signal_connect (source, "received-data", G_CALLBACK (received_data_cb), request);
  shumate_data_source_get_tile_data_async (source, x, y, z, NULL, tile_data_cb, request);
  while (!request->done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (source, handler);
}

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->events, g_ptr_array_unref);
  g_clear_pointer (&request->result, g_bytes_unref);
  g_clear_error (&request->error);
}

static void
test_received_data (void)
{
  g_autofree char *dir = furrow_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tiles.mbtiles", NULL);
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(FurrowMbtilesSource) source = NULL;
  g_autoptr(GError) error = NULL;
  Request request = { 0 };

  furrow_test_mbtiles_add_tile (writer, 14, FURROW_TEST_CENTRE_X, FURROW_TEST_CENTRE_Y,
                                (const guint8 *) "centre", 6);
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (path, &error);
  g_assert_no_error (error);
  source = furrow_mbtiles_source_new (mbtiles);
  g_assert_true (furrow_mbtiles_source_get_mbtiles (source) == mbtiles);

  /* A tile that exists: the signal first, with the same bytes, then the result. */
  request_tile (SHUMATE_DATA_SOURCE (source), &request,
                FURROW_TEST_CENTRE_X, FURROW_TEST_CENTRE_Y, 14);
  g_assert_no_error (request.error);
  g_assert_cmpuint (request.events->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (request.events, 0), ==, "signal 14/13626/6408 centre");
  g_assert_cmpstr (g_ptr_array_index (request.events, 1), ==, "done");
  g_assert_cmpmem (g_bytes_get_data (request.result, NULL), g_bytes_get_size (request.result),
                   "centre", 6);
  request_clear (&request);

  /* A tile the file lacks: an error and no signal, so the map leaves the tile empty. */
  request_tile (SHUMATE_DATA_SOURCE (source), &request,
                FURROW_TEST_CENTRE_X + 1, FURROW_TEST_CENTRE_Y, 14);
  g_assert_error (request.error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE);
  g_assert_cmpuint (request.events->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (request.events, 0), ==, "failed");
  request_clear (&request);

  g_clear_object (&source);
  furrow_test_remove_tmpdir (dir);
}
FURROW_TEST ("/furrow/gui/mbtiles-source/received-data", test_received_data);

static void
test_map_source (void)
{
  g_autofree char *dir = furrow_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tiles.mbtiles", NULL);
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(ShumateMapSource) map_source = NULL;
  g_autoptr(GError) error = NULL;

  furrow_test_mbtiles_set_meta (writer, "name", "Linyi 2025 imagery");
  furrow_test_mbtiles_set_meta (writer, "minzoom", "10");
  furrow_test_mbtiles_set_meta (writer, "maxzoom", "18");
  furrow_test_mbtiles_set_meta (writer, "attribution", "Imagery © Linyi Surveying Bureau");
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (path, &error);
  g_assert_no_error (error);
  map_source = furrow_mbtiles_source_new_map_source (mbtiles);
  g_assert_true (FURROW_IS_FIELD_TILE_RENDERER (map_source));
  g_assert_cmpstr (shumate_map_source_get_id (map_source), ==, "furrow-mbtiles");
  g_assert_cmpstr (shumate_map_source_get_name (map_source), ==, "Linyi 2025 imagery");
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (map_source), ==, 10);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (map_source), ==, 18);
  /* No tile to measure: the common 256 px. */
  g_assert_cmpuint (shumate_map_source_get_tile_size (map_source), ==, 256);
  g_assert_cmpstr (shumate_map_source_get_license (map_source), ==,
                   "Imagery © Linyi Surveying Bureau");

  g_clear_object (&map_source);
  g_clear_object (&mbtiles);
  furrow_test_remove_tmpdir (dir);
}
FURROW_TEST ("/furrow/gui/mbtiles-source/map-source", test_map_source);

static GBytes *
solid_png (int size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  GBytes *png = furrow_test_surface_to_png (surface);

  cairo_surface_destroy (surface);
  return png;
}

/* Retina tile sets hold 512 px tiles: the map source takes the size from a tile. */
static void
test_tile_size (void)
{
  g_autofree char *dir = furrow_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "retina.mbtiles", NULL);
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (path);
  g_autoptr(GBytes) png = solid_png (512);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(ShumateMapSource) map_source = NULL;
  g_autoptr(GError) error = NULL;

  furrow_test_mbtiles_add_tile (writer, 13, 6813, 3204, g_bytes_get_data (png, NULL),
                                g_bytes_get_size (png));
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (path, &error);
  g_assert_no_error (error);
  map_source = furrow_mbtiles_source_new_map_source (mbtiles);
  g_assert_cmpuint (shumate_map_source_get_tile_size (map_source), ==, 512);

  g_clear_object (&map_source);
  g_clear_object (&mbtiles);
  furrow_test_remove_tmpdir (dir);
}
FURROW_TEST ("/furrow/gui/mbtiles-source/tile-size", test_tile_size);

FURROW_TEST_GUI_MAIN ();
