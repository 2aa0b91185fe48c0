/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-edit.h"

G_BEGIN_DECLS

/* FurrowHistory: the undo and redo stacks of FurrowEdits (docs/architecture.md, "Edits"), which
 * the window's Undo and Redo actions follow (can-undo, can-redo; undo-label and redo-label name
 * the newest edits, furrow-history-testing.h). Doing a new edit drops whatever could be redone;
 * an edit that merges into the newest one (a merge rule, furrow-edit-testing.h) is not recorded
 * on its own. An edit the store refuses because the user's role may not make it (a server's
 * FURROW_STORE_ERROR_PERMISSION: the window offers only what the role may do, but roles change
 * while a window is open) is announced by the signal "refused" (GError *), for the window's
 * toast, besides the error returned. */

#define FURROW_TYPE_HISTORY (furrow_history_get_type ())

G_DECLARE_FINAL_TYPE (FurrowHistory, furrow_history, FURROW, HISTORY, GObject)

FurrowHistory *furrow_history_new            (void);
/* Does the edit and, if that worked, records it (transfer full: on failure it is dropped and
 * nothing is recorded). */
gboolean       furrow_history_push           (FurrowHistory       *self,
                                              FurrowEdit          *edit,
                                              GError             **error);
/* Records an edit that has already been done (transfer full). */
void           furrow_history_record         (FurrowHistory       *self,
                                              FurrowEdit          *edit);
gboolean       furrow_history_undo           (FurrowHistory       *self,
                                              GError             **error);
gboolean       furrow_history_redo           (FurrowHistory       *self,
                                              GError             **error);
void           furrow_history_clear          (FurrowHistory       *self);
gboolean       furrow_history_get_can_undo   (FurrowHistory       *self);
gboolean       furrow_history_get_can_redo   (FurrowHistory       *self);

G_END_DECLS
