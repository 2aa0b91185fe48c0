/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* Issue 12, run as a user runs furrow-cli: nothing a command writes may land on the project
 * (docs/architecture.md, Opening, backup, check). Each refusal is exit 1 with one line on stderr
 * that names the file, and the project's SHA-256 is the same before and after. */

typedef FurrowTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;

  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, "P.gpkg");
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "demo", fixture->path, NULL), ==, 0);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Runs ARGS, which must fail with exit 1 and exactly one stderr line containing NEEDLE, print
 * nothing on stdout, and leave the project byte for byte as it was. */
static void
assert_refused (Fixture            *fixture,
                const char *const  *args,
                const char         *needle)
{
  g_autofree char *before = file_sha256 (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 1);
  g_test_message ("%s: %s", args[0], err);
  g_assert_nonnull (strstr (err, needle));
  g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);
  g_assert_cmpstr (out, ==, "");
  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* export --format csv / gpkg onto the project, onto a symlink to it, through a symlinked
 * folder, onto a hard link and onto its -wal, -shm and -journal names. */
static void
test_export_onto_project (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *sym = furrow_test_store_file (fixture, "link.csv");
  g_autofree char *hard = furrow_test_store_file (fixture, "hard.gpkg");
  g_autofree char *folder_link = furrow_test_store_file (fixture, "same-folder");
  g_autofree char *via_folder = g_build_filename (folder_link, "P.gpkg", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autofree char *sym_wal = g_strconcat (sym, "-wal", NULL);
  g_autofree char *message = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (symlink (fixture->path, sym), ==, 0);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);
  g_assert_cmpint (symlink (fixture->dir, folder_link), ==, 0);

  message = g_strdup_printf ("%s is the open project: writing there would destroy it",
                             fixture->path);
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "households", "--format", "csv", fixture->path,
                                              NULL }, message);
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "parcels", "--format", "gpkg", fixture->path,
                                              NULL }, message);
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "parcels", "--format", "xlsx", fixture->path,
                                              NULL }, message);
  g_assert_true (g_file_test (sym, G_FILE_TEST_IS_SYMLINK));

  /* Every other name of the same file. */
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "households", "--format", "csv", sym, NULL },
                  "link.csv is the open project");
  g_assert_true (g_file_test (sym, G_FILE_TEST_IS_SYMLINK));
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "fields", "--format", "gpkg", hard, NULL },
                  "hard.gpkg is the open project");
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "fields", "--format", "geojson", via_folder, NULL },
                  "same-folder/P.gpkg is the open project");
  /* The project opened through the symlink: the real file is refused too. */
  assert_refused (fixture, (const char *[]) { "export", "--project", sym, "--layer",
                                              "fields", "--format", "csv", fixture->path, NULL },
                  "P.gpkg is the open project");

  /* Its journal files, which do not exist while no program has it open. */
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "households", "--format", "csv", wal, NULL },
                  "P.gpkg-wal is a journal file of the open project");
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "parcels", "--format", "gpkg", shm, NULL },
                  "P.gpkg-shm is a journal file of the open project");
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "parcels", "--format", "kml", journal, NULL },
                  "P.gpkg-journal is a journal file of the open project");
  assert_refused (fixture, (const char *[]) { "export", "--project", sym, "--layer",
                                              "parcels", "--format", "csv", sym_wal, NULL },
                  "link.csv-wal is a journal file of the open project");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (sym_wal, G_FILE_TEST_EXISTS));

  /* A file beside it is fine: the demo's 300 households (tests/cli/test-cli-project.c). */
  {
    g_autofree char *csv = furrow_test_store_file (fixture, "households.csv");

    g_assert_cmpint (furrow_test_run_cli (&out, NULL, "export", "--project", fixture->path,
                                          "--layer", "households", "--format", "csv", csv, NULL),
                     ==, 0);
    g_assert_nonnull (strstr (out, "wrote 300 records"));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/export-onto-project", Fixture, fixture_set_up,
                     test_export_onto_project, furrow_test_store_fixture_tear_down);

