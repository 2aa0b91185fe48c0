/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-tile-source.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "furrow-field.h"
#include "furrow-units.h"

/* Rasterises the custody fields of a project into 256 px map tiles (GNOME Maps draws its shape
 * layers the same way), so thousands of polygons pan as smoothly as the base map.
 *
 * Each field is projected to Web-Mercator world coordinates (0…1) once, when the model changes,
 * into an immutable snapshot; tiles are drawn with cairo in GTask threads from a reference to
 * that snapshot, and a bucket grid at zoom GRID_ZOOM finds the fields that touch a tile. Rendered
 * tiles (PNG) stay in an LRU cache keyed by z/x/y; an edit drops only the cached tiles that the
 * changed fields' bounds touch, then the map layer is rebuilt so libshumate asks again (its own
 * layer keeps every texture it has been given, so dropping ours alone would not redraw).
 *
 * libshumate 1.0.x paints only the bytes carried by `received-data`: every tile is announced on
 * the main thread before its request completes. */

#define GRID_ZOOM    12
#define CACHE_TILES  1024
#define LABEL_MARGIN_PX 120.0

typedef struct
{
  gint64   id;
  guint32  rgb;
  double   min_x, min_y, max_x, max_y;  /* Web-Mercator world units, y down */
  double   west, south, east, north;    /* lon/lat */
  guint    n_rings;
  guint   *ring_n_points;
  double  *xy;                          /* x0, y0, x1, y1, … of every ring in turn */
  char    *label;                       /* "name\n12.34 亩" */
  guint64  checksum;                    /* of geometry, colour and label: finds the edits */
} Shape;

typedef struct
{
  GPtrArray  *shapes;   /* Shape */
  GHashTable *grid;     /* cell index at GRID_ZOOM → GPtrArray of Shape (borrowed) */
} Snapshot;

typedef struct
{
  GBytes *bytes;
  GList  *link;         /* in the LRU queue, data = the key */
} CacheEntry;

struct _FurrowFieldTileSource
{
  ShumateDataSource parent_instance;

  GListModel *fields;
  Snapshot   *snapshot;       /* atomic rc box */
  GHashTable *cache;          /* "z/x/y" → CacheEntry */
  GQueue      lru;            /* most recent first */
  guint       generation;     /* bumped by every change: stale renders are not cached */
  guint       n_rendered;

  ShumateMap      *map;       /* weak: where attach() put the layer */
  ShumateMapLayer *layer;     /* weak */
};

