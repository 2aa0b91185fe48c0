/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's register: the Fields / Households / Seasons lists of the demo cooperative,
 * search over names and codes, selection shared with the details pane and the map, and the
 * demo on the very first start. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "furrow-demo.h"
#include "furrow-register-testing.h"
#include "furrow-register.h"
#include "furrow-units.h"
#include "furrow-record-list-testing.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"

typedef FurrowTestWindow Fixture;

/* The rows a register list shows (furrow-record-list-testing.h). */
#define SHOWN(list) furrow_record_list_get_shown (FURROW_RECORD_LIST (list))

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 0, 0, NULL, 0);
}

static void
open_demo (Fixture *fixture)
{
  furrow_test_open_demo_project (fixture->window, fixture->base.tmpdir, "dongpo-coop.gpkg");
  furrow_test_iterate (200);
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  furrow_test_iterate (200);
  /* A window in the middle of a change may draw nothing for a moment. */
  while ((texture = furrow_test_render_widget (GTK_WIDGET (fixture->window))) == NULL &&
         g_get_monotonic_time () < deadline)
    furrow_test_iterate (100);
  g_assert_nonnull (texture);
  furrow_test_save_screenshot (texture, name);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* No project: the sidebar says so and offers the three ways in. */
static void
test_no_project (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->sidebar_stack), ==,
                   "no-project");
  g_assert_nonnull (furrow_test_find_label (window, "No Project Open"));
  g_assert_nonnull (furrow_test_find_label (window, "Open Project…"));
  g_assert_nonnull (furrow_test_find_label (window, "New Project…"));
  g_assert_nonnull (furrow_test_find_label (window, "Open Demo Cooperative"));
  save_screenshot (fixture, "furrow-no-project.png");

  /* The demo button's action opens the demo cooperative. */
  g_assert_true (gtk_widget_activate_action (window, "win.open-demo", NULL));
  furrow_test_iterate (100);
  g_assert_nonnull (furrow_window_get_store (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->sidebar_stack), ==, "views");
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/no-project", Fixture, fixture_set_up,
                     test_no_project, furrow_test_window_tear_down);

/* The demo: 40 fields and 300 households in their lists, the rows on screen. */
static void
test_demo_lists (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GListModel *fields;
  GListModel *households;
  g_autoptr(FurrowField) first_field = NULL;
  g_autoptr(FurrowHousehold) first_household = NULL;

  open_demo (fixture);
  fields = SHOWN (fixture->window->field_list);
  households = SHOWN (fixture->window->household_list);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, FURROW_DEMO_N_FIELDS);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, FURROW_DEMO_N_HOUSEHOLDS);

  /* Fields come sorted by code; the first row is on screen with its code and mu. */
  first_field = g_list_model_get_item (fields, 0);
  for (guint i = 1; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      g_autoptr(FurrowField) previous = g_list_model_get_item (fields, i - 1);

      g_assert_cmpstr (furrow_field_get_code (previous), <, furrow_field_get_code (field));
    }
  g_assert_nonnull (furrow_test_find_label (window, furrow_field_get_code (first_field)));
  {
    g_autofree char *mu =
      furrow_format_mu_grouped (furrow_field_get_measured_area_m2 (first_field));

    g_assert_nonnull (furrow_test_find_label (window, mu));
  }

  /* The Households view: the first household's code, and its phone masked to 4 digits. */
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  furrow_test_iterate (200);
  first_household = g_list_model_get_item (households, 0);
  g_assert_nonnull (furrow_test_find_label (window, furrow_household_get_code (first_household)));
  {
    const char *phone = furrow_household_get_phone (first_household);
    g_autofree char *masked = furrow_register_mask_personal (phone);

    g_assert_cmpuint (strlen (phone), ==, 11);
    g_assert_true (g_str_has_suffix (masked, phone + 7));
    g_assert_nonnull (furrow_test_find_label (window, masked));
    g_assert_null (furrow_test_find_label (window, phone));
  }
  save_screenshot (fixture, "furrow-households.png");

  /* Seasons: the demo's settled one (furrow-demo.h), so no empty state. */
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "seasons");
  furrow_test_iterate (100);
  g_assert_nonnull (furrow_test_find_label (window, FURROW_DEMO_SEASON));
  g_assert_null (furrow_test_find_label (window, "No Seasons Yet"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/demo-lists", Fixture, fixture_set_up,
                     test_demo_lists, furrow_test_window_tear_down);

static guint
count_matching_households (GListModel *households,
                           const char *text)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);

      if (strstr (furrow_household_get_name (household), text) != NULL ||
          strstr (furrow_household_get_code (household), text) != NULL)
        n++;
    }
  return n;
}

