/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-number-entry.h"
#include "furrow-season-harvest-page-testing.h"
#include "furrow-season-harvest-page.h"
#include "furrow-store-season.h"

G_BEGIN_DECLS

/* Shared by the files of FurrowSeasonHarvestPage: furrow-season-harvest-page.c (the harvest
 * grid, the actual costs and their commits) and furrow-season-harvest-page-paste.c (pasting rows
 * from a spreadsheet and Fill Down, docs/architecture.md, Pasting rows). */
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
  GPtrArray           *cost_rows;       /* FurrowItemRow */
  GHashTable          *pending;         /* row × N_CROPS + crop: harvests to write */
  gboolean             costs_changed;   /* the actual costs wait for the delayed commit */
  gint64               loaded_id;
  gboolean             loading;
  /* What the page shows was read at these row versions (docs/architecture.md, Several users
   * at once): a write names them, and is refused when another user changed the row since. */
  GArray              *shown_harvests;  /* FurrowSeasonHarvest */
  GHashTable          *shown_index;     /* field id × N_CROPS + crop → its shown_harvests row */
  GArray              *shown_costs;     /* FurrowSeasonActualCost */

  /* Pasting rows (docs/architecture.md, Pasting rows) */
  guint                focus_row;       /* the grid row of the entry focused last, 0: none */
  guint                focus_value;     /* its value column, 0 … N_VALUES − 1 */
  guint                fill_end_row;    /* Shift+Down from the focused entry: the last grid row
                                         * selected for Fill Down, 0: only the focused one */
  AdwMessageDialog    *paste_dialog;    /* weak: the preview while it is open */
  GArray              *paste_harvests;  /* FurrowSeasonHarvest the preview would write */
  GPtrArray           *paste_preview;   /* char *: the preview's lines */
  GArray              *paste_refused;   /* gboolean: whether each line is a refused row */
};

/* The harvest grid's value columns in the order a pasted row fills them. */
static const guint value_columns[] = {
  FURROW_HARVEST_COLUMN_MAIZE_KG, FURROW_HARVEST_COLUMN_MAIZE_REVENUE,
  FURROW_HARVEST_COLUMN_SOY_KG, FURROW_HARVEST_COLUMN_SOY_REVENUE,
};
#define N_VALUES G_N_ELEMENTS (value_columns)

#define STORE(self)  furrow_season_page_get_store (FURROW_SEASON_PAGE (self))
#define SEASON(self) furrow_season_page_get_season (FURROW_SEASON_PAGE (self))

/* furrow-season-harvest-page.c */
gboolean       _furrow_season_harvest_page_push        (FurrowSeasonHarvestPage *self,
                                                        FurrowEdit              *edit,
                                                        GError                  *error);
FurrowNumberEntry *_furrow_season_harvest_page_grid_entry (FurrowSeasonHarvestPage *self,
                                                            guint                    column,
                                                            guint                    row);
void           _furrow_season_harvest_page_commit_delayed (FurrowSeasonPage     *page);
void           _furrow_season_harvest_page_show_refusal (FurrowSeasonHarvestPage *self,
                                                        const char              *message);
void           _furrow_season_harvest_page_show_fill_range (FurrowSeasonHarvestPage *self,
                                                        guint                    end_row);

/* furrow-season-harvest-page-paste.c */
void     _furrow_season_harvest_page_paste_rows_action (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);
void     _furrow_season_harvest_page_fill_down_action  (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);
gboolean _furrow_season_harvest_page_grid_key_cb       (GtkEventControllerKey   *controller,
                                                        guint                    keyval,
                                                        guint                    keycode,
                                                        GdkModifierType          state,
                                                        FurrowSeasonHarvestPage *self);

G_END_DECLS
