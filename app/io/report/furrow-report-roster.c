/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report.h"
#include "furrow-report-private.h"

#include "furrow-units.h"

#include <glib/gi18n-lib.h>

/* The roster is designed on A4 landscape, in points. */
#define PAGE_W    FURROW_REPORT_A4_LONG_PT
#define PAGE_H    FURROW_REPORT_A4_SHORT_PT
#define MARGIN    36.0
#define CONTENT_W (PAGE_W - 2 * MARGIN)

#define HEADER_H     24.0
#define ROW_H        18.0
#define TABLE_TOP    96.0
#define TEXT_PT      9.0
#define N_COLUMNS    8
/* Rows that leave room on a full last page for the totals row, the two notes under it and
 * the page number: 96 + 24 header + 21 × 18 + 18 totals = 516; notes to about 557; page
 * number at 565. */
#define ROWS_PER_PAGE 21

guint
furrow_report_roster_rows_per_page (void)
{
  return ROWS_PER_PAGE;
}

guint
furrow_report_roster_n_pages (gsize n_households,
                              guint rows_per_page)
{
  g_return_val_if_fail (rows_per_page > 0, 1);

  return MAX (1, (guint) ((n_households + rows_per_page - 1) / rows_per_page));
}

static void
draw_grid (cairo_t      *cr,
           double        y,
           const double *widths,
           guint         n_rows,
           double        table_h)
{
  double x = MARGIN;

  cairo_save (cr);
  furrow_report_set_gray (cr, 0.35);
  furrow_report_line (cr, MARGIN, y, PAGE_W - MARGIN, y, 0.9);
  furrow_report_line (cr, MARGIN, y + HEADER_H, PAGE_W - MARGIN, y + HEADER_H, 0.9);
  for (guint r = 1; r <= n_rows; r++)
    furrow_report_line (cr, MARGIN, y + HEADER_H + r * ROW_H, PAGE_W - MARGIN,
                        y + HEADER_H + r * ROW_H, 0.4);
  furrow_report_line (cr, MARGIN, y + table_h, PAGE_W - MARGIN, y + table_h, 0.9);
  for (guint c = 0; c <= N_COLUMNS; c++)
    {
      furrow_report_line (cr, x, y, x, y + table_h, c == 0 || c == N_COLUMNS ? 0.9 : 0.4);
      if (c < N_COLUMNS)
        x += widths[c];
    }
  cairo_restore (cr);
}

