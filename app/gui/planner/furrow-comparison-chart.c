/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "furrow-comparison-chart.h"
#include "furrow-comparison-chart-testing.h"
#include "furrow-export-folder.h"
#include "furrow-atomic-file.h"
#include "furrow-drawn-widget.h"
#include "furrow-comparison.h"
#include "furrow-store.h"
#include "furrow-yield-model.h"

/* Every pattern preset on the field under every yield preset (issue 7.2): LER and net per mu from
 * furrow_comparison_compute, drawn by io's furrow_chart_draw_comparison on screen, to PNG and to
 * SVG, so the optimistic demonstration figures and the farm survey are seen side by side. */

#define EXPORT_WIDTH 640

struct _FurrowComparisonChart
{
  GtkWidget             parent_instance;

  FurrowChartComparison data;
};

G_DEFINE_FINAL_TYPE (FurrowComparisonChart, furrow_comparison_chart, GTK_TYPE_WIDGET)

static void
furrow_comparison_chart_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  FurrowComparisonChart *self = FURROW_COMPARISON_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->data.n_groups == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  furrow_chart_draw_comparison (cr, width, height, &self->data);
  cairo_destroy (cr);
}

/* As tall as its groups of bars need at `width` (furrow_chart_comparison_height_for_width()),
 * 0 when empty. */
static int
comparison_height (GtkWidget *widget,
                   int        width)
{
  FurrowComparisonChart *self = FURROW_COMPARISON_CHART (widget);

  /* Given more than FURROW_CHART_SIDE_BY_SIDE_WIDTH (the comparison window's default width),
   * the panels stand side by side and the chart needs half the height. */
  if (self->data.n_groups == 0)
    return 0;
  return (int) ceil (width < 0 ? furrow_chart_comparison_height (&self->data)
                               : furrow_chart_comparison_height_for_width (&self->data, width));
}

static void
furrow_comparison_chart_class_init (FurrowComparisonChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = furrow_comparison_chart_snapshot;
  furrow_drawn_widget_class_init (widget_class, "comparisonchart", 300, 360, comparison_height);
}

static void
furrow_comparison_chart_init (FurrowComparisonChart *self)
{
}

/* Compares every pattern preset on @field (NULL: clears the chart) with the default prices and
 * costs. */
gboolean
furrow_comparison_chart_set_field (FurrowComparisonChart  *self,
                                   FurrowGeometry         *field,
                                   GError                **error)
{
  return furrow_comparison_chart_set_fields (self, &field, field != NULL ? 1 : 0, NULL, error);
}

/* Compares every pattern preset on the @n_fields @fields together (a season's fields: the LER
 * and net per mu of all of them at once), with @economics (NULL: the docs/domain.md §7 defaults).
 * No fields clears the chart. */
gboolean
furrow_comparison_chart_set_fields (FurrowComparisonChart  *self,
                                    FurrowGeometry *const  *fields,
                                    guint                   n_fields,
                                    const FurrowEconomics  *economics,
                                    GError                **error)
{
  FurrowPattern patterns[FURROW_CHART_MAX_GROUPS];
  FurrowEconomics defaults;
  FurrowChartComparison data = { 0 };

  g_return_val_if_fail (FURROW_IS_COMPARISON_CHART (self), FALSE);
  g_return_val_if_fail (n_fields == 0 || fields != NULL, FALSE);

  if (economics == NULL)
    {
      furrow_economics_init_defaults (&defaults);
      economics = &defaults;
    }
  if (n_fields > 0)
    {
      data.n_groups = MIN (furrow_pattern_n_presets (), FURROW_CHART_MAX_GROUPS);
      data.n_series = MIN (furrow_yield_model_n_presets (), FURROW_CHART_MAX_SERIES);
      for (guint g = 0; g < data.n_groups; g++)
        {
          const FurrowPatternPresetInfo *info = furrow_pattern_preset_info (g);

          furrow_pattern_preset (info->id, &patterns[g]);
          data.group_label[g] = _(info->label);
        }
      for (guint s = 0; s < data.n_series; s++)
        {
          g_autoptr(GArray) rows = NULL;
          FurrowYieldModel model;

          data.series_label[s] = furrow_yield_model_preset_label (s);
          if (!furrow_yield_model_preset (furrow_yield_model_preset_id (s), &model, error))
            return FALSE;
          rows = furrow_comparison_compute (fields, n_fields, patterns, data.n_groups, &model,
                                            economics, error);
          if (rows == NULL)
            return FALSE;
          for (guint i = 0; i < rows->len; i++)
            {
              const FurrowComparisonRow *row = &g_array_index (rows, FurrowComparisonRow, i);

              data.ler[s][row->input_index] = row->ler;
              data.net_fen_per_mu[s][row->input_index] = row->net_fen_per_mu;
            }
        }
    }

  self->data = data;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return TRUE;
}

