/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "furrow-window.h"

struct _FurrowWindow
{
  AdwApplicationWindow parent_instance;

  ShumateSimpleMap *map;
};

G_DEFINE_FINAL_TYPE (FurrowWindow, furrow_window, ADW_TYPE_APPLICATION_WINDOW)

static void
furrow_window_class_init (FurrowWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/furrow-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FurrowWindow, map);
}

static void
furrow_window_init (FurrowWindow *self)
{
  g_autoptr(ShumateMapSourceRegistry) registry = NULL;
  ShumateMapSource *source;
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  registry = shumate_map_source_registry_new_with_defaults ();
  source = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  shumate_simple_map_set_map_source (self->map, source);

  viewport = shumate_simple_map_get_viewport (self->map);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 36.45, 119.40);
  shumate_viewport_set_zoom_level (viewport, 14);
}

FurrowWindow *
furrow_window_new (FurrowApplication *application)
{
  return g_object_new (FURROW_TYPE_WINDOW, "application", application, NULL);
}
