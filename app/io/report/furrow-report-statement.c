/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report.h"
#include "furrow-report-private.h"

#include "furrow-capital.h"
#include "furrow-units.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* The statement is designed on A4 portrait, in points. */
#define PAGE_W    FURROW_REPORT_A4_SHORT_PT
#define PAGE_H    FURROW_REPORT_A4_LONG_PT
#define MARGIN    42.0
#define CONTENT_W (PAGE_W - 2 * MARGIN)

#define ROW_H        17.5
#define TEXT_PT      9.0
#define SMALL_PT     8.0
#define HEADING_PT   10.5
#define RULE_GRAY    0.35
#define SHADE_GRAY   0.92
#define MAX_PARCEL_ROWS 5   /* more parcels: the first 4 and a count */

static double
section_heading (FurrowReportPainter *painter,
                 const char          *text,
                 double               y)
{
  furrow_report_set_gray (painter->cr, 0.0);
  furrow_report_text (painter, text, MARGIN, y, CONTENT_W, HEADING_PT, TRUE,
                      FURROW_REPORT_ALIGN_LEFT);
  return y + 20.0;
}

/* ------------------------------------------------------------------------------------------ */
/* The parcels' sketch map                                                                    */

static void
draw_map (FurrowReportPainter         *painter,
          const FurrowReportHousehold *household,
          double                       x,
          double                       y,
          double                       w,
          double                       h)
{
  cairo_t *cr = painter->cr;
  double min_lon = G_MAXDOUBLE, min_lat = G_MAXDOUBLE;
  double max_lon = -G_MAXDOUBLE, max_lat = -G_MAXDOUBLE;
  gboolean any = FALSE;
  FurrowReportMapFrame frame;

  cairo_save (cr);
  furrow_report_fill_rect (cr, x, y, w, h, 0.985);
  furrow_report_set_gray (cr, RULE_GRAY);
  cairo_set_line_width (cr, 0.9);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);

  for (guint i = 0; i < household->n_parcels; i++)
    {
      double a, b, c, d;

      if (household->parcels[i].geometry != NULL
          && furrow_geometry_get_bounds (household->parcels[i].geometry, &a, &b, &c, &d))
        {
          min_lon = MIN (min_lon, a);
          min_lat = MIN (min_lat, b);
          max_lon = MAX (max_lon, c);
          max_lat = MAX (max_lat, d);
          any = TRUE;
        }
    }

  if (!any)
    {
      furrow_report_set_gray (cr, 0.45);
      furrow_report_cell_text (painter, _("No parcel outlines on record"), x, y, w, h,
                               SMALL_PT, FALSE, FURROW_REPORT_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }

  furrow_report_map_frame_init (&frame, min_lon, min_lat, max_lon, max_lat, x, y, w, h);

  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < household->n_parcels; i++)
    {
      const FurrowGeometry *geometry = household->parcels[i].geometry;

      if (geometry == NULL)
        continue;
      cairo_new_path (cr);
      furrow_report_map_geometry_path (cr, &frame, geometry);
      cairo_set_source_rgb (cr, 0.80, 0.90, 0.72);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.20, 0.42, 0.16);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
    }

  /* Labels: the last three digits of each DKBM at its first part's centroid. */
  for (guint i = 0; i < household->n_parcels; i++)
    {
      const FurrowReportParcel *parcel = &household->parcels[i];
      const char *code = parcel->code != NULL ? parcel->code : "";
      gsize len = strlen (code);
      double cx, cy;

      if (parcel->geometry == NULL || parcel->geometry->n_polygons == 0
          || parcel->geometry->polygons[0].n_rings == 0)
        continue;
      furrow_report_map_ring_centroid (&frame, &parcel->geometry->polygons[0].rings[0],
                                       &cx, &cy);
      furrow_report_set_gray (cr, 0.1);
      furrow_report_text (painter, len > 3 ? code + len - 3 : code, cx, cy - 5.0, 0,
                          7.0, TRUE, FURROW_REPORT_ALIGN_CENTER);
    }

  furrow_report_map_decorate (painter, &frame, x, y, w, h);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------------------------ */
