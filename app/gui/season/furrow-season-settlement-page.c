/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonSettlementPage: settle and reopen a season, its roster, printing and exports
 * (furrow-season-settlement-page.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "furrow-atomic-file.h"
#include "furrow-distribution.h"
#include "furrow-export-folder.h"
#include "furrow-print-operation.h"
#include "furrow-report-document.h"
#include "furrow-roster-columns.h"
#include "furrow-roster-row.h"
#include "furrow-settlement-totals.h"
#include "furrow-season-settlement-page-private.h"
#include "furrow-store-payment.h"
#include "furrow-season-settlement-page-testing.h"
#include "furrow-store-season.h"
#include "furrow-template.h"
#include "furrow-units.h"
#include "furrow-upper-split.h"

G_DEFINE_FINAL_TYPE (FurrowSeasonSettlementPage, furrow_season_settlement_page,
                     FURROW_TYPE_SEASON_PAGE)

enum {
  EXPORT_PROGRESS,
  EXPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowSeasonSettlementPage, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (status_image), CHILD (status_label), CHILD (detail_label), CHILD (note_label),
  CHILD (settle_button), CHILD (reopen_button), CHILD (output_button), CHILD (totals_grid),
  CHILD (progress_box), CHILD (progress_bar), CHILD (cancel_button), CHILD (roster_label),
  CHILD (roster_view), CHILD (notice_entry), CHILD (notice_days), CHILD (notice_end_label),
  CHILD (objections_list), CHILD (objection_household_entry), CHILD (objection_text_entry),
  CHILD (objection_received_entry), CHILD (page_box),
};
#undef CHILD

static void
show_toast (FurrowSeasonSettlementPage *self,
            const char                 *message,
            const char                 *uri)
{
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, uri);
}

/* ------------------------------------------------------------------------------------------ */
/* Showing the season                                                                         */

/* The lines under the status (the settlement's sums): wrapped to the page's width onto as many
 * lines as they take, every amount whole (an inscription of two lines cut them, issue 13). */
static void
set_detail (FurrowSeasonSettlementPage *self,
            const char                 *text)
{
  gtk_label_set_text (self->detail_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label),
                               text != NULL && *text != '\0' ? text : NULL);
}

/* A second line under the status, hidden when empty. */
static void
set_note (FurrowSeasonSettlementPage *self,
          const char                 *text)
{
  gtk_inscription_set_text (self->note_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_label),
                               text != NULL && *text != '\0' ? text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text != NULL && *text != '\0');
}

static void
update_actions (FurrowSeasonSettlementPage *self)
{
  gboolean settled = SEASON (self) != NULL && furrow_season_is_read_only (SEASON (self));
  gboolean exporting = self->export_cancellable != NULL;
  gboolean may_settle = furrow_season_page_may (FURROW_SEASON_PAGE (self),
                                                FURROW_PERMISSION_SETTLE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settlement.settle",
                                 !settled && self->can_settle && !exporting && may_settle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settlement.reopen",
                                 settled && !exporting && may_settle);
  for (guint i = 0; i < 9; i++)
    {
      const char *names[] = { "settlement.print-statements", "settlement.print-roster",
                              "settlement.export-statements",
                              "settlement.export-statements-folder",
                              "settlement.export-roster", "settlement.print-payroll",
                              "settlement.export-payroll", "settlement.export-bank-file",
                              "settlement.import-bank-return" };

      gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], settled && !exporting);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settlement.export-surplus-statement",
                                 settled && !exporting);
  /* Payments (a bank file marks them sent, a return paid) and objections: a manager's. */
  if (!furrow_season_page_may (FURROW_SEASON_PAGE (self), FURROW_PERMISSION_PAYMENTS))
    for (guint i = 0; i < 3; i++)
      {
        const char *names[] = { "settlement.export-bank-file", "settlement.import-bank-return",
                                "settlement.resolve-objection" };

        gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], FALSE);
      }
  gtk_widget_set_visible (self->settle_button, SEASON (self) != NULL && !settled);
  gtk_widget_set_visible (self->reopen_button, settled);
  gtk_widget_set_visible (self->output_button, settled);
}

