/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "furrow-cli.h"
#include "furrow-pattern.h"
#include "furrow-store-season.h"
#include "furrow-store-yield.h"
#include "furrow-yield-model.h"

/* `furrow-cli calibrate --project FILE --name NAME MEASURED.csv [--base-preset practical]
 * [--season NAME] [--json]`: fits the row-position factors of the yield model to the
 * cooperative's measured yields (furrow_yield_model_fit(): least squares, everything else from
 * the base preset), prints the fitted factors, the residuals and their RMS, and stores the result
 * in the project as the yield preset NAME (furrow-store-yield.h), which `plan` and `compare`
 * then accept as --preset / --yield-preset NAME.
 *
 * MEASURED.csv has a header line and the columns
 *   field            a field code of the project: its pattern is its plan in --season; or
 *   pattern          a pattern preset (2+4, sole-maize…) or rows per crop "2+4" / "2,4" (quoted
 *                    in CSV), maize first;
 *   maize_kg_per_mu, soy_kg_per_mu   measured yields per mu of field (empty: not measured). */

/* One CSV line split at commas outside double quotes; "" inside quotes is a quote. */
static GStrv
split_csv_line (const char *line)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_strv_builder_add (builder, g_strstrip (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p != '\r' && *p != '\n')
        g_string_append_c (cell, *p);
    }
  g_strv_builder_add (builder, g_strstrip (cell->str));
  return g_strv_builder_end (builder);
}

static gboolean
parse_yield (const char *text,
             double     *out)
{
  char *end = NULL;

  if (text == NULL || text[0] == '\0')
    {
      *out = NAN;
      return TRUE;
    }
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out) && *out >= 0.0;
}

static int
column_index (char       **header,
              const char  *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_ascii_strcasecmp (header[i], name) == 0)
      return i;
  return -1;
}

/* The pattern of field `code` in the season's plans. */
static gboolean
field_pattern (FurrowStore   *store,
               FurrowSeason  *season,
               GArray        *plans,
               const char    *code,
               FurrowPattern *out)
{
  g_autoptr(FurrowField) field = furrow_store_find_field (store, code);

  if (field == NULL || plans == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);

      if (plan->field_id == furrow_field_get_id (field))
        {
          *out = plan->pattern;
          return TRUE;
        }
    }
  return FALSE;
}

/* Reads MEASURED.csv into observations and one label per row (the field code or pattern). */
static GArray *
read_observations (const char   *path,
                   FurrowStore  *store,
                   const char   *season_name,
                   GPtrArray    *labels,
                   GError      **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GArray) observations = g_array_new (FALSE, TRUE, sizeof (FurrowYieldObservation));
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GArray) plans = NULL;
  int col_field, col_pattern, col_maize, col_soy;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the file is empty"), path);
      return NULL;
    }
  header = split_csv_line (lines[0]);
  col_field = column_index (header, "field");
  col_pattern = column_index (header, "pattern");
  col_maize = column_index (header, "maize_kg_per_mu");
  col_soy = column_index (header, "soy_kg_per_mu");
  if ((col_field < 0 && col_pattern < 0) || col_maize < 0 || col_soy < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the first line must name the columns field or pattern, "
                     "maize_kg_per_mu and soy_kg_per_mu"), path);
      return NULL;
    }
  if (season_name != NULL)
    {
      season = furrow_store_find_season (store, season_name);
      if (season == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("no season named “%s” in the project"), season_name);
          return NULL;
        }
      plans = furrow_store_get_plans (store, season, error);
      if (plans == NULL)
        return NULL;
    }

  for (guint n = 1; lines[n] != NULL; n++)
    {
      g_auto(GStrv) cells = NULL;
      FurrowYieldObservation o = { 0 };
      guint n_cells;
      const char *field = NULL, *pattern = NULL;

      if (g_strstrip (lines[n])[0] == '\0')
        continue;
      cells = split_csv_line (lines[n]);
      n_cells = g_strv_length (cells);
      if (col_field >= 0 && (guint) col_field < n_cells && cells[col_field][0] != '\0')
        field = cells[col_field];
      if (col_pattern >= 0 && (guint) col_pattern < n_cells && cells[col_pattern][0] != '\0')
        pattern = cells[col_pattern];

      if (pattern != NULL)
        {
          if (!furrow_pattern_parse (pattern, &o.pattern))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s: line %u: “%s” is not a pattern (rows per crop, maize first, "
                             "e.g. 2+4, or a pattern preset)"), path, n + 1, pattern);
              return NULL;
            }
        }
      else if (field != NULL)
        {
          if (season == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s: line %u: field %s has no pattern; give --season to take it "
                             "from the season's plan, or a pattern column"), path, n + 1, field);
              return NULL;
            }
          if (!field_pattern (store, season, plans, field, &o.pattern))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s: line %u: field %s has no plan in season %s"),
                           path, n + 1, field, season_name);
              return NULL;
            }
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: line %u: neither a field nor a pattern"), path, n + 1);
          return NULL;
        }

      if (!parse_yield ((guint) col_maize < n_cells ? cells[col_maize] : NULL,
                        &o.yield_kg_per_mu[FURROW_CROP_MAIZE]) ||
          !parse_yield ((guint) col_soy < n_cells ? cells[col_soy] : NULL,
                        &o.yield_kg_per_mu[FURROW_CROP_SOYBEAN]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: line %u: a yield is not a number of kg per mu"), path, n + 1);
          return NULL;
        }
      g_array_append_val (observations, o);
      g_ptr_array_add (labels, g_strdup (pattern != NULL ? pattern : field));
    }
  if (observations->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: no measured fields"), path);
      return NULL;
    }
  return g_steal_pointer (&observations);
}

