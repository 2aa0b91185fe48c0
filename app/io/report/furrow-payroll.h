/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "furrow-report.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The payroll (发放花名册, docs/domain.md §12): the list a settled season's money is handed out
 * or paid against, which each household signs and thumbprints and the cooperative files.
 *
 * One row per household that is paid (its settled total is more than 0), in household code
 * order: 序号, head of household, ID number (masked), registered area in mu, the amount, the
 * payee account (masked; blank while the register has none), and two empty cells tall enough to
 * sign and to press a thumbprint. Every page ends with its subtotal, every group with its total,
 * both in figures and in capital numerals (furrow-capital.h); under the total the preparer,
 * checker and approver (经办人 / 审核人 / 负责人) sign beside the date. A4 landscape.
 *
 * Grouping: all households in one list, or one list per village group (by_group), the group
 * being the household code's first 14 digits, its FBFBM (docs/domain.md §2); each group starts
 * on a new page, numbers its rows from 1 and has its own total; the last page also shows the
 * total of all groups.
 *
 * The totals reconcile with the settlement to the fen: the rows sum to the total, the page
 * subtotals sum to the total, and the total plus what the households that owe fees owe (they are
 * not paid and have no row) is the settlement's base + dividend − fees; the last page says so or
 * prints a warning.
 *
 * The document is interface text translated into the current locale, as the statements and the
 * roster are; the capital numerals are Chinese in every locale.
 *
 * Later additions (bank accounts, the notice period) fill a row's payee account
 * (FurrowPayrollRow.account, furrow-payroll-testing.h) and refuse or annotate in
 * furrow_payroll_new_from_season(); the layout already has the column. */

typedef struct
{
  gboolean    by_group;  /* one list per village group (FBFBM) */
  const char *date;      /* ISO 8601 "2017-01-20" printed beside the signatures; NULL: today */
  const char *preparer;  /* names printed on the 经办人 / 审核人 / 负责人 lines, or NULL for a */
  const char *checker;   /* blank line to sign on */
  const char *approver;
} FurrowPayrollOptions;

typedef struct _FurrowPayroll FurrowPayroll;

/* The payroll of a settled season: fails (FURROW_REPORT_ERROR_INVALID) when the season is not
 * settled or nobody is paid. `options` may be NULL. */
FurrowPayroll *furrow_payroll_new_from_season (FurrowStore                *store,
                                               FurrowSeason               *season,
                                               const FurrowPayrollOptions *options,
                                               GError                    **error);
/* From a report already built; takes ownership of `report` (freed on failure). */
FurrowPayroll *furrow_payroll_new_for_report  (FurrowReport               *report,
                                               const FurrowPayrollOptions *options,
                                               GError                    **error);
void           furrow_payroll_free            (FurrowPayroll              *self);

/* What the settlement gives the households: base + dividend − fees. */
gint64         furrow_payroll_get_settlement_fen (FurrowPayroll           *self);
guint          furrow_payroll_get_n_pages     (FurrowPayroll              *self);
/* "<cooperative> <season>: Payroll", a print job or file name. */
const char    *furrow_payroll_get_title       (FurrowPayroll              *self);

/* Page `page` (0-based) of the A4 landscape design, scaled and centred into width_pt ×
 * height_pt, as furrow_report_document_draw_page() does. */
void           furrow_payroll_draw_page       (FurrowPayroll              *self,
                                               cairo_t                    *cr,
                                               guint                       page,
                                               double                      width_pt,
                                               double                      height_pt);

/* The files, whole or not at all. PDF: the pages above. XLSX: one sheet per group (one sheet
 * for all), the same columns and the same pages (a page break after each subtotal row), money
 * as numbers in yuan, each subtotal and total a SUM formula whose stored value is the
 * integer-fen sum, the totals in capital numerals beside them, codes and masked numbers as
 * text. */
gboolean       furrow_payroll_write_pdf       (FurrowPayroll              *self,
                                               const char                 *path,
                                               GCancellable               *cancellable,
                                               FurrowReportProgressFunc    progress,
                                               gpointer                    user_data,
                                               GError                    **error);
gboolean       furrow_payroll_write_xlsx      (FurrowPayroll              *self,
                                               const char                 *path,
                                               GError                    **error);
/* By the file's extension, .pdf or .xlsx (any case); anything else is refused. The progress
 * callback (pages written of all, on the calling thread; PDF only) may be NULL; cancelling
 * leaves no file behind. */
gboolean       furrow_payroll_write           (FurrowPayroll              *self,
                                               const char                 *path,
                                               GCancellable               *cancellable,
                                               FurrowReportProgressFunc    progress,
                                               gpointer                    user_data,
                                               GError                    **error);

/* The audit row: "payroll", how many households and the destination (never personal data). */
gboolean       furrow_payroll_record_print    (FurrowPayroll              *self,
                                               FurrowStore                *store,
                                               const char                 *destination,
                                               GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowPayroll, furrow_payroll_free)

G_END_DECLS
