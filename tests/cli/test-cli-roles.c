/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roles of a custody centre's server (docs/architecture.md, The backend seam, Roles; README,
 * A custody centre's server), on the throwaway cluster of suite pg: `furrow-cli server add-user`
 * and `grant` make the users; for each role one thing it may do and one it may not, through
 * furrow-cli (exit 1, a message naming the user and the action) AND around Furrow with psql as
 * that user (the database itself refuses); a clerk limited to village A neither reads nor changes
 * village B's households; a clerk enters a harvest but cannot settle; the password never
 * reaches the server's log, only its SCRAM verifier is kept.
 *
 * The register is the demo's (app/core/register/furrow-demo.h): 300 households whose codes
 * (CBFBM) begin with the village group 37078210220101, so with village 370782102201 (county
 * 370782, township 102, village 201, docs/domain.md §2). Village B, 370782103301, is a household
 * the manager imports. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-store-roles.h"
#include "furrow-test-cli.h"
#include "furrow-test-pg.h"
#include "furrow-test.h"

#define VILLAGE_A    "370782102201"
#define HOUSEHOLD_A  "370782102201010001"    /* the demo's first household */
#define HOUSEHOLD_B  "370782103301010001"    /* village B, imported below */
#define PASSWORD     "Furrow-test-pw-7Kq2"

/* The harvests of the season the clerk enters one in. */
#define THIS_SEASON " WHERE season_id = (SELECT id FROM seasons WHERE name = '2024 夏')"

/* psql as user, going around Furrow: one SQL text inside the cooperative's schema. Returns
 * psql's exit status (0, or 1 with ON_ERROR_STOP when the server refused). */
static int
psql_as (const char  *user,
         const char  *code,
         const char  *sql,
         char       **out,
         char       **err)
{
  g_autofree char *text = g_strdup_printf ("SET search_path TO coop_%s, furrow, public; %s",
                                           code, sql);

  return furrow_test_pg_psql (user, text, out, err);
}

/* The same as the cluster's superuser, for what the test checks behind the users' backs. */
static char *
psql_admin (const char *code,
            const char *sql)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (psql_as ("furrow", code, sql, &out, &err) != 0)
    g_error ("psql: %s", err);
  return g_strchomp (g_steal_pointer (&out));
}

/* furrow-cli refused with exit 1 and one stderr line holding each of the expected texts. */
static void
assert_refused (const char *const *args,
                const char        *first,
                ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  g_assert_cmpint (furrow_test_run_cliv (args, &out, &err), ==, 1);
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  /* A whole sentence ("…; ask the centre’s manager for that right", not "… for the right to"),
   * naming the server once (not "postgresql://…#code: postgresql://…: clerk may not …"). */
  if (g_str_has_suffix (err, " to\n"))
    g_error ("furrow-cli's message stops in the middle of a sentence: %s", err);
  if (strstr (err, "postgresql://") != NULL &&
      strstr (strstr (err, "postgresql://") + 1, "postgresql://") != NULL)
    g_error ("furrow-cli's message names the server twice: %s", err);
  va_start (ap, first);
  for (const char *text = first; text != NULL; text = va_arg (ap, const char *))
    if (strstr (err, text) == NULL)
      g_error ("“%s” is not in furrow-cli's message: %s", text, err);
  va_end (ap);
}

static void
assert_psql_refused (const char *user,
                     const char *code,
                     const char *sql,
                     const char *expected)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (psql_as (user, code, sql, &out, &err), ==, 1);
  if (strstr (err, expected) == NULL)
    g_error ("“%s” is not in psql's message: %s", expected, err);
}

static void
add_user (const char *code,
          const char *name,
          const char *role,
          const char *villages)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *out = NULL;
  g_autofree char *expected = g_strdup_printf ("\"role\" : \"%s\"", role);

  if (villages != NULL)
    g_assert_cmpint (furrow_test_run_cli (&out, NULL, "server", "add-user", uri, name, "--role",
                                          role, "--cooperative", code, "--villages", villages,
                                          "--json", NULL), ==, 0);
  else
    g_assert_cmpint (furrow_test_run_cli (&out, NULL, "server", "add-user", uri, name, "--role",
                                          role, "--cooperative", code, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, expected));
}

/* A demo cooperative, a season "2024 夏" made by the manager, users of the four roles in it
 * only (names PREFIX_manager …). */
