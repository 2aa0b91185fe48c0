/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define FURROW_TYPE_FIELD_TILE_RENDERER (furrow_field_tile_renderer_get_type ())

G_DECLARE_FINAL_TYPE (FurrowFieldTileRenderer, furrow_field_tile_renderer, FURROW,
                      FIELD_TILE_RENDERER, ShumateMapSource)

FurrowFieldTileRenderer *furrow_field_tile_renderer_new             (const char        *id,
                                                                     const char        *name,
                                                                     guint              tile_size,
                                                                     ShumateDataSource *source);
ShumateMapSource        *furrow_field_tile_renderer_new_like        (ShumateRasterRenderer *renderer);

G_END_DECLS
