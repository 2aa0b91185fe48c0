/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <shumate/shumate.h>

#include "furrow-application.h"
#include <glib/gi18n.h>

#include "furrow-field-map.h"
#include "furrow-geodesy.h"
#include "furrow-history-testing.h"
#include "furrow-pattern.h"
#include "furrow-register.h"
#include "furrow-season-plans.h"
#include "furrow-store-season.h"
#include "furrow-preferences-window.h"
#include "furrow-record-list-testing.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"
#include "furrow-field-editor-testing.h"
#include "furrow-field-map-testing.h"
#include "furrow-field-tile-source-testing.h"
#include "furrow-map-legend-testing.h"
#include "furrow-selection-layer-testing.h"

/* The field layers in the real window: the demo project over an offline MBTiles base map of
 * solid tiles (tests/furrow-test-gui.h), so every pixel's colour is known. */

typedef struct
{
  FurrowTestApp  base;
  FurrowWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *grid = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPreferencesWindow *preferences;

  furrow_test_app_set_up (&fixture->base);
  fixture->window = furrow_window_new (fixture->base.app);

  /* The base map chosen the user's way: an MBTiles file made now, set in Preferences. */
  grid = g_build_filename (fixture->base.tmpdir, "grid.mbtiles", NULL);
  furrow_test_write_tile_grid (grid, 6, 5);
  file = g_file_new_for_path (grid);
  preferences = furrow_preferences_window_new (fixture->base.settings);
  g_assert_true (furrow_preferences_window_set_mbtiles_file (preferences, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (preferences));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
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

static guint32
blend (guint32 rgb,
       double  alpha,
       guint32 over)
{
  guint32 out = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double c = ((rgb >> shift) & 0xff) * alpha + ((over >> shift) & 0xff) * (1 - alpha);

      out |= ((guint32) lround (c)) << shift;
    }
  return out;
}

/* Whether @pixel is @rgb (or nothing, rgb 0) over one of the grid's colours. */
static gboolean
is_over_grid (guint32 pixel,
              guint32 rgb)
{
  const guint32 grid[] = { FURROW_TEST_RGB_CENTRE, FURROW_TEST_RGB_EVEN, FURROW_TEST_RGB_ODD };

  for (guint i = 0; i < G_N_ELEMENTS (grid); i++)
    if (furrow_test_rgb_close (pixel, rgb != 0 ? blend (rgb, FURROW_FIELD_TILE_FILL_ALPHA, grid[i])
                                               : grid[i]))
      return TRUE;
  return FALSE;
}

static void
location_to_map (Fixture *fixture,
                 double   lon,
                 double   lat,
                 double  *x,
                 double  *y)
{
  shumate_viewport_location_to_widget_coords (viewport (fixture), map_widget (fixture), lat, lon, x, y);
}

/* Polls what the map paints until the pixel at (lon, lat) is @rgb over the grid (0: bare grid). */
static gboolean
wait_for_pixel (Fixture *fixture,
                double   lon,
                double   lat,
                guint32  rgb,
                const char *screenshot)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean shown = FALSE;
  g_autoptr(GdkTexture) texture = NULL;
  double x, y;

  while (!shown && g_get_monotonic_time () < deadline)
    {
      furrow_test_iterate (100);
      g_clear_object (&texture);
      texture = furrow_test_render_widget (map_widget (fixture));
      location_to_map (fixture, lon, lat, &x, &y);
      shown = texture != NULL && is_over_grid (furrow_test_texture_rgb (texture, x, y), rgb);
    }
  if (texture != NULL)
    {
      g_test_message ("%s: pixel %06x at %.0f,%.0f", screenshot,
                      furrow_test_texture_rgb (texture, x, y), x, y);
      furrow_test_save_screenshot (texture, screenshot);
    }
  return shown;
}

static FurrowField *
nth_field (Fixture *fixture,
           guint    i)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (furrow_window_get_store (fixture->window));

  return g_list_model_get_item (fields, i);
}

static void
inner_point (FurrowField *field,
             double      *lon,
             double      *lat)
{
  const FurrowRing *ring = &furrow_field_get_geometry (field)->polygons[0].rings[0];
  double sx = 0, sy = 0;

  for (guint i = 0; i + 1 < ring->n_points; i++)
    {
      sx += ring->points[i].x;
      sy += ring->points[i].y;
    }
  *lon = sx / (ring->n_points - 1);
  *lat = sy / (ring->n_points - 1);
  g_assert_true (furrow_geometry_contains_point (furrow_field_get_geometry (field), *lon, *lat));
}

