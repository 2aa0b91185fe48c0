/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (import-bad-common.h): Outputs that name the project under another name
 * (export, roster, statements, payroll onto it, its -wal, -shm or -journal, a link to it) and CSV
 * exports of names that would be spreadsheet formulas. */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "furrow-test.h"
#include "import-test-data.h"

#include "import-bad-common.h"

/* Other names of the project file: a symbolic link, a hard link, the same folder through a
 * symbolic link to it. */
static void
prepare_links (Fixture *fixture)
{
  g_autofree char *sym = fixture_path (fixture, "link.csv");
  g_autofree char *hard = fixture_path (fixture, "hard.gpkg");
  g_autofree char *folder = fixture_path (fixture, "same-folder");

  g_assert_cmpint (symlink (fixture->project, sym), ==, 0);
  g_assert_cmpint (link (fixture->project, hard), ==, 0);
  g_assert_cmpint (symlink (fixture->dir, folder), ==, 0);
}

/* The project named register.dbf, as a Shapefile register.shp would name its attributes. */
static void
prepare_project_as_dbf (Fixture *fixture)
{
  g_autofree char *dbf = fixture_path (fixture, "register.dbf");

  g_assert_cmpint (g_rename (fixture->project, dbf), ==, 0);
  g_free (fixture->project);
  fixture->project = g_steal_pointer (&dbf);
}

/* A copy of the project, to be imported as a GeoPackage. */
static void
prepare_project_copy (Fixture *fixture)
{
  g_autofree char *copy = fixture_path (fixture, "copy.gpkg");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (fixture->project, &contents, &len, NULL));
  test_write_file (copy, contents, len);
}

static const BadInput cases[] = {
  /* Issue 12, item 1: an output that is the project under any name (the project is
   * project.gpkg in the case's folder). */
  { .name = "export-csv-onto-project",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it; choose another file name (nothing was written)", .n_lines = 1 },
  { .name = "export-gpkg-onto-project",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "gpkg", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-xlsx-onto-project",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "xlsx", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-geojson-onto-project",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "geojson", "@P" },
    .expected = "project.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-onto-wal",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@P-wal" },
    .expected = "project.gpkg-wal is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-shm",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "gpkg", "@P-shm" },
    .expected = "project.gpkg-shm is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-journal",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "kml", "@P-journal" },
    .expected = "project.gpkg-journal is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-symlink", .prepare = prepare_links,
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/link.csv" },
    .expected = "link.csv is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-onto-hard-link", .prepare = prepare_links,
    .command = { "export", "--project", "@P", "--layer", "fields", "--format", "gpkg", "@D/hard.gpkg" },
    .expected = "hard.gpkg is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "export-through-linked-folder", .prepare = prepare_links,
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "csv",
                 "@D/same-folder/project.gpkg" },
    .expected = "same-folder/project.gpkg is the open project", .n_lines = 1 },
  { .name = "export-from-symlink-onto-wal", .prepare = prepare_links,
    .command = { "export", "--project", "@D/link.csv", "--layer", "parcels", "--format", "csv",
                 "@P-wal" },
    .expected = "project.gpkg-wal is a journal file of the open project", .n_lines = 1 },
  { .name = "roster-onto-project",
    .command = { "roster", "--project", "@P", "--season", "2025 秋", "--out", "@P" },
    .expected = "project.gpkg is the open project", .n_lines = 1 },
  { .name = "statements-onto-wal",
    .command = { "statements", "--project", "@P", "--season", "2025 秋", "--out", "@P-wal" },
    .expected = "project.gpkg-wal is a journal file of the open project", .n_lines = 1 },
  { .name = "statements-per-household-onto-project",
    .command = { "statements", "--project", "@P", "--season", "2025 秋", "--per-household", "@P" },
    .expected = "project.gpkg is the open project", .n_lines = 1 },
  { .name = "payroll-onto-shm",
    .command = { "payroll", "--project", "@P", "--season", "2025 秋", "--out", "@P-shm" },
    .expected = "project.gpkg-shm is a journal file of the open project", .n_lines = 1 },
  { .name = "export-onto-dot-dot-path",
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "kml",
                 "@D/../bad/./project.gpkg" },
    .expected = "bad/../bad/./project.gpkg is the open project", .n_lines = 1 },
  /* Issue 12, item 5: names a spreadsheet would run, exported as text (OWASP, CSV Injection:
   * a leading ' and the cell quoted); the households of the base project. */
  { .name = "csv-export-formula-equals", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010090,\"'=1+2\"," },
  { .name = "csv-export-formula-plus", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010091,\"'+1\"," },
  { .name = "csv-export-formula-minus", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010092,\"'-1\"," },
  { .name = "csv-export-formula-at", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/out.csv" },
    .expected = "\n370782102201010093,\"'@SUM(A1)\"," },
  /* "  =1": the import trims the spaces, the masked export neutralises the "=". */
  { .name = "csv-export-formula-tab-masked", .succeeds = TRUE, .output = "@D/out.csv",
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "--masked",
                 "@D/out.csv" },
    .expected = "\n370782102201010094,\"'=1\"," },
  /* Issue 12, the hostile rerun: an output that is not a file, a project imported into
   * itself or from a copy (it came in as 40 more fields with invented codes). */
  { .name = "export-onto-a-pipe", .prepare = prepare_pipe,
    .command = { "export", "--project", "@P", "--layer", "households", "--format", "csv", "@D/pipe.csv" },
    .expected = "pipe.csv: cannot write: it is a device, a pipe or a socket, not a file", .n_lines = 1 },
  { .name = "export-shp-beside-project-dbf", .prepare = prepare_project_as_dbf,
    .command = { "export", "--project", "@P", "--layer", "parcels", "--format", "shp", "@D/register.shp" },
    .expected = "register.dbf is the open project: writing there would destroy it", .n_lines = 1 },
  { .name = "import-the-project-into-itself",
    .command = { "import", "--project", "@P", "@P" },
    .expected = "project.gpkg is a Furrow project, not a file to import: open it with Furrow, or export its fields, parcels or households and import those", .n_lines = 1 },
  { .name = "import-a-copy-of-a-project", .prepare = prepare_project_copy,
    .command = { "import", "--project", "@P", "@D/copy.gpkg" },
    .expected = "copy.gpkg is a Furrow project, not a file to import", .n_lines = 1 },
};

static void
set_up (void)
{
  import_bad_set_up ("outputs", cases, G_N_ELEMENTS (cases));
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = import_bad_tear_down);
