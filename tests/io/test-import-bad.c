/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (issue 3, item 5): every input is generated here, imported with
 * `furrow-cli import` into a project that already holds households and parcels, and must be
 * refused with exit status 1 and its message on stderr, leaving the project's content
 * unchanged (row counts and a SHA-256 of every row of every table, after a WAL checkpoint).
 * A few inputs that look odd but are right (GBK text, an XLSX with a text header row) must
 * import. */

#include "config.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "import-test-data.h"

#define N_PROJECT_PARCELS 8     /* parcels 0–7 of the generated grid are in the project */
#define N_HOUSEHOLD_PARCELS 40  /* households of parcels 0–39 (10 households) */

/* Bow-tie: the diagonals cross at 119.401 E 36.451 N. */
#define BOW_TIE "POLYGON ((119.400 36.450, 119.402 36.452, 119.402 36.450, 119.400 36.452, 119.400 36.450))"
#define SQUARE(x) "POLYGON ((" x " 36.45, " x "2 36.45, " x "2 36.4505, " x " 36.4505, " x " 36.45))"
#define GOOD_POLYGON SQUARE ("119.41")

typedef struct
{
  char *dir;
  char *project;
} Fixture;


static void
import_ok (const char *project,
           const char *source)
{
  const char *args[] = { "import", "--project", project, source, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = furrow_test_run_cliv (args, &out, &err);

  if (status != 0)
    g_error ("import of %s failed: %s", source, err);
}

/* The project's content ------------------------------------------------------------------ */

static char *
project_digest (const char *path,
                gint64     *n_rows)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  *n_rows = 0;
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      g_checksum_update (sum, (const guchar *) tables->pdata[t], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          (*n_rows)++;
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);
              const void *blob = sqlite3_column_blob (stmt, c);
              int size = sqlite3_column_bytes (stmt, c);

              g_checksum_update (sum, (const guchar *) &type, sizeof type);
              if (blob != NULL)
                g_checksum_update (sum, blob, size);
            }
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Fixture --------------------------------------------------------------------------------- */

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The project every case starts from, made once: 10 households and parcels 0–7. */
static char *base_dir;
static char *base_project;

static void
make_base_project (void)
{
  g_autofree char *households = NULL;
  g_autofree char *parcels = NULL;
  g_autofree char *digest = NULL;
  gint64 rows;

  base_dir = g_dir_make_tmp ("furrow-import-bad-XXXXXX", NULL);
  base_project = g_build_filename (base_dir, "project.gpkg", NULL);
  households = g_build_filename (base_dir, "households.csv", NULL);
  parcels = g_build_filename (base_dir, "project-parcels.shp", NULL);
  test_write_households_csv (households, N_HOUSEHOLD_PARCELS);
  test_write_parcels_shp (parcels, N_PROJECT_PARCELS, 4490, NULL);
  import_ok (base_project, households);
  import_ok (base_project, parcels);
  g_assert_cmpint (count_rows (base_project, "households"), ==, 10);
  g_assert_cmpint (count_rows (base_project, "parcels"), ==, N_PROJECT_PARCELS);
  digest = project_digest (base_project, &rows);   /* checkpoints the WAL into the file */
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;

  fixture->dir = g_build_filename (g_get_user_cache_dir (), "bad", NULL);
  g_mkdir_with_parents (fixture->dir, 0700);
  fixture->project = fixture_path (fixture, "project.gpkg");
  g_assert_true (g_file_get_contents (base_project, &contents, &len, NULL));
  test_write_file (fixture->project, contents, len);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->project);
}

/* Inputs ---------------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  char     *(*make) (Fixture *fixture);
  const char *extra[3];     /* extra arguments */
  const char *expected;     /* a substring of stderr */
  guint       n_lines;      /* stderr lines expected; 0: any */
  const char *file_name;    /* without make: a file of this name … */
  const char *contents;     /* … holding this text */
} BadInput;

static char *
write_one (Fixture          *fixture,
           const char       *name,
           const TestRecord *records,
           guint             n,
           int               epsg,
           const char       *encoding)
{
  char *path = fixture_path (fixture, name);

  test_write_records (path, "ESRI Shapefile", wkbPolygon, epsg, encoding, records, n);
  return path;
}

static char *
make_truncated (Fixture *fixture)
{
  char *path = fixture_path (fixture, "truncated.shp");

  test_write_parcels_shp (path, 20, 4490, NULL);
  g_assert_cmpint (truncate (path, 300), ==, 0);
  return path;
}

