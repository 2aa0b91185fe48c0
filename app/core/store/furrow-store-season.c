/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The seasons of the project store (furrow-store-season.h): the seasons model and its change
 * signals, reading, adding, renaming and deleting a season, and what the other season files share
 * (furrow-store-season-private.h). */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "furrow-store-private.h"
#include "furrow-store-season-private.h"
#include "furrow-register.h"

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

void
_furrow_season_touch_model (FurrowStore *self)
{
  seasons_state (self)->dirty = TRUE;
}

/* Records what changed in season (see FurrowSeasonChange) for the season-changed signal after
 * the commit; settlement: settlement-changed too. */
void
_furrow_season_touch (FurrowStore        *self,
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

FurrowStatement *
_furrow_season_prepare (FurrowStore  *self,
                        const char   *sql,
                        GError      **error)
{
  return furrow_database_prepare (_furrow_store_get_database (self), sql, error);
}

char *
_furrow_season_object (FurrowSeason *season)
{
  return g_strdup_printf ("season:%s", furrow_season_get_name (season));
}

gboolean
_furrow_season_row_author (FurrowStore      *self,
                           FurrowSeason     *season,
                           FurrowStatement  *row,
                           const char       *detail,
                           char            **who)
{
  g_autofree char *by = NULL;
  gint64 changed_at = 0;
  gboolean found = row != NULL && furrow_statement_step (row, NULL);

  if (found)
    {
      by = furrow_statement_dup_text (row, 0);
      changed_at = furrow_statement_get_int64 (row, 1);
    }
  if (by == NULL || *by == '\0')
    {
      g_autofree char *object = _furrow_season_object (season);

      g_free (by);
      by = detail != NULL ? _furrow_store_last_actor (self, object, detail)
                          : g_strdup (_("another user"));
    }
  *who = _furrow_store_changed_by_at (g_steal_pointer (&by), changed_at);
  return found;
}

/* Runs a statement that binds only the season id (?1). */
gboolean
_furrow_season_run (FurrowStore  *self,
                    const char   *sql,
                    gint64        season_id,
                    GError      **error)
{
  g_autoptr(FurrowStatement) stmt = _furrow_season_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, season_id);
  return furrow_statement_run (stmt, error);
}

