/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The preview of a block of rows pasted into a season page's table (docs/architecture.md,
 * Pasting rows): a message dialog over the page's window headed "Paste N Rows?" (N =
 * `accepted`), how many rows are refused, and one line per pasted row (`lines`, char *), those
 * whose `refused` flag (gboolean) is set in the error style. Its answers are "paste" (only when
 * `writes`: something would change) and "cancel". Presented; the caller connects "response". */
AdwMessageDialog *furrow_paste_preview_new (GtkWidget *page,
                                            GPtrArray *lines,
                                            GArray    *refused,
                                            guint      accepted,
                                            gboolean   writes);

G_END_DECLS
