/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "furrow-distribution.h"

G_BEGIN_DECLS

/* The settlement page's totals grid: captions and amounts, two pairs a row — income, costs, the
 * base rate and payments, the surplus (or the shortfall) and its split with the percentages,
 * the half-custody fees and what the households are paid in all. */
void furrow_settlement_totals_show  (GtkGrid                        *grid,
                                     const FurrowDistributionResult *totals,
                                     const FurrowSurplusSplit       *split);
/* Empties the grid. */
void furrow_settlement_totals_clear (GtkGrid                        *grid);

G_END_DECLS