static void
search_for (Fixture    *fixture,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), text);
  /* GtkSearchEntry waits 150 ms before search-changed; the rows are bound at the next frame
   * (on a loaded machine 400 ms may pass without one). */
  furrow_test_iterate (400);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

/* Ctrl+F search over names and codes: "张" and a CBFBM code filter the rows. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GListModel) all = NULL;
  g_autofree char *code = g_strconcat (FURROW_DEMO_VILLAGE_CODE, "0042", NULL);
  GListModel *shown;
  guint expected;

  open_demo (fixture);
  all = furrow_store_get_households (furrow_window_get_store (fixture->window));
  expected = count_matching_households (all, "张");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, FURROW_DEMO_N_HOUSEHOLDS);

  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  furrow_test_iterate (100);
  g_assert_true (gtk_search_bar_get_search_mode (fixture->window->search_bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->window->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (fixture->window->search_entry)));

  search_for (fixture, "张");
  shown = SHOWN (fixture->window->household_list);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (shown, i);

      g_assert_nonnull (strstr (furrow_household_get_name (household), "张"));
    }
  {
    g_autoptr(FurrowHousehold) first = g_list_model_get_item (shown, 0);

    g_assert_nonnull (furrow_test_find_label (window, furrow_household_get_name (first)));
  }
  save_screenshot (fixture, "furrow-search.png");

  /* A whole household code finds that one household. */
  search_for (fixture, code);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (furrow_test_find_label (window, code));

  /* The Fields view filters by the same text: field codes (T09) and names. */
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "fields");
  search_for (fixture, "t09");
  g_assert_cmpuint (g_list_model_get_n_items (
                      SHOWN (fixture->window->field_list)), ==, 1);

  /* Nothing found: the status page says so. */
  search_for (fixture, "不存在的名字");
  g_assert_cmpuint (g_list_model_get_n_items (
                      SHOWN (fixture->window->field_list)), ==, 0);
  g_assert_nonnull (furrow_test_find_label (window, "No Results Found"));

  /* Clearing the search shows every row again. */
  search_for (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (
                      SHOWN (fixture->window->field_list)), ==,
                    FURROW_DEMO_N_FIELDS);
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/search", Fixture, fixture_set_up, test_search,
                     furrow_test_window_tear_down);

/* Selecting a row sets the window's selected-field and fills the details pane; setting
 * selected-field (as a map click does) selects and scrolls to the row. */
static void
test_select_field (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkSelectionModel *shown;
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(FurrowField) last = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *measured_mu = NULL;
  g_autofree char *registered_mu = NULL;
  g_autofree char *n_parcels = NULL;
  FurrowField *selected = NULL;
  guint notified = 0;

  open_demo (fixture);
  g_signal_connect (fixture->window, "notify::selected-field", G_CALLBACK (count_notify_cb),
                    &notified);
  shown = GTK_SELECTION_MODEL (SHOWN (fixture->window->field_list));
  field = g_list_model_get_item (G_LIST_MODEL (shown), 3);
  g_assert_true (gtk_selection_model_select_item (shown, 3, TRUE));
  furrow_test_iterate (200);

  g_assert_cmpuint (notified, ==, 1);
  g_object_get (fixture->window, "selected-field", &selected, NULL);
  g_assert_true (selected == field);
  g_clear_object (&selected);

  /* The details pane: name, code, mu to 0.01 as the core formats them, parcels. */
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->details_revealer));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==,
                   "field");
  measured = furrow_format_mu_grouped (furrow_field_get_measured_area_m2 (field));
  registered = furrow_format_mu_grouped (furrow_field_get_registered_area_m2 (field));
  measured_mu = g_strdup_printf ("%s mu", measured);
  registered_mu = g_strdup_printf ("%s mu", registered);
  g_assert_cmpstr (gtk_label_get_text (fixture->window->field_name_label), ==,
                   furrow_field_get_name (field));
  g_assert_cmpstr (gtk_label_get_text (fixture->window->field_code_label), ==,
                   furrow_field_get_code (field));
  g_assert_nonnull (furrow_test_find_label (window, measured_mu));
  g_assert_nonnull (furrow_test_find_label (window, registered_mu));
  parcels = furrow_store_get_parcels (furrow_window_get_store (fixture->window));
  n_parcels = g_strdup_printf ("%u", furrow_register_field_parcels (parcels,
                                                                    furrow_field_get_id (field)));
  g_assert_cmpuint (atoi (n_parcels), >, 0);
  g_assert_cmpstr (gtk_label_get_text (fixture->window->field_parcels_label), ==, n_parcels);
  save_screenshot (fixture, "furrow-field-selected.png");

  /* From the map: the last field, far down the list, becomes the selected row. */
  last = g_list_model_get_item (G_LIST_MODEL (shown), FURROW_DEMO_N_FIELDS - 1);
  g_object_set (fixture->window, "selected-field", last, NULL);
  furrow_test_iterate (200);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (gtk_selection_model_is_selected (shown, FURROW_DEMO_N_FIELDS - 1));
  g_assert_false (gtk_selection_model_is_selected (shown, 3));
  g_assert_cmpstr (gtk_label_get_text (fixture->window->field_name_label), ==,
                   furrow_field_get_name (last));
  /* Scrolled: the last row's code is on screen. */
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window->field_list),
                                            furrow_field_get_code (last)));

  /* Clearing the selection. */
  furrow_window_select_field (fixture->window, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_false (gtk_selection_model_is_selected (shown, FURROW_DEMO_N_FIELDS - 1));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==, "none");
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/select-field", Fixture, fixture_set_up,
                     test_select_field, furrow_test_window_tear_down);

