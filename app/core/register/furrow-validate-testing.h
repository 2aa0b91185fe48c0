/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-validate.h"

G_BEGIN_DECLS

/* Only the tests repair a polygon so far (HACKING.md, Where things go): no window or command
 * offers a repair, so this stays out of furrow-validate.h. */

/* A valid copy of `geometry` (GEOSMakeValid_r), keeping only its polygonal parts. Fails when
 * coordinates are not finite or nothing polygonal remains. */
FurrowGeometry        *furrow_validate_repair           (FurrowGeosContext     *ctx,
                                                         const FurrowGeometry  *geometry,
                                                         GError               **error);

G_END_DECLS
