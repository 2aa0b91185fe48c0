/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonEconomicsPage: pasting rows of amounts from a spreadsheet into the rule lists
 * and Fill Down (docs/architecture.md, Pasting rows). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "furrow-fill-down.h"
#include "furrow-item-row.h"
#include "furrow-paste-preview.h"
#include "furrow-paste.h"
#include "furrow-season-economics-page-private.h"
#include "furrow-season-economics-page-testing.h"
#include "furrow-units.h"

static void
show_refusal (FurrowSeasonEconomicsPage *self,
              const char                *message)
{
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
}

/* Every row of the lists in the order shown: cost items, subsidies, other income, fees. */
static GPtrArray *
all_item_rows (FurrowSeasonEconomicsPage *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint kind = 0; kind < N_LISTS; kind++)
    for (guint i = 0; i < self->list_rows[kind]->len; i++)
      g_ptr_array_add (rows, g_ptr_array_index (self->list_rows[kind], i));
  return rows;
}

/* A row's key as the preview and a pasted block name it: "Maize seed" for a cost item (a cost
 * that replaces it on one field: "Maize seed T03"), the name for the others. */
static char *
item_key (FurrowSeasonEconomicsPage *self,
          FurrowItemRow             *row)
{
  const char *name = gtk_editable_get_text (furrow_item_row_get_name_entry (row));
  GtkDropDown *drop = furrow_item_row_get_choice (row);
  gint64 field_id = furrow_item_row_get_field_id (row);
  const char *crop;

  if (drop == NULL)
    return g_strdup (name);
  crop = gtk_drop_down_get_selected (drop) == FURROW_CROP_SOYBEAN ? _("Soybean") : _("Maize");
  if (field_id != 0)
    return g_strdup_printf ("%s %s %s", crop, name,
                            _furrow_season_economics_page_field_code (STORE (self), field_id));
  return g_strdup_printf ("%s %s", crop, name);
}

static void
paste_response_cb (AdwMessageDialog          *dialog,
                   const char                *response,
                   FurrowSeasonEconomicsPage *self)
{
  if (g_strcmp0 (response, "paste") != 0 || self->paste_rows->len == 0)
    return;
  /* The amounts into the rows, then one commit: one edit of the season's rules. */
  for (guint i = 0; i < self->paste_rows->len; i++)
    furrow_number_entry_set_fen (furrow_item_row_get_amount (g_ptr_array_index (self->paste_rows,
                                                                                 i)),
                                 (double) g_array_index (self->paste_fen, gint64, i));
  g_ptr_array_set_size (self->paste_rows, 0);
  g_array_set_size (self->paste_fen, 0);
  furrow_season_economics_page_commit (self);
}

