/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-mbtiles.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

struct _FurrowTestMbtiles
{
  sqlite3 *db;
};

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("test MBTiles: %s: %s", sql, message);
}

FurrowTestMbtiles *
furrow_test_mbtiles_new (const char *path)
{
  FurrowTestMbtiles *self = g_new0 (FurrowTestMbtiles, 1);

  g_unlink (path);
  if (sqlite3_open (path, &self->db) != SQLITE_OK)
    g_error ("test MBTiles: cannot create %s", path);
  exec_or_die (self->db,
               "CREATE TABLE metadata (name TEXT, value TEXT);"
               "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
               " tile_row INTEGER, tile_data BLOB);"
               "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
               "BEGIN;");
  return self;
}

void
furrow_test_mbtiles_set_meta (FurrowTestMbtiles *self,
                              const char        *name,
                              const char        *value)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (self->db, "INSERT INTO metadata VALUES (?1, ?2)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

void
furrow_test_mbtiles_add_tile_tms (FurrowTestMbtiles *self,
                                  int                z,
                                  int                x,
                                  int                tms_row,
                                  const guint8      *data,
                                  gsize              size)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (self->db, "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, z);
  sqlite3_bind_int (stmt, 2, x);
  sqlite3_bind_int (stmt, 3, tms_row);
  sqlite3_bind_blob (stmt, 4, data, (int) size, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

void
furrow_test_mbtiles_add_tile (FurrowTestMbtiles *self,
                              int                z,
                              int                x,
                              int                y,
                              const guint8      *data,
                              gsize              size)
{
  furrow_test_mbtiles_add_tile_tms (self, z, x, (1 << z) - 1 - y, data, size);
}

void
furrow_test_mbtiles_close (FurrowTestMbtiles *self)
{
  exec_or_die (self->db, "COMMIT;");
  sqlite3_close (self->db);
  g_free (self);
}
