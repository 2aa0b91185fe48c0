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

static const char *
custody_text (FurrowCustody custody)
{
  return furrow_custody_to_string (custody);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_field_id (sqlite3_stmt *stmt,
               int           index,
               gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
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
  g_autoptr(FurrowStoreStmt) stmt = _furrow_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, season_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _furrow_store_set_db_error (self, error);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                    */

static gboolean
load_rules (FurrowStore   *self,
            FurrowSeason  *season,
            GError       **error)
{
  gint64 id = furrow_season_get_id (season);
  int rc;

  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT crop, price_fen_per_kg, moisture_pct FROM season_prices "
                                   "WHERE season_id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        FurrowCrop crop;

        if (furrow_crop_from_string (column_text (stmt, 0), &crop))
          furrow_season_set_price (season, crop, sqlite3_column_double (stmt, 1),
                                   sqlite3_column_double (stmt, 2));
      }
    if (rc != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT crop, item, fen_per_mu, ifnull (field_id, 0) "
                                   "FROM season_costs WHERE season_id = ?1 ORDER BY id", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        FurrowCrop crop;

        if (furrow_crop_from_string (column_text (stmt, 0), &crop))
          furrow_season_set_cost (season, crop, column_text (stmt, 1),
                                  sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 2));
      }
    if (rc != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT name, fen_per_mu, strip_only FROM season_subsidies "
                                   "WHERE season_id = ?1 ORDER BY id", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      furrow_season_set_subsidy (season, column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_int (stmt, 2) != 0);
    if (rc != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT name, fen FROM season_other_income "
                                   "WHERE season_id = ?1 ORDER BY id", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      furrow_season_set_other_income (season, column_text (stmt, 0),
                                      sqlite3_column_int64 (stmt, 1));
    if (rc != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT operation, fen_per_mu FROM season_fees "
                                   "WHERE season_id = ?1 ORDER BY id", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      furrow_season_set_fee (season, column_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
    if (rc != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT base_kind, base_fen_per_mu, base_kg_per_mu, "
                                   "base_price_fen_per_kg, base_less_cost, base_annual_fen_per_mu, "
                                   "base_season_pct, reserve_pct, collective_pct, cooperative_pct, "
                                   "households_pct, split_reason FROM season_rules "
                                   "WHERE season_id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        FurrowBaseRule base = { 0 };
        FurrowSurplusSplit split;
        const char *kind = column_text (stmt, 0);

        base.kind = g_strcmp0 (kind, "in_kind") == 0 ? FURROW_BASE_IN_KIND
                  : g_strcmp0 (kind, "annual_share") == 0 ? FURROW_BASE_ANNUAL_SHARE
                  : FURROW_BASE_FIXED;
        base.fen_per_mu = sqlite3_column_int64 (stmt, 1);
        base.kg_per_mu = sqlite3_column_double (stmt, 2);
        base.price_fen_per_kg = sqlite3_column_double (stmt, 3);
        base.less_cost_per_mu = sqlite3_column_int (stmt, 4) != 0;
        base.annual_fen_per_mu = sqlite3_column_int64 (stmt, 5);
        base.season_pct = sqlite3_column_double (stmt, 6);
        split.reserve_pct = sqlite3_column_double (stmt, 7);
        split.collective_pct = sqlite3_column_double (stmt, 8);
        split.cooperative_pct = sqlite3_column_double (stmt, 9);
        split.households_pct = sqlite3_column_double (stmt, 10);
        furrow_season_set_base_rule (season, &base);
        furrow_season_set_split (season, &split, column_text (stmt, 11));
      }
    else if (rc != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  return TRUE;
}

static GPtrArray *
load_seasons (FurrowStore  *self,
              GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) seasons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) season_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT id FROM seasons ORDER BY id", error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (season_ids, id);
      }
    if (rc != SQLITE_DONE)
      {
        _furrow_store_set_db_error (self, error);
        return NULL;
      }
  }
  for (guint i = 0; i < season_ids->len; i++)
    {
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "SELECT id, name, crop_year, state, notes FROM seasons "
                                     "WHERE id = ?1", error);
      FurrowSeason *season;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (season_ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _furrow_store_set_db_error (self, error);
          return NULL;
        }
      /* The rules are read with other statements: copy the row first. */
      season = furrow_season_new_empty ();
      _furrow_season_set_id (season, sqlite3_column_int64 (stmt, 0));
      furrow_season_set_name (season, column_text (stmt, 1));
      furrow_season_set_crop_year (season, (guint) sqlite3_column_int (stmt, 2));
      {
        FurrowSeasonState state = FURROW_SEASON_PLANNING;

        furrow_season_state_from_string (column_text (stmt, 3), &state);
        _furrow_season_set_state (season, state);
      }
      furrow_season_set_notes (season, column_text (stmt, 4));
      g_ptr_array_add (seasons, season);
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
furrow_store_find_season (FurrowStore *self,
                          const char  *name)
{
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  g_autoptr(FurrowSeason) season = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  if (name == NULL)
    return NULL;
  stmt = _furrow_store_prepare (self, "SELECT id, name, crop_year, state, notes FROM seasons "
                                      "WHERE name = ?1", &error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  season = furrow_season_new_empty ();
  id = sqlite3_column_int64 (stmt, 0);
  _furrow_season_set_id (season, id);
  furrow_season_set_name (season, column_text (stmt, 1));
  furrow_season_set_crop_year (season, (guint) sqlite3_column_int (stmt, 2));
  {
    FurrowSeasonState state = FURROW_SEASON_PLANNING;

    furrow_season_state_from_string (column_text (stmt, 3), &state);
    _furrow_season_set_state (season, state);
  }
  furrow_season_set_notes (season, column_text (stmt, 4));
  _furrow_store_stmt_release (g_steal_pointer (&stmt));
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
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  int rc;

  if (furrow_season_get_id (season) <= 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("season “%s” is not in the project"), furrow_season_get_name (season));
      return FALSE;
    }
  stmt = _furrow_store_prepare (self, "SELECT state FROM seasons WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("season “%s” is not in the project"), furrow_season_get_name (season));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _furrow_store_set_db_error (self, error);
  *state = FURROW_SEASON_PLANNING;
  furrow_season_state_from_string (column_text (stmt, 0), state);
  return TRUE;
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

static gboolean
write_rules (FurrowStore   *self,
             FurrowSeason  *season,
             GError       **error)
{
  gint64 id = furrow_season_get_id (season);
  static const char * const clear[] = {
    "DELETE FROM season_prices WHERE season_id = ?1",
    "DELETE FROM season_costs WHERE season_id = ?1",
    "DELETE FROM season_subsidies WHERE season_id = ?1",
    "DELETE FROM season_other_income WHERE season_id = ?1",
    "DELETE FROM season_fees WHERE season_id = ?1",
    "DELETE FROM season_rules WHERE season_id = ?1",
  };
  const FurrowSeasonCost *costs;
  const FurrowSeasonSubsidy *subsidies;
  const FurrowSeasonIncome *income;
  const FurrowSeasonFee *fees;
  const FurrowBaseRule *base = furrow_season_get_base_rule (season);
  const FurrowSurplusSplit *split = furrow_season_get_split (season);
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    if (!run_for_season (self, clear[i], id, error))
      return FALSE;

  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      const FurrowSeasonPrice *price = furrow_season_get_price (season, c);
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "INSERT INTO season_prices (season_id, crop, "
                                     "price_fen_per_kg, moisture_pct) VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, furrow_crop_to_string (c), -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, price->price_fen_per_kg);
      sqlite3_bind_double (stmt, 4, price->moisture_pct);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto invalid;
    }
  costs = furrow_season_get_costs (season, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "INSERT INTO season_costs (season_id, crop, item, "
                                     "fen_per_mu, field_id) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, furrow_crop_to_string (costs[i].crop), -1, SQLITE_STATIC);
      bind_text (stmt, 3, costs[i].item);
      sqlite3_bind_int64 (stmt, 4, costs[i].fen_per_mu);
      bind_field_id (stmt, 5, costs[i].field_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto invalid;
    }
  subsidies = furrow_season_get_subsidies (season, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "INSERT INTO season_subsidies (season_id, name, fen_per_mu, "
                                     "strip_only) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, subsidies[i].name);
      sqlite3_bind_int64 (stmt, 3, subsidies[i].fen_per_mu);
      sqlite3_bind_int (stmt, 4, subsidies[i].strip_only);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto invalid;
    }
  income = furrow_season_get_other_income (season, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "INSERT INTO season_other_income (season_id, name, fen) "
                                     "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, income[i].name);
      sqlite3_bind_int64 (stmt, 3, income[i].fen);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto invalid;
    }
  fees = furrow_season_get_fees (season, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "INSERT INTO season_fees (season_id, operation, fen_per_mu) "
                                     "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, fees[i].operation);
      sqlite3_bind_int64 (stmt, 3, fees[i].fen_per_mu);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto invalid;
    }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "INSERT INTO season_rules (season_id, base_kind, "
                                   "base_fen_per_mu, base_kg_per_mu, base_price_fen_per_kg, "
                                   "base_less_cost, base_annual_fen_per_mu, base_season_pct, "
                                   "reserve_pct, collective_pct, cooperative_pct, households_pct, "
                                   "split_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                   "?11, ?12, ?13)", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_text (stmt, 2, furrow_base_kind_to_string (base->kind), -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 3, base->fen_per_mu);
    sqlite3_bind_double (stmt, 4, base->kg_per_mu);
    sqlite3_bind_double (stmt, 5, base->price_fen_per_kg);
    sqlite3_bind_int (stmt, 6, base->less_cost_per_mu ? 1 : 0);
    sqlite3_bind_int64 (stmt, 7, base->annual_fen_per_mu);
    sqlite3_bind_double (stmt, 8, base->season_pct);
    sqlite3_bind_double (stmt, 9, split->reserve_pct);
    sqlite3_bind_double (stmt, 10, split->collective_pct);
    sqlite3_bind_double (stmt, 11, split->cooperative_pct);
    sqlite3_bind_double (stmt, 12, split->households_pct);
    bind_text (stmt, 13, furrow_season_get_split_reason (season));
    if (sqlite3_step (stmt) != SQLITE_DONE)
      goto invalid;
  }
  return TRUE;

invalid:
  {
    int code = sqlite3_extended_errcode (_furrow_store_get_db (self));

    if (code == SQLITE_CONSTRAINT_CHECK || code == SQLITE_CONSTRAINT_NOTNULL)
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                     _("season “%s”: a price, cost, subsidy, income or fee is negative or has no "
                       "name"), furrow_season_get_name (season));
        return FALSE;
      }
    if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("season “%s”: a cost override names a field that is not in the project"),
                     furrow_season_get_name (season));
        return FALSE;
      }
    return _furrow_store_set_db_error (self, error);
  }
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

