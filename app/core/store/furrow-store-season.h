/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-distribution.h"
#include "furrow-economics.h"
#include "furrow-pattern.h"
#include "furrow-season.h"
#include "furrow-settle-check.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* Seasons in the project store (docs/architecture.md: seasons, plans, harvests, settlements).
 *
 * - A season is planned (prices, costs, subsidies, other income, fees, base rule, split; a plan
 *   per field), harvested (harvest records per field and crop: kg and sale revenue; actual
 *   costs), and settled. Recording the first harvest moves a planning season to harvested;
 *   furrow_store_settle_season() moves a harvested season to settled.
 * - A settled season is read-only: every call that would change it (update, delete, plans,
 *   harvests, actual costs, settling again) fails with FURROW_STORE_ERROR_READ_ONLY and the file
 *   is unchanged. furrow_store_reopen_season() takes it back to harvested: it needs a reason,
 *   deletes the frozen settlement and records the reason and the settlement's totals in the
 *   audit log.
 * - Every change to money or rules is an audit_log row on the object "season:NAME".
 * - Each call is one transaction (or a savepoint in a batch), like every change of the store.
 * - Season objects in the list model are the store's own; furrow_store_find_season() returns a
 *   new object to edit and pass to furrow_store_update_season(). */

/* One field's plan. `preset` is the pattern preset it came from ("2+4", "sole-maize"…) or "";
 * `yield_preset` the yield model preset ("practical" when empty). */
typedef struct
{
  gint64        field_id;
  FurrowPattern pattern;
  char          preset[32];
  char          yield_preset[32];
  gboolean      none;         /* furrow_store_save_plans(): no plan (removes it); read: FALSE */
  gint64        row_version;  /* read: the row's version; written: the version read, or
                               * FURROW_ROW_VERSION_NONE (none was read) or 0 (not checked) */
} FurrowSeasonPlan;

typedef struct
{
  gint64     field_id;
  FurrowCrop crop;
  double     yield_kg;
  gint64     revenue_fen;
  gboolean   none;        /* furrow_store_set_harvests(): no record (removes it); read: FALSE */
  gint64     row_version; /* read: the row's version; written: the version read, or
                           * FURROW_ROW_VERSION_NONE (none was read) or 0 (not checked) */
} FurrowSeasonHarvest;

typedef struct
{
  gint64 field_id;                           /* 0: the whole season */
  char   item[FURROW_SEASON_TEXT_MAX];
  gint64 fen;
  gint64 row_version;                        /* read: the row's version */
} FurrowSeasonActualCost;

/* A write that names the version of a season's row it read (docs/architecture.md, Several users
 * at once) is refused with FURROW_STORE_ERROR_CONFLICT when another writer changed the row since;
 * FURROW_ROW_VERSION_NONE says the writer read no row there, so one another writer added since
 * is a conflict too; 0 is not checked (the command line, an import). */
#define FURROW_ROW_VERSION_NONE ((gint64) -1)

/* A settled season's frozen rows, read back. */
typedef struct
{
  gint64         household_id;
  char          *code;
  char          *name;
  FurrowCustody  custody;
  double         area_m2;
  gint64         fee_fen_per_mu;
  gint64         base_fen;
  gint64         dividend_fen;
  gint64         fee_fen;
  gint64         total_fen;
  char          *rule_text;                   /* the household's basis in one line */
  double         fee_area_m2;                 /* the area billed the fee (0 before schema v5) */
} FurrowSeasonSettlementRow;

typedef struct
{
  FurrowDistributionResult   totals;
  FurrowSurplusSplit         split;
  char                      *summary;
  char                      *reason;
  char                      *created;        /* ISO 8601 UTC */
  FurrowSeasonSettlementRow *rows;           /* in household code order */
  gsize                      n_rows;
} FurrowSeasonSettlement;

void              furrow_season_settlement_free       (FurrowSeasonSettlement      *settlement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowSeasonSettlement, furrow_season_settlement_free)

