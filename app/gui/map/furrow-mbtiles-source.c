/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-mbtiles-source.h"

#include "furrow-field-tile-renderer.h"
#include "furrow-mbtiles-source-testing.h"

#include "furrow-property.h"

/* Serves the tiles of an offline MBTiles file to libshumate. Tiles are read in a GTask thread;
 * the result is announced with `received-data` on the main thread before the task returns,
 * because the raster renderer of libshumate 1.0.x paints only what that signal carried. */

struct _FurrowMbtilesSource
{
  ShumateDataSource parent_instance;

  FurrowMbtiles *mbtiles;
};

G_DEFINE_FINAL_TYPE (FurrowMbtilesSource, furrow_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_MBTILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x;
  int y;
  int z;
} TileRequest;

static void
read_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FurrowMbtilesSource *self = source_object;
  TileRequest *request = task_data;
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;

  bytes = furrow_mbtiles_get_tile (self->mbtiles, request->x, request->y, request->z, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
read_tile_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FurrowMbtilesSource *self = FURROW_MBTILES_SOURCE (object);
  g_autoptr(GTask) outer = user_data;
  TileRequest *request = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->z, bytes);
  g_task_return_pointer (outer, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
furrow_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                           int                  x,
                                           int                  y,
                                           int                  zoom_level,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  FurrowMbtilesSource *self = FURROW_MBTILES_SOURCE (source);
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  TileRequest *request;

  request = g_new0 (TileRequest, 1);
  request->x = x;
  request->y = y;
  request->z = zoom_level;

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, furrow_mbtiles_source_get_tile_data_async);
  g_task_set_task_data (outer, request, g_free);

  inner = g_task_new (self, cancellable, read_tile_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, read_tile_thread);
  g_task_set_task_data (inner, g_memdup2 (request, sizeof *request), g_free);
  g_task_run_in_thread (inner, read_tile_thread);
}

static GBytes *
furrow_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
furrow_mbtiles_source_dispose (GObject *object)
{
  FurrowMbtilesSource *self = FURROW_MBTILES_SOURCE (object);

  g_clear_object (&self->mbtiles);

  G_OBJECT_CLASS (furrow_mbtiles_source_parent_class)->dispose (object);
}

static void
furrow_mbtiles_source_class_init (FurrowMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->dispose = furrow_mbtiles_source_dispose;

  source_class->get_tile_data_async = furrow_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = furrow_mbtiles_source_get_tile_data_finish;

  properties[PROP_MBTILES] =
    furrow_property_object ("mbtiles", FURROW_TYPE_MBTILES,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY,
                            G_STRUCT_OFFSET (FurrowMbtilesSource, mbtiles), NULL);
  furrow_property_install (object_class, N_PROPS, properties);
}

static void
furrow_mbtiles_source_init (FurrowMbtilesSource *self)
{
}

FurrowMbtilesSource *
furrow_mbtiles_source_new (FurrowMbtiles *mbtiles)
{
  g_return_val_if_fail (FURROW_IS_MBTILES (mbtiles), NULL);

  return g_object_new (FURROW_TYPE_MBTILES_SOURCE, "mbtiles", mbtiles, NULL);
}

FurrowMbtiles *
furrow_mbtiles_source_get_mbtiles (FurrowMbtilesSource *self)
{
  g_return_val_if_fail (FURROW_IS_MBTILES_SOURCE (self), NULL);

  return self->mbtiles;
}

/* MBTiles has no metadata for the tile size: most files hold 256 px tiles, some 512 px. */
static guint
guess_tile_size (FurrowMbtiles *mbtiles)
{
  g_autoptr(GBytes) bytes = furrow_mbtiles_get_any_tile (mbtiles, NULL);
  g_autoptr(GdkTexture) texture = NULL;
  int width;

  if (bytes == NULL)
    return 256;
  texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture == NULL)
    return 256;

  width = gdk_texture_get_width (texture);
  if (width < 64 || width > 4096 || (width & (width - 1)) != 0)
    return 256;
  return (guint) width;
}

/**
 * furrow_mbtiles_source_new_map_source:
 * @mbtiles: an open MBTiles file
 *
 * Wraps @mbtiles into a map source for a #ShumateMap, with the zoom range and attribution of
 * its metadata and the pixel size of its tiles.
 *
 * Returns: (transfer full): a map source with the id "furrow-mbtiles"
 */
ShumateMapSource *
furrow_mbtiles_source_new_map_source (FurrowMbtiles *mbtiles)
{
  g_autoptr(FurrowMbtilesSource) source = furrow_mbtiles_source_new (mbtiles);
  const FurrowMbtilesMetadata *metadata = furrow_mbtiles_get_metadata (mbtiles);
  const char *attribution = metadata->attribution;
  g_autoptr(ShumateRasterRenderer) renderer = NULL;

  /* The attribution is shown in the corner of the map, as the licence of the source. */
  renderer = shumate_raster_renderer_new_full ("furrow-mbtiles",
                                               metadata->name,
                                               attribution != NULL ? attribution : "",
                                               "",
                                               metadata->min_zoom,
                                               metadata->max_zoom,
                                               guess_tile_size (mbtiles),
                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                               SHUMATE_DATA_SOURCE (source));
  /* Painted snapped to whole pixels, as the field tiles are (no seams between tiles). */
  return furrow_field_tile_renderer_new_like (renderer);
}
