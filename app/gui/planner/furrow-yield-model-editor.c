/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-yield-model-editor.h"
#include "furrow-template.h"
#include "furrow-yield-model-editor-testing.h"
#include "furrow-chart.h"
#include "furrow-edit-season.h"
#include "furrow-observation-row.h"
#include "furrow-store-roles.h"
#include "furrow-store-yield.h"

/* The agronomist's yield model editor (issue 7.3): a preset (built-in or calibrated and saved),
 * its parameters, and "fit from measured yields": fields with their pattern and measured maize
 * and soybean kg/mu, fitted by the core (furrow_yield_model_fit), shown as predicted against
 * measured with the 1:1 line (furrow_chart_draw_fit). Calibrated presets live in the project's
 * `yield_presets` table (furrow-store-yield.h), the same ones `furrow-cli calibrate` stores and
 * the planner offers; saving and deleting are undoable commands of the window's history. The
 * built-in presets are read-only: the store refuses their names and they cannot be deleted. */

struct _FurrowYieldModelEditor
{
  AdwPreferencesWindow parent_instance;

  /* template */
  AdwComboRow    *preset_row;
  GtkButton      *delete_button;
  GtkSpinButton  *maize_sole_spin;
  GtkSpinButton  *soy_sole_spin;
  GtkSpinButton  *maize_border_spin;
  GtkSpinButton  *maize_inner_spin;
  GtkSpinButton  *soy_border_spin;
  GtkSpinButton  *soy_inner_spin;
  GtkSpinButton  *maize_exp_spin;
  GtkSpinButton  *soy_exp_spin;
  GtkListBox     *observations_box;
  GtkLabel       *fit_label;
  GtkDrawingArea *scatter;
  AdwEntryRow    *name_row;
  AdwPreferencesGroup *save_group;

  FurrowStore       *store;
  FurrowHistory     *history;
  GtkStringList     *preset_names;
  FurrowYieldModel   model;
  GArray            *points;    /* FurrowChartFitPoint */
  guint              n_observations;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (FurrowYieldModelEditor, furrow_yield_model_editor, ADW_TYPE_PREFERENCES_WINDOW)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowYieldModelEditor, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (preset_row), CHILD (delete_button), CHILD (maize_sole_spin), CHILD (soy_sole_spin),
  CHILD (maize_border_spin), CHILD (maize_inner_spin), CHILD (soy_border_spin),
  CHILD (soy_inner_spin), CHILD (maize_exp_spin), CHILD (soy_exp_spin), CHILD (observations_box),
  CHILD (fit_label), CHILD (scatter), CHILD (name_row), CHILD (save_group),
};
#undef CHILD

static void
show_model (FurrowYieldModelEditor *self)
{
  const FurrowYieldModel *m = &self->model;

  self->updating = TRUE;
  gtk_spin_button_set_value (self->maize_sole_spin, m->sole_yield_kg_per_mu[FURROW_CROP_MAIZE]);
  gtk_spin_button_set_value (self->soy_sole_spin, m->sole_yield_kg_per_mu[FURROW_CROP_SOYBEAN]);
  gtk_spin_button_set_value (self->maize_border_spin, m->border_factor[FURROW_CROP_MAIZE]);
  gtk_spin_button_set_value (self->maize_inner_spin, m->inner_factor[FURROW_CROP_MAIZE]);
  gtk_spin_button_set_value (self->soy_border_spin, m->border_factor[FURROW_CROP_SOYBEAN]);
  gtk_spin_button_set_value (self->soy_inner_spin, m->inner_factor[FURROW_CROP_SOYBEAN]);
  gtk_spin_button_set_value (self->maize_exp_spin, m->density_exponent[FURROW_CROP_MAIZE]);
  gtk_spin_button_set_value (self->soy_exp_spin, m->density_exponent[FURROW_CROP_SOYBEAN]);
  self->updating = FALSE;
}

static void
value_changed_cb (FurrowYieldModelEditor *self)
{
  FurrowYieldModel *m = &self->model;

  if (self->updating)
    return;
  m->sole_yield_kg_per_mu[FURROW_CROP_MAIZE] = gtk_spin_button_get_value (self->maize_sole_spin);
  m->sole_yield_kg_per_mu[FURROW_CROP_SOYBEAN] = gtk_spin_button_get_value (self->soy_sole_spin);
  m->border_factor[FURROW_CROP_MAIZE] = gtk_spin_button_get_value (self->maize_border_spin);
  m->inner_factor[FURROW_CROP_MAIZE] = gtk_spin_button_get_value (self->maize_inner_spin);
  m->border_factor[FURROW_CROP_SOYBEAN] = gtk_spin_button_get_value (self->soy_border_spin);
  m->inner_factor[FURROW_CROP_SOYBEAN] = gtk_spin_button_get_value (self->soy_inner_spin);
  m->density_exponent[FURROW_CROP_MAIZE] = gtk_spin_button_get_value (self->maize_exp_spin);
  m->density_exponent[FURROW_CROP_SOYBEAN] = gtk_spin_button_get_value (self->soy_exp_spin);
}

