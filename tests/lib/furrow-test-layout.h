/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-test-gui.h"

G_BEGIN_DECLS

/* What the layout and journey tests check at every step (issue 13): a control a user needs is
 * mapped, inside its window once its scrolled windows have scrolled to it, and at least its
 * natural width; no amount (a label with ¥) and no column title is ellipsized; and a screenshot
 * of the step is saved into $FURROW_SCREENSHOT_DIR/journeys/. The tests run once in C and once
 * with FURROW_TEST_LANGUAGE=zh_CN (tests/gui/meson.build). */

/* FURROW_TEST_LANGUAGE, "C" when unset. */
const char *furrow_test_language             (void);
/* Before GTK starts: LANGUAGE as a user's session has it. */
void        furrow_test_language_init        (void);
/* The set_up and tear_down hooks of furrow_test_gui_main(): po/zh_CN.po compiled into a
 * temporary folder FURROW_LOCALEDIR points at (as test-translation.c does). */
void        furrow_test_language_set_up      (void);
void        furrow_test_language_tear_down   (void);

/* The window at WIDTH × HEIGHT over the demo cooperative (its frame included: the window proper
 * is a few pixels smaller); FALSE, the case skipped, when the screen is smaller (run under
 * `xvfb-run -s '-screen 0 1920x1080x24'`). */
gboolean    furrow_test_layout_set_up_window (FurrowTestWindow *fixture,
                                              int               width,
                                              int               height);

/* WINDOW as on screen into journeys/STEP-<w>x<h>-<language>.png. */
void        furrow_test_save_step            (GtkWidget        *window,
                                              const char       *step);

/* Scrolls every scrolled window around WIDGET so that WIDGET is in its view, down and sideways,
 * as a user scrolls down the planner to reach Apply to Season or a roster to its last column. */
void        furrow_test_scroll_into_view     (GtkWidget        *widget);

/* WHAT (named for the message) can be used: mapped, inside its window after scrolling to it
 * with 6 px at least between it and the window's left and right edges, inside the view of each
 * scrolled window around it, at least as wide as it asks to be. */
void        furrow_test_assert_reachable     (GtkWidget        *widget,
                                              const char       *what);

/* TABLE (a grid in a scrolled window that may scroll sideways) fits across that scrolled
 * window's view, scrolled to its start as the page opens: its natural width at most the view's,
 * and each of its children (a title, a label, an entry of every column) wholly inside the view
 * and inside the window with its margin, across, without scrolling. WHAT names it. */
void        furrow_test_assert_fits_across   (GtkWidget        *table,
                                              const char       *what);

/* Every amount shown under WIDGET (a mapped label or inscription with ¥ in it) in full: not
 * ellipsized, at least its natural width (unless it wraps), and, unless its row is scrolled out
 * of view above or below, wholly inside the view of every scrolled window around it and inside
 * the window, across, as it is scrolled now: a table that scrolls sideways does not excuse an
 * amount half under its edge (issue 13, item 2). Returns how many in view were checked; PAGE
 * names them in the message. */
guint       furrow_test_check_money          (GtkWidget        *widget,
                                              const char       *page);

/* Every mapped column title of every GtkColumnView under WIDGET in full: its pango layout not
 * ellipsized ("Na…", "Re…" before). Returns how many titles were checked. */
guint       furrow_test_check_column_titles  (GtkWidget        *widget,
                                              const char       *what);

/* Every mapped text entry under WIDGET (an entry, a spin button) shows all its text: the text,
 * laid out in the entry's font, is no wider than the entry's text area ("Management and l…" in
 * the economics page's cost items at 1920 px before). Returns how many were checked. */
guint       furrow_test_check_entries        (GtkWidget        *widget,
                                              const char       *what);
/* No mapped label under WIDGET (a panel, a dialog) is ellipsized. */
void        furrow_test_check_not_ellipsized (GtkWidget        *widget,
                                              const char       *what);

/* LABEL in full in at most MAX_LINES lines: mapped, not ellipsized, and its text laid out in
 * no more lines than MAX_LINES, as wide as it is given (the household's title "…" and its code
 * "承包方 370782102201010041" three characters a line beside two buttons before; issue 13).
 * WHAT names it. */
void        furrow_test_assert_lines         (GtkWidget        *label,
                                              int               max_lines,
                                              const char       *what);

/* LABEL shows its whole text where it is: not ellipsized, at least as wide as its longest word
 * (its natural width unless it wraps), as tall as its lines at that width, inside CELL (its
 * column's title or cell, which clips it) and inside the view of SCROLLED without scrolling
 * sideways. WHAT names it. */
void        furrow_test_check_shown_whole    (GtkWidget        *label,
                                              GtkWidget        *cell,
                                              GtkWidget        *scrolled,
                                              const char       *what);

/* Every mapped label under WIDGET (a grid of captions and amounts) in full and reachable, as
 * furrow_test_check_not_ellipsized() and furrow_test_assert_reachable() check them, which wants
 * them unwrapped; WHAT names them. Returns how many were checked. */
guint       furrow_test_check_labels         (GtkWidget        *widget,
                                              const char       *what);

/* The season VIEW (a FurrowSeasonView) as the journeys check it at each STEP, when it is
 * mapped: the season's name and line in full and reachable; on the settlement page, its
 * totals' 24 captions and amounts, the objection's entries with their placeholders in full and
 * the notice's state in one line. */
void        furrow_test_check_season_view    (GtkWidget        *view,
                                              const char       *step);

/* Opens BUTTON's popover and returns once it has painted a frame. A menu's popover closes on a
 * click elsewhere (autohide): GDK's X11 backend shows it inside a pointer and keyboard grab
 * (gdk_seat_grab() with the popup's show as its prepare function) and hides it again at once
 * when the grab fails. Under Xvfb on a loaded machine it sometimes does: the popover was visible
 * but never mapped, then closed, and journey-manager-zh failed "Apply to All Fields is not
 * mapped" after the fixed 200 ms pause it had; here a grab failed up to seven times, 50 ms apart,
 * just after a dialog had closed. So a popover that closed without being shown is opened again,
 * as a user clicks again, until it is shown, for 60 s at most (test-journeys.c). */
void        furrow_test_popup_menu           (GtkMenuButton    *button);

/* Whether WIDGET (a button, a menu's item) activates the action named DATA: a
 * FurrowTestWidgetMatch. */
gboolean    furrow_test_has_action           (GtkWidget        *widget,
                                              gconstpointer     data);

/* The control under WIDGET that activates ACTION; in a menu button's popover, or an item
 * labelled MENU_LABEL (its mnemonic underline included) of a menu made from a menu model,
 * the popover opened as a click on the button opens it, the button checked reachable first.
 * Fails the test when there is none. */
GtkWidget  *furrow_test_find_action          (GtkWidget        *widget,
                                              const char       *action,
                                              const char       *menu_label);

/* Closes the popover FOUND (by furrow_test_find_action()) is in, if any. */
void        furrow_test_close_menu           (GtkWidget        *found);

/* With FURROW_TEST_LAYOUT_REPORT set in the environment every check above reports what it finds
 * as a test message starting "FINDING:" instead of failing, to list them all at once. */

G_END_DECLS