G_DEFINE_FINAL_TYPE (FurrowFieldTileSource, furrow_field_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_FIELDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Colours of the GNOME palette: full custody orange, half custody blue. */
#define RGB_FULL 0xe66100
#define RGB_HALF 0x1c71d8

static void
lon_lat_to_world (double  lon,
                  double  lat,
                  double *x,
                  double *y)
{
  double phi = CLAMP (lat, -85.05112878, 85.05112878) * G_PI / 180.0;

  *x = (lon + 180.0) / 360.0;
  *y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

static void
shape_free (gpointer data)
{
  Shape *shape = data;

  g_free (shape->ring_n_points);
  g_free (shape->xy);
  g_free (shape->label);
  g_free (shape);
}

static guint64
mix (guint64 h,
     guint64 v)
{
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

static Shape *
shape_new (FurrowField *field)
{
  FurrowGeometry *geometry = furrow_field_get_geometry (field);
  g_autofree char *mu = NULL;
  Shape *shape;
  guint n_rings = 0;
  guint n_points = 0;
  guint ring = 0;
  guint k = 0;

  if (geometry == NULL || furrow_geometry_count_points (geometry) == 0)
    return NULL;

  shape = g_new0 (Shape, 1);
  shape->id = furrow_field_get_id (field);
  shape->rgb = furrow_field_get_custody (field) == FURROW_CUSTODY_HALF ? RGB_HALF : RGB_FULL;
  mu = furrow_format_mu (furrow_field_get_measured_area_m2 (field));
  /* TRANSLATORS: a field's name and its area on the map, e.g. "East 3\n12.34 mu" */
  shape->label = g_strdup_printf (_("%s\n%s mu"), furrow_field_get_name (field) ?: "", mu);
  furrow_geometry_get_bounds (geometry, &shape->west, &shape->south, &shape->east, &shape->north);

  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        n_rings++;
        n_points += geometry->polygons[p].rings[r].n_points;
      }

  shape->n_rings = n_rings;
  shape->ring_n_points = g_new (guint, n_rings);
  shape->xy = g_new (double, 2 * n_points);
  shape->min_x = shape->min_y = G_MAXDOUBLE;
  shape->max_x = shape->max_y = -G_MAXDOUBLE;
  shape->checksum = mix (shape->rgb, g_str_hash (shape->label));

  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        const FurrowRing *src = &geometry->polygons[p].rings[r];

        shape->ring_n_points[ring++] = src->n_points;
        for (guint i = 0; i < src->n_points; i++, k += 2)
          {
            double x, y;

            lon_lat_to_world (src->points[i].x, src->points[i].y, &x, &y);
            shape->xy[k] = x;
            shape->xy[k + 1] = y;
            shape->min_x = MIN (shape->min_x, x);
            shape->min_y = MIN (shape->min_y, y);
            shape->max_x = MAX (shape->max_x, x);
            shape->max_y = MAX (shape->max_y, y);
            shape->checksum = mix (shape->checksum, (guint64) (x * 1e12));
            shape->checksum = mix (shape->checksum, (guint64) (y * 1e12));
          }
      }

  return shape;
}

static void
snapshot_clear (gpointer data)
{
  Snapshot *snapshot = data;

  g_clear_pointer (&snapshot->grid, g_hash_table_unref);
  g_clear_pointer (&snapshot->shapes, g_ptr_array_unref);
}

static Snapshot *
snapshot_ref (Snapshot *snapshot)
{
  return g_atomic_rc_box_acquire (snapshot);
}

static void
snapshot_unref (Snapshot *snapshot)
{
  g_atomic_rc_box_release_full (snapshot, snapshot_clear);
}

static Snapshot *
snapshot_new (GListModel *fields)
{
  Snapshot *snapshot = g_atomic_rc_box_new0 (Snapshot);
  guint n = fields != NULL ? g_list_model_get_n_items (fields) : 0;
  const double cells = 1 << GRID_ZOOM;

  snapshot->shapes = g_ptr_array_new_with_free_func (shape_free);
  snapshot->grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      Shape *shape = shape_new (field);

      if (shape == NULL)
        continue;
      g_ptr_array_add (snapshot->shapes, shape);

      for (gint64 cy = (gint64) (shape->min_y * cells); cy <= (gint64) (shape->max_y * cells); cy++)
        for (gint64 cx = (gint64) (shape->min_x * cells); cx <= (gint64) (shape->max_x * cells); cx++)
          {
            gint64 cell = cy * (1 << GRID_ZOOM) + cx;
            GPtrArray *bucket = g_hash_table_lookup (snapshot->grid, &cell);

            if (bucket == NULL)
              {
                bucket = g_ptr_array_new ();
                g_hash_table_insert (snapshot->grid, g_memdup2 (&cell, sizeof cell), bucket);
              }
            g_ptr_array_add (bucket, shape);
          }
    }

  return snapshot;
}

