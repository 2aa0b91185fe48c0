/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-record-list.h"

G_BEGIN_DECLS

#define FURROW_TYPE_HOUSEHOLD_LIST (furrow_household_list_get_type ())

/* The households: a FurrowRecordList, driven through its functions. */
G_DECLARE_FINAL_TYPE (FurrowHouseholdList, furrow_household_list, FURROW, HOUSEHOLD_LIST,
                      FurrowRecordList)

G_END_DECLS
