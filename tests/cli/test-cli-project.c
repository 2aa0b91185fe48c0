/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* furrow-cli demo and list, run as a script would (docs/architecture.md: the furrow-cli
 * contract). */

typedef FurrowTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, "demo.gpkg");
}

static JsonArray *
list_json (const char *path,
           const char *what,
           JsonParser *parser)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "list", "--project", path, what, "--json",
                                        NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

/* m² × 0.0015 = mu (docs/domain.md §2). */
static void
assert_areas (JsonObject *object,
              const char *name)
{
  g_autofree char *m2 = g_strconcat (name, "_m2", NULL);
  g_autofree char *mu = g_strconcat (name, "_mu", NULL);

  g_assert_true (json_object_has_member (object, m2));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, mu),
                                  json_object_get_double_member (object, m2) * 0.0015, 1e-9);
}

static void
test_demo_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *array;
  double fields_registered = 0.0, parcels_registered = 0.0;

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "demo", fixture->path, "--json", NULL), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    JsonObject *summary;

    json_parser_load_from_data (parser, out, -1, &error);
    g_assert_no_error (error);
    summary = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (summary, "fields"), ==, 40);
    g_assert_cmpint (json_object_get_int_member (summary, "households"), ==, 300);
    g_assert_cmpint (json_object_get_int_member (summary, "parcels"), ==, 1000);
  }

  array = list_json (fixture->path, "households", parser);
  g_assert_cmpuint (json_array_get_length (array), ==, 300);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *household = json_array_get_object_element (array, i);

      g_assert_cmpuint (strlen (json_object_get_string_member (household, "code")), ==, 18);
      g_assert_nonnull (json_object_get_string_member (household, "name"));
      g_assert_false (json_object_has_member (household, "phone"));
      g_assert_false (json_object_has_member (household, "id_number"));
      assert_areas (household, "registered_area");
      g_hash_table_add (households,
                        g_strdup (json_object_get_string_member (household, "code")));
    }

  array = list_json (fixture->path, "fields", parser);
  g_assert_cmpuint (json_array_get_length (array), ==, 40);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *field = json_array_get_object_element (array, i);
      double measured_mu = json_object_get_double_member (field, "measured_area_mu");

      assert_areas (field, "registered_area");
      assert_areas (field, "measured_area");
      g_assert_cmpfloat (measured_mu, >=, 20.0);
      g_assert_cmpfloat (measured_mu, <=, 200.0);
      fields_registered += json_object_get_double_member (field, "registered_area_m2");
    }

  array = list_json (fixture->path, "parcels", parser);
  g_assert_cmpuint (json_array_get_length (array), ==, 1000);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *parcel = json_array_get_object_element (array, i);
      double registered = json_object_get_double_member (parcel, "registered_area_m2");
      double measured = json_object_get_double_member (parcel, "measured_area_m2");

      g_assert_cmpuint (strlen (json_object_get_string_member (parcel, "code")), ==, 19);
      g_assert_true (g_hash_table_contains (households,
                                            json_object_get_string_member (parcel,
                                                                           "household_code")));
      assert_areas (parcel, "registered_area");
      assert_areas (parcel, "measured_area");
      g_assert_cmpfloat (fabs (registered - measured) / measured, <=, 0.10);
      parcels_registered += registered;
    }
  /* Every demo parcel lies in a field: the fields' registered areas are the parcels'. */
  g_assert_cmpfloat_with_epsilon (fields_registered, parcels_registered, 1e-6);

  /* Readable table. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "list", "--project", fixture->path, "fields",
                                        NULL), ==, 0);
  g_assert_nonnull (strstr (out, "T01"));
  g_assert_nonnull (strstr (out, "40"));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-project/demo-and-list", Fixture, fixture_set_up,
                     test_demo_and_list, furrow_test_store_fixture_tear_down);

/* The contract: exit 1 with one line on stderr naming the file, nothing written. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.gpkg", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "demo", fixture->path, NULL), ==, 0);
  g_file_get_contents (fixture->path, &before, &before_len, NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "demo", fixture->path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, fixture->path));
  g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);
  g_assert_cmpstr (out, ==, "");
  g_file_get_contents (fixture->path, &after, &after_len, NULL);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "list", "--project", missing, "parcels",
                                        NULL), ==, 1);
  g_assert_nonnull (strstr (err, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "list", "--project", fixture->path, "cows",
                                        NULL), ==, 2);
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-project/refusals", Fixture, fixture_set_up, test_refusals,
                     furrow_test_store_fixture_tear_down);

/* GDAL's own GeoPackage validator, with the content checks, when python3-gdal is installed. */
static void
test_validate_gpkg (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
  const char *argv[] = { "/usr/bin/python3", script, "--extra", "--warning-as-error",
                         fixture->path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_file_test (script, G_FILE_TEST_EXISTS) || !g_file_test (argv[0], G_FILE_TEST_EXISTS))
    {
      g_test_skip ("validate_gpkg.py (python3-gdal) is not installed");
      return;
    }
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "demo", fixture->path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_test_message ("validate_gpkg.py: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-project/validate-gpkg", Fixture, fixture_set_up,
                     test_validate_gpkg, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
