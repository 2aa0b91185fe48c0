/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The public notice on the Settlement page of the real window (issue 14, item 4; docs/domain.md
 * §15): the demo project with a settled season; the notice's first day and days set through the
 * page's action, its last day shown, undone and redone through the window's history; an
 * objection added and resolved on the page, each undoable; the payroll refused while the notice
 * runs, with the last day in the message, and no file written. */

#include "config.h"

#include <string.h>

#include "furrow-demo.h"
#include "furrow-household-page.h"
#include "furrow-notice.h"
#include "furrow-season-settlement-page.h"
#include "furrow-season-settlement-page-private.h"
#include "furrow-season-settlement-page-testing.h"
#include "furrow-season-view-testing.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-test-gui.h"
#include "furrow-test-store.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"

#define SEASON_NAME "2026 autumn maize–soybean"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1280, 800, "notice.gpkg", 200);
}

/* Every field planned "2+4" and harvested (as tests/gui/test-season-payroll.c does), settled. */
static void
settled_season (FurrowStore *store)
{
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON_NAME, 2026);

  g_object_unref (furrow_test_store_settle_2_4 (store, draft, FALSE));
  furrow_test_iterate (100);
}

static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
finished_cb (FurrowSeasonSettlementPage *page,
             gboolean                    ok,
             int                        *result)
{
  *result = ok ? 1 : 0;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_notice (Fixture       *fixture,
             gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 0);
  g_autofree char *start = day_from_today (-2);
  g_autofree char *end = day_from_today (4);     /* 7 days from two days ago: −2 + 7 − 1 */
  g_autofree char *expected = g_strdup_printf ("to %s · 0 objections, 0 open", end);
  g_autofree char *pdf = g_build_filename (fixture->base.tmpdir, "payroll.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GPtrArray) objections = NULL;
  FurrowSeasonSettlementPage *page;
  FurrowSeason *live;
  GtkEntry *entry;
  gint64 id;
  int result = -1;
  gulong handler;

  settled_season (store);
  furrow_window_show_season (fixture->window,
                             (season = furrow_test_store_find_season (store, SEASON_NAME)));
  live = furrow_store_get_season_by_id (store, furrow_season_get_id (season));
  page = FURROW_SEASON_SETTLEMENT_PAGE (
    furrow_test_show_season_page (fixture->window, "settlement",
                                  FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300));
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page),
                                            "Not posted yet: households are paid after the "
                                            "notice ends"));

  /* A day that is not one cannot be set. */
  gtk_editable_set_text (GTK_EDITABLE (page->notice_entry), "2024-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page->notice_entry), "error"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "settlement.set-notice-date",
                                              NULL)
                  && g_strcmp0 (furrow_season_get_notice_date (live), "2024-02-30") == 0);
  g_assert_cmpstr (furrow_season_get_notice_date (live), ==, "");

  /* Set: the last day shows beside it. */
  gtk_editable_set_text (GTK_EDITABLE (page->notice_entry), start);
  gtk_spin_button_set_value (page->notice_days, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "settlement.set-notice-date",
                                             NULL));
  furrow_test_iterate (200);
  g_assert_cmpstr (furrow_season_get_notice_date (live), ==, start);
  g_assert_cmpuint (furrow_season_get_notice_days (live), ==, 7);
  g_assert_cmpstr (gtk_label_get_text (page->notice_end_label), ==, expected);

  /* Undone and redone through the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (200);
  g_assert_cmpstr (furrow_season_get_notice_date (live), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  furrow_test_iterate (200);
  g_assert_cmpstr (furrow_season_get_notice_date (live), ==, start);

  /* An objection. */
  gtk_editable_set_text (GTK_EDITABLE (page->objection_household_entry),
                         furrow_household_get_code (household));
  gtk_editable_set_text (GTK_EDITABLE (page->objection_text_entry), "面积少算了0.3亩");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "settlement.add-objection",
                                             NULL));
  furrow_test_iterate (200);
  g_assert_cmpuint (furrow_season_get_open_objections (live), ==, 1);
  g_assert_cmpuint (n_rows (page->objections_list), ==, 1);
  objections = furrow_store_get_objections (store, live, NULL);
  g_assert_cmpuint (objections->len, ==, 1);
  id = ((FurrowObjection *) g_ptr_array_index (objections, 0))->id;
  {
    g_autofree char *today = furrow_notice_today ();

    /* Received today, since the date was left empty. */
    g_assert_cmpstr (((FurrowObjection *) g_ptr_array_index (objections, 0))->received, ==,
                     today);
  }
  {
    g_autofree char *summary = g_strdup_printf ("to %s · 1 objection, 1 open", end);

    g_assert_cmpstr (gtk_label_get_text (page->notice_end_label), ==, summary);
  }

  /* The payroll is refused while the notice runs: no file, the last day in the message. */
  handler = g_signal_connect (page, "export-finished", G_CALLBACK (finished_cb), &result);
  furrow_season_settlement_page_export_payroll (page, file, FALSE);
  for (guint i = 0; i < 300 && result < 0; i++)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (page, handler);
  g_assert_cmpint (result, ==, 0);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  /* Printing it too; the message names the last day and the first day to pay. */
  {
    g_autofree char *first_payday = day_from_today (5);
    g_autofree char *message =
      g_strdup_printf ("the public notice of season “%s” lasts until %s and 1 objection is open: "
                       "pay from %s, or force it with a reason", SEASON_NAME, end, first_payday);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (furrow_season_settlement_page_print_payroll (
                       page, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error), ==,
                     GTK_PRINT_OPERATION_RESULT_ERROR);
    g_assert_cmpstr (error->message, ==, message);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }

  /* Resolved on its row, undone, redone. */
  entry = g_hash_table_lookup (page->resolution_entries, &id);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "复测后更正");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "settlement.resolve-objection",
                                             "x", id));
  furrow_test_iterate (200);
  g_assert_cmpuint (furrow_season_get_open_objections (live), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (200);
  g_assert_cmpuint (furrow_season_get_open_objections (live), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  furrow_test_iterate (200);
  g_assert_cmpuint (furrow_season_get_open_objections (live), ==, 0);
  furrow_test_save_widget_screenshot (GTK_WIDGET (page), 10, "season-notice.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-notice/notice", Fixture, fixture_set_up, test_notice,
                     furrow_test_window_tear_down);

/* Issue 14 item 1 (docs/domain.md §15): the window forces a payment before the notice ends as
 * furrow-cli's --force --reason does. Posted from 2099-11-20 for 7 days (to 2099-11-26, so
 * refused whatever today is), the payroll export is refused: no file, and "Pay Anyway…" asks
 * for a reason, which must not be blank; given one, the PDF is written and the audit log holds
 * one season.notice-override row for the payroll with the check's last day and the reason.
 * The bank file the same, its file holding every household paid; cancelling writes nothing and
 * records nothing. */
#define PAY_REASON "秋收后农户急需用钱，经理事会研究提前发放"

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits (event-driven, at most a minute) for the page's export-finished. */
static void
wait_for_export (int *result)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (*result < 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpint (*result, >=, 0);
}

/* The override rows of the season's audit log for `what` ("payroll: …"). */
static GPtrArray *
overrides (FurrowStore *store,
           const char  *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = furrow_store_get_audit_log (store, "season:" SEASON_NAME, &error);
  GPtrArray *details = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      FurrowAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, "season.notice-override") == 0 &&
          g_str_has_prefix (entry->detail, what))
        g_ptr_array_add (details, g_strdup (entry->detail));
    }
  return details;
}