/* Inputs of the settlement engine built from a season's actuals, owning its households. */
typedef struct
{
  FurrowDistributionInput      input;
  FurrowDistributionHousehold *households;
  gint64                      *household_ids;
  GStrv                        strings;       /* codes, names and the reason, owned */
} FurrowSeasonSettlementInput;

void              furrow_season_settlement_input_free (FurrowSeasonSettlementInput *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowSeasonSettlementInput, furrow_season_settlement_input_free)

/* Seasons, in row order (transfer full). */
GListModel       *furrow_store_get_seasons           (FurrowStore          *self);
/* A new object read from the file (transfer full), NULL when absent. */
FurrowSeason     *furrow_store_find_season           (FurrowStore          *self,
                                                      const char           *name);

/* The season with this id as the seasons model holds it (transfer none: the live object), NULL
 * when absent. */
FurrowSeason     *furrow_store_get_season_by_id      (FurrowStore          *self,
                                                      gint64                id);

/* add: the season must have id 0 and a new, non-empty name; update writes the name, year, notes
 * and every money rule; delete removes the season, its plans and harvests. update/delete refuse
 * a settled season. */
gboolean          furrow_store_add_season            (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);
gboolean          furrow_store_update_season         (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);
/* The version of the season's name, notes and money rules read into `season` (0: never read);
 * furrow_store_update_season() refuses with FURROW_STORE_ERROR_CONFLICT a season whose version
 * is not the stored one. The model's objects have the version the views show; set it on a copy
 * to write what they show (docs/architecture.md, Several users at once). */
gint64            furrow_store_season_get_version    (FurrowSeason         *season);
void              furrow_store_season_set_version    (FurrowSeason         *season,
                                                      gint64                version);
gboolean          furrow_store_delete_season         (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);

/* Sets the season's public-notice date (furrow_season_get_notice_date()): "YYYY-MM-DD", a real
 * day (FURROW_STORE_ERROR_INVALID otherwise, the file unchanged), or NULL / "" to clear it.
 * Allowed on a settled season: it is when the statements are posted, and changes no amount.
 * Audited ("season.notice-date"); announced as a rules change. */
gboolean          furrow_store_set_notice_date       (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      const char           *date,
                                                      GError              **error);

/* A whole season as the file holds it, kept to delete the season and put it back (the undo of
 * creating or deleting one): its name, crop year, notes and money rules, its plans, harvests and
 * actual costs, and the half-custody operations its households take. Opaque. */
typedef struct _FurrowSeasonSnapshot FurrowSeasonSnapshot;

void              furrow_season_snapshot_free        (FurrowSeasonSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowSeasonSnapshot, furrow_season_snapshot_free)

/* The stored season now (transfer full); NULL with FURROW_STORE_ERROR_NOT_FOUND when it is not in
 * the file, FURROW_STORE_ERROR_READ_ONLY when it is settled (it cannot be deleted either). */
FurrowSeasonSnapshot *
                  furrow_store_snapshot_season       (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);
/* Adds the season of `snapshot` back with everything it had, as new rows written the way
 * furrow_store_add_season(), _set_plan(), _set_harvest(), _set_actual_cost() and
 * _set_household_operations() write them (and audit them), in one transaction with one
 * season-changed; plans, harvests, costs and operations of fields or households no longer in the
 * project are left out. Its name must be free (FURROW_STORE_ERROR_DUPLICATE). Returns the new
 * season's id (furrow_store_get_season_by_id()), or 0 with the error and the file unchanged. */
gint64            furrow_store_restore_season        (FurrowStore          *self,
                                                      const FurrowSeasonSnapshot *snapshot,
                                                      GError              **error);

/* Plans: `pattern` must validate (furrow_pattern_validate()). */
gboolean          furrow_store_set_plan              (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      FurrowField          *field,
                                                      const FurrowPattern  *pattern,
                                                      const char           *preset,
                                                      const char           *yield_preset,
                                                      GError              **error);
