/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-season-plans.h"

#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* The table                                                                                  */

void
furrow_season_table_free (FurrowSeasonTable *table)
{
  if (table == NULL)
    return;
  for (gsize i = 0; i < table->n_rows; i++)
    {
      g_free (table->rows[i].code);
      g_free (table->rows[i].name);
    }
  g_free (table->rows);
  g_free (table);
}

static const FurrowSeasonPlan *
find_plan (GArray *plans,
           gint64  field_id)
{
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    if (g_array_index (plans, FurrowSeasonPlan, i).field_id == field_id)
      return &g_array_index (plans, FurrowSeasonPlan, i);
  return NULL;
}

FurrowSeasonTable *
furrow_season_table_compute (FurrowStore   *store,
                             FurrowSeason  *season,
                             GError       **error)
{
  g_autoptr(FurrowSeasonTable) table = g_new0 (FurrowSeasonTable, 1);
  g_autoptr(GArray) economics = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autofree FurrowEconomicsComparison *per_field = NULL;
  FurrowSeasonTableRow *total = &table->total;
  gint64 season_cost_fen = 0;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  plans = furrow_store_get_plans (store, season, error);
  if (plans == NULL)
    return NULL;
  economics = furrow_store_get_season_fields (store, season, &season_cost_fen, error);
  if (economics == NULL)
    return NULL;
  fields = furrow_store_get_fields (store);
  per_field = g_new0 (FurrowEconomicsComparison, economics->len + 1);
  for (guint i = 0; i < economics->len; i++)
    furrow_economics_predict_field (&g_array_index (economics, FurrowEconomicsField, i),
                                    &per_field[i].predicted);

  table->n_rows = economics->len;
  table->rows = g_new0 (FurrowSeasonTableRow, economics->len + 1);
  for (guint i = 0; i < economics->len; i++)
    {
      const FurrowEconomicsField *e = &g_array_index (economics, FurrowEconomicsField, i);
      const FurrowEconomicsFigures *p = &per_field[i].predicted;
      const FurrowSeasonPlan *plan = find_plan (plans, e->field_id);
      FurrowSeasonTableRow *row = &table->rows[i];
      g_autoptr(FurrowField) field = NULL;

      /* furrow_store_get_season_fields() lists the fields in the model's order. */
      if (i < g_list_model_get_n_items (fields))
        field = g_list_model_get_item (fields, i);
      if (field != NULL && furrow_field_get_id (field) != e->field_id)
        g_clear_object (&field);

      row->field_id = e->field_id;
      row->code = g_strdup (e->code);
      row->name = g_strdup (field != NULL ? furrow_field_get_name (field) : "");
      row->registered_area_m2 = field != NULL ? furrow_field_get_registered_area_m2 (field) : 0;
      row->measured_area_m2 = field != NULL ? furrow_field_get_measured_area_m2 (field) : 0;
      if (plan != NULL)
        {
          row->planned = TRUE;
          g_strlcpy (row->preset, plan->preset, sizeof row->preset);
          g_strlcpy (row->yield_preset, plan->yield_preset, sizeof row->yield_preset);
          for (guint c = 0; c < FURROW_N_CROPS; c++)
            {
              row->planted_area_m2 += e->planted_area_m2[c];
              row->yield_kg[c] = p->yield_kg[c];
            }
        }
      row->revenue_fen = p->revenue_total_fen;
      row->cost_fen = p->cost_fen;
      row->subsidy_fen = p->subsidy_fen;
      row->net_fen = p->net_fen;

      table->n_planned += row->planned ? 1 : 0;
      total->registered_area_m2 += row->registered_area_m2;
      total->measured_area_m2 += row->measured_area_m2;
      total->planted_area_m2 += row->planted_area_m2;
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        total->yield_kg[c] += row->yield_kg[c];
      total->revenue_fen += row->revenue_fen;
      total->cost_fen += row->cost_fen;
      total->subsidy_fen += row->subsidy_fen;
      total->net_fen += row->net_fen;
    }
  table->other_income_fen = furrow_season_other_income_fen (season);
  table->season_net_fen = total->net_fen + table->other_income_fen;
  return g_steal_pointer (&table);
}

/* ------------------------------------------------------------------------------------------ */
/* Batches                                                                                    */

typedef struct
{
  FurrowSeason        *season;
  FurrowField * const *fields;
  guint                n_fields;
  const FurrowPattern *pattern;
  const char          *preset;
  const char          *yield_preset;
  GArray              *plans;
} Batch;

gboolean
furrow_season_plan_fields (FurrowStore          *store,
                           FurrowSeason         *season,
                           FurrowField * const  *fields,
                           guint                 n_fields,
                           const FurrowPattern  *pattern,
                           const char           *preset,
                           const char           *yield_preset,
                           GArray              **previous,
                           GError              **error)
{
  g_autoptr(GArray) before = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);

  if (previous != NULL)
    {
      g_autoptr(GArray) all = furrow_store_get_plans (store, season, error);

      if (all == NULL)
        return FALSE;
      before = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonPlan));
      for (guint i = 0; i < n_fields; i++)
        {
          const FurrowSeasonPlan *plan = find_plan (all, furrow_field_get_id (fields[i]));

          if (plan != NULL)
            g_array_append_val (before, *plan);
        }
    }
  if (!furrow_store_set_plans (store, season, fields, n_fields, pattern, preset, yield_preset,
                               error))
    return FALSE;
  if (previous != NULL)
    *previous = g_steal_pointer (&before);
  return TRUE;
}

static gboolean
restore_plans (FurrowStore  *store,
               gpointer      user_data,
               GError      **error)
{
  Batch *batch = user_data;

  for (guint i = 0; i < batch->n_fields; i++)
    {
      const FurrowSeasonPlan *plan = find_plan (batch->plans,
                                                furrow_field_get_id (batch->fields[i]));
      gboolean ok;

      if (plan != NULL)
        ok = furrow_store_set_plan (store, batch->season, batch->fields[i], &plan->pattern,
                                    plan->preset, plan->yield_preset, error);
      else
        ok = furrow_store_delete_plan (store, batch->season, batch->fields[i], error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
furrow_season_restore_plans (FurrowStore          *store,
                             FurrowSeason         *season,
                             FurrowField * const  *fields,
                             guint                 n_fields,
                             GArray               *plans,
                             GError              **error)
{
  Batch batch = { season, fields, n_fields, NULL, NULL, NULL, plans };

  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  return furrow_store_transaction (store, restore_plans, &batch, error);
}

gboolean
furrow_season_field_is_settled (FurrowStore *store,
                                FurrowField *field)
{
  g_autoptr(GListModel) seasons = NULL;
  gint64 field_id;

  g_return_val_if_fail (FURROW_IS_STORE (store), TRUE);
  g_return_val_if_fail (FURROW_IS_FIELD (field), TRUE);

  seasons = furrow_store_get_seasons (store);
  field_id = furrow_field_get_id (field);
  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, i);
      g_autoptr(GArray) plans = NULL;
      g_autoptr(GArray) harvests = NULL;

      if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
        continue;
      plans = furrow_store_get_plans (store, season, NULL);
      harvests = furrow_store_get_harvests (store, season, NULL);
      if (plans == NULL || harvests == NULL || find_plan (plans, field_id) != NULL)
        return TRUE;
      for (guint j = 0; j < harvests->len; j++)
        if (g_array_index (harvests, FurrowSeasonHarvest, j).field_id == field_id)
          return TRUE;
    }
  return FALSE;
}
