/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-tile-source.h"
#include "furrow-field-tile-source-testing.h"

#include "furrow-field-shapes.h"
#include "furrow-field-tile-renderer.h"
#include "furrow-tile-png.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "furrow-field.h"
#include "furrow-parcel.h"
#include "furrow-property.h"
#include "furrow-units.h"

/* Rasterises the custody fields of a project into 256 px map tiles (GNOME Maps draws its shape
 * layers the same way), so thousands of polygons pan as smoothly as the base map.
 *
 * Each field is projected to Web-Mercator world coordinates (0…1) once, when the model changes,
 * into an immutable snapshot; tiles are drawn with cairo in GTask threads from a reference to
 * that snapshot, and a dense bucket grid (FurrowTileGrid) finds the fields that touch a tile; fields of
 * one colour are filled and outlined as one path, vertices closer than half a pixel dropped.
 * Rendered tiles (PNG) stay in an LRU cache keyed by z/x/y; an edit drops only the cached tiles that the
 * changed fields' bounds touch, then the map layer is rebuilt so libshumate asks again (its own
 * layer keeps every texture it has been given, so dropping ours alone would not redraw).
 *
 * Tiles are PNG (furrow_tile_png_encode(): run-length coded, a fraction of a millisecond); attach() shows them
 * through FurrowFieldTileRenderer, which decodes them in a thread into surfaces GTK's cairo
 * renderer paints without converting. As a plain ShumateDataSource (ShumateRasterRenderer paints
 * only the bytes carried by `received-data`), every tile is announced on the main thread before
 * its request completes. Parcels are outlined from FURROW_FIELD_TILE_PARCEL_ZOOM; fields take
 * their custody colour unless furrow_field_tile_source_set_colours() gives them others. */

#define CACHE_TILES  1024
#define LABEL_MARGIN_PX 120.0

typedef struct
{
  GBytes *bytes;
  GList  *link;         /* in the LRU queue, data = the key */
} CacheEntry;

struct _FurrowFieldTileSource
{
  ShumateDataSource parent_instance;

  GListModel *fields;
  GListModel *parcels;
  GHashTable *colours;        /* field id → rgb + 1 (GUINT_TO_POINTER); NULL: by custody */
  guint32     default_rgb;    /* fields missing from colours */
  FurrowTileSnapshot   *snapshot;       /* atomic rc box */
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

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static int
compare_rgb (gconstpointer a,
             gconstpointer b)
{
  const FurrowTileShape *x = *(FurrowTileShape * const *) a;
  const FurrowTileShape *y = *(FurrowTileShape * const *) b;

  return (x->rgb > y->rgb) - (x->rgb < y->rgb);
}

/* Appends @shape to the current path in tile pixels: vertices closer than half a pixel to the
 * last one kept are dropped, and a shape smaller than two pixels becomes its bounding box. */
static void
append_shape (cairo_t     *cr,
              const FurrowTileShape *shape,
              double       scale,
              double       ox,
              double       oy)
{
  double w = (shape->max_x - shape->min_x) * scale;
  double h = (shape->max_y - shape->min_y) * scale;
  guint k = 0;

  if (w < 2.0 && h < 2.0)
    {
      cairo_rectangle (cr, shape->min_x * scale - ox, shape->min_y * scale - oy, MAX (w, 1.0),
                       MAX (h, 1.0));
      return;
    }

  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint n = shape->ring_n_points[r];
      double lx = 0, ly = 0;

      for (guint p = 0; p < n; p++, k += 2)
        {
          double px = shape->xy[k] * scale - ox;
          double py = shape->xy[k + 1] * scale - oy;

          if (p == 0)
            cairo_move_to (cr, px, py);
          else if (p + 1 < n && fabs (px - lx) < 0.5 && fabs (py - ly) < 0.5)
            continue;
          else
            cairo_line_to (cr, px, py);
          lx = px;
          ly = py;
        }
      cairo_close_path (cr);
    }
}

