/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonHarvestPage: harvests per field and actual costs, predicted against actual. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "furrow-economics.h"
#include "furrow-edit-season.h"
#include "furrow-fill-down.h"
#include "furrow-grid-title.h"
#include "furrow-item-row.h"
#include "furrow-number-entry.h"
#include "furrow-paste-preview.h"
#include "furrow-paste.h"
#include "furrow-season-harvest-page-private.h"
#include "furrow-season-harvest-page-testing.h"
#include "furrow-store-season.h"
#include "furrow-template.h"
#include "furrow-units.h"


G_DEFINE_FINAL_TYPE (FurrowSeasonHarvestPage, furrow_season_harvest_page, FURROW_TYPE_SEASON_PAGE)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowSeasonHarvestPage, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (locked_group), CHILD (harvest_grid), CHILD (compare_grid), CHILD (costs_group),
  CHILD (add_cost_button),
};
#undef CHILD


static void load (FurrowSeasonHarvestPage *self,
                  gboolean                 force);
static void furrow_season_harvest_page_commit_costs (FurrowSeasonHarvestPage *self);

static void
mark (gpointer widget,
      gboolean bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

void
_furrow_season_harvest_page_show_refusal (FurrowSeasonHarvestPage *self,
              const char              *message)
{
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
}

/* Selects for Fill Down the entries of the focused entry's column from its row down to
 * END_ROW (0 or the focused row: none below it), in the accent style. */
void
_furrow_season_harvest_page_show_fill_range (FurrowSeasonHarvestPage *self,
                 guint                    end_row)
{
  guint column = value_columns[self->focus_value];

  for (guint row = 1; row <= self->field_ids->len; row++)
    {
      GtkWidget *spin = gtk_grid_get_child_at (self->harvest_grid, (int) column, (int) row);

      if (spin == NULL)
        continue;
      furrow_fill_down_mark (spin, self->focus_row > 0 && row > self->focus_row &&
                                   row <= end_row);
    }
  self->fill_end_row = end_row > self->focus_row ? end_row : 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                    */

/* Does and records `edit` (furrow-edit-season.h); NULL: nothing to write, or `error` to show. */
gboolean
_furrow_season_harvest_page_push (FurrowSeasonHarvestPage *self,
      FurrowEdit              *edit,
      GError                  *error)
{
  g_autoptr(GError) refusal = error;
  gboolean ok;

  if (edit == NULL && error == NULL)
    return TRUE;
  ok = edit != NULL &&
       furrow_season_page_push_edit (FURROW_SEASON_PAGE (self), edit, &refusal);
  if (!ok)
    {
      /* Refused (settled, or the file): the page goes back to what is stored. Another user's
       * change first: the window says so (its conflict dialog), the page shows their values. */
      if (!g_error_matches (refusal, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT))
        _furrow_season_harvest_page_show_refusal (self, refusal->message);
      load (self, TRUE);
    }
  return ok;
}

FurrowNumberEntry *
_furrow_season_harvest_page_grid_entry (FurrowSeasonHarvestPage *self,
                                        guint                    column,
                                        guint                    row)
{
  return FURROW_NUMBER_ENTRY (gtk_grid_get_child_at (self->harvest_grid, (int) column, (int) row));
}

/* One row and crop as its two entries hold it, read before any of them is written. */
typedef struct
{
  guint      row;
  FurrowCrop crop;
  double     kg;
  gint64     fen;
  /* The record shown, with its version (FURROW_ROW_VERSION_NONE and zeros: none) */
  FurrowSeasonHarvest shown;
} HarvestValue;

/* Indexes shown_harvests by field and crop: a cell's edit finds the record it shows there. */
static void
index_shown_harvests (FurrowSeasonHarvestPage *self)
{
  g_clear_pointer (&self->shown_index, g_hash_table_unref);
  if (self->shown_harvests == NULL)
    return;
  self->shown_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < self->shown_harvests->len; i++)
    {
      FurrowSeasonHarvest *h = &g_array_index (self->shown_harvests, FurrowSeasonHarvest, i);
      gint64 *key = g_new (gint64, 1);

      *key = h->field_id * FURROW_N_CROPS + h->crop;
      g_hash_table_insert (self->shown_index, key, h);
    }
}

/* The record of `field_id` and `crop` the page shows (shown_harvests), or NULL: none. */
static const FurrowSeasonHarvest *
shown_harvest (FurrowSeasonHarvestPage *self,
               gint64                   field_id,
               FurrowCrop               crop)
{
  gint64 key = field_id * FURROW_N_CROPS + crop;

  return self->shown_index != NULL ? g_hash_table_lookup (self->shown_index, &key) : NULL;
}

/* Reads the harvest of one row and crop into VALUE; FALSE (the entries marked) when it cannot
 * be written. What is typed is refused there when no number or below zero
 * (furrow-number-entry.h). */
static gboolean
read_harvest (FurrowSeasonHarvestPage *self,
              guint                    row,
              FurrowCrop               crop,
              HarvestValue            *value)
{
  FurrowNumberEntry *kg_entry;
  FurrowNumberEntry *fen_entry;
  const FurrowSeasonHarvest *shown;

  if (self->loading || SEASON (self) == NULL || STORE (self) == NULL ||
      row == 0 || row > self->field_ids->len)
    return FALSE;
  kg_entry = _furrow_season_harvest_page_grid_entry (
    self, crop == FURROW_CROP_MAIZE ? FURROW_HARVEST_COLUMN_MAIZE_KG : FURROW_HARVEST_COLUMN_SOY_KG,
    row);
  fen_entry = _furrow_season_harvest_page_grid_entry (
    self, crop == FURROW_CROP_MAIZE ? FURROW_HARVEST_COLUMN_MAIZE_REVENUE
                                    : FURROW_HARVEST_COLUMN_SOY_REVENUE, row);
  value->row = row;
  value->crop = crop;
  value->shown = (FurrowSeasonHarvest) { g_array_index (self->field_ids, gint64, row - 1), crop,
                                         0, 0, FALSE, FURROW_ROW_VERSION_NONE };
  shown = shown_harvest (self, value->shown.field_id, crop);
  if (shown != NULL)
    value->shown = *shown;
  value->kg = furrow_number_entry_get_value (kg_entry);
  value->fen = (gint64) round (furrow_number_entry_get_value (fen_entry) * 100.0);
  /* Only a value set from outside (a paste into the entry is read as typed) can be below zero. */
  mark (kg_entry, value->kg < 0);
  mark (fen_entry, value->fen < 0);
  return value->kg >= 0 && value->fen >= 0;
}

/* Writes one harvest read by read_harvest(). */
static void
commit_harvest (FurrowSeasonHarvestPage *self,
                const HarvestValue      *value)
{
  GError *error = NULL;
  FurrowEdit *edit;

  if (SEASON (self) == NULL || STORE (self) == NULL || value->row > self->field_ids->len)
    return;
  edit = furrow_edit_season_harvest (STORE (self), SEASON (self),
                                     g_array_index (self->field_ids, gint64, value->row - 1),
                                     value->crop, value->kg, value->fen, &value->shown,
                                     &error);
  _furrow_season_harvest_page_push (self, edit, error);
}

/* Writes the harvests changed since the last write. Every value is read first: writing one
 * reloads the grid from the store, which would put back what is stored in the rows and crops
 * not yet written (a maize and a soybean harvest typed within one pause lost the soybean). */
static void
furrow_season_harvest_page_flush (FurrowSeasonHarvestPage *self)
{
  g_autofree gpointer *keys = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (HarvestValue));
  guint n = 0;

  g_return_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self));

  keys = g_hash_table_get_keys_as_array (self->pending, &n);
  g_hash_table_remove_all (self->pending);
  for (guint i = 0; i < n; i++)
    {
      guint key = GPOINTER_TO_UINT (keys[i]);
      HarvestValue value;

      if (read_harvest (self, key / FURROW_N_CROPS, key % FURROW_N_CROPS, &value))
        g_array_append_val (values, value);
    }
  for (guint i = 0; i < values->len; i++)
    commit_harvest (self, &g_array_index (values, HarvestValue, i));
}

