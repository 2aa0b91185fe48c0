/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's seasons: creating one (win.new-season) and deleting one (win.delete-season),
 * both through the store and both undoable. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-edit-season.h"
#include "furrow-store-season.h"
#include "furrow-window-private.h"
#include "furrow-window-roles.h"
#include "furrow-window-seasons.h"

/* ------------------------------------------------------------------------------------------ */
/* The season edits of core (furrow-edit-season.h), showing their season once applied         */

typedef struct
{
  FurrowEdit  *edit;
  FurrowStore *store;
  GWeakRef     window;
} ShownEdit;

static void
shown_edit_free (gpointer data)
{
  ShownEdit *shown = data;

  g_object_unref (shown->edit);
  g_object_unref (shown->store);
  g_weak_ref_clear (&shown->window);
  g_free (shown);
}

static gboolean
shown_edit_apply (gpointer   data,
                  gboolean   forward,
                  GError   **error)
{
  ShownEdit *shown = data;
  g_autoptr(FurrowWindow) window = NULL;

  if (!furrow_edit_apply (shown->edit, forward, error))
    return FALSE;
  window = g_weak_ref_get (&shown->window);
  if (window != NULL && furrow_window_get_store (window) == shown->store)
    furrow_window_show_season (window, furrow_edit_season_get_season (shown->edit));
  return TRUE;
}

/* Pushes `edit` (taken) on the window's history, showing its season each time it is applied. */
static gboolean
push_shown (FurrowWindow  *self,
            FurrowEdit    *edit,
            GError       **error)
{
  ShownEdit *shown = g_new0 (ShownEdit, 1);

  shown->edit = edit;
  shown->store = g_object_ref (self->store);
  g_weak_ref_init (&shown->window, self);
  return furrow_history_push (self->history,
                              furrow_edit_new (furrow_edit_get_label (edit), shown_edit_apply,
                                               shown, shown_edit_free),
                              error);
}

/* ------------------------------------------------------------------------------------------ */
/* New season                                                                                 */

static void
new_season_response_cb (FurrowNewSeasonDialog *dialog,
                        const char            *response,
                        FurrowWindow          *self)
{
  g_autoptr(FurrowSeason) rules = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0 || self->store == NULL)
    return;
  rules = furrow_new_season_dialog_build (dialog);
  if (!push_shown (self, furrow_edit_season_create (self->store, rules), &error))
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
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL || season == NULL)
    return;
  if (!push_shown (self, furrow_edit_season_delete (self->store, season), &error))
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
                                 season != NULL && !furrow_season_is_read_only (season) &&
                                 furrow_window_may (self, FURROW_PERMISSION_SEASONS));
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
