/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each user's journey end to end in the real window (issue 13, "Deliver with it: journey
 * tests"), at 1024×700 (an old laptop), 1366×768 and 1920×1080, in the language of the
 * environment: meson runs each journey as its own test, once in C and once with
 * FURROW_TEST_LANGUAGE=zh_CN (tests/gui/meson.build), so the six may run side by side.
 *
 * - the clerk finds a household by search, edits a parcel's registered area, undoes it, imports a
 *   shapefile with a bow-tie and sees it listed, and exports the statements of a settled season
 *   to a PDF with a page for every household of the roster;
 * - the agronomist selects a field, plans it, changes the pattern and the maize row spacing,
 *   compares the patterns, calibrates a yield model in the editor and applies the plan to a
 *   season;
 * - the manager makes a new season, applies 2+4 to every field, reads the economics, types the
 *   harvests of all but two fields, settles through the warnings, posts the notice and records
 *   an objection under a server's role line, exports the roster and reopens the season with a
 *   reason.
 *
 * At every step each control on the path is mapped, inside its window (after scrolling to it)
 * and at least its natural width, no amount (a label with ¥) and no column title is ellipsized
 * (tests/lib/furrow-test-layout.h), and a screenshot is saved into
 * $FURROW_SCREENSHOT_DIR/journeys/ (the README's pictures come from there:
 * build-aux/update-screenshots). A size larger than the screen is skipped: run under
 * `xvfb-run -s '-screen 0 1920x1080x24'`. */

#include "config.h"

#include <gdal.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "furrow-comparison-chart.h"
#include "furrow-cross-section.h"
#include "furrow-household-page-testing.h"
#include "furrow-import-assistant.h"
#include "furrow-import-assistant-testing.h"
#include "furrow-new-season-dialog-testing.h"
#include "furrow-notice.h"
#include "furrow-planner-panel.h"
#include "furrow-planner-panel-testing.h"
#include "furrow-record-list-testing.h"
#include "furrow-roster-row.h"
#include "furrow-season-economics-page.h"
#include "furrow-season-economics-page-testing.h"
#include "furrow-season-harvest-page.h"
#include "furrow-season-harvest-page-testing.h"
#include "furrow-season-overview-page.h"
#include "furrow-season-page.h"
#include "furrow-season-page-testing.h"
#include "furrow-season-overview-page-testing.h"
#include "furrow-season-settlement-page.h"
#include "furrow-season-settlement-page-testing.h"
#include "furrow-season-view.h"
#include "furrow-season-view-testing.h"
#include "furrow-store-payment.h"
#include "furrow-store-season.h"
#include "furrow-test-gui.h"
#include "furrow-test-layout.h"
#include "furrow-test-store.h"
#include "furrow-units.h"
#include "furrow-window.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-yield-model-editor.h"
#include "furrow-yield-model-editor-testing.h"
#include "import-test-data.h"

typedef FurrowTestWindow Fixture;

#define SEASON "2026 秋"

static const struct { int width, height; } sizes[] = {
  { 1024, 700 }, { 1366, 768 }, { 1920, 1080 },
};

/* journeys/JOURNEY-N-WHAT-<w>x<h>-<language>.png of the window, or of a dialog of it. */
static void
save_step (GtkWidget  *window,
           const char *step)
{
  furrow_test_save_step (window, step);
}

static void
check_window (Fixture    *fixture,
              const char *step)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  guint n, titles;

  /* What changed is laid out: a new frame drawn, and another for what the first one changed
   * (a table filled in an idle after its page shows). */
  furrow_test_wait_for_frame (window);
  furrow_test_iterate (50);
  furrow_test_wait_for_frame (window);
  n = furrow_test_check_money (window, step);
  titles = furrow_test_check_column_titles (window, step);
  furrow_test_check_season_view (GTK_WIDGET (furrow_window_get_season_view (fixture->window)),
                                 step);

  g_test_message ("%s at %dx%d (%s): %u amounts and %u column titles in full (%.1f s)", step,
                  gtk_widget_get_width (window), gtk_widget_get_height (window),
                  furrow_test_language (), n, titles, g_test_timer_elapsed ());
  save_step (window, step);
}

/* The x of the roster's column titled TITLE in the window. */
static double
title_x (GtkWidget  *view,
         const char *title)
{
  GtkWidget *label = furrow_test_find_label (view, title);
  graphene_rect_t b;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (label, view, &b));
  return b.origin.x;
}

/* The position of VIEW's column titled TITLE, or of the one titled OTHER when OTHER is not
 * NULL and no column has TITLE. */
static guint
column_index (GtkWidget  *view,
              const char *title,
              const char *other)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  guint found = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *t = gtk_column_view_column_get_title (column);

      if (g_strcmp0 (t, title) == 0 || (found == G_MAXUINT && g_strcmp0 (t, other) == 0))
        found = i;
    }
  g_assert_cmpuint (found, !=, G_MAXUINT);
  return found;
}

/* The label of the cell at column INDEX of every row of VIEW in the rows' widgets (after the
 * header, each row a cell per column in the columns' order) that is mapped and wholly inside
 * the height of SCROLLED, its cell in *CELLS. */
static GPtrArray *
labels_in_view (GtkWidget  *view,
                GtkWidget  *scrolled,
                guint       index,
                GPtrArray **cells)
{
  GPtrArray *labels = g_ptr_array_new ();

  *cells = g_ptr_array_new ();
  for (GtkWidget *rows = gtk_widget_get_next_sibling (gtk_widget_get_first_child (view));
       rows != NULL; rows = gtk_widget_get_next_sibling (rows))
    for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget *cell = gtk_widget_get_first_child (row);
        GtkWidget *label;
        graphene_rect_t b;

        for (guint i = 0; i < index && cell != NULL; i++)
          cell = gtk_widget_get_next_sibling (cell);
        label = cell != NULL ? furrow_test_find_widget (cell, GTK_TYPE_LABEL) : NULL;
        if (label == NULL || !gtk_widget_get_mapped (label) ||
            !gtk_widget_compute_bounds (label, scrolled, &b) || b.origin.y < 0 ||
            b.origin.y + b.size.height > gtk_widget_get_height (scrolled))
          continue;
        g_ptr_array_add (labels, label);
        g_ptr_array_add (*cells, cell);
      }
  return labels;
}

/* The labels under WIDGET whose text is in TEXTS, mapped and wholly inside the height of
 * SCROLLED. */
static void
find_labels_in_view (GtkWidget  *widget,
                     GHashTable *texts,
                     GtkWidget  *scrolled,
                     GPtrArray  *found)
{
  graphene_rect_t b;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    find_labels_in_view (c, texts, scrolled, found);
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_hash_table_contains (texts, gtk_label_get_text (GTK_LABEL (widget))) &&
      gtk_widget_compute_bounds (widget, scrolled, &b) && b.origin.y >= 0 &&
      b.origin.y + b.size.height <= gtk_widget_get_height (scrolled))
    g_ptr_array_add (found, widget);
}

/* Every 18-digit code in view in the ROSTER (a settlement page) clear of the overlay scrollbar,
 * the table scrolled to its right end (where it is anyway at 1920 px, the table fitting): the
 * code's text, where its label puts it, ends inside the table's view less the width of the
 * vertical scrollbar as it is when the pointer is over it ("hovering"). At 1920 px the last
 * digit was under the scrollbar (issue 13). */
static void
check_codes_clear_of_scrollbar (GtkWidget  *settlement,
                                GtkWidget  *view,
                                const char *step)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *scrollbar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GListModel *roster =
    furrow_season_settlement_page_get_roster (FURROW_SEASON_SETTLEMENT_PAGE (settlement));
  double h = gtk_adjustment_get_value (hadj);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  int bar = 0, resting = 0, end;

  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(FurrowRosterRow) row = g_list_model_get_item (roster, i);
      char *code = furrow_roster_row_get_text (row, FURROW_ROSTER_COLUMN_CODE);

      if (code != NULL && strlen (code) == 18)
        g_hash_table_add (codes, code);
      else
        g_free (code);
    }
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj));
  furrow_test_iterate (50);
  furrow_test_wait_for_frame (view);
  gtk_widget_measure (scrollbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &resting, NULL, NULL);
  gtk_widget_add_css_class (scrollbar, "hovering");
  gtk_widget_measure (scrollbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &bar, NULL, NULL);
  gtk_widget_remove_css_class (scrollbar, "hovering");
  bar = MAX (bar, resting);
  end = gtk_widget_get_width (scrolled) - bar;
  find_labels_in_view (view, codes, scrolled, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      const char *code = gtk_label_get_text (GTK_LABEL (label));
      graphene_rect_t b;
      int nat = 0;
      double right;

      g_assert_true (gtk_widget_compute_bounds (label, scrolled, &b));
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      b.origin.x +=
        (b.size.width - MIN (b.size.width, nat)) * gtk_label_get_xalign (GTK_LABEL (label));
      right = b.origin.x + MIN (b.size.width, nat);
      if (i == 0)
        g_test_message ("%s: code \"%s\" ends at x %.0f of the view's %d px, the scrollbar "
                        "%d px wide (%d at rest)", step, code, right,
                        gtk_widget_get_width (scrolled), bar, resting);
      if (right > end + 0.5)
        g_error ("%s: the code \"%s\" ends at x %.0f, under the scrollbar (%d–%d px)", step,
                 code, right, end, gtk_widget_get_width (scrolled));
    }
  g_assert_cmpuint (labels->len, >=, 5);
  gtk_adjustment_set_value (hadj, h);
  furrow_test_iterate (50);
  furrow_test_wait_for_frame (view);
}

