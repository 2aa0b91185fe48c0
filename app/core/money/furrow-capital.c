/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-capital.h"

#include "furrow-units.h"

#include <glib/gi18n-lib.h>

/* docs/domain.md §11: "rule (1)" … "rule (4)" are the cases (一)–(四) of the basic rules' rule on
 * the zeros of the figure. */

G_DEFINE_QUARK (furrow-capital-error-quark, furrow_capital_error)

static const char *const digits[10] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};
/* The places inside a group of four: units, 拾, 佰, 仟. */
static const char *const places[4] = { "", "拾", "佰", "仟" };

/* 1 … 9999: a zero or a run of zeros between two non-zero digits is one 零 (rules (1), (2));
 * trailing zeros are not written; ten is 壹拾, never 拾. */
static void
append_group (GString *out,
              guint    group)
{
  gboolean pending_zero = FALSE;
  gboolean started = FALSE;

  for (int place = 3; place >= 0; place--)
    {
      guint divisor = place == 3 ? 1000 : place == 2 ? 100 : place == 1 ? 10 : 1;
      guint digit = (group / divisor) % 10;

      if (digit == 0)
        {
          pending_zero = started;
          continue;
        }
      if (pending_zero)
        g_string_append (out, digits[0]);
      g_string_append (out, digits[digit]);
      g_string_append (out, places[place]);
      pending_zero = FALSE;
      started = TRUE;
    }
}

/* 1 … 10⁸ − 1, with 万. After the 万 a 零 stands for the zeros that open the lower group (the
 * 千 place is 0: 壹拾万零壹佰); zeros that end the upper group (the 万 place) are not written
 * when the 千 place is not 0 (rule (3): 壹拾万柒仟, the form its example gives first). */
static void
append_below_1e8 (GString *out,
                  guint64  n)
{
  guint high = (guint) (n / 10000);
  guint low = (guint) (n % 10000);

  if (high > 0)
    {
      append_group (out, high);
      g_string_append (out, "万");
      if (low > 0 && low < 1000)
        g_string_append (out, digits[0]);
    }
  if (low > 0)
    append_group (out, low);
}

/* 1 … 10¹⁶ − 1 yuan, with 亿 (and 万亿 above 10¹² yuan), the same zero rule at the 亿. */
static void
append_yuan (GString *out,
             guint64  yuan)
{
  guint64 high = yuan / 100000000;
  guint64 low = yuan % 100000000;

  if (high > 0)
    {
      append_below_1e8 (out, high);
      g_string_append (out, "亿");
      if (low > 0 && low < 10000000)
        g_string_append (out, digits[0]);
    }
  if (low > 0)
    append_below_1e8 (out, low);
}

char *
furrow_money_capital (gint64   fen,
                      GError **error)
{
  GString *out;
  guint64 yuan;
  guint jiao;
  guint fen_digit;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (fen < 0)
    {
      g_autofree char *figure = furrow_format_yuan (fen);

      /* Translators: %s is an amount such as "-¥180.00" */
      g_set_error (error, FURROW_CAPITAL_ERROR, FURROW_CAPITAL_ERROR_NEGATIVE,
                   _("%s is negative and cannot be written in capital numerals"), figure);
      return NULL;
    }
  yuan = (guint64) fen / 100;
  if (yuan >= G_GUINT64_CONSTANT (10000000000000000))
    {
      g_autofree char *figure = furrow_format_yuan (fen);

      g_set_error (error, FURROW_CAPITAL_ERROR, FURROW_CAPITAL_ERROR_TOO_LARGE,
                   _("%s is too large to be written in capital numerals"), figure);
      return NULL;
    }
  jiao = (guint) (fen % 100) / 10;
  fen_digit = (guint) (fen % 10);

  if (fen == 0)
    return g_strdup ("零元整");

  out = g_string_new (NULL);

  if (yuan > 0)
    {
      append_yuan (out, yuan);
      g_string_append (out, "元");
      if (jiao == 0 && fen_digit == 0)
        {
          /* The rule on 整: an amount to the 元 ends in 整. */
          g_string_append (out, "整");
          return g_string_free (out, FALSE);
        }
      /* Rule (4): the 角 place is 0 and the 分 place is not: 零 after 元 (壹拾元零伍分).
       * Rule (3): the 元 place is 0 and the 角 place is not: the form its examples give
       * first, 零 after 元 (壹仟陆佰捌拾元零叁角贰分). */
      if (jiao == 0 || yuan % 10 == 0)
        g_string_append (out, digits[0]);
    }
  if (jiao > 0)
    {
      g_string_append (out, digits[jiao]);
      g_string_append (out, "角");
    }
  /* After 角 no 整 (the rules allow leaving it out, and their example 壹仟肆佰零玖元伍角 does);
   * after 分 never. */
  if (fen_digit > 0)
    {
      g_string_append (out, digits[fen_digit]);
      g_string_append (out, "分");
    }
  return g_string_free (out, FALSE);
}
