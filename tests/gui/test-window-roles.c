/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Roles in the window and the county view (docs/architecture.md, The window, Roles; The backend
 * seam, The county view), on the throwaway cluster of suite pg (tests/lib/furrow-pg-run).
 *
 * Two cooperatives made with `furrow-cli server create --demo` (app/core/register/furrow-demo.h:
 * 40 fields, 300 households, 1,000 parcels each, and the settled, partly paid season
 * FURROW_DEMO_SEASON of crop year 2025); in A the administrator also makes "2026 春" (crop year
 * 2026, every field planned 2+4 strips), a season not settled, so that each role's editors are
 * there to be offered or not. Users of each role in A only, made with
 * furrow_store_server_add_user(); the window opens A as each of them:
 *   manager     everything is offered;
 *   agronomist  plans, fields (drawing, importing); no register, harvests, rules or settling;
 *   clerk       register edits, harvests, printing and exports; no settle, reopen, rules, plans,
 *               seasons or fields;
 *   viewer      reading, printing and exports only;
 * and a clerk made a viewer while the window is open (furrow_store_server_grant()) still gets
 * the editor, but the server refuses the change: a toast says so and nothing is written; an
 * agronomist made a clerk while the Yield Models editor is open can no longer save presets there.
 * The county view over the server equals `furrow-cli summary --json`, cell by cell, and the hand
 * counts (40 fields and 300 households a cooperative; 40 strip fields planned in 2026), and no
 * amount is cut at 1024×700. Its settled income, apart from the summary's code, is each
 * cooperative's own frozen settlement read with psql, and the county's total their sum. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "furrow-county-window-testing.h"
#include "furrow-demo.h"
#include "furrow-household-page-testing.h"
#include "furrow-season-economics-page-testing.h"
#include "furrow-season-harvest-page-testing.h"
#include "furrow-season-overview-page.h"
#include "furrow-season-settlement-page.h"
#include "furrow-store-roles.h"
#include "furrow-test-cli.h"
#include "furrow-test-gui.h"
#include "furrow-test-layout.h"
#include "furrow-test-pg.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-yield-model-editor.h"

#define PASSWORD     "Furrow-test-pw-5Rt8"
#define NEW_SEASON   "2026 春"

typedef FurrowTestWindow Fixture;

/* The server: its cooperatives and users, made once for the program's cases. */
static struct
{
  char *code_a;
  char *code_b;
  char *manager;
  char *agronomist;
  char *clerk;
  char *viewer;
} server;

static char *
add_user (const char *prefix,
          FurrowRole  role)
{
  g_autofree char *name = furrow_test_pg_unique_name (prefix);
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_store_server_add_user (furrow_test_pg_uri (), name, PASSWORD, role,
                                               server.code_a, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&name);
}

static void
ensure_server (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *a = NULL;

  if (server.code_a != NULL)
    return;
  server.code_a = furrow_test_pg_unique_name ("roles_a");
  server.code_b = furrow_test_pg_unique_name ("roles_b");
  a = g_strdup_printf ("%s#%s", uri, server.code_a);
  furrow_test_pg_create_demo (server.code_a);
  furrow_test_pg_create_demo (server.code_b);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", a, "create",
                                        NEW_SEASON, "--year", "2026", NULL), ==, 0);
  g_assert_cmpint (furrow_test_run_cli (NULL, NULL, "season", "--project", a, "plan", NEW_SEASON,
                                        "--all", "--preset", "2+4", NULL), ==, 0);
  server.manager = add_user ("manager", FURROW_ROLE_MANAGER);
  server.agronomist = add_user ("agronomist", FURROW_ROLE_AGRONOMIST);
  server.clerk = add_user ("clerk", FURROW_ROLE_CLERK);
  server.viewer = add_user ("viewer", FURROW_ROLE_VIEWER);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ensure_server ();
  furrow_test_window_set_up (fixture, 1024, 700, NULL, 0);
}

/* Opens cooperative A in the window as `user` (the administrator when NULL). */
static void
open_as (Fixture    *fixture,
         const char *user)
{
  g_autofree char *uri = user != NULL ? furrow_test_pg_uri_as (user)
                                       : g_strdup (furrow_test_pg_uri ());
  g_autofree char *path = g_strdup_printf ("%s#%s", uri, server.code_a);
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_window_open_project (fixture->window, path, &error));
  g_assert_no_error (error);
  furrow_test_iterate (200);
}

