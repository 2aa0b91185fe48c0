/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 1 mu = 10000/15 m² exactly (docs/domain.md §2). */
#define FURROW_M2_PER_MU (10000.0 / 15.0)

double furrow_m2_to_mu (double area_m2);
double furrow_mu_to_m2 (double area_mu);

char  *furrow_format_mu   (double area_m2);
/* An area in mu to 0.01 with its thousands grouped as furrow_format_number() groups them
 * ("2,970.91"): the window's areas read as its amounts ("¥162,180.00") in any locale; the CLI
 * keeps furrow_format_mu(). */
char  *furrow_format_mu_grouped (double area_m2);
char  *furrow_format_yuan (gint64 fen);
/* VALUE to DECIMALS places with its thousands grouped as furrow_format_yuan() groups them
 * ("162,180.00"), whatever the locale's LC_NUMERIC: a value in an entry reads as the amounts
 * beside it, and as furrow_paste_parse_number() reads it back. */
char  *furrow_format_number (double value,
                             guint  decimals);

G_END_DECLS
