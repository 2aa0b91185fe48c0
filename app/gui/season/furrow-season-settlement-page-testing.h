/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-season-settlement-page.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-season-settlement-page.h"

G_BEGIN_DECLS

/* The roster shown (FurrowRosterRow, household rows in code order, then the totals row). */
GListModel *furrow_season_settlement_page_get_roster          (FurrowSeasonSettlementPage *self);
gboolean    furrow_season_settlement_page_is_exporting        (FurrowSeasonSettlementPage *self);
/* The Payment column's status of household `code` ("Paid"), NULL when the season is not
 * settled. */
const char *furrow_season_settlement_page_get_payment_text    (FurrowSeasonSettlementPage *self,
                                                               const char                 *code);

/* The payroll printed as furrow_season_settlement_page_print() prints (one list, A4
 * landscape) with `action`, without the print dialog's Pay Anyway…; an applied print is an
 * audit row. The window's Print Payroll… goes through the same path with the dialog. */
GtkPrintOperationResult
furrow_season_settlement_page_print_payroll (FurrowSeasonSettlementPage  *self,
                                             GtkPrintOperationAction      action,
                                             const char                  *export_filename,
                                             GError                     **error);

/* The dialog "Export Payroll for Signatures…" shows once its file is chosen: who signs
 * (preparer, checker, approver entries), each name checked as it is typed; Export writes
 * `file`. */
GtkWidget  *furrow_season_settlement_page_ask_signers         (FurrowSeasonSettlementPage *self,
                                                               GFile                      *file,
                                                               gboolean                    by_group);

G_END_DECLS
