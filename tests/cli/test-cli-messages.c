/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Messages that misled (issue 12, item 6), through furrow-cli as a user runs it: a date that is
 * not one is refused before anything is printed with it; a leap day is a date. */

#include "config.h"

#include <string.h>

#include "furrow-report.h"
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
  g_assert_true (furrow_report_date_is_valid ("2017-01-10"));
  g_assert_true (furrow_report_date_is_valid ("2024-02-29"));   /* 2024 is a leap year */
  g_assert_false (furrow_report_date_is_valid ("2023-02-29"));
  g_assert_false (furrow_report_date_is_valid ("2024-02-30"));
  g_assert_false (furrow_report_date_is_valid ("2024-13-01"));
  g_assert_false (furrow_report_date_is_valid ("2024-00-10"));
  g_assert_false (furrow_report_date_is_valid ("2024-1-10"));
  g_assert_false (furrow_report_date_is_valid ("2017-01-10x"));
  g_assert_false (furrow_report_date_is_valid ("garbage"));
  g_assert_false (furrow_report_date_is_valid (""));
  g_assert_false (furrow_report_date_is_valid (NULL));
}
FURROW_TEST ("/furrow/cli/messages/date-is-valid", test_date_is_valid);

FURROW_TEST_MAIN ();
