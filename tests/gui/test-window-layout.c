/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window at the sizes people run it at (1024×700 on an old laptop, 1366×768, 1920×1080),
 * in the language of the environment: meson runs this file twice, as `window-layout` in C and
 * as `window-layout-zh` with LANGUAGE=zh_CN (issue 13, items 1, 2, 6 and 7): the planner, the
 * season's amounts, the sidebar and its lists, the keyboard.
 *
 * Each step asserts what a user needs to reach a control: it is mapped, inside the window once
 * its scrolled window has scrolled to it, and given at least its natural width (a GtkLabel below
 * its natural width is ellipsized or cut); each step saves a screenshot into
 * $FURROW_SCREENSHOT_DIR/journeys/. A size larger than the screen is skipped: run under
 * `xvfb-run -s '-screen 0 1920x1080x24'` (build-aux/run-tests does). */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "furrow-cross-section.h"
#include "furrow-household-page-testing.h"
#include "furrow-units.h"
#include "furrow-planner-panel.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-window.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"
#include "furrow-test-layout.h"
#include "furrow-season-view-testing.h"
#include "furrow-season-economics-page.h"
#include "furrow-season-economics-page-testing.h"
#include "furrow-season-overview-page.h"

typedef FurrowTestWindow Fixture;

static void
save_step (Fixture    *fixture,
           const char *step)
{
  furrow_test_save_step (GTK_WIDGET (fixture->window), step);
}

static void
assert_reachable (Fixture    *fixture,
                  GtkWidget  *widget,
                  const char *what)
{
  furrow_test_assert_reachable (widget, what);
}

static gboolean
set_up_window (Fixture *fixture,
               int      width,
               int      height)
{
  return furrow_test_layout_set_up_window (fixture, width, height);
}

static GtkWidget *
planner_child (Fixture    *fixture,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (
    GTK_WIDGET (furrow_window_get_planner_panel (fixture->window)), FURROW_TYPE_PLANNER_PANEL,
    name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
is_compare_group (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         gtk_widget_is_ancestor (GTK_WIDGET (data), widget);
}

/* The agronomist's journey (issue 13, item 1): select a field, Plan; every control of the
 * planner is there at full width, and the details pane does not cover it. */
static void
check_planner (Fixture *fixture,
               int      width,
               int      height)
{
  FurrowWindow *window;
  GtkWidget *panel;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(FurrowField) field = NULL;
  GtkWidget *chart;
  GtkWidget *compare;
  GtkWidget *row;
  graphene_rect_t panel_bounds, details_bounds;

  if (!set_up_window (fixture, width, height))
    return;
  window = fixture->window;
  panel = GTK_WIDGET (furrow_window_get_planner_panel (window));

  fields = furrow_store_get_fields (furrow_window_get_store (window));
  field = g_list_model_get_item (fields, 0);
  g_object_set (window, "selected-field", field, NULL);
  furrow_test_iterate (100);
  save_step (fixture, "planner-1-field-selected");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-field", NULL));
  furrow_test_iterate (300);
  save_step (fixture, "planner-2-plan");

  /* The planner is as wide as it asks to be: 380 px at least (README's planner.png). */
  g_test_message ("planner width %d at %dx%d", gtk_widget_get_width (panel), width, height);
  g_assert_cmpint (gtk_widget_get_width (panel), >=, 380);

  assert_reachable (fixture, planner_child (fixture, "maize_spacing_spin"), "maize row spacing");
  assert_reachable (fixture, planner_child (fixture, "preset_row"), "pattern");
  row = furrow_test_find_row (panel, ADW_TYPE_ACTION_ROW, _("Edit and Calibrate Yield Models"));
  assert_reachable (fixture, row, "yield model editor row");
  assert_reachable (fixture, furrow_test_find_widget (panel, FURROW_TYPE_CROSS_SECTION),
                    "cross-section");
  save_step (fixture, "planner-3-cross-section");
  assert_reachable (fixture,
                    furrow_test_find_first (panel, furrow_test_has_action,
                                            "planner.apply-to-season"),
                    "Apply to Season");
  chart = planner_child (fixture, "comparison_chart");
  compare = furrow_test_find_first (panel, is_compare_group, chart);
  g_assert_nonnull (compare);
  assert_reachable (fixture, furrow_test_find_widget (compare, GTK_TYPE_MENU_BUTTON),
                    "Compare Patterns' export");
  assert_reachable (fixture, chart, "comparison chart");
  save_step (fixture, "planner-4-compare");

  /* Planning and the details pane take the same place, one at a time: Details closes the
   * planner, Plan closes the details, and neither ever covers the other. */
  g_assert_false (gtk_revealer_get_reveal_child (window->details_revealer));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (window->details_button), TRUE);
  furrow_test_iterate (300);
  g_assert_false (adw_flap_get_reveal_flap (window->plan_flap));
  assert_reachable (fixture, GTK_WIDGET (window->field_name_label), "details: field name");
  save_step (fixture, "planner-5-details");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-field", NULL));
  furrow_test_iterate (300);
  g_assert_true (adw_flap_get_reveal_flap (window->plan_flap));
  g_assert_false (gtk_revealer_get_reveal_child (window->details_revealer));
  /* A field chosen while planning is planned, the details stay closed. */
  g_clear_object (&field);
  field = g_list_model_get_item (fields, 1);
  g_object_set (window, "selected-field", field, NULL);
  furrow_test_iterate (300);
  g_assert_true (furrow_planner_panel_get_field (FURROW_PLANNER_PANEL (panel)) == field);
  g_assert_true (adw_flap_get_reveal_flap (window->plan_flap));
  g_assert_false (gtk_revealer_get_reveal_child (window->details_revealer));
  assert_reachable (fixture, planner_child (fixture, "preset_row"), "pattern, second field");
  g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (window), &panel_bounds));
  if (gtk_widget_get_mapped (GTK_WIDGET (window->details_stack)))
    {
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->details_stack),
                                                GTK_WIDGET (window), &details_bounds));
      g_test_message ("planner x %.0f–%.0f, details x %.0f–%.0f", panel_bounds.origin.x,
                      panel_bounds.origin.x + panel_bounds.size.width, details_bounds.origin.x,
                      details_bounds.origin.x + details_bounds.size.width);
      g_assert_false (graphene_rect_intersection (&panel_bounds, &details_bounds, NULL));
    }
}

