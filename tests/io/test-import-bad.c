/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (issue 3, item 5; issue 12): every input is generated here and given to
 * `furrow-cli` as a user would, against a project that already holds households, parcels and a
 * season: files to import, outputs that name the project under another name, damaged project
 * files, hostile settlement JSON, dates that are not dates. Each must be refused with exit
 * status 1 and its message on stderr, leaving the project file byte for byte as it was (its
 * SHA-256) and, for a healthy project, its content (row counts and a SHA-256 of every row of
 * every table, after a WAL checkpoint). A few cases must succeed and write what they should
 * (names that would be spreadsheet formulas, exported neutralised). A few inputs that look odd
 * but are right (GBK text, an XLSX with a text header row) must import. */

#include "config.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
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
#include "furrow-test-zip.h"
#include "furrow-test.h"
#include "import-test-data.h"

/* A value of 1,000 characters, 3,000 bytes in UTF-8. */
#define CHARS_10 "赵钱孙李周吴郑王冯陈"
#define CHARS_100 CHARS_10 CHARS_10 CHARS_10 CHARS_10 CHARS_10 CHARS_10 CHARS_10 CHARS_10 CHARS_10 CHARS_10
#define CHARS_1000 CHARS_100 CHARS_100 CHARS_100 CHARS_100 CHARS_100 CHARS_100 CHARS_100 CHARS_100 CHARS_100 CHARS_100

/* What ASan's quarantine may add to a child's peak (its default, quarantine_size_mb=256). */
#if defined(__SANITIZE_ADDRESS__)
#define ASAN_QUARANTINE_KIB (256 * 1024)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASAN_QUARANTINE_KIB (256 * 1024)
#endif
#endif
#ifndef ASAN_QUARANTINE_KIB
#define ASAN_QUARANTINE_KIB 0
#endif

#define N_PROJECT_PARCELS 8     /* parcels 0–7 of the generated grid are in the project */
#define N_HOUSEHOLD_PARCELS 40  /* households of parcels 0–39 (10 households) */

/* Bow-tie: the diagonals cross at 119.401 E 36.451 N. */
#define BOW_TIE "POLYGON ((119.400 36.450, 119.402 36.452, 119.402 36.450, 119.400 36.452, 119.400 36.450))"
#define SQUARE(x) "POLYGON ((" x " 36.45, " x "2 36.45, " x "2 36.4505, " x " 36.4505, " x " 36.45))"
#define GOOD_POLYGON SQUARE ("119.41")

typedef struct
{
  char    *dir;
  char    *project;
  char    *locked;    /* a folder made read-only by the case, unlocked in the tear-down */
  gboolean damaged;   /* the case damaged the project: compare its bytes, not its rows */
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
  g_autofree char *formulas = NULL;
  g_autofree char *digest = NULL;
  gint64 rows;

  base_dir = g_dir_make_tmp ("furrow-import-bad-XXXXXX", NULL);
  base_project = g_build_filename (base_dir, "project.gpkg", NULL);
  households = g_build_filename (base_dir, "households.csv", NULL);
  parcels = g_build_filename (base_dir, "project-parcels.shp", NULL);
  formulas = g_build_filename (base_dir, "formulas.csv", NULL);
  test_write_households_csv (households, N_HOUSEHOLD_PARCELS);
  test_write_parcels_shp (parcels, N_PROJECT_PARCELS, 4490, NULL);
  import_ok (base_project, households);
  import_ok (base_project, parcels);
  /* Five households whose names a spreadsheet would run as formulas (OWASP, CSV Injection):
   * the import takes them as text, every CSV export must neutralise them. */
  test_write_file (formulas, "CBFBM,CBFMC\n370782102201010090,=1+2\n370782102201010091,+1\n"
                   "370782102201010092,-1\n370782102201010093,@SUM(A1)\n"
                   "370782102201010094,\t=1\n", -1);
  import_ok (base_project, formulas);
  {
    const char *args[] = { "season", "--project", base_project, "create", "2025 秋", "--year",
                           "2025", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (furrow_test_run_cliv (args, &out, NULL), ==, 0);
  }
  g_assert_cmpint (count_rows (base_project, "seasons"), ==, 1);
  g_assert_cmpint (count_rows (base_project, "households"), ==, 15);
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

static gboolean lock_folder (const char *dir,
                             gboolean    lock);

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->locked != NULL)
    g_assert_true (lock_folder (fixture->locked, FALSE));
  g_free (fixture->locked);
  g_free (fixture->dir);
  g_free (fixture->project);
}

/* Inputs ---------------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  char     *(*make) (Fixture *fixture);
  const char *extra[3];     /* extra arguments */
  const char *expected;     /* a substring of stderr (of the file OUTPUT when SUCCEEDS) */
  guint       n_lines;      /* stderr lines expected; 0: any */
  const char *file_name;    /* without make: a file of this name … */
  const char *contents;     /* … holding this text */
  /* Another command than `import --project P SOURCE`: its arguments, where "@P" is the
   * project (and "@P-wal" its name with a suffix), "@S" the source made above and "@D/NAME"
   * a file in the case's folder. */
  const char *command[16];
  void      (*prepare) (Fixture *fixture);  /* runs before the command: damages, moves, links */
  gboolean    succeeds;     /* exit 0, nothing on stderr, EXPECTED in the file OUTPUT */
  const char *output;       /* "@D/NAME" */
  /* Not 0: furrow-cli may write no file larger than the project plus this many bytes (a
   * negative number: minus), its "disk" full (RLIMIT_FSIZE, SIGXFSZ ignored: write() fails
   * with EFBIG as it fails with ENOSPC on a full disk). */
  gint64      file_size_room;
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

