/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-cli.h"
#include "furrow-distribution.h"
#include "furrow-settlement-json.h"
#include "furrow-units.h"

/* Terminal columns a string takes: CJK characters take two. */
static glong
display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Appends `text` padded to `width` columns, on the left (right-aligned) or on the right. */
static void
append_cell (GString    *line,
             const char *text,
             glong       width,
             gboolean    right_align)
{
  glong pad = MAX (0, width - display_width (text));

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
    widths[c] = display_width (headers[c]);

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
    widths[k % N_COLUMNS] = MAX (widths[k % N_COLUMNS], display_width (cells->pdata[k]));

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

int
furrow_cli_settle (int    argc,
                   char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the settlement as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSettlement) settlement = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autofree char *display_name = NULL;
  FurrowDistributionResult result;

  context = g_option_context_new (_("INPUT.json — settle a season, to the fen"));
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
