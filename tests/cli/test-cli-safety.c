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

/* The other writers: roster, statements and the row lines of plan --project. */
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
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-safety/other-outputs-onto-project", Fixture, fixture_set_up,
                     test_other_outputs_onto_project, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
