/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonOverviewPage: the season's fields in one table with their plans, areas and
 * predicted figures, the totals below, and "Apply Pattern" (issue 7 item 2). Every number comes
 * from the core (furrow_season_table_compute()); the page only formats it. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-edit-plan.h"
#include "furrow-list-columns.h"
#include "furrow-season-comparison-window.h"
#include "furrow-season-field-row.h"
#include "furrow-season-overview-page.h"
#include "furrow-season-overview-page-testing.h"
#include "furrow-store-season.h"
#include "furrow-store-yield.h"
#include "furrow-template.h"
#include "furrow-units.h"
#include "furrow-yield-model.h"

struct _FurrowSeasonOverviewPage
{
  FurrowSeasonPage   parent_instance;

  /* template */
  GtkLabel          *summary_label;
  GtkSpinner        *spinner;
  GtkMenuButton     *apply_button;
  GtkDropDown       *pattern_dropdown;
  GtkDropDown       *yield_dropdown;
  GtkWidget         *locked_box;
  GtkColumnView     *view;
  GtkLabel          *total_title_label;
  GtkLabel          *total_registered_label;
  GtkLabel          *total_measured_label;
  GtkLabel          *total_planted_label;
  GtkLabel          *total_maize_label;
  GtkLabel          *total_soy_label;
  GtkLabel          *total_revenue_label;
  GtkLabel          *total_cost_label;
  GtkLabel          *total_net_label;
  GtkLabel          *season_net_label;

  FurrowSeasonTable *table;
  GListStore        *rows;
  GtkSortListModel  *sorted;
  GtkMultiSelection *selection;
  GtkStringList     *yield_ids;      /* ids behind yield_dropdown */
  GCancellable      *reading;        /* the table read in a thread, or NULL */
  guint              async_fields;
};

G_DEFINE_FINAL_TYPE (FurrowSeasonOverviewPage, furrow_season_overview_page,
                     FURROW_TYPE_SEASON_PAGE)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowSeasonOverviewPage, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (summary_label), CHILD (spinner), CHILD (apply_button), CHILD (pattern_dropdown),
  CHILD (yield_dropdown), CHILD (locked_box), CHILD (view), CHILD (total_title_label),
  CHILD (total_registered_label), CHILD (total_measured_label), CHILD (total_planted_label),
  CHILD (total_maize_label), CHILD (total_soy_label), CHILD (total_revenue_label),
  CHILD (total_cost_label), CHILD (total_net_label), CHILD (season_net_label),
};
#undef CHILD

#define STORE(self)  furrow_season_page_get_store (FURROW_SEASON_PAGE (self))
#define SEASON(self) furrow_season_page_get_season (FURROW_SEASON_PAGE (self))

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_PATTERN,
  COLUMN_REGISTERED,
  COLUMN_MEASURED,
  COLUMN_PLANTED,
  COLUMN_MAIZE,
  COLUMN_SOY,
  COLUMN_REVENUE,
  COLUMN_COST,
  COLUMN_NET,
} Column;

/* ------------------------------------------------------------------------------------------ */
/* Cells                                                                                      */

static const char *
pattern_label (const char *preset)
{
  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_strcmp0 (furrow_pattern_preset_info (i)->id, preset) == 0)
      return _(furrow_pattern_preset_info (i)->label);
  return NULL;
}

static char *
format_kg (double kg)
{
  g_autofree char *number = furrow_format_number (kg, 0);

  /* Translators: a predicted harvest in kilograms; %s is the number, 1,488,192. */
  return g_strdup_printf (_("%s kg"), number);
}

