/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <shumate/shumate.h>

#include "furrow-application.h"
#include "furrow-demo.h"
#include "furrow-edit-record.h"
#include "furrow-window.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"
#include "furrow-test-store.h"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 0, 0, NULL, 0);
}

static GSettings *
settings (Fixture *fixture)
{
  return fixture->base.settings;
}

static void
test_opens (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  ShumateSimpleMap *map = furrow_window_get_map (fixture->window);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (map);
  ShumateScale *scale = shumate_simple_map_get_scale (map);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *title_widget;

  g_assert_true (gtk_widget_get_mapped (window));

  /* The map is in the content, right of the sidebar, and fills the rest below the header bar. */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (map), content));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));
  /* The sidebar following the window (sidebar-width 0: three tenths of it, 400 px at least)
   * and the 1-px line. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (map)), >=,
                   gtk_widget_get_width (content) -
                     MAX (400, gtk_widget_get_width (window) * 3 / 10) - 1);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (map)), >=,
                   gtk_widget_get_height (content) - 60);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (map)), >, 400);

  /* OpenStreetMap by default, centred on 36.45 N 119.40 E at zoom 14. */
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  36.45, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  119.40, 1e-9);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 14.0);

  /* Scale and zoom buttons are on screen. */
  g_assert_true (shumate_simple_map_get_show_zoom_buttons (map));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (scale)));
  g_assert_nonnull (shumate_simple_map_get_compass (map));

  /* The header bar says "Furrow" and, with no project, nothing under it. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Furrow");
  title_widget = furrow_test_find_widget (content, ADW_TYPE_WINDOW_TITLE);
  g_assert_true (ADW_IS_WINDOW_TITLE (title_widget));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title_widget)), ==, "Furrow");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title_widget)), ==, "");
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/opens", Fixture, fixture_set_up, test_opens,
                     furrow_test_window_tear_down);

static void
collect_menu_actions (GMenuModel *menu,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      char *action = NULL;

      if (section != NULL)
        collect_menu_actions (section, actions);
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
    }
}

static gboolean
accels_contain (GtkApplication *app,
                const char     *action,
                const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  return g_strv_contains ((const char * const *) accels, accel);
}

static void
wait_for_zoom (ShumateViewport *viewport,
               double           zoom)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (shumate_viewport_get_zoom_level (viewport) != zoom && g_get_monotonic_time () < deadline)
    furrow_test_iterate (20);
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->base.app);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (furrow_window_get_map (fixture->window));
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) icon_node = NULL;
  GtkIconTheme *theme;
  GdkTexture *icon_texture;
  gboolean green = FALSE;
  GMenuModel *menu;
  GtkWindow *about;
  GtkWindow *preferences;

  /* Application actions, and the window's (GtkApplicationWindow adds show-help-overlay only
   * when gtk/help-overlay.ui is in the resources). */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  g_assert_true (accels_contain (app, "app.preferences", "<Control>comma"));
  g_assert_true (accels_contain (app, "app.quit", "<Control>q"));
  g_assert_true (accels_contain (app, "win.close", "<Control>w"));
  g_assert_true (accels_contain (app, "win.show-help-overlay", "<Control>question"));

  g_assert_true (accels_contain (app, "win.search", "<Control>f"));
  g_assert_true (accels_contain (app, "win.undo", "<Control>z"));
  g_assert_true (accels_contain (app, "win.redo", "<Shift><Control>z"));
  g_assert_true (accels_contain (app, "win.new-project", "<Control>n"));
  g_assert_true (accels_contain (app, "win.open-project", "<Control>o"));
  g_assert_true (accels_contain (app, "win.show-all-fields", "<Control>0"));

  /* The primary menu offers undo and redo (disabled: nothing done yet), the county view and the
   * three entries. */
  menu = furrow_test_find_primary_menu (window);
  g_assert_nonnull (menu);
  collect_menu_actions (menu, actions);
  g_assert_cmpuint (actions->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (actions, 0), ==, "win.undo");
  g_assert_cmpstr (g_ptr_array_index (actions, 1), ==, "win.redo");
  /* Show All Fields, beside Colour Fields By (a submenu of a GSettings action, not counted). */
  g_assert_cmpstr (g_ptr_array_index (actions, 2), ==, "win.show-all-fields");
  /* The county view, hidden while its action is disabled: for a project on a server only
   * (test-window-roles.c). */
  g_assert_cmpstr (g_ptr_array_index (actions, 3), ==, "win.county-view");
  g_assert_true (accels_contain (app, "win.county-view", "<Shift><Control>k"));
  g_assert_cmpstr (g_ptr_array_index (actions, 4), ==, "app.preferences");
  g_assert_cmpstr (g_ptr_array_index (actions, 5), ==, "win.show-help-overlay");
  g_assert_cmpstr (g_ptr_array_index (actions, 6), ==, "app.about");

  /* The application icon is found from the build tree too (FURROW_ICONDIR, as `make run`) and
   * GTK can load it (it sniffs the SVG type from the file's first 256 bytes). */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (window));
  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APPLICATION_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (GDK_PAINTABLE (icon), GDK_SNAPSHOT (snapshot), 128, 128);
  icon_node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (icon_node);
  g_assert_cmpint (gsk_render_node_get_node_type (icon_node), ==, GSK_TEXTURE_NODE);
  icon_texture = gsk_texture_node_get_texture (icon_node);
  g_assert_cmpint (gdk_texture_get_width (icon_texture), ==, 128);
  /* It shows green strips of a field, not the grey "missing image". */
  for (int y = 0; y < 128 && !green; y += 4)
    for (int x = 0; x < 128 && !green; x += 4)
      {
        guint32 rgb = furrow_test_texture_rgb (icon_texture, x, y);

        green = ((rgb >> 8) & 0xff) > ((rgb >> 16) & 0xff) + 40 && ((rgb >> 8) & 0xff) > (rgb & 0xff) + 40;
      }
  g_assert_true (green);

  /* About: an AdwAboutWindow with the version and the licence. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = furrow_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                   APPLICATION_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Furrow");
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==,
                   "The Furrow developers");
  /* The same addresses as the AppStream metainfo. */
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==,
                   "https://github.com/furrow/furrow");
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);

  /* Preferences, over the main window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = furrow_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  gtk_window_destroy (preferences);

  /* Keyboard shortcuts. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_nonnull (furrow_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  /* The window's own actions (the map animates the zoom). */
  g_assert_true (gtk_widget_activate_action (window, "win.zoom-in", NULL));
  wait_for_zoom (viewport, 15.0);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 15.0);
  g_assert_true (gtk_widget_activate_action (window, "win.zoom-out", NULL));
  wait_for_zoom (viewport, 14.0);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 14.0);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/actions", Fixture, fixture_set_up, test_actions,
                     furrow_test_window_tear_down);

