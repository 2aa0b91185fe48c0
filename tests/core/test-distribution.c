/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "furrow-distribution.h"
#include "furrow-test.h"

G_GNUC_EXTENSION typedef __int128 Wide;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */

static FurrowDistributionShare *
compute_ok (const FurrowDistributionInput *input,
            FurrowDistributionResult      *result)
{
  g_autoptr(GError) error = NULL;
  FurrowDistributionShare *shares = g_new0 (FurrowDistributionShare, input->n_households);

  if (!furrow_distribution_compute (input, result, shares, &error))
    g_error ("unexpected error: %s", error->message);
  return shares;
}

/* The reconciliations every settlement keeps, whatever its numbers. */
static void
assert_reconciles (const FurrowDistributionInput  *input,
                   const FurrowDistributionResult *result,
                   const FurrowDistributionShare  *shares)
{
  gint64 base = 0;
  gint64 dividend = 0;
  gint64 fees = 0;

  for (gsize i = 0; i < input->n_households; i++)
    {
      g_assert_cmpint (shares[i].base_fen, >=, 0);
      g_assert_cmpint (shares[i].dividend_fen, >=, 0);
      g_assert_cmpint (shares[i].total_fen, ==,
                       shares[i].base_fen + shares[i].dividend_fen - shares[i].fee_fen);
      base += shares[i].base_fen;
      dividend += shares[i].dividend_fen;
      fees += shares[i].fee_fen;
    }
  g_assert_cmpint (base, ==, result->base_total_fen);
  g_assert_cmpint (dividend, ==, result->households_dividend_fen);
  g_assert_cmpint (fees, ==, result->fees_fen);
  g_assert_cmpint (result->income_fen, ==,
                   result->revenue_fen + result->other_income_fen + result->subsidy_fen);
  g_assert_cmpint (result->surplus_fen, ==,
                   result->income_fen - result->cost_fen - result->base_total_fen);
  if (result->surplus_fen >= 0)
    {
      g_assert_cmpint (result->deficit_fen, ==, 0);
      g_assert_cmpint (result->reserve_fen + result->collective_fen + result->cooperative_fen
                       + result->households_dividend_fen, ==, result->surplus_fen);
    }
  else
    {
      g_assert_cmpint (result->deficit_fen, ==, -result->surplus_fen);
      g_assert_cmpint (result->reserve_fen, ==, 0);
      g_assert_cmpint (result->collective_fen, ==, 0);
      g_assert_cmpint (result->cooperative_fen, ==, 0);
      g_assert_cmpint (result->households_dividend_fen, ==, 0);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Taozhuang, docs/domain.md §8                                                                   */

/* 70 households (the village's count, coop_income_examples.csv) holding the 290.56 mu that
 * entered the cooperative: 69 × 4.12 mu + 1 × 6.28 mu = 284.28 + 6.28 = 290.56 mu. The
 * individual areas are ours; the totals are Taozhuang's. */
static FurrowDistributionHousehold *
taozhuang_households (void)
{
  FurrowDistributionHousehold *households = g_new0 (FurrowDistributionHousehold, 70);

  for (guint i = 0; i < 70; i++)
    {
      households[i].code = g_strdup_printf ("37142611020100%02u", i + 1);
      households[i].name = NULL;
      households[i].area_mu = i < 69 ? 4.12 : 6.28;
      households[i].custody = FURROW_CUSTODY_FULL;
      households[i].weight = 1.0;
    }
  return households;
}

static void
free_households (FurrowDistributionHousehold *households,
                 gsize                        n)
{
  for (gsize i = 0; i < n; i++)
    g_free ((char *) households[i].code);
  g_free (households);
}

static FurrowDistributionInput
taozhuang_input (const FurrowDistributionHousehold *households)
{
  FurrowDistributionInput input = {
    .revenue_fen = 23641200,                       /* 236,412 yuan */
    .cost_is_total = FALSE,
    .cost_fen_per_mu = 28600,                      /* 286 yuan/mu */
    .base = {
      .kind = FURROW_BASE_IN_KIND,
      .kg_per_mu = 550.0,                          /* 1,100 jin maize */
      .price_fen_per_kg = 136.0,                   /* 0.68 yuan/jin */
      .less_cost_per_mu = TRUE,
    },
    .split = { .cooperative_pct = 50.0, .households_pct = 50.0 },
    .reason = "村民代表大会决议：剩余收益合作社与农户五五分成",
    .households = households,
    .n_households = 70,
  };

  return input;
}

/* Hand arithmetic, all in fen:
 *   base rate   = 550 kg × 136 fen/kg − 28,600 = 74,800 − 28,600 = 46,200 fen/mu (462 yuan)
 *   base total  = 46,200 × 290.56 = 13,423,872 fen (134,238.72 yuan, docs/domain.md §8)
 *   cost        = 28,600 × 290.56 = 8,310,016 fen
 *   surplus     = 23,641,200 − 8,310,016 − 13,423,872 = 1,907,312 fen (65.64 yuan/mu; the
 *                 source's 66/mu comes from its rounded 814 yuan/mu revenue)
 *   50/50       = 953,656 fen cooperative, 953,656 fen households
 *   base each   = 4.12 × 46,200 = 190,344 fen; 6.28 × 46,200 = 290,136 fen;
 *                 69 × 190,344 + 290,136 = 13,133,736 + 290,136 = 13,423,872 (no remainders)
 *   dividend    = 953,656 × 412 / 29,056 = 392,906,272 / 29,056 = 13,522 r 11,040 (0.380)
 *                 953,656 × 628 / 29,056 = 598,895,968 / 29,056 = 20,611 r 22,752 (0.783)
 *                 floors: 69 × 13,522 + 20,611 = 953,629; 27 fen left over:
 *                 the 6.28-mu household first (0.783), then 26 of the 69 equal remainders,
 *                 lowest codes first: …01 to …26 get 13,523, …27 to …69 get 13,522.
 *                 26 × 13,523 + 43 × 13,522 + 20,612 = 351,598 + 581,446 + 20,612 = 953,656 */
static void
test_taozhuang (void)
{
  FurrowDistributionHousehold *households = taozhuang_households ();
  FurrowDistributionInput input = taozhuang_input (households);
  FurrowDistributionResult result;
  g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);
  g_autofree char *basis = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpfloat_with_epsilon (result.total_area_mu, 290.56, 1e-9);
  g_assert_cmpint (result.base_fen_per_mu, ==, 46200);
  g_assert_cmpint (result.base_total_fen, ==, 13423872);
  g_assert_cmpint (result.cost_fen, ==, 8310016);
  g_assert_cmpint (result.surplus_fen, ==, 1907312);
  g_assert_cmpint (result.cooperative_fen, ==, 953656);
  g_assert_cmpint (result.households_dividend_fen, ==, 953656);
  g_assert_cmpint (result.reserve_fen, ==, 0);
  g_assert_cmpint (result.collective_fen, ==, 0);
  g_assert_cmpint (result.deficit_fen, ==, 0);
  g_assert_true (result.reason_required);   /* 50 % < 60 %: the reason is in the input */

  for (guint i = 0; i < 69; i++)
    {
      g_assert_cmpint (shares[i].base_fen, ==, 190344);
      g_assert_cmpint (shares[i].dividend_fen, ==, i < 26 ? 13523 : 13522);
    }
  g_assert_cmpint (shares[69].base_fen, ==, 290136);
  g_assert_cmpint (shares[69].dividend_fen, ==, 20612);
  g_assert_cmpint (shares[0].total_fen, ==, 190344 + 13523);
  assert_reconciles (&input, &result, shares);

  basis = furrow_distribution_format_basis (&input, &result, &shares[0]);
  g_assert_cmpstr (basis, ==,
                   "Base ¥462.00/mu × 4.12 mu = ¥1,903.44; "
                   "dividend ¥9,536.56 × 4.12/290.56 mu = ¥135.23");
  summary = furrow_distribution_format_summary (&input, &result);
  g_assert_nonnull (strstr (summary, "¥134,238.72"));
  g_assert_nonnull (strstr (summary, "¥19,073.12"));

  free_households (households, 70);
}
FURROW_TEST ("/furrow/core/distribution/taozhuang", test_taozhuang);

/* The same settlement with the households in reverse order gives each the same amounts. */
static void
test_taozhuang_order (void)
{
  FurrowDistributionHousehold *households = taozhuang_households ();
  FurrowDistributionHousehold reversed[70];
  FurrowDistributionInput input = taozhuang_input (households);
  FurrowDistributionResult result;
  FurrowDistributionResult reversed_result;
  g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);
  g_autofree FurrowDistributionShare *reversed_shares = NULL;

  for (guint i = 0; i < 70; i++)
    reversed[i] = households[69 - i];
  input.households = reversed;
  reversed_shares = compute_ok (&input, &reversed_result);

  g_assert_cmpint (memcmp (&result, &reversed_result, sizeof result), ==, 0);
  for (guint i = 0; i < 70; i++)
    {
      g_assert_cmpstr (shares[i].code, ==, reversed_shares[69 - i].code);
      g_assert_cmpint (shares[i].base_fen, ==, reversed_shares[69 - i].base_fen);
      g_assert_cmpint (shares[i].dividend_fen, ==, reversed_shares[69 - i].dividend_fen);
    }

  free_households (households, 70);
}
FURROW_TEST ("/furrow/core/distribution/taozhuang-order", test_taozhuang_order);

