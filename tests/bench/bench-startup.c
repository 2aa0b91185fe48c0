/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Start to first frame: launches the real `furrow` binary again and again with
 * FURROW_BENCH_FIRST_FRAME=1, which makes the window print the milliseconds from the top of
 * main() to its first painted frame and quit. Also measures from the spawn to that line (which
 * adds exec and dynamic linking), and the CPU time the process used until it exited, which a
 * busy machine inflates much less than the wall-clock figures. Prints the median of the runs;
 * goal ≤ 500 ms (issue #2).
 *
 * With a second argument N, each launch opens a project of N generated fields (bench-fields.c,
 * written once before the runs) given on the command line, as `furrow FILE` does: goal ≤ 600 ms
 * for 2,000 fields (issue #6, item 10).
 *
 * With N = "county" (inside tests/lib/furrow-pg-run, benchmark `startup-server`), one cooperative
 * of county scale (bench-county.c: 250 fields, 1,000 households, 10,000 parcels and a harvested
 * season) is written twice, as a file and as a cooperative on the server, and the window is
 * launched with each, `furrow FILE` and `furrow postgresql://…#CODE`, alternately: goal, the
 * server ≤ 1.5 × the file (issue 15, Speed). */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-county.h"
#include "bench-fields.h"
#include "bench-stats.h"
#include "furrow-store.h"

#define N_WARMUP 1
#define N_RUNS 10
#define GOAL_MS 500.0
#define GOAL_PROJECT_MS 600.0

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* A project of @n_fields generated fields at @path, written in one batch. */
static void
write_project (const char *path,
               guint       n_fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_store_create (path, &error);
  g_autoptr(GListStore) fields = NULL;
  BenchBounds bounds;

  g_assert_no_error (error);
  fields = bench_generate_fields (n_fields, NULL, FALSE, &bounds);
  g_assert_true (furrow_store_begin_import (store, "bench-startup", &error));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (G_LIST_MODEL (fields), i);

      g_assert_true (furrow_store_add_field (store, field, &error));
    }
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);
}

static gboolean
run_once (const char  *furrow,
          const char  *project,
          double      *inside_ms,
          double      *outside_ms,
          double      *cpu_ms,
          GError     **error)
{
  double cpu_before_ms = children_cpu_ms ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  gint64 spawned_us;
  gint64 line_us;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "FURROW_BENCH_FIRST_FRAME", "1", TRUE);

  spawned_us = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, error, furrow, project, NULL);
  if (process == NULL)
    return FALSE;

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error)) != NULL)
    {
      if (g_str_has_prefix (line, "first-frame-ms: "))
        break;
      g_clear_pointer (&line, g_free);
    }
  line_us = g_get_monotonic_time ();

  if (!g_subprocess_wait_check (process, NULL, error))
    return FALSE;
  if (line == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "%s printed no “first-frame-ms:” line", furrow);
      return FALSE;
    }

  *inside_ms = g_ascii_strtod (line + strlen ("first-frame-ms: "), NULL);
  *outside_ms = (line_us - spawned_us) / 1000.0;
  *cpu_ms = children_cpu_ms () - cpu_before_ms;
  return TRUE;
}

/* The county cooperative as a file in `home` and on the server; their paths. */
static void
write_county (const char  *home,
              char       **file,
              char       **server)
{
  g_autoptr(GError) error = NULL;
  const char *uri = g_getenv ("FURROW_TEST_PG_URI");
  g_autoptr(FurrowStore) store = NULL;

  if (uri == NULL)
    g_error ("bench-startup county: FURROW_TEST_PG_URI is not set (run it in furrow-pg-run)");
  *file = g_build_filename (home, "county.gpkg", NULL);
  store = furrow_store_create (*file, &error);
  if (store == NULL || !bench_county_populate (store, 0, 250, 1000, 10000, TRUE, &error))
    g_error ("%s", error->message);
  g_clear_object (&store);
  if (!furrow_store_server_init (uri, &error) ||
      (store = furrow_store_create_server (uri, "startup", &error)) == NULL ||
      !bench_county_populate (store, 0, 250, 1000, 10000, TRUE, &error))
    g_error ("%s", error->message);
  *server = g_strdup (furrow_store_get_path (store));
}

