/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One XLSX workbook for every export (furrow-xlsx.h): written whole or not at all, the
 * document's properties, money in yuan to the fen and the table formats, read back by
 * unzipping the workbook's XML as a spreadsheet reads it. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "furrow-test.h"
#include "furrow-xlsx.h"

static const char old_text[] = "last year's payroll";

/* A cell's XML in a sheet: `<c r="E3" …>…</c>`. */
static char *
cell (const char *sheet,
      const char *ref)
{
  g_autofree char *open = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *start = strstr (sheet, open);
  const char *end = start != NULL ? strstr (start, "</c>") : NULL;

  g_assert_nonnull (end);
  return g_strndup (start, end + 4 - start);
}

/* Committed: the target replaced, alone in its folder, private when asked (0600, docs/
 * architecture.md, Opening, backup, check); its title and author; a header row of text, the
 * widths; 1,234,567.89 yuan stored as 123456789 fen / 100 = 1234567.89, never 1234567.8899999. */
static void
test_commit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("furrow-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "payroll.xlsx", NULL);
  g_autoptr(FurrowXlsx) xlsx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *core = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *money = NULL;
  static const char *headers[] = { "户主", "金额" };
  static const double widths[] = { 12, 14 };
  static const FurrowXlsxLook look = { 16.0, TRUE, TRUE };
  FurrowXlsxFormats f;
  lxw_worksheet *ws;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
  xlsx = furrow_xlsx_new (path, "陶庄 2016 秋: Payroll", "宁津县陶庄土地股份合作社", TRUE, &error);
  g_assert_no_error (error);
  furrow_xlsx_add_table_formats (furrow_xlsx_get_workbook (xlsx), &look, &f);
  ws = workbook_add_worksheet (furrow_xlsx_get_workbook (xlsx), "Payroll");
  furrow_xlsx_set_widths (ws, widths, 2);
  furrow_xlsx_write_header_row (ws, 0, headers, 2, f.header);
  worksheet_write_string (ws, 1, 0, "张建国", f.text);
  furrow_xlsx_write_money (ws, 1, 1, 123456789, f.money);
  /* Until the commit, the old file is there as it was. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, old_text);
  }
  g_assert_true (furrow_xlsx_commit (xlsx, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  core = furrow_test_unzip (path, "docProps/core.xml");
  g_assert_nonnull (strstr (core, "<dc:title>陶庄 2016 秋: Payroll</dc:title>"));
  g_assert_nonnull (strstr (core, "<dc:creator>Furrow</dc:creator>"));
  strings = furrow_test_unzip (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "<t>户主</t>"));
  g_assert_nonnull (strstr (strings, "<t>金额</t>"));
  sheet = furrow_test_unzip (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<col min=\"2\" max=\"2\" width=\"14.7109375\""));
  money = cell (sheet, "B2");
  g_assert_nonnull (strstr (money, "<v>1234567.89</v>"));
  /* The money format: thousands and two decimals. */
  styles = furrow_test_unzip (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "formatCode=\"#,##0.00\""));

  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/xlsx/commit", test_commit);

/* Freed without a commit (an error half-way): the old file as it was, nothing else beside it. */
static void
test_discard (void)
{
  g_autofree char *dir = g_dir_make_tmp ("furrow-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  FurrowXlsx *xlsx;

  g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
  xlsx = furrow_xlsx_new (path, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  worksheet_write_string (workbook_add_worksheet (furrow_xlsx_get_workbook (xlsx), NULL), 0, 0,
                          "half", NULL);
  furrow_xlsx_free (xlsx);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old_text);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_cmpstr (g_dir_read_name (listing), ==, "ledger.xlsx");
    g_assert_null (g_dir_read_name (listing));
  }
  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/xlsx/discard", test_discard);

/* A folder that is not there: the error names the file (G_FILE_ERROR), nothing is created. */
static void
test_missing_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("furrow-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gone", "roster.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  FurrowXlsx *xlsx;

  xlsx = furrow_xlsx_new (path, "t", NULL, FALSE, &error);
  g_assert_null (xlsx);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "roster.xlsx"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/xlsx/missing-folder", test_missing_folder);

FURROW_TEST_MAIN ();
