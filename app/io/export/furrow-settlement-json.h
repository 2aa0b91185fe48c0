/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "furrow-distribution.h"

G_BEGIN_DECLS

/* The self-contained settlement of docs/architecture.md (`furrow-cli settle INPUT.json`):
 *
 *   {
 *     "revenue_fen": 23641200,
 *     "cost_fen_per_mu": 28600,            (or "cost_fen": total; one of the two)
 *     "other_income_fen": 0,               (optional)
 *     "subsidy_fen_per_mu": 0,             (optional)
 *     "subsidy_fen": 0,                    (optional)
 *     "base": {"kind": "fixed", "fen_per_mu": 90000}
 *           | {"kind": "in_kind", "kg_per_mu": 550, "price_fen_per_kg": 136,
 *              "less_cost_per_mu": true}
 *           | {"kind": "annual_share", "annual_fen_per_mu": 90000, "season_pct": 40},
 *     "split_pct": {"reserve": 0, "collective": 0, "cooperative": 50, "households": 50},
 *     "reason": "…",                       (required when households get < 60 %)
 *     "cooperative": "…", "season": "…",   (optional, for the printed reports only:
 *     "village_code": "…",                  the cooperative's name, the season's name,
 *     "notice_date": "2017-01-10",          the village's FBFBM, the public-notice date)
 *     "households": [{"code": "…", "name": "…", "area_mu": 4.12,
 *                     "custody": "full" | "half", "weight": 1.0, "fee_fen_per_mu": 0,
 *                     "fee_area_mu": 0}]         (the area billed the fee when not 0: a
 *   }                                            full-custody household's half-custody land)
 *
 * Money is integer fen (a JSON integer), areas are mu, percentages are numbers. Unknown members
 * are refused, so a misspelt name cannot silently drop a rule. Errors name the file and the
 * JSON path of the bad member: "in.json: $.households[3].area_mu: expected a number". */

#define FURROW_SETTLEMENT_JSON_ERROR (furrow_settlement_json_error_quark ())

typedef enum
{
  FURROW_SETTLEMENT_JSON_ERROR_PARSE,    /* not JSON */
  FURROW_SETTLEMENT_JSON_ERROR_INVALID,  /* JSON, but not a settlement */
} FurrowSettlementJsonError;

/* A parsed settlement: `input` points into storage the struct owns. */
typedef struct
{
  FurrowDistributionInput      input;
  FurrowDistributionHousehold *households;
  GStringChunk                *strings;
  /* Optional, for the reports; NULL when absent. */
  const char                  *cooperative;
  const char                  *season;
  const char                  *village_code;
  const char                  *notice_date;
} FurrowSettlement;

GQuark            furrow_settlement_json_error_quark (void);

FurrowSettlement *furrow_settlement_json_load_file   (const char        *path,
                                                      GError           **error);
FurrowSettlement *furrow_settlement_json_load_data   (const char        *data,
                                                      gssize             length,
                                                      const char        *display_name,
                                                      GError           **error);
void              furrow_settlement_free             (FurrowSettlement  *settlement);

/* The output of docs/architecture.md, extended: the areas (total_area_mu, weighted_area_mu,
 * half_custody_area_mu), the money (revenue_fen, other_income_fen, subsidy_fen, income_fen,
 * cost_fen, base_fen_per_mu, base_total_fen, surplus_fen, reserve_fen, collective_fen,
 * cooperative_fen, households_dividend_fen, deficit_fen, fees_fen), base_kind, split_pct,
 * reason_required and reason, the one-line basis, and `households` in input order with
 * {code, name, custody, area_mu, weight, base_fen, dividend_fen, fee_fen, total_fen, basis}.
 * Money is integer fen; Σ households equals the totals to the fen. */
JsonNode         *furrow_settlement_json_build       (const FurrowDistributionInput  *input,
                                                      const FurrowDistributionResult *result,
                                                      const FurrowDistributionShare  *shares);
char             *furrow_settlement_json_to_string   (const FurrowDistributionInput  *input,
                                                      const FurrowDistributionResult *result,
                                                      const FurrowDistributionShare  *shares,
                                                      gboolean                        pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowSettlement, furrow_settlement_free)

G_END_DECLS
