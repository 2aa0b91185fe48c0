/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-mbtiles-source.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-mbtiles-source.h"

G_BEGIN_DECLS

FurrowMbtiles       *furrow_mbtiles_source_get_mbtiles     (FurrowMbtilesSource *self);

G_END_DECLS
