/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Publish to Server… and Check Out a Copy… in the real window (docs/architecture.md, The window,
 * Publish and check out; furrow-window-transfer.h), on the throwaway cluster of suite pg
 * (tests/lib/furrow-pg-run), as its administrator (trusted on the cluster's socket).
 *
 * The demo cooperative (app/core/register/furrow-demo.h: 40 fields, 300 households, 1,000
 * parcels, the settled season FURROW_DEMO_SEASON) in a file is published from the project menu's
 * action through the Connect dialog under a new code; the toast's Open shows the cooperative,
 * whose tables psql counts apart from Furrow: as many fields, households and parcels, and the
 * settled season's income and household totals in fen the file's settlement froze. Publishing
 * the same code again is one message, the server unchanged. The cooperative is then checked out
 * through the file chooser (which starts in Documents and proposes CODE.gpkg) into a new file,
 * the user's only, which the toast opens: the same counts and fen again. A checkout over the
 * project file itself is refused, the file untouched. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "furrow-connect-dialog-testing.h"
#include "furrow-demo.h"
#include "furrow-store-roles.h"
#include "furrow-store-season.h"
#include "furrow-store-transfer.h"
#include "furrow-test-gui.h"
#include "furrow-test-pg.h"
#include "furrow-window-private.h"
#include "furrow-window-transfer.h"

typedef FurrowTestWindow Fixture;

/* What the demo's settled season froze: its income and what its households are owed. */
typedef struct
{
  gint64 income_fen;
  gint64 households_fen;
} Settled;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  furrow_test_window_set_up (fixture, 1100, 720, "transfer-coop.gpkg", 100);
  g_assert_true (furrow_store_server_init (furrow_test_pg_uri (), &error));
  g_assert_no_error (error);
}

static Settled
settled_in (FurrowStore *store)
{
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, FURROW_DEMO_SEASON);
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;
  g_autoptr(GError) error = NULL;
  Settled settled = { 0, 0 };

  g_assert_nonnull (season);
  settlement = furrow_store_get_settlement (store, season, &error);
  g_assert_no_error (error);
  settled.income_fen = settlement->totals.income_fen;
  for (gsize i = 0; i < settlement->n_rows; i++)
    settled.households_fen += settlement->rows[i].total_fen;
  return settled;
}

/* One number psql reads from cooperative `code`'s schema on the server, around Furrow. */
static gint64
server_int (const char *code,
            const char *sql)
{
  g_autofree char *text = g_strdup_printf ("SET search_path TO coop_%s; %s", code, sql);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (furrow_test_pg_psql ("furrow", text, &out, &err) != 0)
    g_error ("psql: %s", err);
  return g_ascii_strtoll (out, NULL, 10);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
is_open_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              "_Open") == 0;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} Wanted;

static gboolean
toast_shown (gpointer data)
{
  Wanted *wanted = data;

  return furrow_test_find_first (GTK_WIDGET (wanted->fixture->window->toast_overlay),
                                 is_label_with, wanted->text) != NULL;
}

/* Waits for the toast saying `text` and presses its Open. */
static void
open_from_toast (Fixture    *fixture,
                 const char *text)
{
  Wanted wanted = { fixture, text };
  GtkWidget *button;

  g_assert_true (furrow_test_wait_until (toast_shown, &wanted, 300));
  button = furrow_test_find_first (GTK_WIDGET (fixture->window->toast_overlay), is_open_button,
                                   NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
message_shown (gpointer data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (furrow_test_find_toplevel (
    ADW_TYPE_MESSAGE_DIALOG));

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), data) == 0;
}

/* Waits for the message dialog headed `heading`, checks that its body holds `reason` on one line,
 * and closes it. */
