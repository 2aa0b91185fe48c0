/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions: projects (new, open, recent, demo, save a copy, export), undo/redo,
 * restore, search, "show on map" and whether a field can be reshaped. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-connect-dialog.h"
#include "furrow-export-folder.h"
#include "furrow-exporter.h"
#include "furrow-field-map.h"
#include "furrow-restore-dialog.h"
#include "furrow-season-plans.h"
#include "furrow-task-progress.h"
#include "furrow-window-private.h"
#include "furrow-window-roles.h"
#include "furrow-window-transfer.h"

#define MAX_RECENT 8

/* win.reshape-field: one field selected, with an outline, no field being drawn, and no settled
 * season built on its shape (furrow_season_field_is_settled()). */
static gboolean
can_reshape_field (FurrowWindow *self)
{
  FurrowField *field = self->selected_field;

  return self->store != NULL && field != NULL && furrow_field_get_geometry (field) != NULL &&
         self->field_map != NULL &&
         !furrow_field_editor_get_drawing (furrow_field_map_get_editor (self->field_map)) &&
         !furrow_season_field_is_settled (self->store, field) &&
         furrow_window_may (self, FURROW_PERMISSION_FIELDS);
}

void
furrow_window_update_actions (FurrowWindow *self)
{
  gboolean has_project = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 furrow_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 furrow_history_get_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-household-on-map",
                                 self->selected_household != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reshape-field", can_reshape_field (self));
  /* What the user's role may do (furrow-window-roles.c). */
  furrow_window_roles_update (self);
  furrow_window_transfer_update (self);
}

