/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-custody.h"

G_BEGIN_DECLS

/* The settlement engine: base payment plus dividend (保底 + 分红, docs/domain.md §8), to the fen.
 *
 * Pure functions on plain structs: const inputs, results in caller storage, no I/O, no globals,
 * deterministic (the same input gives the same bytes, whatever the order of the households).
 *
 * The rules, exactly:
 *
 * - Areas. Each household's registered area is rounded to 0.01 mu and held as integer hundredths
 *   of a mu; all arithmetic on areas and money is integer. A household's weight (land grade,
 *   0.0001 resolution; 0 means "unweighted", i.e. 1) turns its area into weighted area (折算亩):
 *   weighted area = area × weight. The base and the dividend are paid on weighted area; costs
 *   and subsidies per mu apply to registered area. Only full-custody households are in the pool
 *   (total_area_mu); half-custody households (半托管) get neither base nor dividend.
 *
 * - Base rate, in whole fen per mu:
 *     fixed:        fen_per_mu;
 *     in_kind:      round (kg_per_mu × price_fen_per_kg), less the cost per mu when
 *                   less_cost_per_mu (cost_fen_per_mu, or round (cost_fen / total_area_mu) when
 *                   the cost is a total) — Taozhuang: 550 kg × 136 fen − 28,600 fen = 46,200 fen;
 *     annual_share: round (annual_fen_per_mu × season_pct / 100).
 *   A negative rate is an error.
 *
 * - Base total and its allocation: base_total_fen = round (rate × total weighted area), then
 *   split among the full-custody households in proportion to their weighted area by largest
 *   remainder. So Σ household base == base_total_fen exactly, base_total_fen is the rate times
 *   the pool's area to the fen (Taozhuang: 46,200 fen × 290.56 mu = 13,423,872 fen), and each
 *   household's base is within 1 fen of rate × its weighted area.
 *
 * - Largest remainder: every share gets ⌊total × wᵢ / W⌋; the fen left over go one each to the
 *   largest remainders; equal remainders are broken by household code, lowest (strcmp) first.
 *   100 fen among three equal households: 34, 33, 33, the 34 to the lowest code.
 *
 * - cost_fen = cost_fen_per_mu × total_area_mu (rounded), or the given total; subsidy_fen =
 *   subsidy_fen_per_mu × total_area_mu (rounded) + the given subsidy total;
 *   income_fen = revenue_fen + other_income_fen + subsidy_fen;
 *   surplus_fen = income_fen − cost_fen − base_total_fen.
 *
 * - Surplus ≥ 0: it is split into reserve / collective / cooperative / households by the
 *   percentages (0.01 % resolution, summing to 100 %) by largest remainder, ties going in the
 *   fixed order households, cooperative, collective, reserve; the households' share is then
 *   split among the full-custody households by weighted area (largest remainder, by code).
 *
 * - Surplus < 0 (a deficit season): the base is still paid, deficit_fen = −surplus_fen is the
 *   cooperative's and the collective's shortfall, and no dividend is paid (all shares 0).
 *
 * - Cooperatives Law: the households' share must be at least 60 % of the distributable surplus
 *   (the surplus after the reserve fund); below that, or when it is 0, `reason` must state why,
 *   otherwise FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED.
 *
 * - Fees: fee_fen = round (fee_fen_per_mu × fee area) for any household that has a fee (service
 *   fees owed, the usual case being half custody); the fee area is fee_area_mu when it is not 0,
 *   else the household's area. total_fen = base + dividend − fee, so a half-custody household's
 *   total is the negative amount it owes. A household with both kinds of land is a full-custody
 *   household on its full-custody area (area_mu) that is also billed on its half-custody area
 *   (fee_area_mu); that area counts in half_custody_area_mu, not in the pool. Fees are billed to
 *   the households and are not income of the pool; add them to other_income_fen if they should
 *   be.
 *
 * - Rounding is half away from zero, on exact integers.
 */

#define FURROW_DISTRIBUTION_ERROR (furrow_distribution_error_quark ())

typedef enum
{
  FURROW_DISTRIBUTION_ERROR_INVALID,          /* a number out of range or missing */
  FURROW_DISTRIBUTION_ERROR_SPLIT,            /* the surplus split does not add up to 100 % */
  FURROW_DISTRIBUTION_ERROR_AREA,             /* a negative or impossible area */
  FURROW_DISTRIBUTION_ERROR_DUPLICATE_CODE,   /* two households with one code */
  FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED,  /* households under 60 % without a reason */
  FURROW_DISTRIBUTION_ERROR_NO_AREA,          /* a dividend but no area to pay it on */
  FURROW_DISTRIBUTION_ERROR_NEGATIVE_BASE,    /* the in-kind base comes to less than zero */
} FurrowDistributionError;

typedef enum
{
  FURROW_BASE_FIXED,
  FURROW_BASE_IN_KIND,
  FURROW_BASE_ANNUAL_SHARE,
} FurrowBaseKind;

typedef struct
{
  FurrowBaseKind kind;
  gint64         fen_per_mu;          /* fixed */
  double         kg_per_mu;           /* in_kind */
  double         price_fen_per_kg;    /* in_kind */
  gboolean       less_cost_per_mu;    /* in_kind */
  gint64         annual_fen_per_mu;   /* annual_share */
  double         season_pct;          /* annual_share: this season's share of the annual base */
} FurrowBaseRule;

typedef struct
{
  double reserve_pct;
  double collective_pct;
  double cooperative_pct;
  double households_pct;
} FurrowSurplusSplit;

