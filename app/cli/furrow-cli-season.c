/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "furrow-cli.h"
#include "furrow-economics.h"
#include "furrow-household-shares.h"
#include "furrow-json.h"
#include "furrow-season-plans.h"
#include "furrow-season.h"
#include "furrow-store-season.h"
#include "furrow-store.h"
#include "furrow-units.h"

/* furrow-cli season --project FILE ACTION NAME … [--json]
 *
 *   list                                   the seasons
 *   create NAME --year Y                   a season with the docs/domain.md §7 defaults
 *   show NAME                              its rules
 *   set-price NAME CROP FEN_PER_KG [--moisture PCT]
 *   set-cost NAME CROP ITEM FEN_PER_MU [--field CODE]   (a negative amount removes the item)
 *   set-fee NAME OPERATION FEN_PER_MU      half-custody service fee
 *   set-operations NAME HOUSEHOLD all|none|OPERATION[,OPERATION…]
 *                                          the services a half-custody household takes (all
 *                                          by default); its fee per mu is their sum
 *   set-subsidy NAME SUBSIDY FEN_PER_MU [--strip-only]
 *   set-income NAME ITEM FEN               other income (insurance payouts …)
 *   actual-cost NAME ITEM FEN [--field CODE]   actual costs, of a field or the whole season
 *   set-base NAME fixed FEN_PER_MU | in-kind KG FEN_PER_KG [--less-cost]
 *   set-split NAME RESERVE COLLECTIVE COOPERATIVE HOUSEHOLDS [--reason TEXT]
 *   plan NAME --all|--field CODE [--preset 2+4] [--yield-preset practical]
 *   harvest NAME --field CODE --crop maize|soybean --kg N --revenue-fen N
 *   predict NAME                           predicted and actual figures side by side
 *   settle NAME [--reason TEXT] [--force]  refused (exit 1, the list on stderr) while something
 *                                          is missing (furrow_store_check_settlement()),
 *                                          unless --force
 *   reopen NAME --reason TEXT
 *   set-notice-date NAME YYYY-MM-DD|none   the public-notice date its statements print (also
 *                                          on a settled season)
 *   notice, objection …                    the notice period and its objections
 *                                          (furrow-cli-notice.c)
 *
 * Money is integer fen in JSON. Bad input: exit 1, one line on stderr, nothing written. */

typedef struct
{
  FurrowCliOptions cli;   /* --project FILE, --json */
  int       year;
  char     *reason;
  char     *field;
  gboolean  all;
  char     *preset;
  char     *yield_preset;
  char     *crop;
  double    kg;
  char     *revenue_fen;
  double    moisture_pct;
  gboolean  less_cost;
  gboolean  strip_only;
  gboolean  force;
} Options;

