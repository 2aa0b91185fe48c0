/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowWindow: the main window — the register's lists and the seasons in the sidebar, the map or
 * a season in the content area, the details pane and the planner beside the map. Split by
 * concern (HACKING.md, "How the code is written"): the map in furrow-window-map.c, the selection
 * and the details pane in furrow-window-details.c, the actions in furrow-window-actions.c, import
 * in furrow-window-import.c, new and deleted seasons in furrow-window-seasons.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-window-private.h"
#include "furrow-connect-dialog.h"
#include "furrow-template.h"
#include "furrow-window-testing.h"
#include "furrow-demo.h"
#include "furrow-field-map.h"
#include "furrow-parcel-index.h"
#include "furrow-planner-panel.h"
#include "furrow-property.h"
#include "furrow-rows-layer.h"
#include "furrow-season-economics-page.h"
#include "furrow-season-harvest-page.h"
#include "furrow-season-overview-page.h"
#include "furrow-season-settlement-page.h"
#include "furrow-window-import.h"
#include "furrow-window-contracts.h"
#include "furrow-window-roles.h"
#include "furrow-window-transfer.h"
#include "furrow-window-seasons.h"

G_DEFINE_FINAL_TYPE (FurrowWindow, furrow_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT_PATH,
  PROP_SELECTED_FIELD,
  PROP_SELECTED_HOUSEHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_ON_MAP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowWindow, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (window_title), CHILD (toast_overlay), CHILD (map), CHILD (leaflet), CHILD (sidebar),
  CHILD (content_box), CHILD (switcher), CHILD (search_bar), CHILD (search_entry),
  CHILD (sidebar_stack), CHILD (view_stack), CHILD (field_list), CHILD (household_list),
  CHILD (season_list), CHILD (content_stack), CHILD (season_view), CHILD (plan_button),
  CHILD (details_button), CHILD (details_revealer), CHILD (details_stack),
  CHILD (field_name_label), CHILD (field_code_label), CHILD (field_custody_label),
  CHILD (map_legend), CHILD (field_parcels_label), CHILD (field_registered_label),
  CHILD (field_measured_label), CHILD (field_planted_label), CHILD (household_page),
  CHILD (recent_section), CHILD (plan_flap), CHILD (planner_scroller), CHILD (planner_panel),
  CHILD (connection_banner), CHILD (sidebar_separator), CHILD (sidebar_button),
  CHILD (content_header),
};
#undef CHILD

void
furrow_window_show_toast (FurrowWindow *self,
                          const char   *message)
{
  /* Toast titles are Pango markup in libadwaita 1.2; file names may hold '&' or '<'. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
furrow_window_close_request (GtkWindow *window)
{
  furrow_window_save_state (FURROW_WINDOW (window));

  return GTK_WINDOW_CLASS (furrow_window_parent_class)->close_request (window);
}

/* FURROW_BENCH_FIRST_FRAME=1: print the time from main() to the first painted frame and quit. */
static void
first_frame_cb (GdkFrameClock *clock,
                FurrowWindow  *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gint64 start_us = furrow_application_get_start_time (FURROW_APPLICATION (app));

  g_clear_signal_handler (&self->first_frame_handler, clock);
  g_print ("first-frame-ms: %.1f\n", (g_get_monotonic_time () - start_us) / 1000.0);
  g_application_quit (G_APPLICATION (app));
}

static void
furrow_window_realize (GtkWidget *widget)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  GTK_WIDGET_CLASS (furrow_window_parent_class)->realize (widget);

  if (g_getenv ("FURROW_BENCH_FIRST_FRAME") != NULL && self->first_frame_handler == 0)
    self->first_frame_handler = g_signal_connect (gtk_widget_get_frame_clock (widget),
                                                  "after-paint", G_CALLBACK (first_frame_cb),
                                                  self);
}

