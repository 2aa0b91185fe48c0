/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "furrow-geodesy.h"
#include "furrow-store-gpkg.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-store.h"
#include "furrow-test-pg.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

typedef FurrowTestStore Fixture;

/* A rectangle of w × h degrees at (x, y), counter-clockwise. */
static void
add_box (FurrowGeometry *geometry,
         guint           polygon,
         double          x,
         double          y,
         double          w,
         double          h)
{
  FurrowPoint ring[] = { { x, y }, { x + w, y }, { x + w, y + h }, { x, y + h } };

  furrow_geometry_add_ring (geometry, polygon, ring, G_N_ELEMENTS (ring));
}

static FurrowGeometry *
box_geometry (double x,
              double y,
              double w,
              double h)
{
  FurrowGeometry *geometry = furrow_geometry_new ();

  add_box (geometry, furrow_geometry_add_polygon (geometry), x, y, w, h);
  return geometry;
}

/* Two parts, the first with a hole (clockwise, as holes are in OGC simple features). */
static FurrowGeometry *
multi_with_hole (void)
{
  FurrowGeometry *geometry = furrow_geometry_new ();
  guint first = furrow_geometry_add_polygon (geometry);
  guint second;
  FurrowPoint hole[] = { { 119.401, 36.451 }, { 119.401, 36.452 }, { 119.402, 36.452 },
                         { 119.402, 36.451 } };

  add_box (geometry, first, 119.400, 36.450, 0.003, 0.003);
  furrow_geometry_add_ring (geometry, first, hole, G_N_ELEMENTS (hole));
  second = furrow_geometry_add_polygon (geometry);
  add_box (geometry, second, 119.410, 36.440, 0.001, 0.002);
  return geometry;
}

static FurrowHousehold *
make_household (const char *code)
{
  FurrowHousehold *household = furrow_household_new ();

  furrow_household_set_code (household, code);
  furrow_household_set_name (household, "王建国");
  furrow_household_set_members (household, 4);
  furrow_household_set_phone (household, "13800000001");
  furrow_household_set_id_number (household, "000000197001010013");
  return household;
}

static FurrowParcel *
make_parcel (const char *code,
             const char *household_code,
             double      x)
{
  FurrowParcel *parcel = furrow_parcel_new ();
  g_autoptr(FurrowGeometry) geometry = box_geometry (x, 36.45, 0.0005, 0.0005);

  furrow_parcel_set_code (parcel, code);
  furrow_parcel_set_household_code (parcel, household_code);
  furrow_parcel_set_geometry (parcel, geometry);
  furrow_parcel_set_registered_area_m2 (parcel, furrow_parcel_get_measured_area_m2 (parcel) * 1.03);
  return parcel;
}

static FurrowField *
make_field (const char *code,
            double      x)
{
  FurrowField *field = furrow_field_new ();
  g_autoptr(FurrowGeometry) geometry = box_geometry (x, 36.45, 0.002, 0.002);

  furrow_field_set_code (field, code);
  furrow_field_set_name (field, "河滩一号地");
  furrow_field_set_geometry (field, geometry);
  return field;
}

#define FBFBM "37078210220101"

