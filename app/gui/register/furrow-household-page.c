/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowHouseholdPage: one household (承包方) in the details pane: its head, code, members and
 * contact (phone masked), editable with undo; its registered versus measured area; and its
 * parcels, those whose registered area is off the measured one by more than
 * `mismatch-percent` highlighted with the "warning" style. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "furrow-household-page.h"
#include "furrow-typed-entry.h"
#include "furrow-household-page-testing.h"
#include "furrow-bank-account.h"
#include "furrow-edit-account.h"
#include "furrow-edit-record.h"
#include "furrow-property.h"
#include "furrow-register.h"
#include "furrow-store-ledger.h"
#include "furrow-store-roles.h"
#include "furrow-template.h"
#include "furrow-units.h"

/* A parcel's expander row and its editors (furrow-household-page-testing.h names them). */
typedef struct
{
  GtkWidget    *row;
  FurrowParcel *parcel;
  GtkWidget    *parts[FURROW_PARCEL_PART_CUSTODY_ROW + 1];
} ParcelRow;

static void
parcel_row_free (gpointer data)
{
  ParcelRow *parcel_row = data;

  g_object_unref (parcel_row->parcel);
  g_free (parcel_row);
}

struct _FurrowHouseholdPage
{
  AdwBin                parent_instance;

  /* template */
  AdwPreferencesGroup  *title_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *code_row;
  AdwActionRow         *members_row;
  GtkSpinButton        *members_spin;
  AdwActionRow         *phone_row;
  GtkToggleButton      *phone_edit_button;
  AdwEntryRow          *phone_entry_row;
  AdwActionRow         *id_row;
  GtkToggleButton      *id_edit_button;
  AdwEntryRow          *id_entry_row;
  AdwActionRow         *account_row;
  GtkToggleButton      *account_edit_button;
  AdwEntryRow          *bank_entry_row;
  AdwEntryRow          *branch_entry_row;
  AdwEntryRow          *account_entry_row;
  AdwEntryRow          *holder_entry_row;
  AdwActionRow         *account_save_row;
  GtkWidget            *account_save_button;
  GtkLabel             *registered_label;
  GtkLabel             *measured_label;
  GtkLabel             *custody_label;
  AdwPreferencesGroup  *parcels_group;
  AdwPreferencesGroup  *ledger_group;

  FurrowStore          *store;
  FurrowHistory        *history;
  FurrowHousehold      *household;
  GListModel           *parcels;
  GListModel           *fields;
  GPtrArray            *parcel_rows;  /* ParcelRow */
  GPtrArray            *ledger_rows;  /* GtkWidget: the member account's rows */
  double                mismatch_percent;
  gint64                expanded_parcel;  /* kept open across refreshes (an edit refreshes) */
  guint                 refresh_source;   /* the refresh pending after a model change */
  guint                 n_parcels;
  guint                 n_mismatches;
  gboolean              refreshing;
  gint64                shown_id;     /* the household the editors were last filled from */
};

G_DEFINE_FINAL_TYPE (FurrowHouseholdPage, furrow_household_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HOUSEHOLD,
  PROP_MISMATCH_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowHouseholdPage, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (title_group), CHILD (name_row), CHILD (code_row), CHILD (members_row),
  CHILD (members_spin), CHILD (phone_row), CHILD (phone_edit_button), CHILD (phone_entry_row),
  CHILD (id_row), CHILD (id_edit_button), CHILD (id_entry_row), CHILD (account_row),
  CHILD (account_edit_button), CHILD (bank_entry_row), CHILD (branch_entry_row),
  CHILD (account_entry_row), CHILD (holder_entry_row), CHILD (account_save_row),
  CHILD (account_save_button), CHILD (registered_label), CHILD (measured_label),
  CHILD (custody_label), CHILD (parcels_group), CHILD (ledger_group),
};
#undef CHILD

static char *
field_name (FurrowHouseholdPage *self,
            gint64               field_id)
{
  guint n = self->fields != NULL ? g_list_model_get_n_items (self->fields) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (self->fields, i);

      if (furrow_field_get_id (field) == field_id)
        return g_strdup (furrow_field_get_name (field));
    }
  return g_strdup (_("No field"));
}

static char *
format_mu (double area_m2)
{
  g_autofree char *number = furrow_format_mu_grouped (area_m2);

  /* Translators: an area in mu (亩), e.g. "12.34 mu". */
  return g_strdup_printf (_("%s mu"), number);
}

/* TRUE when the user's role may change the register (furrow-store-roles.h; always on a file):
 * the editors are insensitive otherwise, and the server would refuse the change anyway. */
static gboolean
may_edit (FurrowHouseholdPage *self)
{
  return self->store == NULL ||
         furrow_role_may (furrow_store_get_role (self->store), FURROW_PERMISSION_REGISTER);
}

static void
clear_parcel_rows (FurrowHouseholdPage *self)
{
  for (guint i = 0; i < self->parcel_rows->len; i++)
    adw_preferences_group_remove (self->parcels_group,
                                  ((ParcelRow *) g_ptr_array_index (self->parcel_rows, i))->row);
  g_ptr_array_set_size (self->parcel_rows, 0);
}

/* The field choices of a parcel's field row: "No field" and then the project's fields in model
 * order; `field_ids` gets the id of each choice. */
