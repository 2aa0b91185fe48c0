/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store-mbtiles.h"

G_BEGIN_DECLS

/* The FurrowMbtiles accessor only the tests use (HACKING.md, Where things go): the map does not
 * read it, so it stays out of furrow-store-mbtiles.h. */

const char    *furrow_mbtiles_get_path         (FurrowMbtiles   *self);

G_END_DECLS
