/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-editor.h"
#include "furrow-field-editor-testing.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-edit-field.h"
#include "furrow-geodesy.h"
#include "furrow-geos.h"
#include "furrow-history.h"
#include "furrow-polygon-edit.h"
#include "furrow-property.h"
#include "furrow-units.h"

/* Draws a new custody field, or reshapes one, on the map.
 *
 * While drawing: a click adds a corner (snapped to the corners and edges of the other fields
 * within FURROW_FIELD_EDITOR_SNAP_PX), a click on an edge's middle handle inserts one, dragging a
 * corner moves it, a right click or Delete removes the last (or the clicked) corner, a double
 * click or Enter saves, Escape cancels. The live label shows the ellipsoidal area in mu and the
 * perimeter in metres (furrow_geodesy_*); a polygon that furrow_validate finds invalid is drawn
 * in red and refused on save with its reason. Saving is one store operation (the store writes
 * audit_log); every save is recorded in a FurrowHistory (the window's, or the editor's own) so
 * Ctrl+Z / Ctrl+Shift+Z undo and redo it. */

struct _FurrowFieldEditor
{
  ShumateLayer parent_instance;

  FurrowStore       *store;
  GtkWidget         *label;
  FurrowRingEdit    *ring;       /* the corners, lon/lat */
  FurrowField       *editing;    /* NULL while drawing a new field */
  gboolean           drawing;
  int                dragged;    /* vertex index, -1 */
  char              *measurement;
  char              *problem;    /* why the polygon is invalid, NULL when valid */
  FurrowGeosContext *geos;
  FurrowHistory     *history;
};

