/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* A local metric frame for one field: PROJ's azimuthal equidistant projection on WGS84 centred
 * on a point (x east, y north, metres). Across a field of a few kilometres its scale error is
 * below 1e-7, so lengths and areas measured in it match the ellipsoid to well under 0.01 %.
 * The frame owns its own PROJ context: use one frame per thread. PROJ strings built here take
 * longitude first (a +proj string, not an EPSG CRS: no authority axis order, TOOLCHAIN.md). */

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
