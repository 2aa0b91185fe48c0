/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Publish and checkout (docs/architecture.md, The backend seam, Publish and checkout): one copy of
 * every table of a project from one store into a new one, file to server or server to file,
 * through the statement layer. The tables are a list in the order their foreign keys allow; their
 * columns are read from each side's catalogue (SQLite's table_info, the server's
 * information_schema), so a column a migration step adds is copied without a line here, and a
 * table this list does not know stops the copy rather than being left behind. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store-gpkg.h"
#include "furrow-store-private.h"
#include "furrow-store-transfer.h"

/* Every table of a project (the GeoPackage's own gpkg_* tables are the file's, not the
 * cooperative's), a table before those that refer to it. */
static const char *const transfer_tables[] = {
  "furrow_meta", "cooperative", "households", "fields", "parcels", "seasons", "plans",
  "harvests", "settlements", "audit_log", "season_prices", "season_costs", "season_subsidies",
  "season_other_income", "season_fees", "season_rules", "season_actual_costs",
  "season_settlements", "yield_presets", "season_household_operations", "payments",
  "season_objections",
};

/* Where the copy is, for furrow_store_publish() and _checkout()'s caller: rows copied of all. */
typedef struct
{
  FurrowTransferProgress  func;
  gpointer                data;
  guint                   done;
  guint                   total;
} Progress;

/* Every PROGRESS_STEP rows, and at the end of each table. */
#define PROGRESS_STEP 256

static void
progress_report (Progress *progress)
{
  if (progress->func != NULL)
    progress->func (MIN (progress->done, progress->total), progress->total, progress->data);
}

typedef enum
{
  COLUMN_INTEGER,   /* INTEGER / bigint: ids, fen, counts, row versions */
  COLUMN_REAL,      /* REAL / double precision: areas, yields, bit for bit */
  COLUMN_TEXT,
  COLUMN_GEOMETRY,  /* MULTIPOLYGON blob / PostGIS geometry */
} ColumnType;

typedef struct
{
  char       *name;
  ColumnType  type;
} Column;

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column);
}

static ColumnType
column_type (const char *declared)
{
  g_autofree char *type = g_ascii_strdown (declared != NULL ? declared : "", -1);

  if (strstr (type, "polygon") != NULL || strstr (type, "geometry") != NULL)
    return COLUMN_GEOMETRY;
  if (strstr (type, "int") != NULL)
    return COLUMN_INTEGER;
  if (strstr (type, "real") != NULL || strstr (type, "float") != NULL ||
      strstr (type, "double") != NULL)
    return COLUMN_REAL;
  return COLUMN_TEXT;
}

/* The columns of `table` in their order, as the database declares them. */
static GPtrArray *
list_columns (FurrowDatabase  *database,
              const char      *table,
              GError         **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (database, FURROW_SQL (database,
      "SELECT name, type FROM pragma_table_info (?1) ORDER BY cid",
      "SELECT column_name, udt_name FROM information_schema.columns"
      " WHERE table_schema = current_schema () AND table_name = ?1 ORDER BY ordinal_position"),
      error);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (column_free);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_text (stmt, 1, table);
  while (furrow_statement_step (stmt, &local_error))
    {
      Column *column = g_new0 (Column, 1);

      column->name = furrow_statement_dup_text (stmt, 0);
      column->type = column_type (furrow_statement_get_text (stmt, 1));
      g_ptr_array_add (columns, column);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&columns);
}

static gboolean
is_transfer_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (transfer_tables); i++)
    if (g_str_equal (transfer_tables[i], name))
      return TRUE;
  return FALSE;
}

