/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The season view's Settlement page in the real window (issue 7, items 6 and 7): the demo
 * project, a season planned with "2+4" on every field and harvested through the store API, shown
 * in the window. Settle… and its confirmation settle the season in the store and the roster's
 * totals row equals the frozen settlement and the sum of its rows; statements exported through
 * the page read back with pdftotext give each household's name and total on its page; a
 * cancelled export leaves no file; Reopen… refuses an empty reason and records a given one in
 * the audit log; a season without harvests says why it cannot be settled. */

#include "config.h"

#include <string.h>

#include "furrow-distribution.h"
#include "furrow-list-columns.h"
#include "furrow-report-document.h"
#include "furrow-roster-row-testing.h"
#include "furrow-season-settlement-page.h"
#include "furrow-season-settlement-page-testing.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-test-store.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"
#include "furrow-season-view-testing.h"

#define SEASON "2026 autumn maize–soybean"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1280, 800, "settlement.gpkg", 200);
}

/* A season planned "2+4" on every field; with `harvest`, every field's harvest recorded as
 * 2,000 yuan/mu of maize and 600 yuan/mu of soybean on its registered area (as `furrow-cli
 * season plan/harvest` would), which leaves a surplus over the default costs and base. */
static void add_season_partly (FurrowStore *store,
                               gboolean     harvest,
                               guint        n_unharvested);

static void
add_season (FurrowStore *store,
            gboolean     harvest)
{
  add_season_partly (store, harvest, 0);
}

/* The same, leaving the first `n_unharvested` fields without a harvest. */
static void
add_season_partly (FurrowStore *store,
                   gboolean     harvest,
                   guint        n_unharvested)
{
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON, 2026);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_add_season (store, draft, &error));
  g_assert_no_error (error);
  season = furrow_store_find_season (store, SEASON);
  g_assert_nonnull (season);
  furrow_test_store_harvest_2_4 (store, season, TRUE, harvest ? n_unharvested : G_MAXUINT);
}

/* Shows the season's Settlement page in the window; returns the page. */
static FurrowSeasonSettlementPage *
show_page (Fixture *fixture)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) shown = furrow_test_store_find_season (store, SEASON);
  GtkWidget *page;

  g_assert_nonnull (shown);
  furrow_window_show_season (fixture->window, shown);
  page = furrow_test_show_season_page (fixture->window, "settlement",
                                       FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300);
  g_assert_true (gtk_widget_get_mapped (page));
  return FURROW_SEASON_SETTLEMENT_PAGE (page);
}

static gboolean
is_inscription_showing (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

/* The mapped GtkInscription under `widget` showing `text`, or NULL. */
static GtkWidget *
find_inscription (GtkWidget  *widget,
                  const char *text)
{
  return furrow_test_find_first (widget, is_inscription_showing, text);
}

/* The mapped button of `page` labelled `label`. */
static GtkWidget *
find_button (GtkWidget  *page,
             const char *label)
{
  GtkWidget *text = furrow_test_find_label (page, label);

  g_assert_nonnull (text);
  return gtk_widget_get_ancestor (text, GTK_TYPE_BUTTON);
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  GtkWindow *dialog = NULL;

  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      furrow_test_iterate (20);
      dialog = furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Answers the dialog as its button would; the dialog is gone afterwards. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWindow *left;

  adw_message_dialog_response (dialog, response);
  furrow_test_iterate (300);
  left = furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (left != NULL)
    gtk_window_destroy (left);
  furrow_test_iterate (50);
}

/* The audit rows about the season, "action|detail", oldest first. */
static GPtrArray *
season_audit (FurrowStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = furrow_store_get_audit_log (store, "season:" SEASON, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      FurrowAuditEntry *e = g_ptr_array_index (entries, i);

      g_ptr_array_add (rows, g_strdup_printf ("%s|%s", e->action, e->detail ? e->detail : ""));
    }
  return rows;
}

static guint
count_prefix (GPtrArray  *rows,
              const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (rows, i), prefix))
      n++;
  return n;
}

static void
settle_in_store (FurrowStore *store)
{
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, SEASON);
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_settle_season (store, season, NULL, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
}