static GListModel *
field_choices (FurrowHouseholdPage *self,
               GArray              *field_ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = self->fields != NULL ? g_list_model_get_n_items (self->fields) : 0;
  gint64 none = 0;

  gtk_string_list_append (names, _("No field"));
  g_array_append_val (field_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (self->fields, i);
      gint64 id = furrow_field_get_id (field);
      g_autofree char *label = NULL;

      /* Translators: a field in a choice list: its name and code, e.g. "East Slope (T03)". */
      label = g_strdup_printf (_("%s (%s)"), furrow_field_get_name (field),
                               furrow_field_get_code (field));
      gtk_string_list_append (names, label);
      g_array_append_val (field_ids, id);
    }
  return G_LIST_MODEL (names);
}

static void parcel_area_changed_cb   (GtkSpinButton *spin,
                                      gpointer       user_data);
static void parcel_code_apply_cb     (AdwEntryRow   *row,
                                      gpointer       user_data);
static void parcel_field_selected_cb (AdwComboRow   *row,
                                      GParamSpec    *pspec,
                                      gpointer       user_data);
static void parcel_custody_selected_cb (AdwComboRow *row,
                                        GParamSpec  *pspec,
                                        gpointer     user_data);
static void parcel_expanded_cb       (AdwExpanderRow *row,
                                      GParamSpec     *pspec,
                                      gpointer        user_data);

/* Escape in an editor puts back what the register holds and clears a refusal shown on it
 * (issue 13, item 7): the parcel's area or code, the household's name or code. */
static gboolean
escape_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FurrowHouseholdPage   *self)
{
  GtkWidget *editor = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  FurrowParcel *parcel = g_object_get_data (G_OBJECT (editor), "furrow-parcel");
  GtkWidget *row = g_object_get_data (G_OBJECT (editor), "furrow-row");

  if (keyval != GDK_KEY_Escape || self->household == NULL)
    return FALSE;
  self->refreshing = TRUE;
  if (GTK_IS_SPIN_BUTTON (editor) && parcel != NULL)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor),
                                 furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel)));
      if (ADW_IS_ACTION_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
    }
  else if (parcel != NULL)
    gtk_editable_set_text (GTK_EDITABLE (editor), furrow_parcel_get_code (parcel));
  else if (editor == GTK_WIDGET (self->code_row))
    gtk_editable_set_text (GTK_EDITABLE (editor), furrow_household_get_code (self->household));
  else if (editor == GTK_WIDGET (self->name_row))
    gtk_editable_set_text (GTK_EDITABLE (editor), furrow_household_get_name (self->household));
  self->refreshing = FALSE;
  if (row == NULL)
    row = editor;
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);
  return TRUE;
}

static void
add_escape_reverts (FurrowHouseholdPage *self,
                    GtkWidget           *editor)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the entry's own text sees the key. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "furrow-escape-reverts");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (escape_pressed_cb), self);
  gtk_widget_add_controller (editor, keys);
}