static void
show_on_map_cb (FurrowWindow     *window,
                FurrowHousehold  *household,
                FurrowHousehold **shown)
{
  g_set_object (shown, household);
}

/* "Show on Map" on a household emits show-on-map with it. */
static void
test_show_on_map (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkSelectionModel *shown;
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(FurrowHousehold) on_map = NULL;

  open_demo (fixture);
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  g_signal_connect (fixture->window, "show-on-map", G_CALLBACK (show_on_map_cb), &on_map);
  shown = GTK_SELECTION_MODEL (SHOWN (fixture->window->household_list));
  household = g_list_model_get_item (G_LIST_MODEL (shown), 7);
  gtk_selection_model_select_item (shown, 7, TRUE);
  furrow_test_iterate (100);
  g_assert_true (furrow_window_get_selected_household (fixture->window) == household);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-household-on-map", NULL));
  g_assert_true (on_map == household);
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/show-on-map", Fixture, fixture_set_up,
                     test_show_on_map, furrow_test_window_tear_down);

/* Sets the registered area of `parcel` (the store's live object) through the store, as another
 * page, an undo or the CLI's edit would: not through any widget of the window. */
static void
set_registered_area (FurrowStore  *store,
                     FurrowParcel *parcel,
                     double        area_m2)
{
  g_autoptr(GError) error = NULL;

  furrow_parcel_set_registered_area_m2 (parcel, area_m2);
  g_assert_true (furrow_store_update_parcel (store, parcel, &error));
  g_assert_no_error (error);
}

/* `text` on screen in `widget`, waiting up to 10 s for the row scrolled to to be laid out. */
static GtkWidget *
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *label;

  while ((label = furrow_test_find_label (widget, text)) == NULL &&
         g_get_monotonic_time () < deadline)
    furrow_test_iterate (50);
  return label;
}

static char *
mu_text (double   area_m2,
         gboolean unit)
{
  g_autofree char *number = furrow_format_mu_grouped (area_m2);

  return unit ? g_strdup_printf ("%s mu", number) : g_steal_pointer (&number);
}

/* The views follow the store (docs/architecture.md, The change signals): a parcel's registered
 * area changed through the store shows, with nothing else called, in the household's row of
 * the Households list and on its household page (the household's registered total), then in
 * the field's row of the Fields list and in the details pane (the field's registered area). */
static void
test_store_change (Fixture       *fixture,
                   gconstpointer  data)
{
  FurrowStore *store;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GListModel) households = NULL;
  FurrowParcel *parcel = NULL;
  FurrowField *field;
  FurrowHousehold *household = NULL;
  FurrowHouseholdSummary summary = { 0 };
  g_autofree char *list_text = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *field_list_text = NULL;
  g_autofree char *details_text = NULL;

  open_demo (fixture);
  store = furrow_window_get_store (fixture->window);
  parcels = furrow_store_get_parcels (store);
  households = furrow_store_get_households (store);
  for (guint i = 0; parcel == NULL && i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) item = g_list_model_get_item (parcels, i);

      if (furrow_parcel_get_field_id (item) > 0 && furrow_parcel_get_household_code (item) != NULL)
        parcel = item;  /* the model holds it */
    }
  g_assert_nonnull (parcel);
  field = furrow_store_get_field_by_id (store, furrow_parcel_get_field_id (parcel));
  g_assert_nonnull (field);
  for (guint i = 0; household == NULL && i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) item = g_list_model_get_item (households, i);

      if (g_strcmp0 (furrow_household_get_code (item),
                     furrow_parcel_get_household_code (parcel)) == 0)
        household = item;
    }
  g_assert_nonnull (household);

  /* The household shown in its list and on its page; then 1.5 mu more for one of its parcels. */
  furrow_window_select_household (fixture->window, household);
  furrow_test_iterate (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==,
                   "household");
  g_assert_nonnull (wait_for_label (GTK_WIDGET (fixture->window->household_list),
                                    furrow_household_get_code (household)));
  set_registered_area (store, parcel,
                       furrow_parcel_get_registered_area_m2 (parcel) + furrow_mu_to_m2 (1.5));
  furrow_test_iterate (200);
  furrow_register_household_summary (parcels, furrow_household_get_code (household), &summary);
  list_text = mu_text (summary.registered_m2, FALSE);
  page_text = mu_text (summary.registered_m2, TRUE);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window->household_list),
                                            list_text));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window->household_page),
                                            page_text));

  /* The field shown in its list and in the details pane; then 2 mu less for the parcel. */
  furrow_window_select_field (fixture->window, field);
  furrow_test_iterate (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==,
                   "field");
  g_assert_nonnull (wait_for_label (GTK_WIDGET (fixture->window->field_list),
                                    furrow_field_get_code (field)));
  set_registered_area (store, parcel,
                       furrow_parcel_get_registered_area_m2 (parcel) - furrow_mu_to_m2 (2.0));
  furrow_test_iterate (200);
  field_list_text = mu_text (furrow_field_get_registered_area_m2 (field), FALSE);
  details_text = mu_text (furrow_field_get_registered_area_m2 (field), TRUE);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window->field_list),
                                            field_list_text));
  g_assert_cmpstr (gtk_label_get_text (fixture->window->field_registered_label), ==,
                   details_text);
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/store-change", Fixture, fixture_set_up,
                     test_store_change, furrow_test_window_tear_down);

