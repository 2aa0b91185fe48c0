/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GCJ-02 is the obfuscated datum of Gaode/AMap, Tencent and google.cn maps (docs/domain.md §4).
 * Outside mainland China both functions return the input unchanged. */
gboolean furrow_gcj02_in_china      (double lon,
                                     double lat);
void     furrow_wgs84_to_gcj02      (double  lon,
                                     double  lat,
                                     double *out_lon,
                                     double *out_lat);
/* Iterative inverse of furrow_wgs84_to_gcj02 (error well under 0.5 m). */
void     furrow_gcj02_to_wgs84      (double  lon,
                                     double  lat,
                                     double *out_lon,
                                     double *out_lat);

G_END_DECLS
