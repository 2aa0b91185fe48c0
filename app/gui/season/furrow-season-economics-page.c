/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonEconomicsPage: the season's money rules and the households' predicted income. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "furrow-distribution.h"
#include "furrow-edit-season.h"
#include "furrow-income-preview-testing.h"
#include "furrow-item-row.h"
#include "furrow-season-economics-page-private.h"
#include "furrow-season-economics-page-testing.h"
#include "furrow-store-season.h"
#include "furrow-template.h"
#include "furrow-units.h"

#define PREVIEW_DELAY_MS 150


/* The rules' narrowest width beside the income (the paned's position in the template). */
#define EDITOR_WIDTH 470

G_DEFINE_FINAL_TYPE (FurrowSeasonEconomicsPage, furrow_season_economics_page,
                     FURROW_TYPE_SEASON_PAGE)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowSeasonEconomicsPage, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (editor_page), CHILD (paned), CHILD (locked_group), CHILD (prices_group),
  CHILD (maize_price_row), CHILD (soy_price_row), CHILD (maize_price_spin),
  CHILD (maize_moisture_spin), CHILD (soy_price_spin), CHILD (soy_moisture_spin),
  CHILD (costs_group), CHILD (subsidies_group), CHILD (income_group), CHILD (fees_group),
  CHILD (add_cost_button), CHILD (add_subsidy_button), CHILD (add_income_button),
  CHILD (add_fee_button), CHILD (base_group), CHILD (base_kind_row), CHILD (base_fixed_row),
  CHILD (base_kg_row), CHILD (base_price_row), CHILD (base_less_cost_row), CHILD (base_annual_row),
  CHILD (base_pct_row), CHILD (base_fixed_spin), CHILD (base_kg_spin), CHILD (base_price_spin),
  CHILD (base_less_cost_switch), CHILD (base_annual_spin), CHILD (base_pct_spin),
  CHILD (split_group), CHILD (reserve_row), CHILD (collective_row), CHILD (cooperative_row),
  CHILD (households_row), CHILD (reserve_spin), CHILD (collective_spin), CHILD (cooperative_spin),
  CHILD (households_spin), CHILD (split_sum_row), CHILD (split_sum_label), CHILD (reason_row),
  CHILD (income_preview),
};
#undef CHILD

static void schedule_preview (FurrowSeasonEconomicsPage *self);

/* ------------------------------------------------------------------------------------------ */
/* Marks and refusals                                                                          */

