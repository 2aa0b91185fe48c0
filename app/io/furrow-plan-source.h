/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* A minimal reader of the polygons of any OGR-readable file for `furrow-cli plan`, in WGS84
 * lon/lat (reprojected to EPSG:4326 in traditional GIS order when the layer has a CRS). It
 * stands in until the shared polygon-file reader of `furrow-cli area` is merged; the API is
 * shaped like it so the swap is one line. */

#define FURROW_PLAN_SOURCE_ERROR (furrow_plan_source_error_quark ())

typedef enum
{
  FURROW_PLAN_SOURCE_ERROR_OPEN,
  FURROW_PLAN_SOURCE_ERROR_NO_FEATURES,
  FURROW_PLAN_SOURCE_ERROR_GEOMETRY,
  FURROW_PLAN_SOURCE_ERROR_CRS,
} FurrowPlanSourceError;

GQuark     furrow_plan_source_error_quark (void);

/* A GPtrArray of FurrowGeometry (one per feature, in file order across layers), or NULL and an
 * error naming the file and the feature. */
GPtrArray *furrow_plan_source_read        (const char  *path,
                                           GError     **error);

G_END_DECLS