/* The settled roster read to its end (issue 13, item 2): the totals row, the widest amounts,
 * is made only when a user scrolls down to it; its amounts in full in the view, the columns
 * as wide as before (sized to every row, not to the rows near the view). Then its last column
 * but one, Payment, reached by scrolling the table sideways as a user would: its title and a
 * household's status in full, inside the table's view and the window. The table then scrolled
 * back to where it was. */
static void
check_roster (GtkWidget  *settlement,
              const char *step)
{
  GtkWidget *view = furrow_test_find_widget (settlement, GTK_TYPE_COLUMN_VIEW);
  g_autofree char *what = g_strdup_printf ("%s, the roster's end", step);
  GtkScrolledWindow *scrolled;
  GtkAdjustment *hadj, *vadj;
  double h, v, total_x;
  guint n;

  g_assert_nonnull (view);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
  hadj = gtk_scrolled_window_get_hadjustment (scrolled);
  vadj = gtk_scrolled_window_get_vadjustment (scrolled);
  h = gtk_adjustment_get_value (hadj);
  v = gtk_adjustment_get_value (vadj);
  total_x = title_x (view, _("Total"));

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  furrow_test_iterate (100);
  furrow_test_wait_for_frame (view);
  n = furrow_test_check_money (view, what);
  g_test_message ("%s: %u amounts in full", what, n);
  {
    g_autofree char *end = g_strdup_printf ("%s-roster-end", step);

    save_step (GTK_WIDGET (gtk_widget_get_root (view)), end);
  }
  /* The totals row shown, its amount paid among those checked: its four amounts at least. */
  {
    GListModel *roster =
      furrow_season_settlement_page_get_roster (FURROW_SEASON_SETTLEMENT_PAGE (settlement));
    g_autoptr(FurrowRosterRow) last =
      g_list_model_get_item (roster, g_list_model_get_n_items (roster) - 1);
    g_autofree char *paid = furrow_roster_row_get_text (last, FURROW_ROSTER_COLUMN_TOTAL);

    g_assert_true (furrow_roster_row_is_total (last));
    g_assert_nonnull (furrow_test_find_label (view, paid));
    g_assert_cmpuint (n, >=, 4);
  }
  g_assert_cmpfloat_with_epsilon (title_x (view, _("Total")), total_x, 0.5);

  /* Translators' strings as the page shows them: the column's title, the status of a household
   * no bank file has been made for. */
  furrow_test_assert_reachable (furrow_test_find_label (view, _("Payment")), "roster: Payment");
  furrow_test_assert_reachable (
    furrow_test_find_label (view, furrow_payment_status_label (FURROW_PAYMENT_UNPAID)),
    "roster: a household's payment");
  /* The last household's 18-digit code in full, the table scrolled sideways to it
   * ("… 782102201010291" at 1366 px before: the column at its minimum of nine digits; issue
   * 13). */
  {
    GListModel *roster =
      furrow_season_settlement_page_get_roster (FURROW_SEASON_SETTLEMENT_PAGE (settlement));
    g_autoptr(FurrowRosterRow) row =
      g_list_model_get_item (roster, g_list_model_get_n_items (roster) - 2);
    g_autofree char *code = furrow_roster_row_get_text (row, FURROW_ROSTER_COLUMN_CODE);
    GtkWidget *label = furrow_test_find_label (view, code);

    g_assert_cmpuint (strlen (code), ==, 18);
    g_assert_nonnull (label);
    furrow_test_assert_reachable (label, "roster: a household's code");
    furrow_test_check_not_ellipsized (label, what);
  }
  check_codes_clear_of_scrollbar (settlement, view, what);
  gtk_adjustment_set_value (hadj, h);
  gtk_adjustment_set_value (vadj, v);
  furrow_test_iterate (50);
  furrow_test_wait_for_frame (view);
}

/* The column title TITLE of LIST, its whole meaning TOOLTIP over it (the tooltip of the title
 * or of a widget around it, its header button). */
static void
check_title_tooltip (GtkWidget  *list,
                     const char *title,
                     const char *tooltip)
{
  GtkWidget *label = furrow_test_find_label (list, title);
  const char *tip = NULL;

  g_assert_nonnull (label);
  for (GtkWidget *w = label; w != NULL && tip == NULL; w = gtk_widget_get_parent (w))
    tip = gtk_widget_get_tooltip_text (w);
  g_assert_cmpstr (tip, ==, tooltip);
}

/* The Households list's column titles in the user's language, whole, the short ones with their
 * whole meaning as a tooltip: "Reg. mu" and "Custody" had none, a shorthand of their own beside
 * the Fields list's "Reg." and "Cust." (issue 21). In Chinese no title has a Latin letter. */
