/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-ogr-geometry.h"

#include <glib/gi18n-lib.h>

#include "furrow-validate.h"

G_DEFINE_QUARK (furrow-ogr-geometry-error-quark, furrow_ogr_geometry_error)

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRGeometryH, OGR_G_DestroyGeometry, NULL)

static gboolean
is_curved (OGRwkbGeometryType flat)
{
  return flat == wkbCurvePolygon || flat == wkbMultiSurface;
}

static gboolean
is_polygonal (OGRwkbGeometryType flat)
{
  return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbGeometryCollection ||
         is_curved (flat);
}

/* The points of one ring, as OGR holds them (not closed if the file did not close them). */
static FurrowPoint *
ring_points (OGRGeometryH  ring,
             guint        *n_points)
{
  int n = OGR_G_GetPointCount (ring);
  FurrowPoint *points = g_new (FurrowPoint, MAX (n, 1));

  if (n > 0)
    OGR_G_GetPoints (ring,
                     &points[0].x, sizeof (FurrowPoint),
                     &points[0].y, sizeof (FurrowPoint),
                     NULL, 0);
  *n_points = (guint) MAX (n, 0);
  return points;
}

static void
set_not_polygon (GError       **error,
                 OGRGeometryH   geometry)
{
  g_set_error (error, FURROW_OGR_GEOMETRY_ERROR, FURROW_OGR_GEOMETRY_ERROR_NOT_POLYGON,
               /* Translators: %s is the OGR type name, e.g. "LINESTRING" */
               _("the geometry is a %s, not a polygon"), OGR_G_GetGeometryName (geometry));
}

/* Calls `add_part` for every polygon of `geometry` (linearised when curved). */
typedef void (*PartFunc) (OGRGeometryH polygon,
                          gpointer     user_data);

static gboolean
for_each_polygon (OGRGeometryH   geometry,
                  PartFunc       add_part,
                  gpointer       user_data,
                  GError       **error)
{
  OGRwkbGeometryType flat = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (is_curved (flat))
    {
      g_auto(OGRGeometryH) linear = OGR_G_GetLinearGeometry (geometry, 0, NULL);

      if (linear == NULL)
        {
          set_not_polygon (error, geometry);
          return FALSE;
        }
      return for_each_polygon (linear, add_part, user_data, error);
    }

  if (flat == wkbPolygon)
    {
      if (!OGR_G_IsEmpty (geometry))
        add_part (geometry, user_data);
      return TRUE;
    }

  if (flat == wkbMultiPolygon || flat == wkbGeometryCollection)
    {
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        {
          OGRGeometryH part = OGR_G_GetGeometryRef (geometry, i);

          if (!is_polygonal (wkbFlatten (OGR_G_GetGeometryType (part))))
            {
              set_not_polygon (error, part);
              return FALSE;
            }
          if (!for_each_polygon (part, add_part, user_data, error))
            return FALSE;
        }
      return TRUE;
    }

  set_not_polygon (error, geometry);
  return FALSE;
}

static void
add_part_to_geometry (OGRGeometryH polygon,
                      gpointer     user_data)
{
  FurrowGeometry *out = user_data;
  guint idx = furrow_geometry_add_polygon (out);

  for (int r = 0; r < OGR_G_GetGeometryCount (polygon); r++)
    {
      guint n = 0;
      g_autofree FurrowPoint *points = ring_points (OGR_G_GetGeometryRef (polygon, r), &n);

      furrow_geometry_add_ring (out, idx, points, n);
    }
}

