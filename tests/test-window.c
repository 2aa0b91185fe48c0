/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <shumate/shumate.h>

#include "furrow-application.h"
#include "furrow-window.h"

static void
test_window_opens (void)
{
  g_autoptr(FurrowApplication) app = furrow_application_new ();
  FurrowWindow *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = furrow_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/furrow/gui/window/opens", test_window_opens);

  return g_test_run ();
}
