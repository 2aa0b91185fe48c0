/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the importer's fuzz targets share: BYTES become the /vsimem/ file PATH (its extension
 * picks the reader), which the importer detects and reads, as `furrow-cli import` does; GDAL is
 * registered, its messages silenced, on the first call. Any input must end in success or a clean
 * error, never a crash, a leak or undefined behaviour. */
void fuzz_import_memory (const char   *path,
                         const guint8 *bytes,
                         gsize         size);

G_END_DECLS
