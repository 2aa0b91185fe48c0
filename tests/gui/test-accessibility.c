/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Polish a user relies on without seeing the code: the Keyboard Shortcuts window lists every
 * accelerator the application sets (the application's accels and the shortcuts Furrow's own
 * widgets install), and no icon-only button is left without a name for a screen reader or a
 * tooltip for the eye. */

#include "config.h"

#include "furrow-demo.h"
#include "furrow-window-private.h"
#include "furrow-test-gui.h"

typedef FurrowTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_window_set_up (fixture, 1100, 720, "a11y-coop.gpkg", 100);
}

/* "keyval:mods" of an accelerator, so "<Primary>z" and "<Control>z" compare equal. */
static char *
accel_key (const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  return g_strdup_printf ("%u:%u", gdk_keyval_to_lower (keyval), mods);
}

/* Every GtkShortcutsShortcut of the overlay: its action names and the keys it shows. */
static void
collect_overlay (GtkWidget    *widget,
                 GtkApplication *app,
                 GHashTable   *actions,
                 GHashTable   *keys)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

          g_autofree char *name = NULL;
          g_autoptr(GVariant) target = NULL;

          g_hash_table_add (actions, g_strdup (action));
          /* "win.show-view::fields": listed for win.show-view. */
          if (g_action_parse_detailed_name (action, &name, &target, NULL))
            g_hash_table_add (actions, g_steal_pointer (&name));
          for (guint i = 0; accels[i] != NULL; i++)
            g_hash_table_add (keys, accel_key (accels[i]));
        }
      if (accelerator != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (accelerator, " ", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            if (parts[i][0] != '\0')
              g_hash_table_add (keys, accel_key (parts[i]));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_overlay (child, app, actions, keys);
}

/* The keyboard shortcuts Furrow's own widgets install (the field editor's Return, Escape…):
 * GtkShortcutController entries with a key trigger, on widgets whose type is Furrow's. */
static void
collect_widget_shortcuts (GtkWidget *widget,
                          GPtrArray *found)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Furrow"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

              /* GTK's own class shortcuts (the window's F10, Ctrl+Shift+I…) are not Furrow's. */
              if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action))
                {
                  g_ptr_array_add (found, gtk_shortcut_trigger_to_string (trigger));
                }
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_shortcuts (child, found);
}

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->base.app);
  GtkShortcutsWindow *overlay;
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) widget_shortcuts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) described = gtk_application_list_action_descriptions (app);
  guint n_accels = 0;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_nonnull (overlay);
  collect_overlay (GTK_WIDGET (overlay), app, actions, keys);
  g_assert_cmpuint (g_hash_table_size (actions), >, 0);

  gtk_window_present (GTK_WINDOW (overlay));
  furrow_test_wait_for_frame (GTK_WIDGET (overlay));
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    g_autoptr(GdkTexture) texture = NULL;

    while ((texture = furrow_test_render_widget (GTK_WIDGET (overlay))) == NULL &&
           g_get_monotonic_time () < deadline)
      furrow_test_iterate (100);
    g_assert_nonnull (texture);
    furrow_test_save_screenshot (texture, "shortcuts-window.png");
  }

  /* Every action with an accelerator: listed under its action name. */
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, described[i]);

      if (accels[0] == NULL)
        continue;
      g_assert_true (g_action_parse_detailed_name (described[i], &action, &target, NULL));
      if (!g_hash_table_contains (actions, action))
        g_error ("%s (%s) is not in the Keyboard Shortcuts window", action, accels[0]);
      n_accels++;
    }
  /* The application sets 13 (furrow-application.c): all of them were seen. */
  g_assert_cmpuint (n_accels, >=, 13);

  /* The field editor's keys, on the map while drawing. */
  collect_widget_shortcuts (GTK_WIDGET (fixture->window), widget_shortcuts);
  g_assert_cmpuint (widget_shortcuts->len, >=, 4);
  for (guint i = 0; i < widget_shortcuts->len; i++)
    {
      g_autofree char *key = accel_key (g_ptr_array_index (widget_shortcuts, i));

      if (!g_hash_table_contains (keys, key))
        g_error ("%s is not in the Keyboard Shortcuts window",
                 (char *) g_ptr_array_index (widget_shortcuts, i));
    }

}
FURROW_TEST_FIXTURE ("/furrow/gui/accessibility/shortcuts-window", Fixture, fixture_set_up,
                     test_shortcuts_window, furrow_test_window_tear_down);

