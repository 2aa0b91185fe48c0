/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Connect to Server… (docs/architecture.md, The window, A server from the window; README, A
 * custody centre's server), in the real window on the throwaway cluster of suite pg
 * (tests/lib/furrow-pg-run): a cooperative made with `furrow-cli server create --demo`, a clerk
 * with a password whose logins the cluster checks (scram-sha-256 for that user on the socket,
 * trust for the others), the dialog opened from the project menu's action. A wrong password is
 * one line in the dialog and the window keeps its project; the right one lists the cooperative,
 * Open shows its 40 fields (the demo's, app/core/register/furrow-demo.h, counted again on the
 * server) under "CODE on localhost/furrow_test"; the recent servers hold the address without the
 * password, and no setting of the application holds the password anywhere.
 *
 * The keyring: the test's session bus is an address where nothing listens (tests/gui/meson.build),
 * as on a build machine without a secret service, so the dialog says once that the password
 * cannot be remembered, still connects, and reopening the project without the password in this
 * process brings the dialog back, filled, instead of failing in silence. */

#include "config.h"

#include <libsecret/secret.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-connect-dialog-testing.h"
#include "furrow-record-list-testing.h"
#include "furrow-server-address.h"
#include "furrow-store-roles.h"
#include "furrow-test-cli.h"
#include "furrow-test-gui.h"
#include "furrow-test-pg.h"
#include "furrow-window-private.h"

#define PASSWORD  "Furrow-connect-pw-5Tz8"

typedef struct
{
  FurrowTestWindow  base;
  char             *code;      /* the cooperative */
  char             *clerk;     /* a user of the cluster, with PASSWORD */
  char             *address;   /* the clerk's address, postgresql://clerk@/furrow_test?host=… */
} Fixture;

/* psql as the cluster's superuser (trust on its socket), as tests/cli/test-cli-roles.c does. */
static void
psql_admin (const char *sql)
{
  const char *bindir = g_getenv ("FURROW_TEST_PG_BINDIR");
  g_autofree char *psql = g_build_filename (bindir != NULL ? bindir : "/usr/lib/postgresql/15/bin",
                                            "psql", NULL);
  const char *argv[] = { psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
                         g_getenv ("FURROW_TEST_PG_DIR"), "-U", "furrow", "-d", "furrow_test",
                         "-c", sql, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("psql: %s", err);
}

/* The server refuses the clerk without a password once it has read its new pg_hba.conf. */
static gboolean
password_checked (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = furrow_store_server_list (fixture->address, &error);

  return codes == NULL &&
         g_error_matches (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PASSWORD);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *admin = furrow_test_pg_uri ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *hba = NULL;

  furrow_test_window_set_up (&fixture->base, 1100, 720, "file-coop.gpkg", 100);
  fixture->code = furrow_test_pg_unique_name ("conn");
  fixture->clerk = furrow_test_pg_unique_name ("clerk");
  fixture->address = g_strdup_printf ("postgresql://%s@/furrow_test?host=%s", fixture->clerk,
                                      g_getenv ("FURROW_TEST_PG_DIR"));
  /* What an earlier case of this program gave this process. */
  furrow_server_address_set_password (fixture->address, NULL);

  g_assert_true (furrow_store_server_init (admin, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "server", "create", admin, "--cooperative",
                                        fixture->code, "--demo", NULL), ==, 0);
  g_assert_true (furrow_store_server_add_user (admin, fixture->clerk, PASSWORD, FURROW_ROLE_CLERK,
                                               fixture->code, NULL, &error));
  g_assert_no_error (error);

  /* The clerk's logins checked by password, everybody else's still trusted: the server itself
   * writes its pg_hba.conf (it owns it, also when the test runs as root) and reloads it. */
  hba = g_strdup_printf ("DO $$ BEGIN EXECUTE format ('COPY (SELECT line FROM (VALUES "
                         "(1, %%L), (2, %%L)) AS v (n, line) ORDER BY n) TO %%L', "
                         "'local all %s scram-sha-256', 'local all all trust', "
                         "current_setting ('hba_file')); END $$; SELECT pg_reload_conf ()",
                         fixture->clerk);
  psql_admin (hba);
  g_assert_true (furrow_test_wait_until (password_checked, fixture, 120));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_window_tear_down (&fixture->base, NULL);
  g_free (fixture->code);
  g_free (fixture->clerk);
  g_free (fixture->address);
}

static FurrowConnectDialog *
find_dialog (void)
{
  return (FurrowConnectDialog *) furrow_test_find_toplevel (FURROW_TYPE_CONNECT_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  FurrowConnectDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_idle (gpointer data)
{
  return !furrow_connect_dialog_is_busy (data);
}

static gboolean
keyring_checked (gpointer data)
{
  return furrow_connect_dialog_has_no_keyring (data);
}

static FurrowConnectDialog *
open_dialog (Fixture *fixture)
{
  FurrowConnectDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->base.window),
                                             "win.connect-server", NULL));
  g_assert_true (furrow_test_wait_until (dialog_shown, NULL, 120));
  dialog = find_dialog ();
  /* No secret service on this bus: said once, and connecting still works (below). */
  if (g_getenv ("FURROW_TEST_KEYRING") == NULL)
    g_assert_true (furrow_test_wait_until (keyring_checked, dialog, 120));
  return dialog;
}

/* Fills the dialog, presses Connect and waits for the answer; the line it shows, or NULL. */
static const char *
connect (FurrowConnectDialog *dialog,
         const char          *address,
         const char          *password)
{
  furrow_connect_dialog_fill (dialog, address, password, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL));
  g_assert_true (furrow_test_wait_until (dialog_idle, dialog, 300));
  return furrow_connect_dialog_get_message (dialog);
}