static void
check_household_titles (GtkWidget  *list,
                        const char *step)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (furrow_test_find_widget (list, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  check_title_tooltip (list, C_("column", "Reg."), _("Registered area (mu)"));
  check_title_tooltip (list, C_("column", "Cust."), _("Custody"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      g_test_message ("%s: Households column %u \"%s\"", step, i, title);
      if (!g_str_equal (furrow_test_language (), "C"))
        for (const char *p = title; *p != '\0'; p++)
          if (g_ascii_isalpha (*p))
            g_error ("%s: the Households column \"%s\" is not translated", step, title);
    }
  g_assert_cmpuint (furrow_test_check_column_titles (list, step), >=, 5);
}

/* The settlement PAGE as it opens, its upper part not scrolled: the new objection's date and
 * Add Objection at the foot of that part wholly inside its view from 1366×768 up; at 1024×700,
 * where the part scrolls, its scroll bar in sight (not an overlay shown under the pointer); the
 * roster under it 180 px at least at every size. At 1366×768 the part measured its wrapped
 * lines as one line each and cut the two at its lower edge above a roster of 250 px, with no
 * sign that it scrolled (issue 21). */
static void
check_objection_row (GtkWidget  *page,
                     int         width,
                     const char *step)
{
  GtkWidget *date = GTK_WIDGET (gtk_widget_get_template_child (
    page, FURROW_TYPE_SEASON_SETTLEMENT_PAGE, "objection_received_entry"));
  GtkWidget *widgets[] = { date, furrow_test_find_action (page, "settlement.add-objection",
                                                         NULL) };
  GtkScrolledWindow *upper = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
    date, GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *viewport = gtk_scrolled_window_get_child (upper);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (upper);
  GtkWidget *bar = gtk_scrolled_window_get_vscrollbar (upper);
  GtkWidget *roster = gtk_widget_get_ancestor (furrow_test_find_widget (page,
                                                                        GTK_TYPE_COLUMN_VIEW),
                                               GTK_TYPE_SCROLLED_WINDOW);
  gboolean scrolls;
  gboolean whole = TRUE;

  gtk_adjustment_set_value (vadj, 0);
  furrow_test_iterate (50);
  furrow_test_wait_for_frame (page);
  scrolls = gtk_adjustment_get_upper (vadj) > gtk_adjustment_get_page_size (vadj) + 0.5;
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      graphene_rect_t b;

      g_assert_true (gtk_widget_get_mapped (widgets[i]));
      g_assert_true (gtk_widget_compute_bounds (widgets[i], viewport, &b));
      g_test_message ("%s: %s at y %.0f–%.0f of the upper part's %d px view (content %.0f px)",
                      step, i == 0 ? "the objection's date" : "Add Objection", b.origin.y,
                      b.origin.y + b.size.height, gtk_widget_get_height (viewport),
                      gtk_adjustment_get_upper (vadj));
      whole = whole && b.origin.y >= -0.5 &&
              b.origin.y + b.size.height <= gtk_widget_get_height (viewport) + 0.5;
    }
  g_test_message ("%s: roster %d px; the upper part %s, its scroll bar %s, %d px wide", step,
                  gtk_widget_get_height (roster), scrolls ? "scrolls" : "does not scroll",
                  gtk_widget_get_mapped (bar) ? "shown" : "hidden", gtk_widget_get_width (bar));
  if (width >= 1366)
    g_assert_true (whole);
  else if (!whole)
    {
      g_assert_true (scrolls);
      g_assert_false (gtk_scrolled_window_get_overlay_scrolling (upper));
      g_assert_true (gtk_widget_get_mapped (bar));
      g_assert_cmpint (gtk_widget_get_width (bar), >, 0);
    }
  g_assert_cmpint (gtk_widget_get_height (roster), >=, 180);
}

/* The roster's Payment column, its title and a household's status, wholly in the table's
 * view as the page opens, beside the amounts, not a scroll away: at 1024 px the column
 * started at the view's right edge before (issue 13). For a season without half-custody fees
 * (the clerk's): the manager's ¥10,680.30 of fees widen its Fee column by as much again. */
static void
check_payment_in_view (GtkWidget  *settlement,
                       const char *step)
{
  GtkWidget *view = furrow_test_find_widget (settlement, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  const char *texts[] = { _("Payment"), furrow_payment_status_label (FURROW_PAYMENT_UNPAID) };

  furrow_test_wait_for_frame (view);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *label = furrow_test_find_label (view, texts[i]);
      graphene_rect_t b;
      int nat = 0;

      g_assert_nonnull (label);
      g_assert_true (gtk_widget_compute_bounds (label, scrolled, &b));
      /* Its text, where the label aligns it: a status at the start of a column as wide as
       * the longest status. */
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      b.origin.x +=
        (b.size.width - MIN (b.size.width, nat)) * gtk_label_get_xalign (GTK_LABEL (label));
      b.size.width = MIN (b.size.width, nat);
      g_test_message ("%s: \"%s\" at x %.0f–%.0f of the table's %d px view", step, texts[i],
                      b.origin.x, b.origin.x + b.size.width, gtk_widget_get_width (scrolled));
      if (b.origin.x < -0.5 || b.origin.x + b.size.width > gtk_widget_get_width (scrolled) + 0.5)
        g_error ("%s: \"%s\" is not wholly in the table's view: x %.0f–%.0f of %d px", step,
                 texts[i], b.origin.x, b.origin.x + b.size.width, gtk_widget_get_width (scrolled));
    }
}

/* A season planned 2+4 on every field; with HARVEST, every field's harvest as 2,000 yuan/mu of
 * maize and 600 yuan/mu of soybean on its registered area (as test-season-settlement.c); with
 * SETTLE, settled. */
static FurrowSeason *
add_season (FurrowStore *store,
            gboolean     harvest,
            gboolean     settle)
{
  g_autoptr(FurrowSeason) draft = furrow_season_new (SEASON, 2026);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GError) error = NULL;
  FurrowPattern pattern;

  g_assert_true (furrow_store_add_season (store, draft, &error));
  g_assert_no_error (error);
  season = furrow_store_find_season (store, SEASON);
  g_assert_true (furrow_pattern_preset ("2+4", &pattern));
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      double mu = furrow_m2_to_mu (furrow_field_get_registered_area_m2 (field));

      g_assert_true (furrow_store_set_plan (store, season, field, &pattern, "2+4", "", &error));
      g_assert_no_error (error);
      if (!harvest)
        continue;
      g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, mu * 700,
                                               (gint64) (mu * 200000 + 0.5), &error));
      g_assert_no_error (error);
      g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_SOYBEAN,
                                               mu * 120, (gint64) (mu * 60000 + 0.5), &error));
      g_assert_no_error (error);
    }
  if (settle)
    {
      g_clear_object (&season);
      season = furrow_store_find_season (store, SEASON);
      g_assert_true (furrow_store_settle_season (store, season, NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&season);
  furrow_test_iterate (100);
  return furrow_test_store_find_season (store, SEASON);
}

/* The message dialog shown (an AdwMessageDialog itself, not a dialog made from one). */
static AdwMessageDialog *
shown_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_OBJECT_TYPE (l->data) == ADW_TYPE_MESSAGE_DIALOG && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < 100 && dialog == NULL; i++)
    {
      furrow_test_iterate (20);
      dialog = shown_dialog ();
    }
  g_assert_nonnull (dialog);
  furrow_test_wait_for_frame (GTK_WIDGET (dialog));
  return dialog;
}

/* Answers the dialog as its button would; the dialog is gone afterwards. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWindow *left;

  adw_message_dialog_response (dialog, response);
  furrow_test_iterate (300);
  left = GTK_WINDOW (shown_dialog ());
  if (left != NULL)
    gtk_window_destroy (left);
  furrow_test_iterate (50);
}

static void
finished_cb (FurrowSeasonSettlementPage *page,
             gboolean                    ok,
             int                        *result)
{
  *result = ok ? 1 : 0;
}

/* Waits for the settlement page's export to finish; TRUE when it wrote its file. */
static gboolean
wait_export (FurrowSeasonSettlementPage *page)
{
  int result = -1;
  gulong id = g_signal_connect (page, "export-finished", G_CALLBACK (finished_cb), &result);

  for (guint i = 0; i < 6000 && result < 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (page, id);
  g_assert_cmpint (result, >=, 0);
  return result == 1;
}

/* pdftotext may drop or add spaces and line breaks in Chinese: compare without them. */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* ---- The clerk ---------------------------------------------------------------------------- */

/* The custody of every field or household in view in LIST whole, a whole term inside its
 * column and the list's view (furrow_test_check_shown_whole()): the Fields list showed "全托"
 * for 全托管 at every size in Chinese (issue 13: "columns fit their content"). In Chinese a
 * cell reads the glossary's term, 全托管 or 半托管 (po/GLOSSARY.md); in English Full or Half
 * (the Fields list, under its short title), Full custody or Half custody (the Households list).
 * Returns how many cells were checked. */
static guint
check_custody_cells (GtkWidget  *list,
                     const char *step)
{
  static const char *zh[] = { "全托管", "半托管", NULL };
  static const char *c[] = { "Full", "Half", "Full custody", "Half custody", NULL };
  const char *const *terms = g_str_equal (furrow_test_language (), "C") ? c : zh;
  GtkWidget *view = furrow_test_find_widget (list, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  g_autofree char *what = g_strdup_printf ("%s, custody", step);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) labels =
    labels_in_view (view, scrolled, column_index (view, _("Custody"), C_("column", "Cust.")),
                    &cells);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!g_strv_contains (terms, gtk_label_get_text (GTK_LABEL (label))))
        g_error ("%s: \"%s\" is not a whole custody term", what,
                 gtk_label_get_text (GTK_LABEL (label)));
      furrow_test_check_shown_whole (label, g_ptr_array_index (cells, i), scrolled, what);
    }
  g_test_message ("%s: %u cells whole", what, labels->len);
  return labels->len;
}

/* The name of every field in view in the Fields LIST whole, inside its column and the list's
 * view, at least its natural width (furrow_test_check_shown_whole()). Returns how many. */
static guint
check_name_cells (GtkWidget  *list,
                  const char *step)
{
  GtkWidget *view = furrow_test_find_widget (list, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  g_autofree char *what = g_strdup_printf ("%s, names", step);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) labels =
    labels_in_view (view, scrolled, column_index (view, C_("field", "Name"), NULL), &cells);

  for (guint i = 0; i < labels->len; i++)
    furrow_test_check_shown_whole (g_ptr_array_index (labels, i), g_ptr_array_index (cells, i),
                                   scrolled, what);
  g_test_message ("%s: %u names whole", what, labels->len);
  return labels->len;
}

/* The household's name and code over its two buttons, each in full and on one line (at
 * 1920 px in Chinese the buttons beside them left the name "…" and the code "承包方
 * 370782102201010041" three characters a line before; issue 13), the buttons reachable. */
static void
check_household_header (FurrowHouseholdPage *page,
                        FurrowHousehold     *household)
{
  g_autofree char *code = g_strdup_printf (_("Household %s"),
                                           furrow_household_get_code (household));
  GtkWidget *title = furrow_test_find_label (GTK_WIDGET (page),
                                             furrow_household_get_name (household));
  GtkWidget *subtitle = furrow_test_find_label (GTK_WIDGET (page), code);

  g_assert_nonnull (title);
  g_assert_nonnull (subtitle);
  furrow_test_assert_lines (title, 1, "household: its name");
  furrow_test_assert_lines (subtitle, 1, "household: its code");
  furrow_test_assert_reachable (
    furrow_test_find_action (GTK_WIDGET (page), "win.print-contract", NULL),
    "household: Print Contract");
  furrow_test_assert_reachable (
    furrow_test_find_action (GTK_WIDGET (page), "win.show-household-on-map", NULL),
    "household: Show on Map");
}

static FurrowImportAssistant *
find_assistant (void)
{
  return (FurrowImportAssistant *) furrow_test_find_toplevel (FURROW_TYPE_IMPORT_ASSISTANT);
}

