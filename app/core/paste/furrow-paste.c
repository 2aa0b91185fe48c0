/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A block of rows pasted from a spreadsheet (furrow-paste.h; docs/architecture.md, Pasting
 * rows). */
#include "config.h"

#include "furrow-paste.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Rows and cells                                                                             */

GPtrArray *
furrow_paste_split (const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text != NULL ? text : "";
  gboolean row_open = FALSE;

  while (*p != '\0')
    {
      if (*p == '"' && cell->len == 0)
        {
          /* A quoted cell (Excel quotes one holding a tab, a line break or a quote). */
          const char *q = p + 1;
          g_autoptr(GString) quoted = g_string_new (NULL);

          while (*q != '\0' && !(*q == '"' && q[1] != '"'))
            {
              if (*q == '"')
                q++;
              g_string_append_c (quoted, *q);
              q++;
            }
          if (*q == '"' && (q[1] == '\t' || q[1] == '\r' || q[1] == '\n' || q[1] == '\0'))
            {
              g_string_append_len (cell, quoted->str, quoted->len);
              p = q + 1;
              row_open = TRUE;
              continue;
            }
          /* No closing quote before the cell's end: the quote is part of the text. */
        }
      if (*p == '\t')
        {
          g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          row_open = TRUE;
          p++;
        }
      else if (*p == '\r' || *p == '\n')
        {
          g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          g_ptr_array_add (cells, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
          row_open = FALSE;
          p += *p == '\r' && p[1] == '\n' ? 2 : 1;
        }
      else
        {
          g_string_append_c (cell, *p);
          row_open = TRUE;
          p++;
        }
    }
  if (row_open)
    {
      g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
    }
  return g_steal_pointer (&rows);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0x2009 || c == 0x202F ||
         c == 0xFEFF;
}

/* A copy of `cell` without the spaces around it (also the ideographic space U+3000). */
static char *
trim (const char *cell)
{
  const char *start = cell;
  const char *end;

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

gboolean
furrow_paste_cell_is_empty (const char *cell)
{
  g_autofree char *trimmed = NULL;

  if (cell == NULL)
    return TRUE;
  trimmed = trim (cell);
  return *trimmed == '\0';
}

/* ------------------------------------------------------------------------------------------ */
/* Numbers                                                                                    */

/* The full-width forms a Chinese input method types, as ASCII; other characters as they are. */
static char *
fold_full_width (const char *cell)
{
  GString *out = g_string_new (NULL);

  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E)
        g_string_append_c (out, '.');
      else if (c == 0xFF0C)
        g_string_append_c (out, ',');
      else if (c == 0xFF0D || c == 0x2212)
        g_string_append_c (out, '-');
      else if (c == 0xFF0B)
        g_string_append_c (out, '+');
      else if (c == 0xFF08)
        g_string_append_c (out, '(');
      else if (c == 0xFF09)
        g_string_append_c (out, ')');
      else if (c >= 0xFF21 && c <= 0xFF3A)
        g_string_append_c (out, (char) ('A' + (c - 0xFF21)));
      else if (c >= 0xFF41 && c <= 0xFF5A)
        g_string_append_c (out, (char) ('a' + (c - 0xFF41)));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
strip_prefix (char       **text,
              const char  *prefix)
{
  if (!g_str_has_prefix (*text, prefix))
    return FALSE;
  {
    char *rest = trim (*text + strlen (prefix));

    g_free (*text);
    *text = rest;
  }
  return TRUE;
}

static gboolean
strip_suffix (char       **text,
              const char  *suffix)
{
  gsize len = strlen (*text);
  gsize n = strlen (suffix);
  char *rest;

  if (len < n || g_ascii_strcasecmp (*text + len - n, suffix) != 0)
    return FALSE;
  (*text)[len - n] = '\0';
  rest = trim (*text);
  g_free (*text);
  *text = rest;
  return TRUE;
}

/* ASCII digits with optional thousands separators (groups of three) and a decimal point. */
static gboolean
parse_ascii (const char *text,
             double     *value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  const char *p = text;
  guint group = 0;          /* digits since the last separator */
  gboolean grouped = FALSE; /* a separator was seen */
  gboolean digits = FALSE;

  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          /* 12,5 is a decimal comma or a typo: either way not a number to guess. */
          if (group == 0 || (grouped && group != 3) || (!grouped && group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
          continue;
        }
      g_string_append_c (plain, *p);
      group++;
      digits = TRUE;
    }
  if (grouped && group != 3)
    return FALSE;
  if (*p == '.')
    {
      g_string_append_c (plain, '.');
      for (p++; g_ascii_isdigit (*p); p++)
        {
          g_string_append_c (plain, *p);
          digits = TRUE;
        }
    }
  if (*p != '\0' || !digits)
    return FALSE;
  *value = g_ascii_strtod (plain->str, NULL);
  return TRUE;
}

static int
chinese_digit (gunichar c)
{
  static const struct { gunichar c; int digit; } digits[] = {
    { 0x96F6, 0 }, { 0x3007, 0 }, { 0x25CB, 0 },                   /* 零 〇 ○ */
    { 0x4E00, 1 }, { 0x58F9, 1 }, { 0x4E8C, 2 }, { 0x8D30, 2 },     /* 一 壹 二 贰 */
    { 0x4E24, 2 }, { 0x4E09, 3 }, { 0x53C1, 3 }, { 0x56DB, 4 },     /* 两 三 叁 四 */
    { 0x8086, 4 }, { 0x4E94, 5 }, { 0x4F0D, 5 }, { 0x516D, 6 },     /* 肆 五 伍 六 */
    { 0x9646, 6 }, { 0x4E03, 7 }, { 0x67D2, 7 }, { 0x516B, 8 },     /* 陆 七 柒 八 */
    { 0x634C, 8 }, { 0x4E5D, 9 }, { 0x7396, 9 },                   /* 捌 九 玖 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i].c == c)
      return digits[i].digit;
  return -1;
}

static double
chinese_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: case 0x62FE: return 10;     /* 十 拾 */
    case 0x767E: case 0x4F70: return 100;    /* 百 佰 */
    case 0x5343: case 0x4EDF: return 1000;   /* 千 仟 */
    case 0x4E07: case 0x842C: return 1e4;    /* 万 萬 */
    case 0x4EBF: case 0x5104: return 1e8;    /* 亿 億 */
    default: return 0;
    }
}

/* Chinese numerals: 一千二百三十四, 三万五千, 十二, 两百, 十二点五; digits alone are read place
 * by place (二〇二四). */
static gboolean
parse_chinese (const char *text,
               double     *value)
{
  double total = 0;      /* whole 亿 and 万 sections */
  double section = 0;    /* below 万 */
  int digit = -1;        /* a digit not yet multiplied by its unit */
  double place = 0;      /* digits alone: the number they make */
  gboolean units = FALSE;
  gboolean run = FALSE;  /* a digit right after a digit other than 零 */
  gboolean any = FALSE;
  const char *p = text;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = chinese_digit (c);
      double unit = chinese_unit (c);

      if (c == 0x70B9)  /* 点 */
        break;
      any = TRUE;
      if (d >= 0)
        {
          if (digit > 0)
            run = TRUE;
          digit = d;
          place = place * 10 + d;
        }
      else if (unit >= 1e4)
        {
          units = TRUE;
          if (unit == 1e8)
            total = (total + section + MAX (digit, 0)) * unit;
          else
            total += (section + MAX (digit, 0)) * unit;
          if (section == 0 && digit <= 0 && total == 0)
            return FALSE;
          section = 0;
          digit = -1;
        }
      else if (unit > 0)
        {
          units = TRUE;
          section += (digit < 0 ? 1 : digit) * unit;
          digit = -1;
        }
      else
        return FALSE;
    }
  /* 三四百: two digits for one place. */
  if (!any || (units && run))
    return FALSE;
  *value = units ? total + section + MAX (digit, 0) : place;
  if (*p != '\0')
    {
      double scale = 0.1;

      p = g_utf8_next_char (p);
      if (*p == '\0')
        return FALSE;
      for (; *p != '\0'; p = g_utf8_next_char (p))
        {
          int d = chinese_digit (g_utf8_get_char (p));

          if (d < 0)
            return FALSE;
          *value += d * scale;
          scale /= 10;
        }
    }
  return TRUE;
}

gboolean
furrow_paste_parse_number (const char *cell,
                           double     *value)
{
  static const char * const units[] = { "公斤", "千克", "kg", "元", "yuan" };
  g_autofree char *folded = NULL;
  g_autofree char *text = NULL;
  gboolean negative = FALSE;
  double number = 0;
  gsize len;

  g_return_val_if_fail (value != NULL, FALSE);

  if (cell == NULL)
    return FALSE;
  folded = fold_full_width (cell);
  text = trim (folded);
  len = strlen (text);
  /* The accountant's negative: (1,234.00). */
  if (len > 2 && text[0] == '(' && text[len - 1] == ')')
    {
      char *inner;

      text[len - 1] = '\0';
      inner = trim (text + 1);
      g_free (text);
      text = inner;
      negative = TRUE;
    }
  /* A sign and ¥ (U+00A5) or the full-width ￥ (U+FFE5), in either order: -¥12, ¥-12. */
  for (guint pass = 0; pass < 2; pass++)
    {
      if (!negative && strip_prefix (&text, "-"))
        negative = TRUE;
      strip_prefix (&text, "+");
      if (!strip_prefix (&text, "\u00A5"))
        strip_prefix (&text, "\uFFE5");
    }
  /* One unit after the number. */
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strip_suffix (&text, units[i]))
      break;
  if (*text == '\0')
    return FALSE;
  if (!parse_ascii (text, &number) && !parse_chinese (text, &number))
    {
      /* 1.2万: digits and the Chinese ten thousand. */
      if (!strip_suffix (&text, "万") || !parse_ascii (text, &number))
        return FALSE;
      number *= 1e4;
    }
  if (!isfinite (number))
    return FALSE;
  *value = negative && number != 0 ? -number : number;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* A block for a table                                                                        */

static void
row_clear (gpointer data)
{
  FurrowPasteRow *row = data;

  g_free (row->key);
  g_free (row->detail);
}

void
furrow_paste_block_free (FurrowPasteBlock *block)
{
  if (block == NULL)
    return;
  g_array_unref (block->rows);
  g_strfreev (block->header);
  g_free (block);
}

/* find_key(): a name of two rows. */
#define AMBIGUOUS (-2)

static int
find_key (const char         *cell,
          const char * const *codes,
          const char * const *names,
          guint               n_keys)
{
  g_autofree char *key = trim (cell);
  int found = -1;

  if (*key == '\0')
    return -1;
  for (guint i = 0; i < n_keys; i++)
    if (codes[i] != NULL && g_ascii_strcasecmp (codes[i], key) == 0)
      return (int) i;
  for (guint i = 0; names != NULL && i < n_keys; i++)
    if (names[i] != NULL && *names[i] != '\0' && g_ascii_strcasecmp (names[i], key) == 0)
      {
        if (found >= 0)
          return AMBIGUOUS;
        found = (int) i;
      }
  return found;
}

/* The number of cells up to the last one with something in it. */
static guint
n_filled (char **cells)
{
  guint n = 0;

  for (guint i = 0; cells[i] != NULL; i++)
    if (!furrow_paste_cell_is_empty (cells[i]))
      n = i + 1;
  return n;
}

static gboolean
is_header (char               **cells,
           const char * const  *codes,
           const char * const  *names,
           guint                n_keys)
{
  double value;

  if (n_filled (cells) == 0 || find_key (cells[0], codes, names, n_keys) != -1)
    return FALSE;
  for (guint i = 0; cells[i] != NULL; i++)
    if (furrow_paste_parse_number (cells[i], &value))
      return FALSE;
  return TRUE;
}

static void
refuse (FurrowPasteRow     *row,
        FurrowPasteRefusal  refusal,
        const char         *detail,
        guint               column)
{
  if (row->refusal != FURROW_PASTE_OK)
    return;
  row->refusal = refusal;
  row->detail = detail != NULL ? trim (detail) : NULL;
  row->column = column;
}

FurrowPasteBlock *
furrow_paste_read (const char          *text,
                   const char * const  *codes,
                   const char * const  *names,
                   guint                n_keys,
                   guint                start,
                   guint                n_columns)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(FurrowPasteBlock) block = NULL;
  g_autofree int *line_of_target = NULL;
  guint first = 0;

  g_return_val_if_fail (n_keys == 0 || codes != NULL, NULL);
  g_return_val_if_fail (n_columns >= 1 && n_columns <= FURROW_PASTE_MAX_VALUES, NULL);

  lines = furrow_paste_split (text);
  block = g_new0 (FurrowPasteBlock, 1);
  block->rows = g_array_new (FALSE, TRUE, sizeof (FurrowPasteRow));
  g_array_set_clear_func (block->rows, row_clear);

  /* The first row with something in it may be the spreadsheet's header. */
  while (first < lines->len && n_filled (g_ptr_array_index (lines, first)) == 0)
    first++;
  if (first < lines->len && is_header (g_ptr_array_index (lines, first), codes, names, n_keys))
    {
      block->header = g_strdupv (g_ptr_array_index (lines, first));
      first++;
    }
  /* Keys: a first cell that names a row, or text that is no number. */
  for (guint i = first; i < lines->len && !block->keyed; i++)
    {
      char **cells = g_ptr_array_index (lines, i);
      double value;

      block->keyed = n_filled (cells) > 0 && !furrow_paste_cell_is_empty (cells[0]) &&
                     (find_key (cells[0], codes, names, n_keys) != -1 ||
                      !furrow_paste_parse_number (cells[0], &value));
    }

  line_of_target = g_new0 (int, MAX (n_keys, 1));
  for (guint i = first; i < lines->len; i++)
    {
      char **cells = g_ptr_array_index (lines, i);
      guint skip = block->keyed ? 1 : 0;
      guint filled = n_filled (cells);
      FurrowPasteRow row = { 0 };

      if (filled <= skip)
        continue;  /* nothing to write (a blank row, or a key alone) */
      row.line = i + 1;
      row.n_values = filled - skip;
      if (block->keyed)
        {
          row.key = trim (cells[0]);
          row.target = find_key (cells[0], codes, names, n_keys);
          if (row.target == AMBIGUOUS)
            refuse (&row, FURROW_PASTE_AMBIGUOUS_KEY, cells[0], 0);
          else if (row.target < 0)
            refuse (&row, FURROW_PASTE_UNKNOWN_KEY, cells[0], 0);
          row.target = MAX (row.target, -1);
        }
      else
        {
          guint position = start + (i - first);

          row.target = position < n_keys ? (int) position : -1;
          if (row.target < 0)
            refuse (&row, FURROW_PASTE_PAST_END, NULL, 0);
        }
      if (row.n_values > n_columns)
        refuse (&row, FURROW_PASTE_TOO_MANY_VALUES, NULL, n_columns);
      for (guint c = 0; c < MIN (row.n_values, n_columns); c++)
        {
          const char *cell = cells[skip + c];
          double value;

          if (furrow_paste_cell_is_empty (cell))
            continue;
          if (!furrow_paste_parse_number (cell, &value))
            refuse (&row, FURROW_PASTE_NOT_A_NUMBER, cell, c);
          else if (value < 0)
            refuse (&row, FURROW_PASTE_NEGATIVE, cell, c);
          else if (value > FURROW_PASTE_MAX_NUMBER)
            refuse (&row, FURROW_PASTE_TOO_LARGE, cell, c);
          else
            {
              row.has_value[c] = TRUE;
              row.values[c] = value;
            }
        }
      if (row.target >= 0 && row.refusal == FURROW_PASTE_OK)
        {
          if (line_of_target[row.target] > 0)
            {
              g_autofree char *line = g_strdup_printf ("%d", line_of_target[row.target]);

              refuse (&row, FURROW_PASTE_DUPLICATE, line, 0);
            }
          else
            line_of_target[row.target] = (int) row.line;
        }
      g_array_append_val (block->rows, row);
    }
  if (block->rows->len == 0)
    return NULL;
  return g_steal_pointer (&block);
}

