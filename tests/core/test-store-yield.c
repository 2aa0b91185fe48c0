/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "furrow-demo.h"
#include "furrow-economics.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-store-yield.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* Yield-model presets in the project store (furrow-store-yield.h). */

typedef FurrowTestStore Fixture;

/* Every parameter compared bit for bit: a stored preset plans exactly as it was fitted. */
static void
assert_models_identical (const FurrowYieldModel *a,
                         const FurrowYieldModel *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      g_assert_true (a->sole_yield_kg_per_mu[c] == b->sole_yield_kg_per_mu[c]);
      g_assert_true (a->sole_seeds_per_mu[c] == b->sole_seeds_per_mu[c]);
      g_assert_true (a->density_exponent[c] == b->density_exponent[c]);
      g_assert_true (a->border_factor[c] == b->border_factor[c]);
      g_assert_true (a->inner_factor[c] == b->inner_factor[c]);
    }
}

static void
count_cb (FurrowStore *store,
          guint       *n)
{
  (*n)++;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  guint n_changed = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) reopened = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) audit = NULL;
  FurrowYieldModel model, found, other;

  /* "yield-presets-changed" after each save and delete that worked (the GUI lists follow) */
  g_signal_connect (fixture->store, "yield-presets-changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_true (furrow_yield_model_preset ("practical", &model, NULL));
  g_strlcpy (model.name, "陶庄 2025", sizeof model.name);
  /* values with no short decimal form: 1/3, 2/7, π/3, e/2 */
  model.border_factor[FURROW_CROP_MAIZE] = 1.0 / 3.0;
  model.inner_factor[FURROW_CROP_MAIZE] = 2.0 / 7.0;
  model.border_factor[FURROW_CROP_SOYBEAN] = G_PI / 3.0;
  model.inner_factor[FURROW_CROP_SOYBEAN] = G_E / 2.0;
  model.sole_yield_kg_per_mu[FURROW_CROP_MAIZE] = 612.345678901234;
  furrow_store_save_yield_preset (fixture->store, &model, &error);
  g_assert_no_error (error);

  other = model;
  g_strlcpy (other.name, "A-first", sizeof other.name);
  furrow_store_save_yield_preset (fixture->store, &other, &error);
  g_assert_no_error (error);

  /* read back through a second connection: the file holds it, not a cache */
  reopened = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  furrow_store_find_yield_preset (reopened, "陶庄 2025", &found, &error);
  g_assert_no_error (error);
  assert_models_identical (&model, &found);
  g_assert_cmpfloat (found.border_factor[FURROW_CROP_MAIZE], ==, 1.0 / 3.0);

  names = furrow_store_list_yield_presets (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "A-first");
  g_assert_cmpstr (names[1], ==, "陶庄 2025");

  /* built-ins first, then the stored one */
  g_assert_true (furrow_store_lookup_yield_model (reopened, "xiashan", &found, &error));
  g_assert_cmpstr (found.name, ==, "xiashan");
  g_assert_true (furrow_store_lookup_yield_model (reopened, "陶庄 2025", &found, &error));
  assert_models_identical (&model, &found);

  /* saving under the same name replaces */
  model.inner_factor[FURROW_CROP_SOYBEAN] = 0.5;
  furrow_store_save_yield_preset (fixture->store, &model, &error);
  g_assert_no_error (error);
  furrow_store_find_yield_preset (fixture->store, "陶庄 2025", &found, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (found.inner_factor[FURROW_CROP_SOYBEAN], ==, 0.5);

  furrow_store_delete_yield_preset (fixture->store, "陶庄 2025", &error);
  g_assert_no_error (error);
  g_assert_false (furrow_store_find_yield_preset (fixture->store, "陶庄 2025", &found, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (furrow_store_delete_yield_preset (fixture->store, "陶庄 2025", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* three saves and one delete; the refused delete and a refused save do not count */
  g_strlcpy (other.name, "practical", sizeof other.name);
  g_assert_false (furrow_store_save_yield_preset (fixture->store, &other, NULL));
  g_assert_cmpuint (n_changed, ==, 4);
  g_signal_handlers_disconnect_by_func (fixture->store, count_cb, &n_changed);

  audit = _furrow_store_get_audit (fixture->store, "yield_preset:陶庄 2025");
  g_assert_cmpuint (g_strv_length (audit), ==, 3);
  g_assert_true (g_str_has_prefix (audit[0], "yield_preset.save|maize border 0.333333 inner "
                                             "0.285714; soybean border 1.0472 inner 1.35914"));
  g_assert_true (g_str_has_prefix (audit[1], "yield_preset.save|"));
  g_assert_cmpstr (audit[2], ==, "yield_preset.delete|");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-yield/round-trip", Fixture, furrow_test_store_set_up_empty,
                     test_round_trip, furrow_test_store_fixture_tear_down);

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  FurrowYieldModel model;

  g_assert_true (furrow_yield_model_preset ("practical", &model, NULL));
  /* a built-in name would shadow nothing and confuse everyone */
  g_assert_false (furrow_store_save_yield_preset (fixture->store, &model, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  model.name[0] = '\0';
  g_assert_false (furrow_store_save_yield_preset (fixture->store, &model, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_strlcpy (model.name, "bad", sizeof model.name);
  model.border_factor[FURROW_CROP_SOYBEAN] = NAN;
  g_assert_false (furrow_store_save_yield_preset (fixture->store, &model, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  names = furrow_store_list_yield_presets (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);

  /* an unknown name without a store is the yield model's own error */
  g_assert_false (furrow_store_lookup_yield_model (NULL, "nowhere", &model, &error));
  g_assert_error (error, FURROW_YIELD_ERROR, FURROW_YIELD_ERROR_UNKNOWN_PRESET);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-yield/invalid", Fixture, furrow_test_store_set_up_empty,
                     test_invalid, furrow_test_store_fixture_tear_down);

static double
predicted_maize_kg (GArray     *fields,
                    const char *code)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (g_array_index (fields, FurrowEconomicsField, i).code, code))
      return g_array_index (fields, FurrowEconomicsField, i).predicted_yield_kg[FURROW_CROP_MAIZE];
  g_assert_not_reached ();
}

/* A season plan may name a stored preset; its prediction uses it; the preset cannot be
 * deleted while the plan names it. A 2+4 strip's maize rows are all border rows, so doubling the
 * maize border factor doubles the predicted maize. */
static void
test_season_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSeason) season = furrow_season_new ("2025 秋", 2025);
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(GArray) fields = NULL;
  FurrowYieldModel model;
  FurrowPattern pattern;
  double practical_kg;
  gint64 other;

  furrow_demo_populate (fixture->store, &error);
  g_assert_no_error (error);
  field = furrow_store_find_field (fixture->store, "T01");
  g_assert_nonnull (field);
  furrow_store_add_season (fixture->store, season, &error);
  g_assert_no_error (error);
  furrow_pattern_preset ("2+4", &pattern);

  furrow_store_set_plan (fixture->store, season, field, &pattern, "2+4", "practical", &error);
  g_assert_no_error (error);
  fields = furrow_store_get_season_fields (fixture->store, season, &other, &error);
  g_assert_no_error (error);
  practical_kg = predicted_maize_kg (fields, "T01");
  g_assert_cmpfloat (practical_kg, >, 0.0);
  g_clear_pointer (&fields, g_array_unref);

  /* an unknown name is refused */
  g_assert_false (furrow_store_set_plan (fixture->store, season, field, &pattern, "2+4",
                                         "双倍", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (furrow_yield_model_preset ("practical", &model, NULL));
  g_strlcpy (model.name, "双倍", sizeof model.name);
  model.border_factor[FURROW_CROP_MAIZE] *= 2.0;
  furrow_store_save_yield_preset (fixture->store, &model, &error);
  g_assert_no_error (error);
  furrow_store_set_plan (fixture->store, season, field, &pattern, "2+4", "双倍", &error);
  g_assert_no_error (error);
  fields = furrow_store_get_season_fields (fixture->store, season, &other, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (predicted_maize_kg (fields, "T01") / practical_kg, 2.0, 1e-12);

  g_assert_false (furrow_store_delete_yield_preset (fixture->store, "双倍", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  furrow_store_find_yield_preset (fixture->store, "双倍", &model, &error);
  g_assert_no_error (error);

  /* 11 CJK characters are 33 bytes: too long for a plan's 31 */
  g_strlcpy (model.name, "一二三四五六七八九十一", sizeof model.name);
  g_assert_false (furrow_store_save_yield_preset (fixture->store, &model, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-yield/season-plan", Fixture,
                     furrow_test_store_set_up_empty, test_season_plan,
                     furrow_test_store_fixture_tear_down);

/* A version 3 file gains the table on opening. */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (fixture->dir, "v3.gpkg", NULL);
  g_autoptr(FurrowStore) store = _furrow_store_create_at_version (old, 3, &error);
  g_autoptr(FurrowStore) migrated = NULL;
  FurrowYieldModel model, found;

  g_assert_no_error (error);
  g_clear_object (&store);
  migrated = furrow_store_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_get_schema_version (migrated), ==, FURROW_STORE_SCHEMA_VERSION);
  g_assert_true (furrow_yield_model_preset ("survey", &model, NULL));
  g_strlcpy (model.name, "fitted", sizeof model.name);
  furrow_store_save_yield_preset (migrated, &model, &error);
  g_assert_no_error (error);
  furrow_store_find_yield_preset (migrated, "fitted", &found, &error);
  g_assert_no_error (error);
  assert_models_identical (&model, &found);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-yield/migration", Fixture, furrow_test_store_set_up_empty,
                     test_migration, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
