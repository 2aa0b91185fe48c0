/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Harvests and actual costs of a season, and each field's economics from its plan, harvests and
 * costs. */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "furrow-layout.h"
#include "furrow-store-private.h"
#include "furrow-store-season-private.h"
#include "furrow-store-yield.h"
#include "furrow-units.h"
#include "furrow-yield-model.h"

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

/* Who changed the harvest of `crop` on field_id last and what it reads now, for the conflict's
 * message: the row's changed_by, else (the row is gone) the audit log's last actor for it. */
static gboolean
harvest_conflict (FurrowStore   *self,
                  FurrowSeason  *season,
                  FurrowField   *field,
                  FurrowCrop     crop,
                  GError       **error)
{
  const char *code = furrow_field_get_code (field);
  const char *crop_name = furrow_crop_to_string (crop);
  g_autoptr(FurrowStatement) row =
    _furrow_season_prepare (self, "SELECT changed_by, changed_at, yield_kg FROM harvests WHERE "
                                  "season_id = ?1 AND field_id = ?2 AND crop = ?3", NULL);
  g_autofree char *detail = g_strdup_printf ("field %s %s:%%", code, crop_name);
  g_autofree char *who = NULL;
  g_autofree char *kg = NULL;
  double now_kg;

  if (row != NULL)
    {
      furrow_statement_bind_int64 (row, 1, furrow_season_get_id (season));
      furrow_statement_bind_int64 (row, 2, furrow_field_get_id (field));
      furrow_statement_bind_text (row, 3, crop_name);
    }
  if (!_furrow_season_row_author (self, season, row, detail, &who))
    return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                          g_strdup_printf (crop == FURROW_CROP_MAIZE
                                                           ? _("The maize harvest of field %s was "
                                                               "removed by %s after you opened it. "
                                                               "Your change was not saved.")
                                                           : _("The soybean harvest of field %s "
                                                               "was removed by %s after you "
                                                               "opened it. Your change was not "
                                                               "saved."), code, who), error);
  now_kg = furrow_statement_get_double (row, 2);
  kg = g_strdup_printf (now_kg == floor (now_kg) ? "%'.0f" : "%'.1f", now_kg);
  return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                        g_strdup_printf (crop == FURROW_CROP_MAIZE
                                                         ? _("The maize harvest of field %s was "
                                                             "changed by %s after you opened it; "
                                                             "it now reads %s kg. Your change was "
                                                             "not saved.")
                                                         : _("The soybean harvest of field %s was "
                                                             "changed by %s after you opened it; "
                                                             "it now reads %s kg. Your change was "
                                                             "not saved."), code, who, kg), error);
}

/* The statement that writes a harvest read at `version` (FurrowSeasonHarvest): a new row only
 * where none was read, the row of that version only where one was, any row when not checked. */
static const char *
harvest_write_sql (gint64 version)
{
  if (version == FURROW_ROW_VERSION_NONE)
    return "INSERT INTO harvests (season_id, field_id, crop, yield_kg, revenue_fen, changed_by, "
           "changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
           "ON CONFLICT (season_id, field_id, crop) DO NOTHING";
  if (version > 0)
    return "UPDATE harvests SET yield_kg = ?4, revenue_fen = ?5, changed_by = ?6, "
           "changed_at = ?7, row_version = row_version + 1 WHERE season_id = ?1 AND "
           "field_id = ?2 AND crop = ?3 AND row_version = ?8";
  return "INSERT INTO harvests (season_id, field_id, crop, yield_kg, revenue_fen, changed_by, "
         "changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
         "ON CONFLICT (season_id, field_id, crop) DO UPDATE SET "
         "yield_kg = excluded.yield_kg, revenue_fen = excluded.revenue_fen, "
         "changed_by = excluded.changed_by, changed_at = excluded.changed_at, "
         "row_version = harvests.row_version + 1";
}