/* The other writers: roster, statements, payroll and the row lines of plan --project. */
static void
test_other_outputs_onto_project (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *message = g_strdup_printf ("%s is the open project", fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  assert_refused (fixture, (const char *[]) { "roster", "--project", fixture->path, "--season",
                                              "2025 summer", "--out", fixture->path, NULL },
                  message);
  assert_refused (fixture, (const char *[]) { "statements", "--project", fixture->path,
                                              "--season", "2025 summer", "--out", wal, NULL },
                  "P.gpkg-wal is a journal file of the open project");
  assert_refused (fixture, (const char *[]) { "statements", "--project", fixture->path,
                                              "--season", "2025 summer", "--per-household",
                                              fixture->path, NULL }, message);
  assert_refused (fixture, (const char *[]) { "plan", "--project", fixture->path, "--all",
                                              "--maize-rows", "2", "--soy-rows", "4",
                                              "--rows-out", fixture->path, NULL }, message);
  assert_refused (fixture, (const char *[]) { "plan", "--project", fixture->path, "--all",
                                              "--maize-rows", "2", "--soy-rows", "4",
                                              "--rows-geojson", wal, NULL },
                  "P.gpkg-wal is a journal file");
  assert_refused (fixture, (const char *[]) { "payroll", "--project", fixture->path, "--season",
                                              "2025 summer", "--out", wal, NULL },
                  "P.gpkg-wal is a journal file of the open project");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/other-outputs-onto-project", Fixture, fixture_set_up,
                     test_other_outputs_onto_project, furrow_test_store_fixture_tear_down);

/* Damage (docs/architecture.md, Opening, backup, check). */

/* 4 KiB of random bytes (GRand seeded 12) over the middle of the file, as a failing disk or a
 * half-copied USB stick leaves it. */
static void
damage_random (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3 * 4096);
  for (gsize i = 0; i < 4096; i++)
    contents[length / 2 + i] = (char) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* 16 bytes: the first eight cell pointers of the fullest table leaf page (b-tree page type 13,
 * SQLite's file format, section 1.6) written in reverse order. Every byte of every row is intact;
 * only the rows come back in the wrong order ("Rowid … out of order" in quick_check), a damage
 * that reads as a healthy file to anything that does not check. */
static void
damage_cell_order (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, page_size, best = 0;
  guint best_cells = 0;
  guchar *bytes;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = (guchar *) contents;
  page_size = (gsize) bytes[16] << 8 | bytes[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length % page_size, ==, 0);
  /* Page 1 holds the 100-byte file header before its b-tree header: skip it. */
  for (gsize offset = page_size; offset < length; offset += page_size)
    {
      guint cells = (guint) bytes[offset + 3] << 8 | bytes[offset + 4];

      if (bytes[offset] == 13 && cells > best_cells && cells < page_size / 4)
        {
          best = offset;
          best_cells = cells;
        }
    }
  g_assert_cmpuint (best_cells, >=, 8);
  /* The cell pointer array follows the 8-byte leaf header: 2 bytes a cell. */
  for (guint i = 0; i < 4; i++)
    {
      guchar *a = bytes + best + 8 + 2 * i, *b = bytes + best + 8 + 2 * (7 - i);
      guchar t0 = a[0], t1 = a[1];

      a[0] = b[0];
      a[1] = b[1];
      b[0] = t0;
      b[1] = t1;
    }
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* What the sqlite3 shell prints for SQL on PATH, as a person checking a file would see it. */
static char *
sqlite3_output (const char *path,
                const char *sql)
{
  const char *argv[] = { "sqlite3", path, sql, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* 16 bytes inside a row of the households table: digits 3 to 18 of the first household code on
 * the table's last leaf page (SQLite's file format, section 1.6: from the root, an interior
 * page's right-most pointer at offset 8) each one more, mod 10. The row is well formed and in
 * its place, so quick_check finds nothing; only its index entry, under the old code, no
 * longer matches ("row 300 missing from index sqlite_autoindex_households_1" in
 * integrity_check: the demo's 300th household is the last). */
static void
damage_index_row (const char *path)
{
  g_autofree char *root_text = sqlite3_output (path, "SELECT rootpage FROM sqlite_schema "
                                                     "WHERE name = 'households'");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, page_size, offset;
  guint64 page = g_ascii_strtoull (root_text, NULL, 10);
  guchar *bytes;
  char *code;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = (guchar *) contents;
  page_size = (gsize) bytes[16] << 8 | bytes[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (page, >, 1);
  for (offset = (page - 1) * page_size; bytes[offset] == 5; offset = (page - 1) * page_size)
    page = (guint64) bytes[offset + 8] << 24 | bytes[offset + 9] << 16 |
           bytes[offset + 10] << 8 | bytes[offset + 11];
  g_assert_cmpuint (bytes[offset], ==, 13);   /* a table leaf */
  /* The page holds NUL bytes: searched byte by byte. */
  for (code = contents + offset; code < contents + offset + page_size - 18; code++)
    if (memcmp (code, "3707821022", 10) == 0)
      break;
  g_assert_cmpint (code - contents, <, offset + page_size - 18);
  for (guint i = 2; i < 18; i++)
    {
      g_assert_true (g_ascii_isdigit (code[i]));
      code[i] = (char) ('0' + (code[i] - '0' + 1) % 10);
    }
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Every command on the damaged copy: exit 1, one line naming the file and what to do, nothing
 * printed as if the register were empty, nothing written. */
static void
assert_damaged_refused (Fixture    *fixture,
                        const char *source)
{
  g_autofree char *out_csv = furrow_test_store_file (fixture, "out.csv");
  g_autofree char *message = g_strdup_printf ("%s is damaged", fixture->path);

  assert_refused (fixture, (const char *[]) { "list", "--project", fixture->path, "parcels",
                                              NULL }, message);
  assert_refused (fixture, (const char *[]) { "list", "--project", fixture->path, "households",
                                              "--json", NULL }, "furrow-cli check");
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "parcels", "--format", "csv", out_csv, NULL },
                  message);
  g_assert_false (g_file_test (out_csv, G_FILE_TEST_EXISTS));
  assert_refused (fixture, (const char *[]) { "import", "--project", fixture->path, source,
                                              NULL }, message);
  assert_refused (fixture, (const char *[]) { "season", "--project", fixture->path, "create",
                                              "2025 秋", "--year", "2025", NULL },
                  "restore it from a backup or a restore point");
}

static char *
export_source (Fixture *fixture)
{
  char *source = furrow_test_store_file (fixture, "households-before.csv");
  g_autofree char *out = NULL;

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "export", "--project", fixture->path,
                                        "--layer", "households", "--format", "csv", source,
                                        NULL), ==, 0);
  return source;
}

static void
test_damage_random (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *source = export_source (fixture);

  damage_random (fixture->path);
  assert_damaged_refused (fixture, source);
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/damage-random-4k", Fixture, fixture_set_up,
                     test_damage_random, furrow_test_store_fixture_tear_down);

static void
test_damage_cell_order (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *source = export_source (fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  damage_cell_order (fixture->path);
  assert_damaged_refused (fixture, source);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "list", "--project", fixture->path,
                                        "fields", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "out of order"));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/damage-cell-order", Fixture, fixture_set_up,
                     test_damage_cell_order, furrow_test_store_fixture_tear_down);

/* The damage quick_check does not see (issue 12, hostile rerun): the integrity_check at open
 * refuses it as it refuses the others, with SQLite's finding; `check` lists it too. */
static void
test_damage_index_row (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *source = export_source (fixture);
  g_autofree char *quick = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  damage_index_row (fixture->path);
  quick = sqlite3_output (fixture->path, "PRAGMA quick_check");
  g_assert_cmpstr (quick, ==, "ok\n");
  assert_damaged_refused (fixture, source);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "list", "--project", fixture->path,
                                        "fields", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is damaged (row 300 missing from index "
                                 "sqlite_autoindex_households_1)"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "check", "--project", fixture->path, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (out, "missing from index sqlite_autoindex_households_1"));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/damage-index-row", Fixture, fixture_set_up,
                     test_damage_index_row, furrow_test_store_fixture_tear_down);

/* Permissions (docs/architecture.md, Opening, backup, check). */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A project copied in with mode 0644 is its owner's only (0600) after any command opens it,
 * check included; a households export with full ID and phone numbers is written 0600 and says
 * so; --masked writes them as on paper (all but the last 4 characters of an ID starred, phones 138****0001) with
 * the usual mode. */
static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *full = furrow_test_store_file (fixture, "households.csv");
  g_autofree char *full_xlsx = furrow_test_store_file (fixture, "households.xlsx");
  g_autofree char *masked = furrow_test_store_file (fixture, "masked.csv");
  g_autofree char *parcels = furrow_test_store_file (fixture, "parcels.csv");
  g_autofree char *notice = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *masked_text = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) full_lines = NULL;
  g_auto(GStrv) masked_lines = NULL;
  mode_t mask = umask (022);

  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "list", "--project", fixture->path,
                                        "fields", NULL), ==, 0);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_clear_pointer (&out, g_free);
  /* check too, which writes nothing into the file. */
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "check", "--project", fixture->path, NULL),
                   ==, 0);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "export", "--project", fixture->path,
                                        "--layer", "households", "--format", "csv", full, NULL),
                   ==, 0);
  notice = g_strdup_printf ("%s: wrote 300 records\n%s holds full ID and phone numbers: only "
                            "you can read it (mode 0600); --masked writes them masked\n",
                            full, full);
  g_assert_cmpstr (out, ==, notice);
  g_assert_cmpuint (file_mode (full), ==, 0600);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "export", "--project", fixture->path,
                                        "--layer", "households", "--format", "xlsx", full_xlsx,
                                        NULL), ==, 0);
  g_assert_cmpuint (file_mode (full_xlsx), ==, 0600);
  g_clear_pointer (&out, g_free);

  /* No personal data: the umask's mode (0644 here), and no notice. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "export", "--project", fixture->path,
                                        "--layer", "parcels", "--format", "csv", parcels, NULL),
                   ==, 0);
  g_assert_null (strstr (out, "0600"));
  g_assert_cmpuint (file_mode (parcels), ==, 0644);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "export", "--project", fixture->path,
                                        "--layer", "households", "--format", "csv", "--masked",
                                        masked, NULL), ==, 0);
  g_assert_null (strstr (out, "0600"));
  g_assert_cmpuint (file_mode (masked), ==, 0644);
  umask (mask);

  g_assert_true (g_file_get_contents (full, &full_text, NULL, NULL));
  g_assert_true (g_file_get_contents (masked, &masked_text, NULL, NULL));
  full_lines = g_strsplit (full_text, "\n", -1);
  masked_lines = g_strsplit (masked_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (full_lines), ==, 302);  /* header, 300, the final newline */
  g_assert_cmpuint (g_strv_length (masked_lines), ==, 302);
  for (guint i = 1; i <= 300; i++)
    {
      /* code, name, members, phone, ID number */
      g_auto(GStrv) f = g_strsplit (g_strchomp (full_lines[i]), ",", -1);
      g_auto(GStrv) m = g_strsplit (g_strchomp (masked_lines[i]), ",", -1);
      g_autofree char *phone = NULL;
      g_autofree char *id = NULL;

      g_assert_cmpuint (g_strv_length (f), ==, 5);
      g_assert_cmpuint (g_strv_length (m), ==, 5);
      g_assert_cmpstr (m[0], ==, f[0]);
      g_assert_cmpstr (m[2], ==, f[2]);
      g_assert_cmpuint (strlen (f[4]), ==, 18);
      phone = g_strdup_printf ("%.3s****%s", f[3], f[3] + 7);
      id = g_strdup_printf ("**************%s", f[4] + 14);
      g_assert_cmpstr (m[3], ==, phone);
      g_assert_cmpstr (m[4], ==, id);
      g_assert_null (strstr (masked_text, f[4]));
    }
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/permissions", Fixture, fixture_set_up,
                     test_permissions, furrow_test_store_fixture_tear_down);

