/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PostgreSQL backend of the statement layer (docs/architecture.md, The backend seam): the
 * same FurrowDatabase through libpq. The store's SQL is SQLite's, with ?N parameters: a statement
 * is prepared once per connection under its own name with ?N turned into $N and described (the
 * parameter and column types PostgreSQL inferred) in the same round trip, and run with
 * PQexecPrepared; its rows come back as text, or in binary when it returns a geometry
 * (furrow-database-pg-values.c). An import's INSERTs are kept and sent a thousand rows to one
 * INSERT (furrow_statement_run_deferred(), furrow-database-pg-rows.c).
 * Parameters travel as text, blobs in binary; a GeoPackage blob bound where PostgreSQL expects a
 * PostGIS geometry is sent as EWKB (SRID 4326) and a geometry column is read back as a GeoPackage
 * blob, the WKB bytes untouched both ways. Every SQLSTATE becomes a FURROW_STORE_ERROR_* in one
 * place, furrow_database_error_from_sqlstate(). The password of a connection address never
 * appears in a message: the path of the connection is rebuilt without it. */

#include "config.h"

#include "furrow-database-pg-ahead.h"
#include "furrow-database-pg-refusal.h"
#include "furrow-database-pg-values.h"
#include "furrow-database-private.h"
#include "furrow-database-pg-rows.h"
#include "furrow-database-testing.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "furrow-server-address.h"
#include "furrow-store-gpkg.h"
#include "furrow-store.h"

typedef struct
{
  FurrowDatabase  parent;
  PGconn         *conn;
  char           *state;         /* SQLSTATE of the last failure, or NULL */
  char           *message;       /* PostgreSQL's words for it */
  gboolean        deleting;      /* the statement that failed was a DELETE */
  gint64          changes;
  guint           next_name;
  Oid             geometry_oid;  /* PostGIS's geometry type, 0 without PostGIS */
  Oid             bytea_oid;
  GPtrArray      *notifies;      /* other connections' NOTIFY payloads not yet dispatched */
  guint           generation;    /* connections made again: a statement prepared on an earlier
                                  * one is prepared again on its next step */
  PgRowsQueue     deferred;      /* an import's rows, sent a thousand to one INSERT */
  GHashTable     *ahead;         /* SQL → PgAhead: prepared ahead, not taken by a prepare yet */
} PgDatabase;

typedef struct
{
  FurrowStatement  parent;
  char            *name;
  char            *text;         /* the SQL as sent, to prepare again after a reconnection */
  guint            generation;   /* the connection it is prepared on (PgDatabase) */
  gboolean         deleting;     /* a DELETE statement */
  int              n_params;
  Oid             *types;
  char           **values;
  int             *lengths;
  int             *formats;
  char            *bind_error;   /* the first failed bind, reported by the next step */
  PGresult        *description;  /* its parameter and column types, asked with its preparation */
  gboolean         binary;       /* its rows come in binary (_furrow_pg_binary_rows ()) */
  PGresult        *result;
  int              row;          /* the row the columns read, -1 before the first */
  GBytes         **blobs;        /* the blobs of the current row, decoded when first read */
  char           **texts;        /* the current row's numbers that came in binary, as text */
  int              n_columns;
} PgStatement;

#define PG(self)      ((PgDatabase *) (self))
#define PG_STMT(self) ((PgStatement *) (self))

static const FurrowDatabaseBackend pg_backend;

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                     */

/* Keeps the failure of result (or of the connection when result is NULL) for set_error. */
static void
pg_remember (PgDatabase     *self,
             const PGresult *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;

  g_free (self->state);
  g_free (self->message);
  self->deleting = FALSE;
  if (state == NULL && PQstatus (self->conn) != CONNECTION_OK)
    state = "08006";  /* connection_failure: libpq lost the server without a result */
  if (PQstatus (self->conn) == CONNECTION_BAD)
    _furrow_database_lost ((FurrowDatabase *) self);
  self->state = g_strdup (state);
  self->message = g_strchomp (g_strdup (message != NULL ? message
                                                        : PQerrorMessage (self->conn)));
}

static void
pg_forget (PgDatabase *self)
{
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->message, g_free);
}

