/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonSettlementPage: the season's public notice (公示, docs/domain.md §9, §15) — its
 * first day and days, set on the page and printed on the statements, its last day, and the
 * objections raised during it, added and resolved on the page. Every change is an undoable
 * FurrowEdit (furrow-edit-notice.h) and is allowed on a settled season too: the notice follows
 * the settlement and changes no amount. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-edit-notice.h"
#include "furrow-notice.h"
#include "furrow-season-settlement-page-private.h"
#include "furrow-store-notice.h"
#include "furrow-store-season.h"

/* An entry's text, trimmed (transfer full). */
static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
show_error_style (GtkEntry *entry,
                  gboolean  valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

/* An entry that is neither empty nor a date shows the error style and cannot be set. */
static void
notice_changed_cb (FurrowSeasonSettlementPage *self)
{
  g_autofree char *text = entry_text (self->notice_entry);
  gboolean valid = *text == '\0' || furrow_season_notice_date_is_valid (text);
  gboolean shown = STORE (self) != NULL && SEASON (self) != NULL &&
                   furrow_season_page_may (FURROW_SEASON_PAGE (self), FURROW_PERMISSION_PAYMENTS);

  show_error_style (self->notice_entry, valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settlement.set-notice-date", valid && shown);
}

static void
objection_changed_cb (FurrowSeasonSettlementPage *self)
{
  g_autofree char *household = entry_text (self->objection_household_entry);
  g_autofree char *text = entry_text (self->objection_text_entry);
  g_autofree char *received = entry_text (self->objection_received_entry);
  gboolean date_valid = *received == '\0' || furrow_season_notice_date_is_valid (received);

  show_error_style (self->objection_received_entry, date_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settlement.add-objection",
                                 STORE (self) != NULL && SEASON (self) != NULL
                                 && furrow_season_page_may (FURROW_SEASON_PAGE (self),
                                                            FURROW_PERMISSION_PAYMENTS)
                                 && *household != '\0' && *text != '\0' && date_valid);
}

/* Pushes `edit` (taken) to the window's history; a toast says `done`, or why it was refused. */
static gboolean
push (FurrowSeasonSettlementPage *self,
      FurrowEdit                 *edit,
      const char                 *done)
{
  g_autoptr(GError) error = NULL;

  if (!furrow_season_page_push_edit (FURROW_SEASON_PAGE (self), edit, &error))
    {
      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), error->message, NULL);
      return FALSE;
    }
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), done, NULL);
  return TRUE;
}

static void
set_notice_date_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  g_autofree char *text = entry_text (self->notice_entry);
  g_autofree char *message = NULL;
  guint days = (guint) gtk_spin_button_get_value_as_int (self->notice_days);

  if (STORE (self) == NULL || SEASON (self) == NULL)
    return;
  if (*text != '\0')
    /* Translators: %s is a date, YYYY-MM-DD */
    message = g_strdup_printf (_("The statements will say they were posted on %s"), text);
  else
    message = g_strdup (_("Public-notice date cleared"));
  push (self, furrow_edit_notice_new (STORE (self), SEASON (self), text, days), message);
}

static void
add_objection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  g_autofree char *household = entry_text (self->objection_household_entry);
  g_autofree char *text = entry_text (self->objection_text_entry);
  g_autofree char *received = entry_text (self->objection_received_entry);
  g_autofree char *today = furrow_notice_today ();
  g_autoptr(FurrowObjection) objection = NULL;

  if (STORE (self) == NULL || SEASON (self) == NULL)
    return;
  objection = furrow_objection_new (household, text, *received != '\0' ? received : today);
  if (push (self, furrow_edit_objection_add_new (STORE (self), SEASON (self), objection),
            _("Objection recorded")))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->objection_household_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->objection_text_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->objection_received_entry), "");
    }
}

/* settlement.resolve-objection (an objection's id): resolved today with the text of the
 * resolution entry on its row. */
