/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (tests/io/test-import-skip.c): the records a read left out. */

#include "furrow-importer.h"

G_BEGIN_DECLS

/* With skip-invalid: the problems of the records the last read left out, one message each (as
 * furrow_importer_get_problems(); furrow_importer_get_problem_record() reads them). */
GPtrArray *furrow_importer_get_skipped (FurrowImporter *self);

G_END_DECLS
