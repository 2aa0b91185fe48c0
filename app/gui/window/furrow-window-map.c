/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's map: the base map chosen in Preferences (OpenStreetMap, an offline MBTiles file,
 * Tianditu or an XYZ address, checked for a connection), the view kept across runs, whole-level
 * zoom (win.zoom-in, win.zoom-out) and the view of all the project's fields. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-base-map.h"
#include "furrow-field-tile-renderer.h"
#include "furrow-mbtiles-source.h"
#include "furrow-store-mbtiles.h"
#include "furrow-window-private.h"

/* The values of the BaseMap enum of the schema. The first view of the map (36.45 N 119.40 E,
 * zoom 14, in Linyi, Shandong) is the default of map-latitude, map-longitude and map-zoom. */
enum {
  BASE_MAP_OSM,
  BASE_MAP_MBTILES,
  BASE_MAP_TIANDITU,
  BASE_MAP_XYZ,
};

static ShumateMapSource *
open_mbtiles_source (FurrowWindow *self,
                     const char   *path)
{
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;

  if (path[0] == '\0')
    {
      furrow_window_show_toast (self, _("No offline map file is chosen: showing OpenStreetMap"));
      return NULL;
    }

  mbtiles = furrow_mbtiles_open (path, &error);
  if (mbtiles == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why the file cannot be used, e.g. "x.mbtiles: no such file". */
      message = g_strdup_printf (_("Cannot show the offline map: %s"), error->message);
      furrow_window_show_toast (self, message);
      return NULL;
    }

  return furrow_mbtiles_source_new_map_source (mbtiles);
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FurrowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!furrow_base_map_probe_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* "The map server … cannot be reached", and the way to an offline map file. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Offline Map…"));
      adw_toast_set_action_name (toast, "app.preferences");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      self->offline_notices++;
    }
}

/* Tianditu or an XYZ template: an online source, checked for a connection. FALSE when it lacks
 * its key or template (the caller falls back to OpenStreetMap). */
static gboolean
apply_online_base_map (FurrowWindow *self,
                       int           kind)
{
  g_autofree char *key = g_settings_get_string (self->settings, "tianditu-key");
  g_autofree char *xyz = g_settings_get_string (self->settings, "xyz-template");
  g_autoptr(ShumateMapSource) source = NULL;
  g_autoptr(ShumateMapSource) labels = NULL;
  const char *url_template;

  if (kind == BASE_MAP_TIANDITU)
    {
      if (key[0] == '\0')
        {
          furrow_window_show_toast (self, _("Enter your Tianditu key in Preferences to see its imagery"));
          return FALSE;
        }
      url_template = FURROW_TIANDITU_IMAGERY_TEMPLATE;
      source = furrow_base_map_new_xyz_source ("furrow-tianditu", _("Tianditu imagery"),
                                               url_template, key);
      labels = furrow_base_map_new_xyz_source ("furrow-tianditu-labels", _("Tianditu labels"),
                                               FURROW_TIANDITU_LABELS_TEMPLATE, key);
    }
  else
    {
      if (!furrow_base_map_template_is_valid (xyz))
        {
          furrow_window_show_toast (self, _("The XYZ tile address needs {x}, {y} and {z}: showing OpenStreetMap"));
          return FALSE;
        }
      url_template = xyz;
      source = furrow_base_map_new_xyz_source ("furrow-xyz", _("Custom XYZ tiles"), xyz, NULL);
    }

  shumate_simple_map_set_map_source (self->map, source);
  g_clear_pointer (&self->mbtiles_path, g_free);
  if (self->field_map != NULL)
    furrow_field_map_set_labels (self->field_map, labels);

  g_cancellable_cancel (self->probe);
  g_clear_object (&self->probe);
  self->probe = g_cancellable_new ();
  furrow_base_map_probe_async (url_template, self->probe, probe_cb, g_object_ref (self));
  return TRUE;
}

