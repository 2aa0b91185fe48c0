/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Bank payment files, payment status and bank returns (app/io/bank/, furrow-store-payment.h;
 * docs/domain.md, "Bank accounts"), read back as the bank and the clerk read them: the CSV's
 * bytes (decoded with iconv for GBK), the XLSX's sheet XML, furrow-cli as a clerk runs it. The
 * amounts are the Taozhuang settlement's (tests/io/test-report-document.c works them by hand):
 * 49,482.13 + 44,811.02 + 29,689.28 + 19,792.85 = 143,775.28 yuan for four households; the
 * fifth owes 180.00 yuan and is not paid. The card numbers are made up: a UnionPay prefix,
 * zeros and the Luhn check digit, worked in the comments; none is a real person's. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "furrow-bank-account.h"
#include "furrow-bank-file.h"
#include "furrow-bank-profile.h"
#include "furrow-bank-return.h"
#include "furrow-payroll.h"
#include "furrow-store-payment.h"
#include "furrow-store-private.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

typedef FurrowTestStore Fixture;

/* The payee accounts of households 1–4:
 * 1. 6217 0000 0000 0006: from the right c = 6, 7 (pos 12), 2 (pos 14) as they are, 1 (pos 13)
 *    → 2 and 6 (pos 15) → 12 → 3 doubled: 6 + 7 + 2 + 2 + 3 = 20, a multiple of 10;
 * 2. 6214 8300 0000 0001 237 (19 digits): doubled 2 → 4, 4 → 8, 3 → 6, 1 → 2, 3 → 6 = 26; as
 *    they are 6 + 1 + 8 + 2 + 7 = 24; 50;
 * 3. 6228 4800 0000 0000 018: as they are 6 + 2 + 4 + 8 = 20, doubled 2 → 4, 8 → 7, 8 → 7,
 *    1 → 2 = 20; 40;
 * 4. 1500 0100 1234 5678 9012: a passbook account, 20 digits, no check digit. */
static const char *const accounts[] = { "6217000000000006", "6214830000000001237",
                                        "6228480000000000018", "15000100123456789012" };

/* Taozhuang settled (furrow_test_store_add_taozhuang()), households 1–4 paid to the accounts
 * above, household 2 to 王建军's, every household with a phone. */
static FurrowSeason *
settled_taozhuang (FurrowStore *store)
{
  g_autoptr(FurrowSeason) season = furrow_test_store_add_taozhuang (store, FALSE, FALSE);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < FURROW_TEST_TAOZHUANG_N; i++)
    {
      g_autofree char *code = g_strdup_printf ("37142611020100%02u", i + 1);
      g_autoptr(FurrowHousehold) household = furrow_store_find_household (store, code);

      furrow_household_set_phone (household, "13800000001");
      if (i < G_N_ELEMENTS (accounts))
        {
          furrow_household_set_bank (household, "中国农业银行");
          furrow_household_set_bank_branch (household, "宁津县支行");
          furrow_household_set_account_number (household, accounts[i]);
        }
      if (i == 1)
        furrow_household_set_account_holder (household, "王建军");
      g_assert_true (furrow_store_update_household (store, household, &error));
      g_assert_no_error (error);
    }
  furrow_store_settle_season (store, season, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&season);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static FurrowBankProfile *
builtin (const char *name)
{
  g_autoptr(GError) error = NULL;
  FurrowBankProfile *profile = furrow_bank_profile_new_builtin (name, &error);

  g_assert_no_error (error);
  return profile;
}

static FurrowPaymentStatus
status_of (FurrowStore  *store,
           FurrowSeason *season,
           guint         household)
{
  g_autoptr(GHashTable) payments = furrow_store_get_payments (store, season, NULL);
  g_autofree char *code = g_strdup_printf ("37142611020100%02u", household);
  FurrowPayment *payment = g_hash_table_lookup (payments, code);

  g_assert_nonnull (payment);
  return payment->status;
}