/* Writes a zip archive (furrow-test-zip.h) to PATH. */
static void
zip_write (FurrowTestZip *zip,
           const char    *path)
{
  g_autoptr(GBytes) bytes = furrow_test_zip_finish (zip);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  test_write_file (path, data, size);
}

static void
add_text (FurrowTestZip *zip,
          const char    *name,
          const char    *text)
{
  furrow_test_zip_add_stored (zip, name, (const guint8 *) text, strlen (text));
}

/* A zip member that inflates to `head`, n_blocks × 1 MiB of `fill` and `tail`: one 1 MiB block
 * deflated with a full flush (so it stands alone) repeated n_blocks times, between the head and
 * the tail deflated on their own. Its deflated bytes; its CRC-32 and inflated size in CRC and
 * INFLATED. */
static GByteArray *
deflate_bomb (const char *head,
              char        fill,
              guint       n_blocks,
              const char *tail,
              guint32    *crc,
              guint64    *inflated)
{
  const guint32 block = 1024 * 1024;
  g_autofree guint8 *plain = g_malloc (block);
  g_autofree guint8 *packed = g_malloc (block);
  GByteArray *stream = g_byte_array_new ();
  guint32 block_crc, packed_len;
  z_stream z = { 0 };

  memset (plain, fill, block);
  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
  /* the head, stand-alone */
  z.next_in = (Bytef *) head;
  z.avail_in = strlen (head);
  z.next_out = packed;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  g_byte_array_append (stream, packed, block - z.avail_out);
  /* one block of `fill`, repeated */
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

  *crc = crc32 (0, (const Bytef *) head, strlen (head));
  block_crc = crc32 (0, plain, block);
  for (guint i = 0; i < n_blocks; i++)
    *crc = crc32_combine (*crc, block_crc, block);
  *crc = crc32_combine (*crc, crc32 (0, (const Bytef *) tail, strlen (tail)), strlen (tail));
  *inflated = strlen (head) + (guint64) block * n_blocks + strlen (tail);
  return stream;
}

/* An XLSX of one household whose name is a shared string of 2 GiB of "A" in 2 MiB on disk
 * (deflate_bomb ()). Without a limit GDAL's XLSX reader held the whole string (the issue
 * measured 10 GB). */
static char *
make_xlsx_bomb (Fixture *fixture)
{
  const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                     "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                     "count=\"3\" uniqueCount=\"3\"><si><t>CBFBM</t></si><si><t>CBFMC</t></si>"
                     "<si><t>";
  guint32 crc;
  guint64 inflated;
  g_autoptr(GByteArray) stream = deflate_bomb (head, 'A', 2048, "</t></si></sst>", &crc,
                                               &inflated);
  FurrowTestZip *zip = furrow_test_zip_new ();
  char *path = fixture_path (fixture, "bomb.xlsx");

  g_assert_cmpuint (inflated, >, G_GUINT64_CONSTANT (2) << 30);   /* 2 GiB and a little */
  g_assert_cmpuint (stream->len, <, 3 * 1024 * 1024);

  furrow_test_zip_add_xlsx_parts (zip);
  add_text (zip, "xl/worksheets/sheet1.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>370782102201010030</t></is></c>"
            "<c r=\"B2\" t=\"s\"><v>2</v></c></row></sheetData></worksheet>");
  furrow_test_zip_add (zip, "xl/sharedStrings.xml", 8, stream->data, stream->len,
                       (guint32) inflated, crc);
  zip_write (zip, path);
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


/* Issue 12: inputs beside the import ---------------------------------------------------- */

/* A households register the damaged project is asked to import. */
static char *
make_households (Fixture *fixture)
{
  char *path = fixture_path (fixture, "more.csv");

  test_write_file (path, "CBFBM,CBFMC\n370782102201010020,赵六\n", -1);
  return path;
}

/* A households register saved as UTF-16 without a byte-order mark, its first character 户
 * (tests/data/README.md): LE from Notepad's "Unicode", BE from some Excel exports. */
static char *
make_utf16le_no_bom (Fixture *fixture)
{
  return g_test_build_filename (G_TEST_DIST, "data", "households-utf16le-no-bom.csv", NULL);
}

static char *
make_utf16be_no_bom (Fixture *fixture)
{
  return g_test_build_filename (G_TEST_DIST, "data", "households-utf16be-no-bom.csv", NULL);
}

/* Other names of the project file: a symbolic link, a hard link, the same folder through a
 * symbolic link to it. */
static void
prepare_links (Fixture *fixture)
{
  g_autofree char *sym = fixture_path (fixture, "link.csv");
  g_autofree char *hard = fixture_path (fixture, "hard.gpkg");
  g_autofree char *folder = fixture_path (fixture, "same-folder");

  g_assert_cmpint (symlink (fixture->project, sym), ==, 0);
  g_assert_cmpint (link (fixture->project, hard), ==, 0);
  g_assert_cmpint (symlink (fixture->dir, folder), ==, 0);
}

/* A named pipe where an export goes: renamed over, a device such as /dev/full was replaced
 * by the file (as root); a pipe stands in for it here. */
static void
prepare_pipe (Fixture *fixture)
{
  g_autofree char *pipe = fixture_path (fixture, "pipe.csv");

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
}

/* The project named register.dbf, as a Shapefile register.shp would name its attributes. */
static void
prepare_project_as_dbf (Fixture *fixture)
{
  g_autofree char *dbf = fixture_path (fixture, "register.dbf");

  g_assert_cmpint (g_rename (fixture->project, dbf), ==, 0);
  g_free (fixture->project);
  fixture->project = g_steal_pointer (&dbf);
}

/* A copy of the project, to be imported as a GeoPackage. */
static void
prepare_project_copy (Fixture *fixture)
{
  g_autofree char *copy = fixture_path (fixture, "copy.gpkg");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &len, NULL));
  test_write_file (copy, contents, len);
}

