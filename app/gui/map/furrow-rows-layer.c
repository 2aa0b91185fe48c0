/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "furrow-rows-layer.h"
#include "furrow-rows-layer-testing.h"

/* The strip rows of a planned field drawn live on the map: the field shaded in the headland
 * colour, every row segment of the layout in its crop's colour on top (the unsown headlands at
 * the row ends stay shaded). Coordinates are converted to Web Mercator (0–1 world units) once per
 * layout; each frame maps them to the widget with one affine transform (docs/toolchain.md:
 * converting every vertex through the viewport costs about 0.7 µs each). */

typedef struct
{
  double   x0, y0, x1, y1;  /* mercator, 0–1 */
  guint8   crop;
} Segment;

struct _FurrowRowsLayer
{
  ShumateLayer parent_instance;

  GArray *segments;         /* Segment */
  GArray *outline;          /* double pairs, one ring after another */
  GArray *ring_lengths;     /* guint points per ring */
  guint   n_rows[FURROW_N_CROPS];
};

G_DEFINE_FINAL_TYPE (FurrowRowsLayer, furrow_rows_layer, SHUMATE_TYPE_LAYER)

static void
to_mercator (double  lon,
             double  lat,
             double *x,
             double *y)
{
  double phi = CLAMP (lat, -85.0511, 85.0511) * G_PI / 180.0;

  *x = (lon + 180.0) / 360.0;
  *y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

static double
mercator_to_latitude (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

/* The affine map from mercator to widget coordinates: three points through the viewport. */
static gboolean
get_transform (FurrowRowsLayer *self,
               double           ox,
               double           oy,
               double           m[6])
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *widget = GTK_WIDGET (self);
  const double d = 1e-4;
  double ax, ay, bx, by, cx, cy;

  if (viewport == NULL)
    return FALSE;

  shumate_viewport_location_to_widget_coords (viewport, widget, mercator_to_latitude (oy),
                                              ox * 360.0 - 180.0, &ax, &ay);
  shumate_viewport_location_to_widget_coords (viewport, widget, mercator_to_latitude (oy),
                                              (ox + d) * 360.0 - 180.0, &bx, &by);
  shumate_viewport_location_to_widget_coords (viewport, widget, mercator_to_latitude (oy + d),
                                              ox * 360.0 - 180.0, &cx, &cy);
  m[0] = (bx - ax) / d;
  m[1] = (by - ay) / d;
  m[2] = (cx - ax) / d;
  m[3] = (cy - ay) / d;
  m[4] = ax;
  m[5] = ay;
  return TRUE;
}

static void
furrow_rows_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  FurrowRowsLayer *self = FURROW_ROWS_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double ox, oy, m[6];
  double line_width;
  guint k = 0;
  cairo_t *cr;

  if (self->outline->len < 2 || width <= 0 || height <= 0)
    return;

  ox = g_array_index (self->outline, double, 0);
  oy = g_array_index (self->outline, double, 1);
  if (!get_transform (self, ox, oy, m))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, m[4], m[5]);

  /* The field, shaded: what is not covered by rows (headlands, margins) keeps this colour. */
  cairo_new_path (cr);
  for (guint r = 0; r < self->ring_lengths->len; r++)
    {
      guint n = g_array_index (self->ring_lengths, guint, r);

      for (guint i = 0; i < n; i++, k++)
        {
          double x = g_array_index (self->outline, double, 2 * k) - ox;
          double y = g_array_index (self->outline, double, 2 * k + 1) - oy;
          double wx = m[0] * x + m[2] * y;
          double wy = m[1] * x + m[3] * y;

          if (i == 0)
            cairo_move_to (cr, wx, wy);
          else
            cairo_line_to (cr, wx, wy);
        }
      cairo_close_path (cr);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 0.60, 0.45, 0.30, 0.45);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.40, 0.28, 0.16, 0.9);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);

  /* Rows: one pixel wide at least, so dense strips still show both crops when zoomed out. */
  line_width = 1.5;
  for (guint crop = 0; crop < FURROW_N_CROPS; crop++)
    {
      guint32 rgb = crop == FURROW_CROP_MAIZE ? FURROW_ROWS_RGB_MAIZE : FURROW_ROWS_RGB_SOYBEAN;

      cairo_new_path (cr);
      for (guint i = 0; i < self->segments->len; i++)
        {
          const Segment *s = &g_array_index (self->segments, Segment, i);
          double x0 = s->x0 - ox, y0 = s->y0 - oy, x1 = s->x1 - ox, y1 = s->y1 - oy;

          if (s->crop != crop)
            continue;
          cairo_move_to (cr, m[0] * x0 + m[2] * y0, m[1] * x0 + m[3] * y0);
          cairo_line_to (cr, m[0] * x1 + m[2] * y1, m[1] * x1 + m[3] * y1);
        }
      cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                            (rgb & 0xff) / 255.0);
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
viewport_changed_cb (FurrowRowsLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
furrow_rows_layer_constructed (GObject *object)
{
  FurrowRowsLayer *self = FURROW_ROWS_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (furrow_rows_layer_parent_class)->constructed (object);

  if (viewport != NULL)
    g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
furrow_rows_layer_finalize (GObject *object)
{
  FurrowRowsLayer *self = FURROW_ROWS_LAYER (object);

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_pointer (&self->ring_lengths, g_array_unref);

  G_OBJECT_CLASS (furrow_rows_layer_parent_class)->finalize (object);
}

static void
furrow_rows_layer_class_init (FurrowRowsLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = furrow_rows_layer_constructed;
  object_class->finalize = furrow_rows_layer_finalize;
  widget_class->snapshot = furrow_rows_layer_snapshot;
}

static void
furrow_rows_layer_init (FurrowRowsLayer *self)
{
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->outline = g_array_new (FALSE, FALSE, sizeof (double));
  self->ring_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

FurrowRowsLayer *
furrow_rows_layer_new (ShumateViewport *viewport)
{
  return g_object_new (FURROW_TYPE_ROWS_LAYER, "viewport", viewport, NULL);
}

/**
 * furrow_rows_layer_set_layout:
 * @field: (nullable): the field outline
 * @layout: (nullable): its layout; %NULL with @field %NULL clears the layer
 *
 * Shows @layout on @field. Both are copied into mercator coordinates, so the caller keeps them.
 */
void
furrow_rows_layer_set_layout (FurrowRowsLayer      *self,
                              const FurrowGeometry *field,
                              const FurrowLayout   *layout)
{
  g_return_if_fail (FURROW_IS_ROWS_LAYER (self));

  g_array_set_size (self->segments, 0);
  g_array_set_size (self->outline, 0);
  g_array_set_size (self->ring_lengths, 0);
  memset (self->n_rows, 0, sizeof self->n_rows);

  if (field != NULL)
    for (guint p = 0; p < field->n_polygons; p++)
      for (guint r = 0; r < field->polygons[p].n_rings; r++)
        {
          const FurrowRing *ring = &field->polygons[p].rings[r];

          for (guint i = 0; i < ring->n_points; i++)
            {
              double xy[2];

              to_mercator (ring->points[i].x, ring->points[i].y, &xy[0], &xy[1]);
              g_array_append_vals (self->outline, xy, 2);
            }
          g_array_append_val (self->ring_lengths, ring->n_points);
        }

  if (layout != NULL && layout->rows != NULL)
    for (guint i = 0; i < layout->rows->len; i++)
      {
        const FurrowRowSegment *row = &g_array_index (layout->rows, FurrowRowSegment, i);
        Segment s = { 0 };

        to_mercator (row->a.x, row->a.y, &s.x0, &s.y0);
        to_mercator (row->b.x, row->b.y, &s.x1, &s.y1);
        s.crop = row->crop;
        g_array_append_val (self->segments, s);
        self->n_rows[row->crop]++;
      }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Row segments of @crop the layer draws. */
guint
furrow_rows_layer_get_n_rows (FurrowRowsLayer *self,
                              FurrowCrop       crop)
{
  g_return_val_if_fail (FURROW_IS_ROWS_LAYER (self), 0);
  g_return_val_if_fail (crop < FURROW_N_CROPS, 0);

  return self->n_rows[crop];
}
