/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "furrow-store.h"

G_BEGIN_DECLS

/* The raw SQLite entry points furrow-store-season.c and furrow-store-yield.c still use while
 * they move onto the statement layer (furrow-database.h; docs/architecture.md, "The statement
 * layer"). Nothing else may use them: delete this header and furrow-store-legacy.c (and its
 * include in furrow-store-private.h) once those two files no longer need them. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A cached raw statement: g_autoptr(FurrowStoreStmt) resets it instead of finalizing it. */
typedef sqlite3_stmt FurrowStoreStmt;

static inline void
_furrow_store_stmt_release (FurrowStoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowStoreStmt, _furrow_store_stmt_release)

/* The cached statement of `sql` (static text: the cache key is its address). */
sqlite3_stmt *_furrow_store_prepare               (FurrowStore     *self,
                                                   const char      *sql,
                                                   GError         **error);
/* The error of the connection's last failure (furrow_database_set_error()); returns FALSE. */
gboolean     _furrow_store_set_db_error           (FurrowStore     *self,
                                                   GError         **error);
sqlite3     *_furrow_store_get_db                 (FurrowStore     *self);

G_END_DECLS