/* An entry's value, committed (Enter, Tab, a paste into it): written with the delayed commit. */
static void
harvest_changed_cb (FurrowNumberEntry       *entry,
                    FurrowSeasonHarvestPage *self)
{
  int column = 0;
  int row = 0;
  FurrowCrop crop;

  if (self->loading)
    return;
  /* The grid row is the field's; the column says the crop. */
  gtk_grid_query_child (self->harvest_grid, GTK_WIDGET (entry), &column, &row, NULL, NULL);
  crop = column == FURROW_HARVEST_COLUMN_SOY_KG || column == FURROW_HARVEST_COLUMN_SOY_REVENUE
         ? FURROW_CROP_SOYBEAN : FURROW_CROP_MAIZE;
  g_hash_table_add (self->pending, GUINT_TO_POINTER ((guint) row * FURROW_N_CROPS + crop));
  furrow_season_page_schedule_commit (FURROW_SEASON_PAGE (self));
}

/* The actual costs as the rows show them; FALSE (rows marked) when one is not valid. */
static gboolean
collect_costs (FurrowSeasonHarvestPage *self,
               GArray                  *out)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->cost_rows->len; i++)
    {
      FurrowItemRow *row = g_ptr_array_index (self->cost_rows, i);
      g_autofree char *name = furrow_item_row_dup_name (row);
      FurrowSeasonActualCost cost = { 0 };
      gboolean bad;

      cost.field_id = furrow_item_row_get_field_id (row);
      g_strlcpy (cost.item, name, sizeof cost.item);
      cost.fen = furrow_number_entry_get_fen (furrow_item_row_get_amount (row));
      bad = *name == '\0' || strlen (name) >= FURROW_SEASON_TEXT_MAX || cost.fen < 0 ||
            furrow_actual_costs_find (out, &cost) != NULL;
      mark (row, bad);
      if (bad)
        ok = FALSE;
      else
        g_array_append_val (out, cost);
    }
  return ok;
}

