/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowStore's checks: whether the open file is damaged (the quick check at open, the full
 * check of `furrow-cli check`: SQLite's pages and indexes, foreign keys, GeoPackage
 * conformance and Furrow's own rules) and whether an output path would overwrite the project
 * or one of its journals (docs/architecture.md, Opening, backup, check). Opening and
 * backup are in furrow-store.c. */

#include "config.h"

#include "furrow-store.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "furrow-database.h"
#include "furrow-register.h"
#include "furrow-store-private.h"
#include "furrow-store-testing.h"

gboolean
furrow_store_check_damage (FurrowStore  *self,
                           GError      **error)
{
  const GError *damage;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  damage = furrow_database_get_damage (self->database);
  if (damage == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (damage));
  return FALSE;
}

/* SQLite's integrity_check, stopped at its first finding: the b-trees, their pages, the order
 * of their keys and the records' format, as quick_check, and whether each index holds the rows
 * of its table, which quick_check leaves out (16 bytes of a household's code overwritten read
 * as a healthy file: "row 300 missing from index …"). Measured at open in docs/toolchain.md,
 * SQLite: as cheap as quick_check followed by a fingerprint of every index against its table. */
gboolean
furrow_store_integrity_check (FurrowStore  *self,
                              GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  /* A server checks its own pages (data checksums, amcheck): XX001 and XX002 still mark the
   * store damaged (furrow_database_error_from_sqlstate()). */
  if (furrow_store_is_server (self))
    return TRUE;
  stmt = furrow_database_prepare (self->database, "PRAGMA integrity_check (1)", error);
  if (stmt == NULL)
    return FALSE;
  if (furrow_statement_step (stmt, &local_error))
    first = furrow_statement_dup_text (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (first, "ok") != 0)
    {
      /* "*** in database main ***\nPage 101: …" on one line: the finding only. */
      const char *finding = first != NULL ? first : "?";
      g_autofree char *line = NULL;

      if (g_str_has_prefix (finding, "*** in database main ***\n"))
        finding += strlen ("*** in database main ***\n");
      line = g_strdelimit (g_strdup (finding), "\r\n", ' ');
      return furrow_database_set_damaged (self->database, error,
                                          _("%s is damaged (%s): nothing was written to it; "
                                            "restore it from a backup or a restore point, or "
                                            "run “furrow-cli check” to see what is wrong"),
                                          self->path, line);
    }
  return TRUE;
}

/* The path with its folder resolved (symlinks, "..") and, when it exists, itself resolved; a
 * name that cannot be resolved (no such folder) is returned as given. */
static char *
resolve_path (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *real_dir = NULL;
  char *real;

  real = realpath (path, NULL);
  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real = realpath (dir, NULL);
  if (real == NULL)
    return g_strdup (path);
  real_dir = g_strdup (real);
  free (real);
  return g_build_filename (real_dir, base, NULL);
}

