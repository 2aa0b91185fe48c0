/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "furrow-list-columns.h"

/* What a name keeps when its column gives way to the others: two characters and an ellipsis. */
#define NAME_MIN_WIDTH 48

typedef struct
{
  FurrowListTextFunc text_func;
  gpointer           user_data;
  gboolean           numeric;
  gboolean           expand;
  GPtrArray         *bound;  /* the GtkListItems showing an item, for furrow_list_refresh_cells() */
} ColumnData;

static void
column_data_free (gpointer user_data)
{
  ColumnData *data = user_data;

  g_ptr_array_unref (data->bound);
  g_free (data);
}

static void
set_cell_text (ColumnData  *data,
               GtkListItem *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = item != NULL ? data->text_func (item, data->user_data) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), data->numeric ? 1.0 : 0.0);
  /* Only the names give way (issue 13, items 2 and 6): an amount, an area, a code or a custody
   * type is never cut short, its column is as wide as its widest cell. */
  if (data->expand)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_size_request (label, NAME_MIN_WIDTH, -1);
    }
  if (data->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnData               *data)
{
  set_cell_text (data, list_item);
  g_ptr_array_add (data->bound, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnData               *data)
{
  g_ptr_array_remove_fast (data->bound, list_item);
}

/* The header's label of the column titled TITLE, under WIDGET (the column view's header). */
static GtkWidget *
find_title_label (GtkWidget  *widget,
                  const char *title)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_title_label (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A title never gives way (no "Re…", issue 13 item 6): the column is at least as wide as its
 * title, which always reads whole; the lists keep their titles short ("Reg. mu"). GTK 4.8 has
 * no API for the header's widgets: the header is the column view's first child. */
static GtkWidget *
title_label (GtkColumnView *view,
             const char    *title)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  return header != NULL ? find_title_label (header, title) : NULL;
}

static void
let_title_give_way (GtkColumnView *view,
                    const char    *title)
{
  GtkWidget *label = title_label (view, title);

  if (label == NULL)
    return;
  /* On one line: the header's box asks the label for its width at the header's height, one
   * line, so a wrapping title was given its whole width anyway and cut by its narrower column
   * ("确权面积（亩" in a 400-px sidebar). The column is as wide as its title. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  /* The title's room on either side is the label's margin, not the header button's padding
   * (TITLE_STYLE): GTK 4.8 makes a column as wide as its title's content without that padding,
   * so a title at its narrowest was cut by it ("确权面积（亩" in a 400-px sidebar). */
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
}

/* The titles of the lists' column views (the class furrow-list): no padding in the header's
 * buttons (the labels have it as margins) and no spacing before the sort arrow, which takes
 * room only in the column the list is sorted by, so that the Fields list's six columns fit in a 400-px sidebar (issue 13,
 * item 6). */
#define TITLE_STYLE                                                                        \
  "columnview.furrow-list > header > button { padding-left: 0; padding-right: 0; }"        \
  "columnview.furrow-list > header > button > box { border-spacing: 0; }"                  \
  "columnview.furrow-list > header > button sort-indicator:not(.ascending):not(.descending)" \
  " { -gtk-icon-size: 0; min-width: 0; }"

static void
add_title_style (GtkColumnView *view)
{
  static gboolean added;
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_widget_add_css_class (GTK_WIDGET (view), "furrow-list");
  if (added || gdk_display_get_default () == NULL)
    return;
  added = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, TITLE_STYLE, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
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
  data->expand = expand;
  data->bound = g_ptr_array_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);
  g_object_set_data_full (G_OBJECT (factory), "furrow-column-data", data, column_data_free);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (compare_func != NULL)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_func, user_data,
                                                                      NULL));

      gtk_column_view_column_set_sorter (column, sorter);
    }
  gtk_column_view_append_column (view, column);
  add_title_style (view);
  let_title_give_way (view, title);
  g_object_unref (column);
  return column;
}

/* A short title's whole meaning ("Reg." for "Registered area (mu)", issue 13): the tooltip of
 * the column's title, its whole button in the header (a tooltip is looked up from the widget
 * under the pointer to its parents), and the title's accessible description. */