static void
options_clear (Options *o)
{
  furrow_cli_options_clear (&o->cli);
  g_free (o->reason);
  g_free (o->field);
  g_free (o->preset);
  g_free (o->yield_preset);
  g_free (o->crop);
  g_free (o->revenue_fen);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_int64 (const char *text,
             gint64     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  errno = 0;
  *value = g_ascii_strtoll (text, &end, 10);
  return errno == 0 && end != NULL && *end == '\0';
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  errno = 0;
  *value = g_ascii_strtod (text, &end);
  return errno == 0 && end != NULL && *end == '\0' && isfinite (*value);
}

static FurrowSeason *
find_season (FurrowStore *store,
             const char  *name)
{
  FurrowSeason *season = furrow_store_find_season (store, name);

  if (season == NULL)
    furrow_cli_print_error (_("%s: there is no season “%s”; “furrow-cli season --project %s "
                              "list” shows them"), furrow_store_get_path (store), name,
                            furrow_store_get_path (store));
  return season;
}

static FurrowField *
find_field (FurrowStore *store,
            const char  *code)
{
  FurrowField *field = furrow_store_find_field (store, code);

  if (field == NULL)
    furrow_cli_print_error (_("%s: there is no field %s"), furrow_store_get_path (store), code);
  return field;
}

static int
report_error (FurrowStore *store,
              GError      *error)
{
  furrow_cli_print_file_error (furrow_store_get_path (store), error);
  return 1;
}

/* ------------------------------------------------------------------------------------------ */

static int
season_list (FurrowStore   *store,
             const Options *o)
{
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);
  g_autoptr(JsonBuilder) builder = o->cli.json ? json_builder_new () : NULL;
  guint n = g_list_model_get_n_items (seasons);

  if (builder != NULL)
    json_builder_begin_array (builder);
  else
    g_print ("%-6s %-10s  %s\n", _("Year"), _("State"), _("Season"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, i);

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "name", furrow_season_get_name (season));
          json_builder_set_member_name (builder, "crop_year");
          json_builder_add_int_value (builder, furrow_season_get_crop_year (season));
          furrow_json_add_string (builder, "state",
                                  furrow_season_state_to_string (furrow_season_get_state (season)));
          json_builder_end_object (builder);
        }
      else
        g_print ("%-6u %-10s  %s\n", furrow_season_get_crop_year (season),
                 furrow_season_state_label (furrow_season_get_state (season)),
                 furrow_season_get_name (season));
    }
  if (builder != NULL)
    {
      json_builder_end_array (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  return 0;
}

static void
build_rules_json (JsonBuilder  *builder,
                  FurrowSeason *season)
{
  const FurrowBaseRule *base = furrow_season_get_base_rule (season);
  const FurrowSurplusSplit *split = furrow_season_get_split (season);
  const FurrowSeasonCost *costs;
  const FurrowSeasonSubsidy *subsidies;
  const FurrowSeasonIncome *income;
  const FurrowSeasonFee *fees;
  guint n;

  json_builder_begin_object (builder);
  furrow_json_add_string (builder, "name", furrow_season_get_name (season));
  json_builder_set_member_name (builder, "crop_year");
  json_builder_add_int_value (builder, furrow_season_get_crop_year (season));
  furrow_json_add_string (builder, "state",
                          furrow_season_state_to_string (furrow_season_get_state (season)));
  json_builder_set_member_name (builder, "prices");
  json_builder_begin_object (builder);
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      const FurrowSeasonPrice *price = furrow_season_get_price (season, c);

      json_builder_set_member_name (builder, furrow_crop_to_string (c));
      json_builder_begin_object (builder);
      furrow_json_add_double (builder, "price_fen_per_kg", price->price_fen_per_kg);
      furrow_json_add_double (builder, "moisture_pct", price->moisture_pct);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "costs");
  json_builder_begin_array (builder);
  costs = furrow_season_get_costs (season, &n);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "crop", furrow_crop_to_string (costs[i].crop));
      furrow_json_add_string (builder, "item", costs[i].item);
      furrow_json_add_int (builder, "fen_per_mu", costs[i].fen_per_mu);
      if (costs[i].field_id != 0)
        {
          json_builder_set_member_name (builder, "field_id");
          json_builder_add_int_value (builder, costs[i].field_id);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "subsidies");
  json_builder_begin_array (builder);
  subsidies = furrow_season_get_subsidies (season, &n);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "name", subsidies[i].name);
      furrow_json_add_int (builder, "fen_per_mu", subsidies[i].fen_per_mu);
      json_builder_set_member_name (builder, "strip_only");
      json_builder_add_boolean_value (builder, subsidies[i].strip_only);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "other_income");
  json_builder_begin_array (builder);
  income = furrow_season_get_other_income (season, &n);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "name", income[i].name);
      furrow_json_add_int (builder, "fen", income[i].fen);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "fees");
  json_builder_begin_array (builder);
  fees = furrow_season_get_fees (season, &n);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "operation", fees[i].operation);
      furrow_json_add_int (builder, "fen_per_mu", fees[i].fen_per_mu);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "base");
  json_builder_begin_object (builder);
  furrow_json_add_string (builder, "kind", furrow_base_kind_to_string (base->kind));
  furrow_json_add_int (builder, "fen_per_mu", base->fen_per_mu);
  furrow_json_add_double (builder, "kg_per_mu", base->kg_per_mu);
  furrow_json_add_double (builder, "price_fen_per_kg", base->price_fen_per_kg);
  json_builder_set_member_name (builder, "less_cost_per_mu");
  json_builder_add_boolean_value (builder, base->less_cost_per_mu);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "split_pct");
  json_builder_begin_object (builder);
  furrow_json_add_double (builder, "reserve", split->reserve_pct);
  furrow_json_add_double (builder, "collective", split->collective_pct);
  furrow_json_add_double (builder, "cooperative", split->cooperative_pct);
  furrow_json_add_double (builder, "households", split->households_pct);
  json_builder_end_object (builder);
  furrow_json_add_string (builder, "reason", furrow_season_get_split_reason (season));
  json_builder_end_object (builder);
}