/* ------------------------------------------------------------------------------------------ */
/* coop_income_examples.csv                                                                   */

typedef struct
{
  char       *id;
  GHashTable *values;   /* item → value */
  GHashTable *units;    /* item → unit */
} CoopCase;

static void
coop_case_free (gpointer data)
{
  CoopCase *coop = data;

  g_free (coop->id);
  g_hash_table_unref (coop->values);
  g_hash_table_unref (coop->units);
  g_free (coop);
}

static GPtrArray *
read_coop_cases (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "coop_income_examples.csv",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (coop_case_free);
  CoopCase *current = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "case_id,place,year,source_url,outlet,item,value"));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      const char *id;

      if (lines[i][0] == '\0')
        continue;
      fields = furrow_test_split_csv_line (lines[i]);
      g_assert_cmpuint (fields->len, ==, 10);
      id = fields->pdata[0];
      if (id[0] != '\0' && (current == NULL || !g_str_equal (id, current->id)))
        {
          current = g_new0 (CoopCase, 1);
          current->id = g_strdup (id);
          current->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          current->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_ptr_array_add (cases, current);
        }
      g_assert_nonnull (current);
      g_hash_table_insert (current->values, g_strdup (fields->pdata[5]),
                           g_strdup (fields->pdata[6]));
      g_hash_table_insert (current->units, g_strdup (fields->pdata[5]),
                           g_strdup (fields->pdata[7]));
    }
  return cases;
}

/* A plain number ("290.56", "236412"); FALSE for ranges, "~600", ">3600000", "1800+". */
static gboolean
parse_plain_number (const char *text,
                    double     *out)
{
  char *end = NULL;

  if (text == NULL || text[0] == '\0' || !g_ascii_isdigit (text[0]))
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0';
}

/* The first item of `coop` whose name contains `needle` and whose unit is `unit`. */
static gboolean
case_number (CoopCase   *coop,
             const char *needle,
             const char *unit,
             double     *out)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, coop->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (strstr (key, needle) != NULL
        && g_str_equal (g_hash_table_lookup (coop->units, key), unit)
        && parse_plain_number (value, out))
      return TRUE;
  return FALSE;
}

/* "wheat 950 / maize 1100" → 1100 for "maize". */
static gboolean
crop_amount (const char *text,
             const char *crop,
             double     *out)
{
  const char *p = text != NULL ? strstr (text, crop) : NULL;

  if (p == NULL)
    return FALSE;
  p += strlen (crop);
  while (*p == ' ')
    p++;
  *out = g_ascii_strtod (p, NULL);
  return *out > 0.0;
}

/* A case is complete when the file gives everything a settlement needs: the area in the
 * cooperative, the total revenue, the cost per mu, a base rule with its numbers (a guaranteed
 * yield in jin with the season's price per jin, or a fixed yuan/mu) and the split of the
 * remainder in percent. In the current file only TAOZHUANG is complete:
 *   YANGZHUANG      no revenue or cost (collective income ">3600000"); its household example
 *                   is checked for the base alone below
 *   DONGWANGZHUANG  no area, revenue or cost
 *   BAOZHUANG       no revenue or cost ("~600" net per mu on a 45-mu trial)
 *   MIAOFUAN        in-kind guarantee without prices; no revenue or cost
 *   ZHENGZHUANG, YINGGANG, DONGYUANTOU, CHENGZIHU, ZHENGXINZHUANG, THESIS_QUOTES
 *                   no base-plus-dividend settlement numbers (shares, totals or rules only) */
