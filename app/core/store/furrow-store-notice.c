/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A season's public notice and its objections (furrow-store-notice.h, docs/domain.md §15). */

#include "config.h"

#include "furrow-store-notice.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store-private.h"
#include "furrow-store-season-private.h"

/* The objections of season ?1, read by read_objection(). */
#define SELECT_OBJECTIONS \
  "SELECT o.id, h.code, h.name, o.text, o.received, o.resolution, o.resolved" \
  " FROM season_objections o JOIN households h ON h.id = o.household_id WHERE o.season_id = ?1"

static FurrowObjection *
read_objection (FurrowStatement *stmt)
{
  FurrowObjection *objection = furrow_objection_new (furrow_statement_get_text (stmt, 1),
                                                     furrow_statement_get_text (stmt, 3),
                                                     furrow_statement_get_text (stmt, 4));

  objection->id = furrow_statement_get_int64 (stmt, 0);
  g_free (objection->household_name);
  objection->household_name = g_strdup (furrow_statement_get_text (stmt, 2));
  g_free (objection->resolution);
  objection->resolution = g_strdup (furrow_statement_get_text (stmt, 5));
  g_free (objection->resolved);
  objection->resolved = g_strdup (furrow_statement_get_text (stmt, 6));
  return objection;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Whether text is NULL or only white space. */
static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_day (const char  *day,
           GError     **error)
{
  if (furrow_season_notice_date_is_valid (day))
    return TRUE;
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
               _("“%s” is not a date; write it YYYY-MM-DD, e.g. 2024-11-20"),
               day != NULL ? day : "");
  return FALSE;
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (is_blank (text))
    return invalid (error, _("an objection needs its text: what the household says is wrong"));
  if (strlen (text) > FURROW_OBJECTION_TEXT_MAX || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("the text is too long: at most %d bytes"), FURROW_OBJECTION_TEXT_MAX);
      return FALSE;
    }
  return TRUE;
}

static gboolean
audit (FurrowStore   *self,
       FurrowSeason  *season,
       const char    *action,
       const char    *detail,
       GError       **error)
{
  g_autofree char *object = _furrow_season_object (season);

  return _furrow_store_audit (self, action, object, detail, error);
}

/* Begins the call's transaction; `season` is stored. */
static gboolean
begin (FurrowStore   *self,
       FurrowSeason  *season,
       GError       **error)
{
  FurrowSeasonState state;

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  if (!_furrow_season_stored_state (self, season, &state, error))
    return _furrow_store_op_end (self, FALSE, NULL);
  _furrow_season_touch_model (self);
  return TRUE;
}

static gboolean
end (FurrowStore   *self,
     FurrowSeason  *season,
     gboolean       ok,
     GError       **error)
{
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_RULES, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

/* The number of open objections the file holds now, onto the caller's season (the live one is
 * refreshed with the model after the commit). */
static void
count_open (FurrowStore  *self,
            FurrowSeason *season)
{
  g_autoptr(FurrowStatement) stmt =
    _furrow_season_prepare (self, "SELECT count (*) FROM season_objections "
                                  "WHERE season_id = ?1 AND resolved = ''", NULL);

  if (stmt == NULL)
    return;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  if (furrow_statement_step (stmt, NULL))
    _furrow_season_set_open_objections (season, (guint) furrow_statement_get_int64 (stmt, 0));
}

gboolean
furrow_store_set_notice (FurrowStore   *self,
                         FurrowSeason  *season,
                         const char    *start,
                         guint          days,
                         GError       **error)
{
  g_autofree char *detail = NULL;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (start == NULL)
    start = "";
  if (*start != '\0' && !check_day (start, error))
    return FALSE;
  if (days < 1 || days > FURROW_NOTICE_MAX_DAYS)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("a notice lasts 1 to %d days, not %u"), FURROW_NOTICE_MAX_DAYS, days);
      return FALSE;
    }
  if (!begin (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, "UPDATE seasons SET notice_date = ?2, notice_days = ?3 "
                                    "WHERE id = ?1", error);
    ok = stmt != NULL;
    if (ok)
      {
        furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
        furrow_statement_bind_text (stmt, 2, start);
        furrow_statement_bind_int64 (stmt, 3, days);
        ok = furrow_statement_run (stmt, error);
      }
  }
  detail = *start != '\0' ? g_strdup_printf ("%s %u days", start, days)
                          : g_strdup_printf ("none %u days", days);
  ok = ok && audit (self, season, "season.notice", detail, error);
  if (ok)
    {
      furrow_season_set_notice_date (season, start);
      furrow_season_set_notice_days (season, days);
    }
  return end (self, season, ok, error);
}

GPtrArray *
furrow_store_get_objections (FurrowStore   *self,
                             FurrowSeason  *season,
                             GError       **error)
{
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  stmt = _furrow_season_prepare (self, SELECT_OBJECTIONS " ORDER BY o.id", error);
  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  objections = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_objection_free);
  while (furrow_statement_step (stmt, &local_error))
    g_ptr_array_add (objections, read_objection (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&objections);
}

FurrowObjection *
furrow_store_get_objection (FurrowStore   *self,
                            FurrowSeason  *season,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  stmt = _furrow_season_prepare (self, SELECT_OBJECTIONS " AND o.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, id);
  if (furrow_statement_step (stmt, &local_error))
    return read_objection (stmt);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("season “%s” has no objection %s"), furrow_season_get_name (season), number);
    }
  return NULL;
}

