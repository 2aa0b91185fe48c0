/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "furrow-distribution.h"
#include "furrow-settlement-json.h"
#include "furrow-test.h"

/* Taozhuang 2016 maize (docs/domain.md §8) in the settlement format of docs/architecture.md: 290.56
 * mu held by 70 households, 69 × 4.12 + 6.28 (the split of the area is ours), revenue 236,412
 * yuan, cost 286 yuan/mu, base 1,100 jin = 550 kg × 1.36 yuan/kg less the cost, remainder
 * 50/50. Households get 50 % < 60 %: the members' resolution is the reason. */
static char *
taozhuang_json (void)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{\n"
                   "  \"revenue_fen\": 23641200,\n"
                   "  \"cost_fen_per_mu\": 28600,\n"
                   "  \"other_income_fen\": 0,\n"
                   "  \"base\": {\"kind\": \"in_kind\", \"kg_per_mu\": 550, "
                   "\"price_fen_per_kg\": 136, \"less_cost_per_mu\": true},\n"
                   "  \"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50, "
                   "\"households\": 50},\n"
                   "  \"reason\": \"村民代表大会决议：剩余收益五五分成\",\n"
                   "  \"households\": [\n");
  for (guint i = 0; i < 70; i++)
    g_string_append_printf (json,
                            "    {\"code\": \"37142611020100%02u\", \"name\": \"户主%u\", "
                            "\"area_mu\": %s}%s\n",
                            i + 1, i + 1, i < 69 ? "4.12" : "6.28", i < 69 ? "," : "");
  g_string_append (json, "  ]\n}\n");
  return g_string_free (json, FALSE);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Checks settlement output JSON of the Taozhuang input against the hand arithmetic of
 * test-distribution.c: base 46,200 fen/mu × 290.56 = 13,423,872 fen; cost 28,600 × 290.56 =
 * 8,310,016; surplus 23,641,200 − 8,310,016 − 13,423,872 = 1,907,312; 953,656 each to the
 * cooperative and the households; 4.12 mu: base 190,344, dividend 13,523 for the first 26
 * codes and 13,522 after; 6.28 mu: base 290,136, dividend 20,612. Paid to the households in
 * all: 13,423,872 + 953,656 = 14,377,528 fen. */
static void
assert_taozhuang_output (const char *output)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *households;
  JsonObject *first;
  gint64 base = 0;
  gint64 dividend = 0;
  gint64 total = 0;

  json_parser_load_from_data (parser, output, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "total_area_mu"),
                                  290.56, 1e-9);
  g_assert_cmpint (json_object_get_int_member (root, "revenue_fen"), ==, 23641200);
  g_assert_cmpint (json_object_get_int_member (root, "cost_fen"), ==, 8310016);
  g_assert_cmpint (json_object_get_int_member (root, "base_fen_per_mu"), ==, 46200);
  g_assert_cmpint (json_object_get_int_member (root, "base_total_fen"), ==, 13423872);
  g_assert_cmpint (json_object_get_int_member (root, "surplus_fen"), ==, 1907312);
  g_assert_cmpint (json_object_get_int_member (root, "cooperative_fen"), ==, 953656);
  g_assert_cmpint (json_object_get_int_member (root, "households_dividend_fen"), ==, 953656);
  g_assert_cmpint (json_object_get_int_member (root, "deficit_fen"), ==, 0);
  g_assert_true (json_object_get_boolean_member (root, "reason_required"));   /* 50 % < 60 % */
  g_assert_cmpint (json_object_get_int_member (root, "reserve_fen")
                   + json_object_get_int_member (root, "collective_fen")
                   + json_object_get_int_member (root, "cooperative_fen")
                   + json_object_get_int_member (root, "households_dividend_fen"), ==,
                   json_object_get_int_member (root, "surplus_fen"));

  households = json_object_get_array_member (root, "households");
  g_assert_cmpuint (json_array_get_length (households), ==, 70);
  for (guint i = 0; i < 70; i++)
    {
      JsonObject *h = json_array_get_object_element (households, i);

      base += json_object_get_int_member (h, "base_fen");
      dividend += json_object_get_int_member (h, "dividend_fen");
      total += json_object_get_int_member (h, "total_fen");
      g_assert_cmpint (json_object_get_int_member (h, "total_fen"), ==,
                       json_object_get_int_member (h, "base_fen")
                       + json_object_get_int_member (h, "dividend_fen")
                       - json_object_get_int_member (h, "fee_fen"));
    }
  g_assert_cmpint (base, ==, 13423872);
  g_assert_cmpint (dividend, ==, 953656);
  g_assert_cmpint (total, ==, 14377528);

  first = json_array_get_object_element (households, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "3714261102010001");
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "户主1");
  g_assert_cmpint (json_object_get_int_member (first, "base_fen"), ==, 190344);
  g_assert_cmpint (json_object_get_int_member (first, "dividend_fen"), ==, 13523);
  g_assert_cmpstr (json_object_get_string_member (first, "basis"), ==,
                   "Base ¥462.00/mu × 4.12 mu = ¥1,903.44; "
                   "dividend ¥9,536.56 × 4.12/290.56 mu = ¥135.23");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (households, 26),
                                               "dividend_fen"), ==, 13522);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (households, 69),
                                               "dividend_fen"), ==, 20612);
}

