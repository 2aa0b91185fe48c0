/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_NEW_SEASON_DIALOG (furrow_new_season_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FurrowNewSeasonDialog, furrow_new_season_dialog, FURROW, NEW_SEASON_DIALOG,
                      AdwMessageDialog)

/* "New Season": its name, its crop year and whose money rules it starts from — the defaults of
 * furrow_season_new() or a copy of an earlier season's prices, costs, subsidies, fees, base rule
 * and split. Responses "cancel" and "create" ("create" is enabled once the name is new and not
 * empty); the caller creates the season with furrow_new_season_dialog_build() on "create". */
FurrowNewSeasonDialog *furrow_new_season_dialog_new        (GtkWindow             *parent,
                                                            FurrowStore           *store);
/* The season the dialog describes, not yet stored (id 0). */
FurrowSeason          *furrow_new_season_dialog_build      (FurrowNewSeasonDialog *self);

G_END_DECLS
