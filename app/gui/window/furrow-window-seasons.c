/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's seasons: creating one (win.new-season) and deleting one (win.delete-season),
 * both through the store and both undoable. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-store-season.h"
#include "furrow-window-private.h"
#include "furrow-window-seasons.h"

/* ------------------------------------------------------------------------------------------ */
/* A season kept whole while it is deleted: rules, plans, harvests and actual costs.           */

typedef struct
{
  FurrowStore  *store;
  FurrowSeason *rules;      /* name, year, notes and money rules (id 0) */
  GArray       *plans;      /* FurrowSeasonPlan */
  GArray       *harvests;   /* FurrowSeasonHarvest */
  GArray       *costs;      /* FurrowSeasonActualCost */
  gint64        id;         /* in the file, 0 while deleted */
  GWeakRef      window;
} SeasonCommand;

static void
season_command_free (gpointer data)
{
  SeasonCommand *command = data;

  g_clear_object (&command->store);
  g_clear_object (&command->rules);
  g_clear_pointer (&command->plans, g_array_unref);
  g_clear_pointer (&command->harvests, g_array_unref);
  g_clear_pointer (&command->costs, g_array_unref);
  g_weak_ref_clear (&command->window);
  g_free (command);
}

/* Adds the season back with everything it had, one transaction. */
static gboolean
add_whole (FurrowStore  *store,
           gpointer      user_data,
           GError      **error)
{
  SeasonCommand *command = user_data;
  g_autoptr(FurrowSeason) season = furrow_season_new_empty ();
  furrow_season_copy_rules (season, command->rules);
  if (!furrow_store_add_season (store, season, error))
    return FALSE;
  for (guint i = 0; command->plans != NULL && i < command->plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (command->plans, FurrowSeasonPlan, i);
      FurrowField *field = furrow_store_get_field_by_id (store, plan->field_id);

      if (field != NULL &&
          !furrow_store_set_plan (store, season, field, &plan->pattern, plan->preset,
                                  plan->yield_preset, error))
        return FALSE;
    }
  for (guint i = 0; command->harvests != NULL && i < command->harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (command->harvests, FurrowSeasonHarvest, i);
      FurrowField *field = furrow_store_get_field_by_id (store, h->field_id);

      if (field != NULL &&
          !furrow_store_set_harvest (store, season, field, h->crop, h->yield_kg, h->revenue_fen,
                                     error))
        return FALSE;
    }
  for (guint i = 0; command->costs != NULL && i < command->costs->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (command->costs, FurrowSeasonActualCost, i);
      FurrowField *field =
        c->field_id > 0 ? furrow_store_get_field_by_id (store, c->field_id) : NULL;

      if ((c->field_id == 0 || field != NULL) &&
          !furrow_store_set_actual_cost (store, season, field, c->item, c->fen, error))
        return FALSE;
    }
  command->id = furrow_season_get_id (season);
  return TRUE;
}

static gboolean
delete_whole (SeasonCommand  *command,
              GError        **error)
{
  FurrowSeason *live = furrow_store_get_season_by_id (command->store, command->id);
  /* Held across the delete, which takes it out of the model. */
  g_autoptr(FurrowSeason) season = live != NULL ? g_object_ref (live) : NULL;

  if (season == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("The season is no longer in the project"));
      return FALSE;
    }
  /* Kept for undo: what the file holds now. */
  g_clear_object (&command->rules);
  g_clear_pointer (&command->plans, g_array_unref);
  g_clear_pointer (&command->harvests, g_array_unref);
  g_clear_pointer (&command->costs, g_array_unref);
  command->rules = furrow_store_find_season (command->store, furrow_season_get_name (season));
  command->plans = furrow_store_get_plans (command->store, season, error);
  if (command->rules == NULL || command->plans == NULL)
    return FALSE;
  command->harvests = furrow_store_get_harvests (command->store, season, error);
  if (command->harvests == NULL)
    return FALSE;
  command->costs = furrow_store_get_actual_costs (command->store, season, error);
  if (command->costs == NULL)
    return FALSE;
  if (!furrow_store_delete_season (command->store, season, error))
    return FALSE;
  command->id = 0;
  return TRUE;
}

static void
show_season_id (SeasonCommand *command)
{
  g_autoptr(FurrowWindow) window = g_weak_ref_get (&command->window);

  if (window == NULL || furrow_window_get_store (window) != command->store)
    return;
  furrow_window_show_season (window, furrow_store_get_season_by_id (command->store, command->id));
}

