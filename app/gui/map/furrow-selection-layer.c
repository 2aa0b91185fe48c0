/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-selection-layer.h"
#include "furrow-selection-layer-testing.h"

#include <math.h>

#include "furrow-drawn-widget.h"
#include "furrow-property.h"

/* The live overlay above the field tiles: the hovered field, the selected one and the parcels of
 * a household asked to be shown on the map. Only these few polygons are drawn every frame
 * (docs/toolchain.md: drawing every field live holds the map to a few frames a second). A click on
 * the map selects the field under it: the hit test is in lon/lat with
 * furrow_geometry_contains_point() from core. */

struct _FurrowSelectionLayer
{
  ShumateLayer parent_instance;

  GListModel  *fields;
  FurrowField *selected;
  FurrowField *hovered;
  GPtrArray   *highlighted;   /* FurrowGeometry */
};

G_DEFINE_FINAL_TYPE (FurrowSelectionLayer, furrow_selection_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_FIELDS,
  PROP_SELECTED_FIELD,
  PROP_HOVERED_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RGB_SELECTED  0xf5c211
#define RGB_HOVERED   0xffffff
#define RGB_HIGHLIGHT 0x9141ac

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
path_geometry (FurrowSelectionLayer *self,
               cairo_t              *cr,
               FurrowGeometry       *geometry)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        const FurrowRing *ring = &geometry->polygons[p].rings[r];

        for (guint i = 0; i < ring->n_points; i++)
          {
            double x, y;

            shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                                        ring->points[i].y, ring->points[i].x,
                                                        &x, &y);
            if (i == 0)
              cairo_move_to (cr, x, y);
            else
              cairo_line_to (cr, x, y);
          }
        cairo_close_path (cr);
      }
}

