/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-number-entry.h"

G_BEGIN_DECLS

#define FURROW_TYPE_ITEM_ROW (furrow_item_row_get_type ())

G_DECLARE_FINAL_TYPE (FurrowItemRow, furrow_item_row, FURROW, ITEM_ROW, AdwActionRow)

/* FurrowItemRow: one row of an editable list of money items on the season pages (cost items,
 * subsidies, other income, fees; actual costs): [choice] name [choice] … [check] amount [remove].
 * It keeps its widgets and what the page needs to write the item back (the field it belongs to,
 * the name as stored).
 *
 * Signals: ::item-changed — the name was entered or left, the choice or the check changed (write
 * now); ::amount-changed — the amount changed (write once the clicks pause); ::remove-clicked. */

/* `amount`: the entry of the amount in yuan (taken, furrow-number-entry.h); `choice` (nullable): a drop-down before the
 * name, or after it when `choice_after_name`; `check` (nullable): a check button before the
 * amount. The name's entry is as wide as its name, `name_width_chars` character widths at
 * least. */
FurrowItemRow  *furrow_item_row_new             (const char     *name,
                                                 int             name_width_chars,
                                                 FurrowNumberEntry *amount,
                                                 GtkDropDown    *choice,
                                                 gboolean        choice_after_name,
                                                 GtkCheckButton *check);

GtkEditable    *furrow_item_row_get_name_entry  (FurrowItemRow  *self);
/* The name as typed, without leading or trailing spaces (transfer full). */
char           *furrow_item_row_dup_name        (FurrowItemRow  *self);
FurrowNumberEntry *furrow_item_row_get_amount   (FurrowItemRow  *self);
GtkDropDown    *furrow_item_row_get_choice      (FurrowItemRow  *self);
GtkCheckButton *furrow_item_row_get_check       (FurrowItemRow  *self);

/* The name the item is stored under when it differs from the one shown (a default stored
 * untranslated), or NULL. */
void            furrow_item_row_set_stored_name (FurrowItemRow  *self,
                                                 const char     *stored_name);
const char     *furrow_item_row_get_stored_name (FurrowItemRow  *self);

/* The field the item belongs to (0: none). With choice ids set, the id of the choice
 * selected instead. */
void            furrow_item_row_set_field_id    (FurrowItemRow  *self,
                                                 gint64          field_id);
void            furrow_item_row_set_choice_ids  (FurrowItemRow  *self,
                                                 GArray         *ids);
gint64          furrow_item_row_get_field_id    (FurrowItemRow  *self);

G_END_DECLS
