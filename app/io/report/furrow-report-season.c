/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report-document.h"

#include "furrow-economics.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"
#include "furrow-units.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A settled season's frozen settlement as a FurrowReport (furrow-report-document.h). */

static void
fill_cooperative (FurrowReportCooperative      *coop,
                  FurrowStore                  *store,
                  FurrowSeason                 *season,
                  const char                   *notice_date,
                  const FurrowSeasonSettlement *s)
{
  coop->name = g_strdup (furrow_store_get_cooperative_name (store));
  coop->village_code = g_strdup (furrow_store_get_village_code (store));
  coop->season_name = g_strdup (furrow_season_get_name (season));
  coop->crop_year = furrow_season_get_crop_year (season);
  coop->notice_date = g_strdup (notice_date);
  /* The notice period and its objections (docs/domain.md §15). */
  coop->n_objections = -1;
  if (notice_date != NULL && *notice_date != '\0')
    {
      g_autoptr(GPtrArray) objections = furrow_store_get_objections (store, season, NULL);

      coop->notice_end = furrow_notice_end_date (notice_date,
                                                 furrow_season_get_notice_days (season));
      coop->n_objections = objections != NULL ? (int) objections->len : -1;
    }
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
}

/* For g_ptr_array_sort(): pointers to strings. */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The households of the register not in the settlement (`settled`: code → household), in code
 * order, each "CODE NAME: why"; NULL when there are none (issue 13, item 4: no household is
 * dropped silently). The settlement holds every household that had parcels when it was settled
 * (furrow_store_build_settlement_input()). */
static char **
left_out (FurrowStore *store,
          GListModel  *parcels,
          GHashTable  *settled)
{
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(GHashTable) with_parcels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      /* The code is the parcel's, which the parcels model keeps alive. */
      g_hash_table_add (with_parcels, (gpointer) furrow_parcel_get_household_code (parcel));
    }
  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      const char *code = furrow_household_get_code (household);
      const char *name = furrow_household_get_name (household);

      if (code == NULL || g_hash_table_contains (settled, code))
        continue;
      if (g_hash_table_contains (with_parcels, code))
        /* Translators: a household left out of the statements: its code, name and why */
        g_ptr_array_add (lines, g_strdup_printf (_("%s %s: its parcels were added after the "
                                                   "season was settled"),
                                                 code, name != NULL ? name : ""));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%s %s: no parcels"), code,
                                                 name != NULL ? name : ""));
    }
  if (lines->len == 0)
    return NULL;
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

FurrowReport *
furrow_report_new_from_season (FurrowStore   *store,
                               FurrowSeason  *season,
                               const char    *notice_date,
                               GError       **error)
{
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GHashTable) field_names = NULL;
  g_autoptr(GHashTable) by_code = NULL;
  g_autoptr(FurrowReport) report = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("Season “%s” is not settled yet"), furrow_season_get_name (season));
      return NULL;
    }
  s = furrow_store_get_settlement (store, season, error);
  if (s == NULL)
    return NULL;

  /* The date given, else the season's own (furrow_store_set_notice_date()). */
  if (notice_date == NULL && furrow_season_get_notice_date (season) != NULL
      && *furrow_season_get_notice_date (season) != '\0')
    notice_date = furrow_season_get_notice_date (season);
  report = g_new0 (FurrowReport, 1);
  fill_cooperative (&report->cooperative, store, season, notice_date, s);

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
      h->fee_area_mu = row->fee_area_m2 > 0.0
                       ? furrow_economics_area_cmu (row->fee_area_m2) / 100.0 : 0.0;
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

      /* A full-custody household billed fees also shows its half-custody parcels. */
      if (h == NULL || (furrow_parcel_get_custody (parcel) != h->custody &&
                        !(h->custody == FURROW_CUSTODY_FULL && h->fee_fen > 0)))
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

  report->left_out = left_out (store, parcels, by_code);
  return g_steal_pointer (&report);
}
