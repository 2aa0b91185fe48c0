/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-import-assistant.h"
#include "furrow-window.h"

G_BEGIN_DECLS

/* The window's import: `win.import` (a file chooser), `win.import-file` (a path) and files
 * dropped on the window, each opening a FurrowImportAssistant. Hooked into FurrowWindow with
 * one call from its class_init and one from its init. */
void                   furrow_window_import_class_init (GtkWidgetClass *widget_class);
void                   furrow_window_import_init       (FurrowWindow   *self);
FurrowImportAssistant *furrow_window_import_file       (FurrowWindow   *self,
                                                        const char     *path);

G_END_DECLS
