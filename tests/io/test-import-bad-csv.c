/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (import-bad-common.h): CSV registers: columns, quotes, encodings (GBK,
 * mixed, UTF-16), control characters, values too long or out of range. */

#include "config.h"

#include "furrow-test.h"

#include "import-bad-common.h"

/* A households register saved as UTF-16 without a byte-order mark, its first character 户
 * (tests/data/README.md): LE from Notepad's "Unicode", BE from some Excel exports. */
static char *
make_utf16le_no_bom (Fixture *fixture)
{
  return g_test_build_filename (G_TEST_DIST, "data", "households-utf16le-no-bom.csv", NULL);
}

static char *
make_utf16be_no_bom (Fixture *fixture)
{
  return g_test_build_filename (G_TEST_DIST, "data", "households-utf16be-no-bom.csv", NULL);
}

static const BadInput cases[] = {
  { "csv-missing-column", NULL, { NULL },
    "missing.csv: the column CBFMC (Household head) is missing; the file has: CBFBM, LXDH", 1,
    "missing.csv", "CBFBM,LXDH\n370782102201010020,13800000000\n" },
  { "csv-invalid-utf8", NULL, { NULL },
    "latin.csv: line 2 is not valid UTF-8 (nor GBK); save the file as UTF-8 or give its encoding with --encoding", 1,
    "latin.csv", "CBFBM,CBFMC\n370782102201010020,\xff\xfe\xfd\n" },
  { "csv-not-a-number", NULL, { NULL },
    "nan-area.csv row 2 (DKBM 3707821022010100101): Contract area (mu) (HTMJM) “1,5” is not a number", 1,
    "nan-area.csv", "DKBM,CBFBM,HTMJM\n3707821022010100101,370782102201010001,\"1,5\"\n" },
  { "household-in-project", NULL, { NULL },
    "again.csv row 3 (CBFBM 370782102201010001): the household code is already in the project", 1,
    "again.csv", "CBFBM,CBFMC\n370782102201010020,赵六\n370782102201010001,王五\n" },
  /* Issue 12, item 3: files that imported wrong or partial data without a word. */
  { "csv-unclosed-quote", NULL, { NULL },
    "quote.csv: line 2: the quote (\") opened here is never closed, so the rest of the file would be read into one value", 1,
    "quote.csv", "CBFBM,CBFMC,CBFCYSL\n370782102201010020,\"赵六,3\n370782102201010021,王五,2\n" },
  { "csv-quote-closed-rows-later", NULL, { NULL },
    "late.csv: line 4: the quote (\") opened on line 2 closes here, so lines 2 to 4 would be read into one value; a closing quote is missing", 1,
    "late.csv", "CBFBM,CBFMC,CBFCYSL\n370782102201010020,\"赵六,3\n370782102201010021,王五,2\n"
    "370782102201010022,\"李四\",2\n" },
  { "csv-short-row", NULL, { NULL },
    "short.csv: line 3 has 2 of the 5 columns of the header; a value or a separator (,) is missing", 1,
    "short.csv", "CBFBM,CBFMC,CBFCYSL,LXDH,CBFZJHM\n370782102201010020,赵六,3,,\n"
    "370782102201010021,王五\n" },
  { "csv-long-row", NULL, { NULL },
    "long.csv: line 2 has 4 columns but the header has 3; a value holds a separator (,) that is not in quotes", 1,
    "long.csv", "CBFBM,CBFMC,CBFCYSL\n370782102201010020,赵,六,3\n" },
  { "csv-mixed-encodings", NULL, { NULL },
    "mixed.csv: the file mixes two text encodings, UTF-8 on line 2, 4 and another one (GBK?) on line 3", 1,
    "mixed.csv", "CBFBM,CBFMC\n370782102201010020,新户1\n370782102201010021,\xcd\xf5\xce\xe5\n"
    "370782102201010022,新户2\n" },
  { "csv-line-after-blank", NULL, { NULL },
    "blank.csv row 4 (DKBM 3707821022010100102): Contract area (mu) (HTMJM) “x” is not a number", 1,
    "blank.csv", "DKBM,CBFBM,HTMJM\n3707821022010100101,370782102201010001,1\n\n"
    "3707821022010100102,370782102201010001,x\n" },
  { "csv-column-as-the-user-names-it", NULL, { NULL },
    "members.csv row 2 (CBFBM 370782102201010020): 承包方成员数量 (CBFCYSL) “三” is not a number", 1,
    "members.csv", "承包方编码,承包方名称,承包方成员数量\n370782102201010020,赵六,三\n" },
  { "csv-control-character", NULL, { NULL },
    "escape.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+001B); remove it", 1,
    "escape.csv", "CBFBM,CBFMC\n370782102201010020,赵\033[2J六\n" },
  /* Terminal escapes and other control characters are refused on import (the code point, never
   * the value). */
  { .name = "csv-c1-control", .file_name = "c1.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020,赵\xc2\x9b" "2J六\n",
    .expected = "c1.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+009B); remove it", .n_lines = 1 },
  /* A tab or a carriage return at the start or end of a name is refused as inside it, not
   * trimmed away (they were; spaces still are). */
  { .name = "csv-name-starts-with-tab", .file_name = "tab.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020, \t赵六\n",
    .expected = "tab.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+0009); remove it", .n_lines = 1 },
  { .name = "csv-name-starts-with-cr", .file_name = "cr.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020,\"\r赵六\"\n",
    /* GDAL's CSV reader gives the quoted CR as a line feed. */
    .expected = "cr.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+000A); remove it", .n_lines = 1 },
  { .name = "csv-parcel-name-ends-with-tab", .file_name = "tab-end.csv",
    .contents = "DKBM,CBFBM,HTMJM,DKMC\n3707821022010100101,370782102201010001,1,东洼\t\n",
    .expected = "tab-end.csv row 2 (DKBM 3707821022010100101): the DKMC (Parcel name) holds a control character (U+0009); remove it", .n_lines = 1 },
  /* A value of 1,001 characters (a 3-million-character name was imported; issue 12). */
  { .name = "csv-name-too-long", .file_name = "long.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020," CHARS_1000 "赵\n",
    .expected = "long.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) is 1001 characters long; a value has at most 1000", .n_lines = 1 },
  { .name = "csv-delete-character", .file_name = "del.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020,赵\x7f六\n",
    .expected = "del.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+007F); remove it", .n_lines = 1 },
  { .name = "csv-right-to-left-override", .file_name = "rlo.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020,赵\u202e六\n",
    .expected = "rlo.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+202E); remove it", .n_lines = 1 },
  { .name = "csv-the-same-column-twice", .file_name = "twice.csv",
    .contents = "承包方编码,承包方编码,承包方名称\n370782102201010020,370782102201010021,赵六\n",
    .expected = "twice.csv: the columns “承包方编码” and “承包方编码” are both the Household code (CBFBM); keep one of them", .n_lines = 1 },
  { .name = "csv-code-and-its-name", .file_name = "both.csv",
    .contents = "CBFBM,承包方编码,CBFMC\n370782102201010020,370782102201010021,赵六\n",
    .expected = "both.csv: the columns “CBFBM” and “承包方编码” are both the Household code (CBFBM); keep one of them", .n_lines = 1 },
  { .name = "csv-area-1e300-mu", .file_name = "vast.csv",
    .contents = "DKBM,CBFBM,HTMJM\n3707821022010100101,370782102201010001,1e300\n",
    .expected = "vast.csv row 2 (DKBM 3707821022010100101): Contract area (mu) (HTMJM) is 1e+300, more than a parcel holds (at most 1000 mu); check the column’s unit", .n_lines = 1 },
  { .name = "csv-utf16", .file_name = "utf16.csv",
    .contents = "\xFF\xFE" "C",   /* the byte-order mark and the first byte of "CBFBM" */
    .expected = "utf16.csv: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  /* Without a byte-order mark, starting with 户 (37 62 in UTF-16LE): was "not a text file". */
  { .name = "csv-utf16le-no-bom", .make = make_utf16le_no_bom,
    .expected = "households-utf16le-no-bom.csv: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  { .name = "csv-utf16be-no-bom", .make = make_utf16be_no_bom,
    .expected = "households-utf16be-no-bom.csv: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  { .name = "csv-area-column-as-the-user-names-it", .file_name = "areas.csv",
    .contents = "地块编码,承包方编码,合同面积（亩）\n3707821022010100101,370782102201010001,一亩\n",
    .expected = "areas.csv row 2 (DKBM 3707821022010100101): 合同面积（亩） (HTMJM) “一亩” is not a number", .n_lines = 1 },
  { .name = "csv-id-17-characters", .file_name = "short-id.csv",
    .contents = "CBFBM,CBFMC,CBFZJHM\n370782102201010020,赵六,11010519491231002\n",
    .expected = "short-id.csv row 2 (CBFBM 370782102201010020): ID number (CBFZJHM): An ID number has 18 characters: 17 digits and a digit or X", .n_lines = 1 },
  { "csv-id-check-digit", NULL, { NULL },
    /* GB 11643: 11010519491231002X is right (the standard's example); …0021 is a typing mistake */
    "ids.csv row 3 (CBFBM 370782102201010021): ID number (CBFZJHM): The ID number’s last character does not match the others", 1,
    "ids.csv", "CBFBM,CBFMC,CBFZJHM\n370782102201010020,赵六,11010519491231002X\n"
    "370782102201010021,王五,110105194912310021\n" },
};

static void
set_up (void)
{
  import_bad_set_up ("csv", cases, G_N_ELEMENTS (cases));
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = import_bad_tear_down);
