/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <sys/wait.h>

#include "furrow-demo.h"
#include "furrow-history-testing.h"
#include "furrow-observation-row.h"
#include "furrow-planner-panel.h"
#include "furrow-store-testing.h"
#include "furrow-store-yield.h"
#include "furrow-window.h"
#include "furrow-window-testing.h"
#include "furrow-yield-model-editor.h"
#include "furrow-test-gui.h"
#include "furrow-planner-panel-testing.h"
#include "furrow-yield-model-editor-testing.h"

typedef struct
{
  FurrowTestApp  base;
  FurrowWindow  *window;
  char          *project;
} Fixture;

/* Writes measured yields of 2+4, 3+4 and 4+6 fields that `model` predicts, in the CSV that
 * `furrow-cli calibrate` reads. */
static char *
write_measurements (const char             *dir,
                    const FurrowYieldModel *model)
{
  const char *patterns[] = { "2+4", "3+4", "4+6" };
  g_autoptr(GString) csv = g_string_new ("field,pattern,maize_kg_per_mu,soy_kg_per_mu\n");
  char *path = g_build_filename (dir, "measured.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      FurrowPattern pattern;
      FurrowYieldPrediction y;
      char maize[G_ASCII_DTOSTR_BUF_SIZE], soy[G_ASCII_DTOSTR_BUF_SIZE];

      g_assert_true (furrow_pattern_preset (patterns[i], &pattern));
      furrow_yield_model_predict (model, &pattern, &y);
      g_string_append_printf (csv, ",%s,%s,%s\n", patterns[i],
                              g_ascii_formatd (maize, sizeof maize, "%.17g",
                                               y.yield_kg_per_mu[FURROW_CROP_MAIZE]),
                              g_ascii_formatd (soy, sizeof soy, "%.17g",
                                               y.yield_kg_per_mu[FURROW_CROP_SOYBEAN]));
    }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The demo project, with a preset "CLI 2024" stored by `furrow-cli calibrate` (maize border
 * factor 1.10) before the window opens it. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  FurrowYieldModel cli_truth;
  int status = -1;

  furrow_test_app_set_up (&fixture->base);
  fixture->project = g_build_filename (fixture->base.tmpdir, "demo.gpkg", NULL);
  demo = furrow_demo_create (fixture->project, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  g_assert_true (furrow_yield_model_preset ("practical", &cli_truth, NULL));
  cli_truth.border_factor[FURROW_CROP_MAIZE] = 1.10;
  cli_truth.inner_factor[FURROW_CROP_MAIZE] = 0.98;
  cli_truth.border_factor[FURROW_CROP_SOYBEAN] = 0.66;
  cli_truth.inner_factor[FURROW_CROP_SOYBEAN] = 0.90;
  csv = write_measurements (fixture->base.tmpdir, &cli_truth);
  {
    const char *argv[] = { g_getenv ("FURROW_CLI"), "calibrate", "--project", fixture->project,
                           "--name", "CLI 2024", csv, NULL };

    g_assert_nonnull (argv[0]);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
    g_assert_no_error (error);
    if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
      g_error ("furrow-cli calibrate failed: %s", err);
  }

  fixture->window = furrow_window_new (fixture->base.app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (furrow_window_open_project (fixture->window, fixture->project, &error));
  g_assert_no_error (error);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_app_tear_down (&fixture->base);
  g_free (fixture->project);
}

/* The names a combo row offers. */
static char *
combo_names (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (names, "%s%s", i ? "|" : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The preset as a second connection to the project file reads it: what the file holds. */
static gboolean
file_has_preset (const char       *project,
                 const char       *name,
                 FurrowYieldModel *out)
{
  g_autoptr(FurrowStore) store = furrow_store_open (project, NULL);
  FurrowYieldModel model;

  g_assert_nonnull (store);
  return furrow_store_find_yield_preset (store, name, out ? out : &model, NULL);
}

static guint
audit_rows (const char *project,
            const char *object,
            const char *action)
{
  g_autoptr(FurrowStore) store = furrow_store_open (project, NULL);
  g_autoptr(GPtrArray) log = furrow_store_get_audit_log (store, object, NULL);
  guint n = 0;

  g_assert_nonnull (log);
  for (guint i = 0; i < log->len; i++)
    n += g_str_equal (((FurrowAuditEntry *) g_ptr_array_index (log, i))->action, action);
  return n;
}

static GObject *
child (FurrowYieldModelEditor *editor,
       const char             *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                   FURROW_TYPE_YIELD_MODEL_EDITOR, name);

  g_assert_nonnull (object);
  return object;
}

/* Three fields whose yields were generated from known row-position factors: the fit recovers
 * them. 2+4 has only border maize rows, 3+4 and 4+6 have inner maize rows too, 4+6 a different
 * share of soybean border rows than 2+4 and 3+4, so both crops' border and inner factors are
 * determined (furrow-yield-model.h: the ratio is kept only when every pattern has the same
 * border share). */
static void
test_fit (Fixture       *fixture,
          gconstpointer  data)
{
  FurrowPlannerPanel *panel = furrow_window_get_planner_panel (fixture->window);
  const char *patterns[] = { "2+4", "3+4", "4+6" };
  FurrowYieldModelEditor *editor;
  const FurrowYieldModel *fitted;
  FurrowHistory *history = furrow_window_get_history (fixture->window);
  FurrowYieldModel truth, stored;
  FurrowYieldPrediction expected;
  AdwComboRow *yield_row;
  g_autoptr(GdkTexture) screenshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autoptr(FurrowField) field = NULL;

  /* The planner plans the project's first field. */
  field = g_list_model_get_item (furrow_store_get_fields (furrow_window_get_store (fixture->window)),
                                 0);
  g_assert_nonnull (field);
  furrow_planner_panel_set_field (panel, field);

  /* The planner opens the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "planner.edit-yield-models",
                                             NULL));
  editor = FURROW_YIELD_MODEL_EDITOR (furrow_test_find_toplevel (FURROW_TYPE_YIELD_MODEL_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) ==
                 GTK_WINDOW (fixture->window));
  furrow_test_wait_for_frame (GTK_WIDGET (editor));

  /* The "practical" preset is shown first. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (editor, "preset_row"))), ==,
                    0);
  g_assert_true (furrow_yield_model_preset ("practical", &truth, NULL));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (editor, "maize_sole_spin"))),
                     ==, truth.sole_yield_kg_per_mu[FURROW_CROP_MAIZE]);

  /* Known factors, different from the preset's. */
  truth.border_factor[FURROW_CROP_MAIZE] = 1.25;
  truth.inner_factor[FURROW_CROP_MAIZE] = 1.02;
  truth.border_factor[FURROW_CROP_SOYBEAN] = 0.72;
  truth.inner_factor[FURROW_CROP_SOYBEAN] = 0.95;
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      FurrowPattern pattern;
      FurrowYieldPrediction prediction;

      g_assert_true (furrow_pattern_preset (patterns[i], &pattern));
      furrow_yield_model_predict (&truth, &pattern, &prediction);
      furrow_yield_model_editor_add_observation (editor, patterns[i],
                                                 prediction.yield_kg_per_mu[FURROW_CROP_MAIZE],
                                                 prediction.yield_kg_per_mu[FURROW_CROP_SOYBEAN]);
    }
  g_assert_cmpuint (furrow_yield_model_editor_get_n_observations (editor), ==, 3);
  g_assert_cmpuint (furrow_yield_model_editor_get_n_points (editor), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.fit", NULL));

  fitted = furrow_yield_model_editor_get_model (editor);
  g_assert_cmpfloat_with_epsilon (fitted->border_factor[FURROW_CROP_MAIZE], 1.25, 1e-6);
  g_assert_cmpfloat_with_epsilon (fitted->inner_factor[FURROW_CROP_MAIZE], 1.02, 1e-6);
  g_assert_cmpfloat_with_epsilon (fitted->border_factor[FURROW_CROP_SOYBEAN], 0.72, 1e-6);
  g_assert_cmpfloat_with_epsilon (fitted->inner_factor[FURROW_CROP_SOYBEAN], 0.95, 1e-6);
  /* the spins show the fitted values (4 decimals) */
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (editor, "soy_border_spin"))),
                                  0.72, 1e-9);
  /* one dot per field and crop; the fit line says how good */
  g_assert_cmpuint (furrow_yield_model_editor_get_n_points (editor), ==, 6);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (editor, "fit_label"))),
                            "3 fields"));

  /* Saved as a named preset in the project: a second connection to the file reads it with the
   * fitted factors, the audit log has its row, and the editor selects it. */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "name_row")), "Our 2025 fields");
  g_signal_emit_by_name (child (editor, "name_row"), "apply");
  g_assert_true (file_has_preset (fixture->project, "Our 2025 fields", &stored));
  g_assert_cmpfloat_with_epsilon (stored.border_factor[FURROW_CROP_MAIZE], 1.25, 1e-6);
  g_assert_cmpfloat_with_epsilon (stored.inner_factor[FURROW_CROP_SOYBEAN], 0.95, 1e-6);
  g_assert_cmpfloat (stored.sole_yield_kg_per_mu[FURROW_CROP_MAIZE], ==,
                     truth.sole_yield_kg_per_mu[FURROW_CROP_MAIZE]);
  g_assert_cmpuint (audit_rows (fixture->project, "yield_preset:Our 2025 fields",
                                "yield_preset.save"), ==, 1);
  /* built-ins first, then the stored presets sorted by name */
  names = combo_names (ADW_COMBO_ROW (child (editor, "preset_row")));
  g_assert_true (g_str_has_suffix (names, "|CLI 2024|Our 2025 fields"));
  g_clear_pointer (&names, g_free);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (editor, "preset_row"))), ==,
                    furrow_yield_model_n_presets () + 1);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (child (editor, "delete_button"))));

  /* The planner lists it at once, and plans with exactly the stored model when chosen. */
  yield_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                            FURROW_TYPE_PLANNER_PANEL,
                                                            "yield_row"));
  g_assert_nonnull (yield_row);
  names = combo_names (yield_row);
  g_assert_true (g_str_has_suffix (names, "|CLI 2024|Our 2025 fields"));
  g_clear_pointer (&names, g_free);
  adw_combo_row_set_selected (yield_row, furrow_yield_model_n_presets () + 1);
  g_assert_nonnull (furrow_planner_panel_get_layout (panel));
  furrow_yield_model_predict_layout (&stored, furrow_planner_panel_get_layout (panel), &expected);
  g_assert_cmpfloat_with_epsilon (furrow_planner_panel_get_prediction (panel)->yield_kg_per_mu[FURROW_CROP_MAIZE],
                                  expected.yield_kg_per_mu[FURROW_CROP_MAIZE], 1e-9);
  g_assert_cmpfloat_with_epsilon (furrow_planner_panel_get_prediction (panel)->yield_kg_per_mu[FURROW_CROP_SOYBEAN],
                                  expected.yield_kg_per_mu[FURROW_CROP_SOYBEAN], 1e-9);

  /* Undo in the window's history: gone from the file and from both lists; the planner is back
   * on the first built-in preset. Redo brings it back. */
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "Save Yield Preset");
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_false (file_has_preset (fixture->project, "Our 2025 fields", NULL));
  names = combo_names (yield_row);
  g_assert_true (g_str_has_suffix (names, "|CLI 2024"));
  g_clear_pointer (&names, g_free);
  g_assert_cmpuint (adw_combo_row_get_selected (yield_row), ==, 0);
  names = combo_names (ADW_COMBO_ROW (child (editor, "preset_row")));
  g_assert_true (g_str_has_suffix (names, "|CLI 2024"));
  g_clear_pointer (&names, g_free);
  g_assert_true (furrow_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_true (file_has_preset (fixture->project, "Our 2025 fields", NULL));

  /* The built-in presets are read-only: no delete, and saving under a built-in id is refused. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "preset_row")), 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (editor, "delete_button"))));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "name_row")), "practical");
  g_signal_emit_by_name (child (editor, "name_row"), "apply");
  g_assert_false (file_has_preset (fixture->project, "practical", NULL));
  g_assert_cmpuint (audit_rows (fixture->project, "yield_preset:practical", "yield_preset.save"),
                    ==, 0);

  /* Back to a built-in preset and to the saved one again. */
  g_assert_cmpfloat (furrow_yield_model_editor_get_model (editor)->border_factor[FURROW_CROP_MAIZE],
                     !=, 1.25);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "preset_row")),
                              furrow_yield_model_n_presets () + 1);
  g_assert_cmpfloat_with_epsilon (furrow_yield_model_editor_get_model (editor)->border_factor[FURROW_CROP_MAIZE],
                                  1.25, 1e-6);

  /* The preset `furrow-cli calibrate` stored is there, with the factors it fitted from yields
   * made with maize border 1.10 and soybean inner 0.90 (fixture_set_up). Deleting it is
   * undoable from the editor's toast (editor.undo). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "preset_row")),
                              furrow_yield_model_n_presets ());
  g_assert_cmpstr (furrow_yield_model_editor_get_model (editor)->name, ==, "CLI 2024");
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (editor, "maize_border_spin"))),
                                  1.10, 1e-4);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (editor, "soy_inner_spin"))),
                                  0.90, 1e-4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-preset", NULL));
  g_assert_false (file_has_preset (fixture->project, "CLI 2024", NULL));
  g_assert_cmpuint (audit_rows (fixture->project, "yield_preset:CLI 2024", "yield_preset.delete"),
                    ==, 1);
  names = combo_names (yield_row);
  g_assert_null (strstr (names, "CLI 2024"));
  g_clear_pointer (&names, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_true (file_has_preset (fixture->project, "CLI 2024", &stored));
  g_assert_cmpfloat_with_epsilon (stored.border_factor[FURROW_CROP_MAIZE], 1.10, 1e-6);
  names = combo_names (yield_row);
  g_assert_true (g_str_has_suffix (names, "|CLI 2024|Our 2025 fields"));
  g_clear_pointer (&names, g_free);

  /* Scroll to the chart for the screenshot. */
  gtk_widget_grab_focus (GTK_WIDGET (child (editor, "scatter")));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (child (editor, "scatter")),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    furrow_test_iterate (100);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  }
  furrow_test_iterate (200);
  screenshot = furrow_test_render_painted (GTK_WIDGET (editor), 50);
  g_assert_nonnull (screenshot);
  furrow_test_save_screenshot (screenshot, "yield-model-editor.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/yield-model-editor/fit", Fixture, fixture_set_up, test_fit,
                     fixture_tear_down);

