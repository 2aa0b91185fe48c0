/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-rows.h"

#include "furrow-local-frame.h"

double
furrow_test_geos_row_m (FurrowGeosContext    *ctx,
                        const FurrowGeometry *field,
                        const FurrowPattern  *p)
{
  GEOSContextHandle_t h = furrow_geos_context_get_handle (ctx);
  FurrowPatternRow rows[2 * FURROW_PATTERN_MAX_ROWS];
  g_autoptr(FurrowLocalFrame) frame = NULL;
  g_autoptr(FurrowGeometry) local = furrow_geometry_copy (field);
  double x0, y0, x1, y1, w = furrow_pattern_unit_width_m (p), total = 0.0;
  guint n = furrow_pattern_rows (p, rows);
  GEOSGeometry *poly;

  furrow_geometry_get_bounds (field, &x0, &y0, &x1, &y1);
  frame = furrow_local_frame_new ((x0 + x1) / 2, (y0 + y1) / 2, NULL);
  for (guint i = 0; i < local->n_polygons; i++)
    for (guint r = 0; r < local->polygons[i].n_rings; r++)
      furrow_local_frame_forward (frame, local->polygons[i].rings[r].points,
                                  local->polygons[i].rings[r].points,
                                  local->polygons[i].rings[r].n_points);
  furrow_geometry_get_bounds (local, &x0, &y0, &x1, &y1);
  poly = furrow_geometry_to_geos (ctx, local);
  if (poly == NULL)
    return 0.0;

  for (guint k = 0; x0 + k * w < x1; k++)
    for (guint i = 0; i < n; i++)
      {
        double x = x0 + k * w + rows[i].offset_m;
        GEOSCoordSequence *seq;
        GEOSGeometry *line, *cut;
        double len = 0.0;

        if (x >= x1)
          break;
        seq = GEOSCoordSeq_create_r (h, 2, 2);
        GEOSCoordSeq_setXY_r (h, seq, 0, x, y0 - 1.0);
        GEOSCoordSeq_setXY_r (h, seq, 1, x, y1 + 1.0);
        line = GEOSGeom_createLineString_r (h, seq);
        cut = GEOSIntersection_r (h, poly, line);
        if (cut != NULL)
          {
            GEOSLength_r (h, cut, &len);
            GEOSGeom_destroy_r (h, cut);
          }
        GEOSGeom_destroy_r (h, line);
        total += len;
      }
  GEOSGeom_destroy_r (h, poly);
  return total;
}

