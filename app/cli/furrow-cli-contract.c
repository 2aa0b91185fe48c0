/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "furrow-cli.h"
#include "furrow-contract.h"
#include "furrow-store-season.h"

/* furrow-cli contract --project FILE --season NAME (--household CODE | --all) --out OUT.pdf|DIR
 *                     [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--date YYYY-MM-DD]
 *                     [--place TEXT]
 *
 * Custody service contracts (furrow-contract.h, docs/domain.md §13) of a season in any state:
 * an output ending in .pdf is one PDF (one household's contract, or every household's one
 * after the other); any other output is a folder that gets one "<CBFBM>.pdf" per household.
 * Each file is written whole or not at all, never over the project or its journal; the print
 * is recorded in the audit log. */

static gboolean
check_date (const char *date)
{
  if (date == NULL || furrow_season_notice_date_is_valid (date))
    return TRUE;
  furrow_cli_print_error (_("%s: not a date (YYYY-MM-DD)"), date);
  return FALSE;
}

int
furrow_cli_contract (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT };
  g_autofree char *season_name = NULL;
  g_autofree char *household = NULL;
  g_autofree char *out = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  g_autofree char *lower = NULL;
  gboolean all = FALSE;
  gboolean one_file;
  FurrowContractOptions options = { NULL, };
  GOptionEntry entries[] = {
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name, N_("A season by its name"),
      N_("NAME") },
    { "household", 0, 0, G_OPTION_ARG_STRING, &household, N_("The contract of this household"),
      N_("CODE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("The contract of every household with parcels"),
      NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("A PDF file (all contracts in one), or a folder for one PDF per household"),
      N_("FILE|DIR") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start,
      N_("First day of the term (YYYY-MM-DD; default: the parcels’ entrusted-from date, else a "
         "blank)"), N_("DATE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end,
      N_("Last day of the term (YYYY-MM-DD; default: the parcels’ entrusted-to date, else a "
         "blank)"), N_("DATE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The signing date (YYYY-MM-DD; default: a blank to fill in)"), N_("DATE") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("The signing place (default: a blank to fill in)"), N_("TEXT") },
    { NULL },
  };

  context = g_option_context_new (_("— custody service contracts of a season (PDF)"));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || season_name == NULL || out == NULL || argc != 1
      || (household == NULL) == !all)
    return furrow_cli_usage (_("usage: furrow-cli contract --project FILE --season NAME "
                               "(--household CODE | --all) --out OUT.pdf|DIR"));
  if (!check_date (start) || !check_date (end) || !check_date (date))
    return 1;
  if (start != NULL && end != NULL && strcmp (start, end) > 0)
    {
      furrow_cli_print_error (_("the term ends (%s) before it starts (%s)"), end, start);
      return 1;
    }
  lower = g_ascii_strdown (out, -1);
  one_file = g_str_has_suffix (lower, ".pdf");
  /* Not the project itself, nor its journal (furrow_store_check_output_path()). */
  if (!furrow_store_check_output_path (o.project, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  store = furrow_store_open (o.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  season = furrow_store_find_season (store, season_name);
  if (season == NULL)
    {
      furrow_cli_print_error (_("%s: there is no season “%s”"), o.project, season_name);
      return 1;
    }

  options.household_code = household;
  options.start_date = start;
  options.end_date = end;
  options.signing_date = date;
  options.signing_place = place;
  contract = furrow_contract_new_from_season (store, season, &options, &error);
  if (contract == NULL)
    {
      furrow_cli_print_file_error (o.project, error);
      return 1;
    }
  if (!one_file)
    {
      /* Every file of the folder, checked before the first is written. */
      for (guint i = 0; i < furrow_contract_get_n_households (contract); i++)
        {
          g_autofree char *name = g_strconcat (furrow_contract_get_household_code (contract, i),
                                               ".pdf", NULL);
          g_autofree char *path = g_build_filename (out, name, NULL);

          if (!furrow_store_check_output (store, path, &error))
            {
              furrow_cli_print_error ("%s", error->message);
              return 1;
            }
        }
    }
  if (!(one_file ? furrow_contract_write_pdf (contract, out, NULL, NULL, NULL, &error)
                 : furrow_contract_write_pdfs_dir (contract, out, NULL, NULL, NULL, &error))
      || !furrow_contract_record_print (contract, store, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  return 0;
}
