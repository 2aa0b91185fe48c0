/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The season overview in the main window (issue 7 items 2 and 7): a season created through the
 * New Season dialog, 2+4 applied to every field from the overview page, and the table and its
 * totals checked against an independent computation — the layouts and predictions of
 * furrow_plan_batch() on the store's fields and the money formulas of docs/domain.md §7 worked here
 * from the season's prices, cost items and subsidy; 4+6 applied to two selected fields changes
 * only those two; undo brings 2+4 back; a settled season is locked and refuses. */

#include "config.h"

#include <math.h>

#include "furrow-demo.h"
#include "furrow-new-season-dialog.h"
#include "furrow-planner-panel.h"
#include "furrow-season-comparison-window.h"
#include "furrow-plan-batch.h"
#include "furrow-season-field-row.h"
#include "furrow-season-overview-page.h"
#include "furrow-store-season.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-window-seasons.h"
#include "furrow-test-gui.h"
#include "furrow-comparison-chart-testing.h"
#include "furrow-planner-panel-testing.h"
#include "furrow-new-season-dialog-testing.h"
#include "furrow-season-comparison-window-testing.h"
#include "furrow-season-overview-page-testing.h"
#include "furrow-season-view-testing.h"

#define SEASON_NAME "2027 test strips"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1400, 800, "season-overview.gpkg", 200);
}

static gint64
round_fen (double x)
{
  return (gint64) (x < 0 ? -floor (-x + 0.5) : floor (x + 0.5));
}

/* The plans of the season by field id: preset of each. */
static GHashTable *
stored_presets (FurrowStore  *store,
                FurrowSeason *season)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plans = furrow_store_get_plans (store, season, &error);
  GHashTable *presets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);
      gint64 *id = g_memdup2 (&plan->field_id, sizeof (gint64));

      g_hash_table_insert (presets, id, g_strdup (plan->preset));
    }
  return presets;
}

/* The overview page of the season view (shown or not). */
static FurrowSeasonOverviewPage *
overview_page (FurrowSeasonView *view)
{
  GtkWidget *page = furrow_test_find_widget (GTK_WIDGET (view), FURROW_TYPE_SEASON_OVERVIEW_PAGE);

  g_assert_nonnull (page);
  return FURROW_SEASON_OVERVIEW_PAGE (page);
}

/* The page's row of a field (transfer none: the selection model holds it). */
static const FurrowSeasonTableRow *
page_row (FurrowSeasonOverviewPage *page,
          gint64                    field_id)
{
  GListModel *rows = G_LIST_MODEL (furrow_season_overview_page_get_selection (page));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(FurrowSeasonFieldRow) item = g_list_model_get_item (rows, i);

      if (furrow_season_field_row_get (item)->field_id == field_id)
        return furrow_season_field_row_get (item);
    }
  return NULL;
}

/* Every row the page shows equals the independent computation for `preset` on every field, and
 * the totals it shows are the sums of those rows. */
