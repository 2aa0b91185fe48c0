/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a CSV cell holds: text (names, codes, phone numbers) or a number Furrow wrote itself
 * (an area, yuan with two decimals). */
typedef enum
{
  FURROW_CSV_TEXT,
  FURROW_CSV_NUMBER,
} FurrowCsvCell;

/* Appends one cell of every CSV Furrow writes (RFC 4180: quoted when it holds a comma, a quote
 * or a line break, quotes doubled), neutralised against formula injection as OWASP's "CSV
 * Injection" page says: a text cell that begins with =, +, -, @, a tab or a carriage return is
 * written as '=… in quotes, so that a spreadsheet shows the text instead of running a formula
 * ("=HYPERLINK(…)" as a household's name). A NUMBER cell that is a plain number, negative
 * ones included ("-1903.44"), is left as it is; anything else in it is treated as text. NULL
 * is an empty cell. */
void furrow_csv_append_cell (GString       *out,
                             const char    *text,
                             FurrowCsvCell  kind);

G_END_DECLS
