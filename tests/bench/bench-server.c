/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PostgreSQL backend beside the GeoPackage one (issue 15, Speed; docs/benchmarks.md). Runs
 * inside tests/lib/furrow-pg-run, which sets FURROW_TEST_PG_URI. One figure per run:
 *
 *   bench-server open     one county cooperative (250 fields, 1,000 households, 10,000 parcels):
 *                         open the store and load every model (fields, households, parcels,
 *                         seasons), median of 7, file and server (goal: server ≤ 1.5 × file)
 *   bench-server settle   a cooperative of 2,000 households (500 fields, 8,000 parcels) with a
 *                         harvested season: settle it, median of 3 (reopened between), file and
 *                         server (goal ≤ 1 s)
 *   bench-server county [N] county scale, 20 cooperatives of 250 fields, 1,000 households and
 *                         10,000 parcels (5,000, 20,000 and 200,000), each with a settled season:
 *                         furrow_store_county_summary(), median of 3 (goal ≤ 1 s)
 *   bench-server clerks   8 threads, each its own connection, editing the parcels of one
 *                         cooperative for 10 s: read the parcel the clerk's store holds, add 1 m²
 *                         to its registered area, write it with the row-version check; a conflict
 *                         is counted and the clerk goes on. No lost update: afterwards every
 *                         parcel's area is its first one plus 1 m² for each committed edit.
 *                         The file backend is run the same way (8 connections to one GeoPackage).
 *                         Goal ≥ 200 committed edits/s on the server.
 *
 * The data comes from bench-county.c through the store's batch API on both backends; the time
 * to write it is printed apart. Prints its figures; never fails on time (it fails on a lost
 * update). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-county.h"
#include "bench-stats.h"
#include "furrow-store-county.h"
#include "furrow-store-season.h"
#include "furrow-store.h"

#define N_CLERKS        8
#define CLERK_SECONDS   10
/* Of every 10 edits a clerk makes, one is of the 16 parcels every clerk edits (conflicts). */
#define SHARED_PARCELS  16

typedef struct
{
  const char *uri;
  char       *dir;
} Bench;

/* A new cooperative `code` on the server, or a new file `code`.gpkg, populated; its path. */
static char *
make_project (Bench      *bench,
              gboolean    server,
              const char *code,
              guint       index,
              guint       n_fields,
              guint       n_households,
              guint       n_parcels,
              gboolean    season)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autofree char *file = g_strconcat (code, ".gpkg", NULL);
  g_autofree char *path = g_build_filename (bench->dir, file, NULL);
  double start = bench_now_s ();

  store = server ? furrow_store_create_server (bench->uri, code, &error)
                 : furrow_store_create (path, &error);
  if (store == NULL || !bench_county_populate (store, index, n_fields, n_households, n_parcels,
                                               season, &error))
    g_error ("%s", error->message);
  g_print ("  written %s %s: %u fields, %u households, %u parcels%s in %.2f s\n",
           server ? "cooperative" : "file", code, n_fields, n_households, n_parcels,
           season ? " and a harvested season" : "", bench_now_s () - start);
  return g_strdup (furrow_store_get_path (store));
}

/* ANALYZE the server's database with psql, as autovacuum does within a minute of a bulk write:
 * a cooperative is opened long after it was written, with the planner's statistics of its
 * tables, not seconds after (tests/lib/furrow-pg-run sets FURROW_TEST_PG_BINDIR). */
static void
analyze (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *psql = g_build_filename (g_getenv ("FURROW_TEST_PG_BINDIR"), "psql", NULL);
  const char *argv[] = { psql, "-X", "-q", "-d", bench->uri, "-c", "ANALYZE", NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("psql ANALYZE: %s", error->message);
}

static FurrowStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FurrowStore *store = furrow_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

/* Open and load every model: the seconds it took. */
static double
open_once (const char *path,
           guint       n_parcels)
{
  double start = bench_now_s (), seconds;
  g_autoptr(FurrowStore) store = open_store (path);
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

  seconds = bench_now_s () - start;
  g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, n_parcels);
  g_assert_cmpuint (g_list_model_get_n_items (fields) + g_list_model_get_n_items (households) +
                    g_list_model_get_n_items (seasons), >, 0);
  return seconds;
}

/* The file and the server opened in turn, 7 times each (one warm-up): the medians, each
 * measured under the same load as the other (the machine's load changes within seconds). */
static void
time_open_interleaved (const char *file,
                       const char *server,
                       guint       n_parcels,
                       double     *file_s,
                       double     *server_s)
{
  double file_runs[7], server_runs[7];

  for (int i = -1; i < 7; i++)
    {
      double f = open_once (file, n_parcels);
      double s = open_once (server, n_parcels);

      if (i >= 0)
        {
          file_runs[i] = f;
          server_runs[i] = s;
        }
    }
  *file_s = bench_median (file_runs, 7);
  *server_s = bench_median (server_runs, 7);
}

