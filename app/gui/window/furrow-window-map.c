/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's map: the base map chosen in Preferences (OpenStreetMap, an offline MBTiles file,
 * Tianditu or an XYZ address, checked for a connection), the view kept across runs, whole-level
 * zoom (win.zoom-in, win.zoom-out), the view of all the project's fields (win.show-all-fields),
 * the scale's unit and the layout of what lies over the map. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "furrow-base-map.h"
#include "furrow-field-tile-renderer.h"
#include "furrow-map-layout.h"
#include "furrow-mbtiles-source.h"
#include "furrow-store-mbtiles.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"

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

      /* For a while, not until dismissed: toasts queue, and offline is where OpenStreetMap
       * users are most, so a notice kept up would hold back every message after it. */
      adw_toast_set_timeout (toast, 20);
      adw_toast_set_button_label (toast, _("_Offline Map…"));
      adw_toast_set_action_name (toast, "app.preferences");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      self->offline_notices++;
    }
}

/* The tile address of OpenStreetMap, as libshumate's registry has it; tests point it at a
 * server that does not exist (furrow_window_set_osm_address()). */
static char *osm_address;

void
furrow_window_set_osm_address (const char *url_template)
{
  g_free (osm_address);
  osm_address = g_strdup (url_template);
}

/* Checks that the tile server of @url_template can be reached; a notice says so when not. */
static void
start_probe (FurrowWindow *self,
             const char   *url_template)
{
  g_cancellable_cancel (self->probe);
  g_clear_object (&self->probe);
  self->probe = g_cancellable_new ();
  furrow_base_map_probe_async (url_template, self->probe, probe_cb, g_object_ref (self));
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

  start_probe (self, url_template);
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
  /* OpenStreetMap is online too: offline, its tiles stay blank as Tianditu's do, and the same
   * notice points to an offline map file (issue 13). */
  if (self->mbtiles_path == NULL)
    start_probe (self, osm_address != NULL ? osm_address : FURROW_OSM_TEMPLATE);
  else
    {
      g_cancellable_cancel (self->probe);
      g_clear_object (&self->probe);
    }

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

/* Web Mercator with the world as the unit square: x east, y south (docs/toolchain.md). */
static double
mercator_x (double longitude)
{
  return (longitude + 180.0) / 360.0;
}

static double
mercator_y (double latitude)
{
  return (1.0 - asinh (tan (latitude * G_PI / 180.0)) / G_PI) / 2.0;
}

/* The natural size of @widget with its margins, 0 when it is hidden. */
static int
natural_size (GtkWidget      *widget,
              GtkOrientation  orientation)
{
  int natural = 0;

  if (widget == NULL || !gtk_widget_should_layout (widget))
    return 0;
  gtk_widget_measure (widget, orientation, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The part of a @width × @height map that nothing covers: not the legend (top left), the zoom
 * buttons (top right), the scale (bottom left) or the attribution (bottom right), with a margin.
 * From the sizes they ask for, so it is known before they are placed. */
static void
clear_area (FurrowWindow    *self,
            int              width,
            int              height,
            graphene_rect_t *area)
{
  const double margin = 12;
  GtkWidget *scale = GTK_WIDGET (shumate_simple_map_get_scale (self->map));
  GtkWidget *license = GTK_WIDGET (shumate_simple_map_get_license (self->map));
  GtkWidget *buttons = gtk_widget_get_parent (GTK_WIDGET (shumate_simple_map_get_compass (self->map)));
  double left = natural_size (GTK_WIDGET (self->map_legend), GTK_ORIENTATION_HORIZONTAL);
  double right = natural_size (buttons, GTK_ORIENTATION_HORIZONTAL);
  double bottom;

  /* Side by side, or the scale above the attribution when the map is narrow (FurrowMapLayout). */
  if (natural_size (scale, GTK_ORIENTATION_HORIZONTAL) +
      natural_size (license, GTK_ORIENTATION_HORIZONTAL) > width)
    bottom = natural_size (scale, GTK_ORIENTATION_VERTICAL) +
             natural_size (license, GTK_ORIENTATION_VERTICAL);
  else
    bottom = MAX (natural_size (scale, GTK_ORIENTATION_VERTICAL),
                  natural_size (license, GTK_ORIENTATION_VERTICAL));

  graphene_rect_init (area, left + margin, margin, width - left - right - 2 * margin,
                      height - bottom - 2 * margin);
  /* A map too small for that: all of it. */
  if (area->size.width < 64 || area->size.height < 64)
    graphene_rect_init (area, 0, 0, width, height);
}

/* Zooms and centres a @width × @height map so that all the fields lie in its clear area. */
static void
fit_fields (FurrowWindow *self,
            int           width,
            int           height)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (self->store);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double west = G_MAXDOUBLE, south = G_MAXDOUBLE, east = -G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double x0, x1, y0, y1, zoom, world_px, centre_x, centre_y;
  graphene_rect_t area;

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

  clear_area (self, width, height, &area);
  x0 = mercator_x (west);
  x1 = mercator_x (east);
  y0 = mercator_y (north);
  y1 = mercator_y (south);

  /* 256 × 2^zoom px round the world; in quarter levels, down, so the fields fit. */
  zoom = log2 (MIN (area.size.width / (256.0 * MAX (x1 - x0, 1e-12)),
                    area.size.height / (256.0 * MAX (y1 - y0, 1e-12))));
  zoom = CLAMP (floor (zoom * 4.0) / 4.0, 2.0, 18.0);
  self->fitting = TRUE;
  shumate_viewport_set_zoom_level (viewport, zoom);
  /* The base map may allow less: centre for the zoom the viewport took. */
  world_px = 256.0 * exp2 (shumate_viewport_get_zoom_level (viewport));

  /* The fields' middle goes to the middle of the clear area, not of the map. */
  centre_x = (x0 + x1) / 2 - (area.origin.x + area.size.width / 2 - width / 2.0) / world_px;
  centre_y = (y0 + y1) / 2 - (area.origin.y + area.size.height / 2 - height / 2.0) / world_px;
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 atan (sinh (G_PI * (1 - 2 * centre_y))) * 180.0 / G_PI,
                                 centre_x * 360.0 - 180.0);
  self->fitting = FALSE;
  self->view_fitted = TRUE;
}

/**
 * furrow_window_show_fields:
 *
 * Centres the map on the custody fields of the project and zooms to show them all, clear of
 * the legend, the buttons and the scale over the map (win.show-all-fields, Ctrl+0). Before the
 * map has its size (a project opened as the window starts), once it gets it, before the first
 * frame: the first view is fitted with no jump.
 */
void
furrow_window_show_fields (FurrowWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));

  if (self->store == NULL)
    return;
  if (width <= 0 || height <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->map)))
    {
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self->map));
      return;
    }
  self->fit_pending = FALSE;
  fit_fields (self, width, height);
}

