/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonList: the seasons of the project (name, crop year, state) or, before any season
 * exists, a status page that says where they come from. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-list-columns.h"
#include "furrow-season.h"
#include "furrow-season-list.h"

struct _FurrowSeasonList
{
  AdwBin              parent_instance;

  /* template */
  GtkStack           *stack;
  GtkColumnView      *view;

  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  gint64              selected_id;   /* kept when the model re-reads its seasons */
};

G_DEFINE_FINAL_TYPE (FurrowSeasonList, furrow_season_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
property_text (gpointer    item,
               const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  if (pspec == NULL)
    return NULL;
  g_value_init (&value, pspec->value_type);
  g_object_get_property (item, name, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    {
      GEnumValue *enum_value = g_enum_get_value (g_type_class_peek (pspec->value_type),
                                                 g_value_get_enum (&value));

      return enum_value != NULL ? g_strdup (enum_value->value_nick) : NULL;
    }
  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (&value, &text))
    return NULL;
  return g_value_dup_string (&text);
}

static char *
name_text (gpointer item, gpointer data)
{
  return property_text (item, "name");
}

static char *
year_text (gpointer item, gpointer data)
{
  return property_text (item, "crop-year");
}

static char *
state_text (gpointer item, gpointer data)
{
  /* The state in the user's language ("规划中"), not the enum's nick. */
  return g_strdup (furrow_season_state_label (furrow_season_get_state (FURROW_SEASON (item))));
}

static int
compare_text (gconstpointer a, gconstpointer b, gpointer data)
{
  g_autofree char *x = property_text ((gpointer) a, data);
  g_autofree char *y = property_text ((gpointer) b, data);

  return g_strcmp0 (x, y);
}

static void
furrow_season_list_dispose (GObject *object)
{
  FurrowSeasonList *self = FURROW_SEASON_LIST (object);

  g_clear_object (&self->selection);

  G_OBJECT_CLASS (furrow_season_list_parent_class)->dispose (object);
}

static void
furrow_season_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  /* The one property, "selected": the selection's item, no member of its own. */
  g_value_set_object (value, furrow_season_list_get_selected (FURROW_SEASON_LIST (object)));
}

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  if (item != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (item), "id") != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

static void
selection_changed_cb (FurrowSeasonList *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    self->selected_id = item_id (item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The store replaces a season's object when the file changes: choose the new object of the
 * season that was chosen. */
static void
selection_items_changed_cb (FurrowSeasonList *self)
{
  guint n;

  if (self->selected_id == 0 || gtk_single_selection_get_selected_item (self->selection) != NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item_id (item) == self->selected_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
furrow_season_list_class_init (FurrowSeasonListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_season_list_dispose;
  object_class->get_property = furrow_season_list_get_property;

  /* The season chosen in the list, or NULL. */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/season/furrow-season-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FurrowSeasonList, stack);
  gtk_widget_class_bind_template_child (widget_class, FurrowSeasonList, view);
}

static void
furrow_season_list_init (FurrowSeasonList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  furrow_list_add_text_column (self->view, _("Season"), name_text, compare_text, (gpointer) "name",
                               FALSE, TRUE);
  furrow_list_add_text_column (self->view, _("Crop year"), year_text, compare_text, (gpointer) "crop-year",
                               TRUE, FALSE);
  furrow_list_add_text_column (self->view, _("State"), state_text, compare_text, (gpointer) "state",
                               FALSE, FALSE);
  furrow_list_set_one_tab_stop (self->view);
  self->sorted = gtk_sort_list_model_new (NULL,
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);
  furrow_season_list_set_model (self, NULL);
}

static void
update_empty (FurrowSeasonList *self)
{
  GListModel *seasons = gtk_sort_list_model_get_model (self->sorted);

  gtk_stack_set_visible_child_name (self->stack,
                                    seasons != NULL && g_list_model_get_n_items (seasons) > 0
                                    ? "list" : "empty");
}

void
furrow_season_list_set_model (FurrowSeasonList *self,
                              GListModel       *seasons)
{
  GListModel *old;

  g_return_if_fail (FURROW_IS_SEASON_LIST (self));

  self->selected_id = 0;
  old = gtk_sort_list_model_get_model (self->sorted);
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, update_empty, self);
  gtk_sort_list_model_set_model (self->sorted, seasons);
  if (seasons != NULL)
    g_signal_connect_object (seasons, "items-changed", G_CALLBACK (update_empty), self,
                             G_CONNECT_SWAPPED);
  update_empty (self);
}

/**
 * furrow_season_list_get_shown:
 *
 * Returns: (transfer none): the rows shown
 */
GListModel *
furrow_season_list_get_shown (FurrowSeasonList *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * furrow_season_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the season chosen in the list
 */
gpointer
furrow_season_list_get_selected (FurrowSeasonList *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Chooses `season` (an item of the model) in the list; NULL clears the choice. */
void
furrow_season_list_set_selected (FurrowSeasonList *self,
                                 gpointer          season)
{
  guint n;

  g_return_if_fail (FURROW_IS_SEASON_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; season != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == season)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  self->selected_id = 0;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}
