/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"


#include "furrow-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "furrow-database.h"
#include "furrow-store-gpkg.h"
#include "furrow-store-migrate.h"
#include "furrow-store-private.h"

/* The kinds of object the store keeps a list model of. */
typedef enum
{
  KIND_FIELD,
  KIND_HOUSEHOLD,
  KIND_PARCEL,
  N_KINDS
} ObjectKind;

typedef enum
{
  CHANGE_ADD,
  CHANGE_UPDATE,
  CHANGE_DELETE,
} ChangeKind;

/* The bounding box of the geometries written to a feature table in one transaction. */
typedef struct
{
  gboolean any;
  double   min_x, min_y, max_x, max_y;
} Extent;

/* A change written inside the open transaction, applied to the models once it is committed. */
typedef struct
{
  ChangeKind  change;
  ObjectKind  kind;
  GObject    *object;
  gint64      id;
  char       *old_code;  /* household updates: the code before, to follow it in the parcels */
} Change;

struct _FurrowStore
{
  GObject parent_instance;

  char       *path;
  FurrowDatabase *database;    /* the statement layer: the connection and its cached statements */
  char       *actor;
  int         schema_version;

  char       *cooperative_name;
  char       *village_code;
  char       *contact;

  gboolean    in_batch;         /* furrow_store_begin() … commit/rollback */
  gboolean    batch_all_or_nothing;  /* furrow_store_begin_all_or_nothing(): no savepoints */
  gboolean    batch_spoiled;    /* a change failed in such a batch: it can only roll back */
  char       *import_source;    /* furrow_store_begin_import(): one audit row for all additions */
  guint       n_imported[N_KINDS];
  GPtrArray  *pending;          /* Change, in order */
  GHashTable *touched_fields;   /* gint64 field id: registered area to refresh */
  gboolean    touched_tables[N_KINDS];
  Extent      extents[N_KINDS];  /* bounds of the geometries written in the transaction */

  GListStore *models[N_KINDS];  /* NULL until first asked for */
};

G_DEFINE_FINAL_TYPE (FurrowStore, furrow_store, G_TYPE_OBJECT)

enum {
  SIGNAL_FIELD_CHANGED,
  SIGNAL_HOUSEHOLD_CHANGED,
  SIGNAL_PARCEL_CHANGED,
  SIGNAL_SEASON_CHANGED,
  SIGNAL_SETTLEMENT_CHANGED,
  SIGNAL_YIELD_PRESETS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
/* Statements                                                                                 */

/* Runs a statement without parameters or results (BEGIN, COMMIT, SAVEPOINT …), cached. */
static gboolean
store_run (FurrowStore  *self,
           const char   *sql,
           GError      **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (self->database, sql, error);

  return stmt != NULL && furrow_statement_run (stmt, error);
}

/* TRUE when stmt gives a row; else FALSE with error set, naming `what` when there is no row. */
static gboolean
step_row (FurrowStore      *self,
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

/* Steps stmt once: FALSE with error set when it fails, else TRUE with *found telling whether
 * it gave a row. */
static gboolean
step_found (FurrowStatement  *stmt,
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

static void
bind_geometry (FurrowStatement      *stmt,
               int                   position,
               const FurrowGeometry *geometry)
{
  g_autoptr(GBytes) blob = NULL;

  if (geometry != NULL)
    blob = furrow_gpkg_blob_encode (geometry);
  furrow_statement_bind_bytes (stmt, position, blob);
}

/* ------------------------------------------------------------------------------------------ */
/* Object kinds                                                                               */

static GType
kind_type (ObjectKind kind)
{
  switch (kind)
    {
    case KIND_FIELD:
      return FURROW_TYPE_FIELD;
    case KIND_HOUSEHOLD:
      return FURROW_TYPE_HOUSEHOLD;
    case KIND_PARCEL:
    case N_KINDS:
    default:
      return FURROW_TYPE_PARCEL;
    }
}

static gint64
object_get_id (gconstpointer object)
{
  if (FURROW_IS_FIELD ((gpointer) object))
    return furrow_field_get_id ((FurrowField *) object);
  if (FURROW_IS_HOUSEHOLD ((gpointer) object))
    return furrow_household_get_id ((FurrowHousehold *) object);
  return furrow_parcel_get_id ((FurrowParcel *) object);
}

static void
object_set_id (GObject *object,
               gint64   id)
{
  if (FURROW_IS_FIELD (object))
    _furrow_field_set_id (FURROW_FIELD (object), id);
  else if (FURROW_IS_HOUSEHOLD (object))
    _furrow_household_set_id (FURROW_HOUSEHOLD (object), id);
  else
    _furrow_parcel_set_id (FURROW_PARCEL (object), id);
}

static gboolean
same_id (gconstpointer a,
         gconstpointer b)
{
  return object_get_id (a) == object_get_id (b);
}

static gboolean
geometry_is_finite (const FurrowGeometry *geometry)
{
  if (geometry == NULL)
    return TRUE;
  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      for (guint i = 0; i < geometry->polygons[p].rings[r].n_points; i++)
        if (!isfinite (geometry->polygons[p].rings[r].points[i].x) ||
            !isfinite (geometry->polygons[p].rings[r].points[i].y))
          return FALSE;
  return TRUE;
}

static char *
format_area (double area_m2)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", area_m2));
}

/* ------------------------------------------------------------------------------------------ */
/* Transactions and the models                                                                */

static gboolean load_cooperative (FurrowStore  *self,
                                  GError      **error);
static gboolean audit_import     (FurrowStore  *self,
                                  GError      **error);

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->object);
  g_free (change->old_code);
  g_free (change);
}

static void
record_change (FurrowStore *self,
               ChangeKind   kind_of_change,
               ObjectKind   kind,
               gpointer     object,
               const char  *old_code)
{
  Change *change = g_new0 (Change, 1);

  change->change = kind_of_change;
  change->kind = kind;
  change->object = g_object_ref (object);
  change->id = object_get_id (object);
  change->old_code = g_strdup (old_code);
  g_ptr_array_add (self->pending, change);
  self->touched_tables[kind] = TRUE;
}

static void
touch_field (FurrowStore *self,
             gint64       field_id)
{
  if (field_id > 0)
    g_hash_table_add (self->touched_fields, g_memdup2 (&field_id, sizeof field_id));
}

/* gpkg_contents keeps a bounding box of each feature table (OGC 12-128r18 §1.1.3.1.1: informative,
 * not necessarily the minimum one): it grows with every geometry written and is not shrunk on
 * delete. */
static void
grow_extent (FurrowStore          *self,
             ObjectKind            kind,
             const FurrowGeometry *geometry)
{
  Extent *extent = &self->extents[kind];
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

/* After a rollback: objects added in the transaction are not stored after all. */
static void
discard_pending (FurrowStore *self)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      Change *change = g_ptr_array_index (self->pending, i);

      if (change->change == CHANGE_ADD)
        object_set_id (change->object, 0);
    }
  g_ptr_array_set_size (self->pending, 0);
  g_hash_table_remove_all (self->touched_fields);
  memset (self->touched_tables, 0, sizeof self->touched_tables);
  memset (self->extents, 0, sizeof self->extents);
  _furrow_store_seasons_sync (self, FALSE);
}

static GListStore *
loaded_model (FurrowStore *self,
              ObjectKind   kind)
{
  return self->models[kind];
}

static void
follow_household_code (FurrowStore *self,
                       const char  *old_code,
                       const char  *new_code)
{
  GListModel *parcels = G_LIST_MODEL (loaded_model (self, KIND_PARCEL));
  guint n;

  if (parcels == NULL || g_strcmp0 (old_code, new_code) == 0)
    return;
  n = g_list_model_get_n_items (parcels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), old_code) == 0)
        furrow_parcel_set_household_code (parcel, new_code);
    }
}

