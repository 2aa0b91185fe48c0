/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The print operation of a paginated report (statements, roster, payroll, contracts): A4 with
 * the printer's default margins, portrait or `landscape`, `n_pages` pages drawn in points, the
 * job called `title`, the page setup in the dialog, and, with `export_filename`, printed to that
 * PDF instead. The caller connects "draw-page" and runs it. */
GtkPrintOperation *furrow_print_operation_new (const char *title,
                                               guint       n_pages,
                                               gboolean    landscape,
                                               const char *export_filename);

G_END_DECLS
