/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "furrow-notice.h"
#include "furrow-season.h"
#include "furrow-store-notice.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* furrow-cli season notice|objection, the payroll refused before the notice ends (issue 14,
 * item 4; docs/domain.md §15) and furrow-cli ledger (item 5; §16), run as a clerk runs them on a
 * project of two households of 10 and 30 mu with two settled seasons. The figures are worked by
 * hand in tests/core/test-ledger.c (test_two_seasons) and again below. */

typedef FurrowTestStore Fixture;

#define HOUSEHOLD_1 "370782102201010001"
#define HOUSEHOLD_2 "370782102201010002"

/* The project: 2023 秋 (base 500 yuan/mu, revenue 30,000 yuan, split 10/0/30/60) and 2024 秋
 * (base 600 yuan/mu, revenue 34,000 yuan, split 10/0/50/40 with a reason), written and closed. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const double areas_mu[] = { 10.0, 30.0 };
  const FurrowSurplusSplit lawful = { 10, 0, 30, 60 };
  const FurrowSurplusSplit low = { 10, 0, 50, 40 };
  g_autoptr(FurrowField) field = NULL;

  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_EMPTY, NULL);
  field = furrow_test_store_add_cooperative (fixture->store, "F1", "东地", areas_mu, 2, 0);
  furrow_test_store_settle_fixed (fixture->store, field, "2023 秋", 2023, 50000, 3000000, &lawful, NULL);
  furrow_test_store_settle_fixed (fixture->store, field, "2024 秋", 2024, 60000, 3400000, &low, "合作社购置烘干机");
  g_clear_object (&fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_store_tear_down (fixture);
}

/* Today plus `days`, YYYY-MM-DD (the payroll checks the notice against the local day). */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static guint
count_audit (const char *path,
             const char *object,
             const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_store_open (path, &error);
  g_auto(GStrv) audit = NULL;
  guint n = 0;

  g_assert_no_error (error);
  audit = _furrow_store_get_audit (store, object);
  for (guint i = 0; audit[i] != NULL; i++)
    if (g_str_has_prefix (audit[i], prefix))
      n++;
  return n;
}

