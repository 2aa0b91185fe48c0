/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-layout.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "furrow-geodesy.h"
#include "furrow-geos.h"
#include "furrow-local-frame.h"

G_DEFINE_QUARK (furrow-layout-error-quark, furrow_layout_error)

/* A row piece shorter than this is not sown (a tractor cannot drill 1 cm of row). */
#define MIN_ROW_PIECE_M 0.01

typedef struct
{
  double x1, y1, x2, y2;
  double xmin, xmax;
} Edge;

typedef struct
{
  const FurrowRing *ring;
  double            xmin, xmax, ymin, ymax;
  double            abs_area_m2;
  gboolean          hole;
  /* the ring clipped to the current unit, then to the current row's band, x only */
  FurrowPoint      *unit;
  guint             n_unit;
  gboolean          unit_whole;
  FurrowPoint      *slab;
  guint             n_slab;
  double            slab_ymin, slab_ymax;
  gboolean          slab_whole;   /* the ring lies inside the band: no clipping needed */
} RingInfo;

typedef struct
{
  double ymin, ymax;
  gboolean any;
} Extent;

static int
compare_edges (const void *a,
               const void *b)
{
  const Edge *ea = a, *eb = b;

  return (ea->xmin > eb->xmin) - (ea->xmin < eb->xmin);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
ring_signed_area (const FurrowPoint *p,
                  guint              n)
{
  double sum = 0.0;

  for (guint i = 0; i + 1 < n; i++)
    sum += p[i].x * p[i + 1].y - p[i + 1].x * p[i].y;
  if (n > 0 && (p[0].x != p[n - 1].x || p[0].y != p[n - 1].y))
    sum += p[n - 1].x * p[0].y - p[0].x * p[n - 1].y;
  return sum / 2.0;
}

/* Azimuth of the longest edge of any exterior ring, in the local (north-up) frame. */
static double
longest_edge_azimuth (const FurrowGeometry *local)
{
  double best = -1.0, az = 0.0;

  for (guint p = 0; p < local->n_polygons; p++)
    {
      const FurrowRing *ring;

      if (local->polygons[p].n_rings == 0)
        continue;
      ring = &local->polygons[p].rings[0];
      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          double dx = ring->points[i + 1].x - ring->points[i].x;
          double dy = ring->points[i + 1].y - ring->points[i].y;
          double len2 = dx * dx + dy * dy;

          if (len2 > best)
            {
              best = len2;
              az = atan2 (dx, dy) * 180.0 / G_PI;
            }
        }
    }
  return az;
}

static double
normalize_azimuth (double az)
{
  az = fmod (az, 180.0);
  if (az < 0.0)
    az += 180.0;
  if (az >= 180.0)
    az = 0.0;
  return az;
}

static FurrowGeometry *
to_local (const FurrowGeometry *field,
          FurrowLocalFrame     *frame)
{
  FurrowGeometry *local = furrow_geometry_copy (field);

  for (guint p = 0; p < local->n_polygons; p++)
    for (guint r = 0; r < local->polygons[p].n_rings; r++)
      {
        FurrowRing *ring = &local->polygons[p].rings[r];

        furrow_local_frame_forward (frame, ring->points, ring->points, ring->n_points);
      }
  return local;
}

static gboolean
field_centre (const FurrowGeometry *field,
              double               *lon,
              double               *lat)
{
  double x0, y0, x1, y1;

  if (field == NULL || !furrow_geometry_get_bounds (field, &x0, &y0, &x1, &y1))
    return FALSE;
  *lon = (x0 + x1) / 2.0;
  *lat = (y0 + y1) / 2.0;
  return isfinite (*lon) && isfinite (*lat);
}

static void
rotate_points (FurrowPoint *pts,
               guint        n,
               double       c,
               double       s)
{
  for (guint i = 0; i < n; i++)
    {
      double x = pts[i].x, y = pts[i].y;

      pts[i].x = x * c - y * s;
      pts[i].y = x * s + y * c;
    }
}

