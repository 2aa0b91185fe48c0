/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "furrow-cli.h"
#include "furrow-distribution.h"
#include "furrow-report.h"
#include "furrow-settlement-json.h"
#include "furrow-units.h"

/* Appends `text` padded to `width` columns, on the left (right-aligned) or on the right. */
static void
append_cell (GString    *line,
             const char *text,
             glong       width,
             gboolean    right_align)
{
  glong pad = MAX (0, width - furrow_cli_text_columns (text));

  if (line->len > 0)
    g_string_append (line, "  ");
  if (right_align)
    for (glong i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right_align)
    for (glong i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
}

static void
print_total (const char *label,
             const char *value)
{
  g_autoptr(GString) line = g_string_new (NULL);

  append_cell (line, label, 28, FALSE);
  append_cell (line, value, 20, TRUE);
  g_print ("%s\n", line->str);
}

static void
print_total_fen (const char *label,
                 gint64      fen)
{
  g_autofree char *yuan = furrow_format_yuan (fen);

  print_total (label, yuan);
}

static void
print_split_fen (const char *label,
                 double      pct,
                 gint64      fen)
{
  /* Translators: a share of the surplus and its percentage, e.g. "Reserve fund (10 %)" */
  g_autofree char *labelled = g_strdup_printf (_("%s (%g %%)"), label, pct);

  print_total_fen (labelled, fen);
}

#define N_COLUMNS 8

static void
print_table (const FurrowDistributionInput  *input,
             const FurrowDistributionResult *result,
             const FurrowDistributionShare  *shares)
{
  const char *headers[N_COLUMNS] = {
    _("Code"), _("Name"), _("Custody"), _("Area (mu)"),
    _("Base"), _("Dividend"), _("Fee"), _("Total"),
  };
  static const gboolean right[N_COLUMNS] = { FALSE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };
  gsize n_rows = input->n_households + 1;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  glong widths[N_COLUMNS];
  gint64 sums[4] = { 0, 0, 0, 0 };

  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = furrow_cli_text_columns (headers[c]);

  for (gsize i = 0; i < n_rows; i++)
    {
      gboolean is_total = i == input->n_households;
      const FurrowDistributionShare *share = is_total ? NULL : &shares[i];
      const char *name = is_total ? NULL : input->households[i].name;

      if (!is_total)
        {
          sums[0] += share->base_fen;
          sums[1] += share->dividend_fen;
          sums[2] += share->fee_fen;
          sums[3] += share->total_fen;
        }

      g_ptr_array_add (cells, g_strdup (is_total ? _("Total") : share->code));
      g_ptr_array_add (cells, g_strdup (name != NULL ? name : ""));
      g_ptr_array_add (cells, g_strdup (is_total ? ""
                                        : share->custody == FURROW_CUSTODY_HALF
                                          ? C_("custody", "half") : C_("custody", "full")));
      g_ptr_array_add (cells, g_strdup_printf ("%.2f", is_total ? result->total_area_mu
                                                               + result->half_custody_area_mu
                                                            : share->area_mu));
      g_ptr_array_add (cells, furrow_format_yuan (is_total ? sums[0] : share->base_fen));
      g_ptr_array_add (cells, furrow_format_yuan (is_total ? sums[1] : share->dividend_fen));
      g_ptr_array_add (cells, furrow_format_yuan (is_total ? sums[2] : share->fee_fen));
      g_ptr_array_add (cells, furrow_format_yuan (is_total ? sums[3] : share->total_fen));
    }

  for (guint k = 0; k < cells->len; k++)
    widths[k % N_COLUMNS] = MAX (widths[k % N_COLUMNS],
                                 furrow_cli_text_columns (cells->pdata[k]));

  {
    g_autoptr(GString) line = g_string_new (NULL);

    for (guint c = 0; c < N_COLUMNS; c++)
      append_cell (line, headers[c], widths[c], right[c]);
    g_print ("%s\n", line->str);
  }
  for (gsize i = 0; i < n_rows; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < N_COLUMNS; c++)
        append_cell (line, cells->pdata[i * N_COLUMNS + c], widths[c], right[c]);
      g_strchomp (line->str);
      g_print ("%s\n", line->str);
    }
}

