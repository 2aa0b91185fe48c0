/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowStore: the object and its signals, project files (create, open, migrate, backup), the
 * cooperative, a custody centre's server. Its checks (damage, quick and full check, output
 * paths) are in furrow-store-check.c, its transactions in furrow-store-transaction.c, the audit
 * log in furrow-store-audit.c, fields, households and parcels in furrow-store-records.c through the
 * record-kind table of furrow-store-kinds.c (docs/architecture.md, The store). */

#include "config.h"

#include "furrow-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "furrow-database.h"
#include "furrow-store-migrate.h"
#include "furrow-store-private.h"
#include "furrow-store-restore.h"
#include "furrow-store-season-private.h"
#include "furrow-store-testing.h"

G_DEFINE_FINAL_TYPE (FurrowStore, furrow_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SEASON_CHANGED,
  SIGNAL_SETTLEMENT_CHANGED,
  SIGNAL_YIELD_PRESETS_CHANGED,
  SIGNAL_CONFLICT,
  SIGNAL_ROLE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
/* field-changed, household-changed, parcel-changed: one per record kind (furrow-store-kinds.c). */
static guint record_signals[FURROW_N_KINDS];

G_DEFINE_QUARK (furrow-store-error-quark, furrow_store_error)

G_DEFINE_FLAGS_TYPE (FurrowRecordChange, furrow_record_change,
                     G_DEFINE_ENUM_VALUE (FURROW_RECORD_ADDED, "added"),
                     G_DEFINE_ENUM_VALUE (FURROW_RECORD_UPDATED, "updated"),
                     G_DEFINE_ENUM_VALUE (FURROW_RECORD_REMOVED, "removed"))

G_DEFINE_FLAGS_TYPE (FurrowSeasonChange, furrow_season_change,
                     G_DEFINE_ENUM_VALUE (FURROW_SEASON_CHANGE_ADDED, "added"),
                     G_DEFINE_ENUM_VALUE (FURROW_SEASON_CHANGE_REMOVED, "removed"),
                     G_DEFINE_ENUM_VALUE (FURROW_SEASON_CHANGE_RULES, "rules"),
                     G_DEFINE_ENUM_VALUE (FURROW_SEASON_CHANGE_PLANS, "plans"),
                     G_DEFINE_ENUM_VALUE (FURROW_SEASON_CHANGE_HARVESTS, "harvests"),
                     G_DEFINE_ENUM_VALUE (FURROW_SEASON_CHANGE_OPERATIONS, "operations"),
                     G_DEFINE_ENUM_VALUE (FURROW_SEASON_CHANGE_STATE, "state"))

/* ------------------------------------------------------------------------------------------ */
/* For the other furrow-store*.c files (furrow-store-private.h)                               */

gboolean
_furrow_store_step_row (FurrowStore      *self,
                        FurrowStatement  *stmt,
                        const char       *what,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (furrow_statement_step (stmt, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
                 _("%s is damaged (%s is missing): restore it from a backup"), self->path, what);
  return FALSE;
}

gboolean
_furrow_store_step_found (FurrowStatement  *stmt,
                          gboolean         *found,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  *found = furrow_statement_step (stmt, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

#define COOPERATIVE_SQL "SELECT name, village_code FROM cooperative WHERE id = 1"

/* On a server, the statements that opening a cooperative and loading its models run, prepared
 * with one round trip (docs/benchmarks.md, Opening a store, round trips). */
static void
prepare_load_ahead (FurrowStore *self)
{
  const char *sqls[2 + FURROW_N_KINDS + FURROW_N_RULE_TABLES] = { COOPERATIVE_SQL, NULL };
  guint n = 1;

  for (guint kind = 0; kind < FURROW_N_KINDS; kind++)
    sqls[n++] = _furrow_store_kind_sql (kind, FURROW_KIND_SQL_SELECT_ALL);
  sqls[n++] = _furrow_season_list_sql ();
  for (guint table = 0; table < FURROW_N_RULE_TABLES; table++)
    sqls[n++] = _furrow_season_rule_sql (table, FURROW_RULE_SELECT);
  furrow_database_prepare_ahead (self->database, sqls, n);
}

gboolean
_furrow_store_load_cooperative (FurrowStore  *self,
                                GError      **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (self->database, COOPERATIVE_SQL,
                                                             error);

  if (stmt == NULL)
    return FALSE;
  if (!_furrow_store_step_row (self, stmt, "cooperative", error))
    return FALSE;
  g_free (self->cooperative_name);
  g_free (self->village_code);
  self->cooperative_name = g_strdup (furrow_statement_get_text (stmt, 0));
  self->village_code = g_strdup (furrow_statement_get_text (stmt, 1));
  return TRUE;
}

FurrowDatabase *
_furrow_store_get_database (FurrowStore *self)
{
  return self->database;
}

/* The cooperative. */

const char *
furrow_store_get_cooperative_name (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return self->cooperative_name ? self->cooperative_name : "";
}

const char *
furrow_store_get_village_code (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return self->village_code ? self->village_code : "";
}

static gboolean
set_cooperative (FurrowStore  *self,
                 const char   *name,
                 const char   *village_code,
                 const char   *contact,
                 GError      **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                   "UPDATE cooperative SET name = ?1, village_code = ?2, contact = ?3"
                   " WHERE id = 1",
                   error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, name ? name : "");
  furrow_statement_bind_text (stmt, 2, village_code ? village_code : "");
  furrow_statement_bind_text (stmt, 3, contact ? contact : "");
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  return _furrow_store_audit (self, "update", "cooperative", NULL, error);
}

gboolean
furrow_store_set_cooperative (FurrowStore  *self,
                              const char   *name,
                              const char   *village_code,
                              const char   *contact,
                              GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (!_furrow_store_op_begin (self, error) ||
      !_furrow_store_op_end (self, set_cooperative (self, name, village_code, contact, error),
                             error))
    return FALSE;
  g_free (self->cooperative_name);
  g_free (self->village_code);
  self->cooperative_name = g_strdup (name ? name : "");
  self->village_code = g_strdup (village_code ? village_code : "");
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                      */

static void
furrow_store_finalize (GObject *object)
{
  FurrowStore *self = (FurrowStore *) object;

  /* Nothing is followed or announced any more. */
  g_array_set_size (self->stale, 0);
  g_array_set_size (self->stale_seasons, 0);
  g_ptr_array_set_size (self->later, 0);
  if (self->in_batch)
    furrow_store_rollback (self);
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    g_clear_object (&self->models[kind]);
  _furrow_store_stop_reconnecting (self);
  if (self->listener != NULL)
    g_source_destroy (self->listener);
  g_clear_pointer (&self->listener, g_source_unref);
  g_clear_pointer (&self->stale, g_array_unref);
  g_clear_pointer (&self->stale_seasons, g_array_unref);
  g_clear_pointer (&self->import_households, g_hash_table_unref);
  g_clear_pointer (&self->later, g_ptr_array_unref);
  g_clear_pointer (&self->schema, g_free);
  g_clear_pointer (&self->conflict, g_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->touched_fields, g_hash_table_unref);
  if (self->shares_database)
    self->database = NULL;
  g_clear_pointer (&self->database, furrow_database_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->import_source, g_free);
  g_clear_pointer (&self->cooperative_name, g_free);
  g_clear_pointer (&self->village_code, g_free);

  G_OBJECT_CLASS (furrow_store_parent_class)->finalize (object);
}

static void
furrow_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FurrowStore *self = FURROW_STORE (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, furrow_store_get_connected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_store_class_init (FurrowStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_store_finalize;
  object_class->get_property = furrow_store_get_property;

  /**
   * FurrowStore:connected:
   *
   * FALSE while a listening server store has lost its connection and is connecting again
   * (furrow_store_listen()); always TRUE for a file.
   */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* furrow-store.h describes when each signal is emitted. */
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    record_signals[kind] =
      g_signal_new (_furrow_store_kind (kind)->signal, G_TYPE_FROM_CLASS (klass),
                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                    _furrow_store_kind (kind)->get_type (), FURROW_TYPE_RECORD_CHANGE);
  signals[SIGNAL_SEASON_CHANGED] =
    g_signal_new ("season-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, FURROW_TYPE_SEASON, FURROW_TYPE_SEASON_CHANGE);
  signals[SIGNAL_SETTLEMENT_CHANGED] =
    g_signal_new ("settlement-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, FURROW_TYPE_SEASON);

  /**
   * FurrowStore::yield-presets-changed:
   *
   * A yield preset was saved or deleted through this store (furrow-store-yield.h).
   */
  signals[SIGNAL_YIELD_PRESETS_CHANGED] =
    g_signal_new ("yield-presets-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ROLE_CHANGED] =
    g_signal_new ("role-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_furrow_store_emit_role_changed (FurrowStore *self)
{
  g_signal_emit (self, signals[SIGNAL_ROLE_CHANGED], 0);
}

void
_furrow_store_emit_conflict (FurrowStore *self,
                             const char  *message)
{
  g_signal_emit (self, signals[SIGNAL_CONFLICT], 0, message);
}

void
_furrow_store_emit_yield_presets_changed (FurrowStore *self)
{
  g_signal_emit (self, signals[SIGNAL_YIELD_PRESETS_CHANGED], 0);
}

void
_furrow_store_emit_record_changed (FurrowStore        *self,
                                   FurrowKind          kind,
                                   GObject            *object,
                                   FurrowRecordChange  change)
{
  g_return_if_fail (kind < FURROW_N_KINDS);

  g_signal_emit (self, record_signals[kind], 0, object, change);
}

void
_furrow_store_emit_season_changed (FurrowStore        *self,
                                   FurrowSeason       *season,
                                   FurrowSeasonChange  what)
{
  g_signal_emit (self, signals[SIGNAL_SEASON_CHANGED], 0, season, what);
}

void
_furrow_store_emit_settlement_changed (FurrowStore  *self,
                                       FurrowSeason *season)
{
  g_signal_emit (self, signals[SIGNAL_SETTLEMENT_CHANGED], 0, season);
}

static void
furrow_store_init (FurrowStore *self)
{
  _furrow_store_init_pending (self);
  self->actor = g_strdup (g_get_user_name ());
}

const char *
furrow_store_get_path (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return self->path;
}

int
furrow_store_get_schema_version (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), 0);

  return self->schema_version;
}

/* A new empty file, mode 0600 from the first byte on; EXISTS when something is at path. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int saved_errno;

  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == EEXIST)
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_EXISTS,
                     _("%s already exists; choose another file name"), path);
      else if ((saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS) &&
               !furrow_database_path_writable (path, error))
        ;  /* "cannot write P: the folder is read-only", as for an existing project */
      else
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                     _("cannot create %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fchmod (fd, 0600) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (path);
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("cannot create %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
  g_unlink (path);
}

static FurrowStore *
store_connect (const char           *path,
               FurrowDatabaseFlags   flags,
               GError              **error)
{
  g_autoptr(FurrowStore) self = g_object_new (FURROW_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->database = furrow_database_open (path, flags, error);
  if (self->database == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/* PRAGMA statements return one value (or none). */
static gboolean
store_pragma_int (FurrowStore  *self,
                  const char   *sql,
                  gint64       *value,
                  GError      **error)
{
  return furrow_database_query_int (self->database, sql, value, error);
}

static gboolean
store_configure (FurrowStore  *self,
                 GError      **error)
{
  /* A server's settings are the server's (its search_path is set at connect). */
  if (furrow_store_is_server (self))
    return TRUE;
  /* WAL with synchronous=NORMAL never corrupts the file (a power cut can lose only the last
   * commits); 32 MB of page cache keeps a large import from spilling to the WAL mid-batch.
   * A batch runs each change in a savepoint: its statement journal stays in memory
   * (temp_store), which on disk cost an import of 50,000 parcels 500,000 small writes. */
  return store_pragma_int (self, "PRAGMA foreign_keys = ON", NULL, error) &&
         store_pragma_int (self, "PRAGMA journal_mode = WAL", NULL, error) &&
         store_pragma_int (self, "PRAGMA synchronous = NORMAL", NULL, error) &&
         store_pragma_int (self, "PRAGMA temp_store = MEMORY", NULL, error) &&
         store_pragma_int (self, "PRAGMA cache_size = -32768", NULL, error);
}

static gboolean
read_schema_version (FurrowStore  *self,
                     int          *version,
                     GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local = NULL;
  gint64 application_id = 0, has_meta = 0;
  gboolean found;
  const char *text;
  gint64 value;
  char *end;

  if (!store_pragma_int (self, "PRAGMA application_id", &application_id, &local))
    {
      /* Only a file SQLite does not recognise is "not an SQLite database"; a project in a
       * folder that may not be written (its -wal and -shm cannot be made), an unreadable file
       * or a full disk say so (issue 12). */
      if (!g_error_matches (local, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT) ||
          !furrow_database_last_was_not_a_database (self->database))
        {
          /* A file SQLite recognises but cannot read (cut short, overwritten in the middle:
           * SQLITE_CORRUPT) is a damaged project, and the damage message says what to do
           * (issue 12, item 2). The file is not opened here to look at its header: closing
           * another descriptor of it would drop this process's locks on it (SQLite, "How To
           * Corrupt An SQLite Database File", 2.2). */
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT,
                   _("%s is not a Furrow project (not an SQLite database)"), self->path);
      return FALSE;
    }
  if (application_id != 0x47504B47)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT,
                   _("%s is not a Furrow project (not a GeoPackage)"), self->path);
      return FALSE;
    }
  if (!store_pragma_int (self,
                         "SELECT count(*) FROM sqlite_master"
                         " WHERE type = 'table' AND name = 'furrow_meta'",
                         &has_meta, error))
    return FALSE;
  if (has_meta == 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT,
                   _("%s is a GeoPackage but not a Furrow project"), self->path);
      return FALSE;
    }

  stmt = furrow_database_prepare (self->database,
                                  "SELECT value FROM furrow_meta WHERE key = 'schema_version'",
                                  error);
  if (stmt == NULL || !_furrow_store_step_found (stmt, &found, error))
    return FALSE;  /* a damaged file: CORRUPT, not "no version" */
  if (!found ||
      (text = furrow_statement_get_text (stmt, 0)) == NULL ||
      (value = g_ascii_strtoll (text, &end, 10)) < 1 || *end != '\0' || value > G_MAXINT)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT,
                   _("%s is not a Furrow project (no valid schema version)"), self->path);
      return FALSE;
    }
  *version = (int) value;
  return TRUE;
}

static gboolean
write_schema_version (FurrowStore  *self,
                      int           version,
                      GError      **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                   "INSERT INTO furrow_meta (key, value) VALUES ('schema_version', ?1)"
                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   error);
  g_autofree char *text = g_strdup_printf ("%d", version);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, text);
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  self->schema_version = version;
  return TRUE;
}

/* Runs migrations from+1 … to, each in a transaction of its own with the version update
 * (furrow-store-migrate.h). */
static gboolean
store_migrate (FurrowStore  *self,
               int           from,
               int           to,
               GError      **error)
{
  if (!furrow_store_migrate (self->database, from, to, error))
    return FALSE;
  if (to > from)
    self->schema_version = to;
  return TRUE;
}

FurrowStore *
_furrow_store_create_at_version (const char  *path,
                                 int          version,
                                 GError     **error)
{
  g_autoptr(FurrowStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= FURROW_STORE_SCHEMA_VERSION, NULL);

  if (!create_private_file (path, error))
    return NULL;
  self = store_connect (path, FURROW_DATABASE_READ_WRITE, error);
  if (self == NULL ||
      !store_configure (self, error) ||
      !store_migrate (self, 0, version, error) ||
      !_furrow_store_load_cooperative (self, error))
    {
      g_clear_object (&self);
      remove_database_files (path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

FurrowStore *
furrow_store_create (const char  *path,
                     GError     **error)
{
  return _furrow_store_create_at_version (path, FURROW_STORE_SCHEMA_VERSION, error);
}

/* Personal data is for the cooperative's own account (docs/architecture.md, Opening, backup,
 * check): a project and its journals that others may read (0644 after a copy, an unzip) are
 * made the owner's only once the file is known to be a project (the journals SQLite has opened
 * by then with the project's old mode included). A file of another owner is left alone: chmod
 * fails and the open goes on. */
static void
make_private (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (name, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 077) != 0)
        g_chmod (name, st.st_mode & 0700);
    }
}

FurrowStore *
furrow_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(FurrowStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  /* A project on a server: postgresql://…#CODE, the cooperative after the last '#'
   * (furrow_store_get_path() of a server store reads the same way). */
  if (furrow_database_is_server_address (path))
    {
      const char *hash = strrchr (path, '#');
      g_autofree char *uri = NULL;

      if (hash == NULL)
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                       _("%s: name the cooperative (--cooperative CODE, or #CODE after the "
                         "address)"), path);
          return NULL;
        }
      uri = g_strndup (path, hash - path);
      return furrow_store_open_server (uri, hash + 1, error);
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT,
                   _("%s is a folder, not a Furrow project"), path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("%s: no such file"), path);
      return NULL;
    }
  /* A named pipe made SQLite say "disk I/O error" (issue 12). */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT,
                   _("%s is a device, a pipe or a socket, not a Furrow project"), path);
      return NULL;
    }

  /* A project in a folder or file that may not be changed opens read-only: what reads it
   * works, and every change says why it cannot be made (issue 12). */
  self = store_connect (path, FURROW_DATABASE_READ_WRITE | FURROW_DATABASE_MAY_READ_ONLY, error);
  if (self == NULL || !read_schema_version (self, &version, error))
    return NULL;
  make_private (path);
  if (version > FURROW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TOO_NEW,
                   _("%s was saved by a newer version of Furrow (project schema %d; this version "
                     "reads up to %d): update Furrow to open it"),
                   path, version, FURROW_STORE_SCHEMA_VERSION);
      return NULL;
    }
  self->schema_version = version;
  if (!furrow_store_integrity_check (self, error) ||
      !store_configure (self, error))
    return NULL;
  /* A copy of the file as the older Furrow left it (docs/architecture.md, Restore points). */
  if (version < FURROW_STORE_SCHEMA_VERSION &&
      !furrow_store_take_restore_point (self, FURROW_RESTORE_REASON_MIGRATION, error))
    return NULL;
  if (!store_migrate (self, version, FURROW_STORE_SCHEMA_VERSION, error) ||
      !_furrow_store_load_cooperative (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
furrow_store_file_is_project (const char *path)
{
  g_autoptr(FurrowStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  self = store_connect (path, FURROW_DATABASE_READ_ONLY, NULL);
  return self != NULL && read_schema_version (self, &version, NULL);
}

gboolean
furrow_store_check_writable (FurrowStore  *self,
                             GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  return furrow_database_check_writable (self->database, error);
}

FurrowStore *
furrow_store_open_to_check (const char  *path,
                            GError     **error)
{
  g_autoptr(FurrowStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("%s: no such file"), path);
      return NULL;
    }
  self = store_connect (path, FURROW_DATABASE_READ_WRITE | FURROW_DATABASE_MAY_READ_ONLY, error);
  if (self == NULL)
    return NULL;
  /* A file cut short has a header that counts more pages than there are, which SQLite refuses
   * to read at all unless the schema is "writable": so the check can list what
   * integrity_check finds instead of repeating that the file is damaged. This connection
   * writes nothing (issue 12). */
  if (!furrow_store_is_server (self) &&
      !store_pragma_int (self, "PRAGMA writable_schema = ON", NULL, error))
    return NULL;
  if (!read_schema_version (self, &version, &local_error))
    {
      /* Damage that hides the version is what the check is for: it reports it. */
      if (!g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      version = 0;
    }
  /* A project, if a damaged one: made the owner's as every other command does. */
  if (!furrow_store_is_server (self))
    make_private (path);
  self->schema_version = version;
  return g_steal_pointer (&self);
}

gboolean
furrow_store_backup (FurrowStore  *self,
                     const char   *dest_path,
                     GError      **error)
{
  g_autoptr(FurrowDatabase) dest = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (self->in_batch)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION,
                   _("%s: commit or drop the open batch of changes before a backup"),
                   self->path);
      return FALSE;
    }
  if (!create_private_file (dest_path, error))
    return FALSE;

  dest = furrow_database_open (dest_path, FURROW_DATABASE_READ_WRITE, &local_error);
  if (dest == NULL || !furrow_database_backup (self->database, dest, &local_error))
    {
      g_set_error (error, FURROW_STORE_ERROR, local_error->code,
                   _("cannot back up %s to %s: %s"), self->path, dest_path,
                   local_error->message);
      g_clear_pointer (&dest, furrow_database_free);
      remove_database_files (dest_path);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Test helpers (furrow-store-private.h)                                                      */

gboolean
_furrow_store_set_schema_version (FurrowStore  *self,
                                  int           version,
                                  GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  return _furrow_store_op_end (self, write_schema_version (self, version, error), error);
}

void
_furrow_store_get_header (FurrowStore *self,
                          gint32      *application_id,
                          gint32      *user_version)
{
  gint64 value = 0;

  g_return_if_fail (FURROW_IS_STORE (self));

  store_pragma_int (self, "PRAGMA application_id", &value, NULL);
  *application_id = (gint32) value;
  value = 0;
  store_pragma_int (self, "PRAGMA user_version", &value, NULL);
  *user_version = (gint32) value;
}

/* ------------------------------------------------------------------------------------------ */
/* A custody centre's server (docs/architecture.md, The backend seam)                        */

gboolean
furrow_store_is_server_address (const char *path)
{
  return furrow_database_is_server_address (path);
}

gboolean
furrow_store_is_server (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  return furrow_database_get_dialect (self->database) == FURROW_DATABASE_POSTGRESQL;
}

/* The cooperative's code as stored (lowercase) and its schema, coop_<code>; FALSE with INVALID
 * for anything but 1 to 40 letters, digits and _. */
gboolean
_furrow_store_cooperative_schema (const char  *code,
                                  char       **lower,
                                  char       **schema,
                                  GError     **error)
{
  gsize n = code != NULL ? strlen (code) : 0;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (code[i]) && code[i] != '_')
      n = 0;
  if (n == 0 || n > 40)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("“%s” is not a cooperative code: use 1 to 40 letters, digits and _"),
                   code != NULL ? code : "");
      return FALSE;
    }
  *lower = g_ascii_strdown (code, -1);
  *schema = g_strconcat ("coop_", *lower, NULL);
  return TRUE;
}

FurrowDatabase *
_furrow_store_server_connect (const char  *uri,
                              GError     **error)
{
  if (!furrow_database_is_server_address (uri))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s is not a server address (postgresql://…)"), uri);
      return NULL;
    }
  return furrow_database_open (uri, FURROW_DATABASE_READ_WRITE, error);
}

gboolean
furrow_store_server_init (const char  *uri,
                          GError     **error)
{
  g_autoptr(FurrowDatabase) database = _furrow_store_server_connect (uri, error);
  g_autoptr(GBytes) sql = furrow_store_migrate_get_pg_server ();

  return database != NULL &&
         furrow_database_exec (database, g_bytes_get_data (sql, NULL), error);
}

/* The schema of cooperative `code`, or NULL (error unset) when the server does not hold it; a
 * database without Furrow's register is NOT_PROJECT. */
static char *
find_cooperative (FurrowDatabase  *database,
                  const char      *code,
                  GError         **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 registered = 0;

  if (!furrow_database_query_int (database,
                                  "SELECT count(*) FROM pg_tables WHERE schemaname = 'furrow'"
                                  " AND tablename = 'cooperatives'", &registered, error))
    return NULL;
  if (registered == 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_PROJECT,
                   _("%s holds no Furrow cooperatives: run “furrow-cli server init” on it "
                     "first"), furrow_database_get_path (database));
      return NULL;
    }
  stmt = furrow_database_prepare (database, "SELECT schema_name FROM furrow.cooperatives"
                                            " WHERE code = ?1", error);
  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_text (stmt, 1, code);
  if (furrow_statement_step (stmt, &local_error))
    return furrow_statement_dup_text (stmt, 0);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static gboolean
use_schema (FurrowDatabase  *database,
            const char      *schema,
            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SET search_path TO \"%s\", furrow, public", schema);

  return furrow_database_exec (database, sql, error);
}