/* The "Pay Anyway…" dialog shown: the reason required, then `response`. */
static void
answer_pay_anyway (const char *reason,
                   const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (furrow_test_find_toplevel (
                                                   ADW_TYPE_MESSAGE_DIALOG));
  GtkWindow *left;
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Pay Before the Public Notice Ends?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2099-11-26"));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "pay"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "pay"));
  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "pay"));
  adw_message_dialog_response (dialog, response);
  /* As test-season-settlement.c answers its dialogs: closed by the response, else by us. */
  furrow_test_iterate (100);
  left = furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (left != NULL)
    gtk_window_destroy (left);
  furrow_test_iterate (50);
}

static void
test_pay_anyway (Fixture       *fixture,
                 gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->base.tmpdir, "payroll.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->base.tmpdir, "bank.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  FurrowSeasonSettlementPage *page;
  guint n_paid = 0, n_lines = 0;
  int result = -1;
  gulong handler;

  settled_season (store);
  season = furrow_test_store_find_season (store, SEASON_NAME);
  g_assert_true (furrow_store_set_notice (store, season, "2099-11-20", 7, &error));
  g_assert_no_error (error);
  furrow_window_show_season (fixture->window, season);
  page = FURROW_SEASON_SETTLEMENT_PAGE (
    furrow_test_show_season_page (fixture->window, "settlement",
                                  FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300));

  /* The payroll: refused, then cancelled: nothing written, nothing recorded. */
  handler = g_signal_connect (page, "export-finished", G_CALLBACK (finished_cb), &result);
  furrow_season_settlement_page_export_payroll (page, pdf_file, FALSE);
  wait_for_export (&result);
  g_assert_cmpint (result, ==, 0);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  answer_pay_anyway (PAY_REASON, "cancel");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  rows = overrides (store, "payroll: ");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Refused again, then paid anyway with the reason: written, and audited with it. */
  result = -1;
  furrow_season_settlement_page_export_payroll (page, pdf_file, FALSE);
  wait_for_export (&result);
  g_assert_cmpint (result, ==, 0);
  result = -1;
  answer_pay_anyway (PAY_REASON, "pay");
  wait_for_export (&result);
  g_signal_handler_disconnect (page, handler);
  g_assert_cmpint (result, ==, 1);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);
  rows = overrides (store, "payroll: ");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (strstr (rows->pdata[0], "2099-11-26"));
  g_assert_true (g_str_has_suffix (rows->pdata[0], "; reason: " PAY_REASON));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The bank file: refused (no file) until paid anyway; then one row per household paid
   * (settled total above 0, every demo household having an account), a header and the total
   * row, and its own override row. */
  g_assert_false (furrow_season_settlement_page_export_bank_file (page, csv_file, "generic",
                                                                  FALSE));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  answer_pay_anyway (PAY_REASON, "pay");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  settlement = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < settlement->n_rows; i++)
    n_paid += settlement->rows[i].total_fen > 0;
  for (const char *p = contents; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n_lines++;
  g_assert_cmpuint (n_paid, >, 0);
  g_assert_cmpuint (n_lines, ==, n_paid + 2);
  rows = overrides (store, "bank-file: ");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_str_has_suffix (rows->pdata[0], "; reason: " PAY_REASON));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-notice/pay-anyway", Fixture, fixture_set_up,
                     test_pay_anyway, furrow_test_window_tear_down);