static char *
make_without (Fixture    *fixture,
              const char *name,
              const char *ext)
{
  char *path = fixture_path (fixture, name);
  g_autofree char *stem = g_strndup (path, strlen (path) - 4);
  g_autofree char *side = g_strconcat (stem, ".", ext, NULL);

  test_write_parcels_shp (path, 3, 4490, NULL);
  g_assert_cmpint (g_remove (side), ==, 0);
  return path;
}

static char *make_no_dbf (Fixture *f) { return make_without (f, "nodbf.shp", "dbf"); }
static char *make_no_shx (Fixture *f) { return make_without (f, "noshx.shp", "shx"); }
static char *make_no_prj (Fixture *f) { return make_without (f, "noprj.shp", "prj"); }

/* Gauss–Krüger zone 40 coordinates (40xxxxxx eastings) with a .prj that says CGCS2000 degrees. */
static char *
make_projected_as_degrees (Fixture *fixture)
{
  g_autofree char *gk = fixture_path (fixture, "degrees.shp");
  g_autofree char *stem = g_strndup (gk, strlen (gk) - 4);
  g_autofree char *prj = g_strconcat (stem, ".prj", NULL);
  g_autofree char *other = fixture_path (fixture, "wgs-prj.shp");
  g_autofree char *other_prj = fixture_path (fixture, "wgs-prj.prj");
  g_autofree char *wkt = NULL;

  test_write_parcels_shp (gk, 3, 4528, NULL);
  test_write_parcels_shp (other, 1, 4490, NULL);
  g_assert_true (g_file_get_contents (other_prj, &wkt, NULL, NULL));
  test_write_file (prj, wkt, -1);
  return g_steal_pointer (&gk);
}

static char *
make_bow_tie (Fixture *fixture)
{
  TestRecord r[] = { { BOW_TIE, "3707821022010100101", "370782102201010001", 1.5, NULL } };

  return write_one (fixture, "bowtie.shp", r, 1, 4490, NULL);
}

static char *
make_duplicate_in_file (Fixture *fixture)
{
  TestRecord r[] = {
    { SQUARE ("119.41"), "3707821022010100101", "370782102201010001", 1.5, NULL },
    { SQUARE ("119.42"), "3707821022010100102", "370782102201010001", 1.5, NULL },
    { SQUARE ("119.43"), "3707821022010100101", "370782102201010002", 1.5, NULL },
  };

  return write_one (fixture, "dup.shp", r, 3, 4490, NULL);
}

static char *
make_duplicate_in_project (Fixture *fixture)
{
  /* Parcel 3 of the grid (DKBM …0100004) is already in the project. */
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100004", "370782102201010001", 1.5, NULL } };

  return write_one (fixture, "dup-project.shp", r, 1, 4490, NULL);
}

static char *
make_unknown_household (Fixture *fixture)
{
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100101", "370782102201019999", 1.5, NULL } };

  return write_one (fixture, "unknown.shp", r, 1, 4490, NULL);
}

static char *
make_negative_area (Fixture *fixture)
{
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100101", "370782102201010001", -1.2, NULL } };

  return write_one (fixture, "negative.shp", r, 1, 4490, NULL);
}

static char *
make_zero_area (Fixture *fixture)
{
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100101", "370782102201010001", 0.0, NULL } };

  return write_one (fixture, "zero.shp", r, 1, 4490, NULL);
}

static char *
make_degenerate (Fixture *fixture)
{
  /* A sliver of 1 m × 0.1 mm: valid for GEOS, but it encloses less than 0.01 m². */
  TestRecord r[] = { { "POLYGON ((119.41 36.45, 119.41001 36.45, 119.41 36.450000001, 119.41 36.45))",
                       "3707821022010100101", "370782102201010001", 1.5, NULL } };

  return write_one (fixture, "flat.shp", r, 1, 4490, NULL);
}

static char *
make_empty_geometry (Fixture *fixture)
{
  TestRecord r[] = {
    { GOOD_POLYGON, "3707821022010100101", "370782102201010001", 1.5, NULL },
    { NULL, "3707821022010100102", "370782102201010001", 1.5, NULL },
  };

  return write_one (fixture, "empty.shp", r, 2, 4490, NULL);
}

static char *
make_point (Fixture *fixture)
{
  TestRecord r[] = { { "POINT (119.41 36.45)", "3707821022010100101", "370782102201010001", 1.5, NULL } };
  char *path = fixture_path (fixture, "point.shp");

  test_write_records (path, "ESRI Shapefile", wkbPoint, 4490, NULL, r, 1);
  return path;
}

static void
patch_doubles (const char *path,
               double      from,
               double      to,
               guint       expected)
{
  g_autofree char *bytes = NULL;
  gsize len;
  guint patched = 0;

  /* x86-64 and ARM are little-endian like the doubles of a .shp. */
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  for (gsize i = 0; i + sizeof from <= len; i++)
    if (memcmp (bytes + i, &from, sizeof from) == 0)
      {
        memcpy (bytes + i, &to, sizeof to);
        patched++;
      }
  g_assert_cmpuint (patched, ==, expected);
  test_write_file (path, bytes, len);
}

