/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasting rows into the harvest table in the real window over the demo cooperative
 * (docs/architecture.md, Pasting rows): a block of ten rows as a clerk copies it from WPS or
 * Excel (a header, CRLF, field codes and names, full-width digits, 千分位, units, Chinese
 * numerals) put on the clipboard, "harvest.paste-rows" activated, the preview read and accepted;
 * the values are then what the entries show and what the store holds, and one Ctrl+Z (win.undo)
 * puts every one back. A block without codes lands from the focused entry on. A settled season
 * refuses with a message and opens no preview. A harvest another clerk entered first is not
 * overwritten: the window says who, and the page shows their value. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "furrow-field-editor.h"
#include "furrow-field-map.h"
#include "furrow-history-testing.h"
#include "furrow-item-row.h"
#include "furrow-paste.h"
#include "furrow-season-economics-page-testing.h"
#include "furrow-season-harvest-page-testing.h"
#include "furrow-season-page-testing.h"
#include "furrow-store-season.h"
#include "furrow-test-gui.h"
#include "furrow-test-store.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"

#define SEASON_NAME "2027 秋"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1280, 800, "season-paste.gpkg", 200);
}

/* A season with every demo field planned 2+4, shown on its harvest page. */
static FurrowSeasonHarvestPage *
show_harvest_page (Fixture *fixture)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(FurrowSeason) season = furrow_season_new (SEASON_NAME, 2027);
  g_autoptr(FurrowSeason) shown = NULL;
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;

  g_assert_true (furrow_store_add_season (store, season, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  g_assert_true (furrow_store_begin (store, &error));
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      g_assert_true (furrow_store_set_plan (store, season, field, &pattern, "2+4", NULL, &error));
    }
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);
  furrow_test_iterate (100);
  shown = furrow_test_store_find_season (store, SEASON_NAME);
  furrow_window_show_season (fixture->window, shown);
  furrow_test_iterate (200);
  return FURROW_SEASON_HARVEST_PAGE (furrow_test_show_season_page (
    fixture->window, "harvest", FURROW_TYPE_SEASON_HARVEST_PAGE, 100));
}

/* Puts `text` on the clipboard, activates Paste Rows and waits for the clipboard's answer. */
static void
paste (FurrowSeasonHarvestPage *page,
       const char              *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)), text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "harvest.paste-rows", NULL));
  furrow_test_iterate (200);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Clicks the preview's button `label` ("_Paste", "_Cancel") as a person would: the answer, then
 * the dialog closes. */
static void
click (AdwMessageDialog *dialog,
       const char       *label)
{
  GtkWidget *button = furrow_test_find_first (GTK_WIDGET (dialog), is_button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  furrow_test_iterate (300);
}

/* Ctrl+V as the key controller in the capture phase of `widget` (the harvest grid, the
 * economics page's rules) sees it: TRUE when it took the key. Under Xvfb no key can be typed
 * into the window, so the controller's signal is emitted as GTK would. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  furrow_test_iterate (200);
  return handled;
}

static gboolean
press_ctrl_v (GtkWidget *widget)
{
  return press_key (widget, GDK_KEY_v, GDK_CONTROL_MASK);
}

/* The field of the harvest grid's row i + 1 (the fields in the page's order). */
static FurrowField *
row_field (Fixture                 *fixture,
           FurrowSeasonHarvestPage *page,
           guint                    i)
{
  FurrowField *field = furrow_store_get_field_by_id (
    furrow_window_get_store (fixture->window), furrow_season_harvest_page_get_field_id (page, i));

  g_assert_nonnull (field);
  return field;
}

/* The stored harvest of a field and crop; FALSE when there is no record. */
static gboolean
stored (FurrowStore *store,
        gint64       field_id,
        FurrowCrop   crop,
        double      *kg,
        gint64      *fen)
{
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, SEASON_NAME);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) harvests = furrow_store_get_harvests (store, season, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);

      if (h->field_id == field_id && h->crop == crop)
        {
          *kg = h->yield_kg;
          *fen = h->revenue_fen;
          return TRUE;
        }
    }
  *kg = 0;
  *fen = 0;
  return FALSE;
}

static double
entry_value (FurrowSeasonHarvestPage *page,
             FurrowField             *field,
             guint                    column)
{
  FurrowNumberEntry *entry = furrow_season_harvest_page_get_entry (
    page, furrow_field_get_code (field), column);

  g_assert_nonnull (entry);
  return furrow_number_entry_get_value (entry);
}

/* Ten rows as a clerk's sheet has them: the maize kilograms and yuan, soybean on two rows. The
 * texts are what the cells show; the numbers are read off them by hand (revenue at ¥2.48/kg for
 * maize, ¥6.00/kg for soybean, except row 0, whose ¥30,864.75 is simply what was sold). */
typedef struct
{
  const char *kg;
  const char *yuan;
  const char *soy_kg;
  const char *soy_yuan;
  double      expected_kg;
  gint64      expected_fen;
  double      expected_soy_kg;
  gint64      expected_soy_fen;
} Row;

static const Row rows[] = {
  { "12,345.6", "30,864.75", "1,800", "10,800", 12345.6, 3086475, 1800, 1080000 },
  { "１２，０００", "￥29,760.00", "", "", 12000, 2976000, 0, 0 },      /* full-width */
  { "11500公斤", "28,520元", "", "", 11500, 2852000, 0, 0 },            /* 11,500 × 2.48 */
  { "一万二千", "29760", "", "", 12000, 2976000, 0, 0 },                /* 1 × 10⁴ + 2 × 10³ */
  { "9,876.5", "24,493.72", "", "", 9876.5, 2449372, 0, 0 },          /* 9,876.5 × 2.48 */
  { "10000 kg", "¥24,800", "900", "5,400.00", 10000, 2480000, 900, 540000 },
  { "8,000", "19,840", "", "", 8000, 1984000, 0, 0 },
  { "7,654.3", "18,982.66", "", "", 7654.3, 1898266, 0, 0 },          /* 18,982.664 */
  { "6000", "14880", "", "", 6000, 1488000, 0, 0 },
  { "5,000.0", "12,400.00", "", "", 5000, 1240000, 0, 0 },
};

