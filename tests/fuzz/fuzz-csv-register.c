/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the CSV register reader: the bytes become a /vsimem/ CSV file that the
 * importer detects (encoding, mapping) and reads. Any input must end in success or a clean
 * error, never a crash, a leak or undefined behaviour. */

#include "config.h"

#include <stdint.h>

#include "import-memory.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import_memory ("/vsimem/fuzz-register.csv", data, size);
  return 0;
}
