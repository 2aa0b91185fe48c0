/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowHouseholdList: the households (承包方) of the project in a sortable GtkColumnView, filtered by
 * the search text over names and codes, with empty states for no households and no results. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-household-list.h"
#include "furrow-list-columns.h"
#include "furrow-register.h"
#include "furrow-units.h"


struct _FurrowHouseholdList
{
  AdwBin              parent_instance;

  /* template */
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkColumnView      *view;

  GListModel         *households;
  GListModel         *parcels;
  GHashTable         *summaries;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *needle;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (FurrowHouseholdList, furrow_household_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const FurrowHouseholdSummary *
summary_of (FurrowHouseholdList *self,
            FurrowHousehold     *household)
{
  static const FurrowHouseholdSummary none = { 0, 0, 0, FURROW_CUSTODY_FULL };
  const FurrowHouseholdSummary *summary = NULL;

  if (self->summaries != NULL)
    summary = g_hash_table_lookup (self->summaries, furrow_household_get_code (household));
  return summary != NULL ? summary : &none;
}

static char *
code_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_household_get_code (item));
}

static char *
name_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_household_get_name (item));
}

static char *
members_text (gpointer item, gpointer data)
{
  return g_strdup_printf ("%u", furrow_household_get_members (item));
}

static char *
registered_text (gpointer item, gpointer data)
{
  return furrow_format_mu (summary_of (data, item)->registered_m2);
}

static char *
parcels_text (gpointer item, gpointer data)
{
  return g_strdup_printf ("%u", summary_of (data, item)->n_parcels);
}

static char *
custody_text (gpointer item, gpointer data)
{
  return g_strdup (summary_of (data, item)->custody == FURROW_CUSTODY_HALF ? _("Half custody")
                                                                           : _("Full custody"));
}

static char *
phone_text (gpointer item, gpointer data)
{
  return furrow_register_mask_personal (furrow_household_get_phone (item));
}

static int
compare_name (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_utf8_collate (furrow_household_get_name ((FurrowHousehold *) a),
                         furrow_household_get_name ((FurrowHousehold *) b));
}

static int
compare_code (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_strcmp0 (furrow_household_get_code ((FurrowHousehold *) a),
                    furrow_household_get_code ((FurrowHousehold *) b));
}

static int
compare_members (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) furrow_household_get_members ((FurrowHousehold *) a) -
         (int) furrow_household_get_members ((FurrowHousehold *) b);
}

static int
compare_registered (gconstpointer a, gconstpointer b, gpointer data)
{
  double x = summary_of (data, (FurrowHousehold *) a)->registered_m2;
  double y = summary_of (data, (FurrowHousehold *) b)->registered_m2;

  return x < y ? -1 : x > y ? 1 : 0;
}

static int
compare_parcels (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) summary_of (data, (FurrowHousehold *) a)->n_parcels -
         (int) summary_of (data, (FurrowHousehold *) b)->n_parcels;
}

static int
compare_custody (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) summary_of (data, (FurrowHousehold *) a)->custody -
         (int) summary_of (data, (FurrowHousehold *) b)->custody;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  FurrowHouseholdList *self = user_data;

  return furrow_list_text_matches (furrow_household_get_name (item), self->needle) ||
         furrow_list_text_matches (furrow_household_get_code (item), self->needle);
}

