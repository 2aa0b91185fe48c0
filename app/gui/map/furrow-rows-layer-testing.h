/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-rows-layer.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-rows-layer.h"

G_BEGIN_DECLS

guint            furrow_rows_layer_get_n_rows  (FurrowRowsLayer      *self,
                                                FurrowCrop            crop);

G_END_DECLS