/* FALSE with an error naming the first table of `database` the copy does not know. */
static gboolean
check_tables (FurrowDatabase  *database,
              GError         **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (database, FURROW_SQL (database,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'gpkg%'"
      " AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'rtree%' ORDER BY name",
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema () ORDER BY tablename"),
      error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (furrow_statement_step (stmt, &local_error))
    {
      const char *name = furrow_statement_get_text (stmt, 0);

      if (!is_transfer_table (name))
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                       _("%s: table %s is not one Furrow knows how to copy; nothing was "
                         "copied"), furrow_database_get_path (database), name);
          return FALSE;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The target's columns of `table`, after checking that the source has the same ones. */
static GPtrArray *
matching_columns (FurrowDatabase  *from,
                  FurrowDatabase  *to,
                  const char      *table,
                  GError         **error)
{
  g_autoptr(GPtrArray) source = list_columns (from, table, error);
  g_autoptr(GPtrArray) target = NULL;

  if (source == NULL || (target = list_columns (to, table, error)) == NULL)
    return NULL;
  for (guint i = 0; i < MAX (source->len, target->len); i++)
    {
      const Column *a = i < source->len ? g_ptr_array_index (source, i) : NULL;
      gboolean found = FALSE;

      for (guint j = 0; a != NULL && j < target->len && !found; j++)
        {
          const Column *b = g_ptr_array_index (target, j);

          found = g_str_equal (a->name, b->name) && a->type == b->type;
        }
      if (!found || source->len != target->len)
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                       _("cannot copy table %s from %s to %s: their columns differ; nothing "
                         "was copied"), table, furrow_database_get_path (from),
                       furrow_database_get_path (to));
          return NULL;
        }
    }
  return g_steal_pointer (&target);
}

/* A geometry as the target keeps it: a file's blob with its envelope (re-encoded from the same
 * coordinates, bit for bit) and the file's extent grown; a server takes any blob. */
static GBytes *
target_geometry (FurrowStore    *target,
                 FurrowKind      kind,
                 gconstpointer   blob,
                 gsize           size,
                 GError        **error)
{
  g_autoptr(FurrowGeometry) geometry = NULL;

  if (furrow_store_is_server (target))
    return g_bytes_new (blob, size);
  geometry = furrow_gpkg_blob_decode (blob, size, error);
  if (geometry == NULL)
    return NULL;
  if (kind < FURROW_N_KINDS)
    {
      target->touched_tables[kind] = TRUE;
      _furrow_store_grow_extent (target, kind, geometry);
    }
  return furrow_gpkg_blob_encode (geometry);
}

static FurrowKind
table_kind (const char *table)
{
  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    if (g_str_equal (_furrow_store_kind (kind)->table, table))
      return kind;
  return FURROW_N_KINDS;
}

/* One row of `select` into `insert`, column by column in the columns' own types. */
static gboolean
copy_row (FurrowStore      *target,
          FurrowKind        kind,
          GPtrArray        *columns,
          FurrowStatement  *select,
          FurrowStatement  *insert,
          GError          **error)
{
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = g_ptr_array_index (columns, i);
      int position = (int) i + 1;

      if (furrow_statement_is_null (select, (int) i))
        {
          furrow_statement_bind_text (insert, position, NULL);
          continue;
        }
      switch (column->type)
        {
        case COLUMN_INTEGER:
          furrow_statement_bind_int64 (insert, position,
                                       furrow_statement_get_int64 (select, (int) i));
          break;
        case COLUMN_REAL:
          furrow_statement_bind_double (insert, position,
                                        furrow_statement_get_double (select, (int) i));
          break;
        case COLUMN_TEXT:
          furrow_statement_bind_text (insert, position,
                                      furrow_statement_get_text (select, (int) i));
          break;
        case COLUMN_GEOMETRY:
          {
            gsize size = 0;
            gconstpointer blob = furrow_statement_get_blob (select, (int) i, &size);
            g_autoptr(GBytes) bytes = target_geometry (target, kind, blob, size, error);

            if (bytes == NULL)
              return FALSE;
            furrow_statement_bind_bytes (insert, position, bytes);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return furrow_statement_run (insert, error);
}

/* Every row of `table` from `from` into `target`. */
static gboolean
copy_table (FurrowDatabase  *from,
            FurrowStore     *target,
            const char      *table,
            Progress        *progress,
            GError         **error)
{
  FurrowDatabase *to = target->database;
  g_autoptr(GPtrArray) columns = matching_columns (from, to, table, error);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(FurrowStatement) select = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *select_text = NULL;
  g_autofree char *insert_text = NULL;
  FurrowKind kind = table_kind (table);

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = g_ptr_array_index (columns, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", column->name);
      g_string_append_printf (values, "%s?%u", i > 0 ? ", " : "", i + 1);
    }
  select_text = g_strdup_printf ("SELECT %s FROM %s", names->str, table);
  insert_text = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names->str,
                                 values->str);
  select = furrow_database_prepare (from, select_text, error);
  if (select == NULL)
    return FALSE;
  while (furrow_statement_step (select, &local_error))
    {
      g_autoptr(FurrowStatement) insert = furrow_database_prepare (to, insert_text, error);

      if (insert == NULL || !copy_row (target, kind, columns, select, insert, error))
        return FALSE;
      if (++progress->done % PROGRESS_STEP == 0)
        progress_report (progress);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  progress_report (progress);
  return TRUE;
}

/* The rows there are to copy, counted in the source's snapshot when somebody is told. */
static gboolean
count_rows (FurrowDatabase  *from,
            Progress        *progress,
            GError         **error)
{
  progress->done = 0;
  progress->total = 0;
  if (progress->func == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (transfer_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", transfer_tables[i]);
      gint64 n = 0;

      if (!furrow_database_query_int (from, sql, &n, error))
        return FALSE;
      progress->total += (guint) n;
    }
  progress_report (progress);
  return TRUE;
}

/* On a server the copy keeps what the rows say: the triggers that write the current user into
 * the audit log's actor and a row's changed_by, and those that notify open windows, are off
 * while it runs (the new cooperative's tables are the publisher's own, inside the transaction
 * that made them); afterwards each identity continues after the highest id copied. */
static const char server_triggers_off[] =
  "DO $$DECLARE t text; BEGIN"
  " FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema () LOOP"
  " EXECUTE format ('ALTER TABLE %I DISABLE TRIGGER USER', t); END LOOP; END$$";
static const char server_triggers_on[] =
  "DO $$DECLARE t text; BEGIN"
  " FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema () LOOP"
  " EXECUTE format ('ALTER TABLE %I ENABLE TRIGGER USER', t); END LOOP;"
  " FOR t IN SELECT table_name FROM information_schema.columns"
  " WHERE table_schema = current_schema () AND column_name = 'id' AND is_identity = 'YES' LOOP"
  " EXECUTE format ('SELECT setval (pg_get_serial_sequence (%L, ''id''),"
  " coalesce (max (id), 0) + 1, false) FROM %I', quote_ident (t), t); END LOOP; END$$";

static gboolean
copy_tables (FurrowStore  *source,
             FurrowStore  *target,
             Progress     *progress,
             GError      **error)
{
  FurrowDatabase *from = source->database;
  FurrowDatabase *to = target->database;
  gboolean server = furrow_store_is_server (target);

  if (source->schema_version != target->schema_version)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_TOO_NEW,
                   _("cannot copy %s (project schema %d) to %s (schema %d): update Furrow on "
                     "both sides to the same version"), source->path, source->schema_version,
                   target->path, target->schema_version);
      return FALSE;
    }
  if (!check_tables (from, error) || !check_tables (to, error) ||
      !count_rows (from, progress, error) ||
      (server && !furrow_database_exec (to, server_triggers_off, error)))
    return FALSE;
  /* A new project holds its cooperative row and schema version already: every table is emptied
   * first, from the last to the first, so no row is left referring to a removed one. */
  for (guint i = G_N_ELEMENTS (transfer_tables); i > 0; i--)
    {
      g_autofree char *empty = g_strdup_printf ("DELETE FROM %s", transfer_tables[i - 1]);

      if (!furrow_database_exec (to, empty, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (transfer_tables); i++)
    if (!copy_table (from, target, transfer_tables[i], progress, error))
      return FALSE;
  return !server || furrow_database_exec (to, server_triggers_on, error);
}

/* The copy inside the target's open all-or-nothing batch, the source read in one snapshot,
 * then the target's audit row (`action`, "cooperative:CODE", where it came from) and the commit;
 * on failure the target is rolled back. */
static gboolean
transfer (FurrowStore  *source,
          FurrowStore  *target,
          const char   *action,
          const char   *code,
          Progress     *progress,
          GError      **error)
{
  FurrowDatabase *from = source->database;
  g_autofree char *object = g_strconcat ("cooperative:", code, NULL);
  g_autofree char *detail = g_strconcat ("from ", source->path, NULL);
  gboolean ok;

  ok = furrow_database_exec (from, FURROW_SQL (from, "BEGIN",
                                               "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
                             error);
  if (ok)
    {
      ok = copy_tables (source, target, progress, error);
      furrow_database_exec (from, "ROLLBACK", NULL);
    }
  if (!ok || !_furrow_store_audit (target, action, object, detail, error))
    {
      furrow_store_rollback (target);
      return FALSE;
    }
  return furrow_store_commit (target, error);
}

gboolean
furrow_store_publish (FurrowStore             *source,
                      const char              *uri,
                      const char              *cooperative,
                      char                   **code,
                      FurrowTransferProgress   progress,
                      gpointer                 progress_data,
                      GError                 **error)
{
  Progress told = { progress, progress_data, 0, 0 };
  g_autoptr(FurrowStore) target = NULL;
  const char *wanted;
  const char *made;

  g_return_val_if_fail (FURROW_IS_STORE (source), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  wanted = cooperative != NULL ? cooperative : source->village_code;
  if (furrow_store_is_server (source))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s is on a server already: publish a project file"), source->path);
      return FALSE;
    }
  if (wanted == NULL || *wanted == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s has no village code: name the new cooperative with --cooperative CODE"),
                   source->path);
      return FALSE;
    }
  if (!furrow_store_check_damage (source, error))
    return FALSE;
  target = _furrow_store_begin_create_server (uri, wanted, error);
  if (target == NULL)
    return FALSE;
  target->in_batch = TRUE;
  target->batch_all_or_nothing = TRUE;
  made = strrchr (target->path, '#') + 1;
  if (!transfer (source, target, "publish", made, &told, error))
    {
      g_prefix_error (error, _("%s was not published as cooperative %s, nothing of it is on the "
                               "server: "), source->path, made);
      return FALSE;
    }
  if (code != NULL)
    *code = g_strdup (made);
  return TRUE;
}

gboolean
furrow_store_checkout (FurrowStore             *source,
                       const char              *path,
                       FurrowTransferProgress   progress,
                       gpointer                 progress_data,
                       GError                 **error)
{
  Progress told = { progress, progress_data, 0, 0 };
  g_autoptr(FurrowStore) target = NULL;
  const char *code;

  g_return_val_if_fail (FURROW_IS_STORE (source), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!furrow_store_is_server (source))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("%s is a file: check out a cooperative of a server"), source->path);
      return FALSE;
    }
  if (!furrow_store_check_output (source, path, error))
    return FALSE;
  target = furrow_store_create (path, error);
  if (target == NULL || !furrow_store_begin_all_or_nothing (target, error))
    return FALSE;
  code = strrchr (source->path, '#') + 1;
  if (!transfer (source, target, "checkout", code, &told, error))
    {
      g_prefix_error (error, _("cannot check out cooperative %s: "), code);
      return FALSE;
    }
  return TRUE;
}
