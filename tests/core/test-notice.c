/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "furrow-edit-notice.h"
#include "furrow-history.h"
#include "furrow-notice.h"
#include "furrow-season.h"
#include "furrow-store-notice.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* The public notice period and its objections (issue 14, item 4; docs/domain.md §15): the
 * notice starts on the season's notice date and lasts N days (7 unless set), its last day is
 * start + N − 1; objections are kept per season (schema v8) with their resolution; payment
 * documents are refused before the notice has ended or while an objection is open, unless
 * forced with a reason, which is audited. */

typedef FurrowTestStore Fixture;

#define SEASON "2024 秋"
/* furrow_test_store_add_cooperative(): households 37078210220101NNNN from 0001. */
#define HOUSEHOLD_1 "370782102201010001"
#define HOUSEHOLD_2 "370782102201010002"

/* The last day, worked out on the calendar: day 1 is the start itself. */
static void
test_end_date (void)
{
  struct { const char *start; guint days; const char *end; const char *next; } cases[] = {
    { "2024-11-20", 7, "2024-11-26", "2024-11-27" },   /* 20, 21, … 26: seven days */
    { "2024-11-20", 1, "2024-11-20", "2024-11-21" },   /* a one-day notice ends the day it starts */
    { "2024-02-25", 7, "2024-03-02", "2024-03-03" },   /* 25 … 29 February (leap year), 1, 2 March */
    { "2023-02-25", 7, "2023-03-03", "2023-03-04" },   /* 25 … 28 February, 1, 2, 3 March */
    { "2024-12-28", 10, "2025-01-06", "2025-01-07" },  /* 28 … 31 December (4 days), 1 … 6 January */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *end = furrow_notice_end_date (cases[i].start, cases[i].days);
      g_autofree char *next = furrow_notice_next_day (end);

      g_assert_cmpstr (end, ==, cases[i].end);
      g_assert_cmpstr (next, ==, cases[i].next);
    }
  g_assert_null (furrow_notice_end_date ("2024-02-30", 7));
  g_assert_null (furrow_notice_end_date ("2024-11-20", 0));
  g_assert_null (furrow_notice_end_date (NULL, 7));
}
FURROW_TEST ("/furrow/core/notice/end-date", test_end_date);

/* The check the payroll and the bank file make (furrow_season_check_notice_ended()), on a
 * season object alone: a notice from 2024-11-20 for 7 days ends on 2024-11-26. */
static void
test_check (void)
{
  g_autoptr(FurrowSeason) season = furrow_season_new (SEASON, 2024);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (furrow_season_get_notice_days (season), ==, 7);

  /* Not posted. */
  g_assert_false (furrow_season_check_notice_ended (season, "2024-12-01", &error));
  g_assert_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_NOT_POSTED);
  g_assert_nonnull (strstr (error->message, SEASON));
  g_clear_error (&error);

  furrow_season_set_notice_date (season, "2024-11-20");
  /* Before it starts, on its first and on its last day: refused, naming the last day and the
   * first day a payment may be made. */
  for (guint i = 0; i < 3; i++)
    {
      const char *today[] = { "2024-11-19", "2024-11-20", "2024-11-26" };

      g_assert_false (furrow_season_check_notice_ended (season, today[i], &error));
      g_assert_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_NOT_ENDED);
      g_assert_nonnull (strstr (error->message, "lasts until 2024-11-26"));
      g_assert_nonnull (strstr (error->message, "0 objections are open"));
      g_assert_nonnull (strstr (error->message, "pay from 2024-11-27"));
      g_clear_error (&error);
    }
  /* The day after: allowed. */
  g_assert_true (furrow_season_check_notice_ended (season, "2024-11-27", &error));
  g_assert_no_error (error);

  /* Ten days: the last day is 2024-11-29. */
  furrow_season_set_notice_days (season, 10);
  g_assert_false (furrow_season_check_notice_ended (season, "2024-11-29", &error));
  g_assert_nonnull (strstr (error->message, "2024-11-29"));
  g_clear_error (&error);
  g_assert_true (furrow_season_check_notice_ended (season, "2024-11-30", NULL));

  /* A day that is not one. */
  g_assert_false (furrow_season_check_notice_ended (season, "2024-02-30", &error));
  g_assert_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_INVALID);
}
FURROW_TEST ("/furrow/core/notice/check", test_check);

