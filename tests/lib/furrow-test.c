/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test.h"
#include "furrow-test-store.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

/* The cases in the order their constructors ran: the order they stand in the file. */
static GPtrArray *registered;

void
furrow_test_register (const FurrowTestCase *test_case)
{
  if (registered == NULL)
    registered = g_ptr_array_new ();
  g_ptr_array_add (registered, (gpointer) test_case);
}

void
furrow_test_add_registered (void)
{
  for (guint i = 0; registered != NULL && i < registered->len; i++)
    {
      const FurrowTestCase *c = registered->pdata[i];

      g_test_add_vtable (c->path, c->fixture_size, NULL, c->set_up, c->test, c->tear_down);
    }
  g_clear_pointer (&registered, g_ptr_array_unref);
}

int
furrow_test_main (int                    argc,
                  char                 **argv,
                  const FurrowTestHooks *hooks)
{
  g_autofree char *data_home = NULL;
  int status;

  if (hooks != NULL && hooks->locale != NULL)
    setlocale (LC_ALL, hooks->locale);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Outside a test case G_TEST_OPTION_ISOLATE_DIRS leaves XDG_DATA_HOME=/dev/null, where a
   * furrow-cli that a set-up runs could keep no restore point (docs/architecture.md, Restore
   * points): a data folder of this run instead, removed at the end. */
  data_home = g_dir_make_tmp ("furrow-test-data-XXXXXX", NULL);
  if (data_home != NULL)
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (hooks != NULL && hooks->set_up != NULL)
    hooks->set_up ();
  furrow_test_add_registered ();
  status = g_test_run ();
  if (hooks != NULL && hooks->tear_down != NULL)
    hooks->tear_down ();
  if (data_home != NULL)
    furrow_test_remove_tree (data_home);
  return status;
}

void
furrow_test_set_up_chinese (void)
{
  const char *localedir = g_getenv ("FURROW_LOCALEDIR");

  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_error ("the zh_CN.UTF-8 locale is missing: the reports are tested in Chinese");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

GPtrArray *
furrow_test_split_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

char *
furrow_test_run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s: %s", argv[0], err);
  return out;
}

char *
furrow_test_unzip (const char *path,
                   const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  return furrow_test_run_tool (argv);
}

char *
furrow_test_pdf_text (const char *path,
                      const char *drop)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = furrow_test_run_tool (argv);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (drop == NULL || strchr (drop, *p) == NULL)
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

GStrv
furrow_test_pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = furrow_test_run_tool (argv);

  return g_strsplit (text, "\f", -1);
}
