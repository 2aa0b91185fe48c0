/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FURROW_TYPE_COMPASS (furrow_compass_get_type ())

G_DECLARE_FINAL_TYPE (FurrowCompass, furrow_compass, FURROW, COMPASS, GtkWidget)

void       furrow_compass_set_azimuth  (FurrowCompass *self,
                                        double         azimuth_deg);

G_END_DECLS