/* ------------------------------------------------------------------------------------------ */

static void
test_settle_roster (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page = NULL;
  GListModel *roster;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autoptr(FurrowRosterRow) total = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *total_text = NULL;
  AdwMessageDialog *dialog;
  FurrowDistributionResult expected;
  GtkWidget *column_view;
  gint64 base = 0, dividend = 0, fee = 0, sum = 0;
  guint n;

  add_season (store, TRUE);
  page = show_page (fixture);
  roster = furrow_season_settlement_page_get_roster (page);

  /* Before settling: the preview is the engine's result on the season's actuals. */
  season = furrow_store_find_season (store, SEASON);
  in = furrow_store_build_settlement_input (store, season, NULL, &error);
  g_clear_object (&season);
  g_assert_no_error (error);
  shares = g_new0 (FurrowDistributionShare, in->input.n_households);
  g_assert_true (furrow_distribution_compute (&in->input, &expected, shares, &error));
  g_assert_no_error (error);
  g_assert_cmpint (expected.surplus_fen, >, 0);
  n = g_list_model_get_n_items (roster);
  g_assert_cmpuint (n, ==, in->input.n_households + 1);
  total = g_list_model_get_item (roster, n - 1);
  g_assert_true (furrow_roster_row_is_total (total));
  g_assert_cmpint (furrow_roster_row_get_base_fen (total), ==, expected.base_total_fen);
  g_assert_cmpint (furrow_roster_row_get_dividend_fen (total), ==,
                   expected.households_dividend_fen);
  g_clear_object (&total);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page),
                                            "Not settled: settling would freeze this "
                                            "distribution"));
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 50, "season-settlement.png");

  /* Settle…: the confirmation shows what the households are paid in all. */
  paid = furrow_format_yuan (expected.base_total_fen + expected.households_dividend_fen
                             - expected.fees_fen);
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Settle…"));
  dialog = wait_for_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), paid));
  respond (dialog, "settle");

  /* The store says settled, and the page shows the frozen settlement, locked. */
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_SETTLED);
  s = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->totals.households_dividend_fen, ==, expected.households_dividend_fen);
  audit = season_audit (store);
  g_assert_cmpuint (count_prefix (audit, "season.settle|"), ==, 1);
  g_assert_true (gtk_widget_get_mapped (find_button (GTK_WIDGET (page), "Reopen…")));
  g_assert_null (furrow_test_find_label (GTK_WIDGET (page), "Settle…"));
  /* Settling again is not offered: the action is disabled and opens no dialog. */
  gtk_widget_activate_action (GTK_WIDGET (page), "settlement.settle", NULL);
  furrow_test_iterate (100);
  g_assert_null (furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* The roster: one row per settled household in code order, then the totals row, which is
   * the settlement's and equals the sums of the rows. */
  roster = furrow_season_settlement_page_get_roster (page);
  n = g_list_model_get_n_items (roster);
  g_assert_cmpuint (n, ==, s->n_rows + 1);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(FurrowRosterRow) row = g_list_model_get_item (roster, i);

      g_assert_false (furrow_roster_row_is_total (row));
      g_assert_cmpstr (furrow_roster_row_get_code (row), ==, s->rows[i].code);
      g_assert_cmpstr (furrow_roster_row_get_name (row), ==, s->rows[i].name);
      g_assert_cmpint (furrow_roster_row_get_total_fen (row), ==, s->rows[i].total_fen);
      g_assert_cmpint (furrow_roster_row_get_total_fen (row), ==,
                       furrow_roster_row_get_base_fen (row)
                       + furrow_roster_row_get_dividend_fen (row)
                       - furrow_roster_row_get_fee_fen (row));
      base += furrow_roster_row_get_base_fen (row);
      dividend += furrow_roster_row_get_dividend_fen (row);
      fee += furrow_roster_row_get_fee_fen (row);
      sum += furrow_roster_row_get_total_fen (row);
    }
  total = g_list_model_get_item (roster, n - 1);
  g_assert_true (furrow_roster_row_is_total (total));
  g_assert_cmpint (furrow_roster_row_get_base_fen (total), ==, s->totals.base_total_fen);
  g_assert_cmpint (furrow_roster_row_get_dividend_fen (total), ==,
                   s->totals.households_dividend_fen);
  g_assert_cmpint (furrow_roster_row_get_fee_fen (total), ==, s->totals.fees_fen);
  g_assert_cmpint (furrow_roster_row_get_base_fen (total), ==, base);
  g_assert_cmpint (furrow_roster_row_get_dividend_fen (total), ==, dividend);
  g_assert_cmpint (furrow_roster_row_get_fee_fen (total), ==, fee);
  g_assert_cmpint (furrow_roster_row_get_total_fen (total), ==, sum);
  g_assert_cmpint (sum, ==, s->totals.base_total_fen + s->totals.households_dividend_fen
                            - s->totals.fees_fen);

  /* On screen: scrolled to the end, the totals row shows that total. */
  column_view = furrow_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (column_view);
  furrow_list_scroll_to (GTK_COLUMN_VIEW (column_view), n - 1);
  furrow_test_iterate (300);
  total_text = furrow_format_yuan (sum);
  g_assert_nonnull (furrow_test_find_label (column_view, total_text));
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 50, "season-roster.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/settle-roster", Fixture, fixture_set_up,
                     test_settle_roster, furrow_test_window_tear_down);

