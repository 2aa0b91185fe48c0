/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shape of a CSV file, checked before GDAL reads it (issue 12, item 3). GDAL's CSV driver
 * reads an unclosed quote as a value that runs on over the following lines (a household's name
 * then holds the next rows) and a short row as empty values (0 members): both imported without
 * a word. Here every record is read as RFC 4180 says, with the separator GDAL would choose, and
 * a record that cannot be what its writer meant is a listed problem with its line as a text
 * editor numbers it. The line where each record starts is kept, so that record problems found
 * later name the same lines (GDAL skips blank lines, which a count of records would not). */

#include "config.h"

#include "furrow-importer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* GDAL 3.6's CSVDetectSeperator(): the first of , ; and tab outside quotes on the header line
 * (',' when they are mixed), else a space when there is one, else ','. */
static char
detect_separator (const char *text,
                  gsize       len)
{
  gboolean quoted = FALSE;
  char separator = '\0';
  guint n_spaces = 0;

  for (gsize i = 0; i < len && text[i] != '\n' && text[i] != '\r'; i++)
    {
      char c = text[i];

      if (!quoted && (c == ',' || c == ';' || c == '\t'))
        {
          if (separator == '\0')
            separator = c;
          else if (separator != c)
            return ',';
        }
      else if (!quoted && c == ' ')
        n_spaces++;
      else if (c == '"')
        {
          if (quoted && i + 1 < len && text[i + 1] == '"')
            i++;
          else
            quoted = !quoted;
        }
    }
  if (separator == '\0')
    separator = n_spaces > 0 ? ' ' : ',';
  return separator;
}

typedef struct
{
  guint    line;          /* where the record starts */
  guint    n_fields;
  gboolean blank;         /* an empty line: GDAL skips it */
  gboolean any_value;     /* a field after the header's last one holds text */
  gboolean broken;        /* a quote problem was listed: its columns mean nothing */
} Record;

static gboolean
is_line_end (const char *text,
             gsize       len,
             gsize       i)
{
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] == '\n'));
}

gboolean
furrow_import_check_csv (FurrowImporter *self,
                         const char     *text,
                         gsize           len)
{
  char separator = detect_separator (text, len);
  const char *separator_name = separator == '\t' ? "\\t" : separator == ',' ? ","
                               : separator == ';' ? ";" : " ";
  guint line = 1;
  guint header_fields = 0;
  gboolean header = TRUE;
  gsize i = 0;
  guint n_problems = self->problems->len;

  g_clear_pointer (&self->csv_lines, g_array_unref);
  self->csv_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  while (i < len)
    {
      Record record = { line, 0, FALSE, FALSE, FALSE };
      gboolean end = FALSE;

      record.blank = is_line_end (text, len, i);
      while (!end)
        {
          /* One field, from `i` to the separator or the end of the record. */
          gboolean empty = TRUE;

          record.n_fields++;
          if (i < len && text[i] == '"')
            {
              guint opened = line;

              empty = FALSE;
              i++;
              for (;;)
                {
                  if (i >= len)
                    {
                      furrow_importer_add_problem (self,
                                                   _("line %u: the quote (\") opened here is never closed, so the rest of the file would be read into one value"),
                                                   opened);
                      return FALSE;
                    }
                  if (text[i] == '"' && i + 1 < len && text[i + 1] == '"')
                    i += 2;
                  else if (text[i] == '"')
                    {
                      i++;
                      break;
                    }
                  else
                    {
                      line += text[i] == '\n';
                      i++;
                    }
                }
              if (i < len && text[i] != separator && !is_line_end (text, len, i))
                {
                  /* "赵六"3 or a quote closed by the next one several rows down */
                  if (line != opened)
                    furrow_importer_add_problem (self,
                                                 _("line %u: the quote (\") opened on line %u closes here, so lines %u to %u would be read into one value; a closing quote is missing"),
                                                 line, opened, opened, line);
                  else
                    furrow_importer_add_problem (self,
                                                 _("line %u: text follows a closing quote (\"); a quote inside a value must be doubled (\"\")"),
                                                 line);
                  record.broken = TRUE;
                  /* Resynchronise at the end of this line. */
                  while (i < len && !is_line_end (text, len, i))
                    i++;
                }
            }
          else
            while (i < len && text[i] != separator && !is_line_end (text, len, i))
              {
                if (text[i] != ' ')
                  empty = FALSE;
                i++;
              }
          if (!header && record.n_fields > header_fields && !empty)
            record.any_value = TRUE;

          if (i >= len)
            end = TRUE;
          else if (text[i] == separator)
            i++;
          else
            {
              /* the end of the line: \n or \r\n */
              i += text[i] == '\r' ? 2 : 1;
              line++;
              end = TRUE;
            }
        }

      if (header)
        {
          header_fields = record.n_fields;
          header = FALSE;
          continue;
        }
      if (record.blank)
        continue;
      if (record.broken)
        {
          g_array_append_val (self->csv_lines, record.line);
          continue;
        }
      g_array_append_val (self->csv_lines, record.line);
      if (record.n_fields < header_fields)
        furrow_importer_add_problem (self,
                                     _("line %u has %u of the %u columns of the header; a value or a separator (%s) is missing"),
                                     record.line, record.n_fields, header_fields, separator_name);
      else if (record.any_value)
        furrow_importer_add_problem (self,
                                     _("line %u has %u columns but the header has %u; a value holds a separator (%s) that is not in quotes"),
                                     record.line, record.n_fields, header_fields, separator_name);
    }
  return self->problems->len == n_problems;
}
