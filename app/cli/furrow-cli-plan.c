/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "furrow-atomic-file.h"
#include "furrow-cli-fields.h"
#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-layout-export.h"
#include "furrow-layout.h"
#include "furrow-pattern.h"
#include "furrow-store.h"
#include "furrow-units.h"
#include "furrow-yield-model.h"

/* `furrow-cli plan FILE --maize-rows N --soy-rows M […]`: the strip layout and yield prediction
 * of every polygon of FILE (docs/architecture.md, the furrow-cli contract). */

typedef struct
{
  int     maize_rows;
  int     soy_rows;
  char   *maize_spacing;
  char   *soy_spacing;
  char   *gap;
  char   *maize_plant_spacing;
  char   *soy_plant_spacing;
  char   *azimuth;
  char   *headland;
  char   *margin;
  char   *planter_width;
  char   *preset;
  char   *yield_preset;
  char   *rows_geojson;
  char   *rows_kml;
  char   *rows_out;
  char   *field;
  gboolean all;
  FurrowCliOptions cli;   /* --project FILE, --json */
} Options;

static void
options_clear (Options *o)
{
  g_free (o->maize_spacing);
  g_free (o->soy_spacing);
  g_free (o->gap);
  g_free (o->maize_plant_spacing);
  g_free (o->soy_plant_spacing);
  g_free (o->azimuth);
  g_free (o->headland);
  g_free (o->margin);
  g_free (o->planter_width);
  g_free (o->preset);
  g_free (o->yield_preset);
  g_free (o->rows_geojson);
  g_free (o->rows_kml);
  g_free (o->rows_out);
  g_free (o->field);
  furrow_cli_options_clear (&o->cli);
}

/* A length in metres: a finite number, not negative. */
static gboolean
parse_metres (const char *option,
              const char *text,
              double     *out)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (v) || v < 0.0)
    {
      furrow_cli_print_error (_("%s: “%s” is not a length in metres"), option, text);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

/* "0.4", "0.4-0.8-0.4" or "0.4,0.8,0.4": one spacing for all, or one per gap between rows. */
static gboolean
parse_spacings (const char    *text,
                FurrowPattern *p)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "-,", -1);
  guint n = g_strv_length (parts);
  guint need = p->maize_rows > 0 ? p->maize_rows - 1 : 0;
  double values[FURROW_PATTERN_MAX_ROWS];

  if (n == 0 || n > FURROW_PATTERN_MAX_ROWS - 1 || (n != 1 && n != need))
    {
      furrow_cli_print_error (_("--maize-spacing: give one spacing or %u (one between each pair "
                                "of maize rows), e.g. 0.40-0.80-0.40"), need);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!parse_metres ("--maize-spacing", parts[i], &values[i]))
      return FALSE;
  for (guint i = 0; i < FURROW_PATTERN_MAX_ROWS - 1; i++)
    p->maize_spacing_m[i] = values[n == 1 ? 0 : MIN (i, n - 1)];
  /* a sole maize pattern repeats at its row spacing */
  if (p->soy_rows == 0 && n == 1)
    p->gap_m = values[0];
  return TRUE;
}

/* The starting pattern: a named preset, else the preset with exactly these rows, else the 2+4
 * spacings on the given rows (furrow_pattern_init_rows()). */
static gboolean
base_pattern (const Options *o,
              const char    *pattern_preset,
              FurrowPattern *p)
{
  if (pattern_preset != NULL)
    {
      if (!furrow_pattern_preset (pattern_preset, p))
        return FALSE;
      if ((o->maize_rows >= 0 && (guint) o->maize_rows != p->maize_rows) ||
          (o->soy_rows >= 0 && (guint) o->soy_rows != p->soy_rows))
        {
          furrow_cli_print_error (_("--preset %s has %u maize and %u soybean rows; drop "
                                    "--maize-rows/--soy-rows or make them match"),
                                  pattern_preset, p->maize_rows, p->soy_rows);
          return FALSE;
        }
      return TRUE;
    }
  furrow_pattern_init_rows (p, MAX (o->maize_rows, 0), MAX (o->soy_rows, 0));
  return TRUE;
}

