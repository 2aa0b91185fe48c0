/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-demo.h"
#include "furrow-store-season-testing.h"
#include "furrow-store-season.h"
#include "furrow-store-testing.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* furrow-cli season, statements and roster, run as a script would: the whole chain on the demo
 * cooperative, and bad input refused with exit 1, one line on stderr and nothing written. */

#define SEASON "2024 秋"

typedef FurrowTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_store_set_up (fixture, FURROW_TEST_STORE_FOLDER, "demo.gpkg");
}

/* Runs furrow-cli (or another program when `program` is not NULL) with a NULL-terminated
 * argument vector; returns the exit status. */
static int
run (const char  *program,
     const char **args,
     char       **out,
     char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int status;

  /* Always captured: the child must not write into the TAP stream. */
  if (out == NULL)
    out = &ignored_out;
  if (err == NULL)
    err = &ignored_err;
  g_ptr_array_add (argv, (gpointer) (program ? program : g_getenv ("FURROW_CLI")));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                program ? G_SPAWN_SEARCH_PATH : G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
run_ok (const char **args,
        char       **out)
{
  g_autofree char *err = NULL;
  int status = run (NULL, args, out, &err);

  if (status != 0)
    g_error ("furrow-cli %s %s: exit %d: %s", args[0], args[3] ? args[3] : "", status, err);
}

/* Exit 1 and one line on stderr. */
static void
run_bad (const char **args,
         const char  *expected)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, expected));
  g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* "2485.00" → 248500 */
static gint64
yuan_to_fen (const char *text)
{
  g_autofree char *digits = g_strdup (text);
  char *dot = strchr (digits, '.');
  gboolean negative = digits[0] == '-';

  g_assert_nonnull (dot);
  g_assert_cmpuint (strlen (dot), ==, 3);
  memmove (dot, dot + 1, 3);
  return g_ascii_strtoll (digits, NULL, 10) * (negative && g_ascii_strtoll (digits, NULL, 10) > 0
                                               ? -1 : 1);
}

