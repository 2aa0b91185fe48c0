/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-yield-model-editor.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-yield-model-editor.h"

G_BEGIN_DECLS

void                    furrow_yield_model_editor_add_observation     (FurrowYieldModelEditor *self,
                                                                       const char             *pattern_id,
                                                                       double                  maize_kg_per_mu,
                                                                       double                  soy_kg_per_mu);
const FurrowYieldModel *furrow_yield_model_editor_get_model           (FurrowYieldModelEditor *self);
guint                   furrow_yield_model_editor_get_n_observations  (FurrowYieldModelEditor *self);
guint                   furrow_yield_model_editor_get_n_points        (FurrowYieldModelEditor *self);

G_END_DECLS