/* The built-in profiles, and a user's profile refused key by key. */
static void
test_profiles (void)
{
  g_auto(GStrv) names_ = furrow_bank_profile_list_builtin ();
  g_autoptr(FurrowBankProfile) batch = NULL;
  const char *bad[][2] = {
    { "{\"name\": \"x\", \"file_type\": \"doc\", \"columns\": []}", "file_type" },
    { "{\"name\": \"x\", \"columns\": [{\"field\": \"account\"}]}", "amount" },
    { "{\"name\": \"x\", \"columns\": [{\"field\": \"iban\"}]}", "iban" },
    { "{\"name\": \"x\", \"encoding\": \"Big5\", \"columns\": []}", "encoding" },
    { "{\"name\": \"x\", \"header\": \"yes\", \"columns\": []}", "true/false" },
    { "{\"columns\": []}", "name" },
    { "[1, 2]", "JSON" },
    { "{\"name\": \"x\", \"delimiter\": \"ab\", \"columns\": []}", "delimiter" },
  };

  g_assert_cmpstrv (names_, ((const char *const[]) { "batch-sheet", "generic", "text-account",
                                                     NULL }));
  batch = builtin ("batch-sheet");
  g_assert_cmpint (batch->file_type, ==, FURROW_BANK_FILE_XLSX);
  g_assert_cmpuint (batch->n_columns, ==, 8);
  g_assert_cmpstr (batch->columns[0].header, ==, "账号");
  g_assert_cmpstr (batch->columns[3].value, ==, "山东省");
  g_assert_cmpstr (batch->columns[7].header, ==, "短信通知手机号");
  g_assert_false (batch->total_row);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowBankProfile) profile =
        furrow_bank_profile_new_from_data ("mine.json", bad[i][0], strlen (bad[i][0]), &error);

      g_assert_null (profile);
      g_assert_error (error, FURROW_BANK_PROFILE_ERROR, FURROW_BANK_PROFILE_ERROR_INVALID);
      /* "mine.json：不是银行代发文件格式：…" */
      g_assert_true (g_str_has_prefix (error->message, "mine.json"));
      if (strstr (error->message, bad[i][1]) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, bad[i][1]);
    }
  /* 65 columns: refused, and the half-read profile freed (it freed a NULL column array). */
  {
    g_autoptr(GString) json = g_string_new ("{\"name\": \"x\", \"columns\": [");
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowBankProfile) profile = NULL;

    for (guint i = 0; i < 65; i++)
      g_string_append (json, i == 0 ? "{\"field\": \"text\"}" : ", {\"field\": \"text\"}");
    g_string_append (json, "]}");
    profile = furrow_bank_profile_new_from_data ("mine.json", json->str, json->len, &error);
    g_assert_null (profile);
    g_assert_error (error, FURROW_BANK_PROFILE_ERROR, FURROW_BANK_PROFILE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "64"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowBankProfile) none = furrow_bank_profile_new_builtin ("icbc", &error);

    g_assert_null (none);
    g_assert_error (error, FURROW_BANK_PROFILE_ERROR, FURROW_BANK_PROFILE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "batch-sheet, generic, text-account"));
  }
}
FURROW_TEST ("/furrow/io/bank-file/profiles", test_profiles);

/* The generic profile's CSV, byte for byte: the four households paid in code order, household
 * 2 under its account holder, the amounts of the settlement, the total row 143775.28 = the
 * payroll's total; mode 0600; the four marked sent, each with one audit row that holds no
 * account digit. */
