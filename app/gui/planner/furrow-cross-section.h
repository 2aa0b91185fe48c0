/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "furrow-pattern.h"

G_BEGIN_DECLS

#define FURROW_TYPE_CROSS_SECTION (furrow_cross_section_get_type ())

G_DECLARE_FINAL_TYPE (FurrowCrossSection, furrow_cross_section, FURROW, CROSS_SECTION, GtkWidget)

void       furrow_cross_section_set_pattern  (FurrowCrossSection  *self,
                                              const FurrowPattern *pattern);

G_END_DECLS