G_DEFINE_FINAL_TYPE (FurrowFieldEditor, furrow_field_editor, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_HISTORY,
  PROP_DRAWING,
  PROP_MEASUREMENT,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MESSAGE,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define RGB_DRAWING 0x3584e4
#define RGB_INVALID 0xe01b24
#define HANDLE_RADIUS 5.0

static ShumateViewport *
get_viewport (FurrowFieldEditor *self)
{
  return shumate_layer_get_viewport (SHUMATE_LAYER (self));
}

static void
to_widget (FurrowFieldEditor *self,
           double             lon,
           double             lat,
           double            *x,
           double            *y)
{
  shumate_viewport_location_to_widget_coords (get_viewport (self), GTK_WIDGET (self), lat, lon, x, y);
}

static void
project_cb (const FurrowPoint *point,
            double            *x,
            double            *y,
            gpointer           user_data)
{
  to_widget (user_data, point->x, point->y, x, y);
}

static void
to_location (FurrowFieldEditor *self,
             double             x,
             double             y,
             double            *lon,
             double            *lat)
{
  shumate_viewport_widget_coords_to_location (get_viewport (self), GTK_WIDGET (self), x, y, lat, lon);
}

/* Saving, undoing and redoing: a failure is told to the user (the "message" signal). */
static void
run_step (FurrowFieldEditor *self,
          gboolean         (*step) (FurrowFieldEditor *, GError **))
{
  g_autoptr(GError) error = NULL;

  if (!step (self, &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

static void
update_actions (FurrowFieldEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finish", self->drawing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", self->drawing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-vertex",
                                 self->drawing && furrow_ring_edit_get_n_points (self->ring) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 furrow_field_editor_can_undo (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 furrow_field_editor_can_redo (self));
}

/* Recomputes the live label and the validity after every change of the corners. */
static void
update (FurrowFieldEditor *self)
{
  g_autoptr(FurrowGeometry) geometry = furrow_ring_edit_to_geometry (self->ring);
  g_autofree char *problem = NULL;
  g_autofree char *measurement = NULL;

  if (geometry == NULL)
    {
      measurement = g_strdup (_("Click on the map to add the corners of the field"));
    }
  else
    {
      g_autofree char *mu = furrow_format_mu_grouped (furrow_geodesy_area_m2 (geometry));
      double perimeter_m = furrow_geodesy_perimeter_m (geometry);

      /* TRANSLATORS: the live measurement while drawing a field: area in mu, perimeter in m */
      measurement = g_strdup_printf (_("%s mu · perimeter %'.1f m"), mu, perimeter_m);
      problem = furrow_ring_edit_check (self->ring, self->geos,
                                        self->editing != NULL
                                        ? furrow_field_get_name (self->editing)
                                        : _("New field"));
    }

  furrow_property_set_string (self, properties[PROP_MEASUREMENT], measurement);
  furrow_property_set_string (self, properties[PROP_PROBLEM], problem);
  gtk_label_set_text (GTK_LABEL (self->label),
                      self->problem != NULL ? self->problem : self->measurement);
  if (self->problem != NULL)
    gtk_widget_add_css_class (self->label, "error");
  else
    gtk_widget_remove_css_class (self->label, "error");
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drawing_changed (GObject    *object,
                 GParamSpec *pspec)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (object);

  gtk_widget_set_visible (self->label, self->drawing);
  /* Only while drawing does the editor take the clicks (the selection layer below gets them). */
  gtk_widget_set_can_target (GTK_WIDGET (self), self->drawing);
}

static void
set_drawing (FurrowFieldEditor *self,
             gboolean           drawing)
{
  furrow_property_set_boolean (self, properties[PROP_DRAWING], drawing);
}

/* The point a press at (x, y) stands for: a corner or edge of another field within the snapping
 * distance, else the point itself. */
static void
snap (FurrowFieldEditor *self,
      double             x,
      double             y,
      FurrowPoint       *point)
{
  g_autoptr(GListModel) fields = self->store != NULL ? furrow_store_get_fields (self->store) : NULL;
  double west, south, east, north, tol_lon, tol_lat;
  guint n = fields != NULL ? g_list_model_get_n_items (fields) : 0;
  FurrowSnap snapping;

  to_location (self, x, y, &point->x, &point->y);
  /* The snapping distance in degrees around the point, for a bounds pre-test. */
  to_location (self, x + FURROW_FIELD_EDITOR_SNAP_PX, y + FURROW_FIELD_EDITOR_SNAP_PX, &tol_lon, &tol_lat);
  tol_lon = fabs (tol_lon - point->x);
  tol_lat = fabs (tol_lat - point->y);

  furrow_snap_init (&snapping, x, y, FURROW_FIELD_EDITOR_SNAP_PX, project_cb, self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      FurrowGeometry *geometry = furrow_field_get_geometry (field);

      if (self->editing != NULL && furrow_field_get_id (field) == furrow_field_get_id (self->editing))
        continue;
      if (geometry == NULL || !furrow_geometry_get_bounds (geometry, &west, &south, &east, &north) ||
          point->x < west - tol_lon || point->x > east + tol_lon ||
          point->y < south - tol_lat || point->y > north + tol_lat)
        continue;
      furrow_snap_add_geometry (&snapping, geometry);
    }

  switch (furrow_snap_get_result (&snapping, point))
    {
    case FURROW_SNAP_VERTEX:   /* a corner exactly, so the two fields share it */
      break;
    case FURROW_SNAP_EDGE:
      to_location (self, point->x, point->y, &point->x, &point->y);
      break;
    case FURROW_SNAP_NONE:
    default:
      to_location (self, x, y, &point->x, &point->y);
    }
}

/* The corner within the handle radius of (x, y), or -1. */
static int
vertex_at (FurrowFieldEditor *self,
           double             x,
           double             y)
{
  return furrow_ring_edit_vertex_at (self->ring, x, y, HANDLE_RADIUS + 3, project_cb, self);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
furrow_field_editor_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint32 rgb = self->problem != NULL ? RGB_INVALID : RGB_DRAWING;
  guint n = furrow_ring_edit_get_n_points (self->ring);
  cairo_t *cr;

  if (!self->drawing || width <= 0 || height <= 0)
    return;

  if (n > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < n; i++)
        {
          const FurrowPoint *point = furrow_ring_edit_get_point (self->ring, i);
          double x, y;

          to_widget (self, point->x, point->y, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (n >= 3)
        {
          cairo_close_path (cr);
          set_rgb (cr, rgb, 0.3);
          cairo_fill_preserve (cr);
        }
      set_rgb (cr, rgb, 1.0);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);

      /* Middle handles (insert a corner), then the corners. */
      for (guint i = 0; i < furrow_ring_edit_get_n_edges (self->ring); i++)
        {
          const FurrowPoint *a, *b;
          double ax, ay, bx, by;

          furrow_ring_edit_get_edge (self->ring, i, &a, &b);
          to_widget (self, a->x, a->y, &ax, &ay);
          to_widget (self, b->x, b->y, &bx, &by);
          cairo_new_path (cr);
          cairo_arc (cr, (ax + bx) / 2, (ay + by) / 2, HANDLE_RADIUS - 1.5, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
          cairo_fill_preserve (cr);
          set_rgb (cr, rgb, 0.8);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      for (guint i = 0; i < n; i++)
        {
          const FurrowPoint *point = furrow_ring_edit_get_point (self->ring, i);
          double x, y;

          to_widget (self, point->x, point->y, &x, &y);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, HANDLE_RADIUS, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          set_rgb (cr, rgb, 1.0);
          cairo_set_line_width (cr, 2.0);
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->label, snapshot);
}

/* What a press does while drawing: primary adds or inserts a corner (a double press saves),
 * secondary deletes the corner under it or the last one. */
void
furrow_field_editor_press (FurrowFieldEditor *self,
                           int                n_press,
                           guint              button,
                           double             x,
                           double             y)
{
  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));

  if (!self->drawing)
    return;

  if (button == GDK_BUTTON_SECONDARY)
    {
      int index = vertex_at (self, x, y);

      furrow_field_editor_delete_vertex (self, index >= 0 ? (guint) index :
                                         furrow_ring_edit_get_n_points (self->ring) - 1);
      return;
    }

  if (n_press >= 2)
    {
      run_step (self, furrow_field_editor_finish);
      return;
    }

  if (vertex_at (self, x, y) >= 0)
    return;   /* a drag moves it */

  {
    int edge = furrow_ring_edit_edge_at (self->ring, x, y, HANDLE_RADIUS + 2, project_cb, self);
    FurrowPoint point;

    snap (self, x, y, &point);
    if (edge >= 0)
      furrow_ring_edit_insert (self->ring, edge + 1, &point);
    else
      furrow_ring_edit_append (self->ring, &point);
  }
  update (self);
}

static void
pressed_cb (FurrowFieldEditor *self,
            int                n_press,
            double             x,
            double             y,
            GtkGestureClick   *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (!self->drawing)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  furrow_field_editor_press (self, n_press, button, x, y);
}

static void
drag_begin_cb (FurrowFieldEditor *self,
               double             x,
               double             y,
               GtkGestureDrag    *gesture)
{
  self->dragged = self->drawing ? vertex_at (self, x, y) : -1;
  if (self->dragged >= 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (FurrowFieldEditor *self,
                double             dx,
                double             dy,
                GtkGestureDrag    *gesture)
{
  double x, y;

  if (self->dragged < 0)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  furrow_field_editor_move_vertex (self, self->dragged, x + dx, y + dy);
}

static void
drag_end_cb (FurrowFieldEditor *self,
             double             dx,
             double             dy,
             GtkGestureDrag    *gesture)
{
  self->dragged = -1;
}

static void
viewport_changed_cb (FurrowFieldEditor *self)
{
  if (self->drawing)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* editor.finish, editor.undo and editor.redo: a step that may fail (run_step()). */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (widget);

  if (g_str_equal (action_name, "editor.undo"))
    run_step (self, furrow_field_editor_undo);
  else if (g_str_equal (action_name, "editor.redo"))
    run_step (self, furrow_field_editor_redo);
  else
    run_step (self, furrow_field_editor_finish);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  furrow_field_editor_cancel (FURROW_FIELD_EDITOR (widget));
}

static void
delete_vertex_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (widget);

  guint n = furrow_ring_edit_get_n_points (self->ring);

  if (n > 0)
    furrow_field_editor_delete_vertex (self, n - 1);
}

static void
draw_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  furrow_field_editor_start (FURROW_FIELD_EDITOR (widget));
}

static void
furrow_field_editor_constructed (GObject *object)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (object);

  G_OBJECT_CLASS (furrow_field_editor_parent_class)->constructed (object);

  g_signal_connect_object (get_viewport (self), "notify", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* A new store forgets the drawing and the history's actions follow it. */
static void
store_changed (GObject    *object,
               GParamSpec *pspec)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (object);

  furrow_field_editor_cancel (self);
  update_actions (self);
}

static void
furrow_field_editor_dispose (GObject *object)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, update_actions, self);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (furrow_field_editor_parent_class)->dispose (object);
}

static void
furrow_field_editor_finalize (GObject *object)
{
  FurrowFieldEditor *self = FURROW_FIELD_EDITOR (object);

  furrow_ring_edit_free (self->ring);
  g_free (self->measurement);
  g_free (self->problem);
  furrow_geos_context_free (self->geos);

  G_OBJECT_CLASS (furrow_field_editor_parent_class)->finalize (object);
}

static void
furrow_field_editor_class_init (FurrowFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = furrow_field_editor_constructed;
  object_class->dispose = furrow_field_editor_dispose;
  object_class->finalize = furrow_field_editor_finalize;

  widget_class->snapshot = furrow_field_editor_snapshot;

  properties[PROP_STORE] =
    furrow_property_object ("store", FURROW_TYPE_STORE, G_PARAM_READWRITE,
                            G_STRUCT_OFFSET (FurrowFieldEditor, store), store_changed);
  /* Its setter gives the editor a history of its own for NULL. */
  properties[PROP_HISTORY] = furrow_property_member_set_by (
    g_param_spec_object ("history", NULL, NULL, FURROW_TYPE_HISTORY,
                         G_PARAM_READWRITE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (FurrowFieldEditor, history), G_CALLBACK (furrow_field_editor_set_history));
  properties[PROP_DRAWING] = furrow_property_member (
    g_param_spec_boolean ("drawing", NULL, NULL, FALSE, G_PARAM_READABLE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (FurrowFieldEditor, drawing), drawing_changed);
  properties[PROP_MEASUREMENT] = furrow_property_member (
    g_param_spec_string ("measurement", NULL, NULL, NULL, G_PARAM_READABLE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (FurrowFieldEditor, measurement), NULL);
  properties[PROP_PROBLEM] = furrow_property_member (
    g_param_spec_string ("problem", NULL, NULL, NULL, G_PARAM_READABLE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (FurrowFieldEditor, problem), NULL);
  furrow_property_install (object_class, N_PROPS, properties);

  /* A sentence for the user (a toast): why saving, undoing or redoing failed. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A field was added or reshaped in the store. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, FURROW_TYPE_FIELD);

  gtk_widget_class_install_action (widget_class, "editor.draw", NULL, draw_action);
  gtk_widget_class_install_action (widget_class, "editor.finish", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-vertex", NULL, delete_vertex_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, step_action);
}

static void
add_shortcut (GtkEventController *controller,
              const char         *accelerator,
              const char         *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action)));
}

/* The live label: an OSD pill, on the error colours while the polygon is invalid. Kept here, not
 * in an application style sheet, so the editor looks right wherever it is used. */
static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".furrow-measurement { padding: 6px 12px; border-radius: 9999px; }\n"
                                   ".furrow-measurement.error { background-color: @error_bg_color;"
                                   " color: @error_fg_color; }\n", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
furrow_field_editor_init (FurrowFieldEditor *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  ensure_style ();
  self->ring = furrow_ring_edit_new ();
  self->dragged = -1;
  self->geos = furrow_geos_context_new ();
  furrow_field_editor_set_history (self, NULL);

  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_bin_layout_new ());
  self->label = gtk_label_new (NULL);
  gtk_widget_set_halign (self->label, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->label, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (self->label, 48);
  gtk_widget_add_css_class (self->label, "osd");
  gtk_widget_add_css_class (self->label, "furrow-measurement");
  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  /* Window-wide: the map layer never has the keyboard focus. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (shortcuts, "Return", "editor.finish");
  add_shortcut (shortcuts, "KP_Enter", "editor.finish");
  add_shortcut (shortcuts, "Escape", "editor.cancel");
  add_shortcut (shortcuts, "Delete", "editor.delete-vertex");
  add_shortcut (shortcuts, "BackSpace", "editor.delete-vertex");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update (self);
}

FurrowFieldEditor *
furrow_field_editor_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (FURROW_TYPE_FIELD_EDITOR, "viewport", viewport, NULL);
}

/* The project new fields are saved to; a new store forgets the drawing and the history. */
void
furrow_field_editor_set_store (FurrowFieldEditor *self,
                               FurrowStore       *store)
{
  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));
  g_return_if_fail (store == NULL || FURROW_IS_STORE (store));

  furrow_property_set_object (self, properties[PROP_STORE], store);
}

gboolean
furrow_field_editor_get_drawing (FurrowFieldEditor *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), FALSE);

  return self->drawing;
}

/* Starts drawing a new field (win.draw-field). */
void
furrow_field_editor_start (FurrowFieldEditor *self)
{
  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));

  if (self->store == NULL)
    return;
  g_clear_object (&self->editing);
  furrow_ring_edit_clear (self->ring);
  set_drawing (self, TRUE);
  update (self);
}

/* Starts reshaping @field (win.reshape-field): its exterior ring becomes the editable corners. */
void
furrow_field_editor_edit (FurrowFieldEditor *self,
                          FurrowField       *field)
{
  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));
  g_return_if_fail (FURROW_IS_FIELD (field));

  if (self->store == NULL ||
      !furrow_ring_edit_set_geometry (self->ring, furrow_field_get_geometry (field)))
    return;
  g_set_object (&self->editing, field);
  set_drawing (self, TRUE);
  update (self);
}

void
furrow_field_editor_cancel (FurrowFieldEditor *self)
{
  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));

  g_clear_object (&self->editing);
  furrow_ring_edit_clear (self->ring);
  set_drawing (self, FALSE);
  update (self);
}

