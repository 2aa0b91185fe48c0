/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An import's rows on a server (furrow_statement_run_deferred(); docs/benchmarks.md, Where the
 * server's time goes): the rows bound to one INSERT … VALUES (…) RETURNING id are kept and sent
 * as one INSERT of up to 1,000 rows, whose VALUES list is the one row's repeated with its
 * parameters numbered on. PostgreSQL inserts the rows of a VALUES list in their order and
 * RETURNING gives them back in that order, so each row's id goes to its own function (the
 * import-batch test checks every row's id against its code). The INSERT is sent inside a
 * savepoint, down the connection in pipeline mode, and its answer read later (once the next
 * thousand rows are sent behind it, or before any other statement), so that the server always
 * has an INSERT to run while the client reads the next rows. When it failed, the rows are sent
 * again one at a time from the savepoint, so that the failure is the row's own and its function
 * words it for its record ("parcel … is already in the project"). */

#include "config.h"

#include "furrow-database-pg-rows.h"

#include <string.h>

/* Rows a statement: few enough that the answer stays small and a failure is found early, enough
 * that the round trips and the statements no longer count (docs/benchmarks.md); and never more
 * parameters than the protocol's 65,535. */
#define PG_ROWS_MAX        1000
#define PG_ROWS_MAX_PARAMS 65535

typedef struct
{
  FurrowStatementDoneFunc  func;
  gpointer                 data;
  GDestroyNotify           destroy;
} PgRowDone;

struct _PgRows
{
  char      *text;         /* the one row's INSERT, $1 … $n */
  gsize      tuple_start;  /* its VALUES tuple "($1, …, $n)", text[tuple_start, tuple_end) */
  gsize      tuple_end;
  int        n_params;
  Oid       *types;        /* n_params, 0 where the server infers the type */
  guint      max_rows;
  GPtrArray *values;       /* n_params a row: owned, NULL for SQL NULL */
  GArray    *lengths;      /* int, n_params a row */
  GArray    *formats;      /* int, n_params a row */
  GArray    *done;         /* PgRowDone, one a row */
  gboolean   sent;         /* in pipeline mode, answers unread */
  gboolean   preparing;    /* the first result is the INSERT's preparation */
};

static void
prepared_clear (PgRowsPrepared *prepared)
{
  g_clear_pointer (&prepared->sql, g_free);
  g_clear_pointer (&prepared->name, g_free);
}

/* The VALUES tuple of "INSERT INTO t (…) VALUES ($1, …) RETURNING id", the one form the store
 * defers (furrow-store-kinds.c, make_write_sql). */
static gboolean
find_tuple (const char *text,
            gsize      *start,
            gsize      *end)
{
  static const char returning[] = ") RETURNING id";
  const char *values = strstr (text, " VALUES (");
  gsize length = strlen (text);

  if (!g_str_has_prefix (text, "INSERT INTO ") || values == NULL ||
      strstr (values + 1, " VALUES (") != NULL || !g_str_has_suffix (text, returning))
    return FALSE;
  *start = values + strlen (" VALUES ") - text;
  *end = length - strlen (returning) + 1;
  return *start < *end;
}

static PgRows *
rows_new (const char *text,
          int         n_params,
          const Oid  *types)
{
  PgRows *rows;
  gsize start, end;

  if (n_params < 1 || !find_tuple (text, &start, &end))
    return NULL;
  rows = g_new0 (PgRows, 1);
  rows->text = g_strdup (text);
  rows->tuple_start = start;
  rows->tuple_end = end;
  rows->n_params = n_params;
  rows->types = g_memdup2 (types, n_params * sizeof (Oid));
  rows->max_rows = MIN (PG_ROWS_MAX, PG_ROWS_MAX_PARAMS / n_params);
  rows->values = g_ptr_array_new_with_free_func (g_free);
  rows->lengths = g_array_new (FALSE, FALSE, sizeof (int));
  rows->formats = g_array_new (FALSE, FALSE, sizeof (int));
  rows->done = g_array_new (FALSE, FALSE, sizeof (PgRowDone));
  return rows;
}

