/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fields, households and parcels: their list models, look-ups and counts, and one path that
 * creates, updates and deletes a record of any kind, driven by the record-kind table of
 * furrow-store-kinds.c (docs/architecture.md, The store). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "furrow-store-gpkg.h"
#include "furrow-store-private.h"
#include "furrow-store-testing.h"

/* ------------------------------------------------------------------------------------------ */
/* Columns                                                                                    */

typedef const char           *(*TextGetter)     (gpointer object);
typedef gint64                (*Int64Getter)    (gpointer object);
typedef guint                 (*CountGetter)    (gpointer object);
typedef double                (*DoubleGetter)   (gpointer object);
typedef FurrowCustody         (*CustodyGetter)  (gpointer object);
typedef const FurrowGeometry *(*GeometryGetter) (gpointer object);
typedef void                  (*TextSetter)     (gpointer object, const char *value);
typedef void                  (*Int64Setter)    (gpointer object, gint64 value);
typedef void                  (*CountSetter)    (gpointer object, guint value);
typedef void                  (*DoubleSetter)   (gpointer object, double value);
typedef void                  (*CustodySetter)  (gpointer object, FurrowCustody value);
typedef void                  (*GeometrySetter) (gpointer object, const FurrowGeometry *value);

static const char *
kind_what (const FurrowRecordKind *kind)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "object kind", kind->what);
}

static const char *
object_code (const FurrowRecordKind *kind,
             gpointer                object)
{
  return ((TextGetter) kind->get_code) (object);
}

static const FurrowGeometry *
object_geometry (const FurrowRecordKind *kind,
                 gpointer                object)
{
  return kind->get_geometry != NULL ? ((GeometryGetter) kind->get_geometry) (object) : NULL;
}

/* Binds ?1 … ?n of the kind's INSERT and UPDATE statements, the written columns; returns n. */
static int
bind_columns (FurrowStatement          *stmt,
              const FurrowRecordKind   *kind,
              gpointer                  object,
              const FurrowStoredRecord *stored)
{
  int position = 0;

  for (guint i = 0; i < kind->n_columns; i++)
    {
      const FurrowRecordColumn *column = &kind->columns[i];
      const char *text;

      if (column->name == NULL)
        continue;
      position++;
      switch (column->type)
        {
        case FURROW_RECORD_COLUMN_TEXT:
          furrow_statement_bind_text (stmt, position, ((TextGetter) column->get) (object));
          break;
        case FURROW_RECORD_COLUMN_NAME:
          text = ((TextGetter) column->get) (object);
          furrow_statement_bind_text (stmt, position, text != NULL ? text : "");
          break;
        case FURROW_RECORD_COLUMN_INT64:
          furrow_statement_bind_int64 (stmt, position, ((Int64Getter) column->get) (object));
          break;
        case FURROW_RECORD_COLUMN_ID:
          furrow_statement_bind_id (stmt, position, ((Int64Getter) column->get) (object));
          break;
        case FURROW_RECORD_COLUMN_COUNT:
          furrow_statement_bind_int64 (stmt, position, ((CountGetter) column->get) (object));
          break;
        case FURROW_RECORD_COLUMN_DOUBLE:
          furrow_statement_bind_double (stmt, position, ((DoubleGetter) column->get) (object));
          break;
        case FURROW_RECORD_COLUMN_CUSTODY:
          furrow_statement_bind_text (stmt, position,
                                      furrow_custody_to_string (((CustodyGetter) column->get)
                                                                (object)));
          break;
        case FURROW_RECORD_COLUMN_GEOMETRY:
          {
            const FurrowGeometry *geometry = ((GeometryGetter) column->get) (object);
            g_autoptr(GBytes) blob = geometry != NULL ? furrow_gpkg_blob_encode (geometry) : NULL;

            furrow_statement_bind_bytes (stmt, position, blob);
          }
          break;
        case FURROW_RECORD_COLUMN_REFERENCE:
          furrow_statement_bind_int64 (stmt, position, stored->reference);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return position;
}

/* The index of the code among the kind's read columns (those with a setter). */
static int
code_read (const FurrowRecordKind *kind)
{
  int read = 0;

  for (guint i = 0; i < kind->n_columns; i++)
    {
      if (kind->columns[i].set == NULL)
        continue;
      if (g_strcmp0 (kind->columns[i].name, "code") == 0)
        return read;
      read++;
    }
  g_return_val_if_reached (0);
}

static FurrowGeometry *
column_geometry (FurrowStore            *self,
                 const FurrowRecordKind *kind,
                 FurrowStatement        *stmt,
                 int                     index)
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
               self->path, kind_what (kind),
               furrow_statement_get_text (stmt, code_read (kind)), error->message);
  return geometry;
}