/* pdftotext may drop the spaces between Chinese and digits: compare without them. */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
finished_cb (FurrowSeasonSettlementPage *page,
             gboolean                    ok,
             int                        *result)
{
  *result = ok ? 1 : 0;
}

/* Cancels once the last page is written: the file is finished, not yet handed over. */
static void
cancel_on_last_cb (FurrowSeasonSettlementPage *page,
                   guint                       done,
                   guint                       total,
                   guint                      *seen)
{
  if (done == total && (*seen)++ == 0)
    furrow_season_settlement_page_cancel_export (page);
}

static void
cancel_on_progress_cb (FurrowSeasonSettlementPage *page,
                       guint                       done,
                       guint                       total,
                       guint                      *seen)
{
  if ((*seen)++ == 0)
    furrow_season_settlement_page_cancel_export (page);
}

/* Runs an export started by `start` and waits for it; returns whether it succeeded. */
static gboolean
wait_export (FurrowSeasonSettlementPage *page)
{
  int result = -1;
  gulong id = g_signal_connect (page, "export-finished", G_CALLBACK (finished_cb), &result);

  for (guint i = 0; i < 3000 && result < 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (page, id);
  g_assert_cmpint (result, >=, 0);
  g_assert_false (furrow_season_settlement_page_is_exporting (page));
  return result == 1;
}

static void
test_export_statements (Fixture       *fixture,
                        gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->base.tmpdir, "statements.pdf", NULL);
  g_autofree char *cancelled = g_build_filename (fixture->base.tmpdir, "cancelled.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->base.tmpdir, "roster.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GPtrArray) audit = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint page_no = 0;
  guint seen = 0;
  gulong id;

  add_season (store, TRUE);
  settle_in_store (store);
  page = show_page (fixture);
  season = furrow_store_find_season (store, SEASON);
  s = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);

  /* One PDF: a page per household with a statement (full custody, or fees owed), in code
   * order, each with that household's name and total. */
  furrow_season_settlement_page_export_statements (page, file, FALSE);
  g_assert_true (furrow_season_settlement_page_is_exporting (page));
  g_assert_true (wait_export (page));
  /* The toast names the file and offers to open it. */
  {
    g_autofree char *exported = g_strdup_printf ("Exported to %s", path);

    furrow_test_iterate (100);
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), exported));
    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), "Open"));
  }
  pages = furrow_test_pdf_pages (path);
  for (gsize i = 0; i < s->n_rows; i++)
    {
      const FurrowSeasonSettlementRow *row = &s->rows[i];
      /* An amount owed is shown positive beside "Total owed" (issue 13, item 4). */
      g_autofree char *total = furrow_format_yuan (ABS (row->total_fen));
      g_autofree char *text = NULL;

      g_assert_nonnull (pages[page_no]);
      text = without_spaces (pages[page_no]);
      if (strstr (text, row->name) == NULL || strstr (text, total) == NULL)
        g_error ("page %u does not show %s and %s:\n%s", page_no + 1, row->name, total,
                 pages[page_no]);
      page_no++;
    }
  /* Every settled household has its page, the half-custody ones with nothing due too. */
  g_assert_cmpuint (page_no, ==, s->n_rows);
  /* The text after the last form feed is empty: exactly one page per statement. */
  g_assert_cmpuint (g_strv_length (pages), ==, page_no + 1);
  g_assert_cmpstr (g_strstrip (pages[page_no]), ==, "");

  /* Cancelled at its first progress report: no file, and no temporary file either. */
  id = g_signal_connect (page, "export-progress", G_CALLBACK (cancel_on_progress_cb), &seen);
  furrow_season_settlement_page_export_statements (page, cancelled_file, FALSE);
  g_assert_false (wait_export (page));
  g_signal_handler_disconnect (page, id);
  g_assert_cmpuint (seen, >=, 1);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->base.tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "cancelled") || g_str_has_prefix (name, ".cancelled"));

  /* A file the user already has: a cancel at the first page, and one after the last page was
   * written, both leave it byte for byte; a completed export replaces it. No part file stays. */
  {
    static const char old[] = "last year's statements\n";
    g_autofree char *kept = g_build_filename (fixture->base.tmpdir, "kept.pdf", NULL);
    g_autoptr(GFile) kept_file = g_file_new_for_path (kept);
    g_autofree char *contents = NULL;
    g_autoptr(GDir) listing = NULL;

    g_assert_true (g_file_set_contents (kept, old, -1, NULL));
    seen = 0;
    id = g_signal_connect (page, "export-progress", G_CALLBACK (cancel_on_progress_cb), &seen);
    furrow_season_settlement_page_export_statements (page, kept_file, FALSE);
    g_assert_false (wait_export (page));
    g_signal_handler_disconnect (page, id);
    g_assert_cmpuint (seen, >=, 1);
    g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, old);
    g_clear_pointer (&contents, g_free);

    seen = 0;
    id = g_signal_connect (page, "export-progress", G_CALLBACK (cancel_on_last_cb), &seen);
    furrow_season_settlement_page_export_statements (page, kept_file, FALSE);
    g_assert_false (wait_export (page));
    g_signal_handler_disconnect (page, id);
    g_assert_cmpuint (seen, ==, 1);
    g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, old);
    g_clear_pointer (&contents, g_free);

    /* The roster (a PDF, by the extension) over it: replaced. */
    furrow_season_settlement_page_export_roster (page, kept_file);
    g_assert_true (wait_export (page));
    g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
    g_assert_cmpstr (contents, !=, old);
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));

    listing = g_dir_open (fixture->base.tmpdir, 0, NULL);
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".kept") || strstr (name, ".part-") != NULL);
  }

  /* One PDF per household into a new folder: a file per statement page, named by code. */
  {
    g_autofree char *folder = g_build_filename (fixture->base.tmpdir, "each", NULL);
    g_autofree char *gone = g_build_filename (fixture->base.tmpdir, "each-cancelled", NULL);
    g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
    g_autoptr(GFile) gone_file = g_file_new_for_path (gone);
    g_autoptr(GDir) each = NULL;
    guint n_files = 0;

    furrow_season_settlement_page_export_statements (page, folder_file, TRUE);
    g_assert_true (wait_export (page));
    each = g_dir_open (folder, 0, NULL);
    g_assert_nonnull (each);
    while ((name = g_dir_read_name (each)) != NULL)
      {
        g_assert_true (g_str_has_suffix (name, ".pdf"));
        n_files++;
      }
    g_assert_cmpuint (n_files, ==, page_no);

    /* Cancelled: the folder it made is gone with the files it had written. */
    seen = 0;
    id = g_signal_connect (page, "export-progress", G_CALLBACK (cancel_on_progress_cb), &seen);
    furrow_season_settlement_page_export_statements (page, gone_file, TRUE);
    g_assert_false (wait_export (page));
    g_signal_handler_disconnect (page, id);
    g_assert_cmpuint (seen, >=, 1);
    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  }

  /* The roster as XLSX and as CSV, by the extension. */
  {
    g_autofree char *xlsx = g_build_filename (fixture->base.tmpdir, "roster.xlsx", NULL);
    g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);

    furrow_season_settlement_page_export_roster (page, xlsx_file);
    g_assert_true (wait_export (page));
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  }
  furrow_season_settlement_page_export_roster (page, csv_file);
  g_assert_true (wait_export (page));
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  /* Printing the roster through GtkPrintOperation (exported to PDF instead of the dialog):
   * the same renderer, its totals row equal to the settlement's. */
  {
    g_autofree char *printed = g_build_filename (fixture->base.tmpdir, "printed.pdf", NULL);
    g_autofree char *paid = furrow_format_yuan (s->totals.base_total_fen
                                                + s->totals.households_dividend_fen
                                                - s->totals.fees_fen);
    g_auto(GStrv) printed_pages = NULL;
    g_autofree char *last = NULL;
    guint n_printed;

    g_assert_cmpint (furrow_season_settlement_page_print (page, FURROW_SETTLEMENT_OUTPUT_ROSTER,
                                                          GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                          printed, &error), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    printed_pages = furrow_test_pdf_pages (printed);
    n_printed = g_strv_length (printed_pages);
    g_assert_cmpuint (n_printed, >=, 2);
    last = without_spaces (printed_pages[n_printed - 2]);
    if (strstr (last, paid) == NULL)
      g_error ("the roster's last page has no total %s:\n%s", paid, printed_pages[n_printed - 2]);
  }

  /* Each export and print is an audit row; the cancelled ones are not: statements into one
   * PDF and a folder; the roster over kept.pdf, as XLSX, as CSV and printed. */
  audit = season_audit (store);
  g_assert_cmpuint (count_prefix (audit, "season.print.statements|"), ==, 2);
  g_assert_cmpuint (count_prefix (audit, "season.print.roster|"), ==, 4);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/export-statements", Fixture, fixture_set_up,
                     test_export_statements, furrow_test_window_tear_down);

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  add_season (store, TRUE);
  settle_in_store (store);
  page = show_page (fixture);

  /* An empty reason: the Reopen response is disabled, and forced anyway it changes nothing. */
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Reopen…"));
  dialog = wait_for_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  respond (dialog, "reopen");
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_SETTLED);
  g_clear_object (&season);

  /* With a reason: harvested again, and the audit log has the reason. */
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Reopen…"));
  dialog = wait_for_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Soybean sales were entered twice");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  respond (dialog, "reopen");
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_HARVESTED);
  audit = season_audit (store);
  g_assert_cmpuint (count_prefix (audit, "season.reopen|reason: Soybean sales were entered "
                                         "twice;"), ==, 1);
  g_assert_cmpuint (count_prefix (audit, "season.reopen|"), ==, 1);
  /* The page is back to the preview, with Settle… again. */
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Settle…"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/reopen", Fixture, fixture_set_up, test_reopen,
                     furrow_test_window_tear_down);

