/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-distribution.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "furrow-units.h"

/* Exact intermediate products (fen × weighted area) need more than 64 bits. */
G_GNUC_EXTENSION typedef __int128 FurrowWide;

/* Limits that keep every product inside 128 bits and every result inside gint64. */
#define MAX_FEN          G_GINT64_CONSTANT (1000000000000000)  /* 10 trillion yuan */
#define MAX_AREA_CMU     G_GINT64_CONSTANT (1000000000)        /* 10 million mu */
#define MAX_WEIGHT_BP    G_GINT64_CONSTANT (1000000)           /* weight 100 */
#define WEIGHT_ONE_BP    10000
#define PCT_ONE_BP       10000                                 /* 100 % in 0.01 % steps */
#define MAX_HOUSEHOLDS   10000000

G_DEFINE_QUARK (furrow-distribution-error-quark, furrow_distribution_error)

const char *
furrow_base_kind_to_string (FurrowBaseKind kind)
{
  switch (kind)
    {
    case FURROW_BASE_FIXED:
      return "fixed";
    case FURROW_BASE_IN_KIND:
      return "in_kind";
    case FURROW_BASE_ANNUAL_SHARE:
      return "annual_share";
    default:
      return NULL;
    }
}

gint64
furrow_distribution_result_paid_fen (const FurrowDistributionResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->base_total_fen + result->households_dividend_fen - result->fees_fen;
}

double
furrow_distribution_result_roster_area_mu (const FurrowDistributionResult *result)
{
  g_return_val_if_fail (result != NULL, 0.0);

  return result->total_area_mu + result->half_custody_area_mu;
}

/* num / den rounded half away from zero; den > 0. */
static FurrowWide
round_div (FurrowWide num,
           FurrowWide den)
{
  if (num >= 0)
    return (num + den / 2) / den;
  return -((-num + den / 2) / den);
}

/* ------------------------------------------------------------------------------------------ */
/* Largest remainder                                                                          */

typedef struct
{
  FurrowWide remainder;
  guint      rank;
  gsize      index;
} Remainder;

static int
compare_remainders (const void *a,
                    const void *b)
{
  const Remainder *ra = a;
  const Remainder *rb = b;

  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;
  if (ra->rank != rb->rank)
    return ra->rank < rb->rank ? -1 : 1;
  return 0;
}

/* The allocation itself; `scratch` has room for n remainders. Products fit in 64 bits for
 * every real village, and 128-bit division is slow, so that case has its own path. */
static void
allocate_largest_remainder (gint64        total_fen,
                            const gint64 *weights,
                            const guint  *rank,
                            gsize         n,
                            gint64       *out_fen,
                            Remainder    *scratch)
{
  FurrowWide sum_weights = 0;
  FurrowWide allocated = 0;
  gint64 max_weight = 0;
  gint64 leftover;
  gsize n_remainders = 0;
  gboolean narrow;

  for (gsize i = 0; i < n; i++)
    {
      sum_weights += weights[i];
      max_weight = MAX (max_weight, weights[i]);
    }

  if (sum_weights == 0)
    {
      for (gsize i = 0; i < n; i++)
        out_fen[i] = 0;
      return;
    }

  narrow = sum_weights <= G_MAXINT64
           && (max_weight == 0 || total_fen <= G_MAXINT64 / max_weight);

  for (gsize i = 0; i < n; i++)
    {
      FurrowWide remainder;

      if (narrow)
        {
          gint64 product = total_fen * weights[i];
          gint64 sum = (gint64) sum_weights;

          out_fen[i] = product / sum;
          remainder = product % sum;
        }
      else
        {
          FurrowWide product = (FurrowWide) total_fen * weights[i];

          out_fen[i] = (gint64) (product / sum_weights);
          remainder = product % sum_weights;
        }
      allocated += out_fen[i];

      if (remainder != 0)
        {
          scratch[n_remainders].remainder = remainder;
          scratch[n_remainders].rank = rank != NULL ? rank[i] : (guint) i;
          scratch[n_remainders].index = i;
          n_remainders++;
        }
    }

  /* Fewer than n fen are left over, and only shares with a remainder can take one. */
  leftover = (gint64) (total_fen - allocated);
  if (leftover == 0)
    return;

  g_assert ((gint64) n_remainders > leftover);
  qsort (scratch, n_remainders, sizeof (Remainder), compare_remainders);
  for (gint64 k = 0; k < leftover; k++)
    out_fen[scratch[k].index] += 1;
}

