/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_LIST (furrow_season_list_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonList, furrow_season_list, FURROW, SEASON_LIST, AdwBin)

/* The seasons of the project: any GListModel of objects with the properties "name" (string),
 * "crop-year" (int) and "state" (string or enum) — the store's seasons (furrow_store_get_seasons()); NULL
 * shows the empty state. */
void        furrow_season_list_set_model (FurrowSeasonList *self,
                                          GListModel       *seasons);
GListModel *furrow_season_list_get_shown (FurrowSeasonList *self);
/* The season chosen (property "selected"), or NULL. */
gpointer    furrow_season_list_get_selected (FurrowSeasonList *self);
void        furrow_season_list_set_selected (FurrowSeasonList *self,
                                             gpointer          season);

G_END_DECLS