/* Draws one tile of @snapshot; thread-safe (cairo image surfaces, a Pango layout of its own). */
static GBytes *
render_tile (FurrowTileSnapshot *snapshot,
             int       x,
             int       y,
             int       z)
{
  const double size = FURROW_FIELD_TILE_SIZE;
  double scale = size * (double) (1 << z);
  double n = (double) (1 << z);
  double margin = 2.0 / scale;
  double ox = x * size, oy = y * size;
  g_autoptr(GPtrArray) shapes = g_ptr_array_new ();
  g_autoptr(GPtrArray) parcels = g_ptr_array_new ();
  g_autoptr(GPtrArray) labelled = g_ptr_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *png;

  furrow_tile_grid_query (&snapshot->grid, x / n - margin, y / n - margin, (x + 1) / n + margin,
              (y + 1) / n + margin, shapes);
  if (z >= FURROW_FIELD_TILE_PARCEL_ZOOM)
    furrow_tile_grid_query (&snapshot->parcel_grid, x / n - margin, y / n - margin, (x + 1) / n + margin,
                (y + 1) / n + margin, parcels);
  if (z >= FURROW_FIELD_TILE_LABEL_ZOOM)
    {
      double label_margin = LABEL_MARGIN_PX / scale;

      furrow_tile_grid_query (&snapshot->grid, x / n - label_margin, y / n - label_margin,
                  (x + 1) / n + label_margin, (y + 1) / n + label_margin, labelled);
    }

  /* Most tiles of a map hold no field: one shared transparent PNG, encoded once. */
  if (shapes->len == 0 && parcels->len == 0 && labelled->len == 0)
    {
      static GBytes *empty;

      if (g_once_init_enter (&empty))
        {
          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
          g_once_init_leave (&empty, furrow_tile_png_encode (surface));
          cairo_surface_destroy (surface);
        }
      return g_bytes_ref (empty);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* Round joins only where they show: they cost an arc at every vertex. */
  cairo_set_line_join (cr, z >= 16 ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);

  /* One path per colour: fields do not overlap, so filling them together is the same picture. */
  g_ptr_array_sort (shapes, compare_rgb);
  for (guint i = 0; i < shapes->len;)
    {
      FurrowTileShape *first = g_ptr_array_index (shapes, i);
      guint j;

      cairo_new_path (cr);
      for (j = i; j < shapes->len; j++)
        {
          FurrowTileShape *shape = g_ptr_array_index (shapes, j);

          if (shape->rgb != first->rgb)
            break;
          append_shape (cr, shape, scale, ox, oy);
        }
      set_rgb (cr, first->rgb, FURROW_FIELD_TILE_FILL_ALPHA);
      cairo_fill (cr);
      i = j;
    }

  /* Parcels at close zooms: thin white outlines inside the fields. */
  if (parcels->len > 0)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < parcels->len; i++)
        append_shape (cr, g_ptr_array_index (parcels, i), scale, ox, oy);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  /* Field outlines over the parcels, one stroke per colour. */
  cairo_set_line_width (cr, z >= 15 ? 2.0 : 1.0);
  for (guint i = 0; i < shapes->len;)
    {
      FurrowTileShape *first = g_ptr_array_index (shapes, i);
      guint j;

      cairo_new_path (cr);
      for (j = i; j < shapes->len; j++)
        {
          FurrowTileShape *shape = g_ptr_array_index (shapes, j);

          if (shape->rgb != first->rgb)
            break;
          append_shape (cr, shape, scale, ox, oy);
        }
      set_rgb (cr, first->rgb, 1.0);
      cairo_stroke (cr);
      i = j;
    }

  if (labelled->len > 0)
    {
      PangoLayout *layout = NULL;
      PangoFontDescription *font = NULL;

      for (guint i = 0; i < labelled->len; i++)
        {
          FurrowTileShape *shape = g_ptr_array_index (labelled, i);
          double cx = (shape->min_x + shape->max_x) / 2 * scale - ox;
          double cy = (shape->min_y + shape->max_y) / 2 * scale - oy;
          int width, height;

          /* Only where the field is big enough on screen to hold its label. */
          if ((shape->max_x - shape->min_x) * scale < 60 || (shape->max_y - shape->min_y) * scale < 30)
            continue;
          if (layout == NULL)
            {
              layout = pango_cairo_create_layout (cr);
              font = pango_font_description_from_string ("Sans Bold 9");
              pango_layout_set_font_description (layout, font);
              pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
            }
          pango_layout_set_text (layout, shape->label, -1);
          pango_layout_get_pixel_size (layout, &width, &height);
          /* Wholly off this tile: its neighbour draws it. */
          if (cx + width / 2.0 + 2 < 0 || cx - width / 2.0 - 2 > size ||
              cy + height / 2.0 + 2 < 0 || cy - height / 2.0 - 2 > size)
            continue;
          cairo_move_to (cr, cx - width / 2.0, cy - height / 2.0);
          pango_cairo_layout_path (cr, layout);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          cairo_set_line_width (cr, 3.0);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_fill (cr);
        }
      g_clear_pointer (&font, pango_font_description_free);
      g_clear_object (&layout);
    }

  cairo_destroy (cr);
  png = furrow_tile_png_encode (surface);
  cairo_surface_destroy (surface);
  return png;
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

  char *owned;

  if (entry == NULL)
    return;
  owned = entry->link->data;
  g_queue_delete_link (&self->lru, entry->link);
  g_hash_table_remove (self->cache, key);
  g_free (owned);
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
  FurrowTileSnapshot *snapshot;
  int       x, y, z;
  guint     generation;
} TileRequest;

