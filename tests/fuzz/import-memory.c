/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "import-memory.h"

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include "furrow-importer.h"

void
fuzz_import_memory (const char   *path,
                    const guint8 *bytes,
                    gsize         size)
{
  static gboolean initialised = FALSE;
  g_autoptr(FurrowImporter) importer = NULL;

  if (!initialised)
    {
      GDALAllRegister ();
      CPLSetErrorHandler (CPLQuietErrorHandler);
      initialised = TRUE;
    }

  VSIFCloseL (VSIFileFromMemBuffer (path, (GByte *) bytes, size, FALSE));
  importer = furrow_importer_new (path);
  if (furrow_importer_open (importer, NULL))
    furrow_importer_read (importer, NULL, NULL);
  g_clear_object (&importer);
  VSIUnlink (path);
}