static gboolean
pg_set_error (FurrowDatabase  *database,
              GError         **error)
{
  PgDatabase *self = PG (database);
  const char *message = self->message != NULL ? self->message : "";
  int code = furrow_database_error_from_sqlstate (self->state);

  switch (code)
    {
    case FURROW_STORE_ERROR_CONFLICT:
      g_set_error (error, FURROW_STORE_ERROR, code,
                   _("%s: another user changed the same records at the same time; nothing "
                     "was written: try again (%s)"), database->path, message);
      break;

    case FURROW_STORE_ERROR_BUSY:
      g_set_error (error, FURROW_STORE_ERROR, code,
                   _("%s is in use by another program; try again when it is done"),
                   database->path);
      break;

    case FURROW_STORE_ERROR_FULL:
      g_set_error (error, FURROW_STORE_ERROR, code,
                   _("%s: the server's disk is full; nothing was written: ask the server's "
                     "administrator to free some space"), database->path);
      break;

    case FURROW_STORE_ERROR_FILE_READ_ONLY:
      g_set_error (error, FURROW_STORE_ERROR, code,
                   _("%s: you may not change this (%s); ask the centre's manager for that "
                     "right"), database->path, message);
      break;

    case FURROW_STORE_ERROR_PERMISSION:
      g_set_error (error, FURROW_STORE_ERROR, code,
                   /* Translators: "clerk_a may not settle or reopen a season (permission denied
                    * for table seasons)"; the second %s is a user name, the third an action
                    * (furrow-database-pg-refusal.c). */
                   _("%s: %s may not %s (%s); ask the centre’s manager for that right"),
                   database->path, PQuser (self->conn),
                   _furrow_pg_permission_action (self->message, self->deleting), message);
      break;

    case FURROW_STORE_ERROR_CONNECTION:
      /* A transaction the server did not see end is rolled back by the server. */
      g_set_error (error, FURROW_STORE_ERROR, code,
                   _("The server %s cannot be reached (%s); nothing was changed"),
                   database->path, message);
      break;

    case FURROW_STORE_ERROR_CORRUPT:
      furrow_database_set_damaged (database, error,
                                   _("%s is damaged (%s): nothing was written to it; ask the "
                                     "server's administrator to restore it from a backup"),
                                   database->path, message);
      break;

    default:
      g_set_error (error, FURROW_STORE_ERROR, code, _("%s: database error: %s"), database->path,
                   message);
      break;
    }
  return FALSE;
}

static FurrowDatabaseConstraint
pg_get_constraint (FurrowDatabase *database)
{
  const char *state = PG (database)->state;

  if (state == NULL || !g_str_has_prefix (state, "23"))
    return FURROW_DATABASE_CONSTRAINT_NONE;
  if (strcmp (state, "23505") == 0)
    return FURROW_DATABASE_CONSTRAINT_UNIQUE;
  if (strcmp (state, "23503") == 0)
    return FURROW_DATABASE_CONSTRAINT_FOREIGN_KEY;
  if (strcmp (state, "23514") == 0 || strcmp (state, "23502") == 0)
    return FURROW_DATABASE_CONSTRAINT_CHECK;
  return FURROW_DATABASE_CONSTRAINT_OTHER;
}

static const char *
pg_get_last_message (FurrowDatabase *database)
{
  return PG (database)->message != NULL ? PG (database)->message : "";
}

/* ------------------------------------------------------------------------------------------ */
/* Connections                                                                                */

/* postgresql://USER@HOST:PORT/DBNAME, from what libpq connected to: never the password, whatever
 * form the address had. */