static void
test_taozhuang (void)
{
  g_autofree char *json = taozhuang_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSettlement) settlement = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autofree char *output = NULL;
  FurrowDistributionResult result;

  settlement = furrow_settlement_json_load_data (json, -1, "taozhuang.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (settlement->input.n_households, ==, 70);
  g_assert_cmpint (settlement->input.base.kind, ==, FURROW_BASE_IN_KIND);
  g_assert_true (settlement->input.base.less_cost_per_mu);
  g_assert_cmpstr (settlement->input.households[69].name, ==, "户主70");

  shares = g_new0 (FurrowDistributionShare, 70);
  g_assert_true (furrow_distribution_compute (&settlement->input, &result, shares, &error));
  g_assert_no_error (error);

  output = furrow_settlement_json_to_string (&settlement->input, &result, shares, TRUE);
  /* Areas are written as the user wrote them, not 4.1200000000000001. */
  g_assert_nonnull (strstr (output, "\"area_mu\": 4.12,"));
  g_assert_nonnull (strstr (output, "\"total_area_mu\": 290.56,"));
  assert_taozhuang_output (output);
}
FURROW_TEST ("/furrow/io/settlement-json/taozhuang", test_taozhuang);

/* Every kind of bad input is refused with the file and the JSON path of the bad member. */
static void
test_errors (void)
{
  static const struct
  {
    const char *json;
    const char *path;   /* must appear in the message */
  } cases[] = {
    { "{\"revenue_fen\": 1", "bad.json:1:" },
    { "[1, 2]", "$: expected an object" },
    { "{\"revenue_fen\": 2364120.5, \"cost_fen\": 0}", "$.revenue_fen: expected a whole number" },
    { "{\"revenue_fen\": -1, \"cost_fen\": 0}", "$.revenue_fen: must not be negative" },
    /* 2^63: json-glib wrapped it to −2^63 and said "must not be negative" (issue 12) */
    { "{\"revenue_fen\": 9223372036854775808, \"cost_fen\": 0}",
      "$.revenue_fen: 9223372036854775808 is out of range; a whole number is at most 9223372036854775807" },
    { "{\"revenue_fen\": 1, \"cost_fen\": -9223372036854775809}",
      "$.cost_fen: -9223372036854775809 is out of range" },
    /* February 2024 has 29 days */
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"notice_date\": \"2024-02-30\", \"base\": "
      "{\"kind\": \"fixed\", \"fen_per_mu\": 1}, \"split_pct\": {\"households\": 100}, "
      "\"households\": [{\"code\": \"A\", \"area_mu\": 1}]}",
      "$.notice_date: “2024-02-30” is not a date; write it YYYY-MM-DD" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"notice_date\": \"garbage\", \"base\": "
      "{\"kind\": \"fixed\", \"fen_per_mu\": 1}, \"split_pct\": {\"households\": 100}, "
      "\"households\": [{\"code\": \"A\", \"area_mu\": 1}]}",
      "$.notice_date: “garbage” is not a date" },
    { "{\"revenue_fen\": 1, \"cost_fen_per_muu\": 0}", "$.cost_fen_per_muu: unknown member" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"cost_fen_per_mu\": 0}", "$: give either" },
    { "{\"revenue_fen\": 1}", "$: missing the cost" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"rent\"}}",
      "$.base.kind: “rent” is not a kind of base" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\"}}",
      "$.base.fen_per_mu: missing" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1, "
      "\"kg_per_mu\": 5}}", "$.base.kg_per_mu: unknown member" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"in_kind\", \"kg_per_mu\": 1, "
      "\"price_fen_per_kg\": 1, \"less_cost_per_mu\": 1}}", "$.base.less_cost_per_mu" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"reserve\": 10, \"households\": 80}}", "$.split_pct: " },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}}", "$.households: expected an array" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": [{\"code\": \"A\", \"area_mu\": 1}, "
      "{\"code\": \"B\", \"area_mu\": \"4.12\"}]}", "$.households[1].area_mu: expected a number" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": [{\"code\": \"A\", \"area_mu\": -1}]}",
      "$.households[0].area_mu: must not be negative" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": [{\"code\": \"A\", \"area_mu\": 1, "
      "\"custody\": \"partial\"}]}", "$.households[0].custody: “partial”" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": [{\"code\": \"A\", \"area_mu\": 1}, "
      "{\"code\": \"A\", \"area_mu\": 2}]}", "$.households[1].code: “A” already appears at "
      "$.households[0]" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": [{\"area_mu\": 1}]}",
      "$.households[0].code: missing" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": [{\"code\": \"A\", \"area_mu\": 1, "
      "\"fee_fen_per_mu\": 12.5}]}", "$.households[0].fee_fen_per_mu: expected a whole number" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": []}", "$.households: no households" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowSettlement) settlement = NULL;

      settlement = furrow_settlement_json_load_data (cases[i].json, -1, "bad.json", &error);
      g_assert_null (settlement);
      g_assert_nonnull (error);
      g_assert_true (error->domain == FURROW_SETTLEMENT_JSON_ERROR);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "bad.json:"));
      if (strstr (error->message, cases[i].path) == NULL)
        g_error ("case %u: “%s” does not name “%s”", i, error->message, cases[i].path);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowSettlement) settlement = NULL;
    g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "missing.json", NULL);

    settlement = furrow_settlement_json_load_file (missing, &error);
    g_assert_null (settlement);
    g_assert_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "missing.json"));
  }
}
FURROW_TEST ("/furrow/io/settlement-json/errors", test_errors);

