/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The column titles of a table in a GtkGrid (furrow-grid-title.h). */
#include "config.h"

#include "furrow-grid-title.h"

/* A title's lines, in character widths (an ASCII digit's; a Chinese character is two). */
#define TITLE_MIN_CHARS 8
#define TITLE_MAX_CHARS 10

GtkWidget *
furrow_grid_title_set (GtkGrid    *grid,
                       int         column,
                       const char *text,
                       const char *style_class)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);
  g_return_val_if_fail (column >= 0, NULL);

  label = gtk_grid_get_child_at (grid, column, 0);
  if (!GTK_IS_LABEL (label))
    {
      if (label != NULL)
        gtk_grid_remove (grid, label);
      label = gtk_label_new (NULL);
      gtk_grid_attach (grid, label, column, 0, 1, 1);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), TITLE_MIN_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TITLE_MAX_CHARS);
  gtk_label_set_justify (GTK_LABEL (label), column == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}
