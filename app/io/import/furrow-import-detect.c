/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Detection of what a source file is: format (and its side files), text encoding, and the GDAL
 * dataset and layer (docs/toolchain.md "GEOS, PROJ, GDAL"); the coordinate system is detected in
 * furrow-import-detect-crs.c. */

/* GDAL's VSIStatBufL is struct stat64. */
#define _GNU_SOURCE

#include "config.h"

#include "furrow-importer-private.h"

#include "furrow-store.h"

#include <glib/gi18n-lib.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define MAX_SNIFF_BYTES (8 * 1024 * 1024)

static gboolean
vsi_exists (const char *path,
            VSIStatBufL *st)
{
  VSIStatBufL local;

  return VSIStatExL (path, st != NULL ? st : &local, VSI_STAT_EXISTS_FLAG | VSI_STAT_NATURE_FLAG | VSI_STAT_SIZE_FLAG) == 0;
}

/* The side file of a shapefile ("x.shp" → "x.dbf" or "x.DBF"), or NULL. */
char *
furrow_import_find_side_file (const char *shp_path,
                              const char *ext)
{
  g_autofree char *stem = g_strndup (shp_path, strlen (shp_path) - 4);
  g_autofree char *lower = g_strconcat (stem, ".", ext, NULL);
  g_autofree char *upper_ext = g_ascii_strup (ext, -1);
  g_autofree char *upper = g_strconcat (stem, ".", upper_ext, NULL);

  if (vsi_exists (lower, NULL))
    return g_steal_pointer (&lower);
  if (vsi_exists (upper, NULL))
    return g_steal_pointer (&upper);
  return NULL;
}

static gboolean
read_vsi_bytes (const char *path,
                gsize       max_bytes,
                GByteArray **out)
{
  VSILFILE *fp = VSIFOpenL (path, "rb");
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buf[65536];
  size_t n;

  if (fp == NULL)
    return FALSE;
  while (bytes->len < max_bytes && (n = VSIFReadL (buf, 1, MIN (sizeof buf, max_bytes - bytes->len), fp)) > 0)
    g_byte_array_append (bytes, buf, n);
  VSIFCloseL (fp);
  *out = g_steal_pointer (&bytes);
  return TRUE;
}

/* The number of shapes in a .shp: its records, walked by their headers (a record number and
 * the content length in 16-bit words, big-endian); G_MAXUINT64 when a header runs off the end. */
static guint64
count_shp_records (const char *shp_path)
{
  VSILFILE *fp = VSIFOpenL (shp_path, "rb");
  VSIStatBufL st;
  guint64 offset = 100;
  guint64 n = 0;

  if (fp == NULL || VSIStatL (shp_path, &st) != 0)
    {
      if (fp != NULL)
        VSIFCloseL (fp);
      return G_MAXUINT64;
    }
  while (offset + 8 <= (guint64) st.st_size)
    {
      guint8 header[8];
      guint32 words;

      if (VSIFSeekL (fp, offset, SEEK_SET) != 0 || VSIFReadL (header, 1, 8, fp) != 8)
        break;
      words = GUINT32_FROM_BE (*(guint32 *) (gpointer) (header + 4));
      offset += 8 + (guint64) words * 2;
      n++;
    }
  VSIFCloseL (fp);
  return n;
}

/* A .shp, .shx and .dbf copied from different versions of a layer: GDAL reads as many records
 * as the .shx indexes and drops the rest without a word (a .shp of 20 shapes with a .shx and
 * .dbf of 10 imported 10, issue 12). The three counts must agree. */
static gboolean
check_shapefile_counts (FurrowImporter  *self,
                        const char      *shp_path,
                        const char      *shx_path,
                        const char      *dbf_path,
                        const char      *stem,
                        GError         **error)
{
  g_autoptr(GByteArray) dbf_header = NULL;
  VSIStatBufL st;
  guint64 n_shp, n_shx, n_dbf;
  g_autofree char *shp_text = NULL;
  g_autofree char *shx_text = NULL;
  g_autofree char *dbf_text = NULL;

  if (VSIStatL (shx_path, &st) != 0 || st.st_size < 100 ||
      !read_vsi_bytes (dbf_path, 32, &dbf_header) || dbf_header->len < 8)
    return TRUE;   /* GDAL's own message */
  n_shx = ((guint64) st.st_size - 100) / 8;
  n_dbf = GUINT32_FROM_LE (*(guint32 *) (gpointer) (dbf_header->data + 4));
  n_shp = count_shp_records (shp_path);
  if (n_shp == G_MAXUINT64 || (n_shp == n_shx && n_shx == n_dbf))
    return TRUE;

  shp_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_shp);
  shx_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_shx);
  dbf_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_dbf);
  g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
               _("%s: the files do not belong together: %s.shp holds %s shapes, %s.shx indexes %s and %s.dbf has %s records; copy the .shp, .shx and .dbf again from the same place"),
               self->display_name, stem, shp_text, stem, shx_text, stem, dbf_text);
  return FALSE;
}

