/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paperwork of issue 14 items 6 and 7 from the real window. Custody service contracts
 * (docs/domain.md §13): the demo project with a
 * season made through the store; win.print-contract follows the household shown and
 * win.print-contracts the project; the contracts the print operation exports (what the print
 * dialog's "Print to File" writes) read back with pdftotext: the household's plots from the
 * register and its base in figures and capital numerals, worked by hand; the project itself is
 * refused as the file; each export is an audit row. The surplus statement (会农社02,
 * docs/domain.md §17) from the Settlement page of a settled season: its XLSX's cells reconcile
 * with the frozen settlement to the fen. */

#include "config.h"

#include "furrow-demo.h"

#include <math.h>
#include <string.h>

#include "furrow-contract.h"
#include "furrow-season-settlement-page.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-test-store.h"
#include "furrow-test-gui.h"
#include "furrow-test.h"
#include "furrow-window-contracts.h"
#include "furrow-window-private.h"
#include "furrow-units.h"
#include "furrow-window-testing.h"

#define SEASON "2026 autumn maize–soybean"
/* A demo household: four parcels of 3.95 + 3.66 + 2.56 + 2.49 = 12.66 mu in full custody. */
#define HOUSEHOLD "370782102201010003"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1280, 800, "contracts.gpkg", 200);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Whether the button of `action` (on the household page or the Seasons list) can be clicked. */
static gboolean
enabled (Fixture    *fixture,
         const char *action)
{
  GtkWidget *button = furrow_test_find_first (GTK_WIDGET (fixture->window), has_action, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON, 2026);
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *one = g_build_filename (fixture->base.tmpdir, "one.pdf", NULL);
  g_autofree char *all = g_build_filename (fixture->base.tmpdir, "all.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *all_text = NULL;
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  FurrowSeason *season;
  GtkPrintOperationResult result;
  guint n_plots = 0;

  /* Before: the demo's own season (furrow-demo.h), the newest there is; then the new one. */
  g_assert_cmpstr (furrow_season_get_name (furrow_window_contract_season (fixture->window)), ==,
                   FURROW_DEMO_SEASON);
  g_assert_true (furrow_store_add_season (store, draft, &error));
  furrow_test_iterate (100);
  season = furrow_window_contract_season (fixture->window);
  g_assert_nonnull (season);
  g_assert_cmpstr (furrow_season_get_name (season), ==, SEASON);

  /* The household's button follows the household shown. */
  g_assert_false (enabled (fixture, "win.print-contract"));
  g_assert_true (enabled (fixture, "win.print-contracts"));
  household = furrow_store_find_household (store, HOUSEHOLD);
  furrow_window_select_household (fixture->window,
                                  furrow_store_get_household_by_id (store,
                                    furrow_household_get_id (household)));
  furrow_test_iterate (200);
  g_assert_true (enabled (fixture, "win.print-contract"));

  result = furrow_window_print_contracts (fixture->window, season, HOUSEHOLD,
                                          GTK_PRINT_OPERATION_ACTION_EXPORT, one, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  text = furrow_test_pdf_text (one, " \n");
  /* Every parcel of the household in the register is a plot of its contract. */
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), HOUSEHOLD) != 0)
        continue;
      g_assert_nonnull (strstr (text, furrow_parcel_get_code (parcel)));
      n_plots++;
    }
  g_assert_cmpuint (n_plots, ==, 4);
  g_assert_nonnull (strstr (text, "Total12.66"));
  /* The new season's fixed base, 500 yuan/mu × 12.66 mu = 6,330.00 yuan: 陆仟叁佰叁拾元整. */
  g_assert_nonnull (strstr (text, "¥500.00permu"));
  g_assert_nonnull (strstr (text, "¥6,330.00"));
  g_assert_nonnull (strstr (text, "陆仟叁佰叁拾元整"));
  g_assert_null (strstr (text, furrow_household_get_id_number (household)));

  /* The whole season: one contract per household with parcels, on the pages the contract
   * counts. */
  result = furrow_window_print_contracts (fixture->window, season, NULL,
                                          GTK_PRINT_OPERATION_ACTION_EXPORT, all, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  all_text = furrow_test_pdf_text (all, " \n");
  g_assert_nonnull (strstr (all_text, "Contract" HOUSEHOLD "·page1of"));
  g_assert_nonnull (strstr (all_text, "¥6,330.00"));

  /* Never over the project. */
  result = furrow_window_print_contracts (fixture->window, season, NULL,
                                          GTK_PRINT_OPERATION_ACTION_EXPORT,
                                          furrow_window_get_project_path (fixture->window),
                                          &error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Two audit rows: one household, then the season's count. */
  log = furrow_store_get_audit_log (store, "season:" SEASON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, >=, 2);
  g_assert_cmpstr (((FurrowAuditEntry *) log->pdata[log->len - 2])->action, ==,
                   "season.print.contracts");
  g_assert_true (g_str_has_prefix (((FurrowAuditEntry *) log->pdata[log->len - 2])->detail,
                                   "household " HOUSEHOLD " -> "));
  g_assert_true (g_str_has_suffix (((FurrowAuditEntry *) log->pdata[log->len - 1])->detail,
                                   all));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-contracts/print", Fixture, fixture_set_up, test_print,
                     furrow_test_window_tear_down);

/* The value of cell `ref` of a sheet's XML in fen (the stored double to the fen). */
static gint64
cell_fen (const char *sheet,
          const char *ref)
{
  g_autofree char *start = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (sheet, start);
  const char *value;

  g_assert_nonnull (cell);
  value = strstr (cell, "<v>");
  g_assert_nonnull (value);
  return (gint64) llround (g_ascii_strtod (value + 3, NULL) * 100.0);
}

/* Every field planned "2+4" and harvested at 2,000 yuan/mu of maize and 600 yuan/mu of soybean
 * (as tests/gui/test-season-payroll.c does), a half-custody fee of 60 yuan/mu for harvest, then
 * settled in the store; the statement exported from the Settlement page. Line 14 (the surplus of
 * the year) is the settlement's surplus plus its fees, line 20 the households' dividend, line
 * 22 the cooperative's share plus the fees (docs/domain.md §17). */
static void
test_surplus_statement (Fixture       *fixture,
                        gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON, 2026);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (fixture->base.tmpdir, "s.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (xlsx);
  g_autoptr(GFile) project = NULL;
  g_autofree char *sheet = NULL;
  FurrowSeasonSettlementPage *page;

  furrow_season_set_fee (draft, "harvest", 6000);
  season = furrow_test_store_settle_2_4 (store, draft, TRUE);
  furrow_test_iterate (100);
  g_clear_object (&season);
  furrow_window_show_season (fixture->window,
                             (season = furrow_test_store_find_season (store, SEASON)));
  page = FURROW_SEASON_SETTLEMENT_PAGE (
    furrow_test_show_season_page (fixture->window, "settlement",
                                  FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300));
  s = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->totals.fees_fen, >, 0);

  g_assert_true (furrow_season_settlement_page_export_surplus_statement (page, file, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
  {
    g_autofree char *exported = g_strdup_printf ("Exported to %s", xlsx);

    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), exported));
  }
  {
    const char *argv[] = { "unzip", "-p", xlsx, "xl/worksheets/sheet1.xml", NULL };
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, &sheet, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* Line n (行次 of 财会〔2021〕37号, docs/domain.md §17) is the sheet's row n + 3: 1 经营收入,
   * 3 经营支出, 12 本年盈余, 15 提取盈余公积, 17 盈余返还, 20 年末未分配盈余. */
  g_assert_cmpint (cell_fen (sheet, "C4"), ==, s->totals.revenue_fen + s->totals.fees_fen);
  g_assert_cmpint (cell_fen (sheet, "C6"), ==, s->totals.cost_fen + s->totals.base_total_fen);
  g_assert_cmpint (cell_fen (sheet, "C15"), ==, s->totals.surplus_fen + s->totals.fees_fen);
  g_assert_cmpint (cell_fen (sheet, "C18"), ==, s->totals.reserve_fen);
  g_assert_cmpint (cell_fen (sheet, "C20"), ==, s->totals.households_dividend_fen);
  g_assert_cmpint (cell_fen (sheet, "C23"), ==, s->totals.cooperative_fen + s->totals.fees_fen);

  /* Never over the project. */
  project = g_file_new_for_path (furrow_window_get_project_path (fixture->window));
  g_assert_false (furrow_season_settlement_page_export_surplus_statement (page, project,
                                                                          &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-contracts/surplus-statement", Fixture, fixture_set_up,
                     test_surplus_statement, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
