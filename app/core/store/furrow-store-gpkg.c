/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-store-gpkg.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store.h"

/* Flags byte (OGC 12-128r18, table 3): bit 0 byte order (1 = little-endian), bits 1–3 envelope
 * contents indicator, bit 4 empty geometry, bit 5 extended GeoPackageBinary. */
#define FLAG_LITTLE_ENDIAN   0x01
#define FLAG_ENVELOPE_SHIFT  1
#define FLAG_ENVELOPE_MASK   0x0e
#define FLAG_EMPTY           0x10
#define FLAG_EXTENDED        0x20

#define WKB_POLYGON       3
#define WKB_MULTIPOLYGON  6

/* Envelope sizes for indicator 0..4: none, xy, xyz, xym, xyzm. */
static const gsize envelope_doubles[] = { 0, 4, 6, 6, 8 };

static void
put_u8 (GByteArray *out,
        guint8      value)
{
  g_byte_array_append (out, &value, 1);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *) &le, 4);
}

static void
put_f64 (GByteArray *out,
         double      value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out, (const guint8 *) &bits, 8);
}

GBytes *
furrow_gpkg_blob_encode (const FurrowGeometry *geometry)
{
  GByteArray *out;
  double min_x, min_y, max_x, max_y;
  gboolean any;
  gsize size = 8 + 32 + 9;

  g_return_val_if_fail (geometry != NULL, NULL);

  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      size += 9;
      for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
        size += 4 + 16 * (gsize) geometry->polygons[p].rings[r].n_points;
    }
  out = g_byte_array_sized_new (size);

  any = furrow_geometry_get_bounds (geometry, &min_x, &min_y, &max_x, &max_y);

  put_u8 (out, 'G');
  put_u8 (out, 'P');
  put_u8 (out, 0);
  put_u8 (out, FLAG_LITTLE_ENDIAN | (any ? 1 << FLAG_ENVELOPE_SHIFT : FLAG_EMPTY));
  put_u32 (out, FURROW_GPKG_SRS_WGS84);
  if (any)
    {
      put_f64 (out, min_x);
      put_f64 (out, max_x);
      put_f64 (out, min_y);
      put_f64 (out, max_y);
    }

  put_u8 (out, 1);
  put_u32 (out, WKB_MULTIPOLYGON);
  put_u32 (out, geometry->n_polygons);
  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      const FurrowPolygon *polygon = &geometry->polygons[p];

      put_u8 (out, 1);
      put_u32 (out, WKB_POLYGON);
      put_u32 (out, polygon->n_rings);
      for (guint r = 0; r < polygon->n_rings; r++)
        {
          const FurrowRing *ring = &polygon->rings[r];

          put_u32 (out, ring->n_points);
          for (guint i = 0; i < ring->n_points; i++)
            {
              put_f64 (out, ring->points[i].x);
              put_f64 (out, ring->points[i].y);
            }
        }
    }

  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Reader;

static gboolean
fail (const Reader  *reader,
      GError       **error,
      const char    *what)
{
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
               _("corrupt geometry at byte %lu: %s"), (unsigned long) reader->pos, _(what));
  return FALSE;
}

static gsize
remaining (const Reader *reader)
{
  return reader->size - reader->pos;
}

static gboolean
read_u8 (Reader  *reader,
         guint8  *value,
         GError **error)
{
  if (remaining (reader) < 1)
    return fail (reader, error, N_("truncated"));
  *value = reader->data[reader->pos++];
  return TRUE;
}

static gboolean
read_u32 (Reader   *reader,
          gboolean  little_endian,
          guint32  *value,
          GError  **error)
{
  guint32 raw;

  if (remaining (reader) < 4)
    return fail (reader, error, N_("truncated"));
  memcpy (&raw, reader->data + reader->pos, 4);
  reader->pos += 4;
  *value = little_endian ? GUINT32_FROM_LE (raw) : GUINT32_FROM_BE (raw);
  return TRUE;
}

static gboolean
read_f64 (Reader   *reader,
          gboolean  little_endian,
          double   *value,
          GError  **error)
{
  guint64 raw;

  if (remaining (reader) < 8)
    return fail (reader, error, N_("truncated"));
  memcpy (&raw, reader->data + reader->pos, 8);
  reader->pos += 8;
  raw = little_endian ? GUINT64_FROM_LE (raw) : GUINT64_FROM_BE (raw);
  memcpy (value, &raw, 8);
  return TRUE;
}

/* Reads a WKB geometry header: byte order and type, split into the base type and the number of
 * ordinates per point (2 + Z + M), from ISO (1000/2000/3000 offsets) or EWKB (high bits) codes. */
