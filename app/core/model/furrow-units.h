/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 1 mu = 10000/15 m² exactly (docs/domain.md §2). */
#define FURROW_M2_PER_MU (10000.0 / 15.0)

double furrow_m2_to_mu (double area_m2);
double furrow_mu_to_m2 (double area_mu);

char  *furrow_format_mu   (double area_m2);
char  *furrow_format_yuan (gint64 fen);

G_END_DECLS
