/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"
#include "furrow-geos.h"

G_BEGIN_DECLS

/* Validation of field and parcel polygons before they enter a project (docs/architecture.md,
 * Import). Every problem is reported, each with a translated message that starts with the caller's
 * label ("parcels.shp feature 12 (DKBM 3707…)") and, where it has one, a location in lon/lat:
 * "parcels.shp feature 12 (DKBM 3707…): self-intersection at 119.402 E 36.510 N".
 *
 * Repair (GEOSMakeValid_r) is a separate call, made only when the user asks for it. */

#define FURROW_VALIDATE_ERROR (furrow_validate_error_quark ())

typedef enum
{
  FURROW_VALIDATE_ERROR_NOT_REPAIRABLE,
} FurrowValidateError;

typedef enum
{
  FURROW_VALIDATION_NOT_POLYGON,        /* a point, a line… (the reader names the type) */
  FURROW_VALIDATION_EMPTY,              /* no parts, or a part without rings */
  FURROW_VALIDATION_NOT_FINITE,         /* NaN or ±∞ */
  FURROW_VALIDATION_OUT_OF_RANGE,       /* |lon| > 180 or |lat| > 90: metres declared as degrees */
  FURROW_VALIDATION_UNCLOSED_RING,      /* the last point does not repeat the first */
  FURROW_VALIDATION_TOO_FEW_POINTS,     /* fewer than 4 points, the closing point included */
  FURROW_VALIDATION_ZERO_AREA,          /* a ring that encloses less than 0.01 m² */
  FURROW_VALIDATION_SELF_INTERSECTION,  /* a ring crosses itself or another ring of its part */
  FURROW_VALIDATION_HOLE_OUTSIDE_SHELL,
  FURROW_VALIDATION_OVERLAPPING_PARTS,  /* parts of a multi-polygon overlap or nest */
  FURROW_VALIDATION_INVALID,            /* any other GEOS finding; its reason is in the message */
} FurrowValidationKind;

/* A ring enclosing less than this is reported as having no area. */
#define FURROW_VALIDATE_MIN_AREA_M2 0.01

typedef struct
{
  FurrowValidationKind kind;
  char                *message;  /* translated, complete sentence with label and location */
  double               lon;      /* location; NAN when the problem has no place */
  double               lat;
} FurrowValidationIssue;

GQuark                 furrow_validate_error_quark      (void);

FurrowValidationIssue *furrow_validation_issue_new      (FurrowValidationKind   kind,
                                                         double                 lon,
                                                         double                 lat,
                                                         char                  *message);
void                   furrow_validation_issue_free     (FurrowValidationIssue *issue);

/* Checks polygons as the reader found them: the rings are not assumed closed (a reader builds
 * FurrowRing / FurrowPolygon arrays over its own buffers; furrow_geometry_add_ring would close
 * them and hide the defect). Returns a GPtrArray of FurrowValidationIssue, empty when the
 * polygons are valid. `ctx` may be NULL (a context is made for the call). */
GPtrArray             *furrow_validate_polygons         (FurrowGeosContext     *ctx,
                                                         const char            *label,
                                                         const FurrowPolygon   *polygons,
                                                         guint                  n_polygons);

/* The same, and the ellipsoidal area the checks measured (m², as furrow_geodesy_area_m2() of
 * the polygons) in `area_m2`: NAN when there is an issue. Saves an importer measuring every
 * polygon twice. */
GPtrArray             *furrow_validate_polygons_measured (FurrowGeosContext   *ctx,
                                                          const char          *label,
                                                          const FurrowPolygon *polygons,
                                                          guint                n_polygons,
                                                          double              *area_m2);

/* The same for a FurrowGeometry (whose rings are stored closed). */
GPtrArray             *furrow_validate_geometry         (FurrowGeosContext     *ctx,
                                                         const char            *label,
                                                         const FurrowGeometry  *geometry);

/* The issue array for a geometry that is no polygon at all; `type_name` as the reader knows it
 * (OGR_G_GetGeometryName: "POINT", "LINESTRING"…). */
GPtrArray             *furrow_validate_not_polygon      (const char            *label,
                                                         const char            *type_name);

/* "119.402 E 36.510 N" (W and S for negative values), three decimals. */
char                  *furrow_validate_format_location  (double                 lon,
                                                         double                 lat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowValidationIssue, furrow_validation_issue_free)

G_END_DECLS
