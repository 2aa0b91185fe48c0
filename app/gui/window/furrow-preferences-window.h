/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FURROW_TYPE_PREFERENCES_WINDOW (furrow_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FurrowPreferencesWindow, furrow_preferences_window, FURROW,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

FurrowPreferencesWindow *furrow_preferences_window_new              (GSettings                *settings);
gboolean                 furrow_preferences_window_set_mbtiles_file (FurrowPreferencesWindow  *self,
                                                                     GFile                    *file,
                                                                     GError                  **error);

G_END_DECLS