/* A text read from the file that is not UTF-8 (bytes written around Furrow): the store is
 * damaged, and says which record and column, so that list and export refuse instead of
 * printing the bytes as a household's ID number (`furrow-cli check` lists every such value).
 * The object holds the text made valid, for the window that shows the damage. */
static void
mark_text_damaged (FurrowStore            *self,
                   const FurrowRecordKind *kind,
                   FurrowStatement        *stmt,
                   const char             *column)
{
  const char *code = furrow_statement_get_text (stmt, code_read (kind));
  g_autofree char *valid_code = g_utf8_make_valid (code != NULL ? code : "", -1);
  g_autofree char *record = NULL;
  g_autoptr(GError) error = NULL;

  if (furrow_database_get_damage (self->database) != NULL)
    return;
  if (!furrow_register_check_text (valid_code, -1, FURROW_TEXT_LINE, "", NULL))
    {
      g_free (valid_code);
      valid_code = g_strdup ("?");
    }
  /* Translators: a kind of record (field, household, parcel), its code, and a column of its
   * table (name, id_number …) */
  record = g_strdup_printf (_("%s %s: the column %s is not valid UTF-8 text"),
                            kind_what (kind), valid_code, column);
  furrow_database_set_damaged (self->database, &error,
                               _("%s is damaged (%s): nothing was written to it; restore it "
                                 "from a backup or a restore point, or run “furrow-cli check” "
                                 "to see what is wrong"), self->path, record);
}

/* A new object of the kind from a row of its select_all or select_code statement. */
static gpointer
object_from_row (FurrowStore     *self,
                 FurrowKind       kind_id,
                 FurrowStatement *stmt)
{
  const FurrowRecordKind *kind = _furrow_store_kind (kind_id);
  gpointer object = g_object_new (kind->get_type (), NULL);

  int index = -1;

  for (guint i = 0; i < kind->n_columns; i++)
    {
      const FurrowRecordColumn *column = &kind->columns[i];
      FurrowCustody custody = FURROW_CUSTODY_FULL;

      if (column->set == NULL)
        continue;
      index++;
      switch (column->type)
        {
        case FURROW_RECORD_COLUMN_TEXT:
        case FURROW_RECORD_COLUMN_NAME:
        case FURROW_RECORD_COLUMN_REFERENCE:
          {
            const char *text = furrow_statement_get_text (stmt, index);

            if (text != NULL && !g_utf8_validate (text, -1, NULL))
              {
                g_autofree char *valid = g_utf8_make_valid (text, -1);

                mark_text_damaged (self, kind, stmt, column->name);
                ((TextSetter) column->set) (object, valid);
              }
            else
              ((TextSetter) column->set) (object, text);
          }
          break;
        case FURROW_RECORD_COLUMN_INT64:
        case FURROW_RECORD_COLUMN_ID:
          ((Int64Setter) column->set) (object, furrow_statement_get_int64 (stmt, index));
          break;
        case FURROW_RECORD_COLUMN_COUNT:
          ((CountSetter) column->set) (object,
                                       (guint) CLAMP (furrow_statement_get_int64 (stmt, index),
                                                      0, G_MAXUINT));
          break;
        case FURROW_RECORD_COLUMN_DOUBLE:
          ((DoubleSetter) column->set) (object, furrow_statement_get_double (stmt, index));
          break;
        case FURROW_RECORD_COLUMN_CUSTODY:
          furrow_custody_from_string (furrow_statement_get_text (stmt, index), &custody);
          ((CustodySetter) column->set) (object, custody);
          break;
        case FURROW_RECORD_COLUMN_GEOMETRY:
          {
            g_autoptr(FurrowGeometry) geometry = column_geometry (self, kind, stmt, index);

            ((GeometrySetter) column->set) (object, geometry);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return object;
}

/* ------------------------------------------------------------------------------------------ */
/* Models, look-ups, counts                                                                   */

static GPtrArray *
load_objects (FurrowStore  *self,
              FurrowKind    kind,
              GError      **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             _furrow_store_kind_sql (kind, FURROW_KIND_SQL_SELECT_ALL), error);
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

GListModel *
_furrow_store_get_model (FurrowStore *self,
                         FurrowKind   kind)
{
  if (self->models[kind] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) objects = load_objects (self, kind, &error);

      self->models[kind] = g_list_store_new (_furrow_store_kind (kind)->get_type ());
      /* An unreadable table is damage, never an empty register ("0 parcels"): the store
       * keeps it and refuses to write (furrow_store_check_damage()). */
      if (objects == NULL && g_error_matches (error, FURROW_STORE_ERROR,
                                              FURROW_STORE_ERROR_CORRUPT))
        furrow_database_mark_damaged (self->database, error);
      else if (objects == NULL)
        g_message ("%s", error->message);
      if (objects != NULL)
        g_list_store_splice (self->models[kind], 0, 0, objects->pdata, objects->len);
      /* Read as the open transaction sees the file (furrow-store-transaction.c). */
      self->models_uncommitted[kind] = furrow_database_in_transaction (self->database);
    }
  return G_LIST_MODEL (self->models[kind]);
}

/* The loaded model of the kind read again from the file, in place. */
gboolean
_furrow_store_reload_model (FurrowStore  *self,
                            FurrowKind    kind,
                            GError      **error)
{
  g_autoptr(GPtrArray) objects = NULL;

  self->models_uncommitted[kind] = FALSE;
  if (self->models[kind] == NULL)
    return TRUE;
  objects = load_objects (self, kind, error);
  if (objects == NULL)
    return FALSE;
  g_list_store_splice (self->models[kind], 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->models[kind])),
                       objects->pdata, objects->len);
  return TRUE;
}