static void
furrow_window_unrealize (GtkWidget *widget)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  g_clear_signal_handler (&self->first_frame_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (furrow_window_parent_class)->unrealize (widget);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/**
 * furrow_window_select_field:
 * @self: a #FurrowWindow
 * @field: (nullable): a field of the window's store, or %NULL
 *
 * Makes @field the window's selected field: its row is selected and scrolled to, the details
 * pane shows it and #FurrowWindow:selected-field notifies (the map follows it).
 */
void
furrow_window_select_field (FurrowWindow *self,
                            FurrowField  *field)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (field == NULL || FURROW_IS_FIELD (field));

  furrow_property_set_object (self, properties[PROP_SELECTED_FIELD], field);
}

void
furrow_window_select_household (FurrowWindow    *self,
                                FurrowHousehold *household)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (household == NULL || FURROW_IS_HOUSEHOLD (household));

  furrow_property_set_object (self, properties[PROP_SELECTED_HOUSEHOLD], household);
}

FurrowHousehold *
furrow_window_get_selected_household (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->selected_household;
}

/**
 * furrow_window_show_household_on_map:
 *
 * Asks the map to zoom to and highlight the parcels of @household: emits
 * #FurrowWindow::show-on-map.
 */
void
furrow_window_show_household_on_map (FurrowWindow    *self,
                                     FurrowHousehold *household)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (FURROW_IS_HOUSEHOLD (household));

  g_signal_emit (self, signals[SHOW_ON_MAP], 0, household);
}

/* Season pages, in switcher order: overview, economics, harvest, settlement
 * (furrow_season_view_add_page(); see the page contract in furrow-season-view.h). Built on the
 * season view's first use rather than in furrow_window_init(): building, measuring and laying out
 * the four hidden pages more than doubled the time to the first frame (bench `startup`). */
static void
furrow_window_ensure_season_pages (FurrowWindow *self)
{
  if (self->season_pages_added)
    return;
  self->season_pages_added = TRUE;
  furrow_season_view_add_page (self->season_view, GTK_WIDGET (furrow_season_overview_page_new ()),
                               "overview", _("Overview"), "view-grid-symbolic");
  furrow_season_view_add_page (self->season_view, GTK_WIDGET (furrow_season_economics_page_new ()),
                               "economics", _("Economics"), "accessories-calculator-symbolic");
  furrow_season_view_add_page (self->season_view, GTK_WIDGET (furrow_season_harvest_page_new ()),
                               "harvest", _("Harvest"), "emblem-ok-symbolic");
  furrow_season_view_add_page (self->season_view,
                               GTK_WIDGET (furrow_season_settlement_page_new ()),
                               "settlement", _("Settlement"), "changes-prevent-symbolic");
}

/* The content area shows the season chosen in the Seasons view, the map otherwise. */
static void
update_content (FurrowWindow *self)
{
  gpointer season = furrow_season_list_get_selected (self->season_list);
  gboolean on_season = season != NULL &&
    g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "seasons") == 0;

  if (on_season)
    furrow_window_ensure_season_pages (self);
  if (season != furrow_season_view_get_season (self->season_view))
    furrow_season_view_set_season (self->season_view, season);
  /* The planner's "Apply to Season" offers the season last shown first. */
  if (season != NULL)
    furrow_planner_panel_set_season (self->planner_panel, season);
  gtk_stack_set_visible_child_name (self->content_stack, on_season ? "season" : "map");
  gtk_widget_set_visible (self->plan_button, !on_season);
  gtk_widget_set_visible (self->details_button, !on_season);
  /* Ctrl+D draws a field on the map, and fills down in a season's table (issue 13, item 8). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.draw-field",
                                 !on_season && furrow_window_may (self, FURROW_PERMISSION_FIELDS));
  /* The season's pages ask for more width than the map: the sidebar gives it to them rather
   * than fold away (furrow-window-sidebar.c). */
  furrow_window_update_sidebar_width (self);
}

static void
season_list_selected_cb (FurrowWindow *self)
{
  update_content (self);
  if (furrow_season_list_get_selected (self->season_list) != NULL &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* The register list of the view shown and where its search text is kept; NULL on Seasons. */
static FurrowRecordList *
visible_list (FurrowWindow   *self,
              char         ***text)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "fields") == 0)
    {
      *text = &self->field_search;
      return FURROW_RECORD_LIST (self->field_list);
    }
  if (g_strcmp0 (name, "households") == 0)
    {
      *text = &self->household_search;
      return FURROW_RECORD_LIST (self->household_list);
    }
  *text = NULL;
  return NULL;
}

