/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-demo.h"
#include "furrow-field-editor.h"
#include "furrow-field-tile-source.h"
#include "furrow-geodesy.h"
#include "furrow-history-testing.h"
#include "furrow-test-gui.h"
#include "furrow-field-editor-testing.h"

/* Drawing fields on the map by clicks at known widget points, against the geodesy of core and a
 * hand-computed rectangle. A bare ShumateMap (no base map) with the demo fields as tiles. */

typedef struct
{
  char                  *tmpdir;
  FurrowStore           *store;
  GtkWindow             *window;
  ShumateMap            *map;
  FurrowFieldTileSource *source;
  FurrowFieldEditor     *editor;
  double                 lon0, lat0;   /* an empty place south of the demo fields */
  GPtrArray             *messages;
} Fixture;

static void
message_cb (FurrowFieldEditor *editor,
            const char        *message,
            Fixture           *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fields = NULL;
  ShumateViewport *viewport;
  double west = 180, south = 90, east = -180, north = -90;

  fixture->tmpdir = furrow_test_make_tmpdir ();
  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  path = g_build_filename (fixture->tmpdir, "demo.gpkg", NULL);
  fixture->store = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  fields = furrow_store_get_fields (fixture->store);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      double w, s, e, n;

      furrow_geometry_get_bounds (furrow_field_get_geometry (field), &w, &s, &e, &n);
      west = MIN (west, w); south = MIN (south, s); east = MAX (east, e); north = MAX (north, n);
    }
  fixture->lon0 = (west + east) / 2;
  fixture->lat0 = south - 0.004;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->map = shumate_map_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));
  fixture->source = furrow_field_tile_source_new ();
  furrow_field_tile_source_set_fields (fixture->source, fields);
  furrow_field_tile_source_attach (fixture->source, fixture->map);
  viewport = shumate_map_get_viewport (fixture->map);
  fixture->editor = furrow_field_editor_new (viewport);
  furrow_field_editor_set_store (fixture->editor, fixture->store);
  g_signal_connect (fixture->editor, "message", G_CALLBACK (message_cb), fixture);
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->editor));

  shumate_viewport_set_zoom_level (viewport, 17);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), fixture->lat0, fixture->lon0);
  gtk_window_present (fixture->window);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->map));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_destroy_windows ();
  g_clear_object (&fixture->source);
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->messages);
  furrow_test_remove_tmpdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static void
click_at (Fixture *fixture,
          double   lon,
          double   lat,
          int      n_press)
{
  double x, y;

  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (fixture->map),
                                              GTK_WIDGET (fixture->editor), lat, lon, &x, &y);
  furrow_field_editor_press (fixture->editor, n_press, GDK_BUTTON_PRIMARY, x, y);
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;

  furrow_test_iterate (300);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->map));
  texture = furrow_test_render_widget (GTK_WIDGET (fixture->map));
  g_assert_nonnull (texture);
  furrow_test_save_screenshot (texture, name);
}

/* The area of the lon/lat rectangle by hand: on the ellipsoid, a small cell of dlon × dlat
 * degrees at latitude φ is N(φ) cos φ dλ × M(φ) dφ, with M = a(1−e²)/W³, N = a/W,
 * W = √(1 − e² sin²φ) (WGS84: a = 6378137 m, e² = 0.00669437999014). */
static double
hand_rectangle_m2 (double lat,
                   double dlon,
                   double dlat)
{
  const double a = 6378137.0, e2 = 0.00669437999014;
  double phi = lat * G_PI / 180.0;
  double w = sqrt (1 - e2 * sin (phi) * sin (phi));
  double m = a * (1 - e2) / (w * w * w);
  double n = a / w;

  return n * cos (phi) * (dlon * G_PI / 180.0) * m * (dlat * G_PI / 180.0);
}

