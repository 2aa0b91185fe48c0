/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Restore points: online backups of the project taken before the operations that change much
 * at once, listed, pruned and restored (docs/architecture.md, Restore points). */

#include "config.h"

#include "furrow-store-restore.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "furrow-database.h"
#include "furrow-store-migrate.h"
#include "furrow-store-private.h"
#include "furrow-store-restore-testing.h"

/* docs/architecture.md, Restore points: how many are kept. */
#define KEEP_NEWEST 20
#define KEEP_DAYS   30

#define GROUP "restore-point"

static const char *const reason_nicks[] = {
  [FURROW_RESTORE_REASON_IMPORT] = "import",
  [FURROW_RESTORE_REASON_SETTLE] = "settle",
  [FURROW_RESTORE_REASON_REOPEN] = "reopen",
  [FURROW_RESTORE_REASON_PLAN] = "plan",
  [FURROW_RESTORE_REASON_MIGRATION] = "migration",
  [FURROW_RESTORE_REASON_RESTORE] = "restore",
  [FURROW_RESTORE_REASON_UNKNOWN] = "unknown",
};

void
furrow_restore_point_free (FurrowRestorePoint *point)
{
  if (point == NULL)
    return;
  g_free (point->id);
  g_free (point->path);
  g_clear_pointer (&point->time, g_date_time_unref);
  g_free (point->project_path);
  g_free (point);
}

const char *
furrow_restore_reason_to_label (FurrowRestoreReason reason)
{
  switch (reason)
    {
    case FURROW_RESTORE_REASON_IMPORT:
      return _("Before an import");
    case FURROW_RESTORE_REASON_SETTLE:
      return _("Before settling a season");
    case FURROW_RESTORE_REASON_REOPEN:
      return _("Before reopening a season");
    case FURROW_RESTORE_REASON_PLAN:
      return _("Before applying a pattern to many fields");
    case FURROW_RESTORE_REASON_MIGRATION:
      return _("Before updating the project to this version of Furrow");
    case FURROW_RESTORE_REASON_RESTORE:
      return _("Before going back to a restore point");
    case FURROW_RESTORE_REASON_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static FurrowRestoreReason
reason_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_nicks); i++)
    if (g_strcmp0 (nick, reason_nicks[i]) == 0)
      return (FurrowRestoreReason) i;
  return FURROW_RESTORE_REASON_UNKNOWN;
}

/* The project's path made absolute and resolved, so that two names of one file share a folder. */
static char *
canonical_project_path (const char *project_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autofree char *absolute = g_file_get_path (file);
  char *real = realpath (absolute, NULL);
  char *result;

  if (real == NULL)
    return g_steal_pointer (&absolute);
  result = g_strdup (real);
  free (real);
  return result;
}

char *
furrow_restore_points_folder (const char *project_path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (project_path != NULL, NULL);

  /* Named after a hash of the path: no personal data (a village's name) in the folder name,
   * and the same project always finds its points. */
  canonical = canonical_project_path (project_path);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  name = g_strndup (hash, 16);
  return g_build_filename (g_get_user_data_dir (), "furrow", "restore-points", name, NULL);
}

