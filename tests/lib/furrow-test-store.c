/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-store.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

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

/* The output of psql running `sql` in the schema of the cooperative of code `path`. */
static char *
pg_query (const char *path,
          const char *sql)
{
  g_autofree char *schema_sql = g_strdup_printf ("SELECT schema_name FROM furrow.cooperatives"
                                                 " WHERE lower (code) = lower ('%s')",
                                                 path);
  g_autofree char *schema = NULL;
  g_autofree char *query = NULL;
  char *out = NULL;

  g_assert_cmpint (furrow_test_pg_psql ("furrow", schema_sql, &schema, NULL), ==, 0);
  g_strstrip (schema);
  query = g_strdup_printf ("SET search_path = \"%s\", public; %s", schema, sql);
  g_assert_cmpint (furrow_test_pg_psql ("furrow", query, &out, NULL), ==, 0);
  return g_strstrip (out);
}

gint64
furrow_test_store_query_int (const char *path,
                             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (furrow_test_pg ())
    {
      g_autofree char *out = pg_query (path, sql);

      return g_ascii_strtoll (out, NULL, 10);
    }
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
furrow_test_store_query_pg_text (const char *path,
                                 const char *sql)
{
  g_assert_true (furrow_test_pg ());
  return pg_query (path, sql);
}

char *
furrow_test_store_changed_by (const char *path,
                              const char *user,
                              const char *sql)
{
  static const char *const months[] = { "January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November",
                                        "December" };
  time_t at = (time_t) furrow_test_store_query_int (path, sql);
  time_t now = time (NULL);
  struct tm at_tm, now_tm;
  g_autofree char *year = NULL;

  g_assert_cmpint (at, >, 0);
  g_assert_nonnull (localtime_r (&at, &at_tm));
  g_assert_nonnull (localtime_r (&now, &now_tm));
  if (at_tm.tm_year != now_tm.tm_year)
    year = g_strdup_printf (" %d", at_tm.tm_year + 1900);
  return g_strdup_printf ("%s at %02d:%02d on %d %s%s", user, at_tm.tm_hour, at_tm.tm_min,
                          at_tm.tm_mday, months[at_tm.tm_mon], year != NULL ? year : "");
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
furrow_test_store_remove_demo_season (FurrowStore *store)
{
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, FURROW_DEMO_SEASON);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (season);
  g_assert_true (furrow_store_reopen_season (store, season, "a test of its own season",
                                             &error));
  g_assert_no_error (error);
  g_clear_object (&season);
  season = furrow_store_find_season (store, FURROW_DEMO_SEASON);
  g_assert_true (furrow_store_delete_season (store, season, &error));
  g_assert_no_error (error);
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

const double furrow_test_taozhuang_areas_mu[FURROW_TEST_TAOZHUANG_N] = { 100.00, 90.56, 60.00, 40.00, 2.00 };
const char *const furrow_test_taozhuang_names[FURROW_TEST_TAOZHUANG_N] = {
  "张建国", "王秀英", "李志强", "刘桂兰", "陈玉珍"
};
/* Hand arithmetic. Base 550 kg × 1.36 yuan − 286 yuan = 462 yuan/mu: 4,620,000, 4,183,872,
 * 2,772,000 and 1,848,000 fen. Revenue 23,641,200 fen − cost 8,310,016 − base 13,423,872 =
 * surplus 1,907,312 fen, 953,656 to households: 953,656 × area / 290.56 = 328,213.11,
 * 297,229.79, 196,927.86, 131,285.24; floors sum to 953,654, the 2 fen left go to the largest
 * remainders (.79 and .86): 328,213, 297,230, 196,928, 131,285. The half-custody household
 * owes (30 + 60 yuan) × 2.00 mu = 180.00 yuan. */
const gint64 furrow_test_taozhuang_totals_fen[FURROW_TEST_TAOZHUANG_N] = {
  4948213, 4481102, 2968928, 1979285, -18000
};

/* 周文, 3.00 mu of half custody taking none of the services, and 吴敏 without parcels. */
static void
add_taozhuang_extra (FurrowStore  *store,
                     FurrowSeason *season,
                     FurrowField  *field)
{
  g_autoptr(FurrowHousehold) none = furrow_household_new ();
  g_autoptr(FurrowHousehold) landless = furrow_household_new ();
  g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
  g_autoptr(GError) error = NULL;
  const char *no_services[] = { NULL };

  furrow_household_set_code (none, "3714261102010006");
  furrow_household_set_name (none, "周文");
  furrow_store_add_household (store, none, &error);
  g_assert_no_error (error);
  furrow_parcel_set_code (parcel, "3714261102010006001");
  furrow_parcel_set_household_code (parcel, "3714261102010006");
  furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
  furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (3.0));
  furrow_parcel_set_custody (parcel, FURROW_CUSTODY_HALF);
  furrow_store_add_parcel (store, parcel, &error);
  g_assert_no_error (error);
  furrow_store_set_household_operations (store, season, "3714261102010006", no_services,
                                         &error);
  g_assert_no_error (error);
  furrow_household_set_code (landless, "3714261102010007");
  furrow_household_set_name (landless, "吴敏");
  furrow_store_add_household (store, landless, &error);
  g_assert_no_error (error);
}

/* Taozhuang's rules in a new season NAME of CROP_YEAR, added to STORE. */
static FurrowSeason *
new_taozhuang_season (FurrowStore *store,
                      const char  *name,
                      guint        crop_year)
{
  g_autoptr(FurrowSeason) season = furrow_season_new (name, crop_year);
  FurrowBaseRule base = { .kind = FURROW_BASE_IN_KIND, .kg_per_mu = 550,
                          .price_fen_per_kg = 136, .less_cost_per_mu = TRUE };
  FurrowSurplusSplit split = { 0, 0, 50, 50 };
  g_autoptr(GError) error = NULL;

  furrow_season_clear_costs (season);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "all", 0, 28600);
  furrow_season_set_subsidy (season, "strip intercropping subsidy", -1, TRUE);
  furrow_season_set_base_rule (season, &base);
  furrow_season_set_split (season, &split, "村民大会决定合作社留存一半用于购置农机");
  furrow_season_set_fee (season, "sowing", 3000);
  furrow_season_set_fee (season, "harvest", 6000);
  furrow_store_add_season (store, season, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&season);
}