/* The fields are drawn above the offline base map, and a click selects one. */
static void
test_tiles_over_base_map (Fixture       *fixture,
                          gconstpointer  data)
{
  FurrowFieldMap *field_map = furrow_window_get_field_map (fixture->window);
  FurrowSelectionLayer *selection = furrow_field_map_get_selection_layer (field_map);
  g_autoptr(FurrowField) field = nth_field (fixture, 12);
  guint32 rgb = furrow_field_tile_source_get_field_rgb (furrow_field_map_get_tile_source (field_map),
                                                        furrow_field_get_id (field));
  double lon, lat, x, y;

  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (furrow_window_get_map (fixture->window))),
                   ==, "furrow-mbtiles");
  inner_point (field, &lon, &lat);
  shumate_viewport_set_zoom_level (viewport (fixture), 16);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), lat, lon);
  g_assert_true (wait_for_pixel (fixture, lon, lat, rgb, "window-fields-over-mbtiles.png"));

  location_to_map (fixture, lon, lat, &x, &y);
  g_assert_true (furrow_selection_layer_click (selection, x, y));
  g_assert_cmpint (furrow_field_get_id (furrow_selection_layer_get_selected_field (selection)), ==,
                   furrow_field_get_id (field));
  furrow_test_wait_for_frame (map_widget (fixture));
  {
    g_autoptr(GdkTexture) texture = furrow_test_render_widget (map_widget (fixture));

    furrow_test_save_screenshot (texture, "window-field-selected.png");
  }
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/tiles-over-base-map", Fixture, fixture_set_up,
                     test_tiles_over_base_map, fixture_tear_down);

/* A row selected in the Fields list: the same field selected on the map, the map brought to it
 * (it was off screen), its yellow outline drawn. */
static void
test_list_selects_on_map (Fixture       *fixture,
                          gconstpointer  data)
{
  FurrowFieldMap *field_map = furrow_window_get_field_map (fixture->window);
  FurrowSelectionLayer *selection = furrow_field_map_get_selection_layer (field_map);
  FurrowRecordList *list = FURROW_RECORD_LIST (fixture->window->field_list);
  GtkSelectionModel *shown = GTK_SELECTION_MODEL (furrow_record_list_get_shown (list));
  g_autoptr(FurrowField) field = g_list_model_get_item (G_LIST_MODEL (shown), 20);
  const FurrowRing *ring = &furrow_field_get_geometry (field)->polygons[0].rings[0];
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(GdkTexture) texture = NULL;
  double lon, lat, x, y, ex, ey;
  gboolean outlined = FALSE;

  /* Far from the village: the field is not on the map. */
  inner_point (field, &lon, &lat);
  shumate_viewport_set_zoom_level (viewport (fixture), 16);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), lat + 0.05, lon + 0.05);
  furrow_test_iterate (100);
  location_to_map (fixture, lon, lat, &x, &y);
  g_assert_true (x < 0 || y < 0 || x >= gtk_widget_get_width (map_widget (fixture)) ||
                 y >= gtk_widget_get_height (map_widget (fixture)));

  /* What a click on the row does. */
  g_assert_true (gtk_selection_model_select_item (shown, 20, TRUE));
  furrow_test_iterate (100);
  g_assert_nonnull (furrow_selection_layer_get_selected_field (selection));
  g_assert_cmpint (furrow_field_get_id (furrow_selection_layer_get_selected_field (selection)), ==,
                   furrow_field_get_id (field));
  location_to_map (fixture, lon, lat, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (map_widget (fixture)));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (map_widget (fixture)));

  /* On screen: the selection outline (#f5c211) between the inner point and the first vertex. */
  while (!outlined && g_get_monotonic_time () < deadline)
    {
      furrow_test_iterate (100);
      g_clear_object (&texture);
      texture = furrow_test_render_widget (map_widget (fixture));
      location_to_map (fixture, lon, lat, &x, &y);
      location_to_map (fixture, ring->points[0].x, ring->points[0].y, &ex, &ey);
      for (int k = 0; texture != NULL && k <= 100 && !outlined; k++)
        outlined = furrow_test_rgb_close (furrow_test_texture_rgb (texture,
                                                                   x + (ex - x) * k / 100.0,
                                                                   y + (ey - y) * k / 100.0),
                                          0xf5c211);
    }
  g_assert_nonnull (texture);
  furrow_test_save_screenshot (texture, "window-list-selects-on-map.png");
  g_assert_true (outlined);
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/list-selects-on-map", Fixture, fixture_set_up,
                     test_list_selects_on_map, fixture_tear_down);

