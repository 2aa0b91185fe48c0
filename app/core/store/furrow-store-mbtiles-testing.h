/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store-mbtiles.h"

G_BEGIN_DECLS

/* FurrowMbtiles accessors only the tests use (HACKING.md, Where things go): the map reads none of
 * these, so they stay out of furrow-store-mbtiles.h. */

const char    *furrow_mbtiles_get_path         (FurrowMbtiles   *self);
const char    *furrow_mbtiles_get_format       (FurrowMbtiles   *self);
gboolean       furrow_mbtiles_get_bounds       (FurrowMbtiles   *self,
                                                double          *west,
                                                double          *south,
                                                double          *east,
                                                double          *north);

G_END_DECLS
