/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "furrow-list-columns.h"

typedef struct
{
  FurrowListTextFunc text_func;
  gpointer           user_data;
  gboolean           numeric;
} ColumnData;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), data->numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (data->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnData               *data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = item != NULL ? data->text_func (item, data->user_data) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

GtkColumnViewColumn *
furrow_list_add_text_column (GtkColumnView      *view,
                             const char         *title,
                             FurrowListTextFunc  text_func,
                             GCompareDataFunc    compare_func,
                             gpointer            user_data,
                             gboolean            numeric,
                             gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  ColumnData *data = g_new0 (ColumnData, 1);

  data->text_func = text_func;
  data->user_data = user_data;
  data->numeric = numeric;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_object_set_data_full (G_OBJECT (factory), "furrow-column-data", data, g_free);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  /* The sidebar is narrow: text columns get a fixed start width (resizable), numbers fit. */
  if (!numeric)
    gtk_column_view_column_set_fixed_width (column, expand ? 120 : 64);
  if (compare_func != NULL)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_func, user_data,
                                                                      NULL));

      gtk_column_view_column_set_sorter (column, sorter);
    }
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

gboolean
furrow_list_text_matches (const char *text,
                          const char *needle)
{
  g_autofree char *folded = NULL;

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

void
furrow_list_scroll_to (GtkScrolledWindow *scrolled,
                       guint              position,
                       guint              n_items)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double row, value;

  if (n_items == 0 || upper <= page)
    return;
  /* GTK 4.8 has no gtk_column_view_scroll_to(): rows are of equal height, so place the row by
   * its share of the whole height, in the middle of the page when it is not already shown. */
  row = upper / n_items;
  value = gtk_adjustment_get_value (adjustment);
  if (position * row >= value && (position + 1) * row <= value + page)
    return;
  gtk_adjustment_set_value (adjustment, position * row - page / 2 + row / 2);
}
