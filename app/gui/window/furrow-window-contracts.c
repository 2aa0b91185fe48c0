/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowWindow's custody contracts (furrow-window-contracts.h, docs/domain.md §13): the
 * contracts are built from the window's store on the main thread (they read it) and printed
 * through GtkPrintOperation, whose dialog also saves them as a PDF. */

#include "config.h"

#include <glib/gi18n.h>

#include "furrow-contract.h"
#include "furrow-print-operation.h"
#include "furrow-store-season.h"
#include "furrow-window-contracts.h"
#include "furrow-window-private.h"

FurrowSeason *
furrow_window_contract_season (FurrowWindow *self)
{
  FurrowSeason *season;
  FurrowSeason *newest = NULL;
  GListModel *seasons;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  season = furrow_season_list_get_selected (self->season_list);
  if (season != NULL)
    return season;
  seasons = furrow_store_get_seasons (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(FurrowSeason) item = g_list_model_get_item (seasons, i);

      if (newest == NULL
          || furrow_season_get_crop_year (item) >= furrow_season_get_crop_year (newest))
        newest = item;
    }
  g_object_unref (seasons);
  /* The seasons model keeps the season alive. */
  return newest;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              FurrowContract    *contract)
{
  furrow_contract_draw_page (contract, gtk_print_context_get_cairo_context (context),
                             (guint) page_nr, gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context));
}

GtkPrintOperationResult
furrow_window_print_contracts (FurrowWindow             *self,
                               FurrowSeason             *season,
                               const char               *household_code,
                               GtkPrintOperationAction   action,
                               const char               *export_filename,
                               GError                  **error)
{
  FurrowContractOptions options = { .household_code = household_code };
  g_autoptr(FurrowContract) contract = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (FURROW_IS_WINDOW (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (FURROW_IS_SEASON (season), GTK_PRINT_OPERATION_RESULT_ERROR);

  if (self->store == NULL)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("No project is open"));
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  /* Not over the project or its journal (furrow_store_check_output()). */
  if (export_filename != NULL && !furrow_store_check_output (self->store, export_filename, error))
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  contract = furrow_contract_new_from_season (self->store, season, &options, error);
  if (contract == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  operation = furrow_print_operation_new (furrow_contract_get_title (contract),
                                          furrow_contract_get_n_pages (contract),
                                          FALSE, export_filename);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), contract);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      const char *printer = settings != NULL ? gtk_print_settings_get_printer (settings) : NULL;
      g_autoptr(GError) audit_error = NULL;

      if (!furrow_contract_record_print (contract, self->store,
                                         export_filename != NULL ? export_filename
                                         : printer != NULL ? printer : _("printer"),
                                         &audit_error))
        {
          g_autofree char *message = g_strdup_printf (_("The audit log could not record it: %s"),
                                                      audit_error->message);

          furrow_window_show_toast (self, message);
        }
    }
  return result;
}

static void
print (FurrowWindow *self,
       gboolean      one_household)
{
  FurrowSeason *season = furrow_window_contract_season (self);
  g_autoptr(GError) error = NULL;

  if (season == NULL)
    {
      furrow_window_show_toast (self, _("Make a season first: a contract is for a season"));
      return;
    }
  if (one_household && self->selected_household == NULL)
    return;
  if (furrow_window_print_contracts (self, season,
                                     one_household
                                     ? furrow_household_get_code (self->selected_household)
                                     : NULL,
                                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot print: %s"),
                                                  error != NULL ? error->message : "");

      furrow_window_show_toast (self, message);
    }
}

/* win.print-contract (the household shown) and win.print-contracts (every household). */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  print (FURROW_WINDOW (widget), g_str_equal (action_name, "win.print-contract"));
}

/* Enabled with a household shown, or a project open; without a season a toast says so. */
static void
update_actions (FurrowWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-contract",
                                 self->store != NULL && self->selected_household != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-contracts", self->store != NULL);
}

void
furrow_window_contracts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print-contract", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-contracts", NULL, print_action);
}

void
furrow_window_contracts_init (FurrowWindow *self)
{
  g_signal_connect_object (self, "notify::project-path", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::selected-household", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}
