/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the KML reader (issue 12): the bytes become a /vsimem/ KML file that the
 * importer detects and reads through GDAL's LIBKML (or KML) driver, then checks as parcels or
 * fields. Any input must end in success or a clean error, never a crash, a leak or undefined
 * behaviour. */

#include "config.h"

#include <stdint.h>

#include "import-memory.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import_memory ("/vsimem/fuzz-parcels.kml", data, size);
  return 0;
}