static int
season_show (FurrowStore   *store,
             FurrowSeason  *season,
             const Options *o)
{
  if (o->cli.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_rules_json (builder, season);
      furrow_cli_print_json (builder, TRUE);
    }
  else
    {
      g_autofree char *rules = furrow_season_describe_rules (season);

      /* TRANSLATORS: season name, crop year, state */
      g_print (_("%s (%u, %s)\n"), furrow_season_get_name (season),
               furrow_season_get_crop_year (season),
               furrow_season_state_label (furrow_season_get_state (season)));
      g_print ("%s", rules);
    }
  return 0;
}

static int
update (FurrowStore  *store,
        FurrowSeason *season)
{
  g_autoptr(GError) error = NULL;

  if (!furrow_store_update_season (store, season, &error))
    return report_error (store, error);
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Plans                                                                                      */

static gboolean
resolve_pattern (const Options *o,
                 FurrowPattern *pattern)
{
  const char *id = o->preset ? o->preset : "2+4";

  if (!furrow_pattern_preset (id, pattern))
    {
      furrow_cli_print_error (_("--preset %s is not a pattern preset (2+4, 4+6, 3+4, 2+2, 2+3, "
                                "4+4, 2+6, sole-maize, sole-soybean)"), id);
      return FALSE;
    }
  return TRUE;
}

static int
season_plan (FurrowStore   *store,
             FurrowSeason  *season,
             const Options *o)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) read = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;
  const char *preset = o->preset ? o->preset : "2+4";

  if (o->all == (o->field != NULL))
    {
      furrow_cli_print_error (_("season plan: give either --all or --field CODE"));
      return 1;
    }
  if (!resolve_pattern (o, &pattern))
    return 1;
  if (o->all)
    {
      g_autoptr(GListModel) model = furrow_store_get_fields (store);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (fields, g_list_model_get_item (model, i));
    }
  else
    {
      FurrowField *field = find_field (store, o->field);

      if (field == NULL)
        return 1;
      g_ptr_array_add (fields, field);
    }
  /* The versions of the plans read now, checked by the write (one transaction): a plan another
   * user changes in between is a conflict that writes nothing (docs/architecture.md, Several
   * users at once). */
  read = furrow_store_get_plans (store, season, &error);
  if (read == NULL)
    return report_error (store, error);
  versions = g_array_sized_new (FALSE, FALSE, sizeof (gint64), fields->len);
  for (guint i = 0; i < fields->len; i++)
    {
      const FurrowSeasonPlan *plan =
        furrow_season_plans_find (read, furrow_field_get_id (g_ptr_array_index (fields, i)));
      gint64 version = plan != NULL ? plan->row_version : FURROW_ROW_VERSION_NONE;

      g_array_append_val (versions, version);
    }
  if (!furrow_season_plan_fields (store, season, (FurrowField * const *) fields->pdata,
                                  fields->len, (const gint64 *) versions->data, &pattern, preset,
                                  o->yield_preset, NULL, &error))
    return report_error (store, error);
  if (!o->cli.json)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Planned %u field of %s with %s\n",
                          "Planned %u fields of %s with %s\n", fields->len),
             fields->len, furrow_season_get_name (season), preset);
  return 0;
}

static int
season_harvest (FurrowStore   *store,
                FurrowSeason  *season,
                const Options *o)
{
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(GError) error = NULL;
  FurrowCrop crop;
  gint64 revenue_fen;

  if (o->field == NULL || o->crop == NULL || o->revenue_fen == NULL || o->kg < 0)
    {
      furrow_cli_print_error (_("season harvest needs --field CODE --crop maize|soybean --kg N "
                                "--revenue-fen N"));
      return 1;
    }
  if (!furrow_crop_from_string (o->crop, &crop))
    {
      furrow_cli_print_error (_("--crop %s: the crop is maize or soybean"), o->crop);
      return 1;
    }
  if (!parse_int64 (o->revenue_fen, &revenue_fen) || revenue_fen < 0)
    {
      furrow_cli_print_error (_("--revenue-fen %s: give the sale revenue as whole fen"),
                              o->revenue_fen);
      return 1;
    }
  field = find_field (store, o->field);
  if (field == NULL)
    return 1;
  if (!furrow_store_set_harvest (store, season, field, crop, o->kg, revenue_fen, &error))
    return report_error (store, error);
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Predict                                                                                    */

static void
add_figures (JsonBuilder                  *builder,
             const char                   *name,
             const FurrowEconomicsFigures *f)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  furrow_json_add_double (builder, "maize_yield_kg", f->yield_kg[FURROW_CROP_MAIZE]);
  furrow_json_add_double (builder, "soy_yield_kg", f->yield_kg[FURROW_CROP_SOYBEAN]);
  furrow_json_add_int (builder, "maize_revenue_fen", f->revenue_fen[FURROW_CROP_MAIZE]);
  furrow_json_add_int (builder, "soy_revenue_fen", f->revenue_fen[FURROW_CROP_SOYBEAN]);
  furrow_json_add_int (builder, "revenue_fen", f->revenue_total_fen);
  furrow_json_add_int (builder, "subsidy_fen", f->subsidy_fen);
  furrow_json_add_int (builder, "other_income_fen", f->other_income_fen);
  furrow_json_add_int (builder, "cost_fen", f->cost_fen);
  furrow_json_add_int (builder, "net_fen", f->net_fen);
  json_builder_end_object (builder);
}

