/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <shumate/shumate.h>

#include "furrow-application.h"
#include "furrow-field-map.h"
#include "furrow-field-tile-source.h"
#include "furrow-preferences-window.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"
#include "furrow-test-mbtiles.h"

/* The map as the user sees it (issue 13, item 5): no seams at tile boundaries, the first view
 * fitted to the fields, Show All Fields, the scale's unit, attribution beside the scale, the
 * offline notice of OpenStreetMap. The base map is an offline MBTiles file of plain grey tiles
 * written here, so any pixel that is not grey or a field's colour over grey is the map's fault. */

#define PLAIN_RGB 0x808080
#define PLAIN_MIN_ZOOM 13
#define PLAIN_MAX_ZOOM 17

typedef struct
{
  FurrowTestApp  base;
  FurrowWindow  *window;
} Fixture;

/* Plain grey PNG tiles from zoom 13 to 17 over the demo cooperative (its fields lie within
 * 119.37–119.43 E, 36.43–36.47 N: tests/gui/test-map-view.c asserts the fit against them). */
static void
write_plain_tiles (const char *path)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (path);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) png = NULL;

  cairo_set_source_rgb (cr, ((PLAIN_RGB >> 16) & 0xff) / 255.0, ((PLAIN_RGB >> 8) & 0xff) / 255.0,
                        (PLAIN_RGB & 0xff) / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  png = furrow_test_surface_to_png (surface);
  cairo_surface_destroy (surface);

  furrow_test_mbtiles_set_meta (writer, "name", "Plain grey");
  furrow_test_mbtiles_set_meta (writer, "format", "png");
  furrow_test_mbtiles_set_meta (writer, "minzoom", G_STRINGIFY (PLAIN_MIN_ZOOM));
  furrow_test_mbtiles_set_meta (writer, "maxzoom", G_STRINGIFY (PLAIN_MAX_ZOOM));
  for (int z = PLAIN_MIN_ZOOM; z <= PLAIN_MAX_ZOOM; z++)
    {
      double n = 1 << z;
      /* 119.30–119.50 E, 36.38–36.52 N, a margin round the fields. */
      int x0 = floor ((119.30 + 180) / 360 * n), x1 = floor ((119.50 + 180) / 360 * n);
      int y0 = floor ((1 - asinh (tan (36.52 * G_PI / 180)) / G_PI) / 2 * n);
      int y1 = floor ((1 - asinh (tan (36.38 * G_PI / 180)) / G_PI) / 2 * n);

      for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++)
          furrow_test_mbtiles_add_tile (writer, z, x, y, g_bytes_get_data (png, NULL),
                                        g_bytes_get_size (png));
    }
  furrow_test_mbtiles_close (writer);
}

