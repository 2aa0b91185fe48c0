/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A block pasted from a spreadsheet (furrow-paste.h): the clipboard text as WPS and Excel write
 * it, typed out here by hand from what they put on the clipboard (cells separated by tabs, rows
 * ended by CRLF — Excel — or LF — WPS on Linux —, a cell with a line break, tab or quote in
 * double quotes with quotes doubled, an empty cell as nothing between two tabs, the last row
 * ended too), every number written as the clerks of docs/domain.md write them, each expected
 * value worked out in its comment. */

#include "config.h"

#include "furrow-paste.h"
#include "furrow-test.h"

#include <math.h>
#include <string.h>

static void
assert_row (GPtrArray          *rows,
            guint               i,
            const char * const *expected)
{
  char **cells = g_ptr_array_index (rows, i);

  g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length ((char **) expected));
  for (guint c = 0; expected[c] != NULL; c++)
    g_assert_cmpstr (cells[c], ==, expected[c]);
}

static void
test_split (void)
{
  g_autoptr(GPtrArray) excel = NULL;
  g_autoptr(GPtrArray) wps = NULL;
  g_autoptr(GPtrArray) quoted = NULL;
  g_autoptr(GPtrArray) odd = NULL;
  g_autoptr(GPtrArray) none = furrow_paste_split ("");
  g_autoptr(GPtrArray) mac = furrow_paste_split ("1\r2\r");

  /* Excel: two rows, the second with two empty cells, CRLF after each: two rows, not three. */
  excel = furrow_paste_split ("T01\t12,345.6\t30,864.75\r\nT02\t\t\r\n");
  g_assert_cmpuint (excel->len, ==, 2);
  assert_row (excel, 0, (const char *[]) { "T01", "12,345.6", "30,864.75", NULL });
  assert_row (excel, 1, (const char *[]) { "T02", "", "", NULL });

  /* WPS on Linux: LF, a trailing tab (an empty last cell), no line break after the last row. */
  wps = furrow_paste_split ("T01\t100\t\nT02\t200");
  g_assert_cmpuint (wps->len, ==, 2);
  assert_row (wps, 0, (const char *[]) { "T01", "100", "", NULL });
  assert_row (wps, 1, (const char *[]) { "T02", "200", NULL });

  /* A name typed with Alt+Enter (a line break in the cell) and one holding quotes: Excel writes
   * "东洼<LF>1号地" and "the ""old"" well" — quoted, inner quotes doubled. */
  quoted = furrow_paste_split ("\"东洼\n1号地\"\t5\r\n\"the \"\"old\"\" well\"\t6\r\n"
                               "\"a\ttab\"\t7\r\n");
  g_assert_cmpuint (quoted->len, ==, 3);
  assert_row (quoted, 0, (const char *[]) { "东洼\n1号地", "5", NULL });
  assert_row (quoted, 1, (const char *[]) { "the \"old\" well", "6", NULL });
  assert_row (quoted, 2, (const char *[]) { "a\ttab", "7", NULL });

  /* A quote inside a cell is text (5"6); an opening quote never closed stays text. */
  odd = furrow_paste_split ("5\"6\t1\n\"abc\t2\n");
  g_assert_cmpuint (odd->len, ==, 2);
  assert_row (odd, 0, (const char *[]) { "5\"6", "1", NULL });
  assert_row (odd, 1, (const char *[]) { "\"abc", "2", NULL });

  g_assert_cmpuint (none->len, ==, 0);
  /* Old Mac line ends (CR alone). */
  g_assert_cmpuint (mac->len, ==, 2);
  assert_row (mac, 1, (const char *[]) { "2", NULL });
}
FURROW_TEST ("/furrow/core/paste/split", test_split);

typedef struct
{
  const char *cell;
  double      expected;
} NumberCase;

