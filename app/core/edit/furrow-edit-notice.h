/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-edit.h"
#include "furrow-notice.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* Undoable edits of a season's public notice and its objections (docs/domain.md §15), as the
 * settlement page makes them; each finds its season by id when applied and is one store call
 * (furrow-store-notice.h), audited there. */

/* Sets the notice's start ("" or NULL: not posted) and days; undo puts back the ones it had. */
FurrowEdit *furrow_edit_notice_new            (FurrowStore           *store,
                                               FurrowSeason          *season,
                                               const char            *start,
                                               guint                  days);
/* Records a copy of `objection` (its id 0); undo deletes it, redo records it again with the
 * same number. */
FurrowEdit *furrow_edit_objection_add_new     (FurrowStore           *store,
                                               FurrowSeason          *season,
                                               const FurrowObjection *objection);
/* Resolves objection `id` with `resolution` on `resolved`; undo puts back what it had (open
 * again, or its earlier resolution). NULL with the store's error when there is no such
 * objection. */
FurrowEdit *furrow_edit_objection_resolve_new (FurrowStore           *store,
                                               FurrowSeason          *season,
                                               gint64                 id,
                                               const char            *resolution,
                                               const char            *resolved,
                                               GError               **error);

G_END_DECLS
