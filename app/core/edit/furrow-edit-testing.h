/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-edit.h"

G_BEGIN_DECLS

/* Only the tests give an edit a merge rule so far (HACKING.md, Where things go): every edit of
 * the app is undone on its own, so this stays out of furrow-edit.h. */

/* Lets later edits with the same key ("parcel:42:area") be merged into this one by merge. */
void        furrow_edit_set_merge     (FurrowEdit       *self,
                                       const char       *key,
                                       FurrowEditMerge   merge);

G_END_DECLS