/* The shapes whose bounds touch the world rectangle, each once. */
static GPtrArray *
snapshot_query (Snapshot *snapshot,
                double    min_x,
                double    min_y,
                double    max_x,
                double    max_y)
{
  GPtrArray *found = g_ptr_array_new ();
  const double cells = 1 << GRID_ZOOM;
  gint64 cx0 = (gint64) floor (CLAMP (min_x, 0, 1) * cells);
  gint64 cx1 = (gint64) floor (CLAMP (max_x, 0, 1) * cells);
  gint64 cy0 = (gint64) floor (CLAMP (min_y, 0, 1) * cells);
  gint64 cy1 = (gint64) floor (CLAMP (max_y, 0, 1) * cells);
  g_autoptr(GHashTable) seen = NULL;

  /* A tile larger than a few grid cells: scanning every shape is cheaper than the cells. */
  if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > (gint64) snapshot->shapes->len)
    {
      for (guint i = 0; i < snapshot->shapes->len; i++)
        {
          Shape *shape = g_ptr_array_index (snapshot->shapes, i);

          if (shape->max_x >= min_x && shape->min_x <= max_x &&
              shape->max_y >= min_y && shape->min_y <= max_y)
            g_ptr_array_add (found, shape);
        }
      return found;
    }

  seen = g_hash_table_new (NULL, NULL);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        gint64 cell = cy * (1 << GRID_ZOOM) + cx;
        GPtrArray *bucket = g_hash_table_lookup (snapshot->grid, &cell);

        for (guint i = 0; bucket != NULL && i < bucket->len; i++)
          {
            Shape *shape = g_ptr_array_index (bucket, i);

            if (shape->max_x >= min_x && shape->min_x <= max_x &&
                shape->max_y >= min_y && shape->min_y <= max_y &&
                g_hash_table_add (seen, shape))
              g_ptr_array_add (found, shape);
          }
      }
  return found;
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws one tile of @snapshot; thread-safe (cairo image surfaces, a Pango layout of its own). */
static GBytes *
render_tile (Snapshot *snapshot,
             int       x,
             int       y,
             int       z)
{
  const double size = FURROW_FIELD_TILE_SIZE;
  double scale = size * (double) (1 << z);
  double margin = (z >= FURROW_FIELD_TILE_LABEL_ZOOM ? LABEL_MARGIN_PX : 2.0) / scale;
  g_autoptr(GPtrArray) shapes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *png = g_byte_array_new ();

  shapes = snapshot_query (snapshot,
                           x / (double) (1 << z) - margin, y / (double) (1 << z) - margin,
                           (x + 1) / (double) (1 << z) + margin, (y + 1) / (double) (1 << z) + margin);

  /* Most tiles of a map hold no field: one shared transparent PNG, encoded once. */
  if (shapes->len == 0)
    {
      static GBytes *empty;

      g_byte_array_unref (png);
      if (g_once_init_enter (&empty))
        {
          GByteArray *bytes = g_byte_array_new ();

          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
          cairo_surface_write_to_png_stream (surface, append_png_cb, bytes);
          cairo_surface_destroy (surface);
          g_once_init_leave (&empty, g_byte_array_free_to_bytes (bytes));
        }
      return g_bytes_ref (empty);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, z >= 15 ? 2.0 : 1.0);

  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *shape = g_ptr_array_index (shapes, i);
      guint k = 0;

      cairo_new_path (cr);
      for (guint r = 0; r < shape->n_rings; r++)
        {
          for (guint p = 0; p < shape->ring_n_points[r]; p++, k += 2)
            {
              double px = shape->xy[k] * scale - x * size;
              double py = shape->xy[k + 1] * scale - y * size;

              if (p == 0)
                cairo_move_to (cr, px, py);
              else
                cairo_line_to (cr, px, py);
            }
          cairo_close_path (cr);
        }
      set_rgb (cr, shape->rgb, FURROW_FIELD_TILE_FILL_ALPHA);
      cairo_fill_preserve (cr);
      set_rgb (cr, shape->rgb, 1.0);
      cairo_stroke (cr);
    }

  if (z >= FURROW_FIELD_TILE_LABEL_ZOOM && shapes->len > 0)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 9");

      pango_layout_set_font_description (layout, font);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      for (guint i = 0; i < shapes->len; i++)
        {
          Shape *shape = g_ptr_array_index (shapes, i);
          double cx = (shape->min_x + shape->max_x) / 2 * scale - x * size;
          double cy = (shape->min_y + shape->max_y) / 2 * scale - y * size;
          int width, height;

          /* Only where the field is big enough on screen to hold its label. */
          if ((shape->max_x - shape->min_x) * scale < 60 || (shape->max_y - shape->min_y) * scale < 30)
            continue;
          pango_layout_set_text (layout, shape->label, -1);
          pango_layout_get_pixel_size (layout, &width, &height);
          cairo_move_to (cr, cx - width / 2.0, cy - height / 2.0);
          pango_cairo_layout_path (cr, layout);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          cairo_set_line_width (cr, 3.0);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_fill (cr);
        }
      pango_font_description_free (font);
      g_object_unref (layout);
    }

  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static char *
