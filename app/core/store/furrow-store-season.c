/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "furrow-layout.h"
#include "furrow-store-private.h"
#include "furrow-store-yield.h"
#include "furrow-units.h"
#include "furrow-yield-model.h"

/* The seasons model, kept on the store (qdata): re-read from the file after a commit that
 * touched a season; the objects in it are updated in place. */
typedef struct
{
  GListStore *model;
  gboolean    dirty;
  GPtrArray  *touched;  /* SeasonTouch: what the open transaction changed, for season-changed */
} SeasonsState;

/* A season changed in the open transaction: signalled once it is committed. */
typedef struct
{
  gint64              id;
  FurrowSeason       *season;      /* the caller's object (a removed season is in no model) */
  FurrowSeasonChange  what;
  gboolean            settlement;  /* settled or reopened: settlement-changed as well */
} SeasonTouch;

static void
season_touch_free (gpointer data)
{
  SeasonTouch *touch = data;

  g_clear_object (&touch->season);
  g_free (touch);
}

static void
seasons_state_free (gpointer data)
{
  SeasonsState *state = data;

  g_clear_object (&state->model);
  g_clear_pointer (&state->touched, g_ptr_array_unref);
  g_free (state);
}

static SeasonsState *
seasons_state (FurrowStore *self)
{
  SeasonsState *state = g_object_get_data (G_OBJECT (self), "furrow-seasons");

  if (state == NULL)
    {
      state = g_new0 (SeasonsState, 1);
      state->touched = g_ptr_array_new_with_free_func (season_touch_free);
      g_object_set_data_full (G_OBJECT (self), "furrow-seasons", state, seasons_state_free);
    }
  return state;
}

static void
touch_seasons (FurrowStore *self)
{
  seasons_state (self)->dirty = TRUE;
}

/* Records what changed in season (see FurrowSeasonChange) for the season-changed signal after
 * the commit; settlement: settlement-changed too. */
static void
touch_season (FurrowStore        *self,
              FurrowSeason       *season,
              FurrowSeasonChange  what,
              gboolean            settlement)
{
  SeasonTouch *touch = g_new0 (SeasonTouch, 1);

  touch->id = furrow_season_get_id (season);
  touch->season = g_object_ref (season);
  touch->what = what;
  touch->settlement = settlement;
  g_ptr_array_add (seasons_state (self)->touched, touch);
}

static FurrowStatement *
prepare (FurrowStore  *self,
         const char   *sql,
         GError      **error)
{
  return furrow_database_prepare (_furrow_store_get_database (self), sql, error);
}

static char *
season_object (FurrowSeason *season)
{
  return g_strdup_printf ("season:%s", furrow_season_get_name (season));
}

/* Runs a statement that binds only the season id (?1). */
static gboolean
run_for_season (FurrowStore  *self,
                const char   *sql,
                gint64        season_id,
                GError      **error)
{
  g_autoptr(FurrowStatement) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, season_id);
  return furrow_statement_run (stmt, error);
}

typedef void (*SeasonRowFunc) (FurrowStatement *stmt,
                               gpointer         user_data);

/* Calls func for each row of a query that binds only the season id (?1). */
static gboolean
foreach_season_row (FurrowStore    *self,
                    const char     *sql,
                    gint64          season_id,
                    SeasonRowFunc   func,
                    gpointer        user_data,
                    GError        **error)
{
  g_autoptr(FurrowStatement) stmt = prepare (self, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, season_id);
  while (furrow_statement_step (stmt, &local_error))
    func (stmt, user_data);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Whether the file has a field with this id. */
static gboolean
field_in_file (FurrowStore *self,
               gint64       field_id)
{
  g_autoptr(FurrowStatement) stmt = prepare (self, "SELECT 1 FROM fields WHERE id = ?1", NULL);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return TRUE;
  furrow_statement_bind_int64 (stmt, 1, field_id);
  /* A failure to tell: as if it were there (the write's own error is passed on). */
  return furrow_statement_step (stmt, &local_error) || local_error != NULL;
}

/* A write about field `code` (id field_id) failed with local_error (taken): a broken rule of the
 * schema because the field is gone is NOT_FOUND; anything else is passed on. */
static gboolean
field_write_error (FurrowStore  *self,
                   gint64        field_id,
                   const char   *code,
                   GError       *local_error,
                   GError      **error)
{
  if (g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONSTRAINT) &&
      !field_in_file (self, field_id))
    {
      g_error_free (local_error);
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("field %s is not in the project"), code);
      return FALSE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                    */

static void
read_price (FurrowStatement *stmt,
            gpointer         season)
{
  FurrowCrop crop;

  if (furrow_crop_from_string (furrow_statement_get_text (stmt, 0), &crop))
    furrow_season_set_price (season, crop, furrow_statement_get_double (stmt, 1),
                             furrow_statement_get_double (stmt, 2));
}

static void
read_cost (FurrowStatement *stmt,
           gpointer         season)
{
  FurrowCrop crop;

  if (furrow_crop_from_string (furrow_statement_get_text (stmt, 0), &crop))
    furrow_season_set_cost (season, crop, furrow_statement_get_text (stmt, 1),
                            furrow_statement_get_int64 (stmt, 3),
                            furrow_statement_get_int64 (stmt, 2));
}

static void
read_subsidy (FurrowStatement *stmt,
              gpointer         season)
{
  furrow_season_set_subsidy (season, furrow_statement_get_text (stmt, 0),
                             furrow_statement_get_int64 (stmt, 1),
                             furrow_statement_get_boolean (stmt, 2));
}

static void
read_other_income (FurrowStatement *stmt,
                   gpointer         season)
{
  furrow_season_set_other_income (season, furrow_statement_get_text (stmt, 0),
                                  furrow_statement_get_int64 (stmt, 1));
}

static void
read_fee (FurrowStatement *stmt,
          gpointer         season)
{
  furrow_season_set_fee (season, furrow_statement_get_text (stmt, 0),
                         furrow_statement_get_int64 (stmt, 1));
}

static void
read_base_and_split (FurrowStatement *stmt,
                     gpointer         season)
{
  FurrowBaseRule base = { 0 };
  FurrowSurplusSplit split;
  const char *kind = furrow_statement_get_text (stmt, 0);

  base.kind = g_strcmp0 (kind, "in_kind") == 0 ? FURROW_BASE_IN_KIND
            : g_strcmp0 (kind, "annual_share") == 0 ? FURROW_BASE_ANNUAL_SHARE
            : FURROW_BASE_FIXED;
  base.fen_per_mu = furrow_statement_get_int64 (stmt, 1);
  base.kg_per_mu = furrow_statement_get_double (stmt, 2);
  base.price_fen_per_kg = furrow_statement_get_double (stmt, 3);
  base.less_cost_per_mu = furrow_statement_get_boolean (stmt, 4);
  base.annual_fen_per_mu = furrow_statement_get_int64 (stmt, 5);
  base.season_pct = furrow_statement_get_double (stmt, 6);
  split.reserve_pct = furrow_statement_get_double (stmt, 7);
  split.collective_pct = furrow_statement_get_double (stmt, 8);
  split.cooperative_pct = furrow_statement_get_double (stmt, 9);
  split.households_pct = furrow_statement_get_double (stmt, 10);
  furrow_season_set_base_rule (season, &base);
  furrow_season_set_split (season, &split, furrow_statement_get_text (stmt, 11));
}

/* A season's money rules, table by table: the query (?1 the season id) and what a row sets. */
static const struct
{
  const char    *sql;
  SeasonRowFunc  read;
} rule_reads[] = {
  { "SELECT crop, price_fen_per_kg, moisture_pct FROM season_prices WHERE season_id = ?1",
    read_price },
  { "SELECT crop, item, fen_per_mu, ifnull (field_id, 0) FROM season_costs "
    "WHERE season_id = ?1 ORDER BY id", read_cost },
  { "SELECT name, fen_per_mu, strip_only FROM season_subsidies WHERE season_id = ?1 ORDER BY id",
    read_subsidy },
  { "SELECT name, fen FROM season_other_income WHERE season_id = ?1 ORDER BY id",
    read_other_income },
  { "SELECT operation, fen_per_mu FROM season_fees WHERE season_id = ?1 ORDER BY id", read_fee },
  { "SELECT base_kind, base_fen_per_mu, base_kg_per_mu, base_price_fen_per_kg, base_less_cost, "
    "base_annual_fen_per_mu, base_season_pct, reserve_pct, collective_pct, cooperative_pct, "
    "households_pct, split_reason FROM season_rules WHERE season_id = ?1", read_base_and_split },
};

static gboolean
load_rules (FurrowStore   *self,
            FurrowSeason  *season,
            GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_reads); i++)
    if (!foreach_season_row (self, rule_reads[i].sql, furrow_season_get_id (season),
                             rule_reads[i].read, season, error))
      return FALSE;
  return TRUE;
}

#define SEASON_COLUMNS "id, name, crop_year, state, notes"

/* A season from a row of SEASON_COLUMNS, without its rules. */
static FurrowSeason *
read_season (FurrowStatement *stmt)
{
  FurrowSeason *season = furrow_season_new_empty ();
  FurrowSeasonState state = FURROW_SEASON_PLANNING;

  _furrow_season_set_id (season, furrow_statement_get_int64 (stmt, 0));
  furrow_season_set_name (season, furrow_statement_get_text (stmt, 1));
  furrow_season_set_crop_year (season, (guint) furrow_statement_get_int64 (stmt, 2));
  furrow_season_state_from_string (furrow_statement_get_text (stmt, 3), &state);
  _furrow_season_set_state (season, state);
  furrow_season_set_notes (season, furrow_statement_get_text (stmt, 4));
  return season;
}