static void
detach_parcels (FurrowStore *self,
                gint64       field_id)
{
  GListModel *parcels = G_LIST_MODEL (loaded_model (self, KIND_PARCEL));
  guint n;

  if (parcels == NULL)
    return;
  n = g_list_model_get_n_items (parcels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      /* Re-inserted so that whatever follows the model (FurrowParcelIndex) sees the change. */
      if (furrow_parcel_get_field_id (parcel) == field_id)
        {
          furrow_parcel_set_field_id (parcel, 0);
          g_list_store_splice (G_LIST_STORE (parcels), i, 1, (gpointer *) &parcel, 1);
        }
    }
}

static void
refresh_field_areas (FurrowStore *self)
{
  GListModel *fields = G_LIST_MODEL (loaded_model (self, KIND_FIELD));
  guint n;

  if (fields == NULL || g_hash_table_size (self->touched_fields) == 0)
    return;

  n = g_list_model_get_n_items (fields);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);
      g_autoptr(FurrowStatement) stmt = NULL;

      if (!g_hash_table_contains (self->touched_fields, &id))
        continue;
      stmt = furrow_database_prepare (self->database,
                            "SELECT total (registered_area_m2) FROM parcels WHERE field_id = ?1",
                            NULL);
      if (stmt == NULL)
        return;
      furrow_statement_bind_int64 (stmt, 1, id);
      if (furrow_statement_step (stmt, NULL))
        _furrow_field_set_registered_area_m2 (field, furrow_statement_get_double (stmt, 0));
    }
}

/* More changes than this of one kind in one commit are announced as one "many changed". */
#define MAX_SIGNALLED_CHANGES 64

static const FurrowRecordChange change_flags[] = {
  [CHANGE_ADD] = FURROW_RECORD_ADDED,
  [CHANGE_UPDATE] = FURROW_RECORD_UPDATED,
  [CHANGE_DELETE] = FURROW_RECORD_REMOVED,
};

/* field-changed, household-changed, parcel-changed for the committed changes, kind by kind. */
static void
emit_changes (FurrowStore *self,
              GPtrArray   *pending)
{
  guint counts[N_KINDS] = { 0 };

  for (guint i = 0; i < pending->len; i++)
    counts[((Change *) g_ptr_array_index (pending, i))->kind]++;

  for (ObjectKind kind = 0; kind < N_KINDS; kind++)
    {
      if (counts[kind] > MAX_SIGNALLED_CHANGES)
        {
          _furrow_store_emit_record_changed (self, kind_type (kind), NULL,
                                             FURROW_RECORD_ADDED | FURROW_RECORD_UPDATED |
                                             FURROW_RECORD_REMOVED);
          continue;
        }
      for (guint i = 0; i < pending->len; i++)
        {
          Change *change = g_ptr_array_index (pending, i);

          if (change->kind == kind)
            _furrow_store_emit_record_changed (self, kind_type (kind), change->object,
                                               change_flags[change->change]);
        }
    }
}

/* After a commit: bring the loaded models in step, one items-changed per run of additions;
 * then announce the changes. */
