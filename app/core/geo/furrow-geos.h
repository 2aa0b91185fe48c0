/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <geos_c.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* GEOS through its reentrant API only: one context per thread (docs/toolchain.md). The context
 * keeps the last error/notice message so callers can report it. */

typedef struct _FurrowGeosContext FurrowGeosContext;

FurrowGeosContext   *furrow_geos_context_new        (void);
void                 furrow_geos_context_free       (FurrowGeosContext *self);
GEOSContextHandle_t  furrow_geos_context_get_handle (FurrowGeosContext *self);
const char          *furrow_geos_context_get_error  (FurrowGeosContext *self);

/* A FurrowGeometry as a GEOS MultiPolygon (or Polygon when it has one part). NULL on failure
 * (too few points for a ring, GEOS error): the error is in the context. */
GEOSGeometry        *furrow_geometry_to_geos        (FurrowGeosContext    *ctx,
                                                     const FurrowGeometry *geometry);

/* Polygons and multi-polygons (and collections of them) back to a FurrowGeometry;
 * other geometry types give an empty geometry. */
FurrowGeometry      *furrow_geometry_from_geos      (FurrowGeosContext  *ctx,
                                                     const GEOSGeometry *geos);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowGeosContext, furrow_geos_context_free)

G_END_DECLS