/* Half custody and a deficit through JSON: A full 10 mu, B half 2.50 mu at 60 yuan/mu.
 * Base 10 × 90,000 = 900,000; revenue 500,000 − cost 10 × 30,000 = 300,000 − 900,000 =
 * −700,000: a shortfall of ¥7,000.00, A gets its base 900,000 and no dividend; B owes
 * 2.5 × 6,000 = 15,000 fen. */
static void
test_half_custody_deficit (void)
{
  const char *json =
    "{\"revenue_fen\": 500000, \"cost_fen_per_mu\": 30000,"
    " \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 90000},"
    " \"split_pct\": {\"reserve\": 10, \"households\": 90},"
    " \"households\": [{\"code\": \"A\", \"area_mu\": 10},"
    "                  {\"code\": \"B\", \"area_mu\": 2.5, \"custody\": \"half\","
    "                   \"fee_fen_per_mu\": 6000}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSettlement) settlement = NULL;
  FurrowDistributionShare shares[2];
  FurrowDistributionResult result;
  g_autoptr(JsonNode) output = NULL;
  JsonObject *root;
  JsonObject *b;

  settlement = furrow_settlement_json_load_data (json, -1, "half.json", &error);
  g_assert_no_error (error);
  g_assert_true (furrow_distribution_compute (&settlement->input, &result, shares, &error));

  output = furrow_settlement_json_build (&settlement->input, &result, shares);
  root = json_node_get_object (output);
  g_assert_cmpint (json_object_get_int_member (root, "base_total_fen"), ==, 900000);
  g_assert_cmpint (json_object_get_int_member (root, "surplus_fen"), ==, -700000);
  g_assert_cmpint (json_object_get_int_member (root, "deficit_fen"), ==, 700000);
  g_assert_cmpint (json_object_get_int_member (root, "households_dividend_fen"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (root, "fees_fen"), ==, 15000);
  b = json_array_get_object_element (json_object_get_array_member (root, "households"), 1);
  g_assert_cmpstr (json_object_get_string_member (b, "custody"), ==, "half");
  g_assert_cmpint (json_object_get_int_member (b, "fee_fen"), ==, 15000);
  g_assert_cmpint (json_object_get_int_member (b, "total_fen"), ==, -15000);
}
FURROW_TEST ("/furrow/io/settlement-json/half-custody-deficit", test_half_custody_deficit);

/* ------------------------------------------------------------------------------------------ */
/* furrow-cli settle                                                                          */

typedef struct
{
  int   exit_status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean
run_cli (const char *const *args,
         Run               *run)
{
  const char *cli = g_getenv ("FURROW_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("FURROW_CLI is not set to the built furrow-cli");
      return FALSE;
    }

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->exit_status = WEXITSTATUS (wait_status);
  return TRUE;
}

static void
test_cli (void)
{
  g_autofree char *json = taozhuang_json ();
  g_autofree char *path = write_temp ("taozhuang.json", json);
  const char *json_args[] = { "settle", path, "--json", NULL };
  const char *table_args[] = { "settle", path, NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) table = { 0 };

  if (!run_cli (json_args, &run))
    return;
  if (run.exit_status != 0)
    g_error ("furrow-cli settle failed (%d): %s", run.exit_status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  assert_taozhuang_output (run.out);

  /* The table: yuan formatted, the names, the totals row (14,377,528 fen). */
  g_assert_true (run_cli (table_args, &table));
  g_assert_cmpint (table.exit_status, ==, 0);
  g_assert_nonnull (strstr (table.out, "¥134,238.72"));
  g_assert_nonnull (strstr (table.out, "¥9,536.56"));
  g_assert_nonnull (strstr (table.out, "户主70"));
  g_assert_nonnull (strstr (table.out, "¥143,775.28"));
}
FURROW_TEST ("/furrow/io/settlement-json/cli", test_cli);

static void
test_cli_bad_input (void)
{
  g_autofree char *malformed = write_temp ("malformed.json", "{\"revenue_fen\": 23641200,,}");
  g_autofree char *no_reason = NULL;
  g_autofree char *json = taozhuang_json ();
  const char *malformed_args[] = { "settle", malformed, "--json", NULL };
  const char *no_reason_args[] = { "settle", NULL, NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) second = { 0 };
  char *reason;

  if (!run_cli (malformed_args, &run))
    return;
  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "malformed.json"));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);   /* one line */

  /* Valid JSON, refused by the engine: 50 % to households without a reason. */
  reason = strstr (json, "  \"reason\"");
  g_assert_nonnull (reason);
  memset (reason, ' ', strchr (reason, '\n') - reason);
  no_reason = write_temp ("no-reason.json", json);
  no_reason_args[1] = no_reason;
  g_assert_true (run_cli (no_reason_args, &second));
  g_assert_cmpint (second.exit_status, ==, 1);
  g_assert_cmpstr (second.out, ==, "");
  g_assert_nonnull (strstr (second.err, "no-reason.json"));
  g_assert_nonnull (strstr (second.err, "60 %"));
}
FURROW_TEST ("/furrow/io/settlement-json/cli-bad-input", test_cli_bad_input);

