/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libpq-fe.h>

#include "furrow-database.h"

G_BEGIN_DECLS

/* The deferred rows of an import on a server (furrow-database-pg-rows.c), private to the
 * PostgreSQL backend (furrow-database-pg.c). */
typedef struct _PgRows PgRows;

/* The INSERT of a full thousand rows, prepared on the connection once; forgotten when the
 * connection is made again (generation, PgDatabase's). */
typedef struct
{
  char  *sql;
  char  *name;
  guint  generation;
  guint  n_names;
} PgRowsPrepared;

/* The rows kept and sent; all zero is empty. */
typedef struct
{
  PgRows         *filling;   /* kept, not sent yet, or NULL */
  GQueue          sent;      /* PgRows sent and not answered yet, oldest first */
  GError         *error;     /* the failure of rows sent, for the next flush */
  PgRowsPrepared  prepared;
} PgRowsQueue;

/* One row: its statement's text ($N parameters) and parameter types, the values bound, and
 * whom to tell its id. */
typedef struct
{
  const char               *text;
  int                       n_params;
  const Oid                *types;
  const char * const       *values;
  const int                *lengths;
  const int                *formats;
  FurrowStatementDoneFunc   func;
  gpointer                  user_data;
  GDestroyNotify            destroy;
} PgRowsRow;

/* Turns a failed result (NULL: the connection's failure) into the backend's error. */
typedef void (*PgRowsFailFunc) (gpointer         user_data,
                                const PGresult  *result,
                                GError         **error);

/* Keeps a copy of row; FALSE when it cannot join the rows kept (another statement, a failure
 * of the rows before, not one row's INSERT … VALUES (…) RETURNING id): then it runs at once,
 * after a flush. */
gboolean  _furrow_pg_rows_queue_add      (PgRowsQueue      *queue,
                                          PGconn           *conn,
                                          guint             generation,
                                          const PgRowsRow  *row,
                                          PgRowsFailFunc    fail,
                                          gpointer          fail_data);
gboolean  _furrow_pg_rows_queue_is_empty (PgRowsQueue      *queue);
/* Sends the rows kept and reads every answer; FALSE with the first failure, which the failing
 * row's function has worded; the rows after it are only freed. */
gboolean  _furrow_pg_rows_queue_flush    (PgRowsQueue      *queue,
                                          PGconn           *conn,
                                          guint             generation,
                                          PgRowsFailFunc    fail,
                                          gpointer          fail_data,
                                          GError          **error);
/* Frees every row (their destroy functions) and forgets the prepared INSERT. */
void      _furrow_pg_rows_queue_clear    (PgRowsQueue      *queue);

G_END_DECLS