/* The legend entry labelled @label, or -1. */
static int
legend_find (FurrowMapLegend *legend,
             const char      *label)
{
  for (guint i = 0; i < furrow_map_legend_get_n_entries (legend); i++)
    if (g_strcmp0 (furrow_map_legend_get_label (legend, i), label) == 0)
      return i;
  return -1;
}

/* The colour the legend shows for entry @index: the middle of its swatch as painted. */
static guint32
legend_swatch_rgb (FurrowMapLegend *legend,
                   guint            index)
{
  GtkWidget *swatch = furrow_map_legend_get_swatch (legend, index);
  g_autoptr(GdkTexture) texture = furrow_test_render_painted (GTK_WIDGET (legend), 20);
  graphene_point_t centre;

  g_assert_nonnull (texture);
  g_assert_true (gtk_widget_compute_point (swatch, GTK_WIDGET (legend),
                                           &GRAPHENE_POINT_INIT (FURROW_MAP_LEGEND_SWATCH_SIZE / 2.0,
                                                                 FURROW_MAP_LEGEND_SWATCH_SIZE / 2.0),
                                           &centre));
  return furrow_test_texture_rgb (texture, centre.x, centre.y);
}

/* Two fields planned with different patterns in the current season; win.field-colouring
 * "pattern" gives each the colour of its pattern, which the legend lists and shows. */