static void
apply_base_map (FurrowWindow *self)
{
  g_autoptr(ShumateMapSource) source = NULL;
  g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-path");
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  ShumateMapSource *current = shumate_simple_map_get_map_source (self->map);
  double latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  gboolean want_mbtiles = g_settings_get_enum (self->settings, "base-map") == BASE_MAP_MBTILES;
  int kind = g_settings_get_enum (self->settings, "base-map");

  if ((kind == BASE_MAP_TIANDITU || kind == BASE_MAP_XYZ) && apply_online_base_map (self, kind))
    {
      if (current != NULL)
        {
          shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
          shumate_viewport_set_zoom_level (viewport, zoom);
        }
      return;
    }
  if (self->field_map != NULL)
    furrow_field_map_set_labels (self->field_map, NULL);

  if (want_mbtiles)
    {
      if (current != NULL && g_strcmp0 (self->mbtiles_path, path) == 0)
        return;
      source = open_mbtiles_source (self, path);
    }

  if (source != NULL)
    {
      g_free (self->mbtiles_path);
      self->mbtiles_path = g_steal_pointer (&path);
    }
  else
    {
      ShumateMapSource *osm;

      if (current != NULL && self->mbtiles_path == NULL &&
          g_strcmp0 (shumate_map_source_get_id (current), SHUMATE_MAP_SOURCE_OSM_MAPNIK) == 0)
        return;
      osm = shumate_map_source_registry_get_by_id (self->registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
      /* Painted snapped to whole pixels, as the field tiles are (no seams between tiles). */
      source = furrow_field_tile_renderer_new_like (SHUMATE_RASTER_RENDERER (osm));
      g_clear_pointer (&self->mbtiles_path, g_free);
    }

  shumate_simple_map_set_map_source (self->map, source);

  /* A new source brings its own zoom range: keep the view where the user had it. */
  if (current != NULL)
    {
      shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
      shumate_viewport_set_zoom_level (viewport, zoom);
    }
}

static void
base_map_changed_cb (FurrowWindow *self,
                     const char   *key,
                     GSettings    *settings)
{
  apply_base_map (self);
}

/* The window's size and the map's base map, place and zoom as the user left them; the base map
 * follows its settings from now on. */
void
furrow_window_restore_state (FurrowWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  apply_base_map (self);

  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 g_settings_get_double (self->settings, "map-latitude"),
                                 g_settings_get_double (self->settings, "map-longitude"));
  shumate_viewport_set_zoom_level (viewport, g_settings_get_double (self->settings, "map-zoom"));

  g_signal_connect_object (self->settings, "changed::base-map",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::mbtiles-path",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::tianditu-key",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::xyz-template",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
}

void
furrow_window_save_state (FurrowWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  double latitude = CLAMP (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                           -85.0511, 85.0511);
  double longitude = CLAMP (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                            -180.0, 180.0);
  double zoom = CLAMP (shumate_viewport_get_zoom_level (viewport), 0.0, 22.0);

  g_settings_delay (self->settings);
  if (!maximized)
    {
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_set_double (self->settings, "map-latitude", latitude);
  g_settings_set_double (self->settings, "map-longitude", longitude);
  g_settings_set_double (self->settings, "map-zoom", zoom);
  g_settings_apply (self->settings);
}

/* One whole zoom level in or out (tiles look sharpest at whole levels). */
static void
zoom_by (FurrowWindow *self,
         int           step)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);

  zoom = step > 0 ? floor (zoom + 1e-6) + step : ceil (zoom - 1e-6) + step;
  shumate_viewport_set_zoom_level (viewport, zoom);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  zoom_by (self, +1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  zoom_by (self, -1);
}

/* Centres the map on the custody fields of the store and zooms to show them all. */
void
furrow_window_show_fields (FurrowWindow *self)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (self->store);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double west = G_MAXDOUBLE, south = G_MAXDOUBLE, east = -G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double width_px = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height_px = gtk_widget_get_height (GTK_WIDGET (self->map));
  double latitude;
  double zoom;
  int default_width = 0;
  int default_height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      FurrowGeometry *geometry = furrow_field_get_geometry (field);
      double min_x, min_y, max_x, max_y;

      if (geometry == NULL || !furrow_geometry_get_bounds (geometry, &min_x, &min_y,
                                                           &max_x, &max_y))
        continue;
      west = MIN (west, min_x);
      south = MIN (south, min_y);
      east = MAX (east, max_x);
      north = MAX (north, max_y);
    }
  if (west > east || south > north)
    return;

  /* Before the first allocation the map will be about the window's size. */
  gtk_window_get_default_size (GTK_WINDOW (self), &default_width, &default_height);
  if (width_px <= 0)
    width_px = MAX (default_width, 400);
  if (height_px <= 0)
    height_px = MAX (default_height - 50, 300);

  /* Web Mercator: 256 × 2^zoom px round the world; north–south stretched by 1 / cos (φ). */
  latitude = (south + north) / 2;
  zoom = log2 (MIN (width_px * 360.0 / (256.0 * MAX (east - west, 1e-6)),
                    height_px * 360.0 * cos (latitude * G_PI / 180.0) /
                    (256.0 * MAX (north - south, 1e-6))));
  zoom = CLAMP (floor (zoom * 4.0 - 0.5) / 4.0, 2.0, 18.0);

  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, (west + east) / 2);
  shumate_viewport_set_zoom_level (viewport, zoom);
}

void
furrow_window_map_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
}