static char *
display_address (PGconn *conn)
{
  const char *host = PQhost (conn);
  const char *port = PQport (conn);
  g_autoptr(GString) out = g_string_new ("postgresql://");

  g_string_append_printf (out, "%s@", PQuser (conn));
  if (host != NULL && host[0] != '/')
    g_string_append (out, host);
  if (port != NULL && *port != '\0' && strcmp (port, "5432") != 0)
    g_string_append_printf (out, ":%s", port);
  g_string_append_printf (out, "/%s", PQdb (conn));
  if (host != NULL && host[0] == '/')
    g_string_append_printf (out, "?host=%s", host);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The address as given, with any password replaced, for a connection that failed. */
static char *
mask_address (const char *uri)
{
  g_autoptr(GRegex) user_password = g_regex_new ("(://[^:/@]*):[^@/]*@", 0, 0, NULL);
  g_autoptr(GRegex) parameter = g_regex_new ("([?&]password=)[^&]*", 0, 0, NULL);
  g_autofree char *masked = g_regex_replace (user_password, uri, -1, 0, "\\1:***@", 0, NULL);

  return g_regex_replace (parameter, masked, -1, 0, "\\1***", 0, NULL);
}

/* PostGIS's geometry type and bytea, read with one query (0 for a type the server lacks). */
static void
read_type_oids (PgDatabase *self)
{
  PGresult *result = PQexec (self->conn, "SELECT typname, oid FROM pg_type WHERE typname IN"
                                         " ('geometry', 'bytea')");

  for (int i = 0; PQresultStatus (result) == PGRES_TUPLES_OK && i < PQntuples (result); i++)
    {
      Oid oid = (Oid) g_ascii_strtoull (PQgetvalue (result, i, 1), NULL, 10);

      Oid *type = strcmp (PQgetvalue (result, i, 0), "geometry") == 0 ? &self->geometry_oid
                                                                      : &self->bytea_oid;

      if (*type == 0)
        *type = oid;
    }
  PQclear (result);
}

static void
notice_ignored (void       *arg,
                const char *message)
{
  /* Notices (IF NOT EXISTS …) are not failures; they could name a user's data. */
}

FurrowDatabase *
_furrow_database_pg_open (const char  *uri,
                          GError     **error)
{
  g_autofree char *password = _furrow_server_address_lookup_password (uri);
  g_autofree char *path = NULL;
  /* The address expanded first, then the password given in this process (docs/architecture.md,
   * The backend seam, Passwords): the later keyword wins, and the address never holds it. */
  const char *keywords[] = { "dbname", password != NULL ? "password" : NULL, NULL };
  const char *values[] = { uri, password, NULL };
  PgDatabase *self;
  PGconn *conn;

  conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *masked = mask_address (uri);
      g_autofree char *message = g_strchomp (g_strdup (PQerrorMessage (conn)));

      /* libpq explains on two lines; a message is one (docs/architecture.md, The furrow-cli
       * contract). */
      g_strdelimit (message, "\n\t", ' ');

      if (PQconnectionNeedsPassword (conn))
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PASSWORD,
                     _("cannot connect to %s: the server asks for the password of %s"), masked,
                     PQuser (conn));
      /* A wrong password: said in the user's language rather than the server's "FATAL:
       * password authentication failed for user …" (which a server in another language words
       * otherwise, and then is shown as it is). */
      else if (PQconnectionUsedPassword (conn) &&
               strstr (message, "password authentication failed") != NULL)
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONNECTION,
                     _("cannot connect to %s: the server refused the password of %s; check it "
                       "and try again"), masked, PQuser (conn));
      else
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONNECTION,
                     _("cannot connect to %s: %s"), masked, message);
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, notice_ignored, NULL);

  self = g_new0 (PgDatabase, 1);
  self->conn = conn;
  path = display_address (conn);
  _furrow_database_init ((FurrowDatabase *) self, &pg_backend, path);
  /* The project's path, which workers reopen, names the server as libpq connected to it. */
  if (password != NULL)
    furrow_server_address_set_password (path, password);
  read_type_oids (self);
  return (FurrowDatabase *) self;
}

/* ------------------------------------------------------------------------------------------ */
/* Notifications (docs/architecture.md, Several users at once)                                */

/* libpq keeps the notifications it read, during any query or PQconsumeInput (); they are taken
 * after each so that the source sees them even when the socket has nothing more to read. */
static void
pg_collect_notifies (PgDatabase *self)
{
  PGnotify *notify;

  if (self->conn == NULL)
    return;
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (self->conn) && self->notifies != NULL)
        g_ptr_array_add (self->notifies, g_strdup (notify->extra));
      PQfreemem (notify);
    }
}

static gboolean pg_exec (FurrowDatabase  *database,
                         const char      *sql,
                         GError         **error);
static gboolean pg_flush (FurrowDatabase  *database,
                          GError         **error);

typedef struct
{
  GSource     source;
  PgDatabase *database;
  gpointer    fd_tag;   /* the connection's socket, NULL once the connection failed */
} PgListenSource;

static gboolean
listen_prepare (GSource *source,
                int     *timeout)
{
  PgListenSource *self = (PgListenSource *) source;

  *timeout = -1;
  pg_collect_notifies (self->database);
  return self->database->notifies->len > 0;
}

static gboolean
listen_check (GSource *source)
{
  PgListenSource *self = (PgListenSource *) source;
  PgDatabase *database = self->database;

  if (self->fd_tag != NULL && g_source_query_unix_fd (source, self->fd_tag) != 0)
    {
      /* A lost connection leaves the socket readable for ever: stop watching it (the next
       * statement reports the loss as CONNECTION). */
      if (database->conn == NULL || !PQconsumeInput (database->conn))
        {
          g_source_remove_unix_fd (source, self->fd_tag);
          self->fd_tag = NULL;
          _furrow_database_lost ((FurrowDatabase *) database);
        }
      pg_collect_notifies (database);
    }
  return database->notifies->len > 0;
}

