/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's Import… and Export…: the projects menu offers both; an export runs in a thread
 * behind a progress dialog, ends with a toast whose "Open" button opens the file, and Cancel
 * leaves nothing behind. */

#include "config.h"

#include <glib/gstdio.h>

#include "furrow-demo.h"
#include "furrow-export-folder.h"
#include "furrow-window-private.h"
#include "furrow-test-gui.h"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1100, 720, "export-coop.gpkg", 100);
}

static GMenuModel *
find_menu_with (GtkWidget  *widget,
                const char *action,
                char      **label)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

      if (menu != NULL && furrow_test_menu_has_action (menu, action, label))
        return menu;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *menu = find_menu_with (child, action, label);

      if (menu != NULL)
        return menu;
    }
  return NULL;
}

typedef struct
{
  const char *action;
  const char *target;
} ActionQuery;

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ActionQuery *query = data;
  GVariant *value;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), query->action) != 0)
    return FALSE;
  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), query->target) == 0;
}

/* The button under `widget` bound to `action` with a string target, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    const char *target)
{
  ActionQuery query = { action, target };

  return furrow_test_find_first (widget, is_action_button, &query);
}

static void
wait_for_export (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (fixture->window->export_cancellable != NULL && g_get_monotonic_time () < deadline)
    furrow_test_iterate (50);
  g_assert_null (fixture->window->export_cancellable);
  furrow_test_iterate (200);
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
save_window (Fixture    *fixture,
             const char *name)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autoptr(GdkTexture) texture = NULL;

  /* Under load a capture may come back empty: try again. */
  while ((texture = furrow_test_render_widget (GTK_WIDGET (fixture->window))) == NULL &&
         g_get_monotonic_time () < deadline)
    furrow_test_iterate (100);
  g_assert_nonnull (texture);
  furrow_test_save_screenshot (texture, name);
}

static void
test_import_item (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *label = NULL;
  g_autofree char *export_label = NULL;
  GMenuModel *menu = find_menu_with (GTK_WIDGET (fixture->window), "win.import", &label);
  g_autofree char *accel = NULL;
  g_auto(GStrv) accels = NULL;

  g_assert_nonnull (menu);
  g_assert_cmpstr (label, ==, "_Import…");
  /* In the same menu as Export (the projects menu), and on Ctrl+I. */
  g_assert_true (furrow_test_menu_has_action (menu, "win.export", &export_label));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->base.app),
                                                  "win.import");
  g_assert_cmpstr (accels[0], ==, "<Control>i");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->window)));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-export/import-item", Fixture, fixture_set_up,
                     test_import_item, furrow_test_window_tear_down);

/* 1,000 demo parcels to GeoJSON: the dialog shows, the file has 1,000 features, the toast says
 * so and its Open button opens that file. */
static void
test_export_done (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "parcels.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  AdwMessageDialog *dialog;

  dialog = furrow_window_start_export (fixture->window, FURROW_EXPORT_LAYER_PARCELS,
                                       FURROW_EXPORT_FORMAT_GEOJSON, path);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Exporting…");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Writing parcels.geojson");
  g_assert_true (GTK_IS_PROGRESS_BAR (adw_message_dialog_get_extra_child (dialog)));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  /* Best effort: the export may be over before the dialog is painted. */
  for (guint i = 0; i < 100 && dialog != NULL && gtk_widget_get_width (GTK_WIDGET (dialog)) == 0;
       i++)
    furrow_test_iterate (5);
  if (dialog != NULL)
    texture = furrow_test_render_widget (GTK_WIDGET (dialog));
  if (texture != NULL)
    furrow_test_save_screenshot (texture, "export-progress.png");

  wait_for_export (fixture);
  g_assert_null (dialog);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpuint (count_substrings (contents, "\"type\": \"Feature\""), ==,
                    FURROW_DEMO_N_PARCELS);
  message = g_strdup_printf ("Exported %u records to parcels.geojson", FURROW_DEMO_N_PARCELS);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), message));
  g_assert_nonnull (find_action_button (GTK_WIDGET (fixture->window), "win.open-uri", uri));
  save_window (fixture, "export-done.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-export/done", Fixture, fixture_set_up, test_export_done,
                     furrow_test_window_tear_down);

/* Households hold full ID and phone numbers: the CSV is the user's only (mode 0600) and the
 * toast says so; masked (the chooser's check box) it has the numbers as on paper
 * (furrow_report_mask_id_number(): all but the last 4 characters starred; phones 138****0001). */