void
furrow_list_set_title_tooltip (GtkColumnViewColumn *column,
                               const char          *tooltip)
{
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  GtkWidget *header = view != NULL ? gtk_widget_get_first_child (GTK_WIDGET (view)) : NULL;
  GtkWidget *label = view != NULL ? title_label (view, gtk_column_view_column_get_title (column))
                                  : NULL;
  GtkWidget *button = label;

  g_return_if_fail (label != NULL);

  while (gtk_widget_get_parent (button) != NULL && gtk_widget_get_parent (button) != header)
    button = gtk_widget_get_parent (button);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tooltip, -1);
}

/* The text of a cell is set when its row is bound; what it reads beside its item (a count, a
 * sum) can change without the item changing, so the list sets the texts of the rows bound now
 * again. */
void
furrow_list_refresh_cells (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);
      ColumnData *data = factory != NULL ? g_object_get_data (G_OBJECT (factory),
                                                              "furrow-column-data") : NULL;

      for (guint j = 0; data != NULL && j < data->bound->len; j++)
        set_cell_text (data, g_ptr_array_index (data->bound, j));
    }
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

typedef struct
{
  GtkColumnView *view;   /* weak */
  guint          position;
  guint          tries;
} PendingScroll;

static gboolean
scroll_when_laid_out_cb (gpointer user_data)
{
  PendingScroll *pending = user_data;
  GtkWidget *parent;
  GtkAdjustment *adjustment = NULL;

  if (pending->view == NULL)
    return G_SOURCE_REMOVE;
  parent = gtk_widget_get_parent (GTK_WIDGET (pending->view));
  if (GTK_IS_SCROLLED_WINDOW (parent))
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (parent));
  /* Not laid out yet (its view was hidden until now): try again a little later. */
  if (adjustment != NULL && gtk_adjustment_get_upper (adjustment) <= 0 && ++pending->tries < 40)
    return G_SOURCE_CONTINUE;

  if (adjustment != NULL)
    {
      GtkSelectionModel *model = gtk_column_view_get_model (pending->view);
      guint n = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
      double upper = gtk_adjustment_get_upper (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);
      double row = n > 0 ? upper / n : 0;

      /* Rows are of equal height: the row's share of the whole height, centred on the page
       * unless it is already shown. */
      if (row > 0 && (pending->position * row < value ||
                      (pending->position + 1) * row > value + page))
        gtk_adjustment_set_value (adjustment, pending->position * row - page / 2 + row / 2);
    }
  return G_SOURCE_REMOVE;
}

static void
pending_scroll_free (gpointer data)
{
  PendingScroll *pending = data;

  g_clear_weak_pointer (&pending->view);
  g_free (pending);
}

void
furrow_list_scroll_to (GtkColumnView *view,
                       guint          position)
{
  PendingScroll *pending = g_new0 (PendingScroll, 1);

  /* GTK 4.8 has no gtk_column_view_scroll_to(); the list view inside the column view has the
   * "list.scroll-to-item" action its keyboard navigation uses, which needs measured rows. */
  g_set_weak_pointer (&pending->view, view);
  pending->position = position;
  if (scroll_when_laid_out_cb (pending) == G_SOURCE_REMOVE)
    pending_scroll_free (pending);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, 50, scroll_when_laid_out_cb, pending,
                        pending_scroll_free);
}

/* One Tab stop per list (issue 13, item 7): Tab and Shift+Tab leave the list for the next or
 * previous widget instead of walking its rows, which the arrow keys walk. */
static gboolean
tab_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  return furrow_list_leave (list, direction);
}

void
furrow_list_set_one_tab_stop (GtkColumnView *view)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the rows see Tab. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "furrow-list-tab");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (tab_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}

/* The list is made unfocusable for the move, so the window's focus chain steps over it. */
gboolean
furrow_list_leave (GtkWidget        *list,
                   GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (list);
  gboolean moved;

  if (root == NULL)
    return FALSE;
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}
