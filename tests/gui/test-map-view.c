/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <shumate/shumate.h>

#include "furrow-application.h"
#include "furrow-field-map.h"
#include "furrow-field-tile-source.h"
#include "furrow-map-layout.h"
#include "furrow-map-legend.h"
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

/* Whether the 13 × 13 pixels round (@x, @y) all lie inside one field (so no outline is near,
 * even drawn half a pixel off). */
static gboolean
deep_inside_field (Fixture *fixture,
                   int      x,
                   int      y)
{
  g_autoptr(FurrowField) centre = field_at (fixture, x + 0.5, y + 0.5);

  if (centre == NULL)
    return FALSE;
  for (int dy = -6; dy <= 6; dy += 6)
    for (int dx = -6; dx <= 6; dx += 6)
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

/* The part of the map under nothing: @rect minus what lies over the map's edges. */
typedef struct
{
  graphene_rect_t map;
  graphene_rect_t covers[4];   /* legend, zoom buttons, scale, attribution */
  guint           n_covers;
} MapArea;

static void
add_cover (MapArea   *area,
           GtkWidget *widget,
           GtkWidget *map)
{
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_get_mapped (widget))
    return;
  g_assert_true (gtk_widget_compute_bounds (widget, map, &bounds));
  area->covers[area->n_covers++] = bounds;
}

/* Where the legend, the zoom buttons, the scale and the attribution lie over the map, as
 * allocated (independent of how the window computed its fit, from their measured sizes). */
static void
map_area (Fixture *fixture,
          MapArea *area)
{
  ShumateSimpleMap *map = furrow_window_get_map (fixture->window);
  GtkWidget *legend = furrow_test_find_widget (GTK_WIDGET (fixture->window), FURROW_TYPE_MAP_LEGEND);

  area->n_covers = 0;
  graphene_rect_init (&area->map, 0, 0, gtk_widget_get_width (GTK_WIDGET (map)),
                      gtk_widget_get_height (GTK_WIDGET (map)));
  add_cover (area, legend, GTK_WIDGET (map));
  add_cover (area, gtk_widget_get_parent (GTK_WIDGET (shumate_simple_map_get_compass (map))),
             GTK_WIDGET (map));
  add_cover (area, GTK_WIDGET (shumate_simple_map_get_scale (map)), GTK_WIDGET (map));
  add_cover (area, GTK_WIDGET (shumate_simple_map_get_license (map)), GTK_WIDGET (map));
  g_assert_cmpuint (area->n_covers, ==, 4);
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
             gboolean    in_window,
             const char *screenshot)
{
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  int stride;
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
  /* The map's layers without the scale and buttons over them, or the whole window as shown
   * (the map inside its panes, where the pixel grid of a tile's cairo node is not known). */
  if (in_window)
    {
      texture = furrow_test_render_painted (GTK_WIDGET (fixture->window), 10);
      g_assert_true (gtk_widget_compute_point (map_widget (fixture), GTK_WIDGET (fixture->window),
                                               &GRAPHENE_POINT_INIT (0, 0), &origin));
    }
  else
    texture = furrow_test_render_painted (GTK_WIDGET (shumate_simple_map_get_map (furrow_window_get_map (fixture->window))), 10);
  furrow_test_save_screenshot (texture, screenshot);
  pixels = texture_pixels (texture);
  stride = gdk_texture_get_width (texture);
  width = gtk_widget_get_width (map_widget (fixture));
  height = gtk_widget_get_height (map_widget (fixture));

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
            int at = ((int) origin.y + y) * stride + (int) origin.x + x;
            guint32 here = pixels[at];
            guint32 before = axis == 0 ? pixels[at - 2] : pixels[at - 2 * stride];
            guint32 after = axis == 0 ? pixels[at + 2] : pixels[at + 2 * stride];

            if (!deep_inside_field (fixture, x, y))
              continue;
            if (in_window)
              {
                MapArea area;
                gboolean covered = FALSE;

                /* Not under the legend, the buttons, the scale or the attribution. */
                map_area (fixture, &area);
                for (guint i = 0; i < area.n_covers; i++)
                  covered |= graphene_rect_contains_point (&area.covers[i],
                                                           &GRAPHENE_POINT_INIT (x, y));
                if (covered)
                  continue;
              }
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

  g_assert_cmpuint (check_seams (fixture, 15, lat, lon, FALSE, "map-seams-z15.png"), >, 50);
  g_assert_cmpuint (check_seams (fixture, 16, lat + 0.00013, lon + 0.00021, FALSE,
                                 "map-seams-z16.png"), >, 50);
  g_assert_cmpuint (check_seams (fixture, 15.5, lat, lon, FALSE, "map-seams-z15.5.png"), >, 50);
  g_assert_cmpuint (check_seams (fixture, 14.25, lat, lon, FALSE, "map-seams-z14.25.png"), >, 20);
  g_assert_cmpuint (check_seams (fixture, 15.75, lat, lon, FALSE, "map-seams-z15.75.png"), >, 50);
  /* The same in the window as it is drawn. */
  g_assert_cmpuint (check_seams (fixture, 15, lat, lon, TRUE, "map-seams-window-z15.png"), >, 50);
  g_assert_cmpuint (check_seams (fixture, 15.75, lat, lon, TRUE, "map-seams-window-z15.75.png"),
                    >, 50);
}
FURROW_TEST_FIXTURE ("/furrow/gui/map-view/no-seams", Fixture, fixture_set_up, test_no_seams,
                     fixture_tear_down);

