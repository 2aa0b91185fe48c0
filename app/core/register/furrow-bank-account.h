/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A household's payee account number (docs/domain.md, "Bank accounts"): checked before it is
 * stored and masked wherever it is shown, except in the bank payment file itself. Account numbers are
 * personal data: no message here repeats one, and none is ever logged. */

/* The shortest and longest account the register takes: a card number is 16 to 19 digits
 * (ISO/IEC 7812-1); a bank's settlement or passbook account (存折) has no national length, and
 * 12 to 25 digits covers the ones cooperatives pay (docs/domain.md, "Bank accounts"). */
#define FURROW_BANK_ACCOUNT_MIN_DIGITS 12
#define FURROW_BANK_ACCOUNT_MAX_DIGITS 25

/* `number` without its spaces (ASCII and U+3000, as people group the digits in fours), or NULL
 * when anything else but digits is left or nothing is. */
char     *furrow_bank_account_normalize (const char  *number);
/* Whether `digits` (digits only) passes the Luhn check (ISO/IEC 7812-1 annex B): the last digit
 * is the check digit. */
gboolean  furrow_bank_account_luhn_ok   (const char  *digits);
/* Whether `number` can be paid to: digits once spaces are removed, 12 to 25 of them; a UnionPay
 * card (beginning with 62) has 16 to 19 and a valid Luhn check digit. NULL or "" is accepted (no
 * account recorded); the message says what is wrong and never repeats the number
 * (FURROW_REGISTER_ERROR_INVALID). */
gboolean  furrow_bank_account_check     (const char  *number,
                                         GError     **error);
/* Whether a household with this number can be paid: not empty and furrow_bank_account_check();
 * else FALSE with why in `error` ("no payee account recorded", or the check's refusal). The bank
 * file lists a household that is not payable as missing with this reason. */
gboolean  furrow_bank_account_is_payable (const char  *number,
                                          GError     **error);
/* As printed and shown everywhere but in the bank file: the first 4 and last 4 digits,
 * "6217 **** **** 1234", whatever the length; "" for NULL or empty. A number too short for that
 * (fewer than 9 digits, never valid) is all stars. */
char     *furrow_bank_account_mask      (const char  *number);

G_END_DECLS
