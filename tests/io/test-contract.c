/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Custody service contracts (furrow-contract.h, docs/domain.md §13), read back as a household
 * reads them: the PDF's text with pdftotext, furrow-cli run as a clerk runs it. The plots, their
 * codes and mu are the register's; the base and the fees are worked out by hand below, in
 * figures and in capital numerals (docs/domain.md §11); the ID and phone numbers are masked. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "furrow-contract.h"
#include "furrow-report-private.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

typedef FurrowTestStore Fixture;

/* Taozhuang (docs/domain.md §8) in four households of full custody, 60 + 40 = 100.00 (two
 * plots), 90.56, 60.00 and 40.00 mu = 290.56 mu, and a fifth of 2.00 mu in half custody that
 * takes sowing (30 yuan/mu) and harvest (60 yuan/mu). The in-kind base is 550 kg × 1.36 yuan −
 * 286 yuan = 748 − 286 = 462 yuan/mu, so the bases are 462 × 100 = 46,200.00, 462 × 90.56 =
 * 41,838.72, 462 × 60 = 27,720.00 and 462 × 40 = 18,480.00 yuan (Σ 134,238.72, the worked case of
 * docs/domain.md §8); the fifth owes (30 + 60) × 2.00 = 180.00 yuan. A sixth household has both
 * kinds: 10.00 mu of full custody, base 462 × 10.00 = 4,620.00 yuan, and 3.00 mu of half custody,
 * fees 90 × 3.00 = 270.00 yuan. */
#define GROUP "37142611020100"   /* county 371426, township 110, village 201, group 00 */
static const char *const names[] = { "张建国", "王秀英", "李志强", "刘桂兰", "陈玉珍", "赵春华" };
static const struct
{
  guint       household;  /* 1–5 */
  guint       serial;     /* the DKBM's last 5 digits */
  double      area_mu;
} plots[] = {
  { 1, 1, 60.00 }, { 1, 6, 40.00 }, { 2, 2, 90.56 }, { 3, 3, 60.00 }, { 4, 4, 40.00 },
  { 5, 5, 2.00 }, { 6, 7, 10.00 }, { 6, 8, 3.00 },
};

static FurrowSeason *
taozhuang (FurrowStore *store,
           gboolean     settle)
{
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;

  furrow_store_set_cooperative (store, "宁津县陶庄土地股份合作社", GROUP, NULL, &error);
  g_assert_no_error (error);
  furrow_field_set_code (field, "F1");
  furrow_field_set_name (field, "东大片");
  furrow_store_add_field (store, field, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(FurrowHousehold) household = furrow_household_new ();
      g_autofree char *code = g_strdup_printf (GROUP "%04u", i + 1);

      furrow_household_set_code (household, code);
      furrow_household_set_name (household, names[i]);
      furrow_household_set_id_number (household, "371426196001011234");
      furrow_household_set_phone (household, "13800000001");
      furrow_store_add_household (store, household, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (plots); i++)
    {
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
      g_autofree char *code = g_strdup_printf (GROUP "%04u", plots[i].household);
      g_autofree char *dkbm = g_strdup_printf (GROUP "%05u", plots[i].serial);

      furrow_parcel_set_code (parcel, dkbm);
      furrow_parcel_set_household_code (parcel, code);
      furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
      furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (plots[i].area_mu));
      furrow_parcel_set_custody (parcel, plots[i].household == 5 || plots[i].serial == 8
                                         ? FURROW_CUSTODY_HALF : FURROW_CUSTODY_FULL);
      furrow_parcel_set_entrusted_from (parcel, "2016-06-01");
      furrow_parcel_set_entrusted_to (parcel, "2016-10-31");
      furrow_store_add_parcel (store, parcel, &error);
      g_assert_no_error (error);
    }

  season = furrow_test_store_new_taozhuang_season (store);
  furrow_test_store_harvest_taozhuang (store, season, field, settle);
  return g_steal_pointer (&season);
}

