/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The statement layer under the store (docs/architecture.md, "The store"): one connection — an
 * SQLite file or a PostgreSQL server (docs/architecture.md, The backend seam) — with a cache of
 * prepared statements, typed binds and steps that report failures as GErrors of the
 * FURROW_STORE_ERROR domain. Only the files of app/core/store/ use it, and only the statement
 * layer includes sqlite3.h and libpq-fe.h.
 *
 * Every SQLite result code becomes one FURROW_STORE_ERROR_* in one place
 * (furrow_database_set_error()): busy or locked → BUSY, corrupt or not a database → CORRUPT,
 * read-only → FILE_READ_ONLY, disk full → FULL, a unique key → DUPLICATE, any other constraint →
 * CONSTRAINT, the rest → FAILED. Each message names the file. Every PostgreSQL SQLSTATE does the
 * same in one place beside it (furrow_database_error_from_sqlstate()).
 *
 * SQL is written once, in SQLite's words with ?N parameters; the PostgreSQL backend turns ?N into
 * $N. What the two dialects say differently is picked with FURROW_SQL (db, sqlite, postgresql).
 * A geometry crosses the seam as the GeoPackage blob of furrow-store-gpkg.h on both: the
 * PostgreSQL backend turns a blob bound to a PostGIS geometry parameter into EWKB, and a geometry
 * column it reads back into a blob, coordinates bit for bit. */

typedef struct _FurrowDatabase  FurrowDatabase;
typedef struct _FurrowStatement FurrowStatement;

typedef enum
{
  FURROW_DATABASE_READ_WRITE = 0,
  FURROW_DATABASE_READ_ONLY  = 1 << 0,
  FURROW_DATABASE_CREATE     = 1 << 1,  /* create the file when it is missing */
  /* A file that exists but may not be changed, or whose folder may not be (its journal files
   * cannot be made there), is opened read-only instead of failing: reading works, and every
   * write is refused by furrow_database_check_writable() saying why (issue 12). */
  FURROW_DATABASE_MAY_READ_ONLY = 1 << 2,
} FurrowDatabaseFlags;

typedef enum
{
  FURROW_DATABASE_SQLITE,
  FURROW_DATABASE_POSTGRESQL,
} FurrowDatabaseDialect;

/* TRUE for a PostgreSQL connection URI (postgresql://… or postgres://…) rather than a file. */
gboolean         furrow_database_is_server_address (const char        *path);

/* Opens path with extended result codes and a 5 s busy timeout; a server address
 * (furrow_database_is_server_address()) connects to PostgreSQL instead (flags are not used). */
FurrowDatabase  *furrow_database_open             (const char           *path,
                                                   FurrowDatabaseFlags   flags,
                                                   GError              **error);
/* Finalizes every cached statement and closes the connection. */
void             furrow_database_free             (FurrowDatabase       *self);
/* The file, or the server's address without its password. */
const char      *furrow_database_get_path         (FurrowDatabase       *self);
FurrowDatabaseDialect furrow_database_get_dialect (FurrowDatabase       *self);

/* The dialect mechanism: sqlite on an SQLite connection, postgresql on a PostgreSQL one; NULL
 * says the statement has no counterpart in that dialect and the caller skips it. */
#define FURROW_SQL(db, sqlite, postgresql)                                  \
  (furrow_database_get_dialect (db) == FURROW_DATABASE_POSTGRESQL ? (postgresql) : (sqlite))

/* The prepared statement of sql, from the cache when the same text has been prepared before (the
 * cache keeps a copy of the text: sql may be built at run time and freed or written again).
 * Give it back with furrow_statement_release(), or declare it g_autoptr(FurrowStatement). When the cached statement is still in use (a nested loop over the
 * same query), a second one is prepared for this use only. NULL with error on a syntax error. */
FurrowStatement *furrow_database_prepare          (FurrowDatabase       *self,
                                                   const char           *sql,
                                                   GError              **error);
/* One or more statements without parameters or results (a migration script, BEGIN, PRAGMA x =
 * y); not cached. */
