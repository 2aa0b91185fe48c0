/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Amounts in capital numerals (人民币大写), as a payroll, a statement or a contract writes them
 * beside the figures: docs/domain.md §11 has the rules and their source, the People's Bank of
 * China's basic rules for filling in bills and settlement vouchers (正确填写票据和结算凭证的基本
 * 规定, an annex of 支付结算办法).
 *
 *   furrow_money_capital (1)           → "壹分"
 *   furrow_money_capital (1000)        → "壹拾元整"
 *   furrow_money_capital (140950)      → "壹仟肆佰零玖元伍角"
 *   furrow_money_capital (10700053)    → "壹拾万柒仟元零伍角叁分"
 *   furrow_money_capital (0)           → "零元整"
 *
 * The text is the amount alone, without the "人民币" a voucher prints in front of it: the
 * caller's label says it. It is Chinese in every locale (the numerals are the document's
 * content, not interface text). Negative amounts are refused (FURROW_CAPITAL_ERROR_NEGATIVE):
 * a voucher's capital amount has no sign, and what is owed is written as its own line; amounts
 * of 10¹⁶ yuan (一亿亿) or more are refused too (FURROW_CAPITAL_ERROR_TOO_LARGE). */

#define FURROW_CAPITAL_ERROR (furrow_capital_error_quark ())

typedef enum
{
  FURROW_CAPITAL_ERROR_NEGATIVE,   /* a negative amount */
  FURROW_CAPITAL_ERROR_TOO_LARGE,  /* 10¹⁶ yuan or more */
} FurrowCapitalError;

GQuark  furrow_capital_error_quark (void);

/* The amount `fen` (integer fen) in capital numerals, or NULL with `error` set. */
char   *furrow_money_capital       (gint64   fen,
                                    GError **error);

G_END_DECLS