/* The same plan for several fields, in one transaction: all of them or, on an error, none. */
gboolean          furrow_store_set_plans             (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      FurrowField * const  *fields,
                                                      guint                 n_fields,
                                                      const FurrowPattern  *pattern,
                                                      const char           *preset,
                                                      const char           *yield_preset,
                                                      GError              **error);
/* Many plans (FurrowSeasonPlan: field by id, pattern, presets, the version read) in one
 * transaction with one season-changed, each written and audited as furrow_store_set_plan() does:
 * all of them or, on any error, none. One with `none` set removes the field's plan. A plan
 * another writer changed since the version named (docs/architecture.md, Several users at once)
 * is refused with FURROW_STORE_ERROR_CONFLICT naming the field, who changed it and what it is
 * now. */
gboolean          furrow_store_save_plans            (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      const FurrowSeasonPlan *plans,
                                                      guint                 n_plans,
                                                      GError              **error);
/* FurrowSeasonPlan, by field id. */
GArray           *furrow_store_get_plans             (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);

/* Harvests: one record per field and crop (a second call replaces it). */
gboolean          furrow_store_set_harvest           (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      FurrowField          *field,
                                                      FurrowCrop            crop,
                                                      double                yield_kg,
                                                      gint64                revenue_fen,
                                                      GError              **error);
/* Many harvests (FurrowSeasonHarvest: field by id, crop, kg, fen) in one transaction, each
 * written and audited as furrow_store_set_harvest() does, with one season-changed: all of them
 * or, on any error (a field not in the project, a negative value, a settled season), none. One
 * with `none` set removes the field's record of that crop, if there is one (audited): what the
 * undo of a paste puts back where there was no harvest. */
gboolean          furrow_store_set_harvests          (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      const FurrowSeasonHarvest *harvests,
                                                      guint                 n_harvests,
                                                      GError              **error);
/* FurrowSeasonHarvest, by field id and crop. */
GArray           *furrow_store_get_harvests          (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);

/* Actual costs of a field (NULL: of the whole season) by item; fen < 0 removes the item. */
gboolean          furrow_store_set_actual_cost       (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      FurrowField          *field,
                                                      const char           *item,
                                                      gint64                fen,
                                                      GError              **error);
GArray           *furrow_store_get_actual_costs      (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);
/* Makes the season's actual costs `costs` (FurrowSeasonActualCost, item and field unique): the
 * stored items not in it are removed and the new or changed ones written, each audited as
 * furrow_store_set_actual_cost() does, all in one transaction. A field must be stored
 * (FURROW_STORE_ERROR_NOT_FOUND); on any error the file is unchanged. `shown` (NULL: not
 * checked) is the list as the caller read it, row versions included: when the stored list is
 * another since, the change is refused with FURROW_STORE_ERROR_CONFLICT naming who changed it. */
gboolean          furrow_store_save_actual_costs     (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GArray               *shown,
                                                      GArray               *costs,
                                                      GError              **error);
/* In a list of FurrowSeasonActualCost: the cost of key's item and field, or NULL. */
const FurrowSeasonActualCost *
                  furrow_actual_costs_find           (GArray               *costs,
                                                      const FurrowSeasonActualCost *key);
/* TRUE when both lists hold the same items and fields with the same amounts, in any order. */
gboolean          furrow_actual_costs_equal          (GArray               *a,
                                                      GArray               *b);

/* Every field of the project as a FurrowEconomicsField of this season: its full-custody area,
 * its plan laid out and run through the yield model (no plan: sole maize for the costs, no
 * predicted yield; no outline: the ideal strip on the registered area), its harvests and
 * actual costs. `season_actual_cost_fen`: the actual costs not tied to a field. */
GArray           *furrow_store_get_season_fields     (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      gint64               *season_actual_cost_fen,
                                                      GError              **error);

