/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Transactions and batches, the changes they hold until the commit, and the commit that brings
 * the list models in step and then announces the changes (docs/architecture.md, Transactions and
 * batches; The change signals). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store-private.h"
#include "furrow-store-restore.h"

/* Runs a statement without parameters or results (BEGIN, COMMIT, SAVEPOINT …), cached. */
static gboolean
store_run (FurrowStore  *self,
           const char   *sql,
           GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;

  /* A damaged file is not written (docs/architecture.md, Opening, backup, check): no
   * transaction begins, and one open when the damage showed is never committed. */
  if (!g_str_has_prefix (sql, "ROLLBACK") && !furrow_store_check_damage (self, error))
    return FALSE;
  stmt = furrow_database_prepare (self->database, sql, error);

  return stmt != NULL && furrow_statement_run (stmt, error);
}

static void
change_free (gpointer data)
{
  FurrowPendingChange *change = data;

  g_clear_object (&change->object);
  g_free (change->old_code);
  g_free (change);
}

void
_furrow_store_init_pending (FurrowStore *self)
{
  self->pending = g_ptr_array_new_with_free_func (change_free);
  self->touched_fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->stale = g_array_new (FALSE, FALSE, sizeof (FurrowRecordRef));
  self->stale_seasons = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->later = g_ptr_array_new_with_free_func (g_free);
}

void
_furrow_store_record_change (FurrowStore        *self,
                             FurrowRecordChange  what,
                             FurrowKind          kind,
                             GObject            *object,
                             const char         *old_code)
{
  FurrowPendingChange *change = g_new0 (FurrowPendingChange, 1);

  change->change = what;
  change->kind = kind;
  change->object = g_object_ref (object);
  change->id = _furrow_store_object_get_id (object);
  change->old_code = g_strdup (old_code);
  g_ptr_array_add (self->pending, change);
  self->touched_tables[kind] = TRUE;
}

void
_furrow_store_touch_field (FurrowStore *self,
                           gint64       field_id)
{
  if (field_id > 0)
    g_hash_table_add (self->touched_fields, g_memdup2 (&field_id, sizeof field_id));
}

/* gpkg_contents keeps a bounding box of each feature table (OGC 12-128r18 §1.1.3.1.1: informative,
 * not necessarily the minimum one): it grows with every geometry written and is not shrunk on
 * delete. */
void
_furrow_store_grow_extent (FurrowStore          *self,
                           FurrowKind            kind,
                           const FurrowGeometry *geometry)
{
  FurrowExtent *extent = &self->extents[kind];
  double min_x, min_y, max_x, max_y;

  if (geometry == NULL || !furrow_geometry_get_bounds (geometry, &min_x, &min_y, &max_x, &max_y))
    return;
  if (!extent->any)
    {
      extent->any = TRUE;
      extent->min_x = min_x;
      extent->min_y = min_y;
      extent->max_x = max_x;
      extent->max_y = max_y;
      return;
    }
  extent->min_x = MIN (extent->min_x, min_x);
  extent->min_y = MIN (extent->min_y, min_y);
  extent->max_x = MAX (extent->max_x, max_x);
  extent->max_y = MAX (extent->max_y, max_y);
}

static void
forget_touched (FurrowStore *self)
{
  g_hash_table_remove_all (self->touched_fields);
  memset (self->touched_tables, 0, sizeof self->touched_tables);
  memset (self->extents, 0, sizeof self->extents);
}

/* After a rollback: objects added in the transaction are not stored after all. */
static void
discard_pending (FurrowStore *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->pending->len; i++)
    {
      FurrowPendingChange *change = g_ptr_array_index (self->pending, i);

      if (change->change == FURROW_RECORD_ADDED)
        _furrow_store_object_set_id (change->object, 0);
    }
  g_ptr_array_set_size (self->pending, 0);
  /* A model read inside the transaction showed its changes: read it again as committed. */
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    if (self->models_uncommitted[kind] && !_furrow_store_reload_model (self, kind, &error))
      g_message ("%s", error->message);
  forget_touched (self);
  _furrow_store_seasons_sync (self, FALSE);
  _furrow_store_follow_stale (self);
  _furrow_store_follow_later (self);
}

static gboolean
same_id (gconstpointer a,
         gconstpointer b)
{
  return _furrow_store_object_get_id (a) == _furrow_store_object_get_id (b);
}

/* More changes than this of one kind in one commit are announced as one "many changed". */
#define MAX_SIGNALLED_CHANGES 64

/* field-changed, household-changed, parcel-changed for the committed changes, kind by kind. */
static void
emit_changes (FurrowStore *self,
              GPtrArray   *pending)
{
  guint counts[FURROW_N_KINDS] = { 0 };

  for (guint i = 0; i < pending->len; i++)
    counts[((FurrowPendingChange *) g_ptr_array_index (pending, i))->kind]++;

  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    {
      if (counts[kind] > MAX_SIGNALLED_CHANGES)
        {
          _furrow_store_emit_record_changed (self, kind, NULL,
                                             FURROW_RECORD_ADDED | FURROW_RECORD_UPDATED |
                                             FURROW_RECORD_REMOVED);
          continue;
        }
      for (guint i = 0; i < pending->len; i++)
        {
          FurrowPendingChange *change = g_ptr_array_index (pending, i);

          if (change->kind == kind)
            _furrow_store_emit_record_changed (self, kind, change->object, change->change);
        }
    }
}

