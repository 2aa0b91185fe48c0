/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fill Down in the season pages' tables (furrow-fill-down.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-fill-down.h"

FurrowFillKey
furrow_fill_down_key (guint           keyval,
                      GdkModifierType state,
                      guint           focus_row,
                      guint           n_rows,
                      guint          *end_row)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  guint end;

  g_return_val_if_fail (end_row != NULL, FURROW_FILL_KEY_NONE);

  if ((keyval == GDK_KEY_v || keyval == GDK_KEY_V) && mods == GDK_CONTROL_MASK)
    return FURROW_FILL_KEY_PASTE;
  if ((keyval == GDK_KEY_d || keyval == GDK_KEY_D) && mods == GDK_CONTROL_MASK)
    return FURROW_FILL_KEY_FILL;
  if (mods != GDK_SHIFT_MASK || focus_row == 0 ||
      (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_Up &&
       keyval != GDK_KEY_KP_Up))
    return FURROW_FILL_KEY_NONE;
  end = MAX (*end_row, focus_row);
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    end = MIN (end + 1, n_rows);
  else if (end > focus_row)
    end--;
  *end_row = end;
  return FURROW_FILL_KEY_SELECT;
}

gboolean
furrow_fill_down_rows (guint  focus_row,
                       guint  end_row,
                       guint *source_row,
                       guint *first_row,
                       guint *last_row)
{
  gboolean selected = end_row > focus_row;

  if (focus_row == 0 || (!selected && focus_row == 1))
    return FALSE;
  *source_row = selected ? focus_row : focus_row - 1;
  *first_row = *source_row + 1;
  *last_row = selected ? end_row : focus_row;
  return TRUE;
}

char *
furrow_fill_down_text (double value,
                       guint  digits,
                       guint  n_rows)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *format = g_strdup_printf ("%%.%uf", digits);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  /* As the entry shows it (kilograms to 0.1, yuan to the fen). */
  g_ascii_formatd (number, sizeof number, format, value);
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "%s\n", number);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
furrow_fill_down_retitle (AdwMessageDialog *dialog,
                          GArray           *refused)
{
  g_autofree char *heading = NULL;
  guint n = 0;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  for (guint i = 0; i < refused->len; i++)
    if (!g_array_index (refused, gboolean, i))
      n++;
  if (n == 0)
    return;
  heading = g_strdup_printf (ngettext ("Fill Down %u Row?", "Fill Down %u Rows?", n), n);
  adw_message_dialog_set_heading (dialog, heading);
}

/* The entries selected for Fill Down: the accent colour behind them; a table's cells with a
 * narrower padding. */
static void
add_style (void)
{
  static gboolean added;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (added || gdk_display_get_default () == NULL)
    return;
  added = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "spinbutton.fill-selected, entry.fill-selected { "
                                   "background-color: alpha(@accent_bg_color, 0.25); } "
                                   "entry.furrow-cell { padding-left: 4px; padding-right: 4px; }",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
furrow_fill_down_mark (GtkWidget *entry,
                       gboolean   selected)
{
  g_return_if_fail (GTK_IS_WIDGET (entry));

  add_style ();
  if (selected)
    gtk_widget_add_css_class (entry, "fill-selected");
  else
    gtk_widget_remove_css_class (entry, "fill-selected");
}

void
furrow_fill_down_cell (GtkWidget *entry)
{
  g_return_if_fail (GTK_IS_WIDGET (entry));

  add_style ();
  gtk_widget_add_css_class (entry, "furrow-cell");
}