static void
demo_settled (Fixture *fixture)
{
  const char *demo[] = { "demo", fixture->path, NULL };
  const char *create[] = { "season", "--project", fixture->path, "create", SEASON, "--year",
                           "2024", NULL };
  const char *plan[] = { "season", "--project", fixture->path, "plan", SEASON, "--all",
                         "--preset", "2+4", NULL };
  const char *predict[] = { "season", "--project", fixture->path, "predict", SEASON, "--json",
                            NULL };
  const char *settle[] = { "season", "--project", fixture->path, "settle", SEASON, "--json",
                           "--force", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) prediction = NULL;
  g_autoptr(JsonObject) settlement = NULL;
  JsonArray *fields;
  JsonArray *households;
  gint64 base = 0, dividend = 0, total = 0;

  run_ok (demo, NULL);
  run_ok (create, NULL);

  /* Not harvested yet: settling is refused and the file is unchanged. */
  {
    g_autofree char *before = file_digest (fixture->path);
    g_autofree char *after = NULL;
    const char *early[] = { "season", "--project", fixture->path, "settle", SEASON, NULL };

    run_bad (early, "no harvest records");
    after = file_digest (fixture->path);
    g_assert_cmpstr (before, ==, after);
  }

  run_ok (plan, NULL);
  run_ok (predict, &out);
  prediction = parse_object (out);
  fields = json_object_get_array_member (prediction, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 40);

  /* Record the predicted harvest of every field as the actual one. */
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      JsonObject *p = json_object_get_object_member (field, "predicted");
      const char *crops[] = { "maize", "soybean" };
      const char *kg_keys[] = { "maize_yield_kg", "soy_yield_kg" };
      const char *fen_keys[] = { "maize_revenue_fen", "soy_revenue_fen" };

      g_assert_cmpstr (json_object_get_string_member (field, "pattern"), ==, "strip");
      for (guint c = 0; c < 2; c++)
        {
          g_autofree char *kg = g_strdup_printf ("%.1f", json_object_get_double_member (p,
                                                                                     kg_keys[c]));
          g_autofree char *fen = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  json_object_get_int_member (p, fen_keys[c]));
          const char *harvest[] = { "season", "--project", fixture->path, "harvest", SEASON,
                                    "--field", json_object_get_string_member (field, "code"),
                                    "--crop", crops[c], "--kg", kg, "--revenue-fen", fen, NULL };

          run_ok (harvest, NULL);
        }

      /* One field harvested: settling without --force is refused (exit 1) with what is missing
       * on stderr, and the file is unchanged (docs/domain.md §8, Before settling). The demo has
       * 40 custody fields, and 12 half-custody households (household index ≡ 7 mod 25: 7, 32,
       * …, 282) billed ¥0, since the new season has no fees. */
      if (i == 0)
        {
          const char *unforced[] = { "season", "--project", fixture->path, "settle", SEASON,
                                     NULL };
          g_autofree char *before = file_digest (fixture->path);
          g_autofree char *after = NULL;
          g_autofree char *refused_out = NULL;
          g_autofree char *refused_err = NULL;

          g_assert_cmpint (run (NULL, unforced, &refused_out, &refused_err), ==, 1);
          g_assert_nonnull (strstr (refused_err, "settle anyway with --force"));
          g_assert_nonnull (strstr (refused_err, "  39 of 40 fields have no harvest: "));
          g_assert_nonnull (strstr (refused_err, "… and 29 more\n"));
          g_assert_nonnull (strstr (refused_err,
                                    "  12 half-custody households are billed ¥0 in fees: "));
          g_assert_null (strstr (refused_err, "no parcels"));
          g_assert_cmpstr (refused_out, ==, "");
          after = file_digest (fixture->path);
          g_assert_cmpstr (before, ==, after);
        }
    }

  g_free (out);
  out = NULL;
  run_ok (settle, &out);
  settlement = parse_object (out);
  households = json_object_get_array_member (settlement, "households");
  g_assert_cmpuint (json_array_get_length (households), ==, 300);
  for (guint i = 0; i < json_array_get_length (households); i++)
    {
      JsonObject *h = json_array_get_object_element (households, i);

      base += json_object_get_int_member (h, "base_fen");
      dividend += json_object_get_int_member (h, "dividend_fen");
      total += json_object_get_int_member (h, "total_fen");
    }
  g_assert_cmpint (base, ==, json_object_get_int_member (settlement, "base_total_fen"));
  g_assert_cmpint (dividend, ==, json_object_get_int_member (settlement,
                                                             "households_dividend_fen"));
  g_assert_cmpint (total, ==, base + dividend - json_object_get_int_member (settlement,
                                                                            "fees_fen"));
  /* Actual revenue = the predicted revenue recorded = the settlement's revenue. */
  g_assert_cmpint (json_object_get_int_member (settlement, "revenue_fen"), ==,
                   json_object_get_int_member (
                     json_object_get_object_member (
                       json_object_get_object_member (prediction, "total"), "predicted"),
                     "revenue_fen"));
}

/* demo → season create → plan --all → predict → harvest → settle → roster CSV: its rows sum to
 * the settlement's totals to the fen, and its totals row says the same. */