static void
test_paste_block (Fixture       *fixture,
                  gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonHarvestPage *page = show_harvest_page (fixture);
  g_autoptr(GString) text = g_string_new ("地块\t玉米产量（公斤）\t玉米收入（元）\t大豆产量（公斤）"
                                          "\t大豆收入（元）\r\n");
  g_autofree char *first_line = NULL;
  g_autofree char *abc_line = NULL;
  g_autofree char *kg_text = NULL;
  g_autofree char *yuan_text = NULL;
  g_autofree char *soy_kg_text = NULL;
  g_autofree char *soy_yuan_text = NULL;
  g_autofree char *zero_yuan = furrow_format_yuan (0);
  g_autofree char *zero_kg = g_strdup ("0.0");
  AdwMessageDialog *dialog;
  FurrowField *eleventh;
  double kg;
  gint64 fen;

  g_assert_cmpuint (furrow_season_harvest_page_get_n_fields (page), ==, 40);
  g_assert_cmpstr (furrow_season_harvest_page_get_compare_text (
                     page, furrow_field_get_code (row_field (fixture, page, 0)),
                     FURROW_COMPARE_COLUMN_ACTUAL_NET), ==, "—");
  /* Rows 0, 2, 4 … by code, 1, 3, 5 … by name (东洼2号地 …); then an unknown code and a cell
   * that is not a number. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      FurrowField *field = row_field (fixture, page, i);

      g_string_append_printf (text, "%s\t%s\t%s\t%s\t%s\r\n",
                              i % 2 == 0 ? furrow_field_get_code (field)
                                         : furrow_field_get_name (field),
                              rows[i].kg, rows[i].yuan, rows[i].soy_kg, rows[i].soy_yuan);
    }
  eleventh = row_field (fixture, page, 10);
  g_string_append (text, "T99\t1\t2\t\t\r\n");
  g_string_append_printf (text, "%s\tabc\t\t\t\r\n", furrow_field_get_code (eleventh));

  paste (page, text->str);
  dialog = furrow_season_harvest_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Paste 10 Rows?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "2 rows are refused and will not be written."));
  /* Row 2 of the block (after the header): old → new for each of its four values. */
  /* Kilograms grouped as the amounts are, whatever the locale (furrow_format_number()). */
  kg_text = g_strdup ("12,345.6");
  yuan_text = furrow_format_yuan (3086475);
  soy_kg_text = g_strdup ("1,800.0");
  soy_yuan_text = furrow_format_yuan (1080000);
  first_line = g_strdup_printf ("Row 2, %s %s: Maize harvested (kg) %s → %s; Maize revenue "
                                "(yuan) %s → %s; Soybean harvested (kg) %s → %s; Soybean "
                                "revenue (yuan) %s → %s",
                                furrow_field_get_code (row_field (fixture, page, 0)),
                                furrow_field_get_name (row_field (fixture, page, 0)),
                                zero_kg, kg_text, zero_yuan, yuan_text, zero_kg, soy_kg_text,
                                zero_yuan, soy_yuan_text);
  g_assert_cmpstr (furrow_season_harvest_page_get_paste_line (page, 0), ==, first_line);
  g_assert_cmpstr (furrow_season_harvest_page_get_paste_line (page, 10), ==,
                   "Row 12, “T99”: No field has the code or name “T99”.");
  abc_line = g_strdup_printf ("Row 13, %s %s: “abc” is not a number.",
                              furrow_field_get_code (eleventh), furrow_field_get_name (eleventh));
  g_assert_cmpstr (furrow_season_harvest_page_get_paste_line (page, 11), ==, abc_line);
  g_assert_null (furrow_season_harvest_page_get_paste_line (page, 12));
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 50, "season-paste-preview.png");

  /* Nothing is written before the answer. */
  g_assert_false (stored (store, furrow_field_get_id (row_field (fixture, page, 0)),
                          FURROW_CROP_MAIZE, &kg, &fen));
  click (dialog, "_Paste");
  g_assert_null (furrow_season_harvest_page_get_paste_dialog (page));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      FurrowField *field = row_field (fixture, page, i);
      gint64 id = furrow_field_get_id (field);

      g_assert_true (stored (store, id, FURROW_CROP_MAIZE, &kg, &fen));
      g_assert_cmpfloat (kg, ==, rows[i].expected_kg);
      g_assert_cmpint (fen, ==, rows[i].expected_fen);
      g_assert_cmpfloat (entry_value (page, field, FURROW_HARVEST_COLUMN_MAIZE_KG), ==,
                         rows[i].expected_kg);
      g_assert_cmpfloat (round (entry_value (page, field, FURROW_HARVEST_COLUMN_MAIZE_REVENUE) *
                                100), ==, rows[i].expected_fen);
      /* Empty soybean cells write nothing. */
      g_assert_cmpint (stored (store, id, FURROW_CROP_SOYBEAN, &kg, &fen), ==,
                       rows[i].expected_soy_kg > 0);
      g_assert_cmpfloat (kg, ==, rows[i].expected_soy_kg);
      g_assert_cmpint (fen, ==, rows[i].expected_soy_fen);
      g_assert_cmpfloat (entry_value (page, field, FURROW_HARVEST_COLUMN_SOY_KG), ==,
                         rows[i].expected_soy_kg);
      g_assert_cmpfloat (round (entry_value (page, field, FURROW_HARVEST_COLUMN_SOY_REVENUE) *
                                100), ==, rows[i].expected_soy_fen);
    }
  /* The refused rows wrote nothing: the eleventh field has no harvest. */
  g_assert_false (stored (store, furrow_field_get_id (eleventh), FURROW_CROP_MAIZE, &kg, &fen));
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 50, "season-paste.png");

  /* One Ctrl+Z: every value back to none, on screen (zeros in the entries, "—" for the actual
   * figures) and in the file (no record). */
  g_assert_cmpstr (furrow_history_get_undo_label (furrow_window_get_history (fixture->window)),
                   ==, "Paste harvests");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (300);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      FurrowField *field = row_field (fixture, page, i);
      gint64 id = furrow_field_get_id (field);

      g_assert_false (stored (store, id, FURROW_CROP_MAIZE, &kg, &fen));
      g_assert_false (stored (store, id, FURROW_CROP_SOYBEAN, &kg, &fen));
      g_assert_cmpstr (furrow_season_harvest_page_get_compare_text (
                         page, furrow_field_get_code (field), FURROW_COMPARE_COLUMN_ACTUAL_NET),
                       ==, "—");
      for (guint c = FURROW_HARVEST_COLUMN_MAIZE_KG; c <= FURROW_HARVEST_COLUMN_SOY_REVENUE; c++)
        if (c != FURROW_HARVEST_COLUMN_SOY_PREDICTED_KG)
          g_assert_cmpfloat (entry_value (page, field, c), ==, 0);
    }
  /* And redo writes the block again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  furrow_test_iterate (300);
  g_assert_cmpfloat (entry_value (page, row_field (fixture, page, 7),
                                  FURROW_HARVEST_COLUMN_MAIZE_KG), ==, 7654.3);
  g_assert_true (stored (store, furrow_field_get_id (row_field (fixture, page, 7)),
                         FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpint (fen, ==, 1898266);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/block", Fixture, fixture_set_up, test_paste_block,
                     furrow_test_window_tear_down);

/* Numbers only, with the focus on the third row's maize revenue: the first row of the block goes
 * there (maize yuan, soybean kg), the second to the fourth row; Cancel writes nothing. */