static void
add_parcel_row (FurrowHouseholdPage *self,
                FurrowParcel        *parcel,
                GListModel          *choices,
                GArray              *field_ids)
{
  double registered = furrow_parcel_get_registered_area_m2 (parcel);
  double measured = furrow_parcel_get_measured_area_m2 (parcel);
  g_autofree char *registered_text = furrow_format_mu_grouped (registered);
  g_autofree char *measured_text = furrow_format_mu_grouped (measured);
  g_autofree char *field = field_name (self, furrow_parcel_get_field_id (parcel));
  const char *name = furrow_parcel_get_name (parcel);
  g_autofree char *subtitle = NULL;
  g_autofree char *areas = NULL;
  g_autoptr(GtkStringList) custodies = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *label;
  GtkWidget *area_row;
  GtkWidget *spin;
  GtkWidget *code_row;
  GtkWidget *field_row;
  GtkWidget *custody_row;
  GtkWidget *editors[4];
  ParcelRow *parcel_row;
  guint field_position = 0;

  /* A parcel without a name (a register row, a polygon outside every field) is titled by its
   * code, never a blank row (issue 13, item 9); the subtitle then says only where it lies. */
  if (name == NULL || name[0] == '\0')
    subtitle = g_strdup (field);
  else
    /* Translators: a parcel's code (DKBM) and the custody field it lies in. */
    subtitle = g_strdup_printf (_("%s · %s"), furrow_parcel_get_code (parcel), field);
  /* Translators: registered / measured area of a parcel in mu, e.g. "3.20 / 3.05 mu". */
  areas = g_strdup_printf (_("%s / %s mu"), registered_text, measured_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                  name != NULL && name[0] != '\0' ? name
                                                                   : furrow_parcel_get_code (parcel));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  label = gtk_label_new (areas);
  gtk_widget_add_css_class (label, "numeric");
  if (furrow_register_is_mismatch (registered, measured, self->mismatch_percent))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *tooltip = NULL;

      /* Translators: %.1f is a percentage, e.g. "Registered area is 6.2 % off the measured". */
      tooltip = g_strdup_printf (_("The registered area is %.1f %% off the measured area"),
                                 furrow_register_mismatch_percent (registered, measured));
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (row, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), icon);
      self->n_mismatches++;
    }
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);

  /* The registered area, in mu with two decimals as the register keeps it. The lower bound is
   * 0 so that a 0 typed in is refused with its reason rather than silently clamped. */
  area_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (area_row), _("Registered area (mu)"));
  spin = gtk_spin_button_new_with_range (0, FURROW_REGISTER_MAX_PARCEL_MU * 10, 0.01);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), furrow_m2_to_mu (registered));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Registered area (mu)"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (area_row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (area_row), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), area_row);

  code_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code_row), _("Parcel code (DKBM)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (code_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (code_row), furrow_parcel_get_code (parcel));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), code_row);

  for (guint i = 0; i < field_ids->len; i++)
    if (g_array_index (field_ids, gint64, i) == furrow_parcel_get_field_id (parcel))
      field_position = i;
  field_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row), _("Custody field"));
  adw_combo_row_set_model (ADW_COMBO_ROW (field_row), choices);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field_row), field_position);
  g_object_set_data_full (G_OBJECT (field_row), "furrow-field-ids", g_array_ref (field_ids),
                          (GDestroyNotify) g_array_unref);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), field_row);

  custodies = gtk_string_list_new ((const char * const[]) { _("Full custody"), _("Half custody"),
                                                            NULL });
  custody_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (custody_row), _("Custody"));
  adw_combo_row_set_model (ADW_COMBO_ROW (custody_row), G_LIST_MODEL (custodies));
  adw_combo_row_set_selected (ADW_COMBO_ROW (custody_row),
                              furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_HALF ? 1 : 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), custody_row);

  editors[0] = spin;
  editors[1] = code_row;
  editors[2] = field_row;
  editors[3] = custody_row;
  /* Each editor knows its parcel (by the object: the store's model keeps the same instance) and
   * the row to report a refusal on. */
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      GObject *editor = G_OBJECT (editors[i]);

      g_object_set_data_full (editor, "furrow-parcel", g_object_ref (parcel), g_object_unref);
      g_object_set_data (editor, "furrow-row", i == 0 ? area_row : GTK_WIDGET (editor));
      gtk_widget_set_sensitive (editors[i], may_edit (self));
    }
  g_signal_connect (spin, "value-changed", G_CALLBACK (parcel_area_changed_cb), self);
  add_escape_reverts (self, spin);
  add_escape_reverts (self, code_row);
  g_signal_connect (code_row, "apply", G_CALLBACK (parcel_code_apply_cb), self);
  g_signal_connect (field_row, "notify::selected", G_CALLBACK (parcel_field_selected_cb), self);
  g_signal_connect (custody_row, "notify::selected", G_CALLBACK (parcel_custody_selected_cb),
                    self);

  parcel_row = g_new0 (ParcelRow, 1);
  parcel_row->row = row;
  parcel_row->parcel = g_object_ref (parcel);
  parcel_row->parts[FURROW_PARCEL_PART_AREA_ROW] = area_row;
  parcel_row->parts[FURROW_PARCEL_PART_AREA_SPIN] = spin;
  parcel_row->parts[FURROW_PARCEL_PART_CODE_ROW] = code_row;
  parcel_row->parts[FURROW_PARCEL_PART_FIELD_ROW] = field_row;
  parcel_row->parts[FURROW_PARCEL_PART_CUSTODY_ROW] = custody_row;

  if (furrow_parcel_get_id (parcel) == self->expanded_parcel)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (parcel_expanded_cb), self);

  adw_preferences_group_add (self->parcels_group, row);
  g_ptr_array_add (self->parcel_rows, parcel_row);
  self->n_parcels++;
}

/* The parcel and the editor of its row that hold the keyboard focus, if one does. */
static void
find_focused_part (FurrowHouseholdPage *self,
                   gint64              *parcel_id,
                   int                 *part)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return;
  for (guint i = 0; i < self->parcel_rows->len; i++)
    {
      ParcelRow *parcel_row = g_ptr_array_index (self->parcel_rows, i);

      /* The spin before its row: the innermost editor that holds the focus. */
      for (int p = G_N_ELEMENTS (parcel_row->parts) - 1; p >= 0; p--)
        if (focus == parcel_row->parts[p] || gtk_widget_is_ancestor (focus, parcel_row->parts[p]))
          {
            *parcel_id = furrow_parcel_get_id (parcel_row->parcel);
            *part = p == FURROW_PARCEL_PART_AREA_ROW ? FURROW_PARCEL_PART_AREA_SPIN : p;
            return;
          }
    }
}

/* The member account (docs/domain.md §16): one row per settled season with its amounts, the
 * running balance as its suffix, and the totals; hidden when the household was in none. */
