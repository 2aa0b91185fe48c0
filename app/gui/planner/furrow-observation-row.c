/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowObservationRow: a measured field in the yield model editor's fit table. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-observation-row.h"

struct _FurrowObservationRow
{
  GtkListBoxRow  parent_instance;

  GtkDropDown   *pattern;
  GtkEditable   *maize;
  GtkEditable   *soy;
};

G_DEFINE_FINAL_TYPE (FurrowObservationRow, furrow_observation_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  REMOVE_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
yield_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  return GTK_EDITABLE (entry);
}

static void
remove_clicked_cb (FurrowObservationRow *self)
{
  g_signal_emit (self, signals[REMOVE_CLICKED], 0);
}

static void
furrow_observation_row_class_init (FurrowObservationRowClass *klass)
{
  signals[REMOVE_CLICKED] = g_signal_new ("remove-clicked", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
furrow_observation_row_init (FurrowObservationRow *self)
{
  g_autoptr(GtkStringList) patterns = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove;

  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    gtk_string_list_append (patterns, _(furrow_pattern_preset_info (i)->label));
  self->pattern = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&patterns)),
                                                    NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->pattern), TRUE);
  self->maize = yield_entry (_("Maize kg/mu"));
  self->soy = yield_entry (_("Soybean kg/mu"));
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Field"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Field"), -1);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pattern));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->maize));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->soy));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

FurrowObservationRow *
furrow_observation_row_new (void)
{
  return g_object_new (FURROW_TYPE_OBSERVATION_ROW, NULL);
}

static void
set_yield (GtkEditable *entry,
           double       kg_per_mu)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (kg_per_mu))
    gtk_editable_set_text (entry, g_ascii_dtostr (buffer, sizeof buffer, kg_per_mu));
}

void
furrow_observation_row_set (FurrowObservationRow *self,
                            const char           *pattern_id,
                            double                maize_kg_per_mu,
                            double                soy_kg_per_mu)
{
  g_return_if_fail (FURROW_IS_OBSERVATION_ROW (self));

  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_strcmp0 (furrow_pattern_preset_info (i)->id, pattern_id) == 0)
      gtk_drop_down_set_selected (self->pattern, i);
  set_yield (self->maize, maize_kg_per_mu);
  set_yield (self->soy, soy_kg_per_mu);
}

/* A yield typed by the user: NAN when empty (not measured), FALSE when not a number. */
static gboolean
parse_yield (GtkEditable *entry,
             double      *out)
{
  const char *text = gtk_editable_get_text (entry);
  char *end = NULL;

  *out = NAN;
  if (text[0] == '\0')
    return TRUE;
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *out >= 0;
}

gboolean
furrow_observation_row_get (FurrowObservationRow   *self,
                            FurrowYieldObservation *observation)
{
  guint index;

  g_return_val_if_fail (FURROW_IS_OBSERVATION_ROW (self), FALSE);
  g_return_val_if_fail (observation != NULL, FALSE);

  index = gtk_drop_down_get_selected (self->pattern);
  furrow_pattern_preset (furrow_pattern_preset_info (index)->id, &observation->pattern);
  return parse_yield (self->maize, &observation->yield_kg_per_mu[FURROW_CROP_MAIZE]) &&
         parse_yield (self->soy, &observation->yield_kg_per_mu[FURROW_CROP_SOYBEAN]);
}
