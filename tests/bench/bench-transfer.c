/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Publish and checkout of the demo cooperative (docs/architecture.md, The backend seam, Publish
 * and checkout; 40 fields, 300 households, 1,000 parcels, about 1,850 audit rows) on the
 * throwaway cluster of tests/lib/furrow-pg-run: the median of 7 of each, wall clock, the store
 * opened beforehand. Prints its figures; never fails on time. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bench-stats.h"
#include "furrow-demo.h"
#include "furrow-store-transfer.h"

#define N_RUNS 7

int
main (void)
{
  const char *uri = g_getenv ("FURROW_TEST_PG_URI");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("furrow-bench-transfer-XXXXXX", &error);
  g_autofree char *demo = NULL;
  g_autoptr(FurrowStore) source = NULL;
  double publish[N_RUNS], checkout[N_RUNS];

  setlocale (LC_ALL, "");
  if (uri == NULL)
    g_error ("FURROW_TEST_PG_URI is not set: run this through tests/lib/furrow-pg-run");
  g_assert_no_error (error);
  demo = g_build_filename (dir, "demo.gpkg", NULL);
  source = furrow_demo_create (demo, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_store_server_init (uri, &error));

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autofree char *code = g_strdup_printf ("bench_%u", i);
      g_autofree char *made = NULL;
      g_autofree char *project = NULL;
      g_autofree char *out = g_strdup_printf ("%s/out-%u.gpkg", dir, i);
      g_autoptr(FurrowStore) server = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_true (furrow_store_publish (source, uri, code, &made, NULL, NULL, &error));
      g_assert_no_error (error);
      publish[i] = (g_get_monotonic_time () - start) / 1e6;

      project = g_strdup_printf ("%s#%s", uri, made);
      server = furrow_store_open (project, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      g_assert_true (furrow_store_checkout (server, out, NULL, NULL, &error));
      g_assert_no_error (error);
      checkout[i] = (g_get_monotonic_time () - start) / 1e6;
      g_unlink (out);
    }
  g_print ("demo cooperative, median of %d: publish %.3f s, checkout %.3f s\n", N_RUNS,
           bench_median (publish, N_RUNS), bench_median (checkout, N_RUNS));
  g_unlink (demo);
  g_rmdir (dir);
  return 0;
}
