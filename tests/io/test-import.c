/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reading side of the importer on good inputs: formats, CRS and encoding detection,
 * the land-registration mapping, and the numbers read. */

#include "config.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <math.h>
#include <cpl_conv.h>
#include <ogr_srs_api.h>
#include <string.h>
#include <xlsxwriter.h>

#include "furrow-gcj02.h"
#include "furrow-geodesy.h"
#include "furrow-importer-private.h"
#include "furrow-store-private.h"
#include "furrow-test.h"
#include "furrow-units.h"
#include "import-test-data.h"

/* GeographicLib Planimeter on the ring of generated parcel 0 (36.40 N 119.37 E,
 * 0.00022° × 0.0005°): "4 150.437024 1095.0". */
#define PARCEL0_AREA_M2 1095.0

static char *
tmp_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static FurrowImporter *
open_and_read (const char *path,
               int         epsg,
               const char *encoding)
{
  g_autoptr(FurrowImporter) importer = furrow_importer_new (path);
  g_autoptr(GError) error = NULL;

  furrow_importer_set_crs_epsg (importer, epsg);
  furrow_importer_set_encoding (importer, encoding);
  furrow_importer_open (importer, &error);
  g_assert_no_error (error);
  furrow_importer_read (importer, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&importer);
}

static void
assert_parcel0 (const FurrowImportParcel *p)
{
  double lon[5], lat[5];
  const FurrowRing *ring = &p->geometry->polygons[0].rings[0];

  test_parcel_ring (0, lon, lat);
  g_assert_cmpstr (p->dkbm, ==, "3707821022010100001");
  g_assert_cmpstr (p->cbfbm, ==, "370782102201010001");
  /* HTMJM 1.60 mu × 10000/15 m² */
  g_assert_cmpfloat_with_epsilon (p->registered_area_m2, 1066.6667, 1e-3);
  g_assert_cmpfloat_with_epsilon (p->measured_area_m2, PARCEL0_AREA_M2, 0.06);
  g_assert_cmpuint (ring->n_points, ==, 5);
  for (guint k = 0; k < 5; k++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < 5; j++)
        found |= fabs (ring->points[k].x - lon[j]) < 1e-8 && fabs (ring->points[k].y - lat[j]) < 1e-8;
      g_assert_true (found);
    }
}

static void
test_shapefile_cgcs2000 (void)
{
  g_autofree char *path = tmp_path ("parcels.shp");
  g_autoptr(FurrowImporter) importer = NULL;
  const FurrowImportParcel *parcels;
  guint n;

  test_write_parcels_shp (path, 120, 4490, NULL);
  importer = open_and_read (path, 0, NULL);
  g_assert_cmpint (furrow_importer_get_format (importer), ==, FURROW_IMPORT_FORMAT_SHAPEFILE);
  g_assert_cmpint (furrow_importer_get_kind (importer), ==, FURROW_IMPORT_KIND_PARCELS);
  g_assert_cmpint (furrow_importer_get_crs_epsg (importer), ==, 4490);
  g_assert_true (furrow_importer_has_geometry (importer));   /* polygons: CRS and GCJ-02 apply */
  g_assert_cmpstr (furrow_importer_get_encoding (importer), ==, "UTF-8");
  parcels = furrow_importer_get_parcels (importer, &n);
  g_assert_cmpuint (n, ==, 120);
  assert_parcel0 (&parcels[0]);
  g_assert_cmpstr (parcels[119].name, ==, "东岭120号地");
  g_assert_cmpint (parcels[119].index, ==, 120);   /* the 120th feature: feature 1 is the first */
  g_assert_cmpstr (furrow_importer_get_mapping (importer)->source[FURROW_COLUMN_HTMJM], ==, "HTMJM");
  g_assert_null (furrow_importer_get_mapping (importer)->source[FURROW_COLUMN_CBFMC]);
}
FURROW_TEST ("/furrow/io/import/shapefile-cgcs2000", test_shapefile_cgcs2000);

