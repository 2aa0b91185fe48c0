/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "furrow-settle-check.h"
#include "furrow-settle-check-testing.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* What is missing before settling (docs/domain.md §8, Before settling), on a hand-built season:
 *
 *   fields  F1 东地, F2 西地, F3 南洼, F4 北坡: one full-custody household of 10 mu each (H1–H4);
 *           F5 闲地: only the half-custody parcel of H6, so not a custody field (4 fields count);
 *   H5      a half-custody parcel of 2 mu in F1, taking none of the fee operations: billed ¥0;
 *   H6      a half-custody parcel of 2 mu in F5, taking all of them (harvest 60 yuan/mu): fine;
 *   H7 张三, H8 李四: in the register with no parcel;
 *   season  F1 planned 2 + 4 (grows soybean), soybean priced 0; the other fields unplanned (sole
 *           maize, 2.40 yuan/kg); harvests recorded on F1 and F2 only.
 *
 * Expected, by hand: 2 of 4 fields without harvest (F3, F4); 1 crop at ¥0 (soybean); 1
 * half-custody household at ¥0 (H5); 2 households without parcels (H7, H8). */

typedef FurrowTestStore Fixture;

#define HH(n) "3707821022010100" n

static FurrowField *
add_field (FurrowStore *store,
           const char  *code,
           const char  *name)
{
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(GError) error = NULL;

  furrow_field_set_code (field, code);
  furrow_field_set_name (field, name);
  g_assert_true (furrow_store_add_field (store, field, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&field);
}

static void
add_household (FurrowStore *store,
               const char  *code,
               const char  *name)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(GError) error = NULL;

  furrow_household_set_code (household, code);
  furrow_household_set_name (household, name);
  g_assert_true (furrow_store_add_household (store, household, &error));
  g_assert_no_error (error);
}

static void
add_parcel (FurrowStore   *store,
            const char    *dkbm,
            const char    *household,
            FurrowField   *field,
            double         mu,
            FurrowCustody  custody)
{
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(GError) error = NULL;

  furrow_parcel_set_code (parcel, dkbm);
  furrow_parcel_set_household_code (parcel, household);
  furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
  furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (mu));
  furrow_parcel_set_custody (parcel, custody);
  g_assert_true (furrow_store_add_parcel (store, parcel, &error));
  g_assert_no_error (error);
}