/* Calls func for each row of a query that binds only the season id (?1). */
gboolean
_furrow_season_foreach_row (FurrowStore    *self,
                            const char     *sql,
                            gint64          season_id,
                            FurrowSeasonRowFunc   func,
                            gpointer        user_data,
                            GError        **error)
{
  g_autoptr(FurrowStatement) stmt = _furrow_season_prepare (self, sql, error);
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

typedef struct
{
  GArray              *rows;
  guint                element_size;
  FurrowSeasonRowFunc  func;
} RowsRead;

/* Appends a zeroed element for the row and lets the reader fill it. */
static void
read_row (FurrowStatement *stmt,
          gpointer         user_data)
{
  RowsRead *read = user_data;

  g_array_set_size (read->rows, read->rows->len + 1);
  read->func (stmt, read->rows->data + (gsize) (read->rows->len - 1) * read->element_size);
}

GArray *
_furrow_season_read_rows (FurrowStore          *self,
                          FurrowSeason         *season,
                          const char           *sql,
                          guint                 element_size,
                          FurrowSeasonRowFunc   func,
                          GError              **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, element_size);
  RowsRead read = { rows, element_size, func };

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!_furrow_season_foreach_row (self, sql, furrow_season_get_id (season), read_row, &read,
                                   error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Whether the file has a field with this id. */
gboolean
_furrow_season_field_in_file (FurrowStore *self,
                              gint64       field_id)
{
  g_autoptr(FurrowStatement) stmt =
    _furrow_season_prepare (self, "SELECT 1 FROM fields WHERE id = ?1", NULL);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return TRUE;
  furrow_statement_bind_int64 (stmt, 1, field_id);
  /* A failure to tell: as if it were there (the write's own error is passed on). */
  return furrow_statement_step (stmt, &local_error) || local_error != NULL;
}

/* A write about field `code` (id field_id) failed with local_error (taken): a broken rule of the
 * schema because the field is gone is NOT_FOUND; anything else is passed on. */
gboolean
_furrow_season_field_error (FurrowStore  *self,
                            gint64        field_id,
                            const char   *code,
                            GError       *local_error,
                            GError      **error)
{
  if (g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONSTRAINT) &&
      !_furrow_season_field_in_file (self, field_id))
    {
      g_error_free (local_error);
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("field %s is not in the project"), code);
      return FALSE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

#define SEASON_COLUMNS "id, name, crop_year, state, notes, notice_date, notice_days, " \
  "(SELECT count (*) FROM season_objections o WHERE o.season_id = seasons.id AND o.resolved = ''), " \
  "row_version"

const char *
_furrow_season_list_sql (void)
{
  return "SELECT " SEASON_COLUMNS " FROM seasons ORDER BY id";
}

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
  furrow_season_set_notice_date (season, furrow_statement_get_text (stmt, 5));
  furrow_season_set_notice_days (season, (guint) furrow_statement_get_int64 (stmt, 6));
  _furrow_season_set_open_objections (season, (guint) furrow_statement_get_int64 (stmt, 7));
  _furrow_store_object_set_version (season, furrow_statement_get_int64 (stmt, 8));
  return season;
}

gint64
furrow_store_season_get_version (FurrowSeason *season)
{
  g_return_val_if_fail (FURROW_IS_SEASON (season), 0);

  return _furrow_store_object_get_version (season);
}

void
furrow_store_season_set_version (FurrowSeason *season,
                                 gint64        version)
{
  g_return_if_fail (FURROW_IS_SEASON (season));

  _furrow_store_object_set_version (season, version);
}

static GPtrArray *
load_seasons (FurrowStore  *self,
              GError      **error)
{
  g_autoptr(GPtrArray) seasons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, _furrow_season_list_sql (), error);
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
    if (!_furrow_season_load_rules (self, g_ptr_array_index (seasons, i), error))
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
          _furrow_season_set_open_objections (old, furrow_season_get_open_objections (fresh));
          _furrow_store_object_set_version (old, _furrow_store_object_get_version (fresh));
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

static void
unref_season (gpointer season)
{
  if (season != NULL)
    g_object_unref (season);
}

/* Seasons another user changed (their ids, gint64): the model read again in place, then one
 * season-changed each — ADDED for one new here, REMOVED (the object it was) for one gone, every
 * other flag otherwise — and settlement-changed, since their settlement or payments may be
 * new too (docs/architecture.md, Several users at once). */
void
_furrow_store_seasons_follow (FurrowStore *self,
                              GArray      *ids)
{
  const FurrowSeasonChange changed = FURROW_SEASON_CHANGE_RULES | FURROW_SEASON_CHANGE_PLANS |
                                     FURROW_SEASON_CHANGE_HARVESTS |
                                     FURROW_SEASON_CHANGE_OPERATIONS |
                                     FURROW_SEASON_CHANGE_STATE;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (unref_season);

  for (guint i = 0; i < ids->len; i++)
    {
      FurrowSeason *season = live_season (self, g_array_index (ids, gint64, i));

      g_ptr_array_add (before, season != NULL ? g_object_ref (season) : NULL);
    }
  refresh_model (self);
  for (guint i = 0; i < ids->len; i++)
    {
      FurrowSeason *was = g_ptr_array_index (before, i);
      FurrowSeason *now = live_season (self, g_array_index (ids, gint64, i));

      if (now == NULL && was == NULL)
        {
          /* The model is not loaded: say that something changed. */
          _furrow_store_emit_season_changed (self, NULL, changed | FURROW_SEASON_CHANGE_ADDED |
                                             FURROW_SEASON_CHANGE_REMOVED);
          continue;
        }
      if (now == NULL)
        {
          _furrow_store_emit_season_changed (self, was, FURROW_SEASON_CHANGE_REMOVED);
          continue;
        }
      _furrow_store_emit_season_changed (self, now,
                                         was == NULL ? FURROW_SEASON_CHANGE_ADDED : changed);
      _furrow_store_emit_settlement_changed (self, now);
    }
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
      _furrow_season_prepare (self, "SELECT " SEASON_COLUMNS " FROM seasons WHERE name = ?1",
                              &error);
    if (stmt == NULL)
      return NULL;
    furrow_statement_bind_text (stmt, 1, name);
    if (!furrow_statement_step (stmt, &error))
      return NULL;
    season = read_season (stmt);
  }
  if (!_furrow_season_load_rules (self, season, &error))
    {
      g_message ("%s", error->message);
      return NULL;
    }
  return g_steal_pointer (&season);
}