/* Makes DIR a folder nobody may write, root included: mode 0555, and for root (who ignores
 * modes) the immutable attribute (chattr +i, ext4 and most Linux file systems). */
static gboolean
lock_folder (const char *dir,
             gboolean    lock)
{
  const char *argv[] = { "chattr", lock ? "+i" : "-i", dir, NULL };
  int status = 0;

  /* An immutable folder's mode cannot be changed: chattr -i before the chmod, +i after. */
  if (geteuid () == 0 &&
      !(g_spawn_sync (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, NULL, &status, NULL) &&
        g_spawn_check_wait_status (status, NULL)))
    return FALSE;
  return g_chmod (dir, lock ? 0555 : 0755) == 0 || geteuid () == 0;
}

/* The project moved into a folder of its own that may not be written. */
static void
prepare_read_only_folder (Fixture *fixture)
{
  g_autofree char *folder = fixture_path (fixture, "read-only");
  g_autofree char *project = g_build_filename (folder, "project.gpkg", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_rename (fixture->project, project), ==, 0);
  g_free (fixture->project);
  fixture->project = g_steal_pointer (&project);
  if (!lock_folder (folder, TRUE))
    g_error ("cannot make %s read-only (chattr +i as root)", folder);
  fixture->locked = g_steal_pointer (&folder);
}

static void
rewrite_project (Fixture    *fixture,
                 const char *contents,
                 gsize       length)
{
  test_write_file (fixture->project, contents, length);
  fixture->damaged = TRUE;
}

/* 4 KiB of random bytes (GRand seeded 12) over the middle of the file, as a failing disk or a
 * half-copied USB stick leaves it (the case, tests/cli/test-cli-safety.c). */
static void
prepare_damage_random (Fixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  for (gsize i = 0; i < 4096; i++)
    contents[length / 2 + i] = (char) g_rand_int_range (rand, 0, 256);
  rewrite_project (fixture, contents, length);
}

/* The first half of the file, as a copy cut short leaves it: the header is intact and says
 * the file is twice as long. */
static void
prepare_damage_truncated (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &length, NULL));
  rewrite_project (fixture, contents, length / 2);
}

/* The last page's b-tree page type (its first byte; SQLite's file format, section 1.6) set to
 * 0, which is none: one byte wrong in a file whose header is intact. */
static void
prepare_damage_page_type (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize length, page_size;
  guchar *bytes;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &length, NULL));
  bytes = (guchar *) contents;
  page_size = (gsize) bytes[16] << 8 | bytes[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length % page_size, ==, 0);
  /* Each page of a table or index starts with its type: 2, 5, 10 or 13. Break every one. */
  for (gsize offset = page_size; offset < length; offset += page_size)
    if (bytes[offset] == 2 || bytes[offset] == 5 || bytes[offset] == 10 || bytes[offset] == 13)
      bytes[offset] = 0;
  rewrite_project (fixture, contents, length);
}

/* A project overwritten by a text file (a CSV export saved under the project's name). */
static void
prepare_not_a_database (Fixture *fixture)
{
  const char *csv = "CBFBM,CBFMC\n370782102201010001,王五\n";

  rewrite_project (fixture, csv, strlen (csv));
}

/* A GeoPackage another program wrote (ogr2ogr from a GeoJSON of one parcel). */
static void
prepare_other_geopackage (Fixture *fixture)
{
  g_autofree char *geojson = fixture_path (fixture, "other.geojson");
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100101", "370782102201010001", 1.5, NULL } };

  g_assert_cmpint (g_remove (fixture->project), ==, 0);
  test_write_records (geojson, "GeoJSON", wkbPolygon, 4326, NULL, r, 1);
  test_write_records (fixture->project, "GPKG", wkbPolygon, 4326, NULL, r, 1);
  fixture->damaged = TRUE;
}

/* A settlement JSON of furrow-cli settle, the example of docs/architecture.md (the furrow-cli
 * contract) with a reason and a notice date, with one member replaced. */
static char *
settlement_json (Fixture    *fixture,
                 const char *name,
                 const char *member)
{
  char *path = fixture_path (fixture, name);
  g_autofree char *json =
    g_strdup_printf ("{\n  \"revenue_fen\": 23641200,\n  \"cost_fen_per_mu\": 28600,\n"
                     "  \"base\": {\"kind\": \"in_kind\", \"kg_per_mu\": 550, "
                     "\"price_fen_per_kg\": 136, \"less_cost_per_mu\": true},\n"
                     "  \"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50, "
                     "\"households\": 50},\n  \"reason\": \"members' resolution\",\n"
                     "  %s,\n"
                     "  \"households\": [{\"code\": \"370782102201010001\", \"area_mu\": 4.12}]\n}\n",
                     member);

  test_write_file (path, json, -1);
  return path;
}

static char *
make_json_bad_notice_date (Fixture *fixture)
{
  return settlement_json (fixture, "notice.json", "\"notice_date\": \"2024-02-30\"");
}

