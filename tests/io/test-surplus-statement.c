/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Form 会农社02, the surplus and surplus-distribution statement (furrow-surplus-statement.h,
 * docs/domain.md §17), read back as the accountant reads it: the PDF with pdftotext, the XLSX by
 * unzipping its sheet XML, furrow-cli run as a clerk runs it. Every figure reconciles with the
 * settlement to the fen, worked by hand below. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "furrow-report.h"
#include "furrow-store-season.h"
#include "furrow-surplus-statement-testing.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

typedef FurrowTestStore Fixture;

/* Taozhuang (docs/domain.md §8, furrow_test_store_add_taozhuang()): 100 + 90.56 + 60 + 40 = 290.56 mu of full custody and a
 * household of 2.00 mu in half custody billed sowing 30 + harvest 60 yuan/mu = 180.00 yuan.
 * Revenue 236,412.00; cost 286 × 290.56 = 83,100.16; base 462 × 290.56 = 134,238.72; surplus
 * 236,412.00 − 83,100.16 − 134,238.72 = 19,073.12, split 0/0/50/50: reserve 0, collective 0,
 * cooperative 9,536.56, households 9,536.56. A second season of the same year on the same rules
 * sells for 200,000.00 only: 200,000.00 − 83,100.16 − 134,238.72 = −17,338.88, a deficit (the base
 * is still paid, no dividend), and the same 180.00 of fees. */

/* The rows by line (行次 1–20 of form 会农社02 as 财会〔2021〕37号 prints it: 一、经营收入 1,
 * 加：投资收益 2, 减：经营支出 3, 税金及附加 4, 管理费用 5, 财务费用 6, 二、经营收益 7, 加：其他收入 8,
 * 减：其他支出 9, 三、盈余总额 10, 减：所得税费用 11, 四、本年盈余 12, 加：年初未分配盈余 13, 其他转入 14,
 * 减：提取盈余公积 15, 五、可分配盈余 16, 减：盈余返还 17, 剩余盈余分配 18, 转为成员出资 19,
 * 六、年末未分配盈余 20; docs/domain.md §17), in fen; G_MININT64: blank. */
static const gint64 BLANK = G_MININT64;
#define N_LINES 20
static const gint64 autumn[N_LINES] = {
  23659200,             /*  1 operating income: 236,412.00 + 180.00 */
  G_MININT64,           /*  2 investment income, for the accountant */
  21733888,             /*  3 operating expenses: 83,100.16 + 134,238.72 */
  G_MININT64, G_MININT64, G_MININT64,                          /* 4–6 for the accountant */
  1925312,              /*  7 operating surplus: 236,592.00 − 217,338.88 = 19,253.12 */
  0,                    /*  8 other income: subsidies 0 + other income 0 */
  G_MININT64,           /*  9 other expenses */
  1925312,              /* 10 total surplus */
  G_MININT64,           /* 11 income tax */
  1925312,              /* 12 surplus of the year: the settlement's 19,073.12 + 180.00 */
  G_MININT64, G_MININT64,                                      /* 13–14 */
  0,                    /* 15 reserve */
  1925312,              /* 16 distributable: 12 + 13 + 14 − 15 */
  953656,               /* 17 returned: the households' dividend */
  0,                    /* 18 remaining: the collective's 0 */
  G_MININT64,           /* 19 converted into members' contributions */
  971656,               /* 20 undistributed: 19,253.12 − 9,536.56 = 9,716.56 = 9,536.56 + 180.00 */
};

static void
check_rows (FurrowSurplusStatement *statement,
            const gint64           *expected)
{
  const FurrowSurplusRow *rows;
  gsize n_rows;

  rows = furrow_surplus_statement_get_rows (statement, &n_rows);
  g_assert_cmpuint (n_rows, ==, N_LINES);
  for (gsize i = 0; i < n_rows; i++)
    {
      g_assert_cmpuint (rows[i].line, ==, i + 1);
      g_assert_cmpint (rows[i].known, ==, expected[i] != BLANK);
      if (expected[i] != BLANK)
        g_assert_cmpint (rows[i].fen, ==, expected[i]);
    }
}

/* The value of cell `ref` of a sheet's XML in fen, or BLANK for a cell without a value. */
static gint64
cell_fen (const char *sheet,
          const char *ref)
{
  g_autofree char *start = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (sheet, start);
  const char *end;
  const char *value;

  g_assert_nonnull (cell);
  end = strstr (cell, "</c>");
  value = strstr (cell, "<v>");
  if (value == NULL || (end != NULL && value > end) || strstr (cell, "/>") < strstr (cell, ">"))
    return BLANK;
  return (gint64) llround (g_ascii_strtod (value + 3, NULL) * 100.0);
}