gboolean
_furrow_store_server_resume (FurrowStore  *self,
                             GError      **error)
{
  return use_schema (self->database, self->schema, error);
}

char *
_furrow_store_server_channel (FurrowStore *self)
{
  return g_strconcat ("furrow_", self->schema, NULL);
}

/* A user without a role in the cooperative (docs/architecture.md, The backend seam, Roles)
 * would not even see its tables through search_path: PERMISSION, naming the user, rather than a
 * missing table. */
static gboolean
may_use_schema (FurrowDatabase  *database,
                const char      *code,
                const char      *schema,
                GError         **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (database, "SELECT has_schema_privilege (?1, 'USAGE'), current_user",
                             error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, schema);
  if (!furrow_statement_step (stmt, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (furrow_statement_get_int64 (stmt, 0) != 0)
    return TRUE;
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PERMISSION,
               _("%s: %s has no role in cooperative %s; ask the centre’s manager for one"),
               furrow_database_get_path (database), furrow_statement_get_text (stmt, 1), code);
  return FALSE;
}

static FurrowStore *
server_store (FurrowDatabase *database,
              const char     *code,
              const char     *schema)
{
  FurrowStore *self = g_object_new (FURROW_TYPE_STORE, NULL);

  self->database = database;
  self->schema = g_strdup (schema);
  self->path = g_strdup_printf ("%s#%s", furrow_database_get_path (database), code);
  return self;
}

/* A new cooperative inside one transaction that the caller commits or rolls back
 * (furrow-store-private.h): its schema, its register row, every step and its roles' grants, so
 * that a failure anywhere, or a client killed half-way, leaves nothing on the server. */
FurrowStore *
_furrow_store_begin_create_server (const char  *uri,
                                   const char  *cooperative,
                                   GError     **error)
{
  g_autoptr(FurrowDatabase) database = NULL;
  g_autoptr(FurrowStore) self = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *create = NULL;
  int version = furrow_store_migrate_get_pg_version ();

  if (!_furrow_store_cooperative_schema (cooperative, &code, &schema, error) ||
      (database = _furrow_store_server_connect (uri, error)) == NULL)
    return NULL;
  existing = find_cooperative (database, code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (existing != NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_EXISTS,
                   _("%s already holds cooperative %s"), furrow_database_get_path (database),
                   code);
      return NULL;
    }

  create = g_strdup_printf ("BEGIN; CREATE SCHEMA \"%s\"", schema);
  if (!furrow_database_exec (database, create, error))
    return NULL;
  stmt = furrow_database_prepare (database, "INSERT INTO furrow.cooperatives (code, schema_name)"
                                            " VALUES (?1, ?2)", error);
  if (stmt != NULL)
    {
      furrow_statement_bind_text (stmt, 1, code);
      furrow_statement_bind_text (stmt, 2, schema);
    }
  if (stmt == NULL || !furrow_statement_run (stmt, error) ||
      !use_schema (database, schema, error) ||
      !furrow_store_migrate_in_transaction (database, 0, version, error) ||
      !_furrow_store_grant_cooperative (database, code, error))
    {
      furrow_database_exec (database, "ROLLBACK", NULL);
      return NULL;
    }
  g_clear_pointer (&stmt, furrow_statement_release);
  self = server_store (g_steal_pointer (&database), code, schema);
  self->schema_version = version;
  return g_steal_pointer (&self);
}

FurrowStore *
furrow_store_create_server (const char  *uri,
                            const char  *cooperative,
                            GError     **error)
{
  g_autoptr(FurrowStore) self = _furrow_store_begin_create_server (uri, cooperative, error);

  if (self == NULL)
    return NULL;
  if (!_furrow_store_load_cooperative (self, error) ||
      !furrow_database_exec (self->database, "COMMIT", error))
    {
      furrow_database_exec (self->database, "ROLLBACK", NULL);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* The store of cooperative `cooperative` on `database`, an open connection to its server that
 * the store shares (it does not close it; furrow-store-private.h): its schema made the
 * connection's, migrated when behind. */
FurrowStore *
_furrow_store_open_shared (FurrowDatabase  *database,
                           const char      *cooperative,
                           GError         **error)
{
  g_autoptr(FurrowStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *found = NULL;
  gint64 version = 0;
  int target = furrow_store_migrate_get_pg_version ();

  if (!_furrow_store_cooperative_schema (cooperative, &code, &schema, error))
    return NULL;
  found = find_cooperative (database, code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (found == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("cooperative %s is not on %s"), code, furrow_database_get_path (database));
      return NULL;
    }
  if (!may_use_schema (database, code, found, error) || !use_schema (database, found, error))
    return NULL;
  self = server_store (database, code, found);
  self->shares_database = TRUE;
  if (!furrow_database_query_int (self->database, "SELECT CAST (value AS bigint) FROM furrow_meta"
                                                  " WHERE key = 'schema_version'",
                                  &version, error))
    return NULL;
  if (version > FURROW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TOO_NEW,
                   _("%s was saved by a newer version of Furrow (project schema %d; this version "
                     "reads up to %d): update Furrow to open it"),
                   self->path, (int) version, FURROW_STORE_SCHEMA_VERSION);
      return NULL;
    }
  self->schema_version = (int) version;
  /* A step that added tables gives the cooperative's roles their grants on them too. */
  if (!store_migrate (self, (int) version, MAX ((int) version, target), error) ||
      ((int) version < target &&
       !_furrow_store_grant_cooperative (self->database, code, error)))
    return NULL;
  prepare_load_ahead (self);
  if (!_furrow_store_load_cooperative (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

FurrowStore *
furrow_store_open_server (const char  *uri,
                          const char  *cooperative,
                          GError     **error)
{
  g_autoptr(FurrowDatabase) database = NULL;
  g_autofree char *code = NULL;
  g_autofree char *schema = NULL;
  FurrowStore *self;

  if (!_furrow_store_cooperative_schema (cooperative, &code, &schema, error) ||
      (database = _furrow_store_server_connect (uri, error)) == NULL ||
      (self = _furrow_store_open_shared (database, code, error)) == NULL)
    return NULL;
  /* The store's own connection from now on. */
  self->shares_database = FALSE;
  g_steal_pointer (&database);
  return self;
}

/* The codes of the cooperatives of database that its user may open (may_use_schema ()),
 * sorted. */
char **
_furrow_store_server_cooperatives (FurrowDatabase  *database,
                                   GError         **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autofree char *none = NULL;

  none = find_cooperative (database, "", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  stmt = furrow_database_prepare (database,
                                  "SELECT code FROM furrow.cooperatives c"
                                  " JOIN pg_namespace n ON n.nspname = c.schema_name"
                                  " WHERE has_schema_privilege (n.oid, 'USAGE')"
                                  " ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  while (furrow_statement_step (stmt, &local_error))
    g_strv_builder_add (codes, furrow_statement_get_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strv_builder_end (codes);
}

char **
furrow_store_server_list (const char  *uri,
                          GError     **error)
{
  g_autoptr(FurrowDatabase) database = _furrow_store_server_connect (uri, error);

  return database != NULL ? _furrow_store_server_cooperatives (database, error) : NULL;
}
