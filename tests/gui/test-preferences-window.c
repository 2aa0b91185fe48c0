/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-preferences-window.h"
#include "furrow-store-mbtiles.h"
#include "furrow-test-gui.h"

/* The values of the BaseMap enum in the schema. */
#define BASE_MAP_OSM 0
#define BASE_MAP_MBTILES 1

typedef struct
{
  FurrowTestApp            base;
  FurrowPreferencesWindow *preferences;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_app_set_up (&fixture->base);
  fixture->preferences = furrow_preferences_window_new (fixture->base.settings);
  gtk_window_present (GTK_WINDOW (fixture->preferences));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->preferences));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_app_tear_down (&fixture->base);
}

static void
test_base_map_row (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwComboRow *row = ADW_COMBO_ROW (furrow_test_find_row (GTK_WIDGET (fixture->preferences),
                                                          ADW_TYPE_COMBO_ROW, "_Base map"));
  GListModel *model;
  g_autoptr(GtkStringObject) first = NULL;
  g_autoptr(GtkStringObject) second = NULL;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "OpenStreetMap");
  g_assert_cmpstr (gtk_string_object_get_string (second), ==, "Offline MBTiles file");
  /* Then Tianditu and XYZ, in the order of the BaseMap enum. */
  {
    g_autoptr(GtkStringObject) third = g_list_model_get_item (model, 2);
    g_autoptr(GtkStringObject) fourth = g_list_model_get_item (model, 3);

    g_assert_cmpstr (gtk_string_object_get_string (third), ==, "Tianditu imagery");
    g_assert_cmpstr (gtk_string_object_get_string (fourth), ==, "Custom XYZ tiles");
    g_settings_set_string (fixture->base.settings, "base-map", "xyz");
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 3);
    g_settings_set_string (fixture->base.settings, "base-map", "osm");
  }

  /* The row follows the setting and writes it back. */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_settings_set_string (fixture->base.settings, "base-map", "mbtiles");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (g_settings_get_enum (fixture->base.settings, "base-map"), ==, BASE_MAP_OSM);
}
FURROW_TEST_FIXTURE ("/furrow/gui/preferences-window/base-map-row", Fixture, fixture_set_up,
                     test_base_map_row, fixture_tear_down);

static void
test_mbtiles_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->base.tmpdir, "photo.mbtiles", NULL);
  g_autofree char *good = g_build_filename (fixture->base.tmpdir, "grid.mbtiles", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  AdwActionRow *row = ADW_ACTION_ROW (furrow_test_find_row (GTK_WIDGET (fixture->preferences),
                                                            ADW_TYPE_ACTION_ROW,
                                                            "Offline map file"));

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "No file chosen");

  /* A file that is not MBTiles is refused with a message naming it; nothing changes. */
  g_assert_true (g_file_set_contents (bad, "\x89PNG\r\n\x1a\n not tiles", -1, NULL));
  g_assert_false (furrow_preferences_window_set_mbtiles_file (fixture->preferences, bad_file,
                                                              &error));
  g_assert_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NOT_MBTILES);
  g_assert_nonnull (strstr (error->message, "photo.mbtiles"));
  furrow_test_iterate (100);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->preferences), error->message));
  stored = g_settings_get_string (fixture->base.settings, "mbtiles-path");
  g_assert_cmpstr (stored, ==, "");
  g_assert_cmpint (g_settings_get_enum (fixture->base.settings, "base-map"), ==, BASE_MAP_OSM);
  g_clear_error (&error);
  g_clear_pointer (&stored, g_free);

  /* A real one becomes the base map, and the row shows where it is. */
  furrow_test_write_tile_grid (good, 0, 0);
  g_assert_true (furrow_preferences_window_set_mbtiles_file (fixture->preferences, good_file,
                                                             &error));
  g_assert_no_error (error);
  stored = g_settings_get_string (fixture->base.settings, "mbtiles-path");
  g_assert_cmpstr (stored, ==, good);
  g_assert_cmpint (g_settings_get_enum (fixture->base.settings, "base-map"), ==, BASE_MAP_MBTILES);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, good);
}
FURROW_TEST_FIXTURE ("/furrow/gui/preferences-window/mbtiles-file", Fixture, fixture_set_up,
                     test_mbtiles_file, fixture_tear_down);

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return furrow_test_find_first (widget, is_button_labelled, label);
}

/* "Choose…" opens a file chooser over the preferences that offers MBTiles files. */
static void
test_file_chooser (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *button = find_button (GTK_WIDGET (fixture->preferences), "_Choose…");
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkWindow *chooser;

  g_assert_nonnull (button);
  g_assert_null (furrow_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_signal_emit_by_name (button, "clicked");
  furrow_test_iterate (100);

  chooser = furrow_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (fixture->preferences));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  filter = g_list_model_get_item (filters, 0);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "MBTiles maps");
}
FURROW_TEST_FIXTURE ("/furrow/gui/preferences-window/file-chooser", Fixture, fixture_set_up,
                     test_file_chooser, fixture_tear_down);

FURROW_TEST_GUI_MAIN ();