/* Households under 60 % of the distributable surplus: the confirmation asks for the reason, and
 * settling records it. Split 10/0/50/40: households 40 of the 90 % after the reserve, 44 %. */
static void
test_reason_required (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  FurrowSurplusSplit split = { 10, 0, 50, 40 };
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  add_season (store, TRUE);
  season = furrow_store_find_season (store, SEASON);
  furrow_season_set_split (season, &split, NULL);
  g_assert_true (furrow_store_update_season (store, season, &error));
  g_assert_no_error (error);
  g_clear_object (&season);
  page = show_page (fixture);
  g_assert_nonnull (find_inscription (GTK_WIDGET (page),
                                      "Households get less than 60 % of the distributable "
                                      "surplus: settling asks for the reason."));

  gtk_widget_activate (find_button (GTK_WIDGET (page), "Settle…"));
  dialog = wait_for_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "settle"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Members' meeting of 2026-10-20: new tractor");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "settle"));
  respond (dialog, "settle");

  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_SETTLED);
  s = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->reason, ==, "Members' meeting of 2026-10-20: new tractor");
  audit = season_audit (store);
  g_assert_cmpuint (count_prefix (audit, "season.settle|"), ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (audit, audit->len - 1),
                            "reason: Members' meeting of 2026-10-20: new tractor"));
  g_assert_nonnull (find_inscription (GTK_WIDGET (page),
                                      "Reason: Members' meeting of 2026-10-20: new "
                                      "tractor"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/reason-required", Fixture, fixture_set_up,
                     test_reason_required, furrow_test_window_tear_down);

/* Settled behind the open confirmation (another window, the CLI): confirming is refused by the
 * store, and the page says so in a toast with the store's words. */
static void
test_refusal_toast (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *toast = NULL;
  AdwMessageDialog *dialog;

  add_season (store, TRUE);
  page = show_page (fixture);
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Settle…"));
  dialog = wait_for_dialog ();
  settle_in_store (store);

  /* What the store says to a second settling. */
  season = furrow_store_find_season (store, SEASON);
  g_assert_false (furrow_store_settle_season (store, season, NULL, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  toast = g_strdup_printf ("Not settled: %s", error->message);

  respond (dialog, "settle");
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), toast));
  audit = season_audit (store);
  g_assert_cmpuint (count_prefix (audit, "season.settle|"), ==, 1);
  /* And the page shows the settlement made elsewhere. */
  g_assert_true (gtk_widget_get_mapped (find_button (GTK_WIDGET (page), "Reopen…")));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/refusal-toast", Fixture, fixture_set_up,
                     test_refusal_toast, furrow_test_window_tear_down);

