/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The payroll (发放花名册, issue 14 item 2) from the Settlement page of the real window: the
 * demo project with a season planned "2+4" and harvested through the store, settled; the
 * payroll exported through the page (what "Export Payroll for Signatures…" starts after its file
 * chooser) reads back with pdftotext: every paid household's amount in order, the page
 * subtotals, and a total that is the frozen settlement's (each paid household's total, summed
 * here from the store) to the fen; XLSX by village group; the project file itself refused and
 * left as it was; a cancelled export leaves no file; Print Payroll… gives the same pages; each
 * print and export an audit row. */

#include "config.h"

#include <string.h>

#include "furrow-season-settlement-page.h"
#include "furrow-season-settlement-page-testing.h"
#include "furrow-store-notice.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"
#include "furrow-test-gui.h"
#include "furrow-test-store.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-season-view-testing.h"

#define SEASON "2026 autumn maize–soybean"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1280, 800, "payroll.gpkg", 200);
}

/* Every field planned "2+4" and harvested at 2,000 yuan/mu of maize and 600 yuan/mu of soybean
 * (as tests/gui/test-season-settlement.c does), then settled in the store. */
static void
settled_season (FurrowStore *store)
{
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON, 2026);
  g_autoptr(FurrowSeason) season = furrow_test_store_settle_2_4 (store, draft, TRUE);
  g_autoptr(GError) error = NULL;

  /* Posted long ago: the notice is over (docs/domain.md §15; the refusal is tested in
   * tests/gui/test-season-notice.c). */
  g_assert_true (furrow_store_set_notice (store, season, "2026-01-10", 7, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
}

static void
finished_cb (FurrowSeasonSettlementPage *page,
             gboolean                    ok,
             int                        *result)
{
  *result = ok ? 1 : 0;
}

static gboolean
export_payroll (FurrowSeasonSettlementPage *page,
                const char                 *path,
                gboolean                    by_group)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  int result = -1;
  gulong id = g_signal_connect (page, "export-finished", G_CALLBACK (finished_cb), &result);

  furrow_season_settlement_page_export_payroll (page, file, by_group);
  for (guint i = 0; i < 3000 && result < 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (page, id);
  g_assert_cmpint (result, >=, 0);
  return result == 1;
}

/* The ¥ amounts of `text` in order, in fen. */
static GArray *
amounts_fen (const char *text)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (const char *p = text; (p = strstr (p, "¥")) != NULL; )
    {
      gint64 fen = 0;

      for (p += strlen ("¥"); g_ascii_isdigit (*p) || *p == ',' || *p == '.'; p++)
        if (g_ascii_isdigit (*p))
          fen = fen * 10 + (*p - '0');
      g_array_append_val (amounts, fen);
    }
  return amounts;
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->base.tmpdir, "payroll.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->base.tmpdir, "payroll.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) audit = NULL;
  FurrowSeasonSettlementPage *page;
  gint64 paid_fen = 0;
  guint n_paid = 0;
  guint n_pages;
  guint row = 0;
  guint payrolls = 0;

  settled_season (store);
  furrow_window_show_season (fixture->window,
                             (season = furrow_test_store_find_season (store, SEASON)));
  page = FURROW_SEASON_SETTLEMENT_PAGE (
    furrow_test_show_season_page (fixture->window, "settlement",
                                  FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300));
  s = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);
  /* Who is paid and how much, from the frozen settlement. */
  for (gsize i = 0; i < s->n_rows; i++)
    if (s->rows[i].total_fen > 0)
      {
        paid_fen += s->rows[i].total_fen;
        n_paid++;
      }
  g_assert_cmpuint (n_paid, >, 250);
  /* The paid households' totals are the settlement's base + dividend − fees, plus what the
   * households that owe fees owe (none owes more than it is paid here: no fee this season). */
  g_assert_cmpint (paid_fen, ==, s->totals.base_total_fen + s->totals.households_dividend_fen
                                 - s->totals.fees_fen);

  g_assert_true (export_payroll (page, pdf, FALSE));
  furrow_test_iterate (100);
  {
    g_autofree char *exported = g_strdup_printf ("Exported to %s", pdf);

    g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), exported));
  }
  {
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

    text = furrow_test_run_tool (argv);
  }
  pages = g_strsplit (text, "\f", -1);
  /* 12 rows a page. */
  n_pages = (n_paid + 11) / 12;
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(GArray) amounts = amounts_fen (pages[p]);
      guint n_rows = MIN (12, n_paid - p * 12);
      gint64 subtotal = 0;

      /* The rows in household code order (the settlement's order), then the subtotal. */
      for (guint r = 0; r < n_rows; r++)
        {
          while (s->rows[row].total_fen <= 0)
            row++;
          g_assert_nonnull (strstr (pages[p], s->rows[row].name));
          g_assert_cmpint (g_array_index (amounts, gint64, r), ==, s->rows[row].total_fen);
          subtotal += s->rows[row].total_fen;
          row++;
        }
      g_assert_cmpint (g_array_index (amounts, gint64, n_rows), ==, subtotal);
      if (p + 1 == n_pages)
        {
          /* The total, then the note's settlement figure: both the settlement's. */
          g_assert_cmpint (g_array_index (amounts, gint64, n_rows + 1), ==, paid_fen);
          g_assert_cmpint (g_array_index (amounts, gint64, n_rows + 2), ==, paid_fen);
          g_assert_nonnull (strstr (pages[p], "The total agrees with the settlement to the fen"));
          g_assert_nonnull (strstr (pages[p], "Prepared by:"));
        }
    }

  /* Cancelled while it writes: nothing is left. */
  {
    g_autofree char *cancelled = g_build_filename (fixture->base.tmpdir, "cancelled.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (cancelled);
    int result = -1;
    gulong id = g_signal_connect (page, "export-finished", G_CALLBACK (finished_cb), &result);

    furrow_season_settlement_page_export_payroll (page, file, FALSE);
    furrow_season_settlement_page_cancel_export (page);
    for (guint i = 0; i < 3000 && result < 0; i++)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (page, id);
    g_assert_cmpint (result, ==, 0);
    g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
    g_assert_false (furrow_season_settlement_page_is_exporting (page));
  }

  /* XLSX, one sheet per village group. */
  g_assert_true (export_payroll (page, xlsx, TRUE));
  {
    const char *argv[] = { "unzip", "-p", xlsx, "xl/workbook.xml", NULL };
    g_autofree char *workbook = furrow_test_run_tool (argv);

    g_assert_nonnull (strstr (workbook, "<sheet name=\"3707821022"));
  }

  /* The project file is refused, and stays as it was. */
  before = file_digest (furrow_store_get_path (store));
  g_assert_false (export_payroll (page, furrow_store_get_path (store), FALSE));
  after = file_digest (furrow_store_get_path (store));
  g_assert_cmpstr (before, ==, after);

  /* Print Payroll… through GtkPrintOperation, exported to a PDF as a printer would get it:
   * the same pages, the last with the settlement's total. */
  {
    g_autofree char *printed = g_build_filename (fixture->base.tmpdir, "printed.pdf", NULL);
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", printed, "-", NULL };
    g_autofree char *printed_text = NULL;
    g_autofree char *total = furrow_format_yuan (paid_fen);
    g_auto(GStrv) printed_pages = NULL;

    g_assert_cmpint (furrow_season_settlement_page_print_payroll (
                       page, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    printed_text = furrow_test_run_tool (argv);
    printed_pages = g_strsplit (printed_text, "\f", -1);
    g_assert_cmpuint (g_strv_length (printed_pages), >=, n_pages);
    g_assert_nonnull (strstr (printed_pages[n_pages - 1], total));
    g_assert_null (strstr (printed_pages[n_pages - 2], total));
  }

  audit = _furrow_store_get_audit (store, "season:" SEASON);
  for (guint i = 0; audit[i] != NULL; i++)
    if (g_str_has_prefix (audit[i], "season.print.payroll|"))
      payrolls++;
  g_assert_cmpuint (payrolls, ==, 3);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-payroll/export", Fixture, fixture_set_up, test_export,
                     furrow_test_window_tear_down);

static gboolean
chooser_shown (gpointer data)
{
  return furrow_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_gone (gpointer data)
{
  return !chooser_shown (data);
}

/* The chooser an output action opens (the page's one chooser helper,
 * furrow-season-settlement-page-private.h): over the window, its title, its action, the name it
 * proposes and its filters' names in order; cancelled, it goes and writes nothing. */
static GtkFileChooser *
open_chooser (FurrowSeasonSettlementPage *page,
              Fixture                    *fixture,
              const char                 *action,
              const char                 *title,
              GtkFileChooserAction        chooser_action,
              const char                 *current_name,
              const char * const         *filters)
{
  GtkWindow *chooser;
  g_autoptr(GListModel) list = NULL;
  guint n = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  g_assert_true (furrow_test_wait_until (chooser_shown, NULL, 30));
  chooser = furrow_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, title);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, chooser_action);
  if (current_name != NULL)
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_cmpstr (name, ==, current_name);
    }
  list = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  for (; filters[n] != NULL; n++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (list, n);

      g_assert_nonnull (filter);
      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, filters[n]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  return GTK_FILE_CHOOSER (chooser);
}

static void
cancel_chooser (GtkFileChooser *chooser)
{
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (furrow_test_wait_until (chooser_gone, NULL, 30));
}

/* Who signs (issue 12): a signer's name with a control character is refused in the dialog as
 * it is typed — the entry marked, the reason under the entries, Export disabled — the same
 * check and message as furrow-cli payroll --preparer (furrow_register_check_text()); once the
 * names are clean, Export writes them on the signature lines (pdftotext of the PDF). */
static void
test_signers (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) season = NULL;
  g_autofree char *pdf = g_build_filename (fixture->base.tmpdir, "signed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autofree char *text = NULL;
  FurrowSeasonSettlementPage *page;
  GtkWidget *dialog, *box, *entries[3], *problem;
  int result = -1;
  gulong id;

  settled_season (store);
  furrow_window_show_season (fixture->window,
                             (season = furrow_test_store_find_season (store, SEASON)));
  page = FURROW_SEASON_SETTLEMENT_PAGE (
    furrow_test_show_season_page (fixture->window, "settlement",
                                  FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300));
  dialog = furrow_season_settlement_page_ask_signers (page, file, FALSE);
  box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  entries[0] = gtk_widget_get_first_child (box);
  entries[1] = gtk_widget_get_next_sibling (entries[0]);
  entries[2] = gtk_widget_get_next_sibling (entries[1]);
  problem = gtk_widget_get_next_sibling (entries[2]);
  g_assert_true (GTK_IS_LABEL (problem));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));

  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "李四光\033[2J");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "export"));
  g_assert_true (gtk_widget_has_css_class (entries[1], "error"));
  g_assert_false (gtk_widget_has_css_class (entries[0], "error"));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==,
                   "The checker’s name holds a control character (U+001B); remove it");
  furrow_test_save_widget_screenshot (dialog, 10, "season-payroll-signers-refused.png");

  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "张三丰");
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "李四光");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  g_assert_false (gtk_widget_has_css_class (entries[1], "error"));
  g_assert_false (gtk_widget_get_visible (problem));

  id = g_signal_connect (page, "export-finished", G_CALLBACK (finished_cb), &result);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
  for (guint i = 0; i < 3000 && result < 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (page, id);
  g_assert_cmpint (result, ==, 1);
  {
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

    text = furrow_test_run_tool (argv);
  }
  g_assert_nonnull (strstr (text, "张三丰"));
  g_assert_nonnull (strstr (text, "李四光"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-payroll/signers", Fixture, fixture_set_up,
                     test_signers, furrow_test_window_tear_down);

/* Each output of the settled season asks for its file the same way: the payroll a PDF or XLSX
 * with "One list per village group" (unticked), the surplus statement an XLSX or PDF, the bank
 * file under its name with its layout ("generic") and whom to pay ("first"), the bank return a
 * CSV to open, the roster a PDF, XLSX or CSV, the statements a PDF or a folder. Cancelling any of
 * them writes nothing: no audit row. */
static void
test_choosers (Fixture       *fixture,
               gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) season = NULL;
  g_auto(GStrv) audit_before = NULL;
  g_auto(GStrv) audit_after = NULL;
  FurrowSeasonSettlementPage *page;
  GtkFileChooser *chooser;
  static const char *pdf_xlsx[] = { "PDF documents", "Excel workbooks (.xlsx)", NULL };
  static const char *xlsx_pdf[] = { "Excel workbooks (.xlsx)", "PDF documents", NULL };
  static const char *roster[] = { "PDF documents", "Excel workbooks (.xlsx)", "CSV spreadsheets",
                                  NULL };
  static const char *pdf[] = { "PDF documents", NULL };
  static const char *csv[] = { "CSV files", NULL };
  static const char *none[] = { NULL };

  settled_season (store);
  furrow_window_show_season (fixture->window,
                             (season = furrow_test_store_find_season (store, SEASON)));
  page = FURROW_SEASON_SETTLEMENT_PAGE (
    furrow_test_show_season_page (fixture->window, "settlement",
                                  FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300));
  audit_before = _furrow_store_get_audit (store, "season:" SEASON);

  chooser = open_chooser (page, fixture, "settlement.export-payroll", "Export Payroll",
                          GTK_FILE_CHOOSER_ACTION_SAVE, SEASON " payroll.pdf", pdf_xlsx);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "by-group"), ==, "false");
  cancel_chooser (chooser);
  cancel_chooser (open_chooser (page, fixture, "settlement.export-surplus-statement",
                                "Export Surplus Statement", GTK_FILE_CHOOSER_ACTION_SAVE,
                                SEASON " surplus statement.xlsx", xlsx_pdf));
  chooser = open_chooser (page, fixture, "settlement.export-bank-file", "Export Bank File",
                          GTK_FILE_CHOOSER_ACTION_SAVE, SEASON " bank file.csv", none);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "profile"), ==, "generic");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "which"), ==, "first");
  cancel_chooser (chooser);
  cancel_chooser (open_chooser (page, fixture, "settlement.import-bank-return",
                                "Import Bank Return", GTK_FILE_CHOOSER_ACTION_OPEN, NULL, csv));
  cancel_chooser (open_chooser (page, fixture, "settlement.export-roster", "Export Roster",
                                GTK_FILE_CHOOSER_ACTION_SAVE, SEASON " roster.pdf", roster));
  cancel_chooser (open_chooser (page, fixture, "settlement.export-statements",
                                "Export Statements", GTK_FILE_CHOOSER_ACTION_SAVE,
                                SEASON " statements.pdf", pdf));
  cancel_chooser (open_chooser (page, fixture, "settlement.export-statements-folder",
                                "Export Statements into a Folder",
                                GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, NULL, none));

  audit_after = _furrow_store_get_audit (store, "season:" SEASON);
  g_assert_cmpuint (g_strv_length (audit_after), ==, g_strv_length (audit_before));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-payroll/choosers", Fixture, fixture_set_up,
                     test_choosers, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