static void
test_paste_positional (Fixture       *fixture,
                       gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonHarvestPage *page = show_harvest_page (fixture);
  FurrowField *third = row_field (fixture, page, 2);
  FurrowField *fourth = row_field (fixture, page, 3);
  AdwMessageDialog *dialog;
  double kg;
  gint64 fen;

  gtk_widget_grab_focus (GTK_WIDGET (furrow_season_harvest_page_get_entry (
                                       page, furrow_field_get_code (third),
                                       FURROW_HARVEST_COLUMN_MAIZE_REVENUE)));
  furrow_test_iterate (100);
  /* WPS: LF, no header. ¥28,520.00 and 1,200 kg; ¥19,840.00 and 950 kg. Ctrl+V on the grid. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)),
                          "28520\t1,200\n19,840\t九百五十\n");
  g_assert_true (press_ctrl_v (furrow_season_harvest_page_get_child (page, "harvest_grid")));
  dialog = furrow_season_harvest_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Paste 2 Rows?");
  click (dialog, "_Cancel");
  g_assert_null (furrow_season_harvest_page_get_paste_dialog (page));
  g_assert_false (stored (store, furrow_field_get_id (third), FURROW_CROP_MAIZE, &kg, &fen));

  /* Again, accepted. The focus went to the preview and came back: the third row still leads. */
  paste (page, "28520\t1,200\n19,840\t九百五十\n");
  dialog = furrow_season_harvest_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  click (dialog, "_Paste");
  g_assert_true (stored (store, furrow_field_get_id (third), FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 0);
  g_assert_cmpint (fen, ==, 2852000);
  g_assert_true (stored (store, furrow_field_get_id (third), FURROW_CROP_SOYBEAN, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 1200);
  g_assert_cmpint (fen, ==, 0);
  g_assert_true (stored (store, furrow_field_get_id (fourth), FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpint (fen, ==, 1984000);
  g_assert_true (stored (store, furrow_field_get_id (fourth), FURROW_CROP_SOYBEAN, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 950);
  g_assert_cmpfloat (entry_value (page, fourth, FURROW_HARVEST_COLUMN_SOY_KG), ==, 950);

  /* One cell, as a spreadsheet copies it (with its line break): into the focused entry, no
   * preview; written by the entry's own delayed commit. 12,345 公斤 is 12,345 kg. */
  gtk_widget_grab_focus (GTK_WIDGET (furrow_season_harvest_page_get_entry (
                                       page, furrow_field_get_code (fourth),
                                       FURROW_HARVEST_COLUMN_MAIZE_KG)));
  furrow_test_iterate (100);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)), "12,345 公斤");
  g_assert_true (press_ctrl_v (furrow_season_harvest_page_get_child (page, "harvest_grid")));
  furrow_test_iterate (300);
  g_assert_null (furrow_season_harvest_page_get_paste_dialog (page));
  g_assert_cmpfloat (entry_value (page, fourth, FURROW_HARVEST_COLUMN_MAIZE_KG), ==, 12345);
  g_assert_true (stored (store, furrow_field_get_id (fourth), FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 12345);
  g_assert_cmpint (fen, ==, 1984000);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/positional", Fixture, fixture_set_up,
                     test_paste_positional, furrow_test_window_tear_down);

/* A settled season: the paste is refused with a message, no preview opens, nothing changes. */
static void
test_paste_settled (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonHarvestPage *page = show_harvest_page (fixture);
  FurrowField *first = row_field (fixture, page, 0);
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, SEASON_NAME);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("%s\t1\t2\r\n", furrow_field_get_code (first));
  double kg;
  gint64 fen;

  g_assert_true (furrow_store_set_harvest (store, season, first, FURROW_CROP_MAIZE, 5500, 748000,
                                           &error));
  g_assert_true (furrow_store_settle_season (store, season, "成员大会决议", &error));
  g_assert_no_error (error);
  furrow_test_iterate (300);

  paste (page, text);
  g_assert_null (furrow_season_harvest_page_get_paste_dialog (page));
  g_assert_cmpstr (furrow_season_page_get_last_message (FURROW_SEASON_PAGE (page)), ==,
                   "This season is settled: reopen it to change its harvests.");
  g_assert_true (stored (store, furrow_field_get_id (first), FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 5500);
  g_assert_cmpint (fen, ==, 748000);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/settled", Fixture, fixture_set_up,
                     test_paste_settled, furrow_test_window_tear_down);

/* Fill Down (issue 13, item 8): the first field's maize kilograms typed, Shift+Down five times
 * selects the five entries below, Ctrl+D previews and writes 12,345.6 kg into those five fields
 * as one edit (their yuan as stored), one undo puts the five stored harvests back. A negative
 * value is refused on every row with its reason; a settled season refuses with a message. */
static void
test_fill_down (Fixture       *fixture,
                gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonHarvestPage *page = show_harvest_page (fixture);
  GtkWidget *grid = furrow_season_harvest_page_get_child (page, "harvest_grid");
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, SEASON_NAME);
  g_autoptr(GError) error = NULL;
  g_autofree char *filled = g_strdup ("12,345.6");
  FurrowFieldEditor *editor = furrow_field_map_get_editor (fixture->window->field_map);
  FurrowNumberEntry *first_kg;
  AdwMessageDialog *dialog;
  double kg;
  gint64 fen;

  /* Rows 2 to 6 hold a harvest already: 1,100 kg + 100 kg a row, ¥2.48 a kilogram
   * (1,100 × 2.48 = ¥2,728.00 …); row 7 has none. */
  for (guint i = 1; i <= 5; i++)
    g_assert_true (furrow_store_set_harvest (store, season, row_field (fixture, page, i),
                                             FURROW_CROP_MAIZE, 1000 + 100 * i,
                                             (1000 + 100 * i) * 248, &error));
  g_assert_no_error (error);
  furrow_test_iterate (300);

  /* Ctrl+D is Draw a Field on the map: off while the season is shown. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.draw-field", NULL);
  furrow_test_iterate (100);
  g_assert_false (furrow_field_editor_get_drawing (editor));

  first_kg = furrow_season_harvest_page_get_entry (page,
                                                   furrow_field_get_code (row_field (fixture,
                                                                                     page, 0)),
                                                   FURROW_HARVEST_COLUMN_MAIZE_KG);
  gtk_widget_grab_focus (GTK_WIDGET (first_kg));
  furrow_test_iterate (100);
  furrow_number_entry_set_value (first_kg, 12345.6);
  for (guint i = 0; i < 5; i++)
    g_assert_true (press_key (grid, GDK_KEY_Down, GDK_SHIFT_MASK));
  /* The five cells below are selected, the seventh row's is not. */
  for (guint i = 1; i <= 6; i++)
    {
      FurrowNumberEntry *entry = furrow_season_harvest_page_get_entry (
        page, furrow_field_get_code (row_field (fixture, page, i)),
        FURROW_HARVEST_COLUMN_MAIZE_KG);

      g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (entry), "fill-selected"), ==,
                       i <= 5);
    }
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 50,
                                      "season-fill-down-selected.png");

  g_assert_true (press_key (grid, GDK_KEY_d, GDK_CONTROL_MASK));
  dialog = furrow_season_harvest_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Fill Down 5 Rows?");
  for (guint i = 1; i <= 5; i++)
    {
      FurrowField *field = row_field (fixture, page, i);
      g_autofree char *before = g_strdup_printf ("1,%u00.0", i);
      g_autofree char *line = g_strdup_printf ("Row %u, %s %s: Maize harvested (kg) %s → %s", i,
                                               furrow_field_get_code (field),
                                               furrow_field_get_name (field), before, filled);

      g_assert_cmpstr (furrow_season_harvest_page_get_paste_line (page, i - 1), ==, line);
    }
  g_assert_null (furrow_season_harvest_page_get_paste_line (page, 5));
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 50, "season-fill-down-preview.png");
  click (dialog, "_Paste");

  for (guint i = 0; i <= 6; i++)
    {
      FurrowField *field = row_field (fixture, page, i);
      gboolean has = stored (store, furrow_field_get_id (field), FURROW_CROP_MAIZE, &kg, &fen);

      if (i == 6)
        {
          /* Below the selection: nothing written. */
          g_assert_false (has);
          continue;
        }
      g_assert_true (has);
      g_assert_cmpfloat (kg, ==, 12345.6);
      /* The yuan stay as stored: ¥2.48 × (1,000 + 100 i) kg; the first row had none. */
      g_assert_cmpint (fen, ==, i == 0 ? 0 : (1000 + 100 * i) * 248);
      g_assert_cmpfloat (entry_value (page, field, FURROW_HARVEST_COLUMN_MAIZE_KG), ==, 12345.6);
    }
  /* No cell stays selected. */
  g_assert_false (gtk_widget_has_css_class (
    GTK_WIDGET (furrow_season_harvest_page_get_entry (
      page, furrow_field_get_code (row_field (fixture, page, 3)), FURROW_HARVEST_COLUMN_MAIZE_KG)),
    "fill-selected"));

  /* One Ctrl+Z: the five stored harvests back; the first row keeps what was typed in it (its
   * own edit). */
  g_assert_cmpstr (furrow_history_get_undo_label (furrow_window_get_history (fixture->window)),
                   ==, "Paste harvests");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (300);
  for (guint i = 1; i <= 5; i++)
    {
      FurrowField *field = row_field (fixture, page, i);

      g_assert_true (stored (store, furrow_field_get_id (field), FURROW_CROP_MAIZE, &kg, &fen));
      g_assert_cmpfloat (kg, ==, 1000 + 100 * i);
      g_assert_cmpint (fen, ==, (1000 + 100 * i) * 248);
      g_assert_cmpfloat (entry_value (page, field, FURROW_HARVEST_COLUMN_MAIZE_KG), ==,
                         1000 + 100 * i);
    }
  g_assert_true (stored (store, furrow_field_get_id (row_field (fixture, page, 0)),
                         FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 12345.6);

  /* No cell selected below: the value above comes into the focused entry (row 3 gets row 2's
   * 1,100 kg). A negative value there is refused on its row, with the reason. */
  gtk_widget_grab_focus (GTK_WIDGET (furrow_season_harvest_page_get_entry (
    page, furrow_field_get_code (row_field (fixture, page, 1)), FURROW_HARVEST_COLUMN_MAIZE_KG)));
  furrow_test_iterate (100);
  furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (
    page, furrow_field_get_code (row_field (fixture, page, 1)), FURROW_HARVEST_COLUMN_MAIZE_KG), -5);
  gtk_widget_grab_focus (GTK_WIDGET (furrow_season_harvest_page_get_entry (
    page, furrow_field_get_code (row_field (fixture, page, 2)), FURROW_HARVEST_COLUMN_MAIZE_KG)));
  furrow_test_iterate (100);
  g_assert_true (press_key (grid, GDK_KEY_d, GDK_CONTROL_MASK));
  dialog = furrow_season_harvest_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing to Paste");
  {
    FurrowField *third = row_field (fixture, page, 2);
    g_autofree char *line = g_strdup_printf ("Row 1, %s %s: “-5.0” is negative: a weight or an "
                                             "amount is zero or more.",
                                             furrow_field_get_code (third),
                                             furrow_field_get_name (third));

    g_assert_cmpstr (furrow_season_harvest_page_get_paste_line (page, 0), ==, line);
    click (dialog, "_Close");
    g_assert_true (stored (store, furrow_field_get_id (third), FURROW_CROP_MAIZE, &kg, &fen));
    g_assert_cmpfloat (kg, ==, 1200);
  }

  /* Settled: refused with the reason, no preview. (The focus leaves the entry first, as it does
   * when the clerk goes to the settlement page: the grid turns insensitive.) */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_assert_true (furrow_store_settle_season (store, season, "成员大会决议", &error));
  g_assert_no_error (error);
  furrow_test_iterate (300);
  g_assert_true (press_key (grid, GDK_KEY_d, GDK_CONTROL_MASK));
  g_assert_null (furrow_season_harvest_page_get_paste_dialog (page));
  g_assert_cmpstr (furrow_season_page_get_last_message (FURROW_SEASON_PAGE (page)), ==,
                   "This season is settled: reopen it to change its harvests.");
  g_assert_true (stored (store, furrow_field_get_id (row_field (fixture, page, 3)),
                         FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 1300);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/fill-down", Fixture, fixture_set_up,
                     test_fill_down, furrow_test_window_tear_down);