static gboolean
is_icon_only (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL ||
           GTK_IS_IMAGE (gtk_menu_button_get_child (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL ||
           GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)));
  return FALSE;
}

static gboolean
is_named (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return (tooltip != NULL && tooltip[0] != '\0') ||
         gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Icon-only buttons under `widget` without tooltip or accessible name, described in `bad`. The
 * toggle inside a GtkMenuButton is the menu button's: that one is checked instead. */
static void
check_buttons (GtkWidget *widget,
               GString   *bad,
               guint     *n_checked)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* Hidden for good (a search bar's unused close button) is not there for anyone. The parts GTK
   * builds inside its own widgets (the window's minimise/maximise/close, a spin button's −/+)
   * are named by GTK, not by the application, so they are left to it. */
  if (!gtk_widget_get_visible (widget) || GTK_IS_WINDOW_CONTROLS (widget) ||
      GTK_IS_SPIN_BUTTON (widget))
    return;
  if (is_icon_only (widget) && !(parent != NULL && GTK_IS_MENU_BUTTON (parent)))
    {
      (*n_checked)++;
      if (!is_named (widget))
        {
          const char *icon = GTK_IS_MENU_BUTTON (widget)
                             ? gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget))
                             : gtk_button_get_icon_name (GTK_BUTTON (widget));

          g_string_append_printf (bad, "%s (%s, in", G_OBJECT_TYPE_NAME (widget),
                                  icon != NULL ? icon : "image");
          for (GtkWidget *up = parent; up != NULL; up = gtk_widget_get_parent (up))
            g_string_append_printf (bad, " %s", G_OBJECT_TYPE_NAME (up));
          g_string_append (bad, "); ");
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_buttons (child, bad, n_checked);
}

static void
assert_buttons_named (GtkWidget  *root,
                      const char *where)
{
  g_autoptr(GString) bad = g_string_new (NULL);
  guint n_checked = 0;

  check_buttons (root, bad, &n_checked);
  g_test_message ("%s: %u icon-only buttons", where, n_checked);
  if (bad->len > 0)
    g_error ("%s: icon-only buttons without a tooltip or accessible name: %s", where, bad->str);
}

static void
test_icon_buttons (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GListModel) households = furrow_store_get_households (furrow_window_get_store (fixture->window));
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 0);
  g_autoptr(GString) bad = g_string_new (NULL);
  guint n_checked = 0;

  /* Every view and pane the window has: fields with a field selected (planner flap), and the
   * households with a household page. */
  check_buttons (window, bad, &n_checked);
  g_assert_cmpuint (n_checked, >=, 5);  /* projects, search, main menu, details, back at least */
  g_assert_cmpstr (bad->str, ==, "");

  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  furrow_window_select_household (fixture->window, household);
  furrow_test_iterate (200);
  assert_buttons_named (window, "households");
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "seasons");
  furrow_test_iterate (100);
  assert_buttons_named (window, "seasons");
  g_assert_true (gtk_widget_activate_action (window, "app.preferences", NULL));
  furrow_test_iterate (200);
  {
    GtkWindow *preferences = furrow_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);

    g_assert_nonnull (preferences);
    assert_buttons_named (GTK_WIDGET (preferences), "preferences");
  }
}
FURROW_TEST_FIXTURE ("/furrow/gui/accessibility/icon-buttons", Fixture, fixture_set_up,
                     test_icon_buttons, furrow_test_window_tear_down);

FURROW_TEST_GUI_MAIN ();