gboolean
furrow_store_reload (FurrowStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (!_furrow_store_load_cooperative (self, error))
    return FALSE;
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    if (!_furrow_store_reload_model (self, kind, error))
      return FALSE;
  _furrow_store_seasons_reload (self);
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    _furrow_store_emit_record_changed (self, kind, NULL,
                                       FURROW_RECORD_ADDED | FURROW_RECORD_UPDATED |
                                       FURROW_RECORD_REMOVED);
  _furrow_store_emit_season_changed (self, NULL, FURROW_SEASON_CHANGE_ADDED |
                                     FURROW_SEASON_CHANGE_REMOVED | FURROW_SEASON_CHANGE_RULES |
                                     FURROW_SEASON_CHANGE_PLANS | FURROW_SEASON_CHANGE_HARVESTS |
                                     FURROW_SEASON_CHANGE_OPERATIONS |
                                     FURROW_SEASON_CHANGE_STATE);
  return TRUE;
}

/* A new object read from the file (transfer full), NULL when absent. */
static gpointer
find_by_code (FurrowStore *self,
              FurrowKind   kind,
              const char  *code)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             _furrow_store_kind_sql (kind, FURROW_KIND_SQL_SELECT_CODE), NULL);

  if (stmt == NULL || code == NULL)
    return NULL;
  furrow_statement_bind_text (stmt, 1, code);
  if (!furrow_statement_step (stmt, NULL))
    return NULL;
  return object_from_row (self, kind, stmt);
}

/* A new object read from the file by row id (transfer full); NULL when absent or unreadable. */
gpointer
_furrow_store_read_record (FurrowStore *self,
                           FurrowKind   kind,
                           gint64       id)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             _furrow_store_kind_sql (kind, FURROW_KIND_SQL_SELECT_ID), NULL);

  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_int64 (stmt, 1, id);
  if (!furrow_statement_step (stmt, NULL))
    return NULL;
  return object_from_row (self, kind, stmt);
}

/* The live object of the model (transfer none), NULL when absent. */
gpointer
_furrow_store_get_live (FurrowStore *self,
           FurrowKind   kind,
           gint64       id)
{
  GListModel *model = _furrow_store_get_model (self, kind);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      /* The model holds its own reference: the object outlives this one. */
      if (_furrow_store_object_get_id (object) == id)
        return object;
    }
  return NULL;
}