static gboolean
listen_dispatch (GSource     *source,
                 GSourceFunc  callback,
                 gpointer     user_data)
{
  PgListenSource *self = (PgListenSource *) source;
  g_autoptr(GPtrArray) payloads = g_steal_pointer (&self->database->notifies);

  self->database->notifies = g_ptr_array_new_with_free_func (g_free);
  if (callback != NULL && payloads->len > 0)
    ((FurrowDatabaseNotifyFunc) (void (*) (void)) callback) (payloads, user_data);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs listen_funcs = {
  .prepare = listen_prepare,
  .check = listen_check,
  .dispatch = listen_dispatch,
};

static GSource *
pg_listen (FurrowDatabase  *database,
           const char      *channel,
           GError         **error)
{
  PgDatabase *self = PG (database);
  PgListenSource *source;
  char *quoted = PQescapeIdentifier (self->conn, channel, strlen (channel));
  g_autofree char *sql = quoted != NULL ? g_strdup_printf ("LISTEN %s", quoted) : NULL;

  PQfreemem (quoted);
  if (sql == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   "%s: cannot listen on %s", database->path, channel);
      return NULL;
    }
  if (!pg_exec (database, sql, error))
    return NULL;
  if (self->notifies == NULL)
    self->notifies = g_ptr_array_new_with_free_func (g_free);
  source = (PgListenSource *) g_source_new (&listen_funcs, sizeof (PgListenSource));
  source->database = self;
  source->fd_tag = g_source_add_unix_fd ((GSource *) source, PQsocket (self->conn),
                                         G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_static_name ((GSource *) source, "[furrow] PostgreSQL notifications");
  return (GSource *) source;
}

/* Connecting again (docs/architecture.md, The backend seam, Reconnecting): PQresetStart () then
 * PQresetPoll () each time the socket is ready as the last poll asked, never blocking the main
 * loop; the callback is told once. */
typedef struct
{
  GSource     source;
  PgDatabase *database;
  gpointer    fd_tag;
  gboolean    started;
} PgResetSource;

static gboolean
reset_watch (PgResetSource             *self,
             PostgresPollingStatusType  poll)
{
  GIOCondition condition = (poll == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT) | G_IO_ERR |
                           G_IO_HUP;
  int fd = PQsocket (self->database->conn);

  if (self->fd_tag != NULL)
    g_source_remove_unix_fd ((GSource *) self, self->fd_tag);
  self->fd_tag = fd >= 0 ? g_source_add_unix_fd ((GSource *) self, fd, condition) : NULL;
  return self->fd_tag != NULL;
}

static gboolean
reset_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  PgResetSource *self = (PgResetSource *) source;
  PgDatabase *database = self->database;
  FurrowDatabaseReconnectFunc done = (FurrowDatabaseReconnectFunc) (void (*) (void)) callback;
  PostgresPollingStatusType poll = PGRES_POLLING_FAILED;
  g_autoptr(GError) error = NULL;

  g_source_set_ready_time (source, -1);
  if (!self->started)
    {
      self->started = TRUE;
      if (PQresetStart (database->conn))
        poll = PGRES_POLLING_WRITING;
    }
  else
    poll = PQresetPoll (database->conn);

  if ((poll == PGRES_POLLING_READING || poll == PGRES_POLLING_WRITING) &&
      reset_watch (self, poll))
    return G_SOURCE_CONTINUE;
  if (self->fd_tag != NULL)
    g_source_remove_unix_fd (source, self->fd_tag);
  self->fd_tag = NULL;
  if (poll == PGRES_POLLING_OK && PQstatus (database->conn) == CONNECTION_OK)
    {
      database->generation++;
      database->parent.lost = FALSE;
      pg_forget (database);
    }
  else
    {
      g_autofree char *message = g_strchomp (g_strdup (PQerrorMessage (database->conn)));

      g_strdelimit (message, "\n\t", ' ');
      g_set_error (&error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONNECTION,
                   _("The server %s cannot be reached (%s); nothing was changed"),
                   database->parent.path, message);
    }
  if (done != NULL)
    done (error == NULL, error, user_data);
  return G_SOURCE_REMOVE;
}

static GSourceFuncs reset_funcs = {
  .dispatch = reset_dispatch,
};

static GSource *
pg_reconnect (FurrowDatabase *database)
{
  PgResetSource *source = (PgResetSource *) g_source_new (&reset_funcs, sizeof (PgResetSource));

  source->database = PG (database);
  g_source_set_static_name ((GSource *) source, "[furrow] PostgreSQL reconnection");
  /* The first step at once, from the loop. */
  g_source_set_ready_time ((GSource *) source, 0);
  return (GSource *) source;
}

static void
pg_close (FurrowDatabase *database)
{
  PgDatabase *self = PG (database);

  _furrow_pg_rows_queue_clear (&self->deferred);
  g_clear_pointer (&self->ahead, g_hash_table_unref);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->notifies, g_ptr_array_unref);
  pg_forget (self);
}

/* Runs one or more statements without parameters (a migration script, BEGIN). */
static gboolean
pg_exec (FurrowDatabase  *database,
         const char      *sql,
         GError         **error)
{
  PgDatabase *self = PG (database);
  PGresult *result;
  ExecStatusType status;
  gboolean ok;

  if (!pg_flush (database, error))
    return FALSE;
  result = PQexec (self->conn, sql);
  status = PQresultStatus (result);
  ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
  if (ok)
    {
      pg_forget (self);
      self->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
    }
  else
    pg_remember (self, result);
  pg_collect_notifies (self);
  PQclear (result);
  return ok ? TRUE : pg_set_error (database, error);
}