static gboolean
read_wkb_header (Reader   *reader,
                 gboolean *little_endian,
                 guint32  *base_type,
                 guint    *n_ordinates,
                 GError  **error)
{
  guint8 order;
  guint32 type;
  guint dims = 2;

  if (!read_u8 (reader, &order, error))
    return FALSE;
  if (order > 1)
    {
      reader->pos--;
      return fail (reader, error, N_("invalid WKB byte order"));
    }
  *little_endian = order == 1;
  if (!read_u32 (reader, *little_endian, &type, error))
    return FALSE;

  if (type & 0x80000000u)
    dims++;
  if (type & 0x40000000u)
    dims++;
  type &= 0x0fffffffu;
  if (type >= 1000 && type < 4000)
    {
      guint iso = type / 1000;

      if (dims != 2)
        return fail (reader, error, N_("mixed ISO and EWKB dimension flags"));
      dims += (iso == 1 || iso == 2) ? 1 : 2;
      type %= 1000;
    }
  *base_type = type;
  *n_ordinates = dims;
  return TRUE;
}

static gboolean
read_polygon_body (Reader         *reader,
                   gboolean        little_endian,
                   guint           n_ordinates,
                   FurrowGeometry *geometry,
                   GError        **error)
{
  guint32 n_rings;
  guint index;

  if (!read_u32 (reader, little_endian, &n_rings, error))
    return FALSE;
  if (n_rings > remaining (reader) / 4)
    return fail (reader, error, N_("ring count larger than the blob"));

  index = furrow_geometry_add_polygon (geometry);
  for (guint32 r = 0; r < n_rings; r++)
    {
      g_autofree FurrowPoint *points = NULL;
      guint32 n_points;

      if (!read_u32 (reader, little_endian, &n_points, error))
        return FALSE;
      if (n_points > remaining (reader) / (8 * n_ordinates))
        return fail (reader, error, N_("point count larger than the blob"));

      points = g_new (FurrowPoint, MAX (n_points, 1));
      for (guint32 i = 0; i < n_points; i++)
        {
          double extra;

          if (!read_f64 (reader, little_endian, &points[i].x, error) ||
              !read_f64 (reader, little_endian, &points[i].y, error))
            return FALSE;
          if (!isfinite (points[i].x) || !isfinite (points[i].y))
            return fail (reader, error, N_("coordinate is not a finite number"));
          for (guint d = 2; d < n_ordinates; d++)
            if (!read_f64 (reader, little_endian, &extra, error))
              return FALSE;
        }
      furrow_geometry_add_ring (geometry, index, points, n_points);
    }
  return TRUE;
}

FurrowGeometry *
furrow_gpkg_blob_decode (const guint8  *data,
                         gsize          size,
                         GError       **error)
{
  g_autoptr(FurrowGeometry) geometry = NULL;
  Reader reader = { data, size, 0 };
  guint8 magic[2], version, flags, envelope;
  guint32 srs_id, type;
  guint n_ordinates;
  gboolean little_endian;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_u8 (&reader, &magic[0], error) || !read_u8 (&reader, &magic[1], error))
    return NULL;
  if (magic[0] != 'G' || magic[1] != 'P')
    {
      reader.pos = 0;
      fail (&reader, error, N_("not a GeoPackage geometry (no “GP” magic)"));
      return NULL;
    }
  if (!read_u8 (&reader, &version, error) || !read_u8 (&reader, &flags, error))
    return NULL;
  if (version != 0)
    {
      reader.pos = 2;
      fail (&reader, error, N_("unsupported GeoPackage blob version"));
      return NULL;
    }
  if (flags & FLAG_EXTENDED)
    {
      reader.pos = 3;
      fail (&reader, error, N_("extended GeoPackage geometries are not supported"));
      return NULL;
    }
  envelope = (flags & FLAG_ENVELOPE_MASK) >> FLAG_ENVELOPE_SHIFT;
  if (envelope >= G_N_ELEMENTS (envelope_doubles))
    {
      reader.pos = 3;
      fail (&reader, error, N_("invalid envelope indicator"));
      return NULL;
    }
  if (!read_u32 (&reader, flags & FLAG_LITTLE_ENDIAN, &srs_id, error))
    return NULL;
  if (remaining (&reader) < envelope_doubles[envelope] * 8)
    {
      fail (&reader, error, N_("truncated envelope"));
      return NULL;
    }
  reader.pos += envelope_doubles[envelope] * 8;

  geometry = furrow_geometry_new ();
  if (!read_wkb_header (&reader, &little_endian, &type, &n_ordinates, error))
    return NULL;

  if (type == WKB_POLYGON)
    {
      if (!read_polygon_body (&reader, little_endian, n_ordinates, geometry, error))
        return NULL;
    }
  else if (type == WKB_MULTIPOLYGON)
    {
      guint32 n_polygons;

      if (!read_u32 (&reader, little_endian, &n_polygons, error))
        return NULL;
      if (n_polygons > remaining (&reader) / 9)
        {
          fail (&reader, error, N_("polygon count larger than the blob"));
          return NULL;
        }
      for (guint32 p = 0; p < n_polygons; p++)
        {
          gboolean part_little_endian;
          guint32 part_type;
          guint part_ordinates;

          if (!read_wkb_header (&reader, &part_little_endian, &part_type, &part_ordinates, error))
            return NULL;
          if (part_type != WKB_POLYGON)
            {
              fail (&reader, error, N_("a multi-polygon part is not a polygon"));
              return NULL;
            }
          if (!read_polygon_body (&reader, part_little_endian, part_ordinates, geometry, error))
            return NULL;
        }
    }
  else
    {
      fail (&reader, error, N_("not a polygon or multi-polygon"));
      return NULL;
    }

  if (remaining (&reader) != 0)
    {
      fail (&reader, error, N_("trailing bytes after the geometry"));
      return NULL;
    }

  return g_steal_pointer (&geometry);
}

