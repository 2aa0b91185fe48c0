/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The settlement's totals in a grid (furrow-settlement-totals.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-settlement-totals.h"
#include "furrow-units.h"

void
furrow_settlement_totals_clear (GtkGrid *grid)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_GRID (grid));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* One caption and value in the totals grid, two pairs a row; the caption's label. */
static GtkWidget *
add_total (GtkGrid    *grid,
           guint      *n,
           const char *caption,
           const char *value)
{
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);
  int column = (*n % 2) * 2;
  int row = *n / 2;

  /* Whole, never ellipsized: the captions are short enough for two pairs a row in the page
   * at 1024 px ("Income (sales, other inco…" there before); what a caption leaves out is in
   * its tooltip. */
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0.0);
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 1.0);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  if (column > 0)
    gtk_widget_set_margin_start (caption_label, 24);
  gtk_grid_attach (grid, caption_label, column, row, 1, 1);
  gtk_grid_attach (grid, value_label, column + 1, row, 1, 1);
  (*n)++;
  return caption_label;
}

static GtkWidget *
add_total_yuan (GtkGrid    *grid,
                guint      *n,
                const char *caption,
                gint64      fen)
{
  g_autofree char *value = furrow_format_yuan (fen);

  return add_total (grid, n, caption, value);
}

static char *
format_pct (double pct)
{
  return g_strdup_printf ("%g", pct);
}

/* The settlement's totals: income, costs, the base, the surplus (or the shortfall) and its
 * split, the households' dividends and fees, what the households are paid in all. */
void
furrow_settlement_totals_show (GtkGrid                        *grid,
                               const FurrowDistributionResult *t,
                               const FurrowSurplusSplit       *split)
{
  g_autofree char *rate = furrow_format_yuan (t->base_fen_per_mu);
  g_autofree char *rate_text = NULL;
  g_autofree char *area = furrow_format_mu_grouped (furrow_mu_to_m2 (t->total_area_mu));
  g_autofree char *reserve_pct = format_pct (split->reserve_pct);
  g_autofree char *collective_pct = format_pct (split->collective_pct);
  g_autofree char *cooperative_pct = format_pct (split->cooperative_pct);
  g_autofree char *households_pct = format_pct (split->households_pct);
  g_autofree char *caption = NULL;
  guint n = 0;

  furrow_settlement_totals_clear (grid);
  gtk_widget_set_tooltip_text (add_total_yuan (grid, &n, _("Income"), t->income_fen),
                               _("Sales, other income and subsidies"));
  add_total_yuan (grid, &n, _("Costs"), t->cost_fen);
  /* Translators: the base rate, %s is an amount of yuan */
  rate_text = g_strdup_printf (_("%s per mu"), rate);
  add_total (grid, &n, _("Base rate"), rate_text);
  add_total (grid, &n, _("Area in full custody"), area);
  add_total_yuan (grid, &n, _("Base payments"), t->base_total_fen);
  if (t->deficit_fen > 0)
    gtk_widget_set_tooltip_text (add_total_yuan (grid, &n, _("Shortfall"), t->deficit_fen),
                                 _("A deficit: no dividend is paid"));
  else
    add_total_yuan (grid, &n, _("Distributable surplus"), t->surplus_fen);
  /* Translators: %s is a percentage such as "10" */
  caption = g_strdup_printf (_("Reserve fund (%s %%)"), reserve_pct);
  add_total_yuan (grid, &n, caption, t->reserve_fen);
  g_free (caption);
  caption = g_strdup_printf (_("Village collective (%s %%)"), collective_pct);
  add_total_yuan (grid, &n, caption, t->collective_fen);
  g_free (caption);
  caption = g_strdup_printf (_("Cooperative (%s %%)"), cooperative_pct);
  add_total_yuan (grid, &n, caption, t->cooperative_fen);
  g_free (caption);
  caption = g_strdup_printf (_("Households’ dividends (%s %%)"), households_pct);
  add_total_yuan (grid, &n, caption, t->households_dividend_fen);
  add_total_yuan (grid, &n, _("Half-custody fees"), t->fees_fen);
  add_total_yuan (grid, &n, _("Paid to households"), furrow_distribution_result_paid_fen (t));
}
