/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-application.h"
#include "furrow-resources.h"
#include "furrow-window.h"

struct _FurrowApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (FurrowApplication, furrow_application, ADW_TYPE_APPLICATION)

FurrowApplication *
furrow_application_new (void)
{
  return g_object_new (FURROW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

static void
furrow_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (furrow_window_new (FURROW_APPLICATION (app)));

  gtk_window_present (window);
}

static void
furrow_application_class_init (FurrowApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resources live in a static library: register them by hand so the linker keeps them. */
  furrow_register_resource ();

  app_class->activate = furrow_application_activate;
}

static void
furrow_application_init (FurrowApplication *self)
{
}
