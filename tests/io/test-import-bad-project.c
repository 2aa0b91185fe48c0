/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (import-bad-common.h): A damaged project, one in a read-only folder, a pipe
 * or another program's GeoPackage, and a disk that fills up during an import. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "furrow-test.h"
#include "import-test-data.h"

#include "import-bad-common.h"

/* Issue 12: inputs beside the import ---------------------------------------------------- */

/* A households register the damaged project is asked to import. */
static char *
make_households (Fixture *fixture)
{
  char *path = fixture_path (fixture, "more.csv");

  test_write_file (path, "CBFBM,CBFMC\n370782102201010020,赵六\n", -1);
  return path;
}

/* The project moved into a folder of its own that may not be written. */
static void
prepare_read_only_folder (Fixture *fixture)
{
  g_autofree char *folder = fixture_path (fixture, "read-only");
  g_autofree char *project = g_build_filename (folder, "project.gpkg", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_rename (fixture->project, project), ==, 0);
  g_free (fixture->project);
  fixture->project = g_steal_pointer (&project);
  if (!lock_folder (folder, TRUE))
    g_error ("cannot make %s read-only (chattr +i as root)", folder);
  fixture->locked = g_steal_pointer (&folder);
}

static void
rewrite_project (Fixture    *fixture,
                 const char *contents,
                 gsize       length)
{
  test_write_file (fixture->project, contents, length);
  fixture->damaged = TRUE;
}

/* 4 KiB of random bytes (GRand seeded 12) over the middle of the file, as a failing disk or a
 * half-copied USB stick leaves it (the case, tests/cli/test-cli-safety.c). */
static void
prepare_damage_random (Fixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  for (gsize i = 0; i < 4096; i++)
    contents[length / 2 + i] = (char) g_rand_int_range (rand, 0, 256);
  rewrite_project (fixture, contents, length);
}

/* The first half of the file, as a copy cut short leaves it: the header is intact and says
 * the file is twice as long. */
static void
prepare_damage_truncated (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &length, NULL));
  rewrite_project (fixture, contents, length / 2);
}

/* The last page's b-tree page type (its first byte; SQLite's file format, section 1.6) set to
 * 0, which is none: one byte wrong in a file whose header is intact. */
static void
prepare_damage_page_type (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize length, page_size;
  guchar *bytes;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &length, NULL));
  bytes = (guchar *) contents;
  page_size = (gsize) bytes[16] << 8 | bytes[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length % page_size, ==, 0);
  /* Each page of a table or index starts with its type: 2, 5, 10 or 13. Break every one. */
  for (gsize offset = page_size; offset < length; offset += page_size)
    if (bytes[offset] == 2 || bytes[offset] == 5 || bytes[offset] == 10 || bytes[offset] == 13)
      bytes[offset] = 0;
  rewrite_project (fixture, contents, length);
}

/* A project overwritten by a text file (a CSV export saved under the project's name). */
static void
prepare_not_a_database (Fixture *fixture)
{
  const char *csv = "CBFBM,CBFMC\n370782102201010001,王五\n";

  rewrite_project (fixture, csv, strlen (csv));
}

/* A GeoPackage another program wrote (ogr2ogr from a GeoJSON of one parcel). */
static void
prepare_other_geopackage (Fixture *fixture)
{
  g_autofree char *geojson = fixture_path (fixture, "other.geojson");
  TestRecord r[] = { { GOOD_POLYGON, "3707821022010100101", "370782102201010001", 1.5, NULL } };

  g_assert_cmpint (g_remove (fixture->project), ==, 0);
  test_write_records (geojson, "GeoJSON", wkbPolygon, 4326, NULL, r, 1);
  test_write_records (fixture->project, "GPKG", wkbPolygon, 4326, NULL, r, 1);
  fixture->damaged = TRUE;
}

/* 20,000 new households: more than the 64 KiB the disk-full cases leave the journal. */
static char *
make_many_households (Fixture *fixture)
{
  char *path = fixture_path (fixture, "many.csv");
  g_autoptr(GString) csv = g_string_new ("CBFBM,CBFMC,CBFCYSL\n");

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "370782102299%06u,试验户%u,%u\n", i + 1, i + 1, 1 + i % 6);
  test_write_file (path, csv->str, csv->len);
  return path;
}

static const BadInput cases[] = {
  /* Issue 12, item 2: a damaged project is refused by every command, nothing written. */
  { .name = "damaged-random-list", .prepare = prepare_damage_random,
    .command = { "list", "--project", "@P", "parcels" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-random-import", .prepare = prepare_damage_random, .make = make_households,
    .expected = "nothing was written to it; restore it from a backup or a restore point, or run “furrow-cli check” to see what is wrong", .n_lines = 1 },
  { .name = "damaged-random-export", .prepare = prepare_damage_random,
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-random-season-create", .prepare = prepare_damage_random,
    .command = { "season", "--project", "@P", "create", "2026 夏", "--year", "2026" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-truncated-list", .prepare = prepare_damage_truncated,
    .command = { "list", "--project", "@P", "households" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-truncated-import", .prepare = prepare_damage_truncated, .make = make_households,
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "damaged-page-types-list", .prepare = prepare_damage_page_type,
    .command = { "list", "--project", "@P", "fields" },
    .expected = "project.gpkg is damaged (", .n_lines = 1 },
  { .name = "project-overwritten-by-text", .prepare = prepare_not_a_database, .make = make_households,
    .expected = "project.gpkg is not a Furrow project (not an SQLite database)", .n_lines = 1 },
  { .name = "project-of-another-program", .prepare = prepare_other_geopackage, .make = make_households,
    .expected = "project.gpkg is a GeoPackage but not a Furrow project", .n_lines = 1 },
  /* Issue 12, item 6: messages that misled. */
  /* What reads a project in a read-only folder works (tests/cli/test-cli-messages.c); what
   * changes it says so, the same way for every command. */
  { .name = "read-only-folder", .prepare = prepare_read_only_folder,
    .command = { "season", "--project", "@P", "create", "2026 夏", "--year", "2026" },
    .expected = "read-only/project.gpkg: the folder is read-only (a project keeps its journal files -wal and -shm beside it); copy the project to a folder you may change", .n_lines = 1 },
  { .name = "read-only-folder-import", .prepare = prepare_read_only_folder, .make = make_households,
    .expected = "read-only/project.gpkg: the folder is read-only (a project keeps its journal files -wal and -shm beside it); copy the project to a folder you may change", .n_lines = 1 },
  { .name = "project-is-a-pipe", .prepare = prepare_pipe,
    .command = { "list", "--project", "@D/pipe.csv", "households" },
    .expected = "pipe.csv is a device, a pipe or a socket, not a Furrow project", .n_lines = 1 },
  /* A full disk: files may grow 64 KiB past the project's size (the journal fills up), or
   * not even to its size (the restore point before the import cannot be written). */
  { .name = "disk-full-during-import", .make = make_many_households, .file_size_room = 65536,
    .expected = "project.gpkg: a file may not grow this large here (the file size limit, “ulimit -f”); nothing was written", .n_lines = 1 },
  { .name = "disk-full-before-import", .make = make_many_households, .file_size_room = -4096,
    .expected = "cannot keep a restore point of ", .n_lines = 1 },
};

static void
set_up (void)
{
  import_bad_set_up ("project", cases, G_N_ELEMENTS (cases));
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = import_bad_tear_down);
