/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Control characters between a project and a terminal (issue 12, item 5): a name holding an
 * escape sequence is refused by the import, and one already stored (written before the import
 * refused them, or by another program) is printed by `furrow-cli list` as its letters on a
 * terminal and into a pipe alike (a pipe is read by `less -R` or saved and `cat` later). The terminal is a real pseudo-terminal: script(1) from
 * util-linux runs furrow-cli on one. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "furrow-household.h"
#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* ESC [2J clears the screen, ESC ]0;…BEL retitles the window, \x01 is a C0 control, U+009B
 * (C2 9B in UTF-8) is the C1 CSI, DEL is 7F. Printed to a terminal, only 王五 remains. */
#define HOSTILE_NAME "\033]0;pwned\007王\033[2J\033[31m五\001\302\233\177"

static gboolean
has_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* the terminal itself writes \r\n for \n */
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F))
        return TRUE;
    }
  return FALSE;
}

static void
test_list_on_terminal (FurrowTestStore *fixture,
                       gconstpointer    data)
{
  g_autoptr(FurrowHousehold) household = furrow_household_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("FURROW_CLI");
  g_autofree char *script = g_find_program_in_path ("script");
  g_autofree char *command = NULL;
  g_autofree char *on_terminal = NULL;
  g_autofree char *piped = NULL;
  const char *list[] = { "list", "--project", fixture->path, "households", NULL };
  const char *script_argv[] = { script, "-qec", NULL, "/dev/null", NULL };
  int status;

  if (script == NULL)
    {
      g_test_skip ("script(1) is not installed");
      return;
    }
  furrow_household_set_code (household, "370782102201010001");
  /* The store refuses the name (furrow_register_check_text()): it is written around it, as
   * an older Furrow or another program left it in a file. */
  furrow_household_set_name (household, HOSTILE_NAME);
  g_assert_false (furrow_store_add_household (fixture->store, household, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  furrow_household_set_name (household, "王五");
  g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  {
    g_autofree char *hex = NULL;
    g_autofree char *sql = NULL;
    const char *sqlite3_argv[] = { "sqlite3", fixture->path, NULL, NULL };

    hex = g_malloc0 (2 * strlen (HOSTILE_NAME) + 1);
    for (gsize i = 0; i < strlen (HOSTILE_NAME); i++)
      g_snprintf (hex + 2 * i, 3, "%02X", (guchar) HOSTILE_NAME[i]);
    sql = g_strdup_printf ("UPDATE households SET name = CAST (x'%s' AS TEXT)", hex);
    sqlite3_argv[2] = sql;
    g_assert_true (g_spawn_sync (NULL, (char **) sqlite3_argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                 NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* Into a pipe: its letters only, as on a terminal. */
  g_assert_cmpint (furrow_test_run_cliv (list, &piped, NULL), ==, 0);
  g_test_message ("%s", piped);
  g_assert_null (strstr (piped, HOSTILE_NAME));
  g_assert_nonnull (strstr (piped, "370782102201010001"));
  g_assert_nonnull (strstr (piped, "王五\n"));
  g_assert_false (has_controls (piped));

  /* On a terminal: its letters only. */
  command = g_strdup_printf ("'%s' list --project '%s' households", cli, fixture->path);
  script_argv[2] = command;
  g_assert_true (g_spawn_sync (NULL, (char **) script_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &on_terminal, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", on_terminal);
  g_assert_nonnull (strstr (on_terminal, "370782102201010001"));
  g_assert_nonnull (strstr (on_terminal, "王五\r\n"));
  g_assert_false (has_controls (on_terminal));
}
FURROW_TEST_FIXTURE ("/furrow/cli/terminal/list", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_list_on_terminal,
                     furrow_test_store_fixture_tear_down);

/* The import refuses a name with a control character: one listed problem naming the line, the
 * column as the user knows it and the character, never the value; nothing is imported. */
static void
test_import_refuses_controls (FurrowTestStore *fixture,
                              gconstpointer    data)
{
  g_autofree char *csv = furrow_test_store_file (fixture, "escape.csv");
  const char *import[] = { "import", "--project", fixture->path, csv, NULL };
  g_autofree char *err = NULL;

  g_clear_object (&fixture->store);
  g_assert_true (g_file_set_contents (csv, "CBFBM,CBFMC,LXDH\n"
                                      "370782102201010001,王五,13800000001\n"
                                      "370782102201010002,李\033[2J四,13800000002\n"
                                      "370782102201010003,赵六,138\t00000003\n", -1, NULL));
  g_assert_cmpint (furrow_test_run_cliv (import, NULL, &err), ==, 1);
  g_assert_cmpstr (err, ==,
                   "furrow-cli: escape.csv row 3 (CBFBM 370782102201010002): the CBFMC "
                   "(Household head) holds a control character (U+001B); remove it\n"
                   "furrow-cli: escape.csv row 4 (CBFBM 370782102201010003): the LXDH "
                   "(Phone) holds a control character (U+0009); remove it\n");
}
FURROW_TEST_FIXTURE ("/furrow/cli/terminal/import-refuses-controls", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_import_refuses_controls,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