static void
wait_for_page (FurrowImportAssistant *assistant,
               const char            *page)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (g_strcmp0 (furrow_import_assistant_get_page (assistant), page) != 0 &&
         g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpstr (furrow_import_assistant_get_page (assistant), ==, page);
  furrow_test_iterate (200);
  furrow_test_wait_for_frame (GTK_WIDGET (assistant));
}

/* The row count of the assistant's table (the preview, or the problems). */
static guint
table_rows (FurrowImportAssistant *assistant)
{
  GtkStack *stack = GTK_STACK (furrow_test_find_widget (GTK_WIDGET (assistant), GTK_TYPE_STACK));
  GtkWidget *page = gtk_stack_get_visible_child (stack);
  GtkColumnView *view = GTK_COLUMN_VIEW (furrow_test_find_widget (page, GTK_TYPE_COLUMN_VIEW));

  g_assert_nonnull (view);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static void
clerk (Fixture *fixture,
       int      width,
       int      height)
{
  FurrowWindow *window;
  GtkWidget *win;
  FurrowStore *store;
  FurrowHouseholdPage *page;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowSeasonSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  FurrowParcel *parcel;
  GListModel *shown;
  GtkWidget *spin;
  double before_mu;
  gint64 n_parcels;

  if (!furrow_test_layout_set_up_window (fixture, width, height))
    return;
  window = fixture->window;
  win = GTK_WIDGET (window);
  store = furrow_window_get_store (window);
  households = furrow_store_get_households (store);
  g_assert_cmpuint (g_list_model_get_n_items (households), ==, 300);

  /* 1. Find a household by its name: the Households list, Ctrl+F, the name typed. The 40th
   * household's name is a whole name of the demo; the search finds it among the 300. */
  household = g_list_model_get_item (households, 40);
  g_assert_true (gtk_widget_activate_action (win, "win.show-view", "s", "households"));
  g_assert_true (gtk_widget_activate_action (win, "win.search", NULL));
  furrow_test_iterate (100);
  furrow_test_assert_reachable (GTK_WIDGET (window->search_entry), "search entry");
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry),
                         furrow_household_get_code (household));
  furrow_test_iterate (400);
  shown = furrow_record_list_get_shown (FURROW_RECORD_LIST (window->household_list));
  g_test_message ("search for %s: %u of 300 shown", furrow_household_get_code (household),
                  g_list_model_get_n_items (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  check_window (fixture, "clerk-1-search");
  /* Once laid out (check_window() waits for it): the row shown by the search. */
  g_assert_cmpuint (check_custody_cells (GTK_WIDGET (window->household_list), "clerk-1-search"),
                    ==, 1);
  check_household_titles (GTK_WIDGET (window->household_list), "clerk-1-search");

  /* 2. The household shown; its second parcel's registered area +0.10 mu, typed. */
  g_clear_object (&household);
  household = g_list_model_get_item (shown, 0);
  g_object_set (window, "selected-household", household, NULL);
  furrow_test_iterate (300);
  page = window->household_page;
  g_assert_true (furrow_household_page_get_household (page) == household);
  g_assert_cmpuint (furrow_household_page_get_n_parcels (page), >=, 1);
  check_household_header (page, household);
  save_step (win, "clerk-2-household-shown");
  parcel = furrow_household_page_get_parcel (page, 0);
  before_mu = furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (furrow_household_page_get_parcel_row (page, 0)),
                                 TRUE);
  furrow_test_iterate (200);
  spin = furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_AREA_SPIN);
  furrow_test_assert_reachable (spin, "parcel's registered area");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), before_mu + 0.10);
  furrow_test_iterate (400);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel)),
                                  before_mu + 0.10, 0.005);
  check_window (fixture, "clerk-2-edit-parcel");

  /* 3. Undo: the registered area as it was. */
  g_assert_true (gtk_widget_activate_action (win, "win.undo", NULL));
  furrow_test_iterate (300);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel)),
                                  before_mu, 0.005);
  check_window (fixture, "clerk-3-undo");

  /* 4. A shapefile of three parcels of this household, the second a bow-tie (its diagonals
   * cross at 119.401 E 36.451 N, as in test-import-bad.c): the assistant lists it on its
   * problems page and writes nothing. */
  {
    g_autofree char *path = g_build_filename (fixture->base.tmpdir, "parcels.shp", NULL);
    const char *code = furrow_household_get_code (household);
    const TestRecord records[] = {
      { "POLYGON ((119.41 36.45, 119.412 36.45, 119.412 36.4505, 119.41 36.4505, 119.41 36.45))",
        "3707821022019900101", code, 1.5, "东一" },
      { "POLYGON ((119.400 36.450, 119.402 36.452, 119.402 36.450, 119.400 36.452, "
        "119.400 36.450))", "3707821022019900102", code, 1.5, "东二" },
      { "POLYGON ((119.42 36.45, 119.422 36.45, 119.422 36.4505, 119.42 36.4505, 119.42 36.45))",
        "3707821022019900103", code, 1.5, "东三" },
    };
    FurrowImportAssistant *assistant;

    test_write_records (path, "ESRI Shapefile", wkbPolygon, 4490, NULL, records,
                        G_N_ELEMENTS (records));
    n_parcels = furrow_store_count_parcels (store, NULL);
    g_assert_true (gtk_widget_activate_action (win, "win.import-file", "s", path));
    assistant = find_assistant ();
    g_assert_nonnull (assistant);
    wait_for_page (assistant, "settings");
    furrow_test_assert_reachable (
      furrow_test_find_action (GTK_WIDGET (assistant), "import.next", NULL), "import: Next");
    save_step (GTK_WIDGET (assistant), "clerk-4-import-settings");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL));
    wait_for_page (assistant, "preview");
    g_assert_cmpuint (table_rows (assistant), ==, 3);
    /* The preview map's scale in metres alone: the tests run in the C locale's LC_MEASUREMENT,
     * and a Chinese session measures in metres too (it showed "1000 ft" under "300 m"). */
    {
      GtkWidget *map = furrow_test_find_widget (GTK_WIDGET (assistant),
                                                SHUMATE_TYPE_SIMPLE_MAP);

      g_assert_nonnull (map);
      g_assert_cmpint (shumate_scale_get_unit (
                         shumate_simple_map_get_scale (SHUMATE_SIMPLE_MAP (map))), ==,
                       SHUMATE_UNIT_METRIC);
    }
    furrow_test_check_column_titles (GTK_WIDGET (assistant), "import preview");
    furrow_test_assert_reachable (
      furrow_test_find_action (GTK_WIDGET (assistant), "import.import", NULL), "import: Import");
    save_step (GTK_WIDGET (assistant), "clerk-5-import-preview");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.import", NULL));
    wait_for_page (assistant, "problems");
    /* The bow-tie alone, with its code, in full; nothing written. */
    g_assert_cmpuint (table_rows (assistant), ==, 1);
    {
      GtkWidget *label = furrow_test_find_label (GTK_WIDGET (assistant), "3707821022019900102");

      g_assert_nonnull (label);
      furrow_test_assert_reachable (label, "problem: the bow-tie's code");
    }
    furrow_test_check_column_titles (GTK_WIDGET (assistant), "import problems");
    furrow_test_check_not_ellipsized (GTK_WIDGET (assistant), "import problems");
    save_step (GTK_WIDGET (assistant), "clerk-6-import-problems");
    g_assert_cmpint (furrow_store_count_parcels (store, NULL), ==, n_parcels);
    gtk_window_destroy (GTK_WINDOW (assistant));
    furrow_test_iterate (100);
  }

  /* 5. The statements of a settled season into one PDF: a page for every household of the
   * roster, half-custody ones with nothing due too (291 pages for 303 households on the old
   * tree, issue 13 item 4), each with its name and its total. */
  season = add_season (store, TRUE, TRUE);
  furrow_window_show_season (window, season);
  furrow_test_iterate (200);
  {
    GtkWidget *settlement = furrow_test_show_season_page (window, "settlement",
                                                          FURROW_TYPE_SEASON_SETTLEMENT_PAGE, 300);
    g_autofree char *pdf = g_build_filename (fixture->base.tmpdir, "statements.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);
    g_auto(GStrv) pages = NULL;
    guint n_rows;

    {
      GtkWidget *print = furrow_test_find_action (settlement, "settlement.print-statements",
                                                  _("Print Statements…"));

      furrow_test_assert_reachable (print, "Print Statements");
      furrow_test_close_menu (print);
    }
    check_payment_in_view (settlement, "clerk-7-settled");
    check_roster (settlement, "clerk-7-settled");
    check_window (fixture, "clerk-7-settled");
    s = furrow_store_get_settlement (store, season, &error);
    g_assert_no_error (error);
    n_rows = g_list_model_get_n_items (
      furrow_season_settlement_page_get_roster (FURROW_SEASON_SETTLEMENT_PAGE (settlement)));
    /* The roster: a row per settled household and the totals row. */
    g_assert_cmpuint (n_rows, ==, s->n_rows + 1);
    /* The area in full custody grouped as the amounts beside it ("2970.91" beside
     * "¥1,485,455.00" before, issue 13): base payments of ¥1,485,455.00 at ¥500.00 a mu are
     * 2,970.91 mu. */
    g_assert_cmpint (s->totals.base_fen_per_mu, ==, 50000);
    g_assert_cmpint (s->totals.base_total_fen, ==, 148545500);
    g_assert_cmpfloat_with_epsilon (s->totals.total_area_mu, 2970.91, 0.001);
    furrow_test_assert_reachable (furrow_test_find_label (settlement, "2,970.91"),
                                  "the area in full custody");
    furrow_season_settlement_page_export_statements (FURROW_SEASON_SETTLEMENT_PAGE (settlement),
                                                     file, FALSE);
    g_assert_true (wait_export (FURROW_SEASON_SETTLEMENT_PAGE (settlement)));
    furrow_test_iterate (100);
    check_window (fixture, "clerk-8-statements-exported");
    pages = furrow_test_pdf_pages (pdf);
    g_test_message ("statements: %u pages for %zu households in the roster",
                    g_strv_length (pages) - 1, s->n_rows);
    /* The text after the last form feed is empty: one page per household. */
    g_assert_cmpuint (g_strv_length (pages), ==, s->n_rows + 1);
    for (gsize i = 0; i < s->n_rows; i++)
      {
        g_autofree char *total = furrow_format_yuan (ABS (s->rows[i].total_fen));
        g_autofree char *text = without_spaces (pages[i]);

        if (strstr (text, s->rows[i].name) == NULL || strstr (text, total) == NULL)
          g_error ("statement page %zu does not show %s and %s", i + 1, s->rows[i].name, total);
      }
  }
}

