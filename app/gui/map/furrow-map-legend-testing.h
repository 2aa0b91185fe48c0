/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-map-legend.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-map-legend.h"

G_BEGIN_DECLS

const char *furrow_map_legend_get_label     (FurrowMapLegend *self,
                                             guint            index);
guint       furrow_map_legend_get_n_entries (FurrowMapLegend *self);
const char *furrow_map_legend_get_note      (FurrowMapLegend *self);
guint32     furrow_map_legend_get_rgb       (FurrowMapLegend *self,
                                             guint            index);
GtkWidget  *furrow_map_legend_get_swatch    (FurrowMapLegend *self,
                                             guint            index);
const char *furrow_map_legend_get_title     (FurrowMapLegend *self);

G_END_DECLS
