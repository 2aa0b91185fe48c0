/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The custody fields and parcels of a project as FurrowFieldTileSource draws them: each projected
 * once to Web-Mercator world coordinates (0…1, y down) into an immutable, reference-counted
 * snapshot that tile threads share, with a bucket grid per layer that finds the shapes touching
 * a tile. A new snapshot reuses the shapes of the last one that did not change, and
 * furrow_tile_shapes_diff() finds where the two differ, so an edit redraws only those tiles. */

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
} FurrowTileShape;                      /* atomic rc box, shared by successive snapshots */

/* A uniform grid of buckets over the shapes' extent (compressed rows: bucket b holds
 * items[start[b]] … items[start[b + 1] - 1]), at the finest zoom ≤ GRID_MAX_ZOOM that keeps it
 * under GRID_MAX_CELLS cells. */
typedef struct
{
  int               zoom;
  gint64            x0, y0;            /* first cell */
  gint64            width, height;     /* in cells; 0 when empty */
  guint            *start;
  FurrowTileShape **items;
} FurrowTileGrid;

typedef struct
{
  GPtrArray      *shapes;       /* FurrowTileShape: the fields */
  GPtrArray      *parcels;      /* FurrowTileShape: the parcels (outlined from
                                 * FURROW_FIELD_TILE_PARCEL_ZOOM) */
  FurrowTileGrid  grid;
  FurrowTileGrid  parcel_grid;
} FurrowTileSnapshot;

typedef struct
{
  double min_x, min_y, max_x, max_y;
} FurrowTileRect;

void                furrow_tile_lon_lat_to_world (double              lon,
                                                  double              lat,
                                                  double             *x,
                                                  double             *y);
/* colours: field id → rgb + 1 (NULL: by custody); old (nullable): the last snapshot. */
FurrowTileSnapshot *furrow_tile_snapshot_new     (GListModel         *fields,
                                                  GListModel         *parcels,
                                                  GHashTable         *colours,
                                                  guint32             default_rgb,
                                                  FurrowTileSnapshot *old);
FurrowTileSnapshot *furrow_tile_snapshot_ref     (FurrowTileSnapshot *snapshot);
void                furrow_tile_snapshot_unref   (FurrowTileSnapshot *snapshot);
/* Adds to found the shapes whose bounds touch the world rectangle, each once. */
void                furrow_tile_grid_query       (const FurrowTileGrid *grid,
                                                  double              min_x,
                                                  double              min_y,
                                                  double              max_x,
                                                  double              max_y,
                                                  GPtrArray          *found);
/* Appends to touched (FurrowTileRect) the old and new bounds of the shapes that differ. */
void                furrow_tile_shapes_diff      (GPtrArray          *old,
                                                  GPtrArray          *new,
                                                  GArray             *touched);

G_END_DECLS
