/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (tests/io/test-payroll.c): what a payroll holds, read back. */

#include "furrow-payroll.h"

G_BEGIN_DECLS

typedef struct
{
  const FurrowReportHousehold *household;  /* in the payroll's report */
  char                        *account;    /* payee account (unmasked), or NULL: none */
} FurrowPayrollRow;

/* Rows in order (groups one after the other). */
const FurrowPayrollRow *furrow_payroll_get_rows      (FurrowPayroll *self,
                                                      gsize         *n_rows);
/* The sum of the rows, in fen. */
gint64                  furrow_payroll_get_total_fen (FurrowPayroll *self);
guint                   furrow_payroll_get_n_groups  (FurrowPayroll *self);
/* Rows a page holds. */
guint                   furrow_payroll_rows_per_page (void);

G_END_DECLS
