/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers shared by the register lists (not a class): text columns of a GtkColumnView whose
 * cells are labels filled by a function of the row's item, sortable by a compare function. An
 * `expand` column (a name) gives way first: it ellipsizes, down to 48 px; every other column is as
 * wide as its widest cell and never cuts it short (numbers, amounts, codes). */

typedef char *(*FurrowListTextFunc) (gpointer item,
                                     gpointer user_data);

GtkColumnViewColumn *furrow_list_add_text_column (GtkColumnView      *view,
                                                  const char         *title,
                                                  FurrowListTextFunc  text_func,
                                                  GCompareDataFunc    compare_func,
                                                  gpointer            user_data,
                                                  gboolean            numeric,
                                                  gboolean            expand);
/* The whole meaning of a column's short title, shown over its title (a tooltip). */
void                 furrow_list_set_title_tooltip (GtkColumnViewColumn *column,
                                                    const char          *tooltip);
/* Sets the texts of the cells shown again (what they read beside their item changed). */
void                 furrow_list_refresh_cells   (GtkColumnView      *view);
/* Case-insensitive match of `needle` (already casefolded, may be NULL/"") in `text`. */
gboolean             furrow_list_text_matches    (const char         *text,
                                                  const char         *needle);
/* Makes the list one Tab stop: Tab and Shift+Tab move the focus out of it (furrow_list_leave). */
void                 furrow_list_set_one_tab_stop (GtkColumnView    *view);
/* Moves the keyboard focus from inside `list` to the widget after (or before) it. */
gboolean             furrow_list_leave            (GtkWidget        *list,
                                                   GtkDirectionType  direction);
/* Scrolls the column view so that row `position` is visible. */
void                 furrow_list_scroll_to       (GtkColumnView      *view,
                                                  guint               position);

G_END_DECLS
