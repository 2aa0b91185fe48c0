/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"
#include "furrow-store.h"

/* The public notice of a season and its objections (docs/domain.md §15), as actions of
 * `furrow-cli season`:
 *
 *   season notice NAME [--start YYYY-MM-DD|none] [--days N]
 *       sets when the notice starts and how many days it lasts (7 unless given); without them,
 *       prints the notice: start, days, last day, objections and how many are open
 *   season objection add NAME --household CODE --text TEXT [--received YYYY-MM-DD]
 *       an objection received (today unless given); prints its number
 *   season objection resolve NAME ID --resolution TEXT [--resolved YYYY-MM-DD]
 *   season objection list NAME
 *
 * NAME may also be given as --season NAME. --json prints the notice or the objections. Bad
 * input: exit 1, one line on stderr, nothing written; a usage error: exit 2. */

typedef struct
{
  FurrowCliOptions cli;   /* --project FILE, --json */
  char     *season;
  char     *start;
  int       days;
  char     *household;
  char     *text;
  char     *received;
  char     *resolution;
  char     *resolved;
} Options;

static void
options_clear (Options *o)
{
  furrow_cli_options_clear (&o->cli);
  g_free (o->season);
  g_free (o->start);
  g_free (o->household);
  g_free (o->text);
  g_free (o->received);
  g_free (o->resolution);
  g_free (o->resolved);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
usage (void)
{
  return furrow_cli_usage (_("usage: furrow-cli season --project FILE notice NAME "
                             "[--start YYYY-MM-DD|none] [--days N] | objection "
                             "add|resolve|list NAME …; see “furrow-cli season notice "
                             "--help”"));
}

static int
fail (FurrowStore *store,
      GError      *error)
{
  furrow_cli_print_file_error (furrow_store_get_path (store), error);
  return 1;
}

static void
add_objection_json (JsonBuilder           *builder,
                    const FurrowObjection *objection)
{
  json_builder_begin_object (builder);
  furrow_json_add_int (builder, "id", objection->id);
  furrow_json_add_string (builder, "household", objection->household_code);
  furrow_json_add_string (builder, "name", objection->household_name);
  furrow_json_add_string (builder, "text", objection->text);
  furrow_json_add_string (builder, "received", objection->received);
  furrow_json_add_string (builder, "resolution", *objection->resolution != '\0'
                                                 ? objection->resolution : NULL);
  furrow_json_add_string (builder, "resolved", *objection->resolved != '\0'
                                               ? objection->resolved : NULL);
  json_builder_end_object (builder);
}

static int
print_notice (FurrowStore   *store,
              FurrowSeason  *season,
              const Options *o)
{
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  const char *start = furrow_season_get_notice_date (season);
  guint days = furrow_season_get_notice_days (season);
  guint open = 0;

  objections = furrow_store_get_objections (store, season, &error);
  if (objections == NULL)
    return fail (store, error);
  for (guint i = 0; i < objections->len; i++)
    open += furrow_objection_is_open (g_ptr_array_index (objections, i));
  if (start != NULL && *start != '\0')
    end = furrow_notice_end_date (start, days);

  if (o->cli.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "season", furrow_season_get_name (season));
      furrow_json_add_string (builder, "start", end != NULL ? start : NULL);
      furrow_json_add_int (builder, "days", days);
      furrow_json_add_string (builder, "end", end);
      furrow_json_add_int (builder, "objections", objections->len);
      furrow_json_add_int (builder, "open", open);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
      return 0;
    }
  if (end == NULL)
    /* Translators: %s is a season's name */
    g_print (_("Season “%s” has not been posted for public notice.\n"),
             furrow_season_get_name (season));
  else
    /* Translators: a season's public notice: its name, first day, number of days, last day */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Season “%s”: public notice from %s for %u day, to %s.\n",
                          "Season “%s”: public notice from %s for %u days, to %s.\n", days),
             furrow_season_get_name (season), start, days, end);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u objection, %u open.\n",
                        "%u objections, %u open.\n", objections->len),
           objections->len, open);
  return 0;
}

static int
list_objections (FurrowStore   *store,
                 FurrowSeason  *season,
                 const Options *o)
{
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GError) error = NULL;

  objections = furrow_store_get_objections (store, season, &error);
  if (objections == NULL)
    return fail (store, error);
  if (o->cli.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < objections->len; i++)
        add_objection_json (builder, g_ptr_array_index (objections, i));
      json_builder_end_array (builder);
      furrow_cli_print_json (builder, TRUE);
      return 0;
    }
  for (guint i = 0; i < objections->len; i++)
    {
      FurrowObjection *objection = g_ptr_array_index (objections, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", objection->id, objection->received,
               objection->household_code, objection->household_name, objection->text);
      if (furrow_objection_is_open (objection))
        g_print ("\t%s\n", _("open"));
      else
        /* Translators: an objection's resolution: its date, then its text */
        g_print (_("\tresolved on %s: %s\n"), objection->resolved, objection->resolution);
    }
  return 0;
}

