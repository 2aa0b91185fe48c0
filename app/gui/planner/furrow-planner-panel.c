/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "furrow-planner-panel.h"
#include "furrow-planner-panel-testing.h"
#include "furrow-comparison.h"
#include "furrow-compass.h"
#include "furrow-comparison-chart.h"
#include "furrow-cross-section.h"
#include "furrow-edit-plan.h"
#include "furrow-property.h"
#include "furrow-season-plans.h"
#include "furrow-store-roles.h"
#include "furrow-store-season.h"
#include "furrow-store-yield.h"
#include "furrow-template.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-yield-model-editor.h"

/* The planner of one custody field (issue 7): a pattern preset and every parameter of the strip,
 * the unit drawn end-on, and the quantities, yields, LER and net per mu of the field, recomputed
 * by the core (furrow_layout_compute, furrow_yield_model_predict_layout,
 * furrow_comparison_compute) on every change. "layout-changed" tells the map to redraw the rows. */

struct _FurrowPlannerPanel
{
  GtkWidget parent_instance;

  /* template */
  GtkStack            *stack;
  GtkLabel            *field_label;
  AdwComboRow         *preset_row;
  AdwComboRow         *yield_row;
  FurrowCrossSection  *cross_section;
  GtkSpinButton       *maize_rows_spin;
  GtkSpinButton       *soy_rows_spin;
  GtkSpinButton       *maize_spacing_spin;
  AdwEntryRow         *wide_middle_row;
  GtkSpinButton       *soy_spacing_spin;
  GtkSpinButton       *gap_spin;
  GtkSpinButton       *maize_plant_spin;
  GtkSpinButton       *maize_seeds_spin;
  GtkSpinButton       *soy_plant_spin;
  GtkSpinButton       *soy_seeds_spin;
  FurrowCompass       *compass;
  GtkSpinButton       *azimuth_spin;
  GtkSpinButton       *headland_spin;
  GtkSpinButton       *margin_spin;
  GtkSpinButton       *planter_spin;
  GtkLabel            *planter_warning;
  GtkLabel            *maize_row_m_label;
  GtkLabel            *soy_row_m_label;
  GtkLabel            *maize_plants_label;
  GtkLabel            *soy_plants_label;
  GtkLabel            *maize_seed_label;
  GtkLabel            *soy_seed_label;
  GtkLabel            *maize_yield_label;
  GtkLabel            *soy_yield_label;
  GtkLabel            *ler_label;
  GtkLabel            *net_label;
  FurrowComparisonChart *comparison_chart;
  GtkWidget           *season_group;
  AdwComboRow         *season_row;
  AdwActionRow        *plan_row;

  FurrowStore          *store;     /* the project: its yield presets follow the built-in ones */
  FurrowHistory        *history;
  GtkStringList        *yield_names;
  FurrowField          *field;
  FurrowPattern         pattern;
  FurrowYieldModel      model;
  FurrowEconomics       economics;
  FurrowLayout         *layout;
  FurrowYieldPrediction prediction;
  gint64                net_fen_per_mu;
  double                ler;
  gint64                update_us;
  gboolean              updating;

  /* Apply to Season */
  GListModel           *seasons;          /* the store's, watched */
  GArray               *season_ids;       /* gint64, behind season_row */
  gint64                preferred_season; /* the one last shown */
  gint64                plan_version;     /* of the field's plan there, as plan_row says */
};

G_DEFINE_FINAL_TYPE (FurrowPlannerPanel, furrow_planner_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LAYOUT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text);
}

