/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The county view (docs/architecture.md, The backend seam, The county view): every cooperative
 * of a server opened as the store it is, and each figure computed by the same functions its own
 * commands use — the register's counts and the fields' registered area (`furrow-cli list`), the
 * plans and the season's prediction (`season predict`: furrow_store_get_season_fields() and
 * furrow_economics_season()), the frozen settlement (`season settle`) and the payments
 * (`bank-return`) — so that the totals reconcile with each cooperative's own figures by
 * construction. */

#include "config.h"

#include "furrow-store-county.h"

#include <string.h>

#include "furrow-economics.h"
#include "furrow-field.h"
#include "furrow-store-payment.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"

void
furrow_county_row_clear (FurrowCountyRow *row)
{
  g_clear_pointer (&row->code, g_free);
  g_clear_pointer (&row->name, g_free);
}

static void
add_row (FurrowCountyRow       *total,
         const FurrowCountyRow *row)
{
  total->fields += row->fields;
  total->households += row->households;
  total->parcels += row->parcels;
  total->custody_area_m2 += row->custody_area_m2;
  total->seasons += row->seasons;
  total->planned_maize += row->planned_maize;
  total->planned_soybean += row->planned_soybean;
  total->planned_strip += row->planned_strip;
  total->predicted_revenue_fen += row->predicted_revenue_fen;
  total->predicted_net_fen += row->predicted_net_fen;
  total->settled_seasons += row->settled_seasons;
  total->settled_income_fen += row->settled_income_fen;
  total->households_due_fen += row->households_due_fen;
  total->paid_households += row->paid_households;
  total->paid_fen += row->paid_fen;
  total->unpaid_households += row->unpaid_households;
  total->unpaid_fen += row->unpaid_fen;
}

/* One season's plans, prediction, settlement and payments into row. */
static gboolean
add_season (FurrowStore      *store,
            FurrowSeason     *season,
            FurrowCountyRow  *row,
            GError          **error)
{
  g_autoptr(GArray) fields = NULL;
  g_autofree FurrowEconomicsComparison *per_field = NULL;
  FurrowEconomicsComparison total;
  gint64 season_cost_fen = 0;

  fields = furrow_store_get_season_fields (store, season, &season_cost_fen, error);
  if (fields == NULL)
    return FALSE;
  per_field = g_new0 (FurrowEconomicsComparison, fields->len + 1);
  furrow_economics_season ((const FurrowEconomicsField *) fields->data, fields->len,
                           furrow_season_other_income_fen (season), season_cost_fen, per_field,
                           &total);
  row->seasons++;
  row->predicted_revenue_fen += total.predicted.revenue_total_fen;
  row->predicted_net_fen += total.predicted.net_fen;
  for (guint i = 0; i < fields->len; i++)
    {
      const FurrowEconomicsField *f = &g_array_index (fields, FurrowEconomicsField, i);

      /* The pattern as `season predict` names it. */
      if (!f->planned)
        continue;
      if (f->strip)
        row->planned_strip++;
      else if (f->grows[FURROW_CROP_SOYBEAN])
        row->planned_soybean++;
      else
        row->planned_maize++;
    }

  if (furrow_season_get_state (season) == FURROW_SEASON_SETTLED)
    {
      g_autoptr(FurrowSeasonSettlement) settlement =
        furrow_store_get_settlement (store, season, error);
      g_autoptr(GHashTable) payments = NULL;

      if (settlement == NULL)
        return FALSE;
      payments = furrow_store_get_payments (store, season, error);
      if (payments == NULL)
        return FALSE;
      row->settled_seasons++;
      row->settled_income_fen += settlement->totals.income_fen;
      for (gsize i = 0; i < settlement->n_rows; i++)
        {
          const FurrowSeasonSettlementRow *r = &settlement->rows[i];
          FurrowPayment *payment = g_hash_table_lookup (payments, r->code);

          /* Only a household owed money is paid (docs/domain.md §12). */
          if (r->total_fen <= 0)
            continue;
          row->households_due_fen += r->total_fen;
          if (payment != NULL && payment->status == FURROW_PAYMENT_PAID)
            {
              row->paid_households++;
              row->paid_fen += r->total_fen;
            }
          else
            {
              row->unpaid_households++;
              row->unpaid_fen += r->total_fen;
            }
        }
    }
  return TRUE;
}

