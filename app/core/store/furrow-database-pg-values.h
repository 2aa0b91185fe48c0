/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The values of a PostgreSQL result's columns as the statement layer reads them (SQLite's
 * conversions: an integer read as text is its digits, a boolean is 1 or 0), whether the row came
 * as text or in binary (furrow-database-pg-values.c). Only the PostgreSQL backend includes this
 * (build-aux/check-layers). */

/* TRUE when the rows of the statement described by description are best read in binary: it
 * returns a geometry (geometry_oid, 0 without PostGIS) and every column is of a type read below
 * in binary. */
gboolean     _furrow_pg_binary_rows   (const PGresult  *description,
                                       Oid              geometry_oid,
                                       Oid              bytea_oid);

/* The value of a column that is not NULL. A number or boolean that came in binary is written
 * as text into *converted (freed by the caller with the row). */
const char  *_furrow_pg_value_text    (const PGresult  *result,
                                       int              row,
                                       int              column,
                                       char           **converted);
gint64       _furrow_pg_value_int64   (const PGresult  *result,
                                       int              row,
                                       int              column);
double       _furrow_pg_value_double  (const PGresult  *result,
                                       int              row,
                                       int              column);
/* A geometry as a GeoPackage blob, a bytea as its bytes, anything else as its text. */
GBytes      *_furrow_pg_value_blob    (const PGresult  *result,
                                       int              row,
                                       int              column,
                                       Oid              geometry_oid,
                                       Oid              bytea_oid);

/* A parameter's value for a statement whose server type for it is `type`, newly allocated, with
 * its length and format for libpq: int8 and float8 in binary (their 8 bytes in network order:
 * no formatting on the client, no parsing on the server, the same double to the last bit),
 * another type as text. */
char        *_furrow_pg_param_int64   (Oid              type,
                                       gint64           value,
                                       int             *length,
                                       int             *format);
char        *_furrow_pg_param_double  (Oid              type,
                                       double           value,
                                       int             *length,
                                       int             *format);

G_END_DECLS
