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
#include <zlib.h>

#include "import-memory.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *const content_types =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
  "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
  "</Types>";
static const char *const rels =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char *const workbook =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char *const workbook_rels =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "</Relationships>";
static const char *const sheet =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"
  "</sheetData></worksheet>";

static void
put16 (GByteArray *a,
       guint16     v)
{
  guint8 b[2] = { v & 0xff, v >> 8 };

  g_byte_array_append (a, b, 2);
}

static void
put32 (GByteArray *a,
       guint32     v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };

  g_byte_array_append (a, b, 4);
}

/* One stored member (method 0): local header and data into BYTES, its entry into DIRECTORY. */
static void
add_member (GByteArray   *bytes,
            GByteArray   *directory,
            const char   *name,
            const guint8 *data,
            guint32       size)
{
  guint32 offset = bytes->len;
  guint32 crc = crc32 (0, data, size);
  guint16 name_len = strlen (name);

  put32 (bytes, 0x04034b50);
  put16 (bytes, 20);
  put16 (bytes, 0);
  put16 (bytes, 0);
  put32 (bytes, 0);
  put32 (bytes, crc);
  put32 (bytes, size);
  put32 (bytes, size);
  put16 (bytes, name_len);
  put16 (bytes, 0);
  g_byte_array_append (bytes, (const guint8 *) name, name_len);
  g_byte_array_append (bytes, data, size);

  put32 (directory, 0x02014b50);
  put16 (directory, 20);
  put16 (directory, 20);
  put16 (directory, 0);
  put16 (directory, 0);
  put32 (directory, 0);
  put32 (directory, crc);
  put32 (directory, size);
  put32 (directory, size);
  put16 (directory, name_len);
  put32 (directory, 0);
  put32 (directory, 0);
  put32 (directory, 0);
  put32 (directory, offset);
  g_byte_array_append (directory, (const guint8 *) name, name_len);
}

static void
add_text (GByteArray *bytes,
          GByteArray *directory,
          const char *name,
          const char *text)
{
  add_member (bytes, directory, name, (const guint8 *) text, strlen (text));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();
  guint32 directory_offset;

  if (size > 1024 * 1024)
    return 0;

  add_text (bytes, directory, "[Content_Types].xml", content_types);
  add_text (bytes, directory, "_rels/.rels", rels);
  add_text (bytes, directory, "xl/workbook.xml", workbook);
  add_text (bytes, directory, "xl/_rels/workbook.xml.rels", workbook_rels);
  add_text (bytes, directory, "xl/worksheets/sheet1.xml", sheet);
  add_member (bytes, directory, "xl/sharedStrings.xml", data, size);
  directory_offset = bytes->len;
  g_byte_array_append (bytes, directory->data, directory->len);
  put32 (bytes, 0x06054b50);
  put32 (bytes, 0);
  put16 (bytes, 6);
  put16 (bytes, 6);
  put32 (bytes, directory->len);
  put32 (bytes, directory_offset);
  put16 (bytes, 0);

  fuzz_import_memory ("/vsimem/fuzz-households.xlsx", bytes->data, bytes->len);
  return 0;
}