static void
test_colour_by_pattern (Fixture       *fixture,
                        gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowFieldMap *field_map = furrow_window_get_field_map (fixture->window);
  FurrowMapLegend *legend = furrow_field_map_get_legend (field_map);
  FurrowFieldTileSource *source = furrow_field_map_get_tile_source (field_map);
  g_autoptr(FurrowSeason) season = furrow_season_new ("2026 summer", 2026);
  g_autoptr(FurrowField) strip = nth_field (fixture, 4);
  g_autoptr(FurrowField) sole = nth_field (fixture, 5);
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern_24, pattern_sole;
  const char *label_24 = NULL, *label_sole = NULL;
  int entry_24, entry_sole;
  guint32 rgb_24, rgb_sole;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  double lon, lat;

  g_assert_true (furrow_store_add_season (store, season, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_pattern_preset ("2+4", &pattern_24));
  g_assert_true (furrow_pattern_preset ("sole-maize", &pattern_sole));
  g_assert_true (furrow_store_set_plan (store, season, strip, &pattern_24, "2+4", "", &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_set_plan (store, season, sole, &pattern_sole, "sole-maize", "", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    {
      const FurrowPatternPresetInfo *info = furrow_pattern_preset_info (i);

      if (g_strcmp0 (info->id, "2+4") == 0)
        label_24 = _(info->label);
      else if (g_strcmp0 (info->id, "sole-maize") == 0)
        label_sole = _(info->label);
    }

  /* Custody colours until the user picks another colouring, the way the menu does. */
  g_assert_cmpstr (furrow_map_legend_get_title (legend), ==, _("Custody"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "field-colouring",
                                  g_variant_new_string ("pattern"));
  g_assert_cmpint (g_settings_get_enum (fixture->base.settings, "field-colouring"), ==,
                   FURROW_FIELD_COLOURING_PATTERN);
  g_assert_cmpint (furrow_field_map_get_colouring (field_map), ==, FURROW_FIELD_COLOURING_PATTERN);

  /* The legend: a title naming the season, one entry per planned pattern, and "No plan" for the
   * other 38 fields. */
  title = g_strdup_printf (_("Planned pattern, %s"), "2026 summer");
  g_assert_cmpstr (furrow_map_legend_get_title (legend), ==, title);
  g_assert_cmpuint (furrow_map_legend_get_n_entries (legend), ==, 3);
  entry_24 = legend_find (legend, label_24);
  entry_sole = legend_find (legend, label_sole);
  g_assert_cmpint (entry_24, >=, 0);
  g_assert_cmpint (entry_sole, >=, 0);
  g_assert_cmpint (legend_find (legend, _("No plan")), >=, 0);
  rgb_24 = furrow_map_legend_get_rgb (legend, entry_24);
  rgb_sole = furrow_map_legend_get_rgb (legend, entry_sole);
  g_test_message ("2+4 %06x, sole maize %06x", rgb_24, rgb_sole);
  g_assert_false (furrow_test_rgb_close (rgb_24, rgb_sole));
  g_assert_false (furrow_test_rgb_close (rgb_24, FURROW_FIELD_TILE_RGB_FULL));
  g_assert_false (furrow_test_rgb_close (rgb_24, FURROW_FIELD_MAP_RGB_NONE));
  g_assert_false (furrow_test_rgb_close (rgb_sole, FURROW_FIELD_MAP_RGB_NONE));

  /* The swatches as painted: the entry's colour at the fill's opacity over white. */
  g_assert_true (furrow_test_rgb_close (legend_swatch_rgb (legend, entry_24),
                                        blend (rgb_24, FURROW_FIELD_TILE_FILL_ALPHA, 0xffffff)));
  g_assert_true (furrow_test_rgb_close (legend_swatch_rgb (legend, entry_sole),
                                        blend (rgb_sole, FURROW_FIELD_TILE_FILL_ALPHA, 0xffffff)));

  /* The tiles: each field's middle is its pattern's colour over the base map. */
  g_assert_cmpuint (furrow_field_tile_source_get_field_rgb (source, furrow_field_get_id (strip)), ==, rgb_24);
  g_assert_cmpuint (furrow_field_tile_source_get_field_rgb (source, furrow_field_get_id (sole)), ==, rgb_sole);
  inner_point (strip, &lon, &lat);
  shumate_viewport_set_zoom_level (viewport (fixture), 15);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), lat, lon);
  g_assert_true (wait_for_pixel (fixture, lon, lat, rgb_24, "window-colour-by-pattern.png"));
  inner_point (sole, &lon, &lat);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), lat, lon);
  g_assert_true (wait_for_pixel (fixture, lon, lat, rgb_sole, "window-colour-by-pattern-sole.png"));

  /* By household: the households that hold most of some field (the core's count) are too many
   * to list; the legend says how many. */
  {
    g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
    g_autoptr(GHashTable) dominant = furrow_register_field_households (parcels);
    g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer code;

    g_hash_table_iter_init (&iter, dominant);
    while (g_hash_table_iter_next (&iter, NULL, &code))
      g_hash_table_add (distinct, code);
    g_assert_cmpuint (g_hash_table_size (distinct), >, FURROW_FIELD_MAP_LEGEND_MAX);
    g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "field-colouring",
                                    g_variant_new_string ("household"));
    g_assert_cmpstr (furrow_map_legend_get_title (legend), ==, _("Household"));
    note = g_strdup_printf (ngettext ("%u household, each in its own colour: click a field to see whose it is.",
                                      "%u households, each in its own colour: click a field to see whose it is.",
                                      g_hash_table_size (distinct)), g_hash_table_size (distinct));
  }
  g_assert_cmpstr (furrow_map_legend_get_note (legend), ==, note);
  /* No swatch per household; at most the "No parcels" one. */
  g_assert_cmpuint (furrow_map_legend_get_n_entries (legend), <=, 1);

  /* Back to custody: the demo's fields in their custody colours again. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "field-colouring",
                                  g_variant_new_string ("custody"));
  g_assert_cmpuint (furrow_field_tile_source_get_field_rgb (source, furrow_field_get_id (strip)), ==,
                    furrow_field_get_custody (strip) == FURROW_CUSTODY_HALF
                    ? FURROW_FIELD_TILE_RGB_HALF : FURROW_FIELD_TILE_RGB_FULL);
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/colour-by-pattern", Fixture, fixture_set_up,
                     test_colour_by_pattern, fixture_tear_down);

/* win.draw-field, four clicks and Enter: the new field is in the store and on the tiles; undo
 * takes it off both, redo puts it back. */
static void
test_draw_in_window (Fixture       *fixture,
                     gconstpointer  data)
{
  FurrowFieldMap *field_map = furrow_window_get_field_map (fixture->window);
  FurrowFieldEditor *editor = furrow_field_map_get_editor (field_map);
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowField) field = nth_field (fixture, 0);
  double west, south, east, north, lon0, lat0;
  const double d = 0.0005;
  gint64 n_before = furrow_store_count_fields (store, NULL);
  g_autoptr(FurrowField) saved = NULL;
  double label_mu;
  guint32 rgb;

  /* An empty place just south of the demo fields. */
  furrow_geometry_get_bounds (furrow_field_get_geometry (field), &west, &south, &east, &north);
  lon0 = (west + east) / 2;
  lat0 = south - 0.0015;
  {
    g_autoptr(GListModel) fields = furrow_store_get_fields (store);

    for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
      {
        g_autoptr(FurrowField) other = g_list_model_get_item (fields, i);
        double w, s, e, n;

        furrow_geometry_get_bounds (furrow_field_get_geometry (other), &w, &s, &e, &n);
        lat0 = MIN (lat0, s - 0.0015);
      }
  }
  shumate_viewport_set_zoom_level (viewport (fixture), 17);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), lat0, lon0);
  g_assert_true (wait_for_pixel (fixture, lon0, lat0, 0, "window-before-drawing.png"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.draw-field", NULL);
  g_assert_true (furrow_field_editor_get_drawing (editor));
  {
    const double corners[4][2] = { { -d, -d }, { d, -d }, { d, d }, { -d, d } };

    for (guint i = 0; i < 4; i++)
      {
        double x, y;

        shumate_viewport_location_to_widget_coords (viewport (fixture), GTK_WIDGET (editor),
                                                    lat0 + corners[i][1], lon0 + corners[i][0],
                                                    &x, &y);
        furrow_field_editor_press (editor, 1, GDK_BUTTON_PRIMARY, x, y);
      }
  }
  furrow_test_wait_for_frame (map_widget (fixture));
  {
    g_autoptr(GdkTexture) texture = furrow_test_render_widget (map_widget (fixture));

    furrow_test_save_screenshot (texture, "window-drawing.png");
  }

  /* The live area on the map, read as the user reads it, against the core's ellipsoidal area of
   * the rectangle meant (the clicks land to the pixel, about 1 m at zoom 17: within 2 %). */
  {
    g_autoptr(FurrowGeometry) meant = furrow_geometry_new ();
    const FurrowPoint corners[] = { { lon0 - d, lat0 - d }, { lon0 + d, lat0 - d },
                                    { lon0 + d, lat0 + d }, { lon0 - d, lat0 + d } };
    const char *measurement = furrow_field_editor_get_measurement (editor);

    furrow_geometry_add_ring (meant, furrow_geometry_add_polygon (meant), corners, 4);
    g_assert_nonnull (measurement);
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), measurement));
    label_mu = g_ascii_strtod (measurement, NULL);
    g_test_message ("live label “%s”; meant %.1f m²", measurement, furrow_geodesy_area_m2 (meant));
    g_assert_cmpfloat_with_epsilon (label_mu / (furrow_geodesy_area_m2 (meant) * 15 / 10000), 1.0,
                                    0.02);
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.finish", NULL);
  g_assert_false (furrow_field_editor_get_drawing (editor));
  g_assert_cmpint (furrow_store_count_fields (store, NULL), ==, n_before + 1);
  saved = furrow_store_find_field (store, "N001");
  g_assert_nonnull (saved);
  /* Saved with the area the label showed, to its 0.01 mu. */
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (saved) * 15 / 10000, label_mu,
                                  0.006);
  rgb = furrow_field_tile_source_get_field_rgb (furrow_field_map_get_tile_source (field_map),
                                                furrow_field_get_id (saved));
  g_assert_cmpuint (rgb, !=, 0);
  g_assert_true (wait_for_pixel (fixture, lon0, lat0, rgb, "window-field-drawn.png"));

  /* Ctrl+Z and Ctrl+Shift+Z: the window's undo and redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (furrow_store_count_fields (store, NULL), ==, n_before);
  g_assert_true (wait_for_pixel (fixture, lon0, lat0, 0, "window-field-undone.png"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpint (furrow_store_count_fields (store, NULL), ==, n_before + 1);
  g_assert_true (wait_for_pixel (fixture, lon0, lat0, rgb, "window-field-redone.png"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/draw-in-window", Fixture, fixture_set_up,
                     test_draw_in_window, fixture_tear_down);

/* The one action ACCEL is bound to by the application's accelerators (furrow-application.c),
 * activated on the window as GTK does for that key press. */
