/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "furrow-cli-fields.h"
#include "furrow-cli.h"
#include "furrow-comparison.h"
#include "furrow-field.h"
#include "furrow-store-season.h"
#include "furrow-units.h"

/* `furrow-cli compare FILE [--patterns 2+4,4+6,…] [--yield-preset NAME] [--json]`: every pattern
 * on all the polygons of FILE together (a season's fields), sorted by net yuan per mu, with the
 * docs/domain.md §7 default prices and costs (furrow-comparison.h); with `--project FILE --season
 * NAME` the season's prices, cost items and subsidies instead (of the field with --field: its
 * cost overrides apply). */

static void
print_json (GArray                *rows,
            const char * const    *ids,
            const char            *yield_name,
            const char            *season,
            const FurrowEconomics *econ)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "yield_preset");
  json_builder_add_string_value (b, yield_name);
  json_builder_set_member_name (b, "season");
  if (season != NULL)
    json_builder_add_string_value (b, season);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "maize_price_fen_per_kg");
  json_builder_add_double_value (b, econ->maize_price_fen_per_kg);
  json_builder_set_member_name (b, "soy_price_fen_per_kg");
  json_builder_add_double_value (b, econ->soy_price_fen_per_kg);
  json_builder_set_member_name (b, "patterns");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const FurrowComparisonRow *r = &g_array_index (rows, FurrowComparisonRow, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "pattern");
      json_builder_add_string_value (b, ids[r->input_index]);
      json_builder_set_member_name (b, "maize_rows");
      json_builder_add_int_value (b, r->pattern.maize_rows);
      json_builder_set_member_name (b, "soy_rows");
      json_builder_add_int_value (b, r->pattern.soy_rows);
      json_builder_set_member_name (b, "area_mu");
      json_builder_add_double_value (b, r->area_mu);
      json_builder_set_member_name (b, "maize_kg");
      json_builder_add_double_value (b, r->maize_kg);
      json_builder_set_member_name (b, "soy_kg");
      json_builder_add_double_value (b, r->soy_kg);
      json_builder_set_member_name (b, "ler");
      json_builder_add_double_value (b, r->ler);
      json_builder_set_member_name (b, "maize_revenue_fen");
      json_builder_add_int_value (b, r->maize_revenue_fen);
      json_builder_set_member_name (b, "soy_revenue_fen");
      json_builder_add_int_value (b, r->soy_revenue_fen);
      json_builder_set_member_name (b, "revenue_fen");
      json_builder_add_int_value (b, r->revenue_fen);
      json_builder_set_member_name (b, "subsidy_fen");
      json_builder_add_int_value (b, r->subsidy_fen);
      json_builder_set_member_name (b, "cost_fen");
      json_builder_add_int_value (b, r->cost_fen);
      json_builder_set_member_name (b, "net_fen");
      json_builder_add_int_value (b, r->net_fen);
      json_builder_set_member_name (b, "net_fen_per_mu");
      json_builder_add_int_value (b, r->net_fen_per_mu);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

#define N_COLUMNS 7

/* The pattern's translated name ("2 maize + 4 soybean rows"), else its id. */
static const char *
pattern_label (const char *id)
{
  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_str_equal (furrow_pattern_preset_info (i)->id, id))
      return _(furrow_pattern_preset_info (i)->label);
  return id;
}

