/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-field-tile-source.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-field-tile-source.h"

G_BEGIN_DECLS

guint32                furrow_field_tile_source_get_field_rgb (FurrowFieldTileSource *self,
                                                               gint64                 field_id);
guint                  furrow_field_tile_source_get_n_cached  (FurrowFieldTileSource *self);
guint                  furrow_field_tile_source_get_n_rendered (FurrowFieldTileSource *self);
GBytes                *furrow_field_tile_source_render_tile   (FurrowFieldTileSource *self,
                                                               int                    x,
                                                               int                    y,
                                                               int                    z);
void                   furrow_field_tile_source_set_parcels   (FurrowFieldTileSource *self,
                                                               GListModel            *parcels);

G_END_DECLS
