/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "furrow-importer.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_IMPORT_ASSISTANT (furrow_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (FurrowImportAssistant, furrow_import_assistant, FURROW, IMPORT_ASSISTANT,
                      AdwWindow)

/* The import assistant (issue 6, item 5): what was detected in `path` (changeable), a preview of
 * the first records on a small map, the import in a worker thread with progress and cancel, and
 * the problems with the choice to fix, skip or abort. Nothing is written before the user presses
 * Import. `store` is the window's connection: it is reloaded after the import. */
FurrowImportAssistant *furrow_import_assistant_new          (GtkWindow             *parent,
                                                             FurrowStore           *store,
                                                             ShumateMapSource      *map_source,
                                                             const char            *path);

G_END_DECLS