/* A store with one field, one household and two parcels in the field. */
static FurrowStore *
small_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_test_store_create_at (fixture);
  g_autoptr(FurrowField) field = make_field ("T01", 119.40);
  g_autoptr(FurrowHousehold) household = make_household (FBFBM "0001");
  g_autoptr(FurrowParcel) a = make_parcel (FBFBM "00001", FBFBM "0001", 119.400);
  g_autoptr(FurrowParcel) b = make_parcel (FBFBM "00002", FBFBM "0001", 119.401);

  g_assert_no_error (error);
  g_assert_true (furrow_store_add_field (store, field, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_add_household (store, household, &error));
  g_assert_no_error (error);
  furrow_parcel_set_field_id (a, furrow_field_get_id (field));
  furrow_parcel_set_field_id (b, furrow_field_get_id (field));
  g_assert_true (furrow_store_add_parcel (store, a, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_add_parcel (store, b, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
assert_counts (FurrowStore *store,
               gint64       fields,
               gint64       households,
               gint64       parcels)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (furrow_store_count_fields (store, &error), ==, fields);
  g_assert_cmpint (furrow_store_count_households (store, &error), ==, households);
  g_assert_cmpint (furrow_store_count_parcels (store, &error), ==, parcels);
  g_assert_no_error (error);
}

/* GeoPackage 1.3 (OGC 12-128r18 §1.1.1.1.1): application_id 'GPKG' = 0x47504B47, user_version
 * 10300; ogrinfo must list both layers as Multi Polygon in EPSG:4326 with their counts. */
static void
test_create_gpkg (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *fields_part = NULL;
  g_autofree char *ogrinfo = NULL;
  const char *parcels_part;
  int status;
  gint32 application_id, user_version;
  double min_x, min_y, max_x, max_y;
  g_autofree char *wal = NULL;
  GStatBuf st;
  const char *argv[] = { "ogrinfo", "-so", "-al", fixture->path, NULL };

  if (furrow_test_skip_on_pg ("the GeoPackage header and gpkg_contents: the file only"))
    return;

  {
    g_autoptr(FurrowStore) store = small_store (fixture);

    _furrow_store_get_header (store, &application_id, &user_version);
    g_assert_cmphex (application_id, ==, 0x47504B47);
    g_assert_cmpint (user_version, ==, 10300);
    g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
    g_assert_true (furrow_store_check (store, &error));
    g_assert_no_error (error);

    /* gpkg_contents bounds: the field box (119.400–119.402 E, 36.450–36.452 N) and the two
     * parcel boxes (119.400–119.4015 E, 36.450–36.4505 N). */
    g_assert_true (_furrow_store_get_contents_extent (store, "fields", &min_x, &min_y,
                                                      &max_x, &max_y));
    g_assert_cmpfloat_with_epsilon (min_x, 119.400, 1e-9);
    g_assert_cmpfloat_with_epsilon (min_y, 36.450, 1e-9);
    g_assert_cmpfloat_with_epsilon (max_x, 119.402, 1e-9);
    g_assert_cmpfloat_with_epsilon (max_y, 36.452, 1e-9);
    g_assert_true (_furrow_store_get_contents_extent (store, "parcels", &min_x, &min_y,
                                                      &max_x, &max_y));
    g_assert_cmpfloat_with_epsilon (min_x, 119.400, 1e-9);
    g_assert_cmpfloat_with_epsilon (max_x, 119.4015, 1e-9);
    g_assert_cmpfloat_with_epsilon (max_y, 36.4505, 1e-9);

    /* SQLite gives the write-ahead log the database file's mode. */
    wal = g_strconcat (fixture->path, "-wal", NULL);
    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  ogrinfo = g_find_program_in_path ("ogrinfo");
  if (ogrinfo == NULL)
    {
      g_test_skip ("ogrinfo (gdal-bin) is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("ogrinfo: %s", err);

  parcels_part = strstr (out, "Layer name: parcels");
  g_assert_nonnull (parcels_part);
  g_assert_nonnull (strstr (out, "Layer name: fields"));
  fields_part = g_strndup (strstr (out, "Layer name: fields"),
                           parcels_part > strstr (out, "Layer name: fields")
                           ? (gsize) (parcels_part - strstr (out, "Layer name: fields")) : 100000);
  g_assert_nonnull (strstr (fields_part, "Geometry: Multi Polygon"));
  g_assert_nonnull (strstr (fields_part, "Feature Count: 1\n"));
  g_assert_nonnull (strstr (fields_part, "ID[\"EPSG\",4326]"));
  g_assert_nonnull (strstr (parcels_part, "Geometry: Multi Polygon"));
  g_assert_nonnull (strstr (parcels_part, "Feature Count: 2\n"));
  g_assert_nonnull (strstr (parcels_part, "ID[\"EPSG\",4326]"));
}
FURROW_TEST_FIXTURE ("/furrow/core/store/create-gpkg", Fixture, furrow_test_store_set_up_folder,
                     test_create_gpkg, furrow_test_store_fixture_tear_down);

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static double
read_le_double (const guint8 *p)
{
  guint64 bits = 0;
  double value;

  for (int i = 7; i >= 0; i--)
    bits = (bits << 8) | p[i];
  memcpy (&value, &bits, 8);
  return value;
}

static void
put_be32 (GByteArray *blob,
          guint32     value)
{
  guint32 be = GUINT32_TO_BE (value);

  g_byte_array_append (blob, (guint8 *) &be, 4);
}

static void
put_be_double (GByteArray *blob,
               double      value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_BE (bits);
  g_byte_array_append (blob, (guint8 *) &bits, 8);
}

static void
assert_refused (const guint8 *data,
                gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowGeometry) decoded = furrow_gpkg_blob_decode (data, size, &error);

  g_assert_null (decoded);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT);
}

/* A parcel whose household is unknown is refused with the code named, and nothing changes;
 * an unknown field id too; a household with parcels cannot be deleted. */
static void
test_foreign_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(FurrowParcel) orphan = make_parcel (FBFBM "00003", FBFBM "0099", 119.402);
  g_autoptr(FurrowParcel) fieldless = make_parcel (FBFBM "00004", FBFBM "0001", 119.403);
  g_autoptr(FurrowHousehold) household = furrow_store_find_household (store, FBFBM "0001");
  g_autoptr(GError) error = NULL;

  g_assert_false (furrow_store_add_parcel (store, orphan, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, FBFBM "0099"));
  g_assert_nonnull (strstr (error->message, FBFBM "00003"));
  g_assert_cmpint (furrow_parcel_get_id (orphan), ==, 0);
  g_clear_error (&error);

  furrow_parcel_set_field_id (fieldless, 999);
  g_assert_false (furrow_store_add_parcel (store, fieldless, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_nonnull (household);
  g_assert_false (furrow_store_delete_household (store, household, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, FBFBM "0001"));
  g_clear_error (&error);

  assert_counts (store, 1, 1, 2);
  g_assert_true (furrow_store_check (store, &error));
  g_assert_no_error (error);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/foreign-keys", Fixture, furrow_test_store_set_up_folder,
                     test_foreign_keys, furrow_test_store_fixture_tear_down);

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(FurrowParcel) again = make_parcel (FBFBM "00002", FBFBM "0001", 119.402);
  g_autoptr(FurrowHousehold) twin = make_household (FBFBM "0001");
  g_autoptr(FurrowHousehold) nameless = make_household ("");
  g_autoptr(GError) error = NULL;

  g_assert_false (furrow_store_add_parcel (store, again, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, FBFBM "00002"));
  g_clear_error (&error);

  g_assert_false (furrow_store_add_household (store, twin, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, FBFBM "0001"));
  g_clear_error (&error);

  g_assert_false (furrow_store_add_household (store, nameless, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  assert_counts (store, 1, 1, 2);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/duplicate", Fixture, furrow_test_store_set_up_folder,
                     test_duplicate, furrow_test_store_fixture_tear_down);

typedef struct
{
  guint n_ok;
} Batch;

/* 100 households and 100 parcels, then a duplicate DKBM: the batch fails. */
static gboolean
failing_batch (FurrowStore  *store,
               gpointer      user_data,
               GError      **error)
{
  Batch *batch = user_data;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *hh = g_strdup_printf (FBFBM "%04u", 100 + i);
      g_autofree char *dk = g_strdup_printf (FBFBM "%05u", 100 + i);
      g_autoptr(FurrowHousehold) household = make_household (hh);
      g_autoptr(FurrowParcel) parcel = make_parcel (dk, hh, 119.41 + i * 0.001);

      if (!furrow_store_add_household (store, household, error) ||
          !furrow_store_add_parcel (store, parcel, error))
        return FALSE;
      batch->n_ok++;
    }
  {
    g_autoptr(FurrowParcel) duplicate = make_parcel (FBFBM "00001", FBFBM "0001", 119.5);

    /* Inside a batch one failing call does not spoil the others … */
    if (furrow_store_add_parcel (store, duplicate, NULL))
      return TRUE;
    g_assert_true (furrow_store_in_transaction (store));
    /* … but the importer gives up, and the whole batch goes. */
    return furrow_store_add_parcel (store, duplicate, error);
  }
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  (*n_signals)++;
}

static void
test_batch_rollback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autoptr(GError) error = NULL;
  Batch batch = { 0 };
  guint n_signals = 0;
  GStrv before = NULL;

  assert_counts (store, 1, 1, 2);
  g_assert_true (furrow_store_check (store, &error));
  g_signal_connect (parcels, "items-changed", G_CALLBACK (count_changes_cb), &n_signals);
  before = _furrow_store_get_audit (store, "parcel:" FBFBM "00001");

  g_assert_false (furrow_store_transaction (store, failing_batch, &batch, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE);
  g_assert_cmpuint (batch.n_ok, ==, 100);
  g_assert_false (furrow_store_in_transaction (store));

  assert_counts (store, 1, 1, 2);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 2);
  g_assert_cmpuint (n_signals, ==, 0);
  g_clear_error (&error);
  g_assert_true (furrow_store_check (store, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) after = _furrow_store_get_audit (store, "parcel:" FBFBM "00001");

    g_assert_cmpstrv (before, after);
  }
  g_strfreev (before);

  /* The file on disk agrees after closing and opening again. */
  g_clear_object (&store);
  store = furrow_test_store_reopen (fixture);
  g_assert_no_error (error);
  assert_counts (store, 1, 1, 2);

  /* Batch misuse is an error, not a crash. */
  g_assert_false (furrow_store_commit (store, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION);
  g_clear_error (&error);
  g_assert_true (furrow_store_begin (store, &error));
  g_assert_false (furrow_store_begin (store, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION);
  g_clear_error (&error);
  g_assert_true (furrow_store_set_cooperative (store, "试验合作社", FBFBM, "", &error));
  g_assert_cmpstr (furrow_store_get_cooperative_name (store), ==, "试验合作社");
  furrow_store_rollback (store);
  g_assert_cmpstr (furrow_store_get_cooperative_name (store), ==, "");
}
FURROW_TEST_FIXTURE ("/furrow/core/store/batch-rollback", Fixture, furrow_test_store_set_up_folder,
                     test_batch_rollback, furrow_test_store_fixture_tear_down);

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (furrow_test_skip_on_pg ("the SQLite steps v001 … v006: a server starts at the baseline pg/v006.sql"))
    return;

  {
    g_autoptr(FurrowStore) v1 = _furrow_store_create_at_version (fixture->path, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (furrow_store_get_schema_version (v1), ==, 1);
    g_assert_false (_furrow_store_has_index (v1, "parcels_household_id"));
    /* The row as version 1 holds it: this build's INSERT names version 7's account columns. */
    g_assert_true (furrow_database_exec (_furrow_store_get_database (v1),
                                         "INSERT INTO households (code, name, members, phone,"
                                         " id_number) VALUES ('" FBFBM "0001', '王建国', 4,"
                                         " '13800000001', '000000197001010013')", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, &error);

    g_assert_no_error (error);
    /* v1 → the latest version, step by step (v3: the season tables). */
    g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
    g_assert_true (_furrow_store_has_index (store, "plans_season_id"));
    g_assert_true (_furrow_store_has_index (store, "parcels_household_id"));
    g_assert_true (_furrow_store_has_index (store, "parcels_field_id"));
    assert_counts (store, 0, 1, 0);
    g_assert_true (furrow_store_check (store, &error));
    g_assert_no_error (error);
  }
  {
    /* Opening again is a no-op. */
    g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (furrow_store_get_schema_version (store), ==, FURROW_STORE_SCHEMA_VERSION);
  }
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/migrate", Fixture, furrow_test_store_set_up_folder,
                     test_migrate, furrow_test_store_fixture_tear_down);

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(FurrowStore) again = NULL;

  if (furrow_test_skip_on_pg ("a file written by a newer Furrow: the file only"))
    return;

  g_assert_true (_furrow_store_set_schema_version (store, 99, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  again = furrow_store_open (fixture->path, &error);
  g_assert_null (again);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, fixture->path));
}
FURROW_TEST_FIXTURE ("/furrow/core/store/too-new", Fixture, furrow_test_store_set_up_folder,
                     test_too_new, furrow_test_store_fixture_tear_down);

static void
test_not_project (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.gpkg", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.gpkg", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.gpkg", NULL);
  g_autoptr(FurrowStore) store = NULL;

  if (furrow_test_skip_on_pg ("files that are not projects: the file only"))
    return;

  g_file_set_contents (garbage, "this is not a database, just some text that is long enough "
                       "to fill the first page of an SQLite file header", -1, &error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);

  store = furrow_store_open (garbage, &error);
  g_assert_null (store);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT);
  g_clear_error (&error);

  store = furrow_store_open (empty, &error);
  g_assert_null (store);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT);
  g_clear_error (&error);

  store = furrow_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  store = furrow_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT);
  g_clear_error (&error);

  store = furrow_store_create (garbage, &error);
  g_assert_null (store);
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_EXISTS);
  g_assert_true (g_file_test (garbage, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/core/store/not-project", Fixture, furrow_test_store_set_up_folder,
                     test_not_project, furrow_test_store_fixture_tear_down);

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(FurrowStore) copy = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "backup.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowParcel) parcel = NULL;
  GStatBuf st;

  if (furrow_test_skip_on_pg ("SQLite's online backup: a server's backups are its own"))
    return;

  g_assert_true (furrow_store_backup (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (furrow_store_backup (store, dest, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  copy = furrow_store_open (dest, &error);
  g_assert_no_error (error);
  assert_counts (copy, 1, 1, 2);
  parcel = furrow_store_find_parcel (copy, FBFBM "00002");
  g_assert_nonnull (parcel);
  g_assert_cmpstr (furrow_parcel_get_household_code (parcel), ==, FBFBM "0001");
  g_assert_nonnull (furrow_parcel_get_geometry (parcel));
  g_assert_true (furrow_store_check (copy, &error));
  g_assert_no_error (error);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/backup", Fixture, furrow_test_store_set_up_folder,
                     test_backup, furrow_test_store_fixture_tear_down);

/* Which output paths are the project (docs/architecture.md, Opening, backup, check): the same file
 * under any name, and the names SQLite gives its journal files; nothing else. */
static void
test_output_path (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *up = g_build_filename (sub, "..", "coop.gpkg", NULL);
  g_autofree char *sym = g_build_filename (fixture->dir, "alias.gpkg", NULL);
  g_autofree char *hard = g_build_filename (fixture->dir, "hard.csv", NULL);
  g_autofree char *folder_sym = g_build_filename (fixture->dir, "folder", NULL);
  g_autofree char *via_folder = g_build_filename (folder_sym, "coop.gpkg", NULL);
  g_autofree char *via_folder_wal = g_build_filename (folder_sym, "coop.gpkg-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autofree char *sym_wal = g_strconcat (sym, "-wal", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "coop.csv", NULL);
  g_autofree char *same_name = g_build_filename (sub, "coop.gpkg", NULL);
  g_autofree char *wal_like = g_strconcat (fixture->path, "-walnut", NULL);
  g_autofree char *missing_folder = g_build_filename (fixture->dir, "nowhere", "coop.gpkg", NULL);
  g_autoptr(GError) error = NULL;
  const char *project = fixture->path;

  if (furrow_test_skip_on_pg ("output paths beside the project file: the file only"))
    return;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink (fixture->path, sym), ==, 0);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);
  g_assert_cmpint (symlink (fixture->dir, folder_sym), ==, 0);

  /* The project under every name. */
  g_assert_true (furrow_store_path_is_project (project, project));
  g_assert_true (furrow_store_path_is_project (project, up));
  g_assert_true (furrow_store_path_is_project (project, sym));
  g_assert_true (furrow_store_path_is_project (sym, project));
  g_assert_true (furrow_store_path_is_project (project, hard));
  g_assert_true (furrow_store_path_is_project (project, via_folder));
  /* Its journals, present (the open store's -wal and -shm) or not (-journal). */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (furrow_store_path_is_project (project, wal));
  g_assert_true (furrow_store_path_is_project (project, shm));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (furrow_store_path_is_project (project, journal));
  g_assert_true (furrow_store_path_is_project (sym, sym_wal));
  g_assert_true (furrow_store_path_is_project (sym, wal));
  g_assert_true (furrow_store_path_is_project (project, via_folder_wal));

  /* Other files, including one of the same name in another folder. */
  g_assert_false (furrow_store_path_is_project (project, other));
  g_assert_false (furrow_store_path_is_project (project, same_name));
  g_assert_false (furrow_store_path_is_project (project, wal_like));
  g_assert_false (furrow_store_path_is_project (project, missing_folder));
  g_assert_false (furrow_store_path_is_project (project, fixture->dir));

  /* The error names the file and says nothing was written. */
  g_assert_true (furrow_store_check_output (store, other, &error));
  g_assert_no_error (error);
  g_assert_false (furrow_store_check_output (store, sym, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, sym));
  g_assert_nonnull (strstr (error->message, "is the open project"));
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  g_clear_error (&error);
  g_assert_false (furrow_store_check_output (store, wal, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, wal));
  g_assert_nonnull (strstr (error->message, "journal file of the open project"));
}
FURROW_TEST_FIXTURE ("/furrow/core/store/output-path", Fixture, furrow_test_store_set_up_folder,
                     test_output_path, furrow_test_store_fixture_tear_down);

/* Damage that shows only while the project is in use (docs/architecture.md, Opening, backup,
 * check): the file passed quick_check when it was opened, then its second half turned to random
 * bytes (GRand seeded 7) under the open store. Reading the parcels meets SQLITE_CORRUPT: the
 * model is not an empty register but damage, and every write is refused from then on. */
static void
test_damage_during_use (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowStore) other = NULL;
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(FurrowHousehold) second = furrow_household_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *wal_before = NULL;
  g_autofree char *wal_after = NULL;
  g_autofree guchar *noise = NULL;
  gsize wal_before_len, wal_after_len;
  GStatBuf st;
  int fd;

  if (furrow_test_skip_on_pg ("damaged pages of a file: SQLite only"))
    return;

  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_store_check_damage (store, &error));

  /* A commit through another connection makes the open store drop its page cache (WAL), so it
   * reads the file again on its next read. */
  other = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  furrow_household_set_code (household, "370782102201990001");
  furrow_household_set_name (household, "后来户");
  g_assert_true (furrow_store_add_household (other, household, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  noise = g_malloc ((gsize) st.st_size / 2);
  for (gsize i = 0; i < (gsize) st.st_size / 2; i++)
    noise[i] = (guchar) g_rand_int_range (rand, 0, 256);
  fd = g_open (fixture->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, noise, (gsize) st.st_size / 2, st.st_size - st.st_size / 2), ==,
                   st.st_size / 2);
  g_assert_true (g_close (fd, NULL));
  g_assert_true (g_file_get_contents (wal, &wal_before, &wal_before_len, NULL));

  /* The parcels cannot be read: damage, with the file's name and what to do. */
  {
    g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);

    g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 0);
  }
  g_assert_false (furrow_store_check_damage (store, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "is damaged"));
  g_assert_nonnull (strstr (error->message, "furrow-cli check"));
  g_clear_error (&error);

  /* Nothing more is written: the WAL (where a write would go) is byte for byte the same. */
  furrow_household_set_code (second, "370782102201990002");
  furrow_household_set_name (second, "又一户");
  g_assert_false (furrow_store_add_household (store, second, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (furrow_store_begin (store, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (wal, &wal_after, &wal_after_len, NULL));
  g_assert_cmpmem (wal_before, wal_before_len, wal_after, wal_after_len);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/damage-during-use", Fixture,
                     furrow_test_store_set_up_demo_file, test_damage_during_use,
                     furrow_test_store_fixture_tear_down);

/* A project readable by others (0644: a copy, an unzip) is its owner's only once opened: the
 * file and the journals SQLite keeps beside it while it is open (docs/architecture.md, Opening,
 * backup, check). */
static void
test_open_private (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  GStatBuf st;

  if (furrow_test_skip_on_pg ("file modes: the file only"))
    return;

  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (shm, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/open-private", Fixture,
                     furrow_test_store_set_up_demo_file, test_open_private,
                     furrow_test_store_fixture_tear_down);

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

/* The models follow the store: one items-changed per committed operation (a batch of additions
 * is one signal), at the right positions. */
static void
test_models (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) household_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(FurrowHousehold) household = make_household (FBFBM "0002");
  g_autoptr(FurrowField) field = g_list_model_get_item (fields, 0);
  g_autoptr(FurrowParcel) second = g_list_model_get_item (parcels, 1);
  g_autoptr(GError) error = NULL;
  double registered_m2;

  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 1);
  g_signal_connect (parcels, "items-changed", G_CALLBACK (record_cb), changes);
  g_signal_connect (households, "items-changed", G_CALLBACK (record_cb), household_changes);

  /* The field's registered area is the sum of its parcels'. */
  registered_m2 = furrow_field_get_registered_area_m2 (field);
  g_assert_cmpfloat (registered_m2, >, 0.0);

  g_assert_true (furrow_store_add_household (store, household, &error));
  g_assert_no_error (error);
  assert_change (household_changes, 1, 0, 1);

  g_assert_true (furrow_store_begin (store, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf (FBFBM "%05u", 10 + i);
      g_autoptr(FurrowParcel) parcel = make_parcel (code, FBFBM "0002", 119.41 + i * 0.001);

      furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
      g_assert_true (furrow_store_add_parcel (store, parcel, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (changes->len, ==, 0);  /* nothing until the commit */
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);
  assert_change (changes, 2, 0, 3);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 5);
  g_assert_cmpfloat (furrow_field_get_registered_area_m2 (field), >, registered_m2);

  /* Update in place: (1, 1, 1); the audit log records the area change. */
  furrow_parcel_set_registered_area_m2 (second, 1234.5);
  g_assert_true (furrow_store_update_parcel (store, second, &error));
  g_assert_no_error (error);
  assert_change (changes, 1, 1, 1);
  {
    g_auto(GStrv) audit = _furrow_store_get_audit (store, "parcel:" FBFBM "00002");

    g_assert_cmpuint (g_strv_length (audit), ==, 2);
    g_assert_true (g_str_has_prefix (audit[0], "add|registered_area_m2 "));
    g_assert_true (g_str_has_prefix (audit[1], "update|registered_area_m2 "));
    g_assert_true (g_str_has_suffix (audit[1], "-> 1234.50"));
    /* Personal data never reaches the audit log. */
    g_assert_null (strstr (audit[0], "1380000"));
  }

  /* Delete the second parcel: (1, 1, 0). */
  g_assert_true (furrow_store_delete_parcel (store, second, &error));
  g_assert_no_error (error);
  assert_change (changes, 1, 1, 0);
  g_assert_cmpint (furrow_parcel_get_id (second), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 4);

  /* A failed operation changes nothing. */
  g_assert_false (furrow_store_delete_parcel (store, second, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Deleting the field detaches its parcels; renaming a household follows into its parcels. */
  g_assert_true (furrow_store_delete_field (store, field, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      g_assert_cmpint (furrow_parcel_get_field_id (parcel), ==, 0);
    }
  furrow_household_set_code (household, FBFBM "0003");
  g_assert_true (furrow_store_update_household (store, household, &error));
  g_assert_no_error (error);
  assert_change (household_changes, 1, 1, 1);
  {
    g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, 3);

    g_assert_cmpstr (furrow_parcel_get_household_code (parcel), ==, FBFBM "0003");
  }
  assert_counts (store, 0, 2, 4);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/models", Fixture, furrow_test_store_set_up_folder,
                     test_models, furrow_test_store_fixture_tear_down);

/* A worker thread imports through a connection of its own; the window's store then reloads and
 * its models show the new rows (one items-changed replacing the list). */
static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;

  g_signal_connect (parcels, "items-changed", G_CALLBACK (record_cb), changes);
  {
    g_autoptr(FurrowStore) worker = furrow_test_store_reopen (fixture);
    g_autoptr(FurrowParcel) parcel = make_parcel (FBFBM "00003", FBFBM "0001", 119.402);

    g_assert_no_error (error);
    g_assert_true (furrow_store_add_parcel (worker, parcel, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, 2);
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_true (furrow_store_reload (store, &error));
  g_assert_no_error (error);
  assert_change (changes, 0, 2, 3);
  {
    g_autoptr(FurrowParcel) last = g_list_model_get_item (parcels, 2);

    g_assert_cmpstr (furrow_parcel_get_code (last), ==, FBFBM "00003");
  }
}
FURROW_TEST_FIXTURE ("/furrow/core/store/reload", Fixture, furrow_test_store_set_up_folder,
                     test_reload, furrow_test_store_fixture_tear_down);

/* Areas: the measured area follows the geometry (ellipsoidal, furrow_geodesy_area_m2), the store
 * keeps it, and NaN coordinates are refused. */
static void
test_areas (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FurrowStore) store = small_store (fixture);
  g_autoptr(FurrowParcel) parcel = furrow_store_find_parcel (store, FBFBM "00001");
  g_autoptr(FurrowGeometry) expected = box_geometry (119.400, 36.45, 0.0005, 0.0005);
  g_autoptr(FurrowGeometry) broken = box_geometry (NAN, 36.45, 0.0005, 0.0005);
  g_autoptr(FurrowParcel) bad = make_parcel (FBFBM "00009", FBFBM "0001", 119.41);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (parcel);
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_measured_area_m2 (parcel),
                                  furrow_geodesy_area_m2 (expected), 1e-6);
  /* 0.0005° × 0.0005° at 36.45 N: about 55.6 m × 44.8 m ≈ 2,490 m². */
  g_assert_cmpfloat (furrow_parcel_get_measured_area_m2 (parcel), >, 2400);
  g_assert_cmpfloat (furrow_parcel_get_measured_area_m2 (parcel), <, 2600);
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_registered_area_m2 (parcel),
                                  furrow_parcel_get_measured_area_m2 (parcel) * 1.03, 1e-6);
  {
    double planted_area_m2 = -1.0;

    g_object_get (parcel, "planted-area-m2", &planted_area_m2, NULL);
    g_assert_cmpfloat (planted_area_m2, ==, 0.0);
  }

  furrow_parcel_set_geometry (bad, broken);
  g_assert_false (furrow_store_add_parcel (store, bad, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  assert_counts (store, 1, 1, 2);
}
FURROW_TEST_FIXTURE ("/furrow/core/store/areas", Fixture, furrow_test_store_set_up_folder,
                     test_areas, furrow_test_store_fixture_tear_down);

/* Look-ups by id give the model's own object, the one its views show: an edit through another
 * copy shows in it; a deleted record is gone; an unknown id is NULL. */
static void
test_live_by_id (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (fixture->store);
  g_autoptr(GListModel) households = furrow_store_get_households (fixture->store);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (fixture->store);
  g_autoptr(FurrowField) field = g_list_model_get_item (fields, 3);
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 7);
  g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, 11);
  g_autoptr(FurrowField) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 field_id = furrow_field_get_id (field);

  g_assert_true (furrow_store_get_field_by_id (fixture->store, field_id) == field);
  g_assert_true (furrow_store_get_household_by_id (fixture->store,
                                                   furrow_household_get_id (household)) ==
                 household);
  g_assert_true (furrow_store_get_parcel_by_id (fixture->store, furrow_parcel_get_id (parcel)) ==
                 parcel);
  g_assert_null (furrow_store_get_field_by_id (fixture->store, 0));
  g_assert_null (furrow_store_get_parcel_by_id (fixture->store, G_MAXINT64));

  /* Renamed through a copy read from the file: the live object follows. */
  copy = furrow_store_find_field (fixture->store, furrow_field_get_code (field));
  g_assert_nonnull (copy);
  g_assert_false (copy == field);
  furrow_field_set_name (copy, "河滩新名");
  g_assert_true (furrow_store_update_field (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_field_get_name (furrow_store_get_field_by_id (fixture->store, field_id)),
                   ==, "河滩新名");

  g_assert_true (furrow_store_delete_field (fixture->store, field, &error));
  g_assert_no_error (error);
  g_assert_null (furrow_store_get_field_by_id (fixture->store, field_id));
}
FURROW_TEST_FIXTURE ("/furrow/core/store/live-by-id", Fixture, furrow_test_store_set_up_demo,
                     test_live_by_id, furrow_test_store_fixture_tear_down);

/* OGC 12-128r18 table 2/3: "GP", version 0, flags 0b00000011 (little-endian, envelope
 * [minx, maxx, miny, maxy]), srs_id, envelope, ISO WKB (type 6 MultiPolygon). */
static void
test_blob_round_trip (void)
{
  g_autoptr(FurrowGeometry) geometry = multi_with_hole ();
  g_autoptr(FurrowGeometry) decoded = NULL;
  g_autoptr(GBytes) blob = furrow_gpkg_blob_encode (geometry);
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (blob, &size);

  /* 8 header + 32 envelope + 9 multi + 2 × 9 polygon + 3 rings × (4 + 5 points × 16). */
  g_assert_cmpuint (size, ==, 8 + 32 + 9 + 2 * 9 + 3 * (4 + 5 * 16));
  g_assert_cmpint (data[0], ==, 'G');
  g_assert_cmpint (data[1], ==, 'P');
  g_assert_cmpint (data[2], ==, 0);
  g_assert_cmpint (data[3], ==, 0x03);
  g_assert_cmpuint (read_le32 (data + 4), ==, 4326);
  g_assert_cmpfloat_with_epsilon (read_le_double (data + 8), 119.400, 1e-12);   /* min x */
  g_assert_cmpfloat_with_epsilon (read_le_double (data + 16), 119.411, 1e-12);  /* max x */
  g_assert_cmpfloat_with_epsilon (read_le_double (data + 24), 36.440, 1e-12);   /* min y */
  g_assert_cmpfloat_with_epsilon (read_le_double (data + 32), 36.453, 1e-12);   /* max y */
  g_assert_cmpint (data[40], ==, 1);
  g_assert_cmpuint (read_le32 (data + 41), ==, 6);
  g_assert_cmpuint (read_le32 (data + 45), ==, 2);

  decoded = furrow_gpkg_blob_decode (data, size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);
  g_assert_true (furrow_geometry_equal (geometry, decoded));
  g_assert_cmpuint (decoded->polygons[0].n_rings, ==, 2);
  g_assert_cmpfloat_with_epsilon (furrow_geodesy_area_m2 (decoded),
                                  furrow_geodesy_area_m2 (geometry), 1e-9);
}
FURROW_TEST ("/furrow/core/store/blob-round-trip", test_blob_round_trip);

static void
test_blob_empty (void)
{
  g_autoptr(FurrowGeometry) geometry = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) decoded = NULL;
  g_autoptr(GBytes) blob = furrow_gpkg_blob_encode (geometry);
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (blob, &size);

  g_assert_cmpuint (size, ==, 8 + 9);
  g_assert_cmpint (data[3], ==, 0x11);  /* little-endian, empty, no envelope */
  decoded = furrow_gpkg_blob_decode (data, size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->n_polygons, ==, 0);
}
FURROW_TEST ("/furrow/core/store/blob-empty", test_blob_empty);

/* Other writers: big-endian header and WKB, an xy envelope, a plain Polygon (type 3) with Z
 * (ISO 1003): decoded to the same 2-D polygon. */
static void
test_blob_foreign (void)
{
  g_autoptr(GByteArray) blob = g_byte_array_new ();
  g_autoptr(FurrowGeometry) decoded = NULL;
  g_autoptr(GError) error = NULL;
  const double coords[][2] = { { 1, 2 }, { 3, 2 }, { 3, 4 }, { 1, 2 } };
  guint8 header[] = { 'G', 'P', 0, 0x02, 0, 0, 0x10, 0xE6 };

  g_byte_array_append (blob, header, sizeof header);
  put_be_double (blob, 1);
  put_be_double (blob, 3);
  put_be_double (blob, 2);
  put_be_double (blob, 4);
  g_byte_array_append (blob, (guint8 []) { 0 }, 1);
  put_be32 (blob, 1003);
  put_be32 (blob, 1);
  put_be32 (blob, 4);
  for (guint i = 0; i < 4; i++)
    {
      put_be_double (blob, coords[i][0]);
      put_be_double (blob, coords[i][1]);
      put_be_double (blob, 100.0);
    }

  decoded = furrow_gpkg_blob_decode (blob->data, blob->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->n_polygons, ==, 1);
  g_assert_cmpuint (decoded->polygons[0].n_rings, ==, 1);
  g_assert_cmpuint (decoded->polygons[0].rings[0].n_points, ==, 4);
  g_assert_cmpfloat (decoded->polygons[0].rings[0].points[2].x, ==, 3.0);
  g_assert_cmpfloat (decoded->polygons[0].rings[0].points[2].y, ==, 4.0);
}
FURROW_TEST ("/furrow/core/store/blob-foreign", test_blob_foreign);

/* Every prefix of a valid blob, hostile counts, wrong magic/version/flags/types, NaN and
 * trailing bytes are refused; random bytes never crash (ASan build checks the reads). */
static void
test_blob_malformed (void)
{
  g_autoptr(FurrowGeometry) geometry = multi_with_hole ();
  g_autoptr(GBytes) blob = furrow_gpkg_blob_encode (geometry);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gsize size;
  const guint8 *valid = g_bytes_get_data (blob, &size);
  g_autofree guint8 *copy = g_memdup2 (valid, size + 1);
  double nan_value = NAN;

  for (gsize n = 0; n < size; n++)
    assert_refused (valid, n);
  assert_refused (NULL, 0);

  copy[size] = 0;
  assert_refused (copy, size + 1);                     /* trailing byte */

#define MUTATE(offset, value) G_STMT_START { memcpy (copy, valid, size); \
                                             copy[offset] = (value); \
                                             assert_refused (copy, size); } G_STMT_END
  MUTATE (0, 'X');                                     /* magic */
  MUTATE (2, 1);                                       /* version */
  MUTATE (3, 0x23);                                    /* extended blob */
  MUTATE (3, 0x0b);                                    /* envelope indicator 5 */
  MUTATE (40, 7);                                      /* WKB byte order */
  MUTATE (41, 1);                                      /* Point, not a polygon */
  MUTATE (48, 0x7f);                                   /* polygon count 0x7f000002 */
  MUTATE (49 + 5, 0xff);                               /* ring count of the first part */
  MUTATE (49 + 9 + 3, 0x80);                           /* point count 0x80000005 */
#undef MUTATE

  memcpy (copy, valid, size);
  memcpy (copy + 49 + 9 + 4, &nan_value, 8);           /* first x is NaN */
  assert_refused (copy, size);

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowGeometry) decoded = NULL;
      guint8 junk[160];
      gsize n = g_rand_int_range (rand, 0, sizeof junk);

      memcpy (junk, valid, MIN (n, size));
      for (guint k = 0; k < 1 + (i % 8); k++)
        if (n > 0)
          junk[g_rand_int_range (rand, 0, n)] = g_rand_int_range (rand, 0, 256);
      decoded = furrow_gpkg_blob_decode (junk, n, &error);
      g_assert_true ((decoded == NULL) != (error == NULL));
    }
}
FURROW_TEST ("/furrow/core/store/blob-malformed", test_blob_malformed);

/* Opening a cooperative on a server prepares the statements that loading its models runs, all
 * in one round trip (docs/benchmarks.md, Opening a store, round trips): before any model is
 * loaded the server already holds, on the store's own connection, the parcels' statement and the
 * six of a season's rules (pg_prepared_statements, the server's own view; none before this
 * change); the parcels then load as many as psql counts, the seasons as many as it counts. */
static void
test_open_prepares_ahead (void)
{
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;
  g_autofree char *parcels = NULL;
  g_autofree char *seasons = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GListModel) parcel_model = NULL;
  g_autoptr(GListModel) season_model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  if (!furrow_test_pg ())
    {
      g_test_skip ("statements prepared on a server: the server only");
      return;
    }
  code = furrow_test_pg_unique_name ("ahead");
  furrow_test_pg_create_demo (code);
  path = g_strdup_printf ("%s#%s", furrow_test_pg_uri (), code);
  store = furrow_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_database_query_int (_furrow_store_get_database (store),
                                            "SELECT count (*) FROM pg_prepared_statements WHERE"
                                            " statement LIKE 'SELECT p.id, p.geom, %'", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_true (furrow_database_query_int (_furrow_store_get_database (store),
                                            "SELECT count (*) FROM pg_prepared_statements WHERE"
                                            " statement LIKE '% FROM season\\_% WHERE season_id"
                                            " = $1%'", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 6);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM coop_%s.parcels", code);
    g_autofree char *sql2 = g_strdup_printf ("SELECT count (*) FROM coop_%s.seasons", code);

    g_assert_cmpint (furrow_test_pg_psql ("furrow", sql, &parcels, NULL), ==, 0);
    g_assert_cmpint (furrow_test_pg_psql ("furrow", sql2, &seasons, NULL), ==, 0);
  }
  parcel_model = furrow_store_get_parcels (store);
  season_model = furrow_store_get_seasons (store);
  g_assert_cmpint (g_list_model_get_n_items (parcel_model), ==, atoi (parcels));
  g_assert_cmpint (atoi (parcels), >, 0);
  g_assert_cmpint (g_list_model_get_n_items (season_model), ==, atoi (seasons));
  g_assert_cmpint (atoi (seasons), >, 0);
}
FURROW_TEST ("/furrow/core/store/open-prepares-ahead", test_open_prepares_ahead);

FURROW_TEST_MAIN (.locale = "");
