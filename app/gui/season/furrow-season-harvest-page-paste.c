/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonHarvestPage, its second part: pasting rows of harvests from a spreadsheet and
 * Fill Down (docs/architecture.md, Pasting rows; issue 13, item 8). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "furrow-edit-season.h"
#include "furrow-fill-down.h"
#include "furrow-paste-preview.h"
#include "furrow-paste.h"
#include "furrow-season-harvest-page-private.h"
#include "furrow-season-harvest-page-testing.h"
#include "furrow-units.h"

/* ------------------------------------------------------------------------------------------ */
/* Pasting rows (docs/architecture.md, Pasting rows)                                          */

static char *
format_value (guint  value,
              double number)
{
  /* Columns 1 and 3 are yuan, 0 and 2 kilograms (value_columns). */
  if (value % 2 == 1)
    return furrow_format_yuan ((gint64) round (number * 100.0));
  return furrow_format_number (number, 1);
}

static const char *
value_title (guint value)
{
  switch (value_columns[value])
    {
    case FURROW_HARVEST_COLUMN_MAIZE_KG: return _("Maize harvested (kg)");
    case FURROW_HARVEST_COLUMN_MAIZE_REVENUE: return _("Maize revenue (yuan)");
    case FURROW_HARVEST_COLUMN_SOY_KG: return _("Soybean harvested (kg)");
    default: return _("Soybean revenue (yuan)");
    }
}

/* The stored harvest of a field and crop with its version, zeros when there is none: the paste
 * is refused when another user changes it while the preview is open. */
static FurrowSeasonHarvest
stored_harvest (GArray     *stored,
                gint64      field_id,
                FurrowCrop  crop)
{
  FurrowSeasonHarvest harvest = { field_id, crop, 0, 0, FALSE, FURROW_ROW_VERSION_NONE };

  for (guint i = 0; i < stored->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (stored, FurrowSeasonHarvest, i);

      if (h->field_id == field_id && h->crop == crop)
        harvest = *h;
    }
  return harvest;
}

static void
paste_response_cb (AdwMessageDialog        *dialog,
                   const char              *response,
                   FurrowSeasonHarvestPage *self)
{
  GError *error = NULL;
  FurrowEdit *edit;

  if (g_strcmp0 (response, "paste") != 0 || self->paste_harvests->len == 0 ||
      SEASON (self) == NULL || STORE (self) == NULL)
    return;
  edit = furrow_edit_season_harvests (STORE (self), SEASON (self),
                                      (FurrowSeasonHarvest *) self->paste_harvests->data,
                                      self->paste_harvests->len, &error);
  _furrow_season_harvest_page_push (self, edit, error);
  g_array_set_size (self->paste_harvests, 0);
}

/* The preview of `block` (what each row writes, old → new, or why it is refused) and the harvests
 * it would write, kept in self until the preview's answer. */
static guint
preview_block (FurrowSeasonHarvestPage *self,
               FurrowPasteBlock        *block,
               guint                    first_value,
               GArray                  *stored)
{
  guint accepted = 0;

  g_array_set_size (self->paste_harvests, 0);
  g_ptr_array_set_size (self->paste_preview, 0);
  g_array_set_size (self->paste_refused, 0);
  for (guint i = 0; i < block->rows->len; i++)
    {
      const FurrowPasteRow *row = &g_array_index (block->rows, FurrowPasteRow, i);
      g_autofree char *refusal = furrow_paste_row_describe_refusal (row, FURROW_PASTE_KEYS_FIELDS,
                                                                    N_VALUES - first_value);
      g_autoptr(GString) text = g_string_new (NULL);
      FurrowField *field = NULL;
      gboolean is_refused = refusal != NULL;

      if (row->target >= 0)
        field = furrow_store_get_field_by_id (STORE (self), g_array_index (self->field_ids,
                                                                           gint64,
                                                                           row->target));
      if (field != NULL)
        /* Translators: a row of the paste preview: the row of the pasted block, the field's
         * code and name. */
        g_string_printf (text, _("Row %u, %s %s:"), row->line, furrow_field_get_code (field),
                         furrow_field_get_name (field));
      else if (row->key != NULL)
        g_string_printf (text, _("Row %u, “%s”:"), row->line, row->key);
      else
        g_string_printf (text, _("Row %u:"), row->line);

      if (refusal != NULL)
        {
          g_string_append_printf (text, " %s", refusal);
        }
      else
        {
          gint64 field_id = g_array_index (self->field_ids, gint64, row->target);
          gboolean changed = FALSE;

          for (FurrowCrop crop = 0; crop < FURROW_N_CROPS; crop++)
            {
              FurrowSeasonHarvest before = stored_harvest (stored, field_id, crop);
              FurrowSeasonHarvest after = before;
              gboolean touched = FALSE;

              for (guint k = 0; k < 2; k++)
                {
                  guint value = crop * 2 + k;
                  guint cell = value - first_value;
                  g_autofree char *old_text = NULL;
                  g_autofree char *new_text = NULL;

                  if (value < first_value || cell >= FURROW_PASTE_MAX_VALUES ||
                      !row->has_value[cell])
                    continue;
                  if (k == 0)
                    after.yield_kg = row->values[cell];
                  else
                    after.revenue_fen = (gint64) round (row->values[cell] * 100.0);
                  touched = TRUE;
                  old_text = format_value (value, k == 0 ? before.yield_kg
                                                         : before.revenue_fen / 100.0);
                  new_text = format_value (value, k == 0 ? after.yield_kg
                                                         : after.revenue_fen / 100.0);
                  /* Translators: one value of the paste preview: the column, the value stored
                   * now and the value pasted. */
                  g_string_append_printf (text, _(" %s %s → %s;"), value_title (value), old_text,
                                          new_text);
                }
              if (touched && (after.yield_kg != before.yield_kg ||
                              after.revenue_fen != before.revenue_fen))
                {
                  g_array_append_val (self->paste_harvests, after);
                  changed = TRUE;
                }
            }
          if (text->len > 0 && text->str[text->len - 1] == ';')
            g_string_truncate (text, text->len - 1);
          if (!changed)
            g_string_append_printf (text, " %s", _("(as stored already)"));
          accepted++;
        }
      g_array_append_val (self->paste_refused, is_refused);
      g_ptr_array_add (self->paste_preview, g_string_free (g_steal_pointer (&text), FALSE));
    }
  return accepted;
}

