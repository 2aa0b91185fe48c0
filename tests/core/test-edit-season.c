/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edits of seasons, plans and yield presets (furrow-edit-season.h) through the window's
 * history type: each does, undoes and redoes to the stored values; none merges into the one
 * before; an edit the store refuses leaves the history and the file as they were. The project
 * is the demo cooperative (furrow-demo.h: 40 fields T01…T40). */

#include "config.h"

#include <string.h>

#include "furrow-demo.h"
#include "furrow-edit-plan.h"
#include "furrow-edit-season.h"
#include "furrow-history-testing.h"
#include "furrow-history.h"
#include "furrow-season-plans.h"
#include "furrow-store-season.h"
#include "furrow-store-yield.h"
#include "furrow-test.h"

#define SEASON_NAME "2025 秋"

typedef struct
{
  FurrowStore   *store;
  FurrowSeason  *season;    /* the live season of the store's model */
  FurrowHistory *history;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "coop.gpkg", NULL);
  g_autoptr(FurrowSeason) season = furrow_season_new (SEASON_NAME, 2025);
  g_autoptr(GListModel) seasons = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fixture->store = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  seasons = furrow_store_get_seasons (fixture->store);
  g_assert_true (furrow_store_add_season (fixture->store, season, &error));
  g_assert_no_error (error);
  /* After the demo's own settled season (FURROW_DEMO_SEASON, furrow-demo.h). */
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 2);
  fixture->season = g_list_model_get_item (seasons, 1);
  g_assert_cmpint (furrow_season_get_id (fixture->season), ==, furrow_season_get_id (season));
  fixture->history = furrow_history_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->season);
  g_clear_object (&fixture->store);
}

static FurrowField *
field (Fixture    *fixture,
       const char *code)
{
  FurrowField *found = furrow_store_find_field (fixture->store, code);

  g_assert_nonnull (found);
  return found;
}

/* The stored maize price in fen per kg. */
static double
maize_price (Fixture *fixture)
{
  g_autoptr(FurrowSeason) stored = furrow_store_find_season (fixture->store, SEASON_NAME);

  g_assert_nonnull (stored);
  return furrow_season_get_price (stored, FURROW_CROP_MAIZE)->price_fen_per_kg;
}

/* A rules edit from the stored rules to a maize price of `fen` per kg. */
static FurrowEdit *
price_edit (Fixture *fixture,
            double   fen)
{
  g_autoptr(FurrowSeason) before = furrow_store_find_season (fixture->store, SEASON_NAME);
  g_autoptr(FurrowSeason) after = furrow_store_find_season (fixture->store, SEASON_NAME);

  furrow_season_set_price (after, FURROW_CROP_MAIZE, fen,
                           furrow_season_get_price (after, FURROW_CROP_MAIZE)->moisture_pct);
  return furrow_edit_season_rules (fixture->store, furrow_season_get_id (fixture->season),
                                   before, after);
}

static void
push (Fixture    *fixture,
      FurrowEdit *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (edit);
  g_assert_true (furrow_history_push (fixture->history, edit, &error));
  g_assert_no_error (error);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_no_error (error);
}

/* Two price changes are two steps: undo takes back only the second; the season's name and notes
 * are not part of the edit. */
static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  double original = maize_price (fixture);
  g_autoptr(FurrowSeason) renamed = NULL;
  g_autoptr(GError) error = NULL;

  push (fixture, price_edit (fixture, 240));
  g_assert_cmpfloat (maize_price (fixture), ==, 240);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==,
                   "Change the season’s rules");
  push (fixture, price_edit (fixture, 250));
  g_assert_cmpfloat (maize_price (fixture), ==, 250);

  /* Notes written after the edit stay when it is undone. */
  renamed = furrow_store_find_season (fixture->store, SEASON_NAME);
  furrow_season_set_notes (renamed, "dry year");
  g_assert_true (furrow_store_update_season (fixture->store, renamed, &error));
  g_assert_no_error (error);

  undo (fixture);
  g_assert_cmpfloat (maize_price (fixture), ==, 240);
  g_assert_true (furrow_history_get_can_undo (fixture->history));
  undo (fixture);
  g_assert_cmpfloat (maize_price (fixture), ==, original);
  g_assert_false (furrow_history_get_can_undo (fixture->history));
  g_clear_object (&renamed);
  renamed = furrow_store_find_season (fixture->store, SEASON_NAME);
  g_assert_cmpstr (furrow_season_get_notes (renamed), ==, "dry year");

  redo (fixture);
  redo (fixture);
  g_assert_cmpfloat (maize_price (fixture), ==, 250);
  /* The live season follows the file. */
  g_assert_cmpfloat (furrow_season_get_price (fixture->season, FURROW_CROP_MAIZE)->price_fen_per_kg,
                     ==, 250);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/rules", Fixture, fixture_set_up, test_rules,
                     fixture_tear_down);