static GPtrArray *
load_seasons (FurrowStore  *self,
              GError      **error)
{
  g_autoptr(GPtrArray) seasons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  {
    g_autoptr(FurrowStatement) stmt =
      prepare (self, "SELECT " SEASON_COLUMNS " FROM seasons ORDER BY id", error);
    if (stmt == NULL)
      return NULL;
    while (furrow_statement_step (stmt, &local_error))
      g_ptr_array_add (seasons, read_season (stmt));
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }
  for (guint i = 0; i < seasons->len; i++)
    if (!load_rules (self, g_ptr_array_index (seasons, i), error))
      return NULL;
  return g_steal_pointer (&seasons);
}

static void
refresh_model (FurrowStore *self)
{
  SeasonsState *state = seasons_state (self);
  g_autoptr(GPtrArray) seasons = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  state->dirty = FALSE;
  if (state->model == NULL)
    return;
  seasons = load_seasons (self, &error);
  if (seasons == NULL)
    {
      g_message ("%s", error->message);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (state->model));
  /* Keep the objects the UI holds: update them in place. */
  for (guint i = 0; i < seasons->len; i++)
    {
      FurrowSeason *fresh = g_ptr_array_index (seasons, i);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(FurrowSeason) old = g_list_model_get_item (G_LIST_MODEL (state->model), j);

          if (furrow_season_get_id (old) != furrow_season_get_id (fresh))
            continue;
          furrow_season_copy_rules (old, fresh);
          _furrow_season_set_state (old, furrow_season_get_state (fresh));
          g_ptr_array_index (seasons, i) = g_object_ref (old);
          g_object_unref (fresh);
          break;
        }
    }
  g_list_store_splice (state->model, 0, n, seasons->pdata, seasons->len);
}

static FurrowSeason *
live_season (FurrowStore *self,
             gint64       id)
{
  SeasonsState *state = seasons_state (self);
  guint n;

  if (state->model == NULL || id == 0)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (state->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (G_LIST_MODEL (state->model), i);

      if (furrow_season_get_id (season) == id)
        return season;
    }
  return NULL;
}

/* season-changed (and settlement-changed) for each season the transaction touched, once, with
 * what changed in it, in the order they were first touched. */
static void
emit_touched (FurrowStore *self,
              GPtrArray   *touched)
{
  for (guint i = 0; i < touched->len; i++)
    {
      SeasonTouch *touch = g_ptr_array_index (touched, i);
      FurrowSeasonChange what = touch->what;
      gboolean settlement = touch->settlement;
      FurrowSeason *season;

      if (touch->season == NULL)
        continue;
      for (guint j = i + 1; j < touched->len; j++)
        {
          SeasonTouch *later = g_ptr_array_index (touched, j);

          if (later->season != NULL && later->id == touch->id)
            {
              what |= later->what;
              settlement |= later->settlement;
              g_clear_object (&later->season);
            }
        }
      season = (what & FURROW_SEASON_CHANGE_REMOVED) ? NULL : live_season (self, touch->id);
      if (season == NULL)
        season = touch->season;
      _furrow_store_emit_season_changed (self, season, what);
      if (settlement)
        _furrow_store_emit_settlement_changed (self, season);
    }
}

void
_furrow_store_seasons_sync (FurrowStore *self,
                            gboolean     committed)
{
  SeasonsState *state = seasons_state (self);
  g_autoptr(GPtrArray) touched = NULL;

  if (state->dirty && committed)
    refresh_model (self);
  state->dirty = FALSE;
  touched = g_steal_pointer (&state->touched);
  state->touched = g_ptr_array_new_with_free_func (season_touch_free);
  if (committed)
    emit_touched (self, touched);
}

void
_furrow_store_seasons_reload (FurrowStore *self)
{
  refresh_model (self);
}

GListModel *
furrow_store_get_seasons (FurrowStore *self)
{
  SeasonsState *state;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  state = seasons_state (self);
  if (state->model == NULL)
    {
      state->model = g_list_store_new (FURROW_TYPE_SEASON);
      refresh_model (self);
    }
  return g_object_ref (G_LIST_MODEL (state->model));
}

FurrowSeason *
furrow_store_get_season_by_id (FurrowStore *self,
                               gint64       id)
{
  g_autoptr(GListModel) seasons = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  seasons = furrow_store_get_seasons (self);
  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, i);

      /* The model holds its own reference: the season outlives this one. */
      if (furrow_season_get_id (season) == id)
        return season;
    }
  return NULL;
}

FurrowSeason *
furrow_store_find_season (FurrowStore *self,
                          const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSeason) season = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  if (name == NULL)
    return NULL;
  {
    g_autoptr(FurrowStatement) stmt =
      prepare (self, "SELECT " SEASON_COLUMNS " FROM seasons WHERE name = ?1", &error);
    if (stmt == NULL)
      return NULL;
    furrow_statement_bind_text (stmt, 1, name);
    if (!furrow_statement_step (stmt, &error))
      return NULL;
    season = read_season (stmt);
  }
  if (!load_rules (self, season, &error))
    {
      g_message ("%s", error->message);
      return NULL;
    }
  return g_steal_pointer (&season);
}

/* The state in the file (not the object's, which may be stale). */
static gboolean
stored_state (FurrowStore        *self,
              FurrowSeason       *season,
              FurrowSeasonState  *state,
              GError            **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (furrow_season_get_id (season) > 0)
    {
      stmt = prepare (self, "SELECT state FROM seasons WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
      if (furrow_statement_step (stmt, &local_error))
        {
          *state = FURROW_SEASON_PLANNING;
          furrow_season_state_from_string (furrow_statement_get_text (stmt, 0), state);
          return TRUE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
               _("season “%s” is not in the project"), furrow_season_get_name (season));
  return FALSE;
}

/* Fails with READ_ONLY when the stored season is settled. */
static gboolean
check_writable (FurrowStore   *self,
                FurrowSeason  *season,
                GError       **error)
{
  FurrowSeasonState state;

  if (!stored_state (self, season, &state, error))
    return FALSE;
  if (state == FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY,
                   _("season “%s” is settled and read-only; reopen it with a reason to change "
                     "it"), furrow_season_get_name (season));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Seasons                                                                                    */

/* The row binders of rule_writes: bind row i of one rule table (?2 onwards) and return TRUE, or
 * return FALSE when the season has no row i. */
static gboolean
bind_price (FurrowStatement *stmt,
            FurrowSeason    *season,
            guint            crop)
{
  const FurrowSeasonPrice *price;

  if (crop >= FURROW_N_CROPS)
    return FALSE;
  price = furrow_season_get_price (season, crop);
  furrow_statement_bind_text (stmt, 2, furrow_crop_to_string (crop));
  furrow_statement_bind_double (stmt, 3, price->price_fen_per_kg);
  furrow_statement_bind_double (stmt, 4, price->moisture_pct);
  return TRUE;
}

static gboolean
bind_cost (FurrowStatement *stmt,
           FurrowSeason    *season,
           guint            i)
{
  guint n;
  const FurrowSeasonCost *costs = furrow_season_get_costs (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, furrow_crop_to_string (costs[i].crop));
  furrow_statement_bind_text (stmt, 3, costs[i].item);
  furrow_statement_bind_int64 (stmt, 4, costs[i].fen_per_mu);
  furrow_statement_bind_id (stmt, 5, costs[i].field_id);
  return TRUE;
}

static gboolean
bind_subsidy (FurrowStatement *stmt,
              FurrowSeason    *season,
              guint            i)
{
  guint n;
  const FurrowSeasonSubsidy *subsidies = furrow_season_get_subsidies (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, subsidies[i].name);
  furrow_statement_bind_int64 (stmt, 3, subsidies[i].fen_per_mu);
  furrow_statement_bind_boolean (stmt, 4, subsidies[i].strip_only);
  return TRUE;
}

static gboolean
bind_other_income (FurrowStatement *stmt,
                   FurrowSeason    *season,
                   guint            i)
{
  guint n;
  const FurrowSeasonIncome *income = furrow_season_get_other_income (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, income[i].name);
  furrow_statement_bind_int64 (stmt, 3, income[i].fen);
  return TRUE;
}

static gboolean
bind_fee (FurrowStatement *stmt,
          FurrowSeason    *season,
          guint            i)
{
  guint n;
  const FurrowSeasonFee *fees = furrow_season_get_fees (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, fees[i].operation);
  furrow_statement_bind_int64 (stmt, 3, fees[i].fen_per_mu);
  return TRUE;
}

static gboolean
bind_base_and_split (FurrowStatement *stmt,
                     FurrowSeason    *season,
                     guint            i)
{
  const FurrowBaseRule *base = furrow_season_get_base_rule (season);
  const FurrowSurplusSplit *split = furrow_season_get_split (season);

  if (i > 0)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, furrow_base_kind_to_string (base->kind));
  furrow_statement_bind_int64 (stmt, 3, base->fen_per_mu);
  furrow_statement_bind_double (stmt, 4, base->kg_per_mu);
  furrow_statement_bind_double (stmt, 5, base->price_fen_per_kg);
  furrow_statement_bind_boolean (stmt, 6, base->less_cost_per_mu);
  furrow_statement_bind_int64 (stmt, 7, base->annual_fen_per_mu);
  furrow_statement_bind_double (stmt, 8, base->season_pct);
  furrow_statement_bind_double (stmt, 9, split->reserve_pct);
  furrow_statement_bind_double (stmt, 10, split->collective_pct);
  furrow_statement_bind_double (stmt, 11, split->cooperative_pct);
  furrow_statement_bind_double (stmt, 12, split->households_pct);
  furrow_statement_bind_text (stmt, 13, furrow_season_get_split_reason (season));
  return TRUE;
}

/* A season's money rules, table by table: emptied (?1 the season id), then one insert per row
 * (?1 the season id, the rest bound by `bind` for rows 0, 1, … until it returns FALSE). */
static const struct
{
  const char *clear;
  const char *insert;
  gboolean  (*bind) (FurrowStatement *stmt,
                     FurrowSeason    *season,
                     guint            i);
} rule_writes[] = {
  { "DELETE FROM season_prices WHERE season_id = ?1",
    "INSERT INTO season_prices (season_id, crop, price_fen_per_kg, moisture_pct) "
    "VALUES (?1, ?2, ?3, ?4)", bind_price },
  { "DELETE FROM season_costs WHERE season_id = ?1",
    "INSERT INTO season_costs (season_id, crop, item, fen_per_mu, field_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5)", bind_cost },
  { "DELETE FROM season_subsidies WHERE season_id = ?1",
    "INSERT INTO season_subsidies (season_id, name, fen_per_mu, strip_only) "
    "VALUES (?1, ?2, ?3, ?4)", bind_subsidy },
  { "DELETE FROM season_other_income WHERE season_id = ?1",
    "INSERT INTO season_other_income (season_id, name, fen) VALUES (?1, ?2, ?3)",
    bind_other_income },
  { "DELETE FROM season_fees WHERE season_id = ?1",
    "INSERT INTO season_fees (season_id, operation, fen_per_mu) VALUES (?1, ?2, ?3)",
    bind_fee },
  { "DELETE FROM season_rules WHERE season_id = ?1",
    "INSERT INTO season_rules (season_id, base_kind, base_fen_per_mu, base_kg_per_mu, "
    "base_price_fen_per_kg, base_less_cost, base_annual_fen_per_mu, base_season_pct, "
    "reserve_pct, collective_pct, cooperative_pct, households_pct, split_reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    bind_base_and_split },
};

/* A rule the schema refused (local_error, taken): a cost override of a field that is gone, or a
 * negative amount or empty name. */
static gboolean
rules_write_error (FurrowStore   *self,
                   FurrowSeason  *season,
                   GError        *local_error,
                   GError       **error)
{
  guint n;
  const FurrowSeasonCost *costs = furrow_season_get_costs (season, &n);

  if (!g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONSTRAINT))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_error_free (local_error);
  for (guint i = 0; i < n; i++)
    if (costs[i].field_id > 0 && !field_in_file (self, costs[i].field_id))
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("season “%s”: a cost override names a field that is not in the project"),
                     furrow_season_get_name (season));
        return FALSE;
      }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
               _("season “%s”: a price, cost, subsidy, income or fee is negative or has no "
                 "name"), furrow_season_get_name (season));
  return FALSE;
}