/* Settling with something missing (issue 13, item 3; docs/domain.md §8, Before settling): the
 * first two of the demo's 40 custody fields have no harvest, and its 12 half-custody households
 * (index ≡ 7 mod 25) are billed ¥0 since the season has no fees. The confirmation names them and
 * settling is the destructive "Settle Anyway"; cancelling leaves the season harvested. */
static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(FurrowField) first = g_list_model_get_item (fields, 0);
  g_autoptr(FurrowField) second = g_list_model_get_item (fields, 1);
  g_autofree char *no_harvest = g_strdup_printf ("2 of 40 fields have no harvest: %s %s, %s %s",
                                                 furrow_field_get_code (first),
                                                 furrow_field_get_name (first),
                                                 furrow_field_get_code (second),
                                                 furrow_field_get_name (second));
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 40);
  add_season_partly (store, TRUE, 2);
  page = show_page (fixture);
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Settle…"));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Settle “" SEASON "” with something missing?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "Before settling, check:\n"));
  g_assert_nonnull (strstr (body, no_harvest));
  g_assert_nonnull (strstr (body, "12 half-custody households are billed ¥0 in fees: "));
  g_assert_null (strstr (body, "price of ¥0"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "settle"), ==,
                   "_Settle Anyway");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "settle"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 50, "season-settle-missing.png");
  respond (dialog, "cancel");
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_HARVESTED);
  g_clear_object (&season);

  /* Settling anyway settles. */
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Settle…"));
  dialog = wait_for_dialog ();
  respond (dialog, "settle");
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_SETTLED);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/missing", Fixture, fixture_set_up,
                     test_missing, furrow_test_window_tear_down);

