/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-tile-source.h"

#include "furrow-field-tile-renderer.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "furrow-field.h"
#include "furrow-parcel.h"
#include "furrow-units.h"

/* Rasterises the custody fields of a project into 256 px map tiles (GNOME Maps draws its shape
 * layers the same way), so thousands of polygons pan as smoothly as the base map.
 *
 * Each field is projected to Web-Mercator world coordinates (0…1) once, when the model changes,
 * into an immutable snapshot; tiles are drawn with cairo in GTask threads from a reference to
 * that snapshot, and a dense bucket grid (Grid) finds the fields that touch a tile; fields of
 * one colour are filled and outlined as one path, vertices closer than half a pixel dropped.
 * Rendered tiles (PNG) stay in an LRU cache keyed by z/x/y; an edit drops only the cached tiles that the
 * changed fields' bounds touch, then the map layer is rebuilt so libshumate asks again (its own
 * layer keeps every texture it has been given, so dropping ours alone would not redraw).
 *
 * Tiles are PNG (encode_png(): run-length coded, a fraction of a millisecond); attach() shows them
 * through FurrowFieldTileRenderer, which decodes them in a thread into surfaces GTK's cairo
 * renderer paints without converting. As a plain ShumateDataSource (ShumateRasterRenderer paints
 * only the bytes carried by `received-data`), every tile is announced on the main thread before
 * its request completes. Parcels are outlined from FURROW_FIELD_TILE_PARCEL_ZOOM; fields take
 * their custody colour unless furrow_field_tile_source_set_colours() gives them others. */

#define GRID_MAX_ZOOM 16
#define GRID_MAX_CELLS (1 << 20)
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
  char    *label;                       /* "name\n12.34 亩"; NULL for parcels */
  guint64  checksum;                    /* of geometry, colour and label: finds the edits */
  guint64  source_hash;                 /* of what it was made from: reused when unchanged */
} Shape;                                /* atomic rc box, shared by successive snapshots */

/* A uniform grid of buckets over the shapes' extent (compressed rows: bucket b holds
 * items[start[b]] … items[start[b + 1] - 1]), at the finest zoom ≤ GRID_MAX_ZOOM that keeps it
 * under GRID_MAX_CELLS cells. */
typedef struct
{
  int     zoom;
  gint64  x0, y0;                      /* first cell */
  gint64  width, height;               /* in cells; 0 when empty */
  guint  *start;
  Shape **items;
} Grid;

typedef struct
{
  GPtrArray *shapes;    /* Shape: the fields */
  GPtrArray *parcels;   /* Shape: the parcels (outlines from FURROW_FIELD_TILE_PARCEL_ZOOM) */
  Grid       grid;
  Grid       parcel_grid;
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
  GListModel *parcels;
  GHashTable *colours;        /* field id → rgb + 1 (GUINT_TO_POINTER); NULL: by custody */
  guint32     default_rgb;    /* fields missing from colours */
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
shape_clear (gpointer data)
{
  Shape *shape = data;

  g_free (shape->ring_n_points);
  g_free (shape->xy);
  g_free (shape->label);
}

static void
shape_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, shape_clear);
}

