/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The payroll (furrow-payroll.h, docs/domain.md §12), read back as a user reads it: the PDF with
 * pdftotext, the XLSX by unzipping its sheet XML, furrow-cli run as a clerk runs it. Every
 * figure is worked by hand in the comments: the rows sum to the total, the page subtotals sum to
 * the total, the total reconciles with the settlement to the fen, and the capital numerals are
 * the ones docs/domain.md §11 prescribes. */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#include "furrow-payroll-testing.h"
#include "furrow-report-document.h"
#include "furrow-store-private.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

typedef FurrowTestStore Fixture;

/* Taozhuang (docs/domain.md §8), the store fixture's (furrow_test_store_add_taozhuang(), whose
 * comment works the totals by hand): 49,482.13, 44,811.02, 29,689.28 and 19,792.85 yuan to the
 * four households of full custody; the fifth owes (30 + 60) × 2.00 = 180.00 yuan. */
static const char *const *const names = furrow_test_taozhuang_names;
static const gint64 *const totals_fen = furrow_test_taozhuang_totals_fen;

static FurrowSeason *
settled_taozhuang (FurrowStore *store,
                   gboolean     settle)
{
  return furrow_test_store_add_taozhuang (store, FALSE, settle);
}

/* Page `page` of a PDF as <build>/screenshots/<name>.png, for a person to look at. */
static void
save_screenshot (const char *pdf,
                 int         page,
                 const char *name)
{
  const char *dir = g_getenv ("FURROW_SCREENSHOT_DIR");
  g_autofree char *shots = dir != NULL ? g_strdup (dir)
                                       : g_build_filename (g_get_tmp_dir (), "screenshots", NULL);
  g_autofree char *prefix = g_build_filename (shots, name, NULL);
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "110", "-f", number, "-l", number,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir_with_parents (shots, 0755), ==, 0);
  out = furrow_test_run_tool (argv);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* ¥ amounts on one page's text, in the order they stand, in fen. */
static GArray *
amounts_fen (const char *page)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (const char *p = page; (p = strstr (p, "¥")) != NULL; )
    {
      gint64 fen = 0;

      p += strlen ("¥");
      for (; g_ascii_isdigit (*p) || *p == ',' || *p == '.'; p++)
        if (g_ascii_isdigit (*p))
          fen = fen * 10 + (*p - '0');
      g_array_append_val (amounts, fen);
    }
  return amounts;
}