static void
add_number_or_null (JsonBuilder *b,
                    const char  *member,
                    double       value)
{
  json_builder_set_member_name (b, member);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
print_json (const FurrowYieldCalibration *cal,
            const char                   *base_name,
            GPtrArray                    *labels)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, cal->model.name);
  json_builder_set_member_name (b, "base_preset");
  json_builder_add_string_value (b, base_name);
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      json_builder_set_member_name (b, c == FURROW_CROP_MAIZE ? "maize" : "soybean");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "border_factor");
      json_builder_add_double_value (b, cal->model.border_factor[c]);
      json_builder_set_member_name (b, "inner_factor");
      json_builder_add_double_value (b, cal->model.inner_factor[c]);
      json_builder_set_member_name (b, "ratio_kept");
      json_builder_add_boolean_value (b, cal->ratio_kept[c]);
      json_builder_set_member_name (b, "n_used");
      json_builder_add_int_value (b, cal->n_used[c]);
      json_builder_set_member_name (b, "rms_kg_per_mu");
      json_builder_add_double_value (b, cal->rms_kg_per_mu[c]);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "observations");
  json_builder_begin_array (b);
  for (guint i = 0; i < cal->n_observations; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, g_ptr_array_index (labels, i));
      add_number_or_null (b, "maize_residual_kg_per_mu",
                          cal->residual_kg_per_mu[FURROW_CROP_MAIZE][i]);
      add_number_or_null (b, "soy_residual_kg_per_mu",
                          cal->residual_kg_per_mu[FURROW_CROP_SOYBEAN][i]);
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

static void
print_text (const FurrowYieldCalibration *cal,
            const char                   *base_name,
            GPtrArray                    *labels,
            const char                   *project)
{
  /* TRANSLATORS: crop names in the calibration table */
  const char *crops[FURROW_N_CROPS] = { _("Maize"), _("Soybean") };

  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      /* TRANSLATORS: %s is a crop; the numbers are relative yields of border and inner rows,
       * the count of measured fields and the root mean square of the residuals in kg/mu */
      g_print (_("%s: border rows %.4f, inner rows %.4f (%u fields, RMS %.2f kg/mu)\n"),
               crops[c], cal->model.border_factor[c], cal->model.inner_factor[c],
               cal->n_used[c], cal->rms_kg_per_mu[c]);
      if (cal->ratio_kept[c])
        /* TRANSLATORS: %s is a yield preset name such as “practical” */
        g_print (_("  the patterns measured cannot tell border from inner rows: the ratio of %s "
                   "is kept\n"), base_name);
    }
  /* TRANSLATORS: heading of the residual table: measured minus fitted yield */
  g_print ("%s\n", _("Residuals (measured − fitted, kg/mu):"));
  for (guint i = 0; i < cal->n_observations; i++)
    {
      g_autofree char *maize = NULL;
      g_autofree char *soy = NULL;
      double rm = cal->residual_kg_per_mu[FURROW_CROP_MAIZE][i];
      double rs = cal->residual_kg_per_mu[FURROW_CROP_SOYBEAN][i];

      maize = isfinite (rm) ? g_strdup_printf ("%+.2f", rm) : g_strdup ("—");
      soy = isfinite (rs) ? g_strdup_printf ("%+.2f", rs) : g_strdup ("—");
      /* TRANSLATORS: a field code or pattern, then the maize and soybean residuals */
      g_print (_("  %s: maize %s, soybean %s\n"), (char *) g_ptr_array_index (labels, i),
               maize, soy);
    }
  /* TRANSLATORS: the first %s is a yield preset name, the second a project file */
  g_print (_("Saved yield preset %s in %s\n"), cal->model.name, project);
}

int
furrow_cli_calibrate (int    argc,
                      char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *base_arg = NULL;
  g_autofree char *season = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("Name of the fitted yield preset"), "NAME" },
    { "base-preset", 0, 0, G_OPTION_ARG_STRING, &base_arg,
      N_("Yield preset giving sole yields and density response: practical (default), xiashan, "
         "survey or a stored preset"), "NAME" },
    { "season", 0, 0, G_OPTION_ARG_STRING, &season,
      N_("Take the pattern of a field column from its plan in this season"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = {
    .takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .project_help = N_("The project to store the fitted yield preset in"),
  };
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) observations = NULL;
  g_autofree FurrowYieldCalibration *cal = g_new0 (FurrowYieldCalibration, 1);
  const char *base_name;
  FurrowYieldModel base;

  context = g_option_context_new (_("MEASURED.csv — fit the yield model to measured yields"));
  g_option_context_set_summary (
    context, _("MEASURED.csv has the columns field or pattern (rows per crop, maize first: "
               "2+4), maize_kg_per_mu and soy_kg_per_mu. The row-position factors are fitted by "
               "least squares and stored in the project as a yield preset."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (argc != 2 || o.project == NULL || name == NULL)
    return furrow_cli_usage (_("usage: furrow-cli calibrate --project FILE --name NAME "
                               "MEASURED.csv"));

  store = furrow_store_open (o.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  base_name = base_arg ? base_arg : "practical";
  if (!furrow_store_lookup_yield_model (store, base_name, &base, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 2;
    }
  observations = read_observations (argv[1], store, season, labels, &error);
  if (observations == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  if (!furrow_yield_model_fit (&base, name, (const FurrowYieldObservation *) observations->data,
                               observations->len, cal, &error) ||
      !furrow_store_save_yield_preset (store, &cal->model, &error))
    {
      furrow_cli_print_error ("%s: %s", argv[1], error->message);
      return 1;
    }

  if (o.json)
    print_json (cal, base_name, labels);
  else
    print_text (cal, base_name, labels, o.project);
  return 0;
}
