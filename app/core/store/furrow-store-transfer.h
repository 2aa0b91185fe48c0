/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"

G_BEGIN_DECLS

/* Moving a cooperative between a file and a server (docs/architecture.md, The backend seam,
 * Publish and checkout): every row of every table of the project, ids, row versions, the audit
 * log with its actors and times, geometries bit for bit, copied through the statement layer in one
 * transaction on the target, which gets one audit row more saying where the copy came from.
 *
 * furrow_store_publish() puts the file project `source` on the server `uri` as the new
 * cooperative `cooperative` (NULL: the project's village code); FURROW_STORE_ERROR_EXISTS when the
 * server holds it already (nothing is overwritten), nothing left on the server on any failure.
 * The code of the new cooperative goes to `code` (lowercase, as the server keeps it).
 *
 * Both tell `progress` (when not NULL), in the calling thread, how many rows of all are copied:
 * first 0 of all (counted in the source's snapshot), then every few hundred rows and at the end
 * of each table. */
typedef void (*FurrowTransferProgress) (guint    done,
                                        guint    total,
                                        gpointer user_data);

gboolean furrow_store_publish  (FurrowStore             *source,
                                const char              *uri,
                                const char              *cooperative,
                                char                   **code,
                                FurrowTransferProgress   progress,
                                gpointer                 progress_data,
                                GError                 **error);

/* Writes the cooperative `source` (a server store) into a new project file at `path`, which must
 * not exist; the caller writes it beside its target and renames it into place
 * (furrow-atomic-file.h), so a failure leaves only a file it discards. */
gboolean furrow_store_checkout (FurrowStore             *source,
                                const char              *path,
                                FurrowTransferProgress   progress,
                                gpointer                 progress_data,
                                GError                 **error);

G_END_DECLS
