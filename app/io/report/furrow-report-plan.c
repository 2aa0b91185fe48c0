/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report.h"
#include "furrow-report-private.h"
#include "furrow-report-testing.h"

#include "furrow-units.h"

#include <glib/gi18n-lib.h>

/* The plan sheet is designed on A4 portrait, in points. */
#define PAGE_W    FURROW_REPORT_A4_SHORT_PT
#define PAGE_H    FURROW_REPORT_A4_LONG_PT
#define MARGIN    42.0
#define CONTENT_W (PAGE_W - 2 * MARGIN)

#define ROW_H      18.0
#define TEXT_PT    9.0
#define HEADING_PT 10.5
#define SHADE_GRAY 0.92
#define RULE_GRAY  0.35
#define MAP_H      300.0

/* Row colours: maize dark green, soybean ochre, as agronomists mark them. */
static const double maize_rgb[3] = { 0.13, 0.45, 0.13 };
static const double soybean_rgb[3] = { 0.80, 0.55, 0.05 };

void
furrow_report_plan_sheet_clear (FurrowReportPlanSheet *sheet)
{
  g_return_if_fail (sheet != NULL);

  g_clear_pointer (&sheet->field_name, g_free);
  g_clear_pointer (&sheet->pattern, g_free);
  g_clear_pointer (&sheet->field, furrow_geometry_unref);
  g_clear_pointer (&sheet->rows, g_free);
  sheet->n_rows = 0;
}

static char *
format_number (double value,
               int    decimals)
{
  /* The locale's grouping: 12,345 */
  return g_strdup_printf ("%'.*f", decimals, value);
}

static double
draw_field_block (FurrowReportPainter         *painter,
                  const FurrowReportPlanSheet *sheet,
                  double                       y)
{
  const double label_w = 78.0;
  const double value_w = CONTENT_W / 2.0 - label_w;
  const double widths[4] = { label_w, value_w, label_w, value_w };
  const double col_x[5] = { MARGIN, MARGIN + label_w, MARGIN + label_w + value_w,
                            MARGIN + 2 * label_w + value_w, MARGIN + CONTENT_W };
  g_autofree char *area_mu = furrow_format_mu (sheet->field_area_m2);
  g_autofree char *area = NULL;
  g_autofree char *area_m2 = format_number (sheet->field_area_m2, 0);
  g_autofree char *width = g_strdup_printf (_("%.2f m"), sheet->unit_width_m);
  g_autofree char *azimuth = g_strdup_printf (_("%.0f°"), sheet->azimuth_deg);
  g_autofree char *headland = g_strdup_printf (_("%.1f m"), sheet->headland_m);
  g_autofree char *units = g_strdup_printf ("%u", sheet->units);
  g_autofree char *ler = sheet->ler > 0.0 ? g_strdup_printf ("%.2f", sheet->ler)
                                          : g_strdup ("—");
  const char *cells[4][4];

  /* Translators: a field's area in mu and in square metres */
  area = g_strdup_printf (_("%s mu (%s m²)"), area_mu, area_m2);
  cells[0][0] = _("Field");
  cells[0][1] = sheet->field_name;
  cells[0][2] = _("Area");
  cells[0][3] = area;
  cells[1][0] = _("Pattern");
  cells[1][1] = sheet->pattern;
  cells[1][2] = _("Strip width");
  cells[1][3] = width;
  cells[2][0] = _("Row direction");
  cells[2][1] = azimuth;
  cells[2][2] = _("Headland");
  cells[2][3] = headland;
  cells[3][0] = _("Strips");
  cells[3][1] = units;
  cells[3][2] = _("Land equivalent ratio");
  cells[3][3] = ler;

  for (guint r = 0; r < 4; r++)
    {
      furrow_report_fill_rect (painter->cr, col_x[0], y + r * ROW_H, label_w, ROW_H, SHADE_GRAY);
      furrow_report_fill_rect (painter->cr, col_x[2], y + r * ROW_H, label_w, ROW_H, SHADE_GRAY);
    }
  furrow_report_grid (painter->cr, MARGIN, y, widths, 4, 4, ROW_H, FALSE);
  furrow_report_set_gray (painter->cr, 0.0);
  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 4; c++)
      furrow_report_cell_text (painter, cells[r][c], col_x[c], y + r * ROW_H,
                               col_x[c + 1] - col_x[c], ROW_H, TEXT_PT, r == 0 && c == 1,
                               FURROW_REPORT_ALIGN_LEFT);
  return y + 4 * ROW_H + 14.0;
}

