/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-edit.h"
#include "furrow-field.h"
#include "furrow-pattern.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The undoable edit of a season's plans (docs/architecture.md, "Edits" and "Several users at
 * once"): the planner's Apply to Season, the season overview's Apply to the selected or all
 * fields.
 *
 * `label`: plans `fields` in the season with `pattern` (its preset name, "" when tuned) and the
 * yield preset; undone, the fields' plans are what they were before the first apply
 * (furrow_season_plan_fields(), furrow_season_restore_plans()). `versions` (one per field, or
 * NULL: the plans stored when it is first applied) are the versions of the fields' plans the
 * caller showed (FurrowSeasonPlan.row_version, FURROW_ROW_VERSION_NONE where it showed none): the
 * first apply is refused with FURROW_STORE_ERROR_CONFLICT when another user changed one since. An
 * undo or redo names the versions stored at that moment where the plans are still what the edit
 * left there, and is refused where they are not. The season is found again by its id. */
FurrowEdit *furrow_edit_season_plan (const char           *label,
                                     FurrowStore          *store,
                                     FurrowSeason         *season,
                                     FurrowField * const  *fields,
                                     guint                 n_fields,
                                     const gint64         *versions,
                                     const FurrowPattern  *pattern,
                                     const char           *preset,
                                     const char           *yield_preset);

G_END_DECLS