/* The fields' registered area, each field's as its model reads it (furrow-store-kinds.c),
 * added in the model's order, without building the fields and their geometries. */
static gboolean
custody_area (FurrowStore  *store,
              double       *area_m2,
              GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = furrow_database_prepare (_furrow_store_get_database (store),
                                  "SELECT (SELECT total (p.registered_area_m2) FROM parcels p"
                                  " WHERE p.field_id = f.id) FROM fields f ORDER BY f.id", error);
  if (stmt == NULL)
    return FALSE;
  while (furrow_statement_step (stmt, &local_error))
    *area_m2 += furrow_statement_get_double (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fill_row (FurrowStore      *store,
          const char       *code,
          guint             year,
          FurrowCountyRow  *row,
          GError          **error)
{
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

  row->code = g_strdup (code);
  row->name = g_strdup (furrow_store_get_cooperative_name (store));
  if ((row->fields = furrow_store_count_fields (store, error)) < 0 ||
      (row->households = furrow_store_count_households (store, error)) < 0 ||
      (row->parcels = furrow_store_count_parcels (store, error)) < 0 ||
      !custody_area (store, &row->custody_area_m2, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, i);

      if (furrow_season_get_crop_year (season) == year && !add_season (store, season, row, error))
        return FALSE;
    }
  return TRUE;
}

/* One connection for the whole county: each cooperative's store shares it, its schema made the
 * connection's before each use, so that its statements are prepared once for all of them
 * (docs/benchmarks.md). The list holds only the cooperatives the user may open. */
GArray *
furrow_store_county_summary (const char       *uri,
                             guint             year,
                             guint            *year_used,
                             FurrowCountyRow  *total,
                             GError          **error)
{
  g_autoptr(FurrowDatabase) database = _furrow_store_server_connect (uri, error);
  g_auto(GStrv) codes = NULL;
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GArray) rows = NULL;

  memset (total, 0, sizeof *total);
  if (database == NULL ||
      (codes = _furrow_store_server_cooperatives (database, error)) == NULL)
    return NULL;
  stores = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      FurrowStore *store = _furrow_store_open_shared (database, codes[i], error);

      if (store == NULL)
        return NULL;
      g_ptr_array_add (stores, store);
    }

  /* The latest crop year of any season on the server. */
  if (year == 0)
    for (guint i = 0; i < stores->len; i++)
      {
        g_autoptr(GListModel) seasons = NULL;

        if (!_furrow_store_server_resume (stores->pdata[i], error))
          return NULL;
        seasons = furrow_store_get_seasons (stores->pdata[i]);
        for (guint j = 0; j < g_list_model_get_n_items (seasons); j++)
          {
            g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, j);

            year = MAX (year, furrow_season_get_crop_year (season));
          }
      }
  if (year_used != NULL)
    *year_used = year;

  rows = g_array_sized_new (FALSE, TRUE, sizeof (FurrowCountyRow), stores->len);
  g_array_set_clear_func (rows, (GDestroyNotify) furrow_county_row_clear);
  for (guint i = 0; i < stores->len; i++)
    {
      FurrowCountyRow row = { 0 };

      if (!_furrow_store_server_resume (stores->pdata[i], error) ||
          !fill_row (stores->pdata[i], codes[i], year, &row, error))
        {
          furrow_county_row_clear (&row);
          return NULL;
        }
      add_row (total, &row);
      g_array_append_val (rows, row);
    }
  return g_steal_pointer (&rows);
}
