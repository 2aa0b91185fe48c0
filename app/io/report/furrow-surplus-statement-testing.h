/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (tests/io/test-surplus-statement.c): the rows of form 会农社02, read back. */

#include "furrow-surplus-statement.h"

G_BEGIN_DECLS

/* One row as printed. */
typedef struct
{
  const char *label;     /* translated, with its 加/减 prefix */
  guint       line;      /* 行次 */
  gboolean    known;     /* FALSE: blank, for the accountant */
  gboolean    total;     /* a total of rows above */
  gint64      fen;       /* the amount (a total counts blank rows as 0) */
} FurrowSurplusRow;

/* The rows in the form's order (owned by the statement). */
const FurrowSurplusRow *furrow_surplus_statement_get_rows (FurrowSurplusStatement *self,
                                                          gsize                  *n_rows);

G_END_DECLS
