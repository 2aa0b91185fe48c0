/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-test-cli.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* furrow-cli compare with a season's prices, costs and subsidies, and with the docs/domain.md §7
 * defaults without one (issue 4 item 4). */

typedef FurrowTestStore Fixture;

typedef struct
{
  double area_mu, maize_kg, soy_kg;
  gint64 maize_revenue_fen, soy_revenue_fen, subsidy_fen, cost_fen;
} Row;

/* compare --project --field T01 --patterns 2+4,sole-maize [--season S] --json: the row of
 * `pattern`, and the prices used. */
static Row
compare_row (Fixture    *fixture,
             const char *season,
             const char *pattern,
             double     *maize_price)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *root;
  JsonArray *rows;
  Row r = { 0 };

  if (season != NULL)
    g_assert_cmpint (furrow_test_run_cli (&out, NULL, "compare", "--project", fixture->path,
                                          "--field", "T01", "--patterns", "2+4,sole-maize",
                                          "--season", season, "--json", NULL), ==, 0);
  else
    g_assert_cmpint (furrow_test_run_cli (&out, NULL, "compare", "--project", fixture->path,
                                          "--field", "T01", "--patterns", "2+4,sole-maize",
                                          "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  if (season != NULL)
    g_assert_cmpstr (json_object_get_string_member (root, "season"), ==, season);
  else
    g_assert_true (json_object_get_null_member (root, "season"));
  *maize_price = json_object_get_double_member (root, "maize_price_fen_per_kg");
  rows = json_object_get_array_member (root, "patterns");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *o = json_array_get_object_element (rows, i);

      if (!g_str_equal (json_object_get_string_member (o, "pattern"), pattern))
        continue;
      r.area_mu = json_object_get_double_member (o, "area_mu");
      r.maize_kg = json_object_get_double_member (o, "maize_kg");
      r.soy_kg = json_object_get_double_member (o, "soy_kg");
      r.maize_revenue_fen = json_object_get_int_member (o, "maize_revenue_fen");
      r.soy_revenue_fen = json_object_get_int_member (o, "soy_revenue_fen");
      r.subsidy_fen = json_object_get_int_member (o, "subsidy_fen");
      r.cost_fen = json_object_get_int_member (o, "cost_fen");
      return r;
    }
  g_assert_not_reached ();
}

static void
test_season_prices (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  double price;
  Row defaults, season, dearer, sole, sole_subsidy;

  /* No season: docs/domain.md §7, maize 2.40 yuan/kg, soybean 4.60; a strip costs 210 + 390 + 165 =
   * 765 yuan/mu and gets the 150 yuan/mu strip subsidy. */
  defaults = compare_row (fixture, NULL, "2+4", &price);
  g_assert_cmpfloat (price, ==, 240.0);
  g_assert_cmpint (defaults.maize_revenue_fen, ==, (gint64) round (defaults.maize_kg * 240.0));
  g_assert_cmpint (defaults.soy_revenue_fen, ==, (gint64) round (defaults.soy_kg * 460.0));
  g_assert_cmpint (defaults.cost_fen, ==, (gint64) round (defaults.area_mu * 76500.0));
  g_assert_cmpint (defaults.subsidy_fen, ==, (gint64) round (defaults.area_mu * 15000.0));

  /* A new season holds the same defaults, split by crop (maize 600, soybean 165 yuan/mu):
   * the same figures for a strip. */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", fixture->path, "create",
                                        "2025 秋", "--year", "2025", NULL), ==, 0);
  season = compare_row (fixture, "2025 秋", "2+4", &price);
  g_assert_cmpfloat (price, ==, 240.0);
  g_assert_cmpint (season.maize_revenue_fen, ==, defaults.maize_revenue_fen);
  g_assert_cmpint (season.cost_fen, ==, defaults.cost_fen);
  g_assert_cmpint (season.subsidy_fen, ==, defaults.subsidy_fen);

  /* Maize at 3.00 yuan/kg: the maize revenue rises by round (kg × 300) − round (kg × 240),
   * 60 fen for each of the ~37,881 kg of T01 (about 2,272,854 fen); nothing else moves. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", fixture->path,
                                        "set-price", "2025 秋", "maize", "300", NULL), ==, 0);
  dearer = compare_row (fixture, "2025 秋", "2+4", &price);
  g_assert_cmpfloat (price, ==, 300.0);
  g_assert_cmpfloat (dearer.maize_kg, ==, season.maize_kg);
  g_assert_cmpint (dearer.maize_revenue_fen - season.maize_revenue_fen, ==,
                   (gint64) round (season.maize_kg * 300.0) -
                   (gint64) round (season.maize_kg * 240.0));
  g_assert_cmpfloat (fabs ((dearer.maize_revenue_fen - season.maize_revenue_fen) -
                           60.0 * season.maize_kg), <=, 1.0);
  g_assert_cmpint (dearer.soy_revenue_fen, ==, season.soy_revenue_fen);
  g_assert_cmpint (dearer.cost_fen, ==, season.cost_fen);

  /* a subsidy for every field, 80 yuan/mu: sole maize gets it, the strip gets both */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "season", "--project", fixture->path,
                                        "set-subsidy", "2025 秋", "地力补贴", "8000",
                                        NULL), ==, 0);
  sole_subsidy = compare_row (fixture, "2025 秋", "sole-maize", &price);
  g_assert_cmpint (sole_subsidy.subsidy_fen, ==, (gint64) round (sole_subsidy.area_mu * 8000.0));
  dearer = compare_row (fixture, "2025 秋", "2+4", &price);
  g_assert_cmpint (dearer.subsidy_fen, ==, (gint64) round (dearer.area_mu * 23000.0));

  /* sole maize pays only the maize items (600 yuan/mu), as without a season */
  sole = compare_row (fixture, NULL, "sole-maize", &price);
  g_assert_cmpint (sole_subsidy.cost_fen, ==, sole.cost_fen);
  g_assert_cmpint (sole.cost_fen, ==, (gint64) round (sole.area_mu * 60000.0));
  g_assert_cmpint (sole.subsidy_fen, ==, 0);
}
FURROW_TEST_FIXTURE ("/furrow/cli/compare/season-prices", Fixture,
                     furrow_test_store_set_up_demo_file, test_season_prices,
                     furrow_test_store_fixture_tear_down);

static void
test_season_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  /* --season belongs to a project; an unknown season is bad input */
  g_assert_cmpint (furrow_test_run_cli (&out, NULL, "compare", "--patterns", "2+4", "--season",
                                        "2025 秋", fixture->path, NULL), ==, 2);
  g_assert_cmpint (furrow_test_run_cli (&out2, NULL, "compare", "--project", fixture->path, "--all",
                                        "--season", "nowhere", NULL), ==, 1);
}
FURROW_TEST_FIXTURE ("/furrow/cli/compare/season-errors", Fixture,
                     furrow_test_store_set_up_demo_file, test_season_errors,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.locale = "");