/* Spins show the pattern; the guard keeps their signals from feeding back. */
static void
show_pattern (FurrowPlannerPanel *self)
{
  const FurrowPattern *p = &self->pattern;
  g_autoptr(GString) middles = g_string_new (NULL);

  self->updating = TRUE;
  gtk_spin_button_set_value (self->maize_rows_spin, p->maize_rows);
  gtk_spin_button_set_value (self->soy_rows_spin, p->soy_rows);
  if (p->maize_rows > 1)
    gtk_spin_button_set_value (self->maize_spacing_spin, p->maize_spacing_m[0]);
  for (guint i = 0; p->maize_rows > 2 && i + 1 < p->maize_rows; i++)
    g_string_append_printf (middles, i == 0 ? "%.2f" : "-%.2f", p->maize_spacing_m[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->wide_middle_row), middles->str);
  gtk_spin_button_set_value (self->soy_spacing_spin, p->soy_spacing_m);
  gtk_spin_button_set_value (self->gap_spin, p->gap_m);
  gtk_spin_button_set_value (self->maize_plant_spin,
                             p->sowing[FURROW_CROP_MAIZE].plant_spacing_m);
  gtk_spin_button_set_value (self->maize_seeds_spin, p->sowing[FURROW_CROP_MAIZE].seeds_per_hill);
  gtk_spin_button_set_value (self->soy_plant_spin,
                             p->sowing[FURROW_CROP_SOYBEAN].plant_spacing_m);
  gtk_spin_button_set_value (self->soy_seeds_spin,
                             p->sowing[FURROW_CROP_SOYBEAN].seeds_per_hill);
  gtk_spin_button_set_value (self->headland_spin, furrow_pattern_headland_m (p));
  gtk_spin_button_set_value (self->margin_spin, p->margin_m);
  gtk_spin_button_set_value (self->planter_spin, p->planter_width_m);
  self->updating = FALSE;
}

/* "0.4-0.8-0.4": the maize spacings left to right; FALSE unless exactly @n numbers. */
static gboolean
parse_spacings (const char *text,
                guint       n,
                double     *out)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "-–/ ", -1);
  guint k = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      double v;

      if (parts[i][0] == '\0')
        continue;
      v = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !(v > 0) || k >= n)
        return FALSE;
      out[k++] = v;
    }
  return k == n;
}

static void
read_pattern (FurrowPlannerPanel *self)
{
  FurrowPattern *p = &self->pattern;
  double middles[FURROW_PATTERN_MAX_ROWS];
  guint maize_rows = gtk_spin_button_get_value_as_int (self->maize_rows_spin);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->wide_middle_row));
  double headland_m = gtk_spin_button_get_value (self->headland_spin);

  /* A headland of "one unit width" follows the unit until the user types a width. */
  if (p->headland_m >= 0 || fabs (headland_m - furrow_pattern_headland_m (p)) > 1e-9)
    p->headland_m = headland_m;

  p->maize_rows = maize_rows;
  p->soy_rows = gtk_spin_button_get_value_as_int (self->soy_rows_spin);
  if (maize_rows > 1 && parse_spacings (text, maize_rows - 1, middles))
    memcpy (p->maize_spacing_m, middles, (maize_rows - 1) * sizeof (double));
  else
    for (guint i = 0; i + 1 < maize_rows; i++)
      p->maize_spacing_m[i] = gtk_spin_button_get_value (self->maize_spacing_spin);
  p->soy_spacing_m = gtk_spin_button_get_value (self->soy_spacing_spin);
  p->gap_m = gtk_spin_button_get_value (self->gap_spin);
  p->sowing[FURROW_CROP_MAIZE].plant_spacing_m = gtk_spin_button_get_value (self->maize_plant_spin);
  p->sowing[FURROW_CROP_MAIZE].seeds_per_hill = gtk_spin_button_get_value (self->maize_seeds_spin);
  p->sowing[FURROW_CROP_SOYBEAN].plant_spacing_m = gtk_spin_button_get_value (self->soy_plant_spin);
  p->sowing[FURROW_CROP_SOYBEAN].seeds_per_hill = gtk_spin_button_get_value (self->soy_seeds_spin);
  p->margin_m = gtk_spin_button_get_value (self->margin_spin);
  p->planter_width_m = gtk_spin_button_get_value (self->planter_spin);
}

static void
show_problem (FurrowPlannerPanel *self,
              const char         *message)
{
  gtk_label_set_text (self->planter_warning, message);
  gtk_widget_set_visible (GTK_WIDGET (self->planter_warning), message != NULL);
}