static void
print_settlement (const char                     *display_name,
                  const FurrowDistributionInput  *input,
                  const FurrowDistributionResult *result,
                  const FurrowDistributionShare  *shares)
{
  g_autofree char *area = g_strdup_printf (_("%.2f mu"), result->total_area_mu);
  g_autofree char *rate_yuan = furrow_format_yuan (result->base_fen_per_mu);
  /* Translators: the base payment rate, e.g. "¥462.00/mu" */
  g_autofree char *rate = g_strdup_printf (_("%s/mu"), rate_yuan);
  g_autofree char *summary = furrow_distribution_format_summary (input, result);

  g_print (_("Settlement of %s"), display_name);
  g_print ("\n\n");
  print_total (_("Full-custody area"), area);
  if (result->half_custody_area_mu > 0.0)
    {
      g_autofree char *half = g_strdup_printf (_("%.2f mu"), result->half_custody_area_mu);

      print_total (_("Half-custody area"), half);
    }
  print_total_fen (_("Revenue"), result->revenue_fen);
  print_total_fen (_("Other income"), result->other_income_fen);
  print_total_fen (_("Subsidies"), result->subsidy_fen);
  print_total_fen (_("Costs"), result->cost_fen);
  print_total (_("Base rate"), rate);
  print_total_fen (_("Base payments"), result->base_total_fen);
  if (result->deficit_fen > 0)
    {
      print_total_fen (_("Shortfall (no dividend)"), result->deficit_fen);
    }
  else
    {
      print_total_fen (_("Surplus"), result->surplus_fen);
      print_split_fen (_("Reserve fund"), input->split.reserve_pct, result->reserve_fen);
      print_split_fen (_("Collective"), input->split.collective_pct, result->collective_fen);
      print_split_fen (_("Cooperative"), input->split.cooperative_pct, result->cooperative_fen);
      print_split_fen (_("Households"), input->split.households_pct,
                       result->households_dividend_fen);
    }
  if (result->fees_fen > 0)
    print_total_fen (_("Service fees owed"), result->fees_fen);
  if (input->reason != NULL)
    g_print ("%s %s\n", _("Reason for the split:"), input->reason);
  g_print ("%s\n\n", summary);

  print_table (input, result, shares);
}

typedef enum
{
  ROSTER_NONE,
  ROSTER_PDF,
  ROSTER_CSV,
  ROSTER_XLSX,
} RosterFormat;

static RosterFormat
roster_format_for (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return ROSTER_PDF;
  if (g_str_has_suffix (lower, ".csv"))
    return ROSTER_CSV;
  if (g_str_has_suffix (lower, ".xlsx"))
    return ROSTER_XLSX;
  return ROSTER_NONE;
}