static gint64
count_rows (FurrowStore  *self,
            FurrowKind    kind,
            GError      **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database, _furrow_store_kind (kind)->count, error);

  if (stmt == NULL)
    return -1;
  if (!_furrow_store_step_row (self, stmt, "count", error))
    return -1;
  return furrow_statement_get_int64 (stmt, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Changes                                                                                    */

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

gboolean
_furrow_store_check_text (const char       *text,
                          FurrowTextFlags   flags,
                          const char       *what,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (furrow_register_check_text (text, -1, flags, what, &local_error))
    return TRUE;
  g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                       local_error->message);
  return FALSE;
}

/* Every text column a change writes: one line, but for the notes (issue 12, item 5). Its code
 * first, which the message of any other column repeats. */
static gboolean
check_texts (const FurrowRecordKind  *kind,
             gpointer                 object,
             GError                 **error)
{
  const char *code = object_code (kind, object);

  if (!furrow_register_check_text (code, -1, FURROW_TEXT_LINE, "", NULL))
    {
      /* Translators: %s is a kind of record (field, household, parcel) */
      g_autofree char *what = g_strdup_printf (_("the %s’s code"), kind_what (kind));

      return _furrow_store_check_text (code, FURROW_TEXT_LINE, what, error);
    }
  for (guint i = 0; i < kind->n_columns; i++)
    {
      const FurrowRecordColumn *column = &kind->columns[i];
      FurrowTextFlags flags;
      const char *text;

      if (column->name == NULL ||
          (column->type != FURROW_RECORD_COLUMN_TEXT && column->type != FURROW_RECORD_COLUMN_NAME))
        continue;
      text = ((TextGetter) column->get) (object);
      flags = g_str_equal (column->name, "notes") ? FURROW_TEXT_MULTILINE : FURROW_TEXT_LINE;
      if (!furrow_register_check_text (text, -1, flags, "", NULL))
        {
          /* Translators: a kind of record (field, household, parcel), its code, and a column
           * of its table (name, phone, notes …) */
          g_autofree char *what = g_strdup_printf (_("%s %s: the column %s"), kind_what (kind),
                                                   code, column->name);

          return _furrow_store_check_text (text, flags, what, error);
        }
    }
  return TRUE;
}

/* What every change checks before it opens a transaction: an addition is new and has a code,
 * an update or deletion names a stored record, a geometry written has finite coordinates and
 * its texts no control character. */
static gboolean
check_record (const FurrowRecordKind  *kind,
              FurrowRecordChange       change,
              gpointer                 object,
              GError                 **error)
{
  const char *code = object_code (kind, object);
  gint64 id = ((Int64Getter) kind->get_id) (object);

  if (change != FURROW_RECORD_ADDED && id <= 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("%s %s is not in the project"), kind_what (kind), code ? code : "");
      return FALSE;
    }
  if (code == NULL || *code == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("a %s without a code cannot be stored"), kind_what (kind));
      return FALSE;
    }
  if (change == FURROW_RECORD_ADDED && id != 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s %s is stored already; update it instead"), kind_what (kind), code);
      return FALSE;
    }
  if (change != FURROW_RECORD_REMOVED && !geometry_is_finite (object_geometry (kind, object)))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s %s: the geometry has a coordinate that is not a number"),
                   kind_what (kind), code);
      return FALSE;
    }
  return change == FURROW_RECORD_REMOVED || check_texts (kind, object, error);
}

/* An error from one of the kind table's messages (N_() literals with one %s, the code). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
set_kind_error (GError     **error,
                int          code,
                const char  *message,
                const char  *record_code)
{
  g_set_error (error, FURROW_STORE_ERROR, code, _(message), record_code);
}
#pragma GCC diagnostic pop

/* Maps a failed write to a message that names the record. */
static gboolean
set_write_error (FurrowStore             *self,
                 const FurrowRecordKind  *kind,
                 const char              *code,
                 GError                 **error)
{
  FurrowDatabaseConstraint constraint = furrow_database_get_constraint (self->database);

  if (constraint == FURROW_DATABASE_CONSTRAINT_NONE ||
      constraint == FURROW_DATABASE_CONSTRAINT_OTHER)
    return FALSE;  /* error holds the statement layer's own message */
  g_clear_error (error);
  if (constraint == FURROW_DATABASE_CONSTRAINT_UNIQUE)
    set_kind_error (error, FURROW_STORE_ERROR_DUPLICATE, kind->duplicate, code);
  else if (constraint == FURROW_DATABASE_CONSTRAINT_FOREIGN_KEY)
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                 _("parcel %s: its custody field is not in the project"), code);
  else
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                 _("%s: a value is out of range (areas must not be negative)"), code);
  return FALSE;
}

