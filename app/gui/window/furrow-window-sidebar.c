/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowWindow's sidebar, resized by dragging the line between it and the content; its width is
 * kept in GSettings' sidebar-width (issue 13, item 6; docs/architecture.md, The window). */

#include "config.h"

#include <math.h>

#include "furrow-window-private.h"

#define SIDEBAR_MIN_WIDTH 360
/* How far either side of the line a press starts a resize: the line itself is one pixel. */
#define HANDLE_REACH 4
/* What the content keeps of the window at least. */
#define CONTENT_MIN_WIDTH 360
/* What the map keeps beside the planner: the field planned with its neighbours, and the scale
 * bar (about 130 px) beside the attribution on two lines (about 250 px) at its foot; at 172 px,
 * beside a 400-px sidebar in a 1024-px window, the attribution took four lines over a map
 * narrower than the planner (issue 13; tests/gui/test-journeys.c). The sidebar narrows for it
 * down to 360 px, and gives way below that (update_sidebar_shown()). */
#define MAP_PLANNING_WIDTH 400
/* What the map keeps beside the planner when the user has brought the sidebar back. */
#define MAP_MIN_WIDTH 160
/* The default size counts the window's frame (client-side decorations), its width does not. */
#define WINDOW_FRAME 16
/* Until the line is dragged (sidebar-width 0) the sidebar follows the window: three tenths of
 * it, between 400 px and 720 px (issue 13, item 6). Not 540 px, the width that shows every column
 * of the Fields list: beside a field's details at the default 1100 px that folded the window
 * over the map (tests/gui/test-field-map.c); narrower, the list scrolls sideways. */
#define SIDEBAR_FOLLOW_MIN 400
#define SIDEBAR_FOLLOW_MAX 720

/* Whether X (in the leaflet's coordinates) is on the line between sidebar and content. */
static gboolean
on_handle (FurrowWindow *self,
           double        x)
{
  graphene_point_t edge;

  if (adw_leaflet_get_folded (self->leaflet) || !gtk_widget_get_mapped (self->sidebar))
    return FALSE;
  if (!gtk_widget_compute_point (self->sidebar, GTK_WIDGET (self->leaflet),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (self->sidebar), 0),
                                 &edge))
    return FALSE;
  /* Less into the sidebar, whose list has its scrollbar at that edge. */
  return x >= edge.x - HANDLE_REACH / 2 && x <= edge.x + HANDLE_REACH;
}

/* The widest the sidebar can be in the window: what leaves the content its minimum width (the
 * map's, or the planner's and MAP_PLANNING_WIDTH of map while planning, MAP_MIN_WIDTH with
 * the sidebar brought back) and at least 360 px. The window's
 * allocated width, or before it is shown its default width (the frame's few pixels less). */
static int
window_width_of (FurrowWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = 0;

  if (width <= 0)
    {
      /* GTK 4.8 wants both pointers. */
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      width -= WINDOW_FRAME;
    }
  return width;
}

static int
max_width (FurrowWindow *self)
{
  int window_width = window_width_of (self);
  int content_min = 0;

  if (window_width <= 0)
    return G_MAXINT;
  gtk_widget_measure (self->content_box, GTK_ORIENTATION_HORIZONTAL, -1, &content_min, NULL,
                      NULL, NULL);
  /* The flap counts the planner's width, not the planner's and the map's: planning, the map
   * keeps its width beside it, or the flap would fold over the map. */
  if (adw_flap_get_reveal_flap (self->plan_flap))
    {
      int planner = 0;

      gtk_widget_get_size_request (self->planner_scroller, &planner, NULL);
      content_min = MAX (content_min, planner + 1 + (self->sidebar_reopened ? MAP_MIN_WIDTH
                                                                          : MAP_PLANNING_WIDTH));
    }
  return MAX (SIDEBAR_MIN_WIDTH, window_width - MAX (content_min, CONTENT_MIN_WIDTH) - 1);
}

/* The sidebar's button pressed or released while planning. */
static void
sidebar_button_toggled_cb (FurrowWindow *self)
{
  self->sidebar_reopened = gtk_toggle_button_get_active (self->sidebar_button);
  furrow_window_update_sidebar_width (self);
}

/* Planning in a window too narrow for the sidebar at its narrowest, the planner and
 * MAP_PLANNING_WIDTH of map side by side (at 1024 px 360 + 440 px left the map 212 px), the
 * sidebar gives way: it is hidden, the button at the start of the content's header bar shows it
 * again, and it comes back when the planner closes (issue 13; docs/architecture.md, The
 * window). Not in a folded window, which shows the sidebar or the content already. */