static FurrowRestorePoint *
read_point (const char *folder,
            const char *ini_name)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *ini_path = g_build_filename (folder, ini_name, NULL);
  g_autofree char *time_text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(FurrowRestorePoint) point = g_new0 (FurrowRestorePoint, 1);
  g_autofree char *gpkg_name = NULL;
  GStatBuf st;

  if (!g_key_file_load_from_file (keys, ini_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  point->id = g_strndup (ini_name, strlen (ini_name) - strlen (".ini"));
  gpkg_name = g_strconcat (point->id, ".gpkg", NULL);
  point->path = g_build_filename (folder, gpkg_name, NULL);
  if (g_stat (point->path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  time_text = g_key_file_get_string (keys, GROUP, "time", NULL);
  point->time = time_text != NULL ? g_date_time_new_from_iso8601 (time_text, NULL) : NULL;
  if (point->time == NULL)
    return NULL;
  reason = g_key_file_get_string (keys, GROUP, "reason", NULL);
  point->reason = reason_from_nick (reason);
  point->project_path = g_key_file_get_string (keys, GROUP, "project", NULL);
  point->size = (guint64) st.st_size;
  return g_steal_pointer (&point);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const FurrowRestorePoint *pa = *(FurrowRestorePoint * const *) a;
  const FurrowRestorePoint *pb = *(FurrowRestorePoint * const *) b;
  int order = g_date_time_compare (pb->time, pa->time);

  return order != 0 ? order : -strcmp (pa->id, pb->id);
}

GPtrArray *
furrow_restore_points_list (const char  *project_path,
                            GError     **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (project_path != NULL, NULL);

  folder = furrow_restore_points_folder (project_path);
  points = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_restore_point_free);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&points);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("cannot read the restore points in %s: %s"), folder, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      FurrowRestorePoint *point;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      point = read_point (folder, name);
      if (point != NULL)
        g_ptr_array_add (points, point);
    }
  g_ptr_array_sort (points, compare_newest_first);
  return g_steal_pointer (&points);
}

static void
remove_point_files (const char *folder,
                    const char *id)
{
  static const char *const suffixes[] = { ".ini", ".gpkg", ".gpkg-wal", ".gpkg-shm",
                                          ".gpkg-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (id, suffixes[i], NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
}

/* A copy without its metadata record is one that was cut short (the program killed while it
 * copied): removed once it is an hour old, so one being written now is left alone. */
static void
remove_unfinished (const char *folder,
                   GDateTime  *now)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *ini_name = NULL;
      g_autofree char *ini_path = NULL;
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".gpkg"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".gpkg"));
      ini_name = g_strconcat (id, ".ini", NULL);
      ini_path = g_build_filename (folder, ini_name, NULL);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (ini_path, G_FILE_TEST_EXISTS) && g_stat (path, &st) == 0 &&
          (gint64) st.st_mtime < g_date_time_to_unix (now) - 3600)
        remove_point_files (folder, id);
    }
}

void
furrow_restore_points_prune (const char *project_path,
                             GDateTime  *now)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) horizon = NULL;
  g_autofree char *folder = NULL;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (now != NULL);

  points = furrow_restore_points_list (project_path, NULL);
  if (points == NULL)
    return;
  folder = furrow_restore_points_folder (project_path);
  horizon = g_date_time_add_days (now, -KEEP_DAYS);
  for (guint i = 0; i < points->len; i++)
    {
      FurrowRestorePoint *point = g_ptr_array_index (points, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (point->time);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
      gboolean keep = i < KEEP_NEWEST;

      /* Newest first, so the first point of a day met is that day's newest. */
      if (g_date_time_compare (point->time, horizon) > 0 &&
          !g_hash_table_contains (days, day))
        keep = TRUE;
      g_hash_table_add (days, g_steal_pointer (&day));
      if (!keep)
        remove_point_files (folder, point->id);
    }
  remove_unfinished (folder, now);
}

/* A private folder (0700) for the points, made when missing. */
static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;
  saved_errno = errno;
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
               _("cannot create the folder of restore points %s: %s"), folder,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_metadata (const char           *project_path,
                int                   schema_version,
                const char           *ini_path,
                GDateTime            *now,
                FurrowRestoreReason   reason,
                guint64               size,
                GError              **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *time_text = g_date_time_format_iso8601 (now);
  g_autofree char *canonical = canonical_project_path (project_path);
  g_autoptr(GError) local_error = NULL;

  g_key_file_set_string (keys, GROUP, "time", time_text);
  g_key_file_set_string (keys, GROUP, "reason", reason_nicks[reason]);
  g_key_file_set_string (keys, GROUP, "project", canonical);
  g_key_file_set_uint64 (keys, GROUP, "size", size);
  g_key_file_set_integer (keys, GROUP, "schema", schema_version);
  if (!g_key_file_save_to_file (keys, ini_path, &local_error))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("cannot write the restore point %s: %s"), ini_path, local_error->message);
      return FALSE;
    }
  g_chmod (ini_path, 0600);
  return TRUE;
}