typedef struct
{
  const char    *code;                /* CBFBM, unique; the tie-break key */
  const char    *name;                /* head of household; never used by the engine */
  double         area_mu;             /* registered area, to 0.01 mu */
  FurrowCustody  custody;
  double         weight;              /* land-grade factor; 0 means 1 */
  gint64         fee_fen_per_mu;      /* service fee owed per mu (half custody) */
  double         fee_area_mu;         /* the area billed the fee, to 0.01 mu; 0: area_mu (a
                                       * full-custody household's half-custody land) */
} FurrowDistributionHousehold;

typedef struct
{
  gint64                             revenue_fen;
  gboolean                           cost_is_total;     /* TRUE: cost_fen; FALSE: per mu */
  gint64                             cost_fen_per_mu;
  gint64                             cost_fen;
  gint64                             other_income_fen;
  gint64                             subsidy_fen_per_mu;
  gint64                             subsidy_fen;
  FurrowBaseRule                     base;
  FurrowSurplusSplit                 split;
  const char                        *reason;            /* why households get < 60 %, or NULL */
  const FurrowDistributionHousehold *households;
  gsize                              n_households;
} FurrowDistributionInput;

/* One household's result, at the same index as its input. */
typedef struct
{
  const char    *code;                /* borrowed from the input */
  FurrowCustody  custody;
  gint64         area_cmu;            /* registered area in hundredths of a mu */
  double         area_mu;             /* the same, as mu */
  double         weighted_area_mu;    /* area × weight (full custody), else 0 */
  double         weight;              /* the weight applied (1 when unweighted) */
  gint64         fee_fen_per_mu;
  gint64         fee_area_cmu;        /* the area billed the fee, hundredths of a mu */
  double         fee_area_mu;         /* the same, as mu */
  gint64         base_fen;
  gint64         dividend_fen;
  gint64         fee_fen;
  gint64         total_fen;           /* base + dividend − fee */
} FurrowDistributionShare;

typedef struct
{
  double  total_area_mu;              /* full-custody registered area (the pool) */
  double  weighted_area_mu;           /* the pool's weighted area */
  double  half_custody_area_mu;
  gint64  total_area_cmu;
  gint64  weighted_area_umu;          /* the pool's weighted area in millionths of a mu */
  gint64  revenue_fen;
  gint64  other_income_fen;
  gint64  subsidy_fen;
  gint64  income_fen;                 /* revenue + other income + subsidy */
  gint64  cost_fen;
  gint64  base_fen_per_mu;            /* the base rate */
  gint64  base_total_fen;
  gint64  surplus_fen;                /* negative in a deficit season */
  gint64  reserve_fen;
  gint64  collective_fen;
  gint64  cooperative_fen;
  gint64  households_dividend_fen;
  gint64  deficit_fen;                /* ≥ 0 */
  gint64  fees_fen;                   /* Σ household fees */
  gboolean reason_required;           /* households < 60 % of the distributable surplus */
} FurrowDistributionResult;

GQuark   furrow_distribution_error_quark       (void);

const char *furrow_base_kind_to_string         (FurrowBaseKind kind);

/* The totals row of a roster of this settlement (every household, full and half custody):
 * what the households are paid in all, base_total_fen + households_dividend_fen − fees_fen
 * (= Σ household total_fen), and their registered area, total_area_mu + half_custody_area_mu
 * (= Σ household area_mu). */
gint64   furrow_distribution_result_paid_fen   (const FurrowDistributionResult *result);
double   furrow_distribution_result_roster_area_mu (const FurrowDistributionResult *result);

/* Computes the settlement. `shares` has input->n_households entries, filled in input order.
 * On error, returns FALSE, sets `error`, and leaves result and shares unspecified. */
gboolean furrow_distribution_compute           (const FurrowDistributionInput *input,
                                                FurrowDistributionResult      *result,
                                                FurrowDistributionShare       *shares,
                                                GError                       **error);

/* Checks a surplus split as furrow_distribution_compute() does: each percentage 0–100 in 0.01 %
 * steps, summing to 100 % (else FURROW_DISTRIBUTION_ERROR_SPLIT); `reason_required` (may be
 * NULL) is set when households get less than 60 % of the distributable surplus, and without a
 * `reason` that fails with FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED (reason_required is set
 * whenever the sum is right, also on that error). */
gboolean furrow_distribution_check_split       (const FurrowSurplusSplit      *split,
                                                const char                    *reason,
                                                gboolean                      *reason_required,
                                                GError                       **error);

/* Splits `total_fen` (≥ 0) among n weights (≥ 0, Σ > 0) by largest remainder; ties go to the
 * lower `rank` (rank is a permutation of 0..n−1: the tie-break order). Σ out == total_fen. */
void     furrow_distribution_largest_remainder (gint64        total_fen,
                                                const gint64 *weights,
                                                const guint  *rank,
                                                gsize         n,
                                                gint64       *out_fen);

/* The column sums of a roster: area (area_cmu, area_mu), base, dividend, fee and total of the
 * n shares; the other members are 0. Σ base == result.base_total_fen and Σ dividend ==
 * result.households_dividend_fen for a computed settlement. */
void     furrow_distribution_sum_shares        (const FurrowDistributionShare  *shares,
                                                gsize                           n,
                                                FurrowDistributionShare        *sum);

/* One line a household can check by hand, e.g.
 * "Base ¥462.00/mu × 4.12 mu = ¥1,903.44; dividend ¥9,536.56 × 4.12/290.56 mu = ¥135.22". */
char    *furrow_distribution_format_basis      (const FurrowDistributionInput  *input,
                                                const FurrowDistributionResult *result,
                                                const FurrowDistributionShare  *share);

/* One line for the whole settlement: income, cost, base, surplus and its split. */
char    *furrow_distribution_format_summary    (const FurrowDistributionInput  *input,
                                                const FurrowDistributionResult *result);

G_END_DECLS
