/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "furrow-cli.h"
#include "furrow-payroll.h"
#include "furrow-register.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"

/* furrow-cli payroll --project FILE --season NAME --out OUT.pdf|OUT.xlsx [--by-group]
 *                    [--date YYYY-MM-DD] [--preparer NAME] [--checker NAME] [--approver NAME]
 *
 * The payroll (发放花名册, furrow-payroll.h, docs/domain.md §12) of a settled season: one row
 * per household paid, page subtotals and totals in figures and capital numerals, the lines the
 * preparer, checker and approver sign. Refuses a season that is not settled, an output that
 * is the project or its journal, and a season whose public notice has not ended or has open
 * objections unless --force --reason TEXT (audited; docs/domain.md §15). The print is recorded
 * in the audit log. */

int
furrow_cli_payroll (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT };
  g_autofree char *season_name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *date = NULL;
  g_autofree char *preparer = NULL;
  g_autofree char *checker = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *reason = NULL;
  gboolean by_group = FALSE;
  gboolean force = FALSE;
  FurrowPayrollOptions options = { 0, };
  GOptionEntry entries[] = {
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name, N_("A settled season by its name"),
      N_("NAME") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { "by-group", 0, 0, G_OPTION_ARG_NONE, &by_group,
      N_("One list per village group, each with its own total"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The date printed beside the signatures (YYYY-MM-DD; default today)"), N_("DATE") },
    { "preparer", 0, 0, G_OPTION_ARG_STRING, &preparer,
      N_("Name printed on the preparer’s line (default: a line to sign on)"), N_("NAME") },
    { "checker", 0, 0, G_OPTION_ARG_STRING, &checker,
      N_("Name printed on the checker’s line"), N_("NAME") },
    { "approver", 0, 0, G_OPTION_ARG_STRING, &approver,
      N_("Name printed on the approver’s line"), N_("NAME") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Write it before the public notice has ended or while objections are open (needs "
         "--reason)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the payroll is written before the notice has ended (recorded in the audit log)"),
      N_("TEXT") },
    { NULL },
  };

  context = g_option_context_new (_("— the payroll of a settled season (PDF or XLSX)"));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || season_name == NULL || out == NULL || argc != 1)
    return furrow_cli_usage (_("usage: furrow-cli payroll --project FILE --season NAME "
                               "--out OUT.pdf|OUT.xlsx [--by-group] [--date DATE]"));
  /* Not the project itself, nor its journal (furrow_store_check_output_path()). */
  if (!furrow_store_check_output_path (o.project, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  lower = g_ascii_strdown (out, -1);
  if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".xlsx"))
    {
      furrow_cli_print_error (_("%s: the payroll is written as .pdf or .xlsx"), out);
      return 1;
    }
  if (date != NULL)
    {
      g_autoptr(GDateTime) parsed = NULL;
      g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);

      parsed = g_date_time_new_from_iso8601 (iso, NULL);
      if (parsed == NULL || strlen (date) != 10)
        {
          furrow_cli_print_error (_("%s: not a date (YYYY-MM-DD)"), date);
          return 1;
        }
    }
  /* The names are printed on the signature lines: no terminal escape in them (issue 12). */
  {
    const char *names[] = { "preparer", preparer, "checker", checker, "approver", approver };

    for (guint i = 0; i < G_N_ELEMENTS (names); i += 2)
      {
        /* Translators: --%s is an option's name (preparer, checker, approver) */
        g_autofree char *what = g_strdup_printf (_("--%s: the name"), names[i]);

        if (!furrow_register_check_text (names[i + 1], -1, FURROW_TEXT_LINE, what, &error))
          {
            furrow_cli_print_error ("%s", error->message);
            return 1;
          }
      }
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
  if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
    {
      furrow_cli_print_error (_("%s: season “%s” is not settled yet; settle it first "
                                "(furrow-cli season settle)"), o.project, season_name);
      return 1;
    }
  /* Paid only after the public notice (docs/domain.md §15). */
  if (!furrow_store_check_payment_allowed (store, season, "payroll", NULL, force, reason, &error))
    {
      /* Translators: a refusal, then how to write the payroll anyway */
      furrow_cli_print_error (_("%s: %s (--force --reason TEXT)"), o.project, error->message);
      return 1;
    }

  options.by_group = by_group;
  options.date = date;
  options.preparer = preparer;
  options.checker = checker;
  options.approver = approver;
  payroll = furrow_payroll_new_from_season (store, season, &options, &error);
  if (payroll == NULL)
    {
      furrow_cli_print_file_error (o.project, error);
      return 1;
    }
  if (!furrow_payroll_write (payroll, out, NULL, NULL, NULL, &error)
      || !furrow_payroll_record_print (payroll, store, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  return 0;
}