static void
test_draw_undo_redo (Fixture       *fixture,
                     gconstpointer  data)
{
  const double dlon = 0.0012, dlat = 0.0009;
  const double lon[] = { fixture->lon0 - dlon / 2, fixture->lon0 + dlon / 2,
                         fixture->lon0 + dlon / 2, fixture->lon0 - dlon / 2 };
  const double lat[] = { fixture->lat0 - dlat / 2, fixture->lat0 - dlat / 2,
                         fixture->lat0 + dlat / 2, fixture->lat0 + dlat / 2 };
  g_autoptr(FurrowGeometry) drawn = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) exact = furrow_geometry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowField) found = NULL;
  FurrowPoint points[4];
  double label_mu, drawn_m2, exact_m2, hand_m2;
  gint64 n_before = furrow_store_count_fields (fixture->store, NULL);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.draw", NULL);
  g_assert_true (furrow_field_editor_get_drawing (fixture->editor));

  for (guint i = 0; i < 4; i++)
    click_at (fixture, lon[i], lat[i], 1);
  g_assert_cmpuint (furrow_field_editor_get_n_vertices (fixture->editor), ==, 4);
  g_assert_null (furrow_field_editor_get_problem (fixture->editor));
  screenshot (fixture, "field-editor-drawing.png");

  /* The live label, as shown on screen. */
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->editor),
                                            furrow_field_editor_get_measurement (fixture->editor)));
  label_mu = g_ascii_strtod (furrow_field_editor_get_measurement (fixture->editor), NULL);

  /* What was clicked, read back (a pixel is about 1 m at zoom 17), and what was meant. */
  for (guint i = 0; i < 4; i++)
    {
      furrow_field_editor_get_vertex (fixture->editor, i, &points[i].x, &points[i].y);
      g_assert_cmpfloat_with_epsilon (points[i].x, lon[i], 2e-5);
      g_assert_cmpfloat_with_epsilon (points[i].y, lat[i], 2e-5);
    }
  furrow_geometry_add_ring (drawn, furrow_geometry_add_polygon (drawn), points, 4);
  for (guint i = 0; i < 4; i++)
    points[i] = (FurrowPoint) { lon[i], lat[i] };
  furrow_geometry_add_ring (exact, furrow_geometry_add_polygon (exact), points, 4);
  drawn_m2 = furrow_geodesy_area_m2 (drawn);
  exact_m2 = furrow_geodesy_area_m2 (exact);
  hand_m2 = hand_rectangle_m2 (fixture->lat0, dlon, dlat);
  g_test_message ("label %.2f mu; drawn %.1f m², exact %.1f m², by hand %.1f m²",
                  label_mu, drawn_m2, exact_m2, hand_m2);
  /* The label is the drawn polygon's area to the 0.01 mu it shows. */
  g_assert_cmpfloat_with_epsilon (label_mu, drawn_m2 / (10000.0 / 15.0), 0.006);
  /* Clicks at pixel precision: within 1 % of the intended rectangle, and of the hand figure. */
  g_assert_cmpfloat_with_epsilon (drawn_m2 / exact_m2, 1.0, 0.01);
  g_assert_cmpfloat_with_epsilon (exact_m2 / hand_m2, 1.0, 0.001);

  /* A double click saves: a new field in the store. */
  click_at (fixture, lon[3], lat[3], 2);
  g_assert_false (furrow_field_editor_get_drawing (fixture->editor));
  g_assert_cmpuint (fixture->messages->len, ==, 0);
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, n_before + 1);
  found = furrow_store_find_field (fixture->store, "N001");
  g_assert_nonnull (found);
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (found), drawn_m2, 0.01);
  g_clear_object (&found);
  screenshot (fixture, "field-editor-saved.png");

  /* Undo: gone; redo: back. The save is one labelled command of the history. */
  g_assert_true (furrow_field_editor_can_undo (fixture->editor));
  g_assert_cmpstr (furrow_history_get_undo_label (furrow_field_editor_get_history (fixture->editor)),
                   ==, "Draw field");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, n_before);
  found = furrow_store_find_field (fixture->store, "N001");
  g_assert_null (found);
  g_assert_true (furrow_field_editor_can_redo (fixture->editor));
  g_assert_true (furrow_field_editor_redo (fixture->editor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, n_before + 1);
  found = furrow_store_find_field (fixture->store, "N001");
  g_assert_nonnull (found);
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (found), drawn_m2, 0.01);
  g_assert_false (furrow_field_editor_redo (fixture->editor, &error));
  g_assert_nonnull (error);
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-editor/draw-undo-redo", Fixture, fixture_set_up,
                     test_draw_undo_redo, fixture_tear_down);

