/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "furrow-geodesy.h"
#include "furrow-test-fields.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* `furrow-cli area` on the files as published (tests/data/fields/original, PROVENANCE.md):
 * zipped and plain Shapefiles and GeoPackages in projected CRSs (UTM 48N, RD New, UTM 32N/33N),
 * reprojected by the command, against the same features of the WGS84 GeoJSON conversions
 * (GDAL 3.6.2, kept `_src_fid` = the source FID) measured through the API and by Planimeter. */

typedef struct
{
  const char *original;
  const char *geojson;
} FieldPair;

static const FieldPair pairs[] = {
  { "india_10k.zip", "in_india_10k_sample" },                          /* zipped, EPSG:4326 */
  { "1_vietnam_areas.gpkg", "vn_ai4smallfarms_sample" },               /* EPSG:32648 */
  { "4_cambodia_areas.gpkg", "kh_ai4smallfarms_sample" },              /* EPSG:32648 */
  { "BD_JECAM_CIRAD_2023_feb.shp", "bf_jecam_sample" },                /* plain, EPSG:4326 */
  { "brpgewaspercelen_definitief_2023.gpkg", "nl_brp_2023_sample" },   /* EPSG:28992 */
  { "Marker_2026.zip", "dk_marker_2026_sample" },                      /* zipped, EPSG:25832 */
  { "antrag.zip", "de_bb_antrag_sample" },                             /* zipped, EPSG:25833 */
};

/* The conversions are of the same coordinates through the same PROJ: 0.01 % is generous. */
#define MAX_RELATIVE 1e-4

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static void
run_cli (CliResult  *result,
         const char *first,
         ...)
{
  const char *cli = g_getenv ("FURROW_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

static char *
original_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "fields", "original", name, NULL);
}

static void
test_pair (gconstpointer data)
{
  const FieldPair *pair = data;
  g_autofree char *path = original_path (pair->original);
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TestFieldFile) file = test_field_file_load (pair->geojson);
  g_autofree double *planimeter_m2 = test_planimeter_areas (file->geometries);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *features;
  double sum_m2 = 0, worst_api = 0, worst_planimeter = 0;

  run_cli (&r, "area", "--json", path, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);

  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  features = json_object_get_array_member (root, "features");
  g_assert_cmpuint (json_array_get_length (features), ==, file->geometries->len);

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *f = json_array_get_object_element (features, i);
      double area_m2 = json_object_get_double_member (f, "area_m2");
      double geojson_m2 = furrow_geodesy_area_m2 (file->geometries->pdata[i]);
      double rel_api = fabs (area_m2 - geojson_m2) / geojson_m2;
      double rel_planimeter = fabs (area_m2 - planimeter_m2[i]) / planimeter_m2[i];

      g_assert_cmpint (json_object_get_int_member (f, "index"), ==, i);
      /* The conversion kept the source FID: the same feature on both sides. */
      g_assert_cmpint (json_object_get_int_member (f, "fid"), ==,
                       g_array_index (file->src_fids, gint64, i));
      /* docs/domain.md §2: m² × 0.0015 = mu. */
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f, "area_mu"),
                                      area_m2 * 0.0015, 1e-9);
      if (rel_api > MAX_RELATIVE || rel_planimeter > MAX_RELATIVE)
        g_error ("%s feature %u: %.4f m² from the original, %.4f m² from the GeoJSON, "
                 "%.5f m² by Planimeter", pair->original, i, area_m2, geojson_m2, planimeter_m2[i]);
      worst_api = MAX (worst_api, rel_api);
      worst_planimeter = MAX (worst_planimeter, rel_planimeter);
      sum_m2 += area_m2;
    }

  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "total_m2"), sum_m2, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "total_mu"),
                                  furrow_m2_to_mu (sum_m2), 1e-9);
  g_test_message ("%s: %u features, %.2f m²; worst relative difference %.2e from the GeoJSON, "
                  "%.2e from Planimeter", pair->original, json_array_get_length (features),
                  sum_m2, worst_api, worst_planimeter);
}

/* An explicit /vsizip/ path and the bare .zip give the same output. */
static void
test_vsizip (void)
{
  g_autofree char *path = original_path ("antrag.zip");
  g_autofree char *vsi = g_strconcat ("/vsizip/", path, NULL);
  g_auto(CliResult) a = { 0 };
  g_auto(CliResult) b = { 0 };

  run_cli (&a, "area", "--json", path, NULL);
  run_cli (&b, "area", "--json", vsi, NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);
}
FURROW_TEST ("/furrow/io/area-cli/vsizip", test_vsizip);

