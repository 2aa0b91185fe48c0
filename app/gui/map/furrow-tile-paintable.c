/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-tile-paintable.h"

#include <math.h>

/* A map tile as a cairo image surface, painted as a cairo node.
 *
 * GTK 4.8's cairo renderer draws a GdkTexture by downloading it into a new cairo surface every
 * frame, converting each pixel (through floats when the texture is already in cairo's own
 * format): with twenty field tiles on screen that conversion alone took most of a frame while
 * panning. A cairo node paints the surface with pixman directly. Immutable, so it may be made in
 * a worker thread. */

struct _FurrowTilePaintable
{
  GObject          parent_instance;

  cairo_surface_t *surface;
  gboolean         opaque;   /* every pixel: a base map's tile, not the fields' */
};

static void furrow_tile_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FurrowTilePaintable, furrow_tile_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      furrow_tile_paintable_paintable_init))

static void
furrow_tile_paintable_snapshot (GdkPaintable *paintable,
                                GdkSnapshot  *snapshot,
                                double        width,
                                double        height)
{
  FurrowTilePaintable *self = FURROW_TILE_PAINTABLE (paintable);
  int surface_width = cairo_image_surface_get_width (self->surface);
  int surface_height = cairo_image_surface_get_height (self->surface);
  cairo_matrix_t matrix;
  double left, top, right, bottom;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || surface_width <= 0 || surface_height <= 0)
    return;

  /* ShumateMapLayer puts each tile at a fractional pixel offset. Clipped there, two abutting
   * tiles each covered the pixel column between them only in part, and the map showed through
   * as a 1 px seam at every tile boundary (issue 13). So the tile snaps its edges to whole
   * pixels: the context of a cairo node starts translated (and scaled) to where the paintable's
   * origin lies in the node's pixels (GTK 4.8, gtk_snapshot_append_cairo), and both edges of a
   * boundary round the same way, so neighbours share it exactly (docs/toolchain.md,
   * libshumate 1.0.3). The node is larger to hold the rounded rectangle and an opaque tile's
   * extra pixel. */
  cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot),
                                  &GRAPHENE_RECT_INIT (-1, -1, width + 3, height + 3));
  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0)
    {
      /* Rotated: no pixel grid to snap to. */
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      left = 0;
      top = 0;
      right = width;
      bottom = height;
    }
  else
    {
      left = round (matrix.x0);
      top = round (matrix.y0);
      right = round (matrix.x0 + width * matrix.xx);
      bottom = round (matrix.y0 + height * matrix.yy);
      cairo_identity_matrix (cr);
      /* An opaque tile also covers the pixel after its right and bottom edges, with its own
       * edge pixels: where a parent widget leaves the map off the pixel grid, the neighbour
       * then paints over a filled pixel rather than over the background (tiles with
       * transparency, the fields', would darken there, so they only snap). */
      cairo_rectangle (cr, left, top, right - left + (self->opaque ? 1 : 0),
                       bottom - top + (self->opaque ? 1 : 0));
      cairo_clip (cr);
      cairo_translate (cr, left, top);
      right -= left;
      bottom -= top;
      left = top = 0;
    }
  cairo_scale (cr, (right - left) / surface_width, (bottom - top) / surface_height);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  /* At 1:1 (whole zoom levels) the tile now lies on whole pixels: the nearest pixel is the same
   * picture as bilinear sampling at a fraction of the cost. Scaled tiles (between zoom levels)
   * keep the smooth filter, padded so their edge pixels do not fade out. */
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  if (right - left == surface_width && bottom - top == surface_height)
    cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static int
furrow_tile_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return cairo_image_surface_get_width (FURROW_TILE_PAINTABLE (paintable)->surface);
}

static int
furrow_tile_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return cairo_image_surface_get_height (FURROW_TILE_PAINTABLE (paintable)->surface);
}

static GdkPaintableFlags
furrow_tile_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_CONTENTS | GDK_PAINTABLE_STATIC_SIZE;
}

static void
furrow_tile_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = furrow_tile_paintable_snapshot;
  iface->get_intrinsic_width = furrow_tile_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = furrow_tile_paintable_get_intrinsic_height;
  iface->get_flags = furrow_tile_paintable_get_flags;
}

static void
furrow_tile_paintable_finalize (GObject *object)
{
  FurrowTilePaintable *self = FURROW_TILE_PAINTABLE (object);

  g_clear_pointer (&self->surface, cairo_surface_destroy);

  G_OBJECT_CLASS (furrow_tile_paintable_parent_class)->finalize (object);
}

static void
furrow_tile_paintable_class_init (FurrowTilePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_tile_paintable_finalize;
}

static void
furrow_tile_paintable_init (FurrowTilePaintable *self)
{
}

/* Whether every pixel of @surface is opaque (cairo's ARGB32 keeps alpha in the top byte). */
static gboolean
surface_is_opaque (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;

  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    return TRUE;
  if (cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    return FALSE;
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* @surface: an image surface, not drawn on any more (a reference is taken) */
FurrowTilePaintable *
furrow_tile_paintable_new (cairo_surface_t *surface)
{
  FurrowTilePaintable *self;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);

  self = g_object_new (FURROW_TYPE_TILE_PAINTABLE, NULL);
  self->surface = cairo_surface_reference (surface);
  self->opaque = surface_is_opaque (surface);
  return self;
}