static FurrowSeason *
settled_season (Fixture *fixture)
{
  static const double areas_mu[] = { 10.0, 30.0 };
  g_autoptr(FurrowField) field = furrow_test_store_add_cooperative (fixture->store, "F1", "东地",
                                                                    areas_mu, 2, 0);
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON, 2024);
  FurrowSeason *season;
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_add_season (fixture->store, draft, &error));
  g_assert_no_error (error);
  season = furrow_test_store_find_season (fixture->store, SEASON);
  g_assert_true (furrow_store_set_harvest (fixture->store, season, field, FURROW_CROP_MAIZE,
                                           22000, 5280000, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_settle_season (fixture->store, season, NULL, &error));
  g_assert_no_error (error);
  return season;
}

static guint
count_audit (FurrowStore *store,
             const char  *prefix)
{
  g_auto(GStrv) audit = _furrow_store_get_audit (store, "season:" SEASON);
  guint n = 0;

  for (guint i = 0; audit[i] != NULL; i++)
    if (g_str_has_prefix (audit[i], prefix))
      n++;
  return n;
}

/* The notice and its objections in the file, on a settled season: set, refused, read back after
 * reopening the project, audited; the live season's open-objections follows each change. */
static void
test_stored (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_season (fixture);
  g_autoptr(FurrowSeason) read_back = NULL;
  g_autoptr(FurrowObjection) first = furrow_objection_new (HOUSEHOLD_1, "面积少算了0.3亩",
                                                           "2024-11-21");
  g_autoptr(FurrowObjection) second = furrow_objection_new (HOUSEHOLD_2, "分红单价有误",
                                                            "2024-11-22");
  g_autoptr(FurrowObjection) bad = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GError) error = NULL;

  /* Refused: not a day (2024-02-30), 0 days, 366 days. Nothing written. */
  g_assert_false (furrow_store_set_notice (fixture->store, season, "2024-02-30", 7, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-02-30"));
  g_clear_error (&error);
  g_assert_false (furrow_store_set_notice (fixture->store, season, "2024-11-20", 0, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (furrow_store_set_notice (fixture->store, season, "2024-11-20", 366, &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_audit (fixture->store, "season.notice|"), ==, 0);

  /* Settled, and still allowed: the notice follows the settlement. */
  g_assert_true (furrow_store_set_notice (fixture->store, season, "2024-11-20", 10, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "2024-11-20");
  g_assert_cmpuint (furrow_season_get_notice_days (season), ==, 10);
  g_assert_cmpuint (count_audit (fixture->store, "season.notice|2024-11-20 10 days"), ==, 1);

  /* Objections: an unknown household, an empty text, a date that is not one are refused. */
  bad = furrow_objection_new ("370782102201019999", "有误", "2024-11-21");
  g_assert_false (furrow_store_add_objection (fixture->store, season, bad, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&bad, furrow_objection_free);
  bad = furrow_objection_new (HOUSEHOLD_1, "  ", "2024-11-21");
  g_assert_false (furrow_store_add_objection (fixture->store, season, bad, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&bad, furrow_objection_free);
  bad = furrow_objection_new (HOUSEHOLD_1, "有误", "2024-11-31");
  g_assert_false (furrow_store_add_objection (fixture->store, season, bad, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-11-31"));
  g_clear_error (&error);

  g_assert_true (furrow_store_add_objection (fixture->store, season, first, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_store_add_objection (fixture->store, season, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpint (second->id, >, first->id);
  g_assert_cmpuint (furrow_season_get_open_objections (season), ==, 2);

  /* Resolved before it was received: refused. */
  g_assert_false (furrow_store_resolve_objection (fixture->store, season, first->id,
                                                  "复测后更正为4.12亩", "2024-11-20", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (furrow_store_resolve_objection (fixture->store, season, first->id,
                                                 "复测后更正为4.12亩", "2024-11-24", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_season_get_open_objections (season), ==, 1);

  /* In the file, after closing and opening the project. */
  g_clear_object (&season);
  g_clear_object (&fixture->store);
  fixture->store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read_back = furrow_store_find_season (fixture->store, SEASON);
  g_assert_cmpstr (furrow_season_get_notice_date (read_back), ==, "2024-11-20");
  g_assert_cmpuint (furrow_season_get_notice_days (read_back), ==, 10);
  g_assert_cmpuint (furrow_season_get_open_objections (read_back), ==, 1);
  objections = furrow_store_get_objections (fixture->store, read_back, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objections->len, ==, 2);
  {
    FurrowObjection *o1 = g_ptr_array_index (objections, 0);
    FurrowObjection *o2 = g_ptr_array_index (objections, 1);

    g_assert_cmpstr (o1->household_code, ==, HOUSEHOLD_1);
    g_assert_cmpstr (o1->text, ==, "面积少算了0.3亩");
    g_assert_cmpstr (o1->received, ==, "2024-11-21");
    g_assert_cmpstr (o1->resolution, ==, "复测后更正为4.12亩");
    g_assert_cmpstr (o1->resolved, ==, "2024-11-24");
    g_assert_false (furrow_objection_is_open (o1));
    g_assert_cmpstr (o2->household_code, ==, HOUSEHOLD_2);
    g_assert_true (furrow_objection_is_open (o2));
    g_assert_cmpstr (o2->resolved, ==, "");
  }

  /* Audited: the notice once, two objections added and one resolved; the text is not in the
   * log (it may hold personal data). */
  g_assert_cmpuint (count_audit (fixture->store, "season.objection|"), ==, 3);
  {
    g_auto(GStrv) audit = _furrow_store_get_audit (fixture->store, "season:" SEASON);

    for (guint i = 0; audit[i] != NULL; i++)
      g_assert_null (strstr (audit[i], "面积少算"));
  }

  /* Reopened (the undo of a resolution), then deleted (the undo of an addition). */
  g_assert_true (furrow_store_resolve_objection (fixture->store, read_back, first->id, NULL, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_season_get_open_objections (read_back), ==, 2);
  g_assert_true (furrow_store_delete_objection (fixture->store, read_back, second->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_season_get_open_objections (read_back), ==, 1);
  g_assert_false (furrow_store_delete_objection (fixture->store, read_back, second->id, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Added again with its number (the redo). */
  g_assert_true (furrow_store_add_objection (fixture->store, read_back, second, &error));
  g_assert_no_error (error);
  g_clear_pointer (&objections, g_ptr_array_unref);
  objections = furrow_store_get_objections (fixture->store, read_back, &error);
  g_assert_cmpuint (objections->len, ==, 2);
  g_assert_cmpint (((FurrowObjection *) g_ptr_array_index (objections, 1))->id, ==, second->id);
}
FURROW_TEST_FIXTURE ("/furrow/core/notice/stored", Fixture, furrow_test_store_set_up_empty,
                     test_stored, furrow_test_store_fixture_tear_down);

/* Paying before the notice has ended: refused, or forced with a reason that is audited. */
static void
test_payment_allowed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_season (fixture);
  g_autoptr(FurrowObjection) objection = furrow_objection_new (HOUSEHOLD_2, "分红单价有误",
                                                               "2024-11-22");
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_set_notice (fixture->store, season, "2024-11-20", 7, &error));
  g_assert_true (furrow_store_add_objection (fixture->store, season, objection, &error));
  g_assert_no_error (error);

  /* Within the notice: refused with the last day and the one open objection. */
  g_assert_false (furrow_store_check_payment_allowed (fixture->store, season, "payroll",
                                                      "2024-11-25", FALSE, NULL, &error));
  g_assert_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_NOT_ENDED);
  g_assert_nonnull (strstr (error->message, "lasts until 2024-11-26 and 1 objection is open"));
  g_clear_error (&error);
  /* Forced without a reason: still refused. */
  g_assert_false (furrow_store_check_payment_allowed (fixture->store, season, "payroll",
                                                      "2024-11-25", TRUE, " ", &error));
  g_assert_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_audit (fixture->store, "season.notice-override|"), ==, 0);

  /* After the notice, with the objection open: refused. */
  g_assert_false (furrow_store_check_payment_allowed (fixture->store, season, "bank-file",
                                                      "2024-11-27", FALSE, NULL, &error));
  g_assert_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_OBJECTIONS);
  g_assert_nonnull (strstr (error->message, "1 open objection"));
  g_assert_nonnull (strstr (error->message, "ended on 2024-11-26"));
  g_clear_error (&error);

  /* Forced with a reason: allowed, one audit row naming the document and the reason. */
  g_assert_true (furrow_store_check_payment_allowed (fixture->store, season, "payroll",
                                                     "2024-11-25", TRUE, "春节前发放，村委会决定",
                                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (fixture->store, "season.notice-override|payroll: "), ==, 1);

  /* Resolved, after the notice: allowed without forcing, and nothing more is audited. */
  g_assert_true (furrow_store_resolve_objection (fixture->store, season, objection->id,
                                                 "已核对，单价无误", "2024-11-26", &error));
  g_assert_true (furrow_store_check_payment_allowed (fixture->store, season, "payroll",
                                                     "2024-11-27", FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (fixture->store, "season.notice-override|"), ==, 1);
}
FURROW_TEST_FIXTURE ("/furrow/core/notice/payment-allowed", Fixture,
                     furrow_test_store_set_up_empty, test_payment_allowed,
                     furrow_test_store_fixture_tear_down);

/* The settlement page's edits: the notice, an objection added, an objection resolved — each
 * done, undone and redone through the history against the live season and the file. */
static void
test_edits (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_season (fixture);
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(FurrowObjection) objection = furrow_objection_new (HOUSEHOLD_1, "面积少算了0.3亩",
                                                               "2024-11-21");
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GError) error = NULL;
  FurrowEdit *edit;
  gint64 id;

  g_assert_true (furrow_history_push (history, furrow_edit_notice_new (fixture->store, season,
                                                                       "2024-11-20", 10),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "2024-11-20");
  g_assert_cmpuint (furrow_season_get_notice_days (season), ==, 10);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "");
  g_assert_cmpuint (furrow_season_get_notice_days (season), ==, 7);
  g_assert_true (furrow_history_redo (history, &error));
  g_assert_cmpstr (furrow_season_get_notice_date (season), ==, "2024-11-20");

  /* Added, undone (gone from the file), redone (back with the same number). */
  g_assert_true (furrow_history_push (history,
                                      furrow_edit_objection_add_new (fixture->store, season,
                                                                     objection), &error));
  g_assert_no_error (error);
  objections = furrow_store_get_objections (fixture->store, season, &error);
  g_assert_cmpuint (objections->len, ==, 1);
  id = ((FurrowObjection *) g_ptr_array_index (objections, 0))->id;
  g_clear_pointer (&objections, g_ptr_array_unref);
  g_assert_cmpuint (furrow_season_get_open_objections (season), ==, 1);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpuint (furrow_season_get_open_objections (season), ==, 0);
  objections = furrow_store_get_objections (fixture->store, season, &error);
  g_assert_cmpuint (objections->len, ==, 0);
  g_clear_pointer (&objections, g_ptr_array_unref);
  g_assert_true (furrow_history_redo (history, &error));
  objections = furrow_store_get_objections (fixture->store, season, &error);
  g_assert_cmpuint (objections->len, ==, 1);
  g_assert_cmpint (((FurrowObjection *) g_ptr_array_index (objections, 0))->id, ==, id);
  g_clear_pointer (&objections, g_ptr_array_unref);

  /* Resolved, undone (open again), redone. An unknown number makes no edit. */
  g_assert_null (furrow_edit_objection_resolve_new (fixture->store, season, id + 100, "…",
                                                    "2024-11-24", &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  edit = furrow_edit_objection_resolve_new (fixture->store, season, id, "复测后更正为10.30亩",
                                            "2024-11-24", &error);
  g_assert_no_error (error);
  g_assert_true (furrow_history_push (history, edit, &error));
  g_assert_cmpuint (furrow_season_get_open_objections (season), ==, 0);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpuint (furrow_season_get_open_objections (season), ==, 1);
  g_assert_true (furrow_history_redo (history, &error));
  g_assert_no_error (error);
  objections = furrow_store_get_objections (fixture->store, season, &error);
  g_assert_cmpstr (((FurrowObjection *) g_ptr_array_index (objections, 0))->resolved, ==,
                   "2024-11-24");

  /* A refused edit is not recorded: a resolution before the objection was received. */
  edit = furrow_edit_objection_resolve_new (fixture->store, season, id, "…", "2024-11-01",
                                            &error);
  g_assert_false (furrow_history_push (history, edit, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
}
FURROW_TEST_FIXTURE ("/furrow/core/notice/edits", Fixture, furrow_test_store_set_up_empty,
                     test_edits, furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
