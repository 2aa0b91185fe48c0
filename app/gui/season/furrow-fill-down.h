/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Fill Down as WPS and Excel fill, shared by the season pages' tables, the harvest grid and the
 * economics page's lists (docs/architecture.md, Pasting rows; issue 13, item 8). A table counts
 * its rows from 1 in the order its paste fills them; row 0 is none. Shift+Down from the focused
 * entry selects the entries below it, Ctrl+D (or the page's Fill Down button) copies the focused
 * value into them — with none selected, the value above into the focused entry — as a paste of
 * that value into those rows: the same reading, refusals, preview and one undoable edit. */

typedef enum
{
  FURROW_FILL_KEY_NONE,     /* not a key of the table's */
  FURROW_FILL_KEY_PASTE,    /* Ctrl+V: paste rows */
  FURROW_FILL_KEY_FILL,     /* Ctrl+D: Fill Down */
  FURROW_FILL_KEY_SELECT,   /* Shift+Down or Shift+Up: the selection's last row moved */
} FurrowFillKey;

/* What KEYVAL with STATE does in a table of N_ROWS rows whose entry in row FOCUS_ROW has the
 * focus (0: none, and Shift+Down selects nothing) and whose selection ends at *END_ROW (0 or
 * FOCUS_ROW: nothing below it); for FURROW_FILL_KEY_SELECT *END_ROW is the new last row. */
FurrowFillKey furrow_fill_down_key      (guint             keyval,
                                         GdkModifierType   state,
                                         guint             focus_row,
                                         guint             n_rows,
                                         guint            *end_row);

/* The rows a Fill Down from FOCUS_ROW with the selection ending at END_ROW writes, FIRST_ROW to
 * LAST_ROW, and the row whose value it copies; FALSE when there is none to fill (no entry
 * focused, or the first row without a selection). */
gboolean      furrow_fill_down_rows     (guint             focus_row,
                                         guint             end_row,
                                         guint            *source_row,
                                         guint            *first_row,
                                         guint            *last_row);

/* The block a Fill Down of N_ROWS rows pastes: VALUE as its entry shows it, with DIGITS
 * decimals, in the C locale, a line per row. The caller reads what is typed in the entry first,
 * as if it had been left. */
char         *furrow_fill_down_text     (double            value,
                                         guint             digits,
                                         guint             n_rows);

/* Heads the paste preview DIALOG "Fill Down N Rows?", N the rows REFUSED (gboolean, a flag
 * per line) leaves; left as it is when every row is refused. */
void          furrow_fill_down_retitle  (AdwMessageDialog *dialog,
                                         GArray           *refused);

/* Shows ENTRY selected for Fill Down (the accent colour behind it, style class
 * "fill-selected") or not. */
void          furrow_fill_down_mark     (GtkWidget        *entry,
                                         gboolean          selected);
/* Makes ENTRY a cell of a table as a spreadsheet's: 4 px of side padding instead of Adwaita's 9
 * (style class "furrow-cell"; 40 px across the harvest grid's four value columns, issue 13). */
void          furrow_fill_down_cell     (GtkWidget        *entry);

G_END_DECLS