gboolean
_furrow_season_set_harvest (FurrowStore   *self,
                            FurrowSeason  *season,
                            FurrowField   *field,
                            FurrowCrop     crop,
                            double         yield_kg,
                            gint64         revenue_fen,
                            gint64         version,
                            GError       **error)
{
  gint64 field_id = furrow_field_get_id (field);
  const char *code = furrow_field_get_code (field);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;
  FurrowSeasonState state;
  GError *local_error = NULL;
  char kg[G_ASCII_DTOSTR_BUF_SIZE];

  if (!_furrow_season_check_writable (self, season, error) ||
      !_furrow_season_stored_state (self, season, &state, error))
    return FALSE;
  stmt = _furrow_season_prepare (self, harvest_write_sql (version), error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, field_id);
  furrow_statement_bind_text (stmt, 3, furrow_crop_to_string (crop));
  furrow_statement_bind_double (stmt, 4, yield_kg);
  furrow_statement_bind_int64 (stmt, 5, revenue_fen);
  furrow_statement_bind_text (stmt, 6, self->actor);
  furrow_statement_bind_int64 (stmt, 7, _furrow_store_now ());
  if (version > 0)
    furrow_statement_bind_int64 (stmt, 8, version);
  if (!furrow_statement_run (stmt, &local_error))
    return _furrow_season_field_error (self, field_id, code, local_error, error);
  if (version != 0 && furrow_database_changes (_furrow_store_get_database (self)) == 0)
    {
      g_clear_pointer (&stmt, furrow_statement_release);
      return harvest_conflict (self, season, field, crop, error);
    }
  detail = g_strdup_printf ("field %s %s: %s kg, revenue %" G_GINT64_FORMAT " fen", code,
                            furrow_crop_to_string (crop),
                            g_ascii_formatd (kg, sizeof kg, "%.1f", yield_kg), revenue_fen);
  if (!_furrow_store_audit (self, "season.harvest", object, detail, error))
    return FALSE;
  if (state == FURROW_SEASON_PLANNING)
    {
      if (!_furrow_season_run (self, "UPDATE seasons SET state = 'harvested' WHERE id = ?1",
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

  if (!_furrow_season_check_field (field, error) ||
      !check_harvest (furrow_field_get_code (field), yield_kg, revenue_fen, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  _furrow_season_touch_model (self);
  ok = _furrow_season_set_harvest (self, season, field, crop, yield_kg, revenue_fen, 0, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_HARVESTS | FURROW_SEASON_CHANGE_STATE,
                          FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  if (furrow_season_get_state (season) == FURROW_SEASON_PLANNING)
    _furrow_season_set_state (season, FURROW_SEASON_HARVESTED);
  return TRUE;
}

/* Removes the record of `crop` on `field`, audited when there was one (inside an operation); one
 * read at `version` (> 0) must still be that version. */
static gboolean
delete_harvest (FurrowStore   *self,
                FurrowSeason  *season,
                FurrowField   *field,
                FurrowCrop     crop,
                gint64         version,
                GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  stmt = _furrow_season_prepare (self, "DELETE FROM harvests WHERE season_id = ?1 AND "
                                       "field_id = ?2 AND crop = ?3 AND "
                                       "row_version = coalesce (?4, row_version)", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, furrow_field_get_id (field));
  furrow_statement_bind_text (stmt, 3, furrow_crop_to_string (crop));
  furrow_statement_bind_id (stmt, 4, version > 0 ? version : 0);
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  if (furrow_database_changes (_furrow_store_get_database (self)) == 0)
    {
      g_clear_pointer (&stmt, furrow_statement_release);
      return version > 0 ? harvest_conflict (self, season, field, crop, error) : TRUE;
    }
  detail = g_strdup_printf ("field %s %s: removed", furrow_field_get_code (field),
                            furrow_crop_to_string (crop));
  return _furrow_store_audit (self, "season.harvest", object, detail, error);
}

gboolean
furrow_store_set_harvests (FurrowStore               *self,
                           FurrowSeason              *season,
                           const FurrowSeasonHarvest *harvests,
                           guint                      n_harvests,
                           GError                   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (n_harvests == 0 || harvests != NULL, FALSE);

  /* Every record checked before the transaction begins: a bad one writes none. */
  for (guint i = 0; i < n_harvests; i++)
    {
      FurrowField *field = furrow_store_get_field_by_id (self, harvests[i].field_id);

      g_return_val_if_fail (harvests[i].crop < FURROW_N_CROPS, FALSE);
      if (field == NULL)
        {
          g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                               _("The field is no longer in the project"));
          return FALSE;
        }
      if (!harvests[i].none &&
          !check_harvest (furrow_field_get_code (field), harvests[i].yield_kg,
                          harvests[i].revenue_fen, error))
        return FALSE;
    }
  if (n_harvests == 0)
    return TRUE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  _furrow_season_touch_model (self);
  for (guint i = 0; ok && i < n_harvests; i++)
    {
      FurrowField *field = furrow_store_get_field_by_id (self, harvests[i].field_id);

      if (harvests[i].none)
        ok = delete_harvest (self, season, field, harvests[i].crop, harvests[i].row_version,
                             error);
      else
        ok = _furrow_season_set_harvest (self, season, field, harvests[i].crop,
                                         harvests[i].yield_kg, harvests[i].revenue_fen,
                                         harvests[i].row_version, error);
    }
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_HARVESTS | FURROW_SEASON_CHANGE_STATE,
                          FALSE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  if (furrow_season_get_state (season) == FURROW_SEASON_PLANNING)
    _furrow_season_set_state (season, FURROW_SEASON_HARVESTED);
  return TRUE;
}

static void
read_harvest (FurrowStatement     *stmt,
              FurrowSeasonHarvest *harvest)
{
  harvest->field_id = furrow_statement_get_int64 (stmt, 0);
  furrow_crop_from_string (furrow_statement_get_text (stmt, 1), &harvest->crop);
  harvest->yield_kg = furrow_statement_get_double (stmt, 2);
  harvest->revenue_fen = furrow_statement_get_int64 (stmt, 3);
  harvest->row_version = furrow_statement_get_int64 (stmt, 4);
}

GArray *
furrow_store_get_harvests (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  return _furrow_season_read_rows (self, season, "SELECT field_id, crop, yield_kg, revenue_fen, "
                                                 "row_version FROM harvests WHERE season_id = ?1 "
                                                 "ORDER BY field_id, crop",
                                   sizeof (FurrowSeasonHarvest),
                                   (FurrowSeasonRowFunc) read_harvest, error);
}

gboolean
_furrow_season_read_field_records (FurrowStore   *self,
                                   FurrowSeason  *season,
                                   GArray       **plans,
                                   GArray       **harvests,
                                   GError       **error)
{
  g_autoptr(GArray) read_plans = furrow_store_get_plans (self, season, error);

  if (read_plans == NULL)
    return FALSE;
  *harvests = furrow_store_get_harvests (self, season, error);
  if (*harvests == NULL)
    return FALSE;
  *plans = g_steal_pointer (&read_plans);
  return TRUE;
}

/* _furrow_season_set_actual_cost() over the row at `version` (0: any): *stale when another
 * writer's version is stored now (nothing written, TRUE returned). */
static gboolean
write_actual_cost (FurrowStore   *self,
                   FurrowSeason  *season,
                   FurrowField   *field,
                   const char    *item,
                   gint64         fen,
                   gint64         version,
                   gboolean      *stale,
                   GError       **error)
{
  gint64 field_id = field != NULL ? furrow_field_get_id (field) : 0;
  const char *code = field != NULL ? furrow_field_get_code (field) : NULL;
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;
  FurrowDatabase *database = _furrow_store_get_database (self);
  gboolean written = FALSE;

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  /* A change keeps the row and raises its version; a removal deletes it. */
  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, fen >= 0
                                    ? "UPDATE season_actual_costs SET fen = ?4, changed_by = ?5, "
                                      "changed_at = ?7, row_version = row_version + 1 "
                                      "WHERE season_id = ?1 AND "
                                      "item = ?2 AND ifnull (field_id, 0) = ?3 AND "
                                      "row_version = coalesce (?6, row_version)"
                                    : "DELETE FROM season_actual_costs WHERE season_id = ?1 AND "
                                      "item = ?2 AND ifnull (field_id, 0) = ?3 AND "
                                      "row_version = coalesce (?6, row_version)", error);
    if (stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
    furrow_statement_bind_text (stmt, 2, item);
    furrow_statement_bind_int64 (stmt, 3, field_id);
    if (fen >= 0)
      {
        furrow_statement_bind_int64 (stmt, 4, fen);
        furrow_statement_bind_text (stmt, 5, self->actor);
        furrow_statement_bind_int64 (stmt, 7, _furrow_store_now ());
      }
    furrow_statement_bind_id (stmt, 6, version);
    if (!furrow_statement_run (stmt, error))
      return FALSE;
    written = furrow_database_changes (database) > 0;
    /* The version read in this transaction is gone: another writer committed since. */
    *stale = version > 0 && !written;
    if (*stale)
      return TRUE;
    written = written && fen >= 0;
  }
  if (fen >= 0 && !written)
    {
      g_autoptr(FurrowStatement) stmt =
        _furrow_season_prepare (self, "INSERT INTO season_actual_costs (season_id, field_id, item, "
                                      "fen, changed_by, changed_at) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
      furrow_statement_bind_id (stmt, 2, field_id);
      furrow_statement_bind_text (stmt, 3, item);
      furrow_statement_bind_int64 (stmt, 4, fen);
      furrow_statement_bind_text (stmt, 5, self->actor);
      furrow_statement_bind_int64 (stmt, 6, _furrow_store_now ());
      if (!furrow_statement_run (stmt, error))
        return FALSE;
    }
  detail = g_strdup_printf ("%s%s %s: %" G_GINT64_FORMAT " fen", code ? "field " : "season",
                            code ? code : "", item, fen < 0 ? 0 : fen);
  return _furrow_store_audit (self, "season.actual_cost", object, detail, error);
}

gboolean
_furrow_season_set_actual_cost (FurrowStore   *self,
                                FurrowSeason  *season,
                                FurrowField   *field,
                                const char    *item,
                                gint64         fen,
                                GError       **error)
{
  gboolean stale = FALSE;

  return write_actual_cost (self, season, field, item, fen, 0, &stale, error);
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

  if ((field != NULL && !_furrow_season_check_field (field, error)) ||
      !check_cost_item (item, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = _furrow_season_set_actual_cost (self, season, field, item, fen, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_HARVESTS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

static void
read_actual_cost (FurrowStatement        *stmt,
                  FurrowSeasonActualCost *cost)
{
  cost->field_id = furrow_statement_get_int64 (stmt, 0);
  g_strlcpy (cost->item, furrow_statement_get_text (stmt, 1), sizeof cost->item);
  cost->fen = furrow_statement_get_int64 (stmt, 2);
  cost->row_version = furrow_statement_get_int64 (stmt, 3);
}

GArray *
furrow_store_get_actual_costs (FurrowStore   *self,
                               FurrowSeason  *season,
                               GError       **error)
{
  return _furrow_season_read_rows (self, season, "SELECT ifnull (field_id, 0), item, fen, "
                                                 "row_version FROM season_actual_costs WHERE season_id = ?1 "
                                                 "ORDER BY id",
                                   sizeof (FurrowSeasonActualCost),
                                   (FurrowSeasonRowFunc) read_actual_cost, error);
}

const FurrowSeasonActualCost *
furrow_actual_costs_find (GArray                       *costs,
                          const FurrowSeasonActualCost *key)
{
  for (guint i = 0; i < costs->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (costs, FurrowSeasonActualCost, i);

      if (c->field_id == key->field_id && strcmp (c->item, key->item) == 0)
        return c;
    }
  return NULL;
}

gboolean
furrow_actual_costs_equal (GArray *a,
                           GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (a, FurrowSeasonActualCost, i);
      const FurrowSeasonActualCost *d = furrow_actual_costs_find (b, c);

      if (d == NULL || d->fen != c->fen)
        return FALSE;
    }
  return TRUE;
}

/* The field of a cost (NULL: the whole season), or FALSE with NOT_FOUND for a field not stored. */
static gboolean
cost_field (FurrowStore                   *self,
            const FurrowSeasonActualCost  *cost,
            FurrowField                  **field,
            GError                       **error)
{
  *field = cost->field_id > 0 ? furrow_store_get_field_by_id (self, cost->field_id) : NULL;
  if (cost->field_id > 0 && *field == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cost->field_id);

      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("field id %s is not in the project"), id);
      return FALSE;
    }
  return TRUE;
}

/* The first difference between the costs a caller was shown and those stored now, as
 * CONFLICT naming who made it (the row's changed_by, or for a removed cost the audit log's
 * last actor for it) and what the cost reads now; TRUE when there is none. */
static gboolean
check_costs_shown (FurrowStore   *self,
                   FurrowSeason  *season,
                   GArray        *shown,
                   GArray        *current,
                   GError       **error)
{
  for (guint i = 0; i < current->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (current, FurrowSeasonActualCost, i);
      const FurrowSeasonActualCost *was = furrow_actual_costs_find (shown, c);
      g_autoptr(FurrowStatement) row = NULL;
      g_autofree char *who = NULL;
      g_autofree char *yuan = NULL;

      if (was != NULL && was->fen == c->fen &&
          (was->row_version == 0 || was->row_version == c->row_version))
        continue;
      row = _furrow_season_prepare (self, "SELECT changed_by, changed_at FROM "
                                          "season_actual_costs WHERE "
                                          "season_id = ?1 AND item = ?2 AND "
                                          "ifnull (field_id, 0) = ?3", NULL);
      if (row != NULL)
        {
          furrow_statement_bind_int64 (row, 1, furrow_season_get_id (season));
          furrow_statement_bind_text (row, 2, c->item);
          furrow_statement_bind_int64 (row, 3, c->field_id);
        }
      _furrow_season_row_author (self, season, row, NULL, &who);
      yuan = furrow_format_yuan (c->fen);
      /* Translators: the cost's item, the season, the user, the amount ("¥1,250.00"). */
      return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                            g_strdup_printf (_("The actual cost “%s” of season "
                                                               "“%s” was changed by %s after you "
                                                               "opened it; it now reads %s. "
                                                               "Your change was not saved."),
                                                             c->item,
                                                             furrow_season_get_name (season),
                                                             who, yuan), error);
    }
  for (guint i = 0; i < shown->len; i++)
    {
      const FurrowSeasonActualCost *was = &g_array_index (shown, FurrowSeasonActualCost, i);
      FurrowField *field = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *who = NULL;

      if (furrow_actual_costs_find (current, was) != NULL)
        continue;
      if (was->field_id > 0)
        field = furrow_store_get_field_by_id (self, was->field_id);
      detail = g_strdup_printf ("%s%s %s:%%", field != NULL ? "field " : "season",
                                field != NULL ? furrow_field_get_code (field) : "", was->item);
      _furrow_season_row_author (self, season, NULL, detail, &who);
      return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                            g_strdup_printf (_("The actual cost “%s” of season "
                                                               "“%s” was removed by %s after you "
                                                               "opened it. Your change was not "
                                                               "saved."), was->item,
                                                             furrow_season_get_name (season),
                                                             who), error);
    }
  return TRUE;
}

/* Removes the stored costs not in target, writes the new and changed ones. */
static gboolean
save_actual_costs (FurrowStore   *self,
                   FurrowSeason  *season,
                   GArray        *shown,
                   GArray        *target,
                   GError       **error)
{
  g_autoptr(GArray) current = furrow_store_get_actual_costs (self, season, error);
  FurrowField *field;
  gboolean stale = FALSE;

  if (current == NULL)
    return FALSE;
  if (shown != NULL && !check_costs_shown (self, season, shown, current, error))
    return FALSE;
  /* Checked, each write names the version just read: on a server another writer may commit
   * between the read and the write (docs/architecture.md, Several users at once). */
  for (guint i = 0; !stale && i < current->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (current, FurrowSeasonActualCost, i);

      if (furrow_actual_costs_find (target, c) != NULL)
        continue;
      /* A cost of a field deleted since went with the field. */
      if (cost_field (self, c, &field, NULL) &&
          !write_actual_cost (self, season, field, c->item, -1, shown ? c->row_version : 0,
                              &stale, error))
        return FALSE;
    }
  for (guint i = 0; !stale && i < target->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (target, FurrowSeasonActualCost, i);
      const FurrowSeasonActualCost *now = furrow_actual_costs_find (current, c);

      if (now != NULL && now->fen == c->fen)
        continue;
      if (!cost_field (self, c, &field, error) || !check_cost_item (c->item, error) ||
          !write_actual_cost (self, season, field, c->item, c->fen,
                              shown != NULL && now != NULL ? now->row_version : 0, &stale, error))
        return FALSE;
    }
  if (!stale)
    return TRUE;
  g_clear_pointer (&current, g_array_unref);
  current = furrow_store_get_actual_costs (self, season, error);
  if (current == NULL || !check_costs_shown (self, season, shown, current, error))
    return FALSE;
  return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                        g_strdup (_("Another user changed the actual costs at "
                                                    "the same time. Your change was not saved.")),
                                        error);
}

gboolean
furrow_store_save_actual_costs (FurrowStore   *self,
                                FurrowSeason  *season,
                                GArray        *shown,
                                GArray        *costs,
                                GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (costs != NULL, FALSE);

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = _furrow_season_check_writable (self, season, error) &&
       save_actual_costs (self, season, shown, costs, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_HARVESTS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
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

/* Adds each field's full-custody registered area (its parcels') to its entry of `index`. From
 * the parcel model when the store holds it (the committed state the window shows); otherwise
 * three columns of the same rows in the model's order (by id), so the sums are the same to the
 * last bit, without building every parcel with its geometry: the county summary opens each
 * cooperative of a server for a few figures (docs/benchmarks.md). */
static gboolean
add_full_custody_areas (FurrowStore  *self,
                        GHashTable   *index,
                        GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (self->models[FURROW_KIND_PARCEL] != NULL)
    {
      GListModel *parcels = G_LIST_MODEL (self->models[FURROW_KIND_PARCEL]);

      for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
        {
          g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
          gint64 field_id = furrow_parcel_get_field_id (parcel);
          FurrowEconomicsField *f = g_hash_table_lookup (index, &field_id);

          if (f != NULL && furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_FULL)
            f->area_m2 += furrow_parcel_get_registered_area_m2 (parcel);
        }
      return TRUE;
    }
  stmt = furrow_database_prepare (self->database,
                                  "SELECT field_id, registered_area_m2 FROM parcels"
                                  " WHERE custody = 'full' AND field_id IS NOT NULL ORDER BY id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while (furrow_statement_step (stmt, &local_error))
    {
      gint64 field_id = furrow_statement_get_int64 (stmt, 0);
      FurrowEconomicsField *f = g_hash_table_lookup (index, &field_id);

      if (f != NULL)
        f->area_m2 += furrow_statement_get_double (stmt, 1);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

GArray *
furrow_store_get_season_fields (FurrowStore   *self,
                                FurrowSeason  *season,
                                gint64        *season_actual_cost_fen,
                                GError       **error)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GArray) harvests = NULL;
  g_autoptr(GArray) costs = NULL;
  g_autoptr(GArray) out = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_fields;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!_furrow_season_read_field_records (self, season, &plans, &harvests, error))
    return NULL;
  costs = furrow_store_get_actual_costs (self, season, error);
  if (costs == NULL)
    return NULL;

  fields = furrow_store_get_fields (self);
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
  if (!add_full_custody_areas (self, index, error))
    return NULL;
  for (guint i = 0; i < plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);
      FurrowEconomicsField *f = g_hash_table_lookup (index, &plan->field_id);
      guint position;

      if (f == NULL)
        continue;
      f->planned = TRUE;
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
