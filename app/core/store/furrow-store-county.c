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
  g_autoptr(GArray) plans = furrow_store_get_plans (store, season, error);
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GHashTable) planned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autofree FurrowEconomicsComparison *per_field = NULL;
  FurrowEconomicsComparison total;
  gint64 season_cost_fen = 0;

  if (plans == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      gint64 id = g_array_index (plans, FurrowSeasonPlan, i).field_id;

      g_hash_table_add (planned, g_memdup2 (&id, sizeof id));
    }
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
      if (!g_hash_table_contains (planned, &f->field_id))
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

static gboolean
fill_row (FurrowStore      *store,
          const char       *code,
          guint             year,
          FurrowCountyRow  *row,
          GError          **error)
{
  g_autoptr(GListModel) field_list = furrow_store_get_fields (store);
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

  row->code = g_strdup (code);
  row->name = g_strdup (furrow_store_get_cooperative_name (store));
  if ((row->fields = furrow_store_count_fields (store, error)) < 0 ||
      (row->households = furrow_store_count_households (store, error)) < 0 ||
      (row->parcels = furrow_store_count_parcels (store, error)) < 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (field_list); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (field_list, i);

      row->custody_area_m2 += furrow_field_get_registered_area_m2 (field);
    }
  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, i);

      if (furrow_season_get_crop_year (season) == year && !add_season (store, season, row, error))
        return FALSE;
    }
  return TRUE;
}

/* Each cooperative is opened and summed by one of a few worker threads, each store on its own
 * connection and used by one thread at a time (furrow-store.h): the server answers one
 * cooperative while the client sums another (docs/benchmarks.md, the county summary). */
#define N_WORKERS 4

typedef struct
{
  const char      *code;
  FurrowStore     *store;
  guint            latest_year;  /* of its seasons */
  FurrowCountyRow  row;
  GError          *error;
} CountyJob;

typedef struct
{
  const char *uri;
  CountyJob  *jobs;
  guint       n_jobs;
  guint       year;              /* 0 in the first pass, which opens the stores */
  guint       next;              /* the next job to take, atomically */
} CountyWork;

static void
open_job (const char *uri,
          CountyJob  *job)
{
  g_autoptr(GListModel) seasons = NULL;

  job->store = furrow_store_open_server (uri, job->code, &job->error);
  if (job->store == NULL)
    return;
  seasons = furrow_store_get_seasons (job->store);
  for (guint j = 0; j < g_list_model_get_n_items (seasons); j++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, j);

      job->latest_year = MAX (job->latest_year, furrow_season_get_crop_year (season));
    }
}

static gpointer
county_worker (gpointer data)
{
  CountyWork *work = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&work->next, 1)) < work->n_jobs)
    {
      CountyJob *job = &work->jobs[i];

      if (work->year == 0)
        open_job (work->uri, job);
      else if (job->store != NULL &&
               !fill_row (job->store, job->code, work->year, &job->row, &job->error))
        furrow_county_row_clear (&job->row);
    }
  return NULL;
}

/* Runs one pass of `work` over every job with the workers; the first job's error, in code order,
 * or NULL. */
static GError *
run_county_pass (CountyWork *work)
{
  GThread *threads[N_WORKERS];
  guint n_threads = MIN (N_WORKERS, work->n_jobs);

  work->next = 0;
  for (guint t = 0; t < n_threads; t++)
    threads[t] = g_thread_new ("county", county_worker, work);
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (threads[t]);
  for (guint i = 0; i < work->n_jobs; i++)
    if (work->jobs[i].error != NULL)
      return g_steal_pointer (&work->jobs[i].error);
  return NULL;
}

static void
county_jobs_free (CountyWork *work)
{
  for (guint i = 0; i < work->n_jobs; i++)
    {
      g_clear_object (&work->jobs[i].store);
      g_clear_error (&work->jobs[i].error);
      furrow_county_row_clear (&work->jobs[i].row);
    }
  g_free (work->jobs);
}

GArray *
furrow_store_county_summary (const char       *uri,
                             guint             year,
                             guint            *year_used,
                             FurrowCountyRow  *total,
                             GError          **error)
{
  g_auto(GStrv) codes = furrow_store_server_list (uri, error);
  g_autoptr(GArray) rows = NULL;
  CountyWork work = { uri, NULL, 0, 0, 0 };
  GError *failed;

  memset (total, 0, sizeof *total);
  if (codes == NULL)
    return NULL;
  work.n_jobs = g_strv_length (codes);
  work.jobs = g_new0 (CountyJob, work.n_jobs);
  for (guint i = 0; i < work.n_jobs; i++)
    work.jobs[i].code = codes[i];
  if ((failed = run_county_pass (&work)) != NULL)
    goto fail;

  /* The latest crop year of any season on the server. */
  if (year == 0)
    for (guint i = 0; i < work.n_jobs; i++)
      year = MAX (year, work.jobs[i].latest_year);
  if (year_used != NULL)
    *year_used = year;

  rows = g_array_sized_new (FALSE, TRUE, sizeof (FurrowCountyRow), work.n_jobs);
  g_array_set_clear_func (rows, (GDestroyNotify) furrow_county_row_clear);
  /* Without any season (year 0) no season is summed, as before: fill_row reads the register. */
  work.year = year > 0 ? year : G_MAXUINT;
  if ((failed = run_county_pass (&work)) != NULL)
    goto fail;
  for (guint i = 0; i < work.n_jobs; i++)
    {
      add_row (total, &work.jobs[i].row);
      g_array_append_val (rows, work.jobs[i].row);
      memset (&work.jobs[i].row, 0, sizeof work.jobs[i].row);
    }
  county_jobs_free (&work);
  return g_steal_pointer (&rows);

fail:
  county_jobs_free (&work);
  g_propagate_error (error, failed);
  return NULL;
}