/* The formula of cell `ref` (static storage for the last call), or "" without one. */
static const char *
cell_formula (const char *sheet,
              const char *ref)
{
  static char formula[128];
  g_autofree char *start = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (sheet, start);
  const char *end;
  const char *f;
  const char *f_end;

  g_assert_nonnull (cell);
  end = strstr (cell, "</c>");
  f = strstr (cell, "<f>");
  formula[0] = '\0';
  if (f == NULL || end == NULL || f > end)
    return formula;
  f += 3;
  f_end = strstr (f, "</f>");
  g_assert_nonnull (f_end);
  g_assert_cmpint (f_end - f, <, (int) sizeof formula);
  memcpy (formula, f, (gsize) (f_end - f));
  formula[f_end - f] = '\0';
  return formula;
}

/* One settled season: the rows, the PDF's text and the XLSX's cells. */
static void
test_season (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSurplusStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = furrow_test_store_file (fixture, "s.pdf");
  g_autofree char *xlsx = furrow_test_store_file (fixture, "s.xlsx");
  g_autofree char *text = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;

  season = furrow_test_store_add_taozhuang (fixture->store, FALSE, FALSE);
  statement = furrow_surplus_statement_new_for_season (fixture->store, season, &error);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_assert_null (statement);
  g_clear_error (&error);
  furrow_store_settle_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);

  statement = furrow_surplus_statement_new_for_season (fixture->store, season, &error);
  g_assert_no_error (error);
  check_rows (statement, autumn);

  furrow_surplus_statement_write (statement, pdf, &error);
  g_assert_no_error (error);
  text = furrow_test_pdf_text (pdf, " \n");
  g_assert_nonnull (strstr (text, "盈余及盈余分配表"));
  g_assert_nonnull (strstr (text, "编制单位：宁津县陶庄土地股份合作社"));
  g_assert_nonnull (strstr (text, "会农社02表"));
  g_assert_nonnull (strstr (text, "项目行次本年金额上年金额"));
  g_assert_nonnull (strstr (text, "一、经营收入1236,592.00加：投资收益2减：经营支出3217,338.88"));
  g_assert_nonnull (strstr (text, "税金及附加4管理费用5财务费用6"));   /* blank */
  g_assert_nonnull (strstr (text, "二、经营收益719,253.12加：其他收入80.00减：其他支出9"));
  g_assert_nonnull (strstr (text, "三、盈余总额1019,253.12减：所得税费用11"));
  g_assert_nonnull (strstr (text, "四、本年盈余1219,253.12加：年初未分配盈余13其他转入14"));
  g_assert_nonnull (strstr (text, "减：提取盈余公积150.00五、可分配盈余1619,253.12"));
  g_assert_nonnull (strstr (text, "减：盈余返还179,536.56剩余盈余分配180.00转为成员出资19"));
  g_assert_nonnull (strstr (text, "六、年末未分配盈余209,716.56"));
  g_assert_null (strstr (text, "销售费用"));
  g_assert_null (strstr (text, "补助收入"));
  /* 9,536.56 of 19,073.12 − 0 distributable: 50 %, the split's. */
  g_assert_nonnull (strstr (text, "占可分配盈余的50%"));
  g_assert_nonnull (strstr (text, "结算盈余¥19,073.12加服务费"));

  furrow_surplus_statement_write (statement, xlsx, &error);
  g_assert_no_error (error);
  sheet = furrow_test_unzip (xlsx, "xl/worksheets/sheet1.xml");
  strings = furrow_test_unzip (xlsx, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "一、经营收入"));
  g_assert_nonnull (strstr (strings, "六、年末未分配盈余"));
  g_assert_nonnull (strstr (strings, "上年金额"));
  /* Line n is row n + 3: amounts as numbers, blanks empty, totals formulas holding the sums
   * as the form's notes (7) (9) (11) (15) (19) compute them. */
  g_assert_cmpstr (cell_formula (sheet, "C10"), ==, "C4+C5-C6-C7-C8-C9");
  g_assert_cmpstr (cell_formula (sheet, "C13"), ==, "C10+C11-C12");
  g_assert_cmpstr (cell_formula (sheet, "C15"), ==, "C13-C14");
  g_assert_cmpstr (cell_formula (sheet, "C19"), ==, "C15+C16+C17-C18");
  g_assert_cmpstr (cell_formula (sheet, "C23"), ==, "C19-C20-C21-C22");
  /* The stored value is the double nearest the amount in yuan (9536.559999999999): to the fen,
   * the amount. */
  g_assert_cmpint (cell_fen (sheet, "C20"), ==, 953656);
  /* Last year's column is for the accountant. */
  g_assert_cmpint (cell_fen (sheet, "D4"), ==, BLANK);
  g_assert_cmpint (cell_fen (sheet, "D23"), ==, BLANK);
  for (guint line = 1; line <= N_LINES; line++)
    {
      g_autofree char *cell = g_strdup_printf ("C%u", line + 3);

      if (autumn[line - 1] == BLANK)
        g_assert_cmpint (cell_fen (sheet, cell), ==, BLANK);
      else
        g_assert_cmpint (cell_fen (sheet, cell), ==, autumn[line - 1]);
    }

  furrow_surplus_statement_record_print (statement, fixture->store, xlsx, &error);
  g_assert_no_error (error);
}
FURROW_TEST_FIXTURE ("/furrow/io/surplus-statement/season", Fixture,
                     furrow_test_store_set_up_empty, test_season,
                     furrow_test_store_fixture_tear_down);

