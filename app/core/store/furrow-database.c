/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-database-private.h"
#include "furrow-database-testing.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <sqlite3.h>

#include "furrow-store.h"

/* The SQLite backend (docs/architecture.md, The backend seam): the generic FurrowDatabase and
 * FurrowStatement (furrow-database-private.h) first, then SQLite's handles. */
typedef struct
{
  FurrowDatabase  parent;
  sqlite3        *db;
} SqliteDatabase;

typedef struct
{
  FurrowStatement  parent;
  sqlite3_stmt    *stmt;
  int              bind_error;  /* SQLite code of the first failed bind, SQLITE_OK when none */
} SqliteStatement;

#define SQLITE_DB(self)   (((SqliteDatabase *) (self))->db)
#define SQLITE_STMT(self) (((SqliteStatement *) (self))->stmt)

static const FurrowDatabaseBackend sqlite_backend;

static void
statement_free (gpointer data)
{
  FurrowStatement *self = data;

  self->database->backend->finalize (self);
}

void
_furrow_database_init (FurrowDatabase              *self,
                       const FurrowDatabaseBackend *backend,
                       const char                  *path)
{
  self->backend = backend;
  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
}

gboolean
furrow_database_is_server_address (const char *path)
{
  return path != NULL &&
         (g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://"));
}

FurrowDatabaseDialect
furrow_database_get_dialect (FurrowDatabase *self)
{
  return self->backend->dialect;
}

FurrowDatabase *
furrow_database_open (const char           *path,
                      FurrowDatabaseFlags   flags,
                      GError              **error)
{
  FurrowDatabase *self;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (furrow_database_is_server_address (path))
    return _furrow_database_pg_open (path, error);

  if (flags & FURROW_DATABASE_READ_ONLY)
    open_flags = SQLITE_OPEN_READONLY;
  else if (flags & FURROW_DATABASE_CREATE)
    open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  else
    open_flags = SQLITE_OPEN_READWRITE;

  self = (FurrowDatabase *) g_new0 (SqliteDatabase, 1);
  _furrow_database_init (self, &sqlite_backend, path);
  if ((flags & FURROW_DATABASE_MAY_READ_ONLY) && g_file_test (path, G_FILE_TEST_EXISTS) &&
      !furrow_database_path_writable (path, &self->read_only))
    {
      /* A WAL file needs its -shm beside it to be read, which a read-only folder cannot hold:
       * without a -wal (nothing committed but not yet copied into the file, nobody writing)
       * the file alone is the whole project, read as immutable (SQLite, "URI filenames").
       * With one, SQLite reads it through an existing -shm. */
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = NULL;
      GStatBuf st;

      uri = g_strconcat ("file:", escaped,
                         g_stat (wal, &st) == 0 && st.st_size > 0 ? "?mode=ro" : "?immutable=1",
                         NULL);
      rc = sqlite3_open_v2 (uri, &SQLITE_DB (self), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &SQLITE_DB (self), open_flags, NULL);
  if (rc != SQLITE_OK && g_access (path, F_OK) == 0 && g_access (path, R_OK) != 0)
    {
      int saved = errno;

      /* SQLite says "unable to open database file" of a project the user may not read: say
       * why, as for a source file (issue 12, item 6). */
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("%s cannot be opened (%s): check that the file may be read and changed"),
                   path, g_strerror (saved));
      furrow_database_free (self);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("cannot open %s: %s"), path,
                   SQLITE_DB (self) ? sqlite3_errmsg (SQLITE_DB (self)) : sqlite3_errstr (rc));
      furrow_database_free (self);
      return NULL;
    }
  sqlite3_extended_result_codes (SQLITE_DB (self), 1);
  sqlite3_busy_timeout (SQLITE_DB (self), 5000);
  return self;
}

static void
sqlite_close (FurrowDatabase *self)
{
  if (SQLITE_DB (self) != NULL)
    sqlite3_close_v2 (SQLITE_DB (self));
}