static void
test_chain_roster (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "roster.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "roster.xlsx", NULL);
  const char *roster[] = { "roster", "--project", fixture->path, "--season", SEASON, csv, NULL };
  const char *roster_xlsx[] = { "roster", "--project", fixture->path, "--season", SEASON, xlsx,
                                NULL };
  const char *show[] = { "season", "--project", fixture->path, "settle", SEASON, "--json",
                         NULL };
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 sums[3] = { 0 };
  guint n_rows = 0;

  demo_settled (fixture);
  run_ok (roster, NULL);
  run_ok (roster_xlsx, NULL);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (g_strchomp (lines[i]), ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 8);
      if (*cells[0] == '\0')
        {
          /* the totals row */
          g_assert_cmpint (yuan_to_fen (cells[4]), ==, sums[0]);
          g_assert_cmpint (yuan_to_fen (cells[5]), ==, sums[1]);
          g_assert_cmpint (yuan_to_fen (cells[7]), ==, sums[2]);
          continue;
        }
      sums[0] += yuan_to_fen (cells[4]);
      sums[1] += yuan_to_fen (cells[5]);
      sums[2] += yuan_to_fen (cells[7]);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 300);

  /* Settled: settling again is refused as read-only, the file unchanged. */
  {
    g_autofree char *before = file_digest (fixture->path);
    g_autofree char *after = NULL;
    const char *price[] = { "season", "--project", fixture->path, "set-price", SEASON, "maize",
                            "250", NULL };

    run_bad (show, "read-only");
    run_bad (price, "read-only");
    after = file_digest (fixture->path);
    g_assert_cmpstr (before, ==, after);
  }

  /* The totals of the frozen settlement, via the database the CLI wrote. */
  {
    const char *reopen_bad[] = { "season", "--project", fixture->path, "reopen", SEASON, NULL };
    const char *reopen[] = { "season", "--project", fixture->path, "reopen", SEASON, "--reason",
                             "收购价更正", NULL };
    const char *list[] = { "season", "--project", fixture->path, "list", "--json", NULL };
    g_autofree char *out = NULL;

    run_bad (reopen_bad, "needs a reason");
    run_ok (reopen, NULL);
    run_ok (list, &out);
    g_assert_nonnull (strstr (out, "\"harvested\""));
  }
  (void) err;
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-season/chain-roster", Fixture, fixture_set_up,
                     test_chain_roster, furrow_test_store_fixture_tear_down);

/* Statements: one page per full-custody household (no fees this season). */
static void
test_chain_statements (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "statements.pdf", NULL);
  const char *statements[] = { "statements", "--project", fixture->path, "--season", SEASON,
                               pdf, NULL };
  const char *households[] = { "list", "--project", fixture->path, "parcels", "--json", NULL };
  const char *pdftotext[] = { "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *parcels_json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) full = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  JsonArray *parcels;
  guint pages = 0;

  demo_settled (fixture);
  /* A household registered after settling, without parcels: not in the settlement, so it gets
   * no statement, and the command names it with the reason (issue 13, item 4). */
  {
    g_autoptr(GError) store_error = NULL;
    g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, &store_error);
    g_autoptr(FurrowHousehold) household = furrow_household_new ();

    g_assert_no_error (store_error);
    furrow_household_set_code (household, FURROW_DEMO_VILLAGE_CODE "9999");
    furrow_household_set_name (household, "孙无地");
    g_assert_true (furrow_store_add_household (store, household, &store_error));
    g_assert_no_error (store_error);
  }
  /* The season's public-notice date: a day that does not exist is refused, a real one is
   * printed on every statement (issue 13, item 11). */
  {
    const char *bad_date[] = { "season", "--project", fixture->path, "set-notice-date", SEASON,
                               "2024-11-31", NULL };
    const char *date[] = { "season", "--project", fixture->path, "set-notice-date", SEASON,
                           "2024-11-20", NULL };

    run_bad (bad_date, "“2024-11-31” is not a date");
    run_ok (date, NULL);
  }
  g_assert_cmpint (run (NULL, statements, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "1 household of the register gets no statement"));
  g_assert_nonnull (strstr (err, "  " FURROW_DEMO_VILLAGE_CODE "9999 孙无地: no parcels\n"));
  run_ok (households, &parcels_json);
  json_parser_load_from_data (parser, parcels_json, -1, &error);
  g_assert_no_error (error);
  parcels = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (parcels); i++)
    {
      JsonObject *p = json_array_get_object_element (parcels, i);

      if (g_strcmp0 (json_object_get_string_member (p, "custody"), "full") == 0)
        g_hash_table_add (full, g_strdup (json_object_get_string_member (p, "household_code")));
    }
  g_assert_cmpuint (g_hash_table_size (full), >, 250);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("pdftotext", pdftotext, &text, &err), ==, 0);
  for (const char *p = text; (p = strchr (p, '\f')) != NULL; p++)
    pages++;
  /* Every one of the 300 settled households has its page: the full-custody ones and the 12
   * half-custody ones with no fees to pay (the season sets none), as the roster lists them. */
  g_assert_cmpuint (pages, ==, FURROW_DEMO_N_HOUSEHOLDS);
  g_assert_nonnull (strstr (text, "Public notice: 2024-11-20"));
  g_assert_null (strstr (text, "孙无地"));
  /* Each full-custody household's code is on its page. */
  {
    GHashTableIter iter;
    gpointer code;

    g_hash_table_iter_init (&iter, full);
    while (g_hash_table_iter_next (&iter, &code, NULL))
      g_assert_nonnull (strstr (text, code));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-season/chain-statements", Fixture, fixture_set_up,
                     test_chain_statements, furrow_test_store_fixture_tear_down);