static GtkWidget *
economics_child (FurrowSeasonEconomicsPage *page,
                 const char                *name)
{
  GtkWidget *child = furrow_season_economics_page_get_child (page, name);

  g_assert_nonnull (child);
  return child;
}

/* The stored season's cost item (crop, item, every field) in fen per mu, -1 when absent. */
static gint64
stored_cost (FurrowStore *store,
             FurrowCrop   crop,
             const char  *item)
{
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, SEASON_NAME);
  const FurrowSeasonCost *costs;
  guint n = 0;

  costs = furrow_season_get_costs (season, &n);
  for (guint i = 0; i < n; i++)
    if (costs[i].crop == crop && costs[i].field_id == 0 && strcmp (costs[i].item, item) == 0)
      return costs[i].fen_per_mu;
  return -1;
}

static gint64
stored_subsidy (FurrowStore *store,
                const char  *name)
{
  g_autoptr(FurrowSeason) season = furrow_store_find_season (store, SEASON_NAME);
  const FurrowSeasonSubsidy *subsidies;
  guint n = 0;

  subsidies = furrow_season_get_subsidies (season, &n);
  for (guint i = 0; i < n; i++)
    if (strcmp (subsidies[i].name, name) == 0)
      return subsidies[i].fen_per_mu;
  return -1;
}

