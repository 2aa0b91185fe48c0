/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonComparisonWindow: the pattern comparison chart (FurrowComparisonChart) for all the
 * fields of a season at once, with the season's prices and costs (issue 7 item 3), exportable as
 * PNG and SVG. The numbers come from the core (furrow_comparison_compute()). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-field.h"
#include "furrow-season-comparison-window.h"
#include "furrow-season-comparison-window-testing.h"
#include "furrow-template.h"

struct _FurrowSeasonComparisonWindow
{
  AdwWindow              parent_instance;

  /* template */
  AdwWindowTitle        *window_title;
  AdwToastOverlay       *toast_overlay;
  GtkLabel              *summary_label;
  FurrowComparisonChart *chart;
  GtkLabel              *ler_note;
};

G_DEFINE_FINAL_TYPE (FurrowSeasonComparisonWindow, furrow_season_comparison_window,
                     ADW_TYPE_WINDOW)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowSeasonComparisonWindow, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (window_title), CHILD (toast_overlay), CHILD (summary_label), CHILD (chart),
  CHILD (ler_note),
};
#undef CHILD

static void
show_problem (FurrowSeasonComparisonWindow *self,
              const char                   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowSeasonComparisonWindow *self = FURROW_SEASON_COMPARISON_WINDOW (widget);

  furrow_comparison_chart_export_with_dialog (self->chart, GTK_WINDOW (self),
                                              g_str_has_suffix (action_name, "png"),
                                              (FurrowChartProblemFunc) show_problem, self);
}

static void
furrow_season_comparison_window_class_init (FurrowSeasonComparisonWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (FURROW_TYPE_COMPARISON_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/season/furrow-season-comparison-window.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_install_action (widget_class, "comparison.export-png", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "comparison.export-svg", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
furrow_season_comparison_window_init (FurrowSeasonComparisonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Charts every pattern preset on all of @store's fields with @season's rates (season-wide: no
 * field's own overrides, as `furrow-cli compare --season` without --field). */
static void
compute (FurrowSeasonComparisonWindow *self,
         FurrowStore                  *store,
         FurrowSeason                 *season)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) geometries = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  FurrowSeasonRates rates;
  FurrowEconomics economics;

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      FurrowField *field = g_list_model_get_item (fields, i);

      g_ptr_array_add (keep, field);
      if (furrow_field_get_geometry (field) != NULL)
        g_ptr_array_add (geometries, furrow_field_get_geometry (field));
    }
  furrow_season_get_rates (season, 0, &rates);
  furrow_economics_init_from_rates (&economics, &rates);
  if (!furrow_comparison_chart_set_fields (self->chart,
                                           (FurrowGeometry *const *) geometries->pdata,
                                           geometries->len, &economics, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why the patterns cannot be laid out on the fields. */
      message = g_strdup_printf (_("Cannot compare the patterns: %s"), error->message);
      show_problem (self, message);
    }
  adw_window_title_set_subtitle (self->window_title, furrow_season_get_name (season));
  /* Translators: %u is how many fields, %s a season's name. */
  summary = g_strdup_printf (ngettext ("Every pattern on the %u field, with the prices, costs and "
                                       "subsidies of season “%s”.",
                                       "Every pattern on all %u fields together, with the prices, "
                                       "costs and subsidies of season “%s”.",
                                       geometries->len),
                             geometries->len, furrow_season_get_name (season));
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.export-png", geometries->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.export-svg", geometries->len > 0);
}

FurrowSeasonComparisonWindow *
furrow_season_comparison_window_new (GtkWindow    *parent,
                                     FurrowStore  *store,
                                     FurrowSeason *season)
{
  FurrowSeasonComparisonWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  self = g_object_new (FURROW_TYPE_SEASON_COMPARISON_WINDOW, "transient-for", parent, NULL);
  compute (self, store, season);
  /* Open tall enough for the whole chart (issue 13, item 11): its height at the default width
   * less the margins, and the header bar, summary and note around it; at most 900 px. */
  {
    const FurrowChartComparison *data = furrow_comparison_chart_get_data (self->chart);
    int width = 0;
    int height = 0;

    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
    if (data->n_groups > 0)
      height = MAX (height, MIN (900, (int) furrow_chart_comparison_height_for_width (data,
                                                                                     width - 36)
                                      + 200));
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  }
  return self;
}

FurrowComparisonChart *
furrow_season_comparison_window_get_chart (FurrowSeasonComparisonWindow *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_COMPARISON_WINDOW (self), NULL);

  return self->chart;
}
