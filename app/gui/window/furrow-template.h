/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What composite-template widgets share (HACKING.md, How the code is written: Widgets): their
 * template children as one table bound in a loop, instead of a
 * gtk_widget_class_bind_template_child() line a child. A class lists its children as
 *
 *   #define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowWindow, member)
 *   static const FurrowTemplateChild children[] = {
 *     CHILD (window_title), CHILD (toast_overlay), CHILD (map), …
 *   };
 *   #undef CHILD
 *   furrow_widget_class_bind_template_children (widget_class, children, G_N_ELEMENTS (children));
 *
 * where each member of the instance struct has the name of its object's id in the template. */
typedef struct
{
  const char *name;
  gssize      offset;
} FurrowTemplateChild;

#define FURROW_TEMPLATE_CHILD(TypeName, member) \
  { #member, G_STRUCT_OFFSET (TypeName, member) }

/* Binds every child of @children (gtk_widget_class_bind_template_child_full(), not internal). */
void furrow_widget_class_bind_template_children (GtkWidgetClass            *widget_class,
                                                 const FurrowTemplateChild *children,
                                                 gsize                      n_children);

G_END_DECLS
