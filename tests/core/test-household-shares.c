/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-household-shares.h"
#include "furrow-household.h"
#include "furrow-parcel.h"
#include "furrow-test.h"

static void
add_household (GListStore *households,
               const char *code)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();

  furrow_household_set_code (household, code);
  g_list_store_append (households, household);
}

static void
add_parcel (GListStore    *parcels,
            const char    *household_code,
            double         registered_m2,
            FurrowCustody  custody)
{
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();

  furrow_parcel_set_household_code (parcel, household_code);
  furrow_parcel_set_registered_area_m2 (parcel, registered_m2);
  furrow_parcel_set_custody (parcel, custody);
  g_list_store_append (parcels, parcel);
}

/* By hand (1 mu = 666.67 m², weights in 0.01 mu, furrow_economics_area_cmu()):
 *   A  2,000 m² full (+1,000 m² half, not counted)  → 300 cmu
 *   B  1,000 + 333.33 m² full = 1,333.33 m²          → 199.9995 → 200 cmu
 *   C  5,000 m² half only                            →   0
 *   D  1,000 m² full                                 → 150 cmu
 *   a parcel of a household not in the register, and one without household: ignored.
 * 100,000 fen over 650 cmu: A 46,153.846, B 30,769.231, D 23,076.923 → floors 99,998, the two
 * fen left to the largest remainders D (.923) and A (.846): 46,154 + 30,769 + 0 + 23,077. */
static void
test_hand_worked (void)
{
  g_autoptr(GListStore) households = g_list_store_new (FURROW_TYPE_HOUSEHOLD);
  g_autoptr(GListStore) parcels = g_list_store_new (FURROW_TYPE_PARCEL);
  g_autofree double *area_m2 = NULL;
  g_autofree double *again = NULL;
  gint64 out[4] = { -1, -1, -1, -1 };

  add_household (households, "A");
  add_household (households, "B");
  add_household (households, "C");
  add_household (households, "D");
  add_parcel (parcels, "A", 2000, FURROW_CUSTODY_FULL);
  add_parcel (parcels, "A", 1000, FURROW_CUSTODY_HALF);
  add_parcel (parcels, "B", 1000, FURROW_CUSTODY_FULL);
  add_parcel (parcels, "C", 5000, FURROW_CUSTODY_HALF);
  add_parcel (parcels, "B", 333.33, FURROW_CUSTODY_FULL);
  add_parcel (parcels, "D", 1000, FURROW_CUSTODY_FULL);
  add_parcel (parcels, "Z", 9000, FURROW_CUSTODY_FULL);
  add_parcel (parcels, NULL, 9000, FURROW_CUSTODY_FULL);

  area_m2 = furrow_household_shares (G_LIST_MODEL (households), G_LIST_MODEL (parcels), 100000,
                                     out);
  g_assert_cmpfloat_with_epsilon (area_m2[0], 2000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (area_m2[1], 1333.33, 1e-9);
  g_assert_cmpfloat (area_m2[2], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (area_m2[3], 1000.0, 1e-9);
  g_assert_cmpint (out[0], ==, 46154);
  g_assert_cmpint (out[1], ==, 30769);
  g_assert_cmpint (out[2], ==, 0);
  g_assert_cmpint (out[3], ==, 23077);
  g_assert_cmpint (out[0] + out[1] + out[2] + out[3], ==, 100000);

  /* A loss is shared the same way, negative, and still sums to the fen. */
  again = furrow_household_shares (G_LIST_MODEL (households), G_LIST_MODEL (parcels), -100000,
                                   out);
  g_assert_cmpint (out[0], ==, -46154);
  g_assert_cmpint (out[3], ==, -23077);
  g_assert_cmpint (out[0] + out[1] + out[2] + out[3], ==, -100000);
}
FURROW_TEST ("/furrow/core/household-shares/hand-worked", test_hand_worked);

/* No full-custody area at all: nobody gets anything. */
static void
test_no_area (void)
{
  g_autoptr(GListStore) households = g_list_store_new (FURROW_TYPE_HOUSEHOLD);
  g_autoptr(GListStore) parcels = g_list_store_new (FURROW_TYPE_PARCEL);
  g_autofree double *area_m2 = NULL;
  gint64 out[1] = { -1 };

  add_household (households, "C");
  add_parcel (parcels, "C", 5000, FURROW_CUSTODY_HALF);
  area_m2 = furrow_household_shares (G_LIST_MODEL (households), G_LIST_MODEL (parcels), 5000,
                                     out);
  g_assert_cmpfloat (area_m2[0], ==, 0.0);
  g_assert_cmpint (out[0], ==, 0);
}
FURROW_TEST ("/furrow/core/household-shares/no-area", test_no_area);

FURROW_TEST_MAIN ();