/* Columns padded by terminal width, so Chinese headings line up (furrow_cli_text_columns). */
static void
print_table (GArray             *rows,
             const char * const *ids)
{
  /* TRANSLATORS: column heads of the comparison table; “With subsidy” is revenue plus subsidy */
  const char *headers[N_COLUMNS] = {
    _("Pattern"), _("Maize kg"), _("Soybean kg"), _("LER"), _("With subsidy"), _("Cost"),
    _("Net/mu"),
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  glong widths[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_ptr_array_add (cells, g_strdup (headers[c]));
      widths[c] = 0;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const FurrowComparisonRow *r = &g_array_index (rows, FurrowComparisonRow, i);

      g_ptr_array_add (cells, g_strdup (pattern_label (ids[r->input_index])));
      g_ptr_array_add (cells, g_strdup_printf ("%.0f", r->maize_kg));
      g_ptr_array_add (cells, g_strdup_printf ("%.0f", r->soy_kg));
      g_ptr_array_add (cells, g_strdup_printf ("%.2f", r->ler));
      g_ptr_array_add (cells, furrow_format_yuan (r->revenue_fen + r->subsidy_fen));
      g_ptr_array_add (cells, furrow_format_yuan (r->cost_fen));
      g_ptr_array_add (cells, furrow_format_yuan (r->net_fen_per_mu));
    }
  for (guint k = 0; k < cells->len; k++)
    widths[k % N_COLUMNS] = MAX (widths[k % N_COLUMNS],
                                 furrow_cli_text_columns (cells->pdata[k]));

  for (guint k = 0; k < cells->len; k += N_COLUMNS)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          const char *text = cells->pdata[k + c];
          glong pad = widths[c] - furrow_cli_text_columns (text);

          if (c > 0)
            g_string_append (line, "  ");
          if (c > 0)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
          g_string_append (line, text);
          if (c == 0)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

int
furrow_cli_compare (int    argc,
                    char **argv)
{
  g_autofree char *patterns_arg = NULL;
  g_autofree char *yield_arg = NULL;
  g_autofree char *field = NULL;
  g_autofree char *season_name = NULL;
  gboolean all = FALSE;
  const char *file = NULL;
  GOptionEntry entries[] = {
    { "patterns", 0, 0, G_OPTION_ARG_STRING, &patterns_arg,
      N_("Pattern presets to compare, comma-separated (default: all)"), "2+4,4+6,…" },
    { "yield-preset", 0, 0, G_OPTION_ARG_STRING, &yield_arg,
      N_("Yield model preset: practical (default), xiashan, survey, or one stored in "
         "--project"), "NAME" },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field,
      N_("With --project: the field with this code"), "CODE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("With --project: every field"), NULL },
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name,
      N_("With --project: prices, costs and subsidies of this season instead of the defaults"),
      "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = {
    .takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .project_help = N_("Compare on the fields of this project instead of a FILE"),
  };
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) patterns = g_array_new (FALSE, TRUE, sizeof (FurrowPattern));
  g_autoptr(GArray) rows = NULL;
  const char *yield_name;
  FurrowYieldModel model;
  FurrowEconomics econ;

  context = g_option_context_new (_("FILE — compare strip patterns on all the fields of FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (!furrow_cli_fields_check_args ("compare", argc, argv, o.project, field, all, &file))
    return 2;

  if (patterns_arg != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (patterns_arg, ",", -1);

      for (guint i = 0; parts[i]; i++)
        g_ptr_array_add (ids, g_strdup (g_strstrip (parts[i])));
    }
  else
    {
      for (guint i = 0; i < furrow_pattern_n_presets (); i++)
        g_ptr_array_add (ids, g_strdup (furrow_pattern_preset_info (i)->id));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      FurrowPattern p;

      if (!furrow_pattern_preset (g_ptr_array_index (ids, i), &p))
        {
          furrow_cli_print_error (_("unknown pattern preset “%s” (rows per crop, maize first: "
                                    "2+4, 4+6, 3+4, 2+2, 2+3, 4+4, 2+6, sole-maize, "
                                    "sole-soybean)"), (char *) g_ptr_array_index (ids, i));
          return 2;
        }
      g_array_append_val (patterns, p);
    }
  g_ptr_array_add (ids, NULL);

  yield_name = yield_arg ? yield_arg : "practical";
  if (!furrow_cli_yield_model (o.project, yield_name, &model, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 2;
    }
  furrow_economics_init_defaults (&econ);
  if (season_name != NULL)
    {
      g_autoptr(FurrowStore) store = NULL;
      g_autoptr(FurrowSeason) season = NULL;
      FurrowSeasonRates rates;
      gint64 field_id = 0;

      if (o.project == NULL)
        {
          furrow_cli_print_error (_("--season needs --project FILE"));
          return 2;
        }
      store = furrow_store_open (o.project, &error);
      if (store == NULL)
        {
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
      season = furrow_store_find_season (store, season_name);
      if (season == NULL)
        {
          furrow_cli_print_error (_("%s: no season named “%s”"), o.project, season_name);
          return 1;
        }
      if (field != NULL)
        {
          g_autoptr(FurrowField) f = furrow_store_find_field (store, field);

          if (f != NULL)
            field_id = furrow_field_get_id (f);
        }
      furrow_season_get_rates (season, field_id, &rates);
      furrow_economics_init_from_rates (&econ, &rates);
    }

  fields = furrow_cli_read_fields (file, o.project, field, NULL, &error);
  if (fields == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  rows = furrow_comparison_compute ((FurrowGeometry * const *) fields->pdata, fields->len,
                                    (const FurrowPattern *) patterns->data, patterns->len,
                                    &model, &econ, &error);
  if (rows == NULL)
    {
      furrow_cli_print_error ("%s: %s", file ? file : o.project, error->message);
      return 1;
    }

  if (o.json)
    {
      print_json (rows, (const char * const *) ids->pdata, yield_name, season_name, &econ);
      return 0;
    }

  g_print (ngettext ("%s: %u field, %.2f mu; yield model %s\n",
                     "%s: %u fields, %.2f mu; yield model %s\n", fields->len),
           file ? file : o.project, fields->len,
           g_array_index (rows, FurrowComparisonRow, 0).area_mu, yield_name);
  {
    g_autofree char *maize = g_strdup_printf ("%.2f", econ.maize_price_fen_per_kg / 100.0);
    g_autofree char *soy = g_strdup_printf ("%.2f", econ.soy_price_fen_per_kg / 100.0);

    if (season_name != NULL)
      /* TRANSLATORS: prices in yuan per kg, then a season name */
      g_print (_("Prices maize %s, soybean %s yuan/kg; costs and subsidies of season %s\n"),
               maize, soy, season_name);
    else
      /* TRANSLATORS: prices in yuan per kg */
      g_print (_("Prices maize %s, soybean %s yuan/kg; default costs and subsidies\n"),
               maize, soy);
  }
  print_table (rows, (const char * const *) ids->pdata);
  return 0;
}
