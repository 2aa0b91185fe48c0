/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "furrow-upper-split.h"

/* furrow-upper-split.h. The other children are measured and placed as a GtkBox places them, at
 * the box's spacing, read when the layout is installed: a GtkBox reads its spacing and its
 * orientation from its own GtkBoxLayout, which this one replaces. */
#define SPACING_KEY "furrow-upper-split-spacing"

static int
spacing_of (GtkWidget *box)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), SPACING_KEY));
}

/* The upper part: the first scrolled window among BOX's children. */
static GtkWidget *
find_upper (GtkWidget *box)
{
  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_SCROLLED_WINDOW (c))
      return c;
  return NULL;
}

/* What the upper part's content asks at WIDTH: its natural height, and the part's own borders
 * (the scrolled window's natural height less its child's, as it measures it). */
static int
upper_natural_height (GtkWidget *upper,
                      int        width)
{
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (upper));
  int nat = 0;

  if (content == NULL || !gtk_widget_should_layout (content))
    return 0;
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, width, NULL, &nat, NULL, NULL);
  return nat;
}

static GtkSizeRequestMode
split_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
split_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  GtkWidget *upper = find_upper (widget);
  int spacing = spacing_of (widget);
  guint n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
          continue;
        }
      if (c == upper && for_size >= 0)
        nat = MAX (nat, upper_natural_height (c, for_size));
      *minimum += min;
      *natural += nat;
      n++;
    }
  if (orientation == GTK_ORIENTATION_VERTICAL && n > 1)
    {
      *minimum += spacing * (int) (n - 1);
      *natural += spacing * (int) (n - 1);
    }
}

static void
split_allocate (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  GtkWidget *upper = find_upper (widget);
  GtkWidget *list = gtk_widget_get_last_child (widget);
  int spacing = spacing_of (widget);
  int fixed = 0, upper_min = 0, upper_nat = 0, list_min = 0, spare, y = 0;
  guint n = 0;

  /* Every row but the two parts at its natural height, the list at its minimum. */
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      n++;
      gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      if (c == upper)
        {
          upper_min = min;
          upper_nat = MAX (nat, upper_natural_height (c, width));
        }
      else if (c == list)
        list_min = min;
      else
        fixed += nat;
    }
  spare = height - fixed - spacing * (int) (n > 0 ? n - 1 : 0) - list_min;
  /* The upper part as tall as its content where there is room, never below its minimum. */
  upper_nat = MAX (upper_min, MIN (upper_nat, spare));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      int h = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      if (c == upper)
        h = upper_nat;
      else if (c == list)
        h = MAX (list_min, height - y);
      else
        gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, NULL, &h, NULL, NULL);
      gtk_widget_size_allocate (c, &(GtkAllocation) { 0, y, width, h }, -1);
      y += h + spacing;
    }
}

void
furrow_upper_split_install (GtkBox *box)
{
  g_return_if_fail (gtk_orientable_get_orientation (GTK_ORIENTABLE (box)) ==
                    GTK_ORIENTATION_VERTICAL);
  g_object_set_data (G_OBJECT (box), SPACING_KEY, GINT_TO_POINTER (gtk_box_get_spacing (box)));
  gtk_widget_set_layout_manager (GTK_WIDGET (box),
                                 gtk_custom_layout_new (split_request_mode, split_measure,
                                                        split_allocate));
}