/* docs/domain.md §4: Weifang is zone 40, EPSG:4528, eastings 40xxxxxx. */
static void
test_shapefile_gauss_kruger (void)
{
  g_autofree char *path = tmp_path ("gk.shp");
  g_autofree char *noprj = tmp_path ("gk-noprj.shp");
  g_autoptr(FurrowImporter) importer = NULL;
  g_autoptr(FurrowImporter) detected = NULL;
  const FurrowImportParcel *parcels;
  guint n;

  test_write_parcels_shp (path, 10, 4528, NULL);
  importer = open_and_read (path, 0, NULL);
  g_assert_cmpint (furrow_importer_get_crs_epsg (importer), ==, 4528);
  parcels = furrow_importer_get_parcels (importer, &n);
  g_assert_cmpuint (n, ==, 10);
  assert_parcel0 (&parcels[0]);

  /* Without a .prj, the zone-prefixed easting is enough. */
  test_write_parcels_shp (noprj, 10, 4528, NULL);
  {
    g_autofree char *prj = g_strndup (noprj, strlen (noprj) - 4);
    g_autofree char *prj_path = g_strconcat (prj, ".prj", NULL);

    g_assert_cmpint (g_remove (prj_path), ==, 0);
  }
  detected = open_and_read (noprj, 0, NULL);
  g_assert_cmpint (furrow_importer_get_crs_epsg (detected), ==, 4528);
  parcels = furrow_importer_get_parcels (detected, &n);
  assert_parcel0 (&parcels[0]);

  g_assert_cmpint (furrow_import_gauss_kruger_epsg (40512345.0, 40523456.0), ==, 4528);
  g_assert_cmpint (furrow_import_gauss_kruger_epsg (39912345.0, 40023456.0), ==, 0);
  g_assert_cmpint (furrow_import_gauss_kruger_epsg (25100000.0, 25200000.0), ==, 4513);
}
FURROW_TEST ("/furrow/io/import/shapefile-gauss-kruger", test_shapefile_gauss_kruger);

/* A .prj without an authority code, as ESRI software writes it: CGCS2000, Transverse Mercator,
 * central meridian 120 E, false easting 500000 (6-digit eastings) is EPSG:4549
 * (docs/domain.md §4). */
static void
test_shapefile_gauss_kruger_6_digit (void)
{
  g_autofree char *path = tmp_path ("gk6.shp");
  g_autofree char *prj = tmp_path ("gk6.prj");
  g_autoptr(FurrowImporter) importer = NULL;
  OGRSpatialReferenceH srs = OSRNewSpatialReference (NULL);
  const FurrowImportParcel *parcels;
  char *wkt = NULL;
  guint n;

  test_write_parcels_shp (path, 3, 4549, NULL);
  g_assert_cmpint (OSRImportFromEPSG (srs, 4549), ==, OGRERR_NONE);
  g_assert_cmpint (OSRMorphToESRI (srs), ==, OGRERR_NONE);
  g_assert_cmpint (OSRExportToWkt (srs, &wkt), ==, OGRERR_NONE);
  g_assert_null (strstr (wkt, "AUTHORITY"));
  test_write_file (prj, wkt, -1);
  CPLFree (wkt);
  OSRDestroySpatialReference (srs);

  importer = open_and_read (path, 0, NULL);
  g_assert_cmpint (furrow_importer_get_crs_epsg (importer), ==, 4549);
  parcels = furrow_importer_get_parcels (importer, &n);
  g_assert_cmpuint (n, ==, 3);
  assert_parcel0 (&parcels[0]);
}
FURROW_TEST ("/furrow/io/import/shapefile-gauss-kruger-6-digit",
             test_shapefile_gauss_kruger_6_digit);

static void
test_shapefile_gbk (void)
{
  g_autofree char *path = tmp_path ("gbk.shp");
  g_autoptr(FurrowImporter) importer = NULL;
  g_autoptr(FurrowImporter) overridden = NULL;
  g_autoptr(FurrowImporter) wrong = NULL;
  g_autoptr(GError) error = NULL;
  const FurrowImportParcel *parcels;
  GPtrArray *problems;
  guint n;

  test_write_parcels_shp (path, 5, 4490, "CP936");
  importer = open_and_read (path, 0, NULL);
  g_assert_cmpstr (furrow_importer_get_encoding (importer), ==, "CP936");
  parcels = furrow_importer_get_parcels (importer, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (parcels[0].name, ==, "东岭1号地");

  overridden = open_and_read (path, 0, "GB18030");
  parcels = furrow_importer_get_parcels (overridden, &n);
  g_assert_cmpstr (parcels[4].name, ==, "东岭5号地");

  /* The override wins: GBK read as UTF-8 is refused, naming the record and the column. */
  wrong = furrow_importer_new (path);
  furrow_importer_set_encoding (wrong, "UTF-8");
  g_assert_true (furrow_importer_open (wrong, &error));
  g_assert_false (furrow_importer_read (wrong, NULL, &error));
  problems = furrow_importer_get_problems (wrong);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "gbk.shp feature 1 (DKBM 3707821022010100001): the text in column DKMC is not valid UTF-8; give the file’s encoding with --encoding");
}
FURROW_TEST ("/furrow/io/import/shapefile-gbk", test_shapefile_gbk);