static void
harvest (FurrowStore  *store,
         FurrowSeason *season,
         FurrowField  *field)
{
  g_autoptr(GError) error = NULL;

  /* 10 mu × 550 kg at 2.40 yuan/kg */
  g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, 5500, 1320000,
                                           &error));
  g_assert_no_error (error);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowStore *store = fixture->store;
  const char *names[4][2] = { { "F1", "东地" }, { "F2", "西地" }, { "F3", "南洼" },
                              { "F4", "北坡" } };
  FurrowField *fields[4];
  g_autoptr(FurrowField) f5 = NULL;
  g_autoptr(FurrowSeason) draft = furrow_season_new ("2024 秋", 2024);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSettleCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *short_text = NULL;
  const char *none[] = { NULL };
  FurrowPattern pattern;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *code = g_strdup_printf (HH ("%02u"), i + 1);
      g_autofree char *dkbm = g_strdup_printf ("%s0", code);

      fields[i] = add_field (store, names[i][0], names[i][1]);
      add_household (store, code, "户主");
      add_parcel (store, dkbm, code, fields[i], 10.0, FURROW_CUSTODY_FULL);
    }
  f5 = add_field (store, "F5", "闲地");
  add_household (store, HH ("05"), "王五");
  add_parcel (store, HH ("050"), HH ("05"), fields[0], 2.0, FURROW_CUSTODY_HALF);
  add_household (store, HH ("06"), "赵六");
  add_parcel (store, HH ("060"), HH ("06"), f5, 2.0, FURROW_CUSTODY_HALF);
  add_household (store, HH ("07"), "张三");
  add_household (store, HH ("08"), "李四");

  furrow_season_set_fee (draft, "harvest", 6000);
  furrow_season_set_price (draft, FURROW_CROP_SOYBEAN, 0, 13);
  g_assert_true (furrow_store_add_season (store, draft, &error));
  g_assert_no_error (error);
  season = furrow_store_find_season (store, "2024 秋");
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  g_assert_true (furrow_store_set_plan (store, season, fields[0], &pattern, "2+4", "", &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_set_household_operations (store, season, HH ("05"), none, &error));
  g_assert_no_error (error);
  harvest (store, season, fields[0]);
  harvest (store, season, fields[1]);

  check = furrow_store_check_settlement (store, season, &error);
  g_assert_no_error (error);
  g_assert_false (furrow_settle_check_is_empty (check));
  g_assert_cmpuint (furrow_settle_check_get_n_fields (check), ==, 4);
  g_assert_cmpuint (furrow_settle_check_get_count (check, FURROW_SETTLE_CHECK_NO_HARVEST), ==, 2);
  g_assert_cmpstr (furrow_settle_check_get_item (check, FURROW_SETTLE_CHECK_NO_HARVEST, 0), ==,
                   "F3 南洼");
  g_assert_cmpstr (furrow_settle_check_get_item (check, FURROW_SETTLE_CHECK_NO_HARVEST, 1), ==,
                   "F4 北坡");
  g_assert_cmpuint (furrow_settle_check_get_count (check, FURROW_SETTLE_CHECK_ZERO_PRICE), ==, 1);
  g_assert_cmpstr (furrow_settle_check_get_item (check, FURROW_SETTLE_CHECK_ZERO_PRICE, 0), ==,
                   "Soybean");
  g_assert_cmpuint (furrow_settle_check_get_count (check, FURROW_SETTLE_CHECK_ZERO_FEE), ==, 1);
  g_assert_cmpstr (furrow_settle_check_get_item (check, FURROW_SETTLE_CHECK_ZERO_FEE, 0), ==,
                   HH ("05") " 王五");
  g_assert_cmpuint (furrow_settle_check_get_count (check, FURROW_SETTLE_CHECK_NO_PARCELS), ==, 2);
  g_assert_cmpstr (furrow_settle_check_get_item (check, FURROW_SETTLE_CHECK_NO_PARCELS, 0), ==,
                   HH ("07") " 张三");
  g_assert_cmpstr (furrow_settle_check_get_item (check, FURROW_SETTLE_CHECK_NO_PARCELS, 1), ==,
                   HH ("08") " 李四");

  /* The words a person reads in the window and in furrow-cli, one line per kind. */
  text = furrow_settle_check_format (check, 10);
  g_assert_cmpstr (text, ==,
                   "2 of 4 fields have no harvest: F3 南洼, F4 北坡\n"
                   "1 crop grown has a price of ¥0: Soybean\n"
                   "1 half-custody household is billed ¥0 in fees: " HH ("05") " 王五\n"
                   "2 households have no parcels and get no statement: " HH ("07") " 张三, "
                   HH ("08") " 李四");
  /* At most one name a line: the rest are counted. */
  short_text = furrow_settle_check_format (check, 1);
  g_assert_nonnull (strstr (short_text, "2 of 4 fields have no harvest: F3 南洼 … and 1 more\n"));
  g_clear_pointer (&check, furrow_settle_check_free);

  /* Everything completed: nothing is missing and the text is empty. */
  harvest (store, season, fields[2]);
  harvest (store, season, fields[3]);
  furrow_season_set_price (season, FURROW_CROP_SOYBEAN, 460, 13);
  g_assert_true (furrow_store_update_season (store, season, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_set_household_operations (store, season, HH ("05"), NULL, &error));
  g_assert_no_error (error);
  add_parcel (store, HH ("070"), HH ("07"), fields[1], 3.0, FURROW_CUSTODY_FULL);
  add_parcel (store, HH ("080"), HH ("08"), fields[2], 3.0, FURROW_CUSTODY_FULL);
  check = furrow_store_check_settlement (store, season, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_settle_check_is_empty (check));
  g_free (text);
  text = furrow_settle_check_format (check, 10);
  g_assert_cmpstr (text, ==, "");

  for (guint i = 0; i < 4; i++)
    g_object_unref (fields[i]);
}
FURROW_TEST_FIXTURE ("/furrow/core/settle-check/missing", Fixture, furrow_test_store_set_up_empty,
                     test_missing, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
