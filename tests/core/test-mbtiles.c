/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "furrow-store-mbtiles-testing.h"
#include "furrow-test-mbtiles.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* The default map centre, 36.45 N 119.40 E, lies in XYZ tile 14/13626/6408:
 *   x = (119.40 + 180) / 360 * 2^14 = 13626.2
 *   y = (1 - ln (tan φ + sec φ) / π) / 2 * 2^14 = (1 - 0.68401 / π) / 2 * 16384 = 6408.4
 * and its TMS row is 2^14 - 1 - 6408 = 9975. */
#define CENTRE_X 13626
#define CENTRE_Y 6408
#define CENTRE_TMS_ROW 9975

typedef FurrowTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, "linyi.mbtiles");
}

static void
assert_tile (FurrowMbtiles *mbtiles,
             int            x,
             int            y,
             int            z,
             const char    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = furrow_mbtiles_get_tile (mbtiles, x, y, z, &error);
  gsize size = 0;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpmem (data, size, expected, strlen (expected));
}

static void
test_tms_flip (Fixture       *fixture,
               gconstpointer  data)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (fixture->path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;

  /* "north" is stored where XYZ row 6408 lives in TMS (row 9975); "south" at TMS row 6408,
   * which is XYZ row 9975. A reader that forgot the flip would swap them. */
  furrow_test_mbtiles_add_tile_tms (writer, 14, CENTRE_X, CENTRE_TMS_ROW,
                                    (const guint8 *) "north", 5);
  furrow_test_mbtiles_add_tile_tms (writer, 14, CENTRE_X, CENTRE_Y, (const guint8 *) "south", 5);
  /* At zoom 1 TMS row 0 is the southern half: XYZ row 1. */
  furrow_test_mbtiles_add_tile_tms (writer, 1, 1, 0, (const guint8 *) "z1-south-east", 13);
  furrow_test_mbtiles_add_tile_tms (writer, 0, 0, 0, (const guint8 *) "world", 5);
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mbtiles);

  assert_tile (mbtiles, CENTRE_X, CENTRE_Y, 14, "north");
  assert_tile (mbtiles, CENTRE_X, CENTRE_TMS_ROW, 14, "south");
  assert_tile (mbtiles, 1, 1, 1, "z1-south-east");
  assert_tile (mbtiles, 0, 0, 0, "world");

  /* "Any tile" is one of the lowest zoom level. */
  {
    g_autoptr(GBytes) any = furrow_mbtiles_get_any_tile (mbtiles, &error);

    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (any, NULL), g_bytes_get_size (any), "world", 5);
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/mbtiles/tms-flip", Fixture, fixture_set_up, test_tms_flip,
                     furrow_test_store_fixture_tear_down);

static void
test_missing_tile (Fixture       *fixture,
                   gconstpointer  data)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (fixture->path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  furrow_test_mbtiles_add_tile (writer, 14, CENTRE_X, CENTRE_Y, (const guint8 *) "x", 1);
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);

  bytes = furrow_mbtiles_get_tile (mbtiles, CENTRE_X + 1, CENTRE_Y, 14, &error);
  g_assert_null (bytes);
  g_assert_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE);
  g_assert_nonnull (strstr (error->message, "14/13627/6408"));
  g_clear_error (&error);

  /* Outside the world at that zoom: x must be below 2^z. */
  bytes = furrow_mbtiles_get_tile (mbtiles, 2, 0, 1, &error);
  g_assert_null (bytes);
  g_assert_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE);
}
FURROW_TEST_FIXTURE ("/furrow/core/mbtiles/missing-tile", Fixture, fixture_set_up,
                     test_missing_tile, furrow_test_store_fixture_tear_down);

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (fixture->path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  furrow_test_mbtiles_set_meta (writer, "name", "nothing yet");
  furrow_test_mbtiles_close (writer);

  /* A valid file without tiles opens (it may be filled later) but has nothing to show. */
  mbtiles = furrow_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);
  bytes = furrow_mbtiles_get_any_tile (mbtiles, &error);
  g_assert_null (bytes);
  g_assert_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE);
  g_assert_cmpstr (error->message, ==, "linyi.mbtiles has no tiles");
}
FURROW_TEST_FIXTURE ("/furrow/core/mbtiles/empty", Fixture, fixture_set_up, test_empty,
                     furrow_test_store_fixture_tear_down);

