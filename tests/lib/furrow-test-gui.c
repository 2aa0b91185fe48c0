/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-gui.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>

#include "furrow-demo.h"
#include "furrow-season-view-testing.h"
#include "furrow-store-season.h"
#include "furrow-test-mbtiles.h"
#include "furrow-test-store.h"
#include "furrow-window-testing.h"

void
furrow_test_gui_init (int    *argc,
                      char ***argv)
{
  g_autofree char *home = furrow_test_make_tmpdir ();
  const char *dirs[] = { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };

  /* libshumate caches online tiles under XDG_CACHE_HOME: keep every run to itself. */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

int
furrow_test_gui_main (int                    argc,
                      char                 **argv,
                      const FurrowTestHooks *hooks)
{
  int status;

  furrow_test_gui_init (&argc, &argv);
  if (hooks != NULL && hooks->set_up != NULL)
    hooks->set_up ();
  furrow_test_add_registered ();
  status = g_test_run ();
  if (hooks != NULL && hooks->tear_down != NULL)
    hooks->tear_down ();
  return status;
}

char *
furrow_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("furrow-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
furrow_test_remove_tmpdir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  /* A case skipped before its set-up made the folder (test-window-layout on a small screen). */
  if (dir == NULL)
    return;
  handle = g_dir_open (dir, 0, NULL);

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        furrow_test_remove_tmpdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* GSETTINGS_BACKEND=memory keeps values for the whole process: start every test from defaults. */
void
furrow_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  g_settings_sync ();
}

FurrowApplication *
furrow_test_application_new (void)
{
  g_autoptr(FurrowApplication) app = furrow_application_new ();
  g_autoptr(GError) error = NULL;

  /* No session bus in the test: never try to hand over to another instance. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&app);
}

void
furrow_test_app_set_up (FurrowTestApp *test_app)
{
  furrow_test_reset_settings ();
  /* The window checks that OpenStreetMap's server can be found: "localhost" is found without
   * a network, so no test sees an offline notice unless it asks for one. */
  furrow_window_set_osm_address (FURROW_TEST_OSM_ADDRESS);
  test_app->tmpdir = furrow_test_make_tmpdir ();
  test_app->app = furrow_test_application_new ();
  test_app->settings = furrow_application_get_settings (test_app->app);
}

/* Destroys every window, then the application and the temporary folder. */
void
furrow_test_app_tear_down (FurrowTestApp *test_app)
{
  furrow_test_destroy_windows ();
  test_app->settings = NULL;
  g_clear_object (&test_app->app);
  furrow_test_remove_tmpdir (test_app->tmpdir);
  g_clear_pointer (&test_app->tmpdir, g_free);
}

void
furrow_test_window_set_up (FurrowTestWindow *fixture,
                           int               width,
                           int               height,
                           const char       *demo_name,
                           guint             settle_ms)
{
  furrow_test_app_set_up (&fixture->base);
  fixture->window = furrow_window_new (fixture->base.app);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  if (demo_name != NULL)
    furrow_test_open_demo_project (fixture->window, fixture->base.tmpdir, demo_name);
  if (settle_ms > 0)
    furrow_test_iterate (settle_ms);
}

void
furrow_test_window_tear_down (FurrowTestWindow *fixture,
                              gconstpointer     data)
{
  fixture->window = NULL;
  furrow_test_app_tear_down (&fixture->base);
}

/* Writes the demo cooperative to @dir/@name and opens it in @window. */
void
furrow_test_open_demo_project (FurrowWindow *window,
                               const char   *dir,
                               const char   *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(FurrowStore) demo = NULL;
  g_autoptr(GError) error = NULL;

  demo = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  g_assert_true (furrow_window_open_project (window, path, &error));
  g_assert_no_error (error);
}

void
furrow_test_destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  furrow_test_iterate (50);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Returns once @widget's surface has painted a frame after it was mapped. */
void
furrow_test_wait_for_frame (GtkWidget *widget)
{
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  GdkFrameClock *clock;
  gulong handler;
  guint timeout;

  timeout = g_timeout_add_seconds (60, timeout_cb, &timed_out);
  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_source_remove (timeout);
  g_assert_true (painted);
}

gboolean
furrow_test_wait_until (gboolean (*ready) (gpointer data),
                        gpointer   data,
                        guint      seconds)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);
  gboolean ok;

  while (!(ok = ready (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return ok;
}

void
furrow_test_iterate (guint milliseconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* Renders @widget as it would be on screen now, with the renderer of its window; NULL when it
 * draws nothing at the moment. */
GdkTexture *
furrow_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("%s drew nothing this time", G_OBJECT_TYPE_NAME (widget));
      return NULL;
    }
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* 0xRRGGBB of one pixel. */
guint32
furrow_test_texture_rgb (GdkTexture *texture,
                         int         x,
                         int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = NULL;
  const guchar *pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  /* gdk_texture_download() writes cairo ARGB32: B, G, R, A in memory on little-endian. */
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  pixel = data + y * width * 4 + x * 4;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  return (pixel[2] << 16) | (pixel[1] << 8) | pixel[0];
#else
  return (pixel[1] << 16) | (pixel[2] << 8) | pixel[3];
#endif
}

gboolean
furrow_test_rgb_close (guint32 a,
                       guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;
  return TRUE;
}

/* WIDGET rendered after one of ATTEMPTS frames, or NULL if it drew nothing in any. */
static GdkTexture *
render_after_frames (GtkWidget *widget,
                     guint      attempts)
{
  GdkTexture *texture = NULL;

  for (guint attempt = 0; texture == NULL && attempt < attempts; attempt++)
    {
      furrow_test_wait_for_frame (widget);
      texture = furrow_test_render_widget (widget);
    }
  return texture;
}

GdkTexture *
furrow_test_render_painted (GtkWidget *widget,
                            guint      attempts)
{
  GdkTexture *texture = render_after_frames (widget, attempts);

  g_assert_nonnull (texture);
  return texture;
}

void
furrow_test_save_widget_screenshot (GtkWidget  *widget,
                                    guint       attempts,
                                    const char *name)
{
  g_autoptr(GdkTexture) texture = render_after_frames (widget, attempts);

  if (texture != NULL)
    furrow_test_save_screenshot (texture, name);
}

void
furrow_test_save_screenshot (GdkTexture *texture,
                             const char *name)
{
  const char *dir = g_getenv ("FURROW_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @surface encoded as PNG. */
GBytes *
furrow_test_surface_to_png (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png),
                   ==, CAIRO_STATUS_SUCCESS);
  return g_byte_array_free_to_bytes (png);
}

gboolean
furrow_test_action_enabled (GtkBox     *box,
                            const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (probe), action);
  gtk_box_append (box, probe);
  furrow_test_iterate (50);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_box_remove (box, probe);
  return enabled;
}

/* The first toplevel window of @type, or NULL. */
GtkWindow *
furrow_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

GtkWidget *
furrow_test_find_first (GtkWidget             *widget,
                        FurrowTestWidgetMatch  match,
                        gconstpointer          data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = furrow_test_find_first (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)),
                    "open-menu-symbolic") == 0 &&
         gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL;
}

