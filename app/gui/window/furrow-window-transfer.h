/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-window.h"

G_BEGIN_DECLS

/* Moving a cooperative between a file and a server from the window (docs/architecture.md, The
 * window, Publish and check out): the project menu's Publish to Server… (`win.publish`, a file
 * shown: the Connect dialog chooses the server and the new cooperative's code) and Check Out a
 * Copy… (`win.checkout`, a server's cooperative shown: a new file, chosen from Documents). Each
 * copies in a GTask thread with its own store (furrow-store-transfer.h) behind a dialog with a
 * progress bar; a failure is that dialog saying why in one message, nothing half-written; a
 * success a toast offering to open the result. Hooked into FurrowWindow with one call from its
 * class_init; furrow_window_update_actions() calls furrow_window_transfer_update(). */
void              furrow_window_transfer_class_init (GtkWidgetClass *widget_class);
void              furrow_window_transfer_update     (FurrowWindow   *self);

/* Publishes the project shown (a file) to the server `uri` (without its password: the one this
 * process holds for it, furrow-server-address.h) as the new cooperative `code`; the progress
 * dialog is returned. */
AdwMessageDialog *furrow_window_start_publish       (FurrowWindow   *self,
                                                     const char     *uri,
                                                     const char     *code);
/* Checks the cooperative shown (on a server) out into the new file `path`; an existing file is
 * refused (it may be a project someone works on). The progress dialog is returned. */
AdwMessageDialog *furrow_window_start_checkout      (FurrowWindow   *self,
                                                     const char     *path);

G_END_DECLS