char *
furrow_paste_row_describe_refusal (const FurrowPasteRow *row,
                                   FurrowPasteKeys       keys,
                                   guint                 n_columns)
{
  g_return_val_if_fail (row != NULL, NULL);

  switch (row->refusal)
    {
    case FURROW_PASTE_OK:
      return NULL;
    case FURROW_PASTE_UNKNOWN_KEY:
      if (keys == FURROW_PASTE_KEYS_ITEMS)
        /* Translators: a pasted row names an item the table does not have. */
        return g_strdup_printf (_("The table has no item “%s”."), row->detail);
      /* Translators: a pasted row's first cell is neither a field code nor a field name. */
      return g_strdup_printf (_("No field has the code or name “%s”."), row->detail);
    case FURROW_PASTE_AMBIGUOUS_KEY:
      if (keys == FURROW_PASTE_KEYS_ITEMS)
        /* Translators: a pasted row names an item two crops have, e.g. “seed”. */
        return g_strdup_printf (_("“%s” is an item of both crops: write the crop before it "
                                  "(“Maize %s”)."), row->detail, row->detail);
      return g_strdup_printf (_("“%s” is the name of more than one field: use the field’s code."),
                              row->detail);
    case FURROW_PASTE_NOT_A_NUMBER:
      return g_strdup_printf (_("“%s” is not a number."), row->detail);
    case FURROW_PASTE_NEGATIVE:
      return g_strdup_printf (_("“%s” is negative: a weight or an amount is zero or more."),
                              row->detail);
    case FURROW_PASTE_TOO_LARGE:
      return g_strdup_printf (_("“%s” is too large."), row->detail);
    case FURROW_PASTE_TOO_MANY_VALUES:
      /* Translators: a pasted row has more cells than the table has columns; the first %u is
       * how many it has (two or more), the second how many the table takes. */
      return g_strdup_printf (_("Too many columns: %u values where the table takes %u."),
                              row->n_values, n_columns);
    case FURROW_PASTE_PAST_END:
      return g_strdup (_("Below the last row of the table."));
    case FURROW_PASTE_DUPLICATE:
      /* Translators: %s is the number of an earlier row of the pasted block. */
      return g_strdup_printf (_("The same row as row %s of the pasted block."), row->detail);
    default:
      g_return_val_if_reached (NULL);
    }
}