gboolean         furrow_database_exec             (FurrowDatabase       *self,
                                                   const char           *sql,
                                                   GError              **error);
/* The single integer a query such as "PRAGMA user_version" or "SELECT count(*) …" returns;
 * *value is left alone when it returns no row. */
gboolean         furrow_database_query_int        (FurrowDatabase       *self,
                                                   const char           *sql,
                                                   gint64               *value,
                                                   GError              **error);
gint64           furrow_database_last_insert_id   (FurrowDatabase       *self);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
gint64           furrow_database_changes          (FurrowDatabase       *self);
/* TRUE while a transaction is open (SQLite is out of autocommit mode). */
gboolean         furrow_database_in_transaction   (FurrowDatabase       *self);

/* Other connections' notifications (PostgreSQL LISTEN/NOTIFY, docs/architecture.md, Several
 * users at once): a new GSource, not attached, that calls func on the thread of the context it
 * is attached to with the payloads (char *) of the notifications on `channel` that other
 * connections committed since the last call, in the order they came; this connection's own are
 * left out. Destroy it before the database is closed. A file has none: NULL with
 * FURROW_STORE_ERROR_FAILED. */
typedef void (*FurrowDatabaseNotifyFunc) (GPtrArray *payloads,
                                          gpointer   user_data);
GSource         *furrow_database_listen           (FurrowDatabase           *self,
                                                   const char               *channel,
                                                   FurrowDatabaseNotifyFunc  func,
                                                   gpointer                  user_data,
                                                   GError                  **error);

/* A lost connection to a server (docs/architecture.md, The backend seam, Reconnecting): `func`
 * is called once when the statement layer finds the connection gone — a statement failing with
 * it, or the socket of a furrow_database_listen() source closed — from inside that statement or
 * source: it should only schedule what to do. Statements fail with FURROW_STORE_ERROR_CONNECTION
 * until furrow_database_reconnect() has connected again. A file never calls it. */
typedef void (*FurrowDatabaseLostFunc) (gpointer user_data);
void             furrow_database_set_lost_func    (FurrowDatabase         *self,
                                                   FurrowDatabaseLostFunc  func,
                                                   gpointer                user_data);

/* Connects a lost server connection again without blocking: a new GSource, not attached, that
 * makes the connection (libpq's PQresetStart()/PQresetPoll(), driven by the socket) and calls
 * func once, with ok TRUE when connected (the cached statements are prepared again on their next
 * use; the session's settings, search_path, LISTEN, are the caller's to set again) or FALSE and
 * the reason. Destroy it to give up. NULL for a file. */
typedef void (*FurrowDatabaseReconnectFunc) (gboolean      ok,
                                             const GError *error,
                                             gpointer      user_data);
GSource         *furrow_database_reconnect        (FurrowDatabase              *self,
                                                   FurrowDatabaseReconnectFunc  func,
                                                   gpointer                     user_data);

/* A server user's password as the verifier the server keeps (SCRAM-SHA-256, computed here by
 * libpq, PQencryptPasswordConn), so that the password itself is never sent to the server nor can
 * reach its logs (docs/architecture.md, The backend seam, Roles). NULL with error on a file or
 * when libpq cannot compute it. */
char            *furrow_database_encrypt_password (FurrowDatabase       *self,
                                                   const char           *user,
                                                   const char           *password,
                                                   GError              **error);
/* Copies the whole database into dest (SQLite's online backup). */
gboolean         furrow_database_backup           (FurrowDatabase       *self,
                                                   FurrowDatabase       *dest,
                                                   GError              **error);

/* Which rule of the schema the last failed statement broke, for a caller that words the error
 * after its own objects ("parcel 12 is already in the project"); it does not replace the
 * FURROW_STORE_ERROR_* mapping above. */
typedef enum
{
  FURROW_DATABASE_CONSTRAINT_NONE,         /* the last failure was not a constraint */
  FURROW_DATABASE_CONSTRAINT_UNIQUE,       /* a unique key or primary key */
  FURROW_DATABASE_CONSTRAINT_FOREIGN_KEY,
  FURROW_DATABASE_CONSTRAINT_CHECK,        /* a CHECK or NOT NULL */
  FURROW_DATABASE_CONSTRAINT_OTHER,
} FurrowDatabaseConstraint;

