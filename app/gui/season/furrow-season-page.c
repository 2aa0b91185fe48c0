/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonPage: what the season view's pages share (furrow-season-page.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-season-page.h"
#include "furrow-season-page-testing.h"
#include "furrow-season-view.h"
#include "furrow-window-private.h"

typedef struct
{
  FurrowStore  *store;
  FurrowSeason *season;
  guint         commit_source;
  guint         records_source; /* the idle that passes register changes on */
  char         *last_message;   /* the last toast, for the tests */
} FurrowSeasonPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (FurrowSeasonPage, furrow_season_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (FurrowSeasonPage *self,
        gboolean          switched)
{
  FurrowSeasonPageClass *klass = FURROW_SEASON_PAGE_GET_CLASS (self);

  if (switched)
    furrow_season_page_cancel_commit (self);
  if (klass->reload != NULL)
    klass->reload (self, switched);
}

/* ------------------------------------------------------------------------------------------ */
/* The store's signals                                                                        */

static gboolean
is_shown (FurrowSeasonPage *self,
          FurrowSeason     *season)
{
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);

  /* NULL: many seasons changed at once (a reload). The store may announce a copy of the
   * season: compare the ids. */
  return priv->season != NULL &&
         (season == NULL || furrow_season_get_id (season) == furrow_season_get_id (priv->season));
}

static void
season_changed_cb (FurrowStore        *store,
                   FurrowSeason       *season,
                   FurrowSeasonChange  what,
                   FurrowSeasonPage   *self)
{
  if (is_shown (self, season))
    reload (self, FALSE);
}

static void
settlement_changed_cb (FurrowStore      *store,
                       FurrowSeason     *season,
                       FurrowSeasonPage *self)
{
  /* The frozen amounts are new or gone. */
  if (is_shown (self, season))
    reload (self, FALSE);
}

static gboolean
records_changed_idle (gpointer data)
{
  FurrowSeasonPage *self = data;
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);
  FurrowSeasonPageClass *klass = FURROW_SEASON_PAGE_GET_CLASS (self);

  priv->records_source = 0;
  if (priv->season == NULL || furrow_season_page_is_locked (self))
    return G_SOURCE_REMOVE;
  if (klass->records_changed != NULL)
    klass->records_changed (self);
  else
    reload (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
record_changed_cb (FurrowStore        *store,
                   GObject            *object,
                   FurrowRecordChange  change,
                   FurrowSeasonPage   *self)
{
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);

  /* A settled season is frozen; an import announces thousands of records: one pass a turn. */
  if (priv->season == NULL || furrow_season_page_is_locked (self) || priv->records_source != 0)
    return;
  priv->records_source = g_idle_add (records_changed_idle, self);
}

/* ------------------------------------------------------------------------------------------ */

static void
role_changed_cb (FurrowSeasonPage *self)
{
  reload (self, FALSE);
}

static void
set_store (FurrowSeasonPage *self,
           FurrowStore      *store)
{
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);

  if (priv->store == store)
    return;
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_set_object (&priv->store, store);
  /* A season is the store's own object: one of another store is no longer shown. */
  if (priv->season != NULL)
    {
      g_clear_object (&priv->season);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEASON]);
    }
  if (store != NULL)
    {
      g_signal_connect_object (store, "season-changed", G_CALLBACK (season_changed_cb), self, 0);
      g_signal_connect_object (store, "settlement-changed", G_CALLBACK (settlement_changed_cb),
                               self, 0);
      g_signal_connect_object (store, "field-changed", G_CALLBACK (record_changed_cb), self, 0);
      g_signal_connect_object (store, "household-changed", G_CALLBACK (record_changed_cb), self, 0);
      g_signal_connect_object (store, "parcel-changed", G_CALLBACK (record_changed_cb), self, 0);
      /* What the page offers follows the user's role (furrow_season_page_may()). */
      g_signal_connect_object (store, "role-changed", G_CALLBACK (role_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  reload (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_season (FurrowSeasonPage *self,
            FurrowSeason     *season)
{
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);
  gboolean switched = priv->season == NULL || season == NULL ||
                      furrow_season_get_id (priv->season) != furrow_season_get_id (season);

  /* The same season again: nothing to re-read, the store's signals keep the page up to date. */
  if (!g_set_object (&priv->season, season))
    return;
  reload (self, switched);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEASON]);
}

static void
furrow_season_page_dispose (GObject *object)
{
  FurrowSeasonPage *self = FURROW_SEASON_PAGE (object);
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);

  furrow_season_page_cancel_commit (self);
  g_clear_handle_id (&priv->records_source, g_source_remove);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_clear_object (&priv->store);
  g_clear_object (&priv->season);

  G_OBJECT_CLASS (furrow_season_page_parent_class)->dispose (object);
}

static void
furrow_season_page_finalize (GObject *object)
{
  FurrowSeasonPage *self = FURROW_SEASON_PAGE (object);
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);

  g_free (priv->last_message);

  G_OBJECT_CLASS (furrow_season_page_parent_class)->finalize (object);
}

static void
furrow_season_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FurrowSeasonPage *self = FURROW_SEASON_PAGE (object);

  /* Both properties are objects of the private part, each with its getter. */
  g_value_set_object (value, prop_id == PROP_STORE ? (gpointer) furrow_season_page_get_store (self)
                                                   : (gpointer) furrow_season_page_get_season (self));
}

static void
furrow_season_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FurrowSeasonPage *self = FURROW_SEASON_PAGE (object);

  /* Their setters need the old value (the season switched, the store's handlers): no members. */
  if (prop_id == PROP_STORE)
    set_store (self, g_value_get_object (value));
  else
    set_season (self, g_value_get_object (value));
}

