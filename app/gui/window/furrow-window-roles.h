/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store-roles.h"
#include "furrow-window.h"

G_BEGIN_DECLS

/* What the window offers a user of a custody centre's server (docs/architecture.md, The window,
 * Roles): the actions of the user's role in the cooperative shown (furrow_store_get_role(); a
 * file is its user's, a manager's), a line under the header bar saying who is signed in and
 * what is for others, a toast when the server refuses a change anyway, and the county view
 * (`win.county-view`, for a project on a server). Hooked into FurrowWindow with one call from
 * its class_init and one from its init; furrow_window_update_actions() calls
 * furrow_window_roles_update(). */
void      furrow_window_roles_class_init (GtkWidgetClass   *widget_class);
void      furrow_window_roles_init       (FurrowWindow     *self);
void      furrow_window_roles_update     (FurrowWindow     *self);
/* Follows `store`'s role-changed (furrow_store_listen(): `furrow-cli server grant` while the
 * window is open) in place of the project shown so far: the actions and the line follow at once,
 * with a toast saying the new role. Called before the window takes the store. */
void      furrow_window_roles_watch      (FurrowWindow     *self,
                                          FurrowStore      *store);

/* TRUE when the user's role in the project shown may do `permission` (TRUE without a project). */
gboolean  furrow_window_may              (FurrowWindow     *self,
                                          FurrowPermission  permission);

G_END_DECLS
