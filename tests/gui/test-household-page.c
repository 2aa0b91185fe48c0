/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household page in the details pane: parcels with registered versus measured area,
 * mismatches over the `area-mismatch-percent` threshold highlighted, and edits with undo/redo
 * written to the store. */

#include "config.h"

#include <string.h>

#include "furrow-demo.h"
#include "furrow-history-testing.h"
#include "furrow-household-page-testing.h"
#include "furrow-register.h"
#include "furrow-store-testing.h"
#include "furrow-units.h"
#include "furrow-window-private.h"
#include "furrow-window-testing.h"
#include "furrow-test-gui.h"

typedef struct
{
  FurrowTestApp  base;
  FurrowWindow  *window;
  char          *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  furrow_test_app_set_up (&fixture->base);
  fixture->window = furrow_window_new (fixture->base.app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->window));
  furrow_test_open_demo_project (fixture->window, fixture->base.tmpdir, "dongpo-coop.gpkg");
  fixture->path = g_build_filename (fixture->base.tmpdir, "dongpo-coop.gpkg", NULL);
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "households");
  furrow_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->path);
  furrow_test_app_tear_down (&fixture->base);
}

static guint
count_class (GtkWidget  *widget,
             const char *css_class)
{
  guint n = gtk_widget_has_css_class (widget, css_class) && GTK_IS_LABEL (widget) &&
            gtk_widget_get_mapped (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_class (child, css_class);
  return n;
}

/* The demo household with the most parcels whose registered area is off by more than 5 %, and
 * how many of its parcels are. */
static FurrowHousehold *
find_mismatched_household (FurrowStore *store,
                           guint       *n_mismatched,
                           guint       *n_parcels)
{
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  FurrowHousehold *best = NULL;

  *n_mismatched = 0;
  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      g_autoptr(GListStore) own = furrow_register_household_parcels (
        parcels, furrow_household_get_code (household));
      guint n = 0;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (own)); j++)
        {
          g_autoptr(FurrowParcel) parcel = g_list_model_get_item (G_LIST_MODEL (own), j);

          if (furrow_register_is_mismatch (furrow_parcel_get_registered_area_m2 (parcel),
                                           furrow_parcel_get_measured_area_m2 (parcel), 5))
            n++;
        }
      if (n > *n_mismatched)
        {
          *n_mismatched = n;
          *n_parcels = g_list_model_get_n_items (G_LIST_MODEL (own));
          g_set_object (&best, household);
        }
    }
  return best;
}

static GdkTexture *
render_window (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GdkTexture *texture;

  /* A window in the middle of a change may draw nothing for a moment. */
  while ((texture = furrow_test_render_widget (GTK_WIDGET (fixture->window))) == NULL &&
         g_get_monotonic_time () < deadline)
    furrow_test_iterate (100);
  g_assert_nonnull (texture);
  return texture;
}

static void
select_household (Fixture         *fixture,
                  FurrowHousehold *household)
{
  furrow_window_select_household (fixture->window, household);
  furrow_test_iterate (200);
}