/* ---- The agronomist ----------------------------------------------------------------------- */

static GtkWidget *
planner_child (Fixture    *fixture,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (
    GTK_WIDGET (furrow_window_get_planner_panel (fixture->window)), FURROW_TYPE_PLANNER_PANEL,
    name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
editor_child (FurrowYieldModelEditor *editor,
              const char             *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                   FURROW_TYPE_YIELD_MODEL_EDITOR, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* The map's overlays apart: the legend (top left) off the zoom buttons (top right), the scale
 * (bottom left) off the attribution (bottom right), in the narrow map beside the planner too
 * (they overlapped at 1024 px, issue 13). */
static void
check_map_overlays (Fixture    *fixture,
                    const char *step)
{
  ShumateSimpleMap *map = furrow_window_get_map (fixture->window);
  GtkWidget *legend = GTK_WIDGET (fixture->window->map_legend);
  GtkWidget *scale = GTK_WIDGET (shumate_simple_map_get_scale (map));
  GtkWidget *license = GTK_WIDGET (shumate_simple_map_get_license (map));
  graphene_rect_t a, b;

  g_assert_true (gtk_widget_compute_bounds (scale, GTK_WIDGET (map), &a));
  g_assert_true (gtk_widget_compute_bounds (license, GTK_WIDGET (map), &b));
  g_test_message ("%s: map %d px wide, scale x %.0f–%.0f y %.0f–%.0f, attribution x %.0f–%.0f "
                  "y %.0f–%.0f", step, gtk_widget_get_width (GTK_WIDGET (map)), a.origin.x,
                  a.origin.x + a.size.width, a.origin.y, a.origin.y + a.size.height, b.origin.x,
                  b.origin.x + b.size.width, b.origin.y, b.origin.y + b.size.height);
  if (graphene_rect_intersection (&a, &b, NULL))
    g_error ("%s: the scale overlaps the attribution", step);
  if (!gtk_widget_get_mapped (legend))
    return;
  g_assert_true (gtk_widget_compute_bounds (legend, GTK_WIDGET (map), &a));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child) || gtk_widget_get_halign (child) != GTK_ALIGN_END ||
          gtk_widget_get_valign (child) != GTK_ALIGN_START)
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (map), &b));
      if (graphene_rect_intersection (&a, &b, NULL))
        g_error ("%s: the legend (x %.0f–%.0f) covers the zoom buttons (x %.0f–%.0f)", step,
                 a.origin.x, a.origin.x + a.size.width, b.origin.x, b.origin.x + b.size.width);
    }
}

/* The map beside the planner at least MAP_PLANNING px wide: the field planned with its
 * neighbours, and the scale bar (about 130 px) and the attribution on two lines (about 250 px)
 * side by side at its foot. In a 1024-px window the 400-px sidebar left it 172 px beside the
 * 440-px planner (1014 − 400 − 1 − 440 − 1), the attribution on four lines (issue 13): there
 * the sidebar gives way while planning, as 1014 − 360 − 442 = 212 px is too little even beside
 * the sidebar at its narrowest, and its button brings it back (and away again); at 1366 px
 * (1356 − 406 − 442 = 508 px) the sidebar stays. */
#define MAP_PLANNING 400

static void
check_map_beside_planner (Fixture    *fixture,
                          int         width,
                          const char *step)
{
  FurrowWindow *window = fixture->window;
  GtkWidget *map = GTK_WIDGET (furrow_window_get_map (window));
  gboolean narrow = width < 1366;

  g_test_message ("%s: map %d px beside the planner, sidebar %s", step,
                  gtk_widget_get_width (map),
                  gtk_widget_get_mapped (window->sidebar) ? "shown" : "hidden");
  g_assert_cmpint (gtk_widget_get_width (map), >=, MAP_PLANNING);
  g_assert_cmpint (gtk_widget_get_mapped (window->sidebar), ==, !narrow);
  g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (window->sidebar_button)), ==, narrow);
  if (!narrow)
    return;
  /* The user brings the sidebar back beside the planner (the map narrower, their choice), and
   * sends it away again. */
  furrow_test_assert_reachable (GTK_WIDGET (window->sidebar_button), "Show Sidebar");
  gtk_toggle_button_set_active (window->sidebar_button, TRUE);
  furrow_test_iterate (200);
  furrow_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (window->sidebar));
  furrow_test_assert_reachable (GTK_WIDGET (window->switcher), "the sidebar's switcher, planning");
  furrow_test_assert_reachable (planner_child (fixture, "preset_row"),
                                "pattern, beside the sidebar");
  save_step (GTK_WIDGET (window), "agronomist-2-plan-sidebar-shown");
  gtk_toggle_button_set_active (window->sidebar_button, FALSE);
  furrow_test_iterate (200);
  furrow_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (window->sidebar));
  g_assert_cmpint (gtk_widget_get_width (map), >=, MAP_PLANNING);
}

