/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "furrow-chart.h"
#include "furrow-units.h"

static const double crop_rgb[FURROW_N_CROPS][3] = {
  { 0.90, 0.65, 0.04 },   /* maize */
  { 0.15, 0.64, 0.41 },   /* soybean */
};

static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align_x,
           double      align_y,
           gboolean    vertical)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  int tw, th;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (vertical)
    cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -tw * align_x, -th * align_y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* A step of 1, 2 or 5 × 10^k giving about five ticks over @range. */
static double
nice_step (double range)
{
  double raw = range / 5.0;
  double magnitude = pow (10.0, floor (log10 (raw)));
  double r = raw / magnitude;

  return (r < 1.5 ? 1.0 : r < 3.5 ? 2.0 : r < 7.5 ? 5.0 : 10.0) * magnitude;
}

void
furrow_chart_draw_fit (cairo_t                   *cr,
                       double                     width,
                       double                     height,
                       const FurrowChartFitPoint *points,
                       guint                      n_points)
{
  const double left = 64, right = 16, top = 36, bottom = 48;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  double plot_w = width - left - right;
  double plot_h = height - top - bottom;
  double step;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  for (guint i = 0; i < n_points; i++)
    {
      if (!isfinite (points[i].measured_kg_per_mu) || !isfinite (points[i].predicted_kg_per_mu))
        continue;
      lo = MIN (lo, MIN (points[i].measured_kg_per_mu, points[i].predicted_kg_per_mu));
      hi = MAX (hi, MAX (points[i].measured_kg_per_mu, points[i].predicted_kg_per_mu));
    }
  if (lo > hi)
    {
      lo = 0;
      hi = 600;
    }
  step = nice_step (MAX (hi - lo, 10.0));
  lo = MAX (0.0, floor (lo / step) * step - step);
  hi = ceil (hi / step) * step + step;

#define PX(v) (left + ((v) - lo) / (hi - lo) * plot_w)
#define PY(v) (top + plot_h - ((v) - lo) / (hi - lo) * plot_h)

  /* grid and ticks */
  cairo_set_line_width (cr, 1.0);
  for (double v = lo; v <= hi + step / 2; v += step)
    {
      g_autofree char *label = g_strdup_printf ("%.0f", v);

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_move_to (cr, PX (v), top);
      cairo_line_to (cr, PX (v), top + plot_h);
      cairo_move_to (cr, left, PY (v));
      cairo_line_to (cr, left + plot_w, PY (v));
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_text (cr, label, PX (v), top + plot_h + 4, 0.5, 0.0, FALSE);
      show_text (cr, label, left - 6, PY (v), 1.0, 0.5, FALSE);
    }
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_rectangle (cr, left, top, plot_w, plot_h);
  cairo_stroke (cr);
  show_text (cr, _("Measured, kg/mu"), left + plot_w / 2, height - 4, 0.5, 1.0, FALSE);
  show_text (cr, _("Predicted, kg/mu"), 4, top + plot_h / 2, 0.5, 0.0, TRUE);

  /* the 1:1 line */
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
  cairo_move_to (cr, PX (lo), PY (lo));
  cairo_line_to (cr, PX (hi), PY (hi));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  show_text (cr, _("1:1"), PX (hi) - 4, PY (hi) + 4, 1.0, 0.0, FALSE);

  /* residuals, then dots */
  for (guint i = 0; i < n_points; i++)
    {
      const FurrowChartFitPoint *p = &points[i];
      const double *rgb = crop_rgb[p->crop];

      if (!isfinite (p->measured_kg_per_mu) || !isfinite (p->predicted_kg_per_mu))
        continue;
      cairo_set_source_rgb (cr, 0.80, 0.11, 0.14);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, PX (p->measured_kg_per_mu), PY (p->predicted_kg_per_mu));
      cairo_line_to (cr, PX (p->measured_kg_per_mu), PY (p->measured_kg_per_mu));
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_arc (cr, PX (p->measured_kg_per_mu), PY (p->predicted_kg_per_mu), 5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* legend */
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      double x = left + 8 + c * 90;

      cairo_set_source_rgb (cr, crop_rgb[c][0], crop_rgb[c][1], crop_rgb[c][2]);
      cairo_arc (cr, x + 5, top / 2, 5, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_text (cr, c == FURROW_CROP_MAIZE ? _("Maize") : _("Soybean"), x + 14, top / 2, 0.0,
                 0.5, FALSE);
    }
  cairo_set_source_rgb (cr, 0.80, 0.11, 0.14);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, left + 188, top / 2 - 6);
  cairo_line_to (cr, left + 188, top / 2 + 6);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (cr, _("Residual"), left + 196, top / 2, 0.0, 0.5, FALSE);

#undef PX
#undef PY
  cairo_restore (cr);
}

static const double series_rgb[FURROW_CHART_MAX_SERIES][3] = {
  { 0.21, 0.52, 0.89 },
  { 0.90, 0.65, 0.04 },
  { 0.15, 0.64, 0.41 },
  { 0.57, 0.25, 0.67 },
};

#define BAR_H 12.0
#define GROUP_GAP 8.0
#define PANEL_TITLE 28.0

static double
panel_height (const FurrowChartComparison *data)
{
  return PANEL_TITLE + data->n_groups * (data->n_series * BAR_H + GROUP_GAP);
}

double
furrow_chart_comparison_height (const FurrowChartComparison *data)
{
  return 46.0 + 2 * panel_height (data) + 16.0;
}

gboolean
furrow_chart_comparison_side_by_side (double width)
{
  return width >= FURROW_CHART_SIDE_BY_SIDE_WIDTH;
}

