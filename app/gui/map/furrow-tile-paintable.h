/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FURROW_TYPE_TILE_PAINTABLE (furrow_tile_paintable_get_type ())

G_DECLARE_FINAL_TYPE (FurrowTilePaintable, furrow_tile_paintable, FURROW, TILE_PAINTABLE, GObject)

FurrowTilePaintable *furrow_tile_paintable_new         (cairo_surface_t     *surface);

G_END_DECLS
