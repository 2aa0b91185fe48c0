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

/* A column `name` written from `getter` and read into `setter` (as the kind's prefix and
 * `name`); no setter for one only written (an area the object measures itself). READ: an
 * expression only read (the row id, a sum), as is. REFERENCE: written as the row id the kind's
 * prepare hook finds, read as `expression` (the other row's code). The SELECTs, INSERT and
 * UPDATE are made from these rows (_furrow_store_kind_sql). */
#define COLUMN(type, name, getter, setter) \
  { FURROW_RECORD_COLUMN_##type, name, G_CALLBACK (getter), G_CALLBACK (setter), NULL }
#define READ(type, expression, setter) \
  { FURROW_RECORD_COLUMN_##type, NULL, NULL, G_CALLBACK (setter), expression }
#define REFERENCE(name, expression, setter) \
  { FURROW_RECORD_COLUMN_REFERENCE, name, NULL, G_CALLBACK (setter), expression }

/* ------------------------------------------------------------------------------------------ */
/* Fields                                                                                     */

/* The row read_stored reads before a change. */
#define FIELD_STORED "SELECT measured_area_m2 FROM fields WHERE id = ?1"

static const FurrowRecordColumn field_columns[] = {
  READ (INT64, "f.id", _furrow_field_set_id),
  COLUMN (GEOMETRY, "geom", furrow_field_get_geometry, furrow_field_set_geometry),
  COLUMN (TEXT, "code", furrow_field_get_code, furrow_field_set_code),
  COLUMN (NAME, "name", furrow_field_get_name, furrow_field_set_name),
  COLUMN (TEXT, "notes", furrow_field_get_notes, furrow_field_set_notes),
  COLUMN (CUSTODY, "custody", furrow_field_get_custody, furrow_field_set_custody),
  COLUMN (DOUBLE, "measured_area_m2", furrow_field_get_measured_area_m2, NULL),
  READ (DOUBLE, "(SELECT total (p.registered_area_m2) FROM parcels p WHERE p.field_id = f.id)",
        _furrow_field_set_registered_area_m2),
  READ (INT64, "f.row_version", _furrow_store_object_set_version),
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
/* Households. Their personal data (phone, ID number, account) stays out of the audit log.    */

/* The row read_stored reads before a change. */
#define HOUSEHOLD_STORED "SELECT code FROM households WHERE id = ?1"

static const FurrowRecordColumn household_columns[] = {
  READ (INT64, "id", _furrow_household_set_id),
  COLUMN (TEXT, "code", furrow_household_get_code, furrow_household_set_code),
  COLUMN (NAME, "name", furrow_household_get_name, furrow_household_set_name),
  COLUMN (COUNT, "members", furrow_household_get_members, furrow_household_set_members),
  COLUMN (TEXT, "phone", furrow_household_get_phone, furrow_household_set_phone),
  COLUMN (TEXT, "id_number", furrow_household_get_id_number, furrow_household_set_id_number),
  COLUMN (TEXT, "notes", furrow_household_get_notes, furrow_household_set_notes),
  /* v7: the payee account (docs/domain.md, "Bank accounts"). */
  COLUMN (TEXT, "bank", furrow_household_get_bank, furrow_household_set_bank),
  COLUMN (TEXT, "bank_branch", furrow_household_get_bank_branch,
          furrow_household_set_bank_branch),
  COLUMN (TEXT, "account_number", furrow_household_get_account_number,
          furrow_household_set_account_number),
  COLUMN (TEXT, "account_holder", furrow_household_get_account_holder,
          furrow_household_set_account_holder),
  READ (INT64, "row_version", _furrow_store_object_set_version),
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
  const char *names[] = { "name", "phone", "id_number", "notes", "bank", "bank_branch",
                          "account_number", "account_holder" };
  const char *now[8];

  stmt = furrow_database_prepare (self->database,
                        "SELECT name, phone, id_number, notes, bank, bank_branch, account_number,"
                        " account_holder, members FROM households WHERE id = ?1",
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
  now[4] = furrow_household_get_bank (household);
  now[5] = furrow_household_get_bank_branch (household);
  now[6] = furrow_household_get_account_number (household);
  now[7] = furrow_household_get_account_holder (household);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    /* Empty and NULL are both "none". */
    if (g_strcmp0 (furrow_statement_get_text (stmt, i) != NULL
                   ? furrow_statement_get_text (stmt, i) : "",
                   now[i] != NULL ? now[i] : "") != 0)
      g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", names[i]);
  if ((guint) furrow_statement_get_int64 (stmt, 8) != furrow_household_get_members (household))
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

  /* A code changed or gone: the import's codes are read again at the next parcel. */
  if (change != FURROW_RECORD_ADDED)
    g_clear_pointer (&self->import_households, g_hash_table_unref);
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

/* The row read_stored reads before a change. */
#define PARCEL_STORED \
  "SELECT registered_area_m2, measured_area_m2, field_id FROM parcels WHERE id = ?1"

/* Written as ?1 … ?17 of the INSERT and UPDATE statements (?3 the household's row id). */
static const FurrowRecordColumn parcel_columns[] = {
  READ (INT64, "p.id", _furrow_parcel_set_id),
  COLUMN (GEOMETRY, "geom", furrow_parcel_get_geometry, furrow_parcel_set_geometry),
  COLUMN (TEXT, "code", furrow_parcel_get_code, furrow_parcel_set_code),
  REFERENCE ("household_id", "h.code", furrow_parcel_set_household_code),
  COLUMN (ID, "field_id", furrow_parcel_get_field_id, furrow_parcel_set_field_id),
  COLUMN (TEXT, "name", furrow_parcel_get_name, furrow_parcel_set_name),
  COLUMN (DOUBLE, "registered_area_m2", furrow_parcel_get_registered_area_m2,
          furrow_parcel_set_registered_area_m2),
  COLUMN (DOUBLE, "surveyed_area_m2", furrow_parcel_get_surveyed_area_m2,
          furrow_parcel_set_surveyed_area_m2),
  COLUMN (DOUBLE, "measured_area_m2", furrow_parcel_get_measured_area_m2, NULL),
  COLUMN (TEXT, "land_use", furrow_parcel_get_land_use, furrow_parcel_set_land_use),
  COLUMN (TEXT, "land_grade", furrow_parcel_get_land_grade, furrow_parcel_set_land_grade),
  COLUMN (TEXT, "neighbour_east", furrow_parcel_get_neighbour_east,
          furrow_parcel_set_neighbour_east),
  COLUMN (TEXT, "neighbour_west", furrow_parcel_get_neighbour_west,
          furrow_parcel_set_neighbour_west),
  COLUMN (TEXT, "neighbour_south", furrow_parcel_get_neighbour_south,
          furrow_parcel_set_neighbour_south),
  COLUMN (TEXT, "neighbour_north", furrow_parcel_get_neighbour_north,
          furrow_parcel_set_neighbour_north),
  COLUMN (CUSTODY, "custody", furrow_parcel_get_custody, furrow_parcel_set_custody),
  COLUMN (TEXT, "entrusted_from", furrow_parcel_get_entrusted_from,
          furrow_parcel_set_entrusted_from),
  COLUMN (TEXT, "entrusted_to", furrow_parcel_get_entrusted_to, furrow_parcel_set_entrusted_to),
  READ (INT64, "p.row_version", _furrow_store_object_set_version),
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

/* In an import batch on a server, every household's id by its code, read with one statement
 * at the first parcel instead of one round trip per parcel (docs/benchmarks.md): the batch is
 * one transaction, and a household it adds later is not in the table and is looked up as
 * before; one it changes or deletes drops the table (household_prepare). */
static gboolean
import_household_id (FurrowStore  *self,
                     const char   *code,
                     gint64       *id,
                     GError      **error)
{
  gint64 *found;

  if (self->import_source == NULL || !furrow_store_is_server (self) || code == NULL)
    return TRUE;
  if (self->import_households == NULL)
    {
      g_autoptr(FurrowStatement) stmt =
        furrow_database_prepare (self->database, "SELECT code, id FROM households", error);
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
      g_autoptr(GError) local_error = NULL;

      if (stmt == NULL)
        return FALSE;
      while (furrow_statement_step (stmt, &local_error))
        {
          gint64 row_id = furrow_statement_get_int64 (stmt, 1);

          g_hash_table_insert (ids, g_strdup (furrow_statement_get_text (stmt, 0)),
                               g_memdup2 (&row_id, sizeof row_id));
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      self->import_households = g_steal_pointer (&ids);
    }
  found = g_hash_table_lookup (self->import_households, code);
  if (found != NULL)
    *id = *found;
  return TRUE;
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
  stored->reference = 0;
  if (!import_household_id (self, code, &stored->reference, error))
    return FALSE;
  if (stored->reference > 0)
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
 * the kind: furrow_field_get_id, field_columns …), and its statements, from the kind's own
 * above (FIELD_STORED), its table, FROM clause and column prefix. */
#define KIND_OBJECT(type)                                   \
  .get_type = furrow_##type##_get_type,                     \
  .noun = #type,                                            \
  .signal = #type "-changed",                               \
  .get_id = G_CALLBACK (furrow_##type##_get_id),            \
  .set_id = G_CALLBACK (_furrow_##type##_set_id),           \
  .get_code = G_CALLBACK (furrow_##type##_get_code),        \
  .columns = type##_columns,                                \
  .n_columns = G_N_ELEMENTS (type##_columns)

#define KIND_STATEMENTS(KIND, table_, from_, prefix_)                           \
  .table = table_,                                                              \
  .from = from_,                                                                \
  .prefix = prefix_,                                                            \
  .select_stored = KIND##_STORED,                                               \
  .select_changed_by = "SELECT changed_by, changed_at FROM " table_ " WHERE id = ?1",       \
  .count = "SELECT count(*) FROM " table_,                                      \
  .delete = "DELETE FROM " table_                                               \
            " WHERE id = ?1 AND row_version = coalesce (?2, row_version)"

static const FurrowRecordKind kinds[FURROW_N_KINDS] = {
  [FURROW_KIND_FIELD] = {
    KIND_OBJECT (field),
    KIND_STATEMENTS (FIELD, "fields", "fields f", "f."),
    .what = NC_("object kind", "field"),
    .not_found = N_("field %s is not in the project"),
    .duplicate = N_("field %s is already in the project (duplicate code)"),
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
    KIND_STATEMENTS (HOUSEHOLD, "households", "households", ""),
    .what = NC_("object kind", "household"),
    .not_found = N_("household %s is not in the project"),
    .duplicate = N_("household %s is already in the project (duplicate CBFBM)"),
    .read_stored = household_read_stored,
    .prepare = household_prepare,
    .follow = household_follow,
  },
  [FURROW_KIND_PARCEL] = {
    KIND_OBJECT (parcel),
    KIND_STATEMENTS (PARCEL, "parcels",
                     "parcels p JOIN households h ON h.id = p.household_id", "p."),
    .what = NC_("object kind", "parcel"),
    .not_found = N_("parcel %s is not in the project"),
    .duplicate = N_("parcel %s is already in the project (duplicate DKBM)"),
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

/* The SELECT of every row, of one code or of one id: the read columns (those with a setter) in
 * order. */
static char *
make_select_sql (const FurrowRecordKind *kind,
                 FurrowKindSql           which)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  guint n = 0;

  for (guint i = 0; i < kind->n_columns; i++)
    {
      const FurrowRecordColumn *column = &kind->columns[i];

      if (column->set == NULL)
        continue;
      g_string_append (sql, n++ > 0 ? ", " : "");
      if (column->read != NULL)
        g_string_append (sql, column->read);
      else
        g_string_append_printf (sql, "%s%s", kind->prefix, column->name);
    }
  g_string_append_printf (sql, " FROM %s", kind->from);
  if (which == FURROW_KIND_SQL_SELECT_CODE)
    g_string_append_printf (sql, " WHERE %scode = ?1", kind->prefix);
  else if (which == FURROW_KIND_SQL_SELECT_ID)
    g_string_append_printf (sql, " WHERE %sid = ?1", kind->prefix);
  else
    g_string_append_printf (sql, " ORDER BY %sid", kind->prefix);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The INSERT or UPDATE: the written columns (those with a name) as ?1, ?2 … in order. */
static char *
make_write_sql (const FurrowRecordKind *kind,
                FurrowKindSql           which)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < kind->n_columns; i++)
    {
      const char *separator = n > 0 ? ", " : "";

      if (kind->columns[i].name == NULL)
        continue;
      n++;
      if (which == FURROW_KIND_SQL_UPDATE)
        g_string_append_printf (names, "%s%s = ?%u", separator, kind->columns[i].name, n);
      else
        g_string_append_printf (names, "%s%s", separator, kind->columns[i].name);
      g_string_append_printf (values, "%s?%u", separator, n);
    }
  /* The row's version goes up by one; who wrote it is ?n+2 and when ?n+4 (a server writes
   * current_user and its own time whatever is sent); and only the version the writer read is
   * changed, ?n+3, or any when it is NULL (an object the store did not read)
   * (docs/architecture.md, Several users at once). */
  if (which == FURROW_KIND_SQL_UPDATE)
    return g_strdup_printf ("UPDATE %s SET %s, row_version = row_version + 1, changed_by = ?%u,"
                            " changed_at = ?%u"
                            " WHERE id = ?%u AND row_version = coalesce (?%u, row_version)",
                            kind->table, names->str, n + 2, n + 4, n + 1, n + 3);
  /* The new row's id comes back with the INSERT on a server, which saves a round trip for
   * `lastval ()` per row; SQLite's RETURNING costs a temporary table per row, so there the id
   * is the connection's last rowid (docs/benchmarks.md). */
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)%s", kind->table, names->str,
                          values->str, which == FURROW_KIND_SQL_INSERT ? " RETURNING id" : "");
}

const char *
_furrow_store_sql_once (gsize          *once,
                        const char    **cells,
                        guint           n_rows,
                        guint           n_columns,
                        FurrowSqlMake   make,
                        guint           row,
                        guint           column)
{
  g_return_val_if_fail (row < n_rows && column < n_columns, NULL);

  if (g_once_init_enter (once))
    {
      for (guint r = 0; r < n_rows; r++)
        for (guint c = 0; c < n_columns; c++)
          cells[r * n_columns + c] = make (r, c);
      g_once_init_leave (once, 1);
    }
  return cells[row * n_columns + column];
}

static char *
make_kind_sql (guint kind,
               guint which)
{
  return which == FURROW_KIND_SQL_INSERT || which == FURROW_KIND_SQL_INSERT_ROWID ||
         which == FURROW_KIND_SQL_UPDATE
         ? make_write_sql (&kinds[kind], which) : make_select_sql (&kinds[kind], which);
}

const char *
_furrow_store_kind_sql (FurrowKind    kind,
                        FurrowKindSql which)
{
  static const char *made[FURROW_N_KINDS * FURROW_KIND_N_SQL];
  static gsize once;

  return _furrow_store_sql_once (&once, made, FURROW_N_KINDS, FURROW_KIND_N_SQL, make_kind_sql,
                                 kind, which);
}

const char *
_furrow_store_kind_write_sql (FurrowKind         kind,
                              FurrowRecordChange change)
{
  g_return_val_if_fail (kind < FURROW_N_KINDS, NULL);

  if (change == FURROW_RECORD_REMOVED)
    return kinds[kind].delete;
  return _furrow_store_kind_sql (kind, change == FURROW_RECORD_ADDED ? FURROW_KIND_SQL_INSERT
                                                                      : FURROW_KIND_SQL_UPDATE);
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

/* The row version rides on the object as quark data, so the model classes need not know of it
 * and a copy read by furrow_store_find_*() carries the version it was read with. */
static GQuark
version_quark (void)
{
  return g_quark_from_static_string ("furrow-store-row-version");
}

gint64
_furrow_store_object_get_version (gconstpointer object)
{
  gint64 *version = g_object_get_qdata (G_OBJECT (object), version_quark ());

  return version != NULL ? *version : 0;
}

void
_furrow_store_object_set_version (gpointer object,
                                  gint64   version)
{
  g_object_set_qdata_full (G_OBJECT (object), version_quark (),
                           version > 0 ? g_memdup2 (&version, sizeof version) : NULL, g_free);
}