/* The menu of the header bar's open-menu button under @widget, or NULL. */
GMenuModel *
furrow_test_find_primary_menu (GtkWidget *widget)
{
  GtkWidget *button = furrow_test_find_first (widget, is_primary_menu_button, NULL);

  return button != NULL ? gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)) : NULL;
}

static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The first mapped GtkLabel under @widget showing exactly @text, or NULL. */
GtkWidget *
furrow_test_find_label (GtkWidget  *widget,
                        const char *text)
{
  return furrow_test_find_first (widget, is_label_showing, text);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
furrow_test_find_widget (GtkWidget *widget,
                         GType      type)
{
  return furrow_test_find_first (widget, is_of_type, GSIZE_TO_POINTER (type));
}

typedef struct
{
  GType       type;
  const char *title;
} RowQuery;

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  const RowQuery *query = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, query->type) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                    query->title) == 0;
}

GtkWidget *
furrow_test_find_row (GtkWidget  *widget,
                      GType       type,
                      const char *title)
{
  RowQuery query = { type, title };

  g_return_val_if_fail (g_type_is_a (type, ADW_TYPE_PREFERENCES_ROW), NULL);
  return furrow_test_find_first (widget, is_row_titled, &query);
}

GtkWidget *
furrow_test_show_season_page (FurrowWindow *window,
                              const char   *name,
                              GType         type,
                              guint         settle_ms)
{
  FurrowSeasonView *view = furrow_window_get_season_view (window);
  GtkWidget *page;

  furrow_season_view_show_page (view, name);
  furrow_test_iterate (settle_ms);
  g_assert_cmpstr (furrow_season_view_get_visible_page (view), ==, name);
  page = furrow_test_find_widget (GTK_WIDGET (view), type);
  g_assert_nonnull (page);
  return page;
}