/* The Taozhuang payroll as a PDF: four households paid, the fifth (who owes fees) not; the
 * total, its capital numerals, the masked ID numbers, the signature lines, the date and the
 * reconciliation with the settlement. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store, TRUE);
  FurrowPayrollOptions options = { .date = "2017-01-20", .preparer = "赵会计" };
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "payroll.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GArray) amounts = NULL;
  const FurrowPayrollRow *rows;
  gsize n_rows;
  gint64 sum = 0;

  payroll = furrow_payroll_new_from_season (fixture->store, season, &options, &error);
  g_assert_no_error (error);
  rows = furrow_payroll_get_rows (payroll, &n_rows);
  g_assert_cmpuint (n_rows, ==, 4);
  for (gsize i = 0; i < n_rows; i++)
    {
      g_assert_cmpstr (rows[i].household->name, ==, names[i]);
      g_assert_cmpint (rows[i].household->total_fen, ==, totals_fen[i]);
      g_assert_null (rows[i].account);
      sum += rows[i].household->total_fen;
    }
  /* 49,482.13 + 44,811.02 + 29,689.28 + 19,792.85 = 143,775.28 yuan; the settlement gives
   * base 134,238.72 + dividend 9,536.56 − fees 180.00 = 143,595.28, which is the total less
   * the 180.00 the fifth household owes. */
  g_assert_cmpint (sum, ==, 14377528);
  g_assert_cmpint (furrow_payroll_get_total_fen (payroll), ==, 14377528);
  g_assert_cmpint (furrow_payroll_get_settlement_fen (payroll), ==, 14359528);
  g_assert_cmpuint (furrow_payroll_get_n_pages (payroll), ==, 1);

  furrow_payroll_write_pdf (payroll, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = furrow_test_pdf_text (path, " ");

  g_assert_nonnull (strstr (text, "宁津县陶庄土地股份合作社2016秋收益发放花名册"));
  for (guint c = 0; c < 5; c++)
    {
      static const char *const headers[] = { "序号", "户主", "身份证号", "发放金额（元）",
                                             "按手印" };

      g_assert_nonnull (strstr (text, headers[c]));
    }
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (strstr (text, names[i]));
  /* The household that owes fees has no row. */
  g_assert_null (strstr (text, names[4]));
  /* ID numbers masked, never whole. */
  g_assert_cmpuint (count (text, "**************1234"), ==, 4);
  g_assert_null (strstr (text, "371426196001011234"));

  /* The amounts in order: the four rows, the page subtotal, the total, then the settlement
   * and the 180.00 owed in the note. */
  amounts = amounts_fen (text);
  g_assert_cmpuint (amounts->len, >=, 6);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (g_array_index (amounts, gint64, i), ==, totals_fen[i]);
  g_assert_cmpint (g_array_index (amounts, gint64, 4), ==, 14377528);
  g_assert_cmpint (g_array_index (amounts, gint64, 5), ==, 14377528);
  /* 143,775.28: 14|3775 → 壹拾肆万 叁仟柒佰柒拾伍 元, 贰角捌分 (docs/domain.md §11). */
  g_assert_cmpuint (count (text, "人民币（大写）：壹拾肆万叁仟柒佰柒拾伍元贰角捌分"), ==, 2);
  g_assert_nonnull (strstr (text, "本页小计"));
  g_assert_nonnull (strstr (text, "合计（4户）"));
  g_assert_nonnull (strstr (text, "经办人：赵会计"));
  g_assert_nonnull (strstr (text, "审核人："));
  g_assert_nonnull (strstr (text, "负责人："));
  g_assert_nonnull (strstr (text, "日期：2017年1月20日"));
  g_assert_nonnull (strstr (text, "合计减去应缴服务费¥180.00（1户，不列入本花名册）后与结算相符，"
                                  "精确到分：¥143,595.28。"));

  save_screenshot (path, 1, "payroll");

  /* The audit row names the count and the total, not a person. */
  furrow_payroll_record_print (payroll, fixture->store, path, &error);
  g_assert_no_error (error);
}
FURROW_TEST_FIXTURE ("/furrow/io/payroll/pdf", Fixture, furrow_test_store_set_up_empty, test_pdf,
                     furrow_test_store_fixture_tear_down);

/* A report of 30 households in two village groups, household i (1–30) paid 1,000.00 yuan and i
 * fen: households 1–17 in group 37142611020100, 18–30 in 37142611020200. */
static FurrowReport *
two_groups_report (gint64 settlement_base_fen)
{
  FurrowReport *report = g_new0 (FurrowReport, 1);

  report->cooperative.name = g_strdup ("宁津县陶庄土地股份合作社");
  report->cooperative.village_code = g_strdup ("37142611020100");
  report->cooperative.season_name = g_strdup ("2016 秋");
  report->cooperative.base_total_fen = settlement_base_fen;
  report->n_households = 30;
  report->households = g_new0 (FurrowReportHousehold, 30);
  for (guint i = 1; i <= 30; i++)
    {
      FurrowReportHousehold *h = &report->households[i - 1];

      h->code = g_strdup_printf ("3714261102%s%04u", i <= 17 ? "0100" : "0200", i);
      h->name = g_strdup_printf ("户主%02u", i);
      h->id_number = g_strdup_printf ("3714261960010100%02u", i);
      h->custody = FURROW_CUSTODY_FULL;
      h->area_mu = 2.0;
      h->base_fen = 100000 + i;
      h->total_fen = 100000 + i;
    }
  return report;
}

