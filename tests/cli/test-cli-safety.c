/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
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

FURROW_TEST_MAIN (.locale = "");
