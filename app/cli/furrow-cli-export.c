/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-exporter.h"
#include "furrow-store.h"

/* `furrow-cli export --project FILE --layer fields|parcels|households
 * --format geojson|kml|gpkg|shp|csv|xlsx [--zone N] [--masked] [--json] OUT` (docs/architecture.md,
 * furrow-cli contract): exit 1 with one stderr line on bad input, nothing written. Households
 * with full ID and phone numbers are written with mode 0600 and the output says so; --masked
 * writes them masked as on paper. */

static gboolean
parse_layer (const char        *text,
             FurrowExportLayer *layer)
{
  if (g_strcmp0 (text, "fields") == 0)
    *layer = FURROW_EXPORT_LAYER_FIELDS;
  else if (g_strcmp0 (text, "parcels") == 0)
    *layer = FURROW_EXPORT_LAYER_PARCELS;
  else if (g_strcmp0 (text, "households") == 0)
    *layer = FURROW_EXPORT_LAYER_HOUSEHOLDS;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_format (const char         *text,
              FurrowExportFormat *format)
{
  static const struct { const char *name; FurrowExportFormat format; } formats[] = {
    { "geojson", FURROW_EXPORT_FORMAT_GEOJSON },
    { "kml", FURROW_EXPORT_FORMAT_KML },
    { "gpkg", FURROW_EXPORT_FORMAT_GEOPACKAGE },
    { "shp", FURROW_EXPORT_FORMAT_SHAPEFILE },
    { "csv", FURROW_EXPORT_FORMAT_CSV },
    { "xlsx", FURROW_EXPORT_FORMAT_XLSX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (text, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

int
furrow_cli_export (int    argc,
                   char **argv)
{
  g_autofree char *layer_name = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) outputs = NULL;
  gboolean masked = FALSE;
  int zone = 0;
  const GOptionEntry entries[] = {
    { "layer", 0, 0, G_OPTION_ARG_STRING, &layer_name, N_("What to export: fields, parcels or households"), N_("LAYER") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("geojson, kml, gpkg, shp, csv or xlsx"), N_("FORMAT") },
    { "zone", 0, 0, G_OPTION_ARG_INT, &zone, N_("Gauss–Krüger zone for gpkg and shp (default: from the data)"), "N" },
    { "masked", 0, 0, G_OPTION_ARG_NONE, &masked, N_("Households: ID and phone numbers masked as on paper"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &outputs, NULL, N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("OUT — export a layer of a project"));
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON };
  FurrowExportLayer layer;
  FurrowExportFormat format;
  FurrowExportOptions options;
  gboolean personal;
  guint n_written = 0;
  int epsg = 0;

  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || outputs == NULL || g_strv_length (outputs) != 1)
    return furrow_cli_usage (_("usage: furrow-cli export --project FILE --layer LAYER --format FORMAT OUT"));
  if (!parse_layer (layer_name, &layer))
    {
      furrow_cli_print_error ("%s", _("--layer must be fields, parcels or households"));
      return 2;
    }
  if (!parse_format (format_name, &format))
    {
      furrow_cli_print_error ("%s", _("--format must be geojson, kml, gpkg, shp, csv or xlsx"));
      return 2;
    }
  if (!g_file_test (o.project, G_FILE_TEST_IS_REGULAR))
    {
      furrow_cli_print_error (_("%s: the project file does not exist"), o.project);
      return 1;
    }

  options = masked ? FURROW_EXPORT_MASKED : FURROW_EXPORT_DEFAULT;
  personal = furrow_export_is_personal (layer, options);
  store = furrow_store_open (o.project, &error);
  if (store == NULL ||
      !furrow_export_with_options (store, layer, format, options, zone, outputs[0], NULL, NULL,
                                   NULL, &n_written, &epsg, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, outputs[0]);
      json_builder_set_member_name (builder, "records");
      json_builder_add_int_value (builder, n_written);
      json_builder_set_member_name (builder, "epsg");
      json_builder_add_int_value (builder, epsg);
      json_builder_set_member_name (builder, "personal");
      json_builder_add_boolean_value (builder, personal);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else if (epsg != 0)
    g_print (ngettext ("%s: wrote %u record (EPSG:%d)\n", "%s: wrote %u records (EPSG:%d)\n", n_written),
             outputs[0], n_written, epsg);
  else
    g_print (ngettext ("%s: wrote %u record\n", "%s: wrote %u records\n", n_written),
             outputs[0], n_written);
  if (personal && !o.json)
    g_print (_("%s holds full ID and phone numbers: only you can read it (mode 0600); "
               "--masked writes them masked\n"), outputs[0]);
  return 0;
}
