/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowCountyWindow: the county view of a custody centre's server (furrow-county-window.h).
 * Every figure is furrow_store_county_summary()'s, the function `furrow-cli summary` prints,
 * so the window and the command agree by construction; it opens every cooperative, so it runs
 * in a thread with its own connections. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-county-window.h"
#include "furrow-county-window-testing.h"
#include "furrow-grid-title.h"
#include "furrow-store-county.h"
#include "furrow-template.h"
#include "furrow-units.h"

struct _FurrowCountyWindow
{
  AdwWindow        parent_instance;

  /* template */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkSpinButton   *year_spin;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *problem_page;
  GtkLabel        *summary_label;
  GtkGrid         *grid;

  char            *uri;
  guint            year;         /* the crop year shown; 0 before the first reading */
  guint            n_rows;       /* cooperatives in the table */
  guint            reading;      /* the readings started: only the last one's result is shown */
  gboolean         loading;
  gboolean         setting_year; /* the selector shows the year read, no new reading */
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (FurrowCountyWindow, furrow_county_window, ADW_TYPE_WINDOW)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowCountyWindow, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (window_title), CHILD (toast_overlay), CHILD (year_spin), CHILD (stack), CHILD (spinner),
  CHILD (problem_page), CHILD (summary_label), CHILD (grid),
};
#undef CHILD

/* One reading of the server, in a thread. */
typedef struct
{
  char            *uri;
  guint            year;         /* asked for; 0 for the latest */
  guint            year_used;
  guint            reading;
  GArray          *rows;         /* FurrowCountyRow */
  FurrowCountyRow  total;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  g_free (reading->uri);
  g_clear_pointer (&reading->rows, g_array_unref);
  furrow_county_row_clear (&reading->total);
  g_free (reading);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Reading *reading = task_data;
  GError *error = NULL;

  reading->rows = furrow_store_county_summary (reading->uri, reading->year, &reading->year_used,
                                               &reading->total, &error);
  if (reading->rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* A cell of the grid: numbers and amounts right-aligned in tabular figures, every column as
 * wide as its widest cell and nothing ellipsized (docs/architecture.md, The window: tables
 * never cut an amount short). */
static GtkWidget *
add_cell (FurrowCountyWindow *self,
          guint               row,
          FurrowCountyColumn  column,
          const char         *text,
          gboolean            bold)
{
  GtkWidget *label = gtk_label_new (text);

  if (column == FURROW_COUNTY_COLUMN_CODE)
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, column, row, 1, 1);
  return label;
}

static void
add_row (FurrowCountyWindow    *self,
         guint                  row,
         const FurrowCountyRow *figures)
{
  gboolean total = figures->code == NULL;
  g_autofree char *mu = furrow_format_mu_grouped (figures->custody_area_m2);
  g_autofree char *fields = g_strdup_printf ("%" G_GINT64_FORMAT, figures->fields);
  g_autofree char *households = g_strdup_printf ("%" G_GINT64_FORMAT, figures->households);
  /* Translators: fields planned in maize, in soybean and in strips, e.g. "3 / 0 / 45". */
  g_autofree char *planned = g_strdup_printf (_("%u / %u / %u"), figures->planned_maize,
                                              figures->planned_soybean, figures->planned_strip);
  g_autofree char *predicted = furrow_format_yuan (figures->predicted_revenue_fen);
  g_autofree char *settled = furrow_format_yuan (figures->settled_income_fen);
  g_autofree char *paid = furrow_format_yuan (figures->paid_fen);
  g_autofree char *unpaid = furrow_format_yuan (figures->unpaid_fen);
  const char *cells[FURROW_COUNTY_N_COLUMNS] = {
    total ? _("Total") : figures->code, mu, fields, households, planned, predicted, settled,
    paid, unpaid,
  };

  for (guint column = 0; column < FURROW_COUNTY_N_COLUMNS; column++)
    {
      GtkWidget *label = add_cell (self, row, column, cells[column], total);

      /* The cooperative's name, which may be long, where it takes no room. */
      if (column == FURROW_COUNTY_COLUMN_CODE && !total && figures->name != NULL)
        gtk_widget_set_tooltip_text (label, figures->name);
    }
  {
    GtkWidget *paid_label = gtk_grid_get_child_at (self->grid, FURROW_COUNTY_COLUMN_PAID, row);
    GtkWidget *unpaid_label = gtk_grid_get_child_at (self->grid, FURROW_COUNTY_COLUMN_UNPAID,
                                                     row);
    g_autofree char *paid_tip = NULL;
    g_autofree char *unpaid_tip = NULL;

    /* Translators: how many households the amount paid is for. */
    paid_tip = g_strdup_printf (ngettext ("%u household paid", "%u households paid",
                                          figures->paid_households), figures->paid_households);
    /* Translators: how many households are still owed the amount. */
    unpaid_tip = g_strdup_printf (ngettext ("%u household not yet paid",
                                            "%u households not yet paid",
                                            figures->unpaid_households),
                                  figures->unpaid_households);
    gtk_widget_set_tooltip_text (paid_label, paid_tip);
    gtk_widget_set_tooltip_text (unpaid_label, unpaid_tip);
  }
}

static void
clear_grid (FurrowCountyWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_rows = 0;
}

static void
show_reading (FurrowCountyWindow *self,
              Reading            *reading)
{
  const char *headings[FURROW_COUNTY_N_COLUMNS] = {
    _("Cooperative"), _("Custody mu"), _("Fields"), _("Households"),
    /* Translators: fields planned in maize, in soybean and in strips. */
    _("Planned: maize / soybean / strips"), _("Predicted income"), _("Settled income"),
    _("Paid"), _("Unpaid"),
  };
  g_autofree char *summary = NULL;

  clear_grid (self);
  /* FURROW_COUNTY_COLUMN_CODE is the first: its title left-aligned (furrow-grid-title.h). */
  for (guint column = 0; column < FURROW_COUNTY_N_COLUMNS; column++)
    furrow_grid_title_set (self->grid, (int) column, headings[column], "dim-label");
  for (guint i = 0; i < reading->rows->len; i++)
    add_row (self, i + 1, &g_array_index (reading->rows, FurrowCountyRow, i));
  add_row (self, reading->rows->len + 1, &reading->total);
  self->n_rows = reading->rows->len;

  self->year = reading->year_used;
  self->setting_year = TRUE;
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->setting_year = FALSE;
  /* Translators: %u cooperatives; the second %u is a crop year. */
  summary = g_strdup_printf (ngettext ("%u cooperative. Custody mu, fields and households are "
                                       "the register’s today; the plans, predictions, "
                                       "settlements and payments are those of the seasons of "
                                       "crop year %u.",
                                       "%u cooperatives. Custody mu, fields and households are "
                                       "the registers’ today; the plans, predictions, "
                                       "settlements and payments are those of the seasons of "
                                       "crop year %u.", reading->rows->len),
                             reading->rows->len, reading->year_used);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FurrowCountyWindow *self = FURROW_COUNTY_WINDOW (source);
  Reading *reading = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The window was closed, or a later reading was started (another year): nothing to show. */
  if (g_cancellable_is_cancelled (self->cancellable) || reading->reading != self->reading)
    return;
  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      adw_status_page_set_description (self->problem_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "problem");
      return;
    }
  show_reading (self, reading);
}