static void
furrow_season_harvest_page_commit_costs (FurrowSeasonHarvestPage *self)
{
  g_autoptr(GArray) after = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonActualCost));
  GError *error = NULL;
  FurrowEdit *edit;

  g_return_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self));

  self->costs_changed = FALSE;
  if (self->loading || SEASON (self) == NULL || STORE (self) == NULL)
    return;
  if (!collect_costs (self, after))
    return;
  edit = furrow_edit_season_actual_costs (STORE (self), SEASON (self), self->shown_costs, after,
                                          &error);
  _furrow_season_harvest_page_push (self, edit, error);
}

static void
commit_costs_cb (FurrowSeasonHarvestPage *self)
{
  furrow_season_harvest_page_commit_costs (self);
}

static void
schedule_costs_commit (FurrowSeasonHarvestPage *self)
{
  if (self->loading)
    return;
  self->costs_changed = TRUE;
  furrow_season_page_schedule_commit (FURROW_SEASON_PAGE (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Actual cost rows                                                                           */

static void
remove_cost_cb (FurrowItemRow           *row,
                FurrowSeasonHarvestPage *self)
{
  g_ptr_array_remove (self->cost_rows, row);
  adw_preferences_group_remove (self->costs_group, GTK_WIDGET (row));
  furrow_season_harvest_page_commit_costs (self);
}

/* A row of the actual costs: name [whole season | field] … amount [remove]. */
static void
add_cost_row (FurrowSeasonHarvestPage *self,
              const char              *item,
              gint64                   field_id,
              gint64                   fen)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GListModel) fields = furrow_store_get_fields (STORE (self));
  GtkDropDown *drop;
  FurrowNumberEntry *amount;
  FurrowItemRow *row;
  gint64 season_wide = 0;
  guint selected = 0;

  gtk_string_list_append (names, _("Whole season"));
  g_array_append_val (ids, season_wide);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);

      /* Translators: an actual cost of one field; %s is its code. */
      g_autofree char *label = g_strdup_printf (_("Field %s"), furrow_field_get_code (field));

      gtk_string_list_append (names, label);
      g_array_append_val (ids, id);
      if (id == field_id)
        selected = ids->len - 1;
    }
  drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_selected (drop, selected);

  amount = FURROW_NUMBER_ENTRY (furrow_number_entry_new (2));
  gtk_editable_set_width_chars (GTK_EDITABLE (amount), 12);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (amount), 12);
  furrow_number_entry_set_fen (amount, fen);

  row = furrow_item_row_new (item, 14, amount, drop, TRUE, NULL);
  furrow_item_row_set_choice_ids (row, ids);
  g_signal_connect_swapped (row, "item-changed", G_CALLBACK (commit_costs_cb), self);
  g_signal_connect_swapped (row, "amount-changed", G_CALLBACK (schedule_costs_commit), self);
  g_signal_connect (row, "remove-clicked", G_CALLBACK (remove_cost_cb), self);
  adw_preferences_group_add (self->costs_group, GTK_WIDGET (row));
  g_ptr_array_add (self->cost_rows, row);
}

static void
add_cost_cb (FurrowSeasonHarvestPage *self)
{
  for (guint n = self->cost_rows->len + 1; STORE (self) != NULL; n++)
    {
      /* Translators: the name of a new actual cost; %u is a number. */
      g_autofree char *name = g_strdup_printf (_("Actual cost %u"), n);
      gboolean used = FALSE;

      for (guint i = 0; i < self->cost_rows->len && !used; i++)
        {
          GtkEditable *entry = furrow_item_row_get_name_entry (g_ptr_array_index (self->cost_rows,
                                                                                  i));

          used = g_strcmp0 (gtk_editable_get_text (entry), name) == 0;
        }
      if (!used)
        {
          add_cost_row (self, name, 0, 0);
          break;
        }
    }
  furrow_season_harvest_page_commit_costs (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                    */

static GtkWidget *
grid_label (GtkGrid *grid,
            guint    column,
            guint    row)
{
  GtkWidget *label = gtk_grid_get_child_at (grid, (int) column, (int) row);

  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
      if (column > 0)
        gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (grid, label, (int) column, (int) row, 1, 1);
    }
  return label;
}

/* Remembers where a pasted block without field codes starts: the entry focused last (the
 * "Paste Rows…" button takes the focus from it). */
static void
entry_focused_cb (GtkEventControllerFocus *focus,
                  FurrowSeasonHarvestPage *self)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  int column = 0;
  int row = 0;

  gtk_grid_query_child (self->harvest_grid, spin, &column, &row, NULL, NULL);
  for (guint v = 0; v < N_VALUES; v++)
    if (value_columns[v] == (guint) column &&
        (self->focus_row != (guint) row || self->focus_value != v))
      {
        /* Another entry: the cells selected for Fill Down were the last one's. */
        _furrow_season_harvest_page_show_fill_range (self, 0);
        self->focus_row = (guint) row;
        self->focus_value = v;
      }
}

