/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-yield-model-editor.h"
#include "furrow-chart.h"

/* The agronomist's yield model editor (issue 7.3): a preset (built-in or calibrated and saved),
 * its parameters, and "fit from measured yields": fields with their pattern and measured maize
 * and soybean kg/mu, fitted by the core (furrow_yield_model_fit), shown as predicted against
 * measured with the 1:1 line (furrow_chart_draw_fit). Calibrated presets are kept in the
 * GSettings key `yield-presets` until the project store has a table for them. */

#define PRESETS_TYPE "a(sdddddddd)"

struct _FurrowYieldModelEditor
{
  AdwPreferencesWindow parent_instance;

  /* template */
  AdwComboRow    *preset_row;
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

  GSettings         *settings;
  GtkStringList     *preset_names;
  FurrowYieldModel   model;
  GArray            *points;    /* FurrowChartFitPoint */
  guint              n_observations;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (FurrowYieldModelEditor, furrow_yield_model_editor, ADW_TYPE_PREFERENCES_WINDOW)

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

static void
load_preset_names (FurrowYieldModelEditor *self)
{
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "yield-presets");
  GVariantIter iter;
  const char *name;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->preset_names));

  gtk_string_list_splice (self->preset_names, 0, n, NULL);
  for (guint i = 0; i < furrow_yield_model_n_presets (); i++)
    gtk_string_list_append (self->preset_names, furrow_yield_model_preset_label (i));
  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "(&sdddddddd)", &name, NULL, NULL, NULL, NULL, NULL, NULL,
                              NULL, NULL))
    gtk_string_list_append (self->preset_names, name);
}

static gboolean
saved_preset (FurrowYieldModelEditor *self,
              guint                   index,
              FurrowYieldModel       *out)
{
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "yield-presets");
  const char *name;
  double v[8];

  if (index >= g_variant_n_children (saved))
    return FALSE;
  g_variant_get_child (saved, index, "(&sdddddddd)", &name, &v[0], &v[1], &v[2], &v[3], &v[4],
                       &v[5], &v[6], &v[7]);
  /* Everything not saved (sole seeds per mu) comes from the default preset. */
  furrow_yield_model_preset ("practical", out, NULL);
  g_strlcpy (out->name, name, sizeof out->name);
  out->sole_yield_kg_per_mu[FURROW_CROP_MAIZE] = v[0];
  out->sole_yield_kg_per_mu[FURROW_CROP_SOYBEAN] = v[1];
  out->density_exponent[FURROW_CROP_MAIZE] = v[2];
  out->density_exponent[FURROW_CROP_SOYBEAN] = v[3];
  out->border_factor[FURROW_CROP_MAIZE] = v[4];
  out->border_factor[FURROW_CROP_SOYBEAN] = v[5];
  out->inner_factor[FURROW_CROP_MAIZE] = v[6];
  out->inner_factor[FURROW_CROP_SOYBEAN] = v[7];
  return TRUE;
}

static void
preset_changed_cb (FurrowYieldModelEditor *self)
{
  guint index = adw_combo_row_get_selected (self->preset_row);
  guint n_builtin = furrow_yield_model_n_presets ();

  if (self->updating || index == GTK_INVALID_LIST_POSITION)
    return;
  if (index < n_builtin)
    furrow_yield_model_preset (furrow_yield_model_preset_id (index), &self->model, NULL);
  else if (!saved_preset (self, index - n_builtin, &self->model))
    return;
  show_model (self);
}

static void
save_cb (FurrowYieldModelEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "yield-presets");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (PRESETS_TYPE));
  const FurrowYieldModel *m = &self->model;
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  GVariantIter iter;
  GVariant *item;
  guint position = 0, n = 0;

  if (stripped[0] == '\0')
    return;

  /* A preset of the same name is replaced. */
  g_variant_iter_init (&iter, saved);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *other;

      g_variant_get_child (item, 0, "&s", &other);
      if (g_strcmp0 (other, stripped) != 0)
        {
          g_variant_builder_add_value (&builder, item);
          n++;
        }
      g_variant_unref (item);
    }
  g_variant_builder_add (&builder, "(sdddddddd)", stripped,
                         m->sole_yield_kg_per_mu[FURROW_CROP_MAIZE],
                         m->sole_yield_kg_per_mu[FURROW_CROP_SOYBEAN],
                         m->density_exponent[FURROW_CROP_MAIZE],
                         m->density_exponent[FURROW_CROP_SOYBEAN],
                         m->border_factor[FURROW_CROP_MAIZE],
                         m->border_factor[FURROW_CROP_SOYBEAN],
                         m->inner_factor[FURROW_CROP_MAIZE],
                         m->inner_factor[FURROW_CROP_SOYBEAN]);
  position = furrow_yield_model_n_presets () + n;
  g_settings_set_value (self->settings, "yield-presets", g_variant_builder_end (&builder));

  self->updating = TRUE;
  load_preset_names (self);
  adw_combo_row_set_selected (self->preset_row, position);
  self->updating = FALSE;
  g_strlcpy (self->model.name, stripped, sizeof self->model.name);
}