/* furrow-cli check (docs/architecture.md, Opening, backup, check). */

/* Runs the sqlite3 shell on PATH with SQL, as a person repairing (or breaking) a file would. */
static void
run_sqlite3 (const char *path,
             const char *sql)
{
  const char *argv[] = { "sqlite3", path, sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
assert_check_finds (Fixture            *fixture,
                    const char *const  *lines)
{
  g_autofree char *before = file_sha256 (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "check", "--project", fixture->path, NULL),
                   ==, 1);
  g_test_message ("check: %s%s", out, err);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s\n", fixture->path, lines[i]);

      g_assert_nonnull (strstr (out, line));
    }
  g_assert_nonnull (strstr (err, " problems found; restore the file from a backup"));
  g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);
  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A clean demo, and a settled season, pass; then one planted violation of each kind (the
 * sqlite3 shell, foreign keys off, the unique constraints written out of the schema) is one
 * line each, and the check writes nothing. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *clean = g_strdup_printf ("%s: no problems found\n", fixture->path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  const char *season = "2025 秋";

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "check", "--project", fixture->path, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, clean);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", fixture->path,
                                        "create", season, "--year", "2025", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", fixture->path,
                                        "plan", season, "--all", "--preset", "2+4", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", fixture->path,
                                        "harvest", season, "--field", "T01", "--crop", "maize",
                                        "--kg", "30000", "--revenue-fen", "8160000", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "season", "--project", fixture->path,
                                        "settle", season, "--force", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "check", "--project", fixture->path, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, clean);

  if (sqlite3 == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }

  /* Settled amounts of this season (the demo has its own settled season too) changed behind
   * Furrow's back: household 1's total 1 fen off its parts, and the households' dividend 7 fen
   * off the sum of the rows. */