static void
test_mismatch (Fixture       *fixture,
               gconstpointer  data)
{
  FurrowStore *store = furrow_window_get_store (fixture->window);
  FurrowHouseholdPage *page = fixture->window->household_page;
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint n_mismatched = 0, n_parcels = 0;

  household = find_mismatched_household (store, &n_mismatched, &n_parcels);
  g_assert_nonnull (household);
  g_assert_cmpuint (n_mismatched, >, 0);

  select_household (fixture, household);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->details_stack), ==,
                   "household");
  g_assert_true (furrow_household_page_get_household (page) == household);
  /* The list row is selected too. */
  g_assert_true (furrow_record_list_get_selected (
                   FURROW_RECORD_LIST (fixture->window->household_list)) ==
                 household);
  furrow_test_iterate (300);
  texture = render_window (fixture);
  furrow_test_save_screenshot (texture, "furrow-household-page.png");
  g_clear_object (&texture);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window->household_list),
                                            furrow_household_get_code (household)));
  g_assert_cmpuint (furrow_household_page_get_n_parcels (page), ==, n_parcels);
  g_assert_cmpuint (furrow_household_page_get_n_mismatches (page), ==, n_mismatched);
  /* On screen: every mismatched parcel's areas in the "warning" style (the total may be too). */
  g_assert_cmpuint (count_class (GTK_WIDGET (page), "warning"), >=, n_mismatched);
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (page), "Parcels"));
  texture = render_window (fixture);
  furrow_test_save_screenshot (texture, "furrow-household-page.png");

  /* A threshold of 50 % highlights nothing. */
  g_settings_set_double (fixture->base.settings, "area-mismatch-percent", 50);
  furrow_test_iterate (100);
  g_assert_cmpuint (furrow_household_page_get_n_mismatches (page), ==, 0);
  g_assert_cmpuint (count_class (GTK_WIDGET (page), "warning"), ==, 0);
}
FURROW_TEST_FIXTURE ("/furrow/gui/household-page/mismatch", Fixture, fixture_set_up, test_mismatch,
                     fixture_tear_down);

static char *
stored_name (Fixture    *fixture,
             const char *code)
{
  g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, NULL);
  g_autoptr(FurrowHousehold) household = NULL;

  g_assert_nonnull (store);
  household = furrow_store_find_household (store, code);
  g_assert_nonnull (household);
  return g_strdup (furrow_household_get_name (household));
}

/* A parcel as the project file holds it (a second connection, as a person reopening it would). */
static FurrowParcel *
stored_parcel (Fixture *fixture,
               gint64   id)
{
  g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, NULL);
  g_autoptr(GListModel) parcels = NULL;

  g_assert_nonnull (store);
  parcels = furrow_store_get_parcels (store);
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (furrow_parcel_get_id (parcel) == id)
        return g_steal_pointer (&parcel);
    }
  g_assert_not_reached ();
  return NULL;
}

static gint64
count_audit (Fixture    *fixture,
             const char *object)
{
  g_autoptr(FurrowStore) store = furrow_store_open (fixture->path, NULL);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (store);
  rows = furrow_store_get_audit_log (store, object, NULL);
  g_assert_nonnull (rows);
  return rows->len;
}

/* Phone and ID number: shown masked to the last four; the edit button opens an empty entry; a
 * wrong ID number (check character) is refused; a right one is written (a lower-case x made
 * upper), audited without the number, shown masked again, and undone. */