/* Each list has its own search (issue 13): the text typed searches the list shown, and the
 * other keeps its own text, so it never shows "No Results" for a name typed elsewhere. */
static void
apply_search (FurrowWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  char **kept = NULL;
  FurrowRecordList *list = visible_list (self, &kept);

  if (list == NULL)
    return;
  g_free (*kept);
  *kept = g_strdup (text);
  furrow_record_list_set_search (list, text);
}

static void
search_changed_cb (FurrowWindow *self)
{
  apply_search (self);
}

/* Search closed (Escape, or the search button): every list shows all its rows again. */
static void
search_mode_changed_cb (FurrowWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  g_clear_pointer (&self->field_search, g_free);
  g_clear_pointer (&self->household_search, g_free);
  furrow_record_list_set_search (FURROW_RECORD_LIST (self->field_list), NULL);
  furrow_record_list_set_search (FURROW_RECORD_LIST (self->household_list), NULL);
}

static void
stop_search_cb (FurrowWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
visible_view_changed_cb (FurrowWindow *self)
{
  char **kept = NULL;
  FurrowRecordList *list = visible_list (self, &kept);
  /* A copy: emptying the entry runs search-changed at once, which replaces the kept text. */
  g_autofree char *text = g_strdup (list != NULL && *kept != NULL ? *kept : "");

  /* The entry shows the search of the list now shown; a list still filtered shows it. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  if (text[0] != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  furrow_window_update_details (self);
}

static void
back_clicked_cb (FurrowWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
planner_layout_changed_cb (FurrowWindow       *self,
                           FurrowPlannerPanel *panel)
{
  FurrowField *field = furrow_planner_panel_get_field (panel);

  furrow_rows_layer_set_layout (self->rows_layer,
                                field != NULL ? furrow_field_get_geometry (field) : NULL,
                                furrow_planner_panel_get_layout (panel));
}

#define PLANNER_WIDTH 440

/* The planner beside the map gets its natural width (its rows unclipped, at most the clamp of
 * its template) while it is shown, and asks for nothing while hidden, so that a narrow window
 * stays possible (issue 13, item 1). AdwFlap gives an unfolded flap its minimum width only: the
 * map, which expands, takes the rest. */
static void
set_planner_shown (FurrowWindow *self,
                   gboolean      reveal)
{
  int minimum = 0, natural = 0;

  if (reveal)
    gtk_widget_measure (GTK_WIDGET (self->planner_panel), GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, &natural, NULL, NULL);
  /* Wrapped descriptions ask for their whole text on one line: no wider than PLANNER_WIDTH. */
  gtk_widget_set_size_request (self->planner_scroller,
                               reveal ? MAX (minimum, MIN (natural, PLANNER_WIDTH)) : -1, -1);
  adw_flap_set_reveal_flap (self->plan_flap, reveal);
  /* A wide sidebar gives the planner room rather than fold away (furrow-window-sidebar.c). */
  furrow_window_update_sidebar_width (self);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_layer), reveal);
}

/* Opens or closes the planner beside the map; with no field chosen yet it plans the first. */
static void
plan_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->plan_flap);
  g_autoptr(GListModel) fields = self->store != NULL ? furrow_store_get_fields (self->store)
                                                     : NULL;

  if (reveal && furrow_planner_panel_get_field (self->planner_panel) == NULL &&
      fields != NULL && g_list_model_get_n_items (fields) > 0)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, 0);

      furrow_planner_panel_set_field (self->planner_panel, field);
    }
  /* The planner and the details pane take the same place beside the map, one at a time
   * (docs/architecture.md, The window): each needs its full width. */
  if (reveal)
    gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
  set_planner_shown (self, reveal);
}

/* The details pane opened (its button, a selection): the planner gives it its place. */
static void
details_revealed_cb (FurrowWindow *self)
{
  if (gtk_revealer_get_reveal_child (self->details_revealer) &&
      adw_flap_get_reveal_flap (self->plan_flap))
    set_planner_shown (self, FALSE);
}