static void
clear_results (FurrowPlannerPanel *self)
{
  GtkLabel *labels[] = {
    self->maize_row_m_label, self->soy_row_m_label, self->maize_plants_label,
    self->soy_plants_label, self->maize_seed_label, self->soy_seed_label,
    self->maize_yield_label, self->soy_yield_label, self->ler_label, self->net_label,
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_label_set_text (labels[i], "—");
}

static void
show_results (FurrowPlannerPanel *self)
{
  const FurrowLayout *l = self->layout;
  const FurrowYieldPrediction *y = &self->prediction;
  GtkLabel *row_m[] = { self->maize_row_m_label, self->soy_row_m_label };
  GtkLabel *plants[] = { self->maize_plants_label, self->soy_plants_label };
  GtkLabel *seed[] = { self->maize_seed_label, self->soy_seed_label };
  GtkLabel *yield[] = { self->maize_yield_label, self->soy_yield_label };
  g_autofree char *area = furrow_format_mu_grouped (l->field_area_m2);
  g_autofree char *title = NULL;
  g_autofree char *ler = NULL;
  g_autofree char *net = furrow_format_yuan (self->net_fen_per_mu);

  /* Translators: a field's name and its area, e.g. "East Slope 3, 104.21 mu". */
  title = g_strdup_printf (_("%s, %s mu"), furrow_field_get_name (self->field), area);
  set_label (self->field_label, title);

  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      /* Translators: row metres of one crop in the field. */
      g_autofree char *m = g_strdup_printf (_("%'.0f m"), l->crop[c].row_m);
      g_autofree char *n = g_strdup_printf ("%'.0f", l->crop[c].plants);
      /* Translators: seed to order, kilograms. */
      g_autofree char *kg = g_strdup_printf (_("%'.1f kg"), l->crop[c].seed_kg);
      /* Translators: predicted yield of the field and per mu. */
      g_autofree char *yk = g_strdup_printf (_("%'.0f kg (%.0f kg/mu)"), y->yield_kg[c],
                                             y->yield_kg_per_mu[c]);

      set_label (row_m[c], m);
      set_label (plants[c], n);
      set_label (seed[c], kg);
      set_label (yield[c], yk);
    }
  ler = g_strdup_printf ("%.2f", self->ler);
  set_label (self->ler_label, ler);
  set_label (self->net_label, net);

  switch (furrow_pattern_check_planter (&self->pattern, NULL, NULL))
    {
    case FURROW_PLANTER_MISMATCH:
      {
        g_autofree char *unit = g_strdup_printf ("%.2f", furrow_pattern_unit_width_m (&self->pattern));
        g_autofree char *msg = NULL;

        /* Translators: %s are widths in metres. */
        msg = g_strdup_printf (_("The strip unit (%s m) does not fit whole passes of the "
                                 "%.2f m planter: rows would be sown off their places."),
                               unit, self->pattern.planter_width_m);
        show_problem (self, msg);
      }
      break;
    case FURROW_PLANTER_OK:
    case FURROW_PLANTER_NOT_CHECKED:
    default:
      show_problem (self, NULL);
    }
}

static void
recompute (FurrowPlannerPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowLayout) layout = NULL;
  g_autoptr(GArray) comparison = NULL;
  FurrowGeometry *geometry;
  gint64 start = g_get_monotonic_time ();

  furrow_cross_section_set_pattern (self->cross_section, &self->pattern);
  g_clear_pointer (&self->layout, furrow_layout_free);

  geometry = self->field != NULL ? furrow_field_get_geometry (self->field) : NULL;
  if (geometry == NULL)
    {
      clear_results (self);
      g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
      return;
    }

  if (furrow_pattern_validate (&self->pattern, &error))
    layout = furrow_layout_compute (geometry, &self->pattern, FURROW_LAYOUT_DEFAULT, &error);
  if (layout != NULL)
    comparison = furrow_comparison_compute (&geometry, 1, &self->pattern, 1, &self->model,
                                            &self->economics, &error);
  if (comparison == NULL || comparison->len != 1)
    {
      clear_results (self);
      show_problem (self, error != NULL ? error->message : NULL);
      g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
      return;
    }

  furrow_yield_model_predict_layout (&self->model, layout, &self->prediction);
  self->ler = g_array_index (comparison, FurrowComparisonRow, 0).ler;
  self->net_fen_per_mu = g_array_index (comparison, FurrowComparisonRow, 0).net_fen_per_mu;
  self->layout = g_steal_pointer (&layout);

  /* The resolved direction (along the longest edge) shows on the dial. */
  self->updating = TRUE;
  gtk_spin_button_set_value (self->azimuth_spin, self->layout->azimuth_deg);
  gtk_spin_button_set_value (self->headland_spin, furrow_pattern_headland_m (&self->pattern));
  self->updating = FALSE;

  show_results (self);
  g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
  self->update_us = g_get_monotonic_time () - start;
}