/**
 * furrow_field_editor_finish:
 *
 * Saves the polygon drawn: adds a new field, or reshapes the one being edited. Refused (the
 * drawing goes on) with fewer than three corners or an invalid polygon, with the reason.
 */
gboolean
furrow_field_editor_finish (FurrowFieldEditor  *self,
                            GError            **error)
{
  g_autoptr(FurrowGeometry) geometry = NULL;
  g_autoptr(FurrowField) saved = NULL;
  g_autoptr(FurrowEdit) edit = NULL;

  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), FALSE);

  if (!self->drawing || self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("Nothing is being drawn"));
      return FALSE;
    }
  geometry = furrow_ring_edit_to_geometry (self->ring);
  if (geometry == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A field needs at least three corners"));
      return FALSE;
    }
  if (self->problem != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, self->problem);
      return FALSE;
    }

  if (self->editing != NULL)
    edit = furrow_edit_field_new_reshape (self->store, self->editing, geometry);
  else
    edit = furrow_edit_field_new_draw (self->store, geometry);
  if (!furrow_history_push (self->history, g_object_ref (edit), error))
    return FALSE;
  saved = furrow_edit_field_get_field (edit);

  g_clear_object (&self->editing);
  furrow_ring_edit_clear (self->ring);
  set_drawing (self, FALSE);
  update (self);
  if (saved != NULL)
    g_signal_emit (self, signals[SAVED], 0, saved);
  return TRUE;
}

