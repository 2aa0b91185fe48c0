/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-store-yield.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* furrow-cli calibrate, and plan/compare with the preset it stores (docs/architecture.md: the
 * furrow-cli contract; issue 4 item 3: calibration to the cooperative's own data). */

typedef FurrowTestStore Fixture;

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The known model: `practical` with made-up row factors the fit must find again. */
static void
known_model (FurrowYieldModel *model)
{
  g_assert_true (furrow_yield_model_preset ("practical", model, NULL));
  model->border_factor[FURROW_CROP_MAIZE] = 1.31;
  model->inner_factor[FURROW_CROP_MAIZE] = 0.97;
  model->border_factor[FURROW_CROP_SOYBEAN] = 0.58;
  model->inner_factor[FURROW_CROP_SOYBEAN] = 0.83;
}

/* Writes the measurements the known model predicts on the ideal strip (%.17g: exact). Patterns
 * with 3 and 4 maize rows have inner maize rows and those with 4–6 soybean rows inner soybean
 * rows, so both factors of both crops are identifiable. The 3+4 row is given as a field of
 * the season's plan when `season_field` is TRUE. */
static char *
write_measurements (const char *dir,
                    gboolean    season_field)
{
  static const char *patterns[] = { "2+4", "3+4", "4+6", "4+4", "2+2", "2+6", "sole-maize" };
  static const char *cells[] = { "2+4", "\"3,4\"", "4+6", "4+4", "2+2", "2+6", "sole-maize" };
  g_autoptr(GString) csv = g_string_new ("field,pattern,maize_kg_per_mu,soy_kg_per_mu\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "measured.csv", NULL);
  FurrowYieldModel model;

  known_model (&model);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      FurrowPattern p;
      FurrowYieldPrediction y;
      char maize[G_ASCII_DTOSTR_BUF_SIZE], soy[G_ASCII_DTOSTR_BUF_SIZE];

      g_assert_true (furrow_pattern_preset (patterns[i], &p));
      furrow_yield_model_predict (&model, &p, &y);
      g_ascii_formatd (maize, sizeof maize, "%.17g", y.yield_kg_per_mu[FURROW_CROP_MAIZE]);
      g_ascii_formatd (soy, sizeof soy, "%.17g", y.yield_kg_per_mu[FURROW_CROP_SOYBEAN]);
      if (season_field && g_str_equal (patterns[i], "3+4"))
        g_string_append_printf (csv, "T01,,%s,%s\n", maize, soy);
      else
        g_string_append_printf (csv, ",%s,%s,%s\n", cells[i], maize,
                                p.soy_rows > 0 ? soy : "");
    }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_fit (JsonObject *fit)
{
  FurrowYieldModel model;
  JsonArray *observations;

  known_model (&model);
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      JsonObject *crop = json_object_get_object_member (fit, c == FURROW_CROP_MAIZE ? "maize"
                                                                                   : "soybean");

      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (crop, "border_factor"),
                                      model.border_factor[c], 1e-6);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (crop, "inner_factor"),
                                      model.inner_factor[c], 1e-6);
      g_assert_false (json_object_get_boolean_member (crop, "ratio_kept"));
      g_assert_cmpfloat (json_object_get_double_member (crop, "rms_kg_per_mu"), <, 1e-6);
    }
  /* 6 strip patterns measure maize and soybean; sole maize is not used for the fit */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (fit, "maize"),
                                               "n_used"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (fit, "soybean"),
                                               "n_used"), ==, 6);
  observations = json_object_get_array_member (fit, "observations");
  g_assert_cmpuint (json_array_get_length (observations), ==, 7);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpfloat (fabs (json_object_get_double_member (
                         json_array_get_object_element (observations, i),
                         "maize_residual_kg_per_mu")), <, 1e-6);
  /* sole maize: no soybean measured */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (observations, 6),
                                              "soy_residual_kg_per_mu"));
}

static double
first_feature (const char *json,
               const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_object (parser, json);
  JsonArray *features = json_object_get_array_member (root, "features");

  return json_object_get_double_member (json_array_get_object_element (features, 0), member);
}