static void
paste_text (FurrowSeasonEconomicsPage *self,
            const char                *text,
            guint                      start)
{
  g_autoptr(GPtrArray) rows = all_item_rows (self);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(FurrowPasteBlock) block = NULL;
  AdwMessageDialog *dialog;
  guint accepted = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      FurrowItemRow *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (codes, item_key (self, row));
      /* A cost of one field is named with its field only. */
      g_ptr_array_add (names, (gpointer) (furrow_item_row_get_field_id (row) == 0
                                          ? gtk_editable_get_text (
                                              furrow_item_row_get_name_entry (row))
                                          : NULL));
    }
  block = furrow_paste_read (text, (const char * const *) codes->pdata,
                             (const char * const *) names->pdata, rows->len, start, 1);
  if (block == NULL)
    {
      show_refusal (self, _("Nothing to paste: copy rows of numbers from a spreadsheet first."));
      return;
    }
  g_ptr_array_set_size (self->paste_rows, 0);
  g_array_set_size (self->paste_fen, 0);
  g_ptr_array_set_size (self->paste_preview, 0);
  g_array_set_size (self->paste_refused, 0);
  for (guint i = 0; i < block->rows->len; i++)
    {
      const FurrowPasteRow *row = &g_array_index (block->rows, FurrowPasteRow, i);
      g_autofree char *refusal = furrow_paste_row_describe_refusal (row, FURROW_PASTE_KEYS_ITEMS,
                                                                    1);
      gboolean is_refused = refusal != NULL;
      char *line;

      if (refusal != NULL)
        {
          /* Translators: a refused row of the paste preview: its row in the pasted block, what
           * it names, and why it is refused. */
          const char *key = row->key;

          /* A row without a key (a block of numbers, a Fill Down): the item it lands on. */
          if (key == NULL && row->target >= 0)
            key = g_ptr_array_index (codes, row->target);
          line = g_strdup_printf (_("Row %u, “%s”: %s"), row->line, key != NULL ? key : "",
                                  refusal);
        }
      else
        {
          FurrowItemRow *item = g_ptr_array_index (rows, row->target);
          gint64 before = furrow_number_entry_get_fen (furrow_item_row_get_amount (item));
          gint64 after = (gint64) round (row->values[0] * 100.0);
          g_autofree char *before_text = furrow_format_yuan (before);
          g_autofree char *after_text = furrow_format_yuan (after);

          /* Translators: a row of the paste preview: its row in the pasted block, the item,
           * the amount now and the amount pasted. */
          line = g_strdup_printf (_("Row %u, %s: %s → %s"), row->line,
                                  (const char *) g_ptr_array_index (codes, row->target),
                                  before_text, after_text);
          if (after != before)
            {
              g_ptr_array_add (self->paste_rows, g_object_ref (item));
              g_array_append_val (self->paste_fen, after);
            }
          accepted++;
        }
      g_ptr_array_add (self->paste_preview, line);
      g_array_append_val (self->paste_refused, is_refused);
    }
  if (self->paste_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->paste_dialog));
  dialog = furrow_paste_preview_new (GTK_WIDGET (self), self->paste_preview, self->paste_refused,
                                     accepted, self->paste_rows->len > 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (paste_response_cb), self, 0);
  self->paste_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->paste_dialog);
}

/* The list row whose amount has the focus, or NULL. */
static FurrowItemRow *
focused_item_row (FurrowSeasonEconomicsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *amount = focus != NULL ? gtk_widget_get_ancestor (focus, FURROW_TYPE_NUMBER_ENTRY)
                                     : NULL;
  GtkWidget *row = amount != NULL ? gtk_widget_get_ancestor (amount, FURROW_TYPE_ITEM_ROW) : NULL;

  if (row == NULL || GTK_WIDGET (furrow_item_row_get_amount (FURROW_ITEM_ROW (row))) != amount)
    return NULL;
  return FURROW_ITEM_ROW (row);
}

typedef struct
{
  FurrowSeasonEconomicsPage *self;
  FurrowItemRow             *focused;   /* weak */
} PasteRequest;

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  PasteRequest *request = data;
  g_autoptr(FurrowSeasonEconomicsPage) self = request->self;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  FurrowItemRow *focused = request->focused;
  guint start = 0;
  double value;

  g_clear_weak_pointer (&request->focused);
  g_free (request);
  if (text == NULL || furrow_paste_cell_is_empty (text))
    {
      show_refusal (self, _("Nothing to paste: copy rows of numbers from a spreadsheet first."));
      return;
    }
  /* One number into the amount that has the focus, as a spreadsheet pastes one cell. */
  if (focused != NULL && strpbrk (text, "\t\r\n") == NULL &&
      furrow_paste_parse_number (text, &value) && value >= 0)
    {
      furrow_number_entry_set_fen (furrow_item_row_get_amount (focused), round (value * 100.0));
      return;
    }
  if (focused != NULL)
    {
      g_autoptr(GPtrArray) rows = all_item_rows (self);

      g_ptr_array_find (rows, focused, &start);
    }
  paste_text (self, text, start);
}

