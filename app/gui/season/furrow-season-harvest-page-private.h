/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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

/* For the GUI tests: the page's widgets. */
struct _FurrowSeasonHarvestPage
{
  FurrowSeasonPage     parent_instance;

  /* template */
  AdwPreferencesGroup *locked_group;
  GtkGrid             *harvest_grid;
  GtkGrid             *compare_grid;
  AdwPreferencesGroup *costs_group;
  GtkButton           *add_cost_button;

  GArray              *field_ids;       /* gint64, one per grid row (row i + 1) */
  GPtrArray           *cost_rows;       /* AdwActionRow */
  GHashTable          *pending;         /* row × N_CROPS + crop: harvests to write */
  gboolean             costs_changed;   /* the actual costs wait for the delayed commit */
  gint64               loaded_id;
  gboolean             loading;
};

/* The spin button in `column` of the harvest grid for the field with this code, or NULL. */
GtkSpinButton *furrow_season_harvest_page_get_entry (FurrowSeasonHarvestPage *self,
                                                     const char              *code,
                                                     guint                    column);
/* The text in `column` of the comparison grid for the field with this code, or of the totals
 * row when code is NULL; NULL when absent. */
const char    *furrow_season_harvest_page_get_compare_text (FurrowSeasonHarvestPage *self,
                                                            const char              *code,
                                                            guint                    column);
/* Writes now the harvests typed or clicked (spin buttons write 150 ms after their last
 * change). */
void           furrow_season_harvest_page_flush (FurrowSeasonHarvestPage *self);
/* Commits the actual costs as shown. */
void           furrow_season_harvest_page_commit_costs (FurrowSeasonHarvestPage *self);

G_END_DECLS