/* A new id in `folder` for a point taken at `now` (UTC): its time, with -2, -3 … when taken. */
static char *
new_point_id (const char  *folder,
              GDateTime   *now,
              char       **gpkg_path,
              char       **ini_path)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *id = NULL;

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *gpkg_name = NULL;
      g_autofree char *ini_name = NULL;

      g_free (id);
      id = n == 1 ? g_strdup (stamp) : g_strdup_printf ("%s-%u", stamp, n);
      gpkg_name = g_strconcat (id, ".gpkg", NULL);
      ini_name = g_strconcat (id, ".ini", NULL);
      g_free (*gpkg_path);
      g_free (*ini_path);
      *gpkg_path = g_build_filename (folder, gpkg_name, NULL);
      *ini_path = g_build_filename (folder, ini_name, NULL);
      if (!g_file_test (*gpkg_path, G_FILE_TEST_EXISTS) &&
          !g_file_test (*ini_path, G_FILE_TEST_EXISTS))
        break;
    }
  return id;
}

gboolean
furrow_store_take_restore_point_at (FurrowStore         *self,
                                    FurrowRestoreReason  reason,
                                    GDateTime           *now,
                                    GError             **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *id = NULL;
  g_autofree char *gpkg_path = NULL;
  g_autofree char *ini_path = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  /* On a server the restore points are the server's own backups (pg_dump, point-in-time
   * recovery): Furrow takes no copy (docs/architecture.md, The backend seam). */
  if (self->in_batch || furrow_store_is_server (self))
    return TRUE;
  /* A point before a change that cannot be made (a project opened read-only) says so. */
  if (!furrow_database_check_writable (self->database, error))
    return FALSE;

  folder = furrow_restore_points_folder (self->path);
  if (!ensure_folder (folder, error))
    return FALSE;
  id = new_point_id (folder, now, &gpkg_path, &ini_path);
  /* Never the project itself (docs/architecture.md, Opening, backup, check). */
  if (!furrow_store_check_output (self, gpkg_path, error))
    return FALSE;
  if (!furrow_store_backup (self, gpkg_path, &local_error))
    {
      g_set_error (error, FURROW_STORE_ERROR, local_error->code,
                   _("cannot keep a restore point of %s, so nothing was changed: %s"),
                   self->path, local_error->message);
      return FALSE;
    }
  /* A copy in rollback-journal mode is one file, read without a -shm beside it. */
  {
    g_autoptr(GError) mode_error = NULL;
    FurrowDatabase *copy = furrow_database_open (gpkg_path, FURROW_DATABASE_READ_WRITE,
                                                 &mode_error);

    if (copy != NULL)
      {
        furrow_database_exec (copy, "PRAGMA journal_mode = DELETE", NULL);
        furrow_database_free (copy);
      }
  }
  if (g_stat (gpkg_path, &st) != 0 ||
      !write_metadata (self->path, self->schema_version, ini_path, now, reason,
                       (guint64) st.st_size, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                     _("cannot write the restore point %s: %s"), gpkg_path,
                     g_strerror (errno));
      remove_point_files (folder, id);
      return FALSE;
    }
  furrow_restore_points_prune (self->path, now);
  return TRUE;
}

gboolean
furrow_store_take_restore_point (FurrowStore          *self,
                                 FurrowRestoreReason   reason,
                                 GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return furrow_store_take_restore_point_at (self, reason, now, error);
}

static FurrowRestorePoint *
find_point (const char  *project_path,
            const char  *id,
            GError     **error)
{
  g_autoptr(GPtrArray) points = furrow_restore_points_list (project_path, error);

  if (points == NULL)
    return NULL;
  for (guint i = 0; i < points->len; i++)
    {
      FurrowRestorePoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->id, id) == 0)
        return g_ptr_array_steal_index (points, i);
    }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
               _("%s has no restore point %s (“furrow-cli restore-points” lists them)"),
               project_path, id);
  return NULL;
}