/* Sole maize planned on FIELD, 173,840 kg sold for REVENUE_FEN; settled when SETTLE. */
static void
harvest_taozhuang (FurrowStore  *store,
                   FurrowSeason *season,
                   FurrowField  *field,
                   gint64        revenue_fen,
                   gboolean      settle)
{
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;

  g_assert_true (furrow_pattern_preset ("sole-maize", &pattern));
  furrow_store_set_plan (store, season, field, &pattern, "sole-maize", "practical", &error);
  g_assert_no_error (error);
  furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, 173840, revenue_fen,
                            &error);
  g_assert_no_error (error);
  if (settle)
    {
      furrow_store_settle_season (store, season, NULL, &error);
      g_assert_no_error (error);
    }
}

FurrowSeason *
furrow_test_store_new_taozhuang_season (FurrowStore *store)
{
  return new_taozhuang_season (store, "2016 秋", 2016);
}

void
furrow_test_store_harvest_taozhuang (FurrowStore  *store,
                                     FurrowSeason *season,
                                     FurrowField  *field,
                                     gboolean      settle)
{
  harvest_taozhuang (store, season, field, 23641200, settle);
}

FurrowSeason *
furrow_test_store_add_taozhuang_season (FurrowStore *store,
                                        const char  *name,
                                        gint64       revenue_fen,
                                        gboolean     settle)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(FurrowField) field = g_list_model_get_item (fields, 0);
  /* The crop year is the name's first four digits. */
  g_autoptr(FurrowSeason) season = new_taozhuang_season (store, name, (guint) atoi (name));

  harvest_taozhuang (store, season, field, revenue_fen, settle);
  return g_steal_pointer (&season);
}