static guint64
mix (guint64 h,
     guint64 v)
{
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

/* Projects @geometry once; takes @label. */
static Shape *
shape_new (gint64          id,
           FurrowGeometry *geometry,
           guint32         rgb,
           char           *label)
{
  Shape *shape;
  guint n_rings = 0;
  guint n_points = 0;
  guint ring = 0;
  guint k = 0;

  if (geometry == NULL || furrow_geometry_count_points (geometry) == 0)
    {
      g_free (label);
      return NULL;
    }

  shape = g_atomic_rc_box_new0 (Shape);
  shape->id = id;
  shape->rgb = rgb;
  shape->label = label;
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
  shape->checksum = mix (shape->rgb, label != NULL ? g_str_hash (label) : 0);

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

static guint64
mix_double (guint64 h,
            double  v)
{
  guint64 bits;

  memcpy (&bits, &v, sizeof bits);
  return mix (h, bits);
}

/* A hash of @geometry's coordinates, cheap next to projecting them. */
static guint64
geometry_hash (guint64         h,
               FurrowGeometry *geometry)
{
  if (geometry == NULL)
    return mix (h, 0);
  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        const FurrowRing *ring = &geometry->polygons[p].rings[r];

        h = mix (h, ring->n_points);
        for (guint i = 0; i < ring->n_points; i++)
          h = mix_double (mix_double (h, ring->points[i].x), ring->points[i].y);
      }
  return h;
}

/* @old: the same field's shape in the last snapshot (nullable), reused when nothing changed. */
static Shape *
field_shape_new (FurrowField *field,
                 GHashTable  *colours,
                 guint32      default_rgb,
                 Shape       *old)
{
  g_autofree char *mu = NULL;
  gint64 id = furrow_field_get_id (field);
  FurrowGeometry *geometry = furrow_field_get_geometry (field);
  guint64 source_hash;
  guint32 rgb;
  Shape *shape;

  if (colours == NULL)
    rgb = furrow_field_get_custody (field) == FURROW_CUSTODY_HALF ? FURROW_FIELD_TILE_RGB_HALF
                                                                  : FURROW_FIELD_TILE_RGB_FULL;
  else if (g_hash_table_contains (colours, &id))
    rgb = GPOINTER_TO_UINT (g_hash_table_lookup (colours, &id)) - 1;
  else
    rgb = default_rgb;

  source_hash = mix (rgb, g_str_hash (furrow_field_get_name (field) ?: ""));
  source_hash = mix_double (source_hash, furrow_field_get_measured_area_m2 (field));
  source_hash = geometry_hash (source_hash, geometry);
  if (old != NULL && old->source_hash == source_hash)
    return g_atomic_rc_box_acquire (old);

  mu = furrow_format_mu (furrow_field_get_measured_area_m2 (field));
  shape = shape_new (id, geometry, rgb,
                     /* TRANSLATORS: a field's name and its area on the map, e.g. "East 3\n12.34 mu" */
                     g_strdup_printf (_("%s\n%s mu"), furrow_field_get_name (field) ?: "", mu));
  if (shape != NULL)
    shape->source_hash = source_hash;
  return shape;
}

static Shape *
parcel_shape_new (FurrowParcel *parcel,
                  Shape        *old)
{
  FurrowGeometry *geometry = furrow_parcel_get_geometry (parcel);
  guint64 source_hash = geometry_hash (1, geometry);
  Shape *shape;

  if (old != NULL && old->source_hash == source_hash)
    return g_atomic_rc_box_acquire (old);
  shape = shape_new (furrow_parcel_get_id (parcel), geometry, 0, NULL);
  if (shape != NULL)
    shape->source_hash = source_hash;
  return shape;
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  grid->width = grid->height = 0;
}

static inline gint64
cell_of (double world,
         int    zoom)
{
  return (gint64) floor (CLAMP (world, 0.0, 1.0) * (double) (1 << zoom));
}

static void
grid_build (Grid      *grid,
            GPtrArray *shapes)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  guint64 n_cells;
  guint total = 0;
  g_autofree guint *fill = NULL;

  memset (grid, 0, sizeof *grid);
  if (shapes->len == 0)
    return;
  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *shape = g_ptr_array_index (shapes, i);

      min_x = MIN (min_x, shape->min_x);
      min_y = MIN (min_y, shape->min_y);
      max_x = MAX (max_x, shape->max_x);
      max_y = MAX (max_y, shape->max_y);
    }

  /* The finest zoom whose grid stays small, and where shapes span few cells on average. */
  for (grid->zoom = GRID_MAX_ZOOM; grid->zoom > 0; grid->zoom--)
    {
      grid->x0 = cell_of (min_x, grid->zoom);
      grid->y0 = cell_of (min_y, grid->zoom);
      grid->width = cell_of (max_x, grid->zoom) - grid->x0 + 1;
      grid->height = cell_of (max_y, grid->zoom) - grid->y0 + 1;
      if ((guint64) grid->width * grid->height <= GRID_MAX_CELLS)
        break;
    }
  n_cells = (guint64) grid->width * grid->height;
  grid->start = g_new0 (guint, n_cells + 1);

  /* Counting pass, prefix sums, filling pass. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < shapes->len; i++)
        {
          Shape *shape = g_ptr_array_index (shapes, i);
          gint64 cx0 = cell_of (shape->min_x, grid->zoom) - grid->x0;
          gint64 cx1 = cell_of (shape->max_x, grid->zoom) - grid->x0;
          gint64 cy0 = cell_of (shape->min_y, grid->zoom) - grid->y0;
          gint64 cy1 = cell_of (shape->max_y, grid->zoom) - grid->y0;

          for (gint64 cy = cy0; cy <= cy1; cy++)
            for (gint64 cx = cx0; cx <= cx1; cx++)
              {
                gint64 cell = cy * grid->width + cx;

                if (pass == 0)
                  grid->start[cell + 1]++;
                else
                  grid->items[grid->start[cell] + fill[cell]++] = shape;
              }
        }
      if (pass == 0)
        {
          for (guint64 c = 0; c < n_cells; c++)
            grid->start[c + 1] += grid->start[c];
          total = grid->start[n_cells];
          grid->items = g_new (Shape *, MAX (total, 1));
          fill = g_new0 (guint, n_cells);
        }
    }
}

/* Adds to @found the shapes whose bounds touch the world rectangle, each once: a shape is
 * reported by the first cell of the query that it covers. Thread-safe. */
