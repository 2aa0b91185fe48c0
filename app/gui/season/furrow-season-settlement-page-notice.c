/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonSettlementPage: the season's public-notice date (公示日期), set on the page and
 * printed on the statements (furrow_store_set_notice_date(); docs/domain.md §9). It may be set
 * on a settled season too: it is when the statements are posted and changes no amount. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-season-settlement-page-private.h"
#include "furrow-store-season.h"

/* The entry's text, trimmed (transfer full). */
static char *
entry_text (FurrowSeasonSettlementPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notice_entry))));
}

/* An entry that is neither empty nor a date shows the error style and cannot be set. */
static void
notice_changed_cb (FurrowSeasonSettlementPage *self)
{
  g_autofree char *text = entry_text (self);
  gboolean valid = *text == '\0' || furrow_season_notice_date_is_valid (text);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->notice_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->notice_entry), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settlement.set-notice-date",
                                 valid && STORE (self) != NULL && SEASON (self) != NULL);
}

static void
set_notice_date_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FurrowSeasonSettlementPage *self = FURROW_SEASON_SETTLEMENT_PAGE (widget);
  g_autofree char *text = entry_text (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (STORE (self) == NULL || SEASON (self) == NULL)
    return;
  if (!furrow_store_set_notice_date (STORE (self), SEASON (self), text, &error))
    /* Translators: %s is why */
    message = g_strdup_printf (_("Public-notice date not set: %s"), error->message);
  else if (*text != '\0')
    /* Translators: %s is a date, YYYY-MM-DD */
    message = g_strdup_printf (_("The statements will say they were posted on %s"), text);
  else
    message = g_strdup (_("Public-notice date cleared"));
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
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
  notice_changed_cb (self);
}

void
furrow_season_settlement_page_notice_init (FurrowSeasonSettlementPage *self)
{
  g_signal_connect_swapped (self->notice_entry, "changed", G_CALLBACK (notice_changed_cb), self);
  g_signal_connect_swapped (self->notice_entry, "activate", G_CALLBACK (notice_activate_cb), self);
}

void
furrow_season_settlement_page_notice_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "settlement.set-notice-date", NULL,
                                   set_notice_date_action);
}
