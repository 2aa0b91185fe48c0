/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-household-shares.h"

#include "furrow-economics.h"
#include "furrow-household.h"
#include "furrow-parcel.h"

double *
furrow_household_shares_area_m2 (GListModel *households,
                                 GListModel *parcels)
{
  g_autoptr(GHashTable) area = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_households;
  double *area_m2;

  g_return_val_if_fail (G_IS_LIST_MODEL (households), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (parcels), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      const char *code = furrow_parcel_get_household_code (parcel);
      double *sum;

      if (code == NULL || furrow_parcel_get_custody (parcel) != FURROW_CUSTODY_FULL)
        continue;
      sum = g_hash_table_lookup (area, code);
      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (area, g_strdup (code), sum);
        }
      *sum += furrow_parcel_get_registered_area_m2 (parcel);
    }

  n_households = g_list_model_get_n_items (households);
  area_m2 = g_new0 (double, n_households + 1);
  for (guint i = 0; i < n_households; i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      double *sum = g_hash_table_lookup (area, furrow_household_get_code (household));

      area_m2[i] = sum != NULL ? *sum : 0.0;
    }
  return area_m2;
}

double *
furrow_household_shares (GListModel *households,
                         GListModel *parcels,
                         gint64      net_fen,
                         gint64     *out_fen)
{
  double *area_m2 = furrow_household_shares_area_m2 (households, parcels);

  g_return_val_if_fail (out_fen != NULL, area_m2);

  if (area_m2 != NULL)
    furrow_economics_share_by_area (net_fen, area_m2, g_list_model_get_n_items (households),
                                    out_fen);
  return area_m2;
}
