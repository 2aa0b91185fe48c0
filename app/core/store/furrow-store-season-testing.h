/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only: what the store's seasons hold that the application reads otherwise. The
 * operations a household takes (furrow_store_get_household_operations()) moved to
 * furrow-store-season.h when the custody contracts came to print them. */

#include "furrow-store-season.h"

G_BEGIN_DECLS

/* Removes the field's plan, not checked against a version read (the application writes "no
 * plan" through furrow_store_save_plans()). */
gboolean          furrow_store_delete_plan           (FurrowStore          *self,
                                                      FurrowSeason         *season,
                                                      FurrowField          *field,
                                                      GError              **error);

G_END_DECLS
