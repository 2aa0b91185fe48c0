/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-distribution.h"
#include "furrow-season-settlement-page.h"

G_BEGIN_DECLS

/* Shared by the files of FurrowSeasonSettlementPage: furrow-season-settlement-page.c (showing the
 * season, printing and exports) and furrow-season-settlement-page-settle.c (settling and
 * reopening) and furrow-season-settlement-page-payroll.c (the payroll). */
struct _FurrowSeasonSettlementPage
{
  FurrowSeasonPage parent_instance;

  /* template */
  GtkImage       *status_image;
  GtkLabel       *status_label;
  GtkLabel       *detail_label;
  GtkInscription *note_label;
  GtkWidget      *settle_button;
  GtkWidget      *reopen_button;
  GtkWidget      *output_button;
  GtkGrid        *totals_grid;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkWidget      *cancel_button;
  GtkLabel       *roster_label;
  GtkColumnView  *roster_view;
  GtkEntry       *notice_entry;
  GtkSpinButton  *notice_days;
  GtkLabel       *notice_end_label;
  GtkListBox     *objections_list;
  GtkEntry       *objection_household_entry;
  GtkEntry       *objection_text_entry;
  GtkEntry       *objection_received_entry;
  GtkBox         *page_box;
  GHashTable     *resolution_entries;   /* objection id (gint64 *) → its GtkEntry */

  GListStore     *roster;
  /* A settled season's payment status by household code (FurrowPayment), shown in the
   * roster's Payment column; NULL when not settled. */
  GHashTable          *payments;
  GtkColumnViewColumn *payment_column;

  /* The preview of an unsettled season: what settling would freeze. */
  gboolean                  can_settle;
  gboolean                  needs_reason;
  FurrowDistributionResult  preview;
  /* The rebuild waiting for the store's signals of one commit to be over (season-changed,
   * then settlement-changed): one update a change. */
  guint                     rebuild_source;

  /* The export running, if any. */
  GCancellable   *export_cancellable;
  gboolean        disposed;        /* an export may finish after the page is gone */
};

#define STORE(self)  furrow_season_page_get_store (FURROW_SEASON_PAGE (self))
#define SEASON(self) furrow_season_page_get_season (FURROW_SEASON_PAGE (self))

/* Installs the actions settlement.settle and settlement.reopen. */
void furrow_season_settlement_page_settle_class_init (GtkWidgetClass *widget_class);
/* Installs the actions settlement.print-payroll and settlement.export-payroll
 * (furrow-season-settlement-page-payroll.c). */
void furrow_season_settlement_page_payroll_class_init (GtkWidgetClass *widget_class);
/* Installs settlement.export-surplus-statement (furrow-season-settlement-page-surplus.c). */
void furrow_season_settlement_page_surplus_class_init (GtkWidgetClass *widget_class);

/* Bank files and returns (furrow-season-settlement-page-bank.c): the actions
 * settlement.export-bank-file and settlement.import-bank-return. */
void furrow_season_settlement_page_bank_class_init   (GtkWidgetClass *widget_class);
/* The Payment column of the roster (furrow-season-settlement-page-bank.c). */
void _furrow_season_settlement_page_add_payment_column (FurrowSeasonSettlementPage *self);

/* The public notice (furrow-season-settlement-page-notice.c): the actions
 * settlement.set-notice-date, settlement.add-objection and settlement.resolve-objection (an
 * objection's id), the entries' signals, and showing the season's notice and objections. */
void furrow_season_settlement_page_notice_class_init (GtkWidgetClass *widget_class);
void furrow_season_settlement_page_notice_init       (FurrowSeasonSettlementPage *self);
void _furrow_season_settlement_page_show_notice_date (FurrowSeasonSettlementPage *self);

/* The dialogs of the page (furrow-season-settlement-page-settle.c): presents one asking to
 * confirm `response` (a string literal; its button `label`) or cancel, with a `placeholder` an
 * entry for a reason without which `response` cannot be chosen; `response_cb` is connected
 * with the page as its data. Returns the dialog (owned by the window). dialog_reason: the
 * reason typed, trimmed (transfer full), or NULL when the dialog has no entry. */