tile_key (int x,
          int y,
          int z)
{
  return g_strdup_printf ("%d/%d/%d", z, x, y);
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_bytes_unref (entry->bytes);
  g_free (entry);
}

static GBytes *
cache_lookup (FurrowFieldTileSource *self,
              const char            *key)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, key);

  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->lru, entry->link);
  g_queue_push_head_link (&self->lru, entry->link);
  return g_bytes_ref (entry->bytes);
}

static void
cache_remove (FurrowFieldTileSource *self,
              const char            *key)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, key);

  if (entry == NULL)
    return;
  g_queue_delete_link (&self->lru, entry->link);
  g_hash_table_remove (self->cache, key);
}

static void
cache_insert (FurrowFieldTileSource *self,
              const char            *key,
              GBytes                *bytes)
{
  CacheEntry *entry;
  char *owned = g_strdup (key);

  cache_remove (self, key);
  entry = g_new0 (CacheEntry, 1);
  entry->bytes = g_bytes_ref (bytes);
  g_queue_push_head (&self->lru, owned);
  entry->link = self->lru.head;
  g_hash_table_insert (self->cache, owned, entry);

  while (self->lru.length > CACHE_TILES)
    cache_remove (self, g_queue_peek_tail (&self->lru));
}

typedef struct
{
  Snapshot *snapshot;
  int       x, y, z;
  guint     generation;
} TileRequest;

static void
tile_request_free (gpointer data)
{
  TileRequest *request = data;

  g_clear_pointer (&request->snapshot, snapshot_unref);
  g_free (request);
}

static void
render_tile_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TileRequest *request = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, render_tile (request->snapshot, request->x, request->y, request->z),
                         (GDestroyNotify) g_bytes_unref);
}

static void
render_tile_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (object);
  g_autoptr(GTask) outer = user_data;
  TileRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  self->n_rendered++;
  if (request->generation == self->generation)
    {
      g_autofree char *key = tile_key (request->x, request->y, request->z);

      cache_insert (self, key, bytes);
    }
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->z, bytes);
  g_task_return_pointer (outer, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
furrow_field_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                              int                  x,
                                              int                  y,
                                              int                  zoom_level,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (source);
  g_autoptr(GTask) outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  g_autofree char *key = tile_key (x, y, zoom_level);
  g_autoptr(GBytes) cached = cache_lookup (self, key);
  TileRequest *request;

  g_task_set_source_tag (outer, furrow_field_tile_source_get_tile_data_async);

  if (cached != NULL)
    {
      g_signal_emit_by_name (self, "received-data", x, y, zoom_level, cached);
      g_task_return_pointer (outer, g_steal_pointer (&cached), (GDestroyNotify) g_bytes_unref);
      return;
    }

  request = g_new0 (TileRequest, 1);
  request->snapshot = snapshot_ref (self->snapshot);
  request->x = x;
  request->y = y;
  request->z = zoom_level;
  request->generation = self->generation;

  inner = g_task_new (self, cancellable, render_tile_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, render_tile_thread);
  g_task_set_task_data (inner, request, tile_request_free);
  g_task_run_in_thread (inner, render_tile_thread);
}

static GBytes *
furrow_field_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                               GAsyncResult       *result,
                                               GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Drops the cached tiles that the world rectangle touches, at every zoom level. */
static guint
invalidate_world (FurrowFieldTileSource *self,
                  double                 min_x,
                  double                 min_y,
                  double                 max_x,
                  double                 max_y)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int z, x, y;
      double n, margin;

      if (sscanf (key, "%d/%d/%d", &z, &x, &y) != 3)
        continue;
      n = (double) (1 << z);
      margin = (z >= FURROW_FIELD_TILE_LABEL_ZOOM ? LABEL_MARGIN_PX : 2.0) / (FURROW_FIELD_TILE_SIZE * n);
      if ((x + 1) / n + margin >= min_x && x / n - margin <= max_x &&
          (y + 1) / n + margin >= min_y && y / n - margin <= max_y)
        g_ptr_array_add (doomed, g_strdup (key));
    }

  for (guint i = 0; i < doomed->len; i++)
    cache_remove (self, g_ptr_array_index (doomed, i));
  return doomed->len;
}