static void
mark (gpointer widget,
      gboolean bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
show_refusal (FurrowSeasonEconomicsPage *self,
              const char                *message)
{
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Lists: cost items, subsidies, other income, fees                                           */

static AdwPreferencesGroup *
list_group (FurrowSeasonEconomicsPage *self,
            ListKind                   kind)
{
  switch (kind)
    {
    case LIST_COST:
      return self->costs_group;
    case LIST_SUBSIDY:
      return self->subsidies_group;
    case LIST_INCOME:
      return self->income_group;
    case LIST_FEE:
    case N_LISTS:
    default:
      return self->fees_group;
    }
}

static void
commit_cb (FurrowSeasonEconomicsPage *self)
{
  furrow_season_economics_page_commit (self);
}

/* A spin button's value: written once the clicks or keys have paused. */
static void
schedule_commit (FurrowSeasonEconomicsPage *self)
{
  if (self->loading)
    return;
  furrow_season_page_schedule_commit (FURROW_SEASON_PAGE (self));
}

static void
focus_leave_cb (GtkEventControllerFocus   *controller,
                FurrowSeasonEconomicsPage *self)
{
  furrow_season_economics_page_commit (self);
}

static void
remove_row_cb (FurrowItemRow             *row,
               FurrowSeasonEconomicsPage *self)
{
  for (guint kind = 0; kind < N_LISTS; kind++)
    if (g_ptr_array_remove (self->list_rows[kind], row))
      adw_preferences_group_remove (list_group (self, kind), GTK_WIDGET (row));
  furrow_season_economics_page_commit (self);
}

/* An amount of a list, in yuan: typed as in a spreadsheet (furrow-number-entry.h), wide enough
 * for ¥999,999.99 a mu. */
static FurrowNumberEntry *
money_entry_new (double fen)
{
  FurrowNumberEntry *entry = FURROW_NUMBER_ENTRY (furrow_number_entry_new (2));

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 10);
  furrow_number_entry_set_fen (entry, fen);
  return entry;
}

const char *
_furrow_season_economics_page_field_code (FurrowStore *store,
                                          gint64       field_id)
{
  FurrowField *field = furrow_store_get_field_by_id (store, field_id);

  return field != NULL ? g_intern_string (furrow_field_get_code (field)) : "?";
}

/* A row of a list: [crop] name … [strip only] amount [remove]; a cost override keeps its
 * field. */
static FurrowItemRow *
add_list_row (FurrowSeasonEconomicsPage *self,
              ListKind                   kind,
              FurrowCrop                 crop,
              const char                *name,
              gint64                     fen,
              gboolean                   strip_only,
              gint64                     field_id)
{
  GtkDropDown *drop = NULL;
  GtkCheckButton *check = NULL;
  FurrowItemRow *row;

  if (kind == LIST_COST)
    {
      const char *crops[] = { _("Maize"), _("Soybean"), NULL };

      drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (crops));
      gtk_drop_down_set_selected (drop, crop);
    }
  if (kind == LIST_SUBSIDY)
    {
      check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Strip fields only")));
      gtk_check_button_set_active (check, strip_only);
    }
  /* The defaults of a new season are stored under their untranslated names (N_() in
   * furrow-season.c): show them in the user's language, store them back unchanged. */
  row = furrow_item_row_new (g_dgettext (GETTEXT_PACKAGE, name), 8, money_entry_new ((double) fen),
                             drop, FALSE, check);
  furrow_item_row_set_stored_name (row, name);
  furrow_item_row_set_field_id (row, field_id);
  if (kind == LIST_COST && field_id != 0)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: a cost item that replaces the default on one field; %s is its code. */
      subtitle = g_strdup_printf (_("Field %s only"),
                                  _furrow_season_economics_page_field_code (STORE (self),
                                                                            field_id));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  /* Each name as wide as the list's widest (furrow-item-row.c fits an entry to its name): the
   * crops and amounts beside them stood in a ragged column at 1920 px. */
  gtk_size_group_add_widget (self->name_groups[kind],
                             GTK_WIDGET (furrow_item_row_get_name_entry (row)));
  g_signal_connect_swapped (row, "item-changed", G_CALLBACK (commit_cb), self);
  g_signal_connect_swapped (row, "amount-changed", G_CALLBACK (schedule_commit), self);
  g_signal_connect (row, "remove-clicked", G_CALLBACK (remove_row_cb), self);
  _furrow_season_economics_page_watch_amount (self, row);
  adw_preferences_group_add (list_group (self, kind), GTK_WIDGET (row));
  g_ptr_array_add (self->list_rows[kind], row);
  return row;
}