/* Inward buffer of the whole outline (holes grow) by `margin_m`, in the local frame. */
static FurrowGeometry *
remove_margin (const FurrowGeometry *local,
               double                margin_m,
               GError              **error)
{
  g_autoptr(FurrowGeosContext) ctx = furrow_geos_context_new ();
  GEOSContextHandle_t h = furrow_geos_context_get_handle (ctx);
  GEOSGeometry *g, *buffered;
  FurrowGeometry *out;

  g = furrow_geometry_to_geos (ctx, local);
  if (g == NULL)
    {
      g_set_error (error, FURROW_LAYOUT_ERROR, FURROW_LAYOUT_ERROR_FAILED,
                   _("the field outline cannot be used: %s"), furrow_geos_context_get_error (ctx));
      return NULL;
    }
  buffered = GEOSBuffer_r (h, g, -margin_m, 8);
  GEOSGeom_destroy_r (h, g);
  if (buffered == NULL)
    {
      g_set_error (error, FURROW_LAYOUT_ERROR, FURROW_LAYOUT_ERROR_FAILED,
                   _("the edge margin cannot be removed: %s"), furrow_geos_context_get_error (ctx));
      return NULL;
    }
  out = furrow_geometry_from_geos (ctx, buffered);
  GEOSGeom_destroy_r (h, buffered);
  return out;
}

/* Sutherland–Hodgman against one axis-aligned half-plane: keep points with
 * sign × coordinate ≤ sign × limit (axis 0 = x, 1 = y). */
static guint
clip_half (const FurrowPoint *in,
           guint              n,
           FurrowPoint       *out,
           int                axis,
           double             limit,
           double             sign)
{
  const double *v = axis == 0 ? &in[0].x : &in[0].y;
  double lim = sign * limit;
  const FurrowPoint *p;
  double pv;
  gboolean p_in;
  guint m = 0;

  if (n == 0)
    return 0;
  /* walk the edges (p → q), starting with the closing edge from the last point */
  p = &in[n - 1];
  pv = v[2 * (n - 1)];
  p_in = sign * pv <= lim;
  for (guint i = 0; i < n; i++)
    {
      const FurrowPoint *q = &in[i];
      double qv = v[2 * i];
      gboolean q_in = sign * qv <= lim;

      if (p_in != q_in)
        {
          double t = (limit - pv) / (qv - pv);

          out[m].x = p->x + t * (q->x - p->x);
          out[m].y = p->y + t * (q->y - p->y);
          m++;
        }
      if (q_in)
        out[m++] = *q;
      p = q;
      pv = qv;
      p_in = q_in;
    }
  return m;
}

static void
clear_ring_info (gpointer data)
{
  RingInfo *ri = data;

  g_clear_pointer (&ri->slab, g_free);
  g_clear_pointer (&ri->unit, g_free);
}

/* Clips the ring to the unit [x0, x1] once per strip unit: the rows of the unit then clip only
 * that part of the ring. */
static void
unit_clip (RingInfo    *ri,
           double       x0,
           double       x1,
           FurrowPoint *buf)
{
  guint n;

  ri->n_unit = 0;
  ri->unit_whole = FALSE;
  if (ri->xmax <= x0 || ri->xmin >= x1)
    return;
  if (ri->xmin >= x0 && ri->xmax <= x1)
    {
      ri->unit_whole = TRUE;
      return;
    }
  n = clip_half (ri->ring->points, ri->ring->n_points - 1, buf, 0, x1, 1.0);
  ri->n_unit = clip_half (buf, n, ri->unit, 0, x0, -1.0);
}

/* Clips the ring to the band [x0, x1] once per row (two Sutherland–Hodgman stages over the
 * whole ring); the pieces of the row then clip only that small polygon in y. */
