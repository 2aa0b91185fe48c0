/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bench-fields.h"

/* Ids as the store gives them (the benchmarks hold fields outside a store). */
#include "furrow-store-private.h"

#define COLUMNS 100

/* @parcels (nullable) receives four parcels a field: its bounding box cut in quarters, on the
 * field's position + 1 as field id. @with_ids: give the fields and parcels the ids a store
 * would (1, 2, …), as the window's models have them; off for fields to be added to a store. */
GListStore *
bench_generate_fields (guint        n_fields,
                       GListStore  *parcels,
                       gboolean     with_ids,
                       BenchBounds *bounds)
{
  GListStore *store = g_list_store_new (FURROW_TYPE_FIELD);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const double step_lon = 0.0013, step_lat = 0.0010;

  bounds->west = 119.38;
  bounds->north = 36.47;
  bounds->east = bounds->west + MIN (n_fields, COLUMNS) * step_lon;
  bounds->south = bounds->north - ((n_fields + COLUMNS - 1) / COLUMNS) * step_lat;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(FurrowField) field = furrow_field_new ();
      g_autoptr(FurrowGeometry) geometry = furrow_geometry_new ();
      g_autofree char *code = g_strdup_printf ("B%05u", i);
      double x0 = bounds->west + (i % COLUMNS) * step_lon;
      double y0 = bounds->north - (i / COLUMNS + 1) * step_lat;
      double w = step_lon * g_rand_double_range (rand, 0.3, 0.9);
      double h = step_lat * g_rand_double_range (rand, 0.3, 0.9);
      FurrowPoint ring[] = {
        { x0, y0 },
        { x0 + w, y0 + h * g_rand_double_range (rand, 0, 0.1) },
        { x0 + w * g_rand_double_range (rand, 0.9, 1.0), y0 + h },
        { x0 + w * g_rand_double_range (rand, 0, 0.1), y0 + h * 0.95 },
        { x0, y0 },
      };

      furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring, 5);
      furrow_field_set_code (field, code);
      furrow_field_set_name (field, code);
      furrow_field_set_custody (field, i % 7 == 0 ? FURROW_CUSTODY_HALF : FURROW_CUSTODY_FULL);
      furrow_field_set_geometry (field, geometry);
      if (with_ids)
        _furrow_field_set_id (field, i + 1);
      g_list_store_append (store, field);

      for (guint q = 0; parcels != NULL && q < 4; q++)
        {
          g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
          g_autoptr(FurrowGeometry) part = furrow_geometry_new ();
          double px = x0 + (q % 2) * w / 2, py = y0 + (q / 2) * h / 2;
          FurrowPoint quarter[] = {
            { px, py }, { px + w / 2, py }, { px + w / 2, py + h / 2 }, { px, py + h / 2 }, { px, py },
          };

          furrow_geometry_add_ring (part, furrow_geometry_add_polygon (part), quarter, 5);
          furrow_parcel_set_field_id (parcel, i + 1);
          furrow_parcel_set_geometry (parcel, part);
          if (with_ids)
            _furrow_parcel_set_id (parcel, 4 * i + q + 1);
          g_list_store_append (parcels, parcel);
        }
    }
  return store;
}