double
furrow_chart_comparison_height_for_width (const FurrowChartComparison *data,
                                          double                       width)
{
  if (furrow_chart_comparison_side_by_side (width))
    return 46.0 + panel_height (data) + 16.0;
  return furrow_chart_comparison_height (data);
}

static double
text_width (cairo_t    *cr,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  int tw, th;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  pango_font_description_free (font);
  g_object_unref (layout);
  return tw;
}

/* One panel: bars from a zero line (net may be negative). */
static void
draw_bars (cairo_t                     *cr,
           const FurrowChartComparison *data,
           const char                  *title,
           double                       x0,
           double                       y0,
           double                       width,
           gboolean                     money)
{
  double lo = 0, hi = 0, zero_x, scale;
  double label_w = 0, value_w = 0;
  double plot_x, plot_w;

  /* room for the longest pattern name on the left and the longest value on the right */
  for (guint g = 0; g < data->n_groups; g++)
    label_w = MAX (label_w, text_width (cr, data->group_label[g]) + 8);
  for (guint s = 0; s < data->n_series; s++)
    for (guint g = 0; g < data->n_groups; g++)
      {
        g_autofree char *text = money ? furrow_format_yuan (data->net_fen_per_mu[s][g])
                                      : g_strdup_printf ("%.2f", data->ler[s][g]);

        value_w = MAX (value_w, text_width (cr, text) + 6);
      }
  label_w = MIN (label_w, 0.5 * width);
  plot_x = x0 + label_w;
  plot_w = MAX (width - label_w - value_w, 20);

  for (guint s = 0; s < data->n_series; s++)
    for (guint g = 0; g < data->n_groups; g++)
      {
        double v = money ? data->net_fen_per_mu[s][g] / 100.0 : data->ler[s][g];

        lo = MIN (lo, v);
        hi = MAX (hi, v);
      }
  /* The LER panel always reaches 1, where its reference line is. */
  if (!money)
    hi = MAX (hi, 1.0);
  if (hi - lo <= 0)
    hi = lo + 1;
  scale = plot_w / (hi - lo);
  zero_x = plot_x - lo * scale;

  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  show_text (cr, title, x0, y0 + 4, 0.0, 0.0, FALSE);

  for (guint g = 0; g < data->n_groups; g++)
    {
      double gy = y0 + PANEL_TITLE + g * (data->n_series * BAR_H + GROUP_GAP);

      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_text (cr, data->group_label[g], plot_x - 6 + MIN (0, lo) * 0,
                 gy + data->n_series * BAR_H / 2, 1.0, 0.5, FALSE);
      for (guint s = 0; s < data->n_series; s++)
        {
          double v = money ? data->net_fen_per_mu[s][g] / 100.0 : data->ler[s][g];
          double y = gy + s * BAR_H;
          double x1 = zero_x + v * scale;
          g_autofree char *text = NULL;

          cairo_set_source_rgb (cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
          cairo_rectangle (cr, MIN (zero_x, x1), y + 1, fabs (x1 - zero_x), BAR_H - 2);
          cairo_fill (cr);
          text = money ? furrow_format_yuan (data->net_fen_per_mu[s][g])
                       : g_strdup_printf ("%.2f", data->ler[s][g]);
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          show_text (cr, text, MAX (zero_x, x1) + 3, y + BAR_H / 2, 0.0, 0.5, FALSE);
        }
    }
  /* zero line */
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, zero_x + 0.5, y0 + PANEL_TITLE - 2);
  cairo_line_to (cr, zero_x + 0.5, y0 + panel_height (data) - GROUP_GAP + 2);
  cairo_stroke (cr);

  /* LER = 1: the land a pattern needs against growing each crop alone (docs/domain.md §6);
   * above it intercropping wins. Dashed, over the bars. */
  if (!money)
    {
      double one_x = floor (zero_x + scale) + 0.5;
      const double dashes[2] = { 4.0, 3.0 };

      cairo_save (cr);
      cairo_set_source_rgb (cr, FURROW_CHART_LER_ONE_RGB);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dashes, 2, 0.0);
      cairo_move_to (cr, one_x, y0 + PANEL_TITLE - 2);
      cairo_line_to (cr, one_x, y0 + panel_height (data) - GROUP_GAP + 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_set_source_rgb (cr, FURROW_CHART_LER_ONE_RGB);
      show_text (cr, _("LER = 1"), one_x, y0 + PANEL_TITLE - 3, 0.5, 1.0, FALSE);
    }
}

void
furrow_chart_draw_comparison (cairo_t                     *cr,
                              double                       width,
                              double                       height,
                              const FurrowChartComparison *data)
{
  double x = 8, y = 9;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* legend: the yield presets */
  for (guint s = 0; s < data->n_series; s++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
      int tw, th;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, data->series_label[s], -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      if (x > 8 && x + 14 + tw > width)
        {
          x = 8;
          y += 16;
        }
      cairo_set_source_rgb (cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
      cairo_rectangle (cr, x, y, 10, 10);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      cairo_move_to (cr, x + 14, y + 5 - th / 2.0);
      pango_cairo_show_layout (cr, layout);
      x += 14 + tw + 14;
      pango_font_description_free (font);
      g_object_unref (layout);
    }

  if (furrow_chart_comparison_side_by_side (width))
    {
      /* Two columns: LER on the left, net on the right. */
      double column = (width - 16 - 16) / 2;

      draw_bars (cr, data, _("Land equivalent ratio"), 8, 46, column, FALSE);
      draw_bars (cr, data, _("Net per mu"), 8 + column + 16, 46, column, TRUE);
    }
  else
    {
      draw_bars (cr, data, _("Land equivalent ratio"), 8, 46, width - 16, FALSE);
      draw_bars (cr, data, _("Net per mu"), 8, 46 + panel_height (data) + 8, width - 16, TRUE);
    }
  cairo_restore (cr);
}