static void
test_generic_csv (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowBankProfile) profile = builtin ("generic");
  g_autoptr(FurrowBankFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "代发.csv");
  g_autofree char *bytes = NULL;
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_auto(GStrv) audit = NULL;
  gsize n;
  GStatBuf st;
  guint sent = 0;

  file = furrow_bank_file_new (fixture->store, season, profile, FALSE, &error);
  g_assert_no_error (error);
  furrow_bank_file_get_missing (file, &n);
  g_assert_cmpuint (n, ==, 0);
  furrow_bank_file_get_payees (file, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (furrow_bank_file_get_total_fen (file), ==, 14377528);
  g_assert_true (furrow_bank_file_write (file, fixture->store, path, &error));
  g_assert_no_error (error);
  bytes = read_file (path);
  g_assert_cmpstr (bytes, ==,
    "序号,承包方编码,户名,账号,开户行,开户网点,金额,用途\r\n"
    "1,3714261102010001,张建国,6217000000000006,中国农业银行,宁津县支行,49482.13,土地托管收益\r\n"
    "2,3714261102010002,王建军,6214830000000001237,中国农业银行,宁津县支行,44811.02,土地托管收益\r\n"
    "3,3714261102010003,李志强,6228480000000000018,中国农业银行,宁津县支行,29689.28,土地托管收益\r\n"
    "4,3714261102010004,刘桂兰,15000100123456789012,中国农业银行,宁津县支行,19792.85,土地托管收益\r\n"
    "合计,,,,,,143775.28,\r\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The same total as the payroll, to the fen. */
  payroll = furrow_payroll_new_from_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_payroll_get_settlement_fen (payroll) + 18000, ==, 14377528);

  g_assert_true (furrow_bank_file_mark_sent (file, fixture->store, path, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= 4; i++)
    g_assert_cmpint (status_of (fixture->store, season, i), ==, FURROW_PAYMENT_SENT);
  g_assert_cmpint (status_of (fixture->store, season, 5), ==, FURROW_PAYMENT_UNPAID);
  audit = _furrow_store_get_audit (fixture->store, "season:2016 秋");
  for (guint i = 0; audit[i] != NULL; i++)
    {
      for (guint a = 0; a < G_N_ELEMENTS (accounts); a++)
        g_assert_null (strstr (audit[i], accounts[a] + 8));
      if (g_str_has_prefix (audit[i], "payment.sent|"))
        {
          g_assert_nonnull (strstr (audit[i], ": unpaid -> sent; bank file 代发.csv (profile "
                                              "generic)"));
          sent++;
        }
    }
  g_assert_cmpuint (sent, ==, 4);
}
FURROW_TEST_FIXTURE ("/furrow/io/bank-file/generic-csv", Fixture, furrow_test_store_set_up_empty,
                     test_generic_csv, furrow_test_store_fixture_tear_down);

/* A user's profile: TXT in GBK, '|' between cells, amounts in fen, no header, a total row.
 * Decoded with iconv (not Furrow's reader), the text is the rows by hand; GBK's 张 is D5 C5. */
static void
test_gbk_txt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autofree char *profile_path = furrow_test_store_file (fixture, "mine.json");
  g_autofree char *path = furrow_test_store_file (fixture, "pay.txt");
  g_autoptr(FurrowBankProfile) profile = NULL;
  g_autoptr(FurrowBankFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *decoded = NULL;
  const char *json =
    "{ \"name\": \"my-bank\", \"file_type\": \"txt\", \"encoding\": \"GBK\", \"delimiter\": \"|\","
    "  \"header\": false, \"amount\": \"fen\", \"total_row\": true,"
    "  \"columns\": [ { \"field\": \"account\" }, { \"field\": \"holder\" },"
    "                 { \"field\": \"amount\" }, { \"field\": \"phone\" } ] }";

  g_assert_true (g_file_set_contents (profile_path, json, -1, NULL));
  profile = furrow_bank_profile_new_from_file (profile_path, &error);
  g_assert_no_error (error);
  file = furrow_bank_file_new (fixture->store, season, profile, FALSE, &error);
  g_assert_true (furrow_bank_file_write (file, fixture->store, path, &error));
  g_assert_no_error (error);
  raw = read_file (path);
  g_assert_true (g_str_has_prefix (raw, "6217000000000006|\xD5\xC5"));
  {
    const char *argv[] = { "iconv", "-f", "GBK", "-t", "UTF-8", path, NULL };

    decoded = furrow_test_run_tool (argv);
  }
  g_assert_cmpstr (decoded, ==,
                   "6217000000000006|张建国|4948213|13800000001\r\n"
                   "6214830000000001237|王建军|4481102|13800000001\r\n"
                   "6228480000000000018|李志强|2968928|13800000001\r\n"
                   "15000100123456789012|刘桂兰|1979285|13800000001\r\n"
                   "合计||14377528|\r\n");
  /* 4948213 + 4481102 + 2968928 + 1979285 = 14377528. */
  g_assert_cmpint (furrow_test_taozhuang_totals_fen[0] + furrow_test_taozhuang_totals_fen[1]
                   + furrow_test_taozhuang_totals_fen[2] + furrow_test_taozhuang_totals_fen[3],
                   ==, 14377528);

  /* A name GBK cannot write (𠀀, U+20000, outside GBK) is refused naming the household. */
  {
    g_autoptr(FurrowHousehold) h = furrow_store_find_household (fixture->store,
                                                                "3714261102010003");
    g_autoptr(FurrowBankFile) again = NULL;
    g_autofree char *before = read_file (path);
    g_autofree char *after = NULL;

    furrow_household_set_account_holder (h, "李\xF0\xA0\x80\x80强");
    g_assert_true (furrow_store_update_household (fixture->store, h, &error));
    again = furrow_bank_file_new (fixture->store, season, profile, FALSE, &error);
    g_assert_false (furrow_bank_file_write (again, fixture->store, path, &error));
    g_assert_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "3714261102010003"));
    after = read_file (path);
    g_assert_cmpstr (before, ==, after);
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/bank-file/gbk-txt", Fixture, furrow_test_store_set_up_empty,
                     test_gbk_txt, furrow_test_store_fixture_tear_down);

