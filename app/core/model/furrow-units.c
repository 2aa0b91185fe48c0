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

/* Money is integer fen; the yuan string is built from integers so no rounding can creep in. */
char *
furrow_format_yuan (gint64 fen)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 magnitude = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;
  guint64 yuan = magnitude / 100;
  guint cents = (guint) (magnitude % 100);
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, yuan);
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }

  return g_strdup_printf ("%s¥%s.%02u", fen < 0 ? "-" : "", digits->str, cents);
}