void
furrow_database_free (FurrowDatabase *self)
{
  if (self == NULL)
    return;
  self->closing = TRUE;
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_error (&self->damage);
  g_clear_error (&self->read_only);
  self->backend->close (self);
  g_free (self->path);
  g_free (self);
}

const char *
furrow_database_get_path (FurrowDatabase *self)
{
  return self->path;
}

gboolean
furrow_database_set_error_code (FurrowDatabase  *self,
                                int              code,
                                GError         **error)
{
  const char *message;

  g_return_val_if_fail (self->backend == &sqlite_backend,
                        (g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                                              "not an SQLite connection"), FALSE));
  message = sqlite3_errmsg (SQLITE_DB (self));

  if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE)
    message = sqlite3_errstr (code);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_BUSY,
                   _("%s is in use by another program; try again when it is done"), self->path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      furrow_database_set_damaged (self, error,
                                   _("%s is damaged (%s): nothing was written to it; restore it "
                                     "from a backup or a restore point, or run “furrow-cli "
                                     "check” to see what is wrong"), self->path, message);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      if (furrow_database_check_writable (self, error) &&
          furrow_database_path_writable (self->path, error))
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FILE_READ_ONLY,
                     _("%s cannot be written (%s): check that the file and its folder may be "
                       "changed"), self->path, message);
      break;

    case SQLITE_CANTOPEN:
      {
        /* SQLite says "unable to open database file", and its last errno is often that of a
         * fallback attempt: ask the file system what stands in the way, a file that may not
         * be read or changed, or a folder where the journal (-wal, -shm) may not be made
         * (issue 12: this was "not an SQLite database"). */
        g_autofree char *dir = g_path_get_dirname (self->path);
        int saved = 0;

        if (g_access (self->path, R_OK) != 0 ||
            (g_access (self->path, F_OK) == 0 && g_access (self->path, W_OK) != 0))
          {
            saved = errno;
            g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FILE_READ_ONLY,
                         _("%s cannot be opened (%s): check that the file may be read and changed"),
                         self->path, g_strerror (saved));
          }
        else if (!furrow_database_path_writable (self->path, error))
          ;
        else
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                       _("%s cannot be opened (%s)"), self->path, message);
      }
      break;

    case SQLITE_FULL:
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FULL,
                   _("%s: the disk is full; nothing was written: free some space and try again"),
                   self->path);
      break;

    case SQLITE_IOERR:
      {
        /* A write that failed for want of room reaches SQLite as SQLITE_IOERR_WRITE unless it
         * was ENOSPC on a short write, and SQLite does not keep the errno
         * (sqlite3_system_errno() reads errno after other calls): ask the system why, as for
         * SQLITE_CANTOPEN, and say it rather than "disk I/O error" (issue 12, item 6); on a disk
         * with nothing left, opening fails first making the -shm (SQLITE_IOERR_SHMSIZE). A file
         * size limit (ulimit -f, RLIMIT_FSIZE: EFBIG) is how tests/io/test-import-bad.c fills
         * the "disk". */
        g_autofree char *dir = g_path_get_dirname (self->path);
        struct rlimit limit;
        struct statvfs fs;

        if (code == SQLITE_IOERR_WRITE && getrlimit (RLIMIT_FSIZE, &limit) == 0 &&
            limit.rlim_cur != RLIM_INFINITY)
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FULL,
                       _("%s: a file may not grow this large here (the file size limit, “ulimit -f”); nothing was written"),
                       self->path);
        else if (statvfs (dir, &fs) == 0 &&
                 (guint64) fs.f_bavail * fs.f_frsize < 1024 * 1024)
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FULL,
                       _("%s: the disk is full; nothing was written: free some space and try again"),
                       self->path);
        else
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                       _("%s: database error: %s"), self->path, message);
      }
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, FURROW_STORE_ERROR,
                   (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
                   ? FURROW_STORE_ERROR_DUPLICATE : FURROW_STORE_ERROR_CONSTRAINT,
                   _("%s: database error: %s"), self->path, message);
      break;

    default:
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("%s: database error: %s"), self->path, message);
      break;
    }
  return FALSE;
}

