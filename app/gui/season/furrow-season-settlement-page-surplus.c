/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowSeasonSettlementPage, the surplus statement (会农社02, docs/domain.md §17): "Export
 * Surplus Statement (会农社02)…" chooses a PDF or XLSX file and writes the settled season's
 * statement into it (one page: on the main thread), then a toast and an audit row. */

#include "config.h"

#include <glib/gi18n.h>

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
surplus_statement_chosen (FurrowSeasonSettlementPage *self,
                          GtkFileChooser             *chooser,
                          GFile                      *file)
{
  g_autoptr(GError) error = NULL;

  if (!furrow_season_settlement_page_export_surplus_statement (self, file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot export: %s"), error->message);

      furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
    }
}

static void
export_surplus_statement_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  if (SEASON (self) == NULL)
    return;
  /* Translators: a file name; %s is the season's name */
  name = g_strdup_printf (_("%s surplus statement.xlsx"), furrow_season_get_name (SEASON (self)));
  chooser = _furrow_season_settlement_page_chooser_new (self, _("Export Surplus Statement"),
                                                        GTK_FILE_CHOOSER_ACTION_SAVE, name,
                                                        _("Excel workbooks (.xlsx)"), "*.xlsx",
                                                        _("PDF documents"), "*.pdf", NULL);
  _furrow_season_settlement_page_chooser_show (self, chooser, surplus_statement_chosen);
}

void
furrow_season_settlement_page_surplus_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "settlement.export-surplus-statement", NULL,
                                   export_surplus_statement_action);
}