static gboolean
match_name (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* The rectangle round every field of the project, in the map's pixels. */
static void
fields_rect (Fixture         *fixture,
             graphene_rect_t *rect)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (furrow_window_get_store (fixture->window));
  double west = G_MAXDOUBLE, south = G_MAXDOUBLE, east = -G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double x0, y0, x1, y1;

  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 40);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      double min_x, min_y, max_x, max_y;

      g_assert_true (furrow_geometry_get_bounds (furrow_field_get_geometry (field), &min_x, &min_y,
                                                 &max_x, &max_y));
      west = MIN (west, min_x);
      south = MIN (south, min_y);
      east = MAX (east, max_x);
      north = MAX (north, max_y);
    }
  shumate_viewport_location_to_widget_coords (viewport (fixture), map_widget (fixture), north, west,
                                              &x0, &y0);
  shumate_viewport_location_to_widget_coords (viewport (fixture), map_widget (fixture), south, east,
                                              &x1, &y1);
  graphene_rect_init (rect, x0, y0, x1 - x0, y1 - y0);
}

/* All the fields inside the map and under none of what lies over it; and not lost in it: the
 * fields span at least a third of the map's width or height (the fit zooms in quarter levels,
 * so they fill at least 84 % of the clear width or height). */
static void
assert_fields_fitted (Fixture    *fixture,
                      const char *when)
{
  MapArea area;
  graphene_rect_t rect;

  map_area (fixture, &area);
  fields_rect (fixture, &rect);
  g_test_message ("%s: map %.0f × %.0f, fields at %.1f,%.1f %.1f × %.1f, zoom %.2f", when,
                  area.map.size.width, area.map.size.height, rect.origin.x, rect.origin.y,
                  rect.size.width, rect.size.height,
                  shumate_viewport_get_zoom_level (viewport (fixture)));
  g_assert_true (graphene_rect_contains_rect (&area.map, &rect));
  for (guint i = 0; i < area.n_covers; i++)
    if (graphene_rect_intersection (&area.covers[i], &rect, NULL))
      g_error ("%s: the fields (%.1f,%.1f %.1f × %.1f) lie under cover %u (%.1f,%.1f %.1f × %.1f)",
               when, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height, i,
               area.covers[i].origin.x, area.covers[i].origin.y, area.covers[i].size.width,
               area.covers[i].size.height);
  g_assert_true (rect.size.width > area.map.size.width / 3 ||
                 rect.size.height > area.map.size.height / 3);
}


/* In the window as drawn (the map inside the window's panes, at the fitted zoom, often between
 * levels), the plain grey below the fields and right of them is plain grey all along: no seam
 * where base-map tiles meet. */