/* The two XLSX layouts, read from the sheet XML: accounts are text cells (shared strings in a
 * "@" style), never numbers; batch-sheet's amounts are numbers with two decimals and its
 * province column 山东省; text-account's amounts are text "49482.13"; neither has a total row. */
static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(GError) error = NULL;
  const char *profiles[] = { "batch-sheet", "text-account" };

  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    {
      g_autoptr(FurrowBankProfile) profile = builtin (profiles[p]);
      g_autoptr(FurrowBankFile) file = NULL;
      g_autofree char *name = g_strdup_printf ("%s.xlsx", profiles[p]);
      g_autofree char *path = furrow_test_store_file (fixture, name);
      g_autofree char *sheet = NULL;
      g_autofree char *strings = NULL;
      g_autofree char *styles = NULL;

      file = furrow_bank_file_new (fixture->store, season, profile, FALSE, &error);
      g_assert_true (furrow_bank_file_write (file, fixture->store, path, &error));
      g_assert_no_error (error);
      sheet = furrow_test_unzip (path, "xl/worksheets/sheet1.xml");
      strings = furrow_test_unzip (path, "xl/sharedStrings.xml");
      styles = furrow_test_unzip (path, "xl/styles.xml");
      g_assert_nonnull (strstr (styles, "formatCode=\"@\""));
      for (guint a = 0; a < G_N_ELEMENTS (accounts); a++)
        {
          g_autofree char *text = g_strdup_printf ("<t>%s</t>", accounts[a]);
          g_autofree char *number = g_strdup_printf ("<v>%s</v>", accounts[a]);

          g_assert_nonnull (strstr (strings, text));
          g_assert_null (strstr (sheet, number));
        }
      /* Header and four rows: no row 6 (no total row). */
      g_assert_nonnull (strstr (sheet, "<row r=\"5\""));
      g_assert_null (strstr (sheet, "<row r=\"6\""));
      if (p == 0)
        {
          g_assert_nonnull (strstr (strings, "<t>山东省</t>"));
          g_assert_nonnull (strstr (strings, "<t>短信通知手机号</t>"));
          g_assert_nonnull (strstr (sheet, "<c r=\"F2\" s=\"2\"><v>49482.13</v></c>"));
          g_assert_nonnull (strstr (sheet, "<c r=\"F5\" s=\"2\"><v>19792.85</v></c>"));
        }
      else
        {
          g_assert_nonnull (strstr (strings, "<t>49482.13</t>"));
          g_assert_nonnull (strstr (strings, "<t>44811.02</t>"));
          g_assert_null (strstr (strings, "143775.28"));
        }
    }
}
FURROW_TEST_FIXTURE ("/furrow/io/bank-file/xlsx", Fixture, furrow_test_store_set_up_empty,
                     test_xlsx, furrow_test_store_fixture_tear_down);