/* The economics page's items by name: the docs/domain.md §7 defaults of a new season (maize seed
 * ¥55/mu, soybean harvest ¥50, maize tillage ¥45, the strip subsidy ¥150) become ¥60, ¥55.50,
 * ¥50 and ¥160 in one edit of the season's rules; "seed" alone (an item of both crops) and an
 * item the season does not have are refused with their reasons; one undo puts all four back. */
static void
test_paste_economics (Fixture       *fixture,
                      gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonEconomicsPage *page;
  AdwMessageDialog *dialog;
  FurrowItemRow *seed;

  show_harvest_page (fixture);
  page = FURROW_SEASON_ECONOMICS_PAGE (furrow_test_show_season_page (
    fixture->window, "economics", FURROW_TYPE_SEASON_ECONOMICS_PAGE, 100));
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 5500);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)),
                          "Item\tYuan per mu\r\n"
                          "Maize seed\t60\r\n"
                          "Soybean harvest\t55.50元\r\n"
                          "tillage\t５０\r\n"
                          "strip intercropping subsidy\t¥160.00\r\n"
                          "seed\t1\r\n"
                          "water\t3\r\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "economics.paste-rows", NULL));
  furrow_test_iterate (200);
  dialog = furrow_season_economics_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Paste 4 Rows?");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 0), ==,
                   "Row 2, Maize seed: ¥55.00 → ¥60.00");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 1), ==,
                   "Row 3, Soybean harvest: ¥50.00 → ¥55.50");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 2), ==,
                   "Row 4, Maize tillage: ¥45.00 → ¥50.00");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 3), ==,
                   "Row 5, strip intercropping subsidy: ¥150.00 → ¥160.00");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 4), ==,
                   "Row 6, “seed”: “seed” is an item of both crops: write the crop before it "
                   "(“Maize seed”).");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 5), ==,
                   "Row 7, “water”: The table has no item “water”.");
  g_assert_null (furrow_season_economics_page_get_paste_line (page, 6));
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 50, "season-paste-economics.png");
  click (dialog, "_Paste");

  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 6000);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_SOYBEAN, "harvest"), ==, 5550);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "tillage"), ==, 5000);
  g_assert_cmpint (stored_subsidy (store, "strip intercropping subsidy"), ==, 16000);
  /* The others as they were: soybean seed ¥25, maize harvest ¥60. */
  g_assert_cmpint (stored_cost (store, FURROW_CROP_SOYBEAN, "seed"), ==, 2500);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "harvest"), ==, 6000);

  g_assert_cmpstr (furrow_history_get_undo_label (furrow_window_get_history (fixture->window)),
                   ==, "Change the season’s rules");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (300);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 5500);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_SOYBEAN, "harvest"), ==, 5000);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "tillage"), ==, 4500);
  g_assert_cmpint (stored_subsidy (store, "strip intercropping subsidy"), ==, 15000);
  g_assert_cmpfloat (furrow_number_entry_get_value (furrow_item_row_get_amount (FURROW_ITEM_ROW (
                       furrow_season_economics_page_get_item_row (page, 0, 2)))), ==, 55);

  /* Ctrl+V in an item's name pastes text there: the page does not take the key. */
  seed = FURROW_ITEM_ROW (furrow_season_economics_page_get_item_row (page, 0, 2));
  gtk_widget_grab_focus (GTK_WIDGET (furrow_item_row_get_name_entry (seed)));
  furrow_test_iterate (100);
  g_assert_false (press_ctrl_v (economics_child (page, "editor_page")));
  /* On maize seed's amount: numbers only land from there on — maize seed ¥58, fertilizer (the
   * row after it) ¥240. */
  gtk_widget_grab_focus (GTK_WIDGET (furrow_item_row_get_amount (seed)));
  furrow_test_iterate (100);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)), "58\n240\n");
  g_assert_true (press_ctrl_v (economics_child (page, "editor_page")));
  dialog = furrow_season_economics_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 1), ==,
                   "Row 2, Maize fertilizer: ¥235.00 → ¥240.00");
  click (dialog, "_Paste");
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 5800);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "fertilizer"), ==, 24000);
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/economics", Fixture, fixture_set_up,
                     test_paste_economics, furrow_test_window_tear_down);