static void
press_accel (Fixture    *fixture,
             const char *accel,
             const char *action)
{
  g_auto(GStrv) actions =
    gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->base.app), accel);

  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, action);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), actions[0], NULL));
}

/* The field editor's own shortcut for KEY (Return, Escape…): its action, activated on it. */
static void
press_editor_key (FurrowFieldEditor *editor,
                  const char        *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (editor));
  const char *action = NULL;

  for (guint i = 0; action == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; action == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, key) == 0)
            action = gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));
        }
    }
  g_assert_nonnull (action);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
}

/* A menu item (GtkModelButton, a private type: found by name) showing LABEL, the menu's label
 * without its mnemonic underscore. */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) shown = g_string_new (label);

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;
  g_string_replace (shown, "_", "", 0);
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, shown->str) == 0;
}

/* Whether the "Reshape Field" item of the details pane's field menu can be chosen. */
static gboolean
reshape_item_sensitive (Fixture *fixture)
{
  GtkWidget *item = furrow_test_find_first (GTK_WIDGET (fixture->window), is_menu_item,
                                            _("_Reshape Field"));

  g_assert_nonnull (item);
  return gtk_widget_get_sensitive (item);
}

/* win.reshape-field by its shortcut, Ctrl+E, on the selected field; a corner dragged; Enter saves
 * the new outline as one edit; Ctrl+Z puts the old one back.
 *
 * The field, south of the demo's (nothing within snapping distance), is the rectangle
 * 119.400–119.402 E × 36.436–36.437 N. At 36.4365 N on the WGS84 ellipsoid (a = 6,378,137 m,
 * e² = 0.00669438): meridian radius M = a(1 − e²)/(1 − e² sin²φ)^1.5 = 6,358,055 m, so 0.001° of
 * latitude is M·π/180·0.001 = 110.967 m; prime-vertical radius N = a/(1 − e² sin²φ)^0.5 =
 * 6,385,944 m, so 0.001° of longitude is N·cos φ·π/180·0.001 = 89.664 m. The rectangle is
 * 179.328 m × 110.967 m = 19,899.6 m² (29.85 mu). Its north-east corner dragged 0.001° east makes
 * a trapezoid (shoelace: w·h + ½·Δx·h) larger by the triangle ½ × 89.664 m × 110.967 m =
 * 4,974.9 m² (7.46 mu). The ellipsoidal area (docs/domain.md §3) of shapes this small agrees with
 * that to about 1e-5; the test allows 0.1 %. */
