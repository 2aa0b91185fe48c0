/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-demo.h"
#include "furrow-json.h"

/* furrow-cli server init URI | create URI --cooperative CODE [--demo] | list URI [--json]
 * (docs/architecture.md, The backend seam; README, A custody centre's server): prepares a
 * PostgreSQL database for Furrow, adds a cooperative to it, lists its cooperatives. A password
 * belongs in ~/.pgpass or PGPASSWORD; one written into URI is never printed (every message names
 * the server without it). */
int
furrow_cli_server (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("init|create|list URI — a custody centre’s PostgreSQL server"));
  g_auto(FurrowCliOptions) o = { .takes = FURROW_CLI_OPTION_JSON };
  g_autoptr(GError) error = NULL;
  g_autofree char *cooperative = NULL;
  gboolean json, demo = FALSE;
  const char *action, *uri;
  const GOptionEntry entries[] = {
    { "cooperative", 0, 0, G_OPTION_ARG_STRING, &cooperative,
      N_("The cooperative to create (letters, digits and _)"), N_("CODE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Fill the new cooperative with the demo register"), NULL },
    { NULL },
  };

  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  json = o.json;
  if (argc != 3 ||
      (!g_str_equal (argv[1], "init") && !g_str_equal (argv[1], "create") &&
       !g_str_equal (argv[1], "list")) ||
      (g_str_equal (argv[1], "create") != (cooperative != NULL)) ||
      (demo && cooperative == NULL))
    return furrow_cli_usage (_("usage: furrow-cli server init URI | create URI --cooperative "
                               "CODE [--demo] | list URI [--json]"));
  action = argv[1];
  uri = argv[2];

  if (g_str_equal (action, "init"))
    {
      if (!furrow_store_server_init (uri, &error))
        {
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          furrow_json_add_int (builder, "schema_version", FURROW_STORE_SCHEMA_VERSION);
          json_builder_end_object (builder);
          furrow_cli_print_json (builder, TRUE);
        }
      else
        g_print ("%s\n", _("The server is ready for Furrow’s cooperatives."));
      return 0;
    }

  if (g_str_equal (action, "create"))
    {
      g_autoptr(FurrowStore) store = furrow_store_create_server (uri, cooperative, &error);

      if (store != NULL && demo && !furrow_demo_populate (store, &error))
        g_clear_object (&store);
      if (store == NULL)
        {
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "project", furrow_store_get_path (store));
          furrow_json_add_int (builder, "fields", furrow_store_count_fields (store, NULL));
          furrow_json_add_int (builder, "households",
                               furrow_store_count_households (store, NULL));
          furrow_json_add_int (builder, "parcels", furrow_store_count_parcels (store, NULL));
          json_builder_end_object (builder);
          furrow_cli_print_json (builder, TRUE);
        }
      else
        /* Translators: %s is the project's address, postgresql://user@host/db#code */
        g_print (_("Created %s\n"), furrow_store_get_path (store));
      return 0;
    }

  {
    g_auto(GStrv) codes = furrow_store_server_list (uri, &error);

    if (codes == NULL)
      {
        furrow_cli_print_error ("%s", error->message);
        return 1;
      }
    if (json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "cooperatives");
        json_builder_begin_array (builder);
        for (guint i = 0; codes[i] != NULL; i++)
          json_builder_add_string_value (builder, codes[i]);
        json_builder_end_array (builder);
        json_builder_end_object (builder);
        furrow_cli_print_json (builder, TRUE);
      }
    else
      for (guint i = 0; codes[i] != NULL; i++)
        g_print ("%s\n", codes[i]);
  }
  return 0;
}
