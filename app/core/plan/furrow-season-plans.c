/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-season-plans.h"

#include <glib/gi18n.h>
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

const FurrowSeasonPlan *
furrow_season_plans_find (GArray *plans,
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
      const FurrowSeasonPlan *plan = furrow_season_plans_find (plans, e->field_id);
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
      row->row_version = plan != NULL ? plan->row_version : FURROW_ROW_VERSION_NONE;
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

/* The version of the plan of fields[i] the caller read, or 0 (not checked) without `versions`. */
static gint64
version_read (const gint64 *versions,
              guint         i)
{
  return versions != NULL ? versions[i] : 0;
}

gboolean
furrow_season_plan_fields (FurrowStore          *store,
                           FurrowSeason         *season,
                           FurrowField * const  *fields,
                           guint                 n_fields,
                           const gint64         *versions,
                           const FurrowPattern  *pattern,
                           const char           *preset,
                           const char           *yield_preset,
                           GArray              **previous,
                           GError              **error)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) plans = g_array_sized_new (FALSE, TRUE, sizeof (FurrowSeasonPlan), n_fields);

  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);

  for (guint i = 0; i < n_fields; i++)
    if (furrow_field_get_id (fields[i]) <= 0)
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("field %s is not in the project"), furrow_field_get_code (fields[i]));
        return FALSE;
      }
  if (previous != NULL)
    {
      g_autoptr(GArray) all = furrow_store_get_plans (store, season, error);

      if (all == NULL)
        return FALSE;
      before = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonPlan));
      for (guint i = 0; i < n_fields; i++)
        {
          const FurrowSeasonPlan *plan = furrow_season_plans_find (all,
                                                                   furrow_field_get_id (fields[i]));

          if (plan != NULL)
            g_array_append_val (before, *plan);
        }
    }
  for (guint i = 0; i < n_fields; i++)
    {
      FurrowSeasonPlan plan = { .field_id = furrow_field_get_id (fields[i]), .pattern = *pattern,
                                .row_version = version_read (versions, i) };

      g_strlcpy (plan.preset, preset != NULL ? preset : "", sizeof plan.preset);
      g_strlcpy (plan.yield_preset, yield_preset != NULL ? yield_preset : "",
                 sizeof plan.yield_preset);
      g_array_append_val (plans, plan);
    }
  if (!furrow_store_save_plans (store, season, (FurrowSeasonPlan *) plans->data, plans->len,
                                error))
    return FALSE;
  if (previous != NULL)
    *previous = g_steal_pointer (&before);
  return TRUE;
}

typedef struct
{
  FurrowSeason *season;
  GArray       *plans;     /* FurrowSeasonPlan */
} Restore;

static gboolean
save_restored (FurrowStore  *store,
               gpointer      user_data,
               GError      **error)
{
  Restore *restore = user_data;

  return furrow_store_save_plans (store, restore->season,
                                  (FurrowSeasonPlan *) restore->plans->data, restore->plans->len,
                                  error);
}

gboolean
furrow_season_restore_plans (FurrowStore          *store,
                             FurrowSeason         *season,
                             FurrowField * const  *fields,
                             guint                 n_fields,
                             GArray               *plans,
                             const gint64         *versions,
                             GError              **error)
{
  g_autoptr(GArray) writes = g_array_sized_new (FALSE, TRUE, sizeof (FurrowSeasonPlan), n_fields);
  Restore restore;

  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  for (guint i = 0; i < n_fields; i++)
    {
      gint64 field_id = furrow_field_get_id (fields[i]);
      const FurrowSeasonPlan *plan = furrow_season_plans_find (plans, field_id);
      FurrowSeasonPlan write = { .field_id = field_id, .none = TRUE };

      if (plan != NULL)
        write = *plan;
      write.row_version = version_read (versions, i);
      g_array_append_val (writes, write);
    }
  restore.season = season;
  restore.plans = writes;
  /* As one batch: an undo takes no restore point (docs/architecture.md, Restore points). */
  return furrow_store_transaction (store, save_restored, &restore, error);
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
      if (plans == NULL || harvests == NULL || furrow_season_plans_find (plans, field_id) != NULL)
        return TRUE;
      for (guint j = 0; j < harvests->len; j++)
        if (g_array_index (harvests, FurrowSeasonHarvest, j).field_id == field_id)
          return TRUE;
    }
  return FALSE;
}
