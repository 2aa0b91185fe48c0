/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_HOUSEHOLD_LIST (furrow_household_list_get_type ())

G_DECLARE_FINAL_TYPE (FurrowHouseholdList, furrow_household_list, FURROW, HOUSEHOLD_LIST, AdwBin)

void            furrow_household_list_set_store     (FurrowHouseholdList *self,
                                                 FurrowStore     *store);
void            furrow_household_list_set_search    (FurrowHouseholdList *self,
                                                 const char      *text);
GListModel     *furrow_household_list_get_shown     (FurrowHouseholdList *self);
FurrowHousehold    *furrow_household_list_get_selected  (FurrowHouseholdList *self);
void            furrow_household_list_set_selected  (FurrowHouseholdList *self,
                                                 FurrowHousehold     *household);

G_END_DECLS