static void
test_reshape_in_window (Fixture       *fixture,
                        gconstpointer  data)
{
  FurrowFieldMap *field_map = furrow_window_get_field_map (fixture->window);
  FurrowFieldEditor *editor = furrow_field_map_get_editor (field_map);
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowHistory *history = furrow_window_get_history (fixture->window);
  const FurrowPoint corners[] = { { 119.400, 36.436 }, { 119.402, 36.436 },
                                  { 119.402, 36.437 }, { 119.400, 36.437 } };
  g_autoptr(FurrowGeometry) outline = furrow_geometry_new ();
  g_autoptr(FurrowField) added = furrow_field_new ();
  g_autoptr(FurrowField) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  FurrowField *field;
  double lon, lat, x, y, before_m2;

  furrow_geometry_add_ring (outline, furrow_geometry_add_polygon (outline), corners, 4);
  furrow_field_set_code (added, "R001");
  furrow_field_set_name (added, "Reshaped field");
  furrow_field_set_geometry (added, outline);
  g_assert_true (furrow_store_add_field (store, added, &error));
  g_assert_no_error (error);
  field = furrow_store_get_field_by_id (store, furrow_field_get_id (added));
  g_assert_nonnull (field);
  before_m2 = furrow_field_get_measured_area_m2 (field);
  g_assert_cmpfloat_with_epsilon (before_m2 / 19899.6, 1.0, 0.001);

  /* Nothing selected: nothing to reshape. */
  furrow_window_select_field (fixture->window, NULL);
  g_assert_false (reshape_item_sensitive (fixture));

  shumate_viewport_set_zoom_level (viewport (fixture), 17);
  shumate_location_set_location (SHUMATE_LOCATION (viewport (fixture)), 36.4365, 119.4015);
  furrow_window_select_field (fixture->window, field);
  g_assert_true (reshape_item_sensitive (fixture));
  furrow_test_wait_for_frame (map_widget (fixture));

  press_accel (fixture, "<Control>e", "win.reshape-field");
  g_assert_true (furrow_field_editor_get_drawing (editor));
  /* Its corners are the handles, the live label its area; no second reshape meanwhile. */
  g_assert_cmpuint (furrow_field_editor_get_n_vertices (editor), ==, 4);
  furrow_field_editor_get_vertex (editor, 2, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 119.402, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 36.437, 1e-9);
  label = g_strdup_printf (_("%s mu · perimeter %'.1f m"), "29.85",
                           furrow_geodesy_perimeter_m (outline));
  g_assert_cmpstr (furrow_field_editor_get_measurement (editor), ==, label);
  g_assert_false (reshape_item_sensitive (fixture));

  /* The drag of the north-east corner, 0.001° east, as the drag gesture moves it. */
  shumate_viewport_location_to_widget_coords (viewport (fixture), GTK_WIDGET (editor),
                                              36.437, 119.403, &x, &y);
  furrow_field_editor_move_vertex (editor, 2, x, y);
  furrow_field_editor_get_vertex (editor, 2, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 119.403, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 36.437, 1e-9);
  furrow_test_wait_for_frame (map_widget (fixture));
  {
    g_autoptr(GdkTexture) texture = furrow_test_render_widget (map_widget (fixture));

    furrow_test_save_screenshot (texture, "window-reshaping.png");
  }
  /* Not saved before Enter. */
  g_assert_cmpfloat (furrow_field_get_measured_area_m2 (field), ==, before_m2);

  press_editor_key (editor, "Return");
  g_assert_false (furrow_field_editor_get_drawing (editor));
  g_assert_true (reshape_item_sensitive (fixture));
  g_test_message ("reshaped: %.1f m² -> %.1f m²", before_m2, furrow_field_get_measured_area_m2 (field));
  g_assert_cmpfloat_with_epsilon ((furrow_field_get_measured_area_m2 (field) - before_m2) / 4974.9,
                                  1.0, 0.001);
  /* In the file too, and one edit on the window's history. */
  stored = furrow_store_find_field (store, "R001");
  g_assert_cmpfloat (furrow_field_get_measured_area_m2 (stored), ==,
                     furrow_field_get_measured_area_m2 (field));
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, _("Reshape field"));

  /* Ctrl+Z: the rectangle again, to the square metre it had. */
  press_accel (fixture, "<Control>z", "win.undo");
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (field), before_m2, 1e-6);
  g_clear_object (&stored);
  stored = furrow_store_find_field (store, "R001");
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (stored), before_m2, 1e-6);
  g_assert_false (furrow_history_get_can_undo (history));

  /* Planned in a season that is then settled, the field keeps the shape that season was settled
   * on: no reshaping, by the menu or by Ctrl+E, until the season is reopened. */
  {
    g_autoptr(FurrowSeason) season = furrow_season_new ("2027", 2027);
    FurrowPattern pattern;

    g_assert_true (furrow_pattern_preset ("2+4", &pattern));
    g_assert_true (furrow_store_add_season (store, season, &error));
    g_assert_true (furrow_season_plan_fields (store, season, &field, 1, NULL, &pattern, "2+4",
                                              NULL, NULL, &error));
    g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, 12000,
                                             2880000, &error));
    g_assert_no_error (error);
    g_assert_true (reshape_item_sensitive (fixture));
    g_assert_true (furrow_store_settle_season (store, season, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (reshape_item_sensitive (fixture));
    press_accel (fixture, "<Control>e", "win.reshape-field");
    g_assert_false (furrow_field_editor_get_drawing (editor));

    g_assert_true (furrow_store_reopen_season (store, season, "harvest weighed again", &error));
    g_assert_no_error (error);
    g_assert_true (reshape_item_sensitive (fixture));
  }
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/reshape-in-window", Fixture, fixture_set_up,
                     test_reshape_in_window, fixture_tear_down);

