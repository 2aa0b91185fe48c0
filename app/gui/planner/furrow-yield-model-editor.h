/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-history.h"
#include "furrow-store.h"
#include "furrow-yield-model.h"

G_BEGIN_DECLS

#define FURROW_TYPE_YIELD_MODEL_EDITOR (furrow_yield_model_editor_get_type ())

G_DECLARE_FINAL_TYPE (FurrowYieldModelEditor, furrow_yield_model_editor, FURROW,
                      YIELD_MODEL_EDITOR, AdwPreferencesWindow)

FurrowYieldModelEditor *furrow_yield_model_editor_new                 (GtkWindow              *parent,
                                                                       FurrowStore            *store,
                                                                       FurrowHistory          *history);
void                    furrow_yield_model_editor_draw_chart          (FurrowYieldModelEditor *self,
                                                                       cairo_t                *cr,
                                                                       int                     width,
                                                                       int                     height);

G_END_DECLS