/* The statement                                                                              */

static double
draw_title (FurrowReportPainter           *painter,
            const FurrowReportCooperative *coop,
            double                         y)
{
  g_autofree char *title = NULL;
  g_autofree char *village = NULL;
  g_autofree char *notice = NULL;

  furrow_report_set_gray (painter->cr, 0.0);
  y += furrow_report_text (painter, coop->name, MARGIN, y, CONTENT_W,
                           furrow_report_fit_size (painter, coop->name, CONTENT_W, 17.0, TRUE),
                           TRUE, FURROW_REPORT_ALIGN_CENTER);
  /* Translators: the statement's title; %s is the season, e.g. "2016 年秋季玉米" */
  title = g_strdup_printf (_("%s Household Income Statement"),
                           coop->season_name != NULL ? coop->season_name : "");
  y += 2.0;
  g_strstrip (title);
  y += furrow_report_text (painter, title, MARGIN, y, CONTENT_W,
                           furrow_report_fit_size (painter, title, CONTENT_W, 14.0, TRUE), TRUE,
                           FURROW_REPORT_ALIGN_CENTER);
  y += 6.0;

  furrow_report_set_gray (painter->cr, 0.25);
  /* Translators: the village's code (发包方编码, FBFBM) */
  village = g_strdup_printf (_("Village code: %s"),
                             coop->village_code != NULL ? coop->village_code : "—");
  notice = furrow_report_format_notice (coop);
  furrow_report_text (painter, village, MARGIN, y, CONTENT_W, SMALL_PT, FALSE,
                      FURROW_REPORT_ALIGN_LEFT);
  y += furrow_report_text (painter, notice, MARGIN, y, CONTENT_W, SMALL_PT, FALSE,
                           FURROW_REPORT_ALIGN_RIGHT);
  y += 3.0;
  furrow_report_set_gray (painter->cr, 0.0);
  furrow_report_line (painter->cr, MARGIN, y, PAGE_W - MARGIN, y, 1.4);
  furrow_report_line (painter->cr, MARGIN, y + 2.5, PAGE_W - MARGIN, y + 2.5, 0.5);
  return y + 12.0;
}

static double
draw_household_block (FurrowReportPainter         *painter,
                      const FurrowReportHousehold *household,
                      double                       y)
{
  const double widths[2] = { 96.0, 214.0 };
  const double map_x = MARGIN + widths[0] + widths[1] + 14.0;
  g_autofree char *id = furrow_report_mask_id_number (household->id_number);
  g_autofree char *phone = furrow_report_mask_phone (household->phone);
  g_autofree char *area = furrow_report_format_area (household->area_mu);
  /* Translators: an area in mu, e.g. "4.12 mu" */
  g_autofree char *area_text = g_strdup_printf (_("%s mu"), area);
  const char *labels[6] = {
    _("Household code"), _("Head of household"), C_("statement", "ID number"), _("Phone"),
    _("Custody type"), _("Registered area"),
  };
  const char *values[6] = {
    household->code, household->name, *id != '\0' ? id : "—", *phone != '\0' ? phone : "—",
    furrow_report_custody_label (household->custody), area_text,
  };
  const double block_h = 6 * ROW_H;

  y = section_heading (painter, C_("statement section", "Household"), y);

  for (guint r = 0; r < 6; r++)
    furrow_report_fill_rect (painter->cr, MARGIN, y + r * ROW_H, widths[0], ROW_H, SHADE_GRAY);
  furrow_report_grid (painter->cr, MARGIN, y, widths, 2, 6, ROW_H, FALSE);
  furrow_report_set_gray (painter->cr, 0.0);
  for (guint r = 0; r < 6; r++)
    {
      furrow_report_cell_text (painter, labels[r], MARGIN, y + r * ROW_H, widths[0], ROW_H,
                               TEXT_PT, FALSE, FURROW_REPORT_ALIGN_LEFT);
      furrow_report_cell_text (painter, values[r], MARGIN + widths[0], y + r * ROW_H,
                               widths[1], ROW_H, TEXT_PT, r < 2, FURROW_REPORT_ALIGN_LEFT);
    }

  /* The sketch map beside the block, its caption above it. */
  furrow_report_set_gray (painter->cr, 0.25);
  furrow_report_text (painter, _("Parcel sketch map"), map_x, y - 14.0,
                      PAGE_W - MARGIN - map_x, SMALL_PT, FALSE, FURROW_REPORT_ALIGN_LEFT);
  draw_map (painter, household, map_x, y, PAGE_W - MARGIN - map_x, block_h);

  return y + block_h + 14.0;
}

