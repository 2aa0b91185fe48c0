/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-geometry.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (FurrowGeometry, furrow_geometry, furrow_geometry_ref, furrow_geometry_unref)

FurrowGeometry *
furrow_geometry_new (void)
{
  FurrowGeometry *self = g_new0 (FurrowGeometry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

FurrowGeometry *
furrow_geometry_ref (FurrowGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
furrow_geometry_unref (FurrowGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint p = 0; p < self->n_polygons; p++)
    {
      FurrowPolygon *poly = &self->polygons[p];

      for (guint r = 0; r < poly->n_rings; r++)
        g_free (poly->rings[r].points);
      g_free (poly->rings);
    }
  g_free (self->polygons);
  g_free (self);
}

FurrowGeometry *
furrow_geometry_copy (const FurrowGeometry *self)
{
  FurrowGeometry *copy = furrow_geometry_new ();

  for (guint p = 0; p < self->n_polygons; p++)
    {
      guint idx = furrow_geometry_add_polygon (copy);

      for (guint r = 0; r < self->polygons[p].n_rings; r++)
        furrow_geometry_add_ring (copy, idx,
                                  self->polygons[p].rings[r].points,
                                  self->polygons[p].rings[r].n_points);
    }
  return copy;
}

guint
furrow_geometry_add_polygon (FurrowGeometry *self)
{
  self->polygons = g_renew (FurrowPolygon, self->polygons, self->n_polygons + 1);
  self->polygons[self->n_polygons].rings = NULL;
  self->polygons[self->n_polygons].n_rings = 0;
  return self->n_polygons++;
}

/* Copies the points; closes the ring when the last point does not repeat the first. */
void
furrow_geometry_add_ring (FurrowGeometry    *self,
                          guint              polygon,
                          const FurrowPoint *points,
                          guint              n_points)
{
  FurrowPolygon *poly;
  FurrowRing *ring;
  gboolean closed;

  g_return_if_fail (polygon < self->n_polygons);

  poly = &self->polygons[polygon];
  poly->rings = g_renew (FurrowRing, poly->rings, poly->n_rings + 1);
  ring = &poly->rings[poly->n_rings++];

  closed = n_points > 0 &&
           points[0].x == points[n_points - 1].x &&
           points[0].y == points[n_points - 1].y;
  ring->n_points = n_points + ((closed || n_points == 0) ? 0 : 1);
  ring->points = g_new (FurrowPoint, MAX (ring->n_points, 1));
  if (n_points > 0)
    memcpy (ring->points, points, n_points * sizeof (FurrowPoint));
  if (!closed && n_points > 0)
    ring->points[n_points] = points[0];
}

void
furrow_geometry_take_ring (FurrowGeometry *self,
                           guint           polygon,
                           FurrowPoint    *points,
                           guint           n_points)
{
  FurrowPolygon *poly;
  FurrowRing *ring;

  g_return_if_fail (polygon < self->n_polygons);

  poly = &self->polygons[polygon];
  poly->rings = g_renew (FurrowRing, poly->rings, poly->n_rings + 1);
  ring = &poly->rings[poly->n_rings++];
  if (n_points > 0 &&
      (points[0].x != points[n_points - 1].x || points[0].y != points[n_points - 1].y))
    {
      points = g_renew (FurrowPoint, points, n_points + 1);
      points[n_points++] = points[0];
    }
  ring->points = points != NULL ? points : g_new (FurrowPoint, 1);
  ring->n_points = n_points;
}

guint
furrow_geometry_count_points (const FurrowGeometry *self)
{
  guint n = 0;

  for (guint p = 0; p < self->n_polygons; p++)
    for (guint r = 0; r < self->polygons[p].n_rings; r++)
      n += self->polygons[p].rings[r].n_points;
  return n;
}

gboolean
furrow_geometry_get_bounds (const FurrowGeometry *self,
                            double               *min_x,
                            double               *min_y,
                            double               *max_x,
                            double               *max_y)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  gboolean any = FALSE;

  for (guint p = 0; p < self->n_polygons; p++)
    for (guint r = 0; r < self->polygons[p].n_rings; r++)
      for (guint i = 0; i < self->polygons[p].rings[r].n_points; i++)
        {
          const FurrowPoint *pt = &self->polygons[p].rings[r].points[i];

          x0 = MIN (x0, pt->x);
          y0 = MIN (y0, pt->y);
          x1 = MAX (x1, pt->x);
          y1 = MAX (y1, pt->y);
          any = TRUE;
        }

  if (min_x) *min_x = x0;
  if (min_y) *min_y = y0;
  if (max_x) *max_x = x1;
  if (max_y) *max_y = y1;
  return any;
}

gboolean
furrow_geometry_equal (const FurrowGeometry *a,
                       const FurrowGeometry *b)
{
  if (a->n_polygons != b->n_polygons)
    return FALSE;
  for (guint p = 0; p < a->n_polygons; p++)
    {
      if (a->polygons[p].n_rings != b->polygons[p].n_rings)
        return FALSE;
      for (guint r = 0; r < a->polygons[p].n_rings; r++)
        {
          const FurrowRing *ra = &a->polygons[p].rings[r];
          const FurrowRing *rb = &b->polygons[p].rings[r];

          if (ra->n_points != rb->n_points ||
              memcmp (ra->points, rb->points, ra->n_points * sizeof (FurrowPoint)) != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Even-odd crossing test of one ring (open or closed). */
static gboolean
ring_contains_point (const FurrowRing *ring,
                     double            x,
                     double            y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    {
      const FurrowPoint *a = &ring->points[i];
      const FurrowPoint *b = &ring->points[j];

      if ((a->y > y) != (b->y > y) &&
          x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
        inside = !inside;
    }
  return inside;
}

/* TRUE when (x, y) lies inside a part of @self: inside its exterior ring and outside its holes.
 * Planar in the coordinates given (lon/lat is fine for a hit test at field scale). */
gboolean
furrow_geometry_contains_point (const FurrowGeometry *self,
                                double                x,
                                double                y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint p = 0; p < self->n_polygons; p++)
    {
      const FurrowPolygon *polygon = &self->polygons[p];
      gboolean inside;

      if (polygon->n_rings == 0 || polygon->rings[0].n_points < 3)
        continue;
      inside = ring_contains_point (&polygon->rings[0], x, y);
      for (guint r = 1; inside && r < polygon->n_rings; r++)
        if (polygon->rings[r].n_points >= 3 && ring_contains_point (&polygon->rings[r], x, y))
          inside = FALSE;
      if (inside)
        return TRUE;
    }
  return FALSE;
}