static gboolean
cooperatives_listed (gpointer data)
{
  g_auto(GStrv) codes = furrow_connect_dialog_dup_cooperatives (data);

  return !furrow_connect_dialog_is_busy (data) && codes[0] != NULL;
}

static const char *
address_text (FurrowConnectDialog *dialog)
{
  GtkWidget *row = furrow_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Address");

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static guint
shown_fields (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (furrow_record_list_get_shown (
    FURROW_RECORD_LIST (fixture->base.window->field_list))));
}

/* No key of the application's schema holds the password, in any form. */
static void
assert_no_password_in_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 10);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      if (strstr (text, PASSWORD) != NULL)
        g_error ("the setting %s holds the password: %s", keys[i], text);
    }
}

static void
test_connect_and_open (Fixture       *fixture,
                       gconstpointer  data)
{
  FurrowWindow *window = fixture->base.window;
  FurrowStore *file_store = furrow_window_get_store (window);
  g_autofree char *file_path = g_strdup (furrow_store_get_path (file_store));
  g_autofree char *typed = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  g_autoptr(FurrowStore) server = NULL;
  g_autoptr(FurrowStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) recent = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *code_lower = NULL;
  FurrowConnectDialog *dialog;
  const char *message;
  const char *uri, *code;

  /* The action is in the project menu and has its shortcut. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (
      GTK_APPLICATION (fixture->base.base.app), "win.connect-server");

    guint key = 0;
    GdkModifierType mods = 0;

    g_assert_nonnull (accels[0]);
    g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
    g_assert_cmpuint (key, ==, GDK_KEY_o);
    g_assert_cmpuint (mods, ==, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  }

  dialog = open_dialog (fixture);

  /* Not an address: said in the dialog, nothing tried. */
  message = connect (dialog, "centre/furrow", "");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "is not a server address"));
  g_assert_null (strchr (message, '\n'));

  /* A wrong password: one line, the cooperatives not listed, the window keeps its file. */
  message = connect (dialog, fixture->address, "not-the-password");
  g_assert_nonnull (message);
  /* In the user's words, not libpq's ("FATAL:  password authentication failed for user …"). */
  g_assert_nonnull (strstr (message, "the server refused the password of"));
  g_assert_null (strstr (message, "FATAL"));
  g_assert_null (strchr (message, '\n'));
  g_assert_null (strstr (message, "not-the-password"));
  codes = furrow_connect_dialog_dup_cooperatives (dialog);
  g_assert_cmpuint (g_strv_length (codes), ==, 0);
  g_clear_pointer (&codes, g_strfreev);
  g_assert_true (furrow_window_get_store (window) == file_store);

  /* No such database, a database without Furrow's register, no server: each one line. */
  {
    const char *dir = g_getenv ("FURROW_TEST_PG_DIR");
    struct {
      char       *address;
      const char *expected;
    } failures[] = {
      { g_strdup_printf ("postgresql://%s@/no_such_db?host=%s", fixture->clerk, dir),
        "database \"no_such_db\" does not exist" },
      { g_strdup_printf ("postgresql://%s@/postgres?host=%s", fixture->clerk, dir),
        "holds no Furrow cooperatives" },
      { g_strdup_printf ("postgresql://%s@/furrow_test?host=%s/none", fixture->clerk, dir),
        "No such file or directory" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
      {
        message = connect (dialog, failures[i].address, PASSWORD);
        g_assert_nonnull (message);
        if (strstr (message, failures[i].expected) == NULL)
          g_error ("“%s” is not in the dialog's message: %s", failures[i].expected, message);
        g_assert_null (strchr (message, '\n'));
        g_assert_null (strstr (message, PASSWORD));
        g_free (failures[i].address);
      }
    g_assert_true (furrow_window_get_store (window) == file_store);
  }

  /* The password typed inside the address is used once and taken out of it. */
  typed = g_strdup_printf ("postgresql://%s:" PASSWORD "@/furrow_test?host=%s", fixture->clerk,
                           g_getenv ("FURROW_TEST_PG_DIR"));
  message = connect (dialog, typed, "");
  g_assert_null (message);
  g_assert_cmpstr (address_text (dialog), ==, fixture->address);
  codes = furrow_connect_dialog_dup_cooperatives (dialog);
  code_lower = g_ascii_strdown (fixture->code, -1);
  g_assert_true (g_strv_contains ((const char * const *) codes, code_lower));
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 10, "connect-dialog.png");

  /* Open: the window shows the cooperative on the server. The demo has 40 fields; the server,
   * read again apart from the window, holds as many. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.open", NULL));
  furrow_test_iterate (200);
  g_assert_null (find_dialog ());
  g_assert_true (furrow_window_get_store (window) != file_store);
  g_assert_true (furrow_store_is_server (furrow_window_get_store (window)));
  server = furrow_store_open_server (furrow_test_pg_uri (), fixture->code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (furrow_store_get_fields (server)), ==, 40);
  g_assert_cmpuint (shown_fields (fixture), ==, 40);

  subtitle = g_strdup_printf ("%s on localhost/furrow_test", code_lower);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, subtitle);
  /* The recent projects' menu calls it the same. */
  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->recent_section), 0,
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, subtitle);

  /* The recent servers: the address without the password, and the cooperative. */
  recent = g_settings_get_value (fixture->base.base.settings, "recent-servers");
  g_assert_cmpuint (g_variant_n_children (recent), ==, 1);
  g_variant_get_child (recent, 0, "(&s&s)", &uri, &code);
  g_assert_cmpstr (uri, ==, fixture->address);
  g_assert_cmpstr (code, ==, code_lower);
  assert_no_password_in_settings (fixture->base.base.settings);

  /* A worker reopens the project by its path, as the window's threads do: the password is in
   * this process's memory, not in the path. */
  g_assert_null (strstr (furrow_store_get_path (furrow_window_get_store (window)), PASSWORD));
  worker = furrow_store_open (furrow_store_get_path (furrow_window_get_store (window)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (worker);

  /* A wrong password tried again replaces nothing: the window keeps the server's cooperative,
   * and a worker still connects. */
  dialog = open_dialog (fixture);
  message = connect (dialog, fixture->address, "wrong-again");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "the server refused the password of"));
  /* The dialog offers the server under Recent Servers; choosing it connects again with the
   * password this process holds (no keyring here) and chooses the cooperative. */
  {
    GtkWidget *row = furrow_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, subtitle);

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activate");
    g_assert_true (furrow_test_wait_until (cooperatives_listed, dialog, 300));
    g_assert_null (furrow_connect_dialog_get_message (dialog));
    g_assert_cmpstr (address_text (dialog), ==, fixture->address);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, subtitle);
  g_clear_object (&worker);
  worker = furrow_store_open (furrow_store_get_path (furrow_window_get_store (window)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (furrow_store_get_fields (worker)), ==, 40);
  g_assert_cmpstr (file_path, !=, furrow_store_get_path (furrow_window_get_store (window)));
}
FURROW_TEST_FIXTURE ("/furrow/gui/connect-dialog/connect-and-open", Fixture, fixture_set_up,
                     test_connect_and_open, fixture_tear_down);