static void
test_personal_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  FurrowHouseholdPage *page = fixture->window->household_page;
  g_autoptr(GListModel) households = furrow_store_get_households (furrow_window_get_store (fixture->window));
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 5);
  g_autofree char *old_id = g_strdup (furrow_household_get_id_number (household));
  g_autofree char *old_masked = NULL;
  g_autofree char *object = g_strconcat ("household:", furrow_household_get_code (household), NULL);
  AdwActionRow *id_row = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_ID_ROW);
  GtkToggleButton *id_edit = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_ID_EDIT);
  GtkWidget *id_entry = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_ID_ENTRY);
  AdwActionRow *phone_row = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_PHONE_ROW);
  GtkToggleButton *phone_edit = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_PHONE_EDIT);
  GtkWidget *phone_entry = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_PHONE_ENTRY);
  g_autoptr(FurrowStore) reader = NULL;
  g_autoptr(FurrowHousehold) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 audits;

  select_household (fixture, household);
  /* The demo's ID numbers are 18 characters: "•••• " and the last four. */
  g_assert_cmpuint (strlen (old_id), ==, 18);
  old_masked = g_strconcat ("•••• ", old_id + 14, NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (id_row), ==, old_masked);
  g_assert_false (gtk_widget_get_visible (id_entry));
  audits = count_audit (fixture, object);

  gtk_toggle_button_set_active (id_edit, TRUE);
  g_assert_true (gtk_widget_get_visible (id_entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_entry)), ==, "");

  /* GB 11643's worked example with its last digit changed: the check fails. */
  gtk_editable_set_text (GTK_EDITABLE (id_entry), "110105194912310021");
  g_signal_emit_by_name (id_entry, "apply");
  g_assert_true (gtk_widget_has_css_class (id_entry, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (id_entry), ==,
                   "The ID number’s last character does not match the others: check for a typing mistake");
  g_assert_cmpint (count_audit (fixture, object), ==, audits);

  gtk_editable_set_text (GTK_EDITABLE (id_entry), "11010519491231002x");
  g_signal_emit_by_name (id_entry, "apply");
  furrow_test_iterate (100);
  reader = furrow_store_open (fixture->path, NULL);
  stored = furrow_store_find_household (reader, furrow_household_get_code (household));
  g_assert_cmpstr (furrow_household_get_id_number (stored), ==, "11010519491231002X");
  g_clear_object (&stored);
  audit = furrow_store_get_audit_log (reader, object, NULL);
  g_assert_cmpuint (audit->len, ==, audits + 1);
  g_assert_cmpstr (((FurrowAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->detail, ==,
                   "id_number changed");
  g_clear_object (&reader);
  g_assert_cmpstr (adw_action_row_get_subtitle (id_row), ==, "•••• 002X");
  g_assert_false (gtk_widget_get_visible (id_entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_entry)), ==, "");
  g_assert_cmpstr (furrow_history_get_undo_label (furrow_window_get_history (fixture->window)), ==,
                   "Change ID Number");

  /* A phone number too short is refused. */
  gtk_toggle_button_set_active (phone_edit, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (phone_entry), "12345");
  g_signal_emit_by_name (phone_entry, "apply");
  g_assert_true (gtk_widget_has_css_class (phone_entry, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (phone_entry), ==, "A phone number has 7 to 15 digits");
  texture = render_window (fixture);
  furrow_test_save_screenshot (texture, "furrow-household-personal.png");
  gtk_toggle_button_set_active (phone_edit, FALSE);
  g_assert_nonnull (adw_action_row_get_subtitle (phone_row));

  /* Undo: the old ID number in the file, masked on the page. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  furrow_test_iterate (100);
  reader = furrow_store_open (fixture->path, NULL);
  stored = furrow_store_find_household (reader, furrow_household_get_code (household));
  g_assert_cmpstr (furrow_household_get_id_number (stored), ==, old_id);
  g_assert_cmpstr (adw_action_row_get_subtitle (id_row), ==, old_masked);
}
FURROW_TEST_FIXTURE ("/furrow/gui/household-page/personal-edit", Fixture, fixture_set_up,
                     test_personal_edit, fixture_tear_down);

/* The payee account (docs/domain.md, "Bank accounts"): the demo's at first; the edit opens the bank,
 * branch and holder and an empty number; a card number with a wrong Luhn digit is refused on
 * its row; a right one (6217 0000 0000 0006: 6 + 7 + 2 kept, 1 → 2 and 6 → 3 doubled, 20) is
 * written whole by one edit, audited by column names only, shown masked, and undone whole. */
static void
test_account_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  FurrowHouseholdPage *page = fixture->window->household_page;
  g_autoptr(GListModel) households = furrow_store_get_households (furrow_window_get_store (fixture->window));
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 3);
  g_autofree char *object = g_strconcat ("household:", furrow_household_get_code (household), NULL);
  AdwActionRow *row = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_ACCOUNT_ROW);
  GtkToggleButton *edit = (gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_ACCOUNT_EDIT);
  GtkWidget *bank = furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_BANK_ENTRY);
  GtkWidget *number = furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_ACCOUNT_ENTRY);
  GtkWidget *holder = furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_HOLDER_ENTRY);
  GtkWidget *save_button = furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_ACCOUNT_SAVE);
  g_autoptr(FurrowStore) reader = NULL;
  g_autoptr(FurrowHousehold) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 audits;

  select_household (fixture, household);
  /* The demo's passbook account of household …0004 (furrow-demo.c: every tenth from the 4th). */
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "示范县农村商业银行 示范村分理处 · 9999 **** **** 0004");
  g_assert_false (gtk_widget_get_visible (number));
  audits = count_audit (fixture, object);

  gtk_toggle_button_set_active (edit, TRUE);
  g_assert_true (gtk_widget_get_visible (number));
  g_assert_true (gtk_widget_is_visible (save_button));
  gtk_editable_set_text (GTK_EDITABLE (bank), "中国农业银行");
  gtk_editable_set_text (GTK_EDITABLE (holder), "王建军");
  gtk_editable_set_text (GTK_EDITABLE (number), "6217 0000 0000 0007");
  g_assert_true (GTK_IS_BUTTON (save_button));
  g_signal_emit_by_name (save_button, "clicked");
  g_assert_true (gtk_widget_has_css_class (number, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (number), "last digit"));
  g_assert_null (strstr (gtk_widget_get_tooltip_text (number), "6217"));
  g_assert_cmpint (count_audit (fixture, object), ==, audits);

  gtk_editable_set_text (GTK_EDITABLE (number), "6217 0000 0000 0006");
  g_signal_emit_by_name (save_button, "clicked");
  furrow_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (number));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "中国农业银行 示范村分理处 · 6217 **** **** 0006 · 王建军");
  reader = furrow_store_open (fixture->path, NULL);
  stored = furrow_store_find_household (reader, furrow_household_get_code (household));
  g_assert_cmpstr (furrow_household_get_account_number (stored), ==, "6217000000000006");
  g_assert_cmpstr (furrow_household_get_bank (stored), ==, "中国农业银行");
  g_assert_cmpstr (furrow_household_get_account_holder (stored), ==, "王建军");
  g_clear_object (&stored);
  audit = furrow_store_get_audit_log (reader, object, NULL);
  g_assert_cmpuint (audit->len, ==, audits + 1);
  g_assert_cmpstr (((FurrowAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->detail, ==,
                   "bank, account_number, account_holder changed");
  g_clear_object (&reader);
  g_assert_cmpstr (furrow_history_get_undo_label (furrow_window_get_history (fixture->window)), ==,
                   "Change Payee Account");

  /* Undo: the demo's account again, in the file and on the page. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  furrow_test_iterate (100);
  reader = furrow_store_open (fixture->path, NULL);
  stored = furrow_store_find_household (reader, furrow_household_get_code (household));
  g_assert_cmpstr (furrow_household_get_account_number (stored), ==, "999990010100000004");
  g_assert_cmpstr (furrow_household_get_bank (stored), ==, "示范县农村商业银行");
  g_assert_null (furrow_household_get_account_holder (stored));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "示范县农村商业银行 示范村分理处 · 9999 **** **** 0004");
}
FURROW_TEST_FIXTURE ("/furrow/gui/household-page/account-edit", Fixture, fixture_set_up,
                     test_account_edit, fixture_tear_down);

/* Editing a parcel's registered area, code and field from the household page: each edit is
 * written (read back through a second connection), audited, undoable; an area of 0 or below and
 * a short code are refused with their reason and write nothing. */
static void
test_parcel_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  FurrowHouseholdPage *page = fixture->window->household_page;
  FurrowHistory *history = furrow_window_get_history (fixture->window);
  g_autoptr(GListModel) households = furrow_store_get_households (furrow_window_get_store (fixture->window));
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 3);
  g_autoptr(FurrowParcel) stored = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *object = NULL;
  g_autofree char *old_code = NULL;
  FurrowParcel *parcel;
  GtkWidget *row;
  GtkWidget *area_row;
  GtkSpinButton *spin;
  GtkWidget *code_row;
  AdwComboRow *field_row;
  double old_m2, old_mu;
  gint64 id, old_field, audits;

  select_household (fixture, household);
  g_assert_cmpuint (furrow_household_page_get_n_parcels (page), >, 0);
  row = furrow_household_page_get_parcel_row (page, 0);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  parcel = furrow_household_page_get_parcel (page, 0);
  spin = (gpointer) furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_AREA_SPIN);
  area_row = (gpointer) furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_AREA_ROW);
  id = furrow_parcel_get_id (parcel);
  old_m2 = furrow_parcel_get_registered_area_m2 (parcel);
  old_mu = old_m2 * 15 / 10000;  /* 1 mu = 10000/15 m² (docs/domain.md §2) */
  old_field = furrow_parcel_get_field_id (parcel);
  old_code = g_strdup (furrow_parcel_get_code (parcel));
  object = g_strconcat ("parcel:", old_code, NULL);
  audits = count_audit (fixture, object);
  /* The spin shows the registered area in mu, two decimals. */
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), old_mu, 0.005);

  /* 4.25 mu typed in: 4.25 × 10000 / 15 = 2833.33 m² in the file, one audit row more. */
  gtk_spin_button_set_value (spin, 4.25);
  furrow_test_iterate (100);
  stored = stored_parcel (fixture, id);
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_registered_area_m2 (stored), 2833.3333, 1e-3);
  g_clear_object (&stored);
  g_assert_cmpint (count_audit (fixture, object), ==, audits + 1);
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "Change Registered Area");
  /* The page was rebuilt from the store: the parcel is still open, its row shows 4.25. */
  row = furrow_household_page_get_parcel_row (page, 0);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  {
    g_autofree char *measured =
      furrow_format_mu_grouped (furrow_parcel_get_measured_area_m2 (parcel));
    g_autofree char *areas = g_strdup_printf ("4.25 / %s mu", measured);

    g_assert_nonnull (furrow_test_find_label (row, areas));
  }
  texture = render_window (fixture);
  furrow_test_save_screenshot (texture, "furrow-parcel-edit.png");
  g_clear_object (&texture);

  /* 0 mu: refused, with its reason on the row; the file keeps 4.25 mu. */
  spin = (gpointer) furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_AREA_SPIN);
  area_row = (gpointer) furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_AREA_ROW);
  gtk_spin_button_set_value (spin, 0);
  furrow_test_iterate (50);
  g_assert_true (gtk_widget_has_css_class (area_row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (area_row)), ==,
                   "The registered area must be more than 0 mu");
  stored = stored_parcel (fixture, id);
  g_assert_cmpfloat_with_epsilon (furrow_parcel_get_registered_area_m2 (stored), 2833.3333, 1e-3);
  g_clear_object (&stored);
  g_assert_cmpint (count_audit (fixture, object), ==, audits + 1);
  texture = render_window (fixture);
  furrow_test_save_screenshot (texture, "furrow-parcel-edit-refused.png");
  g_clear_object (&texture);

  /* Undo (Ctrl+Z's action): the old area, in the file and in the spin. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  furrow_test_iterate (100);
  stored = stored_parcel (fixture, id);
  g_assert_cmpfloat (furrow_parcel_get_registered_area_m2 (stored), ==, old_m2);
  g_clear_object (&stored);
  row = furrow_household_page_get_parcel_row (page, 0);
  spin = (gpointer) furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_AREA_SPIN);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), old_mu, 0.005);
  g_assert_false (furrow_history_get_can_undo (history));

  /* A code of 18 digits is refused; nothing written, nothing to undo. */
  code_row = (gpointer) furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_CODE_ROW);
  gtk_editable_set_text (GTK_EDITABLE (code_row), "370782102201010001");
  g_signal_emit_by_name (code_row, "apply");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (code_row), ==,
                   "The parcel code (DKBM) “370782102201010001” must be 19 digits");
  g_assert_false (furrow_history_get_can_undo (history));
  stored = stored_parcel (fixture, id);
  g_assert_cmpstr (furrow_parcel_get_code (stored), ==, old_code);
  g_clear_object (&stored);

  /* Another field: "No field" is choice 0, then the fields in model order. */
  field_row = (gpointer) furrow_household_page_get_parcel_part (page, 0, FURROW_PARCEL_PART_FIELD_ROW);
  adw_combo_row_set_selected (field_row, old_field == 0 ? 1 : 0);
  furrow_test_iterate (100);
  stored = stored_parcel (fixture, id);
  g_assert_cmpint (furrow_parcel_get_field_id (stored), !=, old_field);
  g_clear_object (&stored);
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "Move Parcel to Another Field");
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  furrow_test_iterate (100);
  stored = stored_parcel (fixture, id);
  g_assert_cmpint (furrow_parcel_get_field_id (stored), ==, old_field);
}
FURROW_TEST_FIXTURE ("/furrow/gui/household-page/parcel-edit", Fixture, fixture_set_up,
                     test_parcel_edit, fixture_tear_down);

