/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Each parcel with a polygon goes to the custody field it overlaps most (docs/architecture.md,
 * Import): candidates from a GEOS STRtree of the fields, a prepared-geometry test for the
 * common case of a parcel wholly inside one field, the intersection area otherwise. Areas are
 * compared in degrees²: at field scale the ranking is the same as on the ellipsoid. */

#include "config.h"

#include "furrow-importer-private.h"

#include "furrow-geos.h"

typedef struct
{
  GArray *candidates;   /* guint */
} Query;

static void
collect_cb (void *item,
            void *user_data)
{
  Query *q = user_data;
  guint index = GPOINTER_TO_UINT (item) - 1;

  g_array_append_val (q->candidates, index);
}

void
furrow_importer_assign_fields (FurrowImporter        *self,
                               const gint64          *field_ids,
                               const FurrowGeometry **field_geometries,
                               guint                  n_fields)
{
  g_autoptr(FurrowGeosContext) ctx = furrow_geos_context_new ();
  GEOSContextHandle_t h = furrow_geos_context_get_handle (ctx);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GEOSGeometry **geoms = g_new0 (GEOSGeometry *, MAX (n_fields, 1));
  g_autofree const GEOSPreparedGeometry **prepared = g_new0 (const GEOSPreparedGeometry *, MAX (n_fields, 1));
  GEOSSTRtree *tree;
  Query q = { candidates };

  g_return_if_fail (FURROW_IS_IMPORTER (self));

  for (guint i = 0; i < self->parcels->len; i++)
    g_array_index (self->parcels, FurrowImportParcel, i).field_id = 0;
  if (n_fields == 0)
    return;

  tree = GEOSSTRtree_create_r (h, 10);
  for (guint f = 0; f < n_fields; f++)
    {
      if (field_geometries[f] == NULL || field_geometries[f]->n_polygons == 0)
        continue;
      geoms[f] = furrow_geometry_to_geos (ctx, field_geometries[f]);
      if (geoms[f] == NULL)
        continue;
      prepared[f] = GEOSPrepare_r (h, geoms[f]);
      GEOSSTRtree_insert_r (h, tree, geoms[f], GUINT_TO_POINTER (f + 1));
    }

  for (guint i = 0; i < self->parcels->len; i++)
    {
      FurrowImportParcel *p = &g_array_index (self->parcels, FurrowImportParcel, i);
      GEOSGeometry *pg;
      double best = 0.0;

      if (p->geometry == NULL)
        continue;
      pg = furrow_geometry_to_geos (ctx, p->geometry);
      if (pg == NULL)
        continue;
      g_array_set_size (candidates, 0);
      GEOSSTRtree_query_r (h, tree, pg, collect_cb, &q);
      for (guint c = 0; c < candidates->len; c++)
        {
          guint f = g_array_index (candidates, guint, c);
          double area = 0.0;

          if (GEOSPreparedContains_r (h, prepared[f], pg) == 1)
            GEOSArea_r (h, pg, &area);
          else if (GEOSPreparedIntersects_r (h, prepared[f], pg) == 1)
            {
              GEOSGeometry *inter = GEOSIntersection_r (h, geoms[f], pg);

              if (inter != NULL)
                {
                  GEOSArea_r (h, inter, &area);
                  GEOSGeom_destroy_r (h, inter);
                }
            }
          if (area > best)
            {
              best = area;
              p->field_id = field_ids[f];
            }
        }
      GEOSGeom_destroy_r (h, pg);
    }

  GEOSSTRtree_destroy_r (h, tree);
  for (guint f = 0; f < n_fields; f++)
    {
      if (prepared[f] != NULL)
        GEOSPreparedGeom_destroy_r (h, prepared[f]);
      if (geoms[f] != NULL)
        GEOSGeom_destroy_r (h, geoms[f]);
    }
}