static double
draw_parcels (FurrowReportPainter         *painter,
              const FurrowReportHousehold *household,
              double                       y)
{
  const double widths[4] = { 150.0, 110.0, 110.0, CONTENT_W - 370.0 };
  const char *headers[4] = {
    _("Parcel code"), _("Parcel name"), _("Registered area (mu)"), _("Custody field"),
  };
  guint shown = household->n_parcels <= MAX_PARCEL_ROWS ? household->n_parcels
                                                        : MAX_PARCEL_ROWS - 1;
  gboolean more = shown < household->n_parcels;
  guint n_rows = 1 + MAX (shown, 1) + (more ? 1 : 0) + 1;
  double sum_mu = 0.0;
  g_autofree char *sum_text = NULL;
  g_autofree char *count = NULL;

  y = section_heading (painter, C_("statement section", "Entrusted parcels"), y);
  furrow_report_grid (painter->cr, MARGIN, y, widths, 4, n_rows, ROW_H, TRUE);

  furrow_report_set_gray (painter->cr, 0.0);
  {
    double x = MARGIN;

    for (guint c = 0; c < 4; c++)
      {
        furrow_report_cell_text (painter, headers[c], x, y, widths[c], ROW_H, TEXT_PT, TRUE,
                                 c == 2 ? FURROW_REPORT_ALIGN_RIGHT : FURROW_REPORT_ALIGN_LEFT);
        x += widths[c];
      }
  }

  for (guint i = 0; i < household->n_parcels; i++)
    sum_mu += household->parcels[i].area_mu;

  for (guint i = 0; i < MAX (shown, 1); i++)
    {
      double row_y = y + (1 + i) * ROW_H;
      double x = MARGIN;

      if (household->n_parcels == 0)
        {
          furrow_report_set_gray (painter->cr, 0.45);
          furrow_report_cell_text (painter, _("No parcels on record"), x, row_y, CONTENT_W,
                                   ROW_H, TEXT_PT, FALSE, FURROW_REPORT_ALIGN_LEFT);
          furrow_report_set_gray (painter->cr, 0.0);
          break;
        }
      else
        {
          const FurrowReportParcel *parcel = &household->parcels[i];
          g_autofree char *area = furrow_report_format_area (parcel->area_mu);
          const char *cells[4] = {
            parcel->code, parcel->name, area,
            parcel->field_name != NULL ? parcel->field_name : "—",
          };

          for (guint c = 0; c < 4; c++)
            {
              furrow_report_cell_text (painter, cells[c], x, row_y, widths[c], ROW_H, TEXT_PT,
                                       FALSE, c == 2 ? FURROW_REPORT_ALIGN_RIGHT
                                                     : FURROW_REPORT_ALIGN_LEFT);
              x += widths[c];
            }
        }
    }

  if (more)
    {
      g_autofree char *text = NULL;
      guint rest = household->n_parcels - shown;

      /* Translators: the statement lists only the first parcels; the rest are counted */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more parcel",
                                           "… and %u more parcels", rest), rest);
      furrow_report_cell_text (painter, text, MARGIN, y + (1 + shown) * ROW_H, CONTENT_W,
                               ROW_H, TEXT_PT, FALSE, FURROW_REPORT_ALIGN_LEFT);
    }

  {
    double row_y = y + (n_rows - 1) * ROW_H;

    sum_text = furrow_report_format_area (sum_mu);
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total: %u parcel",
                                          "Total: %u parcels", household->n_parcels),
                             household->n_parcels);
    furrow_report_cell_text (painter, count, MARGIN, row_y, widths[0] + widths[1], ROW_H,
                             TEXT_PT, TRUE, FURROW_REPORT_ALIGN_LEFT);
    furrow_report_cell_text (painter, sum_text, MARGIN + widths[0] + widths[1], row_y,
                             widths[2], ROW_H, TEXT_PT, TRUE, FURROW_REPORT_ALIGN_RIGHT);
  }

  return y + n_rows * ROW_H + 14.0;
}