/* N_RUNS launches (after N_WARMUP) with the project at path (NULL: none), each printed after
 * `what`; their main()-to-first-frame, spawn-to-first-frame and CPU ms in the three arrays. */
static void
launch_runs (const char *furrow,
             const char *path,
             const char *what,
             double     *inside,
             double     *outside,
             double     *cpu)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < N_WARMUP + N_RUNS; i++)
    {
      double in_ms = 0, out_ms = 0, cpu_ms = 0;

      if (!run_once (furrow, path, &in_ms, &out_ms, &cpu_ms, &error))
        g_error ("bench-startup: %s", error->message);
      if (i < N_WARMUP)
        continue;
      inside[i - N_WARMUP] = in_ms;
      outside[i - N_WARMUP] = out_ms;
      cpu[i - N_WARMUP] = cpu_ms;
      g_print ("%srun %2d: main() to first frame %6.1f ms, spawn to first frame %6.1f ms, "
               "CPU %6.1f ms\n", what, i - N_WARMUP + 1, in_ms, out_ms, cpu_ms);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *furrow = argc > 1 ? argv[1] : g_getenv ("FURROW_EXE");
  guint n_fields = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 0;
  double goal_ms = n_fields > 0 ? GOAL_PROJECT_MS : GOAL_MS;
  g_autofree char *project = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  const char *dirs[] = { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };
  double inside[N_RUNS];
  double outside[N_RUNS];
  double cpu[N_RUNS];
  double inside_median;
  double outside_median;
  double cpu_median;

  if (furrow == NULL)
    {
      g_printerr ("usage: bench-startup FURROW-BINARY [N-FIELDS] (or set FURROW_EXE)\n");
      return EXIT_FAILURE;
    }

  /* Every run starts with empty caches and settings of its own. */
  home = g_dir_make_tmp ("furrow-bench-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  if (g_strcmp0 (argv[2], "county") == 0)
    {
      g_autofree char *file = NULL;
      g_autofree char *server = NULL;
      gint64 start = g_get_monotonic_time ();
      double file_ms, server_ms;

      write_county (home, &file, &server);
      g_print ("county cooperative written as a file and on the server in %.0f ms\n",
               (g_get_monotonic_time () - start) / 1000.0);
      launch_runs (furrow, file, "file ", inside, outside, cpu);
      file_ms = bench_median (outside, N_RUNS);
      launch_runs (furrow, server, "server ", inside, outside, cpu);
      server_ms = bench_median (outside, N_RUNS);
      g_print ("startup with a cooperative of 250 fields, 1,000 households, 10,000 parcels "
               "(median of %d, spawn to first frame): file %.1f ms, server %.1f ms, "
               "server/file %.2f (goal <= 1.5): %s\n", N_RUNS, file_ms, server_ms,
               server_ms / file_ms, server_ms <= 1.5 * file_ms ? "met" : "missed");
      return EXIT_SUCCESS;
    }
  if (n_fields > 0)
    {
      gint64 start = g_get_monotonic_time ();

      project = g_build_filename (home, "bench.gpkg", NULL);
      write_project (project, n_fields);
      g_print ("project of %u fields written in %.0f ms\n", n_fields,
               (g_get_monotonic_time () - start) / 1000.0);
    }

  launch_runs (furrow, project, "", inside, outside, cpu);

  /* bench_median() sorts: afterwards the first and last values are the extremes. */
  inside_median = bench_median (inside, N_RUNS);
  outside_median = bench_median (outside, N_RUNS);
  cpu_median = bench_median (cpu, N_RUNS);
  g_print ("startup%s%s (GSK_RENDERER=%s, median of %d): main() to first frame %.1f ms, "
           "spawn to first frame %.1f ms (min %.1f, max %.1f), CPU %.1f ms; goal %.0f ms: %s\n",
           n_fields > 0 ? " with a project of fields: " : "",
           n_fields > 0 ? argv[2] : "",
           g_getenv ("GSK_RENDERER"), N_RUNS, inside_median, outside_median,
           outside[0], outside[N_RUNS - 1], cpu_median, goal_ms,
           outside_median <= goal_ms ? "met" : "missed");
  return EXIT_SUCCESS;
}
