/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The column titles of the tables laid out in a GtkGrid (the harvest entry, predicted and actual,
 * the county view). A title wraps at its words rather than widen a column of figures, in lines
 * of 8 to 10 character widths: a Chinese title (托管地块, 大豆预计（公斤）) may break after any
 * character, and a grid narrower than its natural width gave it one character a line (issue 13,
 * items 2 and 8). The first column's title (the rows' names) is left-aligned, the others right,
 * over their figures; all sit on the grid's row 0, at its bottom. */

/* Puts TEXT as the title of COLUMN in row 0 of GRID (a new label there unless one is), with
 * STYLE_CLASS ("heading", "dim-label") on it; returns the label. */
GtkWidget *furrow_grid_title_set (GtkGrid    *grid,
                                  int         column,
                                  const char *text,
                                  const char *style_class);

G_END_DECLS
