/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-polygon-edit.h"
#include "furrow-test.h"

/* The square (0,0) (10,0) (10,10) (0,10), closed, in the units of the plane (no projection). */
static FurrowGeometry *
square (void)
{
  static const FurrowPoint points[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
  FurrowGeometry *geometry = furrow_geometry_new ();

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), points, 4);
  return geometry;
}

static FurrowSnapKind
snap_to_square (double       x,
                double       y,
                double       tolerance,
                FurrowPoint *point)
{
  g_autoptr(FurrowGeometry) geometry = square ();
  FurrowSnap snap;

  furrow_snap_init (&snap, x, y, tolerance, NULL, NULL);
  furrow_snap_add_geometry (&snap, geometry);
  return furrow_snap_get_result (&snap, point);
}

static void
test_segment_nearest (void)
{
  FurrowPoint a = { 0, 0 }, b = { 10, 0 }, c = { 8, 6 }, foot;

  /* Above the segment: the foot of the perpendicular, straight below. */
  g_assert_cmpfloat (furrow_segment_nearest (&(FurrowPoint) { 3, 4 }, &a, &b, &foot), ==, 4.0);
  g_assert_cmpfloat (foot.x, ==, 3.0);
  g_assert_cmpfloat (foot.y, ==, 0.0);
  /* Beyond an end: the end itself, at √(2² + 1²) = √5. */
  g_assert_cmpfloat_with_epsilon (furrow_segment_nearest (&(FurrowPoint) { -2, 1 }, &a, &b, &foot),
                                  sqrt (5), 1e-12);
  g_assert_cmpfloat (foot.x, ==, 0.0);
  g_assert_cmpfloat (foot.y, ==, 0.0);
  /* The 6-8-10 edge (0,0)–(8,6) and p = (4.6, 2.2): t = (4.6·8 + 2.2·6) / 10² = 50 / 100 = 0.5,
   * the foot (4, 3), at √(0.6² + 0.8²) = 1. */
  g_assert_cmpfloat_with_epsilon (furrow_segment_nearest (&(FurrowPoint) { 4.6, 2.2 }, &a, &c, &foot),
                                  1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (foot.x, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (foot.y, 3.0, 1e-12);
  /* A segment of no length: its point. */
  g_assert_cmpfloat (furrow_segment_nearest (&(FurrowPoint) { 3, 4 }, &a, &a, &foot), ==, 5.0);
}
FURROW_TEST ("/furrow/core/polygon-edit/segment-nearest", test_segment_nearest);

static void
test_snap_vertex (void)
{
  FurrowPoint point;

  /* (10.5, 0.3) is √(0.25 + 0.09) ≈ 0.583 from the corner (10, 0): the corner exactly. */
  g_assert_cmpint (snap_to_square (10.5, 0.3, 1.0, &point), ==, FURROW_SNAP_VERTEX);
  g_assert_cmpfloat (point.x, ==, 10.0);
  g_assert_cmpfloat (point.y, ==, 0.0);
  /* (0.3, 0.2) is 0.2 from the bottom edge but 0.36 from the corner: the corner wins. */
  g_assert_cmpint (snap_to_square (0.3, 0.2, 1.0, &point), ==, FURROW_SNAP_VERTEX);
  g_assert_cmpfloat (point.x, ==, 0.0);
  g_assert_cmpfloat (point.y, ==, 0.0);
}
FURROW_TEST ("/furrow/core/polygon-edit/snap-vertex", test_snap_vertex);

static void
test_snap_outside (void)
{
  FurrowPoint point;

  /* (12, 0) is 2 from the corner (10, 0) and from every edge: beyond a tolerance of 1. */
  g_assert_cmpint (snap_to_square (12, 0, 1.0, &point), ==, FURROW_SNAP_NONE);
  g_assert_cmpfloat (point.x, ==, 12.0);
  g_assert_cmpfloat (point.y, ==, 0.0);
  /* Exactly at the tolerance does not snap (closer than, not as close as). */
  g_assert_cmpint (snap_to_square (11, 0, 1.0, &point), ==, FURROW_SNAP_NONE);
  g_assert_cmpfloat (point.x, ==, 11.0);
}
FURROW_TEST ("/furrow/core/polygon-edit/snap-outside", test_snap_outside);

static void
test_snap_edge (void)
{
  static const FurrowPoint triangle[] = { { 0, 0 }, { 8, 6 }, { 8, 0 } };
  g_autoptr(FurrowGeometry) geometry = furrow_geometry_new ();
  FurrowPoint point;
  FurrowSnap snap;

  /* (5, 0.4): 0.4 above the bottom edge, at least 5 from a corner: the foot (5, 0). */
  g_assert_cmpint (snap_to_square (5, 0.4, 1.0, &point), ==, FURROW_SNAP_EDGE);
  g_assert_cmpfloat (point.x, ==, 5.0);
  g_assert_cmpfloat (point.y, ==, 0.0);

  /* The slanted edge (0,0)–(8,6): from (4.6, 2.2) the foot is (4, 3) at 1 (test_segment_nearest);
   * the corners are √(4.6² + 2.2²) ≈ 5.1 and more away. */
  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), triangle, 3);
  furrow_snap_init (&snap, 4.6, 2.2, 1.5, NULL, NULL);
  furrow_snap_add_geometry (&snap, geometry);
  g_assert_cmpint (furrow_snap_get_result (&snap, &point), ==, FURROW_SNAP_EDGE);
  g_assert_cmpfloat_with_epsilon (point.x, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (point.y, 3.0, 1e-12);
}
FURROW_TEST ("/furrow/core/polygon-edit/snap-edge", test_snap_edge);

/* 100 plane units (pixels) per unit of the points, y down as on a screen. */
static void
scale_100 (const FurrowPoint *point,
           double            *x,
           double            *y,
           gpointer           user_data)
{
  *x = point->x * 100;
  *y = -point->y * 100;
}

static void
test_snap_projected (void)
{
  g_autoptr(FurrowGeometry) geometry = square ();
  FurrowPoint point;
  FurrowSnap snap;

  /* The corner (10, 0) is at pixel (1000, 0); (1004, -3) is 5 px from it, within 8 px: the
   * corner as stored, not its pixel. */
  furrow_snap_init (&snap, 1004, -3, 8, scale_100, NULL);
  furrow_snap_add_geometry (&snap, geometry);
  g_assert_cmpint (furrow_snap_get_result (&snap, &point), ==, FURROW_SNAP_VERTEX);
  g_assert_cmpfloat (point.x, ==, 10.0);
  g_assert_cmpfloat (point.y, ==, 0.0);

  /* (500, -6) is 6 px above the bottom edge, pixel (500, 0) its foot, in the plane. */
  furrow_snap_init (&snap, 500, -6, 8, scale_100, NULL);
  furrow_snap_add_geometry (&snap, geometry);
  g_assert_cmpint (furrow_snap_get_result (&snap, &point), ==, FURROW_SNAP_EDGE);
  g_assert_cmpfloat (point.x, ==, 500.0);
  g_assert_cmpfloat (point.y, ==, 0.0);

  /* No geometry, or one too far: the point itself. */
  furrow_snap_init (&snap, 500, -60, 8, scale_100, NULL);
  furrow_snap_add_geometry (&snap, NULL);
  furrow_snap_add_geometry (&snap, geometry);
  g_assert_cmpint (furrow_snap_get_result (&snap, &point), ==, FURROW_SNAP_NONE);
  g_assert_cmpfloat (point.x, ==, 500.0);
  g_assert_cmpfloat (point.y, ==, -60.0);
}
FURROW_TEST ("/furrow/core/polygon-edit/snap-projected", test_snap_projected);

/* The ring of the edit's polygon is closed: one point more than the corners, the last the first. */
static void
assert_closed (FurrowRingEdit *edit)
{
  g_autoptr(FurrowGeometry) geometry = furrow_ring_edit_to_geometry (edit);
  guint n = furrow_ring_edit_get_n_points (edit);
  const FurrowRing *ring;

  g_assert_nonnull (geometry);
  g_assert_cmpuint (geometry->n_polygons, ==, 1);
  g_assert_cmpuint (geometry->polygons[0].n_rings, ==, 1);
  ring = &geometry->polygons[0].rings[0];
  g_assert_cmpuint (ring->n_points, ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (ring->points[i].x, ==, furrow_ring_edit_get_point (edit, i)->x);
      g_assert_cmpfloat (ring->points[i].y, ==, furrow_ring_edit_get_point (edit, i)->y);
    }
  g_assert_cmpfloat (ring->points[n].x, ==, ring->points[0].x);
  g_assert_cmpfloat (ring->points[n].y, ==, ring->points[0].y);
}

static void
test_ring_edits (void)
{
  g_autoptr(FurrowRingEdit) edit = furrow_ring_edit_new ();
  g_autoptr(FurrowRingEdit) copy = NULL;
  g_autoptr(FurrowGeometry) geometry = square ();

  g_assert_null (furrow_ring_edit_to_geometry (edit));
  g_assert_cmpuint (furrow_ring_edit_get_n_edges (edit), ==, 0);
  furrow_ring_edit_append (edit, &(FurrowPoint) { 0, 0 });
  g_assert_cmpuint (furrow_ring_edit_get_n_edges (edit), ==, 0);
  furrow_ring_edit_append (edit, &(FurrowPoint) { 10, 0 });
  /* Two corners: one edge, no closing edge yet, and no polygon. */
  g_assert_cmpuint (furrow_ring_edit_get_n_edges (edit), ==, 1);
  g_assert_null (furrow_ring_edit_to_geometry (edit));
  furrow_ring_edit_append (edit, &(FurrowPoint) { 10, 10 });
  g_assert_cmpuint (furrow_ring_edit_get_n_edges (edit), ==, 3);
  assert_closed (edit);

  /* Insert (0, 10) after (10, 10): the square, closed with 5 points. */
  furrow_ring_edit_insert (edit, 3, &(FurrowPoint) { 0, 10 });
  g_assert_cmpuint (furrow_ring_edit_get_n_points (edit), ==, 4);
  assert_closed (edit);
  {
    g_autoptr(FurrowGeometry) drawn = furrow_ring_edit_to_geometry (edit);

    g_assert_true (furrow_geometry_equal (drawn, geometry));
  }

  /* Insert in the middle of the bottom edge, then move it down. */
  furrow_ring_edit_insert (edit, 1, &(FurrowPoint) { 5, 0 });
  furrow_ring_edit_move (edit, 1, &(FurrowPoint) { 5, -2 });
  g_assert_cmpuint (furrow_ring_edit_get_n_points (edit), ==, 5);
  g_assert_cmpfloat (furrow_ring_edit_get_point (edit, 1)->y, ==, -2.0);
  g_assert_cmpfloat (furrow_ring_edit_get_point (edit, 2)->x, ==, 10.0);
  assert_closed (edit);

  copy = furrow_ring_edit_copy (edit);

  /* Delete the first corner: the ring closes on the new first one. */
  g_assert_true (furrow_ring_edit_delete (edit, 0));
  g_assert_cmpfloat (furrow_ring_edit_get_point (edit, 0)->x, ==, 5.0);
  assert_closed (edit);
  g_assert_false (furrow_ring_edit_delete (edit, 4));
  g_assert_cmpuint (furrow_ring_edit_get_n_points (edit), ==, 4);
  /* The copy is independent. */
  g_assert_cmpuint (furrow_ring_edit_get_n_points (copy), ==, 5);

  /* Down to two corners: no polygon. */
  g_assert_true (furrow_ring_edit_delete (edit, 3));
  g_assert_true (furrow_ring_edit_delete (edit, 2));
  g_assert_null (furrow_ring_edit_to_geometry (edit));
  furrow_ring_edit_clear (edit);
  g_assert_cmpuint (furrow_ring_edit_get_n_points (edit), ==, 0);
}
FURROW_TEST ("/furrow/core/polygon-edit/ring-edits", test_ring_edits);

static void
test_ring_from_geometry (void)
{
  g_autoptr(FurrowRingEdit) edit = furrow_ring_edit_new ();
  g_autoptr(FurrowGeometry) geometry = square ();
  g_autoptr(FurrowGeometry) empty = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) again = NULL;

  /* The stored ring has 5 points, the closing one repeated: 4 corners. */
  g_assert_true (furrow_ring_edit_set_geometry (edit, geometry));
  g_assert_cmpuint (furrow_ring_edit_get_n_points (edit), ==, 4);
  g_assert_cmpfloat (furrow_ring_edit_get_point (edit, 3)->y, ==, 10.0);
  again = furrow_ring_edit_to_geometry (edit);
  g_assert_true (furrow_geometry_equal (again, geometry));

  g_assert_false (furrow_ring_edit_set_geometry (edit, empty));
  g_assert_false (furrow_ring_edit_set_geometry (edit, NULL));
  g_assert_cmpuint (furrow_ring_edit_get_n_points (edit), ==, 4);
}
FURROW_TEST ("/furrow/core/polygon-edit/ring-from-geometry", test_ring_from_geometry);