/* Recreates the map layer: ShumateMapLayer 1.0.3 keeps the tiles it has painted and has no
 * call to forget them. Our cache answers the untouched tiles at once. */
static void
reload_layer (FurrowFieldTileSource *self)
{
  ShumateMapLayer *old_layer = self->layer;
  ShumateMapLayer *layer;
  ShumateMapSource *renderer;

  if (self->map == NULL || old_layer == NULL)
    return;

  g_object_get (old_layer, "map-source", &renderer, NULL);
  layer = shumate_map_layer_new (renderer, shumate_map_get_viewport (self->map));
  g_object_unref (renderer);
  shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (layer), SHUMATE_LAYER (old_layer));
  shumate_map_remove_layer (self->map, SHUMATE_LAYER (old_layer));
  g_set_weak_pointer (&self->layer, layer);
}

static void
changed (FurrowFieldTileSource *self,
         guint                  n_dropped)
{
  if (n_dropped > 0)
    reload_layer (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rebuild_snapshot (FurrowFieldTileSource *self)
{
  Snapshot *old = self->snapshot;
  Snapshot *snapshot = snapshot_new (self->fields);
  g_autoptr(GHashTable) before = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_dropped = 0;

  for (guint i = 0; i < old->shapes->len; i++)
    {
      Shape *shape = g_ptr_array_index (old->shapes, i);

      g_hash_table_insert (before, &shape->id, shape);
    }

  self->generation++;
  for (guint i = 0; i < snapshot->shapes->len; i++)
    {
      Shape *shape = g_ptr_array_index (snapshot->shapes, i);
      Shape *was = g_hash_table_lookup (before, &shape->id);

      if (was != NULL && was->checksum == shape->checksum)
        {
          g_hash_table_remove (before, &shape->id);
          continue;
        }
      n_dropped += invalidate_world (self, shape->min_x, shape->min_y, shape->max_x, shape->max_y);
    }

  /* What is left was removed or changed: its old place must be redrawn too. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        Shape *shape = value;

        n_dropped += invalidate_world (self, shape->min_x, shape->min_y, shape->max_x, shape->max_y);
      }
  }

  g_clear_pointer (&before, g_hash_table_unref);
  self->snapshot = snapshot;
  snapshot_unref (old);
  changed (self, n_dropped);
}

static void
items_changed_cb (FurrowFieldTileSource *self,
                  guint                  position,
                  guint                  removed,
                  guint                  added,
                  GListModel            *model)
{
  rebuild_snapshot (self);
}

static void
furrow_field_tile_source_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FIELDS:
      g_value_set_object (value, self->fields);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_field_tile_source_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FIELDS:
      furrow_field_tile_source_set_fields (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_field_tile_source_dispose (GObject *object)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (object);

  if (self->fields != NULL)
    g_signal_handlers_disconnect_by_func (self->fields, items_changed_cb, self);
  g_clear_object (&self->fields);
  g_clear_weak_pointer (&self->map);
  g_clear_weak_pointer (&self->layer);

  G_OBJECT_CLASS (furrow_field_tile_source_parent_class)->dispose (object);
}

static void
furrow_field_tile_source_finalize (GObject *object)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (object);

  g_clear_pointer (&self->snapshot, snapshot_unref);
  g_queue_clear (&self->lru);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (furrow_field_tile_source_parent_class)->finalize (object);
}

static void
furrow_field_tile_source_class_init (FurrowFieldTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->get_property = furrow_field_tile_source_get_property;
  object_class->set_property = furrow_field_tile_source_set_property;
  object_class->dispose = furrow_field_tile_source_dispose;
  object_class->finalize = furrow_field_tile_source_finalize;

  source_class->get_tile_data_async = furrow_field_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = furrow_field_tile_source_get_tile_data_finish;

  properties[PROP_FIELDS] =
    g_param_spec_object ("fields", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the fields changed and the touched tiles were dropped. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
furrow_field_tile_source_init (FurrowFieldTileSource *self)
{
  self->snapshot = snapshot_new (NULL);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cache_entry_free);
}

FurrowFieldTileSource *
furrow_field_tile_source_new (void)
{
  return g_object_new (FURROW_TYPE_FIELD_TILE_SOURCE, NULL);
}

GListModel *
furrow_field_tile_source_get_fields (FurrowFieldTileSource *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), NULL);

  return self->fields;
}

/**
 * furrow_field_tile_source_set_fields:
 * @fields: (nullable): a #GListModel of #FurrowField
 *
 * Shows @fields; follows its items-changed and redraws only the tiles an edit touches.
 */
void
furrow_field_tile_source_set_fields (FurrowFieldTileSource *self,
                                     GListModel            *fields)
{
  g_return_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self));
  g_return_if_fail (fields == NULL || G_IS_LIST_MODEL (fields));

  if (self->fields == fields)
    return;

  if (self->fields != NULL)
    g_signal_handlers_disconnect_by_func (self->fields, items_changed_cb, self);
  g_set_object (&self->fields, fields);
  if (fields != NULL)
    g_signal_connect_object (fields, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild_snapshot (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS]);
}

/* The colour a field is filled with (0xRRGGBB at FURROW_FIELD_TILE_FILL_ALPHA), 0 if unknown. */
guint32
furrow_field_tile_source_get_field_rgb (FurrowFieldTileSource *self,
                                        gint64                 field_id)
{
  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), 0);

  for (guint i = 0; i < self->snapshot->shapes->len; i++)
    {
      Shape *shape = g_ptr_array_index (self->snapshot->shapes, i);

      if (shape->id == field_id)
        return shape->rgb;
    }
  return 0;
}

