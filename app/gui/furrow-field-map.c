/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-map.h"

#include "furrow-parcel.h"

/* Puts the project's fields on a map, in three layers above the base map: the fields as tiles
 * (FurrowFieldTileSource), the selection overlay and the field editor. The window keeps one and
 * hands it the project's store. */

struct _FurrowFieldMap
{
  GObject parent_instance;

  ShumateMap            *map;        /* weak */
  FurrowStore           *store;
  FurrowFieldTileSource *source;
  FurrowSelectionLayer  *selection;
  FurrowFieldEditor     *editor;
  ShumateMapLayer       *labels_layer;  /* weak: e.g. Tianditu's place names over its imagery */
  ShumateMapSource      *labels;
};

G_DEFINE_FINAL_TYPE (FurrowFieldMap, furrow_field_map, G_TYPE_OBJECT)

static void
furrow_field_map_dispose (GObject *object)
{
  FurrowFieldMap *self = FURROW_FIELD_MAP (object);

  g_clear_weak_pointer (&self->map);
  g_clear_weak_pointer (&self->labels_layer);
  g_clear_object (&self->labels);
  g_clear_object (&self->store);
  g_clear_object (&self->source);
  g_clear_object (&self->selection);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (furrow_field_map_parent_class)->dispose (object);
}

static void
furrow_field_map_class_init (FurrowFieldMapClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = furrow_field_map_dispose;
}

static void
furrow_field_map_init (FurrowFieldMap *self)
{
}

/* Adds the field layers on top of @map's layers (call it after the base map is set). */
FurrowFieldMap *
furrow_field_map_new (ShumateMap *map)
{
  FurrowFieldMap *self;
  ShumateViewport *viewport;

  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);

  self = g_object_new (FURROW_TYPE_FIELD_MAP, NULL);
  viewport = shumate_map_get_viewport (map);
  g_set_weak_pointer (&self->map, map);

  self->source = furrow_field_tile_source_new ();
  furrow_field_tile_source_attach (self->source, map);
  self->selection = g_object_ref_sink (furrow_selection_layer_new (viewport));
  shumate_map_add_layer (map, SHUMATE_LAYER (self->selection));
  self->editor = g_object_ref_sink (furrow_field_editor_new (viewport));
  shumate_map_add_layer (map, SHUMATE_LAYER (self->editor));
  return self;
}

void
furrow_field_map_set_store (FurrowFieldMap *self,
                            FurrowStore    *store)
{
  g_autoptr(GListModel) fields = NULL;

  g_return_if_fail (FURROW_IS_FIELD_MAP (self));
  g_return_if_fail (store == NULL || FURROW_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  fields = store != NULL ? furrow_store_get_fields (store) : NULL;
  furrow_field_tile_source_set_fields (self->source, fields);
  furrow_selection_layer_set_fields (self->selection, fields);
  furrow_selection_layer_highlight (self->selection, NULL);
  furrow_field_editor_set_store (self->editor, store);
}

FurrowFieldTileSource *
furrow_field_map_get_tile_source (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), NULL);

  return self->source;
}

FurrowSelectionLayer *
furrow_field_map_get_selection_layer (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), NULL);

  return self->selection;
}

FurrowFieldEditor *
furrow_field_map_get_editor (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), NULL);

  return self->editor;
}

/* A second base layer (place names) between the base map and the fields; NULL removes it. */
void
furrow_field_map_set_labels (FurrowFieldMap   *self,
                             ShumateMapSource *source)
{
  ShumateMapLayer *layer;

  g_return_if_fail (FURROW_IS_FIELD_MAP (self));
  g_return_if_fail (source == NULL || SHUMATE_IS_MAP_SOURCE (source));

  if (self->map == NULL || !g_set_object (&self->labels, source))
    return;
  if (self->labels_layer != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->labels_layer));
  g_clear_weak_pointer (&self->labels_layer);
  if (source == NULL)
    return;

  layer = shumate_map_layer_new (source, shumate_map_get_viewport (self->map));
  /* Under the field tiles (whose layer is rebuilt after edits: ask for the current one). */
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (layer),
                                   SHUMATE_LAYER (furrow_field_tile_source_get_layer (self->source)));
  g_set_weak_pointer (&self->labels_layer, layer);
}

ShumateMapSource *
furrow_field_map_get_labels (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), NULL);

  return self->labels;
}

/* "Show on map" of a household: highlights all its parcels and zooms to their bounds. */
void
furrow_field_map_show_household (FurrowFieldMap *self,
                                 const char     *household_code)
{
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GPtrArray) geometries = g_ptr_array_new ();
  guint n;

  g_return_if_fail (FURROW_IS_FIELD_MAP (self));

  if (self->store == NULL || household_code == NULL)
    {
      furrow_selection_layer_highlight (self->selection, NULL);
      return;
    }

  parcels = furrow_store_get_parcels (self->store);
  n = g_list_model_get_n_items (parcels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), household_code) == 0 &&
          furrow_parcel_get_geometry (parcel) != NULL)
        g_ptr_array_add (geometries, furrow_parcel_get_geometry (parcel));
    }
  furrow_selection_layer_highlight (self->selection, geometries);
  furrow_selection_layer_show_highlighted (self->selection);
}
