/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <shumate/shumate.h>

#include "furrow-application.h"
#include "furrow-demo.h"
#include "furrow-field-map.h"
#include "furrow-record-list-testing.h"
#include "furrow-selection-layer-testing.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"

/* What the window selects and searches across the Fields and Households views (issue 13,
 * item 11): a field is not left outlined on the map while a household is shown, and each list
 * keeps its own search text. The demo cooperative: 40 fields (eight named 河滩…号地), 300
 * households (furrow-demo.h). */

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1366, 768, "demo.gpkg", 100);
}

static FurrowSelectionLayer *
selection_layer (Fixture *fixture)
{
  return furrow_field_map_get_selection_layer (furrow_window_get_field_map (fixture->window));
}

static const char *
visible_view (Fixture *fixture)
{
  return adw_view_stack_get_visible_child_name (fixture->window->view_stack);
}

/* A field selected, then a household: the field's outline leaves the map (the layer selects
 * nothing) and the pane shows the household; a field chosen again takes the pane back. Going
 * back to the Households view with a field selected lets the field go again. */
static void
test_household_clears_field (Fixture       *fixture,
                             gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(FurrowField) field = g_list_model_get_item (fields, 3);
  g_autoptr(FurrowField) other = g_list_model_get_item (fields, 9);
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 12);

  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, FURROW_DEMO_N_FIELDS);
  furrow_window_select_field (fixture->window, field);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (furrow_selection_layer_get_selected_field (selection_layer (fixture)) == field);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==, "field");

  furrow_window_select_household (fixture->window, household);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (visible_view (fixture), ==, "households");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==,
                   "household");
  g_assert_null (furrow_selection_layer_get_selected_field (selection_layer (fixture)));
  g_assert_null (fixture->window->selected_field);
  g_assert_true (furrow_window_get_selected_household (fixture->window) == household);
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 10,
                                      "selection-household-no-field.png");

  /* A field again (as a click on the map would): the Fields view, the field outlined. */
  furrow_window_select_field (fixture->window, other);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (visible_view (fixture), ==, "fields");
  g_assert_true (furrow_selection_layer_get_selected_field (selection_layer (fixture)) == other);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==, "field");

  /* Back to Households, where the household is still chosen: it is shown, the field let go. */
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==,
                   "household");
  g_assert_null (furrow_selection_layer_get_selected_field (selection_layer (fixture)));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-selection/household-clears-field", Fixture,
                     fixture_set_up, test_household_clears_field, furrow_test_window_tear_down);

static gboolean
match_shown_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static guint
n_shown (FurrowRecordList *list)
{
  return g_list_model_get_n_items (furrow_record_list_get_shown (list));
}

/* Types @text into the search entry and lets its delayed search-changed run. */
static void
type_search (Fixture    *fixture,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), text);
  furrow_test_iterate (500);
}

/* A name typed in the Fields view searches the fields only: the Households view shows all its
 * households and an empty entry, never "No Results Found"; each view gets its own text back;
 * closing the search shows every row of both. */
static void
test_search_per_view (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowRecordList *field_list = FURROW_RECORD_LIST (fixture->window->field_list);
  FurrowRecordList *household_list = FURROW_RECORD_LIST (fixture->window->household_list);
  GtkEditable *entry = GTK_EDITABLE (fixture->window->search_entry);
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 40);
  const char *name = furrow_household_get_name (household);
  guint n_named;

  g_assert_cmpstr (visible_view (fixture), ==, "fields");
  gtk_search_bar_set_search_mode (fixture->window->search_bar, TRUE);
  type_search (fixture, "河滩");
  /* The demo's river-flat fields, 河滩一号地 to 河滩八号地. */
  g_assert_cmpuint (n_shown (field_list), ==, 8);
  g_assert_cmpuint (n_shown (household_list), ==, FURROW_DEMO_N_HOUSEHOLDS);

  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  furrow_test_iterate (500);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (n_shown (household_list), ==, FURROW_DEMO_N_HOUSEHOLDS);
  g_assert_null (furrow_test_find_first (GTK_WIDGET (fixture->window), match_shown_label,
                                         "No Results Found"));
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 10,
                                      "search-households-own-text.png");

  /* A household's name in the Households view: its rows only; the fields keep 河滩. */
  type_search (fixture, name);
  n_named = n_shown (household_list);
  g_assert_cmpuint (n_named, >=, 1);
  g_assert_cmpuint (n_named, <, FURROW_DEMO_N_HOUSEHOLDS);
  g_assert_cmpuint (n_shown (field_list), ==, 8);

  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "fields");
  furrow_test_iterate (500);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "河滩");
  g_assert_cmpuint (n_shown (field_list), ==, 8);
  g_assert_cmpuint (n_shown (household_list), ==, n_named);

  /* Closing the search: every row of both lists. */
  gtk_search_bar_set_search_mode (fixture->window->search_bar, FALSE);
  furrow_test_iterate (500);
  g_assert_cmpuint (n_shown (field_list), ==, FURROW_DEMO_N_FIELDS);
  g_assert_cmpuint (n_shown (household_list), ==, FURROW_DEMO_N_HOUSEHOLDS);
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  furrow_test_iterate (500);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-selection/search-per-view", Fixture, fixture_set_up,
                     test_search_per_view, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
