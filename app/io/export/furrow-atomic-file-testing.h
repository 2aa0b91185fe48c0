/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (tests/io/test-atomic-file.c): what an atomic file was made for. */

#include "furrow-atomic-file.h"

G_BEGIN_DECLS

/* The path furrow_atomic_file_new() was given: where furrow_atomic_file_commit() puts the file. */
const char *furrow_atomic_file_get_target (FurrowAtomicFile *self);

G_END_DECLS
