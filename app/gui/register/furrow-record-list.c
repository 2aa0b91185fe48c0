/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowRecordList: what the register's lists share — the store's records in a sortable
 * GtkColumnView, the search filter, the single selection, the empty states, and following the
 * store's record signals (docs/architecture.md, The change signals). */
#include "config.h"

#include "furrow-record-list.h"
#include "furrow-record-list-testing.h"

typedef struct
{
  /* template */
  GtkStack           *stack;
  GtkColumnView      *view;
  AdwStatusPage      *empty_page;

  FurrowStore        *store;
  GListModel         *records;
  GListModel         *parcels;
  GHashTable         *summaries;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *needle;
  gboolean            syncing;
} FurrowRecordListPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FurrowRecordList, furrow_record_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The default match: the record's name or code (FurrowField, FurrowHousehold) contains it. */
static gboolean
furrow_record_list_real_matches (gpointer    record,
                                 const char *needle)
{
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  g_object_get (record, "name", &name, "code", &code, NULL);
  return furrow_list_text_matches (name, needle) || furrow_list_text_matches (code, needle);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  FurrowRecordList *self = user_data;
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  return priv->needle == NULL || FURROW_RECORD_LIST_GET_CLASS (self)->matches (item, priv->needle);
}

static void
update_page (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  if (priv->records == NULL || g_list_model_get_n_items (priv->records) == 0)
    gtk_stack_set_visible_child_name (priv->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (priv->filtered)) == 0)
    gtk_stack_set_visible_child_name (priv->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (priv->stack, "list");
}

static void
summarize (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);
  FurrowRecordListClass *klass = FURROW_RECORD_LIST_GET_CLASS (self);

  g_clear_pointer (&priv->summaries, g_hash_table_unref);
  if (priv->parcels != NULL && klass->summarize != NULL)
    priv->summaries = klass->summarize (priv->parcels);
}

/* A field, household or parcel was added, changed or removed: the models hold it already (an
 * update replaced its row); what the columns read beside the record, and the rows on screen
 * that show it, are brought up to date. */
static void
record_changed_cb (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  summarize (self);
  furrow_list_refresh_cells (priv->view);
}

static void
selection_changed_cb (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  if (priv->syncing)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
disconnect_store (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_clear_object (&priv->store);
  g_clear_object (&priv->records);
  g_clear_object (&priv->parcels);
  g_clear_pointer (&priv->summaries, g_hash_table_unref);
}

static void
furrow_record_list_dispose (GObject *object)
{
  FurrowRecordList *self = FURROW_RECORD_LIST (object);
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  disconnect_store (self);
  g_clear_object (&priv->selection);
  g_clear_pointer (&priv->needle, g_free);

  G_OBJECT_CLASS (furrow_record_list_parent_class)->dispose (object);
}

static void
furrow_record_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FurrowRecordList *self = FURROW_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, furrow_record_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_record_list_class_init (FurrowRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_record_list_dispose;
  object_class->get_property = furrow_record_list_get_property;
  klass->matches = furrow_record_list_real_matches;

  /**
   * FurrowRecordList:selected:
   *
   * The record (a #FurrowField, a #FurrowHousehold) of the selected row, or %NULL; chosen by the
   * user or by furrow_record_list_set_selected(), which finds the row by id and scrolls to it.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/register/furrow-record-list.ui");
  gtk_widget_class_bind_template_child_private (widget_class, FurrowRecordList, stack);
  gtk_widget_class_bind_template_child_private (widget_class, FurrowRecordList, view);
  gtk_widget_class_bind_template_child_private (widget_class, FurrowRecordList, empty_page);
}

/**
 * furrow_record_list_leave:
 * @direction: %GTK_DIR_TAB_FORWARD or %GTK_DIR_TAB_BACKWARD
 *
 * Moves the keyboard focus out of the list, to the widget after it (or before it) in the
 * window's focus chain, as Tab (Shift+Tab) does.
 *
 * Returns: whether the focus moved
 */
gboolean
furrow_record_list_leave (FurrowRecordList *self,
                          GtkDirectionType  direction)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_val_if_fail (FURROW_IS_RECORD_LIST (self), FALSE);

  return furrow_list_leave (GTK_WIDGET (priv->view), direction);
}

/* Puts the keyboard focus on the list (its selected row, or its first). */
void
furrow_record_list_focus (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_if_fail (FURROW_IS_RECORD_LIST (self));

  gtk_widget_child_focus (GTK_WIDGET (priv->view), GTK_DIR_TAB_FORWARD);
}

static void
furrow_record_list_init (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  priv->filter = gtk_custom_filter_new (filter_func, self, NULL);
  priv->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (priv->filter));
  priv->sorted = gtk_sort_list_model_new (G_LIST_MODEL (priv->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (priv->view)));
  priv->selection = gtk_single_selection_new (G_LIST_MODEL (priv->sorted));
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  gtk_column_view_set_model (priv->view, GTK_SELECTION_MODEL (priv->selection));
  g_signal_connect_swapped (priv->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (priv->filtered, "items-changed", G_CALLBACK (update_page), self);
  furrow_list_set_one_tab_stop (priv->view);
  update_page (self);
}

GHashTable *
furrow_record_list_get_summaries (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_val_if_fail (FURROW_IS_RECORD_LIST (self), NULL);

  return priv->summaries;
}

typedef struct
{
  FurrowRecordList   *list;
  FurrowListTextFunc  text_func;
  FurrowRecordSort    sort;
  FurrowRecordKey     key_func;
} ColumnSort;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const ColumnSort *column = user_data;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  double x, y;

  if (column->sort == FURROW_RECORD_SORT_NUMBER)
    {
      x = column->key_func ((gpointer) a, column->list);
      y = column->key_func ((gpointer) b, column->list);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  text_a = column->text_func ((gpointer) a, column->list);
  text_b = column->text_func ((gpointer) b, column->list);
  return column->sort == FURROW_RECORD_SORT_TEXT ? g_utf8_collate (text_a, text_b)
                                                 : g_strcmp0 (text_a, text_b);
}

/* Adds a column of labels filled by `text_func`, sorted as `sort` says; the functions get the
 * list as their data. */
GtkColumnViewColumn *
furrow_record_list_add_column (FurrowRecordList   *self,
                               const char         *title,
                               FurrowListTextFunc  text_func,
                               FurrowRecordSort    sort,
                               FurrowRecordKey     key_func,
                               gboolean            numeric,
                               gboolean            expand)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);
  GtkColumnViewColumn *column;

  g_return_val_if_fail (FURROW_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (sort != FURROW_RECORD_SORT_NUMBER || key_func != NULL, NULL);

  column = furrow_list_add_text_column (priv->view, title, text_func, NULL, self, numeric,
                                        expand);
  if (sort != FURROW_RECORD_SORT_NONE)
    {
      ColumnSort *data = g_new (ColumnSort, 1);
      g_autoptr(GtkSorter) sorter = NULL;

      *data = (ColumnSort) { self, text_func, sort, key_func };
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, data, g_free));
      gtk_column_view_column_set_sorter (column, sorter);
    }
  return column;
}

