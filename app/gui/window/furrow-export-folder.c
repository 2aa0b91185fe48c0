/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-export-folder.h"

#include "furrow-store.h"
#include "furrow-window.h"

/* The Furrow window of `widget`: its root, or the window that root is transient for (the
 * Compare Patterns window, a dialog). */
static FurrowWindow *
furrow_window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  for (guint depth = 0; window != NULL && depth < 4; depth++)
    {
      if (FURROW_IS_WINDOW (window))
        return FURROW_WINDOW (window);
      window = gtk_window_get_transient_for (window);
    }
  return NULL;
}

GFile *
furrow_export_folder (GtkWidget *widget)
{
  FurrowWindow *window = furrow_window_of (widget);
  FurrowStore *store = window != NULL ? furrow_window_get_store (window) : NULL;
  const char *path = store != NULL ? furrow_store_get_path (store) : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_path_is_absolute (dir) && g_file_test (dir, G_FILE_TEST_IS_DIR))
        return g_file_new_for_path (dir);
    }
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

void
furrow_export_folder_set_on (GtkFileChooser *chooser,
                             GtkWidget      *widget)
{
  g_autoptr(GFile) folder = furrow_export_folder (widget);

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}
