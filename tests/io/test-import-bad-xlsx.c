/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (import-bad-common.h): XLSX registers: a zip bomb, random bytes, an ID
 * number with a wrong check digit. */

#include "config.h"

#include <gdal.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include "furrow-test-zip.h"
#include "furrow-test.h"

#include "import-bad-common.h"

/* An XLSX of one household whose name is a shared string of 2 GiB of "A" in 2 MiB on disk
 * (deflate_bomb ()). Without a limit GDAL's XLSX reader held the whole string (the issue
 * measured 10 GB). */
static char *
make_xlsx_bomb (Fixture *fixture)
{
  const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                     "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                     "count=\"3\" uniqueCount=\"3\"><si><t>CBFBM</t></si><si><t>CBFMC</t></si>"
                     "<si><t>";
  guint32 crc;
  guint64 inflated;
  g_autoptr(GByteArray) stream = deflate_bomb (head, 'A', 2048, "</t></si></sst>", &crc,
                                               &inflated);
  FurrowTestZip *zip = furrow_test_zip_new ();
  char *path = fixture_path (fixture, "bomb.xlsx");

  g_assert_cmpuint (inflated, >, G_GUINT64_CONSTANT (2) << 30);   /* 2 GiB and a little */
  g_assert_cmpuint (stream->len, <, 3 * 1024 * 1024);

  furrow_test_zip_add_xlsx_parts (zip);
  add_text (zip, "xl/worksheets/sheet1.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>370782102201010030</t></is></c>"
            "<c r=\"B2\" t=\"s\"><v>2</v></c></row></sheetData></worksheet>");
  furrow_test_zip_add (zip, "xl/sharedStrings.xml", 8, stream->data, stream->len,
                       (guint32) inflated, crc);
  zip_write (zip, path);
  return path;
}

/* An XLSX register (libxlsxwriter) whose second household's ID number has a wrong GB 11643
 * check digit: 11010519491231002X is the standard's example, …0021 a typing mistake. */
static char *
make_xlsx_id_check_digit (Fixture *fixture)
{
  char *path = fixture_path (fixture, "ids.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
  const char *cells[3][3] = { { "CBFBM", "CBFMC", "CBFZJHM" },
                              { "370782102201010020", "赵六", "11010519491231002X" },
                              { "370782102201010021", "王五", "110105194912310021" } };

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      worksheet_write_string (ws, r, c, cells[r][c], NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

static const BadInput cases[] = {
  { "xlsx-bomb", make_xlsx_bomb, { NULL },
    "bomb.xlsx: xl/sharedStrings.xml inside the archive unpacks to more than 128 MiB; Furrow does not read archives that expand so much", 1 },
  { .name = "random-bytes-xlsx", .make = make_random_xlsx,
    .expected = "random.xlsx: not a zip file (a .zip, .xlsx or .kmz file is a zip archive, and this one does not start like one)", .n_lines = 1 },
  { .name = "xlsx-id-check-digit", .make = make_xlsx_id_check_digit,
    .expected = "ids.xlsx row 3 (CBFBM 370782102201010021): ID number (CBFZJHM): The ID number’s last character does not match the others", .n_lines = 1 },
};

static void
set_up (void)
{
  import_bad_set_up ("xlsx", cases, G_N_ELEMENTS (cases));
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = import_bad_tear_down);