#define THIS_SEASON "(SELECT id FROM seasons WHERE name = '2025 秋')"
  run_sqlite3 (fixture->path,
               "UPDATE settlements SET total_fen = base_fen + dividend_fen - fee_fen + 1"
               " WHERE household_id = 1 AND season_id = " THIS_SEASON ";"
               "UPDATE season_settlements SET households_dividend_fen ="
               " (SELECT sum (dividend_fen) FROM settlements WHERE season_id = " THIS_SEASON
               ") + 7 WHERE season_id = " THIS_SEASON ";");
  {
    g_autofree char *total = NULL;
    g_autofree char *dividend = NULL;
    g_autofree char *rows = NULL;

    /* The figures the lines must carry, read back with the same shell. */
    {
      const char *argv[] = { "sqlite3", fixture->path,
                             "SELECT total_fen, total_fen - 1 FROM settlements WHERE"
                             " household_id = 1 AND season_id = " THIS_SEASON ";"
                             "SELECT households_dividend_fen, households_dividend_fen - 7"
                             " FROM season_settlements WHERE season_id = " THIS_SEASON ";",
                             NULL };
      g_auto(GStrv) parts = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &rows, NULL, NULL, NULL));
      parts = g_strsplit_set (g_strstrip (rows), "|\n", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      total = g_strdup_printf ("Furrow: season %s, household 370782102201010001: the total %s "
                               "fen is not base + dividend − fee, %s fen", season, parts[0],
                               parts[1]);
      dividend = g_strdup_printf ("Furrow: season %s: the households' dividend %s fen is not "
                                  "the sum of their rows, %s fen", season, parts[2], parts[3]);
    }
    assert_check_finds (fixture, (const char *[]) { total, dividend, NULL });
  }
