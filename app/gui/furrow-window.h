/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "furrow-application.h"

G_BEGIN_DECLS

#define FURROW_TYPE_WINDOW (furrow_window_get_type ())

G_DECLARE_FINAL_TYPE (FurrowWindow, furrow_window, FURROW, WINDOW, AdwApplicationWindow)

FurrowWindow     *furrow_window_new              (FurrowApplication *application);
const char       *furrow_window_get_project_path (FurrowWindow      *self);
void              furrow_window_set_project_path (FurrowWindow      *self,
                                                  const char        *project_path);
ShumateSimpleMap *furrow_window_get_map          (FurrowWindow      *self);

G_END_DECLS
