/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Payee accounts (furrow-bank-account.h, furrow-edit-account.h; docs/domain.md,
 * "Bank accounts"): which numbers the register takes, how they are masked, and the household page's one undoable edit
 * of the four fields, audited without the number. Every card number here is made up: a UnionPay
 * prefix, zeros, and the check digit the Luhn rule gives, worked in the comments; none is a
 * real person's account. */

#include "config.h"

#include <string.h>

#include "furrow-bank-account.h"
#include "furrow-edit-account.h"
#include "furrow-history.h"
#include "furrow-register.h"
#include "furrow-store-private.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* 6217 0000 0000 000c: from the right, the check digit c and every second digit as it is
 * (c, 7 at position 12, 2 at 14), the others doubled (1 → 2 at 13, 6 → 12 → 1 + 2 = 3 at 15):
 * c + 7 + 2 + 2 + 3 = c + 14, a multiple of 10 for c = 6. */
#define CARD_16 "6217000000000006"
/* 6214 8300 0000 0001 23c, 19 digits 6 2 1 4 8 3 0 … 0 1 2 3 c. Counted from the right (c at
 * 0), the odd positions are doubled: 2 (17) → 4, 4 (15) → 8, 3 (13) → 6, 1 (3) → 2, 3 (1) → 6,
 * 26 in all; the even ones as they are: 6 (18) + 1 (16) + 8 (14) + 2 (2) + c = 17 + c; 43 + c is
 * a multiple of 10 for c = 7. */
#define CARD_19 "6214830000000001237"

static void
assert_refused (const char *number,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = furrow_bank_account_normalize (number);

  g_assert_false (furrow_bank_account_check (number, &error));
  g_assert_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fragment));
  /* The message never repeats the number (personal data). */
  if (digits != NULL && strlen (digits) >= 8)
    g_assert_null (strstr (error->message, digits));
  /* Not payable, for the same reason (the bank file's "missing" list says it). */
  g_clear_error (&error);
  g_assert_false (furrow_bank_account_is_payable (number, &error));
  g_assert_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_bank_account_luhn_ok (CARD_16));
  g_assert_true (furrow_bank_account_luhn_ok (CARD_19));
  /* One digit off: the sum is off by one, not a multiple of 10. */
  g_assert_false (furrow_bank_account_luhn_ok ("6217000000000007"));
  /* Two neighbours swapped (…06 → …60): 0 + 12 → 6 + 0 ≠, caught. */
  g_assert_false (furrow_bank_account_luhn_ok ("6217000000000060"));

  g_assert_true (furrow_bank_account_check (CARD_16, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_bank_account_check (CARD_19, &error));
  /* Grouped in fours with ASCII and ideographic spaces, as people write it. */
  g_assert_true (furrow_bank_account_check ("6217 0000 0000 0006", &error));
  g_assert_true (furrow_bank_account_check ("6217\u30000000\u30000000\u30000006", &error));
  g_assert_no_error (error);
  /* A passbook or settlement account: digits, 12 to 25 of them, no check digit. */
  g_assert_true (furrow_bank_account_check ("15000100123456789012", &error));
  g_assert_true (furrow_bank_account_check ("150001001234", &error));
  g_assert_true (furrow_bank_account_check ("1500010012345678901234567", &error));
  g_assert_no_error (error);
  /* None recorded is not an error, but nobody can be paid to it. */
  g_assert_true (furrow_bank_account_check ("", &error));
  g_assert_true (furrow_bank_account_check (NULL, &error));
  g_assert_false (furrow_bank_account_is_payable ("", &error));
  g_assert_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "no payee account recorded");
  g_clear_error (&error);
  g_assert_false (furrow_bank_account_is_payable (NULL, NULL));
  g_assert_true (furrow_bank_account_is_payable (CARD_19, &error));
  g_assert_no_error (error);

  assert_refused ("6217000000000007", "last digit");
  assert_refused ("621700000000000", "15");                /* a UnionPay card of 15 digits */
  assert_refused ("62170000000000000000", "20");           /* … and of 20 */
  assert_refused ("6217-0000-0000-0006", "only digits");   /* dashes are not spaces */
  assert_refused ("6217 0000 0000 000６", "only digits");  /* a full-width digit */
  assert_refused ("15000100123", "11");                    /* too short for any account */
  assert_refused ("15000100123456789012345678", "26");     /* too long */
  assert_refused ("   ", "only digits");
}
FURROW_TEST ("/furrow/core/bank-account/check", test_check);