static void
paste_rows_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FurrowSeasonEconomicsPage *self = FURROW_SEASON_ECONOMICS_PAGE (widget);
  PasteRequest *request;

  if (SEASON (self) == NULL || STORE (self) == NULL)
    return;
  if (furrow_season_is_read_only (SEASON (self)))
    {
      show_refusal (self, _("This season is settled: reopen it to change its rules."));
      return;
    }
  if (!furrow_season_page_may (FURROW_SEASON_PAGE (self), FURROW_PERMISSION_RULES))
    {
      show_refusal (self, _("The season’s money rules are the manager’s to change."));
      return;
    }
  /* What waits for the delayed commit is written first: the preview's old amounts are stored. */
  furrow_season_economics_page_commit (self);
  request = g_new0 (PasteRequest, 1);
  request->self = g_object_ref (self);
  g_set_weak_pointer (&request->focused, focused_item_row (self));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_text_cb,
                                 request);
}

/* The row of the list row ROW in the order a paste fills them, from 1; 0 when ROW is NULL or
 * gone. */
static guint
row_number (FurrowSeasonEconomicsPage *self,
            FurrowItemRow             *row)
{
  g_autoptr(GPtrArray) rows = all_item_rows (self);
  guint i;

  return row != NULL && g_ptr_array_find (rows, row, &i) ? i + 1 : 0;
}

/* Selects for Fill Down the amounts below the one focused last down to row END (0 or its own:
 * none), in the accent style. */
static void
show_fill_range (FurrowSeasonEconomicsPage *self,
                 guint                      end)
{
  g_autoptr(GPtrArray) rows = all_item_rows (self);
  guint from = row_number (self, self->fill_from);

  for (guint i = 0; i < rows->len; i++)
    furrow_fill_down_mark (GTK_WIDGET (furrow_item_row_get_amount (rows->pdata[i])),
                           from > 0 && i + 1 > from && i + 1 <= end);
  self->fill_end = from > 0 && end > from ? end : 0;
}

static void
amount_focused_cb (GtkEventControllerFocus   *focus,
                   FurrowSeasonEconomicsPage *self)
{
  GtkWidget *amount = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  GtkWidget *row = gtk_widget_get_ancestor (amount, FURROW_TYPE_ITEM_ROW);

  if (row == NULL || FURROW_ITEM_ROW (row) == self->fill_from)
    return;
  /* Another amount: the amounts selected for Fill Down were the last one's. */
  show_fill_range (self, 0);
  g_set_weak_pointer (&self->fill_from, FURROW_ITEM_ROW (row));
}

void
_furrow_season_economics_page_watch_amount (FurrowSeasonEconomicsPage *self,
                                            FurrowItemRow             *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (amount_focused_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (furrow_item_row_get_amount (row)), focus);
}

/* Fill Down (furrow-fill-down.h): the focused amount into the amounts selected below it with
 * Shift+Down, or, with none selected, the amount above into the focused one. */
static void
fill_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FurrowSeasonEconomicsPage *self = FURROW_SEASON_ECONOMICS_PAGE (widget);
  g_autoptr(GPtrArray) rows = all_item_rows (self);
  g_autofree char *text = NULL;
  guint source_row, first_row, last_row;

  if (SEASON (self) == NULL || STORE (self) == NULL)
    return;
  if (furrow_season_is_read_only (SEASON (self)))
    {
      show_refusal (self, _("This season is settled: reopen it to change its rules."));
      return;
    }
  if (!furrow_fill_down_rows (row_number (self, self->fill_from), self->fill_end, &source_row,
                              &first_row, &last_row))
    {
      show_refusal (self, _("Nothing to fill: select an amount, and with Shift+Down the amounts "
                            "below it."));
      return;
    }
  {
    FurrowNumberEntry *source = furrow_item_row_get_amount (rows->pdata[source_row - 1]);

    /* What is typed in it counts, as if it had been left; a refused value is not copied. */
    if (!furrow_number_entry_commit (source))
      {
        show_refusal (self, gtk_widget_get_tooltip_text (GTK_WIDGET (source)));
        return;
      }
    text = furrow_fill_down_text (furrow_number_entry_get_value (source),
                                  furrow_number_entry_get_digits (source),
                                  last_row - first_row + 1);
  }
  /* What waits for the delayed commit is written first: the preview's old amounts are stored. */
  furrow_season_economics_page_commit (self);
  paste_text (self, text, first_row - 1);
  if (self->paste_dialog != NULL)
    furrow_fill_down_retitle (self->paste_dialog, self->paste_refused);
  show_fill_range (self, 0);
}

