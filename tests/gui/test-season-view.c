/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The season view of the main window: choosing a season in the Seasons list shows it in the
 * content area with its name, crop year and state; a change written to the store (the store
 * re-reads its seasons and replaces their objects) keeps the same season chosen and shown; the
 * Fields list brings the map back. */

#include "config.h"

#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 0, 0, "season-view.gpkg", 200);
}

static void
test_shows_season (Fixture       *fixture,
                   gconstpointer  data)
{
  FurrowWindow *window = fixture->window;
  FurrowStore *store = furrow_window_get_store (window);
  FurrowSeasonView *view = furrow_window_get_season_view (window);
  g_autoptr(FurrowSeason) draft = furrow_season_new ("2027 autumn", 2027);
  g_autoptr(FurrowSeason) edited = NULL;
  g_autoptr(FurrowSeason) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 id;

  g_assert_true (furrow_store_add_season (store, draft, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
  /* The sidebar lists it: its name is on screen once the Seasons view is chosen. */
  adw_view_stack_set_visible_child_name (window->view_stack, "seasons");
  furrow_test_iterate (200);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (window->season_list), "2027 autumn"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "map");

  shown = furrow_test_store_find_season (store, "2027 autumn");
  g_assert_nonnull (shown);
  id = furrow_season_get_id (shown);
  furrow_window_show_season (window, shown);
  furrow_test_iterate (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "season");
  g_assert_true (furrow_season_view_get_season (view) == shown);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (view), "2027 autumn"));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (view), "Crop year 2027 · planning"));
  g_assert_false (gtk_widget_get_visible (window->plan_button));

  /* Written to the file: the model's object is replaced, the view follows it. */
  edited = furrow_store_find_season (store, "2027 autumn");
  furrow_season_set_name (edited, "2027 autumn (maize–soybean)");
  g_assert_true (furrow_store_update_season (store, edited, &error));
  g_assert_no_error (error);
  furrow_test_iterate (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "season");
  g_assert_nonnull (furrow_season_view_get_season (view));
  g_assert_cmpint (furrow_season_get_id (furrow_season_view_get_season (view)), ==, id);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (view), "2027 autumn (maize–soybean)"));

  texture = furrow_test_render_widget (GTK_WIDGET (window));
  if (texture != NULL)
    furrow_test_save_screenshot (texture, "season-view.png");

  /* Back to the Fields list: the map again. */
  adw_view_stack_set_visible_child_name (window->view_stack, "fields");
  furrow_test_iterate (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "map");
  g_assert_true (gtk_widget_get_visible (window->plan_button));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-view/shows-season", Fixture, fixture_set_up,
                     test_shows_season, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