/* Whether `action` can be activated from the window. */
static gboolean
window_action_enabled (Fixture    *fixture,
                       const char *action)
{
  return furrow_test_action_enabled (GTK_BOX (fixture->window->content_box), action);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Whether the button of `action` under `widget` (a season page, the planner) can be clicked. */
static gboolean
button_enabled (GtkWidget  *widget,
                const char *action)
{
  GtkWidget *button = furrow_test_find_first (widget, has_action, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
show_season (Fixture    *fixture,
             const char *name)
{
  g_autoptr(FurrowSeason) season =
    furrow_test_store_find_season (furrow_window_get_store (fixture->window), name);

  g_assert_nonnull (season);
  furrow_window_show_season (fixture->window, season);
  furrow_test_iterate (100);
}

/* What each role is offered, against the grants of schema/pg/server.sql. */
typedef struct
{
  FurrowRole  role;
  char      **user;         /* in `server` */
  const char *screenshot;
  const char *banner;       /* in the line under the header bar */
  gboolean    seasons;      /* new and delete seasons */
  gboolean    fields;       /* draw fields */
  gboolean    import;
  gboolean    reopen;       /* the settled season */
  gboolean    rules;        /* the economics page's editors */
  gboolean    harvests;     /* the harvest grid */
  gboolean    plans;        /* Apply on the overview, Apply to Season in the planner */
  gboolean    register_;    /* the household page's editors */
} Expected;

static void
check_role (Fixture        *fixture,
            const Expected *expected)
{
  FurrowWindow *window = fixture->window;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(FurrowField) field = NULL;
  GtkWidget *page;

  open_as (fixture, *expected->user);
  g_assert_cmpint (furrow_store_get_role (window->store), ==, expected->role);
  households = furrow_store_get_households (window->store);
  fields = furrow_store_get_fields (window->store);
  household = g_list_model_get_item (households, 0);
  field = g_list_model_get_item (fields, 0);
  g_test_message ("as %s", *expected->user);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->role_banner)));
  if (strstr (gtk_label_get_text (window->role_banner), expected->banner) == NULL)
    g_error ("“%s” is not in the banner “%s”", expected->banner,
             gtk_label_get_text (window->role_banner));

  /* Printing and exports are every role's; the county view is on any server. */
  g_assert_true (window_action_enabled (fixture, "win.export::parcels:csv"));
  g_assert_true (window_action_enabled (fixture, "win.print-contracts"));
  g_assert_true (window_action_enabled (fixture, "win.county-view"));
  g_assert_cmpint (window_action_enabled (fixture, "win.new-season"), ==, expected->seasons);
  g_assert_cmpint (window_action_enabled (fixture, "win.draw-field"), ==, expected->fields);
  g_assert_cmpint (window_action_enabled (fixture, "win.import"), ==, expected->import);

  /* The register: the household page's editors. */
  furrow_window_select_household (window, household);
  furrow_test_iterate (200);
  g_assert_cmpint (gtk_widget_get_sensitive (furrow_household_page_get_part (
                     window->household_page, FURROW_HOUSEHOLD_PART_NAME_ROW)), ==,
                   expected->register_);
  g_assert_cmpint (gtk_widget_get_sensitive (furrow_household_page_get_parcel_part (
                     window->household_page, 0, FURROW_PARCEL_PART_AREA_SPIN)), ==,
                   expected->register_);

  /* The planner's Apply to Season, with a field to plan. */
  furrow_window_select_field (window, field);
  furrow_test_iterate (200);
  g_assert_cmpint (button_enabled (GTK_WIDGET (window->planner_panel),
                                   "planner.apply-to-season"), ==, expected->plans);

  /* The settled season: Reopen is a manager's; its amounts are printed by everyone. */
  show_season (fixture, FURROW_DEMO_SEASON);
  page = furrow_test_show_season_page (window, "settlement", FURROW_TYPE_SEASON_SETTLEMENT_PAGE,
                                       200);
  g_assert_cmpint (button_enabled (page, "settlement.reopen"), ==, expected->reopen);

  /* The season not settled: settling, the money rules, harvests, plans, deleting it. */
  show_season (fixture, NEW_SEASON);
  g_assert_cmpint (window_action_enabled (fixture, "win.delete-season"), ==, expected->seasons);
  page = furrow_test_show_season_page (window, "settlement", FURROW_TYPE_SEASON_SETTLEMENT_PAGE,
                                       200);
  if (!expected->reopen)
    g_assert_false (button_enabled (page, "settlement.settle"));
  page = furrow_test_show_season_page (window, "economics", FURROW_TYPE_SEASON_ECONOMICS_PAGE,
                                       200);
  g_assert_cmpint (gtk_widget_get_sensitive (furrow_season_economics_page_get_child (
                     FURROW_SEASON_ECONOMICS_PAGE (page), "prices_group")), ==, expected->rules);
  page = furrow_test_show_season_page (window, "harvest", FURROW_TYPE_SEASON_HARVEST_PAGE, 200);
  g_assert_cmpint (gtk_widget_get_sensitive (furrow_season_harvest_page_get_child (
                     FURROW_SEASON_HARVEST_PAGE (page), "harvest_grid")), ==,
                   expected->harvests);
  g_assert_cmpint (gtk_widget_get_sensitive (furrow_season_harvest_page_get_child (
                     FURROW_SEASON_HARVEST_PAGE (page), "costs_group")), ==, expected->rules);
  page = furrow_test_show_season_page (window, "overview", FURROW_TYPE_SEASON_OVERVIEW_PAGE, 200);
  g_assert_cmpint (button_enabled (page, "overview.apply-all"), ==, expected->plans);
  furrow_test_save_widget_screenshot (GTK_WIDGET (window), 5, expected->screenshot);
}