static void
check_plain_band (Fixture    *fixture,
                  GdkTexture *texture)
{
  g_autofree guint32 *pixels = texture_pixels (texture);
  int stride = gdk_texture_get_width (texture);
  graphene_point_t origin;
  graphene_rect_t rect;
  MapArea area;
  int row, column;
  guint checked = 0;

  g_assert_true (gtk_widget_compute_point (map_widget (fixture), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  map_area (fixture, &area);
  fields_rect (fixture, &rect);
  row = (int) ((rect.origin.y + rect.size.height + area.map.size.height) / 2);
  column = (int) ((rect.origin.x + rect.size.width + area.map.size.width) / 2);
  /* 16 px in from the map's edges, where the panes' separators, the header bar's shadow and the
   * folded planner's edge draw. */
  for (int x = 16; x < area.map.size.width - 16; x++)
    {
      guint32 pixel = pixels[(int) (origin.y + row) * stride + (int) origin.x + x];
      gboolean covered = FALSE;

      for (guint i = 0; i < area.n_covers; i++)
        covered |= graphene_rect_contains_point (&area.covers[i], &GRAPHENE_POINT_INIT (x, row));
      if (covered)
        continue;
      checked++;
      if (channel_distance (pixel, PLAIN_RGB) > 4)
        g_error ("seam in the window at map pixel %d,%d: %06x, not plain grey", x, row, pixel);
    }
  for (int y = 16; y < area.map.size.height - 16; y++)
    {
      guint32 pixel = pixels[(int) (origin.y + y) * stride + (int) origin.x + column];
      gboolean covered = FALSE;

      for (guint i = 0; i < area.n_covers; i++)
        covered |= graphene_rect_contains_point (&area.covers[i], &GRAPHENE_POINT_INIT (column, y));
      if (covered)
        continue;
      checked++;
      if (channel_distance (pixel, PLAIN_RGB) > 4)
        g_error ("seam in the window at map pixel %d,%d: %06x, not plain grey", column, y, pixel);
    }
  g_assert_cmpuint (checked, >, 500);
}

/* A window started on a project (as furrow_application_activate() does: the project opened
 * before the window is shown) at @width × @height: the first frame already shows every field,
 * clear of the sidebar, the legend, the buttons and the scale, and the view does not move
 * afterwards. */
static void
check_first_view (int width,
                  int height)
{
  Fixture fixture = { 0 };
  g_autofree char *name = g_strdup_printf ("map-first-view-%dx%d.png", width, height);
  g_autoptr(GdkTexture) texture = NULL;
  double lat, lon, zoom;

  furrow_test_app_set_up (&fixture.base);
  set_up_base_map (&fixture);
  fixture.window = furrow_window_new (fixture.base.app);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), width, height);
  furrow_test_open_demo_project (fixture.window, fixture.base.tmpdir, "demo.gpkg");
  gtk_window_present (GTK_WINDOW (fixture.window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture.window));

  assert_fields_fitted (&fixture, "first frame");
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport (&fixture)));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport (&fixture)));
  zoom = shumate_viewport_get_zoom_level (viewport (&fixture));

  furrow_test_iterate (1000);
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport (&fixture))), ==, lat);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport (&fixture))), ==, lon);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport (&fixture)), ==, zoom);
  texture = furrow_test_render_painted (GTK_WIDGET (fixture.window), 10);
  furrow_test_save_screenshot (texture, name);
  check_plain_band (&fixture, texture);

  /* The details pane opening beside the map (340 px of it): the fields fitted again into the
   * narrower map (on the old tree the view kept its centre and zoom, and at 1024 px the map of
   * 270 px cut the fields at both edges; at 1920 px the west ones, issue 13). */
  gtk_revealer_set_reveal_child (fixture.window->details_revealer, TRUE);
  furrow_test_iterate (500);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture.window));
  assert_fields_fitted (&fixture, "details open");
  /* A view the user moved stays where it is when the pane closes. */
  shumate_viewport_set_zoom_level (viewport (&fixture), 17);
  zoom = shumate_viewport_get_zoom_level (viewport (&fixture));
  gtk_revealer_set_reveal_child (fixture.window->details_revealer, FALSE);
  furrow_test_iterate (500);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture.window));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport (&fixture)), ==, zoom);
  furrow_test_app_tear_down (&fixture.base);
}