static void
refresh_ledger (FurrowHouseholdPage *self)
{
  g_autoptr(FurrowLedger) ledger = NULL;
  const FurrowLedgerAccount *account;

  for (guint i = 0; i < self->ledger_rows->len; i++)
    adw_preferences_group_remove (self->ledger_group, g_ptr_array_index (self->ledger_rows, i));
  g_ptr_array_set_size (self->ledger_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->ledger_group), FALSE);
  if (self->store == NULL || self->household == NULL)
    return;
  ledger = furrow_store_get_ledger (self->store, furrow_household_get_code (self->household),
                                    NULL);
  if (ledger == NULL || ledger->accounts->len == 0)
    return;
  account = g_ptr_array_index (ledger->accounts, 0);
  if (account->entries->len == 0)
    return;
  for (guint i = 0; i <= account->entries->len; i++)
    {
      const FurrowLedgerEntry *entry = i < account->entries->len
                                       ? &g_array_index (account->entries, FurrowLedgerEntry, i)
                                       : &account->total;
      g_autofree char *area = furrow_format_mu_grouped (entry->area_m2);
      g_autofree char *base = furrow_format_yuan (entry->base_fen);
      g_autofree char *returned = furrow_format_yuan (entry->returned_fen);
      g_autofree char *fee = furrow_format_yuan (entry->fee_fen);
      g_autofree char *due = furrow_format_yuan (entry->due_fen);
      g_autofree char *paid = furrow_format_yuan (entry->paid_fen);
      g_autofree char *balance = furrow_format_yuan (entry->balance_fen);
      g_autofree char *subtitle = NULL;
      g_autofree char *suffix = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;

      /* Translators: a season of a member account: area in mu, then amounts in yuan */
      subtitle = g_strdup_printf (_("%s mu · base %s · refund by transaction volume %s · "
                                    "fees %s · due %s · paid %s"),
                                  area, base, returned, fee, due, paid);
      /* Translators: the running balance of a member account */
      suffix = g_strdup_printf (_("Balance %s"), balance);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     i < account->entries->len ? entry->season : _("Total"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->ledger_group, row);
      g_ptr_array_add (self->ledger_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ledger_group), TRUE);
}

/* The payee account in one line, its number masked (docs/domain.md, "Bank accounts"): "中国农业
 * 银行 宁津县支行 · 6217 **** **** 0006 · 王建军", or None. */
static void
show_account (FurrowHouseholdPage *self)
{
  g_autofree char *masked = furrow_bank_account_mask (
                              furrow_household_get_account_number (self->household));
  const char *parts[] = { furrow_household_get_bank (self->household),
                          furrow_household_get_bank_branch (self->household) };
  const char *holder = furrow_household_get_account_holder (self->household);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", parts[i]);
  if (masked[0] != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", masked);
  if (holder != NULL && holder[0] != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", holder);
  adw_action_row_set_subtitle (self->account_row, text->len > 0 ? text->str : _("None"));
}

static void
refresh (FurrowHouseholdPage *self)
{
  FurrowHouseholdSummary summary = { 0 };
  g_autoptr(GListStore) parcels = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GArray) field_ids = NULL;
  g_autoptr(GListModel) choices = NULL;
  gint64 focus_parcel = 0;
  int focus_part = -1;
  gboolean replaced;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  find_focused_part (self, &focus_parcel, &focus_part);
  clear_parcel_rows (self);
  self->n_parcels = 0;
  self->n_mismatches = 0;
  refresh_ledger (self);
  if (self->household == NULL || self->parcels == NULL)
    return;

  self->refreshing = TRUE;
  adw_preferences_group_set_title (self->title_group, furrow_household_get_name (self->household));
  /* Translators: the household code (CBFBM) under the head's name. */
  description = g_strdup_printf (_("Household %s"), furrow_household_get_code (self->household));
  adw_preferences_group_set_description (self->title_group, description);
  replaced = furrow_typed_entry_refresh_household (GTK_EDITABLE (self->name_row),
                                                   GTK_EDITABLE (self->code_row),
                                                   self->household, &self->shown_id);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  if (replaced)
    furrow_typed_entry_say_replaced (GTK_WIDGET (self), self->store, self->household);
  gtk_spin_button_set_value (self->members_spin, furrow_household_get_members (self->household));
  /* Personal data: the phone number shows only its last four digits. */
  phone = furrow_register_mask_personal (furrow_household_get_phone (self->household));
  adw_action_row_set_subtitle (self->phone_row, phone[0] != '\0' ? phone : _("None"));
  id_number = furrow_register_mask_personal (furrow_household_get_id_number (self->household));
  adw_action_row_set_subtitle (self->id_row, id_number[0] != '\0' ? id_number : _("None"));
  /* The full numbers are never shown: an edit starts from an empty entry. */
  gtk_toggle_button_set_active (self->phone_edit_button, FALSE);
  gtk_toggle_button_set_active (self->id_edit_button, FALSE);
  show_account (self);
  gtk_toggle_button_set_active (self->account_edit_button, FALSE);
  {
    GtkWidget *editors[] = {
      GTK_WIDGET (self->name_row), GTK_WIDGET (self->code_row), GTK_WIDGET (self->members_spin),
      GTK_WIDGET (self->phone_edit_button), GTK_WIDGET (self->id_edit_button),
      GTK_WIDGET (self->account_edit_button),
    };

    for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
      gtk_widget_set_sensitive (editors[i], may_edit (self));
  }

  furrow_register_household_summary (self->parcels, furrow_household_get_code (self->household),
                                     &summary);
  registered = format_mu (summary.registered_m2);
  measured = format_mu (summary.measured_m2);
  gtk_label_set_text (self->registered_label, registered);
  gtk_label_set_text (self->measured_label, measured);
  gtk_label_set_text (self->custody_label, summary.custody == FURROW_CUSTODY_HALF
                                           ? _("Half custody") : _("Full custody"));
  if (furrow_register_is_mismatch (summary.registered_m2, summary.measured_m2,
                                   self->mismatch_percent))
    gtk_widget_add_css_class (GTK_WIDGET (self->registered_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->registered_label), "warning");

  parcels = furrow_register_household_parcels (self->parcels,
                                               furrow_household_get_code (self->household));
  /* One list of field choices for all the parcel rows. */
  field_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choices = field_choices (self, field_ids);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (parcels)); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (G_LIST_MODEL (parcels), i);

      add_parcel_row (self, parcel, choices, field_ids);
    }
  self->refreshing = FALSE;
  /* The edit that refreshed the rows keeps the focus on its parcel's editor, not the first
   * row (issue 13, item 7). */
  for (guint i = 0; focus_part >= 0 && i < self->parcel_rows->len; i++)
    {
      ParcelRow *parcel_row = g_ptr_array_index (self->parcel_rows, i);

      if (furrow_parcel_get_id (parcel_row->parcel) == focus_parcel)
        gtk_widget_grab_focus (parcel_row->parts[focus_part]);
    }
}

