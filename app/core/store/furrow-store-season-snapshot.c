/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A whole season kept and put back (furrow-store-season.h): what undoing the creation or the
 * deletion of a season needs, as two store calls (docs/architecture.md, Edits). */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>

#include "furrow-store-private.h"
#include "furrow-store-season-private.h"

struct _FurrowSeasonSnapshot
{
  FurrowSeason *rules;       /* name, year, notes and money rules (id 0) */
  GArray       *plans;       /* FurrowSeasonPlan */
  GArray       *harvests;    /* FurrowSeasonHarvest */
  GArray       *costs;       /* FurrowSeasonActualCost */
  GHashTable   *operations;  /* household id → GPtrArray of operations ("" for none) */
};

void
furrow_season_snapshot_free (FurrowSeasonSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_object (&snapshot->rules);
  g_clear_pointer (&snapshot->plans, g_array_unref);
  g_clear_pointer (&snapshot->harvests, g_array_unref);
  g_clear_pointer (&snapshot->costs, g_array_unref);
  g_clear_pointer (&snapshot->operations, g_hash_table_unref);
  g_free (snapshot);
}

FurrowSeasonSnapshot *
furrow_store_snapshot_season (FurrowStore   *self,
                              FurrowSeason  *season,
                              GError       **error)
{
  g_autoptr(FurrowSeasonSnapshot) snapshot = g_new0 (FurrowSeasonSnapshot, 1);

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!_furrow_season_check_writable (self, season, error))
    return NULL;
  /* The rules as the file holds them, not as the object may have been edited since. */
  snapshot->rules = furrow_season_new_empty ();
  furrow_season_set_name (snapshot->rules, furrow_season_get_name (season));
  _furrow_season_set_id (snapshot->rules, furrow_season_get_id (season));
  if (!_furrow_season_load_rules (self, snapshot->rules, error))
    return NULL;
  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, "SELECT name, crop_year, notes FROM seasons WHERE id = ?1",
                              error);
    if (stmt == NULL)
      return NULL;
    furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
    if (!furrow_statement_step (stmt, error))
      {
        if (error != NULL && *error == NULL)
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                       _("season “%s” is not in the project"), furrow_season_get_name (season));
        return NULL;
      }
    furrow_season_set_name (snapshot->rules, furrow_statement_get_text (stmt, 0));
    furrow_season_set_crop_year (snapshot->rules, (guint) furrow_statement_get_int64 (stmt, 1));
    furrow_season_set_notes (snapshot->rules, furrow_statement_get_text (stmt, 2));
  }
  _furrow_season_set_id (snapshot->rules, 0);
  if (!_furrow_season_read_field_records (self, season, &snapshot->plans, &snapshot->harvests,
                                          error))
    return NULL;
  snapshot->costs = furrow_store_get_actual_costs (self, season, error);
  if (snapshot->costs == NULL)
    return NULL;
  snapshot->operations = _furrow_season_load_operations (self, season, error);
  if (snapshot->operations == NULL)
    return NULL;
  return g_steal_pointer (&snapshot);
}

/* The operations of `ops` as furrow_store_set_household_operations() takes them: "" alone is
 * none (an empty list). */
static const char **
operations_list (GPtrArray *ops)
{
  const char **list = g_new0 (const char *, ops->len + 1);
  guint n = 0;

  for (guint i = 0; i < ops->len; i++)
    if (*(const char *) ops->pdata[i] != '\0')
      list[n++] = ops->pdata[i];
  return list;
}

/* Writes the snapshot's rows for `season`, just added: what it changed in `what`. */
static gboolean
restore_rows (FurrowStore                *self,
              FurrowSeason               *season,
              const FurrowSeasonSnapshot *snapshot,
              FurrowSeasonChange         *what,
              GError                    **error)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  for (guint i = 0; i < snapshot->plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (snapshot->plans, FurrowSeasonPlan, i);
      FurrowField *field = furrow_store_get_field_by_id (self, plan->field_id);

      if (field == NULL)
        continue;
      if (!_furrow_season_set_plan (self, season, field, &plan->pattern, plan->preset,
                                    plan->yield_preset, error))
        return FALSE;
      *what |= FURROW_SEASON_CHANGE_PLANS;
    }
  for (guint i = 0; i < snapshot->harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (snapshot->harvests, FurrowSeasonHarvest, i);
      FurrowField *field = furrow_store_get_field_by_id (self, h->field_id);

      if (field == NULL)
        continue;
      if (!_furrow_season_set_harvest (self, season, field, h->crop, h->yield_kg, h->revenue_fen,
                                       0, error))
        return FALSE;
      *what |= FURROW_SEASON_CHANGE_HARVESTS | FURROW_SEASON_CHANGE_STATE;
    }
  for (guint i = 0; i < snapshot->costs->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (snapshot->costs, FurrowSeasonActualCost,
                                                        i);
      FurrowField *field = c->field_id > 0 ? furrow_store_get_field_by_id (self, c->field_id)
                                           : NULL;

      if (c->field_id > 0 && field == NULL)
        continue;
      if (!_furrow_season_set_actual_cost (self, season, field, c->item, c->fen, error))
        return FALSE;
      *what |= FURROW_SEASON_CHANGE_HARVESTS;
    }
  g_hash_table_iter_init (&iter, snapshot->operations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FurrowHousehold *household = furrow_store_get_household_by_id (self, *(gint64 *) key);
      g_autofree const char **ops = NULL;

      if (household == NULL)
        continue;
      ops = operations_list (value);
      if (!_furrow_season_set_operations (self, season, household, ops, error))
        return FALSE;
      *what |= FURROW_SEASON_CHANGE_OPERATIONS;
    }
  return TRUE;
}

gint64
furrow_store_restore_season (FurrowStore                *self,
                             const FurrowSeasonSnapshot *snapshot,
                             GError                    **error)
{
  g_autoptr(FurrowSeason) season = furrow_season_new_empty ();
  FurrowSeasonChange what = FURROW_SEASON_CHANGE_ADDED;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), 0);
  g_return_val_if_fail (snapshot != NULL, 0);

  furrow_season_copy_rules (season, snapshot->rules);
  if (!_furrow_store_op_begin (self, error))
    return 0;
  _furrow_season_touch_model (self);
  ok = _furrow_season_insert (self, season, 0, FURROW_SEASON_PLANNING, error) &&
       restore_rows (self, season, snapshot, &what, error);
  if (ok)
    _furrow_season_touch (self, season, what, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return 0;
  return furrow_season_get_id (season);
}
