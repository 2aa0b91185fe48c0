/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The record kinds of the store: fields, households and parcels, one row each of `kinds` with its
 * table, statements, columns, audit wording and the hooks for what only that kind does (a
 * parcel's household, a field's registered area, a household's code followed by its parcels).
 * furrow-store-records.c creates, updates, deletes and loads every kind through this table
 * (docs/architecture.md, The store). A new kind is a row here with its hooks, a FurrowKind
 * value and a DEFINE_RECORD_FUNCTIONS line there. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "furrow-store-private.h"

/* A column written from `getter` and read into `setter`; NULL for a column only read (the row
 * id) or only written (an area the object measures itself). */
#define COLUMN(type, getter, setter) \
  { FURROW_RECORD_COLUMN_##type, G_CALLBACK (getter), G_CALLBACK (setter) }

/* ------------------------------------------------------------------------------------------ */
/* Fields                                                                                     */

#define FIELD_COLUMNS \
  "f.id, f.geom, f.code, f.name, f.notes, f.custody," \
  " (SELECT total (p.registered_area_m2) FROM parcels p WHERE p.field_id = f.id)"

static const FurrowRecordColumn field_columns[] = {
  COLUMN (INT64, NULL, _furrow_field_set_id),
  COLUMN (GEOMETRY, furrow_field_get_geometry, furrow_field_set_geometry),
  COLUMN (TEXT, furrow_field_get_code, furrow_field_set_code),
  COLUMN (NAME, furrow_field_get_name, furrow_field_set_name),
  COLUMN (TEXT, furrow_field_get_notes, furrow_field_set_notes),
  COLUMN (CUSTODY, furrow_field_get_custody, furrow_field_set_custody),
  COLUMN (DOUBLE, furrow_field_get_measured_area_m2, NULL),
  COLUMN (DOUBLE, NULL, _furrow_field_set_registered_area_m2),
};

static const FurrowAuditedArea field_areas[] = {
  { "measured_area_m2", G_CALLBACK (furrow_field_get_measured_area_m2) },
};

static void
field_read_stored (FurrowStatement    *stmt,
                   FurrowStoredRecord *stored)
{
  stored->areas_m2[0] = furrow_statement_get_double (stmt, 0);
}

static void
field_written (FurrowStore        *self,
               FurrowRecordChange  change,
               GObject            *object,
               FurrowStoredRecord *stored)
{
  /* A new field has no parcels yet; a deleted one's parcels are detached (ON DELETE SET NULL). */
  if (change == FURROW_RECORD_ADDED)
    _furrow_field_set_registered_area_m2 (FURROW_FIELD (object), 0.0);
  else if (change == FURROW_RECORD_REMOVED)
    self->touched_tables[FURROW_KIND_PARCEL] = TRUE;
}

/* After a field's deletion: its parcels in the model lie in no field any more. */
static void
field_follow (FurrowStore         *self,
              FurrowPendingChange *change)
{
  GListModel *parcels = G_LIST_MODEL (self->models[FURROW_KIND_PARCEL]);
  guint n;

  if (change->change != FURROW_RECORD_REMOVED || parcels == NULL)
    return;
  n = g_list_model_get_n_items (parcels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      /* Re-inserted so that whatever follows the model (FurrowParcelIndex) sees the change. */
      if (furrow_parcel_get_field_id (parcel) == change->id)
        {
          furrow_parcel_set_field_id (parcel, 0);
          g_list_store_splice (G_LIST_STORE (parcels), i, 1, (gpointer *) &parcel, 1);
        }
    }
}

/* After a commit: the registered area of each field whose parcels changed, from the file. */
static void
field_committed (FurrowStore *self)
{
  GListModel *fields = G_LIST_MODEL (self->models[FURROW_KIND_FIELD]);
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

/* ------------------------------------------------------------------------------------------ */
/* Households. Their personal data (phone, ID number) stays out of the audit log.             */

#define HOUSEHOLD_COLUMNS "id, code, name, members, phone, id_number, notes"

static const FurrowRecordColumn household_columns[] = {
  COLUMN (INT64, NULL, _furrow_household_set_id),
  COLUMN (TEXT, furrow_household_get_code, furrow_household_set_code),
  COLUMN (NAME, furrow_household_get_name, furrow_household_set_name),
  COLUMN (COUNT, furrow_household_get_members, furrow_household_set_members),
  COLUMN (TEXT, furrow_household_get_phone, furrow_household_set_phone),
  COLUMN (TEXT, furrow_household_get_id_number, furrow_household_set_id_number),
  COLUMN (TEXT, furrow_household_get_notes, furrow_household_set_notes),
};

static void
household_read_stored (FurrowStatement    *stmt,
                       FurrowStoredRecord *stored)
{
  stored->code = g_strdup (furrow_statement_get_text (stmt, 0));
}

/* The names (never the values: they are personal data) of the household's columns other than
 * the code that `household` changes, comma-separated, or NULL when none does. */
static char *
household_changes (FurrowStore      *self,
                   FurrowHousehold  *household)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  const char *names[] = { "name", "phone", "id_number", "notes" };
  const char *now[4];

  stmt = furrow_database_prepare (self->database,
                        "SELECT name, phone, id_number, notes, members FROM households"
                        " WHERE id = ?1",
                        NULL);
  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_int64 (stmt, 1, furrow_household_get_id (household));
  if (!furrow_statement_step (stmt, NULL))
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

/* An update: the audit detail, the code's change with its values and the other columns by name
 * only. A deletion: refused while parcels still belong to the household. */
static gboolean
household_prepare (FurrowStore         *self,
                   FurrowRecordChange   change,
                   GObject             *object,
                   FurrowStoredRecord  *stored,
                   GError             **error)
{
  FurrowHousehold *household = FURROW_HOUSEHOLD (object);
  g_autoptr(FurrowStatement) count = NULL;
  gint64 n_parcels;

  if (change == FURROW_RECORD_UPDATED)
    {
      const char *code = furrow_household_get_code (household);
      g_autofree char *changes = household_changes (self, household);
      g_autoptr(GString) detail = g_string_new (NULL);

      if (g_strcmp0 (stored->code, code) != 0)
        g_string_append_printf (detail, "code %s -> %s", stored->code, code);
      if (changes != NULL)
        g_string_append_printf (detail, "%s%s changed", detail->len > 0 ? "; " : "", changes);
      stored->detail = detail->len > 0 ? g_string_free (g_steal_pointer (&detail), FALSE) : NULL;
      return TRUE;
    }
  if (change != FURROW_RECORD_REMOVED)
    return TRUE;

  count = furrow_database_prepare (self->database,
                                   "SELECT count(*) FROM parcels WHERE household_id = ?1", error);
  if (count == NULL)
    return FALSE;
  furrow_statement_bind_int64 (count, 1, furrow_household_get_id (household));
  if (!_furrow_store_step_row (self, count, "count", error))
    return FALSE;
  n_parcels = furrow_statement_get_int64 (count, 0);
  if (n_parcels == 0)
    return TRUE;
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_IN_USE,
               g_dngettext (GETTEXT_PACKAGE,
                            "household %s still has %d parcel; delete it or give it to "
                            "another household first",
                            "household %s still has %d parcels; delete them or give them to "
                            "another household first",
                            (gulong) n_parcels),
               stored->code, (int) n_parcels);
  return FALSE;
}

/* After a household's new code is committed, its parcels in the model carry it too. */
static void
household_follow (FurrowStore         *self,
                  FurrowPendingChange *change)
{
  GListModel *parcels = G_LIST_MODEL (self->models[FURROW_KIND_PARCEL]);
  const char *new_code = furrow_household_get_code (FURROW_HOUSEHOLD (change->object));
  guint n;

  if (change->change != FURROW_RECORD_UPDATED || parcels == NULL ||
      g_strcmp0 (change->old_code, new_code) == 0)
    return;
  n = g_list_model_get_n_items (parcels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), change->old_code) == 0)
        furrow_parcel_set_household_code (parcel, new_code);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Parcels                                                                                    */

#define PARCEL_COLUMNS \
  "p.id, p.geom, p.code, h.code, p.field_id, p.name, p.registered_area_m2," \
  " p.surveyed_area_m2, p.land_use, p.land_grade, p.neighbour_east, p.neighbour_west," \
  " p.neighbour_south, p.neighbour_north, p.custody, p.entrusted_from, p.entrusted_to"

/* Written as ?1 … ?17 of the INSERT and UPDATE statements (?3 the household's row id). */
static const FurrowRecordColumn parcel_columns[] = {
  COLUMN (INT64, NULL, _furrow_parcel_set_id),
  COLUMN (GEOMETRY, furrow_parcel_get_geometry, furrow_parcel_set_geometry),
  COLUMN (TEXT, furrow_parcel_get_code, furrow_parcel_set_code),
  COLUMN (REFERENCE, NULL, furrow_parcel_set_household_code),
  COLUMN (ID, furrow_parcel_get_field_id, furrow_parcel_set_field_id),
  COLUMN (TEXT, furrow_parcel_get_name, furrow_parcel_set_name),
  COLUMN (DOUBLE, furrow_parcel_get_registered_area_m2, furrow_parcel_set_registered_area_m2),
  COLUMN (DOUBLE, furrow_parcel_get_surveyed_area_m2, furrow_parcel_set_surveyed_area_m2),
  COLUMN (DOUBLE, furrow_parcel_get_measured_area_m2, NULL),
  COLUMN (TEXT, furrow_parcel_get_land_use, furrow_parcel_set_land_use),
  COLUMN (TEXT, furrow_parcel_get_land_grade, furrow_parcel_set_land_grade),
  COLUMN (TEXT, furrow_parcel_get_neighbour_east, furrow_parcel_set_neighbour_east),
  COLUMN (TEXT, furrow_parcel_get_neighbour_west, furrow_parcel_set_neighbour_west),
  COLUMN (TEXT, furrow_parcel_get_neighbour_south, furrow_parcel_set_neighbour_south),
  COLUMN (TEXT, furrow_parcel_get_neighbour_north, furrow_parcel_set_neighbour_north),
  COLUMN (CUSTODY, furrow_parcel_get_custody, furrow_parcel_set_custody),
  COLUMN (TEXT, furrow_parcel_get_entrusted_from, furrow_parcel_set_entrusted_from),
  COLUMN (TEXT, furrow_parcel_get_entrusted_to, furrow_parcel_set_entrusted_to),
};

static const FurrowAuditedArea parcel_areas[] = {
  { "registered_area_m2", G_CALLBACK (furrow_parcel_get_registered_area_m2) },
  { "measured_area_m2", G_CALLBACK (furrow_parcel_get_measured_area_m2) },
};

/* The stored areas and field of a parcel, for the audit log and the field totals. */
static void
parcel_read_stored (FurrowStatement    *stmt,
                    FurrowStoredRecord *stored)
{
  stored->areas_m2[0] = furrow_statement_get_double (stmt, 0);
  stored->areas_m2[1] = furrow_statement_get_double (stmt, 1);
  stored->field_id = furrow_statement_get_int64 (stmt, 2);
}

/* A parcel written names its household by code: the row id to bind, or NOT_FOUND. */
static gboolean
parcel_prepare (FurrowStore         *self,
                FurrowRecordChange   change,
                GObject             *object,
                FurrowStoredRecord  *stored,
                GError             **error)
{
  FurrowParcel *parcel = FURROW_PARCEL (object);
  const char *code = furrow_parcel_get_household_code (parcel);
  g_autoptr(FurrowStatement) stmt = NULL;
  gboolean found;

  if (change == FURROW_RECORD_REMOVED)
    return TRUE;
  stmt = furrow_database_prepare (self->database, "SELECT id FROM households WHERE code = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, code);
  if (!_furrow_store_step_found (stmt, &found, error))
    return FALSE;
  if (found)
    {
      stored->reference = furrow_statement_get_int64 (stmt, 0);
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

/* The fields the parcel left and joined get their registered area refreshed at the commit. */
static void
parcel_written (FurrowStore        *self,
                FurrowRecordChange  change,
                GObject            *object,
                FurrowStoredRecord *stored)
{
  if (change != FURROW_RECORD_ADDED)
    _furrow_store_touch_field (self, stored->field_id);
  if (change != FURROW_RECORD_REMOVED)
    _furrow_store_touch_field (self, furrow_parcel_get_field_id (FURROW_PARCEL (object)));
}

/* ------------------------------------------------------------------------------------------ */
/* The table                                                                                  */

/* What every row wires the same way: the kind's type, its accessors and columns (named after
 * the kind: furrow_field_get_id, field_columns …), and the statements made of its table name,
 * columns, FROM clause and column prefix. */
#define KIND_OBJECT(type)                                   \
  .get_type = furrow_##type##_get_type,                     \
  .noun = #type,                                            \
  .get_id = G_CALLBACK (furrow_##type##_get_id),            \
  .set_id = G_CALLBACK (_furrow_##type##_set_id),           \
  .get_code = G_CALLBACK (furrow_##type##_get_code),        \
  .columns = type##_columns,                                \
  .n_columns = G_N_ELEMENTS (type##_columns)

#define KIND_STATEMENTS(table_, columns, from, prefix)                          \
  .table = table_,                                                              \
  .select_all = "SELECT " columns " FROM " from " ORDER BY " prefix "id",       \
  .select_code = "SELECT " columns " FROM " from " WHERE " prefix "code = ?1",  \
  .count = "SELECT count(*) FROM " table_,                                      \
  .delete = "DELETE FROM " table_ " WHERE id = ?1"

static const FurrowRecordKind kinds[FURROW_N_KINDS] = {
  [FURROW_KIND_FIELD] = {
    KIND_OBJECT (field),
    KIND_STATEMENTS ("fields", FIELD_COLUMNS, "fields f", "f."),
    .what = NC_("object kind", "field"),
    .not_found = N_("field %s is not in the project"),
    .duplicate = N_("field %s is already in the project (duplicate code)"),
    .select_stored = "SELECT measured_area_m2 FROM fields WHERE id = ?1",
    .insert = "INSERT INTO fields (geom, code, name, notes, custody, measured_area_m2)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    .update = "UPDATE fields SET geom = ?1, code = ?2, name = ?3, notes = ?4,"
              " custody = ?5, measured_area_m2 = ?6 WHERE id = ?7",
    .code_read = 2,
    .get_geometry = G_CALLBACK (furrow_field_get_geometry),
    .areas = field_areas,
    .n_areas = G_N_ELEMENTS (field_areas),
    .read_stored = field_read_stored,
    .written = field_written,
    .follow = field_follow,
    .committed = field_committed,
  },
  [FURROW_KIND_HOUSEHOLD] = {
    KIND_OBJECT (household),
    KIND_STATEMENTS ("households", HOUSEHOLD_COLUMNS, "households", ""),
    .what = NC_("object kind", "household"),
    .not_found = N_("household %s is not in the project"),
    .duplicate = N_("household %s is already in the project (duplicate CBFBM)"),
    .select_stored = "SELECT code FROM households WHERE id = ?1",
    .insert = "INSERT INTO households (code, name, members, phone, id_number, notes)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    .update = "UPDATE households SET code = ?1, name = ?2, members = ?3, phone = ?4,"
              " id_number = ?5, notes = ?6 WHERE id = ?7",
    .code_read = 1,
    .read_stored = household_read_stored,
    .prepare = household_prepare,
    .follow = household_follow,
  },
  [FURROW_KIND_PARCEL] = {
    KIND_OBJECT (parcel),
    KIND_STATEMENTS ("parcels", PARCEL_COLUMNS,
                     "parcels p JOIN households h ON h.id = p.household_id", "p."),
    .what = NC_("object kind", "parcel"),
    .not_found = N_("parcel %s is not in the project"),
    .duplicate = N_("parcel %s is already in the project (duplicate DKBM)"),
    .select_stored = "SELECT registered_area_m2, measured_area_m2, field_id FROM parcels"
                     " WHERE id = ?1",
    .insert = "INSERT INTO parcels (geom, code, household_id, field_id, name,"
              " registered_area_m2, surveyed_area_m2, measured_area_m2, land_use,"
              " land_grade, neighbour_east, neighbour_west, neighbour_south,"
              " neighbour_north, custody, entrusted_from, entrusted_to)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
              " ?15, ?16, ?17)",
    .update = "UPDATE parcels SET geom = ?1, code = ?2, household_id = ?3,"
              " field_id = ?4, name = ?5, registered_area_m2 = ?6,"
              " surveyed_area_m2 = ?7, measured_area_m2 = ?8, land_use = ?9,"
              " land_grade = ?10, neighbour_east = ?11, neighbour_west = ?12,"
              " neighbour_south = ?13, neighbour_north = ?14, custody = ?15,"
              " entrusted_from = ?16, entrusted_to = ?17 WHERE id = ?18",
    .code_read = 2,
    .get_geometry = G_CALLBACK (furrow_parcel_get_geometry),
    .areas = parcel_areas,
    .n_areas = G_N_ELEMENTS (parcel_areas),
    .read_stored = parcel_read_stored,
    .prepare = parcel_prepare,
    .written = parcel_written,
  },
};

const FurrowRecordKind *
_furrow_store_kind (FurrowKind kind)
{
  g_return_val_if_fail (kind < FURROW_N_KINDS, &kinds[FURROW_KIND_PARCEL]);

  return &kinds[kind];
}

FurrowKind
_furrow_store_kind_of (gconstpointer object)
{
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (object, kinds[kind].get_type ()))
      return kind;
  return FURROW_N_KINDS;
}

gint64
_furrow_store_object_get_id (gconstpointer object)
{
  FurrowKind kind = _furrow_store_kind_of (object);

  g_return_val_if_fail (kind < FURROW_N_KINDS, 0);
  return ((gint64 (*) (gconstpointer)) kinds[kind].get_id) (object);
}

void
_furrow_store_object_set_id (GObject *object,
                             gint64   id)
{
  FurrowKind kind = _furrow_store_kind_of (object);

  g_return_if_fail (kind < FURROW_N_KINDS);
  ((void (*) (GObject *, gint64)) kinds[kind].set_id) (object, id);
}
