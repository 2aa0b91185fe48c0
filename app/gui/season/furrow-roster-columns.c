/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster's columns (furrow-roster-columns.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-roster-columns.h"
#include "furrow-roster-row.h"
#include "furrow-units.h"

/* A column of the roster and what its cells need to be as wide as its widest text. */
typedef struct
{
  FurrowRosterColumn  column;
  /* In pixels, what each cell asks for: the widest text of the column in the whole model, rows
   * not shown yet included (a list makes cells only for the rows near its view: the totals row,
   * the widest, is made when a user scrolls down to it); for the name, which gives way, its
   * widest up to eight digits, the totals row's "Total" at least. */
  int                 width;
  GtkColumnViewColumn *view_column;  /* unowned: the view has it */
  /* The labels of its cells, unowned: each added at setup, removed when it is finalized (a
   * list does not tear every cell down before dropping it). */
  GPtrArray          *labels;
} Column;

/* The columns of one view, kept on the view (furrow_roster_columns_add()). */
typedef struct
{
  /* Labels never shown, styled as a cell and as a cell of the totals row, to measure texts. */
  GtkWidget  *probe;
  GtkWidget  *total_probe;
  GListModel *model;
  gulong      items_changed_id;
  Column      columns[FURROW_ROSTER_N_COLUMNS];
} Columns;

static void
label_finalized_cb (gpointer  data,
                    GObject  *label)
{
  g_ptr_array_remove_fast (((Column *) data)->labels, label);
}

static void
columns_free (gpointer data)
{
  Columns *columns = data;

  if (columns->model != NULL)
    g_clear_signal_handler (&columns->items_changed_id, columns->model);
  g_clear_object (&columns->model);
  g_clear_object (&columns->probe);
  g_clear_object (&columns->total_probe);
  for (guint i = 0; i < FURROW_ROSTER_N_COLUMNS; i++)
    {
      Column *column = &columns->columns[i];

      for (guint j = 0; j < column->labels->len; j++)
        g_object_weak_unref (column->labels->pdata[j], label_finalized_cb, column);
      g_clear_pointer (&column->labels, g_ptr_array_unref);
    }
  g_free (columns);
}

static gboolean
is_numeric (FurrowRosterColumn column)
{
  return column >= FURROW_ROSTER_COLUMN_AREA;
}

/* The text of @column in @row: the totals row says "Total" in the name column. */
static char *
row_text (FurrowRosterRow    *row,
          FurrowRosterColumn  column)
{
  if (column == FURROW_ROSTER_COLUMN_NAME && furrow_roster_row_is_total (row))
    return g_strdup (_("Total"));
  return furrow_roster_row_get_text (row, column);
}

/* The width of TEXT in a cell of the roster, measured on a label styled as the cells are:
 * digits of equal width (the style class "numeric"), the totals row bold ("heading"). */
static int
text_width (Columns    *columns,
            const char *text,
            gboolean    total)
{
  GtkWidget *probe = total ? columns->total_probe : columns->probe;
  int width = 0;

  gtk_label_set_text (GTK_LABEL (probe), text);
  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

/* What the cells of each column ask for, from rows @from … @to of the model (with @reset,
 * those rows alone): the amounts, the custody and the code as wide as their widest, so a
 * column of amounts is as wide as its widest amount from the start and never changes as a
 * user scrolls (issue 13, item 2); the name as wide as the widest name up to eight digits,
 * the totals row's "Total" at least: it gives way beyond that. */
static void
widen (Columns *columns,
       guint    from,
       guint    to,
       gboolean reset)
{
  for (FurrowRosterColumn c = 0; c < FURROW_ROSTER_N_COLUMNS; c++)
    {
      Column *column = &columns->columns[c];
      int width = reset ? 0 : column->width;

      for (guint i = from; i < to; i++)
        {
          g_autoptr(FurrowRosterRow) row = g_list_model_get_item (columns->model, i);
          g_autofree char *text = row_text (row, c);

          width = MAX (width, text_width (columns, text, furrow_roster_row_is_total (row)));
        }
      if (c == FURROW_ROSTER_COLUMN_NAME)
        width = MAX (MIN (width, text_width (columns, "00000000", FALSE)),
                     text_width (columns, _("Total"), TRUE));
      if (width == column->width)
        continue;
      column->width = width;
      for (guint i = 0; i < column->labels->len; i++)
        gtk_widget_set_size_request (column->labels->pdata[i], width, -1);
    }
  /* GTK 4.8 keeps a column's width from its first measure, perhaps of no rows or of cells
   * not bound yet (the custody column was as wide as its title, "全托" cut): measured again. */
  for (guint c = 0; c < FURROW_ROSTER_N_COLUMNS; c++)
    if (columns->columns[c].view_column != NULL)
      {
        gtk_column_view_column_set_fixed_width (columns->columns[c].view_column, 0);
        gtk_column_view_column_set_fixed_width (columns->columns[c].view_column, -1);
      }
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Columns    *columns)
{
  /* Rows only added (a roster appended row by row): only those to measure. */
  if (removed == 0)
    widen (columns, position, position + added, FALSE);
  else
    widen (columns, 0, g_list_model_get_n_items (model), TRUE);
}

static void
model_changed_cb (GtkColumnView *view,
                  GParamSpec    *pspec,
                  Columns       *columns)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  if (columns->model != NULL)
    g_clear_signal_handler (&columns->items_changed_id, columns->model);
  g_set_object (&columns->model, G_LIST_MODEL (model));
  if (model != NULL)
    {
      columns->items_changed_id = g_signal_connect (model, "items-changed",
                                                    G_CALLBACK (items_changed_cb), columns);
      widen (columns, 0, g_list_model_get_n_items (G_LIST_MODEL (model)), TRUE);
    }
}

