/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store-migrate.h"

G_BEGIN_DECLS

/* Only the tests ask (HACKING.md, Where things go); the store uses FURROW_STORE_SCHEMA_VERSION. */

/* The number of steps there are (FURROW_STORE_SCHEMA_VERSION). */
int       furrow_store_migrate_get_n_steps (void);

G_END_DECLS