static void
bench_open (Bench *bench)
{
  g_autofree char *file = make_project (bench, FALSE, "open", 0, 250, 1000, 10000, TRUE);
  g_autofree char *server = make_project (bench, TRUE, "open", 0, 250, 1000, 10000, TRUE);
  double file_s, server_s;

  time_open_interleaved (file, server, 10000, &file_s, &server_s);
  g_print ("  server before ANALYZE (seconds after the write, no planner statistics yet): "
           "%.3f s (file %.3f s)\n", server_s, file_s);
  analyze (bench);
  time_open_interleaved (file, server, 10000, &file_s, &server_s);

  g_print ("open a cooperative (250 fields, 1,000 households, 10,000 parcels) and load every "
           "model, median of 7, file and server in turn: file %.3f s, server %.3f s, "
           "server/file %.2f (goal ≤ 1.5): %s\n",
           file_s, server_s, server_s / file_s, server_s <= 1.5 * file_s ? "met" : "missed");
}

static double
time_settle (const char *path)
{
  g_autoptr(FurrowStore) store = open_store (path);
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, BENCH_COUNTY_SEASON);
  g_autoptr(GError) error = NULL;
  double runs[3];

  for (int i = 0; i < 3; i++)
    {
      double start = bench_now_s ();

      if (!furrow_store_settle_season (store, season, NULL, &error))
        g_error ("%s", error->message);
      runs[i] = bench_now_s () - start;
      g_clear_object (&season);
      season = furrow_store_find_season (store, BENCH_COUNTY_SEASON);
      if (!furrow_store_reopen_season (store, season, "bench", &error))
        g_error ("%s", error->message);
      g_clear_object (&season);
      season = furrow_store_find_season (store, BENCH_COUNTY_SEASON);
    }
  return bench_median (runs, 3);
}

static void
bench_settle (Bench *bench)
{
  g_autofree char *file = make_project (bench, FALSE, "settle", 1, 500, 2000, 8000, TRUE);
  g_autofree char *server = make_project (bench, TRUE, "settle", 1, 500, 2000, 8000, TRUE);
  double file_s = time_settle (file);
  double server_s = time_settle (server);

  g_print ("settle a season of 2,000 households (500 fields, 8,000 parcels), median of 3: "
           "file %.3f s, server %.3f s (goal ≤ 1 s): %s\n", file_s, server_s,
           server_s <= 1.0 ? "met" : "missed");
}

static void
bench_county (Bench *bench,
              guint  n_cooperatives)
{
  g_autoptr(GError) error = NULL;
  double start = bench_now_s ();
  double runs[3];

  for (guint c = 0; c < n_cooperatives; c++)
    {
      g_autofree char *code = g_strdup_printf ("county%02u", c + 1);
      g_autofree char *path = make_project (bench, TRUE, code, c, 250, 1000, 10000, TRUE);
      g_autoptr(FurrowStore) store = open_store (path);
      g_autoptr(FurrowSeason) season = furrow_store_find_season (store, BENCH_COUNTY_SEASON);

      if (!furrow_store_settle_season (store, season, NULL, &error))
        g_error ("%s", error->message);
    }
  g_print ("  county written (%u cooperatives of 250 fields, 1,000 households, 10,000 parcels "
           "and a settled season) in %.1f s\n", n_cooperatives, bench_now_s () - start);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GArray) rows = NULL;
      FurrowCountyRow total = { 0 };
      guint year = 0;

      start = bench_now_s ();
      rows = furrow_store_county_summary (bench->uri, 0, &year, &total, &error);
      if (rows == NULL)
        g_error ("%s", error->message);
      runs[i] = bench_now_s () - start;
      /* The summary's counts, checked against what was written. */
      g_assert_cmpuint (rows->len, ==, n_cooperatives);
      g_assert_cmpint (total.fields, ==, 250 * n_cooperatives);
      g_assert_cmpint (total.households, ==, 1000 * n_cooperatives);
      g_assert_cmpint (total.parcels, ==, 10000 * n_cooperatives);
      g_assert_cmpuint (total.settled_seasons, ==, n_cooperatives);
      g_assert_cmpuint (year, ==, 2026);
      furrow_county_row_clear (&total);
    }
  g_print ("county summary of %u cooperatives (%u parcels), median of 3: server %.3f s "
           "(goal ≤ 1 s): %s\n", n_cooperatives, 10000 * n_cooperatives, bench_median (runs, 3),
           bench_median (runs, 3) <= 1.0 ? "met" : "missed");
}

typedef struct
{
  const char *path;
  guint       index;
  guint       n_parcels;
  guint      *committed;     /* per parcel, atomically */
  guint       n_committed;
  guint       n_conflicts;
  double      stop_at;
} Clerk;