void
_furrow_season_settlement_page_update_actions (FurrowSeasonSettlementPage *self)
{
  update_actions (self);
}

void
_furrow_season_settlement_page_export_finished (FurrowSeasonSettlementPage *self,
                                                gboolean                    ok)
{
  g_signal_emit (self, signals[EXPORT_FINISHED], 0, ok);
}

/* "2026-11-27T13:20:00Z" → the local date and time, or the text as it is. */
static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) utc = created != NULL ? g_date_time_new_from_iso8601 (created, NULL)
                                             : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (created != NULL ? created : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
show_settled (FurrowSeasonSettlementPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSeasonSettlement) s = furrow_store_get_settlement (STORE (self), SEASON (self),
                                                                     &error);
  g_autoptr(FurrowRosterRow) total = NULL;
  g_autofree char *date = NULL;
  g_autofree char *status = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *roster = NULL;

  gtk_image_set_from_icon_name (self->status_image, "changes-prevent-symbolic");
  if (s == NULL)
    {
      gtk_label_set_text (self->status_label, _("The settlement cannot be read"));
      set_detail (self, error->message);
      return;
    }
  date = format_created (s->created);
  /* Translators: %s is the date and time the season was settled */
  status = g_strdup_printf (_("Settled on %s"), date);
  gtk_label_set_text (self->status_label, status);
  set_detail (self, s->summary);
  /* The lock and the title say it is read-only; the reason, if any, is worth a line. */
  if (s->reason != NULL && *s->reason != '\0')
    {
      /* Translators: why households get less than 60 % of the surplus */
      detail = g_strdup_printf (_("Reason: %s"), s->reason);
      set_note (self, detail);
    }
  furrow_settlement_totals_show (self->totals_grid, &s->totals, &s->split);

  for (gsize i = 0; i < s->n_rows; i++)
    {
      const FurrowSeasonSettlementRow *r = &s->rows[i];
      g_autoptr(FurrowRosterRow) row =
        furrow_roster_row_new (r->code, r->name, r->custody, r->area_m2, r->base_fen,
                               r->dividend_fen, r->fee_fen, r->total_fen);

      g_list_store_append (self->roster, row);
    }
  total = furrow_roster_row_new_total (&s->totals);
  /* The payments before the rows are bound (docs/domain.md, "Bank accounts"). */
  self->payments = furrow_store_get_payments (STORE (self), SEASON (self), NULL);
  gtk_column_view_column_set_visible (self->payment_column, self->payments != NULL);
  g_list_store_append (self->roster, total);
  roster = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Roster: %u household",
                                         "Roster: %u households", s->n_rows), (guint) s->n_rows);
  gtk_label_set_text (self->roster_label, roster);
}