/* Paging and groups, by hand. Σ (100,000 + i), i = 1…30 = 3,000,000 + 465 = 3,000,465 fen.
 * Group …0100 (i = 1–17): 1,700,000 + 153 = 1,700,153, pages of 12 and 5 rows:
 * 1,200,000 + 78 = 1,200,078 and 500,000 + 75 = 500,075. Group …0200 (i = 18–30):
 * 1,300,000 + 312 = 1,300,312, pages of 12 and 1: 1,200,000 + (18 + … + 29 = 282) = 1,200,282
 * and 100,030. Capital numerals (docs/domain.md §11):
 *   12,000.78 壹万贰仟元零柒角捌分      (元 place 0, 角 7: 零 after 元)
 *    5,000.75 伍仟元零柒角伍分
 *   17,001.53 壹万柒仟零壹元伍角叁分    (zeros between 7 and 1: one 零)
 *   12,002.82 壹万贰仟零贰元捌角贰分
 *    1,000.30 壹仟元零叁角              (no 整 after 角)
 *   13,003.12 壹万叁仟零叁元壹角贰分
 *   30,004.65 叁万零肆元陆角伍分        (the 千 place opens the lower group with 0: 零) */
static const struct
{
  const char *group;
  guint       first;     /* first household number on the page */
  guint       n_rows;
  gint64      subtotal_fen;
  const char *subtotal_words;
  gint64      group_total_fen;   /* on the group's last page, else 0 */
  const char *group_total_words;
} pages[] = {
  { "37142611020100", 1, 12, 1200078, "壹万贰仟元零柒角捌分", 0, NULL },
  { "37142611020100", 13, 5, 500075, "伍仟元零柒角伍分", 1700153, "壹万柒仟零壹元伍角叁分" },
  { "37142611020200", 18, 12, 1200282, "壹万贰仟零贰元捌角贰分", 0, NULL },
  { "37142611020200", 30, 1, 100030, "壹仟元零叁角", 1300312, "壹万叁仟零叁元壹角贰分" },
};

static void
test_by_group (Fixture       *fixture,
               gconstpointer  data)
{
  FurrowPayrollOptions options = { .by_group = TRUE, .date = "2017-01-20" };
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "payroll.pdf");
  g_autofree char *text = NULL;
  g_auto(GStrv) page_texts = NULL;
  gint64 subtotals = 0;

  payroll = furrow_payroll_new_for_report (two_groups_report (3000465), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_payroll_get_n_groups (payroll), ==, 2);
  g_assert_cmpuint (furrow_payroll_rows_per_page (), ==, 12);
  g_assert_cmpuint (furrow_payroll_get_n_pages (payroll), ==, 4);
  g_assert_cmpint (furrow_payroll_get_total_fen (payroll), ==, 3000465);

  furrow_payroll_write_pdf (payroll, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = furrow_test_pdf_text (path, " ");
  page_texts = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (page_texts), >=, 4);

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      const char *page = page_texts[p];
      g_autoptr(GArray) amounts = amounts_fen (page);
      g_autofree char *group = g_strdup_printf ("村民小组（发包方编码）：%s", pages[p].group);
      g_autofree char *subtotal_words = g_strdup_printf ("人民币（大写）：%s",
                                                         pages[p].subtotal_words);
      g_autofree char *page_number = g_strdup_printf ("第%u页/共4页", p + 1);
      gint64 rows_sum = 0;

      g_assert_nonnull (strstr (page, group));
      g_assert_nonnull (strstr (page, page_number));
      /* Rows numbered from 1 in each group: the first row's number and name. */
      for (guint r = 0; r < pages[p].n_rows; r++)
        {
          guint i = pages[p].first + r;
          g_autofree char *name = g_strdup_printf ("户主%02u", i);
          g_autofree char *masked = g_strdup_printf ("**************00%02u", i);

          g_assert_nonnull (strstr (page, name));
          g_assert_nonnull (strstr (page, masked));
          g_assert_cmpint (g_array_index (amounts, gint64, r), ==, 100000 + i);
          rows_sum += g_array_index (amounts, gint64, r);
        }
      /* The rows, then the page subtotal: the rows' sum. */
      g_assert_cmpint (g_array_index (amounts, gint64, pages[p].n_rows), ==,
                       pages[p].subtotal_fen);
      g_assert_cmpint (rows_sum, ==, pages[p].subtotal_fen);
      g_assert_nonnull (strstr (page, subtotal_words));
      subtotals += pages[p].subtotal_fen;
      if (pages[p].group_total_fen != 0)
        {
          g_autofree char *words = g_strdup_printf ("人民币（大写）：%s",
                                                    pages[p].group_total_words);

          g_assert_cmpint (g_array_index (amounts, gint64, pages[p].n_rows + 1), ==,
                           pages[p].group_total_fen);
          g_assert_nonnull (strstr (page, words));
          g_assert_nonnull (strstr (page, "经办人："));
        }
      else
        {
          g_assert_null (strstr (page, "经办人："));
        }
    }
  /* The group totals are their pages' subtotals, and all four make the total. */
  g_assert_cmpint (pages[0].subtotal_fen + pages[1].subtotal_fen, ==, pages[1].group_total_fen);
  g_assert_cmpint (pages[2].subtotal_fen + pages[3].subtotal_fen, ==, pages[3].group_total_fen);
  g_assert_cmpint (subtotals, ==, 3000465);
  g_assert_nonnull (strstr (page_texts[1], "合计（17户）"));
  g_assert_nonnull (strstr (page_texts[3], "合计（13户）"));
  g_assert_nonnull (strstr (page_texts[3], "各组总计（30户）"));
  g_assert_nonnull (strstr (page_texts[3], "人民币（大写）：叁万零肆元陆角伍分"));
  g_assert_nonnull (strstr (page_texts[3], "合计与结算相符，精确到分：¥30,004.65"));
  g_assert_null (strstr (page_texts[1], "各组总计"));
  save_screenshot (path, 4, "payroll-by-group-last-page");
}
FURROW_TEST_FIXTURE ("/furrow/io/payroll/by-group", Fixture, furrow_test_store_set_up_folder,
                     test_by_group, furrow_test_store_fixture_tear_down);