static void
check_rows_all (FurrowWindow             *window,
                FurrowSeasonOverviewPage *page,
                FurrowSeason             *season,
                const char               *preset)
{
  FurrowStore *store = furrow_window_get_store (window);
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  guint n = g_list_model_get_n_items (fields);
  g_autofree FurrowGeometry **geometries = g_new0 (FurrowGeometry *, n);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const FurrowSeasonTable *table = furrow_season_overview_page_get_table (page);
  FurrowPattern pattern;
  FurrowYieldModel model;
  double sum_planted = 0, sum_kg[FURROW_N_CROPS] = { 0, 0 };
  gint64 sum_revenue = 0, sum_cost = 0, sum_net = 0;
  gint64 maize_cost = furrow_season_cost_fen_per_mu (season, FURROW_CROP_MAIZE, 0);
  gint64 soy_cost = furrow_season_cost_fen_per_mu (season, FURROW_CROP_SOYBEAN, 0);
  double maize_price = furrow_season_get_price (season, FURROW_CROP_MAIZE)->price_fen_per_kg;
  double soy_price = furrow_season_get_price (season, FURROW_CROP_SOYBEAN)->price_fen_per_kg;

  g_assert_nonnull (table);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (furrow_season_overview_page_get_selection (page))),
                    ==, n);
  g_assert_true (furrow_pattern_preset (preset, &pattern));
  g_assert_true (furrow_yield_model_preset ("practical", &model, NULL));
  for (guint i = 0; i < n; i++)
    {
      FurrowField *field = g_list_model_get_item (fields, i);

      g_ptr_array_add (keep, field);
      geometries[i] = furrow_field_get_geometry (field);
    }
  results = furrow_plan_batch ((FurrowGeometry * const *) geometries, n, &pattern, &model,
                               FURROW_LAYOUT_QUANTITIES_ONLY, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      FurrowField *field = g_ptr_array_index (keep, i);
      FurrowPlanResult *result = g_ptr_array_index (results, i);
      const FurrowSeasonTableRow *row = page_row (page, furrow_field_get_id (field));
      double custody_m2 = 0;
      gint64 cmu;
      gint64 revenue, cost, subsidy;

      for (guint k = 0; k < g_list_model_get_n_items (parcels); k++)
        {
          g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, k);

          if (furrow_parcel_get_field_id (parcel) == furrow_field_get_id (field) &&
              furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_FULL)
            custody_m2 += furrow_parcel_get_registered_area_m2 (parcel);
        }
      cmu = (gint64) floor (custody_m2 * 15.0 / 10000.0 * 100.0 + 0.5);
      revenue = round_fen (result->prediction.yield_kg[FURROW_CROP_MAIZE] * maize_price) +
                round_fen (result->prediction.yield_kg[FURROW_CROP_SOYBEAN] * soy_price);
      cost = round_fen (maize_cost * cmu / 100.0) + round_fen (soy_cost * cmu / 100.0);
      subsidy = round_fen (15000.0 * cmu / 100.0);   /* strip subsidy 150 yuan/mu */

      g_assert_nonnull (row);
      g_assert_true (row->planned);
      g_assert_cmpstr (row->preset, ==, preset);
      g_assert_cmpfloat_with_epsilon (row->planted_area_m2,
                                      result->layout->crop[FURROW_CROP_MAIZE].band_area_m2 +
                                      result->layout->crop[FURROW_CROP_SOYBEAN].band_area_m2,
                                      1e-6);
      /* planted ≤ measured on every field */
      g_assert_cmpfloat (row->planted_area_m2, <=, furrow_field_get_measured_area_m2 (field));
      g_assert_cmpfloat (row->planted_area_m2, >, 0);
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        g_assert_cmpfloat_with_epsilon (row->yield_kg[c], result->prediction.yield_kg[c], 1e-6);
      g_assert_cmpint (row->revenue_fen, ==, revenue);
      g_assert_cmpint (row->cost_fen, ==, cost);
      g_assert_cmpint (row->net_fen, ==, revenue + subsidy - cost);

      sum_planted += row->planted_area_m2;
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        sum_kg[c] += result->prediction.yield_kg[c];
      sum_revenue += revenue;
      sum_cost += cost;
      sum_net += revenue + subsidy - cost;
    }

  /* The totals: the sums of the rows, and on screen as such. */
  g_assert_cmpfloat_with_epsilon (table->total.planted_area_m2, sum_planted, 1e-6);
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    g_assert_cmpfloat_with_epsilon (table->total.yield_kg[c], sum_kg[c], 1e-6);
  g_assert_cmpint (table->total.revenue_fen, ==, sum_revenue);
  g_assert_cmpint (table->total.cost_fen, ==, sum_cost);
  g_assert_cmpint (table->total.net_fen, ==, sum_net);
  {
    g_autofree char *yuan = furrow_format_yuan (sum_net);
    g_autofree char *net = g_strdup_printf ("Net %s", yuan);
    g_autofree char *revenue_yuan = furrow_format_yuan (sum_revenue);
    g_autofree char *revenue = g_strdup_printf ("Revenue %s", revenue_yuan);
    g_autofree char *mu = furrow_format_mu_grouped (sum_planted);
    g_autofree char *planted = g_strdup_printf ("Planted %s mu", mu);
    /* Grouped as the amounts are, whatever the locale (furrow_format_number(), test-units). */
    g_autofree char *maize_kg = furrow_format_number (sum_kg[FURROW_CROP_MAIZE], 0);
    g_autofree char *kg = g_strdup_printf ("Maize %s kg", maize_kg);
    g_autofree char *summary = g_strdup_printf ("%u of %u fields planned", n, n);

    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), net));
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), revenue));
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), planted));
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), kg));
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), summary));
  }
}