static const Expected roles[] = {
  { FURROW_ROLE_MANAGER, &server.manager, "roles-manager.png", "manager",
    TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE },
  { FURROW_ROLE_AGRONOMIST, &server.agronomist, "roles-agronomist.png", "agronomist",
    FALSE, TRUE, TRUE, FALSE, FALSE, FALSE, TRUE, FALSE },
  { FURROW_ROLE_CLERK, &server.clerk, "roles-clerk.png",
    "clerk — settling and the money rules are for the manager",
    FALSE, FALSE, TRUE, FALSE, FALSE, TRUE, FALSE, TRUE },
  { FURROW_ROLE_VIEWER, &server.viewer, "roles-viewer.png", "viewer",
    FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
};

static void
test_manager (Fixture       *fixture,
              gconstpointer  data)
{
  check_role (fixture, &roles[0]);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/manager", Fixture, fixture_set_up, test_manager,
                     furrow_test_window_tear_down);

static void
test_agronomist (Fixture       *fixture,
                 gconstpointer  data)
{
  check_role (fixture, &roles[1]);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/agronomist", Fixture, fixture_set_up,
                     test_agronomist, furrow_test_window_tear_down);

static void
test_clerk (Fixture       *fixture,
            gconstpointer  data)
{
  check_role (fixture, &roles[2]);
  /* A clerk of every village of the cooperative. */
  g_assert_null (furrow_store_get_villages (fixture->window->store));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/clerk", Fixture, fixture_set_up, test_clerk,
                     furrow_test_window_tear_down);

static void
test_viewer (Fixture       *fixture,
             gconstpointer  data)
{
  check_role (fixture, &roles[3]);
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/viewer", Fixture, fixture_set_up, test_viewer,
                     furrow_test_window_tear_down);

/* A file is its user's: everything offered, no line, no county view. */
static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  furrow_test_open_demo_project (fixture->window, fixture->base.tmpdir, "roles.gpkg");
  furrow_test_iterate (200);
  g_assert_cmpint (furrow_store_get_role (fixture->window->store), ==, FURROW_ROLE_MANAGER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window->role_banner)));
  g_assert_false (window_action_enabled (fixture, "win.county-view"));
  g_assert_true (window_action_enabled (fixture, "win.new-season"));
  g_assert_true (window_action_enabled (fixture, "win.draw-field"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/file", Fixture, fixture_set_up, test_file,
                     furrow_test_window_tear_down);

static gboolean
is_toast_with (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return furrow_test_find_first (GTK_WIDGET (fixture->window->toast_overlay), is_toast_with,
                                 "Not saved:") != NULL;
}

/* A clerk's window, then the manager makes the clerk a viewer: an edit made before the window
 * has heard of it (test_live()) is refused by the server (42501, PERMISSION), a toast says so,
 * and the register keeps its name. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *user = add_user ("demoted", FURROW_ROLE_CLERK);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(FurrowHousehold) stored = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  GtkWidget *name_row;

  open_as (fixture, user);
  households = furrow_store_get_households (fixture->window->store);
  household = g_list_model_get_item (households, 3);
  code = g_strdup (furrow_household_get_code (household));
  name = g_strdup (furrow_household_get_name (household));
  furrow_window_select_household (fixture->window, household);
  furrow_test_iterate (200);
  name_row = furrow_household_page_get_part (fixture->window->household_page,
                                             FURROW_HOUSEHOLD_PART_NAME_ROW);
  g_assert_true (gtk_widget_get_sensitive (name_row));

  g_assert_true (furrow_store_server_grant (furrow_test_pg_uri (), user, server.code_a,
                                            FURROW_ROLE_VIEWER, &error));
  g_assert_no_error (error);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "王改名");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_true (furrow_test_wait_until (toast_shown, fixture, 60));
  {
    GtkWidget *label = furrow_test_find_first (GTK_WIDGET (fixture->window->toast_overlay),
                                               is_toast_with, "Not saved:");
    const char *text = gtk_label_get_text (GTK_LABEL (label));

    /* The server's refusal names the user (docs/architecture.md, The backend seam: errors). */
    if (strstr (text, user) == NULL)
      g_error ("the toast “%s” does not name %s", text, user);
  }
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 5, "roles-refused.png");
  g_assert_false (furrow_history_get_can_undo (fixture->window->history));

  /* Nothing was written: the administrator reads the old name. */
  {
    g_autofree char *admin_path = g_strdup_printf ("%s#%s", furrow_test_pg_uri (),
                                                   server.code_a);
    g_autoptr(FurrowStore) admin = furrow_store_open (admin_path, &error);

    g_assert_no_error (error);
    stored = furrow_store_find_household (admin, code);
    g_assert_nonnull (stored);
    g_assert_cmpstr (furrow_household_get_name (stored), ==, name);
  }
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/refused", Fixture, fixture_set_up, test_refused,
                     furrow_test_window_tear_down);

