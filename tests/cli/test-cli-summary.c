/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The county view (docs/architecture.md, The backend seam, The county view): `furrow-cli summary
 * --server URI` over two cooperatives made with `server create --demo` on the throwaway cluster
 * of suite pg. Its totals must equal the sums of each cooperative's own furrow-cli figures:
 * `list fields|households|parcels --json`, `season predict --json`, `season settle --json`.
 *
 * Cooperative A: season "2024 秋" (crop year 2024), every field planned 2+4 strips, two fields
 * harvested as predicted, settled with --force. Cooperative B: season "2024 秋" with five fields
 * planned, not settled, and season "2023 秋" (crop year 2023) with every field planned. The demo
 * (app/core/register/furrow-demo.h) has 40 fields, 300 households and 1,000 parcels, so the
 * hand-counted totals are 80 fields, 600 households, 2,000 parcels, 40 + 5 = 45 strip fields in
 * 2024 and 40 in 2023; nobody is paid in 2024, so every household owed money is unpaid. The demo
 * also holds a settled, partly paid 2025 season, the server's latest crop year. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "furrow-test-cli.h"
#include "furrow-test-pg.h"
#include "furrow-test.h"

static JsonNode *
run_json (const char *first,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  if (furrow_test_run_cliv ((const char *const *) args->pdata, &out, &err) != 0)
    g_error ("furrow-cli %s failed: %s", first, err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* A cooperative's own figures, summed from its commands' JSON. */
typedef struct
{
  gint64 fields, households, parcels;
  double custody_area_m2;
  gint64 strip;
  gint64 predicted_revenue_fen, predicted_net_fen;
  gint64 settled_income_fen, households_due_fen, due_households;
} Figures;

static void
register_figures (const char *project,
                  Figures    *f)
{
  const char *kinds[] = { "fields", "households", "parcels" };
  gint64 *counts[] = { &f->fields, &f->households, &f->parcels };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(JsonNode) root = run_json ("list", "--project", project, kinds[k], "--json",
                                           NULL);
      JsonArray *rows = json_node_get_array (root);

      *counts[k] += json_array_get_length (rows);
      if (k == 0)
        for (guint i = 0; i < json_array_get_length (rows); i++)
          f->custody_area_m2 += json_object_get_double_member (
            json_array_get_object_element (rows, i), "registered_area_m2");
    }
}

/* `season predict`'s totals; the strip fields among `planned` (NULL: all of them). */
static void
predicted_figures (const char         *project,
                   const char         *season,
                   const char *const  *planned,
                   Figures            *f)
{
  g_autoptr(JsonNode) root = run_json ("season", "--project", project, "predict", season,
                                       "--json", NULL);
  JsonObject *object = json_node_get_object (root);
  JsonObject *predicted = json_object_get_object_member (
    json_object_get_object_member (object, "total"), "predicted");
  JsonArray *fields = json_object_get_array_member (object, "fields");

  f->predicted_revenue_fen += json_object_get_int_member (predicted, "revenue_fen");
  f->predicted_net_fen += json_object_get_int_member (predicted, "net_fen");
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      const char *code = json_object_get_string_member (field, "code");

      if ((planned == NULL || g_strv_contains (planned, code)) &&
          g_str_equal (json_object_get_string_member (field, "pattern"), "strip"))
        f->strip++;
    }
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_int_member (object, name);
}

