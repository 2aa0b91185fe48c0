/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-units.h"

#include <string.h>

double
furrow_m2_to_mu (double area_m2)
{
  return area_m2 * 15.0 / 10000.0;
}

double
furrow_mu_to_m2 (double area_mu)
{
  return area_mu * 10000.0 / 15.0;
}

/* Areas are shown to 0.01 mu (docs/domain.md §2), with the locale's digit grouping. */
char *
furrow_format_mu (double area_m2)
{
  return g_strdup_printf ("%'.2f", furrow_m2_to_mu (area_m2));
}

/* PLAIN, an ASCII number ("-1234567.8"), with the digits before its point grouped by threes
 * with commas ("-1,234,567.8"). */
static char *
group_thousands (const char *plain)
{
  GString *grouped = g_string_new (NULL);
  const char *digits = plain;
  gsize len;

  if (*digits == '-')
    g_string_append_c (grouped, *digits++);
  len = strspn (digits, "0123456789");
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, digits[i]);
    }
  g_string_append (grouped, digits + len);
  return g_string_free (grouped, FALSE);
}

/* Money is integer fen; the yuan string is built from integers so no rounding can creep in. */
char *
furrow_format_yuan (gint64 fen)
{
  guint64 magnitude = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;
  guint cents = (guint) (magnitude % 100);
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  g_autofree char *digits = group_thousands (plain);

  return g_strdup_printf ("%s¥%s.%02u", fen < 0 ? "-" : "", digits, cents);
}

char *
furrow_format_number (double value,
                      guint  decimals)
{
  /* DBL_MAX has 309 digits before the point; at most 6 decimals are asked. */
  char plain[400];
  g_autofree char *format = g_strdup_printf ("%%.%uf", MIN (decimals, 6u));

  g_ascii_formatd (plain, sizeof plain, format, value);
  return group_thousands (plain);
}

char *
furrow_format_mu_grouped (double area_m2)
{
  return furrow_format_number (furrow_m2_to_mu (area_m2), 2);
}
