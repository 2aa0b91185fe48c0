/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-economics.h"
#include "furrow-field.h"
#include "furrow-pattern.h"
#include "furrow-season.h"
#include "furrow-store-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* A season's plans field by field (issue 7, season overview): the table a manager reads and the
 * batch changes behind "apply a pattern to these fields".
 *
 * The table has one row per field of the project, in the store's field order: its plan (pattern
 * preset and yield preset, or none), registered and measured areas, the area the plan actually
 * sows (the maize and soybean band areas of the layout, headlands and edge margin excluded:
 * furrow-layout.h), and the predicted figures of furrow_economics_predict_field() on
 * furrow_store_get_season_fields(). The total row is the sum of the rows, computed here (areas
 * and kilograms added in row order, money in integer fen), so what a table shows adds up to its
 * total exactly. Season net = Σ field nets + the season's other income. */

typedef struct
{
  gint64   field_id;
  char    *code;
  char    *name;
  gboolean planned;
  char     preset[32];                      /* "2+4" …; "" when unplanned or not from a preset */
  char     yield_preset[32];
  gint64   row_version;                     /* of the plan read, FURROW_ROW_VERSION_NONE: none */
  double   registered_area_m2;
  double   measured_area_m2;
  double   planted_area_m2;                 /* maize + soybean band area of the plan */
  double   yield_kg[FURROW_N_CROPS];        /* predicted */
  gint64   revenue_fen;
  gint64   cost_fen;
  gint64   subsidy_fen;
  gint64   net_fen;                         /* revenue + subsidy − cost */
} FurrowSeasonTableRow;

typedef struct
{
  FurrowSeasonTableRow *rows;
  gsize                 n_rows;
  gsize                 n_planned;
  FurrowSeasonTableRow  total;              /* Σ rows (code and name NULL) */
  gint64                other_income_fen;
  gint64                season_net_fen;     /* total.net_fen + other_income_fen */
} FurrowSeasonTable;

FurrowSeasonTable *furrow_season_table_compute (FurrowStore        *store,
                                                FurrowSeason       *season,
                                                GError            **error);
void               furrow_season_table_free    (FurrowSeasonTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowSeasonTable, furrow_season_table_free)

/* The plan of field_id in `plans` (FurrowSeasonPlan, as furrow_store_get_plans() returns
 * them), or NULL. */
const FurrowSeasonPlan *
                   furrow_season_plans_find    (GArray              *plans,
                                                gint64               field_id);

/* Plans `n_fields` fields with one pattern in ONE transaction (all or nothing, one audit row per
 * field as furrow_store_set_plan() writes). A settled season: FURROW_STORE_ERROR_READ_ONLY and
 * nothing written. `versions` (NULL: not checked) are the versions of the fields' plans the
 * caller read (FurrowSeasonPlan.row_version, FURROW_ROW_VERSION_NONE where it read none): a plan
 * another user changed since is refused with FURROW_STORE_ERROR_CONFLICT
 * (furrow_store_save_plans()). `previous` (optional, out): the plans these fields had before, as
 * furrow_store_get_plans() returns them (only the fields that had one) — what
 * furrow_season_restore_plans() needs to undo the change. */
gboolean           furrow_season_plan_fields   (FurrowStore         *store,
                                                FurrowSeason        *season,
                                                FurrowField * const *fields,
                                                guint                n_fields,
                                                const gint64        *versions,
                                                const FurrowPattern *pattern,
                                                const char          *preset,
                                                const char          *yield_preset,
                                                GArray             **previous,
                                                GError             **error);

/* Puts back the plans of `fields` as `plans` (FurrowSeasonPlan) has them: a field with a plan
 * there gets it again, a field without loses its plan. One transaction. `versions` as for
 * furrow_season_plan_fields(): those of the plans stored now that the caller read. */
gboolean           furrow_season_restore_plans (FurrowStore         *store,
                                                FurrowSeason        *season,
                                                FurrowField * const *fields,
                                                guint                n_fields,
                                                GArray              *plans,
                                                const gint64        *versions,
                                                GError             **error);

/* TRUE when a settled season planned or harvested `field`: that season's plan sheet and field
 * figures are laid out on the field's outline and a settled season does not change
 * (docs/architecture.md, Data model), so the field keeps its shape ("Reshape Field" is off). Also
 * TRUE when the seasons cannot be read: in doubt the field is not reshaped. */
gboolean           furrow_season_field_is_settled (FurrowStore      *store,
                                                   FurrowField      *field);

G_END_DECLS