/* The point's copy opened read-only after SQLite's quick_check found it whole. */
static FurrowDatabase *
open_checked_point (FurrowRestorePoint  *point,
                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  FurrowDatabase *source;
  gint64 check = 0;

  source = furrow_database_open (point->path, FURROW_DATABASE_READ_ONLY, &local_error);
  if (source == NULL ||
      !furrow_database_query_int (source, "SELECT count(*) FROM pragma_quick_check"
                                  " WHERE quick_check <> 'ok'", &check, &local_error) ||
      check != 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
                   _("the restore point %s is damaged and was not restored%s%s"), point->id,
                   local_error != NULL ? ": " : "",
                   local_error != NULL ? local_error->message : "");
      g_clear_pointer (&source, furrow_database_free);
      return NULL;
    }
  return source;
}

/* Copies `from` to `to` (a new file, 0600); FALSE with error. */
static gboolean
copy_private (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error) ||
      g_chmod (to, 0600) != 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("cannot copy %s to %s: %s"), from, to,
                   local_error != NULL ? local_error->message : g_strerror (errno));
      g_unlink (to);
      return FALSE;
    }
  return TRUE;
}

/* The schema version of a project's content. */
static gboolean
read_version (FurrowDatabase  *database,
              gint64          *version,
              GError         **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (database,
                             "SELECT CAST(value AS INTEGER) FROM furrow_meta"
                             " WHERE key = 'schema_version'", error);

  if (stmt == NULL || !furrow_statement_step (stmt, error))
    return FALSE;
  *version = furrow_statement_get_int64 (stmt, 0);
  return TRUE;
}

/* What the project becomes, made whole before the project is touched (docs/architecture.md,
 * Restore points): a private copy of the point at `staged_path`, an older schema brought forward
 * to `schema_version`, and the "project.restore" audit row by `actor` written into it, so the
 * project takes the restored rows and the row that says so in one step, never the one without
 * the other. Returns the copy's connection (its content committed), NULL with error. */
static FurrowDatabase *
stage_point (FurrowRestorePoint  *point,
             const char          *staged_path,
             const char          *actor,
             int                  schema_version,
             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *object = g_strdup_printf ("restore-point:%s", point->id);
  FurrowDatabase *staged;
  gint64 version = 0;

  if (!copy_private (point->path, staged_path, error))
    return NULL;
  staged = furrow_database_open (staged_path, FURROW_DATABASE_READ_WRITE, &local_error);
  if (staged == NULL ||
      !furrow_database_exec (staged, "PRAGMA foreign_keys = ON", &local_error) ||
      !read_version (staged, &version, &local_error) ||
      (version < schema_version &&
       !furrow_store_migrate (staged, (int) version, schema_version, &local_error)) ||
      !_furrow_store_audit_into (staged, actor, "project.restore", object, NULL, &local_error))
    {
      g_set_error (error, FURROW_STORE_ERROR, local_error->code,
                   _("cannot restore from restore point %s: %s"), point->id,
                   local_error->message);
      g_clear_pointer (&staged, furrow_database_free);
      return NULL;
    }
  return staged;
}

