/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The progress dialog of a job a window runs in a GTask thread (an export, a publish, a
 * checkout): its heading and body say what is being done; its bar pulses until the thread
 * reports a first count, then shows "done of total". The thread reports through
 * furrow_task_progress_report(), the one callback of the exporters and of the store's copies;
 * the dialog reads the count on the main loop. */
typedef struct _FurrowTaskProgress FurrowTaskProgress;

/* Opens the dialog over `parent`. With `cancellable`, it has Cancel (closing it is Cancel too),
 * which cancels `cancellable`; without, it has no response: the job runs to its end. */
FurrowTaskProgress *furrow_task_progress_new        (GtkWindow          *parent,
                                                     const char         *heading,
                                                     const char         *body,
                                                     GCancellable       *cancellable);

/* `done` of `total` so far; called from the job's thread (`progress` is the user data). */
void                furrow_task_progress_report     (guint               done,
                                                     guint               total,
                                                     gpointer            progress);

/* The dialog while it is open, else NULL. */
AdwMessageDialog   *furrow_task_progress_get_dialog (FurrowTaskProgress *self);

/* Stops the bar and closes the dialog: the job's completion callback calls it, on the main
 * loop, before it tells the result. */
void                furrow_task_progress_close      (FurrowTaskProgress *self);

/* Closes it if still open and frees it; the thread must be done with it. */
void                furrow_task_progress_free       (FurrowTaskProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowTaskProgress, furrow_task_progress_free)

G_END_DECLS