static void
agronomist (Fixture *fixture,
            int      width,
            int      height)
{
  FurrowWindow *window;
  GtkWidget *win;
  FurrowStore *store;
  FurrowPlannerPanel *panel;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  const FurrowPattern *pattern;
  FurrowYieldModelEditor *editor;

  if (!furrow_test_layout_set_up_window (fixture, width, height))
    return;
  window = fixture->window;
  win = GTK_WIDGET (window);
  store = furrow_window_get_store (window);
  panel = furrow_window_get_planner_panel (window);
  season = add_season (store, FALSE, FALSE);
  fields = furrow_store_get_fields (store);

  /* 1. A field selected (from the list), its details beside the map. */
  field = g_list_model_get_item (fields, 3);
  g_object_set (window, "selected-field", field, NULL);
  furrow_test_iterate (200);
  furrow_test_assert_reachable (GTK_WIDGET (window->plan_button), "Plan");
  check_window (fixture, "agronomist-1-field");
  check_map_overlays (fixture, "agronomist-1-field");
  /* The rows in view of 40: 15 at 1024×700, their names whole beside them at every size, in
   * English and in Chinese: "河滩一…" in Chinese at 1024 px before, beside titles of seven
   * characters, "确权面积（亩）"; "河滩…" in English at 1024 and 1366 px, beside titles wider
   * than their cells ("Meas. mu" over "131.09", "Custody" over "Full"; now "Meas.", "Cust."). */
  g_assert_cmpuint (check_custody_cells (GTK_WIDGET (window->field_list), "agronomist-1-field"),
                    >=, 15);
  g_assert_cmpuint (check_name_cells (GTK_WIDGET (window->field_list), "agronomist-1-field"), >=,
                    15);
  furrow_test_check_not_ellipsized (GTK_WIDGET (window->field_list), "the Fields list");
  /* The short titles' whole meaning over them: "Meas." is the measured area in mu. */
  check_title_tooltip (GTK_WIDGET (window->field_list), C_("column", "Meas."),
                       _("Measured area (mu)"));

  /* 2. Plan: the planner beside the map at its natural width, 380 px at least (README's
   * planner.png; 55 px on the old tree, issue 13 item 1). */
  g_assert_true (gtk_widget_activate_action (win, "win.plan-field", NULL));
  furrow_test_iterate (300);
  g_test_message ("planner %d px wide at %dx%d", gtk_widget_get_width (GTK_WIDGET (panel)), width,
                  height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (panel)), >=, 380);
  g_assert_true (furrow_planner_panel_get_field (panel) == field);
  furrow_test_assert_reachable (planner_child (fixture, "preset_row"), "pattern");
  furrow_test_check_not_ellipsized (GTK_WIDGET (panel), "planner");
  check_window (fixture, "agronomist-2-plan");
  check_map_overlays (fixture, "agronomist-2-plan");
  check_map_beside_planner (fixture, width, "agronomist-2-plan");

  /* 3. Another pattern: 2 maize + 6 soybean rows, the seventh preset (app/core/plan/
   * furrow-pattern.c). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (planner_child (fixture, "preset_row")), 6);
  furrow_test_iterate (300);
  pattern = furrow_planner_panel_get_pattern (panel);
  g_assert_cmpuint (pattern->maize_rows, ==, 2);
  g_assert_cmpuint (pattern->soy_rows, ==, 6);
  furrow_test_assert_reachable (planner_child (fixture, "preset_row"), "pattern, 2+6");
  furrow_test_check_not_ellipsized (GTK_WIDGET (panel), "planner, 2+6");

  /* 4. The two maize rows 0.50 m apart instead of the preset's 0.40 m. */
  furrow_test_assert_reachable (planner_child (fixture, "maize_spacing_spin"), "maize row spacing");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (planner_child (fixture, "maize_spacing_spin")), 0.50);
  furrow_test_iterate (300);
  pattern = furrow_planner_panel_get_pattern (panel);
  g_assert_cmpfloat_with_epsilon (pattern->maize_spacing_m[0], 0.50, 1e-9);
  furrow_test_assert_reachable (furrow_test_find_widget (GTK_WIDGET (panel),
                                                         FURROW_TYPE_CROSS_SECTION),
                                "cross-section");
  check_window (fixture, "agronomist-3-spacing");

  /* 5. Compare Patterns: the chart, why the sole crops fall just short of LER = 1 (issue 13,
   * item 11: the planner's chart showed 0.97 without a word), and its export. */
  furrow_test_assert_reachable (planner_child (fixture, "comparison_chart"), "comparison chart");
  {
    GtkWidget *export = furrow_test_find_action (GTK_WIDGET (panel), "planner.export-chart-png",
                                                 _("Export as _PNG…"));

    furrow_test_assert_reachable (export, "Compare Patterns' export");
    furrow_test_close_menu (export);
  }
  {
    GtkWidget *note = furrow_test_find_label (GTK_WIDGET (panel), _("LER is counted per mu of "
      "the whole field, headlands included. The headlands, where the machines turn, are not "
      "sown, so even sole maize or sole soybean comes out a little under the dashed line at "
      "LER = 1, e.g. 0.98."));

    g_assert_nonnull (note);
    furrow_test_check_not_ellipsized (note, "the LER note");
  }
  check_window (fixture, "agronomist-4-compare");

  /* 6. Calibrate: the yield model editor from the planner, three observations of 2+4, 4+6
   * and 2+6 predicted by the practical model with the maize border factor at 1.25, fitted
   * back to 1.25 (as test-yield-model-editor.c). */
  furrow_test_assert_reachable (
    furrow_test_find_action (GTK_WIDGET (panel), "planner.edit-yield-models", NULL),
    "Edit and Calibrate Yield Models");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "planner.edit-yield-models",
                                             NULL));
  editor = FURROW_YIELD_MODEL_EDITOR (furrow_test_find_toplevel (FURROW_TYPE_YIELD_MODEL_EDITOR));
  g_assert_nonnull (editor);
  furrow_test_wait_for_frame (GTK_WIDGET (editor));
  {
    static const char *patterns[] = { "2+4", "4+6", "2+6" };
    FurrowYieldModel truth;

    g_assert_true (furrow_yield_model_preset ("practical", &truth, NULL));
    truth.border_factor[FURROW_CROP_MAIZE] = 1.25;
    for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
      {
        FurrowPattern p;
        FurrowYieldPrediction prediction;

        g_assert_true (furrow_pattern_preset (patterns[i], &p));
        furrow_yield_model_predict (&truth, &p, &prediction);
        furrow_yield_model_editor_add_observation (editor, patterns[i],
                                                   prediction.yield_kg_per_mu[FURROW_CROP_MAIZE],
                                                   prediction.yield_kg_per_mu[FURROW_CROP_SOYBEAN]);
      }
    furrow_test_iterate (100);
    furrow_test_assert_reachable (editor_child (editor, "preset_row"), "editor: model");
    furrow_test_assert_reachable (furrow_test_find_action (GTK_WIDGET (editor), "editor.fit", NULL),
                                  "editor: Fit");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.fit", NULL));
    furrow_test_iterate (200);
    g_assert_cmpfloat_with_epsilon (
      furrow_yield_model_editor_get_model (editor)->border_factor[FURROW_CROP_MAIZE], 1.25, 1e-6);
    furrow_test_check_not_ellipsized (GTK_WIDGET (editor), "yield model editor");
    save_step (GTK_WIDGET (editor), "agronomist-5-calibrate");
    gtk_window_destroy (GTK_WINDOW (editor));
    furrow_test_iterate (100);
  }

  /* 7. Apply to Season: the field's plan in the season is the pattern planned, 2+6 with its
   * maize rows 0.50 m apart. */
  furrow_test_assert_reachable (
    furrow_test_find_action (GTK_WIDGET (panel), "planner.apply-to-season", NULL),
    "Apply to Season");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "planner.apply-to-season", NULL));
  furrow_test_iterate (300);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) plans = furrow_store_get_plans (store, season, &error);
    const FurrowSeasonPlan *stored = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < plans->len; i++)
      if (g_array_index (plans, FurrowSeasonPlan, i).field_id == furrow_field_get_id (field))
        stored = &g_array_index (plans, FurrowSeasonPlan, i);
    g_assert_nonnull (stored);
    g_assert_cmpuint (stored->pattern.maize_rows, ==, 2);
    g_assert_cmpuint (stored->pattern.soy_rows, ==, 6);
    g_assert_cmpfloat_with_epsilon (stored->pattern.maize_spacing_m[0], 0.50, 1e-9);
  }
  check_window (fixture, "agronomist-6-applied");

  /* 8. The planner closed: the sidebar back beside the map at every size. */
  g_assert_true (gtk_widget_activate_action (win, "win.plan-field", NULL));
  furrow_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (window->sidebar));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->sidebar_button)));
  furrow_test_assert_reachable (GTK_WIDGET (window->switcher), "the sidebar's switcher");
  check_window (fixture, "agronomist-7-planner-closed");
}

static gboolean
has_child (gpointer widget)
{
  return gtk_widget_get_first_child (widget) != NULL;
}

static gboolean
is_posted (gpointer label)
{
  return strcmp (gtk_label_get_text (label),
                 _("Not posted yet: households are paid after the notice ends")) != 0;
}

/* The notice posted today on the settled PAGE and an objection of HOUSEHOLD recorded, under a
 * clerk's role line (the window's own): the page is not squeezed below the height it asks for,
 * the roster keeps 180 px (six households) and the notice's controls are reached by scrolling
 * above it (issue 13; the page outgrew 1024×700 in Chinese, and GTK raised a critical measuring
 * the objections' wrapped text in window-roles-pg). */
