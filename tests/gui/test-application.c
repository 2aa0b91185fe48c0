/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-application.h"
#include "furrow-demo.h"
#include "furrow-window.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"

/* `furrow --version` prints the version and exits without opening a window, even where the
 * settings schema is not installed. */
static void
test_version (void)
{
  const char *furrow = g_getenv ("FURROW_EXE");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (furrow);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_SCHEMA_DIR");
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, furrow, "--version", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (out, ==, "furrow " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}
FURROW_TEST ("/furrow/gui/application/version", test_version);

/* `furrow FILE` opens a window on the project and remembers it. */
static void
test_open (void)
{
  g_autofree char *dir = furrow_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "dongpo-coop.gpkg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *other_path = g_build_filename (dir, "xiaozhuang.gpkg", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(FurrowApplication) app = NULL;
  g_autofree char *last_project = NULL;
  g_autofree char *window_path = NULL;
  g_autoptr(FurrowStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_path = g_build_filename (dir, "readme.txt", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  FurrowWindow *window;

  furrow_test_reset_settings ();
  demo = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  demo = furrow_demo_create (other_path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  app = furrow_test_application_new ();

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = FURROW_WINDOW (furrow_test_find_toplevel (FURROW_TYPE_WINDOW));
  g_assert_nonnull (window);
  furrow_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_cmpstr (furrow_window_get_project_path (window), ==, path);
  g_assert_nonnull (furrow_window_get_store (window));
  g_object_get (window, "project-path", &window_path, NULL);
  g_assert_cmpstr (window_path, ==, path);
  last_project = g_settings_get_string (furrow_application_get_settings (app), "last-project");
  g_assert_cmpstr (last_project, ==, path);

  /* The file name is the subtitle under "Furrow". */
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (window), "dongpo-coop.gpkg"));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (window), "Furrow"));

  /* Opening a second file reuses the window. */
  g_application_open (G_APPLICATION (app), &other, 1, "");
  g_assert_true (FURROW_WINDOW (furrow_test_find_toplevel (FURROW_TYPE_WINDOW)) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpstr (furrow_window_get_project_path (window), ==, other_path);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (window), "xiaozhuang.gpkg"));
  g_free (last_project);
  last_project = g_settings_get_string (furrow_application_get_settings (app), "last-project");
  g_assert_cmpstr (last_project, ==, other_path);

  /* A file that is not a project leaves the window and the last project as they were. */
  g_assert_true (g_file_set_contents (bad_path, "hello", -1, NULL));
  g_application_open (G_APPLICATION (app), &bad, 1, "");
  g_assert_cmpstr (furrow_window_get_project_path (window), ==, other_path);
  g_free (last_project);
  last_project = g_settings_get_string (furrow_application_get_settings (app), "last-project");
  g_assert_cmpstr (last_project, ==, other_path);
  furrow_test_destroy_windows ();
  g_clear_object (&app);

  /* A later start without a file shows the last project again. */
  app = furrow_test_application_new ();
  g_application_activate (G_APPLICATION (app));
  window = FURROW_WINDOW (furrow_test_find_toplevel (FURROW_TYPE_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpstr (furrow_window_get_project_path (window), ==, other_path);

  furrow_test_destroy_windows ();
  g_clear_object (&app);
  furrow_test_remove_tmpdir (dir);
}
FURROW_TEST ("/furrow/gui/application/open", test_open);

FURROW_TEST_GUI_MAIN ();