static char *
cell_text (gpointer item,
           gpointer user_data)
{
  const FurrowSeasonTableRow *row = furrow_season_field_row_get (item);

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_CODE:
      return g_strdup (row->code);
    case COLUMN_NAME:
      return g_strdup (row->name);
    case COLUMN_PATTERN:
      if (!row->planned)
        /* Translators: the pattern column of a field without a plan in the season. */
        return g_strdup (_("Not planned"));
      /* Strips by their short name ("2+4"), sole crops in words. */
      if (pattern_label (row->preset) != NULL)
        return g_strdup (g_str_has_prefix (row->preset, "sole-") ? pattern_label (row->preset)
                                                                   : row->preset);
      /* Translators: a plan tuned in the planner, not one of the presets. */
      return g_strdup (row->preset[0] != '\0' ? row->preset : _("Custom"));
    case COLUMN_REGISTERED:
      return furrow_format_mu_grouped (row->registered_area_m2);
    case COLUMN_MEASURED:
      return furrow_format_mu_grouped (row->measured_area_m2);
    case COLUMN_PLANTED:
      return row->planned ? furrow_format_mu_grouped (row->planted_area_m2) : g_strdup ("—");
    case COLUMN_MAIZE:
      return row->planned ? furrow_format_number (row->yield_kg[FURROW_CROP_MAIZE], 0)
                          : g_strdup ("—");
    case COLUMN_SOY:
      return row->planned ? furrow_format_number (row->yield_kg[FURROW_CROP_SOYBEAN], 0)
                          : g_strdup ("—");
    case COLUMN_REVENUE:
      return furrow_format_yuan (row->revenue_fen);
    case COLUMN_COST:
      return furrow_format_yuan (row->cost_fen);
    case COLUMN_NET:
      return furrow_format_yuan (row->net_fen);
    default:
      return NULL;
    }
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const FurrowSeasonTableRow *x = furrow_season_field_row_get ((gpointer) a);
  const FurrowSeasonTableRow *y = furrow_season_field_row_get ((gpointer) b);

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_CODE:
      return g_strcmp0 (x->code, y->code);
    case COLUMN_NAME:
      return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
    case COLUMN_PATTERN:
      return x->planned != y->planned ? CMP (x->planned, y->planned)
                                      : g_strcmp0 (x->preset, y->preset);
    case COLUMN_REGISTERED:
      return CMP (x->registered_area_m2, y->registered_area_m2);
    case COLUMN_MEASURED:
      return CMP (x->measured_area_m2, y->measured_area_m2);
    case COLUMN_PLANTED:
      return CMP (x->planted_area_m2, y->planted_area_m2);
    case COLUMN_MAIZE:
      return CMP (x->yield_kg[FURROW_CROP_MAIZE], y->yield_kg[FURROW_CROP_MAIZE]);
    case COLUMN_SOY:
      return CMP (x->yield_kg[FURROW_CROP_SOYBEAN], y->yield_kg[FURROW_CROP_SOYBEAN]);
    case COLUMN_REVENUE:
      return CMP (x->revenue_fen, y->revenue_fen);
    case COLUMN_COST:
      return CMP (x->cost_fen, y->cost_fen);
    case COLUMN_NET:
      return CMP (x->net_fen, y->net_fen);
    default:
      return 0;
    }
}

static void
add_columns (FurrowSeasonOverviewPage *self)
{
  static const struct
  {
    Column      column;
    const char *title;
    gboolean    numeric;
    gboolean    expand;
  } columns[] = {
    { COLUMN_CODE, N_("Code"), FALSE, FALSE },
    { COLUMN_NAME, N_("Field"), FALSE, TRUE },
    { COLUMN_PATTERN, N_("Pattern"), FALSE, TRUE },
    { COLUMN_REVENUE, N_("Revenue"), TRUE, FALSE },
    { COLUMN_COST, N_("Cost"), TRUE, FALSE },
    { COLUMN_NET, N_("Net"), TRUE, FALSE },
    { COLUMN_REGISTERED, N_("Registered mu"), TRUE, FALSE },
    { COLUMN_MEASURED, N_("Measured mu"), TRUE, FALSE },
    { COLUMN_PLANTED, N_("Planted mu"), TRUE, FALSE },
    { COLUMN_MAIZE, N_("Maize kg"), TRUE, FALSE },
    { COLUMN_SOY, N_("Soybean kg"), TRUE, FALSE },
  };
  /* The amounts right after the field: at 1024 px the table scrolls sideways, and what it cuts
   * at the view's edge is an area or a weight, never an amount ("¥55,1…" before; issue 13,
   * item 2). */

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    furrow_list_add_text_column (self->view, _(columns[i].title), cell_text, compare_rows,
                                 GINT_TO_POINTER (columns[i].column), columns[i].numeric,
                                 columns[i].expand);
}

/* ------------------------------------------------------------------------------------------ */
/* Showing the season                                                                         */

static gboolean
is_locked (FurrowSeasonOverviewPage *self)
{
  return furrow_season_page_is_locked (FURROW_SEASON_PAGE (self));
}