/* On a list's amount Ctrl+V pastes rows (the amount's own Ctrl+V comes after the capture
 * phase), Ctrl+D fills down and Shift+Down selects the amounts below for it; elsewhere (a
 * name, the reason) the keys do what they do there. */
static gboolean
paste_key_cb (GtkEventControllerKey     *controller,
              guint                      keyval,
              guint                      keycode,
              GdkModifierType            state,
              FurrowSeasonEconomicsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  FurrowItemRow *focused = focused_item_row (self);
  guint end;

  if (focused == NULL)
    return FALSE;
  /* The selection is the focused amount's. */
  if (focused != self->fill_from)
    {
      show_fill_range (self, 0);
      g_set_weak_pointer (&self->fill_from, focused);
    }
  end = self->fill_end;
  rows = all_item_rows (self);
  switch (furrow_fill_down_key (keyval, state, row_number (self, focused), rows->len, &end))
    {
    case FURROW_FILL_KEY_PASTE:
      gtk_widget_activate_action (GTK_WIDGET (self), "economics.paste-rows", NULL);
      return TRUE;
    case FURROW_FILL_KEY_FILL:
      gtk_widget_activate_action (GTK_WIDGET (self), "economics.fill-down", NULL);
      return TRUE;
    case FURROW_FILL_KEY_SELECT:
      show_fill_range (self, end);
      return TRUE;
    case FURROW_FILL_KEY_NONE:
    default:
      return FALSE;
    }
}

AdwMessageDialog *
furrow_season_economics_page_get_paste_dialog (FurrowSeasonEconomicsPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_ECONOMICS_PAGE (self), NULL);

  return self->paste_dialog;
}

const char *
furrow_season_economics_page_get_paste_line (FurrowSeasonEconomicsPage *self,
                                             guint                      i)
{
  g_return_val_if_fail (FURROW_IS_SEASON_ECONOMICS_PAGE (self), NULL);

  return i < self->paste_preview->len ? g_ptr_array_index (self->paste_preview, i) : NULL;
}

void
furrow_season_economics_page_paste_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "economics.paste-rows", NULL, paste_rows_action);
  gtk_widget_class_install_action (widget_class, "economics.fill-down", NULL, fill_down_action);
}

void
furrow_season_economics_page_paste_init (FurrowSeasonEconomicsPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->paste_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->paste_fen = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->paste_preview = g_ptr_array_new_with_free_func (g_free);
  self->paste_refused = g_array_new (FALSE, TRUE, sizeof (gboolean));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (paste_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor_page), keys);
}

void
_furrow_season_economics_page_paste_dispose (FurrowSeasonEconomicsPage *self)
{
  if (self->paste_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->paste_dialog),
                                    (gpointer *) &self->paste_dialog);
      gtk_window_destroy (GTK_WINDOW (self->paste_dialog));
      self->paste_dialog = NULL;
    }
  if (self->paste_rows != NULL)
    g_ptr_array_set_size (self->paste_rows, 0);
  g_clear_weak_pointer (&self->fill_from);
}

void
_furrow_season_economics_page_paste_finalize (FurrowSeasonEconomicsPage *self)
{
  g_ptr_array_unref (self->paste_rows);
  g_array_unref (self->paste_fen);
  g_ptr_array_unref (self->paste_preview);
  g_array_unref (self->paste_refused);
}