static void
apply_pending (FurrowStore *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (change_free);

  for (guint i = 0; i < pending->len; i++)
    {
      Change *change = g_ptr_array_index (pending, i);
      GListStore *model = loaded_model (self, change->kind);
      guint position;

      switch (change->change)
        {
        case CHANGE_ADD:
          if (model != NULL)
            {
              g_autoptr(GPtrArray) added = g_ptr_array_new ();
              guint j;

              for (j = i; j < pending->len; j++)
                {
                  Change *next = g_ptr_array_index (pending, j);

                  if (next->change != CHANGE_ADD || next->kind != change->kind)
                    break;
                  g_ptr_array_add (added, next->object);
                }
              g_list_store_splice (model, g_list_model_get_n_items (G_LIST_MODEL (model)), 0,
                                   added->pdata, added->len);
              i = j - 1;
            }
          break;

        case CHANGE_UPDATE:
          if (change->kind == KIND_HOUSEHOLD)
            follow_household_code (self, change->old_code,
                                   furrow_household_get_code (FURROW_HOUSEHOLD (change->object)));
          if (model != NULL &&
              g_list_store_find_with_equal_func (model, change->object, same_id, &position))
            g_list_store_splice (model, position, 1, (gpointer *) &change->object, 1);
          break;

        case CHANGE_DELETE:
          if (model != NULL &&
              g_list_store_find_with_equal_func (model, change->object, same_id, &position))
            g_list_store_remove (model, position);
          if (change->kind == KIND_FIELD)
            detach_parcels (self, change->id);
          object_set_id (change->object, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  refresh_field_areas (self);
  g_hash_table_remove_all (self->touched_fields);
  memset (self->touched_tables, 0, sizeof self->touched_tables);
  memset (self->extents, 0, sizeof self->extents);
  emit_changes (self, pending);
  _furrow_store_seasons_sync (self, TRUE);
}

/* GeoPackage: gpkg_contents.last_change follows every change of a registered table. */
static gboolean
touch_contents (FurrowStore  *self,
                GError      **error)
{
  static const struct { ObjectKind kind; const char *table; } tables[] = {
    { KIND_FIELD, "fields" },
    { KIND_HOUSEHOLD, "households" },
    { KIND_PARCEL, "parcels" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(FurrowStatement) stmt = NULL;

      if (!self->touched_tables[tables[i].kind])
        continue;
      stmt = furrow_database_prepare (self->database,
                            "UPDATE gpkg_contents"
                            " SET last_change = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                            " WHERE table_name = ?1",
                            error);
      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_text (stmt, 1, tables[i].table);
      if (!furrow_statement_run (stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, furrow_statement_release);

      if (!self->extents[tables[i].kind].any)
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
      furrow_statement_bind_text (stmt, 1, tables[i].table);
      furrow_statement_bind_double (stmt, 2, self->extents[tables[i].kind].min_x);
      furrow_statement_bind_double (stmt, 3, self->extents[tables[i].kind].min_y);
      furrow_statement_bind_double (stmt, 4, self->extents[tables[i].kind].max_x);
      furrow_statement_bind_double (stmt, 5, self->extents[tables[i].kind].max_y);
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
  apply_pending (self);
  return TRUE;
}

/* Every change is one transaction of its own, or a savepoint inside an open batch. */
static gboolean
op_begin (FurrowStore  *self,
          GError      **error)
{
  if (self->in_batch && self->batch_all_or_nothing)
    return TRUE;
  if (self->in_batch)
    return store_run (self, "SAVEPOINT furrow_op", error);
  return store_run (self, "BEGIN IMMEDIATE", error);
}

/* ok: whether the operation succeeded (its error is already set when not). */
static gboolean
op_end (FurrowStore  *self,
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
  if (!store_run (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_batch = TRUE;
  self->batch_all_or_nothing = FALSE;
  self->batch_spoiled = FALSE;
  g_clear_pointer (&self->import_source, g_free);
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
  if (self->batch_spoiled)
    {
      furrow_store_rollback (self);
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TRANSACTION,
                   _("%s: a change of the batch failed, so none of it was written"), self->path);
      return FALSE;
    }
  if (self->import_source != NULL && !audit_import (self, error))
    {
      furrow_store_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&self->import_source, g_free);
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
  store_run (self, "ROLLBACK", NULL);
  discard_pending (self);
  /* The cooperative's details may have been changed inside the batch. */
  load_cooperative (self, NULL);
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

/* ------------------------------------------------------------------------------------------ */
/* Rows → objects                                                                             */

static FurrowGeometry *
column_geometry (FurrowStore     *self,
                 FurrowStatement *stmt,
                 int              index,
                 const char      *what,
                 const char      *code)
{
  g_autoptr(GError) error = NULL;
  FurrowGeometry *geometry;
  gconstpointer data;
  gsize size;

  if (furrow_statement_is_null (stmt, index))
    return NULL;
  data = furrow_statement_get_blob (stmt, index, &size);
  geometry = furrow_gpkg_blob_decode (data, size, &error);
  if (geometry == NULL)
    g_message (_("%s: %s %s has a geometry that cannot be read (%s); it is shown without one"),
               self->path, what, code, error->message);
  return geometry;
}

#define FIELD_COLUMNS \
  "f.id, f.geom, f.code, f.name, f.notes, f.custody," \
  " (SELECT total (p.registered_area_m2) FROM parcels p WHERE p.field_id = f.id)"

static FurrowField *
field_from_row (FurrowStore  *self,
                FurrowStatement *stmt)
{
  FurrowField *field = furrow_field_new ();
  g_autoptr(FurrowGeometry) geometry = NULL;
  FurrowCustody custody = FURROW_CUSTODY_FULL;

  _furrow_field_set_id (field, furrow_statement_get_int64 (stmt, 0));
  furrow_field_set_code (field, furrow_statement_get_text (stmt, 2));
  geometry = column_geometry (self, stmt, 1, C_("object kind", "field"),
                              furrow_statement_get_text (stmt, 2));
  furrow_field_set_geometry (field, geometry);
  furrow_field_set_name (field, furrow_statement_get_text (stmt, 3));
  furrow_field_set_notes (field, furrow_statement_get_text (stmt, 4));
  furrow_custody_from_string (furrow_statement_get_text (stmt, 5), &custody);
  furrow_field_set_custody (field, custody);
  _furrow_field_set_registered_area_m2 (field, furrow_statement_get_double (stmt, 6));
  return field;
}

#define HOUSEHOLD_COLUMNS "id, code, name, members, phone, id_number, notes"

static FurrowHousehold *
household_from_row (FurrowStore  *self,
                    FurrowStatement *stmt)
{
  FurrowHousehold *household = furrow_household_new ();

  _furrow_household_set_id (household, furrow_statement_get_int64 (stmt, 0));
  furrow_household_set_code (household, furrow_statement_get_text (stmt, 1));
  furrow_household_set_name (household, furrow_statement_get_text (stmt, 2));
  furrow_household_set_members (household, (guint) CLAMP (furrow_statement_get_int64 (stmt, 3),
                                                          0, G_MAXUINT));
  furrow_household_set_phone (household, furrow_statement_get_text (stmt, 4));
  furrow_household_set_id_number (household, furrow_statement_get_text (stmt, 5));
  furrow_household_set_notes (household, furrow_statement_get_text (stmt, 6));
  return household;
}

#define PARCEL_COLUMNS \
  "p.id, p.geom, p.code, h.code, p.field_id, p.name, p.registered_area_m2," \
  " p.surveyed_area_m2, p.land_use, p.land_grade, p.neighbour_east, p.neighbour_west," \
  " p.neighbour_south, p.neighbour_north, p.custody, p.entrusted_from, p.entrusted_to"

static FurrowParcel *
parcel_from_row (FurrowStore  *self,
                 FurrowStatement *stmt)
{
  FurrowParcel *parcel = furrow_parcel_new ();
  g_autoptr(FurrowGeometry) geometry = NULL;
  FurrowCustody custody = FURROW_CUSTODY_FULL;

  _furrow_parcel_set_id (parcel, furrow_statement_get_int64 (stmt, 0));
  furrow_parcel_set_code (parcel, furrow_statement_get_text (stmt, 2));
  geometry = column_geometry (self, stmt, 1, C_("object kind", "parcel"),
                              furrow_statement_get_text (stmt, 2));
  furrow_parcel_set_geometry (parcel, geometry);
  furrow_parcel_set_household_code (parcel, furrow_statement_get_text (stmt, 3));
  furrow_parcel_set_field_id (parcel, furrow_statement_get_int64 (stmt, 4));
  furrow_parcel_set_name (parcel, furrow_statement_get_text (stmt, 5));
  furrow_parcel_set_registered_area_m2 (parcel, furrow_statement_get_double (stmt, 6));
  furrow_parcel_set_surveyed_area_m2 (parcel, furrow_statement_get_double (stmt, 7));
  furrow_parcel_set_land_use (parcel, furrow_statement_get_text (stmt, 8));
  furrow_parcel_set_land_grade (parcel, furrow_statement_get_text (stmt, 9));
  furrow_parcel_set_neighbour_east (parcel, furrow_statement_get_text (stmt, 10));
  furrow_parcel_set_neighbour_west (parcel, furrow_statement_get_text (stmt, 11));
  furrow_parcel_set_neighbour_south (parcel, furrow_statement_get_text (stmt, 12));
  furrow_parcel_set_neighbour_north (parcel, furrow_statement_get_text (stmt, 13));
  furrow_custody_from_string (furrow_statement_get_text (stmt, 14), &custody);
  furrow_parcel_set_custody (parcel, custody);
  furrow_parcel_set_entrusted_from (parcel, furrow_statement_get_text (stmt, 15));
  furrow_parcel_set_entrusted_to (parcel, furrow_statement_get_text (stmt, 16));
  return parcel;
}

static gpointer
object_from_row (FurrowStore  *self,
                 ObjectKind    kind,
                 FurrowStatement *stmt)
{
  switch (kind)
    {
    case KIND_FIELD:
      return field_from_row (self, stmt);
    case KIND_HOUSEHOLD:
      return household_from_row (self, stmt);
    case KIND_PARCEL:
    case N_KINDS:
    default:
      return parcel_from_row (self, stmt);
    }
}

static const char *
select_all_sql (ObjectKind kind)
{
  switch (kind)
    {
    case KIND_FIELD:
      return "SELECT " FIELD_COLUMNS " FROM fields f ORDER BY f.id";
    case KIND_HOUSEHOLD:
      return "SELECT " HOUSEHOLD_COLUMNS " FROM households ORDER BY id";
    case KIND_PARCEL:
    case N_KINDS:
    default:
      return "SELECT " PARCEL_COLUMNS
             " FROM parcels p JOIN households h ON h.id = p.household_id ORDER BY p.id";
    }
}

static GPtrArray *
load_objects (FurrowStore  *self,
              ObjectKind    kind,
              GError      **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database, select_all_sql (kind), error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  while (furrow_statement_step (stmt, &local_error))
    g_ptr_array_add (objects, object_from_row (self, kind, stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&objects);
}

static GListModel *
get_model (FurrowStore *self,
           ObjectKind   kind)
{
  if (self->models[kind] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) objects = load_objects (self, kind, &error);

      self->models[kind] = g_list_store_new (kind_type (kind));
      if (objects == NULL)
        g_message ("%s", error->message);
      else
        g_list_store_splice (self->models[kind], 0, 0, objects->pdata, objects->len);
    }
  return g_object_ref (G_LIST_MODEL (self->models[kind]));
}

GListModel *
furrow_store_get_fields (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return get_model (self, KIND_FIELD);
}

GListModel *
furrow_store_get_households (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return get_model (self, KIND_HOUSEHOLD);
}

GListModel *
furrow_store_get_parcels (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return get_model (self, KIND_PARCEL);
}

static gboolean
load_cooperative (FurrowStore  *self,
                  GError      **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             "SELECT name, village_code, contact FROM cooperative WHERE id = 1",
                             error);

  if (stmt == NULL)
    return FALSE;
  if (!step_row (self, stmt, "cooperative", error))
    return FALSE;
  g_free (self->cooperative_name);
  g_free (self->village_code);
  g_free (self->contact);
  self->cooperative_name = g_strdup (furrow_statement_get_text (stmt, 0));
  self->village_code = g_strdup (furrow_statement_get_text (stmt, 1));
  self->contact = g_strdup (furrow_statement_get_text (stmt, 2));
  return TRUE;
}

gboolean
furrow_store_reload (FurrowStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (!load_cooperative (self, error))
    return FALSE;
  for (ObjectKind kind = 0; kind < N_KINDS; kind++)
    {
      g_autoptr(GPtrArray) objects = NULL;

      if (self->models[kind] == NULL)
        continue;
      objects = load_objects (self, kind, error);
      if (objects == NULL)
        return FALSE;
      g_list_store_splice (self->models[kind], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->models[kind])),
                           objects->pdata, objects->len);
    }
  _furrow_store_seasons_reload (self);
  for (ObjectKind kind = 0; kind < N_KINDS; kind++)
    _furrow_store_emit_record_changed (self, kind_type (kind), NULL,
                                       FURROW_RECORD_ADDED | FURROW_RECORD_UPDATED |
                                       FURROW_RECORD_REMOVED);
  _furrow_store_emit_season_changed (self, NULL, FURROW_SEASON_CHANGE_ADDED |
                                     FURROW_SEASON_CHANGE_REMOVED | FURROW_SEASON_CHANGE_RULES |
                                     FURROW_SEASON_CHANGE_PLANS | FURROW_SEASON_CHANGE_HARVESTS |
                                     FURROW_SEASON_CHANGE_OPERATIONS |
                                     FURROW_SEASON_CHANGE_STATE);
  return TRUE;
}

static gpointer
find_by_code (FurrowStore *self,
              ObjectKind   kind,
              const char  *sql,
              const char  *code)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (self->database, sql, NULL);

  if (stmt == NULL || code == NULL)
    return NULL;
  furrow_statement_bind_text (stmt, 1, code);
  if (!furrow_statement_step (stmt, NULL))
    return NULL;
  return object_from_row (self, kind, stmt);
}

static gpointer
get_by_id (FurrowStore *self,
           ObjectKind   kind,
           gint64       id)
{
  g_autoptr(GListModel) model = get_model (self, kind);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      /* The model holds its own reference: the object outlives this one. */
      if (object_get_id (object) == id)
        return object;
    }
  return NULL;
}

FurrowField *
furrow_store_get_field_by_id (FurrowStore *self,
                              gint64       id)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return get_by_id (self, KIND_FIELD, id);
}

FurrowHousehold *
furrow_store_get_household_by_id (FurrowStore *self,
                                  gint64       id)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return get_by_id (self, KIND_HOUSEHOLD, id);
}

FurrowParcel *
furrow_store_get_parcel_by_id (FurrowStore *self,
                               gint64       id)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return get_by_id (self, KIND_PARCEL, id);
}

