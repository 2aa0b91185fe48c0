/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only: the window's parts and state that the program reaches through the
 * window's own fields (furrow-window-private.h) or its properties. */

#include "furrow-window.h"

G_BEGIN_DECLS

/* The project file shown, or NULL (FurrowWindow:project-path). */
const char         *furrow_window_get_project_path       (FurrowWindow *self);
/* The undo/redo history of the window's edits. */
FurrowHistory      *furrow_window_get_history            (FurrowWindow *self);
/* The field layers of the map (tiles, selection, editor). */
FurrowFieldMap     *furrow_window_get_field_map          (FurrowWindow *self);
/* How many times the window said the online base map cannot be reached. */
guint               furrow_window_get_n_offline_notices  (FurrowWindow *self);
/* Whether the banner "Connection to the server lost — reconnecting…" shows. */
gboolean            furrow_window_get_connection_lost_shown (FurrowWindow *self);
/* How many times the window said "Reconnected to the server". */
guint               furrow_window_get_n_reconnected_notices (FurrowWindow *self);
/* The strip planner beside the map (win.plan-field shows it). */
FurrowPlannerPanel *furrow_window_get_planner_panel      (FurrowWindow *self);
/* The map layer drawing the planned rows. */
FurrowRowsLayer    *furrow_window_get_rows_layer         (FurrowWindow *self);
/* The view of the season chosen in the Seasons list, its pages built. */
FurrowSeasonView   *furrow_window_get_season_view        (FurrowWindow *self);
/* FurrowWindow:selected-household. */
FurrowHousehold    *furrow_window_get_selected_household (FurrowWindow *self);

/* Where the window looks for OpenStreetMap's tile server (NULL: tile.openstreetmap.org). */
void                furrow_window_set_osm_address        (const char   *url_template);

G_END_DECLS
