/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowNewSeasonDialog: asks the name, crop year and starting rules of a new season. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-new-season-dialog.h"
#include "furrow-new-season-dialog-testing.h"
#include "furrow-store-season.h"

struct _FurrowNewSeasonDialog
{
  AdwMessageDialog parent_instance;

  /* template */
  AdwEntryRow     *name_row;
  GtkSpinButton   *year_spin;
  AdwComboRow     *rules_row;

  FurrowStore     *store;
  GListModel      *seasons;
};

G_DEFINE_FINAL_TYPE (FurrowNewSeasonDialog, furrow_new_season_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
name_taken (FurrowNewSeasonDialog *self,
            const char            *name)
{
  for (guint i = 0; self->seasons != NULL && i < g_list_model_get_n_items (self->seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (self->seasons, i);

      if (g_strcmp0 (furrow_season_get_name (season), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
name_changed_cb (FurrowNewSeasonDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean taken = name_taken (self, name);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           *name != '\0' && !taken);
  if (taken)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
furrow_new_season_dialog_dispose (GObject *object)
{
  FurrowNewSeasonDialog *self = FURROW_NEW_SEASON_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->seasons);

  G_OBJECT_CLASS (furrow_new_season_dialog_parent_class)->dispose (object);
}

static void
furrow_new_season_dialog_class_init (FurrowNewSeasonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_new_season_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/season/furrow-new-season-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FurrowNewSeasonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FurrowNewSeasonDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, FurrowNewSeasonDialog, rules_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
furrow_new_season_dialog_init (FurrowNewSeasonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FurrowNewSeasonDialog *
furrow_new_season_dialog_new (GtkWindow   *parent,
                              FurrowStore *store)
{
  FurrowNewSeasonDialog *self;
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint year = (guint) g_date_time_get_year (now);
  g_autofree char *name = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);

  self = g_object_new (FURROW_TYPE_NEW_SEASON_DIALOG, "transient-for", parent, "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->seasons = furrow_store_get_seasons (store);

  /* Translators: the first choice of where a new season's prices and rules come from. */
  gtk_string_list_append (rules, _("Defaults"));
  for (guint i = 0; i < g_list_model_get_n_items (self->seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (self->seasons, i);
      /* Translators: where a new season's rules come from; %s is an earlier season's name. */
      g_autofree char *label = g_strdup_printf (_("Copy of “%s”"),
                                                furrow_season_get_name (season));

      gtk_string_list_append (rules, label);
      year = MAX (year, furrow_season_get_crop_year (season) + 1);
    }
  adw_combo_row_set_model (self->rules_row, G_LIST_MODEL (rules));
  /* The latest season's rules are the likeliest start of the next one. */
  adw_combo_row_set_selected (self->rules_row, g_list_model_get_n_items (self->seasons));
  gtk_spin_button_set_value (self->year_spin, year);
  /* Translators: the suggested name of a new season; %u is its crop year. */
  name = g_strdup_printf (_("%u maize–soybean strip intercropping"), year);
  for (guint n = 2; name_taken (self, name); n++)
    {
      g_autofree char *base = g_strdup_printf (_("%u maize–soybean strip intercropping"), year);

      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  name_changed_cb (self);
  return self;
}

FurrowSeason *
furrow_new_season_dialog_build (FurrowNewSeasonDialog *self)
{
  g_autofree char *name = NULL;
  guint year;
  guint rules;
  FurrowSeason *season;

  g_return_val_if_fail (FURROW_IS_NEW_SEASON_DIALOG (self), NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  year = (guint) gtk_spin_button_get_value_as_int (self->year_spin);
  rules = adw_combo_row_get_selected (self->rules_row);
  if (rules != GTK_INVALID_LIST_POSITION && rules > 0 &&
      rules <= g_list_model_get_n_items (self->seasons))
    {
      g_autoptr(FurrowSeason) source = g_list_model_get_item (self->seasons, rules - 1);

      /* The rules, not the other income (one-off) nor the notes of the earlier season. */
      season = furrow_season_new_from (name, year, source);
    }
  else
    season = furrow_season_new (name, year);
  return season;
}

GtkEditable *
furrow_new_season_dialog_get_name (FurrowNewSeasonDialog *self)
{
  g_return_val_if_fail (FURROW_IS_NEW_SEASON_DIALOG (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

GtkSpinButton *
furrow_new_season_dialog_get_year (FurrowNewSeasonDialog *self)
{
  g_return_val_if_fail (FURROW_IS_NEW_SEASON_DIALOG (self), NULL);

  return self->year_spin;
}