/* Hostile files (issue 12, item 4): JSON nested 100,000 deep crashed json-glib's recursive
 * parser; now the text is refused before json-glib sees it, beyond 64 levels (a settlement has
 * 3), and the process stays small. The file is 200,000 bytes: 100,000 "[" and as many "]". */
static void
test_cli_deep_nesting (void)
{
  g_autofree char *deep = g_strnfill (200000, ']');
  g_autofree char *path = NULL;
  const char *args[] = { "settle", NULL, "--json", NULL };
  g_auto(Run) run = { 0 };
  struct rusage usage;

  memset (deep, '[', 100000);
  path = write_temp ("deep.json", deep);
  args[1] = path;
  if (!run_cli (args, &run))
    return;
  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "deep.json:1: nested more than 64 levels deep"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);   /* one line */
  /* The largest child so far (this test's settle runs are all small): under 200 MiB. */
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_assert_cmpint (usage.ru_maxrss, <, 200 * 1024);   /* KiB */
}
FURROW_TEST ("/furrow/io/settlement-json/cli-deep-nesting", test_cli_deep_nesting);

/* Depth 64 is still read (and refused for what it is, not for its depth); 65 is not. Two equal
 * member names in one object are refused with the path of the second, where json-glib kept the
 * last silently: {"revenue_fen": 1, "revenue_fen": 999} would have settled 999 fen. */
