/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FURROW_TYPE_MAP_LEGEND (furrow_map_legend_get_type ())

G_DECLARE_FINAL_TYPE (FurrowMapLegend, furrow_map_legend, FURROW, MAP_LEGEND, GtkWidget)

/* The side of a swatch, px: its middle shows the fill as on the map (over white). */
#define FURROW_MAP_LEGEND_SWATCH_SIZE 16

void        furrow_map_legend_set_title     (FurrowMapLegend *self,
                                             const char      *title);
void        furrow_map_legend_set_note      (FurrowMapLegend *self,
                                             const char      *note);
void        furrow_map_legend_clear         (FurrowMapLegend *self);
void        furrow_map_legend_add           (FurrowMapLegend *self,
                                             guint32          rgb,
                                             const char      *label);

G_END_DECLS