static int
add_objection (FurrowStore   *store,
               FurrowSeason  *season,
               const Options *o)
{
  g_autoptr(FurrowObjection) objection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = furrow_notice_today ();

  if (o->household == NULL || o->text == NULL)
    return furrow_cli_usage (_("usage: season objection add NAME --household CODE "
                               "--text TEXT [--received YYYY-MM-DD]"));
  objection = furrow_objection_new (o->household, o->text,
                                    o->received != NULL ? o->received : today);
  if (!furrow_store_add_objection (store, season, objection, &error))
    return fail (store, error);
  if (o->cli.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_objection_json (builder, objection);
      furrow_cli_print_json (builder, TRUE);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\n", objection->id);
  return 0;
}

static int
resolve_objection (FurrowStore   *store,
                   FurrowSeason  *season,
                   const char    *id_text,
                   const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = furrow_notice_today ();
  char *end = NULL;
  gint64 id;

  if (o->resolution == NULL || *o->resolution == '\0')
    return furrow_cli_usage (_("usage: season objection resolve NAME ID --resolution TEXT "
                               "[--resolved YYYY-MM-DD]"));
  errno = 0;
  id = g_ascii_strtoll (id_text, &end, 10);
  if (errno != 0 || end == id_text || *end != '\0' || id <= 0)
    {
      furrow_cli_print_error (_("%s: not an objection number; “furrow-cli season objection list” "
                                "shows them"), id_text);
      return 1;
    }
  if (!furrow_store_resolve_objection (store, season, id, o->resolution,
                                       o->resolved != NULL ? o->resolved : today, &error))
    return fail (store, error);
  return 0;
}

int
furrow_cli_season_notice (int    argc,
                          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Options) o = {
    .cli.takes = FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .days = -1,
  };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *action;
  const char *objection_action = NULL;
  GOptionEntry entries[] = {
    { "season", 0, 0, G_OPTION_ARG_STRING, &o.season, N_("The season by its name"), N_("NAME") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &o.start,
      N_("First day of the public notice (YYYY-MM-DD), or none"), N_("DATE") },
    { "days", 0, 0, G_OPTION_ARG_INT, &o.days,
      N_("Days the public notice lasts (7 unless given)"), N_("N") },
    { "household", 0, 0, G_OPTION_ARG_STRING, &o.household,
      N_("The household that objects, by its code"), N_("CODE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o.text, N_("What the household says is wrong"),
      N_("TEXT") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &o.received,
      N_("The day the objection was received (YYYY-MM-DD; today unless given)"), N_("DATE") },
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &o.resolution,
      N_("How the objection was resolved"), N_("TEXT") },
    { "resolved", 0, 0, G_OPTION_ARG_STRING, &o.resolved,
      N_("The day it was resolved (YYYY-MM-DD; today unless given)"), N_("DATE") },
    { NULL },
  };

  context = g_option_context_new (_("notice|objection … — a season’s public notice and the "
                                    "objections to it"));
  if (!furrow_cli_parse_options (context, entries, &o.cli, &argc, &argv))
    return 2;
  /* argv: season ACTION [add|resolve|list] [NAME] [ID] */
  if (o.cli.project == NULL || argc < 2)
    return usage ();
  action = argv[1];
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  if (g_str_equal (action, "objection"))
    {
      if (args->len < 1)
        return usage ();
      objection_action = g_ptr_array_steal_index (args, 0);
      if (!g_str_equal (objection_action, "add") && !g_str_equal (objection_action, "resolve")
          && !g_str_equal (objection_action, "list"))
        return usage ();
    }
  if (o.season != NULL)
    g_ptr_array_insert (args, 0, o.season);
  if (args->len < 1)
    return usage ();
  if (args->len != (objection_action != NULL && g_str_equal (objection_action, "resolve") ? 2 : 1))
    return usage ();
  if (o.days != -1 && (o.days < 1 || o.days > FURROW_NOTICE_MAX_DAYS))
    {
      furrow_cli_print_error (_("--days: a notice lasts 1 to %d days, not %d"),
                              FURROW_NOTICE_MAX_DAYS, o.days);
      return 1;
    }

  store = furrow_store_open (o.cli.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  season = furrow_store_find_season (store, g_ptr_array_index (args, 0));
  if (season == NULL)
    {
      furrow_cli_print_error (_("%s: there is no season “%s”; “furrow-cli season --project %s "
                                "list” shows them"), o.cli.project,
                              (const char *) g_ptr_array_index (args, 0), o.cli.project);
      return 1;
    }

  if (objection_action == NULL)
    {
      if (o.start == NULL && o.days == -1)
        return print_notice (store, season, &o);
      if (!furrow_store_set_notice (store, season,
                                    o.start == NULL ? furrow_season_get_notice_date (season)
                                    : g_str_equal (o.start, "none") ? NULL : o.start,
                                    o.days != -1 ? (guint) o.days
                                    : furrow_season_get_notice_days (season), &error))
        return fail (store, error);
      return o.cli.json ? print_notice (store, season, &o) : 0;
    }
  if (g_str_equal (objection_action, "add"))
    return add_objection (store, season, &o);
  if (g_str_equal (objection_action, "resolve"))
    return resolve_objection (store, season, g_ptr_array_index (args, 1), &o);
  return list_objections (store, season, &o);
}