static void
tile_request_free (gpointer data)
{
  TileRequest *request = data;

  g_clear_pointer (&request->snapshot, furrow_tile_snapshot_unref);
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
  request->snapshot = furrow_tile_snapshot_ref (self->snapshot);
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
  FurrowTileSnapshot *old = self->snapshot;
  FurrowTileSnapshot *snapshot = furrow_tile_snapshot_new (self->fields, self->parcels, self->colours, self->default_rgb,
                                     old);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (FurrowTileRect));
  guint n_dropped = 0;

  self->generation++;
  furrow_tile_shapes_diff (old->shapes, snapshot->shapes, touched);
  furrow_tile_shapes_diff (old->parcels, snapshot->parcels, touched);

  /* A few edits drop the tiles they touch; a new colouring or project drops them all. */
  if (touched->len > 64)
    {
      n_dropped = g_hash_table_size (self->cache);
      g_hash_table_remove_all (self->cache);
      g_queue_clear_full (&self->lru, g_free);
    }
  else
    {
      for (guint i = 0; i < touched->len; i++)
        {
          FurrowTileRect *rect = &g_array_index (touched, FurrowTileRect, i);

          n_dropped += invalidate_world (self, rect->min_x, rect->min_y, rect->max_x, rect->max_y);
        }
    }

  self->snapshot = snapshot;
  furrow_tile_snapshot_unref (old);
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
furrow_field_tile_source_dispose (GObject *object)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (object);

  if (self->fields != NULL)
    g_signal_handlers_disconnect_by_func (self->fields, items_changed_cb, self);
  g_clear_object (&self->fields);
  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_func (self->parcels, items_changed_cb, self);
  g_clear_object (&self->parcels);
  g_clear_weak_pointer (&self->map);
  g_clear_weak_pointer (&self->layer);

  G_OBJECT_CLASS (furrow_field_tile_source_parent_class)->dispose (object);
}

