/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-database.h"

G_BEGIN_DECLS

/* Statement-layer functions only the tests use (HACKING.md, Where things go): the store reads
 * none of these, so they stay out of furrow-database.h. */

void             furrow_statement_bind_blob        (FurrowStatement      *self,
                                                    int                   position,
                                                    gconstpointer         data,
                                                    gsize                 size);
void             furrow_statement_bind_null        (FurrowStatement      *self,
                                                    int                   position);

/* A copy (NULL for SQL NULL). */
GBytes          *furrow_statement_dup_bytes        (FurrowStatement      *self,
                                                    int                   column);
int              furrow_statement_get_column_count (FurrowStatement      *self);
const char      *furrow_statement_get_column_name  (FurrowStatement      *self,
                                                    int                   column);

/* The PostgreSQL backend's text of sql: ?N as $N, a bare ? as the next number, quoted text and
 * comments left alone (furrow-database-pg.c). */
char            *furrow_database_pg_parameters     (const char           *sql);

G_END_DECLS