/* The id the last INSERT gave its row: the session's last sequence value (every table's id is
 * an identity column, schema/pg/). */
static gint64
pg_last_insert_id (FurrowDatabase *database)
{
  PGresult *result;
  gint64 id = 0;

  if (!pg_flush (database, NULL))
    return 0;
  result = PQexec (PG (database)->conn, "SELECT lastval ()");
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

static gint64
pg_changes (FurrowDatabase *database)
{
  return PG (database)->changes;
}

static gboolean
pg_in_transaction (FurrowDatabase *database)
{
  PGTransactionStatusType status = PQtransactionStatus (PG (database)->conn);

  /* A lost connection (PQTRANS_UNKNOWN) has no transaction any more: the server ended it. */
  return status != PQTRANS_IDLE && status != PQTRANS_UNKNOWN;
}

static char *
pg_encrypt_password (FurrowDatabase  *database,
                     const char      *user,
                     const char      *password,
                     GError         **error)
{
  PgDatabase *self = PG (database);
  char *verifier;
  char *copy;

  if (!pg_flush (database, error))
    return NULL;
  /* NULL: the server's password_encryption (scram-sha-256 since PostgreSQL 14). */
  verifier = PQencryptPasswordConn (self->conn, password, user, NULL);
  if (verifier == NULL)
    {
      g_autofree char *message = g_strchomp (g_strdup (PQerrorMessage (self->conn)));

      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("%s: cannot encrypt the password: %s"), database->path, message);
      return NULL;
    }
  copy = g_strdup (verifier);
  PQfreemem (verifier);
  return copy;
}

static gboolean
pg_backup (FurrowDatabase  *self,
           FurrowDatabase  *dest,
           GError         **error)
{
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
               _("%s is on a server: its backups are the server's (pg_dump), not a copy made "
                 "by Furrow"), self->path);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Statements                                                                                 */

/* Prepares text as name and describes it (its parameter and column types) in one round trip,
 * both sent in pipeline mode: the description, or NULL with error set. */
static PGresult *
prepare_on_server (PgDatabase  *self,
                   const char  *name,
                   const char  *text,
                   GError     **error)
{
  PGresult *answers[2] = { NULL, NULL };
  PGresult *result;
  gboolean sent;

  sent = PQenterPipelineMode (self->conn);
  sent = sent && PQsendPrepare (self->conn, name, text, 0, NULL) &&
         PQsendDescribePrepared (self->conn, name) && PQpipelineSync (self->conn);
  for (guint i = 0; sent && i < G_N_ELEMENTS (answers); i++)
    {
      answers[i] = PQgetResult (self->conn);
      if (answers[i] != NULL)
        PQclear (PQgetResult (self->conn));  /* the NULL that ends each command's results */
    }
  while (sent && (result = PQgetResult (self->conn)) != NULL)
    {
      gboolean synced = PQresultStatus (result) == PGRES_PIPELINE_SYNC;

      PQclear (result);
      if (synced)
        break;
    }
  PQexitPipelineMode (self->conn);
  if (PQresultStatus (answers[0]) != PGRES_COMMAND_OK ||
      PQresultStatus (answers[1]) != PGRES_COMMAND_OK)
    {
      pg_remember (self, PQresultStatus (answers[0]) != PGRES_COMMAND_OK ? answers[0]
                                                                          : answers[1]);
      PQclear (answers[0]);
      PQclear (answers[1]);
      pg_set_error ((FurrowDatabase *) self, error);
      return NULL;
    }
  PQclear (answers[0]);
  return answers[1];
}

/* Prepared again on a connection made since stmt was prepared. */
static gboolean
prepare_again (PgStatement  *stmt,
               GError      **error)
{
  PgDatabase *database = PG (stmt->parent.database);
  PGresult *description;

  if (stmt->generation == database->generation)
    return TRUE;
  description = prepare_on_server (database, stmt->name, stmt->text, error);
  if (description == NULL)
    return FALSE;
  PQclear (stmt->description);
  stmt->description = description;
  stmt->generation = database->generation;
  return TRUE;
}

/* A statement is prepared and described with one round trip (its parameter types tell where a
 * blob is a geometry, its column types whether its rows come in binary). */