/* Reads `text` as a block of rows for the harvest grid and asks, in a preview, whether to write
 * it (docs/architecture.md, Pasting rows). */
static void
paste_text (FurrowSeasonHarvestPage *self,
            const char              *text,
            guint                    at_row,
            guint                    at_value)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(FurrowPasteBlock) block = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  guint start = at_row > 0 ? at_row - 1 : 0;
  guint first_value = at_row > 0 ? at_value : 0;
  guint accepted;

  if (SEASON (self) == NULL || STORE (self) == NULL)
    return;
  if (furrow_season_is_read_only (SEASON (self)))
    {
      _furrow_season_harvest_page_show_refusal (self, _("This season is settled: reopen it to change its harvests."));
      return;
    }
  /* What waits for the delayed commit is written first: the preview's old values are stored. */
  furrow_season_page_cancel_commit (FURROW_SEASON_PAGE (self));
  _furrow_season_harvest_page_commit_delayed (FURROW_SEASON_PAGE (self));

  for (guint i = 0; i < self->field_ids->len; i++)
    {
      FurrowField *field = furrow_store_get_field_by_id (STORE (self),
                                                         g_array_index (self->field_ids, gint64,
                                                                        i));

      g_ptr_array_add (codes, (gpointer) (field != NULL ? furrow_field_get_code (field) : NULL));
      g_ptr_array_add (names, (gpointer) (field != NULL ? furrow_field_get_name (field) : NULL));
    }
  block = furrow_paste_read (text, (const char * const *) codes->pdata,
                             (const char * const *) names->pdata, codes->len, start,
                             N_VALUES - first_value);
  /* Field codes in the first column: the values fill the columns from the first one. */
  if (block != NULL && block->keyed && first_value > 0)
    {
      g_clear_pointer (&block, furrow_paste_block_free);
      first_value = 0;
      block = furrow_paste_read (text, (const char * const *) codes->pdata,
                                 (const char * const *) names->pdata, codes->len, start,
                                 N_VALUES);
    }
  if (block == NULL)
    {
      _furrow_season_harvest_page_show_refusal (self, _("Nothing to paste: copy rows of numbers from a spreadsheet first."));
      return;
    }
  stored = furrow_store_get_harvests (STORE (self), SEASON (self), &error);
  if (stored == NULL)
    {
      _furrow_season_harvest_page_show_refusal (self, error->message);
      return;
    }

  accepted = preview_block (self, block, first_value, stored);
  if (self->paste_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->paste_dialog));
  dialog = furrow_paste_preview_new (GTK_WIDGET (self), self->paste_preview, self->paste_refused,
                                     accepted, self->paste_harvests->len > 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (paste_response_cb), self, 0);
  self->paste_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->paste_dialog);
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(FurrowSeasonHarvestPage) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GtkWidget *focus = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  double value;

  if (text == NULL || furrow_paste_cell_is_empty (text))
    {
      _furrow_season_harvest_page_show_refusal (self, _("Nothing to paste: copy rows of numbers from a spreadsheet first."));
      return;
    }
  /* One number into the entry that has the focus, as a spreadsheet pastes one cell. */
  if (root != NULL)
    focus = gtk_root_get_focus (root);
  if (strpbrk (text, "\t\r\n") == NULL && focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->harvest_grid)) &&
      !furrow_season_is_read_only (SEASON (self)))
    {
      GtkWidget *entry = gtk_widget_get_ancestor (focus, FURROW_TYPE_NUMBER_ENTRY);

      if (entry != NULL && furrow_paste_parse_number (text, &value) && value >= 0)
        {
          furrow_number_entry_set_value (FURROW_NUMBER_ENTRY (entry), value);
          return;
        }
    }
  paste_text (self, text, self->focus_row, self->focus_value);
}