FurrowGeometry *
furrow_geometry_from_ogr (OGRGeometryH   geometry,
                          GError       **error)
{
  g_autoptr(FurrowGeometry) out = furrow_geometry_new ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (geometry == NULL || OGR_G_IsEmpty (geometry))
    {
      g_set_error_literal (error, FURROW_OGR_GEOMETRY_ERROR, FURROW_OGR_GEOMETRY_ERROR_EMPTY,
                           _("the geometry is empty"));
      return NULL;
    }

  if (!for_each_polygon (geometry, add_part_to_geometry, out, error))
    return NULL;

  if (out->n_polygons == 0)
    {
      g_set_error_literal (error, FURROW_OGR_GEOMETRY_ERROR, FURROW_OGR_GEOMETRY_ERROR_EMPTY,
                           _("the geometry is empty"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static OGRGeometryH
polygon_to_ogr (const FurrowPolygon *poly)
{
  OGRGeometryH polygon = OGR_G_CreateGeometry (wkbPolygon);

  for (guint r = 0; r < poly->n_rings; r++)
    {
      const FurrowRing *ring = &poly->rings[r];
      OGRGeometryH linear_ring = OGR_G_CreateGeometry (wkbLinearRing);

      if (ring->n_points > 0)
        OGR_G_SetPoints (linear_ring, (int) ring->n_points,
                         &ring->points[0].x, sizeof (FurrowPoint),
                         &ring->points[0].y, sizeof (FurrowPoint),
                         NULL, 0);
      OGR_G_AddGeometryDirectly (polygon, linear_ring);
    }
  return polygon;
}

OGRGeometryH
furrow_geometry_to_ogr (const FurrowGeometry *geometry)
{
  OGRGeometryH multi;

  g_return_val_if_fail (geometry != NULL, NULL);

  if (geometry->n_polygons == 1)
    return polygon_to_ogr (&geometry->polygons[0]);

  multi = OGR_G_CreateGeometry (wkbMultiPolygon);
  for (guint p = 0; p < geometry->n_polygons; p++)
    OGR_G_AddGeometryDirectly (multi, polygon_to_ogr (&geometry->polygons[p]));
  return multi;
}

/* Raw polygons over owned point buffers, for validation: the one copy of the points out of
 * OGR, which furrow_ogr_geometry_read() then hands to the FurrowGeometry. */
typedef struct
{
  GArray *polygons;   /* FurrowPolygon; their rings and points are owned until taken */
} RawPolygons;

static void
raw_polygons_clear (RawPolygons *raw)
{
  for (guint p = 0; p < raw->polygons->len; p++)
    {
      FurrowPolygon *part = &g_array_index (raw->polygons, FurrowPolygon, p);

      for (guint r = 0; r < part->n_rings; r++)
        g_free (part->rings[r].points);
      g_free (part->rings);
    }
  g_array_set_size (raw->polygons, 0);
}

static void
add_part_raw (OGRGeometryH polygon,
              gpointer     user_data)
{
  RawPolygons *raw = user_data;
  int n_rings = OGR_G_GetGeometryCount (polygon);
  FurrowPolygon part = { g_new0 (FurrowRing, MAX (n_rings, 1)), (guint) MAX (n_rings, 0) };

  for (int r = 0; r < n_rings; r++)
    part.rings[r].points = ring_points (OGR_G_GetGeometryRef (polygon, r),
                                        &part.rings[r].n_points);
  g_array_append_val (raw->polygons, part);
}

GPtrArray *
furrow_ogr_geometry_validate (FurrowGeosContext *ctx,
                              const char        *label,
                              OGRGeometryH       geometry)
{
  return furrow_ogr_geometry_read (ctx, label, geometry, NULL, NULL);
}

GPtrArray *
furrow_ogr_geometry_read (FurrowGeosContext  *ctx,
                          const char         *label,
                          OGRGeometryH        geometry,
                          double             *area_m2,
                          FurrowGeometry    **out)
{
  g_autoptr(GArray) polygons = g_array_new (FALSE, FALSE, sizeof (FurrowPolygon));
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowGeometry) result = NULL;
  RawPolygons raw = { polygons };
  GPtrArray *issues;

  g_return_val_if_fail (label != NULL, NULL);

  if (area_m2 != NULL)
    *area_m2 = NAN;
  if (out != NULL)
    *out = NULL;
  if (geometry == NULL)
    return furrow_validate_polygons (ctx, label, NULL, 0);

  if (!for_each_polygon (geometry, add_part_raw, &raw, &error))
    {
      OGRGeometryH culprit = geometry;
      OGRwkbGeometryType flat = wkbFlatten (OGR_G_GetGeometryType (geometry));

      raw_polygons_clear (&raw);
      /* Name the offending member of a collection, not the collection. */
      if (flat == wkbGeometryCollection || flat == wkbMultiPolygon)
        for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
          if (!is_polygonal (wkbFlatten (OGR_G_GetGeometryType (OGR_G_GetGeometryRef (geometry, i)))))
            {
              culprit = OGR_G_GetGeometryRef (geometry, i);
              break;
            }
      return furrow_validate_not_polygon (label, OGR_G_GetGeometryName (culprit));
    }

  issues = furrow_validate_polygons_measured (ctx, label, (FurrowPolygon *) polygons->data,
                                              polygons->len, area_m2);
  if (out == NULL || issues->len > 0 || polygons->len == 0)
    {
      raw_polygons_clear (&raw);
      return issues;
    }

  /* Valid: every ring is closed already; the geometry takes the points as they are. */
  result = furrow_geometry_new ();
  for (guint p = 0; p < polygons->len; p++)
    {
      FurrowPolygon *part = &g_array_index (polygons, FurrowPolygon, p);
      guint idx = furrow_geometry_add_polygon (result);

      for (guint r = 0; r < part->n_rings; r++)
        {
          furrow_geometry_take_ring (result, idx, part->rings[r].points, part->rings[r].n_points);
          part->rings[r].points = NULL;
        }
    }
  raw_polygons_clear (&raw);
  *out = g_steal_pointer (&result);
  return issues;
}