static void
value_changed_cb (FurrowPlannerPanel *self)
{
  if (self->updating)
    return;
  read_pattern (self);
  recompute (self);
}

static void
azimuth_changed_cb (FurrowPlannerPanel *self)
{
  if (self->updating)
    return;
  self->pattern.orientation = FURROW_ORIENTATION_AZIMUTH;
  self->pattern.azimuth_deg = gtk_spin_button_get_value (self->azimuth_spin);
  recompute (self);
}

static void
preset_changed_cb (FurrowPlannerPanel *self)
{
  guint index = adw_combo_row_get_selected (self->preset_row);
  FurrowOrientation orientation = self->pattern.orientation;
  double azimuth = self->pattern.azimuth_deg;

  if (index >= furrow_pattern_n_presets ())
    return;
  furrow_pattern_preset (furrow_pattern_preset_info (index)->id, &self->pattern);
  /* The direction belongs to the field, not to the pattern. */
  self->pattern.orientation = orientation;
  self->pattern.azimuth_deg = azimuth;
  show_pattern (self);
  recompute (self);
}

static void
yield_changed_cb (FurrowPlannerPanel *self)
{
  guint index = adw_combo_row_get_selected (self->yield_row);
  guint n_builtin = furrow_yield_model_n_presets ();
  g_autoptr(GError) error = NULL;

  if (self->updating || index == GTK_INVALID_LIST_POSITION)
    return;
  if (index < n_builtin)
    furrow_yield_model_preset (furrow_yield_model_preset_id (index), &self->model, NULL);
  else if (self->store == NULL ||
           !furrow_store_find_yield_preset (self->store,
                                            gtk_string_list_get_string (self->yield_names, index),
                                            &self->model, &error))
    {
      if (error != NULL)
        show_problem (self, error->message);
      return;
    }
  recompute (self);
}

/* The built-in yield presets, then the project's (furrow-store-yield.h); the one planned with
 * stays chosen, by name, and is read again (a save may have replaced it); when it is gone the
 * planner goes back to the first built-in preset. */
static void
load_yield_presets (FurrowPlannerPanel *self)
{
  g_autofree char *current = g_strdup (self->model.name);
  g_auto(GStrv) stored = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->yield_names));
  guint selected = 0;

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      stored = furrow_store_list_yield_presets (self->store, &error);
      if (stored == NULL)
        show_problem (self, error->message);
    }

  self->updating = TRUE;
  gtk_string_list_splice (self->yield_names, 0, n, NULL);
  for (guint i = 0; i < furrow_yield_model_n_presets (); i++)
    {
      gtk_string_list_append (self->yield_names, furrow_yield_model_preset_label (i));
      if (g_strcmp0 (furrow_yield_model_preset_id (i), current) == 0)
        selected = i;
    }
  for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
    {
      gtk_string_list_append (self->yield_names, stored[i]);
      if (g_strcmp0 (stored[i], current) == 0)
        selected = furrow_yield_model_n_presets () + i;
    }
  adw_combo_row_set_selected (self->yield_row, selected);
  self->updating = FALSE;
  yield_changed_cb (self);
}

static void
north_south_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FurrowPlannerPanel *self = FURROW_PLANNER_PANEL (widget);

  self->pattern.orientation = FURROW_ORIENTATION_NORTH_SOUTH;
  self->pattern.azimuth_deg = 0;
  recompute (self);
}

static void
longest_edge_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FurrowPlannerPanel *self = FURROW_PLANNER_PANEL (widget);

  self->pattern.orientation = FURROW_ORIENTATION_LONGEST_EDGE;
  recompute (self);
}