static void
slab_clip (RingInfo    *ri,
           double       x0,
           double       x1,
           FurrowPoint *buf)
{
  const FurrowPoint *src = ri->unit_whole ? ri->ring->points : ri->unit;
  guint n = ri->unit_whole ? ri->ring->n_points - 1 : ri->n_unit;

  ri->n_slab = 0;
  ri->slab_whole = FALSE;
  if (ri->xmax <= x0 || ri->xmin >= x1 || n < 3)
    return;
  if (ri->xmin >= x0 && ri->xmax <= x1)
    {
      ri->slab_whole = TRUE;
      return;
    }
  n = clip_half (src, n, buf, 0, x1, 1.0);
  n = clip_half (buf, n, ri->slab, 0, x0, -1.0);
  ri->n_slab = n;
  ri->slab_ymin = G_MAXDOUBLE;
  ri->slab_ymax = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      ri->slab_ymin = MIN (ri->slab_ymin, ri->slab[i].y);
      ri->slab_ymax = MAX (ri->slab_ymax, ri->slab[i].y);
    }
}

/* Area of the ring inside the current band and [y0, y1]. */
static double
slab_area (const RingInfo *ri,
           double          y0,
           double          y1,
           FurrowPoint    *buf_a,
           FurrowPoint    *buf_b)
{
  const FurrowPoint *pts;
  guint n;
  double ymin, ymax;

  if (ri->slab_whole)
    {
      pts = ri->ring->points;
      n = ri->ring->n_points - 1;
      ymin = ri->ymin;
      ymax = ri->ymax;
    }
  else
    {
      pts = ri->slab;
      n = ri->n_slab;
      ymin = ri->slab_ymin;
      ymax = ri->slab_ymax;
    }
  if (n < 3 || ymax <= y0 || ymin >= y1)
    return 0.0;
  if (ymin >= y0 && ymax <= y1)
    return fabs (ring_signed_area (pts, n));
  n = clip_half (pts, n, buf_a, 1, y1, 1.0);
  n = clip_half (buf_a, n, buf_b, 1, y0, -1.0);
  return fabs (ring_signed_area (buf_b, n));
}

/* Whether no edge touches the rectangle [x0, x1] × [y0, y1] (touching counts): each edge's
 * y-range over its part inside [x0, x1] against [y0, y1]. */
static gboolean
band_is_clear (const Edge  *edges,
               const guint *idx,
               guint        n_idx,
               double       x0,
               double       x1,
               double       y0,
               double       y1)
{
  for (guint k = 0; k < n_idx; k++)
    {
      const Edge *e = &edges[idx[k]];
      double lo, hi;

      if (e->xmax < x0 || e->xmin > x1)
        continue;
      if (e->x1 == e->x2)
        {
          lo = MIN (e->y1, e->y2);
          hi = MAX (e->y1, e->y2);
        }
      else
        {
          double u0 = MAX (x0, e->xmin), u1 = MIN (x1, e->xmax);
          double slope = (e->y2 - e->y1) / (e->x2 - e->x1);
          double v0 = e->y1 + (u0 - e->x1) * slope;
          double v1 = e->y1 + (u1 - e->x1) * slope;

          lo = MIN (v0, v1);
          hi = MAX (v0, v1);
        }
      if (hi >= y0 && lo <= y1)
        return FALSE;
    }
  return TRUE;
}

/* Crossings of the vertical line x = c with the edges (half-open rule, so a vertex on the
 * line counts once), sorted. */
static void
scan_edges (const Edge *edges,
            const guint *idx,
            guint        n_idx,
            double       c,
            GArray      *ys)
{
  g_array_set_size (ys, 0);
  for (guint k = 0; k < n_idx; k++)
    {
      const Edge *e = &edges[idx[k]];

      if ((e->x1 <= c && c < e->x2) || (e->x2 <= c && c < e->x1))
        {
          double y = e->y1 + (c - e->x1) * (e->y2 - e->y1) / (e->x2 - e->x1);

          g_array_append_val (ys, y);
        }
    }
  if (ys->len > 1)
    qsort (ys->data, ys->len, sizeof (double), compare_doubles);
}

static void
to_wgs84 (FurrowLocalFrame *frame,
          double            c,
          double            s,
          double            x,
          double            y,
          FurrowPoint      *out)
{
  FurrowPoint p;

  /* undo the rotation: x = x' cos θ + y' sin θ, y = −x' sin θ + y' cos θ */
  p.x = x * c + y * s;
  p.y = -x * s + y * c;
  furrow_local_frame_inverse (frame, &p, out, 1);
}