#undef THIS_SEASON

  /* A parcel whose household is gone, and parcels missing from gpkg_geometry_columns. */
  run_sqlite3 (fixture->path,
               "PRAGMA foreign_keys = OFF;"
               "UPDATE parcels SET household_id = 999999 WHERE id = 1;"
               "DELETE FROM gpkg_geometry_columns WHERE table_name = 'parcels';");
  assert_check_finds (fixture, (const char *[]) {
    "foreign key: parcels row 1 refers to a missing households row",
    "GeoPackage: parcels has no row in gpkg_geometry_columns", NULL });

  /* The unique codes written out of the schema, then a second row for household 1 and for
   * parcel 1 (in another field): two invariants broken, and the dropped indexes' pages. */
  run_sqlite3 (fixture->path,
               "PRAGMA writable_schema = ON;"
               "UPDATE sqlite_master SET sql = replace (sql, 'code TEXT NOT NULL UNIQUE CHECK',"
               " 'code TEXT NOT NULL CHECK') WHERE name IN ('households', 'parcels');"
               "DELETE FROM sqlite_master WHERE name IN ('sqlite_autoindex_households_1',"
               " 'sqlite_autoindex_parcels_1');");
  run_sqlite3 (fixture->path,
               "INSERT INTO households (code, name) SELECT code, name FROM households"
               " WHERE id = 2;"
               "INSERT INTO parcels (code, household_id, field_id) SELECT code, 2,"
               " (SELECT max (id) FROM fields) FROM parcels WHERE id = 2;");
  assert_check_finds (fixture, (const char *[]) {
    "Furrow: household code 370782102201010002 is used by 2 households",
    "Furrow: parcel 3707821022010100002 is in 2 fields (2 rows)", NULL });
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "check", "--project", fixture->path, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (out, ": integrity: Page "));
  g_assert_null (strstr (out, "*** in database main ***"));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/check", Fixture, fixture_set_up, test_check,
                     furrow_test_store_fixture_tear_down);