FurrowDatabaseConstraint furrow_database_get_constraint (FurrowDatabase *self);
/* SQLite's own words for the last failure ("file is not a database"), for a reader of foreign
 * files (MBTiles) that reports them in its own error domain. */
const char      *furrow_database_get_last_message (FurrowDatabase      *self);
/* TRUE when the last failure was SQLITE_NOTADB: the file is not an SQLite database at all (as
 * opposed to SQLITE_CORRUPT, a database that is damaged). */
gboolean         furrow_database_last_was_not_a_database (FurrowDatabase *self);

/* Damage (docs/architecture.md, Opening, backup, check): the first CORRUPT error the
 * connection has seen — SQLite's SQLITE_CORRUPT or SQLITE_NOTADB on any statement, or one the
 * store marks itself (a failed integrity check, an unreadable row) — is kept; from then on the store
 * refuses to write. NULL while none was seen. */
void             furrow_database_mark_damaged     (FurrowDatabase       *self,
                                                   const GError         *damage);
/* A FURROW_STORE_ERROR_CORRUPT error with the message `format` (translated) marks the connection
 * damaged and goes to `error`: the one path by which SQLite's and PostgreSQL's damage and the
 * store's own findings are kept. Returns FALSE. */
gboolean         furrow_database_set_damaged      (FurrowDatabase       *self,
                                                   GError              **error,
                                                   const char           *format,
                                                   ...) G_GNUC_PRINTF (3, 4);
const GError    *furrow_database_get_damage       (FurrowDatabase       *self);
/* FALSE with "cannot write FILE: the folder is read-only; …" (or the file) when the file was
 * opened read-only for that reason (FURROW_DATABASE_MAY_READ_ONLY); TRUE otherwise. Every
 * write of the store asks first, so nothing is half done. */
gboolean         furrow_database_check_writable   (FurrowDatabase       *self,
                                                   GError              **error);
/* FALSE with the message above when `path` (when it exists) or its folder may not be written
 * by this process; TRUE when both may. */
gboolean         furrow_database_path_writable    (const char           *path,
                                                   GError              **error);

/* The FURROW_STORE_ERROR_* of a PostgreSQL SQLSTATE (the second mapping, docs/architecture.md,
 * The backend seam): 23505 → DUPLICATE, other 23xxx → CONSTRAINT, 40001 and 40P01 → CONFLICT,
 * 55P03 → BUSY, 53100 → FULL, 25006 → FILE_READ_ONLY, 42501 → PERMISSION, 08xxx and 57P0x →
 * CONNECTION,
 * XX001 and XX002 → CORRUPT, the rest (and NULL) → FAILED. */
int              furrow_database_error_from_sqlstate (const char        *sqlstate);

/* Sets error from the connection's last result code (see above) and returns FALSE. */
gboolean         furrow_database_set_error        (FurrowDatabase       *self,
                                                   GError              **error);
/* The same for a given SQLite result code (an extended code is fine); SQLite connections only. */
gboolean         furrow_database_set_error_code   (FurrowDatabase       *self,
                                                   int                   code,
                                                   GError              **error);

/* Statements. Positions of binds count from 1 (?1, ?2 …), columns from 0. A bind that fails
 * (a position out of range, out of memory) is remembered and reported by the next step. */
void             furrow_statement_bind_int64      (FurrowStatement      *self,
                                                   int                   position,
                                                   gint64                value);
void             furrow_statement_bind_double     (FurrowStatement      *self,
                                                   int                   position,
                                                   double                value);
void             furrow_statement_bind_boolean    (FurrowStatement      *self,
                                                   int                   position,
                                                   gboolean              value);
/* NULL binds SQL NULL. */
void             furrow_statement_bind_text       (FurrowStatement      *self,
                                                   int                   position,
                                                   const char           *text);