/* The half-custody services (the season's fee operations, furrow_season_set_fee()) a household
 * takes this season. By default it takes all of them. `operations` NULL: all again; an empty
 * array: none. Every name must be one of the season's fee operations
 * (FURROW_STORE_ERROR_INVALID otherwise); the household must exist (FURROW_STORE_ERROR_NOT_FOUND);
 * a settled season is read-only. Audited. */
gboolean          furrow_store_set_household_operations (FurrowStore       *self,
                                                      FurrowSeason         *season,
                                                      const char           *household_code,
                                                      const char * const   *operations,
                                                      GError              **error);

/* The operations the household takes (transfer full; empty: none), in the season's fee order;
 * `all` (may be NULL) is set when it takes all of them by default. NULL with an error for an
 * unknown household. */
GStrv             furrow_store_get_household_operations (FurrowStore       *self,
                                                      FurrowSeason         *season,
                                                      const char           *household_code,
                                                      gboolean             *all,
                                                      GError              **error);

/* The engine's input from the season's actuals: revenue Σ harvest revenue; cost Σ actual field
 * costs (cost items where a field has none) + season costs, as a total; subsidies by field; other
 * income; base rule, split and reason (`reason`, else the season's split reason); every household
 * with full-custody parcels (in the pool with their registered area, full custody) or with
 * half-custody parcels only (half custody). Half-custody land is billed the fees of the
 * operations its household takes (furrow_store_set_household_operations(), all by default) per
 * mu: a household with both kinds of land is settled on its full-custody land and billed on its
 * half-custody land (fee_area_mu). */
FurrowSeasonSettlementInput *
                  furrow_store_build_settlement_input (FurrowStore         *self,
                                                       FurrowSeason        *season,
                                                       const char          *reason,
                                                       GError             **error);

/* The same input from the season's predicted figures (the plans through the yield model at the
 * season's prices, the cost items, subsidies and other income of `season` as given — it may be
 * an edited copy not yet written) and the season's split reason: run through the settlement
 * engine, it is each household's predicted base, dividend, fee and total. */
FurrowSeasonSettlementInput *
                  furrow_store_build_prediction_input (FurrowStore         *self,
                                                       FurrowSeason        *season,
                                                       GError             **error);

/* What is missing before settling `season` (furrow-settle-check.h; docs/domain.md §8, Before
 * settling): full-custody fields without a harvest, crops grown at a price of 0, households with
 * half-custody land billed ¥0 of fees, households without parcels. Reads only (transfer full);
 * NULL with the error when the file cannot be read. furrow_store_settle_season() does not call
 * it: the window and furrow-cli ask before settling. */
FurrowSettleCheck *
                  furrow_store_check_settlement      (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);

/* Settles a harvested season: the engine's result frozen as settlement rows (integer fen, one
 * per household, with its rule text) and season totals, the state set to settled, and an audit
 * row — one transaction. Any engine error (e.g. households under 60 % without a reason) fails
 * with that error (FURROW_DISTRIBUTION_ERROR) and writes nothing. */
gboolean          furrow_store_settle_season         (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      const char           *reason,
                                                      GError              **error);
/* Takes a settled season back to harvested: `reason` must not be empty
 * (FURROW_STORE_ERROR_INVALID). */
gboolean          furrow_store_reopen_season         (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      const char           *reason,
                                                      GError              **error);
/* The frozen settlement of a settled season; NULL with FURROW_STORE_ERROR_NOT_FOUND otherwise. */
FurrowSeasonSettlement *
                  furrow_store_get_settlement        (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      GError              **error);

/* Records in the audit log that statements or the roster of a season were printed
 * (docs/architecture.md: every statement printed): `what` e.g. "statements", `detail` how many and
 * where. Allowed on a settled season: it changes nothing of it. */
gboolean          furrow_store_record_print          (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      const char           *what,
                                                      const char           *detail,
                                                      GError              **error);

G_END_DECLS