/* "Show on map" for a household: its parcels highlighted, the map zoomed to them. */
static void
test_show_household (Fixture       *fixture,
                     gconstpointer  data)
{
  FurrowFieldMap *field_map = furrow_window_get_field_map (fixture->window);
  g_autoptr(GListModel) households = furrow_store_get_households (furrow_window_get_store (fixture->window));
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 7);
  g_autoptr(GdkTexture) texture = NULL;

  shumate_viewport_set_zoom_level (viewport (fixture), 12);
  furrow_field_map_show_household (field_map, furrow_household_get_code (household));
  g_assert_cmpuint (furrow_selection_layer_get_n_highlighted (furrow_field_map_get_selection_layer (field_map)),
                    >, 0);
  /* Closer than the village view (the grid's MBTiles stops at zoom 14). */
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport (fixture)), >, 13);
  furrow_test_iterate (500);
  furrow_test_wait_for_frame (map_widget (fixture));
  texture = furrow_test_render_widget (map_widget (fixture));
  furrow_test_save_screenshot (texture, "window-household-on-map.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/show-household", Fixture, fixture_set_up,
                     test_show_household, fixture_tear_down);

/* An XYZ address is saved only with {x} {y} {z}; an AutoNavi one shows the GCJ-02 warning. */
static void
test_xyz_and_gcj02 (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowPreferencesWindow *preferences = furrow_preferences_window_new (fixture->base.settings);
  GtkWidget *row, *warning;
  g_autoptr(GdkTexture) texture = NULL;

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 720);
  gtk_window_present (GTK_WINDOW (preferences));
  furrow_test_wait_for_frame (GTK_WIDGET (preferences));

  row = furrow_test_find_row (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW,
                              "XYZ tile address with {x}, {y} and {z}");
  g_assert_nonnull (row);
