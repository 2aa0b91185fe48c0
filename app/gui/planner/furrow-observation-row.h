/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-yield-model.h"

G_BEGIN_DECLS

#define FURROW_TYPE_OBSERVATION_ROW (furrow_observation_row_get_type ())

G_DECLARE_FINAL_TYPE (FurrowObservationRow, furrow_observation_row, FURROW, OBSERVATION_ROW,
                      GtkListBoxRow)

/* FurrowObservationRow: one measured field of the yield model editor's fit table: its pattern
 * (a drop-down of the pattern presets), its maize and soybean kg/mu as typed, and a remove
 * button.
 *
 * Signals: ::remove-clicked — the remove button was clicked (the editor removes the row). */

FurrowObservationRow *furrow_observation_row_new (void);

/* Selects the pattern preset `pattern_id` (unknown ids leave the selection) and writes the
 * yields with every digit; NAN leaves a yield empty (not measured). */
void     furrow_observation_row_set (FurrowObservationRow   *self,
                                     const char             *pattern_id,
                                     double                  maize_kg_per_mu,
                                     double                  soy_kg_per_mu);
/* Fills `observation` from the row: the pattern of the preset chosen, the yields typed (NAN
 * when empty). FALSE when a yield is not a number of kg/mu. */
gboolean furrow_observation_row_get (FurrowObservationRow   *self,
                                     FurrowYieldObservation *observation);

G_END_DECLS