/* The page count pdfinfo reports for a PDF. */
static guint
pdf_pages (const char *pdf)
{
  const char *args[] = { pdf, NULL };
  g_autofree char *out = NULL;
  const char *line;

  g_assert_cmpint (run ("pdfinfo", args, &out, NULL), ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_text (const char *pdf)
{
  const char *args[] = { "-enc", "UTF-8", pdf, "-", NULL };
  char *text = NULL;

  g_assert_cmpint (run ("pdftotext", args, &text, NULL), ==, 0);
  return text;
}

/* The audit rows about the season, as "action|detail", oldest first, through the store API. */
static GPtrArray *
season_audit (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  entries = furrow_store_get_audit_log (store, "season:" SEASON, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      FurrowAuditEntry *e = g_ptr_array_index (entries, i);

      g_assert_nonnull (e->actor);
      g_assert_cmpstr (e->actor, !=, "");
      g_assert_nonnull (e->time);
      g_ptr_array_add (rows, g_strdup_printf ("%s|%s", e->action, e->detail ? e->detail : ""));
    }
  return rows;
}

static guint
count_prefix (GPtrArray  *rows,
              const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (rows, i), prefix))
      n++;
  return n;
}

/* Item 7's contract: --out, --household CODE, --per-household DIR; and item 6: each print is an
 * audit row naming the season, the kind and the household count or code, never personal data. */
