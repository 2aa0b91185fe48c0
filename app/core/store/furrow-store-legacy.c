/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-store-legacy.h"

#include "furrow-store-private.h"

/* Raw statements for the files not yet on the statement layer (furrow-store-legacy.h), cached
 * per store in a table kept as the store's qdata so that FurrowStore itself knows nothing of
 * them. Delete this file with its header. */

static GQuark
legacy_statements_quark (void)
{
  return g_quark_from_static_string ("furrow-store-legacy-statements");
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

sqlite3_stmt *
_furrow_store_prepare (FurrowStore  *self,
                       const char   *sql,
                       GError      **error)
{
  GHashTable *statements = g_object_get_qdata (G_OBJECT (self), legacy_statements_quark ());
  sqlite3_stmt *stmt;

  if (statements == NULL)
    {
      statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          finalize_statement);
      g_object_set_qdata_full (G_OBJECT (self), legacy_statements_quark (), statements,
                               (GDestroyNotify) g_hash_table_unref);
    }
  stmt = g_hash_table_lookup (statements, sql);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (_furrow_store_get_db (self), sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          _furrow_store_set_db_error (self, error);
          return NULL;
        }
      g_hash_table_insert (statements, (gpointer) sql, stmt);
    }
  return stmt;
}

gboolean
_furrow_store_set_db_error (FurrowStore  *self,
                            GError      **error)
{
  return furrow_database_set_error (_furrow_store_get_database (self), error);
}

sqlite3 *
_furrow_store_get_db (FurrowStore *self)
{
  return furrow_database_get_handle (_furrow_store_get_database (self));
}

void
_furrow_store_legacy_clear (FurrowStore *self)
{
  g_object_set_qdata (G_OBJECT (self), legacy_statements_quark (), NULL);
}