void
furrow_database_mark_damaged (FurrowDatabase *self,
                              const GError   *damage)
{
  g_return_if_fail (damage != NULL);

  if (self->damage == NULL)
    self->damage = g_error_copy (damage);
}

gboolean
furrow_database_set_damaged (FurrowDatabase  *self,
                             GError         **error,
                             const char      *format,
                             ...)
{
  g_autoptr(GError) damage = NULL;
  va_list args;

  va_start (args, format);
  damage = g_error_new_valist (FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT, format, args);
  va_end (args);
  furrow_database_mark_damaged (self, damage);
  g_propagate_error (error, g_steal_pointer (&damage));
  return FALSE;
}

const GError *
furrow_database_get_damage (FurrowDatabase *self)
{
  return self->damage;
}

gboolean
furrow_database_path_writable (const char  *path,
                               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* access() asks with this process's rights, as the open will be: a mode, another owner, an
   * immutable attribute, a read-only mount. */
  if (g_access (path, F_OK) == 0 && g_access (path, W_OK) != 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FILE_READ_ONLY,
                   _("cannot write %s: the file is read-only; allow changes to it or copy it "
                     "to a folder you may change"), path);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FILE_READ_ONLY,
                   _("cannot write %s: the folder is read-only (a project keeps its journal "
                     "files -wal and -shm beside it); copy the project to a folder you may "
                     "change"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_database_check_writable (FurrowDatabase  *self,
                                GError         **error)
{
  if (self->read_only == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (self->read_only));
  return FALSE;
}

gboolean
furrow_database_set_error (FurrowDatabase  *self,
                           GError         **error)
{
  return self->backend->set_error (self, error);
}

static gboolean
sqlite_set_error (FurrowDatabase  *self,
                  GError         **error)
{
  return furrow_database_set_error_code (self, sqlite3_extended_errcode (SQLITE_DB (self)), error);
}

const char *
furrow_database_get_last_message (FurrowDatabase *self)
{
  return self->backend->get_last_message (self);
}

static const char *
sqlite_get_last_message (FurrowDatabase *self)
{
  return sqlite3_errmsg (SQLITE_DB (self));
}

gboolean
furrow_database_last_was_not_a_database (FurrowDatabase *self)
{
  /* A server is never "not a database": PostgreSQL reports a damaged page as XX001. */
  return self->backend == &sqlite_backend &&
         (sqlite3_errcode (SQLITE_DB (self)) & 0xff) == SQLITE_NOTADB;
}

FurrowDatabaseConstraint
furrow_database_get_constraint (FurrowDatabase *self)
{
  return self->backend->get_constraint (self);
}

static FurrowDatabaseConstraint
sqlite_get_constraint (FurrowDatabase *self)
{
  int code = sqlite3_extended_errcode (SQLITE_DB (self));

  if ((code & 0xff) != SQLITE_CONSTRAINT)
    return FURROW_DATABASE_CONSTRAINT_NONE;
  switch (code)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return FURROW_DATABASE_CONSTRAINT_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return FURROW_DATABASE_CONSTRAINT_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return FURROW_DATABASE_CONSTRAINT_CHECK;
    default:
      return FURROW_DATABASE_CONSTRAINT_OTHER;
    }
}

static FurrowStatement *
sqlite_prepare (FurrowDatabase  *self,
                const char      *sql,
                gboolean         cached,
                GError         **error)
{
  SqliteStatement *statement;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (SQLITE_DB (self), sql, -1, cached ? SQLITE_PREPARE_PERSISTENT : 0,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      furrow_database_set_error_code (self, rc, error);
      return NULL;
    }
  statement = g_new0 (SqliteStatement, 1);
  statement->stmt = stmt;
  return (FurrowStatement *) statement;
}

static void
sqlite_finalize (FurrowStatement *self)
{
  sqlite3_finalize (SQLITE_STMT (self));
  g_free (self);
}

static FurrowStatement *
statement_new (FurrowDatabase  *self,
               const char      *sql,
               gboolean         cached,
               GError         **error)
{
  FurrowStatement *statement = self->backend->prepare (self, sql, cached, error);

  if (statement == NULL)
    return NULL;
  statement->database = self;
  statement->sql = sql;
  statement->cached = cached;
  return statement;
}

FurrowStatement *
furrow_database_prepare (FurrowDatabase  *self,
                         const char      *sql,
                         GError         **error)
{
  FurrowStatement *statement = NULL;
  char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  /* Keyed by the text, copied: sql may be a buffer the caller writes again. */
  if (g_hash_table_lookup_extended (self->statements, sql, (gpointer *) &key,
                                    (gpointer *) &statement) && statement->in_use)
    statement = statement_new (self, key, FALSE, error);
  else if (statement == NULL)
    {
      key = g_strdup (sql);
      statement = statement_new (self, key, TRUE, error);
      if (statement != NULL)
        g_hash_table_insert (self->statements, key, statement);
      else
        g_free (key);
    }
  if (statement != NULL)
    statement->in_use = TRUE;
  return statement;
}

void
furrow_database_prepare_ahead (FurrowDatabase    *self,
                               const char *const *sqls,
                               guint              n)
{
  g_autoptr(GPtrArray) missing = NULL;

  g_return_if_fail (self != NULL);

  if (self->backend->prepare_ahead == NULL)
    return;
  missing = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (self->statements, sqls[i]))
      g_ptr_array_add (missing, (gpointer) sqls[i]);
  if (missing->len > 0)
    self->backend->prepare_ahead (self, (const char * const *) missing->pdata, missing->len);
}

