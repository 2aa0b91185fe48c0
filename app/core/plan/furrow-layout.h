/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"
#include "furrow-pattern.h"

G_BEGIN_DECLS

/* Lays a strip pattern into a field polygon (docs/domain.md §5, docs/architecture.md "Plan").
 *
 * The field is projected onto the tangent plane at its centre (FurrowLocalFrame) and turned so
 * the rows run along +y. Strip units repeat across the field from its western-most point in
 * that frame (x0 = min x): unit k covers [x0 + kW, x0 + (k+1)W) and row i of the unit lies at
 * x0 + kW + offset_i (furrow_pattern_rows()). Each row line is clipped to the field analytically
 * (a scanline against every edge, even–odd rule, so holes and multi-part fields are respected),
 * then every clipped piece is shortened by the headland width at both of its ends — a piece ends
 * where the tractor turns, at the field edge or at a hole. An optional margin along the whole
 * field edge is removed first (GEOS inward buffer).
 *
 * Planted band area: each row owns the band [x − band_left, x + band_right] of the pattern; the
 * band area of a row piece is the area of the sowable field inside that band and the piece's
 * y-range. Bands of different rows never overlap, so maize + soybean band area ≤ field area for
 * any field; on an infinite field the two add up to the field area exactly.
 *
 * Everything is deterministic and works on caller-owned data only. */

typedef struct
{
  FurrowPoint a;           /* WGS84 lon/lat, start (south end for azimuth 0) */
  FurrowPoint b;           /* end */
  FurrowCrop  crop;
  guint       strip;       /* strip unit, 0 at x0 */
  guint       slot;        /* row within the unit, furrow_pattern_rows() order */
  double      length_m;
} FurrowRowSegment;

/* One AB line per strip: the centre line of the unit over the full length of the field there. */
typedef struct
{
  FurrowPoint a;
  FurrowPoint b;
  guint       strip;
  double      length_m;
} FurrowGuidanceLine;

typedef struct
{
  guint  rows;             /* row pieces (a row cut by a hole counts twice) */
  double row_m;
  double hills;            /* row metres / plant spacing */
  double seeds;            /* hills × seeds per hill */
  double plants;           /* seeds × germination: expected emerged plants */
  double seed_kg;          /* seeds × 100-seed weight / 100 */
  double band_area_m2;     /* planted band area, see above */
} FurrowCropQuantities;

typedef enum
{
  FURROW_LAYOUT_DEFAULT          = 0,
  FURROW_LAYOUT_QUANTITIES_ONLY  = 1 << 0,  /* no row or guidance geometry: faster */
} FurrowLayoutFlags;

typedef struct
{
  FurrowPattern        pattern;          /* copy of the input */
  double               azimuth_deg;      /* of the rows actually laid, 0 ≤ az < 180 */
  double               unit_width_m;
  double               headland_m;
  double               field_area_m2;    /* ellipsoidal (furrow_geodesy_area_m2) */
  double               sowable_area_m2;  /* field minus edge margin, local frame */
  guint                units;            /* strip units with at least one row */
  FurrowCropQuantities crop[FURROW_N_CROPS];
  double               planted_area_m2;  /* maize + soybean band area */
  /* per row of the unit (furrow_pattern_rows() order), for the yield model */
  double               slot_row_m[2 * FURROW_PATTERN_MAX_ROWS];
  double               slot_band_area_m2[2 * FURROW_PATTERN_MAX_ROWS];
  GArray              *rows;             /* FurrowRowSegment; NULL with QUANTITIES_ONLY */
  GArray              *guidance;         /* FurrowGuidanceLine; NULL with QUANTITIES_ONLY */
} FurrowLayout;

typedef enum
{
  FURROW_LAYOUT_ERROR_EMPTY_FIELD,
  FURROW_LAYOUT_ERROR_INVALID_PATTERN,
  FURROW_LAYOUT_ERROR_FAILED,
} FurrowLayoutError;

#define FURROW_LAYOUT_ERROR (furrow_layout_error_quark ())
GQuark        furrow_layout_error_quark     (void);

FurrowLayout *furrow_layout_compute         (const FurrowGeometry *field,
                                             const FurrowPattern  *pattern,
                                             FurrowLayoutFlags     flags,
                                             GError              **error);
void          furrow_layout_free            (FurrowLayout         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowLayout, furrow_layout_free)

G_END_DECLS