static gboolean
write_rules (FurrowStore   *self,
             FurrowSeason  *season,
             GError       **error)
{
  gint64 id = furrow_season_get_id (season);

  for (guint t = 0; t < G_N_ELEMENTS (rule_writes); t++)
    {
      if (!run_for_season (self, rule_writes[t].clear, id, error))
        return FALSE;
      for (guint i = 0;; i++)
        {
          g_autoptr(FurrowStatement) stmt = prepare (self, rule_writes[t].insert, error);
          GError *local_error = NULL;

          if (stmt == NULL)
            return FALSE;
          if (!rule_writes[t].bind (stmt, season, i))
            break;
          furrow_statement_bind_int64 (stmt, 1, id);
          if (!furrow_statement_run (stmt, &local_error))
            return rules_write_error (self, season, local_error, error);
        }
    }
  return TRUE;
}

/* The lines of `after` not in `before` ("+ …") and of `before` not in `after` ("- …"). */
static char *
rules_diff (const char *before,
            const char *after)
{
  g_auto(GStrv) a = g_strsplit (before ? before : "", "\n", -1);
  g_auto(GStrv) b = g_strsplit (after, "\n", -1);
  GString *diff = g_string_new (NULL);

  for (guint i = 0; a[i] != NULL; i++)
    if (*a[i] != '\0' && !g_strv_contains ((const char * const *) b, a[i]))
      g_string_append_printf (diff, "%s- %s", diff->len ? "\n" : "", a[i]);
  for (guint i = 0; b[i] != NULL; i++)
    if (*b[i] != '\0' && !g_strv_contains ((const char * const *) a, b[i]))
      g_string_append_printf (diff, "%s+ %s", diff->len ? "\n" : "", b[i]);
  return g_string_free (diff, FALSE);
}

static gboolean
check_name (FurrowSeason  *season,
            GError       **error)
{
  const char *name = furrow_season_get_name (season);

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("a season needs a name"));
      return FALSE;
    }
  return TRUE;
}