static FurrowStatement *
pg_prepare (FurrowDatabase  *database,
            const char      *sql,
            gboolean         cached,
            GError         **error)
{
  PgDatabase *self = PG (database);
  int n_params = 0;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  PGresult *description = NULL;
  PgStatement *stmt;

  /* Prepared ahead on this connection (furrow-database-pg-ahead.c): no round trip. */
  if (!_furrow_pg_ahead_take (self->ahead, sql, self->generation, &name, &text, &n_params,
                              &description))
    {
      text = _furrow_database_pg_convert (sql, &n_params);
      name = g_strdup_printf ("furrow_%u", ++self->next_name);
      if (!pg_flush (database, error) ||
          (description = prepare_on_server (self, name, text, error)) == NULL)
        return NULL;
    }
  pg_forget (self);

  stmt = g_new0 (PgStatement, 1);
  stmt->name = g_steal_pointer (&name);
  stmt->generation = self->generation;
  stmt->deleting = g_ascii_strncasecmp (g_strchug (text), "DELETE", 6) == 0;
  stmt->text = g_steal_pointer (&text);
  stmt->n_params = n_params;
  stmt->types = g_new0 (Oid, stmt->n_params + 1);
  stmt->values = g_new0 (char *, stmt->n_params + 1);
  stmt->lengths = g_new0 (int, stmt->n_params + 1);
  stmt->formats = g_new0 (int, stmt->n_params + 1);
  stmt->row = -1;
  stmt->description = description;
  for (int i = 0; i < stmt->n_params && i < PQnparams (description); i++)
    stmt->types[i] = PQparamtype (description, i);
  stmt->binary = _furrow_pg_binary_rows (description, self->geometry_oid, self->bytea_oid);
  return (FurrowStatement *) stmt;
}

static void
pg_prepare_ahead (FurrowDatabase     *database,
                  const char * const *sqls,
                  guint               n)
{
  PgDatabase *self = PG (database);

  if (pg_flush (database, NULL) && PQstatus (self->conn) == CONNECTION_OK)
    _furrow_pg_ahead_prepare (&self->ahead, self->conn, self->generation, &self->next_name,
                              sqls, n);
}

/* The answer of stmt's run, its rows to step through. */
static void
take_result (PgStatement *stmt,
             PGresult    *result)
{
  stmt->result = result;
  PG (stmt->parent.database)->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  stmt->n_columns = PQnfields (result);
  stmt->blobs = g_new0 (GBytes *, stmt->n_columns + 1);
  stmt->texts = g_new0 (char *, stmt->n_columns + 1);
  stmt->row = -1;
}

static gboolean
pg_start_all (FurrowDatabase   *database,
              FurrowStatement **stmts,
              guint             n,
              GError          **error)
{
  PgDatabase *self = PG (database);
  g_autofree PgAheadQuery *queries = g_new0 (PgAheadQuery, n);
  g_autofree PGresult **results = g_new0 (PGresult *, n);
  int failed;

  if (!pg_flush (database, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      PgStatement *stmt = PG_STMT (stmts[i]);

      /* Anything but a fresh statement of this connection runs at its own step. */
      if (stmt->bind_error != NULL || stmt->result != NULL ||
          stmt->generation != self->generation)
        return TRUE;
      queries[i] = (PgAheadQuery) { stmt->name, stmt->n_params, (const char * const *)
                                    stmt->values, stmt->lengths, stmt->formats, stmt->binary };
    }
  failed = _furrow_pg_ahead_run (self->conn, queries, n, results);
  pg_collect_notifies (self);
  if (failed >= 0)
    {
      pg_remember (self, failed < (int) n ? results[failed] : NULL);
      PQclear (failed < (int) n ? results[failed] : NULL);
      return pg_set_error (database, error);
    }
  pg_forget (self);
  for (guint i = 0; i < n; i++)
    take_result (PG_STMT (stmts[i]), results[i]);
  return TRUE;
}

/* The statement's description, from its preparation on this connection; NULL when it cannot
 * be prepared again. Only preparing again waits for the rows kept (pg_run_deferred()): binding
 * each parcel's geometry must not send the import's rows one at a time. */
static PGresult *
describe (PgStatement *stmt)
{
  if (stmt->generation != PG (stmt->parent.database)->generation &&
      (!pg_flush (stmt->parent.database, NULL) || !prepare_again (stmt, NULL)))
    return NULL;
  return stmt->description;
}

static void
clear_result (PgStatement *stmt)
{
  for (int i = 0; i < stmt->n_columns; i++)
    {
      g_clear_pointer (&stmt->blobs[i], g_bytes_unref);
      g_clear_pointer (&stmt->texts[i], g_free);
    }
  g_clear_pointer (&stmt->blobs, g_free);
  g_clear_pointer (&stmt->texts, g_free);
  stmt->n_columns = 0;
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
}

static void
pg_reset (FurrowStatement *self)
{
  PgStatement *stmt = PG_STMT (self);

  clear_result (stmt);
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->lengths[i] = 0;
      stmt->formats[i] = 0;
    }
  g_clear_pointer (&stmt->bind_error, g_free);
}