FurrowSeason *
furrow_test_store_add_taozhuang (FurrowStore *store,
                                 gboolean     extra,
                                 gboolean     settle)
{
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;

  furrow_store_set_cooperative (store, "宁津县陶庄土地股份合作社", "37142611020100", NULL,
                                &error);
  g_assert_no_error (error);
  furrow_field_set_code (field, "F1");
  furrow_field_set_name (field, "东大片");
  furrow_store_add_field (store, field, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (furrow_test_taozhuang_areas_mu); i++)
    {
      g_autoptr(FurrowHousehold) household = furrow_household_new ();
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
      g_autofree char *code = g_strdup_printf ("37142611020100%02u", i + 1);
      g_autofree char *dkbm = g_strdup_printf ("37142611020100%02u001", i + 1);

      furrow_household_set_code (household, code);
      furrow_household_set_name (household, furrow_test_taozhuang_names[i]);
      furrow_household_set_id_number (household, "371426196001011234");
      furrow_store_add_household (store, household, &error);
      g_assert_no_error (error);
      furrow_parcel_set_code (parcel, dkbm);
      furrow_parcel_set_household_code (parcel, code);
      furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
      furrow_parcel_set_registered_area_m2 (parcel,
                                            furrow_mu_to_m2 (furrow_test_taozhuang_areas_mu[i]));
      furrow_parcel_set_custody (parcel, i < 4 ? FURROW_CUSTODY_FULL : FURROW_CUSTODY_HALF);
      furrow_store_add_parcel (store, parcel, &error);
      g_assert_no_error (error);
    }

  season = furrow_test_store_new_taozhuang_season (store);
  if (extra)
    add_taozhuang_extra (store, season, field);
  furrow_test_store_harvest_taozhuang (store, season, field, settle);
  return g_steal_pointer (&season);
}

void
furrow_test_store_settle_fixed (FurrowStore              *store,
                                FurrowField              *field,
                                const char               *name,
                                guint                     crop_year,
                                gint64                    base_fen_per_mu,
                                gint64                    revenue_fen,
                                const FurrowSurplusSplit *split,
                                const char               *reason)
{
  g_autoptr(FurrowSeason) draft = furrow_season_new_empty ();
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  FurrowBaseRule base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = base_fen_per_mu };

  furrow_season_set_name (draft, name);
  furrow_season_set_crop_year (draft, crop_year);
  furrow_season_set_base_rule (draft, &base);
  furrow_season_set_split (draft, split, reason);
  g_assert_true (furrow_store_add_season (store, draft, &error));
  g_assert_no_error (error);
  season = furrow_test_store_find_season (store, name);
  g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, 20000,
                                           revenue_fen, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_settle_season (store, season, reason, &error));
  g_assert_no_error (error);
}

void
furrow_test_store_harvest_2_4 (FurrowStore  *store,
                               FurrowSeason *season,
                               gboolean      soybean,
                               guint         n_unharvested)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;

  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  g_assert_cmpuint (g_list_model_get_n_items (fields), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      double mu = furrow_m2_to_mu (furrow_field_get_registered_area_m2 (field));

      g_assert_true (furrow_store_set_plan (store, season, field, &pattern, "2+4", "", &error));
      g_assert_no_error (error);
      if (i < n_unharvested)
        continue;
      g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, mu * 700,
                                               (gint64) (mu * 200000 + 0.5), &error));
      g_assert_no_error (error);
      if (!soybean)
        continue;
      g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_SOYBEAN,
                                               mu * 120, (gint64) (mu * 60000 + 0.5), &error));
      g_assert_no_error (error);
    }
}

FurrowSeason *
furrow_test_store_settle_2_4 (FurrowStore  *store,
                              FurrowSeason *draft,
                              gboolean      soybean)
{
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_add_season (store, draft, &error));
  g_assert_no_error (error);
  season = furrow_store_find_season (store, furrow_season_get_name (draft));
  g_assert_nonnull (season);
  furrow_test_store_harvest_2_4 (store, season, soybean, 0);
  g_assert_true (furrow_store_settle_season (store, season, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&season);
}
