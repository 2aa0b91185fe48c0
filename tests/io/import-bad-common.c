/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the bad-input corpus shares (import-bad-common.h): the project every case starts from,
 * the fixture, the inputs two of its files make, and the run of one case. */

#include "config.h"

#include "import-bad-common.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test-zip.h"
#include "furrow-test.h"
#include "import-test-data.h"

/* What ASan's quarantine may add to a child's peak (its default, quarantine_size_mb=256). */
#if defined(__SANITIZE_ADDRESS__)
#define ASAN_QUARANTINE_KIB (256 * 1024)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASAN_QUARANTINE_KIB (256 * 1024)
#endif
#endif
#ifndef ASAN_QUARANTINE_KIB
#define ASAN_QUARANTINE_KIB 0
#endif

static void
import_ok (const char *project,
           const char *source)
{
  const char *args[] = { "import", "--project", project, source, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = furrow_test_run_cliv (args, &out, &err);

  if (status != 0)
    g_error ("import of %s failed: %s", source, err);
}

/* The project's content ------------------------------------------------------------------ */

static char *
project_digest (const char *path,
                gint64     *n_rows)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  *n_rows = 0;
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      g_checksum_update (sum, (const guchar *) tables->pdata[t], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          (*n_rows)++;
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);
              const void *blob = sqlite3_column_blob (stmt, c);
              int size = sqlite3_column_bytes (stmt, c);

              g_checksum_update (sum, (const guchar *) &type, sizeof type);
              if (blob != NULL)
                g_checksum_update (sum, blob, size);
            }
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return furrow_test_store_query_int (path, sql);
}

/* Fixture --------------------------------------------------------------------------------- */

char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The project every case starts from, made once: 10 households and parcels 0–7. */
static char *base_dir;
static char *base_project;

static void
make_base_project (void)
{
  g_autofree char *households = NULL;
  g_autofree char *parcels = NULL;
  g_autofree char *formulas = NULL;
  g_autofree char *digest = NULL;
  gint64 rows;

  base_dir = g_dir_make_tmp ("furrow-import-bad-XXXXXX", NULL);
  base_project = g_build_filename (base_dir, "project.gpkg", NULL);
  households = g_build_filename (base_dir, "households.csv", NULL);
  parcels = g_build_filename (base_dir, "project-parcels.shp", NULL);
  formulas = g_build_filename (base_dir, "formulas.csv", NULL);
  test_write_households_csv (households, N_HOUSEHOLD_PARCELS);
  test_write_parcels_shp (parcels, N_PROJECT_PARCELS, 4490, NULL);
  import_ok (base_project, households);
  import_ok (base_project, parcels);
  /* Five households whose names a spreadsheet would run as formulas (OWASP, CSV Injection):
   * the import takes them as text, every CSV export must neutralise them. The last is "=1"
   * after the spaces the import trims (a tab before it is refused, import-bad-csv). */
  test_write_file (formulas, "CBFBM,CBFMC\n370782102201010090,=1+2\n370782102201010091,+1\n"
                   "370782102201010092,-1\n370782102201010093,@SUM(A1)\n"
                   "370782102201010094,  =1\n", -1);
  import_ok (base_project, formulas);
  {
    const char *args[] = { "season", "--project", base_project, "create", "2025 秋", "--year",
                           "2025", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (furrow_test_run_cliv (args, &out, NULL), ==, 0);
  }
  g_assert_cmpint (count_rows (base_project, "seasons"), ==, 1);
  g_assert_cmpint (count_rows (base_project, "households"), ==, 15);
  g_assert_cmpint (count_rows (base_project, "parcels"), ==, N_PROJECT_PARCELS);
  digest = project_digest (base_project, &rows);   /* checkpoints the WAL into the file */
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;

  fixture->dir = g_build_filename (g_get_user_cache_dir (), "bad", NULL);
  g_mkdir_with_parents (fixture->dir, 0700);
  fixture->project = fixture_path (fixture, "project.gpkg");
  g_assert_true (g_file_get_contents (base_project, &contents, &len, NULL));
  test_write_file (fixture->project, contents, len);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->locked != NULL)
    g_assert_true (lock_folder (fixture->locked, FALSE));
  g_free (fixture->locked);
  g_free (fixture->dir);
  g_free (fixture->project);
}

/* Writes a zip archive (furrow-test-zip.h) to PATH. */
void
zip_write (FurrowTestZip *zip,
           const char    *path)
{
  g_autoptr(GBytes) bytes = furrow_test_zip_finish (zip);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  test_write_file (path, data, size);
}

