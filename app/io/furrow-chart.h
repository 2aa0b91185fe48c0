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
