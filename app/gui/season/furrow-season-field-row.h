/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-season-plans.h"

G_BEGIN_DECLS

#define FURROW_TYPE_SEASON_FIELD_ROW (furrow_season_field_row_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeasonFieldRow, furrow_season_field_row, FURROW, SEASON_FIELD_ROW,
                      GObject)

/* One field's line of a season's table (furrow-season-plans.h) as an item of a list model: a
 * copy of the row, read-only. */
FurrowSeasonFieldRow       *furrow_season_field_row_new (const FurrowSeasonTableRow *row);
const FurrowSeasonTableRow *furrow_season_field_row_get (FurrowSeasonFieldRow       *self);

G_END_DECLS