/* The demo cut to half its pages, as a copy that stopped half way leaves it (issue 12): the
 * header still counts every page. `check` lists what SQLite's integrity_check finds, one line
 * each and each once — not the "is damaged … run furrow-cli check" line that sent the user
 * there — and writes nothing. The lines expected are the sqlite3 shell's own integrity_check of
 * the same bytes (made readable the same way, writable_schema), heading left out; when the
 * shell's check stops at a page it cannot read, so does Furrow's, with one line saying so. */
static void
test_check_cut (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shell_out = NULL;
  g_autofree char *shell_err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) shell_lines = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length, page_size;
  guint n_lines;

  if (sqlite3 == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }
  /* Every page in the file itself, then the second half of the pages gone. */
  run_sqlite3 (fixture->path, "PRAGMA wal_checkpoint(TRUNCATE);");
  g_remove (wal);
  g_remove (shm);
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  page_size = (gsize) ((guchar) contents[16]) << 8 | (guchar) contents[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length % page_size, ==, 0);
  g_assert_cmpuint (length / page_size, >=, 100);   /* the demo: 1000 parcels */
  g_file_set_contents (fixture->path, contents, length / page_size / 2 * page_size, &error);
  g_assert_no_error (error);
  before = file_sha256 (fixture->path);

  {
    const char *argv[] = { "sqlite3", fixture->path,
                           "PRAGMA writable_schema = ON; PRAGMA integrity_check (100);", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &shell_out, &shell_err, NULL, NULL));
  }
  shell_lines = g_strsplit (shell_out, "\n", -1);
  for (guint i = 0; shell_lines[i] != NULL; i++)
    if (*shell_lines[i] != '\0' && !g_str_equal (shell_lines[i], "*** in database main ***"))
      g_ptr_array_add (expected, g_strdup_printf ("%s: integrity: %s", fixture->path,
                                                  shell_lines[i]));
  if (strstr (shell_err, "malformed") != NULL)
    g_ptr_array_add (expected, g_strdup_printf ("%s: integrity: the check stopped at a page it "
                                                "cannot read; the file is damaged beyond that "
                                                "point", fixture->path));
  g_test_message ("the shell's integrity_check: %u lines%s", expected->len,
                  *shell_err != '\0' ? ", then it stopped" : "");
  g_assert_cmpuint (expected->len, >=, 1);

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "check", "--project", fixture->path, NULL),
                   ==, 1);
  lines = g_strsplit (out, "\n", -1);
  n_lines = g_strv_length (lines) - 1;
  g_assert_cmpstr (lines[n_lines], ==, "");
  g_assert_cmpuint (n_lines, ==, expected->len);
  for (guint i = 0; i < n_lines; i++)
    {
      g_assert_cmpstr (lines[i], ==, g_ptr_array_index (expected, i));
      g_assert_true (g_hash_table_add (seen, lines[i]));   /* no line twice */
    }
  g_assert_null (strstr (out, "furrow-cli check"));
  g_assert_null (strstr (err, "furrow-cli check"));
  /* One summary line on stderr, counting the lines. */
  summary = g_strdup_printf ("%s: %u problems found; restore the file from a backup or a "
                             "restore point\n", fixture->path, n_lines);
  g_assert_true (g_str_has_suffix (err, summary));
  g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);
  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/check-cut", Fixture, fixture_set_up, test_check_cut,
                     furrow_test_store_fixture_tear_down);