static char *
make_nan (Fixture *fixture)
{
  /* OGR refuses to write NaN: write 999 and patch the doubles in the .shp (the vertex and the
   * bounding boxes). */
  TestRecord r[] = { { "POLYGON ((119.41 36.45, 999 36.45, 119.412 36.4505, 119.41 36.45))",
                       "3707821022010100101", "370782102201010001", 1.5, NULL } };
  char *path = write_one (fixture, "nan.shp", r, 1, 4490, NULL);
  g_autofree char *shx = fixture_path (fixture, "nan.shx");

  patch_doubles (path, 999.0, NAN, 3);   /* file bbox, record bbox, vertex */
  patch_doubles (shx, 999.0, NAN, 1);    /* file bbox */
  return path;
}

static char *
make_gbk_as_utf8 (Fixture *fixture)
{
  char *path = fixture_path (fixture, "gbk.shp");

  test_write_parcels_shp (path, 1, 4490, "CP936");
  return path;
}

static char *
make_folder (Fixture *fixture)
{
  char *path = fixture_path (fixture, "folder.shp");

  g_mkdir_with_parents (path, 0700);
  return path;
}

static char *
make_png (Fixture *fixture)
{
  char *path = fixture_path (fixture, "photo.shp");
  guint8 png[200] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  test_write_file (path, (const char *) png, sizeof png);
  return path;
}

static char *
make_short_dkbm (Fixture *fixture)
{
  TestRecord r[] = { { GOOD_POLYGON, "37078210220101001", "370782102201010001", 1.5, NULL } };

  return write_one (fixture, "short-dkbm.shp", r, 1, 4490, NULL);
}

static char *
make_short_cbfbm (Fixture *fixture)
{
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100101", "3707821022010100", 1.5, NULL } };

  return write_one (fixture, "short-cbfbm.shp", r, 1, 4490, NULL);
}

static char *
make_lonlat (Fixture *fixture)
{
  char *path = fixture_path (fixture, "lonlat.shp");

  test_write_parcels_shp (path, 2, 4490, NULL);
  return path;
}

static char *
make_zone40_noprj (Fixture *fixture)
{
  char *path = fixture_path (fixture, "zone40.shp");
  g_autofree char *prj = fixture_path (fixture, "zone40.prj");

  test_write_parcels_shp (path, 2, 4528, NULL);
  g_assert_cmpint (g_remove (prj), ==, 0);
  return path;
}

static char *
make_three_problems (Fixture *fixture)
{
  TestRecord r[] = {
    { BOW_TIE, "3707821022010100101", "370782102201010001", 1.5, NULL },
    { SQUARE ("119.42"), "3707821022010100102", "370782102201010001", -3.0, NULL },
    { SQUARE ("119.43"), "370782102201010010", "370782102201010001", 1.5, NULL },
  };

  return write_one (fixture, "three.shp", r, 3, 4490, NULL);
}

/* Zip archives written member by member (the XLSX bomb cannot be written by libxlsxwriter:
 * its shared string would have to be in memory). Members are stored, or deflated data given
 * with its inflated size and CRC. */
typedef struct
{
  GByteArray *bytes;
  GByteArray *directory;
  guint16     n;
} Zip;

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

static void
zip_add (Zip          *zip,
         const char   *name,
         guint16       method,
         const guint8 *data,
         guint32       size,
         guint32       inflated_size,
         guint32       crc)
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

static void
zip_add_text (Zip        *zip,
              const char *name,
              const char *text)
{
  zip_add (zip, name, 0, (const guint8 *) text, strlen (text), strlen (text),
           crc32 (0, (const Bytef *) text, strlen (text)));
}

static void
zip_write (Zip        *zip,
           const char *path)
{
  guint32 offset = zip->bytes->len;

  g_byte_array_append (zip->bytes, zip->directory->data, zip->directory->len);
  put32 (zip->bytes, 0x06054b50);
  put32 (zip->bytes, 0);
  put16 (zip->bytes, zip->n);
  put16 (zip->bytes, zip->n);
  put32 (zip->bytes, zip->directory->len);
  put32 (zip->bytes, offset);
  put16 (zip->bytes, 0);
  test_write_file (path, (const char *) zip->bytes->data, zip->bytes->len);
  g_byte_array_unref (zip->bytes);
  g_byte_array_unref (zip->directory);
}

