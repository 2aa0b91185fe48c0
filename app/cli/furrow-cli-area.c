/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-geodesy.h"
#include "furrow-polygon-file.h"
#include "furrow-units.h"

/* `furrow-cli area FILE [--json]`: the ellipsoidal (WGS84) area of every polygon of any
 * OGR-readable file (docs/architecture.md, furrow-cli contract). */

static char *
areas_to_json (GPtrArray    *features,
               const double *areas_m2,
               double        total_m2)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
  for (guint i = 0; i < features->len; i++)
    {
      const FurrowPolygonFeature *f = features->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, f->index);
      json_builder_set_member_name (builder, "layer");
      json_builder_add_string_value (builder, f->layer);
      json_builder_set_member_name (builder, "fid");
      json_builder_add_int_value (builder, f->fid);
      json_builder_set_member_name (builder, "area_m2");
      json_builder_add_double_value (builder, areas_m2[i]);
      json_builder_set_member_name (builder, "area_mu");
      json_builder_add_double_value (builder, furrow_m2_to_mu (areas_m2[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total_m2");
  json_builder_add_double_value (builder, total_m2);
  json_builder_set_member_name (builder, "total_mu");
  json_builder_add_double_value (builder, furrow_m2_to_mu (total_m2));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Right-aligns `text` in `width` terminal columns: CJK characters take two, "²" one. */
static void
append_right_aligned (GString    *out,
                      const char *text,
                      guint       width)
{
  for (glong i = furrow_cli_text_columns (text); i < (glong) width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

static char *
areas_to_table (GPtrArray    *features,
                const double *areas_m2,
                double        total_m2)
{
  GString *out = g_string_new (NULL);

  /* Translators: column headings of `furrow-cli area` */
  append_right_aligned (out, _("Feature"), 8);
  append_right_aligned (out, _("Area (m²)"), 18);
  append_right_aligned (out, _("Area (mu)"), 14);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < features->len; i++)
    {
      const FurrowPolygonFeature *f = features->pdata[i];

      g_string_append_printf (out, "%8u  %16.2f  %12.2f\n",
                              f->index, areas_m2[i], furrow_m2_to_mu (areas_m2[i]));
    }
  append_right_aligned (out, _("Total"), 8);
  g_string_append_printf (out, "  %16.2f  %12.2f\n", total_m2, furrow_m2_to_mu (total_m2));
  return g_string_free (out, FALSE);
}

int
furrow_cli_area (int    argc,
                 char **argv)
{
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — ellipsoidal area of every polygon"));
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = {
    .takes = FURROW_CLI_OPTION_JSON,
    .json_help = N_("Print JSON for scripts"),
  };
  g_autofree double *areas_m2 = NULL;
  g_autofree char *output = NULL;
  double total_m2 = 0;

  g_option_context_set_summary (context,
                                _("Prints the WGS84 ellipsoidal area of every polygon of a file "
                                  "GDAL can read (Shapefile, zipped Shapefile, GeoPackage, "
                                  "GeoJSON, KML…), in m² and mu. Projected layers are converted "
                                  "to longitude and latitude first."));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      furrow_cli_print_error (_("area needs exactly one FILE; run “furrow-cli area --help”"));
      return 2;
    }

  features = furrow_polygon_file_read (files[0], &error);
  if (features == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  areas_m2 = g_new (double, MAX (features->len, 1));
  for (guint i = 0; i < features->len; i++)
    {
      const FurrowPolygonFeature *f = features->pdata[i];

      areas_m2[i] = furrow_geodesy_area_m2 (f->geometry);
      total_m2 += areas_m2[i];
    }

  /* Everything is computed before anything is printed. */
  if (o.json)
    output = areas_to_json (features, areas_m2, total_m2);
  else
    output = areas_to_table (features, areas_m2, total_m2);
  g_print ("%s%s", output, o.json ? "\n" : "");
  return 0;
}