static void
test_saves_view (Fixture       *fixture,
                 gconstpointer  data)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (furrow_window_get_map (fixture->window));
  FurrowWindow *second;
  int width = 0;
  int height = 0;

  shumate_location_set_location (SHUMATE_LOCATION (viewport), 36.51, 119.33);
  shumate_viewport_set_zoom_level (viewport, 12);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 600);

  /* Ctrl+W closes the window; closing saves the view and the size. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close", NULL));
  furrow_test_iterate (50);
  g_assert_null (furrow_test_find_toplevel (FURROW_TYPE_WINDOW));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (fixture), "map-latitude"),
                                  36.51, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (fixture), "map-longitude"),
                                  119.33, 1e-9);
  g_assert_cmpfloat (g_settings_get_double (settings (fixture), "map-zoom"), ==, 12.0);
  g_assert_cmpint (g_settings_get_int (settings (fixture), "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings (fixture), "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings (fixture), "window-maximized"));

  /* The next window opens where the last one was left. */
  second = furrow_window_new (fixture->base.app);
  viewport = shumate_simple_map_get_viewport (furrow_window_get_map (second));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  36.51, 1e-9);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  119.33, 1e-9);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 12.0);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  gtk_window_destroy (GTK_WINDOW (second));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/saves-view", Fixture, fixture_set_up, test_saves_view,
                     furrow_test_window_tear_down);

static void
test_quit (Fixture       *fixture,
           gconstpointer  data)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (furrow_window_get_map (fixture->window));

  shumate_viewport_set_zoom_level (viewport, 16);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->base.app), "quit", NULL);
  furrow_test_iterate (50);
  g_assert_null (furrow_test_find_toplevel (FURROW_TYPE_WINDOW));
  g_assert_cmpfloat (g_settings_get_double (settings (fixture), "map-zoom"), ==, 16.0);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/quit", Fixture, fixture_set_up, test_quit,
                     furrow_test_window_tear_down);

