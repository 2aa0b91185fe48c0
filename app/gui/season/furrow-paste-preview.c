/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview of a pasted block of rows (furrow-paste-preview.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-paste-preview.h"

AdwMessageDialog *
furrow_paste_preview_new (GtkWidget *page,
                          GPtrArray *lines,
                          GArray    *refused,
                          guint      accepted,
                          gboolean   writes)
{
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_refused = 0;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *box;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (lines != NULL && refused != NULL && refused->len == lines->len, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (lines, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      if (g_array_index (refused, gboolean, i))
        {
          gtk_widget_add_css_class (label, "error");
          n_refused++;
        }
      gtk_box_append (GTK_BOX (box), label);
    }

  if (accepted > 0)
    heading = g_strdup_printf (ngettext ("Paste %u Row?", "Paste %u Rows?", accepted), accepted);
  else
    heading = g_strdup (_("Nothing to Paste"));
  g_string_append (body, _("What each row writes, stored value → pasted value. One undo "
                           "(Ctrl+Z) puts every value back."));
  if (n_refused > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("%u row is refused and will not be written.",
                                              "%u rows are refused and will not be written.",
                                              n_refused), n_refused);
    }

  root = gtk_widget_get_root (page);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body->str);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  if (accepted > 0 && writes)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "paste", _("_Paste"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "paste",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "paste");
    }
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Close"));
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
