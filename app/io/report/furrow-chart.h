/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "furrow-pattern.h"

G_BEGIN_DECLS

/* Charts drawn on any cairo_t (a widget, a PNG, an SVG, a PDF page), so the window and
 * furrow-cli export the same picture. */

typedef struct
{
  double     measured_kg_per_mu;
  double     predicted_kg_per_mu;
  FurrowCrop crop;
} FurrowChartFitPoint;

/* Predicted against measured yields of a calibration: one dot per field and crop, the 1:1 line,
 * and each residual as a segment from the dot to the line. */
void furrow_chart_draw_fit (cairo_t                   *cr,
                            double                     width,
                            double                     height,
                            const FurrowChartFitPoint *points,
                            guint                      n_points);

G_END_DECLS

G_BEGIN_DECLS

#define FURROW_CHART_MAX_SERIES 4
#define FURROW_CHART_MAX_GROUPS 16

/* Patterns (groups) under several yield presets (series) side by side: LER and net yuan per mu
 * as grouped horizontal bars, one panel each, values written on the bars. Labels are shown as
 * given (already translated). */
typedef struct
{
  guint       n_groups;
  guint       n_series;
  const char *group_label[FURROW_CHART_MAX_GROUPS];
  const char *series_label[FURROW_CHART_MAX_SERIES];
  double      ler[FURROW_CHART_MAX_SERIES][FURROW_CHART_MAX_GROUPS];
  gint64      net_fen_per_mu[FURROW_CHART_MAX_SERIES][FURROW_CHART_MAX_GROUPS];
} FurrowChartComparison;

/* At least this wide, the two panels (LER, net per mu) are drawn side by side; narrower, one
 * above the other. The LER panel has a dashed line at LER = 1 in this colour, labelled. */
#define FURROW_CHART_SIDE_BY_SIDE_WIDTH 700.0
#define FURROW_CHART_LER_ONE_RGB 0.80, 0.14, 0.14

/* The height the chart needs at a given data size with the panels stacked, px. */
double   furrow_chart_comparison_height           (const FurrowChartComparison *data);
/* The height it needs drawn `width` wide, px (side by side from
 * FURROW_CHART_SIDE_BY_SIDE_WIDTH). */
double   furrow_chart_comparison_height_for_width (const FurrowChartComparison *data,
                                                   double                       width);
gboolean furrow_chart_comparison_side_by_side     (double                       width);
void   furrow_chart_draw_comparison   (cairo_t                     *cr,
                                       double                       width,
                                       double                       height,
                                       const FurrowChartComparison *data);

G_END_DECLS
