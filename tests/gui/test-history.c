/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>

#include "furrow-history.h"

typedef struct
{
  int *value;
  int  before;
  int  after;
  int  fail_undo;
} SetInt;

static gboolean
set_int_apply (gpointer   data,
               gboolean   forward,
               GError   **error)
{
  SetInt *set = data;

  if (!forward && set->fail_undo)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }
  *set->value = forward ? set->after : set->before;
  return TRUE;
}

static SetInt *
set_int_new (int *value,
             int  after)
{
  SetInt *set = g_new0 (SetInt, 1);

  set->value = value;
  set->before = *value;
  set->after = after;
  return set;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_history_undo_redo (void)
{
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GError) error = NULL;
  int value = 1, notifies = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify), &notifies);
  g_assert_false (furrow_history_get_can_undo (history));
  g_assert_false (furrow_history_get_can_redo (history));

  g_assert_true (furrow_history_push (history, "one", set_int_apply, set_int_new (&value, 2),
                                      g_free, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpint (notifies, ==, 1);
  g_assert_true (furrow_history_push (history, "two", set_int_apply, set_int_new (&value, 3),
                                      g_free, &error));
  g_assert_cmpint (value, ==, 3);
  g_assert_cmpint (notifies, ==, 1);
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "two");

  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (furrow_history_get_can_redo (history));
  g_assert_cmpstr (furrow_history_get_redo_label (history), ==, "two");
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 1);
  g_assert_false (furrow_history_get_can_undo (history));
  g_assert_cmpint (notifies, ==, 2);
  /* Nothing left to undo: a no-op. */
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 1);

  g_assert_true (furrow_history_redo (history, &error));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpstr (furrow_history_get_redo_label (history), ==, "two");

  /* A new command drops the redo stack. */
  g_assert_true (furrow_history_push (history, "three", set_int_apply, set_int_new (&value, 7),
                                      g_free, &error));
  g_assert_false (furrow_history_get_can_redo (history));
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 1);
  g_assert_false (furrow_history_get_can_undo (history));

  furrow_history_clear (history);
  g_assert_false (furrow_history_get_can_redo (history));
}

static void
test_history_failure (void)
{
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GError) error = NULL;
  SetInt *set;
  int value = 5;

  set = set_int_new (&value, 6);
  set->fail_undo = TRUE;
  g_assert_true (furrow_history_push (history, "stuck", set_int_apply, set, g_free, NULL));
  g_assert_false (furrow_history_undo (history, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  /* The failed undo leaves the command where it was. */
  g_assert_cmpint (value, ==, 6);
  g_assert_true (furrow_history_get_can_undo (history));
  g_assert_false (furrow_history_get_can_redo (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/furrow/gui/history/undo-redo", test_history_undo_redo);
  g_test_add_func ("/furrow/gui/history/failure", test_history_failure);

  return g_test_run ();
}