/* A made-up stretch of farmland in global pixels at zoom 14, with the origin at the north-west
 * corner of the centre tile: fields in a grid of paths, many in maize–soybean strips, a river,
 * a road and a village. Only for the screenshot of the README; cell (0, 0), which holds the map
 * centre, is plain soybean (FURROW_TEST_RGB_SOY) so a test can tell when it is painted. */
#define CELL_W 130
#define CELL_H 110
#define PATH_W 6

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
draw_field (cairo_t *cr,
            int      i,
            int      j)
{
  guint32 h = ((guint32) i * 73856093u) ^ ((guint32) j * 19349663u);
  double x = i * (CELL_W + PATH_W);
  double y = j * (CELL_H + PATH_W);
  gboolean vertical;
  int kind;

  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  kind = (i == 0 && j == 0) ? 3 : (int) (h % 6);
  vertical = (h >> 8) & 1;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, CELL_W, CELL_H);
  cairo_clip (cr);

  switch (kind)
    {
    case 0:
    case 1:
    case 2:
      {
        /* Strip intercropping: 2 rows of maize, 4 of soybean, repeating. */
        double unit = kind == 2 ? 16 : 12;
        double maize = unit * 0.4;

        set_rgb (cr, FURROW_TEST_RGB_SOY);
        cairo_paint (cr);
        set_rgb (cr, 0x2f6b22);
        for (double t = 0; t < (vertical ? CELL_W : CELL_H); t += unit)
          {
            if (vertical)
              cairo_rectangle (cr, x + t, y, maize, CELL_H);
            else
              cairo_rectangle (cr, x, y + t, CELL_W, maize);
          }
        cairo_fill (cr);
        break;
      }

    case 3:
      set_rgb (cr, FURROW_TEST_RGB_SOY);
      cairo_paint (cr);
      break;

    case 4:
      set_rgb (cr, 0x3d7d29);
      cairo_paint (cr);
      break;

    case 5:
    default:
      set_rgb (cr, 0xd8c07a);
      cairo_paint (cr);
      break;
    }
  cairo_restore (cr);
}

static void
draw_landscape (cairo_t *cr,
                double   left,
                double   top)
{
  int i0 = (int) floor (left / (CELL_W + PATH_W)) - 1;
  int j0 = (int) floor (top / (CELL_H + PATH_W)) - 1;

  set_rgb (cr, 0xe3d5ad);
  cairo_paint (cr);

  for (int j = j0; j <= j0 + 4; j++)
    for (int i = i0; i <= i0 + 4; i++)
      draw_field (cr, i, j);

  /* The village, west of the centre. */
  set_rgb (cr, 0xd9d2c5);
  cairo_rectangle (cr, -478, -232, 292, 220);
  cairo_fill (cr);
  for (int k = 0; k < 48; k++)
    {
      double hx = -466 + (k % 8) * 35;
      double hy = -222 + (k / 8) * 34;

      set_rgb (cr, k % 3 == 0 ? 0x8c8f96 : 0xb4563a);
      cairo_rectangle (cr, hx, hy, 24, 18);
      cairo_fill (cr);
    }

  /* A river, and a county road bridging it. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_rgb (cr, 0x6fa8d6);
  cairo_set_line_width (cr, 22);
  cairo_move_to (cr, 420, -700);
  cairo_curve_to (cr, 300, -250, 560, -20, 420, 200);
  cairo_curve_to (cr, 300, 420, 380, 700, 330, 1000);
  cairo_stroke (cr);
  set_rgb (cr, 0x9e9b95);
  cairo_set_line_width (cr, 12);
  cairo_move_to (cr, -1300, 333);
  cairo_line_to (cr, 1500, 333);
  cairo_move_to (cr, -330, -12);
  cairo_line_to (cr, -330, 333);
  cairo_stroke (cr);
  set_rgb (cr, 0xf2efe8);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, -1300, 333);
  cairo_line_to (cr, 1500, 333);
  cairo_stroke (cr);
}

static void
draw_landscape_tile (cairo_t *cr,
                     int      x,
                     int      y)
{
  double left = (x - FURROW_TEST_CENTRE_X) * 256.0;
  double top = (y - FURROW_TEST_CENTRE_Y) * 256.0;

  cairo_translate (cr, -left, -top);
  draw_landscape (cr, left, top);
}

/* Draws tile @x, @y (zoom 14) on a 256 × 256 surface. */
typedef void (*DrawTileFunc) (cairo_t *cr,
                              int      x,
                              int      y);

/* Writes an MBTiles file with (2 half_width + 1) × (2 half_height + 1) PNG tiles at zoom 14
 * around the default centre, each drawn by @draw_tile. */
static void
write_tiles (const char   *path,
             const char   *name,
             const char   *attribution,
             int           half_width,
             int           half_height,
             DrawTileFunc  draw_tile)
{
  FurrowTestMbtiles *writer = furrow_test_mbtiles_new (path);

  furrow_test_mbtiles_set_meta (writer, "name", name);
  if (attribution != NULL)
    furrow_test_mbtiles_set_meta (writer, "attribution", attribution);
  furrow_test_mbtiles_set_meta (writer, "format", "png");
  furrow_test_mbtiles_set_meta (writer, "minzoom", "14");
  furrow_test_mbtiles_set_meta (writer, "maxzoom", "14");
  for (int dy = -half_height; dy <= half_height; dy++)
    for (int dx = -half_width; dx <= half_width; dx++)
      {
        int x = FURROW_TEST_CENTRE_X + dx;
        int y = FURROW_TEST_CENTRE_Y + dy;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
        cairo_t *cr = cairo_create (surface);
        g_autoptr(GBytes) png = NULL;

        draw_tile (cr, x, y);
        png = furrow_test_surface_to_png (surface);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);

        furrow_test_mbtiles_add_tile (writer, 14, x, y, g_bytes_get_data (png, NULL),
                                      g_bytes_get_size (png));
      }
  furrow_test_mbtiles_close (writer);
}