static double
draw_amounts (FurrowReportPainter           *painter,
              const FurrowReportCooperative *coop,
              const FurrowReportHousehold   *household,
              double                         y)
{
  const double widths[3] = { 110.0, CONTENT_W - 220.0, 110.0 };
  const double total_h = 26.0;
  g_autofree char *base_rate = furrow_report_format_rate (household->base_fen_per_mu);
  g_autofree char *base_area = furrow_report_format_area (household->base_area_mu);
  g_autofree char *base_amount = furrow_format_yuan (household->base_fen);
  g_autofree char *dividend_yuan = NULL;
  g_autofree char *dividend_rate = NULL;
  g_autofree char *dividend_area = furrow_report_format_area (household->dividend_area_mu);
  g_autofree char *dividend_amount = furrow_format_yuan (household->dividend_fen);
  g_autofree char *fee_rate = furrow_report_format_rate (household->fee_fen_per_mu);
  g_autofree char *fee_area = furrow_report_format_area (household->fee_area_mu > 0.0
                                                         ? household->fee_area_mu
                                                         : household->area_mu);
  g_autofree char *fee_amount = furrow_format_yuan (-household->fee_fen);
  /* Owed is said by the label (合计应缴), so the amount is positive: no double negative. */
  g_autofree char *total = furrow_format_yuan (ABS (household->total_fen));
  g_autofree char *base_formula = NULL;
  g_autofree char *dividend_formula = NULL;
  g_autofree char *fee_formula = NULL;
  const char *headers[3] = { _("Item"), _("Calculation"), _("Amount") };
  const char *labels[3] = { _("Base payment"), _("Dividend"), _("Fees and deductions") };
  const char *formulas[3];
  const char *amounts[3] = { base_amount, dividend_amount, fee_amount };
  double x;

  /* The dividend is the households' dividend × this area ÷ the pool's area, to the fen by
   * largest remainder; the rate per mu beside it is rounded, so it is shown as "about". */
  dividend_yuan = furrow_format_yuan ((gint64) llround (household->dividend_fen_per_mu));
  dividend_rate = g_strdup_printf (_("%s/mu"), dividend_yuan);

  if (household->custody == FURROW_CUSTODY_HALF)
    base_formula = g_strdup (_("Half custody: no base payment"));
  else
    /* Translators: rate × area, e.g. "¥462.00/mu × 4.12 mu" */
    base_formula = g_strdup_printf (_("%s × %s mu"), base_rate, base_area);

  if (household->custody == FURROW_CUSTODY_HALF)
    dividend_formula = g_strdup (_("Half custody: no dividend"));
  else if (coop->deficit_fen > 0)
    dividend_formula = g_strdup (_("The season fell short: no dividend"));
  else if (coop->households_dividend_fen == 0)
    dividend_formula = g_strdup (_("No surplus to share this season: no dividend"));
  else if (coop->weighted_area_mu > 0.0)
    {
      g_autofree char *pool = furrow_format_yuan (coop->households_dividend_fen);
      g_autofree char *pool_area = furrow_report_format_area (coop->weighted_area_mu);

      /* Translators: the households' dividend ÷ the pool's area × this household's area,
       * and the rate per mu it comes to, e.g.
       * "¥9,536.56 ÷ 290.56 mu × 4.12 mu (¥32.82/mu)" */
      dividend_formula = g_strdup_printf (_("%s ÷ %s mu × %s mu (%s)"), pool, pool_area,
                                          dividend_area, dividend_rate);
    }
  else
    {
      dividend_formula = g_strdup_printf (_("%s × %s mu"), dividend_rate, dividend_area);
    }

  if (household->fee_fen > 0)
    fee_formula = g_strdup_printf (_("%s × %s mu"), fee_rate, fee_area);
  else
    fee_formula = g_strdup (_("None"));

  formulas[0] = base_formula;
  formulas[1] = dividend_formula;
  formulas[2] = fee_formula;

  y = section_heading (painter, C_("statement section", "Income this season"), y);
  furrow_report_grid (painter->cr, MARGIN, y, widths, 3, 4, ROW_H, TRUE);
  furrow_report_set_gray (painter->cr, 0.0);
  x = MARGIN;
  for (guint c = 0; c < 3; c++)
    {
      furrow_report_cell_text (painter, headers[c], x, y, widths[c], ROW_H, TEXT_PT, TRUE,
                               c == 2 ? FURROW_REPORT_ALIGN_RIGHT : FURROW_REPORT_ALIGN_LEFT);
      x += widths[c];
    }
  for (guint r = 0; r < 3; r++)
    {
      double row_y = y + (1 + r) * ROW_H;

      x = MARGIN;
      furrow_report_cell_text (painter, labels[r], x, row_y, widths[0], ROW_H, TEXT_PT, FALSE,
                               FURROW_REPORT_ALIGN_LEFT);
      x += widths[0];
      furrow_report_cell_text (painter, formulas[r], x, row_y, widths[1], ROW_H, TEXT_PT,
                               FALSE, FURROW_REPORT_ALIGN_LEFT);
      x += widths[1];
      furrow_report_cell_text (painter, amounts[r], x, row_y, widths[2], ROW_H, TEXT_PT, FALSE,
                               FURROW_REPORT_ALIGN_RIGHT);
    }
  y += 4 * ROW_H;

  /* The total: its own band, heavier rules, larger bold type. */
  furrow_report_fill_rect (painter->cr, MARGIN, y, CONTENT_W, total_h, 0.86);
  furrow_report_set_gray (painter->cr, 0.0);
  cairo_set_line_width (painter->cr, 1.2);
  cairo_rectangle (painter->cr, MARGIN, y, CONTENT_W, total_h);
  cairo_stroke (painter->cr);
  furrow_report_cell_text (painter,
                           household->total_fen < 0 ? _("Total owed by the household")
                                                    : _("Total due to the household"),
                           MARGIN, y, widths[0] + widths[1], total_h, 11.5, TRUE,
                           FURROW_REPORT_ALIGN_LEFT);
  furrow_report_cell_text (painter, total, MARGIN + widths[0] + widths[1], y, widths[2],
                           total_h, 12.5, TRUE, FURROW_REPORT_ALIGN_RIGHT);
  y += total_h + 4.0;

  /* The total in capital numerals too, as a voucher writes it (docs/domain.md §11); what is
   * owed is written as the amount owed. */
  {
    gint64 magnitude = household->total_fen < 0 ? -household->total_fen : household->total_fen;
    g_autofree char *words = furrow_money_capital (magnitude, NULL);

    if (words != NULL)
      {
        g_autofree char *line = NULL;

        if (household->total_fen < 0)
          /* Translators: the amount a household owes in capital numerals; zh_CN:
           * "应缴人民币（大写）：%s" */
          line = g_strdup_printf (_("Owed, in words (RMB): %s"), words);
        else
          line = g_strdup_printf (_("In words (RMB): %s"), words);
        furrow_report_set_gray (painter->cr, 0.0);
        y += furrow_report_text (painter, line, MARGIN, y, CONTENT_W, TEXT_PT, TRUE,
                                 FURROW_REPORT_ALIGN_RIGHT) + 2.0;
      }
  }

  if (household->basis != NULL)
    {
      /* Translators: the one-line calculation for this household */
      g_autofree char *basis = g_strdup_printf (_("How it was calculated: %s"), household->basis);

      furrow_report_set_gray (painter->cr, 0.3);
      y += furrow_report_text (painter, basis, MARGIN, y, CONTENT_W, SMALL_PT - 0.5, FALSE,
                               FURROW_REPORT_ALIGN_LEFT);
    }
  return y + 12.0;
}

