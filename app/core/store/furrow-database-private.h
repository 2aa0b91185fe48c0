/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-database.h"

G_BEGIN_DECLS

/* The backend seam of the statement layer (docs/architecture.md, The backend seam): one
 * FurrowDatabase API, two implementations behind it — SQLite (furrow-database.c) and PostgreSQL
 * through libpq (furrow-database-pg.c). Each backend's connection and statement structs begin with
 * the generic ones below; the generic code (the statement cache, damage, the NULL binds) lives in
 * furrow-database.c and calls the backend through this table. Only these two files include
 * sqlite3.h or libpq-fe.h (build-aux/check-layers). */

typedef struct _FurrowDatabaseBackend FurrowDatabaseBackend;

struct _FurrowDatabase
{
  const FurrowDatabaseBackend *backend;
  char       *path;        /* the file, or the server's address without its password */
  GHashTable *statements;  /* SQL text (a copy) → FurrowStatement (cached) */
  GError     *damage;      /* the first sign the data is damaged, or NULL */
  GError     *read_only;   /* why the file was opened read-only (FURROW_DATABASE_MAY_READ_ONLY) */
  FurrowDatabaseLostFunc lost_func;  /* furrow_database_set_lost_func() */
  gpointer    lost_data;
  gboolean    lost;        /* the connection is lost: lost_func was called */
  gboolean    closing;     /* furrow_database_free(): the statements go with the connection */
};

/* A backend's table: its functions are named after it and the member they fill (sqlite_step,
 * pg_step), so the members both backends fill are this one list; a server's own (NULL for
 * SQLite: encrypt_password, listen, reconnect, run_deferred, flush) follow it in
 * furrow-database-pg.c. */
#define FURROW_DATABASE_BACKEND_FUNCTIONS(prefix)                                     \
  .close = prefix##_close,                                                            \
  .prepare = prefix##_prepare,                                                        \
  .finalize = prefix##_finalize,                                                      \
  .exec = prefix##_exec,                                                              \
  .last_insert_id = prefix##_last_insert_id,                                          \
  .changes = prefix##_changes,                                                        \
  .in_transaction = prefix##_in_transaction,                                          \
  .set_error = prefix##_set_error,                                                    \
  .get_constraint = prefix##_get_constraint,                                          \
  .get_last_message = prefix##_get_last_message,                                      \
  .backup = prefix##_backup,                                                          \
  .bind_int64 = prefix##_bind_int64,                                                  \
  .bind_double = prefix##_bind_double,                                                \
  .bind_text = prefix##_bind_text,                                                    \
  .bind_blob = prefix##_bind_blob,                                                    \
  .bind_null = prefix##_bind_null,                                                    \
  .step = prefix##_step,                                                              \
  .reset = prefix##_reset,                                                            \
  .is_null = prefix##_is_null,                                                        \
  .get_int64 = prefix##_get_int64,                                                    \
  .get_double = prefix##_get_double,                                                  \
  .get_text = prefix##_get_text,                                                      \
  .get_blob = prefix##_get_blob,                                                      \
  .column_count = prefix##_column_count,                                              \
  .column_name = prefix##_column_name

struct _FurrowStatement
{
  FurrowDatabase *database;
  const char     *sql;
  guint           cached : 1;  /* owned by the cache, else finalized on release */
  guint           in_use : 1;
};

struct _FurrowDatabaseBackend
{
  FurrowDatabaseDialect dialect;

