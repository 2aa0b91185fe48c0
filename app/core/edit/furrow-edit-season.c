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
/* Arrays of rows over a season with row versions: the harvests, the actual costs             */

/* How one such array is read and written. */
typedef struct
{
  /* The rows stored now. */
  GArray   *(*read)  (FurrowStore   *store,
                      FurrowSeason  *season,
                      GError       **error);
  /* Writes `rows` over `left`, what the edit's last write left there (before its first write:
   * what the caller read). `stored`: the rows read() gives now, NULL on the first write. */
  gboolean  (*write) (FurrowStore   *store,
                      FurrowSeason  *season,
                      GArray        *stored,
                      GArray        *rows,
                      GArray        *left,
                      GError       **error);
} SeasonArrayKind;

/* [0] before, [1] after. The first write is checked against the versions the caller read; an
 * undo or redo against those stored now where the rows still hold what the edit left there, so
 * that it is refused when another user changed them since (docs/architecture.md, Several users
 * at once). */
typedef struct
{
  const SeasonArrayKind *kind;
  FurrowStore           *store;
  gint64                 season_id;
  GArray                *rows[2];
  gboolean               applied;
} SeasonArrayEdit;

static void
season_array_edit_free (gpointer data)
{
  SeasonArrayEdit *edit = data;

  g_object_unref (edit->store);
  g_array_unref (edit->rows[0]);
  g_array_unref (edit->rows[1]);
  g_free (edit);
}

static gboolean
season_array_edit_apply (gpointer   data,
                         gboolean   forward,
                         GError   **error)
{
  SeasonArrayEdit *edit = data;
  FurrowSeason *season = live_season (edit->store, edit->season_id, error);
  g_autoptr(GArray) stored = NULL;

  if (season == NULL)
    return FALSE;
  if (edit->applied && (stored = edit->kind->read (edit->store, season, error)) == NULL)
    return FALSE;
  if (!edit->kind->write (edit->store, season, stored, edit->rows[forward ? 1 : 0],
                          edit->rows[forward ? 0 : 1], error))
    return FALSE;
  edit->applied = TRUE;
  return TRUE;
}

/* The edit from `before` to `after` (taken), labelled `label`. */
static FurrowEdit *
season_array_edit_new (const SeasonArrayKind *kind,
                       FurrowStore           *store,
                       FurrowSeason          *season,
                       GArray                *before,
                       GArray                *after,
                       const char            *label)
{
  SeasonArrayEdit *edit = g_new0 (SeasonArrayEdit, 1);

  edit->kind = kind;
  edit->store = g_object_ref (store);
  edit->season_id = furrow_season_get_id (season);
  edit->rows[0] = before;
  edit->rows[1] = after;
  return furrow_edit_new (label, season_array_edit_apply, edit, season_array_edit_free);
}

/* ------------------------------------------------------------------------------------------ */
/* A harvest                                                                                  */

/* The last record of `field_id` and `crop` in `harvests` (FurrowSeasonHarvest), or NULL. */
static const FurrowSeasonHarvest *
find_harvest (GArray     *harvests,
              gint64      field_id,
              FurrowCrop  crop)
{
  const FurrowSeasonHarvest *found = NULL;

  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);

      if (h->field_id == field_id && h->crop == crop)
        found = h;
    }
  return found;
}

/* The harvests of one or many fields ("Enter a harvest", "Paste harvests"), in the same order
 * before and after. An undo or redo: each row of `rows` takes the version stored now where what
 * is stored is the row of `left` (no record or zeros where it had none). */
static gboolean
write_harvests (FurrowStore   *store,
                FurrowSeason  *season,
                GArray        *stored,
                GArray        *rows,
                GArray        *left,
                GError       **error)
{
  for (guint i = 0; stored != NULL && i < rows->len; i++)
    {
      FurrowSeasonHarvest *row = &g_array_index (rows, FurrowSeasonHarvest, i);
      const FurrowSeasonHarvest *was = &g_array_index (left, FurrowSeasonHarvest, i);
      const FurrowSeasonHarvest *now = find_harvest (stored, row->field_id, row->crop);

      if (now == NULL && (was->none || (was->yield_kg == 0 && was->revenue_fen == 0)))
        row->row_version = FURROW_ROW_VERSION_NONE;
      else if (now != NULL && now->yield_kg == was->yield_kg &&
               now->revenue_fen == was->revenue_fen)
        row->row_version = now->row_version;
    }
  return furrow_store_set_harvests (store, season, (FurrowSeasonHarvest *) rows->data, rows->len,
                                    error);
}