/* The stored preset shown at `index` of the list, or NULL for a built-in one. */
static const char *
stored_name_at (FurrowYieldModelEditor *self,
                guint                   index)
{
  if (index == GTK_INVALID_LIST_POSITION || index < furrow_yield_model_n_presets () ||
      index >= g_list_model_get_n_items (G_LIST_MODEL (self->preset_names)))
    return NULL;
  return gtk_string_list_get_string (self->preset_names, index);
}

/* Saving and deleting a preset are a manager's or an agronomist's (furrow-store-roles.h). */
static gboolean
may_save (FurrowYieldModelEditor *self)
{
  return self->store != NULL &&
         furrow_role_may (furrow_store_get_role (self->store), FURROW_PERMISSION_YIELD_PRESETS);
}

static void
update_actions (FurrowYieldModelEditor *self)
{
  guint index = adw_combo_row_get_selected (self->preset_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-preset",
                                 may_save (self) && stored_name_at (self, index) != NULL);
}

/* The name row offered when the role may save, and the group says why when it may not; again
 * when the store's role changes (`furrow-cli server grant` while the editor is open). */
static void
update_save (FurrowYieldModelEditor *self)
{
  const char *why;

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), may_save (self));
  if (self->store == NULL)
    why = _("Open a project to save a preset in it.");
  else if (may_save (self))
    why = _("Saved in the project: the planner and furrow-cli offer it too.");
  else
    why = _("Saving and deleting presets is for the agronomist or the manager; your role "
            "only reads them.");
  adw_preferences_group_set_description (self->save_group, why);
  update_actions (self);
}

/* Lists the built-in presets, then the project's, and selects `select` (a built-in id or a
 * stored name; the first built-in when it is not listed: then FALSE) without changing the
 * model. */
static gboolean
load_preset_names (FurrowYieldModelEditor *self,
                   const char             *select)
{
  g_auto(GStrv) stored = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->preset_names));
  guint selected = 0;
  gboolean found = FALSE;

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      stored = furrow_store_list_yield_presets (self->store, &error);
      if (stored == NULL)
        g_warning ("Cannot list the yield presets: %s", error->message);
    }

  self->updating = TRUE;
  gtk_string_list_splice (self->preset_names, 0, n, NULL);
  for (guint i = 0; i < furrow_yield_model_n_presets (); i++)
    {
      gtk_string_list_append (self->preset_names, furrow_yield_model_preset_label (i));
      if (g_strcmp0 (furrow_yield_model_preset_id (i), select) == 0)
        {
          selected = i;
          found = TRUE;
        }
    }
  for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
    {
      gtk_string_list_append (self->preset_names, stored[i]);
      if (g_strcmp0 (stored[i], select) == 0)
        {
          selected = furrow_yield_model_n_presets () + i;
          found = TRUE;
        }
    }
  adw_combo_row_set_selected (self->preset_row, selected);
  self->updating = FALSE;
  update_actions (self);
  return found;
}

static void
preset_changed_cb (FurrowYieldModelEditor *self)
{
  guint index = adw_combo_row_get_selected (self->preset_row);
  const char *stored = stored_name_at (self, index);
  g_autoptr(GError) error = NULL;

  if (self->updating || index == GTK_INVALID_LIST_POSITION)
    return;
  update_actions (self);
  if (index < furrow_yield_model_n_presets ())
    furrow_yield_model_preset (furrow_yield_model_preset_id (index), &self->model, NULL);
  else if (stored == NULL ||
           !furrow_store_find_yield_preset (self->store, stored, &self->model, &error))
    {
      if (error != NULL)
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (error->message));
      return;
    }
  show_model (self);
}

/* The project's presets changed (a save, a delete, an undo in the window): the list follows.
 * A stored preset shown is read again (an undo may have put back older values); when it is
 * gone, the first built-in preset is shown instead. A built-in one shown stays as edited. */
static void
presets_changed_cb (FurrowYieldModelEditor *self)
{
  guint index = adw_combo_row_get_selected (self->preset_row);
  const char *stored = stored_name_at (self, index);
  g_autofree char *name = NULL;

  if (stored != NULL)
    name = g_strdup (stored);
  else if (index < furrow_yield_model_n_presets ())
    name = g_strdup (furrow_yield_model_preset_id (index));
  if (!load_preset_names (self, name) || stored != NULL)
    preset_changed_cb (self);
}

