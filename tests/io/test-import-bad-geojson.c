/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (import-bad-common.h): GeoJSON, KML and KMZ. */

#include "config.h"

#include <gdal.h>
#include <string.h>
#include <zlib.h>

#include "furrow-test-cli.h"
#include "furrow-test-zip.h"
#include "furrow-test.h"
#include "import-test-data.h"

#include "import-bad-common.h"

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

static const BadInput cases[] = {
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
  { .name = "geojson-nested-100000", .make = make_geojson_deep,
    .expected = "deep.geojson: not a readable GeoJSON file", .n_lines = 1 },
  { .name = "kmz-bomb", .make = make_kmz_bomb,
    .expected = "bomb.kmz: doc.kml inside the archive unpacks to more than 128 MiB; Furrow does not read archives that expand so much", .n_lines = 1 },
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
  { .name = "geojson-utf16", .file_name = "utf16.geojson",
    .contents = "\xFF\xFE{",
    .expected = "utf16.geojson: the file is UTF-16 text, which Furrow does not read; save it as UTF-8", .n_lines = 1 },
  { .name = "geojson-property-twice", .file_name = "twice.geojson",
    .contents = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                "\"properties\": {\"DKBM\": \"3707821022010100101\", \"DKBM\": \"3707821022010100102\", "
                "\"CBFBM\": \"370782102201010001\", \"HTMJM\": 1.5}, \"geometry\": null}]}\n",
    .expected = "twice.geojson feature 1: the member “DKBM” appears twice in the same object", .n_lines = 1 },
  { .name = "geojson-feature-1-is-the-first", .make = make_geojson_first_feature,
    .expected = "first.geojson feature 1 (DKBM 3707821022010100101): self-intersection at 119.401 E 36.451 N", .n_lines = 1 },
  { .name = "random-bytes-kmz", .make = make_random_kmz,
    .expected = "random.kmz: not a zip file", .n_lines = 1 },
};

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
FURROW_TEST_FIXTURE ("/furrow/io/import-bad-geojson/kmz-like-kml", Fixture, fixture_set_up,
                     test_kmz_like_kml, fixture_tear_down);

static void
set_up (void)
{
  import_bad_set_up ("geojson", cases, G_N_ELEMENTS (cases));
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = import_bad_tear_down);
