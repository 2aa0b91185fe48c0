/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Import benchmark (issue 3, item 9): a generated Shapefile of 50,000 parcels (near 36.45 N
 * 119.40 E, DKBM/CBFBM/HTMJM/DKMC) and its households CSV; the households are imported first,
 * then the parcels are timed into the project, and `ogr2ogr -f GPKG` of the same Shapefile is
 * timed in the same run. Goals: ≤ 3 s and ≤ 1.5 × ogr2ogr. Prints the figures; never fails on
 * time. Usage: bench-import [N_PARCELS] (default 50000).
 *
 * Inside tests/lib/furrow-pg-run (FURROW_TEST_PG_URI set, benchmark `import-pg`), the same two
 * imports go a second time into a new cooperative on the server, `--project URI#bench`
 * (issue 15: the server ≤ 2 × the file). */

#include "config.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "furrow-store.h"
#include "import-test-data.h"

/* Wall-clock and CPU (user + system) seconds of one child process. */
typedef struct
{
  double wall_s;
  double cpu_s;
} Timing;

static double
children_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static Timing
run_timed (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = children_cpu_s ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s failed: %s\n%s%s", argv[0], error->message, out != NULL ? out : "",
                  err != NULL ? err : "");
      exit (1);
    }
  return (Timing) { (g_get_monotonic_time () - start) / 1e6, children_cpu_s () - cpu_start };
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  const char *cli = g_getenv ("FURROW_CLI");
  g_autofree char *dir = g_dir_make_tmp ("furrow-bench-XXXXXX", NULL);
  g_autofree char *shp = g_build_filename (dir, "parcels.shp", NULL);
  g_autofree char *csv = g_build_filename (dir, "households.csv", NULL);
  g_autofree char *project = g_build_filename (dir, "project.gpkg", NULL);
  g_autofree char *ogr_out = g_build_filename (dir, "ogr2ogr.gpkg", NULL);
  g_autofree char *rm = NULL;
  const char *pg_uri = g_getenv ("FURROW_TEST_PG_URI");
  Timing t_households, t_parcels, t_ogr, t_server_households = { 0 }, t_server_parcels = { 0 };
  gint64 start;

  setlocale (LC_ALL, "");
  if (cli == NULL)
    {
      g_printerr ("FURROW_CLI is not set\n");
      return 1;
    }
  GDALAllRegister ();

  start = g_get_monotonic_time ();
  test_write_parcels_shp (shp, n, 4490, NULL);
  test_write_households_csv (csv, n);
  g_print ("generated %u parcels, %u households in %.2f s\n", n, test_household_count (n),
           (g_get_monotonic_time () - start) / 1e6);

  {
    const char *households[] = { cli, "import", "--project", project, csv, NULL };
    const char *parcels[] = { cli, "import", "--project", project, shp, NULL };
    const char *ogr[] = { "ogr2ogr", "-f", "GPKG", ogr_out, shp, NULL };

    t_households = run_timed (households);
    t_parcels = run_timed (parcels);
    t_ogr = run_timed (ogr);
  }
  if (pg_uri != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowStore) store = NULL;
      g_autofree char *server = NULL;

      if (!furrow_store_server_init (pg_uri, &error) ||
          (store = furrow_store_create_server (pg_uri, "bench", &error)) == NULL)
        g_error ("%s", error->message);
      server = g_strdup (furrow_store_get_path (store));
      g_clear_object (&store);
      {
        const char *households[] = { cli, "import", "--project", server, csv, NULL };
        const char *parcels[] = { cli, "import", "--project", server, shp, NULL };

        t_server_households = run_timed (households);
        t_server_parcels = run_timed (parcels);
      }
    }

  /* Wall-clock is what a user waits; CPU time is steadier on a shared machine. */
  g_print ("                                  wall       CPU\n");
  g_print ("import households (CSV):       %7.3f s %7.3f s\n", t_households.wall_s, t_households.cpu_s);
  g_print ("import %u parcels (Shapefile): %7.3f s %7.3f s (goal ≤ 3 s)\n", n, t_parcels.wall_s, t_parcels.cpu_s);
  g_print ("ogr2ogr -f GPKG same file:     %7.3f s %7.3f s\n", t_ogr.wall_s, t_ogr.cpu_s);
  g_print ("ratio import / ogr2ogr:        %7.2f   %7.2f   (goal ≤ 1.5)\n",
           t_parcels.wall_s / t_ogr.wall_s, t_parcels.cpu_s / t_ogr.cpu_s);
  if (pg_uri != NULL)
    {
      g_print ("server: import households:     %7.3f s %7.3f s (furrow-cli only; the server's "
               "own CPU is not counted)\n", t_server_households.wall_s, t_server_households.cpu_s);
      g_print ("server: import %u parcels:     %7.3f s %7.3f s\n", n, t_server_parcels.wall_s,
               t_server_parcels.cpu_s);
      g_print ("ratio server / file (parcels): %7.2f             (goal ≤ 2): %s\n",
               t_server_parcels.wall_s / t_parcels.wall_s,
               t_server_parcels.wall_s <= 2 * t_parcels.wall_s ? "met" : "missed");
    }

  if (g_getenv ("FURROW_BENCH_KEEP") == NULL)
    {
      rm = g_strdup_printf ("rm -rf %s", dir);
      (void) !system (rm);
    }
  else
    g_print ("files kept in %s\n", dir);
  return 0;
}