/* Removes a staged copy and the journals beside it. */
static void
remove_staged (const char *staged_path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (staged_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

gboolean
furrow_store_restore (FurrowStore  *self,
                      const char   *id,
                      GError      **error)
{
  g_autoptr(FurrowRestorePoint) point = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *staged_name = NULL;
  g_autofree char *staged_path = NULL;
  FurrowDatabase *source;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->in_batch)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION,
                   _("%s: commit or drop the open batch of changes before a restore"),
                   self->path);
      return FALSE;
    }
  point = find_point (self->path, id, error);
  if (point == NULL)
    return FALSE;

  /* The copy must be whole before anything is replaced. */
  source = open_checked_point (point, error);
  if (source == NULL)
    return FALSE;
  furrow_database_free (source);

  /* The point of the present state is whole (its metadata record written last) before the
   * project changes: whenever a restore happened, the point that undoes it exists. */
  if (!furrow_store_take_restore_point (self, FURROW_RESTORE_REASON_RESTORE, error))
    return FALSE;

  /* Staged among the points: a name ending in .gpkg without an .ini, so a copy a killed
   * restore left behind is removed as unfinished (remove_unfinished()). */
  folder = furrow_restore_points_folder (self->path);
  staged_name = g_strdup_printf (".restoring-%s.gpkg", point->id);
  staged_path = g_build_filename (folder, staged_name, NULL);
  remove_staged (staged_path);
  source = stage_point (point, staged_path, self->actor, self->schema_version, error);
  if (source == NULL)
    {
      remove_staged (staged_path);
      return FALSE;
    }

  /* One write transaction on the project: readers — and a program killed at any moment —
   * see the old content or the restored one with its audit row, never half. */
  ok = furrow_database_backup (source, self->database, &local_error);
  furrow_database_free (source);
  remove_staged (staged_path);
  if (!ok)
    {
      g_set_error (error, FURROW_STORE_ERROR, local_error->code,
                   _("cannot restore %s from restore point %s: %s"), self->path, id,
                   local_error->message);
      return FALSE;
    }
  if (!furrow_database_exec (self->database, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  return furrow_store_reload (self, error);
}

gboolean
furrow_restore_points_restore_file (const char  *project_path,
                                    const char  *id,
                                    GError     **error)
{
  g_autoptr(FurrowRestorePoint) point = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *folder = NULL;
  g_autofree char *kept_id = NULL;
  g_autofree char *kept_gpkg = NULL;
  g_autofree char *kept_ini = NULL;
  g_autofree char *project_wal = NULL;
  g_autofree char *project_shm = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  FurrowDatabase *source;
  GStatBuf st;

  g_return_val_if_fail (project_path != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  point = find_point (project_path, id, error);
  if (point == NULL)
    return FALSE;
  source = open_checked_point (point, error);
  if (source == NULL)
    return FALSE;
  furrow_database_free (source);

  /* The file as it is, damaged or not, is kept first, as a point of its own: its bytes, with
   * its WAL journal beside it when it has one. */
  folder = furrow_restore_points_folder (project_path);
  if (!ensure_folder (folder, error))
    return FALSE;
  kept_id = new_point_id (folder, now, &kept_gpkg, &kept_ini);
  project_wal = g_strconcat (project_path, "-wal", NULL);
  project_shm = g_strconcat (project_path, "-shm", NULL);
  if (!copy_private (project_path, kept_gpkg, error))
    return FALSE;
  if (g_file_test (project_wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *kept_wal = g_strconcat (kept_gpkg, "-wal", NULL);

      if (!copy_private (project_wal, kept_wal, error))
        {
          remove_point_files (folder, kept_id);
          return FALSE;
        }
    }
  if (g_stat (kept_gpkg, &st) != 0 ||
      !write_metadata (project_path, 0, kept_ini, now, FURROW_RESTORE_REASON_RESTORE,
                       (guint64) st.st_size, error))
    {
      remove_point_files (folder, kept_id);
      return FALSE;
    }

  /* The point's copy beside the project, then renamed over it: the project is the old file or
   * the restored one, never half of either. */
  dir = g_path_get_dirname (project_path);
  base = g_path_get_basename (project_path);
  tmp_name = g_strdup_printf (".%s.restore-%s", base, point->id);
  tmp_path = g_build_filename (dir, tmp_name, NULL);
  remove_staged (tmp_path);
  source = stage_point (point, tmp_path, g_get_user_name (), FURROW_STORE_SCHEMA_VERSION, error);
  if (source == NULL)
    {
      remove_staged (tmp_path);
      return FALSE;
    }
  /* Closed, so its content is all in the one file renamed (no journal left beside it). */
  furrow_database_free (source);
  g_unlink (project_wal);
  g_unlink (project_shm);
  if (g_rename (tmp_path, project_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   _("cannot restore %s from restore point %s: %s"), project_path, id,
                   g_strerror (saved_errno));
      return FALSE;
    }
  furrow_restore_points_prune (project_path, now);
  return TRUE;
}
