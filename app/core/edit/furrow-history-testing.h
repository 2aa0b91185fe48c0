/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-history.h"

G_BEGIN_DECLS

/* The label getters only the tests use (HACKING.md, Where things go): the app shows no edit
 * label, so they stay out of furrow-history.h. The properties undo-label and redo-label stay. */

/* The label of the edit Undo (Redo) would take back (do again); NULL when there is none. */
const char    *furrow_history_get_undo_label (FurrowHistory       *self);
const char    *furrow_history_get_redo_label (FurrowHistory       *self);

G_END_DECLS