void
add_text (FurrowTestZip *zip,
          const char    *name,
          const char    *text)
{
  furrow_test_zip_add_stored (zip, name, (const guint8 *) text, strlen (text));
}

/* A zip member that inflates to `head`, n_blocks × 1 MiB of `fill` and `tail`: one 1 MiB block
 * deflated with a full flush (so it stands alone) repeated n_blocks times, between the head and
 * the tail deflated on their own. Its deflated bytes; its CRC-32 and inflated size in CRC and
 * INFLATED. */
GByteArray *
deflate_bomb (const char *head,
              char        fill,
              guint       n_blocks,
              const char *tail,
              guint32    *crc,
              guint64    *inflated)
{
  const guint32 block = 1024 * 1024;
  g_autofree guint8 *plain = g_malloc (block);
  g_autofree guint8 *packed = g_malloc (block);
  GByteArray *stream = g_byte_array_new ();
  guint32 block_crc, packed_len;
  z_stream z = { 0 };

  memset (plain, fill, block);
  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
  /* the head, stand-alone */
  z.next_in = (Bytef *) head;
  z.avail_in = strlen (head);
  z.next_out = packed;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  g_byte_array_append (stream, packed, block - z.avail_out);
  /* one block of `fill`, repeated */
  z.next_in = plain;
  z.avail_in = block;
  z.next_out = packed;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  g_assert_cmpuint (z.avail_in, ==, 0);
  packed_len = block - z.avail_out;
  for (guint i = 0; i < n_blocks; i++)
    g_byte_array_append (stream, packed, packed_len);
  z.next_in = (Bytef *) tail;
  z.avail_in = strlen (tail);
  z.next_out = packed;
  z.avail_out = block;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_byte_array_append (stream, packed, block - z.avail_out);
  deflateEnd (&z);

  *crc = crc32 (0, (const Bytef *) head, strlen (head));
  block_crc = crc32 (0, plain, block);
  for (guint i = 0; i < n_blocks; i++)
    *crc = crc32_combine (*crc, block_crc, block);
  *crc = crc32_combine (*crc, crc32 (0, (const Bytef *) tail, strlen (tail)), strlen (tail));
  *inflated = strlen (head) + (guint64) block * n_blocks + strlen (tail);
  return stream;
}

/* A named pipe where an export goes: renamed over, a device such as /dev/full was replaced
 * by the file (as root); a pipe stands in for it here. */
void
prepare_pipe (Fixture *fixture)
{
  g_autofree char *pipe = fixture_path (fixture, "pipe.csv");

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
}

/* Makes DIR a folder nobody may write, root included: mode 0555, and for root (who ignores
 * modes) the immutable attribute (chattr +i, ext4 and most Linux file systems). */
gboolean
lock_folder (const char *dir,
             gboolean    lock)
{
  const char *argv[] = { "chattr", lock ? "+i" : "-i", dir, NULL };
  int status = 0;

  /* An immutable folder's mode cannot be changed: chattr -i before the chmod, +i after. */
  if (geteuid () == 0 &&
      !(g_spawn_sync (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, NULL, &status, NULL) &&
        g_spawn_check_wait_status (status, NULL)))
    return FALSE;
  return g_chmod (dir, lock ? 0555 : 0755) == 0 || geteuid () == 0;
}

static char *
make_random_named (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint8 bytes[4096];
  char *path = fixture_path (fixture, name);

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  bytes[0] = 'X';
  test_write_file (path, (const char *) bytes, sizeof bytes);
  return path;
}

char *make_random_xlsx (Fixture *f) { return make_random_named (f, "random.xlsx"); }
char *make_random_kmz (Fixture *f) { return make_random_named (f, "random.kmz"); }

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* "@P" → the project, "@P-wal" → its name with "-wal", "@S" → SOURCE, "@D/x" → x in the
 * case's folder. */