/* A season with the docs/domain.md §7 defaults and every demo field planned 2+4 (as
 * test-season-economics.c), shown in the window. */
static void
add_and_show_season (Fixture *fixture)
{
  furrow_test_show_new_season (fixture->window, "2027 秋", 2027, 300);
}

/* The right edge of the amounts under WIDGET, in SCROLLED's coordinates. */
static double
money_right_edge (GtkWidget *widget,
                  GtkWidget *scrolled)
{
  double right = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    right = MAX (right, money_right_edge (c, scrolled));
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), "¥") != NULL)
    {
      graphene_rect_t b;

      g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &b));
      right = MAX (right, b.origin.x + b.size.width);
    }
  return right;
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  /* A list keeps spare rows of no width beside those it shows. */
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (gtk_widget_get_parent (widget)) > 0 &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The manager's journey (issue 13, item 2): the season's overview and economics at each size,
 * every amount in full, and the last column of the predicted income (the total a household
 * gets) on screen without scrolling sideways. */
static void
check_money (Fixture *fixture,
             int      width,
             int      height)
{
  static const struct { const char *name; const char *type; } pages[] = {
    { "overview", "FurrowSeasonOverviewPage" },
    { "economics", "FurrowSeasonEconomicsPage" },
  };

  if (!set_up_window (fixture, width, height))
    return;
  add_and_show_season (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      guint n_money;
      g_autofree char *step = g_strdup_printf ("money-%u-%s", i + 1, pages[i].name);
      GtkWidget *page = furrow_test_show_season_page (fixture->window, pages[i].name,
                                                      g_type_from_name (pages[i].type), 500);

      /* Laid out, and again for what that changed (the predicted income comes in an idle). */
      furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
      furrow_test_iterate (50);
      furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
      save_step (fixture, step);
      n_money = furrow_test_check_money (page, pages[i].name);
      g_test_message ("%s at %dx%d (%s): %u amounts shown in full", pages[i].name, width, height,
                      furrow_test_language (), n_money);
      /* The totals on the overview; on the economics page, a row of amounts at least. */
      g_assert_cmpuint (n_money, >=, 3);
      if (FURROW_IS_SEASON_ECONOMICS_PAGE (page))
        {
          GtkWidget *preview = furrow_season_economics_page_get_child (
            FURROW_SEASON_ECONOMICS_PAGE (page), "preview_view");
          GtkWidget *scrolled = gtk_widget_get_ancestor (preview, GTK_TYPE_SCROLLED_WINDOW);
          double right = money_right_edge (preview, scrolled);

          /* A household's predicted income, its total column included, without scrolling
           * sideways (¥4,574.54 read ¥4,574.5 at 1440 px on the old tree). */
          g_test_message ("predicted income: amounts end at %.0f of %d px", right,
                          gtk_widget_get_width (scrolled));
          g_assert_cmpfloat (right, >, 0);
          g_assert_cmpfloat (right, <=, gtk_widget_get_width (scrolled) + 0.5);
        }
    }
  /* The season's state in the list, in the user's language and whole ("plann…" before). */
  {
    const char *state = furrow_season_state_label (FURROW_SEASON_PLANNING);
    GtkWidget *label = furrow_test_find_first (GTK_WIDGET (fixture->window->season_list),
                                               is_shown_label, state);
    int nat = 0;

    if (strcmp (furrow_test_language (), "C") != 0)
      g_assert_cmpstr (state, !=, "planning");
    g_assert_nonnull (label);
    gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
    g_test_message ("season state \"%s\": width %d, natural %d", state,
                    gtk_widget_get_width (label), nat);
    g_assert_cmpint (gtk_widget_get_width (label), >=, nat);
  }
}

