/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-compass.h"
#include "furrow-drawn-widget.h"
#include "furrow-property.h"

/* A small compass dial for the direction rows run in: click or drag to point the row line;
 * rows are lines, so 10° and 190° are the same direction and the azimuth stays in [0, 180). */

#define SIZE 64

struct _FurrowCompass
{
  GtkWidget parent_instance;

  double azimuth_deg;
};

G_DEFINE_FINAL_TYPE (FurrowCompass, furrow_compass, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AZIMUTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
furrow_compass_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  FurrowCompass *self = FURROW_COMPASS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double cx = width / 2.0, cy = height / 2.0;
  double radius = MIN (width, height) / 2.0 - 2.0;
  double a = self->azimuth_deg * G_PI / 180.0;
  GdkRGBA fg;
  cairo_t *cr;
  PangoLayout *layout;
  int tw, th;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  /* Ticks every 45°. */
  for (int i = 0; i < 8; i++)
    {
      double t = i * G_PI / 4;

      cairo_move_to (cr, cx + sin (t) * (radius - 4), cy - cos (t) * (radius - 4));
      cairo_line_to (cr, cx + sin (t) * radius, cy - cos (t) * radius);
    }
  cairo_stroke (cr);

  /* "N" at the top, in the dial. */
  layout = gtk_widget_create_pango_layout (widget, C_("compass", "N"));
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, cx - tw / 2.0, cy - radius + 4);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  /* The row line through the centre. */
  cairo_set_source_rgb (cr, 0.15, 0.52, 0.30);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx - sin (a) * (radius - 6), cy + cos (a) * (radius - 6));
  cairo_line_to (cr, cx + sin (a) * (radius - 6), cy - cos (a) * (radius - 6));
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy, 3, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_destroy (cr);
}

/* A square of SIZE pixels. */
static int
compass_height (GtkWidget *widget,
                int        width)
{
  return SIZE;
}

static void
point_at (FurrowCompass *self,
          double         x,
          double         y)
{
  double dx = x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double dy = y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (hypot (dx, dy) < 2.0)
    return;
  furrow_compass_set_azimuth (self, round (atan2 (dx, -dy) * 180.0 / G_PI));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FurrowCompass  *self)
{
  point_at (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FurrowCompass  *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  point_at (self, x + dx, y + dy);
}

static void
furrow_compass_class_init (FurrowCompassClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = furrow_compass_snapshot;
  furrow_drawn_widget_class_init (widget_class, "compass", SIZE, SIZE, compass_height);

  /**
   * FurrowCompass:azimuth:
   *
   * The direction of the rows, degrees clockwise from north, 0 ≤ azimuth < 180.
   */
  properties[PROP_AZIMUTH] = furrow_property_member_set_by (
    g_param_spec_double ("azimuth", NULL, NULL, -360.0, 360.0, 0.0,
                         G_PARAM_READWRITE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (FurrowCompass, azimuth_deg), G_CALLBACK (furrow_compass_set_azimuth));
  furrow_property_install (object_class, N_PROPS, properties);
}

static void
furrow_compass_init (FurrowCompass *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Click or drag to set the row direction"));
}

void
furrow_compass_set_azimuth (FurrowCompass *self,
                            double         azimuth_deg)
{
  g_return_if_fail (FURROW_IS_COMPASS (self));

  /* A row line has no sense of direction: fold into [0, 180). */
  azimuth_deg = fmod (azimuth_deg, 180.0);
  if (azimuth_deg < 0)
    azimuth_deg += 180.0;
  else if (azimuth_deg == 0)
    azimuth_deg = 0;   /* not -0: the stored value is compared bit for bit */
  if (furrow_property_set_double (self, properties[PROP_AZIMUTH], azimuth_deg))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}
