/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-cli.h"
#include "furrow-report-document.h"
#include "furrow-store-season.h"
#include "furrow-units.h"

/* furrow-cli statements --project FILE --season NAME --out OUT.pdf [--household CODE]
 *                      [--per-household DIR]
 * furrow-cli roster --project FILE --season NAME --out OUT.pdf|OUT.csv|OUT.xlsx
 *
 * The output may also be given as the last argument (OUT.pdf, or OUTDIR for one PDF per
 * household), as before --out existed.
 *
 * Both print the frozen settlement of a settled season (furrow-store-season.h) through the
 * paginated report document (furrow-report-document.h), as printing from the window does.
 * Statements: one page per settled household, as the roster lists them; the households of the
 * register not in the settlement are named on stderr with the reason (exit 0). */

static int
open_report (int             argc,
             char          **argv,
             const char     *parameter,
             const char     *usage_text,
             gboolean        statements,
             FurrowStore   **store_out,
             FurrowReport  **report_out,
             char          **out_path,
             char          **household_out,
             char          **per_household_out)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT };
  g_autofree char *season_name = NULL;
  g_autofree char *notice_date = NULL;
  g_autofree char *out = NULL;
  g_autofree char *household = NULL;
  g_autofree char *per_household = NULL;
  GOptionEntry statement_entries[] = {
    { "household", 0, 0, G_OPTION_ARG_STRING, &household,
      N_("Only the statement of this household"), N_("CODE") },
    { "per-household", 0, 0, G_OPTION_ARG_FILENAME, &per_household,
      N_("Also write one PDF per household into this folder"), N_("DIR") },
    { NULL },
  };
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name, N_("A settled season by its name"),
      N_("NAME") },
    { "notice-date", 0, 0, G_OPTION_ARG_STRING, &notice_date,
      N_("Public-notice date printed on the pages (YYYY-MM-DD); the season's own when not "
         "given"), N_("DATE") },
    { NULL },
  };

  if (statements)
    g_option_context_add_main_entries (context, statement_entries, GETTEXT_PACKAGE);
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  /* The output: --out, or the last argument as before --out existed. */
  if (out == NULL && argc == 2)
    {
      out = g_strdup (argv[1]);
      argc--;
    }
  if (o.project == NULL || season_name == NULL || argc != 1 ||
      (out == NULL && per_household == NULL))
    return furrow_cli_usage (usage_text);
  if (notice_date != NULL && !furrow_season_notice_date_is_valid (notice_date))
    {
      /* Printed as given on every page otherwise (issue 12). */
      furrow_cli_print_error (_("--notice-date: “%s” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10"),
                              notice_date);
      return 1;
    }
  store = furrow_store_open (o.project, &error);
  if (store == NULL ||
      (out != NULL && !furrow_store_check_output (store, out, &error)) ||
      (per_household != NULL && !furrow_store_check_output (store, per_household, &error)))
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
  if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
    {
      furrow_cli_print_error (_("%s: season “%s” is not settled yet; settle it first "
                                "(furrow-cli season settle)"), o.project, season_name);
      return 1;
    }
  *report_out = furrow_report_new_from_season (store, season, notice_date, &error);
  if (*report_out == NULL)
    {
      furrow_cli_print_file_error (o.project, error);
      return 1;
    }
  if (household != NULL)
    {
      gboolean found = FALSE;

      for (gsize i = 0; i < (*report_out)->n_households && !found; i++)
        found = g_strcmp0 ((*report_out)->households[i].code, household) == 0;
      if (!found)
        {
          g_clear_pointer (report_out, furrow_report_free);
          furrow_cli_print_error (_("%s: season “%s” has no settled household %s"), o.project,
                                  season_name, household);
          return 1;
        }
    }
  *out_path = g_steal_pointer (&out);
  *household_out = g_steal_pointer (&household);
  *per_household_out = g_steal_pointer (&per_household);
  *store_out = g_steal_pointer (&store);
  return 0;
}