static void
set_up_base_map (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "plain.mbtiles", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPreferencesWindow *preferences;

  write_plain_tiles (path);
  file = g_file_new_for_path (path);
  preferences = furrow_preferences_window_new (fixture->base.settings);
  g_assert_true (furrow_preferences_window_set_mbtiles_file (preferences, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
present_window (Fixture *fixture,
                int      width,
                int      height)
{
  fixture->window = furrow_window_new (fixture->base.app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

/* The plain base map, a 1100 × 720 window (the default size) and the demo cooperative. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_app_set_up (&fixture->base);
  set_up_base_map (fixture);
  present_window (fixture, 1100, 720);
  furrow_test_open_demo_project (fixture->window, fixture->base.tmpdir, "demo.gpkg");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_app_tear_down (&fixture->base);
}

static GtkWidget *
map_widget (Fixture *fixture)
{
  return GTK_WIDGET (furrow_window_get_map (fixture->window));
}

static ShumateViewport *
viewport (Fixture *fixture)
{
  return shumate_simple_map_get_viewport (furrow_window_get_map (fixture->window));
}

/* Every pixel of @texture as 0xRRGGBB, row by row. */
static guint32 *
texture_pixels (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (width * height * 4);
  guint32 *rgb = g_new (guint32, width * height);

  gdk_texture_download (texture, data, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = data + i * 4;

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      rgb[i] = (p[2] << 16) | (p[1] << 8) | p[0];
#else
      rgb[i] = (p[1] << 16) | (p[2] << 8) | p[3];
#endif
    }
  return rgb;
}

/* The field of the project at (@x, @y) of the map widget, or NULL. */
static FurrowField *
field_at (Fixture *fixture,
          double   x,
          double   y)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (furrow_window_get_store (fixture->window));
  double lat, lon;

  shumate_viewport_widget_coords_to_location (viewport (fixture), map_widget (fixture), x, y,
                                              &lat, &lon);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      if (furrow_geometry_contains_point (furrow_field_get_geometry (field), lon, lat))
        return g_steal_pointer (&field);
    }
  return NULL;
}

/* Whether the 9 × 9 pixels round (@x, @y) all lie inside one field (so no outline is near). */
static gboolean
deep_inside_field (Fixture *fixture,
                   int      x,
                   int      y)
{
  g_autoptr(FurrowField) centre = field_at (fixture, x + 0.5, y + 0.5);

  if (centre == NULL)
    return FALSE;
  for (int dy = -4; dy <= 4; dy += 4)
    for (int dx = -4; dx <= 4; dx += 4)
      {
        g_autoptr(FurrowField) other = field_at (fixture, x + dx + 0.5, y + dy + 0.5);

        if (other == NULL || furrow_field_get_id (other) != furrow_field_get_id (centre))
          return FALSE;
      }
  return TRUE;
}

static int
channel_distance (guint32 a,
                  guint32 b)
{
  int worst = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    worst = MAX (worst, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
  return worst;
}

/* Renders the map at @zoom round (@lat, @lon) and checks every pixel on a field tile's boundary
 * that lies deep inside a field against its neighbours two pixels either side, across the
 * boundary: inside a field the fill is one colour (the field's at 0.45 over plain grey), so a
 * boundary pixel may differ from them by rounding only (4 of 255). Returns how many boundary
 * pixels inside fields were checked. */
static guint
check_seams (Fixture    *fixture,
             double      zoom,
             double      lat,
             double      lon,
             const char *screenshot)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  int tile_zoom = (int) floor (zoom);
  double n = 1 << tile_zoom;
  int width, height;
  guint checked = 0;

  shumate_viewport_set_zoom_level (viewport (fixture), zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), lat, lon);
  /* The field tiles come from worker threads: give them time, then take a painted frame. */
  furrow_test_iterate (1500);
  furrow_test_wait_for_frame (map_widget (fixture));
  /* The map's layers without the scale and buttons over them. */
  texture = furrow_test_render_painted (GTK_WIDGET (shumate_simple_map_get_map (furrow_window_get_map (fixture->window))), 10);
  furrow_test_save_screenshot (texture, screenshot);
  pixels = texture_pixels (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);

  for (int axis = 0; axis < 2; axis++)
    for (int k = 0; k < (int) n; k++)
      {
        double bx, by;
        int c;

        /* Tile column k's west edge (axis 0), or tile row k's north edge (axis 1). */
        if (axis == 0)
          {
            double edge_lon = k / n * 360 - 180;

            shumate_viewport_location_to_widget_coords (viewport (fixture), map_widget (fixture),
                                                        lat, edge_lon, &bx, &by);
            c = (int) floor (bx);
            if (c < 8 || c >= width - 8)
              continue;
          }
        else
          {
            double edge_lat = atan (sinh (G_PI * (1 - 2 * k / n))) * 180 / G_PI;

            shumate_viewport_location_to_widget_coords (viewport (fixture), map_widget (fixture),
                                                        edge_lat, lon, &bx, &by);
            c = (int) floor (by);
            if (c < 8 || c >= height - 8)
              continue;
          }

        for (int t = 8; t < (axis == 0 ? height : width) - 8; t += 3)
          {
            int x = axis == 0 ? c : t;
            int y = axis == 0 ? t : c;
            guint32 here = pixels[y * width + x];
            guint32 before = axis == 0 ? pixels[y * width + x - 2] : pixels[(y - 2) * width + x];
            guint32 after = axis == 0 ? pixels[y * width + x + 2] : pixels[(y + 2) * width + x];

            if (!deep_inside_field (fixture, x, y))
              continue;
            checked++;
            if (channel_distance (here, before) > 4 || channel_distance (here, after) > 4)
              g_error ("seam at zoom %.2f, %s %d, pixel %d,%d: %06x between %06x and %06x",
                       zoom, axis == 0 ? "column" : "row", c, x, y, here, before, after);
          }
      }
  g_test_message ("zoom %.2f: %u boundary pixels inside fields checked", zoom, checked);
  return checked;
}

/* A 1 px light seam ran through fields at tile boundaries at every zoom: the map layer places
 * each tile at a fractional pixel offset, and two abutting tiles each covered the boundary pixel
 * only in part. Checked at whole and fractional zoom levels, off the pixel grid. */
static void
test_no_seams (Fixture       *fixture,
               gconstpointer  data)
{
  /* The demo's middle, moved by a third of a pixel at zoom 15 so tiles sit between pixels. */
  double lat = 36.4512, lon = 119.4011;

  g_assert_cmpuint (check_seams (fixture, 15, lat, lon, "map-seams-z15.png"), >, 50);
  g_assert_cmpuint (check_seams (fixture, 16, lat + 0.00013, lon + 0.00021,
                                 "map-seams-z16.png"), >, 50);
  g_assert_cmpuint (check_seams (fixture, 15.5, lat, lon, "map-seams-z15.5.png"), >, 50);
  g_assert_cmpuint (check_seams (fixture, 14.25, lat, lon, "map-seams-z14.25.png"), >, 20);
}
FURROW_TEST_FIXTURE ("/furrow/gui/map-view/no-seams", Fixture, fixture_set_up, test_no_seams,
                     fixture_tear_down);

FURROW_TEST_GUI_MAIN ();