static gboolean
check_shapefile (FurrowImporter  *self,
                 const char      *shp_path,
                 GError         **error)
{
  g_autofree char *dbf = furrow_import_find_side_file (shp_path, "dbf");
  g_autofree char *shx = furrow_import_find_side_file (shp_path, "shx");
  g_autofree char *stem = g_path_get_basename (shp_path);
  g_autoptr(GByteArray) header = NULL;
  VSIStatBufL st;
  guint32 code, words;

  stem[strlen (stem) - 4] = '\0';

  if (!read_vsi_bytes (shp_path, 100, &header) || header->len < 100)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: not an ESRI Shapefile (the file is shorter than a .shp header)"),
                   self->display_name);
      return FALSE;
    }
  code = GUINT32_FROM_BE (*(guint32 *) (gpointer) header->data);
  words = GUINT32_FROM_BE (*(guint32 *) (gpointer) (header->data + 24));
  if (code != 9994)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: not an ESRI Shapefile (the file does not start with a .shp header)"),
                   self->display_name);
      return FALSE;
    }
  if (vsi_exists (shp_path, &st) && (guint64) st.st_size < (guint64) words * 2)
    {
      g_autofree char *have = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_size);
      g_autofree char *want = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) words * 2);

      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file is truncated (%s of %s bytes)"),
                   self->display_name, have, want);
      return FALSE;
    }
  if (dbf == NULL)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the attribute file %s.dbf is missing (a Shapefile needs its .shp, .shx and .dbf)"),
                   self->display_name, stem);
      return FALSE;
    }
  if (shx == NULL)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the index file %s.shx is missing (a Shapefile needs its .shp, .shx and .dbf)"),
                   self->display_name, stem);
      return FALSE;
    }
  return check_shapefile_counts (self, shp_path, shx, dbf, stem, error);
}

static char *
find_shp_in_zip (const char *vsizip)
{
  char **list = VSIReadDirRecursive (vsizip);
  char *found = NULL;

  for (char **l = list; l != NULL && *l != NULL && found == NULL; l++)
    if (g_str_has_suffix (*l, ".shp") || g_str_has_suffix (*l, ".SHP"))
      found = g_strconcat (vsizip, "/", *l, NULL);
  CSLDestroy (list);
  return found;
}

/* Zip archives (.zip, .xlsx, .kmz) ---------------------------------------------------------- */

/* What a reader may inflate from one archive (issue 12): an XLSX whose 2 MiB shared string
 * expands to 2 GiB grew GDAL's XLSX reader to 10 GB. A register of 50,000 parcels inflates to
 * about 30 MiB, so 256 MiB in all and 128 MiB for one member leave room and keep memory to a
 * few hundred MiB. Every member is inflated once here, as a stream, before any reader parses
 * it; only the bytes up to the limit are read. */
#define MAX_ZIP_TOTAL_BYTES  (256 * 1024 * 1024)
#define MAX_ZIP_MEMBER_BYTES (128 * 1024 * 1024)