static void
test_statements_options (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *all = g_build_filename (fixture->dir, "all.pdf", NULL);
  g_autofree char *one = g_build_filename (fixture->dir, "one.pdf", NULL);
  g_autofree char *none = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_autofree char *dir = g_build_filename (fixture->dir, "each", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "roster.xlsx", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "roster.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *code_pdf = NULL;
  g_autofree char *per_detail = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GDir) each = NULL;
  const char *code = NULL;
  guint n_statements = 0;
  guint n_files = 0;

  /* One page per settled household: all 300 (issue 13, item 4). */
  demo_settled (fixture);

  {
    const char *args[] = { "statements", "--project", fixture->path, "--season", SEASON,
                           "--out", all, NULL };

    run_ok (args, NULL);
    n_statements = pdf_pages (all);
    g_assert_cmpuint (n_statements, ==, 300);
  }

  /* A full-custody household of the frozen settlement, read through the store. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, &error);
    g_autoptr(FurrowSeason) season = NULL;
    g_autoptr(FurrowSeasonSettlement) s = NULL;

    g_assert_no_error (error);
    season = furrow_store_find_season (store, SEASON);
    s = furrow_store_get_settlement (store, season, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (s->n_rows, ==, 300);
    for (gsize i = 0; i < s->n_rows && code == NULL; i++)
      if (s->rows[i].custody == FURROW_CUSTODY_FULL)
        code = code_pdf = g_strdup (s->rows[i].code);
  }
  g_assert_nonnull (code);

  /* --household CODE: one page, with that code on it. */
  {
    const char *args[] = { "statements", "--project", fixture->path, "--season", SEASON,
                           "--out", one, "--household", code, NULL };

    run_ok (args, NULL);
    g_assert_cmpuint (pdf_pages (one), ==, 1);
    text = pdf_text (one);
    g_assert_nonnull (strstr (text, code));
  }

  /* Unknown household: exit 1 naming it, nothing written, the project unchanged. */
  {
    const char *args[] = { "statements", "--project", fixture->path, "--season", SEASON,
                           "--out", none, "--household", "NOSUCH-999", NULL };

    before = file_digest (fixture->path);
    run_bad (args, "NOSUCH-999");
    after = file_digest (fixture->path);
    g_assert_cmpstr (before, ==, after);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }

  /* --per-household DIR alone: one single-page PDF per statement. */
  {
    const char *args[] = { "statements", "--project", fixture->path, "--season", SEASON,
                           "--per-household", dir, NULL };
    const char *file;

    run_ok (args, NULL);
    each = g_dir_open (dir, 0, NULL);
    g_assert_nonnull (each);
    while ((file = g_dir_read_name (each)) != NULL)
      {
        g_assert_true (g_str_has_suffix (file, ".pdf"));
        n_files++;
      }
    g_assert_cmpuint (n_files, ==, n_statements);
  }

  /* Roster with --out, and the positional form still works. */
  {
    const char *args[] = { "roster", "--project", fixture->path, "--season", SEASON,
                           "--out", xlsx, NULL };
    const char *positional[] = { "roster", "--project", fixture->path, "--season", SEASON, csv,
                                 NULL };
    const char *bad_kind[] = { "roster", "--project", fixture->path, "--season", SEASON,
                               "--out", none, "--household", code, NULL };
    g_autofree char *contents = NULL;

    run_ok (args, NULL);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
    run_ok (positional, NULL);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, code));
    /* --household is the statements' option only. */
    g_assert_cmpint (run (NULL, bad_kind, NULL, NULL), ==, 2);
  }

  /* The audit log: settle, then four prints, in order; the refused one is not there. */
  audit = season_audit (fixture);
  g_assert_cmpuint (count_prefix (audit, "season.settle|"), ==, 1);
  g_assert_cmpuint (count_prefix (audit, "season.print.statements|"), ==, 3);
  g_assert_cmpuint (count_prefix (audit, "season.print.roster|"), ==, 2);
  {
    g_autofree char *all_detail = g_strdup_printf ("season.print.statements|%u households -> %s",
                                                   n_statements, all);
    g_autofree char *one_detail = g_strdup_printf ("season.print.statements|household %s -> %s",
                                                   code, one);
    g_autofree char *roster_detail = g_strdup_printf ("season.print.roster|300 households -> %s",
                                                      xlsx);
    guint last = audit->len;

    per_detail = g_strdup_printf ("season.print.statements|%u households -> %s", n_statements,
                                  dir);
    g_assert_cmpstr (g_ptr_array_index (audit, last - 5), ==, all_detail);
    g_assert_cmpstr (g_ptr_array_index (audit, last - 4), ==, one_detail);
    g_assert_cmpstr (g_ptr_array_index (audit, last - 3), ==, per_detail);
    g_assert_cmpstr (g_ptr_array_index (audit, last - 2), ==, roster_detail);
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-season/statements-options", Fixture, fixture_set_up,
                     test_statements_options, furrow_test_store_fixture_tear_down);

/* Settling, reopening and changing a rule after harvest are audit rows on the season. */
static void
test_audit_settle_reopen (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *reopen[] = { "season", "--project", fixture->path, "reopen", SEASON, "--reason",
                           "收购价更正", NULL };
  const char *price[] = { "season", "--project", fixture->path, "set-price", SEASON, "maize",
                          "250", NULL };
  g_autoptr(GPtrArray) audit = NULL;
  const char *last;

  demo_settled (fixture);
  run_ok (reopen, NULL);
  run_ok (price, NULL);
  audit = season_audit (fixture);
  g_assert_cmpuint (count_prefix (audit, "season.harvest|"), ==, 80);
  g_assert_cmpuint (count_prefix (audit, "season.settle|"), ==, 1);
  g_assert_cmpuint (count_prefix (audit, "season.reopen|"), ==, 1);
  /* The reopening names its reason; the rule change after harvest is the last row. */
  for (guint i = 0; i < audit->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (audit, i), "season.reopen|"))
      g_assert_nonnull (strstr (g_ptr_array_index (audit, i), "收购价更正"));
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_true (g_str_has_prefix (last, "season.rules|"));
  g_assert_nonnull (strstr (last, "250"));
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-season/audit-settle-reopen", Fixture, fixture_set_up,
                     test_audit_settle_reopen, furrow_test_store_fixture_tear_down);