/* The harvest of one crop on one field: (kg, fen) as stored, or FALSE when there is none. */
static gboolean
stored_harvest (Fixture    *fixture,
                const char *code,
                FurrowCrop  crop,
                double     *kg,
                gint64     *fen)
{
  g_autoptr(FurrowField) f = field (fixture, code);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) harvests = furrow_store_get_harvests (fixture->store, fixture->season,
                                                          &error);

  g_assert_no_error (error);
  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);

      if (h->field_id == furrow_field_get_id (f) && h->crop == crop)
        {
          *kg = h->yield_kg;
          *fen = h->revenue_fen;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_harvest (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowField) t01 = field (fixture, "T01");
  g_autoptr(GError) error = NULL;
  double kg = -1;
  gint64 fen = -1;

  /* Zeros where there is no record: nothing to do. */
  g_assert_null (furrow_edit_season_harvest (fixture->store, fixture->season,
                                             furrow_field_get_id (t01), FURROW_CROP_MAIZE, 0, 0,
                                             NULL, &error));
  g_assert_no_error (error);

  /* 5,500 kg sold at 1.36 yuan/kg: 7,480.00 yuan. */
  push (fixture, furrow_edit_season_harvest (fixture->store, fixture->season,
                                             furrow_field_get_id (t01), FURROW_CROP_MAIZE, 5500,
                                             748000, NULL, &error));
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Enter a harvest");
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 5500);
  g_assert_cmpint (fen, ==, 748000);
  g_assert_cmpint (furrow_season_get_state (fixture->season), ==, FURROW_SEASON_HARVESTED);

  /* The same values again: nothing to do. */
  g_assert_null (furrow_edit_season_harvest (fixture->store, fixture->season,
                                             furrow_field_get_id (t01), FURROW_CROP_MAIZE, 5500,
                                             748000, NULL, &error));
  g_assert_no_error (error);

  push (fixture, furrow_edit_season_harvest (fixture->store, fixture->season,
                                             furrow_field_get_id (t01), FURROW_CROP_MAIZE, 6000,
                                             816000, NULL, &error));
  undo (fixture);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 5500);
  g_assert_cmpint (fen, ==, 748000);
  undo (fixture);
  /* Back to no harvest: a record of zeros or none at all. */
  if (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen))
    {
      g_assert_cmpfloat (kg, ==, 0);
      g_assert_cmpint (fen, ==, 0);
    }
  redo (fixture);
  redo (fixture);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 6000);
  g_assert_cmpint (fen, ==, 816000);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/harvest", Fixture, fixture_set_up, test_harvest,
                     fixture_tear_down);

/* An undo over a harvest someone else changed since (docs/architecture.md, Several users at
 * once): 5,500 kg entered, then 6,000 kg written around the history; the undo, which would put
 * back "no harvest" over 6,000 kg it never saw, is refused with CONFLICT and 6,000 kg stays. A
 * harvest entered over a version older than the stored one is refused the same way. */