void
furrow_distribution_largest_remainder (gint64        total_fen,
                                       const gint64 *weights,
                                       const guint  *rank,
                                       gsize         n,
                                       gint64       *out_fen)
{
  FurrowWide sum_weights = 0;
  Remainder *scratch;

  g_return_if_fail (total_fen >= 0);
  g_return_if_fail (n == 0 || (weights != NULL && out_fen != NULL));

  for (gsize i = 0; i < n; i++)
    {
      g_return_if_fail (weights[i] >= 0);
      sum_weights += weights[i];
    }
  g_return_if_fail (sum_weights > 0 || total_fen == 0);

  scratch = g_aligned_alloc (MAX (n, 1), sizeof (Remainder), G_ALIGNOF (Remainder));
  allocate_largest_remainder (total_fen, weights, rank, n, out_fen, scratch);
  g_aligned_free (scratch);
}

/* ------------------------------------------------------------------------------------------ */
/* Validation helpers                                                                         */

static gboolean
check_fen (gint64       value,
           const char  *what,
           GError     **error)
{
  if (value < 0 || value > MAX_FEN)
    {
      g_autofree char *yuan = furrow_format_yuan (value);

      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                   /* Translators: the first %s is the name of an amount, e.g. revenue_fen */
                   _("%s is %s; it must be between ¥0.00 and ¥10,000,000,000,000.00"),
                   what, yuan);
      return FALSE;
    }
  return TRUE;
}

/* A percentage in 0.01 % steps (basis points). */
static gboolean
pct_to_bp (double       pct,
           const char  *what,
           gint64      *out_bp,
           GError     **error)
{
  double scaled = pct * 100.0;
  double rounded;

  if (!isfinite (pct) || pct < 0.0 || pct > 100.0)
    {
      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_SPLIT,
                   _("%s is %g %%; a percentage must be between 0 and 100"), what, pct);
      return FALSE;
    }

  rounded = round (scaled);
  if (fabs (scaled - rounded) > 1e-6)
    {
      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_SPLIT,
                   _("%s is %g %%; give percentages to at most 0.01 %%"), what, pct);
      return FALSE;
    }

  *out_bp = (gint64) rounded;
  return TRUE;
}

/* "12.34" from hundredths. */
static char *
format_hundredths (gint64 value)
{
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", value < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

/* A non-negative exact decimal value / 10^decimals, trailing zeros trimmed (at least 2 kept
 * when keep_two). */
static char *
format_scaled (FurrowWide value,
               guint      decimals,
               gboolean   keep_two)
{
  FurrowWide scale = 1;
  FurrowWide whole;
  FurrowWide fraction;
  char digits[64];
  guint n_digits = decimals;
  guint keep = keep_two ? MIN (2, decimals) : 0;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  whole = value / scale;
  fraction = value % scale;

  for (guint i = decimals; i > 0; i--)
    {
      digits[i - 1] = (char) ('0' + (int) (fraction % 10));
      fraction /= 10;
    }
  while (n_digits > keep && digits[n_digits - 1] == '0')
    n_digits--;
  digits[n_digits] = '\0';

  if (n_digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) whole);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%s", (gint64) whole, digits);
}

/* Scratch space for one settlement, in one allocation. */
typedef struct
{
  Remainder *remainders;  /* n */
  gint64    *cmu;         /* registered area, hundredths of a mu */
  gint64    *weight_bp;   /* weight × 10000 */
  gint64    *weights;     /* cmu × weight_bp for full custody, else 0 */
  gint64    *allocated;   /* one allocation's output */
  guint     *rank;        /* position in code order: the tie-break */
  guint     *order;       /* household indices in code order */
} Work;

#define WORK_BYTES_PER_HOUSEHOLD (sizeof (Remainder) + 4 * sizeof (gint64) + 2 * sizeof (guint))
#define WORK_STACK_HOUSEHOLDS    32

/* A heap work block: aligned for the 128-bit remainders at its start. */
typedef struct _WorkBlock WorkBlock;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WorkBlock, g_aligned_free)

