/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-cli.h"

int
furrow_cli_export (int    argc,
                   char **argv)
{
  furrow_cli_print_error ("%s", _("export is not available yet"));
  return 2;
}