static gboolean
check_zip_archive (FurrowImporter  *self,
                   GError         **error)
{
  g_autofree char *vsizip = g_strconcat ("/vsizip/", self->path, NULL);
  g_autoptr(GByteArray) magic = NULL;
  g_autofree guint8 *buf = NULL;
  char **members;
  guint64 total = 0;
  gboolean ok = TRUE;

  /* A zip archive starts with a local file header (or is an empty archive). */
  if (!read_vsi_bytes (self->path, 4, &magic))
    return TRUE;   /* unreadable: the reader's own message says so */
  if (magic->len < 4 || (memcmp (magic->data, "PK\3\4", 4) != 0 &&
                         memcmp (magic->data, "PK\5\6", 4) != 0))
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: not a zip file (a .zip, .xlsx or .kmz file is a zip archive, and this one does not start like one)"),
                   self->display_name);
      return FALSE;
    }

  buf = g_malloc (65536);
  CPLPushErrorHandler (CPLQuietErrorHandler);
  members = VSIReadDirRecursive (vsizip);
  for (char **m = members; ok && m != NULL && *m != NULL; m++)
    {
      g_autofree char *member = g_strconcat (vsizip, "/", *m, NULL);
      VSIStatBufL st;
      VSILFILE *fp;
      guint64 size = 0;
      size_t n;

      if (VSIStatL (member, &st) != 0 || VSI_ISDIR (st.st_mode))
        continue;
      fp = VSIFOpenL (member, "rb");
      if (fp == NULL)
        continue;
      while ((n = VSIFReadL (buf, 1, 65536, fp)) > 0)
        {
          size += n;
          total += n;
          if (size > MAX_ZIP_MEMBER_BYTES || total > MAX_ZIP_TOTAL_BYTES)
            {
              /* Translators: "xl/sharedStrings.xml inside the archive unpacks to more than 128 MiB" */
              if (size > MAX_ZIP_MEMBER_BYTES)
                g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                             _("%s: %s inside the archive unpacks to more than %d MiB; Furrow does not read archives that expand so much"),
                             self->display_name, *m, MAX_ZIP_MEMBER_BYTES >> 20);
              else
                g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                             _("%s: the archive unpacks to more than %d MiB; Furrow does not read archives that expand so much"),
                             self->display_name, MAX_ZIP_TOTAL_BYTES >> 20);
              ok = FALSE;
              break;
            }
        }
      VSIFCloseL (fp);
    }
  CSLDestroy (members);
  CPLPopErrorHandler ();
  return ok;
}

/* The KML document of a KMZ that holds only one, as /vsizip/…/doc.kml; NULL when it holds
 * several (a document and its linked layers, which LIBKML reads as a whole). LIBKML reads a KMZ
 * whose single doc.kml has a <Schema> without the <SimpleData> values: its parcels came in as
 * fields with invented codes (issue 12). Read as a KML file, it imports as its KML does. */
static char *
find_only_kml_in_zip (const char *path)
{
  g_autofree char *vsizip = g_strconcat ("/vsizip/", path, NULL);
  char **list = VSIReadDirRecursive (vsizip);
  char *found = NULL;
  guint n = 0;

  for (char **l = list; l != NULL && *l != NULL; l++)
    if (g_str_has_suffix (*l, ".kml") || g_str_has_suffix (*l, ".KML"))
      {
        n++;
        g_clear_pointer (&found, g_free);
        found = g_strconcat (vsizip, "/", *l, NULL);
      }
  CSLDestroy (list);
  if (n != 1)
    g_clear_pointer (&found, g_free);
  return found;
}

gboolean
furrow_import_detect_format (FurrowImporter  *self,
                             GError         **error)
{
  g_autofree char *lower = g_ascii_strdown (self->path, -1);
  VSIStatBufL st;

  g_clear_pointer (&self->gdal_path, g_free);

  if (!vsi_exists (self->path, &st))
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file does not exist"), self->display_name);
      return FALSE;
    }
  if (VSI_ISDIR (st.st_mode))
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: this is a folder, not a file; choose the .shp, .gpkg, .geojson, .kml, .csv or .xlsx file in it"),
                   self->display_name);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file is empty (0 bytes)"), self->display_name);
      return FALSE;
    }
  /* A file that is there but not readable: say so, not "not a readable GeoJSON file". A
   * GDAL virtual file (/vsimem/, as the fuzz targets in tests/fuzz give it) is not on disk
   * for access(2): VSIStatL above found it. */
  if (!g_str_has_prefix (self->path, "/vsi") && g_access (self->path, R_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file cannot be read: %s"), self->display_name, g_strerror (saved));
      return FALSE;
    }

  if (g_str_has_suffix (lower, ".shp"))
    {
      self->format = FURROW_IMPORT_FORMAT_SHAPEFILE;
      self->gdal_path = g_strdup (self->path);
      return check_shapefile (self, self->gdal_path, error);
    }
  if ((g_str_has_suffix (lower, ".zip") || g_str_has_suffix (lower, ".xlsx") ||
       g_str_has_suffix (lower, ".kmz")) && !check_zip_archive (self, error))
    return FALSE;
  if (g_str_has_suffix (lower, ".zip"))
    {
      g_autofree char *vsizip = g_strconcat ("/vsizip/", self->path, NULL);

      self->gdal_path = find_shp_in_zip (vsizip);
      if (self->gdal_path == NULL)
        {
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                       _("%s: the zip archive holds no Shapefile (.shp)"), self->display_name);
          return FALSE;
        }
      self->format = FURROW_IMPORT_FORMAT_SHAPEFILE;
      return check_shapefile (self, self->gdal_path, error);
    }

  self->gdal_path = g_strdup (self->path);
  if (g_str_has_suffix (lower, ".gpkg"))
    self->format = FURROW_IMPORT_FORMAT_GEOPACKAGE;
  else if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    self->format = FURROW_IMPORT_FORMAT_GEOJSON;
  else if (g_str_has_suffix (lower, ".kml"))
    self->format = FURROW_IMPORT_FORMAT_KML;
  else if (g_str_has_suffix (lower, ".kmz"))
    {
      g_autofree char *kml = find_only_kml_in_zip (self->path);

      self->format = FURROW_IMPORT_FORMAT_KML;
      if (kml != NULL)
        {
          g_free (self->gdal_path);
          self->gdal_path = g_steal_pointer (&kml);
        }
    }
  else if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    self->format = FURROW_IMPORT_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    self->format = FURROW_IMPORT_FORMAT_XLSX;
  else
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: unsupported file type; Furrow imports Shapefile (.shp or .zip), GeoPackage, GeoJSON, KML/KMZ, CSV and XLSX"),
                   self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* Encoding --------------------------------------------------------------------------------- */