/* Writes `out` (a PDF, or a folder of one PDF per household as the old positional form). */
static gboolean
write_statements (FurrowReportDocument  *document,
                  const char            *out,
                  gboolean               folder,
                  GError               **error)
{
  if (folder)
    return furrow_report_document_write_pdfs_dir (document, out, NULL, NULL, NULL, error);
  return furrow_report_document_write_pdf (document, out, NULL, NULL, NULL, error);
}

int
furrow_cli_statements (int    argc,
                       char **argv)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowReport) report = NULL;
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *household = NULL;
  g_autofree char *per_household = NULL;
  gboolean ok = TRUE;
  int status;

  status = open_report (argc, argv, _("[OUT.pdf] — print the statements of a settled season"),
                        _("usage: furrow-cli statements --project FILE --season NAME "
                          "--out OUT.pdf [--household CODE] [--per-household DIR]"), TRUE,
                        &store, &report, &out, &household, &per_household);
  if (status != 0)
    return status;

  /* One household when asked for; else every settled household. */
  document = furrow_report_document_new_statements_for_report (g_steal_pointer (&report),
                                                               household, &error);
  if (document == NULL)
    {
      furrow_cli_print_file_error (furrow_store_get_path (store), error);
      return 1;
    }
  if (out != NULL)
    ok = write_statements (document, out, !(g_str_has_suffix (out, ".pdf") ||
                                            g_str_has_suffix (out, ".PDF")), &error);
  if (ok && per_household != NULL)
    ok = write_statements (document, per_household, TRUE, &error);
  if (ok)
    ok = furrow_report_document_record_print (document, store,
                                              out != NULL ? out : per_household, &error);
  if (!ok)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  /* No household is left out silently (issue 13, item 4). */
  {
    char **left_out = furrow_report_document_get_report (document)->left_out;
    guint n = left_out != NULL ? g_strv_length (left_out) : 0;

    if (household == NULL && n > 0)
      {
        furrow_cli_print_error (g_dngettext (GETTEXT_PACKAGE,
                                             "%u household of the register gets no statement: "
                                             "it is not in the settlement",
                                             "%u households of the register get no statement: "
                                             "they are not in the settlement", n), n);
        for (guint i = 0; i < n; i++)
          g_printerr ("  %s\n", left_out[i]);
      }
  }
  return 0;
}

int
furrow_cli_roster (int    argc,
                   char **argv)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowReport) report = NULL;
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *household = NULL;
  g_autofree char *per_household = NULL;
  const FurrowReport *r;
  gboolean ok;
  int status;

  status = open_report (argc, argv, _("[OUT.pdf|OUT.csv|OUT.xlsx] — the public roster of a "
                                      "settled season"),
                        _("usage: furrow-cli roster --project FILE --season NAME "
                          "--out OUT.pdf|OUT.csv|OUT.xlsx"), FALSE, &store, &report, &out,
                        &household, &per_household);
  if (status != 0)
    return status;
  document = furrow_report_document_new_roster_for_report (g_steal_pointer (&report), &error);
  if (document == NULL)
    {
      furrow_cli_print_file_error (furrow_store_get_path (store), error);
      return 1;
    }
  r = furrow_report_document_get_report (document);
  lower = g_ascii_strdown (out, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    ok = furrow_report_document_write_pdf (document, out, NULL, NULL, NULL, &error);
  else if (g_str_has_suffix (lower, ".csv"))
    ok = furrow_report_write_roster_csv (out, &r->cooperative, r->households, r->n_households,
                                         &error);
  else if (g_str_has_suffix (lower, ".xlsx"))
    ok = furrow_report_write_roster_xlsx (out, &r->cooperative, r->households,
                                          r->n_households, &error);
  else
    {
      furrow_cli_print_error (_("%s: the roster is written as .pdf, .csv or .xlsx"), out);
      return 1;
    }
  if (ok)
    ok = furrow_report_document_record_print (document, store, out, &error);
  if (!ok)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  return 0;
}