static void
test_harvest_undo_conflict (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(FurrowField) t01 = field (fixture, "T01");
  FurrowSeasonHarvest shown = { furrow_field_get_id (t01), FURROW_CROP_MAIZE, 5500, 748000,
                                FALSE, 1 };
  FurrowSeasonHarvest none = { furrow_field_get_id (t01), FURROW_CROP_SOYBEAN, 0, 0, FALSE,
                               FURROW_ROW_VERSION_NONE };
  g_autoptr(GError) error = NULL;
  double kg = -1;
  gint64 fen = -1;

  push (fixture, furrow_edit_season_harvest (fixture->store, fixture->season,
                                             furrow_field_get_id (t01), FURROW_CROP_MAIZE, 5500,
                                             748000, NULL, &error));
  g_assert_true (furrow_store_set_harvest (fixture->store, fixture->season, t01,
                                           FURROW_CROP_MAIZE, 6000, 816000, &error));
  g_assert_no_error (error);
  g_assert_false (furrow_history_undo (fixture->history, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 6000);
  g_assert_cmpint (fen, ==, 816000);

  /* Version 1 was 5,500 kg; 6,000 kg is version 2. */
  g_assert_false (furrow_history_push (fixture->history,
                                       furrow_edit_season_harvest (fixture->store,
                                                                   fixture->season,
                                                                   furrow_field_get_id (t01),
                                                                   FURROW_CROP_MAIZE, 7000,
                                                                   952000, &shown, &error),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 6000);

  /* Soybeans shown with no record (as a page that read the season before), then 1,800 kg
   * written by another user: 2,000 kg entered over the "none" shown is refused the same way,
   * and 1,800 kg stays. The edit reads nothing: what it checks is what the caller showed. */
  g_assert_true (furrow_store_set_harvest (fixture->store, fixture->season, t01,
                                           FURROW_CROP_SOYBEAN, 1800, 720000, &error));
  g_assert_false (furrow_history_push (fixture->history,
                                       furrow_edit_season_harvest (fixture->store,
                                                                   fixture->season,
                                                                   furrow_field_get_id (t01),
                                                                   FURROW_CROP_SOYBEAN, 2000,
                                                                   800000, &none, &error),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_SOYBEAN, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 1800);
  g_assert_cmpint (fen, ==, 720000);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/harvest-undo-conflict", Fixture, fixture_set_up,
                     test_harvest_undo_conflict, fixture_tear_down);

static void
count_cb (FurrowStore  *store,
          FurrowSeason *season,
          guint         change,
          guint        *count)
{
  (*count)++;
}

/* A pasted block: many harvests in one transaction (one season-changed), one undo puts back every
 * value, a refused value or a settled season writes none of them. */
static void
test_harvests (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FurrowField) t01 = field (fixture, "T01");
  g_autoptr(FurrowField) t02 = field (fixture, "T02");
  g_autoptr(FurrowField) t03 = field (fixture, "T03");
  g_autoptr(GError) error = NULL;
  FurrowEdit *edit;
  double kg = -1;
  gint64 fen = -1;
  guint changes = 0;
  /* T01 maize is stored as 5,500 kg / ¥7,480.00 first; the block gives it 6,000 kg / ¥8,160.00
   * (6,000 × 1.36), T02 soybean 900 kg / ¥5,400.00 (900 × 6.00), T03 maize what is stored
   * (zeros: left out). */
  FurrowSeasonHarvest block[] = {
    { furrow_field_get_id (t01), FURROW_CROP_MAIZE, 6000, 816000 },
    { furrow_field_get_id (t02), FURROW_CROP_SOYBEAN, 900, 540000 },
    { furrow_field_get_id (t03), FURROW_CROP_MAIZE, 0, 0 },
  };
  FurrowSeasonHarvest bad[] = {
    { furrow_field_get_id (t01), FURROW_CROP_MAIZE, 1, 1 },
    { furrow_field_get_id (t02), FURROW_CROP_MAIZE, -1, 0 },
  };

  push (fixture, furrow_edit_season_harvest (fixture->store, fixture->season,
                                             furrow_field_get_id (t01), FURROW_CROP_MAIZE, 5500,
                                             748000, NULL, &error));
  g_signal_connect (fixture->store, "season-changed", G_CALLBACK (count_cb), &changes);
  push (fixture, furrow_edit_season_harvests (fixture->store, fixture->season, block,
                                              G_N_ELEMENTS (block), &error));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Paste harvests");
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 6000);
  g_assert_cmpint (fen, ==, 816000);
  g_assert_true (stored_harvest (fixture, "T02", FURROW_CROP_SOYBEAN, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 900);
  g_assert_cmpint (fen, ==, 540000);
  g_assert_false (stored_harvest (fixture, "T03", FURROW_CROP_MAIZE, &kg, &fen));

  /* One undo: T01 back to 5,500 kg / ¥7,480.00, T02 soybean to no record, as before. */
  undo (fixture);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 5500);
  g_assert_cmpint (fen, ==, 748000);
  g_assert_false (stored_harvest (fixture, "T02", FURROW_CROP_SOYBEAN, &kg, &fen));
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Enter a harvest");
  redo (fixture);
  g_assert_true (stored_harvest (fixture, "T02", FURROW_CROP_SOYBEAN, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 900);

  /* The same block again: nothing to do. */
  g_assert_null (furrow_edit_season_harvests (fixture->store, fixture->season, block,
                                              G_N_ELEMENTS (block), &error));
  g_assert_no_error (error);

  /* A negative value: the whole block is refused, T01 keeps its 6,000 kg. */
  edit = furrow_edit_season_harvests (fixture->store, fixture->season, bad, G_N_ELEMENTS (bad),
                                      &error);
  g_assert_no_error (error);
  g_assert_false (furrow_history_push (fixture->history, edit, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 6000);

  /* Settled: refused whole, read-only. */
  g_assert_true (furrow_store_settle_season (fixture->store, fixture->season, "test", &error));
  g_assert_no_error (error);
  bad[1].yield_kg = 2;
  edit = furrow_edit_season_harvests (fixture->store, fixture->season, bad, G_N_ELEMENTS (bad),
                                      &error);
  g_assert_no_error (error);
  g_assert_false (furrow_history_push (fixture->history, edit, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 6000);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Paste harvests");
  g_signal_handlers_disconnect_by_func (fixture->store, count_cb, &changes);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/harvests", Fixture, fixture_set_up, test_harvests,
                     fixture_tear_down);

static GArray *
costs_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (FurrowSeasonActualCost));
}

static void
add_cost (GArray     *costs,
          gint64      field_id,
          const char *item,
          gint64      fen)
{
  FurrowSeasonActualCost cost = { .field_id = field_id, .fen = fen };

  g_strlcpy (cost.item, item, sizeof cost.item);
  g_array_append_val (costs, cost);
}

static GArray *
stored_costs (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *costs = furrow_store_get_actual_costs (fixture->store, fixture->season, &error);

  g_assert_no_error (error);
  return costs;
}

static void
test_actual_costs (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FurrowField) t02 = field (fixture, "T02");
  g_autoptr(GArray) first = costs_new ();
  g_autoptr(GArray) second = costs_new ();
  g_autoptr(GArray) empty = costs_new ();
  g_autoptr(GArray) now = NULL;
  g_autoptr(GError) error = NULL;

  add_cost (first, 0, "diesel", 120000);
  add_cost (first, furrow_field_get_id (t02), "drying", 35050);
  push (fixture, furrow_edit_season_actual_costs (fixture->store, fixture->season, NULL, first,
                                                  &error));
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==,
                   "Change the actual costs");
  now = stored_costs (fixture);
  g_assert_true (furrow_actual_costs_equal (now, first));
  g_assert_cmpuint (now->len, ==, 2);
  g_clear_pointer (&now, g_array_unref);

  /* As stored: nothing to do. */
  g_assert_null (furrow_edit_season_actual_costs (fixture->store, fixture->season, NULL, first,
                                                  &error));
  g_assert_no_error (error);

  /* One removed, one changed, one added. */
  add_cost (second, 0, "diesel", 99900);
  add_cost (second, 0, "labour", 50000);
  push (fixture, furrow_edit_season_actual_costs (fixture->store, fixture->season, NULL, second,
                                                  &error));
  now = stored_costs (fixture);
  g_assert_true (furrow_actual_costs_equal (now, second));
  g_assert_false (furrow_actual_costs_equal (now, first));
  g_clear_pointer (&now, g_array_unref);

  undo (fixture);
  now = stored_costs (fixture);
  g_assert_true (furrow_actual_costs_equal (now, first));
  g_clear_pointer (&now, g_array_unref);
  undo (fixture);
  now = stored_costs (fixture);
  g_assert_true (furrow_actual_costs_equal (now, empty));
  g_clear_pointer (&now, g_array_unref);
  redo (fixture);
  redo (fixture);
  now = stored_costs (fixture);
  g_assert_true (furrow_actual_costs_equal (now, second));
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/actual-costs", Fixture, fixture_set_up,
                     test_actual_costs, fixture_tear_down);

