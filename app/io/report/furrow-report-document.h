/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "furrow-report.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* FurrowReportDocument: a settled season's statements or public roster as numbered pages —
 * the one renderer behind the PDF export (furrow-cli statements/roster) and printing from the
 * window (GtkPrintOperation). A document is immutable once built; drawing a page does not
 * touch the project store.
 *
 * Printing (app/gui):
 *
 *   g_autoptr(FurrowReportDocument) doc =
 *     furrow_report_document_new_statements (store, season, &(FurrowReportOptions) { 0 },
 *                                            &error);
 *   // a GtkPageSetup of A4, landscape when furrow_report_document_is_landscape (doc)
 *   gtk_print_operation_set_n_pages (op, furrow_report_document_get_n_pages (doc));
 *   // ::draw-page
 *   furrow_report_document_draw_page (doc, gtk_print_context_get_cairo_context (context),
 *                                     page_nr,
 *                                     gtk_print_context_get_width (context),
 *                                     gtk_print_context_get_height (context));
 *   // after GTK_PRINT_OPERATION_RESULT_APPLY: the audit row
 *   furrow_report_document_record_print (doc, store, printer_name_or_file, &error);
 *
 * draw_page() draws page `page` (0-based) of the A4 design (statements portrait, roster
 * landscape) scaled uniformly and centred into width_pt × height_pt, in points from the top left
 * of the cairo_t's current origin; the cairo_t's state is restored afterwards. It only draws:
 * the caller begins and ends pages (cairo_show_page, or GtkPrintOperation). Pages may be drawn
 * in any order and more than once, from one thread at a time per document.
 *
 * Statements: one page per settled household (full custody, and half custody whether or not it
 * owes fees — the same households as the roster), in household code order, or only
 * options->household_code. The households of the register not in the settlement (no parcels
 * when it was settled) are named with the reason in the report's `left_out`
 * (furrow_report_document_get_report()), for the caller to tell the user. Roster:
 * furrow_report_roster_rows_per_page() households a page, the totals row on the last page. */

#define FURROW_TYPE_REPORT_DOCUMENT (furrow_report_document_get_type ())
G_DECLARE_FINAL_TYPE (FurrowReportDocument, furrow_report_document, FURROW, REPORT_DOCUMENT,
                      GObject)

typedef enum
{
  FURROW_REPORT_DOCUMENT_STATEMENTS,
  FURROW_REPORT_DOCUMENT_ROSTER,
} FurrowReportDocumentKind;

typedef struct
{
  const char *notice_date;     /* public-notice date printed on the pages (ISO 8601), or NULL */
  const char *household_code;  /* statements only: just this household (CBFBM), or NULL */
} FurrowReportOptions;

/* The settled season as a report (transfer full), dated `notice_date` or, when NULL, the season's
 * own public-notice date (furrow_season_get_notice_date()): the cooperative's totals, and per household
 * its frozen amounts, personal data (printed only masked) and the parcels of the custody it was
 * settled with (and the half-custody ones it was billed fees on), each with its custody field's
 * name. Fails (FURROW_REPORT_ERROR_INVALID) when
 * the season is not settled. */
FurrowReport         *furrow_report_new_from_season              (FurrowStore               *store,
                                                                  FurrowSeason              *season,
                                                                  const char                *notice_date,
                                                                  GError                   **error);

/* From the project: the season must be settled. `options` may be NULL. Errors: the season is
 * not settled; options->household_code is not a settled household; no household gets a
 * statement. */
FurrowReportDocument *furrow_report_document_new_statements      (FurrowStore               *store,
                                                                  FurrowSeason              *season,
                                                                  const FurrowReportOptions *options,
                                                                  GError                   **error);
FurrowReportDocument *furrow_report_document_new_roster          (FurrowStore               *store,
                                                                  FurrowSeason              *season,
                                                                  const FurrowReportOptions *options,
                                                                  GError                   **error);

/* From a report already built (furrow_report_new_from_distribution(), as `furrow-cli settle`
 * does); takes ownership of `report`, which it frees on failure. */
FurrowReportDocument *furrow_report_document_new_statements_for_report (FurrowReport        *report,
                                                                  const char                *household_code,
                                                                  GError                   **error);
FurrowReportDocument *furrow_report_document_new_roster_for_report (FurrowReport            *report,
                                                                  GError                   **error);

guint                 furrow_report_document_get_n_pages         (FurrowReportDocument      *self);
/* TRUE for the roster (A4 landscape), FALSE for statements (A4 portrait). */
gboolean              furrow_report_document_is_landscape        (FurrowReportDocument      *self);
/* "<cooperative> <season>: Household Income Statements" / "…: Public Roster of Household
 * Income" — a print job or file name. */
const char           *furrow_report_document_get_title           (FurrowReportDocument      *self);
/* The data behind the pages (owned by the document). */
const FurrowReport   *furrow_report_document_get_report          (FurrowReportDocument      *self);
/* Statements: the household printed on `page`; the roster: NULL. */
const FurrowReportHousehold *
                      furrow_report_document_get_page_household  (FurrowReportDocument      *self,
                                                                  guint                      page);

void                  furrow_report_document_draw_page           (FurrowReportDocument      *self,
                                                                  cairo_t                   *cr,
                                                                  guint                      page,
                                                                  double                     width_pt,
                                                                  double                     height_pt);

/* Every page into one PDF, written whole or not at all. The progress callback (may be NULL)
 * is called on the calling thread; cancelling leaves no file behind. Uses both cores for long
 * documents; the file is the same whatever the number of threads. */
gboolean              furrow_report_document_write_pdf           (FurrowReportDocument      *self,
                                                                  const char                *path,
                                                                  GCancellable              *cancellable,
                                                                  FurrowReportProgressFunc   progress,
                                                                  gpointer                   user_data,
                                                                  GError                   **error);
/* Statements only: one PDF per page's household in `dir` (created if missing), "<CBFBM>.pdf". */
gboolean              furrow_report_document_write_pdfs_dir      (FurrowReportDocument      *self,
                                                                  const char                *dir,
                                                                  GCancellable              *cancellable,
                                                                  FurrowReportProgressFunc   progress,
                                                                  gpointer                   user_data,
                                                                  GError                   **error);

/* The audit row for printing or exporting this document (issue 5, item 6): what was printed
 * ("statements"/"roster"), which households (a code or a count — never personal data) and
 * `destination` (a file or printer name). The document must come from the same store's
 * season. */
gboolean              furrow_report_document_record_print        (FurrowReportDocument      *self,
                                                                  FurrowStore               *store,
                                                                  const char                *destination,
                                                                  GError                   **error);

G_END_DECLS