/* The room the last column leaves at its end for the overlay scrollbar. */
#define SCROLLBAR_ROOM 12

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), is_numeric (column->column) ? 1.0 : 0.0);
  /* Amounts, the custody and the 18-digit code are never cut short: as wide as the widest
   * (the totals row). The name gives way, down to "Total"; then the table scrolls (issue 13,
   * item 2: the code was "…782102201010291" at 1366 px, cut to its last nine digits). */
  gtk_widget_set_size_request (label, column->width, -1);
  /* The code, the last column, ends clear of the overlay scrollbar over the view's right edge
   * (9 px wide under Xvfb): at 1920 px, where the table fits, its last digit was under it
   * (issue 13). */
  if (column->column == FURROW_ROSTER_COLUMN_CODE)
    gtk_widget_set_margin_end (label, SCROLLBAR_ROOM);
  if (is_numeric (column->column))
    gtk_widget_add_css_class (label, "numeric");
  else if (column->column == FURROW_ROSTER_COLUMN_NAME)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_ptr_array_add (column->labels, label);
  g_object_weak_ref (G_OBJECT (label), label_finalized_cb, column);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Column                   *column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  FurrowRosterRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = row != NULL ? row_text (row, column->column) : NULL;
  gboolean total = row != NULL && furrow_roster_row_is_total (row);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* The totals row in bold. */
  if (total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            Column        *column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), column);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (view, view_column);
  column->view_column = view_column;
}

/* Half of libadwaita's 6 px on either side of a cell and of a column's title: over the nine
 * columns of a settled roster that is the room its Payment column needed beside the amounts
 * at 1024 px (issue 13). */
#define ROSTER_STYLE                                                                      \
  "columnview.furrow-roster > listview > row > cell,"                                    \
  " columnview.furrow-roster > header > button { padding-left: 3px; padding-right: 3px; }"

static void
add_roster_style (GtkColumnView *view)
{
  static GtkCssProvider *provider;

  gtk_widget_add_css_class (GTK_WIDGET (view), "furrow-roster");
  if (provider != NULL || gdk_display_get_default () == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, ROSTER_STYLE, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
furrow_roster_columns_add (GtkColumnView *view)
{
  static const FurrowRosterColumn order[] = {
    FURROW_ROSTER_COLUMN_NAME, FURROW_ROSTER_COLUMN_AREA, FURROW_ROSTER_COLUMN_BASE,
    FURROW_ROSTER_COLUMN_DIVIDEND, FURROW_ROSTER_COLUMN_FEE, FURROW_ROSTER_COLUMN_TOTAL,
    FURROW_ROSTER_COLUMN_CUSTODY, FURROW_ROSTER_COLUMN_CODE,
  };
  /* Chinese headers in zh_CN: 户主, 面积, 保底, 分红, 服务费, 合计, 托管, 编码. */
  const char *titles[FURROW_ROSTER_N_COLUMNS] = {
    [FURROW_ROSTER_COLUMN_CODE] = _("Code"), [FURROW_ROSTER_COLUMN_NAME] = _("Name"),
    [FURROW_ROSTER_COLUMN_CUSTODY] = _("Custody"), [FURROW_ROSTER_COLUMN_AREA] = _("Area"),
    [FURROW_ROSTER_COLUMN_BASE] = _("Base"), [FURROW_ROSTER_COLUMN_DIVIDEND] = _("Dividend"),
    [FURROW_ROSTER_COLUMN_FEE] = _("Fee"), [FURROW_ROSTER_COLUMN_TOTAL] = _("Total"),
  };
  Columns *columns = g_new0 (Columns, 1);

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (guint i = 0; i < FURROW_ROSTER_N_COLUMNS; i++)
    {
      columns->columns[i].column = i;
      columns->columns[i].labels = g_ptr_array_new ();
    }
  columns->probe = g_object_ref_sink (gtk_label_new (NULL));
  gtk_widget_add_css_class (columns->probe, "numeric");
  columns->total_probe = g_object_ref_sink (gtk_label_new (NULL));
  gtk_widget_add_css_class (columns->total_probe, "numeric");
  gtk_widget_add_css_class (columns->total_probe, "heading");
  add_roster_style (view);
  g_object_set_data_full (G_OBJECT (view), "furrow-roster-columns", columns, columns_free);
  g_signal_connect (view, "notify::model", G_CALLBACK (model_changed_cb), columns);
  model_changed_cb (view, NULL, columns);
  /* The name first, the amounts next, then the custody and the 18-digit code (issue 13, items
   * 2 and 6, as the economics page's predicted income): at 1024 px every amount shows beside
   * the name, in English too, and what follows the amounts is a scroll away. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    add_column (view, titles[order[i]], &columns->columns[order[i]],
                order[i] == FURROW_ROSTER_COLUMN_NAME);
}

void
furrow_roster_columns_insert_after_amounts (GtkColumnView       *view,
                                            GtkColumnViewColumn *column)
{
  Columns *columns = g_object_get_data (G_OBJECT (view), "furrow-roster-columns");
  GListModel *list = gtk_column_view_get_columns (view);
  guint position = 0;

  g_return_if_fail (columns != NULL);

  while (position < g_list_model_get_n_items (list))
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (list, position++);

      if (c == columns->columns[FURROW_ROSTER_COLUMN_TOTAL].view_column)
        break;
    }
  gtk_column_view_insert_column (view, position, column);
}