static void
test_structure_limits (void)
{
  g_autoptr(GString) deep64 = g_string_new (NULL);
  g_autoptr(GString) deep65 = g_string_new (NULL);
  static const struct
  {
    const char *json;
    const char *message;
  } duplicates[] = {
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"revenue_fen\": 999}",
      "dup.json: $.revenue_fen: the member appears twice in the same object" },
    { "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
      "\"split_pct\": {\"households\": 100}, \"households\": [{\"code\": \"A\", \"area_mu\": 1}, "
      "{\"code\": \"B\", \"area_mu\": 1, \"area_mu\": 2}]}",
      "dup.json: $.households[1].area_mu: the member appears twice in the same object" },
  };

  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep64, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep64, ']');
  g_string_append_printf (deep65, "[%s]", deep64->str);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowSettlement) settlement = NULL;

    settlement = furrow_settlement_json_load_data (deep64->str, -1, "deep.json", &error);
    g_assert_null (settlement);
    g_assert_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "deep.json: $: expected an object {…}");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowSettlement) settlement = NULL;

    settlement = furrow_settlement_json_load_data (deep65->str, -1, "deep.json", &error);
    g_assert_null (settlement);
    g_assert_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==,
                     "deep.json:1: nested more than 64 levels deep; a settlement has 3");
  }
  for (guint i = 0; i < G_N_ELEMENTS (duplicates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowSettlement) settlement = NULL;

      settlement = furrow_settlement_json_load_data (duplicates[i].json, -1, "dup.json", &error);
      g_assert_null (settlement);
      g_assert_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, duplicates[i].message);
    }
  /* The same name in two different objects is fine: "kind" in base and nowhere else, "code"
   * in every household (the Taozhuang file has 70). */
  {
    g_autofree char *json = taozhuang_json ();
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowSettlement) settlement = NULL;

    settlement = furrow_settlement_json_load_data (json, -1, "taozhuang.json", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (settlement->input.n_households, ==, 70);
  }
}
FURROW_TEST ("/furrow/io/settlement-json/structure-limits", test_structure_limits);

/* Text that would print wrong (issue 12, hostile rerun): a UTF-16 file was reported as "the
 * member appears twice"; "\u0000" in a code cut it short without a word; a terminal escape in a
 * name reached statements and terminals. Each is refused, naming the file and where. */
