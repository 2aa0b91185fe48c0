/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Messages that misled (issue 12, item 6), through furrow-cli as a user runs it: a date that is
 * not one is refused before anything is printed with it; a leap day is a date. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "furrow-report.h"
#include "furrow-season.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* --notice-date is printed on every page of the statements and the roster: "garbage" and
 * 2024-02-30 (February 2024 has 29 days) are refused with exit 1 and one line, before the
 * project is even opened (here it does not exist). */
static void
test_notice_date (FurrowTestStore *fixture,
                  gconstpointer    data)
{
  static const char *const commands[] = { "statements", "roster" };
  static const struct
  {
    const char *date;
    const char *message;
  } cases[] = {
    { "garbage", "furrow-cli: --notice-date: “garbage” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10\n" },
    { "2024-02-30", "furrow-cli: --notice-date: “2024-02-30” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10\n" },
    { "2024-2-3", "furrow-cli: --notice-date: “2024-2-3” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10\n" },
  };
  g_autofree char *out = furrow_test_store_file (fixture, "out.pdf");

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *args[] = { commands[c], "--project", fixture->path, "--season", "2016",
                               "--notice-date", cases[i].date, "--out", out, NULL };
        g_autofree char *err = NULL;

        g_assert_cmpint (furrow_test_run_cliv (args, NULL, &err), ==, 1);
        g_assert_cmpstr (err, ==, cases[i].message);
      }

  /* A leap day passes the date check: the failure is then the missing project. */
  {
    const char *args[] = { "roster", "--project", fixture->path, "--season", "2016",
                           "--notice-date", "2024-02-29", "--out", out, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (furrow_test_run_cliv (args, NULL, &err), ==, 1);
    g_assert_null (strstr (err, "notice-date"));
  }
}
FURROW_TEST_FIXTURE ("/furrow/cli/messages/notice-date", FurrowTestStore,
                     furrow_test_store_set_up_folder, test_notice_date,
                     furrow_test_store_fixture_tear_down);

/* The check itself: real calendar days in the form YYYY-MM-DD only. */
static void
test_date_is_valid (void)
{
  g_assert_true (furrow_season_notice_date_is_valid ("2017-01-10"));
  g_assert_true (furrow_season_notice_date_is_valid ("2024-02-29"));   /* 2024 is a leap year */
  g_assert_false (furrow_season_notice_date_is_valid ("2023-02-29"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-02-30"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-13-01"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-00-10"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-1-10"));
  g_assert_false (furrow_season_notice_date_is_valid ("2017-01-10x"));
  g_assert_false (furrow_season_notice_date_is_valid ("garbage"));
  g_assert_false (furrow_season_notice_date_is_valid (""));
  g_assert_false (furrow_season_notice_date_is_valid (NULL));
}
FURROW_TEST ("/furrow/cli/messages/date-is-valid", test_date_is_valid);

/* A project that may not be changed (issue 12): in a folder that may not be written (its
 * journal files -wal and -shm cannot be made there) or itself read-only. furrow-cli said "not
 * a Furrow project (not an SQLite database)" for the first, and `list` and `import` said it
 * differently. Now what only reads works (list, export, season list, check), and every command
 * that would change it refuses with the same line naming the file and why, before anything is
 * tried; the project is unchanged byte for byte. As root, who writes anything whatever its
 * mode, furrow-cli runs without that privilege (furrow_test_run_cliv_unprivileged()). */
