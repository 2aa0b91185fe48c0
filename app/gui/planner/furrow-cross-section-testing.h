/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (HACKING.md, Where things go): what furrow-cross-section.h keeps out of its
 * public API because only tests/ calls it. */

#include "furrow-cross-section.h"

G_BEGIN_DECLS

guint      furrow_cross_section_get_n_drawn  (FurrowCrossSection  *self,
                                              FurrowCrop           crop);

G_END_DECLS
