/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The season's economics and harvest pages in the real window over the demo cooperative:
 * editing the maize price and a cost item through the widgets writes them to the store to the
 * fen and moves a household's predicted total by what the core prediction says; a split that
 * does not add up to 100 is refused; undo restores the price; harvests entered on the harvest
 * page land in the store and make the season harvested; a settled season refuses edits. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "furrow-roster-row.h"
#include "furrow-item-row.h"
#include "furrow-season-economics-page-testing.h"
#include "furrow-season-harvest-page-testing.h"
#include "furrow-season-page-testing.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"
#include "furrow-season-view-testing.h"

#define SEASON_NAME "2027 秋"
#define REASON      "成员大会决议：留存购置农机"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1280, 800, "season-economics.gpkg", 200);
}

/* A season with the docs/domain.md §7 defaults, every demo field planned 2+4, shown in the
 * window. */
static void
add_and_show_season (Fixture *fixture)
{
  furrow_test_show_new_season (fixture->window, SEASON_NAME, 2027, 200);
}

/* What the core prediction gives the household `code` for `season` (transfer none of code). */
static gint64
predicted_total (FurrowStore  *store,
                 FurrowSeason *season,
                 const char   *code)
{
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autoptr(GError) error = NULL;
  FurrowDistributionResult result;

  in = furrow_store_build_prediction_input (store, season, &error);
  g_assert_no_error (error);
  shares = g_new0 (FurrowDistributionShare, in->input.n_households);
  g_assert_true (furrow_distribution_compute (&in->input, &result, shares, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < in->input.n_households; i++)
    if (g_strcmp0 (in->input.households[i].code, code) == 0)
      return shares[i].total_fen;
  g_assert_not_reached ();
  return 0;
}

static void
assert_preview (FurrowSeasonEconomicsPage *page,
                const char                *code,
                guint                      column,
                const char                *expected)
{
  g_autofree char *text = furrow_season_economics_page_get_preview_text (page, code, column);

  g_assert_cmpstr (text, ==, expected);
}

/* Σ every household's predicted total, added up here. */
static gint64
predicted_sum (FurrowStore  *store,
               FurrowSeason *season)
{
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autoptr(GError) error = NULL;
  FurrowDistributionResult result;
  gint64 sum = 0;

  in = furrow_store_build_prediction_input (store, season, &error);
  g_assert_no_error (error);
  shares = g_new0 (FurrowDistributionShare, in->input.n_households);
  g_assert_true (furrow_distribution_compute (&in->input, &result, shares, &error));
  for (gsize i = 0; i < in->input.n_households; i++)
    sum += shares[i].total_fen;
  /* The roster reconciles: base + dividend − fees. */
  g_assert_cmpint (sum, ==, result.base_total_fen + result.households_dividend_fen -
                            result.fees_fen);
  return sum;
}

static FurrowSeasonEconomicsPage *
economics_page (Fixture *fixture)
{
  return FURROW_SEASON_ECONOMICS_PAGE (furrow_test_show_season_page (
    fixture->window, "economics", FURROW_TYPE_SEASON_ECONOMICS_PAGE, 100));
}

/* A widget of the economics page's template, by its id in the .ui. */
static GtkWidget *
economics_child (FurrowSeasonEconomicsPage *page,
                 const char                *name)
{
  GtkWidget *child = furrow_season_economics_page_get_child (page, name);

  g_assert_nonnull (child);
  return child;
}

static GtkSpinButton *
economics_spin (FurrowSeasonEconomicsPage *page,
                const char                *name)
{
  return GTK_SPIN_BUTTON (economics_child (page, name));
}

/* An amount in yuan of the page's template (furrow-number-entry.h). */
static FurrowNumberEntry *
economics_entry (FurrowSeasonEconomicsPage *page,
                 const char                *name)
{
  return FURROW_NUMBER_ENTRY (economics_child (page, name));
}

static void
test_economics (Fixture       *fixture,
                gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonEconomicsPage *page;
  g_autoptr(FurrowSeason) stored = NULL;
  g_autoptr(FurrowSeason) expected_season = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected_before = NULL;
  g_autofree char *expected_after = NULL;
  const FurrowSurplusSplit *split;
  GtkWidget *cost_row;
  FurrowNumberEntry *cost_spin;
  char cost_item[FURROW_SEASON_TEXT_MAX];
  double old_price, soy_price, maize_kg = 0, area_mu = 0;
  gint64 season_cost = 0, before_fen, after_fen, cost_before;
  gint64 delta_hand;

  add_and_show_season (fixture);
  page = economics_page (fixture);
  g_assert_true (gtk_widget_get_mapped (economics_child (page, "preview_view")));
  furrow_season_economics_page_update_preview (page);

  /* The preview lists every household of the pool: take the first one's code. */
  stored = furrow_store_find_season (store, SEASON_NAME);
  {
    g_autoptr(FurrowSeasonSettlementInput) in = furrow_store_build_prediction_input (store, stored,
                                                                                    &error);

    g_assert_no_error (error);
    code = g_strdup (in->input.households[0].code);
    area_mu = in->input.households[0].area_mu;
  }
  before_fen = predicted_total (store, stored, code);
  expected_before = furrow_format_yuan (before_fen);
  assert_preview (page, code, FURROW_ROSTER_COLUMN_TOTAL, expected_before);
  {
    g_autofree char *sum = furrow_format_yuan (predicted_sum (store, stored));
    /* The household's row reads its area in the engine's input to 0.01 mu (a FurrowRosterRow
     * keeps m²: mu → m² → mu gives the same two decimals) and its code; the totals row is
     * named in the name column, its code column empty. */
    g_autofree char *mu = g_strdup_printf ("%.2f", area_mu);

    assert_preview (page, NULL, FURROW_ROSTER_COLUMN_TOTAL, sum);
    assert_preview (page, code, FURROW_ROSTER_COLUMN_AREA, mu);
    assert_preview (page, code, FURROW_ROSTER_COLUMN_CODE, code);
    assert_preview (page, NULL, FURROW_ROSTER_COLUMN_NAME, "Total");
    assert_preview (page, NULL, FURROW_ROSTER_COLUMN_CODE, "");
  }

  /* Maize +0.10 yuan/kg through the widget: stored as +10 fen/kg exactly. */
  old_price = furrow_season_get_price (stored, FURROW_CROP_MAIZE)->price_fen_per_kg;
  furrow_number_entry_set_value (economics_entry (page, "maize_price_spin"), (old_price + 10) / 100.0);
  furrow_test_iterate (400);   /* past the 150 ms debounce */
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpfloat (furrow_season_get_price (stored, FURROW_CROP_MAIZE)->price_fen_per_kg, ==,
                     old_price + 10);

  /* The household's total moved by what the core prediction gives for the new price … */
  expected_season = furrow_store_find_season (store, SEASON_NAME);
  after_fen = predicted_total (store, expected_season, code);
  expected_after = furrow_format_yuan (after_fen);
  g_assert_cmpint (after_fen, !=, before_fen);
  assert_preview (page, code, FURROW_ROSTER_COLUMN_TOTAL, expected_after);
  /* … which by hand is 10 fen × the predicted maize kg × 60 % for the households × the
   * household's share of the pool's area (a fixed base does not move; rounding of each field's
   * revenue and of the shares: a few fen). */
  fields = furrow_store_get_season_fields (store, stored, &season_cost, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < fields->len; i++)
    {
      const FurrowEconomicsField *f = &g_array_index (fields, FurrowEconomicsField, i);

      maize_kg += f->predicted_yield_kg[FURROW_CROP_MAIZE];
    }
  {
    g_autoptr(FurrowSeasonSettlementInput) in = furrow_store_build_prediction_input (store, stored,
                                                                                    &error);
    double pool_mu = 0;

    g_assert_no_error (error);
    for (gsize i = 0; i < in->input.n_households; i++)
      if (in->input.households[i].custody == FURROW_CUSTODY_FULL)
        pool_mu += in->input.households[i].area_mu;
    split = furrow_season_get_split (stored);
    delta_hand = (gint64) round (10.0 * maize_kg * split->households_pct / 100.0 * area_mu /
                                 pool_mu);
  }
  g_assert_cmpint (delta_hand, >, 0);
  g_assert_cmpint (llabs ((after_fen - before_fen) - delta_hand), <=, fields->len + 2);

  /* A cost item: the first row's amount, +12.34 yuan/mu. */
  cost_row = furrow_season_economics_page_get_item_row (page, 0, 0);
  g_assert_nonnull (cost_row);
  cost_spin = furrow_item_row_get_amount (FURROW_ITEM_ROW (cost_row));
  g_strlcpy (cost_item,
             gtk_editable_get_text (furrow_item_row_get_name_entry (FURROW_ITEM_ROW (cost_row))),
             sizeof cost_item);
  {
    const FurrowSeasonCost *costs;
    guint n;

    cost_before = -1;
    costs = furrow_season_get_costs (stored, &n);
    for (guint i = 0; i < n; i++)
      if (g_str_equal (costs[i].item, cost_item) && costs[i].field_id == 0)
        cost_before = costs[i].fen_per_mu;
    g_assert_cmpint (cost_before, >=, 0);
  }
  furrow_number_entry_set_value (cost_spin, (cost_before + 1234) / 100.0);
  furrow_test_iterate (300);
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  {
    const FurrowSeasonCost *costs;
    guint n;
    gint64 found = -1;

    costs = furrow_season_get_costs (stored, &n);
    for (guint i = 0; i < n; i++)
      if (g_str_equal (costs[i].item, cost_item) && costs[i].field_id == 0)
        found = costs[i].fen_per_mu;
    g_assert_cmpint (found, ==, cost_before + 1234);
  }

  /* A split of 10/0/30/59 adds up to 99 %: marked, not written. */
  split = furrow_season_get_split (stored);
  g_assert_cmpfloat (split->households_pct, ==, 60);
  gtk_spin_button_set_value (economics_spin (page, "households_spin"), 59);
  furrow_test_iterate (300);
  g_assert_true (gtk_widget_has_css_class (economics_child (page, "households_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (economics_child (page, "split_sum_row"), "error"));
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpfloat (furrow_season_get_split (stored)->households_pct, ==, 60);
  gtk_spin_button_set_value (economics_spin (page, "households_spin"), 60);
  furrow_test_iterate (300);
  g_assert_false (gtk_widget_has_css_class (economics_child (page, "households_row"), "error"));

  /* Households under 60 % of the distributable surplus (10/0/40/50: 50/90 = 55.6 %): the
   * warning row asks for the reason, and nothing is written until it is given. */
  g_assert_false (gtk_widget_get_visible (economics_child (page, "reason_row")));
  gtk_spin_button_set_value (economics_spin (page, "households_spin"), 50);
  gtk_spin_button_set_value (economics_spin (page, "cooperative_spin"), 40);
  furrow_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (economics_child (page, "reason_row")));
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpfloat (furrow_season_get_split (stored)->households_pct, ==, 60);
  gtk_editable_set_text (GTK_EDITABLE (economics_child (page, "reason_row")), REASON);
  g_signal_emit_by_name (economics_child (page, "reason_row"), "entry-activated");
  furrow_test_iterate (100);
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpfloat (furrow_season_get_split (stored)->households_pct, ==, 50);
  g_assert_cmpfloat (furrow_season_get_split (stored)->cooperative_pct, ==, 40);
  g_assert_cmpstr (furrow_season_get_split_reason (stored), ==, REASON);
  /* Undone at once: the split is 10/0/30/60 again, without a reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (200);
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpfloat (furrow_season_get_split (stored)->households_pct, ==, 60);
  g_assert_null (furrow_season_get_split_reason (stored));
  g_assert_false (gtk_widget_get_visible (economics_child (page, "reason_row")));
  g_assert_cmpfloat (gtk_spin_button_get_value (economics_spin (page, "households_spin")), ==, 60);

  /* A negative price is marked and not written either. */
  furrow_number_entry_set_value (economics_entry (page, "soy_price_spin"), -1);
  furrow_test_iterate (300);
  g_assert_true (gtk_widget_has_css_class (economics_child (page, "soy_price_row"), "error"));
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpfloat (furrow_season_get_price (stored, FURROW_CROP_SOYBEAN)->price_fen_per_kg, >,
                     0);
  soy_price = furrow_season_get_price (stored, FURROW_CROP_SOYBEAN)->price_fen_per_kg;
  furrow_number_entry_set_value (economics_entry (page, "soy_price_spin"), soy_price / 100.0);
  furrow_test_iterate (300);
  g_assert_false (gtk_widget_has_css_class (economics_child (page, "soy_price_row"), "error"));

  /* The base in kind, Taozhuang's way: 550 kg/mu at 1.36 yuan/kg less the cost per mu. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (economics_child (page, "base_kind_row")),
                              FURROW_BASE_IN_KIND);
  gtk_spin_button_set_value (economics_spin (page, "base_kg_spin"), 550);
  furrow_number_entry_set_value (economics_entry (page, "base_price_spin"), 1.36);
  gtk_switch_set_active (GTK_SWITCH (economics_child (page, "base_less_cost_switch")), TRUE);
  furrow_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (economics_child (page, "base_kg_row")));
  g_assert_false (gtk_widget_get_visible (economics_child (page, "base_fixed_row")));
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  {
    const FurrowBaseRule *base = furrow_season_get_base_rule (stored);

    g_assert_cmpint (base->kind, ==, FURROW_BASE_IN_KIND);
    g_assert_cmpfloat (base->kg_per_mu, ==, 550);
    g_assert_cmpfloat (base->price_fen_per_kg, ==, 136);
    g_assert_true (base->less_cost_per_mu);
  }

  texture = furrow_test_render_painted (GTK_WIDGET (fixture->window), 50);
  furrow_test_save_screenshot (texture, "season-economics.png");

  /* Undo, through the window's action: the base, the cost item, then the price. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (200);
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpint (furrow_season_get_base_rule (stored)->kind, ==, FURROW_BASE_FIXED);
  g_assert_true (gtk_widget_get_visible (economics_child (page, "base_fixed_row")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (400);
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_cmpfloat (furrow_season_get_price (stored, FURROW_CROP_MAIZE)->price_fen_per_kg, ==,
                     old_price);
  g_assert_cmpfloat (round (furrow_number_entry_get_value (economics_entry (page, "maize_price_spin")) *
                            100), ==, old_price);
  assert_preview (page, code, FURROW_ROSTER_COLUMN_TOTAL, expected_before);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-economics/economics", Fixture, fixture_set_up,
                     test_economics, furrow_test_window_tear_down);

static FurrowSeasonHarvestPage *
harvest_page (Fixture *fixture)
{
  return FURROW_SEASON_HARVEST_PAGE (furrow_test_show_season_page (
    fixture->window, "harvest", FURROW_TYPE_SEASON_HARVEST_PAGE, 100));
}

/* A widget of the harvest page's template, by its id in the .ui. */
static GtkWidget *
harvest_child (FurrowSeasonHarvestPage *page,
               const char              *name)
{
  GtkWidget *child = furrow_season_harvest_page_get_child (page, name);

  g_assert_nonnull (child);
  return child;
}

static void
test_harvest (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonHarvestPage *page;
  g_autoptr(FurrowSeason) stored = NULL;
  g_autoptr(FurrowSeason) shown = NULL;
  g_autoptr(GArray) harvests = NULL;
  g_autoptr(GArray) costs = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *code = NULL;
  g_autofree char *kg_text = NULL;
  g_autofree char *net_text = NULL;
  GtkWidget *cost_row;
  gint64 field_id, season_cost = 0;
  FurrowEconomicsFigures actual;

  add_and_show_season (fixture);
  page = harvest_page (fixture);
  g_assert_cmpuint (furrow_season_harvest_page_get_n_fields (page), ==, 40);
  field_id = furrow_season_harvest_page_get_field_id (page, 0);
  code = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (
                     GTK_GRID (harvest_child (page, "harvest_grid")), 0, 1))));
  g_assert_cmpstr (furrow_season_harvest_page_get_compare_text (page, code,
                                                                FURROW_COMPARE_COLUMN_ACTUAL_NET),
                   ==, "—");

  /* 12,345.5 kg of maize sold for ¥30,864.75, typed into the field's row. */
  furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (page, code,
                                                                  FURROW_HARVEST_COLUMN_MAIZE_KG),
                             12345.5);
  furrow_test_iterate (100);
  furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (
                               page, code, FURROW_HARVEST_COLUMN_MAIZE_REVENUE), 30864.75);
  furrow_test_iterate (200);
  stored = furrow_store_find_season (store, SEASON_NAME);
  harvests = furrow_store_get_harvests (store, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (harvests->len, ==, 1);
  g_assert_cmpint (g_array_index (harvests, FurrowSeasonHarvest, 0).field_id, ==, field_id);
  g_assert_cmpint (g_array_index (harvests, FurrowSeasonHarvest, 0).crop, ==, FURROW_CROP_MAIZE);
  g_assert_cmpfloat (g_array_index (harvests, FurrowSeasonHarvest, 0).yield_kg, ==, 12345.5);
  g_assert_cmpint (g_array_index (harvests, FurrowSeasonHarvest, 0).revenue_fen, ==, 3086475);
  /* The store moved the season on; the view shows it. */
  g_assert_cmpint (furrow_season_get_state (stored), ==, FURROW_SEASON_HARVESTED);
  shown = g_object_ref (furrow_season_view_get_season (
                          furrow_window_get_season_view (fixture->window)));
  g_assert_cmpint (furrow_season_get_state (shown), ==, FURROW_SEASON_HARVESTED);

  /* Actual side: the totals row has the kg, the field's net is the core's actual net (its
   * revenue, its subsidies less its cost items). */
  /* 12,345.5 kg to the kilogram, grouped as the amounts beside it whatever the locale. */
  kg_text = g_strdup ("12,346");
  g_assert_cmpstr (furrow_season_harvest_page_get_compare_text (
                     page, NULL, FURROW_COMPARE_COLUMN_MAIZE_ACTUAL_KG), ==, kg_text);
  fields = furrow_store_get_season_fields (store, stored, &season_cost, &error);
  g_assert_no_error (error);
  furrow_economics_actual_field (&g_array_index (fields, FurrowEconomicsField, 0), &actual);
  g_assert_cmpint (actual.revenue_total_fen, ==, 3086475);
  net_text = furrow_format_yuan (actual.net_fen);
  g_assert_cmpstr (furrow_season_harvest_page_get_compare_text (
                     page, code, FURROW_COMPARE_COLUMN_ACTUAL_NET), ==, net_text);

  /* An actual cost of the whole season: add a row, give it ¥1,000.00. */
  g_signal_emit_by_name (harvest_child (page, "add_cost_button"), "clicked");
  furrow_test_iterate (100);
  cost_row = furrow_season_harvest_page_get_cost_row (page, 0);
  g_assert_nonnull (cost_row);
  g_assert_null (furrow_season_harvest_page_get_cost_row (page, 1));
  furrow_number_entry_set_value (furrow_item_row_get_amount (FURROW_ITEM_ROW (cost_row)), 1000);
  furrow_test_iterate (200);
  costs = furrow_store_get_actual_costs (store, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (costs->len, ==, 1);
  g_assert_cmpint (g_array_index (costs, FurrowSeasonActualCost, 0).field_id, ==, 0);
  g_assert_cmpint (g_array_index (costs, FurrowSeasonActualCost, 0).fen, ==, 100000);

  texture = furrow_test_render_painted (GTK_WIDGET (fixture->window), 50);
  furrow_test_save_screenshot (texture, "season-harvest.png");

  /* Undo: the amount goes back to ¥0.00, then the revenue to none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (200);
  g_clear_pointer (&costs, g_array_unref);
  costs = furrow_store_get_actual_costs (store, stored, &error);
  g_assert_cmpuint (costs->len, ==, 1);
  g_assert_cmpint (g_array_index (costs, FurrowSeasonActualCost, 0).fen, ==, 0);
  cost_row = furrow_season_harvest_page_get_cost_row (page, 0);
  g_assert_cmpfloat (furrow_number_entry_get_value (
                       furrow_item_row_get_amount (FURROW_ITEM_ROW (cost_row))), ==, 0);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-economics/harvest", Fixture, fixture_set_up, test_harvest,
                     furrow_test_window_tear_down);

/* A settled season: both pages locked, and an edit forced through the widgets anyway is
 * refused by the store and changes nothing. */
static void
test_settled (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonEconomicsPage *economics;
  FurrowSeasonHarvestPage *harvest;
  g_autoptr(FurrowSeason) stored = NULL;
  g_autoptr(FurrowSeason) after = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GArray) harvests = NULL;
  g_autoptr(GListModel) field_model = furrow_store_get_fields (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *rules_after = NULL;
  g_autofree char *code = NULL;
  const char *message;
  gint64 season_cost = 0;
  double price;

  add_and_show_season (fixture);
  stored = furrow_store_find_season (store, SEASON_NAME);
  /* Harvests as predicted, then settle through the store. */
  fields = furrow_store_get_season_fields (store, stored, &season_cost, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_store_begin (store, &error));
  for (guint i = 0; i < fields->len; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (field_model, i);
      FurrowEconomicsFigures predicted;

      furrow_economics_predict_field (&g_array_index (fields, FurrowEconomicsField, i),
                                      &predicted);
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        g_assert_true (furrow_store_set_harvest (store, stored, field, c, predicted.yield_kg[c],
                                                 predicted.revenue_fen[c], &error));
    }
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_true (furrow_store_settle_season (store, stored, NULL, &error));
  g_assert_no_error (error);
  furrow_test_iterate (300);
  g_clear_object (&stored);
  stored = furrow_store_find_season (store, SEASON_NAME);
  g_assert_true (furrow_season_is_read_only (stored));
  rules = furrow_season_describe_rules (stored);
  price = furrow_season_get_price (stored, FURROW_CROP_MAIZE)->price_fen_per_kg;

  economics = economics_page (fixture);
  g_assert_true (gtk_widget_get_visible (economics_child (economics, "locked_group")));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (economics),
                                            "Settled — reopen to change"));
  g_assert_false (gtk_widget_get_sensitive (economics_child (economics, "prices_group")));
  g_assert_false (gtk_widget_get_sensitive (economics_child (economics, "split_group")));
  /* Forced anyway: the store's refusal is what the toast says; nothing changed. */
  furrow_number_entry_set_value (economics_entry (economics, "maize_price_spin"), (price + 50) / 100.0);
  furrow_test_iterate (400);
  message = furrow_season_page_get_last_message (FURROW_SEASON_PAGE (economics));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "read-only"));
  after = furrow_store_find_season (store, SEASON_NAME);
  rules_after = furrow_season_describe_rules (after);
  g_assert_cmpstr (rules_after, ==, rules);
  g_assert_cmpfloat (round (furrow_number_entry_get_value (
                              economics_entry (economics, "maize_price_spin")) * 100), ==, price);

  harvest = harvest_page (fixture);
  g_assert_true (gtk_widget_get_visible (harvest_child (harvest, "locked_group")));
  g_assert_false (gtk_widget_get_sensitive (harvest_child (harvest, "harvest_grid")));
  g_assert_false (gtk_widget_get_sensitive (harvest_child (harvest, "costs_group")));
  code = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (
                     GTK_GRID (harvest_child (harvest, "harvest_grid")), 0, 1))));
  furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (harvest, code,
                                                                  FURROW_HARVEST_COLUMN_SOY_KG),
                             1);
  furrow_test_iterate (200);
  message = furrow_season_page_get_last_message (FURROW_SEASON_PAGE (harvest));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "read-only"));
  harvests = furrow_store_get_harvests (store, stored, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);
      FurrowEconomicsFigures predicted;

      if (h->field_id != furrow_season_harvest_page_get_field_id (harvest, 0) ||
          h->crop != FURROW_CROP_SOYBEAN)
        continue;
      furrow_economics_predict_field (&g_array_index (fields, FurrowEconomicsField, 0),
                                      &predicted);
      g_assert_cmpfloat (h->yield_kg, ==, predicted.yield_kg[FURROW_CROP_SOYBEAN]);
    }
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-economics/settled", Fixture, fixture_set_up, test_settled,
                     furrow_test_window_tear_down);