/* Forgets the cached tiles over a lon/lat rectangle and redraws them. */
void
furrow_field_tile_source_invalidate (FurrowFieldTileSource *self,
                                     double                 west,
                                     double                 south,
                                     double                 east,
                                     double                 north)
{
  double min_x, min_y, max_x, max_y;

  g_return_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self));

  lon_lat_to_world (west, north, &min_x, &min_y);
  lon_lat_to_world (east, south, &max_x, &max_y);
  self->generation++;
  changed (self, invalidate_world (self, min_x, min_y, max_x, max_y) + 1);
}

guint
furrow_field_tile_source_get_n_cached (FurrowFieldTileSource *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), 0);

  return g_hash_table_size (self->cache);
}

/* How many tiles were drawn (not answered from the cache) so far. */
guint
furrow_field_tile_source_get_n_rendered (FurrowFieldTileSource *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), 0);

  return self->n_rendered;
}

/**
 * furrow_field_tile_source_render_tile:
 *
 * Draws one tile now, in the calling thread, bypassing the cache (benchmarks, tests).
 *
 * Returns: (transfer full): the PNG bytes
 */
GBytes *
furrow_field_tile_source_render_tile (FurrowFieldTileSource *self,
                                      int                    x,
                                      int                    y,
                                      int                    z)
{
  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), NULL);

  return render_tile (self->snapshot, x, y, z);
}

/**
 * furrow_field_tile_source_attach:
 * @map: the map to draw the fields on
 *
 * Adds the fields to @map as a raster layer on top of its layers (put it above the base map and
 * below the overlays), and rebuilds that layer whenever an edit drops cached tiles.
 *
 * Returns: (transfer none): the layer added
 */
ShumateMapLayer *
furrow_field_tile_source_attach (FurrowFieldTileSource *self,
                                 ShumateMap            *map)
{
  g_autoptr(ShumateRasterRenderer) renderer = NULL;
  ShumateViewport *viewport;
  ShumateMapLayer *layer;

  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), NULL);
  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);

  renderer = shumate_raster_renderer_new_full ("furrow-fields", _("Custody fields"), "", "",
                                               0, 22, FURROW_FIELD_TILE_SIZE,
                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                               SHUMATE_DATA_SOURCE (self));
  viewport = shumate_map_get_viewport (map);
  /* A map without a base map still needs a reference source for its projection. */
  if (shumate_viewport_get_reference_map_source (viewport) == NULL)
    shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (renderer));
  layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (renderer), viewport);
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  g_set_weak_pointer (&self->map, map);
  g_set_weak_pointer (&self->layer, layer);
  return layer;
}

/* The map layer attach() added, or the one that replaced it after an edit; NULL before. */
ShumateMapLayer *
furrow_field_tile_source_get_layer (FurrowFieldTileSource *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), NULL);

  return self->layer;
}