static gboolean
map_shows_grid (GtkWidget *map,
                gboolean   save)
{
  g_autoptr(GdkTexture) texture = furrow_test_render_widget (map);
  int cx;
  int cy;
  guint32 centre;

  if (texture == NULL)
    return FALSE;
  cx = gdk_texture_get_width (texture) / 2;
  cy = gdk_texture_get_height (texture) / 2;
  centre = furrow_test_texture_rgb (texture, cx, cy);
  if (save)
    furrow_test_save_screenshot (texture, "furrow-map-mbtiles.png");
  if (!furrow_test_rgb_close (centre, FURROW_TEST_RGB_CENTRE))
    return FALSE;

  /* One tile east (x + 1) and one tile south (y + 1) are odd tiles, one tile south-east is even.
   * With rows in the wrong order the file would have no tile for these places at all. */
  return furrow_test_rgb_close (furrow_test_texture_rgb (texture, cx + 256, cy),
                                FURROW_TEST_RGB_ODD) &&
         furrow_test_rgb_close (furrow_test_texture_rgb (texture, cx, cy + 256),
                                FURROW_TEST_RGB_ODD) &&
         furrow_test_rgb_close (furrow_test_texture_rgb (texture, cx + 256, cy + 256),
                                FURROW_TEST_RGB_EVEN);
}

static void
test_mbtiles_base_map (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "grid.mbtiles", NULL);
  ShumateSimpleMap *map = furrow_window_get_map (fixture->window);
  gint64 deadline;
  gboolean shown = FALSE;

  furrow_test_write_tile_grid (path, 4, 3);

  g_settings_set_string (settings (fixture), "mbtiles-path", path);
  g_settings_set_string (settings (fixture), "base-map", "mbtiles");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   "furrow-mbtiles");
  g_assert_cmpstr (shumate_map_source_get_name (shumate_simple_map_get_map_source (map)), ==,
                   "Furrow test grid");

  /* Tiles arrive from a thread: poll what the map paints for up to 20 s. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!shown && g_get_monotonic_time () < deadline)
    {
      furrow_test_iterate (100);
      shown = map_shows_grid (GTK_WIDGET (map), FALSE);
    }
  map_shows_grid (GTK_WIDGET (map), TRUE);
  g_assert_true (shown);

  /* Back to OpenStreetMap through the same setting. */
  g_settings_set_string (settings (fixture), "base-map", "osm");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   SHUMATE_MAP_SOURCE_OSM_MAPNIK);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/mbtiles-base-map", Fixture, fixture_set_up,
                     test_mbtiles_base_map, furrow_test_window_tear_down);

/* The README's screenshot: a project open over an offline base map of farmland (made up, drawn
 * by the test). Written to $FURROW_SCREENSHOT_DIR/furrow-main.png; a copy is committed as
 * data/screenshots/furrow-main.png. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "farmland.mbtiles", NULL);
  ShumateSimpleMap *map = furrow_window_get_map (fixture->window);
  g_autoptr(GdkTexture) texture = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean shown = FALSE;
  int width;
  int height;

  /* The README's screenshot at a laptop's usual window size. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 760);
  furrow_test_iterate (300);
  furrow_test_write_landscape (path, 4, 3);
  furrow_test_open_demo_project (fixture->window, fixture->base.tmpdir, "dongpo-coop.gpkg");
  /* The made-up farmland is drawn around the default centre only. */
  shumate_location_set_location (SHUMATE_LOCATION (shumate_simple_map_get_viewport (map)),
                                 36.45, 119.40);
  shumate_viewport_set_zoom_level (shumate_simple_map_get_viewport (map), 14);
  g_settings_set_string (settings (fixture), "mbtiles-path", path);
  g_settings_set_string (settings (fixture), "base-map", "mbtiles");

  /* The map centre lies in a plain soybean field: wait until it is painted, and the corners
   * (tiles ±3, ±2 away) too. */
  while (!shown && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GdkTexture) map_texture = NULL;

      furrow_test_iterate (100);
      map_texture = furrow_test_render_widget (GTK_WIDGET (map));
      if (map_texture == NULL)
        continue;
      width = gdk_texture_get_width (map_texture);
      height = gdk_texture_get_height (map_texture);
      shown = furrow_test_rgb_close (furrow_test_texture_rgb (map_texture, width / 2, height / 2),
                                     FURROW_TEST_RGB_SOY);
      for (int corner = 0; corner < 4 && shown; corner++)
        {
          guint32 rgb = furrow_test_texture_rgb (map_texture,
                                                 corner % 2 ? width - 30 : 30,
                                                 corner / 2 ? height - 60 : 30);
          /* The empty map is light grey: a painted tile is darker in green. */
          shown = ((rgb >> 8) & 0xff) < 0xf0;
        }
    }
  g_assert_true (shown);

  /* A field selected: its row in the list and its figures in the details pane. */
  {
    g_autoptr(GListModel) fields = furrow_store_get_fields (furrow_window_get_store (fixture->window));
    g_autoptr(FurrowField) field = g_list_model_get_item (fields, 4);

    furrow_window_select_field (fixture->window, field);
    furrow_test_iterate (400);
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window),
                                              furrow_field_get_name (field)));
  }

  /* The window may draw nothing for a moment while the details pane opens. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((texture = furrow_test_render_widget (GTK_WIDGET (fixture->window))) == NULL &&
         g_get_monotonic_time () < deadline)
    furrow_test_iterate (100);
  g_assert_nonnull (texture);
  furrow_test_save_screenshot (texture, "furrow-main.png");
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), "dongpo-coop.gpkg"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/screenshot", Fixture, fixture_set_up, test_screenshot,
                     furrow_test_window_tear_down);

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Opening a project: the subtitle names it, the map shows its fields, project-path notifies
 * once; a file that is not a project is refused with a toast and changes nothing. */