typedef struct
{
  Fixture    *fixture;
  guint       n;         /* role-changed heard */
  const char *toast;     /* the toast awaited */
} HeardRole;

static void
role_changed_cb (FurrowStore *store,
                 HeardRole   *heard)
{
  heard->n++;
}

static gboolean
role_heard (gpointer data)
{
  HeardRole *heard = data;

  return heard->n > 0;
}

static gboolean
toast_role (gpointer data)
{
  HeardRole *heard = data;

  return furrow_test_find_first (GTK_WIDGET (heard->fixture->window->toast_overlay),
                                 is_toast_with, heard->toast) != NULL;
}

/* `furrow-cli server grant` USER ROLE, then the main loop runs until the window's store has
 * announced the new role (a notification on the cooperative's channel, docs/architecture.md,
 * Roles); the wait's time is reported, not asserted. */
static void
grant_and_wait (Fixture    *fixture,
                const char *user,
                const char *role,
                const char *toast)
{
  HeardRole heard = { fixture, 0, toast };
  gint64 start = g_get_monotonic_time ();

  g_signal_connect (fixture->window->store, "role-changed", G_CALLBACK (role_changed_cb),
                    &heard);
  furrow_test_run_cli_ok ("server", "grant", furrow_test_pg_uri (), user, "--cooperative",
                          server.code_a, "--role", role, NULL);
  g_assert_true (furrow_test_wait_until (role_heard, &heard, 30));
  g_test_message ("%s became %s in the open window after %.3f s", user, role,
                  (g_get_monotonic_time () - start) / 1e6);
  g_signal_handlers_disconnect_by_data (fixture->window->store, &heard);
  g_assert_cmpuint (heard.n, ==, 1);
  g_assert_true (furrow_test_wait_until (toast_role, &heard, 30));
  /* The pages rebuild in an idle after the signal. */
  furrow_test_iterate (200);
}

typedef struct
{
  Fixture   *fixture;
  GtkWidget *page;
  gboolean   manager;
} Offered;

static gboolean
offered_as (gpointer data)
{
  Offered *offered = data;

  return button_enabled (offered->page, "settlement.reopen") == offered->manager &&
         window_action_enabled (offered->fixture, "win.new-season") == offered->manager;
}

static gboolean
widget_insensitive (gpointer data)
{
  return !gtk_widget_get_sensitive (data);
}

/* The page and the window rebuild in idles after the role is heard, later on a loaded
 * machine than the 200 ms above: waited for (≤ 30 s), then asserted below. */