void
furrow_window_update_recent_menu (FurrowWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = furrow_connect_dialog_describe (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

/* Makes `path` the last project and the first of the recent ones (at most 8). */
void
furrow_window_remember_project (FurrowWindow *self,
                                const char   *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-project", path);
  furrow_window_update_recent_menu (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!furrow_history_undo (self->history, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot undo: %s"), error->message);

      furrow_window_show_toast (self, message);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!furrow_history_redo (self->history, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot redo: %s"), error->message);

      furrow_window_show_toast (self, message);
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  if (self->store == NULL)
    return;
  furrow_window_reveal_sidebar (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_household_on_map_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  if (self->selected_household != NULL)
    furrow_window_show_household_on_map (self, self->selected_household);
}

/* A modal chooser of project files (GeoPackage) over the window, `current_name` suggested when
 * saving, starting in `folder` (NULL: where the chooser likes); `response_cb` gets the window and
 * unrefs the chooser. */
void
furrow_window_choose_project_file (FurrowWindow         *self,
                                   const char           *title,
                                   GtkFileChooserAction  action,
                                   const char           *accept_label,
                                   const char           *current_name,
                                   const char           *folder,
                                   GCallback             response_cb)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Furrow projects (GeoPackage)"));
  gtk_file_filter_add_pattern (filter, "*.gpkg");
  gtk_file_filter_add_mime_type (filter, FURROW_STORE_MIME_TYPE);
  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                        _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (folder != NULL)
    {
      g_autoptr(GFile) start = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), start, NULL);
    }
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", response_cb, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static char *
chosen_path (GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  return file != NULL ? g_file_get_path (file) : NULL;
}

static char *
with_extension (const char *path,
                const char *extension)
{
  if (g_str_has_suffix (path, extension))
    return g_strdup (path);
  return g_strconcat (path, extension, NULL);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  FurrowWindow    *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (dialog) : NULL;

  if (path != NULL)
    furrow_window_open_project (self, path, NULL);
  g_object_unref (dialog);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  furrow_window_choose_project_file (FURROW_WINDOW (widget), _("Open Project"),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, NULL,
                                     G_CALLBACK (open_response_cb));
}

static void
new_response_cb (GtkNativeDialog *dialog,
                 int              response,
                 FurrowWindow    *self)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chosen_path (dialog) : NULL;

  if (chosen != NULL)
    {
      g_autofree char *path = with_extension (chosen, ".gpkg");
      g_autoptr(FurrowStore) store = NULL;
      g_autoptr(GError) error = NULL;

      store = furrow_store_create (path, &error);
      if (store == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is why, e.g. "coop.gpkg exists". */
          message = g_strdup_printf (_("Cannot create the project: %s"), error->message);
          furrow_window_show_toast (self, message);
        }
      else
        {
          g_clear_object (&store);
          furrow_window_open_project (self, path, NULL);
        }
    }
  g_object_unref (dialog);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  furrow_window_choose_project_file (FURROW_WINDOW (widget), _("New Project"),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
                                     _("Cooperative.gpkg"), NULL, G_CALLBACK (new_response_cb));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  /* A server project with its password from the keyring, or the dialog asking for it. */
  furrow_connect_dialog_open_project (self, g_variant_get_string (parameter, NULL));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  furrow_window_open_demo (FURROW_WINDOW (widget), NULL);
}

/* win.restore (docs/architecture.md, Restore points): the store reloads and its signals bring
 * every view to the restored data; what undo held belongs to the replaced state. */
static void
restored_cb (FurrowRestoreDialog *dialog,
             const char          *id,
             FurrowWindow        *self)
{
  /* Translators: %s is the id of a restore point, its date and time ("20261207-003600"). */
  g_autofree char *message = g_strdup_printf (_("Restored the project to restore point %s"), id);

  furrow_history_clear (self->history);
  furrow_window_update_actions (self);
  furrow_window_show_toast (self, message);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  FurrowRestoreDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = furrow_restore_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "restored", G_CALLBACK (restored_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_copy_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       FurrowWindow    *self)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chosen_path (dialog) : NULL;

  if (chosen != NULL && self->store != NULL)
    {
      g_autofree char *path = with_extension (chosen, ".gpkg");
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *display = g_filename_display_name (basename);

      if (!furrow_store_backup (self->store, path, &error))
        /* Translators: %s is why, e.g. "copy.gpkg exists". */
        message = g_strdup_printf (_("Cannot save a copy: %s"), error->message);
      else
        /* Translators: %s is a file name. */
        message = g_strdup_printf (_("Saved a copy as %s"), display);
      furrow_window_show_toast (self, message);
    }
  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  basename = g_path_get_basename (self->project_path);
  stem = g_str_has_suffix (basename, ".gpkg")
         ? g_strndup (basename, strlen (basename) - strlen (".gpkg")) : g_strdup (basename);
  /* Translators: the suggested file name of a copy; %s is the project's name. */
  name = g_strdup_printf (_("%s (copy).gpkg"), stem);
  furrow_window_choose_project_file (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                     _("_Save"), name, NULL, G_CALLBACK (save_copy_response_cb));
}

/* Export, in a thread with its own store connection, behind a dialog with a progress bar and
 * Cancel; a cancelled export leaves nothing behind (furrow_export_with_options()). */

typedef struct
{
  char               *project_path;
  char               *path;
  FurrowExportLayer   layer;
  FurrowExportFormat  format;
  FurrowExportOptions options;   /* masked or not */
  guint               n_written;
  GCancellable       *cancellable;
  GCancellable       *window_cancellable;
  gulong              window_handler;  /* cancels `cancellable` when the window closes */
  FurrowTaskProgress *progress;  /* the dialog: records written so far; Cancel */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->progress, furrow_task_progress_free);
  if (job->window_cancellable != NULL)
    g_cancellable_disconnect (job->window_cancellable, job->window_handler);
  g_clear_object (&job->window_cancellable);
  g_clear_object (&job->cancellable);
  g_free (job->project_path);
  g_free (job->path);
  g_free (job);
}

static void
window_cancelled_cb (GCancellable *window_cancellable,
                     ExportJob    *job)
{
  g_cancellable_cancel (job->cancellable);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(FurrowStore) store = NULL;
  GError *error = NULL;

  store = furrow_store_open (job->project_path, &error);
  if (store == NULL ||
      !furrow_export_with_options (store, job->layer, job->format, job->options, 0, job->path,
                                   furrow_task_progress_report, job->progress, job->cancellable,
                                   &job->n_written, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FurrowWindow *self = FURROW_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  furrow_task_progress_close (job->progress);
  if (self->export_cancellable == job->cancellable)
    g_clear_object (&self->export_cancellable);
  /* The window is closing: nothing to tell. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The user said Cancel: nothing was written. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          furrow_window_show_toast (self, _("Export cancelled: no file was written"));
          return;
        }
      /* Translators: %s is why the export failed. */
      message = g_strdup_printf (_("Cannot export: %s"), error->message);
      furrow_window_show_toast (self, message);
      return;
    }

  {
    g_autofree char *basename = g_path_get_basename (job->path);
    g_autofree char *display = g_filename_display_name (basename);
    g_autoptr(GFile) file = g_file_new_for_path (job->path);
    g_autofree char *uri = g_file_get_uri (file);

    /* Full ID and phone numbers: the file is the user's only (mode 0600), and the toast says
     * so (docs/architecture.md, Opening, backup, check). */
    if (furrow_export_is_personal (job->layer, job->options))
      /* Translators: %u records, %s a file name. */
      message = g_strdup_printf (ngettext ("Exported %u record to %s; it holds full ID and "
                                           "phone numbers, so only you can read it",
                                           "Exported %u records to %s; they hold full ID and "
                                           "phone numbers, so only you can read the file",
                                           job->n_written),
                                 job->n_written, display);
    else
      /* Translators: %u records, %s a file name. */
      message = g_strdup_printf (ngettext ("Exported %u record to %s",
                                           "Exported %u records to %s", job->n_written),
                                 job->n_written, display);
    escaped = g_markup_escape_text (message, -1);
    toast = adw_toast_new (escaped);
    adw_toast_set_timeout (toast, 8);
    adw_toast_set_button_label (toast, _("_Open"));
    adw_toast_set_action_name (toast, "win.open-uri");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

/* Starts writing `layer` as `format` to `path` in a thread, with the progress dialog open (it
 * is returned, for the tests; Cancel or closing it stops the export). */
AdwMessageDialog *
furrow_window_start_export (FurrowWindow       *self,
                            FurrowExportLayer   layer,
                            FurrowExportFormat  format,
                            const char         *path)
{
  return furrow_window_start_export_with_options (self, layer, format, FURROW_EXPORT_DEFAULT,
                                                  path);
}

AdwMessageDialog *
furrow_window_start_export_with_options (FurrowWindow        *self,
                                         FurrowExportLayer    layer,
                                         FurrowExportFormat   format,
                                         FurrowExportOptions  options,
                                         const char          *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  ExportJob *job;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->project_path != NULL, NULL);

  job = g_new0 (ExportJob, 1);
  job->project_path = g_strdup (self->project_path);
  job->path = g_strdup (path);
  job->layer = layer;
  job->format = format;
  job->options = options;
  /* Its own, chained to the window's: closing the window cancels every export. */
  job->cancellable = g_cancellable_new ();
  job->window_cancellable = g_object_ref (self->cancellable);
  job->window_handler = g_cancellable_connect (self->cancellable, G_CALLBACK (window_cancelled_cb),
                                               job, NULL);
  g_set_object (&self->export_cancellable, job->cancellable);

  /* Translators: %s is the file being written. */
  body = g_strdup_printf (_("Writing %s"), display);
  job->progress = furrow_task_progress_new (GTK_WINDOW (self), _("Exporting…"), body,
                                            job->cancellable);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
  return furrow_task_progress_get_dialog (job->progress);
}

static void
open_uri_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FurrowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: %s is why, e.g. "No application is registered as handling this file". */
      g_autofree char *message = g_strdup_printf (_("Cannot open the file: %s"), error->message);

      furrow_window_show_toast (self, message);
    }
}

/* win.open-uri("file:///…"): the exported file in the application the desktop chooses (through
 * the portal in a sandbox). */
static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL,
                                           open_uri_done_cb, g_object_ref (self));
}