/* Small villages (most of them) work on the stack; returns the block to free, or NULL. */
static WorkBlock *
work_init (Work  *work,
           gsize  n,
           char  *stack_block)
{
  char *block = n <= WORK_STACK_HOUSEHOLDS
                  ? stack_block
                  : g_aligned_alloc (n, WORK_BYTES_PER_HOUSEHOLD, G_ALIGNOF (Remainder));
  char *p = block;

  work->remainders = (Remainder *) (gpointer) p;
  p += n * sizeof (Remainder);
  work->cmu = (gint64 *) (gpointer) p;
  p += n * sizeof (gint64);
  work->weight_bp = (gint64 *) (gpointer) p;
  p += n * sizeof (gint64);
  work->weights = (gint64 *) (gpointer) p;
  p += n * sizeof (gint64);
  work->allocated = (gint64 *) (gpointer) p;
  p += n * sizeof (gint64);
  work->rank = (guint *) (gpointer) p;
  p += n * sizeof (guint);
  work->order = (guint *) (gpointer) p;
  return block != stack_block ? (WorkBlock *) (gpointer) block : NULL;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const FurrowDistributionHousehold *households = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return strcmp (households[ia].code, households[ib].code);
}

static gboolean
check_households (const FurrowDistributionInput *input,
                  Work                          *work,
                  GError                       **error)
{
  guint *order = work->order;

  for (gsize i = 0; i < input->n_households; i++)
    {
      const FurrowDistributionHousehold *h = &input->households[i];
      double cmu;
      double weight_bp;

      if (h->code == NULL || h->code[0] == '\0')
        {
          g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                       _("Household number %zu has no code (CBFBM)"), i + 1);
          return FALSE;
        }

      cmu = round (h->area_mu * 100.0);
      if (!isfinite (h->area_mu) || h->area_mu < 0.0 || cmu < 0.0 || cmu > MAX_AREA_CMU)
        {
          g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_AREA,
                       _("Household %s has an area of %g mu; it must be between 0 and "
                         "10,000,000 mu"), h->code, h->area_mu);
          return FALSE;
        }
      work->cmu[i] = (gint64) cmu;

      weight_bp = h->weight == 0.0 ? WEIGHT_ONE_BP : round (h->weight * WEIGHT_ONE_BP);
      if (!isfinite (h->weight) || h->weight < 0.0 || weight_bp <= 0.0
          || weight_bp > MAX_WEIGHT_BP)
        {
          g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                       _("Household %s has a weight of %g; it must be between 0.0001 and 100"),
                       h->code, h->weight);
          return FALSE;
        }
      work->weight_bp[i] = (gint64) weight_bp;

      if (h->custody != FURROW_CUSTODY_FULL && h->custody != FURROW_CUSTODY_HALF)
        {
          g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                       _("Household %s has an unknown custody type"), h->code);
          return FALSE;
        }

      cmu = round (h->fee_area_mu * 100.0);
      if (!isfinite (h->fee_area_mu) || h->fee_area_mu < 0.0 || cmu < 0.0
          || cmu > MAX_AREA_CMU)
        {
          g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_AREA,
                       _("Household %s has an area of %g mu; it must be between 0 and "
                         "10,000,000 mu"), h->code, h->fee_area_mu);
          return FALSE;
        }

      if (h->fee_fen_per_mu < 0 || h->fee_fen_per_mu > MAX_FEN / MAX_AREA_CMU)
        {
          g_autofree char *yuan = furrow_format_yuan (h->fee_fen_per_mu);

          g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                       _("Household %s has a service fee of %s per mu; it must be between "
                         "¥0.00 and ¥10,000.00"), h->code, yuan);
          return FALSE;
        }
    }

  /* The tie-break order, and duplicate codes next to each other. */
  for (gsize i = 0; i < input->n_households; i++)
    order[i] = (guint) i;
  g_qsort_with_data (order, (gint) input->n_households, sizeof (guint), compare_codes,
                     (gpointer) input->households);
  for (gsize k = 0; k < input->n_households; k++)
    {
      work->rank[order[k]] = (guint) k;
      if (k > 0 && strcmp (input->households[order[k - 1]].code,
                           input->households[order[k]].code) == 0)
        {
          g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_DUPLICATE_CODE,
                       _("Two households have the code %s; each household must appear once"),
                       input->households[order[k]].code);
          return FALSE;
        }
    }

  return TRUE;
}

