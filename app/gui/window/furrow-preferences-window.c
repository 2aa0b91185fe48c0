/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-preferences-window.h"
#include "furrow-base-map.h"
#include "furrow-property.h"
#include "furrow-store-mbtiles.h"
#include "furrow-template.h"

/* Positions in the base map combo row, and the nicks of the `base-map` setting they stand for. */
static const char * const base_map_nicks[] = { "osm", "mbtiles", "tianditu", "xyz" };

struct _FurrowPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template */
  AdwComboRow  *base_map_row;
  AdwActionRow *mbtiles_row;
  AdwEntryRow  *tianditu_key_row;
  AdwEntryRow  *xyz_row;
  AdwActionRow *gcj02_row;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (FurrowPreferencesWindow, furrow_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowPreferencesWindow, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (base_map_row), CHILD (mbtiles_row), CHILD (tianditu_key_row), CHILD (xyz_row),
  CHILD (gcj02_row),
};
#undef CHILD

static gboolean
base_map_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (base_map_nicks); i++)
    if (g_str_equal (nick, base_map_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
base_map_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (base_map_nicks))
    return NULL;
  return g_variant_new_string (base_map_nicks[position]);
}

/* The XYZ address is saved once it has {x}, {y} and {z}; until then the row is marked. A
 * GCJ-02 map (AutoNavi, Tencent…) gets a warning: the fields would be drawn off their place. */
static void
xyz_changed_cb (FurrowPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->xyz_row));
  gboolean valid = furrow_base_map_template_is_valid (text);

  if (valid || text[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->xyz_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->xyz_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->gcj02_row), furrow_base_map_template_is_gcj02 (text));
  if (valid)
    g_settings_set_string (self->settings, "xyz-template", text);
}

static void
update_mbtiles_row (FurrowPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-path");

  if (path[0] == '\0')
    adw_action_row_set_subtitle (self->mbtiles_row, _("No file chosen"));
  else
    {
      g_autofree char *display_name = g_filename_display_name (path);

      adw_action_row_set_subtitle (self->mbtiles_row, display_name);
    }
}

/**
 * furrow_preferences_window_set_mbtiles_file:
 * @self: a #FurrowPreferencesWindow
 * @file: the MBTiles file the user chose
 * @error: return location for the reason the file cannot be used
 *
 * Checks that @file is an MBTiles file and makes it the base map. When it is not, the settings
 * stay as they were and a toast tells the user why.
 *
 * Returns: %TRUE when the file is now the base map
 */
gboolean
furrow_preferences_window_set_mbtiles_file (FurrowPreferencesWindow  *self,
                                            GFile                    *file,
                                            GError                  **error)
{
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (FURROW_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file"), uri);
    }
  else
    mbtiles = furrow_mbtiles_open (path, &local_error);

  if (mbtiles == NULL)
    {
      /* Toast titles are Pango markup in libadwaita 1.2. */
      g_autofree char *escaped = g_markup_escape_text (local_error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 8);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Both keys in one change, through a second GSettings of the same schema and path: delay mode
   * cannot be left again, and the settings given are the application's, shared by every window. */
  {
    g_autoptr(GSettingsSchema) schema = NULL;
    g_autoptr(GSettings) batch = NULL;
    g_autofree char *settings_path = NULL;
    GSettingsBackend *backend = NULL;

    g_object_get (self->settings, "settings-schema", &schema, "path", &settings_path,
                  "backend", &backend, NULL);
    batch = g_settings_new_full (schema, backend, settings_path);
    g_clear_object (&backend);
    g_settings_delay (batch);
    g_settings_set_string (batch, "mbtiles-path", path);
    g_settings_set_string (batch, "base-map", "mbtiles");
    g_settings_apply (batch);
  }
  return TRUE;
}

static void
chooser_response_cb (FurrowPreferencesWindow *self,
                     int                      response,
                     GtkFileChooserNative    *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        furrow_preferences_window_set_mbtiles_file (self, file, NULL);
    }

  g_clear_object (&self->chooser);
}

static void
choose_mbtiles_cb (FurrowPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-path");

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("MBTiles maps"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");

  self->chooser = gtk_file_chooser_native_new (_("Choose an Offline Map"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (path[0] != '\0')
    {
      g_autoptr(GFile) current = g_file_new_for_path (path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
furrow_preferences_window_constructed (GObject *object)
{
  FurrowPreferencesWindow *self = FURROW_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (furrow_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "base-map",
                                self->base_map_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                base_map_get_mapping, base_map_set_mapping, NULL, NULL);

  g_signal_connect_object (self->settings, "changed::mbtiles-path",
                           G_CALLBACK (update_mbtiles_row), self, G_CONNECT_SWAPPED);
  update_mbtiles_row (self);

  g_settings_bind (self->settings, "tianditu-key", self->tianditu_key_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *xyz = g_settings_get_string (self->settings, "xyz-template");

    gtk_editable_set_text (GTK_EDITABLE (self->xyz_row), xyz);
    xyz_changed_cb (self);
  }
}

static void
furrow_preferences_window_dispose (GObject *object)
{
  FurrowPreferencesWindow *self = FURROW_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (furrow_preferences_window_parent_class)->dispose (object);
}

static void
furrow_preferences_window_class_init (FurrowPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = furrow_preferences_window_constructed;
  object_class->dispose = furrow_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    furrow_property_object ("settings", G_TYPE_SETTINGS, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY,
                            G_STRUCT_OFFSET (FurrowPreferencesWindow, settings), NULL);
  furrow_property_install (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/window/furrow-preferences-window.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, xyz_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_mbtiles_cb);
}

static void
furrow_preferences_window_init (FurrowPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FurrowPreferencesWindow *
furrow_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (FURROW_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