/* A bow-tie is drawn red and refused with GEOS's self-intersection, named in a message. */
static void
test_bow_tie (Fixture       *fixture,
              gconstpointer  data)
{
  const double d = 0.0008;
  g_autoptr(GError) error = NULL;
  gint64 n_before = furrow_store_count_fields (fixture->store, NULL);

  furrow_field_editor_start (fixture->editor);
  click_at (fixture, fixture->lon0 - d, fixture->lat0 - d, 1);
  click_at (fixture, fixture->lon0 + d, fixture->lat0 + d, 1);
  click_at (fixture, fixture->lon0 + d, fixture->lat0 - d, 1);
  click_at (fixture, fixture->lon0 - d, fixture->lat0 + d, 1);
  g_assert_nonnull (furrow_field_editor_get_problem (fixture->editor));
  g_assert_nonnull (strstr (furrow_field_editor_get_problem (fixture->editor), "self-intersection"));
  screenshot (fixture, "field-editor-bow-tie.png");

  g_assert_false (furrow_field_editor_finish (fixture->editor, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "self-intersection"));
  /* The double click path reports it as a message (the window's toast). */
  click_at (fixture, fixture->lon0 - d, fixture->lat0 + d, 2);
  g_assert_cmpuint (fixture->messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->messages, 0), "self-intersection"));
  g_assert_true (furrow_field_editor_get_drawing (fixture->editor));
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, n_before);

  /* Deleting the last corner and putting it where it makes a quadrilateral repairs it. */
  g_assert_true (furrow_field_editor_delete_vertex (fixture->editor, 3));
  g_assert_true (furrow_field_editor_delete_vertex (fixture->editor, 2));
  click_at (fixture, fixture->lon0 - d, fixture->lat0 + d, 1);
  g_assert_null (furrow_field_editor_get_problem (fixture->editor));

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL);
  g_assert_false (furrow_field_editor_get_drawing (fixture->editor));
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, n_before);
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-editor/bow-tie", Fixture, fixture_set_up, test_bow_tie,
                     fixture_tear_down);

/* A click a few pixels from a demo field's corner lands exactly on it; a click on an edge's
 * middle handle inserts a corner there; a right click deletes one. */
static void
test_snap_insert_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (fixture->store);
  g_autoptr(FurrowField) field = g_list_model_get_item (fields, 0);
  ShumateViewport *viewport = shumate_map_get_viewport (fixture->map);
  FurrowPoint corner = furrow_field_get_geometry (field)->polygons[0].rings[0].points[0];
  double x, y, lon, lat, x0, y0, x1, y1;

  shumate_location_set_location (SHUMATE_LOCATION (viewport), corner.y, corner.x);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->map));
  furrow_field_editor_start (fixture->editor);

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (fixture->editor),
                                              corner.y, corner.x, &x, &y);
  furrow_field_editor_press (fixture->editor, 1, GDK_BUTTON_PRIMARY, x + 4, y - 3);
  furrow_field_editor_get_vertex (fixture->editor, 0, &lon, &lat);
  g_assert_cmpfloat (lon, ==, corner.x);
  g_assert_cmpfloat (lat, ==, corner.y);

  /* Far from everything: no snapping. */
  furrow_field_editor_press (fixture->editor, 1, GDK_BUTTON_PRIMARY, x + 100, y + 150);
  furrow_field_editor_press (fixture->editor, 1, GDK_BUTTON_PRIMARY, x - 100, y + 150);
  g_assert_cmpuint (furrow_field_editor_get_n_vertices (fixture->editor), ==, 3);

  /* The middle handle of the edge 0 → 1 inserts corner 1 there. */
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (fixture->editor),
                                              corner.y, corner.x, &x0, &y0);
  furrow_field_editor_get_vertex (fixture->editor, 1, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (fixture->editor),
                                              lat, lon, &x1, &y1);
  furrow_field_editor_press (fixture->editor, 1, GDK_BUTTON_PRIMARY, (x0 + x1) / 2, (y0 + y1) / 2);
  g_assert_cmpuint (furrow_field_editor_get_n_vertices (fixture->editor), ==, 4);
  furrow_field_editor_get_vertex (fixture->editor, 1, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (fixture->editor),
                                              lat, lon, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, (x0 + x1) / 2, 1.0);
  g_assert_cmpfloat_with_epsilon (y, (y0 + y1) / 2, 1.0);

  /* Dragging it away moves it. */
  furrow_field_editor_move_vertex (fixture->editor, 1, x + 30, y + 40);
  furrow_field_editor_get_vertex (fixture->editor, 1, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (fixture->editor),
                                              lat, lon, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x + 30, 1.0);
  screenshot (fixture, "field-editor-snap.png");

  /* A right click on it deletes it. */
  furrow_field_editor_press (fixture->editor, 1, GDK_BUTTON_SECONDARY, x1, y1);
  g_assert_cmpuint (furrow_field_editor_get_n_vertices (fixture->editor), ==, 3);
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-editor/snap-insert-delete", Fixture, fixture_set_up,
                     test_snap_insert_delete, fixture_tear_down);

FURROW_TEST_GUI_MAIN ();