/* The base rate in whole fen per mu. */
static gboolean
compute_base_rate (const FurrowDistributionInput *input,
                   gint64                         total_cmu,
                   gint64                        *out_fen_per_mu,
                   GError                       **error)
{
  const FurrowBaseRule *base = &input->base;

  switch (base->kind)
    {
    case FURROW_BASE_FIXED:
      if (!check_fen (base->fen_per_mu, "base.fen_per_mu", error))
        return FALSE;
      *out_fen_per_mu = base->fen_per_mu;
      return TRUE;

    case FURROW_BASE_IN_KIND:
      {
        double value;
        gint64 value_fen_per_mu;
        gint64 cost_fen_per_mu = 0;

        if (!isfinite (base->kg_per_mu) || base->kg_per_mu < 0.0 || base->kg_per_mu > 1e6)
          {
            g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                         _("The guaranteed yield is %g kg per mu; it must be between 0 and "
                           "1,000,000"), base->kg_per_mu);
            return FALSE;
          }
        if (!isfinite (base->price_fen_per_kg) || base->price_fen_per_kg < 0.0
            || base->price_fen_per_kg > 1e6)
          {
            g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                         _("The price is %g fen per kg; it must be between 0 and 1,000,000"),
                         base->price_fen_per_kg);
            return FALSE;
          }

        value = round (base->kg_per_mu * base->price_fen_per_kg);
        value_fen_per_mu = (gint64) value;

        if (base->less_cost_per_mu)
          {
            if (!input->cost_is_total)
              cost_fen_per_mu = input->cost_fen_per_mu;
            else if (total_cmu > 0)
              cost_fen_per_mu = (gint64) round_div ((FurrowWide) input->cost_fen * 100,
                                                    total_cmu);
          }

        if (value_fen_per_mu < cost_fen_per_mu)
          {
            g_autofree char *value_yuan = furrow_format_yuan (value_fen_per_mu);
            g_autofree char *cost_yuan = furrow_format_yuan (cost_fen_per_mu);

            g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_NEGATIVE_BASE,
                         _("The guaranteed yield is worth %s per mu, less than the cost of %s "
                           "per mu: the base would be negative"), value_yuan, cost_yuan);
            return FALSE;
          }
        *out_fen_per_mu = value_fen_per_mu - cost_fen_per_mu;
        return TRUE;
      }

    case FURROW_BASE_ANNUAL_SHARE:
      {
        gint64 season_bp;

        if (!check_fen (base->annual_fen_per_mu, "base.annual_fen_per_mu", error)
            || !pct_to_bp (base->season_pct, "base.season_pct", &season_bp, error))
          return FALSE;
        *out_fen_per_mu = (gint64) round_div ((FurrowWide) base->annual_fen_per_mu * season_bp,
                                              PCT_ONE_BP);
        return TRUE;
      }

    default:
      g_set_error_literal (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                           _("Unknown kind of base payment"));
      return FALSE;
    }
}

static gboolean
check_total (FurrowWide   value,
             const char  *what,
             GError     **error)
{
  if (value < -MAX_FEN || value > MAX_FEN)
    {
      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                   /* Translators: %s is the name of an amount, e.g. cost_fen */
                   _("%s comes to more than ¥10,000,000,000,000.00; check the input"),
                   what);
      return FALSE;
    }
  return TRUE;
}

/* The surplus split in 0.01 % steps (split_bp: reserve, collective, cooperative, households),
 * summing to 100 %, and whether households get less than 60 % of the distributable surplus
 * (then `reason` must be given). */