/* KMZ (zipped KML) as Google Earth and 2bulu write it, through GDAL's LIBKML driver. */
static void
test_kmz (void)
{
  g_autofree char *path = tmp_path ("parcels.kmz");
  g_autoptr(FurrowImporter) importer = NULL;
  const FurrowImportParcel *parcels;
  TestRecord r[] = {
    { "POLYGON ((119.37 36.40, 119.37022 36.40, 119.37022 36.4005, 119.37 36.4005, 119.37 36.40))",
      "3707821022010100001", "370782102201010001", 1.60, "东岭1号地" },
  };
  guint n;

  test_write_records (path, "LIBKML", wkbPolygon, 4326, NULL, r, 1);
  importer = open_and_read (path, 0, NULL);
  g_assert_cmpint (furrow_importer_get_format (importer), ==, FURROW_IMPORT_FORMAT_KML);
  g_assert_cmpint (furrow_importer_get_kind (importer), ==, FURROW_IMPORT_KIND_PARCELS);
  parcels = furrow_importer_get_parcels (importer, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_parcel0 (&parcels[0]);
}
FURROW_TEST ("/furrow/io/import/kmz", test_kmz);

/* Reads ORIGINAL (tests/data/fields/original/) and WGS84, its copy in GeoJSON
 * (tests/data/fields/PROVENANCE.md), and checks that they hold as many fields with the same
 * measured areas, feature by feature, to 0.01 m²; returns the importer of ORIGINAL. */
static FurrowImporter *
read_fields_like_reference (const char *original,
                            const char *wgs84)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fields", "original",
                                                 original, NULL);
  g_autofree char *reference_path = g_test_build_filename (G_TEST_DIST, "data", "fields", wgs84,
                                                           NULL);
  g_autoptr(FurrowImporter) importer = open_and_read (path, 0, NULL);
  g_autoptr(FurrowImporter) reference = open_and_read (reference_path, 0, NULL);
  const FurrowImportField *fields, *ref;
  guint n, n_ref;

  fields = furrow_importer_get_fields (importer, &n);
  ref = furrow_importer_get_fields (reference, &n_ref);
  g_assert_cmpuint (n, ==, n_ref);
  for (guint i = 0; i < n_ref; i++)
    g_assert_cmpfloat_with_epsilon (fields[i].measured_area_m2, ref[i].measured_area_m2, 0.01);
  return g_steal_pointer (&importer);
}

/* Real fields (tests/data/fields/PROVENANCE.md): the Danish Marker 2026 sample, a zipped
 * Shapefile in ETRS89 / UTM 32N. */
static void
test_zipped_shapefile_fields (void)
{
  g_autoptr(FurrowImporter) importer =
    read_fields_like_reference ("Marker_2026.zip", "dk_marker_2026_sample.wgs84.geojson");
  const FurrowImportField *fields;
  guint n;

  g_assert_cmpint (furrow_importer_get_kind (importer), ==, FURROW_IMPORT_KIND_FIELDS);
  g_assert_cmpint (furrow_importer_get_crs_epsg (importer), ==, 25832);
  fields = furrow_importer_get_fields (importer, &n);
  g_assert_cmpuint (n, ==, 100);  /* and so is the reference's */
  /* GeographicLib Planimeter on feature 0 of the WGS84 copy: 74 points, area −40429 m²
   * (clockwise). */
  g_assert_cmpfloat_with_epsilon (fields[0].measured_area_m2, 40429.0, 1.0);
}
FURROW_TEST ("/furrow/io/import/zipped-shapefile-fields", test_zipped_shapefile_fields);