/* The first and last four digits, the rest stars in fixed groups: the length is not shown. */
static void
test_mask (void)
{
  g_autofree char *m16 = furrow_bank_account_mask (CARD_16);
  g_autofree char *m19 = furrow_bank_account_mask ("6214 8300 0000 0001 237");
  g_autofree char *passbook = furrow_bank_account_mask ("15000100123456789012");
  g_autofree char *none = furrow_bank_account_mask (NULL);
  g_autofree char *junk = furrow_bank_account_mask ("12-34");

  g_assert_cmpstr (m16, ==, "6217 **** **** 0006");
  g_assert_cmpstr (m19, ==, "6214 **** **** 1237");
  g_assert_cmpstr (passbook, ==, "1500 **** **** 9012");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (junk, ==, "**** **** ****");
}
FURROW_TEST ("/furrow/core/bank-account/mask", test_mask);

/* One edit sets the four fields: stored without spaces, one audit row naming the columns and
 * no digit of the number, undone and redone whole. A refused number names the household. */
static void
test_edit (FurrowTestStore *fixture,
           gconstpointer    data)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  FurrowEdit *edit;
  FurrowEdit *bad;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) audit = NULL;
  FurrowHousehold *live;
  FurrowAccount account = { "中国农业银行", "宁津县支行营业部", "6217 0000 0000 0006", "王秀英" };
  FurrowAccount typo = { "中国农业银行", NULL, "6217 0000 0000 0007", NULL };

  furrow_household_set_code (household, "371426110201000001");
  furrow_household_set_name (household, "张建国");
  g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  g_assert_no_error (error);
  live = furrow_store_get_household_by_id (fixture->store, furrow_household_get_id (household));

  edit = furrow_edit_account_new (fixture->store, live, &account, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edit);
  g_assert_true (furrow_history_push (history, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_household_get_bank (live), ==, "中国农业银行");
  g_assert_cmpstr (furrow_household_get_bank_branch (live), ==, "宁津县支行营业部");
  g_assert_cmpstr (furrow_household_get_account_number (live), ==, CARD_16);
  g_assert_cmpstr (furrow_household_get_account_holder (live), ==, "王秀英");
  {
    /* Read back from the file, not the model. */
    g_autoptr(FurrowHousehold) stored = furrow_store_find_household (fixture->store,
                                                                      "371426110201000001");
    g_assert_cmpstr (furrow_household_get_account_number (stored), ==, CARD_16);
  }
  audit = _furrow_store_get_audit (fixture->store, "household:371426110201000001");
  g_assert_cmpuint (g_strv_length (audit), ==, 2);
  g_assert_cmpstr (audit[1], ==,
                   "update|bank, bank_branch, account_number, account_holder changed");

  g_assert_true (furrow_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_null (furrow_household_get_account_number (live));
  g_assert_null (furrow_household_get_bank (live));
  g_assert_null (furrow_household_get_account_holder (live));
  g_assert_true (furrow_history_redo (history, &error));
  g_assert_cmpstr (furrow_household_get_account_number (live), ==, CARD_16);

  /* A typing mistake: refused before anything is done, naming the household, not the number. */
  bad = furrow_edit_account_new (fixture->store, live, &typo, &error);
  g_assert_null (bad);
  g_assert_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "371426110201000001"));
  g_assert_nonnull (strstr (error->message, "张建国"));
  g_assert_null (strstr (error->message, "6217000000000007"));
  g_assert_cmpstr (furrow_household_get_account_number (live), ==, CARD_16);
}
FURROW_TEST_FIXTURE ("/furrow/core/bank-account/edit", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_edit,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
