/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowFieldList: the custody fields of the project in a sortable GtkColumnView, filtered by
 * the search text over names and codes, with empty states for no fields and no results. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-field-list.h"
#include "furrow-list-columns.h"
#include "furrow-register.h"
#include "furrow-units.h"

struct _FurrowFieldList
{
  AdwBin              parent_instance;

  /* template */
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkColumnView      *view;

  GListModel         *fields;
  GListModel         *parcels;
  GHashTable         *parcel_counts;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *needle;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (FurrowFieldList, furrow_field_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
name_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_field_get_name (item));
}

static char *
code_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_field_get_code (item));
}

static char *
registered_text (gpointer item, gpointer data)
{
  return furrow_format_mu (furrow_field_get_registered_area_m2 (item));
}

static char *
measured_text (gpointer item, gpointer data)
{
  return furrow_format_mu (furrow_field_get_measured_area_m2 (item));
}

static char *
custody_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_field_get_custody (item) == FURROW_CUSTODY_HALF ? _("Half custody")
                                                                           : _("Full custody"));
}

static guint
parcel_count (FurrowFieldList *self,
              FurrowField     *field)
{
  gint64 id = furrow_field_get_id (field);

  if (self->parcel_counts == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->parcel_counts, &id));
}

static char *
parcels_text (gpointer item, gpointer data)
{
  return g_strdup_printf ("%u", parcel_count (data, item));
}

static int
compare_name (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_utf8_collate (furrow_field_get_name ((FurrowField *) a),
                         furrow_field_get_name ((FurrowField *) b));
}

static int
compare_code (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_strcmp0 (furrow_field_get_code ((FurrowField *) a),
                    furrow_field_get_code ((FurrowField *) b));
}

static int
compare_double (double x, double y)
{
  return x < y ? -1 : x > y ? 1 : 0;
}

static int
compare_registered (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_double (furrow_field_get_registered_area_m2 ((FurrowField *) a),
                         furrow_field_get_registered_area_m2 ((FurrowField *) b));
}

static int
compare_measured (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_double (furrow_field_get_measured_area_m2 ((FurrowField *) a),
                         furrow_field_get_measured_area_m2 ((FurrowField *) b));
}

static int
compare_custody (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) furrow_field_get_custody ((FurrowField *) a) -
         (int) furrow_field_get_custody ((FurrowField *) b);
}

static int
compare_parcels (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) parcel_count (data, (FurrowField *) a) - (int) parcel_count (data, (FurrowField *) b);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  FurrowFieldList *self = user_data;

  return furrow_list_text_matches (furrow_field_get_name (item), self->needle) ||
         furrow_list_text_matches (furrow_field_get_code (item), self->needle);
}

static void
update_page (FurrowFieldList *self)
{
  if (self->fields == NULL || g_list_model_get_n_items (self->fields) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
parcels_changed_cb (FurrowFieldList *self)
{
  g_clear_pointer (&self->parcel_counts, g_hash_table_unref);
  if (self->parcels != NULL)
    self->parcel_counts = furrow_register_field_parcel_counts (self->parcels);
}

static void
selection_changed_cb (FurrowFieldList *self)
{
  if (self->syncing)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
furrow_field_list_dispose (GObject *object)
{
  FurrowFieldList *self = FURROW_FIELD_LIST (object);

  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_data (self->parcels, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->fields);
  g_clear_object (&self->parcels);
  g_clear_pointer (&self->parcel_counts, g_hash_table_unref);

  G_OBJECT_CLASS (furrow_field_list_parent_class)->dispose (object);
}

static void
furrow_field_list_finalize (GObject *object)
{
  FurrowFieldList *self = FURROW_FIELD_LIST (object);

  g_free (self->needle);

  G_OBJECT_CLASS (furrow_field_list_parent_class)->finalize (object);
}

static void
furrow_field_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FurrowFieldList *self = FURROW_FIELD_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, furrow_field_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_field_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FurrowFieldList *self = FURROW_FIELD_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      furrow_field_list_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_field_list_class_init (FurrowFieldListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_field_list_dispose;
  object_class->finalize = furrow_field_list_finalize;
  object_class->get_property = furrow_field_list_get_property;
  object_class->set_property = furrow_field_list_set_property;

  /**
   * FurrowFieldList:selected:
   *
   * The field of the selected row, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, FURROW_TYPE_FIELD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/register/furrow-field-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FurrowFieldList, stack);
  gtk_widget_class_bind_template_child (widget_class, FurrowFieldList, scrolled);
  gtk_widget_class_bind_template_child (widget_class, FurrowFieldList, view);
}

static void
furrow_field_list_init (FurrowFieldList *self)
{
  GtkColumnViewColumn *code_column;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  furrow_list_add_text_column (self->view, C_("field", "Name"), name_text, compare_name, self, FALSE, TRUE);
  code_column = furrow_list_add_text_column (self->view, _("Code"), code_text, compare_code,
                                             self, FALSE, FALSE);
  furrow_list_add_text_column (self->view, _("Registered mu"), registered_text,
                               compare_registered, self, TRUE, FALSE);
  furrow_list_add_text_column (self->view, _("Measured mu"), measured_text, compare_measured,
                               self, TRUE, FALSE);
  furrow_list_add_text_column (self->view, _("Custody"), custody_text, compare_custody, self,
                               FALSE, FALSE);
  furrow_list_add_text_column (self->view, _("Parcels"), parcels_text, compare_parcels, self,
                               TRUE, FALSE);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->view, code_column, GTK_SORT_ASCENDING);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_page), self);
  update_page (self);
}

/* Shows the fields of `store` (NULL: none). */
void
furrow_field_list_set_store (FurrowFieldList *self,
                             FurrowStore     *store)
{
  g_return_if_fail (FURROW_IS_FIELD_LIST (self));

  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_data (self->parcels, self);
  g_clear_object (&self->fields);
  g_clear_object (&self->parcels);
  if (store != NULL)
    {
      self->fields = furrow_store_get_fields (store);
      self->parcels = furrow_store_get_parcels (store);
      g_signal_connect_swapped (self->parcels, "items-changed",
                                G_CALLBACK (parcels_changed_cb), self);
    }
  parcels_changed_cb (self);
  gtk_filter_list_model_set_model (self->filtered, self->fields);
  update_page (self);
}

/* Shows only the fields whose name or code contains `text` (case-insensitive). */
void
furrow_field_list_set_search (FurrowFieldList *self,
                              const char      *text)
{
  g_return_if_fail (FURROW_IS_FIELD_LIST (self));

  g_free (self->needle);
  self->needle = text != NULL && text[0] != '\0' ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

/**
 * furrow_field_list_get_shown:
 *
 * Returns: (transfer none): the rows shown, filtered and sorted
 */
GListModel *
furrow_field_list_get_shown (FurrowFieldList *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

FurrowField *
furrow_field_list_get_selected (FurrowFieldList *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Selects the row of `field` (matched by id) and scrolls to it; NULL or a field not shown
 * clears the selection. */
void
furrow_field_list_set_selected (FurrowFieldList *self,
                                FurrowField     *field)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (FURROW_IS_FIELD_LIST (self));

  for (guint i = 0; field != NULL && i < n; i++)
    {
      g_autoptr(FurrowField) item = g_list_model_get_item (model, i);

      if (furrow_field_get_id (item) == furrow_field_get_id (field))
        {
          position = i;
          break;
        }
    }
  if (position == gtk_single_selection_get_selected (self->selection))
    return;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    furrow_list_scroll_to (self->view, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