static void
resolve_objection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *today = furrow_notice_today ();
  g_autofree char *resolution = NULL;
  g_autoptr(GError) error = NULL;
  GtkEntry *entry;
  FurrowEdit *edit;

  if (STORE (self) == NULL || SEASON (self) == NULL || self->resolution_entries == NULL)
    return;
  entry = g_hash_table_lookup (self->resolution_entries, &id);
  if (entry == NULL)
    return;
  resolution = entry_text (entry);
  if (*resolution == '\0')
    {
      show_error_style (entry, FALSE);
      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self),
                                     _("Write how the objection was resolved first"), NULL);
      return;
    }
  edit = furrow_edit_objection_resolve_new (STORE (self), SEASON (self), id, resolution, today,
                                            &error);
  if (edit == NULL)
    {
      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), error->message, NULL);
      return;
    }
  push (self, edit, _("Objection resolved"));
}

static GtkWidget *
objection_row (FurrowSeasonSettlementPage *self,
               const FurrowObjection      *objection)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: an objection's row: the household's code and head, the day it was received */
  title = g_strdup_printf (_("%s %s · received %s"), objection->household_code,
                           objection->household_name, objection->received);
  if (furrow_objection_is_open (objection))
    subtitle = g_strdup (objection->text);
  else
    /* Translators: an objection, then its resolution and the day */
    subtitle = g_strdup_printf (_("%s — resolved on %s: %s"), objection->text,
                                objection->resolved, objection->resolution);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (furrow_objection_is_open (objection))
    {
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Resolve"));
      gint64 *key = g_new (gint64, 1);

      *key = objection->id;
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("How it was resolved"));
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "settlement.resolve-objection");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (objection->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_hash_table_insert (self->resolution_entries, key, entry);
    }
  return row;
}

/* The notice's last day and the objections, as the store has them. */
static void
show_objections (FurrowSeasonSettlementPage *self)
{
  g_autoptr(GPtrArray) objections = NULL;
  g_autofree char *end = NULL;
  g_autofree char *summary = NULL;
  const char *start;
  guint open = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->objections_list))) != NULL)
    gtk_list_box_remove (self->objections_list, child);
  g_clear_pointer (&self->resolution_entries, g_hash_table_unref);
  self->resolution_entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_label_set_text (self->notice_end_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->objections_list), FALSE);
  if (STORE (self) == NULL || SEASON (self) == NULL)
    return;

  objections = furrow_store_get_objections (STORE (self), SEASON (self), NULL);
  for (guint i = 0; objections != NULL && i < objections->len; i++)
    {
      const FurrowObjection *objection = g_ptr_array_index (objections, i);

      open += furrow_objection_is_open (objection);
      gtk_list_box_append (self->objections_list, objection_row (self, objection));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->objections_list),
                          objections != NULL && objections->len > 0);
  start = furrow_season_get_notice_date (SEASON (self));
  if (start != NULL && *start != '\0')
    end = furrow_notice_end_date (start, furrow_season_get_notice_days (SEASON (self)));
  if (end != NULL)
    /* Translators: beside the notice's first day: its last day, then the objections */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "to %s · %u objection, %u open",
                                            "to %s · %u objections, %u open",
                                            objections != NULL ? objections->len : 0),
                               end, objections != NULL ? objections->len : 0, open);
  else
    summary = g_strdup (_("Not posted yet: households are paid after the notice ends"));
  gtk_label_set_text (self->notice_end_label, summary);
}

/* Enter in the entry sets the date, as the button does. */
static void
notice_activate_cb (FurrowSeasonSettlementPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "settlement.set-notice-date", NULL);
}

void
_furrow_season_settlement_page_show_notice_date (FurrowSeasonSettlementPage *self)
{
  const char *date = SEASON (self) != NULL ? furrow_season_get_notice_date (SEASON (self)) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->notice_entry), date != NULL ? date : "");
  gtk_spin_button_set_value (self->notice_days, SEASON (self) != NULL
                                                ? furrow_season_get_notice_days (SEASON (self))
                                                : FURROW_NOTICE_DEFAULT_DAYS);
  notice_changed_cb (self);
  objection_changed_cb (self);
  show_objections (self);
}