static void
test_edit_undo_redo (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  FurrowHouseholdPage *page = fixture->window->household_page;
  FurrowHistory *history = furrow_window_get_history (fixture->window);
  g_autoptr(GListModel) households = furrow_store_get_households (furrow_window_get_store (fixture->window));
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 10);
  g_autofree char *code = g_strdup (furrow_household_get_code (household));
  g_autofree char *old_name = g_strdup (furrow_household_get_name (household));
  g_autofree char *name = NULL;
  GtkWidget *name_row;
  GtkWidget *code_row;

  select_household (fixture, household);
  name_row = GTK_WIDGET ((gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_NAME_ROW));
  code_row = GTK_WIDGET ((gpointer) furrow_household_page_get_part (page, FURROW_HOUSEHOLD_PART_CODE_ROW));
  g_assert_nonnull (name_row);
  g_assert_false (furrow_history_get_can_undo (history));

  /* Rename: the store has the new name, the list shows it. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "李新名");
  g_signal_emit_by_name (name_row, "apply");
  furrow_test_iterate (100);
  name = stored_name (fixture, code);
  g_assert_cmpstr (name, ==, "李新名");
  g_clear_pointer (&name, g_free);
  g_assert_cmpstr (furrow_household_get_name (household), ==, "李新名");
  g_assert_true (furrow_history_get_can_undo (history));
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "Rename Household");

  /* Undo (Ctrl+Z's action): the old name, in the store and on the page. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  furrow_test_iterate (100);
  name = stored_name (fixture, code);
  g_assert_cmpstr (name, ==, old_name);
  g_clear_pointer (&name, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, old_name);
  g_assert_false (furrow_history_get_can_undo (history));
  g_assert_true (furrow_history_get_can_redo (history));

  /* Redo. */
  g_assert_true (gtk_widget_activate_action (window, "win.redo", NULL));
  furrow_test_iterate (100);
  name = stored_name (fixture, code);
  g_assert_cmpstr (name, ==, "李新名");
  g_clear_pointer (&name, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "李新名");

  /* Validation: an empty name and a 17-character code are refused, nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  ");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (code_row), "37078210220101001");
  g_signal_emit_by_name (code_row, "apply");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  name = stored_name (fixture, code);
  g_assert_cmpstr (name, ==, "李新名");
  g_assert_cmpstr (furrow_history_get_undo_label (history), ==, "Rename Household");
}
FURROW_TEST_FIXTURE ("/furrow/gui/household-page/edit-undo-redo", Fixture, fixture_set_up,
                     test_edit_undo_redo, fixture_tear_down);

/* The message dialog the page opened, if any. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A change of the household committed while the page shows it, as the store brings in one
 * another clerk committed on a server (furrow-store-live.c, follow_records(): the same object
 * changed, household-changed emitted): the page rebuilds from the store's signal whatever made
 * the change. */