/* The page follows the register: a parcel's registered area changed through the store (as the
 * household page or the CLI's edit would, not through this page) moves the household's predicted
 * income on the preview, to what the core prediction gives for the new area; nothing but the
 * store's parcel-changed signal tells the page. */
static void
test_register_change (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  GListModel *parcels = furrow_store_get_parcels (store);
  FurrowSeasonEconomicsPage *page;
  g_autoptr(FurrowSeason) stored = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected_before = NULL;
  g_autofree char *expected_after = NULL;
  gint64 before_fen, after_fen;

  add_and_show_season (fixture);
  page = economics_page (fixture);
  furrow_season_economics_page_update_preview (page);
  stored = furrow_store_find_season (store, SEASON_NAME);
  {
    g_autoptr(FurrowSeasonSettlementInput) in = furrow_store_build_prediction_input (store, stored,
                                                                                    &error);

    g_assert_no_error (error);
    code = g_strdup (in->input.households[0].code);
  }
  before_fen = predicted_total (store, stored, code);
  expected_before = furrow_format_yuan (before_fen);
  assert_preview (page, code, FURROW_ROSTER_COLUMN_TOTAL, expected_before);

  for (guint i = 0; parcel == NULL && i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) p = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (p), code) == 0)
        parcel = g_steal_pointer (&p);
    }
  g_assert_nonnull (parcel);
  furrow_parcel_set_registered_area_m2 (parcel,
                                        furrow_parcel_get_registered_area_m2 (parcel) * 1.5);
  g_assert_true (furrow_store_update_parcel (store, parcel, &error));
  g_assert_no_error (error);

  after_fen = predicted_total (store, stored, code);
  g_assert_cmpint (after_fen, >, before_fen);
  expected_after = furrow_format_yuan (after_fen);
  /* The idle that passes the change on, the debounce, the computation: on a loaded machine this
   * takes a while, so wait for the text (up to 20 s) rather than a fixed time. */
  for (guint waited = 0; waited < 20000; waited += 100)
    {
      g_autofree char *text = furrow_season_economics_page_get_preview_text (
        page, code, FURROW_ROSTER_COLUMN_TOTAL);

      if (g_strcmp0 (text, expected_after) == 0)
        break;
      furrow_test_iterate (100);
    }
  assert_preview (page, code, FURROW_ROSTER_COLUMN_TOTAL, expected_after);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-economics/register-change", Fixture, fixture_set_up,
                     test_register_change, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