static void
test_first_view_small (void)
{
  check_first_view (1024, 700);
}
FURROW_TEST ("/furrow/gui/map-view/first-view-1024x700", test_first_view_small);

static void
test_first_view_large (void)
{
  check_first_view (1920, 1080);
}
FURROW_TEST ("/furrow/gui/map-view/first-view-1920x1080", test_first_view_large);

/* Ctrl+0 is Show All Fields, in the main menu and under the zoom buttons, and brings all the
 * fields back into view from a close-up elsewhere. */
static void
test_show_all_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->base.app);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, "<Control>0");
  GtkWidget *button = furrow_test_find_first (map_widget (fixture), match_name, "show-all-fields");
  GMenuModel *menu = furrow_test_find_primary_menu (GTK_WIDGET (fixture->window));

  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-all-fields"));
  g_assert_true (furrow_test_menu_has_action (menu, "win.show-all-fields", NULL));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));

  /* Ctrl+0's action, from a close-up of the north-east corner. */
  shumate_viewport_set_zoom_level (viewport (fixture), 17);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), 36.49, 119.45);
  furrow_test_wait_for_frame (map_widget (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), actions[0], NULL));
  furrow_test_wait_for_frame (map_widget (fixture));
  assert_fields_fitted (fixture, "Ctrl+0");

  /* The button beside the zoom buttons does the same. */
  shumate_viewport_set_zoom_level (viewport (fixture), 16);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), 36.40, 119.35);
  g_signal_emit_by_name (button, "clicked");
  furrow_test_wait_for_frame (map_widget (fixture));
  assert_fields_fitted (fixture, "button");
}
FURROW_TEST_FIXTURE ("/furrow/gui/map-view/show-all-fields", Fixture, fixture_set_up,
                     test_show_all_fields, fixture_tear_down);

/* The scale is metric in a Chinese session (it showed feet beside metres), and in every locale
 * that does not measure in inches. */