/* A settlement the rows do not add up to is said so on the last page, in words. */
static void
test_mismatch (Fixture       *fixture,
               gconstpointer  data)
{
  FurrowPayrollOptions options = { .date = "2017-01-20" };
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "payroll.pdf");
  g_autofree char *text = NULL;

  /* The settlement says 30,000.00; the rows make 30,004.65. */
  payroll = furrow_payroll_new_for_report (two_groups_report (3000000), &options, &error);
  g_assert_no_error (error);
  /* One list: 30 rows on 12 + 12 + 6. */
  g_assert_cmpuint (furrow_payroll_get_n_groups (payroll), ==, 1);
  g_assert_cmpuint (furrow_payroll_get_n_pages (payroll), ==, 3);
  furrow_payroll_write_pdf (payroll, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = furrow_test_pdf_text (path, " ");
  g_assert_nonnull (strstr (text, "以上各行合计与结算不符：应为¥30,000.00"));
  g_assert_nonnull (strstr (text, "合计（30户）"));
  g_assert_null (strstr (text, "各组总计"));
}
FURROW_TEST_FIXTURE ("/furrow/io/payroll/mismatch", Fixture, furrow_test_store_set_up_folder,
                     test_mismatch, furrow_test_store_fixture_tear_down);

/* Cell REF's stored value in fen. */
static gint64
xlsx_cell_fen (const char *sheet,
               const char *ref)
{
  g_autofree char *needle = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (sheet, needle);
  const char *value;
  const char *end;

  if (cell == NULL)
    g_error ("no cell %s", ref);
  end = strstr (cell, "</c>");
  value = strstr (cell, "<v>");
  g_assert_nonnull (value);
  g_assert_true (value < end);
  return (gint64) llround (g_ascii_strtod (value + 3, NULL) * 100.0);
}

