/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster's columns (furrow-roster-columns.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-roster-columns.h"
#include "furrow-roster-row.h"
#include "furrow-units.h"

/* The text of @column in @row: the totals row says "Total" in the code column. */
static char *
row_text (FurrowRosterRow    *row,
          FurrowRosterColumn  column)
{
  if (column == FURROW_ROSTER_COLUMN_CODE && furrow_roster_row_is_total (row))
    return g_strdup (_("Total"));
  return furrow_roster_row_get_text (row, column);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  /* Amounts are never cut short: the column grows to the widest (the totals row). */
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  FurrowRosterRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = row != NULL ? row_text (row, GPOINTER_TO_UINT (column)) : NULL;
  gboolean total = row != NULL && furrow_roster_row_is_total (row);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* The totals row in bold. */
  if (total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

/* A column of @text_column; @fixed_width in pixels, or -1 for as wide as its widest cell. */
static void
add_column (GtkColumnView      *view,
            const char         *title,
            FurrowRosterColumn  text_column,
            gboolean            numeric,
            gboolean            expand,
            int                 fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb),
                    GUINT_TO_POINTER (text_column));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (view, column);
}

void
furrow_roster_columns_add (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  /* Chinese headers in zh_CN: 户编码, 户主, 托管方式, 面积, 保底, 分红, 服务费, 合计. */
  /* An 18-digit CBFBM fits in 165 px. */
  add_column (view, _("Code"), FURROW_ROSTER_COLUMN_CODE, FALSE, FALSE, 165);
  add_column (view, _("Name"), FURROW_ROSTER_COLUMN_NAME, FALSE, TRUE, 90);
  add_column (view, _("Custody"), FURROW_ROSTER_COLUMN_CUSTODY, FALSE, FALSE, 64);
  add_column (view, _("Area"), FURROW_ROSTER_COLUMN_AREA, TRUE, FALSE, -1);
  add_column (view, _("Base"), FURROW_ROSTER_COLUMN_BASE, TRUE, FALSE, -1);
  add_column (view, _("Dividend"), FURROW_ROSTER_COLUMN_DIVIDEND, TRUE, FALSE, -1);
  add_column (view, _("Fee"), FURROW_ROSTER_COLUMN_FEE, TRUE, FALSE, -1);
  add_column (view, _("Total"), FURROW_ROSTER_COLUMN_TOTAL, TRUE, FALSE, -1);
}
