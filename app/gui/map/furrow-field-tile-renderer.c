/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-tile-renderer.h"

#include <string.h>

#include "furrow-tile-paintable.h"

/* Turns the PNG tiles of a ShumateDataSource into paintables for a ShumateMapLayer, like
 * ShumateRasterRenderer, but decodes them in a worker thread into cairo surfaces, painted as
 * they are (FurrowTilePaintable).
 *
 * ShumateRasterRenderer 1.0 decodes every tile with gdk-pixbuf on the main thread into a texture
 * of straight RGBA, and GTK 4.8's cairo renderer converts a texture pixel by pixel each time it
 * draws it: most of the main thread's time while panning a map of field tiles. */

struct _FurrowFieldTileRenderer
{
  ShumateMapSource   parent_instance;

  ShumateDataSource *source;
};

G_DEFINE_FINAL_TYPE (FurrowFieldTileRenderer, furrow_field_tile_renderer, SHUMATE_TYPE_MAP_SOURCE)

static void
furrow_field_tile_renderer_dispose (GObject *object)
{
  FurrowFieldTileRenderer *self = FURROW_FIELD_TILE_RENDERER (object);

  g_clear_object (&self->source);

  G_OBJECT_CLASS (furrow_field_tile_renderer_parent_class)->dispose (object);
}

typedef struct
{
  GBytes *bytes;
  gsize   offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (reader->bytes, &size);

  if (reader->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, bytes + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The image in @bytes as a paintable of a cairo image surface; thread-safe. PNG (the field
 * tiles, most base maps) is read by cairo; anything else (JPEG imagery) by GdkTexture's loaders
 * and copied into a surface once, so painting it never converts again. */
static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G' };
  PngReader reader = { task_data, 0 };
  gsize size;
  const guint8 *data = g_bytes_get_data (task_data, &size);
  cairo_surface_t *surface;

  if (size >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (task_data, &error);

      if (texture == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "Cannot read a map tile: %s", error->message);
          return;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                            gdk_texture_get_height (texture));
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_flush (surface);
          /* GdkTexture downloads in cairo's own ARGB32 layout. */
          gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                                cairo_image_surface_get_stride (surface));
          cairo_surface_mark_dirty (surface);
        }
    }

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "Cannot read a map tile: %s",
                               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  g_task_return_pointer (task, furrow_tile_paintable_new (surface), g_object_unref);
  cairo_surface_destroy (surface);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ShumateTile *tile = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) paintable = g_task_propagate_pointer (G_TASK (result), &error);

  if (paintable == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  shumate_tile_set_paintable (tile, paintable);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

static void
data_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FurrowFieldTileRenderer *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) decode = NULL;

  bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  decode = g_task_new (self, g_task_get_cancellable (task), decoded_cb, g_object_ref (task));
  g_task_set_source_tag (decode, decode_thread);
  g_task_set_task_data (decode, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (decode, decode_thread);
}

static void
furrow_field_tile_renderer_fill_tile_async (ShumateMapSource    *map_source,
                                            ShumateTile         *tile,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  FurrowFieldTileRenderer *self = FURROW_FIELD_TILE_RENDERER (map_source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, furrow_field_tile_renderer_fill_tile_async);
  g_task_set_task_data (task, g_object_ref (tile), g_object_unref);
  shumate_data_source_get_tile_data_async (self->source, shumate_tile_get_x (tile),
                                           shumate_tile_get_y (tile),
                                           shumate_tile_get_zoom_level (tile), cancellable,
                                           data_cb, g_steal_pointer (&task));
}

static gboolean
furrow_field_tile_renderer_fill_tile_finish (ShumateMapSource  *map_source,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, map_source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
furrow_field_tile_renderer_class_init (FurrowFieldTileRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->dispose = furrow_field_tile_renderer_dispose;
  source_class->fill_tile_async = furrow_field_tile_renderer_fill_tile_async;
  source_class->fill_tile_finish = furrow_field_tile_renderer_fill_tile_finish;
}

static void
furrow_field_tile_renderer_init (FurrowFieldTileRenderer *self)
{
}

/**
 * furrow_field_tile_renderer_new:
 * @source: where the tiles come from (PNG, JPEG or anything gdk_texture_new_from_bytes() reads)
 *
 * A Web-Mercator map source of zoom levels 0 to 22.
 */
FurrowFieldTileRenderer *
furrow_field_tile_renderer_new (const char        *id,
                                const char        *name,
                                guint              tile_size,
                                ShumateDataSource *source)
{
  FurrowFieldTileRenderer *self;

  g_return_val_if_fail (SHUMATE_IS_DATA_SOURCE (source), NULL);

  self = g_object_new (FURROW_TYPE_FIELD_TILE_RENDERER,
                       "id", id,
                       "name", name,
                       "min-zoom-level", 0,
                       "max-zoom-level", 22,
                       "tile-size", tile_size,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->source = g_object_ref (source);
  return self;
}

/**
 * furrow_field_tile_renderer_new_like:
 * @renderer: a raster map source (OpenStreetMap, an XYZ address, an MBTiles file)
 *
 * The same tiles as @renderer (its data source, id, name, licence and zoom range), painted as
 * Furrow's field tiles are: snapped to whole pixels, so the base map has no seams between its
 * tiles either (FurrowTilePaintable), and never converted again after decoding.
 *
 * Returns: (transfer full): a map source in place of @renderer
 */
ShumateMapSource *
furrow_field_tile_renderer_new_like (ShumateRasterRenderer *renderer)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (renderer);
  g_autoptr(ShumateDataSource) data_source = NULL;
  FurrowFieldTileRenderer *self;

  g_return_val_if_fail (SHUMATE_IS_RASTER_RENDERER (renderer), NULL);

  g_object_get (renderer, "data-source", &data_source, NULL);
  self = furrow_field_tile_renderer_new (shumate_map_source_get_id (source),
                                         shumate_map_source_get_name (source),
                                         shumate_map_source_get_tile_size (source), data_source);
  g_object_set (self,
                "license", shumate_map_source_get_license (source),
                "license-uri", shumate_map_source_get_license_uri (source),
                "min-zoom-level", shumate_map_source_get_min_zoom_level (source),
                "max-zoom-level", shumate_map_source_get_max_zoom_level (source),
                NULL);
  return SHUMATE_MAP_SOURCE (self);
}
