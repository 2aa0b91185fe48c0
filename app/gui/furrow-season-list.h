/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_LIST (furrow_season_list_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonList, furrow_season_list, FURROW, SEASON_LIST, AdwBin)

/* The seasons of the project: any GListModel of objects with the properties "name" (string),
 * "crop-year" (int) and "state" (string or enum); NULL shows the empty state. The season store
 * (branch `seasons`) plugs its model in here. */
void        furrow_season_list_set_model (FurrowSeasonList *self,
                                          GListModel       *seasons);
GListModel *furrow_season_list_get_shown (FurrowSeasonList *self);

G_END_DECLS
