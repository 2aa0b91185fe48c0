/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the PostgreSQL backend reads from the server's answers (docs/architecture.md, The
 * backend seam): a failure's SQLSTATE as a FURROW_STORE_ERROR_*, and the values of a result's
 * columns. A row comes as text, or in binary for a statement that returns geometries (its EWKB
 * as PostGIS sends it, no hex to decode; its numbers as 2, 4 or 8 bytes in network order, no
 * digits to parse; docs/benchmarks.md). Either way a column reads as SQLite's would: an integer
 * as text is its digits, a boolean is 1 or 0, a real number read as an integer is cut to its
 * integer part; and the same as it reads when it comes as text (tests/core/test-database.c). */

#include "config.h"

#include "furrow-database-pg-values.h"

#include <math.h>
#include <string.h>

#include "furrow-database.h"
#include "furrow-store-gpkg.h"
#include "furrow-store.h"

/* The built-in types' fixed ids (PostgreSQL's catalog/pg_type.dat; the server's headers, which
 * name them, are not installed with libpq). */
enum
{
  PG_BOOL = 16,
  PG_BYTEA = 17,
  PG_NAME = 19,
  PG_INT8 = 20,
  PG_INT2 = 21,
  PG_INT4 = 23,
  PG_TEXT = 25,
  PG_OID = 26,
  PG_FLOAT4 = 700,
  PG_FLOAT8 = 701,
  PG_BPCHAR = 1042,
  PG_VARCHAR = 1043,
};

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                     */

int
furrow_database_error_from_sqlstate (const char *sqlstate)
{
  if (sqlstate == NULL || strlen (sqlstate) != 5)
    return FURROW_STORE_ERROR_FAILED;
  if (strcmp (sqlstate, "23505") == 0)
    return FURROW_STORE_ERROR_DUPLICATE;
  if (g_str_has_prefix (sqlstate, "23"))
    return FURROW_STORE_ERROR_CONSTRAINT;
  if (strcmp (sqlstate, "40001") == 0 || strcmp (sqlstate, "40P01") == 0)
    return FURROW_STORE_ERROR_CONFLICT;
  if (strcmp (sqlstate, "55P03") == 0)
    return FURROW_STORE_ERROR_BUSY;
  if (strcmp (sqlstate, "53100") == 0)
    return FURROW_STORE_ERROR_FULL;
  if (strcmp (sqlstate, "25006") == 0)
    return FURROW_STORE_ERROR_FILE_READ_ONLY;
  if (strcmp (sqlstate, "42501") == 0)
    return FURROW_STORE_ERROR_PERMISSION;
  if (g_str_has_prefix (sqlstate, "08") || strcmp (sqlstate, "57P01") == 0 ||
      strcmp (sqlstate, "57P02") == 0 || strcmp (sqlstate, "57P03") == 0)
    return FURROW_STORE_ERROR_CONNECTION;
  if (strcmp (sqlstate, "XX001") == 0 || strcmp (sqlstate, "XX002") == 0)
    return FURROW_STORE_ERROR_CORRUPT;
  return FURROW_STORE_ERROR_FAILED;
}

/* ------------------------------------------------------------------------------------------ */
/* Values                                                                                     */

static gboolean
is_text_type (Oid type)
{
  return type == PG_TEXT || type == PG_VARCHAR || type == PG_BPCHAR || type == PG_NAME;
}

static gboolean
is_number_type (Oid type)
{
  return type == PG_BOOL || type == PG_INT2 || type == PG_INT4 || type == PG_INT8 ||
         type == PG_OID || type == PG_FLOAT4 || type == PG_FLOAT8;
}

gboolean
_furrow_pg_binary_rows (const PGresult *description,
                        Oid             geometry_oid,
                        Oid             bytea_oid)
{
  gboolean geometry = FALSE;

  if (description == NULL || geometry_oid == 0)
    return FALSE;
  for (int i = 0; i < PQnfields (description); i++)
    {
      Oid type = PQftype (description, i);

      if (type == geometry_oid)
        geometry = TRUE;
      else if (!is_text_type (type) && !is_number_type (type) && type != bytea_oid)
        return FALSE;
    }
  return geometry;
}

/* A number that came in binary (network byte order, IEEE 754 for the real ones). */
static guint64
binary_bits (const char *value,
             int         length)
{
  guint64 bits = 0;

  for (int i = 0; i < length && i < 8; i++)
    bits = bits << 8 | (guchar) value[i];
  return bits;
}

static gboolean
binary_is_real (Oid type)
{
  return type == PG_FLOAT4 || type == PG_FLOAT8;
}

static char *real_text (double   value,
                        gboolean narrow);

/* A real (float4) reads as the double its text reads as (0.1, not 0.100000001), as it does when
 * it comes as text. */
static double
binary_double (Oid         type,
               const char *value,
               int         length)
{
  guint64 bits = binary_bits (value, length);

  if (type == PG_FLOAT4 && length == 4)
    {
      guint32 narrow = (guint32) bits;
      float f;
      g_autofree char *text = NULL;

      memcpy (&f, &narrow, sizeof f);
      text = real_text (f, TRUE);
      return g_ascii_strtod (text, NULL);
    }
  if (type == PG_FLOAT8 && length == 8)
    {
      double d;

      memcpy (&d, &bits, sizeof d);
      return d;
    }
  return 0.0;
}

static gint64
binary_int64 (Oid         type,
              const char *value,
              int         length)
{
  guint64 bits = binary_bits (value, length);

  switch (type)
    {
    case PG_BOOL:
      return bits != 0;
    case PG_INT2:
      return (gint16) bits;
    case PG_INT4:
      return (gint32) bits;
    case PG_OID:
      return (guint32) bits;
    case PG_INT8:
      return (gint64) bits;
    default:
      return (gint64) binary_double (type, value, length);
    }
}