/* An XLSX of one household whose name is a shared string of 2 GiB of "A" in 2 MiB on disk:
 * one 1 MiB block of "A" deflated with a full flush (so it stands alone) repeated 2,048 times,
 * then an empty final block. Without a limit GDAL's XLSX reader held the whole string (the issue
 * measured 10 GB). */
static char *
make_xlsx_bomb (Fixture *fixture)
{
  const guint32 block = 1024 * 1024;
  const guint n_blocks = 2048;
  g_autofree guint8 *plain = g_malloc (block);
  g_autofree guint8 *packed = g_malloc (block);
  g_autoptr(GByteArray) stream = g_byte_array_new ();
  const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                     "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                     "count=\"3\" uniqueCount=\"3\"><si><t>CBFBM</t></si><si><t>CBFMC</t></si>"
                     "<si><t>";
  const char *tail = "</t></si></sst>";
  guint32 crc, block_crc, packed_len;
  guint64 inflated;
  z_stream z = { 0 };
  Zip zip = { g_byte_array_new (), g_byte_array_new (), 0 };
  char *path = fixture_path (fixture, "bomb.xlsx");

  memset (plain, 'A', block);
  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
  /* the head, stand-alone */
  z.next_in = (Bytef *) head;
  z.avail_in = strlen (head);
  z.next_out = packed;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  g_byte_array_append (stream, packed, block - z.avail_out);
  /* one block of "A", repeated */
  z.next_in = plain;
  z.avail_in = block;
  z.next_out = packed;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  g_assert_cmpuint (z.avail_in, ==, 0);
  packed_len = block - z.avail_out;
  for (guint i = 0; i < n_blocks; i++)
    g_byte_array_append (stream, packed, packed_len);
  z.next_in = (Bytef *) tail;
  z.avail_in = strlen (tail);
  z.next_out = packed;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_byte_array_append (stream, packed, block - z.avail_out);
  deflateEnd (&z);

  crc = crc32 (0, (const Bytef *) head, strlen (head));
  block_crc = crc32 (0, plain, block);
  for (guint i = 0; i < n_blocks; i++)
    crc = crc32_combine (crc, block_crc, block);
  crc = crc32_combine (crc, crc32 (0, (const Bytef *) tail, strlen (tail)), strlen (tail));
  inflated = strlen (head) + (guint64) block * n_blocks + strlen (tail);
  g_assert_cmpuint (inflated, >, G_GUINT64_CONSTANT (2) << 30);   /* 2 GiB and a little */
  g_assert_cmpuint (stream->len, <, 3 * 1024 * 1024);

  zip_add_text (&zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                "</Types>");
  zip_add_text (&zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                "</Relationships>");
  zip_add_text (&zip, "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  zip_add_text (&zip, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                "</Relationships>");
  zip_add_text (&zip, "xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>370782102201010030</t></is></c>"
                "<c r=\"B2\" t=\"s\"><v>2</v></c></row></sheetData></worksheet>");
  zip_add (&zip, "xl/sharedStrings.xml", 8, stream->data, stream->len, (guint32) inflated, crc);
  zip_write (&zip, path);
  return path;
}

/* A .shp of 20 shapes beside the .shx and .dbf of a 10-parcel version of the layer: GDAL read
 * 10 and dropped the rest. */
static char *
make_count_mismatch (Fixture *fixture)
{
  char *path = fixture_path (fixture, "mixed-up.shp");
  g_autofree char *other_dir = fixture_path (fixture, "older");
  g_autofree char *other = g_build_filename (other_dir, "mixed-up.shp", NULL);

  g_mkdir_with_parents (other_dir, 0700);
  test_write_parcels_shp (path, 20, 4490, NULL);
  test_write_parcels_shp (other, 10, 4490, NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *ext = i == 0 ? "shx" : "dbf";
      g_autofree char *from = g_strdup_printf ("%s/mixed-up.%s", other_dir, ext);
      g_autofree char *to = g_strdup_printf ("%s/mixed-up.%s", fixture->dir, ext);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      test_write_file (to, contents, len);
    }
  return path;
}

/* A .prj that is there but says nothing readable is not reported as missing. */
static char *
make_garbage_prj (Fixture *fixture)
{
  char *path = fixture_path (fixture, "garbage.shp");
  g_autofree char *prj = fixture_path (fixture, "garbage.prj");

  test_write_parcels_shp (path, 2, 4490, NULL);
  test_write_file (prj, "this is not WKT\n", -1);
  return path;
}

/* 4 KiB of random bytes named .zip (the case); the seed makes them the same each run. */
static char *
make_random_zip (Fixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint8 bytes[4096];
  char *path = fixture_path (fixture, "random.zip");

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  bytes[0] = 'X';   /* never "PK" by chance */
  test_write_file (path, (const char *) bytes, sizeof bytes);
  return path;
}

static const BadInput bad_inputs[] = {
  { "truncated-shp", make_truncated, { NULL }, "truncated.shp: the file is truncated (300 of ", 1 },
  { "missing-dbf", make_no_dbf, { NULL }, "nodbf.shp: the attribute file nodbf.dbf is missing", 1 },
  { "missing-shx", make_no_shx, { NULL }, "noshx.shp: the index file noshx.shx is missing", 1 },
  { "no-prj", make_no_prj, { NULL }, "noprj.shp: the .prj file is missing, so the coordinate system is unknown", 1 },
  { "projected-declared-as-degrees", make_projected_as_degrees, { NULL },
    "degrees.shp: EPSG:4490 is in degrees but the coordinates (40", 1 },
  { "bow-tie", make_bow_tie, { NULL },
    "bowtie.shp feature 1 (DKBM 3707821022010100101): self-intersection at 119.401 E 36.451 N", 1 },
  { "duplicate-dkbm-in-file", make_duplicate_in_file, { NULL },
    "dup.shp feature 3 (DKBM 3707821022010100101): the parcel code appears twice in the file (first in feature 1)", 1 },
  { "duplicate-dkbm-in-project", make_duplicate_in_project, { NULL },
    "dup-project.shp feature 1 (DKBM 3707821022010100004): the parcel code is already in the project", 1 },
  { "unknown-household", make_unknown_household, { NULL },
    "unknown.shp feature 1 (DKBM 3707821022010100101): the household 370782102201019999 is neither in the file nor in the project", 1 },
  { "negative-area", make_negative_area, { NULL },
    "negative.shp feature 1 (DKBM 3707821022010100101): HTMJM is negative (-1.2)", 1 },
  { "zero-area", make_zero_area, { NULL }, "zero.shp feature 1 (DKBM 3707821022010100101): HTMJM is zero", 1 },
  { "zero-area-polygon", make_degenerate, { NULL }, "flat.shp feature 1 (DKBM 3707821022010100101): a ring at ", 0 },
  { "empty-geometry", make_empty_geometry, { NULL },
    "empty.shp feature 2 (DKBM 3707821022010100102): the geometry is empty", 1 },
  { "point-geometry", make_point, { NULL },
    "point.shp feature 1 (DKBM 3707821022010100101): the geometry is a POINT, not a polygon", 1 },
  { "nan-coordinates", make_nan, { NULL },
    "nan.shp feature 1 (DKBM 3707821022010100101): vertex 3 has a coordinate that is not a finite number (nan, 36.45)", 1 },
  { "gbk-read-as-utf8", make_gbk_as_utf8, { "--encoding", "UTF-8" },
    "gbk.shp feature 1 (DKBM 3707821022010100001): the text in column DKMC is not valid UTF-8", 1 },
  { "csv-missing-column", NULL, { NULL },
    "missing.csv: the column CBFMC (Household head) is missing; the file has: CBFBM, LXDH", 1,
    "missing.csv", "CBFBM,LXDH\n370782102201010020,13800000000\n" },
  { "csv-invalid-utf8", NULL, { NULL },
    "latin.csv: line 2 is not valid UTF-8 (nor GBK); save the file as UTF-8 or give its encoding with --encoding", 1,
    "latin.csv", "CBFBM,CBFMC\n370782102201010020,\xff\xfe\xfd\n" },
  { "csv-not-a-number", NULL, { NULL },
    "nan-area.csv row 2 (DKBM 3707821022010100101): HTMJM “1,5” is not a number", 1,
    "nan-area.csv", "DKBM,CBFBM,HTMJM\n3707821022010100101,370782102201010001,\"1,5\"\n" },
  { "empty-file", NULL, { NULL }, "empty-file.shp: the file is empty (0 bytes)", 1,
    "empty-file.shp", "" },
  { "folder", make_folder, { NULL }, "folder.shp: this is a folder, not a file", 1 },
  { "png-renamed-shp", make_png, { NULL },
    "photo.shp: not an ESRI Shapefile (the file does not start with a .shp header)", 1 },
  { "dkbm-wrong-length", make_short_dkbm, { NULL },
    "short-dkbm.shp feature 1 (DKBM 37078210220101001): DKBM “37078210220101001” must be 19 digits, not 17 characters", 1 },
  { "cbfbm-wrong-length", make_short_cbfbm, { NULL },
    "short-cbfbm.shp feature 1 (DKBM 3707821022010100101): CBFBM “3707821022010100” must be 18 digits, not 16 characters", 1 },
  { "kml-line", NULL, { NULL }, "line.kml feature 1: the geometry is a LINESTRING, not a polygon", 1,
    "line.kml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>田埂</name>"
    "<LineString><coordinates>119.40,36.45,0 119.41,36.46,0</coordinates></LineString>"
    "</Placemark></Document></kml>\n" },
  { "geojson-broken-bracket", NULL, { NULL }, "broken.geojson: not a readable GeoJSON file", 1,
    "broken.geojson",
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
    "\"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
    "[[[119.4, 36.45], [119.41, 36.45], [119.41, 36.46], [119.4, 36.45]]}}]}\n" },
  { "wrong-epsg-override", make_lonlat, { "--crs", "EPSG:4528" },
    "lonlat.shp: EPSG:4528 is projected (metres) but the coordinates (119.370000, 36.400000) look like longitude and latitude", 1 },
  { "unknown-epsg", make_lonlat, { "--crs", "EPSG:999999" }, "lonlat.shp: EPSG:999999 is not a known coordinate system", 1 },
  { "wrong-zone-override", make_zone40_noprj, { "--crs", "EPSG:4527" },
    "zone40.shp: EPSG:4527 is Gauss–Krüger zone 39 but the eastings (40", 1 },
  { "household-in-project", NULL, { NULL },
    "again.csv row 3 (CBFBM 370782102201010001): the household code is already in the project", 1,
    "again.csv", "CBFBM,CBFMC\n370782102201010020,赵六\n370782102201010001,王五\n" },
  { "unsupported-type", NULL, { NULL }, "drawing.dxf: unsupported file type", 1,
    "drawing.dxf", "0\nSECTION\n" },
  { "three-problems", make_three_problems, { NULL }, "three.shp feature 3 (DKBM 370782102201010010): DKBM", 3 },
  /* Issue 12, item 3: files that imported wrong or partial data without a word. */
  { "csv-unclosed-quote", NULL, { NULL },
    "quote.csv: line 2: the quote (\") opened here is never closed, so the rest of the file would be read into one value", 1,
    "quote.csv", "CBFBM,CBFMC,CBFCYSL\n370782102201010020,\"赵六,3\n370782102201010021,王五,2\n" },
  { "csv-quote-closed-rows-later", NULL, { NULL },
    "late.csv: line 4: the quote (\") opened on line 2 closes here, so lines 2 to 4 would be read into one value; a closing quote is missing", 1,
    "late.csv", "CBFBM,CBFMC,CBFCYSL\n370782102201010020,\"赵六,3\n370782102201010021,王五,2\n"
    "370782102201010022,\"李四\",2\n" },
  { "csv-short-row", NULL, { NULL },
    "short.csv: line 3 has 2 of the 5 columns of the header; a value or a separator (,) is missing", 1,
    "short.csv", "CBFBM,CBFMC,CBFCYSL,LXDH,CBFZJHM\n370782102201010020,赵六,3,,\n"
    "370782102201010021,王五\n" },
  { "csv-long-row", NULL, { NULL },
    "long.csv: line 2 has 4 columns but the header has 3; a value holds a separator (,) that is not in quotes", 1,
    "long.csv", "CBFBM,CBFMC,CBFCYSL\n370782102201010020,赵,六,3\n" },
  { "csv-mixed-encodings", NULL, { NULL },
    "mixed.csv: the file mixes two text encodings, UTF-8 on line 2, 4 and another one (GBK?) on line 3", 1,
    "mixed.csv", "CBFBM,CBFMC\n370782102201010020,新户1\n370782102201010021,\xcd\xf5\xce\xe5\n"
    "370782102201010022,新户2\n" },
  { "csv-line-after-blank", NULL, { NULL },
    "blank.csv row 4 (DKBM 3707821022010100102): HTMJM “x” is not a number", 1,
    "blank.csv", "DKBM,CBFBM,HTMJM\n3707821022010100101,370782102201010001,1\n\n"
    "3707821022010100102,370782102201010001,x\n" },
  { "shp-shx-dbf-count-mismatch", make_count_mismatch, { NULL },
    "mixed-up.shp: the files do not belong together: mixed-up.shp holds 20 shapes, mixed-up.shx indexes 10 and mixed-up.dbf has 10 records", 1 },
  { "geojson-nul-in-string", NULL, { NULL },
    "nul.geojson feature 2: a text value holds a NUL character (\\u0000), which would cut it short", 1,
    "nul.geojson",
    "{\"type\": \"FeatureCollection\", \"features\": [\n"
    "{\"type\": \"Feature\", \"properties\": {\"DKBM\": \"3707821022010100101\", \"CBFBM\": "
    "\"370782102201010001\", \"HTMJM\": 1.5, \"DKMC\": \"南洼\"}, \"geometry\": {\"type\": "
    "\"Polygon\", \"coordinates\": [[[119.41, 36.45], [119.412, 36.45], [119.412, 36.4505], "
    "[119.41, 36.45]]]}},\n"
    "{\"type\": \"Feature\", \"properties\": {\"DKBM\": \"3707821022010100102\", \"CBFBM\": "
    "\"370782102201010001\", \"HTMJM\": 1.5, \"DKMC\": \"北\\u0000洼\"}, \"geometry\": {\"type\": "
    "\"Polygon\", \"coordinates\": [[[119.42, 36.45], [119.422, 36.45], [119.422, 36.4505], "
    "[119.42, 36.45]]]}}]}\n" },
  /* Issue 12, item 6: messages that misled. */
  { "garbage-prj", make_garbage_prj, { NULL },
    "garbage.shp: garbage.prj is not a coordinate system Furrow can read (empty or damaged)", 1 },
  { "csv-id-check-digit", NULL, { NULL },
    /* GB 11643: 11010519491231002X is right (the standard's example); …0021 is a typing mistake */
    "ids.csv row 3 (CBFBM 370782102201010021): CBFZJHM: The ID number’s last character does not match the others", 1,
    "ids.csv", "CBFBM,CBFMC,CBFZJHM\n370782102201010020,赵六,11010519491231002X\n"
    "370782102201010021,王五,110105194912310021\n" },
  { "csv-column-as-the-user-names-it", NULL, { NULL },
    "members.csv row 2 (CBFBM 370782102201010020): 承包方成员数量 (CBFCYSL) “三” is not a number", 1,
    "members.csv", "承包方编码,承包方名称,承包方成员数量\n370782102201010020,赵六,三\n" },
  { "csv-control-character", NULL, { NULL },
    "escape.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+001B); remove it", 1,
    "escape.csv", "CBFBM,CBFMC\n370782102201010020,赵\033[2J六\n" },
  { "xlsx-bomb", make_xlsx_bomb, { NULL },
    "bomb.xlsx: xl/sharedStrings.xml inside the archive unpacks to more than 128 MiB; Furrow does not read archives that expand so much", 1 },
  { "random-bytes-zip", make_random_zip, { NULL },
    "random.zip: not a zip file (a .zip, .xlsx or .kmz file is a zip archive, and this one does not start like one)", 1 },
};

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const BadInput *input = data;
  g_autofree char *source = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[8] = { "import", "--project", fixture->project, NULL, };
  gint64 rows_before, rows_after;
  struct rusage usage;
  guint n = 4;
  int status;

  if (input->make != NULL)
    source = input->make (fixture);
  else
    {
      source = fixture_path (fixture, input->file_name);
      test_write_file (source, input->contents, -1);
    }
  args[3] = source;
  for (guint i = 0; i < G_N_ELEMENTS (input->extra) && input->extra[i] != NULL; i++)
    args[n++] = input->extra[i];
  args[n] = NULL;

  before = project_digest (fixture->project, &rows_before);
  status = furrow_test_run_cliv (args, &out, &err);
  after = project_digest (fixture->project, &rows_after);

  g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, input->expected));
  lines = g_strsplit (g_strchomp (err), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "furrow-cli: "));
  if (input->n_lines > 0)
    g_assert_cmpuint (g_strv_length (lines), ==, input->n_lines);
  /* Personal data never appears in a message. */
  g_assert_null (strstr (err, "1380000"));

  g_assert_cmpint (rows_after, ==, rows_before);
  g_assert_cmpstr (after, ==, before);

  /* No input makes furrow-cli grow: the largest child so far stayed under 300 MiB (the XLSX
   * bomb took 10 GB before the archive limit). */
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_test_message ("largest furrow-cli so far: %ld KiB", usage.ru_maxrss);
  g_assert_cmpint (usage.ru_maxrss, <, 300 * 1024);
}