static void
furrow_field_tile_source_finalize (GObject *object)
{
  FurrowFieldTileSource *self = FURROW_FIELD_TILE_SOURCE (object);

  g_clear_pointer (&self->snapshot, furrow_tile_snapshot_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_queue_clear_full (&self->lru, g_free);
  g_clear_pointer (&self->colours, g_hash_table_unref);

  G_OBJECT_CLASS (furrow_field_tile_source_parent_class)->finalize (object);
}

static void
furrow_field_tile_source_class_init (FurrowFieldTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->dispose = furrow_field_tile_source_dispose;
  object_class->finalize = furrow_field_tile_source_finalize;

  source_class->get_tile_data_async = furrow_field_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = furrow_field_tile_source_get_tile_data_finish;

  /* Its setter moves the items-changed handler. */
  properties[PROP_FIELDS] = furrow_property_member_set_by (
    g_param_spec_object ("fields", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (FurrowFieldTileSource, fields),
    G_CALLBACK (furrow_field_tile_source_set_fields));
  furrow_property_install (object_class, N_PROPS, properties);

  /* Emitted after the fields changed and the touched tiles were dropped. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
furrow_field_tile_source_init (FurrowFieldTileSource *self)
{
  self->snapshot = furrow_tile_snapshot_new (NULL, NULL, NULL, 0, NULL);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cache_entry_free);
}

FurrowFieldTileSource *
furrow_field_tile_source_new (void)
{
  return g_object_new (FURROW_TYPE_FIELD_TILE_SOURCE, NULL);
}

static void
follow (FurrowFieldTileSource  *self,
        GListModel            **slot,
        GListModel             *model)
{
  if (*slot == model)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, items_changed_cb, self);
  g_set_object (slot, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
set_colours (FurrowFieldTileSource *self,
             GHashTable            *colours,
             guint32                default_rgb)
{
  if (colours != NULL)
    g_hash_table_ref (colours);
  g_clear_pointer (&self->colours, g_hash_table_unref);
  self->colours = colours;
  self->default_rgb = default_rgb;
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
  follow (self, &self->fields, fields);
  rebuild_snapshot (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS]);
}

/**
 * furrow_field_tile_source_set_content:
 * @fields: (nullable): a #GListModel of #FurrowField
 * @parcels: (nullable): a #GListModel of #FurrowParcel
 * @colours: (nullable): as for furrow_field_tile_source_set_colours()
 *
 * set_fields(), set_parcels() and set_colours() at once, with one snapshot (opening a project).
 */
void
furrow_field_tile_source_set_content (FurrowFieldTileSource *self,
                                      GListModel            *fields,
                                      GListModel            *parcels,
                                      GHashTable            *colours,
                                      guint32                default_rgb)
{
  gboolean fields_changed;

  g_return_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self));
  g_return_if_fail (fields == NULL || G_IS_LIST_MODEL (fields));
  g_return_if_fail (parcels == NULL || G_IS_LIST_MODEL (parcels));

  fields_changed = self->fields != fields;
  follow (self, &self->fields, fields);
  follow (self, &self->parcels, parcels);
  set_colours (self, colours, default_rgb);
  rebuild_snapshot (self);
  if (fields_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS]);
}

/**
 * furrow_field_tile_source_set_parcels:
 * @parcels: (nullable): a #GListModel of #FurrowParcel
 *
 * Outlines @parcels on the tiles from zoom FURROW_FIELD_TILE_PARCEL_ZOOM on; follows its changes.
 */
void
furrow_field_tile_source_set_parcels (FurrowFieldTileSource *self,
                                      GListModel            *parcels)
{
  g_return_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self));
  g_return_if_fail (parcels == NULL || G_IS_LIST_MODEL (parcels));

  if (self->parcels == parcels)
    return;
  follow (self, &self->parcels, parcels);
  rebuild_snapshot (self);
}

/**
 * furrow_field_tile_source_set_colours:
 * @colours: (nullable): field id (gint64*) → 0xRRGGBB + 1 (GUINT_TO_POINTER), or %NULL to colour
 *   by custody type
 * @default_rgb: the colour of fields missing from @colours
 *
 * Recolours the fields; only the tiles of fields whose colour changed are drawn again.
 */
void
furrow_field_tile_source_set_colours (FurrowFieldTileSource *self,
                                      GHashTable            *colours,
                                      guint32                default_rgb)
{
  g_return_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self));

  set_colours (self, colours, default_rgb);
  rebuild_snapshot (self);
}

/* The colour a field is filled with (0xRRGGBB at FURROW_FIELD_TILE_FILL_ALPHA), 0 if unknown. */
guint32
furrow_field_tile_source_get_field_rgb (FurrowFieldTileSource *self,
                                        gint64                 field_id)
{
  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), 0);

  for (guint i = 0; i < self->snapshot->shapes->len; i++)
    {
      FurrowTileShape *shape = g_ptr_array_index (self->snapshot->shapes, i);

      if (shape->id == field_id)
        return shape->rgb;
    }
  return 0;
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
  g_autoptr(FurrowFieldTileRenderer) renderer = NULL;
  ShumateViewport *viewport;
  ShumateMapLayer *layer;

  g_return_val_if_fail (FURROW_IS_FIELD_TILE_SOURCE (self), NULL);
  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);

  /* Tiles decoded in a thread into surfaces the renderer paints without converting. */
  renderer = furrow_field_tile_renderer_new ("furrow-fields", _("Custody fields"),
                                             FURROW_FIELD_TILE_SIZE, SHUMATE_DATA_SOURCE (self));
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
