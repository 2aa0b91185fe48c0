/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"
#include "furrow-yield-model.h"

G_BEGIN_DECLS

/* Yield-model presets of the project (docs/architecture.md: yield_presets): a FurrowYieldModel
 * fitted to the cooperative's own yields (furrow_yield_model_fit()), kept under its name with every
 * parameter, so it plans exactly as it was fitted.
 *
 * - A name is not empty, at most 31 bytes (a season plan keeps it) and none of the built-in
 *   presets (practical, xiashan, survey): FURROW_STORE_ERROR_INVALID. Saving under an existing
 *   name replaces that preset. Deleting one a season plan uses: FURROW_STORE_ERROR_IN_USE.
 * - Season plans (furrow_store_set_plan()) and their predictions accept a stored preset.
 * - Each save and delete is one transaction with an audit_log row on "yield_preset:NAME"; after
 *   it the store emits "yield-presets-changed" (not for changes made by another connection). */

gboolean  furrow_store_save_yield_preset   (FurrowStore             *self,
                                            const FurrowYieldModel  *model,
                                            GError                 **error);
/* The names, sorted; NULL on error. */
GStrv     furrow_store_list_yield_presets  (FurrowStore             *self,
                                            GError                 **error);
/* FURROW_STORE_ERROR_NOT_FOUND when no stored preset has this name. */
gboolean  furrow_store_find_yield_preset   (FurrowStore             *self,
                                            const char              *name,
                                            FurrowYieldModel        *out,
                                            GError                 **error);
gboolean  furrow_store_delete_yield_preset (FurrowStore             *self,
                                            const char              *name,
                                            GError                 **error);
/* A built-in preset by id, else (when `self` is not NULL) a stored one by name. */
gboolean  furrow_store_lookup_yield_model  (FurrowStore             *self,
                                            const char              *name,
                                            FurrowYieldModel        *out,
                                            GError                 **error);

G_END_DECLS