static void
show_error (FurrowHouseholdPage *self,
            GtkWidget           *row,
            const char          *message)
{
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

/* Sets `property` of `object` (the household or one of its parcels) to `value` as one undoable
 * edit (furrow-edit-record.h); a refusal by the store is shown on `row` and leaves the object as
 * it was. */
static gboolean
push_edit (FurrowHouseholdPage *self,
           GtkWidget           *row,
           GObject             *object,
           const char          *property,
           const GValue        *value,
           const char          *label)
{
  g_autoptr(GError) error = NULL;

  if (!furrow_history_push (self->history,
                            furrow_edit_record_new_set (self->store, object, property, value,
                                                        label),
                            &error))
    {
      show_error (self, row, error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);
  return TRUE;
}

static gboolean
edit (FurrowHouseholdPage *self,
      GtkWidget           *row,
      const char          *property,
      const GValue        *value,
      const char          *label)
{
  if (self->store == NULL || self->history == NULL || self->household == NULL)
    return FALSE;
  return push_edit (self, row, G_OBJECT (self->household), property, value, label);
}

static void
name_apply_cb (FurrowHouseholdPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *name = g_strstrip (g_strdup (text));

  if (name[0] == '\0')
    {
      show_error (self, GTK_WIDGET (self->name_row), _("The head of household needs a name"));
      return;
    }
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  edit (self, GTK_WIDGET (self->name_row), "name", &value, _("Rename Household"));
}

static void
code_apply_cb (FurrowHouseholdPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *code = g_strstrip (g_strdup (text));

  if (!furrow_register_is_household_code (code))
    {
      show_error (self, GTK_WIDGET (self->code_row),
                  _("A household code (CBFBM) has 18 letters and digits"));
      return;
    }
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, code);
  edit (self, GTK_WIDGET (self->code_row), "code", &value, _("Change Household Code"));
}

/* Phone and ID number: shown masked; the edit button opens an empty entry for a new number, which
 * is checked in core, written as one undoable edit, and cleared from the entry again. */
static void
personal_edit_toggled (GtkToggleButton *button,
                       AdwEntryRow     *entry_row)
{
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_editable_set_text (GTK_EDITABLE (entry_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (entry_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry_row), NULL);
  gtk_widget_set_visible (GTK_WIDGET (entry_row), active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (entry_row));
}

static void
phone_edit_toggled_cb (FurrowHouseholdPage *self)
{
  personal_edit_toggled (self->phone_edit_button, self->phone_entry_row);
}

static void
id_edit_toggled_cb (FurrowHouseholdPage *self)
{
  personal_edit_toggled (self->id_edit_button, self->id_entry_row);
}

static void
personal_apply (FurrowHouseholdPage *self,
                AdwEntryRow         *entry_row,
                GtkToggleButton     *button,
                const char          *property,
                const char          *label)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean ok;

  /* ID numbers end in an upper-case X; people type it either way. */
  if (g_str_equal (property, "id-number") && text[0] != '\0' &&
      text[strlen (text) - 1] == 'x')
    text[strlen (text) - 1] = 'X';
  ok = g_str_equal (property, "phone") ? furrow_register_check_phone (text, &error)
                                       : furrow_register_check_id_number (text, &error);
  if (!ok)
    {
      show_error (self, GTK_WIDGET (entry_row), error->message);
      return;
    }
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text[0] != '\0' ? text : NULL);
  if (edit (self, GTK_WIDGET (entry_row), property, &value, label))
    gtk_toggle_button_set_active (button, FALSE);
}

static void
phone_apply_cb (FurrowHouseholdPage *self)
{
  personal_apply (self, self->phone_entry_row, self->phone_edit_button, "phone",
                  _("Change Phone Number"));
}

static void
id_apply_cb (FurrowHouseholdPage *self)
{
  personal_apply (self, self->id_entry_row, self->id_edit_button, "id-number",
                  _("Change ID Number"));
}

/* The payee account: the edit button opens the bank, branch and holder as they are and an empty
 * number (never shown in full; left empty, the number stays as it is); Save writes the four as
 * one undoable edit (furrow-edit-account.h), refused on the number's row with why. */
