/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowParcelIndex: its per-field counts always equal a scan of the model
 * (furrow_register_field_parcels(), the plain loop the index replaces), through additions,
 * removals, re-insertions and the store's own updates and deletions. */
#include <glib/gstdio.h>

#include "furrow-parcel.h"
#include "furrow-store.h"
#include "furrow-parcel-index.h"
#include "furrow-register-testing.h"
#include "furrow-register.h"
#include "furrow-test.h"

#define N_FIELDS 20

/* The index against one plain pass over the model (what furrow_register_field_parcels() does for
 * one field at a time), for every field id up to `max_field_id`. */
static void
assert_matches_scan (FurrowParcelIndex *index,
                     GListModel        *parcels,
                     gint64             max_field_id)
{
  g_autofree guint *counts = g_new0 (guint, max_field_id + 1);
  guint n = g_list_model_get_n_items (parcels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      gint64 field_id = furrow_parcel_get_field_id (parcel);

      g_assert_cmpint (field_id, >=, 0);
      g_assert_cmpint (field_id, <=, max_field_id);
      counts[field_id]++;
    }
  for (gint64 id = 0; id <= max_field_id; id++)
    g_assert_cmpuint (furrow_parcel_index_count_field (index, id), ==, counts[id]);
  /* And the scan itself agrees on one field. */
  g_assert_cmpuint (furrow_register_field_parcels (parcels, max_field_id), ==, counts[max_field_id]);
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

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(FurrowParcel) parcel = parcel_on (g_rand_int_range (rand, 0, N_FIELDS + 1));

      g_list_store_append (parcels, parcel);
    }
  index = furrow_parcel_index_new (G_LIST_MODEL (parcels));
  assert_matches_scan (index, G_LIST_MODEL (parcels), N_FIELDS);
  /* Hand count on a tiny case: three parcels on field 99, none before. */
  g_assert_cmpuint (furrow_parcel_index_count_field (index, 99), ==, 0);

  for (guint round = 0; round < 60; round++)
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
FURROW_TEST ("/furrow/core/parcel-index/model-changes", test_model_changes);

static FurrowField *
box_field (const char *code,
           double      x)
{
  FurrowField *field = furrow_field_new ();
  g_autoptr(FurrowGeometry) geometry = furrow_geometry_new ();
  FurrowPoint ring[] = { { x, 36.45 }, { x + 0.002, 36.45 }, { x + 0.002, 36.452 }, { x, 36.452 } };

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring, 4);
  furrow_field_set_code (field, code);
  furrow_field_set_name (field, code);
  furrow_field_set_geometry (field, geometry);
  return field;
}

/* A project's parcel model: an update moves a parcel, deleting a field detaches its parcels; the
 * index follows both. Three fields, twelve parcels: 0, 1, 2, 0, 1, 2… by position. */
static void
test_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("furrow-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "index.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_store_create (path, &error);
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(FurrowParcelIndex) index = NULL;
  g_autoptr(FurrowParcel) moved = NULL;
  FurrowField *fields[3];
  gint64 ids[3];

  g_assert_no_error (error);
  furrow_household_set_code (household, "370782102201010001");
  furrow_household_set_name (household, "王建国");
  g_assert_true (furrow_store_add_household (store, household, &error));
  g_assert_no_error (error);
  for (guint f = 0; f < 3; f++)
    {
      g_autofree char *code = g_strdup_printf ("T%02u", f + 1);

      fields[f] = box_field (code, 119.40 + 0.01 * f);
      g_assert_true (furrow_store_add_field (store, fields[f], &error));
      g_assert_no_error (error);
      ids[f] = furrow_field_get_id (fields[f]);
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
      g_autofree char *code = g_strdup_printf ("37078210220101%05u", i + 1);

      furrow_parcel_set_code (parcel, code);
      furrow_parcel_set_household_code (parcel, "370782102201010001");
      furrow_parcel_set_registered_area_m2 (parcel, 1000);
      furrow_parcel_set_field_id (parcel, ids[i % 3]);
      g_assert_true (furrow_store_add_parcel (store, parcel, &error));
      g_assert_no_error (error);
    }

  parcels = furrow_store_get_parcels (store);
  index = furrow_parcel_index_new (parcels);
  for (guint f = 0; f < 3; f++)
    g_assert_cmpuint (furrow_parcel_index_count_field (index, ids[f]), ==, 4);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, 0), ==, 0);

  /* The first parcel (on T01) moves to T02: 3, 5, 4. */
  moved = g_list_model_get_item (parcels, 0);
  g_assert_cmpint (furrow_parcel_get_field_id (moved), ==, ids[0]);
  furrow_parcel_set_field_id (moved, ids[1]);
  g_assert_true (furrow_store_update_parcel (store, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, ids[0]), ==, 3);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, ids[1]), ==, 5);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, ids[2]), ==, 4);

  /* Deleting T02 leaves its five parcels on no field. */
  g_assert_true (furrow_store_delete_field (store, fields[1], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, ids[1]), ==, 0);
  g_assert_cmpuint (furrow_parcel_index_count_field (index, 0), ==, 5);
  assert_matches_scan (index, parcels, MAX (ids[0], ids[2]));

  for (guint f = 0; f < 3; f++)
    g_object_unref (fields[f]);
  g_clear_object (&index);
  g_clear_object (&parcels);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/core/parcel-index/store", test_store);

FURROW_TEST_MAIN ();