static void
test_coop_income_examples (void)
{
  g_autoptr(GPtrArray) cases = read_coop_cases ();
  guint n_complete = 0;
  gboolean saw_yangzhuang = FALSE;

  g_assert_cmpuint (cases->len, ==, 11);   /* the eleven cases listed above */

  for (guint c = 0; c < cases->len; c++)
    {
      CoopCase *coop = cases->pdata[c];
      double area_mu, revenue_yuan, cost_yuan_per_mu, price_yuan_per_jin, guarantee_jin;
      double farmers_pct;
      const char *yield_text = g_hash_table_lookup (coop->values, "guaranteed yield (contract)");
      const char *split_text = g_hash_table_lookup (coop->values, "split of remainder");
      double stated;

      if (!case_number (coop, "mu entered into coop", "mu", &area_mu)
          || !case_number (coop, "revenue", "CNY", &revenue_yuan)
          || !case_number (coop, "cost per mu", "CNY/mu", &cost_yuan_per_mu)
          || !case_number (coop, "price", "CNY/jin", &price_yuan_per_jin)
          || !crop_amount (yield_text, "maize", &guarantee_jin)
          || split_text == NULL
          || sscanf (split_text, "%lf%% farmers", &farmers_pct) != 1)
        {
          g_test_message ("coop_income_examples.csv: %s skipped: incomplete numbers", coop->id);
          continue;
        }

      n_complete++;
      {
        /* Areas to 0.01 mu, money to the fen, 1 jin = 0.5 kg. */
        FurrowDistributionHousehold household = {
          .code = "1", .area_mu = area_mu, .custody = FURROW_CUSTODY_FULL, .weight = 1.0,
        };
        FurrowDistributionInput input = {
          .revenue_fen = (gint64) round (revenue_yuan * 100.0),
          .cost_fen_per_mu = (gint64) round (cost_yuan_per_mu * 100.0),
          .base = {
            .kind = FURROW_BASE_IN_KIND,
            .kg_per_mu = guarantee_jin / 2.0,
            .price_fen_per_kg = round (price_yuan_per_jin * 2.0 * 100.0),
            .less_cost_per_mu = TRUE,
          },
          .split = { .cooperative_pct = 100.0 - farmers_pct, .households_pct = farmers_pct },
          .reason = farmers_pct < 60.0 ? "as resolved by the members (source)" : NULL,
          .households = &household,
          .n_households = 1,
        };
        FurrowDistributionResult result;
        g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);

        assert_reconciles (&input, &result, shares);

        /* The case's own figures: the base per mu and in all, the remainder and the second
         * dividend per mu to the yuan the source rounds them to. */
        g_assert_true (case_number (coop, "first dividend", "CNY/mu", &stated));
        g_assert_cmpint (result.base_fen_per_mu, ==, (gint64) round (stated * 100.0));
        g_assert_true (case_number (coop, "total first dividend", "CNY", &stated));
        g_assert_cmpint (result.base_total_fen, ==, (gint64) round (stated * 100.0));
        g_assert_true (case_number (coop, "remaining income", "CNY/mu", &stated));
        g_assert_cmpfloat (round (result.surplus_fen / 100.0 / area_mu), ==, stated);
        g_assert_true (case_number (coop, "second dividend", "CNY/mu", &stated));
        g_assert_cmpfloat (round (result.households_dividend_fen / 100.0 / area_mu), ==,
                           stated);
        g_test_message ("coop_income_examples.csv: %s settled: base %" G_GINT64_FORMAT
                        " fen, surplus %" G_GINT64_FORMAT " fen", coop->id,
                        result.base_total_fen, result.surplus_fen);
      }
    }

  /* Yangzhuang's household example, base only: 900 yuan/mu and 11,151 yuan received
   * → 11,151 / 900 = 12.39 mu (derived in the file). With no revenue the season is a deficit:
   * the base is still paid in full and no dividend. */
  for (guint c = 0; c < cases->len; c++)
    {
      CoopCase *coop = cases->pdata[c];
      double guarantee_yuan, received_yuan;

      if (!g_str_equal (coop->id, "YANGZHUANG"))
        continue;
      saw_yangzhuang = TRUE;
      g_assert_true (case_number (coop, "guarantee", "CNY/mu/yr", &guarantee_yuan));
      g_assert_true (case_number (coop, "household example", "CNY", &received_yuan));
      {
        FurrowDistributionHousehold household = {
          .code = "YANGZHUANG-1", .area_mu = received_yuan / guarantee_yuan,
          .custody = FURROW_CUSTODY_FULL,
        };
        FurrowDistributionInput input = {
          .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = (gint64) (guarantee_yuan * 100) },
          .split = { .reserve_pct = 10.0, .households_pct = 90.0 },
          .households = &household,
          .n_households = 1,
        };
        FurrowDistributionResult result;
        g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);

        g_assert_cmpint (shares[0].area_cmu, ==, 1239);
        g_assert_cmpint (shares[0].base_fen, ==, 1115100);   /* 12.39 × 90,000 */
        g_assert_cmpint (result.deficit_fen, ==, 1115100);
        g_assert_cmpint (shares[0].dividend_fen, ==, 0);
      }
    }

  g_assert_cmpuint (n_complete, ==, 1);
  g_assert_true (saw_yangzhuang);
}
FURROW_TEST ("/furrow/core/distribution/coop-income-examples", test_coop_income_examples);

/* ------------------------------------------------------------------------------------------ */
/* Hand-worked small cases                                                                    */

/* 100 fen among three equal shares: 33 each and 1 fen left over, remainders 1/3 all three,
 * so the lowest code takes it: 34, 33, 33. 200 fen: 66 each, 2 left: the two lowest codes. */