static void
edit_yield_models_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  FurrowYieldModelEditor *editor;

  FurrowPlannerPanel *self = FURROW_PLANNER_PANEL (widget);

  editor = furrow_yield_model_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          self->store, self->history);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FurrowPlannerPanel *self = FURROW_PLANNER_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  furrow_comparison_chart_export_with_dialog (self->comparison_chart,
                                              GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              g_str_has_suffix (action_name, "png"),
                                              (FurrowChartProblemFunc) show_problem, self);
}

/* ------------------------------------------------------------------------------------------ */
/* Apply to Season                                                                            */

/* The field's plan in the chosen season as stored: the plan row says what it is, and Apply to
 * Season writes over that version (docs/architecture.md, Several users at once). */
static void
read_plan (FurrowPlannerPanel *self)
{
  g_autoptr(FurrowSeason) season = furrow_planner_panel_dup_target_season (self);
  g_autoptr(GArray) plans = NULL;
  const FurrowSeasonPlan *plan = NULL;
  g_autofree char *subtitle = NULL;

  self->plan_version = 0;
  if (season != NULL && self->field != NULL)
    plans = furrow_store_get_plans (self->store, season, NULL);
  if (plans != NULL)
    {
      plan = furrow_season_plans_find (plans, furrow_field_get_id (self->field));
      self->plan_version = plan != NULL ? plan->row_version : FURROW_ROW_VERSION_NONE;
      subtitle = plan != NULL ? furrow_pattern_describe (&plan->pattern)
                              : g_strdup (_("Not planned in this season yet"));
    }
  adw_action_row_set_subtitle (self->plan_row, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), subtitle != NULL);
}

static void
season_changed_cb (FurrowPlannerPanel *self,
                   FurrowSeason       *season,
                   FurrowSeasonChange  what)
{
  g_autoptr(FurrowSeason) target = furrow_planner_panel_dup_target_season (self);

  if ((what & FURROW_SEASON_CHANGE_PLANS) != 0 && target != NULL &&
      (season == NULL || furrow_season_get_id (season) == furrow_season_get_id (target)))
    read_plan (self);
}

static void
update_season_action (FurrowPlannerPanel *self)
{
  /* Plans are a manager's or an agronomist's (furrow-store-roles.h). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.apply-to-season",
                                 self->field != NULL && self->season_ids->len > 0 &&
                                 (self->store == NULL ||
                                  furrow_role_may (furrow_store_get_role (self->store),
                                                   FURROW_PERMISSION_PLANS)));
}

/* The seasons that can still be planned, the preferred one chosen (else the one chosen before,
 * else the latest). */
static void
rebuild_seasons (FurrowPlannerPanel *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->season_row);
  gint64 keep = selected < self->season_ids->len ? g_array_index (self->season_ids, gint64, selected)
                                                 : 0;
  guint choose = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->season_ids, 0);
  for (guint i = 0; self->seasons != NULL && i < g_list_model_get_n_items (self->seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (self->seasons, i);
      gint64 id = furrow_season_get_id (season);

      if (furrow_season_is_read_only (season))
        continue;
      gtk_string_list_append (names, furrow_season_get_name (season));
      g_array_append_val (self->season_ids, id);
    }
  for (guint i = 0; i < self->season_ids->len; i++)
    if (g_array_index (self->season_ids, gint64, i) == self->preferred_season)
      choose = i;
  for (guint i = 0; choose == GTK_INVALID_LIST_POSITION && i < self->season_ids->len; i++)
    if (g_array_index (self->season_ids, gint64, i) == keep)
      choose = i;
  if (choose == GTK_INVALID_LIST_POSITION && self->season_ids->len > 0)
    choose = self->season_ids->len - 1;
  adw_combo_row_set_model (self->season_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->season_row, choose);
  gtk_widget_set_visible (self->season_group, self->store != NULL);
  update_season_action (self);
  read_plan (self);
}

