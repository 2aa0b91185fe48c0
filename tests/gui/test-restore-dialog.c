/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Restore… in the window's project menu (docs/architecture.md, Restore points): the dialog lists
 * the project's restore points with their reasons, the newest is chosen, a confirmation follows,
 * and the window's store holds the restored parcels. */

#include "config.h"

#include "furrow-parcel.h"
#include "furrow-restore-dialog-testing.h"
#include "furrow-store-restore.h"
#include "furrow-window-private.h"
#include "furrow-test-gui.h"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1100, 720, "restore-coop.gpkg", 100);
}

static FurrowRestoreDialog *
find_restore_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (FURROW_IS_RESTORE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return FURROW_RESTORE_DIALOG (window);
    }
  return NULL;
}

/* The demo's 1000 parcels (docs/domain.md, The demo cooperative); a bad import that removes
 * three leaves 997; restoring the point taken before it brings back 1000. */
static void
test_restore_newest (Fixture       *fixture,
                     gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  GListModel *parcels = furrow_store_get_parcels (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  FurrowRestoreDialog *dialog;
  AdwMessageDialog *confirmation;

  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore", NULL));
  furrow_test_iterate (100);
  dialog = find_restore_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (furrow_restore_dialog_get_n_points (dialog), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A batch like an import's: its restore point is taken when it begins. */
  g_assert_true (furrow_store_begin_import (store, "wrong.csv", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (doomed, g_list_model_get_item (parcels, i));
  for (guint i = 0; i < doomed->len; i++)
    g_assert_true (furrow_store_delete_parcel (store, g_ptr_array_index (doomed, i), &error));
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 997);
  furrow_test_iterate (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore", NULL));
  furrow_test_iterate (200);
  dialog = find_restore_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (furrow_restore_dialog_get_n_points (dialog), ==, 1);
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 10, "restore-dialog.png");
  furrow_restore_dialog_select (dialog, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  furrow_test_iterate (100);
  confirmation = furrow_restore_dialog_get_confirmation (dialog);
  g_assert_nonnull (confirmation);
  /* Nothing is restored before the confirmation. */
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 997);
  adw_message_dialog_response (confirmation, "restore");
  furrow_test_iterate (200);

  /* The window's store, the one its views read, holds the 1000 parcels again. */
  g_assert_true (furrow_window_get_store (fixture->window) == store);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 1000);
  g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 1000);
  g_assert_false (furrow_history_get_can_undo (fixture->window->history));
}
FURROW_TEST_FIXTURE ("/furrow/gui/restore-dialog/restore-newest", Fixture, fixture_set_up,
                     test_restore_newest, furrow_test_window_tear_down);

static gboolean
is_menu_with_restore (GtkWidget     *widget,
                      gconstpointer  data)
{
  g_autofree char *label = NULL;
  GMenuModel *menu;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  return menu != NULL && furrow_test_menu_has_action (menu, "win.restore", &label) &&
         g_strcmp0 (label, "_Restore…") == 0;
}

/* The project menu offers Restore…, enabled while a project is open. */
static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_nonnull (furrow_test_find_first (GTK_WIDGET (fixture->window), is_menu_with_restore,
                                            NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore", NULL));
}
FURROW_TEST_FIXTURE ("/furrow/gui/restore-dialog/menu", Fixture, fixture_set_up, test_menu,
                     furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
