/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The server restarted while the window shows one of its cooperatives (issue 15, item 6;
 * docs/architecture.md, The backend seam, Reconnecting), on the throwaway cluster of suite pg:
 * the window opens `postgresql://…#CODE` (the demo, made with `furrow-cli server create
 * --demo`); the server stops, and the banner "Connection to the server lost — reconnecting…"
 * appears; it starts again, and the banner goes, the window says "Reconnected to the server"
 * once, and a household another user added while the window was away is in its list. Every wait
 * is on a condition, 120 s at most. */

#include "config.h"

#include "furrow-test-cli.h"
#include "furrow-test-gui.h"
#include "furrow-test-pg.h"
#include "furrow-window-testing.h"

#define CODE      "window"
#define HOUSEHOLD "370782102299000001"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1366, 768, NULL, 0);
}

static gboolean
banner_shown (gpointer data)
{
  return furrow_window_get_connection_lost_shown (data);
}

static gboolean
banner_gone (gpointer data)
{
  return !furrow_window_get_connection_lost_shown (data) &&
         furrow_store_get_connected (furrow_window_get_store (data));
}

static void
test_reconnect (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *project = g_strdup_printf ("%s#" CODE, furrow_test_pg_uri ());
  g_autofree char *csv = g_build_filename (fixture->base.tmpdir, "households.csv", NULL);
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GError) error = NULL;
  FurrowStore *store;
  guint n_households;
  gint64 start;

  furrow_test_pg_create_demo (CODE);
  g_assert_true (furrow_window_open_project (fixture->window, project, &error));
  g_assert_no_error (error);
  store = furrow_window_get_store (fixture->window);
  households = furrow_store_get_households (store);
  n_households = g_list_model_get_n_items (households);
  g_assert_cmpuint (n_households, ==, 300);   /* the demo's (app/core/register/furrow-demo.h) */
  furrow_test_iterate (100);
  g_assert_false (furrow_window_get_connection_lost_shown (fixture->window));

  furrow_test_pg_ctl ("stop");
  start = g_get_monotonic_time ();
  g_assert_true (furrow_test_wait_until (banner_shown, fixture->window, 120));
  g_test_message ("the banner shown %.3f s after the server stopped",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_false (furrow_store_get_connected (store));
  g_assert_cmpuint (furrow_window_get_n_reconnected_notices (fixture->window), ==, 0);
  furrow_test_iterate (100);
  g_assert_true (furrow_window_get_connection_lost_shown (fixture->window));

  /* Back, and another user adds a household before the window's loop runs again: it hears
   * nothing of it but reads its models again when connected. */
  furrow_test_pg_ctl ("restart");
  g_assert_true (g_file_set_contents (csv, "CBFBM,CBFMC,CBFCYSL\n" HOUSEHOLD ",试验户,3\n", -1,
                                      NULL));
  furrow_test_run_cli_ok ("import", "--project", project, csv, NULL);
  start = g_get_monotonic_time ();
  g_assert_true (furrow_test_wait_until (banner_gone, fixture->window, 120));
  g_test_message ("the banner gone %.3f s after the window's loop ran again",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (furrow_window_get_n_reconnected_notices (fixture->window), ==, 1);
  g_assert_true (furrow_window_get_store (fixture->window) == store);
  g_clear_object (&households);
  households = furrow_store_get_households (store);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, n_households + 1);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-reconnect/banner", Fixture, fixture_set_up,
                     test_reconnect, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