/* A row id; 0 or less binds SQL NULL (no reference). */
void             furrow_statement_bind_id         (FurrowStatement      *self,
                                                   int                   position,
                                                   gint64                id);
/* NULL binds SQL NULL. */
void             furrow_statement_bind_bytes      (FurrowStatement      *self,
                                                   int                   position,
                                                   GBytes               *bytes);

/* TRUE when a row is ready to read; FALSE when the statement is done (error left unset) or has
 * failed (error set):
 *
 *   while (furrow_statement_step (stmt, &local_error))
 *     …;
 *   if (local_error != NULL)
 *     … */
gboolean         furrow_statement_step            (FurrowStatement      *self,
                                                   GError              **error);
/* Steps to the end, ignoring rows: TRUE on success. */
gboolean         furrow_statement_run             (FurrowStatement      *self,
                                                   GError              **error);

gboolean         furrow_statement_is_null         (FurrowStatement      *self,
                                                   int                   column);
gint64           furrow_statement_get_int64       (FurrowStatement      *self,
                                                   int                   column);
double           furrow_statement_get_double      (FurrowStatement      *self,
                                                   int                   column);
gboolean         furrow_statement_get_boolean     (FurrowStatement      *self,
                                                   int                   column);
/* NULL for SQL NULL; valid until the next step or release. */
const char      *furrow_statement_get_text        (FurrowStatement      *self,
                                                   int                   column);
char            *furrow_statement_dup_text        (FurrowStatement      *self,
                                                   int                   column);
/* NULL for SQL NULL; valid until the next step or release. */
gconstpointer    furrow_statement_get_blob        (FurrowStatement      *self,
                                                   int                   column,
                                                   gsize                *size);

/* Deferred statements (docs/benchmarks.md, Where the server's time goes): an INSERT … RETURNING
 * id of a long batch (an import) run without waiting for its answer. On a server the rows bound
 * to the same INSERT are kept and sent as one INSERT of many rows at the next flush — after
 * 1,000 rows, furrow_database_flush(), or before any other statement on the connection, which
 * then reports the failure of a deferred one as its own; on a file it runs at once. func is
 * called once, in order, with the new row's id, or with the failure in *error, which it may
 * reword (naming its record); after a failure the rest of the batch is only destroyed (the
 * transaction failed with it). destroy frees user_data. The statement can be
 * released at once. FALSE with error when it was run at once and failed. */
typedef void (*FurrowStatementDoneFunc) (gint64    id,
                                         GError  **error,
                                         gpointer  user_data);
gboolean         furrow_statement_run_deferred    (FurrowStatement         *self,
                                                   FurrowStatementDoneFunc  func,
                                                   gpointer                 user_data,
                                                   GDestroyNotify           destroy,
                                                   GError                 **error);
/* Reads the answers of the deferred statements (above); FALSE with the first failure. */
gboolean         furrow_database_flush            (FurrowDatabase          *self,
                                                   GError                 **error);

/* Fewer round trips to a server (docs/benchmarks.md, Opening a store, round trips); on a file
 * they do nothing. furrow_database_prepare_ahead() prepares the statements of sqls that are not
 * prepared yet, all in one round trip, for the furrow_database_prepare() of each later on: a
 * statement that fails to prepare reports its failure there. furrow_database_start_all() runs
 * n prepared and bound queries (not stepped yet) in one round trip; each one's rows are then
 * read with furrow_statement_step() as usual. FALSE with the first failure. */
void             furrow_database_prepare_ahead    (FurrowDatabase          *self,
                                                   const char *const       *sqls,
                                                   guint                    n);
gboolean         furrow_database_start_all        (FurrowDatabase          *self,
                                                   FurrowStatement        **stmts,
                                                   guint                    n,
                                                   GError                 **error);

/* Resets the statement, clears its bindings and gives it back to the cache (or finalizes it
 * when it was prepared for one use). */
void             furrow_statement_release         (FurrowStatement      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowDatabase, furrow_database_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowStatement, furrow_statement_release)

G_END_DECLS