static void
wait_offered (Fixture   *fixture,
              GtkWidget *page,
              gboolean   manager)
{
  Offered offered = { fixture, page, manager };

  furrow_test_wait_until (offered_as, &offered, 30);
}

/* A clerk's window stays open while the administrator makes the clerk a manager with
 * `furrow-cli server grant`: once the store has heard it, the settled season's Reopen (settling
 * and reopening are the manager's, furrow-store-roles.h) and New Season are offered, the line
 * says "manager" and a toast says the role changed; made a clerk again, they are gone; made a
 * viewer, the household page's editors are too. */
static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *user = add_user ("promoted", FURROW_ROLE_CLERK);
  g_autoptr(GListModel) households = NULL;
  g_autoptr(FurrowHousehold) household = NULL;
  GtkWidget *name_row;
  GtkWidget *page;

  open_as (fixture, user);
  show_season (fixture, FURROW_DEMO_SEASON);
  page = furrow_test_show_season_page (fixture->window, "settlement",
                                       FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 200);
  g_assert_false (button_enabled (page, "settlement.reopen"));
  g_assert_false (window_action_enabled (fixture, "win.new-season"));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->role_banner), ", clerk"));

  grant_and_wait (fixture, user, "manager",
                  "Your role changed: you are now a manager of this cooperative");
  g_assert_cmpint (furrow_store_get_role (fixture->window->store), ==, FURROW_ROLE_MANAGER);
  wait_offered (fixture, page, TRUE);
  g_assert_true (button_enabled (page, "settlement.reopen"));
  g_assert_true (window_action_enabled (fixture, "win.new-season"));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->role_banner),
                            ", manager of this cooperative"));
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 5, "roles-live.png");

  grant_and_wait (fixture, user, "clerk",
                  "Your role changed: you are now a clerk of this cooperative");
  g_assert_cmpint (furrow_store_get_role (fixture->window->store), ==, FURROW_ROLE_CLERK);
  wait_offered (fixture, page, FALSE);
  g_assert_false (button_enabled (page, "settlement.reopen"));
  g_assert_false (window_action_enabled (fixture, "win.new-season"));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->role_banner), ", clerk"));

  /* Made a viewer: the household page's editors are no longer offered. */
  households = furrow_store_get_households (fixture->window->store);
  household = g_list_model_get_item (households, 0);
  furrow_window_select_household (fixture->window, household);
  furrow_test_iterate (200);
  name_row = furrow_household_page_get_part (fixture->window->household_page,
                                             FURROW_HOUSEHOLD_PART_NAME_ROW);
  g_assert_true (gtk_widget_get_sensitive (name_row));
  grant_and_wait (fixture, user, "viewer", "Your role changed: you may now read and print only");
  furrow_test_wait_until (widget_insensitive, name_row, 30);
  g_assert_false (gtk_widget_get_sensitive (name_row));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->role_banner), ", viewer"));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/live", Fixture, fixture_set_up, test_live,
                     furrow_test_window_tear_down);

/* The cooperative's stored yield presets, counted with psql around Furrow. */
static char *
count_presets (void)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM coop_%s.yield_presets",
                                          server.code_a);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (furrow_test_pg_psql ("furrow", sql, &out, &err) != 0)
    g_error ("psql: %s", err);
  return g_strchomp (g_steal_pointer (&out));
}

/* Types NAME into the editor's name row and presses Enter (its "apply"). */
static void
save_preset (FurrowYieldModelEditor *editor,
             GtkWidget              *name_row,
             const char             *name)
{
  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  g_signal_emit_by_name (name_row, "apply");
  furrow_test_iterate (100);
}

/* An agronomist's Yield Models editor stays open while the administrator makes the agronomist a
 * clerk with `furrow-cli server grant` (yield presets are the agronomist's and the manager's,
 * furrow-store-roles.h): once the store has heard it, the row that names a preset to save and
 * Delete Preset are insensitive, the group says why, and Enter in the row writes nothing (psql
 * counts the cooperative's presets: still 1); made an agronomist again, saving works (2). */