static void
test_numbers (void)
{
  static const NumberCase cases[] = {
    { "12345.6", 12345.6 },
    { "12,345.6", 12345.6 },             /* 千分位 */
    { "1,234,567", 1234567 },
    { "12，345", 12345 },                 /* full-width comma U+FF0C */
    { "１２，３４５．６", 12345.6 },        /* full-width digits and point (U+FF10…, U+FF0E) */
    { " 12 ", 12 },
    { "\u300012\u3000", 12 },            /* the ideographic space around it */
    { "12345公斤", 12345 },
    { "12,345 kg", 12345 },
    { "12345KG", 12345 },
    { "12345千克", 12345 },
    { "¥30,864.75", 30864.75 },
    { "￥30,864.75", 30864.75 },           /* full-width yen U+FFE5 */
    { "30864.75元", 30864.75 },
    { "30,864.75 元", 30864.75 },
    { "-5", -5 },
    { "－５", -5 },                        /* full-width minus and digit */
    { "-¥12", -12 },
    { "¥-12", -12 },
    { "(1,234.00)", -1234 },             /* the accountant's negative */
    { "0", 0 },
    { ".5", 0.5 },
    { "007", 7 },
    { "1.2万", 12000 },                   /* 1.2 × 10,000 */
    { "一千二百三十四", 1234 },            /* 1 × 1000 + 2 × 100 + 3 × 10 + 4 */
    { "三万五千", 35000 },                /* 3 × 10,000 + 5 × 1000 */
    { "十二", 12 },                       /* 十 alone is one ten */
    { "十二点五", 12.5 },
    { "两百", 200 },
    { "一千零五", 1005 },                 /* 零 holds the empty hundreds and tens */
    { "壹仟贰佰元", 1200 },               /* capital numerals, as on a receipt */
    { "二〇二四", 2024 },                 /* digits alone, place by place */
    { "一二三", 123 },
  };
  static const char *refused[] = {
    "", "  ", "abc", "12,5", "1,23", "1234,567", "1,234,5678", "12.3.4", "1e3", "0x10", "inf",
    "nan", "3斤", "1 234", "-", "¥", "元", "三四百", "万", "12点", "12kgkg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -999;

      if (!furrow_paste_parse_number (cases[i].cell, &value))
        g_error ("“%s” was refused", cases[i].cell);
      if (fabs (value - cases[i].expected) > 1e-9)
        g_error ("“%s”: %.6f, expected %.6f", cases[i].cell, value, cases[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      double value = -999;

      if (furrow_paste_parse_number (refused[i], &value))
        g_error ("“%s” was read as %.6f", refused[i], value);
      g_assert_cmpfloat (value, ==, -999);
    }
  g_assert_true (furrow_paste_cell_is_empty ("\u3000 \t"));
  g_assert_false (furrow_paste_cell_is_empty ("0"));
}
FURROW_TEST ("/furrow/core/paste/numbers", test_numbers);

/* Seven fields named the way the demo cooperative names its own (T01 河滩一号地 …). */
static const char * const codes[] = { "T01", "T02", "T03", "T04", "T05", "T06", "T07" };
static const char * const names[] = {
  "东洼1号地", "东洼2号地", "东洼3号地", "东洼4号地", "东洼5号地", "东洼6号地", "东洼7号地",
};

static const FurrowPasteRow *
row_at (FurrowPasteBlock *block,
        guint             i)
{
  g_assert_cmpuint (i, <, block->rows->len);
  return &g_array_index (block->rows, FurrowPasteRow, i);
}

static char *
describe (FurrowPasteBlock *block,
          guint             i)
{
  return furrow_paste_row_describe_refusal (row_at (block, i), FURROW_PASTE_KEYS_FIELDS, 4);
}

/* A harvest sheet copied from Excel with its header: every refusal the preview shows. */
static void
test_keyed (void)
{
  const char *text =
    "地块编码\t玉米产量（公斤）\t玉米收入（元）\t大豆产量（公斤）\t大豆收入（元）\r\n"   /* 1 */
    "T01\t12,345.6\t30,864.75\t1,800\t10,800\r\n"                                     /* 2 */
    "东洼2号地\t１２３４５\t￥30，864.00\t\t\r\n"                                       /* 3 */
    "\t\t\t\t\r\n"                                                                    /* 4 */
    "t03\t\t\t900公斤\t5400元\t\t\t\r\n"                                               /* 5 */
    "T99\t1\t2\t3\t4\r\n"                                                             /* 6 */
    "T04\t100\t约200\t\t\r\n"                                                          /* 7 */
    "T05\t100\t-3\t\t\r\n"                                                            /* 8 */
    "T06\t1\t2\t3\t4\t5\r\n"                                                          /* 9 */
    "T01\t1\t2\t3\t4\r\n"                                                             /* 10 */
    "T07\r\n";                                                                        /* 11 */
  g_autoptr(FurrowPasteBlock) block = furrow_paste_read (text, codes, names, 7, 0, 4);
  const FurrowPasteRow *row;
  g_autofree char *unknown = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *duplicate = NULL;

  g_assert_nonnull (block);
  g_assert_true (block->keyed);
  g_assert_nonnull (block->header);
  g_assert_cmpstr (block->header[0], ==, "地块编码");
  /* Lines 2, 3, 5, 6, 7, 8, 9, 10: the blank line 4 and T07 alone (line 11) write nothing. */
  g_assert_cmpuint (block->rows->len, ==, 8);

  row = row_at (block, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->key, ==, "T01");
  g_assert_cmpint (row->target, ==, 0);
  g_assert_cmpint (row->refusal, ==, FURROW_PASTE_OK);
  g_assert_cmpuint (row->n_values, ==, 4);
  g_assert_cmpfloat (row->values[0], ==, 12345.6);
  g_assert_cmpfloat (row->values[1], ==, 30864.75);
  g_assert_cmpfloat (row->values[2], ==, 1800);
  g_assert_cmpfloat (row->values[3], ==, 10800);

  /* By name; full-width digits; empty soybean cells leave the soybean harvest as it is. */
  row = row_at (block, 1);
  g_assert_cmpint (row->target, ==, 1);
  g_assert_cmpint (row->refusal, ==, FURROW_PASTE_OK);
  g_assert_cmpuint (row->n_values, ==, 2);
  g_assert_true (row->has_value[0] && row->has_value[1]);
  g_assert_false (row->has_value[2] || row->has_value[3]);
  g_assert_cmpfloat (row->values[0], ==, 12345);
  g_assert_cmpfloat (row->values[1], ==, 30864);

  /* Lower-case code, units, three trailing tabs: two soybean values only. */
  row = row_at (block, 2);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpint (row->target, ==, 2);
  g_assert_cmpint (row->refusal, ==, FURROW_PASTE_OK);
  g_assert_cmpuint (row->n_values, ==, 4);
  g_assert_false (row->has_value[0] || row->has_value[1]);
  g_assert_cmpfloat (row->values[2], ==, 900);
  g_assert_cmpfloat (row->values[3], ==, 5400);

  row = row_at (block, 3);
  g_assert_cmpint (row->refusal, ==, FURROW_PASTE_UNKNOWN_KEY);
  g_assert_cmpint (row->target, ==, -1);
  unknown = describe (block, 3);
  g_assert_cmpstr (unknown, ==, "No field has the code or name “T99”.");

  row = row_at (block, 4);
  g_assert_cmpint (row->refusal, ==, FURROW_PASTE_NOT_A_NUMBER);
  g_assert_cmpint (row->target, ==, 3);
  g_assert_cmpuint (row->column, ==, 1);
  bad = describe (block, 4);
  g_assert_cmpstr (bad, ==, "“约200” is not a number.");

  negative = describe (block, 5);
  g_assert_cmpint (row_at (block, 5)->refusal, ==, FURROW_PASTE_NEGATIVE);
  g_assert_cmpstr (negative, ==, "“-3” is negative: a weight or an amount is zero or more.");

  wide = describe (block, 6);
  g_assert_cmpint (row_at (block, 6)->refusal, ==, FURROW_PASTE_TOO_MANY_VALUES);
  g_assert_cmpstr (wide, ==, "Too many columns: 5 values where the table takes 4.");

  /* T01 again: the first one (line 2) is written, this one refused. */
  duplicate = describe (block, 7);
  g_assert_cmpint (row_at (block, 7)->refusal, ==, FURROW_PASTE_DUPLICATE);
  g_assert_cmpint (row_at (block, 7)->target, ==, 0);
  g_assert_cmpstr (duplicate, ==, "The same row as row 2 of the pasted block.");
  g_assert_null (describe (block, 0));
}
FURROW_TEST ("/furrow/core/paste/keyed", test_keyed);

/* Numbers only (WPS, LF), pasted with the focus on the third row (start 2): by position, a
 * blank row keeps its place, and what falls below the last row is refused. */
static void
test_positional (void)
{
  const char *text = "一千二百\t3,000\n"
                     "\t\n"
                     "1,500\t\t\n"
                     "800\t2000\n"
                     "900\t2100\n"
                     "1000\t2200\n";
  g_autoptr(FurrowPasteBlock) block = furrow_paste_read (text, codes, names, 7, 2, 4);
  g_autofree char *past = NULL;

  g_assert_nonnull (block);
  g_assert_false (block->keyed);
  g_assert_null (block->header);
  g_assert_cmpuint (block->rows->len, ==, 5);
  /* Line 1 → row 2 (T03), line 3 → row 4 (T05), lines 4, 5 → T06, T07, line 6 → past T07. */
  g_assert_cmpint (row_at (block, 0)->target, ==, 2);
  g_assert_cmpfloat (row_at (block, 0)->values[0], ==, 1200);
  g_assert_cmpfloat (row_at (block, 0)->values[1], ==, 3000);
  g_assert_null (row_at (block, 0)->key);
  g_assert_cmpint (row_at (block, 1)->target, ==, 4);
  g_assert_cmpuint (row_at (block, 1)->n_values, ==, 1);
  g_assert_cmpint (row_at (block, 2)->target, ==, 5);
  g_assert_cmpint (row_at (block, 3)->target, ==, 6);
  g_assert_cmpint (row_at (block, 4)->target, ==, -1);
  g_assert_cmpint (row_at (block, 4)->refusal, ==, FURROW_PASTE_PAST_END);
  past = describe (block, 4);
  g_assert_cmpstr (past, ==, "Below the last row of the table.");

  /* Five numbers where two columns are left from the focused one. */
  {
    g_autoptr(FurrowPasteBlock) narrow = furrow_paste_read ("1\t2\t3\r\n", codes, names, 7, 0,
                                                            2);

    g_assert_cmpint (row_at (narrow, 0)->refusal, ==, FURROW_PASTE_TOO_MANY_VALUES);
    g_assert_cmpint (row_at (narrow, 0)->column, ==, 2);
  }
}
FURROW_TEST ("/furrow/core/paste/positional", test_positional);

/* Nothing to paste: empty text, blank lines, a header alone, keys without values. */
static void
test_nothing (void)
{
  g_assert_null (furrow_paste_read ("", codes, names, 7, 0, 4));
  g_assert_null (furrow_paste_read ("\r\n\t\t\r\n", codes, names, 7, 0, 4));
  g_assert_null (furrow_paste_read ("地块\t产量\r\n", codes, names, 7, 0, 4));
  g_assert_null (furrow_paste_read ("T01\r\nT02\t\t\r\n", codes, names, 7, 0, 4));
  /* A value too large for a harvest (more than 10¹⁰). */
  {
    g_autoptr(FurrowPasteBlock) large = furrow_paste_read ("T01\t20,000,000,000\r\n", codes,
                                                           names, 7, 0, 4);

    g_assert_cmpint (row_at (large, 0)->refusal, ==, FURROW_PASTE_TOO_LARGE);
  }
}
FURROW_TEST ("/furrow/core/paste/nothing", test_nothing);

/* Cost items as the economics page keys them: "crop item" as the code, the item alone as the
 * name; "seed" is an item of both crops, so only its code names it. */
static void
test_items (void)
{
  static const char * const item_codes[] = { "Maize seed", "Maize tillage", "Soybean seed" };
  static const char * const item_names[] = { "seed", "tillage", "seed" };
  g_autoptr(FurrowPasteBlock) block = furrow_paste_read ("Item\tYuan per mu\r\n"
                                                         "Soybean seed\t26\r\n"
                                                         "tillage\t50元\r\n"
                                                         "seed\t60\r\n", item_codes, item_names,
                                                         3, 0, 1);
  g_autofree char *ambiguous = NULL;

  g_assert_nonnull (block);
  g_assert_true (block->keyed);
  g_assert_nonnull (block->header);
  g_assert_cmpuint (block->rows->len, ==, 3);
  g_assert_cmpint (row_at (block, 0)->target, ==, 2);
  g_assert_cmpfloat (row_at (block, 0)->values[0], ==, 26);
  g_assert_cmpint (row_at (block, 1)->target, ==, 1);
  g_assert_cmpfloat (row_at (block, 1)->values[0], ==, 50);
  g_assert_cmpint (row_at (block, 2)->target, ==, -1);
  g_assert_cmpint (row_at (block, 2)->refusal, ==, FURROW_PASTE_AMBIGUOUS_KEY);
  ambiguous = furrow_paste_row_describe_refusal (row_at (block, 2), FURROW_PASTE_KEYS_ITEMS, 1);
  g_assert_cmpstr (ambiguous, ==,
                   "“seed” is an item of both crops: write the crop before it (“Maize seed”).");
}
FURROW_TEST ("/furrow/core/paste/items", test_items);

FURROW_TEST_MAIN ();
