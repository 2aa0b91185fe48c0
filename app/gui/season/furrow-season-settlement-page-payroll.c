/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowSeasonSettlementPage, the payroll (发放花名册, docs/domain.md §12): "Print Payroll…"
 * prints it through GtkPrintOperation (A4 landscape); "Export Payroll for Signatures…" chooses
 * a PDF or XLSX file, and whether to make one list per village group. The payroll is built from
 * the settled season on the main thread (it reads the store) and an export is written in a
 * thread (it does not). Every print and export is an audit row. Before an export, who signs it
 * (the 经办人 / 审核人 / 负责人 lines, furrow-cli payroll's --preparer, --checker, --approver)
 * may be given; a name with a control character is refused in the dialog, with the reason under
 * it (furrow_register_check_text(), issue 12). */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-payroll.h"
#include "furrow-print-operation.h"
#include "furrow-register.h"
#include "furrow-season-settlement-page-private.h"
#include "furrow-season-settlement-page-testing.h"
#include "furrow-store-notice.h"

typedef struct
{
  FurrowPayroll *payroll;
  GFile         *file;
  char          *path;
} PayrollData;

static void
payroll_data_free (PayrollData *data)
{
  g_clear_pointer (&data->payroll, furrow_payroll_free);
  g_clear_object (&data->file);
  g_free (data->path);
  g_free (data);
}

static void
payroll_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PayrollData *data = task_data;
  g_autoptr(GError) error = NULL;

  /* Whole or not at all: the writers go through a file beside the target, and a cancel
   * between pages leaves nothing. */
  if (furrow_payroll_write (data->payroll, data->path, cancellable,
                            _furrow_season_settlement_page_export_progress, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
payroll_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (source);
  PayrollData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (!_furrow_season_settlement_page_end_export (self))
    return;
  if (ok)
    {
      g_autofree char *name = g_file_get_parse_name (data->file);
      g_autofree char *uri = g_file_get_uri (data->file);
      g_autoptr(GError) audit_error = NULL;

      if (!furrow_payroll_record_print (data->payroll, STORE (self), data->path, &audit_error))
        {
          /* Translators: %s is why */
          message = g_strdup_printf (_("Exported, but not recorded in the audit log: %s"),
                                     audit_error->message);
          furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, uri);
        }
      else
        {
          message = g_strdup_printf (_("Exported to %s"), name);
          furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, uri);
        }
    }
  else
    _furrow_season_settlement_page_show_export_error (self, error);
  _furrow_season_settlement_page_export_finished (self, ok);
}

/* An export asked for: its file, one list or one per group, and who signs (NULL: a blank
 * line to sign on). */
typedef struct
{
  GFile    *file;
  gboolean  by_group;
  char     *signers[3];  /* preparer, checker, approver */
} PayrollRequest;

static PayrollRequest *
payroll_request_new (GFile             *file,
                     gboolean           by_group,
                     const char *const  signers[3])
{
  PayrollRequest *request = g_new0 (PayrollRequest, 1);

  request->file = g_object_ref (file);
  request->by_group = by_group;
  for (guint i = 0; i < 3 && signers != NULL; i++)
    request->signers[i] = g_strdup (signers[i]);
  return request;
}

static void
payroll_request_free (PayrollRequest *request)
{
  g_clear_object (&request->file);
  for (guint i = 0; i < 3; i++)
    g_free (request->signers[i]);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PayrollRequest, payroll_request_free)

static void export_payroll (FurrowSeasonSettlementPage *self,
                            const PayrollRequest       *request,
                            const char                 *reason);

static void
pay_anyway_cb (FurrowSeasonSettlementPage *self,
               const char                 *reason,
               gpointer                    data)
{
  export_payroll (self, data, reason);
}

void
furrow_season_settlement_page_export_payroll (FurrowSeasonSettlementPage *self,
                                              GFile                      *file,
                                              gboolean                    by_group)
{
  g_autoptr(PayrollRequest) request = NULL;

  g_return_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  request = payroll_request_new (file, by_group, NULL);
  export_payroll (self, request, NULL);
}