/* The rule commands write what `show --json` reads back. */
static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  const char *demo[] = { "demo", fixture->path, NULL };
  const char *create[] = { "season", "--project", fixture->path, "create", SEASON, "--year",
                           "2024", NULL };
  const char *price[] = { "season", "--project", fixture->path, "set-price", SEASON, "soybean",
                          "480", "--moisture", "13", NULL };
  const char *cost[] = { "season", "--project", fixture->path, "set-cost", SEASON, "maize",
                         "fertilizer", "20000", "--field", "T01", NULL };
  const char *fee[] = { "season", "--project", fixture->path, "set-fee", SEASON, "sowing",
                        "3000", NULL };
  const char *subsidy[] = { "season", "--project", fixture->path, "set-subsidy", SEASON,
                            "soybean producer subsidy", "1000", NULL };
  const char *income[] = { "season", "--project", fixture->path, "set-income", SEASON,
                           "insurance", "150000", NULL };
  const char *base[] = { "season", "--project", fixture->path, "set-base", SEASON, "in-kind",
                         "550", "136", "--less-cost", NULL };
  const char *split[] = { "season", "--project", fixture->path, "set-split", SEASON, "0", "0",
                          "50", "50", "--reason", "村民代表大会决议", NULL };
  const char *actual[] = { "season", "--project", fixture->path, "actual-cost", SEASON, "diesel",
                           "250000", NULL };
  const char *show[] = { "season", "--project", fixture->path, "show", SEASON, "--json", NULL };
  const char *fee2[] = { "season", "--project", fixture->path, "set-fee", SEASON, "harvest",
                         "6000", NULL };
  g_autofree char *household = g_strdup_printf ("%s%04u", FURROW_DEMO_VILLAGE_CODE, 7);
  const char *operations[] = { "season", "--project", fixture->path, "set-operations", SEASON,
                               household, "harvest", NULL };
  const char *unknown_op[] = { "season", "--project", fixture->path, "set-operations", SEASON,
                               household, "harvest,weeding", NULL };
  const char *unknown_household[] = { "season", "--project", fixture->path, "set-operations",
                                      SEASON, "999", "all", NULL };
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_auto(GStrv) taken = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all = TRUE;
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) rules = NULL;
  JsonObject *soybean;
  JsonObject *b;
  JsonArray *costs;
  gboolean override = FALSE;

  run_ok (demo, NULL);
  run_ok (create, NULL);
  run_ok (price, NULL);
  run_ok (cost, NULL);
  run_ok (fee, NULL);
  run_ok (subsidy, NULL);
  run_ok (income, NULL);
  run_ok (base, NULL);
  run_ok (split, NULL);
  run_ok (actual, NULL);
  /* The services a half-custody household takes: one of the two fees; bad names refused. */
  run_ok (fee2, NULL);
  run_ok (operations, NULL);
  run_bad (unknown_op, "weeding");
  run_bad (unknown_household, "999");
  store = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  season = furrow_store_find_season (store, SEASON);
  taken = furrow_store_get_household_operations (store, season, household, &all, &error);
  g_assert_no_error (error);
  g_assert_false (all);
  g_assert_cmpuint (g_strv_length (taken), ==, 1);
  g_assert_cmpstr (taken[0], ==, "harvest");
  g_clear_object (&store);
  run_ok (show, &out);
  rules = parse_object (out);
  soybean = json_object_get_object_member (json_object_get_object_member (rules, "prices"),
                                           "soybean");
  g_assert_cmpfloat (json_object_get_double_member (soybean, "price_fen_per_kg"), ==, 480);
  costs = json_object_get_array_member (rules, "costs");
  for (guint i = 0; i < json_array_get_length (costs); i++)
    if (json_object_has_member (json_array_get_object_element (costs, i), "field_id"))
      override = TRUE;
  g_assert_true (override);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rules, "fees")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rules, "subsidies")),
                    ==, 2);
  g_assert_cmpint (json_object_get_int_member (
                     json_array_get_object_element (
                       json_object_get_array_member (rules, "other_income"), 0), "fen"),
                   ==, 150000);
  b = json_object_get_object_member (rules, "base");
  g_assert_cmpstr (json_object_get_string_member (b, "kind"), ==, "in_kind");
  g_assert_true (json_object_get_boolean_member (b, "less_cost_per_mu"));
  g_assert_cmpstr (json_object_get_string_member (rules, "reason"), ==, "村民代表大会决议");
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-season/rules", Fixture, fixture_set_up, test_rules,
                     furrow_test_store_fixture_tear_down);