static void
pg_finalize (FurrowStatement *self)
{
  PgStatement *stmt = PG_STMT (self);
  PGconn *conn = PG (self->database)->conn;

  pg_reset (self);
  /* Not one round trip a statement when the connection is closed anyway. */
  if (conn != NULL && pg_flush (self->database, NULL) && !self->database->closing &&
      PQstatus (conn) == CONNECTION_OK &&
      PQtransactionStatus (conn) != PQTRANS_INERROR &&
      stmt->generation == PG (self->database)->generation)
    {
      g_autofree char *deallocate = g_strdup_printf ("DEALLOCATE %s", stmt->name);

      PQclear (PQexec (conn, deallocate));
    }
  g_clear_pointer (&stmt->description, PQclear);
  g_free (stmt->name);
  g_free (stmt->text);
  g_free (stmt->types);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt);
}

/* Takes value (text or binary bytes) as parameter position. */
static void
set_param (FurrowStatement *self,
           int              position,
           char            *value,
           int              length,
           int              format)
{
  PgStatement *stmt = PG_STMT (self);

  if (position < 1 || position > stmt->n_params)
    {
      if (stmt->bind_error == NULL)
        stmt->bind_error = g_strdup_printf ("parameter %d of a statement of %d", position,
                                            stmt->n_params);
      g_free (value);
      return;
    }
  g_free (stmt->values[position - 1]);
  stmt->values[position - 1] = value;
  stmt->lengths[position - 1] = length;
  stmt->formats[position - 1] = format;
}

/* An int8 or float8 parameter goes in binary (furrow-database-pg-values.c): an import binds
 * eight numbers a parcel. */
static void
pg_bind_int64 (FurrowStatement *self,
               int              position,
               gint64           value)
{
  PgStatement *stmt = PG_STMT (self);
  Oid type = position >= 1 && position <= stmt->n_params ? stmt->types[position - 1] : 0;
  int length, format;
  char *param = _furrow_pg_param_int64 (type, value, &length, &format);

  set_param (self, position, param, length, format);
}

static void
pg_bind_double (FurrowStatement *self,
                int              position,
                double           value)
{
  PgStatement *stmt = PG_STMT (self);
  Oid type = position >= 1 && position <= stmt->n_params ? stmt->types[position - 1] : 0;
  int length, format;
  char *param = _furrow_pg_param_double (type, value, &length, &format);

  set_param (self, position, param, length, format);
}

static void
pg_bind_text (FurrowStatement *self,
              int              position,
              const char      *text)
{
  set_param (self, position, g_strdup (text), 0, 0);
}

static void
pg_bind_null (FurrowStatement *self,
              int              position)
{
  set_param (self, position, NULL, 0, 0);
}

static void
pg_bind_blob (FurrowStatement *self,
              int              position,
              gconstpointer    data,
              gsize            size)
{
  PgStatement *stmt = PG_STMT (self);
  PgDatabase *database = PG (self->database);
  char *copy;

  if (position >= 1 && position <= stmt->n_params && database->geometry_oid != 0 &&
      describe (stmt) != NULL && stmt->types[position - 1] == database->geometry_oid)
    {
      g_autoptr(GBytes) ewkb = furrow_gpkg_blob_to_ewkb (data, size);

      if (ewkb != NULL)
        {
          gsize length;
          gconstpointer bytes = g_bytes_get_data (ewkb, &length);

          set_param (self, position, g_memdup2 (bytes, length), (int) length, 1);
          return;
        }
    }
  /* Never NULL, even for no bytes: NULL would be SQL NULL. */
  copy = g_malloc (size + 1);
  memcpy (copy, data, size);
  set_param (self, position, copy, (int) size, 1);
}

static gboolean
pg_step (FurrowStatement  *self,
         GError          **error)
{
  PgStatement *stmt = PG_STMT (self);
  PgDatabase *database = PG (self->database);

  if (stmt->result == NULL)
    {
      ExecStatusType status;

      if (stmt->bind_error != NULL)
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                       _("%s: database error: %s"), self->database->path, stmt->bind_error);
          return FALSE;
        }
      if (!pg_flush (self->database, error))
        return FALSE;
      /* Prepared on a connection lost since: the same statement on this one. */
      if (!prepare_again (stmt, error))
        return FALSE;
      stmt->result = PQexecPrepared (database->conn, stmt->name, stmt->n_params,
                                     (const char * const *) stmt->values, stmt->lengths,
                                     stmt->formats, stmt->binary ? 1 : 0);
      status = PQresultStatus (stmt->result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          pg_remember (database, stmt->result);
          database->deleting = stmt->deleting;
          g_clear_pointer (&stmt->result, PQclear);
          return pg_set_error (self->database, error);
        }
      pg_forget (database);
      pg_collect_notifies (database);
      take_result (stmt, stmt->result);
    }
  for (int i = 0; i < stmt->n_columns; i++)
    {
      g_clear_pointer (&stmt->blobs[i], g_bytes_unref);
      g_clear_pointer (&stmt->texts[i], g_free);
    }
  if (stmt->row + 1 < PQntuples (stmt->result))
    {
      stmt->row++;
      return TRUE;
    }
  stmt->row = PQntuples (stmt->result);
  return FALSE;
}

