/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window offers a user of a custody centre's server: the actions of the user's role,
 * the line saying who is signed in, the toast of a change the server refused, and the county
 * view (furrow-window-roles.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "furrow-window-roles.h"
#include "furrow-county-window.h"
#include "furrow-window-private.h"

gboolean
furrow_window_may (FurrowWindow     *self,
                   FurrowPermission  permission)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), FALSE);

  return self->store == NULL ||
         furrow_role_may (furrow_store_get_role (self->store), permission);
}

/* The user of a server's address "postgresql://user@host/db#code"; libpq's default, the
 * system user's name, when the address names none. */
static char *
address_user (const char *path)
{
  const char *start = strstr (path, "://");
  const char *at;
  const char *slash;
  const char *colon;

  if (start == NULL)
    return g_strdup (g_get_user_name ());
  start += 3;
  at = strchr (start, '@');
  slash = strchr (start, '/');
  if (at == NULL || (slash != NULL && slash < at))
    return g_strdup (g_get_user_name ());
  /* user:password@ (a path should hold no password: docs/architecture.md, The backend seam). */
  colon = memchr (start, ':', at - start);
  return g_uri_unescape_segment (start, colon != NULL ? colon : at, NULL);
}

/* Who is signed in and what is for others, or NULL for a file. */
static char *
banner_text (FurrowStore *store)
{
  g_autofree char *user = NULL;
  const char * const *villages;

  if (!furrow_store_is_server (store))
    return NULL;
  user = address_user (furrow_store_get_path (store));
  switch (furrow_store_get_role (store))
    {
    case FURROW_ROLE_MANAGER:
      /* Translators: %s is the user's name on the server. */
      return g_strdup_printf (_("Signed in as %s, manager of this cooperative"), user);
    case FURROW_ROLE_AGRONOMIST:
      /* Translators: %s is the user's name on the server. */
      return g_strdup_printf (_("Signed in as %s, agronomist — settling and the money rules are "
                                "for the manager, the register for the clerks"), user);
    case FURROW_ROLE_CLERK:
      villages = furrow_store_get_villages (store);
      if (villages != NULL && villages[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", (char **) villages);

          /* Translators: %s is the user's name on the server, then the codes of villages. */
          return g_strdup_printf (_("Signed in as %s, clerk of villages %s — settling and the "
                                    "money rules are for the manager"), user, list);
        }
      /* Translators: %s is the user's name on the server. */
      return g_strdup_printf (_("Signed in as %s, clerk — settling and the money rules are for "
                                "the manager"), user);
    case FURROW_ROLE_VIEWER:
    default:
      /* Translators: %s is the user's name on the server. */
      return g_strdup_printf (_("Signed in as %s, viewer — you may read and print; changes are "
                                "for the other roles"), user);
    }
}

void
furrow_window_roles_update (FurrowWindow *self)
{
  gboolean server = self->store != NULL && furrow_store_is_server (self->store);
  g_autofree char *text = self->store != NULL ? banner_text (self->store) : NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (FURROW_IS_WINDOW (self));

  gtk_widget_action_set_enabled (widget, "win.import",
                                 furrow_window_may (self, FURROW_PERMISSION_REGISTER) ||
                                 furrow_window_may (self, FURROW_PERMISSION_FIELDS));
  gtk_widget_action_set_enabled (widget, "win.new-season",
                                 furrow_window_may (self, FURROW_PERMISSION_SEASONS));
  if (!furrow_window_may (self, FURROW_PERMISSION_SEASONS))
    gtk_widget_action_set_enabled (widget, "win.delete-season", FALSE);
  gtk_widget_action_set_enabled (widget, "win.county-view", server);

  gtk_label_set_text (self->role_banner, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_banner), text != NULL);
}

/* A change the server refused for the user's role (furrow-history.h, "refused"): the window
 * offered it because roles changed while it was open; the editor shows the stored value. */
static void
refused_cb (FurrowWindow *self,
            GError       *error)
{
  /* Translators: %s is the server's refusal, e.g. "clerk_a may not change households …". */
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

  furrow_window_show_toast (self, message);
}

/* The user's role changed while the window is open: it offers what the new role may do. */
static void
role_changed_cb (FurrowWindow *self)
{
  const char *message;

  furrow_window_update_actions (self);
  switch (furrow_store_get_role (self->store))
    {
    case FURROW_ROLE_MANAGER:
      message = _("Your role changed: you are now a manager of this cooperative");
      break;
    case FURROW_ROLE_AGRONOMIST:
      message = _("Your role changed: you are now an agronomist of this cooperative");
      break;
    case FURROW_ROLE_CLERK:
      message = _("Your role changed: you are now a clerk of this cooperative");
      break;
    case FURROW_ROLE_VIEWER:
    default:
      message = _("Your role changed: you may now read and print only");
      break;
    }
  furrow_window_show_toast (self, message);
}

void
furrow_window_roles_watch (FurrowWindow *self,
                           FurrowStore  *store)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, role_changed_cb, self);
  if (store != NULL)
    g_signal_connect_object (store, "role-changed", G_CALLBACK (role_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* win.county-view: every cooperative of the project's server (furrow-county-window.h). */
static void
county_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  g_autofree char *uri = NULL;
  const char *hash;

  if (self->store == NULL || !furrow_store_is_server (self->store))
    return;
  uri = g_strdup (furrow_store_get_path (self->store));
  hash = strrchr (uri, '#');
  if (hash != NULL)
    uri[hash - uri] = '\0';
  gtk_window_present (GTK_WINDOW (furrow_county_window_new (GTK_WINDOW (self), uri)));
}

void
furrow_window_roles_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.county-view", NULL, county_view_action);
}

void
furrow_window_roles_init (FurrowWindow *self)
{
  GtkWidget *banner = gtk_label_new (NULL);

  /* Under the content's header bar, above the map or the season. */
  gtk_label_set_wrap (GTK_LABEL (banner), TRUE);
  gtk_label_set_xalign (GTK_LABEL (banner), 0);
  gtk_widget_set_margin_start (banner, 12);
  gtk_widget_set_margin_end (banner, 12);
  gtk_widget_set_margin_top (banner, 6);
  gtk_widget_set_margin_bottom (banner, 6);
  gtk_widget_add_css_class (banner, "dim-label");
  gtk_widget_set_visible (banner, FALSE);
  gtk_box_insert_child_after (GTK_BOX (self->content_box), banner,
                              gtk_widget_get_first_child (self->content_box));
  self->role_banner = GTK_LABEL (banner);
  g_signal_connect_object (self->history, "refused", G_CALLBACK (refused_cb), self,
                           G_CONNECT_SWAPPED);
}
