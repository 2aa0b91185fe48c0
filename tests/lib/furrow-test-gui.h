/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-application.h"
#include "furrow-test.h"
#include "furrow-window.h"

G_BEGIN_DECLS

/* Shared by the GUI tests: a private XDG environment, windows waited for until painted, pixels
 * read back from what GTK renders, and an MBTiles base map of coloured tiles. */

/* The tile grid written by furrow_test_write_tile_grid(): every tile is one solid colour with its
 * z/x/y written in a corner, a checkerboard of two greens, and the tile that holds the default map
 * centre (36.45 N 119.40 E, tile 14/13626/6408: see tests/test-mbtiles.c) in wheat yellow. */
#define FURROW_TEST_CENTRE_X 13626
#define FURROW_TEST_CENTRE_Y 6408
#define FURROW_TEST_RGB_CENTRE  0xe8c86a
#define FURROW_TEST_RGB_EVEN    0x4c9a2a
#define FURROW_TEST_RGB_ODD     0xa8d06c
#define FURROW_TEST_RGB_SOY     0x8fbf4f

/* Where the windows of the tests look for OpenStreetMap's tile server: found offline. */
#define FURROW_TEST_OSM_ADDRESS "http://localhost/{z}/{x}/{y}.png"

/* What every GUI test starts from: default settings, a registered application, a temporary
 * folder. Embed it in a test's fixture. */
typedef struct
{
  FurrowApplication *app;
  GSettings         *settings;
  char              *tmpdir;
} FurrowTestApp;

void               furrow_test_app_set_up        (FurrowTestApp *test_app);
void               furrow_test_app_tear_down     (FurrowTestApp *test_app);

/* The fixture of the tests that drive the main window: the application above and a presented
 * FurrowWindow, painted once. Use it as the test's fixture (its fields are the test's). */
typedef struct
{
  FurrowTestApp  base;
  FurrowWindow  *window;
} FurrowTestWindow;

/* Sets up the application, presents a window of WIDTH × HEIGHT (0 × 0: the window's own default
 * size) and waits for its first frame; with DEMO_NAME, writes the demo cooperative to
 * base.tmpdir/DEMO_NAME and opens it. Then runs the main loop for SETTLE_MS milliseconds. */
void               furrow_test_window_set_up     (FurrowTestWindow *fixture,
                                                  int               width,
                                                  int               height,
                                                  const char       *demo_name,
                                                  guint             settle_ms);
/* For g_test_add(): destroys every window, the application and the temporary folder. */
void               furrow_test_window_tear_down  (FurrowTestWindow *fixture,
                                                  gconstpointer     data);

/* A private XDG environment, gtk_test_init(), libadwaita, no animations. */
void               furrow_test_gui_init          (int                    *argc,
                                                  char                 ***argv);
/* The whole main() of a GUI test file: furrow_test_gui_init(), then as furrow_test_main()
 * HOOKS->set_up, the registered cases, g_test_run() and HOOKS->tear_down. HOOKS->locale is not
 * used: gtk_test_init() takes the environment's. */
int                furrow_test_gui_main          (int                     argc,
                                                  char                  **argv,
                                                  const FurrowTestHooks  *hooks);

/* main() of a GUI test file, as FURROW_TEST_MAIN(). */
#define FURROW_TEST_GUI_MAIN(...)                                    \
  int                                                                \
  main (int   argc,                                                  \
        char *argv[])                                                \
  {                                                                  \
    static const FurrowTestHooks hooks = { __VA_ARGS__ };            \
                                                                     \
    return furrow_test_gui_main (argc, argv, &hooks);                \
  }                                                                  \
  G_STATIC_ASSERT (TRUE)

char              *furrow_test_make_tmpdir       (void);
void               furrow_test_remove_tmpdir     (const char    *dir);
void               furrow_test_reset_settings    (void);
FurrowApplication *furrow_test_application_new   (void);
void               furrow_test_destroy_windows   (void);
void               furrow_test_open_demo_project (FurrowWindow  *window,
                                                  const char    *dir,
                                                  const char    *name);
void               furrow_test_wait_for_frame    (GtkWidget     *widget);
void               furrow_test_iterate           (guint          milliseconds);
/* Iterates the main loop until @ready returns TRUE or @seconds pass; what @ready last said. */
gboolean           furrow_test_wait_until        (gboolean     (*ready) (gpointer data),
                                                  gpointer       data,
                                                  guint          seconds);
