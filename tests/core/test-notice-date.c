/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "furrow-season.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* A season's public-notice date (issue 13, item 11; docs/domain.md §9): only a real YYYY-MM-DD
 * day is accepted, it is kept in the file per season (schema v6), read back after reopening the
 * project, may be set on a settled season, and each change is an audit row. */

typedef FurrowTestStore Fixture;

static void
test_valid (void)
{
  g_assert_true (furrow_season_notice_date_is_valid ("2024-11-20"));
  g_assert_true (furrow_season_notice_date_is_valid ("2024-02-29"));   /* a leap year */
  g_assert_false (furrow_season_notice_date_is_valid ("2023-02-29"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-02-30"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-13-01"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-1-5"));
  g_assert_false (furrow_season_notice_date_is_valid ("20241120"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024-11-20x"));
  g_assert_false (furrow_season_notice_date_is_valid ("2024/11/20"));
  g_assert_false (furrow_season_notice_date_is_valid ("1899-12-31"));
  g_assert_false (furrow_season_notice_date_is_valid (""));
  g_assert_false (furrow_season_notice_date_is_valid (NULL));
}
FURROW_TEST ("/furrow/core/notice-date/valid", test_valid);

static void
test_stored (Fixture       *fixture,
             gconstpointer  data)
{
  static const double areas_mu[] = { 10.0 };
  g_autoptr(FurrowField) field = furrow_test_store_add_cooperative (fixture->store, "F1", "东地",
                                                                    areas_mu, 1, 0);
  g_autoptr(FurrowSeason) draft = furrow_season_new ("2024 秋", 2024);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeason) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) audit = NULL;
  guint n;

  g_assert_true (furrow_store_add_season (fixture->store, draft, &error));
  g_assert_no_error (error);
  season = furrow_test_store_find_season (fixture->store, "2024 秋");
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "");

  /* Not a day: refused, nothing written. */
  g_assert_false (furrow_store_set_notice_date (fixture->store, season, "2024-02-30", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-02-30"));
  g_clear_error (&error);
  read_back = furrow_store_find_season (fixture->store, "2024 秋");
  g_assert_cmpstr (furrow_season_get_notice_date (read_back), ==, "");
  g_clear_object (&read_back);

  g_assert_true (furrow_store_set_notice_date (fixture->store, season, "2024-11-20", &error));
  g_assert_no_error (error);
  /* The live season of the model has it. */
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "2024-11-20");

  /* Settled: still allowed — the date is when the statements are posted. */
  g_assert_true (furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE, 5500,
                                           1320000, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_settle_season (fixture->store, season, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_set_notice_date (fixture->store, season, "2024-11-25", &error));
  g_assert_no_error (error);

  /* In the file: read back after closing and opening the project. */
  g_clear_object (&season);
  g_clear_object (&fixture->store);
  fixture->store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read_back = furrow_store_find_season (fixture->store, "2024 秋");
  g_assert_cmpstr (furrow_season_get_notice_date (read_back), ==, "2024-11-25");
  g_assert_cmpint (furrow_season_get_state (read_back), ==, FURROW_SEASON_SETTLED);

  /* Two audit rows, the refused one not among them. */
  audit = _furrow_store_get_audit (fixture->store, "season:2024 秋");
  n = 0;
  for (guint i = 0; audit[i] != NULL; i++)
    if (g_str_has_prefix (audit[i], "season.notice-date|"))
      n++;
  g_assert_cmpuint (n, ==, 2);

  /* Cleared. */
  g_assert_true (furrow_store_set_notice_date (fixture->store, read_back, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&read_back);
  read_back = furrow_store_find_season (fixture->store, "2024 秋");
  g_assert_cmpstr (furrow_season_get_notice_date (read_back), ==, "");
}
FURROW_TEST_FIXTURE ("/furrow/core/notice-date/stored", Fixture, furrow_test_store_set_up_empty,
                     test_stored, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