/* Does the edit (furrow-edit-season.h) and records it in the history, if there is one. */
static gboolean
run_edit (FurrowYieldModelEditor  *self,
          FurrowEdit              *edit,
          GError                 **error)
{
  g_autoptr(FurrowEdit) owned = edit;

  if (self->history != NULL)
    return furrow_history_push (self->history, g_steal_pointer (&owned), error);
  return furrow_edit_apply (owned, TRUE, error);
}

static void
show_toast (FurrowYieldModelEditor *self,
       const char             *text,
       gboolean                undo)
{
  AdwToast *toast = adw_toast_new (text);

  if (undo && self->history != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "editor.undo");
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
save_cb (FurrowYieldModelEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  FurrowYieldModel model;

  if (!may_save (self) || stripped[0] == '\0')
    return;

  model = self->model;
  g_strlcpy (model.name, stripped, sizeof model.name);
  /* a preset of the same name is replaced: undo brings it back */
  if (!run_edit (self, furrow_edit_yield_preset_save (self->store, &model), &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  g_strlcpy (self->model.name, stripped, sizeof self->model.name);
  /* the store's signal listed it; select it and show what the project holds */
  load_preset_names (self, self->model.name);
  preset_changed_cb (self);
  /* Translators: %s is the name of a yield preset */
  text = g_strdup_printf (_("Saved yield preset “%s” in the project"), self->model.name);
  show_toast (self, text, TRUE);
}

static void
delete_preset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FurrowYieldModelEditor *self = FURROW_YIELD_MODEL_EDITOR (widget);
  const char *name = stored_name_at (self, adw_combo_row_get_selected (self->preset_row));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  FurrowEdit *edit;

  if (!may_save (self) || name == NULL)
    return;

  edit = furrow_edit_yield_preset_delete (self->store, name, &error);
  if (edit == NULL)
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  /* Translators: %s is the name of a yield preset */
  text = g_strdup_printf (_("Deleted yield preset “%s”"), name);
  /* a preset a season plans with is refused (FURROW_STORE_ERROR_IN_USE): the toast says why */
  if (!run_edit (self, edit, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  show_toast (self, text, TRUE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowYieldModelEditor *self = FURROW_YIELD_MODEL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->history != NULL && furrow_history_get_can_undo (self->history) &&
      !furrow_history_undo (self->history, &error))
    show_toast (self, error->message, FALSE);
}

static void
remove_row_cb (FurrowObservationRow   *row,
               FurrowYieldModelEditor *self)
{
  gtk_list_box_remove (self->observations_box, GTK_WIDGET (row));
  self->n_observations--;
}

static FurrowObservationRow *
add_row (FurrowYieldModelEditor *self)
{
  FurrowObservationRow *row = furrow_observation_row_new ();

  g_signal_connect (row, "remove-clicked", G_CALLBACK (remove_row_cb), self);
  gtk_list_box_append (self->observations_box, GTK_WIDGET (row));
  self->n_observations++;
  return row;
}

static void
add_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_row (FURROW_YIELD_MODEL_EDITOR (widget));
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FurrowYieldModelEditor *self = FURROW_YIELD_MODEL_EDITOR (widget);
  g_autofree FurrowYieldObservation *obs = g_new0 (FurrowYieldObservation, MAX (self->n_observations, 1));
  g_autofree FurrowYieldCalibration *cal = g_new0 (FurrowYieldCalibration, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->observations_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (!FURROW_IS_OBSERVATION_ROW (row))
        continue;
      if (!furrow_observation_row_get (FURROW_OBSERVATION_ROW (row), &obs[n]))
        {
          /* Translators: %u is the row of the table, from 1. */
          text = g_strdup_printf (_("Field %u: a yield is not a number of kg/mu"), n + 1);
          gtk_label_set_text (self->fit_label, text);
          return;
        }
      n++;
    }

  if (!furrow_yield_model_fit (&self->model, self->model.name, obs, n, cal, &error))
    {
      gtk_label_set_text (self->fit_label, error->message);
      return;
    }

  self->model = cal->model;
  show_model (self);

  g_array_set_size (self->points, 0);
  for (guint i = 0; i < n; i++)
    {
      FurrowYieldPrediction prediction;

      furrow_yield_model_predict (&self->model, &obs[i].pattern, &prediction);
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        {
          FurrowChartFitPoint point = { obs[i].yield_kg_per_mu[c],
                                        prediction.yield_kg_per_mu[c], c };

          if (!isnan (point.measured_kg_per_mu))
            g_array_append_val (self->points, point);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->scatter));

  /* Translators: root mean square of the residuals after the fit. */
  text = g_strdup_printf (ngettext ("Fitted to %u field: residuals %.1f kg/mu maize, %.1f kg/mu soybean (RMS)",
                                    "Fitted to %u fields: residuals %.1f kg/mu maize, %.1f kg/mu soybean (RMS)",
                                    n),
                          n, cal->rms_kg_per_mu[FURROW_CROP_MAIZE],
                          cal->rms_kg_per_mu[FURROW_CROP_SOYBEAN]);
  gtk_label_set_text (self->fit_label, text);
}

static void
draw_scatter (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  furrow_yield_model_editor_draw_chart (FURROW_YIELD_MODEL_EDITOR (data), cr, width, height);
}

static void
furrow_yield_model_editor_dispose (GObject *object)
{
  FurrowYieldModelEditor *self = FURROW_YIELD_MODEL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_YIELD_MODEL_EDITOR);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->preset_names);
  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (furrow_yield_model_editor_parent_class)->dispose (object);
}

static void
furrow_yield_model_editor_class_init (FurrowYieldModelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_yield_model_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/planner/furrow-yield-model-editor.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-field", NULL, add_field_action);
  gtk_widget_class_install_action (widget_class, "editor.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-preset", NULL,
                                   delete_preset_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
}

static void
furrow_yield_model_editor_init (FurrowYieldModelEditor *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (FurrowChartFitPoint));
  self->preset_names = gtk_string_list_new (NULL);
  furrow_yield_model_preset ("practical", &self->model, NULL);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (self->preset_names));
  self->updating = FALSE;
  load_preset_names (self, "practical");
  show_model (self);

  gtk_drawing_area_set_draw_func (self->scatter, draw_scatter, self, NULL);
}