static FurrowNumberEntry *
grid_entry (FurrowSeasonHarvestPage *self,
            guint                    column,
            guint                    row)
{
  GtkWidget *entry = gtk_grid_get_child_at (self->harvest_grid, (int) column, (int) row);
  GtkEventController *focus;

  if (entry == NULL)
    {
      gboolean money = column == FURROW_HARVEST_COLUMN_MAIZE_REVENUE ||
                       column == FURROW_HARVEST_COLUMN_SOY_REVENUE;

      /* Kilograms to 0.1, yuan to the fen; as wide as fit_entry_columns() makes them. */
      entry = furrow_number_entry_new (money ? 2 : 1);
      furrow_fill_down_cell (entry);
      g_signal_connect (entry, "value-changed", G_CALLBACK (harvest_changed_cb), self);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "enter", G_CALLBACK (entry_focused_cb), self);
      gtk_widget_add_controller (entry, focus);
      gtk_grid_attach (self->harvest_grid, entry, (int) column, (int) row, 1, 1);
    }
  return FURROW_NUMBER_ENTRY (entry);
}

static void
set_label (GtkGrid    *grid,
           guint       column,
           guint       row,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (grid_label (grid, column, row)), text);
}

static void
set_kg (GtkGrid *grid,
        guint    column,
        guint    row,
        double   kg)
{
  g_autofree char *text = furrow_format_number (kg, 0);

  set_label (grid, column, row, text);
}

/* The field's code in the grid's first column: it gives way first, cut with an ellipsis and
 * whole in its tooltip, where a long code would widen the grid past the page. */
static void
set_field_code (GtkGrid    *grid,
                guint       row,
                const char *code)
{
  GtkWidget *label = grid_label (grid, FURROW_HARVEST_COLUMN_FIELD, row);

  gtk_label_set_text (GTK_LABEL (label), code);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_widget_set_tooltip_text (label, code);
}

/* Each value column as wide as its widest value, and at least as wide as the largest a field
 * of about 140 mu gives (99,999.9 kg of maize at 700 kg/mu, ¥280,000.00 at ¥2,000/mu: the
 * demo's largest field, 90 mu, gives 63,560.0 kg and ¥181,600.00): the grid fits beside the
 * sidebar at 1024 px without scrolling sideways (issue 13; 13 and 11 characters, for ten
 * million, pushed 大豆实收 past the window's edge), and a larger value widens its column instead
 * of losing a digit. */
static void
fit_entry_columns (FurrowSeasonHarvestPage *self)
{
  for (guint v = 0; v < N_VALUES; v++)
    {
      guint column = value_columns[v];
      gboolean money = column == FURROW_HARVEST_COLUMN_MAIZE_REVENUE ||
                       column == FURROW_HARVEST_COLUMN_SOY_REVENUE;
      int chars = money ? strlen ("999,999.99") : strlen ("99,999.9");

      for (guint row = 1; row <= self->field_ids->len; row++)
        {
          GtkWidget *entry = gtk_grid_get_child_at (self->harvest_grid, (int) column, (int) row);

          if (entry != NULL)
            chars = MAX (chars, (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)),
                                                     -1));
        }
      for (guint row = 1; row <= self->field_ids->len; row++)
        {
          GtkWidget *entry = gtk_grid_get_child_at (self->harvest_grid, (int) column, (int) row);

          if (entry == NULL)
            continue;
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), chars);
        }
    }
}

static void
empty_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
clear_grid (FurrowSeasonHarvestPage *self)
{
  empty_grid (self->harvest_grid);
  empty_grid (self->compare_grid);
  g_array_set_size (self->field_ids, 0);
}

static void
set_headers (GtkGrid     *grid,
             const char **headers,
             guint        n)
{
  for (guint c = 0; c < n; c++)
    furrow_grid_title_set (grid, (int) c, headers[c], "heading");
}

