/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowParcelIndex: its per-field counts always equal a scan of the model
 * (furrow_register_field_parcels(), the plain loop the index replaces), through additions,
 * removals, re-insertions and the store's own updates and deletions. */
#include <glib/gstdio.h>

#include "furrow-demo.h"
#include "furrow-parcel.h"
#include "furrow-parcel-index.h"
#include "furrow-register.h"

#define N_FIELDS 20

static void
assert_matches_scan (FurrowParcelIndex *index,
                     GListModel        *parcels,
                     gint64             max_field_id)
{
  guint total = 0;

  for (gint64 id = 0; id <= max_field_id; id++)
    {
      guint scanned = furrow_register_field_parcels (parcels, id);

      g_assert_cmpuint (furrow_parcel_index_count_field (index, id), ==, scanned);
      total += scanned;
    }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (parcels));
}

static FurrowParcel *
parcel_on (gint64 field_id)
{
  FurrowParcel *parcel = furrow_parcel_new ();

  furrow_parcel_set_field_id (parcel, field_id);
  return parcel;
}

static void
test_model_changes (void)
{
  g_autoptr(GListStore) parcels = g_list_store_new (FURROW_TYPE_PARCEL);
  g_autoptr(FurrowParcelIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(FurrowParcel) parcel = parcel_on (g_rand_int_range (rand, 0, N_FIELDS + 1));

      g_list_store_append (parcels, parcel);
    }
  index = furrow_parcel_index_new (G_LIST_MODEL (parcels));
  assert_matches_scan (index, G_LIST_MODEL (parcels), N_FIELDS);
  /* Hand count on a tiny case: three parcels on field 99, none before. */
  g_assert_cmpuint (furrow_parcel_index_count_field (index, 99), ==, 0);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (parcels));
      guint position = g_rand_int_range (rand, 0, n);
      guint removed = MIN ((guint) g_rand_int_range (rand, 0, 4), n - position);
      guint added = g_rand_int_range (rand, 0, 4);
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < added; i++)
        g_ptr_array_add (fresh, parcel_on (g_rand_int_range (rand, 0, N_FIELDS + 1)));
      g_list_store_splice (parcels, position, removed, fresh->pdata, added);
      assert_matches_scan (index, G_LIST_MODEL (parcels), N_FIELDS);
    }

  /* A parcel moved to another field and re-inserted, as the store does. */
  {
    g_autoptr(FurrowParcel) parcel = g_list_model_get_item (G_LIST_MODEL (parcels), 0);
    gint64 before = furrow_parcel_get_field_id (parcel);
    guint on_before = furrow_parcel_index_count_field (index, before);
    guint on_99 = furrow_parcel_index_count_field (index, 99);

    furrow_parcel_set_field_id (parcel, 99);
    g_list_store_splice (parcels, 0, 1, (gpointer *) &parcel, 1);
    g_assert_cmpuint (furrow_parcel_index_count_field (index, before), ==, on_before - 1);
    g_assert_cmpuint (furrow_parcel_index_count_field (index, 99), ==, on_99 + 1);
    g_assert_cmpuint (on_99, ==, 0);
  }
}

/* The demo project's parcel model: an update moves a parcel, deleting a field detaches its
 * parcels; the index follows both. */
static void
test_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("furrow-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_demo_create (path, &error);
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(FurrowParcelIndex) index = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;
  g_autoptr(FurrowField) first = NULL;
  g_autoptr(FurrowField) second = NULL;
  gint64 first_id, second_id, max_id = 0;
  guint on_first, on_second, on_none;

  g_assert_no_error (error);
  parcels = furrow_store_get_parcels (store);
  fields = furrow_store_get_fields (store);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, FURROW_DEMO_N_PARCELS);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      max_id = MAX (max_id, furrow_field_get_id (field));
    }
  index = furrow_parcel_index_new (parcels);
  assert_matches_scan (index, parcels, max_id);

  first = g_list_model_get_item (fields, 0);
  second = g_list_model_get_item (fields, 1);
  first_id = furrow_field_get_id (first);
  second_id = furrow_field_get_id (second);
  on_first = furrow_parcel_index_count_field (index, first_id);
  on_second = furrow_parcel_index_count_field (index, second_id);
  on_none = furrow_parcel_index_count_field (index, 0);
  g_assert_cmpuint (on_first, >, 0);

  /* Move one parcel of the first field to the second. */
  for (guint i = 0; parcel == NULL; i++)
    {
      g_autoptr(FurrowParcel) candidate = g_list_model_get_item (parcels, i);

      if (furrow_parcel_get_field_id (candidate) == first_id)
        parcel = g_steal_pointer (&candidate);
    }
  furrow_parcel_set_field_id (parcel, second_id);
  g_assert_true (furrow_store_update_parcel (store, parcel, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, first_id), ==, on_first - 1);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, second_id), ==, on_second + 1);
  assert_matches_scan (index, parcels, max_id);

  /* Deleting the second field leaves its parcels on no field. */
  g_assert_true (furrow_store_delete_field (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, second_id), ==, 0);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, 0), ==, on_none + on_second + 1);
  assert_matches_scan (index, parcels, max_id);

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/furrow/core/parcel-index/model-changes", test_model_changes);
  g_test_add_func ("/furrow/core/parcel-index/store", test_store);

  return g_test_run ();
}
