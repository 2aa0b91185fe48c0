/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-plan-batch.h"

G_BEGIN_DECLS

/* The batch in a GTask thread, which only the tests run so far (HACKING.md, Where things go):
 * the app plans its fields one at a time, so these stay out of furrow-plan-batch.h. */

/* furrow_plan_batch() in a thread; _finish() gives its GPtrArray or error. */
void       furrow_plan_batch_async  (FurrowGeometry * const  *fields,
                                     guint                    n_fields,
                                     const FurrowPattern     *pattern,
                                     const FurrowYieldModel  *model,
                                     FurrowLayoutFlags        flags,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data);
GPtrArray *furrow_plan_batch_finish (GAsyncResult            *result,
                                     GError                 **error);

G_END_DECLS
