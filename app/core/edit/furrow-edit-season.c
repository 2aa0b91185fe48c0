/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edits of seasons and yield presets (furrow-edit-season.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-edit-season.h"
#include "furrow-store-season.h"
#include "furrow-store-yield.h"

/* The season with this id in the store's seasons model (transfer none), or NULL with error. */
static FurrowSeason *
live_season (FurrowStore  *store,
             gint64        id,
             GError      **error)
{
  FurrowSeason *season = furrow_store_get_season_by_id (store, id);

  if (season == NULL)
    g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                         _("The season is no longer in the project"));
  return season;
}

/* ------------------------------------------------------------------------------------------ */
/* Rules                                                                                      */

typedef struct
{
  FurrowStore  *store;
  gint64        id;
  FurrowSeason *before;
  FurrowSeason *after;
} RulesEdit;

static void
rules_edit_free (gpointer data)
{
  RulesEdit *edit = data;

  g_object_unref (edit->store);
  g_object_unref (edit->before);
  g_object_unref (edit->after);
  g_free (edit);
}

static gboolean
rules_edit_apply (gpointer   data,
                  gboolean   forward,
                  GError   **error)
{
  RulesEdit *edit = data;
  FurrowSeason *live = live_season (edit->store, edit->id, error);
  g_autoptr(FurrowSeason) season = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;
  guint year;

  if (live == NULL)
    return FALSE;
  /* A copy to change (furrow-store.h: the model's objects change only after a commit). */
  season = furrow_store_find_season (edit->store, furrow_season_get_name (live));
  if (season == NULL)
    {
      g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                           _("The season is no longer in the project"));
      return FALSE;
    }
  /* Only the money rules: the name, year and notes stay as they are now. */
  name = g_strdup (furrow_season_get_name (season));
  notes = g_strdup (furrow_season_get_notes (season));
  year = furrow_season_get_crop_year (season);
  furrow_season_copy_rules (season, forward ? edit->after : edit->before);
  /* Written over what the views show: refused when another user changed it since. */
  furrow_store_season_set_version (season, furrow_store_season_get_version (live));
  furrow_season_set_name (season, name);
  furrow_season_set_notes (season, notes);
  furrow_season_set_crop_year (season, year);
  return furrow_store_update_season (edit->store, season, error);
}

FurrowEdit *
furrow_edit_season_rules (FurrowStore  *store,
                          gint64        season_id,
                          FurrowSeason *before,
                          FurrowSeason *after)
{
  RulesEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (before), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (after), NULL);

  edit = g_new0 (RulesEdit, 1);
  edit->store = g_object_ref (store);
  edit->id = season_id;
  edit->before = g_object_ref (before);
  edit->after = g_object_ref (after);
  return furrow_edit_new (_("Change the season’s rules"), rules_edit_apply, edit,
                          rules_edit_free);
}

/* ------------------------------------------------------------------------------------------ */
/* A whole season, created or deleted                                                         */

typedef struct
{
  FurrowStore          *store;
  gboolean              create;     /* forward adds the season (else deletes it) */
  FurrowSeason         *rules;      /* what a creation adds the first time */
  FurrowSeasonSnapshot *snapshot;   /* the season while it is deleted */
  gint64                id;         /* in the file, 0 while deleted */
} WholeEdit;

static void
whole_edit_free (gpointer data)
{
  WholeEdit *edit = data;

  g_object_unref (edit->store);
  g_clear_object (&edit->rules);
  g_clear_pointer (&edit->snapshot, furrow_season_snapshot_free);
  g_free (edit);
}

/* Adds the season: the first time from its rules, later back whole from its snapshot. */
static gboolean
add_whole (WholeEdit  *edit,
           GError    **error)
{
  g_autoptr(FurrowSeason) season = NULL;

  if (edit->snapshot != NULL)
    {
      edit->id = furrow_store_restore_season (edit->store, edit->snapshot, error);
      if (edit->id == 0)
        return FALSE;
      g_clear_pointer (&edit->snapshot, furrow_season_snapshot_free);
      return TRUE;
    }
  season = furrow_season_new_empty ();
  furrow_season_copy_rules (season, edit->rules);
  if (!furrow_store_add_season (edit->store, season, error))
    return FALSE;
  edit->id = furrow_season_get_id (season);
  return TRUE;
}

