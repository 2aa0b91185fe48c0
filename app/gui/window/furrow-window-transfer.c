/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Publish to Server… and Check Out a Copy… (furrow-window-transfer.h; docs/architecture.md, The
 * window, Publish and check out): the window's way to what `furrow-cli publish` and `furrow-cli
 * checkout` do, through the same core (furrow-store-transfer.h), the copy in a GTask thread that
 * opens the project again by its path, as exports do. */

#include "config.h"

#include "furrow-window-transfer.h"

#include <glib/gi18n.h>
#include <string.h>

#include "furrow-atomic-file.h"
#include "furrow-connect-dialog.h"
#include "furrow-store-transfer.h"
#include "furrow-task-progress.h"
#include "furrow-window-private.h"
#include "furrow-window-roles.h"

typedef struct
{
  char               *source;    /* the project's path: the file published, the server's copied */
  char               *uri;       /* publish: the server, without its password; checkout: NULL */
  char               *code;      /* publish: the new cooperative's code as asked */
  char               *path;      /* checkout: the new file */
  FurrowTaskProgress *progress;  /* the dialog: rows copied so far */
} TransferJob;

static void
transfer_job_free (gpointer data)
{
  TransferJob *job = data;

  g_clear_pointer (&job->progress, furrow_task_progress_free);
  g_free (job->source);
  g_free (job->uri);
  g_free (job->code);
  g_free (job->path);
  g_free (job);
}

/* ------------------------------------------------------------------------------------------ */
/* The threads: each returns what to open afterwards                                          */

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TransferJob *job = task_data;
  g_autoptr(FurrowStore) store = NULL;
  GError *error = NULL;
  char *made = NULL;

  store = furrow_store_open (job->source, &error);
  if (store == NULL ||
      !furrow_store_publish (store, job->uri, job->code, &made, furrow_task_progress_report,
                             job->progress, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup_printf ("%s#%s", job->uri, made), g_free);
  g_free (made);
}

static void
checkout_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TransferJob *job = task_data;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowAtomicFile) out = NULL;
  GError *error = NULL;

  /* As `furrow-cli checkout`: never over an existing file, which may be a project in use. */
  if (g_file_test (job->path, G_FILE_TEST_EXISTS))
    {
      g_task_return_new_error (task, FURROW_STORE_ERROR, FURROW_STORE_ERROR_EXISTS,
                               _("%s already exists: check out into a new file"), job->path);
      return;
    }
  store = furrow_store_open (job->source, &error);
  if (store == NULL || !furrow_store_check_output (store, job->path, &error) ||
      (out = furrow_atomic_file_new (job->path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The register holds personal data: the owner's only (docs/architecture.md, Opening). */
  furrow_atomic_file_set_private (out, TRUE);
  if (!furrow_store_checkout (store, furrow_atomic_file_get_path (out),
                              furrow_task_progress_report, job->progress, &error) ||
      !furrow_atomic_file_commit (out, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_strdup (job->path), g_free);
}

/* ------------------------------------------------------------------------------------------ */
/* The dialog, then the result                                                                */

static void
transfer_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FurrowWindow *self = FURROW_WINDOW (source);
  TransferJob *job = g_task_get_task_data (G_TASK (result));
  gboolean publish = job->uri != NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  furrow_task_progress_close (job->progress);
  /* The window is closing: nothing to tell. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (made == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  publish ? _("Not Published")
                                                          : _("No Copy Checked Out"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  name = furrow_connect_dialog_describe (made);
  if (publish)
    {
      g_autofree char *from = furrow_connect_dialog_describe (job->source);

      /* Offered under Recent Servers from now on, as a cooperative opened there is. */
      furrow_connect_dialog_remember (self->settings, made);
      /* Translators: a file's name, then "CODE on host/database". */
      message = g_strdup_printf (_("Published %s as %s"), from, name);
    }
  else
    {
      /* Translators: %s is the new file's name. */
      message = g_strdup_printf (_("Checked out a copy as %s"), name);
    }
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-recent");
  adw_toast_set_action_target_value (toast, g_variant_new_string (made));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static AdwMessageDialog *
start_transfer (FurrowWindow    *self,
                TransferJob     *job,
                const char      *heading,
                const char      *body,
                GTaskThreadFunc  thread)
{
  g_autoptr(GTask) task = NULL;

  job->source = g_strdup (furrow_store_get_path (self->store));
  /* No Cancel: the copy is one transaction on its target, finished or not at all. */
  job->progress = furrow_task_progress_new (GTK_WINDOW (self), heading, body, NULL);
  task = g_task_new (self, NULL, transfer_done_cb, NULL);
  g_task_set_source_tag (task, start_transfer);
  g_task_set_task_data (task, job, transfer_job_free);
  g_task_run_in_thread (task, thread);
  return furrow_task_progress_get_dialog (job->progress);
}

AdwMessageDialog *
furrow_window_start_publish (FurrowWindow *self,
                             const char   *uri,
                             const char   *code)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  TransferJob *job;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);
  g_return_val_if_fail (uri != NULL && code != NULL, NULL);

  job = g_new0 (TransferJob, 1);
  job->uri = g_strdup (uri);
  job->code = g_strdup (code);
  name = furrow_connect_dialog_describe (uri);
  /* Translators: %s is the cooperative's code, then the server "host/database". */
  body = g_strdup_printf (_("Copying every record into cooperative %s on %s"), code, name);
  return start_transfer (self, job, _("Publishing…"), body, publish_thread);
}

AdwMessageDialog *
furrow_window_start_checkout (FurrowWindow *self,
                              const char   *path)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  TransferJob *job;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  job = g_new0 (TransferJob, 1);
  job->path = g_strdup (path);
  name = furrow_connect_dialog_describe (path);
  /* Translators: %s is the new file's name. */
  body = g_strdup_printf (_("Writing %s"), name);
  return start_transfer (self, job, _("Checking Out…"), body, checkout_thread);
}

/* ------------------------------------------------------------------------------------------ */
/* The actions                                                                                */

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  if (self->store == NULL || furrow_store_is_server (self->store))
    return;
  gtk_window_present (GTK_WINDOW (furrow_connect_dialog_new_publish (self)));
}

static void
checkout_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      FurrowWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (chosen = g_file_get_path (file)) != NULL && self->store != NULL)
    {
      g_autofree char *path = g_str_has_suffix (chosen, ".gpkg")
                              ? g_strdup (chosen) : g_strconcat (chosen, ".gpkg", NULL);

      furrow_window_start_checkout (self, path);
    }
  g_object_unref (dialog);
}

static void
checkout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *name = NULL;
  const char *hash;

  if (self->store == NULL || !furrow_store_is_server (self->store))
    return;
  hash = strrchr (furrow_store_get_path (self->store), '#');
  /* The cooperative's code names the copy: "3707821022.gpkg". */
  name = g_strdup_printf ("%s.gpkg", hash != NULL ? hash + 1 : _("Cooperative"));
  /* Documents, where a copy for offline work belongs; the home folder when there is none. */
  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  furrow_window_choose_project_file (self, _("Check Out a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                     _("_Check Out"), name, documents,
                                     G_CALLBACK (checkout_response_cb));
}

void
furrow_window_transfer_update (FurrowWindow *self)
{
  gboolean server = self->store != NULL && furrow_store_is_server (self->store);

  g_return_if_fail (FURROW_IS_WINDOW (self));

  /* A file's user may do anything with it; what the server lets its user create or read is the
   * server's to decide, as for `furrow-cli publish` and `checkout`. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish",
                                 self->store != NULL && !server);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.checkout",
                                 server && furrow_window_may (self, FURROW_PERMISSION_PRINT));
}

void
furrow_window_transfer_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.checkout", NULL, checkout_action);
}
