/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The progress dialog of a GTask job (furrow-task-progress.h): the thread writes two atomic
 * counts, a 100 ms timeout on the main loop moves the bar from them, so the thread never
 * touches a widget (docs/architecture.md, Threads). */

#include "config.h"

#include "furrow-task-progress.h"

#include <glib/gi18n.h>

struct _FurrowTaskProgress
{
  AdwMessageDialog *dialog;       /* while it is open (a weak pointer) */
  GtkProgressBar   *bar;
  GCancellable     *cancellable;  /* what Cancel cancels, or NULL */
  guint             pulse;        /* the main-loop poll that moves the bar */
  int               done;         /* atomic: counted so far, by the thread */
  int               total;        /* atomic: 0 until the thread knows */
};

static gboolean
pulse_cb (gpointer user_data)
{
  FurrowTaskProgress *self = user_data;
  int total = g_atomic_int_get (&self->total);
  int done = g_atomic_int_get (&self->done);

  if (self->dialog == NULL)
    return G_SOURCE_CONTINUE;
  if (total > 0)
    {
      /* Translators: records or rows done of all, e.g. "420 of 1,000". */
      g_autofree char *text = g_strdup_printf (_("%d of %d"), done, total);

      gtk_progress_bar_set_fraction (self->bar, (double) done / total);
      gtk_progress_bar_set_text (self->bar, text);
    }
  else
    gtk_progress_bar_pulse (self->bar);
  return G_SOURCE_CONTINUE;
}

static void
response_cb (AdwMessageDialog   *dialog,
             const char         *response,
             FurrowTaskProgress *self)
{
  if (g_str_equal (response, "cancel"))
    g_cancellable_cancel (self->cancellable);
}

FurrowTaskProgress *
furrow_task_progress_new (GtkWindow    *parent,
                          const char   *heading,
                          const char   *body,
                          GCancellable *cancellable)
{
  FurrowTaskProgress *self;
  GtkWidget *bar;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_new0 (FurrowTaskProgress, 1);
  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  self->bar = GTK_PROGRESS_BAR (bar);
  adw_message_dialog_set_extra_child (self->dialog, bar);
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      adw_message_dialog_add_response (self->dialog, "cancel", _("_Cancel"));
      adw_message_dialog_set_close_response (self->dialog, "cancel");
      g_signal_connect (self->dialog, "response", G_CALLBACK (response_cb), self);
    }
  self->pulse = g_timeout_add (100, pulse_cb, self);
  gtk_window_present (GTK_WINDOW (self->dialog));
  return self;
}

void
furrow_task_progress_report (guint    done,
                             guint    total,
                             gpointer progress)
{
  FurrowTaskProgress *self = progress;

  g_atomic_int_set (&self->total, (int) total);
  g_atomic_int_set (&self->done, (int) done);
}

AdwMessageDialog *
furrow_task_progress_get_dialog (FurrowTaskProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dialog;
}

void
furrow_task_progress_close (FurrowTaskProgress *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->pulse, g_source_remove);
  if (self->dialog != NULL)
    {
      AdwMessageDialog *dialog = self->dialog;

      g_signal_handlers_disconnect_by_data (dialog, self);
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

void
furrow_task_progress_free (FurrowTaskProgress *self)
{
  if (self == NULL)
    return;
  furrow_task_progress_close (self);
  g_clear_object (&self->cancellable);
  g_free (self);
}