static gboolean
is_notice_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "YYYY-MM-DD") == 0;
}

/* The public-notice date on the page of a settled season (issue 13, item 11): a day that does not
 * exist shows the error style and cannot be set; a real one is stored for the season, its
 * statements print it, and the page shows it again after reloading. */
static void
test_notice_date (Fixture       *fixture,
                  gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *notice_entry;
  GtkEditable *entry;

  add_season (store, TRUE);
  settle_in_store (store);
  page = show_page (fixture);
  notice_entry = furrow_test_find_first (GTK_WIDGET (page), is_notice_entry, NULL);
  g_assert_nonnull (notice_entry);
  entry = GTK_EDITABLE (notice_entry);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  gtk_editable_set_text (entry, "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  /* Enter does nothing: the action is disabled. */
  g_signal_emit_by_name (notice_entry, "activate");
  furrow_test_iterate (100);
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "");
  g_clear_object (&season);

  gtk_editable_set_text (entry, "2026-11-20");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_signal_emit_by_name (notice_entry, "activate");
  furrow_test_iterate (200);
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "2026-11-20");
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window),
                                            "The statements will say they were posted on "
                                            "2026-11-20"));
  /* The page reloaded on the store's signal and still shows it. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "2026-11-20");
  /* What the page prints carries it. */
  document = furrow_report_document_new_statements (store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_report_document_get_report (document)->cooperative.notice_date, ==,
                   "2026-11-20");
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/notice-date", Fixture, fixture_set_up,
                     test_notice_date, furrow_test_window_tear_down);

