/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The one CSV cell writer of Furrow's exports (furrow-csv.h; issue 12, item 5). */

#include "config.h"

#include "furrow-csv.h"

#include <string.h>

static gboolean
is_plain_number (const char *text)
{
  char *end = NULL;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && strpbrk (text, "eEnNxX") == NULL;
}

void
furrow_csv_append_cell (GString       *out,
                        const char    *text,
                        FurrowCsvCell  kind)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;

  /* OWASP: =, +, -, @, tab (0x09) and carriage return (0x0D) start a formula. */
  formula = strchr ("=+-@\t\r", text[0]) != NULL &&
            !(kind == FURROW_CSV_NUMBER && is_plain_number (text));
  if (!formula && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
