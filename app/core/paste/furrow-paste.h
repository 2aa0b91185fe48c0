/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A block of rows pasted from a spreadsheet (WPS, Excel, LibreOffice) into one of Furrow's
 * tables (docs/architecture.md, Pasting rows): the clipboard's text split into rows and cells as
 * the spreadsheet wrote it, every cell read as a number the way a clerk writes one, and each row
 * matched to a row of the table — by its first cell (a field's code or name, a cost item) when
 * the block has one, else by position from the row that has the focus. Pure functions: no I/O,
 * no store; what is written and undone is the caller's (furrow-edit-season.h). */

/* How many values one pasted row may hold at most. */
#define FURROW_PASTE_MAX_VALUES 8
/* The largest value a cell may hold (10¹⁰: kilograms or yuan; ten times that in fen still fits
 * a double's exact integers and a gint64). */
#define FURROW_PASTE_MAX_NUMBER 1e10

/* Splits `text` into rows of cells (each a GStrv, transfer full) as a spreadsheet puts a block
 * on the clipboard: cells separated by tabs, rows by CRLF, LF or CR; a cell that begins with a
 * double quote runs to the closing quote and may hold tabs, line breaks and doubled quotes (""
 * is one "). The line break that ends the last row makes no empty row after it. */
GPtrArray *furrow_paste_split        (const char  *text);

/* Reads one cell as a number: ASCII or full-width digits (１２．５), thousands separators
 * (12,345.6 / 12，345: groups of three only), a unit after the number or a currency sign before
 * it (公斤, 千克, kg, 元, ¥, ￥), spaces around it (also U+3000), a sign (-, －, −, or the
 * accountant's parentheses), or Chinese numerals (一千二百三十四, 三万五千, 十二点五, 壹仟贰佰).
 * TRUE with *value; FALSE when the cell is no number (12,5, 1e3, 3斤, 0x10, inf …). An empty
 * cell is no number either: see furrow_paste_cell_is_empty(). */
gboolean   furrow_paste_parse_number (const char  *cell,
                                      double      *value);
/* TRUE when the cell holds nothing but spaces. */
gboolean   furrow_paste_cell_is_empty (const char *cell);

/* Why a pasted row is not written. */
typedef enum
{
  FURROW_PASTE_OK,
  FURROW_PASTE_UNKNOWN_KEY,       /* its first cell names no row of the table */
  FURROW_PASTE_AMBIGUOUS_KEY,     /* its first cell is the name of more than one row */
  FURROW_PASTE_NOT_A_NUMBER,      /* a value cell is not a number */
  FURROW_PASTE_NEGATIVE,          /* a value is below zero */
  FURROW_PASTE_TOO_LARGE,         /* a value is more than FURROW_PASTE_MAX_NUMBER */
  FURROW_PASTE_TOO_MANY_VALUES,   /* more cells than the table has columns from there */
  FURROW_PASTE_PAST_END,          /* by position, below the table's last row */
  FURROW_PASTE_DUPLICATE,         /* the same row of the table as an earlier row of the block */
} FurrowPasteRefusal;

typedef struct
{
  guint              line;        /* the row of the block, 1 for the first one pasted */
  char              *key;         /* the first cell when the block has keys, else NULL */
  int                target;      /* the table's row it is for (index into the keys); -1 when
                                   * it names none (refused) */
  guint              n_values;    /* cells after the key (trailing empty cells dropped) */
  gboolean           has_value[FURROW_PASTE_MAX_VALUES];  /* FALSE: empty, the value stays */
  double             values[FURROW_PASTE_MAX_VALUES];
  FurrowPasteRefusal refusal;
  char              *detail;      /* the cell refused, or the earlier line; NULL when none */
  guint              column;      /* the value column the refusal is about (0-based) */
} FurrowPasteRow;

typedef struct
{
  GArray   *rows;                 /* FurrowPasteRow, the block's rows with something in them */
  gboolean  keyed;                /* the block's first column names the table's rows */
  char    **header;               /* the header row, left out of rows; NULL when none */
} FurrowPasteBlock;

void              furrow_paste_block_free (FurrowPasteBlock *block);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowPasteBlock, furrow_paste_block_free)

/* Reads the block `text` for a table of `n_keys` rows, row i named by `codes[i]` and (when
 * `names` is not NULL and names[i] is not NULL or empty) `names[i]`, compared after trimming
 * spaces, ASCII case ignored; a code is looked up first, and a name two rows share names
 * neither (FURROW_PASTE_AMBIGUOUS_KEY). The block has keys when a row's first cell names a row of the
 * table, or is neither empty nor a number; otherwise its rows go to the table's rows from
 * `start` on. `n_columns` is how many value columns the table takes from where the block
 * lands. The first row is a header, left out, when it has no number and its first cell names no
 * row. Rows with no value cell at all are left out. Returns NULL when nothing is left. */
FurrowPasteBlock *furrow_paste_read       (const char          *text,
                                           const char * const  *codes,
                                           const char * const  *names,
                                           guint                n_keys,
                                           guint                start,
                                           guint                n_columns);

/* What the keys of a table are, for the message about a key it does not have. */
typedef enum
{
  FURROW_PASTE_KEYS_FIELDS,       /* field codes and names */
  FURROW_PASTE_KEYS_ITEMS,        /* item names (cost items, subsidies …) */
} FurrowPasteKeys;

/* The reason a row is refused, one sentence a clerk can act on (translated), or NULL for an
 * accepted row. */
char             *furrow_paste_row_describe_refusal (const FurrowPasteRow *row,
                                                     FurrowPasteKeys       keys,
                                                     guint                 n_columns);

G_END_DECLS