/* A write of the seasons row failed with local_error (taken). */
static gboolean
season_write_error (FurrowSeason  *season,
                    GError        *local_error,
                    GError       **error)
{
  if (g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE))
    {
      g_error_free (local_error);
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE,
                   _("a season named “%s” is already in the project"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

/* Inserts the season's row as `id` (0: a new id) in `state`, sets the object's id and writes its
 * rules; audited as "season.add" with the rules. */
static gboolean
insert_season (FurrowStore        *self,
               FurrowSeason       *season,
               gint64              id,
               FurrowSeasonState   state,
               GError            **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *rules = NULL;
  GError *local_error = NULL;

  stmt = prepare (self, "INSERT INTO seasons (id, name, crop_year, state, notes) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_id (stmt, 1, id);
  furrow_statement_bind_text (stmt, 2, furrow_season_get_name (season));
  furrow_statement_bind_int64 (stmt, 3, furrow_season_get_crop_year (season));
  furrow_statement_bind_text (stmt, 4, furrow_season_state_to_string (state));
  furrow_statement_bind_text (stmt, 5, furrow_season_get_notes (season));
  if (!furrow_statement_run (stmt, &local_error))
    return season_write_error (season, local_error, error);
  _furrow_season_set_id (season, furrow_database_last_insert_id (_furrow_store_get_database (self)));
  if (!write_rules (self, season, error))
    return FALSE;
  object = season_object (season);
  rules = furrow_season_describe_rules (season);
  return _furrow_store_audit (self, "season.add", object, rules, error);
}

gboolean
furrow_store_add_season (FurrowStore   *self,
                         FurrowSeason  *season,
                         GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (!check_name (season, error))
    return FALSE;
  if (furrow_season_get_id (season) != 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("season “%s” is stored already; update it instead"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  touch_seasons (self);
  ok = insert_season (self, season, 0, FURROW_SEASON_PLANNING, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_ADDED, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    {
      _furrow_season_set_id (season, 0);
      return FALSE;
    }
  _furrow_season_set_state (season, FURROW_SEASON_PLANNING);
  return TRUE;
}

static gboolean
update_season (FurrowStore   *self,
               FurrowSeason  *season,
               GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(FurrowSeason) before = furrow_season_new_empty ();
  g_autofree char *old_object = NULL;
  g_autofree char *object = NULL;
  g_autofree char *rules_before = NULL;
  g_autofree char *rules_after = NULL;
  g_autofree char *diff = NULL;
  GError *local_error = NULL;

  if (!check_writable (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStatement) name_stmt =
      prepare (self, "SELECT name FROM seasons WHERE id = ?1", error);
    if (name_stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (name_stmt, 1, furrow_season_get_id (season));
    if (furrow_statement_step (name_stmt, NULL))
      old_object = g_strdup_printf ("season:%s", furrow_statement_get_text (name_stmt, 0));
  }
  _furrow_season_set_id (before, furrow_season_get_id (season));
  if (!load_rules (self, before, error))
    return FALSE;
  rules_before = furrow_season_describe_rules (before);

  stmt = prepare (self, "UPDATE seasons SET name = ?2, crop_year = ?3, notes = ?4 WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_text (stmt, 2, furrow_season_get_name (season));
  furrow_statement_bind_int64 (stmt, 3, furrow_season_get_crop_year (season));
  furrow_statement_bind_text (stmt, 4, furrow_season_get_notes (season));
  if (!furrow_statement_run (stmt, &local_error))
    return season_write_error (season, local_error, error);
  if (!write_rules (self, season, error))
    return FALSE;

  object = season_object (season);
  if (old_object != NULL && g_strcmp0 (old_object, object) != 0)
    {
      g_autofree char *detail = g_strdup_printf ("renamed %s -> %s", old_object, object);

      if (!_furrow_store_audit (self, "season.rename", object, detail, error))
        return FALSE;
    }
  rules_after = furrow_season_describe_rules (season);
  diff = rules_diff (rules_before, rules_after);
  if (*diff != '\0' && !_furrow_store_audit (self, "season.rules", object, diff, error))
    return FALSE;
  return TRUE;
}

gboolean
furrow_store_update_season (FurrowStore   *self,
                            FurrowSeason  *season,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (!check_name (season, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  touch_seasons (self);
  ok = update_season (self, season, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_RULES, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

static gboolean
delete_season (FurrowStore   *self,
               FurrowSeason  *season,
               GError       **error)
{
  g_autofree char *object = season_object (season);

  if (!check_writable (self, season, error))
    return FALSE;
  /* Settlement rows of a season reopened earlier are already gone; RESTRICT guards the rest. */
  if (!run_for_season (self, "DELETE FROM seasons WHERE id = ?1", furrow_season_get_id (season),
                       error))
    return FALSE;
  return _furrow_store_audit (self, "season.delete", object, NULL, error);
}

gboolean
furrow_store_delete_season (FurrowStore   *self,
                            FurrowSeason  *season,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  touch_seasons (self);
  ok = delete_season (self, season, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_REMOVED, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_season_set_id (season, 0);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Plans                                                                                      */

/* The pattern as GVariant text (a{sv}): readable, and parsed back with GLib alone. */
static char *
pattern_to_text (const FurrowPattern *p)
{
  GVariantBuilder builder;
  g_autoptr(GVariant) value = NULL;
  guint n_spacings = p->maize_rows > 1 ? p->maize_rows - 1 : 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "maize_rows", g_variant_new_uint32 (p->maize_rows));
  g_variant_builder_add (&builder, "{sv}", "soy_rows", g_variant_new_uint32 (p->soy_rows));
  g_variant_builder_add (&builder, "{sv}", "maize_spacing_m",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, p->maize_spacing_m,
                                                    n_spacings, sizeof (double)));
  g_variant_builder_add (&builder, "{sv}", "soy_spacing_m", g_variant_new_double (p->soy_spacing_m));
  g_variant_builder_add (&builder, "{sv}", "gap_m", g_variant_new_double (p->gap_m));
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      g_autofree char *key = g_strdup_printf ("%s_sowing", furrow_crop_to_string (c));

      g_variant_builder_add (&builder, "{sv}", key,
                             g_variant_new ("(dddd)", p->sowing[c].plant_spacing_m,
                                            p->sowing[c].seeds_per_hill,
                                            p->sowing[c].seed_100_weight_g,
                                            p->sowing[c].germination));
    }
  g_variant_builder_add (&builder, "{sv}", "orientation", g_variant_new_uint32 (p->orientation));
  g_variant_builder_add (&builder, "{sv}", "azimuth_deg", g_variant_new_double (p->azimuth_deg));
  g_variant_builder_add (&builder, "{sv}", "headland_m", g_variant_new_double (p->headland_m));
  g_variant_builder_add (&builder, "{sv}", "margin_m", g_variant_new_double (p->margin_m));
  g_variant_builder_add (&builder, "{sv}", "planter_width_m",
                         g_variant_new_double (p->planter_width_m));
  value = g_variant_ref_sink (g_variant_builder_end (&builder));
  return g_variant_print (value, TRUE);
}

static gboolean
pattern_from_text (const char     *text,
                   FurrowPattern  *p,
                   GError        **error)
{
  g_autoptr(GVariant) dict = NULL;
  g_autoptr(GVariant) spacings = NULL;
  guint32 orientation = 0;

  memset (p, 0, sizeof *p);
  dict = g_variant_parse (G_VARIANT_TYPE_VARDICT, text ? text : "", NULL, NULL, error);
  if (dict == NULL)
    return FALSE;
  g_variant_lookup (dict, "maize_rows", "u", &p->maize_rows);
  g_variant_lookup (dict, "soy_rows", "u", &p->soy_rows);
  spacings = g_variant_lookup_value (dict, "maize_spacing_m", G_VARIANT_TYPE ("ad"));
  if (spacings != NULL)
    {
      gsize n = 0;
      const double *values = g_variant_get_fixed_array (spacings, &n, sizeof (double));

      memcpy (p->maize_spacing_m, values, MIN (n, G_N_ELEMENTS (p->maize_spacing_m)) *
              sizeof (double));
    }
  g_variant_lookup (dict, "soy_spacing_m", "d", &p->soy_spacing_m);
  g_variant_lookup (dict, "gap_m", "d", &p->gap_m);
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      g_autofree char *key = g_strdup_printf ("%s_sowing", furrow_crop_to_string (c));

      g_variant_lookup (dict, key, "(dddd)", &p->sowing[c].plant_spacing_m,
                        &p->sowing[c].seeds_per_hill, &p->sowing[c].seed_100_weight_g,
                        &p->sowing[c].germination);
    }
  g_variant_lookup (dict, "orientation", "u", &orientation);
  p->orientation = orientation;
  g_variant_lookup (dict, "azimuth_deg", "d", &p->azimuth_deg);
  g_variant_lookup (dict, "headland_m", "d", &p->headland_m);
  g_variant_lookup (dict, "margin_m", "d", &p->margin_m);
  g_variant_lookup (dict, "planter_width_m", "d", &p->planter_width_m);
  return TRUE;
}

static const char *
pattern_kind (const FurrowPattern *p)
{
  if (p->soy_rows == 0)
    return "maize";
  if (p->maize_rows == 0)
    return "soybean";
  return "strip";
}

static gboolean
check_field (FurrowField  *field,
             GError      **error)
{
  if (field == NULL || furrow_field_get_id (field) <= 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("field %s is not in the project"),
                   field ? furrow_field_get_code (field) : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_plan (FurrowStore          *self,
          FurrowSeason         *season,
          FurrowField          *field,
          const FurrowPattern  *pattern,
          const char           *preset,
          const char           *yield_preset,
          GError              **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *parameters = NULL;
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;
  GError *local_error = NULL;

  if (!check_writable (self, season, error))
    return FALSE;
  parameters = pattern_to_text (pattern);
  stmt = prepare (self, "INSERT INTO plans (season_id, field_id, pattern, parameters_json, preset, "
                        "overrides_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                        "ON CONFLICT (season_id, field_id) DO UPDATE SET "
                        "pattern = excluded.pattern, "
                        "parameters_json = excluded.parameters_json, "
                        "preset = excluded.preset, "
                        "overrides_json = excluded.overrides_json", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, furrow_field_get_id (field));
  furrow_statement_bind_text (stmt, 3, pattern_kind (pattern));
  furrow_statement_bind_text (stmt, 4, parameters);
  furrow_statement_bind_text (stmt, 5, yield_preset && *yield_preset ? yield_preset : "practical");
  furrow_statement_bind_text (stmt, 6, preset && *preset ? preset : NULL);
  if (!furrow_statement_run (stmt, &local_error))
    return field_write_error (self, furrow_field_get_id (field), furrow_field_get_code (field),
                              local_error, error);
  detail = g_strdup_printf ("field %s: %s %u maize + %u soybean rows%s%s, yield model %s",
                            furrow_field_get_code (field), pattern_kind (pattern),
                            pattern->maize_rows, pattern->soy_rows,
                            preset && *preset ? ", preset " : "", preset && *preset ? preset : "",
                            yield_preset && *yield_preset ? yield_preset : "practical");
  return _furrow_store_audit (self, "season.plan", object, detail, error);
}

gboolean
furrow_store_set_plan (FurrowStore          *self,
                       FurrowSeason         *season,
                       FurrowField          *field,
                       const FurrowPattern  *pattern,
                       const char           *preset,
                       const char           *yield_preset,
                       GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);

  if (!check_field (field, error) || !furrow_pattern_validate (pattern, error))
    return FALSE;
  if (yield_preset != NULL && *yield_preset != '\0')
    {
      FurrowYieldModel model;

      if (!furrow_store_lookup_yield_model (self, yield_preset, &model, error))
        return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = set_plan (self, season, field, pattern, preset, yield_preset, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_PLANS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

static gboolean
delete_plan (FurrowStore   *self,
             FurrowSeason  *season,
             FurrowField   *field,
             GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;

  if (!check_writable (self, season, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM plans WHERE season_id = ?1 AND field_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, furrow_field_get_id (field));
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  detail = g_strdup_printf ("field %s", furrow_field_get_code (field));
  return _furrow_store_audit (self, "season.plan.delete", object, detail, error);
}

gboolean
furrow_store_delete_plan (FurrowStore   *self,
                          FurrowSeason  *season,
                          FurrowField   *field,
                          GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (!check_field (field, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = delete_plan (self, season, field, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_PLANS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

typedef struct
{
  FurrowSeason *season;
  GArray       *plans;
  GError       *error;  /* the first plan that cannot be read */
} PlansRead;

static void
read_plan (FurrowStatement *stmt,
           gpointer         user_data)
{
  PlansRead *read = user_data;
  FurrowSeasonPlan plan = { .field_id = furrow_statement_get_int64 (stmt, 0) };
  const char *yield_preset = furrow_statement_get_text (stmt, 2);
  const char *preset = furrow_statement_get_text (stmt, 3);
  g_autoptr(GError) local_error = NULL;

  if (read->error != NULL)
    return;
  if (!pattern_from_text (furrow_statement_get_text (stmt, 1), &plan.pattern, &local_error))
    {
      g_autofree char *field_id = g_strdup_printf ("%" G_GINT64_FORMAT, plan.field_id);

      g_set_error (&read->error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
                   _("season “%s”: the plan of field id %s cannot be read: %s"),
                   furrow_season_get_name (read->season), field_id, local_error->message);
      return;
    }
  g_strlcpy (plan.yield_preset, yield_preset ? yield_preset : "practical",
             sizeof plan.yield_preset);
  g_strlcpy (plan.preset, preset ? preset : "", sizeof plan.preset);
  g_array_append_val (read->plans, plan);
}

GArray *
furrow_store_get_plans (FurrowStore   *self,
                        FurrowSeason  *season,
                        GError       **error)
{
  g_autoptr(GArray) plans = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonPlan));
  PlansRead read = { season, plans, NULL };

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!foreach_season_row (self, "SELECT field_id, parameters_json, preset, overrides_json "
                                 "FROM plans WHERE season_id = ?1 ORDER BY field_id",
                           furrow_season_get_id (season), read_plan, &read, error))
    {
      g_clear_error (&read.error);
      return NULL;
    }
  if (read.error != NULL)
    {
      g_propagate_error (error, read.error);
      return NULL;
    }
  return g_steal_pointer (&plans);
}

/* ------------------------------------------------------------------------------------------ */
/* Harvests and actual costs                                                                  */

static gboolean
check_harvest (const char  *code,
               double       yield_kg,
               gint64       revenue_fen,
               GError     **error)
{
  if (!(yield_kg >= 0) || !isfinite (yield_kg) || revenue_fen < 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("field %s: a harvest needs a yield and a revenue of zero or more"), code);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cost_item (const char  *item,
                 GError     **error)
{
  if (item == NULL || *item == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("an actual cost needs the name of its item"));
      return FALSE;
    }
  return TRUE;
}

/* The harvest of field `code` (id field_id); a planning season becomes harvested. */
static gboolean
set_harvest (FurrowStore   *self,
             FurrowSeason  *season,
             gint64         field_id,
             const char    *code,
             FurrowCrop     crop,
             double         yield_kg,
             gint64         revenue_fen,
             GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;
  FurrowSeasonState state;
  GError *local_error = NULL;
  char kg[G_ASCII_DTOSTR_BUF_SIZE];

  if (!check_writable (self, season, error) || !stored_state (self, season, &state, error))
    return FALSE;
  stmt = prepare (self, "INSERT INTO harvests (season_id, field_id, crop, yield_kg, revenue_fen) "
                        "VALUES (?1, ?2, ?3, ?4, ?5) "
                        "ON CONFLICT (season_id, field_id, crop) DO UPDATE SET "
                        "yield_kg = excluded.yield_kg, "
                        "revenue_fen = excluded.revenue_fen", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, field_id);
  furrow_statement_bind_text (stmt, 3, furrow_crop_to_string (crop));
  furrow_statement_bind_double (stmt, 4, yield_kg);
  furrow_statement_bind_int64 (stmt, 5, revenue_fen);
  if (!furrow_statement_run (stmt, &local_error))
    return field_write_error (self, field_id, code, local_error, error);
  detail = g_strdup_printf ("field %s %s: %s kg, revenue %" G_GINT64_FORMAT " fen", code,
                            furrow_crop_to_string (crop),
                            g_ascii_formatd (kg, sizeof kg, "%.1f", yield_kg), revenue_fen);
  if (!_furrow_store_audit (self, "season.harvest", object, detail, error))
    return FALSE;
  if (state == FURROW_SEASON_PLANNING)
    {
      if (!run_for_season (self, "UPDATE seasons SET state = 'harvested' WHERE id = ?1",
                           furrow_season_get_id (season), error) ||
          !_furrow_store_audit (self, "season.state", object, "planning -> harvested", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
furrow_store_set_harvest (FurrowStore   *self,
                          FurrowSeason  *season,
                          FurrowField   *field,
                          FurrowCrop     crop,
                          double         yield_kg,
                          gint64         revenue_fen,
                          GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (crop < FURROW_N_CROPS, FALSE);

  if (!check_field (field, error) ||
      !check_harvest (furrow_field_get_code (field), yield_kg, revenue_fen, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  touch_seasons (self);
  ok = set_harvest (self, season, furrow_field_get_id (field), furrow_field_get_code (field),
                    crop, yield_kg, revenue_fen, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_HARVESTS | FURROW_SEASON_CHANGE_STATE, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  if (furrow_season_get_state (season) == FURROW_SEASON_PLANNING)
    _furrow_season_set_state (season, FURROW_SEASON_HARVESTED);
  return TRUE;
}

static void
read_harvest (FurrowStatement *stmt,
              gpointer         harvests)
{
  FurrowSeasonHarvest harvest = { .field_id = furrow_statement_get_int64 (stmt, 0) };

  furrow_crop_from_string (furrow_statement_get_text (stmt, 1), &harvest.crop);
  harvest.yield_kg = furrow_statement_get_double (stmt, 2);
  harvest.revenue_fen = furrow_statement_get_int64 (stmt, 3);
  g_array_append_val ((GArray *) harvests, harvest);
}

GArray *
furrow_store_get_harvests (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  g_autoptr(GArray) harvests = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!foreach_season_row (self, "SELECT field_id, crop, yield_kg, revenue_fen FROM harvests "
                                 "WHERE season_id = ?1 ORDER BY field_id, crop",
                           furrow_season_get_id (season), read_harvest, harvests, error))
    return NULL;
  return g_steal_pointer (&harvests);
}

/* The actual cost `item` of field `code` (id field_id; 0 and NULL: of the whole season); fen < 0
 * removes it. */
static gboolean
set_actual_cost (FurrowStore   *self,
                 FurrowSeason  *season,
                 gint64         field_id,
                 const char    *code,
                 const char    *item,
                 gint64         fen,
                 GError       **error)
{
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;

  if (!check_writable (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStatement) stmt =
      prepare (self, "DELETE FROM season_actual_costs WHERE season_id = ?1 AND item = ?2 AND "
                     "ifnull (field_id, 0) = ?3", error);
    if (stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
    furrow_statement_bind_text (stmt, 2, item);
    furrow_statement_bind_int64 (stmt, 3, field_id);
    if (!furrow_statement_run (stmt, error))
      return FALSE;
  }
  if (fen >= 0)
    {
      g_autoptr(FurrowStatement) stmt =
        prepare (self, "INSERT INTO season_actual_costs (season_id, field_id, item, fen) "
                       "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
      furrow_statement_bind_id (stmt, 2, field_id);
      furrow_statement_bind_text (stmt, 3, item);
      furrow_statement_bind_int64 (stmt, 4, fen);
      if (!furrow_statement_run (stmt, error))
        return FALSE;
    }
  detail = g_strdup_printf ("%s%s %s: %" G_GINT64_FORMAT " fen", code ? "field " : "season",
                            code ? code : "", item, fen < 0 ? 0 : fen);
  return _furrow_store_audit (self, "season.actual_cost", object, detail, error);
}

gboolean
furrow_store_set_actual_cost (FurrowStore   *self,
                              FurrowSeason  *season,
                              FurrowField   *field,
                              const char    *item,
                              gint64         fen,
                              GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if ((field != NULL && !check_field (field, error)) || !check_cost_item (item, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = set_actual_cost (self, season, field ? furrow_field_get_id (field) : 0,
                        field ? furrow_field_get_code (field) : NULL, item, fen, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_HARVESTS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

static void
read_actual_cost (FurrowStatement *stmt,
                  gpointer         costs)
{
  FurrowSeasonActualCost cost = { .field_id = furrow_statement_get_int64 (stmt, 0) };

  g_strlcpy (cost.item, furrow_statement_get_text (stmt, 1), sizeof cost.item);
  cost.fen = furrow_statement_get_int64 (stmt, 2);
  g_array_append_val ((GArray *) costs, cost);
}

GArray *
furrow_store_get_actual_costs (FurrowStore   *self,
                               FurrowSeason  *season,
                               GError       **error)
{
  g_autoptr(GArray) costs = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonActualCost));

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!foreach_season_row (self, "SELECT ifnull (field_id, 0), item, fen FROM "
                                 "season_actual_costs WHERE season_id = ?1 ORDER BY id",
                           furrow_season_get_id (season), read_actual_cost, costs, error))
    return NULL;
  return g_steal_pointer (&costs);
}

/* ------------------------------------------------------------------------------------------ */
/* Economics                                                                                  */

static void
predict_field (FurrowStore            *self,
               FurrowField            *field,
               const FurrowSeasonPlan *plan,
               FurrowEconomicsField   *out)
{
  FurrowYieldModel model;
  FurrowYieldPrediction prediction;
  FurrowGeometry *geometry = furrow_field_get_geometry (field);
  g_autoptr(FurrowLayout) layout = NULL;

  if (!furrow_store_lookup_yield_model (self, plan->yield_preset[0] ? plan->yield_preset
                                                                     : "practical",
                                        &model, NULL))
    furrow_yield_model_preset ("practical", &model, NULL);
  if (geometry != NULL)
    layout = furrow_layout_compute (geometry, &plan->pattern, FURROW_LAYOUT_QUANTITIES_ONLY, NULL);
  if (layout != NULL)
    {
      furrow_yield_model_predict_layout (&model, layout, &prediction);
      for (guint c = 0; c < FURROW_N_CROPS; c++)
        {
          out->planted_area_m2[c] = layout->crop[c].band_area_m2;
          out->predicted_yield_kg[c] = prediction.yield_kg[c];
        }
      return;
    }
  /* No outline: the ideal strip on the registered (else measured) area. */
  {
    double area_m2 = out->area_m2 > 0 ? out->area_m2 : furrow_field_get_measured_area_m2 (field);
    double unit = furrow_pattern_unit_width_m (&plan->pattern);

    furrow_yield_model_predict (&model, &plan->pattern, &prediction);
    for (guint c = 0; c < FURROW_N_CROPS; c++)
      {
        out->predicted_yield_kg[c] = prediction.yield_kg_per_mu[c] * furrow_m2_to_mu (area_m2);
        out->planted_area_m2[c] = unit > 0 ? area_m2 * furrow_pattern_band_width_m (&plan->pattern,
                                                                                      c) / unit
                                           : 0;
      }
  }
}

GArray *
furrow_store_get_season_fields (FurrowStore   *self,
                                FurrowSeason  *season,
                                gint64        *season_actual_cost_fen,
                                GError       **error)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GArray) harvests = NULL;
  g_autoptr(GArray) costs = NULL;
  g_autoptr(GArray) out = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_fields;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  plans = furrow_store_get_plans (self, season, error);
  if (plans == NULL)
    return NULL;
  harvests = furrow_store_get_harvests (self, season, error);
  if (harvests == NULL)
    return NULL;
  costs = furrow_store_get_actual_costs (self, season, error);
  if (costs == NULL)
    return NULL;

  fields = furrow_store_get_fields (self);
  parcels = furrow_store_get_parcels (self);
  n_fields = g_list_model_get_n_items (fields);
  out = g_array_sized_new (FALSE, TRUE, sizeof (FurrowEconomicsField), n_fields);
  g_array_set_size (out, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      FurrowEconomicsField *f = &g_array_index (out, FurrowEconomicsField, i);

      f->field_id = furrow_field_get_id (field);
      g_strlcpy (f->code, furrow_field_get_code (field), sizeof f->code);
      furrow_season_get_rates (season, f->field_id, &f->rates);
      /* Unplanned: sole maize, for the costs. */
      f->grows[FURROW_CROP_MAIZE] = TRUE;
      g_hash_table_insert (index, &f->field_id, f);
    }
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      gint64 field_id = furrow_parcel_get_field_id (parcel);
      FurrowEconomicsField *f = g_hash_table_lookup (index, &field_id);

      if (f != NULL && furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_FULL)
        f->area_m2 += furrow_parcel_get_registered_area_m2 (parcel);
    }
  for (guint i = 0; i < plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);
      FurrowEconomicsField *f = g_hash_table_lookup (index, &plan->field_id);
      guint position;

      if (f == NULL)
        continue;
      f->grows[FURROW_CROP_MAIZE] = plan->pattern.maize_rows > 0;
      f->grows[FURROW_CROP_SOYBEAN] = plan->pattern.soy_rows > 0;
      f->strip = plan->pattern.maize_rows > 0 && plan->pattern.soy_rows > 0;
      position = (guint) (f - &g_array_index (out, FurrowEconomicsField, 0));
      {
        g_autoptr(FurrowField) field = g_list_model_get_item (fields, position);

        predict_field (self, field, plan, f);
      }
    }
  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);
      FurrowEconomicsField *f = g_hash_table_lookup (index, &h->field_id);

      if (f == NULL)
        continue;
      f->harvested = TRUE;
      f->actual_yield_kg[h->crop] += h->yield_kg;
      f->actual_revenue_fen[h->crop] += h->revenue_fen;
    }
  *season_actual_cost_fen = 0;
  for (guint i = 0; i < costs->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (costs, FurrowSeasonActualCost, i);
      FurrowEconomicsField *f = c->field_id ? g_hash_table_lookup (index, &c->field_id) : NULL;

      if (f == NULL)
        {
          *season_actual_cost_fen += c->fen;
          continue;
        }
      f->has_actual_cost = TRUE;
      f->actual_cost_fen += c->fen;
    }
  return g_steal_pointer (&out);
}

/* ------------------------------------------------------------------------------------------ */
/* Settlement                                                                                 */

void
furrow_season_settlement_input_free (FurrowSeasonSettlementInput *input)
{
  if (input == NULL)
    return;
  g_free (input->households);
  g_free (input->household_ids);
  g_strfreev (input->strings);
  g_free (input);
}

typedef struct
{
  gint64        id;
  const char   *code;
  const char   *name;
  double        full_m2;
  double        half_m2;
  gboolean      any_full;
  gboolean      any_half;
  gint64        fee_fen_per_mu;  /* the operations it takes */
} HouseholdArea;

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const HouseholdArea *) a)->code, ((const HouseholdArea *) b)->code);
}

/* ------------------------------------------------------------------------------------------ */
/* Half-custody operations per household                                                     */

/* The season's fee of `operation`, or −1 when the season has no such operation. */
static gint64
season_fee (FurrowSeason *season,
            const char   *operation)
{
  guint n;
  const FurrowSeasonFee *fees = furrow_season_get_fees (season, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fees[i].operation, operation) == 0)
      return fees[i].fen_per_mu;
  return -1;
}

static void
read_household_operation (FurrowStatement *stmt,
                          gpointer         chosen)
{
  gint64 id = furrow_statement_get_int64 (stmt, 0);
  GPtrArray *ops = g_hash_table_lookup (chosen, &id);

  if (ops == NULL)
    {
      ops = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (chosen, g_memdup2 (&id, sizeof id), ops);
    }
  g_ptr_array_add (ops, furrow_statement_dup_text (stmt, 1));
}

/* household id → GPtrArray of its chosen operations ("" for none), for households that chose. */
static GHashTable *
load_household_operations (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);

  if (!foreach_season_row (self, "SELECT household_id, operation FROM "
                                 "season_household_operations WHERE season_id = ?1 "
                                 "ORDER BY household_id, id",
                           furrow_season_get_id (season), read_household_operation, chosen,
                           error))
    return NULL;
  return g_steal_pointer (&chosen);
}

/* Each household's fee per mu: the sum of the season's fees of the operations it takes. */
static gint64
operations_fee (FurrowSeason *season,
                GPtrArray    *ops)
{
  gint64 sum = 0;

  if (ops == NULL)
    return furrow_season_fees_fen_per_mu (season);
  for (guint i = 0; i < ops->len; i++)
    {
      gint64 fee = season_fee (season, ops->pdata[i]);

      if (fee > 0)
        sum += fee;
    }
  return sum;
}

static gboolean
household_fees (FurrowStore   *self,
                FurrowSeason  *season,
                GArray        *areas,
                GError       **error)
{
  g_autoptr(GHashTable) chosen = load_household_operations (self, season, error);

  if (chosen == NULL)
    return FALSE;
  for (guint i = 0; i < areas->len; i++)
    {
      HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);

      a->fee_fen_per_mu = operations_fee (season, g_hash_table_lookup (chosen, &a->id));
    }
  return TRUE;
}

static gboolean
set_household_operations (FurrowStore        *self,
                          FurrowSeason       *season,
                          FurrowHousehold    *household,
                          const char * const *operations,
                          GError            **error)
{
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;
  g_autofree char *list = NULL;
  gint64 id = furrow_household_get_id (household);

  if (!check_writable (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStatement) stmt =
      prepare (self, "DELETE FROM season_household_operations WHERE season_id = ?1 AND "
                     "household_id = ?2", error);
    if (stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
    furrow_statement_bind_int64 (stmt, 2, id);
    if (!furrow_statement_run (stmt, error))
      return FALSE;
  }
  if (operations != NULL)
    {
      /* None: one row with an empty operation. */
      const char *none[] = { "", NULL };
      const char * const *rows = operations[0] != NULL ? operations : none;

      for (guint i = 0; rows[i] != NULL; i++)
        {
          g_autoptr(FurrowStatement) stmt =
            prepare (self, "INSERT OR IGNORE INTO season_household_operations (season_id, "
                           "household_id, operation) VALUES (?1, ?2, ?3)", error);
          if (stmt == NULL)
            return FALSE;
          furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
          furrow_statement_bind_int64 (stmt, 2, id);
          furrow_statement_bind_text (stmt, 3, rows[i]);
          if (!furrow_statement_run (stmt, error))
            return FALSE;
        }
    }
  list = operations == NULL ? g_strdup ("all")
         : operations[0] == NULL ? g_strdup ("none")
         : g_strjoinv (",", (char **) operations);
  detail = g_strdup_printf ("household %s operations %s", furrow_household_get_code (household),
                            list);
  return _furrow_store_audit (self, "season.operations", object, detail, error);
}

gboolean
furrow_store_set_household_operations (FurrowStore        *self,
                                       FurrowSeason       *season,
                                       const char         *household_code,
                                       const char * const *operations,
                                       GError            **error)
{
  g_autoptr(FurrowHousehold) household = NULL;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (household_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  household = furrow_store_find_household (self, household_code);
  if (household == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("There is no household %s"), household_code);
      return FALSE;
    }
  for (guint i = 0; operations != NULL && operations[i] != NULL; i++)
    if (season_fee (season, operations[i]) < 0)
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                     _("season “%s” has no service fee for the operation “%s”; set it first "
                       "(furrow-cli season set-fee)"), furrow_season_get_name (season),
                     operations[i]);
        return FALSE;
      }

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = set_household_operations (self, season, household, operations, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_OPERATIONS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

GStrv
furrow_store_get_household_operations (FurrowStore   *self,
                                       FurrowSeason  *season,
                                       const char    *household_code,
                                       gboolean      *all,
                                       GError       **error)
{
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(GHashTable) chosen = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *ops;
  const FurrowSeasonFee *fees;
  guint n;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (household_code != NULL, NULL);

  household = furrow_store_find_household (self, household_code);
  if (household == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("There is no household %s"), household_code);
      return NULL;
    }
  chosen = load_household_operations (self, season, error);
  if (chosen == NULL)
    return NULL;
  ops = g_hash_table_lookup (chosen, &(gint64) { furrow_household_get_id (household) });
  if (all != NULL)
    *all = ops == NULL;
  fees = furrow_season_get_fees (season, &n);
  for (guint i = 0; i < n; i++)
    {
      gboolean takes = ops == NULL;

      for (guint k = 0; !takes && k < ops->len; k++)
        takes = strcmp (ops->pdata[k], fees[i].operation) == 0;
      if (takes)
        g_strv_builder_add (builder, fees[i].operation);
    }
  return g_strv_builder_end (builder);
}

static FurrowSeasonSettlementInput *
build_input (FurrowStore   *self,
             FurrowSeason  *season,
             const char    *reason,
             gboolean       predicted,
             GError       **error)
{
  g_autoptr(FurrowSeasonSettlementInput) out = g_new0 (FurrowSeasonSettlementInput, 1);
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) areas = NULL;
  g_autoptr(GStrvBuilder) strings = g_strv_builder_new ();
  g_auto(GStrv) owned = NULL;
  FurrowEconomicsComparison total;
  gint64 season_cost_fen = 0;
  guint n_households;
  gsize n = 0;
  gsize s = 0;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  fields = furrow_store_get_season_fields (self, season, &season_cost_fen, error);
  if (fields == NULL)
    return NULL;
  furrow_economics_season ((const FurrowEconomicsField *) fields->data, fields->len,
                           furrow_season_other_income_fen (season), season_cost_fen, NULL,
                           &total);

  households = furrow_store_get_households (self);
  parcels = furrow_store_get_parcels (self);
  n_households = g_list_model_get_n_items (households);
  areas = g_array_sized_new (FALSE, TRUE, sizeof (HouseholdArea), n_households);
  g_array_set_size (areas, n_households);
  for (guint i = 0; i < n_households; i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);

      a->id = furrow_household_get_id (household);
      g_strv_builder_add (strings, furrow_household_get_code (household));
      g_strv_builder_add (strings, furrow_household_get_name (household));
    }
  /* Only once every string is in: the builder's array then stays as it is. */
  owned = g_strv_builder_end (strings);
  for (guint i = 0; i < n_households; i++)
    {
      HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);

      a->code = owned[2 * i];
      a->name = owned[2 * i + 1];
      g_hash_table_insert (by_code, (gpointer) a->code, a);
    }
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      HouseholdArea *a = g_hash_table_lookup (by_code,
                                              furrow_parcel_get_household_code (parcel));

      if (a == NULL)
        continue;
      if (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_FULL)
        {
          a->any_full = TRUE;
          a->full_m2 += furrow_parcel_get_registered_area_m2 (parcel);
        }
      else
        {
          a->any_half = TRUE;
          a->half_m2 += furrow_parcel_get_registered_area_m2 (parcel);
        }
    }
  if (!household_fees (self, season, areas, error))
    return NULL;
  g_array_sort (areas, compare_codes);

  out->households = g_new0 (FurrowDistributionHousehold, n_households + 1);
  out->household_ids = g_new0 (gint64, n_households + 1);
  for (guint i = 0; i < n_households; i++)
    {
      const HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);
      FurrowDistributionHousehold *h = &out->households[n];

      if (!a->any_full && !a->any_half)
        continue;
      h->code = a->code;
      h->name = a->name;
      /* A household with any full-custody parcel is in the pool with those parcels; one with
       * only half-custody parcels is billed the season's fees on them. */
      if (a->any_full)
        {
          h->custody = FURROW_CUSTODY_FULL;
          h->area_mu = furrow_economics_area_cmu (a->full_m2) / 100.0;
          /* Its half-custody land, if any, is billed the fees of its operations. */
          if (a->any_half && a->fee_fen_per_mu > 0)
            {
              h->fee_area_mu = furrow_economics_area_cmu (a->half_m2) / 100.0;
              h->fee_fen_per_mu = h->fee_area_mu > 0.0 ? a->fee_fen_per_mu : 0;
            }
        }
      else
        {
          h->custody = FURROW_CUSTODY_HALF;
          h->area_mu = furrow_economics_area_cmu (a->half_m2) / 100.0;
          h->fee_fen_per_mu = a->fee_fen_per_mu;
        }
      out->household_ids[n] = a->id;
      n++;
    }

  if (reason == NULL || *reason == '\0')
    reason = furrow_season_get_split_reason (season);
  out->strings = g_steal_pointer (&owned);
  if (reason != NULL)
    {
      guint len = g_strv_length (out->strings);

      out->strings = g_renew (char *, out->strings, len + 2);
      out->strings[len] = g_strdup (reason);
      out->strings[len + 1] = NULL;
      s = len;
      /* g_renew may move the array but not the strings: the household pointers stay valid. */
    }

  {
    const FurrowEconomicsFigures *side = predicted ? &total.predicted : &total.actual;

    out->input.revenue_fen = side->revenue_total_fen;
    out->input.cost_is_total = TRUE;
    out->input.cost_fen = side->cost_fen;
    out->input.other_income_fen = side->other_income_fen;
    out->input.subsidy_fen = side->subsidy_fen;
  }
  out->input.base = *furrow_season_get_base_rule (season);
  out->input.split = *furrow_season_get_split (season);
  out->input.reason = reason != NULL ? out->strings[s] : NULL;
  out->input.households = out->households;
  out->input.n_households = n;
  return g_steal_pointer (&out);
}

FurrowSeasonSettlementInput *
furrow_store_build_settlement_input (FurrowStore   *self,
                                     FurrowSeason  *season,
                                     const char    *reason,
                                     GError       **error)
{
  return build_input (self, season, reason, FALSE, error);
}

FurrowSeasonSettlementInput *
furrow_store_build_prediction_input (FurrowStore   *self,
                                     FurrowSeason  *season,
                                     GError       **error)
{
  return build_input (self, season, NULL, TRUE, error);
}

/* A settled season's frozen totals: the columns of season_settlements after season_id, in
 * order, and where each is in FurrowDistributionResult. The split's percentages, the summary
 * and the reason follow them. */
static const struct
{
  gsize    offset;
  gboolean is_double;
} totals_columns[] = {
  { G_STRUCT_OFFSET (FurrowDistributionResult, total_area_mu), TRUE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, weighted_area_mu), TRUE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, half_custody_area_mu), TRUE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, revenue_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, other_income_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, subsidy_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, income_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, cost_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, base_fen_per_mu), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, base_total_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, surplus_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, reserve_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, collective_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, cooperative_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, households_dividend_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, deficit_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, fees_fen), FALSE },
};

#define TOTALS_COLUMNS \
  "total_area_mu, weighted_area_mu, half_custody_area_mu, revenue_fen, other_income_fen, " \
  "subsidy_fen, income_fen, cost_fen, base_fen_per_mu, base_total_fen, surplus_fen, " \
  "reserve_fen, collective_fen, cooperative_fen, households_dividend_fen, deficit_fen, " \
  "fees_fen, reserve_pct, collective_pct, cooperative_pct, households_pct, summary, reason"
#define N_TOTALS G_N_ELEMENTS (totals_columns)

static void
bind_split (FurrowStatement          *stmt,
            int                       position,
            const FurrowSurplusSplit *split)
{
  furrow_statement_bind_double (stmt, position, split->reserve_pct);
  furrow_statement_bind_double (stmt, position + 1, split->collective_pct);
  furrow_statement_bind_double (stmt, position + 2, split->cooperative_pct);
  furrow_statement_bind_double (stmt, position + 3, split->households_pct);
}

static gboolean
insert_totals (FurrowStore                       *self,
               gint64                             season_id,
               const FurrowSeasonSettlementInput *in,
               const FurrowDistributionResult    *result,
               const char                        *summary,
               GError                           **error)
{
  g_autoptr(FurrowStatement) stmt =
    prepare (self, "INSERT INTO season_settlements (season_id, " TOTALS_COLUMNS ") VALUES "
                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                   "?18, ?19, ?20, ?21, ?22, ?23, ?24)", error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, season_id);
  for (guint i = 0; i < N_TOTALS; i++)
    {
      const guint8 *field = (const guint8 *) result + totals_columns[i].offset;

      if (totals_columns[i].is_double)
        furrow_statement_bind_double (stmt, i + 2, *(const double *) field);
      else
        furrow_statement_bind_int64 (stmt, i + 2, *(const gint64 *) field);
    }
  bind_split (stmt, N_TOTALS + 2, &in->input.split);
  furrow_statement_bind_text (stmt, N_TOTALS + 6, summary);
  furrow_statement_bind_text (stmt, N_TOTALS + 7, in->input.reason);
  return furrow_statement_run (stmt, error);
}

static gboolean
insert_settlement (FurrowStore                       *self,
                   FurrowSeason                      *season,
                   const FurrowSeasonSettlementInput *in,
                   const FurrowDistributionResult    *result,
                   const FurrowDistributionShare     *shares,
                   GError                           **error)
{
  gint64 id = furrow_season_get_id (season);
  g_autofree char *summary = furrow_distribution_format_summary (&in->input, result);
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;

  for (gsize i = 0; i < in->input.n_households; i++)
    {
      g_autoptr(FurrowStatement) stmt =
        prepare (self, "INSERT INTO settlements (season_id, household_id, area_m2, base_fen, "
                       "dividend_fen, fee_fen, total_fen, rule_text, custody, fee_fen_per_mu, "
                       "fee_area_m2) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                 error);
      g_autofree char *basis = furrow_distribution_format_basis (&in->input, result, &shares[i]);

      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_int64 (stmt, 1, id);
      furrow_statement_bind_int64 (stmt, 2, in->household_ids[i]);
      furrow_statement_bind_double (stmt, 3, furrow_mu_to_m2 (shares[i].area_cmu / 100.0));
      furrow_statement_bind_int64 (stmt, 4, shares[i].base_fen);
      furrow_statement_bind_int64 (stmt, 5, shares[i].dividend_fen);
      furrow_statement_bind_int64 (stmt, 6, shares[i].fee_fen);
      furrow_statement_bind_int64 (stmt, 7, shares[i].total_fen);
      furrow_statement_bind_text (stmt, 8, basis);
      furrow_statement_bind_text (stmt, 9, furrow_custody_to_string (shares[i].custody));
      furrow_statement_bind_int64 (stmt, 10, shares[i].fee_fen_per_mu);
      furrow_statement_bind_double (stmt, 11, furrow_mu_to_m2 (shares[i].fee_area_cmu / 100.0));
      if (!furrow_statement_run (stmt, error))
        return FALSE;
    }
  if (!insert_totals (self, id, in, result, summary, error) ||
      !run_for_season (self, "UPDATE seasons SET state = 'settled' WHERE id = ?1", id, error))
    return FALSE;
  detail = g_strdup_printf ("%s; %" G_GSIZE_FORMAT " households; base %" G_GINT64_FORMAT
                            " fen, dividends %" G_GINT64_FORMAT " fen, deficit %" G_GINT64_FORMAT
                            " fen%s%s", summary, in->input.n_households, result->base_total_fen,
                            result->households_dividend_fen, result->deficit_fen,
                            in->input.reason ? "; reason: " : "",
                            in->input.reason ? in->input.reason : "");
  return _furrow_store_audit (self, "season.settle", object, detail, error);
}

static gboolean
settle_season (FurrowStore   *self,
               FurrowSeason  *season,
               const char    *reason,
               GError       **error)
{
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  FurrowDistributionResult result;
  FurrowSeasonState state;

  if (!check_writable (self, season, error) || !stored_state (self, season, &state, error))
    return FALSE;
  if (state != FURROW_SEASON_HARVESTED)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("season “%s” has no harvest records yet; record the harvest before "
                     "settling"), furrow_season_get_name (season));
      return FALSE;
    }
  in = furrow_store_build_settlement_input (self, season, reason, error);
  if (in == NULL)
    return FALSE;
  shares = g_new0 (FurrowDistributionShare, in->input.n_households + 1);
  if (!furrow_distribution_compute (&in->input, &result, shares, error))
    return FALSE;
  return insert_settlement (self, season, in, &result, shares, error);
}

gboolean
furrow_store_settle_season (FurrowStore   *self,
                            FurrowSeason  *season,
                            const char    *reason,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  touch_seasons (self);
  ok = settle_season (self, season, reason, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_STATE, TRUE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_season_set_state (season, FURROW_SEASON_SETTLED);
  return TRUE;
}

static gboolean
reopen_season (FurrowStore   *self,
               FurrowSeason  *season,
               const char    *reason,
               GError       **error)
{
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;
  FurrowSeasonState state;
  gint64 id = furrow_season_get_id (season);

  if (!stored_state (self, season, &state, error))
    return FALSE;
  if (state != FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("season “%s” is not settled; there is nothing to reopen"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  {
    g_autoptr(FurrowStatement) stmt =
      prepare (self, "SELECT summary, households_dividend_fen, base_total_fen, "
                     "(SELECT count(*) FROM settlements WHERE season_id = ?1) "
                     "FROM season_settlements WHERE season_id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (stmt, 1, id);
    if (furrow_statement_step (stmt, NULL))
      detail = g_strdup_printf ("reason: %s; settled -> harvested; removed the settlement of %"
                                G_GINT64_FORMAT " households (base %" G_GINT64_FORMAT " fen, "
                                "dividends %" G_GINT64_FORMAT " fen): %s", reason,
                                furrow_statement_get_int64 (stmt, 3),
                                furrow_statement_get_int64 (stmt, 2),
                                furrow_statement_get_int64 (stmt, 1),
                                furrow_statement_get_text (stmt, 0));
    else
      detail = g_strdup_printf ("reason: %s; settled -> harvested", reason);
  }

  if (!run_for_season (self, "DELETE FROM settlements WHERE season_id = ?1", id, error) ||
      !run_for_season (self, "DELETE FROM season_settlements WHERE season_id = ?1", id, error) ||
      !run_for_season (self, "UPDATE seasons SET state = 'harvested' WHERE id = ?1", id, error))
    return FALSE;
  return _furrow_store_audit (self, "season.reopen", object, detail, error);
}

gboolean
furrow_store_reopen_season (FurrowStore   *self,
                            FurrowSeason  *season,
                            const char    *reason,
                            GError       **error)
{
  g_autofree char *trimmed = NULL;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("reopening season “%s” needs a reason (it is written to the audit log)"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  touch_seasons (self);
  ok = reopen_season (self, season, trimmed, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_STATE, TRUE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_season_set_state (season, FURROW_SEASON_HARVESTED);
  return TRUE;
}

void
furrow_season_settlement_free (FurrowSeasonSettlement *settlement)
{
  if (settlement == NULL)
    return;
  for (gsize i = 0; i < settlement->n_rows; i++)
    {
      g_free (settlement->rows[i].code);
      g_free (settlement->rows[i].name);
      g_free (settlement->rows[i].rule_text);
    }
  g_free (settlement->rows);
  g_free (settlement->summary);
  g_free (settlement->reason);
  g_free (settlement->created);
  g_free (settlement);
}

static void
read_settlement_row (FurrowStatement *stmt,
                     gpointer         rows)
{
  FurrowSeasonSettlementRow row = { .household_id = furrow_statement_get_int64 (stmt, 0) };

  row.code = furrow_statement_dup_text (stmt, 1);
  row.name = furrow_statement_dup_text (stmt, 2);
  furrow_custody_from_string (furrow_statement_get_text (stmt, 3), &row.custody);
  row.area_m2 = furrow_statement_get_double (stmt, 4);
  row.fee_fen_per_mu = furrow_statement_get_int64 (stmt, 5);
  row.base_fen = furrow_statement_get_int64 (stmt, 6);
  row.dividend_fen = furrow_statement_get_int64 (stmt, 7);
  row.fee_fen = furrow_statement_get_int64 (stmt, 8);
  row.total_fen = furrow_statement_get_int64 (stmt, 9);
  row.rule_text = furrow_statement_dup_text (stmt, 10);
  row.fee_area_m2 = furrow_statement_get_double (stmt, 11);
  g_array_append_val ((GArray *) rows, row);
}

static void
settlement_row_clear (gpointer data)
{
  FurrowSeasonSettlementRow *row = data;

  g_free (row->code);
  g_free (row->name);
  g_free (row->rule_text);
}

/* The frozen totals into out; FALSE with NOT_FOUND when the season has none. */
static gboolean
read_totals (FurrowStore             *self,
             FurrowSeason            *season,
             FurrowSeasonSettlement  *out,
             GError                 **error)
{
  g_autoptr(FurrowStatement) stmt =
    prepare (self, "SELECT " TOTALS_COLUMNS ", created FROM season_settlements "
                   "WHERE season_id = ?1", error);
  g_autoptr(GError) local_error = NULL;
  FurrowDistributionResult *t = &out->totals;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  if (!furrow_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("season “%s” is not settled"), furrow_season_get_name (season));
      return FALSE;
    }
  for (guint i = 0; i < N_TOTALS; i++)
    {
      guint8 *field = (guint8 *) t + totals_columns[i].offset;

      if (totals_columns[i].is_double)
        *(double *) field = furrow_statement_get_double (stmt, i);
      else
        *(gint64 *) field = furrow_statement_get_int64 (stmt, i);
    }
  t->total_area_cmu = (gint64) llround (t->total_area_mu * 100);
  out->split.reserve_pct = furrow_statement_get_double (stmt, N_TOTALS);
  out->split.collective_pct = furrow_statement_get_double (stmt, N_TOTALS + 1);
  out->split.cooperative_pct = furrow_statement_get_double (stmt, N_TOTALS + 2);
  out->split.households_pct = furrow_statement_get_double (stmt, N_TOTALS + 3);
  out->summary = furrow_statement_dup_text (stmt, N_TOTALS + 4);
  out->reason = furrow_statement_dup_text (stmt, N_TOTALS + 5);
  out->created = furrow_statement_dup_text (stmt, N_TOTALS + 6);
  return TRUE;
}

FurrowSeasonSettlement *
furrow_store_get_settlement (FurrowStore   *self,
                             FurrowSeason  *season,
                             GError       **error)
{
  g_autoptr(FurrowSeasonSettlement) out = g_new0 (FurrowSeasonSettlement, 1);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonSettlementRow));

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!read_totals (self, season, out, error))
    return NULL;
  g_array_set_clear_func (rows, settlement_row_clear);
  if (!foreach_season_row (self, "SELECT s.household_id, h.code, h.name, s.custody, s.area_m2, "
                                 "s.fee_fen_per_mu, s.base_fen, s.dividend_fen, s.fee_fen, "
                                 "s.total_fen, s.rule_text, s.fee_area_m2 FROM settlements s "
                                 "JOIN households h ON h.id = s.household_id "
                                 "WHERE s.season_id = ?1 ORDER BY h.code",
                           furrow_season_get_id (season), read_settlement_row, rows, error))
    return NULL;
  /* The rows' strings now belong to out. */
  g_array_set_clear_func (rows, NULL);
  out->n_rows = rows->len;
  out->rows = (FurrowSeasonSettlementRow *) (void *) g_array_free (g_steal_pointer (&rows), FALSE);
  return g_steal_pointer (&out);
}

gboolean
furrow_store_record_print (FurrowStore   *self,
                           FurrowSeason  *season,
                           const char    *what,
                           const char    *detail,
                           GError       **error)
{
  g_autofree char *object = NULL;
  g_autofree char *action = NULL;
  FurrowSeasonState state;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  object = season_object (season);
  action = g_strdup_printf ("season.print.%s", what);
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = stored_state (self, season, &state, error) &&
       _furrow_store_audit (self, action, object, detail, error);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}
