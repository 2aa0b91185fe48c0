/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geos.h"
#include "furrow-pattern.h"

G_BEGIN_DECLS

/* An independent oracle for the analytic row clipping of furrow-layout.c: the pattern's rows,
 * north–south with no headland, each intersected with the field by GEOS on its own
 * (GEOSIntersection_r), their lengths summed (m). The frame and the row positions are the
 * layout's: a local frame centred on the middle of the lon/lat box, rows from the western-most
 * point every unit width at the pattern offsets. */
double furrow_test_geos_row_m (FurrowGeosContext    *ctx,
                               const FurrowGeometry *field,
                               const FurrowPattern  *p);

G_END_DECLS