static const SeasonArrayKind harvests_kind = { furrow_store_get_harvests, write_harvests };

/* The edit of `harvests` over what the caller showed, `shown` (in the same order: each record as
 * it read it, version included, FURROW_ROW_VERSION_NONE where it read none), or when `shown` is
 * NULL over what is stored now: each record's version is the one the caller read (its
 * `row_version`), else the one shown or stored. `none_before`: the undo of a record that was not
 * there removes it (else it writes zeros). NULL when nothing changes. */
static FurrowEdit *
harvests_edit_new (FurrowStore               *store,
                   FurrowSeason              *season,
                   const FurrowSeasonHarvest *harvests,
                   const FurrowSeasonHarvest *shown,
                   guint                      n_harvests,
                   gboolean                   none_before,
                   const char                *label,
                   GError                   **error)
{
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));
  g_autoptr(GArray) after = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));

  if (shown == NULL && (stored = furrow_store_get_harvests (store, season, error)) == NULL)
    return NULL;
  for (guint i = 0; i < n_harvests; i++)
    {
      const FurrowSeasonHarvest *had =
        shown == NULL ? find_harvest (stored, harvests[i].field_id, harvests[i].crop)
        : shown[i].row_version != FURROW_ROW_VERSION_NONE ? &shown[i] : NULL;
      FurrowSeasonHarvest old = harvests[i];
      FurrowSeasonHarvest new = harvests[i];

      old.yield_kg = 0;
      old.revenue_fen = 0;
      old.none = none_before;  /* undone, the record goes again */
      old.row_version = FURROW_ROW_VERSION_NONE;
      new.row_version = FURROW_ROW_VERSION_NONE;
      if (had != NULL)
        {
          old = *had;
          old.none = FALSE;
          new.row_version = had->row_version;
        }
      /* What is stored already (or zeros where there is none) is not written again. */
      if (old.yield_kg == harvests[i].yield_kg && old.revenue_fen == harvests[i].revenue_fen &&
          (had != NULL || (old.yield_kg == 0 && old.revenue_fen == 0)))
        continue;
      if (harvests[i].row_version != 0)
        new.row_version = harvests[i].row_version;
      g_array_append_val (before, old);
      g_array_append_val (after, new);
    }
  if (after->len == 0)
    return NULL;
  return season_array_edit_new (&harvests_kind, store, season, g_steal_pointer (&before),
                                g_steal_pointer (&after), label);
}

FurrowEdit *
furrow_edit_season_harvest (FurrowStore               *store,
                            FurrowSeason              *season,
                            gint64                     field_id,
                            FurrowCrop                 crop,
                            double                     yield_kg,
                            gint64                     revenue_fen,
                            const FurrowSeasonHarvest *shown,
                            GError                   **error)
{
  FurrowSeasonHarvest harvest = { field_id, crop, yield_kg, revenue_fen, FALSE, 0 };

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (shown == NULL || (shown->field_id == field_id && shown->crop == crop),
                        NULL);

  return harvests_edit_new (store, season, &harvest, shown, 1, FALSE, _("Enter a harvest"),
                            error);
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

  return harvests_edit_new (store, season, harvests, NULL, n_harvests, TRUE, _("Paste harvests"),
                            error);
}

/* ------------------------------------------------------------------------------------------ */
/* The actual costs                                                                           */

/* The list is checked whole: against the one the caller showed on the first write, against the
 * one stored now on an undo or redo when it is what the edit left there. */
static gboolean
write_actual_costs (FurrowStore   *store,
                    FurrowSeason  *season,
                    GArray        *stored,
                    GArray        *rows,
                    GArray        *left,
                    GError       **error)
{
  GArray *shown = stored != NULL && furrow_actual_costs_equal (stored, left) ? stored : left;

  return furrow_store_save_actual_costs (store, season, shown, rows, error);
}

static const SeasonArrayKind actual_costs_kind = {
  furrow_store_get_actual_costs, write_actual_costs
};

FurrowEdit *
furrow_edit_season_actual_costs (FurrowStore   *store,
                                 FurrowSeason  *season,
                                 GArray        *shown,
                                 GArray        *costs,
                                 GError       **error)
{
  g_autoptr(GArray) before = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (costs != NULL, NULL);

  before = shown != NULL ? g_array_copy (shown) : furrow_store_get_actual_costs (store, season, error);
  if (before == NULL || furrow_actual_costs_equal (before, costs))
    return NULL;
  return season_array_edit_new (&actual_costs_kind, store, season, g_steal_pointer (&before),
                                g_array_copy (costs), _("Change the actual costs"));
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
