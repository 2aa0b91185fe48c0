/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-history.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_HOUSEHOLD_PAGE (furrow_household_page_get_type ())

G_DECLARE_FINAL_TYPE (FurrowHouseholdPage, furrow_household_page, FURROW, HOUSEHOLD_PAGE, AdwBin)

void             furrow_household_page_set_project      (FurrowHouseholdPage *self,
                                                         FurrowStore         *store,
                                                         FurrowHistory       *history);
void             furrow_household_page_set_household    (FurrowHouseholdPage *self,
                                                         FurrowHousehold     *household);

G_END_DECLS