static void
test_ring_hits (void)
{
  g_autoptr(FurrowRingEdit) edit = furrow_ring_edit_new ();
  g_autoptr(FurrowGeometry) geometry = square ();

  furrow_ring_edit_set_geometry (edit, geometry);
  /* Corners: (10, 0) at pixel (1000, 0); 6 px away is within 8, 9 px is not. */
  g_assert_cmpint (furrow_ring_edit_vertex_at (edit, 1006, 0, 8, scale_100, NULL), ==, 1);
  g_assert_cmpint (furrow_ring_edit_vertex_at (edit, 1009, 0, 8, scale_100, NULL), ==, -1);
  /* Middles: bottom (500, 0) is edge 0, right (1000, -500) edge 1, the closing edge (0, -500)
   * edge 3. */
  g_assert_cmpint (furrow_ring_edit_edge_at (edit, 503, 4, 7, scale_100, NULL), ==, 0);
  g_assert_cmpint (furrow_ring_edit_edge_at (edit, 1000, -500, 7, scale_100, NULL), ==, 1);
  g_assert_cmpint (furrow_ring_edit_edge_at (edit, 0, -500, 7, scale_100, NULL), ==, 3);
  g_assert_cmpint (furrow_ring_edit_edge_at (edit, 250, 0, 7, scale_100, NULL), ==, -1);
  /* Without a projection, in the points' own units. */
  g_assert_cmpint (furrow_ring_edit_vertex_at (edit, 0.1, 9.9, 0.5, NULL, NULL), ==, 3);
}
FURROW_TEST ("/furrow/core/polygon-edit/ring-hits", test_ring_hits);