static gboolean
build_pattern (const Options *o,
               FurrowPattern *p)
{
  const char *pattern_preset = NULL;
  FurrowPattern probe;
  g_autoptr(GError) error = NULL;

  if (o->preset != NULL && furrow_pattern_preset (o->preset, &probe))
    pattern_preset = o->preset;

  if (pattern_preset == NULL && o->maize_rows < 0 && o->soy_rows < 0)
    {
      furrow_cli_print_error (_("give --maize-rows and --soy-rows (rows per crop, e.g. "
                                "--maize-rows 2 --soy-rows 4) or a pattern --preset"));
      return FALSE;
    }
  if (o->maize_rows > FURROW_PATTERN_MAX_ROWS || o->soy_rows > FURROW_PATTERN_MAX_ROWS)
    {
      furrow_cli_print_error (_("at most %u rows of each crop per strip"),
                              FURROW_PATTERN_MAX_ROWS);
      return FALSE;
    }
  if (!base_pattern (o, pattern_preset, p))
    return FALSE;

  if (o->maize_spacing && !parse_spacings (o->maize_spacing, p))
    return FALSE;
  if (o->soy_spacing)
    {
      if (!parse_metres ("--soy-spacing", o->soy_spacing, &p->soy_spacing_m))
        return FALSE;
      if (p->maize_rows == 0)
        p->gap_m = p->soy_spacing_m;
    }
  if (o->gap && !parse_metres ("--gap", o->gap, &p->gap_m))
    return FALSE;
  if (o->maize_plant_spacing &&
      !parse_metres ("--maize-plant-spacing", o->maize_plant_spacing,
                     &p->sowing[FURROW_CROP_MAIZE].plant_spacing_m))
    return FALSE;
  if (o->soy_plant_spacing &&
      !parse_metres ("--soy-plant-spacing", o->soy_plant_spacing,
                     &p->sowing[FURROW_CROP_SOYBEAN].plant_spacing_m))
    return FALSE;
  if (o->headland && !parse_metres ("--headland", o->headland, &p->headland_m))
    return FALSE;
  if (o->margin && !parse_metres ("--margin", o->margin, &p->margin_m))
    return FALSE;
  if (o->planter_width && !parse_metres ("--planter-width", o->planter_width,
                                         &p->planter_width_m))
    return FALSE;
  if (o->azimuth)
    {
      char *end = NULL;
      double az;

      if (g_str_equal (o->azimuth, "longest-edge"))
        p->orientation = FURROW_ORIENTATION_LONGEST_EDGE;
      else if (g_str_equal (o->azimuth, "north-south"))
        p->orientation = FURROW_ORIENTATION_NORTH_SOUTH;
      else
        {
          az = g_ascii_strtod (o->azimuth, &end);
          if (end == o->azimuth || *end != '\0' || !isfinite (az))
            {
              furrow_cli_print_error (_("--azimuth: “%s” is not degrees from north, "
                                        "“north-south” or “longest-edge”"), o->azimuth);
              return FALSE;
            }
          p->orientation = FURROW_ORIENTATION_AZIMUTH;
          p->azimuth_deg = az;
        }
    }

  if (!furrow_pattern_validate (p, &error))
    {
      furrow_cli_print_error (_("invalid pattern: %s"), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_json (const char * const          *labels,
            const FurrowPattern         *p,
            const FurrowYieldModel      *model,
            FurrowPlanterFit             fit,
            FurrowLayout * const        *layouts,
            const FurrowYieldPrediction *predictions,
            guint                        n)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  double total_area = 0, total_maize = 0, total_soy = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pattern");
  json_builder_begin_object (b);
  furrow_json_add_int (b, "maize_rows", p->maize_rows);
  furrow_json_add_int (b, "soy_rows", p->soy_rows);
  json_builder_set_member_name (b, "maize_spacing_m");
  json_builder_begin_array (b);
  for (guint i = 0; i + 1 < p->maize_rows; i++)
    json_builder_add_double_value (b, p->maize_spacing_m[i]);
  json_builder_end_array (b);
  furrow_json_add_double (b, "soy_spacing_m", p->soy_spacing_m);
  furrow_json_add_double (b, "gap_m", p->gap_m);
  furrow_json_add_double (b, "maize_plant_spacing_m", p->sowing[FURROW_CROP_MAIZE].plant_spacing_m);
  furrow_json_add_double (b, "soy_plant_spacing_m", p->sowing[FURROW_CROP_SOYBEAN].plant_spacing_m);
  furrow_json_add_double (b, "unit_width_m", furrow_pattern_unit_width_m (p));
  furrow_json_add_double (b, "headland_m", furrow_pattern_headland_m (p));
  furrow_json_add_double (b, "planter_width_m", p->planter_width_m);
  json_builder_set_member_name (b, "planter_fits");
  json_builder_add_boolean_value (b, fit != FURROW_PLANTER_MISMATCH);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "yield_preset");
  json_builder_add_string_value (b, model->name);

  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const FurrowLayout *l = layouts[i];
      const FurrowYieldPrediction *y = &predictions[i];

      json_builder_begin_object (b);
      furrow_json_add_int (b, "index", i);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, labels[i]);
      furrow_json_add_double (b, "area_m2", l->field_area_m2);
      furrow_json_add_double (b, "area_mu", furrow_m2_to_mu (l->field_area_m2));
      furrow_json_add_double (b, "azimuth_deg", l->azimuth_deg);
      furrow_json_add_double (b, "unit_width_m", l->unit_width_m);
      furrow_json_add_int (b, "units", l->units);
      furrow_json_add_int (b, "maize_rows", l->crop[FURROW_CROP_MAIZE].rows);
      furrow_json_add_int (b, "soy_rows", l->crop[FURROW_CROP_SOYBEAN].rows);
      furrow_json_add_double (b, "maize_row_m", l->crop[FURROW_CROP_MAIZE].row_m);
      furrow_json_add_double (b, "soy_row_m", l->crop[FURROW_CROP_SOYBEAN].row_m);
      furrow_json_add_double (b, "maize_hills", l->crop[FURROW_CROP_MAIZE].hills);
      furrow_json_add_double (b, "soy_hills", l->crop[FURROW_CROP_SOYBEAN].hills);
      furrow_json_add_double (b, "maize_seeds", l->crop[FURROW_CROP_MAIZE].seeds);
      furrow_json_add_double (b, "soy_seeds", l->crop[FURROW_CROP_SOYBEAN].seeds);
      furrow_json_add_double (b, "maize_seed_kg", l->crop[FURROW_CROP_MAIZE].seed_kg);
      furrow_json_add_double (b, "soy_seed_kg", l->crop[FURROW_CROP_SOYBEAN].seed_kg);
      furrow_json_add_double (b, "maize_plants", l->crop[FURROW_CROP_MAIZE].plants);
      furrow_json_add_double (b, "soy_plants", l->crop[FURROW_CROP_SOYBEAN].plants);
      furrow_json_add_double (b, "maize_area_m2", l->crop[FURROW_CROP_MAIZE].band_area_m2);
      furrow_json_add_double (b, "soy_area_m2", l->crop[FURROW_CROP_SOYBEAN].band_area_m2);
      furrow_json_add_double (b, "planted_area_m2", l->planted_area_m2);
      furrow_json_add_double (b, "maize_yield_kg", y->yield_kg[FURROW_CROP_MAIZE]);
      furrow_json_add_double (b, "soy_yield_kg", y->yield_kg[FURROW_CROP_SOYBEAN]);
      furrow_json_add_double (b, "maize_pler", y->pler[FURROW_CROP_MAIZE]);
      furrow_json_add_double (b, "soy_pler", y->pler[FURROW_CROP_SOYBEAN]);
      furrow_json_add_double (b, "ler", y->ler);
      json_builder_end_object (b);

      total_area += l->field_area_m2;
      total_maize += y->yield_kg[FURROW_CROP_MAIZE];
      total_soy += y->yield_kg[FURROW_CROP_SOYBEAN];
    }
  json_builder_end_array (b);
  furrow_json_add_double (b, "total_m2", total_area);
  furrow_json_add_double (b, "total_mu", furrow_m2_to_mu (total_area));
  furrow_json_add_double (b, "total_maize_yield_kg", total_maize);
  furrow_json_add_double (b, "total_soy_yield_kg", total_soy);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