/* A label with this text, shown or not (the household page is not on screen here). */
static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The household page's member account: after the season is settled, one row for the season and
 * one for the totals, with the household's frozen amounts (base, refund by transaction volume =
 * its dividend, fees, due = its settled total) and the balance: the demo's season before it was
 * paid, so the balance is this season's due. */
static void
test_household_ledger (Fixture       *fixture,
                       gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowHouseholdPage *page = fixture->window->household_page;
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 0);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  const FurrowSeasonSettlementRow *row = NULL;
  g_autofree char *area = NULL;
  g_autofree char *base = NULL;
  g_autofree char *returned = NULL;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *balance = NULL;
  GtkWidget *season_row;
  GtkWidget *total_row;

  furrow_household_page_set_household (page, household);
  furrow_test_iterate (100);
  /* Before: the demo's own settled season, paid by the bank (furrow-demo.h), so nothing is
   * owed. */
  g_assert_nonnull (furrow_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                          FURROW_DEMO_SEASON));
  total_row = furrow_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Total");
  g_assert_nonnull (total_row);
  g_assert_nonnull (furrow_test_find_first (total_row, is_label, "Balance ¥0.00"));

  settled_season (store);
  furrow_test_iterate (200);
  season = furrow_test_store_find_season (store, SEASON_NAME);
  s = furrow_store_get_settlement (store, season, NULL);
  for (gsize i = 0; i < s->n_rows; i++)
    if (g_str_equal (s->rows[i].code, furrow_household_get_code (household)))
      row = &s->rows[i];
  g_assert_nonnull (row);
  g_assert_cmpint (row->total_fen, ==, row->base_fen + row->dividend_fen - row->fee_fen);

  season_row = furrow_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, SEASON_NAME);
  total_row = furrow_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Total");
  g_assert_nonnull (season_row);
  g_assert_nonnull (total_row);
  g_assert_true (gtk_widget_is_visible (season_row));
  area = g_strdup_printf ("%.2f", furrow_m2_to_mu (row->area_m2));
  base = furrow_format_yuan (row->base_fen);
  returned = furrow_format_yuan (row->dividend_fen);
  due = furrow_format_yuan (row->total_fen);
  subtitle = g_strdup_printf ("%s mu · base %s · refund by transaction volume %s · fees ¥0.00 "
                              "· due %s · paid ¥0.00", area, base, returned, due);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (season_row)), ==, subtitle);
  balance = g_strdup_printf ("Balance %s", due);
  g_assert_nonnull (furrow_test_find_first (season_row, is_label, balance));
  g_assert_nonnull (furrow_test_find_first (total_row, is_label, balance));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-notice/household-ledger", Fixture, fixture_set_up,
                     test_household_ledger, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