FurrowField *
furrow_store_find_field (FurrowStore *self,
                         const char  *code)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return find_by_code (self, KIND_FIELD,
                       "SELECT " FIELD_COLUMNS " FROM fields f WHERE f.code = ?1", code);
}

FurrowHousehold *
furrow_store_find_household (FurrowStore *self,
                             const char  *code)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return find_by_code (self, KIND_HOUSEHOLD,
                       "SELECT " HOUSEHOLD_COLUMNS " FROM households WHERE code = ?1", code);
}

FurrowParcel *
furrow_store_find_parcel (FurrowStore *self,
                          const char  *code)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return find_by_code (self, KIND_PARCEL,
                       "SELECT " PARCEL_COLUMNS " FROM parcels p"
                       " JOIN households h ON h.id = p.household_id WHERE p.code = ?1", code);
}

static gint64
count_rows (FurrowStore  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return -1;
  if (!step_row (self, stmt, "count", error))
    return -1;
  return furrow_statement_get_int64 (stmt, 0);
}

gint64
furrow_store_count_fields (FurrowStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), -1);

  return count_rows (self, "SELECT count(*) FROM fields", error);
}

gint64
furrow_store_count_households (FurrowStore  *self,
                               GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), -1);

  return count_rows (self, "SELECT count(*) FROM households", error);
}

gint64
furrow_store_count_parcels (FurrowStore  *self,
                            GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), -1);

  return count_rows (self, "SELECT count(*) FROM parcels", error);
}

/* ------------------------------------------------------------------------------------------ */
/* For the other furrow-store*.c files (furrow-store-private.h)                               */

gboolean
_furrow_store_op_begin (FurrowStore  *self,
                        GError      **error)
{
  return op_begin (self, error);
}

gboolean
_furrow_store_op_end (FurrowStore  *self,
                      gboolean      ok,
                      GError      **error)
{
  return op_end (self, ok, error);
}

static gboolean audit (FurrowStore  *self,
                       const char   *action,
                       const char   *object,
                       const char   *detail,
                       GError      **error);

gboolean
_furrow_store_audit (FurrowStore  *self,
                     const char   *action,
                     const char   *object,
                     const char   *detail,
                     GError      **error)
{
  return audit (self, action, object, detail, error);
}

FurrowDatabase *
_furrow_store_get_database (FurrowStore *self)
{
  return self->database;
}

/* ------------------------------------------------------------------------------------------ */
/* Changes                                                                                    */

static gboolean
audit (FurrowStore  *self,
       const char   *action,
       const char   *object,
       const char   *detail,
       GError      **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                   "INSERT INTO audit_log (actor, action, object, detail) VALUES (?1, ?2, ?3, ?4)",
                   error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, self->actor);
  furrow_statement_bind_text (stmt, 2, action);
  furrow_statement_bind_text (stmt, 3, object);
  furrow_statement_bind_text (stmt, 4, detail);
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  return TRUE;
}

/* An import's additions are audited as one row at its commit, not one row each. */
static gboolean
audit_each_addition (FurrowStore *self,
                     ObjectKind   kind)
{
  if (self->import_source == NULL)
    return TRUE;
  self->n_imported[kind]++;
  return FALSE;
}

/* action "import", object "import:SOURCE", detail "fields 2; parcels 50000": counts only. */
static gboolean
audit_import (FurrowStore  *self,
              GError      **error)
{
  static const char * const names[N_KINDS] = {
    [KIND_FIELD] = "fields", [KIND_HOUSEHOLD] = "households", [KIND_PARCEL] = "parcels",
  };
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *object = g_strconcat ("import:", self->import_source, NULL);

  for (guint kind = 0; kind < N_KINDS; kind++)
    if (self->n_imported[kind] > 0)
      g_string_append_printf (detail, "%s%s %u", detail->len ? "; " : "", names[kind],
                              self->n_imported[kind]);
  return audit (self, "import", object, detail->str, error);
}

/* "registered_area_m2 812.40 -> 830.00; measured_area_m2 …", only the areas that changed. */
static char *
area_changes (const char *name1,
              double      before1,
              double      after1,
              const char *name2,
              double      before2,
              double      after2)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *names[] = { name1, name2 };
  double before[] = { before1, before2 };
  double after[] = { after1, after2 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (names[i] == NULL || before[i] == after[i])
        continue;
      a = format_area (before[i]);
      b = format_area (after[i]);
      g_string_append_printf (detail, "%s%s %s -> %s", detail->len ? "; " : "", names[i], a, b);
    }
  return detail->len ? g_string_free (g_steal_pointer (&detail), FALSE) : NULL;
}

static gboolean
check_new (FurrowStore  *self,
           const char   *what,
           const char   *code,
           gint64        id,
           GError      **error)
{
  if (code == NULL || *code == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("a %s without a code cannot be stored"), what);
      return FALSE;
    }
  if (id != 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s %s is stored already; update it instead"), what, code);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_stored (FurrowStore  *self,
              const char   *what,
              const char   *code,
              gint64        id,
              GError      **error)
{
  if (id <= 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("%s %s is not in the project"), what, code ? code : "");
      return FALSE;
    }
  if (code == NULL || *code == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("a %s without a code cannot be stored"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_geometry (const char            *what,
                const char            *code,
                const FurrowGeometry  *geometry,
                GError               **error)
{
  if (geometry_is_finite (geometry))
    return TRUE;
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
               _("%s %s: the geometry has a coordinate that is not a number"), what, code);
  return FALSE;
}

/* Maps a failed write to a message that names the object. */
static gboolean
set_write_error (FurrowStore  *self,
                 ObjectKind    kind,
                 const char   *code,
                 GError      **error)
{
  FurrowDatabaseConstraint constraint = furrow_database_get_constraint (self->database);

  if (constraint == FURROW_DATABASE_CONSTRAINT_NONE ||
      constraint == FURROW_DATABASE_CONSTRAINT_OTHER)
    return FALSE;  /* error holds the statement layer's own message */
  g_clear_error (error);
  if (constraint == FURROW_DATABASE_CONSTRAINT_UNIQUE)
    {
      if (kind == KIND_PARCEL)
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE,
                     _("parcel %s is already in the project (duplicate DKBM)"), code);
      else if (kind == KIND_HOUSEHOLD)
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE,
                     _("household %s is already in the project (duplicate CBFBM)"), code);
      else
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_DUPLICATE,
                     _("field %s is already in the project (duplicate code)"), code);
      return FALSE;
    }
  if (constraint == FURROW_DATABASE_CONSTRAINT_FOREIGN_KEY)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("parcel %s: its custody field is not in the project"), code);
      return FALSE;
    }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
               _("%s: a value is out of range (areas must not be negative)"), code);
  return FALSE;
}

