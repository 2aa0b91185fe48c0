/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the roster's columns to a column view of FurrowRosterRow items: code, name, custody,
 * area, base, dividend, fee and total, the amounts right-aligned and never cut short, the totals
 * row in bold. */
void furrow_roster_columns_add (GtkColumnView *view);

G_END_DECLS