static double
draw_field_map (FurrowReportPainter         *painter,
                const FurrowReportPlanSheet *sheet,
                double                       y)
{
  cairo_t *cr = painter->cr;
  double min_lon = G_MAXDOUBLE, min_lat = G_MAXDOUBLE;
  double max_lon = -G_MAXDOUBLE, max_lat = -G_MAXDOUBLE;
  FurrowReportMapFrame frame;
  const double x = MARGIN;
  const double w = CONTENT_W;
  const double h = MAP_H;

  cairo_save (cr);
  furrow_report_fill_rect (cr, x, y, w, h, 0.985);
  furrow_report_set_gray (cr, RULE_GRAY);
  cairo_set_line_width (cr, 0.9);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);

  if (sheet->field == NULL
      || !furrow_geometry_get_bounds (sheet->field, &min_lon, &min_lat, &max_lon, &max_lat))
    {
      furrow_report_set_gray (cr, 0.45);
      furrow_report_cell_text (painter, _("No field outline on record"), x, y, w, h, TEXT_PT,
                               FALSE, FURROW_REPORT_ALIGN_CENTER);
      cairo_restore (cr);
      return y + h + 14.0;
    }

  furrow_report_map_frame_init (&frame, min_lon, min_lat, max_lon, max_lat, x, y, w, h);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);

  cairo_new_path (cr);
  furrow_report_map_geometry_path (cr, &frame, sheet->field);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgb (cr, 0.95, 0.93, 0.86);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  /* Rows, one stroke per crop. */
  for (guint crop = 0; crop < 2; crop++)
    {
      const double *rgb = crop == 0 ? maize_rgb : soybean_rgb;

      cairo_new_path (cr);
      for (guint i = 0; i < sheet->n_rows; i++)
        {
          const FurrowReportPlanRow *row = &sheet->rows[i];
          double ax, ay, bx, by;

          if ((guint) row->soybean != crop)
            continue;
          furrow_report_map_project (&frame, row->a.x, row->a.y, &ax, &ay);
          furrow_report_map_project (&frame, row->b.x, row->b.y, &bx, &by);
          cairo_move_to (cr, ax, ay);
          cairo_line_to (cr, bx, by);
        }
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_set_line_width (cr, MAX (0.25, MIN (0.8, 0.35 * frame.scale)));
      cairo_stroke (cr);
    }

  furrow_report_map_decorate (painter, &frame, x, y, w, h);

  /* Legend, bottom right. */
  {
    const char *labels[2] = { _("Maize rows"), _("Soybean rows") };
    double lx = x + w - 150.0;
    double ly = y + h - 14.0;

    for (guint crop = 0; crop < 2; crop++)
      {
        const double *rgb = crop == 0 ? maize_rgb : soybean_rgb;
        double cx = lx + crop * 75.0;

        cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
        furrow_report_line (cr, cx, ly + 5.0, cx + 14.0, ly + 5.0, 2.0);
        furrow_report_set_gray (cr, 0.0);
        furrow_report_text (painter, labels[crop], cx + 18.0, ly - 1.0, 0, 7.0, FALSE,
                            FURROW_REPORT_ALIGN_LEFT);
      }
  }

  cairo_restore (cr);
  return y + h + 14.0;
}

static double
draw_quantities (FurrowReportPainter         *painter,
                 const FurrowReportPlanSheet *sheet,
                 double                       y)
{
  const double label_w = CONTENT_W - 2 * 150.0;
  const double widths[3] = { label_w, 150.0, 150.0 };
  const double col_x[4] = { MARGIN, MARGIN + label_w, MARGIN + label_w + 150.0,
                            MARGIN + CONTENT_W };
  const FurrowReportPlanCrop *crops[2] = { &sheet->maize, &sheet->soybean };
  const char *labels[7] = {
    _("Rows"), _("Row length (m)"), _("Plants"), _("Seed (kg)"), _("Planted area (mu)"),
    _("Predicted yield (kg)"), _("Predicted income"),
  };
  const guint n_rows = 1 + G_N_ELEMENTS (labels);

  furrow_report_grid (painter->cr, MARGIN, y, widths, 3, n_rows, ROW_H, TRUE);
  furrow_report_set_gray (painter->cr, 0.0);
  furrow_report_cell_text (painter, _("Item"), col_x[0], y, label_w, ROW_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_LEFT);
  furrow_report_cell_text (painter, _("Maize"), col_x[1], y, 150.0, ROW_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_RIGHT);
  furrow_report_cell_text (painter, _("Soybean"), col_x[2], y, 150.0, ROW_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_RIGHT);

  for (guint r = 0; r < G_N_ELEMENTS (labels); r++)
    {
      double row_y = y + (1 + r) * ROW_H;

      furrow_report_cell_text (painter, labels[r], col_x[0], row_y, label_w, ROW_H, TEXT_PT,
                               FALSE, FURROW_REPORT_ALIGN_LEFT);
      for (guint c = 0; c < 2; c++)
        {
          const FurrowReportPlanCrop *crop = crops[c];
          g_autofree char *value = NULL;

          switch (r)
            {
            case 0:
              value = g_strdup_printf ("%u", crop->rows);
              break;
            case 1:
              value = format_number (crop->row_m, 0);
              break;
            case 2:
              value = format_number (crop->plants, 0);
              break;
            case 3:
              value = format_number (crop->seed_kg, 1);
              break;
            case 4:
              value = furrow_format_mu (crop->area_m2);
              break;
            case 5:
              value = format_number (crop->yield_kg, 0);
              break;
            case 6:
            default:
              value = furrow_format_yuan (crop->revenue_fen);
              break;
            }
          furrow_report_cell_text (painter, value, col_x[1 + c], row_y, 150.0, ROW_H, TEXT_PT,
                                   r == 6, FURROW_REPORT_ALIGN_RIGHT);
        }
    }
  return y + n_rows * ROW_H + 10.0;
}

