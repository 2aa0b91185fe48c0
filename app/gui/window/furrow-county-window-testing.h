/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-county-window.h"

G_BEGIN_DECLS

/* The table's columns, in order. */
typedef enum
{
  FURROW_COUNTY_COLUMN_CODE,     /* the cooperative's name is its tooltip */
  FURROW_COUNTY_COLUMN_CUSTODY_MU,
  FURROW_COUNTY_COLUMN_FIELDS,
  FURROW_COUNTY_COLUMN_HOUSEHOLDS,
  FURROW_COUNTY_COLUMN_PLANNED,
  FURROW_COUNTY_COLUMN_PREDICTED,
  FURROW_COUNTY_COLUMN_SETTLED,
  FURROW_COUNTY_COLUMN_PAID,
  FURROW_COUNTY_COLUMN_UNPAID,
  FURROW_COUNTY_N_COLUMNS,
} FurrowCountyColumn;

/* TRUE while the figures are being read. */
gboolean    furrow_county_window_is_loading  (FurrowCountyWindow *self);
/* The crop year shown (0 before the first reading). */
guint       furrow_county_window_get_year    (FurrowCountyWindow *self);
/* Reads the figures of another crop year (as the year selector does). */
void        furrow_county_window_set_year    (FurrowCountyWindow *self,
                                              guint               year);
/* How many cooperatives the table shows (the totals row is the one after them). */
guint       furrow_county_window_get_n_rows  (FurrowCountyWindow *self);
/* The label of a cell: row 0 … n_rows - 1 a cooperative, n_rows the totals. */
GtkLabel   *furrow_county_window_get_cell    (FurrowCountyWindow *self,
                                              guint               row,
                                              FurrowCountyColumn  column);

G_END_DECLS
