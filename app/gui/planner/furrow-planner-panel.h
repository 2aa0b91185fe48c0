/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "furrow-field.h"
#include "furrow-history.h"
#include "furrow-layout.h"
#include "furrow-pattern.h"
#include "furrow-season.h"
#include "furrow-store.h"
#include "furrow-yield-model.h"

G_BEGIN_DECLS

#define FURROW_TYPE_PLANNER_PANEL (furrow_planner_panel_get_type ())

G_DECLARE_FINAL_TYPE (FurrowPlannerPanel, furrow_planner_panel, FURROW, PLANNER_PANEL, GtkWidget)

FurrowField                 *furrow_planner_panel_get_field          (FurrowPlannerPanel *self);
void                         furrow_planner_panel_set_field          (FurrowPlannerPanel *self,
                                                                      FurrowField        *field);
const FurrowLayout          *furrow_planner_panel_get_layout         (FurrowPlannerPanel *self);

/* The project: its yield presets are offered after the built-in ones (and follow the store's
 * "yield-presets-changed"). "Apply to Season": the project's seasons that are not settled are offered (the one last shown
 * with furrow_planner_panel_set_season() first); planner.apply-to-season stores the field's
 * pattern as its plan there (undoable in `history`). */
void                         furrow_planner_panel_set_project        (FurrowPlannerPanel *self,
                                                                      FurrowStore        *store,
                                                                      FurrowHistory      *history);
void                         furrow_planner_panel_set_season         (FurrowPlannerPanel *self,
                                                                      FurrowSeason       *season);
/* The season chosen for "Apply to Season" (transfer full), or NULL. */
FurrowSeason                *furrow_planner_panel_dup_target_season  (FurrowPlannerPanel *self);
gboolean                     furrow_planner_panel_apply_to_season    (FurrowPlannerPanel *self,
                                                                      GError            **error);

G_END_DECLS