/* Deletes the season, keeping what the file holds of it for undo. */
static gboolean
delete_whole (WholeEdit  *edit,
              GError    **error)
{
  FurrowSeason *live = live_season (edit->store, edit->id, error);
  /* Held across the delete, which takes it out of the model. */
  g_autoptr(FurrowSeason) season = live != NULL ? g_object_ref (live) : NULL;
  g_autoptr(FurrowSeasonSnapshot) snapshot = NULL;

  if (season == NULL)
    return FALSE;
  snapshot = furrow_store_snapshot_season (edit->store, season, error);
  if (snapshot == NULL || !furrow_store_delete_season (edit->store, season, error))
    return FALSE;
  edit->snapshot = g_steal_pointer (&snapshot);
  edit->id = 0;
  return TRUE;
}

static gboolean
whole_edit_apply (gpointer   data,
                  gboolean   forward,
                  GError   **error)
{
  WholeEdit *edit = data;

  return forward == edit->create ? add_whole (edit, error) : delete_whole (edit, error);
}

FurrowEdit *
furrow_edit_season_create (FurrowStore  *store,
                           FurrowSeason *rules)
{
  WholeEdit *edit;
  g_autofree char *label = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (rules), NULL);

  edit = g_new0 (WholeEdit, 1);
  edit->store = g_object_ref (store);
  edit->create = TRUE;
  edit->rules = furrow_season_new_empty ();
  furrow_season_copy_rules (edit->rules, rules);
  /* Translators: an undoable edit; %s is the season's name. */
  label = g_strdup_printf (_("Create season “%s”"), furrow_season_get_name (rules));
  return furrow_edit_new (label, whole_edit_apply, edit, whole_edit_free);
}

FurrowEdit *
furrow_edit_season_delete (FurrowStore  *store,
                           FurrowSeason *season)
{
  WholeEdit *edit;
  g_autofree char *label = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  edit = g_new0 (WholeEdit, 1);
  edit->store = g_object_ref (store);
  edit->id = furrow_season_get_id (season);
  /* Translators: an undoable edit; %s is the season's name. */
  label = g_strdup_printf (_("Delete season “%s”"), furrow_season_get_name (season));
  return furrow_edit_new (label, whole_edit_apply, edit, whole_edit_free);
}