void
furrow_season_settlement_page_notice_init (FurrowSeasonSettlementPage *self)
{
  g_signal_connect_swapped (self->notice_entry, "changed", G_CALLBACK (notice_changed_cb), self);
  g_signal_connect_swapped (self->notice_entry, "activate", G_CALLBACK (notice_activate_cb), self);
  g_signal_connect_swapped (self->objection_household_entry, "changed",
                            G_CALLBACK (objection_changed_cb), self);
  g_signal_connect_swapped (self->objection_text_entry, "changed",
                            G_CALLBACK (objection_changed_cb), self);
  g_signal_connect_swapped (self->objection_received_entry, "changed",
                            G_CALLBACK (objection_changed_cb), self);
}

/* ------------------------------------------------------------------------------------------ */
/* Pay Anyway…: the window's --force --reason (docs/domain.md §15)                            */

typedef struct
{
  FurrowPayAnywayFunc pay;
  gpointer            data;
  GDestroyNotify      free_data;
} PayAnyway;

static void
pay_anyway_free (PayAnyway *pay_anyway)
{
  if (pay_anyway->free_data != NULL)
    pay_anyway->free_data (pay_anyway->data);
  g_free (pay_anyway);
}

static void
pay_anyway_response_cb (AdwMessageDialog           *dialog,
                        const char                 *response,
                        FurrowSeasonSettlementPage *self)
{
  PayAnyway *pay_anyway = g_object_get_data (G_OBJECT (dialog), "furrow-pay-anyway");
  g_autofree char *reason = _furrow_season_settlement_page_dialog_reason (dialog);

  if (g_strcmp0 (response, "pay") != 0 || pay_anyway == NULL || STORE (self) == NULL ||
      SEASON (self) == NULL)
    return;
  /* The button is disabled without a reason; the store refuses an empty one too. */
  if (reason == NULL || *reason == '\0')
    {
      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self),
                                     _("Not paid: give the reason for paying before the notice "
                                       "ends"), NULL);
      return;
    }
  pay_anyway->pay (self, reason, pay_anyway->data);
}

gboolean
_furrow_season_settlement_page_offer_pay_anyway (FurrowSeasonSettlementPage *self,
                                                 const GError               *refusal,
                                                 FurrowPayAnywayFunc         pay,
                                                 gpointer                    data,
                                                 GDestroyNotify              free_data)
{
  PayAnyway *pay_anyway;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (refusal == NULL || refusal->domain != FURROW_NOTICE_ERROR ||
      refusal->code == FURROW_NOTICE_ERROR_INVALID)
    {
      if (free_data != NULL)
        free_data (data);
      return FALSE;
    }
  pay_anyway = g_new0 (PayAnyway, 1);
  pay_anyway->pay = pay;
  pay_anyway->data = data;
  pay_anyway->free_data = free_data;
  /* Translators: %s is the notice check's refusal ("the public notice of season … lasts until
   * …"); the dialog that may override it */
  body = g_strdup_printf (_("Not yet: %s.\n\nPaying anyway is recorded in the audit log with "
                            "your reason."), refusal->message);
  dialog = _furrow_season_settlement_page_present_dialog (
    self, _("Pay Before the Public Notice Ends?"), body, "pay", _("_Pay Anyway"),
    ADW_RESPONSE_DESTRUCTIVE, _("Why pay now (required)"), G_CALLBACK (pay_anyway_response_cb));
  g_object_set_data_full (G_OBJECT (dialog), "furrow-pay-anyway", pay_anyway,
                          (GDestroyNotify) pay_anyway_free);
  return TRUE;
}

void
furrow_season_settlement_page_notice_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "settlement.set-notice-date", NULL,
                                   set_notice_date_action);
  gtk_widget_class_install_action (widget_class, "settlement.add-objection", NULL,
                                   add_objection_action);
  gtk_widget_class_install_action (widget_class, "settlement.resolve-objection", "x",
                                   resolve_objection_action);
}