guint
furrow_field_editor_get_n_vertices (FurrowFieldEditor *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), 0);

  return furrow_ring_edit_get_n_points (self->ring);
}

void
furrow_field_editor_get_vertex (FurrowFieldEditor *self,
                                guint              index,
                                double            *lon,
                                double            *lat)
{
  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));
  g_return_if_fail (index < furrow_ring_edit_get_n_points (self->ring));

  *lon = furrow_ring_edit_get_point (self->ring, index)->x;
  *lat = furrow_ring_edit_get_point (self->ring, index)->y;
}

/* Moves corner @index to the widget point (x, y), snapped. */
void
furrow_field_editor_move_vertex (FurrowFieldEditor *self,
                                 guint              index,
                                 double             x,
                                 double             y)
{
  FurrowPoint point;

  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));
  g_return_if_fail (index < furrow_ring_edit_get_n_points (self->ring));

  snap (self, x, y, &point);
  furrow_ring_edit_move (self->ring, index, &point);
  update (self);
}

gboolean
furrow_field_editor_delete_vertex (FurrowFieldEditor *self,
                                   guint              index)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), FALSE);

  if (!furrow_ring_edit_delete (self->ring, index))
    return FALSE;
  update (self);
  return TRUE;
}

/* "12.34 mu · perimeter 456.7 m" once there are three corners, a hint before. */
const char *
furrow_field_editor_get_measurement (FurrowFieldEditor *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), NULL);

  return self->measurement;
}

