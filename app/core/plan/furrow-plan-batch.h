/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-layout.h"
#include "furrow-yield-model.h"

G_BEGIN_DECLS

/* Planning many fields (a whole season) off the main thread (docs/architecture.md: long work runs
 * in a GTask thread and can be cancelled). The pattern and model are copied when the call is made
 * and the fields referenced (leave them unchanged until the batch finishes); each field is laid
 * out and predicted as furrow_layout_compute() and furrow_yield_model_predict_layout() would,
 * in order. The cancellable is checked between fields. */

typedef struct
{
  FurrowLayout          *layout;
  FurrowYieldPrediction  prediction;
} FurrowPlanResult;

void       furrow_plan_result_free  (FurrowPlanResult        *result);

/* The synchronous core of the batch: a GPtrArray of FurrowPlanResult, one per field, or NULL
 * and the first error (which names the field's position). */
GPtrArray *furrow_plan_batch        (FurrowGeometry * const  *fields,
                                     guint                    n_fields,
                                     const FurrowPattern     *pattern,
                                     const FurrowYieldModel  *model,
                                     FurrowLayoutFlags        flags,
                                     GCancellable            *cancellable,
                                     GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowPlanResult, furrow_plan_result_free)

G_END_DECLS