/* The labels under WIDGET, depth first. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels);
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
}

/* The cells of the list's columns but the first (the name, which gives way) in full: not
 * ellipsized, at least their natural width; with MUST_FIT, on screen without scrolling
 * sideways. */
static void
check_list_columns (Fixture    *fixture,
                    GtkWidget  *list,
                    const char *what,
                    gboolean    must_fit)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (furrow_test_find_widget (list, GTK_TYPE_COLUMN_VIEW));
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                0);
  graphene_rect_t first_bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  guint n = 0;

  /* The cells, not the titles (the header, the view's first child, ellipsizes its titles). */
  for (GtkWidget *c = gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (view)));
       c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
      graphene_rect_t b;
      int nat = 0;

      if (gtk_label_get_text (GTK_LABEL (label))[0] == '\0')
        continue;
      g_assert_true (gtk_widget_compute_bounds (label, scrolled, &b));
      /* The name column is the first: its cells start at the left edge. */
      if (b.origin.x < 12)
        {
          first_bounds = b;
          continue;
        }
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      if (pango_layout_is_ellipsized (layout) || b.size.width + 0.5 < nat ||
          (must_fit && b.origin.x + b.size.width > gtk_widget_get_width (scrolled) + 0.5))
        g_error ("%s: \"%s\" is cut (x %.0f, width %.0f, natural %d, list %d px wide)", what,
                 gtk_label_get_text (GTK_LABEL (label)), b.origin.x, b.size.width, nat,
                 gtk_widget_get_width (scrolled));
      n++;
    }
  g_test_message ("%s: %u cells in full beside the names (first column: %s)", what, n,
                  gtk_column_view_column_get_title (first));
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpfloat (first_bounds.size.width, >, 0);
}

/* The clerk's lists (issue 13, item 6): at every size the Fields list shows Measured, Custody
 * and Parcels in full beside the names, the Households list leads with the name; the sidebar is
 * resized by dragging its edge and a new window opens with that width. */