gboolean
furrow_database_start_all (FurrowDatabase   *self,
                           FurrowStatement **stmts,
                           guint             n,
                           GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->backend->start_all == NULL || n < 2 ||
         self->backend->start_all (self, stmts, n, error);
}

gboolean
furrow_database_exec (FurrowDatabase  *self,
                      const char      *sql,
                      GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->backend->exec (self, sql, error);
}

static gboolean
sqlite_exec (FurrowDatabase  *self,
             const char      *sql,
             GError         **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (SQLITE_DB (self), sql, NULL, NULL, &message);
  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return furrow_database_set_error (self, error);
  return TRUE;
}

/* The PostgreSQL backend's SQL (furrow-database-pg.c): sql with ?N turned into $N (and a bare
 * ? into the next number), outside quoted text, quoted names and comments; *n_params the
 * highest N. */
char *
_furrow_database_pg_convert (const char *sql,
                             int        *n_params)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (sql) + 8);
  int next = 0;
  int highest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p++);
          while (*p != '\0' && *p != quote)
            g_string_append_c (out, *p++);
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          if (g_ascii_isdigit (p[1]))
            {
              highest = MAX (highest, atoi (p + 1));
              g_string_append_c (out, '$');
              while (g_ascii_isdigit (p[1]))
                g_string_append_c (out, *++p);
            }
          else
            {
              g_string_append_printf (out, "$%d", ++next);
              highest = MAX (highest, next);
            }
        }
      else
        g_string_append_c (out, *p);
    }
  if (n_params != NULL)
    *n_params = highest;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
furrow_database_pg_parameters (const char *sql)
{
  return _furrow_database_pg_convert (sql, NULL);
}

