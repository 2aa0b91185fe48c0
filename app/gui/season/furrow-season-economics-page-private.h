/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-season-economics-page.h"

G_BEGIN_DECLS

/* For the GUI tests: the page's widgets and what it last showed. */
struct _FurrowSeasonEconomicsPage
{
  FurrowSeasonPage     parent_instance;

  /* template */
  AdwPreferencesPage  *editor_page;
  AdwPreferencesGroup *locked_group;
  AdwPreferencesGroup *prices_group;
  AdwActionRow        *maize_price_row;
  AdwActionRow        *soy_price_row;
  GtkSpinButton       *maize_price_spin;
  GtkSpinButton       *maize_moisture_spin;
  GtkSpinButton       *soy_price_spin;
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
  GtkSpinButton       *base_fixed_spin;
  GtkSpinButton       *base_kg_spin;
  GtkSpinButton       *base_price_spin;
  GtkSwitch           *base_less_cost_switch;
  GtkSpinButton       *base_annual_spin;
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
  GtkLabel            *preview_status;
  GtkColumnView       *preview_view;

  char                *loaded_rules;    /* what the editor was last loaded from */
  gint64               loaded_id;
  gboolean             loaded_locked;
  gboolean             loading;         /* setting widgets from the season: no commits */
  GPtrArray           *list_rows[4];    /* AdwActionRow: costs, subsidies, income, fees */
  guint                preview_source;
  GListStore          *preview_store;   /* FurrowIncomeItem: households, then the totals */
  guint                n_previews;      /* previews computed, for the tests */
};

/* Commits the editor now (as leaving a field does; spin buttons commit 150 ms after their last
 * change). */
void furrow_season_economics_page_commit (FurrowSeasonEconomicsPage *self);
/* Computes the preview now instead of after the debounce. */
void furrow_season_economics_page_update_preview (FurrowSeasonEconomicsPage *self);
/* The preview's text in `column` (FurrowIncomeColumn) of the household `code`, or of the totals
 * row when code is NULL; NULL when absent or when the preview shows an error. */
char *furrow_season_economics_page_get_preview_text (FurrowSeasonEconomicsPage *self,
                                                     const char                *code,
                                                     guint                      column);

G_END_DECLS
