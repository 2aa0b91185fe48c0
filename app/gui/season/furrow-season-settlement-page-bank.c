/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowSeasonSettlementPage, bank payments (docs/domain.md, "Bank accounts"): the roster's
 * Payment column (each household's status, a failure with the bank's reason), "Export Bank
 * File…" (a profile, first payment or the failed ones again) and "Import Bank Return…". Both
 * are small files written and read on the main thread; the store's settlement-changed signal
 * then rebuilds the page with the new statuses. */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-bank-file.h"
#include "furrow-bank-return.h"
#include "furrow-export-folder.h"
#include "furrow-roster-columns.h"
#include "furrow-roster-row.h"
#include "furrow-season-settlement-page-private.h"
#include "furrow-season-settlement-page-testing.h"
#include "furrow-store-notice.h"
#include "furrow-store-payment.h"

/* ------------------------------------------------------------------------------------------ */
/* The Payment column                                                                         */

static char *
payment_text (FurrowSeasonSettlementPage *self,
              FurrowRosterRow            *row)
{
  FurrowPayment *payment;

  if (self->payments == NULL || furrow_roster_row_is_total (row) ||
      furrow_roster_row_get_total_fen (row) <= 0)
    return g_strdup ("");
  payment = g_hash_table_lookup (self->payments, furrow_roster_row_get_code (row));
  if (payment == NULL)
    return g_strdup (furrow_payment_status_label (FURROW_PAYMENT_UNPAID));
  if (payment->status == FURROW_PAYMENT_FAILED)
    /* Translators: a failed payment and the bank's reason: "支付失败：账户已销户" */
    return g_strdup_printf (_("%s: %s"), furrow_payment_status_label (payment->status),
                            payment->reason);
  return g_strdup (furrow_payment_status_label (payment->status));
}

static void
payment_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
payment_bind_cb (GtkSignalListItemFactory   *factory,
                 GtkListItem                *list_item,
                 FurrowSeasonSettlementPage *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  FurrowRosterRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = row != NULL ? payment_text (self, row) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
}

void
_furrow_season_settlement_page_add_payment_column (FurrowSeasonSettlementPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (payment_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (payment_bind_cb), self);
  /* Translators: the roster's column of each household's payment status */
  column = gtk_column_view_column_new (_("Payment"), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, 120);
  gtk_column_view_column_set_visible (column, FALSE);
  /* Right after the amounts, in view beside them from 1366 px, and at 1024 px too while no
   * half-custody fee widens the Fee column (issue 13; furrow-roster-columns.c). */
  furrow_roster_columns_insert_after_amounts (self->roster_view, column);
  self->payment_column = column;
}

const char *
furrow_season_settlement_page_get_payment_text (FurrowSeasonSettlementPage *self,
                                                const char                 *code)
{
  FurrowPayment *payment;

  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), NULL);

  if (self->payments == NULL)
    return NULL;
  payment = g_hash_table_lookup (self->payments, code);
  return furrow_payment_status_label (payment != NULL ? payment->status
                                                      : FURROW_PAYMENT_UNPAID);
}

/* ------------------------------------------------------------------------------------------ */
/* Export Bank File…, Import Bank Return…                                                     */

static void
toast (FurrowSeasonSettlementPage *self,
       const char                 *message,
       GFile                      *file)
{
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, uri);
}

typedef struct
{
  GFile    *file;
  char     *profile_name;
  gboolean  reissue;
} ForcedBankFile;

static ForcedBankFile *
forced_bank_file_new (GFile      *file,
                      const char *profile_name,
                      gboolean    reissue)
{
  ForcedBankFile *forced = g_new0 (ForcedBankFile, 1);

  forced->file = g_object_ref (file);
  forced->profile_name = g_strdup (profile_name);
  forced->reissue = reissue;
  return forced;
}

static void
forced_bank_file_free (ForcedBankFile *forced)
{
  g_clear_object (&forced->file);
  g_free (forced->profile_name);
  g_free (forced);
}

static gboolean export_bank_file (FurrowSeasonSettlementPage *self,
                                  GFile                      *file,
                                  const char                 *profile_name,
                                  gboolean                    reissue,
                                  const char                 *reason);

static void
pay_anyway_cb (FurrowSeasonSettlementPage *self,
               const char                 *reason,
               gpointer                    data)
{
  ForcedBankFile *forced = data;

  export_bank_file (self, forced->file, forced->profile_name, forced->reissue, reason);
}

gboolean
furrow_season_settlement_page_export_bank_file (FurrowSeasonSettlementPage *self,
                                                GFile                      *file,
                                                const char                 *profile_name,
                                                gboolean                    reissue)
{
  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return export_bank_file (self, file, profile_name, reissue, NULL);
}