/* Households without a valid account are listed, not skipped: household 3 has none, household
 * 4's number (written by another program) fails its Luhn check; the file holds 1 and 2. */
static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowBankProfile) profile = builtin ("generic");
  g_autoptr(FurrowBankFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowHousehold) h3 = furrow_store_find_household (fixture->store,
                                                               "3714261102010003");
  g_autoptr(FurrowHousehold) h4 = furrow_store_find_household (fixture->store,
                                                               "3714261102010004");
  const FurrowBankMissing *missing;
  gsize n;

  furrow_household_set_account_number (h3, NULL);
  furrow_store_update_household (fixture->store, h3, &error);
  furrow_household_set_account_number (h4, "6217000000000007");
  furrow_store_update_household (fixture->store, h4, &error);
  g_assert_no_error (error);

  file = furrow_bank_file_new (fixture->store, season, profile, FALSE, &error);
  g_assert_no_error (error);
  missing = furrow_bank_file_get_missing (file, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (missing[0].code, ==, "3714261102010003");
  g_assert_cmpstr (missing[0].name, ==, "李志强");
  g_assert_cmpint (missing[0].amount_fen, ==, 2968928);
  g_assert_cmpstr (missing[0].problem, ==, "未登记收款账户");
  g_assert_cmpstr (missing[1].code, ==, "3714261102010004");
  g_assert_nonnull (strstr (missing[1].problem, "校验位"));
  g_assert_null (strstr (missing[1].problem, "6217000000000007"));
  furrow_bank_file_get_payees (file, &n);
  g_assert_cmpuint (n, ==, 2);
  /* 49482.13 + 44811.02 = 94293.15 */
  g_assert_cmpint (furrow_bank_file_get_total_fen (file), ==, 9429315);
}
FURROW_TEST_FIXTURE ("/furrow/io/bank-file/missing", Fixture, furrow_test_store_set_up_empty,
                     test_missing, furrow_test_store_fixture_tear_down);