/* The PDF's pages, spaces and line breaks removed (pdftotext breaks lines and drops some spaces
 * between Chinese and digits), one string per page. */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = furrow_test_run_tool (argv);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint p = 0; pages[p] != NULL; p++)
    {
      GString *page = g_string_new (NULL);

      for (const char *c = pages[p]; *c != '\0'; c++)
        if (*c != ' ' && *c != '\n')
          g_string_append_c (page, *c);
      if (page->len > 0)
        g_ptr_array_add (out, g_string_free (page, FALSE));
      else
        g_string_free (page, TRUE);
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
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
  const char *argv[] = { "pdftoppm", "-png", "-r", "110", "-f", number, "-l", number,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir_with_parents (shots, 0755), ==, 0);
  out = furrow_test_run_tool (argv);
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

/* The text of one household's contract: its pages joined. */
static char *
contract_text (GStrv        pages,
               const char  *code)
{
  g_autofree char *footer = g_strdup_printf ("合同%s·", code);
  GString *text = g_string_new (NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    if (strstr (pages[p], footer) != NULL)
      g_string_append (text, pages[p]);
  return g_string_free (text, FALSE);
}

#define ALL_HOUSEHOLDS 0x3f

/* Household 1: two plots, 60.00 + 40.00 = 100.00 mu; the code's parts 371426 | 110 | 201 |
 * 00; base 462 × 100.00 = 46,200.00 yuan: 4|6200 → 肆万 陆仟贰佰 元整. */
static void
check_first (GStrv pages)
{
  g_autofree char *first = contract_text (pages, GROUP "0001");

  g_assert_nonnull (strstr (first, "农业生产托管服务合同"));
  g_assert_nonnull (strstr (first, "甲方（委托方、接受服务方）：张建国"));
  g_assert_nonnull (strstr (first, "乙方（受托方、提供服务方）：宁津县陶庄土地股份合作社"));
  g_assert_nonnull (strstr (first, "合同编号：2016-" GROUP "0001"));
  g_assert_nonnull (strstr (first, "下列2块地块共100.00亩"));
  g_assert_nonnull (strstr (first, "1371426110201003714261102010000001"));
  g_assert_nonnull (strstr (first, "2371426110201003714261102010000006"));
  g_assert_nonnull (strstr (first, "60.00玉米全托管"));
  g_assert_nonnull (strstr (first, "40.00玉米全托管"));
  g_assert_nonnull (strstr (first, "合计100.00"));
  g_assert_nonnull (strstr (first, "托管地块东大片：单作玉米"));
  g_assert_nonnull (strstr (first, "在2016年6月1日至2016年10月31日期间"));
  g_assert_nonnull (strstr (first, "保底收益：每亩550公斤玉米，按每公斤¥1.36折价，扣除本季每亩成本，"
                                   "即每亩¥462.00；按甲方全托管确权面积100.00亩计，乙方向甲方支付"
                                   "¥46,200.00。"));
  g_assert_nonnull (strstr (first, "人民币（大写）：肆万陆仟贰佰元整"));
  g_assert_nonnull (strstr (first, "提取公积金0%、村集体0%、合作社50%，承包户50%按托管面积分红"));
  g_assert_null (strstr (first, "服务费用：上述"));
  g_assert_nonnull (strstr (first, "第九条争议解决"));
  g_assert_nonnull (strstr (first, "甲方（签字并按手印）："));
  g_assert_nonnull (strstr (first, "签订时间：______年____月____日"));
}

/* Household 2: 462 × 90.56 = 41,838.72 yuan: 4|1838 元 7 角 2 分 → 肆万壹仟捌佰叁拾捌元柒角贰分. */
static void
check_second (GStrv pages)
{
  g_autofree char *second = contract_text (pages, GROUP "0002");

  g_assert_nonnull (strstr (second, "下列1块地块共90.56亩"));
  g_assert_nonnull (strstr (second, "1371426110201003714261102010000002"));
  g_assert_nonnull (strstr (second, "乙方向甲方支付¥41,838.72。"));
  g_assert_nonnull (strstr (second, "人民币（大写）：肆万壹仟捌佰叁拾捌元柒角贰分"));
}

/* Household 5, half custody: its operations and (30 + 60) × 2.00 = 180.00 yuan owed, 壹佰捌拾元整;
 * no base. */
static void
check_fifth (GStrv pages)
{
  g_autofree char *fifth = contract_text (pages, GROUP "0005");

  g_assert_nonnull (strstr (fifth, "2.00玉米半托管"));
  g_assert_nonnull (strstr (fifth, "由乙方完成以下作业环节：sowing¥30.00/亩、harvest¥60.00/亩"));
  g_assert_nonnull (strstr (fifth, "服务费用：上述作业环节合计每亩¥90.00；按甲方半托管确权面积2.00亩计，"
                                   "甲方向乙方支付¥180.00。"));
  g_assert_nonnull (strstr (fifth, "人民币（大写）：壹佰捌拾元整"));
  g_assert_null (strstr (fifth, "保底收益："));
}

/* Household 6, both kinds of custody: the base on its full-custody mu and the fees on its
 * half-custody mu, each in figures and in capital numerals: 4,620.00 肆仟陆佰贰拾元整, 270.00
 * 贰佰柒拾元整. */
static void
check_sixth (GStrv pages)
{
  g_autofree char *sixth = contract_text (pages, GROUP "0006");

  g_assert_nonnull (strstr (sixth, "下列2块地块共13.00亩"));
  g_assert_nonnull (strstr (sixth, "10.00玉米全托管"));
  g_assert_nonnull (strstr (sixth, "3.00玉米半托管"));
  g_assert_nonnull (strstr (sixth, "按甲方全托管确权面积10.00亩计，乙方向甲方支付¥4,620.00。"));
  g_assert_nonnull (strstr (sixth, "人民币（大写）：肆仟陆佰贰拾元整"));
  g_assert_nonnull (strstr (sixth, "按甲方半托管确权面积3.00亩计，甲方向乙方支付¥270.00。"));
  g_assert_nonnull (strstr (sixth, "人民币（大写）：贰佰柒拾元整"));
}

/* What the contracts of the Taozhuang season say, settled or not: the numbers are the same
 * (the settlement engine on the same rules). `households` has bit i − 1 set for each household i
 * the file holds (1, 2 and 5 are read). */
static void
check_contracts (const char *path,
                 guint       households)
{
  g_auto(GStrv) pages = pdf_pages (path);
  g_autofree char *all = g_strjoinv ("", pages);

  if (households & 1)
    check_first (pages);
  if (households & 2)
    check_second (pages);
  if (households & 16)
    check_fifth (pages);
  if (households & 32)
    check_sixth (pages);
  if (households != ALL_HOUSEHOLDS)
    return;
  /* Every household's ID and phone numbers masked on every contract, never whole. */
  g_assert_cmpuint (count (all, "身份证号码：**************1234"), ==, 6);
  g_assert_cmpuint (count (all, "联系电话：138****0001"), ==, 6);
  g_assert_null (strstr (all, "371426196001011234"));
  g_assert_null (strstr (all, "13800000001"));
}

/* A settled season: one PDF with the five contracts, each on its own pages, numbered per
 * contract; no cell cut short. */
static void
test_settled (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = taozhuang (fixture->store, TRUE);
  g_autoptr(FurrowContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "contracts.pdf");
  guint ellipsized = furrow_report_count_ellipsized ();
  g_auto(GStrv) pages = NULL;

  contract = furrow_contract_new_from_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_contract_get_n_households (contract), ==, 6);
  g_assert_cmpstr (furrow_contract_get_household_code (contract, 0), ==, GROUP "0001");
  g_assert_cmpstr (furrow_contract_get_household_code (contract, 4), ==, GROUP "0005");
  furrow_contract_write_pdf (contract, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_report_count_ellipsized (), ==, ellipsized);

  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, furrow_contract_get_n_pages (contract));
  /* Two pages a contract: the articles, then the signatures on page 2. */
  g_assert_cmpuint (furrow_contract_get_n_pages (contract), ==, 12);
  g_assert_nonnull (strstr (pages[0], "合同" GROUP "0001·第1页/共2页"));
  g_assert_nonnull (strstr (pages[1], "合同" GROUP "0001·第2页/共2页"));
  g_assert_nonnull (strstr (pages[9], "合同" GROUP "0005·第2页/共2页"));
  g_assert_nonnull (strstr (pages[11], "合同" GROUP "0006·第2页/共2页"));
  check_contracts (path, ALL_HOUSEHOLDS);
  save_screenshot (path, 1, "contract-1");
  save_screenshot (path, 2, "contract-2");

  /* The audit row counts the households and names the file, never a person. */
  furrow_contract_record_print (contract, fixture->store, path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) log = furrow_store_get_audit_log (fixture->store, "season:2016 秋",
                                                           &error);
    const FurrowAuditEntry *last;
    g_autofree char *detail = g_strdup_printf ("6 households -> %s", path);

    g_assert_no_error (error);
    last = log->pdata[log->len - 1];
    g_assert_cmpstr (last->action, ==, "season.print.contracts");
    g_assert_cmpstr (last->detail, ==, detail);
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/contract/settled", Fixture, furrow_test_store_set_up_empty,
                     test_settled, furrow_test_store_fixture_tear_down);

