/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Capital numerals (furrow-capital.h) against strings written by hand from the People's Bank of
 * China's basic rules for filling in bills and settlement vouchers (docs/domain.md §11): first
 * the rules' own worked examples, verbatim, then the cases a payroll meets, each worked out in
 * its comment from the rules, not from the code. */

#include "config.h"

#include "furrow-capital.h"
#include "furrow-test.h"

#include <string.h>

typedef struct
{
  gint64      fen;
  const char *expected;
} Case;

static void
check_cases (const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = furrow_money_capital (cases[i].fen, &error);

      g_assert_no_error (error);
      if (g_strcmp0 (text, cases[i].expected) != 0)
        g_error ("%" G_GINT64_FORMAT " fen: got %s, expected %s", cases[i].fen, text,
                 cases[i].expected);
    }
}

/* The rules' examples, as printed in them (rules (1) to (4)); where rule (3) allows a 零 or
 * none, the form the rule gives first. */
static void
test_standard_examples (void)
{
  static const Case cases[] = {
    /* (1) a 0 between digits is 零: ￥1,409.50; no 整 after 角. */
    { 140950, "壹仟肆佰零玖元伍角" },
    /* (2) several 0 in a row: one 零. ￥6,007.14. */
    { 600714, "陆仟零柒元壹角肆分" },
    /* (3) the 元 place is 0, the 角 place is not: ￥1,680.32, first form. */
    { 168032, "壹仟陆佰捌拾元零叁角贰分" },
    /* (3) the 万 and 元 places are 0, the 千 and 角 places are not: ￥107,000.53, first form
     * (no 零 after 万, 零 after 元). */
    { 10700053, "壹拾万柒仟元零伍角叁分" },
    /* (4) the 角 place is 0, the 分 place is not: 零 after 元. ￥16,409.02 and ￥325.04. */
    { 1640902, "壹万陆仟肆佰零玖元零贰分" },
    { 32504, "叁佰贰拾伍元零肆分" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}
FURROW_TEST ("/furrow/core/capital/standard-examples", test_standard_examples);

/* Below one yuan: no 元 is written, the 角 and 分 alone; nothing at all is 零元整. */
static void
test_small (void)
{
  static const Case cases[] = {
    { 0, "零元整" },             /* 0.00 */
    { 1, "壹分" },               /* 0.01 */
    { 5, "伍分" },               /* 0.05 */
    { 10, "壹角" },              /* 0.10: 角 without 分, no 整 (the rule on 整) */
    { 15, "壹角伍分" },          /* 0.15 */
    { 100, "壹元整" },           /* 1.00 */
    { 110, "壹元壹角" },         /* 1.10: the 元 place is 1, no 零 */
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}
FURROW_TEST ("/furrow/core/capital/small", test_small);

/* Tens, hundreds, thousands: 壹拾 always, 零 for zeros between digits, 整 after 元. */
static void
test_zeros_in_a_group (void)
{
  static const Case cases[] = {
    { 1000, "壹拾元整" },               /* 10.00 */
    { 1001, "壹拾元零壹分" },           /* 10.01: 角 0, 分 1: 零 after 元 (rule (4)) */
    { 1011, "壹拾元零壹角壹分" },       /* 10.11: 元 place 0, 角 1 (rule (3), first form) */
    { 1050, "壹拾元零伍角" },           /* 10.50: the same */
    { 1505, "壹拾伍元零伍分" },         /* 15.05: rule (4) */
    { 1550, "壹拾伍元伍角" },           /* 15.50: the 元 place is 5, no 零 */
    { 10500, "壹佰零伍元整" },          /* 105.00: the 0 between 1 and 5 */
    { 11000, "壹佰壹拾元整" },          /* 110.00: trailing 0 not written */
    { 100000, "壹仟元整" },             /* 1,000.00 */
    { 101000, "壹仟零壹拾元整" },       /* 1,010.00 */
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}
FURROW_TEST ("/furrow/core/capital/zeros-in-a-group", test_zeros_in_a_group);

/* Across 万 and 亿: zeros that open the lower group are one 零 (壹拾万零壹佰); zeros that end
 * the upper group before a non-zero 千 are not written (rule (3), first form: 壹拾万柒仟). */
static void
test_groups (void)
{
  static const Case cases[] = {
    { 10000000, "壹拾万元整" },                          /* 100,000.00 */
    { 10000100, "壹拾万零壹元整" },                      /* 100,001.00 */
    { 10010000, "壹拾万零壹佰元整" },                    /* 100,100.00 */
    { 100400050, "壹佰万肆仟元零伍角" },                 /* 1,004,000.50: 万 place 0, 千 4;
                                                          * 元 place 0, 角 5 */
    { 100000000, "壹佰万元整" },                         /* 1,000,000.00 */
    { 1000000000, "壹仟万元整" },                        /* 10,000,000.00 */
    { 2000300000, "贰仟万叁仟元整" },                    /* 20,003,000.00: 万 place 0, 千 3 */
    { 1000001000, "壹仟万零壹拾元整" },                  /* 10,000,010.00 */
    { 10000000000, "壹亿元整" },                         /* 100,000,000.00 */
    { 10000000100, "壹亿零壹元整" },                     /* 100,000,001.00 */
    { 10500000000, "壹亿零伍佰万元整" },                 /* 105,000,000.00: 千万 place 0 */
    { 15000000000, "壹亿伍仟万元整" },                   /* 150,000,000.00 */
    { 100000000000, "壹拾亿元整" },                      /* 1,000,000,000.00 */
    { 1000000000101, "壹佰亿零壹元零壹分" },             /* 10,000,000,001.01: one 零 for the
                                                          * nine zeros, one for the 角 */
    { 100000000000000, "壹万亿元整" },                   /* 1,000,000,000,000.00 */
    { 100000001000000, "壹万亿零壹万元整" },             /* 1,000,000,010,000.00 */
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}
FURROW_TEST ("/furrow/core/capital/groups", test_groups);

/* Figures of the Taozhuang case (docs/domain.md §8) and the widest amounts. */
static void
test_figures (void)
{
  static const Case cases[] = {
    /* The base total 134,238.72 yuan. */
    { 13423872, "壹拾叁万肆仟贰佰叁拾捌元柒角贰分" },
    /* The revenue 236,412.00 yuan. */
    { 23641200, "贰拾叁万陆仟肆佰壹拾贰元整" },
    /* A household's total 49,482.13 yuan (tests/io/test-report-document.c). */
    { 4948213, "肆万玖仟肆佰捌拾贰元壹角叁分" },
    { 99999999999, "玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
    /* The largest amount written: 10¹⁶ yuan less one fen. */
    { G_GINT64_CONSTANT (999999999999999999),
      "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}
FURROW_TEST ("/furrow/core/capital/figures", test_figures);

/* Negative amounts and amounts past 一亿亿 are refused with an error that shows the figure. */
static void
test_refused (void)
{
  static const gint64 negative[] = { -1, -18000, G_MININT64 };
  static const gint64 too_large[] = { G_GINT64_CONSTANT (1000000000000000000), G_MAXINT64 };

  for (gsize i = 0; i < G_N_ELEMENTS (negative); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = furrow_money_capital (negative[i], &error);

      g_assert_null (text);
      g_assert_error (error, FURROW_CAPITAL_ERROR, FURROW_CAPITAL_ERROR_NEGATIVE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = furrow_money_capital (-18000, &error);

    g_assert_nonnull (strstr (error->message, "-¥180.00"));
  }
  for (gsize i = 0; i < G_N_ELEMENTS (too_large); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = furrow_money_capital (too_large[i], &error);

      g_assert_null (text);
      g_assert_error (error, FURROW_CAPITAL_ERROR, FURROW_CAPITAL_ERROR_TOO_LARGE);
    }
}
FURROW_TEST ("/furrow/core/capital/refused", test_refused);

FURROW_TEST_MAIN (.locale = "");