/* The statements and the roster of the settlement; on failure, removes what it wrote. */
static gboolean
write_reports (const FurrowSettlement         *settlement,
               const FurrowDistributionResult *result,
               const FurrowDistributionShare  *shares,
               const char                     *statements_path,
               const char                     *statements_dir,
               const char                     *roster_path,
               RosterFormat                    roster_format,
               GError                        **error)
{
  FurrowReportCooperative header = {
    .name = (char *) settlement->cooperative,
    .village_code = (char *) settlement->village_code,
    .season_name = (char *) settlement->season,
    .notice_date = (char *) settlement->notice_date,
  };
  g_autoptr(FurrowReport) report = furrow_report_new_from_distribution (&header,
                                                                        &settlement->input,
                                                                        result, shares, NULL);
  const FurrowReportCooperative *coop = &report->cooperative;
  gboolean ok = TRUE;

  if (statements_path != NULL)
    ok = furrow_report_write_statements_pdf (statements_path, coop, report->households,
                                             report->n_households, NULL, NULL, NULL, error);
  if (ok && statements_dir != NULL)
    ok = furrow_report_write_statement_pdfs_dir (statements_dir, coop, report->households,
                                                 report->n_households, NULL, NULL, NULL,
                                                 error);
  if (ok && roster_path != NULL)
    {
      switch (roster_format)
        {
        case ROSTER_PDF:
          ok = furrow_report_write_roster_pdf (roster_path, coop, report->households,
                                               report->n_households, NULL, error);
          break;
        case ROSTER_CSV:
          ok = furrow_report_write_roster_csv (roster_path, coop, report->households,
                                               report->n_households, error);
          break;
        case ROSTER_XLSX:
          ok = furrow_report_write_roster_xlsx (roster_path, coop, report->households,
                                                report->n_households, error);
          break;
        case ROSTER_NONE:
        default:
          g_assert_not_reached ();
        }
      if (!ok && statements_path != NULL)
        g_unlink (statements_path);
    }
  return ok;
}

int
furrow_cli_settle (int    argc,
                   char **argv)
{
  gboolean json = FALSE;
  g_autofree char *statements_path = NULL;
  g_autofree char *statements_dir = NULL;
  g_autofree char *roster_path = NULL;
  RosterFormat roster_format = ROSTER_NONE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the settlement as JSON"), NULL },
    { "statements", 0, 0, G_OPTION_ARG_FILENAME, &statements_path,
      N_("Write every household’s statement to one PDF, a page each"), N_("FILE.pdf") },
    { "statements-dir", 0, 0, G_OPTION_ARG_FILENAME, &statements_dir,
      N_("Write each household’s statement to its own PDF in a folder, named by its code"),
      N_("FOLDER") },
    { "roster", 0, 0, G_OPTION_ARG_FILENAME, &roster_path,
      N_("Write the public roster as PDF, CSV or XLSX (by the file’s extension)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSettlement) settlement = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autofree char *display_name = NULL;
  FurrowDistributionResult result;

  context = g_option_context_new (_("INPUT.json — settle a season, to the fen"));
  g_option_context_set_description (context,
                                    _("With --statements or --roster, the settlement file "
                                      "may also give \"cooperative\", \"season\", "
                                      "\"village_code\" and \"notice_date\" (YYYY-MM-DD) "
                                      "for the printed heading."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      furrow_cli_print_error ("settle: %s", error->message);
      return 2;
    }
  if (argc != 2)
    {
      furrow_cli_print_error (_("settle: give one settlement file, e.g. "
                                "“furrow-cli settle season.json”"));
      return 2;
    }

  if (roster_path != NULL)
    {
      roster_format = roster_format_for (roster_path);
      if (roster_format == ROSTER_NONE)
        {
          g_autofree char *roster_name = g_filename_display_name (roster_path);

          furrow_cli_print_error (_("settle: %s: the roster is written as .pdf, .csv or .xlsx"),
                                  roster_name);
          return 2;
        }
    }

  display_name = g_filename_display_name (argv[1]);
  settlement = furrow_settlement_json_load_file (argv[1], &error);
  if (settlement == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  shares = g_new0 (FurrowDistributionShare, settlement->input.n_households);
  if (!furrow_distribution_compute (&settlement->input, &result, shares, &error))
    {
      furrow_cli_print_error ("%s: %s", display_name, error->message);
      return 1;
    }

  if ((statements_path != NULL || statements_dir != NULL || roster_path != NULL)
      && !write_reports (settlement, &result, shares, statements_path, statements_dir,
                         roster_path, roster_format, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  if (json)
    {
      g_autofree char *text = furrow_settlement_json_to_string (&settlement->input, &result,
                                                                shares, TRUE);

      g_print ("%s\n", text);
    }
  else
    {
      print_settlement (display_name, &settlement->input, &result, shares);
    }

  return 0;
}
