/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-edit.h"
#include "furrow-season.h"
#include "furrow-store.h"
#include "furrow-store-roles.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_PAGE (furrow_season_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (FurrowSeasonPage, furrow_season_page, FURROW, SEASON_PAGE, AdwBin)

/* FurrowSeasonPage: the base of the season view's pages (overview, economics, harvest,
 * settlement; furrow-season-view.h). It holds the two properties of the page contract, "store"
 * and "season", and calls reload() when either is set and whenever the store announces a change
 * to the season shown (season-changed, settlement-changed), and records_changed() when the
 * register changes under a season not yet settled (field-, household-, parcel-changed;
 * docs/architecture.md, "The change signals"). It also gives its pages a toast on the window, one delayed commit (spin buttons
 * write once their clicks have paused) and the window's undo history for their edits. */
struct _FurrowSeasonPageClass
{
  AdwBinClass parent_class;

  /* Shows the season as it is stored. `switched`: another store or another season than the one
   * shown so far (edits not yet written belong to that one and are dropped). */
  void (*reload) (FurrowSeasonPage *self,
                  gboolean          switched);
  /* Writes the edits the delayed commit was waiting for. */
  void (*commit) (FurrowSeasonPage *self);
  /* The register changed (a field, household or parcel was added, changed or removed) while a
   * season not yet settled is shown: what the page derives from the register (registered mu,
   * custody, the predicted distribution) is stale. Called once per main-loop turn however many
   * records changed. Default: reload (self, FALSE). */
  void (*records_changed) (FurrowSeasonPage *self);
};

/* How long the delayed commit waits after the last change: clicks on a spin button's +/− make
 * one change. */
#define FURROW_SEASON_PAGE_COMMIT_DELAY_MS 150

FurrowStore  *furrow_season_page_get_store       (FurrowSeasonPage  *self);
FurrowSeason *furrow_season_page_get_season      (FurrowSeasonPage  *self);
/* TRUE when the page shows a season of a store and that season is settled (read-only). */
gboolean      furrow_season_page_is_locked       (FurrowSeasonPage  *self);
/* TRUE when the user's role in the store's cooperative may do `permission` (always on a file;
 * furrow-store-roles.h): the page offers only that. */
gboolean      furrow_season_page_may             (FurrowSeasonPage  *self,
                                                  FurrowPermission   permission);

/* A toast on the window the page is in; with an "Open" button for `uri` when not NULL. */
void          furrow_season_page_show_toast      (FurrowSeasonPage  *self,
                                                  const char        *message,
                                                  const char        *uri);

/* commit() once FURROW_SEASON_PAGE_COMMIT_DELAY_MS have passed without another call. */
void          furrow_season_page_schedule_commit (FurrowSeasonPage  *self);
/* Drops the delayed commit, if one is waiting. */
void          furrow_season_page_cancel_commit   (FurrowSeasonPage  *self);

/* Does `edit` (taking it) and records it in the window's history, or only does it when the page
 * is not in a season view with a history. FALSE with the store's error when refused. */
gboolean      furrow_season_page_push_edit       (FurrowSeasonPage  *self,
                                                  FurrowEdit        *edit,
                                                  GError           **error);

G_END_DECLS