static void
write_text (const char *path,
            const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Sent, a return with a failure, a reissue file of exactly the failed one, reissued; the
 * status order refused where it does not hold; bad returns refused naming the line, with
 * nothing changed. */
static void
test_return_reissue (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowBankProfile) profile = builtin ("generic");
  g_autoptr(FurrowBankFile) file = NULL;
  g_autoptr(FurrowBankFile) reissue = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent_path = furrow_test_store_file (fixture, "sent.csv");
  g_autofree char *return_path = furrow_test_store_file (fixture, "回盘.csv");
  g_autofree char *reissue_path = furrow_test_store_file (fixture, "reissue.csv");
  g_autofree char *reissued = NULL;
  g_autoptr(GHashTable) payments = NULL;
  FurrowPayment *payment;
  FurrowPaymentChange early = { "3714261102010001", FURROW_PAYMENT_PAID, NULL };

  /* Paid before it was sent: refused. */
  g_assert_false (furrow_store_set_payments (fixture->store, season, &early, 1, "test", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3714261102010001"));
  g_clear_error (&error);

  file = furrow_bank_file_new (fixture->store, season, profile, FALSE, &error);
  g_assert_true (furrow_bank_file_write (file, fixture->store, sent_path, &error));
  g_assert_true (furrow_bank_file_mark_sent (file, fixture->store, sent_path, &error));
  g_assert_no_error (error);

  /* The bank's return: by account, in GBK, with amounts; household 2 failed. */
  {
    const char *utf8 = "账号,户名,金额,状态,失败原因\r\n"
                       "6217 0000 0000 0006,张建国,49482.13,成功,\r\n"
                       "6214830000000001237,王建军,44811.02,失败,账户已销户\r\n"
                       "6228480000000000018,李志强,\"29,689.28\",交易成功,\r\n"
                       "15000100123456789012,刘桂兰,19792.85,成功,\r\n";
    g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, NULL, NULL);

    write_text (return_path, gbk);
  }
  rows = furrow_bank_return_read (fixture->store, season, return_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_true (furrow_bank_return_apply (fixture->store, season, rows, return_path, &error));
  g_assert_no_error (error);
  payments = furrow_store_get_payments (fixture->store, season, &error);
  payment = g_hash_table_lookup (payments, "3714261102010002");
  g_assert_cmpint (payment->status, ==, FURROW_PAYMENT_FAILED);
  g_assert_cmpstr (payment->reason, ==, "账户已销户");
  for (guint i = 1; i <= 4; i++)
    g_assert_cmpint (status_of (fixture->store, season, i), ==,
                     i == 2 ? FURROW_PAYMENT_FAILED : FURROW_PAYMENT_PAID);

  /* The reissue file: exactly the failed household, its amount, its total. */
  reissue = furrow_bank_file_new (fixture->store, season, profile, TRUE, &error);
  g_assert_cmpuint (furrow_bank_file_get_n_skipped (reissue), ==, 3);
  g_assert_true (furrow_bank_file_write (reissue, fixture->store, reissue_path, &error));
  g_assert_true (furrow_bank_file_mark_sent (reissue, fixture->store, reissue_path, &error));
  g_assert_no_error (error);
  reissued = read_file (reissue_path);
  g_assert_cmpstr (reissued, ==,
    "序号,承包方编码,户名,账号,开户行,开户网点,金额,用途\r\n"
    "1,3714261102010002,王建军,6214830000000001237,中国农业银行,宁津县支行,44811.02,土地托管收益\r\n"
    "合计,,,,,,44811.02,\r\n");
  g_assert_cmpint (status_of (fixture->store, season, 2), ==, FURROW_PAYMENT_REISSUED);

  /* A first file now has nobody left to pay: refused, nothing written. */
  {
    g_autoptr(FurrowBankFile) again = furrow_bank_file_new (fixture->store, season, profile,
                                                            FALSE, &error);
    g_autofree char *none = furrow_test_store_file (fixture, "none.csv");

    g_assert_cmpuint (furrow_bank_file_get_n_skipped (again), ==, 4);
    g_assert_false (furrow_bank_file_write (again, fixture->store, none, &error));
    g_assert_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }

  /* Bad returns: each refused with its line; nothing changes. */
  {
    const char *bad[][2] = {
      { "账号,状态\n6217000000000006,成功\n6299999999999999,成功\n", "第 3 行" },
      { "账号,状态\n6217000000000006,不知道\n", "不知道" },
      { "账号,金额,状态\n6214830000000001237,44811.20,成功\n", "44811.02" },
      { "承包方编码,状态\n3714261102010002,失败\n", "没有原因" },
      { "承包方编码,状态\n3714261102010002,成功\n3714261102010002,成功\n", "两次" },
      { "户名,金额\n张建国,1\n", "第 1 行" },
      { "账号,状态\n\"6217000000000006,成功\n", "引号" },
      /* 17 digits of yuan: 100 × in fen overflows 64 bits (UBSan in the sanitize build, found
       * by tests/fuzz/fuzz-bank-return.c); refused as an amount that is not the settlement's. */
      { "承包方编码,金额,状态\n3714261102010001,92233720368547759,成功\n", "92233720368547759" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GArray) none = NULL;

        write_text (return_path, bad[i][0]);
        none = furrow_bank_return_read (fixture->store, season, return_path, &error);
        g_assert_null (none);
        g_assert_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID);
        if (strstr (error->message, bad[i][1]) == NULL)
          g_error ("case %u: “%s” does not say %s", i, error->message, bad[i][1]);
        /* An account in a message is masked. */
        g_assert_null (strstr (error->message, "6299999999999999"));
        g_clear_error (&error);
      }
  }
  g_assert_cmpint (status_of (fixture->store, season, 2), ==, FURROW_PAYMENT_REISSUED);
  g_assert_cmpint (status_of (fixture->store, season, 1), ==, FURROW_PAYMENT_PAID);
}
FURROW_TEST_FIXTURE ("/furrow/io/bank-file/return-reissue", Fixture,
                     furrow_test_store_set_up_empty, test_return_reissue,
                     furrow_test_store_fixture_tear_down);

/* The payroll shows each account masked: 6217 **** **** 0006 in its XLSX (shared strings) and
 * its PDF (pdftotext), never the full number. */
static void
test_payroll_masked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = furrow_test_store_file (fixture, "payroll.xlsx");
  g_autofree char *pdf = furrow_test_store_file (fixture, "payroll.pdf");
  g_autofree char *strings = NULL;
  g_autofree char *text = NULL;

  payroll = furrow_payroll_new_from_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_payroll_write (payroll, xlsx, NULL, NULL, NULL, &error));
  g_assert_true (furrow_payroll_write (payroll, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  strings = furrow_test_unzip (xlsx, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "<t>6217 **** **** 0006</t>"));
  g_assert_nonnull (strstr (strings, "<t>6214 **** **** 1237</t>"));
  g_assert_nonnull (strstr (strings, "<t>1500 **** **** 9012</t>"));
  {
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

    text = furrow_test_run_tool (argv);
  }
  g_assert_nonnull (strstr (text, "6228 **** **** 0018"));
  for (guint a = 0; a < G_N_ELEMENTS (accounts); a++)
    {
      g_assert_null (strstr (strings, accounts[a]));
      g_assert_null (strstr (text, accounts[a]));
    }
}
FURROW_TEST_FIXTURE ("/furrow/io/bank-file/payroll-masked", Fixture,
                     furrow_test_store_set_up_empty, test_payroll_masked,
                     furrow_test_store_fixture_tear_down);