static void
update_sensitivity (FurrowSeasonOverviewPage *self)
{
  gboolean writable = STORE (self) != NULL && SEASON (self) != NULL && !is_locked (self) &&
                      self->reading == NULL &&
                      furrow_season_page_may (FURROW_SEASON_PAGE (self), FURROW_PERMISSION_PLANS);
  gboolean any_selected = FALSE;
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  any_selected = !gtk_bitset_is_empty (selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), writable);
  gtk_widget_set_visible (self->locked_box, is_locked (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.apply-all", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.compare",
                                 STORE (self) != NULL && SEASON (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.apply-selected",
                                 writable && any_selected);
}

static void
show_totals (FurrowSeasonOverviewPage *self)
{
  const FurrowSeasonTableRow *t = self->table != NULL ? &self->table->total : NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *planted = NULL;
  g_autofree char *maize = NULL;
  g_autofree char *soy = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *net = NULL;
  g_autofree char *season_net = NULL;

  if (t == NULL)
    {
      GtkLabel *labels[] = {
        self->summary_label, self->total_title_label, self->total_registered_label,
        self->total_measured_label, self->total_planted_label, self->total_maize_label,
        self->total_soy_label, self->total_revenue_label, self->total_cost_label,
        self->total_net_label, self->season_net_label,
      };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        gtk_label_set_text (labels[i], "");
      return;
    }

  {
    g_autofree char *a = furrow_format_mu_grouped (t->registered_area_m2);
    g_autofree char *b = furrow_format_mu_grouped (t->measured_area_m2);
    g_autofree char *c = furrow_format_mu_grouped (t->planted_area_m2);
    g_autofree char *m = format_kg (t->yield_kg[FURROW_CROP_MAIZE]);
    g_autofree char *s = format_kg (t->yield_kg[FURROW_CROP_SOYBEAN]);
    g_autofree char *r = furrow_format_yuan (t->revenue_fen);
    g_autofree char *k = furrow_format_yuan (t->cost_fen);
    g_autofree char *n = furrow_format_yuan (t->net_fen);
    g_autofree char *sn = furrow_format_yuan (self->table->season_net_fen);
    g_autofree char *other = furrow_format_yuan (self->table->other_income_fen);

    /* Translators: the totals line under the fields of a season; %u is how many. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total of %u field",
                                          "Total of %u fields", (gulong) self->table->n_rows),
                             (guint) self->table->n_rows);
    /* Translators: %s is an area in mu. */
    registered = g_strdup_printf (_("Registered %s mu"), a);
    /* Translators: %s is an area in mu. */
    measured = g_strdup_printf (_("Measured %s mu"), b);
    /* Translators: %s is an area in mu. */
    planted = g_strdup_printf (_("Planted %s mu"), c);
    /* Translators: %s is a mass, e.g. "12,345 kg". */
    maize = g_strdup_printf (_("Maize %s"), m);
    /* Translators: %s is a mass, e.g. "12,345 kg". */
    soy = g_strdup_printf (_("Soybean %s"), s);
    /* Translators: %s is an amount of money. */
    revenue = g_strdup_printf (_("Revenue %s"), r);
    /* Translators: %s is an amount of money. */
    cost = g_strdup_printf (_("Cost %s"), k);
    /* Translators: %s is an amount of money. */
    net = g_strdup_printf (_("Net %s"), n);
    /* Translators: the season's net with its other income (insurance payouts …); %s are
     * amounts of money. */
    season_net = g_strdup_printf (_("Season net %s (other income %s)"), sn, other);
    /* Translators: above the table; %u are numbers of fields. */
    summary = g_strdup_printf (_("%u of %u fields planned"), (guint) self->table->n_planned,
                               (guint) self->table->n_rows);
  }
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->total_title_label, title);
  gtk_label_set_text (self->total_registered_label, registered);
  gtk_label_set_text (self->total_measured_label, measured);
  gtk_label_set_text (self->total_planted_label, planted);
  gtk_label_set_text (self->total_maize_label, maize);
  gtk_label_set_text (self->total_soy_label, soy);
  gtk_label_set_text (self->total_revenue_label, revenue);
  gtk_label_set_text (self->total_cost_label, cost);
  gtk_label_set_text (self->total_net_label, net);
  gtk_label_set_text (self->season_net_label, season_net);
}

static void
show_message (FurrowSeasonOverviewPage *self,
              const char               *message)
{
  furrow_season_page_show_toast (FURROW_SEASON_PAGE (self), message, NULL);
}