static gboolean
season_write_error (FurrowStore   *self,
                    FurrowSeason  *season,
                    GError       **error)
{
  int code = sqlite3_extended_errcode (_furrow_store_get_db (self));

  if (code == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE,
                   _("a season named “%s” is already in the project"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  return _furrow_store_set_db_error (self, error);
}

static gboolean
add_season (FurrowStore   *self,
            FurrowSeason  *season,
            GError       **error)
{
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *rules = NULL;

  stmt = _furrow_store_prepare (self, "INSERT INTO seasons (name, crop_year, state, notes) "
                                      "VALUES (?1, ?2, 'planning', ?3)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, furrow_season_get_name (season));
  sqlite3_bind_int (stmt, 2, (int) furrow_season_get_crop_year (season));
  bind_text (stmt, 3, furrow_season_get_notes (season));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return season_write_error (self, season, error);
  _furrow_season_set_id (season, sqlite3_last_insert_rowid (_furrow_store_get_db (self)));
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
  ok = add_season (self, season, error);
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
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  g_autoptr(FurrowSeason) before = furrow_season_new_empty ();
  g_autofree char *old_object = NULL;
  g_autofree char *object = NULL;
  g_autofree char *rules_before = NULL;
  g_autofree char *rules_after = NULL;
  g_autofree char *diff = NULL;

  if (!check_writable (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStoreStmt) name_stmt =
      _furrow_store_prepare (self, "SELECT name FROM seasons WHERE id = ?1", error);
    if (name_stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (name_stmt, 1, furrow_season_get_id (season));
    if (sqlite3_step (name_stmt) == SQLITE_ROW)
      old_object = g_strdup_printf ("season:%s", column_text (name_stmt, 0));
  }
  _furrow_season_set_id (before, furrow_season_get_id (season));
  if (!load_rules (self, before, error))
    return FALSE;
  rules_before = furrow_season_describe_rules (before);

  stmt = _furrow_store_prepare (self, "UPDATE seasons SET name = ?2, crop_year = ?3, notes = ?4 "
                                      "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  bind_text (stmt, 2, furrow_season_get_name (season));
  sqlite3_bind_int (stmt, 3, (int) furrow_season_get_crop_year (season));
  bind_text (stmt, 4, furrow_season_get_notes (season));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return season_write_error (self, season, error);
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
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  g_autofree char *parameters = NULL;
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;

  if (!check_writable (self, season, error))
    return FALSE;
  parameters = pattern_to_text (pattern);
  stmt = _furrow_store_prepare (self, "INSERT INTO plans (season_id, field_id, pattern, "
                                      "parameters_json, preset, overrides_json) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                      "ON CONFLICT (season_id, field_id) DO UPDATE SET "
                                      "pattern = excluded.pattern, "
                                      "parameters_json = excluded.parameters_json, "
                                      "preset = excluded.preset, "
                                      "overrides_json = excluded.overrides_json", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  sqlite3_bind_int64 (stmt, 2, furrow_field_get_id (field));
  sqlite3_bind_text (stmt, 3, pattern_kind (pattern), -1, SQLITE_STATIC);
  bind_text (stmt, 4, parameters);
  bind_text (stmt, 5, yield_preset && *yield_preset ? yield_preset : "practical");
  bind_text (stmt, 6, preset && *preset ? preset : NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_furrow_store_get_db (self)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                       _("field %s is not in the project"), furrow_field_get_code (field));
          return FALSE;
        }
      return _furrow_store_set_db_error (self, error);
    }
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
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;

  if (!check_writable (self, season, error))
    return FALSE;
  stmt = _furrow_store_prepare (self, "DELETE FROM plans WHERE season_id = ?1 AND field_id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  sqlite3_bind_int64 (stmt, 2, furrow_field_get_id (field));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _furrow_store_set_db_error (self, error);
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

GArray *
furrow_store_get_plans (FurrowStore   *self,
                        FurrowSeason  *season,
                        GError       **error)
{
  g_autoptr(GArray) plans = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonPlan));
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  stmt = _furrow_store_prepare (self, "SELECT field_id, parameters_json, preset, overrides_json "
                                      "FROM plans WHERE season_id = ?1 ORDER BY field_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FurrowSeasonPlan plan = { .field_id = sqlite3_column_int64 (stmt, 0) };
      g_autoptr(GError) local_error = NULL;

      if (!pattern_from_text (column_text (stmt, 1), &plan.pattern, &local_error))
        {
          g_autofree char *field_id = g_strdup_printf ("%" G_GINT64_FORMAT, plan.field_id);

          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
                       _("season “%s”: the plan of field id %s cannot be read: %s"),
                       furrow_season_get_name (season), field_id, local_error->message);
          return NULL;
        }
      g_strlcpy (plan.yield_preset, column_text (stmt, 2) ? column_text (stmt, 2) : "practical",
                 sizeof plan.yield_preset);
      g_strlcpy (plan.preset, column_text (stmt, 3) ? column_text (stmt, 3) : "",
                 sizeof plan.preset);
      g_array_append_val (plans, plan);
    }
  if (rc != SQLITE_DONE)
    {
      _furrow_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&plans);
}

/* ------------------------------------------------------------------------------------------ */
/* Harvests and actual costs                                                                  */

static gboolean
set_harvest (FurrowStore   *self,
             FurrowSeason  *season,
             FurrowField   *field,
             FurrowCrop     crop,
             double         yield_kg,
             gint64         revenue_fen,
             GError       **error)
{
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;
  FurrowSeasonState state;

  if (!check_writable (self, season, error) || !stored_state (self, season, &state, error))
    return FALSE;
  stmt = _furrow_store_prepare (self, "INSERT INTO harvests (season_id, field_id, crop, yield_kg, "
                                      "revenue_fen) VALUES (?1, ?2, ?3, ?4, ?5) "
                                      "ON CONFLICT (season_id, field_id, crop) DO UPDATE SET "
                                      "yield_kg = excluded.yield_kg, "
                                      "revenue_fen = excluded.revenue_fen", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  sqlite3_bind_int64 (stmt, 2, furrow_field_get_id (field));
  sqlite3_bind_text (stmt, 3, furrow_crop_to_string (crop), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 4, yield_kg);
  sqlite3_bind_int64 (stmt, 5, revenue_fen);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_furrow_store_get_db (self)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                       _("field %s is not in the project"), furrow_field_get_code (field));
          return FALSE;
        }
      return _furrow_store_set_db_error (self, error);
    }
  {
    char kg[G_ASCII_DTOSTR_BUF_SIZE];

    detail = g_strdup_printf ("field %s %s: %s kg, revenue %" G_GINT64_FORMAT " fen",
                              furrow_field_get_code (field), furrow_crop_to_string (crop),
                              g_ascii_formatd (kg, sizeof kg, "%.1f", yield_kg), revenue_fen);
  }
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

  if (!check_field (field, error))
    return FALSE;
  if (!(yield_kg >= 0) || !isfinite (yield_kg) || revenue_fen < 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("field %s: a harvest needs a yield and a revenue of zero or more"),
                   furrow_field_get_code (field));
      return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  touch_seasons (self);
  ok = set_harvest (self, season, field, crop, yield_kg, revenue_fen, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_HARVESTS | FURROW_SEASON_CHANGE_STATE, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  if (furrow_season_get_state (season) == FURROW_SEASON_PLANNING)
    _furrow_season_set_state (season, FURROW_SEASON_HARVESTED);
  return TRUE;
}

GArray *
furrow_store_get_harvests (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  g_autoptr(GArray) harvests = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  stmt = _furrow_store_prepare (self, "SELECT field_id, crop, yield_kg, revenue_fen FROM harvests "
                                      "WHERE season_id = ?1 ORDER BY field_id, crop", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FurrowSeasonHarvest harvest = { .field_id = sqlite3_column_int64 (stmt, 0) };

      furrow_crop_from_string (column_text (stmt, 1), &harvest.crop);
      harvest.yield_kg = sqlite3_column_double (stmt, 2);
      harvest.revenue_fen = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (harvests, harvest);
    }
  if (rc != SQLITE_DONE)
    {
      _furrow_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&harvests);
}

static gboolean
set_actual_cost (FurrowStore   *self,
                 FurrowSeason  *season,
                 FurrowField   *field,
                 const char    *item,
                 gint64         fen,
                 GError       **error)
{
  g_autofree char *object = season_object (season);
  g_autofree char *detail = NULL;
  gint64 field_id = field ? furrow_field_get_id (field) : 0;

  if (!check_writable (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "DELETE FROM season_actual_costs WHERE season_id = ?1 AND "
                                   "item = ?2 AND ifnull (field_id, 0) = ?3", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
    bind_text (stmt, 2, item);
    sqlite3_bind_int64 (stmt, 3, field_id);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  if (fen >= 0)
    {
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "INSERT INTO season_actual_costs (season_id, field_id, item, "
                                     "fen) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
      bind_field_id (stmt, 2, field_id);
      bind_text (stmt, 3, item);
      sqlite3_bind_int64 (stmt, 4, fen);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _furrow_store_set_db_error (self, error);
    }
  detail = g_strdup_printf ("%s%s %s: %" G_GINT64_FORMAT " fen", field ? "field " : "season",
                            field ? furrow_field_get_code (field) : "", item, fen < 0 ? 0 : fen);
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

  if (field != NULL && !check_field (field, error))
    return FALSE;
  if (item == NULL || *item == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("an actual cost needs the name of its item"));
      return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = set_actual_cost (self, season, field, item, fen, error);
  if (ok)
    touch_season (self, season, FURROW_SEASON_CHANGE_HARVESTS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

GArray *
furrow_store_get_actual_costs (FurrowStore   *self,
                               FurrowSeason  *season,
                               GError       **error)
{
  g_autoptr(GArray) costs = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonActualCost));
  g_autoptr(FurrowStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  stmt = _furrow_store_prepare (self, "SELECT ifnull (field_id, 0), item, fen FROM "
                                      "season_actual_costs WHERE season_id = ?1 ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FurrowSeasonActualCost cost = { .field_id = sqlite3_column_int64 (stmt, 0) };

      g_strlcpy (cost.item, column_text (stmt, 1), sizeof cost.item);
      cost.fen = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (costs, cost);
    }
  if (rc != SQLITE_DONE)
    {
      _furrow_store_set_db_error (self, error);
      return NULL;
    }
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

/* household id → GPtrArray of its chosen operations ("" for none), for households that chose. */
static GHashTable *
load_household_operations (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(FurrowStoreStmt) stmt =
    _furrow_store_prepare (self, "SELECT household_id, operation FROM "
                                 "season_household_operations WHERE season_id = ?1 "
                                 "ORDER BY household_id, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *ops = g_hash_table_lookup (chosen, &id);

      if (ops == NULL)
        {
          ops = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (chosen, g_memdup2 (&id, sizeof id), ops);
        }
      g_ptr_array_add (ops, g_strdup (column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _furrow_store_set_db_error (self, error);
      return NULL;
    }
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
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "DELETE FROM season_household_operations WHERE "
                                   "season_id = ?1 AND household_id = ?2", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
    sqlite3_bind_int64 (stmt, 2, id);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  if (operations != NULL)
    {
      /* None: one row with an empty operation. */
      const char *none[] = { "", NULL };
      const char * const *rows = operations[0] != NULL ? operations : none;

      for (guint i = 0; rows[i] != NULL; i++)
        {
          g_autoptr(FurrowStoreStmt) stmt =
            _furrow_store_prepare (self, "INSERT OR IGNORE INTO season_household_operations "
                                         "(season_id, household_id, operation) "
                                         "VALUES (?1, ?2, ?3)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, furrow_season_get_id (season));
          sqlite3_bind_int64 (stmt, 2, id);
          bind_text (stmt, 3, rows[i]);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return _furrow_store_set_db_error (self, error);
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
      g_autoptr(FurrowStoreStmt) stmt =
        _furrow_store_prepare (self, "INSERT INTO settlements (season_id, household_id, area_m2, "
                                     "base_fen, dividend_fen, fee_fen, total_fen, rule_text, "
                                     "custody, fee_fen_per_mu, fee_area_m2) VALUES (?1, ?2, ?3, "
                                     "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
      g_autofree char *basis = furrow_distribution_format_basis (&in->input, result, &shares[i]);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, in->household_ids[i]);
      sqlite3_bind_double (stmt, 3, furrow_mu_to_m2 (shares[i].area_cmu / 100.0));
      sqlite3_bind_int64 (stmt, 4, shares[i].base_fen);
      sqlite3_bind_int64 (stmt, 5, shares[i].dividend_fen);
      sqlite3_bind_int64 (stmt, 6, shares[i].fee_fen);
      sqlite3_bind_int64 (stmt, 7, shares[i].total_fen);
      bind_text (stmt, 8, basis);
      sqlite3_bind_text (stmt, 9, custody_text (shares[i].custody), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, shares[i].fee_fen_per_mu);
      sqlite3_bind_double (stmt, 11, furrow_mu_to_m2 (shares[i].fee_area_cmu / 100.0));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _furrow_store_set_db_error (self, error);
    }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "INSERT INTO season_settlements (season_id, total_area_mu, "
                                   "weighted_area_mu, half_custody_area_mu, revenue_fen, "
                                   "other_income_fen, subsidy_fen, income_fen, cost_fen, "
                                   "base_fen_per_mu, base_total_fen, surplus_fen, reserve_fen, "
                                   "collective_fen, cooperative_fen, households_dividend_fen, "
                                   "deficit_fen, fees_fen, reserve_pct, collective_pct, "
                                   "cooperative_pct, households_pct, summary, reason) VALUES "
                                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                   "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_double (stmt, 2, result->total_area_mu);
    sqlite3_bind_double (stmt, 3, result->weighted_area_mu);
    sqlite3_bind_double (stmt, 4, result->half_custody_area_mu);
    sqlite3_bind_int64 (stmt, 5, result->revenue_fen);
    sqlite3_bind_int64 (stmt, 6, result->other_income_fen);
    sqlite3_bind_int64 (stmt, 7, result->subsidy_fen);
    sqlite3_bind_int64 (stmt, 8, result->income_fen);
    sqlite3_bind_int64 (stmt, 9, result->cost_fen);
    sqlite3_bind_int64 (stmt, 10, result->base_fen_per_mu);
    sqlite3_bind_int64 (stmt, 11, result->base_total_fen);
    sqlite3_bind_int64 (stmt, 12, result->surplus_fen);
    sqlite3_bind_int64 (stmt, 13, result->reserve_fen);
    sqlite3_bind_int64 (stmt, 14, result->collective_fen);
    sqlite3_bind_int64 (stmt, 15, result->cooperative_fen);
    sqlite3_bind_int64 (stmt, 16, result->households_dividend_fen);
    sqlite3_bind_int64 (stmt, 17, result->deficit_fen);
    sqlite3_bind_int64 (stmt, 18, result->fees_fen);
    sqlite3_bind_double (stmt, 19, in->input.split.reserve_pct);
    sqlite3_bind_double (stmt, 20, in->input.split.collective_pct);
    sqlite3_bind_double (stmt, 21, in->input.split.cooperative_pct);
    sqlite3_bind_double (stmt, 22, in->input.split.households_pct);
    bind_text (stmt, 23, summary);
    bind_text (stmt, 24, in->input.reason);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      return _furrow_store_set_db_error (self, error);
  }
  if (!run_for_season (self, "UPDATE seasons SET state = 'settled' WHERE id = ?1", id, error))
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
  g_autoptr(FurrowStoreStmt) stmt = NULL;
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
  stmt = _furrow_store_prepare (self, "SELECT summary, households_dividend_fen, base_total_fen, "
                                      "(SELECT count(*) FROM settlements WHERE season_id = ?1) "
                                      "FROM season_settlements WHERE season_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    detail = g_strdup_printf ("reason: %s; settled -> harvested; removed the settlement of %"
                              G_GINT64_FORMAT " households (base %" G_GINT64_FORMAT " fen, "
                              "dividends %" G_GINT64_FORMAT " fen): %s", reason,
                              (gint64) sqlite3_column_int64 (stmt, 3),
                              (gint64) sqlite3_column_int64 (stmt, 2),
                              (gint64) sqlite3_column_int64 (stmt, 1), column_text (stmt, 0));
  else
    detail = g_strdup_printf ("reason: %s; settled -> harvested", reason);
  _furrow_store_stmt_release (g_steal_pointer (&stmt));

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

FurrowSeasonSettlement *
furrow_store_get_settlement (FurrowStore   *self,
                             FurrowSeason  *season,
                             GError       **error)
{
  g_autoptr(FurrowSeasonSettlement) out = g_new0 (FurrowSeasonSettlement, 1);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonSettlementRow));
  gint64 id;
  int rc;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  id = furrow_season_get_id (season);
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT total_area_mu, weighted_area_mu, half_custody_area_mu, "
                                   "revenue_fen, other_income_fen, subsidy_fen, income_fen, "
                                   "cost_fen, base_fen_per_mu, base_total_fen, surplus_fen, "
                                   "reserve_fen, collective_fen, cooperative_fen, "
                                   "households_dividend_fen, deficit_fen, fees_fen, reserve_pct, "
                                   "collective_pct, cooperative_pct, households_pct, summary, "
                                   "reason, created FROM season_settlements WHERE season_id = ?1",
                             error);
    FurrowDistributionResult *t = &out->totals;

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("season “%s” is not settled"), furrow_season_get_name (season));
        return NULL;
      }
    if (rc != SQLITE_ROW)
      {
        _furrow_store_set_db_error (self, error);
        return NULL;
      }
    t->total_area_mu = sqlite3_column_double (stmt, 0);
    t->weighted_area_mu = sqlite3_column_double (stmt, 1);
    t->half_custody_area_mu = sqlite3_column_double (stmt, 2);
    t->total_area_cmu = (gint64) llround (t->total_area_mu * 100);
    t->revenue_fen = sqlite3_column_int64 (stmt, 3);
    t->other_income_fen = sqlite3_column_int64 (stmt, 4);
    t->subsidy_fen = sqlite3_column_int64 (stmt, 5);
    t->income_fen = sqlite3_column_int64 (stmt, 6);
    t->cost_fen = sqlite3_column_int64 (stmt, 7);
    t->base_fen_per_mu = sqlite3_column_int64 (stmt, 8);
    t->base_total_fen = sqlite3_column_int64 (stmt, 9);
    t->surplus_fen = sqlite3_column_int64 (stmt, 10);
    t->reserve_fen = sqlite3_column_int64 (stmt, 11);
    t->collective_fen = sqlite3_column_int64 (stmt, 12);
    t->cooperative_fen = sqlite3_column_int64 (stmt, 13);
    t->households_dividend_fen = sqlite3_column_int64 (stmt, 14);
    t->deficit_fen = sqlite3_column_int64 (stmt, 15);
    t->fees_fen = sqlite3_column_int64 (stmt, 16);
    out->split.reserve_pct = sqlite3_column_double (stmt, 17);
    out->split.collective_pct = sqlite3_column_double (stmt, 18);
    out->split.cooperative_pct = sqlite3_column_double (stmt, 19);
    out->split.households_pct = sqlite3_column_double (stmt, 20);
    out->summary = g_strdup (column_text (stmt, 21));
    out->reason = g_strdup (column_text (stmt, 22));
    out->created = g_strdup (column_text (stmt, 23));
  }
  {
    g_autoptr(FurrowStoreStmt) stmt =
      _furrow_store_prepare (self, "SELECT s.household_id, h.code, h.name, s.custody, s.area_m2, "
                                   "s.fee_fen_per_mu, s.base_fen, s.dividend_fen, s.fee_fen, "
                                   "s.total_fen, s.rule_text, s.fee_area_m2 FROM settlements s "
                                   "JOIN households h "
                                   "ON h.id = s.household_id WHERE s.season_id = ?1 "
                                   "ORDER BY h.code", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        FurrowSeasonSettlementRow row = { .household_id = sqlite3_column_int64 (stmt, 0) };

        row.code = g_strdup (column_text (stmt, 1));
        row.name = g_strdup (column_text (stmt, 2));
        furrow_custody_from_string (column_text (stmt, 3), &row.custody);
        row.area_m2 = sqlite3_column_double (stmt, 4);
        row.fee_fen_per_mu = sqlite3_column_int64 (stmt, 5);
        row.base_fen = sqlite3_column_int64 (stmt, 6);
        row.dividend_fen = sqlite3_column_int64 (stmt, 7);
        row.fee_fen = sqlite3_column_int64 (stmt, 8);
        row.total_fen = sqlite3_column_int64 (stmt, 9);
        row.rule_text = g_strdup (column_text (stmt, 10));
        row.fee_area_m2 = sqlite3_column_double (stmt, 11);
        g_array_append_val (rows, row);
      }
    if (rc != SQLITE_DONE)
      {
        for (guint i = 0; i < rows->len; i++)
          {
            g_free (g_array_index (rows, FurrowSeasonSettlementRow, i).code);
            g_free (g_array_index (rows, FurrowSeasonSettlementRow, i).name);
            g_free (g_array_index (rows, FurrowSeasonSettlementRow, i).rule_text);
          }
        _furrow_store_set_db_error (self, error);
        return NULL;
      }
  }
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