/* The XLSX by group: one sheet per group named by its FBFBM; per page the rows and a subtotal
 * row (SUM formula, stored value the integer-fen sum) followed by a page break; the group total
 * sums the subtotals; the second sheet's last total adds both sheets' totals. Row numbers by
 * hand: title 1, subtitle 2, header 3; group …0100: rows 4–15, subtotal 16, rows 17–21,
 * subtotal 22, total 23; group …0200: rows 4–15, subtotal 16, row 17, subtotal 18, total 19,
 * all groups 20. */
static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  FurrowPayrollOptions options = { .by_group = TRUE, .date = "2017-01-20" };
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "payroll.xlsx");
  g_autofree char *workbook = NULL;
  g_autofree char *sheet1 = NULL;
  g_autofree char *sheet2 = NULL;
  g_autofree char *strings = NULL;
  gint64 sum = 0;

  payroll = furrow_payroll_new_for_report (two_groups_report (3000465), &options, &error);
  g_assert_no_error (error);
  furrow_payroll_write_xlsx (payroll, path, &error);
  g_assert_no_error (error);
  workbook = furrow_test_unzip (path, "xl/workbook.xml");
  sheet1 = furrow_test_unzip (path, "xl/worksheets/sheet1.xml");
  sheet2 = furrow_test_unzip (path, "xl/worksheets/sheet2.xml");
  strings = furrow_test_unzip (path, "xl/sharedStrings.xml");

  g_assert_nonnull (strstr (workbook, "name=\"37142611020100\""));
  g_assert_nonnull (strstr (workbook, "name=\"37142611020200\""));
  g_assert_nonnull (strstr (strings, "宁津县陶庄土地股份合作社 2016 秋收益发放花名册"));
  g_assert_nonnull (strstr (strings, "按手印处"));
  g_assert_nonnull (strstr (strings, "**************0001"));
  g_assert_null (strstr (strings, "371426196001010001"));

  for (guint i = 1; i <= 30; i++)
    {
      /* Sheet 1: household i on row 3 + i, or one further after the first subtotal;
       * sheet 2: household i on row i − 14, or one further after the subtotal. */
      const char *sheet = i <= 17 ? sheet1 : sheet2;
      guint row = i <= 17 ? (i <= 12 ? 3 + i : 4 + i) : (i <= 29 ? i - 14 : i - 13);
      g_autofree char *ref = g_strdup_printf ("E%u", row);
      gint64 fen = xlsx_cell_fen (sheet, ref);

      g_assert_cmpint (fen, ==, 100000 + i);
      sum += fen;
    }
  g_assert_cmpint (sum, ==, 3000465);

  g_assert_nonnull (strstr (sheet1, "<f>SUM(E4:E15)</f><v>12000.78</v>"));
  g_assert_nonnull (strstr (sheet1, "<f>SUM(E17:E21)</f><v>5000.75</v>"));
  g_assert_nonnull (strstr (sheet1, "<f>SUM(E16,E22)</f><v>17001.53</v>"));
  g_assert_nonnull (strstr (sheet2, "<f>SUM(E4:E15)</f><v>12002.82</v>"));
  g_assert_nonnull (strstr (sheet2, "<f>SUM(E17:E17)</f><v>1000.3</v>"));
  g_assert_nonnull (strstr (sheet2, "<f>SUM(E16,E18)</f><v>13003.12</v>"));
  g_assert_nonnull (strstr (sheet2, "<f>'37142611020100'!E23+'37142611020200'!E19</f>"
                                    "<v>30004.65</v>"));
  /* A page break after each page's subtotal but the group's last. */
  g_assert_nonnull (strstr (sheet1, "<brk id=\"16\""));
  g_assert_null (strstr (sheet1, "<brk id=\"22\""));
  g_assert_nonnull (strstr (sheet2, "<brk id=\"16\""));
  /* The totals in capital numerals beside them. */
  g_assert_nonnull (strstr (strings, "人民币（大写）：壹万柒仟零壹元伍角叁分"));
  g_assert_nonnull (strstr (strings, "人民币（大写）：壹仟元零叁角"));
  g_assert_nonnull (strstr (strings, "人民币（大写）：叁万零肆元陆角伍分"));
  g_assert_nonnull (strstr (strings, "经办人："));
  g_assert_nonnull (strstr (strings, "日期：2017年1月20日"));

  /* Anything but .pdf and .xlsx is refused. */
  {
    g_autofree char *csv = furrow_test_store_file (fixture, "payroll.csv");

    g_assert_false (furrow_payroll_write (payroll, csv, NULL, NULL, NULL, &error));
    g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/payroll/xlsx", Fixture, furrow_test_store_set_up_folder,
                     test_xlsx, furrow_test_store_fixture_tear_down);