/* A new project file is not left behind when the import into it fails. */
static void
test_no_project_left_behind (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *source = make_bow_tie (fixture);
  g_autofree char *project = fixture_path (fixture, "new.gpkg");
  const char *args[] = { "import", "--project", project, source, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (furrow_test_run_cliv (args, NULL, &err), ==, 1);
  g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/io/import-bad/no-project-left-behind", Fixture, fixture_set_up,
                     test_no_project_left_behind, fixture_tear_down);

/* GBK text without a .cpg is detected and imports; so does an XLSX with a text header row. */
static void
test_odd_but_right (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *gbk = fixture_path (fixture, "gbk-ok.shp");
  g_autofree char *xlsx = fixture_path (fixture, "households.xlsx");
  const char *args[] = { "import", "--project", fixture->project, gbk, "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  lxw_workbook *wb = workbook_new (xlsx);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100101", "370782102201010001", 1.5, "南洼地" } };

  test_write_records (gbk, "ESRI Shapefile", wkbPolygon, 4490, "CP936", r, 1);
  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "{\"source\":\"gbk-ok.shp\",\"kind\":\"parcels\",\"epsg\":4490,\"encoding\":\"CP936\","
                   "\"fields\":0,\"parcels\":1,\"households\":0}\n");
  g_assert_cmpint (count_rows (fixture->project, "parcels"), ==, N_PROJECT_PARCELS + 1);

  worksheet_write_string (ws, 0, 0, "承包方编码", NULL);
  worksheet_write_string (ws, 0, 1, "承包方名称", NULL);
  worksheet_write_string (ws, 1, 0, "370782102201010030", NULL);
  worksheet_write_string (ws, 1, 1, "孙七", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  args[3] = xlsx;
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"households\":1"));
  g_assert_cmpint (count_rows (fixture->project, "households"), ==, 11);
}
FURROW_TEST_FIXTURE ("/furrow/io/import-bad/odd-but-right", Fixture, fixture_set_up,
                     test_odd_but_right, fixture_tear_down);