/* The entry grid's titles in lines of 4 to 8 character widths, over columns as narrow as
 * their figures: two lines in Chinese (玉米实收 over （公斤）), a word a line in English; at 8 to
 * 10 (furrow-grid-title.h) each column was at least 80 px wide in Chinese, and the grid 688 px
 * in a view of 617 at 1024 px (issue 13). */
static void
narrow_entry_titles (GtkGrid *grid)
{
  for (guint c = 0; c < FURROW_HARVEST_N_COLUMNS; c++)
    {
      GtkLabel *title = GTK_LABEL (gtk_grid_get_child_at (grid, (int) c, 0));

      gtk_label_set_width_chars (title, 4);
      gtk_label_set_max_width_chars (title, 8);
    }
}

/* Predicted and actual in two lines a field, the predicted over the actual, in six columns:
 * nine side by side were wider than the page at 1024 px, the amounts reached only by scrolling
 * (issue 13, item 4). Where each FURROW_COMPARE_COLUMN_* is: its grid column and its line. */
enum
{
  COMPARE_GRID_FIELD,
  COMPARE_GRID_KIND,
  COMPARE_GRID_MAIZE_KG,
  COMPARE_GRID_SOY_KG,
  COMPARE_GRID_REVENUE,
  COMPARE_GRID_NET,
  COMPARE_GRID_N_COLUMNS
};

static const struct
{
  guint column;
  guint line;   /* 0 predicted, 1 actual */
} compare_cells[FURROW_COMPARE_N_COLUMNS] = {
  [FURROW_COMPARE_COLUMN_FIELD] = { COMPARE_GRID_FIELD, 0 },
  [FURROW_COMPARE_COLUMN_MAIZE_PREDICTED_KG] = { COMPARE_GRID_MAIZE_KG, 0 },
  [FURROW_COMPARE_COLUMN_MAIZE_ACTUAL_KG] = { COMPARE_GRID_MAIZE_KG, 1 },
  [FURROW_COMPARE_COLUMN_SOY_PREDICTED_KG] = { COMPARE_GRID_SOY_KG, 0 },
  [FURROW_COMPARE_COLUMN_SOY_ACTUAL_KG] = { COMPARE_GRID_SOY_KG, 1 },
  [FURROW_COMPARE_COLUMN_PREDICTED_REVENUE] = { COMPARE_GRID_REVENUE, 0 },
  [FURROW_COMPARE_COLUMN_ACTUAL_REVENUE] = { COMPARE_GRID_REVENUE, 1 },
  [FURROW_COMPARE_COLUMN_PREDICTED_NET] = { COMPARE_GRID_NET, 0 },
  [FURROW_COMPARE_COLUMN_ACTUAL_NET] = { COMPARE_GRID_NET, 1 },
};

/* The grid row of COLUMN's line of the field at INDEX (the totals after the last field). */
static guint
compare_row (guint index,
             guint column)
{
  return 1 + 2 * index + compare_cells[column].line;
}

static void
set_compare (GtkGrid    *grid,
             guint       index,
             guint       column,
             const char *text)
{
  set_label (grid, compare_cells[column].column, compare_row (index, column), text);
}

static void
set_compare_row (FurrowSeasonHarvestPage      *self,
                 guint                         index,
                 const char                   *code,
                 const FurrowEconomicsFigures *predicted,
                 const FurrowEconomicsFigures *actual,
                 gboolean                      harvested)
{
  GtkGrid *grid = self->compare_grid;
  struct { guint column; gboolean money; double value; } cells[] = {
    { FURROW_COMPARE_COLUMN_MAIZE_PREDICTED_KG, FALSE, predicted->yield_kg[FURROW_CROP_MAIZE] },
    { FURROW_COMPARE_COLUMN_SOY_PREDICTED_KG, FALSE, predicted->yield_kg[FURROW_CROP_SOYBEAN] },
    { FURROW_COMPARE_COLUMN_PREDICTED_REVENUE, TRUE, predicted->revenue_total_fen },
    { FURROW_COMPARE_COLUMN_PREDICTED_NET, TRUE, predicted->net_fen },
    { FURROW_COMPARE_COLUMN_MAIZE_ACTUAL_KG, FALSE, actual->yield_kg[FURROW_CROP_MAIZE] },
    { FURROW_COMPARE_COLUMN_SOY_ACTUAL_KG, FALSE, actual->yield_kg[FURROW_CROP_SOYBEAN] },
    { FURROW_COMPARE_COLUMN_ACTUAL_REVENUE, TRUE, actual->revenue_total_fen },
    { FURROW_COMPARE_COLUMN_ACTUAL_NET, TRUE, actual->net_fen },
  };

  set_compare (grid, index, FURROW_COMPARE_COLUMN_FIELD, code);
  for (guint line = 0; line < 2; line++)
    {
      GtkWidget *kind = grid_label (grid, COMPARE_GRID_KIND, 1 + 2 * index + line);

      gtk_label_set_text (GTK_LABEL (kind), line == 0 ? _("Predicted") : _("Actual"));
      gtk_label_set_xalign (GTK_LABEL (kind), 0.0f);
      gtk_widget_remove_css_class (kind, "numeric");
      gtk_widget_add_css_class (kind, "dim-label");
    }
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *text = NULL;

      /* Not harvested yet: no actual figures to show. */
      if (!harvested && compare_cells[cells[i].column].line == 1)
        text = g_strdup ("—");
      else if (cells[i].money)
        text = furrow_format_yuan ((gint64) cells[i].value);
      else
        text = furrow_format_number (cells[i].value, 0);
      set_compare (grid, index, cells[i].column, text);
    }
}

