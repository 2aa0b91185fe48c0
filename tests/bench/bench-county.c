/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "bench-county.h"
#include "furrow-pattern.h"
#include "furrow-store-season.h"
#include "furrow-units.h"

#define COLUMNS 50
/* 100 m east–west and north–south near 36.4 N. */
#define FIELD_DX 0.001117
#define FIELD_DY 0.000899

static FurrowGeometry *
rectangle (double west,
           double south,
           double east,
           double north)
{
  FurrowGeometry *geometry = furrow_geometry_new ();
  FurrowPoint ring[] = { { west, south }, { east, south }, { east, north }, { west, north },
                         { west, south } };

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring,
                            G_N_ELEMENTS (ring));
  return geometry;
}

static gboolean
add_register (FurrowStore  *store,
              guint         index,
              guint         n_fields,
              guint         n_households,
              guint         n_parcels,
              GError      **error)
{
  g_autofree char *village = g_strdup_printf ("370782102201%02u", index + 1);
  g_autofree char *name = g_strdup_printf ("基准合作社%02u（生成数据）", index + 1);
  guint strips = MAX (1, n_parcels / n_fields);
  /* Each cooperative a block of its own, 0.1° apart. */
  double west0 = 119.0 + (index % 10) * 0.1, north0 = 36.9 - (index / 10) * 0.1;

  if (!furrow_store_set_cooperative (store, name, village, "基准村委会", error))
    return FALSE;
  for (guint h = 0; h < n_households; h++)
    {
      g_autoptr(FurrowHousehold) household = furrow_household_new ();
      g_autofree char *code = g_strdup_printf ("%s%04u", village, h + 1);
      g_autofree char *holder = g_strdup_printf ("农户%04u", h + 1);

      furrow_household_set_code (household, code);
      furrow_household_set_name (household, holder);
      furrow_household_set_members (household, 1 + h % 6);
      if (!furrow_store_add_household (store, household, error))
        return FALSE;
    }
  for (guint f = 0; f < n_fields; f++)
    {
      g_autoptr(FurrowField) field = furrow_field_new ();
      g_autofree char *code = g_strdup_printf ("T%04u", f + 1);
      double west = west0 + (f % COLUMNS) * FIELD_DX * 1.05;
      double north = north0 - (f / COLUMNS) * FIELD_DY * 1.05;
      g_autoptr(FurrowGeometry) outline = rectangle (west, north - FIELD_DY, west + FIELD_DX,
                                                     north);

      furrow_field_set_code (field, code);
      furrow_field_set_name (field, code);
      furrow_field_set_geometry (field, outline);
      if (!furrow_store_add_field (store, field, error))
        return FALSE;
      for (guint s = 0; s < strips; s++)
        {
          guint p = f * strips + s;
          g_autoptr(FurrowParcel) parcel = NULL;
          g_autoptr(FurrowGeometry) strip = NULL;
          g_autofree char *parcel_code = NULL;
          g_autofree char *holder = NULL;
          double x = west + FIELD_DX * s / strips;

          if (p >= n_parcels)
            break;
          parcel = furrow_parcel_new ();
          strip = rectangle (x, north - FIELD_DY, x + FIELD_DX / strips, north);
          parcel_code = g_strdup_printf ("%s%05u", village, p + 1);
          holder = g_strdup_printf ("%s%04u", village, p % n_households + 1);
          furrow_parcel_set_code (parcel, parcel_code);
          furrow_parcel_set_household_code (parcel, holder);
          furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
          furrow_parcel_set_geometry (parcel, strip);
          furrow_parcel_set_registered_area_m2 (parcel,
                                                round (furrow_parcel_get_measured_area_m2 (parcel)
                                                       * 1.02));
          if (!furrow_store_add_parcel (store, parcel, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_season (FurrowStore  *store,
            GError      **error)
{
  g_autoptr(FurrowSeason) draft = furrow_season_new (BENCH_COUNTY_SEASON, 2026);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  guint n = g_list_model_get_n_items (fields);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) harvests = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));
  const FurrowSeasonPrice *maize, *soybean;
  FurrowPattern pattern;

  furrow_season_set_fee (draft, "sowing", 3000);
  furrow_season_set_fee (draft, "harvest", 6000);
  if (!furrow_store_add_season (store, draft, error))
    return FALSE;
  season = furrow_store_find_season (store, BENCH_COUNTY_SEASON);
  if (!furrow_pattern_preset ("2+4", &pattern))
    g_return_val_if_reached (FALSE);
  maize = furrow_season_get_price (season, FURROW_CROP_MAIZE);
  soybean = furrow_season_get_price (season, FURROW_CROP_SOYBEAN);
  for (guint f = 0; f < n; f++)
    {
      FurrowField *field = g_list_model_get_item (fields, f);
      double mu = furrow_m2_to_mu (furrow_field_get_registered_area_m2 (field));
      FurrowSeasonHarvest harvest = { furrow_field_get_id (field), FURROW_CROP_MAIZE,
                                      round (mu * (470.0 + (f * 37) % 91)), 0, FALSE };

      harvest.revenue_fen = llround (harvest.yield_kg * maize->price_fen_per_kg);
      g_array_append_val (harvests, harvest);
      harvest.crop = FURROW_CROP_SOYBEAN;
      harvest.yield_kg = round (mu * (85.0 + (f * 13) % 41));
      harvest.revenue_fen = llround (harvest.yield_kg * soybean->price_fen_per_kg);
      g_array_append_val (harvests, harvest);
      g_ptr_array_add (all, field);
    }
  return furrow_store_set_plans (store, season, (FurrowField * const *) all->pdata, n, &pattern,
                                 "2+4", "practical", error) &&
         furrow_store_set_harvests (store, season, (FurrowSeasonHarvest *) harvests->data,
                                    harvests->len, error);
}

gboolean
bench_county_populate (FurrowStore  *store,
                       guint         index,
                       guint         n_fields,
                       guint         n_households,
                       guint         n_parcels,
                       gboolean      season,
                       GError      **error)
{
  if (!furrow_store_begin_import (store, "bench-county", error))
    return FALSE;
  if (!add_register (store, index, n_fields, n_households, n_parcels, error))
    {
      furrow_store_rollback (store);
      return FALSE;
    }
  if (!furrow_store_commit (store, error))
    return FALSE;
  return !season || add_season (store, error);
}
