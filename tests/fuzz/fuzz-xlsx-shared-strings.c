/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the XLSX shared strings (issue 12): the bytes are
 * xl/sharedStrings.xml of an otherwise well-formed workbook (a household register of two
 * columns whose header and first row name shared strings 0 to 3), written as a stored zip
 * archive in /vsimem/; the importer checks the archive (what it may inflate), detects the
 * columns and reads the rows through GDAL's XLSX driver. Any input must end in success or a
 * clean error, never a crash, a leak or undefined behaviour. */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "furrow-test-zip.h"
#include "import-memory.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *const sheet =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"
  "</sheetData></worksheet>";

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FurrowTestZip *zip;
  g_autoptr(GBytes) bytes = NULL;

  if (size > 1024 * 1024)
    return 0;

  zip = furrow_test_zip_new ();
  furrow_test_zip_add_xlsx_parts (zip);
  furrow_test_zip_add_stored (zip, "xl/worksheets/sheet1.xml", (const guint8 *) sheet,
                              strlen (sheet));
  furrow_test_zip_add_stored (zip, "xl/sharedStrings.xml", data, size);
  bytes = furrow_test_zip_finish (zip);
  fuzz_import_memory ("/vsimem/fuzz-households.xlsx", g_bytes_get_data (bytes, NULL),
                      g_bytes_get_size (bytes));
  return 0;
}