static void
test_tie_break (void)
{
  const gint64 weights[3] = { 1, 1, 1 };
  const guint rank[3] = { 2, 0, 1 };  /* the second entry has the lowest code */
  gint64 out[3];
  FurrowDistributionHousehold households[3] = {
    { .code = "371426000003", .area_mu = 1.0 },
    { .code = "371426000001", .area_mu = 1.0 },
    { .code = "371426000002", .area_mu = 1.0 },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 100,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 0 },
    .split = { .households_pct = 100.0 },
    .households = households,
    .n_households = 3,
  };
  FurrowDistributionResult result;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autofree FurrowDistributionShare *shares_200 = NULL;

  furrow_distribution_largest_remainder (100, weights, rank, 3, out);
  g_assert_cmpint (out[0], ==, 33);
  g_assert_cmpint (out[1], ==, 34);
  g_assert_cmpint (out[2], ==, 33);

  /* 10 fen by weights 5 : 3 : 2 is exact: 5, 3, 2. 1 fen by 1 : 2 : 1 goes to the largest
   * remainder (2/4), not to the lowest rank. */
  furrow_distribution_largest_remainder (10, (gint64[]) { 5, 3, 2 }, NULL, 3, out);
  g_assert_cmpint (out[0], ==, 5);
  g_assert_cmpint (out[1], ==, 3);
  g_assert_cmpint (out[2], ==, 2);
  furrow_distribution_largest_remainder (1, (gint64[]) { 1, 2, 1 }, NULL, 3, out);
  g_assert_cmpint (out[0], ==, 0);
  g_assert_cmpint (out[1], ==, 1);
  g_assert_cmpint (out[2], ==, 0);

  /* Through the engine: the dividend is the whole 100 fen surplus. */
  shares = compute_ok (&input, &result);
  g_assert_cmpint (result.households_dividend_fen, ==, 100);
  g_assert_cmpint (shares[0].dividend_fen, ==, 33);
  g_assert_cmpint (shares[1].dividend_fen, ==, 34);
  g_assert_cmpint (shares[2].dividend_fen, ==, 33);

  input.revenue_fen = 200;
  shares_200 = compute_ok (&input, &result);
  g_assert_cmpint (shares_200[0].dividend_fen, ==, 66);
  g_assert_cmpint (shares_200[1].dividend_fen, ==, 67);
  g_assert_cmpint (shares_200[2].dividend_fen, ==, 67);
}
FURROW_TEST ("/furrow/core/distribution/tie-break", test_tie_break);

/* The surplus split's ties go households, cooperative, collective, reserve:
 * 1 fen at 50/50 cooperative/households → households 1; 3 fen at 25 % each → households,
 * cooperative and collective 1 each, reserve 0 (households 25 % needs a reason). */
static void
test_split_tie_break (void)
{
  FurrowDistributionHousehold household = { .code = "A", .area_mu = 1.0 };
  FurrowDistributionInput input = {
    .revenue_fen = 1,
    .base = { .kind = FURROW_BASE_FIXED },
    .split = { .cooperative_pct = 50.0, .households_pct = 50.0 },
    .reason = "test",
    .households = &household,
    .n_households = 1,
  };
  FurrowDistributionResult result;
  g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);
  g_autofree FurrowDistributionShare *shares_3 = NULL;

  g_assert_cmpint (result.households_dividend_fen, ==, 1);
  g_assert_cmpint (result.cooperative_fen, ==, 0);

  input.revenue_fen = 3;
  input.split = (FurrowSurplusSplit) { 25.0, 25.0, 25.0, 25.0 };
  shares_3 = compute_ok (&input, &result);
  g_assert_cmpint (result.households_dividend_fen, ==, 1);
  g_assert_cmpint (result.cooperative_fen, ==, 1);
  g_assert_cmpint (result.collective_fen, ==, 1);
  g_assert_cmpint (result.reserve_fen, ==, 0);
}
FURROW_TEST ("/furrow/core/distribution/split-tie-break", test_split_tie_break);

/* Two households, 10.00 and 5.00 mu, fixed base 900 yuan/mu (Tengzhou):
 *   base   = 15 × 90,000 = 1,350,000 fen (900,000 + 450,000)
 *   cost   = 15 × 20,000 = 300,000 fen
 *   income = 1,000,000 fen → surplus = 1,000,000 − 300,000 − 1,350,000 = −650,000
 * The base is paid in full, the shortfall is 650,000 fen (¥6,500.00), no dividend. */
static void
test_deficit (void)
{
  FurrowDistributionHousehold households[2] = {
    { .code = "A", .area_mu = 10.0 },
    { .code = "B", .area_mu = 5.0 },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 1000000,
    .cost_fen_per_mu = 20000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 90000 },
    .split = { .reserve_pct = 10.0, .households_pct = 90.0 },
    .households = households,
    .n_households = 2,
  };
  FurrowDistributionResult result;
  g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);
  g_autofree char *basis = furrow_distribution_format_basis (&input, &result, &shares[1]);

  g_assert_cmpint (result.base_total_fen, ==, 1350000);
  g_assert_cmpint (result.cost_fen, ==, 300000);
  g_assert_cmpint (result.surplus_fen, ==, -650000);
  g_assert_cmpint (result.deficit_fen, ==, 650000);
  g_assert_cmpint (result.households_dividend_fen, ==, 0);
  g_assert_cmpint (result.reserve_fen, ==, 0);
  g_assert_cmpint (shares[0].base_fen, ==, 900000);
  g_assert_cmpint (shares[1].base_fen, ==, 450000);
  g_assert_cmpint (shares[0].dividend_fen, ==, 0);
  g_assert_cmpint (shares[1].total_fen, ==, 450000);
  g_assert_cmpstr (basis, ==,
                   "Base ¥900.00/mu × 5.00 mu = ¥4,500.00; no dividend: the season fell "
                   "¥6,500.00 short");
  assert_reconciles (&input, &result, shares);
}
FURROW_TEST ("/furrow/core/distribution/deficit", test_deficit);

/* Cooperatives Law: households ≥ 60 % of the surplus after the reserve fund, or a reason.
 *   reserve 10, collective 30, households 60: 60 / 90 = 66.7 %  fine
 *   reserve 10, collective 36, households 54: 54 / 90 = 60.0 %  fine (the boundary)
 *   reserve 10, collective 40, households 50: 50 / 90 = 55.6 %  needs a reason
 *   Baozhuang 6:2:2 collective:cooperative:members: 20 %        needs a reason */