static void
test_metadata (Fixture       *fixture,
               gconstpointer  data)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (fixture->path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;
  const FurrowMbtilesMetadata *metadata;

  furrow_test_mbtiles_set_meta (writer, "name", "Linyi villages");
  furrow_test_mbtiles_set_meta (writer, "format", "jpg");
  furrow_test_mbtiles_set_meta (writer, "minzoom", "12");
  furrow_test_mbtiles_set_meta (writer, "maxzoom", "17");
  furrow_test_mbtiles_set_meta (writer, "bounds", "119.35,36.42, 119.45,36.48");
  furrow_test_mbtiles_set_meta (writer, "attribution", "© Linyi Surveying Bureau");
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);
  metadata = furrow_mbtiles_get_metadata (mbtiles);
  g_assert_cmpstr (furrow_mbtiles_get_path (mbtiles), ==, fixture->path);
  g_assert_cmpstr (metadata->name, ==, "Linyi villages");
  g_assert_cmpstr (metadata->format, ==, "jpg");
  g_assert_cmpstr (metadata->attribution, ==, "© Linyi Surveying Bureau");
  g_assert_cmpint (metadata->min_zoom, ==, 12);
  g_assert_cmpint (metadata->max_zoom, ==, 17);
  g_assert_true (metadata->has_bounds);
  /* West, south, east, north, the blank after the second comma ignored. */
  g_assert_cmpfloat_with_epsilon (metadata->bounds[0], 119.35, 1e-12);
  g_assert_cmpfloat_with_epsilon (metadata->bounds[1], 36.42, 1e-12);
  g_assert_cmpfloat_with_epsilon (metadata->bounds[2], 119.45, 1e-12);
  g_assert_cmpfloat_with_epsilon (metadata->bounds[3], 36.48, 1e-12);
}
FURROW_TEST_FIXTURE ("/furrow/core/mbtiles/metadata", Fixture, fixture_set_up, test_metadata,
                     furrow_test_store_fixture_tear_down);

static void
test_metadata_defaults (Fixture       *fixture,
                        gconstpointer  data)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (fixture->path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;
  const FurrowMbtilesMetadata *metadata;

  /* No metadata rows at all: the zoom range comes from the tiles, the name from the file. */
  furrow_test_mbtiles_add_tile (writer, 13, 6813, 3204, (const guint8 *) "a", 1);
  furrow_test_mbtiles_add_tile (writer, 15, 27252, 12816, (const guint8 *) "b", 1);
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);
  metadata = furrow_mbtiles_get_metadata (mbtiles);
  g_assert_cmpstr (metadata->name, ==, "linyi.mbtiles");
  g_assert_cmpstr (metadata->format, ==, "png");
  g_assert_null (metadata->attribution);
  g_assert_cmpint (metadata->min_zoom, ==, 13);
  g_assert_cmpint (metadata->max_zoom, ==, 15);
  g_assert_false (metadata->has_bounds);
}
FURROW_TEST_FIXTURE ("/furrow/core/mbtiles/metadata-defaults", Fixture, fixture_set_up,
                     test_metadata_defaults, furrow_test_store_fixture_tear_down);

static void
test_not_mbtiles (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.mbtiles", NULL);
  g_autofree char *db_path = g_build_filename (fixture->dir, "project.gpkg", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "gone.mbtiles", NULL);
  g_autoptr(GError) error = NULL;
  FurrowMbtiles *mbtiles;
  sqlite3 *db = NULL;

  /* A text file with the right extension. */
  g_file_set_contents (text_path, "these are not tiles\n", -1, &error);
  g_assert_no_error (error);
  mbtiles = furrow_mbtiles_open (text_path, &error);
  g_assert_null (mbtiles);
  g_assert_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NOT_MBTILES);
  g_assert_true (g_str_has_prefix (error->message, "notes.mbtiles is not an MBTiles file"));
  g_clear_error (&error);

  /* A real SQLite database without the MBTiles tables. */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE fields (id INTEGER)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  mbtiles = furrow_mbtiles_open (db_path, &error);
  g_assert_null (mbtiles);
  g_assert_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NOT_MBTILES);
  g_assert_cmpstr (error->message, ==,
                   "project.gpkg is not an MBTiles file: it has no “tiles” table");
  g_clear_error (&error);

  /* No file at all: nothing may be created on the way. */
  mbtiles = furrow_mbtiles_open (missing_path, &error);
  g_assert_null (mbtiles);
  g_assert_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_OPEN);
  g_assert_cmpstr (error->message, ==, "gone.mbtiles: no such file");
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/core/mbtiles/not-mbtiles", Fixture, fixture_set_up, test_not_mbtiles,
                     furrow_test_store_fixture_tear_down);

#define N_THREADS 4
#define N_READS 300

static gpointer
read_tiles_thread (gpointer data)
{
  FurrowMbtiles *mbtiles = data;

  for (int i = 0; i < N_READS; i++)
    {
      int x = CENTRE_X + (i % 3);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = furrow_mbtiles_get_tile (mbtiles, x, CENTRE_Y, 14, &error);
      g_autofree char *expected = g_strdup_printf ("tile-%d", x);

      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       expected, strlen (expected));
    }
  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (fixture->path);
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;
  GThread *threads[N_THREADS];

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *tile = g_strdup_printf ("tile-%d", CENTRE_X + i);
      furrow_test_mbtiles_add_tile (writer, 14, CENTRE_X + i, CENTRE_Y,
                                    (const guint8 *) tile, strlen (tile));
    }
  furrow_test_mbtiles_close (writer);

  mbtiles = furrow_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);

  for (int i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("reader", read_tiles_thread, mbtiles);
  for (int i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
}
FURROW_TEST_FIXTURE ("/furrow/core/mbtiles/threads", Fixture, fixture_set_up, test_threads,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