static void
test_not_harvested (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;

  add_season (store, FALSE);
  page = show_page (fixture);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page),
                                            "Not harvested yet: nothing to settle"));
  /* Settle… is there but does nothing: its action is disabled. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (page), "Settle…")));
  gtk_widget_activate_action (GTK_WIDGET (page), "settlement.settle", NULL);
  furrow_test_iterate (100);
  g_assert_null (furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/not-harvested", Fixture, fixture_set_up,
                     test_not_harvested, furrow_test_window_tear_down);

/* A rebuild empties the roster in one items-changed (position 0, n removed, none added). */
static void
roster_items_changed_cb (GListModel *roster,
                         guint       position,
                         guint       removed,
                         guint       added,
                         guint      *rebuilds)
{
  if (position == 0 && removed > 0 && added == 0)
    (*rebuilds)++;
}

static gboolean
rebuilt (gpointer data)
{
  return *(guint *) data > 0;
}

/* One change, one update: settling announces season-changed and settlement-changed, reopening
 * the same, and the page is rebuilt once for each (it was twice), showing the new state. */
static void
test_one_update (Fixture       *fixture,
                 gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  guint rebuilds = 0;

  add_season (store, TRUE);
  page = show_page (fixture);
  g_signal_connect (furrow_season_settlement_page_get_roster (page), "items-changed",
                    G_CALLBACK (roster_items_changed_cb), &rebuilds);

  settle_in_store (store);
  g_assert_true (furrow_test_wait_until (rebuilt, &rebuilds, 30));
  furrow_test_iterate (100);
  g_assert_cmpuint (rebuilds, ==, 1);
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Reopen…"));

  rebuilds = 0;
  season = furrow_store_find_season (store, SEASON);
  g_assert_true (furrow_store_reopen_season (store, season, "entered twice", &error));
  g_assert_no_error (error);
  g_assert_true (furrow_test_wait_until (rebuilt, &rebuilds, 30));
  furrow_test_iterate (100);
  g_assert_cmpuint (rebuilds, ==, 1);
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Settle…"));
  g_signal_handlers_disconnect_by_data (furrow_season_settlement_page_get_roster (page),
                                        &rebuilds);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/one-update", Fixture, fixture_set_up,
                     test_one_update, furrow_test_window_tear_down);

/* Bank payments on the page (docs/domain.md, "Bank accounts"): with a household to pay without
 * an account, Export Bank File writes nothing; with every household's account (the demo's), the
 * generic file holds one row per
 * household paid and its total is the roster's total paid; the Payment column says Sent to the
 * bank, then, after a return that fails the first household, Failed with the bank's reason and
 * Paid for the second; the audit log has a row per change. */
typedef struct
{
  FurrowSeasonSettlementPage *page;
  const char                 *code;
  const char                 *expected;
} PaymentWait;

static gboolean
payment_shown (gpointer data)
{
  PaymentWait *wait = data;

  return g_strcmp0 (furrow_season_settlement_page_get_payment_text (wait->page, wait->code),
                    wait->expected) == 0;
}

/* Iterates until the page shows CODE's payment as EXPECTED (at most 60 s, for a loaded machine);
 * the assertion after it says what it shows if it never does. */
static void
wait_for_payment (FurrowSeasonSettlementPage *page,
                  const char                 *code,
                  const char                 *expected)
{
  PaymentWait wait = { page, code, expected };

  furrow_test_wait_until (payment_shown, &wait, 60);
  g_assert_cmpstr (furrow_season_settlement_page_get_payment_text (page, code), ==, expected);
}

