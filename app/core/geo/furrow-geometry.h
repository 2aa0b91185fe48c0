/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Plain polygon geometry shared by every layer. Coordinates are WGS84 longitude (x) and
 * latitude (y) in degrees unless a function says it works in a local metric frame.
 *
 * A FurrowGeometry is a multi-polygon; a simple polygon is a multi-polygon of one part.
 * Ring 0 of each polygon is the exterior, the others are holes. Rings are stored closed
 * (the last point repeats the first) once added with furrow_geometry_add_ring(). */

typedef struct
{
  double x;
  double y;
} FurrowPoint;

typedef struct
{
  FurrowPoint *points;
  guint        n_points;
} FurrowRing;

typedef struct
{
  FurrowRing *rings;
  guint       n_rings;
} FurrowPolygon;

typedef struct _FurrowGeometry FurrowGeometry;

struct _FurrowGeometry
{
  /*< public, read-only >*/
  FurrowPolygon *polygons;
  guint          n_polygons;

  /*< private >*/
  gatomicrefcount ref_count;
};

#define FURROW_TYPE_GEOMETRY (furrow_geometry_get_type ())

GType           furrow_geometry_get_type     (void) G_GNUC_CONST;
FurrowGeometry *furrow_geometry_new          (void);
FurrowGeometry *furrow_geometry_ref          (FurrowGeometry    *self);
void            furrow_geometry_unref        (FurrowGeometry    *self);
FurrowGeometry *furrow_geometry_copy         (const FurrowGeometry *self);
guint           furrow_geometry_add_polygon  (FurrowGeometry    *self);
void            furrow_geometry_add_ring     (FurrowGeometry    *self,
                                              guint              polygon,
                                              const FurrowPoint *points,
                                              guint              n_points);
/* The same taking ownership of `points` (g_malloc'd; grown to close the ring if needed). */
void            furrow_geometry_take_ring    (FurrowGeometry    *self,
                                              guint              polygon,
                                              FurrowPoint       *points,
                                              guint              n_points);
guint           furrow_geometry_count_points (const FurrowGeometry *self);
gboolean        furrow_geometry_get_bounds   (const FurrowGeometry *self,
                                              double            *min_x,
                                              double            *min_y,
                                              double            *max_x,
                                              double            *max_y);
gboolean        furrow_geometry_equal        (const FurrowGeometry *a,
                                              const FurrowGeometry *b);
gboolean        furrow_geometry_contains_point (const FurrowGeometry *self,
                                                double                x,
                                                double                y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowGeometry, furrow_geometry_unref)

G_END_DECLS