static void
account_edit_toggled_cb (FurrowHouseholdPage *self)
{
  gboolean active = gtk_toggle_button_get_active (self->account_edit_button);
  AdwEntryRow *rows[] = { self->bank_entry_row, self->branch_entry_row, self->account_entry_row,
                          self->holder_entry_row };
  const char *values[] = { NULL, NULL, NULL, NULL };

  if (self->household != NULL)
    {
      values[0] = furrow_household_get_bank (self->household);
      values[1] = furrow_household_get_bank_branch (self->household);
      values[3] = furrow_household_get_account_holder (self->household);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), values[i] != NULL ? values[i] : "");
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (rows[i]), NULL);
      gtk_widget_set_visible (GTK_WIDGET (rows[i]), active);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->account_save_row), active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self->bank_entry_row));
}

static void
account_save_cb (FurrowHouseholdPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->account_entry_row));
  FurrowEdit *edit_;
  FurrowAccount account;

  if (self->store == NULL || self->history == NULL || self->household == NULL)
    return;
  account.bank = gtk_editable_get_text (GTK_EDITABLE (self->bank_entry_row));
  account.bank_branch = gtk_editable_get_text (GTK_EDITABLE (self->branch_entry_row));
  account.account_holder = gtk_editable_get_text (GTK_EDITABLE (self->holder_entry_row));
  /* An empty entry keeps the number the register has. */
  account.account_number = number[0] != '\0'
                           ? number : furrow_household_get_account_number (self->household);
  edit_ = furrow_edit_account_new (self->store, self->household, &account, &error);
  if (edit_ == NULL || !furrow_history_push (self->history, edit_, &error))
    {
      show_error (self, GTK_WIDGET (self->account_entry_row), error->message);
      return;
    }
  gtk_toggle_button_set_active (self->account_edit_button, FALSE);
}

static void
members_changed_cb (FurrowHouseholdPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint members = (guint) gtk_spin_button_get_value_as_int (self->members_spin);

  if (self->refreshing || self->household == NULL ||
      members == furrow_household_get_members (self->household))
    return;
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, members);
  edit (self, GTK_WIDGET (self->members_row), "members", &value, _("Change Members"));
}

static void
parcel_expanded_cb (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    gpointer        user_data)
{
  FurrowHouseholdPage *self = user_data;
  FurrowParcel *parcel = NULL;

  if (self->refreshing)
    return;
  for (guint i = 0; i < self->parcel_rows->len; i++)
    {
      ParcelRow *parcel_row = g_ptr_array_index (self->parcel_rows, i);

      if (parcel_row->row == GTK_WIDGET (row))
        parcel = parcel_row->parcel;
    }
  g_return_if_fail (parcel != NULL);
  if (adw_expander_row_get_expanded (row))
    self->expanded_parcel = furrow_parcel_get_id (parcel);
  else if (self->expanded_parcel == furrow_parcel_get_id (parcel))
    self->expanded_parcel = 0;
}

/* Writes `value` to `property` of the parcel behind `editor` as one undoable edit; a refusal
 * (by the checks or the store) is shown on the editor's row and leaves the parcel as it was. */
static gboolean
edit_parcel (FurrowHouseholdPage *self,
             GObject             *editor,
             const char          *property,
             const GValue        *value,
             const char          *label)
{
  /* Held: a written edit refreshes the page, which replaces the rows of this one. */
  g_autoptr(FurrowParcel) parcel = g_object_ref (g_object_get_data (editor, "furrow-parcel"));
  g_autoptr(GtkWidget) row = g_object_ref (g_object_get_data (editor, "furrow-row"));

  if (self->refreshing || self->store == NULL || self->history == NULL)
    return FALSE;
  return push_edit (self, row, G_OBJECT (parcel), property, value, label);
}

static void
parcel_area_changed_cb (GtkSpinButton *spin,
                        gpointer       user_data)
{
  FurrowHouseholdPage *self = user_data;
  FurrowParcel *parcel = g_object_get_data (G_OBJECT (spin), "furrow-parcel");
  AdwActionRow *row = g_object_get_data (G_OBJECT (spin), "furrow-row");
  double area_m2 = furrow_mu_to_m2 (gtk_spin_button_get_value (spin));
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->refreshing)
    return;
  /* The spin shows two decimals: an unchanged display is no edit. */
  if (fabs (furrow_m2_to_mu (area_m2) -
            furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (parcel))) < 0.005)
    return;
  if (!furrow_register_check_registered_area (area_m2, furrow_parcel_get_measured_area_m2 (parcel),
                                              &error))
    {
      show_error (self, GTK_WIDGET (row), error->message);
      adw_action_row_set_subtitle (row, error->message);
      return;
    }
  adw_action_row_set_subtitle (row, "");
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, area_m2);
  edit_parcel (self, G_OBJECT (spin), "registered-area-m2", &value, _("Change Registered Area"));
}

static void
parcel_code_apply_cb (AdwEntryRow *row,
                      gpointer     user_data)
{
  FurrowHouseholdPage *self = user_data;
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!furrow_register_check_parcel_code (code, &error))
    {
      show_error (self, GTK_WIDGET (row), error->message);
      return;
    }
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, code);
  edit_parcel (self, G_OBJECT (row), "code", &value, _("Change Parcel Code"));
}