#define GCJ02_WARNING "This map uses Chinese GCJ-02 coordinates"
  g_assert_null (furrow_test_find_label (GTK_WIDGET (preferences), GCJ02_WARNING));

  gtk_editable_set_text (GTK_EDITABLE (row), "https://tiles.example.org/{z}/{x}.png");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (g_settings_get_string (fixture->base.settings, "xyz-template"), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (row),
                         "https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  furrow_test_wait_for_frame (GTK_WIDGET (preferences));
  warning = furrow_test_find_label (GTK_WIDGET (preferences), GCJ02_WARNING);
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_is_visible (warning));
  g_assert_true (g_str_has_prefix (g_settings_get_string (fixture->base.settings, "xyz-template"),
                                   "https://webrd01.is.autonavi.com/"));
  furrow_test_wait_for_frame (GTK_WIDGET (preferences));
  texture = furrow_test_render_widget (GTK_WIDGET (preferences));
  furrow_test_save_screenshot (texture, "preferences-gcj02-warning.png");

  gtk_editable_set_text (GTK_EDITABLE (row), "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  g_assert_false (gtk_widget_is_visible (warning));
  gtk_window_destroy (GTK_WINDOW (preferences));
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/xyz-and-gcj02", Fixture, fixture_set_up,
                     test_xyz_and_gcj02, fixture_tear_down);

/* An online base map whose server cannot be found (no network in the test; .invalid never
 * resolves) brings the notice pointing to Preferences; the fields stay on the map. */
static void
test_offline_notice (Fixture       *fixture,
                     gconstpointer  data)
{
  ShumateSimpleMap *map = furrow_window_get_map (fixture->window);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_settings_set_string (fixture->base.settings, "xyz-template", "http://tiles.furrow.invalid/{z}/{x}/{y}.png");
  g_settings_set_string (fixture->base.settings, "base-map", "xyz");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==, "furrow-xyz");
  while (furrow_window_get_n_offline_notices (fixture->window) == 0 &&
         g_get_monotonic_time () < deadline)
    furrow_test_iterate (100);
  g_assert_cmpuint (furrow_window_get_n_offline_notices (fixture->window), ==, 1);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), "Offline Map…"));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  {
    g_autoptr(GdkTexture) texture = furrow_test_render_widget (GTK_WIDGET (fixture->window));

    furrow_test_save_screenshot (texture, "window-offline-notice.png");
  }

  /* Tianditu with a key: imagery as the base map and its labels as a second layer. */
  g_settings_set_string (fixture->base.settings, "tianditu-key", "0123456789abcdef");
  g_settings_set_string (fixture->base.settings, "base-map", "tianditu");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   "furrow-tianditu");
  g_assert_cmpstr (shumate_map_source_get_id (furrow_field_map_get_labels (furrow_window_get_field_map (fixture->window))),
                   ==, "furrow-tianditu-labels");

  /* Back to the offline file: no labels layer. */
  g_settings_set_string (fixture->base.settings, "base-map", "mbtiles");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==,
                   "furrow-mbtiles");
  g_assert_null (furrow_field_map_get_labels (furrow_window_get_field_map (fixture->window)));
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-map/offline-notice", Fixture, fixture_set_up,
                     test_offline_notice, fixture_tear_down);

FURROW_TEST_GUI_MAIN ();