static double
draw_season_totals (FurrowReportPainter           *painter,
                    const FurrowReportCooperative *coop,
                    double                         y)
{
  const double label_w = 130.0;
  const double value_w = CONTENT_W / 2.0 - label_w;
  const double widths[4] = { label_w, value_w, label_w, value_w };
  g_autofree char *area = furrow_report_format_area (coop->total_area_mu);
  g_autofree char *area_text = g_strdup_printf (_("%s mu"), area);
  g_autofree char *rate = furrow_report_format_rate (coop->base_fen_per_mu);
  g_autofree char *revenue = furrow_format_yuan (coop->revenue_fen);
  g_autofree char *cost = furrow_format_yuan (coop->cost_fen);
  g_autofree char *base = furrow_format_yuan (coop->base_total_fen);
  g_autofree char *surplus = furrow_format_yuan (coop->deficit_fen > 0 ? coop->deficit_fen
                                                                       : coop->surplus_fen);
  g_autofree char *reserve = furrow_format_yuan (coop->reserve_fen);
  g_autofree char *collective = furrow_format_yuan (coop->collective_fen);
  g_autofree char *cooperative = furrow_format_yuan (coop->cooperative_fen);
  g_autofree char *households = furrow_format_yuan (coop->households_dividend_fen);
  g_autofree char *reserve_pct = furrow_report_format_pct (coop->reserve_pct);
  g_autofree char *collective_pct = furrow_report_format_pct (coop->collective_pct);
  g_autofree char *cooperative_pct = furrow_report_format_pct (coop->cooperative_pct);
  g_autofree char *households_pct = furrow_report_format_pct (coop->households_pct);
  /* Translators: a share of the surplus with its percentage, e.g. "Reserve fund (10%)" */
  g_autofree char *reserve_label = g_strdup_printf (_("Reserve fund (%s)"), reserve_pct);
  g_autofree char *collective_label = g_strdup_printf (_("Village collective (%s)"),
                                                       collective_pct);
  g_autofree char *cooperative_label = g_strdup_printf (_("Cooperative (%s)"),
                                                        cooperative_pct);
  g_autofree char *households_label = g_strdup_printf (_("Dividend to households (%s)"),
                                                       households_pct);
  const char *cells[5][4] = {
    { _("Season income"), revenue, _("Area in custody"), area_text },
    { _("Season costs"), cost, _("Base rate"), rate },
    { _("Base payments in all"), base,
      coop->deficit_fen > 0 ? _("Shortfall") : _("Surplus to share"), surplus },
    { reserve_label, reserve, collective_label, collective },
    { cooperative_label, cooperative, households_label, households },
  };

  y = section_heading (painter, C_("statement section", "The cooperative this season"), y);
  for (guint r = 0; r < 5; r++)
    {
      furrow_report_fill_rect (painter->cr, MARGIN, y + r * ROW_H, label_w, ROW_H, SHADE_GRAY);
      furrow_report_fill_rect (painter->cr, MARGIN + label_w + value_w, y + r * ROW_H,
                               label_w, ROW_H, SHADE_GRAY);
    }
  furrow_report_grid (painter->cr, MARGIN, y, widths, 4, 5, ROW_H, FALSE);
  furrow_report_set_gray (painter->cr, 0.0);
  for (guint r = 0; r < 5; r++)
    {
      double x = MARGIN;

      for (guint c = 0; c < 4; c++)
        {
          furrow_report_cell_text (painter, cells[r][c], x, y + r * ROW_H, widths[c], ROW_H,
                                   c % 2 == 0 ? SMALL_PT + 0.5 : TEXT_PT, FALSE,
                                   c % 2 == 0 ? FURROW_REPORT_ALIGN_LEFT
                                              : FURROW_REPORT_ALIGN_RIGHT);
          x += widths[c];
        }
    }
  y += 5 * ROW_H + 4.0;

  if (coop->basis != NULL)
    {
      /* Translators: the settlement's one-line calculation */
      g_autofree char *basis = g_strdup_printf (_("Basis of the settlement: %s"), coop->basis);

      furrow_report_set_gray (painter->cr, 0.3);
      y += furrow_report_text (painter, basis, MARGIN, y, CONTENT_W, SMALL_PT - 0.5, FALSE,
                               FURROW_REPORT_ALIGN_LEFT);
    }
  return y + 10.0;
}

