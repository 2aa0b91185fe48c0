/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "furrow-atomic-file.h"
#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-store-transfer.h"

/* What both commands print: the cooperative moved, where from and to, and its register's size. */
static void
print_moved (FurrowStore *store,
             const char  *from,
             const char  *to,
             const char  *code,
             gboolean     publish,
             gboolean     json)
{
  gint64 n_fields = furrow_store_count_fields (store, NULL);
  gint64 n_households = furrow_store_count_households (store, NULL);
  gint64 n_parcels = furrow_store_count_parcels (store, NULL);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "from", from);
      furrow_json_add_string (builder, "to", to);
      furrow_json_add_string (builder, "cooperative", code);
      furrow_json_add_int (builder, "fields", n_fields);
      furrow_json_add_int (builder, "households", n_households);
      furrow_json_add_int (builder, "parcels", n_parcels);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  else if (publish)
    {
      /* Translators: the counts are of custody fields, households and parcels. */
      g_print (_("Published %s to %s as cooperative %s: %d fields, %d households, %d parcels.\n"),
               from, to, code, (int) n_fields, (int) n_households, (int) n_parcels);
    }
  else
    {
      /* Translators: the counts are of custody fields, households and parcels. */
      g_print (_("Checked out cooperative %s of %s to %s: %d fields, %d households, %d "
                 "parcels.\n"), code, from, to, (int) n_fields, (int) n_households,
               (int) n_parcels);
    }
}

/* furrow-cli publish FILE URI [--cooperative CODE] [--json] (docs/architecture.md, The backend
 * seam, Publish and checkout): the project file as a new cooperative of the server, every row of
 * it in one transaction; refused, with the server unchanged, when the cooperative is there. */
int
furrow_cli_publish (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE URI — put a project file on a server as a new cooperative"));
  g_auto(FurrowCliOptions) o = {
    .takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
  };
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cooperative = NULL;
  g_autofree char *code = NULL;
  const char *path, *uri;
  const GOptionEntry entries[] = {
    { "cooperative", 0, 0, G_OPTION_ARG_STRING, &cooperative,
      N_("The new cooperative’s code (letters, digits and _; default: the project’s village "
         "code)"), N_("CODE") },
    { NULL },
  };

  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project != NULL ? argc != 2 : argc != 3)
    return furrow_cli_usage (_("usage: furrow-cli publish FILE postgresql://USER@HOST/DB "
                               "[--cooperative CODE] [--json]"));
  path = o.project != NULL ? o.project : argv[1];
  uri = argv[argc - 1];

  store = furrow_store_open (path, &error);
  if (store == NULL || !furrow_store_publish (store, uri, cooperative, &code, NULL, NULL, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  print_moved (store, path, uri, code, TRUE, o.json);
  return 0;
}

/* furrow-cli checkout URI --cooperative CODE FILE [--json]: a copy of the cooperative as a new
 * project file for offline work, written beside FILE and renamed into place when complete
 * (furrow-atomic-file.h). An existing FILE is refused: it may be the project being worked on. */
int
furrow_cli_checkout (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("URI FILE — copy a server’s cooperative into a new project file"));
  g_auto(FurrowCliOptions) o = { .takes = FURROW_CLI_OPTION_JSON };
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowAtomicFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cooperative = NULL;
  g_autofree char *project = NULL;
  const char *path;
  const GOptionEntry entries[] = {
    { "cooperative", 0, 0, G_OPTION_ARG_STRING, &cooperative,
      N_("The cooperative to check out"), N_("CODE") },
    { NULL },
  };

  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (argc != 3 || cooperative == NULL)
    return furrow_cli_usage (_("usage: furrow-cli checkout postgresql://USER@HOST/DB "
                               "--cooperative CODE FILE [--json]"));
  path = argv[2];
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      furrow_cli_print_error (_("%s already exists: check out into a new file"), path);
      return 1;
    }
  project = g_strdup_printf ("%s#%s", argv[1], cooperative);
  store = furrow_store_open (project, &error);
  if (store == NULL || !furrow_store_check_output (store, path, &error) ||
      (out = furrow_atomic_file_new (path, &error)) == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  /* The register holds personal data: the owner's only (docs/architecture.md, Opening). */
  furrow_atomic_file_set_private (out, TRUE);
  if (!furrow_store_checkout (store, furrow_atomic_file_get_path (out), NULL, NULL,
                              &error) ||
      !furrow_atomic_file_commit (out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  print_moved (store, furrow_store_get_path (store), path,
               strrchr (furrow_store_get_path (store), '#') + 1, FALSE, o.json);
  return 0;
}
