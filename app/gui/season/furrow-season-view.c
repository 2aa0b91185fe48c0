/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonView: one season in the window's content area; its pages follow the contract in
 * furrow-season-view.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-season-view.h"
#include "furrow-season-view-testing.h"
#include "furrow-property.h"
#include "furrow-store-season.h"
#include "furrow-template.h"

struct _FurrowSeasonView
{
  AdwBin         parent_instance;

  /* template */
  GtkImage      *lock_image;
  GtkLabel      *title_label;
  GtkLabel      *state_label;
  AdwViewStack  *stack;

  FurrowStore   *store;
  FurrowHistory *history;
  GListModel    *seasons;        /* the store's seasons model, watched */
  FurrowSeason  *season;
  GPtrArray     *pages;
};

G_DEFINE_FINAL_TYPE (FurrowSeasonView, furrow_season_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SEASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowSeasonView, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (lock_image), CHILD (title_label), CHILD (state_label), CHILD (stack),
};
#undef CHILD

static void
update_title (FurrowSeasonView *self)
{
  g_autofree char *state = NULL;
  gboolean locked;

  if (self->season == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->state_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->lock_image), FALSE);
      return;
    }

  locked = furrow_season_is_read_only (self->season);
  gtk_label_set_text (self->title_label, furrow_season_get_name (self->season));
  if (locked)
    /* Translators: the season line under its name; %u is the crop year. */
    state = g_strdup_printf (_("Crop year %u · settled, read-only"),
                             furrow_season_get_crop_year (self->season));
  else
    /* Translators: the season line under its name; %u is the crop year, %s the state
     * ("planning", "harvested"). */
    state = g_strdup_printf (_("Crop year %u · %s"), furrow_season_get_crop_year (self->season),
                             furrow_season_state_label (furrow_season_get_state (self->season)));
  gtk_label_set_text (self->state_label, state);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_image), locked);
}

static void
push_to_pages (FurrowSeasonView *self)
{
  update_title (self);
  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    g_object_set (g_ptr_array_index (self->pages, i),
                  "store", self->store,
                  "season", self->season,
                  NULL);
}

/* TRUE when the shown season is still in the store's model. */
static gboolean
season_in_model (FurrowSeasonView *self)
{
  guint n = self->seasons != NULL ? g_list_model_get_n_items (self->seasons) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (self->seasons, i);

      if (season == self->season)
        return TRUE;
    }
  return FALSE;
}

/* The model keeps its season objects across commits (furrow-store.h): only a deleted season
 * leaves the view. */
static void
seasons_changed_cb (GListModel       *model,
                    guint             position,
                    guint             removed,
                    guint             added,
                    FurrowSeasonView *self)
{
  if (self->season != NULL && !season_in_model (self))
    furrow_season_view_set_season (self, NULL);
}

/* The shown season's name, year or state may have changed: the title follows; the pages listen
 * to the store themselves (furrow-season-page.h). */
static void
season_changed_cb (FurrowStore        *store,
                   FurrowSeason       *season,
                   FurrowSeasonChange  what,
                   FurrowSeasonView   *self)
{
  if (self->season == NULL ||
      (season != NULL && furrow_season_get_id (season) != furrow_season_get_id (self->season)))
    return;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEASON]);
}

static void
furrow_season_view_dispose (GObject *object)
{
  FurrowSeasonView *self = FURROW_SEASON_VIEW (object);

  if (self->seasons != NULL)
    g_signal_handlers_disconnect_by_data (self->seasons, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->seasons);
  g_clear_object (&self->season);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (furrow_season_view_parent_class)->dispose (object);
}

static void
furrow_season_view_class_init (FurrowSeasonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_season_view_dispose;
  object_class->get_property = furrow_property_get_member;

  /* The season shown (furrow_season_view_set_season()); notified when another is shown and
   * when the store announces a change to it (its name, year or state). */
  properties[PROP_SEASON] = furrow_property_member (
    g_param_spec_object ("season", NULL, NULL, FURROW_TYPE_SEASON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    G_STRUCT_OFFSET (FurrowSeasonView, season), NULL);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/season/furrow-season-view.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
}

static void
furrow_season_view_init (FurrowSeasonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
}

void
furrow_season_view_set_project (FurrowSeasonView *self,
                                FurrowStore      *store,
                                FurrowHistory    *history)
{
  g_return_if_fail (FURROW_IS_SEASON_VIEW (self));
  g_return_if_fail (store == NULL || FURROW_IS_STORE (store));

  if (self->seasons != NULL)
    g_signal_handlers_disconnect_by_data (self->seasons, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->seasons);
  g_clear_object (&self->season);
  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
  if (store != NULL)
    {
      self->seasons = furrow_store_get_seasons (store);
      g_signal_connect_object (self->seasons, "items-changed",
                               G_CALLBACK (seasons_changed_cb), self, 0);
      g_signal_connect_object (store, "season-changed", G_CALLBACK (season_changed_cb), self, 0);
    }
  push_to_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEASON]);
}

/**
 * furrow_season_view_get_history:
 *
 * Returns: (transfer none) (nullable): the window's undo history
 */
FurrowHistory *
furrow_season_view_get_history (FurrowSeasonView *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_VIEW (self), NULL);

  return self->history;
}

void
furrow_season_view_set_season (FurrowSeasonView *self,
                               FurrowSeason     *season)
{
  g_return_if_fail (FURROW_IS_SEASON_VIEW (self));
  g_return_if_fail (season == NULL || FURROW_IS_SEASON (season));

  g_set_object (&self->season, season);
  push_to_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEASON]);
}

/**
 * furrow_season_view_get_season:
 *
 * Returns: (transfer none) (nullable): the season shown
 */
FurrowSeason *
furrow_season_view_get_season (FurrowSeasonView *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_VIEW (self), NULL);

  return self->season;
}

void
furrow_season_view_add_page (FurrowSeasonView *self,
                             GtkWidget        *page,
                             const char       *name,
                             const char       *title,
                             const char       *icon_name)
{
  g_return_if_fail (FURROW_IS_SEASON_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "store") != NULL);
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "season") != NULL);

  adw_view_stack_add_titled (self->stack, page, name, title);
  adw_view_stack_page_set_icon_name (adw_view_stack_get_page (self->stack, page), icon_name);
  g_ptr_array_add (self->pages, page);
  g_object_set (page, "store", self->store, "season", self->season, NULL);
}

void
furrow_season_view_show_page (FurrowSeasonView *self,
                              const char       *name)
{
  g_return_if_fail (FURROW_IS_SEASON_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
furrow_season_view_get_visible_page (FurrowSeasonView *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * furrow_season_view_find:
 *
 * Returns: (transfer none) (nullable): the season view that contains `widget`
 */
FurrowSeasonView *
furrow_season_view_find (GtkWidget *widget)
{
  GtkWidget *ancestor;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  ancestor = gtk_widget_get_ancestor (widget, FURROW_TYPE_SEASON_VIEW);
  return ancestor != NULL ? FURROW_SEASON_VIEW (ancestor) : NULL;
}