static void
print_text (const char                  *path,
            const char * const          *labels,
            const FurrowPattern         *p,
            const FurrowYieldModel      *model,
            FurrowLayout * const        *layouts,
            const FurrowYieldPrediction *predictions,
            guint                        n)
{
  g_autofree char *description = furrow_pattern_describe (p);

  g_print ("%s: %s\n", path, description);
  /* TRANSLATORS: %s is a yield preset name such as “practical” */
  g_print (_("Yield model: %s; headland %.2f m\n"), model->name, furrow_pattern_headland_m (p));
  for (guint i = 0; i < n; i++)
    {
      const FurrowLayout *l = layouts[i];
      const FurrowYieldPrediction *y = &predictions[i];
      g_autofree char *mu = furrow_format_mu (l->field_area_m2);

      g_print ("\n");
      g_print (_("Field %s: %s mu, rows at %.1f°, %u strips\n"), labels[i], mu, l->azimuth_deg,
               l->units);
      g_print (_("  maize:   %u rows, %.0f m of row, %.0f plants, %.1f kg seed, %.0f m² band, "
                 "%.0f kg (pLER %.2f)\n"),
               l->crop[FURROW_CROP_MAIZE].rows, l->crop[FURROW_CROP_MAIZE].row_m,
               l->crop[FURROW_CROP_MAIZE].plants, l->crop[FURROW_CROP_MAIZE].seed_kg,
               l->crop[FURROW_CROP_MAIZE].band_area_m2, y->yield_kg[FURROW_CROP_MAIZE],
               y->pler[FURROW_CROP_MAIZE]);
      g_print (_("  soybean: %u rows, %.0f m of row, %.0f plants, %.1f kg seed, %.0f m² band, "
                 "%.0f kg (pLER %.2f)\n"),
               l->crop[FURROW_CROP_SOYBEAN].rows, l->crop[FURROW_CROP_SOYBEAN].row_m,
               l->crop[FURROW_CROP_SOYBEAN].plants, l->crop[FURROW_CROP_SOYBEAN].seed_kg,
               l->crop[FURROW_CROP_SOYBEAN].band_area_m2, y->yield_kg[FURROW_CROP_SOYBEAN],
               y->pler[FURROW_CROP_SOYBEAN]);
      g_print (_("  land equivalent ratio %.2f\n"), y->ler);
    }
}