/* The amount of the economics page's cost item `index` (docs/domain.md §7 order: tillage,
 * sowing, seed, fertilizer, pesticide, harvest … for maize). */
static FurrowNumberEntry *
cost_amount (FurrowSeasonEconomicsPage *page,
             guint                      index)
{
  GtkWidget *row = furrow_season_economics_page_get_item_row (page, 0, index);

  g_assert_nonnull (row);
  return furrow_item_row_get_amount (FURROW_ITEM_ROW (row));
}

/* Fill Down in the economics page's lists (issue 13, item 8), the harvest grid's code
 * (furrow-fill-down.c): maize seed typed as ¥77, Shift+Down twice selects fertilizer and
 * pesticide (the docs/domain.md §7 defaults ¥235 and ¥40 a mu), Ctrl+D previews and writes ¥77
 * into both as one edit of the season's rules, one undo puts ¥235 and ¥40 back. With nothing
 * selected, the Fill Down button copies the amount above into the one focused last: a negative
 * one is refused on its row, with the reason; a settled season refuses with a message. */
static void
test_fill_down_economics (Fixture       *fixture,
                          gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonEconomicsPage *page;
  GtkWidget *harvest;
  GtkWidget *editor;
  GtkWidget *button;
  AdwMessageDialog *dialog;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;

  harvest = GTK_WIDGET (show_harvest_page (fixture));
  page = FURROW_SEASON_ECONOMICS_PAGE (furrow_test_show_season_page (
    fixture->window, "economics", FURROW_TYPE_SEASON_ECONOMICS_PAGE, 100));
  editor = economics_child (page, "editor_page");
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "fertilizer"), ==, 23500);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "pesticide"), ==, 4000);

  gtk_widget_grab_focus (GTK_WIDGET (cost_amount (page, 2)));
  furrow_test_iterate (100);
  furrow_number_entry_set_value (cost_amount (page, 2), 77);
  g_assert_true (press_key (editor, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (press_key (editor, GDK_KEY_Down, GDK_SHIFT_MASK));
  /* Fertilizer and pesticide selected, seed itself and harvest not. */
  for (guint i = 2; i <= 5; i++)
    g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (cost_amount (page, i)),
                                               "fill-selected"), ==, i == 3 || i == 4);
  furrow_test_save_widget_screenshot (GTK_WIDGET (fixture->window), 50,
                                      "season-fill-down-economics-selected.png");

  g_assert_true (press_key (editor, GDK_KEY_d, GDK_CONTROL_MASK));
  dialog = furrow_season_economics_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Fill Down 2 Rows?");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 0), ==,
                   "Row 1, Maize fertilizer: ¥235.00 → ¥77.00");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 1), ==,
                   "Row 2, Maize pesticide: ¥40.00 → ¥77.00");
  g_assert_null (furrow_season_economics_page_get_paste_line (page, 2));
  furrow_test_save_widget_screenshot (GTK_WIDGET (dialog), 50,
                                      "season-fill-down-economics-preview.png");
  click (dialog, "_Paste");
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 7700);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "fertilizer"), ==, 7700);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "pesticide"), ==, 7700);
  /* Below the selection: harvest as it was. */
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "harvest"), ==, 6000);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cost_amount (page, 3)), "fill-selected"));

  /* One undo: fertilizer and pesticide back; seed keeps what was typed (its own edit). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (300);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "fertilizer"), ==, 23500);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "pesticide"), ==, 4000);
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 7700);
  g_assert_cmpfloat (furrow_number_entry_get_value (cost_amount (page, 3)), ==, 235);

  /* Pesticide typed as −5, harvest focused, then the Fill Down button (which takes the focus):
   * the −5 above is refused on harvest's row, with the reason; nothing is written. */
  gtk_widget_grab_focus (GTK_WIDGET (cost_amount (page, 4)));
  furrow_test_iterate (100);
  furrow_number_entry_set_value (cost_amount (page, 4), -5);
  gtk_widget_grab_focus (GTK_WIDGET (cost_amount (page, 5)));
  furrow_test_iterate (100);
  button = gtk_widget_get_ancestor (furrow_test_find_label (GTK_WIDGET (page), "Fill Down"),
                                    GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  furrow_test_iterate (200);
  dialog = furrow_season_economics_page_get_paste_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing to Paste");
  g_assert_cmpstr (furrow_season_economics_page_get_paste_line (page, 0), ==,
                   "Row 1, “Maize harvest”: “-5.00” is negative: a weight or an amount is zero "
                   "or more.");
  click (dialog, "_Close");
  g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "harvest"), ==, 6000);

  /* Settled: refused with the reason, no preview. */
  furrow_number_entry_set_value (cost_amount (page, 4), 40);
  furrow_test_iterate (FURROW_SEASON_PAGE_COMMIT_DELAY_MS + 300);
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  season = furrow_store_find_season (store, SEASON_NAME);
  g_assert_true (furrow_store_set_harvest (store, season,
                                           row_field (fixture, FURROW_SEASON_HARVEST_PAGE (
                                                        harvest), 0),
                                           FURROW_CROP_MAIZE, 1000, 248000, &error));
  g_assert_true (furrow_store_settle_season (store, season, "成员大会决议", &error));
  g_assert_no_error (error);
  furrow_test_iterate (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "economics.fill-down", NULL));
  furrow_test_iterate (100);
  g_assert_null (furrow_season_economics_page_get_paste_dialog (page));
  g_assert_cmpstr (furrow_season_page_get_last_message (FURROW_SEASON_PAGE (page)), ==,
                   "This season is settled: reopen it to change its rules.");
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/fill-down-economics", Fixture, fixture_set_up,
                     test_fill_down_economics, furrow_test_window_tear_down);

