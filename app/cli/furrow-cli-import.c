/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "furrow-cli.h"
#include "furrow-crs.h"
#include "furrow-importer.h"
#include "furrow-json.h"
#include "furrow-store.h"

/* `furrow-cli import --project FILE SOURCE [--crs EPSG:n] [--encoding E] [--gcj02]
 * [--as fields|parcels|households] [--json]` (docs/architecture.md, furrow-cli contract): one
 * transaction; on bad input exit 1 with one stderr line per problem and nothing written (a
 * project file this run created is removed again). */

static gboolean
parse_kind (const char       *text,
            FurrowImportKind *kind)
{
  if (text == NULL)
    *kind = FURROW_IMPORT_KIND_AUTO;
  else if (g_str_equal (text, "fields"))
    *kind = FURROW_IMPORT_KIND_FIELDS;
  else if (g_str_equal (text, "parcels"))
    *kind = FURROW_IMPORT_KIND_PARCELS;
  else if (g_str_equal (text, "households"))
    *kind = FURROW_IMPORT_KIND_HOUSEHOLDS;
  else
    return FALSE;
  return TRUE;
}

static const char *
kind_name (FurrowImportKind kind)
{
  switch (kind)
    {
    case FURROW_IMPORT_KIND_FIELDS: return "fields";
    case FURROW_IMPORT_KIND_PARCELS: return "parcels";
    case FURROW_IMPORT_KIND_HOUSEHOLDS: return "households";
    case FURROW_IMPORT_KIND_AUTO:
    default: return "auto";
    }
}

static void
print_problems (FurrowImporter *importer,
                GError         *error)
{
  GPtrArray *problems = furrow_importer_get_problems (importer);

  if (problems->len == 0)
    {
      furrow_cli_print_error ("%s", error->message);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    furrow_cli_print_error ("%s", (const char *) g_ptr_array_index (problems, i));
}

/* Removes a project file this run created (and its WAL side files). */
static void
remove_new_project (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_remove (journal);
}

static void
print_result (FurrowImporter *importer,
              gboolean        json)
{
  guint n_fields, n_parcels, n_households;
  int epsg = furrow_importer_get_crs_epsg (importer);

  furrow_importer_get_written (importer, &n_fields, &n_parcels, &n_households);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "source", furrow_importer_get_display_name (importer));
      furrow_json_add_string (builder, "kind", kind_name (furrow_importer_get_kind (importer)));
      furrow_json_add_int (builder, "epsg", epsg);
      furrow_json_add_string (builder, "encoding", furrow_importer_get_encoding (importer));
      furrow_json_add_int (builder, "fields", n_fields);
      furrow_json_add_int (builder, "parcels", n_parcels);
      furrow_json_add_int (builder, "households", n_households);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, FALSE);
      return;
    }

  if (epsg != 0)
    g_print (_("%s: imported fields: %u, parcels: %u, households: %u (EPSG:%d, %s)\n"),
             furrow_importer_get_display_name (importer), n_fields, n_parcels, n_households,
             epsg, furrow_importer_get_encoding (importer));
  else
    g_print (_("%s: imported fields: %u, parcels: %u, households: %u (%s)\n"),
             furrow_importer_get_display_name (importer), n_fields, n_parcels, n_households,
             furrow_importer_get_encoding (importer));
}

int
furrow_cli_import (int    argc,
                   char **argv)
{
  g_autofree char *crs = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *as = NULL;
  g_auto(GStrv) sources = NULL;
  gboolean gcj02 = FALSE, json = FALSE, created = FALSE;
  const GOptionEntry entries[] = {
    { "crs", 0, 0, G_OPTION_ARG_STRING, &crs, N_("The source’s coordinate system, overriding the file"), "EPSG:n" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("The text encoding, overriding detection (e.g. CP936)"), N_("ENCODING") },
    { "gcj02", 0, 0, G_OPTION_ARG_NONE, &gcj02, N_("The coordinates are GCJ-02 (Gaode, Tencent): convert them to WGS84"), NULL },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("What the file holds: fields, parcels or households"), N_("KIND") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sources, NULL, N_("SOURCE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("SOURCE — import fields, parcels or households"));
  g_autoptr(FurrowImporter) importer = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = {
    .takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .project_help = N_("The project file (created when missing)"),
  };
  FurrowImportKind kind;
  int epsg = 0;

  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  json = o.json;
  if (o.project == NULL || sources == NULL || g_strv_length (sources) != 1)
    return furrow_cli_usage (_("usage: furrow-cli import --project FILE SOURCE"));
  if (crs != NULL && !furrow_crs_parse_epsg (crs, &epsg))
    {
      furrow_cli_print_error (_("--crs “%s” is not an EPSG code (EPSG:n)"), crs);
      return 2;
    }
  if (!parse_kind (as, &kind))
    {
      furrow_cli_print_error (_("--as “%s” must be fields, parcels or households"), as);
      return 2;
    }

  importer = furrow_importer_new (sources[0]);
  furrow_importer_set_crs_epsg (importer, epsg);
  furrow_importer_set_encoding (importer, encoding);
  furrow_importer_set_gcj02 (importer, gcj02);
  furrow_importer_set_kind (importer, kind);

  /* Read and check everything before the project is touched. */
  if (!furrow_importer_open (importer, &error) ||
      !furrow_importer_read (importer, NULL, &error))
    {
      print_problems (importer, error);
      return 1;
    }

  /* A cooperative on a server is opened, never created by an import (server create). */
  if (furrow_store_is_server_address (o.project) || g_file_test (o.project, G_FILE_TEST_EXISTS))
    store = furrow_store_open (o.project, &error);
  else
    {
      store = furrow_store_create (o.project, &error);
      created = store != NULL;
    }
  if (store == NULL || !furrow_store_check_writable (store, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  if (!furrow_importer_commit (importer, store, NULL, &error))
    {
      print_problems (importer, error);
      g_clear_object (&store);
      if (created)
        remove_new_project (o.project);
      return 1;
    }

  print_result (importer, json);
  return 0;
}