const FurrowChartComparison *
furrow_comparison_chart_get_data (FurrowComparisonChart *self)
{
  g_return_val_if_fail (FURROW_IS_COMPARISON_CHART (self), NULL);

  return &self->data;
}

/* Writes the chart to @path: PNG when the name ends in .png, SVG otherwise; whole or not at
 * all (furrow-atomic-file.h). */
gboolean
furrow_comparison_chart_export (FurrowComparisonChart  *self,
                                const char             *path,
                                GError                **error)
{
  g_autoptr(FurrowAtomicFile) file = NULL;
  double height;
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean png;
  cairo_t *cr;

  g_return_val_if_fail (FURROW_IS_COMPARISON_CHART (self), FALSE);

  file = furrow_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  height = furrow_chart_comparison_height (&self->data);
  png = g_str_has_suffix (path, ".png") || g_str_has_suffix (path, ".PNG");
  surface = png ? cairo_image_surface_create (CAIRO_FORMAT_RGB24, EXPORT_WIDTH, height)
                : cairo_svg_surface_create (furrow_atomic_file_get_path (file), EXPORT_WIDTH,
                                            height);
  cr = cairo_create (surface);
  furrow_chart_draw_comparison (cr, EXPORT_WIDTH, height, &self->data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = png ? cairo_surface_write_to_png (surface, furrow_atomic_file_get_path (file))
              : cairo_surface_status (surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file name, then why it cannot be written. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return furrow_atomic_file_commit (file, error);
}

typedef struct
{
  FurrowComparisonChart  *chart;
  FurrowChartProblemFunc  problem;
  gpointer                user_data;
} ExportRequest;

/* Never over a project open in a window of this program (docs/architecture.md, Opening,
 * backup, check): the chart has no store of its own, so every toplevel with a "project-path"
 * (FurrowWindow) is asked. */
static gboolean
check_not_a_project (const char  *path,
                     GError     **error)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      g_autofree char *project = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (window), "project-path") == NULL)
        continue;
      g_object_get (window, "project-path", &project, NULL);
      if (project != NULL && !furrow_store_check_output_path (project, path, error))
        return FALSE;
    }
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && (!check_not_a_project (path, &error) ||
                           !furrow_comparison_chart_export (request->chart, path, &error)))
        request->problem (request->user_data, error->message);
    }
  g_object_unref (request->chart);
  g_free (request);
  g_object_unref (dialog);
}

/**
 * furrow_comparison_chart_export_with_dialog:
 *
 * The "Export Chart" file chooser, modal over @parent, then furrow_comparison_chart_export() to
 * the file chosen, as PNG or SVG (@png); a failure's message goes to @problem.
 */
void
furrow_comparison_chart_export_with_dialog (FurrowComparisonChart  *self,
                                            GtkWindow              *parent,
                                            gboolean                png,
                                            FurrowChartProblemFunc  problem,
                                            gpointer                user_data)
{
  GtkFileChooserNative *dialog;
  ExportRequest *request;

  g_return_if_fail (FURROW_IS_COMPARISON_CHART (self));
  g_return_if_fail (problem != NULL);

  request = g_new (ExportRequest, 1);
  request->chart = g_object_ref (self);
  request->problem = problem;
  request->user_data = user_data;
  dialog = gtk_file_chooser_native_new (_("Export Chart"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  furrow_export_folder_set_on (GTK_FILE_CHOOSER (dialog), GTK_WIDGET (self));
  /* Translators: default file name of the exported comparison chart. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog),
                                     png ? _("pattern-comparison.png") : _("pattern-comparison.svg"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