static gpointer
clerk_thread (gpointer data)
{
  Clerk *clerk = data;
  g_autoptr(FurrowStore) store = open_store (clerk->path);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  guint32 seed = 1 + clerk->index;
  guint own = (clerk->n_parcels - SHARED_PARCELS) / N_CLERKS;

  for (guint n = 0; bench_now_s () < clerk->stop_at; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowParcel) live = NULL;
      g_autoptr(FurrowParcel) parcel = NULL;
      guint p;

      seed = seed * 1103515245 + 12345;
      /* Every tenth edit is of a shared parcel, the others of the clerk's own. */
      p = n % 10 == 9 ? (seed >> 8) % SHARED_PARCELS
                      : SHARED_PARCELS + clerk->index * own + (seed >> 8) % own;
      live = g_list_model_get_item (parcels, p);
      parcel = furrow_store_find_parcel (store, furrow_parcel_get_code (live));
      furrow_parcel_set_registered_area_m2 (parcel,
                                            furrow_parcel_get_registered_area_m2 (parcel) + 1.0);
      if (furrow_store_update_parcel (store, parcel, &error))
        {
          g_atomic_int_inc (&clerk->committed[p]);
          clerk->n_committed++;
        }
      else if (g_error_matches (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT))
        clerk->n_conflicts++;
      else
        g_error ("clerk %u: %s", clerk->index, error->message);
    }
  return NULL;
}

/* N_CLERKS threads on `path` for CLERK_SECONDS; prints and returns committed edits/s. */
static double
run_clerks (const char *what,
            const char *path,
            guint       n_parcels)
{
  g_autofree guint *committed = g_new0 (guint, n_parcels);
  g_autofree double *before = g_new (double, n_parcels);
  Clerk clerks[N_CLERKS];
  GThread *threads[N_CLERKS];
  guint n_committed = 0, n_conflicts = 0, lost = 0;
  double start, wall;

  {
    g_autoptr(FurrowStore) store = open_store (path);
    g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);

    g_assert_cmpuint (g_list_model_get_n_items (parcels), ==, n_parcels);
    for (guint p = 0; p < n_parcels; p++)
      {
        g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, p);

        before[p] = furrow_parcel_get_registered_area_m2 (parcel);
      }
  }
  start = bench_now_s ();
  for (guint i = 0; i < N_CLERKS; i++)
    {
      clerks[i] = (Clerk) { path, i, n_parcels, committed, 0, 0, start + CLERK_SECONDS };
      threads[i] = g_thread_new ("clerk", clerk_thread, &clerks[i]);
    }
  for (guint i = 0; i < N_CLERKS; i++)
    {
      g_thread_join (threads[i]);
      n_committed += clerks[i].n_committed;
      n_conflicts += clerks[i].n_conflicts;
    }
  wall = bench_now_s () - start;
  {
    g_autoptr(FurrowStore) store = open_store (path);
    g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);

    for (guint p = 0; p < n_parcels; p++)
      {
        g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, p);

        if (furrow_parcel_get_registered_area_m2 (parcel) != before[p] + committed[p])
          lost++;
      }
  }
  g_print ("%u clerks on the %s for %.1f s: %u edits committed, %u conflicts reported, "
           "%.0f committed edits/s (%.0f attempts/s); parcels whose area is not the first one "
           "plus the committed edits: %u\n", N_CLERKS, what, wall, n_committed, n_conflicts,
           n_committed / wall, (n_committed + n_conflicts) / wall, lost);
  if (lost > 0)
    g_error ("%u lost updates", lost);
  return n_committed / wall;
}

static void
bench_clerks (Bench *bench)
{
  g_autofree char *file = make_project (bench, FALSE, "clerks", 2, 250, 1000, 4000, FALSE);
  g_autofree char *server = make_project (bench, TRUE, "clerks", 2, 250, 1000, 4000, FALSE);
  double file_rate = run_clerks ("file", file, 4000);
  double server_rate = run_clerks ("server", server, 4000);

  g_print ("8 clerks editing parcels at once: file %.0f edits/s, server %.0f edits/s "
           "(goal ≥ 200 on the server, no lost update): %s\n", file_rate, server_rate,
           server_rate >= 200 ? "met" : "missed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *what = argc > 1 ? argv[1] : "";
  g_autofree char *data_dir = NULL;
  Bench bench = { g_getenv ("FURROW_TEST_PG_URI"), NULL };

  setlocale (LC_ALL, "");
  if (bench.uri == NULL)
    {
      g_printerr ("bench-server: FURROW_TEST_PG_URI is not set: run it inside "
                  "tests/lib/furrow-pg-run\n");
      return EXIT_FAILURE;
    }
  bench.dir = g_dir_make_tmp ("furrow-bench-server-XXXXXX", &error);
  g_assert_no_error (error);
  /* Restore points (taken before a settlement on a file) go into the benchmark's folder. */
  data_dir = g_build_filename (bench.dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  if (!furrow_store_server_init (bench.uri, &error))
    g_error ("%s", error->message);

  if (g_str_equal (what, "open"))
    bench_open (&bench);
  else if (g_str_equal (what, "settle"))
    bench_settle (&bench);
  else if (g_str_equal (what, "county"))
    bench_county (&bench, argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20);
  else if (g_str_equal (what, "clerks"))
    bench_clerks (&bench);
  else
    {
      g_printerr ("usage: bench-server open|settle|county|clerks\n");
      return EXIT_FAILURE;
    }

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", bench.dir);

    (void) !system (rm);
  }
  g_free (bench.dir);
  return EXIT_SUCCESS;
}