static void
show_preview (FurrowSeasonSettlementPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autoptr(FurrowRosterRow) total = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *roster = NULL;
  FurrowSeasonState state = furrow_season_get_state (SEASON (self));
  gboolean ok;

  gtk_image_set_from_icon_name (self->status_image, "changes-allow-symbolic");
  in = furrow_store_build_settlement_input (STORE (self), SEASON (self), NULL, &error);
  if (in == NULL)
    {
      gtk_label_set_text (self->status_label, _("This season cannot be settled yet"));
      set_detail (self, error->message);
      return;
    }
  shares = g_new0 (FurrowDistributionShare, in->input.n_households + 1);
  ok = furrow_distribution_compute (&in->input, &self->preview, shares, &error);
  if (!ok && g_error_matches (error, FURROW_DISTRIBUTION_ERROR,
                              FURROW_DISTRIBUTION_ERROR_REASON_REQUIRED))
    {
      /* The amounts do not depend on the reason: show them, and ask for it when settling. */
      self->needs_reason = TRUE;
      in->input.reason = _("(the reason is asked for when settling)");
      g_clear_error (&error);
      ok = furrow_distribution_compute (&in->input, &self->preview, shares, &error);
    }
  if (!ok)
    {
      gtk_label_set_text (self->status_label, _("This season cannot be settled as it is"));
      set_detail (self, error->message);
      return;
    }

  summary = furrow_distribution_format_summary (&in->input, &self->preview);
  if (state == FURROW_SEASON_PLANNING)
    {
      gtk_label_set_text (self->status_label, _("Not harvested yet: nothing to settle"));
      detail = g_strdup (_("The season has no harvest records. Record the harvest of its fields "
                           "first: settling pays out the actual revenue. Without any, the "
                           "distribution would be:"));
      set_note (self, summary);
    }
  else if (in->input.n_households == 0)
    {
      gtk_label_set_text (self->status_label, _("No household to settle"));
      detail = g_strdup (_("No household has parcels in custody: register the households’ "
                           "parcels before settling."));
    }
  else
    {
      self->can_settle = TRUE;
      gtk_label_set_text (self->status_label, _("Not settled: settling would freeze this "
                                                "distribution"));
      detail = g_steal_pointer (&summary);
      if (self->needs_reason)
        {
          /* Translators: %d is 60, the Cooperatives Law's minimum share */
          g_autofree char *note = g_strdup_printf (_("Households get less than %d %% of the "
                                                     "distributable surplus: settling asks for "
                                                     "the reason."), 60);

          set_note (self, note);
        }
    }
  set_detail (self, detail);
  furrow_settlement_totals_show (self->totals_grid, &self->preview, &in->input.split);

  for (gsize i = 0; i < in->input.n_households; i++)
    {
      g_autoptr(FurrowRosterRow) row = furrow_roster_row_new_share (in->input.households[i].code,
                                                                    in->input.households[i].name,
                                                                    &shares[i], FALSE);

      g_list_store_append (self->roster, row);
    }
  total = furrow_roster_row_new_total (&self->preview);
  g_list_store_append (self->roster, total);
  roster = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Preview: %u household",
                                         "Preview: %u households", in->input.n_households),
                            (guint) in->input.n_households);
  gtk_label_set_text (self->roster_label, roster);
}

static void
rebuild (FurrowSeasonSettlementPage *self)
{
  self->can_settle = FALSE;
  self->needs_reason = FALSE;
  self->preview = (FurrowDistributionResult) { 0 };
  g_clear_pointer (&self->payments, g_hash_table_unref);
  gtk_column_view_column_set_visible (self->payment_column, FALSE);
  g_list_store_remove_all (self->roster);
  furrow_settlement_totals_clear (self->totals_grid);
  gtk_label_set_text (self->roster_label, "");
  set_note (self, "");

  if (STORE (self) == NULL || SEASON (self) == NULL)
    {
      gtk_label_set_text (self->status_label, _("No season"));
      set_detail (self, "");
    }
  else if (furrow_season_get_state (SEASON (self)) == FURROW_SEASON_SETTLED)
    show_settled (self);
  else
    show_preview (self);
  _furrow_season_settlement_page_show_notice_date (self);
  update_actions (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Documents, printing and exports                                                            */

static FurrowReportDocument *
new_document (FurrowSeasonSettlementPage  *self,
              FurrowSettlementOutput       output,
              GError                     **error)
{
  if (STORE (self) == NULL || SEASON (self) == NULL)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("No season is shown"));
      return NULL;
    }
  if (output == FURROW_SETTLEMENT_OUTPUT_ROSTER)
    return furrow_report_document_new_roster (STORE (self), SEASON (self), NULL, error);
  return furrow_report_document_new_statements (STORE (self), SEASON (self), NULL, error);
}

/* The audit row of a print or an export, or a toast when it cannot be written. */
static void
record_print (FurrowSeasonSettlementPage *self,
              FurrowReportDocument       *document,
              const char                 *destination)
{
  g_autoptr(GError) error = NULL;

  if (STORE (self) == NULL ||
      !furrow_report_document_record_print (document, STORE (self), destination, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("The audit log could not record it: %s"),
                         error != NULL ? error->message : _("no project"));

      show_toast (self, message, NULL);
    }
}

static void
begin_print_cb (GtkPrintOperation    *operation,
                GtkPrintContext      *context,
                FurrowReportDocument *document)
{
  gtk_print_operation_set_n_pages (operation, furrow_report_document_get_n_pages (document));
}