/* A field-sized square near Weifang, 0.002° a side (as test-validate). */
#define SQ_W 119.400
#define SQ_E 119.402
#define SQ_S 36.510
#define SQ_N 36.512

static void
test_ring_check (void)
{
  g_autoptr(FurrowRingEdit) edit = furrow_ring_edit_new ();
  g_autofree char *valid = NULL;
  g_autofree char *crossed = NULL;

  furrow_ring_edit_append (edit, &(FurrowPoint) { SQ_W, SQ_S });
  furrow_ring_edit_append (edit, &(FurrowPoint) { SQ_E, SQ_S });
  g_assert_null (furrow_ring_edit_check (edit, NULL, "New field"));
  furrow_ring_edit_append (edit, &(FurrowPoint) { SQ_E, SQ_N });
  furrow_ring_edit_append (edit, &(FurrowPoint) { SQ_W, SQ_N });
  valid = furrow_ring_edit_check (edit, NULL, "New field");
  g_assert_null (valid);

  /* Swapping the second and third corners gives A(W,S) B(E,N) C(E,S) D(W,N): edges AB and CD are
   * the square's diagonals and cross at its centre, by hand (119.401, 36.511). */
  furrow_ring_edit_move (edit, 1, &(FurrowPoint) { SQ_E, SQ_N });
  furrow_ring_edit_move (edit, 2, &(FurrowPoint) { SQ_E, SQ_S });
  crossed = furrow_ring_edit_check (edit, NULL, "New field");
  g_assert_cmpstr (crossed, ==, "New field: self-intersection at 119.401 E 36.511 N");
}
FURROW_TEST ("/furrow/core/polygon-edit/ring-check", test_ring_check);

FURROW_TEST_MAIN (.locale = "C.UTF-8");
