/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "furrow-application.h"
#include "furrow-connect-dialog.h"
#include "furrow-preferences-window.h"
#include "furrow-resources.h"
#include "furrow-window.h"

struct _FurrowApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gint64     start_time_us;
};

G_DEFINE_FINAL_TYPE (FurrowApplication, furrow_application, ADW_TYPE_APPLICATION)

/**
 * furrow_application_init_i18n:
 *
 * Sets the locale from the environment and binds Furrow's text domain to
 * $FURROW_LOCALEDIR when set (`make run` points it at <build>/po/locale), else to the
 * installed LOCALEDIR. Call once, first thing in main().
 */
void
furrow_application_init_i18n (void)
{
  const char *localedir = g_getenv ("FURROW_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

FurrowApplication *
furrow_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* The start-up benchmark launches many copies in a row: none may hand over to another. */
  if (g_getenv ("FURROW_BENCH_FIRST_FRAME") != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (FURROW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * furrow_application_get_settings:
 *
 * Returns: (transfer none): the settings of the application id, from startup on
 */
GSettings *
furrow_application_get_settings (FurrowApplication *self)
{
  g_return_val_if_fail (FURROW_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* When the process started (g_get_monotonic_time() at the top of main()), for the benchmark. */
void
furrow_application_set_start_time (FurrowApplication *self,
                                   gint64             start_time_us)
{
  g_return_if_fail (FURROW_IS_APPLICATION (self));

  self->start_time_us = start_time_us;
}

gint64
furrow_application_get_start_time (FurrowApplication *self)
{
  g_return_val_if_fail (FURROW_IS_APPLICATION (self), 0);

  return self->start_time_us;
}

static FurrowWindow *
get_or_create_window (FurrowApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (FURROW_IS_WINDOW (window))
    return FURROW_WINDOW (window);
  return furrow_window_new (self);
}

static void
furrow_application_activate (GApplication *app)
{
  FurrowApplication *self = FURROW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autofree char *last_project = g_settings_get_string (self->settings, "last-project");
      FurrowWindow *furrow_window = furrow_window_new (self);

      /* Reopen the last project; a toast says why when that fails. On the very first start
       * (no last project) show the demo cooperative. */
      if (last_project[0] == '\0')
        furrow_window_open_demo (furrow_window, NULL);
      else if (g_file_test (last_project, G_FILE_TEST_IS_REGULAR))
        furrow_window_open_project (furrow_window, last_project, NULL);
      /* A server's: its password from the keyring, or the Connect dialog, filled; a toast
       * says when the server cannot be reached. */
      else if (furrow_store_is_server_address (last_project))
        furrow_connect_dialog_open_project (furrow_window, last_project);
      window = GTK_WINDOW (furrow_window);
    }

  gtk_window_present (window);
}

static void
furrow_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  FurrowApplication *self = FURROW_APPLICATION (app);
  FurrowWindow *window;
  g_autofree char *path = NULL;

  g_return_if_fail (n_files > 0);

  /* One project per window: the first file is the project, the others are ignored. */
  path = g_file_get_path (files[0]);
  if (path == NULL)
    path = g_file_get_uri (files[0]);

  window = get_or_create_window (self);
  gtk_window_present (GTK_WINDOW (window));
  /* `furrow postgresql://clerk@centre/furrow#CODE` goes the way a recent server project does:
   * the keyring's password, or the Connect dialog, filled and saying why. Once open, the
   * window makes it the last project (furrow_window_remember_project()). */
  furrow_connect_dialog_open_project (window, path);
}

static int
furrow_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("furrow %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return -1;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  FurrowApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  FurrowPreferencesWindow *preferences = furrow_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FurrowApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Furrow developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application", self,
                        "application-name", _("Furrow"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Furrow developers"),
                        "developers", developers,
                        "comments", _("Maps the fields a village cooperative farms in custody, "
                                      "plans maize–soybean strip intercropping in them, and "
                                      "settles every household’s income."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/furrow/furrow",
                        "issue-url", "https://github.com/furrow/furrow/issues",
                        "copyright", _("© 2026 The Furrow developers"),
                        /* Translators: your names and e-mail addresses, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FurrowApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows first so each saves its size and map view. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

/* Whether the interface speaks Chinese, Japanese or Korean (the first language of LANGUAGE,
 * LC_ALL, LC_MESSAGES or LANG). */
static gboolean
language_is_cjk (void)
{
  const char *language = g_get_language_names ()[0];

  return g_str_has_prefix (language, "zh") || g_str_has_prefix (language, "ja") ||
         g_str_has_prefix (language, "ko");
}

/* GTK 4.8 gives a tooltip its label's minimum width, and a wrapping label may break CJK text
 * after any character: "主菜单" came out one character a line (issue 13, item 10). In those
 * languages a tooltip's label is at least 12 characters wide (shorter texts are centred in it;
 * longer ones wrap at that width). The only style Furrow adds to libadwaita's. */
static void
widen_cjk_tooltips (void)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  const char *css = "tooltip label { min-width: 12em; }";

  if (!language_is_cjk ())
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
furrow_application_startup (GApplication *app)
{
  FurrowApplication *self = FURROW_APPLICATION (app);
  const char *icon_dir = g_getenv ("FURROW_ICONDIR");
  struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.show-all-fields", { "<Control>0", NULL } },
    { "win.draw-field", { "<Control>d", NULL } },
    { "win.reshape-field", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.open-project", { "<Control>o", NULL } },
    { "win.connect-server", { "<Control><Shift>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.county-view", { "<Control><Shift>k", NULL } },
    /* The header's _Plan button, also when it is hidden (issue 13, item 7). */
    { "win.plan-field", { "<Alt>p", NULL } },
    { "win.show-view::fields", { "<Alt>1", NULL } },
    { "win.show-view::households", { "<Alt>2", NULL } },
    { "win.show-view::seasons", { "<Alt>3", NULL } },
  };

  G_APPLICATION_CLASS (furrow_application_parent_class)->startup (app);

  /* Here rather than in init: `furrow --version` must work where the schema is not installed. */
  self->settings = g_settings_new (APPLICATION_ID);

  /* Running from the build folder (`make run`, the tests): the icons are in the source tree. */
  if (icon_dir != NULL)
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    icon_dir);

  widen_cjk_tooltips ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
furrow_application_dispose (GObject *object)
{
  FurrowApplication *self = FURROW_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (furrow_application_parent_class)->dispose (object);
}

static void
furrow_application_class_init (FurrowApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resources live in a static library: register them by hand so the linker keeps them. */
  furrow_register_resource ();

  object_class->dispose = furrow_application_dispose;

  app_class->startup = furrow_application_startup;
  app_class->activate = furrow_application_activate;
  app_class->open = furrow_application_open;
  app_class->handle_local_options = furrow_application_handle_local_options;
}

static void
furrow_application_init (FurrowApplication *self)
{
  const GOptionEntry options[] = {
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  self->start_time_us = g_get_monotonic_time ();

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
}