static void
load_grid (FurrowSeasonHarvestPage *self)
{
  g_autoptr(GArray) fields = NULL;
  g_autofree FurrowEconomicsComparison *per_field = NULL;
  g_autoptr(GError) error = NULL;
  FurrowEconomicsComparison total;
  gint64 season_cost = 0;
  gboolean same_fields;
  guint totals_row;
  const char *entry_headers[FURROW_HARVEST_N_COLUMNS] = {
    _("Field"), _("Maize predicted (kg)"), _("Maize harvested (kg)"), _("Maize revenue (yuan)"),
    _("Soybean predicted (kg)"), _("Soybean harvested (kg)"), _("Soybean revenue (yuan)"),
  };
  const char *compare_headers[COMPARE_GRID_N_COLUMNS] = {
    _("Field"), "", _("Maize (kg)"), _("Soybean (kg)"), _("Revenue"), _("Net"),
  };

  fields = furrow_store_get_season_fields (STORE (self), SEASON (self), &season_cost, &error);
  if (fields == NULL)
    {
      clear_grid (self);
      _furrow_season_harvest_page_show_refusal (self, error->message);
      return;
    }
  per_field = g_new0 (FurrowEconomicsComparison, fields->len + 1);
  furrow_economics_season ((const FurrowEconomicsField *) fields->data, fields->len,
                           furrow_season_other_income_fen (SEASON (self)), season_cost, per_field,
                           &total);

  same_fields = fields->len == self->field_ids->len;
  for (guint i = 0; same_fields && i < fields->len; i++)
    same_fields = g_array_index (self->field_ids, gint64, i) ==
                  g_array_index (fields, FurrowEconomicsField, i).field_id;
  if (!same_fields)
    {
      clear_grid (self);
      set_headers (self->harvest_grid, entry_headers, FURROW_HARVEST_N_COLUMNS);
      narrow_entry_titles (self->harvest_grid);
      set_headers (self->compare_grid, compare_headers, COMPARE_GRID_N_COLUMNS);
      for (guint i = 0; i < fields->len; i++)
        g_array_append_val (self->field_ids,
                            g_array_index (fields, FurrowEconomicsField, i).field_id);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const FurrowEconomicsField *f = &g_array_index (fields, FurrowEconomicsField, i);
      guint row = i + 1;
      struct { guint column; double value; } entries[] = {
        { FURROW_HARVEST_COLUMN_MAIZE_KG, f->actual_yield_kg[FURROW_CROP_MAIZE] },
        { FURROW_HARVEST_COLUMN_MAIZE_REVENUE, f->actual_revenue_fen[FURROW_CROP_MAIZE] / 100.0 },
        { FURROW_HARVEST_COLUMN_SOY_KG, f->actual_yield_kg[FURROW_CROP_SOYBEAN] },
        { FURROW_HARVEST_COLUMN_SOY_REVENUE, f->actual_revenue_fen[FURROW_CROP_SOYBEAN] / 100.0 },
      };

      set_field_code (self->harvest_grid, row, f->code);
      set_kg (self->harvest_grid, FURROW_HARVEST_COLUMN_MAIZE_PREDICTED_KG, row,
              per_field[i].predicted.yield_kg[FURROW_CROP_MAIZE]);
      set_kg (self->harvest_grid, FURROW_HARVEST_COLUMN_SOY_PREDICTED_KG, row,
              per_field[i].predicted.yield_kg[FURROW_CROP_SOYBEAN]);
      for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
        {
          furrow_number_entry_set_value (grid_entry (self, entries[e].column, row),
                                         entries[e].value);
        }
      set_compare_row (self, i, f->code, &per_field[i].predicted, &per_field[i].actual,
                       f->harvested);
    }
  fit_entry_columns (self);

  /* Totals: the season's, with its other income and its costs not tied to a field. */
  totals_row = 1 + 2 * fields->len;
  set_compare_row (self, fields->len, _("Total"), &total.predicted, &total.actual, TRUE);
  for (guint c = 0; c < COMPARE_GRID_N_COLUMNS; c++)
    for (guint line = 0; line < 2; line++)
      gtk_widget_add_css_class (grid_label (self->compare_grid, c, totals_row + line), "heading");
}