static void
test_reason_required (void)
{
  FurrowDistributionHousehold household = { .code = "A", .area_mu = 2.0 };
  FurrowDistributionInput input = {
    .revenue_fen = 1000000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 100000 },
    .split = { .reserve_pct = 10.0, .collective_pct = 30.0, .households_pct = 60.0 },
    .households = &household,
    .n_households = 1,
  };
  FurrowDistributionResult result;
  FurrowDistributionShare share;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_distribution_compute (&input, &result, &share, &error));
  g_assert_no_error (error);
  g_assert_false (result.reason_required);

  input.split = (FurrowSurplusSplit) { 10.0, 36.0, 0.0, 54.0 };
  g_assert_true (furrow_distribution_compute (&input, &result, &share, &error));
  g_assert_false (result.reason_required);

  input.split = (FurrowSurplusSplit) { 10.0, 40.0, 0.0, 50.0 };
  g_assert_false (furrow_distribution_compute (&input, &result, &share, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED);
  g_assert_nonnull (strstr (error->message, "55.56 %"));
  g_assert_nonnull (strstr (error->message, "60 %"));
  g_clear_error (&error);

  input.reason = "";
  g_assert_false (furrow_distribution_compute (&input, &result, &share, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED);
  g_clear_error (&error);

  /* Surplus 1,000,000 − 200,000 = 800,000 fen: 80,000 / 320,000 / 400,000. */
  input.reason = "成员大会 2024-03-01 决议：一半用于购置农机";
  g_assert_true (furrow_distribution_compute (&input, &result, &share, &error));
  g_assert_true (result.reason_required);
  g_assert_cmpint (result.reserve_fen, ==, 80000);
  g_assert_cmpint (result.collective_fen, ==, 320000);
  g_assert_cmpint (result.households_dividend_fen, ==, 400000);
  g_assert_cmpint (share.dividend_fen, ==, 400000);

  input.reason = NULL;
  input.split = (FurrowSurplusSplit) { 0.0, 60.0, 20.0, 20.0 };
  g_assert_false (furrow_distribution_compute (&input, &result, &share, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED);
}
FURROW_TEST ("/furrow/core/distribution/reason-required", test_reason_required);

/* Half custody: the household keeps its crop and owes its fees.
 *   A: full, 10.00 mu; B: half, 3.33 mu at 80 yuan/mu; C: half, 3.33 mu at 33.33 yuan/mu
 *   B fee = 3.33 × 8,000 = 26,640 fen; C fee = 3.33 × 3,333 = 11,098.89 → 11,099 fen
 *   the pool is A's 10 mu alone: base 10 × 50,000 = 500,000; income 800,000 fen;
 *   surplus 300,000 → households 100 % → A 300,000. Fees are not pool income. */
static void
test_half_custody (void)
{
  FurrowDistributionHousehold households[3] = {
    { .code = "A", .area_mu = 10.0 },
    { .code = "B", .area_mu = 3.33, .custody = FURROW_CUSTODY_HALF, .fee_fen_per_mu = 8000 },
    { .code = "C", .area_mu = 3.33, .custody = FURROW_CUSTODY_HALF, .fee_fen_per_mu = 3333 },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 800000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 50000 },
    .split = { .households_pct = 100.0 },
    .households = households,
    .n_households = 3,
  };
  FurrowDistributionResult result;
  g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);
  g_autofree char *basis = furrow_distribution_format_basis (&input, &result, &shares[1]);

  g_assert_cmpfloat_with_epsilon (result.total_area_mu, 10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (result.half_custody_area_mu, 6.66, 1e-12);
  g_assert_cmpint (result.base_total_fen, ==, 500000);
  g_assert_cmpint (result.surplus_fen, ==, 300000);
  g_assert_cmpint (shares[0].total_fen, ==, 800000);
  g_assert_cmpint (shares[1].base_fen, ==, 0);
  g_assert_cmpint (shares[1].dividend_fen, ==, 0);
  g_assert_cmpint (shares[1].fee_fen, ==, 26640);
  g_assert_cmpint (shares[1].total_fen, ==, -26640);
  g_assert_cmpint (shares[2].fee_fen, ==, 11099);
  g_assert_cmpint (result.fees_fen, ==, 26640 + 11099);
  g_assert_cmpstr (basis, ==,
                   "Half custody: no base or dividend; service fee ¥80.00/mu × 3.33 mu = "
                   "¥266.40 owed");
  assert_reconciles (&input, &result, shares);
}
FURROW_TEST ("/furrow/core/distribution/half-custody", test_half_custody);

/* A summer season carrying 40 % of a 900-yuan annual base: 36,000 fen/mu; 33.33 % of it:
 * 90,000 × 3,333 / 10,000 = 29,997 fen/mu. 7.5 mu × 29,997 = 224,977.5 → 224,978 fen. */
static void
test_annual_share (void)
{
  FurrowDistributionHousehold household = { .code = "A", .area_mu = 7.5 };
  FurrowDistributionInput input = {
    .revenue_fen = 500000,
    .base = { .kind = FURROW_BASE_ANNUAL_SHARE, .annual_fen_per_mu = 90000, .season_pct = 40 },
    .split = { .households_pct = 100.0 },
    .households = &household,
    .n_households = 1,
  };
  FurrowDistributionResult result;
  g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);
  g_autofree FurrowDistributionShare *shares_third = NULL;

  g_assert_cmpint (result.base_fen_per_mu, ==, 36000);
  g_assert_cmpint (result.base_total_fen, ==, 270000);   /* 7.5 × 36,000 */

  input.base.season_pct = 33.33;
  shares_third = compute_ok (&input, &result);
  g_assert_cmpint (result.base_fen_per_mu, ==, 29997);
  g_assert_cmpint (result.base_total_fen, ==, 224978);
  g_assert_cmpint (shares_third[0].base_fen, ==, 224978);
}
FURROW_TEST ("/furrow/core/distribution/annual-share", test_annual_share);

/* Land grades: A 10 mu at weight 1.2, B 10 mu at 0.8, fixed 100 yuan/mu:
 * weighted 12 + 8 = 20 mu → base 2,000,000 fen: A 1,200,000, B 800,000. Costs are per
 * registered mu: 20 × 10,000 = 200,000. Income 3,000,000 → surplus 800,000, households
 * 100 %: A 480,000, B 320,000. In-kind base with the cost as a total: 600 kg × 240 fen =
 * 144,000 fen/mu less 200,000 / 20 mu = 10,000 → 134,000 fen/mu. */
