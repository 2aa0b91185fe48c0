/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edit of a season's plans (furrow-edit-plan.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "furrow-edit-plan.h"
#include "furrow-season-plans.h"
#include "furrow-store-season.h"

typedef struct
{
  FurrowStore   *store;
  gint64         season_id;
  GPtrArray     *fields;         /* FurrowField */
  GArray        *versions;       /* gint64 per field: the caller's, NULL until first done */
  FurrowPattern  pattern;
  char          *preset;
  char          *yield_preset;
  GArray        *previous;       /* FurrowSeasonPlan, NULL until first done */
  GArray        *left;           /* FurrowSeasonPlan per field: what the last write left, NULL
                                  * when it could not be read (then not checked) */
} PlanEdit;

static void
plan_edit_free (gpointer data)
{
  PlanEdit *edit = data;

  g_clear_object (&edit->store);
  g_clear_pointer (&edit->fields, g_ptr_array_unref);
  g_clear_pointer (&edit->versions, g_array_unref);
  g_clear_pointer (&edit->previous, g_array_unref);
  g_clear_pointer (&edit->left, g_array_unref);
  g_free (edit->preset);
  g_free (edit->yield_preset);
  g_free (edit);
}

/* Both no plan, or the same pattern and presets (both read from the store, so their unused
 * members are equal too). */
static gboolean
same_plan (const FurrowSeasonPlan *a,
           const FurrowSeasonPlan *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return memcmp (&a->pattern, &b->pattern, sizeof a->pattern) == 0 &&
         g_str_equal (a->preset, b->preset) && g_str_equal (a->yield_preset, b->yield_preset);
}

/* The plan of each field stored now (a copy with `none` where there is none). */
static GArray *
read_left (PlanEdit      *edit,
           FurrowSeason  *season,
           GError       **error)
{
  g_autoptr(GArray) stored = furrow_store_get_plans (edit->store, season, error);
  GArray *left;

  if (stored == NULL)
    return NULL;
  left = g_array_sized_new (FALSE, TRUE, sizeof (FurrowSeasonPlan), edit->fields->len);
  for (guint i = 0; i < edit->fields->len; i++)
    {
      gint64 id = furrow_field_get_id (g_ptr_array_index (edit->fields, i));
      const FurrowSeasonPlan *now = furrow_season_plans_find (stored, id);
      FurrowSeasonPlan plan = { .field_id = id, .none = TRUE,
                                .row_version = FURROW_ROW_VERSION_NONE };

      if (now != NULL)
        plan = *now;
      g_array_append_val (left, plan);
    }
  return left;
}

/* The version to write each field over: the one stored now where the plan is still what this
 * edit left there, else the one it left (which another writer has moved on: a conflict). */
static GArray *
follow_versions (PlanEdit      *edit,
                 FurrowSeason  *season,
                 GError       **error)
{
  g_autoptr(GArray) now = read_left (edit, season, error);
  GArray *versions;

  if (now == NULL)
    return NULL;
  versions = g_array_sized_new (FALSE, TRUE, sizeof (gint64), now->len);
  for (guint i = 0; i < now->len; i++)
    {
      const FurrowSeasonPlan *is = &g_array_index (now, FurrowSeasonPlan, i);
      const FurrowSeasonPlan *was = edit->left != NULL
                                    ? &g_array_index (edit->left, FurrowSeasonPlan, i) : NULL;
      gint64 version = was == NULL || same_plan (is->none ? NULL : is, was->none ? NULL : was)
                       ? is->row_version : was->row_version;

      g_array_append_val (versions, version);
    }
  return versions;
}

static gboolean
plan_edit_apply (gpointer   data,
                 gboolean   forward,
                 GError   **error)
{
  PlanEdit *edit = data;
  FurrowField * const *fields = (FurrowField * const *) edit->fields->pdata;
  FurrowSeason *season = furrow_store_get_season_by_id (edit->store, edit->season_id);
  g_autoptr(GArray) versions = NULL;
  gboolean ok;

  if (season == NULL)
    {
      g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                           _("The season is no longer in the project"));
      return FALSE;
    }
  if (edit->previous == NULL)
    {
      g_autoptr(GArray) previous = NULL;

      if (!furrow_season_plan_fields (edit->store, season, fields, edit->fields->len,
                                      edit->versions != NULL
                                      ? (const gint64 *) edit->versions->data : NULL,
                                      &edit->pattern, edit->preset, edit->yield_preset,
                                      &previous, error))
        return FALSE;
      edit->previous = g_steal_pointer (&previous);
    }
  else
    {
      versions = follow_versions (edit, season, error);
      if (versions == NULL)
        return FALSE;
      if (forward)
        ok = furrow_season_plan_fields (edit->store, season, fields, edit->fields->len,
                                        (const gint64 *) versions->data, &edit->pattern,
                                        edit->preset, edit->yield_preset, NULL, error);
      else
        ok = furrow_season_restore_plans (edit->store, season, fields, edit->fields->len,
                                          edit->previous, (const gint64 *) versions->data,
                                          error);
      if (!ok)
        return FALSE;
    }
  /* What this write left, for the next undo or redo (read after the commit; a write another
   * user makes in between shows as a plan this edit did not leave). */
  g_clear_pointer (&edit->left, g_array_unref);
  edit->left = read_left (edit, season, NULL);
  return TRUE;
}

FurrowEdit *
furrow_edit_season_plan (const char          *label,
                         FurrowStore         *store,
                         FurrowSeason        *season,
                         FurrowField * const *fields,
                         guint                n_fields,
                         const gint64        *versions,
                         const FurrowPattern *pattern,
                         const char          *preset,
                         const char          *yield_preset)
{
  PlanEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (fields != NULL || n_fields == 0, NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  edit = g_new0 (PlanEdit, 1);
  edit->store = g_object_ref (store);
  edit->season_id = furrow_season_get_id (season);
  edit->fields = g_ptr_array_new_full (n_fields, g_object_unref);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (edit->fields, g_object_ref (fields[i]));
  if (versions != NULL)
    {
      edit->versions = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_fields);
      g_array_append_vals (edit->versions, versions, n_fields);
    }
  edit->pattern = *pattern;
  edit->preset = g_strdup (preset != NULL ? preset : "");
  edit->yield_preset = g_strdup (yield_preset);
  return furrow_edit_new (label, plan_edit_apply, edit, plan_edit_free);
}