/* A real number as PostgreSQL's text output writes it: the fewest digits that read back as the
 * same double, or float for a real (float4). */
static char *
real_text (double   value,
           gboolean narrow)
{
  static const char *formats[] = { "%.6g", "%.7g", "%.8g", "%.9g", "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  for (gsize i = narrow ? 0 : 4; i < G_N_ELEMENTS (formats); i++)
    {
      double back;

      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      back = g_ascii_strtod (buffer, NULL);
      if (narrow ? (float) back == (float) value : back == value)
        break;
    }
  return g_strdup (buffer);
}

const char *
_furrow_pg_value_text (const PGresult  *result,
                       int              row,
                       int              column,
                       char           **converted)
{
  Oid type = PQftype (result, column);
  const char *value = PQgetvalue (result, row, column);
  int length = PQgetlength (result, row, column);

  if (PQfformat (result, column) == 0 || (!is_number_type (type) && type != PG_BYTEA))
    return value;
  g_free (*converted);
  if (type == PG_BYTEA)
    {
      /* As its text output writes it: \x and two hex digits a byte. */
      GString *hex = g_string_sized_new (2 + 2 * (gsize) length);

      g_string_append (hex, "\\x");
      for (int i = 0; i < length; i++)
        g_string_append_printf (hex, "%02x", (guchar) value[i]);
      *converted = g_string_free (hex, FALSE);
    }
  else if (type == PG_BOOL)
    *converted = g_strdup (binary_bits (value, length) != 0 ? "t" : "f");
  else if (binary_is_real (type))
    *converted = real_text (binary_double (type, value, length), type == PG_FLOAT4);
  else
    *converted = g_strdup_printf ("%" G_GINT64_FORMAT, binary_int64 (type, value, length));
  return *converted;
}

gint64
_furrow_pg_value_int64 (const PGresult *result,
                        int             row,
                        int             column)
{
  Oid type = PQftype (result, column);
  const char *text = PQgetvalue (result, row, column);

  if (PQfformat (result, column) != 0 && is_number_type (type))
    return binary_int64 (type, text, PQgetlength (result, row, column));
  /* A boolean reads as SQLite's 1 and 0; a real number is cut to its integer part, as SQLite
   * does. */
  if (strcmp (text, "t") == 0)
    return 1;
  if (strchr (text, '.') != NULL || strchr (text, 'e') != NULL)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

double
_furrow_pg_value_double (const PGresult *result,
                         int             row,
                         int             column)
{
  Oid type = PQftype (result, column);
  const char *text = PQgetvalue (result, row, column);
  int length = PQgetlength (result, row, column);

  if (PQfformat (result, column) != 0 && binary_is_real (type))
    return binary_double (type, text, length);
  if (PQfformat (result, column) != 0 && is_number_type (type))
    return (double) binary_int64 (type, text, length);
  /* A boolean as SQLite's 1 and 0, as an integer reads it. */
  if (strcmp (text, "t") == 0)
    return 1.0;
  return g_ascii_strtod (text, NULL);
}

GBytes *
_furrow_pg_value_blob (const PGresult *result,
                       int             row,
                       int             column,
                       Oid             geometry_oid,
                       Oid             bytea_oid)
{
  Oid type = PQftype (result, column);
  const char *value = PQgetvalue (result, row, column);
  gboolean binary = PQfformat (result, column) != 0;

  if (geometry_oid != 0 && type == geometry_oid)
    return binary ? furrow_gpkg_blob_from_ewkb ((const guint8 *) value,
                                                (gsize) PQgetlength (result, row, column))
                  : furrow_gpkg_blob_from_ewkb_hex (value);
  if (type == bytea_oid && binary)
    return g_bytes_new (value, (gsize) PQgetlength (result, row, column));
  if (type == bytea_oid)
    {
      size_t length = 0;
      guchar *bytes = PQunescapeBytea ((const guchar *) value, &length);
      GBytes *blob = g_bytes_new (bytes, length);

      PQfreemem (bytes);
      return blob;
    }
  if (binary && is_number_type (type))
    {
      g_autofree char *converted = NULL;
      const char *text = _furrow_pg_value_text (result, row, column, &converted);

      return g_bytes_new (text, strlen (text));
    }
  return g_bytes_new (value, strlen (value));
}

/* ------------------------------------------------------------------------------------------ */
/* Parameters                                                                                 */

/* 8 bytes in network order, PostgreSQL's binary form of int8 and float8. */
static char *
binary_8 (guint64  bits,
          int     *length,
          int     *format)
{
  guint64 big = GUINT64_TO_BE (bits);

  *length = sizeof big;
  *format = 1;
  return g_memdup2 (&big, sizeof big);
}

char *
_furrow_pg_param_int64 (Oid      type,
                        gint64   value,
                        int     *length,
                        int     *format)
{
  if (type == PG_INT8)
    return binary_8 ((guint64) value, length, format);
  *length = 0;
  *format = 0;
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

char *
_furrow_pg_param_double (Oid      type,
                         double   value,
                         int     *length,
                         int     *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (type == PG_FLOAT8)
    {
      guint64 bits;

      G_STATIC_ASSERT (sizeof bits == sizeof value);
      memcpy (&bits, &value, sizeof bits);
      return binary_8 (bits, length, format);
    }
  *length = 0;
  *format = 0;
  /* %.17g: PostgreSQL reads it back to the same double. */
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}