static void
test_export_households (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "households.csv", NULL);
  g_autofree char *masked = g_build_filename (fixture->base.tmpdir, "masked.csv", NULL);
  g_autofree char *full_text = NULL;
  g_autofree char *masked_text = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) full_lines = NULL;
  g_auto(GStrv) masked_lines = NULL;
  GStatBuf st;

  g_assert_nonnull (furrow_window_start_export (fixture->window, FURROW_EXPORT_LAYER_HOUSEHOLDS,
                                                FURROW_EXPORT_FORMAT_CSV, path));
  wait_for_export (fixture);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  message = g_strdup_printf ("Exported %u records to households.csv; they hold full ID and "
                             "phone numbers, so only you can read the file",
                             FURROW_DEMO_N_HOUSEHOLDS);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), message));

  g_assert_nonnull (furrow_window_start_export_with_options (fixture->window,
                                                             FURROW_EXPORT_LAYER_HOUSEHOLDS,
                                                             FURROW_EXPORT_FORMAT_CSV,
                                                             FURROW_EXPORT_MASKED, masked));
  wait_for_export (fixture);
  g_assert_true (g_file_get_contents (path, &full_text, NULL, NULL));
  g_assert_true (g_file_get_contents (masked, &masked_text, NULL, NULL));
  full_lines = g_strsplit (full_text, "\n", -1);
  masked_lines = g_strsplit (masked_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (masked_lines), ==, g_strv_length (full_lines));
  g_assert_cmpuint (g_strv_length (full_lines), ==, FURROW_DEMO_N_HOUSEHOLDS + 2);
  for (guint i = 1; i <= FURROW_DEMO_N_HOUSEHOLDS; i++)
    {
      /* code, name, members, phone, ID number */
      g_auto(GStrv) full = g_strsplit (g_strchomp (full_lines[i]), ",", -1);
      g_auto(GStrv) mask = g_strsplit (g_strchomp (masked_lines[i]), ",", -1);
      g_autofree char *phone = NULL;
      g_autofree char *id = NULL;

      g_assert_cmpuint (g_strv_length (full), ==, 5);
      g_assert_cmpuint (g_strv_length (mask), ==, 5);
      g_assert_cmpstr (mask[0], ==, full[0]);
      g_assert_cmpstr (mask[1], ==, full[1]);
      g_assert_cmpuint (strlen (full[3]), ==, 11);
      g_assert_cmpuint (strlen (full[4]), ==, 18);
      phone = g_strdup_printf ("%.3s****%s", full[3], full[3] + 7);
      id = g_strdup_printf ("**************%s", full[4] + 14);
      g_assert_cmpstr (mask[3], ==, phone);
      g_assert_cmpstr (mask[4], ==, id);
    }
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-export/households", Fixture, fixture_set_up,
                     test_export_households, furrow_test_window_tear_down);

/* Cancel right after the start: no Shapefile or part of one, no temporary folder, a toast. */
static void
test_export_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *parts[] = { "cancel.shp", "cancel.shx", "cancel.dbf", "cancel.prj", "cancel.cpg" };
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "cancel.shp", NULL);
  g_autoptr(GDir) dir = NULL;
  AdwMessageDialog *dialog;
  const char *name;

  dialog = furrow_window_start_export (fixture->window, FURROW_EXPORT_LAYER_PARCELS,
                                       FURROW_EXPORT_FORMAT_SHAPEFILE, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* What the Cancel button does. */
  adw_message_dialog_response (dialog, "cancel");
  wait_for_export (fixture);
  g_assert_null (dialog);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = g_build_filename (fixture->base.tmpdir, parts[i], NULL);

      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
    }
  dir = g_dir_open (fixture->base.tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".furrow-export-"));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window),
                                            "Export cancelled: no file was written"));
  save_window (fixture, "export-cancelled.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-export/cancel", Fixture, fixture_set_up,
                     test_export_cancel, furrow_test_window_tear_down);

/* Issue 13, item 11: export choosers start in the project's folder (base.tmpdir, where the
 * fixture wrote export-coop.gpkg), not the process's working directory (the build folder here);
 * with no project, in Documents or else the home folder. */
static void
test_start_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = furrow_export_folder (GTK_WIDGET (fixture->window));
  g_autoptr(GFile) expected = g_file_new_for_path (fixture->base.tmpdir);
  g_autoptr(GFile) cwd = NULL;
  g_autoptr(GFile) alone = NULL;
  g_autoptr(GFile) fallback = NULL;
  g_autoptr(GFile) shown = NULL;
  g_autofree char *cwd_path = g_get_current_dir ();
  GtkFileChooserNative *chooser;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  cwd = g_file_new_for_path (cwd_path);
  g_assert_true (g_file_equal (folder, expected));
  g_assert_false (g_file_equal (folder, cwd));

  /* A chooser of the window starts there. */
  chooser = gtk_file_chooser_native_new ("Export", GTK_WINDOW (fixture->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, "_Export", "_Cancel");
  furrow_export_folder_set_on (GTK_FILE_CHOOSER (chooser), GTK_WIDGET (fixture->window));
  /* The chooser reads the folder in the main loop: on a loaded machine that may take a while,
   * so wait for it (up to 10 s) rather than a fixed time. */
  for (guint waited = 0; shown == NULL && waited < 10000; waited += 100)
    {
      furrow_test_iterate (100);
      shown = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
    }
  g_assert_nonnull (shown);
  g_assert_true (g_file_equal (shown, expected));
  g_object_unref (chooser);

  /* A widget in no Furrow window: Documents when it exists, else home. */
  alone = furrow_export_folder (NULL);
  fallback = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                  ? documents : g_get_home_dir ());
  g_assert_true (g_file_equal (alone, fallback));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-export/start-folder", Fixture, fixture_set_up,
                     test_start_folder, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