void
furrow_planner_panel_set_project (FurrowPlannerPanel *self,
                                  FurrowStore        *store,
                                  FurrowHistory      *history)
{
  g_return_if_fail (FURROW_IS_PLANNER_PANEL (self));
  g_return_if_fail (store == NULL || FURROW_IS_STORE (store));

  g_return_if_fail (history == NULL || FURROW_IS_HISTORY (history));

  if (self->seasons != NULL)
    g_signal_handlers_disconnect_by_func (self->seasons, rebuild_seasons, self);
  g_clear_object (&self->seasons);
  g_set_object (&self->history, history);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        {
          g_signal_connect_object (store, "yield-presets-changed",
                                   G_CALLBACK (load_yield_presets), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "season-changed", G_CALLBACK (season_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "role-changed", G_CALLBACK (update_season_action),
                                   self, G_CONNECT_SWAPPED);
        }
    }
  self->preferred_season = 0;
  if (store != NULL)
    {
      self->seasons = furrow_store_get_seasons (store);
      g_signal_connect_object (self->seasons, "items-changed", G_CALLBACK (rebuild_seasons), self,
                               G_CONNECT_SWAPPED);
    }
  rebuild_seasons (self);
  load_yield_presets (self);
}

void
furrow_planner_panel_set_season (FurrowPlannerPanel *self,
                                 FurrowSeason       *season)
{
  g_return_if_fail (FURROW_IS_PLANNER_PANEL (self));

  if (season == NULL)
    return;
  self->preferred_season = furrow_season_get_id (season);
  rebuild_seasons (self);
}

FurrowSeason *
furrow_planner_panel_dup_target_season (FurrowPlannerPanel *self)
{
  FurrowSeason *season;
  guint selected;

  g_return_val_if_fail (FURROW_IS_PLANNER_PANEL (self), NULL);

  selected = adw_combo_row_get_selected (self->season_row);
  if (self->store == NULL || selected >= self->season_ids->len)
    return NULL;
  season = furrow_store_get_season_by_id (self->store,
                                          g_array_index (self->season_ids, gint64, selected));
  return season != NULL ? g_object_ref (season) : NULL;
}

/* The preset the pattern still is (its direction aside), or "" once a parameter was tuned. */
static const char *
current_preset (FurrowPlannerPanel *self)
{
  guint index = adw_combo_row_get_selected (self->preset_row);
  FurrowPattern preset;

  if (index >= furrow_pattern_n_presets () ||
      !furrow_pattern_preset (furrow_pattern_preset_info (index)->id, &preset))
    return "";
  preset.orientation = self->pattern.orientation;
  preset.azimuth_deg = self->pattern.azimuth_deg;
  preset.headland_m = self->pattern.headland_m;
  if (memcmp (&preset, &self->pattern, sizeof preset) != 0)
    return "";
  return furrow_pattern_preset_info (index)->id;
}

gboolean
furrow_planner_panel_apply_to_season (FurrowPlannerPanel  *self,
                                      GError             **error)
{
  g_autoptr(FurrowSeason) season = NULL;
  guint yield_index;
  g_autofree char *label = NULL;
  FurrowEdit *edit;

  g_return_val_if_fail (FURROW_IS_PLANNER_PANEL (self), FALSE);

  season = furrow_planner_panel_dup_target_season (self);
  if (self->store == NULL || self->field == NULL || season == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("Choose a field and a season that is not settled"));
      return FALSE;
    }
  if (!furrow_pattern_validate (&self->pattern, error))
    return FALSE;
  yield_index = adw_combo_row_get_selected (self->yield_row);
  /* Translators: an undoable edit; %s are a field's code and a season's name. */
  label = g_strdup_printf (_("Plan field %s in season “%s”"), furrow_field_get_code (self->field),
                           furrow_season_get_name (season));
  edit = furrow_edit_season_plan (label, self->store, season, &self->field, 1,
                                  &self->plan_version, &self->pattern, current_preset (self),
                                  yield_index < furrow_yield_model_n_presets ()
                                  ? furrow_yield_model_preset_id (yield_index) : "practical");
  if (self->history != NULL)
    return furrow_history_push (self->history, edit, error);
  {
    g_autoptr(FurrowEdit) owned = edit;

    return furrow_edit_apply (owned, TRUE, error);
  }
}