static const struct {
  const char         *name;
  FurrowExportFormat  format;
  const char         *extension;
} export_formats[] = {
  { "geojson", FURROW_EXPORT_FORMAT_GEOJSON, ".geojson" },
  { "kml", FURROW_EXPORT_FORMAT_KML, ".kml" },
  { "gpkg", FURROW_EXPORT_FORMAT_GEOPACKAGE, ".gpkg" },
  { "shp", FURROW_EXPORT_FORMAT_SHAPEFILE, ".shp" },
  { "csv", FURROW_EXPORT_FORMAT_CSV, ".csv" },
  { "xlsx", FURROW_EXPORT_FORMAT_XLSX, ".xlsx" },
};

/* The households' "Mask ID and phone numbers" check box of the export chooser. */
static FurrowExportOptions
masked_choice (GtkNativeDialog *dialog)
{
  const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "masked");

  return g_strcmp0 (choice, "true") == 0 ? FURROW_EXPORT_MASKED : FURROW_EXPORT_DEFAULT;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    FurrowWindow    *self)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chosen_path (dialog) : NULL;
  FurrowExportLayer layer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog),
                                                                "furrow-export-layer"));
  FurrowExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog),
                                                                  "furrow-export-format"));

  if (chosen != NULL && self->project_path != NULL)
    {
      g_autofree char *path = g_strdup (chosen);

      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (export_formats[i].format == format &&
            !g_str_has_suffix (path, export_formats[i].extension))
          {
            g_free (path);
            path = g_strconcat (chosen, export_formats[i].extension, NULL);
          }
      furrow_window_start_export_with_options (self, layer, format, masked_choice (dialog), path);
    }
  g_object_unref (dialog);
}