FurrowSeason *
furrow_edit_season_get_season (FurrowEdit *edit)
{
  WholeEdit *whole;

  g_return_val_if_fail (FURROW_IS_EDIT (edit), NULL);

  whole = furrow_edit_get_data (edit);
  return whole->id != 0 ? furrow_store_get_season_by_id (whole->store, whole->id) : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* A harvest                                                                                  */

/* The harvests of one or many fields ("Enter a harvest", "Paste harvests"): [0] before, [1]
 * after, in the same order. The first write names the versions the caller read; an undo or redo
 * names those stored now when the rows still hold what the edit left there, so that it is
 * refused when another user changed them since (docs/architecture.md, Several users at once). */
typedef struct
{
  FurrowStore *store;
  gint64       season_id;
  GArray      *harvests[2];  /* FurrowSeasonHarvest */
  gboolean     applied;
} HarvestsEdit;

static void
harvests_edit_free (gpointer data)
{
  HarvestsEdit *edit = data;

  g_object_unref (edit->store);
  g_array_unref (edit->harvests[0]);
  g_array_unref (edit->harvests[1]);
  g_free (edit);
}

/* Each row of `rows` takes the version stored now where what is stored is the row of `left` (what
 * the edit's last write left there: no record or zeros where it had none). */
static void
follow_harvest_versions (GArray *stored,
                         GArray *rows,
                         GArray *left)
{
  for (guint i = 0; i < rows->len; i++)
    {
      FurrowSeasonHarvest *row = &g_array_index (rows, FurrowSeasonHarvest, i);
      const FurrowSeasonHarvest *was = &g_array_index (left, FurrowSeasonHarvest, i);
      const FurrowSeasonHarvest *now = NULL;

      for (guint j = 0; j < stored->len; j++)
        {
          const FurrowSeasonHarvest *h = &g_array_index (stored, FurrowSeasonHarvest, j);

          if (h->field_id == row->field_id && h->crop == row->crop)
            now = h;
        }
      if (now == NULL && (was->none || (was->yield_kg == 0 && was->revenue_fen == 0)))
        row->row_version = FURROW_ROW_VERSION_NONE;
      else if (now != NULL && now->yield_kg == was->yield_kg &&
               now->revenue_fen == was->revenue_fen)
        row->row_version = now->row_version;
    }
}

static gboolean
harvests_edit_apply (gpointer   data,
                     gboolean   forward,
                     GError   **error)
{
  HarvestsEdit *edit = data;
  FurrowSeason *season = live_season (edit->store, edit->season_id, error);
  GArray *harvests = edit->harvests[forward ? 1 : 0];

  if (season == NULL)
    return FALSE;
  if (edit->applied)
    {
      g_autoptr(GArray) stored = furrow_store_get_harvests (edit->store, season, error);

      if (stored == NULL)
        return FALSE;
      follow_harvest_versions (stored, harvests, edit->harvests[forward ? 0 : 1]);
    }
  if (!furrow_store_set_harvests (edit->store, season, (FurrowSeasonHarvest *) harvests->data,
                                  harvests->len, error))
    return FALSE;
  edit->applied = TRUE;
  return TRUE;
}

/* The edit of `harvests` over what is stored now: each record's version is the one the caller
 * read (`row_version`), else the one stored now. `none_before`: the undo of a record that was
 * not there removes it (else it writes zeros). NULL when nothing changes. */
static FurrowEdit *
harvests_edit_new (FurrowStore               *store,
                   FurrowSeason              *season,
                   const FurrowSeasonHarvest *harvests,
                   guint                      n_harvests,
                   gboolean                   none_before,
                   const char                *label,
                   GError                   **error)
{
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));
  g_autoptr(GArray) after = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));
  HarvestsEdit *edit;

  stored = furrow_store_get_harvests (store, season, error);
  if (stored == NULL)
    return NULL;
  for (guint i = 0; i < n_harvests; i++)
    {
      FurrowSeasonHarvest old = harvests[i];
      FurrowSeasonHarvest new = harvests[i];
      gboolean had = FALSE;

      old.yield_kg = 0;
      old.revenue_fen = 0;
      old.none = none_before;  /* undone, the record goes again */
      old.row_version = FURROW_ROW_VERSION_NONE;
      new.row_version = FURROW_ROW_VERSION_NONE;
      for (guint j = 0; j < stored->len; j++)
        {
          const FurrowSeasonHarvest *h = &g_array_index (stored, FurrowSeasonHarvest, j);

          if (h->field_id == harvests[i].field_id && h->crop == harvests[i].crop)
            {
              old = *h;
              new.row_version = h->row_version;
              had = TRUE;
            }
        }
      /* What is stored already (or zeros where there is none) is not written again. */
      if (old.yield_kg == harvests[i].yield_kg && old.revenue_fen == harvests[i].revenue_fen &&
          (had || (old.yield_kg == 0 && old.revenue_fen == 0)))
        continue;
      if (harvests[i].row_version != 0)
        new.row_version = harvests[i].row_version;
      g_array_append_val (before, old);
      g_array_append_val (after, new);
    }
  if (after->len == 0)
    return NULL;
  edit = g_new0 (HarvestsEdit, 1);
  edit->store = g_object_ref (store);
  edit->season_id = furrow_season_get_id (season);
  edit->harvests[0] = g_steal_pointer (&before);
  edit->harvests[1] = g_steal_pointer (&after);
  return furrow_edit_new (label, harvests_edit_apply, edit, harvests_edit_free);
}

FurrowEdit *
furrow_edit_season_harvest (FurrowStore   *store,
                            FurrowSeason  *season,
                            gint64         field_id,
                            FurrowCrop     crop,
                            double         yield_kg,
                            gint64         revenue_fen,
                            gint64         row_version,
                            GError       **error)
{
  FurrowSeasonHarvest harvest = { field_id, crop, yield_kg, revenue_fen, FALSE, row_version };

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  return harvests_edit_new (store, season, &harvest, 1, FALSE, _("Enter a harvest"), error);
}

FurrowEdit *
furrow_edit_season_harvests (FurrowStore               *store,
                             FurrowSeason              *season,
                             const FurrowSeasonHarvest *harvests,
                             guint                      n_harvests,
                             GError                   **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (n_harvests == 0 || harvests != NULL, NULL);

  return harvests_edit_new (store, season, harvests, n_harvests, TRUE, _("Paste harvests"), error);
}

