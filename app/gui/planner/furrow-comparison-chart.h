/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "furrow-chart.h"
#include "furrow-comparison.h"
#include "furrow-geometry.h"

G_BEGIN_DECLS

#define FURROW_TYPE_COMPARISON_CHART (furrow_comparison_chart_get_type ())

G_DECLARE_FINAL_TYPE (FurrowComparisonChart, furrow_comparison_chart, FURROW, COMPARISON_CHART,
                      GtkWidget)

gboolean                     furrow_comparison_chart_set_field (FurrowComparisonChart *self,
                                                                FurrowGeometry        *field,
                                                                GError               **error);
gboolean                     furrow_comparison_chart_set_fields (FurrowComparisonChart  *self,
                                                                 FurrowGeometry *const  *fields,
                                                                 guint                   n_fields,
                                                                 const FurrowEconomics  *economics,
                                                                 GError                **error);
gboolean                     furrow_comparison_chart_export    (FurrowComparisonChart *self,
                                                                const char            *path,
                                                                GError               **error);

/* Where an export's failure is told: a sentence for the user (a toast). */
typedef void (*FurrowChartProblemFunc) (gpointer    user_data,
                                        const char *message);

void                         furrow_comparison_chart_export_with_dialog (FurrowComparisonChart  *self,
                                                                         GtkWindow              *parent,
                                                                         gboolean                png,
                                                                         FurrowChartProblemFunc  problem,
                                                                         gpointer                user_data);

/* The chart's figures (owned by the chart). */
const FurrowChartComparison *furrow_comparison_chart_get_data   (FurrowComparisonChart *self);

G_END_DECLS