/* ------------------------------------------------------------------------------------------ */
/* PostGIS's EWKB (the PostgreSQL backend, furrow-database-pg.c)                              */

static guint32
ewkb_u32 (const guint8 *p,
          gboolean      little)
{
  guint32 v;

  memcpy (&v, p, 4);
  return little ? GUINT32_FROM_LE (v) : GUINT32_FROM_BE (v);
}

#define EWKB_SRID_FLAG 0x20000000u

/* A GeoPackage blob (OGC 12-128r18 §2.1.3) to EWKB with SRID 4326: the header and envelope
 * dropped, the SRID put into the first geometry's header; the rest of the WKB as it is. NULL when
 * data is not a GeoPackage blob. */
GBytes *
furrow_gpkg_blob_to_ewkb (const guint8 *data,
                          gsize         size)
{
  guint indicator;
  gsize offset;
  gboolean little;
  guint32 type;
  GByteArray *out;
  guint8 srid[4];
  guint32 value;

  if (size < 8 || data[0] != 'G' || data[1] != 'P')
    return NULL;
  indicator = (data[3] >> 1) & 0x7;
  if (indicator >= G_N_ELEMENTS (envelope_doubles))
    return NULL;
  offset = 8 + 8 * envelope_doubles[indicator];
  if (size < offset + 5)
    return NULL;
  little = data[offset] == 1;
  type = ewkb_u32 (data + offset + 1, little);
  out = g_byte_array_sized_new (size - offset + 4);
  g_byte_array_append (out, data + offset, 1);
  value = type | EWKB_SRID_FLAG;
  value = little ? GUINT32_TO_LE (value) : GUINT32_TO_BE (value);
  g_byte_array_append (out, (const guint8 *) &value, 4);
  value = little ? GUINT32_TO_LE (FURROW_GPKG_SRS_WGS84) : GUINT32_TO_BE (FURROW_GPKG_SRS_WGS84);
  memcpy (srid, &value, 4);
  if (!(type & EWKB_SRID_FLAG))
    g_byte_array_append (out, srid, 4);
  g_byte_array_append (out, data + offset + 5, size - offset - 5);
  return g_byte_array_free_to_bytes (out);
}

/* EWKB (PostGIS's geometry, as its binary output sends it) to a GeoPackage blob without
 * envelope: "GP", version 0, flags (byte order of the WKB, no envelope), SRID, then the WKB
 * without its SRID, its other bytes as they came. */
GBytes *
furrow_gpkg_blob_from_ewkb (const guint8 *wkb,
                            gsize         n)
{
  GByteArray *out;
  gboolean little;
  guint32 type, srid = FURROW_GPKG_SRS_WGS84, value;
  gsize offset = 5;

  if (n < 5)
    return g_bytes_new (wkb, n);
  little = wkb[0] == 1;
  type = ewkb_u32 (wkb + 1, little);
  if ((type & EWKB_SRID_FLAG) && n >= 9)
    {
      srid = ewkb_u32 (wkb + 5, little);
      offset = 9;
    }
  out = g_byte_array_sized_new (n + 8);
  g_byte_array_append (out, (const guint8 *) "GP", 2);
  g_byte_array_append (out, (const guint8 *) "\0", 1);
  g_byte_array_append (out, (const guint8 *) (little ? "\1" : "\0"), 1);
  value = little ? GUINT32_TO_LE (srid) : GUINT32_TO_BE (srid);
  g_byte_array_append (out, (const guint8 *) &value, 4);
  g_byte_array_append (out, wkb, 1);
  value = type & ~EWKB_SRID_FLAG;
  value = little ? GUINT32_TO_LE (value) : GUINT32_TO_BE (value);
  g_byte_array_append (out, (const guint8 *) &value, 4);
  g_byte_array_append (out, wkb + offset, n - offset);
  return g_byte_array_free_to_bytes (out);
}

/* The same from its text output, the EWKB in hex. */
GBytes *
furrow_gpkg_blob_from_ewkb_hex (const char *hex)
{
  gsize n = strlen (hex) / 2;
  g_autofree guint8 *wkb = g_malloc (n + 1);

  for (gsize i = 0; i < n; i++)
    wkb[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 |
                       g_ascii_xdigit_value (hex[2 * i + 1]));
  return furrow_gpkg_blob_from_ewkb (wkb, n);
}