static void
update_yield_presets (FurrowSeasonOverviewPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_auto(GStrv) stored = NULL;
  guint selected = gtk_drop_down_get_selected (self->yield_dropdown);
  const char *before = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && self->yield_ids != NULL &&
      selected < g_list_model_get_n_items (G_LIST_MODEL (self->yield_ids)))
    before = gtk_string_list_get_string (self->yield_ids, selected);
  {
    g_autofree char *keep = g_strdup (before);

    g_clear_object (&self->yield_ids);
    self->yield_ids = gtk_string_list_new (NULL);
    for (guint i = 0; i < furrow_yield_model_n_presets (); i++)
      {
        gtk_string_list_append (self->yield_ids, furrow_yield_model_preset_id (i));
        gtk_string_list_append (labels, furrow_yield_model_preset_label (i));
      }
    stored = STORE (self) != NULL ? furrow_store_list_yield_presets (STORE (self), NULL) : NULL;
    for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
      {
        gtk_string_list_append (self->yield_ids, stored[i]);
        gtk_string_list_append (labels, stored[i]);
      }
    gtk_drop_down_set_model (self->yield_dropdown, G_LIST_MODEL (labels));
    gtk_drop_down_set_selected (self->yield_dropdown, 0);
    for (guint i = 0; keep != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->yield_ids)); i++)
      if (g_strcmp0 (gtk_string_list_get_string (self->yield_ids, i), keep) == 0)
        gtk_drop_down_set_selected (self->yield_dropdown, i);
  }
}

/* From this many fields on, the table is read in a thread with its own connection, a spinner
 * showing meanwhile (docs/architecture.md: long work off the main thread). */
#define ASYNC_FIELDS 200

static void
show_table (FurrowSeasonOverviewPage *self,
            FurrowSeasonTable        *table,
            GError                   *error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_clear_pointer (&self->table, furrow_season_table_free);
  self->table = table;
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, from the project file. */
      message = g_strdup_printf (_("Cannot read the season’s plans: %s"), error->message);
      show_message (self, message);
    }
  for (gsize i = 0; self->table != NULL && i < self->table->n_rows; i++)
    g_ptr_array_add (items, furrow_season_field_row_new (&self->table->rows[i]));
  g_list_store_splice (self->rows, 0, n, items->pdata, items->len);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  show_totals (self);
  update_sensitivity (self);
}

typedef struct
{
  char *path;
  char *season;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  g_free (job->season);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  ReadJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) store = furrow_store_open (job->path, &error);
  g_autoptr(FurrowSeason) season = NULL;
  FurrowSeasonTable *table;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  season = furrow_store_find_season (store, job->season);
  if (season == NULL)
    {
      g_task_return_new_error (task, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                               _("The season is no longer in the project"));
      return;
    }
  table = furrow_season_table_compute (store, season, &error);
  if (table == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, table, (GDestroyNotify) furrow_season_table_free);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  FurrowSeasonOverviewPage *self = FURROW_SEASON_OVERVIEW_PAGE (source);
  g_autoptr(GError) error = NULL;
  FurrowSeasonTable *table = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  show_table (self, table, error);
}

/* Re-reads the season's table from the store. */
static void
reload (FurrowSeasonOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fields = NULL;
  FurrowSeasonTable *table = NULL;

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (STORE (self) == NULL || SEASON (self) == NULL || furrow_season_get_id (SEASON (self)) <= 0)
    {
      show_table (self, NULL, NULL);
      return;
    }
  fields = furrow_store_get_fields (STORE (self));
  if (g_list_model_get_n_items (fields) >= self->async_fields &&
      furrow_store_get_path (STORE (self)) != NULL && !furrow_store_in_transaction (STORE (self)))
    {
      g_autoptr(GTask) task = NULL;
      ReadJob *job = g_new0 (ReadJob, 1);
      g_autofree char *busy = NULL;

      job->path = g_strdup (furrow_store_get_path (STORE (self)));
      job->season = g_strdup (furrow_season_get_name (SEASON (self)));
      self->reading = g_cancellable_new ();
      task = g_task_new (self, self->reading, read_done, NULL);
      g_task_set_task_data (task, job, read_job_free);
      g_task_run_in_thread (task, read_thread);
      /* Translators: shown while the table of a large project is computed; %u is how many
       * fields. */
      busy = g_strdup_printf (_("Laying out and predicting %u fields…"),
                              g_list_model_get_n_items (fields));
      gtk_label_set_text (self->summary_label, busy);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
      gtk_spinner_start (self->spinner);
      update_sensitivity (self);
      return;
    }
  table = furrow_season_table_compute (STORE (self), SEASON (self), &error);
  show_table (self, table, error);
}

