/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-cli.h"
#include "furrow-store-season.h"
#include "furrow-surplus-statement.h"

/* furrow-cli surplus-statement --project FILE (--season NAME | --year YEAR)
 *                              --out OUT.pdf|OUT.xlsx
 *
 * Form 会农社02, the surplus and surplus-distribution statement (furrow-surplus-statement.h,
 * docs/domain.md §17), of a settled season or of every season of a crop year (all settled).
 * Refuses an output that is the project or its journal; written whole or not at all; the print
 * is recorded in the audit log of each season. */

int
furrow_cli_surplus_statement (int    argc,
                              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSurplusStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT };
  g_autofree char *season_name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lower = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name, N_("A settled season by its name"),
      N_("NAME") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("Every season of this crop year, all settled"), N_("YEAR") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { NULL },
  };

  context = g_option_context_new (_("— the surplus and surplus-distribution statement "
                                    "(会农社02) of a settled season or crop year"));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || out == NULL || argc != 1 || (season_name == NULL) == (year == 0))
    return furrow_cli_usage (_("usage: furrow-cli surplus-statement --project FILE "
                               "(--season NAME | --year YEAR) --out OUT.pdf|OUT.xlsx"));
  if (year < 0)
    {
      furrow_cli_print_error (_("%d: not a crop year"), year);
      return 1;
    }
  if (!furrow_store_check_output_path (o.project, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  lower = g_ascii_strdown (out, -1);
  if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".xlsx"))
    {
      furrow_cli_print_error (_("%s: the surplus statement is written as .pdf or .xlsx"), out);
      return 1;
    }

  store = furrow_store_open (o.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  if (season_name != NULL)
    {
      g_autoptr(FurrowSeason) season = furrow_store_find_season (store, season_name);

      if (season == NULL)
        {
          furrow_cli_print_error (_("%s: there is no season “%s”"), o.project, season_name);
          return 1;
        }
      statement = furrow_surplus_statement_new_for_season (store, season, &error);
    }
  else
    statement = furrow_surplus_statement_new_for_year (store, (guint) year, &error);
  if (statement == NULL)
    {
      furrow_cli_print_file_error (o.project, error);
      return 1;
    }
  if (!furrow_surplus_statement_write (statement, out, &error)
      || !furrow_surplus_statement_record_print (statement, store, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  return 0;
}