static gboolean
check_split (const FurrowSurplusSplit  *split,
             const char                *reason,
             gint64                    *split_bp,
             gboolean                  *reason_required,
             GError                   **error)
{
  static const char *split_names[4] = {
    "split_pct.reserve", "split_pct.collective", "split_pct.cooperative", "split_pct.households"
  };
  const double split_pct[4] = {
    split->reserve_pct, split->collective_pct, split->cooperative_pct, split->households_pct
  };
  gint64 split_sum_bp = 0;
  gint64 distributable_bp;

  for (guint k = 0; k < 4; k++)
    {
      if (!pct_to_bp (split_pct[k], split_names[k], &split_bp[k], error))
        return FALSE;
      split_sum_bp += split_bp[k];
    }
  if (split_sum_bp != PCT_ONE_BP)
    {
      g_autofree char *sum = format_hundredths (split_sum_bp);

      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_SPLIT,
                   _("The surplus split (reserve, collective, cooperative, households) adds up "
                     "to %s %%; it must add up to 100 %%"), sum);
      return FALSE;
    }

  /* Cooperatives Law: at least 60 % of the distributable surplus (after the reserve fund)
   * goes back to the members; 10 × households < 6 × (100 % − reserve) is below that. */
  distributable_bp = PCT_ONE_BP - split_bp[0];
  *reason_required = split_bp[3] == 0 || split_bp[3] * 10 < distributable_bp * 6;
  if (*reason_required && (reason == NULL || reason[0] == '\0'))
    {
      g_autofree char *share = NULL;

      share = distributable_bp > 0
                ? format_scaled (round_div ((FurrowWide) split_bp[3] * 10000, distributable_bp),
                                 2, FALSE)
                : g_strdup ("0");
      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED,
                   _("Households get %s %% of the distributable surplus, less than the 60 %% "
                     "the Cooperatives Law requires; state the reason (the members' "
                     "resolution) to settle this way"), share);
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_distribution_check_split (const FurrowSurplusSplit  *split,
                                 const char                *reason,
                                 gboolean                  *reason_required,
                                 GError                   **error)
{
  gint64 split_bp[4];
  gboolean required = FALSE;
  gboolean ok;

  g_return_val_if_fail (split != NULL, FALSE);

  ok = check_split (split, reason, split_bp, &required, error);
  if (reason_required != NULL)
    *reason_required = required;
  return ok;
}

