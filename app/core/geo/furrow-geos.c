/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-geos.h"

#include <stdarg.h>
#include <stdio.h>

struct _FurrowGeosContext
{
  GEOSContextHandle_t handle;
  char                error[512];
};

static void
error_cb (const char *message,
          void       *user_data)
{
  FurrowGeosContext *self = user_data;

  g_strlcpy (self->error, message, sizeof self->error);
}

FurrowGeosContext *
furrow_geos_context_new (void)
{
  FurrowGeosContext *self = g_new0 (FurrowGeosContext, 1);

  self->handle = GEOS_init_r ();
  GEOSContext_setErrorMessageHandler_r (self->handle, error_cb, self);
  return self;
}

void
furrow_geos_context_free (FurrowGeosContext *self)
{
  if (self == NULL)
    return;
  GEOS_finish_r (self->handle);
  g_free (self);
}

GEOSContextHandle_t
furrow_geos_context_get_handle (FurrowGeosContext *self)
{
  return self->handle;
}

const char *
furrow_geos_context_get_error (FurrowGeosContext *self)
{
  return self->error;
}

static GEOSGeometry *
ring_to_geos (GEOSContextHandle_t h,
              const FurrowRing   *ring)
{
  GEOSCoordSequence *seq;

  /* FurrowPoint is two packed doubles: GEOS copies the buffer as x,y pairs. */
  seq = GEOSCoordSeq_copyFromBuffer_r (h, (const double *) ring->points, ring->n_points, 0, 0);
  if (seq == NULL)
    return NULL;
  return GEOSGeom_createLinearRing_r (h, seq);
}

static GEOSGeometry *
polygon_to_geos (GEOSContextHandle_t   h,
                 const FurrowPolygon  *poly)
{
  g_autofree GEOSGeometry **holes = NULL;
  GEOSGeometry *shell;
  guint n_holes = 0;

  if (poly->n_rings == 0)
    return GEOSGeom_createEmptyPolygon_r (h);

  shell = ring_to_geos (h, &poly->rings[0]);
  if (shell == NULL)
    return NULL;

  holes = g_new0 (GEOSGeometry *, MAX (poly->n_rings, 1));
  for (guint r = 1; r < poly->n_rings; r++)
    {
      GEOSGeometry *hole = ring_to_geos (h, &poly->rings[r]);

      if (hole == NULL)
        {
          GEOSGeom_destroy_r (h, shell);
          for (guint i = 0; i < n_holes; i++)
            GEOSGeom_destroy_r (h, holes[i]);
          return NULL;
        }
      holes[n_holes++] = hole;
    }

  return GEOSGeom_createPolygon_r (h, shell, holes, n_holes);
}

GEOSGeometry *
furrow_geometry_to_geos (FurrowGeosContext    *ctx,
                         const FurrowGeometry *geometry)
{
  GEOSContextHandle_t h = ctx->handle;
  g_autofree GEOSGeometry **parts = NULL;

  ctx->error[0] = '\0';

  if (geometry->n_polygons == 1)
    return polygon_to_geos (h, &geometry->polygons[0]);

  parts = g_new0 (GEOSGeometry *, MAX (geometry->n_polygons, 1));
  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      parts[p] = polygon_to_geos (h, &geometry->polygons[p]);
      if (parts[p] == NULL)
        {
          for (guint i = 0; i < p; i++)
            GEOSGeom_destroy_r (h, parts[i]);
          return NULL;
        }
    }
  return GEOSGeom_createCollection_r (h, GEOS_MULTIPOLYGON, parts, geometry->n_polygons);
}

static void
add_ring_from_geos (GEOSContextHandle_t  h,
                    FurrowGeometry      *out,
                    guint                polygon,
                    const GEOSGeometry  *ring)
{
  const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r (h, ring);
  unsigned int n = 0;
  g_autofree FurrowPoint *points = NULL;

  if (seq == NULL || !GEOSCoordSeq_getSize_r (h, seq, &n))
    return;
  points = g_new (FurrowPoint, MAX (n, 1));
  if (n > 0)
    GEOSCoordSeq_copyToBuffer_r (h, seq, (double *) points, 0, 0);
  furrow_geometry_add_ring (out, polygon, points, n);
}

static void
add_polygon_from_geos (GEOSContextHandle_t  h,
                       FurrowGeometry      *out,
                       const GEOSGeometry  *poly)
{
  guint idx;
  int n_holes;

  if (GEOSisEmpty_r (h, poly))
    return;

  idx = furrow_geometry_add_polygon (out);
  add_ring_from_geos (h, out, idx, GEOSGetExteriorRing_r (h, poly));
  n_holes = GEOSGetNumInteriorRings_r (h, poly);
  for (int i = 0; i < n_holes; i++)
    add_ring_from_geos (h, out, idx, GEOSGetInteriorRingN_r (h, poly, i));
}

static void
collect_polygons (GEOSContextHandle_t  h,
                  FurrowGeometry      *out,
                  const GEOSGeometry  *geos)
{
  switch (GEOSGeomTypeId_r (h, geos))
    {
    case GEOS_POLYGON:
      add_polygon_from_geos (h, out, geos);
      break;

    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION:
      for (int i = 0; i < GEOSGetNumGeometries_r (h, geos); i++)
        collect_polygons (h, out, GEOSGetGeometryN_r (h, geos, i));
      break;

    case GEOS_POINT:
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
    case GEOS_MULTIPOINT:
    case GEOS_MULTILINESTRING:
    default:
      break;
    }
}

FurrowGeometry *
furrow_geometry_from_geos (FurrowGeosContext  *ctx,
                           const GEOSGeometry *geos)
{
  FurrowGeometry *out = furrow_geometry_new ();

  collect_polygons (ctx->handle, out, geos);
  return out;
}