static void
test_open_project (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "王庄村.gpkg", NULL);
  g_autofree char *bad = g_build_filename (fixture->base.tmpdir, "notes.gpkg", NULL);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (furrow_window_get_map (fixture->window));
  g_autoptr(FurrowStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  double west = 180, south = 90, east = -180, north = -90;
  double latitude;
  double longitude;
  GListModel *fields;
  guint notified = 0;

  demo = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  fields = furrow_store_get_fields (demo);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, FURROW_DEMO_N_FIELDS);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      double min_x, min_y, max_x, max_y;

      g_assert_true (furrow_geometry_get_bounds (furrow_field_get_geometry (field),
                                                 &min_x, &min_y, &max_x, &max_y));
      west = MIN (west, min_x);
      south = MIN (south, min_y);
      east = MAX (east, max_x);
      north = MAX (north, max_y);
    }
  g_clear_object (&demo);

  g_signal_connect (fixture->window, "notify::project-path", G_CALLBACK (count_notify_cb),
                    &notified);
  g_assert_true (furrow_window_open_project (fixture->window, path, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_window_open_project (fixture->window, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (furrow_window_get_project_path (fixture->window), ==, path);
  g_assert_nonnull (furrow_window_get_store (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (
                      furrow_store_get_fields (furrow_window_get_store (fixture->window))),
                    ==, FURROW_DEMO_N_FIELDS);
  furrow_test_iterate (50);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), "王庄村.gpkg"));

  /* The map shows all the fields, close enough to see them (a village is a few km: zoom
   * 12–17); the fields' middle sits in the middle of the part the legend and the buttons leave
   * free, so a little off the map's centre (tests/gui/test-map-view.c checks the covers). */
  {
    GtkWidget *map = GTK_WIDGET (furrow_window_get_map (fixture->window));
    double x0, y0, x1, y1;

    shumate_viewport_location_to_widget_coords (viewport, map, north, west, &x0, &y0);
    shumate_viewport_location_to_widget_coords (viewport, map, south, east, &x1, &y1);
    g_assert_cmpfloat (x0, >=, 0);
    g_assert_cmpfloat (y0, >=, 0);
    g_assert_cmpfloat (x1, <=, gtk_widget_get_width (map));
    g_assert_cmpfloat (y1, <=, gtk_widget_get_height (map));
  }
  latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  g_assert_cmpfloat (latitude, >, south);
  g_assert_cmpfloat (latitude, <, north);
  g_assert_cmpfloat (longitude, >, west);
  g_assert_cmpfloat (longitude, <, east);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, 12);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), <=, 17);

  /* Not a project. */
  g_assert_true (g_file_set_contents (bad, "not a project", -1, NULL));
  g_assert_false (furrow_window_open_project (fixture->window, bad, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (furrow_window_get_project_path (fixture->window), ==, path);
  furrow_test_iterate (50);
  toast = g_strdup_printf ("Cannot open the project: %s", error->message);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), toast));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/open-project", Fixture, fixture_set_up, test_open_project,
                     furrow_test_window_tear_down);

/* A damaged project (4 KiB of random bytes, GRand seeded 12, over the middle of a demo; the
 * same damage as tests/cli/test-cli-safety.c) is refused with a dialog that names the file and
 * what to do; the window keeps no store of it and the file is not written. */