/* Alt+1, Alt+2, Alt+3: the Fields, Households or Seasons list, focused (issue 13, item 7). */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (page == NULL || self->store == NULL)
    return;
  furrow_window_reveal_sidebar (self);
  adw_view_stack_set_visible_child (self->view_stack, page);
  if (FURROW_IS_RECORD_LIST (page))
    furrow_record_list_focus (FURROW_RECORD_LIST (page));
  else
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
editor_message_cb (FurrowWindow *self,
                   const char   *message)
{
  furrow_window_show_toast (self, message);
}

static void
show_on_map_cb (FurrowWindow    *self,
                FurrowHousehold *household)
{
  furrow_field_map_show_household (self->field_map, furrow_household_get_code (household));
}

static void
draw_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  if (self->store == NULL)
    furrow_window_show_toast (self, _("Open a project to draw fields in it"));
  else
    furrow_field_editor_start (furrow_field_map_get_editor (self->field_map));
}

/* Reshapes the selected field on the map: its corners become handles to drag, Enter saves (one
 * edit, undone with Ctrl+Z), Escape cancels. Enabled by furrow_window_update_actions(). */
static void
reshape_field_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FurrowWindow *self = FURROW_WINDOW (widget);

  if (self->store == NULL || self->selected_field == NULL)
    return;
  furrow_field_editor_edit (furrow_field_map_get_editor (self->field_map), self->selected_field);
}

static void
furrow_window_constructed (GObject *object)
{
  FurrowWindow *self = FURROW_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (furrow_window_parent_class)->constructed (object);

  if (FURROW_IS_APPLICATION (app))
    self->settings = g_object_ref (furrow_application_get_settings (FURROW_APPLICATION (app)));
  else
    self->settings = g_settings_new (APPLICATION_ID);

  furrow_window_restore_state (self);
  furrow_window_init_sidebar (self);

  /* After the base map: the field layers go on top of it. */
  self->field_map = furrow_field_map_new (shumate_simple_map_get_map (self->map));
  /* The planned rows draw above the field tiles. */
  self->rows_layer = furrow_rows_layer_new (shumate_simple_map_get_viewport (self->map));
  gtk_widget_set_visible (GTK_WIDGET (self->rows_layer), FALSE);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->rows_layer));
  g_signal_connect_object (furrow_field_map_get_editor (self->field_map), "message",
                           G_CALLBACK (editor_message_cb), self, G_CONNECT_SWAPPED);
  /* Drawn fields are undone with the window's other edits (win.undo, Ctrl+Z). */
  furrow_field_editor_set_history (furrow_field_map_get_editor (self->field_map), self->history);
  /* No reshaping of another field while one is drawn (win.reshape-field). */
  g_signal_connect_object (furrow_field_map_get_editor (self->field_map), "notify::drawing",
                           G_CALLBACK (furrow_window_update_actions), self, G_CONNECT_SWAPPED);
  /* A click on the map selects in the lists and the details pane, and the other way round. */
  g_object_bind_property (self, "selected-field",
                          furrow_field_map_get_selection_layer (self->field_map), "selected-field",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "show-on-map", G_CALLBACK (show_on_map_cb), NULL);
  /* Fields coloured by planned pattern, custody type or household (win.field-colouring), with
   * the legend over the map. */
  {
    g_autoptr(GAction) colouring = g_settings_create_action (self->settings, "field-colouring");

    g_action_map_add_action (G_ACTION_MAP (self), colouring);
    furrow_field_map_set_legend (self->field_map, self->map_legend);
    g_settings_bind (self->settings, "field-colouring", self->field_map, "colouring",
                     G_SETTINGS_BIND_GET);
  }

  g_signal_connect_object (self->details_revealer, "notify::reveal-child",
                           G_CALLBACK (details_revealed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "area-mismatch-percent", self->household_page,
                   "mismatch-percent", G_SETTINGS_BIND_GET);
  furrow_window_update_recent_menu (self);
  furrow_window_update_actions (self);
}