static void
draw_geometry (FurrowSelectionLayer *self,
               cairo_t              *cr,
               FurrowGeometry       *geometry,
               guint32               rgb,
               double                fill_alpha,
               double                line_width)
{
  if (geometry == NULL)
    return;
  cairo_new_path (cr);
  path_geometry (self, cr, geometry);
  if (fill_alpha > 0)
    {
      set_rgb (cr, rgb, fill_alpha);
      cairo_fill_preserve (cr);
    }
  /* A dark halo keeps the outline visible on pale imagery. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_set_line_width (cr, line_width + 2);
  cairo_stroke_preserve (cr);
  set_rgb (cr, rgb, 1.0);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
furrow_selection_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  FurrowSelectionLayer *self = FURROW_SELECTION_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 ||
      (self->selected == NULL && self->hovered == NULL && self->highlighted->len == 0))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < self->highlighted->len; i++)
    draw_geometry (self, cr, g_ptr_array_index (self->highlighted, i), RGB_HIGHLIGHT, 0.35, 2.0);
  if (self->hovered != NULL && self->hovered != self->selected)
    draw_geometry (self, cr, furrow_field_get_geometry (self->hovered), RGB_HOVERED, 0.0, 2.0);
  if (self->selected != NULL)
    draw_geometry (self, cr, furrow_field_get_geometry (self->selected), RGB_SELECTED, 0.3, 3.0);

  cairo_destroy (cr);
}

static void
set_hovered (FurrowSelectionLayer *self,
             FurrowField          *field)
{
  furrow_property_set_object (self, properties[PROP_HOVERED_FIELD], field);
}

static void
motion_cb (FurrowSelectionLayer     *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  set_hovered (self, furrow_selection_layer_field_at (self, x, y));
}

static void
leave_cb (FurrowSelectionLayer     *self,
          GtkEventControllerMotion *controller)
{
  set_hovered (self, NULL);
}

static void
released_cb (FurrowSelectionLayer *self,
             int                   n_press,
             double                x,
             double                y,
             GtkGestureClick      *gesture)
{
  if (n_press == 1)
    furrow_selection_layer_click (self, x, y);
}

static void
viewport_changed_cb (FurrowSelectionLayer *self)
{
  if (self->selected != NULL || self->hovered != NULL || self->highlighted->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fields_changed_cb (FurrowSelectionLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
furrow_selection_layer_constructed (GObject *object)
{
  FurrowSelectionLayer *self = FURROW_SELECTION_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (furrow_selection_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
furrow_selection_layer_dispose (GObject *object)
{
  FurrowSelectionLayer *self = FURROW_SELECTION_LAYER (object);

  if (self->fields != NULL)
    g_signal_handlers_disconnect_by_func (self->fields, fields_changed_cb, self);
  g_clear_object (&self->fields);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);
  g_clear_pointer (&self->highlighted, g_ptr_array_unref);

  G_OBJECT_CLASS (furrow_selection_layer_parent_class)->dispose (object);
}

static void
furrow_selection_layer_class_init (FurrowSelectionLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = furrow_selection_layer_constructed;
  object_class->dispose = furrow_selection_layer_dispose;

  widget_class->snapshot = furrow_selection_layer_snapshot;

  /* Its setter moves the items-changed handler and forgets the selection. */
  properties[PROP_FIELDS] = furrow_property_member_set_by (
    g_param_spec_object ("fields", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (FurrowSelectionLayer, fields), G_CALLBACK (furrow_selection_layer_set_fields));
  properties[PROP_SELECTED_FIELD] =
    furrow_property_object ("selected-field", FURROW_TYPE_FIELD, G_PARAM_READWRITE,
                            G_STRUCT_OFFSET (FurrowSelectionLayer, selected),
                            furrow_drawn_widget_redraw);
  properties[PROP_HOVERED_FIELD] =
    furrow_property_object ("hovered-field", FURROW_TYPE_FIELD, G_PARAM_READABLE,
                            G_STRUCT_OFFSET (FurrowSelectionLayer, hovered),
                            furrow_drawn_widget_redraw);
  furrow_property_install (object_class, N_PROPS, properties);
}

static void
furrow_selection_layer_init (FurrowSelectionLayer *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->highlighted = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_geometry_unref);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  /* Primary button only; a drag pans the map and cancels the click. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

FurrowSelectionLayer *
furrow_selection_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (FURROW_TYPE_SELECTION_LAYER, "viewport", viewport, NULL);
}

void
furrow_selection_layer_set_fields (FurrowSelectionLayer *self,
                                   GListModel           *fields)
{
  g_return_if_fail (FURROW_IS_SELECTION_LAYER (self));
  g_return_if_fail (fields == NULL || G_IS_LIST_MODEL (fields));

  if (self->fields == fields)
    return;
  if (self->fields != NULL)
    g_signal_handlers_disconnect_by_func (self->fields, fields_changed_cb, self);
  g_set_object (&self->fields, fields);
  if (fields != NULL)
    g_signal_connect_object (fields, "items-changed", G_CALLBACK (fields_changed_cb), self,
                             G_CONNECT_SWAPPED);
  furrow_selection_layer_set_selected_field (self, NULL);
  set_hovered (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS]);
}

FurrowField *
furrow_selection_layer_get_selected_field (FurrowSelectionLayer *self)
{
  g_return_val_if_fail (FURROW_IS_SELECTION_LAYER (self), NULL);

  return self->selected;
}

void
furrow_selection_layer_set_selected_field (FurrowSelectionLayer *self,
                                           FurrowField          *field)
{
  g_return_if_fail (FURROW_IS_SELECTION_LAYER (self));
  g_return_if_fail (field == NULL || FURROW_IS_FIELD (field));

  furrow_property_set_object (self, properties[PROP_SELECTED_FIELD], field);
}

/**
 * furrow_selection_layer_field_at:
 * @x: widget x of the layer
 * @y: widget y of the layer
 *
 * Returns: (transfer none) (nullable): the field under the point, the topmost (last) one
 */
FurrowField *
furrow_selection_layer_field_at (FurrowSelectionLayer *self,
                                 double                x,
                                 double                y)
{
  ShumateViewport *viewport;
  double lat, lon;
  guint n;

  g_return_val_if_fail (FURROW_IS_SELECTION_LAYER (self), NULL);

  if (self->fields == NULL)
    return NULL;

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);

  n = g_list_model_get_n_items (self->fields);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (self->fields, i - 1);
      FurrowGeometry *geometry = furrow_field_get_geometry (field);
      double west, south, east, north;

      if (geometry == NULL || !furrow_geometry_get_bounds (geometry, &west, &south, &east, &north))
        continue;
      if (lon < west || lon > east || lat < south || lat > north)
        continue;
      if (furrow_geometry_contains_point (geometry, lon, lat))
        return field;
    }
  return NULL;
}