static void
test_weights (void)
{
  FurrowDistributionHousehold households[2] = {
    { .code = "A", .area_mu = 10.0, .weight = 1.2 },
    { .code = "B", .area_mu = 10.0, .weight = 0.8 },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 3000000,
    .cost_fen_per_mu = 10000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 100000 },
    .split = { .households_pct = 100.0 },
    .households = households,
    .n_households = 2,
  };
  FurrowDistributionResult result;
  g_autofree FurrowDistributionShare *shares = compute_ok (&input, &result);
  g_autofree FurrowDistributionShare *shares_kind = NULL;
  g_autofree char *basis = furrow_distribution_format_basis (&input, &result, &shares[0]);

  g_assert_cmpfloat_with_epsilon (result.weighted_area_mu, 20.0, 1e-12);
  g_assert_cmpint (result.base_total_fen, ==, 2000000);
  g_assert_cmpint (result.cost_fen, ==, 200000);
  g_assert_cmpint (shares[0].base_fen, ==, 1200000);
  g_assert_cmpint (shares[1].base_fen, ==, 800000);
  g_assert_cmpint (shares[0].dividend_fen, ==, 480000);
  g_assert_cmpint (shares[1].dividend_fen, ==, 320000);
  g_assert_cmpstr (basis, ==,
                   "Base ¥1,000.00/mu × 10.00 mu × weight 1.2 = ¥12,000.00; "
                   "dividend ¥8,000.00 × 12.00/20.00 mu = ¥4,800.00");

  input.cost_is_total = TRUE;
  input.cost_fen = 200000;
  input.base = (FurrowBaseRule) { .kind = FURROW_BASE_IN_KIND, .kg_per_mu = 600,
                                  .price_fen_per_kg = 240, .less_cost_per_mu = TRUE };
  shares_kind = compute_ok (&input, &result);
  g_assert_cmpint (result.base_fen_per_mu, ==, 134000);
  assert_reconciles (&input, &result, shares_kind);
}
FURROW_TEST ("/furrow/core/distribution/weights", test_weights);

static void
test_errors (void)
{
  FurrowDistributionHousehold households[2] = {
    { .code = "371426000001", .area_mu = 1.0 },
    { .code = "371426000002", .area_mu = 2.0 },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 100000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 1000 },
    .split = { .reserve_pct = 10.0, .households_pct = 91.0 },
    .households = households,
    .n_households = 2,
  };
  FurrowDistributionResult result;
  FurrowDistributionShare shares[2];
  g_autoptr(GError) error = NULL;

  /* 10 + 91 = 101 % */
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_SPLIT);
  g_assert_nonnull (strstr (error->message, "101.00 %"));
  g_clear_error (&error);

  input.split.households_pct = 90.005;
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_SPLIT);
  g_clear_error (&error);
  input.split.households_pct = 90.0;

  households[1].area_mu = -2.0;
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_AREA);
  g_assert_nonnull (strstr (error->message, "371426000002"));
  g_clear_error (&error);
  households[1].area_mu = 2.0;

  households[1].code = "371426000001";
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_DUPLICATE_CODE);
  g_assert_nonnull (strstr (error->message, "371426000001"));
  g_clear_error (&error);
  households[1].code = "371426000002";

  input.revenue_fen = -1;
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "revenue_fen"));
  g_clear_error (&error);
  input.revenue_fen = 100000;

  /* 300 kg × 100 fen = 30,000 fen/mu, less 40,000 fen/mu of cost. */
  input.cost_fen_per_mu = 40000;
  input.base = (FurrowBaseRule) { .kind = FURROW_BASE_IN_KIND, .kg_per_mu = 300,
                                  .price_fen_per_kg = 100, .less_cost_per_mu = TRUE };
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_NEGATIVE_BASE);
  g_clear_error (&error);

  /* A dividend with nobody in the pool: both households are half custody. */
  input.cost_fen_per_mu = 0;
  households[0].custody = FURROW_CUSTODY_HALF;
  households[1].custody = FURROW_CUSTODY_HALF;
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_NO_AREA);
  g_clear_error (&error);

  input.n_households = 0;
  g_assert_false (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_error (error, FURROW_DISTRIBUTION_ERROR, FURROW_DISTRIBUTION_ERROR_INVALID);
}
FURROW_TEST ("/furrow/core/distribution/errors", test_errors);

/* ------------------------------------------------------------------------------------------ */
/* Property test                                                                              */

#define N_RANDOM_SETTLEMENTS 100000

static guint
random_household_count (GRand *rand)
{
  guint bucket = g_rand_int_range (rand, 0, 10000);

  /* Mostly small villages (97 %: 1–20 households), some larger (21–200), 0.1 % from 201
   * to 5,000 and 0.02 % at the 5,000 limit. */
  if (bucket < 9700)
    return g_rand_int_range (rand, 1, 21);
  if (bucket < 9988)
    return g_rand_int_range (rand, 21, 201);
  if (bucket < 9998)
    return g_rand_int_range (rand, 201, 5000);
  return 5000;
}

static void
random_split (GRand              *rand,
              FurrowSurplusSplit *split)
{
  gint32 cuts[3];
  gint32 tmp;

  for (guint k = 0; k < 3; k++)
    cuts[k] = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 10001)
                                    : 100 * g_rand_int_range (rand, 0, 101);
  /* sort three */
  if (cuts[0] > cuts[1]) { tmp = cuts[0]; cuts[0] = cuts[1]; cuts[1] = tmp; }
  if (cuts[1] > cuts[2]) { tmp = cuts[1]; cuts[1] = cuts[2]; cuts[2] = tmp; }
  if (cuts[0] > cuts[1]) { tmp = cuts[0]; cuts[0] = cuts[1]; cuts[1] = tmp; }

  split->reserve_pct = cuts[0] / 100.0;
  split->collective_pct = (cuts[1] - cuts[0]) / 100.0;
  split->cooperative_pct = (cuts[2] - cuts[1]) / 100.0;
  split->households_pct = (10000 - cuts[2]) / 100.0;
}

static gboolean
shares_equal (const FurrowDistributionShare *a,
              const FurrowDistributionShare *b)
{
  return g_str_equal (a->code, b->code)
         && a->area_cmu == b->area_cmu
         && a->base_fen == b->base_fen
         && a->dividend_fen == b->dividend_fen
         && a->fee_fen == b->fee_fen
         && a->total_fen == b->total_fen;
}