static void
load_costs (FurrowSeasonHarvestPage *self,
            gboolean                 force)
{
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonActualCost));
  g_autoptr(GError) error = NULL;

  stored = furrow_store_get_actual_costs (STORE (self), SEASON (self), &error);
  if (stored == NULL)
    return;
  g_clear_pointer (&self->shown_costs, g_array_unref);
  self->shown_costs = g_array_ref (stored);
  /* Rows that already show what is stored stay (and keep the focus). */
  if (!force && collect_costs (self, shown) && furrow_actual_costs_equal (shown, stored))
    return;
  for (guint i = 0; i < self->cost_rows->len; i++)
    adw_preferences_group_remove (self->costs_group, g_ptr_array_index (self->cost_rows, i));
  g_ptr_array_set_size (self->cost_rows, 0);
  for (guint i = 0; i < stored->len; i++)
    {
      const FurrowSeasonActualCost *c = &g_array_index (stored, FurrowSeasonActualCost, i);

      add_cost_row (self, c->item, c->field_id, c->fen);
    }
}

static void
load (FurrowSeasonHarvestPage *self,
      gboolean                 force)
{
  gboolean locked;

  if (STORE (self) == NULL || SEASON (self) == NULL)
    {
      clear_grid (self);
      self->loaded_id = 0;
      return;
    }
  locked = furrow_season_is_read_only (SEASON (self));
  self->loading = TRUE;
  if (self->loaded_id != furrow_season_get_id (SEASON (self)))
    force = TRUE;
  g_clear_pointer (&self->shown_harvests, g_array_unref);
  self->shown_harvests = furrow_store_get_harvests (STORE (self), SEASON (self), NULL);
  index_shown_harvests (self);
  load_grid (self);
  load_costs (self, force);
  gtk_widget_set_visible (GTK_WIDGET (self->locked_group), locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->harvest_grid),
                            !locked && furrow_season_page_may (FURROW_SEASON_PAGE (self),
                                                               FURROW_PERMISSION_HARVESTS));
  /* The season's costs are its money rules: a manager's (furrow-store-roles.h). */
  locked = locked || !furrow_season_page_may (FURROW_SEASON_PAGE (self), FURROW_PERMISSION_RULES);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_cost_button), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->costs_group), !locked);
  self->loaded_id = furrow_season_get_id (SEASON (self));
  self->loading = FALSE;
}

/* The grid row of the field with this code, or 0. */
static guint
field_row (GtkGrid    *grid,
           guint       n,
           const char *code)
{
  for (guint row = 1; row <= n; row++)
    {
      GtkWidget *label = gtk_grid_get_child_at (grid, 0, (int) row);

      if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), code) == 0)
        return row;
    }
  return 0;
}

FurrowNumberEntry *
furrow_season_harvest_page_get_entry (FurrowSeasonHarvestPage *self,
                                      const char              *code,
                                      guint                    column)
{
  guint row;

  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), NULL);
  g_return_val_if_fail (column == FURROW_HARVEST_COLUMN_MAIZE_KG ||
                        column == FURROW_HARVEST_COLUMN_MAIZE_REVENUE ||
                        column == FURROW_HARVEST_COLUMN_SOY_KG ||
                        column == FURROW_HARVEST_COLUMN_SOY_REVENUE, NULL);

  row = field_row (self->harvest_grid, self->field_ids->len, code);
  return row > 0 ? _furrow_season_harvest_page_grid_entry (self, column, row) : NULL;
}

const char *
furrow_season_harvest_page_get_compare_text (FurrowSeasonHarvestPage *self,
                                             const char              *code,
                                             guint                    column)
{
  GtkWidget *label = NULL;
  guint n;
  guint index;

  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), NULL);
  g_return_val_if_fail (column < FURROW_COMPARE_N_COLUMNS, NULL);

  n = self->field_ids->len;
  /* The field's code is on the first of its two lines. */
  for (index = 0; code != NULL && index < n; index++)
    {
      label = gtk_grid_get_child_at (self->compare_grid, COMPARE_GRID_FIELD,
                                     (int) compare_row (index, FURROW_COMPARE_COLUMN_FIELD));
      if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), code) == 0)
        break;
    }
  if (index == n && code != NULL)
    return NULL;
  label = gtk_grid_get_child_at (self->compare_grid, (int) compare_cells[column].column,
                                 (int) compare_row (index, column));
  return GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

GtkWidget *
furrow_season_harvest_page_get_child (FurrowSeasonHarvestPage *self,
                                      const char              *name)
{
  GObject *child;

  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), NULL);

  child = gtk_widget_get_template_child (GTK_WIDGET (self), FURROW_TYPE_SEASON_HARVEST_PAGE, name);
  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  return GTK_WIDGET (child);
}

