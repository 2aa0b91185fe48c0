/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define FURROW_TYPE_MAP_LAYOUT (furrow_map_layout_get_type ())

G_DECLARE_FINAL_TYPE (FurrowMapLayout, furrow_map_layout, FURROW, MAP_LAYOUT, GtkLayoutManager)

FurrowMapLayout *furrow_map_layout_new     (void);
void             furrow_map_layout_install (ShumateSimpleMap *map);
ShumateUnit      furrow_map_scale_unit_for_locale (const char *locale);

G_END_DECLS
