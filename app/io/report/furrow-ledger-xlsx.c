/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The member accounts as XLSX (furrow-ledger-xlsx.h, docs/domain.md §16), with the writer and
 * formats of the payroll's workbook (furrow-payroll.c). */

#include "config.h"

#include "furrow-ledger-xlsx.h"

#include "furrow-atomic-file.h"
#include "furrow-report.h"
#include "furrow-units.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <xlsxwriter.h>

#define N_ACCOUNT_COLUMNS 11
#define N_CHECK_COLUMNS   6

typedef struct
{
  lxw_format *title;
  lxw_format *header;
  lxw_format *text;
  lxw_format *number;
  lxw_format *area;
  lxw_format *money;
  lxw_format *sum_text;
  lxw_format *sum_money;
  lxw_format *sum_area;
} Formats;

static lxw_format *
bordered (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
make_formats (lxw_workbook *workbook,
              Formats      *f)
{
  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->header = bordered (workbook);
  format_set_bold (f->header);
  format_set_bg_color (f->header, 0xE6E6E6);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->header);
  f->text = bordered (workbook);
  format_set_num_format (f->text, "@");
  f->number = bordered (workbook);
  format_set_align (f->number, LXW_ALIGN_CENTER);
  f->area = bordered (workbook);
  format_set_num_format (f->area, "0.00");
  f->money = bordered (workbook);
  format_set_num_format (f->money, "#,##0.00");
  f->sum_text = bordered (workbook);
  format_set_bold (f->sum_text);
  f->sum_money = bordered (workbook);
  format_set_bold (f->sum_money);
  format_set_num_format (f->sum_money, "#,##0.00");
  f->sum_area = bordered (workbook);
  format_set_bold (f->sum_area);
  format_set_num_format (f->sum_area, "0.00");
}

/* Yuan to the fen: the cell holds fen / 100, which a spreadsheet shows with two decimals. */
static void
write_money (lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             gint64         fen,
             lxw_format    *format)
{
  worksheet_write_number (sheet, row, col, (double) fen / 100.0, format);
}

/* The area in mu to 0.01, as every printout rounds it. */
static double
area_mu (double area_m2)
{
  return (double) llround (furrow_m2_to_mu (area_m2) * 100.0) / 100.0;
}

static void
write_entry (lxw_worksheet           *sheet,
             const Formats           *f,
             lxw_row_t                row,
             const FurrowLedgerEntry *entry,
             gboolean                 total)
{
  lxw_format *money = total ? f->sum_money : f->money;

  worksheet_write_number (sheet, row, 4, area_mu (entry->area_m2), total ? f->sum_area : f->area);
  write_money (sheet, row, 5, entry->base_fen, money);
  write_money (sheet, row, 6, entry->returned_fen, money);
  write_money (sheet, row, 7, entry->fee_fen, money);
  write_money (sheet, row, 8, entry->due_fen, money);
  write_money (sheet, row, 9, entry->paid_fen, money);
  write_money (sheet, row, 10, entry->balance_fen, money);
}

static void
write_accounts (lxw_workbook       *workbook,
                const Formats      *f,
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

  for (lxw_col_t c = 0; c < N_ACCOUNT_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_write_string (sheet, 0, 0, heading, f->title);
  for (lxw_col_t c = 0; c < N_ACCOUNT_COLUMNS; c++)
    worksheet_write_string (sheet, 1, c, headers[c], f->header);
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
              const Formats      *f,
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

  for (lxw_col_t c = 0; c < N_CHECK_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_write_string (sheet, 0, 0, heading, f->title);
  for (lxw_col_t c = 0; c < N_CHECK_COLUMNS; c++)
    worksheet_write_string (sheet, 1, c, headers[c], f->header);
  for (guint i = 0; i < ledger->checks->len; i++)
    {
      const FurrowLedgerSeasonCheck *check = &g_array_index (ledger->checks,
                                                             FurrowLedgerSeasonCheck, i);
      lxw_row_t row = 2 + i;

      worksheet_write_string (sheet, row, 0, check->season, f->text);
      worksheet_write_number (sheet, row, 1, check->crop_year, f->number);
      write_money (sheet, row, 2, check->distributable_fen, f->money);
      write_money (sheet, row, 3, check->returned_fen, f->money);
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
  g_autoptr(FurrowAtomicFile) temp = NULL;
  g_autofree char *display_name = NULL;
  lxw_workbook *workbook;
  lxw_doc_properties properties = { NULL, };
  Formats formats;
  lxw_error status;
  GError *local = NULL;

  g_return_val_if_fail (ledger != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display_name = g_filename_display_name (path);
  temp = furrow_atomic_file_new (path, &local);
  if (temp == NULL)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE, local->message);
      g_error_free (local);
      return FALSE;
    }
  workbook = workbook_new (furrow_atomic_file_get_path (temp));
  if (workbook == NULL)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE,
                   _("%s: cannot write: %s"), display_name, g_strerror (ENOMEM));
      return FALSE;
    }
  properties.title = (char *) _("Member accounts");
  properties.author = (char *) "Furrow";
  properties.company = (char *) title;
  workbook_set_properties (workbook, &properties);
  make_formats (workbook, &formats);
  write_accounts (workbook, &formats, ledger, title);
  write_checks (workbook, &formats, ledger, title);
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE,
                   _("%s: cannot write: %s"), display_name, lxw_strerror (status));
      return FALSE;
    }
  if (!furrow_atomic_file_commit (temp, &local))
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE, local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}