guint
furrow_season_harvest_page_get_n_fields (FurrowSeasonHarvestPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), 0);

  return self->field_ids->len;
}

gint64
furrow_season_harvest_page_get_field_id (FurrowSeasonHarvestPage *self,
                                         guint                    i)
{
  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), 0);
  g_return_val_if_fail (i < self->field_ids->len, 0);

  return g_array_index (self->field_ids, gint64, i);
}

GtkWidget *
furrow_season_harvest_page_get_cost_row (FurrowSeasonHarvestPage *self,
                                         guint                    index)
{
  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), NULL);

  return index < self->cost_rows->len ? g_ptr_array_index (self->cost_rows, index) : NULL;
}

AdwMessageDialog *
furrow_season_harvest_page_get_paste_dialog (FurrowSeasonHarvestPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), NULL);

  return self->paste_dialog;
}

const char *
furrow_season_harvest_page_get_paste_line (FurrowSeasonHarvestPage *self,
                                           guint                    i)
{
  g_return_val_if_fail (FURROW_IS_SEASON_HARVEST_PAGE (self), NULL);

  return i < self->paste_preview->len ? g_ptr_array_index (self->paste_preview, i) : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */

static void
furrow_season_harvest_page_dispose (GObject *object)
{
  FurrowSeasonHarvestPage *self = FURROW_SEASON_HARVEST_PAGE (object);

  if (self->paste_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->paste_dialog),
                                    (gpointer *) &self->paste_dialog);
      gtk_window_destroy (GTK_WINDOW (self->paste_dialog));
      self->paste_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_SEASON_HARVEST_PAGE);

  G_OBJECT_CLASS (furrow_season_harvest_page_parent_class)->dispose (object);
}

static void
furrow_season_harvest_page_finalize (GObject *object)
{
  FurrowSeasonHarvestPage *self = FURROW_SEASON_HARVEST_PAGE (object);

  g_array_unref (self->field_ids);
  g_clear_pointer (&self->shown_harvests, g_array_unref);
  g_clear_pointer (&self->shown_index, g_hash_table_unref);
  g_clear_pointer (&self->shown_costs, g_array_unref);
  g_hash_table_unref (self->pending);
  g_ptr_array_unref (self->cost_rows);
  g_array_unref (self->paste_harvests);
  g_ptr_array_unref (self->paste_preview);
  g_array_unref (self->paste_refused);

  G_OBJECT_CLASS (furrow_season_harvest_page_parent_class)->finalize (object);
}

static void
furrow_season_harvest_page_reload (FurrowSeasonPage *page,
                                   gboolean          switched)
{
  FurrowSeasonHarvestPage *self = FURROW_SEASON_HARVEST_PAGE (page);

  if (switched)
    {
      g_hash_table_remove_all (self->pending);
      self->costs_changed = FALSE;
    }
  load (self, FALSE);
}

/* The harvests and the actual costs waiting for the delayed commit. */
void
_furrow_season_harvest_page_commit_delayed (FurrowSeasonPage *page)
{
  FurrowSeasonHarvestPage *self = FURROW_SEASON_HARVEST_PAGE (page);

  furrow_season_harvest_page_flush (self);
  if (self->costs_changed)
    furrow_season_harvest_page_commit_costs (self);
}

static void
furrow_season_harvest_page_class_init (FurrowSeasonHarvestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FurrowSeasonPageClass *page_class = FURROW_SEASON_PAGE_CLASS (klass);

  object_class->dispose = furrow_season_harvest_page_dispose;
  object_class->finalize = furrow_season_harvest_page_finalize;
  page_class->reload = furrow_season_harvest_page_reload;
  page_class->commit = _furrow_season_harvest_page_commit_delayed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/season/furrow-season-harvest-page.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, add_cost_cb);
  gtk_widget_class_install_action (widget_class, "harvest.paste-rows", NULL, _furrow_season_harvest_page_paste_rows_action);
  gtk_widget_class_install_action (widget_class, "harvest.fill-down", NULL, _furrow_season_harvest_page_fill_down_action);
}

static void
furrow_season_harvest_page_init (FurrowSeasonHarvestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->pending = g_hash_table_new (NULL, NULL);
  self->cost_rows = g_ptr_array_new ();
  self->paste_harvests = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonHarvest));
  self->paste_preview = g_ptr_array_new_with_free_func (g_free);
  self->paste_refused = g_array_new (FALSE, TRUE, sizeof (gboolean));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (_furrow_season_harvest_page_grid_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->harvest_grid), keys);
  }
}

FurrowSeasonHarvestPage *
furrow_season_harvest_page_new (void)
{
  return g_object_new (FURROW_TYPE_SEASON_HARVEST_PAGE, NULL);
}