static void
check_sidebar (Fixture *fixture,
               int      width,
               int      height)
{
  FurrowWindow *window;
  FurrowWindow *second;
  GtkWidget *sidebar;
  GtkGesture *drag = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GtkColumnViewColumn) first = NULL;
  graphene_point_t edge;
  int before;

  if (!set_up_window (fixture, width, height))
    return;
  window = fixture->window;
  sidebar = window->sidebar;
  save_step (fixture, "lists-1-fields");
  before = gtk_widget_get_width (sidebar);
  g_test_message ("sidebar %d px at %dx%d", before, width, height);
  /* Not dragged yet (sidebar-width 0): three tenths of the window, 400 to 720 px, so that it
   * grows with the window (400 px at 1910 px before, issue 13 item 6): 400 px at 1014 px,
   * 1356 × 3 / 10 = 406 px, 1910 × 3 / 10 = 573 px at 1910 px. */
  g_assert_cmpint (g_settings_get_int (fixture->base.settings, "sidebar-width"), ==, 0);
  g_assert_cmpint (before, ==,
                   CLAMP (gtk_widget_get_width (GTK_WIDGET (window)) * 3 / 10, 400, 720));
  /* Every column of the Fields list shows beside the names from 540 px of sidebar (a 1800-px
   * window); a narrower list scrolls sideways, its titles still whole. */
  check_list_columns (fixture, GTK_WIDGET (window->field_list), "Fields", before >= 540);

  adw_view_stack_set_visible_child_name (window->view_stack, "households");
  furrow_test_iterate (300);
  save_step (fixture, "lists-2-households");
  first = g_list_model_get_item (
    gtk_column_view_get_columns (GTK_COLUMN_VIEW (furrow_test_find_widget (
      GTK_WIDGET (window->household_list), GTK_TYPE_COLUMN_VIEW))), 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, _("Head"));
  /* Seven columns and an 18-digit code do not fit in 400 px: the list scrolls sideways. */
  check_list_columns (fixture, GTK_WIDGET (window->household_list), "Households", FALSE);

  /* Drag the line between the lists and the map 60 px to the right (600 px leaves the map more
   * than its 360 px in a 1014 px window): the leaflet's drag gesture, as the pointer drives it. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window->leaflet));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)),
                     "furrow-sidebar-resize") == 0)
        drag = GTK_GESTURE (controller);
    }
  g_assert_nonnull (drag);
  g_assert_true (gtk_widget_compute_point (sidebar, GTK_WIDGET (window->leaflet),
                                           &GRAPHENE_POINT_INIT (before, 10), &edge));
  g_signal_emit_by_name (drag, "drag-begin", edge.x + 1, edge.y);
  g_signal_emit_by_name (drag, "drag-update", 60.0, 0.0);
  furrow_test_iterate (200);
  save_step (fixture, "lists-3-wider");
  g_assert_cmpint (gtk_widget_get_width (sidebar), ==, before + 60);
  g_assert_cmpint (g_settings_get_int (fixture->base.settings, "sidebar-width"), ==,
                   before + 60);
  /* A press away from the line is no resize. */
  g_signal_emit_by_name (drag, "drag-begin", edge.x + 200, edge.y);
  g_assert_cmpint (gtk_widget_get_width (sidebar), ==, before + 60);

  /* Remembered: the next window opens with it. */
  gtk_window_destroy (GTK_WINDOW (window));
  fixture->window = NULL;
  second = furrow_window_new (fixture->base.app);
  gtk_window_set_default_size (GTK_WINDOW (second), width, height);
  gtk_window_present (GTK_WINDOW (second));
  furrow_test_wait_for_frame (GTK_WIDGET (second));
  furrow_test_iterate (200);
  g_assert_cmpint (gtk_widget_get_width (second->sidebar), ==, before + 60);
  fixture->window = second;
  save_step (fixture, "lists-4-remembered");

  /* Widened to 1500 px in a larger window: the next window at this size leaves the map its
   * 360 px (the window's default width includes its few pixels of frame). */
  g_settings_set_int (fixture->base.settings, "sidebar-width", 1500);
  gtk_window_destroy (GTK_WINDOW (second));
  fixture->window = furrow_window_new (fixture->base.app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  furrow_test_iterate (200);
  g_test_message ("sidebar-width 1500 in a %d px window: sidebar %d px", width,
                  gtk_widget_get_width (fixture->window->sidebar));
  g_assert_cmpint (gtk_widget_get_width (fixture->window->sidebar), <=, MAX (360, width - 360));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (furrow_window_get_map (fixture->window))));
  g_assert_false (adw_leaflet_get_folded (fixture->window->leaflet));

  /* Planning beside a wide sidebar: the sidebar gives the planner its room, and takes it back
   * when the planner closes. */
  {
    g_autofree char *path = g_build_filename (fixture->base.tmpdir, "layout.gpkg", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (furrow_window_open_project (fixture->window, path, &error));
    g_assert_no_error (error);
  }
  furrow_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.plan-field",
                                             NULL));
  furrow_test_iterate (300);
  save_step (fixture, "lists-5-wide-sidebar-planning");
  g_assert_false (adw_leaflet_get_folded (fixture->window->leaflet));
  g_assert_cmpint (gtk_widget_get_width (
    GTK_WIDGET (furrow_window_get_planner_panel (fixture->window))), >=, 380);
  assert_reachable (fixture, planner_child (fixture, "preset_row"), "pattern, wide sidebar");
}

