/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-field.h"
#include "furrow-parcel.h"

G_BEGIN_DECLS

/* Generated custody fields for the benchmarks: irregular quadrilaterals of 30–110 m on a grid
 * of 100 columns from 119.38 E 36.47 N southwards (seed 42, so every run draws the same land),
 * every seventh half custody; each cut into four parcels. */
typedef struct
{
  double west, south, east, north;
} BenchBounds;

GListStore *bench_generate_fields (guint        n_fields,
                                   GListStore  *parcels,
                                   gboolean     with_ids,
                                   BenchBounds *bounds);

G_END_DECLS
