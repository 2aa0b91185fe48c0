/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-edit.h"
#include "furrow-pattern.h"
#include "furrow-season.h"
#include "furrow-store-season.h"
#include "furrow-store.h"
#include "furrow-yield-model.h"

G_BEGIN_DECLS

/* The undoable edits of seasons and yield presets (docs/architecture.md, "Edits"; plans are
 * furrow-edit-plan.h's): each a FurrowEdit whose apply writes through the store, labelled as the
 * Undo and Redo menu items show it. They find the season again by its id each time they are
 * applied, so that they still work after the store reloaded its seasons. None merges: each is
 * one step of the history.
 * Applying one to a settled season fails with FURROW_STORE_ERROR_READ_ONLY and changes nothing. */

/* "Change the season’s rules": the money rules (prices, costs, subsidies, other income, fees,
 * base rule, split) of the season `season_id`, from those of `before` to those of `after`; its
 * name, crop year and notes stay as they are when the edit is applied. */
FurrowEdit *furrow_edit_season_rules         (FurrowStore          *store,
                                              gint64                season_id,
                                              FurrowSeason         *before,
                                              FurrowSeason         *after);

/* "Create season “NAME”": adds a season with the name, crop year, notes and money rules of
 * `rules` (copied); undone, the season is deleted, and redone, it comes back whole with what was
 * added to it in between (furrow_store_snapshot_season(), furrow_store_restore_season()). */
FurrowEdit *furrow_edit_season_create        (FurrowStore          *store,
                                              FurrowSeason         *rules);

/* "Delete season “NAME”": deletes the stored `season` with its plans, harvests, actual costs and
 * household operations; undone, it comes back whole (as a new row: a new id). */
FurrowEdit *furrow_edit_season_delete        (FurrowStore          *store,
                                              FurrowSeason         *season);

/* The season of an edit made by furrow_edit_season_create() or _delete() as the seasons model
 * holds it now (transfer none), NULL while it is deleted. */
FurrowSeason *furrow_edit_season_get_season  (FurrowEdit           *edit);

/* "Enter a harvest": the harvest of `crop` on the field `field_id` becomes `yield_kg` and
 * `revenue_fen`; undone, it is what it was before (zeros where there was none). `shown` is that
 * record as the caller showed it, read from the store with its version (its row_version
 * FURROW_ROW_VERSION_NONE, values zero, where it showed none); NULL: the one stored now, read
 * here. NULL, with error unset, when that is what it was already (or zeros where there was
 * none); NULL with error set when `shown` is NULL and the harvests cannot be read. Applied,
 * undone or redone, the edit is refused with FURROW_STORE_ERROR_CONFLICT when another user
 * changed the record since it was read. */
FurrowEdit *furrow_edit_season_harvest       (FurrowStore          *store,
                                              FurrowSeason         *season,
                                              gint64                field_id,
                                              FurrowCrop            crop,
                                              double                yield_kg,
                                              gint64                revenue_fen,
                                              const FurrowSeasonHarvest *shown,
                                              GError              **error);

/* "Paste harvests": the harvests `harvests` (FurrowSeasonHarvest: field id, crop, kg, fen)
 * written in one transaction (furrow_store_set_harvests()), so one undo puts back every value
 * as it was (no record where there was none; the season stays harvested). Records equal to what is stored are left out; NULL,
 * with error unset, when nothing is left; NULL with error set when the harvests cannot be read.
 * Refused whole, the project unchanged, when one value is refused or the season is settled. */
FurrowEdit *furrow_edit_season_harvests      (FurrowStore          *store,
                                              FurrowSeason         *season,
                                              const FurrowSeasonHarvest *harvests,
                                              guint                 n_harvests,
                                              GError              **error);

/* "Change the actual costs": the season's actual costs become `costs`
 * (FurrowSeasonActualCost, item and field unique), all or nothing. NULL, with error unset, when
 * they are already; NULL with error set when the stored ones cannot be read. `shown` is the
 * list the caller showed, with its versions (NULL: the one stored now): the edit is refused with
 * FURROW_STORE_ERROR_CONFLICT when another user changed the costs since. */
FurrowEdit *furrow_edit_season_actual_costs  (FurrowStore          *store,
                                              FurrowSeason         *season,
                                              GArray               *shown,
                                              GArray               *costs,
                                              GError              **error);

/* "Save Yield Preset": stores `model` under its name; undone, the preset it replaced comes back,
 * or, if none, it is deleted. */
FurrowEdit *furrow_edit_yield_preset_save    (FurrowStore          *store,
                                              const FurrowYieldModel *model);

/* "Delete Yield Preset": deletes the stored preset `name`; undone, it is saved again. NULL with
 * error set when there is no such preset. */
FurrowEdit *furrow_edit_yield_preset_delete  (FurrowStore          *store,
                                              const char           *name,
                                              GError              **error);

G_END_DECLS