static void
test_bank (Fixture       *fixture,
           gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonSettlementPage *page;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *dir = furrow_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "bank.csv", NULL);
  g_autofree char *ret = g_build_filename (dir, "return.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *return_text = NULL;
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) ret_file = g_file_new_for_path (ret);
  const char *first = NULL;
  const char *second = NULL;
  gint64 paid_fen = 0;
  guint n_paid = 0, n_lines = 0;

  add_season (store, TRUE);
  settle_in_store (store);
  page = show_page (fixture);
  season = furrow_store_find_season (store, SEASON);
  settlement = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < settlement->n_rows; i++)
    if (settlement->rows[i].total_fen > 0)
      {
        paid_fen += settlement->rows[i].total_fen;
        n_paid++;
        if (first == NULL)
          first = settlement->rows[i].code;
        else if (second == NULL)
          second = settlement->rows[i].code;
      }
  g_assert_cmpuint (n_paid, >, 2);
  g_assert_cmpstr (furrow_season_settlement_page_get_payment_text (page, first), ==, "Unpaid");

  /* Posted long ago: the notice is over (docs/domain.md §15; forcing it is
   * tests/gui/test-season-notice.c's pay-anyway). */
  g_assert_true (furrow_store_set_notice (store, season, "2025-01-10", 7, &error));
  g_assert_no_error (error);

  /* The first household paid without its account (the demo gives every household one):
   * nothing is written; with it back, the file is. */
  {
    g_autoptr(FurrowHousehold) household = furrow_store_find_household (store, first);
    g_autofree char *number = g_strdup (furrow_household_get_account_number (household));

    furrow_household_set_account_number (household, "");
    g_assert_true (furrow_store_update_household (store, household, &error));
    g_assert_no_error (error);
    g_assert_false (furrow_season_settlement_page_export_bank_file (page, csv_file, "generic",
                                                                    FALSE));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    furrow_household_set_account_number (household, number);
    g_assert_true (furrow_store_update_household (store, household, &error));
    g_assert_no_error (error);
  }
  g_assert_true (furrow_season_settlement_page_export_bank_file (page, csv_file, "generic",
                                                                 FALSE));
  /* The page shows the new states once its rebuild has run: waited for, not timed. */
  wait_for_payment (page, first, "Sent to the bank");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  for (const char *p = contents; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n_lines++;
  /* A header, a row per household paid, the total row with the roster's total paid. */
  g_assert_cmpuint (n_lines, ==, n_paid + 2);
  {
    g_autofree char *total = g_strdup_printf ("合计,,,,,,%" G_GINT64_FORMAT ".%02d,\r\n",
                                              paid_fen / 100, (int) (paid_fen % 100));

    g_assert_true (g_str_has_suffix (contents, total));
  }
  g_assert_cmpstr (furrow_season_settlement_page_get_payment_text (page, first), ==,
                   "Sent to the bank");

  return_text = g_strdup_printf ("承包方编码,状态,失败原因\n%s,失败,账户已冻结\n%s,成功,\n",
                                 first, second);
  g_assert_true (g_file_set_contents (ret, return_text, -1, NULL));
  g_assert_true (furrow_season_settlement_page_import_bank_return (page, ret_file));
  wait_for_payment (page, first, "Failed");
  wait_for_payment (page, second, "Paid");
  g_assert_cmpstr (furrow_season_settlement_page_get_payment_text (page, first), ==, "Failed");
  g_assert_cmpstr (furrow_season_settlement_page_get_payment_text (page, second), ==, "Paid");
  furrow_test_save_widget_screenshot (GTK_WIDGET (page), 50, "season-settlement-payments.png");

  audit = season_audit (store);
  g_assert_cmpuint (count_prefix (audit, "payment.sent|"), ==, n_paid);
  g_assert_cmpuint (count_prefix (audit, "payment.failed|"), ==, 1);
  g_assert_cmpuint (count_prefix (audit, "payment.paid|"), ==, 1);
  furrow_test_remove_tmpdir (dir);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-settlement/bank", Fixture, fixture_set_up, test_bank,
                     furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