static void
grid_query (const Grid *grid,
            double      min_x,
            double      min_y,
            double      max_x,
            double      max_y,
            GPtrArray  *found)
{
  gint64 cx0, cx1, cy0, cy1;

  if (grid->width == 0)
    return;
  cx0 = MAX (cell_of (min_x, grid->zoom) - grid->x0, 0);
  cy0 = MAX (cell_of (min_y, grid->zoom) - grid->y0, 0);
  cx1 = MIN (cell_of (max_x, grid->zoom) - grid->x0, grid->width - 1);
  cy1 = MIN (cell_of (max_y, grid->zoom) - grid->y0, grid->height - 1);

  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        gint64 cell = cy * grid->width + cx;

        for (guint i = grid->start[cell]; i < grid->start[cell + 1]; i++)
          {
            Shape *shape = grid->items[i];

            if (shape->max_x < min_x || shape->min_x > max_x ||
                shape->max_y < min_y || shape->min_y > max_y)
              continue;
            /* Only from the first cell of the query the shape is in. */
            if (cx != MAX (cx0, cell_of (shape->min_x, grid->zoom) - grid->x0) ||
                cy != MAX (cy0, cell_of (shape->min_y, grid->zoom) - grid->y0))
              continue;
            g_ptr_array_add (found, shape);
          }
      }
}

static void
snapshot_clear (gpointer data)
{
  Snapshot *snapshot = data;

  grid_clear (&snapshot->grid);
  grid_clear (&snapshot->parcel_grid);
  g_clear_pointer (&snapshot->shapes, g_ptr_array_unref);
  g_clear_pointer (&snapshot->parcels, g_ptr_array_unref);
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

/* The shapes of @shapes by id, for reuse; ids that are not unique (0: not stored) are left out. */
static GHashTable *
index_shapes (GPtrArray *shapes)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; shapes != NULL && i < shapes->len; i++)
    {
      Shape *shape = g_ptr_array_index (shapes, i);

      if (shape->id != 0)
        g_hash_table_insert (index, &shape->id, shape);
    }
  return index;
}

/* @old (nullable): the last snapshot, whose unchanged shapes are shared rather than projected
 * again. */
static Snapshot *
snapshot_new (GListModel *fields,
              GListModel *parcels,
              GHashTable *colours,
              guint32     default_rgb,
              Snapshot   *old)
{
  Snapshot *snapshot = g_atomic_rc_box_new0 (Snapshot);
  guint n = fields != NULL ? g_list_model_get_n_items (fields) : 0;
  guint n_parcels = parcels != NULL ? g_list_model_get_n_items (parcels) : 0;
  g_autoptr(GHashTable) old_shapes = index_shapes (old != NULL ? old->shapes : NULL);
  g_autoptr(GHashTable) old_parcels = index_shapes (old != NULL ? old->parcels : NULL);

  snapshot->shapes = g_ptr_array_new_full (n, shape_unref);
  snapshot->parcels = g_ptr_array_new_full (n_parcels, shape_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);
      Shape *shape = field_shape_new (field, colours, default_rgb,
                                      id != 0 ? g_hash_table_lookup (old_shapes, &id) : NULL);

      if (shape != NULL)
        g_ptr_array_add (snapshot->shapes, shape);
    }
  for (guint i = 0; i < n_parcels; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      gint64 id = furrow_parcel_get_id (parcel);
      Shape *shape = parcel_shape_new (parcel,
                                       id != 0 ? g_hash_table_lookup (old_parcels, &id) : NULL);

      if (shape != NULL)
        g_ptr_array_add (snapshot->parcels, shape);
    }
  grid_build (&snapshot->grid, snapshot->shapes);
  grid_build (&snapshot->parcel_grid, snapshot->parcels);

  return snapshot;
}

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
  const Shape *x = *(Shape * const *) a;
  const Shape *y = *(Shape * const *) b;

  return (x->rgb > y->rgb) - (x->rgb < y->rgb);
}