static char *
set_up_cooperative (const char *prefix)
{
  g_autofree char *code = furrow_test_pg_unique_name (prefix);
  const char *roles[] = { "manager", "agronomist", "clerk", "viewer" };

  g_setenv ("FURROW_PASSWORD", PASSWORD, TRUE);
  furrow_test_pg_create_demo (code);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s_%s", code, roles[i]);

      add_user (code, name, roles[i], NULL);
    }
  return g_steal_pointer (&code);
}

static void
test_each_role (void)
{
  g_autofree char *code = set_up_cooperative ("roles");
  g_autofree char *manager = g_strdup_printf ("%s_manager", code);
  g_autofree char *agronomist = g_strdup_printf ("%s_agronomist", code);
  g_autofree char *clerk = g_strdup_printf ("%s_clerk", code);
  g_autofree char *viewer = g_strdup_printf ("%s_viewer", code);
  g_autofree char *as_manager = furrow_test_pg_uri_as (manager);
  g_autofree char *as_agronomist = furrow_test_pg_uri_as (agronomist);
  g_autofree char *as_clerk = furrow_test_pg_uri_as (clerk);
  g_autofree char *as_viewer = furrow_test_pg_uri_as (viewer);
  g_autofree char *dir = g_dir_make_tmp ("furrow-roles-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "households.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *count = NULL;

  /* Manager: creates the season (allowed); may not add users, which is the server
   * administrator's (CREATEROLE) — neither through furrow-cli nor with psql. */
  {
    const char *create[] = { "season", "--project", as_manager, "--cooperative", code, "create",
                             "2024 夏", "--year", "2024", NULL };
    const char *add[] = { "server", "add-user", as_manager, "intruder", "--role", "manager",
                          NULL };

    g_assert_cmpint (furrow_test_run_cliv (create, NULL, NULL), ==, 0);
    assert_refused (add, manager, "may not add users", NULL);
    assert_psql_refused (manager, code, "CREATE ROLE intruder LOGIN", "permission denied");
    g_assert_cmpstr (psql_admin (code, "SELECT count(*) FROM pg_roles WHERE rolname = "
                                       "'intruder'"), ==, "0");
  }

  /* Agronomist: plans every field (allowed: 40 plans); may not set a season's prices. */
  {
    const char *plan[] = { "season", "--project", as_agronomist, "--cooperative", code, "plan",
                           "2024 夏", "--all", "--preset", "2+4", NULL };
    const char *price[] = { "season", "--project", as_agronomist, "--cooperative", code,
                            "set-price", "2024 夏", "maize", "250", NULL };
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_cmpint (furrow_test_run_cliv (plan, &out, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    count = psql_admin (code, "SELECT count(*) FROM plans JOIN seasons ON seasons.id = season_id"
                              " WHERE name = '2024 夏'");
    g_assert_cmpstr (count, ==, "40");
    g_clear_pointer (&count, g_free);

    before = psql_admin (code, "SELECT price_fen_per_kg FROM season_prices WHERE crop = 'maize'");
    g_assert_cmpstr (before, !=, "250");
    assert_refused (price, agronomist, "may not change seasons or their money rules", NULL);
    assert_psql_refused (agronomist, code, "UPDATE season_prices SET price_fen_per_kg = 250",
                         "permission denied for table season_prices");
    after = psql_admin (code, "SELECT price_fen_per_kg FROM season_prices WHERE crop = 'maize'");
    g_assert_cmpstr (after, ==, before);
  }

  /* Clerk: imports a household into the register (allowed); may not plan; may not delete a
   * household (a manager's), with psql either. */
  {
    const char *import[] = { "import", "--project", as_clerk, "--cooperative", code, csv, NULL };
    const char *plan[] = { "season", "--project", as_clerk, "--cooperative", code, "plan",
                           "2024 夏", "--all", "--preset", "2+4", NULL };

    g_assert_true (g_file_set_contents (csv, "CBFBM,CBFMC\n370782102201019001,登记员户\n", -1,
                                        NULL));
    g_assert_cmpint (furrow_test_run_cliv (import, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    count = psql_admin (code, "SELECT count(*) FROM households");
    g_assert_cmpstr (count, ==, "301");
    g_clear_pointer (&count, g_free);
    assert_refused (plan, clerk, "may not change plans", NULL);
    assert_psql_refused (clerk, code, "DELETE FROM households WHERE code = '370782102201019001'",
                         "permission denied for table households");
    count = psql_admin (code, "SELECT count(*) FROM households");
    g_assert_cmpstr (count, ==, "301");
    g_clear_pointer (&count, g_free);
  }

  /* Clerk: enters a harvest (allowed: the season becomes harvested, a clerk's one change of a
   * season's row); may not settle it (row-level security on seasons), with psql either. */
  {
    const char *harvest[] = { "season", "--project", as_clerk, "--cooperative", code, "harvest",
                              "2024 夏", "--field", "T01", "--crop", "maize", "--kg", "30000",
                              "--revenue-fen", "7500000", NULL };
    const char *settle[] = { "season", "--project", as_clerk, "--cooperative", code, "settle",
                             "2024 夏", "--force", NULL };

    g_assert_cmpint (furrow_test_run_cliv (harvest, &out, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    count = psql_admin (code, "SELECT state || ' ' || (SELECT count(*) FROM harvests WHERE "
                              "season_id = seasons.id) FROM seasons WHERE name = '2024 夏'");
    g_assert_cmpstr (count, ==, "harvested 1");
    g_clear_pointer (&count, g_free);
    g_assert_cmpint (furrow_test_run_cliv (settle, &out, &err), ==, 1);
    if (strstr (err, "may not settle or reopen a season") == NULL)
      g_error ("the clerk's settle: %s", err);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    assert_psql_refused (clerk, code, "UPDATE seasons SET state = 'settled' WHERE name = "
                                      "'2024 夏'",
                         "row-level security");
    count = psql_admin (code, "SELECT state || ' ' || (SELECT count(*) FROM settlements WHERE "
                              "season_id = seasons.id) FROM seasons WHERE name = '2024 夏'");
    g_assert_cmpstr (count, ==, "harvested 0");
    g_clear_pointer (&count, g_free);

    /* Around Furrow too: the clerk's harvest was written as the clerk (version 1); with psql the
     * clerk corrects it to 30,500 kg (version 2, named by the database, not by the client), but
     * may change neither the season's money rules (a price, an actual cost) nor its name, notes
     * or row version (only its state), and nothing of theirs is written. */
    {
      const char *sql = "SELECT changed_by || ' ' || row_version FROM harvests" THIS_SEASON;
      g_autofree char *expected = g_strdup_printf ("%s 1", clerk);

      count = psql_admin (code, sql);
      g_assert_cmpstr (count, ==, expected);
      g_clear_pointer (&count, g_free);
      g_free (expected);
      expected = g_strdup_printf ("%s 2 30500", clerk);
      g_assert_cmpint (psql_as (clerk, code, "UPDATE harvests SET yield_kg = 30500, row_version ="
                                             " row_version + 1, changed_by = 'someone_else'"
                                             THIS_SEASON,
                                &out, NULL), ==, 0);
      g_clear_pointer (&out, g_free);
      count = psql_admin (code, "SELECT changed_by || ' ' || row_version || ' ' || yield_kg "
                                "FROM harvests" THIS_SEASON);
      g_assert_cmpstr (count, ==, expected);
      g_clear_pointer (&count, g_free);
    }
    assert_psql_refused (clerk, code, "UPDATE season_prices SET price_fen_per_kg = 250",
                         "permission denied for table season_prices");
    assert_psql_refused (clerk, code, "INSERT INTO season_actual_costs (season_id, item, fen) "
                                      "SELECT id, 'seed', 100 FROM seasons",
                         "permission denied for table season_actual_costs");
    assert_psql_refused (clerk, code, "UPDATE seasons SET notes = 'x', row_version = row_version"
                                      " + 1 WHERE name = '2024 夏'",
                         "permission denied for table seasons");
    count = psql_admin (code, "SELECT (SELECT count(*) FROM season_actual_costs WHERE "
                              "season_id = seasons.id) || ' ' || "
                              "row_version || ' [' || coalesce (notes, '') || ']' FROM seasons "
                              "WHERE name = '2024 夏'");
    g_assert_cmpstr (count, ==, "0 1 []");
    g_clear_pointer (&count, g_free);
  }

  /* Viewer: lists the 301 households (allowed); may not create a season nor change a name. */
  {
    const char *list[] = { "list", "--project", as_viewer, "--cooperative", code, "households",
                           NULL };
    const char *create[] = { "season", "--project", as_viewer, "--cooperative", code, "create",
                             "2026 春", "--year", "2026", NULL };

    g_assert_cmpint (furrow_test_run_cliv (list, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "301 households"));
    g_clear_pointer (&out, g_free);
    assert_refused (create, viewer, "may not change seasons or their money rules", NULL);
    assert_psql_refused (viewer, code, "UPDATE households SET name = 'x' WHERE code = '"
                                       HOUSEHOLD_A "'", "permission denied for table households");
    count = psql_admin (code, "SELECT count(*) FROM seasons WHERE name = '2026 春'");
    g_assert_cmpstr (count, ==, "0");
    g_clear_pointer (&count, g_free);
  }

  /* A user of another cooperative only: no role here (exit 1 naming it), and psql cannot read
   * the schema either. */
  {
    g_autofree char *other = set_up_cooperative ("other");
    g_autofree char *stranger = g_strdup_printf ("%s_viewer", other);
    g_autofree char *as_stranger = furrow_test_pg_uri_as (stranger);
    g_autofree char *expected = g_strdup_printf ("has no role in cooperative %s", code);
    const char *list[] = { "list", "--project", as_stranger, "--cooperative", code, "households",
                           NULL };
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM coop_%s.households", code);

    assert_refused (list, stranger, expected, NULL);
    assert_psql_refused (stranger, code, sql, "permission denied for schema");

    /* The county view shows the stranger their own cooperative only, not an error. */
    {
      g_autofree char *summary = NULL;
      g_autofree char *their_row = g_strdup_printf ("\"%s\"", other);
      g_autofree char *our_row = g_strdup_printf ("\"%s\"", code);

      g_assert_cmpint (furrow_test_run_cli (&summary, NULL, "summary", "--server",
                                            as_stranger, "--json", NULL), ==, 0);
      g_assert_nonnull (strstr (summary, their_row));
      g_assert_null (strstr (summary, our_row));
    }

    /* `server list` names only the cooperatives the user may open: the stranger's and the
     * clerk's own one each, both for the server's administrator. */
    {
      const char *as_users[] = { as_stranger, as_clerk, furrow_test_pg_uri () };
      const gboolean lists_ours[] = { FALSE, TRUE, TRUE };
      const gboolean lists_theirs[] = { TRUE, FALSE, TRUE };

      for (guint i = 0; i < G_N_ELEMENTS (as_users); i++)
        {
          g_autofree char *listed = NULL;
          g_autofree char *ours = g_strdup_printf ("%s\n", code);
          g_autofree char *theirs = g_strdup_printf ("%s\n", other);

          g_assert_cmpint (furrow_test_run_cli (&listed, NULL, "server", "list", as_users[i],
                                                NULL), ==, 0);
          g_assert_cmpint (strstr (listed, ours) != NULL, ==, lists_ours[i]);
          g_assert_cmpint (strstr (listed, theirs) != NULL, ==, lists_theirs[i]);
        }
    }
  }

  /* grant: the viewer becomes this cooperative's clerk and may now import. */
  {
    const char *grant[] = { "server", "grant", furrow_test_pg_uri (), viewer, "--cooperative",
                            code, "--role", "clerk", NULL };
    const char *import[] = { "import", "--project", as_viewer, "--cooperative", code, csv,
                             NULL };

    g_assert_true (g_file_set_contents (csv, "CBFBM,CBFMC\n370782102201019002,查看员户\n", -1,
                                        NULL));
    g_assert_cmpint (furrow_test_run_cliv (grant, &out, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (furrow_test_run_cliv (import, &out, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    count = psql_admin (code, "SELECT count(*) FROM households");
    g_assert_cmpstr (count, ==, "302");
    g_clear_pointer (&count, g_free);
  }

  /* The audit log's actor is the database user who made each change. */
  count = psql_admin (code, "SELECT string_agg (DISTINCT actor, ',' ORDER BY actor) FROM "
                            "audit_log");
  g_assert_nonnull (strstr (count, clerk));
  g_assert_nonnull (strstr (count, manager));
  g_clear_pointer (&count, g_free);

  g_unlink (csv);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/cli/roles/each-role", test_each_role);

/* `furrow-cli server revoke` (README, Users and roles): the cooperative's manager, not the
 * server's administrator, may not take a role away (exit 1, the viewer keeps reading with
 * psql); the administrator revokes the clerk's role, and then furrow-cli refuses the clerk the
 * cooperative naming them, psql is refused its schema, the household count psql reads as the
 * administrator is unchanged, and a second revoke says the clerk has no role there. */
static void
test_revoke (void)
{
  g_autofree char *code = set_up_cooperative ("revoke");
  g_autofree char *manager = g_strdup_printf ("%s_manager", code);
  g_autofree char *clerk = g_strdup_printf ("%s_clerk", code);
  g_autofree char *viewer = g_strdup_printf ("%s_viewer", code);
  g_autofree char *as_manager = furrow_test_pg_uri_as (manager);
  g_autofree char *as_clerk = furrow_test_pg_uri_as (clerk);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM coop_%s.households", code);
  g_autofree char *expected = g_strdup_printf ("has no role in cooperative %s", code);
  g_autofree char *before = psql_admin (code, "SELECT count(*) FROM households");
  g_autofree char *after = NULL;
  const char *list[] = { "list", "--project", as_clerk, "--cooperative", code, "households",
                         NULL };
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (psql_as (clerk, code, sql, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, before));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "server", "revoke", as_manager, viewer,
                                        "--cooperative", code, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (psql_as (viewer, code, sql, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "server", "revoke", uri, clerk,
                                        "--cooperative", code, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  assert_refused (list, clerk, expected, NULL);
  assert_psql_refused (clerk, code, sql, "permission denied for schema");
  after = psql_admin (code, "SELECT count(*) FROM households");
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (furrow_test_run_cli (&out, &err, "server", "revoke", uri, clerk,
                                        "--cooperative", code, NULL), ==, 1);
  g_assert_nonnull (strstr (err, expected));
}
FURROW_TEST ("/furrow/cli/roles/revoke", test_revoke);

/* A clerk limited to village A: lists village A's households only, cannot import a household of
 * village B, and with psql neither sees nor changes B's row (the database's row-level security);
 * the manager sees both villages. */
static void
test_villages (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *code = set_up_cooperative ("villages");
  g_autofree char *manager = g_strdup_printf ("%s_manager", code);
  g_autofree char *clerk = g_strdup_printf ("%s_village_clerk", code);
  g_autofree char *as_manager = furrow_test_pg_uri_as (manager);
  g_autofree char *as_clerk = furrow_test_pg_uri_as (clerk);
  g_autofree char *dir = g_dir_make_tmp ("furrow-roles-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "village-b.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *value = NULL;

  add_user (code, clerk, "clerk", VILLAGE_A);

  /* What the window reads of each user (furrow_store_get_role(), furrow-window-roles.c): the
   * clerk and its village, the manager in every village, the administrator who made the
   * cooperative its manager. */
  {
    const char *users[] = { as_clerk, as_manager, uri };
    const FurrowRole roles[] = { FURROW_ROLE_CLERK, FURROW_ROLE_MANAGER, FURROW_ROLE_MANAGER };

    for (guint i = 0; i < G_N_ELEMENTS (users); i++)
      {
        g_autofree char *path = g_strdup_printf ("%s#%s", users[i], code);
        g_autoptr(GError) error = NULL;
        g_autoptr(FurrowStore) store = furrow_store_open (path, &error);
        const char *const *villages;

        g_assert_no_error (error);
        g_assert_cmpint (furrow_store_get_role (store), ==, roles[i]);
        villages = furrow_store_get_villages (store);
        if (i == 0)
          g_assert_cmpstrv (villages, ((const char *const[]) { VILLAGE_A, NULL }));
        else
          g_assert_null (villages);
      }
  }

  /* Only a clerk is limited to villages. */
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "add-user", uri, "x_viewer",
                                        "--role", "viewer", "--villages", VILLAGE_A, NULL), ==,
                   1);
  g_assert_nonnull (strstr (err, "only a clerk is limited to villages"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "add-user", uri, "x_clerk",
                                        "--role", "clerk", "--villages", "3707821022", NULL), ==,
                   1);
  g_assert_nonnull (strstr (err, "“3707821022” is not a village"));
  g_clear_pointer (&err, g_free);

  /* The manager imports a household of village B. */
  g_assert_true (g_file_set_contents (csv, "CBFBM,CBFMC\n" HOUSEHOLD_B ",乙村户\n", -1, NULL));
  {
    const char *import[] = { "import", "--project", as_manager, "--cooperative", code, csv,
                             NULL };
    const char *list[] = { "list", "--project", as_manager, "--cooperative", code, "households",
                           NULL };

    g_assert_cmpint (furrow_test_run_cliv (import, &out, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (furrow_test_run_cliv (list, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "301 households"));
    g_assert_nonnull (strstr (out, HOUSEHOLD_B));
    g_clear_pointer (&out, g_free);
  }

  /* The clerk: 300 households, all of village A, none of B. */
  {
    const char *list[] = { "list", "--project", as_clerk, "--cooperative", code, "households",
                           NULL };

    g_assert_cmpint (furrow_test_run_cliv (list, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "300 households"));
    g_assert_nonnull (strstr (out, HOUSEHOLD_A));
    g_assert_null (strstr (out, HOUSEHOLD_B));
    g_clear_pointer (&out, g_free);
  }

  /* The clerk may not add a household of village B. */
  g_assert_true (g_file_set_contents (csv, "CBFBM,CBFMC\n370782103301010002,乙村新户\n", -1,
                                      NULL));
  {
    const char *import[] = { "import", "--project", as_clerk, "--cooperative", code, csv,
                             NULL };

    assert_refused (import, clerk, "may not change households", "row-level security", NULL);
  }

  /* Around Furrow: psql as the clerk counts no household of B, and an update of B's name
   * changes nothing (UPDATE 0: the row is not there for the clerk) … */
  g_assert_cmpint (psql_as (clerk, code, "SELECT count(*) FROM households WHERE code LIKE "
                                         "'370782103301%'", &out, NULL), ==, 0);
  g_assert_cmpstr (g_strchomp (out), ==, "0");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (psql_as (clerk, code, "SELECT count(*) FROM households", &out, NULL), ==, 0);
  g_assert_cmpstr (g_strchomp (out), ==, "300");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (psql_as (clerk, code, "UPDATE households SET name = '改名' WHERE code = '"
                                         HOUSEHOLD_B "' RETURNING code", &out, NULL), ==, 0);
  g_assert_cmpstr (g_strchomp (out), ==, "");
  g_clear_pointer (&out, g_free);
  /* … nor can it move a household of A into village B. */
  assert_psql_refused (clerk, code, "UPDATE households SET code = '370782103301010009' WHERE "
                                    "code = '" HOUSEHOLD_A "'", "row-level security");
  value = psql_admin (code, "SELECT name FROM households WHERE code = '" HOUSEHOLD_B "'");
  g_assert_cmpstr (value, ==, "乙村户");
  g_clear_pointer (&value, g_free);
  value = psql_admin (code, "SELECT count(*) FROM households");
  g_assert_cmpstr (value, ==, "301");
  g_clear_pointer (&value, g_free);

  g_unlink (csv);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/cli/roles/villages", test_villages);

/* The password is the user's (it works as the role's password: its SCRAM verifier is kept) and
 * never reaches the server: not in its log, not in pg_authid. */
static void
test_password (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *code = set_up_cooperative ("password");
  g_autofree char *log_path = g_build_filename (g_getenv ("FURROW_TEST_PG_DIR"), "server.log",
                                                NULL);
  g_autofree char *log = NULL;
  g_autofree char *verifier = NULL;
  g_autofree char *err = NULL;
  g_autofree char *name = g_strdup_printf ("%s_manager", code);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT rolpassword FROM pg_authid WHERE rolname = "
                                            "'%s'", name);

    verifier = psql_admin (code, sql);
  }
  g_assert_true (g_str_has_prefix (verifier, "SCRAM-SHA-256$4096:"));
  g_assert_null (strstr (verifier, PASSWORD));
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  g_assert_null (strstr (log, PASSWORD));

  /* No password, no user: FURROW_PASSWORD unset and no terminal (exit 1); a name taken. */
  g_unsetenv ("FURROW_PASSWORD");
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "add-user", uri, "nopw_user",
                                        "--role", "viewer", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no password for nopw_user"));
  g_clear_pointer (&err, g_free);
  g_setenv ("FURROW_PASSWORD", PASSWORD, TRUE);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "add-user", uri, name, "--role",
                                        "viewer", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already has a user"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "add-user", uri, "Bad-Name",
                                        "--role", "viewer", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not a user name"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "add-user", uri, "some_user",
                                        "--role", "boss", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not a role"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "add-user", uri, "some_user",
                                        NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (furrow_test_run_cli (NULL, &err, "server", "grant", uri, "some_user",
                                        "--role", "clerk", NULL), ==, 2);
}
FURROW_TEST ("/furrow/cli/roles/password", test_password);

FURROW_TEST_MAIN ();
