/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the planner's chart widgets (FurrowCrossSection, FurrowComparisonChart) share as widgets:
 * each draws itself with cairo in its own snapshot, is an image to accessibility, is between
 * `min_width` and `nat_width` wide and as tall as its `height` function says for what it shows
 * at `width` (-1: any width; 0: nothing to show): the charts are height-for-width. Called from
 * the chart's class_init; installs the measure and request-mode functions. */

typedef int (*FurrowChartHeight) (GtkWidget *widget,
                                  int        width);

void furrow_chart_widget_class_init (GtkWidgetClass    *widget_class,
                                     const char        *css_name,
                                     int                min_width,
                                     int                nat_width,
                                     FurrowChartHeight  height);

G_END_DECLS