/* Village group codes Excel cannot take as sheet names ("[]:*?/\\" are not allowed): those
 * sheets are "Sheet<n>", and the total of all groups still refers to them, a quote in a name
 * doubled. */
static void
test_xlsx_odd_codes (Fixture       *fixture,
                     gconstpointer  data)
{
  FurrowPayrollOptions options = { .by_group = TRUE };
  FurrowReport *report = two_groups_report (3000465);
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "odd.xlsx");
  g_autofree char *workbook = NULL;
  g_autofree char *sheet2 = NULL;

  /* Households 1–17 in group "3714/611020100", 18–30 in "3714'611020200", which sorts first
   * (' is 0x27, / is 0x2F): sheet 1 is "3714'611020200" (12 + 1 rows: its total on row
   * 3 + 13 + 2 + 1 = 19), sheet 2 "Sheet2" (12 + 5 rows: row 3 + 17 + 2 + 1 = 23). */
  for (guint i = 0; i < 30; i++)
    report->households[i].code[4] = i < 17 ? '/' : '\'';
  payroll = furrow_payroll_new_for_report (report, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_payroll_get_n_groups (payroll), ==, 2);
  furrow_payroll_write_xlsx (payroll, path, &error);
  g_assert_no_error (error);
  workbook = furrow_test_unzip (path, "xl/workbook.xml");
  sheet2 = furrow_test_unzip (path, "xl/worksheets/sheet2.xml");
  if (g_test_verbose ())
    g_printerr ("%s\n", workbook);
  g_assert_nonnull (strstr (workbook, "name=\"Sheet2\""));
  g_assert_true (strstr (workbook, "name=\"3714&apos;611020200\"") != NULL
                 || strstr (workbook, "name=\"3714'611020200\"") != NULL);
  g_assert_nonnull (strstr (sheet2, "<f>'3714''611020200'!E19+'Sheet2'!E23</f><v>30004.65</v>"));
}
FURROW_TEST_FIXTURE ("/furrow/io/payroll/xlsx-odd-codes", Fixture,
                     furrow_test_store_set_up_folder, test_xlsx_odd_codes,
                     furrow_test_store_fixture_tear_down);