static void
draw_page_cb (GtkPrintOperation    *operation,
              GtkPrintContext      *context,
              int                   page_nr,
              FurrowReportDocument *document)
{
  furrow_report_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                                    page_nr, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
}

GtkPrintOperationResult
furrow_season_settlement_page_print (FurrowSeasonSettlementPage  *self,
                                     FurrowSettlementOutput       output,
                                     GtkPrintOperationAction      action,
                                     const char                  *export_filename,
                                     GError                     **error)
{
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  GtkRoot *root;

  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  document = new_document (self, output, error);
  if (document == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  operation = furrow_print_operation_new (furrow_report_document_get_title (document),
                                          furrow_report_document_get_n_pages (document),
                                          furrow_report_document_is_landscape (document),
                                          export_filename);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, action,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      const char *printer = settings != NULL ? gtk_print_settings_get_printer (settings) : NULL;
      const char *destination = export_filename != NULL ? export_filename
                                : printer != NULL ? printer : _("printer");

      record_print (self, document, destination);
    }
  return result;
}

static void
print (FurrowSeasonSettlementPage *self,
       FurrowSettlementOutput      output)
{
  g_autoptr(GError) error = NULL;

  if (furrow_season_settlement_page_print (self, output, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                           NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* Translators: %s is why */
      g_autofree char *message = g_strdup_printf (_("Cannot print: %s"),
                                                  error != NULL ? error->message : "");

      show_toast (self, message, NULL);
    }
}

static void
print_statements_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  print (FURROW_SEASON_SETTLEMENT_PAGE (widget), FURROW_SETTLEMENT_OUTPUT_STATEMENTS);
}

static void
print_roster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  print (FURROW_SEASON_SETTLEMENT_PAGE (widget), FURROW_SETTLEMENT_OUTPUT_ROSTER);
}

/* An export in a thread. */
typedef enum
{
  EXPORT_PDF,          /* the document into one PDF */
  EXPORT_PDF_FOLDER,   /* statements: one PDF per household in a folder */
  EXPORT_CSV,          /* the roster */
  EXPORT_XLSX,         /* the roster */
} ExportKind;

typedef struct
{
  FurrowSeasonSettlementPage *self;        /* a reference */
  FurrowReportDocument       *document;
  ExportKind                  kind;
  GFile                      *file;
  char                       *path;
  FurrowAtomicFile           *part;        /* one file: written here, renamed over `path` */
  GPtrArray                  *new_files;   /* folder: the files it did not have before */
  gboolean                    made_folder;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_free (data->path);
  g_clear_pointer (&data->part, furrow_atomic_file_free);
  g_clear_pointer (&data->new_files, g_ptr_array_unref);
  g_free (data);
}

typedef struct
{
  FurrowSeasonSettlementPage *self;
  GCancellable               *cancellable;
  gsize                       done;
  gsize                       total;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_object_unref (progress->cancellable);
  g_free (progress);
}

static gboolean
progress_idle (gpointer user_data)
{
  Progress *progress = user_data;
  FurrowSeasonSettlementPage *self = progress->self;
  g_autofree char *text = NULL;

  /* A later export has its own progress; a cancelled one shows no more. */
  if (self->disposed || self->export_cancellable != progress->cancellable ||
      g_cancellable_is_cancelled (progress->cancellable))
    return G_SOURCE_REMOVE;
  gtk_progress_bar_set_fraction (self->progress_bar, progress->total > 0
                                                     ? (double) progress->done / progress->total
                                                     : 0.0);
  /* Translators: export progress, pages or files done of all */
  text = g_strdup_printf (_("%u of %u"), (guint) progress->done, (guint) progress->total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  g_signal_emit (self, signals[EXPORT_PROGRESS], 0, (guint) progress->done,
                 (guint) progress->total);
  return G_SOURCE_REMOVE;
}

gboolean
_furrow_season_settlement_page_export_running (FurrowSeasonSettlementPage *self)
{
  if (self->export_cancellable == NULL)
    return FALSE;
  show_toast (self, _("An export is already running"), NULL);
  return TRUE;
}

void
_furrow_season_settlement_page_begin_export (FurrowSeasonSettlementPage *self,
                                             const char                 *text)
{
  self->export_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (self->progress_box, TRUE);
  update_actions (self);
}

gboolean
_furrow_season_settlement_page_end_export (FurrowSeasonSettlementPage *self)
{
  g_clear_object (&self->export_cancellable);
  if (self->disposed)
    return FALSE;
  gtk_widget_set_visible (self->progress_box, FALSE);
  update_actions (self);
  return TRUE;
}

void
_furrow_season_settlement_page_show_export_error (FurrowSeasonSettlementPage *self,
                                                  const GError               *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_toast (self, _("Export cancelled: nothing was written"), NULL);
      return;
    }
  /* Translators: %s is why */
  message = g_strdup_printf (_("Cannot export: %s"), error->message);
  show_toast (self, message, NULL);
}

