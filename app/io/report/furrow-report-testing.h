/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (tests/io/test-report.c): plan sheets made by hand and written as a PDF. */

#include "furrow-report.h"

G_BEGIN_DECLS

/* Frees what a FurrowReportPlanSheet filled in by hand owns and zeroes it. */
void     furrow_report_plan_sheet_clear      (FurrowReportPlanSheet         *sheet);
/* A PDF of several plan sheets, one A4 portrait page each (furrow_report_draw_plan_sheet()). */
gboolean furrow_report_write_plan_sheets_pdf (const char                    *path,
                                              const FurrowReportCooperative *cooperative,
                                              const FurrowReportPlanSheet   *sheets,
                                              gsize                          n_sheets,
                                              GCancellable                  *cancellable,
                                              FurrowReportProgressFunc       progress,
                                              gpointer                       user_data,
                                              GError                       **error);

G_END_DECLS