/* Appends @shape to the current path in tile pixels: vertices closer than half a pixel to the
 * last one kept are dropped, and a shape smaller than two pixels becomes its bounding box. */
static void
append_shape (cairo_t     *cr,
              const Shape *shape,
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

/* PNG encoding, made for field tiles: each row "Sub"-filtered (a pixel minus its left
 * neighbour), so flat fills and empty space become runs of zero bytes, then deflated with the
 * fixed Huffman codes and matches at distance 1 only (run-length coding). A 256 px tile takes a
 * fraction of a millisecond where zlib's default takes several, and is a tenth of its raw size. */

typedef struct
{
  guint8  *data;
  gsize    length;
  gsize    allocated;
  guint64  bits;
  guint    n_bits;
} BitWriter;

static void
bit_writer_reserve (BitWriter *writer,
                    gsize      more)
{
  if (writer->length + more <= writer->allocated)
    return;
  writer->allocated = MAX (writer->allocated * 2, writer->length + more);
  writer->data = g_realloc (writer->data, writer->allocated);
}

static inline void
put_bits (BitWriter *writer,
          guint32    value,
          guint      n_bits)
{
  writer->bits |= (guint64) value << writer->n_bits;
  writer->n_bits += n_bits;
  while (writer->n_bits >= 8)
    {
      writer->data[writer->length++] = writer->bits & 0xff;
      writer->bits >>= 8;
      writer->n_bits -= 8;
    }
}

static void
put_bytes (BitWriter    *writer,
           const guint8 *bytes,
           gsize         length)
{
  bit_writer_reserve (writer, length);
  memcpy (writer->data + writer->length, bytes, length);
  writer->length += length;
}

static void
put_be32 (BitWriter *writer,
          guint32    v)
{
  guint8 bytes[4] = { v >> 24, v >> 16, v >> 8, v };

  put_bytes (writer, bytes, 4);
}

static guint32 crc_table[256];
/* The fixed literal/length codes, bit-reversed for the LSB-first stream, and their lengths. */
static guint16 fixed_code[288];
static guint8  fixed_length[288];
/* Run lengths 3…258: their length symbol and extra bits. */
static guint16 run_symbol[259];
static guint8  run_extra_bits[259];
static guint16 run_extra[259];

static guint32
reverse_bits (guint32 code,
              guint   length)
{
  guint32 out = 0;

  for (guint i = 0; i < length; i++, code >>= 1)
    out = (out << 1) | (code & 1);
  return out;
}

static void
png_tables_init (void)
{
  static const guint16 base[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43,
                                  51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
  static const guint8 extra[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4,
                                  4, 4, 5, 5, 5, 5, 0 };

  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (int k = 0; k < 8; k++)
        c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }

  /* RFC 1951, 3.2.6. */
  for (guint v = 0; v < 288; v++)
    {
      guint32 code;
      guint length;

      if (v < 144)
        code = 0x30 + v, length = 8;
      else if (v < 256)
        code = 0x190 + (v - 144), length = 9;
      else if (v < 280)
        code = v - 256, length = 7;
      else
        code = 0xc0 + (v - 280), length = 8;
      fixed_code[v] = reverse_bits (code, length);
      fixed_length[v] = length;
    }

  for (guint run = 3; run <= 258; run++)
    {
      guint k = G_N_ELEMENTS (base) - 1;

      while (base[k] > run)
        k--;
      run_symbol[run] = 257 + k;
      run_extra_bits[run] = extra[k];
      run_extra[run] = run - base[k];
    }
}

static guint32
crc_update (guint32       crc,
            const guint8 *data,
            gsize         length)
{
  for (gsize i = 0; i < length; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

/* Ends the chunk whose length field is at @start: fills in the length and appends the CRC. */
static void
end_chunk (BitWriter *writer,
           gsize      start)
{
  guint32 length = writer->length - start - 8;
  guint32 crc = crc_update (0xffffffffu, writer->data + start + 4, length + 4) ^ 0xffffffffu;

  writer->data[start] = length >> 24;
  writer->data[start + 1] = length >> 16;
  writer->data[start + 2] = length >> 8;
  writer->data[start + 3] = length;
  put_be32 (writer, crc);
}

static inline void
put_symbol (BitWriter *writer,
            guint      symbol)
{
  put_bits (writer, fixed_code[symbol], fixed_length[symbol]);
}

static GBytes *
encode_png (cairo_surface_t *surface)
{
  static gsize tables_ready;
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  gsize line_length = 1 + 4 * (gsize) width;
  g_autofree guint8 *line = g_malloc (line_length);
  g_autofree guint8 *straight = g_malloc (4 * (gsize) width);
  BitWriter writer = { NULL, 0, 0, 0, 0 };
  const guint8 *pixels;
  guint32 a1 = 1, a2 = 0;
  gsize chunk;

  if (g_once_init_enter (&tables_ready))
    {
      png_tables_init ();
      g_once_init_leave (&tables_ready, 1);
    }
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  bit_writer_reserve (&writer, 4096);

  put_bytes (&writer, signature, 8);
  chunk = writer.length;
  put_be32 (&writer, 0);
  put_bytes (&writer, (const guint8 *) "IHDR", 4);
  put_be32 (&writer, width);
  put_be32 (&writer, height);
  put_bytes (&writer, (const guint8 []) { 8, 6, 0, 0, 0 }, 5);  /* 8 bits, RGBA */
  end_chunk (&writer, chunk);

  chunk = writer.length;
  put_be32 (&writer, 0);
  put_bytes (&writer, (const guint8 *) "IDAT", 4);
  put_bytes (&writer, (const guint8 []) { 0x78, 0x01 }, 2);     /* zlib: deflate, 32 KiB window */
  put_bits (&writer, 1 | (1 << 1), 3);                          /* final block, fixed codes */

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);
      guint32 last_argb = 0;
      guint8 last[4] = { 0, 0, 0, 0 };   /* straight RGBA of last_argb */
      guint8 left[4] = { 0, 0, 0, 0 };
      gsize i;

      line[0] = 1;   /* filter: Sub */
      for (int x = 0; x < width; x++)
        {
          guint32 argb = row[x];
          guint8 *out = line + 1 + 4 * x;

          if (argb != last_argb)
            {
              guint a = argb >> 24;

              /* cairo stores premultiplied colour; PNG straight alpha. */
              if (a == 0)
                memset (last, 0, 4);
              else
                {
                  last[0] = (((argb >> 16) & 0xff) * 255 + a / 2) / a;
                  last[1] = (((argb >> 8) & 0xff) * 255 + a / 2) / a;
                  last[2] = ((argb & 0xff) * 255 + a / 2) / a;
                  last[3] = a;
                }
              last_argb = argb;
            }
          for (int c = 0; c < 4; c++)
            {
              out[c] = last[c] - left[c];
              left[c] = last[c];
            }
        }

      /* Adler-32 of the raw stream (a row is far below the 5,552 bytes between reductions). */
      for (i = 0; i < line_length; i++)
        {
          a1 += line[i];
          a2 += a1;
        }
      a1 %= 65521;
      a2 %= 65521;

      /* Runs of one byte: a literal, then a match at distance 1 (distance code 0, 5 bits). The
       * first byte of a row still matches the last byte of the row before. */
      bit_writer_reserve (&writer, 2 * line_length + 16);
      for (i = 0; i < line_length;)
        {
          gsize run = 1;
          guint32 word = line[i] * 0x01010101u;
          guint32 next;

          /* Four bytes at a time through the long runs, then byte by byte. */
          while (i + run + 4 <= line_length && run + 4 <= 259 &&
                 (memcpy (&next, line + i + run, 4), next == word))
            run += 4;
          while (i + run < line_length && run < 259 && line[i + run] == line[i])
            run++;
          put_symbol (&writer, line[i]);
          i++;
          run--;
          while (run >= 3)
            {
              gsize take = MIN (run, 258);

              if (run - take > 0 && run - take < 3)
                take = run - 3;
              put_symbol (&writer, run_symbol[take]);
              put_bits (&writer, run_extra[take], run_extra_bits[take]);
              put_bits (&writer, 0, 5);
              i += take;
              run -= take;
            }
          while (run > 0)
            {
              put_symbol (&writer, line[i]);
              i++;
              run--;
            }
        }
    }
  bit_writer_reserve (&writer, 64);
  put_symbol (&writer, 256);                                    /* end of block */
  if (writer.n_bits > 0)
    put_bits (&writer, 0, 8 - writer.n_bits);
  put_be32 (&writer, (a2 << 16) | a1);
  end_chunk (&writer, chunk);

  chunk = writer.length;
  put_be32 (&writer, 0);
  put_bytes (&writer, (const guint8 *) "IEND", 4);
  end_chunk (&writer, chunk);

  return g_bytes_new_take (g_realloc (writer.data, writer.length), writer.length);
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
  double n = (double) (1 << z);
  double margin = 2.0 / scale;
  double ox = x * size, oy = y * size;
  g_autoptr(GPtrArray) shapes = g_ptr_array_new ();
  g_autoptr(GPtrArray) parcels = g_ptr_array_new ();
  g_autoptr(GPtrArray) labelled = g_ptr_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *png;

  grid_query (&snapshot->grid, x / n - margin, y / n - margin, (x + 1) / n + margin,
              (y + 1) / n + margin, shapes);
  if (z >= FURROW_FIELD_TILE_PARCEL_ZOOM)
    grid_query (&snapshot->parcel_grid, x / n - margin, y / n - margin, (x + 1) / n + margin,
                (y + 1) / n + margin, parcels);
  if (z >= FURROW_FIELD_TILE_LABEL_ZOOM)
    {
      double label_margin = LABEL_MARGIN_PX / scale;

      grid_query (&snapshot->grid, x / n - label_margin, y / n - label_margin,
                  (x + 1) / n + label_margin, (y + 1) / n + label_margin, labelled);
    }

  /* Most tiles of a map hold no field: one shared transparent PNG, encoded once. */
  if (shapes->len == 0 && parcels->len == 0 && labelled->len == 0)
    {
      static GBytes *empty;

      if (g_once_init_enter (&empty))
        {
          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
          g_once_init_leave (&empty, encode_png (surface));
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
      Shape *first = g_ptr_array_index (shapes, i);
      guint j;

      cairo_new_path (cr);
      for (j = i; j < shapes->len; j++)
        {
          Shape *shape = g_ptr_array_index (shapes, j);

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
      Shape *first = g_ptr_array_index (shapes, i);
      guint j;

      cairo_new_path (cr);
      for (j = i; j < shapes->len; j++)
        {
          Shape *shape = g_ptr_array_index (shapes, j);

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
          Shape *shape = g_ptr_array_index (labelled, i);
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
  png = encode_png (surface);
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

typedef struct
{
  double min_x, min_y, max_x, max_y;
} Rect;

/* Collects into @touched the bounds of the shapes that differ between @old and @new (added,
 * removed, moved, recoloured or relabelled): both their old and new places. */
static void
diff_shapes (GPtrArray *old,
             GPtrArray *new,
             GArray    *touched)
{
  g_autoptr(GHashTable) before = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < old->len; i++)
    {
      Shape *shape = g_ptr_array_index (old, i);

      g_hash_table_insert (before, &shape->id, shape);
    }

  for (guint i = 0; i < new->len; i++)
    {
      Shape *shape = g_ptr_array_index (new, i);
      Shape *was = g_hash_table_lookup (before, &shape->id);
      Rect rect = { shape->min_x, shape->min_y, shape->max_x, shape->max_y };

      if (was != NULL && was->checksum == shape->checksum)
        {
          g_hash_table_remove (before, &shape->id);
          continue;
        }
      g_array_append_val (touched, rect);
    }

  /* What is left was removed or changed: its old place must be redrawn too. */
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Shape *shape = value;
      Rect rect = { shape->min_x, shape->min_y, shape->max_x, shape->max_y };

      g_array_append_val (touched, rect);
    }
}

static void
rebuild_snapshot (FurrowFieldTileSource *self)
{
  Snapshot *old = self->snapshot;
  Snapshot *snapshot = snapshot_new (self->fields, self->parcels, self->colours, self->default_rgb,
                                     old);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (Rect));
  guint n_dropped = 0;

  self->generation++;
  diff_shapes (old->shapes, snapshot->shapes, touched);
  diff_shapes (old->parcels, snapshot->parcels, touched);

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
          Rect *rect = &g_array_index (touched, Rect, i);

          n_dropped += invalidate_world (self, rect->min_x, rect->min_y, rect->max_x, rect->max_y);
        }
    }

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

  g_clear_pointer (&self->snapshot, snapshot_unref);
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
  self->snapshot = snapshot_new (NULL, NULL, NULL, 0, NULL);
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