/* season notice and season objection: set, shown, refused; objections added, listed, resolved. */
static void
test_notice (Fixture       *fixture,
             gconstpointer  data)
{
  const char *p = fixture->path;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *array;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* Not posted yet. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", p, "notice",
                                        "2024 秋", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "has not been posted for public notice"));
  g_clear_pointer (&out, g_free);

  /* Refused: not a day, 0 days; a usage error without a season. Nothing written. */
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "notice",
                                        "2024 秋", "--start", "2024-02-30", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2024-02-30"));
  g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "notice",
                                        "2024 秋", "--start", "2024-11-20", "--days", "0", NULL),
                   ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "notice", NULL),
                   ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpuint (count_audit (p, "season:2024 秋", "season.notice|"), ==, 0);

  /* Set, with the season as --season: 2024-11-20 for 10 days ends on 2024-11-29. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", p, "notice",
                                        "--season", "2024 秋", "--start", "2024-11-20",
                                        "--days", "10", "--json", NULL), ==, 0);
  node = parse_json (out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "start"), ==, "2024-11-20");
  g_assert_cmpint (json_object_get_int_member (object, "days"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (object, "end"), ==, "2024-11-29");
  g_assert_cmpint (json_object_get_int_member (object, "objections"), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);
  /* --days alone keeps the start: 7 days from 2024-11-20 end on 2024-11-26. */
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", p, "notice",
                                        "2024 秋", "--days", "7", NULL), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", p, "notice",
                                        "2024 秋", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "public notice from 2024-11-20 for 7 days, to 2024-11-26"));
  g_clear_pointer (&out, g_free);

  /* Objections. */
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "objection", "add",
                                        "2024 秋", "--household", "370782102201019999",
                                        "--text", "有误", "--received", "2024-11-21", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "370782102201019999"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", p, "objection", "add",
                                        "2024 秋", "--household", HOUSEHOLD_1, "--text",
                                        "面积少算了0.3亩", "--received", "2024-11-21", NULL), ==, 0);
  g_assert_cmpint (g_ascii_strtoll (out, NULL, 10), >, 0);
  {
    g_autofree char *id = g_strstrip (g_steal_pointer (&out));

    g_autofree char *second = NULL;

    g_assert_cmpint (furrow_test_run_cli (&second, NULL, "season", "--project", p, "objection",
                                          "add", "--season", "2024 秋", "--household",
                                          HOUSEHOLD_2, "--text", "分红单价有误", "--received",
                                          "2024-11-22", NULL), ==, 0);
    /* Resolved before it was received: refused; then resolved. */
    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "objection",
                                          "resolve", "2024 秋", id, "--resolution", "已更正",
                                          "--resolved", "2024-11-20", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "2024-11-21"));
    g_clear_pointer (&err, g_free);
    /* Usage errors, exit 2 with the action's usage line: no --resolution, no --text, an
     * action objection does not have. */
    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "objection",
                                          "resolve", "2024 秋", id, NULL), ==, 2);
    g_assert_cmpstr (err, ==, "furrow-cli: usage: season objection resolve NAME ID --resolution "
                              "TEXT [--resolved YYYY-MM-DD]\n");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "objection",
                                          "add", "2024 秋", "--household", HOUSEHOLD_1, NULL),
                     ==, 2);
    g_assert_cmpstr (err, ==, "furrow-cli: usage: season objection add NAME --household CODE "
                              "--text TEXT [--received YYYY-MM-DD]\n");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "objection",
                                          "remove", "2024 秋", NULL), ==, 2);
    g_assert_true (g_str_has_prefix (err, "furrow-cli: usage: furrow-cli season --project FILE "
                                          "notice NAME "));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", p, "objection",
                                          "resolve", "2024 秋", id, "--resolution",
                                          "复测后更正为10.30亩", "--resolved", "2024-11-24",
                                          NULL), ==, 0);
    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "season", "--project", p, "objection",
                                          "resolve", "2024 秋", "x1", "--resolution", "…",
                                          NULL), ==, 1);
    g_assert_nonnull (strstr (err, "x1: not an objection number"));
    g_clear_pointer (&err, g_free);
  }
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", p, "objection",
                                        "list", "2024 秋", "--json", NULL), ==, 0);
  node = parse_json (out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "household"), ==, HOUSEHOLD_1);
  g_assert_cmpstr (json_object_get_string_member (object, "resolved"), ==, "2024-11-24");
  g_assert_cmpstr (json_object_get_string_member (object, "resolution"), ==,
                   "复测后更正为10.30亩");
  object = json_array_get_object_element (array, 1);
  g_assert_true (json_object_get_null_member (object, "resolved"));
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", p, "notice",
                                        "2024 秋", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 objections, 1 open."));
}
FURROW_TEST_FIXTURE ("/furrow/cli/notice/notice-and-objections", Fixture, fixture_set_up,
                     test_notice, fixture_tear_down);

/* The payroll before the notice has ended: exit 1 naming the last day; --force without a reason:
 * exit 1; with one: written, and the reason audited. After the notice, with an objection open:
 * exit 1; resolved: written. */
