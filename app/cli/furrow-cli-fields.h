/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-yield-model.h"

G_BEGIN_DECLS

/* The fields `plan` and `compare` work on: every polygon of an OGR file, or the fields of a
 * project (`--project FILE`: the field with `field_code`, or all of them when it is NULL).
 * Returns a GPtrArray of FurrowGeometry (WGS84) and, in `labels`, one string per field: the
 * field code for a project, the feature index for a file. NULL and an error naming the file
 * otherwise. */
GPtrArray *furrow_cli_read_fields       (const char  *file,
                                         const char  *project,
                                         const char  *field_code,
                                         GPtrArray  **labels,
                                         GError     **error);

/* Checks the input arguments left after option parsing (argv[0] is the command): one FILE, or
 * none with `--project` and exactly one of `--field CODE` / `--all`. Prints the usage error and
 * returns FALSE otherwise; *file is the FILE or NULL. */
gboolean   furrow_cli_fields_check_args (const char  *command,
                                         int          argc,
                                         char       **argv,
                                         const char  *project,
                                         const char  *field_code,
                                         gboolean     all,
                                         const char **file);

/* The yield model `name`: a built-in preset (practical, xiashan, survey), else, with a
 * `project`, a preset stored in it (furrow-cli calibrate). FALSE and an error otherwise. */
gboolean   furrow_cli_yield_model       (const char        *project,
                                         const char        *name,
                                         FurrowYieldModel  *out,
                                         GError           **error);

G_END_DECLS
