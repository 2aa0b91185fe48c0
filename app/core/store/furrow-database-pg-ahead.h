/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libpq-fe.h>

#include <glib.h>

G_BEGIN_DECLS

/* Fewer round trips (furrow-database-pg-ahead.c), private to the PostgreSQL backend
 * (furrow-database-pg.c): statements prepared ahead, and queries run together. */

/* Prepares and describes each of sqls (SQLite's text, ?N parameters) as furrow_N (from
 * *next_name on), in pipeline mode with one round trip, into *table (SQL → its preparation,
 * made when NULL) for generation; one that fails is left out (pipeline mode skips those after
 * it). */
void       _furrow_pg_ahead_prepare (GHashTable         **table,
                                     PGconn              *conn,
                                     guint                generation,
                                     guint               *next_name,
                                     const char * const  *sqls,
                                     guint                n);

/* Takes sql's preparation out of table when it was made on generation: its name, text ($N
 * parameters), number of parameters and description; FALSE when there is none. */
gboolean   _furrow_pg_ahead_take    (GHashTable          *table,
                                     const char          *sql,
                                     guint                generation,
                                     char               **name,
                                     char               **text,
                                     int                 *n_params,
                                     PGresult           **description);

/* One prepared statement to run: its name and bound parameters, its rows in binary or not. */
typedef struct
{
  const char         *name;
  int                 n_params;
  const char * const *values;
  const int          *lengths;
  const int          *formats;
  gboolean            binary;
} PgAheadQuery;

/* Runs the n queries in pipeline mode with one round trip: results[i] each one's answer, and -1;
 * or the index of the first that failed, whose answer alone is kept (for its error); or n when
 * they could not even be sent (the connection's failure), no answer kept. */
int        _furrow_pg_ahead_run     (PGconn              *conn,
                                     const PgAheadQuery  *queries,
                                     guint                n,
                                     PGresult           **results);

G_END_DECLS
