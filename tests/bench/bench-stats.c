/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bench-stats.h"

#include <stdlib.h>

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
bench_now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}