/* The audit detail of the kind's areas: "registered_area_m2 812.40; measured_area_m2 …" for an
 * addition (stored NULL), else "registered_area_m2 812.40 -> 830.00; …" for the areas that
 * changed (object NULL: deleted, now 0). NULL when there is nothing to say. */
static char *
describe_areas (const FurrowRecordKind   *kind,
                const FurrowStoredRecord *stored,
                gpointer                  object)
{
  g_autoptr(GString) detail = g_string_new (NULL);

  for (guint i = 0; i < kind->n_areas; i++)
    {
      double after = object != NULL ? ((DoubleGetter) kind->areas[i].get) (object) : 0.0;
      g_autofree char *a = _furrow_store_format_area (after);
      g_autofree char *b = NULL;

      if (stored == NULL)
        {
          g_string_append_printf (detail, "%s%s %s", detail->len ? "; " : "", kind->areas[i].name,
                                  a);
          continue;
        }
      if (stored->areas_m2[i] == after)
        continue;
      b = _furrow_store_format_area (stored->areas_m2[i]);
      g_string_append_printf (detail, "%s%s %s -> %s", detail->len ? "; " : "",
                              kind->areas[i].name, b, a);
    }
  return detail->len ? g_string_free (g_steal_pointer (&detail), FALSE) : NULL;
}

/* Who last changed `object`'s row, and when ("clerk_a at 14:05 on 7 December"): its
 * changed_by and changed_at, or the audit log's last actor when the row does not say; *found:
 * whether the row is still there. */
static char *
changed_by (FurrowStore             *self,
            const FurrowRecordKind  *kind,
            gpointer                 object,
            gboolean                *found)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *who = NULL;
  g_autofree char *audit_object = NULL;
  gint64 changed_at = 0;

  *found = FALSE;
  stmt = furrow_database_prepare (self->database, kind->select_changed_by, NULL);
  if (stmt != NULL)
    {
      furrow_statement_bind_int64 (stmt, 1, ((Int64Getter) kind->get_id) (object));
      if (furrow_statement_step (stmt, NULL))
        {
          *found = TRUE;
          who = furrow_statement_dup_text (stmt, 0);
          changed_at = furrow_statement_get_int64 (stmt, 1);
        }
    }
  g_clear_pointer (&stmt, furrow_statement_release);
  if (who == NULL || *who == '\0')
    {
      audit_object = g_strconcat (kind->noun, ":", object_code (kind, object), NULL);
      g_free (who);
      who = _furrow_store_last_actor (self, audit_object, "%");
    }
  if (*found)
    who = _furrow_store_changed_by_at (g_steal_pointer (&who), changed_at);
  return g_steal_pointer (&who);
}

/**
 * furrow_store_dup_changed_by:
 * @self: a store
 * @record: a field, household or parcel of @self
 *
 * Who last changed @record and when, as conflict messages say it ("clerk_a at 14:05 on
 * 7 December"): for an editor whose text another user's change replaced.
 *
 * Returns: (transfer full) (nullable): NULL when the record is no longer stored.
 */
char *
furrow_store_dup_changed_by (FurrowStore *self,
                             GObject     *record)
{
  g_autofree char *who = NULL;
  gboolean found;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  who = changed_by (self, _furrow_store_kind (_furrow_store_kind_of (record)), record, &found);
  return found ? g_steal_pointer (&who) : NULL;
}

/* Another writer changed or deleted the record since it was read (its row version is not the
 * one read): CONFLICT naming the record and who changed it — the row's changed_by, else the
 * audit log's last actor for it (a deletion) — and the record is read again once the operation
 * is rolled back, so every view shows what is stored (docs/architecture.md, Several users at
 * once). Nothing is written. */