static void
start_reading (FurrowCountyWindow *self,
               guint               year)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  Reading *reading = g_new0 (Reading, 1);

  reading->uri = g_strdup (self->uri);
  reading->year = year;
  reading->reading = ++self->reading;
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, reading, reading_free);
  g_task_run_in_thread (task, read_thread);
}

static void
year_changed_cb (FurrowCountyWindow *self)
{
  guint year = (guint) gtk_spin_button_get_value_as_int (self->year_spin);

  /* The adjustment's first value, before furrow_county_window_new() has the server. */
  if (self->uri == NULL || self->setting_year || year == self->year)
    return;
  start_reading (self, year);
}

static void
furrow_county_window_dispose (GObject *object)
{
  FurrowCountyWindow *self = FURROW_COUNTY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_COUNTY_WINDOW);

  G_OBJECT_CLASS (furrow_county_window_parent_class)->dispose (object);
}

static void
furrow_county_window_finalize (GObject *object)
{
  FurrowCountyWindow *self = FURROW_COUNTY_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->uri);

  G_OBJECT_CLASS (furrow_county_window_parent_class)->finalize (object);
}

static void
furrow_county_window_class_init (FurrowCountyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_county_window_dispose;
  object_class->finalize = furrow_county_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/window/furrow-county-window.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
furrow_county_window_init (FurrowCountyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

FurrowCountyWindow *
furrow_county_window_new (GtkWindow  *parent,
                          const char *uri)
{
  FurrowCountyWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (FURROW_TYPE_COUNTY_WINDOW, "transient-for", parent, NULL);
  self->uri = g_strdup (uri);
  adw_window_title_set_subtitle (self->window_title, uri);
  start_reading (self, 0);
  return self;
}

gboolean
furrow_county_window_is_loading (FurrowCountyWindow *self)
{
  g_return_val_if_fail (FURROW_IS_COUNTY_WINDOW (self), FALSE);

  return self->loading;
}

guint
furrow_county_window_get_year (FurrowCountyWindow *self)
{
  g_return_val_if_fail (FURROW_IS_COUNTY_WINDOW (self), 0);

  return self->year;
}

void
furrow_county_window_set_year (FurrowCountyWindow *self,
                               guint               year)
{
  g_return_if_fail (FURROW_IS_COUNTY_WINDOW (self));

  gtk_spin_button_set_value (self->year_spin, year);
}

guint
furrow_county_window_get_n_rows (FurrowCountyWindow *self)
{
  g_return_val_if_fail (FURROW_IS_COUNTY_WINDOW (self), 0);

  return self->n_rows;
}

GtkLabel *
furrow_county_window_get_cell (FurrowCountyWindow *self,
                               guint               row,
                               FurrowCountyColumn  column)
{
  GtkWidget *cell;

  g_return_val_if_fail (FURROW_IS_COUNTY_WINDOW (self), NULL);

  cell = gtk_grid_get_child_at (self->grid, column, (int) row + 1);
  return GTK_IS_LABEL (cell) ? GTK_LABEL (cell) : NULL;
}