/* Create: forward adds, backward deletes. */
static gboolean
create_apply (gpointer   data,
              gboolean   forward,
              GError   **error)
{
  SeasonCommand *command = data;
  gboolean ok;

  if (forward)
    ok = furrow_store_transaction (command->store, add_whole, command, error);
  else
    ok = delete_whole (command, error);
  if (ok)
    show_season_id (command);
  return ok;
}

/* Delete: forward deletes, backward adds back. */
static gboolean
delete_apply (gpointer   data,
              gboolean   forward,
              GError   **error)
{
  return create_apply (data, !forward, error);
}

/* ------------------------------------------------------------------------------------------ */
/* New season                                                                                 */

static void
new_season_response_cb (FurrowNewSeasonDialog *dialog,
                        const char            *response,
                        FurrowWindow          *self)
{
  SeasonCommand *command;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (g_strcmp0 (response, "create") != 0 || self->store == NULL)
    return;
  command = g_new0 (SeasonCommand, 1);
  command->store = g_object_ref (self->store);
  command->rules = furrow_new_season_dialog_build (dialog);
  g_weak_ref_init (&command->window, self);
  /* Translators: an undoable edit; %s is the season's name. */
  label = g_strdup_printf (_("Create season “%s”"), furrow_season_get_name (command->rules));
  if (!furrow_history_push (self->history,
                            furrow_edit_new (label, create_apply, command, season_command_free),
                            &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, e.g. "a season named “2027” is already in the project". */
      message = g_strdup_printf (_("Cannot create the season: %s"), error->message);
      furrow_window_show_toast (self, message);
    }
}

FurrowNewSeasonDialog *
furrow_window_new_season (FurrowWindow *self)
{
  FurrowNewSeasonDialog *dialog;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    {
      furrow_window_show_toast (self, _("Open a project to plan its seasons"));
      return NULL;
    }
  dialog = furrow_new_season_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_season_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_season_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  furrow_window_new_season (FURROW_WINDOW (widget));
}

/* ------------------------------------------------------------------------------------------ */
/* Delete season                                                                              */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FurrowWindow     *self)
{
  FurrowSeason *season = g_object_get_data (G_OBJECT (dialog), "furrow-season");
  SeasonCommand *command;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL || season == NULL)
    return;
  command = g_new0 (SeasonCommand, 1);
  command->store = g_object_ref (self->store);
  command->id = furrow_season_get_id (season);
  g_weak_ref_init (&command->window, self);
  /* Translators: an undoable edit; %s is the season's name. */
  label = g_strdup_printf (_("Delete season “%s”"), furrow_season_get_name (season));
  if (!furrow_history_push (self->history,
                            furrow_edit_new (label, delete_apply, command, season_command_free),
                            &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, e.g. "season “2027” is settled and read-only …". */
      message = g_strdup_printf (_("Cannot delete the season: %s"), error->message);
      furrow_window_show_toast (self, message);
    }
}

AdwMessageDialog *
furrow_window_delete_season (FurrowWindow *self,
                             FurrowSeason *season)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  if (self->store == NULL || season == NULL)
    {
      furrow_window_show_toast (self, _("Choose the season to delete in the Seasons list"));
      return NULL;
    }
  if (furrow_season_is_read_only (season))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a season's name. */
      message = g_strdup_printf (_("Season “%s” is settled: reopen it before deleting it"),
                                 furrow_season_get_name (season));
      furrow_window_show_toast (self, message);
      return NULL;
    }
  /* Translators: %s is a season's name. */
  heading = g_strdup_printf (_("Delete Season “%s”?"), furrow_season_get_name (season));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Its plans, harvest records and costs "
                                                         "are deleted with it. Undo brings them "
                                                         "back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "furrow-season", g_object_ref (season),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
delete_season_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  furrow_window_delete_season (self, furrow_season_list_get_selected (self->season_list));
}

/* ------------------------------------------------------------------------------------------ */

static void
update_actions (FurrowWindow *self)
{
  FurrowSeason *season = furrow_season_list_get_selected (self->season_list);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-season",
                                 season != NULL && !furrow_season_is_read_only (season));
}

void
furrow_window_seasons_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-season", NULL, new_season_action);
  gtk_widget_class_install_action (widget_class, "win.delete-season", NULL,
                                   delete_season_action);
}

void
furrow_window_seasons_init (FurrowWindow *self)
{
  g_signal_connect_object (self->season_list, "notify::selected", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->season_view, "notify::season", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  /* A season settled or reopened: the store re-reads its seasons. */
  g_signal_connect_object (furrow_season_list_get_shown (self->season_list), "items-changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
