/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An amount typed as in a spreadsheet's cell (issue 13, item 8): a plain entry, right-aligned,
 * without a spin button's −/+ steppers, that reads what a clerk types as a pasted cell is read
 * (furrow_paste_parse_number(): 1,234.5, １２３４, 一千二百, ¥ or 公斤 …) when the cell is
 * committed — Enter, or the focus leaving it (Tab). A value it cannot read, or one below zero,
 * is refused: the entry shows the error style and a tooltip saying why, its value stays, and
 * "value-changed" is not emitted; Escape puts back the value as it was, as the app's other
 * entries do. It shows its value with DIGITS decimals (kilograms to 0.1, yuan to the fen). */

#define FURROW_TYPE_NUMBER_ENTRY (furrow_number_entry_get_type ())
G_DECLARE_FINAL_TYPE (FurrowNumberEntry, furrow_number_entry, FURROW, NUMBER_ENTRY, GtkEntry)

GtkWidget *furrow_number_entry_new        (guint              digits);
double     furrow_number_entry_get_value  (FurrowNumberEntry *self);
/* Shows VALUE and clears a refusal; emits "value-changed" when it is another value. The same
 * value leaves what is being typed alone (a reload of the table while a cell is edited). */
void       furrow_number_entry_set_value  (FurrowNumberEntry *self,
                                           double             value);
guint      furrow_number_entry_get_digits (FurrowNumberEntry *self);
/* Money: the value in yuan, held as integer fen. */
gint64     furrow_number_entry_get_fen    (FurrowNumberEntry *self);
void       furrow_number_entry_set_fen    (FurrowNumberEntry *self,
                                           double             fen);
/* Reads what is typed, as Enter does: TRUE when it is a value (taken), FALSE when refused. */
gboolean   furrow_number_entry_commit     (FurrowNumberEntry *self);

G_END_DECLS
