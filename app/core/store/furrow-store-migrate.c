/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-store-migrate-testing.h"

#include <glib/gi18n-lib.h>

#include "furrow-schema-resources.h"
#include "furrow-store.h"

int
furrow_store_migrate_get_n_steps (void)
{
  return FURROW_STORE_SCHEMA_VERSION;
}

static GBytes *
lookup (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/furrow/Furrow/schema/", name, NULL);

  /* Resource data is NUL-terminated (g_resource_lookup_data()). */
  return g_resource_lookup_data (furrow_schema_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

GBytes *
furrow_store_migrate_get_step (int version)
{
  g_autofree char *name = NULL;

  if (version < 1 || version > FURROW_STORE_SCHEMA_VERSION)
    return NULL;
  name = g_strdup_printf ("v%03d.sql", version);
  return lookup (name);
}

GBytes *
furrow_store_migrate_get_pg_step (int version)
{
  g_autofree char *name = NULL;

  if (version < FURROW_STORE_PG_BASELINE || version > FURROW_STORE_SCHEMA_VERSION)
    return NULL;
  name = g_strdup_printf ("pg/v%03d.sql", version);
  return lookup (name);
}

GBytes *
furrow_store_migrate_get_pg_server (void)
{
  return lookup ("pg/server.sql");
}

int
furrow_store_migrate_get_pg_version (void)
{
  int version = FURROW_STORE_PG_BASELINE;

  while (version < FURROW_STORE_SCHEMA_VERSION)
    {
      g_autoptr(GBytes) next = furrow_store_migrate_get_pg_step (version + 1);

      if (next == NULL)
        break;
      version++;
    }
  return version;
}

static gboolean
run_step (FurrowDatabase  *database,
          int              version,
          GError         **error)
{
  g_autoptr(GBytes) sql =
    furrow_database_get_dialect (database) == FURROW_DATABASE_POSTGRESQL
    ? furrow_store_migrate_get_pg_step (version) : furrow_store_migrate_get_step (version);
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *text = g_strdup_printf ("%d", version);

  if (sql == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_FAILED,
                   "no migration step %d", version);
      return FALSE;
    }
  if (!furrow_database_exec (database, g_bytes_get_data (sql, NULL), error))
    return FALSE;
  stmt = furrow_database_prepare (database,
                                  "INSERT INTO furrow_meta (key, value)"
                                  " VALUES ('schema_version', ?1)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, text);
  return furrow_statement_run (stmt, error);
}

/* A new cooperative on a server starts from the baseline, one step to its version. */
static int
first_step (FurrowDatabase *database,
            int             from,
            int             to)
{
  if (furrow_database_get_dialect (database) == FURROW_DATABASE_POSTGRESQL && from == 0 &&
      to >= FURROW_STORE_PG_BASELINE)
    return FURROW_STORE_PG_BASELINE;
  return from + 1;
}

static gboolean
step_failed (FurrowDatabase  *database,
             int              version,
             GError          *local_error,
             GError         **error)
{
  g_set_error (error, FURROW_STORE_ERROR, local_error->code,
               _("%s: cannot upgrade the project to schema version %d: %s"),
               furrow_database_get_path (database), version, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

gboolean
furrow_store_migrate (FurrowDatabase  *database,
                      int              from,
                      int              to,
                      GError         **error)
{
  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (from >= 0 && to <= FURROW_STORE_SCHEMA_VERSION, FALSE);

  for (int version = first_step (database, from, to); version <= to; version++)
    {
      GError *local_error = NULL;

      if (!furrow_database_exec (database,
                                 FURROW_SQL (database, "BEGIN IMMEDIATE", "BEGIN"), error))
        return FALSE;
      if (run_step (database, version, &local_error) &&
          furrow_database_exec (database, "COMMIT", &local_error))
        continue;
      furrow_database_exec (database, "ROLLBACK", NULL);
      return step_failed (database, version, local_error, error);
    }
  return TRUE;
}

gboolean
furrow_store_migrate_in_transaction (FurrowDatabase  *database,
                                     int              from,
                                     int              to,
                                     GError         **error)
{
  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (from >= 0 && to <= FURROW_STORE_SCHEMA_VERSION, FALSE);

  for (int version = first_step (database, from, to); version <= to; version++)
    {
      GError *local_error = NULL;

      if (!run_step (database, version, &local_error))
        return step_failed (database, version, local_error, error);
    }
  return TRUE;
}
