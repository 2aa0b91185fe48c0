/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "furrow-geometry.h"
#include "furrow-layout.h"

G_BEGIN_DECLS

#define FURROW_TYPE_ROWS_LAYER (furrow_rows_layer_get_type ())

G_DECLARE_FINAL_TYPE (FurrowRowsLayer, furrow_rows_layer, FURROW, ROWS_LAYER, ShumateLayer)

FurrowRowsLayer *furrow_rows_layer_new         (ShumateViewport      *viewport);
void             furrow_rows_layer_set_layout  (FurrowRowsLayer      *self,
                                                const FurrowGeometry *field,
                                                const FurrowLayout   *layout);

/* The colours the rows are drawn in (RGB), so tests can find them on screen. */
#define FURROW_ROWS_RGB_MAIZE    0xe5a50a
#define FURROW_ROWS_RGB_SOYBEAN  0x26a269

G_END_DECLS