static void
draw_signatures (FurrowReportPainter           *painter,
                 const FurrowReportCooperative *coop,
                 double                         y)
{
  cairo_t *cr = painter->cr;
  g_autofree char *date = furrow_report_format_date (coop->notice_date);
  g_autofree char *notice = NULL;
  const double box_w = 92.0;
  const double box_h = 54.0;
  const double bottom = PAGE_H - MARGIN + 10.0;
  double box_y = MAX (y + 18.0, bottom - box_h - 4.0);
  double label_w;

  if (*date != '\0')
    /* Translators: %s is the date the statement is posted */
    notice = g_strdup_printf (_("Posted for public notice on %s. If any amount is wrong, tell "
                                "the cooperative during the notice period."), date);
  else
    notice = g_strdup (_("If any amount is wrong, tell the cooperative during the notice "
                         "period."));
  furrow_report_set_gray (cr, 0.15);
  furrow_report_text (painter, notice, MARGIN, y, CONTENT_W, SMALL_PT, FALSE,
                      FURROW_REPORT_ALIGN_LEFT);

  /* Signature line, thumbprint box, date line. */
  furrow_report_set_gray (cr, 0.0);
  furrow_report_text (painter, _("Signature (or thumbprint):"), MARGIN, box_y + box_h - 16.0,
                      0, TEXT_PT + 0.5, FALSE, FURROW_REPORT_ALIGN_LEFT);
  label_w = furrow_report_text_width (painter, _("Signature (or thumbprint):"), TEXT_PT + 0.5,
                                      FALSE);
  furrow_report_line (cr, MARGIN + label_w + 4.0, box_y + box_h - 3.0,
                      MARGIN + MAX (label_w + 84.0, 230.0), box_y + box_h - 3.0, 0.6);

  cairo_save (cr);
  {
    const double dashes[2] = { 2.5, 2.0 };
    double bx = MARGIN + MAX (label_w + 94.0, 240.0);

    cairo_set_dash (cr, dashes, 2, 0.0);
    cairo_set_line_width (cr, 0.7);
    furrow_report_set_gray (cr, RULE_GRAY);
    cairo_rectangle (cr, bx, box_y, box_w, box_h);
    cairo_stroke (cr);
    furrow_report_set_gray (cr, 0.6);
    furrow_report_cell_text (painter, _("Thumbprint"), bx, box_y, box_w, box_h, 7.0, FALSE,
                             FURROW_REPORT_ALIGN_CENTER);
  }
  cairo_restore (cr);

  furrow_report_set_gray (cr, 0.0);
  furrow_report_text (painter, _("Date:"), PAGE_W - MARGIN - 150.0, box_y + box_h - 16.0, 0,
                      TEXT_PT + 0.5, FALSE, FURROW_REPORT_ALIGN_LEFT);
  label_w = furrow_report_text_width (painter, _("Date:"), TEXT_PT + 0.5, FALSE);
  furrow_report_line (cr, PAGE_W - MARGIN - 150.0 + label_w + 4.0, box_y + box_h - 3.0,
                      PAGE_W - MARGIN, box_y + box_h - 3.0, 0.6);
}

void
furrow_report_draw_statement (cairo_t                       *cr,
                              const FurrowReportCooperative *cooperative,
                              const FurrowReportHousehold   *household,
                              double                         width_pt,
                              double                         height_pt)
{
  FurrowReportPainter painter = { NULL, };
  double y = MARGIN - 6.0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (cooperative != NULL);
  g_return_if_fail (household != NULL);

  furrow_report_painter_begin (&painter, cr, PAGE_W, PAGE_H, width_pt, height_pt);

  y = draw_title (&painter, cooperative, y);
  y = draw_household_block (&painter, household, y);
  y = draw_parcels (&painter, household, y);
  y = draw_amounts (&painter, cooperative, household, y);
  y = draw_season_totals (&painter, cooperative, y);
  draw_signatures (&painter, cooperative, y);

  furrow_report_painter_end (&painter);
}
