/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The season's rule tables (furrow-store-season-rules.c, docs/architecture.md "The store"): one
 * column list per table makes its SELECT, DELETE and INSERT, character for character the text the
 * store wrote by hand before the table, and every column of every table goes to the file and
 * comes back. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "furrow-database.h"
#include "furrow-season.h"
#include "furrow-store-private.h"
#include "furrow-store-season-private.h"
#include "furrow-store.h"
#include "furrow-test-store.h"
#include "furrow-test.h"

/* The statements of furrow-store-season-rules.c before the column table (main at 45f5350), in the
 * order of its tables: read, emptied, one insert per row. */
static const char *const old_sql[FURROW_N_RULE_TABLES][FURROW_N_RULE_STATEMENTS] = {
  { "SELECT crop, price_fen_per_kg, moisture_pct FROM season_prices WHERE season_id = ?1",
    "DELETE FROM season_prices WHERE season_id = ?1",
    "INSERT INTO season_prices (season_id, crop, price_fen_per_kg, moisture_pct) "
    "VALUES (?1, ?2, ?3, ?4)" },
  { "SELECT crop, item, fen_per_mu, ifnull (field_id, 0) FROM season_costs "
    "WHERE season_id = ?1 ORDER BY id",
    "DELETE FROM season_costs WHERE season_id = ?1",
    "INSERT INTO season_costs (season_id, crop, item, fen_per_mu, field_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5)" },
  { "SELECT name, fen_per_mu, strip_only FROM season_subsidies WHERE season_id = ?1 ORDER BY id",
    "DELETE FROM season_subsidies WHERE season_id = ?1",
    "INSERT INTO season_subsidies (season_id, name, fen_per_mu, strip_only) "
    "VALUES (?1, ?2, ?3, ?4)" },
  { "SELECT name, fen FROM season_other_income WHERE season_id = ?1 ORDER BY id",
    "DELETE FROM season_other_income WHERE season_id = ?1",
    "INSERT INTO season_other_income (season_id, name, fen) VALUES (?1, ?2, ?3)" },
  { "SELECT operation, fen_per_mu FROM season_fees WHERE season_id = ?1 ORDER BY id",
    "DELETE FROM season_fees WHERE season_id = ?1",
    "INSERT INTO season_fees (season_id, operation, fen_per_mu) VALUES (?1, ?2, ?3)" },
  { "SELECT base_kind, base_fen_per_mu, base_kg_per_mu, base_price_fen_per_kg, base_less_cost, "
    "base_annual_fen_per_mu, base_season_pct, reserve_pct, collective_pct, cooperative_pct, "
    "households_pct, split_reason FROM season_rules WHERE season_id = ?1",
    "DELETE FROM season_rules WHERE season_id = ?1",
    "INSERT INTO season_rules (season_id, base_kind, base_fen_per_mu, base_kg_per_mu, "
    "base_price_fen_per_kg, base_less_cost, base_annual_fen_per_mu, base_season_pct, "
    "reserve_pct, collective_pct, cooperative_pct, households_pct, split_reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" },
};

static void
test_sql (void)
{
  for (guint t = 0; t < FURROW_N_RULE_TABLES; t++)
    for (FurrowRuleStatement s = 0; s < FURROW_N_RULE_STATEMENTS; s++)
      {
        g_assert_cmpstr (_furrow_season_rule_sql (t, s), ==, old_sql[t][s]);
        /* Made once: the same text at the same address (the statement cache's key). */
        g_assert_true (_furrow_season_rule_sql (t, s) == _furrow_season_rule_sql (t, s));
      }
}
FURROW_TEST ("/furrow/core/store-season-rules/sql", test_sql);

/* The single value of a query that binds the season id as ?1. */
static char *
file_value (FurrowStore  *store,
            const char   *sql,
            gint64        season_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (_furrow_store_get_database (store), sql, &error);

  g_assert_no_error (error);
  furrow_statement_bind_int64 (stmt, 1, season_id);
  g_assert_true (furrow_statement_step (stmt, &error));
  g_assert_no_error (error);
  return furrow_statement_dup_text (stmt, 0);
}

/* A value other than the default in every column of every table, written, read back from the
 * file by a new store, and found in the rows under the column it belongs to. */
