/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The size and accessible role of the planner's charts (furrow-chart-widget.h). */
#include "config.h"

#include "furrow-chart-widget.h"

typedef struct
{
  int               min_width;
  int               nat_width;
  FurrowChartHeight height;
} ChartSize;

/* A chart class's ChartSize, kept on its GType for as long as the type lives. */
static GQuark
chart_size_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("furrow-chart-size");
  return quark;
}

static void
chart_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  const ChartSize *size = g_type_get_qdata (G_OBJECT_TYPE (widget), chart_size_quark ());

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = size->min_width;
      *natural = size->nat_width;
    }
  else
    *minimum = *natural = size->height (widget, for_size);
}

static GtkSizeRequestMode
chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

void
furrow_chart_widget_class_init (GtkWidgetClass    *widget_class,
                                const char        *css_name,
                                int                min_width,
                                int                nat_width,
                                FurrowChartHeight  height)
{
  ChartSize *size = g_new (ChartSize, 1);

  g_return_if_fail (height != NULL);

  size->min_width = min_width;
  size->nat_width = nat_width;
  size->height = height;
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), chart_size_quark (), size);
  widget_class->measure = chart_measure;
  widget_class->get_request_mode = chart_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, css_name);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}