gboolean
furrow_database_query_int (FurrowDatabase  *self,
                           const char      *sql,
                           gint64          *value,
                           GError         **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (self, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  if (furrow_statement_step (stmt, &local_error))
    {
      if (value != NULL)
        *value = furrow_statement_get_int64 (stmt, 0);
      return furrow_statement_run (stmt, error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gint64
furrow_database_last_insert_id (FurrowDatabase *self)
{
  return self->backend->last_insert_id (self);
}

static gint64
sqlite_last_insert_id (FurrowDatabase *self)
{
  return sqlite3_last_insert_rowid (SQLITE_DB (self));
}

GSource *
furrow_database_listen (FurrowDatabase           *self,
                        const char               *channel,
                        FurrowDatabaseNotifyFunc  func,
                        gpointer                  user_data,
                        GError                  **error)
{
  GSource *source;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (channel != NULL && func != NULL, NULL);

  if (self->backend->listen == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   "%s: a file sends no notifications", self->path);
      return NULL;
    }
  source = self->backend->listen (self, channel, error);
  if (source != NULL)
    g_source_set_callback (source, (GSourceFunc) (void (*) (void)) func, user_data, NULL);
  return source;
}

void
furrow_database_set_lost_func (FurrowDatabase         *self,
                               FurrowDatabaseLostFunc  func,
                               gpointer                user_data)
{
  g_return_if_fail (self != NULL);

  self->lost_func = func;
  self->lost_data = user_data;
}

void
_furrow_database_lost (FurrowDatabase *self)
{
  if (self->lost)
    return;
  self->lost = TRUE;
  if (self->lost_func != NULL)
    self->lost_func (self->lost_data);
}

GSource *
furrow_database_reconnect (FurrowDatabase              *self,
                           FurrowDatabaseReconnectFunc  func,
                           gpointer                     user_data)
{
  GSource *source;

  g_return_val_if_fail (self != NULL && func != NULL, NULL);

  if (self->backend->reconnect == NULL)
    return NULL;
  source = self->backend->reconnect (self);
  g_source_set_callback (source, (GSourceFunc) (void (*) (void)) func, user_data, NULL);
  return source;
}

gint64
furrow_database_changes (FurrowDatabase *self)
{
  return self->backend->changes (self);
}

static gint64
sqlite_changes (FurrowDatabase *self)
{
  return sqlite3_changes64 (SQLITE_DB (self));
}

gboolean
furrow_database_in_transaction (FurrowDatabase *self)
{
  return self->backend->in_transaction (self);
}

static gboolean
sqlite_in_transaction (FurrowDatabase *self)
{
  return !sqlite3_get_autocommit (SQLITE_DB (self));
}

char *
furrow_database_encrypt_password (FurrowDatabase  *self,
                                  const char      *user,
                                  const char      *password,
                                  GError         **error)
{
  g_return_val_if_fail (self != NULL && user != NULL && password != NULL, NULL);

  if (self->backend->encrypt_password == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s is a file: only a server has users"), self->path);
      return NULL;
    }
  return self->backend->encrypt_password (self, user, password, error);
}

gboolean
furrow_database_backup (FurrowDatabase  *self,
                        FurrowDatabase  *dest,
                        GError         **error)
{
  if (self->backend != dest->backend)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("%s cannot be copied to %s: they are not the same kind of database"),
                   self->path, dest->path);
      return FALSE;
    }
  return self->backend->backup (self, dest, error);
}

static gboolean
sqlite_backup (FurrowDatabase  *self,
               FurrowDatabase  *dest,
               GError         **error)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (SQLITE_DB (dest), "main", SQLITE_DB (self), "main");
  if (backup == NULL)
    return furrow_database_set_error (dest, error);
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return furrow_database_set_error_code (dest, rc, error);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Statements                                                                                 */

/* The generic statement API: NULL binds and empty blobs decided once here, the rest passed to
 * the backend. */

void
furrow_statement_bind_int64 (FurrowStatement *self,
                             int              position,
                             gint64           value)
{
  self->database->backend->bind_int64 (self, position, value);
}

void
furrow_statement_bind_double (FurrowStatement *self,
                              int              position,
                              double           value)
{
  self->database->backend->bind_double (self, position, value);
}

void
furrow_statement_bind_boolean (FurrowStatement *self,
                               int              position,
                               gboolean         value)
{
  self->database->backend->bind_int64 (self, position, value ? 1 : 0);
}

void
furrow_statement_bind_null (FurrowStatement *self,
                            int              position)
{
  self->database->backend->bind_null (self, position);
}

void
furrow_statement_bind_text (FurrowStatement *self,
                            int              position,
                            const char      *text)
{
  if (text == NULL)
    furrow_statement_bind_null (self, position);
  else
    self->database->backend->bind_text (self, position, text);
}

void
furrow_statement_bind_id (FurrowStatement *self,
                          int              position,
                          gint64           id)
{
  if (id > 0)
    furrow_statement_bind_int64 (self, position, id);
  else
    furrow_statement_bind_null (self, position);
}

void
furrow_statement_bind_blob (FurrowStatement *self,
                            int              position,
                            gconstpointer    data,
                            gsize            size)
{
  if (data == NULL)
    furrow_statement_bind_null (self, position);
  else
    self->database->backend->bind_blob (self, position, data, size);
}

void
furrow_statement_bind_bytes (FurrowStatement *self,
                             int              position,
                             GBytes          *bytes)
{
  gconstpointer data;
  gsize size;

  if (bytes == NULL)
    {
      furrow_statement_bind_null (self, position);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  /* An empty GBytes has no data pointer: bind an empty blob, not NULL. */
  self->database->backend->bind_blob (self, position, data ? data : "", size);
}

gboolean
furrow_statement_step (FurrowStatement  *self,
                       GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->database->backend->step (self, error);
}

gboolean
furrow_statement_run (FurrowStatement  *self,
                      GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  while (furrow_statement_step (self, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_statement_run_deferred (FurrowStatement          *self,
                               FurrowStatementDoneFunc   func,
                               gpointer                  user_data,
                               GDestroyNotify            destroy,
                               GError                  **error)
{
  const FurrowDatabaseBackend *backend = self->database->backend;
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;

  if (backend->run_deferred != NULL && backend->run_deferred (self, func, user_data, destroy))
    return TRUE;
  /* A failure of the statements deferred before is theirs, not this one's. */
  if (!furrow_database_flush (self->database, error))
    {
      if (destroy != NULL)
        destroy (user_data);
      return FALSE;
    }
  if (furrow_statement_step (self, &local_error))
    id = furrow_statement_get_int64 (self, 0);
  if (local_error == NULL)
    furrow_statement_run (self, &local_error);
  func (id, &local_error, user_data);
  if (destroy != NULL)
    destroy (user_data);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_database_flush (FurrowDatabase  *self,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->backend->flush == NULL || self->backend->flush (self, error);
}

gboolean
furrow_statement_is_null (FurrowStatement *self,
                          int              column)
{
  return self->database->backend->is_null (self, column);
}

gint64
furrow_statement_get_int64 (FurrowStatement *self,
                            int              column)
{
  return self->database->backend->get_int64 (self, column);
}

double
furrow_statement_get_double (FurrowStatement *self,
                             int              column)
{
  return self->database->backend->get_double (self, column);
}

gboolean
furrow_statement_get_boolean (FurrowStatement *self,
                              int              column)
{
  return furrow_statement_get_int64 (self, column) != 0;
}

const char *
furrow_statement_get_text (FurrowStatement *self,
                           int              column)
{
  return self->database->backend->get_text (self, column);
}

char *
furrow_statement_dup_text (FurrowStatement *self,
                           int              column)
{
  return g_strdup (furrow_statement_get_text (self, column));
}

gconstpointer
furrow_statement_get_blob (FurrowStatement *self,
                           int              column,
                           gsize           *size)
{
  gsize dummy;

  return self->database->backend->get_blob (self, column, size != NULL ? size : &dummy);
}

GBytes *
furrow_statement_dup_bytes (FurrowStatement *self,
                            int              column)
{
  gsize size;
  gconstpointer data;

  if (furrow_statement_is_null (self, column))
    return NULL;
  data = furrow_statement_get_blob (self, column, &size);
  return g_bytes_new (data, size);
}

int
furrow_statement_get_column_count (FurrowStatement *self)
{
  return self->database->backend->column_count (self);
}

const char *
furrow_statement_get_column_name (FurrowStatement *self,
                                  int              column)
{
  return self->database->backend->column_name (self, column);
}

void
furrow_statement_release (FurrowStatement *self)
{
  if (self == NULL)
    return;
  if (!self->cached)
    {
      statement_free (self);
      return;
    }
  self->database->backend->reset (self);
  self->in_use = FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* SQLite's statements                                                                        */

static void
check_bind (FurrowStatement *self,
            int              rc)
{
  SqliteStatement *statement = (SqliteStatement *) self;

  if (rc != SQLITE_OK && statement->bind_error == SQLITE_OK)
    statement->bind_error = rc;
}

static void
sqlite_bind_int64 (FurrowStatement *self,
                   int              position,
                   gint64           value)
{
  check_bind (self, sqlite3_bind_int64 (SQLITE_STMT (self), position, value));
}

static void
sqlite_bind_double (FurrowStatement *self,
                    int              position,
                    double           value)
{
  check_bind (self, sqlite3_bind_double (SQLITE_STMT (self), position, value));
}

static void
sqlite_bind_text (FurrowStatement *self,
                  int              position,
                  const char      *text)
{
  check_bind (self, sqlite3_bind_text (SQLITE_STMT (self), position, text, -1, SQLITE_TRANSIENT));
}

static void
sqlite_bind_blob (FurrowStatement *self,
                  int              position,
                  gconstpointer    data,
                  gsize            size)
{
  check_bind (self, sqlite3_bind_blob64 (SQLITE_STMT (self), position, data, size,
                                         SQLITE_TRANSIENT));
}

static void
sqlite_bind_null (FurrowStatement *self,
                  int              position)
{
  check_bind (self, sqlite3_bind_null (SQLITE_STMT (self), position));
}

static gboolean
sqlite_step (FurrowStatement  *self,
             GError          **error)
{
  SqliteStatement *statement = (SqliteStatement *) self;
  int rc;

  if (statement->bind_error != SQLITE_OK)
    return furrow_database_set_error_code (self->database, statement->bind_error, error);
  rc = sqlite3_step (statement->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return FALSE;
  return furrow_database_set_error_code (self->database, rc, error);
}

static void
sqlite_reset (FurrowStatement *self)
{
  sqlite3_reset (SQLITE_STMT (self));
  sqlite3_clear_bindings (SQLITE_STMT (self));
  ((SqliteStatement *) self)->bind_error = SQLITE_OK;
}

static gboolean
sqlite_is_null (FurrowStatement *self,
                int              column)
{
  return sqlite3_column_type (SQLITE_STMT (self), column) == SQLITE_NULL;
}

static gint64
sqlite_get_int64 (FurrowStatement *self,
                  int              column)
{
  return sqlite3_column_int64 (SQLITE_STMT (self), column);
}

static double
sqlite_get_double (FurrowStatement *self,
                   int              column)
{
  return sqlite3_column_double (SQLITE_STMT (self), column);
}

static const char *
sqlite_get_text (FurrowStatement *self,
                 int              column)
{
  return (const char *) sqlite3_column_text (SQLITE_STMT (self), column);
}

static gconstpointer
sqlite_get_blob (FurrowStatement *self,
                 int              column,
                 gsize           *size)
{
  gconstpointer data = sqlite3_column_blob (SQLITE_STMT (self), column);

  *size = (gsize) sqlite3_column_bytes (SQLITE_STMT (self), column);
  return data;
}

static int
sqlite_column_count (FurrowStatement *self)
{
  return sqlite3_column_count (SQLITE_STMT (self));
}

static const char *
sqlite_column_name (FurrowStatement *self,
                    int              column)
{
  return sqlite3_column_name (SQLITE_STMT (self), column);
}

/* Every function of the backend is named sqlite_<member> (furrow-database-private.h). */
static const FurrowDatabaseBackend sqlite_backend = {
  .dialect = FURROW_DATABASE_SQLITE,
  FURROW_DATABASE_BACKEND_FUNCTIONS (sqlite),
};