static gboolean
same_inode (const char *a,
            const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Which of the project's files `path` is: 0 the project itself, 1 … 3 a companion, -1 none. */
static int
project_file_index (const char *project_path,
                    const char *path)
{
  /* SQLite names its companions after the name it was given and, for a symlink, after the
   * file it points to (the unix VFS resolves it): both sets are the project. */
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *resolved = NULL;
  g_autofree char *project_resolved = NULL;

  resolved = resolve_path (path);
  project_resolved = resolve_path (project_path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *given = g_strconcat (project_path, suffixes[i], NULL);
      g_autofree char *given_resolved = resolve_path (given);
      g_autofree char *real = g_strconcat (project_resolved, suffixes[i], NULL);

      if (g_strcmp0 (resolved, given_resolved) == 0 || g_strcmp0 (resolved, real) == 0 ||
          same_inode (path, given) || same_inode (path, real))
        return (int) i;
    }
  return -1;
}

gboolean
furrow_store_path_is_project (const char *project_path,
                              const char *path)
{
  g_return_val_if_fail (project_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return project_file_index (project_path, path) >= 0;
}

gboolean
furrow_store_check_output (FurrowStore  *self,
                           const char   *path,
                           GError      **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  return furrow_store_check_output_path (self->path, path, error);
}

gboolean
furrow_store_check_output_path (const char  *project_path,
                                const char  *path,
                                GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *project_name = NULL;
  int index;

  g_return_val_if_fail (project_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  index = project_file_index (project_path, path);
  if (index < 0)
    return TRUE;
  display_name = g_filename_display_name (path);
  project_name = g_filename_display_name (project_path);
  if (index == 0)
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                 /* Translators: %s is the file the user chose to write, which is the open
                  * project (the same file, a link to it) */
                 _("%s is the open project: writing there would destroy it; choose another file "
                   "name (nothing was written)"), display_name);
  else
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                 /* Translators: the first %s is the file the user chose to write, the second the
                  * open project; the file is the project's SQLite journal */
                 _("%s is a journal file of the open project %s: writing there would damage it; "
                   "choose another file name (nothing was written)"), display_name,
                 project_name);
  return FALSE;
}

/* Appends one finding per row of `sql`: `format` (translated, up to four %s) filled with the
 * row's first columns as text. */
static gboolean
add_findings (FurrowStore  *self,
              GPtrArray    *findings,
              const char   *sql,
              const char   *format,
              GError      **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (self->database, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (furrow_statement_step (stmt, &local_error))
    {
      const char *c[4];

      for (int k = 0; k < 4; k++)
        c[k] = furrow_statement_get_text (stmt, k) ? furrow_statement_get_text (stmt, k) : "";
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_ptr_array_add (findings, g_strdup_printf (format, c[0], c[1], c[2], c[3]));
#pragma GCC diagnostic pop
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* SQLite's integrity_check, one finding a line (without its "*** in database main ***"
 * heading), each line once. A file so damaged that the check itself stops (SQLITE_CORRUPT on a
 * page it must read) gets one finding that says so, not the damage message again: that
 * message is what sent the user here (issue 12). */
static gboolean
check_integrity (FurrowStore  *self,
                 GPtrArray    *findings,
                 GError      **error)
{
  g_autoptr(FurrowStatement) integrity = NULL;
  g_autoptr(GError) local_error = NULL;

  /* SQLite: the whole file, every index against its table. */
  integrity = furrow_database_prepare (self->database, "PRAGMA integrity_check (100)",
                                       &local_error);
  while (integrity != NULL && furrow_statement_step (integrity, &local_error))
    {
      const char *text = furrow_statement_get_text (integrity, 0);
      g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

      for (guint k = 0; g_strcmp0 (text, "ok") != 0 && lines[k] != NULL; k++)
        {
          g_strstrip (lines[k]);
          if (*lines[k] == '\0' || g_str_equal (lines[k], "*** in database main ***"))
            continue;
          /* Translators: %s is SQLite's own description of a damaged page or index */
          g_ptr_array_add (findings, g_strdup_printf (_("integrity: %s"), lines[k]));
        }
    }
  if (g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT))
    g_ptr_array_add (findings, g_strdup (_("integrity: the check stopped at a page it cannot "
                                           "read; the file is damaged beyond that point")));
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* SQLite's and GeoPackage's part of furrow_store_check_all() on a file whose pages are whole:
 * the foreign keys (SQLite checks them only while they are on), GeoPackage conformance. A
 * server checks its own pages and enforces its foreign keys at every write, and has no
 * GeoPackage tables (docs/architecture.md, The backend seam). */
static gboolean
check_file (FurrowStore  *self,
            GPtrArray    *findings,
            GError      **error)
{
  if (!add_findings (self, findings,
                     "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
                     /* Translators: table, row number, the table it refers to */
                     _("foreign key: %s row %s refers to a missing %s row"), error))
    return FALSE;

  /* GeoPackage 1.3 (OGC 12-128r18): the three required spatial reference systems, a features
   * row in gpkg_contents for each of Furrow's layers, a geometry column for every features
   * table and the same srs_id in both, every table listed present. */
  if (!add_findings (self, findings,
                     "SELECT r.srs_id"
                     " FROM (SELECT 4326 AS srs_id UNION ALL SELECT 0 UNION ALL SELECT -1) AS r"
                     " WHERE r.srs_id NOT IN (SELECT srs_id FROM gpkg_spatial_ref_sys)",
                     _("GeoPackage: gpkg_spatial_ref_sys has no row for srs_id %s"), error) ||
      !add_findings (self, findings,
                     "SELECT t.name"
                     " FROM (SELECT 'fields' AS name UNION ALL SELECT 'parcels') AS t"
                     " WHERE t.name NOT IN (SELECT table_name FROM gpkg_contents"
                     " WHERE data_type = 'features')",
                     _("GeoPackage: gpkg_contents has no features row for %s"), error) ||
      !add_findings (self, findings,
                     "SELECT table_name FROM gpkg_contents WHERE table_name NOT IN"
                     " (SELECT name FROM sqlite_master WHERE type IN ('table', 'view'))",
                     _("GeoPackage: gpkg_contents lists %s, which is not in the file"), error) ||
      !add_findings (self, findings,
                     "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'"
                     " AND table_name NOT IN (SELECT table_name FROM gpkg_geometry_columns)",
                     _("GeoPackage: %s has no row in gpkg_geometry_columns"), error) ||
      !add_findings (self, findings,
                     "SELECT g.table_name, g.srs_id FROM gpkg_geometry_columns AS g"
                     " WHERE g.srs_id NOT IN (SELECT srs_id FROM gpkg_spatial_ref_sys)",
                     _("GeoPackage: %s has srs_id %s, which gpkg_spatial_ref_sys does not "
                       "define"), error) ||
      !add_findings (self, findings,
                     "SELECT g.table_name, g.srs_id, coalesce (c.srs_id, '-')"
                     " FROM gpkg_geometry_columns AS g"
                     " LEFT JOIN gpkg_contents AS c ON c.table_name = g.table_name"
                     " WHERE c.srs_id IS NOT g.srs_id",
                     _("GeoPackage: %s has srs_id %s in gpkg_geometry_columns but %s in "
                       "gpkg_contents"), error))
    return FALSE;

  return TRUE;
}

/* Furrow's own rules, part of furrow_store_check_all(). */
static gboolean
check_rules (FurrowStore  *self,
             GPtrArray    *findings,
             GError      **error)
{
  return add_findings (self, findings,
                       "SELECT code, count (DISTINCT coalesce (field_id, 0)), count (*)"
                       " FROM parcels GROUP BY code HAVING count (*) > 1",
                       _("Furrow: parcel %s is in %s fields (%s rows)"), error) &&
         add_findings (self, findings,
                       "SELECT code, count (*) FROM households GROUP BY code HAVING count (*) > 1",
                       _("Furrow: household code %s is used by %s households"), error) &&
         add_findings (self, findings,
                       "SELECT s.name, coalesce (h.code, CAST (r.household_id AS text)),"
                       " r.total_fen,"
                       " r.base_fen + r.dividend_fen - r.fee_fen"
                       " FROM settlements AS r JOIN seasons AS s ON s.id = r.season_id"
                       " LEFT JOIN households AS h ON h.id = r.household_id"
                       " WHERE r.total_fen <> r.base_fen + r.dividend_fen - r.fee_fen"
                       " ORDER BY r.id",
                       _("Furrow: season %s, household %s: the total %s fen is not base + "
                         "dividend − fee, %s fen"), error) &&
         add_findings (self, findings,
                       "SELECT s.name, ss.households_dividend_fen, r.dividend"
                       " FROM season_settlements AS ss JOIN seasons AS s ON s.id = ss.season_id"
                       " JOIN (SELECT season_id, sum (dividend_fen) AS dividend FROM settlements"
                       " GROUP BY season_id) AS r ON r.season_id = ss.season_id"
                       " WHERE r.dividend <> ss.households_dividend_fen ORDER BY s.id",
                       _("Furrow: season %s: the households' dividend %s fen is not the sum of "
                         "their rows, %s fen"), error) &&
         add_findings (self, findings,
                       "SELECT s.name, ss.fees_fen, r.fees"
                       " FROM season_settlements AS ss JOIN seasons AS s ON s.id = ss.season_id"
                       " JOIN (SELECT season_id, sum (fee_fen) AS fees FROM settlements"
                       " GROUP BY season_id) AS r ON r.season_id = ss.season_id"
                       " WHERE r.fees <> ss.fees_fen ORDER BY s.id",
                       _("Furrow: season %s: the fees %s fen are not the sum of the rows, %s fen"),
                       error);
}

/* How a stored text breaks the rules of the writers (furrow_register_check_text(): one line,
 * tabs and line breaks in the notes only), or NULL: bytes that are not UTF-8, a NUL among
 * them (`bytes` longer than the text up to its NUL) or a control character. */
static char *
text_problem (const char *text,
              gint64      bytes,
              gboolean    notes)
{
  g_autoptr(GError) local_error = NULL;

  if (bytes > (gint64) strlen (text) || !g_utf8_validate (text, -1, NULL))
    return g_strdup (_("not valid UTF-8 text"));
  /* furrow_register_check_text() with an empty subject: its message "holds a control
   * character (U+001B); remove it" names the character, never the text. */
  if (!furrow_register_check_text (text, -1, notes ? FURROW_TEXT_MULTILINE : FURROW_TEXT_LINE,
                                   "", &local_error))
    return g_strdup (g_strstrip (local_error->message));
  return NULL;
}

/* Every text column of the fields, households and parcels read back and held to the rules of
 * the writers (UTF-8, no control character; an ID number's GB 11643 check character is a typing
 * mistake the importer and the editor refuse, not damage, and is not listed): a value changed around Furrow (a
 * byte written into the file's pages leaves SQLite's integrity check content) is listed as
 * "Furrow: households, record CODE, column id_number: not valid UTF-8 text". The value itself
 * is never printed (an ID number, a phone: personal data); a code that breaks the rules
 * itself is named by its row. */
static gboolean
check_texts (FurrowStore  *self,
             GPtrArray    *findings,
             GError      **error)
{
  for (FurrowKind k = 0; k < FURROW_N_KINDS; k++)
    {
      const FurrowRecordKind *kind = _furrow_store_kind (k);
      g_autoptr(GString) sql = g_string_new ("SELECT id");
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();
      g_autoptr(FurrowStatement) stmt = NULL;
      g_autoptr(GError) local_error = NULL;

      for (guint i = 0; i < kind->n_columns; i++)
        {
          const FurrowRecordColumn *column = &kind->columns[i];

          if (column->name == NULL || (column->type != FURROW_RECORD_COLUMN_TEXT &&
                                       column->type != FURROW_RECORD_COLUMN_NAME))
            continue;
          /* The code first (the finding names the record by it), each text with its length
           * in bytes, which sees past a NUL. */
          if (g_str_equal (column->name, "code"))
            g_ptr_array_insert (columns, 0, (gpointer) column->name);
          else
            g_ptr_array_add (columns, (gpointer) column->name);
        }
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, FURROW_SQL (self->database,
                                                 ", %1$s, length (CAST (%1$s AS BLOB))",
                                                 ", %1$s, octet_length (%1$s)"),
                                (const char *) g_ptr_array_index (columns, i));
      g_string_append_printf (sql, " FROM %s ORDER BY id", kind->table);

      stmt = furrow_database_prepare (self->database, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      while (furrow_statement_step (stmt, &local_error))
        {
          const char *code = furrow_statement_get_text (stmt, 1);
          g_autofree char *code_problem = NULL;
          g_autofree char *record = NULL;

          if (code != NULL)
            code_problem = text_problem (code, furrow_statement_get_int64 (stmt, 2), FALSE);
          if (code == NULL || code_problem != NULL)
            /* Translators: how a check finding names a record whose own code is damaged; %s
             * is its row number */
            record = g_strdup_printf (_("in row %s"), furrow_statement_get_text (stmt, 0));
          else
            record = g_strdup (code);
          for (guint i = 0; i < columns->len; i++)
            {
              const char *name = g_ptr_array_index (columns, i);
              int index = 1 + 2 * (int) i;
              const char *text = furrow_statement_get_text (stmt, index);
              g_autofree char *problem = NULL;

              if (text == NULL)
                continue;
              problem = text_problem (text, furrow_statement_get_int64 (stmt, index + 1),
                                      g_str_equal (name, "notes"));
              if (problem != NULL)
                g_ptr_array_add (findings,
                                 /* Translators: a table (households), a record's code, a
                                  * column of the table (id_number) and what is wrong with
                                  * its value, which is never printed */
                                 g_strdup_printf (_("Furrow: %s, record %s, column %s: %s"),
                                                  kind->table, record, name, problem));
            }
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
furrow_store_check_all (FurrowStore  *self,
                        GError      **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unique = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean server, damaged;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  server = furrow_store_is_server (self);
  if (!server && !check_integrity (self, findings, error))
    return NULL;
  damaged = findings->len > 0;
  if ((!server && !check_file (self, findings, &local_error)) ||
      !check_rules (self, findings, &local_error) ||
      !check_texts (self, findings, &local_error))
    {
      /* Damaged pages the integrity check listed stop the checks that read them: said once,
       * by the integrity lines, not again as an error (issue 12). */
      if (!g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!damaged)
        g_ptr_array_add (findings, g_strdup (_("integrity: the check stopped at a page it "
                                               "cannot read; the file is damaged beyond that "
                                               "point")));
    }

  /* One line per finding: each once, in the order found. */
  unique = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < findings->len; i++)
    if (g_hash_table_add (seen, g_ptr_array_index (findings, i)))
      g_ptr_array_add (unique, g_strdup (g_ptr_array_index (findings, i)));
  return g_steal_pointer (&unique);
}

gboolean
furrow_store_check (FurrowStore  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  findings = furrow_store_check_all (self, error);
  if (findings == NULL)
    return FALSE;
  if (findings->len == 0)
    return TRUE;
  g_ptr_array_add (findings, NULL);
  joined = g_strjoinv ("; ", (char **) findings->pdata);
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
               _("%s is damaged: %s"), self->path, joined);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Test helpers (furrow-store-private.h)                                                      */

gboolean
_furrow_store_has_index (FurrowStore *self,
                         const char  *name)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             FURROW_SQL (self->database,
                                         "SELECT count(*) FROM sqlite_master"
                                         " WHERE type = 'index' AND name = ?1",
                                         "SELECT count(*) FROM pg_indexes"
                                         " WHERE schemaname = current_schema ()"
                                         " AND indexname = ?1"),
                   NULL);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, name);
  return furrow_statement_step (stmt, NULL) && furrow_statement_get_int64 (stmt, 0) > 0;
}

gboolean
_furrow_store_get_contents_extent (FurrowStore *self,
                                   const char  *table,
                                   double      *min_x,
                                   double      *min_y,
                                   double      *max_x,
                                   double      *max_y)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                   "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"
                   " WHERE table_name = ?1 AND min_x IS NOT NULL",
                   NULL);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, table);
  if (!furrow_statement_step (stmt, NULL))
    return FALSE;
  *min_x = furrow_statement_get_double (stmt, 0);
  *min_y = furrow_statement_get_double (stmt, 1);
  *max_x = furrow_statement_get_double (stmt, 2);
  *max_y = furrow_statement_get_double (stmt, 3);
  return TRUE;
}
