/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The size, the accessible role and the redraws of Furrow's self-drawn widgets
 * (furrow-drawn-widget.h). */
#include "config.h"

#include "furrow-drawn-widget.h"

typedef struct
{
  int               min_width;
  int               nat_width;
  FurrowDrawnHeight height;
} DrawnSize;

/* A drawn widget class's DrawnSize, kept on its GType for as long as the type lives. */
static GQuark
drawn_size_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("furrow-drawn-size");
  return quark;
}

static void
drawn_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  const DrawnSize *size = g_type_get_qdata (G_OBJECT_TYPE (widget), drawn_size_quark ());

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = size->min_width;
      *natural = size->nat_width;
    }
  else
    *minimum = *natural = size->height (widget, for_size);
}

static GtkSizeRequestMode
drawn_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

void
furrow_drawn_widget_class_init (GtkWidgetClass    *widget_class,
                                const char        *css_name,
                                int                min_width,
                                int                nat_width,
                                FurrowDrawnHeight  height)
{
  DrawnSize *size = g_new (DrawnSize, 1);

  g_return_if_fail (height != NULL);

  size->min_width = min_width;
  size->nat_width = nat_width;
  size->height = height;
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), drawn_size_quark (), size);
  widget_class->measure = drawn_measure;
  widget_class->get_request_mode = drawn_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, css_name);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

void
furrow_drawn_widget_redraw (GObject    *object,
                            GParamSpec *pspec)
{
  gtk_widget_queue_draw (GTK_WIDGET (object));
}