static gboolean
set_conflict (FurrowStore             *self,
              const FurrowRecordKind  *kind,
              gpointer                 object,
              GError                 **error)
{
  g_autofree char *who = NULL;
  const char *code = object_code (kind, object);
  gboolean found = FALSE;
  GError *conflict;
  FurrowRecordRef ref = { _furrow_store_kind_of (object),
                          ((Int64Getter) kind->get_id) (object) };

  g_clear_error (error);
  who = changed_by (self, kind, object, &found);
  if (found)
    /* TRANSLATORS: "parcel 3707…0001 was changed by clerk_b …": the kind, the code, the user. */
    conflict = g_error_new (FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT,
                            _("%s %s was changed by %s after you opened it: your change was not "
                              "saved, and their values are shown now"), kind_what (kind), code,
                            who);
  else
    conflict = g_error_new (FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT,
                            _("%s %s was deleted by %s after you opened it: your change was not "
                              "saved"), kind_what (kind), code, who);
  g_array_append_val (self->stale, ref);
  g_free (self->conflict);
  self->conflict = g_strdup (conflict->message);
  g_propagate_error (error, conflict);
  return FALSE;
}

/* The stored row of a record before its update or deletion (the kind's read_stored hook). */
static gboolean
read_stored (FurrowStore             *self,
             const FurrowRecordKind  *kind,
             gpointer                 object,
             FurrowStoredRecord      *stored,
             GError                 **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database, kind->select_stored, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, ((Int64Getter) kind->get_id) (object));
  if (!_furrow_store_step_found (stmt, &found, error))
    return FALSE;
  if (found)
    {
      kind->read_stored (stmt, stored);
      return TRUE;
    }
  /* A record read from the project and gone since: someone else deleted it. */
  if (_furrow_store_object_get_version (object) > 0)
    return set_conflict (self, kind, object, error);
  set_kind_error (error, FURROW_STORE_ERROR_NOT_FOUND, kind->not_found, object_code (kind, object));
  return FALSE;
}

