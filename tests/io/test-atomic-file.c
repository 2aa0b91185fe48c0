/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "furrow-atomic-file-testing.h"
#include "furrow-test.h"

static const char old_text[] = "code,name\r\n370702001,last year's roster\r\n";

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in `dir`, sorted and joined by spaces: what a user sees in the folder. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("furrow-atomic-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpstr (contents, ==, expected);
}

/* A complete write replaces the old file; while it is being written, the old file is still
 * there as it was and the new bytes sit in a hidden folder beside it. */
static void
test_replace (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr(FurrowAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
  file = furrow_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_atomic_file_get_target (file), ==, path);
  g_assert_true (g_str_has_suffix (furrow_atomic_file_get_path (file), "/roster.csv"));
  g_assert_cmpstr (furrow_atomic_file_get_path (file), !=, path);

  g_assert_true (furrow_atomic_file_write (file, "code,", 5, &error));
  g_assert_true (furrow_atomic_file_write (file, "name\r\n", 6, &error));
  g_assert_no_error (error);
  assert_contents (path, old_text);
  during = list_folder (dir);
  g_assert_true (g_str_has_prefix (during, ".roster.csv.part-"));
  g_assert_true (g_str_has_suffix (during, " roster.csv"));

  g_assert_true (furrow_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  assert_contents (path, "code,name\r\n");
  after = list_folder (dir);
  g_assert_cmpstr (after, ==, "roster.csv");

  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/atomic-file/replace", test_replace);

/* Given up half-way (an error in the writer, a cancel): the old file is untouched and nothing
 * else is left. */
static void
test_discard (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "statements.pdf", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  FurrowAtomicFile *file;

  g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
  file = furrow_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_atomic_file_write (file, "%PDF-1.5\n", 9, &error));
  /* A writer that opens files by name puts companions beside it (a Shapefile's .dbf). */
  g_assert_true (g_file_set_contents (furrow_atomic_file_get_path (file), "%PDF-1.5\n%%", -1,
                                      NULL));
  furrow_atomic_file_free (file);

  assert_contents (path, old_text);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "statements.pdf");
  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/atomic-file/discard", test_discard);

/* A Shapefile is several files: they all move into the target's folder. */
static void
test_companions (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "fields.shp", NULL);
  g_autoptr(FurrowAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *dbf = NULL;

  file = furrow_atomic_file_new (path, &error);
  g_assert_no_error (error);
  folder = g_path_get_dirname (furrow_atomic_file_get_path (file));
  dbf = g_build_filename (folder, "fields.dbf", NULL);
  g_assert_true (g_file_set_contents (furrow_atomic_file_get_path (file), "shp", -1, NULL));
  g_assert_true (g_file_set_contents (dbf, "dbf", -1, NULL));
  g_assert_true (furrow_atomic_file_commit (file, &error));
  g_assert_no_error (error);

  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "fields.dbf fields.shp");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_pointer (&dbf, g_free);
  dbf = g_build_filename (dir, "fields.dbf", NULL);
  assert_contents (dbf, "dbf");
  assert_contents (path, "shp");
  g_unlink (dbf);
  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/atomic-file/companions", test_companions);

/* Nothing was written: committing fails and leaves the old file. */
static void
test_commit_nothing (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "roster.xlsx", NULL);
  g_autoptr(FurrowAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
  file = furrow_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_false (furrow_atomic_file_commit (file, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "roster.xlsx"));
  assert_contents (path, old_text);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "roster.xlsx");
  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/atomic-file/commit-nothing", test_commit_nothing);

/* A folder that does not exist: refused at once, with the target's name. */
static void
test_missing_folder (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (furrow_atomic_file_new (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_clear_error (&error);
  g_assert_false (furrow_atomic_file_set_contents (path, "x", -1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/atomic-file/missing-folder", test_missing_folder);

/* A real failure in the middle of writing: the process may write at most 4 KiB per file
 * (RLIMIT_FSIZE, as a full disk would stop it), the export has 64 KiB. write() fails with EFBIG
 * after the first 4 KiB; the old file must be intact and no temporary file left. Run in a
 * subprocess so the limit does not outlive the case. */
static void
test_fail_mid_write (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_strdup (g_getenv ("FURROW_TEST_ATOMIC_DIR"));
      g_autofree char *path = g_build_filename (dir, "roster.csv", NULL);
      g_autofree char *big = g_strnfill (64 * 1024, 'x');
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (furrow_atomic_file_set_contents (path, big, -1, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);   /* EFBIG */
      g_assert_nonnull (strstr (error->message, "roster.csv"));
      assert_contents (path, old_text);
      listing = list_folder (dir);
      g_assert_cmpstr (listing, ==, "roster.csv");

      /* The same limit lets a small file through. */
      g_clear_error (&error);
      g_assert_true (furrow_atomic_file_set_contents (path, "code\r\n", -1, &error));
      g_assert_no_error (error);
      assert_contents (path, "code\r\n");
      return;
    }
  else
    {
      g_autofree char *dir = make_folder ();
      g_autofree char *path = g_build_filename (dir, "roster.csv", NULL);
      g_autofree char *listing = NULL;

      g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
      g_setenv ("FURROW_TEST_ATOMIC_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      assert_contents (path, "code\r\n");
      listing = list_folder (dir);
      g_assert_cmpstr (listing, ==, "roster.csv");
      g_unlink (path);
      g_rmdir (dir);
    }
}
FURROW_TEST ("/furrow/io/atomic-file/fail-mid-write", test_fail_mid_write);

FURROW_TEST_MAIN ();
