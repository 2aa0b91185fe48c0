/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-store.h"

/* furrow-cli check --project FILE [--json] (docs/architecture.md, Opening, backup, check):
 * SQLite's integrity and foreign-key checks, GeoPackage conformance and Furrow's invariants
 * (furrow_store_check_all()). One line on stdout per finding, then exit 1 with one line on
 * stderr counting them; exit 0 with "no problems found". The file is opened without the
 * integrity check that refuses a damaged project elsewhere, and nothing is written to it. */
int
furrow_cli_check (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— check a project file for damage and broken rules"));
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON };

  if (!furrow_cli_parse_options (context, NULL, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || argc != 1)
    return furrow_cli_usage (_("usage: furrow-cli check --project FILE [--json]"));

  store = furrow_store_open_to_check (o.project, &error);
  if (store != NULL)
    findings = furrow_store_check_all (store, &error);
  if (findings == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "file", o.project);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (findings, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  else if (findings->len == 0)
    /* Translators: %s is the project file */
    g_print (_("%s: no problems found\n"), o.project);
  else
    for (guint i = 0; i < findings->len; i++)
      g_print ("%s: %s\n", o.project, (const char *) g_ptr_array_index (findings, i));

  if (findings->len > 0)
    {
      furrow_cli_print_error (ngettext ("%s: %u problem found; restore the file from a backup "
                                        "or a restore point",
                                        "%s: %u problems found; restore the file from a backup "
                                        "or a restore point", findings->len),
                              o.project, findings->len);
      return 1;
    }
  return 0;
}