/* revenue_fen 2^63: json-glib wrapped it to a negative number ("must not be negative"). */
static char *
make_json_revenue_overflow (Fixture *fixture)
{
  char *path = settlement_json (fixture, "overflow.json", "\"notice_date\": \"2024-02-29\"");
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  parts = g_strsplit (json, "23641200", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("9223372036854775808", parts);
  test_write_file (path, changed, -1);
  return path;
}

static char *
make_json_duplicate (Fixture *fixture)
{
  return settlement_json (fixture, "twice.json", "\"cost_fen_per_mu\": 0");
}

/* 100,000 nested arrays: json-glib's parser recursed once a level and crashed. */
static char *
make_json_deep (Fixture *fixture)
{
  char *path = fixture_path (fixture, "deep.json");
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  test_write_file (path, json->str, json->len);
  return path;
}

/* 65 MiB: a text value of 65 MiB of "a" in an otherwise good settlement, written in 1 MiB
 * pieces (this process stays small: see the memory check of test_bad_input()). */
static char *
make_json_huge (Fixture *fixture)
{
  char *path = fixture_path (fixture, "huge.json");
  g_autofree char *block = g_malloc (1024 * 1024);
  FILE *file = g_fopen (path, "w");

  g_assert_nonnull (file);
  memset (block, 'a', 1024 * 1024);
  fputs ("{\n  \"revenue_fen\": 23641200,\n  \"cost_fen_per_mu\": 28600,\n"
         "  \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 50000},\n"
         "  \"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50, "
         "\"households\": 50},\n  \"comment\": \"", file);
  for (guint i = 0; i < 65; i++)
    g_assert_cmpuint (fwrite (block, 1, 1024 * 1024, file), ==, 1024 * 1024);
  fputs ("\",\n  \"households\": [{\"code\": \"370782102201010001\", \"area_mu\": 4.12}]\n}\n",
         file);
  g_assert_cmpint (fclose (file), ==, 0);
  return path;
}

/* The same nesting in a GeoJSON file for the import (GDAL's reader). */
static char *
make_geojson_deep (Fixture *fixture)
{
  char *path = fixture_path (fixture, "deep.geojson");
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}\n");
  test_write_file (path, json->str, json->len);
  return path;
}

/* The XLSX bomb's technique over a KMZ: doc.kml of 200 MiB of spaces in 1 MiB on disk. */
static char *
make_kmz_bomb (Fixture *fixture)
{
  const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>";
  guint32 crc;
  guint64 inflated;
  g_autoptr(GByteArray) stream = deflate_bomb (head, ' ', 200, "</Document></kml>\n", &crc,
                                               &inflated);
  FurrowTestZip *zip = furrow_test_zip_new ();
  char *path = fixture_path (fixture, "bomb.kmz");

  furrow_test_zip_add (zip, "doc.kml", 8, stream->data, stream->len, (guint32) inflated,
                       crc);
  zip_write (zip, path);
  return path;
}

static char *
make_random_named (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint8 bytes[4096];
  char *path = fixture_path (fixture, name);

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  bytes[0] = 'X';
  test_write_file (path, (const char *) bytes, sizeof bytes);
  return path;
}

static char *make_random_xlsx (Fixture *f) { return make_random_named (f, "random.xlsx"); }
static char *make_random_kmz (Fixture *f) { return make_random_named (f, "random.kmz"); }

/* An XLSX register (libxlsxwriter) whose second household's ID number has a wrong GB 11643
 * check digit: 11010519491231002X is the standard's example, …0021 a typing mistake. */
