/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A PNG of an ARGB32 image surface, made for field tiles (see furrow-tile-png.c). */
GBytes *furrow_tile_png_encode (cairo_surface_t *surface);

G_END_DECLS