static void
test_payroll (Fixture       *fixture,
              gconstpointer  data)
{
  const char *p = fixture->path;
  g_autofree char *pdf = furrow_test_store_file (fixture, "payroll.pdf");
  g_autofree char *start = day_from_today (-2);
  g_autofree char *end = day_from_today (4);          /* −2 + 7 − 1 */
  g_autofree char *long_ago = day_from_today (-30);
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;

  /* Not posted at all. */
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "payroll", "--project", p, "--season",
                                        "2024 秋", "--out", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "has not been posted for public notice"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Posted two days ago for 7 days: its last day is in four days. */
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", p, "notice",
                                        "2024 秋", "--start", start, NULL), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "payroll", "--project", p, "--season",
                                        "2024 秋", "--out", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, end));
  g_assert_nonnull (strstr (err, "--force --reason"));
  g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  /* The bank file too (branch i14b's furrow-cli bank-file). */
  {
    g_autofree char *csv = furrow_test_store_file (fixture, "bank.csv");

    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "bank-file", "--project", p, "--season",
                                          "2024 秋", "--profile", "generic", "--out", csv, NULL),
                     ==, 1);
    g_assert_nonnull (strstr (err, end));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "payroll", "--project", p, "--season",
                                        "2024 秋", "--out", pdf, "--force", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "needs a reason"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpuint (count_audit (p, "season:2024 秋", "season.notice-override|"), ==, 0);

  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "payroll", "--project", p, "--season",
                                        "2024 秋", "--out", pdf, "--force", "--reason",
                                        "春节前发放，村委会决定", NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_audit (p, "season:2024 秋", "season.notice-override|payroll: "), ==, 1);
  g_remove (pdf);

  /* Posted a month ago: over; an objection open refuses it, resolving it lets it through. */
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", p, "notice",
                                        "2024 秋", "--start", long_ago, NULL), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (&id, NULL, "season", "--project", p, "objection", "add",
                                        "2024 秋", "--household", HOUSEHOLD_2, "--text",
                                        "分红单价有误", "--received", long_ago, NULL), ==, 0);
  g_strstrip (id);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "payroll", "--project", p, "--season",
                                        "2024 秋", "--out", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "1 open objection"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", p, "objection",
                                        "resolve", "2024 秋", id, "--resolution", "已核对无误",
                                        NULL), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "payroll", "--project", p, "--season",
                                        "2024 秋", "--out", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_audit (p, "season:2024 秋", "season.notice-override|"), ==, 1);
}
FURROW_TEST_FIXTURE ("/furrow/cli/notice/payroll", Fixture, fixture_set_up, test_payroll,
                     fixture_tear_down);

/* Cell REF's number in hundredths (yuan to the fen, a share in percent to 0.01). */
static gint64
cell_hundredths (const char *sheet,
                 const char *ref)
{
  g_autofree char *needle = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (sheet, needle);
  const char *value;

  g_assert_nonnull (cell);
  value = strstr (cell, "<v>");
  g_assert_nonnull (value);
  g_assert_true (value < strstr (cell, "</c>"));
  return (gint64) llround (g_ascii_strtod (value + 3, NULL) * 100.0);
}

/* furrow-cli ledger: the hand-worked accounts (tests/core/test-ledger.c) as JSON and XLSX, one
 * household, and a household that is not there. */
