/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "furrow-income-preview.h"
#include "furrow-item-row.h"
#include "furrow-number-entry.h"
#include "furrow-season-economics-page.h"

G_BEGIN_DECLS

/* Shared by the files of FurrowSeasonEconomicsPage: furrow-season-economics-page.c (the rule
 * editor, its commits and the predicted income beside it) and
 * furrow-season-economics-page-paste.c (pasting rows of amounts from a spreadsheet,
 * docs/architecture.md, Pasting rows). */
typedef enum
{
  LIST_COST,
  LIST_SUBSIDY,
  LIST_INCOME,
  LIST_FEE,
  N_LISTS
} ListKind;

struct _FurrowSeasonEconomicsPage
{
  FurrowSeasonPage     parent_instance;

  /* template */
  AdwPreferencesPage  *editor_page;
  AdwPreferencesGroup *locked_group;
  AdwPreferencesGroup *prices_group;
  AdwActionRow        *maize_price_row;
  AdwActionRow        *soy_price_row;
  FurrowNumberEntry   *maize_price_spin;
  GtkSpinButton       *maize_moisture_spin;
  FurrowNumberEntry   *soy_price_spin;
  GtkSpinButton       *soy_moisture_spin;
  AdwPreferencesGroup *costs_group;
  AdwPreferencesGroup *subsidies_group;
  AdwPreferencesGroup *income_group;
  AdwPreferencesGroup *fees_group;
  GtkButton           *add_cost_button;
  GtkButton           *add_subsidy_button;
  GtkButton           *add_income_button;
  GtkButton           *add_fee_button;
  AdwPreferencesGroup *base_group;
  AdwComboRow         *base_kind_row;
  AdwActionRow        *base_fixed_row;
  AdwActionRow        *base_kg_row;
  AdwActionRow        *base_price_row;
  AdwActionRow        *base_less_cost_row;
  AdwActionRow        *base_annual_row;
  AdwActionRow        *base_pct_row;
  FurrowNumberEntry   *base_fixed_spin;
  GtkSpinButton       *base_kg_spin;
  FurrowNumberEntry   *base_price_spin;
  GtkSwitch           *base_less_cost_switch;
  FurrowNumberEntry   *base_annual_spin;
  GtkSpinButton       *base_pct_spin;
  AdwPreferencesGroup *split_group;
  AdwActionRow        *reserve_row;
  AdwActionRow        *collective_row;
  AdwActionRow        *cooperative_row;
  AdwActionRow        *households_row;
  GtkSpinButton       *reserve_spin;
  GtkSpinButton       *collective_spin;
  GtkSpinButton       *cooperative_spin;
  GtkSpinButton       *households_spin;
  AdwActionRow        *split_sum_row;
  GtkLabel            *split_sum_label;
  AdwEntryRow         *reason_row;
  FurrowIncomePreview *income_preview;
  GtkPaned            *paned;
  GtkScrolledWindow   *page_scroller;

  guint                orientation_source;
  GtkOrientation       wanted_orientation;
  int                  wanted_position; /* the rules' width beside the income */

  char                *loaded_rules;    /* what the editor was last loaded from */
  gint64               loaded_id;
  gboolean             loaded_locked;
  gboolean             loading;         /* setting widgets from the season: no commits */
  GPtrArray           *list_rows[4];    /* FurrowItemRow: costs, subsidies, income, fees */
  GtkSizeGroup        *name_groups[4];  /* each list's name entries, one width: the crops and
                                         * amounts beside them in one column */
  guint                preview_source;

  /* Pasting rows (docs/architecture.md, Pasting rows) */
  AdwMessageDialog    *paste_dialog;    /* weak: the preview while it is open */
  GPtrArray           *paste_rows;      /* FurrowItemRow (owned) the preview would set, … */
  GArray              *paste_fen;       /* … to these amounts (gint64) */
  GPtrArray           *paste_preview;   /* char *: the preview's lines */
  GArray              *paste_refused;   /* gboolean: whether each line is a refused row */
  /* Fill Down (furrow-fill-down.h): rows counted from 1 in the order a paste fills them */
  FurrowItemRow       *fill_from;       /* weak: the row whose amount had the focus last */
  guint                fill_end;        /* Shift+Down from it: the last row selected, 0: none */
};

#define STORE(self)  furrow_season_page_get_store (FURROW_SEASON_PAGE (self))
#define SEASON(self) furrow_season_page_get_season (FURROW_SEASON_PAGE (self))


/* Writes the editor's rules if they are valid and changed: one edit of the season. */
void        furrow_season_economics_page_commit           (FurrowSeasonEconomicsPage *self);
/* The code of the field `field_id` ("?" when gone), interned. */
const char *_furrow_season_economics_page_field_code      (FurrowStore               *store,
                                                           gint64                     field_id);

/* Follows the focus into ROW's amount: the row Fill Down starts from. */
void        _furrow_season_economics_page_watch_amount    (FurrowSeasonEconomicsPage *self,
                                                           FurrowItemRow             *row);

void        furrow_season_economics_page_paste_class_init (GtkWidgetClass            *widget_class);
void        furrow_season_economics_page_paste_init       (FurrowSeasonEconomicsPage *self);
void        _furrow_season_economics_page_paste_dispose   (FurrowSeasonEconomicsPage *self);
void        _furrow_season_economics_page_paste_finalize  (FurrowSeasonEconomicsPage *self);

G_END_DECLS
