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

/* Makes `dir` a folder nobody may write, root included: mode 0555, and for root (who ignores
 * modes) the immutable attribute (chattr +i, on ext4 and most Linux file systems). FALSE when
 * that cannot be done here. */
static gboolean
lock_folder (const char *dir,
             gboolean    lock)
{
  if (geteuid () != 0)
    return g_chmod (dir, lock ? 0555 : 0755) == 0;
  {
    const char *argv[] = { "chattr", lock ? "+i" : "-i", dir, NULL };
    int status = 0;

    return g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL) &&
           g_spawn_check_wait_status (status, NULL);
  }
}

/* A project in a folder that may not be written cannot keep its journal (-wal, -shm) beside
 * it: furrow-cli said "not a Furrow project (not an SQLite database)". Now it says the folder,
 * why, and what to do; the project is unchanged. */
static void
test_read_only_folder (FurrowTestStore *fixture,
                       gconstpointer    data)
{
  const char *list[] = { "list", "--project", fixture->path, "households", NULL };
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  int status;

  g_assert_true (g_file_get_contents (fixture->path, &before, &len_before, NULL));
  if (!lock_folder (fixture->dir, TRUE))
    {
      g_test_skip ("cannot make a folder read-only here (chattr)");
      return;
    }
  status = furrow_test_run_cliv (list, NULL, &err);
  g_assert_true (lock_folder (fixture->dir, FALSE));
  g_test_message ("%s", err);

  g_assert_cmpint (status, ==, 1);
  g_assert_null (strstr (err, "SQLite"));
  g_assert_nonnull (strstr (err, ".gpkg cannot be opened: its folder may not be written ("));
  g_assert_nonnull (strstr (err, "a project needs its journal files (-wal, -shm) beside it"));
  g_assert_true (g_file_get_contents (fixture->path, &after, &len_after, NULL));
  g_assert_cmpuint (len_after, ==, len_before);
  g_assert_true (memcmp (before, after, len_before) == 0);
}
FURROW_TEST_FIXTURE ("/furrow/cli/messages/read-only-folder", FurrowTestStore,
                     furrow_test_store_set_up_demo_file, test_read_only_folder,
                     furrow_test_store_fixture_tear_down);

/* An import file that may not be read says so ("Permission denied"), not "not a readable
 * GeoJSON file". Root reads every file whatever its mode, so as root the furrow-cli of this case
 * runs without the two capabilities that let root ignore modes (CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH, dropped from its inheritable and bounding sets by setpriv of util-linux):
 * still uid 0, so it reaches its build folder however the checkout's parents are set (a CI
 * checkout under a folder only root may enter stopped the user nobody from running it). */
static void
test_unreadable_source (FurrowTestStore *fixture,
                        gconstpointer    data)
{
  g_autofree char *setpriv = NULL;
  g_autofree char *source = NULL;
  g_autofree char *project = NULL;
  g_autofree char *err = NULL;
  int status;

  if (geteuid () == 0)
    {
      setpriv = g_find_program_in_path ("setpriv");
      if (setpriv == NULL)
        {
          g_test_skip ("root reads files whatever their mode, and setpriv (util-linux) is not "
                       "installed to run furrow-cli without that privilege");
          return;
        }
    }
  source = g_build_filename (fixture->dir, "secret.geojson", NULL);
  project = g_build_filename (fixture->dir, "new.gpkg", NULL);
  g_assert_true (g_file_set_contents (source, "{\"type\": \"FeatureCollection\", \"features\": []}",
                                      -1, NULL));
  g_assert_cmpint (g_chmod (source, 0), ==, 0);

  if (setpriv != NULL)
    {
      const char *argv[] = { setpriv,
                             "--inh-caps=-dac_override,-dac_read_search",
                             "--bounding-set=-dac_override,-dac_read_search",
                             g_getenv ("FURROW_CLI"), "import", "--project", project, source,
                             NULL };
      g_autoptr(GError) error = NULL;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                    &err, &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (status));
      status = WEXITSTATUS (status);
    }
  else
    {
      const char *args[] = { "import", "--project", project, source, NULL };

      status = furrow_test_run_cliv (args, NULL, &err);
    }
  g_remove (source);
  g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (err, ==, "furrow-cli: secret.geojson: the file cannot be read: Permission denied\n");
}
FURROW_TEST_FIXTURE ("/furrow/cli/messages/unreadable-source", FurrowTestStore,
                     furrow_test_store_set_up_folder, test_unreadable_source,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
