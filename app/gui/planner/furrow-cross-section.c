/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-cross-section.h"
#include "furrow-cross-section-testing.h"
#include "furrow-drawn-widget.h"

/* One strip unit seen end-on: maize plants tall, soybean plants short, one symbol per row at its
 * offset in the unit (furrow_pattern_rows()), with the spacing between neighbouring rows and the
 * unit width written in metres under the ground line. */

struct _FurrowCrossSection
{
  GtkWidget     parent_instance;

  FurrowPattern pattern;
  gboolean      has_pattern;
  guint         n_drawn[FURROW_N_CROPS];
};

G_DEFINE_FINAL_TYPE (FurrowCrossSection, furrow_cross_section, GTK_TYPE_WIDGET)

static void
draw_label (GtkWidget  *widget,
            cairo_t    *cr,
            const char *text,
            double      x,
            double      y)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, x - tw / 2.0, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_maize (cairo_t *cr,
            double   x,
            double   ground,
            double   height)
{
  cairo_set_source_rgb (cr, 0.20, 0.55, 0.20);
  cairo_set_line_width (cr, 2.5);
  cairo_move_to (cr, x, ground);
  cairo_line_to (cr, x, ground - height);
  cairo_stroke (cr);
  /* leaves, alternating */
  cairo_set_line_width (cr, 2.0);
  for (int i = 1; i <= 4; i++)
    {
      double y = ground - height * i / 5.0;
      double side = i % 2 ? 1.0 : -1.0;

      cairo_move_to (cr, x, y);
      cairo_curve_to (cr, x + side * height * 0.10, y - height * 0.08,
                      x + side * height * 0.16, y - height * 0.02,
                      x + side * height * 0.20, y + height * 0.04);
      cairo_stroke (cr);
    }
  /* tassel and ear */
  cairo_set_source_rgb (cr, 0.90, 0.65, 0.05);
  cairo_move_to (cr, x, ground - height);
  cairo_line_to (cr, x, ground - height * 1.08);
  cairo_stroke (cr);
  cairo_save (cr);
  cairo_translate (cr, x + 4, ground - height * 0.5);
  cairo_scale (cr, 1.0, 2.5);
  cairo_arc (cr, 0, 0, 3, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_fill (cr);
}

static void
draw_soybean (cairo_t *cr,
              double   x,
              double   ground,
              double   height)
{
  cairo_set_source_rgb (cr, 0.15, 0.50, 0.35);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, x, ground);
  cairo_line_to (cr, x, ground - height * 0.6);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.18, 0.63, 0.41);
  for (int i = 0; i < 5; i++)
    {
      double a = G_PI * (0.15 + 0.175 * i);

      cairo_arc (cr, x - cos (a) * height * 0.35, ground - height * 0.45 - sin (a) * height * 0.4,
                 height * 0.17, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_dimension (GtkWidget *widget,
                cairo_t   *cr,
                double     x0,
                double     x1,
                double     y,
                guint      count,
                double     metres)
{
  g_autofree char *text = NULL;

  if (count > 1)
    /* Translators: several equal row spacings on the cross-section drawing, e.g. "5 × 0.30 m". */
    text = g_strdup_printf (_("%u × %.2f m"), count, metres);
  else
    /* Translators: a distance in metres on the cross-section drawing, e.g. "0.40 m". */
    text = g_strdup_printf (_("%.2f m"), metres);

  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x0, y - 4);
  cairo_line_to (cr, x0, y + 4);
  cairo_move_to (cr, x1, y - 4);
  cairo_line_to (cr, x1, y + 4);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  /* arrow heads */
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x0 + 4, y - 3);
  cairo_line_to (cr, x0 + 4, y + 3);
  cairo_close_path (cr);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x1 - 4, y - 3);
  cairo_line_to (cr, x1 - 4, y + 3);
  cairo_close_path (cr);
  cairo_fill (cr);
  draw_label (widget, cr, text, (x0 + x1) / 2, y + 2);
}

static void
furrow_cross_section_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  FurrowCrossSection *self = FURROW_CROSS_SECTION (widget);
  FurrowPatternRow rows[2 * FURROW_PATTERN_MAX_ROWS];
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double pad = 24.0;
  double ground = height - 62.0;
  double unit_m, scale;
  guint n;
  GdkRGBA fg;
  cairo_t *cr;

  self->n_drawn[FURROW_CROP_MAIZE] = self->n_drawn[FURROW_CROP_SOYBEAN] = 0;
  if (!self->has_pattern || width < 2 * pad || ground < 40)
    return;

  unit_m = furrow_pattern_unit_width_m (&self->pattern);
  n = furrow_pattern_rows (&self->pattern, rows);
  if (unit_m <= 0 || n == 0)
    return;
  scale = (width - 2 * pad) / unit_m;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* soil */
  cairo_rectangle (cr, pad, ground, width - 2 * pad, 6);
  cairo_set_source_rgb (cr, 0.55, 0.40, 0.26);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      double x = pad + rows[i].offset_m * scale;

      if (rows[i].crop == FURROW_CROP_MAIZE)
        draw_maize (cr, x, ground, ground - 18);
      else
        draw_soybean (cr, x, ground, (ground - 18) * 0.38);
      self->n_drawn[rows[i].crop]++;
    }

  /* spacings between neighbouring rows, then the unit width */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.85);
  /* equal neighbouring spacings (the soybean band) as one dimension, "5 × 0.30 m" */
  for (guint i = 0; i + 1 < n;)
    {
      double spacing = rows[i + 1].offset_m - rows[i].offset_m;
      guint j = i + 1;

      while (j + 1 < n && fabs (rows[j + 1].offset_m - rows[j].offset_m - spacing) < 1e-6)
        j++;
      draw_dimension (widget, cr, pad + rows[i].offset_m * scale, pad + rows[j].offset_m * scale,
                      ground + 16, j - i, spacing);
      i = j;
    }
  draw_dimension (widget, cr, pad, width - pad, ground + 42, 1, unit_m);

  cairo_destroy (cr);
}

/* Always 190 pixels tall: the plants, the soil and two dimension lines. */
static int
cross_section_height (GtkWidget *widget,
                      int        width)
{
  return 190;
}

static void
furrow_cross_section_class_init (FurrowCrossSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = furrow_cross_section_snapshot;
  furrow_drawn_widget_class_init (widget_class, "cross-section", 240, 340, cross_section_height);
}

static void
furrow_cross_section_init (FurrowCrossSection *self)
{
}

void
furrow_cross_section_set_pattern (FurrowCrossSection  *self,
                                  const FurrowPattern *pattern)
{
  g_return_if_fail (FURROW_IS_CROSS_SECTION (self));

  self->has_pattern = pattern != NULL;
  if (pattern != NULL)
    self->pattern = *pattern;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Plants of @crop in the last drawing (one per row of the unit). */
guint
furrow_cross_section_get_n_drawn (FurrowCrossSection *self,
                                  FurrowCrop          crop)
{
  g_return_val_if_fail (FURROW_IS_CROSS_SECTION (self), 0);

  return self->n_drawn[crop];
}