static void
post_notice (Fixture    *fixture,
             GtkWidget  *page,
             const char *household)
{
  GtkLabel *banner = fixture->window->role_banner;
  g_autofree char *line = g_strdup_printf (_("Signed in as %s, clerk — settling and the money "
                                             "rules are for the manager"), "clerk_a");
  g_autofree char *today = furrow_notice_today ();
  GtkWidget *roster = gtk_widget_get_ancestor (furrow_test_find_widget (page,
                                                                        GTK_TYPE_COLUMN_VIEW),
                                               GTK_TYPE_SCROLLED_WINDOW);
  int min_height = 0;
#define CHILD(name) \
  GTK_WIDGET (gtk_widget_get_template_child (page, FURROW_TYPE_SEASON_SETTLEMENT_PAGE, name))

  gtk_editable_set_text (GTK_EDITABLE (CHILD ("notice_entry")), today);
  g_assert_true (gtk_widget_activate_action (page, "settlement.set-notice-date", NULL));
  g_assert_true (furrow_test_wait_until (is_posted, CHILD ("notice_end_label"), 30));
  gtk_editable_set_text (GTK_EDITABLE (CHILD ("objection_household_entry")), household);
  gtk_editable_set_text (GTK_EDITABLE (CHILD ("objection_text_entry")),
                         "二组的地块面积少算了0.3亩，请按确权证书重新核对");
  g_assert_true (gtk_widget_activate_action (page, "settlement.add-objection", NULL));
  /* Listed once the page has read it back (a fixed pause was too short on a loaded machine). */
  if (!furrow_test_wait_until (has_child, CHILD ("objections_list"), 30))
    g_error ("the objection is not listed: %s",
             furrow_season_page_get_last_message (FURROW_SEASON_PAGE (page)));
  /* The line after the edits: each one updates the window's actions and its role line. */
  gtk_label_set_text (banner, line);
  gtk_widget_set_visible (GTK_WIDGET (banner), TRUE);
  check_window (fixture, "manager-8-notice");
  furrow_test_assert_reachable (CHILD ("notice_entry"), "notice: date");
  furrow_test_assert_reachable (furrow_test_find_action (CHILD ("objections_list"),
                                                         "settlement.resolve-objection", NULL),
                                "notice: the objection's Resolve");
  furrow_test_assert_reachable (furrow_test_find_action (page, "settlement.add-objection", NULL),
                                "Add Objection");
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (page), &min_height,
                      NULL, NULL, NULL);
  g_test_message ("settled page with the role line: %d px, asking at least %d; roster %d px",
                  gtk_widget_get_height (page), min_height, gtk_widget_get_height (roster));
  g_assert_cmpint (min_height, <=, gtk_widget_get_height (page));
  g_assert_cmpint (gtk_widget_get_height (roster), >=, 180);
  gtk_widget_set_visible (GTK_WIDGET (banner), FALSE);
#undef CHILD
}

/* ---- The manager -------------------------------------------------------------------------- */

static void
manager (Fixture *fixture,
         int      width,
         int      height)
{
  FurrowWindow *window;
  GtkWidget *win;
  FurrowStore *store;
  FurrowNewSeasonDialog *dialog;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  AdwMessageDialog *message;
  g_autoptr(FurrowField) first = NULL;
  g_autoptr(FurrowField) second = NULL;

  if (!furrow_test_layout_set_up_window (fixture, width, height))
    return;
  window = fixture->window;
  win = GTK_WIDGET (window);
  store = furrow_window_get_store (window);
  fields = furrow_store_get_fields (store);

  /* 1. New season: the Seasons list, New Season…, the name typed, Create. */
  g_assert_true (gtk_widget_activate_action (win, "win.show-view", "s", "seasons"));
  furrow_test_iterate (100);
  g_assert_true (gtk_widget_activate_action (win, "win.new-season", NULL));
  furrow_test_iterate (100);
  dialog = FURROW_NEW_SEASON_DIALOG (furrow_test_find_toplevel (FURROW_TYPE_NEW_SEASON_DIALOG));
  g_assert_nonnull (dialog);
  furrow_test_wait_for_frame (GTK_WIDGET (dialog));
  gtk_editable_set_text (furrow_new_season_dialog_get_name (dialog), SEASON);
  gtk_spin_button_set_value (furrow_new_season_dialog_get_year (dialog), 2026);
  furrow_test_assert_reachable (GTK_WIDGET (furrow_new_season_dialog_get_name (dialog)),
                                "new season: name");
  save_step (GTK_WIDGET (dialog), "manager-1-new-season");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  furrow_test_iterate (300);
  season = furrow_test_store_find_season (store, SEASON);
  g_assert_nonnull (season);

  /* 2. 2+4 on every field from the overview: 40 fields planned. */
  page = furrow_test_show_season_page (window, "overview", FURROW_TYPE_SEASON_OVERVIEW_PAGE, 300);
  g_assert_true (furrow_season_overview_page_choose (FURROW_SEASON_OVERVIEW_PAGE (page), "2+4",
                                                     "practical"));
  {
    GtkWidget *apply = furrow_test_find_action (page, "overview.apply-all", NULL);

    furrow_test_assert_reachable (apply, "Apply to All Fields");
    save_step (win, "manager-2-apply-pattern");
    furrow_test_close_menu (apply);
  }
  g_assert_true (gtk_widget_activate_action (page, "overview.apply-all", NULL));
  furrow_test_iterate (500);
  {
    g_autoptr(GArray) plans = furrow_store_get_plans (store, season, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 40);
  }
  /* The table of every field fits beside the sidebar from 1366 px: no sideways scrolling
   * (it scrolled at 1366 px before). */
  {
    GtkWidget *view = furrow_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
    GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));

    g_test_message ("overview table %.0f px in a %.0f px view", gtk_adjustment_get_upper (adj),
                    gtk_adjustment_get_page_size (adj));
    if (width >= 1366)
      g_assert_cmpfloat (gtk_adjustment_get_upper (adj), <=,
                         gtk_adjustment_get_page_size (adj) + 1);
  }
  /* The totals' areas grouped as the amounts beside them ("Registered 3089.58 mu" beside
   * "Revenue ¥5,229,819.46" before, issue 13): the 40 fields' registered areas add up to
   * 3,089.58 mu. */
  {
    g_autofree char *registered = g_strdup_printf (_("Registered %s mu"), "3,089.58");
    double sum = 0;

    for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
      {
        g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

        sum += furrow_field_get_registered_area_m2 (field) * 15 / 10000;
      }
    g_assert_cmpfloat_with_epsilon (sum, 3089.58, 0.005);
    furrow_test_assert_reachable (furrow_test_find_label (page, registered), registered);
  }
  check_window (fixture, "manager-3-overview");

  /* 3. Economics: every amount in full (money checks of check_window). */
  page = furrow_test_show_season_page (window, "economics", FURROW_TYPE_SEASON_ECONOMICS_PAGE, 500);
  check_window (fixture, "manager-4-economics");
  furrow_test_assert_reachable (furrow_test_find_action (page, "economics.fill-down", NULL),
                                "economics: Fill Down");
  furrow_test_assert_reachable (furrow_test_find_action (page, "economics.paste-rows", NULL),
                                "economics: Paste Rows");
  /* Counted once laid out (check_window() waits for it): the predicted income comes in an idle
   * after the page shows. */
  g_assert_cmpuint (furrow_test_check_money (page, "economics"), >=, 3);
  /* The cost items' names and amounts in full: the income's name column took half the page at
   * 1920 px and the names were cut, "Management and l…" (furrow_test_check_entries()). */
  g_assert_cmpuint (furrow_test_check_entries (page, "economics"), >=, 16);

  /* 4. Harvests: 700 kg/mu of maize sold for ¥2,000/mu and 120 kg/mu of soybean for ¥600/mu
   * on each field's registered area; fields 6–40 entered before (one batch, as `furrow-cli
   * season harvest` would), fields 3–5 typed into the page without a pause (the page kept only
   * the first crop of each row before), the first two left without a harvest. */
  first = g_list_model_get_item (fields, 0);
  second = g_list_model_get_item (fields, 1);
  g_assert_true (furrow_store_begin (store, &error));
  for (guint i = 5; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      double mu = furrow_m2_to_mu (furrow_field_get_registered_area_m2 (field));

      g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, mu * 700,
                                               (gint64) (mu * 200000 + 0.5), &error));
      g_assert_true (furrow_store_set_harvest (store, season, field, FURROW_CROP_SOYBEAN,
                                               mu * 120, (gint64) (mu * 60000 + 0.5), &error));
    }
  g_assert_true (furrow_store_commit (store, &error));
  g_assert_no_error (error);
  page = furrow_test_show_season_page (window, "harvest", FURROW_TYPE_SEASON_HARVEST_PAGE, 500);
  {
    FurrowSeasonHarvestPage *harvest = FURROW_SEASON_HARVEST_PAGE (page);
    FurrowNumberEntry *entry = furrow_season_harvest_page_get_entry (
      harvest, furrow_field_get_code (first), FURROW_HARVEST_COLUMN_MAIZE_KG);
    g_autoptr(GArray) harvests = NULL;

    furrow_test_assert_reachable (GTK_WIDGET (entry), "harvest: maize kg");
    /* The header's buttons inside the window with a margin, not past its edge with the wide
     * grid (at 1024 px they were scrolled off to the right, at 1280 2 px from the edge); the
     * grid's last column reached by scrolling the grid sideways. */
    furrow_test_assert_reachable (furrow_test_find_action (page, "harvest.fill-down", NULL),
                                  "harvest: Fill Down");
    furrow_test_assert_reachable (furrow_test_find_action (page, "harvest.paste-rows", NULL),
                                  "harvest: Paste Rows");
    furrow_test_assert_reachable (
      GTK_WIDGET (furrow_season_harvest_page_get_entry (harvest, furrow_field_get_code (first),
                                                        FURROW_HARVEST_COLUMN_SOY_REVENUE)),
      "harvest: soybean yuan");
    /* The grid's titles in at most three lines, two in Chinese (大豆实收 over （公斤）): a
     * Chinese title may break after any character, and 托管地块 stood one character a line
     * (大豆预计（公斤） in five) in the narrow grid. */
    {
      GtkGrid *grid = GTK_GRID (furrow_season_harvest_page_get_child (harvest, "harvest_grid"));
      GtkGrid *compare = GTK_GRID (furrow_season_harvest_page_get_child (harvest, "compare_grid"));
      GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (
        gtk_widget_get_ancestor (GTK_WIDGET (compare), GTK_TYPE_SCROLLED_WINDOW)));
      GtkWidget *title;

      for (guint c = 0; c < FURROW_HARVEST_N_COLUMNS; c++)
        {
          title = gtk_grid_get_child_at (grid, c, 0);
          g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))),
                           <=, strcmp (furrow_test_language (), "zh_CN") == 0 ? 2 : 3);
        }

      /* The same titles over predicted and actual (furrow-grid-title.h). */
      for (guint c = 0; (title = gtk_grid_get_child_at (compare, c, 0)) != NULL; c++)
        g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))),
                         <=, 3);
      /* Predicted and actual fit the page at every size, in both languages: no amount reached
       * only by scrolling sideways (nine columns side by side were 974 px, 968 in Chinese, in a
       * 617 px view at 1024 px, issue 13, item 4). */
      g_test_message ("predicted and actual: %.0f px in a %.0f px view",
                      gtk_adjustment_get_upper (adj), gtk_adjustment_get_page_size (adj));
      g_assert_cmpfloat (gtk_adjustment_get_upper (adj), <=, gtk_adjustment_get_page_size (adj) + 1);
      /* So does the entry grid, its titles, predicted kilograms and entries, from 1024 px:
       * 大豆实收 was cut at the window's edge there, reached only by scrolling sideways. */
      furrow_test_assert_fits_across (GTK_WIDGET (grid), "the harvest grid");
    }
    /* Back to the grid's first column, the fields' codes, as the page opens. */
    gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (
                                gtk_widget_get_ancestor (GTK_WIDGET (entry),
                                                         GTK_TYPE_SCROLLED_WINDOW))), 0);
    for (guint i = 2; i < 5; i++)
      {
        g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
        const char *code = furrow_field_get_code (field);
        double mu = furrow_m2_to_mu (furrow_field_get_registered_area_m2 (field));

        furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (
                                     harvest, code, FURROW_HARVEST_COLUMN_MAIZE_KG), mu * 700);
        furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (
                                     harvest, code, FURROW_HARVEST_COLUMN_MAIZE_REVENUE),
                                   mu * 2000);
        furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (
                                     harvest, code, FURROW_HARVEST_COLUMN_SOY_KG), mu * 120);
        furrow_number_entry_set_value (furrow_season_harvest_page_get_entry (
                                     harvest, code, FURROW_HARVEST_COLUMN_SOY_REVENUE), mu * 600);
      }
    furrow_test_iterate (FURROW_SEASON_PAGE_COMMIT_DELAY_MS + 500);
    harvests = furrow_store_get_harvests (store, season, &error);
    g_assert_no_error (error);
    /* 38 fields, two crops each. */
    g_assert_cmpuint (harvests->len, ==, 76);
    /* The third field's maize, 81.09 mu × ¥2,000 = 16,218,000 fen, reads as the money labels
     * do with LC_ALL=C.UTF-8 (tests/meson.build) and LANGUAGE=zh_CN in Chinese: "162180.00"
     * before (printf's grouping is LC_NUMERIC's). */
    {
      g_autoptr(FurrowField) third = g_list_model_get_item (fields, 2);
      FurrowNumberEntry *sold = furrow_season_harvest_page_get_entry (
        harvest, furrow_field_get_code (third), FURROW_HARVEST_COLUMN_MAIZE_REVENUE);

      g_assert_cmpint (furrow_number_entry_get_fen (sold), ==, 16218000);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sold)), ==, "162,180.00");
    }
  }
  check_window (fixture, "manager-5-harvests");

  /* 5. Settle…: the warnings name the two fields without a harvest; Settle Anyway. */
  page = furrow_test_show_season_page (window, "settlement", FURROW_TYPE_SEASON_SETTLEMENT_PAGE,
                                       500);
  check_window (fixture, "manager-6-before-settling");
  furrow_test_assert_reachable (furrow_test_find_action (page, "settlement.settle", NULL),
                                "Settle…");
  g_assert_true (gtk_widget_activate_action (page, "settlement.settle", NULL));
  message = wait_for_dialog ();
  {
    const char *body = adw_message_dialog_get_body (message);

    g_test_message ("settle warnings: %s", body);
    g_assert_nonnull (strstr (body, furrow_field_get_code (first)));
    g_assert_nonnull (strstr (body, furrow_field_get_code (second)));
    g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "settle"), ==,
                     ADW_RESPONSE_DESTRUCTIVE);
  }
  save_step (GTK_WIDGET (message), "manager-7-settle-warnings");
  respond (message, "settle");
  g_clear_object (&season);
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_SETTLED);
  furrow_test_iterate (300);
  check_objection_row (page, width, "manager-8-settled");
  check_roster (page, "manager-8-settled");
  check_window (fixture, "manager-8-settled");
  {
    g_autoptr(GListModel) households = furrow_store_get_households (store);
    g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 0);

    post_notice (fixture, page, furrow_household_get_code (household));
  }

  /* 6. The roster exported as CSV: a line per household of the roster and the header. */
  {
    FurrowSeasonSettlementPage *settlement = FURROW_SEASON_SETTLEMENT_PAGE (page);
    g_autofree char *csv = g_build_filename (fixture->base.tmpdir, "roster.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    guint n_roster = g_list_model_get_n_items (furrow_season_settlement_page_get_roster (settlement));
    guint n_lines = 0;

    {
      GtkWidget *print =
        furrow_test_find_action (page, "settlement.print-roster", _("Print Roster…"));

      furrow_test_assert_reachable (print, "Print Roster");
      furrow_test_close_menu (print);
    }
    furrow_season_settlement_page_export_roster (settlement, file);
    g_assert_true (wait_export (settlement));
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    lines = g_strsplit (text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        n_lines++;
    g_test_message ("roster: %u rows shown, %u lines in the CSV", n_roster, n_lines);
    /* The header, a line per household and the totals line. */
    g_assert_cmpuint (n_lines, ==, n_roster + 1);
    check_window (fixture, "manager-9-exported");
  }

  /* 7. Reopen… with a reason: harvested again. */
  furrow_test_assert_reachable (furrow_test_find_action (page, "settlement.reopen", NULL),
                                "Reopen…");
  g_assert_true (gtk_widget_activate_action (page, "settlement.reopen", NULL));
  message = wait_for_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (message)),
                         "两块地的收获漏录了");
  g_assert_true (adw_message_dialog_get_response_enabled (message, "reopen"));
  save_step (GTK_WIDGET (message), "manager-10-reopen");
  respond (message, "reopen");
  g_clear_object (&season);
  season = furrow_store_find_season (store, SEASON);
  g_assert_cmpint (furrow_season_get_state (season), ==, FURROW_SEASON_HARVESTED);
  check_window (fixture, "manager-11-reopened");
}