static void
test_yield_editor (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *user = add_user ("yields", FURROW_ROLE_AGRONOMIST);
  g_autofree char *before = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *after = NULL;
  FurrowYieldModelEditor *editor;
  AdwPreferencesGroup *group;
  GtkWidget *name_row;
  GtkWidget *delete_button;

  open_as (fixture, user);
  before = count_presets ();
  editor = furrow_yield_model_editor_new (GTK_WINDOW (fixture->window), fixture->window->store,
                                          fixture->window->history);
  gtk_window_present (GTK_WINDOW (editor));
  furrow_test_iterate (100);
  name_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                        FURROW_TYPE_YIELD_MODEL_EDITOR,
                                                        "name_row"));
  delete_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                             FURROW_TYPE_YIELD_MODEL_EDITOR,
                                                             "delete_button"));
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                FURROW_TYPE_YIELD_MODEL_EDITOR,
                                                                "save_group"));
  g_assert_cmpstr (before, ==, "0");
  g_assert_true (gtk_widget_get_sensitive (name_row));
  save_preset (editor, name_row, "Our fields");
  saved = count_presets ();
  g_assert_cmpstr (saved, ==, "1");
  /* The saved preset is selected: it may be deleted. */
  g_assert_true (gtk_widget_get_sensitive (delete_button));

  grant_and_wait (fixture, user, "clerk",
                  "Your role changed: you are now a clerk of this cooperative");
  g_assert_false (gtk_widget_get_sensitive (name_row));
  g_assert_false (gtk_widget_get_sensitive (delete_button));
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==,
                   "Saving and deleting presets is for the agronomist or the manager; your "
                   "role only reads them.");
  furrow_test_save_widget_screenshot (GTK_WIDGET (editor), 5, "roles-yield-editor.png");
  save_preset (editor, name_row, "Not mine");
  refused = count_presets ();
  g_assert_cmpstr (refused, ==, "1");

  grant_and_wait (fixture, user, "agronomist",
                  "Your role changed: you are now an agronomist of this cooperative");
  g_assert_true (gtk_widget_get_sensitive (name_row));
  g_assert_true (gtk_widget_get_sensitive (delete_button));
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==,
                   "Saved in the project: the planner and furrow-cli offer it too.");
  save_preset (editor, name_row, "Ours again");
  after = count_presets ();
  g_assert_cmpstr (after, ==, "2");
  gtk_window_destroy (GTK_WINDOW (editor));
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/yield-editor", Fixture, fixture_set_up,
                     test_yield_editor, furrow_test_window_tear_down);

/* County view ---------------------------------------------------------------------------- */

static gboolean
county_read (gpointer data)
{
  return !furrow_county_window_is_loading (data);
}

static JsonObject *
summary_json (JsonParser *parser,
              const char *year)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  if (year != NULL)
    g_assert_cmpint (furrow_test_run_cli (&out, &err, "summary", "--server",
                                          furrow_test_pg_uri (), "--year", year, "--json",
                                          NULL), ==, 0);
  else
    g_assert_cmpint (furrow_test_run_cli (&out, &err, "summary", "--server",
                                          furrow_test_pg_uri (), "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
cell (FurrowCountyWindow *window,
      guint               row,
      FurrowCountyColumn  column)
{
  GtkLabel *label = furrow_county_window_get_cell (window, row, column);

  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

static void
assert_yuan (FurrowCountyWindow *window,
             guint               row,
             FurrowCountyColumn  column,
             JsonObject         *figures,
             const char         *member)
{
  g_autofree char *expected = furrow_format_yuan (json_object_get_int_member (figures, member));

  g_assert_cmpstr (cell (window, row, column), ==, expected);
}

/* Each row of the window, the cooperatives' and the totals', is the JSON's. */
static void
assert_rows_equal (FurrowCountyWindow *window,
                   JsonObject         *summary)
{
  JsonArray *cooperatives = json_object_get_array_member (summary, "cooperatives");
  guint n = json_array_get_length (cooperatives);

  g_assert_cmpuint (furrow_county_window_get_year (window), ==,
                    json_object_get_int_member (summary, "crop_year"));
  g_assert_cmpuint (furrow_county_window_get_n_rows (window), ==, n);
  for (guint row = 0; row <= n; row++)
    {
      JsonObject *f = row < n ? json_array_get_object_element (cooperatives, row)
                              : json_object_get_object_member (summary, "total");
      JsonObject *planned = json_object_get_object_member (f, "planned");
      g_autofree char *mu =
        furrow_format_mu_grouped (json_object_get_double_member (f, "custody_area_m2"));
      g_autofree char *fields = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 json_object_get_int_member (f, "fields"));
      g_autofree char *households = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     json_object_get_int_member (f,
                                                                                 "households"));
      g_autofree char *plans = g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT
                                                " / %" G_GINT64_FORMAT,
                                                json_object_get_int_member (planned, "maize"),
                                                json_object_get_int_member (planned, "soybean"),
                                                json_object_get_int_member (planned, "strip"));

      if (row < n)
        g_assert_cmpstr (cell (window, row, FURROW_COUNTY_COLUMN_CODE), ==,
                         json_object_get_string_member (f, "cooperative"));
      g_assert_cmpstr (cell (window, row, FURROW_COUNTY_COLUMN_CUSTODY_MU), ==, mu);
      g_assert_cmpstr (cell (window, row, FURROW_COUNTY_COLUMN_FIELDS), ==, fields);
      g_assert_cmpstr (cell (window, row, FURROW_COUNTY_COLUMN_HOUSEHOLDS), ==, households);
      g_assert_cmpstr (cell (window, row, FURROW_COUNTY_COLUMN_PLANNED), ==, plans);
      assert_yuan (window, row, FURROW_COUNTY_COLUMN_PREDICTED, f, "predicted_revenue_fen");
      assert_yuan (window, row, FURROW_COUNTY_COLUMN_SETTLED, f, "settled_income_fen");
      assert_yuan (window, row, FURROW_COUNTY_COLUMN_PAID, f, "paid_fen");
      assert_yuan (window, row, FURROW_COUNTY_COLUMN_UNPAID, f, "unpaid_fen");
    }
}

