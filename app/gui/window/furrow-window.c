/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-window-private.h"
#include "furrow-season-settlement-page.h"
#include "furrow-demo.h"
#include "furrow-window-import.h"
#include "furrow-window-seasons.h"
#include "furrow-mbtiles-source.h"
#include "furrow-parcel-index.h"
#include "furrow-register.h"
#include "furrow-units.h"
#include "furrow-planner-panel.h"
#include "furrow-rows-layer.h"
#include "furrow-season-overview-page.h"
#include "furrow-store-mbtiles.h"
#include "furrow-season-economics-page.h"
#include "furrow-season-harvest-page.h"
#include "furrow-store-season.h"
#include "furrow-field-map.h"
#include "furrow-base-map.h"

/* The values of the BaseMap enum of the schema. The first view of the map (36.45 N 119.40 E,
 * zoom 14, in Linyi, Shandong) is the default of map-latitude, map-longitude and map-zoom. */
enum {
  BASE_MAP_OSM,
  BASE_MAP_MBTILES,
  BASE_MAP_TIANDITU,
  BASE_MAP_XYZ,
};

G_DEFINE_FINAL_TYPE (FurrowWindow, furrow_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT_PATH,
  PROP_SELECTED_FIELD,
  PROP_SELECTED_HOUSEHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_ON_MAP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
furrow_window_show_toast (FurrowWindow *self,
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
      if (current != NULL && self->mbtiles_path == NULL &&
          g_strcmp0 (shumate_map_source_get_id (current), SHUMATE_MAP_SOURCE_OSM_MAPNIK) == 0)
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

static char *
format_mu (double area_m2)
{
  g_autofree char *number = furrow_format_mu (area_m2);

  /* Translators: an area in mu (亩), e.g. "12.34 mu". */
  return g_strdup_printf (_("%s mu"), number);
}

static void
update_details (FurrowWindow *self)
{
  if (self->selected_household != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "households") == 0)
    {
      furrow_household_page_set_household (self->household_page, self->selected_household);
      gtk_stack_set_visible_child_name (self->details_stack, "household");
    }
  else if (self->selected_field != NULL)
    {
      FurrowField *field = self->selected_field;
      g_autofree char *registered = format_mu (furrow_field_get_registered_area_m2 (field));
      g_autofree char *measured = format_mu (furrow_field_get_measured_area_m2 (field));
      g_autofree char *planted = format_mu (furrow_field_get_planted_area_m2 (field));
      g_autofree char *n_parcels = NULL;

      n_parcels = g_strdup_printf ("%u",
                                   furrow_parcel_index_count_field (self->parcel_index,
                                                                    furrow_field_get_id (field)));
      gtk_label_set_text (self->field_name_label, furrow_field_get_name (field));
      gtk_label_set_text (self->field_code_label, furrow_field_get_code (field));
      gtk_label_set_text (self->field_custody_label,
                          furrow_field_get_custody (field) == FURROW_CUSTODY_HALF
                          ? _("Half custody") : _("Full custody"));
      gtk_label_set_text (self->field_parcels_label, n_parcels);
      gtk_label_set_text (self->field_registered_label, registered);
      gtk_label_set_text (self->field_measured_label, measured);
      gtk_label_set_text (self->field_planted_label, planted);
      gtk_stack_set_visible_child_name (self->details_stack, "field");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
    }
}

/* Selected in the list (or found by a search) and off the map: centre the map on it. A field
 * clicked on the map is on it already and the map stays where the user put it. */
static void
show_field_on_map (FurrowWindow *self,
                   FurrowField  *field)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  GtkWidget *map = GTK_WIDGET (self->map);
  FurrowGeometry *geometry = furrow_field_get_geometry (field);
  double west, south, east, north, lon, lat, x, y;

  if (geometry == NULL || geometry->n_polygons == 0 || gtk_widget_get_width (map) == 0)
    return;
  furrow_geometry_get_bounds (geometry, &west, &south, &east, &north);
  lon = (west + east) / 2;
  lat = (south + north) / 2;
  shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, &x, &y);
  if (x >= 0 && y >= 0 && x < gtk_widget_get_width (map) && y < gtk_widget_get_height (map))
    return;
  shumate_map_center_on (shumate_simple_map_get_map (self->map), lat, lon);
}