/* Recent projects: newest first, no duplicates, at most 8, in the projects menu. */
static void
test_recent (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(GStrv) recent = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("coop-%u.gpkg", i);
      g_autofree char *path = g_build_filename (fixture->base.tmpdir, name, NULL);
      g_autoptr(FurrowStore) store = furrow_store_create (path, NULL);

      g_assert_nonnull (store);
      g_clear_object (&store);
      g_assert_true (furrow_window_open_project (fixture->window, path, NULL));
    }
  {
    g_autofree char *again = g_build_filename (fixture->base.tmpdir, "coop-5.gpkg", NULL);
    g_autoptr(GVariant) target = g_variant_new_string (again);

    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window),
                                                       "win.open-recent", target));
    g_assert_cmpstr (furrow_window_get_project_path (fixture->window), ==, again);
  }
  recent = g_settings_get_strv (fixture->base.settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 8);
  g_assert_true (g_str_has_suffix (recent[0], "coop-5.gpkg"));
  g_assert_true (g_str_has_suffix (recent[1], "coop-9.gpkg"));
  g_assert_true (g_str_has_suffix (recent[7], "coop-2.gpkg"));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (fixture->window->recent_section)), ==, 8);

  /* An empty project: the lists say what to do next. */
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window),
                                            "Import fields or draw them on the map"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/recent", Fixture, fixture_set_up, test_recent,
                     furrow_test_window_tear_down);

/* Save a copy: an online backup that opens with the same fields. */
static void
test_save_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->base.tmpdir, "copy.gpkg", NULL);
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;

  open_demo (fixture);
  /* The action needs a file chooser; the store call behind it is what matters here. */
  g_assert_true (furrow_store_backup (furrow_window_get_store (fixture->window), copy, &error));
  g_assert_no_error (error);
  store = furrow_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_fields (store, NULL), ==, FURROW_DEMO_N_FIELDS);
}
FURROW_TEST_FIXTURE ("/furrow/gui/register-views/save-copy", Fixture, fixture_set_up,
                     test_save_copy, furrow_test_window_tear_down);

/* The very first start (no last project) creates the demo cooperative in
 * $XDG_DATA_HOME/furrow/demo.gpkg and opens it; it becomes the last and recent project. */
static void
test_first_start (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "furrow", "demo.gpkg", NULL);
  g_autoptr(FurrowApplication) app = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;
  FurrowWindow *window;

  furrow_test_reset_settings ();
  g_remove (path);
  app = furrow_test_application_new ();
  g_application_activate (G_APPLICATION (app));
  window = FURROW_WINDOW (furrow_test_find_toplevel (FURROW_TYPE_WINDOW));
  g_assert_nonnull (window);
  furrow_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (furrow_window_get_project_path (window), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (SHOWN (window->field_list)),
                    ==, FURROW_DEMO_N_FIELDS);
  last = g_settings_get_string (furrow_application_get_settings (app), "last-project");
  g_assert_cmpstr (last, ==, path);
  recent = g_settings_get_strv (furrow_application_get_settings (app), "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, path);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (window), "demo.gpkg"));

  furrow_test_destroy_windows ();
}
FURROW_TEST ("/furrow/gui/register-views/first-start", test_first_start);

FURROW_TEST_GUI_MAIN ();
