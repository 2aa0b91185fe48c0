/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster's columns (furrow-roster-columns.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-roster-columns.h"
#include "furrow-roster-row.h"
#include "furrow-units.h"

typedef char *(*RowText) (FurrowRosterRow *row);

static char *
row_code (FurrowRosterRow *row)
{
  return furrow_roster_row_is_total (row) ? g_strdup (_("Total"))
                                          : g_strdup (furrow_roster_row_get_code (row));
}

static char *
row_name (FurrowRosterRow *row)
{
  return g_strdup (furrow_roster_row_get_name (row));
}

static char *
row_custody (FurrowRosterRow *row)
{
  if (furrow_roster_row_is_total (row))
    return NULL;
  /* Translators: the roster's narrow Custody column: full custody (全托) or half (半托) */
  return g_strdup (furrow_roster_row_get_custody (row) == FURROW_CUSTODY_HALF
                   ? C_("custody", "Half") : C_("custody", "Full"));
}

static char *
row_area (FurrowRosterRow *row)
{
  return furrow_format_mu (furrow_roster_row_get_area_m2 (row));
}

static char *
row_base (FurrowRosterRow *row)
{
  return furrow_format_yuan (furrow_roster_row_get_base_fen (row));
}

static char *
row_dividend (FurrowRosterRow *row)
{
  return furrow_format_yuan (furrow_roster_row_get_dividend_fen (row));
}

static char *
row_fee (FurrowRosterRow *row)
{
  return furrow_format_yuan (furrow_roster_row_get_fee_fen (row));
}

static char *
row_total (FurrowRosterRow *row)
{
  return furrow_format_yuan (furrow_roster_row_get_total_fen (row));
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
              RowText                   text_func)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  FurrowRosterRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = row != NULL ? text_func (row) : NULL;
  gboolean total = row != NULL && furrow_roster_row_is_total (row);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* The totals row in bold. */
  if (total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            RowText        text_func,
            gboolean       numeric,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), text_func);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  return column;
}

void
furrow_roster_columns_add (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  /* Chinese headers in zh_CN: 户编码, 户主, 托管方式, 面积, 保底, 分红, 服务费, 合计. */
  /* An 18-digit CBFBM fits. */
  gtk_column_view_column_set_fixed_width (add_column (view, _("Code"), row_code, FALSE, FALSE),
                                          165);
  gtk_column_view_column_set_fixed_width (add_column (view, _("Name"), row_name,
                                                      FALSE, TRUE), 90);
  gtk_column_view_column_set_fixed_width (add_column (view, _("Custody"), row_custody, FALSE,
                                                      FALSE), 64);
  add_column (view, _("Area"), row_area, TRUE, FALSE);
  add_column (view, _("Base"), row_base, TRUE, FALSE);
  add_column (view, _("Dividend"), row_dividend, TRUE, FALSE);
  add_column (view, _("Fee"), row_fee, TRUE, FALSE);
  add_column (view, _("Total"), row_total, TRUE, FALSE);
}
