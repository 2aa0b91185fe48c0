/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-demo.h"
#include "furrow-json.h"

/* furrow-cli demo FILE [--json]: writes the demo cooperative to a new project file. */
int
furrow_cli_demo (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the demo cooperative"));
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = {
    .takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .project_help = N_("The new project file"),
  };
  const char *path;
  gint64 n_fields, n_households, n_parcels;

  if (!furrow_cli_parse_options (context, NULL, &o, &argc, &argv))
    return 2;
  path = o.project != NULL ? o.project : (argc == 2 ? argv[1] : NULL);
  if (path == NULL || (o.project != NULL && argc != 1))
    return furrow_cli_usage (_("usage: furrow-cli demo FILE [--json]"));

  store = furrow_demo_create (path, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  n_fields = furrow_store_count_fields (store, NULL);
  n_households = furrow_store_count_households (store, NULL);
  n_parcels = furrow_store_count_parcels (store, NULL);

  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "file", path);
      furrow_json_add_string (builder, "cooperative", furrow_store_get_cooperative_name (store));
      furrow_json_add_int (builder, "fields", n_fields);
      furrow_json_add_int (builder, "households", n_households);
      furrow_json_add_int (builder, "parcels", n_parcels);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  else
    {
      /* Translators: the counts are of custody fields, households and parcels. */
      g_print (_("Wrote the demo cooperative “%s” to %s: %d fields, %d households, %d parcels.\n"),
               furrow_store_get_cooperative_name (store), path,
               (int) n_fields, (int) n_households, (int) n_parcels);
    }
  return 0;
}
