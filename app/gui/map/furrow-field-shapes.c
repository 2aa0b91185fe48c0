/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-shapes.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "furrow-field-tile-source.h"
#include "furrow-field.h"
#include "furrow-parcel.h"
#include "furrow-units.h"

#define GRID_MAX_ZOOM 16
#define GRID_MAX_CELLS (1 << 20)

void
furrow_tile_lon_lat_to_world (double  lon,
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
  FurrowTileShape *shape = data;

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
static FurrowTileShape *
shape_new (gint64          id,
           FurrowGeometry *geometry,
           guint32         rgb,
           char           *label)
{
  FurrowTileShape *shape;
  guint n_rings = 0;
  guint n_points = 0;
  guint ring = 0;
  guint k = 0;

  if (geometry == NULL || furrow_geometry_count_points (geometry) == 0)
    {
      g_free (label);
      return NULL;
    }

  shape = g_atomic_rc_box_new0 (FurrowTileShape);
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

            furrow_tile_lon_lat_to_world (src->points[i].x, src->points[i].y, &x, &y);
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
static FurrowTileShape *
field_shape_new (FurrowField *field,
                 GHashTable  *colours,
                 guint32      default_rgb,
                 FurrowTileShape       *old)
{
  g_autofree char *mu = NULL;
  gint64 id = furrow_field_get_id (field);
  FurrowGeometry *geometry = furrow_field_get_geometry (field);
  guint64 source_hash;
  guint32 rgb;
  FurrowTileShape *shape;

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

  mu = furrow_format_mu_grouped (furrow_field_get_measured_area_m2 (field));
  shape = shape_new (id, geometry, rgb,
                     /* TRANSLATORS: a field's name and its area on the map, e.g. "East 3\n12.34 mu" */
                     g_strdup_printf (_("%s\n%s mu"), furrow_field_get_name (field) ?: "", mu));
  if (shape != NULL)
    shape->source_hash = source_hash;
  return shape;
}

static FurrowTileShape *
parcel_shape_new (FurrowParcel *parcel,
                  FurrowTileShape        *old)
{
  FurrowGeometry *geometry = furrow_parcel_get_geometry (parcel);
  guint64 source_hash = geometry_hash (1, geometry);
  FurrowTileShape *shape;

  if (old != NULL && old->source_hash == source_hash)
    return g_atomic_rc_box_acquire (old);
  shape = shape_new (furrow_parcel_get_id (parcel), geometry, 0, NULL);
  if (shape != NULL)
    shape->source_hash = source_hash;
  return shape;
}

static void
grid_clear (FurrowTileGrid *grid)
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
grid_build (FurrowTileGrid      *grid,
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
      FurrowTileShape *shape = g_ptr_array_index (shapes, i);

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
          FurrowTileShape *shape = g_ptr_array_index (shapes, i);
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
          grid->items = g_new (FurrowTileShape *, MAX (total, 1));
          fill = g_new0 (guint, n_cells);
        }
    }
}

/* Adds to @found the shapes whose bounds touch the world rectangle, each once: a shape is
 * reported by the first cell of the query that it covers. Thread-safe. */
void
furrow_tile_grid_query (const FurrowTileGrid *grid,
                        double                min_x,
                        double                min_y,
                        double                max_x,
                        double                max_y,
                        GPtrArray            *found)
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
            FurrowTileShape *shape = grid->items[i];

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
  FurrowTileSnapshot *snapshot = data;

  grid_clear (&snapshot->grid);
  grid_clear (&snapshot->parcel_grid);
  g_clear_pointer (&snapshot->shapes, g_ptr_array_unref);
  g_clear_pointer (&snapshot->parcels, g_ptr_array_unref);
}

FurrowTileSnapshot *
furrow_tile_snapshot_ref (FurrowTileSnapshot *snapshot)
{
  return g_atomic_rc_box_acquire (snapshot);
}

void
furrow_tile_snapshot_unref (FurrowTileSnapshot *snapshot)
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
      FurrowTileShape *shape = g_ptr_array_index (shapes, i);

      if (shape->id != 0)
        g_hash_table_insert (index, &shape->id, shape);
    }
  return index;
}

/* @old (nullable): the last snapshot, whose unchanged shapes are shared rather than projected
 * again. */
FurrowTileSnapshot *
furrow_tile_snapshot_new (GListModel         *fields,
                          GListModel         *parcels,
                          GHashTable         *colours,
                          guint32             default_rgb,
                          FurrowTileSnapshot *old)
{
  FurrowTileSnapshot *snapshot = g_atomic_rc_box_new0 (FurrowTileSnapshot);
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
      FurrowTileShape *shape = field_shape_new (field, colours, default_rgb,
                                      id != 0 ? g_hash_table_lookup (old_shapes, &id) : NULL);

      if (shape != NULL)
        g_ptr_array_add (snapshot->shapes, shape);
    }
  for (guint i = 0; i < n_parcels; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      gint64 id = furrow_parcel_get_id (parcel);
      FurrowTileShape *shape = parcel_shape_new (parcel,
                                       id != 0 ? g_hash_table_lookup (old_parcels, &id) : NULL);

      if (shape != NULL)
        g_ptr_array_add (snapshot->parcels, shape);
    }
  grid_build (&snapshot->grid, snapshot->shapes);
  grid_build (&snapshot->parcel_grid, snapshot->parcels);

  return snapshot;
}




/* Collects into @touched the bounds of the shapes that differ between @old and @new (added,
 * removed, moved, recoloured or relabelled): both their old and new places. */
void
furrow_tile_shapes_diff (GPtrArray *old,
                         GPtrArray *new,
                         GArray    *touched)
{
  g_autoptr(GHashTable) before = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < old->len; i++)
    {
      FurrowTileShape *shape = g_ptr_array_index (old, i);

      g_hash_table_insert (before, &shape->id, shape);
    }

  for (guint i = 0; i < new->len; i++)
    {
      FurrowTileShape *shape = g_ptr_array_index (new, i);
      FurrowTileShape *was = g_hash_table_lookup (before, &shape->id);
      FurrowTileRect rect = { shape->min_x, shape->min_y, shape->max_x, shape->max_y };

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
      FurrowTileShape *shape = value;
      FurrowTileRect rect = { shape->min_x, shape->min_y, shape->max_x, shape->max_y };

      g_array_append_val (touched, rect);
    }
}
