/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_INCOME_PREVIEW (furrow_income_preview_get_type ())

G_DECLARE_FINAL_TYPE (FurrowIncomePreview, furrow_income_preview, FURROW, INCOME_PREVIEW, GtkBox)

/* FurrowIncomePreview: each household's predicted income for a season, the settlement engine
 * run on the predicted figures (furrow_store_build_prediction_input(), docs/domain.md,
 * Settlement): a summary line, then a table of the households (name, mu, base, dividend, fee,
 * total, code) and their totals row. Where the engine refuses the rules (a split to fix, a base
 * below zero …) the summary line says why and the table is hidden. The economics page shows it
 * beside the rules it edits (its template makes it). */
/* Computes the preview of `season` in `store` now; with either NULL, empties it. */
void                 furrow_income_preview_update (FurrowIncomePreview *self,
                                                   FurrowStore         *store,
                                                   FurrowSeason        *season);

G_END_DECLS
