/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the roster's columns to a column view of FurrowRosterRow items: name, area, base,
 * dividend, fee, total, custody and code; the amounts right-aligned, each column of them as
 * wide as its widest amount in the whole model (the view's model, followed when it changes);
 * the name giving way to them; the totals row in bold. */
void furrow_roster_columns_add                  (GtkColumnView       *view);
/* Inserts COLUMN (the settlement page's Payment) right after the amounts. */
void furrow_roster_columns_insert_after_amounts (GtkColumnView       *view,
                                                 GtkColumnViewColumn *column);

G_END_DECLS