/* win.export("LAYER:FORMAT"), e.g. "parcels:xlsx". */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (parameter, NULL), ":", 2);
  GtkFileChooserNative *dialog;
  FurrowExportLayer layer;
  FurrowExportFormat format = FURROW_EXPORT_FORMAT_CSV;
  const char *extension = NULL;
  const char *layer_name;
  g_autofree char *name = NULL;

  if (self->store == NULL || g_strv_length (parts) != 2)
    return;

  if (g_str_equal (parts[0], "fields"))
    {
      layer = FURROW_EXPORT_LAYER_FIELDS;
      layer_name = _("fields");
    }
  else if (g_str_equal (parts[0], "parcels"))
    {
      layer = FURROW_EXPORT_LAYER_PARCELS;
      layer_name = _("parcels");
    }
  else
    {
      layer = FURROW_EXPORT_LAYER_HOUSEHOLDS;
      layer_name = _("households");
    }
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_equal (parts[1], export_formats[i].name))
      {
        format = export_formats[i].format;
        extension = export_formats[i].extension;
      }
  if (extension == NULL)
    return;

  name = g_strconcat (layer_name, extension, NULL);
  dialog = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  furrow_export_folder_set_on (GTK_FILE_CHOOSER (dialog), GTK_WIDGET (self));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Households: full ID and phone numbers (written 0600) unless masked as on paper. */
  if (layer == FURROW_EXPORT_LAYER_HOUSEHOLDS)
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "masked",
                                 _("Mask ID and phone numbers (to share the file)"), NULL, NULL);
  g_object_set_data (G_OBJECT (dialog), "furrow-export-layer", GINT_TO_POINTER (layer));
  g_object_set_data (G_OBJECT (dialog), "furrow-export-format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
furrow_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.show-household-on-map", NULL,
                                   show_household_on_map_action);
}
