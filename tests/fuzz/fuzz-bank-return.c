/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the bank return file reader (app/io/bank/furrow-bank-return.c;
 * docs/domain.md, "Bank accounts"): the bytes become a return file, read against a settled season of
 * three households made once in a private folder (two with the made-up card numbers of
 * tests/io/test-bank-file.c, the third without an account), so rows that name a real household
 * or account reach the amount, status and reason checks. Any input must end in rows or a clean
 * error, never a crash, a leak or undefined behaviour. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "furrow-bank-return.h"
#include "furrow-field.h"
#include "furrow-household.h"
#include "furrow-parcel.h"
#include "furrow-pattern.h"
#include "furrow-season.h"
#include "furrow-store-season.h"
#include "furrow-store.h"
#include "furrow-units.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static FurrowStore *store;
static FurrowSeason *season;
static char *folder;
static char *return_path;

static const char *const accounts[] = { "6217000000000006", "6214830000000001237", NULL };

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* libFuzzer ends with exit(): the project, its restore point and the input go with it. */
static void
tear_down (void)
{
  g_clear_object (&season);
  g_clear_object (&store);
  remove_tree (folder);
}

/* The season "2016 秋" settled: one field of 150 mu of maize in custody, three households. */
static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowField) field = furrow_field_new ();
  const char *dir;
  g_autofree char *project = NULL;
  g_autofree char *data_dir = NULL;
  FurrowBaseRule base = { .kind = FURROW_BASE_IN_KIND, .kg_per_mu = 550,
                          .price_fen_per_kg = 136, .less_cost_per_mu = TRUE };
  FurrowSurplusSplit split = { 0, 0, 50, 50 };
  FurrowPattern pattern;

  folder = g_dir_make_tmp ("fuzz-bank-return-XXXXXX", &error);
  g_assert_no_error (error);
  dir = folder;
  atexit (tear_down);
  /* The settlement's restore point goes into this folder, not the user's. */
  data_dir = g_build_filename (dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  project = g_build_filename (dir, "P.gpkg", NULL);
  return_path = g_build_filename (dir, "return.csv", NULL);
  store = furrow_store_create (project, &error);
  g_assert_no_error (error);
  furrow_field_set_code (field, "F1");
  furrow_store_add_field (store, field, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FurrowHousehold) household = furrow_household_new ();
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
      g_autofree char *code = g_strdup_printf ("37142611020100%04u", i + 1);
      g_autofree char *dkbm = g_strdup_printf ("37142611020100%05u", i + 1);

      furrow_household_set_code (household, code);
      furrow_household_set_name (household, "户主");
      if (accounts[i] != NULL)
        furrow_household_set_account_number (household, accounts[i]);
      furrow_store_add_household (store, household, &error);
      g_assert_no_error (error);
      furrow_parcel_set_code (parcel, dkbm);
      furrow_parcel_set_household_code (parcel, code);
      furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
      furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (50.0));
      furrow_parcel_set_custody (parcel, FURROW_CUSTODY_FULL);
      furrow_store_add_parcel (store, parcel, &error);
      g_assert_no_error (error);
    }
  season = furrow_season_new ("2016 秋", 2016);
  furrow_season_set_base_rule (season, &base);
  furrow_season_set_split (season, &split, "村民大会决定");
  furrow_store_add_season (store, season, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_pattern_preset ("sole-maize", &pattern));
  furrow_store_set_plan (store, season, field, &pattern, "sole-maize", "practical", &error);
  g_assert_no_error (error);
  furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, 90000, 12240000, &error);
  g_assert_no_error (error);
  furrow_store_settle_season (store, season, NULL, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GArray) rows = NULL;
  FILE *file;

  if (store == NULL)
    set_up ();
  /* Written in place (not g_file_set_contents(), whose fsync would be most of each run). */
  file = fopen (return_path, "wb");
  if (file == NULL || fwrite (data, 1, size, file) != size || fclose (file) != 0)
    abort ();
  rows = furrow_bank_return_read (store, season, return_path, NULL);
  return 0;
}