static char *
expand_argument (Fixture    *fixture,
                 const char *arg,
                 const char *source)
{
  if (g_str_equal (arg, "@S"))
    return g_strdup (source);
  if (g_str_has_prefix (arg, "@P"))
    return g_strconcat (fixture->project, arg + 2, NULL);
  if (g_str_has_prefix (arg, "@D/"))
    return fixture_path (fixture, arg + 3);
  return g_strdup (arg);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const BadInput *input = data;
  g_autofree char *source = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  gint64 rows_before = 0, rows_after = 0;
  struct rusage usage, own;
  int status;

  if (input->make != NULL)
    source = input->make (fixture);
  else if (input->file_name != NULL)
    {
      source = fixture_path (fixture, input->file_name);
      test_write_file (source, input->contents, -1);
    }
  if (input->prepare != NULL)
    input->prepare (fixture);

  if (input->command[0] == NULL)
    {
      g_ptr_array_add (args, g_strdup ("import"));
      g_ptr_array_add (args, g_strdup ("--project"));
      g_ptr_array_add (args, g_strdup (fixture->project));
      g_ptr_array_add (args, g_strdup (source));
    }
  for (guint i = 0; i < G_N_ELEMENTS (input->command) && input->command[i] != NULL; i++)
    g_ptr_array_add (args, expand_argument (fixture, input->command[i], source));
  for (guint i = 0; i < G_N_ELEMENTS (input->extra) && input->extra[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (input->extra[i]));
  g_ptr_array_add (args, NULL);

  if (!fixture->damaged && fixture->locked == NULL)
    before = project_digest (fixture->project, &rows_before);
  sha_before = file_sha256 (fixture->project);
  if (input->file_size_room != 0)
    {
      /* Set on this process between the fork and the exec's inheritance: nothing here
       * writes while it is set. */
      struct rlimit saved, limit;
      GStatBuf st;

      g_assert_cmpint (g_stat (fixture->project, &st), ==, 0);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      limit = saved;
      limit.rlim_cur = st.st_size + input->file_size_room;
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      status = furrow_test_run_cliv ((const char *const *) args->pdata, &out, &err);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      signal (SIGXFSZ, SIG_DFL);
    }
  else
    status = furrow_test_run_cliv ((const char *const *) args->pdata, &out, &err);
  sha_after = file_sha256 (fixture->project);
  if (fixture->locked != NULL)
    {
      g_assert_true (lock_folder (fixture->locked, FALSE));
      g_clear_pointer (&fixture->locked, g_free);
    }

  g_test_message ("stderr: %s", err);
  if (input->succeeds)
    {
      g_autofree char *output = expand_argument (fixture, input->output, source);
      g_autofree char *written = NULL;

      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
      g_assert_nonnull (strstr (written, input->expected));
    }
  else
    {
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, input->expected));
      lines = g_strsplit (g_strchomp (err), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        g_assert_true (g_str_has_prefix (lines[i], "furrow-cli: "));
      if (input->n_lines > 0)
        g_assert_cmpuint (g_strv_length (lines), ==, input->n_lines);
    }
  /* Personal data never appears in a message. */
  g_assert_null (strstr (err, "1380000"));

  /* The file is byte for byte what it was; a healthy one also has the same rows (a change
   * left in a -wal file beside it would show there). */
  g_assert_cmpstr (sha_after, ==, sha_before);
  if (before != NULL)
    {
      after = project_digest (fixture->project, &rows_after);
      g_assert_cmpint (rows_after, ==, rows_before);
      g_assert_cmpstr (after, ==, before);
    }

  /* No input makes furrow-cli grow: the largest child so far stayed under 300 MiB (the XLSX
   * bomb took 10 GB before the archive limit). A child's ru_maxrss also counts the pages it
   * shared with this process between fork and exec (Linux keeps the larger), so under ASan,
   * whose quarantine grows this process past 300 MiB, the bound is this process's own peak
   * and 64 MiB more; and a child under ASan keeps up to 256 MiB of freed memory in its own
   * quarantine (seen: 470 MiB in the sanitizer build, against 10 GB for the bomb). */
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &own), ==, 0);
  g_test_message ("largest furrow-cli so far: %ld KiB (this test: %ld KiB)", usage.ru_maxrss,
                  own.ru_maxrss);
  g_assert_cmpint (usage.ru_maxrss, <,
                   MAX (300 * 1024, own.ru_maxrss + 64 * 1024) + ASAN_QUARANTINE_KIB);
}

/* Set when the test program starts (FURROW_TEST_MAIN (.set_up)). */
static const char *registered_unit;

void
import_bad_set_up (const char     *unit,
                   const BadInput *cases,
                   guint           n_cases)
{
  registered_unit = unit;
  GDALAllRegister ();
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *path = g_strdup_printf ("/furrow/io/import-bad-%s/%s", unit, cases[i].name);

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_bad_input, fixture_tear_down);
    }
  make_base_project ();
}

void
import_bad_tear_down (void)
{
  furrow_test_remove_tree (base_dir);
  g_free (base_project);
  g_free (base_dir);
}