static void
rows_free (PgRows *rows)
{
  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->done->len; i++)
    {
      PgRowDone *done = &g_array_index (rows->done, PgRowDone, i);

      if (done->destroy != NULL)
        done->destroy (done->data);
    }
  g_array_unref (rows->done);
  g_array_unref (rows->formats);
  g_array_unref (rows->lengths);
  g_ptr_array_unref (rows->values);
  g_free (rows->types);
  g_free (rows->text);
  g_free (rows);
}

static gboolean
rows_accepts (PgRows     *rows,
              const char *text)
{
  return strcmp (rows->text, text) == 0;
}

static gboolean
rows_is_full (PgRows *rows)
{
  return rows->done->len >= rows->max_rows;
}

static void
rows_add (PgRows          *rows,
          const PgRowsRow *row)
{
  PgRowDone done = { row->func, row->user_data, row->destroy };

  for (int i = 0; i < rows->n_params; i++)
    {
      /* A binary value has its length; a text one ends with its NUL. */
      const char *value = row->values[i];
      char *copy = value == NULL ? NULL
                   : row->formats[i] == 1 ? g_memdup2 (value, row->lengths[i])
                                          : g_strdup (value);

      g_ptr_array_add (rows->values, copy);
    }
  g_array_append_vals (rows->lengths, row->lengths, rows->n_params);
  g_array_append_vals (rows->formats, row->formats, rows->n_params);
  g_array_append_val (rows->done, done);
}

/* "INSERT INTO t (…) VALUES ($1, $2), ($3, $4), … RETURNING id" for n rows. */
static char *
make_sql (const PgRows *rows,
          guint         n)
{
  GString *sql = g_string_new_len (rows->text, rows->tuple_start);

  for (guint r = 0; r < n; r++)
    {
      const char *p = rows->text + rows->tuple_start;
      const char *end = rows->text + rows->tuple_end;

      if (r > 0)
        g_string_append (sql, ", ");
      while (p < end)
        {
          char *after;

          if (*p == '$' && g_ascii_isdigit (p[1]))
            {
              guint64 number = g_ascii_strtoull (p + 1, &after, 10);

              g_string_append_printf (sql, "$%" G_GUINT64_FORMAT,
                                      number + (guint64) r * rows->n_params);
              p = after;
            }
          else
            g_string_append_c (sql, *p++);
        }
    }
  g_string_append (sql, rows->text + rows->tuple_end);
  return g_string_free (sql, FALSE);
}

/* The results of one pipelined statement: the result and the NULL that ends it. */
static PGresult *
next_result (PGconn *conn)
{
  PGresult *result = PQgetResult (conn);

  if (result != NULL)
    PQclear (PQgetResult (conn));
  return result;
}

static gboolean
command_ok (const PGresult *result)
{
  return PQresultStatus (result) == PGRES_COMMAND_OK;
}

/* Row `row`'s function with its id, or with failure when it is not NULL; FALSE when the row
 * failed. */
static gboolean
tell_row (PgRows   *rows,
          guint     row,
          gint64    id,
          GError  **failure)
{
  PgRowDone *done = &g_array_index (rows->done, PgRowDone, row);

  done->func (id, failure, done->data);
  return *failure == NULL;
}

/* After the INSERT of all rows failed, back at its savepoint: each row on its own, in order, up
 * to the first that fails. */
static gboolean
run_one_by_one (PgRows          *rows,
                PGconn          *conn,
                PgRowsFailFunc   fail,
                gpointer         fail_data,
                GError         **failure)
{
  for (guint row = 0; row < rows->done->len; row++)
    {
      guint first = row * rows->n_params;
      PGresult *result = PQexecParams (conn, rows->text, rows->n_params, rows->types,
                                       (const char * const *) &rows->values->pdata[first],
                                       &g_array_index (rows->lengths, int, first),
                                       &g_array_index (rows->formats, int, first), 0);
      gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1;

      if (!ok)
        fail (fail_data, result, failure);
      if (!tell_row (rows, row, ok ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0,
                     failure))
        {
          PQclear (result);
          return FALSE;
        }
      PQclear (result);
    }
  PQclear (PQexec (conn, "RELEASE SAVEPOINT furrow_rows"));
  return TRUE;
}