static void
rows_failed (gpointer         user_data,
             const PGresult  *result,
             GError         **error)
{
  pg_remember (user_data, result);
  pg_set_error (user_data, error);
}

/* Keeps stmt's row to be sent with the others bound to the same INSERT, a thousand to one
 * (furrow_statement_run_deferred(), furrow-database-pg-rows.c). FALSE to run it at once — a
 * failed bind, a connection made again, another statement, a failure of the rows before — where
 * its step flushes first. */
static gboolean
pg_run_deferred (FurrowStatement         *self,
                 FurrowStatementDoneFunc  func,
                 gpointer                 user_data,
                 GDestroyNotify           destroy)
{
  PgStatement *stmt = PG_STMT (self);
  PgDatabase *database = PG (self->database);
  PgRowsRow row = { stmt->text, stmt->n_params, stmt->types, (const char * const *) stmt->values,
                    stmt->lengths, stmt->formats, func, user_data, destroy };

  if (stmt->bind_error != NULL || stmt->generation != database->generation ||
      database->parent.lost)
    return FALSE;
  return _furrow_pg_rows_queue_add (&database->deferred, database->conn, database->generation,
                                    &row, rows_failed, database);
}

/* Sends the rows kept (above) and reads every answer: each row's id to its function, the first
 * failure to its own (to reword) and then to the caller. */
static gboolean
pg_flush (FurrowDatabase  *database,
          GError         **error)
{
  PgDatabase *self = PG (database);
  gboolean ok;

  if (_furrow_pg_rows_queue_is_empty (&self->deferred))
    return TRUE;
  ok = _furrow_pg_rows_queue_flush (&self->deferred, self->conn, self->generation, rows_failed,
                                    self, error);
  pg_collect_notifies (self);
  if (ok)
    pg_forget (self);
  return ok;
}

static gboolean
has_row (PgStatement *stmt,
         int          column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < stmt->n_columns;
}

static gboolean
pg_is_null (FurrowStatement *self,
            int              column)
{
  PgStatement *stmt = PG_STMT (self);

  return !has_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column);
}

static const char *
pg_get_text (FurrowStatement *self,
             int              column)
{
  PgStatement *stmt = PG_STMT (self);

  if (pg_is_null (self, column))
    return NULL;
  return _furrow_pg_value_text (stmt->result, stmt->row, column, &stmt->texts[column]);
}

static gint64
pg_get_int64 (FurrowStatement *self,
              int              column)
{
  PgStatement *stmt = PG_STMT (self);

  return pg_is_null (self, column) ? 0
                                   : _furrow_pg_value_int64 (stmt->result, stmt->row, column);
}

static double
pg_get_double (FurrowStatement *self,
               int              column)
{
  PgStatement *stmt = PG_STMT (self);

  return pg_is_null (self, column) ? 0.0
                                   : _furrow_pg_value_double (stmt->result, stmt->row, column);
}

static gconstpointer
pg_get_blob (FurrowStatement *self,
             int              column,
             gsize           *size)
{
  PgStatement *stmt = PG_STMT (self);
  PgDatabase *database = PG (self->database);

  *size = 0;
  if (pg_is_null (self, column))
    return NULL;
  if (stmt->blobs[column] == NULL)
    stmt->blobs[column] = _furrow_pg_value_blob (stmt->result, stmt->row, column,
                                                 database->geometry_oid, database->bytea_oid);
  return g_bytes_get_data (stmt->blobs[column], size);
}

static int
pg_column_count (FurrowStatement *self)
{
  PgStatement *stmt = PG_STMT (self);
  PGresult *result = stmt->result != NULL ? stmt->result : describe (stmt);

  return result != NULL ? PQnfields (result) : 0;
}

static const char *
pg_column_name (FurrowStatement *self,
                int              column)
{
  PgStatement *stmt = PG_STMT (self);
  PGresult *result = stmt->result != NULL ? stmt->result : describe (stmt);

  return result != NULL ? PQfname (result, column) : NULL;
}

/* Every function of the backend is named pg_<member> (furrow-database-private.h). */
static const FurrowDatabaseBackend pg_backend = {
  .dialect = FURROW_DATABASE_POSTGRESQL,
  FURROW_DATABASE_BACKEND_FUNCTIONS (pg),
  /* What only a server has. */
  .encrypt_password = pg_encrypt_password,
  .listen = pg_listen,
  .reconnect = pg_reconnect,
  .run_deferred = pg_run_deferred,
  .flush = pg_flush,
  .prepare_ahead = pg_prepare_ahead,
  .start_all = pg_start_all,
};