static void
parcel_field_selected_cb (AdwComboRow *row,
                          GParamSpec  *pspec,
                          gpointer     user_data)
{
  FurrowHouseholdPage *self = user_data;
  GArray *field_ids = g_object_get_data (G_OBJECT (row), "furrow-field-ids");
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (selected >= field_ids->len)
    return;
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, g_array_index (field_ids, gint64, selected));
  edit_parcel (self, G_OBJECT (row), "field-id", &value, _("Move Parcel to Another Field"));
}

static void
parcel_custody_selected_cb (AdwComboRow *row,
                            GParamSpec  *pspec,
                            gpointer     user_data)
{
  FurrowHouseholdPage *self = user_data;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, FURROW_TYPE_CUSTODY);
  g_value_set_enum (&value, adw_combo_row_get_selected (row) == 1 ? FURROW_CUSTODY_HALF
                                                                   : FURROW_CUSTODY_FULL);
  edit_parcel (self, G_OBJECT (row), "custody", &value, _("Change Custody"));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  FurrowHouseholdPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Whether the page shows `record`: the household, or a parcel that is (or was) one of its. */
static gboolean
shows_record (FurrowHouseholdPage *self,
              GObject             *record)
{
  if (FURROW_IS_HOUSEHOLD (record))
    return furrow_household_get_id (FURROW_HOUSEHOLD (record)) ==
           furrow_household_get_id (self->household);
  if (g_strcmp0 (furrow_parcel_get_household_code (FURROW_PARCEL (record)),
                 furrow_household_get_code (self->household)) == 0)
    return TRUE;
  for (guint i = 0; i < self->parcel_rows->len; i++)
    if (furrow_parcel_get_id (((ParcelRow *) g_ptr_array_index (self->parcel_rows, i))->parcel) ==
        furrow_parcel_get_id (FURROW_PARCEL (record)))
      return TRUE;
  return FALSE;
}

/* The store's field-changed, household-changed and parcel-changed (docs/architecture.md, The
 * change signals): the page is rebuilt when the change touches the household shown, one of its
 * parcels or a field (their names are the parcels' field choices); NULL: many changed.
 * Later, not inside the change: an edit made from a parcel's row changes the model while that
 * row's signal handler (and GTK's own after it) still runs. At the default priority, so that
 * the page is current before the next frame and no busy map starves it. */
static void
record_changed_cb (FurrowHouseholdPage *self,
                   GObject             *record)
{
  if (self->household == NULL ||
      (record != NULL && !FURROW_IS_FIELD (record) && !shows_record (self, record)))
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, self, NULL);
}

/* A season settled or reopened: the member account changes (its settled seasons); the user's
 * role changed: the editors follow it (may_edit()). */
static void
settlement_changed_cb (FurrowHouseholdPage *self)
{
  if (self->household != NULL && self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, self, NULL);
}

static void
disconnect_models (FurrowHouseholdPage *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->parcels);
  g_clear_object (&self->fields);
}

static void
furrow_household_page_dispose (GObject *object)
{
  FurrowHouseholdPage *self = FURROW_HOUSEHOLD_PAGE (object);

  disconnect_models (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->household);

  G_OBJECT_CLASS (furrow_household_page_parent_class)->dispose (object);
}

static void
furrow_household_page_finalize (GObject *object)
{
  FurrowHouseholdPage *self = FURROW_HOUSEHOLD_PAGE (object);

  g_ptr_array_unref (self->parcel_rows);
  g_ptr_array_unref (self->ledger_rows);

  G_OBJECT_CLASS (furrow_household_page_parent_class)->finalize (object);
}

/* The household or the mismatch threshold changed (furrow_property_member()'s hook). */
static void
shown_changed (GObject    *object,
               GParamSpec *pspec)
{
  refresh (FURROW_HOUSEHOLD_PAGE (object));
}

static void
furrow_household_page_class_init (FurrowHouseholdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_household_page_dispose;
  object_class->finalize = furrow_household_page_finalize;

  properties[PROP_HOUSEHOLD] =
    furrow_property_object ("household", FURROW_TYPE_HOUSEHOLD, G_PARAM_READWRITE,
                            G_STRUCT_OFFSET (FurrowHouseholdPage, household), shown_changed);
  /**
   * FurrowHouseholdPage:mismatch-percent:
   *
   * Parcels whose registered area is off the measured one by more than this are highlighted
   * (GSettings `area-mismatch-percent`).
   */
  properties[PROP_MISMATCH_PERCENT] =
    furrow_property_member (g_param_spec_double ("mismatch-percent", NULL, NULL, 0, 100, 5,
                                                 G_PARAM_READWRITE | FURROW_PROPERTY_FLAGS),
                            G_STRUCT_OFFSET (FurrowHouseholdPage, mismatch_percent),
                            shown_changed);
  furrow_property_install (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/register/furrow-household-page.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, members_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_edit_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_edit_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_edit_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_save_cb);
}

static void
furrow_household_page_init (FurrowHouseholdPage *self)
{
  self->parcel_rows = g_ptr_array_new_with_free_func (parcel_row_free);
  self->ledger_rows = g_ptr_array_new ();
  self->mismatch_percent = 5;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_escape_reverts (self, GTK_WIDGET (self->name_row));
  add_escape_reverts (self, GTK_WIDGET (self->code_row));
}