/* Bytes written into stored values around Furrow (sqlite3_blob_write(), the b-tree
 * untouched, so SQLite's integrity_check still says "ok"): household 53's ID number made 16
 * bytes that are not UTF-8 (0xFF, an ESC sequence, a NUL), household 54's an ID number whose
 * check character is wrong (GB 11643 by hand: the 17 digits 37078219900101001 weighted
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 sum to 272, 272 mod 11 = 8, check character 4; written
 * 5: a typing mistake the importer and the editor refuse, not damage, so `check` does not
 * list it), parcel 1's name "A ESC [2J" (the sqlite3 shell). `check` lists one line
 * each, naming table, code and column and never the value, exit 1; list and export refuse
 * with "damaged" naming household 53 instead of printing the bytes. */
static void
write_value (const char *path,
             const char *table,
             const char *column,
             gint64      row,
             const void *bytes,
             int         size)
{
  sqlite3 *db = NULL;
  sqlite3_blob *blob = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_blob_open (db, "main", table, column, row, 1, &blob), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_blob_bytes (blob), >=, size);
  g_assert_cmpint (sqlite3_blob_write (blob, bytes, size, 0), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_blob_close (blob), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_check_texts (Fixture       *fixture,
                  gconstpointer  data)
{
  static const guchar garbage[16] = { 0xFF, 0x1B, '[', '2', 'J', 0x80, 0x00, 0xC3,
                                      '(', 'A', 'B', 'C', 'D', 'E', 'F', 0xFE };
  g_autofree char *clean = g_strdup_printf ("%s: no problems found\n", fixture->path);
  g_autofree char *csv = furrow_test_store_file (fixture, "households.csv");
  g_autofree char *id_53 = NULL;
  g_autofree char *id_54 = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");

  if (sqlite3 == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "check", "--project", fixture->path, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, clean);
  g_clear_pointer (&out, g_free);

  id_53 = g_strstrip (sqlite3_output (fixture->path,
                                      "SELECT id_number FROM households WHERE id = 53"));
  g_assert_cmpuint (strlen (id_53), ==, 18);
  write_value (fixture->path, "households", "id_number", 53, garbage, sizeof garbage);
  write_value (fixture->path, "households", "id_number", 54, "370782199001010015", 18);
  run_sqlite3 (fixture->path,
               "UPDATE parcels SET name = 'A' || char (27) || '[2J' WHERE id = 1");
  id_54 = g_strstrip (sqlite3_output (fixture->path,
                                      "SELECT id_number FROM households WHERE id = 54"));
  g_assert_cmpstr (id_54, ==, "370782199001010015");
  {
    g_autofree char *integrity = sqlite3_output (fixture->path, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok\n");
  }

  assert_check_finds (fixture, (const char *[]) {
    "Furrow: households, record 370782102201010053, column id_number: not valid UTF-8 text",
    "Furrow: parcels, record 3707821022010100001, column name: holds a control character "
    "(U+001B); remove it", NULL });
  g_assert_cmpint (furrow_test_run_cli (&out, &err, "check", "--project", fixture->path, NULL),
                   ==, 1);
  g_assert_null (strstr (out, id_54));
  g_assert_null (strstr (out, "\033"));
  g_assert_true (g_str_has_suffix (err, ": 2 problems found; restore the file from a backup or "
                                        "a restore point\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  damaged = g_strdup_printf ("%s is damaged (household 370782102201010053: the column id_number "
                             "is not valid UTF-8 text)", fixture->path);
  assert_refused (fixture, (const char *[]) { "list", "--project", fixture->path, "households",
                                              NULL }, damaged);
  assert_refused (fixture, (const char *[]) { "export", "--project", fixture->path, "--layer",
                                              "households", "--format", "csv", csv, NULL },
                  damaged);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/check-texts", Fixture, fixture_set_up,
                     test_check_texts, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
