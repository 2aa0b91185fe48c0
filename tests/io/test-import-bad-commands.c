/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input corpus (import-bad-common.h): Other commands' input: settlement JSON, dates that
 * are not dates, revenue out of range, control characters in a season's name or an account holder. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "furrow-test.h"
#include "import-test-data.h"

#include "import-bad-common.h"

/* A settlement JSON of furrow-cli settle, the example of docs/architecture.md (the furrow-cli
 * contract) with a reason and a notice date, with one member replaced. */
static char *
settlement_json (Fixture    *fixture,
                 const char *name,
                 const char *member)
{
  char *path = fixture_path (fixture, name);
  g_autofree char *json =
    g_strdup_printf ("{\n  \"revenue_fen\": 23641200,\n  \"cost_fen_per_mu\": 28600,\n"
                     "  \"base\": {\"kind\": \"in_kind\", \"kg_per_mu\": 550, "
                     "\"price_fen_per_kg\": 136, \"less_cost_per_mu\": true},\n"
                     "  \"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50, "
                     "\"households\": 50},\n  \"reason\": \"members' resolution\",\n"
                     "  %s,\n"
                     "  \"households\": [{\"code\": \"370782102201010001\", \"area_mu\": 4.12}]\n}\n",
                     member);

  test_write_file (path, json, -1);
  return path;
}

static char *
make_json_bad_notice_date (Fixture *fixture)
{
  return settlement_json (fixture, "notice.json", "\"notice_date\": \"2024-02-30\"");
}

/* revenue_fen 2^63: json-glib wrapped it to a negative number ("must not be negative"). */
static char *
make_json_revenue_overflow (Fixture *fixture)
{
  char *path = settlement_json (fixture, "overflow.json", "\"notice_date\": \"2024-02-29\"");
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  parts = g_strsplit (json, "23641200", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("9223372036854775808", parts);
  test_write_file (path, changed, -1);
  return path;
}

static char *
make_json_duplicate (Fixture *fixture)
{
  return settlement_json (fixture, "twice.json", "\"cost_fen_per_mu\": 0");
}

/* 100,000 nested arrays: json-glib's parser recursed once a level and crashed. */
static char *
make_json_deep (Fixture *fixture)
{
  char *path = fixture_path (fixture, "deep.json");
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  test_write_file (path, json->str, json->len);
  return path;
}

/* 65 MiB: a text value of 65 MiB of "a" in an otherwise good settlement, written in 1 MiB
 * pieces (this process stays small: see the memory check of test_bad_input()). */
static char *
make_json_huge (Fixture *fixture)
{
  char *path = fixture_path (fixture, "huge.json");
  g_autofree char *block = g_malloc (1024 * 1024);
  FILE *file = g_fopen (path, "w");

  g_assert_nonnull (file);
  memset (block, 'a', 1024 * 1024);
  fputs ("{\n  \"revenue_fen\": 23641200,\n  \"cost_fen_per_mu\": 28600,\n"
         "  \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 50000},\n"
         "  \"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50, "
         "\"households\": 50},\n  \"comment\": \"", file);
  for (guint i = 0; i < 65; i++)
    g_assert_cmpuint (fwrite (block, 1, 1024 * 1024, file), ==, 1024 * 1024);
  fputs ("\",\n  \"households\": [{\"code\": \"370782102201010001\", \"area_mu\": 4.12}]\n}\n",
         file);
  g_assert_cmpint (fclose (file), ==, 0);
  return path;
}

static const BadInput cases[] = {
  { .name = "settle-json-nested-100000", .make = make_json_deep, .command = { "settle", "@S" },
    .expected = "deep.json:1: nested more than 64 levels deep; a settlement has 3", .n_lines = 1 },
  { .name = "settle-json-65-mib", .make = make_json_huge, .command = { "settle", "@S" },
    .expected = "huge.json: the file is 65.0\u00a0MiB; a settlement is at most 64 MiB", .n_lines = 1 },
  { .name = "account-holder-escape-sequence",
    .command = { "household", "set-account", "--project", "@P", "--code", "370782102201010001",
                 "--account", "6228480000000000018", "--holder", "张\033[2J三" },
    .expected = "household 370782102201010001: the bank, branch or holder holds a control character (U+001B); remove it", .n_lines = 1 },
  { .name = "season-name-escape-sequence",
    .command = { "season", "--project", "@P", "create", "秋\033[2J季", "--year", "2026" },
    .expected = "project.gpkg: the season’s name holds a control character (U+001B); remove it", .n_lines = 1 },
  { .name = "harvest-revenue-out-of-range",
    .command = { "season", "--project", "@P", "harvest", "2025 秋", "--field", "T01", "--crop",
                 "maize", "--kg", "30000", "--revenue-fen", "9223372036854775808" },
    .expected = "--revenue-fen 9223372036854775808: give the sale revenue as whole fen", .n_lines = 1 },
  { .name = "settle-json-revenue-out-of-range", .make = make_json_revenue_overflow,
    .command = { "settle", "@S" },
    .expected = "overflow.json: $.revenue_fen: 9223372036854775808 is out of range; a whole number is at most 9223372036854775807", .n_lines = 1 },
  { .name = "settle-json-duplicate-key", .make = make_json_duplicate, .command = { "settle", "@S" },
    .expected = "twice.json: $.cost_fen_per_mu: the member appears twice in the same object", .n_lines = 1 },
  { .name = "settle-json-notice-date-2024-02-30", .make = make_json_bad_notice_date,
    .command = { "settle", "@S" },
    .expected = "notice.json: $.notice_date: “2024-02-30” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10", .n_lines = 1 },
  { .name = "statements-notice-date-garbage",
    .command = { "statements", "--project", "@P", "--season", "2025 秋", "--notice-date", "garbage",
                 "--out", "@D/statements.pdf" },
    .expected = "--notice-date: “garbage” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10", .n_lines = 1 },
  { .name = "roster-notice-date-2024-02-30",
    .command = { "roster", "--project", "@P", "--season", "2025 秋", "--notice-date", "2024-02-30",
                 "--out", "@D/roster.pdf" },
    .expected = "--notice-date: “2024-02-30” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10", .n_lines = 1 },
  { .name = "season-notice-date-2024-02-30",
    .command = { "season", "--project", "@P", "set-notice-date", "2025 秋", "2024-02-30" },
    .expected = "project.gpkg: “2024-02-30” is not a date: give the public-notice date as YYYY-MM-DD, e.g. 2024-11-20", .n_lines = 1 },
};

static void
set_up (void)
{
  import_bad_set_up ("commands", cases, G_N_ELEMENTS (cases));
}

FURROW_TEST_MAIN (.set_up = set_up, .tear_down = import_bad_tear_down);
