/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every benchmark does with its runs (docs/benchmarks.md). */

/* The median of the N values, which it sorts in place: afterwards values[0] and values[n - 1]
 * are the fastest and slowest run. */
double bench_median (double *values,
                     guint   n);

/* The monotonic clock in seconds. */
double bench_now_s  (void);

G_END_DECLS