static gboolean
check_resolution (const char  *received,
                  const char  *resolution,
                  const char  *resolved,
                  GError     **error)
{
  if (resolution == NULL || *resolution == '\0')
    return TRUE;
  if (!check_text (resolution, error) || !check_day (resolved, error))
    return FALSE;
  if (g_strcmp0 (resolved, received) < 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("the objection was received on %s: it cannot be resolved before, on %s"),
                   received, resolved);
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_store_add_objection (FurrowStore      *self,
                            FurrowSeason     *season,
                            FurrowObjection  *objection,
                            GError          **error)
{
  g_autoptr(FurrowHousehold) household = NULL;
  g_autofree char *detail = NULL;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (objection != NULL, FALSE);

  household = furrow_store_find_household (self, objection->household_code != NULL
                                                 ? objection->household_code : "");
  if (household == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("There is no household %s"),
                   objection->household_code != NULL ? objection->household_code : "");
      return FALSE;
    }
  if (!check_text (objection->text, error) || !check_day (objection->received, error)
      || !check_resolution (objection->received, objection->resolution, objection->resolved,
                            error))
    return FALSE;
  if (!begin (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, "INSERT INTO season_objections (id, season_id, household_id, "
                                    "text, received, resolution, resolved) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
    gboolean resolved = objection->resolution != NULL && *objection->resolution != '\0';

    ok = stmt != NULL;
    if (ok)
      {
        furrow_statement_bind_id (stmt, 1, objection->id);
        furrow_statement_bind_int64 (stmt, 2, furrow_season_get_id (season));
        furrow_statement_bind_int64 (stmt, 3, furrow_household_get_id (household));
        furrow_statement_bind_text (stmt, 4, objection->text);
        furrow_statement_bind_text (stmt, 5, objection->received);
        furrow_statement_bind_text (stmt, 6, resolved ? objection->resolution : "");
        furrow_statement_bind_text (stmt, 7, resolved ? objection->resolved : "");
        ok = furrow_statement_run (stmt, error);
      }
  }
  if (ok)
    {
      id = objection->id != 0 ? objection->id
           : furrow_database_last_insert_id (_furrow_store_get_database (self));
      detail = g_strdup_printf ("objection %" G_GINT64_FORMAT " household %s received %s",
                                id, furrow_household_get_code (household), objection->received);
      ok = audit (self, season, "season.objection", detail, error);
    }
  if (ok)
    {
      objection->id = id;
      count_open (self, season);
    }
  return end (self, season, ok, error);
}

/* One objection `id` of the season changed by `sql` (?1 the season, ?2 the objection, ?3 and ?4
 * the texts given), with its audit row `detail` and the season's count of open objections, in
 * the call's transaction: resolving, reopening and deleting share it. */
static gboolean
change_objection (FurrowStore   *self,
                  FurrowSeason  *season,
                  gint64         id,
                  const char    *sql,
                  const char    *text3,
                  const char    *text4,
                  const char    *detail,
                  GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  gboolean ok;

  if (!begin (self, season, error))
    return FALSE;
  stmt = _furrow_season_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
      furrow_statement_bind_int64 (stmt, 2, id);
      if (text3 != NULL)
        furrow_statement_bind_text (stmt, 3, text3);
      if (text4 != NULL)
        furrow_statement_bind_text (stmt, 4, text4);
      ok = furrow_statement_run (stmt, error);
    }
  g_clear_pointer (&stmt, furrow_statement_release);
  ok = ok && audit (self, season, "season.objection", detail, error);
  if (ok)
    count_open (self, season);
  return end (self, season, ok, error);
}

gboolean
furrow_store_resolve_objection (FurrowStore   *self,
                                FurrowSeason  *season,
                                gint64         id,
                                const char    *resolution,
                                const char    *resolved,
                                GError       **error)
{
  g_autoptr(FurrowObjection) objection = NULL;
  g_autofree char *detail = NULL;
  gboolean reopen = resolution == NULL || *resolution == '\0';

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  objection = furrow_store_get_objection (self, season, id, error);
  if (objection == NULL)
    return FALSE;
  if (!check_resolution (objection->received, resolution, resolved, error))
    return FALSE;
  detail = reopen ? g_strdup_printf ("objection %" G_GINT64_FORMAT " reopened", id)
                  : g_strdup_printf ("objection %" G_GINT64_FORMAT " resolved %s", id, resolved);
  return change_objection (self, season, id,
                           "UPDATE season_objections SET resolution = ?3, resolved = ?4"
                           " WHERE season_id = ?1 AND id = ?2",
                           reopen ? "" : resolution, reopen ? "" : resolved, detail, error);
}

gboolean
furrow_store_delete_objection (FurrowStore   *self,
                               FurrowSeason  *season,
                               gint64         id,
                               GError       **error)
{
  g_autoptr(FurrowObjection) objection = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  objection = furrow_store_get_objection (self, season, id, error);
  if (objection == NULL)
    return FALSE;
  detail = g_strdup_printf ("objection %" G_GINT64_FORMAT " household %s deleted", id,
                            objection->household_code);
  return change_objection (self, season, id,
                           "DELETE FROM season_objections WHERE season_id = ?1 AND id = ?2",
                           NULL, NULL, detail, error);
}

gboolean
furrow_store_check_payment_allowed (FurrowStore   *self,
                                    FurrowSeason  *season,
                                    const char    *what,
                                    const char    *today,
                                    gboolean       force,
                                    const char    *reason,
                                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  if (furrow_season_check_notice_ended (season, today, &local_error))
    return TRUE;
  if (g_error_matches (local_error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_INVALID) || !force)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (is_blank (reason))
    {
      g_set_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_INVALID,
                   _("%s; forcing it needs a reason"), local_error->message);
      return FALSE;
    }
  /* The check's message names the notice's end and the open objections: kept with the reason. */
  detail = g_strdup_printf ("%s: %s; reason: %s", what, local_error->message, reason);
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = audit (self, season, "season.notice-override", detail, error);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}