/* The cell under `column` of the cooperative `code`'s row. */
static const char *
row_cell (FurrowCountyWindow *window,
          const char         *code,
          FurrowCountyColumn  column)
{
  for (guint row = 0; row < furrow_county_window_get_n_rows (window); row++)
    if (g_strcmp0 (cell (window, row, FURROW_COUNTY_COLUMN_CODE), code) == 0)
      return cell (window, row, column);
  g_error ("no row for %s", code);
  return NULL;
}

/* One amount in fen read by psql as the cluster's owner from the cooperative `code`'s own
 * tables (its schema, coop_CODE), going around Furrow. */
static gint64
psql_fen (const char *code,
          const char *sql)
{
  g_autofree char *text = g_strdup_printf ("SET search_path TO coop_%s; %s", code, sql);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  char *end = NULL;
  gint64 fen;

  if (furrow_test_pg_psql ("furrow", text, &out, &err) != 0)
    g_error ("psql: %s", err);
  fen = g_ascii_strtoll (out, &end, 10);
  g_assert_true (end != out && (*end == '\0' || *end == '\n'));
  return fen;
}

/* Apart from the county summary (its JSON is furrow_store_county_summary(), as the window is):
 * each cooperative's settled income is the total its settlement froze for its settled seasons of
 * 2025 (season_settlements, one row a settled season), its paid and unpaid amounts add up to
 * what the settlement owes its households (the settlement rows above 0, docs/domain.md §12), and
 * the county's totals are the sums of the cooperatives' own figures. */
static void
assert_settled_apart (FurrowCountyWindow *window,
                      JsonObject         *summary)
{
  JsonArray *cooperatives = json_object_get_array_member (summary, "cooperatives");
  guint n = furrow_county_window_get_n_rows (window);
  gint64 income_sum = 0;
  gint64 owed_sum = 0;
  g_autofree char *total_income = NULL;

  g_assert_cmpuint (json_array_get_length (cooperatives), ==, n);
  for (guint row = 0; row < n; row++)
    {
      const char *code = cell (window, row, FURROW_COUNTY_COLUMN_CODE);
      JsonObject *f = json_array_get_object_element (cooperatives, row);
      gint64 income = psql_fen (code, "SELECT coalesce (sum (t.income_fen), 0) "
                                      "FROM season_settlements t JOIN seasons s "
                                      "ON s.id = t.season_id "
                                      "WHERE s.crop_year = 2025 AND s.state = 'settled'");
      gint64 owed = psql_fen (code, "SELECT coalesce (sum (r.total_fen), 0) "
                                    "FROM settlements r JOIN seasons s "
                                    "ON s.id = r.season_id "
                                    "WHERE s.crop_year = 2025 AND s.state = 'settled' "
                                    "AND r.total_fen > 0");
      g_autofree char *shown = furrow_format_yuan (income);

      /* The demo's settled season: an income, and households owed money. */
      g_assert_cmpint (income, >, 0);
      g_assert_cmpint (owed, >, 0);
      g_assert_cmpstr (cell (window, row, FURROW_COUNTY_COLUMN_SETTLED), ==, shown);
      g_assert_cmpint (json_object_get_int_member (f, "paid_fen") +
                       json_object_get_int_member (f, "unpaid_fen"), ==, owed);
      income_sum += income;
      owed_sum += owed;
    }
  total_income = furrow_format_yuan (income_sum);
  g_assert_cmpstr (cell (window, n, FURROW_COUNTY_COLUMN_SETTLED), ==, total_income);
  {
    JsonObject *total = json_object_get_object_member (summary, "total");

    g_assert_cmpint (json_object_get_int_member (total, "settled_income_fen"), ==, income_sum);
    g_assert_cmpint (json_object_get_int_member (total, "paid_fen") +
                     json_object_get_int_member (total, "unpaid_fen"), ==, owed_sum);
  }
}

