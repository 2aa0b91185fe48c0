/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* FurrowXlsx: one XLSX workbook written whole or not at all — libxlsxwriter writing into a
 * furrow-atomic-file.h file beside the target, moved over it on commit — and the cell formats
 * and writes the exports share: the payroll (发放花名册), the member accounts, the roster, the
 * surplus statement (会农社02) and the banks' batch payment sheets.
 *
 *   g_autoptr(FurrowXlsx) xlsx = furrow_xlsx_new (path, title, cooperative, FALSE, error);
 *   FurrowXlsxFormats f;
 *   if (xlsx == NULL)
 *     return FALSE;
 *   furrow_xlsx_add_table_formats (furrow_xlsx_get_workbook (xlsx), &look, &f);
 *   sheet = workbook_add_worksheet (furrow_xlsx_get_workbook (xlsx), name);
 *   furrow_xlsx_write_header_row (sheet, 1, headers, n, f.header);
 *   furrow_xlsx_write_money (sheet, 2, 4, total_fen, f.money);
 *   return furrow_xlsx_commit (xlsx, error);            // freeing without it discards the file
 *
 * Errors are G_FILE_ERROR, naming the target ("payroll.xlsx: cannot write: …"), as
 * furrow-atomic-file.h's. Money cells hold yuan (fen / 100, shown with two decimals); a sum is a
 * formula whose stored value is the integer-fen sum (docs/domain.md §12). */
typedef struct _FurrowXlsx FurrowXlsx;

/* A workbook for `path`. With a `title`, the document's properties: that title, author
 * "Furrow", `company` (the cooperative; may be NULL). `private_`: a file with full account or ID
 * numbers, committed readable by the owner only (furrow_atomic_file_set_private()). */
FurrowXlsx   *furrow_xlsx_new          (const char  *path,
                                        const char  *title,
                                        const char  *company,
                                        gboolean     private_,
                                        GError     **error);
lxw_workbook *furrow_xlsx_get_workbook (FurrowXlsx  *self);
/* Closes the workbook and moves the file over the target. */
gboolean      furrow_xlsx_commit       (FurrowXlsx  *self,
                                        GError     **error);
/* Without a commit, the workbook is closed and its file discarded. */
void          furrow_xlsx_free         (FurrowXlsx  *self);
/* workbook_close() without libxlsxwriter's own "[ERROR][…]" lines on stderr: the caller says
 * what failed, once. */
lxw_error     furrow_xlsx_close_quietly (lxw_workbook *workbook);

/* The look of a table's formats. */
typedef struct
{
  double   title_pt;        /* the title's size */
  gboolean title_centred;   /* centred over a merged range */
  gboolean shaded_sums;     /* sum rows on light grey */
} FurrowXlsxLook;

/* A table's formats: every cell thinly bordered and vertically centred. */
typedef struct
{
  lxw_format *title;        /* bold, no border */
  lxw_format *note;         /* plain, no border */
  lxw_format *header;       /* bold, centred, wrapped, on grey */
  lxw_format *text;         /* text ("@"): codes and masked numbers are never numbers */
  lxw_format *number;       /* centred: a row's number, a year */
  lxw_format *area;         /* 0.00 */
  lxw_format *money;        /* #,##0.00 */
  lxw_format *sum_text;     /* bold */
  lxw_format *sum_money;    /* bold, #,##0.00 */
  lxw_format *sum_area;     /* bold, 0.00 */
} FurrowXlsxFormats;

void furrow_xlsx_add_table_formats (lxw_workbook         *workbook,
                                    const FurrowXlsxLook *look,
                                    FurrowXlsxFormats    *formats);
/* Columns 0 … n − 1 `widths` characters wide. */
void furrow_xlsx_set_widths        (lxw_worksheet        *sheet,
                                    const double         *widths,
                                    guint                 n);
/* `headers` in row `row`, columns 0 … n − 1. */
void furrow_xlsx_write_header_row  (lxw_worksheet        *sheet,
                                    lxw_row_t             row,
                                    const char * const   *headers,
                                    guint                 n,
                                    lxw_format           *format);
/* The amount in yuan: fen / 100. */
void furrow_xlsx_write_money       (lxw_worksheet        *sheet,
                                    lxw_row_t             row,
                                    lxw_col_t             col,
                                    gint64                fen,
                                    lxw_format           *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowXlsx, furrow_xlsx_free)

G_END_DECLS
