/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-local-frame.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* `furrow-cli plan` (docs/architecture.md contract) on a generated GeoJSON rectangle: 500 m × 500 m
 * around Weifang, drawn in a local frame and written as lon/lat. */

typedef struct
{
  FurrowTestStore project;  /* a folder only */
  const char     *dir;      /* project.dir */
  char           *field;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (119.4, 36.5, NULL);
  FurrowPoint pts[5] = { { -250, -250 }, { 250, -250 }, { 250, 250 }, { -250, 250 },
                         { -250, -250 } };
  GString *json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                                "\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                                "\"Polygon\",\"coordinates\":[[");
  g_autofree char *text = NULL;

  furrow_local_frame_inverse (frame, pts, pts, 5);
  for (guint i = 0; i < 5; i++)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (json, "%s[%s,%s]", i ? "," : "",
                              g_ascii_dtostr (x, sizeof x, pts[i].x),
                              g_ascii_dtostr (y, sizeof y, pts[i].y));
    }
  g_string_append (json, "]]}}]}\n");
  text = g_string_free (json, FALSE);

  furrow_test_store_set_up (&fx->project, FURROW_TEST_STORE_FOLDER, NULL);
  fx->dir = fx->project.dir;
  fx->field = g_build_filename (fx->dir, "square.geojson", NULL);
  g_assert_true (g_file_set_contents (fx->field, text, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  furrow_test_store_tear_down (&fx->project);
  g_free (fx->field);
}

static double
member (JsonObject *o,
        const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_double_member (o, name);
}

/* The hand arithmetic of tests/test-layout.c (docs/domain.md §5, 2 + 4, no headland): 371 maize
 * rows and 740 soybean rows of 500 m, 186 strips; plants = row m / 0.115 × germination (0.90 maize,
 * 0.85 soybean); the bands fill the 250,000 m²; yields under `practical` within the edge
 * effect (2.70 m of 500 m) of 375 mu × 550 kg × 0.90 and 375 × 200 × 0.60. */
static void
test_json (Fixture       *fx,
           gconstpointer  data)
{
  const char *args[] = { "plan", fx->field, "--maize-rows", "2", "--soy-rows", "4",
                         "--headland", "0", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *f;
  JsonArray *features;
  double tol = 2.70 / 500.0;

  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  features = json_object_get_array_member (root, "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 1);
  f = json_array_get_object_element (features, 0);

  g_assert_cmpfloat_with_epsilon (member (f, "unit_width_m"), 2.70, 1e-12);
  g_assert_cmpint (json_object_get_int_member (f, "units"), ==, 186);
  g_assert_cmpfloat_with_epsilon (member (f, "area_mu"), 375.0, 0.001);
  g_assert_cmpfloat_with_epsilon (member (f, "maize_row_m"), 371 * 500.0, 0.5);
  g_assert_cmpfloat_with_epsilon (member (f, "soy_row_m"), 740 * 500.0, 0.5);
  g_assert_cmpfloat_with_epsilon (member (f, "maize_plants"), 371 * 500.0 / 0.115 * 0.90, 5.0);
  g_assert_cmpfloat_with_epsilon (member (f, "soy_plants"), 740 * 500.0 / 0.115 * 0.85, 5.0);
  g_assert_cmpfloat_with_epsilon (member (f, "maize_area_m2") + member (f, "soy_area_m2"),
                                  250000.0, 1.0);
  g_assert_cmpfloat_with_epsilon (member (f, "maize_pler"), 0.90, 0.90 * tol);
  g_assert_cmpfloat_with_epsilon (member (f, "soy_pler"), 0.60, 0.60 * tol);
  g_assert_cmpfloat_with_epsilon (member (f, "ler"), member (f, "maize_pler") +
                                  member (f, "soy_pler"), 1e-12);
  g_assert_cmpfloat_with_epsilon (member (f, "maize_yield_kg"), 375 * 550 * 0.90,
                                  375 * 550 * 0.90 * tol);
  g_assert_cmpfloat_with_epsilon (member (f, "soy_yield_kg"), 375 * 200 * 0.60,
                                  375 * 200 * 0.60 * tol);
  g_assert_cmpstr (json_object_get_string_member (root, "yield_preset"), ==, "practical");
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-plan/json", Fixture, fixture_set_up, test_json,
                     fixture_tear_down);

/* Options change the pattern: 4+6 (the preset's wide middle, 4.30 m) warns about the 2.3 m
 * seeder on stderr but succeeds; --yield-preset xiashan raises the pLERs; a pattern --preset
 * alone is enough. */
static void
test_options (Fixture       *fx,
              gconstpointer  data)
{
  const char *a46[] = { "plan", fx->field, "--maize-rows", "4", "--soy-rows", "6", "--json",
                        NULL };
  const char *xs[] = { "plan", fx->field, "--preset", "2+4", "--yield-preset", "xiashan",
                       "--headland", "0", "--json", NULL };
  const char *custom[] = { "plan", fx->field, "--maize-rows", "2", "--soy-rows", "4",
                           "--maize-spacing", "0.5", "--gap", "0.6", "--soy-spacing", "0.25",
                           "--azimuth", "90", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *f, *pattern;

  g_assert_cmpint (furrow_test_run_cliv (a46, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "4.30 m"));
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  pattern = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "pattern");
  g_assert_cmpfloat_with_epsilon (member (pattern, "unit_width_m"), 4.30, 1e-12);
  g_assert_false (json_object_get_boolean_member (pattern, "planter_fits"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (xs, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  f = json_array_get_object_element (json_object_get_array_member (
        json_node_get_object (json_parser_get_root (parser)), "features"), 0);
  g_assert_cmpfloat_with_epsilon (member (f, "maize_pler"), 1.00, 0.01);
  g_assert_cmpfloat_with_epsilon (member (f, "soy_pler"), 0.80, 0.01);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 0.50 + 3 × 0.25 + 2 × 0.60 = 2.45 m, rows east–west */
  g_assert_cmpint (furrow_test_run_cliv (custom, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  f = json_array_get_object_element (json_object_get_array_member (
        json_node_get_object (json_parser_get_root (parser)), "features"), 0);
  g_assert_cmpfloat_with_epsilon (member (f, "unit_width_m"), 2.45, 1e-12);
  g_assert_cmpfloat_with_epsilon (member (f, "azimuth_deg"), 90.0, 1e-12);
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-plan/options", Fixture, fixture_set_up, test_options,
                     fixture_tear_down);

/* --rows-geojson and --rows-kml write every row piece and every strip's AB line. */
static void
test_rows_files (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *gj = g_build_filename (fx->dir, "rows.geojson", NULL);
  g_autofree char *kml = g_build_filename (fx->dir, "rows.kml", NULL);
  const char *args[] = { "plan", fx->field, "--maize-rows", "2", "--soy-rows", "4",
                         "--headland", "0", "--rows-geojson", gj, "--rows-kml", kml, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kml_text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *features;
  guint rows = 0, guidance = 0, placemarks = 0;

  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 0);
  json_parser_load_from_file (parser, gj, &error);
  g_assert_no_error (error);
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *props = json_object_get_object_member (
        json_array_get_object_element (features, i), "properties");
      const char *kind = json_object_get_string_member (props, "kind");

      JsonArray *coords = json_object_get_array_member (json_object_get_object_member (
        json_array_get_object_element (features, i), "geometry"), "coordinates");

      rows += g_str_equal (kind, "row");
      guidance += g_str_equal (kind, "guidance");
      /* RFC 7946: longitude first; the square lies within 250 m of 119.4 E, 36.5 N */
      for (guint k = 0; k < 2; k++)
        {
          JsonArray *pt = json_array_get_array_element (coords, k);

          g_assert_cmpfloat (fabs (json_array_get_double_element (pt, 0) - 119.4), <, 0.003);
          g_assert_cmpfloat (fabs (json_array_get_double_element (pt, 1) - 36.5), <, 0.003);
        }
    }
  g_assert_cmpuint (rows, ==, 371 + 740);
  g_assert_cmpuint (guidance, ==, 186);

  g_assert_true (g_file_get_contents (kml, &kml_text, NULL, NULL));
  for (const char *p = kml_text; (p = strstr (p, "<Placemark>")) != NULL; p++)
    placemarks++;
  g_assert_cmpuint (placemarks, ==, 371 + 740 + 186);
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-plan/rows-files", Fixture, fixture_set_up, test_rows_files,
                     fixture_tear_down);

/* --rows-out goes by the extension: GeoJSON byte for byte what --rows-geojson writes, KML
 * (any case of .kml) every row piece and AB line as a Placemark. On a project's field the row
 * file holds exactly the rows and row metres `plan` reports. */
static void
test_rows_out (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *gj = g_build_filename (fx->dir, "rows.geojson", NULL);
  g_autofree char *out_gj = g_build_filename (fx->dir, "rows-out.json", NULL);
  g_autofree char *out_kml = g_build_filename (fx->dir, "ROWS-OUT.KML", NULL);
  g_autofree char *project = g_build_filename (fx->dir, "demo.gpkg", NULL);
  g_autofree char *t02 = g_build_filename (fx->dir, "t02.geojson", NULL);
  const char *args[] = { "plan", fx->field, "--maize-rows", "2", "--soy-rows", "4",
                         "--headland", "0", "--rows-geojson", gj, "--rows-out", out_gj, NULL };
  const char *kml_args[] = { "plan", fx->field, "--maize-rows", "2", "--soy-rows", "4",
                             "--headland", "0", "--rows-out", out_kml, NULL };
  const char *demo[] = { "demo", project, NULL };
  const char *one[] = { "plan", "--project", project, "--field", "T02", "--preset", "2+4",
                        "--rows-out", t02, "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) rows_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *features;
  JsonObject *f;
  guint placemarks = 0, n_rows[2] = { 0, 0 };
  double row_m[2] = { 0.0, 0.0 };

  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (gj, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (out_gj, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_clear_pointer (&b, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (kml_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (out_kml, &b, NULL, NULL));
  g_assert_true (g_str_has_prefix (b, "<?xml"));
  for (const char *p = b; (p = strstr (p, "<Placemark>")) != NULL; p++)
    placemarks++;
  /* the same square as rows-files: 371 maize and 740 soybean row pieces, 186 AB lines */
  g_assert_cmpuint (placemarks, ==, 371 + 740 + 186);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (demo, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cliv (one, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  f = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "features"), 0);
  g_assert_cmpstr (json_object_get_string_member (f, "field"), ==, "T02");

  json_parser_load_from_file (rows_parser, t02, &error);
  g_assert_no_error (error);
  features = json_object_get_array_member (
    json_node_get_object (json_parser_get_root (rows_parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *props = json_object_get_object_member (
        json_array_get_object_element (features, i), "properties");
      guint c;

      if (!g_str_equal (json_object_get_string_member (props, "kind"), "row"))
        continue;
      /* the field's code, as `plan` names it, not its index in the run */
      g_assert_cmpstr (json_object_get_string_member (props, "field"), ==, "T02");
      c = g_str_equal (json_object_get_string_member (props, "crop"), "maize") ? 0 : 1;
      n_rows[c]++;
      row_m[c] += json_object_get_double_member (props, "length_m");
    }
  g_assert_cmpuint (n_rows[0], >, 0);
  g_assert_cmpuint (n_rows[0], ==, json_object_get_int_member (f, "maize_rows"));
  g_assert_cmpuint (n_rows[1], ==, json_object_get_int_member (f, "soy_rows"));
  g_assert_cmpfloat_with_epsilon (row_m[0] / member (f, "maize_row_m"), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row_m[1] / member (f, "soy_row_m"), 1.0, 1e-9);

  /* Every field of the project in KML: one Folder per field named by its code, in the order
   * `plan` lists them. */
  {
    g_autofree char *all_kml = g_build_filename (fx->dir, "all.kml", NULL);
    const char *all[] = { "plan", "--project", project, "--all", "--preset", "2+4",
                          "--rows-out", all_kml, "--json", NULL };
    g_autofree char *text = NULL;
    JsonArray *planned;
    const char *p;
    guint n_folders = 0;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (furrow_test_run_cliv (all, &out, &err), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    planned = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "features");
    g_assert_cmpuint (json_array_get_length (planned), >, 1);
    g_assert_true (g_file_get_contents (all_kml, &text, NULL, NULL));
    for (p = text; (p = strstr (p, "<Folder><name>")) != NULL; p++)
      {
        const char *code = json_object_get_string_member (
          json_array_get_object_element (planned, n_folders), "field");
        g_autofree char *expected = g_strdup_printf ("<Folder><name>%s</name>", code);

        g_assert_true (g_str_has_prefix (p, expected));
        n_folders++;
      }
    g_assert_cmpuint (n_folders, ==, json_array_get_length (planned));
    g_assert_null (strstr (text, "<name>field "));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-plan/rows-out", Fixture, fixture_set_up, test_rows_out,
                     fixture_tear_down);

/* Bad input: exit 1, one line on stderr naming the file, nothing on stdout; usage errors 2. */
static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fx->dir, "missing.geojson", NULL);
  g_autofree char *out_file = g_build_filename (fx->dir, "never.geojson", NULL);
  const char *no_file[] = { "plan", missing, "--maize-rows", "2", "--soy-rows", "4",
                            "--rows-geojson", out_file, "--json", NULL };
  const char *no_rows[] = { "plan", fx->field, "--json", NULL };
  const char *bad_gap[] = { "plan", fx->field, "--maize-rows", "2", "--soy-rows", "4",
                            "--gap", "wide", NULL };
  const char *bad_preset[] = { "plan", fx->field, "--maize-rows", "2", "--soy-rows", "4",
                               "--yield-preset", "optimistic", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (furrow_test_run_cliv (no_file, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "missing.geojson"));
  g_assert_cmpuint (strlen (err), ==, (gsize) (strchr (err, '\n') - err) + 1);
  g_assert_false (g_file_test (out_file, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (no_rows, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--maize-rows"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (bad_gap, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "wide"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (bad_preset, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "optimistic"));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-plan/errors", Fixture, fixture_set_up, test_errors,
                     fixture_tear_down);

/* `furrow-cli compare`: every pattern on the file's fields, sorted by net per mu; the money is
 * integer fen and adds up (net = revenue + subsidy − cost); costs are 375 mu × the pattern's
 * cost per mu (765.00 yuan for a strip, 600.00 for sole maize: furrow-comparison.h). */
static void
test_compare (Fixture       *fx,
              gconstpointer  data)
{
  const char *cmp[] = { "compare", fx->field, "--patterns", "sole-maize,2+4,4+6", "--json",
                        NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rows;
  gint64 prev = G_MAXINT64;

  g_assert_cmpint (furrow_test_run_cliv (cmp, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "patterns");
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *id = json_object_get_string_member (r, "pattern");
      gint64 net = json_object_get_int_member (r, "net_fen");
      gint64 per_mu = json_object_get_int_member (r, "net_fen_per_mu");

      g_assert_cmpint (net, ==, json_object_get_int_member (r, "revenue_fen") +
                       json_object_get_int_member (r, "subsidy_fen") -
                       json_object_get_int_member (r, "cost_fen"));
      g_assert_cmpint (per_mu, <=, prev);
      prev = per_mu;
      if (g_str_equal (id, "sole-maize"))
        g_assert_cmpint (json_object_get_int_member (r, "cost_fen"), ==, 375 * 60000);
      else
        g_assert_cmpint (json_object_get_int_member (r, "cost_fen"), ==, 375 * 76500);
    }
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-plan/compare", Fixture, fixture_set_up, test_compare,
                     fixture_tear_down);

/* A project's fields: `furrow-cli demo` writes the demo cooperative (40 fields); `plan --project
 * --field T02` plans one of them, `--all` every one, and the input arguments are checked. */
static void
test_project (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *project = g_build_filename (fx->dir, "demo.gpkg", NULL);
  const char *demo[] = { "demo", project, NULL };
  const char *one[] = { "plan", "--project", project, "--field", "T02", "--maize-rows", "2",
                        "--soy-rows", "4", "--json", NULL };
  const char *all[] = { "plan", "--project", project, "--all", "--preset", "4+6", "--json",
                        NULL };
  const char *neither[] = { "plan", "--project", project, "--preset", "2+4", NULL };
  const char *cmp[] = { "compare", "--project", project, "--all", "--patterns", "2+4", "--json",
                        NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *features;
  JsonObject *f;

  g_assert_cmpint (furrow_test_run_cliv (demo, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (one, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 1);
  f = json_array_get_object_element (features, 0);
  g_assert_cmpstr (json_object_get_string_member (f, "field"), ==, "T02");
  g_assert_cmpfloat (member (f, "area_mu"), >, 100.0);
  g_assert_cmpfloat (member (f, "maize_area_m2") + member (f, "soy_area_m2"), <=,
                     member (f, "area_m2"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (all, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 40);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (cmp, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cliv (neither, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--all"));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-plan/project", Fixture, fixture_set_up, test_project,
                     fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
