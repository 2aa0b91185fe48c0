/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays out BOX (a vertical GtkBox: a few rows, an upper part that scrolls, a few rows and a list
 * that scrolls, its last child) so that the upper part is as tall as its content at the width
 * it gets, as far as the list keeps its minimum height; the list takes what is left. The upper
 * part is the first GtkScrolledWindow child; its content's height is measured at the box's
 * width, where GTK 4.8's GtkScrolledWindow measures its child at no width at all, so that its
 * wrapped labels count one line each and the part came out a few lines short of its content
 * (the settlement page cut Add Objection at 1366×768 above a roster of 250 px; issue 21). */
void furrow_upper_split_install (GtkBox *box);

G_END_DECLS
