/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the economics page recomputes after each change (debounced): the households' predicted
 * income for the demo cooperative (40 fields planned 2+4, 300 households) — the plans laid out
 * and run through the yield model (furrow_store_build_prediction_input()) and the settlement
 * engine on the predicted figures. Prints the median and the slowest of 21 runs. */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-stats.h"
#include "furrow-demo.h"
#include "furrow-distribution.h"
#include "furrow-store-season.h"

#define RUNS 21

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("furrow-bench-prediction-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = furrow_season_new ("bench", 2027);
  g_autoptr(GListModel) fields = NULL;
  FurrowPattern pattern;
  double ms[RUNS];
  double median;
  gsize n_households = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.gpkg", NULL);
  store = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_store_add_season (store, season, &error));
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  fields = furrow_store_get_fields (store);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      g_assert_true (furrow_store_set_plan (store, season, field, &pattern, "2+4", NULL, &error));
    }

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(FurrowSeasonSettlementInput) in = NULL;
      g_autofree FurrowDistributionShare *shares = NULL;
      FurrowDistributionResult result;

      in = furrow_store_build_prediction_input (store, season, &error);
      g_assert_no_error (error);
      shares = g_new0 (FurrowDistributionShare, in->input.n_households);
      g_assert_true (furrow_distribution_compute (&in->input, &result, shares, &error));
      ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      n_households = in->input.n_households;
    }
  /* bench_median () sorts: ms[RUNS - 1] is then the slowest. */
  median = bench_median (ms, RUNS);
  g_print ("prediction preview, demo (%u fields, %zu households): median %.1f ms, max %.1f ms "
           "over %d runs\n", g_list_model_get_n_items (fields), n_households, median,
           ms[RUNS - 1], RUNS);

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