/**
 * furrow_window_select_field:
 * @self: a #FurrowWindow
 * @field: (nullable): a field of the window's store, or %NULL
 *
 * Makes @field the window's selected field: its row is selected and scrolled to, the details
 * pane shows it and #FurrowWindow:selected-field notifies (the map follows it).
 */
void
furrow_window_select_field (FurrowWindow *self,
                            FurrowField  *field)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (field == NULL || FURROW_IS_FIELD (field));

  if (!g_set_object (&self->selected_field, field))
    return;
  furrow_field_list_set_selected (self->field_list, field);
  if (field != NULL)
    {
      /* Selected on the map or in the list: the Fields view shows its row. */
      adw_view_stack_set_visible_child_name (self->view_stack, "fields");
      gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
      show_field_on_map (self, field);
    }
  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_FIELD]);
}

FurrowField *
furrow_window_get_selected_field (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->selected_field;
}

void
furrow_window_select_household (FurrowWindow    *self,
                                FurrowHousehold *household)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (household == NULL || FURROW_IS_HOUSEHOLD (household));

  if (!g_set_object (&self->selected_household, household))
    return;
  furrow_household_list_set_selected (self->household_list, household);
  if (household != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "households");
      gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
    }
  update_details (self);
  furrow_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_HOUSEHOLD]);
}

FurrowHousehold *
furrow_window_get_selected_household (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->selected_household;
}

/**
 * furrow_window_show_household_on_map:
 *
 * Asks the map to zoom to and highlight the parcels of @household: emits
 * #FurrowWindow::show-on-map.
 */
void
furrow_window_show_household_on_map (FurrowWindow    *self,
                                     FurrowHousehold *household)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (FURROW_IS_HOUSEHOLD (household));

  g_signal_emit (self, signals[SHOW_ON_MAP], 0, household);
}