/* Bad input: exit 1, one line, nothing written. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const char *demo[] = { "demo", fixture->path, NULL };
  const char *create[] = { "season", "--project", fixture->path, "create", SEASON, "--year",
                           "2024", NULL };
  const char *no_year[] = { "season", "--project", fixture->path, "create", "x", NULL };
  const char *twice[] = { "season", "--project", fixture->path, "create", SEASON, "--year",
                          "2024", NULL };
  const char *no_season[] = { "season", "--project", fixture->path, "show", "none", NULL };
  const char *bad_crop[] = { "season", "--project", fixture->path, "set-price", SEASON, "rice",
                             "300", NULL };
  const char *bad_split[] = { "season", "--project", fixture->path, "set-split", SEASON, "10",
                              "10", "10", "10", NULL };
  const char *bad_field[] = { "season", "--project", fixture->path, "plan", SEASON, "--field",
                              "NOPE", NULL };
  const char *bad_preset[] = { "season", "--project", fixture->path, "plan", SEASON, "--all",
                               "--preset", "9+9", NULL };
  const char *bad_revenue[] = { "season", "--project", fixture->path, "harvest", SEASON,
                                "--field", "T01", "--crop", "maize", "--kg", "100",
                                "--revenue-fen", "12.5", NULL };
  /* "--" ends the options so that "-250" is the price. */
  const char *negative_price[] = { "season", "--project", fixture->path, "set-price", SEASON,
                                   "maize", "--", "-250", NULL };
  const char *bad_moisture[] = { "season", "--project", fixture->path, "set-price", SEASON,
                                 "maize", "300", "--moisture", "200", NULL };
  const char *unknown_household[] = { "statements", "--project", fixture->path, "--season",
                                      SEASON, "--out", "s.pdf", "--household", "NOSUCH-1",
                                      NULL };
  const char *not_settled[] = { "roster", "--project", fixture->path, "--season", SEASON,
                                "r.csv", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_ok (demo, NULL);
  run_ok (create, NULL);
  before = file_digest (fixture->path);
  run_bad (no_year, "--year");
  run_bad (twice, "already in the project");
  run_bad (no_season, "no season");
  run_bad (bad_crop, "set-price");
  run_bad (bad_split, "100");
  run_bad (bad_field, "no field NOPE");
  run_bad (bad_preset, "9+9");
  run_bad (bad_revenue, "whole fen");
  run_bad (not_settled, "not settled");
  run_bad (negative_price, "cannot be negative");
  /* The store's check (furrow-store-season.c), which the window meets too. */
  run_bad (bad_moisture, "Maize: a reference moisture of 200 is not a percentage from 0 to 100");
  /* Not settled is checked first; the settled case is in statements-options. */
  run_bad (unknown_household, "not settled");
  after = file_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);
}
FURROW_TEST_FIXTURE ("/furrow/io/cli-season/bad-input", Fixture, fixture_set_up, test_bad_input,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
