/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An editor's entry refreshed while the user types in it (docs/architecture.md, Several users at
 * once): a change of another user arrives live, and the page that shows the record is rebuilt.
 * What the user is typing is kept unless that change is to the very value being typed; then the
 * other user's value is shown and the caller says so, since applying the typed text over it
 * would overwrite their change unseen. */

#include "config.h"

#include "furrow-typed-entry.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define SHOWN_KEY "furrow-typed-entry-shown"

/* Sets `entry` from `stored`, the record's value now, for the record shown before
 * (`same_record`) or another one. */
FurrowTypedEntry
furrow_typed_entry_refresh (GtkEditable *entry,
                            const char  *stored,
                            gboolean     same_record)
{
  const char *shown = g_object_get_data (G_OBJECT (entry), SHOWN_KEY);
  const char *text = gtk_editable_get_text (entry);
  FurrowTypedEntry what = FURROW_TYPED_ENTRY_SHOWN;

  if (stored == NULL)
    stored = "";
  /* Typed text that differs both from what was shown and from what is stored now. */
  if (same_record && shown != NULL && g_strcmp0 (text, shown) != 0 &&
      g_strcmp0 (text, stored) != 0)
    {
      if (g_strcmp0 (shown, stored) == 0)
        return FURROW_TYPED_ENTRY_KEPT;
      what = FURROW_TYPED_ENTRY_REPLACED;
    }
  g_object_set_data_full (G_OBJECT (entry), SHOWN_KEY, g_strdup (stored), g_free);
  if (g_strcmp0 (text, stored) != 0)
    gtk_editable_set_text (entry, stored);
  return what;
}

/* A household's name and code entries refreshed from `household`; *shown_id: the household
 * they were last filled from. TRUE when another user's change replaced what was typed. */
gboolean
furrow_typed_entry_refresh_household (GtkEditable     *name,
                                      GtkEditable     *code,
                                      FurrowHousehold *household,
                                      gint64          *shown_id)
{
  gboolean same = *shown_id == furrow_household_get_id (household);
  FurrowTypedEntry name_shown, code_shown;

  *shown_id = furrow_household_get_id (household);
  name_shown = furrow_typed_entry_refresh (name, furrow_household_get_name (household), same);
  code_shown = furrow_typed_entry_refresh (code, furrow_household_get_code (household), same);
  return name_shown == FURROW_TYPED_ENTRY_REPLACED || code_shown == FURROW_TYPED_ENTRY_REPLACED;
}

/* What the user was typing as a household's name or code was replaced by another user's
 * change of it (above): said as the store says a refused change, with who and
 * when, since applying the typed text now would overwrite their change unseen. */
void
furrow_typed_entry_say_replaced (GtkWidget       *widget,
                                 FurrowStore     *store,
                                 FurrowHousehold *household)
{
  g_autofree char *who = furrow_store_dup_changed_by (store, G_OBJECT (household));
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: the household code, then who changed it and when ("clerk_a at 14:05 on
   * 7 December"). */
  message = g_strdup_printf (_("Household %s was changed by %s while you were typing: their "
                               "values are shown now, and what you typed was not saved"),
                             furrow_household_get_code (household),
                             who != NULL ? who : _("another user"));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Changed by Another User"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