static void
field_list_selected_cb (FurrowWindow *self)
{
  FurrowField *field = furrow_field_list_get_selected (self->field_list);

  /* A search that hides the selected row does not unselect the field. */
  if (field == NULL && self->selected_field != NULL)
    return;
  furrow_window_select_field (self, field);
  if (field != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
household_list_selected_cb (FurrowWindow *self)
{
  FurrowHousehold *household = furrow_household_list_get_selected (self->household_list);

  if (household == NULL && self->selected_household != NULL)
    return;
  furrow_window_select_household (self, household);
  if (household != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* Season pages, in switcher order: overview, economics, harvest, settlement
 * (furrow_season_view_add_page(); see the page contract in furrow-season-view.h). Built on the
 * season view's first use rather than in furrow_window_init(): building, measuring and laying out
 * the four hidden pages more than doubled the time to the first frame (bench `startup`). */
static void
furrow_window_ensure_season_pages (FurrowWindow *self)
{
  if (self->season_pages_added)
    return;
  self->season_pages_added = TRUE;
  furrow_season_view_add_page (self->season_view, GTK_WIDGET (furrow_season_overview_page_new ()),
                               "overview", _("Overview"), "view-grid-symbolic");
  furrow_season_view_add_page (self->season_view, GTK_WIDGET (furrow_season_economics_page_new ()),
                               "economics", _("Economics"), "accessories-calculator-symbolic");
  furrow_season_view_add_page (self->season_view, GTK_WIDGET (furrow_season_harvest_page_new ()),
                               "harvest", _("Harvest"), "emblem-ok-symbolic");
  furrow_season_view_add_page (self->season_view,
                               GTK_WIDGET (furrow_season_settlement_page_new ()),
                               "settlement", _("Settlement"), "changes-prevent-symbolic");
}

/* The content area shows the season chosen in the Seasons view, the map otherwise. */
static void
update_content (FurrowWindow *self)
{
  gpointer season = furrow_season_list_get_selected (self->season_list);
  gboolean on_season = season != NULL &&
    g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "seasons") == 0;

  if (on_season)
    furrow_window_ensure_season_pages (self);
  if (season != furrow_season_view_get_season (self->season_view))
    furrow_season_view_set_season (self->season_view, season);
  /* The planner's "Apply to Season" offers the season last shown first. */
  if (season != NULL)
    furrow_planner_panel_set_season (self->planner_panel, season);
  gtk_stack_set_visible_child_name (self->content_stack, on_season ? "season" : "map");
  gtk_widget_set_visible (self->plan_button, !on_season);
  gtk_widget_set_visible (self->details_button, !on_season);
}

static void
season_list_selected_cb (FurrowWindow *self)
{
  update_content (self);
  if (furrow_season_list_get_selected (self->season_list) != NULL &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
apply_search (FurrowWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  furrow_field_list_set_search (self->field_list, text);
  furrow_household_list_set_search (self->household_list, text);
}

static void
search_changed_cb (FurrowWindow *self)
{
  apply_search (self);
}

static void
stop_search_cb (FurrowWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
visible_view_changed_cb (FurrowWindow *self)
{
  update_details (self);
}

static void
back_clicked_cb (FurrowWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
planner_layout_changed_cb (FurrowWindow       *self,
                           FurrowPlannerPanel *panel)
{
  FurrowField *field = furrow_planner_panel_get_field (panel);

  furrow_rows_layer_set_layout (self->rows_layer,
                                field != NULL ? furrow_field_get_geometry (field) : NULL,
                                furrow_planner_panel_get_layout (panel));
}

/* Opens or closes the planner beside the map; with no field chosen yet it plans the first. */
static void
plan_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->plan_flap);

  if (reveal && furrow_planner_panel_get_field (self->planner_panel) == NULL &&
      self->store != NULL && g_list_model_get_n_items (furrow_store_get_fields (self->store)) > 0)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (furrow_store_get_fields (self->store),
                                                            0);

      furrow_planner_panel_set_field (self->planner_panel, field);
    }
  adw_flap_set_reveal_flap (self->plan_flap, reveal);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_layer), reveal);
}

static void
editor_message_cb (FurrowWindow *self,
                   const char   *message)
{
  furrow_window_show_toast (self, message);
}

static void
show_on_map_cb (FurrowWindow    *self,
                FurrowHousehold *household)
{
  furrow_field_map_show_household (self->field_map, furrow_household_get_code (household));
}

static void
draw_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  if (self->store == NULL)
    furrow_window_show_toast (self, _("Open a project to draw fields in it"));
  else
    furrow_field_editor_start (furrow_field_map_get_editor (self->field_map));
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

  /* After the base map: the field layers go on top of it. */
  self->field_map = furrow_field_map_new (shumate_simple_map_get_map (self->map));
  /* The planned rows draw above the field tiles. */
  self->rows_layer = furrow_rows_layer_new (shumate_simple_map_get_viewport (self->map));
  gtk_widget_set_visible (GTK_WIDGET (self->rows_layer), FALSE);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->rows_layer));
  g_signal_connect_object (furrow_field_map_get_editor (self->field_map), "message",
                           G_CALLBACK (editor_message_cb), self, G_CONNECT_SWAPPED);
  /* Drawn fields are undone with the window's other edits (win.undo, Ctrl+Z). */
  furrow_field_editor_set_history (furrow_field_map_get_editor (self->field_map), self->history);
  /* A click on the map selects in the lists and the details pane, and the other way round. */
  g_object_bind_property (self, "selected-field",
                          furrow_field_map_get_selection_layer (self->field_map), "selected-field",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "show-on-map", G_CALLBACK (show_on_map_cb), NULL);
  /* Fields coloured by planned pattern, custody type or household (win.field-colouring), with
   * the legend over the map. */
  {
    g_autoptr(GAction) colouring = g_settings_create_action (self->settings, "field-colouring");

    g_action_map_add_action (G_ACTION_MAP (self), colouring);
    furrow_field_map_set_legend (self->field_map, self->map_legend);
    g_settings_bind (self->settings, "field-colouring", self->field_map, "colouring",
                     G_SETTINGS_BIND_GET);
  }

  g_signal_connect_object (self->settings, "changed::base-map",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::mbtiles-path",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::tianditu-key",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::xyz-template",
                           G_CALLBACK (base_map_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "area-mismatch-percent", self->household_page,
                   "mismatch-percent", G_SETTINGS_BIND_GET);
  furrow_window_update_recent_menu (self);
  furrow_window_update_actions (self);
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

    case PROP_SELECTED_FIELD:
      g_value_set_object (value, self->selected_field);
      break;

    case PROP_SELECTED_HOUSEHOLD:
      g_value_set_object (value, self->selected_household);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FurrowWindow *self = FURROW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_FIELD:
      furrow_window_select_field (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_HOUSEHOLD:
      furrow_window_select_household (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_window_dispose (GObject *object)
{
  FurrowWindow *self = FURROW_WINDOW (object);

  /* Its GSettings action would outlive the window's action group otherwise. */
  g_action_map_remove_action (G_ACTION_MAP (self), "field-colouring");
  g_clear_object (&self->field_map);
  g_cancellable_cancel (self->probe);
  g_clear_object (&self->probe);
  g_cancellable_cancel (self->cancellable);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
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
  g_clear_object (&self->parcel_index);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->selected_field);
  g_clear_object (&self->selected_household);
  g_clear_object (&self->cancellable);
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
  object_class->set_property = furrow_window_set_property;
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

  /**
   * FurrowWindow:selected-field:
   *
   * The field selected in the list or on the map, or %NULL.
   */
  properties[PROP_SELECTED_FIELD] =
    g_param_spec_object ("selected-field", NULL, NULL, FURROW_TYPE_FIELD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * FurrowWindow:selected-household:
   *
   * The household selected in the list, or %NULL.
   */
  properties[PROP_SELECTED_HOUSEHOLD] =
    g_param_spec_object ("selected-household", NULL, NULL, FURROW_TYPE_HOUSEHOLD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FurrowWindow::show-on-map:
   * @household: the household whose parcels to show
   *
   * The user asked to see a household's parcels on the map.
   */
  signals[SHOW_ON_MAP] =
    g_signal_new ("show-on-map", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, FURROW_TYPE_HOUSEHOLD);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (FURROW_TYPE_MAP_LEGEND);
  g_type_ensure (FURROW_TYPE_FIELD_LIST);
  g_type_ensure (FURROW_TYPE_HOUSEHOLD_LIST);
  g_type_ensure (FURROW_TYPE_HOUSEHOLD_PAGE);
  g_type_ensure (FURROW_TYPE_SEASON_LIST);
  g_type_ensure (FURROW_TYPE_SEASON_VIEW);
  g_type_ensure (FURROW_TYPE_PLANNER_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/window/furrow-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, map);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_list);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, household_list);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, season_list);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, season_view);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, plan_button);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, details_stack);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_name_label);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_code_label);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_custody_label);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, map_legend);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_parcels_label);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_registered_label);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_measured_label);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, field_planted_label);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, household_page);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, plan_flap);
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, planner_panel);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.draw-field", NULL, draw_field_action);
  furrow_window_class_add_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.plan-field", NULL, plan_field_action);
  furrow_window_import_class_init (widget_class);
  furrow_window_seasons_class_init (widget_class);
}