FurrowLayout *
furrow_layout_compute (const FurrowGeometry *field,
                       const FurrowPattern  *pattern,
                       FurrowLayoutFlags     flags,
                       GError              **error)
{
  g_autoptr(FurrowLayout) self = NULL;
  g_autoptr(FurrowLocalFrame) frame = NULL;
  g_autoptr(FurrowGeometry) local = NULL;
  g_autoptr(FurrowGeometry) sowable = NULL;
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GArray) rings = NULL;
  g_autoptr(GArray) ys = NULL;
  g_autoptr(GArray) active = NULL;
  g_autofree FurrowPoint *buf_a = NULL;
  g_autofree FurrowPoint *buf_b = NULL;
  g_autofree Extent *extents = NULL;
  g_autofree gboolean *sown = NULL;
  FurrowPatternRow rows[2 * FURROW_PATTERN_MAX_ROWS];
  g_autoptr(GError) local_error = NULL;
  guint n_rows, n_units, next_edge = 0, max_ring = 0;
  gboolean unit_clipped = FALSE;
  double lon0, lat0, theta, c, s, w, h;
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE;
  gboolean geometry = !(flags & FURROW_LAYOUT_QUANTITIES_ONLY);

  g_return_val_if_fail (pattern != NULL, NULL);

  if (!furrow_pattern_validate (pattern, &local_error))
    {
      g_set_error (error, FURROW_LAYOUT_ERROR, FURROW_LAYOUT_ERROR_INVALID_PATTERN,
                   "%s", local_error->message);
      return NULL;
    }
  if (!field_centre (field, &lon0, &lat0))
    {
      g_set_error (error, FURROW_LAYOUT_ERROR, FURROW_LAYOUT_ERROR_EMPTY_FIELD,
                   _("the field has no outline"));
      return NULL;
    }
  frame = furrow_local_frame_new (lon0, lat0, error);
  if (frame == NULL)
    return NULL;

  self = g_new0 (FurrowLayout, 1);
  self->pattern = *pattern;
  self->unit_width_m = w = furrow_pattern_unit_width_m (pattern);
  self->headland_m = h = furrow_pattern_headland_m (pattern);
  self->field_area_m2 = furrow_geodesy_area_m2 (field);
  if (geometry)
    {
      self->rows = g_array_new (FALSE, FALSE, sizeof (FurrowRowSegment));
      self->guidance = g_array_new (FALSE, FALSE, sizeof (FurrowGuidanceLine));
    }

  local = to_local (field, frame);
  if (pattern->orientation == FURROW_ORIENTATION_LONGEST_EDGE)
    theta = normalize_azimuth (longest_edge_azimuth (local));
  else if (pattern->orientation == FURROW_ORIENTATION_AZIMUTH)
    theta = normalize_azimuth (pattern->azimuth_deg);
  else
    theta = 0.0;
  self->azimuth_deg = theta;
  c = cos (theta * G_PI / 180.0);
  s = sin (theta * G_PI / 180.0);

  /* Rotate so the rows run along +y: the row direction (sin θ, cos θ) maps to (0, 1). */
  for (guint p = 0; p < local->n_polygons; p++)
    for (guint r = 0; r < local->polygons[p].n_rings; r++)
      rotate_points (local->polygons[p].rings[r].points, local->polygons[p].rings[r].n_points,
                     c, s);

  if (pattern->margin_m > 0.0)
    {
      sowable = remove_margin (local, pattern->margin_m, error);
      if (sowable == NULL)
        return NULL;
    }
  else
    {
      sowable = furrow_geometry_ref (local);
    }

  /* Edges and rings of the sowable area. */
  edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  rings = g_array_new (FALSE, FALSE, sizeof (RingInfo));
  g_array_set_clear_func (rings, clear_ring_info);
  for (guint p = 0; p < sowable->n_polygons; p++)
    for (guint r = 0; r < sowable->polygons[p].n_rings; r++)
      {
        const FurrowRing *ring = &sowable->polygons[p].rings[r];
        RingInfo ri = { ring, G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, 0.0, r > 0,
                        NULL, 0, FALSE, NULL, 0, 0.0, 0.0, FALSE };

        if (ring->n_points < 4)
          continue;
        for (guint i = 0; i < ring->n_points; i++)
          {
            ri.xmin = MIN (ri.xmin, ring->points[i].x);
            ri.xmax = MAX (ri.xmax, ring->points[i].x);
            ri.ymin = MIN (ri.ymin, ring->points[i].y);
            ri.ymax = MAX (ri.ymax, ring->points[i].y);
          }
        for (guint i = 0; i + 1 < ring->n_points; i++)
          {
            Edge e = { ring->points[i].x, ring->points[i].y,
                       ring->points[i + 1].x, ring->points[i + 1].y, 0, 0 };

            /* edges parallel to the rows stay: scan_edges() never counts them (half-open rule)
             * but band_is_clear() must see them */
            e.xmin = MIN (e.x1, e.x2);
            e.xmax = MAX (e.x1, e.x2);
            g_array_append_val (edges, e);
          }
        ri.abs_area_m2 = fabs (ring_signed_area (ring->points, ring->n_points));
        self->sowable_area_m2 += ri.hole ? -ri.abs_area_m2 : ri.abs_area_m2;
        x_min = MIN (x_min, ri.xmin);
        x_max = MAX (x_max, ri.xmax);
        max_ring = MAX (max_ring, ring->n_points);
        ri.slab = g_new (FurrowPoint, 6 * ring->n_points + 16);
        ri.unit = g_new (FurrowPoint, 3 * ring->n_points + 16);
        g_array_append_val (rings, ri);
      }
  if (edges->len > 1)
    qsort (edges->data, edges->len, sizeof (Edge), compare_edges);

  if (edges->len == 0 || !(x_max > x_min))
    return g_steal_pointer (&self);   /* nothing sowable: all quantities zero */

  /* Sutherland–Hodgman against one half-plane replaces each run of r ≥ 1 outside points by
   * two crossings, and there are at most m / 2 runs: m points become at most 1.5 m. Six stages
   * (unit, band, y-range; two each) stay under 1.5⁶ n < 12 n: buffers of 12 n + 16 points, the
   * unit (two stages) 3 n + 16, the band (four) 6 n + 16. */
  buf_a = g_new (FurrowPoint, 12 * max_ring + 16);
  buf_b = g_new (FurrowPoint, 12 * max_ring + 16);

  n_rows = furrow_pattern_rows (pattern, rows);
  n_units = (guint) ceil ((x_max - x_min) / w) + 1;
  extents = g_new0 (Extent, n_units);
  sown = g_new0 (gboolean, n_units);
  ys = g_array_new (FALSE, FALSE, sizeof (double));
  active = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < n_units; k++)
    for (guint slot = 0; slot < n_rows; slot++)
      {
        const FurrowPatternRow *row = &rows[slot];
        double x = x_min + k * w + row->offset_m;
        gboolean clipped = FALSE;
        guint j = 0;

        if (slot == 0)
          unit_clipped = FALSE;

        if (x >= x_max)
          break;

        /* Active edge list: the edges that reach into the row's band. The bands tile the x axis
         * left to right, so edges enter in xmin order and leave for good. */
        while (next_edge < edges->len &&
               g_array_index (edges, Edge, next_edge).xmin <= x + row->band_right_m)
          {
            g_array_append_val (active, next_edge);
            next_edge++;
          }
        for (guint a = 0; a < active->len; a++)
          {
            guint e = g_array_index (active, guint, a);

            if (g_array_index (edges, Edge, e).xmax >= x - row->band_left_m)
              g_array_index (active, guint, j++) = e;
          }
        g_array_set_size (active, j);

        scan_edges ((const Edge *) edges->data, (const guint *) active->data, active->len, x, ys);

        for (guint i = 0; i + 1 < ys->len; i += 2)
          {
            double y0 = g_array_index (ys, double, i);
            double y1 = g_array_index (ys, double, i + 1);
            double ya = y0 + h, yb = y1 - h;
            double band = 0.0;
            FurrowCropQuantities *q = &self->crop[row->crop];

            if (!extents[k].any)
              {
                extents[k].ymin = y0;
                extents[k].ymax = y1;
                extents[k].any = TRUE;
              }
            extents[k].ymin = MIN (extents[k].ymin, y0);
            extents[k].ymax = MAX (extents[k].ymax, y1);

            if (yb - ya < MIN_ROW_PIECE_M)
              continue;

            if (band_is_clear ((const Edge *) edges->data, (const guint *) active->data,
                               active->len, x - row->band_left_m, x + row->band_right_m, ya, yb))
              {
                /* no edge reaches the band's rectangle: it lies wholly in the field */
                band = (row->band_left_m + row->band_right_m) * (yb - ya);
              }
            else
              {
                if (!unit_clipped)
                  {
                    for (guint r = 0; r < rings->len; r++)
                      unit_clip (&g_array_index (rings, RingInfo, r), x_min + k * w,
                                 x_min + (k + 1) * w, buf_a);
                    unit_clipped = TRUE;
                  }
                if (!clipped)
                  {
                    for (guint r = 0; r < rings->len; r++)
                      slab_clip (&g_array_index (rings, RingInfo, r), x - row->band_left_m,
                                 x + row->band_right_m, buf_a);
                    clipped = TRUE;
                  }
                for (guint r = 0; r < rings->len; r++)
                  {
                    const RingInfo *ri = &g_array_index (rings, RingInfo, r);
                    double a = slab_area (ri, ya, yb, buf_a, buf_b);

                    band += ri->hole ? -a : a;
                  }
                band = MAX (band, 0.0);
              }

            sown[k] = TRUE;
            q->rows++;
            q->row_m += yb - ya;
            q->band_area_m2 += band;
            self->slot_row_m[slot] += yb - ya;
            self->slot_band_area_m2[slot] += band;

            if (geometry)
              {
                FurrowRowSegment seg = { { 0 }, { 0 }, row->crop, k, slot, yb - ya };

                to_wgs84 (frame, c, s, x, ya, &seg.a);
                to_wgs84 (frame, c, s, x, yb, &seg.b);
                g_array_append_val (self->rows, seg);
              }
          }
      }

  /* Quantities per crop. */
  for (FurrowCrop crop = 0; crop < FURROW_N_CROPS; crop++)
    {
      FurrowCropQuantities *q = &self->crop[crop];
      const FurrowSowing *sow = &pattern->sowing[crop];

      if (q->row_m <= 0.0)
        continue;
      q->hills = q->row_m / sow->plant_spacing_m;
      q->seeds = q->hills * sow->seeds_per_hill;
      q->plants = q->seeds * sow->germination;
      q->seed_kg = q->seeds * sow->seed_100_weight_g / 100.0 / 1000.0;
      self->planted_area_m2 += q->band_area_m2;
    }

  /* Strip units (with at least one sown row) and their guidance lines. */
  {
    g_autofree guint *all = g_new (guint, edges->len);

    for (guint e = 0; e < edges->len; e++)
      all[e] = e;

    for (guint k = 0; k < n_units; k++)
      {
        double xc = x_min + (k + 0.5) * w;
        double ya, yb;

        if (!sown[k])
          continue;
        self->units++;
        if (!geometry)
          continue;

        scan_edges ((const Edge *) edges->data, all, edges->len, xc, ys);
        if (ys->len >= 2)
          {
            ya = g_array_index (ys, double, 0);
            yb = g_array_index (ys, double, ys->len - 1);
          }
        else
          {
            ya = extents[k].ymin;
            yb = extents[k].ymax;
          }
        {
          FurrowGuidanceLine line = { { 0 }, { 0 }, k, yb - ya };

          to_wgs84 (frame, c, s, xc, ya, &line.a);
          to_wgs84 (frame, c, s, xc, yb, &line.b);
          g_array_append_val (self->guidance, line);
        }
      }
  }

  return g_steal_pointer (&self);
}

void
furrow_layout_free (FurrowLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->guidance, g_array_unref);
  g_free (self);
}
