/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-zip.h"

#include <string.h>
#include <zlib.h>

struct _FurrowTestZip
{
  GByteArray *bytes;
  GByteArray *directory;
  guint16     n;
};

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

FurrowTestZip *
furrow_test_zip_new (void)
{
  FurrowTestZip *zip = g_new0 (FurrowTestZip, 1);

  zip->bytes = g_byte_array_new ();
  zip->directory = g_byte_array_new ();
  return zip;
}

void
furrow_test_zip_add (FurrowTestZip *zip,
                     const char    *name,
                     guint16        method,
                     const guint8  *data,
                     guint32        size,
                     guint32        inflated_size,
                     guint32        crc)
{
  guint32 offset = zip->bytes->len;
  guint16 name_len = strlen (name);

  put32 (zip->bytes, 0x04034b50);
  put16 (zip->bytes, 20);
  put16 (zip->bytes, 0);
  put16 (zip->bytes, method);
  put32 (zip->bytes, 0);   /* time, date */
  put32 (zip->bytes, crc);
  put32 (zip->bytes, size);
  put32 (zip->bytes, inflated_size);
  put16 (zip->bytes, name_len);
  put16 (zip->bytes, 0);
  g_byte_array_append (zip->bytes, (const guint8 *) name, name_len);
  g_byte_array_append (zip->bytes, data, size);

  put32 (zip->directory, 0x02014b50);
  put16 (zip->directory, 20);
  put16 (zip->directory, 20);
  put16 (zip->directory, 0);
  put16 (zip->directory, method);
  put32 (zip->directory, 0);
  put32 (zip->directory, crc);
  put32 (zip->directory, size);
  put32 (zip->directory, inflated_size);
  put16 (zip->directory, name_len);
  put32 (zip->directory, 0);   /* extra and comment lengths */
  put32 (zip->directory, 0);   /* disk, internal attributes */
  put32 (zip->directory, 0);   /* external attributes */
  put32 (zip->directory, offset);
  g_byte_array_append (zip->directory, (const guint8 *) name, name_len);
  zip->n++;
}

void
furrow_test_zip_add_stored (FurrowTestZip *zip,
                            const char    *name,
                            const guint8  *data,
                            guint32        size)
{
  furrow_test_zip_add (zip, name, 0, data, size, size, crc32 (0, data, size));
}

static void
add_text (FurrowTestZip *zip,
          const char    *name,
          const char    *text)
{
  furrow_test_zip_add_stored (zip, name, (const guint8 *) text, strlen (text));
}

void
furrow_test_zip_add_xlsx_parts (FurrowTestZip *zip)
{
  add_text (zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            "</Types>");
  add_text (zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            "</Relationships>");
  add_text (zip, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add_text (zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            "</Relationships>");
}

GBytes *
furrow_test_zip_finish (FurrowTestZip *zip)
{
  guint32 offset = zip->bytes->len;
  GBytes *bytes;

  g_byte_array_append (zip->bytes, zip->directory->data, zip->directory->len);
  put32 (zip->bytes, 0x06054b50);
  put32 (zip->bytes, 0);
  put16 (zip->bytes, zip->n);
  put16 (zip->bytes, zip->n);
  put32 (zip->bytes, zip->directory->len);
  put32 (zip->bytes, offset);
  put16 (zip->bytes, 0);
  bytes = g_byte_array_free_to_bytes (zip->bytes);
  g_byte_array_unref (zip->directory);
  g_free (zip);
  return bytes;
}