/* Called in the export thread with the export's task: the page is updated on the main thread. */
void
_furrow_season_settlement_page_export_progress (gsize    done,
                                                gsize    total,
                                                gpointer task)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (g_task_get_source_object (task));
  progress->cancellable = g_object_ref (g_task_get_cancellable (task));
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_idle, progress,
                              (GDestroyNotify) progress_free);
}

static void
remove_partial_folder (ExportData *data)
{
  for (guint i = 0; i < data->new_files->len; i++)
    g_remove (g_ptr_array_index (data->new_files, i));
  if (data->made_folder)
    g_rmdir (data->path);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  const FurrowReport *report = furrow_report_document_get_report (data->document);
  FurrowReportProgressFunc progress = _furrow_season_settlement_page_export_progress;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (data->kind != EXPORT_PDF_FOLDER)
    {
      /* The destination is replaced only when the export is done and not cancelled, so a
       * cancel or an error leaves a file the user had untouched (furrow-atomic-file.h). */
      data->part = furrow_atomic_file_new (data->path, &error);
      if (data->part == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  switch (data->kind)
    {
    case EXPORT_PDF:
      ok = furrow_report_document_write_pdf (data->document,
                                             furrow_atomic_file_get_path (data->part), cancellable,
                                             progress, task, &error);
      break;
    case EXPORT_PDF_FOLDER:
      ok = furrow_report_document_write_pdfs_dir (data->document, data->path, cancellable,
                                                  progress, task, &error);
      if (!ok)
        remove_partial_folder (data);
      break;
    case EXPORT_CSV:
      ok = furrow_report_write_roster_csv (furrow_atomic_file_get_path (data->part),
                                           &report->cooperative, report->households,
                                           report->n_households, &error);
      break;
    case EXPORT_XLSX:
      ok = furrow_report_write_roster_xlsx (furrow_atomic_file_get_path (data->part),
                                            &report->cooperative,
                                            report->households, report->n_households, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  /* One file stays in its part file until export_done_cb; a folder's new files go now. */
  if (ok && g_cancellable_is_cancelled (cancellable) && data->kind == EXPORT_PDF_FOLDER)
    {
      remove_partial_folder (data);
      ok = FALSE;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The export was cancelled"));
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (source);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_parse_name (data->file);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Cancelled after the thread wrote the last page, before this ran: removed all the same.
   * A single file replaces the destination only here, on the main thread where a cancel comes
   * from: once renamed, it is done. */
  if (ok && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      if (data->kind == EXPORT_PDF_FOLDER)
        remove_partial_folder (data);
      ok = FALSE;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The export was cancelled"));
    }
  if (ok && data->part != NULL && !furrow_atomic_file_commit (data->part, &error))
    ok = FALSE;
  if (!ok && data->part != NULL)
    furrow_atomic_file_discard (data->part);
  if (!_furrow_season_settlement_page_end_export (self))
    return;
  if (ok)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      const FurrowReport *report = furrow_report_document_get_report (data->document);
      /* Statements (a page has a household): no household is left out silently. */
      guint n_left = furrow_report_document_get_page_household (data->document, 0) != NULL
                     && report->left_out != NULL ? g_strv_length (report->left_out) : 0;

      record_print (self, data->document, data->path);
      if (n_left > 0)
        {
          g_autofree char *list = g_strjoinv ("; ", report->left_out);

          /* Translators: %s is a file or folder, then %u households not in the settlement,
           * listed as "CODE NAME: why; …" */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Exported to %s. %u household gets no "
                                                  "statement: %s",
                                                  "Exported to %s. %u households get no "
                                                  "statement: %s", n_left),
                                     name, n_left, list);
        }
      else
        /* Translators: %s is a file or folder */
        message = g_strdup_printf (_("Exported to %s"), name);
      show_toast (self, message, uri);
    }
  else
    _furrow_season_settlement_page_show_export_error (self, error);
  g_signal_emit (self, signals[EXPORT_FINISHED], 0, ok);
}

/* Lists the "<CBFBM>.pdf" files a folder export would add to `dir`. */
static void
note_new_files (ExportData *data)
{
  guint n = furrow_report_document_get_n_pages (data->document);

  data->new_files = g_ptr_array_new_with_free_func (g_free);
  data->made_folder = !g_file_test (data->path, G_FILE_TEST_IS_DIR);
  for (guint i = 0; i < n; i++)
    {
      const FurrowReportHousehold *h = furrow_report_document_get_page_household (data->document,
                                                                                 i);
      g_autofree char *basename = NULL;
      g_autofree char *path = NULL;

      if (h == NULL)
        continue;
      basename = g_strdup_printf ("%s.pdf", h->code);
      path = g_build_filename (data->path, basename, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (data->new_files, g_steal_pointer (&path));
    }
}

static void
start_export (FurrowSeasonSettlementPage *self,
              FurrowSettlementOutput      output,
              ExportKind                  kind,
              GFile                      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(FurrowReportDocument) document = NULL;
  ExportData *data;

  if (_furrow_season_settlement_page_export_running (self))
    return;
  /* Never over the project (docs/architecture.md, Opening, backup, check). */
  if (g_file_peek_path (file) != NULL &&
      !furrow_store_check_output (STORE (self), g_file_peek_path (file), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot export: %s"), error->message);

      show_toast (self, message, NULL);
      g_signal_emit (self, signals[EXPORT_FINISHED], 0, FALSE);
      return;
    }
  document = new_document (self, output, &error);
  if (document == NULL || g_file_peek_path (file) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Cannot export: %s"),
                         error != NULL ? error->message : _("choose a local file"));

      show_toast (self, message, NULL);
      g_signal_emit (self, signals[EXPORT_FINISHED], 0, FALSE);
      return;
    }

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->document = g_steal_pointer (&document);
  data->kind = kind;
  data->file = g_object_ref (file);
  data->path = g_file_get_path (file);
  if (kind == EXPORT_PDF_FOLDER)
    note_new_files (data);

  _furrow_season_settlement_page_begin_export (self, _("Starting…"));
  task = g_task_new (self, self->export_cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

void
furrow_season_settlement_page_export_statements (FurrowSeasonSettlementPage *self,
                                                 GFile                      *file,
                                                 gboolean                    per_household)
{
  g_return_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  start_export (self, FURROW_SETTLEMENT_OUTPUT_STATEMENTS,
                per_household ? EXPORT_PDF_FOLDER : EXPORT_PDF, file);
}

void
furrow_season_settlement_page_export_roster (FurrowSeasonSettlementPage *self,
                                             GFile                      *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  ExportKind kind;

  g_return_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  lower = g_ascii_strdown (basename != NULL ? basename : "", -1);
  if (g_str_has_suffix (lower, ".csv"))
    kind = EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    kind = EXPORT_XLSX;
  else if (g_str_has_suffix (lower, ".pdf"))
    kind = EXPORT_PDF;
  else
    {
      show_toast (self, _("Cannot export: the roster is written as .pdf, .csv or .xlsx"), NULL);
      g_signal_emit (self, signals[EXPORT_FINISHED], 0, FALSE);
      return;
    }
  start_export (self, FURROW_SETTLEMENT_OUTPUT_ROSTER, kind, file);
}

gboolean
furrow_season_settlement_page_is_exporting (FurrowSeasonSettlementPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), FALSE);

  return self->export_cancellable != NULL;
}

void
furrow_season_settlement_page_cancel_export (FurrowSeasonSettlementPage *self)
{
  g_return_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self));

  if (self->export_cancellable != NULL)
    {
      g_cancellable_cancel (self->export_cancellable);
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
    }
}

static void
cancel_clicked_cb (FurrowSeasonSettlementPage *self)
{
  furrow_season_settlement_page_cancel_export (self);
}

/* The file chooser of an export or an import: what is done with the file chosen. */
typedef struct
{
  FurrowSeasonSettlementPage *self;
  FurrowSettlementChosenFunc  chosen;
} ChooserData;

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooserData     *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        data->chosen (data->self, GTK_FILE_CHOOSER (chooser), file);
    }
  g_object_unref (data->self);
  g_free (data);
  g_object_unref (chooser);
}