/* @store: (nullable): the project whose presets are listed and saved; without one only the
 * built-in presets are offered and nothing can be saved.
 * @history: (nullable): where saves and deletes are recorded for undo (the window's). */
FurrowYieldModelEditor *
furrow_yield_model_editor_new (GtkWindow     *parent,
                               FurrowStore   *store,
                               FurrowHistory *history)
{
  FurrowYieldModelEditor *self;

  g_return_val_if_fail (store == NULL || FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (history == NULL || FURROW_IS_HISTORY (history), NULL);

  self = g_object_new (FURROW_TYPE_YIELD_MODEL_EDITOR, "transient-for", parent, NULL);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (store, "yield-presets-changed", G_CALLBACK (presets_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "role-changed", G_CALLBACK (update_save), self,
                               G_CONNECT_SWAPPED);
    }
  g_set_object (&self->history, history);
  load_preset_names (self, "practical");
  update_save (self);
  return self;
}

const FurrowYieldModel *
furrow_yield_model_editor_get_model (FurrowYieldModelEditor *self)
{
  g_return_val_if_fail (FURROW_IS_YIELD_MODEL_EDITOR (self), NULL);

  return &self->model;
}

/* Adds a row to the table of measured fields; NAN leaves a yield empty (not measured). Yields
 * are written with every digit, so a fit of typed values is the fit of these values. */
void
furrow_yield_model_editor_add_observation (FurrowYieldModelEditor *self,
                                           const char             *pattern_id,
                                           double                  maize_kg_per_mu,
                                           double                  soy_kg_per_mu)
{
  g_return_if_fail (FURROW_IS_YIELD_MODEL_EDITOR (self));

  furrow_observation_row_set (add_row (self), pattern_id, maize_kg_per_mu, soy_kg_per_mu);
}

guint
furrow_yield_model_editor_get_n_observations (FurrowYieldModelEditor *self)
{
  g_return_val_if_fail (FURROW_IS_YIELD_MODEL_EDITOR (self), 0);

  return self->n_observations;
}

/* Dots on the predicted-against-measured chart. */
guint
furrow_yield_model_editor_get_n_points (FurrowYieldModelEditor *self)
{
  g_return_val_if_fail (FURROW_IS_YIELD_MODEL_EDITOR (self), 0);

  return self->points->len;
}

/* The chart of the last fit, drawn by io (furrow_chart_draw_fit) on any cairo_t. */
void
furrow_yield_model_editor_draw_chart (FurrowYieldModelEditor *self,
                                      cairo_t                *cr,
                                      int                     width,
                                      int                     height)
{
  g_return_if_fail (FURROW_IS_YIELD_MODEL_EDITOR (self));

  furrow_chart_draw_fit (cr, width, height, (const FurrowChartFitPoint *) self->points->data,
                         self->points->len);
}