static void
test_open_damaged (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "damaged.gpkg", NULL);
  g_autoptr(FurrowStore) demo = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize length, after_length;
  GtkWindow *dialog = NULL;

  demo = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i < 4096; i++)
    contents[length / 2 + i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  g_assert_false (furrow_window_open_project (fixture->window, path, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (furrow_window_get_store (fixture->window));
  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      furrow_test_iterate (20);
      dialog = furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Project Is Damaged");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   error->message);
  g_assert_nonnull (strstr (error->message, "restore it from a backup or a restore point"));
  gtk_window_destroy (dialog);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (contents, length, after, after_length);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/open-damaged", Fixture, fixture_set_up, test_open_damaged,
                     furrow_test_window_tear_down);

static void
test_invalid_mbtiles (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "notes & <maps>.mbtiles", NULL);
  ShumateSimpleMap *map = furrow_window_get_map (fixture->window);

  g_assert_true (g_file_set_contents (path, "not a map", -1, NULL));
  g_settings_set_string (settings (fixture), "mbtiles-path", path);
  g_settings_set_string (settings (fixture), "base-map", "mbtiles");

  /* The window keeps a base map the user can see and says why in a toast. */
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  furrow_test_iterate (100);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window),
                                            "Cannot show the offline map: notes & <maps>.mbtiles "
                                            "is not an MBTiles file: file is not a database"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/invalid-mbtiles", Fixture, fixture_set_up,
                     test_invalid_mbtiles, furrow_test_window_tear_down);

/* Two users on one project (docs/architecture.md, Several users at once): another connection
 * changes a parcel's registered area to 3,333 m² after the window read it; the window's edit to
 * 4,444 m² is refused, a dialog names the parcel and who changed it, the parcel shows 3,333 m²
 * and nothing is recorded for Undo. The same edit again is written, and Undo puts back 3,333 m²
 * — the other user's value, not the one the window first read. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "shared.gpkg", NULL);
  g_autoptr(FurrowStore) demo = NULL;
  g_autoptr(FurrowStore) other = NULL;
  g_autoptr(FurrowParcel) copy = NULL;
  g_autoptr(FurrowParcel) stored = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *who = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  FurrowHistory *history = furrow_window_get_history (fixture->window);
  FurrowStore *store;
  GtkWindow *dialog = NULL;
  const char *code;

  demo = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  g_assert_true (furrow_window_open_project (fixture->window, path, &error));
  g_assert_no_error (error);
  store = furrow_window_get_store (fixture->window);
  parcels = furrow_store_get_parcels (store);
  parcel = g_list_model_get_item (parcels, 0);
  code = furrow_parcel_get_code (parcel);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), !=, 3333.0);

  other = furrow_store_open (path, &error);
  g_assert_no_error (error);
  copy = furrow_store_find_parcel (other, code);
  furrow_parcel_set_registered_area_m2 (copy, 3333.0);
  g_assert_true (furrow_store_update_parcel (other, copy, &error));
  g_assert_no_error (error);

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 4444.0);
  g_assert_false (furrow_history_push (history,
                                       furrow_edit_record_new_set (store, G_OBJECT (parcel),
                                                                   "registered-area-m2", &value,
                                                                   "Change Registered Area"),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  who = furrow_test_store_changed_by (path, g_get_user_name (),
                                      "SELECT max (changed_at) FROM parcels");
  expected = g_strdup_printf ("parcel %s was changed by %s after you opened it: your change was "
                              "not saved, and their values are shown now", code, who);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, 3333.0);
  g_assert_false (furrow_history_get_can_undo (history));
  /* Presented by the store's conflict signal; 30 s at most for it to be listed. */
  for (guint i = 0; i < 1500 && dialog == NULL; i++)
    {
      furrow_test_iterate (20);
      dialog = furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Changed by Another User");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, expected);
  gtk_window_destroy (dialog);
  g_clear_error (&error);

  /* Asked again on what it now shows, the edit is written; Undo goes back to 3,333 m². */
  g_assert_true (furrow_history_push (history,
                                      furrow_edit_record_new_set (store, G_OBJECT (parcel),
                                                                  "registered-area-m2", &value,
                                                                  "Change Registered Area"),
                                      &error));
  g_assert_no_error (error);
  stored = furrow_store_find_parcel (other, code);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (stored), ==, 4444.0);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = furrow_store_find_parcel (other, code);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (stored), ==, 3333.0);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (parcel), ==, 3333.0);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window/conflict", Fixture, fixture_set_up, test_conflict,
                     furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