/* Appends the additions of one kind that start at `first` to the model in one items-changed;
 * returns the index of the last one. In a model read inside the transaction (`uncommitted`)
 * an addition is there already, read from the file: the object added takes its place. */
static guint
append_added (GListStore *model,
              GPtrArray  *pending,
              guint       first,
              gboolean    uncommitted)
{
  FurrowPendingChange *change = g_ptr_array_index (pending, first);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  guint j;

  for (j = first; j < pending->len; j++)
    {
      FurrowPendingChange *next = g_ptr_array_index (pending, j);
      guint position;

      if (next->change != FURROW_RECORD_ADDED || next->kind != change->kind)
        break;
      if (uncommitted &&
          g_list_store_find_with_equal_func (model, next->object, same_id, &position))
        g_list_store_splice (model, position, 1, (gpointer *) &next->object, 1);
      else
        g_ptr_array_add (added, next->object);
    }
  g_list_store_splice (model, g_list_model_get_n_items (G_LIST_MODEL (model)), 0,
                       added->pdata, added->len);
  return j - 1;
}

/* After a commit: bring the loaded models in step, one items-changed per run of additions;
 * then the kinds' own refreshes (a field's registered area); then announce the changes. */
void
_furrow_store_apply_pending (FurrowStore *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (change_free);

  for (guint i = 0; i < pending->len; i++)
    {
      FurrowPendingChange *change = g_ptr_array_index (pending, i);
      const FurrowRecordKind *kind = _furrow_store_kind (change->kind);
      GListStore *model = self->models[change->kind];
      guint position;

      switch (change->change)
        {
        case FURROW_RECORD_ADDED:
          if (model != NULL)
            i = append_added (model, pending, i, self->models_uncommitted[change->kind]);
          break;

        case FURROW_RECORD_UPDATED:
          if (kind->follow != NULL)
            kind->follow (self, change);
          if (model != NULL &&
              g_list_store_find_with_equal_func (model, change->object, same_id, &position))
            {
              g_autoptr(GObject) before = g_list_model_get_item (G_LIST_MODEL (model), position);

              /* A copy written by this store replaces the model's object, which is then no
               * stale reading of the record for this store (Several users at once). */
              if (before != change->object)
                _furrow_store_object_set_version (before,
                                                  _furrow_store_object_get_version
                                                    (change->object));
              g_list_store_splice (model, position, 1, (gpointer *) &change->object, 1);
            }
          break;

        case FURROW_RECORD_REMOVED:
          if (model != NULL &&
              g_list_store_find_with_equal_func (model, change->object, same_id, &position))
            g_list_store_remove (model, position);
          if (kind->follow != NULL)
            kind->follow (self, change);
          _furrow_store_object_set_id (change->object, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    if (_furrow_store_kind (kind)->committed != NULL)
      _furrow_store_kind (kind)->committed (self);
  memset (self->models_uncommitted, 0, sizeof self->models_uncommitted);
  forget_touched (self);
  emit_changes (self, pending);
  _furrow_store_seasons_sync (self, TRUE);
  if (!self->in_batch)
    {
      _furrow_store_follow_stale (self);
      _furrow_store_follow_later (self);
    }
}

/* GeoPackage: gpkg_contents.last_change follows every change of a registered table. */
static gboolean
touch_contents (FurrowStore  *self,
                GError      **error)
{
  /* A server has no gpkg_contents: PostGIS knows its geometry columns, and the extent is an
   * ST_Extent () away (docs/architecture.md, The backend seam). */
  if (furrow_store_is_server (self))
    return TRUE;
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    {
      const char *table = _furrow_store_kind (kind)->table;
      const FurrowExtent *extent = &self->extents[kind];
      g_autoptr(FurrowStatement) stmt = NULL;

      if (!self->touched_tables[kind])
        continue;
      stmt = furrow_database_prepare (self->database,
                            "UPDATE gpkg_contents"
                            " SET last_change = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                            " WHERE table_name = ?1",
                            error);
      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_text (stmt, 1, table);
      if (!furrow_statement_run (stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, furrow_statement_release);

      if (!extent->any)
        continue;
      stmt = furrow_database_prepare (self->database,
                            "UPDATE gpkg_contents SET"
                            " min_x = min (coalesce (min_x, ?2), ?2),"
                            " min_y = min (coalesce (min_y, ?3), ?3),"
                            " max_x = max (coalesce (max_x, ?4), ?4),"
                            " max_y = max (coalesce (max_y, ?5), ?5)"
                            " WHERE table_name = ?1",
                            error);
      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_text (stmt, 1, table);
      furrow_statement_bind_double (stmt, 2, extent->min_x);
      furrow_statement_bind_double (stmt, 3, extent->min_y);
      furrow_statement_bind_double (stmt, 4, extent->max_x);
      furrow_statement_bind_double (stmt, 5, extent->max_y);
      if (!furrow_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
commit_transaction (FurrowStore  *self,
                    GError      **error)
{
  if (!touch_contents (self, error) || !store_run (self, "COMMIT", error))
    {
      store_run (self, "ROLLBACK", NULL);
      discard_pending (self);
      return FALSE;
    }
  _furrow_store_apply_pending (self);
  return TRUE;
}

/* Every change is one transaction of its own, or a savepoint inside an open batch. */
gboolean
_furrow_store_op_begin (FurrowStore  *self,
                        GError      **error)
{
  if (self->in_batch && self->batch_all_or_nothing)
    return TRUE;
  if (self->in_batch)
    return store_run (self, "SAVEPOINT furrow_op", error);
  /* A project opened read-only says why before anything is tried (issue 12). */
  return furrow_database_check_writable (self->database, error) &&
         store_run (self, FURROW_SQL (self->database, "BEGIN IMMEDIATE", "BEGIN"), error);
}

/* ok: whether the operation succeeded (its error is already set when not). */
gboolean
_furrow_store_op_end (FurrowStore  *self,
                      gboolean      ok,
                      GError      **error)
{
  if (self->in_batch && self->batch_all_or_nothing)
    {
      self->batch_spoiled |= !ok;
      return ok;
    }
  if (self->in_batch)
    {
      if (ok)
        return store_run (self, "RELEASE furrow_op", error);
      store_run (self, "ROLLBACK TO furrow_op", NULL);
      store_run (self, "RELEASE furrow_op", NULL);
      return FALSE;
    }
  if (ok)
    return commit_transaction (self, error);
  store_run (self, "ROLLBACK", NULL);
  discard_pending (self);
  return FALSE;
}

gboolean
furrow_store_begin (FurrowStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (self->in_batch)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION,
                   _("%s: a batch of changes is already open"), self->path);
      return FALSE;
    }
  if (!furrow_database_check_writable (self->database, error) ||
      !store_run (self, FURROW_SQL (self->database, "BEGIN IMMEDIATE", "BEGIN"), error))
    return FALSE;
  self->in_batch = TRUE;
  self->batch_all_or_nothing = FALSE;
  self->batch_spoiled = FALSE;
  g_clear_pointer (&self->import_source, g_free);
  g_clear_pointer (&self->import_households, g_hash_table_unref);
  memset (self->n_imported, 0, sizeof self->n_imported);
  return TRUE;
}

gboolean
furrow_store_begin_all_or_nothing (FurrowStore  *self,
                                   GError      **error)
{
  if (!furrow_store_begin (self, error))
    return FALSE;
  self->batch_all_or_nothing = TRUE;
  return TRUE;
}

gboolean
furrow_store_begin_import (FurrowStore  *self,
                           const char   *source,
                           GError      **error)
{
  g_return_val_if_fail (source != NULL, FALSE);

  /* docs/architecture.md, Restore points. */
  if (!self->in_batch &&
      !furrow_store_take_restore_point (self, FURROW_RESTORE_REASON_IMPORT, error))
    return FALSE;
  if (!furrow_store_begin_all_or_nothing (self, error))
    return FALSE;
  self->import_source = g_strdup (source);
  return TRUE;
}

gboolean
furrow_store_commit (FurrowStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (!self->in_batch)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION,
                   _("%s: there is no open batch of changes to commit"), self->path);
      return FALSE;
    }
  /* The answers of an import's deferred rows (furrow-store-records.c): a failure among them
   * fails the batch. */
  if (!self->batch_spoiled && !furrow_database_flush (self->database, error))
    {
      furrow_store_rollback (self);
      return FALSE;
    }
  if (self->batch_spoiled)
    {
      furrow_store_rollback (self);
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION,
                   _("%s: a change of the batch failed, so none of it was written"), self->path);
      return FALSE;
    }
  if (self->import_source != NULL && !_furrow_store_audit_import (self, error))
    {
      furrow_store_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&self->import_source, g_free);
  g_clear_pointer (&self->import_households, g_hash_table_unref);
  self->in_batch = FALSE;
  return commit_transaction (self, error);
}

void
furrow_store_rollback (FurrowStore *self)
{
  g_return_if_fail (FURROW_IS_STORE (self));

  if (!self->in_batch)
    return;
  self->in_batch = FALSE;
  g_clear_pointer (&self->import_source, g_free);
  g_clear_pointer (&self->import_households, g_hash_table_unref);
  furrow_database_flush (self->database, NULL);
  store_run (self, "ROLLBACK", NULL);
  discard_pending (self);
  /* The cooperative's details may have been changed inside the batch. */
  _furrow_store_load_cooperative (self, NULL);
}

gboolean
furrow_store_in_transaction (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  return self->in_batch;
}

gboolean
furrow_store_transaction (FurrowStore      *self,
                          FurrowStoreFunc   func,
                          gpointer          user_data,
                          GError          **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!furrow_store_begin (self, error))
    return FALSE;
  if (!func (self, user_data, error))
    {
      furrow_store_rollback (self);
      return FALSE;
    }
  return furrow_store_commit (self, error);
}