static void
clear_list (FurrowSeasonEconomicsPage *self,
            ListKind                   kind)
{
  GPtrArray *rows = self->list_rows[kind];

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (list_group (self, kind), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* A name not yet used in the list: "Cost item 3" … */
static char *
new_item_name (FurrowSeasonEconomicsPage *self,
               ListKind                   kind)
{
  for (guint n = self->list_rows[kind]->len + 1; ; n++)
    {
      g_autofree char *name = NULL;
      gboolean used = FALSE;

      switch (kind)
        {
        case LIST_COST:
          /* Translators: the name of a new cost item; %u is a number. */
          name = g_strdup_printf (_("Cost item %u"), n);
          break;
        case LIST_SUBSIDY:
          /* Translators: the name of a new subsidy; %u is a number. */
          name = g_strdup_printf (_("Subsidy %u"), n);
          break;
        case LIST_INCOME:
          /* Translators: the name of a new item of other income; %u is a number. */
          name = g_strdup_printf (_("Income %u"), n);
          break;
        case LIST_FEE:
        case N_LISTS:
        default:
          /* Translators: the name of a new half-custody service operation; %u is a number. */
          name = g_strdup_printf (_("Operation %u"), n);
          break;
        }
      for (guint i = 0; i < self->list_rows[kind]->len && !used; i++)
        {
          FurrowItemRow *row = g_ptr_array_index (self->list_rows[kind], i);
          GtkEditable *entry = furrow_item_row_get_name_entry (row);

          used = g_strcmp0 (gtk_editable_get_text (entry), name) == 0;
        }
      if (!used)
        return g_steal_pointer (&name);
    }
}

static void
add_item (FurrowSeasonEconomicsPage *self,
          ListKind                   kind)
{
  g_autofree char *name = new_item_name (self, kind);

  add_list_row (self, kind, FURROW_CROP_MAIZE, name, 0, FALSE, 0);
  furrow_season_economics_page_commit (self);
}

static void
add_cost_cb (FurrowSeasonEconomicsPage *self)
{
  add_item (self, LIST_COST);
}

static void
add_subsidy_cb (FurrowSeasonEconomicsPage *self)
{
  add_item (self, LIST_SUBSIDY);
}

static void
add_income_cb (FurrowSeasonEconomicsPage *self)
{
  add_item (self, LIST_INCOME);
}

static void
add_fee_cb (FurrowSeasonEconomicsPage *self)
{
  add_item (self, LIST_FEE);
}

/* ------------------------------------------------------------------------------------------ */
/* Widgets → season                                                                           */

static void
empty_lists (FurrowSeason *season)
{
  const FurrowSeasonSubsidy *subsidies;
  const FurrowSeasonIncome *income;
  const FurrowSeasonFee *fees;
  guint n;

  furrow_season_clear_costs (season);
  while ((subsidies = furrow_season_get_subsidies (season, &n)), n > 0)
    {
      g_autofree char *name = g_strdup (subsidies[0].name);

      furrow_season_set_subsidy (season, name, -1, FALSE);
    }
  while ((income = furrow_season_get_other_income (season, &n)), n > 0)
    {
      g_autofree char *name = g_strdup (income[0].name);

      furrow_season_set_other_income (season, name, -1);
    }
  while ((fees = furrow_season_get_fees (season, &n)), n > 0)
    {
      g_autofree char *name = g_strdup (fees[0].operation);

      furrow_season_set_fee (season, name, -1);
    }
}

/* The lists into `season`; FALSE (rows marked) when a name is empty, too long or repeated, or
 * an amount negative. */
static gboolean
collect_lists (FurrowSeasonEconomicsPage *self,
               FurrowSeason              *season)
{
  gboolean ok = TRUE;

  empty_lists (season);
  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < self->list_rows[kind]->len; i++)
        {
          FurrowItemRow *row = g_ptr_array_index (self->list_rows[kind], i);
          FurrowNumberEntry *amount = furrow_item_row_get_amount (row);
          GtkDropDown *drop = furrow_item_row_get_choice (row);
          GtkCheckButton *strip = furrow_item_row_get_check (row);
          gint64 field_id = furrow_item_row_get_field_id (row);
          const char *stored = furrow_item_row_get_stored_name (row);
          g_autofree char *name = furrow_item_row_dup_name (row);
          FurrowCrop crop = drop ? (FurrowCrop) gtk_drop_down_get_selected (drop)
                                 : FURROW_CROP_MAIZE;
          gint64 fen = furrow_number_entry_get_fen (amount);
          g_autofree char *key = NULL;
          gboolean bad;

          if (stored != NULL && g_strcmp0 (name, g_dgettext (GETTEXT_PACKAGE, stored)) == 0)
            {
              g_free (name);
              name = g_strdup (stored);
            }
          key = g_strdup_printf ("%u\t%" G_GINT64_FORMAT "\t%s", crop, field_id,
                                                  name);
          bad = *name == '\0' || strlen (name) >= FURROW_SEASON_TEXT_MAX || fen < 0 ||
                         g_hash_table_contains (keys, key);

          mark (row, bad);
          if (bad)
            {
              ok = FALSE;
              continue;
            }
          g_hash_table_add (keys, g_steal_pointer (&key));
          switch (kind)
            {
            case LIST_COST:
              furrow_season_set_cost (season, crop, name, field_id, fen);
              break;
            case LIST_SUBSIDY:
              furrow_season_set_subsidy (season, name, fen, gtk_check_button_get_active (strip));
              break;
            case LIST_INCOME:
              furrow_season_set_other_income (season, name, fen);
              break;
            default:
              furrow_season_set_fee (season, name, fen);
              break;
            }
        }
    }
  return ok;
}

