/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-map-layout.h"

#include <string.h>

/* The layout of a ShumateSimpleMap in place of its GtkBinLayout: every child fills the map and
 * places itself by its alignment, as there, except that the scale (bottom left) moves up above
 * the attribution (bottom right) when the map is too narrow for both side by side — they
 * overlapped in a narrow window (issue 13). It also says when the map gets a new size, before
 * its layers do (FurrowMapLayout::resized), so the window can fit the view to the fields before
 * the first frame is drawn rather than after it. */

struct _FurrowMapLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (FurrowMapLayout, furrow_map_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  RESIZED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
furrow_map_layout_measure (GtkLayoutManager *layout,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  *minimum = 0;
  *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural,
                          NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

/* The size @child asks for with its margins (gtk_widget_measure() includes them), for @for_size
 * in the other orientation (-1: any). */
static int
natural_size (GtkWidget      *child,
              GtkOrientation  orientation,
              int             for_size)
{
  int natural = 0;

  if (child == NULL || !gtk_widget_should_layout (child))
    return 0;
  gtk_widget_measure (child, orientation, for_size, NULL, &natural, NULL, NULL);
  return natural;
}

static void
furrow_map_layout_allocate (GtkLayoutManager *layout,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  ShumateSimpleMap *map = SHUMATE_SIMPLE_MAP (widget);
  GtkWidget *scale = GTK_WIDGET (shumate_simple_map_get_scale (map));
  GtkWidget *license = GTK_WIDGET (shumate_simple_map_get_license (map));
  gboolean stacked;

  g_signal_emit (layout, signals[RESIZED], 0, width, height);

  stacked = natural_size (scale, GTK_ORIENTATION_HORIZONTAL, -1) +
            natural_size (license, GTK_ORIENTATION_HORIZONTAL, -1) > width;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (child == scale && stacked)
        {
          /* The scale keeps its corner's alignment, in the map above the attribution, which
           * wraps onto more lines in a narrow map: its height at the map's width. */
          int above = MAX (0, height - natural_size (license, GTK_ORIENTATION_VERTICAL, width));

          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, above }, -1);
        }
      else
        gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, baseline);
    }
}

static void
furrow_map_layout_class_init (FurrowMapLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = furrow_map_layout_measure;
  layout_class->allocate = furrow_map_layout_allocate;

  /**
   * FurrowMapLayout::resized:
   * @width: the map's new width
   * @height: the map's new height
   *
   * The map is being given this size; its layers are allocated (and drawn) after the handlers
   * ran, so a view set here is the one the next frame shows.
   */
  signals[RESIZED] = g_signal_new ("resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
}

static void
furrow_map_layout_init (FurrowMapLayout *self)
{
}

FurrowMapLayout *
furrow_map_layout_new (void)
{
  return g_object_new (FURROW_TYPE_MAP_LAYOUT, NULL);
}

/**
 * furrow_map_layout_install:
 * @map: a map
 *
 * Lays @map out with a new #FurrowMapLayout (gtk_widget_get_layout_manager() returns it).
 */
void
furrow_map_layout_install (ShumateSimpleMap *map)
{
  g_return_if_fail (SHUMATE_IS_SIMPLE_MAP (map));

  gtk_widget_set_layout_manager (GTK_WIDGET (map), GTK_LAYOUT_MANAGER (furrow_map_layout_new ()));
}

/**
 * furrow_map_scale_unit_for_locale:
 * @locale: (nullable): a measurement locale (LC_MEASUREMENT, as setlocale() names it)
 *
 * The unit of a map's scale for @locale: metric everywhere but where the locale measures in
 * inches (the United States, Liberia, Myanmar: glibc's LC_MEASUREMENT), where both are shown
 * (issue 13: feet in a Chinese session before). The window's map and the import preview's.
 */
ShumateUnit
furrow_map_scale_unit_for_locale (const char *locale)
{
  static const char * const imperial[] = { "_US", "_LR", "_MM" };

  for (guint i = 0; locale != NULL && i < G_N_ELEMENTS (imperial); i++)
    {
      const char *found = strstr (locale, imperial[i]);

      if (found != NULL && !g_ascii_isalnum (found[strlen (imperial[i])]))
        return SHUMATE_UNIT_BOTH;
    }
  return SHUMATE_UNIT_METRIC;
}