static void
test_geopackage_fields (void)
{
  g_autoptr(FurrowImporter) importer =
    read_fields_like_reference ("brpgewaspercelen_definitief_2023.gpkg",
                                "nl_brp_2023_sample.wgs84.geojson");
  guint n;

  g_assert_cmpint (furrow_importer_get_format (importer), ==, FURROW_IMPORT_FORMAT_GEOPACKAGE);
  g_assert_cmpint (furrow_importer_get_crs_epsg (importer), ==, 28992);
  furrow_importer_get_fields (importer, &n);
  g_assert_cmpuint (n, >=, 100);
}
FURROW_TEST ("/furrow/io/import/geopackage-fields", test_geopackage_fields);

static void
test_kml_and_gcj02 (void)
{
  g_autofree char *path = tmp_path ("field.kml");
  g_autofree char *kml = NULL;
  g_autoptr(FurrowImporter) importer = furrow_importer_new (path);
  g_autoptr(GError) error = NULL;
  double lon[5], lat[5], g_lon[5], g_lat[5];
  g_autoptr(GString) coords = g_string_new (NULL);
  const FurrowImportField *fields;
  guint n;

  /* A field traced on Gaode: its corners are GCJ-02 (docs/domain.md §4). */
  test_parcel_ring (0, lon, lat);
  for (guint k = 0; k < 5; k++)
    {
      furrow_wgs84_to_gcj02 (lon[k], lat[k], &g_lon[k], &g_lat[k]);
      g_string_append_printf (coords, "%.9f,%.9f,0 ", g_lon[k], g_lat[k]);
    }
  kml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark>"
                         "<name>东大田</name><Polygon><outerBoundaryIs><LinearRing><coordinates>%s"
                         "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
                         "</Document></kml>\n", coords->str);
  test_write_file (path, kml, -1);

  furrow_importer_set_gcj02 (importer, TRUE);
  g_assert_true (furrow_importer_open (importer, &error));
  g_assert_true (furrow_importer_read (importer, NULL, &error));
  g_assert_no_error (error);
  fields = furrow_importer_get_fields (importer, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (fields[0].name, ==, "东大田");
  /* Back within 0.5 m (5e-6°) of the WGS84 corners. */
  for (guint k = 0; k < 5; k++)
    {
      FurrowPoint p = fields[0].geometry->polygons[0].rings[0].points[k];
      gboolean found = FALSE;

      for (guint j = 0; j < 5; j++)
        found |= fabs (p.x - lon[j]) < 5e-6 && fabs (p.y - lat[j]) < 5e-6;
      g_assert_true (found);
    }
  g_assert_cmpfloat_with_epsilon (fields[0].measured_area_m2, PARCEL0_AREA_M2, 1.0);
}
FURROW_TEST ("/furrow/io/import/kml-gcj02", test_kml_and_gcj02);

static void
test_csv_register_chinese_headers (void)
{
  g_autofree char *path = tmp_path ("register.csv");
  g_autoptr(FurrowImporter) importer = NULL;
  const FurrowImportParcel *parcels;
  const FurrowImportHousehold *households;
  const FurrowImportMapping *mapping;
  guint n, n_h;

  test_write_file (path,
                   "\xEF\xBB\xBF地块编码,承包方编码,承包方名称,合同面积（亩）,地块名称\n"
                   "3707821022010100001,370782102201010001,王建国,1.62,东岭\n"
                   "3707821022010100002,370782102201010001,王建国,0.85,西洼\n"
                   "3707821022010100003,370782102201010002,李秀英,2.10,\n", -1);
  importer = open_and_read (path, 0, NULL);
  g_assert_cmpint (furrow_importer_get_kind (importer), ==, FURROW_IMPORT_KIND_PARCELS);
  mapping = furrow_importer_get_mapping (importer);
  g_assert_cmpstr (mapping->source[FURROW_COLUMN_HTMJM], ==, "合同面积（亩）");
  g_assert_cmpstr (mapping->source[FURROW_COLUMN_CBFMC], ==, "承包方名称");
  parcels = furrow_importer_get_parcels (importer, &n);
  households = furrow_importer_get_households (importer, &n_h);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (n_h, ==, 2);
  g_assert_cmpint (parcels[2].index, ==, 4);      /* spreadsheet row: the header is row 1 */
  g_assert_null (parcels[2].geometry);
  g_assert_null (parcels[2].name);
  g_assert_false (furrow_importer_has_geometry (importer));   /* a register without polygons */
  /* 2.10 mu = 1400 m² */
  g_assert_cmpfloat_with_epsilon (parcels[2].registered_area_m2, 1400.0, 1e-9);
  g_assert_cmpstr (households[1].name, ==, "李秀英");
}
FURROW_TEST ("/furrow/io/import/csv-chinese-headers", test_csv_register_chinese_headers);