/* The first label under WIDGET. */
static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_label (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* At the sidebar's narrowest every column title of the list up to LAST_VISIBLE (and every
 * title after it whole, if scrolled to) and every area or number (a "numeric" cell) is shown
 * whole inside the list's view: only the names give way, ellipsized. Returns how many numbers
 * were checked. */
static guint
check_narrow_list (GtkWidget  *list,
                   const char *what,
                   guint       last_visible)
{
  GtkWidget *view = furrow_test_find_widget (list, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *header = gtk_widget_get_first_child (view);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint i = 0, numbers = 0;

  /* The titles, in the order of the columns. */
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *label = first_label (title);
      g_autofree char *where = g_strdup_printf ("%s, title of column %u", what, i + 1);

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                       gtk_column_view_column_get_title (column));
      if (i <= last_visible)
        furrow_test_check_shown_whole (label, title, scrolled, where);
      else
        g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
    }
  g_assert_cmpuint (i, ==, g_list_model_get_n_items (columns));
  /* The areas and numbers of the rows shown. */
  for (GtkWidget *c = gtk_widget_get_next_sibling (header); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels);
  for (guint j = 0; j < labels->len; j++)
    {
      GtkWidget *label = labels->pdata[j];
      graphene_rect_t b;

      if (!gtk_widget_has_css_class (label, "numeric") ||
          gtk_label_get_text (GTK_LABEL (label))[0] == '\0' ||
          !gtk_widget_compute_bounds (label, scrolled, &b) ||
          b.origin.y + b.size.height < 0 || b.origin.y > gtk_widget_get_height (scrolled))
        continue;
      furrow_test_check_shown_whole (label, gtk_widget_get_parent (label), scrolled, what);
      numbers++;
    }
  g_test_message ("%s: %u titles, %u numbers whole in a %d px list", what, i, numbers,
                  gtk_widget_get_width (scrolled));
  return numbers;
}

/* The sidebar at its narrowest, 400 px (issue 13, item 6): the Fields list shows all six
 * columns beside the names, titles whole; the Households list the head, members, registered
 * mu, parcels and custody, the phone and the 18-digit code after them (sideways). In C and in
 * Chinese (window-layout-zh), whose titles were clipped without an ellipsis. */
static void
test_lists_narrowest (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowWindow *window;
  g_autoptr(GtkColumnViewColumn) last = NULL;

  if (!set_up_window (fixture, 1024, 700))
    return;
  window = fixture->window;
  /* 1014 × 3 / 10 = 304 px: the sidebar at its least while it follows the window. */
  g_assert_cmpint (gtk_widget_get_width (window->sidebar), ==, 400);
  save_step (fixture, "lists-400-fields");
  /* 40 fields: the rows on screen, with two areas and a count each. */
  g_assert_cmpuint (check_narrow_list (GTK_WIDGET (window->field_list), "Fields (400 px)", 5), >=,
                    30);

  adw_view_stack_set_visible_child_name (window->view_stack, "households");
  furrow_test_wait_for_frame (GTK_WIDGET (window));
  furrow_test_iterate (100);
  save_step (fixture, "lists-400-households");
  last = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (
    furrow_test_find_widget (GTK_WIDGET (window->household_list), GTK_TYPE_COLUMN_VIEW))), 6);
  /* The long code last. */
  g_assert_cmpstr (gtk_column_view_column_get_title (last), ==, _("Code"));
  g_assert_cmpuint (check_narrow_list (GTK_WIDGET (window->household_list),
                                       "Households (400 px)", 4), >=, 30);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-layout/lists-400", Fixture, NULL, test_lists_narrowest,
                     furrow_test_window_tear_down);

static gboolean
is_shortcut_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "title", &text, NULL);
  return g_strcmp0 (text, title) == 0;
}

/* The key controller that gives the list one Tab stop. */
static GtkEventController *
tab_controller (GtkWidget *list)
{
  GtkWidget *view = furrow_test_find_widget (list, GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "furrow-list-tab") == 0)
        return controller;
    }
  return NULL;
}