/* The list's name for assistive technologies and what it says when there is nothing to list. */
void
furrow_record_list_set_texts (FurrowRecordList *self,
                              const char       *accessible_label,
                              const char       *empty_icon_name,
                              const char       *empty_title,
                              const char       *empty_description)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_if_fail (FURROW_IS_RECORD_LIST (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  adw_status_page_set_icon_name (priv->empty_page, empty_icon_name);
  adw_status_page_set_title (priv->empty_page, empty_title);
  adw_status_page_set_description (priv->empty_page, empty_description);
}

/* The column the rows are first sorted by, ascending. */
void
furrow_record_list_sort_by (FurrowRecordList    *self,
                            GtkColumnViewColumn *column)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_if_fail (FURROW_IS_RECORD_LIST (self));

  gtk_column_view_sort_by_column (priv->view, column, GTK_SORT_ASCENDING);
}

/* Shows the records of `store` (NULL: none) and follows its changes. */
void
furrow_record_list_set_store (FurrowRecordList *self,
                              FurrowStore      *store)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_if_fail (FURROW_IS_RECORD_LIST (self));

  disconnect_store (self);
  if (store != NULL)
    {
      priv->store = g_object_ref (store);
      priv->records = FURROW_RECORD_LIST_GET_CLASS (self)->get_records (store);
      priv->parcels = furrow_store_get_parcels (store);
      g_signal_connect_swapped (store, "field-changed", G_CALLBACK (record_changed_cb), self);
      g_signal_connect_swapped (store, "household-changed", G_CALLBACK (record_changed_cb), self);
      g_signal_connect_swapped (store, "parcel-changed", G_CALLBACK (record_changed_cb), self);
    }
  summarize (self);
  gtk_filter_list_model_set_model (priv->filtered, priv->records);
  update_page (self);
}

/* Shows only the records that match `text` (case-insensitive; NULL or empty: all). */
void
furrow_record_list_set_search (FurrowRecordList *self,
                               const char       *text)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_if_fail (FURROW_IS_RECORD_LIST (self));

  g_free (priv->needle);
  priv->needle = text != NULL && text[0] != '\0' ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

GListModel *
furrow_record_list_get_shown (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_val_if_fail (FURROW_IS_RECORD_LIST (self), NULL);

  return G_LIST_MODEL (priv->selection);
}

/* Returns: (transfer none) (nullable): the record of the selected row */
gpointer
furrow_record_list_get_selected (FurrowRecordList *self)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);

  g_return_val_if_fail (FURROW_IS_RECORD_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (priv->selection);
}

static gint64
record_id (gpointer record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

/* Selects the row of `record` (matched by id) and scrolls to it; NULL or a record not shown
 * clears the selection. */
void
furrow_record_list_set_selected (FurrowRecordList *self,
                                 gpointer          record)
{
  FurrowRecordListPrivate *priv = furrow_record_list_get_instance_private (self);
  GListModel *model = G_LIST_MODEL (priv->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;
  gint64 id;

  g_return_if_fail (FURROW_IS_RECORD_LIST (self));
  g_return_if_fail (record == NULL || G_IS_OBJECT (record));

  id = record != NULL ? record_id (record) : 0;
  for (guint i = 0; record != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (record_id (item) == id)
        {
          position = i;
          break;
        }
    }
  if (position == gtk_single_selection_get_selected (priv->selection))
    return;

  priv->syncing = TRUE;
  gtk_single_selection_set_selected (priv->selection, position);
  priv->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    furrow_list_scroll_to (priv->view, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