/* The items each kind of record reads (furrow-import-read.c: read_household, read_parcel and
 * the field branch), which the assistant lists and no other (issue 13, item 9). */
static void
test_column_applies (void)
{
  guint n_households = 0, n_fields = 0, n_parcels = 0;

  for (FurrowColumn c = 0; c < FURROW_N_COLUMNS; c++)
    {
      n_households += furrow_import_column_applies (FURROW_IMPORT_KIND_HOUSEHOLDS, c);
      n_fields += furrow_import_column_applies (FURROW_IMPORT_KIND_FIELDS, c);
      n_parcels += furrow_import_column_applies (FURROW_IMPORT_KIND_PARCELS, c);
      g_assert_true (furrow_import_column_applies (FURROW_IMPORT_KIND_AUTO, c));
    }
  /* CBFBM, CBFMC, CBFZJHM, LXDH, CBFCYSL and the account's KHYH, KHWD, YHZH, ZHMC */
  g_assert_cmpuint (n_households, ==, 9);
  g_assert_cmpuint (n_fields, ==, 2);       /* NAME, and DKMC when there is no NAME */
  g_assert_cmpuint (n_parcels, ==, 22);     /* all 23 but a field's NAME */
  g_assert_true (furrow_import_column_applies (FURROW_IMPORT_KIND_HOUSEHOLDS,
                                               FURROW_COLUMN_CBFCYSL));
  g_assert_false (furrow_import_column_applies (FURROW_IMPORT_KIND_HOUSEHOLDS,
                                                FURROW_COLUMN_DKBM));
  g_assert_false (furrow_import_column_applies (FURROW_IMPORT_KIND_PARCELS, FURROW_COLUMN_NAME));
  g_assert_true (furrow_import_column_applies (FURROW_IMPORT_KIND_PARCELS, FURROW_COLUMN_LXDH));
}
FURROW_TEST ("/furrow/io/import/column-applies", test_column_applies);