void
_furrow_season_harvest_page_paste_rows_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FurrowSeasonHarvestPage *self = FURROW_SEASON_HARVEST_PAGE (widget);

  if (SEASON (self) != NULL && furrow_season_is_read_only (SEASON (self)))
    {
      _furrow_season_harvest_page_show_refusal (self, _("This season is settled: reopen it to change its harvests."));
      return;
    }
  if (!furrow_season_page_may (FURROW_SEASON_PAGE (self), FURROW_PERMISSION_HARVESTS))
    {
      _furrow_season_harvest_page_show_refusal (self, _("Harvests are entered by a clerk or the "
                                                        "manager."));
      return;
    }
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_text_cb,
                                 g_object_ref (self));
}

/* Fill Down (furrow-fill-down.h): the focused entry's value into the cells selected below it
 * with Shift+Down, or, with none selected, the value of the entry above into the focused one. */
void
_furrow_season_harvest_page_fill_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FurrowSeasonHarvestPage *self = FURROW_SEASON_HARVEST_PAGE (widget);
  g_autofree char *text = NULL;
  guint source_row, first_row, last_row;

  if (SEASON (self) == NULL || STORE (self) == NULL)
    return;
  if (furrow_season_is_read_only (SEASON (self)))
    {
      _furrow_season_harvest_page_show_refusal (self, _("This season is settled: reopen it to change its harvests."));
      return;
    }
  if (!furrow_fill_down_rows (self->focus_row, self->fill_end_row, &source_row, &first_row,
                              &last_row))
    {
      _furrow_season_harvest_page_show_refusal (self, _("Nothing to fill: select a harvest entry, and with Shift+Down the "
                            "cells below it."));
      return;
    }
  {
    FurrowNumberEntry *source = _furrow_season_harvest_page_grid_entry (
      self, value_columns[self->focus_value], source_row);

    /* What is typed in it counts, as if it had been left; a refused value is not copied. */
    if (!furrow_number_entry_commit (source))
      {
        _furrow_season_harvest_page_show_refusal (self, gtk_widget_get_tooltip_text (
                                                          GTK_WIDGET (source)));
        return;
      }
    text = furrow_fill_down_text (furrow_number_entry_get_value (source),
                                  furrow_number_entry_get_digits (source),
                                  last_row - first_row + 1);
  }
  paste_text (self, text, first_row, self->focus_value);
  if (self->paste_dialog != NULL)
    furrow_fill_down_retitle (self->paste_dialog, self->paste_refused);
  _furrow_season_harvest_page_show_fill_range (self, 0);
}

/* Ctrl+V on the harvest grid pastes rows, not text into one entry (the entry's own Ctrl+V comes
 * after the capture phase). */
gboolean
_furrow_season_harvest_page_grid_key_cb (GtkEventControllerKey   *controller,
             guint                    keyval,
             guint                    keycode,
             GdkModifierType          state,
             FurrowSeasonHarvestPage *self)
{
  guint end = self->fill_end_row;

  /* Ctrl+D as in WPS and Excel: the window's Ctrl+D (Draw a Field) is off while a season is
   * shown. */
  switch (furrow_fill_down_key (keyval, state, self->focus_row, self->field_ids->len, &end))
    {
    case FURROW_FILL_KEY_PASTE:
      gtk_widget_activate_action (GTK_WIDGET (self), "harvest.paste-rows", NULL);
      return TRUE;
    case FURROW_FILL_KEY_FILL:
      gtk_widget_activate_action (GTK_WIDGET (self), "harvest.fill-down", NULL);
      return TRUE;
    case FURROW_FILL_KEY_SELECT:
      _furrow_season_harvest_page_show_fill_range (self, end);
      return TRUE;
    case FURROW_FILL_KEY_NONE:
    default:
      break;
    }
  return FALSE;
}