static void
map_cb (FurrowSeasonOverviewPage *self)
{
  /* The planner may have written a plan while the map was shown. */
  reload (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Applying a pattern                                                                         */

gboolean
furrow_season_overview_page_apply (FurrowSeasonOverviewPage  *self,
                                   gboolean                   all,
                                   GError                   **error)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) versions = NULL;
  FurrowPattern pattern;
  const char *preset;
  const char *yield_preset;
  FurrowEdit *edit;
  guint pattern_index;
  guint yield_index;
  g_autofree char *label = NULL;

  g_return_val_if_fail (FURROW_IS_SEASON_OVERVIEW_PAGE (self), FALSE);

  if (STORE (self) == NULL || SEASON (self) == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("No season is shown"));
      return FALSE;
    }
  model = furrow_store_get_fields (STORE (self));
  if (all)
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      g_ptr_array_add (fields, g_list_model_get_item (model, i));
  else
    {
      g_autoptr(GtkBitset) selected =
        gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      GtkBitsetIter iter;
      guint position;

      for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
           more = gtk_bitset_iter_next (&iter, &position))
        {
          g_autoptr(FurrowSeasonFieldRow) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                        position);
          gint64 field_id = furrow_season_field_row_get (item)->field_id;
          FurrowField *field = furrow_store_get_field_by_id (STORE (self), field_id);

          if (field != NULL)
            g_ptr_array_add (fields, g_object_ref (field));
        }
    }
  if (fields->len == 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("Select the fields to plan first"));
      return FALSE;
    }

  pattern_index = gtk_drop_down_get_selected (self->pattern_dropdown);
  yield_index = gtk_drop_down_get_selected (self->yield_dropdown);
  if (pattern_index >= furrow_pattern_n_presets ())
    pattern_index = 0;
  preset = furrow_pattern_preset_info (pattern_index)->id;
  furrow_pattern_preset (preset, &pattern);
  yield_preset = yield_index < g_list_model_get_n_items (G_LIST_MODEL (self->yield_ids))
                 ? gtk_string_list_get_string (self->yield_ids, yield_index) : "practical";

  /* Translators: an undoable edit, e.g. "Plan 40 fields with 2 maize + 4 soybean rows". */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Plan %u field with %s",
                                        "Plan %u fields with %s", fields->len),
                           fields->len, _(furrow_pattern_preset_info (pattern_index)->label));
  /* Written over the plans the table shows (docs/architecture.md, Several users at once). */
  if (self->table != NULL)
    {
      versions = g_array_sized_new (FALSE, FALSE, sizeof (gint64), fields->len);
      for (guint i = 0; i < fields->len; i++)
        {
          gint64 id = furrow_field_get_id (g_ptr_array_index (fields, i));
          gint64 version = FURROW_ROW_VERSION_NONE;

          for (gsize r = 0; r < self->table->n_rows; r++)
            if (self->table->rows[r].field_id == id)
              version = self->table->rows[r].row_version;
          g_array_append_val (versions, version);
        }
    }
  edit = furrow_edit_season_plan (label, STORE (self), SEASON (self),
                                  (FurrowField * const *) fields->pdata, fields->len,
                                  versions != NULL ? (const gint64 *) versions->data : NULL,
                                  &pattern, preset, yield_preset);
  return furrow_season_page_push_edit (FURROW_SEASON_PAGE (self), edit, error);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FurrowSeasonOverviewPage *self = FURROW_SEASON_OVERVIEW_PAGE (widget);
  gboolean all = g_str_equal (action_name, "overview.apply-all");
  g_autoptr(GError) error = NULL;

  gtk_menu_button_popdown (self->apply_button);
  /* A conflict: the window's dialog says so, and the table shows the plans stored now. */
  if (!furrow_season_overview_page_apply (self, all, &error) &&
      !g_error_matches (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, e.g. "season “2027” is settled and read-only …". */
      message = g_strdup_printf (_("Cannot plan the fields: %s"), error->message);
      show_message (self, message);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Comparing the patterns on the whole season                                                 */

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  furrow_season_overview_page_compare (FURROW_SEASON_OVERVIEW_PAGE (widget));
}

/* ------------------------------------------------------------------------------------------ */

static void
furrow_season_overview_page_reload (FurrowSeasonPage *page,
                                    gboolean          switched)
{
  FurrowSeasonOverviewPage *self = FURROW_SEASON_OVERVIEW_PAGE (page);

  if (switched)
    update_yield_presets (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    {
      /* Shown later: read when mapped; until then show nothing stale. */
      g_cancellable_cancel (self->reading);
      g_clear_object (&self->reading);
      show_table (self, NULL, NULL);
    }
}

static void
furrow_season_overview_page_dispose (GObject *object)
{
  FurrowSeasonOverviewPage *self = FURROW_SEASON_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_SEASON_OVERVIEW_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->yield_ids);
  g_clear_pointer (&self->table, furrow_season_table_free);

  G_OBJECT_CLASS (furrow_season_overview_page_parent_class)->dispose (object);
}

static void
furrow_season_overview_page_class_init (FurrowSeasonOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FurrowSeasonPageClass *page_class = FURROW_SEASON_PAGE_CLASS (klass);

  object_class->dispose = furrow_season_overview_page_dispose;
  page_class->reload = furrow_season_overview_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/season/furrow-season-overview-page.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));

  gtk_widget_class_install_action (widget_class, "overview.apply-selected", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "overview.apply-all", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "overview.compare", NULL, compare_action);
}