static void
test_summary (void)
{
  const char *uri = furrow_test_pg_uri ();
  g_autofree char *code_a = furrow_test_pg_unique_name ("county_a");
  g_autofree char *code_b = furrow_test_pg_unique_name ("county_b");
  g_autofree char *a = g_strdup_printf ("%s#%s", uri, code_a);
  g_autofree char *b = g_strdup_printf ("%s#%s", uri, code_b);
  const char *five[] = { NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(JsonNode) fields_node = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(JsonNode) summary_2023 = NULL;
  JsonObject *total;
  JsonArray *cooperatives;
  Figures own = { 0 };
  Figures own_2023 = { 0 };

  furrow_test_pg_create_demo (code_a);
  furrow_test_pg_create_demo (code_b);

  /* A: planned, two fields harvested as predicted, settled. */
  furrow_test_run_cli_ok ("season", "--project", a, "create", "2024 秋", "--year", "2024", NULL);
  furrow_test_run_cli_ok ("season", "--project", a, "plan", "2024 秋", "--all", "--preset", "2+4",
                          NULL);
  /* The prediction before settling: `season predict` refuses a settled season, whose plans the
   * summary still reads. */
  predicted_figures (a, "2024 秋", NULL, &own);
  {
    g_autoptr(JsonNode) prediction = run_json ("season", "--project", a, "predict", "2024 秋",
                                               "--json", NULL);
    JsonArray *fields = json_object_get_array_member (json_node_get_object (prediction),
                                                      "fields");

    for (guint i = 0; i < 2; i++)
      {
        JsonObject *field = json_array_get_object_element (fields, i);
        JsonObject *p = json_object_get_object_member (field, "predicted");
        g_autofree char *kg = g_strdup_printf ("%.1f", json_object_get_double_member (
                                                 p, "maize_yield_kg"));
        g_autofree char *fen = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (
                                                  p, "maize_revenue_fen"));

        furrow_test_run_cli_ok ("season", "--project", a, "harvest", "2024 秋", "--field",
                                json_object_get_string_member (field, "code"), "--crop",
                                "maize", "--kg", kg, "--revenue-fen", fen, NULL);
      }
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *object;
    JsonArray *households;

    /* --force lists what is missing on stderr: 38 of 40 fields have no harvest. The settlement
     * it prints is A's own settled figures. */
    g_assert_cmpint (furrow_test_run_cli (&out, &err, "season", "--project", a, "settle",
                                          "2024 秋", "--force", "--json", NULL), ==, 0);
    g_assert_nonnull (strstr (err, "38 of 40 fields have no harvest"));
    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    object = json_node_get_object (json_parser_get_root (parser));
    households = json_object_get_array_member (object, "households");
    own.settled_income_fen = member_int (object, "income_fen");
    for (guint i = 0; i < json_array_get_length (households); i++)
      {
        gint64 fen = member_int (json_array_get_object_element (households, i), "total_fen");

        if (fen > 0)
          {
            own.households_due_fen += fen;
            own.due_households++;
          }
      }
  }

  /* B: five fields planned in 2024, all of them in 2023. */
  fields_node = run_json ("list", "--project", b, "fields", "--json", NULL);
  furrow_test_run_cli_ok ("season", "--project", b, "create", "2024 秋", "--year", "2024", NULL);
  for (guint i = 0; i < 5; i++)
    {
      five[i] = json_object_get_string_member (
        json_array_get_object_element (json_node_get_array (fields_node), i * 7), "code");
      furrow_test_run_cli_ok ("season", "--project", b, "plan", "2024 秋", "--field", five[i],
                              "--preset", "2+4", NULL);
    }
  furrow_test_run_cli_ok ("season", "--project", b, "create", "2023 秋", "--year", "2023", NULL);
  furrow_test_run_cli_ok ("season", "--project", b, "plan", "2023 秋", "--all", "--preset", "2+4",
                          NULL);

  /* Each cooperative's own figures. */
  register_figures (a, &own);
  register_figures (b, &own);
  predicted_figures (b, "2024 秋", five, &own);
  predicted_figures (b, "2023 秋", NULL, &own_2023);
  /* The hand counts (the demo's register, the plans made above). */
  g_assert_cmpint (own.fields, ==, 80);
  g_assert_cmpint (own.households, ==, 600);
  g_assert_cmpint (own.parcels, ==, 2000);
  g_assert_cmpint (own.strip, ==, 45);
  g_assert_cmpint (own_2023.strip, ==, 40);
  g_assert_cmpint (own.predicted_revenue_fen, >, 0);
  g_assert_cmpint (own.settled_income_fen, >, 0);
  g_assert_cmpint (own.due_households, >, 0);

  /* The summary without --year: the latest crop year on the server, the demo's settled and
   * partly paid 2025 season in both cooperatives; what is due is paid or unpaid. */
  {
    g_autoptr(JsonNode) latest = run_json ("summary", "--server", uri, "--json", NULL);
    JsonObject *sums = json_object_get_object_member (json_node_get_object (latest), "total");

    g_assert_cmpint (member_int (json_node_get_object (latest), "crop_year"), ==, 2025);
    g_assert_cmpint (member_int (sums, "settled_seasons"), ==, 2);
    g_assert_cmpint (member_int (sums, "paid_fen") + member_int (sums, "unpaid_fen"), ==,
                     member_int (sums, "households_due_fen"));
    g_assert_cmpint (member_int (sums, "paid_households"), >, 0);
  }

  /* The summary of crop year 2024: the seasons made above. */
  summary = run_json ("summary", "--server", uri, "--year", "2024", "--json", NULL);
  g_assert_cmpint (member_int (json_node_get_object (summary), "crop_year"), ==, 2024);
  cooperatives = json_object_get_array_member (json_node_get_object (summary), "cooperatives");
  g_assert_cmpuint (json_array_get_length (cooperatives), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cooperatives, 0),
                                                  "cooperative"), ==, code_a);
  total = json_object_get_object_member (json_node_get_object (summary), "total");
  g_assert_cmpint (member_int (total, "fields"), ==, own.fields);
  g_assert_cmpint (member_int (total, "households"), ==, own.households);
  g_assert_cmpint (member_int (total, "parcels"), ==, own.parcels);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (total, "custody_area_m2"),
                                  own.custody_area_m2, 1e-6);
  g_assert_cmpint (member_int (total, "seasons"), ==, 2);
  g_assert_cmpint (member_int (json_object_get_object_member (total, "planned"), "strip"), ==,
                   own.strip);
  g_assert_cmpint (member_int (json_object_get_object_member (total, "planned"), "maize"), ==, 0);
  g_assert_cmpint (member_int (total, "predicted_revenue_fen"), ==, own.predicted_revenue_fen);
  g_assert_cmpint (member_int (total, "predicted_net_fen"), ==, own.predicted_net_fen);
  g_assert_cmpint (member_int (total, "settled_seasons"), ==, 1);
  g_assert_cmpint (member_int (total, "settled_income_fen"), ==, own.settled_income_fen);
  g_assert_cmpint (member_int (total, "households_due_fen"), ==, own.households_due_fen);
  g_assert_cmpint (member_int (total, "paid_households"), ==, 0);
  g_assert_cmpint (member_int (total, "paid_fen"), ==, 0);
  g_assert_cmpint (member_int (total, "unpaid_households"), ==, own.due_households);
  g_assert_cmpint (member_int (total, "unpaid_fen"), ==, own.households_due_fen);

  /* Each row sums to the total (B's row alone holds no settlement). */
  {
    JsonObject *row_a = json_array_get_object_element (cooperatives, 0);
    JsonObject *row_b = json_array_get_object_element (cooperatives, 1);

    g_assert_cmpint (member_int (row_a, "predicted_revenue_fen") +
                     member_int (row_b, "predicted_revenue_fen"), ==,
                     own.predicted_revenue_fen);
    g_assert_cmpint (member_int (row_b, "settled_income_fen"), ==, 0);
    g_assert_cmpint (member_int (json_object_get_object_member (row_b, "planned"), "strip"), ==,
                     5);
  }

  /* --year 2023: only B's older season. */
  summary_2023 = run_json ("summary", "--server", uri, "--year", "2023", "--json", NULL);
  total = json_object_get_object_member (json_node_get_object (summary_2023), "total");
  g_assert_cmpint (member_int (total, "seasons"), ==, 1);
  g_assert_cmpint (member_int (json_object_get_object_member (total, "planned"), "strip"), ==,
                   own_2023.strip);
  g_assert_cmpint (member_int (total, "predicted_revenue_fen"), ==,
                   own_2023.predicted_revenue_fen);
  g_assert_cmpint (member_int (total, "settled_seasons"), ==, 0);
  g_assert_cmpint (member_int (total, "fields"), ==, 80);

  /* Usage: --server is required (2); a file is not a server (1). */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "summary", NULL), ==, 2);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (furrow_test_run_cli (NULL, &err, "summary", "--server", "coop.gpkg", NULL),
                     ==, 1);
    g_assert_nonnull (strstr (err, "is not a server address"));
  }
}
FURROW_TEST ("/furrow/cli/summary/reconciles", test_summary);

FURROW_TEST_MAIN ();
