/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whole files or none (docs/architecture.md, The furrow-cli contract): every export writes into
 * a private folder beside its target and moves the result over the target only when it is
 * complete, so a failed or cancelled export leaves the target as it was and nothing else behind.
 *
 *   g_autoptr(FurrowAtomicFile) out = furrow_atomic_file_new ("/x/roster.csv", error);
 *   if (out == NULL || !furrow_atomic_file_write (out, text, len, error))
 *     return FALSE;                                     // freeing discards what was written
 *   return furrow_atomic_file_commit (out, error);      // fsync, rename over /x/roster.csv
 *
 * A writer that opens files by name (cairo, libxlsxwriter, GDAL) writes to
 * furrow_atomic_file_get_path(): the target's name inside the private folder, so the name's
 * extension stays; files it adds beside it (a Shapefile's .shx, .dbf …) are moved with it.
 *
 * Errors are G_FILE_ERROR, with a message that names the target ("roster.csv: cannot write: No
 * space left on device"). */
typedef struct _FurrowAtomicFile FurrowAtomicFile;

FurrowAtomicFile *furrow_atomic_file_new          (const char        *path,
                                                   GError           **error);
/* Where to write: the target's basename in the private folder. */
const char       *furrow_atomic_file_get_path     (FurrowAtomicFile  *self);
/* Appends `length` bytes to the file at furrow_atomic_file_get_path(). */
gboolean          furrow_atomic_file_write        (FurrowAtomicFile  *self,
                                                   const void        *data,
                                                   gsize              length,
                                                   GError           **error);
/* A file with personal data (full ID and phone numbers, docs/architecture.md, Opening, backup,
 * check): furrow_atomic_file_commit() makes every file it moves readable and writable by the
 * owner only (0600) before it appears under its name. */
void              furrow_atomic_file_set_private  (FurrowAtomicFile  *self,
                                                   gboolean           private_);
/* Flushes every file of the private folder to disk and renames it into the target's folder,
 * then removes the folder. On failure nothing more is renamed and the rest is discarded. */
gboolean          furrow_atomic_file_commit       (FurrowAtomicFile  *self,
                                                   GError           **error);
/* Removes the private folder and what is in it; the target is not touched. Freeing an
 * uncommitted file does this. */
void              furrow_atomic_file_discard      (FurrowAtomicFile  *self);
void              furrow_atomic_file_free         (FurrowAtomicFile  *self);

/* The whole of `contents` (`length` -1: up to its NUL) to `path`, or nothing. */
gboolean          furrow_atomic_file_set_contents (const char        *path,
                                                   const char        *contents,
                                                   gssize             length,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowAtomicFile, furrow_atomic_file_free)

G_END_DECLS