static void
stored_record_clear (FurrowStoredRecord *stored)
{
  g_clear_pointer (&stored->code, g_free);
  g_clear_pointer (&stored->detail, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FurrowStoredRecord, stored_record_clear)

/* The bookkeeping for the commit of a change written: an added record's id (new_id) and version,
 * the kind's written hook, the pending change and the extent. */
static void
record_written (FurrowStore         *self,
                FurrowKind           kind_id,
                FurrowRecordChange   change,
                gpointer             object,
                FurrowStoredRecord  *stored,
                gint64               new_id)
{
  const FurrowRecordKind *kind = _furrow_store_kind (kind_id);

  if (change == FURROW_RECORD_ADDED)
    {
      ((Int64Setter) kind->set_id) (object, new_id);
      _furrow_store_object_set_version (object, 1);
    }
  else if (change == FURROW_RECORD_UPDATED && _furrow_store_object_get_version (object) > 0)
    _furrow_store_object_set_version (object, _furrow_store_object_get_version (object) + 1);
  if (kind->written != NULL)
    kind->written (self, change, object, stored);
  _furrow_store_record_change (self, change, kind_id, object,
                               change == FURROW_RECORD_UPDATED ? stored->code : NULL);
  if (change != FURROW_RECORD_REMOVED)
    _furrow_store_grow_extent (self, kind_id, object_geometry (kind, object));
}

/* A record's INSERT deferred (furrow_statement_run_deferred()): an import on a server sends its
 * rows without waiting for each one's answer (docs/benchmarks.md); the batch is all or nothing
 * and audited once, so nothing else waits for the row. */
typedef struct
{
  FurrowStore *store;
  FurrowKind   kind;
  GObject     *object;
  char        *code;
} DeferredInsert;

static void
deferred_insert_free (gpointer data)
{
  DeferredInsert *insert = data;

  g_object_unref (insert->object);
  g_free (insert->code);
  g_free (insert);
}

static void
deferred_insert_done (gint64    id,
                      GError  **error,
                      gpointer  data)
{
  DeferredInsert *insert = data;
  FurrowStoredRecord stored = { { 0 } };

  if (*error != NULL)
    set_write_error (insert->store, _furrow_store_kind (insert->kind), insert->code, error);
  else
    record_written (insert->store, insert->kind, FURROW_RECORD_ADDED, insert->object, &stored,
                    id);
}

/* Writes one change of a record inside the open operation: the row, its audit row, then the
 * bookkeeping for the commit. */
static gboolean
write_change (FurrowStore         *self,
              FurrowKind           kind_id,
              FurrowRecordChange   change,
              gpointer             object,
              GError             **error)
{
  const FurrowRecordKind *kind = _furrow_store_kind (kind_id);
  g_auto(FurrowStoredRecord) stored = { { 0 } };
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *audit_object = NULL;
  g_autofree char *detail = NULL;
  const char *code, *action = NULL;
  gint64 new_id = 0;
  int n_bound = 0;
  /* SQLite gives an INSERT's id as the last rowid, a server with RETURNING (furrow-store-kinds.c,
   * make_write_sql). */
  gboolean rowid = change == FURROW_RECORD_ADDED &&
                   furrow_database_get_dialect (self->database) == FURROW_DATABASE_SQLITE;

  if (change != FURROW_RECORD_ADDED && !read_stored (self, kind, object, &stored, error))
    return FALSE;
  if (kind->prepare != NULL && !kind->prepare (self, change, object, &stored, error))
    return FALSE;

  /* A deletion names the record as stored, a write as it is now. */
  code = change == FURROW_RECORD_REMOVED && stored.code != NULL ? stored.code
                                                                 : object_code (kind, object);
  stmt = furrow_database_prepare (self->database,
                                  rowid ? _furrow_store_kind_sql (kind_id,
                                                                  FURROW_KIND_SQL_INSERT_ROWID)
                                        : _furrow_store_kind_write_sql (kind_id, change),
                                  error);
  if (stmt == NULL)
    return FALSE;
  if (change != FURROW_RECORD_REMOVED)
    n_bound = bind_columns (stmt, kind, object, &stored);
  /* The row id: ?n+1 of an UPDATE, ?1 of a DELETE; then an UPDATE's writer, ?n+2; the
   * version read, ?n+3 of an UPDATE, ?2 of a DELETE (0: NULL, not checked); and an UPDATE's
   * time, ?n+4. */
  if (change != FURROW_RECORD_ADDED)
    furrow_statement_bind_int64 (stmt, n_bound + 1, ((Int64Getter) kind->get_id) (object));
  if (change == FURROW_RECORD_UPDATED)
    {
      furrow_statement_bind_text (stmt, n_bound + 2, self->actor);
      furrow_statement_bind_id (stmt, n_bound + 3, _furrow_store_object_get_version (object));
      furrow_statement_bind_int64 (stmt, n_bound + 4, _furrow_store_now ());
    }
  else if (change == FURROW_RECORD_REMOVED)
    furrow_statement_bind_id (stmt, 2, _furrow_store_object_get_version (object));
  /* An import's INSERT on a server: its answer is read later, with many others. */
  if (change == FURROW_RECORD_ADDED && self->import_source != NULL &&
      self->batch_all_or_nothing && furrow_store_is_server (self) &&
      !_furrow_store_audit_each_addition (self, kind_id))
    {
      DeferredInsert *insert = g_new0 (DeferredInsert, 1);

      insert->store = self;
      insert->kind = kind_id;
      insert->object = g_object_ref (object);
      insert->code = g_strdup (code);
      return furrow_statement_run_deferred (stmt, deferred_insert_done, insert,
                                            deferred_insert_free, error);
    }
  /* An INSERT on a server gives the new row's id as its one row (RETURNING id). */
  if (change == FURROW_RECORD_ADDED && !rowid && furrow_statement_step (stmt, &local_error))
    new_id = furrow_statement_get_int64 (stmt, 0);
  if (local_error == NULL && furrow_statement_run (stmt, &local_error) && rowid)
    new_id = furrow_database_last_insert_id (self->database);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return set_write_error (self, kind, code, error);
    }
  /* The row was there when read_stored looked (in this transaction): no row changed means
   * another writer's version is stored now. */
  if (change != FURROW_RECORD_ADDED && furrow_database_changes (self->database) == 0)
    return set_conflict (self, kind, object, error);

  switch (change)
    {
    case FURROW_RECORD_ADDED:
      if (_furrow_store_audit_each_addition (self, kind_id))
        {
          action = "add";
          detail = describe_areas (kind, NULL, object);
        }
      break;
    case FURROW_RECORD_UPDATED:
      /* Only an update that changes something the log records. */
      detail = stored.detail != NULL ? g_strdup (stored.detail)
                                     : describe_areas (kind, &stored, object);
      action = detail != NULL ? "update" : NULL;
      break;
    case FURROW_RECORD_REMOVED:
    default:
      action = "delete";
      detail = describe_areas (kind, &stored, NULL);
      break;
    }
  audit_object = action != NULL ? g_strconcat (kind->noun, ":", code, NULL) : NULL;
  if (action != NULL && !_furrow_store_audit (self, action, audit_object, detail, error))
    return FALSE;

  record_written (self, kind_id, change, object, &stored, new_id);
  return TRUE;
}