static void
apply_to_season_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FurrowPlannerPanel *self = FURROW_PLANNER_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(FurrowSeason) season = furrow_planner_panel_dup_target_season (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (furrow_planner_panel_apply_to_season (self, &error))
    /* Translators: %s are a field's code and a season's name. */
    message = g_strdup_printf (_("Field %s is planned in season “%s”"),
                               furrow_field_get_code (self->field),
                               season != NULL ? furrow_season_get_name (season) : "");
  else if (g_error_matches (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT))
    /* Another user changed the plan: the window's dialog says so, the season row shows it. */
    return;
  else
    /* Translators: %s is why, e.g. "season “2027” is settled and read-only …". */
    message = g_strdup_printf (_("Cannot plan the field: %s"), error->message);
  if (FURROW_IS_WINDOW (root))
    furrow_window_show_toast (FURROW_WINDOW (root), message);
  else
    show_problem (self, message);
}

/* Another field: the plan or the empty state, the layout and the comparison chart follow. */
static void
field_changed (GObject    *object,
               GParamSpec *pspec)
{
  FurrowPlannerPanel *self = FURROW_PLANNER_PANEL (object);
  FurrowField *field = self->field;
  g_autoptr(GError) error = NULL;

  gtk_stack_set_visible_child_name (self->stack, field != NULL ? "plan" : "empty");
  update_season_action (self);
  read_plan (self);
  recompute (self);
  if (!furrow_comparison_chart_set_field (self->comparison_chart,
                                          field != NULL ? furrow_field_get_geometry (field) : NULL,
                                          &error))
    show_problem (self, error->message);
}

static void
furrow_planner_panel_dispose (GObject *object)
{
  FurrowPlannerPanel *self = FURROW_PLANNER_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_PLANNER_PANEL);
  g_clear_object (&self->field);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->yield_names);
  g_clear_pointer (&self->layout, furrow_layout_free);
  if (self->seasons != NULL)
    g_signal_handlers_disconnect_by_func (self->seasons, rebuild_seasons, self);
  g_clear_object (&self->seasons);
  g_clear_pointer (&self->season_ids, g_array_unref);

  G_OBJECT_CLASS (furrow_planner_panel_parent_class)->dispose (object);
}

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowPlannerPanel, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (stack), CHILD (field_label), CHILD (preset_row), CHILD (yield_row), CHILD (cross_section),
  CHILD (maize_rows_spin), CHILD (soy_rows_spin), CHILD (maize_spacing_spin),
  CHILD (wide_middle_row), CHILD (soy_spacing_spin), CHILD (gap_spin), CHILD (maize_plant_spin),
  CHILD (maize_seeds_spin), CHILD (soy_plant_spin), CHILD (soy_seeds_spin), CHILD (compass),
  CHILD (azimuth_spin), CHILD (headland_spin), CHILD (margin_spin), CHILD (planter_spin),
  CHILD (planter_warning), CHILD (maize_row_m_label), CHILD (soy_row_m_label),
  CHILD (maize_plants_label), CHILD (soy_plants_label), CHILD (maize_seed_label),
  CHILD (soy_seed_label), CHILD (maize_yield_label), CHILD (soy_yield_label), CHILD (ler_label),
  CHILD (net_label), CHILD (comparison_chart), CHILD (season_group), CHILD (season_row),
  CHILD (plan_row),
};
#undef CHILD

