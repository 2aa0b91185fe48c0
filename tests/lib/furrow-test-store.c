/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-store.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "furrow-demo.h"
#include "furrow-household.h"
#include "furrow-parcel.h"
#include "furrow-store-season.h"
#include "furrow-test-pg.h"
#include "furrow-units.h"

/* On the PostgreSQL run (suite pg): a new cooperative on the test cluster, with the server
 * prepared once per program. */
static FurrowStore *
create_server_store (FurrowTestStore  *fixture,
                     GError          **error)
{
  static gboolean initialised;
  g_autofree char *code = furrow_test_pg_unique_name ("coop");

  if (!initialised && !furrow_store_server_init (furrow_test_pg_uri (), error))
    return NULL;
  initialised = TRUE;
  g_free (fixture->path);
  fixture->path = g_strdup (code);
  return furrow_store_create_server (furrow_test_pg_uri (), code, error);
}

void
furrow_test_store_set_up (FurrowTestStore     *fixture,
                          FurrowTestStoreKind  kind,
                          const char          *file_name)
{
  g_autoptr(GError) error = NULL;

  /* A furrow-cli the test runs keeps the project's restore points in the test's own data folder
   * (G_TEST_OPTION_ISOLATE_DIRS leaves /dev/null in the environment). */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  fixture->dir = g_dir_make_tmp ("furrow-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, file_name ? file_name : "coop.gpkg", NULL);
  fixture->store = NULL;
  switch (kind)
    {
    case FURROW_TEST_STORE_FOLDER:
      break;
    case FURROW_TEST_STORE_EMPTY:
      if (furrow_test_pg ())
        fixture->store = create_server_store (fixture, &error);
      else
        fixture->store = furrow_store_create (fixture->path, &error);
      break;
    case FURROW_TEST_STORE_DEMO:
      if (furrow_test_pg ())
        {
          fixture->store = create_server_store (fixture, &error);
          if (fixture->store != NULL)
            furrow_demo_populate (fixture->store, &error);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case FURROW_TEST_STORE_DEMO_FILE:
      fixture->store = furrow_demo_create (fixture->path, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  if (kind == FURROW_TEST_STORE_DEMO_FILE)
    g_clear_object (&fixture->store);
}

FurrowStore *
furrow_test_store_create_at (FurrowTestStore *fixture)
{
  g_autoptr(GError) error = NULL;
  FurrowStore *store = furrow_test_pg () ? create_server_store (fixture, &error)
                                         : furrow_store_create (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

FurrowStore *
furrow_test_store_reopen (FurrowTestStore *fixture)
{
  g_autoptr(GError) error = NULL;
  FurrowStore *store = furrow_test_pg ()
                       ? furrow_store_open_server (furrow_test_pg_uri (), fixture->path, &error)
                       : furrow_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

void
furrow_test_store_tear_down (FurrowTestStore *fixture)
{
  g_clear_object (&fixture->store);
  if (fixture->dir != NULL)
    furrow_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

void
furrow_test_store_set_up_folder (FurrowTestStore *fixture,
                                 gconstpointer    data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, NULL);
}

void
furrow_test_store_set_up_demo (FurrowTestStore *fixture,
                               gconstpointer    data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_DEMO, NULL);
}

void
furrow_test_store_set_up_empty (FurrowTestStore *fixture,
                                gconstpointer    data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_EMPTY, NULL);
}

void
furrow_test_store_set_up_demo_file (FurrowTestStore *fixture,
                                    gconstpointer    data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_DEMO_FILE, "demo.gpkg");
}

void
furrow_test_store_fixture_tear_down (FurrowTestStore *fixture,
                                     gconstpointer    data)
{
  furrow_test_store_tear_down (fixture);
}

void
furrow_test_store_open_copy (FurrowTestStore *fixture,
                             const char      *source)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_null (fixture->store);
  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

char *
furrow_test_store_file (FurrowTestStore *fixture,
                        const char      *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

FurrowSeason *
furrow_test_store_find_season (FurrowStore *store,
                               const char  *name)
{
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, i);

      if (g_strcmp0 (furrow_season_get_name (season), name) == 0)
        return g_steal_pointer (&season);
    }
  return NULL;
}

void
furrow_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        furrow_test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

FurrowField *
furrow_test_store_add_cooperative (FurrowStore  *store,
                                   const char   *field_code,
                                   const char   *field_name,
                                   const double *areas_mu,
                                   guint         n_areas,
                                   guint         n_half)
{
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(GError) error = NULL;

  furrow_field_set_code (field, field_code);
  if (field_name != NULL)
    furrow_field_set_name (field, field_name);
  furrow_store_add_field (store, field, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_areas + n_half; i++)
    {
      g_autoptr(FurrowHousehold) household = furrow_household_new ();
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
      g_autofree char *code = g_strdup_printf ("37078210220101%04u", i + 1);
      g_autofree char *dkbm = g_strdup_printf ("37078210220101%05u", i + 1);

      furrow_household_set_code (household, code);
      furrow_household_set_name (household, "户主");
      furrow_store_add_household (store, household, &error);
      g_assert_no_error (error);
      furrow_parcel_set_code (parcel, dkbm);
      furrow_parcel_set_household_code (parcel, code);
      furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
      furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (i < n_areas ? areas_mu[i]
                                                                              : 2.0));
      furrow_parcel_set_custody (parcel, i < n_areas ? FURROW_CUSTODY_FULL : FURROW_CUSTODY_HALF);
      furrow_store_add_parcel (store, parcel, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&field);
}