static gboolean
is_connect_toast (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)),
                           "Cannot open the project: cannot connect to");
}

/* The toast saying that the server cannot be reached. */
static gboolean
toast_shown (gpointer data)
{
  return furrow_test_find_first (GTK_WIDGET (data), is_connect_toast, NULL) != NULL;
}

/* What `furrow ADDRESS` does: the application opens the command line's argument. */
static void
open_from_command_line (Fixture    *fixture,
                        const char *address)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (address);

  g_application_open (G_APPLICATION (fixture->base.base.app), &file, 1, "");
}

/* Reopening a server project (the last project at start-up, a recent one) when neither this
 * process nor a keyring has its password: the dialog, filled with the address and saying why,
 * rather than a silent failure; the window keeps its file. An unreachable server is a toast,
 * no dialog. */
static void
test_reopen_without_password (Fixture       *fixture,
                              gconstpointer  data)
{
  FurrowWindow *window = fixture->base.window;
  FurrowStore *file_store = furrow_window_get_store (window);
  g_autofree char *path = g_strdup_printf ("%s#%s", fixture->address, fixture->code);
  g_autofree char *nowhere = g_strdup_printf ("postgresql://%s@/furrow_test?host=%s/none#%s",
                                              fixture->clerk, fixture->base.base.tmpdir,
                                              fixture->code);
  g_autofree char *asks = g_strdup_printf ("asks for the password of %s", fixture->clerk);
  FurrowConnectDialog *dialog;
  const char *message;

  furrow_connect_dialog_open_project (window, nowhere);
  g_assert_true (furrow_test_wait_until (toast_shown, window, 120));
  g_assert_null (find_dialog ());
  g_assert_true (furrow_window_get_store (window) == file_store);

  /* `furrow postgresql://…#CODE` on the command line goes the same way. */
  open_from_command_line (fixture, path);
  g_assert_true (furrow_test_wait_until (dialog_shown, NULL, 120));
  dialog = find_dialog ();
  /* The project's address, its cooperative too (chosen once listed), never a password. */
  g_assert_cmpstr (address_text (dialog), ==, path);
  message = furrow_connect_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, asks));
  g_assert_true (furrow_window_get_store (window) == file_store);

  /* The password typed there lists the server (the row then holds its address) and chooses
   * the cooperative asked for, which opens. */
  g_assert_null (connect (dialog, path, PASSWORD));
  g_assert_cmpstr (address_text (dialog), ==, fixture->address);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.open", NULL));
  furrow_test_iterate (200);
  g_assert_true (furrow_store_is_server (furrow_window_get_store (window)));
  g_assert_true (g_str_has_suffix (furrow_store_get_path (furrow_window_get_store (window)),
                                   fixture->code));
  g_assert_cmpuint (shown_fields (fixture), ==, 40);
}
FURROW_TEST_FIXTURE ("/furrow/gui/connect-dialog/reopen-without-password", Fixture,
                     fixture_set_up, test_reopen_without_password, fixture_tear_down);