static char *
make_xlsx_id_check_digit (Fixture *fixture)
{
  char *path = fixture_path (fixture, "ids.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
  const char *cells[3][3] = { { "CBFBM", "CBFMC", "CBFZJHM" },
                              { "370782102201010020", "赵六", "11010519491231002X" },
                              { "370782102201010021", "王五", "110105194912310021" } };

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      worksheet_write_string (ws, r, c, cells[r][c], NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

/* The bow-tie as the first feature of a GeoJSON: "feature 1", as a user counts (OGR's id 0). */
static char *
make_geojson_first_feature (Fixture *fixture)
{
  TestRecord r[] = {
    { BOW_TIE, "3707821022010100101", "370782102201010001", 1.5, NULL },
    { SQUARE ("119.42"), "3707821022010100102", "370782102201010001", 1.5, NULL },
  };
  char *path = fixture_path (fixture, "first.geojson");

  test_write_records (path, "GeoJSON", wkbPolygon, 4326, NULL, r, 2);
  return path;
}

/* The .dbf of a 20-parcel layer beside the .shp and .shx of a 10-parcel one. */
static char *
make_dbf_longer (Fixture *fixture)
{
  char *path = fixture_path (fixture, "longer.shp");
  g_autofree char *other_dir = fixture_path (fixture, "newer");
  g_autofree char *other = g_build_filename (other_dir, "longer.shp", NULL);
  g_autofree char *from = g_build_filename (other_dir, "longer.dbf", NULL);
  g_autofree char *to = fixture_path (fixture, "longer.dbf");
  g_autofree char *contents = NULL;
  gsize len;

  g_mkdir_with_parents (other_dir, 0700);
  test_write_parcels_shp (path, 10, 4490, NULL);
  test_write_parcels_shp (other, 20, 4490, NULL);
  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  test_write_file (to, contents, len);
  return path;
}

/* 20,000 new households: more than the 64 KiB the disk-full cases leave the journal. */
static char *
make_many_households (Fixture *fixture)
{
  char *path = fixture_path (fixture, "many.csv");
  g_autoptr(GString) csv = g_string_new ("CBFBM,CBFMC,CBFCYSL\n");

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "370782102299%06u,试验户%u,%u\n", i + 1, i + 1, 1 + i % 6);
  test_write_file (path, csv->str, csv->len);
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
    "negative.shp feature 1 (DKBM 3707821022010100101): Contract area (mu) (HTMJM) is negative (-1.2)", 1 },
  { "zero-area", make_zero_area, { NULL }, "zero.shp feature 1 (DKBM 3707821022010100101): Contract area (mu) (HTMJM) is zero", 1 },
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
    "nan-area.csv row 2 (DKBM 3707821022010100101): Contract area (mu) (HTMJM) “1,5” is not a number", 1,
    "nan-area.csv", "DKBM,CBFBM,HTMJM\n3707821022010100101,370782102201010001,\"1,5\"\n" },
  { "empty-file", NULL, { NULL }, "empty-file.shp: the file is empty (0 bytes)", 1,
    "empty-file.shp", "" },
  { "folder", make_folder, { NULL }, "folder.shp: this is a folder, not a file", 1 },
  { "png-renamed-shp", make_png, { NULL },
    "photo.shp: not an ESRI Shapefile (the file does not start with a .shp header)", 1 },
  { "dkbm-wrong-length", make_short_dkbm, { NULL },
    "short-dkbm.shp feature 1 (DKBM 37078210220101001): Parcel code (DKBM) “37078210220101001” must be 19 digits, not 17 characters", 1 },
  { "cbfbm-wrong-length", make_short_cbfbm, { NULL },
    "short-cbfbm.shp feature 1 (DKBM 3707821022010100101): Household code (CBFBM) “3707821022010100” must be 18 digits, not 16 characters", 1 },
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
  { "three-problems", make_three_problems, { NULL }, "three.shp feature 3 (DKBM 370782102201010010): Parcel code (DKBM)", 3 },
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
    "blank.csv row 4 (DKBM 3707821022010100102): Contract area (mu) (HTMJM) “x” is not a number", 1,
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
    "ids.csv row 3 (CBFBM 370782102201010021): ID number (CBFZJHM): The ID number’s last character does not match the others", 1,
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
  /* Issue 12, item 1: an output that is the project under any name (the project is
   * project.gpkg in the case's folder). */
  { .name = "export-csv-onto-project",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it; choose another file name (nothing was written)", .n_lines = 1 },
  { .name = "export-gpkg-onto-project",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "gpkg", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-xlsx-onto-project",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "xlsx", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-geojson-onto-project",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "geojson", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-onto-wal",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@P-wal" },
    .expected = "project.gpkg-wal is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-shm",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "gpkg", "@P-shm" },
    .expected = "project.gpkg-shm is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-journal",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "kml", "@P-journal" },
    .expected = "project.gpkg-journal is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-symlink", .prepare = prepare_links,
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/link.csv" },
    .expected = "link.csv is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-onto-hard-link", .prepare = prepare_links,
    .command = { "export", "--project", "@P", "--layer", "fields", "--format", "gpkg", "@D/hard.gpkg" },
    .expected = "hard.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-through-linked-folder", .prepare = prepare_links,
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "csv",
                 "@D/same-folder/project.gpkg" },
    .expected = "same-folder/project.gpkg is the open project", .n_lines = 1 },
  { .name = "export-from-symlink-onto-wal", .prepare = prepare_links,
    .command = { "export", "--project", "@D/link.csv", "--layer", "parcels", "--format", "csv",
                 "@P-wal" },
    .expected = "project.gpkg-wal is a journal file of the open project", .n_lines = 1 },
  { .name = "roster-onto-project",
    .command = { "roster", "--project", "@P", "--season", "2025 秋", "--out", "@P" },
    .expected = "project.gpkg is the open project", .n_lines = 1 },
  { .name = "statements-onto-wal",
    .command = { "statements", "--project", "@P", "--season", "2025 秋", "--out", "@P-wal" },
    .expected = "project.gpkg-wal is a journal file of the open project", .n_lines = 1 },
  { .name = "statements-per-household-onto-project",
    .command = { "statements", "--project", "@P", "--season", "2025 秋", "--per-household", "@P" },
    .expected = "project.gpkg is the open project", .n_lines = 1 },
  { .name = "payroll-onto-shm",
    .command = { "payroll", "--project", "@P", "--season", "2025 秋", "--out", "@P-shm" },
    .expected = "project.gpkg-shm is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-dot-dot-path",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "kml",
                 "@D/../bad/./project.gpkg" },
    .expected = "bad/../bad/./project.gpkg is the open project", .n_lines = 1 },
  /* Issue 12, item 2: a damaged project is refused by every command, nothing written. */
  { .name = "damaged-random-list", .prepare = prepare_damage_random,
    .command = { "list", "--project", "@P", "parcels" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-random-import", .prepare = prepare_damage_random, .make = make_households,
    .expected = "nothing was written to it; restore it from a backup or a restore point, or run “furrow-cli check” to see what is wrong", .n_lines = 1 },
  { .name = "damaged-random-export", .prepare = prepare_damage_random,
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-random-season-create", .prepare = prepare_damage_random,
    .command = { "season", "--project", "@P", "create", "2026 夏", "--year", "2026" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-truncated-list", .prepare = prepare_damage_truncated,
    .command = { "list", "--project", "@P", "households" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-truncated-import", .prepare = prepare_damage_truncated, .make = make_households,
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-page-types-list", .prepare = prepare_damage_page_type,
    .command = { "list", "--project", "@P", "fields" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "project-overwritten-by-text", .prepare = prepare_not_a_database, .make = make_households,
    .expected = "project.gpkg is not a Furrow project (not an SQLite database)", .n_lines = 1 },
  { .name = "project-of-another-program", .prepare = prepare_other_geopackage, .make = make_households,
    .expected = "project.gpkg is a GeoPackage but not a Furrow project", .n_lines = 1 },
  /* Issue 12, items 3 and 4: wrong, partial or runaway reads. */
  { .name = "shp-dbf-longer-than-shp", .make = make_dbf_longer,
    .expected = "longer.shp: the files do not belong together: longer.shp holds 10 shapes, longer.shx indexes 10 and longer.dbf has 20 records", .n_lines = 1 },
  { .name = "geojson-nested-100000", .make = make_geojson_deep,
    .expected = "deep.geojson: not a readable GeoJSON file", .n_lines = 1 },
  { .name = "settle-json-nested-100000", .make = make_json_deep, .command = { "settle", "@S" },
    .expected = "deep.json:1: nested more than 64 levels deep; a settlement has 3", .n_lines = 1 },
  { .name = "settle-json-65-mib", .make = make_json_huge, .command = { "settle", "@S" },
    .expected = "huge.json: the file is 65.0\u00a0MiB; a settlement is at most 64 MiB", .n_lines = 1 },
  { .name = "kmz-bomb", .make = make_kmz_bomb,
    .expected = "bomb.kmz: doc.kml inside the archive unpacks to more than 128 MiB; Furrow does not read archives that expand so much", .n_lines = 1 },
  /* Issue 12, item 5: names a spreadsheet would run, exported as text (OWASP, CSV Injection:
   * a leading ' and the cell quoted); the households of the base project. */
  { .name = "csv-export-formula-equals", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010090,\"'=1+2\"," },
  { .name = "csv-export-formula-plus", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010091,\"'+1\"," },
  { .name = "csv-export-formula-minus", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010092,\"'-1\"," },
  { .name = "csv-export-formula-at", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010093,\"'@SUM(A1)\"," },
  /* "\t=1": the import trims the tab, the masked export neutralises the "=". */
  { .name = "csv-export-formula-tab-masked", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "--masked",
                 "@D/out.csv" },
    .expected = "\n370782102201010094,\"'=1\"," },
  /* Terminal escapes and other control characters are refused on import (the code point, never
   * the value). */
  { .name = "csv-c1-control", .file_name = "c1.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020,赵\xc2\x9b" "2J六\n",
    .expected = "c1.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+009B); remove it", .n_lines = 1 },
  /* A value of 1,001 characters (a 3-million-character name was imported; issue 12). */
  { .name = "csv-name-too-long", .file_name = "long.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020," CHARS_1000 "赵\n",
    .expected = "long.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) is 1001 characters long; a value has at most 1000", .n_lines = 1 },
  { .name = "csv-delete-character", .file_name = "del.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020,赵\x7f六\n",
    .expected = "del.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+007F); remove it", .n_lines = 1 },
  { .name = "csv-right-to-left-override", .file_name = "rlo.csv",
    .contents = "CBFBM,CBFMC\n370782102201010020,赵\u202e六\n",
    .expected = "rlo.csv row 2 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+202E); remove it", .n_lines = 1 },
  { .name = "geojson-escape-sequence", .file_name = "esc.geojson",
    .contents = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                "\"properties\": {\"CBFBM\": \"370782102201010020\", \"CBFMC\": \"赵\\u001b[2J六\"}, "
                "\"geometry\": null}]}\n",
    .expected = "esc.geojson feature 1 (CBFBM 370782102201010020): the CBFMC (Household head) holds a control character (U+001B); remove it", .n_lines = 1 },
  { .name = "kml-escape-sequence", .file_name = "esc.kml",
    .contents = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>东\xc2\x9b" "2J洼</name>"
                "<Polygon><outerBoundaryIs><LinearRing><coordinates>119.41,36.45 119.412,36.45 "
                "119.412,36.4505 119.41,36.45</coordinates></LinearRing></outerBoundaryIs></Polygon>"
                "</Placemark></Document></kml>\n",
    .expected = "esc.kml feature 1: the NAME (Field name) holds a control character (U+009B); remove it", .n_lines = 1 },
  /* Issue 12, item 6: messages that misled. */
  /* What reads a project in a read-only folder works (tests/cli/test-cli-messages.c); what
   * changes it says so, the same way for every command. */
  { .name = "read-only-folder", .prepare = prepare_read_only_folder,
    .command = { "season", "--project", "@P", "create", "2026 夏", "--year", "2026" },
    .expected = "read-only/project.gpkg: the folder is read-only (a project keeps its journal files -wal and -shm beside it); copy the project to a folder you may change", .n_lines = 1 },
  { .name = "read-only-folder-import", .prepare = prepare_read_only_folder, .make = make_households,
    .expected = "read-only/project.gpkg: the folder is read-only (a project keeps its journal files -wal and -shm beside it); copy the project to a folder you may change", .n_lines = 1 },
  /* Issue 12, the hostile rerun: an output that is not a file, a project imported into
   * itself or from a copy (it came in as 40 more fields with invented codes). */
  { .name = "export-onto-a-pipe", .prepare = prepare_pipe,
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/pipe.csv" },
    .expected = "pipe.csv: cannot write: it is a device, a pipe or a socket, not a file", .n_lines = 1 },
  { .name = "export-shp-beside-project-dbf", .prepare = prepare_project_as_dbf,
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "shp", "@D/register.shp" },
    .expected = "register.dbf is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "csv-the-same-column-twice", .file_name = "twice.csv",
    .contents = "承包方编码,承包方编码,承包方名称\n370782102201010020,370782102201010021,赵六\n",
    .expected = "twice.csv: the columns “承包方编码” and “承包方编码” are both the Household code (CBFBM); keep one of them", .n_lines = 1 },
  { .name = "csv-code-and-its-name", .file_name = "both.csv",
    .contents = "CBFBM,承包方编码,CBFMC\n370782102201010020,370782102201010021,赵六\n",
    .expected = "both.csv: the columns “CBFBM” and “承包方编码” are both the Household code (CBFBM); keep one of them", .n_lines = 1 },
  { .name = "csv-area-1e300-mu", .file_name = "vast.csv",
    .contents = "DKBM,CBFBM,HTMJM\n3707821022010100101,370782102201010001,1e300\n",
    .expected = "vast.csv row 2 (DKBM 3707821022010100101): Contract area (mu) (HTMJM) is 1e+300, more than a parcel holds (at most 1000 mu); check the column’s unit", .n_lines = 1 },
  { .name = "csv-utf16", .file_name = "utf16.csv",
    .contents = "\xFF\xFE" "C",   /* the byte-order mark and the first byte of "CBFBM" */
    .expected = "utf16.csv: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  /* Without a byte-order mark, starting with 户 (37 62 in UTF-16LE): was "not a text file". */
  { .name = "csv-utf16le-no-bom", .make = make_utf16le_no_bom,
    .expected = "households-utf16le-no-bom.csv: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  { .name = "csv-utf16be-no-bom", .make = make_utf16be_no_bom,
    .expected = "households-utf16be-no-bom.csv: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  { .name = "geojson-utf16", .file_name = "utf16.geojson",
    .contents = "\xFF\xFE{",
    .expected = "utf16.geojson: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  { .name = "geojson-property-twice", .file_name = "twice.geojson",
    .contents = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                "\"properties\": {\"DKBM\": \"3707821022010100101\", \"DKBM\": \"3707821022010100102\", "
                "\"CBFBM\": \"370782102201010001\", \"HTMJM\": 1.5}, \"geometry\": null}]}\n",
    .expected = "twice.geojson feature 1: the member “DKBM” appears twice in the same object", .n_lines = 1 },
  { .name = "account-holder-escape-sequence",
    .command = { "household", "set-account", "--project", "@P", "--code", "370782102201010001",
                 "--account", "6228480000000000018", "--holder", "张\033[2J三" },
    .expected = "household 370782102201010001: the bank, branch or holder holds a control character (U+001B); remove it", .n_lines = 1 },
  { .name = "season-name-escape-sequence",
    .command = { "season", "--project", "@P", "create", "秋\033[2J季", "--year", "2026" },
    .expected = "project.gpkg: the season’s name holds a control character (U+001B); remove it", .n_lines = 1 },
  { .name = "project-is-a-pipe", .prepare = prepare_pipe,
    .command = { "list", "--project", "@D/pipe.csv", "households" },
    .expected = "pipe.csv is a device, a pipe or a socket, not a Furrow project", .n_lines = 1 },
  { .name = "import-the-project-into-itself",
    .command = { "import", "--project", "@P", "@P" },
    .expected = "project.gpkg is a Furrow project, not a file to import: open it with Furrow, or export its fields, parcels or households and import those", .n_lines = 1 },
  { .name = "import-a-copy-of-a-project", .prepare = prepare_project_copy,
    .command = { "import", "--project", "@P", "@D/copy.gpkg" },
    .expected = "copy.gpkg is a Furrow project, not a file to import", .n_lines = 1 },
  { .name = "harvest-revenue-out-of-range",
    .command = { "season", "--project", "@P", "harvest", "2025 秋", "--field", "T01", "--crop",
                 "maize", "--kg", "30000", "--revenue-fen", "9223372036854775808" },
    .expected = "--revenue-fen 9223372036854775808: give the sale revenue as whole fen", .n_lines = 1 },
  { .name = "settle-json-revenue-out-of-range", .make = make_json_revenue_overflow,
    .command = { "settle", "@S" },
    .expected = "overflow.json: $.revenue_fen: 9223372036854775808 is out of range; a whole number is at most 9223372036854775807", .n_lines = 1 },
  { .name = "settle-json-duplicate-key", .make = make_json_duplicate, .command = { "settle", "@S" },
    .expected = "twice.json: $.cost_fen_per_mu: the member appears twice in the same object", .n_lines = 1 },
  { .name = "settle-json-notice-date-2024-02-30", .make = make_json_bad_notice_date,
    .command = { "settle", "@S" },
    .expected = "notice.json: $.notice_date: “2024-02-30” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10", .n_lines = 1 },
  { .name = "statements-notice-date-garbage",
    .command = { "statements", "--project", "@P", "--season", "2025 秋", "--notice-date", "garbage",
                 "--out", "@D/statements.pdf" },
    .expected = "--notice-date: “garbage” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10", .n_lines = 1 },
  { .name = "roster-notice-date-2024-02-30",
    .command = { "roster", "--project", "@P", "--season", "2025 秋", "--notice-date", "2024-02-30",
                 "--out", "@D/roster.pdf" },
    .expected = "--notice-date: “2024-02-30” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10", .n_lines = 1 },
  { .name = "season-notice-date-2024-02-30",
    .command = { "season", "--project", "@P", "set-notice-date", "2025 秋", "2024-02-30" },
    .expected = "project.gpkg: “2024-02-30” is not a date: give the public-notice date as YYYY-MM-DD, e.g. 2024-11-20", .n_lines = 1 },
  { .name = "geojson-feature-1-is-the-first", .make = make_geojson_first_feature,
    .expected = "first.geojson feature 1 (DKBM 3707821022010100101): self-intersection at 119.401 E 36.451 N", .n_lines = 1 },
  { .name = "csv-area-column-as-the-user-names-it", .file_name = "areas.csv",
    .contents = "地块编码,承包方编码,合同面积（亩）\n3707821022010100101,370782102201010001,一亩\n",
    .expected = "areas.csv row 2 (DKBM 3707821022010100101): 合同面积（亩） (HTMJM) “一亩” is not a number", .n_lines = 1 },
  { .name = "random-bytes-xlsx", .make = make_random_xlsx,
    .expected = "random.xlsx: not a zip file (a .zip, .xlsx or .kmz file is a zip archive, and this one does not start like one)", .n_lines = 1 },
  { .name = "random-bytes-kmz", .make = make_random_kmz,
    .expected = "random.kmz: not a zip file", .n_lines = 1 },
  { .name = "xlsx-id-check-digit", .make = make_xlsx_id_check_digit,
    .expected = "ids.xlsx row 3 (CBFBM 370782102201010021): ID number (CBFZJHM): The ID number’s last character does not match the others", .n_lines = 1 },
  { .name = "csv-id-17-characters", .file_name = "short-id.csv",
    .contents = "CBFBM,CBFMC,CBFZJHM\n370782102201010020,赵六,11010519491231002\n",
    .expected = "short-id.csv row 2 (CBFBM 370782102201010020): ID number (CBFZJHM): An ID number has 18 characters: 17 digits and a digit or X", .n_lines = 1 },
  /* A full disk: files may grow 64 KiB past the project's size (the journal fills up), or
   * not even to its size (the restore point before the import cannot be written). */
  { .name = "disk-full-during-import", .make = make_many_households, .file_size_room = 65536,
    .expected = "project.gpkg: a file may not grow this large here (the file size limit, “ulimit -f”); nothing was written", .n_lines = 1 },
  { .name = "disk-full-before-import", .make = make_many_households, .file_size_room = -4096,
    .expected = "cannot keep a restore point of ", .n_lines = 1 },
};

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* "@P" → the project, "@P-wal" → its name with "-wal", "@S" → SOURCE, "@D/x" → x in the
 * case's folder. */
static char *
expand_argument (Fixture    *fixture,
                 const char *arg,
                 const char *source)
{
  if (g_str_equal (arg, "@S"))
    return g_strdup (source);
  if (g_str_has_prefix (arg, "@P"))
    return g_strconcat (fixture->project, arg + 2, NULL);
  if (g_str_has_prefix (arg, "@D/"))
    return fixture_path (fixture, arg + 3);
  return g_strdup (arg);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const BadInput *input = data;
  g_autofree char *source = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  gint64 rows_before = 0, rows_after = 0;
  struct rusage usage, own;
  int status;

  if (input->make != NULL)
    source = input->make (fixture);
  else if (input->file_name != NULL)
    {
      source = fixture_path (fixture, input->file_name);
      test_write_file (source, input->contents, -1);
    }
  if (input->prepare != NULL)
    input->prepare (fixture);

  if (input->command[0] == NULL)
    {
      g_ptr_array_add (args, g_strdup ("import"));
      g_ptr_array_add (args, g_strdup ("--project"));
      g_ptr_array_add (args, g_strdup (fixture->project));
      g_ptr_array_add (args, g_strdup (source));
    }
  for (guint i = 0; i < G_N_ELEMENTS (input->command) && input->command[i] != NULL; i++)
    g_ptr_array_add (args, expand_argument (fixture, input->command[i], source));
  for (guint i = 0; i < G_N_ELEMENTS (input->extra) && input->extra[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (input->extra[i]));
  g_ptr_array_add (args, NULL);

  if (!fixture->damaged && fixture->locked == NULL)
    before = project_digest (fixture->project, &rows_before);
  sha_before = file_sha256 (fixture->project);
  if (input->file_size_room != 0)
    {
      /* Set on this process between the fork and the exec's inheritance: nothing here
       * writes while it is set. */
      struct rlimit saved, limit;
      GStatBuf st;

      g_assert_cmpint (g_stat (fixture->project, &st), ==, 0);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      limit = saved;
      limit.rlim_cur = st.st_size + input->file_size_room;
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      status = furrow_test_run_cliv ((const char *const *) args->pdata, &out, &err);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      signal (SIGXFSZ, SIG_DFL);
    }
  else
    status = furrow_test_run_cliv ((const char *const *) args->pdata, &out, &err);
  sha_after = file_sha256 (fixture->project);
  if (fixture->locked != NULL)
    {
      g_assert_true (lock_folder (fixture->locked, FALSE));
      g_clear_pointer (&fixture->locked, g_free);
    }

  g_test_message ("stderr: %s", err);
  if (input->succeeds)
    {
      g_autofree char *output = expand_argument (fixture, input->output, source);
      g_autofree char *written = NULL;

      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
      g_assert_nonnull (strstr (written, input->expected));
    }
  else
    {
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, input->expected));
      lines = g_strsplit (g_strchomp (err), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        g_assert_true (g_str_has_prefix (lines[i], "furrow-cli: "));
      if (input->n_lines > 0)
        g_assert_cmpuint (g_strv_length (lines), ==, input->n_lines);
    }
  /* Personal data never appears in a message. */
  g_assert_null (strstr (err, "1380000"));

  /* The file is byte for byte what it was; a healthy one also has the same rows (a change
   * left in a -wal file beside it would show there). */
  g_assert_cmpstr (sha_after, ==, sha_before);
  if (before != NULL)
    {
      after = project_digest (fixture->project, &rows_after);
      g_assert_cmpint (rows_after, ==, rows_before);
      g_assert_cmpstr (after, ==, before);
    }

  /* No input makes furrow-cli grow: the largest child so far stayed under 300 MiB (the XLSX
   * bomb took 10 GB before the archive limit). A child's ru_maxrss also counts the pages it
   * shared with this process between fork and exec (Linux keeps the larger), so under ASan,
   * whose quarantine grows this process past 300 MiB, the bound is this process's own peak
   * and 64 MiB more; and a child under ASan keeps up to 256 MiB of freed memory in its own
   * quarantine (seen: 470 MiB in the sanitizer build, against 10 GB for the bomb). */
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &own), ==, 0);
  g_test_message ("largest furrow-cli so far: %ld KiB (this test: %ld KiB)", usage.ru_maxrss,
                  own.ru_maxrss);
  g_assert_cmpint (usage.ru_maxrss, <,
                   MAX (300 * 1024, own.ru_maxrss + 64 * 1024) + ASAN_QUARANTINE_KIB);
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
  g_assert_cmpint (count_rows (fixture->project, "households"), ==, 16);
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
  FurrowTestZip *zip = furrow_test_zip_new ();

  add_text (zip, "doc.kml", kml);
  zip_write (zip, kmz);
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