static gboolean
results_equal (const FurrowDistributionResult *a,
               const FurrowDistributionResult *b)
{
  return a->total_area_cmu == b->total_area_cmu
         && a->weighted_area_umu == b->weighted_area_umu
         && a->income_fen == b->income_fen
         && a->cost_fen == b->cost_fen
         && a->base_fen_per_mu == b->base_fen_per_mu
         && a->base_total_fen == b->base_total_fen
         && a->surplus_fen == b->surplus_fen
         && a->reserve_fen == b->reserve_fen
         && a->collective_fen == b->collective_fen
         && a->cooperative_fen == b->cooperative_fen
         && a->households_dividend_fen == b->households_dividend_fen
         && a->deficit_fen == b->deficit_fen
         && a->fees_fen == b->fees_fen;
}

/* |share × W − total × w| < W: the share is within 1 fen of its exact proportion. */
static void
assert_proportional (gint64 share_fen,
                     gint64 total_fen,
                     Wide   weight,
                     Wide   sum_weights)
{
  Wide difference;

  if (sum_weights == 0)
    {
      g_assert_cmpint (share_fen, ==, 0);
      return;
    }
  difference = (Wide) share_fen * sum_weights - (Wide) total_fen * weight;
  if (difference < 0)
    difference = -difference;
  g_assert_true (difference < sum_weights);
}