static gboolean
lookup_household_id (FurrowStore  *self,
                     FurrowParcel *parcel,
                     gint64       *household_id,
                     GError      **error)
{
  const char *code = furrow_parcel_get_household_code (parcel);
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database, "SELECT id FROM households WHERE code = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, code);
  if (!step_found (stmt, &found, error))
    return FALSE;
  if (found)
    {
      *household_id = furrow_statement_get_int64 (stmt, 0);
      return TRUE;
    }
  if (code == NULL || *code == '\0')
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                 _("parcel %s has no household"), furrow_parcel_get_code (parcel));
  else
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                 _("parcel %s: household %s is not in the project"),
                 furrow_parcel_get_code (parcel), code);
  return FALSE;
}

/* Binds ?1 … ?17 of the parcel INSERT and UPDATE statements. */
static void
bind_parcel (FurrowStatement *stmt,
             FurrowParcel *parcel,
             gint64        household_id)
{
  bind_geometry (stmt, 1, furrow_parcel_get_geometry (parcel));
  furrow_statement_bind_text (stmt, 2, furrow_parcel_get_code (parcel));
  furrow_statement_bind_int64 (stmt, 3, household_id);
  furrow_statement_bind_id (stmt, 4, furrow_parcel_get_field_id (parcel));
  furrow_statement_bind_text (stmt, 5, furrow_parcel_get_name (parcel));
  furrow_statement_bind_double (stmt, 6, furrow_parcel_get_registered_area_m2 (parcel));
  furrow_statement_bind_double (stmt, 7, furrow_parcel_get_surveyed_area_m2 (parcel));
  furrow_statement_bind_double (stmt, 8, furrow_parcel_get_measured_area_m2 (parcel));
  furrow_statement_bind_text (stmt, 9, furrow_parcel_get_land_use (parcel));
  furrow_statement_bind_text (stmt, 10, furrow_parcel_get_land_grade (parcel));
  furrow_statement_bind_text (stmt, 11, furrow_parcel_get_neighbour_east (parcel));
  furrow_statement_bind_text (stmt, 12, furrow_parcel_get_neighbour_west (parcel));
  furrow_statement_bind_text (stmt, 13, furrow_parcel_get_neighbour_south (parcel));
  furrow_statement_bind_text (stmt, 14, furrow_parcel_get_neighbour_north (parcel));
  furrow_statement_bind_text (stmt, 15,
                              furrow_custody_to_string (furrow_parcel_get_custody (parcel)));
  furrow_statement_bind_text (stmt, 16, furrow_parcel_get_entrusted_from (parcel));
  furrow_statement_bind_text (stmt, 17, furrow_parcel_get_entrusted_to (parcel));
}

static gboolean
add_parcel (FurrowStore   *self,
            FurrowParcel  *parcel,
            GError       **error)
{
  const char *code = furrow_parcel_get_code (parcel);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *detail = NULL;
  gint64 household_id, id;

  if (!lookup_household_id (self, parcel, &household_id, error))
    return FALSE;

  stmt = furrow_database_prepare (self->database,
                        "INSERT INTO parcels (geom, code, household_id, field_id, name,"
                        " registered_area_m2, surveyed_area_m2, measured_area_m2, land_use,"
                        " land_grade, neighbour_east, neighbour_west, neighbour_south,"
                        " neighbour_north, custody, entrusted_from, entrusted_to)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                        " ?15, ?16, ?17)",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_parcel (stmt, parcel, household_id);
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_PARCEL, code, error);
  id = furrow_database_last_insert_id (self->database);

  if (audit_each_addition (self, KIND_PARCEL))
    {
      object = g_strconcat ("parcel:", code, NULL);
      registered = format_area (furrow_parcel_get_registered_area_m2 (parcel));
      measured = format_area (furrow_parcel_get_measured_area_m2 (parcel));
      detail = g_strdup_printf ("registered_area_m2 %s; measured_area_m2 %s", registered, measured);
      if (!audit (self, "add", object, detail, error))
        return FALSE;
    }

  _furrow_parcel_set_id (parcel, id);
  record_change (self, CHANGE_ADD, KIND_PARCEL, parcel, NULL);
  grow_extent (self, KIND_PARCEL, furrow_parcel_get_geometry (parcel));
  touch_field (self, furrow_parcel_get_field_id (parcel));
  return TRUE;
}

gboolean
furrow_store_add_parcel (FurrowStore   *self,
                         FurrowParcel  *parcel,
                         GError       **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_PARCEL (parcel), FALSE);

  if (!check_new (self, C_("object kind", "parcel"), furrow_parcel_get_code (parcel),
                  furrow_parcel_get_id (parcel), error) ||
      !check_geometry (C_("object kind", "parcel"), furrow_parcel_get_code (parcel),
                       furrow_parcel_get_geometry (parcel), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, add_parcel (self, parcel, error), error);
}

/* The stored areas and field of a parcel, for the audit log and the field totals. */
static gboolean
read_parcel_state (FurrowStore  *self,
                   FurrowParcel *parcel,
                   double       *registered_m2,
                   double       *measured_m2,
                   gint64       *field_id,
                   GError      **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                   "SELECT registered_area_m2, measured_area_m2, field_id FROM parcels"
                   " WHERE id = ?1",
                   error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_parcel_get_id (parcel));
  if (!step_found (stmt, &found, error))
    return FALSE;
  if (found)
    {
      *registered_m2 = furrow_statement_get_double (stmt, 0);
      *measured_m2 = furrow_statement_get_double (stmt, 1);
      *field_id = furrow_statement_get_int64 (stmt, 2);
      return TRUE;
    }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
               _("parcel %s is not in the project"), furrow_parcel_get_code (parcel));
  return FALSE;
}

static gboolean
update_parcel (FurrowStore   *self,
               FurrowParcel  *parcel,
               GError       **error)
{
  const char *code = furrow_parcel_get_code (parcel);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *detail = NULL;
  double registered_m2, measured_m2;
  gint64 household_id, field_id;

  if (!read_parcel_state (self, parcel, &registered_m2, &measured_m2, &field_id, error) ||
      !lookup_household_id (self, parcel, &household_id, error))
    return FALSE;

  stmt = furrow_database_prepare (self->database,
                        "UPDATE parcels SET geom = ?1, code = ?2, household_id = ?3,"
                        " field_id = ?4, name = ?5, registered_area_m2 = ?6,"
                        " surveyed_area_m2 = ?7, measured_area_m2 = ?8, land_use = ?9,"
                        " land_grade = ?10, neighbour_east = ?11, neighbour_west = ?12,"
                        " neighbour_south = ?13, neighbour_north = ?14, custody = ?15,"
                        " entrusted_from = ?16, entrusted_to = ?17 WHERE id = ?18",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_parcel (stmt, parcel, household_id);
  furrow_statement_bind_int64 (stmt, 18, furrow_parcel_get_id (parcel));
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_PARCEL, code, error);

  detail = area_changes ("registered_area_m2", registered_m2,
                         furrow_parcel_get_registered_area_m2 (parcel),
                         "measured_area_m2", measured_m2,
                         furrow_parcel_get_measured_area_m2 (parcel));
  object = g_strconcat ("parcel:", code, NULL);
  if (detail != NULL && !audit (self, "update", object, detail, error))
    return FALSE;

  record_change (self, CHANGE_UPDATE, KIND_PARCEL, parcel, NULL);
  grow_extent (self, KIND_PARCEL, furrow_parcel_get_geometry (parcel));
  touch_field (self, field_id);
  touch_field (self, furrow_parcel_get_field_id (parcel));
  return TRUE;
}

