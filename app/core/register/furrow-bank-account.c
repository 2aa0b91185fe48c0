/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-bank-account.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-register.h"

char *
furrow_bank_account_normalize (const char *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  if (number == NULL || !g_utf8_validate (number, -1, NULL))
    return NULL;
  for (const char *p = number; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0x3000)
        continue;
      if (c > 0x7F || !g_ascii_isdigit ((char) c))
        return NULL;
      g_string_append_c (digits, (char) c);
    }
  if (digits->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

gboolean
furrow_bank_account_luhn_ok (const char *digits)
{
  gsize n;
  guint sum = 0;

  g_return_val_if_fail (digits != NULL, FALSE);

  n = strlen (digits);
  if (n < 2)
    return FALSE;
  /* From the right: the check digit as it is, every second digit doubled (less 9 above 9). */
  for (gsize i = 0; i < n; i++)
    {
      char c = digits[n - 1 - i];
      guint d;

      if (!g_ascii_isdigit (c))
        return FALSE;
      d = (guint) (c - '0');
      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return sum % 10 == 0;
}

gboolean
furrow_bank_account_check (const char  *number,
                           GError     **error)
{
  g_autofree char *digits = NULL;
  gsize n;

  if (number == NULL || number[0] == '\0')
    return TRUE;
  digits = furrow_bank_account_normalize (number);
  if (digits == NULL)
    {
      g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                           _("An account number has only digits (spaces between them are "
                             "allowed)"));
      return FALSE;
    }
  n = strlen (digits);
  /* docs/domain.md, "Bank accounts": UnionPay cards (IIN 62…) have 16 to 19 digits and a Luhn
   * check digit. */
  if (g_str_has_prefix (digits, "62"))
    {
      if (n < 16 || n > 19)
        {
          g_set_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                       _("A UnionPay card number (beginning with 62) has 16 to 19 digits, not "
                         "%u"), (guint) n);
          return FALSE;
        }
      if (!furrow_bank_account_luhn_ok (digits))
        {
          g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                               _("The card number’s last digit does not match the others: "
                                 "check for a typing mistake"));
          return FALSE;
        }
      return TRUE;
    }
  if (n < FURROW_BANK_ACCOUNT_MIN_DIGITS || n > FURROW_BANK_ACCOUNT_MAX_DIGITS)
    {
      g_set_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                   _("An account number has %d to %d digits, not %u"),
                   FURROW_BANK_ACCOUNT_MIN_DIGITS, FURROW_BANK_ACCOUNT_MAX_DIGITS, (guint) n);
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_bank_account_is_payable (const char  *number,
                                GError     **error)
{
  if (number == NULL || number[0] == '\0')
    {
      g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                           _("no payee account recorded"));
      return FALSE;
    }
  return furrow_bank_account_check (number, error);
}

char *
furrow_bank_account_mask (const char *number)
{
  g_autofree char *digits = NULL;
  gsize n;

  if (number == NULL || number[0] == '\0')
    return g_strdup ("");
  digits = furrow_bank_account_normalize (number);
  n = digits != NULL ? strlen (digits) : 0;
  if (n < 9)
    return g_strdup ("**** **** ****");
  return g_strdup_printf ("%.4s **** **** %s", digits, digits + n - 4);
}
