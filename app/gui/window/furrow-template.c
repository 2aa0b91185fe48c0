/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Template children bound from a table (furrow-template.h). */
#include "config.h"

#include "furrow-template.h"

void
furrow_widget_class_bind_template_children (GtkWidgetClass            *widget_class,
                                            const FurrowTemplateChild *children,
                                            gsize                      n_children)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (children != NULL || n_children == 0);

  for (gsize i = 0; i < n_children; i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].name, FALSE,
                                               children[i].offset);
}
