/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only: what the harvest page shows, reached without its struct. */

#include "furrow-number-entry.h"
#include "furrow-season-harvest-page.h"

G_BEGIN_DECLS

/* Columns of the harvest entry grid (the predicted kg as labels beside the entries). */
enum
{
  FURROW_HARVEST_COLUMN_FIELD,
  FURROW_HARVEST_COLUMN_MAIZE_PREDICTED_KG,
  FURROW_HARVEST_COLUMN_MAIZE_KG,
  FURROW_HARVEST_COLUMN_MAIZE_REVENUE,
  FURROW_HARVEST_COLUMN_SOY_PREDICTED_KG,
  FURROW_HARVEST_COLUMN_SOY_KG,
  FURROW_HARVEST_COLUMN_SOY_REVENUE,
  FURROW_HARVEST_N_COLUMNS
};

/* Columns of the predicted-against-actual grid. */
enum
{
  FURROW_COMPARE_COLUMN_FIELD,
  FURROW_COMPARE_COLUMN_MAIZE_PREDICTED_KG,
  FURROW_COMPARE_COLUMN_MAIZE_ACTUAL_KG,
  FURROW_COMPARE_COLUMN_SOY_PREDICTED_KG,
  FURROW_COMPARE_COLUMN_SOY_ACTUAL_KG,
  FURROW_COMPARE_COLUMN_PREDICTED_REVENUE,
  FURROW_COMPARE_COLUMN_ACTUAL_REVENUE,
  FURROW_COMPARE_COLUMN_PREDICTED_NET,
  FURROW_COMPARE_COLUMN_ACTUAL_NET,
  FURROW_COMPARE_N_COLUMNS
};

/* The widget of the page's template with this id in the .ui (e.g. "harvest_grid"); a missing
 * id is a programming error. */
GtkWidget     *furrow_season_harvest_page_get_child (FurrowSeasonHarvestPage *self,
                                                     const char              *name);
/* The fields of the harvest grid, one per row from row 1: how many, and the id of the i-th. */
guint          furrow_season_harvest_page_get_n_fields (FurrowSeasonHarvestPage *self);
gint64         furrow_season_harvest_page_get_field_id (FurrowSeasonHarvestPage *self,
                                                        guint                    i);
/* The FurrowItemRow `index` of the actual costs, or NULL past their end. */
GtkWidget     *furrow_season_harvest_page_get_cost_row (FurrowSeasonHarvestPage *self,
                                                        guint                    index);
/* The entry in `column` of the harvest grid for the field with this code, or NULL. */
FurrowNumberEntry *furrow_season_harvest_page_get_entry (FurrowSeasonHarvestPage *self,
                                                         const char              *code,
                                                         guint                    column);
/* The text in `column` of the comparison grid for the field with this code, or of the totals
 * row when code is NULL; NULL when absent. */
const char    *furrow_season_harvest_page_get_compare_text (FurrowSeasonHarvestPage *self,
                                                            const char              *code,
                                                            guint                    column);

/* The preview of a paste while it is open (docs/architecture.md, Pasting rows), else NULL; its
 * answers are "paste" and "cancel". */
AdwMessageDialog *furrow_season_harvest_page_get_paste_dialog (FurrowSeasonHarvestPage *self);
/* The i-th line of the last preview (one per pasted row), NULL past the last. */
const char    *furrow_season_harvest_page_get_paste_line (FurrowSeasonHarvestPage *self,
                                                          guint                    i);

G_END_DECLS
