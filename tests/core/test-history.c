/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowHistory and FurrowEdit (app/core/edit): do, undo, redo, labels, failures that leave the
 * stacks as they were, the merge rule, and the "refused" signal of a change the user's role may
 * not make. */
#include <gio/gio.h>

#include "furrow-edit-testing.h"
#include "furrow-history-testing.h"
#include "furrow-history.h"
#include "furrow-store.h"
#include "furrow-test.h"

typedef struct
{
  int *value;
  int  before;
  int  after;
  int  fail_undo;
  int  fail_do;
  int  refuse;     /* fail as a server refuses a role: FURROW_STORE_ERROR_PERMISSION */
} SetInt;

static gboolean
set_int_apply (gpointer   data,
               gboolean   forward,
               GError   **error)
{
  SetInt *set = data;

  if ((!forward && set->fail_undo) || (forward && set->fail_do))
    {
      if (set->refuse)
        g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PERMISSION,
                             "clerk_a may not change plans");
      else
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

static FurrowEdit *
set_int_edit (const char *label,
              SetInt     *set)
{
  return furrow_edit_new (label, set_int_apply, set, g_free);
}

/* Merges a later change of the same int: keeps the first "before", takes the new "after". */
static gboolean
set_int_merge (gpointer data,
               gpointer next_data)
{
  SetInt *set = data;
  SetInt *next = next_data;

  if (set->value != next->value)
    return FALSE;
  set->after = next->after;
  return TRUE;
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

  g_assert_true (furrow_history_push (history, set_int_edit ("one", set_int_new (&value, 2)),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpint (notifies, ==, 1);
  g_assert_true (furrow_history_push (history, set_int_edit ("two", set_int_new (&value, 3)),
                                      &error));
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
  g_assert_true (furrow_history_push (history, set_int_edit ("three", set_int_new (&value, 7)),
                                      &error));
  g_assert_false (furrow_history_get_can_redo (history));
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 1);
  g_assert_false (furrow_history_get_can_undo (history));

  furrow_history_clear (history);
  g_assert_false (furrow_history_get_can_redo (history));
}
FURROW_TEST ("/furrow/core/history/undo-redo", test_history_undo_redo);

static void
test_history_failure (void)
{
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GError) error = NULL;
  SetInt *set;
  int value = 5;

  set = set_int_new (&value, 6);
  set->fail_undo = TRUE;
  g_assert_true (furrow_history_push (history, set_int_edit ("stuck", set), NULL));
  g_assert_false (furrow_history_undo (history, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  /* The failed undo leaves the command where it was. */
  g_assert_cmpint (value, ==, 6);
  g_assert_true (furrow_history_get_can_undo (history));
  g_assert_false (furrow_history_get_can_redo (history));
}
FURROW_TEST ("/furrow/core/history/failure", test_history_failure);

/* Three nudges of one value are undone in one step; a different key, or an undo in between,
 * starts a new step. */
static void
test_history_merge (void)
{
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GError) error = NULL;
  int value = 10, other = 0;

  for (int i = 11; i <= 13; i++)
    {
      FurrowEdit *edit = set_int_edit ("nudge", set_int_new (&value, i));

      furrow_edit_set_merge (edit, "value", set_int_merge);
      g_assert_true (furrow_history_push (history, edit, &error));
    }
  g_assert_cmpint (value, ==, 13);
  {
    FurrowEdit *edit = set_int_edit ("other", set_int_new (&other, 1));

    furrow_edit_set_merge (edit, "other", set_int_merge);
    g_assert_true (furrow_history_push (history, edit, &error));
  }
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (other, ==, 0);
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "nudge");
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 10);
  g_assert_false (furrow_history_get_can_undo (history));
  g_assert_true (furrow_history_redo (history, &error));
  g_assert_cmpint (value, ==, 13);

  /* After an undo, a new nudge is a step of its own even with the same key. */
  g_assert_true (furrow_history_push (history, set_int_edit ("one", set_int_new (&value, 20)),
                                      &error));
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_true (furrow_history_redo (history, &error));
  {
    FurrowEdit *edit = set_int_edit ("nudge", set_int_new (&value, 14));

    furrow_edit_set_merge (edit, "value", set_int_merge);
    g_assert_true (furrow_history_push (history, edit, &error));
  }
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 13);
  g_assert_true (furrow_history_undo (history, &error));
  g_assert_cmpint (value, ==, 10);
  g_assert_no_error (error);
}
FURROW_TEST ("/furrow/core/history/merge", test_history_merge);

