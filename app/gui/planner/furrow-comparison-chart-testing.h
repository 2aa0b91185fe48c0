/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-comparison-chart.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-comparison-chart.h"

G_BEGIN_DECLS

const FurrowChartComparison *furrow_comparison_chart_get_data  (FurrowComparisonChart *self);

G_END_DECLS