static void
test_hostile_text (void)
{
  static const char prefix[] =
    "{\"revenue_fen\": 1, \"cost_fen\": 0, \"base\": {\"kind\": \"fixed\", \"fen_per_mu\": 1}, "
    "\"split_pct\": {\"households\": 100}, \"households\": [";
  static const struct
  {
    const char *household;
    const char *message;
  } cases[] = {
    { "{\"code\": \"A\\u0000B\", \"area_mu\": 1}",
      "text.json:1: a string holds the character U+0000; remove it" },
    { "{\"code\": \"A\", \"name\": \"\\u001b[2J王五\", \"area_mu\": 1}",
      "text.json: $.households[0].name: the value holds a control character (U+001B); remove it" },
    /* An escaped backslash before "u0000" is text, not the character. */
    { "{\"code\": \"A\\\\u0000\", \"area_mu\": 1}", NULL },
  };
  /* {"a": 1} in UTF-16LE with its byte-order mark */
  static const char utf16[] = "\xff\xfe{\0\"\0a\0\"\0:\0 \0\x31\0}\0";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strconcat (prefix, cases[i].household, "]}", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(FurrowSettlement) settlement = NULL;

      settlement = furrow_settlement_json_load_data (json, -1, "text.json", &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (settlement->input.households[0].code, ==, "A\\u0000");
          continue;
        }
      g_assert_null (settlement);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FurrowSettlement) settlement = NULL;

    settlement = furrow_settlement_json_load_data (utf16, sizeof utf16 - 1, "utf16.json", &error);
    g_assert_null (settlement);
    g_assert_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==,
                     "utf16.json: not UTF-8 text (UTF-16, or NUL bytes); save it as UTF-8");
  }
}
FURROW_TEST ("/furrow/io/settlement-json/hostile-text", test_hostile_text);

/* The settlement example of docs/architecture.md, verbatim (one household "371426…0001" of 4.12 mu,
 * Taozhuang's rules and revenue), through `furrow-cli settle --json`.
 *
 * Departure from docs/architecture.md, kept on purpose: the example gives households 50 % of the
 * distributable surplus without a "reason", and issue 5 asks for the Cooperatives-Law rule
 * (households under 60 % need a stated reason). So the example as printed is refused (exit 1,
 * the 60 % named); with a "reason" member added it settles. Hand arithmetic: cost 28,600 × 4.12
 * = 117,832 fen; base 46,200 × 4.12 = 190,344; surplus 23,641,200 − 117,832 − 190,344 =
 * 23,333,024; 11,666,512 each to the cooperative and the household, whose total is 190,344 +
 * 11,666,512 = 11,856,856 fen. */
static const char architecture_example[] =
  "{\n"
  "  \"revenue_fen\": 23641200,\n"
  "  \"cost_fen_per_mu\": 28600,\n"
  "  \"other_income_fen\": 0,\n"
  "  \"base\": {\"kind\": \"in_kind\", \"kg_per_mu\": 550, \"price_fen_per_kg\": 136, "
  "\"less_cost_per_mu\": true},\n"
  "  \"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50, "
  "\"households\": 50},\n"
  "  \"households\": [{\"code\": \"371426…0001\", \"name\": \"…\", \"area_mu\": 4.12}]\n"
  "}\n";