/* `reason`: NULL, or why it is paid before the notice ends (the audited --force --reason). */
static void
export_payroll (FurrowSeasonSettlementPage *self,
                const PayrollRequest       *request,
                const char                 *reason)
{
  GFile *file = request->file;
  FurrowPayrollOptions options = { .by_group = request->by_group,
                                   .preparer = request->signers[0],
                                   .checker = request->signers[1],
                                   .approver = request->signers[2] };
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  gboolean refused = FALSE;
  PayrollData *data;

  if (_furrow_season_settlement_page_export_running (self))
    return;
  /* A local file that is not the project or its journal (furrow_store_check_output()). */
  if (g_file_peek_path (file) == NULL)
    g_set_error_literal (&error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                         _("choose a local file"));
  else if (STORE (self) == NULL || SEASON (self) == NULL)
    g_set_error_literal (&error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                         _("No season is shown"));
  /* Paid only after the public notice (docs/domain.md §15): refused, then "Pay Anyway…" with
   * a reason, audited as furrow-cli's --force --reason. The file is checked first, so the
   * override is not recorded for a file that cannot be written. */
  else if (furrow_store_check_output (STORE (self), g_file_peek_path (file), &error))
    {
      refused = !furrow_store_check_payment_allowed (STORE (self), SEASON (self), "payroll", NULL,
                                                     reason != NULL, reason, &error);
      if (!refused)
        payroll = furrow_payroll_new_from_season (STORE (self), SEASON (self), &options,
                                                  &error);
    }
  if (payroll == NULL)
    {
      /* Refused by the notice: the dialog offers to pay anyway; anything else is a toast. */
      if (!refused || reason != NULL ||
          !_furrow_season_settlement_page_offer_pay_anyway (
            self, error, pay_anyway_cb,
            payroll_request_new (file, request->by_group,
                                 (const char *const *) request->signers),
            (GDestroyNotify) payroll_request_free))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot export: %s"),
                                                      error != NULL ? error->message : "");

          furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
        }
      _furrow_season_settlement_page_export_finished (self, FALSE);
      return;
    }

  data = g_new0 (PayrollData, 1);
  data->payroll = g_steal_pointer (&payroll);
  data->file = g_object_ref (file);
  data->path = g_file_get_path (file);

  _furrow_season_settlement_page_begin_export (self, _("Writing the payroll…"));
  task = g_task_new (self, self->export_cancellable, payroll_done_cb, NULL);
  g_task_set_source_tag (task, furrow_season_settlement_page_export_payroll);
  g_task_set_task_data (task, data, (GDestroyNotify) payroll_data_free);
  g_task_run_in_thread (task, payroll_thread);
}

/* Printing: the same pages through GtkPrintOperation, A4 landscape. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              FurrowPayroll     *payroll)
{
  furrow_payroll_draw_page (payroll, gtk_print_context_get_cairo_context (context),
                            (guint) page_nr, gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context));
}

/* `reason`: NULL, or why it is paid before the notice ends (the audited --force --reason). */
static GtkPrintOperationResult
print_payroll (FurrowSeasonSettlementPage  *self,
               GtkPrintOperationAction      action,
               const char                  *export_filename,
               const char                  *reason,
               GError                     **error)
{
  g_autoptr(FurrowPayroll) payroll = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  GtkRoot *root;

  if (STORE (self) == NULL || SEASON (self) == NULL)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("No season is shown"));
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  if (!furrow_store_check_payment_allowed (STORE (self), SEASON (self), "payroll", NULL,
                                           reason != NULL, reason, error))
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  payroll = furrow_payroll_new_from_season (STORE (self), SEASON (self), NULL, error);
  if (payroll == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  operation = furrow_print_operation_new (furrow_payroll_get_title (payroll),
                                          furrow_payroll_get_n_pages (payroll),
                                          TRUE, export_filename);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), payroll);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, action,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      const char *printer = settings != NULL ? gtk_print_settings_get_printer (settings) : NULL;
      g_autoptr(GError) audit_error = NULL;

      if (!furrow_payroll_record_print (payroll, STORE (self),
                                        export_filename != NULL ? export_filename
                                        : printer != NULL ? printer : _("printer"),
                                        &audit_error))
        {
          g_autofree char *message = g_strdup_printf (_("The audit log could not record it: %s"),
                                                      audit_error->message);

          furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
        }
    }
  return result;
}

GtkPrintOperationResult
furrow_season_settlement_page_print_payroll (FurrowSeasonSettlementPage  *self,
                                             GtkPrintOperationAction      action,
                                             const char                  *export_filename,
                                             GError                     **error)
{
  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self),
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  return print_payroll (self, action, export_filename, NULL, error);
}

static void
print_with_dialog (FurrowSeasonSettlementPage *self,
                   const char                 *reason,
                   gpointer                    data)
{
  g_autoptr(GError) error = NULL;

  if (print_payroll (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, reason,
                     &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      (reason != NULL ||
       !_furrow_season_settlement_page_offer_pay_anyway (self, error, print_with_dialog, NULL,
                                                         NULL)))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot print: %s"),
                                                  error != NULL ? error->message : "");

      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
    }
}

static void
print_payroll_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  print_with_dialog (FURROW_SEASON_SETTLEMENT_PAGE (widget), NULL, NULL);
}

