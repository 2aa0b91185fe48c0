/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target: the GeoPackage geometry blob decoder reads bytes straight from project files
 * that any program may have written. Every input must either decode or fail with an error —
 * never crash, read out of bounds or leak (ASan/UBSan) — and whatever decodes must re-encode to
 * a blob that decodes to the same geometry. Run by build-aux/run-tests; by hand:
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Dsanitize_only=true \
 *     -Db_sanitize=address,undefined -Db_lundef=false
 *   ninja -C _build-fuzz tests/fuzz/fuzz-gpkg-blob
 *   _build-fuzz/tests/fuzz/fuzz-gpkg-blob -max_total_time=60 tests/fuzz/corpus-gpkg-blob */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "furrow-store-gpkg.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowGeometry) geometry = furrow_gpkg_blob_decode (data, size, &error);
  g_autoptr(GBytes) blob = NULL;
  g_autoptr(FurrowGeometry) again = NULL;
  gsize blob_size;
  const guint8 *blob_data;

  if ((geometry == NULL) == (error == NULL))
    abort ();
  if (geometry == NULL)
    return 0;

  blob = furrow_gpkg_blob_encode (geometry);
  blob_data = g_bytes_get_data (blob, &blob_size);
  again = furrow_gpkg_blob_decode (blob_data, blob_size, NULL);
  if (again == NULL || !furrow_geometry_equal (geometry, again))
    abort ();
  return 0;
}
