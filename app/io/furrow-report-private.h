/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "furrow-report.h"

G_BEGIN_DECLS

/* Shared by the statement, roster and export files; not API. */

typedef enum
{
  FURROW_REPORT_ALIGN_LEFT,
  FURROW_REPORT_ALIGN_CENTER,
  FURROW_REPORT_ALIGN_RIGHT,
} FurrowReportAlign;

/* One page being drawn: the cairo_t scaled to the design size, and one Pango layout reused
 * for every piece of text (a fresh layout per cell costs more than the drawing). */
typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *font;
} FurrowReportPainter;

void    furrow_report_painter_begin (FurrowReportPainter *painter,
                                     cairo_t             *cr,
                                     double               design_width_pt,
                                     double               design_height_pt,
                                     double               width_pt,
                                     double               height_pt);
void    furrow_report_painter_end   (FurrowReportPainter *painter);

/* Draws `text` in a box `width_pt` wide whose top is at `y_pt`; returns the text's height.
 * width_pt ≤ 0: no wrapping (and the alignment is about x_pt). */
double  furrow_report_text          (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               x_pt,
                                     double               y_pt,
                                     double               width_pt,
                                     double               size_pt,
                                     gboolean             bold,
                                     FurrowReportAlign    align);
/* The same, vertically centred in a cell of height `height_pt`, with `pad_pt` inside it. */
void    furrow_report_cell_text     (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               x_pt,
                                     double               y_pt,
                                     double               width_pt,
                                     double               height_pt,
                                     double               size_pt,
                                     gboolean             bold,
                                     FurrowReportAlign    align);
/* Measures without drawing. */
double  furrow_report_text_width    (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               size_pt,
                                     gboolean             bold);
double  furrow_report_text_height   (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               width_pt,
                                     double               size_pt,
                                     gboolean             bold);

/* How many cells have been drawn cut short ("…") since the process started: tests check that
 * the usual figures fit their cells. */
guint   furrow_report_count_ellipsized (void);

void    furrow_report_set_gray      (cairo_t             *cr,
                                     double               level);
void    furrow_report_line          (cairo_t             *cr,
                                     double               x0_pt,
                                     double               y0_pt,
                                     double               x1_pt,
                                     double               y1_pt,
                                     double               line_width_pt);
void    furrow_report_fill_rect     (cairo_t             *cr,
                                     double               x_pt,
                                     double               y_pt,
                                     double               width_pt,
                                     double               height_pt,
                                     double               gray);

/* "2017-01-10" in the locale's date format ("2017年1月10日"); other text as it is; NULL → "". */
char   *furrow_report_format_date   (const char          *iso_date);
/* 50 → "50%", 12.5 → "12.5%". */
char   *furrow_report_format_pct    (double               pct);
/* 4.12 → "4.12". */
char   *furrow_report_format_area   (double               area_mu);
/* "¥462.00/mu" in the locale. */
char   *furrow_report_format_rate   (gint64               fen_per_mu);
const char *furrow_report_custody_label (FurrowCustody    custody);

/* "<cooperative> <season>" with whatever is known. */
char   *furrow_report_title_prefix  (const FurrowReportCooperative *cooperative);

G_END_DECLS
