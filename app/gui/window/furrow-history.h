/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One undoable edit. `apply` is called with forward = TRUE to do (and redo) the edit and with
 * forward = FALSE to undo it; it returns FALSE and sets @error when the store refused. */
typedef gboolean (*FurrowHistoryApply) (gpointer   data,
                                        gboolean   forward,
                                        GError   **error);

#define FURROW_TYPE_HISTORY (furrow_history_get_type ())

G_DECLARE_FINAL_TYPE (FurrowHistory, furrow_history, FURROW, HISTORY, GObject)

FurrowHistory *furrow_history_new            (void);
gboolean       furrow_history_push           (FurrowHistory       *self,
                                              const char          *label,
                                              FurrowHistoryApply   apply,
                                              gpointer             data,
                                              GDestroyNotify       destroy,
                                              GError             **error);
void           furrow_history_record         (FurrowHistory       *self,
                                              const char          *label,
                                              FurrowHistoryApply   apply,
                                              gpointer             data,
                                              GDestroyNotify       destroy);
gboolean       furrow_history_undo           (FurrowHistory       *self,
                                              GError             **error);
gboolean       furrow_history_redo           (FurrowHistory       *self,
                                              GError             **error);
void           furrow_history_clear          (FurrowHistory       *self);
gboolean       furrow_history_get_can_undo   (FurrowHistory       *self);
gboolean       furrow_history_get_can_redo   (FurrowHistory       *self);
const char    *furrow_history_get_undo_label (FurrowHistory       *self);
const char    *furrow_history_get_redo_label (FurrowHistory       *self);

G_END_DECLS
