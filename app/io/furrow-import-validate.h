/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"
#include "furrow-geos.h"

G_BEGIN_DECLS

/* Whether an imported polygon can enter a project: finite lon/lat coordinates in range, closed
 * rings of at least 4 points, valid for GEOS, and a non-zero ellipsoidal area (stored in
 * `area_m2`). On failure `reason` is a translated sentence with the defect's location,
 * e.g. "self-intersection at 119.402 E 36.510 N". */
gboolean furrow_import_validate_geometry (FurrowGeosContext    *ctx,
                                          const FurrowGeometry *geometry,
                                          double               *area_m2,
                                          char                **reason);

G_END_DECLS
