/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-history.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_VIEW (furrow_season_view_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonView, furrow_season_view, FURROW, SEASON_VIEW, AdwBin)

/* FurrowSeasonView: one season in the window's content area — a title row with the season's
 * name, crop year and state (a lock when settled) above a stack of pages (overview, economics,
 * harvest, settlement) switched by a view switcher.
 *
 * The page contract: a page is a FurrowSeasonPage (furrow-season-page.h), or any GtkWidget
 * with two writable properties, "store" (FurrowStore) and "season" (FurrowSeason). The view sets
 * both on every page when the project or the shown season changes; a page then follows the
 * store's change signals itself (docs/architecture.md, "The change signals"): no code that
 * writes to the store refreshes a page. Season objects are the store's own (read them; edit a
 * copy from furrow_store_find_season()). */
void              furrow_season_view_set_project (FurrowSeasonView *self,
                                                  FurrowStore      *store,
                                                  FurrowHistory    *history);
FurrowHistory    *furrow_season_view_get_history (FurrowSeasonView *self);

void              furrow_season_view_set_season  (FurrowSeasonView *self,
                                                  FurrowSeason     *season);
FurrowSeason     *furrow_season_view_get_season  (FurrowSeasonView *self);

/* Adds a page (see the contract above) under `name` with a title and an icon for the switcher. */
void              furrow_season_view_add_page    (FurrowSeasonView *self,
                                                  GtkWidget        *page,
                                                  const char       *name,
                                                  const char       *title,
                                                  const char       *icon_name);

/* The view around `widget`, or NULL. */
FurrowSeasonView *furrow_season_view_find        (GtkWidget        *widget);

G_END_DECLS
