/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-window.h"
#include "furrow-window-import.h"
#include "furrow-mbtiles-source.h"
#include "furrow-store-mbtiles.h"

/* The values of the BaseMap enum of the schema. The first view of the map (36.45 N 119.40 E,
 * zoom 14, in Linyi, Shandong) is the default of map-latitude, map-longitude and map-zoom. */
enum {
  BASE_MAP_OSM,
  BASE_MAP_MBTILES,
};

struct _FurrowWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwWindowTitle   *window_title;
  AdwToastOverlay  *toast_overlay;
  ShumateSimpleMap *map;

  GSettings                *settings;
  ShumateMapSourceRegistry *registry;
  char                     *project_path;
  FurrowStore              *store;
  char                     *mbtiles_path;   /* of the map source shown, NULL for OSM */
  gulong                    first_frame_handler;
};

G_DEFINE_FINAL_TYPE (FurrowWindow, furrow_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (FurrowWindow *self,
            const char   *message)
{
  /* Toast titles are Pango markup in libadwaita 1.2; file names may hold '&' or '<'. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static ShumateMapSource *
open_mbtiles_source (FurrowWindow *self,
                     const char   *path)
{
  g_autoptr(FurrowMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;

  if (path[0] == '\0')
    {
      show_toast (self, _("No offline map file is chosen: showing OpenStreetMap"));
      return NULL;
    }

  mbtiles = furrow_mbtiles_open (path, &error);
  if (mbtiles == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why the file cannot be used, e.g. "x.mbtiles: no such file". */
      message = g_strdup_printf (_("Cannot show the offline map: %s"), error->message);
      show_toast (self, message);
      return NULL;
    }

  return furrow_mbtiles_source_new_map_source (mbtiles);
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
      if (current != NULL && self->mbtiles_path == NULL)
        return;
      source = g_object_ref (shumate_map_source_registry_get_by_id (self->registry,
                                                                    SHUMATE_MAP_SOURCE_OSM_MAPNIK));
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

static void
restore_state (FurrowWindow *self)
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
}

static void
save_state (FurrowWindow *self)
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

static gboolean
furrow_window_close_request (GtkWindow *window)
{
  save_state (FURROW_WINDOW (window));

  return GTK_WINDOW_CLASS (furrow_window_parent_class)->close_request (window);
}

/* FURROW_BENCH_FIRST_FRAME=1: print the time from main() to the first painted frame and quit. */
static void
first_frame_cb (GdkFrameClock *clock,
                FurrowWindow  *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gint64 start_us = furrow_application_get_start_time (FURROW_APPLICATION (app));

  g_clear_signal_handler (&self->first_frame_handler, clock);
  g_print ("first-frame-ms: %.1f\n", (g_get_monotonic_time () - start_us) / 1000.0);
  g_application_quit (G_APPLICATION (app));
}

static void
furrow_window_realize (GtkWidget *widget)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  GTK_WIDGET_CLASS (furrow_window_parent_class)->realize (widget);

  if (g_getenv ("FURROW_BENCH_FIRST_FRAME") != NULL && self->first_frame_handler == 0)
    self->first_frame_handler = g_signal_connect (gtk_widget_get_frame_clock (widget),
                                                  "after-paint", G_CALLBACK (first_frame_cb),
                                                  self);
}

static void
furrow_window_unrealize (GtkWidget *widget)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  g_clear_signal_handler (&self->first_frame_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (furrow_window_parent_class)->unrealize (widget);
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

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
furrow_window_constructed (GObject *object)
{
  FurrowWindow *self = FURROW_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (furrow_window_parent_class)->constructed (object);

  if (FURROW_IS_APPLICATION (app))
    self->settings = g_object_ref (furrow_application_get_settings (FURROW_APPLICATION (app)));
  else
    self->settings = g_settings_new (APPLICATION_ID);

  restore_state (self);

  g_signal_connect_object (self->settings, "changed::base-map",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::mbtiles-path",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
furrow_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FurrowWindow *self = FURROW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT_PATH:
      g_value_set_string (value, self->project_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_window_dispose (GObject *object)
{
  FurrowWindow *self = FURROW_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_WINDOW);

  G_OBJECT_CLASS (furrow_window_parent_class)->dispose (object);
}

static void
furrow_window_finalize (GObject *object)
{
  FurrowWindow *self = FURROW_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->project_path, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->mbtiles_path, g_free);

  G_OBJECT_CLASS (furrow_window_parent_class)->finalize (object);
}

static void
furrow_window_class_init (FurrowWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = furrow_window_constructed;
  object_class->get_property = furrow_window_get_property;
  object_class->dispose = furrow_window_dispose;
  object_class->finalize = furrow_window_finalize;

  widget_class->realize = furrow_window_realize;
  widget_class->unrealize = furrow_window_unrealize;

  window_class->close_request = furrow_window_close_request;

  /**
   * FurrowWindow:project-path:
   *
   * The project file the window shows, or %NULL. Its name is the window's subtitle.
   */
  properties[PROP_PROJECT_PATH] =
    g_param_spec_string ("project-path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/furrow-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, map);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  furrow_window_import_class_init (widget_class);
}

static void
furrow_window_init (FurrowWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->registry = shumate_map_source_registry_new_with_defaults ();
  furrow_window_import_init (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

FurrowWindow *
furrow_window_new (FurrowApplication *application)
{
  return g_object_new (FURROW_TYPE_WINDOW, "application", application, NULL);
}

const char *
furrow_window_get_project_path (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->project_path;
}

/* Centres the map on the custody fields of the store and zooms to show them all. */
static void
show_fields (FurrowWindow *self)
{
  GListModel *fields = furrow_store_get_fields (self->store);
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

/**
 * furrow_window_open_project:
 * @self: a #FurrowWindow
 * @path: a project file
 * @error: return location for the reason it cannot be opened
 *
 * Opens the project at @path in the window, with its name as the subtitle, and shows its
 * fields. When it cannot be opened, the window keeps what it showed and a toast says why.
 *
 * Returns: %TRUE when the window shows the project
 */
gboolean
furrow_window_open_project (FurrowWindow  *self,
                            const char    *path,
                            GError       **error)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = furrow_store_open (path, &local_error);
  if (store == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, e.g. "coop.gpkg is not a Furrow project". */
      message = g_strdup_printf (_("Cannot open the project: %s"), local_error->message);
      show_toast (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->store, store);
  show_fields (self);

  basename = g_path_get_basename (path);
  display_name = g_filename_display_name (basename);
  adw_window_title_set_subtitle (self->window_title, display_name);

  if (g_strcmp0 (self->project_path, path) != 0)
    {
      g_free (self->project_path);
      self->project_path = g_strdup (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_PATH]);
    }
  return TRUE;
}

/**
 * furrow_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store of the project shown, or %NULL
 */
FurrowStore *
furrow_window_get_store (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * furrow_window_get_map:
 *
 * Returns: (transfer none): the map filling the window
 */
ShumateSimpleMap *
furrow_window_get_map (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->map;
}
