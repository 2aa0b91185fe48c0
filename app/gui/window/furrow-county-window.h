/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FURROW_TYPE_COUNTY_WINDOW (furrow_county_window_get_type ())

G_DECLARE_FINAL_TYPE (FurrowCountyWindow, furrow_county_window, FURROW, COUNTY_WINDOW, AdwWindow)

/* The county view (docs/architecture.md, The backend seam, The county view; `win.county-view`):
 * a modal window, transient for @parent, with one row per cooperative of the server at @uri
 * (postgresql://user@host/db) that the user may open — custody mu, fields, households, fields
 * planned by pattern, predicted income, settled income, paid and unpaid — and their totals, for
 * one crop year (the latest on the server at first, as `furrow-cli summary`); the figures are
 * furrow_store_county_summary()'s, read in a thread. */
FurrowCountyWindow *furrow_county_window_new (GtkWindow  *parent,
                                              const char *uri);

G_END_DECLS
