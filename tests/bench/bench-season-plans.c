/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The season overview's work on the demo cooperative (issue 7 item 2: planning the 40 demo
 * fields must take well under a second): 2+4 written to every field in one transaction
 * (furrow_season_plan_fields()), the table of the season read back (layouts, predictions and
 * economics of every field: furrow_season_table_compute()), and the plans restored (undo).
 * Median of 7 rounds in milliseconds. Prints its figures; never fails on time. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bench-stats.h"
#include "furrow-demo.h"
#include "furrow-season-plans.h"

#define ROUNDS 7

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("furrow-bench-plans-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = furrow_season_new ("bench", 2027);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  double plan_ms[ROUNDS], table_ms[ROUNDS], undo_ms[ROUNDS];
  FurrowPattern pattern;

  setlocale (LC_ALL, "C.UTF-8");
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "demo.gpkg", NULL);
  store = furrow_demo_create (path, &error);
  if (store == NULL || !furrow_store_add_season (store, season, &error))
    g_error ("%s", error->message);
  model = furrow_store_get_fields (store);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (fields, g_list_model_get_item (model, i));
  furrow_pattern_preset ("2+4", &pattern);

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GArray) previous = NULL;
      g_autoptr(FurrowSeasonTable) table = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (!furrow_season_plan_fields (store, season, (FurrowField * const *) fields->pdata,
                                      fields->len, NULL, &pattern, "2+4", "practical", &previous,
                                      &error))
        g_error ("%s", error->message);
      plan_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      table = furrow_season_table_compute (store, season, &error);
      if (table == NULL)
        g_error ("%s", error->message);
      table_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      if (!furrow_season_restore_plans (store, season, (FurrowField * const *) fields->pdata,
                                        fields->len, previous, NULL, &error))
        g_error ("%s", error->message);
      undo_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  g_print ("fields: %u\n", fields->len);
  g_print ("plan-all-ms: %.1f\n", bench_median (plan_ms, ROUNDS));
  g_print ("table-ms: %.1f\n", bench_median (table_ms, ROUNDS));
  g_print ("undo-ms: %.1f\n", bench_median (undo_ms, ROUNDS));

  g_clear_object (&store);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
