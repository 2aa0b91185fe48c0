/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A coordinate system typed by a person (the import assistant's entry, `furrow-cli import
 * --crs`): "EPSG:4326", "epsg:4547" or the bare code "4490", surrounding blanks ignored.
 * Returns FALSE for anything else, and for a code that is not a positive int; *epsg is set only
 * on success. Whether PROJ knows the code is checked when the file is read. */
gboolean furrow_crs_parse_epsg (const char *text,
                                int        *epsg);

G_END_DECLS
