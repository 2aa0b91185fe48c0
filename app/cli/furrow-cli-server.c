/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "furrow-cli.h"
#include "furrow-demo.h"
#include "furrow-json.h"
#include "furrow-store-roles.h"

/* The new user's password: $FURROW_PASSWORD, or read from the terminal without echo, twice.
 * Never an argument (other users see a process's arguments), never printed. NULL with a message
 * printed when there is neither. */
static char *
read_password (const char *name)
{
  const char *env = g_getenv ("FURROW_PASSWORD");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  struct termios saved, quiet;
  FILE *tty;

  if (env != NULL)
    return g_strdup (env);
  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL || tcgetattr (fileno (tty), &saved) != 0)
    {
      if (tty != NULL)
        fclose (tty);
      furrow_cli_print_error (_("no password for %s: set FURROW_PASSWORD or run this in a "
                                "terminal"), name);
      return NULL;
    }
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  for (guint i = 0; i < 2; i++)
    {
      char line[1024];

      /* Translators: %s is a user name */
      fprintf (tty, i == 0 ? _("Password for %s: ") : _("The same password again: "), name);
      fflush (tty);
      if (fgets (line, sizeof line, tty) == NULL)
        line[0] = '\0';
      line[strcspn (line, "\r\n")] = '\0';
      if (i == 0)
        first = g_strdup (line);
      else
        second = g_strdup (line);
      memset (line, 0, sizeof line);
    }
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fclose (tty);
  if (g_strcmp0 (first, second) != 0)
    {
      furrow_cli_print_error (_("the two passwords for %s differ; nothing was changed"), name);
      return NULL;
    }
  return g_steal_pointer (&first);
}

/* server add-user URI NAME --role ROLE [--villages V1,V2] [--cooperative CODE] and server grant
 * URI NAME --cooperative CODE --role ROLE (docs/architecture.md, The backend seam, Roles). */
static int
server_user (const char *action,
             const char *uri,
             const char *name,
             const char *role_name,
             const char *cooperative,
             const char *villages,
             gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) village_list = NULL;
  g_autofree char *password = NULL;
  FurrowRole role;

  if (!furrow_role_from_string (role_name, &role))
    {
      furrow_cli_print_error (_("“%s” is not a role: use manager, agronomist, clerk or viewer"),
                              role_name);
      return 1;
    }
  if (g_str_equal (action, "grant"))
    {
      if (!furrow_store_server_grant (uri, name, cooperative, role, &error))
        {
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
    }
  else
    {
      if (villages != NULL)
        village_list = g_strsplit (villages, ",", -1);
      password = read_password (name);
      if (password == NULL)
        return 1;
      if (!furrow_store_server_add_user (uri, name, password, role, cooperative,
                                         (const char * const *) village_list, &error))
        {
          memset (password, 0, strlen (password));
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
      memset (password, 0, strlen (password));
    }
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "user", name);
      furrow_json_add_string (builder, "role", furrow_role_to_string (role));
      furrow_json_add_string (builder, "cooperative", cooperative);
      json_builder_set_member_name (builder, "villages");
      json_builder_begin_array (builder);
      for (guint i = 0; village_list != NULL && village_list[i] != NULL; i++)
        json_builder_add_string_value (builder, village_list[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  else if (cooperative != NULL)
    /* Translators: "li_clerk is clerk of cooperative dongguan" */
    g_print (_("%s is %s of cooperative %s\n"), name, furrow_role_to_string (role), cooperative);
  else
    /* Translators: "li_clerk is clerk in every cooperative of the server" */
    g_print (_("%s is %s in every cooperative of the server\n"), name,
             furrow_role_to_string (role));
  return 0;
}

/* server revoke URI NAME [--cooperative CODE]: the user's role in that cooperative, or every
 * role of the user on the server, taken away (furrow_store_server_revoke()). */
static int
server_revoke (const char *uri,
               const char *name,
               const char *cooperative,
               gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) revoked = NULL;

  if (!furrow_store_server_revoke (uri, name, cooperative, &revoked, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "user", name);
      furrow_json_add_string (builder, "cooperative", cooperative);
      json_builder_set_member_name (builder, "revoked");
      json_builder_begin_array (builder);
      for (guint i = 0; revoked[i] != NULL; i++)
        json_builder_add_string_value (builder, revoked[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  else if (cooperative != NULL)
    /* Translators: "li_clerk has no role in cooperative dongguan any more" */
    g_print (_("%s has no role in cooperative %s any more\n"), name, cooperative);
  else
    /* Translators: "li_clerk has no role on the server any more" */
    g_print (_("%s has no role on the server any more\n"), name);
  return 0;
}

/* furrow-cli server init URI | create URI --cooperative CODE [--demo] | list URI [--json] |
 * add-user URI NAME --role ROLE [--villages V1,V2] [--cooperative CODE] | grant URI NAME
 * --cooperative CODE --role ROLE | revoke URI NAME [--cooperative CODE] (docs/architecture.md,
 * The backend seam; README, A custody centre's server): prepares a PostgreSQL database for
 * Furrow, adds a cooperative to it, lists its cooperatives, adds its users, gives them roles and
 * takes them away. A password belongs in ~/.pgpass or
 * PGPASSWORD; one written into URI is never printed (every message names the server without
 * it). */
int
furrow_cli_server (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("init|create|list|add-user|grant|revoke URI [NAME] — a custody "
                            "centre’s PostgreSQL server"));
  g_auto(FurrowCliOptions) o = { .takes = FURROW_CLI_OPTION_JSON };
  g_autoptr(GError) error = NULL;
  g_autofree char *cooperative = NULL;
  g_autofree char *role = NULL;
  g_autofree char *villages = NULL;
  gboolean json, demo = FALSE, user;
  const char *action, *uri;
  const GOptionEntry entries[] = {
    { "cooperative", 0, 0, G_OPTION_ARG_STRING, &cooperative,
      N_("The cooperative to create (letters, digits and _)"), N_("CODE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Fill the new cooperative with the demo register"), NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("The user’s role: manager, agronomist, clerk or viewer"), N_("ROLE") },
    { "villages", 0, 0, G_OPTION_ARG_STRING, &villages,
      N_("Limit a clerk to these villages (12 or 14 digits each, separated by commas)"),
      N_("V1,V2") },
    { NULL },
  };

  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  json = o.json;
  user = argc == 4 && (g_str_equal (argv[1], "add-user") || g_str_equal (argv[1], "grant"));
  if (user && role != NULL && (g_str_equal (argv[1], "add-user") || cooperative != NULL) &&
      !demo && (villages == NULL || g_str_equal (argv[1], "add-user")))
    return server_user (argv[1], argv[2], argv[3], role, cooperative, villages, json);
  if (argc == 4 && g_str_equal (argv[1], "revoke") && role == NULL && villages == NULL && !demo)
    return server_revoke (argv[2], argv[3], cooperative, json);
  if (argc != 3 || role != NULL || villages != NULL ||
      (!g_str_equal (argv[1], "init") && !g_str_equal (argv[1], "create") &&
       !g_str_equal (argv[1], "list")) ||
      (g_str_equal (argv[1], "create") != (cooperative != NULL)) ||
      (demo && cooperative == NULL))
    return furrow_cli_usage (_("usage: furrow-cli server init URI | create URI --cooperative "
                               "CODE [--demo] | list URI | add-user URI NAME --role ROLE "
                               "[--villages V1,V2] [--cooperative CODE] | grant URI NAME "
                               "--cooperative CODE --role ROLE | revoke URI NAME "
                               "[--cooperative CODE] [--json]"));
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