gboolean
furrow_store_update_parcel (FurrowStore   *self,
                            FurrowParcel  *parcel,
                            GError       **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_PARCEL (parcel), FALSE);

  if (!check_stored (self, C_("object kind", "parcel"), furrow_parcel_get_code (parcel),
                     furrow_parcel_get_id (parcel), error) ||
      !check_geometry (C_("object kind", "parcel"), furrow_parcel_get_code (parcel),
                       furrow_parcel_get_geometry (parcel), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, update_parcel (self, parcel, error), error);
}

static gboolean
delete_parcel (FurrowStore   *self,
               FurrowParcel  *parcel,
               GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *detail = NULL;
  double registered_m2, measured_m2;
  gint64 field_id;

  if (!read_parcel_state (self, parcel, &registered_m2, &measured_m2, &field_id, error))
    return FALSE;
  stmt = furrow_database_prepare (self->database, "DELETE FROM parcels WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_parcel_get_id (parcel));
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_PARCEL, furrow_parcel_get_code (parcel), error);

  detail = area_changes ("registered_area_m2", registered_m2, 0.0,
                         "measured_area_m2", measured_m2, 0.0);
  object = g_strconcat ("parcel:", furrow_parcel_get_code (parcel), NULL);
  if (!audit (self, "delete", object, detail, error))
    return FALSE;

  record_change (self, CHANGE_DELETE, KIND_PARCEL, parcel, NULL);
  touch_field (self, field_id);
  return TRUE;
}

gboolean
furrow_store_delete_parcel (FurrowStore   *self,
                            FurrowParcel  *parcel,
                            GError       **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_PARCEL (parcel), FALSE);

  if (!check_stored (self, C_("object kind", "parcel"), furrow_parcel_get_code (parcel),
                     furrow_parcel_get_id (parcel), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, delete_parcel (self, parcel, error), error);
}

/* Households. Their personal data (phone, ID number) stays out of the audit log. */

static gboolean
add_household (FurrowStore      *self,
               FurrowHousehold  *household,
               GError          **error)
{
  const char *code = furrow_household_get_code (household);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  gint64 id;

  stmt = furrow_database_prepare (self->database,
                        "INSERT INTO households (code, name, members, phone, id_number, notes)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, code);
  furrow_statement_bind_text (stmt, 2, furrow_household_get_name (household) ?
                      furrow_household_get_name (household) : "");
  furrow_statement_bind_int64 (stmt, 3, furrow_household_get_members (household));
  furrow_statement_bind_text (stmt, 4, furrow_household_get_phone (household));
  furrow_statement_bind_text (stmt, 5, furrow_household_get_id_number (household));
  furrow_statement_bind_text (stmt, 6, furrow_household_get_notes (household));
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_HOUSEHOLD, code, error);
  id = furrow_database_last_insert_id (self->database);

  if (audit_each_addition (self, KIND_HOUSEHOLD))
    {
      object = g_strconcat ("household:", code, NULL);
      if (!audit (self, "add", object, NULL, error))
        return FALSE;
    }

  _furrow_household_set_id (household, id);
  record_change (self, CHANGE_ADD, KIND_HOUSEHOLD, household, NULL);
  return TRUE;
}

gboolean
furrow_store_add_household (FurrowStore      *self,
                            FurrowHousehold  *household,
                            GError          **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (household), FALSE);

  if (!check_new (self, C_("object kind", "household"), furrow_household_get_code (household),
                  furrow_household_get_id (household), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, add_household (self, household, error), error);
}

static char *
read_household_code (FurrowStore      *self,
                     FurrowHousehold  *household,
                     GError          **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database, "SELECT code FROM households WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_int64 (stmt, 1, furrow_household_get_id (household));
  if (!step_found (stmt, &found, error))
    return NULL;
  if (found)
    return g_strdup (furrow_statement_get_text (stmt, 0));
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
               _("household %s is not in the project"), furrow_household_get_code (household));
  return NULL;
}

/* The names (never the values: they are personal data) of the household's columns other than
 * the code that `household` changes, comma-separated, or NULL when none does. */
static char *
household_changes (FurrowStore      *self,
                   FurrowHousehold  *household,
                   GError          **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  const char *names[] = { "name", "phone", "id_number", "notes" };
  const char *now[4];

  stmt = furrow_database_prepare (self->database,
                        "SELECT name, phone, id_number, notes, members FROM households"
                        " WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_int64 (stmt, 1, furrow_household_get_id (household));
  if (!furrow_statement_step (stmt, error))
    return NULL;
  now[0] = furrow_household_get_name (household);
  now[1] = furrow_household_get_phone (household);
  now[2] = furrow_household_get_id_number (household);
  now[3] = furrow_household_get_notes (household);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    /* Empty and NULL are both "none". */
    if (g_strcmp0 (furrow_statement_get_text (stmt, i) != NULL
                   ? furrow_statement_get_text (stmt, i) : "",
                   now[i] != NULL ? now[i] : "") != 0)
      g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", names[i]);
  if ((guint) furrow_statement_get_int64 (stmt, 4) != furrow_household_get_members (household))
    g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", "members");
  return changed->len > 0 ? g_string_free (g_steal_pointer (&changed), FALSE) : NULL;
}

static gboolean
update_household (FurrowStore      *self,
                  FurrowHousehold  *household,
                  GError          **error)
{
  const char *code = furrow_household_get_code (household);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *old_code = read_household_code (self, household, error);
  g_autofree char *object = NULL;
  g_autofree char *changes = NULL;

  if (old_code == NULL)
    return FALSE;
  changes = household_changes (self, household, NULL);
  stmt = furrow_database_prepare (self->database,
                        "UPDATE households SET code = ?1, name = ?2, members = ?3, phone = ?4,"
                        " id_number = ?5, notes = ?6 WHERE id = ?7",
                        error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, code);
  furrow_statement_bind_text (stmt, 2, furrow_household_get_name (household) ?
                      furrow_household_get_name (household) : "");
  furrow_statement_bind_int64 (stmt, 3, furrow_household_get_members (household));
  furrow_statement_bind_text (stmt, 4, furrow_household_get_phone (household));
  furrow_statement_bind_text (stmt, 5, furrow_household_get_id_number (household));
  furrow_statement_bind_text (stmt, 6, furrow_household_get_notes (household));
  furrow_statement_bind_int64 (stmt, 7, furrow_household_get_id (household));
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_HOUSEHOLD, code, error);

  /* The code's change with its values; the other columns by name only. */
  if (g_strcmp0 (old_code, code) != 0 || changes != NULL)
    {
      g_autoptr(GString) detail = g_string_new (NULL);

      if (g_strcmp0 (old_code, code) != 0)
        g_string_append_printf (detail, "code %s -> %s", old_code, code);
      if (changes != NULL)
        g_string_append_printf (detail, "%s%s changed", detail->len > 0 ? "; " : "", changes);
      object = g_strconcat ("household:", code, NULL);
      if (!audit (self, "update", object, detail->str, error))
        return FALSE;
    }
  record_change (self, CHANGE_UPDATE, KIND_HOUSEHOLD, household, old_code);
  return TRUE;
}

gboolean
furrow_store_update_household (FurrowStore      *self,
                               FurrowHousehold  *household,
                               GError          **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (household), FALSE);

  if (!check_stored (self, C_("object kind", "household"), furrow_household_get_code (household),
                     furrow_household_get_id (household), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, update_household (self, household, error), error);
}

