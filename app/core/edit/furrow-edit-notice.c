/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoable edits of a season's notice and objections (furrow-edit-notice.h). */

#include "config.h"

#include "furrow-edit-notice.h"

#include <glib/gi18n-lib.h>

#include "furrow-store-notice.h"
#include "furrow-store-season.h"

typedef struct
{
  FurrowStore     *store;
  gint64           season_id;
  /* the notice */
  char            *start[2];       /* [0] before, [1] after */
  guint            days[2];
  /* an objection added, or resolved */
  FurrowObjection *objection;
  char            *resolution[2];
  char            *resolved[2];
} NoticeEdit;

static void
notice_edit_free (gpointer data)
{
  NoticeEdit *edit = data;

  g_clear_object (&edit->store);
  g_clear_pointer (&edit->objection, furrow_objection_free);
  for (guint i = 0; i < 2; i++)
    {
      g_free (edit->start[i]);
      g_free (edit->resolution[i]);
      g_free (edit->resolved[i]);
    }
  g_free (edit);
}

static NoticeEdit *
notice_edit_new (FurrowStore  *store,
                 FurrowSeason *season)
{
  NoticeEdit *edit = g_new0 (NoticeEdit, 1);

  edit->store = g_object_ref (store);
  edit->season_id = furrow_season_get_id (season);
  return edit;
}

static FurrowSeason *
find_season (NoticeEdit  *edit,
             GError     **error)
{
  FurrowSeason *season = furrow_store_get_season_by_id (edit->store, edit->season_id);

  if (season == NULL)
    g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                         _("The season is no longer in the project"));
  return season;
}

static gboolean
notice_apply (gpointer   data,
              gboolean   forward,
              GError   **error)
{
  NoticeEdit *edit = data;
  FurrowSeason *season = find_season (edit, error);
  guint i = forward ? 1 : 0;

  return season != NULL
         && furrow_store_set_notice (edit->store, season, edit->start[i], edit->days[i], error);
}

FurrowEdit *
furrow_edit_notice_new (FurrowStore  *store,
                        FurrowSeason *season,
                        const char   *start,
                        guint         days)
{
  NoticeEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  edit = notice_edit_new (store, season);
  edit->start[0] = g_strdup (furrow_season_get_notice_date (season) != NULL
                             ? furrow_season_get_notice_date (season) : "");
  edit->days[0] = furrow_season_get_notice_days (season);
  edit->start[1] = g_strdup (start != NULL ? start : "");
  edit->days[1] = days;
  return furrow_edit_new (_("Set Public Notice"), notice_apply, edit, notice_edit_free);
}

static gboolean
objection_add_apply (gpointer   data,
                     gboolean   forward,
                     GError   **error)
{
  NoticeEdit *edit = data;
  FurrowSeason *season = find_season (edit, error);

  if (season == NULL)
    return FALSE;
  if (forward)
    return furrow_store_add_objection (edit->store, season, edit->objection, error);
  return furrow_store_delete_objection (edit->store, season, edit->objection->id, error);
}

FurrowEdit *
furrow_edit_objection_add_new (FurrowStore           *store,
                               FurrowSeason          *season,
                               const FurrowObjection *objection)
{
  NoticeEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (objection != NULL, NULL);

  edit = notice_edit_new (store, season);
  edit->objection = furrow_objection_copy (objection);
  edit->objection->id = 0;
  return furrow_edit_new (_("Add Objection"), objection_add_apply, edit, notice_edit_free);
}

static gboolean
objection_resolve_apply (gpointer   data,
                         gboolean   forward,
                         GError   **error)
{
  NoticeEdit *edit = data;
  FurrowSeason *season = find_season (edit, error);
  guint i = forward ? 1 : 0;

  return season != NULL
         && furrow_store_resolve_objection (edit->store, season, edit->objection->id,
                                            edit->resolution[i], edit->resolved[i], error);
}

FurrowEdit *
furrow_edit_objection_resolve_new (FurrowStore   *store,
                                   FurrowSeason  *season,
                                   gint64         id,
                                   const char    *resolution,
                                   const char    *resolved,
                                   GError       **error)
{
  g_autoptr(FurrowObjection) objection = NULL;
  NoticeEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  objection = furrow_store_get_objection (store, season, id, error);
  if (objection == NULL)
    return NULL;
  edit = notice_edit_new (store, season);
  edit->resolution[0] = g_strdup (objection->resolution);
  edit->resolved[0] = g_strdup (objection->resolved);
  edit->resolution[1] = g_strdup (resolution != NULL ? resolution : "");
  edit->resolved[1] = g_strdup (resolved != NULL ? resolved : "");
  edit->objection = g_steal_pointer (&objection);
  return furrow_edit_new (_("Resolve Objection"), objection_resolve_apply, edit,
                          notice_edit_free);
}