static int
run_cli (const char **args,
         char       **out,
         char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FURROW_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* furrow-cli as a clerk runs it: household 3 has no account, so bank-file lists it with a
 * count and writes nothing (exit 1) until --allow-missing; set-account refuses a typo naming
 * the household and prints an accepted number masked; bank-return marks household 2 failed;
 * --reissue writes exactly household 2. Exit 1 for the project as the output, 2 for a usage
 * error. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = furrow_test_store_file (fixture, "bank.csv");
  g_autofree char *again = furrow_test_store_file (fixture, "again.csv");
  g_autofree char *ret = furrow_test_store_file (fixture, "return.csv");
  g_autofree char *reissue = furrow_test_store_file (fixture, "reissue.csv");
  g_autofree char *text = NULL;

  if (g_getenv ("FURROW_CLI") == NULL)
    {
      g_test_skip ("FURROW_CLI is not set to the built furrow-cli");
      return;
    }
  {
    g_autoptr(FurrowHousehold) h3 = furrow_store_find_household (fixture->store,
                                                                 "3714261102010003");

    furrow_household_set_account_number (h3, NULL);
    g_assert_true (furrow_store_update_household (fixture->store, h3, &error));
  }
  /* Posted from 2017-01-10 for 7 days, long over (docs/domain.md §15; the refusal is tested in
   * tests/cli/test-cli-notice.c). */
  g_assert_true (furrow_store_set_notice (fixture->store, season, "2017-01-10", 7, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  {
    const char *args[] = { "bank-file", "--project", fixture->path, "--season", "2016 秋",
                           "--profile", "generic", "--out", csv, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "承包户 3714261102010003 李志强，29689.28 元：未登记收款账户\n"));
    g_assert_nonnull (strstr (err, "1 户应付承包户没有有效账户\n"));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "bank-file", "--project", fixture->path, "--season", "2016 秋",
                           "--profile", "generic", "--out", csv, "--allow-missing", "--json",
                           NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    /* 49482.13 + 44811.02 = 94293.15, + 19792.85 = 114086.00 */
    g_assert_nonnull (strstr (out, "\"total_fen\" : 11408600"));
    g_assert_nonnull (strstr (out, "\"households\" : 3"));
    text = read_file (csv);
    g_assert_null (strstr (text, "李志强"));
    g_assert_nonnull (strstr (text, "合计,,,,,,114086.00,\r\n"));
  }
  {
    const char *typo[] = { "household", "set-account", "--project", fixture->path, "--code",
                           "3714261102010003", "--bank", "中国农业银行", "--account",
                           "6228 4800 0000 0000 019", NULL };
    const char *good[] = { "household", "set-account", "--project", fixture->path, "--code",
                           "3714261102010003", "--bank", "中国农业银行", "--account",
                           "6228 4800 0000 0000 018", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (typo, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "3714261102010003"));
    g_assert_null (strstr (err, "6228480000000000019"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (good, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "承包户 3714261102010003：账户 6228 **** **** 0018\n");
  }
  {
    const char *args[] = { "bank-return", "--project", fixture->path, "--season", "2016 秋",
                           ret, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    write_text (ret, "承包方编码,状态,失败原因\n"
                     "3714261102010001,成功,\n"
                     "3714261102010002,失败,户名与账号不符\n"
                     "3714261102010004,成功,\n");
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "承包户 3714261102010002：支付失败：户名与账号不符\n"
                              "2 户已支付，1 户支付失败\n");
  }
  {
    const char *args[] = { "bank-file", "--project", fixture->path, "--season", "2016 秋",
                           "--profile", "generic", "--out", reissue, "--reissue", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *written = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    written = read_file (reissue);
    g_assert_cmpstr (written, ==,
      "序号,承包方编码,户名,账号,开户行,开户网点,金额,用途\r\n"
      "1,3714261102010002,王建军,6214830000000001237,中国农业银行,宁津县支行,44811.02,土地托管收益\r\n"
      "合计,,,,,,44811.02,\r\n");
  }
  {
    const char *itself[] = { "bank-file", "--project", fixture->path, "--season", "2016 秋",
                             "--profile", "generic", "--out", fixture->path, NULL };
    const char *no_profile[] = { "bank-file", "--project", fixture->path, "--season", "2016 秋",
                                 "--out", again, NULL };
    const char *unknown[] = { "bank-file", "--project", fixture->path, "--season", "2016 秋",
                              "--profile", "icbc", "--out", again, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (itself, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "是当前打开的项目"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (no_profile, NULL, &err), ==, 2);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (unknown, NULL, &err), ==, 1);
    g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
  }
  /* Usage errors, exit 2 with the command's usage line: bank-return without its return file,
   * household without an action, set-account without --account, an option no command has. */
  {
    const char *no_return[] = { "bank-return", "--project", fixture->path, "--season", "2016 秋",
                                NULL };
    const char *no_action[] = { "household", "--project", fixture->path, NULL };
    const char *no_account[] = { "household", "set-account", "--project", fixture->path,
                                 "--code", "3714261102010003", NULL };
    const char *bad_option[] = { "bank-file", "--project", fixture->path, "--season", "2016 秋",
                                 "--profile", "generic", "--out", again, "--bogus", NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (no_return, NULL, &err), ==, 2);
    g_assert_cmpstr (err, ==, "furrow-cli: 用法：furrow-cli bank-return --project 文件 --season "
                              "名称 回盘文件.csv [--json]\n");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (no_action, NULL, &err), ==, 2);
    g_assert_true (g_str_has_prefix (err, "furrow-cli: 用法：furrow-cli household set-account "));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (no_account, NULL, &err), ==, 2);
    g_assert_true (g_str_has_prefix (err, "furrow-cli: 用法：furrow-cli household set-account "));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (bad_option, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--bogus"));
    g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/bank-file/cli", Fixture, furrow_test_store_set_up_empty,
                     test_cli, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.set_up = furrow_test_set_up_chinese);
