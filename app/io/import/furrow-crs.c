/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-crs.h"

gboolean
furrow_crs_parse_epsg (const char *text,
                       int        *epsg)
{
  g_autofree char *stripped = NULL;
  const char *digits;
  char *end = NULL;
  gint64 value;

  g_return_val_if_fail (epsg != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  digits = stripped;
  if (g_ascii_strncasecmp (digits, "EPSG:", 5) == 0)
    digits += 5;
  value = g_ascii_strtoll (digits, &end, 10);
  if (end == digits || *end != '\0' || value <= 0 || value > G_MAXINT)
    return FALSE;
  *epsg = (int) value;
  return TRUE;
}
