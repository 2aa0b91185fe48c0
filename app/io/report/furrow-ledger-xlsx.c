/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The member accounts as XLSX (furrow-ledger-xlsx.h, docs/domain.md §16), with the workbook and
 * table formats the payroll's uses (furrow-xlsx.h). */

#include "config.h"

#include "furrow-ledger-xlsx.h"

#include "furrow-report.h"
#include "furrow-report-private.h"
#include "furrow-units.h"
#include "furrow-xlsx.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define N_ACCOUNT_COLUMNS 11
#define N_CHECK_COLUMNS   6

/* The area in mu to 0.01, as every printout rounds it. */
static double
area_mu (double area_m2)
{
  return (double) llround (furrow_m2_to_mu (area_m2) * 100.0) / 100.0;
}

static void
write_entry (lxw_worksheet           *sheet,
             const FurrowXlsxFormats *f,
             lxw_row_t                row,
             const FurrowLedgerEntry *entry,
             gboolean                 total)
{
  lxw_format *money = total ? f->sum_money : f->money;

  worksheet_write_number (sheet, row, 4, area_mu (entry->area_m2), total ? f->sum_area : f->area);
  furrow_xlsx_write_money (sheet, row, 5, entry->base_fen, money);
  furrow_xlsx_write_money (sheet, row, 6, entry->returned_fen, money);
  furrow_xlsx_write_money (sheet, row, 7, entry->fee_fen, money);
  furrow_xlsx_write_money (sheet, row, 8, entry->due_fen, money);
  furrow_xlsx_write_money (sheet, row, 9, entry->paid_fen, money);
  furrow_xlsx_write_money (sheet, row, 10, entry->balance_fen, money);
}

static void
write_accounts (lxw_workbook       *workbook,
                const FurrowXlsxFormats *f,
                const FurrowLedger *ledger,
                const char         *title)
{
  static const double widths[N_ACCOUNT_COLUMNS] = { 22, 10, 16, 8, 10, 14, 14, 12, 14, 12, 14 };
  const char *headers[N_ACCOUNT_COLUMNS] = {
    _("Household code"), _("Head of household"), _("Season"), _("Crop year"),
    _("Area (mu)"), _("Base payment"), _("Refund by transaction volume"), _("Service fees"),
    _("Due"), _("Paid"), _("Balance"),
  };
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Member accounts"));
  g_autofree char *heading = g_strdup_printf (_("%s: Member Accounts (yuan)"),
                                              title != NULL ? title : "");
  lxw_row_t row = 2;

  furrow_xlsx_set_widths (sheet, widths, N_ACCOUNT_COLUMNS);
  worksheet_write_string (sheet, 0, 0, heading, f->title);
  furrow_xlsx_write_header_row (sheet, 1, headers, N_ACCOUNT_COLUMNS, f->header);
  worksheet_freeze_panes (sheet, 2, 0);

  for (guint a = 0; a < ledger->accounts->len; a++)
    {
      const FurrowLedgerAccount *account = g_ptr_array_index (ledger->accounts, a);

      for (guint e = 0; e < account->entries->len; e++)
        {
          const FurrowLedgerEntry *entry = &g_array_index (account->entries, FurrowLedgerEntry,
                                                           e);

          worksheet_write_string (sheet, row, 0, account->code, f->text);
          worksheet_write_string (sheet, row, 1, account->name, f->text);
          worksheet_write_string (sheet, row, 2, entry->season, f->text);
          worksheet_write_number (sheet, row, 3, entry->crop_year, f->number);
          write_entry (sheet, f, row, entry, FALSE);
          row++;
        }
      worksheet_write_string (sheet, row, 0, account->code, f->sum_text);
      worksheet_write_string (sheet, row, 1, account->name, f->sum_text);
      worksheet_write_string (sheet, row, 2, _("Total"), f->sum_text);
      worksheet_write_blank (sheet, row, 3, f->sum_text);
      write_entry (sheet, f, row, &account->total, TRUE);
      row++;
    }
}

static void
write_checks (lxw_workbook       *workbook,
              const FurrowXlsxFormats *f,
              const FurrowLedger *ledger,
              const char         *title)
{
  static const double widths[N_CHECK_COLUMNS] = { 16, 8, 18, 22, 12, 14 };
  const char *headers[N_CHECK_COLUMNS] = {
    _("Season"), _("Crop year"), _("Distributable surplus"),
    _("Returned by transaction volume"), _("Share (%)"), _("At least 60 %"),
  };
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Return by volume"));
  g_autofree char *heading = g_strdup_printf (_("%s: Surplus Returned by Transaction Volume "
                                                "(yuan)"), title != NULL ? title : "");

  furrow_xlsx_set_widths (sheet, widths, N_CHECK_COLUMNS);
  worksheet_write_string (sheet, 0, 0, heading, f->title);
  furrow_xlsx_write_header_row (sheet, 1, headers, N_CHECK_COLUMNS, f->header);
  for (guint i = 0; i < ledger->checks->len; i++)
    {
      const FurrowLedgerSeasonCheck *check = &g_array_index (ledger->checks,
                                                             FurrowLedgerSeasonCheck, i);
      lxw_row_t row = 2 + i;

      worksheet_write_string (sheet, row, 0, check->season, f->text);
      worksheet_write_number (sheet, row, 1, check->crop_year, f->number);
      furrow_xlsx_write_money (sheet, row, 2, check->distributable_fen, f->money);
      furrow_xlsx_write_money (sheet, row, 3, check->returned_fen, f->money);
      worksheet_write_number (sheet, row, 4, (double) check->returned_bp / 100.0, f->area);
      worksheet_write_string (sheet, row, 5, check->passes ? _("Yes") : _("No"), f->text);
    }
}

gboolean
furrow_ledger_write_xlsx (const FurrowLedger  *ledger,
                          const char          *title,
                          const char          *path,
                          GError             **error)
{
  /* The title 14 pt at the top left, the sum rows bold. */
  static const FurrowXlsxLook look = { 14.0, FALSE, FALSE };
  g_autoptr(FurrowXlsx) xlsx = NULL;
  FurrowXlsxFormats formats;
  GError *local = NULL;

  g_return_val_if_fail (ledger != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xlsx = furrow_xlsx_new (path, _("Member accounts"), title, FALSE, &local);
  if (xlsx == NULL)
    return _furrow_report_propagate_write_error (error, local);
  furrow_xlsx_add_table_formats (furrow_xlsx_get_workbook (xlsx), &look, &formats);
  write_accounts (furrow_xlsx_get_workbook (xlsx), &formats, ledger, title);
  write_checks (furrow_xlsx_get_workbook (xlsx), &formats, ledger, title);
  return furrow_xlsx_commit (xlsx, &local) || _furrow_report_propagate_write_error (error, local);
}