static void
draw_grid_tile (cairo_t *cr,
                int      x,
                int      y)
{
  g_autofree char *label = g_strdup_printf ("14/%d/%d", x, y);
  guint32 rgb;

  if (x == FURROW_TEST_CENTRE_X && y == FURROW_TEST_CENTRE_Y)
    rgb = FURROW_TEST_RGB_CENTRE;
  else
    rgb = (x + y) % 2 == 0 ? FURROW_TEST_RGB_EVEN : FURROW_TEST_RGB_ODD;

  set_rgb (cr, rgb);
  cairo_paint (cr);

  /* A thin dark frame and the tile's address in the north-west corner, away from the pixel
   * of the map centre (51, 90 inside the centre tile). */
  cairo_set_source_rgba (cr, 0.15, 0.2, 0.1, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 0.5, 0.5, 255, 255);
  cairo_stroke (cr);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 13);
  cairo_move_to (cr, 8, 20);
  cairo_show_text (cr, label);
}

/* A grid of solid tiles (see FURROW_TEST_RGB_*) around the default centre. */
void
furrow_test_write_tile_grid (const char *path,
                             int         half_width,
                             int         half_height)
{
  write_tiles (path, "Furrow test grid", NULL, half_width, half_height, draw_grid_tile);
}

/* The farmland of the README's screenshot around the default centre. */
void
furrow_test_write_landscape (const char *path,
                             int         half_width,
                             int         half_height)
{
  write_tiles (path, "Furrow sample farmland", "Sample farmland drawn by Furrow’s tests",
               half_width, half_height, draw_landscape_tile);
}

gboolean
furrow_test_menu_has_action (GMenuModel  *menu,
                             const char  *action,
                             char       **label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link;
      GMenuModel *child;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        {
          if (label != NULL)
            g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
          return TRUE;
        }
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_get_next (links, &link, &child))
        {
          gboolean found = furrow_test_menu_has_action (child, action, label);

          g_object_unref (child);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

char *
furrow_test_compile_zh_cn (void)
{
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autofree char *locale_dir = furrow_test_make_tmpdir ();
  g_autofree char *mo_dir = g_build_filename (locale_dir, "zh_CN", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (mo_dir, "furrow.mo", NULL);
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0755), ==, 0);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&locale_dir);
}

void
furrow_test_show_new_season (FurrowWindow *window,
                             const char   *name,
                             int           year,
                             guint         settle_ms)
{
  FurrowStore *store = furrow_window_get_store (window);
  g_autoptr(FurrowSeason) season = furrow_season_new (name, year);
  g_autoptr(FurrowSeason) shown = NULL;
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;

  g_assert_true (furrow_store_add_season (store, season, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  g_assert_true (furrow_store_begin (store, &error));
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      g_assert_true (furrow_store_set_plan (store, season, field, &pattern, "2+4", NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
  shown = furrow_test_store_find_season (store, name);
  g_assert_nonnull (shown);
  furrow_window_show_season (window, shown);
  furrow_test_iterate (settle_ms);
}