static void
test_architecture_example (void)
{
  g_autofree char *as_printed = write_temp ("architecture.json", architecture_example);
  g_autoptr(GString) with_reason = g_string_new (architecture_example);
  g_autofree char *reasoned = NULL;
  const char *printed_args[] = { "settle", as_printed, "--json", NULL };
  const char *reasoned_args[] = { "settle", NULL, "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonObject *household;

  if (!run_cli (printed_args, &refused))
    return;
  g_assert_cmpint (refused.exit_status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_nonnull (strstr (refused.err, "60 %"));

  g_string_replace (with_reason, "  \"households\": [",
                    "  \"reason\": \"成员大会决议\",\n  \"households\": [", 1);
  reasoned = write_temp ("architecture-reason.json", with_reason->str);
  reasoned_args[1] = reasoned;
  g_assert_true (run_cli (reasoned_args, &run));
  if (run.exit_status != 0)
    g_error ("furrow-cli settle failed (%d): %s", run.exit_status, run.err);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "total_area_mu"), 4.12,
                                  1e-9);
  g_assert_cmpint (json_object_get_int_member (root, "cost_fen"), ==, 117832);
  g_assert_cmpint (json_object_get_int_member (root, "base_total_fen"), ==, 190344);
  g_assert_cmpint (json_object_get_int_member (root, "surplus_fen"), ==, 23333024);
  g_assert_cmpint (json_object_get_int_member (root, "cooperative_fen"), ==, 11666512);
  g_assert_cmpint (json_object_get_int_member (root, "households_dividend_fen"), ==, 11666512);
  household = json_array_get_object_element (json_object_get_array_member (root, "households"),
                                             0);
  g_assert_cmpstr (json_object_get_string_member (household, "code"), ==, "371426…0001");
  g_assert_cmpint (json_object_get_int_member (household, "base_fen"), ==, 190344);
  g_assert_cmpint (json_object_get_int_member (household, "dividend_fen"), ==, 11666512);
  g_assert_cmpint (json_object_get_int_member (household, "total_fen"), ==, 11856856);
}
FURROW_TEST ("/furrow/io/settlement-json/architecture-example", test_architecture_example);

/* A household with both kinds of land (issue 5): 4.12 mu of full custody in the pool and
 * 3.00 mu of half custody billed 115 yuan/mu. With one other household of 4.12 mu and
 * Taozhuang's rules: pool 8.24 mu; base 46,200 × 4.12 = 190,344 each; cost 28,600 × 8.24 =
 * 235,664; surplus 23,641,200 − 235,664 − 380,688 = 23,024,848; 11,512,424 to the households,
 * 5,756,212 each; fee 11,500 × 3.00 = 34,500 fen. Totals: 190,344 + 5,756,212 − 34,500 =
 * 5,912,056 and 5,946,556 fen. */
static void
test_fee_area (void)
{
  const char *json =
    "{\"revenue_fen\": 23641200, \"cost_fen_per_mu\": 28600, "
    "\"base\": {\"kind\": \"in_kind\", \"kg_per_mu\": 550, \"price_fen_per_kg\": 136, "
    "\"less_cost_per_mu\": true}, "
    "\"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50, "
    "\"households\": 50}, \"reason\": \"决议\", "
    "\"households\": [{\"code\": \"A\", \"area_mu\": 4.12, \"fee_fen_per_mu\": 11500, "
    "\"fee_area_mu\": 3.00}, {\"code\": \"B\", \"area_mu\": 4.12}]}";
  g_autoptr(FurrowSettlement) settlement = NULL;
  g_autoptr(GError) error = NULL;
  FurrowDistributionResult result;
  FurrowDistributionShare shares[2];

  settlement = furrow_settlement_json_load_data (json, -1, "mixed.json", &error);
  g_assert_no_error (error);
  g_assert_true (furrow_distribution_compute (&settlement->input, &result, shares, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (result.total_area_mu, 8.24, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.half_custody_area_mu, 3.00, 1e-9);
  g_assert_cmpint (result.households_dividend_fen, ==, 11512424);
  g_assert_cmpint (shares[0].base_fen, ==, 190344);
  g_assert_cmpint (shares[0].dividend_fen, ==, 5756212);
  g_assert_cmpint (shares[0].fee_fen, ==, 34500);
  g_assert_cmpint (shares[0].fee_area_cmu, ==, 300);
  g_assert_cmpint (shares[0].total_fen, ==, 5912056);
  g_assert_cmpint (shares[1].fee_fen, ==, 0);
  g_assert_cmpint (shares[1].total_fen, ==, 5946556);
  g_assert_cmpint (result.fees_fen, ==, 34500);
}
FURROW_TEST ("/furrow/io/settlement-json/fee-area", test_fee_area);

FURROW_TEST_MAIN (.locale = "");