static void
test_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20161110);   /* Taozhuang's payday */
  gint64 start = g_get_monotonic_time ();
  guint64 n_households_total = 0;
  guint n_deficits = 0;
  guint n_reason_errors = 0;
  guint n_no_area_errors = 0;
  guint n_settled = 0;
  guint n_kind[3] = { 0, 0, 0 };
  guint n_ties = 0;
  /* Buffers for the largest village, reused: the sanitizer build pays for every malloc. */
  g_autofree FurrowDistributionHousehold *households = g_new0 (FurrowDistributionHousehold, 5000);
  g_autofree FurrowDistributionHousehold *permuted = g_new0 (FurrowDistributionHousehold, 5000);
  g_autofree guint *permutation = g_new (guint, 5000);
  g_autofree char *codes = g_malloc (5000 * 16);
  g_autofree FurrowDistributionShare *shares = g_new0 (FurrowDistributionShare, 5000);
  g_autofree FurrowDistributionShare *again = g_new0 (FurrowDistributionShare, 5000);
  g_autofree FurrowDistributionShare *permuted_shares = g_new0 (FurrowDistributionShare, 5000);

  for (guint iteration = 0; iteration < N_RANDOM_SETTLEMENTS; iteration++)
    {
      guint n = random_household_count (rand);
      FurrowDistributionInput input = { 0 };
      FurrowDistributionResult result;
      FurrowDistributionResult result_again;
      FurrowDistributionResult result_permuted;
      g_autoptr(GError) error = NULL;
      gboolean equal_areas = g_rand_int_range (rand, 0, 4) == 0;
      gboolean weighted = g_rand_int_range (rand, 0, 4) == 0;
      gint32 equal_cmu = g_rand_int_range (rand, 1, 2001);
      static const double grade_weights[] = { 0.8, 0.85, 1.0, 1.15, 1.2 };
      Wide sum_weights = 0;
      gint64 pool_cmu = 0;
      gint64 value_fen_per_mu = 0;
      gint64 expected_rate;
      gboolean needs_reason;
      gint64 split_bp[4];
      gboolean ok;

      n_households_total += n;
      memset (households, 0, n * sizeof *households);

      for (guint i = 0; i < n; i++)
        {
          FurrowDistributionHousehold *h = &households[i];
          char *code = codes + 16 * i;

          /* Random order of codes relative to the input order; unique by the suffix. */
          g_snprintf (code, 16, "%05d-%u", g_rand_int_range (rand, 0, 100000), i);
          h->code = code;
          if (g_rand_int_range (rand, 0, 8) == 0)
            h->area_mu = 0.0;
          else if (equal_areas)
            h->area_mu = equal_cmu / 100.0;
          else
            h->area_mu = g_rand_int_range (rand, 1, 3001) / 100.0;
          if (g_rand_int_range (rand, 0, 10) == 0)
            {
              h->custody = FURROW_CUSTODY_HALF;
              h->fee_fen_per_mu = g_rand_int_range (rand, 0, 20001);
            }
          if (weighted)
            h->weight = grade_weights[g_rand_int_range (rand, 0, G_N_ELEMENTS (grade_weights))];
          if (h->custody == FURROW_CUSTODY_FULL)
            {
              gint64 cmu = (gint64) round (h->area_mu * 100.0);
              gint64 weight_bp = h->weight == 0.0 ? 10000 : (gint64) round (h->weight * 10000);

              sum_weights += (Wide) cmu * weight_bp;
              pool_cmu += cmu;
            }
        }

      /* Cost, base rule and revenue. */
      input.cost_is_total = g_rand_boolean (rand);
      input.cost_fen_per_mu = g_rand_int_range (rand, 0, 80001);
      input.cost_fen = input.cost_fen_per_mu * pool_cmu / 100 + g_rand_int_range (rand, 0, 100);
      input.base.kind = g_rand_int_range (rand, 0, 3);
      n_kind[input.base.kind]++;
      switch (input.base.kind)
        {
        case FURROW_BASE_FIXED:
          input.base.fen_per_mu = g_rand_int_range (rand, 0, 150001);
          expected_rate = input.base.fen_per_mu;
          break;
        case FURROW_BASE_IN_KIND:
          input.base.kg_per_mu = g_rand_int_range (rand, 0, 2001) / 2.0;   /* whole jin */
          input.base.price_fen_per_kg = g_rand_int_range (rand, 100, 601);
          value_fen_per_mu = (gint64) round (input.base.kg_per_mu * input.base.price_fen_per_kg);
          input.base.less_cost_per_mu = g_rand_boolean (rand);
          /* Keep the base non-negative: the cost per mu is at most the guaranteed value. */
          if (input.base.less_cost_per_mu)
            {
              input.cost_fen_per_mu = MIN (input.cost_fen_per_mu, value_fen_per_mu);
              input.cost_fen = input.cost_fen_per_mu * pool_cmu / 100;
            }
          expected_rate = value_fen_per_mu;
          if (input.base.less_cost_per_mu)
            expected_rate -= input.cost_is_total
                               ? (pool_cmu > 0 ? (input.cost_fen * 100 + pool_cmu / 2) / pool_cmu
                                               : 0)
                               : input.cost_fen_per_mu;
          break;
        case FURROW_BASE_ANNUAL_SHARE:
        default:
          input.base.annual_fen_per_mu = g_rand_int_range (rand, 0, 150001);
          input.base.season_pct = g_rand_int_range (rand, 0, 10001) / 100.0;
          expected_rate = -1;   /* checked through the base total's bound below */
          break;
        }
      {
        /* Revenue between 0 and 2.5 × a typical (base + cost) per mu: deficits are common. */
        gint64 scale = (gint64) (pool_cmu / 100 + 1) * 150000;

        input.revenue_fen = (gint64) (g_rand_double (rand) * 2.5 * scale);
        input.other_income_fen = g_rand_int_range (rand, 0, 4) == 0
                                   ? g_rand_int_range (rand, 0, 1000000) : 0;
        input.subsidy_fen_per_mu = g_rand_int_range (rand, 0, 3) == 0
                                     ? g_rand_int_range (rand, 0, 15001) : 0;
        input.subsidy_fen = g_rand_int_range (rand, 0, 5) == 0
                              ? g_rand_int_range (rand, 0, 100000) : 0;
      }
      random_split (rand, &input.split);
      input.reason = g_rand_int_range (rand, 0, 5) == 0 ? NULL : "成员大会决议";
      input.households = households;
      input.n_households = n;

      split_bp[0] = (gint64) round (input.split.reserve_pct * 100);
      split_bp[3] = (gint64) round (input.split.households_pct * 100);
      needs_reason = split_bp[3] == 0 || split_bp[3] * 10 < (10000 - split_bp[0]) * 6;

      ok = furrow_distribution_compute (&input, &result, shares, &error);
      if (!ok && g_error_matches (error, FURROW_DISTRIBUTION_ERROR,
                                  FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED))
        {
          g_assert_true (needs_reason);
          g_assert_null (input.reason);
          n_reason_errors++;
          continue;
        }
      if (!ok && g_error_matches (error, FURROW_DISTRIBUTION_ERROR,
                                  FURROW_DISTRIBUTION_ERROR_NO_AREA))
        {
          g_assert_true (sum_weights == 0);
          n_no_area_errors++;
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_true (!needs_reason || input.reason != NULL);
      n_settled++;

      /* Exact sums and no negative amounts. */
      assert_reconciles (&input, &result, shares);
      if (result.deficit_fen > 0)
        n_deficits++;
      if (expected_rate >= 0)
        g_assert_cmpint (result.base_fen_per_mu, ==, expected_rate);
      g_assert_cmpint (result.total_area_cmu, ==, pool_cmu);
      g_assert_true (result.weighted_area_umu == sum_weights);
      {
        /* base total = rate × weighted area, rounded: within half a fen. */
        Wide exact = (Wide) result.base_fen_per_mu * sum_weights;
        Wide difference = (Wide) result.base_total_fen * 1000000 - exact;

        if (difference < 0)
          difference = -difference;
        g_assert_true (difference * 2 <= 1000000);
      }

      /* Each household within 1 fen of its exact proportion; half custody out of the pool. */
      for (guint i = 0; i < n; i++)
        {
          const FurrowDistributionHousehold *h = &households[i];
          Wide weight = 0;

          if (h->custody == FURROW_CUSTODY_FULL)
            weight = (Wide) shares[i].area_cmu
                     * (h->weight == 0.0 ? 10000 : (gint64) round (h->weight * 10000));
          else
            {
              g_assert_cmpint (shares[i].base_fen, ==, 0);
              g_assert_cmpint (shares[i].dividend_fen, ==, 0);
            }
          g_assert_cmpint (shares[i].fee_fen, ==,
                           (h->fee_fen_per_mu * shares[i].area_cmu + 50) / 100);
          assert_proportional (shares[i].base_fen, result.base_total_fen, weight, sum_weights);
          assert_proportional (shares[i].dividend_fen, result.households_dividend_fen, weight,
                               sum_weights);
          /* Equal full-custody households that the remainder fen told apart by code. */
          if (i > 0 && equal_areas && !weighted && h->custody == FURROW_CUSTODY_FULL
              && households[i - 1].custody == FURROW_CUSTODY_FULL
              && shares[i].area_cmu > 0 && shares[i].area_cmu == shares[i - 1].area_cmu
              && (shares[i].base_fen != shares[i - 1].base_fen
                  || shares[i].dividend_fen != shares[i - 1].dividend_fen))
            n_ties++;
        }

      /* Identical input, identical output. */
      g_assert_true (furrow_distribution_compute (&input, &result_again, again, &error));
      g_assert_true (results_equal (&result, &result_again));
      for (guint i = 0; i < n; i++)
        g_assert_true (shares_equal (&shares[i], &again[i]));

      /* Any order of the households, the same amounts for each. */
      for (guint i = 0; i < n; i++)
        permutation[i] = i;
      for (guint i = n; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          guint tmp = permutation[i - 1];

          permutation[i - 1] = permutation[j];
          permutation[j] = tmp;
        }
      for (guint i = 0; i < n; i++)
        permuted[i] = households[permutation[i]];
      input.households = permuted;
      g_assert_true (furrow_distribution_compute (&input, &result_permuted, permuted_shares,
                                                  &error));
      g_assert_true (results_equal (&result, &result_permuted));
      for (guint i = 0; i < n; i++)
        g_assert_true (shares_equal (&shares[permutation[i]], &permuted_shares[i]));
    }

  g_test_message ("%u random settlements (%" G_GUINT64_FORMAT " households; fixed %u, in kind "
                  "%u, annual share %u): %u settled, %u deficits, %u refused for want of a "
                  "reason, %u refused for want of area, %u tie-broken equal-area pairs; %.1f s",
                  N_RANDOM_SETTLEMENTS, n_households_total, n_kind[0], n_kind[1], n_kind[2],
                  n_settled, n_deficits, n_reason_errors, n_no_area_errors, n_ties,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_settled, >, N_RANDOM_SETTLEMENTS / 2);
  g_assert_cmpuint (n_deficits, >, N_RANDOM_SETTLEMENTS / 20);
  g_assert_cmpuint (n_reason_errors, >, 0);
  g_assert_cmpuint (n_ties, >, 0);
}
FURROW_TEST ("/furrow/core/distribution/property", test_property);

FURROW_TEST_MAIN (.locale = "");