static gboolean
delete_household (FurrowStore      *self,
                  FurrowHousehold  *household,
                  GError          **error)
{
  g_autofree char *code = read_household_code (self, household, error);
  g_autoptr(FurrowStatement) count = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  gint64 n_parcels;

  if (code == NULL)
    return FALSE;

  count = furrow_database_prepare (self->database,
                                   "SELECT count(*) FROM parcels WHERE household_id = ?1", error);
  if (count == NULL)
    return FALSE;
  furrow_statement_bind_int64 (count, 1, furrow_household_get_id (household));
  if (!step_row (self, count, "count", error))
    return FALSE;
  n_parcels = furrow_statement_get_int64 (count, 0);
  if (n_parcels > 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "household %s still has %d parcel; delete it or give it to "
                                "another household first",
                                "household %s still has %d parcels; delete them or give them to "
                                "another household first",
                                (gulong) n_parcels),
                   code, (int) n_parcels);
      return FALSE;
    }

  stmt = furrow_database_prepare (self->database, "DELETE FROM households WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_household_get_id (household));
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_HOUSEHOLD, code, error);

  object = g_strconcat ("household:", code, NULL);
  if (!audit (self, "delete", object, NULL, error))
    return FALSE;
  record_change (self, CHANGE_DELETE, KIND_HOUSEHOLD, household, NULL);
  return TRUE;
}

gboolean
furrow_store_delete_household (FurrowStore      *self,
                               FurrowHousehold  *household,
                               GError          **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (household), FALSE);

  if (!check_stored (self, C_("object kind", "household"), furrow_household_get_code (household),
                     furrow_household_get_id (household), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, delete_household (self, household, error), error);
}

/* Fields. */

static void
bind_field (FurrowStatement *stmt,
            FurrowField  *field)
{
  bind_geometry (stmt, 1, furrow_field_get_geometry (field));
  furrow_statement_bind_text (stmt, 2, furrow_field_get_code (field));
  furrow_statement_bind_text (stmt, 3,
                              furrow_field_get_name (field) ? furrow_field_get_name (field) : "");
  furrow_statement_bind_text (stmt, 4, furrow_field_get_notes (field));
  furrow_statement_bind_text (stmt, 5, furrow_custody_to_string (furrow_field_get_custody (field)));
  furrow_statement_bind_double (stmt, 6, furrow_field_get_measured_area_m2 (field));
}

static gboolean
add_field (FurrowStore  *self,
           FurrowField  *field,
           GError      **error)
{
  const char *code = furrow_field_get_code (field);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *detail = NULL;
  gint64 id;

  stmt = furrow_database_prepare (self->database,
                        "INSERT INTO fields (geom, code, name, notes, custody, measured_area_m2)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_field (stmt, field);
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_FIELD, code, error);
  id = furrow_database_last_insert_id (self->database);

  if (audit_each_addition (self, KIND_FIELD))
    {
      object = g_strconcat ("field:", code, NULL);
      measured = format_area (furrow_field_get_measured_area_m2 (field));
      detail = g_strdup_printf ("measured_area_m2 %s", measured);
      if (!audit (self, "add", object, detail, error))
        return FALSE;
    }

  _furrow_field_set_id (field, id);
  _furrow_field_set_registered_area_m2 (field, 0.0);
  record_change (self, CHANGE_ADD, KIND_FIELD, field, NULL);
  grow_extent (self, KIND_FIELD, furrow_field_get_geometry (field));
  return TRUE;
}

gboolean
furrow_store_add_field (FurrowStore  *self,
                        FurrowField  *field,
                        GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_FIELD (field), FALSE);

  if (!check_new (self, C_("object kind", "field"), furrow_field_get_code (field),
                  furrow_field_get_id (field), error) ||
      !check_geometry (C_("object kind", "field"), furrow_field_get_code (field),
                       furrow_field_get_geometry (field), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, add_field (self, field, error), error);
}

static gboolean
read_field_area (FurrowStore  *self,
                 FurrowField  *field,
                 double       *measured_m2,
                 GError      **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (self->database,
                                             "SELECT measured_area_m2 FROM fields WHERE id = ?1",
                                             error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_field_get_id (field));
  if (!step_found (stmt, &found, error))
    return FALSE;
  if (found)
    {
      *measured_m2 = furrow_statement_get_double (stmt, 0);
      return TRUE;
    }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
               _("field %s is not in the project"), furrow_field_get_code (field));
  return FALSE;
}

static gboolean
update_field (FurrowStore  *self,
              FurrowField  *field,
              GError      **error)
{
  const char *code = furrow_field_get_code (field);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *detail = NULL;
  double measured_m2;

  if (!read_field_area (self, field, &measured_m2, error))
    return FALSE;
  stmt = furrow_database_prepare (self->database,
                        "UPDATE fields SET geom = ?1, code = ?2, name = ?3, notes = ?4,"
                        " custody = ?5, measured_area_m2 = ?6 WHERE id = ?7",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_field (stmt, field);
  furrow_statement_bind_int64 (stmt, 7, furrow_field_get_id (field));
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_FIELD, code, error);

  detail = area_changes ("measured_area_m2", measured_m2,
                         furrow_field_get_measured_area_m2 (field), NULL, 0.0, 0.0);
  object = g_strconcat ("field:", code, NULL);
  if (detail != NULL && !audit (self, "update", object, detail, error))
    return FALSE;
  record_change (self, CHANGE_UPDATE, KIND_FIELD, field, NULL);
  grow_extent (self, KIND_FIELD, furrow_field_get_geometry (field));
  return TRUE;
}

gboolean
furrow_store_update_field (FurrowStore  *self,
                           FurrowField  *field,
                           GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_FIELD (field), FALSE);

  if (!check_stored (self, C_("object kind", "field"), furrow_field_get_code (field),
                     furrow_field_get_id (field), error) ||
      !check_geometry (C_("object kind", "field"), furrow_field_get_code (field),
                       furrow_field_get_geometry (field), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, update_field (self, field, error), error);
}

