/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-planner-panel.h"
#include "furrow-window.h"
#include "furrow-yield-model-editor.h"
#include "furrow-test-gui.h"

typedef struct
{
  FurrowTestApp  base;
  FurrowWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_app_set_up (&fixture->base);
  fixture->window = furrow_window_new (fixture->base.app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_app_tear_down (&fixture->base);
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
  FurrowYieldModel truth;
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GdkTexture) screenshot = NULL;
  const char *name = NULL;
  double border_maize = 0;

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

  /* Saved as a named preset into GSettings, and listed. */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "name_row")), "Our 2025 fields");
  g_signal_emit_by_name (child (editor, "name_row"), "apply");
  saved = g_settings_get_value (fixture->base.settings, "yield-presets");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 1);
  g_variant_get_child (saved, 0, "(&sdddddddd)", &name, NULL, NULL, NULL, NULL, &border_maize,
                       NULL, NULL, NULL);
  g_assert_cmpstr (name, ==, "Our 2025 fields");
  g_assert_cmpfloat_with_epsilon (border_maize, 1.25, 1e-6);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (editor, "preset_row"))), ==,
                    furrow_yield_model_n_presets ());

  /* Back to a built-in preset and to the saved one again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "preset_row")), 0);
  g_assert_cmpfloat (furrow_yield_model_editor_get_model (editor)->border_factor[FURROW_CROP_MAIZE],
                     !=, 1.25);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "preset_row")),
                              furrow_yield_model_n_presets ());
  g_assert_cmpfloat_with_epsilon (furrow_yield_model_editor_get_model (editor)->border_factor[FURROW_CROP_MAIZE],
                                  1.25, 1e-6);

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
  /* between two frames a window may draw nothing: wait for the next one */
  for (guint attempt = 0; screenshot == NULL && attempt < 50; attempt++)
    {
      furrow_test_wait_for_frame (GTK_WIDGET (editor));
      screenshot = furrow_test_render_widget (GTK_WIDGET (editor));
    }
  g_assert_nonnull (screenshot);
  furrow_test_save_screenshot (screenshot, "yield-model-editor.png");
}

int
main (int   argc,
      char *argv[])
{
  furrow_test_gui_init (&argc, &argv);

  g_test_add ("/furrow/gui/yield-model-editor/fit", Fixture, NULL, fixture_set_up, test_fit,
              fixture_tear_down);

  return g_test_run ();
}