/* Whether `data` decodes as GB18030 (a superset of GBK/CP936). */
static gboolean
is_gbk (const char *data,
        gsize       len)
{
  g_autofree char *converted = NULL;

  converted = g_convert (data, len, "UTF-8", "GB18030", NULL, NULL, NULL);
  return converted != NULL;
}

/* The character data of a DBF file: everything after its header, cut at a record boundary. */
static GByteArray *
read_dbf_records (const char *dbf_path)
{
  g_autoptr(GByteArray) bytes = NULL;
  guint16 header_len, record_len;
  gsize end;

  if (!read_vsi_bytes (dbf_path, MAX_SNIFF_BYTES, &bytes) || bytes->len < 32)
    return NULL;
  header_len = GUINT16_FROM_LE (*(guint16 *) (gpointer) (bytes->data + 8));
  record_len = GUINT16_FROM_LE (*(guint16 *) (gpointer) (bytes->data + 10));
  if (header_len >= bytes->len || record_len == 0)
    return g_byte_array_new ();
  end = header_len + (bytes->len - header_len) / record_len * record_len;
  g_byte_array_set_size (bytes, end);
  g_byte_array_remove_range (bytes, 0, header_len);
  return g_steal_pointer (&bytes);
}

/* The field names live in the DBF header: check them too (Chinese column names). */
static GByteArray *
read_dbf_header_names (const char *dbf_path)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GByteArray) names = g_byte_array_new ();

  if (!read_vsi_bytes (dbf_path, 65536, &bytes) || bytes->len < 32)
    return g_steal_pointer (&names);
  for (gsize off = 32; off + 32 <= bytes->len && bytes->data[off] != 0x0D; off += 32)
    g_byte_array_append (names, bytes->data + off, strnlen ((char *) bytes->data + off, 11));
  return g_steal_pointer (&names);
}

static gboolean
detect_shapefile_encoding (FurrowImporter  *self,
                           GError         **error)
{
  g_autofree char *cpg = furrow_import_find_side_file (self->gdal_path, "cpg");
  g_autofree char *dbf = furrow_import_find_side_file (self->gdal_path, "dbf");
  g_autoptr(GByteArray) records = NULL;
  g_autoptr(GByteArray) names = NULL;

  if (self->encoding_override != NULL)
    {
      self->encoding = g_strdup (self->encoding_override);
      return TRUE;
    }
  if (cpg != NULL)
    {
      g_autoptr(GByteArray) bytes = NULL;

      if (read_vsi_bytes (cpg, 64, &bytes) && bytes->len > 0)
        {
          g_autofree char *text = g_strstrip (g_strndup ((char *) bytes->data, bytes->len));

          if (g_ascii_strcasecmp (text, "UTF-8") == 0 || g_ascii_strcasecmp (text, "UTF8") == 0 ||
              g_str_equal (text, "65001"))
            self->encoding = g_strdup ("UTF-8");
          else if (g_str_equal (text, "936") || g_ascii_strcasecmp (text, "GBK") == 0 ||
                   g_ascii_strcasecmp (text, "CP936") == 0 || g_ascii_strcasecmp (text, "GB2312") == 0)
            self->encoding = g_strdup ("CP936");
          if (self->encoding != NULL)
            return TRUE;
        }
    }

  records = read_dbf_records (dbf);
  names = read_dbf_header_names (dbf);
  if (records == NULL)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the attribute file (.dbf) cannot be read"), self->display_name);
      return FALSE;
    }
  if (g_utf8_validate ((char *) records->data, records->len, NULL) &&
      g_utf8_validate ((char *) names->data, names->len, NULL))
    self->encoding = g_strdup ("UTF-8");
  else if (is_gbk ((char *) records->data, records->len) && is_gbk ((char *) names->data, names->len))
    self->encoding = g_strdup ("CP936");
  else
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_ENCODING,
                   _("%s: the text in the .dbf file is neither UTF-8 nor GBK; give its encoding with --encoding"),
                   self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* "2, 5, 9" or "2, 5, 9, 11, 12 …": the first five line numbers of a list. */