static gboolean
focus_is_in (GtkWidget *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The keyboard (issue 13, item 7): Alt+1/2/3 show and focus the Fields, Households and Seasons
 * lists, Alt+P plans, all listed in the shortcuts window; Tab leaves a list in one stop instead
 * of walking its 40 rows, Shift+Tab likewise backwards. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkApplication *app;
  GtkWidget *window;
  GtkWidget *fields;
  GtkEventController *tab;
  GtkShortcutsWindow *overlay;
  static const struct { const char *action; const char *accel; } accels[] = {
    { "win.plan-field", "<Alt>p" },
    { "win.show-view::fields", "<Alt>1" },
    { "win.show-view::households", "<Alt>2" },
    { "win.show-view::seasons", "<Alt>3" },
  };
  gboolean handled = FALSE;

  if (!set_up_window (fixture, 1366, 768))
    return;
  app = GTK_APPLICATION (fixture->base.app);
  window = GTK_WIDGET (fixture->window);
  fields = GTK_WIDGET (fixture->window->field_list);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (app, accels[i].action);

      g_assert_true (set != NULL && g_strv_contains ((const char * const *) set, accels[i].accel));
    }

  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "households"));
  furrow_test_iterate (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->view_stack), ==,
                   "households");
  g_assert_true (focus_is_in (window, GTK_WIDGET (fixture->window->household_list)));
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "fields"));
  furrow_test_iterate (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->view_stack), ==,
                   "fields");
  g_assert_true (focus_is_in (window, fields));
  save_step (fixture, "keys-1-fields-focused");

  /* Tab, as the key press reaches the list: the focus leaves it at once. */
  tab = tab_controller (fields);
  g_assert_nonnull (tab);
  g_signal_emit_by_name (tab, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_test_message ("Tab from the field list: focus on a %s",
                  G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_false (focus_is_in (window, fields));
  save_step (fixture, "keys-2-tab-left-list");

  /* Shift+Tab from the list: backwards, out of it too. */
  furrow_record_list_focus (FURROW_RECORD_LIST (fields));
  g_assert_true (focus_is_in (window, fields));
  handled = FALSE;
  g_signal_emit_by_name (tab, "key-pressed", GDK_KEY_ISO_Left_Tab, 0, GDK_SHIFT_MASK, &handled);
  g_assert_true (handled);
  g_assert_false (focus_is_in (window, fields));

  /* The Seasons list is one Tab stop too. */
  g_assert_nonnull (tab_controller (GTK_WIDGET (fixture->window->season_list)));

  /* Alt+P plans the field. */
  g_assert_true (gtk_widget_activate_action (window, "win.plan-field", NULL));
  furrow_test_iterate (200);
  g_assert_true (adw_flap_get_reveal_flap (fixture->window->plan_flap));

  /* Listed, in the user's language, in the shortcuts window. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_nonnull (furrow_test_find_first (GTK_WIDGET (overlay), is_shortcut_titled,
                                            g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window",
                                                          "Plan the Strips of a Field")));
  g_assert_nonnull (furrow_test_find_first (GTK_WIDGET (overlay), is_shortcut_titled,
                                            g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window",
                                                          "Households")));
  if (strcmp (furrow_test_language (), "C") != 0)
    g_assert_nonnull (furrow_test_find_first (GTK_WIDGET (overlay), is_shortcut_titled,
                                              "规划托管地块的种植带"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-layout/keyboard", Fixture, NULL, test_keyboard,
                     furrow_test_window_tear_down);

static GtkEventController *
named_controller (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  return NULL;
}

/* The parcel's position on the household page. */
static guint
parcel_position (FurrowHouseholdPage *page,
                 gint64               id)
{
  for (guint i = 0; i < furrow_household_page_get_n_parcels (page); i++)
    if (furrow_parcel_get_id (furrow_household_page_get_parcel (page, i)) == id)
      return i;
  g_assert_not_reached ();
}

/* The clerk edits a parcel's registered area from the keyboard (issue 13, item 7): after the
 * edit the focus stays in that parcel's area (not the first row's); a refused area is marked,
 * and Escape puts back the registered one and clears the mark. */
static void
test_parcel_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  FurrowHouseholdPage *page;
  g_autoptr(GListModel) households = NULL;
  FurrowParcel *parcel;
  GtkWidget *spin;
  GtkWidget *focus;
  gint64 id;
  double before_mu, measured_mu;
  guint position;
  gboolean handled = FALSE;

  if (!set_up_window (fixture, 1366, 768))
    return;
  page = fixture->window->household_page;
  households = furrow_store_get_households (furrow_window_get_store (fixture->window));
  /* The first household with two parcels at least: the second parcel is edited. */
  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);

      g_object_set (fixture->window, "selected-household", household, NULL);
      furrow_test_iterate (100);
      if (furrow_household_page_get_n_parcels (page) >= 2)
        break;
    }
  g_assert_cmpuint (furrow_household_page_get_n_parcels (page), >=, 2);
  parcel = furrow_household_page_get_parcel (page, 1);
  id = furrow_parcel_get_id (parcel);
  before_mu = furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel));
  measured_mu = furrow_m2_to_mu (furrow_parcel_get_measured_area_m2 (parcel));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (furrow_household_page_get_parcel_row (page, 1)),
                                 TRUE);
  furrow_test_iterate (200);
  spin = furrow_household_page_get_parcel_part (page, 1, FURROW_PARCEL_PART_AREA_SPIN);
  g_assert_true (gtk_widget_grab_focus (spin));

  /* +0.10 mu, one undoable edit: the rows are made again. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), before_mu + 0.10);
  furrow_test_iterate (400);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel)),
                                  before_mu + 0.10, 0.005);
  position = parcel_position (page, id);
  spin = furrow_household_page_get_parcel_part (page, position, FURROW_PARCEL_PART_AREA_SPIN);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_test_message ("after the edit: focus on a %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus)
                                                                 : "nothing");
  g_assert_true (focus != NULL && (focus == spin || gtk_widget_is_ancestor (focus, spin)));
  save_step (fixture, "parcel-1-edited-focus-kept");

  /* Twenty times the measured area is refused (FURROW_REGISTER_MAX_AREA_RATIO is 10). */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (measured_mu, 1.0) * 20);
  furrow_test_iterate (200);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel)),
                                  before_mu + 0.10, 0.005);
  g_assert_true (gtk_widget_has_css_class (
    furrow_household_page_get_parcel_part (page, position, FURROW_PARCEL_PART_AREA_ROW), "error"));
  save_step (fixture, "parcel-2-refused");
  g_signal_emit_by_name (named_controller (spin, "furrow-escape-reverts"), "key-pressed",
                         GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  furrow_test_iterate (200);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)),
                                  before_mu + 0.10, 0.005);
  g_assert_false (gtk_widget_has_css_class (
    furrow_household_page_get_parcel_part (page, position, FURROW_PARCEL_PART_AREA_ROW), "error"));
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel)),
                                  before_mu + 0.10, 0.005);
  save_step (fixture, "parcel-3-escape-reverted");
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-layout/parcel-keys", Fixture, NULL, test_parcel_keys,
                     furrow_test_window_tear_down);