static void
change_elsewhere (Fixture         *fixture,
                  FurrowHousehold *household,
                  const char      *name,
                  guint            members)
{
  g_autoptr(GError) error = NULL;

  furrow_household_set_name (household, name);
  furrow_household_set_members (household, members);
  g_assert_true (furrow_store_update_household (furrow_window_get_store (fixture->window),
                                                household, &error));
  g_assert_no_error (error);
  furrow_test_iterate (200);
}

/* A clerk types a new name while another clerk's change of the same household arrives (issue
 * 15, several users at once): a change of another value (members) keeps what is being typed; a
 * change of the name itself shows the other clerk's name, says who changed it and that the
 * typed text was not saved, and the project keeps their name — nothing is overwritten unseen. */
static void
test_typed_while_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  FurrowHouseholdPage *page = fixture->window->household_page;
  g_autoptr(GListModel) households =
    furrow_store_get_households (furrow_window_get_store (fixture->window));
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 10);
  g_autofree char *code = g_strdup (furrow_household_get_code (household));
  g_autofree char *old_name = g_strdup (furrow_household_get_name (household));
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *name_row;

  select_household (fixture, household);
  name_row = GTK_WIDGET ((gpointer) furrow_household_page_get_part (page,
                                                                    FURROW_HOUSEHOLD_PART_NAME_ROW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, old_name);

  /* Members changed elsewhere: the name being typed stays, no message. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "王正在输");
  change_elsewhere (fixture, household, old_name, 7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "王正在输");
  g_assert_null (find_message_dialog ());

  /* The name changed elsewhere: theirs is shown and the user is told. */
  change_elsewhere (fixture, household, "赵他人改", 7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "赵他人改");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed by Another User");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), code));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_get_user_name ()));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "while you were typing: their values are shown now, and what you "
                            "typed was not saved"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  name = stored_name (fixture, code);
  g_assert_cmpstr (name, ==, "赵他人改");
}
FURROW_TEST_FIXTURE ("/furrow/gui/household-page/typed-while-changed", Fixture, fixture_set_up,
                     test_typed_while_changed, fixture_tear_down);