static void
check_read_only_project (FurrowTestStore *fixture,
                         gboolean         folder)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *project = g_build_filename (dir, "demo.gpkg", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "households.csv", NULL);
  g_autofree char *source = g_build_filename (fixture->dir, "new.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  gsize len_before, len_after;
  const char *reads[][10] = {
    { "list", "--project", project, "households", NULL },
    { "export", "--project", project, "--layer", "households", "--format", "csv", csv },
    { "season", "--project", project, "list", NULL },
    { "check", "--project", project, NULL },
  };
  const char *writes[][10] = {
    { "import", "--project", project, source, NULL },
    { "season", "--project", project, "create", "2030 夏", "--year", "2030", NULL },
    { "season", "--project", project, "reopen", "2025 秋季", "--reason", "a wrong price", NULL },
    { "household", "set-account", "--project", project, "--code", "370782102201010001",
      "--account", "6228480000000000018", NULL },
  };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (g_rename (fixture->path, project), ==, 0);
  g_assert_true (g_file_set_contents (source, "承包方编码,承包方名称\n370782102201019001,新户\n",
                                      -1, NULL));
  g_assert_true (g_file_get_contents (project, &before, &len_before, NULL));
  g_assert_cmpint (g_chmod (folder ? dir : project, folder ? 0555 : 0444), ==, 0);
  expected = g_strdup_printf (folder
                              ? "furrow-cli: cannot write %s: the folder is read-only (a project "
                                "keeps its journal files -wal and -shm beside it); copy the "
                                "project to a folder you may change\n"
                              : "furrow-cli: cannot write %s: the file is read-only; allow "
                                "changes to it or copy it to a folder you may change\n",
                              project);

  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = furrow_test_run_cliv_unprivileged (reads[i], &out, &err);

      if (status == -1)
        {
          g_chmod (folder ? dir : project, 0755);
          g_test_skip ("root writes files whatever their mode, and setpriv (util-linux) is not "
                       "installed to run furrow-cli without that privilege");
          return;
        }
      g_test_message ("%s: %s", reads[i][0], err);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (out, !=, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (furrow_test_run_cliv_unprivileged (writes[i], NULL, &err), ==, 1);
      g_assert_cmpstr (err, ==, expected);
    }
  g_assert_cmpint (g_chmod (folder ? dir : project, folder ? 0755 : 0600), ==, 0);

  /* What was read is the project: the export holds its households. */
  {
    g_autofree char *exported = NULL;

    g_assert_true (g_file_get_contents (csv, &exported, NULL, NULL));
    g_assert_nonnull (strstr (exported, "370782102201010001"));
  }
  g_assert_true (g_file_get_contents (project, &after, &len_after, NULL));
  g_assert_cmpuint (len_after, ==, len_before);
  g_assert_true (memcmp (before, after, len_before) == 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_read_only_folder (FurrowTestStore *fixture,
                       gconstpointer    data)
{
  check_read_only_project (fixture, TRUE);
}
FURROW_TEST_FIXTURE ("/furrow/cli/messages/read-only-folder", FurrowTestStore,
                     furrow_test_store_set_up_demo_file, test_read_only_folder,
                     furrow_test_store_fixture_tear_down);

static void
test_read_only_file (FurrowTestStore *fixture,
                     gconstpointer    data)
{
  check_read_only_project (fixture, FALSE);
}
FURROW_TEST_FIXTURE ("/furrow/cli/messages/read-only-file", FurrowTestStore,
                     furrow_test_store_set_up_demo_file, test_read_only_file,
                     furrow_test_store_fixture_tear_down);

/* An import file that may not be read says so ("Permission denied"), not "not a readable
 * GeoJSON file" (as root, furrow-cli runs without the privilege to read it anyway). */
static void
test_unreadable_source (FurrowTestStore *fixture,
                        gconstpointer    data)
{
  g_autofree char *source = g_build_filename (fixture->dir, "secret.geojson", NULL);
  g_autofree char *project = g_build_filename (fixture->dir, "new.gpkg", NULL);
  const char *args[] = { "import", "--project", project, source, NULL };
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (source, "{\"type\": \"FeatureCollection\", \"features\": []}",
                                      -1, NULL));
  g_assert_cmpint (g_chmod (source, 0), ==, 0);
  status = furrow_test_run_cliv_unprivileged (args, NULL, &err);
  g_remove (source);
  if (status == -1)
    {
      g_test_skip ("root reads files whatever their mode, and setpriv (util-linux) is not "
                   "installed to run furrow-cli without that privilege");
      return;
    }
  g_test_message ("%s", err);
  g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (err, ==, "furrow-cli: secret.geojson: the file cannot be read: Permission denied\n");
}
FURROW_TEST_FIXTURE ("/furrow/cli/messages/unreadable-source", FurrowTestStore,
                     furrow_test_store_set_up_folder, test_unreadable_source,
                     furrow_test_store_fixture_tear_down);

/* A project the user may not read says so ("Permission denied"), not SQLite's "unable to open
 * database file" (issue 12, hostile rerun); the file is unchanged. As root, furrow-cli runs
 * without the privilege to read it anyway. */
static void
test_unreadable_project (FurrowTestStore *fixture,
                         gconstpointer    data)
{
  const char *args[] = { "list", "--project", fixture->path, "households", NULL };
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  int status;

  g_assert_true (g_file_get_contents (fixture->path, &before, &len_before, NULL));
  g_assert_cmpint (g_chmod (fixture->path, 0), ==, 0);
  status = furrow_test_run_cliv_unprivileged (args, NULL, &err);
  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  if (status == -1)
    {
      g_test_skip ("root reads files whatever their mode, and setpriv (util-linux) is not "
                   "installed to run furrow-cli without that privilege");
      return;
    }
  g_test_message ("%s", err);
  expected = g_strdup_printf ("furrow-cli: %s cannot be opened (Permission denied): check that "
                              "the file may be read and changed\n", fixture->path);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_true (g_file_get_contents (fixture->path, &after, &len_after, NULL));
  g_assert_cmpuint (len_after, ==, len_before);
  g_assert_true (memcmp (before, after, len_before) == 0);
}
FURROW_TEST_FIXTURE ("/furrow/cli/messages/unreadable-project", FurrowTestStore,
                     furrow_test_store_set_up_demo_file, test_unreadable_project,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
