/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-window-import.h"

/* The toast overlay of the window, wherever the window's layout puts it. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_toast_overlay (child);

      if (overlay != NULL)
        return overlay;
    }
  return NULL;
}

static void
show_toast (FurrowWindow *self,
            const char   *message)
{
  AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
imported_cb (FurrowImportAssistant *assistant,
             const char            *message,
             FurrowWindow          *self)
{
  show_toast (self, message);
}

FurrowImportAssistant *
furrow_window_import_file (FurrowWindow *self,
                           const char   *path)
{
  FurrowStore *store = furrow_window_get_store (self);
  ShumateSimpleMap *map = furrow_window_get_map (self);
  FurrowImportAssistant *assistant;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (store == NULL)
    {
      show_toast (self, _("Open a project before importing into it"));
      return NULL;
    }
  assistant = furrow_import_assistant_new (GTK_WINDOW (self), store,
                                           shumate_simple_map_get_map_source (map), path);
  g_signal_connect_object (assistant, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (assistant));
  return assistant;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     FurrowWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        furrow_window_import_file (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  GtkFileChooserNative *chooser;
  static const char * const all[] = { "shp", "zip", "gpkg", "geojson", "json", "kml", "kmz",
                                      "csv", "xlsx", NULL };
  static const char * const shp[] = { "shp", "zip", NULL };
  static const char * const gpkg[] = { "gpkg", NULL };
  static const char * const geojson[] = { "geojson", "json", NULL };
  static const char * const kml[] = { "kml", "kmz", NULL };
  static const char * const csv[] = { "csv", NULL };
  static const char * const xlsx[] = { "xlsx", NULL };

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("All supported files"), all);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Shapefile (.shp, .zip)"), shp);
  add_filter (GTK_FILE_CHOOSER (chooser), _("GeoPackage (.gpkg)"), gpkg);
  add_filter (GTK_FILE_CHOOSER (chooser), _("GeoJSON (.geojson)"), geojson);
  add_filter (GTK_FILE_CHOOSER (chooser), _("KML (.kml, .kmz)"), kml);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV (.csv)"), csv);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbook (.xlsx)"), xlsx);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  furrow_window_import_file (FURROW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FurrowWindow  *self)
{
  GSList *files;
  g_autofree char *path = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files != NULL)
    path = g_file_get_path (files->data);
  g_slist_free (files);
  if (path == NULL)
    return FALSE;
  return furrow_window_import_file (self, path) != NULL;
}

void
furrow_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-file", "s", import_file_action);
}

void
furrow_window_import_init (FurrowWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