static void
test_scale_unit (void)
{
  Fixture fixture = { 0 };
  g_autofree char *previous = g_strdup (setlocale (LC_MEASUREMENT, NULL));
  ShumateScale *scale;

  /* glibc's LC_MEASUREMENT: the US, Liberia and Myanmar measure in inches. */
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("zh_CN.UTF-8"), ==, SHUMATE_UNIT_METRIC);
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("zh_CN.utf8"), ==, SHUMATE_UNIT_METRIC);
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("C.UTF-8"), ==, SHUMATE_UNIT_METRIC);
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("en_GB.UTF-8"), ==, SHUMATE_UNIT_METRIC);
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("en_US.UTF-8"), ==, SHUMATE_UNIT_BOTH);
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("es_US"), ==, SHUMATE_UNIT_BOTH);
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("my_MM.UTF-8"), ==, SHUMATE_UNIT_BOTH);
  g_assert_cmpint (furrow_map_scale_unit_for_locale ("en_USX"), ==, SHUMATE_UNIT_METRIC);

  if (setlocale (LC_MEASUREMENT, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  furrow_test_app_set_up (&fixture.base);
  set_up_base_map (&fixture);
  present_window (&fixture, 1100, 720);
  scale = shumate_simple_map_get_scale (furrow_window_get_map (fixture.window));
  g_assert_cmpint (shumate_scale_get_unit (scale), ==, SHUMATE_UNIT_METRIC);
  furrow_test_save_widget_screenshot (GTK_WIDGET (scale), 10, "map-scale-zh_CN.png");
  furrow_test_app_tear_down (&fixture.base);
  setlocale (LC_MEASUREMENT, previous);
}
FURROW_TEST ("/furrow/gui/map-view/scale-unit", test_scale_unit);

/* In a narrow map the scale (bottom left) and the attribution (bottom right) do not overlap:
 * the scale moves up above the attribution. */
static void
test_attribution_beside_scale (void)
{
  Fixture fixture = { 0 };
  ShumateSimpleMap *map;
  GtkWidget *scale, *license;
  graphene_rect_t scale_rect, license_rect;
  g_autoptr(GdkTexture) texture = NULL;

  furrow_test_app_set_up (&fixture.base);
  /* The attribution of OpenStreetMap, the longest; no tile is needed. */
  fixture.window = furrow_window_new (fixture.base.app);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture.window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture.window));
  map = furrow_window_get_map (fixture.window);
  scale = GTK_WIDGET (shumate_simple_map_get_scale (map));
  license = GTK_WIDGET (shumate_simple_map_get_license (map));

  /* Maps of about 700 px (side by side), 500 px and 420 px (one above the other). */
  for (int width = 1100; width >= 820; width -= (width > 900 ? 200 : 80))
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture.window), width, 600);
      furrow_test_wait_for_frame (GTK_WIDGET (fixture.window));
      g_assert_true (gtk_widget_compute_bounds (scale, GTK_WIDGET (map), &scale_rect));
      g_assert_true (gtk_widget_compute_bounds (license, GTK_WIDGET (map), &license_rect));
      g_test_message ("map %d px: scale %.0f,%.0f %.0f × %.0f, attribution %.0f,%.0f %.0f × %.0f",
                      gtk_widget_get_width (GTK_WIDGET (map)), scale_rect.origin.x,
                      scale_rect.origin.y, scale_rect.size.width, scale_rect.size.height,
                      license_rect.origin.x, license_rect.origin.y, license_rect.size.width,
                      license_rect.size.height);
      g_assert_cmpfloat (license_rect.size.width, >, 100);
      g_assert_false (graphene_rect_intersection (&scale_rect, &license_rect, NULL));
      /* Both inside the map. */
      g_assert_cmpfloat (scale_rect.origin.y + scale_rect.size.height, <=,
                         gtk_widget_get_height (GTK_WIDGET (map)));
      g_assert_cmpfloat (license_rect.origin.x, >=, 0);
    }
  texture = furrow_test_render_painted (GTK_WIDGET (map), 10);
  furrow_test_save_screenshot (texture, "map-narrow-scale-attribution.png");
  furrow_test_app_tear_down (&fixture.base);
}
FURROW_TEST ("/furrow/gui/map-view/attribution-beside-scale", test_attribution_beside_scale);

/* The default OpenStreetMap base map, its server out of reach (.invalid never resolves: no
 * network needed), brings the same notice as Tianditu and XYZ addresses, pointing to an offline
 * map file; an offline file brings none. */
static void
test_osm_offline_notice (void)
{
  Fixture fixture = { 0 };
  ShumateSimpleMap *map;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  furrow_test_app_set_up (&fixture.base);
  furrow_window_set_osm_address ("https://tile.furrow.invalid/{z}/{x}/{y}.png");
  g_assert_cmpstr (g_settings_get_string (fixture.base.settings, "base-map"), ==, "osm");
  present_window (&fixture, 1100, 720);
  map = furrow_window_get_map (fixture.window);
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  while (furrow_window_get_n_offline_notices (fixture.window) == 0 &&
         g_get_monotonic_time () < deadline)
    furrow_test_iterate (100);
  g_assert_cmpuint (furrow_window_get_n_offline_notices (fixture.window), ==, 1);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture.window),
                                            "The map server tile.furrow.invalid cannot be reached"));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture.window), "Offline Map…"));
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture.window), 10, "map-osm-offline.png");

  /* An offline file needs no server: no second notice. */
  set_up_base_map (&fixture);
  furrow_test_iterate (500);
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   "furrow-mbtiles");
  g_assert_cmpuint (furrow_window_get_n_offline_notices (fixture.window), ==, 1);
  furrow_test_app_tear_down (&fixture.base);
}
FURROW_TEST ("/furrow/gui/map-view/osm-offline-notice", test_osm_offline_notice);

FURROW_TEST_GUI_MAIN ();
