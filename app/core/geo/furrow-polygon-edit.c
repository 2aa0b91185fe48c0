/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-polygon-edit.h"

#include <math.h>

#include "furrow-validate.h"

static void
project (FurrowProjectFunc  func,
         gpointer           user_data,
         const FurrowPoint *point,
         double            *x,
         double            *y)
{
  if (func != NULL)
    {
      func (point, x, y, user_data);
    }
  else
    {
      *x = point->x;
      *y = point->y;
    }
}

double
furrow_segment_nearest (const FurrowPoint *p,
                        const FurrowPoint *a,
                        const FurrowPoint *b,
                        FurrowPoint       *foot)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((p->x - a->x) * dx + (p->y - a->y) * dy) / len2, 0, 1) : 0;

  foot->x = a->x + t * dx;
  foot->y = a->y + t * dy;
  return hypot (foot->x - p->x, foot->y - p->y);
}

void
furrow_snap_init (FurrowSnap        *snap,
                  double             x,
                  double             y,
                  double             tolerance,
                  FurrowProjectFunc  project_func,
                  gpointer           user_data)
{
  g_return_if_fail (snap != NULL);

  *snap = (FurrowSnap) {
    .target = { x, y },
    .tolerance = tolerance,
    .project = project_func,
    .user_data = user_data,
    .vertex_distance = tolerance,
    .edge_distance = tolerance,
  };
}

void
furrow_snap_add_geometry (FurrowSnap           *snap,
                          const FurrowGeometry *geometry)
{
  g_return_if_fail (snap != NULL);

  if (geometry == NULL)
    return;

  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        const FurrowRing *ring = &geometry->polygons[p].rings[r];
        FurrowPoint previous = { 0, 0 };

        for (guint k = 0; k < ring->n_points; k++)
          {
            FurrowPoint q, foot;
            double d;

            project (snap->project, snap->user_data, &ring->points[k], &q.x, &q.y);
            d = hypot (q.x - snap->target.x, q.y - snap->target.y);
            if (d < snap->vertex_distance)
              {
                snap->vertex_distance = d;
                snap->vertex = ring->points[k];
              }
            if (k > 0)
              {
                d = furrow_segment_nearest (&snap->target, &previous, &q, &foot);
                if (d < snap->edge_distance)
                  {
                    snap->edge_distance = d;
                    snap->foot = foot;
                  }
              }
            previous = q;
          }
      }
}

FurrowSnapKind
furrow_snap_get_result (const FurrowSnap *snap,
                        FurrowPoint      *point)
{
  g_return_val_if_fail (snap != NULL, FURROW_SNAP_NONE);

  if (snap->vertex_distance < snap->tolerance)
    {
      *point = snap->vertex;
      return FURROW_SNAP_VERTEX;
    }
  if (snap->edge_distance < snap->tolerance)
    {
      *point = snap->foot;
      return FURROW_SNAP_EDGE;
    }
  *point = snap->target;
  return FURROW_SNAP_NONE;
}

struct _FurrowRingEdit
{
  GArray *points;   /* FurrowPoint, the ring open */
};

G_DEFINE_BOXED_TYPE (FurrowRingEdit, furrow_ring_edit, furrow_ring_edit_copy, furrow_ring_edit_free)

FurrowRingEdit *
furrow_ring_edit_new (void)
{
  FurrowRingEdit *self = g_new0 (FurrowRingEdit, 1);

  self->points = g_array_new (FALSE, FALSE, sizeof (FurrowPoint));
  return self;
}

FurrowRingEdit *
furrow_ring_edit_copy (const FurrowRingEdit *self)
{
  FurrowRingEdit *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = furrow_ring_edit_new ();
  g_array_append_vals (copy->points, self->points->data, self->points->len);
  return copy;
}

void
furrow_ring_edit_free (FurrowRingEdit *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->points);
  g_free (self);
}

void
furrow_ring_edit_clear (FurrowRingEdit *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->points, 0);
}

/* The exterior ring of the first part becomes the corners; FALSE (and nothing changes) when the
 * geometry has none. */
gboolean
furrow_ring_edit_set_geometry (FurrowRingEdit       *self,
                               const FurrowGeometry *geometry)
{
  const FurrowRing *ring;

  g_return_val_if_fail (self != NULL, FALSE);

  if (geometry == NULL || geometry->n_polygons == 0 || geometry->polygons[0].n_rings == 0)
    return FALSE;
  ring = &geometry->polygons[0].rings[0];
  g_array_set_size (self->points, 0);
  /* Stored rings are closed: leave out the repeated first point. */
  g_array_append_vals (self->points, ring->points, ring->n_points > 1 ? ring->n_points - 1 : 0);
  return TRUE;
}

