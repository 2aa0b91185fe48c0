/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "furrow-ledger.h"
#include "furrow-season.h"
#include "furrow-store-ledger.h"
#include "furrow-store-payment.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* Member accounts (issue 14, item 5; docs/domain.md §16): each household's ledger across the
 * settled seasons, and per season the Cooperatives Law's art. 44 check — what is returned by
 * transaction volume (the households' dividend) is at least 60 % of the distributable surplus
 * (the surplus less the reserve fund) — as recorded with the settlement (schema v8). */

typedef FurrowTestStore Fixture;

/* furrow_test_store_add_cooperative(): households 37078210220101NNNN from 0001. */
#define HOUSEHOLD_1 "370782102201010001"
#define HOUSEHOLD_2 "370782102201010002"

/* The 60 % rule in integers, with the share in basis points rounded half away from zero. */
static void
test_return_passes (void)
{
  gint64 bp = -1;

  /* 600,000 of 900,000 = 66.666… % → 6667 bp, passes. */
  g_assert_true (furrow_ledger_return_passes (900000, 600000, &bp));
  g_assert_cmpint (bp, ==, 6667);
  /* 400,000 of 900,000 = 44.444… % → 4444 bp, fails. */
  g_assert_false (furrow_ledger_return_passes (900000, 400000, &bp));
  g_assert_cmpint (bp, ==, 4444);
  /* Exactly 60 %: 540,000 of 900,000 passes; one fen less (539,999) fails, though its share
   * rounds to 6000 bp (59.99989 %). */
  g_assert_true (furrow_ledger_return_passes (900000, 540000, &bp));
  g_assert_cmpint (bp, ==, 6000);
  g_assert_false (furrow_ledger_return_passes (900000, 539999, &bp));
  g_assert_cmpint (bp, ==, 6000);
  /* Nothing to distribute (a deficit): nothing to return, the check passes. */
  g_assert_true (furrow_ledger_return_passes (0, 0, &bp));
  g_assert_cmpint (bp, ==, 0);
}
FURROW_TEST ("/furrow/core/ledger/return-passes", test_return_passes);

static void
assert_entry (const FurrowLedgerEntry *entry,
              const char              *season,
              double                   area_mu,
              gint64                   base_fen,
              gint64                   returned_fen,
              gint64                   due_fen,
              gint64                   balance_fen)
{
  g_assert_cmpstr (entry->season, ==, season);
  g_assert_cmpfloat_with_epsilon (entry->area_m2 / (10000.0 / 15.0), area_mu, 1e-9);
  g_assert_cmpint (entry->base_fen, ==, base_fen);
  g_assert_cmpint (entry->returned_fen, ==, returned_fen);
  g_assert_cmpint (entry->fee_fen, ==, 0);
  g_assert_cmpint (entry->due_fen, ==, due_fen);
  g_assert_cmpint (entry->paid_fen, ==, 0);
  g_assert_cmpint (entry->balance_fen, ==, balance_fen);
}

/* Two households of 10 and 30 mu in full custody (40 mu), two settled seasons, worked by hand:
 *
 * 2023 秋: base 500 yuan/mu (50,000 fen), revenue 3,000,000 fen, no costs.
 *   base total 40 × 50,000 = 2,000,000; surplus 3,000,000 − 2,000,000 = 1,000,000;
 *   split 10/0/30/60: reserve 100,000, cooperative 300,000, households 600,000;
 *   distributable 1,000,000 − 100,000 = 900,000; returned 600,000 = 66.67 % ≥ 60 %: passes.
 *   household 1 (10 mu): base 500,000, dividend 600,000 × 10/40 = 150,000, due 650,000;
 *   household 2 (30 mu): base 1,500,000, dividend 450,000, due 1,950,000.
 * 2024 秋: base 600 yuan/mu (60,000 fen), revenue 3,400,000 fen.
 *   base total 2,400,000; surplus 1,000,000; split 10/0/50/40 (a reason given):
 *   reserve 100,000, cooperative 500,000, households 400,000;
 *   distributable 900,000; returned 400,000 = 44.44 % < 60 %: the check fails.
 *   household 1: base 600,000, dividend 100,000, due 700,000, balance 650,000 + 700,000 =
 *   1,350,000; household 2: base 1,800,000, dividend 300,000, due 2,100,000, balance
 *   1,950,000 + 2,100,000 = 4,050,000.
 * A third season, not settled, is in no account. */
static void
test_two_seasons (Fixture       *fixture,
                  gconstpointer  data)
{
  static const double areas_mu[] = { 10.0, 30.0 };
  g_autoptr(FurrowField) field = furrow_test_store_add_cooperative (fixture->store, "F1", "东地",
                                                                    areas_mu, 2, 0);
  g_autoptr(FurrowSeason) open = furrow_season_new ("2025 夏", 2025);
  g_autoptr(FurrowLedger) ledger = NULL;
  g_autoptr(FurrowLedger) one = NULL;
  g_autoptr(GError) error = NULL;
  const FurrowSurplusSplit lawful = { 10, 0, 30, 60 };
  const FurrowSurplusSplit low = { 10, 0, 50, 40 };
  FurrowLedgerAccount *account;
  const FurrowLedgerSeasonCheck *check;

  /* Added in the other order: the ledger goes by crop year. */
  furrow_test_store_settle_fixed (fixture->store, field, "2024 秋", 2024, 60000, 3400000, &low, "合作社购置烘干机");
  furrow_test_store_settle_fixed (fixture->store, field, "2023 秋", 2023, 50000, 3000000, &lawful, NULL);
  g_assert_true (furrow_store_add_season (fixture->store, open, &error));

  ledger = furrow_store_get_ledger (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->accounts->len, ==, 2);

  account = g_ptr_array_index (ledger->accounts, 0);
  g_assert_cmpstr (account->code, ==, HOUSEHOLD_1);
  g_assert_cmpuint (account->entries->len, ==, 2);
  assert_entry (&g_array_index (account->entries, FurrowLedgerEntry, 0), "2023 秋", 10.0,
                500000, 150000, 650000, 650000);
  assert_entry (&g_array_index (account->entries, FurrowLedgerEntry, 1), "2024 秋", 10.0,
                600000, 100000, 700000, 1350000);
  g_assert_cmpint (account->total.base_fen, ==, 1100000);
  g_assert_cmpint (account->total.returned_fen, ==, 250000);
  g_assert_cmpint (account->total.due_fen, ==, 1350000);
  g_assert_cmpint (account->total.balance_fen, ==, 1350000);

  account = g_ptr_array_index (ledger->accounts, 1);
  g_assert_cmpstr (account->code, ==, HOUSEHOLD_2);
  assert_entry (&g_array_index (account->entries, FurrowLedgerEntry, 0), "2023 秋", 30.0,
                1500000, 450000, 1950000, 1950000);
  assert_entry (&g_array_index (account->entries, FurrowLedgerEntry, 1), "2024 秋", 30.0,
                1800000, 300000, 2100000, 4050000);
  g_assert_cmpint (account->total.balance_fen, ==, 4050000);

  /* The art. 44 checks recorded with the settlements. */
  g_assert_cmpuint (ledger->checks->len, ==, 2);
  check = &g_array_index (ledger->checks, FurrowLedgerSeasonCheck, 0);
  g_assert_cmpstr (check->season, ==, "2023 秋");
  g_assert_cmpint (check->distributable_fen, ==, 900000);
  g_assert_cmpint (check->returned_fen, ==, 600000);
  g_assert_cmpint (check->returned_bp, ==, 6667);
  g_assert_true (check->passes);
  check = &g_array_index (ledger->checks, FurrowLedgerSeasonCheck, 1);
  g_assert_cmpstr (check->season, ==, "2024 秋");
  g_assert_cmpint (check->distributable_fen, ==, 900000);
  g_assert_cmpint (check->returned_fen, ==, 400000);
  g_assert_cmpint (check->returned_bp, ==, 4444);
  g_assert_false (check->passes);

  /* Household 1's 2023 money paid (sent in a bank file, then the return says paid): paid
   * 650,000, balance 650,000 − 650,000 + 700,000 = 700,000. Household 2, sent only: nothing
   * paid. */
  {
    g_autoptr(FurrowSeason) s2023 = furrow_test_store_find_season (fixture->store, "2023 秋");
    FurrowPaymentChange sent[] = { { HOUSEHOLD_1, FURROW_PAYMENT_SENT, NULL },
                                   { HOUSEHOLD_2, FURROW_PAYMENT_SENT, NULL } };
    FurrowPaymentChange paid[] = { { HOUSEHOLD_1, FURROW_PAYMENT_PAID, NULL } };
    g_autoptr(FurrowLedger) after = NULL;

    g_assert_true (furrow_store_set_payments (fixture->store, s2023, sent, 2, "bank.csv",
                                              &error));
    g_assert_true (furrow_store_set_payments (fixture->store, s2023, paid, 1, "return.csv",
                                              &error));
    g_assert_no_error (error);
    after = furrow_store_get_ledger (fixture->store, NULL, &error);
    account = g_ptr_array_index (after->accounts, 0);
    g_assert_cmpint (g_array_index (account->entries, FurrowLedgerEntry, 0).paid_fen, ==, 650000);
    g_assert_cmpint (g_array_index (account->entries, FurrowLedgerEntry, 0).balance_fen, ==, 0);
    g_assert_cmpint (g_array_index (account->entries, FurrowLedgerEntry, 1).balance_fen, ==,
                     700000);
    g_assert_cmpint (account->total.paid_fen, ==, 650000);
    g_assert_cmpint (account->total.balance_fen, ==, 700000);
    account = g_ptr_array_index (after->accounts, 1);
    g_assert_cmpint (account->total.paid_fen, ==, 0);
    g_assert_cmpint (account->total.balance_fen, ==, 4050000);
  }

  /* One household. */
  one = furrow_store_get_ledger (fixture->store, HOUSEHOLD_2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->accounts->len, ==, 1);
  account = g_ptr_array_index (one->accounts, 0);
  g_assert_cmpstr (account->code, ==, HOUSEHOLD_2);
  g_assert_cmpint (account->total.balance_fen, ==, 4050000);
  g_assert_null (furrow_store_get_ledger (fixture->store, "370782102201019999", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
}
FURROW_TEST_FIXTURE ("/furrow/core/ledger/two-seasons", Fixture, furrow_test_store_set_up_empty,
                     test_two_seasons, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
