/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "furrow-application.h"
#include "furrow-history.h"
#include "furrow-planner-panel.h"
#include "furrow-season-view.h"
#include "furrow-rows-layer.h"
#include "furrow-store.h"
#include "furrow-field-map.h"

G_BEGIN_DECLS

#define FURROW_TYPE_WINDOW (furrow_window_get_type ())

G_DECLARE_FINAL_TYPE (FurrowWindow, furrow_window, FURROW, WINDOW, AdwApplicationWindow)

FurrowWindow     *furrow_window_new              (FurrowApplication *application);
gboolean          furrow_window_open_project     (FurrowWindow      *self,
                                                  const char        *path,
                                                  GError           **error);
FurrowStore      *furrow_window_get_store        (FurrowWindow      *self);
ShumateSimpleMap *furrow_window_get_map          (FurrowWindow      *self);
gboolean          furrow_window_open_demo        (FurrowWindow      *self,
                                                  GError           **error);

/* Selection, shared by the lists, the details pane and the map (properties "selected-field" and
 * "selected-household", with notify). Setting one selects and scrolls to its list row. */
void              furrow_window_select_field           (FurrowWindow    *self,
                                                        FurrowField     *field);
void              furrow_window_select_household       (FurrowWindow    *self,
                                                        FurrowHousehold *household);
/* Emits "show-on-map" with the household; the map layer zooms to and highlights its parcels. */
void              furrow_window_show_household_on_map  (FurrowWindow    *self,
                                                        FurrowHousehold *household);
/* Shows `season` (an item of the store's seasons model) in the content area, its Seasons view in
 * the sidebar; NULL goes back to the map. */
void              furrow_window_show_season      (FurrowWindow      *self,
                                                  FurrowSeason      *season);

G_END_DECLS