GdkTexture        *furrow_test_render_widget     (GtkWidget     *widget);
/* WIDGET as on screen: a widget between two frames may draw nothing, so wait for the next frame
 * and render again, ATTEMPTS times at most; the widget must have drawn by then. */
GdkTexture        *furrow_test_render_painted    (GtkWidget     *widget,
                                                  guint          attempts);
guint32            furrow_test_texture_rgb       (GdkTexture    *texture,
                                                  int            x,
                                                  int            y);
gboolean           furrow_test_rgb_close         (guint32        a,
                                                  guint32        b);
void               furrow_test_save_screenshot   (GdkTexture    *texture,
                                                  const char    *name);
/* Renders WIDGET as furrow_test_render_painted() does and saves it as NAME if it drew. */
void               furrow_test_save_widget_screenshot (GtkWidget  *widget,
                                                       guint       attempts,
                                                       const char *name);
GBytes            *furrow_test_surface_to_png    (cairo_surface_t *surface);
void               furrow_test_write_tile_grid   (const char    *path,
                                                  int            half_width,
                                                  int            half_height);
void               furrow_test_write_landscape   (const char    *path,
                                                  int            half_width,
                                                  int            half_height);
GtkWindow         *furrow_test_find_toplevel     (GType          type);
GMenuModel        *furrow_test_find_primary_menu (GtkWidget     *widget);
GtkWidget         *furrow_test_find_label        (GtkWidget     *widget,
                                                  const char    *text);
/* The first widget of TYPE at or under WIDGET, depth first, or NULL. */
GtkWidget         *furrow_test_find_widget       (GtkWidget     *widget,
                                                  GType          type);

/* Whether WIDGET is the one looked for; DATA is what furrow_test_find_first() was given. */
typedef gboolean (*FurrowTestWidgetMatch) (GtkWidget     *widget,
                                           gconstpointer  data);
/* The first widget at or under WIDGET, depth first, that MATCH accepts, or NULL: every search
 * of the widget tree above is one of these. */
GtkWidget         *furrow_test_find_first        (GtkWidget             *widget,
                                                  FurrowTestWidgetMatch  match,
                                                  gconstpointer          data);

/* The first AdwPreferencesRow of TYPE at or under WIDGET whose title is TITLE, or NULL. */
GtkWidget         *furrow_test_find_row          (GtkWidget             *widget,
                                                  GType                  type,
                                                  const char            *title);

/* Whether `action` (e.g. "win.publish") can be activated from inside BOX, a box of a window: a
 * button bound to it, put in BOX for a moment, is sensitive (GtkActionable follows the action's
 * enabled state). */
gboolean           furrow_test_action_enabled    (GtkBox                *box,
                                                  const char            *action);

/* Whether MENU (or a section or submenu of it) has an item for ACTION; its label goes to LABEL
 * (newly allocated) unless LABEL is NULL. */
gboolean           furrow_test_menu_has_action   (GMenuModel            *menu,
                                                  const char            *action,
                                                  char                 **label);

/* po/zh_CN.po compiled with msgfmt into a new folder (zh_CN/LC_MESSAGES/furrow.mo in it), for
 * FURROW_LOCALEDIR to point at as `make run` does with <build>/po/locale; remove it with
 * furrow_test_remove_tmpdir(). */
char              *furrow_test_compile_zh_cn     (void);

/* A new season NAME of YEAR in WINDOW's project with every field planned 2+4 in one
 * transaction, shown in the window; the main loop runs SETTLE_MS milliseconds after. */
void               furrow_test_show_new_season   (FurrowWindow          *window,
                                                  const char            *name,
                                                  int                    year,
                                                  guint                  settle_ms);

/* Shows the page NAME of WINDOW's season view (the season shown already), runs the main loop for
 * SETTLE_MS milliseconds and returns the page's widget, of TYPE (a FurrowSeason…Page). */
GtkWidget         *furrow_test_show_season_page  (FurrowWindow          *window,
                                                  const char            *name,
                                                  GType                  type,
                                                  guint                  settle_ms);

G_END_DECLS