guint
furrow_ring_edit_get_n_points (const FurrowRingEdit *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

const FurrowPoint *
furrow_ring_edit_get_point (const FurrowRingEdit *self,
                            guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  return &g_array_index (self->points, FurrowPoint, index);
}

void
furrow_ring_edit_append (FurrowRingEdit    *self,
                         const FurrowPoint *point)
{
  g_return_if_fail (self != NULL);

  g_array_append_vals (self->points, point, 1);
}

/* Inserts `point` before corner `index` (at the end when `index` is the number of corners). */
void
furrow_ring_edit_insert (FurrowRingEdit    *self,
                         guint              index,
                         const FurrowPoint *point)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index <= self->points->len);

  g_array_insert_vals (self->points, index, point, 1);
}

void
furrow_ring_edit_move (FurrowRingEdit    *self,
                       guint              index,
                       const FurrowPoint *point)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->points->len);

  g_array_index (self->points, FurrowPoint, index) = *point;
}

gboolean
furrow_ring_edit_delete (FurrowRingEdit *self,
                         guint           index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->points->len)
    return FALSE;
  g_array_remove_index (self->points, index);
  return TRUE;
}

guint
furrow_ring_edit_get_n_edges (const FurrowRingEdit *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->points->len < 2)
    return 0;
  return self->points->len == 2 ? 1 : self->points->len;
}

void
furrow_ring_edit_get_edge (const FurrowRingEdit  *self,
                           guint                  index,
                           const FurrowPoint    **a,
                           const FurrowPoint    **b)
{
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < furrow_ring_edit_get_n_edges (self));

  n = self->points->len;
  *a = &g_array_index (self->points, FurrowPoint, index);
  *b = &g_array_index (self->points, FurrowPoint, (index + 1) % n);
}

int
furrow_ring_edit_vertex_at (const FurrowRingEdit *self,
                            double                x,
                            double                y,
                            double                radius,
                            FurrowProjectFunc     project_func,
                            gpointer              user_data)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->points->len; i++)
    {
      double vx, vy;

      project (project_func, user_data, &g_array_index (self->points, FurrowPoint, i), &vx, &vy);
      if (hypot (vx - x, vy - y) <= radius)
        return i;
    }
  return -1;
}

int
furrow_ring_edit_edge_at (const FurrowRingEdit *self,
                          double                x,
                          double                y,
                          double                radius,
                          FurrowProjectFunc     project_func,
                          gpointer              user_data)
{
  guint n;

  g_return_val_if_fail (self != NULL, -1);

  n = furrow_ring_edit_get_n_edges (self);
  for (guint i = 0; i < n; i++)
    {
      const FurrowPoint *a, *b;
      double ax, ay, bx, by;

      furrow_ring_edit_get_edge (self, i, &a, &b);
      project (project_func, user_data, a, &ax, &ay);
      project (project_func, user_data, b, &bx, &by);
      if (hypot ((ax + bx) / 2 - x, (ay + by) / 2 - y) <= radius)
        return i;
    }
  return -1;
}

FurrowGeometry *
furrow_ring_edit_to_geometry (const FurrowRingEdit *self)
{
  g_autoptr(FurrowGeometry) geometry = NULL;
  guint polygon;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->points->len < 3)
    return NULL;
  geometry = furrow_geometry_new ();
  polygon = furrow_geometry_add_polygon (geometry);
  furrow_geometry_add_ring (geometry, polygon, (const FurrowPoint *) self->points->data,
                            self->points->len);
  return g_steal_pointer (&geometry);
}

char *
furrow_ring_edit_check (const FurrowRingEdit *self,
                        FurrowGeosContext    *ctx,
                        const char           *label)
{
  g_autoptr(FurrowGeometry) geometry = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  geometry = furrow_ring_edit_to_geometry (self);
  if (geometry == NULL)
    return NULL;
  issues = furrow_validate_geometry (ctx, label, geometry);
  if (issues == NULL || issues->len == 0)
    return NULL;
  return g_strdup (((FurrowValidationIssue *) g_ptr_array_index (issues, 0))->message);
}