static void
count_files (gsize    done,
             gsize    total,
             gpointer user_data)
{
  guint *calls = user_data;

  /* One call a file written, in order, of the six. */
  g_assert_cmpuint (total, ==, 6);
  g_assert_cmpuint (done, ==, ++*calls);
}

/* One PDF a household in a folder (`furrow-cli contract --out DIR`, docs/architecture.md): each
 * "<CBFBM>.pdf" holds that household's two pages, numbered 1 and 2 of 2, and says what the
 * one file says of it (households 1 and 5 read as in test_settled); nothing else is left in the
 * folder. */
static void
test_files_dir (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = taozhuang (fixture->store, TRUE);
  g_autoptr(FurrowContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = furrow_test_store_file (fixture, "contracts");
  guint calls = 0;
  guint n_files = 0;

  contract = furrow_contract_new_from_season (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_contract_write_pdfs_dir (contract, dir, NULL, count_files, &calls,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      const char *code = furrow_contract_get_household_code (contract, i);
      g_autofree char *name = g_strdup_printf ("%s.pdf", code);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *first = g_strdup_printf ("合同%s·第1页/共2页", code);
      g_autofree char *second = g_strdup_printf ("合同%s·第2页/共2页", code);
      g_auto(GStrv) pages = pdf_pages (path);

      g_assert_cmpuint (g_strv_length (pages), ==, 2);
      g_assert_nonnull (strstr (pages[0], first));
      g_assert_nonnull (strstr (pages[1], second));
      if (i == 0)
        check_contracts (path, 1);
      if (i == 4)
        check_contracts (path, 16);
    }
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
    const char *entry;

    g_assert_no_error (error);
    while ((entry = g_dir_read_name (listing)) != NULL)
      {
        g_assert_true (g_str_has_prefix (entry, GROUP) && g_str_has_suffix (entry, ".pdf"));
        n_files++;
      }
  }
  g_assert_cmpuint (n_files, ==, 6);
}
FURROW_TEST_FIXTURE ("/furrow/io/contract/files-dir", Fixture, furrow_test_store_set_up_empty,
                     test_files_dir, furrow_test_store_fixture_tear_down);

/* A season not yet harvested or settled: the same figures from the season's rules (the engine
 * on the prediction), and one household alone with the term, date and place given. */
static void
test_planning (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = taozhuang (fixture->store, FALSE);
  FurrowContractOptions options = { .household_code = GROUP "0002", .start_date = "2016-06-10",
                                    .end_date = "2016-10-20", .signing_date = "2016-05-28",
                                    .signing_place = "陶庄村委会" };
  g_autoptr(FurrowContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = furrow_test_store_file (fixture, "one.pdf");
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (furrow_season_get_state (season), !=, FURROW_SEASON_SETTLED);
  contract = furrow_contract_new_from_season (fixture->store, season, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_contract_get_n_households (contract), ==, 1);
  furrow_contract_write_pdf (contract, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  pages = pdf_pages (path);
  text = g_strjoinv ("", pages);
  g_assert_null (strstr (text, "张建国"));
  g_assert_nonnull (strstr (text, "甲方（委托方、接受服务方）：王秀英"));
  g_assert_nonnull (strstr (text, "乙方向甲方支付¥41,838.72。"));
  g_assert_nonnull (strstr (text, "人民币（大写）：肆万壹仟捌佰叁拾捌元柒角贰分"));
  g_assert_nonnull (strstr (text, "在2016年6月10日至2016年10月20日期间"));
  g_assert_nonnull (strstr (text, "签订地点：陶庄村委会"));
  g_assert_nonnull (strstr (text, "签订时间：2016年5月28日"));

  /* A household not in the register, and one without parcels, are refused. */
  g_clear_pointer (&contract, furrow_contract_free);
  options.household_code = GROUP "0099";
  contract = furrow_contract_new_from_season (fixture->store, season, &options, &error);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_assert_null (contract);
  g_clear_error (&error);
  {
    g_autoptr(FurrowHousehold) household = furrow_household_new ();

    furrow_household_set_code (household, GROUP "0007");
    furrow_household_set_name (household, "无地户");
    furrow_store_add_household (fixture->store, household, &error);
    g_assert_no_error (error);
  }
  options.household_code = GROUP "0007";
  contract = furrow_contract_new_from_season (fixture->store, season, &options, &error);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, GROUP "0007"));
}
FURROW_TEST_FIXTURE ("/furrow/io/contract/planning", Fixture, furrow_test_store_set_up_empty,
                     test_planning, furrow_test_store_fixture_tear_down);

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* furrow-cli contract: --all into one PDF and into a folder of one PDF per household (the same
 * figures), --household alone; exit 2 for --household with --all or neither, exit 1 for an
 * unknown household, a bad date and the project as the output (left untouched). */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = taozhuang (fixture->store, TRUE);
  g_autofree char *pdf = furrow_test_store_file (fixture, "all.pdf");
  g_autofree char *dir = furrow_test_store_file (fixture, "contracts");
  g_autofree char *one = furrow_test_store_file (fixture, "one.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  g_clear_object (&fixture->store);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--all", "--out", pdf, NULL),
                   ==, 0);
  check_contracts (pdf, ALL_HOUSEHOLDS);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--all", "--out", dir, NULL),
                   ==, 0);
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *name = g_strdup_printf (GROUP "%04u.pdf", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_auto(GStrv) pages = NULL;

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      pages = pdf_pages (path);
      g_assert_cmpuint (g_strv_length (pages), ==, 2);
      /* Each file holds its household's contract alone, with the same figures. */
      check_contracts (path, 1u << (i - 1));
      g_assert_null (strstr (pages[0], i == 1 ? "王秀英" : "张建国"));
    }
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--household", GROUP "0002",
                                        "--out", one, "--date", "2016-05-28", NULL), ==, 0);
  {
    g_auto(GStrv) pages = pdf_pages (one);

    g_assert_cmpuint (g_strv_length (pages), ==, 2);
    g_assert_nonnull (strstr (pages[0], "王秀英"));
  }

  before = file_digest (fixture->path);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--all", "--household",
                                        GROUP "0002", "--out", one, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--out", one, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--household", GROUP "0099",
                                        "--out", one, NULL), ==, 1);
  g_assert_nonnull (strstr (err, GROUP "0099"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--all", "--out", one,
                                        "--start", "2016-02-30", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2016-02-30"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "contract", "--project", fixture->path,
                                        "--season", "2016 秋", "--all", "--out",
                                        fixture->path, NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  after = file_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);
}
FURROW_TEST_FIXTURE ("/furrow/io/contract/cli", Fixture, furrow_test_store_set_up_empty,
                     test_cli, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.set_up = furrow_test_set_up_chinese);
