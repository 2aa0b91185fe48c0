/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details pane's parcel count for a selected field: a scan of every parcel
 * (furrow_register_field_parcels) against FurrowParcelIndex, 50,000 parcels on 2,000 fields,
 * 1,000 selections. Prints both and the time to build the index once. */
#include <stdio.h>

#include "furrow-parcel.h"
#include "furrow-parcel-index.h"
#include "furrow-register-testing.h"
#include "furrow-register.h"

#define N_PARCELS    50000
#define N_FIELDS     2000
#define N_SELECTIONS 1000

int
main (void)
{
  g_autoptr(GListStore) parcels = g_list_store_new (FURROW_TYPE_PARCEL);
  g_autoptr(FurrowParcelIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (50000);
  guint64 scan_total = 0, index_total = 0;
  gint64 start;
  double build_ms, scan_ms, index_ms;

  for (guint i = 0; i < N_PARCELS; i++)
    {
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();

      furrow_parcel_set_field_id (parcel, g_rand_int_range (rand, 1, N_FIELDS + 1));
      g_list_store_append (parcels, parcel);
    }

  start = g_get_monotonic_time ();
  index = furrow_parcel_index_new (G_LIST_MODEL (parcels));
  build_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_SELECTIONS; i++)
    scan_total += furrow_register_field_parcels (G_LIST_MODEL (parcels), i % N_FIELDS + 1);
  scan_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_SELECTIONS; i++)
    index_total += furrow_parcel_index_count_field (index, i % N_FIELDS + 1);
  index_ms = (g_get_monotonic_time () - start) / 1000.0;

  if (scan_total != index_total)
    {
      fprintf (stderr, "index and scan disagree: %" G_GUINT64_FORMAT " vs %" G_GUINT64_FORMAT "\n",
               index_total, scan_total);
      return 1;
    }
  printf ("%u parcels, %u fields: index built once in %.2f ms\n", N_PARCELS, N_FIELDS, build_ms);
  printf ("per selection: scan %.3f ms, index %.5f ms (%.0f× faster)\n",
          scan_ms / N_SELECTIONS, index_ms / N_SELECTIONS,
          index_ms > 0 ? scan_ms / index_ms : 0.0);
  return 0;
}
