/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-import-assistant.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-import-assistant.h"

G_BEGIN_DECLS

/* The importer of the current settings (for tests); NULL when the file cannot be opened. */
FurrowImporter        *furrow_import_assistant_get_importer (FurrowImportAssistant *self);
/* "settings", "preview", "progress" or "problems". */
const char            *furrow_import_assistant_get_page     (FurrowImportAssistant *self);

G_END_DECLS