/* The legend sits in the map's top left corner, the zoom buttons in its top right: in a map too
 * narrow for both side by side (beside the planner) the legend moves down below the buttons
 * rather than cover them (issue 13). */
/* The legend's margin in its corner (ui/map/furrow-map-legend.ui). */
#define LEGEND_MARGIN 12

static void
place_legend (FurrowWindow *self,
              int           width)
{
  GtkWidget *legend = GTK_WIDGET (self->map_legend);
  int legend_width = 0;
  int buttons_width = 0;
  int buttons_height = 0;
  int top = LEGEND_MARGIN;

  /* The zoom buttons (and the compass) are the map's children in its top right corner. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width = 0, child_height = 0;

      if (!gtk_widget_should_layout (child) || gtk_widget_get_halign (child) != GTK_ALIGN_END ||
          gtk_widget_get_valign (child) != GTK_ALIGN_START)
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, &child_height, NULL, NULL);
      buttons_width = MAX (buttons_width, child_width);
      buttons_height = MAX (buttons_height, child_height);
    }
  /* With its margins (gtk_widget_measure() counts them), at its place under the header. */
  gtk_widget_measure (legend, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &legend_width, NULL, NULL);
  if (legend_width + buttons_width > width)
    top = buttons_height + LEGEND_MARGIN / 2;
  if (gtk_widget_get_margin_top (legend) != top)
    gtk_widget_set_margin_top (legend, top);
}

/* The view moved (a drag, a zoom, a field shown): no longer the view of all fields. */
static void
viewport_moved_cb (FurrowWindow *self)
{
  if (!self->fitting)
    self->view_fitted = FALSE;
}

/* The map resized: fitted at its first size, and again while it shows all the fields as they
 * were fitted, so that the details pane opening beside the map, the sidebar giving way to the
 * planner or coming back, leaves no field under the map's edge (the west fields were cut at
 * 1920 px once a household's page had opened; issue 13). */
static void
map_resized_cb (FurrowWindow *self,
                int           width,
                int           height)
{
  place_legend (self, width);
  if (!(self->fit_pending || self->view_fitted) || self->store == NULL || width <= 0 ||
      height <= 0)
    return;
  self->fit_pending = FALSE;
  fit_fields (self, width, height);
}

static void
show_all_fields_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  furrow_window_show_fields (FURROW_WINDOW (widget));
}

/* The map's own parts: its layout (the scale clear of the attribution, the first fit before the
 * first frame), the scale's unit, and Show All Fields under the zoom buttons. */
void
furrow_window_map_init (FurrowWindow *self)
{
  GtkWidget *buttons = gtk_widget_get_parent (GTK_WIDGET (shumate_simple_map_get_compass (self->map)));
  GtkWidget *show_all;

  furrow_map_layout_install (self->map);
  g_signal_connect_object (gtk_widget_get_layout_manager (GTK_WIDGET (self->map)), "resized",
                           G_CALLBACK (map_resized_cb), self, G_CONNECT_SWAPPED);
  {
    ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
    static const char *moves[] = { "notify::zoom-level", "notify::latitude",
                                   "notify::longitude", "notify::rotation" };

    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
      g_signal_connect_object (viewport, moves[i], G_CALLBACK (viewport_moved_cb), self,
                               G_CONNECT_SWAPPED);
  }

  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map),
                          furrow_map_scale_unit_for_locale (setlocale (LC_MEASUREMENT, NULL)));

  /* Under the zoom buttons, in their column of the map's template. */
  show_all = gtk_button_new_from_icon_name ("zoom-fit-best-symbolic");
  gtk_widget_set_name (show_all, "show-all-fields");
  gtk_widget_add_css_class (show_all, "osd");
  gtk_widget_set_tooltip_text (show_all, _("Show All Fields"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (show_all), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show All Fields"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show_all), "win.show-all-fields");
  if (GTK_IS_BOX (buttons))
    gtk_box_insert_child_after (GTK_BOX (buttons), show_all, gtk_widget_get_first_child (buttons));
  else
    {
      /* Not libshumate 1.0's template: the menu and Ctrl+0 remain. */
      g_object_ref_sink (show_all);
      g_object_unref (show_all);
    }
}

void
furrow_window_map_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.show-all-fields", NULL,
                                   show_all_fields_action);
}
