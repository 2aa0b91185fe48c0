/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "furrow-demo.h"
#include "furrow-register.h"

static void
test_register_mask (void)
{
  g_autofree char *phone = furrow_register_mask_personal ("13800001234");
  g_autofree char *id = furrow_register_mask_personal ("00000019800101123X");
  g_autofree char *empty = furrow_register_mask_personal ("");
  g_autofree char *short_text = furrow_register_mask_personal ("123");

  g_assert_cmpstr (phone, ==, "•••• 1234");
  g_assert_cmpstr (id, ==, "•••• 123X");
  g_assert_cmpstr (empty, ==, "");
  /* Too short to show any digit. */
  g_assert_cmpstr (short_text, ==, "••••");
}

static void
test_register_mismatch (void)
{
  /* 1 mu registered against 1.06 measured: 5.66 % off. */
  g_assert_cmpfloat_with_epsilon (furrow_register_mismatch_percent (1.0, 1.06), 5.6604, 1e-3);
  g_assert_true (furrow_register_is_mismatch (1.0, 1.06, 5));
  g_assert_false (furrow_register_is_mismatch (1.0, 1.04, 5));
  g_assert_false (furrow_register_is_mismatch (1.0, 1.06, 6));
  g_assert_cmpfloat (furrow_register_mismatch_percent (5, 0), ==, 0);
}

static void
test_register_codes (void)
{
  g_assert_true (furrow_register_is_household_code ("370782102201010001"));
  g_assert_false (furrow_register_is_household_code ("37078210220101001"));
  g_assert_false (furrow_register_is_household_code ("3707821022010100011"));
  g_assert_false (furrow_register_is_household_code ("37078210220101000 "));
  g_assert_false (furrow_register_is_household_code (NULL));
  g_assert_true (furrow_register_is_parcel_code ("3707821022010100001"));
  g_assert_false (furrow_register_is_parcel_code ("370782102201010001"));
}

/* The demo's summaries add up to the whole register. */
static void
test_register_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("furrow-register-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.gpkg", NULL);
  g_autoptr(FurrowStore) store = furrow_demo_create (path, NULL);
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(GHashTable) counts = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n_parcels = 0, n_counted = 0;

  g_assert_nonnull (store);
  parcels = furrow_store_get_parcels (store);
  households = furrow_store_get_households (store);
  fields = furrow_store_get_fields (store);
  summaries = furrow_register_household_summaries (parcels);
  g_hash_table_iter_init (&iter, summaries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n_parcels += ((FurrowHouseholdSummary *) value)->n_parcels;
  g_assert_cmpuint (n_parcels, ==, FURROW_DEMO_N_PARCELS);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      FurrowHouseholdSummary one;
      FurrowHouseholdSummary *many = g_hash_table_lookup (summaries,
                                                          furrow_household_get_code (household));
      g_autoptr(GListStore) own = furrow_register_household_parcels (
        parcels, furrow_household_get_code (household));

      furrow_register_household_summary (parcels, furrow_household_get_code (household), &one);
      g_assert_nonnull (many);
      g_assert_cmpuint (one.n_parcels, ==, many->n_parcels);
      g_assert_cmpuint (one.n_parcels, ==, g_list_model_get_n_items (G_LIST_MODEL (own)));
      g_assert_cmpfloat (one.registered_m2, ==, many->registered_m2);
      g_assert_cmpfloat (one.measured_m2, >, 0);
    }

  counts = furrow_register_field_parcel_counts (parcels);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

      g_assert_cmpuint (count, ==, furrow_register_field_parcels (parcels, id));
      n_counted += count;
    }
  g_assert_cmpuint (n_counted, <=, FURROW_DEMO_N_PARCELS);
  g_assert_cmpuint (n_counted, >, 0);

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/furrow/core/register/mask", test_register_mask);
  g_test_add_func ("/furrow/core/register/mismatch", test_register_mismatch);
  g_test_add_func ("/furrow/core/register/codes", test_register_codes);
  g_test_add_func ("/furrow/core/register/demo", test_register_demo);

  return g_test_run ();
}