/* `reason`: NULL, or why it is paid before the notice ends (the audited --force --reason). */
static gboolean
export_bank_file (FurrowSeasonSettlementPage *self,
                  GFile                      *file,
                  const char                 *profile_name,
                  gboolean                    reissue,
                  const char                 *reason)
{
  g_autoptr(FurrowBankProfile) profile = NULL;
  g_autoptr(FurrowBankFile) bank_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *path;
  gsize n_payees, n_missing;

  path = g_file_peek_path (file);
  if (path == NULL)
    g_set_error_literal (&error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                         _("choose a local file"));
  else if (STORE (self) == NULL || SEASON (self) == NULL)
    g_set_error_literal (&error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                         _("No season is shown"));
  else if ((profile = furrow_bank_profile_new_builtin (profile_name, &error)) != NULL)
    bank_file = furrow_bank_file_new (STORE (self), SEASON (self), profile, reissue, &error);
  if (bank_file != NULL)
    {
      furrow_bank_file_get_missing (bank_file, &n_missing);
      /* Never silently skipped: nothing is written while a household to pay has no account. */
      if (n_missing > 0)
        {
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u household to pay has no valid account: "
                                                  "record it on its household page; nothing "
                                                  "was written",
                                                  "%u households to pay have no valid account: "
                                                  "record them on their household pages; "
                                                  "nothing was written",
                                                  (gulong) n_missing), (guint) n_missing);
          toast (self, message, NULL);
          return FALSE;
        }
      /* Paid only after the public notice (docs/domain.md §15): refused, then "Pay Anyway…"
       * with a reason, audited as furrow-cli's --force --reason. */
      if (!furrow_store_check_payment_allowed (STORE (self), SEASON (self), "bank-file", NULL,
                                               reason != NULL, reason, &error))
        {
          if (reason == NULL &&
              _furrow_season_settlement_page_offer_pay_anyway (
                self, error, pay_anyway_cb, forced_bank_file_new (file, profile_name, reissue),
                (GDestroyNotify) forced_bank_file_free))
            return FALSE;
        }
      else if (furrow_bank_file_write (bank_file, STORE (self), path, &error) &&
               furrow_bank_file_mark_sent (bank_file, STORE (self), path, &error))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          furrow_bank_file_get_payees (bank_file, &n_payees);
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Exported %u household to %s",
                                                  "Exported %u households to %s",
                                                  (gulong) n_payees), (guint) n_payees, name);
          toast (self, message, file);
          return TRUE;
        }
    }
  message = g_strdup_printf (_("Cannot export: %s"), error->message);
  toast (self, message, NULL);
  return FALSE;
}

gboolean
furrow_season_settlement_page_import_bank_return (FurrowSeasonSettlementPage *self,
                                                  GFile                      *file)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *path;
  guint n_failed = 0;

  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_peek_path (file);
  if (path == NULL || STORE (self) == NULL || SEASON (self) == NULL)
    g_set_error_literal (&error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                         _("choose a local file"));
  else if ((rows = furrow_bank_return_read (STORE (self), SEASON (self), path, &error)) != NULL &&
           furrow_bank_return_apply (STORE (self), SEASON (self), rows, path, &error))
    {
      for (guint i = 0; i < rows->len; i++)
        n_failed += g_array_index (rows, FurrowBankReturnRow, i).status == FURROW_PAYMENT_FAILED;
      /* Translators: N paid, M failed (a bank return read) */
      message = g_strdup_printf (_("Bank return: %u paid, %u failed"), rows->len - n_failed,
                                 n_failed);
      toast (self, message, NULL);
      return TRUE;
    }
  message = g_strdup_printf (_("Cannot read the bank return: %s"), error->message);
  toast (self, message, NULL);
  return FALSE;
}

static void
bank_file_chosen (FurrowSeasonSettlementPage *self,
                  GtkFileChooser             *chooser,
                  GFile                      *file)
{
  const char *profile = gtk_file_chooser_get_choice (chooser, "profile");
  const char *which = gtk_file_chooser_get_choice (chooser, "which");

  furrow_season_settlement_page_export_bank_file (self, file,
                                                  profile != NULL ? profile : "generic",
                                                  g_strcmp0 (which, "reissue") == 0);
}

static void
export_bank_file_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  const char *profiles[] = { "generic", "batch-sheet", "text-account", NULL };
  const char *profile_labels[] = { N_("Generic (CSV)"), N_("Batch payment sheet (XLSX)"),
                                   N_("Account as text, no total row (XLSX)"), NULL };
  const char *which[] = { "first", "reissue", NULL };
  const char *which_labels[] = { N_("Households not paid yet"),
                                 N_("Failed payments, to reissue"), NULL };
  const char *translated[4];
  const char *translated_which[3];

  if (SEASON (self) == NULL)
    return;
  for (guint i = 0; i < 4; i++)
    translated[i] = profile_labels[i] != NULL ? _(profile_labels[i]) : NULL;
  for (guint i = 0; i < 3; i++)
    translated_which[i] = which_labels[i] != NULL ? _(which_labels[i]) : NULL;
  /* Translators: a file name; %s is the season's name */
  name = g_strdup_printf (_("%s bank file.csv"), furrow_season_get_name (SEASON (self)));
  chooser = _furrow_season_settlement_page_chooser_new (self, _("Export Bank File"),
                                                        GTK_FILE_CHOOSER_ACTION_SAVE, name, NULL);
  /* Translators: the bank-file profile (layout) chooser */
  gtk_file_chooser_add_choice (chooser, "profile", _("Layout"), profiles, translated);
  gtk_file_chooser_set_choice (chooser, "profile", "generic");
  gtk_file_chooser_add_choice (chooser, "which", _("Pay"), which, translated_which);
  gtk_file_chooser_set_choice (chooser, "which", "first");
  _furrow_season_settlement_page_chooser_show (self, chooser, bank_file_chosen);
}

static void
bank_return_chosen (FurrowSeasonSettlementPage *self,
                    GtkFileChooser             *chooser,
                    GFile                      *file)
{
  furrow_season_settlement_page_import_bank_return (self, file);
}

static void
import_bank_return_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  GtkFileChooser *chooser;

  if (SEASON (self) == NULL)
    return;
  chooser = _furrow_season_settlement_page_chooser_new (self, _("Import Bank Return"),
                                                        GTK_FILE_CHOOSER_ACTION_OPEN, NULL,
                                                        _("CSV files"), "*.csv", NULL);
  _furrow_season_settlement_page_chooser_show (self, chooser, bank_return_chosen);
}

void
furrow_season_settlement_page_bank_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "settlement.export-bank-file", NULL,
                                   export_bank_file_action);
  gtk_widget_class_install_action (widget_class, "settlement.import-bank-return", NULL,
                                   import_bank_return_action);
}
