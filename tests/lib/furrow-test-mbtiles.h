/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes MBTiles files for tests with the SQLite C API (the SQL-only-in-the-store rule is for
 * app/; tests build their fixtures however they need). Rows are written in TMS order. */

typedef struct _FurrowTestMbtiles FurrowTestMbtiles;

FurrowTestMbtiles *furrow_test_mbtiles_new       (const char        *path);
void               furrow_test_mbtiles_set_meta  (FurrowTestMbtiles *self,
                                                  const char        *name,
                                                  const char        *value);
/* @x, @y in XYZ order: the row stored is (1 << z) - 1 - y. */
void               furrow_test_mbtiles_add_tile  (FurrowTestMbtiles *self,
                                                  int                z,
                                                  int                x,
                                                  int                y,
                                                  const guint8      *data,
                                                  gsize              size);
/* Stores a tile exactly at TMS row @tms_row, for checking the flip of the reader. */
void               furrow_test_mbtiles_add_tile_tms (FurrowTestMbtiles *self,
                                                     int                z,
                                                     int                x,
                                                     int                tms_row,
                                                     const guint8      *data,
                                                     gsize              size);
void               furrow_test_mbtiles_close     (FurrowTestMbtiles *self);

G_END_DECLS