GtkFileChooser *
_furrow_season_settlement_page_chooser_new (FurrowSeasonSettlementPage *self,
                                            const char                 *title,
                                            GtkFileChooserAction        action,
                                            const char                 *file_name,
                                            ...)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean open = action == GTK_FILE_CHOOSER_ACTION_OPEN;
  GtkFileChooser *chooser;
  const char *filter_name;
  va_list filters;

  chooser = GTK_FILE_CHOOSER (gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root)
                                                                  ? GTK_WINDOW (root) : NULL,
                                                           action,
                                                           open ? _("_Import") : _("_Export"),
                                                           _("_Cancel")));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* What is written starts in the export folder (furrow-export-folder.h). */
  if (!open)
    furrow_export_folder_set_on (chooser, GTK_WIDGET (self));
  if (file_name != NULL)
    gtk_file_chooser_set_current_name (chooser, file_name);
  va_start (filters, file_name);
  while ((filter_name = va_arg (filters, const char *)) != NULL)
    _furrow_season_settlement_page_add_filter (chooser, filter_name,
                                               va_arg (filters, const char *));
  va_end (filters);
  return chooser;
}

void
_furrow_season_settlement_page_chooser_show (FurrowSeasonSettlementPage *self,
                                             GtkFileChooser             *chooser,
                                             FurrowSettlementChosenFunc  chosen)
{
  ChooserData *data = g_new0 (ChooserData, 1);

  data->self = g_object_ref (self);
  data->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
roster_chosen (FurrowSeasonSettlementPage *self,
               GtkFileChooser             *chooser,
               GFile                      *file)
{
  furrow_season_settlement_page_export_roster (self, file);
}

static void
statements_chosen (FurrowSeasonSettlementPage *self,
                   GtkFileChooser             *chooser,
                   GFile                      *file)
{
  furrow_season_settlement_page_export_statements (self, file, FALSE);
}

static void
statements_folder_chosen (FurrowSeasonSettlementPage *self,
                          GtkFileChooser             *chooser,
                          GFile                      *file)
{
  furrow_season_settlement_page_export_statements (self, file, TRUE);
}

void
_furrow_season_settlement_page_add_filter (GtkFileChooser *chooser,
                                           const char     *name,
                                           const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_export (FurrowSeasonSettlementPage *self,
               FurrowSettlementOutput      output,
               gboolean                    folder)
{
  gboolean roster = output == FURROW_SETTLEMENT_OUTPUT_ROSTER;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  if (SEASON (self) == NULL)
    return;
  if (folder)
    {
      chooser = _furrow_season_settlement_page_chooser_new (
        self, _("Export Statements into a Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, NULL,
        NULL);
      _furrow_season_settlement_page_chooser_show (self, chooser, statements_folder_chosen);
      return;
    }
  /* Translators: file names; %s is the season's name */
  name = g_strdup_printf (roster ? _("%s roster.pdf") : _("%s statements.pdf"),
                          furrow_season_get_name (SEASON (self)));
  chooser = _furrow_season_settlement_page_chooser_new (
    self, roster ? _("Export Roster") : _("Export Statements"), GTK_FILE_CHOOSER_ACTION_SAVE,
    name, _("PDF documents"), "*.pdf", NULL);
  if (roster)
    {
      _furrow_season_settlement_page_add_filter (chooser, _("Excel workbooks (.xlsx)"), "*.xlsx");
      _furrow_season_settlement_page_add_filter (chooser, _("CSV spreadsheets"), "*.csv");
    }
  _furrow_season_settlement_page_chooser_show (self, chooser,
                                               roster ? roster_chosen : statements_chosen);
}

static void
export_statements_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose_export (FURROW_SEASON_SETTLEMENT_PAGE (widget), FURROW_SETTLEMENT_OUTPUT_STATEMENTS,
                 FALSE);
}

static void
export_statements_folder_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  choose_export (FURROW_SEASON_SETTLEMENT_PAGE (widget), FURROW_SETTLEMENT_OUTPUT_STATEMENTS,
                 TRUE);
}

static void
export_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_export (FURROW_SEASON_SETTLEMENT_PAGE (widget), FURROW_SETTLEMENT_OUTPUT_ROSTER, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */

static void
furrow_season_settlement_page_dispose (GObject *object)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->roster);
  g_clear_pointer (&self->resolution_entries, g_hash_table_unref);
  g_clear_pointer (&self->payments, g_hash_table_unref);

  G_OBJECT_CLASS (furrow_season_settlement_page_parent_class)->dispose (object);
}