void
furrow_report_draw_plan_sheet (cairo_t                       *cr,
                               const FurrowReportCooperative *cooperative,
                               const FurrowReportPlanSheet   *sheet,
                               double                         width_pt,
                               double                         height_pt)
{
  FurrowReportPainter painter = { NULL, };
  g_autofree char *title = NULL;
  double y = MARGIN - 6.0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (cooperative != NULL);
  g_return_if_fail (sheet != NULL);

  furrow_report_painter_begin (&painter, cr, PAGE_W, PAGE_H, width_pt, height_pt);

  furrow_report_set_gray (cr, 0.0);
  y += furrow_report_text (&painter, cooperative->name, MARGIN, y, CONTENT_W,
                           furrow_report_fit_size (&painter, cooperative->name, CONTENT_W, 16.0,
                                                   TRUE),
                           TRUE, FURROW_REPORT_ALIGN_CENTER);
  /* Translators: the plan sheet's title; %s is the season, e.g. "2024 年夏播" */
  title = g_strdup_printf (_("%s Field Plan Sheet"),
                           cooperative->season_name != NULL ? cooperative->season_name : "");
  y += 2.0;
  g_strstrip (title);
  y += furrow_report_text (&painter, title, MARGIN, y, CONTENT_W,
                           furrow_report_fit_size (&painter, title, CONTENT_W, 13.5, TRUE), TRUE,
                           FURROW_REPORT_ALIGN_CENTER);
  y += 6.0;
  furrow_report_line (cr, MARGIN, y, PAGE_W - MARGIN, y, 1.4);
  furrow_report_line (cr, MARGIN, y + 2.5, PAGE_W - MARGIN, y + 2.5, 0.5);
  y += 12.0;

  y = draw_field_block (&painter, sheet, y);
  y = draw_field_map (&painter, sheet, y);
  y = draw_quantities (&painter, sheet, y);

  furrow_report_set_gray (cr, 0.3);
  furrow_report_text (&painter,
                      _("Predictions come from the season's yield model and prices; the "
                        "settlement uses the harvest actually sold."),
                      MARGIN, y, CONTENT_W, 7.5, FALSE, FURROW_REPORT_ALIGN_LEFT);

  /* Sign-off lines. */
  {
    double sy = PAGE_H - MARGIN - 10.0;
    double label_w;

    furrow_report_set_gray (cr, 0.0);
    furrow_report_text (&painter, _("Agronomist:"), MARGIN, sy - 12.0, 0, TEXT_PT + 0.5, FALSE,
                        FURROW_REPORT_ALIGN_LEFT);
    label_w = furrow_report_text_width (&painter, _("Agronomist:"), TEXT_PT + 0.5, FALSE);
    furrow_report_line (cr, MARGIN + label_w + 4.0, sy + 1.0, MARGIN + label_w + 124.0,
                        sy + 1.0, 0.6);
    furrow_report_text (&painter, _("Date:"), PAGE_W - MARGIN - 150.0, sy - 12.0, 0,
                        TEXT_PT + 0.5, FALSE, FURROW_REPORT_ALIGN_LEFT);
    label_w = furrow_report_text_width (&painter, _("Date:"), TEXT_PT + 0.5, FALSE);
    furrow_report_line (cr, PAGE_W - MARGIN - 150.0 + label_w + 4.0, sy + 1.0,
                        PAGE_W - MARGIN, sy + 1.0, 0.6);
  }

  furrow_report_painter_end (&painter);
}
