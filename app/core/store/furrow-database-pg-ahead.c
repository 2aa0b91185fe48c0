/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fewer round trips to the server (docs/benchmarks.md, Opening a store, round trips): a new
 * statement costs one round trip to prepare and describe and one to run, and a round trip on a
 * busy machine waits for a turn on the CPU twice. Opening a cooperative prepares the statements
 * that loading its models will run, all in one round trip (furrow_database_prepare_ahead());
 * a season's six rule tables are read with one round trip (furrow_database_start_all()).
 * Both in libpq's pipeline mode. */

#include "config.h"

#include "furrow-database-pg-ahead.h"

#include "furrow-database-private.h"

typedef struct
{
  char     *name;
  char     *text;
  int       n_params;
  guint     generation;
  PGresult *description;
} PgAhead;

static void
ahead_free (gpointer data)
{
  PgAhead *ahead = data;

  if (ahead == NULL)
    return;
  g_free (ahead->name);
  g_free (ahead->text);
  g_clear_pointer (&ahead->description, PQclear);
  g_free (ahead);
}

/* The results of one command sent in pipeline mode, and the NULL that ends them: the first. */
static PGresult *
next_result (PGconn *conn)
{
  PGresult *result = PQgetResult (conn);

  if (result != NULL && PQresultStatus (result) != PGRES_PIPELINE_SYNC)
    PQclear (PQgetResult (conn));
  return result;
}

/* Reads up to the end of the pipeline (its sync) and leaves pipeline mode. */
static void
end_pipeline (PGconn *conn)
{
  PGresult *result;

  for (int pass = 0; pass < 2 && !PQexitPipelineMode (conn); pass++)
    while ((result = PQgetResult (conn)) != NULL)
      {
        gboolean synced = PQresultStatus (result) == PGRES_PIPELINE_SYNC;

        PQclear (result);
        if (synced)
          break;
      }
}

void
_furrow_pg_ahead_prepare (GHashTable         **table,
                          PGconn              *conn,
                          guint                generation,
                          guint               *next_name,
                          const char * const  *sqls,
                          guint                n)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (ahead_free);
  gboolean sent;

  if (*table == NULL)
    *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ahead_free);
  sent = PQenterPipelineMode (conn);
  for (guint i = 0; sent && i < n; i++)
    {
      PgAhead *ahead = g_hash_table_lookup (*table, sqls[i]);

      /* Prepared ahead before and not taken yet (the county's next cooperative). */
      if (ahead != NULL && ahead->generation == generation)
        {
          g_ptr_array_add (made, NULL);
          continue;
        }
      ahead = g_new0 (PgAhead, 1);
      ahead->text = _furrow_database_pg_convert (sqls[i], &ahead->n_params);
      ahead->name = g_strdup_printf ("furrow_%u", ++*next_name);
      ahead->generation = generation;
      g_ptr_array_add (made, ahead);
      sent = PQsendPrepare (conn, ahead->name, ahead->text, 0, NULL) &&
             PQsendDescribePrepared (conn, ahead->name);
    }
  if (!PQpipelineSync (conn) || !sent)
    {
      end_pipeline (conn);
      return;
    }
  for (guint i = 0; i < made->len; i++)
    {
      PgAhead *ahead = g_ptr_array_index (made, i);
      PGresult *prepared;
      PGresult *description;

      if (ahead == NULL)
        continue;
      prepared = next_result (conn);
      description = next_result (conn);
      if (PQresultStatus (prepared) == PGRES_COMMAND_OK &&
          PQresultStatus (description) == PGRES_COMMAND_OK)
        {
          ahead->description = g_steal_pointer (&description);
          g_hash_table_replace (*table, g_strdup (sqls[i]), ahead);
          made->pdata[i] = NULL;
        }
      PQclear (prepared);
      PQclear (description);
    }
  end_pipeline (conn);
}

gboolean
_furrow_pg_ahead_take (GHashTable  *table,
                       const char  *sql,
                       guint        generation,
                       char       **name,
                       char       **text,
                       int         *n_params,
                       PGresult   **description)
{
  PgAhead *ahead = table != NULL ? g_hash_table_lookup (table, sql) : NULL;

  if (ahead == NULL || ahead->generation != generation)
    return FALSE;
  *name = g_steal_pointer (&ahead->name);
  *text = g_steal_pointer (&ahead->text);
  *n_params = ahead->n_params;
  *description = g_steal_pointer (&ahead->description);
  g_hash_table_remove (table, sql);
  return TRUE;
}

int
_furrow_pg_ahead_run (PGconn              *conn,
                      const PgAheadQuery  *queries,
                      guint                n,
                      PGresult           **results)
{
  gboolean sent = PQenterPipelineMode (conn);
  int failed = -1;

  for (guint i = 0; sent && i < n; i++)
    sent = PQsendQueryPrepared (conn, queries[i].name, queries[i].n_params, queries[i].values,
                                queries[i].lengths, queries[i].formats,
                                queries[i].binary ? 1 : 0);
  if (!PQpipelineSync (conn) || !sent)
    {
      end_pipeline (conn);
      return (int) n;
    }
  for (guint i = 0; i < n; i++)
    {
      ExecStatusType status;

      results[i] = next_result (conn);
      status = PQresultStatus (results[i]);
      if (failed < 0 && status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        failed = (int) i;
      else if (failed >= 0)
        g_clear_pointer (&results[i], PQclear);
    }
  end_pipeline (conn);
  for (int i = 0; failed >= 0 && i < failed; i++)
    g_clear_pointer (&results[i], PQclear);
  return failed;
}
