/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-cli.h"
#include "furrow-economics.h"
#include "furrow-report.h"
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
 * report renderer (furrow-report.h). Statements: one page per full-custody household, and one
 * per half-custody household that owes fees; the roster lists every settled household. */

/* The settled season as a report: the cooperative's totals, and per household its amounts, its
 * masked personal data and its parcels with the custody field each lies in. */
static FurrowReport *
season_report (FurrowStore   *store,
               FurrowSeason  *season,
               const char    *notice_date,
               GError       **error)
{
  g_autoptr(FurrowSeasonSettlement) s = furrow_store_get_settlement (store, season, error);
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GHashTable) field_names = NULL;
  g_autoptr(GHashTable) by_code = NULL;
  FurrowReport *report;
  FurrowReportCooperative *coop;

  if (s == NULL)
    return NULL;

  report = g_new0 (FurrowReport, 1);
  coop = &report->cooperative;
  coop->name = g_strdup (furrow_store_get_cooperative_name (store));
  coop->village_code = g_strdup (furrow_store_get_village_code (store));
  coop->season_name = g_strdup (furrow_season_get_name (season));
  coop->crop_year = furrow_season_get_crop_year (season);
  coop->notice_date = g_strdup (notice_date);
  coop->total_area_mu = s->totals.total_area_mu;
  coop->weighted_area_mu = s->totals.weighted_area_mu;
  coop->base_fen_per_mu = s->totals.base_fen_per_mu;
  coop->revenue_fen = s->totals.income_fen;
  coop->cost_fen = s->totals.cost_fen;
  coop->base_total_fen = s->totals.base_total_fen;
  coop->surplus_fen = s->totals.surplus_fen;
  coop->reserve_fen = s->totals.reserve_fen;
  coop->collective_fen = s->totals.collective_fen;
  coop->cooperative_fen = s->totals.cooperative_fen;
  coop->households_dividend_fen = s->totals.households_dividend_fen;
  coop->deficit_fen = s->totals.deficit_fen;
  coop->fees_fen = s->totals.fees_fen;
  coop->reserve_pct = s->split.reserve_pct;
  coop->collective_pct = s->split.collective_pct;
  coop->cooperative_pct = s->split.cooperative_pct;
  coop->households_pct = s->split.households_pct;
  coop->basis = g_strdup (s->summary);

  fields = furrow_store_get_fields (store);
  field_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      g_hash_table_insert (field_names, g_memdup2 (&(gint64) { furrow_field_get_id (field) },
                                                   sizeof (gint64)),
                           g_strdup (furrow_field_get_name (field)));
    }

  report->n_households = s->n_rows;
  report->households = g_new0 (FurrowReportHousehold, MAX (s->n_rows, 1));
  by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < s->n_rows; i++)
    {
      const FurrowSeasonSettlementRow *row = &s->rows[i];
      FurrowReportHousehold *h = &report->households[i];
      g_autoptr(FurrowHousehold) household = furrow_store_find_household (store, row->code);
      gboolean full = row->custody == FURROW_CUSTODY_FULL;

      h->code = g_strdup (row->code);
      h->name = g_strdup (row->name);
      if (household != NULL)
        {
          h->id_number = g_strdup (furrow_household_get_id_number (household));
          h->phone = g_strdup (furrow_household_get_phone (household));
        }
      h->custody = row->custody;
      h->area_mu = furrow_economics_area_cmu (row->area_m2) / 100.0;
      h->base_fen_per_mu = full ? s->totals.base_fen_per_mu : 0;
      h->base_area_mu = full ? h->area_mu : 0.0;
      h->base_fen = row->base_fen;
      h->dividend_area_mu = full ? h->area_mu : 0.0;
      h->dividend_fen_per_mu = full && s->totals.weighted_area_mu > 0
                               ? (double) s->totals.households_dividend_fen
                                 / s->totals.weighted_area_mu
                               : 0.0;
      h->dividend_fen = row->dividend_fen;
      h->fee_fen_per_mu = row->fee_fen_per_mu;
      h->fee_fen = row->fee_fen;
      h->total_fen = row->total_fen;
      h->basis = g_strdup (row->rule_text);
      g_hash_table_insert (by_code, h->code, h);
    }

  /* Each household's entrusted parcels of the custody it was settled with. */
  parcels = furrow_store_get_parcels (store);
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      FurrowReportHousehold *h = g_hash_table_lookup (by_code,
                                                      furrow_parcel_get_household_code (parcel));
      FurrowReportParcel *p;
      gint64 field_id = furrow_parcel_get_field_id (parcel);

      if (h == NULL || furrow_parcel_get_custody (parcel) != h->custody)
        continue;
      h->parcels = g_renew (FurrowReportParcel, h->parcels, h->n_parcels + 1);
      p = &h->parcels[h->n_parcels++];
      *p = (FurrowReportParcel) { 0 };
      p->code = g_strdup (furrow_parcel_get_code (parcel));
      p->name = g_strdup (furrow_parcel_get_name (parcel));
      p->area_mu = furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel));
      p->field_name = g_strdup (g_hash_table_lookup (field_names, &field_id));
      if (furrow_parcel_get_geometry (parcel) != NULL)
        p->geometry = furrow_geometry_copy (furrow_parcel_get_geometry (parcel));
    }
  return report;
}

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
  g_autofree char *project = NULL;
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
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project, N_("The project file"), N_("FILE") },
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name, N_("A settled season by its name"),
      N_("NAME") },
    { "notice-date", 0, 0, G_OPTION_ARG_STRING, &notice_date,
      N_("Public-notice date printed on the pages (YYYY-MM-DD)"), N_("DATE") },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (statements)
    g_option_context_add_main_entries (context, statement_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 2;
    }
  /* The output: --out, or the last argument as before --out existed. */
  if (out == NULL && argc == 2)
    {
      out = g_strdup (argv[1]);
      argc--;
    }
  if (project == NULL || season_name == NULL || argc != 1 ||
      (out == NULL && per_household == NULL))
    {
      furrow_cli_print_error ("%s", usage_text);
      return 2;
    }
  store = furrow_store_open (project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  season = furrow_store_find_season (store, season_name);
  if (season == NULL)
    {
      furrow_cli_print_error (_("%s: there is no season “%s”"), project, season_name);
      return 1;
    }
  if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
    {
      furrow_cli_print_error (_("%s: season “%s” is not settled yet; settle it first "
                                "(furrow-cli season settle)"), project, season_name);
      return 1;
    }
  *report_out = season_report (store, season, notice_date, &error);
  if (*report_out == NULL)
    {
      furrow_cli_print_error ("%s: %s", project, error->message);
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
          furrow_cli_print_error (_("%s: season “%s” has no settled household %s"), project,
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

/* The audit log records every statement and roster printed. */
static int
record_print (FurrowStore  *store,
              FurrowReport *report,
              const char   *what,
              const char   *which,
              const char   *out)
{
  g_autoptr(FurrowSeason) season =
    furrow_store_find_season (store, report->cooperative.season_name);
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = g_strdup_printf ("%s -> %s", which, out);

  if (season == NULL || !furrow_store_record_print (store, season, what, detail, &error))
    {
      furrow_cli_print_error ("%s: %s", furrow_store_get_path (store),
                              error ? error->message : report->cooperative.season_name);
      return 1;
    }
  return 0;
}

/* Writes `out` (a PDF, or a folder of one PDF per household as the old positional form). */
static gboolean
write_statements (const char                    *out,
                  gboolean                       folder,
                  const FurrowReportCooperative *coop,
                  const FurrowReportHousehold   *households,
                  gsize                          n,
                  GError                       **error)
{
  if (folder)
    return furrow_report_write_statement_pdfs_dir (out, coop, households, n, NULL, NULL, NULL,
                                                   error);
  return furrow_report_write_statements_pdf (out, coop, households, n, NULL, NULL, NULL, error);
}

int
furrow_cli_statements (int    argc,
                       char **argv)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *household = NULL;
  g_autofree char *per_household = NULL;
  g_autofree char *what = NULL;
  g_autofree FurrowReportHousehold *selected = NULL;
  gsize n = 0;
  gboolean ok = TRUE;
  int status;

  status = open_report (argc, argv, _("[OUT.pdf] — print the statements of a settled season"),
                        _("usage: furrow-cli statements --project FILE --season NAME "
                          "--out OUT.pdf [--household CODE] [--per-household DIR]"), TRUE,
                        &store, &report, &out, &household, &per_household);
  if (status != 0)
    return status;

  /* One household when asked for; else full custody, and half custody when fees are owed.
   * Shallow copies of the report's rows. */
  selected = g_new0 (FurrowReportHousehold, MAX (report->n_households, 1));
  for (gsize i = 0; i < report->n_households; i++)
    if (household != NULL
        ? g_strcmp0 (report->households[i].code, household) == 0
        : (report->households[i].custody == FURROW_CUSTODY_FULL ||
           report->households[i].fee_fen > 0))
      selected[n++] = report->households[i];
  if (n == 0)
    {
      furrow_cli_print_error (_("%s: the settlement has no household to print a statement for"),
                              furrow_store_get_path (store));
      return 1;
    }
  if (out != NULL)
    ok = write_statements (out, !(g_str_has_suffix (out, ".pdf") ||
                                  g_str_has_suffix (out, ".PDF")),
                           &report->cooperative, selected, n, &error);
  if (ok && per_household != NULL)
    ok = write_statements (per_household, TRUE, &report->cooperative, selected, n, &error);
  if (!ok)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  /* The audit log names the household code, never its personal data. */
  what = household != NULL
         ? g_strdup_printf ("household %s", household)
         : g_strdup_printf ("%" G_GSIZE_FORMAT " households", n);
  return record_print (store, report, "statements", what,
                       out != NULL ? out : per_household);
}

int
furrow_cli_roster (int    argc,
                   char **argv)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *household = NULL;
  g_autofree char *per_household = NULL;
  g_autofree char *which = NULL;
  gboolean ok;
  int status;

  status = open_report (argc, argv, _("[OUT.pdf|OUT.csv|OUT.xlsx] — the public roster of a "
                                      "settled season"),
                        _("usage: furrow-cli roster --project FILE --season NAME "
                          "--out OUT.pdf|OUT.csv|OUT.xlsx"), FALSE, &store, &report, &out,
                        &household, &per_household);
  if (status != 0)
    return status;
  lower = g_ascii_strdown (out, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    ok = furrow_report_write_roster_pdf (out, &report->cooperative, report->households,
                                         report->n_households, NULL, &error);
  else if (g_str_has_suffix (lower, ".csv"))
    ok = furrow_report_write_roster_csv (out, &report->cooperative, report->households,
                                         report->n_households, &error);
  else if (g_str_has_suffix (lower, ".xlsx"))
    ok = furrow_report_write_roster_xlsx (out, &report->cooperative, report->households,
                                          report->n_households, &error);
  else
    {
      furrow_cli_print_error (_("%s: the roster is written as .pdf, .csv or .xlsx"), out);
      return 1;
    }
  if (!ok)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  which = g_strdup_printf ("%" G_GSIZE_FORMAT " households", report->n_households);
  return record_print (store, report, "roster", which, out);
}