/* An edit the project refuses is not recorded (and is freed: valgrind checks). */
static void
test_history_refused (void)
{
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GError) error = NULL;
  SetInt *set;
  int value = 1;

  g_assert_true (furrow_history_push (history, set_int_edit ("one", set_int_new (&value, 2)),
                                      &error));
  set = set_int_new (&value, 3);
  set->fail_do = TRUE;
  g_assert_false (furrow_history_push (history, set_int_edit ("refused", set), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "one");
  g_assert_false (furrow_history_get_can_redo (history));
}
FURROW_TEST ("/furrow/core/history/refused", test_history_refused);

static void
refused_cb (FurrowHistory *history,
            GError        *error,
            GString       *messages)
{
  g_string_append_printf (messages, "%s;", error->message);
}

/* A refusal by the user's role is announced once per push, undo or redo it stops (for the
 * window's toast, furrow-window-roles.c), even when the caller passes no GError; any other
 * failure is not. */
static void
test_history_refused_signal (void)
{
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SetInt *set;
  int value = 1;

  g_signal_connect (history, "refused", G_CALLBACK (refused_cb), messages);
  set = set_int_new (&value, 2);
  set->fail_do = TRUE;
  g_assert_false (furrow_history_push (history, set_int_edit ("failed", set), NULL));
  g_assert_cmpstr (messages->str, ==, "");

  set = set_int_new (&value, 3);
  set->fail_do = TRUE;
  set->refuse = TRUE;
  g_assert_false (furrow_history_push (history, set_int_edit ("refused", set), &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (messages->str, ==, "clerk_a may not change plans;");
  g_assert_cmpint (value, ==, 1);

  set = set_int_new (&value, 4);
  set->fail_undo = TRUE;
  set->refuse = TRUE;
  g_assert_true (furrow_history_push (history, set_int_edit ("done", set), NULL));
  g_assert_false (furrow_history_undo (history, NULL));
  g_assert_cmpstr (messages->str, ==, "clerk_a may not change plans;clerk_a may not change plans;");
  g_assert_cmpint (value, ==, 4);
  g_assert_true (furrow_history_get_can_undo (history));
}
FURROW_TEST ("/furrow/core/history/refused-signal", test_history_refused_signal);

/* The label properties (what a menu would bind) follow the stacks and notify once per change. */
static void
test_history_label_properties (void)
{
  g_autoptr(FurrowHistory) history = furrow_history_new ();
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gboolean can_undo = FALSE, can_redo = TRUE;
  int value = 0, undo_notifies = 0, redo_notifies = 0;

  g_signal_connect (history, "notify::undo-label", G_CALLBACK (count_notify), &undo_notifies);
  g_signal_connect (history, "notify::redo-label", G_CALLBACK (count_notify), &redo_notifies);
  g_assert_true (furrow_history_push (history, set_int_edit ("one", set_int_new (&value, 1)),
                                      NULL));
  g_assert_true (furrow_history_push (history, set_int_edit ("two", set_int_new (&value, 2)),
                                      NULL));
  g_assert_true (furrow_history_undo (history, NULL));
  g_object_get (history, "undo-label", &undo_label, "redo-label", &redo_label,
                "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_cmpstr (undo_label, ==, "one");
  g_assert_cmpstr (redo_label, ==, "two");
  g_assert_true (can_undo);
  g_assert_true (can_redo);
  /* undo-label: NULL → one → two → one; redo-label: NULL → two. */
  g_assert_cmpint (undo_notifies, ==, 3);
  g_assert_cmpint (redo_notifies, ==, 1);

  furrow_history_clear (history);
  g_assert_null (furrow_history_get_undo_label (history));
  g_assert_null (furrow_history_get_redo_label (history));
  g_assert_cmpint (undo_notifies, ==, 4);
  g_assert_cmpint (redo_notifies, ==, 2);
}
FURROW_TEST ("/furrow/core/history/label-properties", test_history_label_properties);

FURROW_TEST_MAIN ();