/* The state in the file (not the object's, which may be stale). */
gboolean
_furrow_season_stored_state (FurrowStore        *self,
                             FurrowSeason       *season,
                             FurrowSeasonState  *state,
                             GError            **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (furrow_season_get_id (season) > 0)
    {
      stmt = _furrow_season_prepare (self, "SELECT state FROM seasons WHERE id = ?1", error);
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
gboolean
_furrow_season_check_writable (FurrowStore   *self,
                               FurrowSeason  *season,
                               GError       **error)
{
  FurrowSeasonState state;

  if (!_furrow_season_stored_state (self, season, &state, error))
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

/* What a season must be before it is written, from the window and furrow-cli alike: a name,
 * no control character in its texts (issue 12), and for each crop a price of 0 fen/kg or more
 * and a reference moisture that is a percentage of the grain's weight (docs/domain.md §7). */
static gboolean
check_season (FurrowSeason  *season,
              GError       **error)
{
  const char *name = furrow_season_get_name (season);

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("a season needs a name"));
      return FALSE;
    }
  /* A name is printed on every list and page: no terminal escape in it (issue 12). */
  if (!_furrow_store_check_text (name, FURROW_TEXT_LINE, _("the season’s name"), error) ||
      !_furrow_store_check_text (furrow_season_get_notes (season), FURROW_TEXT_MULTILINE,
                                 _("the season’s notes"), error))
    return FALSE;
  for (FurrowCrop crop = 0; crop < FURROW_N_CROPS; crop++)
    {
      const FurrowSeasonPrice *price = furrow_season_get_price (season, crop);
      const char *label = crop == FURROW_CROP_MAIZE ? _("Maize") : _("Soybean");

      if (!isfinite (price->price_fen_per_kg) || price->price_fen_per_kg < 0)
        {
          /* Translators: %s is a crop (Maize, Soybean) */
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                       _("%s: a price of %g fen/kg cannot be stored; give fen per kilogram, 0 "
                         "or more"), label, price->price_fen_per_kg);
          return FALSE;
        }
      if (!isfinite (price->moisture_pct) || price->moisture_pct < 0 ||
          price->moisture_pct > 100)
        {
          /* Translators: %s is a crop (Maize, Soybean) */
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                       _("%s: a reference moisture of %g is not a percentage from 0 to 100"),
                       label, price->moisture_pct);
          return FALSE;
        }
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
gboolean
_furrow_season_insert (FurrowStore        *self,
                       FurrowSeason       *season,
                       gint64              id,
                       FurrowSeasonState   state,
                       GError            **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *rules = NULL;
  GError *local_error = NULL;

  /* A season put back by Undo keeps its id; a new one gets the next (on a server from the
   * identity's sequence: an explicit NULL there is not "the next", docs/architecture.md, The
   * backend seam). RETURNING gives the id on both. */
  stmt = _furrow_season_prepare (self,
                                 FURROW_SQL (_furrow_store_get_database (self),
                                             "INSERT INTO seasons (id, name, crop_year, state,"
                                             " notes, notice_date, notice_days)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                                             "INSERT INTO seasons (id, name, crop_year, state,"
                                             " notes, notice_date, notice_days)"
                                             " VALUES (coalesce (?1, nextval"
                                             " (pg_get_serial_sequence ('seasons', 'id'))),"
                                             " ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"),
                                 error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_id (stmt, 1, id);
  furrow_statement_bind_text (stmt, 2, furrow_season_get_name (season));
  furrow_statement_bind_int64 (stmt, 3, furrow_season_get_crop_year (season));
  furrow_statement_bind_text (stmt, 4, furrow_season_state_to_string (state));
  furrow_statement_bind_text (stmt, 5, furrow_season_get_notes (season));
  furrow_statement_bind_text (stmt, 6, furrow_season_get_notice_date (season) != NULL
                                       ? furrow_season_get_notice_date (season) : "");
  furrow_statement_bind_int64 (stmt, 7, furrow_season_get_notice_days (season));
  if (!furrow_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        local_error = g_error_new_literal (FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                                           "INSERT … RETURNING gave no row");
      return season_write_error (season, local_error, error);
    }
  _furrow_season_set_id (season, furrow_statement_get_int64 (stmt, 0));
  if (!furrow_statement_run (stmt, &local_error))
    return season_write_error (season, local_error, error);
  if (!_furrow_season_write_rules (self, season, error))
    return FALSE;
  object = _furrow_season_object (season);
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

  if (!check_season (season, error))
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
  _furrow_season_touch_model (self);
  ok = _furrow_season_insert (self, season, 0, FURROW_SEASON_PLANNING, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_ADDED, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    {
      _furrow_season_set_id (season, 0);
      return FALSE;
    }
  _furrow_season_set_state (season, FURROW_SEASON_PLANNING);
  return TRUE;
}

/* A season whose row another writer changed since it was read: CONFLICT naming who (the row's
 * changed_by, else the audit log's last actor for the season). */
static gboolean
rules_conflict (FurrowStore   *self,
                FurrowSeason  *season,
                GError       **error)
{
  g_autoptr(FurrowStatement) row =
    _furrow_season_prepare (self, "SELECT changed_by, changed_at FROM seasons WHERE id = ?1",
                            NULL);
  g_autofree char *who = NULL;

  if (row != NULL)
    furrow_statement_bind_int64 (row, 1, furrow_season_get_id (season));
  _furrow_season_row_author (self, season, row, "%", &who);
  /* Translators: the season's name, the user. */
  return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                        g_strdup_printf (_("The rules of season “%s” were "
                                                           "changed by %s after you opened "
                                                           "them: your change was not saved, "
                                                           "and their rules are shown now."),
                                                         furrow_season_get_name (season), who),
                                        error);
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

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStatement) name_stmt =
      _furrow_season_prepare (self, "SELECT name FROM seasons WHERE id = ?1", error);
    if (name_stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (name_stmt, 1, furrow_season_get_id (season));
    if (furrow_statement_step (name_stmt, NULL))
      old_object = g_strdup_printf ("season:%s", furrow_statement_get_text (name_stmt, 0));
  }
  _furrow_season_set_id (before, furrow_season_get_id (season));
  if (!_furrow_season_load_rules (self, before, error))
    return FALSE;
  rules_before = furrow_season_describe_rules (before);

  /* The version check and the write are one statement (docs/architecture.md, Several users at
   * once); a season not read from the project (version 0) binds NULL and is not checked. */
  stmt = _furrow_season_prepare (self, "UPDATE seasons SET name = ?2, crop_year = ?3, notes = ?4, "
                                       "changed_by = ?5, changed_at = ?7, "
                                       "row_version = row_version + 1 "
                                       "WHERE id = ?1 AND row_version = coalesce (?6, row_version)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_text (stmt, 2, furrow_season_get_name (season));
  furrow_statement_bind_int64 (stmt, 3, furrow_season_get_crop_year (season));
  furrow_statement_bind_text (stmt, 4, furrow_season_get_notes (season));
  furrow_statement_bind_text (stmt, 5, self->actor);
  furrow_statement_bind_id (stmt, 6, _furrow_store_object_get_version (season));
  furrow_statement_bind_int64 (stmt, 7, _furrow_store_now ());
  if (!furrow_statement_run (stmt, &local_error))
    return season_write_error (season, local_error, error);
  if (furrow_database_changes (_furrow_store_get_database (self)) == 0)
    {
      g_clear_pointer (&stmt, furrow_statement_release);
      return rules_conflict (self, season, error);
    }
  if (!_furrow_season_write_rules (self, season, error))
    return FALSE;

  object = _furrow_season_object (season);
  if (old_object != NULL && g_strcmp0 (old_object, object) != 0)
    {
      g_autofree char *detail = g_strdup_printf ("renamed %s -> %s", old_object, object);

      if (!_furrow_store_audit (self, "season.rename", object, detail, error))
        return FALSE;
    }
  rules_after = furrow_season_describe_rules (season);
  diff = _furrow_season_rules_diff (rules_before, rules_after);
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

  if (!check_season (season, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  _furrow_season_touch_model (self);
  ok = update_season (self, season, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_RULES, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  /* The copy written has the new version too: a store never conflicts with its own writes. */
  if (_furrow_store_object_get_version (season) > 0)
    _furrow_store_object_set_version (season, _furrow_store_object_get_version (season) + 1);
  return TRUE;
}

static gboolean
set_notice_date (FurrowStore   *self,
                 FurrowSeason  *season,
                 const char    *date,
                 GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = _furrow_season_object (season);
  FurrowSeasonState state;

  if (!_furrow_season_stored_state (self, season, &state, error))
    return FALSE;
  stmt = _furrow_season_prepare (self, "UPDATE seasons SET notice_date = ?2 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_text (stmt, 2, date);
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  return _furrow_store_audit (self, "season.notice-date", object, *date != '\0' ? date : "none",
                              error);
}

gboolean
furrow_store_set_notice_date (FurrowStore   *self,
                              FurrowSeason  *season,
                              const char    *date,
                              GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (date == NULL)
    date = "";
  if (*date != '\0' && !furrow_season_notice_date_is_valid (date))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("“%s” is not a date: give the public-notice date as YYYY-MM-DD, e.g. "
                     "2024-11-20"), date);
      return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  _furrow_season_touch_model (self);
  ok = set_notice_date (self, season, date, error);
  if (ok)
    {
      furrow_season_set_notice_date (season, date);
      _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_RULES, FALSE);
    }
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

static gboolean
delete_season (FurrowStore   *self,
               FurrowSeason  *season,
               GError       **error)
{
  g_autofree char *object = _furrow_season_object (season);

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  /* Settlement rows of a season reopened earlier are already gone; RESTRICT guards the rest. */
  if (!_furrow_season_run (self, "DELETE FROM seasons WHERE id = ?1", furrow_season_get_id (season),
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
  _furrow_season_touch_model (self);
  ok = delete_season (self, season, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_REMOVED, FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_season_set_id (season, 0);
  return TRUE;
}

gboolean
_furrow_season_check_field (FurrowField  *field,
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