static void
test_apply_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  FurrowWindow *window = fixture->window;
  FurrowStore *store = furrow_window_get_store (window);
  FurrowSeasonView *view = furrow_window_get_season_view (window);
  FurrowNewSeasonDialog *dialog;
  FurrowSeasonOverviewPage *page;
  FurrowSeason *season;
  g_autoptr(FurrowSeason) stored = NULL;
  g_autoptr(GHashTable) presets = NULL;
  g_autoptr(GError) error = NULL;
  gint64 chosen[2];
  gint64 start_us;

  /* The Seasons list (the demo's settled season in it, furrow-demo.h) offers the dialog; the
   * name typed, Create pressed. */
  adw_view_stack_set_visible_child_name (window->view_stack, "seasons");
  furrow_test_iterate (100);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (window->season_list),
                                            FURROW_DEMO_SEASON));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-season", NULL));
  furrow_test_iterate (100);
  dialog = FURROW_NEW_SEASON_DIALOG (furrow_test_find_toplevel (FURROW_TYPE_NEW_SEASON_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (furrow_new_season_dialog_get_name (dialog), "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (furrow_new_season_dialog_get_name (dialog), SEASON_NAME);
  gtk_spin_button_set_value (furrow_new_season_dialog_get_year (dialog), 2027);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 5, "new-season-dialog.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  furrow_test_iterate (300);

  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_nonnull (stored);
  g_assert_cmpuint (furrow_season_get_crop_year (stored), ==, 2027);
  g_assert_cmpint (furrow_season_get_state (stored), ==, FURROW_SEASON_PLANNING);
  /* …and shown, on its overview. */
  season = furrow_season_view_get_season (view);
  g_assert_nonnull (season);
  g_assert_cmpint (furrow_season_get_id (season), ==, furrow_season_get_id (stored));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "season");
  g_assert_cmpstr (furrow_season_view_get_visible_page (view), ==, "overview");
  page = overview_page (view);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), "0 of 40 fields planned"));

  /* 2+4 on every field, from the page's action. */
  g_assert_true (furrow_season_overview_page_choose (page, "2+4", "practical"));
  start_us = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "overview.apply-all", NULL));
  g_test_message ("planned and re-read 40 fields in %.1f ms",
                  (g_get_monotonic_time () - start_us) / 1000.0);
  furrow_test_iterate (200);
  presets = stored_presets (store, season);
  g_assert_cmpuint (g_hash_table_size (presets), ==, FURROW_DEMO_N_FIELDS);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, presets);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_assert_cmpstr (value, ==, "2+4");
  }
  check_rows_all (window, page, season, "2+4");

  /* Sortable: by net, largest first. */
  {
    GtkColumnView *columns = GTK_COLUMN_VIEW (furrow_test_find_widget (GTK_WIDGET (page),
                                                                       GTK_TYPE_COLUMN_VIEW));
    GListModel *list = gtk_column_view_get_columns (columns);
    GListModel *rows = G_LIST_MODEL (furrow_season_overview_page_get_selection (page));
    g_autoptr(GtkColumnViewColumn) net = NULL;

    /* The column titled Net, after Revenue and Cost. */
    for (guint i = 0; i < g_list_model_get_n_items (list) && net == NULL; i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Net") == 0)
          net = g_steal_pointer (&column);
      }
    g_assert_nonnull (net);
    gtk_column_view_sort_by_column (columns, net, GTK_SORT_DESCENDING);
    for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(FurrowSeasonFieldRow) a = g_list_model_get_item (rows, i - 1);
        g_autoptr(FurrowSeasonFieldRow) b = g_list_model_get_item (rows, i);

        g_assert_cmpint (furrow_season_field_row_get (a)->net_fen, >=,
                         furrow_season_field_row_get (b)->net_fen);
      }
    gtk_column_view_sort_by_column (columns, NULL, GTK_SORT_ASCENDING);
  }
  furrow_test_save_widget_screenshot (GTK_WIDGET (window), 5, "season-overview.png");

  /* 4+6 on two selected rows: only those two change. */
  {
    GtkSelectionModel *selection = furrow_season_overview_page_get_selection (page);
    g_autoptr(FurrowSeasonFieldRow) a = g_list_model_get_item (G_LIST_MODEL (selection), 2);
    g_autoptr(FurrowSeasonFieldRow) b = g_list_model_get_item (G_LIST_MODEL (selection), 9);

    chosen[0] = furrow_season_field_row_get (a)->field_id;
    chosen[1] = furrow_season_field_row_get (b)->field_id;
    gtk_selection_model_select_item (selection, 2, TRUE);
    gtk_selection_model_select_item (selection, 9, FALSE);
  }
  g_assert_true (furrow_season_overview_page_choose (page, "4+6", "practical"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "overview.apply-selected", NULL));
  furrow_test_iterate (200);
  g_clear_pointer (&presets, g_hash_table_unref);
  presets = stored_presets (store, season);
  g_assert_cmpuint (g_hash_table_size (presets), ==, FURROW_DEMO_N_FIELDS);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, presets);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        gint64 id = *(gint64 *) key;
        gboolean changed = id == chosen[0] || id == chosen[1];

        g_assert_cmpstr (value, ==, changed ? "4+6" : "2+4");
        g_assert_cmpstr (page_row (page, id)->preset, ==, changed ? "4+6" : "2+4");
      }
  }
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), "4+6"));

  /* Undo: 2+4 everywhere again, in the file and on the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  furrow_test_iterate (200);
  g_clear_pointer (&presets, g_hash_table_unref);
  presets = stored_presets (store, season);
  g_assert_cmpstr (g_hash_table_lookup (presets, &chosen[0]), ==, "2+4");
  g_assert_cmpstr (g_hash_table_lookup (presets, &chosen[1]), ==, "2+4");
  check_rows_all (window, page, season, "2+4");

  /* Read in a thread, as for a large project: Apply waits, then the same table is shown. */
  furrow_season_overview_page_set_async_fields (page, 0);
  {
    g_autoptr(FurrowSeason) shown = g_object_ref (furrow_season_view_get_season (view));

    furrow_season_view_set_season (view, NULL);
    furrow_season_view_set_season (view, shown);
  }
  g_assert_true (furrow_season_overview_page_get_busy (page));
  g_assert_false (gtk_widget_get_sensitive (furrow_test_find_widget (GTK_WIDGET (page),
                                                                     GTK_TYPE_MENU_BUTTON)));
  for (guint i = 0; i < 100 && furrow_season_overview_page_get_busy (page); i++)
    furrow_test_iterate (100);
  g_assert_false (furrow_season_overview_page_get_busy (page));
  g_assert_true (gtk_widget_get_sensitive (furrow_test_find_widget (GTK_WIDGET (page),
                                                                    GTK_TYPE_MENU_BUTTON)));
  check_rows_all (window, page, season, "2+4");
  furrow_season_overview_page_set_async_fields (page, G_MAXUINT);

  /* Settled through the store as the CLI does (a harvest, then settle): locked and refused. */
  {
    g_autoptr(FurrowSeason) copy = furrow_store_find_season (store, SEASON_NAME);
    g_autoptr(FurrowField) field = g_list_model_get_item (furrow_store_get_fields (store), 0);
    g_autoptr(GHashTable) before = NULL;

    g_assert_true (furrow_store_set_harvest (store, copy, field, FURROW_CROP_MAIZE, 100000,
                                             24000000, &error));
    g_assert_no_error (error);
    g_assert_true (furrow_store_settle_season (store, copy, NULL, &error));
    g_assert_no_error (error);
    furrow_test_iterate (200);
    season = furrow_season_view_get_season (view);
    g_assert_true (furrow_season_is_read_only (season));
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page),
                                              "This season is settled and read-only: reopen it "
                                              "to change its plans"));
    g_assert_false (gtk_widget_get_sensitive (furrow_test_find_widget (GTK_WIDGET (page),
                                                                       GTK_TYPE_MENU_BUTTON)));
    before = stored_presets (store, season);
    g_assert_false (furrow_season_overview_page_apply (page, TRUE, &error));
    g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_clear_pointer (&presets, g_hash_table_unref);
    presets = stored_presets (store, season);
    g_assert_cmpuint (g_hash_table_size (presets), ==, g_hash_table_size (before));
    g_assert_cmpstr (g_hash_table_lookup (presets, &chosen[0]), ==, "2+4");
    /* Deleting it is refused too. */
    g_assert_null (furrow_window_delete_season (window, season));
    g_assert_nonnull (furrow_store_find_season (store, SEASON_NAME));
  }
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-overview/apply-and-undo", Fixture, fixture_set_up,
                     test_apply_and_undo, furrow_test_window_tear_down);

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowWindow *window = fixture->window;
  FurrowStore *store = furrow_window_get_store (window);
  FurrowSeasonView *view = furrow_window_get_season_view (window);
  FurrowNewSeasonDialog *dialog;
  AdwMessageDialog *confirm;
  FurrowSeasonOverviewPage *page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) presets = NULL;
  g_autoptr(FurrowSeason) restored = NULL;

  dialog = furrow_window_new_season (window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (furrow_new_season_dialog_get_name (dialog), SEASON_NAME);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  furrow_test_iterate (200);
  page = overview_page (view);
  g_assert_true (furrow_season_overview_page_choose (page, "4+6", "practical"));
  g_assert_true (furrow_season_overview_page_apply (page, TRUE, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);

  /* Deleted after the confirmation… */
  confirm = furrow_window_delete_season (window, furrow_season_view_get_season (view));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "delete");
  furrow_test_iterate (200);
  g_assert_null (furrow_store_find_season (store, SEASON_NAME));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "map");

  /* …and back with its plans on undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  furrow_test_iterate (200);
  restored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_nonnull (restored);
  presets = stored_presets (store, restored);
  g_assert_cmpuint (g_hash_table_size (presets), ==, FURROW_DEMO_N_FIELDS);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "season");
  g_assert_cmpint (furrow_season_get_id (furrow_season_view_get_season (view)), ==,
                   furrow_season_get_id (restored));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-overview/delete-and-undo", Fixture, fixture_set_up,
                     test_delete_and_undo, furrow_test_window_tear_down);

static const FurrowSeasonPlan *
find_plan (GArray *plans,
           gint64  field_id)
{
  for (guint i = 0; i < plans->len; i++)
    if (g_array_index (plans, FurrowSeasonPlan, i).field_id == field_id)
      return &g_array_index (plans, FurrowSeasonPlan, i);
  return NULL;
}

/* The planner's "Apply to Season": a field tuned in the planner lands in the season last shown,
 * and the overview shows it. */