/* The signers' entries, what each one is called in a refusal, and the line under them. */
static const char *const signer_placeholders[3] = {
  N_("Prepared by (经办人), or blank to sign by hand"),
  N_("Checked by (审核人), or blank"),
  N_("Approved by (负责人), or blank"),
};
static const char *const signer_names[3] = {
  N_("The preparer’s name"),
  N_("The checker’s name"),
  N_("The approver’s name"),
};

typedef struct
{
  PayrollRequest *request;
  GtkWidget      *entries[3];
  GtkWidget      *problem;
} SignersDialog;

static void
signers_dialog_free (SignersDialog *signers)
{
  payroll_request_free (signers->request);
  g_free (signers);
}

/* Each change: the first name with a control character is marked, its reason shown under the
 * entries, and Export disabled until it is removed. */
static void
signer_changed_cb (GtkEditable      *editable,
                   AdwMessageDialog *dialog)
{
  SignersDialog *signers = g_object_get_data (G_OBJECT (dialog), "furrow-signers");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (signers->entries[i]));
      gboolean ok = error != NULL ||
                    furrow_register_check_text (text, -1, FURROW_TEXT_LINE,
                                                _(signer_names[i]), &error);

      if (ok)
        gtk_widget_remove_css_class (signers->entries[i], "error");
      else
        gtk_widget_add_css_class (signers->entries[i], "error");
    }
  gtk_label_set_text (GTK_LABEL (signers->problem), error != NULL ? error->message : "");
  gtk_widget_set_visible (signers->problem, error != NULL);
  adw_message_dialog_set_response_enabled (dialog, "export", error == NULL);
}

static void
signers_response_cb (AdwMessageDialog           *dialog,
                     const char                 *response,
                     FurrowSeasonSettlementPage *self)
{
  SignersDialog *signers = g_object_get_data (G_OBJECT (dialog), "furrow-signers");
  PayrollRequest *request = signers->request;

  if (g_strcmp0 (response, "export") != 0)
    return;
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text =
        g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (signers->entries[i]))));

      g_clear_pointer (&request->signers[i], g_free);
      /* Export is disabled while a name is refused; the check is the writer's all the same. */
      if (!furrow_register_check_text (text, -1, FURROW_TEXT_LINE, _(signer_names[i]), NULL))
        return;
      if (*text != '\0')
        request->signers[i] = g_steal_pointer (&text);
    }
  export_payroll (self, request, NULL);
}

GtkWidget *
furrow_season_settlement_page_ask_signers (FurrowSeasonSettlementPage *self,
                                           GFile                      *file,
                                           gboolean                    by_group)
{
  SignersDialog *signers = g_new0 (SignersDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;

  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Who Signs the Payroll?"),
                                   _("The names are printed on the signature lines; leave one "
                                     "blank to sign it by hand."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "export", _("_Export"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  signers->request = payroll_request_new (file, by_group, NULL);
  for (guint i = 0; i < 3; i++)
    {
      signers->entries[i] = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (signers->entries[i]),
                                      _(signer_placeholders[i]));
      gtk_box_append (GTK_BOX (box), signers->entries[i]);
      g_signal_connect (signers->entries[i], "changed", G_CALLBACK (signer_changed_cb), dialog);
    }
  signers->problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (signers->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (signers->problem), 0);
  gtk_widget_add_css_class (signers->problem, "error");
  gtk_widget_set_visible (signers->problem, FALSE);
  gtk_box_append (GTK_BOX (box), signers->problem);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "furrow-signers", signers,
                          (GDestroyNotify) signers_dialog_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (signers_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
payroll_chosen (FurrowSeasonSettlementPage *self,
                GtkFileChooser             *chooser,
                GFile                      *file)
{
  const char *by_group = gtk_file_chooser_get_choice (chooser, "by-group");

  furrow_season_settlement_page_ask_signers (self, file, g_strcmp0 (by_group, "true") == 0);
}

static void
export_payroll_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  if (SEASON (self) == NULL)
    return;
  /* Translators: a file name; %s is the season's name */
  name = g_strdup_printf (_("%s payroll.pdf"), furrow_season_get_name (SEASON (self)));
  chooser = _furrow_season_settlement_page_chooser_new (self, _("Export Payroll"),
                                                        GTK_FILE_CHOOSER_ACTION_SAVE, name,
                                                        _("PDF documents"), "*.pdf",
                                                        _("Excel workbooks (.xlsx)"), "*.xlsx",
                                                        NULL);
  gtk_file_chooser_add_choice (chooser, "by-group", _("One list per village group"), NULL, NULL);
  _furrow_season_settlement_page_chooser_show (self, chooser, payroll_chosen);
}

void
furrow_season_settlement_page_payroll_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "settlement.print-payroll", NULL,
                                   print_payroll_action);
  gtk_widget_class_install_action (widget_class, "settlement.export-payroll", NULL,
                                   export_payroll_action);
}