static void
test_county (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonParser) latest_parser = json_parser_new ();
  g_autoptr(JsonParser) settled_parser = json_parser_new ();
  FurrowCountyWindow *county;
  JsonObject *latest;
  JsonObject *settled;
  guint n;

  open_as (fixture, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.county-view", NULL);
  county = FURROW_COUNTY_WINDOW (furrow_test_find_toplevel (FURROW_TYPE_COUNTY_WINDOW));
  g_assert_nonnull (county);
  gtk_window_set_default_size (GTK_WINDOW (county), 1024, 700);
  g_assert_true (furrow_test_wait_until (county_read, county, 120));
  furrow_test_wait_for_frame (GTK_WIDGET (county));

  /* The latest crop year on the server: A's 2026 春, every field planned in strips. */
  latest = summary_json (latest_parser, NULL);
  g_assert_cmpint (json_object_get_int_member (latest, "crop_year"), ==, 2026);
  assert_rows_equal (county, latest);
  n = furrow_county_window_get_n_rows (county);
  g_assert_cmpuint (n, >=, 2);
  /* By hand: each cooperative is the demo's register (furrow-demo.h), and only A planned 2026:
   * its 40 fields in strips. */
  g_assert_cmpstr (row_cell (county, server.code_a, FURROW_COUNTY_COLUMN_FIELDS), ==, "40");
  g_assert_cmpstr (row_cell (county, server.code_b, FURROW_COUNTY_COLUMN_HOUSEHOLDS), ==, "300");
  g_assert_cmpstr (row_cell (county, server.code_a, FURROW_COUNTY_COLUMN_PLANNED), ==,
                   "0 / 0 / 40");
  g_assert_cmpstr (row_cell (county, server.code_b, FURROW_COUNTY_COLUMN_PLANNED), ==,
                   "0 / 0 / 0");
  {
    g_autofree char *fields = g_strdup_printf ("%u", 40 * n);
    g_autofree char *households = g_strdup_printf ("%u", 300 * n);

    g_assert_cmpstr (cell (county, n, FURROW_COUNTY_COLUMN_FIELDS), ==, fields);
    g_assert_cmpstr (cell (county, n, FURROW_COUNTY_COLUMN_HOUSEHOLDS), ==, households);
  }
  {
    g_autofree char *nothing = furrow_format_yuan (0);

    /* Nothing of 2026 is settled. */
    g_assert_cmpstr (cell (county, n, FURROW_COUNTY_COLUMN_SETTLED), ==, nothing);
  }

  /* Crop year 2025, as --year: the demo's settled, partly paid season in every cooperative. */
  furrow_county_window_set_year (county, 2025);
  g_assert_true (furrow_county_window_is_loading (county));
  g_assert_true (furrow_test_wait_until (county_read, county, 120));
  furrow_test_wait_for_frame (GTK_WIDGET (county));
  settled = summary_json (settled_parser, "2025");
  assert_rows_equal (county, settled);
  assert_settled_apart (county, settled);
  {
    JsonObject *total = json_object_get_object_member (settled, "total");

    g_assert_cmpint (json_object_get_int_member (total, "settled_seasons"), ==, n);
    g_assert_cmpint (json_object_get_int_member (total, "paid_fen"), >, 0);
    g_assert_cmpint (json_object_get_int_member (total, "unpaid_fen"), >, 0);
  }

  /* No amount cut short at 1024×700. */
  g_assert_cmpuint (furrow_test_check_money (GTK_WIDGET (county), "county view"), >=,
                    4 * (n + 1));
  furrow_test_save_widget_screenshot (GTK_WIDGET (county), 5, "county-view.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/window-roles/county", Fixture, fixture_set_up, test_county,
                     furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