static void
show_base_rows (FurrowSeasonEconomicsPage *self)
{
  FurrowBaseKind kind = (FurrowBaseKind) adw_combo_row_get_selected (self->base_kind_row);

  gtk_widget_set_visible (GTK_WIDGET (self->base_fixed_row), kind == FURROW_BASE_FIXED);
  gtk_widget_set_visible (GTK_WIDGET (self->base_kg_row), kind == FURROW_BASE_IN_KIND);
  gtk_widget_set_visible (GTK_WIDGET (self->base_price_row), kind == FURROW_BASE_IN_KIND);
  gtk_widget_set_visible (GTK_WIDGET (self->base_less_cost_row), kind == FURROW_BASE_IN_KIND);
  gtk_widget_set_visible (GTK_WIDGET (self->base_annual_row), kind == FURROW_BASE_ANNUAL_SHARE);
  gtk_widget_set_visible (GTK_WIDGET (self->base_pct_row), kind == FURROW_BASE_ANNUAL_SHARE);
}

static gboolean
collect_base (FurrowSeasonEconomicsPage *self,
              FurrowSeason              *season)
{
  FurrowBaseRule rule = *furrow_season_get_base_rule (season);
  double pct = gtk_spin_button_get_value (self->base_pct_spin);
  gboolean bad[5];
  gboolean ok;

  /* The chosen rule's values from the rows; the others' stay as stored. */
  rule.kind = (FurrowBaseKind) adw_combo_row_get_selected (self->base_kind_row);
  switch (rule.kind)
    {
    case FURROW_BASE_FIXED:
      rule.fen_per_mu = furrow_number_entry_get_fen (self->base_fixed_spin);
      break;
    case FURROW_BASE_IN_KIND:
      rule.kg_per_mu = gtk_spin_button_get_value (self->base_kg_spin);
      rule.price_fen_per_kg = (double) furrow_number_entry_get_fen (self->base_price_spin);
      rule.less_cost_per_mu = gtk_switch_get_active (self->base_less_cost_switch);
      break;
    case FURROW_BASE_ANNUAL_SHARE:
    default:
      rule.annual_fen_per_mu = furrow_number_entry_get_fen (self->base_annual_spin);
      rule.season_pct = pct;
      break;
    }

  show_base_rows (self);
  /* Only the rows of the chosen rule count (the others are hidden). */
  bad[0] = rule.kind == FURROW_BASE_FIXED && rule.fen_per_mu < 0;
  bad[1] = rule.kind == FURROW_BASE_IN_KIND && rule.kg_per_mu < 0;
  bad[2] = rule.kind == FURROW_BASE_IN_KIND && rule.price_fen_per_kg < 0;
  bad[3] = rule.kind == FURROW_BASE_ANNUAL_SHARE && rule.annual_fen_per_mu < 0;
  bad[4] = rule.kind == FURROW_BASE_ANNUAL_SHARE && (pct < 0 || pct > 100);
  mark (self->base_fixed_row, bad[0]);
  mark (self->base_kg_row, bad[1]);
  mark (self->base_price_row, bad[2]);
  mark (self->base_annual_row, bad[3]);
  mark (self->base_pct_row, bad[4]);
  ok = !(bad[0] || bad[1] || bad[2] || bad[3] || bad[4]);
  if (ok)
    furrow_season_set_base_rule (season, &rule);
  return ok;
}

/* The split through the engine's own check: a sum other than 100 marks the four rows; households
 * under 60 % show the reason row, and without a reason nothing is written. */
static gboolean
collect_split (FurrowSeasonEconomicsPage *self,
               FurrowSeason              *season)
{
  FurrowSurplusSplit split = {
    .reserve_pct = gtk_spin_button_get_value (self->reserve_spin),
    .collective_pct = gtk_spin_button_get_value (self->collective_spin),
    .cooperative_pct = gtk_spin_button_get_value (self->cooperative_spin),
    .households_pct = gtk_spin_button_get_value (self->households_spin),
  };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  g_autofree char *reason = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean required = FALSE;
  gboolean ok;
  gboolean split_bad;
  AdwActionRow *rows[] = { self->reserve_row, self->collective_row, self->cooperative_row,
                           self->households_row };

  ok = furrow_distribution_check_split (&split, reason, &required, &error);
  split_bad = !ok && g_error_matches (error, FURROW_DISTRIBUTION_ERROR,
                                      FURROW_DISTRIBUTION_ERROR_SPLIT);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    mark (rows[i], split_bad);
  mark (self->split_sum_row, split_bad);
  gtk_label_set_text (self->split_sum_label, split_bad ? "" : _("100 %"));
  adw_action_row_set_subtitle (self->split_sum_row, split_bad ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), !split_bad && required);
  mark (self->reason_row, !ok && !split_bad);
  if (ok)
    furrow_season_set_split (season, &split, required ? reason : NULL);
  return ok;
}