static char *
format_lines (GArray *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len && i < 5; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? ", " : "", g_array_index (lines, guint, i));
  if (lines->len > 5)
    g_string_append (text, " …");
  return g_string_free (text, FALSE);
}

/* A text that is not UTF-8 as a whole may still have UTF-8 lines: a GBK file someone added rows
 * to in a UTF-8 editor. Read as GBK, those rows become mojibake ("新户1" → "鏂版埛1"), read as
 * UTF-8 the others do: the encoding is decided per file, and a file with both is refused with
 * the lines of each (issue 12, item 3). */
static gboolean
check_one_encoding (FurrowImporter  *self,
                    const char      *data,
                    gsize            len,
                    GError         **error)
{
  g_autoptr(GArray) utf8_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) other_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *utf8 = NULL;
  g_autofree char *other = NULL;
  const char *end = data + len;
  guint line = 1;

  for (const char *p = data; p < end; line++)
    {
      const char *next = memchr (p, '\n', end - p);
      gsize n = (next != NULL ? next : end) - p;
      gboolean ascii = TRUE;

      for (gsize i = 0; i < n && ascii; i++)
        ascii = (guchar) p[i] < 0x80;
      if (!ascii)
        {
          if (g_utf8_validate (p, n, NULL))
            g_array_append_val (utf8_lines, line);
          else
            g_array_append_val (other_lines, line);
        }
      p = next != NULL ? next + 1 : end;
    }
  if (utf8_lines->len == 0 || other_lines->len == 0)
    return TRUE;

  utf8 = format_lines (utf8_lines);
  other = format_lines (other_lines);
  g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_ENCODING,
               _("%s: the file mixes two text encodings, UTF-8 on line %s and another one (GBK?) on line %s; save the whole file in one encoding, preferably UTF-8"),
               self->display_name, utf8, other);
  return FALSE;
}

/* Whether `bytes` read as UTF-16 text in that byte order: no NUL or control character but
 * tab and line ends, every surrogate in a pair (a pair cut by the end of the sample counts). */