static void
assert_refused (const char *heading,
                const char *reason)
{
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (furrow_test_wait_until (message_shown, (gpointer) heading, 300));
  dialog = ADW_MESSAGE_DIALOG (furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s: %s", heading, body);
  if (strstr (body, reason) == NULL)
    g_error ("“%s” is not in the message: %s", reason, body);
  g_assert_null (strchr (body, '\n'));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = furrow_test_find_toplevel (FURROW_TYPE_CONNECT_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_idle (gpointer data)
{
  return !furrow_connect_dialog_is_busy (data);
}

/* Publish to Server… from the window: the address, Connect, the code, Publish. */
static void
publish (Fixture    *fixture,
         const char *address,
         const char *code)
{
  FurrowConnectDialog *dialog;
  GtkWidget *code_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.publish", NULL));
  g_assert_true (furrow_test_wait_until (dialog_shown, NULL, 120));
  dialog = FURROW_CONNECT_DIALOG (furrow_test_find_toplevel (FURROW_TYPE_CONNECT_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Publish to Server");
  /* The project's village code is offered as the new cooperative's. */
  code_row = furrow_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                   "Cooperative’s _code");
  g_assert_nonnull (code_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==,
                   FURROW_DEMO_VILLAGE_CODE);
  furrow_connect_dialog_fill (dialog, address, "", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL));
  g_assert_true (furrow_test_wait_until (dialog_idle, dialog, 300));
  g_assert_null (furrow_connect_dialog_get_message (dialog));
  gtk_editable_set_text (GTK_EDITABLE (code_row), code);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.publish", NULL));
  g_assert_null (furrow_test_find_toplevel (FURROW_TYPE_CONNECT_DIALOG));
}

static gboolean
shows_path (gpointer data)
{
  Fixture *fixture = ((Wanted *) data)->fixture;
  FurrowStore *store = furrow_window_get_store (fixture->window);

  return store != NULL && g_str_has_suffix (furrow_store_get_path (store),
                                            ((Wanted *) data)->text);
}

/* Waits until the window shows the project whose path ends with `path` (a file's path; a
 * server's "#CODE", its address as the Connect dialog writes it). */
static void
wait_for_project (Fixture    *fixture,
                  const char *path)
{
  Wanted wanted = { fixture, path };

  if (!furrow_test_wait_until (shows_path, &wanted, 300))
    g_error ("the window shows %s, not %s",
             furrow_store_get_path (furrow_window_get_store (fixture->window)), path);
}

/* A menu button whose menu has the item "ACTION|LABEL". */
static gboolean
is_menu_with (GtkWidget     *widget,
              gconstpointer  data)
{
  g_auto(GStrv) wanted = g_strsplit (data, "|", 2);
  g_autofree char *label = NULL;
  GMenuModel *menu;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  return menu != NULL && furrow_test_menu_has_action (menu, wanted[0], &label) &&
         g_strcmp0 (label, wanted[1]) == 0;
}

/* What FurrowTransferProgress was told: each report, in order. */
typedef struct
{
  guint    n_reports;
  guint    first_done;
  guint    last_done;
  guint    total;
  gboolean backwards;  /* a report of fewer rows than the one before, or another total */
} Told;

static void
told_cb (guint    done,
         guint    total,
         gpointer user_data)
{
  Told *told = user_data;

  if (told->n_reports == 0)
    {
      told->first_done = done;
      told->total = total;
    }
  else if (done < told->last_done || total != told->total)
    told->backwards = TRUE;
  told->last_done = done;
  told->n_reports++;
}

/* The progress a copy reports (the window's bar follows it): from 0 of all the rows to all of
 * them, never backwards, all counting at least the register's 1,340 rows. */
static void
assert_progress (FurrowStore *server,
                 const char  *path)
{
  g_autoptr(GError) error = NULL;
  Told told = { 0 };

  g_assert_true (furrow_store_checkout (server, path, told_cb, &told, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told.n_reports, >, 2);
  g_assert_cmpuint (told.first_done, ==, 0);
  g_assert_cmpuint (told.last_done, ==, told.total);
  g_assert_cmpuint (told.total, >=, FURROW_DEMO_N_FIELDS + FURROW_DEMO_N_HOUSEHOLDS +
                                    FURROW_DEMO_N_PARCELS);
  g_assert_false (told.backwards);
}

static gboolean
chooser_shown (gpointer data)
{
  return furrow_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_has_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static void
test_publish_and_checkout (Fixture       *fixture,
                           gconstpointer  data)
{
  FurrowWindow *window = fixture->window;
  GtkBox *box = GTK_BOX (window->content_box);
  FurrowStore *file = furrow_window_get_store (window);
  g_autofree char *file_path = g_strdup (furrow_store_get_path (file));
  g_autofree char *code = furrow_test_pg_unique_name ("pub");
  g_autofree char *suffix = g_strconcat ("#", code, NULL);
  g_autofree char *server_path = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->base.tmpdir, "copy.gpkg", NULL);
  g_autofree char *published = NULL;
  g_autofree char *proposed = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) tmpdir = g_file_new_for_path (fixture->base.tmpdir);
  g_autofree char *documents = NULL;
  GtkFileChooser *chooser;
  Settled source = settled_in (file);
  Settled copied;
  GStatBuf before, after;

  /* The file's figures, and the demo's by hand (furrow-demo.h). */
  g_assert_cmpint (furrow_store_count_fields (file, NULL), ==, FURROW_DEMO_N_FIELDS);
  g_assert_cmpint (furrow_store_count_households (file, NULL), ==, FURROW_DEMO_N_HOUSEHOLDS);
  g_assert_cmpint (furrow_store_count_parcels (file, NULL), ==, FURROW_DEMO_N_PARCELS);
  g_assert_cmpint (source.income_fen, >, 0);
  g_assert_cmpint (source.households_fen, >, 0);

  /* A file shown: it may be published, there is nothing to check out. */
  g_assert_true (furrow_test_action_enabled (box, "win.publish"));
  g_assert_false (furrow_test_action_enabled (box, "win.checkout"));
  /* Both are in the project menu, beside Save a Copy… (hidden while disabled). */
  g_assert_nonnull (furrow_test_find_first (GTK_WIDGET (window), is_menu_with,
                                            "win.publish|P_ublish to Server…"));
  g_assert_nonnull (furrow_test_find_first (GTK_WIDGET (window), is_menu_with,
                                            "win.checkout|Check Ou_t a Copy…"));

  /* A clerk may not make cooperatives: the server refuses, as it does `furrow-cli publish`, in
   * one message, and leaves nothing (no register row). */
  {
    g_autofree char *clerk = furrow_test_pg_unique_name ("clerk");
    g_autofree char *address = furrow_test_pg_uri_as (clerk);
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM furrow.cooperatives"
                                            " WHERE code = '%s'", code);
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;

    g_assert_true (furrow_store_server_add_user (furrow_test_pg_uri (), clerk, "Clerk-pw-7",
                                                 FURROW_ROLE_CLERK, NULL, NULL, &error));
    g_assert_no_error (error);
    publish (fixture, address, code);
    assert_refused ("Not Published", "permission denied");
    g_assert_cmpint (furrow_test_pg_psql ("furrow", sql, &out, NULL), ==, 0);
    g_assert_cmpint (g_ascii_strtoll (out, NULL, 10), ==, 0);
  }

  /* Publish: the toast names the file and the cooperative, its Open shows the cooperative. */
  publish (fixture, furrow_test_pg_uri (), code);
  published = g_strdup_printf ("Published transfer-coop.gpkg as %s on localhost/furrow_test",
                               code);
  open_from_toast (fixture, published);
  wait_for_project (fixture, suffix);
  g_assert_true (furrow_store_is_server (furrow_window_get_store (window)));
  server_path = g_strdup (furrow_store_get_path (furrow_window_get_store (window)));

  /* The server, read with psql around Furrow, holds the file's register and settlement. */
  g_assert_cmpint (server_int (code, "SELECT count (*) FROM fields"), ==, FURROW_DEMO_N_FIELDS);
  g_assert_cmpint (server_int (code, "SELECT count (*) FROM households"), ==,
                   FURROW_DEMO_N_HOUSEHOLDS);
  g_assert_cmpint (server_int (code, "SELECT count (*) FROM parcels"), ==, FURROW_DEMO_N_PARCELS);
  g_assert_cmpint (server_int (code, "SELECT t.income_fen FROM season_settlements t JOIN seasons s"
                                     " ON s.id = t.season_id WHERE s.name = '"
                                     FURROW_DEMO_SEASON "'"), ==, source.income_fen);
  g_assert_cmpint (server_int (code, "SELECT sum (r.total_fen) FROM settlements r JOIN seasons s"
                                     " ON s.id = r.season_id WHERE s.name = '"
                                     FURROW_DEMO_SEASON "'"), ==, source.households_fen);

  {
    g_autofree char *told_path = g_build_filename (fixture->base.tmpdir, "told.gpkg", NULL);

    assert_progress (furrow_window_get_store (window), told_path);
  }

  /* A server's cooperative shown: it may be checked out, not published again. */
  g_assert_false (furrow_test_action_enabled (box, "win.publish"));
  g_assert_true (furrow_test_action_enabled (box, "win.checkout"));

  /* The same code again, from the file: one message, the server as it was. */
  g_assert_true (furrow_window_open_project (window, file_path, NULL));
  publish (fixture, furrow_test_pg_uri (), code);
  assert_refused ("Not Published", "already holds cooperative");
  g_assert_cmpint (server_int (code, "SELECT count (*) FROM households"), ==,
                   FURROW_DEMO_N_HOUSEHOLDS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s",
                                             server_path));
  wait_for_project (fixture, suffix);

  /* Never over an existing file, such as the project file itself: untouched. */
  g_assert_cmpint (g_stat (file_path, &before), ==, 0);
  furrow_window_start_checkout (window, file_path);
  assert_refused ("No Copy Checked Out", "already exists");
  g_assert_cmpint (g_stat (file_path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);

  /* Check Out a Copy…: the chooser starts in Documents and proposes CODE.gpkg; a new name in
   * the temporary folder gets its extension. */
  /* A Documents folder, as xdg-user-dirs gives a desktop (the test's XDG folders are its own). */
  {
    g_autofree char *dirs = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs", NULL);
    g_autofree char *line = NULL;

    documents = g_build_filename (fixture->base.tmpdir, "Documents", NULL);
    line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
    g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
    g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
    g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
    g_reload_user_special_dirs_cache ();
    g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), ==, documents);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.checkout", NULL));
  g_assert_true (furrow_test_wait_until (chooser_shown, NULL, 120));
  chooser = GTK_FILE_CHOOSER (furrow_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  /* The chooser loads its folder after it shows. */
  g_assert_true (furrow_test_wait_until (chooser_has_folder, chooser, 120));
  folder = gtk_file_chooser_get_current_folder (chooser);
  {
    g_autofree char *start = g_file_get_path (folder);

    g_assert_cmpstr (start, ==, documents);
  }
  proposed = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_prefix (proposed, code));
  g_assert_cmpstr (proposed + strlen (code), ==, ".gpkg");
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, tmpdir, NULL));
  gtk_file_chooser_set_current_name (chooser, "copy");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  open_from_toast (fixture, "Checked out a copy as copy.gpkg");
  wait_for_project (fixture, copy_path);
  g_assert_false (furrow_store_is_server (furrow_window_get_store (window)));

  /* The copy: the user's only, the register and the settlement of the file published. */
  g_assert_cmpint (g_stat (copy_path, &after), ==, 0);
  g_assert_cmpint (after.st_mode & 0777, ==, 0600);
  {
    FurrowStore *copy = furrow_window_get_store (window);

    g_assert_cmpint (furrow_store_count_fields (copy, NULL), ==, FURROW_DEMO_N_FIELDS);
    g_assert_cmpint (furrow_store_count_households (copy, NULL), ==, FURROW_DEMO_N_HOUSEHOLDS);
    g_assert_cmpint (furrow_store_count_parcels (copy, NULL), ==, FURROW_DEMO_N_PARCELS);
    copied = settled_in (copy);
  }
  g_assert_cmpint (copied.income_fen, ==, source.income_fen);
  g_assert_cmpint (copied.households_fen, ==, source.households_fen);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-transfer/publish-and-checkout", Fixture, fixture_set_up,
                     test_publish_and_checkout, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