/* Why the polygon drawn cannot be saved (furrow_validate's sentence), NULL when it can. */
const char *
furrow_field_editor_get_problem (FurrowFieldEditor *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), NULL);

  return self->problem;
}

/* Takes back the last saved drawing (a new field is deleted, a reshaped one gets its old shape),
 * or whatever else is last in a shared history. */
gboolean
furrow_field_editor_undo (FurrowFieldEditor  *self,
                          GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), FALSE);

  if (!furrow_field_editor_can_undo (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing to undo"));
      return FALSE;
    }
  ok = furrow_history_undo (self->history, error);
  update_actions (self);
  return ok;
}

gboolean
furrow_field_editor_redo (FurrowFieldEditor  *self,
                          GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), FALSE);

  if (!furrow_field_editor_can_redo (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing to redo"));
      return FALSE;
    }
  ok = furrow_history_redo (self->history, error);
  update_actions (self);
  return ok;
}

gboolean
furrow_field_editor_can_undo (FurrowFieldEditor *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), FALSE);

  return !self->drawing && self->history != NULL && furrow_history_get_can_undo (self->history);
}

gboolean
furrow_field_editor_can_redo (FurrowFieldEditor *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), FALSE);

  return !self->drawing && self->history != NULL && furrow_history_get_can_redo (self->history);
}

FurrowHistory *
furrow_field_editor_get_history (FurrowFieldEditor *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_EDITOR (self), NULL);

  return self->history;
}

/* The undo stack saves are recorded in: the window's, so Ctrl+Z takes back the last edit of any
 * kind; NULL gives the editor a history of its own. */
void
furrow_field_editor_set_history (FurrowFieldEditor *self,
                                 FurrowHistory     *history)
{
  g_autoptr(FurrowHistory) own = NULL;

  g_return_if_fail (FURROW_IS_FIELD_EDITOR (self));
  g_return_if_fail (history == NULL || FURROW_IS_HISTORY (history));

  if (history == NULL)
    history = own = furrow_history_new ();
  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, update_actions, self);
  g_set_object (&self->history, history);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}
