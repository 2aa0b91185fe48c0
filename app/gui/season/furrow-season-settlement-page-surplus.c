/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowSeasonSettlementPage, the surplus statement (会农社02, docs/domain.md §17): "Export
 * Surplus Statement (会农社02)…" chooses a PDF or XLSX file and writes the settled season's
 * statement into it (one page: on the main thread), then a toast and an audit row. */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-export-folder.h"
#include "furrow-season-settlement-page-private.h"
#include "furrow-surplus-statement.h"

gboolean
furrow_season_settlement_page_export_surplus_statement (FurrowSeasonSettlementPage  *self,
                                                        GFile                       *file,
                                                        GError                     **error)
{
  g_autoptr(FurrowSurplusStatement) statement = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) audit_error = NULL;

  g_return_val_if_fail (FURROW_IS_SEASON_SETTLEMENT_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("choose a local file"));
      return FALSE;
    }
  if (STORE (self) == NULL || SEASON (self) == NULL)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("No season is shown"));
      return FALSE;
    }
  /* Not the project or its journal (furrow_store_check_output()). */
  if (!furrow_store_check_output (STORE (self), path, error))
    return FALSE;
  statement = furrow_surplus_statement_new_for_season (STORE (self), SEASON (self), error);
  if (statement == NULL || !furrow_surplus_statement_write (statement, path, error))
    return FALSE;

  name = g_file_get_parse_name (file);
  uri = g_file_get_uri (file);
  if (!furrow_surplus_statement_record_print (statement, STORE (self), path, &audit_error))
    message = g_strdup_printf (_("Exported, but not recorded in the audit log: %s"),
                               audit_error->message);
  else
    message = g_strdup_printf (_("Exported to %s"), name);
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, uri);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog            *chooser,
                     int                         response,
                     FurrowSeasonSettlementPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL
          && !furrow_season_settlement_page_export_surplus_statement (self, file, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot export: %s"), error->message);

          furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
        }
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
export_surplus_statement_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (SEASON (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Surplus Statement"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  furrow_export_folder_set_on (GTK_FILE_CHOOSER (chooser), GTK_WIDGET (self));
  /* Translators: a file name; %s is the season's name */
  name = g_strdup_printf (_("%s surplus statement.xlsx"), furrow_season_get_name (SEASON (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  _furrow_season_settlement_page_add_filter (GTK_FILE_CHOOSER (chooser),
                                             _("Excel workbooks (.xlsx)"), "*.xlsx");
  _furrow_season_settlement_page_add_filter (GTK_FILE_CHOOSER (chooser),
                                             _("PDF documents"), "*.pdf");
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
furrow_season_settlement_page_surplus_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "settlement.export-surplus-statement", NULL,
                                   export_surplus_statement_action);
}
