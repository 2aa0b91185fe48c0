/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libpq-fe.h>

#include "furrow-database.h"

G_BEGIN_DECLS

/* The deferred rows of an import on a server (furrow-database-pg-rows.c), private to the
 * PostgreSQL backend (furrow-database-pg.c). */
typedef struct _PgRows PgRows;

/* The INSERT of a full thousand rows, prepared on the connection once (a statement of 18,000
 * parameters costs the server more to parse and plan than to run); forgotten when the connection
 * is made again (generation, PgDatabase's). */
typedef struct
{
  char  *sql;
  char  *name;
  guint  generation;
  guint  n_names;
} PgRowsPrepared;

void      _furrow_pg_rows_prepared_clear (PgRowsPrepared *prepared);

/* Turns a failed result (NULL: the connection's failure) into the backend's error. */
typedef void (*PgRowsFailFunc) (gpointer         user_data,
                                const PGresult  *result,
                                GError         **error);

/* NULL when text (with $N parameters) is not one row's INSERT … VALUES (…) RETURNING id. */
PgRows   *_furrow_pg_rows_new     (const char                *text,
                                   int                        n_params,
                                   const Oid                 *types);
void      _furrow_pg_rows_free    (PgRows                    *rows);
/* Whether a row bound to text joins these rows (the same INSERT). */
gboolean  _furrow_pg_rows_accepts (PgRows                    *rows,
                                   const char                *text);
/* Whether they are as many as one INSERT takes. */
gboolean  _furrow_pg_rows_is_full (PgRows                    *rows);
/* Copies one row's parameters; func is told its id (or its failure) when the rows are
 * finished. */
void      _furrow_pg_rows_add     (PgRows                    *rows,
                                   const char * const        *values,
                                   const int                 *lengths,
                                   const int                 *formats,
                                   FurrowStatementDoneFunc    func,
                                   gpointer                   user_data,
                                   GDestroyNotify             destroy);
/* Sends the rows as one INSERT in pipeline mode, without reading its answer: nothing else may
 * use the connection before _furrow_pg_rows_finish (). */
void      _furrow_pg_rows_send    (PgRows                    *rows,
                                   PGconn                    *conn,
                                   PgRowsPrepared            *prepared,
                                   guint                      generation);
/* Reads the answer of the rows sent and tells each row's function its id; FALSE with the first
 * failure, which the failing row's function has worded. */
gboolean  _furrow_pg_rows_finish  (PgRows                    *rows,
                                   PGconn                    *conn,
                                   PgRowsPrepared            *prepared,
                                   PgRowsFailFunc             fail,
                                   gpointer                   fail_data,
                                   GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PgRows, _furrow_pg_rows_free)

G_END_DECLS
