/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* A local metric frame for one field: the tangent plane of the WGS84 ellipsoid at a point
 * (x east, y north, metres), the ellipsoid projected onto it along the point's normal. Lengths
 * shrink by about d² / 2R² at a distance d from the origin: 1.2e-8 at 1 km, 1.2e-6 at 10 km,
 * so row metres and areas of a field match the ellipsoid to far better than 0.01 %. Pure
 * arithmetic (closed form both ways, no PROJ context, no files), so a layout costs no set-up. */

typedef struct _FurrowLocalFrame FurrowLocalFrame;

FurrowLocalFrame *furrow_local_frame_new     (double             lon0_deg,
                                              double             lat0_deg,
                                              GError           **error);
void              furrow_local_frame_free    (FurrowLocalFrame  *self);

/* In place is allowed (in == out). */
void              furrow_local_frame_forward (FurrowLocalFrame  *self,
                                              const FurrowPoint *lonlat,
                                              FurrowPoint       *xy,
                                              guint              n_points);
void              furrow_local_frame_inverse (FurrowLocalFrame  *self,
                                              const FurrowPoint *xy,
                                              FurrowPoint       *lonlat,
                                              guint              n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowLocalFrame, furrow_local_frame_free)

G_END_DECLS
