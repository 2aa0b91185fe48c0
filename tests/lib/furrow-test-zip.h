/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Zip archives written member by member, for inputs no library writes (an XLSX bomb: its shared
 * string would have to be in memory; a fuzzer's bytes as one part of a workbook). Members are
 * stored, or deflated data given with its inflated size and CRC-32. Needs zlib. */
typedef struct _FurrowTestZip FurrowTestZip;

FurrowTestZip *furrow_test_zip_new        (void);
void           furrow_test_zip_add        (FurrowTestZip *zip,
                                           const char    *name,
                                           guint16        method,
                                           const guint8  *data,
                                           guint32        size,
                                           guint32        inflated_size,
                                           guint32        crc);
/* A stored member (method 0). */
void           furrow_test_zip_add_stored (FurrowTestZip *zip,
                                           const char    *name,
                                           const guint8  *data,
                                           guint32        size);
/* The parts of an XLSX workbook of one sheet, xl/worksheets/sheet1.xml, with shared strings,
 * xl/sharedStrings.xml: [Content_Types].xml, _rels/.rels, xl/workbook.xml and its rels. The
 * caller adds the sheet and the shared strings. */
void           furrow_test_zip_add_xlsx_parts (FurrowTestZip *zip);
/* The archive's bytes, its central directory written; frees ZIP. */
GBytes        *furrow_test_zip_finish     (FurrowTestZip *zip);

G_END_DECLS