static gboolean
collect (FurrowSeasonEconomicsPage *self,
         FurrowSeason              *season)
{
  gint64 maize = furrow_number_entry_get_fen (self->maize_price_spin);
  gint64 soy = furrow_number_entry_get_fen (self->soy_price_spin);
  gboolean ok = TRUE;

  mark (self->maize_price_row, maize < 0);
  mark (self->soy_price_row, soy < 0);
  if (maize < 0 || soy < 0)
    ok = FALSE;
  else
    {
      furrow_season_set_price (season, FURROW_CROP_MAIZE, (double) maize,
                               gtk_spin_button_get_value (self->maize_moisture_spin));
      furrow_season_set_price (season, FURROW_CROP_SOYBEAN, (double) soy,
                               gtk_spin_button_get_value (self->soy_moisture_spin));
    }
  ok = collect_lists (self, season) && ok;
  ok = collect_base (self, season) && ok;
  ok = collect_split (self, season) && ok;
  return ok;
}

/* ------------------------------------------------------------------------------------------ */
/* Season → widgets                                                                           */

static void
load (FurrowSeasonEconomicsPage *self,
      gboolean                   force)
{
  g_autofree char *rules = NULL;
  const FurrowSeasonCost *costs;
  const FurrowSeasonSubsidy *subsidies;
  const FurrowSeasonIncome *income;
  const FurrowSeasonFee *fees;
  const FurrowBaseRule *base;
  const FurrowSurplusSplit *split;
  gboolean locked;
  guint n;
  GtkWidget *editors[] = {
    GTK_WIDGET (self->prices_group), GTK_WIDGET (self->costs_group),
    GTK_WIDGET (self->subsidies_group), GTK_WIDGET (self->income_group),
    GTK_WIDGET (self->fees_group), GTK_WIDGET (self->base_group), GTK_WIDGET (self->split_group),
  };

  if (SEASON (self) == NULL)
    {
      g_clear_pointer (&self->loaded_rules, g_free);
      self->loaded_id = 0;
      return;
    }
  rules = furrow_season_describe_rules (SEASON (self));
  /* Settled, or the money rules are not the user's role's (a manager's). */
  locked = furrow_season_is_read_only (SEASON (self)) ||
           !furrow_season_page_may (FURROW_SEASON_PAGE (self), FURROW_PERMISSION_RULES);
  if (!force && self->loaded_id == furrow_season_get_id (SEASON (self)) &&
      self->loaded_locked == locked && g_strcmp0 (rules, self->loaded_rules) == 0)
    return;

  furrow_season_page_cancel_commit (FURROW_SEASON_PAGE (self));
  self->loading = TRUE;
  furrow_number_entry_set_fen (self->maize_price_spin,
                furrow_season_get_price (SEASON (self), FURROW_CROP_MAIZE)->price_fen_per_kg);
  gtk_spin_button_set_value (self->maize_moisture_spin,
                             furrow_season_get_price (SEASON (self),
                                                      FURROW_CROP_MAIZE)->moisture_pct);
  furrow_number_entry_set_fen (self->soy_price_spin,
                furrow_season_get_price (SEASON (self), FURROW_CROP_SOYBEAN)->price_fen_per_kg);
  gtk_spin_button_set_value (self->soy_moisture_spin,
                             furrow_season_get_price (SEASON (self),
                                                      FURROW_CROP_SOYBEAN)->moisture_pct);

  for (guint kind = 0; kind < N_LISTS; kind++)
    clear_list (self, kind);
  costs = furrow_season_get_costs (SEASON (self), &n);
  for (guint i = 0; i < n; i++)
    add_list_row (self, LIST_COST, costs[i].crop, costs[i].item, costs[i].fen_per_mu, FALSE,
                  costs[i].field_id);
  subsidies = furrow_season_get_subsidies (SEASON (self), &n);
  for (guint i = 0; i < n; i++)
    add_list_row (self, LIST_SUBSIDY, FURROW_CROP_MAIZE, subsidies[i].name,
                  subsidies[i].fen_per_mu, subsidies[i].strip_only, 0);
  income = furrow_season_get_other_income (SEASON (self), &n);
  for (guint i = 0; i < n; i++)
    add_list_row (self, LIST_INCOME, FURROW_CROP_MAIZE, income[i].name, income[i].fen, FALSE, 0);
  fees = furrow_season_get_fees (SEASON (self), &n);
  for (guint i = 0; i < n; i++)
    add_list_row (self, LIST_FEE, FURROW_CROP_MAIZE, fees[i].operation, fees[i].fen_per_mu,
                  FALSE, 0);

  base = furrow_season_get_base_rule (SEASON (self));
  adw_combo_row_set_selected (self->base_kind_row, base->kind);
  furrow_number_entry_set_fen (self->base_fixed_spin, (double) base->fen_per_mu);
  gtk_spin_button_set_value (self->base_kg_spin, base->kg_per_mu);
  furrow_number_entry_set_fen (self->base_price_spin, base->price_fen_per_kg);
  gtk_switch_set_active (self->base_less_cost_switch, base->less_cost_per_mu);
  furrow_number_entry_set_fen (self->base_annual_spin, (double) base->annual_fen_per_mu);
  gtk_spin_button_set_value (self->base_pct_spin, base->season_pct);

  split = furrow_season_get_split (SEASON (self));
  gtk_spin_button_set_value (self->reserve_spin, split->reserve_pct);
  gtk_spin_button_set_value (self->collective_spin, split->collective_pct);
  gtk_spin_button_set_value (self->cooperative_spin, split->cooperative_pct);
  gtk_spin_button_set_value (self->households_spin, split->households_pct);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                         furrow_season_get_split_reason (SEASON (self))
                           ? furrow_season_get_split_reason (SEASON (self)) : "");

  /* Marks and the reason row as the loaded values call for them. */
  {
    g_autoptr(FurrowSeason) scratch = furrow_season_new_empty ();

    collect (self, scratch);
  }

  /* "Settled — reopen to change" only when it is so. */
  gtk_widget_set_visible (GTK_WIDGET (self->locked_group),
                          furrow_season_is_read_only (SEASON (self)));
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    gtk_widget_set_sensitive (editors[i], !locked);
  self->loading = FALSE;

  g_free (self->loaded_rules);
  self->loaded_rules = g_steal_pointer (&rules);
  self->loaded_id = furrow_season_get_id (SEASON (self));
  self->loaded_locked = locked;
}

