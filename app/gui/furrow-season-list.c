/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonList: the seasons of the project (name, crop year, state) or, before any season
 * exists, a status page that says where they come from. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-list-columns.h"
#include "furrow-season-list.h"

struct _FurrowSeasonList
{
  AdwBin              parent_instance;

  /* template */
  GtkStack           *stack;
  GtkColumnView      *view;

  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (FurrowSeasonList, furrow_season_list, ADW_TYPE_BIN)

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
  return property_text (item, "state");
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
furrow_season_list_class_init (FurrowSeasonListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_season_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/furrow-season-list.ui");
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
  self->sorted = gtk_sort_list_model_new (NULL,
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  furrow_season_list_set_model (self, NULL);
}

void
furrow_season_list_set_model (FurrowSeasonList *self,
                              GListModel       *seasons)
{
  g_return_if_fail (FURROW_IS_SEASON_LIST (self));

  gtk_sort_list_model_set_model (self->sorted, seasons);
  gtk_stack_set_visible_child_name (self->stack,
                                    seasons != NULL && g_list_model_get_n_items (seasons) > 0
                                    ? "list" : "empty");
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