static void
furrow_planner_panel_class_init (FurrowPlannerPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = furrow_property_get_member;
  object_class->set_property = furrow_property_set_member;
  object_class->dispose = furrow_planner_panel_dispose;

  /**
   * FurrowPlannerPanel:field:
   *
   * The custody field planned, or %NULL (the panel then shows an empty state).
   */
  properties[PROP_FIELD] = furrow_property_member (
    g_param_spec_object ("field", NULL, NULL, FURROW_TYPE_FIELD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    G_STRUCT_OFFSET (FurrowPlannerPanel, field), field_changed);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FurrowPlannerPanel::layout-changed:
   *
   * The layout was recomputed (furrow_planner_panel_get_layout() may be %NULL).
   */
  signals[LAYOUT_CHANGED] = g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (FURROW_TYPE_COMPASS);
  g_type_ensure (FURROW_TYPE_CROSS_SECTION);
  g_type_ensure (FURROW_TYPE_COMPARISON_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/planner/furrow-planner-panel.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, azimuth_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, yield_changed_cb);

  gtk_widget_class_install_action (widget_class, "planner.north-south", NULL, north_south_action);
  gtk_widget_class_install_action (widget_class, "planner.longest-edge", NULL,
                                   longest_edge_action);
  gtk_widget_class_install_action (widget_class, "planner.edit-yield-models", NULL,
                                   edit_yield_models_action);
  gtk_widget_class_install_action (widget_class, "planner.export-chart-png", NULL,
                                   export_chart_action);
  gtk_widget_class_install_action (widget_class, "planner.export-chart-svg", NULL,
                                   export_chart_action);
  gtk_widget_class_install_action (widget_class, "planner.apply-to-season", NULL,
                                   apply_to_season_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plannerpanel");
}

static void
furrow_planner_panel_init (FurrowPlannerPanel *self)
{
  g_autoptr(GtkStringList) presets = gtk_string_list_new (NULL);

  furrow_pattern_preset ("2+4", &self->pattern);
  furrow_yield_model_preset ("practical", &self->model, NULL);
  furrow_economics_init_defaults (&self->economics);

  self->season_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    gtk_string_list_append (presets, _(furrow_pattern_preset_info (i)->label));
  self->yield_names = gtk_string_list_new (NULL);
  for (guint i = 0; i < furrow_yield_model_n_presets (); i++)
    gtk_string_list_append (self->yield_names, furrow_yield_model_preset_label (i));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (presets));
  adw_combo_row_set_model (self->yield_row, G_LIST_MODEL (self->yield_names));
  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_strcmp0 (furrow_pattern_preset_info (i)->id, "2+4") == 0)
      adw_combo_row_set_selected (self->preset_row, i);
  adw_combo_row_set_selected (self->yield_row, 0);

  g_object_bind_property (self->compass, "azimuth",
                          gtk_spin_button_get_adjustment (self->azimuth_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->updating = FALSE;
  g_signal_connect_swapped (self->season_row, "notify::selected", G_CALLBACK (read_plan), self);
  show_pattern (self);
  rebuild_seasons (self);
}

GtkWidget *
furrow_planner_panel_new (void)
{
  return g_object_new (FURROW_TYPE_PLANNER_PANEL, NULL);
}

/* The plain getters (furrow-property.h): furrow_planner_panel_get_field,
 * furrow_planner_panel_get_layout (the layout of the field shown, or NULL: no field, or an
 * invalid pattern), furrow_planner_panel_get_net_fen_per_mu, furrow_planner_panel_get_ler and
 * furrow_planner_panel_get_update_us (microseconds the last recomputation took, from the change
 * to the labels and the signal). */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowPlannerPanel, furrow_planner_panel, FURROW_IS_PLANNER_PANEL, \
                          ctype, member)
GETTER (FurrowField *, field)
GETTER (const FurrowLayout *, layout)
GETTER (gint64, net_fen_per_mu)
GETTER (double, ler)
GETTER (gint64, update_us)
#undef GETTER

void
furrow_planner_panel_set_field (FurrowPlannerPanel *self,
                                FurrowField        *field)
{
  g_return_if_fail (FURROW_IS_PLANNER_PANEL (self));
  g_return_if_fail (field == NULL || FURROW_IS_FIELD (field));

  furrow_property_set_object (self, properties[PROP_FIELD], field);
}

const FurrowPattern *
furrow_planner_panel_get_pattern (FurrowPlannerPanel *self)
{
  g_return_val_if_fail (FURROW_IS_PLANNER_PANEL (self), NULL);

  return &self->pattern;
}

const FurrowYieldPrediction *
furrow_planner_panel_get_prediction (FurrowPlannerPanel *self)
{
  g_return_val_if_fail (FURROW_IS_PLANNER_PANEL (self), NULL);

  return &self->prediction;
}