/* The keyring's password of the clerk's login on the cluster, or NULL. */
static char *
keyring_password (Fixture *fixture)
{
  static const SecretSchema schema = {
    APPLICATION_ID, SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_sync (&schema, NULL, &error,
                                                "host", g_getenv ("FURROW_TEST_PG_DIR"),
                                                "port", 5432, "database", "furrow_test",
                                                "user", fixture->clerk, NULL);

  g_assert_no_error (error);
  return password;
}

static gboolean
password_stored (gpointer data)
{
  g_autofree char *password = keyring_password (data);

  return password != NULL;
}

static gboolean
shows_server (gpointer data)
{
  FurrowStore *store = furrow_window_get_store (data);

  return store != NULL && furrow_store_is_server (store);
}

/* With a keyring (tests/lib/furrow-keyring-run, test connect-dialog-keyring-pg): Remember
 * Password stores the password there under the server's host, port, database and user, and only
 * there; reopening the project in a process that has forgotten it takes it from the keyring,
 * without the dialog. */
static void
test_keyring (Fixture       *fixture,
              gconstpointer  data)
{
  FurrowWindow *window = fixture->base.window;
  g_autofree char *path = g_strdup_printf ("%s#%s", fixture->address, fixture->code);
  g_autofree char *file = g_build_filename (fixture->base.base.tmpdir, "file-coop.gpkg", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *last = NULL;
  FurrowConnectDialog *dialog;

  if (g_getenv ("FURROW_TEST_KEYRING") == NULL)
    {
      g_test_skip ("no keyring: run through tests/lib/furrow-keyring-run");
      return;
    }
  dialog = open_dialog (fixture);
  g_assert_false (furrow_connect_dialog_has_no_keyring (dialog));
  g_assert_null (connect (dialog, fixture->address, PASSWORD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.open", NULL));
  g_assert_true (furrow_test_wait_until (password_stored, fixture, 120));
  stored = keyring_password (fixture);
  g_assert_cmpstr (stored, ==, PASSWORD);
  assert_no_password_in_settings (fixture->base.base.settings);

  /* Back to the file, the password forgotten by this process: the keyring's opens the server. */
  g_assert_true (furrow_window_open_project (window, file, NULL));
  g_assert_false (furrow_store_is_server (furrow_window_get_store (window)));
  furrow_server_address_set_password (path, NULL);
  furrow_connect_dialog_open_project (window, path);
  g_assert_true (furrow_test_wait_until (shows_server, window, 120));
  g_assert_null (find_dialog ());
  g_assert_cmpuint (shown_fields (fixture), ==, 40);

  /* `furrow postgresql://…#CODE` on the command line, in a process without the password: the
   * keyring's, no dialog, and the project becomes the last one. */
  g_assert_true (furrow_window_open_project (window, file, NULL));
  furrow_server_address_set_password (path, NULL);
  open_from_command_line (fixture, path);
  g_assert_true (furrow_test_wait_until (shows_server, window, 120));
  g_assert_null (find_dialog ());
  g_assert_cmpuint (shown_fields (fixture), ==, 40);
  last = g_settings_get_string (fixture->base.base.settings, "last-project");
  g_assert_cmpstr (last, ==, path);
}
FURROW_TEST_FIXTURE ("/furrow/gui/connect-dialog/keyring", Fixture, fixture_set_up,
                     test_keyring, fixture_tear_down);

FURROW_TEST_GUI_MAIN ();