/* ------------------------------------------------------------------------------------------ */
/* Commit                                                                                     */

void
furrow_season_economics_page_commit (FurrowSeasonEconomicsPage *self)
{
  g_autoptr(FurrowSeason) before = NULL;
  g_autoptr(FurrowSeason) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_rules = NULL;
  g_autofree char *after_rules = NULL;

  g_return_if_fail (FURROW_IS_SEASON_ECONOMICS_PAGE (self));

  furrow_season_page_cancel_commit (FURROW_SEASON_PAGE (self));
  if (self->loading || SEASON (self) == NULL || STORE (self) == NULL)
    return;
  /* Copies from the file: the one to fill from the widgets, the one undo goes back to. */
  before = furrow_store_find_season (STORE (self), furrow_season_get_name (SEASON (self)));
  after = furrow_store_find_season (STORE (self), furrow_season_get_name (SEASON (self)));
  if (before == NULL || after == NULL)
    return;
  if (!collect (self, after))
    return;
  before_rules = furrow_season_describe_rules (before);
  after_rules = furrow_season_describe_rules (after);
  if (g_strcmp0 (before_rules, after_rules) == 0)
    return;

  /* The store announces the change and the page reloads: the season's rules are then what the
   * widgets show, so they stay as they are (and keep the focus). */
  g_free (self->loaded_rules);
  self->loaded_rules = g_strdup (after_rules);

  if (!furrow_season_page_push_edit (FURROW_SEASON_PAGE (self),
                                     furrow_edit_season_rules (STORE (self),
                                                               furrow_season_get_id (SEASON (self)),
                                                               before, after),
                                     &error))
    {
      /* Refused (settled, or the file): the editor goes back to what is stored. */
      if (!g_error_matches (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT))
        show_refusal (self, error->message);
      /* Another user's change first: the window says so, and the page shows their rules. */
      load (self, TRUE);
      return;
    }
  /* The write was the debounce: the preview follows at once. */
  furrow_season_economics_page_update_preview (self);
}