/* ---- The cases: each journey at each size ------------------------------------------------- */

typedef void (*Journey) (Fixture *fixture,
                         int      width,
                         int      height);

static void
run_journey (Fixture       *fixture,
             gconstpointer  data)
{
  const char *path = g_test_get_path ();
  Journey journey = strstr (path, "/clerk/") != NULL        ? clerk
                    : strstr (path, "/agronomist/") != NULL ? agronomist
                                                            : manager;
  guint size = GPOINTER_TO_UINT (data);

  g_test_timer_start ();

  journey (fixture, sizes[size].width, sizes[size].height);
}

/* The cases, made from the table of sizes after gtk_test_init(): /furrow/gui/journeys/JOURNEY/WxH
 * (meson runs each journey with -p /furrow/gui/journeys/JOURNEY). */
static void
set_up (void)
{
  static const char *journeys[] = { "clerk", "agronomist", "manager" };

  furrow_test_language_set_up ();
  GDALAllRegister ();
  for (guint j = 0; j < G_N_ELEMENTS (journeys); j++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autofree char *path = g_strdup_printf ("/furrow/gui/journeys/%s/%dx%d", journeys[j],
                                                 sizes[i].width, sizes[i].height);

        g_test_add (path, Fixture, GUINT_TO_POINTER (i), NULL, run_journey,
                    furrow_test_window_tear_down);
      }
}

int
main (int   argc,
      char *argv[])
{
  static const FurrowTestHooks hooks = { .set_up = set_up,
                                         .tear_down = furrow_test_language_tear_down };

  /* The language before GTK starts, as a user's session would have it. */
  furrow_test_language_init ();
  return furrow_test_gui_main (argc, argv, &hooks);
}