static void
test_planner_apply (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowWindow *window = fixture->window;
  FurrowStore *store = furrow_window_get_store (window);
  FurrowSeasonView *view = furrow_window_get_season_view (window);
  FurrowPlannerPanel *panel = furrow_window_get_planner_panel (window);
  FurrowSeasonOverviewPage *page;
  g_autoptr(FurrowSeason) other = furrow_season_new ("2026 other", 2026);
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON_NAME, 2027);
  g_autoptr(FurrowSeason) target = NULL;
  g_autoptr(FurrowField) field = g_list_model_get_item (furrow_store_get_fields (store), 5);
  g_autoptr(GError) error = NULL;
  FurrowSeason *season = NULL;
  AdwComboRow *preset_row;
  guint index_46 = 0;

  g_assert_true (furrow_store_add_season (store, draft, &error));
  g_assert_true (furrow_store_add_season (store, other, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
  {
    g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

    for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
      {
        g_autoptr(FurrowSeason) s = g_list_model_get_item (seasons, i);

        if (g_strcmp0 (furrow_season_get_name (s), SEASON_NAME) == 0)
          season = s;
      }
  }
  g_assert_nonnull (season);
  /* Shown last: the planner offers it first (not the latest added). */
  furrow_window_show_season (window, season);
  furrow_test_iterate (100);
  adw_view_stack_set_visible_child_name (window->view_stack, "fields");
  furrow_window_select_field (window, field);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-field", NULL));
  furrow_test_iterate (200);
  target = furrow_planner_panel_dup_target_season (panel);
  g_assert_nonnull (target);
  g_assert_cmpint (furrow_season_get_id (target), ==, furrow_season_get_id (season));

  preset_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                             FURROW_TYPE_PLANNER_PANEL,
                                                             "preset_row"));
  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_str_equal (furrow_pattern_preset_info (i)->id, "4+6"))
      index_46 = i;
  adw_combo_row_set_selected (preset_row, index_46);
  furrow_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "planner.apply-to-season", NULL));
  furrow_test_iterate (100);
  {
    g_autoptr(GArray) plans = furrow_store_get_plans (store, season, &error);
    const FurrowSeasonPlan *plan;

    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 1);
    plan = find_plan (plans, furrow_field_get_id (field));
    g_assert_nonnull (plan);
    g_assert_cmpstr (plan->preset, ==, "4+6");
    g_assert_cmpuint (plan->pattern.maize_rows, ==, 4);
    g_assert_cmpuint (plan->pattern.soy_rows, ==, 6);
  }

  /* Tuned (5 soybean rows): stored as a custom plan of 4 + 5 rows. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                                             FURROW_TYPE_PLANNER_PANEL,
                                                                             "soy_rows_spin")), 5);
  furrow_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "planner.apply-to-season", NULL));
  furrow_test_iterate (100);
  {
    g_autoptr(GArray) plans = furrow_store_get_plans (store, season, &error);
    const FurrowSeasonPlan *plan = find_plan (plans, furrow_field_get_id (field));

    g_assert_nonnull (plan);
    g_assert_cmpstr (plan->preset, ==, "");
    g_assert_cmpuint (plan->pattern.soy_rows, ==, 5);
  }

  /* The overview shows the field planned, as a custom pattern, with the planner's figures. */
  furrow_window_show_season (window, season);
  furrow_test_iterate (200);
  page = overview_page (view);
  g_assert_cmpuint (furrow_season_overview_page_get_table (page)->n_planned, ==, 1);
  g_assert_true (page_row (page, furrow_field_get_id (field))->planned);
  g_assert_cmpfloat_with_epsilon (page_row (page, furrow_field_get_id (field))->yield_kg[FURROW_CROP_SOYBEAN],
                                  furrow_planner_panel_get_prediction (panel)->yield_kg[FURROW_CROP_SOYBEAN],
                                  1e-6);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), "Custom"));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), "1 of 40 fields planned"));

  /* Undo: the 4+6 plan again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  furrow_test_iterate (100);
  {
    g_autoptr(GArray) plans = furrow_store_get_plans (store, season, &error);
    const FurrowSeasonPlan *plan = find_plan (plans, furrow_field_get_id (field));

    g_assert_nonnull (plan);
    g_assert_cmpstr (plan->preset, ==, "4+6");
  }

  /* A settled season is no longer offered. */
  {
    g_autoptr(FurrowSeason) copy = furrow_store_find_season (store, SEASON_NAME);
    g_autoptr(FurrowSeason) now = NULL;

    g_assert_true (furrow_store_set_harvest (store, copy, field, FURROW_CROP_MAIZE, 1000, 240000,
                                             &error));
    g_assert_true (furrow_store_settle_season (store, copy, NULL, &error));
    g_assert_no_error (error);
    furrow_test_iterate (100);
    now = furrow_planner_panel_dup_target_season (panel);
    g_assert_nonnull (now);
    g_assert_cmpstr (furrow_season_get_name (now), ==, "2026 other");
  }
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-overview/planner-apply", Fixture, fixture_set_up,
                     test_planner_apply, furrow_test_window_tear_down);

