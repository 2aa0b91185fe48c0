/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-planner-panel.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-planner-panel.h"

G_BEGIN_DECLS

double                       furrow_planner_panel_get_ler            (FurrowPlannerPanel *self);
gint64                       furrow_planner_panel_get_net_fen_per_mu (FurrowPlannerPanel *self);
const FurrowPattern         *furrow_planner_panel_get_pattern        (FurrowPlannerPanel *self);
const FurrowYieldPrediction *furrow_planner_panel_get_prediction     (FurrowPlannerPanel *self);
gint64                       furrow_planner_panel_get_update_us      (FurrowPlannerPanel *self);
GtkWidget                   *furrow_planner_panel_new                (void);

G_END_DECLS
