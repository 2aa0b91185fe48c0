/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-restore-dialog.h"

#include <glib/gi18n.h>

#include "furrow-store-restore.h"

struct _FurrowRestoreDialog
{
  AdwMessageDialog  parent_instance;

  FurrowStore      *store;
  GPtrArray        *points;        /* FurrowRestorePoint, newest first */
  GtkListBox       *list;
  AdwMessageDialog *confirmation;  /* weak: while it is open */
};

G_DEFINE_FINAL_TYPE (FurrowRestoreDialog, furrow_restore_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SIGNAL_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: the date and time of a restore point, strftime format. */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M:%S"));
}

static FurrowRestorePoint *
selected_point (FurrowRestoreDialog *self)
{
  GtkListBoxRow *row = self->list != NULL ? gtk_list_box_get_selected_row (self->list) : NULL;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || self->points == NULL || (guint) index >= self->points->len)
    return NULL;
  return g_ptr_array_index (self->points, index);
}

/* What the confirmation needs once the list has closed (a response closes it). */
typedef struct
{
  FurrowRestoreDialog *dialog;  /* weak: the list may be gone when the answer comes */
  FurrowStore         *store;
  char                *id;
} Confirmation;

static void
confirmation_free (gpointer data)
{
  Confirmation *confirmation = data;

  if (confirmation->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (confirmation->dialog),
                                  (gpointer *) &confirmation->dialog);
  g_object_unref (confirmation->store);
  g_free (confirmation->id);
  g_free (confirmation);
}

static void
confirmation_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          Confirmation     *confirmation)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!furrow_store_restore (confirmation->store, confirmation->id, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      GtkWidget *failed = adw_message_dialog_new (parent, _("Cannot Restore"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }
  if (confirmation->dialog != NULL)
    g_signal_emit (confirmation->dialog, signals[SIGNAL_RESTORED], 0, confirmation->id);
}

static void
furrow_restore_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  FurrowRestoreDialog *self = FURROW_RESTORE_DIALOG (dialog);
  FurrowRestorePoint *point = selected_point (self);
  g_autofree char *time = NULL;
  g_autofree char *body = NULL;
  Confirmation *confirmation;
  GtkWidget *question;

  if (g_strcmp0 (response, "restore") != 0 || point == NULL)
    return;

  time = format_time (point->time);
  /* Translators: %s is a date and time, then what the restore point was taken before
   * ("Before an import"). */
  body = g_strdup_printf (_("The project goes back to how it was at %s (%s). Everything "
                            "changed since is replaced; the present state is kept as a new "
                            "restore point, so this can be undone the same way."),
                          time, furrow_restore_reason_to_label (point->reason));
  question = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                     _("Go Back to This Restore Point?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  confirmation = g_new0 (Confirmation, 1);
  confirmation->dialog = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &confirmation->dialog);
  confirmation->store = g_object_ref (self->store);
  confirmation->id = g_strdup (point->id);
  g_signal_connect_data (question, "response", G_CALLBACK (confirmation_response_cb),
                         confirmation, (GClosureNotify) (void (*) (void)) confirmation_free, 0);
  self->confirmation = ADW_MESSAGE_DIALOG (question);
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *) &self->confirmation);
  gtk_window_present (GTK_WINDOW (question));
}

static void
furrow_restore_dialog_dispose (GObject *object)
{
  FurrowRestoreDialog *self = FURROW_RESTORE_DIALOG (object);

  if (self->confirmation != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->confirmation),
                                    (gpointer *) &self->confirmation);
      self->confirmation = NULL;
    }
  /* The list's rows go with the dialog's child, after its responses. */
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      self->list = NULL;
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  G_OBJECT_CLASS (furrow_restore_dialog_parent_class)->dispose (object);
}

static void
furrow_restore_dialog_class_init (FurrowRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = furrow_restore_dialog_dispose;
  dialog_class->response = furrow_restore_dialog_response;

  signals[SIGNAL_RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
furrow_restore_dialog_init (FurrowRestoreDialog *self)
{
}

static void
selection_changed_cb (GtkListBox          *list,
                      FurrowRestoreDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "restore",
                                           selected_point (self) != NULL);
}

FurrowRestoreDialog *
furrow_restore_dialog_new (GtkWindow   *parent,
                           FurrowStore *store)
{
  FurrowRestoreDialog *self;
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);

  self = g_object_new (FURROW_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Restore Points"),
                       NULL);
  self->store = g_object_ref (store);
  self->points = furrow_restore_points_list (furrow_store_get_path (store), &error);
  if (self->points == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      self->points = g_ptr_array_new ();
    }
  else if (self->points->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("This project has no restore points yet. Furrow keeps one "
                                   "before every import, settlement, reopening and pattern "
                                   "applied to many fields."));
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("Furrow kept a copy of the project before each of these "
                                   "changes. Choose the moment to go back to."));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  for (guint i = 0; i < self->points->len; i++)
    {
      FurrowRestorePoint *point = g_ptr_array_index (self->points, i);
      g_autofree char *time = format_time (point->time);
      g_autofree char *size = g_format_size (point->size);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: what a restore point was taken before, then its size ("1.2 MB"). */
      subtitle = g_strdup_printf (_("%s · %s"), furrow_restore_reason_to_label (point->reason),
                                  size);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), time);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->list, row);
    }
  g_signal_connect (self->list, "selected-rows-changed", G_CALLBACK (selection_changed_cb),
                    self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_visible (scrolled, self->points->len > 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "restore", FALSE);
  if (self->points->len > 0)
    furrow_restore_dialog_select (self, 0);
  return self;
}

guint
furrow_restore_dialog_get_n_points (FurrowRestoreDialog *self)
{
  g_return_val_if_fail (FURROW_IS_RESTORE_DIALOG (self), 0);

  return self->points->len;
}

void
furrow_restore_dialog_select (FurrowRestoreDialog *self,
                              guint                index)
{
  g_return_if_fail (FURROW_IS_RESTORE_DIALOG (self));

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) index));
}

AdwMessageDialog *
furrow_restore_dialog_get_confirmation (FurrowRestoreDialog *self)
{
  g_return_val_if_fail (FURROW_IS_RESTORE_DIALOG (self), NULL);

  return self->confirmation;
}