/* The public add, update and delete of every kind: the checks, then one operation (a
 * transaction, or a savepoint in a batch). */
static gboolean
change_record (FurrowStore         *self,
               FurrowKind           kind,
               FurrowRecordChange   change,
               gpointer             object,
               GError             **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, _furrow_store_kind (kind)->get_type ()),
                        FALSE);

  if (!check_record (_furrow_store_kind (kind), change, object, error) ||
      !_furrow_store_op_begin (self, error))
    return FALSE;
  return _furrow_store_op_end (self, write_change (self, kind, change, object, error), error);
}

/* The public functions of one kind (furrow-store.h, furrow-store-testing.h), each a call of the
 * generic one: furrow_store_get_<kind>s (), _find_<kind> (), _get_<kind>_by_id (),
 * _count_<kind>s (), _add_<kind> (), _update_<kind> (), _delete_<kind> (). */
#define DEFINE_RECORD_FUNCTIONS(Type, type, KIND)                                                \
  GListModel *                                                                                   \
  furrow_store_get_##type##s (FurrowStore *self)                                                 \
  {                                                                                              \
    g_return_val_if_fail (FURROW_IS_STORE (self), NULL);                                         \
    return g_object_ref (_furrow_store_get_model (self, KIND));                                  \
  }                                                                                              \
                                                                                                 \
  Furrow##Type *                                                                                 \
  furrow_store_find_##type (FurrowStore *self,                                                   \
                            const char  *code)                                                   \
  {                                                                                              \
    g_return_val_if_fail (FURROW_IS_STORE (self), NULL);                                         \
    return find_by_code (self, KIND, code);                                                      \
  }                                                                                              \
                                                                                                 \
  Furrow##Type *                                                                                 \
  furrow_store_get_##type##_by_id (FurrowStore *self,                                            \
                                   gint64       id)                                              \
  {                                                                                              \
    g_return_val_if_fail (FURROW_IS_STORE (self), NULL);                                         \
    return _furrow_store_get_live (self, KIND, id);                                                           \
  }                                                                                              \
                                                                                                 \
  gint64                                                                                         \
  furrow_store_count_##type##s (FurrowStore  *self,                                              \
                                GError      **error)                                             \
  {                                                                                              \
    g_return_val_if_fail (FURROW_IS_STORE (self), -1);                                           \
    return count_rows (self, KIND, error);                                                       \
  }                                                                                              \
                                                                                                 \
  gboolean                                                                                       \
  furrow_store_add_##type (FurrowStore   *self,                                                  \
                           Furrow##Type  *object,                                                \
                           GError       **error)                                                 \
  {                                                                                              \
    return change_record (self, KIND, FURROW_RECORD_ADDED, object, error);                       \
  }                                                                                              \
                                                                                                 \
  gboolean                                                                                       \
  furrow_store_update_##type (FurrowStore   *self,                                               \
                              Furrow##Type  *object,                                             \
                              GError       **error)                                              \
  {                                                                                              \
    return change_record (self, KIND, FURROW_RECORD_UPDATED, object, error);                     \
  }                                                                                              \
                                                                                                 \
  gboolean                                                                                       \
  furrow_store_delete_##type (FurrowStore   *self,                                               \
                              Furrow##Type  *object,                                             \
                              GError       **error)                                              \
  {                                                                                              \
    return change_record (self, KIND, FURROW_RECORD_REMOVED, object, error);                     \
  }

DEFINE_RECORD_FUNCTIONS (Field, field, FURROW_KIND_FIELD)
DEFINE_RECORD_FUNCTIONS (Household, household, FURROW_KIND_HOUSEHOLD)
DEFINE_RECORD_FUNCTIONS (Parcel, parcel, FURROW_KIND_PARCEL)
