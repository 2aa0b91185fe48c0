/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonSettlementPage: settling and reopening the season, each confirmed in a dialog
 * (furrow-season-settlement-page.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-season-settlement-page-private.h"
#include "furrow-store-season.h"
#include "furrow-units.h"

/* `response`: the id of the dialog's confirming response (a string literal). */
static void
reason_changed_cb (GtkEditable *entry,
                   const char  *response)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_MESSAGE_DIALOG);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response,
                                           *reason != '\0');
}

char *
_furrow_season_settlement_page_dialog_reason (AdwMessageDialog *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (!GTK_IS_EDITABLE (entry))
    return NULL;
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

GtkWidget *
_furrow_season_settlement_page_present_dialog (FurrowSeasonSettlementPage *self,
                                               const char                 *heading,
                                               const char                 *body,
                                               const char                 *response,
                                               const char                 *label,
                                               AdwResponseAppearance       appearance,
                                               const char                 *placeholder,
                                               GCallback                   response_cb)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (placeholder != NULL)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
      /* An empty reason is not accepted. */
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, FALSE);
      g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), (gpointer) response);
    }
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* A fresh copy of the shown season from the file, for the store to change. */
static FurrowSeason *
season_copy (FurrowSeasonSettlementPage *self)
{
  return furrow_store_find_season (STORE (self), furrow_season_get_name (SEASON (self)));
}

/* The answer to either dialog: settles or reopens with the reason given. */
static void
response_cb (AdwMessageDialog           *dialog,
             const char                 *response,
             FurrowSeasonSettlementPage *self)
{
  gboolean settle = g_strcmp0 (response, "settle") == 0;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  const char *why;
  gboolean ok;

  if ((!settle && g_strcmp0 (response, "reopen") != 0) || STORE (self) == NULL ||
      SEASON (self) == NULL)
    return;
  reason = _furrow_season_settlement_page_dialog_reason (dialog);
  if ((reason == NULL || *reason == '\0') && (self->needs_reason || !settle))
    {
      if (settle)
        /* Translators: %d is 60, the Cooperatives Law's minimum share */
        message = g_strdup_printf (_("Not settled: households get less than %d %% of the "
                                     "surplus, so a reason is required"), 60);
      else
        message = g_strdup (_("Not reopened: give the reason for reopening"));
      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
      return;
    }
  season = season_copy (self);
  ok = season != NULL &&
       (settle ? furrow_store_settle_season (STORE (self), season, reason, &error)
               : furrow_store_reopen_season (STORE (self), season, reason, &error));
  why = error != NULL ? error->message : _("the season is gone");
  if (!ok && settle)
    /* Translators: %s is the store's refusal */
    message = g_strdup_printf (_("Not settled: %s"), why);
  else if (!ok)
    /* Translators: %s is the store's refusal */
    message = g_strdup_printf (_("Not reopened: %s"), why);
  else if (settle)
    message = g_strdup_printf (_("Season “%s” is settled and locked"),
                               furrow_season_get_name (season));
  else
    message = g_strdup_printf (_("Season “%s” is reopened: its settlement is removed"),
                               furrow_season_get_name (season));
  /* Done: the store announces the settlement and the page reloads (furrow-season-page.h). */
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
}

static void
settle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  const FurrowDistributionResult *t = &self->preview;
  g_autofree char *income = furrow_format_yuan (t->income_fen);
  g_autofree char *cost = furrow_format_yuan (t->cost_fen);
  g_autofree char *base = furrow_format_yuan (t->base_total_fen);
  g_autofree char *dividend = furrow_format_yuan (t->households_dividend_fen);
  g_autofree char *deficit = furrow_format_yuan (t->deficit_fen);
  g_autofree char *paid = furrow_format_yuan (furrow_distribution_result_paid_fen (t));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *placeholder = NULL;
  g_autoptr(FurrowSettleCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  gboolean missing;

  if (!self->can_settle || SEASON (self) == NULL)
    return;
  /* docs/domain.md §8, Before settling: what is missing comes first, and settling anyway is a
   * destructive choice. */
  check = furrow_store_check_settlement (STORE (self), SEASON (self), &error);
  if (check == NULL)
    {
      /* Translators: %s is the store's refusal */
      g_autofree char *message = g_strdup_printf (_("Not settled: %s"), error->message);

      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
      return;
    }
  missing = !furrow_settle_check_is_empty (check);
  /* Translators: %s is the season's name */
  heading = g_strdup_printf (missing ? _("Settle “%s” with something missing?")
                                     : _("Settle “%s”?"),
                             furrow_season_get_name (SEASON (self)));
  if (missing)
    {
      /* Five names a line: the dialog is narrow; furrow-cli prints ten. */
      g_autofree char *list = furrow_settle_check_format (check, 5);

      g_string_append (text, _("Before settling, check:"));
      g_string_append_c (text, '\n');
      g_string_append (text, list);
      g_string_append (text, "\n\n");
    }
  g_string_append_printf (text, _("Income %s, costs %s.\nBase payments %s, households’ "
                                  "dividends %s."), income, cost, base, dividend);
  if (t->deficit_fen > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Deficit season: the shortfall is %s and no dividend is "
                                      "paid."), deficit);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Paid to households: %s in all."), paid);
  g_string_append (text, "\n\n");
  g_string_append (text, _("The amounts are frozen and the season becomes read-only; only an "
                           "audited reopen can change it."));
  body = g_string_free (g_steal_pointer (&text), FALSE);

  if (self->needs_reason)
    /* Translators: %d is 60, the Cooperatives Law's minimum share */
    placeholder = g_strdup_printf (_("Why households get less than %d %% of the surplus"), 60);
  _furrow_season_settlement_page_present_dialog (self, heading, body, "settle",
                                                 missing ? _("_Settle Anyway") : _("_Settle"),
                                                 missing ? ADW_RESPONSE_DESTRUCTIVE
                                                         : ADW_RESPONSE_SUGGESTED,
                                                 placeholder, G_CALLBACK (response_cb));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  g_autofree char *heading = NULL;

  if (SEASON (self) == NULL || !furrow_season_is_read_only (SEASON (self)))
    return;
  /* Translators: %s is the season's name */
  heading = g_strdup_printf (_("Reopen “%s”?"), furrow_season_get_name (SEASON (self)));
  _furrow_season_settlement_page_present_dialog (
    self, heading,
    _("Reopening removes the frozen settlement and makes the season editable again. Statements "
      "already printed no longer hold. The reason is recorded in the audit log."),
    "reopen", _("_Reopen"), ADW_RESPONSE_DESTRUCTIVE, _("Reason for reopening"),
    G_CALLBACK (response_cb));
}

void
furrow_season_settlement_page_settle_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "settlement.settle", NULL, settle_action);
  gtk_widget_class_install_action (widget_class, "settlement.reopen", NULL, reopen_action);
}