static void
test_round_trip (FurrowTestStore *fixture,
                 gconstpointer    data)
{
  g_autoptr(FurrowSeason) season = furrow_season_new ("2025 秋", 2025);
  g_autoptr(FurrowSeason) read = NULL;
  g_autoptr(FurrowField) field = furrow_field_new ();
  g_autoptr(FurrowStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *value = NULL;
  FurrowBaseRule base = { .kind = FURROW_BASE_ANNUAL_SHARE, .fen_per_mu = 31000,
                          .kg_per_mu = 550, .price_fen_per_kg = 136, .less_cost_per_mu = TRUE,
                          .annual_fen_per_mu = 80000, .season_pct = 45 };
  FurrowSurplusSplit split = { 10, 5, 35, 50 };
  const FurrowBaseRule *read_base;
  const FurrowSurplusSplit *read_split;
  const FurrowSeasonCost *costs;
  const FurrowSeasonSubsidy *subsidies;
  const FurrowSeasonIncome *income;
  const FurrowSeasonFee *fees;
  gint64 field_id, season_id;
  guint n;

  furrow_field_set_code (field, "F7");
  furrow_store_add_field (fixture->store, field, &error);
  g_assert_no_error (error);
  field_id = furrow_field_get_id (field);

  furrow_season_set_price (season, FURROW_CROP_MAIZE, 236.5, 14);
  furrow_season_set_price (season, FURROW_CROP_SOYBEAN, 452, 13);
  furrow_season_clear_costs (season);
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "fertilizer", 0, 23500);
  furrow_season_set_cost (season, FURROW_CROP_SOYBEAN, "seed", 0, 6000);
  /* An override of field F7: 200.00 yuan instead of 235.00. */
  furrow_season_set_cost (season, FURROW_CROP_MAIZE, "fertilizer", field_id, 20000);
  furrow_season_set_subsidy (season, "strip intercropping subsidy", 15000, TRUE);
  furrow_season_set_subsidy (season, "耕地地力保护补贴", 12500, FALSE);
  furrow_season_set_other_income (season, "秸秆出售", 180000);
  furrow_season_set_fee (season, "plough", 4500);
  furrow_season_set_fee (season, "harvest", 7000);
  furrow_season_set_base_rule (season, &base);
  furrow_season_set_split (season, &split, "村民大会决定合作社留存三成五用于购置农机");
  before = furrow_season_describe_rules (season);
  furrow_store_add_season (fixture->store, season, &error);
  g_assert_no_error (error);
  season_id = furrow_season_get_id (season);

  /* In the rows, under their columns (the bind order), in the order written. */
  value = file_value (fixture->store, "SELECT group_concat (row, '; ') FROM (SELECT crop || ' ' ||"
                      " price_fen_per_kg || ' ' || moisture_pct AS row FROM season_prices"
                      " WHERE season_id = ?1 ORDER BY crop)",
                      season_id);
  g_assert_cmpstr (value, ==, "maize 236.5 14.0; soybean 452.0 13.0");
  g_clear_pointer (&value, g_free);
  value = file_value (fixture->store, "SELECT group_concat (row, '; ') FROM (SELECT crop || ' '"
                      " || item || ' ' || fen_per_mu || ' ' || ifnull (field_id, 'NULL') AS row FROM"
                      " season_costs WHERE season_id = ?1 ORDER BY id)", season_id);
  {
    g_autofree char *expected = g_strdup_printf ("maize fertilizer 23500 NULL; soybean seed 6000 "
                                                 "NULL; maize fertilizer 20000 %" G_GINT64_FORMAT,
                                                 field_id);
    g_assert_cmpstr (value, ==, expected);
  }
  g_clear_pointer (&value, g_free);
  value = file_value (fixture->store, "SELECT group_concat (row, '; ') FROM (SELECT name || ' ' ||"
                      " fen_per_mu || ' ' || strip_only AS row FROM season_subsidies"
                      " WHERE season_id = ?1 ORDER BY id)", season_id);
  g_assert_cmpstr (value, ==, "strip intercropping subsidy 15000 1; 耕地地力保护补贴 12500 0");
  g_clear_pointer (&value, g_free);
  value = file_value (fixture->store, "SELECT name || ' ' || fen FROM season_other_income"
                      " WHERE season_id = ?1", season_id);
  g_assert_cmpstr (value, ==, "秸秆出售 180000");
  g_clear_pointer (&value, g_free);
  value = file_value (fixture->store, "SELECT group_concat (row, '; ') FROM (SELECT operation"
                      " || ' ' || fen_per_mu AS row FROM season_fees WHERE season_id = ?1 ORDER BY id)",
                      season_id);
  g_assert_cmpstr (value, ==, "plough 4500; harvest 7000");
  g_clear_pointer (&value, g_free);
  value = file_value (fixture->store, "SELECT base_kind || ' ' || base_fen_per_mu || ' ' ||"
                      " base_kg_per_mu || ' ' || base_price_fen_per_kg || ' ' || base_less_cost"
                      " || ' ' || base_annual_fen_per_mu || ' ' || base_season_pct || ' ' ||"
                      " reserve_pct || ' ' || collective_pct || ' ' || cooperative_pct || ' ' ||"
                      " households_pct || ' ' || split_reason FROM season_rules"
                      " WHERE season_id = ?1", season_id);
  g_assert_cmpstr (value, ==, "annual_share 31000 550.0 136.0 1 80000 45.0 10.0 5.0 35.0 50.0 "
                              "村民大会决定合作社留存三成五用于购置农机");

  /* Back from the file by another store. */
  g_clear_object (&fixture->store);
  reopened = furrow_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read = furrow_test_store_find_season (reopened, "2025 秋");
  g_assert_nonnull (read);
  after = furrow_season_describe_rules (read);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpfloat (furrow_season_get_price (read, FURROW_CROP_MAIZE)->price_fen_per_kg, ==,
                     236.5);
  g_assert_cmpfloat (furrow_season_get_price (read, FURROW_CROP_SOYBEAN)->moisture_pct, ==, 13);
  costs = furrow_season_get_costs (read, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (costs[2].crop, ==, FURROW_CROP_MAIZE);
  g_assert_cmpstr (costs[2].item, ==, "fertilizer");
  g_assert_cmpint (costs[2].fen_per_mu, ==, 20000);
  g_assert_cmpint (costs[2].field_id, ==, field_id);
  g_assert_cmpint (costs[1].crop, ==, FURROW_CROP_SOYBEAN);
  g_assert_cmpint (costs[1].field_id, ==, 0);
  /* 235.00 yuan by default, 200.00 on F7. */
  g_assert_cmpint (furrow_season_cost_fen_per_mu (read, FURROW_CROP_MAIZE, 0), ==, 23500);
  g_assert_cmpint (furrow_season_cost_fen_per_mu (read, FURROW_CROP_MAIZE, field_id), ==, 20000);
  subsidies = furrow_season_get_subsidies (read, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (subsidies[0].strip_only);
  g_assert_false (subsidies[1].strip_only);
  g_assert_cmpstr (subsidies[1].name, ==, "耕地地力保护补贴");
  g_assert_cmpint (subsidies[1].fen_per_mu, ==, 12500);
  income = furrow_season_get_other_income (read, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (income[0].fen, ==, 180000);
  fees = furrow_season_get_fees (read, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (fees[1].operation, ==, "harvest");
  g_assert_cmpint (fees[1].fen_per_mu, ==, 7000);
  /* 45 + 70 = 115.00 yuan per mu for a household that takes both operations. */
  g_assert_cmpint (furrow_season_fees_fen_per_mu (read), ==, 11500);
  read_base = furrow_season_get_base_rule (read);
  g_assert_cmpint (read_base->kind, ==, FURROW_BASE_ANNUAL_SHARE);
  g_assert_cmpint (read_base->fen_per_mu, ==, 31000);
  g_assert_cmpfloat (read_base->kg_per_mu, ==, 550);
  g_assert_cmpfloat (read_base->price_fen_per_kg, ==, 136);
  g_assert_true (read_base->less_cost_per_mu);
  g_assert_cmpint (read_base->annual_fen_per_mu, ==, 80000);
  g_assert_cmpfloat (read_base->season_pct, ==, 45);
  read_split = furrow_season_get_split (read);
  g_assert_cmpfloat (read_split->reserve_pct, ==, 10);
  g_assert_cmpfloat (read_split->collective_pct, ==, 5);
  g_assert_cmpfloat (read_split->cooperative_pct, ==, 35);
  g_assert_cmpfloat (read_split->households_pct, ==, 50);
  g_assert_cmpstr (furrow_season_get_split_reason (read), ==,
                   "村民大会决定合作社留存三成五用于购置农机");
  fixture->store = g_steal_pointer (&reopened);
}
FURROW_TEST_FIXTURE ("/furrow/core/store-season-rules/round-trip", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_round_trip,
                     furrow_test_store_fixture_tear_down);

/* What a season may hold is checked by the store, so the window's economics page and
 * `furrow-cli season set-price` are refused alike: a reference moisture is a percentage of the
 * grain's weight, 0 to 100 (docs/domain.md §7: maize traded at 14 %, soybean at 13 %), a price
 * 0 fen/kg or more; and no control character in the name, one line, or in the notes, which
 * may run over lines. A refused update leaves the file as it was. */
static void
test_refused (FurrowTestStore *fixture,
              gconstpointer    data)
{
  static const struct
  {
    FurrowCrop  crop;
    double      price_fen_per_kg;
    double      moisture_pct;
    const char *message;  /* NULL: stored */
  } cases[] = {
    { FURROW_CROP_MAIZE, 240, 150, "Maize: a reference moisture of 150 is not a percentage from 0 "
                                   "to 100" },
    { FURROW_CROP_SOYBEAN, 460, -0.5, "Soybean: a reference moisture of -0.5 is not a percentage "
                                      "from 0 to 100" },
    { FURROW_CROP_MAIZE, 240, NAN, "Maize: a reference moisture of nan is not a percentage from "
                                   "0 to 100" },
    { FURROW_CROP_MAIZE, -1, 14, "Maize: a price of -1 fen/kg cannot be stored; give fen per "
                                 "kilogram, 0 or more" },
    { FURROW_CROP_SOYBEAN, INFINITY, 13, "Soybean: a price of inf fen/kg cannot be stored; give "
                                         "fen per kilogram, 0 or more" },
    { FURROW_CROP_MAIZE, 0, 100, NULL },
    { FURROW_CROP_SOYBEAN, 452, 0, NULL },
  };
  g_autoptr(FurrowSeason) season = furrow_season_new ("2025 秋", 2025);
  g_autoptr(GError) error = NULL;
  gint64 season_id;

  furrow_store_add_season (fixture->store, season, &error);
  g_assert_no_error (error);
  season_id = furrow_season_get_id (season);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = file_value (fixture->store, "SELECT group_concat (row, '; ') "
                                            "FROM (SELECT crop || ' ' || price_fen_per_kg || ' ' "
                                            "|| moisture_pct AS row FROM season_prices "
                                            "WHERE season_id = ?1 ORDER BY crop)", season_id);
      g_autofree char *after = NULL;
      FurrowSeasonPrice old = *furrow_season_get_price (season, cases[i].crop);
      gboolean ok;

      furrow_season_set_price (season, cases[i].crop, cases[i].price_fen_per_kg,
                               cases[i].moisture_pct);
      ok = furrow_store_update_season (fixture->store, season, &error);
      after = file_value (fixture->store, "SELECT group_concat (row, '; ') FROM (SELECT crop || "
                          "' ' || price_fen_per_kg || ' ' || moisture_pct AS row FROM "
                          "season_prices WHERE season_id = ?1 ORDER BY crop)", season_id);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpstr (after, ==, before);
      g_clear_error (&error);
      furrow_season_set_price (season, cases[i].crop, old.price_fen_per_kg, old.moisture_pct);
    }
  g_assert_cmpfloat (furrow_season_get_price (season, FURROW_CROP_MAIZE)->moisture_pct, ==, 100);

  furrow_season_set_notes (season, "第一行\n\t第二行");
  g_assert_true (furrow_store_update_season (fixture->store, season, &error));
  g_assert_no_error (error);
  furrow_season_set_notes (season, "\033[2J");
  g_assert_false (furrow_store_update_season (fixture->store, season, &error));
  g_assert_cmpstr (error->message, ==,
                   "the season’s notes holds a control character (U+001B); remove it");
  g_clear_error (&error);
  furrow_season_set_notes (season, NULL);
  furrow_season_set_name (season, "2025\t秋");
  g_assert_false (furrow_store_update_season (fixture->store, season, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "the season’s name holds a control character (U+0009); remove it");
}
FURROW_TEST_FIXTURE ("/furrow/core/store-season-rules/refused", FurrowTestStore,
                     furrow_test_store_set_up_empty, test_refused,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN ();