static void
furrow_season_overview_page_init (FurrowSeasonOverviewPage *self)
{
  g_autoptr(GtkStringList) patterns = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->async_fields = ASYNC_FIELDS;

  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    {
      gtk_string_list_append (patterns, _(furrow_pattern_preset_info (i)->label));
    }
  gtk_drop_down_set_model (self->pattern_dropdown, G_LIST_MODEL (patterns));
  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_strcmp0 (furrow_pattern_preset_info (i)->id, "2+4") == 0)
      gtk_drop_down_set_selected (self->pattern_dropdown, i);
  update_yield_presets (self);

  add_columns (self);
  self->rows = g_list_store_new (FURROW_TYPE_SEASON_FIELD_ROW);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  show_totals (self);
  update_sensitivity (self);
}

FurrowSeasonOverviewPage *
furrow_season_overview_page_new (void)
{
  return g_object_new (FURROW_TYPE_SEASON_OVERVIEW_PAGE, NULL);
}

const FurrowSeasonTable *
furrow_season_overview_page_get_table (FurrowSeasonOverviewPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_OVERVIEW_PAGE (self), NULL);

  return self->table;
}

GtkSelectionModel *
furrow_season_overview_page_get_selection (FurrowSeasonOverviewPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_OVERVIEW_PAGE (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

gboolean
furrow_season_overview_page_choose (FurrowSeasonOverviewPage *self,
                                    const char               *pattern_preset,
                                    const char               *yield_preset)
{
  guint pattern_index = GTK_INVALID_LIST_POSITION;
  guint yield_index = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (FURROW_IS_SEASON_OVERVIEW_PAGE (self), FALSE);

  for (guint i = 0; i < furrow_pattern_n_presets (); i++)
    if (g_strcmp0 (furrow_pattern_preset_info (i)->id, pattern_preset) == 0)
      pattern_index = i;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->yield_ids)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->yield_ids, i), yield_preset) == 0)
      yield_index = i;
  if (pattern_index == GTK_INVALID_LIST_POSITION || yield_index == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->pattern_dropdown, pattern_index);
  gtk_drop_down_set_selected (self->yield_dropdown, yield_index);
  return TRUE;
}

/* Reads the table in a thread from `n_fields` fields on (ASYNC_FIELDS by default; tests set 0). */
void
furrow_season_overview_page_set_async_fields (FurrowSeasonOverviewPage *self,
                                              guint                     n_fields)
{
  g_return_if_fail (FURROW_IS_SEASON_OVERVIEW_PAGE (self));

  self->async_fields = n_fields;
}

/* TRUE while the table is read in a thread. */
gboolean
furrow_season_overview_page_get_busy (FurrowSeasonOverviewPage *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_OVERVIEW_PAGE (self), FALSE);

  return self->reading != NULL;
}

/* What the action overview.compare ("Compare Patterns") does: opens the pattern comparison of
 * all the fields with the season's prices and costs, modal over the main window. */
GtkWindow *
furrow_season_overview_page_compare (FurrowSeasonOverviewPage *self)
{
  GtkRoot *root;
  FurrowSeasonComparisonWindow *window;

  g_return_val_if_fail (FURROW_IS_SEASON_OVERVIEW_PAGE (self), NULL);

  if (STORE (self) == NULL || SEASON (self) == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = furrow_season_comparison_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                STORE (self), SEASON (self));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