static void
update_page (FurrowHouseholdList *self)
{
  if (self->households == NULL || g_list_model_get_n_items (self->households) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
parcels_changed_cb (FurrowHouseholdList *self)
{
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  if (self->parcels != NULL)
    self->summaries = furrow_register_household_summaries (self->parcels);
}

static void
selection_changed_cb (FurrowHouseholdList *self)
{
  if (self->syncing)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
furrow_household_list_dispose (GObject *object)
{
  FurrowHouseholdList *self = FURROW_HOUSEHOLD_LIST (object);

  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_data (self->parcels, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->households);
  g_clear_object (&self->parcels);
  g_clear_pointer (&self->summaries, g_hash_table_unref);

  G_OBJECT_CLASS (furrow_household_list_parent_class)->dispose (object);
}

static void
furrow_household_list_finalize (GObject *object)
{
  FurrowHouseholdList *self = FURROW_HOUSEHOLD_LIST (object);

  g_free (self->needle);

  G_OBJECT_CLASS (furrow_household_list_parent_class)->finalize (object);
}

static void
furrow_household_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FurrowHouseholdList *self = FURROW_HOUSEHOLD_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, furrow_household_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_household_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FurrowHouseholdList *self = FURROW_HOUSEHOLD_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      furrow_household_list_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_household_list_class_init (FurrowHouseholdListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_household_list_dispose;
  object_class->finalize = furrow_household_list_finalize;
  object_class->get_property = furrow_household_list_get_property;
  object_class->set_property = furrow_household_list_set_property;

  /**
   * FurrowHouseholdList:selected:
   *
   * The household of the selected row, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, FURROW_TYPE_HOUSEHOLD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/register/furrow-household-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FurrowHouseholdList, stack);
  gtk_widget_class_bind_template_child (widget_class, FurrowHouseholdList, scrolled);
  gtk_widget_class_bind_template_child (widget_class, FurrowHouseholdList, view);
}

static void
furrow_household_list_init (FurrowHouseholdList *self)
{
  GtkColumnViewColumn *code_column;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  code_column = furrow_list_add_text_column (self->view, _("Code"), code_text, compare_code,
                                             self, FALSE, FALSE);
  /* The whole 18-character code: it is what a clerk reads off the contract. */
  gtk_column_view_column_set_fixed_width (code_column, 160);
  gtk_column_view_column_set_fixed_width (
    furrow_list_add_text_column (self->view, _("Head"), name_text, compare_name, self, FALSE,
                                 TRUE), 72);
  furrow_list_add_text_column (self->view, _("Members"), members_text, compare_members, self,
                               TRUE, FALSE);
  furrow_list_add_text_column (self->view, _("Registered mu"), registered_text,
                               compare_registered, self, TRUE, FALSE);
  furrow_list_add_text_column (self->view, _("Parcels"), parcels_text, compare_parcels, self,
                               TRUE, FALSE);
  furrow_list_add_text_column (self->view, _("Custody"), custody_text, compare_custody, self,
                               FALSE, FALSE);
  /* Personal data: only the last four digits of the phone number. */
  furrow_list_add_text_column (self->view, _("Phone"), phone_text, NULL, self, FALSE, FALSE);
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

/* Shows the households of `store` (NULL: none). */
void
furrow_household_list_set_store (FurrowHouseholdList *self,
                             FurrowStore     *store)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD_LIST (self));

  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_data (self->parcels, self);
  g_clear_object (&self->households);
  g_clear_object (&self->parcels);
  if (store != NULL)
    {
      self->households = furrow_store_get_households (store);
      self->parcels = furrow_store_get_parcels (store);
      g_signal_connect_swapped (self->parcels, "items-changed",
                                G_CALLBACK (parcels_changed_cb), self);
    }
  parcels_changed_cb (self);
  gtk_filter_list_model_set_model (self->filtered, self->households);
  update_page (self);
}

/* Shows only the households whose name or code contains `text` (case-insensitive). */
void
furrow_household_list_set_search (FurrowHouseholdList *self,
                              const char      *text)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD_LIST (self));

  g_free (self->needle);
  self->needle = text != NULL && text[0] != '\0' ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

/**
 * furrow_household_list_get_shown:
 *
 * Returns: (transfer none): the rows shown, filtered and sorted
 */
GListModel *
furrow_household_list_get_shown (FurrowHouseholdList *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

FurrowHousehold *
furrow_household_list_get_selected (FurrowHouseholdList *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Selects the row of `household` (matched by id) and scrolls to it; NULL or a household not shown
 * clears the selection. */
void
furrow_household_list_set_selected (FurrowHouseholdList *self,
                                FurrowHousehold *household)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (FURROW_IS_HOUSEHOLD_LIST (self));

  for (guint i = 0; household != NULL && i < n; i++)
    {
      g_autoptr(FurrowHousehold) item = g_list_model_get_item (model, i);

      if (furrow_household_get_id (item) == furrow_household_get_id (household))
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