  void             (*close)            (FurrowDatabase   *self);
  /* A new statement (the backend's struct) for sql; cached says the cache will own it. */
  FurrowStatement *(*prepare)          (FurrowDatabase   *self,
                                        const char       *sql,
                                        gboolean          cached,
                                        GError          **error);
  void             (*finalize)         (FurrowStatement  *stmt);
  gboolean         (*exec)             (FurrowDatabase   *self,
                                        const char       *sql,
                                        GError          **error);
  gint64           (*last_insert_id)   (FurrowDatabase   *self);
  gint64           (*changes)          (FurrowDatabase   *self);
  gboolean         (*in_transaction)   (FurrowDatabase   *self);
  /* The last failure as a FURROW_STORE_ERROR (the backend's one mapping); returns FALSE. */
  gboolean         (*set_error)        (FurrowDatabase   *self,
                                        GError          **error);
  FurrowDatabaseConstraint (*get_constraint) (FurrowDatabase *self);
  const char      *(*get_last_message) (FurrowDatabase   *self);
  /* NULL for a backend without users of its own (SQLite). */
  char            *(*encrypt_password) (FurrowDatabase   *self,
                                        const char       *user,
                                        const char       *password,
                                        GError          **error);
  gboolean         (*backup)           (FurrowDatabase   *self,
                                        FurrowDatabase   *dest,
                                        GError          **error);
  /* NULL: the backend has no notifications. */
  GSource         *(*listen)           (FurrowDatabase   *self,
                                        const char       *channel,
                                        GError          **error);
  /* NULL: the backend has no connection to lose. A source that connects again (callback: a
   * FurrowDatabaseReconnectFunc). */
  GSource         *(*reconnect)        (FurrowDatabase   *self);
  /* NULL: the backend runs a deferred statement at once. TRUE when stmt was sent without
   * waiting for its answer (func is called at the flush); FALSE to run it at once. */
  gboolean         (*run_deferred)     (FurrowStatement  *stmt,
                                        FurrowStatementDoneFunc func,
                                        gpointer          user_data,
                                        GDestroyNotify    destroy);
  /* NULL: nothing is ever deferred. */
  gboolean         (*flush)            (FurrowDatabase   *self,
                                        GError          **error);

  void             (*bind_int64)       (FurrowStatement  *stmt,
                                        int               position,
                                        gint64            value);
  void             (*bind_double)      (FurrowStatement  *stmt,
                                        int               position,
                                        double            value);
  void             (*bind_text)        (FurrowStatement  *stmt,
                                        int               position,
                                        const char       *text);   /* never NULL */
  void             (*bind_blob)        (FurrowStatement  *stmt,
                                        int               position,
                                        gconstpointer     data,    /* never NULL */
                                        gsize             size);
  void             (*bind_null)        (FurrowStatement  *stmt,
                                        int               position);
  gboolean         (*step)             (FurrowStatement  *stmt,
                                        GError          **error);
  /* Back to before the first step, bindings cleared. */
  void             (*reset)            (FurrowStatement  *stmt);
  gboolean         (*is_null)          (FurrowStatement  *stmt,
                                        int               column);
  gint64           (*get_int64)        (FurrowStatement  *stmt,
                                        int               column);
  double           (*get_double)       (FurrowStatement  *stmt,
                                        int               column);
  const char      *(*get_text)         (FurrowStatement  *stmt,
                                        int               column);
  gconstpointer    (*get_blob)         (FurrowStatement  *stmt,
                                        int               column,
                                        gsize            *size);
  int              (*column_count)     (FurrowStatement  *stmt);
  const char      *(*column_name)      (FurrowStatement  *stmt,
                                        int               column);
  /* NULL: preparing ahead is not worth it (a file). Prepares the n statements of sqls, none
   * of them in the cache, in one round trip and keeps them for their prepare; a failure is
   * forgotten (the statement's own prepare reports it). */
  void             (*prepare_ahead)    (FurrowDatabase   *self,
                                        const char *const *sqls,
                                        guint             n);
  /* NULL: each statement runs at its first step. Runs the n statements, bound and not yet
   * stepped, in one round trip: their rows are read by their steps; FALSE with the first
   * failure. */
  gboolean         (*start_all)        (FurrowDatabase   *self,
                                        FurrowStatement **stmts,
                                        guint             n,
                                        GError          **error);
};

/* Sets up the generic part of a new connection (the backend allocates the whole struct). */
void             _furrow_database_init         (FurrowDatabase              *self,
                                                const FurrowDatabaseBackend *backend,
                                                const char                  *path);

/* The backend found its connection lost (a failed statement, a closed socket): tells the lost
 * function, once until the connection is made again. */
void             _furrow_database_lost         (FurrowDatabase              *self);

/* furrow_database_pg_parameters() (furrow-database-testing.h), *n_params the highest $N. */
char            *_furrow_database_pg_convert   (const char                  *sql,
                                                int                         *n_params);

/* The PostgreSQL backend (furrow-database-pg.c): uri is a libpq connection URI or string. */
FurrowDatabase  *_furrow_database_pg_open      (const char                  *uri,
                                                GError                     **error);

/* The password given for the server of uri in this process, or NULL (furrow-server-address.c). */
char            *_furrow_server_address_lookup_password (const char *uri);

G_END_DECLS
