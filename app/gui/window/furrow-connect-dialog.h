/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-window.h"

G_BEGIN_DECLS

/* Connect to Server… (docs/architecture.md, The window, A server from the window): the address
 * of a custody centre's server and a password, the server's cooperatives listed by a worker
 * thread, one opened in the window. Errors stay in the dialog, one line. The password reaches
 * libpq through furrow_server_address_set_password() and, with Remember Password, the keyring
 * (libsecret); the servers opened are remembered in the `recent-servers` setting without it. */

#define FURROW_TYPE_CONNECT_DIALOG (furrow_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FurrowConnectDialog, furrow_connect_dialog, FURROW, CONNECT_DIALOG,
                      AdwWindow)

/* A dialog for `window`, its address filled with `address` (a server or a project
 * postgresql://…#CODE, whose cooperative is then chosen once listed; NULL for none) and
 * `message` (NULL for none) shown as the reason it opened. */
FurrowConnectDialog *furrow_connect_dialog_new          (FurrowWindow *window,
                                                         const char   *address,
                                                         const char   *message);

/* Publish to Server… (furrow-window-transfer.h): the same dialog choosing a server to copy the
 * file project shown to, and the new cooperative's code (the project's village code at first);
 * once Connect has listed the server, Publish hands both to furrow_window_start_publish(). */
FurrowConnectDialog *furrow_connect_dialog_new_publish  (FurrowWindow *window);

/* win.connect-server: presents a new dialog for the window. */
void                 furrow_connect_dialog_action       (GtkWidget    *widget,
                                                         const char   *action_name,
                                                         GVariant     *parameter);

/* Opens `path` in `window`: a file at once; a server project with the password this process or
 * the keyring has for it (looked up without blocking), or else the dialog, filled. */
void                 furrow_connect_dialog_open_project (FurrowWindow *window,
                                                         const char   *path);

/* What a project is called in menus and the title: a file's name, a server project's
 * "CODE on host/database". */
char                *furrow_connect_dialog_describe     (const char   *path);

/* After `path` (a server project) opened: first in the `recent-servers` setting (at most 8). */
void                 furrow_connect_dialog_remember     (GSettings    *settings,
                                                         const char   *path);

G_END_DECLS