/* The crop year: refused while a season of it is not settled (named), then the two seasons
 * summed. Summer: 1 200,000.00 + 180.00 = 200,180.00; 3 217,338.88; 7 and 12 −17,158.88; no
 * reserve or dividend. The year: 1 436,772.00; 3 434,677.76; 12 19,253.12 − 17,158.88 =
 * 2,094.24; 17 9,536.56; 20 2,094.24 − 9,536.56 = −7,442.32. */
static void
test_year (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FurrowSeason) first = NULL;
  g_autoptr(FurrowSeason) second = NULL;
  g_autoptr(FurrowSurplusStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  gint64 year[N_LINES];

  first = furrow_test_store_add_taozhuang (fixture->store, FALSE, TRUE);
  second = furrow_test_store_add_taozhuang_season (fixture->store, "2016 夏", 20000000, FALSE);
  statement = furrow_surplus_statement_new_for_year (fixture->store, 2016, &error);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2016 夏"));
  g_assert_null (statement);
  g_clear_error (&error);
  statement = furrow_surplus_statement_new_for_year (fixture->store, 2015, &error);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  furrow_store_settle_season (fixture->store, second, NULL, &error);
  g_assert_no_error (error);
  statement = furrow_surplus_statement_new_for_year (fixture->store, 2016, &error);
  g_assert_no_error (error);
  memcpy (year, autumn, sizeof year);
  year[0] = 43677200;
  year[2] = 43467776;
  year[6] = year[9] = year[11] = year[15] = 209424;
  year[19] = -744232;
  check_rows (statement, year);
}
FURROW_TEST_FIXTURE ("/furrow/io/surplus-statement/year", Fixture,
                     furrow_test_store_set_up_empty, test_year,
                     furrow_test_store_fixture_tear_down);

/* furrow-cli surplus-statement: PDF and XLSX by season and by year; exit 2 for both or neither
 * of --season and --year; exit 1 for a season not settled, another extension and the project
 * as the output. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = NULL;
  g_autofree char *pdf = furrow_test_store_file (fixture, "s.pdf");
  g_autofree char *xlsx = furrow_test_store_file (fixture, "s.xlsx");
  g_autofree char *csv = furrow_test_store_file (fixture, "s.csv");
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;

  season = furrow_test_store_add_taozhuang (fixture->store, FALSE, TRUE);
  g_clear_object (&season);
  season = furrow_test_store_add_taozhuang_season (fixture->store, "2017 夏", 23641200, FALSE);
  g_clear_object (&fixture->store);

  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "surplus-statement", "--project",
                                        fixture->path, "--season", "2016 秋", "--out", pdf,
                                        NULL), ==, 0);
  text = furrow_test_pdf_text (pdf, " \n");
  g_assert_nonnull (strstr (text, "六、年末未分配盈余209,716.56"));
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "surplus-statement", "--project",
                                        fixture->path, "--year", "2016", "--out", xlsx, NULL),
                   ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "surplus-statement", "--project",
                                        fixture->path, "--season", "2016 秋", "--year", "2016",
                                        "--out", pdf, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "surplus-statement", "--project",
                                        fixture->path, "--out", pdf, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "surplus-statement", "--project",
                                        fixture->path, "--season", "2017 夏", "--out", pdf,
                                        NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2017 夏"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "surplus-statement", "--project",
                                        fixture->path, "--year", "2017", "--out", pdf, NULL),
                   ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "surplus-statement", "--project",
                                        fixture->path, "--season", "2016 秋", "--out", csv,
                                        NULL), ==, 1);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "surplus-statement", "--project",
                                        fixture->path, "--season", "2016 秋", "--out",
                                        fixture->path, NULL), ==, 1);
}
FURROW_TEST_FIXTURE ("/furrow/io/surplus-statement/cli", Fixture,
                     furrow_test_store_set_up_empty, test_cli,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.set_up = furrow_test_set_up_chinese);