static gboolean
rebuild_idle (gpointer data)
{
  FurrowSeasonSettlementPage *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Another store or season is shown at once; a change to the season shown is shown once the
 * commit's signals are all out: a settlement announces season-changed and settlement-changed,
 * and the page is rebuilt once, before the next frame. */
static void
furrow_season_settlement_page_reload (FurrowSeasonPage *page,
                                      gboolean          switched)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (page);

  if (switched)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }
  else if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, self, NULL);
}

static void
furrow_season_settlement_page_class_init (FurrowSeasonSettlementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FurrowSeasonPageClass *page_class = FURROW_SEASON_PAGE_CLASS (klass);

  object_class->dispose = furrow_season_settlement_page_dispose;
  page_class->reload = furrow_season_settlement_page_reload;

  /* ::export-progress (done, total): pages or files written so far, on the main thread. */
  signals[EXPORT_PROGRESS] =
    g_signal_new ("export-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /* ::export-finished (ok): the export is over; its output is complete, or gone. */
  signals[EXPORT_FINISHED] =
    g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  furrow_season_settlement_page_settle_class_init (widget_class);
  furrow_season_settlement_page_payroll_class_init (widget_class);
  furrow_season_settlement_page_bank_class_init (widget_class);
  furrow_season_settlement_page_surplus_class_init (widget_class);
  furrow_season_settlement_page_notice_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "settlement.print-statements", NULL,
                                   print_statements_action);
  gtk_widget_class_install_action (widget_class, "settlement.print-roster", NULL,
                                   print_roster_action);
  gtk_widget_class_install_action (widget_class, "settlement.export-statements", NULL,
                                   export_statements_action);
  gtk_widget_class_install_action (widget_class, "settlement.export-statements-folder", NULL,
                                   export_statements_folder_action);
  gtk_widget_class_install_action (widget_class, "settlement.export-roster", NULL,
                                   export_roster_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/season/furrow-season-settlement-page.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
}

static void
furrow_season_settlement_page_init (FurrowSeasonSettlementPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  furrow_upper_split_install (self->page_box);
  furrow_season_settlement_page_notice_init (self);

  self->roster = g_list_store_new (FURROW_TYPE_ROSTER_ROW);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->roster)));
  gtk_column_view_set_model (self->roster_view, GTK_SELECTION_MODEL (selection));
  furrow_roster_columns_add (self->roster_view);
  _furrow_season_settlement_page_add_payment_column (self);

  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  rebuild (self);
}

FurrowSeasonSettlementPage *
furrow_season_settlement_page_new (void)
{
  return g_object_new (FURROW_TYPE_SEASON_SETTLEMENT_PAGE, NULL);
}

GListModel *
furrow_season_settlement_page_get_roster (FurrowSeasonSettlementPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), NULL);

  return G_LIST_MODEL (self->roster);
}
