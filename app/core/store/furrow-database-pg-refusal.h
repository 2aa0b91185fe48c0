/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *_furrow_pg_permission_action (const char *message,
                                          gboolean    deleting);

G_END_DECLS
