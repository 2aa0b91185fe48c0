/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-selection-layer.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-selection-layer.h"

G_BEGIN_DECLS

guint                 furrow_selection_layer_get_n_highlighted  (FurrowSelectionLayer *self);
FurrowField          *furrow_selection_layer_get_selected_field (FurrowSelectionLayer *self);

G_END_DECLS