static gboolean
reads_as_utf16 (const guchar *bytes,
                gsize         len,
                gboolean      big_endian)
{
  gboolean high = FALSE;   /* the last unit was a high surrogate */

  for (gsize i = 0; i + 1 < len; i += 2)
    {
      guint unit = big_endian ? (guint) bytes[i] << 8 | bytes[i + 1]
                              : (guint) bytes[i + 1] << 8 | bytes[i];
      gboolean low = unit >= 0xDC00 && unit <= 0xDFFF;

      if (high != low || (unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r'))
        return FALSE;
      high = unit >= 0xD800 && unit <= 0xDBFF;
    }
  return TRUE;
}

/* UTF-16 text (Excel's "Unicode text", Notepad's "Unicode"): a byte-order mark, or a first
 * character of ASCII with a 0 byte beside it. It was "not a text file", or for GeoJSON one line
 * a feature about NUL characters (issue 12). Without a mark and starting with a character
 * outside ASCII ("户主" is 37 62 3B 4E in UTF-16LE), the 0 bytes of its ASCII characters (commas,
 * digits, line ends) all fall on one side of each pair of the first 4 KiB, which reads as
 * UTF-16 in that order. */
static gboolean
fail_if_utf16 (FurrowImporter  *self,
               const char      *data,
               gsize            len,
               GError         **error)
{
  const guchar *bytes = (const guchar *) data;
  gsize sample = MIN (len, 4096) & ~(gsize) 1;
  guint nul_even = 0, nul_odd = 0;
  gboolean utf16;

  for (gsize i = 0; i < sample; i++)
    if (bytes[i] == 0 && i % 2 == 0)
      nul_even++;
    else if (bytes[i] == 0)
      nul_odd++;
  utf16 = len >= 2 &&
          (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0 ||
           (data[0] != '\0' && data[1] == '\0') || (data[0] == '\0' && data[1] != '\0') ||
           (nul_even == 0 && nul_odd > 0 && reads_as_utf16 (bytes, sample, FALSE)) ||
           (nul_odd == 0 && nul_even > 0 && reads_as_utf16 (bytes, sample, TRUE)));
  if (!utf16)
    return TRUE;
  g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_ENCODING,
               _("%s: the file is UTF-16 text, which Furrow does not read; save it as UTF-8"),
               self->display_name);
  return FALSE;
}

static gboolean
detect_csv_encoding (FurrowImporter  *self,
                     GError         **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *converted = NULL;
  const char *data;
  gsize len, converted_len = 0;
  const char *bad;

  if (!read_vsi_bytes (self->gdal_path, G_MAXSIZE, &bytes))
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file cannot be read"), self->display_name);
      return FALSE;
    }
  data = (const char *) bytes->data;
  len = bytes->len;
  if (!fail_if_utf16 (self, data, len, error))
    return FALSE;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: this is not a text file"), self->display_name);
      return FALSE;
    }

  if (self->encoding_override != NULL)
    {
      converted = g_convert (data, len, "UTF-8", self->encoding_override, NULL, &converted_len, NULL);
      if (converted == NULL)
        {
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_ENCODING,
                       _("%s: the text is not valid %s"), self->display_name, self->encoding_override);
          return FALSE;
        }
      self->encoding = g_strdup (self->encoding_override);
    }
  else if (g_utf8_validate (data, len, &bad))
    {
      self->encoding = g_strdup ("UTF-8");
      if (!furrow_import_check_csv (self, data, len))
        return furrow_importer_fail_with_problems (self, error);
      /* Read in place; GDAL's CSV driver takes only *.csv names, a .txt goes through a copy. */
      if (data == (const char *) bytes->data && g_str_has_suffix (self->gdal_path, ".csv"))
        return TRUE;
      converted = g_strndup (data, len);
      converted_len = len;
    }
  else if (!check_one_encoding (self, data, len, error))
    return FALSE;
  else if ((converted = g_convert (data, len, "UTF-8", "GB18030", NULL, &converted_len, NULL)) != NULL)
    self->encoding = g_strdup ("CP936");
  else
    {
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        line += (*p == '\n');
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_ENCODING,
                   _("%s: line %u is not valid UTF-8 (nor GBK); save the file as UTF-8 or give its encoding with --encoding"),
                   self->display_name, line);
      return FALSE;
    }

  if (self->encoding != NULL && !g_str_equal (self->encoding, "UTF-8") &&
      !furrow_import_check_csv (self, converted, converted_len))
    return furrow_importer_fail_with_problems (self, error);

  /* GDAL's CSV driver does not recode: give it a UTF-8 copy in memory. */
  self->vsimem_copy = g_strdup_printf ("/vsimem/furrow-import-%p.csv", (void *) self);
  VSIFCloseL (VSIFileFromMemBuffer (self->vsimem_copy, (GByte *) g_steal_pointer (&converted),
                                    converted_len, TRUE));
  g_free (self->gdal_path);
  self->gdal_path = g_strdup (self->vsimem_copy);
  return TRUE;
}