/* A parcel with no name and no field (as a register import leaves a polygon outside every
 * field) is titled by its code, its subtitle saying it lies in no field: never a blank row
 * (issue 13, item 9). */
static void
test_unnamed_parcel (Fixture       *fixture,
                     gconstpointer  data)
{
  FurrowHouseholdPage *page = fixture->window->household_page;
  FurrowStore *store = furrow_window_get_store (fixture->window);
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  FurrowParcel *parcel;
  GtkWidget *row = NULL;
  guint n;

  select_household (fixture, household);
  n = furrow_household_page_get_n_parcels (page);
  g_assert_cmpuint (n, >, 0);
  parcel = furrow_household_page_get_parcel (page, 0);
  code = g_strdup (furrow_parcel_get_code (parcel));
  g_assert_cmpuint (strlen (code), ==, 19);
  furrow_parcel_set_name (parcel, "");
  furrow_parcel_set_field_id (parcel, 0);
  g_assert_true (furrow_store_update_parcel (store, parcel, &error));
  g_assert_no_error (error);
  select_household (fixture, NULL);
  select_household (fixture, household);

  for (guint i = 0; i < furrow_household_page_get_n_parcels (page); i++)
    if (g_strcmp0 (furrow_parcel_get_code (furrow_household_page_get_parcel (page, i)), code) == 0)
      row = furrow_household_page_get_parcel_row (page, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, code);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "No field");
  g_assert_nonnull (furrow_test_find_label (GTK_WIDGET (fixture->window), code));
}
FURROW_TEST_FIXTURE ("/furrow/gui/household-page/unnamed-parcel", Fixture, fixture_set_up,
                     test_unnamed_parcel, fixture_tear_down);

FURROW_TEST_GUI_MAIN ();