static void
update_sidebar_shown (FurrowWindow *self)
{
  gboolean planning = adw_flap_get_reveal_flap (self->plan_flap);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean cramped = FALSE;
  gboolean shown;

  if (planning && !folded)
    {
      int planner = 0;

      gtk_widget_get_size_request (self->planner_scroller, &planner, NULL);
      cramped = window_width_of (self) - SIDEBAR_MIN_WIDTH - 1 - planner - 1 <
                MAP_PLANNING_WIDTH;
    }
  if (!planning)
    self->sidebar_reopened = FALSE;
  shown = !cramped || self->sidebar_reopened;
  gtk_widget_set_visible (self->sidebar, shown);
  gtk_widget_set_visible (self->sidebar_separator, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), cramped);
  if (gtk_toggle_button_get_active (self->sidebar_button) != shown)
    {
      g_signal_handlers_block_by_func (self->sidebar_button, sidebar_button_toggled_cb, self);
      gtk_toggle_button_set_active (self->sidebar_button, shown);
      g_signal_handlers_unblock_by_func (self->sidebar_button, sidebar_button_toggled_cb, self);
    }
  /* The window's buttons at the start (a layout with them on the left) go with the sidebar's
   * header bar. */
  adw_header_bar_set_show_start_title_buttons (self->content_header, folded || !shown);
}

/**
 * furrow_window_reveal_sidebar:
 *
 * Shows the sidebar (win.search, win.show-view): a folded window goes to it, a sidebar hidden
 * while planning comes back beside the planner.
 */
void
furrow_window_reveal_sidebar (FurrowWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  else if (!gtk_widget_get_visible (self->sidebar))
    {
      self->sidebar_reopened = TRUE;
      furrow_window_update_sidebar_width (self);
    }
}

/**
 * furrow_window_update_sidebar_width:
 *
 * Gives the sidebar its sidebar-width (0: three tenths of the window, 400 to 720 px, and less
 * than what leaves a season shown its natural width, 360 px at least), less if
 * the window would leave the content less than its minimum: a sidebar widened in a larger
 * window, or the planner opening beside the map, does not fold the sidebar away. Called when the
 * window's size or the content's minimum changes.
 */
void
furrow_window_update_sidebar_width (FurrowWindow *self)
{
  int width = g_settings_get_int (self->settings, "sidebar-width");

  if (width <= 0)
    {
      width = CLAMP (window_width_of (self) * 3 / 10, SIDEBAR_FOLLOW_MIN, SIDEBAR_FOLLOW_MAX);
      /* A season shown: its tables, not the short Seasons list, get the room (the overview's
       * table scrolled sideways at 1366 px beside 540 px of sidebar). */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "season") == 0)
        {
          int content_nat = 0;

          gtk_widget_measure (self->content_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                              &content_nat, NULL, NULL);
          width = MIN (width, window_width_of (self) - content_nat - 1);
        }
    }

  gtk_widget_set_size_request (self->sidebar, MAX (MIN (width, max_width (self)),
                                                   SIDEBAR_MIN_WIDTH), -1);
  update_sidebar_shown (self);
}

/**
 * furrow_window_set_sidebar_width:
 * @width: in pixels
 *
 * Makes the sidebar @width wide, within 360 px and what leaves the content 360 px, and keeps
 * the width in sidebar-width.
 */
void
furrow_window_set_sidebar_width (FurrowWindow *self,
                                 int           width)
{
  width = CLAMP (width, SIDEBAR_MIN_WIDTH, MAX (max_width (self), SIDEBAR_MIN_WIDTH));
  if (g_settings_get_int (self->settings, "sidebar-width") != width)
    g_settings_set_int (self->settings, "sidebar-width", width);
  furrow_window_update_sidebar_width (self);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FurrowWindow   *self)
{
  if (!on_handle (self, x))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->sidebar_drag_start = gtk_widget_get_width (self->sidebar);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                FurrowWindow   *self)
{
  /* Right to left, the sidebar is on the right: dragging left widens it. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    offset_x = -offset_x;
  furrow_window_set_sidebar_width (self, self->sidebar_drag_start + (int) round (offset_x));
}

/* The pointer over the line shows that it can be dragged. */
static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           FurrowWindow             *self)
{
  gboolean over = on_handle (self, x);

  if (over != self->sidebar_cursor_shown)
    {
      self->sidebar_cursor_shown = over;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->leaflet), over ? "col-resize" : NULL);
    }
}

void
furrow_window_init_sidebar (FurrowWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect_swapped (self->sidebar_button, "toggled",
                            G_CALLBACK (sidebar_button_toggled_cb), self);
  furrow_window_update_sidebar_width (self);
  /* The window resized (its default size follows): the content keeps its room. */
  g_signal_connect (self, "notify::default-width",
                    G_CALLBACK (furrow_window_update_sidebar_width), NULL);
  /* A page that grew wider (a settled season's roster) folded the sidebar away: it gives the
   * page its room instead, and the leaflet unfolds. */
  g_signal_connect_swapped (self->leaflet, "notify::folded",
                            G_CALLBACK (furrow_window_update_sidebar_width), self);
  /* The field's details opening beside the map: their width counts once the revealer has
   * opened (during its transition the content asks for less), or a wide sidebar folds the
   * window over the map at its default size (tests/gui/test-field-map.c). */
  g_signal_connect_swapped (self->details_revealer, "notify::child-revealed",
                            G_CALLBACK (furrow_window_update_sidebar_width), self);
  g_signal_connect_swapped (self->details_revealer, "notify::reveal-child",
                            G_CALLBACK (furrow_window_update_sidebar_width), self);
  /* Before the lists and the map see the press: a press on the line is a resize. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (drag), "furrow-sidebar-resize");
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->leaflet), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->leaflet), motion);
}
