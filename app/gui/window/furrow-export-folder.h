/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where an export's file chooser starts (issue 13, item 11): the folder of the project open in
 * the window `widget` is in (or the window its dialog belongs to), else the user's Documents,
 * else the home folder — never the process's working directory, which for a program started
 * from the desktop is somewhere the user never looks. */
GFile *furrow_export_folder             (GtkWidget      *widget);
/* Makes `chooser` start in furrow_export_folder (widget). */
void   furrow_export_folder_set_on      (GtkFileChooser *chooser,
                                         GtkWidget      *widget);

G_END_DECLS