static void
remove_row_cb (GtkButton              *button,
               FurrowYieldModelEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->observations_box, row);
  self->n_observations--;
}

static GtkWidget *
add_row (FurrowYieldModelEditor *self)
{
  g_autoptr(GtkStringList) patterns = gtk_string_list_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dropdown, *maize, *soy, *remove;

  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    gtk_string_list_append (patterns, _(furrow_pattern_preset_info (i)->label));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&patterns)), NULL);
  gtk_widget_set_hexpand (dropdown, TRUE);
  maize = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (maize), _("Maize kg/mu"));
  gtk_editable_set_width_chars (GTK_EDITABLE (maize), 9);
  gtk_entry_set_input_purpose (GTK_ENTRY (maize), GTK_INPUT_PURPOSE_NUMBER);
  soy = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (soy), _("Soybean kg/mu"));
  gtk_editable_set_width_chars (GTK_EDITABLE (soy), 9);
  gtk_entry_set_input_purpose (GTK_ENTRY (soy), GTK_INPUT_PURPOSE_NUMBER);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Field"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Field"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_cb), self);

  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), maize);
  gtk_box_append (GTK_BOX (box), soy);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "pattern", dropdown);
  g_object_set_data (G_OBJECT (row), "maize", maize);
  g_object_set_data (G_OBJECT (row), "soy", soy);
  gtk_list_box_append (self->observations_box, row);
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

/* A yield typed by the user: NAN when empty (not measured), FALSE when not a number. */
static gboolean
parse_yield (GtkWidget *entry,
             double    *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  char *end = NULL;

  *out = NAN;
  if (text[0] == '\0')
    return TRUE;
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *out >= 0;
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
      GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), "pattern");
      guint index;

      if (dropdown == NULL)
        continue;
      index = gtk_drop_down_get_selected (dropdown);
      furrow_pattern_preset (furrow_pattern_preset_info (index)->id, &obs[n].pattern);
      if (!parse_yield (g_object_get_data (G_OBJECT (row), "maize"),
                        &obs[n].yield_kg_per_mu[FURROW_CROP_MAIZE]) ||
          !parse_yield (g_object_get_data (G_OBJECT (row), "soy"),
                        &obs[n].yield_kg_per_mu[FURROW_CROP_SOYBEAN]))
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
  g_clear_object (&self->settings);
  g_clear_object (&self->preset_names);
  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (furrow_yield_model_editor_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, FurrowYieldModelEditor, name)

static void
furrow_yield_model_editor_class_init (FurrowYieldModelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_yield_model_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/furrow-yield-model-editor.ui");
  BIND (preset_row);
  BIND (maize_sole_spin);
  BIND (soy_sole_spin);
  BIND (maize_border_spin);
  BIND (maize_inner_spin);
  BIND (soy_border_spin);
  BIND (soy_inner_spin);
  BIND (maize_exp_spin);
  BIND (soy_exp_spin);
  BIND (observations_box);
  BIND (fit_label);
  BIND (scatter);
  BIND (name_row);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-field", NULL, add_field_action);
  gtk_widget_class_install_action (widget_class, "editor.fit", NULL, fit_action);
}

static void
furrow_yield_model_editor_init (FurrowYieldModelEditor *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (FurrowChartFitPoint));
  self->settings = g_settings_new (APPLICATION_ID);
  self->preset_names = gtk_string_list_new (NULL);
  furrow_yield_model_preset ("practical", &self->model, NULL);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  load_preset_names (self);
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (self->preset_names));
  adw_combo_row_set_selected (self->preset_row, 0);
  self->updating = FALSE;
  show_model (self);

  gtk_drawing_area_set_draw_func (self->scatter, draw_scatter, self, NULL);
}

FurrowYieldModelEditor *
furrow_yield_model_editor_new (GtkWindow *parent)
{
  return g_object_new (FURROW_TYPE_YIELD_MODEL_EDITOR, "transient-for", parent, NULL);
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
  GtkWidget *row;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (FURROW_IS_YIELD_MODEL_EDITOR (self));

  row = add_row (self);
  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_strcmp0 (furrow_pattern_preset_info (i)->id, pattern_id) == 0)
      gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "pattern"), i);
  if (!isnan (maize_kg_per_mu))
    gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "maize"),
                           g_ascii_dtostr (buffer, sizeof buffer, maize_kg_per_mu));
  if (!isnan (soy_kg_per_mu))
    gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "soy"),
                           g_ascii_dtostr (buffer, sizeof buffer, soy_kg_per_mu));
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
