/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-field-map.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-field-map.h"

G_BEGIN_DECLS

FurrowFieldColouring   furrow_field_map_get_colouring       (FurrowFieldMap       *self);
ShumateMapSource      *furrow_field_map_get_labels          (FurrowFieldMap *self);
FurrowMapLegend       *furrow_field_map_get_legend          (FurrowFieldMap  *self);
FurrowFieldTileSource *furrow_field_map_get_tile_source     (FurrowFieldMap *self);

G_END_DECLS
