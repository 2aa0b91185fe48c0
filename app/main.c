/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-application.h"

int
main (int   argc,
      char *argv[])
{
  gint64 start_time_us = g_get_monotonic_time ();
  g_autoptr(FurrowApplication) app = NULL;

  furrow_application_init_i18n ();
  app = furrow_application_new ();
  furrow_application_set_start_time (app, start_time_us);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