/* What a click at (@x, @y) does: selects the field there, or clears the selection. Returns
 * whether a field was selected. */
gboolean
furrow_selection_layer_click (FurrowSelectionLayer *self,
                              double                x,
                              double                y)
{
  FurrowField *field;

  g_return_val_if_fail (FURROW_IS_SELECTION_LAYER (self), FALSE);

  field = furrow_selection_layer_field_at (self, x, y);
  furrow_selection_layer_set_selected_field (self, field);
  return field != NULL;
}

/**
 * furrow_selection_layer_highlight:
 * @geometries: (nullable) (element-type FurrowGeometry): e.g. the parcels of a household
 *
 * Draws @geometries highlighted until the next call (NULL or empty clears them).
 */
void
furrow_selection_layer_highlight (FurrowSelectionLayer *self,
                                  GPtrArray            *geometries)
{
  g_return_if_fail (FURROW_IS_SELECTION_LAYER (self));

  g_ptr_array_set_size (self->highlighted, 0);
  for (guint i = 0; geometries != NULL && i < geometries->len; i++)
    if (g_ptr_array_index (geometries, i) != NULL)
      g_ptr_array_add (self->highlighted, furrow_geometry_ref (g_ptr_array_index (geometries, i)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
furrow_selection_layer_get_n_highlighted (FurrowSelectionLayer *self)
{
  g_return_val_if_fail (FURROW_IS_SELECTION_LAYER (self), 0);

  return self->highlighted->len;
}

static double
world_y (double lat)
{
  double phi = CLAMP (lat, -85.05112878, 85.05112878) * G_PI / 180.0;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

/* Centres the map on the highlighted geometries at the zoom that shows them all with a margin. */
void
furrow_selection_layer_show_highlighted (FurrowSelectionLayer *self)
{
  ShumateViewport *viewport;
  double west = G_MAXDOUBLE, south = G_MAXDOUBLE, east = -G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double width, height, span_x, span_y, zoom;

  g_return_if_fail (FURROW_IS_SELECTION_LAYER (self));

  for (guint i = 0; i < self->highlighted->len; i++)
    {
      double w, s, e, n;

      if (!furrow_geometry_get_bounds (g_ptr_array_index (self->highlighted, i), &w, &s, &e, &n))
        continue;
      west = MIN (west, w);
      south = MIN (south, s);
      east = MAX (east, e);
      north = MAX (north, n);
    }
  if (west > east)
    return;

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 256);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 256);
  /* The bounds in pixels at zoom 0 (a 256 px world), then the zoom that fits 80 % of the view. */
  span_x = MAX ((east - west) / 360.0 * 256.0, 1e-9);
  span_y = MAX ((world_y (south) - world_y (north)) * 256.0, 1e-9);
  zoom = log2 (MIN (width * 0.8 / span_x, height * 0.8 / span_y));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                MIN (shumate_viewport_get_max_zoom_level (viewport), 19.0));

  shumate_location_set_location (SHUMATE_LOCATION (viewport), (north + south) / 2, (west + east) / 2);
  shumate_viewport_set_zoom_level (viewport, zoom);
}
