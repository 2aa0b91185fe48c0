/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only: what the store's seasons hold that the application reads otherwise. The
 * operations a household takes (furrow_store_get_household_operations()) moved to
 * furrow-store-season.h when the custody contracts came to print them. */

#include "furrow-store-season.h"

G_BEGIN_DECLS

G_END_DECLS