static void
free_members (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

/* Whether a ':' follows position `i` (past spaces): the string before it is a member name. */
static gboolean
is_member_name (const char *data,
                gsize       len,
                gsize       i)
{
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == ':';
}

/* A NUL character in a GeoJSON string ("北\u0000洼", or the byte itself): GDAL keeps the text
 * before it and drops the rest without a word (issue 12). Each feature holding one is a listed
 * problem; features are counted in the top-level "features" array, feature 1 the first. */
static gboolean
check_geojson_text (FurrowImporter  *self,
                    GError         **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  const char *data;
  gsize len;
  guint depth = 0;
  guint features_depth = 0;      /* the depth inside the "features" array; 0: not yet */
  guint feature = 0;
  guint reported = 0;            /* the last feature listed */
  gboolean after_features_key = FALSE;
  /* The members of each open object ('[' pushes NULL): a member twice ("DKBM" twice in
   * "properties") was read as its last value without a word (issue 12). */
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (free_members);

  if (!read_vsi_bytes (self->gdal_path, G_MAXSIZE, &bytes))
    return TRUE;   /* the reader says why */
  data = (const char *) bytes->data;
  len = bytes->len;
  if (!fail_if_utf16 (self, data, len, error))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          gsize start = ++i;
          gboolean nul = FALSE;

          for (; i < len && data[i] != '"'; i++)
            {
              if (data[i] == '\\' && i + 1 < len)
                {
                  nul |= i + 5 < len && memcmp (data + i + 1, "u0000", 5) == 0;
                  i++;
                }
              else if (data[i] == '\0')
                nul = TRUE;
            }
          after_features_key = depth == 1 && i - start == 8 &&
                               memcmp (data + start, "features", 8) == 0;
          if (objects->len > 0 && g_ptr_array_index (objects, objects->len - 1) != NULL &&
              is_member_name (data, len, i + 1))
            {
              GHashTable *members = g_ptr_array_index (objects, objects->len - 1);
              char *name = g_strndup (data + start, i - start);

              if (!g_hash_table_add (members, name))
                {
                  g_autofree char *what =
                    g_strdup_printf (_("the member “%s” appears twice in the same object"),
                                     name);  /* the table's own (g_hash_table_add) */

                  if (features_depth > 0 && features_depth != G_MAXUINT &&
                      depth > features_depth)
                    furrow_importer_add_record_problem (self, feature, NULL, NULL, "%s", what);
                  else
                    furrow_importer_add_problem (self, "%s", what);
                }
            }
          if (nul && features_depth > 0 && depth > features_depth && feature != reported)
            {
              furrow_importer_add_record_problem (self, feature, NULL, NULL,
                                                  _("a text value holds a NUL character (\\u0000), which would cut it short"));
              reported = feature;
            }
          else if (nul && features_depth == 0)
            furrow_importer_add_problem (self,
                                         _("a text value holds a NUL character (\\u0000), which would cut it short"));
          continue;
        }
      if (c == '{' || c == '[')
        {
          if (c == '[' && after_features_key && features_depth == 0)
            features_depth = depth + 1;
          else if (c == '{' && features_depth > 0 && depth == features_depth)
            feature++;
          depth++;
          g_ptr_array_add (objects, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                      g_free, NULL)
                                             : NULL);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        {
          depth--;
          if (objects->len > 0)
            g_ptr_array_set_size (objects, objects->len - 1);
          if (features_depth > 0 && depth < features_depth)
            features_depth = G_MAXUINT;   /* past the array: count no more */
        }
      if (c != ':' && !g_ascii_isspace (c))
        after_features_key = FALSE;
    }
  if (self->problems->len > 0)
    return furrow_importer_fail_with_problems (self, error);
  return TRUE;
}

gboolean
furrow_import_detect_encoding (FurrowImporter  *self,
                               GError         **error)
{
  g_clear_pointer (&self->encoding, g_free);

  switch (self->format)
    {
    case FURROW_IMPORT_FORMAT_SHAPEFILE:
      return detect_shapefile_encoding (self, error);
    case FURROW_IMPORT_FORMAT_CSV:
      return detect_csv_encoding (self, error);
    case FURROW_IMPORT_FORMAT_GEOJSON:
      self->encoding = g_strdup ("UTF-8");
      return check_geojson_text (self, error);
    case FURROW_IMPORT_FORMAT_GEOPACKAGE:
    case FURROW_IMPORT_FORMAT_KML:
    case FURROW_IMPORT_FORMAT_XLSX:
    case FURROW_IMPORT_FORMAT_UNKNOWN:
    default:
      /* These formats are UTF-8 by definition. */
      self->encoding = g_strdup ("UTF-8");
      return TRUE;
    }
}

/* Dataset ---------------------------------------------------------------------------------- */

static const char *
format_name (FurrowImportFormat format)
{
  switch (format)
    {
    case FURROW_IMPORT_FORMAT_SHAPEFILE: return "ESRI Shapefile";
    case FURROW_IMPORT_FORMAT_GEOPACKAGE: return "GeoPackage";
    case FURROW_IMPORT_FORMAT_GEOJSON: return "GeoJSON";
    case FURROW_IMPORT_FORMAT_KML: return "KML";
    case FURROW_IMPORT_FORMAT_CSV: return "CSV";
    case FURROW_IMPORT_FORMAT_XLSX: return "XLSX";
    case FURROW_IMPORT_FORMAT_UNKNOWN:
    default: return "?";
    }
}

static gboolean
is_polygonal (OGRwkbGeometryType type)
{
  type = wkbFlatten (type);
  return type == wkbPolygon || type == wkbMultiPolygon || type == wkbCurvePolygon ||
         type == wkbMultiSurface;
}