/* Without a project: the built-in presets only, nothing to save into, nothing to delete. */
static void
test_no_project (void)
{
  FurrowTestApp base = { 0 };
  FurrowWindow *window;
  FurrowYieldModelEditor *editor;

  furrow_test_app_set_up (&base);
  window = furrow_window_new (base.app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (furrow_window_get_planner_panel (window)),
                                             "planner.edit-yield-models", NULL));
  editor = FURROW_YIELD_MODEL_EDITOR (furrow_test_find_toplevel (FURROW_TYPE_YIELD_MODEL_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (child (editor, "preset_row")))),
                    ==, furrow_yield_model_n_presets ());
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (editor, "name_row"))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (editor, "delete_button"))));
  furrow_test_app_tear_down (&base);
}
FURROW_TEST ("/furrow/gui/yield-model-editor/no-project", test_no_project);

/* A row of the fit table gives back the pattern chosen and the yields written, to the digit;
 * an empty yield is not measured (NAN); a negative one is refused. */
static void
test_observation_row (void)
{
  g_autoptr(FurrowObservationRow) row = g_object_ref_sink (furrow_observation_row_new ());
  const char *id = furrow_pattern_preset_info (1)->id;
  FurrowYieldObservation obs;
  FurrowPattern expected;

  g_assert_true (furrow_pattern_preset (id, &expected));
  furrow_observation_row_set (row, id, 512.25, NAN);
  g_assert_true (furrow_observation_row_get (row, &obs));
  g_assert_cmpuint (obs.pattern.maize_rows, ==, expected.maize_rows);
  g_assert_cmpuint (obs.pattern.soy_rows, ==, expected.soy_rows);
  g_assert_cmpfloat (obs.yield_kg_per_mu[FURROW_CROP_MAIZE], ==, 512.25);
  g_assert_true (isnan (obs.yield_kg_per_mu[FURROW_CROP_SOYBEAN]));

  furrow_observation_row_set (row, id, 512.25, -3);
  g_assert_false (furrow_observation_row_get (row, &obs));
}
FURROW_TEST ("/furrow/gui/yield-model-editor/observation-row", test_observation_row);

FURROW_TEST_GUI_MAIN ();