static void
furrow_window_init (FurrowWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->registry = shumate_map_source_registry_new_with_defaults ();
  self->history = furrow_history_new ();
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (furrow_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (furrow_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->field_list, "notify::selected",
                            G_CALLBACK (field_list_selected_cb), self);
  g_signal_connect_swapped (self->household_list, "notify::selected",
                            G_CALLBACK (household_list_selected_cb), self);
  g_signal_connect_swapped (self->season_list, "notify::selected",
                            G_CALLBACK (season_list_selected_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (update_content), self);
  /* The season pages are built on the season view's first use: furrow_window_ensure_season_pages(). */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (self->planner_panel, "layout-changed",
                           G_CALLBACK (planner_layout_changed_cb), self, G_CONNECT_SWAPPED);
  /* The planner plans the field selected in the list or on the map. */
  g_object_bind_property (self, "selected-field", self->planner_panel, "field", G_BINDING_DEFAULT);
  furrow_window_import_init (self);
  furrow_window_seasons_init (self);

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
      furrow_window_show_toast (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  furrow_window_select_field (self, NULL);
  furrow_window_select_household (self, NULL);
  furrow_history_clear (self->history);
  g_set_object (&self->store, store);
  {
    g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);

    g_clear_object (&self->parcel_index);
    self->parcel_index = furrow_parcel_index_new (parcels);
  }
  furrow_field_map_set_store (self->field_map, store);
  furrow_field_list_set_store (self->field_list, store);
  furrow_household_list_set_store (self->household_list, store);
  furrow_household_page_set_project (self->household_page, store, self->history);
  {
    g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

    furrow_season_list_set_model (self->season_list, seasons);
  }
  furrow_season_view_set_project (self->season_view, store, self->history);
  furrow_planner_panel_set_project (self->planner_panel, store, self->history);
  update_content (self);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "views");
  show_fields (self);
  furrow_window_remember_project (self, path);
  furrow_window_update_actions (self);

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
 * furrow_window_get_history:
 *
 * Returns: (transfer none): the undo/redo history of the window's edits
 */
FurrowHistory *
furrow_window_get_history (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * furrow_window_open_demo:
 *
 * Opens the demo cooperative, $XDG_DATA_HOME/furrow/demo.gpkg, creating it first when it does
 * not exist.
 */
gboolean
furrow_window_open_demo (FurrowWindow  *self,
                         GError       **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "furrow", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.gpkg", NULL);

  g_return_val_if_fail (FURROW_IS_WINDOW (self), FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(FurrowStore) demo = NULL;
      g_autoptr(GError) local_error = NULL;

      g_mkdir_with_parents (dir, 0700);
      demo = furrow_demo_create (path, &local_error);
      if (demo == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is why, e.g. "demo.gpkg: permission denied". */
          message = g_strdup_printf (_("Cannot create the demo cooperative: %s"),
                                     local_error->message);
          furrow_window_show_toast (self, message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return furrow_window_open_project (self, path, error);
}

/**
 * furrow_window_get_planner_panel:
 *
 * Returns: (transfer none): the strip planner beside the map (win.plan-field shows it)
 */
FurrowPlannerPanel *
furrow_window_get_planner_panel (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->planner_panel;
}

/**
 * furrow_window_get_rows_layer:
 *
 * Returns: (transfer none): the map layer drawing the planned rows
 */
FurrowRowsLayer *
furrow_window_get_rows_layer (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->rows_layer;
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

/**
 * furrow_window_get_field_map:
 *
 * Returns: (transfer none): the field layers of the map (tiles, selection, editor)
 */
FurrowFieldMap *
furrow_window_get_field_map (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->field_map;
}

/* How many times the window said the online base map cannot be reached (tests). */
guint
furrow_window_get_n_offline_notices (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), 0);

  return self->offline_notices;
}

void
furrow_window_show_season (FurrowWindow *self,
                           FurrowSeason *season)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (season == NULL || FURROW_IS_SEASON (season));

  if (season != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "seasons");
  furrow_season_list_set_selected (self->season_list, season);
  update_content (self);
}

/**
 * furrow_window_get_season_view:
 *
 * Returns: (transfer none): the view of the season chosen in the Seasons list
 */
FurrowSeasonView *
furrow_window_get_season_view (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  furrow_window_ensure_season_pages (self);
  return self->season_view;
}