gboolean
furrow_distribution_compute (const FurrowDistributionInput *input,
                             FurrowDistributionResult      *result,
                             FurrowDistributionShare       *shares,
                             GError                       **error)
{
  gsize n;
  gint64 split_bp[4];
  gint64 split_fen[4];
  /* Ties in the surplus split go households, cooperative, collective, reserve. */
  static const guint split_rank[4] = { 3, 2, 1, 0 };
  gint64 total_cmu = 0;
  gint64 half_cmu = 0;
  FurrowWide weighted_total = 0;
  FurrowWide wide;
  Remainder split_scratch[4];
  Work work;
  union
  {
    FurrowWide align;
    char       bytes[WORK_STACK_HOUSEHOLDS * WORK_BYTES_PER_HOUSEHOLD];
  } stack_block;
  g_autoptr(WorkBlock) work_block = NULL;
  gint64 *weights;
  gint64 *allocated;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (input->n_households == 0 || input->households != NULL, FALSE);
  g_return_val_if_fail (input->n_households == 0 || shares != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = input->n_households;
  memset (result, 0, sizeof *result);

  /* Money in. */
  if (!check_fen (input->revenue_fen, "revenue_fen", error)
      || !check_fen (input->other_income_fen, "other_income_fen", error)
      || !check_fen (input->subsidy_fen, "subsidy_fen", error)
      || !check_fen (input->subsidy_fen_per_mu, "subsidy_fen_per_mu", error))
    return FALSE;
  if (input->cost_is_total ? !check_fen (input->cost_fen, "cost_fen", error)
                           : !check_fen (input->cost_fen_per_mu, "cost_fen_per_mu", error))
    return FALSE;

  /* The surplus split. */
  if (!check_split (&input->split, input->reason, split_bp, &result->reason_required, error))
    return FALSE;

  /* Households. */
  if (n == 0)
    {
      g_set_error_literal (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                           _("The settlement has no households"));
      return FALSE;
    }
  if (n > MAX_HOUSEHOLDS)
    {
      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID,
                   _("The settlement has %zu households; at most %d are supported"),
                   n, MAX_HOUSEHOLDS);
      return FALSE;
    }

  work_block = work_init (&work, n, stack_block.bytes);
  weights = work.weights;
  allocated = work.allocated;
  if (!check_households (input, &work, error))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (input->households[i].custody == FURROW_CUSTODY_FULL)
        {
          weights[i] = work.cmu[i] * work.weight_bp[i];
          total_cmu += work.cmu[i];
          weighted_total += weights[i];
          /* Its half-custody land, billed the fee. */
          half_cmu += (gint64) round (input->households[i].fee_area_mu * 100.0);
        }
      else
        {
          weights[i] = 0;
          half_cmu += work.cmu[i];
        }
    }

  if (weighted_total > G_GINT64_CONSTANT (1000000000000000000))
    {
      g_set_error_literal (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_AREA,
                           _("The households' areas add up to more than 1,000,000,000,000 mu; "
                             "check the input"));
      return FALSE;
    }

  result->weighted_area_umu = (gint64) weighted_total;

  result->total_area_cmu = total_cmu;
  result->total_area_mu = total_cmu / 100.0;
  result->weighted_area_mu = (double) weighted_total / (100.0 * WEIGHT_ONE_BP);
  result->half_custody_area_mu = half_cmu / 100.0;

  /* Income and cost of the pool. */
  result->revenue_fen = input->revenue_fen;
  result->other_income_fen = input->other_income_fen;
  wide = round_div ((FurrowWide) input->subsidy_fen_per_mu * total_cmu, 100) + input->subsidy_fen;
  if (!check_total (wide, "subsidy_fen", error))
    return FALSE;
  result->subsidy_fen = (gint64) wide;
  result->income_fen = result->revenue_fen + result->other_income_fen + result->subsidy_fen;

  wide = input->cost_is_total ? input->cost_fen
                              : round_div ((FurrowWide) input->cost_fen_per_mu * total_cmu, 100);
  if (!check_total (wide, "cost_fen", error))
    return FALSE;
  result->cost_fen = (gint64) wide;

  /* The base. */
  if (!compute_base_rate (input, total_cmu, &result->base_fen_per_mu, error))
    return FALSE;
  wide = round_div ((FurrowWide) result->base_fen_per_mu * weighted_total,
                    100 * WEIGHT_ONE_BP);
  if (!check_total (wide, "base_total_fen", error))
    return FALSE;
  result->base_total_fen = (gint64) wide;
  allocate_largest_remainder (result->base_total_fen, weights, work.rank, n, allocated,
                              work.remainders);
  for (gsize i = 0; i < n; i++)
    shares[i].base_fen = allocated[i];

  /* The surplus, or the shortfall. */
  result->surplus_fen = result->income_fen - result->cost_fen - result->base_total_fen;
  if (result->surplus_fen >= 0)
    {
      allocate_largest_remainder (result->surplus_fen, split_bp, split_rank, 4, split_fen,
                                  split_scratch);
      result->reserve_fen = split_fen[0];
      result->collective_fen = split_fen[1];
      result->cooperative_fen = split_fen[2];
      result->households_dividend_fen = split_fen[3];
    }
  else
    {
      result->deficit_fen = -result->surplus_fen;
    }

  if (result->households_dividend_fen > 0 && weighted_total == 0)
    {
      g_autofree char *yuan = furrow_format_yuan (result->households_dividend_fen);

      g_set_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_NO_AREA,
                   _("The households' dividend of %s has no full-custody area to be paid on; "
                     "give the households their areas"), yuan);
      return FALSE;
    }

  allocate_largest_remainder (result->households_dividend_fen, weights, work.rank, n,
                              allocated, work.remainders);

  /* Per household. */
  for (gsize i = 0; i < n; i++)
    {
      const FurrowDistributionHousehold *h = &input->households[i];
      FurrowDistributionShare *share = &shares[i];

      share->code = h->code;
      share->custody = h->custody;
      share->area_cmu = work.cmu[i];
      share->area_mu = work.cmu[i] / 100.0;
      share->weighted_area_mu = (double) weights[i] / (100.0 * WEIGHT_ONE_BP);
      share->weight = (double) work.weight_bp[i] / WEIGHT_ONE_BP;
      share->fee_fen_per_mu = h->fee_fen_per_mu;
      share->fee_area_cmu = h->fee_area_mu != 0.0 ? (gint64) round (h->fee_area_mu * 100.0)
                                                  : work.cmu[i];
      share->fee_area_mu = share->fee_area_cmu / 100.0;
      share->dividend_fen = allocated[i];
      share->fee_fen = (gint64) round_div ((FurrowWide) h->fee_fen_per_mu * share->fee_area_cmu,
                                           100);
      share->total_fen = share->base_fen + share->dividend_fen - share->fee_fen;
      result->fees_fen += share->fee_fen;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Explanations                                                                               */

char *
furrow_distribution_format_basis (const FurrowDistributionInput  *input,
                                  const FurrowDistributionResult *result,
                                  const FurrowDistributionShare  *share)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *area = NULL;

  g_return_val_if_fail (input != NULL && result != NULL && share != NULL, NULL);

  area = format_hundredths (share->area_cmu);

  if (share->custody == FURROW_CUSTODY_HALF)
    {
      g_string_append (line, _("Half custody: no base or dividend"));
    }
  else
    {
      g_autofree char *rate = furrow_format_yuan (result->base_fen_per_mu);
      g_autofree char *base = furrow_format_yuan (share->base_fen);
      gint64 weight_bp = (gint64) round (share->weight * WEIGHT_ONE_BP);

      if (weight_bp == WEIGHT_ONE_BP)
        {
          /* Translators: base payment per mu × registered area = amount */
          g_string_append_printf (line, _("Base %s/mu × %s mu = %s"), rate, area, base);
        }
      else
        {
          g_autofree char *weight = format_scaled (weight_bp, 4, FALSE);

          /* Translators: base payment per mu × area × land-grade weight = amount */
          g_string_append_printf (line, _("Base %s/mu × %s mu × weight %s = %s"),
                                  rate, area, weight, base);
        }

      g_string_append (line, C_("basis separator", "; "));
      if (result->deficit_fen > 0)
        {
          g_autofree char *deficit = furrow_format_yuan (result->deficit_fen);

          g_string_append_printf (line, _("no dividend: the season fell %s short"), deficit);
        }
      else if (result->households_dividend_fen == 0)
        {
          g_string_append (line, _("no dividend"));
        }
      else
        {
          g_autofree char *pool = furrow_format_yuan (result->households_dividend_fen);
          g_autofree char *dividend = furrow_format_yuan (share->dividend_fen);
          FurrowWide own = (FurrowWide) share->area_cmu * weight_bp;
          FurrowWide all = result->weighted_area_umu;
          g_autofree char *own_mu = format_scaled (own, 6, TRUE);
          g_autofree char *all_mu = format_scaled (all, 6, TRUE);

          /* Translators: the households' dividend × this household's (weighted) area / the
           * pool's (weighted) area = amount */
          g_string_append_printf (line, _("dividend %s × %s/%s mu = %s"),
                                  pool, own_mu, all_mu, dividend);
        }
    }

  if (share->fee_fen > 0)
    {
      g_autofree char *rate = furrow_format_yuan (share->fee_fen_per_mu);
      g_autofree char *fee = furrow_format_yuan (share->fee_fen);
      g_autofree char *fee_area = format_hundredths (share->fee_area_cmu);

      g_string_append (line, C_("basis separator", "; "));
      /* Translators: service fee per mu × area = amount the household owes */
      g_string_append_printf (line, _("service fee %s/mu × %s mu = %s owed"), rate, fee_area,
                              fee);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

char *
furrow_distribution_format_summary (const FurrowDistributionInput  *input,
                                    const FurrowDistributionResult *result)
{
  g_autofree char *income = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (input != NULL && result != NULL, NULL);

  income = furrow_format_yuan (result->income_fen);
  cost = furrow_format_yuan (result->cost_fen);
  base = furrow_format_yuan (result->base_total_fen);

  if (result->deficit_fen > 0)
    {
      g_autofree char *deficit = furrow_format_yuan (result->deficit_fen);

      return g_strdup_printf (_("Income %s − cost %s − base %s = a shortfall of %s: the base is "
                                "paid in full, no dividend"), income, cost, base, deficit);
    }
  else
    {
      g_autofree char *surplus = furrow_format_yuan (result->surplus_fen);
      g_autofree char *reserve = furrow_format_yuan (result->reserve_fen);
      g_autofree char *collective = furrow_format_yuan (result->collective_fen);
      g_autofree char *cooperative = furrow_format_yuan (result->cooperative_fen);
      g_autofree char *households = furrow_format_yuan (result->households_dividend_fen);

      return g_strdup_printf (_("Income %s − cost %s − base %s = surplus %s: reserve %s, "
                                "collective %s, cooperative %s, households %s"),
                              income, cost, base, surplus, reserve, collective, cooperative,
                              households);
    }
}

void
furrow_distribution_sum_shares (const FurrowDistributionShare *shares,
                                gsize                          n,
                                FurrowDistributionShare       *sum)
{
  g_return_if_fail (n == 0 || shares != NULL);
  g_return_if_fail (sum != NULL);

  memset (sum, 0, sizeof *sum);
  for (gsize i = 0; i < n; i++)
    {
      sum->area_cmu += shares[i].area_cmu;
      sum->base_fen += shares[i].base_fen;
      sum->dividend_fen += shares[i].dividend_fen;
      sum->fee_fen += shares[i].fee_fen;
      sum->total_fen += shares[i].total_fen;
    }
  sum->area_mu = sum->area_cmu / 100.0;
}
