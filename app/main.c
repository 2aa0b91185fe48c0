/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "furrow-application.h"

int
main (int   argc,
      char *argv[])
{
  gint64 start_time_us = g_get_monotonic_time ();
  const char *localedir = g_getenv ("FURROW_LOCALEDIR");
  g_autoptr(FurrowApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = furrow_application_new ();
  furrow_application_set_start_time (app, start_time_us);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