static void
test_csv_gbk (void)
{
  g_autofree char *path = tmp_path ("households-gbk.csv");
  g_autofree char *gbk = NULL;
  g_autoptr(FurrowImporter) importer = NULL;
  const FurrowImportHousehold *households;
  const char *utf8 = "CBFBM,CBFMC,CBFCYSL\n370782102201010001,王建国,4\n";
  gsize len;
  guint n;

  gbk = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  test_write_file (path, gbk, len);
  importer = open_and_read (path, 0, NULL);
  g_assert_cmpstr (furrow_importer_get_encoding (importer), ==, "CP936");
  households = furrow_importer_get_households (importer, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (households[0].name, ==, "王建国");
  g_assert_cmpint (households[0].members, ==, 4);
}
FURROW_TEST ("/furrow/io/import/csv-gbk", test_csv_gbk);

/* docs/toolchain.md: an all-text header row is read as data unless OGR_XLSX_HEADERS=FORCE. */
static void
test_xlsx_text_header (void)
{
  g_autofree char *path = tmp_path ("households.xlsx");
  g_autoptr(FurrowImporter) importer = NULL;
  const FurrowImportHousehold *households;
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, NULL);
  guint n;

  worksheet_write_string (ws, 0, 0, "承包方编码", NULL);
  worksheet_write_string (ws, 0, 1, "承包方名称", NULL);
  worksheet_write_string (ws, 0, 2, "联系电话", NULL);
  worksheet_write_string (ws, 1, 0, "370782102201010001", NULL);
  worksheet_write_string (ws, 1, 1, "王建国", NULL);
  worksheet_write_string (ws, 1, 2, "13800001234", NULL);
  worksheet_write_string (ws, 2, 0, "370782102201010002", NULL);
  worksheet_write_string (ws, 2, 1, "李秀英", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  importer = open_and_read (path, 0, NULL);
  g_assert_cmpint (furrow_importer_get_kind (importer), ==, FURROW_IMPORT_KIND_HOUSEHOLDS);
  households = furrow_importer_get_households (importer, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (households[0].cbfbm, ==, "370782102201010001");
  g_assert_cmpstr (households[0].phone, ==, "13800001234");
  g_assert_cmpint (households[1].index, ==, 3);
  g_assert_null (households[1].phone);
}
FURROW_TEST ("/furrow/io/import/xlsx-text-header", test_xlsx_text_header);

static void
test_mapping_override (void)
{
  g_autofree char *path = tmp_path ("odd-headers.csv");
  g_autoptr(FurrowImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  const FurrowImportHousehold *households;
  guint n;

  test_write_file (path, "code,head\n370782102201010001,王建国\n", -1);
  importer = furrow_importer_new (path);
  furrow_importer_set_kind (importer, FURROW_IMPORT_KIND_HOUSEHOLDS);
  g_assert_true (furrow_importer_open (importer, &error));
  g_assert_false (furrow_importer_read (importer, NULL, &error));
  g_assert_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_MAPPING);
  g_assert_cmpstr (error->message, ==,
                   "odd-headers.csv: the column CBFBM (Household code) is missing; the file has: code, head");
  g_clear_error (&error);

  g_assert_false (furrow_importer_set_mapping (importer, FURROW_COLUMN_CBFBM, "nope"));
  g_assert_true (furrow_importer_set_mapping (importer, FURROW_COLUMN_CBFBM, "code"));
  g_assert_true (furrow_importer_set_mapping (importer, FURROW_COLUMN_CBFMC, "head"));
  g_assert_true (furrow_importer_read (importer, NULL, &error));
  g_assert_no_error (error);
  households = furrow_importer_get_households (importer, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (households[0].name, ==, "王建国");
}
FURROW_TEST ("/furrow/io/import/mapping-override", test_mapping_override);

static FurrowGeometry *
rectangle (double x0,
           double y0,
           double x1,
           double y1)
{
  FurrowGeometry *g = furrow_geometry_new ();
  FurrowPoint pts[] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 } };

  furrow_geometry_add_ring (g, furrow_geometry_add_polygon (g), pts, G_N_ELEMENTS (pts));
  return g;
}

/* Parcels 0–3 of the generated grid lie at 119.37000, 119.37024, 119.37048 and 119.37072 E,
 * each 0.00022° wide. Field 7 reaches 119.37015 (15/22 of parcel 0), field 9 the rest up to
 * 119.37050 (parcel 1 whole, 2/22 of parcel 2); parcel 3 lies outside both. */
static void
test_assign_fields (void)
{
  g_autofree char *path = tmp_path ("assign.shp");
  g_autoptr(FurrowImporter) importer = NULL;
  g_autoptr(FurrowGeometry) a = rectangle (119.3699, 36.3999, 119.37015, 36.4012);
  g_autoptr(FurrowGeometry) b = rectangle (119.37015, 36.3999, 119.3705, 36.4012);
  const FurrowGeometry *geometries[] = { a, b };
  const gint64 ids[] = { 7, 9 };
  const FurrowImportParcel *parcels;
  guint n;

  test_write_parcels_shp (path, 4, 4490, NULL);
  importer = open_and_read (path, 0, NULL);
  furrow_importer_assign_fields (importer, ids, geometries, 2);
  parcels = furrow_importer_get_parcels (importer, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (parcels[0].field_id, ==, 7);
  g_assert_cmpint (parcels[1].field_id, ==, 9);
  g_assert_cmpint (parcels[2].field_id, ==, 9);
  g_assert_cmpint (parcels[3].field_id, ==, 0);
}
FURROW_TEST ("/furrow/io/import/assign-fields", test_assign_fields);

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  furrow_importer_import_finish (FURROW_IMPORTER (source), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static gboolean
import_in_thread (const char  *source,
                  const char  *project,
                  GError     **error)
{
  g_autoptr(FurrowImporter) importer = furrow_importer_new (source);
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (importer), "done", &done);
  furrow_importer_import_async (importer, project, NULL, import_done_cb, error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return *error == NULL;
}

/* The GUI's path: a worker thread with its own store connection. */
static void
test_import_async (void)
{
  g_autofree char *csv = tmp_path ("async-households.csv");
  g_autofree char *shp = tmp_path ("async-parcels.shp");
  g_autofree char *project = tmp_path ("async.gpkg");
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;
  g_autoptr(GError) error = NULL;

  test_write_households_csv (csv, 30);
  test_write_parcels_shp (shp, 30, 4490, NULL);
  g_assert_true (import_in_thread (csv, project, &error));
  g_assert_no_error (error);
  g_assert_true (import_in_thread (shp, project, &error));
  g_assert_no_error (error);
  /* The same file again: every parcel is a duplicate, nothing changes. */
  g_assert_false (import_in_thread (shp, project, &error));
  g_assert_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "async-parcels.shp: 30 problems, nothing was imported");
  g_clear_error (&error);

  store = furrow_store_open (project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_households (store, NULL), ==, 8);
  g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 30);
  parcel = furrow_store_find_parcel (store, "3707821022010100001");
  g_assert_nonnull (parcel);
  g_assert_cmpstr (furrow_parcel_get_household_code (parcel), ==, "370782102201010001");
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_registered_area_m2 (parcel), 1066.6667, 1e-3);
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_measured_area_m2 (parcel), PARCEL0_AREA_M2, 0.06);
}
FURROW_TEST ("/furrow/io/import/async", test_import_async);

