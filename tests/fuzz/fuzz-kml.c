/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the KML reader (issue 12): the bytes become a /vsimem/ KML file that the
 * importer detects and reads through GDAL's LIBKML (or KML) driver, then checks as parcels or
 * fields. Any input must end in success or a clean error, never a crash, a leak or undefined
 * behaviour. */

#include "config.h"

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <stdint.h>

#include "furrow-importer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised = FALSE;
  const char *path = "/vsimem/fuzz-parcels.kml";
  g_autoptr(FurrowImporter) importer = NULL;

  if (!initialised)
    {
      GDALAllRegister ();
      CPLSetErrorHandler (CPLQuietErrorHandler);
      initialised = TRUE;
    }

  VSIFCloseL (VSIFileFromMemBuffer (path, (GByte *) data, size, FALSE));
  importer = furrow_importer_new (path);
  if (furrow_importer_open (importer, NULL))
    furrow_importer_read (importer, NULL, NULL);
  g_clear_object (&importer);
  VSIUnlink (path);
  return 0;
}