static void
rows_send (PgRows         *rows,
           PGconn         *conn,
           PgRowsPrepared *prepared,
           guint           generation)
{
  guint n = rows->done->len;
  int n_params = (int) (n * rows->n_params);
  g_autofree char *sql = make_sql (rows, n);
  g_autofree Oid *types = g_new (Oid, (gsize) n_params);
  gboolean full = n == rows->max_rows;

  for (guint r = 0; r < n; r++)
    memcpy (types + (gsize) r * rows->n_params, rows->types, rows->n_params * sizeof (Oid));
  if (prepared->generation != generation)
    prepared_clear (prepared);
  prepared->generation = generation;
  if (!PQenterPipelineMode (conn))
    return;  /* no answers: rows_finish () reports the connection's failure */
  rows->sent = TRUE;
  if (full && g_strcmp0 (prepared->sql, sql) != 0)
    {
      prepared_clear (prepared);
      prepared->name = g_strdup_printf ("furrow_rows_%u", ++prepared->n_names);
      prepared->sql = g_steal_pointer (&sql);
      rows->preparing = TRUE;
      PQsendPrepare (conn, prepared->name, prepared->sql, n_params, types);
    }
  PQsendQueryParams (conn, "SAVEPOINT furrow_rows", 0, NULL, NULL, NULL, NULL, 0);
  /* The server plans the first five executions of a prepared statement for their values before
   * it settles on its generic plan: for 1,000 parcels (18,000 parameters) 46–126 ms a bind at a
   * load of 30, where a bind of the generic plan takes 1–2 ms (docs/benchmarks.md). Undone
   * after the INSERT, or by the rollback to the savepoint. */
  PQsendQueryParams (conn, "SET plan_cache_mode = force_generic_plan", 0, NULL, NULL, NULL, NULL,
                     0);
  if (full)
    PQsendQueryPrepared (conn, prepared->name, n_params,
                         (const char * const *) rows->values->pdata,
                         (const int *) rows->lengths->data, (const int *) rows->formats->data, 0);
  else
    PQsendQueryParams (conn, sql, n_params, types, (const char * const *) rows->values->pdata,
                       (const int *) rows->lengths->data, (const int *) rows->formats->data, 0);
  PQsendQueryParams (conn, "RESET plan_cache_mode", 0, NULL, NULL, NULL, NULL, 0);
  PQsendQueryParams (conn, "RELEASE SAVEPOINT furrow_rows", 0, NULL, NULL, NULL, NULL, 0);
  PQpipelineSync (conn);
}

/* Reads and drops the answers of `later` groups of statements sent after these rows, each
 * ended by its sync; stops at a connection that gives nothing more. */
static void
drop_later (PGconn *conn,
            guint   later)
{
  guint synced = 0, nothing = 0;

  while (synced < later && nothing < 2)
    {
      PGresult *result = PQgetResult (conn);

      nothing = result == NULL ? nothing + 1 : 0;
      if (PQresultStatus (result) == PGRES_PIPELINE_SYNC)
        synced++;
      PQclear (result);
    }
}

