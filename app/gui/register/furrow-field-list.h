/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-record-list.h"

G_BEGIN_DECLS

#define FURROW_TYPE_FIELD_LIST (furrow_field_list_get_type ())

/* The custody fields: a FurrowRecordList, driven through its functions. */
G_DECLARE_FINAL_TYPE (FurrowFieldList, furrow_field_list, FURROW, FIELD_LIST, FurrowRecordList)

G_END_DECLS