static int
season_predict (FurrowStore   *store,
                FurrowSeason  *season,
                const Options *o)
{
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree FurrowEconomicsComparison *per_field = NULL;
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autofree double *area_m2 = NULL;
  g_autofree gint64 *predicted = NULL;
  g_autofree gint64 *actual = NULL;
  FurrowEconomicsComparison total;
  gint64 season_cost_fen = 0;
  guint n_households = g_list_model_get_n_items (households);

  fields = furrow_store_get_season_fields (store, season, &season_cost_fen, &error);
  if (fields == NULL)
    return report_error (store, error);
  per_field = g_new0 (FurrowEconomicsComparison, fields->len + 1);
  furrow_economics_season ((const FurrowEconomicsField *) fields->data, fields->len,
                           furrow_season_other_income_fen (season), season_cost_fen, per_field,
                           &total);

  /* Households by their full-custody registered area. */
  predicted = g_new0 (gint64, n_households + 1);
  actual = g_new0 (gint64, n_households + 1);
  area_m2 = furrow_household_shares (households, parcels, total.predicted.net_fen, predicted);
  furrow_economics_share_by_area (total.actual.net_fen, area_m2, n_households, actual);

  if (o->cli.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "season", furrow_season_get_name (season));
      furrow_json_add_string (builder, "state",
                              furrow_season_state_to_string (furrow_season_get_state (season)));
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint i = 0; i < fields->len; i++)
        {
          const FurrowEconomicsField *f = &g_array_index (fields, FurrowEconomicsField, i);

          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", f->code);
          furrow_json_add_double (builder, "area_mu",
                                  furrow_economics_area_cmu (f->area_m2) / 100.0);
          furrow_json_add_string (builder, "pattern", f->strip ? "strip"
                                                      : f->grows[FURROW_CROP_SOYBEAN] ? "soybean"
                                                      : "maize");
          furrow_json_add_double (builder, "maize_area_m2", f->planted_area_m2[FURROW_CROP_MAIZE]);
          furrow_json_add_double (builder, "soy_area_m2", f->planted_area_m2[FURROW_CROP_SOYBEAN]);
          json_builder_set_member_name (builder, "harvested");
          json_builder_add_boolean_value (builder, f->harvested);
          add_figures (builder, "predicted", &per_field[i].predicted);
          add_figures (builder, "actual", &per_field[i].actual);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "total");
      json_builder_begin_object (builder);
      add_figures (builder, "predicted", &total.predicted);
      add_figures (builder, "actual", &total.actual);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "households");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_households; i++)
        {
          g_autoptr(FurrowHousehold) household = NULL;

          if (area_m2[i] <= 0)
            continue;
          household = g_list_model_get_item (households, i);
          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", furrow_household_get_code (household));
          furrow_json_add_double (builder, "area_mu",
                                  furrow_economics_area_cmu (area_m2[i]) / 100.0);
          furrow_json_add_int (builder, "predicted_net_fen", predicted[i]);
          furrow_json_add_int (builder, "actual_net_fen", actual[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
      return 0;
    }

  {
    const char *labels[] = { N_("Maize yield (kg)"), N_("Soybean yield (kg)"), N_("Revenue"),
                             N_("Subsidies"), N_("Other income"), N_("Costs"), N_("Net") };
    const FurrowEconomicsFigures *sides[] = { &total.predicted, &total.actual };

    /* TRANSLATORS: heading of the prediction table, %s is the season name */
    g_print (_("Season %s: predicted and actual\n\n"), furrow_season_get_name (season));
    g_print ("%22s %*s%s %*s%s\n", "",
             (int) MAX (0, 18 - furrow_cli_text_columns (_("Predicted"))), "", _("Predicted"),
             (int) MAX (0, 18 - furrow_cli_text_columns (_("Actual"))), "", _("Actual"));
    for (guint row = 0; row < G_N_ELEMENTS (labels); row++)
      {
        char cells[2][64];

        for (guint s = 0; s < 2; s++)
          {
            const FurrowEconomicsFigures *f = sides[s];
            g_autofree char *yuan = NULL;

            switch (row)
              {
              case 0:
              case 1:
                g_snprintf (cells[s], sizeof cells[s], "%.0f", f->yield_kg[row]);
                continue;
              case 2:
                yuan = furrow_format_yuan (f->revenue_total_fen);
                break;
              case 3:
                yuan = furrow_format_yuan (f->subsidy_fen);
                break;
              case 4:
                yuan = furrow_format_yuan (f->other_income_fen);
                break;
              case 5:
                yuan = furrow_format_yuan (f->cost_fen);
                break;
              default:
                yuan = furrow_format_yuan (f->net_fen);
                break;
              }
            g_strlcpy (cells[s], yuan, sizeof cells[s]);
          }
        g_print ("%s%*s %*s%s %*s%s\n", _(labels[row]),
                 (int) MAX (0, 22 - furrow_cli_text_columns (_(labels[row]))), "",
                 (int) MAX (0, 18 - furrow_cli_text_columns (cells[0])), "", cells[0],
                 (int) MAX (0, 18 - furrow_cli_text_columns (cells[1])), "", cells[1]);
      }
  }
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Settle                                                                                     */

static void
print_settlement (FurrowSeason                 *season,
                  const FurrowSeasonSettlement *s,
                  gboolean                      json)
{
  const FurrowDistributionResult *t = &s->totals;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "season", furrow_season_get_name (season));
      furrow_json_add_double (builder, "total_area_mu", t->total_area_mu);
      furrow_json_add_double (builder, "half_custody_area_mu", t->half_custody_area_mu);
      furrow_json_add_int (builder, "revenue_fen", t->revenue_fen);
      furrow_json_add_int (builder, "other_income_fen", t->other_income_fen);
      furrow_json_add_int (builder, "subsidy_fen", t->subsidy_fen);
      furrow_json_add_int (builder, "income_fen", t->income_fen);
      furrow_json_add_int (builder, "cost_fen", t->cost_fen);
      furrow_json_add_int (builder, "base_fen_per_mu", t->base_fen_per_mu);
      furrow_json_add_int (builder, "base_total_fen", t->base_total_fen);
      furrow_json_add_int (builder, "surplus_fen", t->surplus_fen);
      furrow_json_add_int (builder, "reserve_fen", t->reserve_fen);
      furrow_json_add_int (builder, "collective_fen", t->collective_fen);
      furrow_json_add_int (builder, "cooperative_fen", t->cooperative_fen);
      furrow_json_add_int (builder, "households_dividend_fen", t->households_dividend_fen);
      furrow_json_add_int (builder, "deficit_fen", t->deficit_fen);
      furrow_json_add_int (builder, "fees_fen", t->fees_fen);
      furrow_json_add_string (builder, "reason", s->reason);
      furrow_json_add_string (builder, "basis", s->summary);
      json_builder_set_member_name (builder, "households");
      json_builder_begin_array (builder);
      for (gsize i = 0; i < s->n_rows; i++)
        {
          const FurrowSeasonSettlementRow *row = &s->rows[i];

          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", row->code);
          furrow_json_add_string (builder, "name", row->name);
          furrow_json_add_string (builder, "custody", furrow_custody_to_string (row->custody));
          furrow_json_add_double (builder, "area_mu",
                                  furrow_economics_area_cmu (row->area_m2) / 100.0);
          furrow_json_add_int (builder, "base_fen", row->base_fen);
          furrow_json_add_int (builder, "dividend_fen", row->dividend_fen);
          furrow_json_add_int (builder, "fee_fen", row->fee_fen);
          furrow_json_add_int (builder, "total_fen", row->total_fen);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
      return;
    }
  {
    g_autofree char *base = furrow_format_yuan (t->base_total_fen);
    g_autofree char *dividend = furrow_format_yuan (t->households_dividend_fen);
    g_autofree char *deficit = furrow_format_yuan (t->deficit_fen);

    g_print (g_dngettext (GETTEXT_PACKAGE, "Settled %s: %u household\n",
                          "Settled %s: %u households\n", s->n_rows),
             furrow_season_get_name (season), (guint) s->n_rows);
    g_print ("%s\n", s->summary);
    g_print (_("Base payments %s, dividends %s\n"), base, dividend);
    if (t->deficit_fen > 0)
      g_print (_("Deficit: revenue does not cover the base; shortfall %s\n"), deficit);
  }
}

static int
season_settle (FurrowStore   *store,
               FurrowSeason  *season,
               const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;

  /* docs/domain.md §8, Before settling: a harvested season with something missing is settled
   * only with --force. A season not harvested yet is refused by the store below. */
  if (furrow_season_get_state (season) == FURROW_SEASON_HARVESTED)
    {
      g_autoptr(FurrowSettleCheck) check = furrow_store_check_settlement (store, season, &error);
      g_autofree char *list = NULL;
      g_auto(GStrv) lines = NULL;

      if (check == NULL)
        return report_error (store, error);
      if (!furrow_settle_check_is_empty (check))
        {
          list = furrow_settle_check_format (check, 10);
          lines = g_strsplit (list, "\n", -1);
          if (!o->force)
            furrow_cli_print_error (_("%s: season “%s” is not settled: something is missing "
                                      "(below); complete it, or settle anyway with --force"),
                                    furrow_store_get_path (store),
                                    furrow_season_get_name (season));
          else
            furrow_cli_print_error (_("%s: settling season “%s” with --force although "
                                      "something is missing:"),
                                    furrow_store_get_path (store),
                                    furrow_season_get_name (season));
          for (guint i = 0; lines[i] != NULL; i++)
            g_printerr ("  %s\n", lines[i]);
          if (!o->force)
            return 1;
        }
    }

  if (!furrow_store_settle_season (store, season, o->reason, &error))
    {
      if (g_error_matches (error, FURROW_DISTRIBUTION_ERROR,
                           FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED))
        furrow_cli_print_error (_("%s: %s; give it with --reason TEXT"),
                                furrow_store_get_path (store), error->message);
      else
        report_error (store, error);
      return 1;
    }
  settlement = furrow_store_get_settlement (store, season, &error);
  if (settlement == NULL)
    return report_error (store, error);
  print_settlement (season, settlement, o->cli.json);
  return 0;
}

/* ------------------------------------------------------------------------------------------ */

static int
usage (void)
{
  furrow_cli_print_error (_("usage: furrow-cli season --project FILE list|create|show|set-price|"
                            "set-cost|set-fee|set-operations|set-subsidy|set-income|set-base|"
                            "set-split|plan|harvest|actual-cost|predict|settle|reopen|"
                            "set-notice-date NAME …; see “furrow-cli season --help”"));
  return 2;
}

static int
run_action (FurrowStore   *store,
            const char    *action,
            int            argc,
            char         **argv,
            const Options *o)
{
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (action, "list"))
    return season_list (store, o);
  if (argc < 1)
    return usage ();

  if (g_str_equal (action, "create"))
    {
      if (o->year < 1900 || o->year > 9999)
        {
          furrow_cli_print_error (_("season create needs the crop year: --year YYYY"));
          return 1;
        }
      season = furrow_season_new (argv[0], (guint) o->year);
      if (!furrow_store_add_season (store, season, &error))
        return report_error (store, error);
      return o->cli.json ? season_show (store, season, o) : 0;
    }

  season = find_season (store, argv[0]);
  if (season == NULL)
    return 1;

  if (g_str_equal (action, "show"))
    return season_show (store, season, o);
  if (g_str_equal (action, "predict"))
    return season_predict (store, season, o);
  if (g_str_equal (action, "plan"))
    return season_plan (store, season, o);
  if (g_str_equal (action, "harvest"))
    return season_harvest (store, season, o);
  if (g_str_equal (action, "settle"))
    return season_settle (store, season, o);
  if (g_str_equal (action, "reopen"))
    {
      if (!furrow_store_reopen_season (store, season, o->reason, &error))
        return report_error (store, error);
      return 0;
    }
  if (g_str_equal (action, "set-notice-date"))
    {
      if (argc != 2)
        {
          furrow_cli_print_error (_("usage: season set-notice-date NAME YYYY-MM-DD|none"));
          return 1;
        }
      if (!furrow_store_set_notice_date (store, season,
                                         g_str_equal (argv[1], "none") ? NULL : argv[1], &error))
        return report_error (store, error);
      return 0;
    }
  if (g_str_equal (action, "set-price"))
    {
      FurrowCrop crop;
      double price;

      if (argc != 3 || !furrow_crop_from_string (argv[1], &crop) ||
          !parse_double (argv[2], &price))
        {
          furrow_cli_print_error (_("usage: season set-price NAME maize|soybean FEN_PER_KG "
                                    "[--moisture PCT]"));
          return 1;
        }
      if (price < 0 || !isfinite (price))
        {
          furrow_cli_print_error (_("%s: a price cannot be negative; give fen per kilogram, "
                                    "0 or more"), argv[2]);
          return 1;
        }
      /* -1 is "not given"; the store refuses a moisture that is not a percentage (from 0 to
       * 100), for the window too. */
      furrow_season_set_price (season, crop, price,
                               o->moisture_pct != -1 ? o->moisture_pct
                               : furrow_season_get_price (season, crop)->moisture_pct);
      return update (store, season);
    }
  if (g_str_equal (action, "set-cost"))
    {
      FurrowCrop crop;
      gint64 fen_per_mu;
      gint64 field_id = 0;

      if (argc != 4 || !furrow_crop_from_string (argv[1], &crop) ||
          !parse_int64 (argv[3], &fen_per_mu))
        {
          furrow_cli_print_error (_("usage: season set-cost NAME maize|soybean ITEM FEN_PER_MU "
                                    "[--field CODE]"));
          return 1;
        }
      if (o->field != NULL)
        {
          g_autoptr(FurrowField) field = find_field (store, o->field);

          if (field == NULL)
            return 1;
          field_id = furrow_field_get_id (field);
        }
      furrow_season_set_cost (season, crop, argv[2], field_id, fen_per_mu);
      return update (store, season);
    }
  if (g_str_equal (action, "set-subsidy"))
    {
      gint64 fen_per_mu;

      if (argc != 3 || !parse_int64 (argv[2], &fen_per_mu))
        {
          furrow_cli_print_error (_("usage: season set-subsidy NAME SUBSIDY FEN_PER_MU "
                                    "[--strip-only]"));
          return 1;
        }
      furrow_season_set_subsidy (season, argv[1], fen_per_mu, o->strip_only);
      return update (store, season);
    }
  if (g_str_equal (action, "set-income"))
    {
      gint64 fen;

      if (argc != 3 || !parse_int64 (argv[2], &fen))
        {
          furrow_cli_print_error (_("usage: season set-income NAME ITEM FEN"));
          return 1;
        }
      furrow_season_set_other_income (season, argv[1], fen);
      return update (store, season);
    }
  if (g_str_equal (action, "actual-cost"))
    {
      g_autoptr(FurrowField) field = NULL;
      gint64 fen;

      if (argc != 3 || !parse_int64 (argv[2], &fen))
        {
          furrow_cli_print_error (_("usage: season actual-cost NAME ITEM FEN [--field CODE]"));
          return 1;
        }
      if (o->field != NULL && (field = find_field (store, o->field)) == NULL)
        return 1;
      if (!furrow_store_set_actual_cost (store, season, field, argv[1], fen, &error))
        return report_error (store, error);
      return 0;
    }
  if (g_str_equal (action, "set-fee"))
    {
      gint64 fen_per_mu;

      if (argc != 3 || !parse_int64 (argv[2], &fen_per_mu))
        {
          furrow_cli_print_error (_("usage: season set-fee NAME OPERATION FEN_PER_MU"));
          return 1;
        }
      furrow_season_set_fee (season, argv[1], fen_per_mu);
      return update (store, season);
    }
  if (g_str_equal (action, "set-operations"))
    {
      g_auto(GStrv) operations = NULL;

      if (argc != 3 || *argv[2] == '\0')
        {
          furrow_cli_print_error (_("usage: season set-operations NAME HOUSEHOLD "
                                    "all|none|OPERATION[,OPERATION…]"));
          return 1;
        }
      if (g_str_equal (argv[2], "none"))
        operations = g_new0 (char *, 1);
      else if (!g_str_equal (argv[2], "all"))
        operations = g_strsplit (argv[2], ",", -1);
      if (!furrow_store_set_household_operations (store, season, argv[1],
                                                  (const char * const *) operations, &error))
        return report_error (store, error);
      return 0;
    }
  if (g_str_equal (action, "set-base"))
    {
      FurrowBaseRule base = { 0 };
      gint64 fen_per_mu;

      if (argc == 3 && g_str_equal (argv[1], "fixed") && parse_int64 (argv[2], &fen_per_mu) &&
          fen_per_mu >= 0)
        {
          base.kind = FURROW_BASE_FIXED;
          base.fen_per_mu = fen_per_mu;
        }
      else if (argc == 4 && g_str_equal (argv[1], "in-kind") &&
               parse_double (argv[2], &base.kg_per_mu) && base.kg_per_mu >= 0 &&
               parse_double (argv[3], &base.price_fen_per_kg) && base.price_fen_per_kg >= 0)
        {
          base.kind = FURROW_BASE_IN_KIND;
          base.less_cost_per_mu = o->less_cost;
        }
      else
        {
          furrow_cli_print_error (_("usage: season set-base NAME fixed FEN_PER_MU | in-kind KG "
                                    "FEN_PER_KG [--less-cost]"));
          return 1;
        }
      furrow_season_set_base_rule (season, &base);
      return update (store, season);
    }
  if (g_str_equal (action, "set-split"))
    {
      FurrowSurplusSplit split;

      if (argc != 5 || !parse_double (argv[1], &split.reserve_pct) ||
          !parse_double (argv[2], &split.collective_pct) ||
          !parse_double (argv[3], &split.cooperative_pct) ||
          !parse_double (argv[4], &split.households_pct) ||
          split.reserve_pct < 0 || split.collective_pct < 0 || split.cooperative_pct < 0 ||
          split.households_pct < 0 ||
          fabs (split.reserve_pct + split.collective_pct + split.cooperative_pct +
                split.households_pct - 100) > 1e-9)
        {
          furrow_cli_print_error (_("usage: season set-split NAME RESERVE COLLECTIVE COOPERATIVE "
                                    "HOUSEHOLDS [--reason TEXT]: four percentages adding up to "
                                    "100"));
          return 1;
        }
      furrow_season_set_split (season, &split, o->reason);
      return update (store, season);
    }
  return usage ();
}

