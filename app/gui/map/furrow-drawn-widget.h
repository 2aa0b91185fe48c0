/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What Furrow's self-drawn widgets share (the compass, the planner's cross-section and pattern
 * comparison chart, the map's selection layer): each draws itself with cairo in its own
 * snapshot.
 *
 * furrow_drawn_widget_class_init(), from the class_init of a widget that is a picture: an image
 * to accessibility, named `css_name`, between `min_width` and `nat_width` wide and as tall as its
 * `height` function says for what it shows at `width` (-1: any width; 0: nothing to show): the
 * pictures are height-for-width. Installs the measure and request-mode functions.
 *
 * furrow_drawn_widget_redraw(): the furrow_property_member() hook of a property the widget draws
 * (a FurrowPropertyChanged): queues a redraw when the value really changed. */

typedef int (*FurrowDrawnHeight) (GtkWidget *widget,
                                  int        width);

void furrow_drawn_widget_class_init (GtkWidgetClass    *widget_class,
                                     const char        *css_name,
                                     int                min_width,
                                     int                nat_width,
                                     FurrowDrawnHeight  height);

void furrow_drawn_widget_redraw     (GObject           *object,
                                     GParamSpec        *pspec);

G_END_DECLS
