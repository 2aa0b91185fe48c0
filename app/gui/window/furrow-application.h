/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FURROW_TYPE_APPLICATION (furrow_application_get_type ())

G_DECLARE_FINAL_TYPE (FurrowApplication, furrow_application, FURROW, APPLICATION, AdwApplication)

void               furrow_application_init_i18n          (void);
FurrowApplication *furrow_application_new                (void);
GSettings         *furrow_application_get_settings       (FurrowApplication *self);
void               furrow_application_set_start_time     (FurrowApplication *self,
                                                          gint64             start_time_us);
gint64             furrow_application_get_start_time     (FurrowApplication *self);

G_END_DECLS