/* A season not settled has no payroll; nor has a settlement that pays nobody. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store, FALSE);
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  FurrowReport *report;

  payroll = furrow_payroll_new_from_season (fixture->store, season, NULL, &error);
  g_assert_null (payroll);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "尚未结算"));
  g_clear_error (&error);

  report = two_groups_report (0);
  for (gsize i = 0; i < report->n_households; i++)
    report->households[i].total_fen = i == 0 ? -100 : 0;
  payroll = furrow_payroll_new_for_report (report, NULL, &error);
  g_assert_null (payroll);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
}
FURROW_TEST_FIXTURE ("/furrow/io/payroll/refused", Fixture, furrow_test_store_set_up_empty,
                     test_refused, furrow_test_store_fixture_tear_down);

static int
run_cli (const char **args,
         char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FURROW_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* furrow-cli payroll on the Taozhuang project: PDF and XLSX, the same total; exit 1 with one
 * line for a season not settled and for the project file (by its name, through a link, or its
 * journal) as the output (left untouched);
 * exit 2 without --out. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store, TRUE);
  g_autoptr(FurrowSeason) open_season = furrow_season_new ("2017 夏", 2017);
  g_autofree char *pdf = furrow_test_store_file (fixture, "发放花名册.pdf");
  g_autofree char *xlsx = furrow_test_store_file (fixture, "payroll.XLSX");
  g_autofree char *link = furrow_test_store_file (fixture, "link.pdf");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *text = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("FURROW_CLI") == NULL)
    {
      g_test_skip ("FURROW_CLI is not set to the built furrow-cli");
      return;
    }
  furrow_store_add_season (fixture->store, open_season, &error);
  g_assert_no_error (error);
  /* Posted from 2017-01-10 for 7 days, long over: the payroll may be written (docs/domain.md
   * §15; the refusals are tested in tests/cli/test-cli-notice.c). */
  g_assert_true (furrow_store_set_notice (fixture->store, season, "2017-01-10", 7, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  {
    const char *args[] = { "payroll", "--project", fixture->path, "--season", "2016 秋",
                           "--out", pdf, "--date", "2017-01-20", "--checker", "钱主任", NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &err), ==, 0);
    text = furrow_test_pdf_text (pdf, " ");
    g_assert_nonnull (strstr (text, "¥143,775.28人民币（大写）：壹拾肆万叁仟柒佰柒拾伍元贰角捌分"));
    g_assert_nonnull (strstr (text, "审核人：钱主任"));
  }
  {
    const char *args[] = { "payroll", "--project", fixture->path, "--season", "2016 秋",
                           "--out", xlsx, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (args, &err), ==, 0);
    sheet = furrow_test_unzip (xlsx, "xl/worksheets/sheet1.xml");
    /* Rows 4–7, the subtotal on 8, the total on 9. */
    g_assert_cmpint (xlsx_cell_fen (sheet, "E4") + xlsx_cell_fen (sheet, "E5")
                     + xlsx_cell_fen (sheet, "E6") + xlsx_cell_fen (sheet, "E7"), ==, 14377528);
    g_assert_cmpint (xlsx_cell_fen (sheet, "E9"), ==, 14377528);
  }

  before = file_digest (fixture->path);
  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  {
    const char *unsettled[] = { "payroll", "--project", fixture->path, "--season", "2017 夏",
                                "--out", pdf, NULL };
    const char *itself[] = { "payroll", "--project", fixture->path, "--season", "2016 秋",
                             "--out", fixture->path, NULL };
    const char *linked[] = { "payroll", "--project", fixture->path, "--season", "2016 秋",
                             "--out", link, NULL };
    const char *no_out[] = { "payroll", "--project", fixture->path, "--season", "2016 秋",
                             NULL };
    const char *journal[] = { "payroll", "--project", fixture->path, "--season", "2016 秋",
                              "--out", wal, NULL };
    /* A name for a signature line with a terminal escape in it (issue 12). */
    const char *escaped[] = { "payroll", "--project", fixture->path, "--season", "2016 秋",
                              "--out", pdf, "--preparer", "赵\033[2J会计", NULL };
    const char *cases[][2] = { { (const char *) unsettled, "尚未结算" },
                               { (const char *) escaped, "--preparer：姓名中含有控制字符（U+001B）" },
                               { (const char *) itself, "是当前打开的项目" },
                               { (const char *) linked, "是当前打开的项目" },
                               { (const char *) journal, "日志文件" } };

    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autofree char *err = NULL;

        g_assert_cmpint (run_cli ((const char **) cases[c][0], &err), ==, 1);
        g_assert_nonnull (strstr (err, cases[c][1]));
        g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
      }
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (no_out, &err), ==, 2);
    }
  }
  after = file_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* The audit log has the two prints, with the count and the total, no personal data. */
  fixture->store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) audit = _furrow_store_get_audit (fixture->store, "season:2016 秋");
    guint payrolls = 0;

    for (guint i = 0; audit[i] != NULL; i++)
      if (g_str_has_prefix (audit[i], "season.print.payroll|"))
        {
          g_assert_nonnull (strstr (audit[i], "4 households, 14377528 fen -> "));
          g_assert_null (strstr (audit[i], "1234"));
          payrolls++;
        }
    g_assert_cmpuint (payrolls, ==, 2);
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/payroll/cli", Fixture, furrow_test_store_set_up_empty, test_cli,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.set_up = furrow_test_set_up_chinese);