/* Issue 7 item 3 for the whole season: "Compare Patterns" on the overview opens a modal window
 * whose chart is the core's comparison on ALL the demo fields' geometries at once, with the
 * season's prices and costs (not the defaults), under each yield preset; PNG and SVG export. */
static void
test_season_comparison (Fixture       *fixture,
                        gconstpointer  data)
{
  FurrowWindow *window = fixture->window;
  FurrowStore *store = furrow_window_get_store (window);
  FurrowSeasonView *view = furrow_window_get_season_view (window);
  g_autoptr(FurrowSeason) season = furrow_season_new (SEASON_NAME, 2027);
  g_autoptr(FurrowSeason) shown = NULL;
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) geometries = g_ptr_array_new ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) png = NULL;
  g_autofree char *png_path = g_build_filename (fixture->base.tmpdir, "season-chart.png", NULL);
  g_autofree char *svg_path = g_build_filename (fixture->base.tmpdir, "season-chart.svg", NULL);
  g_autofree char *svg = NULL;
  gsize svg_len = 0;
  FurrowSeasonOverviewPage *page;
  FurrowSeasonComparisonWindow *compare = NULL;
  FurrowComparisonChart *chart;
  const FurrowChartComparison *d;
  FurrowPattern patterns[FURROW_CHART_MAX_GROUPS];
  FurrowSeasonRates rates;
  FurrowEconomics economics, defaults;
  gboolean seen_22 = FALSE, seen_24 = FALSE, seen_46 = FALSE;
  gboolean differs_from_defaults = FALSE;

  /* A season whose maize sells at 3.10 yuan/kg (defaults: 2.40) and costs differ. */
  furrow_season_set_price (season, FURROW_CROP_MAIZE, 310.0, 14.0);
  g_assert_true (furrow_store_add_season (store, season, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
  {
    g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

    for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
      {
        g_autoptr(FurrowSeason) s = g_list_model_get_item (seasons, i);

        if (g_strcmp0 (furrow_season_get_name (s), SEASON_NAME) == 0)
          g_set_object (&shown, s);
      }
  }
  g_assert_nonnull (shown);
  furrow_window_show_season (window, shown);
  furrow_test_iterate (200);
  page = overview_page (view);

  /* The button's action opens the window, modal over the main window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "overview.compare", NULL));
  furrow_test_iterate (200);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (FURROW_IS_SEASON_COMPARISON_WINDOW (w))
        compare = FURROW_SEASON_COMPARISON_WINDOW (w);
    }
  g_assert_nonnull (compare);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (compare)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (compare)) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (compare)));
  chart = furrow_season_comparison_window_get_chart (compare);

  /* Issue 13, item 11: it opens big enough for the whole chart — both panels side by side, and
   * nothing to scroll — with the note on why a sole crop's LER is under 1. */
  furrow_test_iterate (200);
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >=,
                     (int) FURROW_CHART_SIDE_BY_SIDE_WIDTH);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), ==,
                     (int) ceil (furrow_chart_comparison_height_for_width (
                                   furrow_comparison_chart_get_data (chart),
                                   gtk_widget_get_width (GTK_WIDGET (chart)))));
    g_assert_cmpfloat (gtk_adjustment_get_upper (v), <=, gtk_adjustment_get_page_size (v) + 0.5);
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (compare),
                                              "LER is counted per mu of the whole field, "
                                              "headlands included. The "
                                              "headlands, where the machines turn, are not "
                                              "sown, so even sole maize or sole soybean comes "
                                              "out a little under the dashed line at LER = 1, "
                                              "e.g. 0.98."));
    furrow_test_save_widget_screenshot (GTK_WIDGET (compare), 50, "season-compare.png");
  }

  /* Independent: the core on every demo field's geometry together, the season's rates. */
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      FurrowField *field = g_list_model_get_item (fields, i);

      g_ptr_array_add (keep, field);
      g_ptr_array_add (geometries, furrow_field_get_geometry (field));
    }
  g_assert_cmpuint (geometries->len, ==, FURROW_DEMO_N_FIELDS);
  furrow_season_get_rates (shown, 0, &rates);
  furrow_economics_init_from_rates (&economics, &rates);
  g_assert_cmpfloat (economics.maize_price_fen_per_kg, ==, 310.0);
  furrow_economics_init_defaults (&defaults);

  d = furrow_comparison_chart_get_data (chart);
  g_assert_cmpuint (d->n_groups, ==, furrow_pattern_n_presets ());
  g_assert_cmpuint (d->n_series, ==, furrow_yield_model_n_presets ());
  g_assert_cmpuint (d->n_series, ==, 3);
  for (guint g = 0; g < d->n_groups; g++)
    {
      const char *id = furrow_pattern_preset_info (g)->id;

      g_assert_true (furrow_pattern_preset (id, &patterns[g]));
      seen_22 |= g_str_equal (id, "2+2");
      seen_24 |= g_str_equal (id, "2+4");
      seen_46 |= g_str_equal (id, "4+6");
    }
  g_assert_true (seen_22 && seen_24 && seen_46);
  for (guint s = 0; s < d->n_series; s++)
    {
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) with_defaults = NULL;
      FurrowYieldModel model;

      g_assert_true (furrow_yield_model_preset (furrow_yield_model_preset_id (s), &model, &error));
      g_assert_no_error (error);
      expected = furrow_comparison_compute ((FurrowGeometry *const *) geometries->pdata,
                                            geometries->len, patterns, d->n_groups, &model,
                                            &economics, &error);
      g_assert_no_error (error);
      with_defaults = furrow_comparison_compute ((FurrowGeometry *const *) geometries->pdata,
                                                 geometries->len, patterns, d->n_groups, &model,
                                                 &defaults, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (expected->len, ==, d->n_groups);
      for (guint i = 0; i < expected->len; i++)
        {
          const FurrowComparisonRow *row = &g_array_index (expected, FurrowComparisonRow, i);

          g_assert_cmpfloat_with_epsilon (d->ler[s][row->input_index], row->ler, 1e-12);
          g_assert_cmpint (d->net_fen_per_mu[s][row->input_index], ==, row->net_fen_per_mu);
          g_assert_cmpfloat (row->ler, >, 0.0);
        }
      for (guint i = 0; i < with_defaults->len; i++)
        {
          const FurrowComparisonRow *row = &g_array_index (with_defaults, FurrowComparisonRow, i);

          if (row->net_fen_per_mu != d->net_fen_per_mu[s][row->input_index])
            differs_from_defaults = TRUE;
        }
    }
  /* The season's dearer maize shows: not the default prices. */
  g_assert_true (differs_from_defaults);
  /* Several fields together are not one field: the season's LER is not the first field's. */
  {
    g_autoptr(GArray) one = NULL;
    FurrowYieldModel model;
    gboolean differs = FALSE;

    g_assert_true (furrow_yield_model_preset (furrow_yield_model_preset_id (0), &model, NULL));
    one = furrow_comparison_compute ((FurrowGeometry *const *) geometries->pdata, 1, patterns,
                                     d->n_groups, &model, &economics, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < one->len; i++)
      {
        const FurrowComparisonRow *row = &g_array_index (one, FurrowComparisonRow, i);

        if (fabs (row->ler - d->ler[0][row->input_index]) > 1e-9)
          differs = TRUE;
      }
    g_assert_true (differs);
  }

  /* PNG and SVG files that exist and parse. */
  g_assert_true (furrow_comparison_chart_export (chart, png_path, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_comparison_chart_export (chart, svg_path, &error));
  g_assert_no_error (error);
  png = gdk_texture_new_from_filename (png_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (png), ==, 640);
  g_assert_cmpint (gdk_texture_get_height (png), >, 400);
  g_assert_true (g_file_get_contents (svg_path, &svg, &svg_len, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "<svg"));
  {
    static const GMarkupParser parser = { 0 };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

    g_assert_true (g_markup_parse_context_parse (context, svg, svg_len, &error));
    g_assert_no_error (error);
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
  }

  furrow_test_save_widget_screenshot (GTK_WIDGET (compare), 5, "season-comparison.png");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 300);
  gtk_window_destroy (GTK_WINDOW (compare));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-overview/season-comparison", Fixture, fixture_set_up,
                     test_season_comparison, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