static void
test_ledger (Fixture       *fixture,
             gconstpointer  data)
{
  const char *p = fixture->path;
  g_autofree char *xlsx = furrow_test_store_file (fixture, "成员账户.xlsx");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *accounts;
  JsonArray *checks;
  JsonObject *account;
  JsonObject *total;
  JsonObject *check;

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "ledger", "--project", p, "--json", "--out",
                                        xlsx, NULL), ==, 0);
  node = parse_json (out);
  root = json_node_get_object (node);
  accounts = json_object_get_array_member (root, "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  /* Household 1, 10 mu: 2023 base 500,000 + returned 150,000 = 650,000; 2024 base 600,000 +
   * returned 100,000 = 700,000; balance 1,350,000. */
  account = json_array_get_object_element (accounts, 0);
  g_assert_cmpstr (json_object_get_string_member (account, "code"), ==, HOUSEHOLD_1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (account, "seasons")),
                    ==, 2);
  {
    JsonObject *first = json_array_get_object_element (json_object_get_array_member (account,
                                                                                     "seasons"),
                                                       0);

    g_assert_cmpstr (json_object_get_string_member (first, "season"), ==, "2023 秋");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "area_mu"), 10.0,
                                    1e-9);
    g_assert_cmpint (json_object_get_int_member (first, "base_fen"), ==, 500000);
    g_assert_cmpint (json_object_get_int_member (first, "returned_fen"), ==, 150000);
    g_assert_cmpint (json_object_get_int_member (first, "balance_fen"), ==, 650000);
  }
  total = json_object_get_object_member (account, "total");
  g_assert_cmpint (json_object_get_int_member (total, "base_fen"), ==, 1100000);
  g_assert_cmpint (json_object_get_int_member (total, "returned_fen"), ==, 250000);
  g_assert_cmpint (json_object_get_int_member (total, "due_fen"), ==, 1350000);
  g_assert_cmpint (json_object_get_int_member (total, "paid_fen"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (total, "balance_fen"), ==, 1350000);
  /* Household 2, 30 mu: 1,950,000 + 2,100,000 = 4,050,000. */
  account = json_array_get_object_element (accounts, 1);
  total = json_object_get_object_member (account, "total");
  g_assert_cmpint (json_object_get_int_member (total, "balance_fen"), ==, 4050000);
  /* The art. 44 checks: 600,000 of 900,000 (66.67 %) passes, 400,000 of 900,000 (44.44 %)
   * fails. */
  checks = json_object_get_array_member (root, "checks");
  g_assert_cmpuint (json_array_get_length (checks), ==, 2);
  check = json_array_get_object_element (checks, 0);
  g_assert_cmpint (json_object_get_int_member (check, "distributable_fen"), ==, 900000);
  g_assert_cmpint (json_object_get_int_member (check, "returned_fen"), ==, 600000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (check, "returned_pct"), 66.67,
                                  1e-9);
  g_assert_true (json_object_get_boolean_member (check, "passes"));
  check = json_array_get_object_element (checks, 1);
  g_assert_cmpint (json_object_get_int_member (check, "returned_fen"), ==, 400000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (check, "returned_pct"), 44.44,
                                  1e-9);
  g_assert_false (json_object_get_boolean_member (check, "passes"));
  g_clear_pointer (&out, g_free);

  /* The workbook: row 1 the title, row 2 the headers, then per household its seasons and a
   * total row; columns F base, G returned, I due, K balance (yuan). */
  sheet = furrow_test_unzip (xlsx, "xl/worksheets/sheet1.xml");
  g_assert_cmpint (cell_hundredths (sheet, "F3"), ==, 500000);
  g_assert_cmpint (cell_hundredths (sheet, "G3"), ==, 150000);
  g_assert_cmpint (cell_hundredths (sheet, "K4"), ==, 1350000);
  g_assert_cmpint (cell_hundredths (sheet, "I5"), ==, 1350000);   /* household 1's total */
  g_assert_cmpint (cell_hundredths (sheet, "E8"), ==, 6000);      /* household 2: 30 + 30 mu */
  g_assert_cmpint (cell_hundredths (sheet, "K8"), ==, 4050000);
  g_clear_pointer (&sheet, g_free);
  sheet = furrow_test_unzip (xlsx, "xl/worksheets/sheet2.xml");
  g_assert_cmpint (cell_hundredths (sheet, "C3"), ==, 900000);
  g_assert_cmpint (cell_hundredths (sheet, "D3"), ==, 600000);
  g_assert_cmpint (cell_hundredths (sheet, "E3"), ==, 6667);
  g_assert_cmpint (cell_hundredths (sheet, "E4"), ==, 4444);
  g_assert_cmpuint (count_audit (p, "ledger", "ledger.export|2 households, 2 seasons"), ==, 1);

  /* One household, as text. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "ledger", "--project", p, "--household",
                                        HOUSEHOLD_2, NULL), ==, 0);
  g_assert_nonnull (strstr (out, HOUSEHOLD_2));
  g_assert_null (strstr (out, HOUSEHOLD_1));
  g_assert_nonnull (strstr (out, "40,500.00"));
  g_assert_nonnull (strstr (out, "(44.44 %): LESS THAN 60 %"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "ledger", "--project", p, "--household",
                                        "370782102201019999", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "370782102201019999"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "ledger", "--project", p, "--out",
                                        "accounts.pdf", NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "ledger", NULL), ==, 2);
}
FURROW_TEST_FIXTURE ("/furrow/cli/notice/ledger", Fixture, fixture_set_up, test_ledger,
                     fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