/* The planner, money and list checks at the three screen sizes of issue 13. */
typedef struct
{
  const char *name;
  void      (*check) (Fixture *fixture,
                      int      width,
                      int      height);
} SizedCheck;

static const SizedCheck sized_checks[] = {
  { "planner", check_planner },
  { "money", check_money },
  { "lists", check_sidebar },
};
static const int sizes[][2] = { { 1024, 700 }, { 1366, 768 }, { 1920, 1080 } };

static void
test_sized (Fixture       *fixture,
            gconstpointer  data)
{
  guint index = GPOINTER_TO_UINT (data);
  const int *size = sizes[index % G_N_ELEMENTS (sizes)];

  sized_checks[index / G_N_ELEMENTS (sizes)].check (fixture, size[0], size[1]);
}

static void
set_up (void)
{
  furrow_test_language_set_up ();
  for (guint i = 0; i < G_N_ELEMENTS (sized_checks) * G_N_ELEMENTS (sizes); i++)
    {
      const int *size = sizes[i % G_N_ELEMENTS (sizes)];
      g_autofree char *path = g_strdup_printf ("/furrow/gui/window-layout/%s-%dx%d",
                                               sized_checks[i / G_N_ELEMENTS (sizes)].name,
                                               size[0], size[1]);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), NULL, test_sized,
                  furrow_test_window_tear_down);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const FurrowTestHooks hooks = { .set_up = set_up,
                                         .tear_down = furrow_test_language_tear_down };

  /* The language before GTK starts, as a user's session would have it. */
  furrow_test_language_init ();
  return furrow_test_gui_main (argc, argv, &hooks);
}