/* The store batch the importer writes in (furrow_store_begin_all_or_nothing): no savepoint per
 * change, and after one failed change the batch can only roll back. */
static void
test_store_all_or_nothing (void)
{
  g_autofree char *path = tmp_path ("all-or-nothing.gpkg");
  g_autoptr(FurrowStore) store = furrow_store_create (path, NULL);
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  g_assert_true (furrow_store_begin_all_or_nothing (store, &error));
  furrow_household_set_code (household, "370782102201010001");
  furrow_household_set_name (household, "王建国");
  g_assert_true (furrow_store_add_household (store, household, &error));
  furrow_parcel_set_code (parcel, "3707821022010100001");
  furrow_parcel_set_household_code (parcel, "370782102201019999");
  furrow_parcel_set_registered_area_m2 (parcel, 1000.0);
  g_assert_false (furrow_store_add_parcel (store, parcel, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (furrow_store_commit (store, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION);
  g_assert_false (furrow_store_in_transaction (store));
  g_assert_cmpint (furrow_store_count_households (store, NULL), ==, 0);
  g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 0);
}
FURROW_TEST ("/furrow/io/import/store-all-or-nothing", test_store_all_or_nothing);

/* An import writes one audit row with its counts, none per record (an interactive addition
 * writes its own: test-store). */
static void
test_store_import_audit (void)
{
  g_autofree char *path = tmp_path ("import-audit.gpkg");
  g_autoptr(FurrowStore) store = furrow_store_create (path, NULL);
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) import = NULL;
  g_auto(GStrv) parcel_rows = NULL;
  g_auto(GStrv) household_rows = NULL;

  g_assert_nonnull (store);
  g_assert_true (furrow_store_begin_import (store, "parcels.shp", &error));
  furrow_household_set_code (household, "370782102201010001");
  furrow_household_set_name (household, "王建国");
  g_assert_true (furrow_store_add_household (store, household, &error));
  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
      g_autofree char *code = g_strdup_printf ("370782102201010000%u", i);

      furrow_parcel_set_code (parcel, code);
      furrow_parcel_set_household_code (parcel, "370782102201010001");
      furrow_parcel_set_registered_area_m2 (parcel, 1000.0);
      g_assert_true (furrow_store_add_parcel (store, parcel, &error));
    }
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);

  import = _furrow_store_get_audit (store, "import:parcels.shp");
  g_assert_cmpuint (g_strv_length (import), ==, 1);
  g_assert_cmpstr (import[0], ==, "import|households 1; parcels 2");
  parcel_rows = _furrow_store_get_audit (store, "parcel:3707821022010100001");
  g_assert_cmpuint (g_strv_length (parcel_rows), ==, 0);
  household_rows = _furrow_store_get_audit (store, "household:370782102201010001");
  g_assert_cmpuint (g_strv_length (household_rows), ==, 0);
  g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, 2);
}
FURROW_TEST ("/furrow/io/import/store-import-audit", test_store_import_audit);

FURROW_TEST_MAIN (.set_up = GDALAllRegister);