int
furrow_cli_plan (int    argc,
                 char **argv)
{
  Options o = {
    .maize_rows = -1,
    .soy_rows = -1,
    .cli = {
      .takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
      .project_help = N_("Plan the fields of this project instead of a FILE"),
    },
  };
  GOptionEntry entries[] = {
    { "maize-rows", 0, 0, G_OPTION_ARG_INT, &o.maize_rows,
      N_("Maize rows per strip unit"), "N" },
    { "soy-rows", 0, 0, G_OPTION_ARG_INT, &o.soy_rows,
      N_("Soybean rows per strip unit"), "M" },
    { "maize-spacing", 0, 0, G_OPTION_ARG_STRING, &o.maize_spacing,
      N_("Maize row spacing, or one per pair of rows (0.40-0.80-0.40)"), "m" },
    { "soy-spacing", 0, 0, G_OPTION_ARG_STRING, &o.soy_spacing,
      N_("Soybean row spacing"), "m" },
    { "gap", 0, 0, G_OPTION_ARG_STRING, &o.gap,
      N_("Gap between a maize row and the next soybean row"), "m" },
    { "maize-plant-spacing", 0, 0, G_OPTION_ARG_STRING, &o.maize_plant_spacing,
      N_("Maize plant (hill) spacing along the row"), "m" },
    { "soy-plant-spacing", 0, 0, G_OPTION_ARG_STRING, &o.soy_plant_spacing,
      N_("Soybean plant (hill) spacing along the row"), "m" },
    { "azimuth", 0, 0, G_OPTION_ARG_STRING, &o.azimuth,
      N_("Row direction: degrees from north, north-south (default) or longest-edge"), "DEG" },
    { "headland", 0, 0, G_OPTION_ARG_STRING, &o.headland,
      N_("Headland at each row end (default: one unit width)"), "m" },
    { "margin", 0, 0, G_OPTION_ARG_STRING, &o.margin,
      N_("Unsown margin along the whole field edge (default 0)"), "m" },
    { "planter-width", 0, 0, G_OPTION_ARG_STRING, &o.planter_width,
      N_("Seeder working width to check the unit against (default 2.3)"), "m" },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &o.preset,
      N_("A pattern preset (2+4, 4+6, 3+4, 2+2, 2+3, 4+4, 2+6, sole-maize, sole-soybean) or a "
         "yield preset (practical, xiashan, survey, or one stored in --project)"), "NAME" },
    { "yield-preset", 0, 0, G_OPTION_ARG_STRING, &o.yield_preset,
      N_("Yield model preset: practical (default), xiashan, survey, or one stored in "
         "--project"), "NAME" },
    { "rows-geojson", 0, 0, G_OPTION_ARG_FILENAME, &o.rows_geojson,
      N_("Write the row and guidance lines as GeoJSON"), "OUT" },
    { "rows-kml", 0, 0, G_OPTION_ARG_FILENAME, &o.rows_kml,
      N_("Write the row and guidance lines as KML"), "OUT" },
    { "rows-out", 0, 0, G_OPTION_ARG_FILENAME, &o.rows_out,
      N_("Write the row lines, KML if OUT ends in .kml, GeoJSON otherwise"), "OUT" },
    { "field", 0, 0, G_OPTION_ARG_STRING, &o.field,
      N_("With --project: the field with this code"), "CODE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &o.all,
      N_("With --project: every field"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) layouts = NULL;
  g_autofree FurrowYieldPrediction *predictions = NULL;
  const char *yield_name = "practical";
  FurrowYieldModel model;
  FurrowPattern pattern;
  FurrowPlanterFit fit;
  const char *path;
  const char *source;

  context = g_option_context_new (_("FILE — strip layout and yield of every polygon in FILE"));
  g_option_context_set_summary (
    context, _("Rows are counted per crop, maize first: --maize-rows 2 --soy-rows 4 is 2 maize + "
               "4 soybean rows (2.70 m units), the Huang-Huai-Hai default. Rows with the same "
               "count as a pattern preset start from its spacings."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!furrow_cli_parse_options (context, entries, &o.cli, &argc, &argv))
    {
      options_clear (&o);
      return 2;
    }
  if (!furrow_cli_fields_check_args ("plan", argc, argv, o.cli.project, o.field, o.all, &path))
    {
      options_clear (&o);
      return 2;
    }
  source = path ? path : o.cli.project;

  if (!build_pattern (&o, &pattern))
    {
      options_clear (&o);
      return 2;
    }

  if (o.yield_preset != NULL)
    yield_name = o.yield_preset;
  else if (o.preset != NULL && !furrow_pattern_preset (o.preset, &(FurrowPattern) { 0 }))
    yield_name = o.preset;
  if (!furrow_cli_yield_model (o.cli.project, yield_name, &model, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      options_clear (&o);
      return 2;
    }

  fields = furrow_cli_read_fields (path, o.cli.project, o.field, &labels, &error);
  if (fields == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      options_clear (&o);
      return 1;
    }

  layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_layout_free);
  predictions = g_new0 (FurrowYieldPrediction, fields->len);
  for (guint i = 0; i < fields->len; i++)
    {
      gboolean want_rows = o.rows_geojson || o.rows_kml || o.rows_out;
      FurrowLayout *l = furrow_layout_compute (g_ptr_array_index (fields, i), &pattern,
                                               want_rows ? FURROW_LAYOUT_DEFAULT
                                                         : FURROW_LAYOUT_QUANTITIES_ONLY,
                                               &error);

      if (l == NULL)
        {
          furrow_cli_print_error (_("%s: field %s: %s"), source,
                                  (char *) g_ptr_array_index (labels, i), error->message);
          options_clear (&o);
          return 1;
        }
      furrow_yield_model_predict_layout (&model, l, &predictions[i]);
      g_ptr_array_add (layouts, l);
    }

  /* Row files: --rows-geojson is GeoJSON and --rows-kml KML whatever the name; --rows-out
   * goes by the extension. */
  {
    FurrowLayout * const *all = (FurrowLayout * const *) layouts->pdata;
    const char * const *codes = (const char * const *) labels->pdata;
    g_autofree char *geojson = NULL;
    g_autofree char *kml = NULL;

    if (o.rows_geojson)
      geojson = furrow_layout_export_geojson (all, codes, layouts->len);
    if (o.rows_kml)
      kml = furrow_layout_export_kml (all, codes, layouts->len, NULL);
    /* Never over the project (docs/architecture.md, Opening, backup, check). */
    if (o.cli.project != NULL &&
        ((o.rows_geojson && !furrow_store_check_output_path (o.cli.project, o.rows_geojson, &error)) ||
         (o.rows_kml && !furrow_store_check_output_path (o.cli.project, o.rows_kml, &error)) ||
         (o.rows_out && !furrow_store_check_output_path (o.cli.project, o.rows_out, &error))))
      {
        furrow_cli_print_error ("%s", error->message);
        options_clear (&o);
        return 1;
      }
    if ((geojson && !furrow_atomic_file_set_contents (o.rows_geojson, geojson, -1, &error)) ||
        (kml && !furrow_atomic_file_set_contents (o.rows_kml, kml, -1, &error)) ||
        (o.rows_out && !furrow_layout_export_file (all, codes, layouts->len, o.rows_out,
                                                      &error)))
      {
        furrow_cli_print_error ("%s", error->message);
        options_clear (&o);
        return 1;
      }
  }

  fit = furrow_pattern_check_planter (&pattern, NULL, NULL);
  if (fit == FURROW_PLANTER_MISMATCH)
    furrow_cli_print_error (_("warning: a %.2f m unit does not suit a %.2f m seeder (neither "
                              "whole units per pass nor whole passes per unit)"),
                            furrow_pattern_unit_width_m (&pattern), pattern.planter_width_m);

  if (o.cli.json)
    print_json ((const char * const *) labels->pdata, &pattern, &model, fit,
                (FurrowLayout * const *) layouts->pdata, predictions, layouts->len);
  else
    print_text (source, (const char * const *) labels->pdata, &pattern, &model,
                (FurrowLayout * const *) layouts->pdata, predictions, layouts->len);

  options_clear (&o);
  return 0;
}
