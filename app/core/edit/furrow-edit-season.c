/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edits of seasons, plans and yield presets (furrow-edit-season.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-edit-season.h"
#include "furrow-season-plans.h"
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

typedef struct
{
  FurrowStore *store;
  gint64       season_id;
  gint64       field_id;
  FurrowCrop   crop;
  double       kg[2];       /* [0] before, [1] after */
  gint64       fen[2];
} HarvestEdit;

static void
harvest_edit_free (gpointer data)
{
  HarvestEdit *edit = data;

  g_object_unref (edit->store);
  g_free (edit);
}

static gboolean
harvest_edit_apply (gpointer   data,
                    gboolean   forward,
                    GError   **error)
{
  HarvestEdit *edit = data;
  FurrowSeason *season = live_season (edit->store, edit->season_id, error);
  FurrowField *field = NULL;
  guint side = forward ? 1 : 0;

  if (season == NULL)
    return FALSE;
  field = furrow_store_get_field_by_id (edit->store, edit->field_id);
  if (field == NULL)
    {
      g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                           _("The field is no longer in the project"));
      return FALSE;
    }
  return furrow_store_set_harvest (edit->store, season, field, edit->crop, edit->kg[side],
                                   edit->fen[side], error);
}

FurrowEdit *
furrow_edit_season_harvest (FurrowStore   *store,
                            FurrowSeason  *season,
                            gint64         field_id,
                            FurrowCrop     crop,
                            double         yield_kg,
                            gint64         revenue_fen,
                            GError       **error)
{
  g_autoptr(GArray) harvests = NULL;
  HarvestEdit *edit;
  gboolean had = FALSE;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  harvests = furrow_store_get_harvests (store, season, error);
  if (harvests == NULL)
    return NULL;
  edit = g_new0 (HarvestEdit, 1);
  edit->store = g_object_ref (store);
  edit->season_id = furrow_season_get_id (season);
  edit->field_id = field_id;
  edit->crop = crop;
  edit->kg[1] = yield_kg;
  edit->fen[1] = revenue_fen;
  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);

      if (h->field_id == field_id && h->crop == crop)
        {
          had = TRUE;
          edit->kg[0] = h->yield_kg;
          edit->fen[0] = h->revenue_fen;
        }
    }
  /* Nothing new: the same record, or zeros where there is none. */
  if (edit->kg[0] == yield_kg && edit->fen[0] == revenue_fen &&
      (had || (yield_kg == 0 && revenue_fen == 0)))
    {
      harvest_edit_free (edit);
      return NULL;
    }
  return furrow_edit_new (_("Enter a harvest"), harvest_edit_apply, edit, harvest_edit_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Arrays written into a season                                                               */

/* An edit that writes one of two arrays into a season: [0] before, [1] after. The harvests and
 * the actual costs are written so. */
typedef gboolean (*SeasonArrayWrite) (FurrowStore   *store,
                                      FurrowSeason  *season,
                                      GArray        *values,
                                      GError       **error);

typedef struct
{
  FurrowStore      *store;
  gint64            season_id;
  GArray           *values[2];
  SeasonArrayWrite  write;
} SeasonArrayEdit;

static void
season_array_edit_free (gpointer data)
{
  SeasonArrayEdit *edit = data;

  g_object_unref (edit->store);
  g_array_unref (edit->values[0]);
  g_array_unref (edit->values[1]);
  g_free (edit);
}

static gboolean
season_array_edit_apply (gpointer   data,
                         gboolean   forward,
                         GError   **error)
{
  SeasonArrayEdit *edit = data;
  FurrowSeason *season = live_season (edit->store, edit->season_id, error);

  return season != NULL && edit->write (edit->store, season, edit->values[forward ? 1 : 0], error);
}

/* Takes BEFORE and AFTER. */
static FurrowEdit *
season_array_edit_new (const char       *label,
                       FurrowStore      *store,
                       FurrowSeason     *season,
                       GArray           *before,
                       GArray           *after,
                       SeasonArrayWrite  write)
{
  SeasonArrayEdit *edit = g_new0 (SeasonArrayEdit, 1);

  edit->store = g_object_ref (store);
  edit->season_id = furrow_season_get_id (season);
  edit->values[0] = before;
  edit->values[1] = after;
  edit->write = write;
  return furrow_edit_new (label, season_array_edit_apply, edit, season_array_edit_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Many harvests at once (a pasted block)                                                     */

/* FurrowSeasonHarvest, before and after in the same order. */
static gboolean
write_harvests (FurrowStore   *store,
                FurrowSeason  *season,
                GArray        *harvests,
                GError       **error)
{
  return furrow_store_set_harvests (store, season, (FurrowSeasonHarvest *) harvests->data,
                                    harvests->len, error);
}

FurrowEdit *
furrow_edit_season_harvests (FurrowStore               *store,
                             FurrowSeason              *season,
                             const FurrowSeasonHarvest *harvests,
                             guint                      n_harvests,
                             GError                   **error)
{
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));
  g_autoptr(GArray) after = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (n_harvests == 0 || harvests != NULL, NULL);

  stored = furrow_store_get_harvests (store, season, error);
  if (stored == NULL)
    return NULL;
  for (guint i = 0; i < n_harvests; i++)
    {
      FurrowSeasonHarvest old = harvests[i];
      gboolean had = FALSE;

      old.yield_kg = 0;
      old.revenue_fen = 0;
      old.none = TRUE;  /* undone, the record goes again */
      for (guint j = 0; j < stored->len; j++)
        {
          const FurrowSeasonHarvest *h = &g_array_index (stored, FurrowSeasonHarvest, j);

          if (h->field_id == harvests[i].field_id && h->crop == harvests[i].crop)
            {
              old = *h;
              had = TRUE;
            }
        }
      /* What is stored already (or zeros where there is none) is not written again. */
      if (old.yield_kg == harvests[i].yield_kg && old.revenue_fen == harvests[i].revenue_fen &&
          (had || (old.yield_kg == 0 && old.revenue_fen == 0)))
        continue;
      g_array_append_val (before, old);
      g_array_append_val (after, harvests[i]);
    }
  if (after->len == 0)
    return NULL;
  return season_array_edit_new (_("Paste harvests"), store, season, g_steal_pointer (&before),
                                g_steal_pointer (&after), write_harvests);
}

/* ------------------------------------------------------------------------------------------ */
/* The actual costs                                                                           */

FurrowEdit *
furrow_edit_season_actual_costs (FurrowStore   *store,
                                 FurrowSeason  *season,
                                 GArray        *costs,
                                 GError       **error)
{
  g_autoptr(GArray) before = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (costs != NULL, NULL);

  before = furrow_store_get_actual_costs (store, season, error);
  if (before == NULL || furrow_actual_costs_equal (before, costs))
    return NULL;
  return season_array_edit_new (_("Change the actual costs"), store, season,
                                g_steal_pointer (&before), g_array_ref (costs),
                                furrow_store_save_actual_costs);
}

/* ------------------------------------------------------------------------------------------ */
/* Plans                                                                                      */

typedef struct
{
  FurrowStore   *store;
  FurrowSeason  *season;
  GPtrArray     *fields;         /* FurrowField */
  FurrowPattern  pattern;
  char          *preset;
  char          *yield_preset;
  GArray        *previous;       /* FurrowSeasonPlan, NULL until first done */
} PlanEdit;

static void
plan_edit_free (gpointer data)
{
  PlanEdit *edit = data;

  g_clear_object (&edit->store);
  g_clear_object (&edit->season);
  g_clear_pointer (&edit->fields, g_ptr_array_unref);
  g_clear_pointer (&edit->previous, g_array_unref);
  g_free (edit->preset);
  g_free (edit->yield_preset);
  g_free (edit);
}

static gboolean
plan_edit_apply (gpointer   data,
                 gboolean   forward,
                 GError   **error)
{
  PlanEdit *edit = data;
  FurrowField * const *fields = (FurrowField * const *) edit->fields->pdata;

  if (forward)
    {
      g_autoptr(GArray) previous = NULL;

      if (!furrow_season_plan_fields (edit->store, edit->season, fields, edit->fields->len,
                                      &edit->pattern, edit->preset, edit->yield_preset,
                                      &previous, error))
        return FALSE;
      if (edit->previous == NULL)
        edit->previous = g_steal_pointer (&previous);
      return TRUE;
    }
  return furrow_season_restore_plans (edit->store, edit->season, fields, edit->fields->len,
                                      edit->previous, error);
}

FurrowEdit *
furrow_edit_season_plan (const char          *label,
                         FurrowStore         *store,
                         FurrowSeason        *season,
                         FurrowField * const *fields,
                         guint                n_fields,
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
  edit->season = g_object_ref (season);
  edit->fields = g_ptr_array_new_full (n_fields, g_object_unref);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (edit->fields, g_object_ref (fields[i]));
  edit->pattern = *pattern;
  edit->preset = g_strdup (preset != NULL ? preset : "");
  edit->yield_preset = g_strdup (yield_preset);
  return furrow_edit_new (label, plan_edit_apply, edit, plan_edit_free);
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