/* The Escape controller of an entry (furrow-number-entry.h). */
static GtkEventController *
escape_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "furrow-escape-reverts") == 0)
        return controller;
    }
  return NULL;
}

/* Types TEXT into ENTRY and presses Enter. */
static void
type_and_commit (FurrowNumberEntry *entry,
                 const char        *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  furrow_test_iterate (FURROW_SEASON_PAGE_COMMIT_DELAY_MS + 300);
}

static gboolean
conflict_dialog_shown (gpointer data)
{
  return furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

typedef struct
{
  FurrowStore *store;
  gint64       field_id;
  double       kg;
} StoredKg;

static gboolean
kg_stored (gpointer data)
{
  StoredKg *want = data;
  double kg;
  gint64 fen;

  return stored (want->store, want->field_id, FURROW_CROP_MAIZE, &kg, &fen) && kg == want->kg;
}

/* Two clerks on one project (docs/architecture.md, Several users at once): another connection
 * enters 6,420 kg of maize on the first field after the page read it empty; the 7,000 kg typed
 * here is refused: the window's dialog names the field, who and the 6,420 kg, the entry shows
 * 6,420 and the project holds it. Typed again on what it shows, 7,000 kg is written. */
static void
test_harvest_conflict (Fixture       *fixture,
                       gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonHarvestPage *page = show_harvest_page (fixture);
  FurrowField *first = row_field (fixture, page, 0);
  FurrowNumberEntry *maize_kg = furrow_season_harvest_page_get_entry (
    page, furrow_field_get_code (first), FURROW_HARVEST_COLUMN_MAIZE_KG);
  g_autoptr(FurrowStore) other = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *who = NULL;
  StoredKg want = { store, furrow_field_get_id (first), 7000 };
  GtkWindow *dialog;

  other = furrow_store_open (furrow_store_get_path (store), &error);
  g_assert_no_error (error);
  season = furrow_store_find_season (other, SEASON_NAME);
  g_assert_true (furrow_store_set_harvest (other, season,
                                           furrow_store_get_field_by_id (other,
                                                                         furrow_field_get_id (first)),
                                           FURROW_CROP_MAIZE, 6420, 873120, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (furrow_number_entry_get_value (maize_kg), ==, 0);

  type_and_commit (maize_kg, "7000");
  g_assert_true (furrow_test_wait_until (conflict_dialog_shown, NULL, 30));
  dialog = furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  who = furrow_test_store_changed_by (furrow_store_get_path (store), g_get_user_name (),
                                      "SELECT max (changed_at) FROM harvests");
  expected = g_strdup_printf ("The maize harvest of field %s was changed by %s after you opened "
                              "it; it now reads 6420 kg. Your change was not saved.",
                              furrow_field_get_code (first), who);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Changed by Another User");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, expected);
  gtk_window_destroy (dialog);
  furrow_test_iterate (100);
  want.kg = 6420;
  g_assert_true (kg_stored (&want));
  g_assert_cmpfloat (entry_value (page, first, FURROW_HARVEST_COLUMN_MAIZE_KG), ==, 6420);

  type_and_commit (maize_kg, "7000");
  want.kg = 7000;
  g_assert_true (furrow_test_wait_until (kg_stored, &want, 30));
  g_assert_null (furrow_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/harvest-conflict", Fixture, fixture_set_up,
                     test_harvest_conflict, furrow_test_window_tear_down);

/* Typed harvests and amounts (issue 13, item 8): plain entries without steppers read what a clerk types as
 * a pasted cell is read. "1,234.5" kg and "１２３４" yuan committed write 1,234.5 kg and
 * 123,400 fen, one edit each (one undo takes back the yuan only); Tab goes from the kilograms
 * to the yuan of the row; Escape puts back the value; "12,5", "abc" and "-5" are refused with
 * the error style and a tooltip, and nothing is written. (GtkSpinButton read "1,234.5" as 1.) */
static void
test_typed_entries (Fixture       *fixture,
                    gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowSeasonHarvestPage *page = show_harvest_page (fixture);
  FurrowField *first = row_field (fixture, page, 0);
  const char *code = furrow_field_get_code (first);
  FurrowNumberEntry *kg_entry = furrow_season_harvest_page_get_entry (
    page, code, FURROW_HARVEST_COLUMN_MAIZE_KG);
  FurrowNumberEntry *yuan_entry = furrow_season_harvest_page_get_entry (
    page, code, FURROW_HARVEST_COLUMN_MAIZE_REVENUE);
  static const char *refused[] = { "12,5", "abc", "-5" };
  gboolean handled = FALSE;
  GtkWidget *focus;
  double kg, value;
  gint64 fen;

  g_assert_false (GTK_IS_SPIN_BUTTON (kg_entry));
  type_and_commit (kg_entry, "1,234.5");
  g_assert_true (stored (store, furrow_field_get_id (first), FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 1234.5);
  g_assert_cmpint (fen, ==, 0);

  /* Tab: from the kilograms to the yuan of the same row. */
  gtk_widget_grab_focus (GTK_WIDGET (kg_entry));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (yuan_entry)));

  type_and_commit (yuan_entry, "１２３４");
  g_assert_true (stored (store, furrow_field_get_id (first), FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 1234.5);
  g_assert_cmpint (fen, ==, 123400);
  g_assert_cmpfloat (furrow_number_entry_get_value (yuan_entry), ==, 1234);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (yuan_entry), "error"));

  /* Escape puts back what the entry holds. */
  gtk_editable_set_text (GTK_EDITABLE (kg_entry), "99");
  g_signal_emit_by_name (escape_controller (GTK_WIDGET (kg_entry)), "key-pressed", GDK_KEY_Escape,
                         0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (furrow_paste_parse_number (gtk_editable_get_text (GTK_EDITABLE (kg_entry)),
                                            &value));
  g_assert_cmpfloat (value, ==, 1234.5);

  /* Refused: marked with the reason, nothing written; Escape clears it. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      type_and_commit (kg_entry, refused[i]);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kg_entry), "error"));
      g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (kg_entry)));
      g_assert_cmpfloat (furrow_number_entry_get_value (kg_entry), ==, 1234.5);
      g_assert_true (stored (store, furrow_field_get_id (first), FURROW_CROP_MAIZE, &kg, &fen));
      g_assert_cmpfloat (kg, ==, 1234.5);
      g_assert_cmpint (fen, ==, 123400);
    }
  g_signal_emit_by_name (escape_controller (GTK_WIDGET (kg_entry)), "key-pressed", GDK_KEY_Escape,
                         0, 0, &handled);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (kg_entry), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (kg_entry)));

  /* One edit a committed cell: one undo takes back the yuan, the kilograms stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  furrow_test_iterate (300);
  g_assert_true (stored (store, furrow_field_get_id (first), FURROW_CROP_MAIZE, &kg, &fen));
  g_assert_cmpfloat (kg, ==, 1234.5);
  g_assert_cmpint (fen, ==, 0);
  g_assert_cmpfloat (furrow_number_entry_get_value (yuan_entry), ==, 0);

  /* The economics page's amounts in yuan are the same entries: maize seed typed "1,234.5" is
   * ¥1,234.50 a mu, 123,450 fen; "12,5" is refused and nothing written. */
  {
    FurrowSeasonEconomicsPage *economics = FURROW_SEASON_ECONOMICS_PAGE (
      furrow_test_show_season_page (fixture->window, "economics",
                                    FURROW_TYPE_SEASON_ECONOMICS_PAGE, 100));
    FurrowNumberEntry *seed = furrow_item_row_get_amount (FURROW_ITEM_ROW (
      furrow_season_economics_page_get_item_row (economics, 0, 2)));

    g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 5500);
    type_and_commit (seed, "1,234.5");
    g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 123450);
    type_and_commit (seed, "12,5");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (seed), "error"));
    g_assert_cmpint (stored_cost (store, FURROW_CROP_MAIZE, "seed"), ==, 123450);
  }
}
FURROW_TEST_FIXTURE ("/furrow/gui/season-paste/typed-entries", Fixture, fixture_set_up,
                     test_typed_entries, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