/* ------------------------------------------------------------------------------------------ */
/* The actual costs                                                                           */

typedef struct
{
  FurrowStore *store;
  gint64       season_id;
  GArray      *costs[2];    /* FurrowSeasonActualCost: [0] before, [1] after */
  gboolean     applied;
} CostsEdit;

static void
costs_edit_free (gpointer data)
{
  CostsEdit *edit = data;

  g_object_unref (edit->store);
  g_array_unref (edit->costs[0]);
  g_array_unref (edit->costs[1]);
  g_free (edit);
}

/* The first write is checked against the list the caller showed; an undo or redo against the
 * list stored now when it is what the edit left there (follow_harvest_versions()). */
static gboolean
costs_edit_apply (gpointer   data,
                  gboolean   forward,
                  GError   **error)
{
  CostsEdit *edit = data;
  FurrowSeason *season = live_season (edit->store, edit->season_id, error);
  GArray *shown = edit->costs[forward ? 0 : 1];
  g_autoptr(GArray) stored = NULL;

  if (season == NULL)
    return FALSE;
  if (edit->applied)
    {
      stored = furrow_store_get_actual_costs (edit->store, season, error);
      if (stored == NULL)
        return FALSE;
      if (furrow_actual_costs_equal (stored, shown))
        shown = stored;
    }
  if (!furrow_store_save_actual_costs (edit->store, season, shown, edit->costs[forward ? 1 : 0],
                                       error))
    return FALSE;
  edit->applied = TRUE;
  return TRUE;
}

FurrowEdit *
furrow_edit_season_actual_costs (FurrowStore   *store,
                                 FurrowSeason  *season,
                                 GArray        *shown,
                                 GArray        *costs,
                                 GError       **error)
{
  g_autoptr(GArray) before = NULL;
  CostsEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (costs != NULL, NULL);

  before = shown != NULL ? g_array_copy (shown) : furrow_store_get_actual_costs (store, season, error);
  if (before == NULL || furrow_actual_costs_equal (before, costs))
    return NULL;
  edit = g_new0 (CostsEdit, 1);
  edit->store = g_object_ref (store);
  edit->season_id = furrow_season_get_id (season);
  edit->costs[0] = g_steal_pointer (&before);
  edit->costs[1] = g_array_copy (costs);
  return furrow_edit_new (_("Change the actual costs"), costs_edit_apply, edit, costs_edit_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Yield presets                                                                              */

typedef struct
{
  FurrowStore      *store;
  gboolean          delete;      /* the edit deletes `model` (else saves it) */
  FurrowYieldModel  model;
  gboolean          replaced;    /* a save that replaced `old` */
  FurrowYieldModel  old;
} PresetEdit;

static void
preset_edit_free (gpointer data)
{
  PresetEdit *edit = data;

  g_clear_object (&edit->store);
  g_free (edit);
}

static gboolean
preset_edit_apply (gpointer   data,
                   gboolean   forward,
                   GError   **error)
{
  PresetEdit *edit = data;

  if (forward != edit->delete)
    return furrow_store_save_yield_preset (edit->store, &edit->model, error);
  if (edit->replaced)
    return furrow_store_save_yield_preset (edit->store, &edit->old, error);
  return furrow_store_delete_yield_preset (edit->store, edit->model.name, error);
}

FurrowEdit *
furrow_edit_yield_preset_save (FurrowStore            *store,
                               const FurrowYieldModel *model)
{
  PresetEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  edit = g_new0 (PresetEdit, 1);
  edit->store = g_object_ref (store);
  edit->model = *model;
  /* A preset of the same name is replaced: undo brings it back. */
  edit->replaced = furrow_store_find_yield_preset (store, model->name, &edit->old, NULL);
  return furrow_edit_new (_("Save Yield Preset"), preset_edit_apply, edit, preset_edit_free);
}

FurrowEdit *
furrow_edit_yield_preset_delete (FurrowStore  *store,
                                 const char   *name,
                                 GError      **error)
{
  PresetEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  edit = g_new0 (PresetEdit, 1);
  edit->store = g_object_ref (store);
  edit->delete = TRUE;
  if (!furrow_store_find_yield_preset (store, name, &edit->model, error))
    {
      preset_edit_free (edit);
      return NULL;
    }
  return furrow_edit_new (_("Delete Yield Preset"), preset_edit_apply, edit, preset_edit_free);
}
