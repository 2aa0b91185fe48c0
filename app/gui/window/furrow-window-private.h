/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The window's insides, for the files that make up FurrowWindow (furrow-window*.c) and for other
 * branches' small hooks. */

#include "furrow-exporter.h"
#include "furrow-field-list.h"
#include "furrow-history.h"
#include "furrow-household-list.h"
#include "furrow-household-page.h"
#include "furrow-parcel-index.h"
#include "furrow-map-legend.h"
#include "furrow-planner-panel.h"
#include "furrow-rows-layer.h"
#include "furrow-season-list.h"
#include "furrow-season-view.h"
#include "furrow-window.h"

G_BEGIN_DECLS

struct _FurrowWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *sidebar_separator;
  GtkToggleButton     *sidebar_button;
  AdwHeaderBar        *content_header;
  GtkWidget           *content_box;
  AdwViewSwitcher     *switcher;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *sidebar_stack;
  AdwViewStack        *view_stack;
  FurrowFieldList     *field_list;
  FurrowHouseholdList *household_list;
  FurrowSeasonList    *season_list;
  GtkStack            *content_stack;
  FurrowSeasonView    *season_view;
  /* The season pages are built on the season view's first use (furrow_window_ensure_season_pages). */
  gboolean             season_pages_added;
  GtkWidget           *plan_button;
  GtkWidget           *details_button;
  ShumateSimpleMap    *map;
  GtkRevealer         *details_revealer;
  GtkStack            *details_stack;
  GtkLabel            *field_name_label;
  GtkLabel            *field_code_label;
  GtkLabel            *field_custody_label;
  FurrowMapLegend     *map_legend;
  GtkLabel            *field_parcels_label;
  GtkLabel            *field_registered_label;
  GtkLabel            *field_measured_label;
  GtkLabel            *field_planted_label;
  FurrowHouseholdPage *household_page;
  AdwFlap             *plan_flap;
  FurrowPlannerPanel  *planner_panel;
  GtkWidget           *planner_scroller;
  FurrowRowsLayer     *rows_layer;
  GMenu               *recent_section;
  GtkInfoBar          *connection_banner;

  GSettings                *settings;
  int                       sidebar_drag_start;   /* its width when the drag began */
  gboolean                  sidebar_cursor_shown; /* the resize cursor over the leaflet */
  gboolean                  sidebar_reopened;     /* shown again while planning (its button) */
  ShumateMapSourceRegistry *registry;
  char                     *project_path;
  FurrowStore              *store;
  FurrowHistory            *history;
  FurrowField              *selected_field;
  FurrowHousehold          *selected_household;
  char                     *mbtiles_path;   /* of the map source shown, NULL for OSM */
  gulong                    first_frame_handler;
  GCancellable             *cancellable;    /* of exports running in threads */
  FurrowFieldMap           *field_map;      /* the fields, selection and editor layers */
  GCancellable             *probe;          /* the connection check of an online base map */
  guint                     offline_notices;
  guint                     reconnected_notices;  /* "Reconnected to the server" toasts */
  FurrowParcelIndex        *parcel_index;   /* parcels counted by field, for the details pane */
  GtkLabel                 *role_banner;    /* who is signed in (furrow-window-roles.c) */
  GCancellable             *export_cancellable;  /* of the export behind the progress dialog */
  gboolean                  fit_pending;    /* show all fields once the map has its size */
  gboolean                  view_fitted;    /* the view is all fields, not moved since */
  gboolean                  fitting;        /* fit_fields() is moving the view */
  char                     *field_search;   /* the search text of each list (issue 13) */
  char                     *household_search;
};

/* furrow-window.c */
void furrow_window_show_toast          (FurrowWindow *self,
                                        const char   *message);

/* furrow-window-details.c */
void furrow_window_update_details             (FurrowWindow *self);
void furrow_window_selected_field_changed     (GObject      *object,
                                               GParamSpec   *pspec);
void furrow_window_selected_household_changed (GObject      *object,
                                               GParamSpec   *pspec);
void furrow_window_details_init               (FurrowWindow *self);
void furrow_window_details_set_store          (FurrowWindow *self,
                                               FurrowStore  *store);

/* furrow-window-map.c */
void furrow_window_restore_state  (FurrowWindow   *self);
void furrow_window_save_state     (FurrowWindow   *self);
void furrow_window_show_fields    (FurrowWindow   *self);
void furrow_window_map_class_init (GtkWidgetClass *widget_class);
void furrow_window_map_init       (FurrowWindow   *self);

/* furrow-window-sidebar.c */
void furrow_window_init_sidebar      (FurrowWindow *self);
void furrow_window_set_sidebar_width (FurrowWindow *self,
                                      int           width);
void furrow_window_update_sidebar_width (FurrowWindow *self);
void furrow_window_reveal_sidebar       (FurrowWindow *self);

/* furrow-window-actions.c */
void furrow_window_class_add_actions   (GtkWidgetClass *widget_class);
void furrow_window_update_actions      (FurrowWindow   *self);
void furrow_window_update_recent_menu  (FurrowWindow   *self);
void furrow_window_remember_project    (FurrowWindow   *self,
                                        const char     *path);
void furrow_window_choose_project_file (FurrowWindow         *self,
                                        const char           *title,
                                        GtkFileChooserAction  action,
                                        const char           *accept_label,
                                        const char           *current_name,
                                        const char           *folder,
                                        GCallback             response_cb);
AdwMessageDialog *furrow_window_start_export (FurrowWindow       *self,
                                              FurrowExportLayer   layer,
                                              FurrowExportFormat  format,
                                              const char         *path);
/* The same, households masked or not (FurrowExportOptions). */
AdwMessageDialog *furrow_window_start_export_with_options (FurrowWindow        *self,
                                                           FurrowExportLayer    layer,
                                                           FurrowExportFormat   format,
                                                           FurrowExportOptions  options,
                                                           const char          *path);

G_END_DECLS
