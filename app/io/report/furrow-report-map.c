/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Mean Earth radius (IUGG), for the equirectangular projection of the report maps. */
#define EARTH_RADIUS_M 6371008.8
#define MAP_PAD_PT     14.0
#define SCALE_BAR_ROOM 10.0

void
furrow_report_map_frame_init (FurrowReportMapFrame *frame,
                              double                min_lon,
                              double                min_lat,
                              double                max_lon,
                              double                max_lat,
                              double                x_pt,
                              double                y_pt,
                              double                width_pt,
                              double                height_pt)
{
  double avail_w = width_pt - 2 * MAP_PAD_PT;
  double avail_h = height_pt - 2 * MAP_PAD_PT - SCALE_BAR_ROOM;
  double extent_x_m;
  double extent_y_m;

  frame->lon0 = (min_lon + max_lon) / 2.0;
  frame->lat0 = (min_lat + max_lat) / 2.0;
  frame->m_per_deg_y = EARTH_RADIUS_M * G_PI / 180.0;
  frame->m_per_deg_x = frame->m_per_deg_y * cos (frame->lat0 * G_PI / 180.0);
  frame->min_x_m = (min_lon - frame->lon0) * frame->m_per_deg_x;
  frame->max_y_m = (max_lat - frame->lat0) * frame->m_per_deg_y;
  extent_x_m = MAX ((max_lon - min_lon) * frame->m_per_deg_x, 1.0);
  extent_y_m = MAX ((max_lat - min_lat) * frame->m_per_deg_y, 1.0);
  frame->scale = MIN (avail_w / extent_x_m, avail_h / extent_y_m);
  frame->origin_x = x_pt + MAP_PAD_PT + (avail_w - extent_x_m * frame->scale) / 2.0;
  frame->origin_y = y_pt + MAP_PAD_PT + (avail_h - extent_y_m * frame->scale) / 2.0;
  frame->avail_w = avail_w;
}

void
furrow_report_map_project (const FurrowReportMapFrame *frame,
                           double                      lon,
                           double                      lat,
                           double                     *x_pt,
                           double                     *y_pt)
{
  double x_m = (lon - frame->lon0) * frame->m_per_deg_x;
  double y_m = (lat - frame->lat0) * frame->m_per_deg_y;

  *x_pt = frame->origin_x + (x_m - frame->min_x_m) * frame->scale;
  *y_pt = frame->origin_y + (frame->max_y_m - y_m) * frame->scale;
}

void
furrow_report_map_geometry_path (cairo_t                    *cr,
                                 const FurrowReportMapFrame *frame,
                                 const FurrowGeometry       *geometry)
{
  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        const FurrowRing *ring = &geometry->polygons[p].rings[r];

        for (guint k = 0; k < ring->n_points; k++)
          {
            double px, py;

            furrow_report_map_project (frame, ring->points[k].x, ring->points[k].y, &px, &py);
            if (k == 0)
              cairo_move_to (cr, px, py);
            else
              cairo_line_to (cr, px, py);
          }
        cairo_close_path (cr);
      }
}

/* Area-weighted centroid of a ring in box points; the vertex mean for a degenerate ring. */
void
furrow_report_map_ring_centroid (const FurrowReportMapFrame *frame,
                                 const FurrowRing           *ring,
                                 double                     *x_pt,
                                 double                     *y_pt)
{
  double a = 0.0, sx = 0.0, sy = 0.0, mx = 0.0, my = 0.0;

  for (guint i = 0; i + 1 < ring->n_points; i++)
    {
      double x0, y0, x1, y1, cross;

      furrow_report_map_project (frame, ring->points[i].x, ring->points[i].y, &x0, &y0);
      furrow_report_map_project (frame, ring->points[i + 1].x, ring->points[i + 1].y, &x1, &y1);
      cross = x0 * y1 - x1 * y0;
      a += cross;
      sx += (x0 + x1) * cross;
      sy += (y0 + y1) * cross;
      mx += x0;
      my += y0;
    }
  if (fabs (a) > 1e-9)
    {
      *x_pt = sx / (3.0 * a);
      *y_pt = sy / (3.0 * a);
    }
  else if (ring->n_points > 1)
    {
      *x_pt = mx / (ring->n_points - 1);
      *y_pt = my / (ring->n_points - 1);
    }
  else
    {
      *x_pt = *y_pt = 0.0;
    }
}

/* The largest 1, 2 or 5 × 10ⁿ metres not longer than `max_m`. */
static double
nice_length_m (double max_m)
{
  double power = pow (10.0, floor (log10 (max_m)));

  if (5.0 * power <= max_m)
    return 5.0 * power;
  if (2.0 * power <= max_m)
    return 2.0 * power;
  return power;
}

void
furrow_report_map_decorate (FurrowReportPainter        *painter,
                            const FurrowReportMapFrame *frame,
                            double                      x_pt,
                            double                      y_pt,
                            double                      width_pt,
                            double                      height_pt)
{
  cairo_t *cr = painter->cr;
  double bar_m = nice_length_m (frame->avail_w / 3.0 / frame->scale);
  double bar_pt = bar_m * frame->scale;
  double bx = x_pt + 8.0;
  double by = y_pt + height_pt - 8.0;
  double nx = x_pt + width_pt - 12.0;
  double ny = y_pt + 8.0;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *label = NULL;

  cairo_save (cr);

  /* Scale bar, bottom left. */
  g_ascii_formatd (number, sizeof number, "%g", bar_m);
  /* Translators: a length on the map's scale bar, e.g. "50 m" */
  label = g_strdup_printf (_("%s m"), number);
  furrow_report_set_gray (cr, 0.0);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, bx, by - 3.0);
  cairo_line_to (cr, bx, by);
  cairo_line_to (cr, bx + bar_pt, by);
  cairo_line_to (cr, bx + bar_pt, by - 3.0);
  cairo_stroke (cr);
  furrow_report_text (painter, label, bx + bar_pt + 3.0, by - 8.0, 0, 6.5, FALSE,
                      FURROW_REPORT_ALIGN_LEFT);

  /* North arrow, top right. */
  cairo_move_to (cr, nx, ny);
  cairo_line_to (cr, nx + 4.0, ny + 12.0);
  cairo_line_to (cr, nx, ny + 9.0);
  cairo_line_to (cr, nx - 4.0, ny + 12.0);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* Translators: the north arrow on a map */
  furrow_report_text (painter, C_("map", "N"), nx, ny + 12.5, 0, 6.5, TRUE,
                      FURROW_REPORT_ALIGN_CENTER);

  cairo_restore (cr);
}
