/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-season-page.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_SETTLEMENT_PAGE (furrow_season_settlement_page_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonSettlementPage, furrow_season_settlement_page, FURROW,
                      SEASON_SETTLEMENT_PAGE, FurrowSeasonPage)

/* FurrowSeasonSettlementPage: the season view's "settlement" page (the page contract of
 * furrow-season-view.h: properties "store" and "season").
 *
 * Before settling it shows the distribution settling would freeze (the engine on the season's
 * actuals, furrow_store_build_settlement_input()), its totals and every household's amounts, or
 * why the season cannot be settled yet; "Settle…" confirms with the totals and calls
 * furrow_store_settle_season(). A settled season shows "Settled on <date>", a lock and the
 * frozen roster (furrow_store_get_settlement()) with its totals row; "Reopen…" asks for a reason.
 * Statements and the roster are printed through GtkPrintOperation and exported (PDF, one PDF per
 * household, roster PDF/CSV/XLSX) in a thread with a progress bar and Cancel; each print and
 * export is an audit row (furrow_store_record_print()).
 *
 * Actions (group "settlement"): settle, reopen, print-statements, print-roster,
 * export-statements, export-statements-folder, export-roster, print-payroll,
 * export-payroll, export-surplus-statement. */

typedef enum
{
  FURROW_SETTLEMENT_OUTPUT_STATEMENTS,
  FURROW_SETTLEMENT_OUTPUT_ROSTER,
} FurrowSettlementOutput;

FurrowSeasonSettlementPage *furrow_season_settlement_page_new (void);

/* What the file choosers start: an export of the settled season's statements into `file` (one
 * PDF; or with `per_household` a folder of one PDF per household), or of the roster into `file`
 * (PDF, CSV or XLSX by its extension). Runs in a thread; the page shows its progress and a
 * Cancel button, then a toast. Emits "export-finished" (gboolean ok) when done. */
void        furrow_season_settlement_page_export_statements   (FurrowSeasonSettlementPage *self,
                                                               GFile                      *file,
                                                               gboolean                    per_household);
void        furrow_season_settlement_page_export_roster       (FurrowSeasonSettlementPage *self,
                                                               GFile                      *file);
void        furrow_season_settlement_page_cancel_export       (FurrowSeasonSettlementPage *self);
/* The payroll (furrow-payroll.h) into `file`, PDF or XLSX by its extension, one list or one per
 * village group; written in a thread, then a toast, an audit row and "export-finished". */
void        furrow_season_settlement_page_export_payroll      (FurrowSeasonSettlementPage *self,
                                                               GFile                      *file,
                                                               gboolean                    by_group);

/* The bank payment file (docs/domain.md, "Bank accounts") of the season shown into `file`
 * with the built-in profile `profile_name`, the households not paid yet or (`reissue`) the
 * failed ones, who are then marked sent (reissued); refused with a toast, nothing written,
 * while a household to pay has no valid account. TRUE when written. */
gboolean    furrow_season_settlement_page_export_bank_file    (FurrowSeasonSettlementPage *self,
                                                               GFile                      *file,
                                                               const char                 *profile_name,
                                                               gboolean                    reissue);
/* Marks the season's payments paid or failed from a bank's return file (furrow-bank-return.h);
 * a toast says how many, or why the file is refused (nothing changed). */
gboolean    furrow_season_settlement_page_import_bank_return  (FurrowSeasonSettlementPage *self,
                                                               GFile                      *file);
/* Form 会农社02 of the settled season (furrow-surplus-statement.h) into `file`, PDF or XLSX by
 * its extension, on the calling thread; then a toast and an audit row. */
gboolean    furrow_season_settlement_page_export_surplus_statement
                                                              (FurrowSeasonSettlementPage *self,
                                                               GFile                      *file,
                                                               GError                    **error);


/* Prints through GtkPrintOperation with `action` (the print dialog, or
 * GTK_PRINT_OPERATION_ACTION_EXPORT into `export_filename`, a PDF); synchronous. An applied
 * print is an audit row. */
GtkPrintOperationResult
            furrow_season_settlement_page_print               (FurrowSeasonSettlementPage *self,
                                                               FurrowSettlementOutput      output,
                                                               GtkPrintOperationAction     action,
                                                               const char                 *export_filename,
                                                               GError                    **error);

G_END_DECLS