gboolean
furrow_import_open_dataset (FurrowImporter  *self,
                            GError         **error)
{
  const char *shp_drivers[] = { "ESRI Shapefile", NULL };
  const char *gpkg_drivers[] = { "GPKG", NULL };
  const char *json_drivers[] = { "GeoJSON", NULL };
  const char *kml_drivers[] = { "LIBKML", "KML", NULL };
  const char *csv_drivers[] = { "CSV", NULL };
  const char *xlsx_drivers[] = { "XLSX", NULL };
  const char * const *drivers = NULL;
  g_autofree char *encoding_option = NULL;
  const char *options[4] = { NULL, };
  OGRFeatureDefnH defn;
  int n_layers;

  switch (self->format)
    {
    case FURROW_IMPORT_FORMAT_SHAPEFILE:
      drivers = shp_drivers;
      encoding_option = g_strdup_printf ("ENCODING=%s", self->encoding);
      options[0] = encoding_option;
      break;
    case FURROW_IMPORT_FORMAT_GEOPACKAGE:
      drivers = gpkg_drivers;
      break;
    case FURROW_IMPORT_FORMAT_GEOJSON:
      drivers = json_drivers;
      break;
    case FURROW_IMPORT_FORMAT_KML:
      drivers = kml_drivers;
      break;
    case FURROW_IMPORT_FORMAT_CSV:
      drivers = csv_drivers;
      options[0] = "HEADERS=YES";
      options[1] = "AUTODETECT_TYPE=NO";
      options[2] = "EMPTY_STRING_AS_NULL=YES";
      break;
    case FURROW_IMPORT_FORMAT_XLSX:
      drivers = xlsx_drivers;
      /* docs/toolchain.md: the HEADERS open option is ignored in GDAL 3.6. Thread-local: an
       * import may run in a worker thread. */
      CPLSetThreadLocalConfigOption ("OGR_XLSX_HEADERS", "FORCE");
      CPLSetThreadLocalConfigOption ("OGR_XLSX_FIELD_TYPES", "STRING");
      break;
    case FURROW_IMPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  CPLErrorReset ();
  CPLPushErrorHandler (CPLQuietErrorHandler);
  self->dataset = GDALOpenEx (self->gdal_path, GDAL_OF_VECTOR | GDAL_OF_READONLY,
                              drivers, options, NULL);
  CPLPopErrorHandler ();

  if (self->dataset == NULL)
    {
      if (self->format == FURROW_IMPORT_FORMAT_XLSX)
        {
          CPLSetThreadLocalConfigOption ("OGR_XLSX_HEADERS", NULL);
          CPLSetThreadLocalConfigOption ("OGR_XLSX_FIELD_TYPES", NULL);
        }
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: not a readable %s file"), self->display_name, format_name (self->format));
      return FALSE;
    }

  /* A Furrow project (the open one, or a copy) read as a GeoPackage came in as its first
   * layer, every field again under invented codes (issue 12). */
  if (self->format == FURROW_IMPORT_FORMAT_GEOPACKAGE && furrow_store_file_is_project (self->path))
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s is a Furrow project, not a file to import: open it with Furrow, or "
                     "export its fields, parcels or households and import those"),
                   self->display_name);
      return FALSE;
    }

  n_layers = GDALDatasetGetLayerCount (self->dataset);
  for (int i = 0; i < n_layers && self->layer == NULL; i++)
    {
      OGRLayerH layer = GDALDatasetGetLayer (self->dataset, i);

      if (is_polygonal (OGR_L_GetGeomType (layer)))
        self->layer = layer;
    }
  if (self->layer == NULL && n_layers > 0)
    self->layer = GDALDatasetGetLayer (self->dataset, 0);
  if (self->layer == NULL)
    {
      CPLSetThreadLocalConfigOption ("OGR_XLSX_HEADERS", NULL);
      CPLSetThreadLocalConfigOption ("OGR_XLSX_FIELD_TYPES", NULL);
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file holds no layer or table"), self->display_name);
      return FALSE;
    }

  /* The XLSX driver parses a sheet on first use: read the definition before the options go. */
  defn = OGR_L_GetLayerDefn (self->layer);
  OGR_L_GetFeatureCount (self->layer, TRUE);
  if (self->format == FURROW_IMPORT_FORMAT_XLSX)
    {
      CPLSetThreadLocalConfigOption ("OGR_XLSX_HEADERS", NULL);
      CPLSetThreadLocalConfigOption ("OGR_XLSX_FIELD_TYPES", NULL);
    }
  self->columns = g_new0 (char *, OGR_FD_GetFieldCount (defn) + 1);
  for (int i = 0; i < OGR_FD_GetFieldCount (defn); i++)
    self->columns[i] = g_strdup (OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (defn, i)));
  self->has_geometry = self->format != FURROW_IMPORT_FORMAT_CSV &&
                       self->format != FURROW_IMPORT_FORMAT_XLSX &&
                       OGR_FD_GetGeomFieldCount (defn) > 0;
  return TRUE;
}