/* Without --json: a table, one line a feature and a total, areas to 0.01 m² and 0.01 mu. */
static void
test_table (void)
{
  g_autofree char *path = original_path ("BD_JECAM_CIRAD_2023_feb.shp");
  g_autoptr(TestFieldFile) file = test_field_file_load ("bf_jecam_sample");
  g_auto(CliResult) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *first = NULL;
  g_autofree char *total = NULL;
  double total_m2 = 0, area0_m2 = furrow_geodesy_area_m2 (file->geometries->pdata[0]);

  for (guint i = 0; i < file->geometries->len; i++)
    total_m2 += furrow_geodesy_area_m2 (file->geometries->pdata[i]);

  run_cli (&r, "area", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 100 + 1 + 1);   /* heading, rows, total, "" */
  first = g_strdup_printf ("%8u  %16.2f  %12.2f", 0, area0_m2, area0_m2 * 0.0015);
  total = g_strdup_printf ("%8s  %16.2f  %12.2f", "Total", total_m2, total_m2 * 0.0015);
  g_assert_cmpstr (lines[1], ==, first);
  g_assert_cmpstr (lines[101], ==, total);
}
FURROW_TEST ("/furrow/io/area-cli/table", test_table);

/* Bad input: exit status 1, nothing on stdout, one line on stderr naming the file and the
 * problem. */
static void
assert_refused (const char *path,
                const char *problem)
{
  g_auto(CliResult) r = { 0 };
  guint n_lines = 0;

  run_cli (&r, "area", "--json", path, NULL);
  g_test_message ("%s", r.err);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  for (const char *c = r.err; *c != '\0'; c++)
    n_lines += *c == '\n';
  g_assert_cmpuint (n_lines, ==, 1);
  g_assert_true (g_str_has_suffix (r.err, "\n"));
  g_assert_nonnull (strstr (r.err, path));
  g_assert_nonnull (strstr (r.err, problem));
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("furrow-area-XXXXXX", &error);
  g_autofree char *missing = NULL;
  g_autofree char *not_vector = NULL;
  g_autofree char *no_crs = NULL;
  g_autofree char *metres_as_degrees = NULL;
  g_autofree char *point = NULL;
  g_autofree char *empty = NULL;

  g_assert_no_error (error);
  missing = g_build_filename (dir, "missing.shp", NULL);
  not_vector = write_file (dir, "photo.shp", "\x89PNG\r\n\x1a\n not a shapefile");
  /* A Gauss–Krüger zone-40 parcel (zone-prefixed easting, docs/domain.md §4) with no CRS at all. */
  no_crs = write_file (dir, "parcels.csv",
                       "id,WKT\n"
                       "1,\"POLYGON ((40500000 4036000,40500100 4036000,40500100 4036100,"
                       "40500000 4036000))\"\n");
  /* GeoJSON is WGS84 by definition: metres in it are wrong degrees. */
  metres_as_degrees = write_file (dir, "fields.geojson",
                                  "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                                  "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                                  "[[[40500000,4036000],[40500100,4036000],[40500100,4036100],"
                                  "[40500000,4036000]]]}}]}");
  point = write_file (dir, "wells.geojson",
                      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                      "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                      "[119.4,36.5]}}]}");
  empty = write_file (dir, "empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");

  assert_refused (missing, "no such file");
  assert_refused (not_vector, "not a vector file");
  assert_refused (no_crs, "has no coordinate reference system and its coordinates "
                  "(40500000.000, 4036000.000) are not longitude and latitude");
  assert_refused (metres_as_degrees, "feature 1 has the coordinate (40500000.000, 4036000.000), "
                  "which is not a longitude and latitude");
  assert_refused (point, "feature 1: the geometry is a POINT, not a polygon");
  assert_refused (empty, "the file has no features");
  assert_refused (dir, "no vector layer found");

  g_unlink (missing);
  g_unlink (not_vector);
  g_unlink (no_crs);
  g_unlink (metres_as_degrees);
  g_unlink (point);
  g_unlink (empty);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/area-cli/bad-input", test_bad_input);

static void
test_usage (void)
{
  g_auto(CliResult) r = { 0 };
  g_auto(CliResult) h = { 0 };

  run_cli (&r, "area", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");

  run_cli (&h, "help", NULL);
  g_assert_cmpint (h.status, ==, 0);
  g_assert_nonnull (strstr (h.out, "  area "));
}
FURROW_TEST ("/furrow/io/area-cli/usage", test_usage);

static void
add_pairs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/furrow/io/area-cli/original/%s", pairs[i].geojson);

      g_test_add_data_func (path, &pairs[i], test_pair);
    }
}

FURROW_TEST_MAIN (.locale = "C.UTF-8", .set_up = add_pairs);
