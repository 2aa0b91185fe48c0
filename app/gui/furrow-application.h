/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FURROW_TYPE_APPLICATION (furrow_application_get_type ())

G_DECLARE_FINAL_TYPE (FurrowApplication, furrow_application, FURROW, APPLICATION, AdwApplication)

FurrowApplication *furrow_application_new (void);

G_END_DECLS
