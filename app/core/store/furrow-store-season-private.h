/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-database.h"
#include "furrow-store-season.h"

G_BEGIN_DECLS

/* What the store's season files share (docs/architecture.md, The store): furrow-store-season.c
 * (the seasons model and its signals, create, rename, delete, snapshot), furrow-store-season-rules.c
 * (money rules, half-custody operations), furrow-store-plan.c, furrow-store-harvest.c (harvests,
 * actual costs, the economics of a season's fields) and furrow-store-settlement.c. */

typedef void (*FurrowSeasonRowFunc) (FurrowStatement *stmt,
                                     gpointer         user_data);

/* furrow-store-season.c */

/* The seasons model is re-read after the commit of the open transaction. */
void             _furrow_season_touch_model     (FurrowStore         *self);
/* Records what changed in season (see FurrowSeasonChange) for the season-changed signal after
 * the commit; settlement: settlement-changed too. */
void             _furrow_season_touch           (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 FurrowSeasonChange   what,
                                                 gboolean             settlement);
FurrowStatement *_furrow_season_prepare         (FurrowStore         *self,
                                                 const char          *sql,
                                                 GError             **error);
/* The audit log's object of a season, "season:NAME". */
char            *_furrow_season_object          (FurrowSeason        *season);
/* Who changed a row of the season that a write found changed since it was read, for the
 * conflict's message (docs/architecture.md, Several users at once). ROW, bound by the caller
 * (NULL: it could not be prepared), selects the row's changed_by and changed_at first; it is
 * stepped here, and where this returns TRUE (the row is there) its further columns are the
 * caller's to read. *who becomes "clerk_a at 14:05 on 7 December"; for a row that is gone or
 * names nobody, the audit log's last actor on the season with a detail LIKE `detail`, or
 * "another user" when `detail` is NULL. */
gboolean         _furrow_season_row_author      (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 FurrowStatement     *row,
                                                 const char          *detail,
                                                 char               **who);
/* Runs a statement that binds only the season id (?1). */
gboolean         _furrow_season_run             (FurrowStore         *self,
                                                 const char          *sql,
                                                 gint64               season_id,
                                                 GError             **error);
/* Calls func for each row of a query that binds only the season id (?1). */
gboolean         _furrow_season_foreach_row     (FurrowStore         *self,
                                                 const char          *sql,
                                                 gint64               season_id,
                                                 FurrowSeasonRowFunc  func,
                                                 gpointer             user_data,
                                                 GError             **error);
/* The rows of such a query as a GArray of `element_size` elements, each filled by func (its
 * user_data is the new, zeroed element); NULL with the error. */
GArray          *_furrow_season_read_rows       (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 const char          *sql,
                                                 guint                element_size,
                                                 FurrowSeasonRowFunc  func,
                                                 GError             **error);
/* furrow-store-harvest.c: what the season planned and harvested on its fields
 * (furrow_store_get_plans(), furrow_store_get_harvests()), both or neither; FALSE with the
 * error. */
gboolean         _furrow_season_read_field_records (FurrowStore      *self,
                                                    FurrowSeason     *season,
                                                    GArray          **plans,
                                                    GArray          **harvests,
                                                    GError          **error);
/* Whether the file has a field with this id. */
gboolean         _furrow_season_field_in_file   (FurrowStore         *self,
                                                 gint64               field_id);
/* A write about field `code` (id field_id) failed with local_error (taken): a broken rule of the
 * schema because the field is gone is NOT_FOUND; anything else is passed on. Returns FALSE. */
gboolean         _furrow_season_field_error     (FurrowStore         *self,
                                                 gint64               field_id,
                                                 const char          *code,
                                                 GError              *local_error,
                                                 GError             **error);
/* NOT_FOUND unless the field is stored. */
gboolean         _furrow_season_check_field     (FurrowField         *field,
                                                 GError             **error);
/* The state in the file (not the object's, which may be stale); NOT_FOUND when absent. */
gboolean         _furrow_season_stored_state    (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 FurrowSeasonState   *state,
                                                 GError             **error);
/* Fails with READ_ONLY when the stored season is settled. */
gboolean         _furrow_season_check_writable  (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 GError             **error);

/* The writes inside an open operation (_furrow_store_op_begin()), each audited; the callers
 * touch the season (_furrow_season_touch()). */

/* Inserts the season's row as `id` (0: a new id) in `state`, sets the object's id and writes its
 * rules; audited as "season.add" with the rules. */
gboolean         _furrow_season_insert          (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 gint64               id,
                                                 FurrowSeasonState    state,
                                                 GError             **error);
/* furrow-store-plan.c: the plan of a stored field. */
gboolean         _furrow_season_set_plan        (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 FurrowField         *field,
                                                 const FurrowPattern *pattern,
                                                 const char          *preset,
                                                 const char          *yield_preset,
                                                 GError             **error);
/* furrow-store-harvest.c: the harvest of a stored field, read at `version` (FurrowSeasonHarvest:
 * FURROW_ROW_VERSION_NONE, 0 not checked); a planning season becomes harvested. */
gboolean         _furrow_season_set_harvest     (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 FurrowField         *field,
                                                 FurrowCrop           crop,
                                                 double               yield_kg,
                                                 gint64               revenue_fen,
                                                 gint64               version,
                                                 GError             **error);
/* furrow-store-harvest.c: the actual cost `item` of field (NULL: of the whole season); fen < 0
 * removes it. */
gboolean         _furrow_season_set_actual_cost (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 FurrowField         *field,
                                                 const char          *item,
                                                 gint64               fen,
                                                 GError             **error);
/* furrow-store-season-rules.c: the operations a household takes (NULL: all, empty: none). */
gboolean         _furrow_season_set_operations  (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 FurrowHousehold     *household,
                                                 const char * const  *operations,
                                                 GError             **error);

/* furrow-store-season-rules.c */

/* The statements of the rule tables, in the order prices, costs, subsidies, other income, fees,
 * and the base rule with the split: each table's rows read (?1 the season id), deleted, and
 * inserted one by one (?1 the season id, then its columns), made once from the table's columns
 * and kept for the process. */
#define FURROW_N_RULE_TABLES 6

typedef enum
{
  FURROW_RULE_SELECT,
  FURROW_RULE_DELETE,
  FURROW_RULE_INSERT,
  FURROW_N_RULE_STATEMENTS
} FurrowRuleStatement;

const char      *_furrow_season_rule_sql        (guint                table,
                                                 FurrowRuleStatement  statement);
/* Every season by id (furrow_store_get_seasons()). */
const char      *_furrow_season_list_sql        (void);
/* Reads the season's money rules into it / writes them, table by table. */
gboolean         _furrow_season_load_rules      (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 GError             **error);
gboolean         _furrow_season_write_rules     (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 GError             **error);
/* The lines of `after` not in `before` ("+ …") and of `before` not in `after` ("- …"). */
char            *_furrow_season_rules_diff      (const char          *before,
                                                 const char          *after);
/* household id → GPtrArray of its chosen operations ("" for none), for households that chose. */
GHashTable      *_furrow_season_load_operations (FurrowStore         *self,
                                                 FurrowSeason        *season,
                                                 GError             **error);
/* A household's fee per mu: the sum of the season's fees of the operations `ops` (NULL: all). */
gint64           _furrow_season_operations_fee  (FurrowSeason        *season,
                                                 GPtrArray           *ops);

G_END_DECLS
