/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's selection and the details pane that shows it: the field or household selected in
 * a list or on the map is selected in its list, shown in the pane and (a field) on the map. The
 * pane follows the store's record signals, so an edit made anywhere shows in it
 * (docs/architecture.md, The change signals). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-parcel-index.h"
#include "furrow-units.h"
#include "furrow-window-private.h"

static char *
format_mu (double area_m2)
{
  g_autofree char *number = furrow_format_mu_grouped (area_m2);

  /* Translators: an area in mu (亩), e.g. "12.34 mu". */
  return g_strdup_printf (_("%s mu"), number);
}

static void
show_field_details (FurrowWindow *self,
                    FurrowField  *field)
{
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

/* The pane shows the household selected in the Households view, else the field selected. */
void
furrow_window_update_details (FurrowWindow *self)
{
  if (self->selected_household != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "households") == 0)
    {
      /* The household is what is selected now: no field stays outlined on the map beside it
       * (issue 13). Unselecting the field comes back here with no field. */
      if (self->selected_field != NULL)
        {
          furrow_window_select_field (self, NULL);
          return;
        }
      furrow_household_page_set_household (self->household_page, self->selected_household);
      gtk_stack_set_visible_child_name (self->details_stack, "household");
    }
  else if (self->selected_field != NULL)
    show_field_details (self, self->selected_field);
  else
    gtk_stack_set_visible_child_name (self->details_stack, "none");
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

/* FurrowWindow:selected-field changed (furrow_property_member()'s hook, before the notify): its
 * row is selected and scrolled to, the pane shows it and the map centres on it. */
void
furrow_window_selected_field_changed (GObject    *object,
                                      GParamSpec *pspec)
{
  FurrowWindow *self = FURROW_WINDOW (object);
  FurrowField *field = self->selected_field;

  furrow_record_list_set_selected (FURROW_RECORD_LIST (self->field_list), field);
  if (field != NULL)
    {
      /* Selected on the map or in the list: the Fields view shows its row. */
      adw_view_stack_set_visible_child_name (self->view_stack, "fields");
      /* While planning, the planner follows the selection and keeps its place. */
      if (!adw_flap_get_reveal_flap (self->plan_flap))
        gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
      show_field_on_map (self, field);
    }
  furrow_window_update_details (self);
  furrow_window_update_actions (self);
}

/* FurrowWindow:selected-household changed: its row is selected and the pane shows it. */
void
furrow_window_selected_household_changed (GObject    *object,
                                          GParamSpec *pspec)
{
  FurrowWindow *self = FURROW_WINDOW (object);
  FurrowHousehold *household = self->selected_household;

  furrow_record_list_set_selected (FURROW_RECORD_LIST (self->household_list), household);
  if (household != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "households");
      gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
    }
  furrow_window_update_details (self);
  furrow_window_update_actions (self);
}

/* A row chosen in a list selects its record; on a folded window the content comes forward. */
static void
list_selected_cb (FurrowRecordList *list,
                  GParamSpec       *pspec,
                  FurrowWindow     *self)
{
  gpointer record = furrow_record_list_get_selected (list);
  gboolean fields = list == FURROW_RECORD_LIST (self->field_list);
  const char *property = fields ? "selected-field" : "selected-household";

  /* A search that hides the selected row does not unselect the record. */
  if (record == NULL &&
      (fields ? (gpointer) self->selected_field : (gpointer) self->selected_household) != NULL)
    return;
  g_object_set (self, property, record, NULL);
  if (record != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* A field, household or parcel changed in the store: the pane shows its new state (a parcel
 * edit changes its field's registered area and parcel count). The household page follows the
 * store itself. */
static void
record_changed_cb (FurrowWindow *self)
{
  if (self->selected_field != NULL)
    {
      furrow_window_update_details (self);
      furrow_window_update_actions (self);
    }
}

void
furrow_window_details_init (FurrowWindow *self)
{
  g_signal_connect_object (self->field_list, "notify::selected", G_CALLBACK (list_selected_cb),
                           self, 0);
  g_signal_connect_object (self->household_list, "notify::selected",
                           G_CALLBACK (list_selected_cb), self, 0);
}

/* Follows `store` (the project the window is about to show) instead of the one it showed. */
void
furrow_window_details_set_store (FurrowWindow *self,
                                 FurrowStore  *store)
{
  static const char * const signals[] = { "field-changed", "household-changed",
                                          "parcel-changed" };

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, record_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, furrow_window_update_actions, self);
    }
  for (guint i = 0; store != NULL && i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (store, signals[i], G_CALLBACK (record_changed_cb), self,
                             G_CONNECT_SWAPPED);
  /* A season settled or reopened locks or frees the shape of its fields (win.reshape-field). */
  if (store != NULL)
    {
      g_signal_connect_object (store, "season-changed", G_CALLBACK (furrow_window_update_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "settlement-changed",
                               G_CALLBACK (furrow_window_update_actions), self, G_CONNECT_SWAPPED);
    }
}
