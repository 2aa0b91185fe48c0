/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-geometry.h"
#include "furrow-geos.h"

G_BEGIN_DECLS

/* Drawing and reshaping a field's outline, without the map (docs/architecture.md, Map: only the
 * polygon being edited is drawn live, by the field editor layer, which calls these).
 *
 * The hit tests and the snapping measure distances in a plane the caller chooses — the map
 * widget's pixels — through a FurrowProjectFunc that takes a lon/lat point there; a NULL
 * function measures in the points' own coordinates. */

typedef void (*FurrowProjectFunc) (const FurrowPoint *point,
                                   double            *x,
                                   double            *y,
                                   gpointer           user_data);

/* The point of the segment a–b nearest to p (the foot of the perpendicular, or an end when the
 * foot falls outside the segment) in `foot`; returns the distance from p to it. */
double furrow_segment_nearest (const FurrowPoint *p,
                               const FurrowPoint *a,
                               const FurrowPoint *b,
                               FurrowPoint       *foot);

/* Snapping a point to the corners and edges of other polygons: a corner closer than the
 * tolerance wins (the point becomes that corner exactly, so two fields share it); failing that,
 * the nearest point of an edge closer than the tolerance. */
typedef enum
{
  FURROW_SNAP_NONE,
  FURROW_SNAP_VERTEX,   /* the result is the corner, as stored (lon/lat) */
  FURROW_SNAP_EDGE,     /* the result is the nearest point of the edge, in the plane */
} FurrowSnapKind;

typedef struct
{
  /*< private >*/
  FurrowPoint       target;     /* in the plane */
  double            tolerance;
  FurrowProjectFunc project;
  gpointer          user_data;
  double            vertex_distance;
  FurrowPoint       vertex;
  double            edge_distance;
  FurrowPoint       foot;
} FurrowSnap;

void           furrow_snap_init         (FurrowSnap           *snap,
                                         double                x,
                                         double                y,
                                         double                tolerance,
                                         FurrowProjectFunc     project,
                                         gpointer              user_data);
void           furrow_snap_add_geometry (FurrowSnap           *snap,
                                         const FurrowGeometry *geometry);
FurrowSnapKind furrow_snap_get_result   (const FurrowSnap     *snap,
                                         FurrowPoint          *point);

/* The outline being drawn: an open ring of lon/lat corners (the closing point is not repeated),
 * with the edits the editor offers and the checks of the polygon it makes. */
typedef struct _FurrowRingEdit FurrowRingEdit;

#define FURROW_TYPE_RING_EDIT (furrow_ring_edit_get_type ())

GType              furrow_ring_edit_get_type     (void) G_GNUC_CONST;
FurrowRingEdit    *furrow_ring_edit_new          (void);
FurrowRingEdit    *furrow_ring_edit_copy         (const FurrowRingEdit *self);
void               furrow_ring_edit_free         (FurrowRingEdit       *self);

void               furrow_ring_edit_clear        (FurrowRingEdit       *self);
gboolean           furrow_ring_edit_set_geometry (FurrowRingEdit       *self,
                                                  const FurrowGeometry *geometry);
guint              furrow_ring_edit_get_n_points (const FurrowRingEdit *self);
const FurrowPoint *furrow_ring_edit_get_point    (const FurrowRingEdit *self,
                                                  guint                 index);
void               furrow_ring_edit_append       (FurrowRingEdit       *self,
                                                  const FurrowPoint    *point);
void               furrow_ring_edit_insert       (FurrowRingEdit       *self,
                                                  guint                 index,
                                                  const FurrowPoint    *point);
void               furrow_ring_edit_move         (FurrowRingEdit       *self,
                                                  guint                 index,
                                                  const FurrowPoint    *point);
gboolean           furrow_ring_edit_delete       (FurrowRingEdit       *self,
                                                  guint                 index);

/* The edges that carry a middle handle (one for two corners, the closing edge included from
 * three on) and the corners of edge `index`. */
guint              furrow_ring_edit_get_n_edges  (const FurrowRingEdit *self);
void               furrow_ring_edit_get_edge     (const FurrowRingEdit *self,
                                                  guint                 index,
                                                  const FurrowPoint   **a,
                                                  const FurrowPoint   **b);

/* The first corner, or the first edge's middle, within `radius` of (x, y) in the plane; -1. */
int                furrow_ring_edit_vertex_at    (const FurrowRingEdit *self,
                                                  double                x,
                                                  double                y,
                                                  double                radius,
                                                  FurrowProjectFunc     project,
                                                  gpointer              user_data);
int                furrow_ring_edit_edge_at      (const FurrowRingEdit *self,
                                                  double                x,
                                                  double                y,
                                                  double                radius,
                                                  FurrowProjectFunc     project,
                                                  gpointer              user_data);

/* The polygon, its ring closed; NULL with fewer than three corners. */
FurrowGeometry    *furrow_ring_edit_to_geometry  (const FurrowRingEdit *self);

/* Why the polygon cannot be saved (furrow_validate_geometry's first sentence, labelled `label`),
 * NULL when it can or while it has fewer than three corners. `ctx` may be NULL. */
char              *furrow_ring_edit_check        (const FurrowRingEdit *self,
                                                  FurrowGeosContext    *ctx,
                                                  const char           *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowRingEdit, furrow_ring_edit_free)

G_END_DECLS
