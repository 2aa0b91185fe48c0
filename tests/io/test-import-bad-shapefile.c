/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (import-bad-common.h): Shapefiles (.shp with its .shx, .dbf, .prj and .cpg;
 * zipped), the file types Furrow does not read, and the coordinate system given with --crs. */

#include "config.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "furrow-test-cli.h"
#include "furrow-test.h"
#include "import-test-data.h"

#include "import-bad-common.h"

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

static const BadInput cases[] = {
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
  { "empty-file", NULL, { NULL }, "empty-file.shp: the file is empty (0 bytes)", 1,
    "empty-file.shp", "" },
  { "folder", make_folder, { NULL }, "folder.shp: this is a folder, not a file", 1 },
  { "png-renamed-shp", make_png, { NULL },
    "photo.shp: not an ESRI Shapefile (the file does not start with a .shp header)", 1 },
  { "dkbm-wrong-length", make_short_dkbm, { NULL },
    "short-dkbm.shp feature 1 (DKBM 37078210220101001): Parcel code (DKBM) “37078210220101001” must be 19 digits, not 17 characters", 1 },
  { "cbfbm-wrong-length", make_short_cbfbm, { NULL },
    "short-cbfbm.shp feature 1 (DKBM 3707821022010100101): Household code (CBFBM) “3707821022010100” must be 18 digits, not 16 characters", 1 },
  { "wrong-epsg-override", make_lonlat, { "--crs", "EPSG:4528" },
    "lonlat.shp: EPSG:4528 is projected (metres) but the coordinates (119.370000, 36.400000) look like longitude and latitude", 1 },
  { "unknown-epsg", make_lonlat, { "--crs", "EPSG:999999" }, "lonlat.shp: EPSG:999999 is not a known coordinate system", 1 },
  { "wrong-zone-override", make_zone40_noprj, { "--crs", "EPSG:4527" },
    "zone40.shp: EPSG:4527 is Gauss–Krüger zone 39 but the eastings (40", 1 },
  { "three-problems", make_three_problems, { NULL }, "three.shp feature 3 (DKBM 370782102201010010): Parcel code (DKBM)", 3 },
  { "shp-shx-dbf-count-mismatch", make_count_mismatch, { NULL },
    "mixed-up.shp: the files do not belong together: mixed-up.shp holds 20 shapes, mixed-up.shx indexes 10 and mixed-up.dbf has 10 records", 1 },
  /* Issue 12, item 6: messages that misled. */
  { "garbage-prj", make_garbage_prj, { NULL },
    "garbage.shp: garbage.prj is not a coordinate system Furrow can read (empty or damaged)", 1 },
  { "random-bytes-zip", make_random_zip, { NULL },
    "random.zip: not a zip file (a .zip, .xlsx or .kmz file is a zip archive, and this one does not start like one)", 1 },
  /* Issue 12, items 3 and 4: wrong, partial or runaway reads. */
  { .name = "shp-dbf-longer-than-shp", .make = make_dbf_longer,
    .expected = "longer.shp: the files do not belong together: longer.shp holds 10 shapes, longer.shx indexes 10 and longer.dbf has 20 records", .n_lines = 1 },
  { "unsupported-type", NULL, { NULL }, "drawing.dxf: unsupported file type", 1,
    "drawing.dxf", "0\nSECTION\n" },
};

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
FURROW_TEST_FIXTURE ("/furrow/io/import-bad-shapefile/no-project-left-behind", Fixture, fixture_set_up,
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
FURROW_TEST_FIXTURE ("/furrow/io/import-bad-shapefile/odd-but-right", Fixture, fixture_set_up,
                     test_odd_but_right, fixture_tear_down);

static void
set_up (void)
{
  import_bad_set_up ("shapefile", cases, G_N_ELEMENTS (cases));
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = import_bad_tear_down);
