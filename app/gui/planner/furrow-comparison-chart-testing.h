/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-comparison-chart.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-comparison-chart.h"

G_BEGIN_DECLS

/* furrow_comparison_chart_get_data() is public now: the comparison window sizes itself by it. */

G_END_DECLS