static gboolean
rows_finish (PgRows          *rows,
             PGconn          *conn,
             guint            later,
             PgRowsPrepared  *prepared,
             PgRowsFailFunc   fail,
             gpointer         fail_data,
             GError         **error)
{
  guint n = rows->done->len;
  g_autoptr(GError) failure = NULL;
  /* SAVEPOINT, SET, the INSERT, RESET, RELEASE (rows_send()). */
  PGresult *results[5] = { NULL, NULL, NULL, NULL, NULL };
  PGresult *result;
  gboolean ok;

  if (n == 0)
    return TRUE;
  if (rows->sent)
    {
      /* A preparation that failed is forgotten; what it stopped fails below. */
      if (rows->preparing)
        {
          result = next_result (conn);
          if (!command_ok (result))
            prepared_clear (prepared);
          PQclear (result);
        }
      for (guint i = 0; i < G_N_ELEMENTS (results); i++)
        results[i] = next_result (conn);
      /* Up to the sync's own result. */
      while ((result = PQgetResult (conn)) != NULL)
        {
          gboolean synced = PQresultStatus (result) == PGRES_PIPELINE_SYNC;

          PQclear (result);
          if (synced)
            break;
        }
    }

  ok = command_ok (results[0]) && command_ok (results[1]) &&
       PQresultStatus (results[2]) == PGRES_TUPLES_OK && PQntuples (results[2]) == (int) n &&
       command_ok (results[3]) && command_ok (results[4]);
  for (guint r = 0; ok && r < n; r++)
    ok = tell_row (rows, r, g_ascii_strtoll (PQgetvalue (results[2], r, 0), NULL, 10),
                   &failure);
  /* The rows sent after these fail with them (all or nothing): their answers are dropped. Out
   * of pipeline mode once nothing is left unanswered. */
  if (!ok)
    drop_later (conn, later);
  if (rows->sent && (!ok || later == 0))
    PQexitPipelineMode (conn);
  if (!ok && failure == NULL && command_ok (results[0]))
    {
      /* The rows again, one by one, from before the INSERT. */
      result = PQexec (conn, "ROLLBACK TO SAVEPOINT furrow_rows");
      if (command_ok (result))
        ok = run_one_by_one (rows, conn, fail, fail_data, &failure);
      else
        {
          fail (fail_data, result, &failure);
          tell_row (rows, 0, 0, &failure);
        }
      PQclear (result);
    }
  else if (!ok && failure == NULL)
    {
      fail (fail_data, results[0], &failure);
      tell_row (rows, 0, 0, &failure);
    }
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    PQclear (results[i]);
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* The queue: a thousand rows kept are sent at once, and the answer of the thousand before them
 * read then, so that the server always has the next INSERT waiting while the client reads on. */

/* Reads the answer of the oldest rows sent, keeping a failure for the next flush; after one,
 * the rows sent after them are only freed. */
static gboolean
finish_oldest (PgRowsQueue    *queue,
               PGconn         *conn,
               PgRowsFailFunc  fail,
               gpointer        fail_data)
{
  PgRows *rows = g_queue_pop_head (&queue->sent);
  gboolean ok = rows_finish (rows, conn, queue->sent.length, &queue->prepared, fail, fail_data,
                             &queue->error);

  rows_free (rows);
  if (!ok)
    g_queue_clear_full (&queue->sent, (GDestroyNotify) rows_free);
  return ok;
}

static void
send_filling (PgRowsQueue *queue,
              PGconn      *conn,
              guint        generation)
{
  PgRows *rows = g_steal_pointer (&queue->filling);

  rows_send (rows, conn, &queue->prepared, generation);
  g_queue_push_tail (&queue->sent, rows);
}

gboolean
_furrow_pg_rows_queue_add (PgRowsQueue      *queue,
                           PGconn           *conn,
                           guint             generation,
                           const PgRowsRow  *row,
                           PgRowsFailFunc    fail,
                           gpointer          fail_data)
{
  if (queue->error != NULL ||
      (queue->filling != NULL && !rows_accepts (queue->filling, row->text)))
    return FALSE;
  if (queue->filling != NULL && rows_is_full (queue->filling))
    {
      send_filling (queue, conn, generation);
      if (queue->sent.length > 1 && !finish_oldest (queue, conn, fail, fail_data))
        return FALSE;
    }
  if (queue->filling == NULL &&
      (queue->filling = rows_new (row->text, row->n_params, row->types)) == NULL)
    return FALSE;
  rows_add (queue->filling, row);
  return TRUE;
}

gboolean
_furrow_pg_rows_queue_is_empty (PgRowsQueue *queue)
{
  return queue->filling == NULL && queue->sent.length == 0 && queue->error == NULL;
}

gboolean
_furrow_pg_rows_queue_flush (PgRowsQueue     *queue,
                             PGconn          *conn,
                             guint            generation,
                             PgRowsFailFunc   fail,
                             gpointer         fail_data,
                             GError         **error)
{
  if (queue->error == NULL && queue->filling != NULL)
    send_filling (queue, conn, generation);
  g_clear_pointer (&queue->filling, rows_free);
  while (queue->sent.length > 0 && finish_oldest (queue, conn, fail, fail_data))
    ;
  if (queue->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&queue->error));
      return FALSE;
    }
  return TRUE;
}

void
_furrow_pg_rows_queue_clear (PgRowsQueue *queue)
{
  g_clear_pointer (&queue->filling, rows_free);
  g_queue_clear_full (&queue->sent, (GDestroyNotify) rows_free);
  g_clear_error (&queue->error);
  prepared_clear (&queue->prepared);
}