static void
furrow_window_dispose (GObject *object)
{
  FurrowWindow *self = FURROW_WINDOW (object);

  /* Its GSettings action would outlive the window's action group otherwise. */
  g_action_map_remove_action (G_ACTION_MAP (self), "field-colouring");
  g_clear_object (&self->field_map);
  g_cancellable_cancel (self->probe);
  g_clear_object (&self->probe);
  g_cancellable_cancel (self->cancellable);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_WINDOW);

  G_OBJECT_CLASS (furrow_window_parent_class)->dispose (object);
}

static void
furrow_window_finalize (GObject *object)
{
  FurrowWindow *self = FURROW_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->project_path, g_free);
  g_clear_object (&self->parcel_index);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->selected_field);
  g_clear_object (&self->selected_household);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->mbtiles_path, g_free);
  g_clear_pointer (&self->field_search, g_free);
  g_clear_pointer (&self->household_search, g_free);

  G_OBJECT_CLASS (furrow_window_parent_class)->finalize (object);
}

static void
furrow_window_class_init (FurrowWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = furrow_window_constructed;
  object_class->get_property = furrow_property_get_member;
  object_class->set_property = furrow_property_set_member;
  object_class->dispose = furrow_window_dispose;
  object_class->finalize = furrow_window_finalize;

  widget_class->realize = furrow_window_realize;
  widget_class->unrealize = furrow_window_unrealize;

  window_class->close_request = furrow_window_close_request;

  /**
   * FurrowWindow:project-path:
   *
   * The project file the window shows, or %NULL. Its name is the window's subtitle.
   */
  properties[PROP_PROJECT_PATH] =
    furrow_property_member (g_param_spec_string ("project-path", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS),
                            G_STRUCT_OFFSET (FurrowWindow, project_path), NULL);

  /**
   * FurrowWindow:selected-field:
   *
   * The field selected in the list or on the map, or %NULL.
   */
  properties[PROP_SELECTED_FIELD] =
    furrow_property_member (g_param_spec_object ("selected-field", NULL, NULL, FURROW_TYPE_FIELD,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS),
                            G_STRUCT_OFFSET (FurrowWindow, selected_field),
                            furrow_window_selected_field_changed);

  /**
   * FurrowWindow:selected-household:
   *
   * The household selected in the list, or %NULL.
   */
  properties[PROP_SELECTED_HOUSEHOLD] =
    furrow_property_member (g_param_spec_object ("selected-household", NULL, NULL,
                                                 FURROW_TYPE_HOUSEHOLD,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS),
                            G_STRUCT_OFFSET (FurrowWindow, selected_household),
                            furrow_window_selected_household_changed);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FurrowWindow::show-on-map:
   * @household: the household whose parcels to show
   *
   * The user asked to see a household's parcels on the map.
   */
  signals[SHOW_ON_MAP] =
    g_signal_new ("show-on-map", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, FURROW_TYPE_HOUSEHOLD);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (FURROW_TYPE_MAP_LEGEND);
  g_type_ensure (FURROW_TYPE_FIELD_LIST);
  g_type_ensure (FURROW_TYPE_HOUSEHOLD_LIST);
  g_type_ensure (FURROW_TYPE_HOUSEHOLD_PAGE);
  g_type_ensure (FURROW_TYPE_SEASON_LIST);
  g_type_ensure (FURROW_TYPE_SEASON_VIEW);
  g_type_ensure (FURROW_TYPE_PLANNER_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/window/furrow-window.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  furrow_window_map_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.draw-field", NULL, draw_field_action);
  gtk_widget_class_install_action (widget_class, "win.reshape-field", NULL, reshape_field_action);
  furrow_window_class_add_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.plan-field", NULL, plan_field_action);
  gtk_widget_class_install_action (widget_class, "win.connect-server", NULL,
                                   furrow_connect_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  furrow_window_import_class_init (widget_class);
  furrow_window_seasons_class_init (widget_class);
  furrow_window_contracts_class_init (widget_class);
  furrow_window_roles_class_init (widget_class);
  furrow_window_transfer_class_init (widget_class);
}

static void
furrow_window_init (FurrowWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->registry = shumate_map_source_registry_new_with_defaults ();
  self->history = furrow_history_new ();
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (furrow_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (furrow_window_update_actions), self, G_CONNECT_SWAPPED);
  furrow_window_details_init (self);
  furrow_window_map_init (self);
  g_signal_connect_swapped (self->season_list, "notify::selected",
                            G_CALLBACK (season_list_selected_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (update_content), self);
  /* The season pages are built on the season view's first use: furrow_window_ensure_season_pages(). */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->planner_panel, "layout-changed",
                           G_CALLBACK (planner_layout_changed_cb), self, G_CONNECT_SWAPPED);
  /* The planner plans the field selected in the list or on the map. */
  g_object_bind_property (self, "selected-field", self->planner_panel, "field", G_BINDING_DEFAULT);
  furrow_window_import_init (self);
  furrow_window_seasons_init (self);
  furrow_window_contracts_init (self);
  furrow_window_roles_init (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

FurrowWindow *
furrow_window_new (FurrowApplication *application)
{
  return g_object_new (FURROW_TYPE_WINDOW, "application", application, NULL);
}

const char *
furrow_window_get_project_path (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->project_path;
}

/* Another user changed or deleted what an edit wanted to change (docs/architecture.md, Several
 * users at once): the store refused it, read the record again and announced it, so the views
 * show the stored values; the dialog says whose change won. Nothing was recorded for Undo. */
/* A server store lost its connection and connects again by itself (furrow-store.h): a banner
 * while it is away, a toast when it is back. */
static void
connected_cb (FurrowWindow *self,
              GParamSpec   *pspec,
              FurrowStore  *store)
{
  gboolean connected = furrow_store_get_connected (store);

  gtk_info_bar_set_revealed (self->connection_banner, !connected);
  if (connected)
    {
      self->reconnected_notices++;
      furrow_window_show_toast (self, _("Reconnected to the server"));
    }
}

static void
conflict_cb (FurrowWindow *self,
             const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changed by Another User"),
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * furrow_window_open_project:
 * @self: a #FurrowWindow
 * @path: a project file
 * @error: return location for the reason it cannot be opened
 *
 * Opens the project at @path in the window, with its name as the subtitle, and shows its
 * fields. When it cannot be opened, the window keeps what it showed and a toast says why.
 *
 * Returns: %TRUE when the window shows the project
 */
gboolean
furrow_window_open_project (FurrowWindow  *self,
                            const char    *path,
                            GError       **error)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = furrow_store_open (path, &local_error);
  if (store == NULL)
    {
      g_autofree char *message = NULL;

      /* A damaged file is not a passing toast: it says which file and what to do, and
       * stays until read (docs/architecture.md, Opening, backup, check). */
      if (g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                      _("The Project Is Damaged"),
                                                      local_error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      /* A server asking for a password: the caller asks for it (furrow-connect-dialog.h). */
      else if (!g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PASSWORD))
        {
          /* Translators: %s is why, e.g. "coop.gpkg is not a Furrow project". */
          message = g_strdup_printf (_("Cannot open the project: %s"), local_error->message);
          furrow_window_show_toast (self, message);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  furrow_window_select_field (self, NULL);
  furrow_window_select_household (self, NULL);
  furrow_history_clear (self->history);
  /* On a server, what others commit reaches the views within the main loop (furrow-store.h). */
  if (!furrow_store_listen (store, &local_error))
    {
      furrow_window_show_toast (self, local_error->message);
      g_clear_error (&local_error);
    }
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, conflict_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, connected_cb, self);
    }
  g_signal_connect_object (store, "conflict", G_CALLBACK (conflict_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::connected", G_CALLBACK (connected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_info_bar_set_revealed (self->connection_banner, !furrow_store_get_connected (store));
  furrow_window_details_set_store (self, store);
  furrow_window_roles_watch (self, store);
  g_set_object (&self->store, store);
  {
    g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);

    g_clear_object (&self->parcel_index);
    self->parcel_index = furrow_parcel_index_new (parcels);
  }
  furrow_field_map_set_store (self->field_map, store);
  furrow_record_list_set_store (FURROW_RECORD_LIST (self->field_list), store);
  furrow_record_list_set_store (FURROW_RECORD_LIST (self->household_list), store);
  furrow_household_page_set_project (self->household_page, store, self->history);
  {
    g_autoptr(GListModel) seasons = furrow_store_get_seasons (store);

    furrow_season_list_set_model (self->season_list, seasons);
  }
  furrow_season_view_set_project (self->season_view, store, self->history);
  furrow_planner_panel_set_project (self->planner_panel, store, self->history);
  update_content (self);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "views");
  furrow_window_show_fields (self);
  furrow_window_remember_project (self, path);
  furrow_window_update_actions (self);

  /* A file's name, or "CODE on host/database" (furrow-connect-dialog.h). */
  display_name = furrow_connect_dialog_describe (path);
  adw_window_title_set_subtitle (self->window_title, display_name);
  if (furrow_store_is_server (store))
    furrow_connect_dialog_remember (self->settings, path);

  furrow_property_set_string (self, properties[PROP_PROJECT_PATH], path);
  return TRUE;
}

/**
 * furrow_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store of the project shown, or %NULL
 */
FurrowStore *
furrow_window_get_store (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * furrow_window_get_history:
 *
 * Returns: (transfer none): the undo/redo history of the window's edits
 */
FurrowHistory *
furrow_window_get_history (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * furrow_window_open_demo:
 *
 * Opens the demo cooperative, $XDG_DATA_HOME/furrow/demo.gpkg, creating it first when it does
 * not exist.
 */
gboolean
furrow_window_open_demo (FurrowWindow  *self,
                         GError       **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "furrow", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.gpkg", NULL);

  g_return_val_if_fail (FURROW_IS_WINDOW (self), FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(FurrowStore) demo = NULL;
      g_autoptr(GError) local_error = NULL;

      g_mkdir_with_parents (dir, 0700);
      demo = furrow_demo_create (path, &local_error);
      if (demo == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is why, e.g. "demo.gpkg: permission denied". */
          message = g_strdup_printf (_("Cannot create the demo cooperative: %s"),
                                     local_error->message);
          furrow_window_show_toast (self, message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return furrow_window_open_project (self, path, error);
}

/**
 * furrow_window_get_planner_panel:
 *
 * Returns: (transfer none): the strip planner beside the map (win.plan-field shows it)
 */
FurrowPlannerPanel *
furrow_window_get_planner_panel (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->planner_panel;
}

/**
 * furrow_window_get_rows_layer:
 *
 * Returns: (transfer none): the map layer drawing the planned rows
 */
FurrowRowsLayer *
furrow_window_get_rows_layer (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->rows_layer;
}

/**
 * furrow_window_get_map:
 *
 * Returns: (transfer none): the map filling the window
 */
ShumateSimpleMap *
furrow_window_get_map (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->map;
}

/**
 * furrow_window_get_field_map:
 *
 * Returns: (transfer none): the field layers of the map (tiles, selection, editor)
 */
FurrowFieldMap *
furrow_window_get_field_map (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  return self->field_map;
}

/* Whether the banner "Connection to the server lost" shows, and how many times the window said it
 * was connected again (tests). */
gboolean
furrow_window_get_connection_lost_shown (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), FALSE);

  return gtk_info_bar_get_revealed (self->connection_banner);
}

guint
furrow_window_get_n_reconnected_notices (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), 0);

  return self->reconnected_notices;
}

/* How many times the window said the online base map cannot be reached (tests). */
guint
furrow_window_get_n_offline_notices (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), 0);

  return self->offline_notices;
}

void
furrow_window_show_season (FurrowWindow *self,
                           FurrowSeason *season)
{
  g_return_if_fail (FURROW_IS_WINDOW (self));
  g_return_if_fail (season == NULL || FURROW_IS_SEASON (season));

  if (season != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "seasons");
  furrow_season_list_set_selected (self->season_list, season);
  update_content (self);
}

/**
 * furrow_window_get_season_view:
 *
 * Returns: (transfer none): the view of the season chosen in the Seasons list
 */
FurrowSeasonView *
furrow_window_get_season_view (FurrowWindow *self)
{
  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  furrow_window_ensure_season_pages (self);
  return self->season_view;
}