void
furrow_report_draw_roster_page (cairo_t                       *cr,
                                const FurrowReportCooperative *cooperative,
                                const FurrowReportHousehold   *households,
                                gsize                          n_households,
                                gsize                          first_row,
                                guint                          rows_per_page,
                                double                         width_pt,
                                double                         height_pt)
{
  static const double widths[N_COLUMNS] = { 40.0, 140.0, 90.0, 100.0, 100.0, 100.0, 90.0, 109.8 };
  const char *headers[N_COLUMNS] = {
    _("No."), _("Household code"), _("Head of household"), _("Registered area (mu)"),
    _("Base payment"), _("Dividend"), _("Service fee"), _("Total"),
  };
  FurrowReportPainter painter = { NULL, };
  guint page;
  guint n_pages;
  gboolean last;
  gsize end;
  guint n_rows;
  double y;
  double x;
  double table_h;
  g_autofree char *prefix = NULL;
  g_autofree char *title = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *page_text = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (cooperative != NULL);
  g_return_if_fail (households != NULL || n_households == 0);
  g_return_if_fail (rows_per_page > 0 && rows_per_page <= ROWS_PER_PAGE);

  page = (guint) (first_row / rows_per_page) + 1;
  n_pages = furrow_report_roster_n_pages (n_households, rows_per_page);
  end = MIN (n_households, first_row + rows_per_page);
  last = end >= n_households;
  n_rows = first_row < end ? (guint) (end - first_row) : 0;

  furrow_report_painter_begin (&painter, cr, PAGE_W, PAGE_H, width_pt, height_pt);

  /* Title and the notice line. */
  prefix = furrow_report_title_prefix (cooperative);
  /* Translators: the roster's title; %s is the cooperative and season */
  title = g_strdup_printf (_("%s: Public Roster of Household Income"), prefix);
  notice = furrow_report_format_notice (cooperative);
  /* Translators: under the roster's title: the village code, then the public notice ("Public
   * notice: …") */
  subtitle = g_strdup_printf (_("Village code: %s    %s"),
                              cooperative->village_code != NULL ? cooperative->village_code
                                                                : "—",
                              notice);
  furrow_report_set_gray (cr, 0.0);
  y = MARGIN - 4.0;
  y += furrow_report_text (&painter, title, MARGIN, y, CONTENT_W,
                           furrow_report_fit_size (&painter, title, CONTENT_W, 15.0, TRUE), TRUE,
                           FURROW_REPORT_ALIGN_CENTER);
  y += 8.0;
  furrow_report_set_gray (cr, 0.25);
  furrow_report_text (&painter, subtitle, MARGIN, y, CONTENT_W, 8.5, FALSE,
                      FURROW_REPORT_ALIGN_LEFT);
  furrow_report_text (&painter, _("Money in yuan, areas in mu"), MARGIN, y, CONTENT_W, 8.5,
                      FALSE, FURROW_REPORT_ALIGN_RIGHT);

  /* The table: header, rows, and on the last page the totals. */
  y = TABLE_TOP;
  table_h = HEADER_H + n_rows * ROW_H + (last ? ROW_H : 0.0);
  furrow_report_fill_rect (cr, MARGIN, y, CONTENT_W, HEADER_H, 0.90);
  if (last)
    furrow_report_fill_rect (cr, MARGIN, y + HEADER_H + n_rows * ROW_H, CONTENT_W, ROW_H, 0.90);
  draw_grid (cr, y, widths, n_rows, table_h);

  furrow_report_set_gray (cr, 0.0);
  x = MARGIN;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      furrow_report_cell_text (&painter, headers[c], x, y, widths[c], HEADER_H, TEXT_PT, TRUE,
                               c <= 2 ? FURROW_REPORT_ALIGN_CENTER : FURROW_REPORT_ALIGN_RIGHT);
      x += widths[c];
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const FurrowReportHousehold *household = &households[first_row + r];
      g_autofree char *number = g_strdup_printf ("%" G_GSIZE_FORMAT, first_row + r + 1);
      g_autofree char *area = furrow_report_format_area (household->area_mu);
      g_autofree char *base = furrow_format_yuan (household->base_fen);
      g_autofree char *dividend = furrow_format_yuan (household->dividend_fen);
      g_autofree char *fee = furrow_format_yuan (household->fee_fen);
      g_autofree char *total = furrow_format_yuan (household->total_fen);
      const char *cells[N_COLUMNS] = {
        number, household->code, household->name, area, base, dividend, fee, total,
      };
      double row_y = y + HEADER_H + r * ROW_H;

      x = MARGIN;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          furrow_report_cell_text (&painter, cells[c], x, row_y, widths[c], ROW_H, TEXT_PT,
                                   c == N_COLUMNS - 1,
                                   c == 0 ? FURROW_REPORT_ALIGN_CENTER
                                   : c <= 2 ? FURROW_REPORT_ALIGN_LEFT
                                            : FURROW_REPORT_ALIGN_RIGHT);
          x += widths[c];
        }
    }

  if (last)
    {
      gint64 base = 0, dividend = 0, fee = 0, total = 0;
      double area_mu = 0.0;
      g_autofree char *area_text = NULL;
      g_autofree char *base_text = NULL;
      g_autofree char *dividend_text = NULL;
      g_autofree char *fee_text = NULL;
      g_autofree char *total_text = NULL;
      g_autofree char *count = NULL;
      double row_y = y + HEADER_H + n_rows * ROW_H;
      const char *cells[N_COLUMNS];
      gboolean reconciles;

      /* The totals are the sums of every row, in integer fen. */
      for (gsize i = 0; i < n_households; i++)
        {
          base += households[i].base_fen;
          dividend += households[i].dividend_fen;
          fee += households[i].fee_fen;
          total += households[i].total_fen;
          area_mu += households[i].area_mu;
        }
      area_text = furrow_report_format_area (area_mu);
      base_text = furrow_format_yuan (base);
      dividend_text = furrow_format_yuan (dividend);
      fee_text = furrow_format_yuan (fee);
      total_text = furrow_format_yuan (total);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households",
                                            (gulong) n_households),
                               (guint) n_households);
      cells[0] = "";
      cells[1] = _("Total");
      cells[2] = count;
      cells[3] = area_text;
      cells[4] = base_text;
      cells[5] = dividend_text;
      cells[6] = fee_text;
      cells[7] = total_text;

      x = MARGIN;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          furrow_report_cell_text (&painter, cells[c], x, row_y, widths[c], ROW_H, TEXT_PT,
                                   TRUE, c <= 2 ? FURROW_REPORT_ALIGN_LEFT
                                                : FURROW_REPORT_ALIGN_RIGHT);
          x += widths[c];
        }

      /* Under the table: whether the roster reconciles with the settlement, and its basis. */
      reconciles = base == cooperative->base_total_fen
                   && dividend == cooperative->households_dividend_fen
                   && fee == cooperative->fees_fen;
      row_y += ROW_H + 6.0;
      if (reconciles)
        {
          furrow_report_set_gray (cr, 0.25);
          row_y += furrow_report_text (&painter,
                                       _("The totals agree with the settlement to the fen."),
                                       MARGIN, row_y, CONTENT_W, 8.0, FALSE,
                                       FURROW_REPORT_ALIGN_LEFT);
        }
      else
        {
          g_autofree char *expected_base = furrow_format_yuan (cooperative->base_total_fen);
          g_autofree char *expected_dividend =
            furrow_format_yuan (cooperative->households_dividend_fen);
          g_autofree char *warning = NULL;

          /* Translators: the roster's sums differ from the settlement's totals */
          warning = g_strdup_printf (_("These rows do not add up to the settlement: base %s, "
                                       "dividend %s expected."), expected_base,
                                     expected_dividend);
          cairo_set_source_rgb (cr, 0.75, 0.0, 0.0);
          row_y += furrow_report_text (&painter, warning, MARGIN, row_y, CONTENT_W, 8.0, TRUE,
                                       FURROW_REPORT_ALIGN_LEFT);
        }
      if (cooperative->basis != NULL)
        {
          g_autofree char *basis = g_strdup_printf (_("Basis of the settlement: %s"),
                                                    cooperative->basis);

          furrow_report_set_gray (cr, 0.25);
          furrow_report_text (&painter, basis, MARGIN, row_y + 2.0, CONTENT_W, 8.0, FALSE,
                              FURROW_REPORT_ALIGN_LEFT);
        }
    }

  /* Footer: the page number, centred. */
  /* Translators: the roster's page number, e.g. "第 1 页 / 共 4 页" */
  page_text = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  furrow_report_set_gray (cr, 0.2);
  furrow_report_text (&painter, page_text, MARGIN, PAGE_H - MARGIN + 6.0, CONTENT_W, 8.5, FALSE,
                      FURROW_REPORT_ALIGN_CENTER);

  furrow_report_painter_end (&painter);
}