static void
test_calibrate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autofree char *csv = write_measurements (fixture->dir, FALSE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *practical_out = NULL;
  g_auto(GStrv) names = NULL;
  JsonObject *fit;
  FurrowYieldModel stored, practical;

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "calibrate", "--project", fixture->path,
                                        "--name", "河滩 2025", csv, "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  fit = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (fit, "name"), ==, "河滩 2025");
  g_assert_cmpstr (json_object_get_string_member (fit, "base_preset"), ==, "practical");
  assert_fit (fit);

  /* the stored preset is the printed fit to the last bit, the rest is the base preset's */
  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  names = furrow_store_list_yield_presets (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  furrow_store_find_yield_preset (store, "河滩 2025", &stored, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_yield_model_preset ("practical", &practical, NULL));
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      JsonObject *crop = json_object_get_object_member (fit, c == FURROW_CROP_MAIZE ? "maize"
                                                                                   : "soybean");

      g_assert_true (stored.border_factor[c] ==
                     json_object_get_double_member (crop, "border_factor"));
      g_assert_true (stored.inner_factor[c] ==
                     json_object_get_double_member (crop, "inner_factor"));
      g_assert_true (stored.sole_yield_kg_per_mu[c] == practical.sole_yield_kg_per_mu[c]);
      g_assert_true (stored.sole_seeds_per_mu[c] == practical.sole_seeds_per_mu[c]);
      g_assert_true (stored.density_exponent[c] == practical.density_exponent[c]);
    }
  g_clear_object (&store);

  /* plan --preset NAME finds it after the built-ins. In 2+4 both maize rows border soybean, so
   * on the same layout the maize yield scales by the border factors: 1.31 / practical's. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&planned, &err, "plan", "--project", fixture->path,
                                        "--field", "T01", "--maize-rows", "2", "--soy-rows", "4",
                                        "--preset", "河滩 2025", "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&practical_out, &err, "plan", "--project", fixture->path,
                                        "--field", "T01", "--preset", "2+4", "--json",
                                        NULL), ==, 0);
  g_assert_cmpfloat_with_epsilon (first_feature (planned, "maize_yield_kg") /
                                  first_feature (practical_out, "maize_yield_kg"),
                                  stored.border_factor[FURROW_CROP_MAIZE] /
                                  practical.border_factor[FURROW_CROP_MAIZE], 1e-9);
  g_assert_cmpfloat_with_epsilon (stored.border_factor[FURROW_CROP_MAIZE], 1.31, 1e-6);

  /* compare takes it as --yield-preset */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "compare", "--project", fixture->path,
                                        "--field", "T01", "--patterns", "2+4", "--yield-preset",
                                        "河滩 2025", "--json", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  fit = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (fit, "yield_preset"), ==, "河滩 2025");

  /* without the project the name means nothing */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "compare", "--patterns", "2+4",
                                        "--yield-preset", "河滩 2025", csv, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "河滩 2025"));
}
FURROW_TEST_FIXTURE ("/furrow/cli/calibrate/synthetic", Fixture, furrow_test_store_set_up_demo_file,
                     test_calibrate, furrow_test_store_fixture_tear_down);

/* A field column takes the field's pattern from its plan in --season; text output. */
static void
test_season_field (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = write_measurements (fixture->dir, TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "season", "--project", fixture->path, "create",
                                        "2025", "--year", "2025", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "season", "--project", fixture->path, "plan",
                                        "2025", "--field", "T01", "--preset", "3+4", NULL), ==, 0);

  /* without --season the field has no pattern: nothing stored */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "calibrate", "--project", fixture->path,
                                        "--name", "fit", csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "T01"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "calibrate", "--project", fixture->path,
                                        "--name", "fit", "--season", "2025", csv, "--json",
                                        NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    assert_fit (parse_object (parser, out));
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "calibrate", "--project", fixture->path,
                                        "--name", "fit", "--season", "2025", csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1.3100"));
  g_assert_nonnull (strstr (out, "0.9700"));
  g_assert_nonnull (strstr (out, "T01"));

  /* a built-in name is refused */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "calibrate", "--project", fixture->path,
                                        "--name", "practical", "--season", "2025", csv,
                                        NULL), ==, 1);
  g_assert_nonnull (strstr (err, "practical"));
}
FURROW_TEST_FIXTURE ("/furrow/cli/calibrate/season-field", Fixture,
                     furrow_test_store_set_up_demo_file, test_season_field,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