GtkWidget *_furrow_season_settlement_page_present_dialog (FurrowSeasonSettlementPage *self,
                                                          const char                 *heading,
                                                          const char                 *body,
                                                          const char                 *response,
                                                          const char                 *label,
                                                          AdwResponseAppearance       appearance,
                                                          const char                 *placeholder,
                                                          GCallback                   response_cb);
char      *_furrow_season_settlement_page_dialog_reason  (AdwMessageDialog           *dialog);

/* Paying before the public notice ends (furrow-season-settlement-page-notice.c, docs/domain.md
 * §15): when `refusal` is the notice check's (FURROW_NOTICE_ERROR, not INVALID), presents "Pay
 * Anyway…" asking for a reason and returns TRUE; `pay` is then called with the page, the
 * reason (not empty) and `data` when the user pays anyway, and `data` freed with `free_data`
 * either way. FALSE (data freed) for any other error: the caller shows it. */
typedef void (*FurrowPayAnywayFunc) (FurrowSeasonSettlementPage *self,
                                     const char                 *reason,
                                     gpointer                    data);
gboolean _furrow_season_settlement_page_offer_pay_anyway (FurrowSeasonSettlementPage *self,
                                                          const GError               *refusal,
                                                          FurrowPayAnywayFunc         pay,
                                                          gpointer                    data,
                                                          GDestroyNotify              free_data);

/* Enables the actions for the season shown and the export running; emits "export-finished". */
void _furrow_season_settlement_page_update_actions   (FurrowSeasonSettlementPage *self);
void _furrow_season_settlement_page_export_finished  (FurrowSeasonSettlementPage *self,
                                                      gboolean                    ok);
/* What every export of the page (statements, roster, payroll) does around its writing thread.
 * export_running: TRUE, with a toast, when an export runs already (a second is not started).
 * begin_export: makes its cancellable and shows the progress bar at 0 with `text`.
 * export_progress: the writers' progress callback, called in the thread with the export's GTask:
 * shows `done` of `total` on the bar and emits ::export-progress, on the main thread, unless the
 * export was cancelled or another one started meanwhile.
 * end_export: on the main thread when the task is done: drops the cancellable and hides the bar;
 * FALSE when the page is gone (nothing more to show).
 * show_export_error: the toast of an export that wrote nothing: cancelled, or why not. */
gboolean _furrow_season_settlement_page_export_running (FurrowSeasonSettlementPage *self);
void     _furrow_season_settlement_page_begin_export   (FurrowSeasonSettlementPage *self,
                                                        const char                 *text);
void     _furrow_season_settlement_page_export_progress (gsize                      done,
                                                         gsize                      total,
                                                         gpointer                   task);
gboolean _furrow_season_settlement_page_end_export     (FurrowSeasonSettlementPage *self);
void     _furrow_season_settlement_page_show_export_error (FurrowSeasonSettlementPage *self,
                                                           const GError               *error);
/* Adds to an export's file chooser the filter `name` of the files matching `pattern`. */
void _furrow_season_settlement_page_add_filter       (GtkFileChooser             *chooser,
                                                      const char                 *name,
                                                      const char                 *pattern);

/* What an export or import does with the file chosen (a local or remote GFile). */
typedef void (*FurrowSettlementChosenFunc) (FurrowSeasonSettlementPage *self,
                                            GtkFileChooser             *chooser,
                                            GFile                      *file);
/* The page's file chooser, modal over its window: `title`; an export's ("_Export", starting in
 * the export folder, furrow-export-folder.h) or, for GTK_FILE_CHOOSER_ACTION_OPEN, an import's
 * ("_Import"); `file_name` proposed (or NULL); then its filters, pairs of a name and a pattern,
 * ending in NULL. The caller adds its choices and shows it with
 * _furrow_season_settlement_page_chooser_show(), which calls `chosen` on "Export"/"Import" with a
 * file and lets the chooser go in any case. */
GtkFileChooser *_furrow_season_settlement_page_chooser_new  (FurrowSeasonSettlementPage *self,
                                                             const char                 *title,
                                                             GtkFileChooserAction        action,
                                                             const char                 *file_name,
                                                             ...) G_GNUC_NULL_TERMINATED;
void            _furrow_season_settlement_page_chooser_show (FurrowSeasonSettlementPage *self,
                                                             GtkFileChooser             *chooser,
                                                             FurrowSettlementChosenFunc  chosen);

G_END_DECLS
