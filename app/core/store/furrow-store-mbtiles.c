/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-store-mbtiles-testing.h"

#include <stdlib.h>

#include "furrow-database.h"

struct _FurrowMbtiles
{
  GObject parent_instance;

  char                  *path;
  char                  *display_name;
  FurrowMbtilesMetadata  metadata;  /* owns its strings */

  /* One connection shared by the threads that read tiles: the mutex guards it and its
   * statements. */
  GMutex          mutex;
  FurrowDatabase *database;
};

G_DEFINE_FINAL_TYPE (FurrowMbtiles, furrow_mbtiles, G_TYPE_OBJECT)

G_DEFINE_QUARK (furrow-mbtiles-error-quark, furrow_mbtiles_error)

static void
furrow_mbtiles_finalize (GObject *object)
{
  FurrowMbtiles *self = FURROW_MBTILES (object);

  g_clear_pointer (&self->database, furrow_database_free);
  g_mutex_clear (&self->mutex);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_free ((char *) self->metadata.name);
  g_free ((char *) self->metadata.format);
  g_free ((char *) self->metadata.attribution);

  G_OBJECT_CLASS (furrow_mbtiles_parent_class)->finalize (object);
}

static void
furrow_mbtiles_class_init (FurrowMbtilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_mbtiles_finalize;
}

static void
furrow_mbtiles_init (FurrowMbtiles *self)
{
  g_mutex_init (&self->mutex);
  self->metadata.min_zoom = 0;
  self->metadata.max_zoom = 22;
}

static void
replace_str (const char **str,
             const char  *value)
{
  g_free ((char *) *str);
  *str = g_strdup (value);
}

static gboolean
parse_int (const char *text,
           int        *value)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL)
    return FALSE;
  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || v < 0 || v > 30)
    return FALSE;
  *value = (int) v;
  return TRUE;
}

static gboolean
parse_bounds (const char *text,
              double      bounds[4])
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      bounds[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0')
        return FALSE;
    }
  return bounds[0] < bounds[2] && bounds[1] < bounds[3];
}

static gboolean
set_not_mbtiles (FurrowMbtiles  *self,
                 const char     *reason,
                 GError        **error)
{
  g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NOT_MBTILES,
               "%s is not an MBTiles file: %s", self->display_name, reason);
  return FALSE;
}

static gboolean
check_tables (FurrowMbtiles  *self,
              GError        **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_metadata = FALSE;
  gboolean has_tiles = FALSE;

  stmt = furrow_database_prepare (self->database,
                                  "SELECT name FROM sqlite_master"
                                  " WHERE type IN ('table', 'view')"
                                  " AND name IN ('metadata', 'tiles')",
                                  &local_error);
  if (stmt == NULL)
    return set_not_mbtiles (self, furrow_database_get_last_message (self->database), error);

  while (furrow_statement_step (stmt, &local_error))
    {
      const char *table = furrow_statement_get_text (stmt, 0);

      if (g_strcmp0 (table, "metadata") == 0)
        has_metadata = TRUE;
      else if (g_strcmp0 (table, "tiles") == 0)
        has_tiles = TRUE;
    }
  if (local_error != NULL)
    return set_not_mbtiles (self, furrow_database_get_last_message (self->database), error);
  if (!has_tiles)
    return set_not_mbtiles (self, "it has no “tiles” table", error);
  if (!has_metadata)
    return set_not_mbtiles (self, "it has no “metadata” table", error);
  return TRUE;
}

static gboolean
read_metadata (FurrowMbtiles  *self,
               GError        **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  FurrowMbtilesMetadata *metadata = &self->metadata;
  gboolean has_min = FALSE;
  gboolean has_max = FALSE;

  stmt = furrow_database_prepare (self->database, "SELECT name, value FROM metadata",
                                  &local_error);
  if (stmt == NULL)
    return set_not_mbtiles (self, furrow_database_get_last_message (self->database), error);

  while (furrow_statement_step (stmt, &local_error))
    {
      const char *key = furrow_statement_get_text (stmt, 0);
      const char *value = furrow_statement_get_text (stmt, 1);

      if (key == NULL || value == NULL)
        continue;
      if (g_str_equal (key, "name"))
        replace_str (&metadata->name, value);
      else if (g_str_equal (key, "format"))
        replace_str (&metadata->format, value);
      else if (g_str_equal (key, "attribution"))
        replace_str (&metadata->attribution, value);
      else if (g_str_equal (key, "minzoom"))
        has_min = parse_int (value, &metadata->min_zoom);
      else if (g_str_equal (key, "maxzoom"))
        has_max = parse_int (value, &metadata->max_zoom);
      else if (g_str_equal (key, "bounds"))
        metadata->has_bounds = parse_bounds (value, metadata->bounds);
    }
  if (local_error != NULL)
    {
      g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_READ,
                   "%s: cannot read the metadata: %s",
                   self->display_name, furrow_database_get_last_message (self->database));
      return FALSE;
    }

  /* minzoom and maxzoom are optional in the spec: take them from the tiles when missing. */
  if (!has_min || !has_max)
    {
      g_autoptr(FurrowStatement) zoom_stmt =
        furrow_database_prepare (self->database,
                                 "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", NULL);

      if (zoom_stmt != NULL && furrow_statement_step (zoom_stmt, NULL) &&
          !furrow_statement_is_null (zoom_stmt, 0))
        {
          if (!has_min)
            metadata->min_zoom = (int) furrow_statement_get_int64 (zoom_stmt, 0);
          if (!has_max)
            metadata->max_zoom = (int) furrow_statement_get_int64 (zoom_stmt, 1);
        }
    }
  if (metadata->min_zoom > metadata->max_zoom)
    {
      int tmp = metadata->min_zoom;

      metadata->min_zoom = metadata->max_zoom;
      metadata->max_zoom = tmp;
    }

  if (metadata->name == NULL)
    metadata->name = g_path_get_basename (self->path);
  if (metadata->format == NULL)
    metadata->format = g_strdup ("png");
  return TRUE;
}