static gboolean
delete_field (FurrowStore  *self,
              FurrowField  *field,
              GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = NULL;
  g_autofree char *detail = NULL;
  double measured_m2;

  if (!read_field_area (self, field, &measured_m2, error))
    return FALSE;
  stmt = furrow_database_prepare (self->database, "DELETE FROM fields WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_field_get_id (field));
  if (!furrow_statement_run (stmt, error))
    return set_write_error (self, KIND_FIELD, furrow_field_get_code (field), error);

  detail = area_changes ("measured_area_m2", measured_m2, 0.0, NULL, 0.0, 0.0);
  object = g_strconcat ("field:", furrow_field_get_code (field), NULL);
  if (!audit (self, "delete", object, detail, error))
    return FALSE;
  record_change (self, CHANGE_DELETE, KIND_FIELD, field, NULL);
  self->touched_tables[KIND_PARCEL] = TRUE;
  return TRUE;
}

gboolean
furrow_store_delete_field (FurrowStore  *self,
                           FurrowField  *field,
                           GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_FIELD (field), FALSE);

  if (!check_stored (self, C_("object kind", "field"), furrow_field_get_code (field),
                     furrow_field_get_id (field), error) ||
      !op_begin (self, error))
    return FALSE;
  return op_end (self, delete_field (self, field, error), error);
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

const char *
furrow_store_get_contact (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return self->contact ? self->contact : "";
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
  return audit (self, "update", "cooperative", NULL, error);
}

gboolean
furrow_store_set_cooperative (FurrowStore  *self,
                              const char   *name,
                              const char   *village_code,
                              const char   *contact,
                              GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (!op_begin (self, error) ||
      !op_end (self, set_cooperative (self, name, village_code, contact, error), error))
    return FALSE;
  g_free (self->cooperative_name);
  g_free (self->village_code);
  g_free (self->contact);
  self->cooperative_name = g_strdup (name ? name : "");
  self->village_code = g_strdup (village_code ? village_code : "");
  self->contact = g_strdup (contact ? contact : "");
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                      */

static void
furrow_store_finalize (GObject *object)
{
  FurrowStore *self = (FurrowStore *) object;

  if (self->in_batch)
    furrow_store_rollback (self);
  for (ObjectKind kind = 0; kind < N_KINDS; kind++)
    g_clear_object (&self->models[kind]);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->touched_fields, g_hash_table_unref);
  g_clear_pointer (&self->database, furrow_database_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->import_source, g_free);
  g_clear_pointer (&self->cooperative_name, g_free);
  g_clear_pointer (&self->village_code, g_free);
  g_clear_pointer (&self->contact, g_free);

  G_OBJECT_CLASS (furrow_store_parent_class)->finalize (object);
}

static void
furrow_store_class_init (FurrowStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_store_finalize;

  /* furrow-store.h describes when each signal is emitted. */
  signals[SIGNAL_FIELD_CHANGED] =
    g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, FURROW_TYPE_FIELD, FURROW_TYPE_RECORD_CHANGE);
  signals[SIGNAL_HOUSEHOLD_CHANGED] =
    g_signal_new ("household-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, FURROW_TYPE_HOUSEHOLD,
                  FURROW_TYPE_RECORD_CHANGE);
  signals[SIGNAL_PARCEL_CHANGED] =
    g_signal_new ("parcel-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, FURROW_TYPE_PARCEL, FURROW_TYPE_RECORD_CHANGE);
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
}

void
_furrow_store_emit_yield_presets_changed (FurrowStore *self)
{
  g_signal_emit (self, signals[SIGNAL_YIELD_PRESETS_CHANGED], 0);
}

void
_furrow_store_emit_record_changed (FurrowStore        *self,
                                   GType               type,
                                   GObject            *object,
                                   FurrowRecordChange  change)
{
  guint signal;

  if (type == FURROW_TYPE_FIELD)
    signal = signals[SIGNAL_FIELD_CHANGED];
  else if (type == FURROW_TYPE_HOUSEHOLD)
    signal = signals[SIGNAL_HOUSEHOLD_CHANGED];
  else if (type == FURROW_TYPE_PARCEL)
    signal = signals[SIGNAL_PARCEL_CHANGED];
  else
    g_return_if_reached ();
  g_signal_emit (self, signal, 0, object, change);
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
  self->pending = g_ptr_array_new_with_free_func (change_free);
  self->touched_fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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

const char *
furrow_store_get_actor (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return self->actor;
}

void
furrow_store_set_actor (FurrowStore *self,
                        const char  *actor)
{
  g_return_if_fail (FURROW_IS_STORE (self));

  g_free (self->actor);
  self->actor = g_strdup (actor ? actor : "");
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
store_connect (const char  *path,
               GError     **error)
{
  g_autoptr(FurrowStore) self = g_object_new (FURROW_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->database = furrow_database_open (path, FURROW_DATABASE_READ_WRITE, error);
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
  gint64 application_id = 0, has_meta = 0;
  gboolean found;
  const char *text;
  gint64 value;
  char *end;

  if (!store_pragma_int (self, "PRAGMA application_id", &application_id, NULL))
    {
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
  if (stmt == NULL || !step_found (stmt, &found, error))
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
                   "INSERT OR REPLACE INTO furrow_meta (key, value) VALUES ('schema_version', ?1)",
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
  self = store_connect (path, error);
  if (self == NULL ||
      !store_configure (self, error) ||
      !store_migrate (self, 0, version, error) ||
      !load_cooperative (self, error))
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

FurrowStore *
furrow_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(FurrowStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

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

  self = store_connect (path, error);
  if (self == NULL || !read_schema_version (self, &version, error))
    return NULL;
  if (version > FURROW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TOO_NEW,
                   _("%s was saved by a newer version of Furrow (project schema %d; this version "
                     "reads up to %d): update Furrow to open it"),
                   path, version, FURROW_STORE_SCHEMA_VERSION);
      return NULL;
    }
  self->schema_version = version;
  if (!store_configure (self, error) ||
      !store_migrate (self, version, FURROW_STORE_SCHEMA_VERSION, error) ||
      !load_cooperative (self, error))
    return NULL;
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

gboolean
furrow_store_check (FurrowStore  *self,
                    GError      **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(FurrowStatement) integrity = NULL;
  g_autoptr(FurrowStatement) foreign = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  integrity = furrow_database_prepare (self->database, "PRAGMA integrity_check (20)", error);
  if (integrity == NULL)
    return FALSE;
  while (furrow_statement_step (integrity, &local_error))
    if (g_strcmp0 (furrow_statement_get_text (integrity, 0), "ok") != 0)
      g_string_append_printf (problems, "%s%s", problems->len ? "; " : "",
                              furrow_statement_get_text (integrity, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  foreign = furrow_database_prepare (self->database, "PRAGMA foreign_key_check", error);
  if (foreign == NULL)
    return FALSE;
  while (furrow_statement_step (foreign, &local_error))
    {
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append_printf (problems, _("%s row %lld refers to a missing %s row"),
                              furrow_statement_get_text (foreign, 0),
                              (long long) furrow_statement_get_int64 (foreign, 1),
                              furrow_statement_get_text (foreign, 2));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (problems->len > 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
                   _("%s is damaged: %s"), self->path, problems->str);
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

  if (!op_begin (self, error))
    return FALSE;
  return op_end (self, write_schema_version (self, version, error), error);
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

gboolean
_furrow_store_has_index (FurrowStore *self,
                         const char  *name)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             "SELECT count(*) FROM sqlite_master"
                             " WHERE type = 'index' AND name = ?1",
                   NULL);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, name);
  return furrow_statement_step (stmt, NULL) && furrow_statement_get_int64 (stmt, 0) > 0;
}

GStrv
_furrow_store_get_audit (FurrowStore *self,
                         const char  *object)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             "SELECT action, detail FROM audit_log WHERE object = ?1 ORDER BY id",
                   NULL);

  if (stmt != NULL)
    {
      furrow_statement_bind_text (stmt, 1, object);
      while (furrow_statement_step (stmt, NULL))
        {
          const char *detail = furrow_statement_get_text (stmt, 1);
          g_autofree char *row = g_strdup_printf ("%s|%s", furrow_statement_get_text (stmt, 0),
                                                  detail ? detail : "");

          g_strv_builder_add (rows, row);
        }
    }
  return g_strv_builder_end (rows);
}

void
furrow_audit_entry_free (FurrowAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->time);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->object);
  g_free (entry->detail);
  g_free (entry);
}

GPtrArray *
furrow_store_get_audit_log (FurrowStore  *self,
                            const char   *object,
                            GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = furrow_database_prepare (self->database,
                        "SELECT id, time, actor, action, object, detail FROM audit_log"
                        " WHERE ?1 IS NULL OR object = ?1 ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_text (stmt, 1, object);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_audit_entry_free);
  while (furrow_statement_step (stmt, &local_error))
    {
      FurrowAuditEntry *entry = g_new0 (FurrowAuditEntry, 1);

      entry->id = furrow_statement_get_int64 (stmt, 0);
      entry->time = g_strdup (furrow_statement_get_text (stmt, 1));
      entry->actor = g_strdup (furrow_statement_get_text (stmt, 2));
      entry->action = g_strdup (furrow_statement_get_text (stmt, 3));
      entry->object = g_strdup (furrow_statement_get_text (stmt, 4));
      entry->detail = g_strdup (furrow_statement_get_text (stmt, 5));
      g_ptr_array_add (entries, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gboolean
_furrow_store_get_contents_extent (FurrowStore *self,
                                   const char  *table,
                                   double      *min_x,
                                   double      *min_y,
                                   double      *max_x,
                                   double      *max_y)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                   "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"
                   " WHERE table_name = ?1 AND min_x IS NOT NULL",
                   NULL);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, table);
  if (!furrow_statement_step (stmt, NULL))
    return FALSE;
  *min_x = furrow_statement_get_double (stmt, 0);
  *min_y = furrow_statement_get_double (stmt, 1);
  *max_x = furrow_statement_get_double (stmt, 2);
  *max_y = furrow_statement_get_double (stmt, 3);
  return TRUE;
}