/* The project whose households are shown and the history that records their edits. */
void
furrow_household_page_set_project (FurrowHouseholdPage *self,
                                   FurrowStore         *store,
                                   FurrowHistory       *history)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self));

  disconnect_models (self);
  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
  if (store != NULL)
    {
      self->parcels = furrow_store_get_parcels (store);
      self->fields = furrow_store_get_fields (store);
      g_signal_connect_swapped (store, "field-changed", G_CALLBACK (record_changed_cb), self);
      g_signal_connect_swapped (store, "household-changed", G_CALLBACK (record_changed_cb), self);
      g_signal_connect_swapped (store, "parcel-changed", G_CALLBACK (record_changed_cb), self);
      g_signal_connect_swapped (store, "settlement-changed", G_CALLBACK (settlement_changed_cb),
                                self);
      g_signal_connect_swapped (store, "role-changed", G_CALLBACK (settlement_changed_cb), self);
    }
  furrow_household_page_set_household (self, NULL);
}

void
furrow_household_page_set_household (FurrowHouseholdPage *self,
                                     FurrowHousehold     *household)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self));

  furrow_property_set_object (self, properties[PROP_HOUSEHOLD], household);
}

FurrowHousehold *
furrow_household_page_get_household (FurrowHouseholdPage *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self), NULL);

  return self->household;
}

guint
furrow_household_page_get_n_parcels (FurrowHouseholdPage *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self), 0);

  return self->n_parcels;
}

guint
furrow_household_page_get_n_mismatches (FurrowHouseholdPage *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self), 0);

  return self->n_mismatches;
}

/* The row of the `position`-th parcel shown (an AdwExpanderRow); the tests reach its editors
 * through furrow-household-page-testing.h. */
GtkWidget *
furrow_household_page_get_parcel_row (FurrowHouseholdPage *self,
                                      guint                position)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self), NULL);

  return position < self->parcel_rows->len
    ? ((ParcelRow *) g_ptr_array_index (self->parcel_rows, position))->row
    : NULL;
}

/* Where each part a test looks at is in the page (furrow-household-page-testing.h). */
static const glong part_offsets[] = {
  [FURROW_HOUSEHOLD_PART_NAME_ROW]      = G_STRUCT_OFFSET (FurrowHouseholdPage, name_row),
  [FURROW_HOUSEHOLD_PART_CODE_ROW]      = G_STRUCT_OFFSET (FurrowHouseholdPage, code_row),
  [FURROW_HOUSEHOLD_PART_PHONE_ROW]     = G_STRUCT_OFFSET (FurrowHouseholdPage, phone_row),
  [FURROW_HOUSEHOLD_PART_PHONE_EDIT]    = G_STRUCT_OFFSET (FurrowHouseholdPage, phone_edit_button),
  [FURROW_HOUSEHOLD_PART_PHONE_ENTRY]   = G_STRUCT_OFFSET (FurrowHouseholdPage, phone_entry_row),
  [FURROW_HOUSEHOLD_PART_ID_ROW]        = G_STRUCT_OFFSET (FurrowHouseholdPage, id_row),
  [FURROW_HOUSEHOLD_PART_ID_EDIT]       = G_STRUCT_OFFSET (FurrowHouseholdPage, id_edit_button),
  [FURROW_HOUSEHOLD_PART_ID_ENTRY]      = G_STRUCT_OFFSET (FurrowHouseholdPage, id_entry_row),
  [FURROW_HOUSEHOLD_PART_ACCOUNT_ROW]   = G_STRUCT_OFFSET (FurrowHouseholdPage, account_row),
  [FURROW_HOUSEHOLD_PART_ACCOUNT_EDIT]  = G_STRUCT_OFFSET (FurrowHouseholdPage, account_edit_button),
  [FURROW_HOUSEHOLD_PART_BANK_ENTRY]    = G_STRUCT_OFFSET (FurrowHouseholdPage, bank_entry_row),
  [FURROW_HOUSEHOLD_PART_ACCOUNT_ENTRY] = G_STRUCT_OFFSET (FurrowHouseholdPage, account_entry_row),
  [FURROW_HOUSEHOLD_PART_HOLDER_ENTRY]  = G_STRUCT_OFFSET (FurrowHouseholdPage, holder_entry_row),
  [FURROW_HOUSEHOLD_PART_ACCOUNT_SAVE]  = G_STRUCT_OFFSET (FurrowHouseholdPage, account_save_button),
};

GtkWidget *
furrow_household_page_get_part (FurrowHouseholdPage     *self,
                                FurrowHouseholdPagePart  part)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self), NULL);
  g_return_val_if_fail (part < G_N_ELEMENTS (part_offsets), NULL);

  /* Every part is a widget, whatever its class in the struct. */
  return G_STRUCT_MEMBER (GtkWidget *, self, part_offsets[part]);
}

GtkWidget *
furrow_household_page_get_parcel_part (FurrowHouseholdPage *self,
                                       guint                position,
                                       FurrowParcelPart     part)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self), NULL);
  g_return_val_if_fail (position < self->parcel_rows->len, NULL);

  return ((ParcelRow *) g_ptr_array_index (self->parcel_rows, position))->parts[part];
}

FurrowParcel *
furrow_household_page_get_parcel (FurrowHouseholdPage *self,
                                  guint                position)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD_PAGE (self), NULL);
  g_return_val_if_fail (position < self->parcel_rows->len, NULL);

  return ((ParcelRow *) g_ptr_array_index (self->parcel_rows, position))->parcel;
}