/* An undo over actual costs someone else changed since: diesel ¥1,200.00 entered, then ¥1,250.00
 * written around the history; the undo, which would remove a cost it never saw at ¥1,250.00, is
 * refused with CONFLICT and ¥1,250.00 stays. Put back as the edit left it, the undo is written. */
static void
test_actual_costs_undo_conflict (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GArray) entered = costs_new ();
  g_autoptr(GArray) other = costs_new ();
  g_autoptr(GArray) empty = costs_new ();
  g_autoptr(GArray) now = NULL;
  g_autoptr(GError) error = NULL;

  add_cost (entered, 0, "diesel", 120000);
  push (fixture, furrow_edit_season_actual_costs (fixture->store, fixture->season, NULL, entered,
                                                  &error));
  add_cost (other, 0, "diesel", 125000);
  g_assert_true (furrow_store_save_actual_costs (fixture->store, fixture->season, NULL, other,
                                                 &error));
  g_assert_no_error (error);
  g_assert_false (furrow_history_undo (fixture->history, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  now = stored_costs (fixture);
  g_assert_true (furrow_actual_costs_equal (now, other));
  g_clear_pointer (&now, g_array_unref);

  g_assert_true (furrow_store_save_actual_costs (fixture->store, fixture->season, NULL, entered,
                                                 &error));
  undo (fixture);
  now = stored_costs (fixture);
  g_assert_true (furrow_actual_costs_equal (now, empty));
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/actual-costs-undo-conflict", Fixture,
                     fixture_set_up, test_actual_costs_undo_conflict, fixture_tear_down);

/* The plan of field `code` as stored, or FALSE when it has none. */
static gboolean
stored_plan (Fixture          *fixture,
             const char       *code,
             FurrowSeasonPlan *plan)
{
  g_autoptr(FurrowField) f = field (fixture, code);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plans = furrow_store_get_plans (fixture->store, fixture->season, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    if (g_array_index (plans, FurrowSeasonPlan, i).field_id == furrow_field_get_id (f))
      {
        *plan = g_array_index (plans, FurrowSeasonPlan, i);
        return TRUE;
      }
  return FALSE;
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  FurrowField *fields[2] = { field (fixture, "T01"), field (fixture, "T02") };
  FurrowPattern strip;
  FurrowPattern maize;
  FurrowSeasonPlan plan;

  g_assert_true (furrow_pattern_preset ("2+4", &strip));
  g_assert_true (furrow_pattern_preset ("sole-maize", &maize));
  push (fixture, furrow_edit_season_plan ("Plan 1 field", fixture->store, fixture->season,
                                          fields, 1, NULL, &maize, "sole-maize", "practical"));
  push (fixture, furrow_edit_season_plan ("Plan 2 fields", fixture->store, fixture->season,
                                          fields, 2, NULL, &strip, "2+4", "practical"));
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Plan 2 fields");
  g_assert_true (stored_plan (fixture, "T01", &plan));
  g_assert_cmpstr (plan.preset, ==, "2+4");
  g_assert_true (stored_plan (fixture, "T02", &plan));
  g_assert_cmpstr (plan.preset, ==, "2+4");

  /* Undone: each field as it was before — T01 sole maize, T02 without a plan. */
  undo (fixture);
  g_assert_true (stored_plan (fixture, "T01", &plan));
  g_assert_cmpstr (plan.preset, ==, "sole-maize");
  g_assert_false (stored_plan (fixture, "T02", &plan));
  undo (fixture);
  g_assert_false (stored_plan (fixture, "T01", &plan));

  redo (fixture);
  redo (fixture);
  g_assert_true (stored_plan (fixture, "T02", &plan));
  g_assert_cmpstr (plan.preset, ==, "2+4");
  g_assert_cmpstr (plan.yield_preset, ==, "practical");
  g_object_unref (fields[0]);
  g_object_unref (fields[1]);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/plan", Fixture, fixture_set_up, test_plan,
                     fixture_tear_down);

static void
test_yield_presets (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowYieldModel model;
  FurrowYieldModel found;
  g_autoptr(GError) error = NULL;
  double factor;

  g_assert_true (furrow_yield_model_preset ("practical", &model, NULL));
  factor = model.border_factor[FURROW_CROP_MAIZE];
  g_strlcpy (model.name, "双倍", sizeof model.name);
  push (fixture, furrow_edit_yield_preset_save (fixture->store, &model));
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Save Yield Preset");
  g_assert_true (furrow_store_find_yield_preset (fixture->store, "双倍", &found, NULL));

  /* Saved again under the same name: undo brings back the one it replaced. */
  model.border_factor[FURROW_CROP_MAIZE] = factor * 2;
  push (fixture, furrow_edit_yield_preset_save (fixture->store, &model));
  g_assert_true (furrow_store_find_yield_preset (fixture->store, "双倍", &found, NULL));
  g_assert_cmpfloat (found.border_factor[FURROW_CROP_MAIZE], ==, factor * 2);
  undo (fixture);
  g_assert_true (furrow_store_find_yield_preset (fixture->store, "双倍", &found, NULL));
  g_assert_cmpfloat (found.border_factor[FURROW_CROP_MAIZE], ==, factor);
  undo (fixture);
  g_assert_false (furrow_store_find_yield_preset (fixture->store, "双倍", &found, NULL));
  redo (fixture);
  g_assert_true (furrow_store_find_yield_preset (fixture->store, "双倍", &found, NULL));

  push (fixture, furrow_edit_yield_preset_delete (fixture->store, "双倍", &error));
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Delete Yield Preset");
  g_assert_false (furrow_store_find_yield_preset (fixture->store, "双倍", &found, NULL));
  undo (fixture);
  g_assert_true (furrow_store_find_yield_preset (fixture->store, "双倍", &found, NULL));
  g_assert_cmpfloat (found.border_factor[FURROW_CROP_MAIZE], ==, factor);

  /* No such preset: no edit. */
  g_assert_null (furrow_edit_yield_preset_delete (fixture->store, "none", &error));
  g_assert_nonnull (error);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/yield-presets", Fixture, fixture_set_up,
                     test_yield_presets, fixture_tear_down);

/* A settled season refuses every edit: the history and the file stay as they were. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowField) t01 = field (fixture, "T01");
  g_autoptr(GArray) costs = costs_new ();
  g_autoptr(GError) error = NULL;
  FurrowEdit *edit;
  double price = maize_price (fixture);
  double kg;
  gint64 fen;

  push (fixture, furrow_edit_season_harvest (fixture->store, fixture->season,
                                             furrow_field_get_id (t01), FURROW_CROP_MAIZE, 5500,
                                             748000, NULL, &error));
  g_assert_true (furrow_store_settle_season (fixture->store, fixture->season, "test", &error));
  g_assert_no_error (error);

  g_assert_false (furrow_history_push (fixture->history, price_edit (fixture, price + 10),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  edit = furrow_edit_season_harvest (fixture->store, fixture->season, furrow_field_get_id (t01),
                                     FURROW_CROP_MAIZE, 1, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (furrow_history_push (fixture->history, edit, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  add_cost (costs, 0, "diesel", 100);
  edit = furrow_edit_season_actual_costs (fixture->store, fixture->season, NULL, costs, &error);
  g_assert_no_error (error);
  g_assert_false (furrow_history_push (fixture->history, edit, &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The newest step is still the harvest; nothing to redo; the file unchanged. */
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Enter a harvest");
  g_assert_false (furrow_history_get_can_redo (fixture->history));
  g_assert_cmpfloat (maize_price (fixture), ==, price);
  g_assert_true (stored_harvest (fixture, "T01", FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 5500);
  g_clear_pointer (&costs, g_array_unref);
  costs = stored_costs (fixture);
  g_assert_cmpuint (costs->len, ==, 0);

  /* A season no longer in the project. */
  {
    g_autoptr(FurrowSeason) before = furrow_store_find_season (fixture->store, SEASON_NAME);

    g_assert_false (furrow_history_push (fixture->history,
                                         furrow_edit_season_rules (fixture->store, 99999, before,
                                                                   before),
                                         &error));
    g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  }
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Enter a harvest");
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/refused", Fixture, fixture_set_up, test_refused,
                     fixture_tear_down);

/* "Create season" and "Delete season": undo and redo take the season away and bring it back
 * whole, with what was added to it in between. */
static void
test_create_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FurrowSeason) rules = furrow_season_new ("2026 春", 2026);
  g_autoptr(GListModel) seasons = furrow_store_get_seasons (fixture->store);
  g_autoptr(FurrowField) t01 = field (fixture, "T01");
  g_autoptr(FurrowEdit) create = NULL;
  g_autoptr(FurrowEdit) delete = NULL;
  FurrowSeason *season;
  FurrowPattern pattern;
  g_autoptr(GError) error = NULL;

  furrow_season_set_price (rules, FURROW_CROP_MAIZE, 255, 14);
  create = furrow_edit_season_create (fixture->store, rules);
  g_assert_cmpstr (furrow_edit_get_label (create), ==, "Create season “2026 春”");
  push (fixture, g_object_ref (create));
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 3);
  season = furrow_edit_season_get_season (create);
  g_assert_nonnull (season);
  g_assert_cmpstr (furrow_season_get_name (season), ==, "2026 春");
  g_assert_cmpfloat (furrow_season_get_price (season, FURROW_CROP_MAIZE)->price_fen_per_kg, ==,
                     255);
  /* A plan and a harvest added outside the history. */
  g_assert_true (furrow_pattern_preset ("4+6", &pattern));
  g_assert_true (furrow_store_set_plan (fixture->store, season, t01, &pattern, "4+6", NULL,
                                        &error));
  g_assert_true (furrow_store_set_harvest (fixture->store, season, t01, FURROW_CROP_SOYBEAN,
                                           800, 368000, &error));
  g_assert_no_error (error);

  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 2);
  g_assert_null (furrow_edit_season_get_season (create));
  redo (fixture);
  season = furrow_edit_season_get_season (create);
  g_assert_nonnull (season);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_HARVESTED);
  {
    g_autoptr(GArray) plans = furrow_store_get_plans (fixture->store, season, &error);
    g_autoptr(GArray) harvests = furrow_store_get_harvests (fixture->store, season, &error);

    g_assert_cmpuint (plans->len, ==, 1);
    g_assert_cmpuint (g_array_index (plans, FurrowSeasonPlan, 0).pattern.maize_rows, ==, 4);
    g_assert_cmpuint (harvests->len, ==, 1);
    g_assert_cmpint (g_array_index (harvests, FurrowSeasonHarvest, 0).revenue_fen, ==, 368000);
  }

  /* Delete it: undone, it is back with its harvest. */
  delete = furrow_edit_season_delete (fixture->store, season);
  g_assert_cmpstr (furrow_edit_get_label (delete), ==, "Delete season “2026 春”");
  push (fixture, g_object_ref (delete));
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 2);
  g_assert_null (furrow_edit_season_get_season (delete));
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 3);
  season = furrow_edit_season_get_season (delete);
  g_assert_cmpstr (furrow_season_get_name (season), ==, "2026 春");
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_HARVESTED);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-season/create-delete", Fixture, fixture_set_up,
                     test_create_delete, fixture_tear_down);

FURROW_TEST_MAIN (.locale = "C.UTF-8");
