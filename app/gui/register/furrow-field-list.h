/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_FIELD_LIST (furrow_field_list_get_type ())

G_DECLARE_FINAL_TYPE (FurrowFieldList, furrow_field_list, FURROW, FIELD_LIST, AdwBin)

void            furrow_field_list_set_store     (FurrowFieldList *self,
                                                 FurrowStore     *store);
void            furrow_field_list_set_search    (FurrowFieldList *self,
                                                 const char      *text);
GListModel     *furrow_field_list_get_shown     (FurrowFieldList *self);
FurrowField    *furrow_field_list_get_selected  (FurrowFieldList *self);
void            furrow_field_list_set_selected  (FurrowFieldList *self,
                                                 FurrowField     *field);

G_END_DECLS