static void
furrow_season_page_class_init (FurrowSeasonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = furrow_season_page_dispose;
  object_class->finalize = furrow_season_page_finalize;
  object_class->get_property = furrow_season_page_get_property;
  object_class->set_property = furrow_season_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FURROW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEASON] =
    g_param_spec_object ("season", NULL, NULL, FURROW_TYPE_SEASON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
furrow_season_page_init (FurrowSeasonPage *self)
{
}

/**
 * furrow_season_page_get_store:
 *
 * Returns: (transfer none) (nullable): the project's store
 */
FurrowStore *
furrow_season_page_get_store (FurrowSeasonPage *self)
{
  FurrowSeasonPagePrivate *priv;

  g_return_val_if_fail (FURROW_IS_SEASON_PAGE (self), NULL);

  priv = furrow_season_page_get_instance_private (self);
  return priv->store;
}

/**
 * furrow_season_page_get_season:
 *
 * Returns: (transfer none) (nullable): the season shown, the store's own object
 */
FurrowSeason *
furrow_season_page_get_season (FurrowSeasonPage *self)
{
  FurrowSeasonPagePrivate *priv;

  g_return_val_if_fail (FURROW_IS_SEASON_PAGE (self), NULL);

  priv = furrow_season_page_get_instance_private (self);
  return priv->season;
}

gboolean
furrow_season_page_is_locked (FurrowSeasonPage *self)
{
  FurrowSeasonPagePrivate *priv;

  g_return_val_if_fail (FURROW_IS_SEASON_PAGE (self), FALSE);

  priv = furrow_season_page_get_instance_private (self);
  return priv->season != NULL && furrow_season_is_read_only (priv->season);
}

gboolean
furrow_season_page_may (FurrowSeasonPage *self,
                        FurrowPermission  permission)
{
  FurrowSeasonPagePrivate *priv;

  g_return_val_if_fail (FURROW_IS_SEASON_PAGE (self), FALSE);

  priv = furrow_season_page_get_instance_private (self);
  return priv->store == NULL || furrow_role_may (furrow_store_get_role (priv->store), permission);
}

/* ------------------------------------------------------------------------------------------ */
/* Toasts                                                                                     */

static void
open_uri_cb (AdwToast   *toast,
             const char *uri)
{
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

void
furrow_season_page_show_toast (FurrowSeasonPage *self,
                               const char       *message,
                               const char       *uri)
{
  FurrowSeasonPagePrivate *priv;
  GtkRoot *root;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (FURROW_IS_SEASON_PAGE (self));
  g_return_if_fail (message != NULL);

  priv = furrow_season_page_get_instance_private (self);
  g_free (priv->last_message);
  priv->last_message = g_strdup (message);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!FURROW_IS_WINDOW (root))
    return;
  if (uri == NULL)
    {
      furrow_window_show_toast (FURROW_WINDOW (root), message);
      return;
    }
  /* Toast titles are Pango markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_uri_cb), g_strdup (uri),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_toast_overlay_add_toast (FURROW_WINDOW (root)->toast_overlay, toast);
}

const char *
furrow_season_page_get_last_message (FurrowSeasonPage *self)
{
  FurrowSeasonPagePrivate *priv;

  g_return_val_if_fail (FURROW_IS_SEASON_PAGE (self), NULL);

  priv = furrow_season_page_get_instance_private (self);
  return priv->last_message;
}

/* ------------------------------------------------------------------------------------------ */
/* The delayed commit                                                                         */

static gboolean
commit_timeout_cb (gpointer data)
{
  FurrowSeasonPage *self = data;
  FurrowSeasonPagePrivate *priv = furrow_season_page_get_instance_private (self);

  priv->commit_source = 0;
  if (FURROW_SEASON_PAGE_GET_CLASS (self)->commit != NULL)
    FURROW_SEASON_PAGE_GET_CLASS (self)->commit (self);
  return G_SOURCE_REMOVE;
}

void
furrow_season_page_schedule_commit (FurrowSeasonPage *self)
{
  FurrowSeasonPagePrivate *priv;

  g_return_if_fail (FURROW_IS_SEASON_PAGE (self));

  priv = furrow_season_page_get_instance_private (self);
  g_clear_handle_id (&priv->commit_source, g_source_remove);
  priv->commit_source = g_timeout_add (FURROW_SEASON_PAGE_COMMIT_DELAY_MS, commit_timeout_cb,
                                       self);
}

void
furrow_season_page_cancel_commit (FurrowSeasonPage *self)
{
  FurrowSeasonPagePrivate *priv;

  g_return_if_fail (FURROW_IS_SEASON_PAGE (self));

  priv = furrow_season_page_get_instance_private (self);
  g_clear_handle_id (&priv->commit_source, g_source_remove);
}

/* ------------------------------------------------------------------------------------------ */
/* Edits                                                                                      */

gboolean
furrow_season_page_push_edit (FurrowSeasonPage  *self,
                              FurrowEdit        *edit,
                              GError           **error)
{
  g_autoptr(FurrowEdit) owned = edit;
  FurrowSeasonView *view;
  FurrowHistory *history;

  g_return_val_if_fail (FURROW_IS_SEASON_PAGE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_EDIT (edit), FALSE);

  view = furrow_season_view_find (GTK_WIDGET (self));
  history = view != NULL ? furrow_season_view_get_history (view) : NULL;
  if (history != NULL)
    return furrow_history_push (history, g_steal_pointer (&owned), error);
  return furrow_edit_apply (owned, TRUE, error);
}