static void
value_changed_cb (FurrowSeasonEconomicsPage *self)
{
  if (self->loading)
    return;
  show_base_rows (self);
  schedule_commit (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Preview                                                                                    */

/* The predicted income (furrow-income-preview.h) of the rules as stored. */
void
furrow_season_economics_page_update_preview (FurrowSeasonEconomicsPage *self)
{
  g_return_if_fail (FURROW_IS_SEASON_ECONOMICS_PAGE (self));

  g_clear_handle_id (&self->preview_source, g_source_remove);
  furrow_income_preview_update (self->income_preview, STORE (self), SEASON (self));
}

static gboolean
preview_timeout_cb (gpointer data)
{
  FurrowSeasonEconomicsPage *self = data;

  self->preview_source = 0;
  furrow_season_economics_page_update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (FurrowSeasonEconomicsPage *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

char *
furrow_season_economics_page_get_preview_text (FurrowSeasonEconomicsPage *self,
                                               const char                *code,
                                               guint                      column)
{
  g_return_val_if_fail (FURROW_IS_SEASON_ECONOMICS_PAGE (self), NULL);

  return furrow_income_preview_get_text (self->income_preview, code, column);
}

GtkWidget *
furrow_season_economics_page_get_child (FurrowSeasonEconomicsPage *self,
                                        const char                *name)
{
  GObject *child;

  g_return_val_if_fail (FURROW_IS_SEASON_ECONOMICS_PAGE (self), NULL);

  child = gtk_widget_get_template_child (GTK_WIDGET (self), FURROW_TYPE_SEASON_ECONOMICS_PAGE,
                                         name);
  /* The predicted income's own children ("preview_view") are the page's as before. */
  if (child == NULL)
    child = gtk_widget_get_template_child (GTK_WIDGET (self->income_preview),
                                           FURROW_TYPE_INCOME_PREVIEW, name);
  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  return GTK_WIDGET (child);
}

GtkWidget *
furrow_season_economics_page_get_item_row (FurrowSeasonEconomicsPage *self,
                                           guint                      list,
                                           guint                      index)
{
  g_return_val_if_fail (FURROW_IS_SEASON_ECONOMICS_PAGE (self), NULL);
  g_return_val_if_fail (list < N_LISTS, NULL);

  return index < self->list_rows[list]->len ? g_ptr_array_index (self->list_rows[list], index)
                                            : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */

static void
furrow_season_economics_page_dispose (GObject *object)
{
  FurrowSeasonEconomicsPage *self = FURROW_SEASON_ECONOMICS_PAGE (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_handle_id (&self->orientation_source, g_source_remove);
  furrow_season_page_cancel_commit (FURROW_SEASON_PAGE (self));
  _furrow_season_economics_page_paste_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_SEASON_ECONOMICS_PAGE);

  G_OBJECT_CLASS (furrow_season_economics_page_parent_class)->dispose (object);
}

static void
furrow_season_economics_page_finalize (GObject *object)
{
  FurrowSeasonEconomicsPage *self = FURROW_SEASON_ECONOMICS_PAGE (object);

  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      g_ptr_array_unref (self->list_rows[kind]);
      g_object_unref (self->name_groups[kind]);
    }
  g_free (self->loaded_rules);
  _furrow_season_economics_page_paste_finalize (self);

  G_OBJECT_CLASS (furrow_season_economics_page_parent_class)->finalize (object);
}

static void
furrow_season_economics_page_reload (FurrowSeasonPage *page,
                                     gboolean          switched)
{
  FurrowSeasonEconomicsPage *self = FURROW_SEASON_ECONOMICS_PAGE (page);

  load (self, switched);
  schedule_preview (self);
}

static void
furrow_season_economics_page_records_changed (FurrowSeasonPage *page)
{
  /* The rules shown are the season's, untouched by the register: only the predicted
   * distribution (registered areas, custody, households) is recomputed. */
  schedule_preview (FURROW_SEASON_ECONOMICS_PAGE (page));
}

static void
furrow_season_economics_page_commit_delayed (FurrowSeasonPage *page)
{
  furrow_season_economics_page_commit (FURROW_SEASON_ECONOMICS_PAGE (page));
}

/* The rules beside the predicted income when both fit at their width, the income under the
 * rules otherwise (a 1024-px window): the amounts are never cut off at the page's edge (issue 13,
 * item 2). Beside the income the rules take up to their natural width, the cost items' names in
 * full, and the income its natural width: its name column took half the page at 1920 px and
 * cut the names to "Management and l…". Decided when the page's width changes, changed on the
 * next idle (not while allocating). */
static gboolean
apply_orientation_cb (gpointer data)
{
  FurrowSeasonEconomicsPage *self = data;

  self->orientation_source = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), self->wanted_orientation);
  /* Under the rules, the income gets half the height. */
  if (self->wanted_orientation == GTK_ORIENTATION_VERTICAL)
    gtk_paned_set_position (self->paned, gtk_widget_get_height (GTK_WIDGET (self->paned)) / 2);
  else
    gtk_paned_set_position (self->paned, self->wanted_position);
  return G_SOURCE_REMOVE;
}

/* The page's width changed (the page scroller's view): choose the orientation for it. */
static void
page_width_changed_cb (FurrowSeasonEconomicsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->page_scroller);
  int width = (int) gtk_adjustment_get_page_size (adjustment);
  GtkWidget *preview = gtk_paned_get_end_child (self->paned);
  int editor_min = 0, editor_nat = 0, preview_nat = 0, editor;
  GtkOrientation wanted;

  if (width <= 0)
    return;
  gtk_widget_measure (GTK_WIDGET (self->editor_page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &editor_min, &editor_nat, NULL, NULL);
  gtk_widget_measure (preview, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &preview_nat, NULL, NULL);
  editor = MAX (editor_min, EDITOR_WIDTH);
  wanted = width >= editor + preview_nat + 8 ? GTK_ORIENTATION_HORIZONTAL
                                             : GTK_ORIENTATION_VERTICAL;
  self->wanted_orientation = wanted;
  self->wanted_position = CLAMP (width - preview_nat - 8, editor, MAX (editor, editor_nat));
  if ((wanted != gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) ||
       (wanted == GTK_ORIENTATION_HORIZONTAL &&
        self->wanted_position != gtk_paned_get_position (self->paned))) &&
      self->orientation_source == 0)
    self->orientation_source = g_idle_add (apply_orientation_cb, self);
}

static void
furrow_season_economics_page_class_init (FurrowSeasonEconomicsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FurrowSeasonPageClass *page_class = FURROW_SEASON_PAGE_CLASS (klass);

  object_class->dispose = furrow_season_economics_page_dispose;
  object_class->finalize = furrow_season_economics_page_finalize;
  page_class->reload = furrow_season_economics_page_reload;
  page_class->records_changed = furrow_season_economics_page_records_changed;
  page_class->commit = furrow_season_economics_page_commit_delayed;

  g_type_ensure (FURROW_TYPE_NUMBER_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/season/furrow-season-economics-page.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, commit_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cost_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_subsidy_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_income_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_fee_cb);
  furrow_season_economics_page_paste_class_init (widget_class);
}

static void
furrow_season_economics_page_init (FurrowSeasonEconomicsPage *self)
{
  self->loading = TRUE;
  g_type_ensure (FURROW_TYPE_INCOME_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      self->list_rows[kind] = g_ptr_array_new ();
      self->name_groups[kind] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
    }
  furrow_season_economics_page_paste_init (self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->reason_row), focus);
  }
  /* The bin's child, not a template child: AdwBin unparents it. */
  self->page_scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->page_scroller),
                           "notify::page-size", G_CALLBACK (page_width_changed_cb), self,
                           G_CONNECT_SWAPPED);
  show_base_rows (self);
  self->loading = FALSE;
}

FurrowSeasonEconomicsPage *
furrow_season_economics_page_new (void)
{
  return g_object_new (FURROW_TYPE_SEASON_ECONOMICS_PAGE, NULL);
}