int
furrow_cli_season (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Options) o = {
    .cli.takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .kg = -1,
    .moisture_pct = -1,
  };
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &o.year, N_("Crop year of a new season"), N_("YEAR") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &o.reason,
      N_("Why: households under 60 percent, or reopening a settled season"), N_("TEXT") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &o.field, N_("A custody field by its code"),
      N_("CODE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &o.all, N_("Plan every field"), NULL },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &o.preset,
      N_("Pattern preset of a plan (2+4 when not given)"), N_("NAME") },
    { "yield-preset", 0, 0, G_OPTION_ARG_STRING, &o.yield_preset,
      N_("Yield model preset: practical (default), xiashan, survey"), N_("NAME") },
    { "crop", 0, 0, G_OPTION_ARG_STRING, &o.crop, N_("maize or soybean"), N_("CROP") },
    { "kg", 0, 0, G_OPTION_ARG_DOUBLE, &o.kg, N_("Harvested kilograms"), N_("KG") },
    { "revenue-fen", 0, 0, G_OPTION_ARG_STRING, &o.revenue_fen, N_("Sale revenue in fen"),
      N_("FEN") },
    { "moisture", 0, 0, G_OPTION_ARG_DOUBLE, &o.moisture_pct,
      N_("Moisture (percent) the price is quoted at"), N_("PCT") },
    { "less-cost", 0, 0, G_OPTION_ARG_NONE, &o.less_cost,
      N_("In-kind base less the season's cost per mu"), NULL },
    { "strip-only", 0, 0, G_OPTION_ARG_NONE, &o.strip_only,
      N_("A subsidy paid on strip-intercropped fields only"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      N_("Settle even though fields have no harvest, prices or fees are 0 or households have "
         "no parcels"), NULL },
    { NULL },
  };

  /* The notice and its objections have their own options (furrow-cli-notice.c): the action is
   * the first argument that is neither an option nor the value of one. */
  for (int i = 1; i < argc; i++)
    {
      const char *flags[] = { "--json", "--all", "--less-cost", "--strip-only", "--force", NULL };

      if (g_str_has_prefix (argv[i], "-"))
        {
          if (g_str_has_prefix (argv[i], "--") && strchr (argv[i], '=') == NULL
              && !g_strv_contains (flags, argv[i]))
            i++;
          continue;
        }
      if (g_str_equal (argv[i], "notice") || g_str_equal (argv[i], "objection"))
        return furrow_cli_season_notice (argc, argv);
      break;
    }

  context = g_option_context_new (_("ACTION [NAME …] — plan, harvest and settle seasons"));
  g_option_context_set_summary (context,
                                _("Actions: list, create NAME --year Y, show NAME, set-price, "
                                  "set-cost, set-fee, set-operations, set-subsidy, set-income, "
                                  "set-base, set-split, plan, harvest, actual-cost, predict, "
                                  "settle, reopen, set-notice-date, notice, objection"));
  if (!furrow_cli_parse_options (context, entries, &o.cli, &argc, &argv))
    return 2;
  /* GOption leaves the "--" that lets a negative number through ("set-price S maize -- -250")
   * in argv: drop it so the arguments are where the actions expect them. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof (char *));
        argc--;
        break;
      }
  if (o.cli.project == NULL || argc < 2)
    return usage ();

  store = furrow_store_open (o.cli.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  return run_action (store, argv[1], argc - 2, argv + 2, &o);
}