static const char tile_sql[] =
  "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3";

/**
 * furrow_mbtiles_open:
 * @path: an MBTiles file
 * @error: return location for a #FURROW_MBTILES_ERROR naming the file
 *
 * Opens @path read-only and reads its metadata.
 *
 * Returns: (transfer full): the tile set, or %NULL when @path cannot be opened or is not an
 *   MBTiles file.
 */
FurrowMbtiles *
furrow_mbtiles_open (const char  *path,
                     GError     **error)
{
  g_autoptr(FurrowMbtiles) self = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(FurrowStatement) tile_stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FURROW_TYPE_MBTILES, NULL);
  self->path = g_strdup (path);
  basename = g_path_get_basename (path);
  self->display_name = g_filename_display_name (basename);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_OPEN,
                   "%s: no such file", self->display_name);
      return NULL;
    }

  self->database = furrow_database_open (path, FURROW_DATABASE_READ_ONLY, &local_error);
  if (self->database == NULL)
    {
      g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_OPEN,
                   "%s: cannot open: %s", self->display_name, local_error->message);
      return NULL;
    }

  if (!check_tables (self, error) || !read_metadata (self, error))
    return NULL;

  /* Prepared once here, so that a file whose tiles table lacks a column is refused now. */
  tile_stmt = furrow_database_prepare (self->database, tile_sql, &local_error);
  if (tile_stmt == NULL)
    return (set_not_mbtiles (self, furrow_database_get_last_message (self->database), error), NULL);

  return g_steal_pointer (&self);
}

const char *
furrow_mbtiles_get_path (FurrowMbtiles *self)
{
  g_return_val_if_fail (FURROW_IS_MBTILES (self), NULL);
  return self->path;
}

/* What the file says about itself, the spec's defaults filled in (furrow-store-mbtiles.h). */
const FurrowMbtilesMetadata *
furrow_mbtiles_get_metadata (FurrowMbtiles *self)
{
  g_return_val_if_fail (FURROW_IS_MBTILES (self), NULL);
  return &self->metadata;
}

/**
 * furrow_mbtiles_get_tile:
 * @self: a #FurrowMbtiles
 * @x: column, from the west
 * @y: row in XYZ order (0 at the north)
 * @z: zoom level
 * @error: return location for an error; %FURROW_MBTILES_ERROR_NO_TILE when the file has no tile
 *   there
 *
 * Reads one tile. Safe to call from any thread.
 *
 * Returns: (transfer full): the encoded tile, as stored
 */
GBytes *
furrow_mbtiles_get_tile (FurrowMbtiles  *self,
                         int             x,
                         int             y,
                         int             z,
                         GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 tms_row;

  g_return_val_if_fail (FURROW_IS_MBTILES (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (z < 0 || z > 30 || x < 0 || y < 0 || x >= (1 << z) || y >= (1 << z))
    {
      g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE,
                   "%s: tile %d/%d/%d is outside the world", self->display_name, z, x, y);
      return NULL;
    }

  /* MBTiles rows count from the south (TMS): row = 2^z - 1 - y. */
  tms_row = ((gint64) 1 << z) - 1 - y;

  locker = g_mutex_locker_new (&self->mutex);
  stmt = furrow_database_prepare (self->database, tile_sql, &local_error);
  if (stmt != NULL)
    {
      furrow_statement_bind_int64 (stmt, 1, z);
      furrow_statement_bind_int64 (stmt, 2, x);
      furrow_statement_bind_int64 (stmt, 3, tms_row);
      if (furrow_statement_step (stmt, &local_error))
        {
          gsize size;
          gconstpointer data = furrow_statement_get_blob (stmt, 0, &size);

          bytes = g_bytes_new (data, size);
        }
    }
  if (local_error != NULL)
    g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_READ,
                 "%s: cannot read tile %d/%d/%d: %s", self->display_name, z, x, y,
                 furrow_database_get_last_message (self->database));
  else if (bytes == NULL)
    g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE,
                 "%s has no tile %d/%d/%d", self->display_name, z, x, y);
  g_clear_pointer (&stmt, furrow_statement_release);

  if (bytes != NULL && g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE,
                   "%s: tile %d/%d/%d is empty", self->display_name, z, x, y);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * furrow_mbtiles_get_any_tile:
 * @self: a #FurrowMbtiles
 * @error: return location for an error; %FURROW_MBTILES_ERROR_NO_TILE when the file is empty
 *
 * Reads one tile of the file, one of its lowest zoom level: enough to learn the pixel size of
 * its tiles.
 *
 * Returns: (transfer full): the encoded tile, as stored
 */
GBytes *
furrow_mbtiles_get_any_tile (FurrowMbtiles  *self,
                             GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_MBTILES (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = furrow_database_prepare (self->database,
                                  "SELECT tile_data FROM tiles ORDER BY zoom_level LIMIT 1",
                                  &local_error);
  if (stmt != NULL && furrow_statement_step (stmt, &local_error))
    {
      gsize size;
      gconstpointer data = furrow_statement_get_blob (stmt, 0, &size);

      return g_bytes_new (data, size);
    }

  if (local_error == NULL)
    g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_NO_TILE,
                 "%s has no tiles", self->display_name);
  else
    g_set_error (error, FURROW_MBTILES_ERROR, FURROW_MBTILES_ERROR_READ,
                 "%s: cannot read a tile: %s", self->display_name,
                 furrow_database_get_last_message (self->database));
  return NULL;
}