/* A KMZ of one doc.kml whose parcels carry their codes as <SimpleData> (as GDAL's LIBKML
 * driver writes them) imports as that KML does: 2 parcels with their codes and names. LIBKML
 * read the KMZ without the values, and it came in as 2 fields with invented codes. */
static void
test_kmz_like_kml (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *kml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document id=\"root_doc\">"
    "<Schema name=\"p\" id=\"p.schema\"><SimpleField name=\"DKBM\" type=\"string\"/>"
    "<SimpleField name=\"CBFBM\" type=\"string\"/><SimpleField name=\"HTMJM\" type=\"float\"/>"
    "<SimpleField name=\"DKMC\" type=\"string\"/></Schema><Document id=\"p\"><name>p</name>"
    "<Placemark id=\"p.1\"><ExtendedData><SchemaData schemaUrl=\"#p.schema\">"
    "<SimpleData name=\"DKBM\">3707821022010100101</SimpleData>"
    "<SimpleData name=\"CBFBM\">370782102201010001</SimpleData>"
    "<SimpleData name=\"HTMJM\">1.5</SimpleData><SimpleData name=\"DKMC\">南洼</SimpleData>"
    "</SchemaData></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>"
    "119.41,36.45,0 119.412,36.45,0 119.412,36.4505,0 119.41,36.4505,0 119.41,36.45,0"
    "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
    "<Placemark id=\"p.2\"><ExtendedData><SchemaData schemaUrl=\"#p.schema\">"
    "<SimpleData name=\"DKBM\">3707821022010100102</SimpleData>"
    "<SimpleData name=\"CBFBM\">370782102201010001</SimpleData>"
    "<SimpleData name=\"HTMJM\">1.5</SimpleData><SimpleData name=\"DKMC\">北洼</SimpleData>"
    "</SchemaData></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>"
    "119.42,36.45,0 119.422,36.45,0 119.422,36.4505,0 119.42,36.4505,0 119.42,36.45,0"
    "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
    "</Document></Document></kml>\n";
  g_autofree char *kmz = fixture_path (fixture, "parcels.kmz");
  const char *args[] = { "import", "--project", fixture->project, kmz, "--json", NULL };
  const char *list[] = { "list", "--project", fixture->project, "parcels", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;
  Zip zip = { g_byte_array_new (), g_byte_array_new (), 0 };

  zip_add_text (&zip, "doc.kml", kml);
  zip_write (&zip, kmz);
  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "{\"source\":\"parcels.kmz\",\"kind\":\"parcels\",\"epsg\":4326,\"encoding\":\"UTF-8\","
                   "\"fields\":0,\"parcels\":2,\"households\":0}\n");
  g_assert_cmpint (count_rows (fixture->project, "parcels"), ==, N_PROJECT_PARCELS + 2);
  g_assert_cmpint (furrow_test_run_cliv (list, &listed, NULL), ==, 0);
  g_assert_nonnull (strstr (listed, "3707821022010100101"));
  g_assert_nonnull (strstr (listed, "北洼"));
}
FURROW_TEST_FIXTURE ("/furrow/io/import-bad/kmz-like-kml", Fixture, fixture_set_up,
                     test_kmz_like_kml, fixture_tear_down);

static void
set_up (void)
{
  GDALAllRegister ();
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/furrow/io/import-bad/%s", bad_inputs[i].name);

      g_test_add (path, Fixture, &bad_inputs[i], fixture_set_up, test_bad_input, fixture_tear_down);
    }
  make_base_project ();
}

static void
tear_down (void)
{
  furrow_test_remove_tree (base_dir);
  g_free (base_project);
  g_free (base_dir);
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = tear_down);
